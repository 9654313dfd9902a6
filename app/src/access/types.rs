//! What access pages receive and send: requests, decisions, grants, and the checks on them.

use serde::{Deserialize, Serialize};

use crate::catalog::CollectionCard;
use crate::error::AppError;
use crate::form::text_field;
use crate::t;
use crate::types::{CalendarDate, Environment};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum RequestStatus {
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 4] = [
        RequestStatus::Pending,
        RequestStatus::Approved,
        RequestStatus::Rejected,
        RequestStatus::Withdrawn,
    ];

    pub fn parse(input: &str) -> Option<RequestStatus> {
        RequestStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == input)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Pending => "pending",
            RequestStatus::Approved => "approved",
            RequestStatus::Rejected => "rejected",
            RequestStatus::Withdrawn => "withdrawn",
        }
    }

    /// Its name for people, in the current language.
    pub fn label(self) -> String {
        match self {
            RequestStatus::Pending => t!("access-status-pending"),
            RequestStatus::Approved => t!("access-status-approved"),
            RequestStatus::Rejected => t!("access-status-rejected"),
            RequestStatus::Withdrawn => t!("access-status-withdrawn"),
        }
    }
}

/// One access request, as both sides read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AccessRequestRow {
    pub id: String,
    pub collection_slug: String,
    pub collection_name: String,
    pub organization_id: String,
    pub organization: String,
    pub requester_name: String,
    pub requester_email: String,
    pub environments: Vec<Environment>,
    pub reason: String,
    pub notes: String,
    pub status: RequestStatus,
    pub requested_at: String,
    pub decided_at: Option<String>,
    /// An admin's email, or "Approved automatically".
    pub decided_by: Option<String>,
    pub decision_note: Option<String>,
    pub grant_expires_at: Option<String>,
    /// The viewer may withdraw it (pending, and theirs or their organization's as its admin).
    pub can_withdraw: bool,
}

/// An organization's access to one environment of a collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GrantRow {
    pub organization_id: String,
    pub organization: String,
    pub environment: Environment,
    pub granted_at: String,
    /// "admin", "request" or "auto".
    pub source: String,
    pub expires_at: Option<String>,
}

/// A pending (or decided) request with what an admin needs to decide it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxItem {
    pub request: AccessRequestRow,
    /// Earlier requests of the same organization for the same collection, newest first.
    pub history: Vec<AccessRequestRow>,
    /// What the organization has of this collection now.
    pub grants: Vec<GrantRow>,
}

/// A value of a filter and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub items: Vec<InboxItem>,
    /// The collections and organizations that have requests, for the filters.
    pub collections: Vec<Choice>,
    pub organizations: Vec<Choice>,
    /// More matched than the page shows.
    pub truncated: bool,
}

/// The admin inbox's filters; empty ones match everything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxFilter {
    /// `None`: every status.
    pub status: Option<RequestStatus>,
    pub collection: String,
    pub organization: String,
}

impl InboxFilter {
    /// An empty status means pending (the inbox's default); `all` means every status.
    pub fn parse(status: &str, collection: &str, organization: &str) -> Result<Self, AppError> {
        let status =
            match status.trim() {
                "" => Some(RequestStatus::Pending),
                "all" => None,
                other => Some(RequestStatus::parse(other).ok_or_else(|| {
                    AppError::invalid("status", t!("access-filter-status-invalid"))
                })?),
            };
        let id = |value: &str, field: &str| {
            let value = value.trim();
            if value.len() > 100 {
                Err(AppError::invalid(field, t!("access-filter-choice-invalid")))
            } else {
                Ok(value.to_owned())
            }
        };
        Ok(InboxFilter {
            status,
            collection: id(collection, "collection")?,
            organization: id(organization, "organization")?,
        })
    }
}

/// What the request form needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestFormInfo {
    pub collection: CollectionCard,
    /// The viewer's organizations, to ask for (usually one), each with what it has.
    pub organizations: Vec<OrganizationAccess>,
}

/// One of the viewer's organizations, and where it stands with the collection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationAccess {
    pub organization: Choice,
    /// Environments it has already.
    pub granted: Vec<Environment>,
    /// Environments it may use at all (an admin's setting of the organization).
    pub allowed: Vec<Environment>,
    /// Its request that is waiting, if one is.
    pub pending: Option<AccessRequestRow>,
}

/// A request as the developer filled it in, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessRequestDraft {
    /// Empty when the viewer belongs to one organization.
    pub organization_id: String,
    pub environments: Vec<Environment>,
    pub reason: String,
    pub notes: String,
}

/// A reason must say something: a few words at least.
const MIN_REASON_CHARS: usize = 20;
const MIN_REASON_WORDS: usize = 4;

impl AccessRequestDraft {
    pub fn parse(
        organization_id: &str,
        environments: Vec<Environment>,
        reason: &str,
        notes: &str,
    ) -> Result<Self, AppError> {
        if environments.is_empty() {
            return Err(AppError::invalid(
                "environments",
                t!("access-environments-required"),
            ));
        }
        let reason = text_field(reason, "reason", &t!("access-reason-label"), 2000, true)?;
        if reason.chars().count() < MIN_REASON_CHARS
            || reason.split_whitespace().count() < MIN_REASON_WORDS
        {
            return Err(AppError::invalid("reason", t!("access-reason-too-short")));
        }
        Ok(AccessRequestDraft {
            organization_id: organization_id.trim().to_owned(),
            environments,
            reason,
            notes: text_field(notes, "notes", &t!("access-notes-label"), 2000, false)?,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RequestOutcome {
    /// Waiting for an admin.
    Pending,
    /// The collection approves such requests by itself: access is there already.
    Approved,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Approve {
        note: Option<String>,
        /// The last day of access; `None` until revoked.
        until: Option<CalendarDate>,
    },
    Reject {
        reason: String,
    },
}

impl Decision {
    pub fn parse(decision: &str, note: &str, expires_on: &str) -> Result<Self, AppError> {
        match decision {
            "approve" => {
                let note = text_field(note, "note", &t!("access-note-label"), 2000, false)?;
                let until = match expires_on.trim() {
                    "" => None,
                    date => Some(
                        CalendarDate::parse(date)
                            .map_err(|e| AppError::invalid("expires_on", e.to_string()))?,
                    ),
                };
                Ok(Decision::Approve {
                    note: (!note.is_empty()).then_some(note),
                    until,
                })
            }
            "reject" => {
                let reason =
                    text_field(note, "note", &t!("access-reject-reason-label"), 2000, true)
                        .map_err(|_| {
                            AppError::invalid("note", t!("access-reject-reason-required"))
                        })?;
                Ok(Decision::Reject { reason })
            }
            _ => Err(AppError::invalid("decision", t!("access-decision-invalid"))),
        }
    }
}

/// What a bulk decision did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkOutcome {
    pub decided: u32,
    /// Why the others were left (already decided, and by whom).
    pub skipped: Vec<String>,
}

/// A collection's grants and its auto-approval rule, for its admin page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CollectionAccess {
    pub grants: Vec<GrantRow>,
    pub auto_approve: Vec<Environment>,
}

/// Counts for the frame: the admin badge, and the developer's unseen decisions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notices {
    pub pending_approvals: u32,
    pub unseen_decisions: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_needs_an_environment_and_a_real_reason() {
        let ok = AccessRequestDraft::parse(
            "",
            vec![Environment::Sandbox],
            "  We build the checkout of our web shop with it. ",
            "",
        )
        .expect("valid");
        assert_eq!(ok.reason, "We build the checkout of our web shop with it.");
        let field = |result: Result<AccessRequestDraft, AppError>| match result {
            Err(AppError::Invalid {
                field: Some(field), ..
            }) => field,
            other => panic!("expected a field error, got {other:?}"),
        };
        assert_eq!(
            field(AccessRequestDraft::parse(
                "",
                vec![],
                "We build the checkout with it.",
                ""
            )),
            "environments"
        );
        for reason in [
            "",
            "   ",
            "please",
            "need it for stuff",
            "aaaaaaaaaaaaaaaaaaaaaaaaa",
        ] {
            assert_eq!(
                field(AccessRequestDraft::parse(
                    "",
                    vec![Environment::Sandbox],
                    reason,
                    ""
                )),
                "reason",
                "{reason:?}"
            );
        }
        assert_eq!(
            field(AccessRequestDraft::parse(
                "",
                vec![Environment::Sandbox],
                &"word ".repeat(500),
                ""
            )),
            "reason"
        );
        assert_eq!(
            field(AccessRequestDraft::parse(
                "",
                vec![Environment::Sandbox],
                "We build the checkout with it.",
                &"n".repeat(2001)
            )),
            "notes"
        );
    }

    #[test]
    fn decisions_are_checked() {
        assert_eq!(
            Decision::parse("approve", " ", ""),
            Ok(Decision::Approve {
                note: None,
                until: None
            })
        );
        assert_eq!(
            Decision::parse("approve", "For the pilot.", "2027-03-31"),
            Ok(Decision::Approve {
                note: Some("For the pilot.".into()),
                until: CalendarDate::parse("2027-03-31").ok(),
            })
        );
        assert!(matches!(
            Decision::parse("approve", "", "31/03/2027"),
            Err(AppError::Invalid { field: Some(f), .. }) if f == "expires_on"
        ));
        assert!(matches!(
            Decision::parse("reject", "  ", ""),
            Err(AppError::Invalid { field: Some(f), .. }) if f == "note"
        ));
        assert_eq!(
            Decision::parse("reject", "Production needs a contract first.", ""),
            Ok(Decision::Reject {
                reason: "Production needs a contract first.".into()
            })
        );
        assert!(Decision::parse("maybe", "", "").is_err());
    }

    #[test]
    fn the_inbox_shows_pending_requests_unless_asked_otherwise() {
        let filter = InboxFilter::parse("", "", "").expect("valid");
        assert_eq!(filter.status, Some(RequestStatus::Pending));
        assert_eq!(
            InboxFilter::parse("all", "", "").expect("valid").status,
            None
        );
        assert_eq!(
            InboxFilter::parse("rejected", "payments", "")
                .expect("valid")
                .status,
            Some(RequestStatus::Rejected)
        );
        assert!(InboxFilter::parse("lost", "", "").is_err());
    }
}
