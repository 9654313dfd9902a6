//! Sessions: who is behind a request.

mod sessions;
mod token;

pub use sessions::Sessions;
pub use token::{SecretToken, hash_token};
