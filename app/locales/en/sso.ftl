# Single sign-on: the admin pages for identity providers (app/src/admin/providers.rs), their
# server side (server/src/admin/identity_providers.rs, server/src/api/providers.rs) and the
# connection test and provider problems (server/src/auth/sso.rs).

## Checking a provider's settings (the admin form and PORTICO_OIDC_PROVIDERS)

sso-form-mapping-line = Line { $line } should read group = organization-slug, like api-team = acme.
sso-form-slug-new = "new" is kept for the page that adds a provider; choose another slug.
sso-form-name = Enter a name of 1 to 60 characters, like Acme SSO.
sso-form-issuer = The issuer must be an https address, like https://login.example.com (http only on this machine).
sso-form-client-id = Enter the client id the provider gave Portico.
sso-form-client-secret = Enter the client secret the provider gave Portico.
sso-form-scopes-openid = The scopes must include openid.
sso-form-scopes = Scopes are words like openid email profile (at most 20).
sso-form-domain-invalid = "{ $domain }" is not an email domain like example.com.
sso-form-enforce-needs-domains = Sending people to this provider needs the email domains it is for.
sso-form-jit-needs-domains = Creating accounts on first sign-in needs the email domains this provider vouches for.
sso-form-jit-needs-organization = Choose the organization that accounts made on first sign-in join.
sso-form-role = The role must be member or admin.
sso-form-groups-claim-needed = Name the claim that lists groups (like groups) to map groups.
sso-form-groups-claim-word = A claim name is one word, like groups.
sso-form-organization-slug = "{ $organization }" is not an organization slug.

## The list of providers

sso-state-on = On
sso-state-attention = Needs attention
sso-state-off = Off
sso-providers-title = Identity providers
sso-providers-lead = Single sign-on with OpenID Connect: the providers people sign in through, and what their accounts get.
sso-back-admin = ← Admin overview
sso-add = Add a provider
sso-empty-title = No identity providers yet
sso-empty-message = Add your company's OpenID provider (Okta, Entra ID, Keycloak, Google…) so people sign in with it instead of an email link.
sso-col-name = Name
sso-col-state = State
sso-col-issuer = Issuer
sso-col-domains = Email domains
sso-col-accounts = Accounts
sso-col-managed = Managed in
sso-extra-jit = accounts on first sign-in
sso-extra-enforced = required for its domains
sso-managed-settings = Settings (read-only)
sso-managed-portal = Portal
# Finishes "Please sign in …".

## One provider: the editor

sso-provider-title = Identity provider
sso-new-title = Add an identity provider
sso-secret-hint-saved = Stored encrypted and never shown again. Leave empty to keep the saved secret.
sso-secret-hint-new = Stored encrypted and never shown again.
sso-editor-lead = An OpenID Connect provider: Portico signs people in with the authorization code flow and PKCE.
sso-back-list = ← Identity providers
sso-register-heading = Register Portico at the provider
sso-register-lead = Create a web application (confidential client) at your provider with these addresses:
sso-redirect-uri = Redirect URI
sso-logout-uri = Post-logout redirect URI
sso-settings-heading = Settings
sso-read-only = This provider is declared in the portal's settings (PORTICO_OIDC_PROVIDERS); change it there.
sso-settings-legend = Provider settings
sso-field-name = Name on the sign-in button
sso-field-slug = Slug (in addresses)
sso-field-issuer = Issuer URL
sso-field-issuer-hint = Its endpoints and keys are found from { "{" }issuer{ "}" }/.well-known/openid-configuration.
sso-field-client-id = Client id
sso-field-client-secret = Client secret
sso-field-scopes = Scopes
sso-field-scopes-hint = Separated by spaces; openid is required.
sso-field-domains-hint = Only verified addresses of these domains link to existing accounts or get new ones, like example.com, example.org.
sso-sign-in-legend = Sign-in
sso-enforce-label = Required for these domains (no email links)
sso-jit-label = Create accounts on first sign-in (just in time)
sso-organization-label = Organization of new accounts
sso-organization-none = None (invitations only)
sso-role-label = Their role
sso-groups-summary = Group mapping (optional)
sso-groups-claim-label = Claim that lists groups
sso-groups-claim-hint = Read from the ID token at every sign-in: memberships and the admin role follow it.
sso-group-organizations-label = Groups → organizations
sso-group-organizations-hint = One per line: group = organization-slug.
sso-admin-groups-label = Groups of portal admins
sso-admin-groups-hint = Members of these groups are portal admins; everyone else signing in here is not.
sso-saved = Saved.
sso-save = Save changes
sso-add-provider = Add provider

## One provider: its state

sso-state-heading = State
sso-state-on-detail = People see a button for it on the sign-in page.
sso-state-off-detail = Not on the sign-in page. Test the connection, then turn it on.
sso-testing = Testing…
sso-test = Test connection
sso-turn-off = Turn off
sso-turn-on = Turn on
sso-delete = Delete
sso-delete-label = Delete this provider
sso-delete-confirm = Delete this provider? People who signed in with it keep their accounts and can use email links.
sso-delete-for-good = Delete for good
sso-cancel = Cancel
sso-report-ok = The connection works.
sso-report-problems = The connection has problems:
sso-check-passed = Passed:{ " " }
sso-check-failed = Failed:{ " " }

## Saving, switching and deleting (server)

# Finishes "… was not found."
sso-not-found-what = That identity provider
sso-hidden-by-settings = Hidden by the provider of the same slug declared in settings.
sso-secret-again-changed = Enter the client secret again: the issuer or client id changed.
sso-secret-unreadable-form = The saved secret cannot be read any more (the portal's secret key changed): enter it again.
sso-slug-taken = Another identity provider has this slug.
sso-organization-missing = Choose an organization that exists.
sso-api-add-own-slug = To add a provider, send it to its own slug: /api/v1/admin/identity-providers/{ $slug }.
sso-stored-unreadable = its stored settings cannot be read ({ $error })
sso-secret-unreadable = Its client secret cannot be read: the portal's secret key changed. Enter the secret again.

## "Test connection": what was checked, and how it went

sso-check-discovery = Discovery
sso-check-endpoints = Endpoints
sso-check-issuer = Issuer
sso-check-code-flow = Authorization code flow
sso-check-pkce = PKCE
sso-check-algorithms = Signing algorithms
sso-check-keys = Signing keys
sso-check-client = Client id and secret
sso-check-sign-out = Sign-out
sso-check-discovery-invalid = { $address } is not an OpenID Connect discovery document ({ $error }).
sso-check-discovery-read = Read { $address }.
sso-check-endpoint-insecure = The document names { $endpoint }, which is not https: Portico sends no keys or secrets there.
sso-check-issuer-same = The provider names the same issuer.
sso-check-issuer-differs = The provider calls itself { $announced }; enter exactly that as the issuer URL.
sso-check-code-flow-ok = Supported, with a token endpoint.
sso-check-code-flow-missing = The provider does not offer the authorization code flow (response type code and a token endpoint), which Portico uses.
sso-check-pkce-ok = S256 code challenges are supported.
sso-check-pkce-unknown = The provider does not say whether it supports PKCE; Portico sends S256 challenges, which providers without PKCE ignore.
sso-check-pkce-missing = The provider announces { $methods } but not S256, which Portico sends.
sso-check-algorithms-missing = The provider announces no public-key algorithm for ID tokens (only none or shared-secret ones), which Portico refuses.
sso-check-algorithms-ok = ID tokens are signed with { $algorithms }.
sso-check-keys-read = { $count ->
    [one] { $count } key read from { $address }.
   *[other] { $count } keys read from { $address }.
}
sso-check-keys-empty = { $address } lists no keys.
sso-check-keys-invalid = { $address } is not a key set ({ $error }).
sso-check-sign-out-ok = After signing out of Portico, people are offered to sign out at the provider too.
sso-check-sign-out-none = The provider publishes no end-session endpoint: signing out ends the Portico session only.
# After "{address}: ".
sso-fetch-timeout = no answer within 10 seconds.
sso-fetch-connect = cannot connect (is the address right, and is the provider reachable from the portal's server?).
sso-fetch-failed = the request failed ({ $error }).
sso-fetch-redirect = answered with a redirect ({ $status }); enter the final address.
sso-fetch-status = answered { $status }; check the address.
sso-fetch-not-json = the answer is not JSON.
sso-client-no-answer = The token endpoint did not answer ({ $error }).
sso-client-accepted = The provider accepts them.
sso-client-refused = The provider does not accept them: check the client id and enter the secret again.
sso-client-no-code-flow = The provider knows the client but does not let it use the authorization code flow.
sso-client-unclear = The token endpoint's answer did not say whether it knows the client.
sso-client-other = The token endpoint answered { $error }.
