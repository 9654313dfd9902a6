# The admin overview and its dashboard (app/src/admin/mod.rs, dashboard.rs), branding
# (app/src/admin/branding.rs), terms of use (app/src/admin/terms.rs, server/src/terms.rs),
# admin API tokens (app/src/admin/api_tokens.rs, server/src/admin/api_tokens.rs) and the
# configuration page (app/src/admin/configuration.rs).

admin-title = Admin
admin-lead = Run the portal: organizations, people, collections and approvals.
admin-back = ← Admin overview
admin-run-heading = Run the portal
admin-sections = Admin sections
admin-link-people = People
admin-link-people-text = Invite people, decide on requests to join, suspend and reactivate.
admin-link-organizations = Organizations
admin-link-organizations-text = Portal access, environments, authorized addresses and domains that join.
admin-link-collections = Collections
admin-link-collections-text = Publish APIs from OpenAPI documents and decide who may use them.
admin-link-requests = Access requests
admin-link-requests-text = Approve or reject requests for APIs; bulk decisions and history.
admin-link-audit = Audit log
admin-link-audit-text = Every sign-in, decision and change, filtered and exported as CSV.
admin-link-terms = Terms of use
admin-link-terms-text = Publish the terms everyone accepts before using the portal.
admin-link-branding = Branding
admin-link-branding-text = Name, logo, accent color, footer links and the home-page message.
admin-link-identity-providers = Identity providers
admin-link-identity-providers-text = Single sign-on with OpenID Connect: add, test and switch providers.
admin-link-api-tokens = API tokens
admin-link-api-tokens-text = Tokens for the management API, to run the portal from scripts.
admin-link-configuration = Configuration
admin-link-configuration-text = The portal's set-up as one file: download it, or set a portal up from one.

## Dashboard: the tiles ($count and $shown are the same number, $shown written out)

admin-stat-label = At a glance
admin-stat-users = Users
admin-stat-users-active = { $count } active in the last 30 days
admin-stat-organizations = Organizations
admin-stat-collections = Published collections
admin-stat-pending = Pending requests
admin-stat-pending-none = Nothing waiting
admin-stat-pending-some = Waiting for a decision
admin-stat-keys = Active API keys
admin-stat-calls = Gateway calls, 24 h

## Dashboard: the chart of gateway calls

admin-chart-title = Gateway calls per hour, last 7 days
admin-chart-calls-count = { $count ->
    [one] { $shown } call
   *[other] { $shown } calls
}
admin-chart-errors-count = { $count ->
    [one] { $shown } error
   *[other] { $shown } errors
}
# $calls and $errors: admin-chart-calls-count and admin-chart-errors-count; $peak: the busiest
# hour's calls (admin-chart-calls-count); $hour: like 2026-12-01 14:00.
admin-chart-description = { $calls } and { $errors } in the last 7 days; the busiest hour was { $hour } UTC with { $peak }.
admin-chart-no-calls = No gateway calls in the last 7 days.
admin-chart-key-calls = Calls
admin-chart-key-errors = Errors (4xx and 5xx)
admin-chart-per-day = Numbers per day
admin-chart-per-day-label = Gateway calls per day
admin-chart-day = Day (UTC)
admin-chart-calls = Calls
admin-chart-errors = Errors

## Branding

admin-branding-title = Branding
admin-branding-lead = The portal's name, logo, accent color, footer links and home-page message, on every page and email.
admin-branding-heading = Look and words
admin-branding-name = Portal name
# Completes "Enter …" and "Keep … to 60 characters or fewer."
admin-branding-name-label = the portal's name
admin-branding-name-hint = In the header, page titles and emails.
admin-branding-accent = Accent color
admin-branding-accent-hint = For buttons and links, like #3346d3; it must keep white text readable (4.5:1). Empty: Portico's blue.
admin-branding-logo = Logo address
admin-branding-logo-hint = Shown beside the name, 32 pixels high.
admin-branding-links = Footer links
admin-branding-links-hint = One per line: Label | address, like Status | https://status.example.com.
admin-branding-message = Home-page message
admin-branding-message-hint = Plain text; a blank line starts a new paragraph.
admin-branding-saved = Saved. Every page and email uses it now.
admin-branding-save = Save branding
admin-branding-accent-malformed = Enter a color like #3346d3.
admin-branding-accent-contrast = White text on { $color } has a contrast of { $ratio }:1, and so do links in it on the white page; people need at least { $minimum }:1 to read them. Choose a darker color.
# $what: admin-branding-logo-what or admin-branding-link-what.
admin-branding-web-address = { $what } must be a web address like https://example.com/logo.svg or a path like /docs (at most 500 characters).
admin-branding-logo-what = The logo
admin-branding-link-what = Line { $line }'s address
admin-branding-link-malformed = Line { $line } should read Label | https://…, like Status | https://status.example.com.
admin-branding-link-label = Line { $line }: give the link a label of 1 to 40 characters.
admin-branding-link-missing = Line { $line } needs an address after the |.
admin-branding-links-too-many = Use at most 8 footer links.
admin-branding-message-too-long = Keep the message to 2,000 characters or fewer.

## Terms of use

admin-terms-title = Terms of use
admin-terms-lead = Signed-in people must accept the current version before they can use the portal.
admin-terms-published = Version { $version } is published. Everyone accepts it at their next step in the portal.
admin-terms-new-version = Publish a new version
admin-terms-markdown = Terms (Markdown)
admin-terms-markdown-hint = Headings, lists, links and emphasis work. Publish empty terms to stop asking for acceptance.
admin-terms-publish = Publish
admin-terms-none = No terms have been published yet.
admin-terms-versions = Versions
admin-terms-versions-label = Versions of the terms
admin-terms-version = Version
admin-terms-published-at = Published
admin-terms-by = By
admin-terms-accepted-by = Accepted by
admin-terms-withdrawn = { " " }(withdrawn)
admin-terms-acceptances = { $count ->
    [one] { $shown } person
   *[other] { $shown } people
}
admin-terms-too-long = Terms of use are limited to 100,000 characters.
admin-terms-none-to-accept = There are no terms to accept.
admin-terms-replaced = These terms have been replaced by a newer version. Reload the page to read it.
admin-terms-none-to-withdraw = There are no terms to withdraw. Write the terms to publish them.
admin-terms-unchanged = These are the terms already in force. Change them to publish a new version.

## Admin API tokens

admin-tokens-title = Admin API tokens
admin-tokens-lead = Tokens let scripts run the portal through the management API. A token acts for the admin who made it, and stops when it expires, is revoked, or its admin is no longer one.
# "The API is described at /api/v1/openapi.json (OpenAPI 3.1); send the token as Authorization: Bearer <token>."
admin-tokens-described-before = The API is described at{ " " }
admin-tokens-described-middle = { " " }(OpenAPI 3.1); send the token as{ " " }
admin-tokens-described-after = .
admin-tokens-load-purpose = as an admin to manage API tokens
admin-tokens-new-title = Your new token “{ $name }”
admin-tokens-secret-label = Admin API token
admin-tokens-usage = It expires on { $expires }. Send it as Authorization: Bearer to /api/v1/admin/….
admin-tokens-new = New token
admin-tokens-name = Name
# Completes "Enter …" and "Keep … to 80 characters or fewer."
admin-tokens-name-label = a name
admin-tokens-name-hint = What it is for, such as “CI provisioning”.
admin-tokens-expires-after = Expires after
admin-tokens-lifetime-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
admin-tokens-lifetime-year = 1 year
admin-tokens-lifetime-invalid = Choose how long the token lives: 7, 30, 90 or 365 days.
admin-tokens-create = Create token
admin-tokens-empty = No tokens yet
admin-tokens-empty-text = Create a token above for a script or a CI job; tokens are listed here with when they were last used.
admin-tokens-list = Tokens
admin-tokens-state-active = Active
admin-tokens-state-expired = Expired
admin-tokens-state-revoked = Revoked
admin-tokens-revoke-label = Revoke { $name }
admin-tokens-revoke-confirm = Revoke “{ $name }”? Scripts using it get 401 from their next call.
admin-tokens-revoke = Revoke
admin-tokens-revoke-now = Revoke now
admin-tokens-cancel = Cancel
# $used: admin-tokens-never-used or admin-tokens-last-used.
admin-tokens-meta = Made by { $creator } on { $created }; expires { $expires }; { $used }.
admin-tokens-never-used = never used
admin-tokens-last-used = last used { $at }
# Completes "… was not found."
admin-tokens-not-found = That token

## Configuration

admin-config-title = Configuration
admin-config-lead = The portal's set-up as one file: download it to keep or copy, upload one to set this portal up.
# $field: where in the file, like organizations[2].domains
admin-config-import-failed-at = Nothing was imported: { $error } (at { $field })
admin-config-imported-nothing = Imported. Nothing needed to change: this portal already matches the file.
admin-config-imported = Imported: { $count ->
    [one] { $shown } change
   *[other] { $shown } changes
}. Each is in the audit log.
admin-config-download-heading = Download
admin-config-summary = Branding, { $organizations }, { $collections } with their OpenAPI documents, auto-approval and grants, and { $providers }.
admin-config-organizations = { $count ->
    [one] { $shown } organization
   *[other] { $shown } organizations
}
admin-config-collections = { $count ->
    [one] { $shown } collection
   *[other] { $shown } collections
}
admin-config-providers = { $count ->
    [one] { $shown } identity provider
   *[other] { $shown } identity providers
}
admin-config-download-hint = Client secrets of identity providers are never in the file. People, keys, requests and the audit log stay here too.
admin-config-download = Download configuration
admin-config-upload-heading = Upload
admin-config-upload-lead = Adds and updates what the file describes; it never deletes. The whole file is checked first: a mistake anywhere changes nothing, and the message says where it is.
admin-config-upload-hint = A new identity provider needs its client_secret added to the file.
admin-config-file = Configuration file (JSON)
admin-config-import = Import configuration
