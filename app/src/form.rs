//! What every form shares: labelled fields that show their own error, and reading an action's
//! last answer.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// The last answer of an action, for a form to show.
pub type Answer<T> = Option<Result<T, AppError>>;

/// The message for `field`, when the last answer was a validation error about it.
pub fn error_for<T>(answer: &Answer<T>, field: &str) -> Option<String> {
    match answer {
        Some(Err(AppError::Invalid {
            field: Some(name),
            message,
        })) if name == field => Some(message.clone()),
        _ => None,
    }
}

/// The message of an error that no field of `fields` shows.
pub fn error_outside<T>(answer: &Answer<T>, fields: &[&str]) -> Option<String> {
    match answer {
        Some(Err(AppError::Invalid {
            field: Some(name), ..
        })) if fields.contains(&name.as_str()) => None,
        Some(Err(error)) => Some(error.to_string()),
        _ => None,
    }
}

/// Checks a text field: required (or not), at most `max` characters; returns it trimmed.
pub fn text_field(
    value: &str,
    field: &str,
    label: &str,
    max: usize,
    required: bool,
) -> Result<String, AppError> {
    let value = value.trim();
    if required && value.is_empty() {
        return Err(AppError::invalid(
            field,
            crate::t!("field-required", label = label),
        ));
    }
    if value.chars().count() > max {
        return Err(AppError::invalid(
            field,
            crate::t!("field-too-long", label = label, max = max),
        ));
    }
    Ok(value.to_owned())
}

/// Runs `then` each time `action` succeeds (reloading a list, say).
pub fn on_success<S>(action: ServerAction<S>, then: impl Fn(&S::Output) + 'static)
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if let Some(Ok(output)) = action.value().get() {
            then(&output);
        }
    });
}

/// A labelled input (or, with `kind = "textarea"`, a text area) whose error is announced and
/// tied to it with `aria-describedby`.
#[component]
pub fn Field(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] placeholder: Option<String>,
    #[prop(optional, into)] value: Option<String>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let described_by = match &hint_id {
        Some(hint_id) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    let invalid = move || error.get().is_some();
    let control = if kind == "textarea" {
        view! {
            <textarea
                id=id.clone()
                name=name
                rows="6"
                required=required
                placeholder=placeholder
                aria-invalid=move || invalid().to_string()
                aria-describedby=described_by
            >{value}</textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name
                type=kind
                autocomplete=autocomplete
                required=required
                placeholder=placeholder
                value=value
                aria-invalid=move || invalid().to_string()
                aria-describedby=described_by
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field--invalid=invalid>
            <label for=id>{label}</label>
            {hint.zip(hint_id).map(|(hint, hint_id)| view! { <p id=hint_id class="field__hint">{hint}</p> })}
            {control}
            <p id=error_id class="field__error" role="alert">{move || error.get()}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_go_to_their_field_and_others_to_the_form() {
        let answer: Answer<()> = Some(Err(AppError::invalid("email", "Enter an email address.")));
        assert_eq!(
            error_for(&answer, "email").as_deref(),
            Some("Enter an email address.")
        );
        assert_eq!(error_for(&answer, "role"), None);
        assert_eq!(error_outside(&answer, &["email"]), None);
        assert_eq!(
            error_outside(&answer, &["role"]).as_deref(),
            Some("Enter an email address.")
        );
        let refused: Answer<()> = Some(Err(AppError::Forbidden));
        assert_eq!(error_for(&refused, "email"), None);
        assert!(error_outside(&refused, &["email"]).is_some());
        assert_eq!(error_outside::<()>(&Some(Ok(())), &["email"]), None);
    }
}
