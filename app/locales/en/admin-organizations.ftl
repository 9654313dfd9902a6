# Admin: organizations, their portal access, authorized addresses, domains and environments
# (app/src/admin/organizations.rs), and what the server says about them
# (server/src/admin/organizations.rs, server/src/api/organizations.rs).

orgs-title = Organizations
orgs-lead = Who may sign in: an organization's portal access, and the addresses it has authorized.
orgs-back-admin = ← Admin overview
orgs-empty-title = No organizations yet
orgs-empty-message = Organizations group the people of one API consumer.

# Adding one.
orgs-new-heading = Add an organization
orgs-new-name = Organization name
orgs-new-submit = Add organization
orgs-created = { $name } is added, with portal access on.

# An organization's card.
orgs-members-access = { $count ->
    [one] { $count } member · portal access{ " " }
   *[other] { $count } members · portal access{ " " }
}
orgs-on = On
orgs-off = Off
orgs-access-turn-off = Turn portal access off
orgs-access-turn-on = Turn portal access on
orgs-emails-heading = Authorized email addresses
orgs-emails-empty = None yet. Add an address to let its owner sign in and join this organization.
orgs-authorize-field = Authorize an address
orgs-authorize = Authorize
orgs-domains-heading = Email domains that join automatically
orgs-domains-empty = None. People of a domain listed here join this organization when they first sign in.
orgs-domain-field = Add a domain
orgs-domain-add = Add domain
orgs-remove = Remove
orgs-remove-label = Remove { $item }
orgs-environments-heading = Environments
orgs-environments-legend = It may use
orgs-environments-hint = Taking an environment away ends the organization's access to it at once; its keys for it stop working.
orgs-environments-save = Save environments
orgs-name-heading = Name
orgs-rename-field = Rename to
orgs-rename = Rename
orgs-archive = Archive
orgs-archive-label = Archive { $name }
orgs-archive-confirm = Archive this organization? Its members lose access unless another organization gives it; its history stays.
orgs-archive-for-good = Archive for good
orgs-cancel = Cancel

# Checking what was entered, and what the server answers.
orgs-name-field = a name
orgs-domain-malformed = Enter an email domain like example.com.
orgs-domain-public = { $domain } is a public email service: anyone can have an address there. Authorize single addresses instead.
orgs-that-organization = That organization
orgs-that-domain = That domain
orgs-that-address = That address
orgs-name-no-slug = Use at least two letters or digits in the name.
orgs-name-taken = An organization named { $name } already exists.
orgs-name-shorter = Choose a shorter name.
orgs-environments-none = Choose at least one environment. To keep an organization out of every API, turn its portal access off.
orgs-already-listed = { $item } is already on this organization's list.
orgs-domain-taken = { $domain } already joins people to { $owner }; a domain belongs to one organization.
orgs-environments-closed = { $organization } may not use { $refused }: it may use { $allowed } only.
