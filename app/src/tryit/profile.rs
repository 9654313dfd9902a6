//! The profile selector in the header: sandbox or production, among the environments the
//! person's organizations may use. The choice is saved for the person, not the browser.

use leptos::prelude::*;

use super::{Profile, SetProfile};
use crate::SessionResource;
use crate::form::on_success;
use crate::t;

#[component]
pub fn ProfileSelector(profile: Profile) -> impl IntoView {
    let session = expect_context::<SessionResource>();
    let save = ServerAction::<SetProfile>::new();
    // The saved choice reaches every part of the page through the session.
    on_success(save, move |_| session.refetch());
    let current = profile.current;
    view! {
        <ActionForm action=save attr:class="profile-form" attr:data-testid="profile">
            <label for="profile-environment" class="profile-form__label">{t!("tryit-profile-label")}</label>
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
                {t!("tryit-profile-help")}
            </span>
            <noscript><button class="button button--small" type="submit">{t!("tryit-profile-switch")}</button></noscript>
            <span class="visually-hidden" role="status">
                {move || match save.value().get() {
                    Some(Ok(())) => t!("tryit-profile-saved"),
                    Some(Err(error)) => error.to_string(),
                    None => String::new(),
                }}
            </span>
        </ActionForm>
    }
}
