//! The SeaORM view of the tables in `migrations`. One file per table.

pub mod audit_event;
pub mod membership;
pub mod organization;
pub mod session;
pub mod user;
