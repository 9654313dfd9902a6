# "Your team": the organizations a person belongs to, their members, invitations and roles
# (app/src/team.rs), and the server's refusals there (server/src/team.rs).

team-title = Your team
team-lead = The organizations you belong to and their people. Organization admins invite people, change roles and remove members here.
team-empty-title = No organization yet
team-empty-message = You do not belong to an organization. Ask an admin of your company's organization to invite you.
team-load-purpose = to see your team
team-you-manage = You are an admin of this organization: you invite people, change roles and remove members.
team-you-member = You are a member; the organization's admins manage its people.
team-members-of = Members of { $organization }
team-column-name = Name
team-role = Role
team-column-last-seen = Last seen
team-column-actions = Actions
team-member-you = { $name } (you)
team-never = Never
team-role-of = Role of { $name }
team-save-role = Save role
team-save-role-of = Save role of { $name }
team-remove = Remove
team-remove-label = Remove { $name }
team-remove-confirm = Remove { $name } from the organization? They lose its APIs and keys at once.
team-remove-now = Remove now
team-cancel = Cancel

team-invite-heading = Invite someone to { $organization }
team-email-label = Email address
team-invite = Invite
team-invited = Invitation sent.
team-added = They already had an account and are a member now.
team-waiting = Waiting for an answer
# $role is "admin" or "member"; $state is "expired" or "sent"; $sent is when it was sent.
team-invitation = { $email } ({ $role ->
    [admin] organization admin
   *[other] developer
}), { $state ->
    [expired] expired
   *[other] sent
} { $sent }
team-revoke = Revoke
team-revoke-label = Revoke the invitation of { $email }

team-not-found-member = That member
team-not-found-organization = That organization
team-not-found-invitation = That invitation
team-last-admin = { $organization } needs at least one organization admin: make someone else one first.
