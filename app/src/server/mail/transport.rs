//! How a message leaves: over SMTP (plain, STARTTLS or TLS, with or without a login) when a
//! server is configured, or else as an `.eml` file in a folder, which a person can open and
//! nothing is lost. Also turns an outbox row into a MIME message: text and HTML alternatives,
//! with the attachment beside them.

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::letter;
use crate::i18n::Lang;
use crate::server::entities::outbox;

/// How the connection to the SMTP server is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// Plain SMTP (only for a relay on the same host or network).
    None,
    /// Plain connection upgraded with STARTTLS, which is required (usually port 587).
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

impl Security {
    /// The port a server with this security usually listens on.
    pub fn default_port(self) -> u16 {
        match self {
            Security::None => 25,
            Security::StartTls => 587,
            Security::Tls => 465,
        }
    }
}

/// Where the SMTP server is and how to sign in to it.
#[derive(Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// User and password, when the server asks for a login.
    pub login: Option<(String, String)>,
    /// How long to wait for the server at each step.
    pub timeout: Duration,
}

impl std::fmt::Debug for SmtpSettings {
    /// Never prints the password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSettings")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("user", &self.login.as_ref().map(|(user, _)| user))
            .finish()
    }
}

/// Why a message was not delivered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryError {
    /// Worth trying again later: the server could not be reached, or answered "not now" (4xx).
    #[error("{0}")]
    Transient(String),
    /// Trying again will not help: the server refused the message (5xx), or it cannot be made.
    #[error("{0}")]
    Permanent(String),
}

/// Where messages go.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// `.eml` files in this folder, one per message.
    Files(PathBuf),
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Transport::Smtp(_) => f.write_str("Transport::Smtp"),
            Transport::Files(dir) => write!(f, "Transport::Files({})", dir.display()),
        }
    }
}

impl Transport {
    /// An SMTP transport for `settings`.
    pub fn smtp(settings: &SmtpSettings) -> Result<Transport, String> {
        let builder = match settings.security {
            Security::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            }
            Security::StartTls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host)
                    .map_err(|error| error.to_string())?
            }
            Security::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host)
                .map_err(|error| error.to_string())?,
        };
        let mut builder = builder.port(settings.port).timeout(Some(settings.timeout));
        if let Some((user, password)) = &settings.login {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Transport::Smtp(builder.build()))
    }

    /// Delivers `message`, the outbox's message `id`.
    pub async fn deliver(&self, id: i32, message: &Message) -> Result<(), DeliveryError> {
        match self {
            Transport::Smtp(smtp) => {
                smtp.send(message.clone())
                    .await
                    .map(|_| ())
                    .map_err(|error| {
                        if error.is_permanent() {
                            DeliveryError::Permanent(error.to_string())
                        } else {
                            DeliveryError::Transient(error.to_string())
                        }
                    })
            }
            Transport::Files(dir) => write_eml(dir, id, message)
                .await
                .map_err(|error| DeliveryError::Transient(format!("{}: {error}", dir.display()))),
        }
    }
}

/// Writes the message as `<dir>/message-<id>.eml`, whole or not at all (written aside, then
/// renamed), so a second delivery of the same message replaces the first.
async fn write_eml(dir: &std::path::Path, id: i32, message: &Message) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let name = format!("message-{id:06}.eml");
    let partial = dir.join(format!(".{name}.partial"));
    tokio::fs::write(&partial, message.formatted()).await?;
    tokio::fs::rename(&partial, dir.join(name)).await
}

/// The `Message-ID` of the outbox's message `id`: the same on every attempt, so a receiving
/// server that saw it once can tell a repeat.
fn message_id(message: &outbox::Model, from: &Mailbox) -> String {
    format!(
        "<percorso.outbox.{}.{}@{}>",
        message.id,
        message.created_at.timestamp(),
        from.email.domain()
    )
}

/// The MIME message for an outbox row: plain text and HTML as alternatives, the attachment
/// (if any) beside them, headers encoded for any language (RFC 2047 for a UTF-8 subject).
pub fn compose(message: &outbox::Model, from: &Mailbox) -> Result<Message, DeliveryError> {
    let to: Mailbox = message.to_address.parse().map_err(|error| {
        DeliveryError::Permanent(format!(
            "{:?} is not an address: {error}",
            message.to_address
        ))
    })?;
    let lang = Lang::parse(&message.lang).unwrap_or_default();
    let html = message
        .html_body
        .clone()
        .unwrap_or_else(|| letter::html(lang, &message.subject, &message.body));
    let body = MultiPart::alternative_plain_html(message.body.clone(), html);
    let builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(message.subject.clone())
        .message_id(Some(message_id(message, from)))
        .date(message.created_at.into())
        .header(ContentLanguage(lang.as_str().to_owned()));
    let attachment = match (
        &message.attachment_name,
        &message.attachment_type,
        &message.attachment,
    ) {
        (Some(name), Some(content_type), Some(content)) => Some((name, content_type, content)),
        _ => None,
    };
    let built = match attachment {
        None => builder.multipart(body),
        Some((name, content_type, content)) => {
            let content_type = ContentType::parse(content_type)
                .map_err(|error| DeliveryError::Permanent(format!("{content_type:?}: {error}")))?;
            builder.multipart(
                MultiPart::mixed()
                    .multipart(body)
                    .singlepart(Attachment::new(name.clone()).body(content.clone(), content_type)),
            )
        }
    };
    built.map_err(|error| DeliveryError::Permanent(error.to_string()))
}

/// The `Content-Language` header: the recipient's language.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ContentLanguage(String);

impl lettre::message::header::Header for ContentLanguage {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("Content-Language")
    }

    fn parse(value: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(value.to_owned()))
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
    }
}
