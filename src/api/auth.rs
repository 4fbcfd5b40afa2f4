//! The auth endpoints (`/auth/getkey`, `/auth/createkey`, `/auth/test`),
//! their JSON shapes, and what each HTTP status means for the user.

use crate::api::{http_label, redirect_target, server_message};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::input::credentials::Credentials;
use crate::net::error::Delivery;
use crate::net::transport::{Call, MAX_BODY_BYTES, Method, Reply, RetryPolicy, Transport};
use crate::secret::Secret;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

#[derive(Serialize)]
struct CredentialsBody<'a> {
    username: &'a str,
    password: &'a str,
}

#[derive(Deserialize)]
struct KeyBody {
    #[serde(rename = "apiKey")]
    api_key: Option<serde_json::Value>,
}

/// What a rejected request was about, for the 401/403 message.
#[derive(Clone, Copy)]
enum Rejected {
    Credentials,
    Key,
}

/// `POST /auth/getkey`: the account's current key.
pub fn get_key(transport: &Transport, credentials: &Credentials) -> Result<Secret, Failure> {
    request_key(transport, "/auth/getkey", credentials, RetryPolicy::Safe)
}

/// `POST /auth/createkey`: a new key; the old one is revoked by the server.
/// When the outcome is unknown, the hint never invites a retry: that would
/// revoke a key the server may already have made.
pub fn create_key(transport: &Transport, credentials: &Credentials) -> Result<Secret, Failure> {
    request_key(
        transport,
        "/auth/createkey",
        credentials,
        RetryPolicy::ConnectFailuresOnly,
    )
    .map_err(|failure| {
        if failure.is_outcome_unknown() {
            failure.with_hint(KEY_MAY_HAVE_BEEN_REPLACED)
        } else {
            failure
        }
    })
}

pub const KEY_MAY_HAVE_BEEN_REPLACED: &str = "the key may have been replaced on the server: `mobivate getkey` fetches the current one (running createkey again would replace it once more)";

/// `GET /auth/test`: Ok when the server accepts the key.
pub fn test_key(transport: &Transport, key: &Secret) -> Result<(), Failure> {
    let reply = transport.send(&Call {
        method: Method::Get,
        path: "/auth/test",
        json_body: None,
        bearer: Some(key),
        policy: RetryPolicy::Safe,
        max_body: MAX_BODY_BYTES,
    })?;
    if (200..300).contains(&reply.status) {
        return Ok(());
    }
    Err(status_failure(&reply, Rejected::Key, key))
}

fn request_key(
    transport: &Transport,
    path: &'static str,
    credentials: &Credentials,
    policy: RetryPolicy,
) -> Result<Secret, Failure> {
    let body = CredentialsBody {
        username: &credentials.username,
        password: credentials.password.expose(),
    };
    let json = Zeroizing::new(
        serde_json::to_vec(&body).expect("a struct of two strings always serializes"),
    );
    transport.verbose().say(|| {
        let username =
            serde_json::to_string(&credentials.username).expect("a string always serializes");
        format!("request body: {{\"username\":{username},\"password\":\"***\"}}")
    });
    let reply = transport.send(&Call {
        method: Method::Post,
        path,
        json_body: Some(&json),
        bearer: None,
        policy,
        max_body: MAX_BODY_BYTES,
    })?;
    if (200..300).contains(&reply.status) {
        transport
            .verbose()
            .say(|| "response body: {\"apiKey\":\"***\"}".to_string());
        // The server did what was asked, even if its answer cannot be read.
        return key_from_body(&reply.body).map_err(|failure| answered(failure, reply.status));
    }
    Err(status_failure(
        &reply,
        Rejected::Credentials,
        &credentials.password,
    ))
}

pub fn key_from_body(body: &[u8]) -> Result<Secret, Failure> {
    let unexpected = |why: &str| {
        Failure::new(
            ExitCode::Protocol,
            format!("unexpected response from the server: {why}"),
        )
        .with_hint("check --base-url: is it the Mobivate API?")
    };
    let parsed: KeyBody =
        serde_json::from_slice(body).map_err(|_| unexpected("the body is not JSON"))?;
    match parsed.api_key {
        Some(serde_json::Value::String(key)) => Ok(Secret::new(key)),
        Some(_) => Err(unexpected("apiKey is not a string")),
        None => Err(unexpected("there is no apiKey in the body")),
    }
}

/// Marks the failure as `Delivery::Answered(status)` says.
fn answered(failure: Failure, status: u16) -> Failure {
    if Delivery::Answered(status).may_have_been_carried_out() {
        failure.with_unknown_outcome()
    } else {
        failure
    }
}

fn status_failure(reply: &Reply, rejected: Rejected, sent: &Secret) -> Failure {
    answered(status_only_failure(reply, rejected, sent), reply.status)
}

fn status_only_failure(reply: &Reply, rejected: Rejected, sent: &Secret) -> Failure {
    let status = reply.status;
    let quoted = server_message(&reply.body, sent)
        .map(|m| format!(": \"{m}\""))
        .unwrap_or_default();
    let http = http_label(status);
    let after = if reply.attempts > 1 {
        format!(" after {} attempts", reply.attempts)
    } else {
        String::new()
    };
    match status {
        300..=399 => {
            let target = redirect_target(reply, sent);
            Failure::new(
                ExitCode::Protocol,
                format!("the server answered {http}, a redirect to {target}; redirects are never followed"),
            )
            .with_hint("the password is only ever sent to the configured URL; fix --base-url if the API has moved")
        }
        401 | 403 => match rejected {
            Rejected::Credentials => Failure::new(
                ExitCode::NoPerm,
                format!("credentials rejected ({http}){quoted}"),
            )
            .with_hint("check the username and password"),
            Rejected::Key => Failure::new(
                ExitCode::NoPerm,
                format!("API key rejected ({http}){quoted}"),
            )
            .with_hint("get the current key with `mobivate getkey`"),
        },
        429 => Failure::new(
            ExitCode::TempFail,
            format!("rate limited ({http}){after}{quoted}"),
        )
        .with_hint("wait a little and try again"),
        500..=599 => Failure::new(
            ExitCode::Unavailable,
            format!("server error ({http}){after}{quoted}"),
        )
        .with_hint("the Mobivate API is having trouble; try again later"),
        402 => Failure::new(
            ExitCode::Protocol,
            format!("the account is out of credit ({http}){quoted}"),
        ),
        400 => Failure::new(
            ExitCode::Protocol,
            format!("the server rejected the request ({http}){quoted}"),
        ),
        _ => Failure::new(
            ExitCode::Protocol,
            format!("unexpected response: {http}{quoted}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_body_escapes_everything() {
        let body = CredentialsBody {
            username: "a\"b\\c",
            password: " p\u{e9}\"\\ ",
        };
        let json = serde_json::to_string(&body).unwrap();
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["username"], "a\"b\\c");
        assert_eq!(back["password"], " p\u{e9}\"\\ ");
    }

    #[test]
    fn key_parsing() {
        assert_eq!(
            key_from_body(br#"{"apiKey":"k-1"}"#).unwrap().expose(),
            "k-1"
        );
        assert_eq!(key_from_body(b"{}").unwrap_err().code, ExitCode::Protocol);
        assert_eq!(
            key_from_body(b"<html>").unwrap_err().code,
            ExitCode::Protocol
        );
        assert_eq!(
            key_from_body(br#"{"apiKey":5}"#).unwrap_err().code,
            ExitCode::Protocol
        );
    }
}
