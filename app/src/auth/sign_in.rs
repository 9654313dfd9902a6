use leptos::prelude::*;

use crate::layout::PageHeader;

#[component]
pub fn SignInPage() -> impl IntoView {
    view! {
        <PageHeader
            title="Sign in"
            lead="Portico uses managed access: your portal admin decides who may sign in."
        />
        <section class="card" aria-labelledby="coming-heading">
            <h2 id="coming-heading">"Sign-in is on its way"</h2>
            <p>"This portal is new. Two ways to sign in are being built:"</p>
            <ul>
                <li>"an email link: enter your work address and follow the link we send you;"</li>
                <li>"single sign-on through your company's identity provider."</li>
            </ul>
            <p>"Until then, the catalog is open for browsing from "<a href="/discover">"Discover"</a>"."</p>
        </section>
    }
}
