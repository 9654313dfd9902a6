//! What admins do: the implementations behind `app::admin`.

mod people;

pub use people::People;
