# API keys (app/src/keys/, server/src/keys/): the "API keys" page, its address rules, and the
# server's answers about keys. The gateway's own answers go to programs and stay in English.

## Key states and the form's checks

keys-state-active = Active
keys-state-deactivated = Deactivated
keys-state-expired = Expired
# Finishes "Enter …" and "Keep … to 80 characters or fewer."
keys-name-label = a name for the key
keys-environment-required = Choose sandbox or production.
keys-overlap-none = Stop the old key at once
keys-overlap-hours = { $hours ->
    [one] Keep the old key for { $hours } hour
   *[other] Keep the old key for { $hours } hours
}
keys-overlap-days = { $days ->
    [one] Keep the old key for { $days } day
   *[other] Keep the old key for { $days } days
}
keys-overlap-invalid = Choose how long the old key keeps working.

## Address rules

keys-rule-not-address = "{ $entry }" is not an IP address or a CIDR range.
keys-rule-bad-prefix = "{ $entry }": the part after / must be a number from 0 to { $max }.
keys-rules-too-many = Use at most { $max } entries.

## The page

keys-lead = Keys let your code call the APIs your organization may use, through this portal's gateway. Each key is for one environment.
# Finishes "Please sign in …".
keys-purpose = to manage API keys
keys-issued-title = Your new key “{ $name }”
keys-issued-label = API key
keys-issued-usage = Send it in the X-API-Key header (or as Authorization: Bearer) to /gateway/<API>/{ $environment }/….
keys-create-heading = Create a key
keys-create-no-organization = You do not belong to an organization yet, so you cannot make keys. Ask an admin to add you to one.
keys-create-name = Name
keys-create-name-hint = What uses it, like “checkout service”.
keys-create-environment = Environment
keys-create-last-day = Last day (optional)
keys-create-organization = Organization
keys-create-allowed = Allowed addresses (optional)
keys-create-allowed-hint = Addresses or CIDR ranges (IPv4 or IPv6), separated by commas or lines. Empty: any address.
keys-create-add-mine = Add my current address ({ $address })
keys-create-blocked = Blocked addresses (optional)
keys-create-blocked-hint = Blocked wins over allowed.
keys-create-lockout = These rules block your current address, { $address }: this key would not work from here.
keys-create-submit = Create key
keys-empty = No keys yet
keys-empty-message = Create a key above; your organization's keys are listed here, with when they were last used.
keys-list-heading = Your organization's keys

## One key

keys-created-by = Created by { $creator } on { $at }
keys-last-used = { " " }· last used { $at }
keys-never-used = { " " }· last used never
keys-last-day = { " " }· last day { $day }
keys-calls-none = No calls in the last 24 hours.
keys-calls = { $count ->
    [one] { $count } call in the last 24 hours.
   *[other] { $count } calls in the last 24 hours.
}
keys-calls-failed = { $count ->
    [one] { $count } call in the last 24 hours, { $failed } refused or failed.
   *[other] { $count } calls in the last 24 hours, { $failed } refused or failed.
}
keys-previous-until = The previous token works until { $at }.
keys-rules-allowed = Allowed from
keys-rules-blocked = Blocked
keys-refresh-overlap = New token
keys-refresh = Refresh
keys-refresh-label = Refresh { $name }
keys-deactivate = Deactivate
keys-deactivate-label = Deactivate { $name }
keys-reactivate = Reactivate
keys-reactivate-label = Reactivate { $name }
keys-delete = Delete
keys-delete-label = Delete { $name }
keys-delete-confirm = Delete “{ $name }” for good? Calls with it stop at once.
keys-delete-confirm-button = Delete for good
keys-delete-cancel = Cancel

## The server's answers

keys-that-key = That key
keys-change-refused = Only the person who made this key, or an admin of its organization, can change it.
# Who made a key, after "Created by".
keys-creator-left = someone who left
keys-creator-colleague = a colleague
keys-last-day-in-past = Choose today or a later day as the last day.
keys-already-active = The key { $name } is already active.
keys-already-deactivated = The key { $name } is already deactivated.
