//! The base URL: where it comes from, what is allowed, and how API paths are
//! joined onto it. Checked before any connection is made.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::sanitize::display_url;
use std::net::IpAddr;
use ureq::http::Uri;

pub const DEFAULT_BASE_URL: &str = "https://api.mobivatebulksms.com";

#[derive(Clone, Debug)]
pub struct Endpoint {
    /// Scheme, authority and path, without a trailing slash.
    base: String,
    host: String,
    https: bool,
    /// Where the URL came from, when not from `--base-url` or the default:
    /// `from MOBIVATE_BASE_URL`, `from profile 'default' in …/config.toml`.
    origin: Option<String>,
}

impl Endpoint {
    /// `--base-url`, then `MOBIVATE_BASE_URL`, then the default.
    pub fn from_flag_or_env(flag: Option<&str>) -> Result<Self, Failure> {
        let env = crate::env::text("MOBIVATE_BASE_URL")?.filter(|v| !v.is_empty());
        match (flag, env) {
            (Some(flag), _) => Endpoint::parse(flag),
            (None, Some(env)) => Ok(Endpoint::parse(&env)?.with_origin("from MOBIVATE_BASE_URL")),
            (None, None) => Endpoint::parse(DEFAULT_BASE_URL),
        }
    }

    /// `--base-url`, then `MOBIVATE_BASE_URL`, then the profile's (asked
    /// only when neither is given), then the default.
    pub fn resolve(
        flag: Option<&str>,
        profile: impl FnOnce() -> Result<Option<(String, String)>, Failure>,
    ) -> Result<Self, Failure> {
        let env_set = crate::env::var_os("MOBIVATE_BASE_URL").is_some_and(|v| !v.is_empty());
        if flag.is_some() || env_set {
            return Endpoint::from_flag_or_env(flag);
        }
        match profile()? {
            Some((url, origin)) => Endpoint::parse(&url)
                .map(|endpoint| endpoint.with_origin(&origin))
                .map_err(|failure| {
                    failure.with_hint("the base URL comes from the profile in use: fix it with `mobivate auth login --base-url URL`")
                }),
            None => Endpoint::from_flag_or_env(None),
        }
    }

    pub fn parse(raw: &str) -> Result<Self, Failure> {
        let invalid = |why: &str| {
            let shown = display_url(raw);
            Failure::new(
                ExitCode::Config,
                format!("invalid base URL \"{shown}\": {why}"),
            )
            .with_hint("use a URL like https://api.mobivatebulksms.com")
        };
        let uri: Uri = raw
            .trim()
            .parse()
            .map_err(|_| invalid("it cannot be parsed"))?;
        let https = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            Some(other) => {
                return Err(invalid(&format!(
                    "the scheme {other:?} is not http or https"
                )));
            }
            None => return Err(invalid("it has no scheme (https://)")),
        };
        let authority = uri.authority().ok_or_else(|| invalid("it has no host"))?;
        if authority.as_str().contains('@') {
            return Err(invalid(
                "it must not contain credentials (user information)",
            ));
        }
        check_port(authority.as_str()).map_err(|why| invalid(&why))?;
        if uri.query().is_some() {
            return Err(invalid("it must not have a query string"));
        }
        let host = authority.host().to_string();
        if host.is_empty() {
            return Err(invalid("it has no host"));
        }
        if !https && !is_loopback(&host) {
            return Err(Failure::new(
                ExitCode::Config,
                format!("refusing plain http to {host}: the password would cross the network unencrypted"),
            )
            .with_hint("use https://; plain http is allowed only for localhost, 127.0.0.0/8 and ::1"));
        }
        let path = uri.path().trim_end_matches('/');
        let scheme = if https { "https" } else { "http" };
        Ok(Endpoint {
            base: format!("{scheme}://{authority}{path}"),
            host,
            https,
            origin: None,
        })
    }

    /// A URL used exactly as written, query included: a `--forward` target,
    /// which may be plain http to any host. `url("")` is the URL itself.
    /// Err says why it cannot be used.
    pub fn exact(raw: &str) -> Result<Self, String> {
        let raw = raw.trim();
        let uri: Uri = raw.parse().map_err(|_| "is not a URL".to_string())?;
        let https = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            _ => return Err("is not an http(s) URL".to_string()),
        };
        let authority = uri.authority().ok_or_else(|| "has no host".to_string())?;
        check_port(authority.as_str())?;
        let host = authority.host().to_string();
        if host.is_empty() {
            return Err("has no host".to_string());
        }
        Ok(Endpoint {
            base: raw.to_string(),
            host,
            https,
            origin: None,
        })
    }

    /// Records where the URL came from (`from MOBIVATE_BASE_URL`, ...).
    pub fn with_origin(mut self, origin: &str) -> Self {
        self.origin = Some(origin.to_string());
        self
    }

    /// Where the URL came from, when a profile or the environment gave it.
    pub fn origin(&self) -> Option<&str> {
        self.origin.as_deref()
    }

    /// `host:port`, as a connection to it is named in messages.
    pub fn host_port(&self) -> String {
        format!("{}:{}", self.host, self.port())
    }

    /// Whether the host is this machine (localhost, 127.0.0.0/8, ::1).
    pub fn is_local(&self) -> bool {
        is_loopback(&self.host)
    }

    /// The port a request goes to: the URL's, else the scheme's.
    pub fn port(&self) -> u16 {
        let port = self.base.parse::<Uri>().ok().and_then(|uri| uri.port_u16());
        port.unwrap_or(if self.https { 443 } else { 80 })
    }

    /// The full URL of an API path such as `/auth/getkey`, keeping the base's path.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The base URL as used, without a trailing slash.
    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn is_https(&self) -> bool {
        self.https
    }

    /// The host as written in the URL (IPv6 addresses in brackets).
    pub fn host(&self) -> &str {
        &self.host
    }
}

/// The port after the host, when there is one, must be a number from 1 to
/// 65535: a port that cannot be used must not be dropped in favour of the
/// scheme's default, which would send the password somewhere else.
fn check_port(authority: &str) -> Result<(), String> {
    let after_host = match authority.find(']') {
        // After an IPv6 address comes nothing or `:PORT`: anything else would
        // leave the port to be read from elsewhere, or dropped.
        Some(end) => match authority.get(end + 1..).unwrap_or_default() {
            rest if rest.is_empty() || rest.starts_with(':') => rest,
            rest => return Err(format!("{rest:?} follows the IPv6 address")),
        },
        None => authority.rfind(':').map_or("", |colon| &authority[colon..]),
    };
    let Some(port) = after_host.strip_prefix(':') else {
        return Ok(());
    };
    match port.parse::<u32>() {
        Ok(number) if (1..=65535).contains(&number) && port.bytes().all(|b| b.is_ascii_digit()) => {
            Ok(())
        }
        _ => Err(format!("the port {port:?} is not a number from 1 to 65535")),
    }
}

/// `localhost`, `127.0.0.0/8` and `::1`.
pub fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    if bare.eq_ignore_ascii_case("localhost") || bare.eq_ignore_ascii_case("localhost.") {
        return true;
    }
    bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(base: &str) -> Result<String, ExitCode> {
        Endpoint::parse(base)
            .map(|e| e.url("/auth/getkey"))
            .map_err(|f| f.code)
    }

    #[test]
    fn joins_paths_with_or_without_trailing_slash() {
        assert_eq!(
            url("https://host/v2/"),
            Ok("https://host/v2/auth/getkey".into())
        );
        assert_eq!(
            url("https://host/v2"),
            Ok("https://host/v2/auth/getkey".into())
        );
        assert_eq!(url("https://host"), Ok("https://host/auth/getkey".into()));
        assert_eq!(url("https://host/"), Ok("https://host/auth/getkey".into()));
        assert_eq!(
            url("http://127.0.0.1:8080"),
            Ok("http://127.0.0.1:8080/auth/getkey".into())
        );
    }

    #[test]
    fn usable_ports_are_kept() {
        assert_eq!(
            url("https://host:1"),
            Ok("https://host:1/auth/getkey".into())
        );
        assert_eq!(
            url("https://[::1]:65535/"),
            Ok("https://[::1]:65535/auth/getkey".into())
        );
    }

    #[test]
    fn plain_http_only_to_loopback() {
        assert!(url("http://localhost:1").is_ok());
        assert!(url("http://127.3.4.5").is_ok());
        assert!(url("http://[::1]:99").is_ok());
        assert_eq!(url("http://example.com"), Err(ExitCode::Config));
        assert_eq!(url("http://10.0.0.1"), Err(ExitCode::Config));
        assert_eq!(url("http://[::2]"), Err(ExitCode::Config));
        assert_eq!(url("http://localhost.example.com"), Err(ExitCode::Config));
    }

    #[test]
    fn rejects_unusable_urls() {
        for bad in [
            "",
            "not a url",
            "ftp://host",
            "api.mobivatebulksms.com",
            "https://u:p@host",
            "https://host?x=1",
            "https://host:99999",
            "https://host:65536",
            "https://host:-1",
            "https://host:8443x",
            "https://host:0",
            "https://host:",
            "https://[::1]:70000",
            "http://[::1]x:99999",
            "http://[::1]x:8080",
            "http://[::1]x",
            "https://[::1]]:443",
            "https://[::1]:443]",
        ] {
            assert_eq!(url(bad), Err(ExitCode::Config), "{bad}");
        }
    }
}
