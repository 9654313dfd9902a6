//! The SeaORM view of the tables in `migrations`. One file per table.

pub mod access_grant;
pub mod access_request;
pub mod admin_api_token;
pub mod api_key;
pub mod audit_event;
pub mod authorized_email;
pub mod collection;
pub mod collection_version;
pub mod gateway_usage;
pub mod identity_provider;
pub mod invitation;
pub mod magic_link;
pub mod membership;
pub mod oidc_flow;
pub mod organization;
pub mod organization_domain;
pub mod portal_setting;
pub mod rate_limit_bucket;
pub mod registration;
pub mod session;
pub mod terms_acceptance;
pub mod terms_version;
pub mod user;
pub mod user_identity;
