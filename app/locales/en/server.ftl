# What the server itself answers: the configuration import's checks and its report of changes
# (server/src/config/mod.rs, server/src/config/routes.rs) and the management API's checks of
# bodies and paging (server/src/api/mod.rs).

## Configuration import: checks of the document (each message is shown with its place, like
## organizations[2].domains)

server-config-format = This portal reads format { $expected }; the document says { $found }.
server-config-slug-twice = Another organization in the document has this slug.
server-config-name-taken = The organization { $slug } already has this name here.
server-config-no-environment = Name at least one environment.
server-config-domain-taken = { $domain } already joins people to { $organization } here.
# $place: the other organization's place in the document, like organizations[0].
server-config-domain-twice = { $place } names { $domain } too; a domain belongs to one organization.
server-config-own-api = This is Portico's own management API: every portal publishes its own.
server-config-unknown-organization = No organization has the slug { $slug }.
# $environments: like "Sandbox and Production".
server-config-grant-closed = { $organization } may not use { $environments }.
server-config-provider-from-settings = { $slug } is declared in PORTICO_OIDC_PROVIDERS here, which an import does not change.
server-config-provider-moves = { $name } moves to another issuer or client id: add its client_secret to the document.
server-config-provider-new = { $name } is new here: add its client_secret to the document (secrets are never exported).

## Configuration import: the uploaded file

server-config-upload-unreadable = The upload could not be read: { $reason }
server-config-upload-missing = Choose a configuration file (portico-config.json, downloaded from a portal).
server-config-not-a-document = This is not a Portico configuration document: { $reason }.

## Configuration import: what changed, a sentence each

server-config-branding-updated = Branding updated.
server-config-organization-added = Organization { $name } added.
server-config-organization-added-as = Organization { $name } added as { $slug } ({ $wanted } was taken).
server-config-organization-renamed = Organization { $before } renamed to { $after }.
server-config-portal-access-on = Portal access of { $name } turned on.
server-config-portal-access-off = Portal access of { $name } turned off.
server-config-environments = { $name } may use { $environments }.
server-config-domain-added = { $domain } joins people to { $organization }.
server-config-email-added = { $email } may sign in to { $organization }.
server-config-provider-updated = Identity provider { $name } updated.
server-config-provider-added = Identity provider { $name } added.
server-config-provider-on = Identity provider { $name } turned on.
server-config-provider-off = Identity provider { $name } turned off.
server-config-document-updated = A new version of { $name }'s document.
server-config-collection-added = Collection { $name } added.
server-config-settings-updated = Settings of { $name } updated.
server-config-auto-approval-changed = Auto-approval of { $name } changed.
# $organization: a slug; $environments: environment values, like "sandbox, production".
server-config-grant-added = { $organization } may use { $collection } ({ $environments }).

## Management API

server-api-json-object = Send a JSON object.
server-api-body-mismatch = The body does not fit: { $reason }.
server-api-page-invalid = Pages are counted from 1 (up to 1,000,000).
server-api-per-page-invalid = Ask for 1 to 200 items per page.
server-config-organization-twice = { $place } describes this organization too.
server-config-stopped = The import stopped after { $count ->
    [one] one change
   *[other] { $count } changes
} (each is in the audit log): { $reason }
server-config-entry-twice = { $place } has this slug too.
