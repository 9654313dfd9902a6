//! The audit log: who did what to what, when, from where.

use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};
use uuid::Uuid;

use crate::clock::Clock;
use crate::entities::audit_event;
use crate::error::DomainError;

/// One event to record. Build it with `AuditEvent::new` and the `with_*` methods.
#[derive(Debug, Clone)]
pub struct AuditEvent {
    pub actor_id: Option<Uuid>,
    pub actor_label: String,
    pub action: &'static str,
    pub target: Option<(&'static str, String)>,
    pub client_addr: Option<String>,
    pub details: Option<serde_json::Value>,
}

impl AuditEvent {
    pub fn new(actor_label: impl Into<String>, action: &'static str) -> Self {
        AuditEvent {
            actor_id: None,
            actor_label: actor_label.into(),
            action,
            target: None,
            client_addr: None,
            details: None,
        }
    }

    /// An event done by the signed-in `viewer`.
    pub fn by_viewer(viewer: &app::auth::Viewer, action: &'static str) -> Self {
        let event = AuditEvent::new(viewer.email.clone(), action);
        match Uuid::parse_str(&viewer.id) {
            Ok(id) => event.by(id),
            Err(_) => event,
        }
    }

    pub fn by(mut self, actor_id: Uuid) -> Self {
        self.actor_id = Some(actor_id);
        self
    }

    pub fn on(mut self, target_type: &'static str, target_id: impl ToString) -> Self {
        self.target = Some((target_type, target_id.to_string()));
        self
    }

    pub fn from_addr(mut self, client: Option<std::net::IpAddr>) -> Self {
        self.client_addr = client.map(|addr| addr.to_string());
        self
    }

    pub fn with_details(mut self, details: serde_json::Value) -> Self {
        self.details = Some(details);
        self
    }

    /// Writes the event on `db`, which may be a transaction: the event then lands together with
    /// the change it describes, or not at all.
    pub async fn record(
        self,
        db: &impl ConnectionTrait,
        clock: &dyn Clock,
    ) -> Result<(), DomainError> {
        let (target_type, target_id) = self.target.unzip();
        audit_event::ActiveModel {
            occurred_at: Set(clock.now()),
            actor_id: Set(self.actor_id),
            actor_label: Set(self.actor_label),
            action: Set(self.action.to_owned()),
            target_type: Set(target_type.map(str::to_owned)),
            target_id: Set(target_id),
            client_addr: Set(self.client_addr),
            details: Set(self.details),
            ..Default::default()
        }
        .insert(db)
        .await?;
        Ok(())
    }
}
