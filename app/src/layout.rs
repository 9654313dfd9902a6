//! The frame around every page: skip link, header with navigation, main landmark, footer.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::SessionResource;
use crate::auth::SessionInfo;
use crate::i18n::Locale;
use crate::t;
use crate::tryit::ProfileSelector;

#[component]
pub fn Frame(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{t!("skip-link")}</a>
        <Header />
        <DecisionNotice />
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <Footer />
    }
}

#[component]
fn Header() -> impl IntoView {
    let session = expect_context::<SessionResource>();
    let (menu_open, set_menu_open) = signal(false);
    let toggle = NodeRef::<leptos::html::Button>::new();
    // Escape closes the phone menu and gives the focus back to its button.
    let close_on_escape = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" && menu_open.get_untracked() {
            set_menu_open.set(false);
            if let Some(toggle) = toggle.get() {
                let _ = toggle.focus();
            }
        }
    };

    let info = move || session.get().and_then(Result::ok);
    let portal_name = move || {
        info()
            .map(|info| info.portal_name)
            .unwrap_or_else(|| "Portico".to_owned())
    };

    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="/">
                    <Transition fallback=|| view! { <span class="brand__mark" aria-hidden="true">"◆"</span> }>
                        {move || match info().and_then(|info| info.branding.logo_url) {
                            // The name beside it says what the logo is.
                            Some(logo) => view! { <img class="brand__logo" src=logo alt="" /> }.into_any(),
                            None => view! { <span class="brand__mark" aria-hidden="true">"◆"</span> }.into_any(),
                        }}
                        // In the page itself (not the head), so it is there in the first HTML too.
                        {move || info().and_then(|info| info.branding.accent_css()).map(|css| view! { <style>{css}</style> })}
                    </Transition>
                    <Transition fallback=|| "Portico">{portal_name}</Transition>
                </a>
                <button
                    class="menu-toggle"
                    type="button"
                    node_ref=toggle
                    aria-controls="primary-nav"
                    aria-expanded=move || menu_open.get().to_string()
                    on:click=move |_| set_menu_open.update(|open| *open = !*open)
                >
                    <span class="menu-toggle__bars" aria-hidden="true"></span>
                    <span class="menu-toggle__label">
                        {move || if menu_open.get() { t!("menu-close") } else { t!("menu-open") }}
                    </span>
                </button>
                <nav
                    id="primary-nav"
                    class="primary-nav"
                    class:primary-nav--open=move || menu_open.get()
                    aria-label=t!("nav-main")
                    on:keydown=close_on_escape
                >
                    // Following a link (the click bubbles up here) closes the phone menu.
                    <ul on:click=move |_| set_menu_open.set(false)>
                        <li><A href="/apis">{t!("nav-my-apis")}</A></li>
                        <li><A href="/discover">{t!("nav-discover")}</A></li>
                        <Transition fallback=|| ()>
                            {move || {
                                info()
                                    .and_then(|info| info.viewer)
                                    .filter(|viewer| viewer.is_admin)
                                    .map(|_| {
                                        let waiting = info().map(|info| info.notices.pending_approvals).unwrap_or_default();
                                        view! {
                                            <li>
                                                <A href="/admin">{t!("nav-admin")}</A>
                                                {(waiting > 0).then(|| view! {
                                                    <A href="/admin/requests" attr:class="count-badge" attr:data-testid="approvals-badge">
                                                        {waiting}
                                                        <span class="visually-hidden">{t!("nav-approvals-waiting", count = waiting)}</span>
                                                    </A>
                                                })}
                                            </li>
                                        }
                                    })
                            }}
                        </Transition>
                    </ul>
                    <Transition fallback=|| ()>
                        {move || {
                            info()
                                .and_then(|info| info.profile)
                                .filter(|profile| !profile.choices.is_empty())
                                .map(|profile| view! { <ProfileSelector profile /> })
                        }}
                        {move || info().map(|info| view! { <Account info /> })}
                    </Transition>
                </nav>
            </div>
        </header>
    }
}

#[component]
fn Account(info: SessionInfo) -> impl IntoView {
    let Some(viewer) = info.viewer else {
        return view! { <A href="/sign-in" attr:class="button button--small">{t!("nav-sign-in")}</A> }
            .into_any();
    };
    let initial = viewer
        .display_name
        .chars()
        .next()
        .unwrap_or('?')
        .to_uppercase()
        .to_string();
    let menu = NodeRef::<leptos::html::Details>::new();
    let summary = NodeRef::<leptos::html::Summary>::new();
    // A native disclosure works without scripts and with the keyboard; Escape closes it and
    // puts focus back on its button.
    let close_on_escape = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" {
            if let Some(details) = menu.get() {
                details.set_open(false);
            }
            if let Some(summary) = summary.get() {
                let _ = summary.focus();
            }
        }
    };
    view! {
        <details class="account" data-testid="account" node_ref=menu on:keydown=close_on_escape>
            <summary class="account__summary" node_ref=summary>
                // The initial is drawn by CSS, so the button's text is just the name.
                <span class="account__avatar" aria-hidden="true" data-initial=initial></span>
                <span class="visually-hidden">{t!("account-menu")}</span>
                <span class="account__name">{viewer.display_name.clone()}</span>
            </summary>
            // Following one of its links closes the menu (the page changes without a reload).
            <div class="account__menu" on:click=move |_| {
                if let Some(details) = menu.get() {
                    details.set_open(false);
                }
            }>
                <p class="account__email">{viewer.email}</p>
                <a class="account__item" href="/profile">{t!("account-profile")}</a>
                <a class="account__item" href="/keys">{t!("account-keys")}</a>
                <a class="account__item" href="/team">{t!("account-team")}</a>
                <a class="account__item" href="/requests">{t!("account-requests")}</a>
                <form method="post" action="/auth/sign-out">
                    <button class="account__item" type="submit">{t!("account-sign-out")}</button>
                </form>
            </div>
        </details>
    }
    .into_any()
}

/// Tells a developer, on their next visit, that an admin decided one of their requests.
#[component]
fn DecisionNotice() -> impl IntoView {
    let session = expect_context::<SessionResource>();
    let location = leptos_router::hooks::use_location();
    let unseen = move || {
        session
            .get()
            .and_then(Result::ok)
            .map(|info| info.notices.unseen_decisions)
            .unwrap_or_default()
    };
    view! {
        <Transition fallback=|| ()>
            {move || {
                let count = unseen();
                (count > 0 && location.pathname.get() != "/requests").then(|| view! {
                    <div class="site-notice" role="status" data-testid="decision-notice">
                        <p>
                            {t!("decision-notice", count = count)}
                            <a href="/requests">{t!("decision-notice-link")}</a>
                        </p>
                    </div>
                })
            }}
        </Transition>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let session = expect_context::<SessionResource>();
    let links = move || {
        session
            .get()
            .and_then(Result::ok)
            .map(|info| info.branding.footer_links)
            .unwrap_or_default()
    };
    view! {
        <footer class="site-footer">
            <Transition fallback=|| ()>
                {move || {
                    let links = links();
                    (!links.is_empty()).then(|| view! {
                        <nav aria-label=t!("footer-nav")>
                            <ul class="footer-links">
                                {links.into_iter().map(|link| view! { <li><a href=link.url>{link.label}</a></li> }).collect_view()}
                            </ul>
                        </nav>
                    })
                }}
            </Transition>
            <LanguageSwitcher />
            <p>{t!("footer-powered-by", version = env!("CARGO_PKG_VERSION"))}</p>
        </footer>
    }
}

/// A page-level heading block, so every page starts the same way with one `h1`.
#[component]
pub fn PageHeader(
    #[prop(into)] title: String,
    #[prop(optional, into)] lead: Option<String>,
) -> impl IntoView {
    let page_title = title.clone();
    view! {
        <Title text=page_title />
        <TermsGate />
        <div class="page-header">
            <h1>{title}</h1>
            {lead.map(|lead| view! { <p class="lead">{lead}</p> })}
        </div>
    }
}

/// Sends a signed-in person who has not accepted the current terms of use to the terms page
/// (a 302 when rendered on the server). It lives in `PageHeader` because every page has one, inside
/// its route; the pages a person needs to get to the terms or away from them are exempt.
#[component]
fn TermsGate() -> impl IntoView {
    let session = expect_context::<SessionResource>();
    let location = leptos_router::hooks::use_location();
    let exempt = ["/terms", "/sign-in", "/register", "/auth/"];
    let destination = move || {
        let pending = session
            .get()
            .and_then(Result::ok)
            .and_then(|info| info.viewer)
            .is_some_and(|viewer| viewer.terms_pending);
        let path = location.pathname.get();
        (pending && !exempt.iter().any(|prefix| path.starts_with(prefix))).then(|| {
            let search = location.search.get();
            let here = if search.is_empty() {
                path
            } else {
                format!("{path}?{search}")
            };
            format!(
                "/terms?next={}",
                leptos_router::location::Url::escape(&here)
            )
        })
    };
    view! {
        <Suspense fallback=|| ()>
            {move || destination().map(|path| view! { <leptos_router::components::Redirect path /> })}
        </Suspense>
    }
}

/// A friendly "nothing here yet" panel with an optional next step.
#[component]
pub fn EmptyState(
    #[prop(into)] title: String,
    #[prop(into)] message: String,
    /// A button to the next step: where it leads, and its words.
    #[prop(optional)]
    action: Option<(&'static str, String)>,
) -> impl IntoView {
    let label = title.clone();
    view! {
        <section class="empty-state" aria-label=label>
            <h2>{title}</h2>
            <p>{message}</p>
            {action.map(|(href, label)| view! { <a class="button" href=href>{label}</a> })}
        </section>
    }
}

/// Why a page's data did not load: a sign-in prompt when nobody is signed in, the error otherwise.
/// `purpose` finishes the sentence "Please sign in …".
#[component]
pub fn LoadError(error: crate::error::AppError, #[prop(into)] purpose: String) -> impl IntoView {
    // A page about something that does not exist (or that the viewer may not know of) answers 404.
    #[cfg(feature = "ssr")]
    if matches!(error, crate::error::AppError::NotFound(_))
        && let Some(status) = use_context::<crate::services::ResponseStatus>()
    {
        (status.0)(404);
    }
    match error {
        crate::error::AppError::Unauthenticated => view! {
            <p class="notice">{t!("load-sign-in-before")}<a href="/sign-in">{t!("load-sign-in-link")}</a>{t!("load-after", purpose = purpose)}</p>
        }
        .into_any(),
        crate::error::AppError::TermsNotAccepted => view! {
            <p class="notice">{t!("load-sign-in-before")}<a href="/terms">{t!("load-terms-link")}</a>{t!("load-after", purpose = purpose)}</p>
        }
        .into_any(),
        error => view! { <p class="notice notice--error" role="alert">{error.to_string()}</p> }
            .into_any(),
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(status) = use_context::<crate::services::ResponseStatus>() {
        (status.0)(404);
    }
    view! {
        <PageHeader title=t!("page-not-found") lead=t!("page-not-found-lead") />
        <p><a class="button" href="/">{t!("page-not-found-home")}</a></p>
    }
}

/// A secret just made (an API key, an admin API token), with a copy button: the only time it is
/// shown, since only its hash is kept.
#[component]
pub fn SecretShownOnce(
    #[prop(into)] title: String,
    /// What the secret is, for screen readers ("API key").
    #[prop(into)]
    label: String,
    secret: String,
    /// How to use it, one sentence.
    #[prop(into)]
    usage: String,
    on_dismiss: Callback<()>,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let value = secret.clone();
    let copy = move |_| copied.set(crate::browser::copy_text(&value));
    view! {
        <section class="card issued" aria-labelledby="issued-heading" data-testid="issued-token">
            <h2 id="issued-heading">{title}</h2>
            <p class="notice notice--warning">{t!("secret-copy-now")}</p>
            <div class="issued__token">
                <label for="issued-token" class="visually-hidden">{label}</label>
                <input id="issued-token" type="text" readonly value=secret on:focus=|event| {
                    #[cfg(feature = "hydrate")]
                    {
                        use leptos::wasm_bindgen::JsCast;
                        if let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    }
                    #[cfg(not(feature = "hydrate"))]
                    let _ = event;
                } />
                <button class="button" type="button" on:click=copy>{t!("secret-copy")}</button>
            </div>
            <p role="status" class="issued__copied">{move || copied.get().then(|| t!("secret-copied"))}</p>
            <p>{usage}</p>
            <button class="button button--secondary button--small" type="button" on:click=move |_| on_dismiss.run(())>{t!("secret-stored")}</button>
        </section>
    }
}

/// Switches the language with a plain form, so it works before (and without) scripts: the server
/// sets the cookie, saves the choice for a signed-in person (their mail follows it) and sends
/// the browser back to the page it was on.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let here = move || {
        let search = location.search.get();
        let path = location.pathname.get();
        if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        }
    };
    let current = crate::i18n::current();
    view! {
        <form class="language-form" method="post" action="/language">
            <input type="hidden" name="next" value=here />
            <label for="language-select">{t!("language-label")}</label>
            <select id="language-select" name="lang">
                {Locale::ALL.into_iter().map(|locale| view! {
                    <option value=locale.tag() lang=locale.tag() selected=locale == current>{locale.own_name()}</option>
                }).collect_view()}
            </select>
            <button class="button button--small button--secondary" type="submit">{t!("language-change")}</button>
        </form>
    }
}

/// The focus of an inline confirmation (a danger button that opens "Are you sure?" beside it):
/// opening moves the focus to the confirmation's first button, and Cancel or Escape closes it
/// and gives the focus back to the button that opened it, so keyboard users never lose their
/// place. Put `opener` and `group` on the two elements and `close_on_escape` on the group.
#[derive(Clone, Copy)]
pub struct ConfirmFocus {
    pub opener: NodeRef<leptos::html::Button>,
    pub group: NodeRef<leptos::html::Div>,
    confirming: RwSignal<bool>,
}

impl ConfirmFocus {
    pub fn new(confirming: RwSignal<bool>) -> ConfirmFocus {
        let focus = ConfirmFocus {
            opener: NodeRef::new(),
            group: NodeRef::new(),
            confirming,
        };
        Effect::new(move |was_open: Option<bool>| {
            let open = confirming.get();
            if was_open.is_some_and(|was| was != open) {
                // After the change is drawn: a hidden element cannot take the focus.
                request_animation_frame(move || focus.move_focus(open));
            }
            open
        });
        focus
    }

    fn move_focus(self, open: bool) {
        use leptos::wasm_bindgen::JsCast;
        if open {
            let first = self
                .group
                .get()
                .and_then(|group| group.query_selector("button").ok().flatten())
                .and_then(|button| button.dyn_into::<leptos::web_sys::HtmlElement>().ok());
            if let Some(button) = first {
                let _ = button.focus();
            }
        } else if let Some(opener) = self.opener.get() {
            let _ = opener.focus();
        }
    }

    pub fn close_on_escape(self) -> impl Fn(leptos::ev::KeyboardEvent) + Copy + 'static {
        move |event| {
            if event.key() == "Escape" {
                self.confirming.set(false);
            }
        }
    }
}
