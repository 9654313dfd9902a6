# Admin: people (app/src/admin/people.rs), invitations (app/src/admin/invitations.rs), requests to
# join (app/src/admin/registrations.rs), and what the server says about them
# (server/src/admin/people.rs, server/src/admin/invitations.rs, server/src/directory.rs,
# server/src/api/users.rs).

people-title = People
people-lead = Everyone who may sign in to the portal. Suspending someone ends their sessions at once.
people-back-admin = ← Admin overview
people-everyone-heading = Everyone with an account
people-sessions-ended = { $count ->
    [one] { $count } session ended.
   *[other] { $count } sessions ended.
}
people-count-all = { $count } people
people-count-some = { $shown } of { $total } people
people-none-match = Nobody matches
people-none-match-hint = Change the filters, or clear them to see everyone.

# The filters.
people-find = Find people
people-filter-q = Name or email
people-filter-any = Any
people-filter = Filter
people-filter-clear = Clear

# Words the list, the filters and a person's page share.
people-organization = Organization
people-organizations = Organizations
people-role = Role
people-status = Status
people-signs-in-with = Signs in with
people-portal-admin = Portal admin
people-developer = Developer
people-active = Active
people-suspended = Suspended
people-method-sso = Single sign-on
people-method-email = Email links
people-never = Never
people-never-lower = never
people-none = None.
people-cancel = Cancel

# The list of everyone.
people-col-name = Name
people-col-email = Email
people-col-last-active = Last active
people-col-actions = Actions
people-suspend = Suspend
people-reactivate = Reactivate
people-suspend-label = Suspend { $name }
people-reactivate-label = Reactivate { $name }
people-make-admin = Make admin
people-remove-admin = Remove admin
people-make-admin-label = Make admin: { $name }
people-remove-admin-label = Remove admin: { $name }
people-end-sessions = End sessions ({ $count })
people-end-sessions-label = End sessions ({ $count }): { $name }

# One person's page.
people-person-title = Person
people-person-lead = { $email } · { $role } · { $status } · last active { $last_active }
people-back-people = ← People
people-no-memberships = In no organization.
people-membership-role-label = Role in { $organization }
people-change-role = Change role
people-membership-remove = Remove
people-membership-remove-label = Remove from { $organization }
people-membership-remove-confirm = They lose this organization's APIs and keys at once; without another way in they are signed out.
people-membership-remove-for-good = Remove for good
people-signs-in-sso = Signs in with single sign-on.
people-signs-in-email = Signs in with email links.
people-sessions-heading = Signed-in browsers
people-session-meta = Signed in { $signed_in } · last seen { $last_seen }
people-session-from = { " " }· from { $addr }
people-end-all-sessions = End all sessions
people-keys-heading = API keys they made
people-col-token-starts = Token starts
people-col-environment = Environment
people-col-state = State
people-col-last-used = Last used
people-key-active = Active
people-key-deactivated = Deactivated
people-requests-heading = Access requests
people-request-for = { $collection } for { $organization }
people-events-heading = Recent events
people-col-when = When
people-col-who = Who
people-col-what = What
people-col-from = From
people-all-events = All events about them

# Roles in an organization.
people-role-member = Developer
people-role-admin = Organization admin
people-role-invalid = Choose a role: Developer or Organization admin.

# Invitations.
people-invite-heading = Invite someone
people-invite-lead = They get an email with a link that signs them in and puts them in the organization.
people-invite-email = Email address
people-no-organizations = No organizations yet
people-invite-sent = Invitation sent.
people-invite-added = They already had an account: they now belong to the organization, and we told them by email.
people-invite-sending = Sending…
people-invite-send = Send invitation
people-pending-heading = Pending invitations
people-pending-empty = No invitations are waiting for an answer.
people-invitation-resent = A new invitation email is on its way.
people-invitation-meta = { $organization } · { $role } · sent { $sent } ·{ " " }
people-invitation-meta-by = { $organization } · { $role } · sent { $sent } by { $by } ·{ " " }
people-invitation-expired = expired { $date }
people-invitation-valid-until = valid until { $date }
people-invitation-resend = Resend
people-invitation-revoke = Revoke
people-invitation-resend-label = Resend the invitation to { $email }
people-invitation-revoke-label = Revoke the invitation to { $email }

# Requests to join.
people-registrations-heading = Requests to join
people-self-registration = Self-registration{ " " }
people-on = On
people-off = Off
people-self-registration-open = Anyone can ask to join from the sign-in page; nobody gets in before you approve.
people-self-registration-closed = Only invited and authorized addresses can sign in.
people-self-registration-turn-off = Turn self-registration off
people-self-registration-turn-on = Turn self-registration on
people-registrations-empty = No requests are waiting.
people-registration-asked = Asked { $date }
people-registration-no-organization = None for now
people-registration-approve = Approve
people-registration-reject = Reject
people-registration-approve-label = Approve { $email }
people-registration-reject-label = Reject { $email }

# What the server answers.
people-that-person = That person
people-cannot-remove-own-admin = You cannot remove your own admin role; ask another admin.
people-cannot-suspend-self = You cannot suspend yourself.
people-that-invitation = That invitation
people-invitation-already-accepted = { $email } has already accepted this invitation.
people-already-member = { $email } is already a member of { $organization }.
people-already-invited = { $email } already has an invitation to { $organization }. Resend it from the list of pending invitations.
people-organization-gone = That organization does not exist any more. Reload the page.
people-choose-organization = Choose an organization.
people-no-organization-yet = You do not belong to an organization yet. Ask an admin to add you to one.
people-choose-organization-for = Choose the organization this is for.
people-not-a-member = You are not a member of that organization.
people-api-use-one-of = Use { $first } or { $second }.
