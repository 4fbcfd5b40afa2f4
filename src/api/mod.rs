//! The Mobivate API, one file per area: endpoints, serde types, and what
//! each HTTP status means for that area. The only place request bodies are
//! built.

pub mod auth;
pub mod batch_body;
pub mod http_status;
pub mod messages;
pub mod optouts;
#[cfg(test)]
mod proptests;
pub mod send;
pub mod status;
pub mod webhooks;

use crate::sanitize::sanitize_server_text_hiding;
use crate::secret::Secret;
use serde::Deserialize;

/// The documented error shape, `{"code": 401, "message": "…"}`.
#[derive(Deserialize)]
struct ErrorBody {
    message: Option<String>,
}

/// The server's `message`, made safe to print, when the body has one.
pub fn server_message(body: &[u8], secret: &Secret) -> Option<String> {
    let parsed: ErrorBody = serde_json::from_slice(body).ok()?;
    // A server (or a proxy) that echoes what it was sent must not make us
    // print the secret we sent it, whole or in part.
    let message = sanitize_server_text_hiding(&parsed.message?, secret.expose());
    (!message.is_empty()).then_some(message)
}

/// Where a redirect pointed, fit to show: user information and query never
/// shown, then sanitised, the secret that was sent redacted, and capped.
pub fn redirect_target(reply: &crate::net::transport::Reply, sent: &Secret) -> String {
    reply
        .location
        .as_deref()
        .map(|location| {
            sanitize_server_text_hiding(&crate::sanitize::display_url(location), sent.expose())
        })
        .unwrap_or_else(|| "(no Location header)".to_string())
}

/// `HTTP 401 Unauthorized`, for messages.
pub fn http_label(status: u16) -> String {
    let reason = ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default();
    format!("HTTP {status}{reason}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_echoed_secret_is_redacted() {
        let sent = Secret::new("hunter2".to_string());
        let body = br#"{"code":401,"message":"bad password hunter2 for alice"}"#;
        assert_eq!(
            server_message(body, &sent).as_deref(),
            Some("bad password *** for alice")
        );
    }

    #[test]
    fn redaction_survives_escape_sequences() {
        let sent = Secret::new("s3cret".to_string());
        let body = br#"{"code":401,"message":"bad s3\u001b[0mcret"}"#;
        assert_eq!(server_message(body, &sent).as_deref(), Some("bad ***"));
    }

    #[test]
    fn server_message_is_sanitized() {
        let body = br#"{"code":401,"message":"\u001b[31mInvalid Credentials\u001b[0m"}"#;
        let sent = Secret::new("pw".to_string());
        assert_eq!(
            server_message(body, &sent).as_deref(),
            Some("Invalid Credentials")
        );
        assert_eq!(server_message(b"<html>502</html>", &sent), None);
    }
}
