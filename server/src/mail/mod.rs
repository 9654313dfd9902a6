//! Outgoing mail: SMTP through lettre, or, with no SMTP configured, a development outbox that
//! prints each message on the console and shows it at `/dev/outbox`.

mod outbox;
pub mod templates;

use std::sync::Arc;
use std::time::Duration;

use app::types::Email;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

pub use outbox::Outbox;

use crate::StartError;
use crate::settings::Settings;

/// One message, written for one person.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: Email,
    pub subject: String,
    pub text: String,
    pub html: String,
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Outbox(Arc<Outbox>),
}

pub struct Mailer {
    from: Mailbox,
    transport: Transport,
    retry_delays: Vec<Duration>,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct MailError(String);

fn setting_error(variable: &'static str, message: String) -> StartError {
    StartError::Settings(crate::settings::SettingsError { variable, message })
}

/// The TLS mode the SMTP URL asks for, trusting the private CA in `ca_file` as well.
fn tls_with_private_ca(smtp_url: &str, ca_file: &std::path::Path) -> Result<Tls, StartError> {
    let fail = |message: String| setting_error("PORTICO_SMTP_CA_FILE", message);
    let pem = std::fs::read(ca_file)
        .map_err(|e| fail(format!("cannot read {}: {e}", ca_file.display())))?;
    // The parser accepts a file without any certificate in it; say so instead of trusting nothing.
    let not_pem = || fail(format!("{} holds no PEM certificate", ca_file.display()));
    if !String::from_utf8_lossy(&pem).contains("-----BEGIN CERTIFICATE-----") {
        return Err(not_pem());
    }
    let certificate = Certificate::from_pem(&pem).map_err(|_| not_pem())?;
    let url = url::Url::parse(smtp_url)
        .map_err(|e| setting_error("PORTICO_SMTP_URL", format!("not a URL ({e})")))?;
    let host = url.host_str().unwrap_or_default().to_owned();
    let parameters = TlsParameters::builder(host)
        .add_root_certificate(certificate)
        .build()
        .map_err(|e| fail(format!("cannot set up TLS with it ({e})")))?;
    let mode = url
        .query_pairs()
        .find(|(key, _)| key == "tls")
        .map(|(_, value)| value.into_owned());
    match (url.scheme(), mode.as_deref()) {
        ("smtps", _) => Ok(Tls::Wrapper(parameters)),
        ("smtp", Some("required")) => Ok(Tls::Required(parameters)),
        ("smtp", Some("opportunistic")) => Ok(Tls::Opportunistic(parameters)),
        _ => Err(fail(
            "is set, but PORTICO_SMTP_URL uses no TLS; use smtps://… or add ?tls=required"
                .to_owned(),
        )),
    }
}

impl Mailer {
    pub fn from_settings(settings: &Settings) -> Result<Mailer, StartError> {
        let from: Mailbox = settings.mail_from.parse().map_err(|e| {
            setting_error(
                "PORTICO_MAIL_FROM",
                format!(
                    "'{}' is not a mailbox like Portico <portal@example.com> ({e})",
                    settings.mail_from
                ),
            )
        })?;
        let transport = match &settings.smtp_url {
            Some(url) => {
                let mut builder = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                    .map_err(|e| {
                        setting_error(
                            "PORTICO_SMTP_URL",
                            format!("not a usable SMTP URL ({e}); e.g. smtp://mail.example.com:587?tls=required"),
                        )
                    })?
                    .timeout(Some(Duration::from_secs(10)));
                if let Some(ca_file) = &settings.smtp_ca_file {
                    builder = builder.tls(tls_with_private_ca(url.expose(), ca_file)?);
                }
                Transport::Smtp(builder.build())
            }
            None => Transport::Outbox(Arc::new(Outbox::default())),
        };
        Ok(Mailer {
            from,
            transport,
            retry_delays: vec![
                Duration::from_secs(1),
                Duration::from_secs(5),
                Duration::from_secs(20),
            ],
        })
    }

    /// The development outbox, when mail is not sent for real.
    pub fn outbox(&self) -> Option<Arc<Outbox>> {
        match &self.transport {
            Transport::Outbox(outbox) => Some(outbox.clone()),
            Transport::Smtp(_) => None,
        }
    }

    /// Sends `mail` off the request path: the change that caused it is already stored, and a
    /// failed delivery is retried and logged by `send`, never undone.
    pub fn send_later(self: &Arc<Self>, mail: Mail) {
        let mailer = self.clone();
        tokio::spawn(async move {
            let _ = mailer.send(mail).await;
        });
    }

    /// Sends `mail`, retrying failed deliveries with growing pauses. Logs never include the body,
    /// which may carry a one-time link.
    pub async fn send(&self, mail: Mail) -> Result<(), MailError> {
        let transport = match &self.transport {
            Transport::Outbox(outbox) => {
                outbox.deliver(mail);
                return Ok(());
            }
            Transport::Smtp(transport) => transport,
        };
        let to: Mailbox = mail
            .to
            .as_str()
            .parse()
            .map_err(|e| MailError(format!("bad recipient: {e}")))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .multipart(MultiPart::alternative_plain_html(mail.text, mail.html))
            .map_err(|e| MailError(format!("cannot build the message: {e}")))?;
        let mut attempt = 0;
        loop {
            match transport.send(message.clone()).await {
                Ok(_) => {
                    tracing::info!(to = %mail.to, subject = %mail.subject, "mail sent");
                    return Ok(());
                }
                Err(error) if attempt < self.retry_delays.len() => {
                    tracing::warn!(to = %mail.to, %error, attempt = attempt + 1, "mail delivery failed; retrying");
                    tokio::time::sleep(self.retry_delays[attempt]).await;
                    attempt += 1;
                }
                Err(error) => {
                    tracing::error!(to = %mail.to, %error, "mail delivery failed; giving up");
                    return Err(MailError(error.to_string()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_ca() -> std::path::PathBuf {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../end2end/tls/ca.pem").into()
    }

    #[test]
    fn a_private_ca_follows_the_tls_mode_of_the_url() {
        let mode = |url: &str| tls_with_private_ca(url, &test_ca()).map(|tls| format!("{tls:?}"));
        assert!(
            mode("smtps://mail.example.com")
                .expect("smtps")
                .starts_with("Wrapper")
        );
        assert!(
            mode("smtp://mail.example.com?tls=required")
                .expect("starttls")
                .starts_with("Required")
        );
        assert!(
            mode("smtp://mail.example.com?tls=opportunistic")
                .expect("opportunistic")
                .starts_with("Opportunistic")
        );
        let plain = mode("smtp://mail.example.com").expect_err("no TLS to trust it for");
        assert!(
            plain.to_string().contains("PORTICO_SMTP_CA_FILE"),
            "{plain}"
        );
    }

    #[test]
    fn an_unreadable_or_bad_ca_file_is_named() {
        let missing = tls_with_private_ca(
            "smtps://m.example.com",
            std::path::Path::new("/nonexistent/ca.pem"),
        )
        .expect_err("missing file");
        assert!(
            missing
                .to_string()
                .contains("cannot read /nonexistent/ca.pem"),
            "{missing}"
        );
        let not_pem = tempfile::NamedTempFile::new().expect("temp file");
        std::fs::write(not_pem.path(), "hello").expect("write");
        let bad =
            tls_with_private_ca("smtps://m.example.com", not_pem.path()).expect_err("not PEM");
        assert!(bad.to_string().contains("PORTICO_SMTP_CA_FILE"), "{bad}");
    }
}
