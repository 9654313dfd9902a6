# Admin → Collections: importing OpenAPI documents, a collection's details and versions
# (app/src/admin/collections.rs, server/src/catalog/admin.rs), and the management API's
# collection endpoints (server/src/api/collections.rs).

## Checking the details form

# $label is one of collections-the-logo, collections-the-sandbox-url, collections-the-production-url.
collections-web-address = { $label } must be a web address like https://api.example.com/v1 (at most 500 characters).
collections-the-logo = The logo
collections-the-sandbox-url = The sandbox URL
collections-the-production-url = The production URL
collections-name-length = Enter a name of 1 to 120 characters.
collections-summary-too-long = Keep the summary to 300 characters or fewer.
collections-description-too-long = Keep the description to 50,000 characters or fewer.
collections-tag-too-long = The tag "{ $tag }" is longer than 40 characters.
collections-too-many-tags = Use at most 12 tags.
collections-choose-visibility = Choose listed or hidden.
collections-choose-status = Choose draft or published.
collections-slug-taken = The slug { $slug } is taken by another collection.

## Uploading a document

collections-document-label = OpenAPI document (JSON or YAML)
collections-document-hint = OpenAPI 3.0, 3.1 or Swagger 2.0, up to 64 MB.
collections-document-address = …or its address
collections-imported = The document is imported. Check the details below, then publish.

## The list of collections

collections-title = Collections
collections-lead = The APIs the portal publishes, each described by an OpenAPI document.
collections-back-to-admin = ← Admin overview
collections-add = Add a collection
collections-add-lead = It starts as a draft with the name and description from the document.
collections-import = Import
collections-all = All collections
collections-empty = No collections yet
collections-empty-message = Import an OpenAPI document to publish your first API.
collections-column-name = Name
collections-column-status = Status
collections-column-operations = Operations
collections-column-organizations = Organizations
collections-column-updated = Updated
collections-published = Published
collections-draft = Draft
collections-hidden = hidden
collections-row-operations = { $count ->
    [one] { $operations } (v{ $version }, { $count } version)
   *[other] { $operations } (v{ $version }, { $count } versions)
}

## One collection

collections-collection = Collection
collections-saved = Saved.
collections-editor-lead = Details, documents and access of one collection.
collections-back = ← Collections
collections-view-as-developer = View as developers see it
collections-details = Details
collections-field-name = Name
collections-field-slug = Slug (in addresses)
collections-field-summary = Summary
collections-field-description = Description (Markdown)
collections-field-tags = Tags
collections-field-tags-hint = Separated by commas, like payments, cards.
collections-status-draft = Draft (admins only)
collections-visibility = Visibility
collections-visibility-listed = Listed in Discover
collections-visibility-hidden = Hidden: only organizations with access
collections-field-sandbox-url = Sandbox base URL
collections-field-production-url = Production base URL
collections-field-logo = Logo address (optional)
collections-save = Save details
collections-versions = Document versions
collections-version-line = #{ $number } · API version { $version } · { $operations } operations
collections-version-imported = Imported { $at }
collections-version-source = { " " }from { $source }
collections-download = Download
collections-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
collections-replace = Replace the document
collections-replace-lead = The new document becomes the current version; earlier ones stay downloadable.
collections-upload-version = Upload new version

## The management API (server/src/api/collections.rs)

collections-api-not-utf8 = Send the OpenAPI document as UTF-8 text (JSON or YAML).
collections-api-choose-environments = Choose sandbox, production or both.
collections-api-unknown-environment = Use sandbox or production.
