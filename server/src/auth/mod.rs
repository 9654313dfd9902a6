//! Who is behind a request: sign-in by email link, sessions, and the rules for both.

pub(crate) mod eligibility;
pub mod magic_link;
pub mod rate_limit;
mod registration;
pub mod routes;
mod sessions;
pub mod sso;
mod token;

pub use magic_link::MagicLinks;
pub use registration::Registrations;
pub use sessions::Sessions;
pub use token::{SecretToken, hash_token};
