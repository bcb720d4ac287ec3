//! Structured logging with tracing. Log lines carry ids, never names, emails or passwords.

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

use crate::config::LogFormat;

/// A request path as logs show it: the private links' tokens (`/t/{token}`, `/p/{token}`, a
/// candidate's only key to their test; `/welcome/{token}`, a new account's key;
/// `/reset-password/{token}`, the key to an account whose password was forgotten) are
/// replaced by `…`.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    let mut segments: Vec<&str> = path.split('/').collect();
    match segments.as_slice() {
        ["", "t" | "p" | "welcome" | "reset-password", token, ..] if !token.is_empty() => {
            segments[2] = "…";
            std::borrow::Cow::Owned(segments.join("/"))
        }
        _ => std::borrow::Cow::Borrowed(path),
    }
}

/// Installs the global subscriber, writing to standard error; a second call is a no-op.
pub fn init(filter: &str, format: LogFormat) {
    init_with(filter, format, std::io::stderr);
}

/// Installs the global subscriber, writing to `writer` (the tests read the log lines back);
/// a second call is a no-op.
pub fn init_with<W>(filter: &str, format: LogFormat, writer: W)
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(writer);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn private_link_tokens_stay_out_of_the_logs() {
        assert_eq!(loggable_path("/t/abc123"), "/t/…");
        assert_eq!(loggable_path("/p/abc123/materials/4"), "/p/…/materials/4");
        assert_eq!(loggable_path("/welcome/abc123"), "/welcome/…");
        assert_eq!(loggable_path("/reset-password/abc123"), "/reset-password/…");
        assert_eq!(loggable_path("/candidates/12"), "/candidates/12");
        assert_eq!(loggable_path("/tests/3"), "/tests/3");
    }
}
