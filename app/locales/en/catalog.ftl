# The catalog: My APIs, Discover and each collection's reference docs (app/src/catalog/), the
# words of rendered reference docs (server/src/openapi/render.rs), and what importing,
# downloading and fetching documents answers (server/src/catalog/, server/src/openapi/mod.rs).

## Searching (app/src/catalog/mod.rs)

catalog-query-too-long = Search for 200 characters at most.
catalog-tag-unknown = That is not one of the tags.

## My APIs and Discover (app/src/catalog/pages.rs)

catalog-request-access-to = Request access to { $name }
catalog-card-meta = { $count ->
    [one] { $count } operation · version { $version }
   *[other] { $count } operations · version { $version }
}
catalog-tags = Tags
catalog-request-pending = Request pending
catalog-request-access = Request access
catalog-my-apis-lead = Collections your organization may use.
catalog-my-apis-empty = No APIs yet
catalog-my-apis-empty-message = When your organization is given access to a collection, it appears here with its docs and keys.
catalog-discover-apis = Discover APIs
catalog-my-apis-purpose = to see your APIs
catalog-discover-lead = Published collections you can ask for.
catalog-search-label = Search APIs
catalog-search-placeholder = Search names, tags and operations, like /orders or refund
catalog-search = Search
catalog-tag-filter = Filter by tag
catalog-tag-all = All
catalog-results = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
catalog-discover-empty = Nothing to discover
catalog-discover-empty-message = Your organization already has every published collection, or none is published yet.
catalog-go-to-my-apis = Go to My APIs
catalog-no-matches = No matches
catalog-no-matches-message = Try other words, or clear the tag filter.
catalog-discover-purpose = to discover APIs

## A collection and its operations (app/src/catalog/reference.rs)

catalog-api-unavailable = API not available
catalog-docs-purpose = to read this API's docs
catalog-version-operations = { $count ->
    [one] Version { $version } · { $count } operation
   *[other] Version { $version } · { $count } operations
}
catalog-download-json = Download OpenAPI (JSON)
catalog-pending-notice = Your organization asked for access to this API; an admin will decide soon.{ " " }
catalog-see-requests = See your requests
catalog-no-access-notice = Your organization does not have access to this API yet. You can read its docs; calls need access and a key.
catalog-servers = Servers
catalog-no-authentication = The document declares no authentication.
catalog-version-entry = #{ $number } · API version { $version } · published { $published }
catalog-version-current = { " " }(current)
catalog-authentication = Authentication
catalog-versions = Versions
catalog-operations = Operations
catalog-filter-operations = Filter operations
catalog-operation-unavailable = Operation not available
catalog-required = required
catalog-schema = Schema
catalog-example = Example
catalog-console-loading = Loading the console…
catalog-try-purpose = to try this operation
catalog-deprecated = Deprecated
catalog-try-it-out = Try it out
catalog-operation-authentication = Authentication:{ " " }
catalog-parameters = Parameters
catalog-parameters-none = None.
# $location is path, query, header or cookie; $name is the same word with a capital letter.
catalog-parameters-in = { $location ->
   *[other] { $name } parameters
}
catalog-parameter-example = Example:{ " " }
catalog-request-body = Request body
catalog-request-body-required = { " " }(required)
catalog-responses = Responses
catalog-neighbours = Neighbouring operations

## Rendered reference docs (server/src/openapi/render.rs); JSON Schema's type names (string,
## object, …) stay as they are.

catalog-example-cut = … (cut; the full example is in the document)
catalog-schema-more-not-shown = more not shown: see the downloaded document
catalog-schema-recursive = { $name } again (it contains itself)
catalog-schema-unresolved = unresolved reference { $reference }
catalog-schema-nested-deeper = nested deeper: see the downloaded document
catalog-schema-one-of = one of
catalog-schema-any-of = any of
catalog-schema-more-options = more options not shown
catalog-schema-option = option { $number }
catalog-schema-array-of = array of { $items }
catalog-schema-more-fields = more fields not shown
catalog-schema-any-name = { "{" }any name{ "}" }
# Between two types: "string or null".
catalog-schema-or = { " " }or{ " " }
catalog-constraint-one-of = one of: { $values }
catalog-constraint-always = always { $value }
catalog-constraint-default = default { $value }
catalog-constraint-minimum = minimum { $value }
catalog-constraint-maximum = maximum { $value }
catalog-constraint-min-length = at least { $value } characters
catalog-constraint-max-length = at most { $value } characters
catalog-constraint-min-items = at least { $value } items
catalog-constraint-max-items = at most { $value } items
catalog-constraint-pattern = pattern { $value }
catalog-constraint-multiple-of = multiple of { $value }
catalog-constraint-greater-than = greater than { $value }
catalog-constraint-less-than = less than { $value }
catalog-constraint-read-only = read-only
catalog-constraint-write-only = write-only
catalog-constraint-deprecated = deprecated
catalog-constraint-unique-items = unique items
catalog-server = Server
# $location is where the key goes (header, query or cookie), $name its name.
catalog-auth-api-key = API key in { $location } { $name }
catalog-auth-http = HTTP { $scheme }
catalog-auth-http-unnamed = HTTP authentication
catalog-auth-http-basic = HTTP basic
catalog-auth-mutual-tls = Mutual TLS

## What was not found (finishes "… was not found."), and import errors (server/src/catalog/)

catalog-that-api = That API
catalog-that-operation = That operation
catalog-that-file = That file
catalog-that-version = That version
catalog-slug-taken = Choose another slug; this one is taken.
catalog-upload-unreadable = The upload could not be read: { $reason }
catalog-upload-nothing = Choose a file, or give the address of the document.
catalog-upload-not-utf8 = The document is not UTF-8 text (JSON or YAML).
catalog-fetch-failed = Could not fetch { $address }: { $reason }
catalog-fetch-bad-address = Give a full address, like https://example.com/openapi.yaml.
catalog-fetch-bad-scheme = Only http and https addresses can be fetched.
catalog-fetch-unresolved = the name does not resolve ({ $error })
catalog-fetch-unroutable = that address is not one documents are fetched from
catalog-fetch-another-address = another address
catalog-fetch-moved = it moved to { $target }; give that address instead
catalog-fetch-status = the server answered { $status }
catalog-fetch-too-large = it is larger than { $megabytes } MB

## Reading documents (server/src/openapi/mod.rs): errors, then warnings

catalog-import-too-large = The document is { $size } MB; the limit is { $limit } MB.
catalog-import-empty = The document is empty.
catalog-import-invalid-json = This is not valid JSON: { $reason } (line { $line }, column { $column }).
catalog-import-place = { " " }(line { $line }, column { $column })
catalog-import-invalid-yaml = This is not valid YAML or JSON: { $reason }{ $place }.
catalog-import-not-object = The document must be an object with `openapi` (or `swagger`), `info` and `paths` at the top.
catalog-import-openapi-unsupported = OpenAPI { $version } is not supported: Portico reads OpenAPI 3.0, 3.1 and Swagger 2.0 (at /openapi).
catalog-import-swagger-unsupported = Swagger { $version } is not supported: Portico reads Swagger 2.0 and OpenAPI 3.0 and 3.1 (at /swagger).
catalog-import-not-openapi = This is not an OpenAPI document: it has neither an `openapi` field (3.0, 3.1) nor `swagger: "2.0"` at the top.
catalog-import-paths-not-object = `paths` must be an object of paths to operations (at /paths).
catalog-warning-more = …and { $count } more warnings like these.
catalog-warning-reference-missing = The reference { $reference } (at { $pointer }) points to nothing; it is shown as unresolved.
catalog-warning-reference-external = The reference { $reference } (at { $pointer }) is in another file, which is not followed.
catalog-warning-unknown-formats = Unknown formats, shown as written: { $formats }.
catalog-warning-no-info = The document has no `info` section, so it has no title or version.
catalog-warning-no-operations = The document describes no operations.
catalog-warning-path-not-object = The path { $path } is not an object and is left out (at { $pointer }).
catalog-warning-path-reference = The path { $path } is a reference to another path item, which is not followed (at { $pointer }).
# $upper is the method in capitals (GET), $method as written in the document (get).
catalog-warning-operation-not-object = { $upper } { $path } is not an object and is left out (at { $pointer }/{ $method }).
catalog-warning-duplicate-id = Two operations share the id { $id }; { $method } { $path } is reachable as { $alias }.
# The group of operations without a tag.
catalog-other-operations = Other operations
