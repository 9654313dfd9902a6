//! What admins do: the implementations behind `app::admin`.

mod api_tokens;
mod dashboard;
mod identity_providers;
mod invitations;
mod organizations;
mod people;

pub use api_tokens::{AdminApiTokens, TOKEN_PREFIX};
pub use dashboard::Dashboard;
pub use identity_providers::IdentityProviders;
pub use invitations::{INVITATION_VALIDITY_DAYS, Invitations};
pub use organizations::Organizations;
pub use people::People;
