//! API key tokens: `ptc_test_` (sandbox) or `ptc_live_` (production), 32 random base62
//! characters (190 bits), and a 6-character checksum, so secret scanners recognise a leaked key
//! and a mistyped one is refused without a database lookup. Only the SHA-256 hash is stored.

use std::fmt;

use app::types::Environment;
use rand::Rng;
use sha2::{Digest, Sha256};

const BODY_CHARS: usize = 32;
const CHECKSUM_CHARS: usize = 6;
const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn prefix(environment: Environment) -> &'static str {
    match environment {
        Environment::Sandbox => "ptc_test_",
        Environment::Production => "ptc_live_",
    }
}

fn checksum(prefix_and_body: &str) -> String {
    let digest = Sha256::digest(prefix_and_body.as_bytes());
    let mut value = u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]);
    let mut out = [b'0'; CHECKSUM_CHARS];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(value % 62) as usize];
        value /= 62;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `prefix`, then 32 random base62 characters and their checksum: the shape of every token
/// Portico hands out (API keys, admin API tokens).
pub fn random_token(prefix: &str) -> String {
    let mut rng = rand::rng();
    let body: String = (0..BODY_CHARS)
        .map(|_| BASE62[rng.random_range(0..BASE62.len())] as char)
        .collect();
    let head = format!("{prefix}{body}");
    let sum = checksum(&head);
    head + &sum
}

/// Whether `input` starts with `prefix` and has a token's length, characters and checksum.
pub fn check_shape(input: &str, prefix: &str) -> Result<(), MalformedKey> {
    let rest = input.strip_prefix(prefix).ok_or(MalformedKey::Prefix)?;
    if rest.len() != BODY_CHARS + CHECKSUM_CHARS || !rest.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        return Err(MalformedKey::Shape);
    }
    let (head, sum) = input.split_at(input.len() - CHECKSUM_CHARS);
    if checksum(head) != sum {
        return Err(MalformedKey::Checksum);
    }
    Ok(())
}

/// A well-formed key token. `Debug` and `Display` never show the secret part.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKeyToken(String);

/// Why a presented key is not even worth looking up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MalformedKey {
    #[error("API keys start with ptc_test_ or ptc_live_")]
    Prefix,
    #[error("the key has the wrong length or characters")]
    Shape,
    #[error("the key's checksum does not match (a typo?)")]
    Checksum,
}

impl ApiKeyToken {
    pub fn generate(environment: Environment) -> ApiKeyToken {
        ApiKeyToken(random_token(prefix(environment)))
    }

    pub fn parse(input: &str) -> Result<ApiKeyToken, MalformedKey> {
        let input = input.trim();
        let environment = Environment::ALL
            .into_iter()
            .find(|e| input.starts_with(prefix(*e)))
            .ok_or(MalformedKey::Prefix)?;
        check_shape(input, prefix(environment))?;
        Ok(ApiKeyToken(input.to_owned()))
    }

    /// The environment the token was made for.
    pub fn environment(&self) -> Environment {
        if self.0.starts_with(prefix(Environment::Production)) {
            Environment::Production
        } else {
            Environment::Sandbox
        }
    }

    /// What lists show: the prefix and the first four characters of the body.
    pub fn display_prefix(&self) -> String {
        self.0
            .chars()
            .take(prefix(self.environment()).len() + 4)
            .collect()
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What the database keeps, and what the cache is keyed by.
    pub fn hash(&self) -> [u8; 32] {
        Sha256::digest(self.0.as_bytes()).into()
    }
}

impl fmt::Debug for ApiKeyToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ApiKeyToken({}…)", self.display_prefix())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_tokens_parse_and_carry_their_environment() {
        for environment in Environment::ALL {
            let token = ApiKeyToken::generate(environment);
            assert_eq!(token.expose().len(), 9 + BODY_CHARS + CHECKSUM_CHARS);
            let parsed = ApiKeyToken::parse(token.expose()).expect("parses");
            assert_eq!(parsed, token);
            assert_eq!(parsed.environment(), environment);
            assert_ne!(ApiKeyToken::generate(environment), token, "random");
        }
    }

    #[test]
    fn typos_and_foreign_strings_are_refused_without_a_lookup() {
        let token = ApiKeyToken::generate(Environment::Sandbox);
        let text = token.expose();
        // One character changed anywhere in the body or checksum.
        for position in 9..text.len() {
            let mut bytes = text.as_bytes().to_vec();
            bytes[position] = if bytes[position] == b'a' { b'b' } else { b'a' };
            let typo = String::from_utf8(bytes).expect("ascii");
            assert_eq!(
                ApiKeyToken::parse(&typo),
                Err(MalformedKey::Checksum),
                "position {position}"
            );
        }
        let live = text.replacen("ptc_test_", "ptc_live_", 1);
        assert_eq!(ApiKeyToken::parse(&live), Err(MalformedKey::Checksum));
        assert_eq!(ApiKeyToken::parse("Bearer xyz"), Err(MalformedKey::Prefix));
        assert_eq!(ApiKeyToken::parse(""), Err(MalformedKey::Prefix));
        assert_eq!(
            ApiKeyToken::parse("ptc_test_short"),
            Err(MalformedKey::Shape)
        );
        let accented = format!("{}é", &text[..text.len() - 2]);
        assert_eq!(ApiKeyToken::parse(&accented), Err(MalformedKey::Shape));
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let token = ApiKeyToken::generate(Environment::Production);
        let shown = format!("{token:?}");
        assert!(shown.starts_with("ApiKeyToken(ptc_live_"));
        assert!(!shown.contains(&token.expose()[13..]));
        assert_eq!(token.display_prefix().len(), 13);
    }
}
