//! Secrets the portal must be able to read back (identity providers' client secrets) are kept
//! sealed with AES-256-GCM under the portal's secret key: a copy of the database alone does not
//! give them away. The key comes from `PORTICO_SECRET_KEY`, or from a key file made once beside
//! the SQLite database (readable by the portal's user only).

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};

use crate::settings::{DatabaseUrl, Settings};

/// Sealed values start with this, so a later format can tell them apart.
const VERSION: &str = "v1.";
const KEY_FILE: &str = "secret.key";

pub struct SecretBox {
    key: LessSafeKey,
}

#[derive(Debug, thiserror::Error)]
pub enum SecretBoxError {
    #[error("the sealed value is damaged or was sealed with another secret key")]
    Unreadable,
    #[error("no randomness available")]
    NoRandomness,
}

/// The 32 bytes of a key written as base64 (standard or URL-safe, padding optional).
pub fn parse_key(text: &str) -> Result<[u8; 32], String> {
    let text = text.trim().trim_end_matches('=');
    let bytes = base64::engine::general_purpose::STANDARD_NO_PAD
        .decode(text)
        .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(text))
        .map_err(|_| "not base64; make one with `openssl rand -base64 32`".to_owned())?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
        format!(
            "{} bytes, but a key is 32; make one with `openssl rand -base64 32`",
            bytes.len()
        )
    })
}

impl SecretBox {
    pub fn new(key: &[u8; 32]) -> SecretBox {
        let key = UnboundKey::new(&AES_256_GCM, key).expect("AES-256-GCM takes 32-byte keys");
        SecretBox {
            key: LessSafeKey::new(key),
        }
    }

    /// The box of these settings: their key, else the key file beside the SQLite database
    /// (`data/` for PostgreSQL and in-memory databases), made on first start.
    pub fn for_settings(settings: &Settings) -> Result<SecretBox, String> {
        if let Some(key) = &settings.secret_key {
            return Ok(SecretBox::new(key.expose()));
        }
        let folder = match &settings.database_url {
            DatabaseUrl::Sqlite {
                file: Some(file), ..
            } => file
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from(".")),
            _ => {
                // Instances that share a database must share the key too; one made here is
                // this instance's alone.
                tracing::warn!(
                    "PORTICO_SECRET_KEY is not set: stored secrets are sealed with data/secret.key \
                     of this instance; set the same PORTICO_SECRET_KEY on every instance"
                );
                PathBuf::from("data")
            }
        };
        SecretBox::from_key_file(&folder.join(KEY_FILE))
    }

    /// Reads the key file, or makes it (mode 0600) when there is none yet.
    pub fn from_key_file(path: &Path) -> Result<SecretBox, String> {
        let shown = path.display();
        match std::fs::read_to_string(path) {
            Ok(text) => parse_key(&text)
                .map(|key| SecretBox::new(&key))
                .map_err(|e| format!("the key file {shown} is not a key: {e}")),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                let mut key = [0u8; 32];
                SystemRandom::new()
                    .fill(&mut key)
                    .map_err(|_| "no randomness available for a secret key".to_owned())?;
                if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(folder)
                        .map_err(|e| format!("cannot make {}: {e}", folder.display()))?;
                }
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                let mut file = options
                    .open(path)
                    .map_err(|e| format!("cannot write the key file {shown}: {e}"))?;
                let text = base64::engine::general_purpose::STANDARD.encode(key);
                file.write_all(format!("{text}\n").as_bytes())
                    .map_err(|e| format!("cannot write the key file {shown}: {e}"))?;
                tracing::info!(file = %shown, "made a secret key for sealing stored secrets; back it up with the database");
                Ok(SecretBox::new(&key))
            }
            Err(error) => Err(format!("cannot read the key file {shown}: {error}")),
        }
    }

    /// Seals `secret` for the record named by `context`: a sealed value opens only with the
    /// same context, so it cannot be moved to another record.
    pub fn seal(&self, secret: &str, context: &str) -> Result<String, SecretBoxError> {
        let mut nonce = [0u8; NONCE_LEN];
        SystemRandom::new()
            .fill(&mut nonce)
            .map_err(|_| SecretBoxError::NoRandomness)?;
        let mut sealed = secret.as_bytes().to_vec();
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(context.as_bytes()),
                &mut sealed,
            )
            .map_err(|_| SecretBoxError::Unreadable)?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        Ok(format!(
            "{VERSION}{}",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(out)
        ))
    }

    pub fn open(&self, sealed: &str, context: &str) -> Result<String, SecretBoxError> {
        let bytes = sealed
            .strip_prefix(VERSION)
            .and_then(|text| {
                base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .decode(text)
                    .ok()
            })
            .filter(|bytes| bytes.len() > NONCE_LEN)
            .ok_or(SecretBoxError::Unreadable)?;
        let (nonce, sealed) = bytes.split_at(NONCE_LEN);
        let nonce =
            Nonce::try_assume_unique_for_key(nonce).map_err(|_| SecretBoxError::Unreadable)?;
        let mut sealed = sealed.to_vec();
        let plain = self
            .key
            .open_in_place(nonce, Aad::from(context.as_bytes()), &mut sealed)
            .map_err(|_| SecretBoxError::Unreadable)?;
        String::from_utf8(plain.to_vec()).map_err(|_| SecretBoxError::Unreadable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_only_with_its_key_and_context() {
        let secret_box = SecretBox::new(&[7; 32]);
        let sealed = secret_box
            .seal("client-secret", "identity_provider:acme")
            .expect("seal");
        assert!(!sealed.contains("client-secret"));
        assert_ne!(
            sealed,
            secret_box
                .seal("client-secret", "identity_provider:acme")
                .expect("seal"),
            "each sealing uses a new nonce"
        );
        assert_eq!(
            secret_box
                .open(&sealed, "identity_provider:acme")
                .expect("open"),
            "client-secret"
        );
        assert!(secret_box.open(&sealed, "identity_provider:other").is_err());
        assert!(
            SecretBox::new(&[8; 32])
                .open(&sealed, "identity_provider:acme")
                .is_err()
        );
        let mut tampered = sealed.clone();
        tampered.pop();
        tampered.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert!(
            secret_box
                .open(&tampered, "identity_provider:acme")
                .is_err()
        );
        assert!(
            secret_box
                .open("plain text", "identity_provider:acme")
                .is_err()
        );
    }

    #[test]
    fn the_key_file_is_made_once_and_kept_private() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("nested").join(KEY_FILE);
        let first = SecretBox::from_key_file(&path).expect("made");
        let sealed = first.seal("s", "c").expect("seal");
        let again = SecretBox::from_key_file(&path).expect("read");
        assert_eq!(again.open(&sealed, "c").expect("same key"), "s");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path)
                .expect("metadata")
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "only the owner may read the key");
        }
        std::fs::write(&path, "short").expect("write");
        let refused = SecretBox::from_key_file(&path).err().expect("refused");
        assert!(refused.contains("not a key"), "{refused}");
    }

    #[test]
    fn keys_are_checked() {
        assert!(
            parse_key("AAAA")
                .expect_err("too short")
                .contains("3 bytes")
        );
        assert!(parse_key("not base64!").is_err());
        let key = base64::engine::general_purpose::STANDARD.encode([1u8; 32]);
        assert_eq!(parse_key(&key).expect("valid"), [1u8; 32]);
    }
}
