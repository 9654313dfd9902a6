//! Outgoing mail: SMTP through lettre, or, with no SMTP configured, a development outbox that
//! prints each message on the console and shows it at `/dev/outbox`.

mod outbox;
pub mod templates;

use std::sync::Arc;
use std::time::Duration;

use app::types::Email;
use lettre::message::{Mailbox, MultiPart};
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

impl Mailer {
    pub fn from_settings(settings: &Settings) -> Result<Mailer, StartError> {
        let from: Mailbox = settings.mail_from.parse().map_err(|e| {
            StartError::Settings(crate::settings::SettingsError {
                variable: "PORTICO_MAIL_FROM",
                message: format!(
                    "'{}' is not a mailbox like Portico <portal@example.com> ({e})",
                    settings.mail_from
                ),
            })
        })?;
        let transport = match &settings.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                    .map_err(|e| {
                        StartError::Settings(crate::settings::SettingsError {
                            variable: "PORTICO_SMTP_URL",
                            message: format!("not a usable SMTP URL ({e}); e.g. smtp://mail.example.com:587?tls=required"),
                        })
                    })?
                    .timeout(Some(Duration::from_secs(10)))
                    .build(),
            ),
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
