//! The auth endpoints (`/auth/getkey`, `/auth/createkey`, `/auth/test`),
//! their JSON shapes, and what each HTTP status means for the user.

use crate::api::http_status::{self, Area, Class, meaning};
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

/// What the auth endpoints say differently from the house rules: the
/// password's redirect, a 400 and a 402 that are protocol errors.
macro_rules! auth_area {
    ($rejected:expr) => {
        Area {
            differs: &[
                (
                    Class::Redirect,
                    meaning(
                        ExitCode::Protocol,
                        "",
                        Some("the password is only ever sent to the configured URL; fix --base-url if the API has moved"),
                    ),
                ),
                (Class::Unauthorized, $rejected),
                (Class::Forbidden, $rejected),
                (
                    Class::PaymentRequired,
                    meaning(ExitCode::Protocol, "the account is out of credit", None),
                ),
                (
                    Class::BadRequest,
                    meaning(ExitCode::Protocol, "the server rejected the request", None),
                ),
            ],
            show_redirect_target: true,
        }
    };
}

const CREDENTIALS: Area = auth_area!(meaning(
    ExitCode::NoPerm,
    "credentials rejected",
    Some("check the username and password"),
));
const KEY: Area = auth_area!(meaning(
    ExitCode::NoPerm,
    "API key rejected",
    Some("get the current key with `mobivate getkey`"),
));

fn status_only_failure(reply: &Reply, rejected: Rejected, sent: &Secret) -> Failure {
    let area = match rejected {
        Rejected::Credentials => &CREDENTIALS,
        Rejected::Key => &KEY,
    };
    http_status::failure(reply, sent, area)
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
