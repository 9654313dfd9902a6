//! What admins do: the implementations behind `app::admin`.

mod organizations;
mod people;

pub use organizations::Organizations;
pub use people::People;
