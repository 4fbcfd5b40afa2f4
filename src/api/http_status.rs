//! The one HTTP status-to-error table. The house rules are here, class by
//! class; an area (auth, send, the keyed reads) names only where it says
//! something else, in an `Area` of its own.

use crate::api::{http_label, redirect_target, server_message};
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::net::transport::Reply;
use crate::secret::Secret;

/// The statuses the table tells apart.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Class {
    Redirect,
    BadRequest,
    Unauthorized,
    PaymentRequired,
    Forbidden,
    RateLimited,
    ServerError,
    Other,
}

impl Class {
    pub fn of(status: u16) -> Class {
        match status {
            300..=399 => Class::Redirect,
            400 => Class::BadRequest,
            401 => Class::Unauthorized,
            402 => Class::PaymentRequired,
            403 => Class::Forbidden,
            429 => Class::RateLimited,
            500..=599 => Class::ServerError,
            _ => Class::Other,
        }
    }
}

/// When the message counts the attempts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum After {
    Never,
    /// " after N attempts" when there was more than one.
    IfRetried,
    /// " after N attempts" always.
    Always,
}

/// What one class of answer means.
#[derive(Clone, Copy, Debug)]
pub struct Meaning {
    pub code: ExitCode,
    /// The words before `(HTTP …)`; unused for a redirect and `Other`.
    pub what: &'static str,
    pub after: After,
    pub hint: Option<&'static str>,
}

pub const fn meaning(code: ExitCode, what: &'static str, hint: Option<&'static str>) -> Meaning {
    Meaning {
        code,
        what,
        after: After::Never,
        hint,
    }
}

/// How one area differs from the house rules.
pub struct Area {
    pub differs: &'static [(Class, Meaning)],
    /// Whether a redirect's message says where it pointed.
    pub show_redirect_target: bool,
}

/// The house rules, as the keyed reads (status, messages, optouts,
/// webhooks) follow them.
fn house(class: Class) -> Meaning {
    const KEY_REJECTED: Meaning = meaning(
        ExitCode::NoPerm,
        "API key rejected",
        Some(
            "check the key with `mobivate testkey`, or get the current one with `mobivate getkey`",
        ),
    );
    match class {
        Class::Redirect => meaning(
            ExitCode::Protocol,
            "",
            Some(
                "the key is only ever sent to the configured URL; fix --base-url if the API has moved",
            ),
        ),
        Class::BadRequest => meaning(ExitCode::DataErr, "the server rejected the request", None),
        Class::Unauthorized | Class::Forbidden => KEY_REJECTED,
        Class::PaymentRequired => meaning(ExitCode::NoPerm, "the account is out of credit", None),
        Class::RateLimited => Meaning {
            after: After::IfRetried,
            ..meaning(
                ExitCode::TempFail,
                "rate limited",
                Some("wait a little and try again"),
            )
        },
        Class::ServerError => Meaning {
            after: After::IfRetried,
            ..meaning(
                ExitCode::Unavailable,
                "server error",
                Some("the Mobivate API is having trouble; try again later"),
            )
        },
        Class::Other => meaning(ExitCode::Protocol, "unexpected response", None),
    }
}

/// The keyed reads: the house rules as they are.
pub const KEYED: Area = Area {
    differs: &[],
    show_redirect_target: true,
};

/// The failure for a non-2xx answer, by the table and the area's changes.
/// The server's message is quoted, with `sent` (the password or the key)
/// redacted from it.
pub fn failure(reply: &Reply, sent: &Secret, area: &Area) -> Failure {
    let class = Class::of(reply.status);
    let meaning = area
        .differs
        .iter()
        .find(|(differs, _)| *differs == class)
        .map_or_else(|| house(class), |(_, meaning)| *meaning);
    let http = http_label(reply.status);
    let quoted = server_message(&reply.body, sent)
        .map(|m| format!(": \"{m}\""))
        .unwrap_or_default();
    let after = match meaning.after {
        After::IfRetried if reply.attempts > 1 => format!(" after {} attempts", reply.attempts),
        After::Always => format!(" after {} attempts", reply.attempts),
        After::IfRetried | After::Never => String::new(),
    };
    let message = match class {
        Class::Redirect if area.show_redirect_target => format!(
            "the server answered {http}, a redirect to {}; redirects are never followed",
            redirect_target(reply, sent)
        ),
        Class::Redirect => {
            format!("the server answered {http}, a redirect; redirects are never followed")
        }
        Class::Other => format!("unexpected response: {http}{quoted}"),
        _ => format!("{} ({http}){after}{quoted}", meaning.what),
    };
    let failure = Failure::new(meaning.code, message);
    match meaning.hint {
        Some(hint) => failure.with_hint(hint),
        None => failure,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn told(status: u16, attempts: u32, area: &Area) -> (ExitCode, String) {
        let mut reply = Reply::for_test(status, br#"{"message":"no"}"#);
        reply.attempts = attempts;
        let failure = failure(&reply, &Secret::new("pw".to_string()), area);
        (failure.code, failure.message().to_string())
    }

    #[test]
    fn the_house_rules() {
        let (code, message) = told(401, 1, &KEYED);
        assert_eq!(code, ExitCode::NoPerm);
        assert_eq!(message, "API key rejected (HTTP 401 Unauthorized): \"no\"");
        assert_eq!(
            told(403, 1, &KEYED).1,
            "API key rejected (HTTP 403 Forbidden): \"no\""
        );
        assert_eq!(told(400, 1, &KEYED).0, ExitCode::DataErr);
        assert_eq!(told(402, 1, &KEYED).0, ExitCode::NoPerm);
        assert_eq!(
            told(429, 1, &KEYED).1,
            "rate limited (HTTP 429 Too Many Requests): \"no\""
        );
        assert_eq!(
            told(503, 3, &KEYED).1,
            "server error (HTTP 503 Service Unavailable) after 3 attempts: \"no\""
        );
        assert_eq!(told(503, 3, &KEYED).0, ExitCode::Unavailable);
        assert_eq!(
            told(418, 1, &KEYED),
            (
                ExitCode::Protocol,
                "unexpected response: HTTP 418 I'm a teapot: \"no\"".to_string()
            )
        );
        let (code, message) = told(302, 1, &KEYED);
        assert_eq!(code, ExitCode::Protocol);
        assert!(
            message.contains("a redirect to (no Location header); redirects are never followed")
        );
    }

    #[test]
    fn an_area_changes_only_what_it_names() {
        const AREA: Area = Area {
            differs: &[(
                Class::RateLimited,
                Meaning {
                    code: ExitCode::TempFail,
                    what: "refused",
                    after: After::Always,
                    hint: None,
                },
            )],
            show_redirect_target: false,
        };
        assert_eq!(
            told(429, 1, &AREA),
            (
                ExitCode::TempFail,
                "refused (HTTP 429 Too Many Requests) after 1 attempts: \"no\"".to_string()
            )
        );
        assert_eq!(told(401, 1, &AREA).1, told(401, 1, &KEYED).1);
        assert_eq!(
            told(301, 1, &AREA).1,
            "the server answered HTTP 301 Moved Permanently, a redirect; redirects are never followed"
        );
    }
}
