//! What admins do: the implementations behind `app::admin`.

mod invitations;
mod organizations;
mod people;

pub use invitations::{INVITATION_VALIDITY_DAYS, Invitations};
pub use organizations::Organizations;
pub use people::People;
