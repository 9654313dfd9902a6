# Access to collections (app/src/access/, server/src/access/): the request form, "My requests",
# the admins' approvals inbox, a collection's grants panel, and the server's answers about them.

## Request statuses

access-status-pending = Pending
access-status-approved = Approved
access-status-rejected = Rejected
access-status-withdrawn = Withdrawn

## Checks of forms and filters

access-filter-status-invalid = Choose pending, approved, rejected or withdrawn.
access-filter-choice-invalid = That is not one of the choices.
access-environments-required = Choose sandbox, production or both.
access-environment-required = Choose sandbox or production.
access-organization-required = Choose an organization.
# Finishes "Enter …" and "Keep … to 2000 characters or fewer."
access-reason-label = why you need this API
access-reason-too-short = Tell the admins in a sentence or two what you will build with this API.
access-notes-label = the notes
access-note-label = the note
access-reject-reason-label = the reason for rejecting
access-reject-reason-required = Give a reason for rejecting: the developer reads it.
access-decision-invalid = Choose approve or reject.
access-bulk-none-selected = Select at least one request.
access-bulk-too-many = Decide at most { $max } requests at once.

## Shared by the pages

access-environments = Environments
# Finishes "Please sign in …".

## Request form

access-request-title = Request access
access-request-title-for = Request access to { $name }
access-request-purpose = to request access
access-request-organization = For the organization
access-request-pending = { $requester } asked for access on { $at }; an admin will decide soon.{ " " }
access-request-pending-link = See your requests
access-request-all-granted = This organization already has access to every environment of this API.{ " " }
access-request-read-docs = Read its docs
access-request-heading = Your request
access-request-environment-granted = { " " }(this organization has it)
access-request-environment-not-allowed = { " " }(not open to this organization)
access-request-reason = Why do you need it?
access-request-reason-hint = A sentence or two on what you will build. Admins read it to decide.
access-request-notes = Notes (optional)
access-request-notes-hint = Expected traffic, a deadline, a contact: anything that helps.
access-request-send = Send request

## My requests

access-my-requests-approved = Your request was approved at once: the API is in My APIs.
access-my-requests-sent = Your request is sent. You will get an email when an admin decides.
access-my-requests-lead = Your organization's requests for access, and what was decided.
access-my-requests-empty = No requests yet
access-my-requests-empty-message = Find an API in Discover and ask for access; its request shows here.
access-my-requests-purpose = to see your requests
# $status is approved, rejected or withdrawn; $by an email address or access-decided-by-rule.
access-decided = { $status ->
    [approved] Approved
    [rejected] Rejected
    [withdrawn] Withdrawn
   *[other] Pending
} { $at } by { $by }
access-asked-by = Asked by { $requester } for { $organization } on { $at }
access-notes-prefix = Notes:{ " " }
access-reason-prefix = Reason:{ " " }
access-note-prefix = Note:{ " " }
access-until = Access until { $day }
access-withdraw-label = Withdraw the request for { $collection }
access-withdraw = Withdraw
access-ask-again = Ask again

## Grants panel of a collection's admin page

access-grants-heading = Organizations with access
access-grants-empty = None yet. Grant access below, or approve a request.
access-revoke-label = Revoke { $environment } access of { $organization }
access-grant-since = { $organization } · { $environment } · since { $at }
access-grant-by-request = { " " }· by request
access-grant-auto = { " " }· approved automatically
access-grant-until = { " " }· until { $day }
access-revoke = Revoke
access-auto-heading = Requests approved automatically
access-auto-legend = Approve requests for these environments without an admin
access-auto-save = Save rule
access-auto-saved = Automatic approval updated.
access-grant-organization = Give access to
access-grant = Grant access

## Approvals inbox

access-inbox-title = Access requests
access-inbox-lead = Decide who may use which API. The developer hears of every decision by email.
access-inbox-back = ← Admin overview
access-filter-label = Filter requests
access-filter-status = Status
access-filter-all = All
access-filter-collection = API
access-filter-all-collections = All APIs
access-filter-organization = Organization
access-filter-all-organizations = All organizations
access-filter-submit = Filter
access-inbox-empty = Nothing to decide
access-inbox-empty-message = No request matches. New requests appear here, and admins who asked for it get an email.
access-inbox-count = { $count ->
    [one] { $count } request
   *[other] { $count } requests
}
access-inbox-truncated = Showing the { $max } most recent; filter to see others.
access-bulk-decided = { $count ->
    [one] Decided { $count } request.
   *[other] Decided { $count } requests.
}
access-bulk-heading = Decide several requests
access-bulk-select-all = Select all pending ({ $count } selected)
access-bulk-note = Note or reason for the selected
access-bulk-approve = Approve selected
access-bulk-reject = Reject selected
access-inbox-card-title = { $collection } for { $organization }
access-inbox-select = Select the request of { $requester } for { $collection }
access-inbox-access-now = Access now
access-inbox-access-none = None.
access-inbox-grant = { $environment } since { $at }
access-inbox-grant-until = , until { $day }
access-inbox-history = Earlier requests
access-inbox-history-none = None.
access-inbox-history-line = { $at } by { $requester }
access-decision-note = Note (optional)
access-decision-until = Access until (optional)
access-decision-approve = Approve
access-decision-reason = Reason for rejecting
access-decision-reject = Reject

## The server's answers

access-that-request = That request
access-that-api = That API
access-that-grant = That grant
access-decided-by-rule = the API's rule (approved automatically)
access-draft-collection = This API is a draft: publish it before anyone can ask for it.
access-someone = someone
access-already-withdrawn = This request was withdrawn by { $by } at { $when }.
# $status is approved or rejected.
access-already-decided = This request was already { $status ->
    [approved] approved
    [rejected] rejected
   *[other] { $status }
} by { $by } at { $when }.
access-no-organization = You do not belong to an organization yet, so there is nobody to give access to. Ask an admin to add you to one.
access-already-granted-ask = { $organization } already has { $environments } access; ask only for what it lacks.
access-already-asked = { $organization } already asked for { $collection }; an admin will decide soon. You can follow it under My requests.
access-withdraw-refused = Only the person who asked, or an admin of the organization, can withdraw this request.
access-until-in-past = Choose today or a later day as the last day of access.
# $reason says which environment the organization may not use.
access-approve-not-allowed = { $reason } Allow it on the Organizations page first, or reject the request.
access-already-granted = { $organization } already has { $environments } access.
