# Admin: the audit log, its filters and the CSV export (app/src/admin/audit.rs; the server's
# answers to bad filters, server/src/audit.rs and server/src/api/audit.rs, come from there too).

audit-title = Audit log
audit-lead = Who did what, when and from where. Newest first.
audit-back-admin = ← Admin overview

# The filters.
audit-filter-label = Filter events
audit-filter-actor = Actor (email)
audit-filter-action = Action
audit-filter-target = Target id
audit-filter-from = From
audit-filter-to = To
audit-filter = Filter
audit-export = Export CSV
audit-check-filters = Check the filters above.
audit-invalid-actor = That is not an email address.
audit-invalid-action = That is not an action.
audit-invalid-target = That is not an id.
audit-invalid-before = That page does not exist.
audit-dates-swapped = The last day comes before the first; swap them.

# The events.
audit-empty-title = No events
audit-empty-message = Nothing matches these filters.
audit-events-label = Audit events
audit-col-when = When
audit-col-who = Who
audit-col-action = Action
audit-col-target = Target
audit-col-from = From
audit-col-details = Details
audit-pages = Pages
audit-newest = ← Newest
audit-older = Older events →
