# Try it out: the console on an operation page (app/src/tryit/console.rs), what a response status
# means (app/src/tryit/display.rs), the checks of a request body against its schema
# (app/src/tryit/validate.rs), the environment chooser in the header (app/src/tryit/profile.rs,
# app/src/tryit/mod.rs) and the server's refusals of a call (server/src/tryit.rs).

## The console
tryit-heading = Try it out
tryit-fixed-headers = Portico sets { $names } itself.
tryit-access-pending = Your organization asked for access; calls work once an admin approves.{ " " }
tryit-access-pending-link = See your requests
tryit-no-access = Your organization has no access to this API yet, so the form is read-only.
tryit-request-access = Request access
# $environment is "sandbox" or "production".
tryit-no-environment-access = Your organization has no { $environment } access to this API. Switch the environment in the header, or{ " " }
tryit-no-environment-access-link = ask for it
tryit-no-environment-access-after = .
tryit-needs-key = Calls need a { $environment } key of your organization.{ " " }
tryit-create-key = Create a key
tryit-parameters = Parameters
tryit-not-sent = (not sent)
tryit-required = required
tryit-parameter-required = This parameter is required.
tryit-fill-required = Fill in the required parameters marked below.
tryit-body-legend = Request body
tryit-body-legend-required = Request body (required)
tryit-content-type = Content type
tryit-body-label = Body ({ $media_type })
tryit-body-problems = The body does not match the schema (you can send it anyway):
tryit-key-label = API key
tryit-key-help = Portico applies the key on its side: the token never reaches this page.
tryit-sending = Sending…
tryit-send = Send request
tryit-limits = Answers are cut at 1 MB; calls stop after { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}.
tryit-calling = Calling the API…

## The response
tryit-response = Response
tryit-elapsed-under-1 = under 1 ms
tryit-size-kilobytes = { $size } KB
tryit-size-bytes = { $count } bytes
tryit-no-body = No body.
tryit-layout-text = Text
tryit-binary = The answer is not text.{ " " }
tryit-binary-download = Download it
tryit-truncated = The answer was longer than 1 MB; only its first megabyte is shown.
tryit-headers = Headers ({ $count })

## Code samples and history
tryit-snippets-heading = The same call as code
tryit-snippets-hint = Set PORTICO_API_KEY to your key; it is not filled in here.
tryit-history = Recent calls from this browser ({ $count })
tryit-history-empty = None yet.
tryit-history-caption = Recent calls of this operation
tryit-history-when = When
tryit-history-call = Call
tryit-history-status = Status
tryit-history-time = Time
tryit-history-clear = Clear

## What a status means (the HTTP reason phrases themselves stay in English)
tryit-status-1xx = Informational.
tryit-status-2xx = Success.
tryit-status-3xx = Redirect.
tryit-status-4xx = The API refused the call.
tryit-status-5xx = The API failed.
tryit-status-200 = OK: the call worked.
tryit-status-201 = Created: the call made something new.
tryit-status-202 = Accepted: the API will finish the work later.
tryit-status-204 = No content: the call worked and there is nothing to show.
tryit-status-redirect = Redirect: the API points elsewhere (the console does not follow redirects).
tryit-status-400 = Bad request: the API did not accept the parameters or the body.
tryit-status-401 = Unauthorized: the key was missing, unknown or not valid.
tryit-status-403 = Forbidden: the key may not make this call (access, environment or address).
tryit-status-404 = Not found: nothing at this address (check the path parameters).
tryit-status-406 = Not acceptable: the API cannot answer in the format asked for.
tryit-status-409 = Conflict: the call clashes with the current state.
tryit-status-415 = Unsupported media type: the API does not take this content type.
tryit-status-422 = Unprocessable: the body is well formed but not acceptable.
tryit-status-429 = Too many requests: wait a moment before calling again.
tryit-status-500 = Internal server error: the API failed.
tryit-status-502 = Bad gateway: the API could not be reached.
tryit-status-503 = Service unavailable: the API is down or overloaded.
tryit-status-504 = Gateway timeout: the API did not answer in time.

## Checking a body against its schema
# $here is tryit-body-place or a JSON pointer in backticks (`/name`); JSON type names
# (string, object, …) stay as they are.
tryit-body-place = The body
tryit-body-not-json = This is not valid JSON: { $reason } (line { $line }, column { $column }).
tryit-body-type-or = or
tryit-body-wrong-type = { $here } should be { $expected }, not { $actual }.
tryit-body-not-in-enum = { $here } should be one of { $choices }.
tryit-body-not-const = { $here } should be { $value }.
tryit-body-min-length = { $here } should have at least { $limit } characters.
tryit-body-max-length = { $here } should have at most { $limit } characters.
tryit-body-minimum = { $here } should be at least { $limit }.
tryit-body-maximum = { $here } should be at most { $limit }.
tryit-body-greater-than = { $here } should be greater than { $limit }.
tryit-body-less-than = { $here } should be less than { $limit }.
tryit-body-min-items = { $here } should have at least { $limit } items.
tryit-body-max-items = { $here } should have at most { $limit } items.
tryit-body-missing-property = { $here } is missing the required property `{ $name }`.
tryit-body-extra-property = { $here } does not take a property `{ $name }`.
tryit-body-no-shape = { $here } matches none of the { $count } shapes the API accepts here.

## The environment in the header
tryit-profile-label = Environment
tryit-profile-help = Chooses the environment that try-it calls, code samples and offered keys use.
tryit-profile-switch = Switch
tryit-profile-saved = Environment saved.
tryit-profile-choose = Choose sandbox or production.
tryit-profile-no-access = Your organization has no { $environment } access yet.

## The server's answers to a call
tryit-host-unknown = The API's host { $host } could not be found (DNS).
tryit-host-private = The API's host { $host } leads to a private network address, which the console does not call. An admin can set the base URL to that address itself if it is meant.
tryit-not-configured = This API has no valid address for this environment.
tryit-key-not-yours = Choose one of your organization's keys.
# $location is path, query, header or cookie.
tryit-parameter-unknown = `{ $name }` is not a { $location } parameter of this operation.
tryit-header-fixed = The console cannot send the header `{ $name }`.
tryit-header-value-invalid = The value of `{ $name }` cannot be sent in a header (line breaks or control characters).
tryit-cookie-invalid = The cookie `{ $name }` may not contain `;` or line breaks.
tryit-cookie-unsendable = A cookie value cannot be sent.
tryit-content-type-invalid = That content type is garbled.
tryit-answer-broken = The API broke off its answer.
tryit-timed-out = The API did not answer in time.
tryit-body-too-large = The body is larger than the console sends ({ $kilobytes } KB at most).
tryit-call-no-access = Your organization has no access to this API yet: request access first.
# $key and $wanted are "sandbox" or "production".
tryit-key-wrong-environment = This key is for { $key }; choose a { $wanted } key.
tryit-path-parameter-missing = Fill in the path parameter `{ $name }`.
