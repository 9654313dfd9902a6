//! Self-registration: when an admin turns it on, a new address can ask to join and waits for an
//! admin's approval before it can sign in.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::form::{Field, error_for, error_outside, text_field};
use crate::layout::PageHeader;
use crate::t;

/// A request to join, as the person filled it in (checked before it reaches the service).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinRequest {
    pub email: crate::types::Email,
    pub display_name: String,
    pub company: String,
    pub reason: String,
}

/// A request to join that waits for an admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationRow {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub company: String,
    pub reason: String,
    pub requested_at: String,
}

#[cfg(feature = "ssr")]
#[async_trait::async_trait]
pub trait RegistrationService: Send + Sync {
    /// Whether new addresses may ask to join.
    async fn is_open(&self) -> Result<bool, AppError>;
    /// Takes a request to join. Like asking for a sign-in link, it answers the same whatever the
    /// address, and does its work off the request path.
    async fn request(
        &self,
        join: JoinRequest,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    async fn pending(&self) -> Result<Vec<RegistrationRow>, AppError>;
    async fn set_open(
        &self,
        actor: &super::Viewer,
        open: bool,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
    /// Approves (creating the account, in `organization_id` when given, and mailing a sign-in
    /// link) or rejects a request.
    async fn decide(
        &self,
        actor: &super::Viewer,
        registration_id: &str,
        approve: bool,
        organization_id: Option<String>,
        request: &http::request::Parts,
    ) -> Result<(), AppError>;
}

impl JoinRequest {
    pub fn parse(
        email: &str,
        display_name: &str,
        company: &str,
        reason: &str,
    ) -> Result<Self, AppError> {
        Ok(JoinRequest {
            email: crate::types::Email::parse(email)
                .map_err(|e| AppError::invalid("email", e.to_string()))?,
            display_name: text_field(
                display_name,
                "display_name",
                &t!("auth-join-name-label"),
                100,
                true,
            )?,
            company: text_field(
                company,
                "company",
                &t!("auth-join-company-label"),
                100,
                false,
            )?,
            reason: text_field(reason, "reason", &t!("auth-join-reason-label"), 2000, true)?,
        })
    }
}

#[server(prefix = "/rpc", endpoint = "request-account")]
pub async fn request_account(
    email: String,
    display_name: String,
    company: String,
    reason: String,
) -> Result<(), AppError> {
    use crate::services::{request_parts, services};
    let join = JoinRequest::parse(&email, &display_name, &company, &reason)?;
    let services = services()?;
    if !services.registrations.is_open().await? {
        return Err(AppError::Refused(t!("auth-join-closed")));
    }
    services
        .registrations
        .request(join, &request_parts()?)
        .await
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let session = expect_context::<crate::SessionResource>();
    let open = move || {
        session
            .get()
            .and_then(Result::ok)
            .map(|info| info.self_registration)
    };
    let send = ServerAction::<RequestAccount>::new();
    let answer = move || send.value().get();
    let fields = ["email", "display_name", "company", "reason"];
    let error = move |field: &'static str| Signal::derive(move || error_for(&answer(), field));
    view! {
        <PageHeader
            title=t!("auth-register-title")
            lead=t!("auth-register-lead")
        />
        <Suspense fallback=|| view! { <p class="loading" role="status">{t!("loading")}</p> }>
            {move || match open() {
                None => None,
                Some(false) => Some(view! {
                    <p class="notice">
                        {t!("auth-register-closed-before")}
                        <a href="/sign-in">{t!("auth-register-closed-link")}</a>
                        {t!("auth-register-closed-after")}
                    </p>
                }.into_any()),
                Some(true) if matches!(answer(), Some(Ok(()))) => Some(view! {
                    <div class="card form-card" role="status" data-testid="request-received">
                        <p class="notice notice--ok">{t!("auth-register-received")}</p>
                        <p>{t!("auth-register-received-next")}</p>
                    </div>
                }.into_any()),
                Some(true) => Some(view! {
                    <section class="card form-card" aria-label=t!("auth-register-title")>
                        <ActionForm action=send attr:novalidate="true">
                            <Field id="join-email" name="email" label=t!("auth-register-email") kind="email" autocomplete="email" required=true error=error("email") />
                            <Field id="join-name" name="display_name" label=t!("auth-register-name") autocomplete="name" required=true error=error("display_name") />
                            <Field id="join-company" name="company" label=t!("auth-register-company") autocomplete="organization" error=error("company") />
                            <Field
                                id="join-reason"
                                name="reason"
                                label=t!("auth-register-reason")
                                kind="textarea"
                                required=true
                                hint=t!("auth-register-reason-hint")
                                error=error("reason")
                            />
                            <p class="notice notice--error" role="alert" hidden=move || error_outside(&answer(), &fields).is_none()>
                                {move || error_outside(&answer(), &fields)}
                            </p>
                            <button class="button" type="submit" disabled=move || send.pending().get()>
                                {move || if send.pending().get() { t!("auth-register-sending") } else { t!("auth-register-send") }}
                            </button>
                        </ActionForm>
                    </section>
                }.into_any()),
            }}
        </Suspense>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_requests_name_the_field_that_is_wrong() {
        let field_of = |result: Result<JoinRequest, AppError>| match result {
            Err(AppError::Invalid { field, .. }) => field,
            _ => None,
        };
        assert_eq!(
            field_of(JoinRequest::parse("nope", "Ada", "", "APIs")).as_deref(),
            Some("email")
        );
        assert_eq!(
            field_of(JoinRequest::parse("a@b.com", "  ", "", "APIs")).as_deref(),
            Some("display_name")
        );
        assert_eq!(
            field_of(JoinRequest::parse(
                "a@b.com",
                "Ada",
                &"x".repeat(101),
                "APIs"
            ))
            .as_deref(),
            Some("company")
        );
        assert_eq!(
            field_of(JoinRequest::parse("a@b.com", "Ada", "", "")).as_deref(),
            Some("reason")
        );
        let ok = JoinRequest::parse(" A@B.com ", " Ada ", "", " Payments ").expect("valid");
        assert_eq!(ok.email.as_str(), "a@b.com");
        assert_eq!(ok.display_name, "Ada");
        assert_eq!(ok.reason, "Payments");
    }
}
