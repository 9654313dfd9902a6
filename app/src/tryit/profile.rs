//! The profile selector in the header: sandbox or production, among the environments the
//! person's organizations may use. The choice is saved for the person, not the browser.

use leptos::prelude::*;

use super::{Profile, SetProfile};
use crate::SessionResource;
use crate::form::on_success;

#[component]
pub fn ProfileSelector(profile: Profile) -> impl IntoView {
    let session = expect_context::<SessionResource>();
    let save = ServerAction::<SetProfile>::new();
    // The saved choice reaches every part of the page through the session.
    on_success(save, move |_| session.refetch());
    let current = profile.current;
    view! {
        <ActionForm action=save attr:class="profile-form" attr:data-testid="profile">
            <label for="profile-environment" class="profile-form__label">"Environment"</label>
            <select
                id="profile-environment"
                name="environment"
                aria-describedby="profile-environment-help"
                on:change=move |event| {
                    save.dispatch(SetProfile { environment: event_target_value(&event) });
                }
            >
                {profile.choices.into_iter().map(|environment| view! {
                    <option value=environment.as_str() selected=environment == current>{environment.label()}</option>
                }).collect_view()}
            </select>
            <span id="profile-environment-help" class="visually-hidden">
                "Chooses the environment that try-it calls, code samples and offered keys use."
            </span>
            <noscript><button class="button button--small" type="submit">"Switch"</button></noscript>
            <span class="visually-hidden" role="status">
                {move || match save.value().get() {
                    Some(Ok(())) => "Environment saved.".to_owned(),
                    Some(Err(error)) => error.to_string(),
                    None => String::new(),
                }}
            </span>
        </ActionForm>
    }
}
