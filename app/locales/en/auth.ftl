# Signing in and out, the emailed link's page, requests to join, the terms of use and the profile
# page (app/src/auth/, server/src/auth/ except sso.rs).

## The sign-in page (app/src/auth/sign_in.rs)

auth-sign-in-title = Sign in
auth-sign-in-lead = Enter your work email address and we will send you a link to sign in. No password needed.
auth-signed-out = You are signed out.
auth-provider-logout-before = You may still be signed in at { $provider }.{ " " }
auth-provider-logout-link = Sign out of { $provider } too
auth-sso-retry-link = Try again
auth-sso-retry-after = { " " }or sign in with an email link below.
auth-sso-heading = Sign in with your company account
auth-sso-button = Sign in with { $provider }
auth-sso-redirecting = Your organization signs in with { $provider }. Taking you there…
auth-email-heading = Sign in with email
auth-email-label = Email address
auth-email-placeholder = you@company.com
auth-email-sending = Sending…
auth-email-send = Email me a sign-in link
auth-link-sent = Check your inbox.
auth-link-sent-detail = If this address may sign in to the portal, a sign-in link is on its way. It works once and expires after a few minutes.
auth-link-sent-nothing = Nothing after a few minutes? Check your spam folder, or ask your portal admin to give your address access.
auth-new-here-before = New here?{ " " }
auth-new-here-link = Request an account
auth-new-here-after = .

## What went wrong at an identity provider (the sign-in page's ?sso_error=)

auth-sso-error-denied = Signing in at your identity provider was cancelled or refused.
auth-sso-error-expired = That sign-in took too long or was already used. Please start again.
auth-sso-error-unverified-email = Your identity provider did not confirm your email address, so we cannot sign you in with it.
auth-sso-error-domain-not-allowed = Your email address's domain is not one this identity provider may sign in for.
auth-sso-error-cannot-link = An account with your email address exists, but it cannot be linked to this identity provider.
auth-sso-error-no-account = You do not have an account in this portal yet. Ask your portal admin to invite you.
auth-sso-error-suspended = Your account is suspended. Ask your portal admin.
auth-sso-error-not-allowed = Your organization does not have access to this portal. Ask your portal admin.
auth-sso-error-rate-limited = Too many sign-in attempts from here. Please wait a few minutes.
auth-sso-error-provider-unavailable = Your identity provider could not be reached. Please try again in a moment.
auth-sso-error-invalid-token = Your identity provider's answer could not be verified. Please try again.
auth-sso-error-unknown-provider = That identity provider is not configured here.
auth-sso-error-other = Signing in through your identity provider did not work. Please try again.

## The page an emailed link opens (app/src/auth/magic.rs)

auth-link-used-title = This link has already been used
auth-link-used = Each sign-in link works once. Ask for a new one below.
auth-link-expired-title = This link has expired
auth-link-expired = Sign-in links work for a few minutes only. Ask for a new one below.
auth-link-not-allowed-title = You cannot sign in with this address
auth-link-not-allowed = Your access may have been turned off. Ask your portal admin.
auth-link-internal-title = Something went wrong on our side
auth-link-internal = Please try again in a moment, or ask for a new link below.
auth-link-invalid-title = This link is not valid
auth-link-invalid = It may be incomplete: copy the whole link from the email, or ask for a new one below.
auth-link-new = Send me a new link
auth-link-finish-title = Finish signing in
auth-link-finish-lead = One more click and you are in.
auth-link-continue = Continue

## Redeeming a link through the API (server/src/auth/magic_link.rs)

auth-redeem-unknown = This sign-in link is not valid. It may be incomplete: copy the whole link from the email.
auth-redeem-used = This sign-in link has already been used. Each link works once.
auth-redeem-expired = This sign-in link has expired.
auth-redeem-not-allowed = This address may no longer sign in. Ask your portal admin for access.

## The JSON sign-in endpoints (server/src/auth/routes.rs)

auth-api-email-body = Send JSON like { $example } ({ $reason })
auth-api-token-body = Send JSON like { $example }.
auth-api-link-requested = If this address may sign in, a sign-in link is on its way. Check your inbox.

## The development outbox (server/src/auth/routes.rs)

auth-outbox-title = Dev outbox · Portico
auth-outbox-heading = Dev outbox
auth-outbox-lead = Mail this portal would have sent. It is shown because no SMTP server is configured (PORTICO_SMTP_URL) and the portal runs on this machine.
auth-outbox-empty = No mail yet.
auth-outbox-empty-hint = Request a sign-in link and it appears here.
auth-outbox-sent = To { $to }, { $sent_at }

## Requests to join (app/src/auth/registration.rs, server/src/auth/registration.rs)

auth-register-title = Request an account
auth-register-lead = Tell us who you are. An admin reviews each request; you get an email when yours is approved.
auth-register-closed-before = This portal does not take requests to join. Ask its admins for an invitation, or{ " " }
auth-register-closed-link = sign in
auth-register-closed-after = { " " }if you have an account.
auth-register-received = Thank you. Your request is waiting for an admin.
auth-register-received-next = We will email you when it is approved. If you already have access, we have sent you a sign-in link instead.
auth-register-email = Work email address
auth-register-name = Your name
auth-register-company = Company (optional)
auth-register-reason = What would you like to build?
auth-register-reason-hint = A sentence or two helps the admins decide.
auth-register-sending = Sending…
auth-register-send = Send my request
# Completes "Enter …" and "Keep … to N characters or fewer".
auth-join-name-label = your name
auth-join-company-label = your company
auth-join-reason-label = what you would like to build
auth-join-closed = This portal does not take requests to join. Ask its admins for an invitation.
# Completes "… was not found."
auth-registration-not-found = That request to join
auth-registration-decided = The request from { $email } has already been decided.

## The terms of use (app/src/auth/terms.rs)

auth-terms-title = Terms of use
auth-terms-none = No terms of use
auth-terms-none-message = This portal has not published terms of use.
auth-terms-accepted = You accepted version { $version } on { $at }.
auth-terms-please-accept = Please read the terms above. You can use the portal once you accept them.
auth-terms-accept = Accept and continue
auth-terms-decline = Decline and sign out
auth-terms-signed-out = Signed-in users accept these terms before they use the portal.
auth-terms-version = Version { $version }, published { $published }
# Completes "Please sign in …".
auth-terms-purpose = to read the terms

## The profile page (app/src/auth/profile.rs, server/src/auth/sessions.rs)

auth-profile-title = Profile
auth-profile-lead = Your account and the browsers signed in to it.
auth-profile-account = Account
auth-profile-name = Name
auth-profile-email = Email
auth-profile-role = Role
auth-role-admin = Portal admin
auth-role-developer = Developer
# Completes "Please sign in …".
auth-profile-purpose = to see your profile
auth-notifications-heading = Email notifications
auth-notifications-requests = Email me when someone requests access to an API
auth-notifications-save = Save
auth-sessions-heading = Signed-in browsers
auth-sessions-count = { $count ->
    [one] { $count } active session.
   *[other] { $count } active sessions.
}
auth-sessions-this-browser = This browser
auth-sessions-meta = Signed in { $signed_in } · last active { $last_seen }
auth-sessions-from = { " " }· from { $addr }
auth-sessions-sign-out-everywhere = Sign out everywhere
auth-device-unknown = Unknown browser
auth-device-browser-on = { $browser } on { $system }
auth-device-on = A browser on { $system }
