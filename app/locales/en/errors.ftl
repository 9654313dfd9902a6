# Errors every page can show (app/src/error.rs, app/src/form.rs, app/src/layout.rs).

error-unauthenticated = Please sign in to continue.
error-forbidden = You do not have permission to do that.
error-terms-not-accepted = Please accept the terms of use to continue.
error-not-found = { $what } was not found.
error-rate-limited = Too many attempts. Please try again in { $seconds ->
    [one] one second
   *[other] { $seconds } seconds
}.
error-internal = Something went wrong on our side. Please try again in a moment.
error-transport = Could not reach Portico: { $reason }
field-required = Enter { $label }.
field-too-long = Keep { $label } to { $max } characters or fewer.
email-empty = Enter an email address.
email-too-long = An email address is at most 254 characters long.
email-malformed = An email address looks like name@example.com.
slug-too-short = A slug needs at least 2 characters.
slug-too-long = A slug is at most 63 characters long.
slug-bad-character = A slug uses only lower-case letters, digits and hyphens (like payments-api).
slug-bad-hyphen = A slug cannot start or end with a hyphen, or have two in a row.
date-malformed = Enter a date like 2026-12-31.
environment-sandbox = Sandbox
environment-production = Production
environment-none = no environment
list-and = { $init } and { $last }
