//! Proxy selection from the environment, the way curl does it: a variable per
//! scheme, `ALL_PROXY` as fallback, `NO_PROXY` to bypass. Lower case wins over
//! upper case, as in curl.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::net::endpoint::{Endpoint, is_loopback};
use crate::sanitize::display_url;
use std::net::IpAddr;
use ureq::Proxy;

/// The proxy chosen for a request, with what is needed to talk about it.
pub struct ProxyChoice {
    pub proxy: Proxy,
    /// The proxy URL without credentials, safe to print.
    pub shown: String,
    /// The variable it came from.
    pub variable: &'static str,
}

pub fn choose(endpoint: &Endpoint) -> Result<Option<ProxyChoice>, Failure> {
    let mut values = Vec::new();
    for name in crate::env::PROXY {
        if let Some(value) = crate::env::text(name)? {
            values.push((*name, value));
        }
    }
    choose_with(endpoint, |name| {
        values
            .iter()
            .find(|(variable, _)| *variable == name)
            .map(|(_, value)| value.clone())
    })
}

pub fn choose_with(
    endpoint: &Endpoint,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Option<ProxyChoice>, Failure> {
    let get = |name: &'static str| {
        env(name)
            .filter(|v| !v.trim().is_empty())
            .map(|v| (name, v))
    };
    let no_proxy = get("no_proxy").or_else(|| get("NO_PROXY"));
    if let Some((_, list)) = &no_proxy
        && bypasses(list, endpoint.host())
    {
        return Ok(None);
    }
    let scheme_specific = if endpoint.is_https() {
        get("https_proxy").or_else(|| get("HTTPS_PROXY"))
    } else {
        get("http_proxy").or_else(|| get("HTTP_PROXY"))
    };
    let Some((variable, value)) = scheme_specific
        .or_else(|| get("all_proxy"))
        .or_else(|| get("ALL_PROXY"))
    else {
        return Ok(None);
    };
    let value = value.trim();
    let with_scheme = if value.contains("://") {
        value.to_string()
    } else {
        format!("http://{value}")
    };
    let shown = display_url(with_scheme.trim_end_matches('/'));
    let invalid = || {
        Failure::new(
            ExitCode::Config,
            format!("invalid proxy URL in {variable}: {shown}"),
        )
        .with_hint("use a proxy URL like http://proxy.example.com:3128")
    };
    if !(with_scheme.starts_with("http://") || with_scheme.starts_with("https://")) {
        return Err(invalid().with_hint("only http:// and https:// proxies are supported"));
    }
    let proxy = Proxy::new(&with_scheme).map_err(|_| invalid())?;
    // A proxy on another machine would reach its own loopback, not ours, and
    // a plain-http request would cross the network in clear to get there.
    if is_loopback(endpoint.host()) && !is_loopback(proxy.host()) {
        return Ok(None);
    }
    Ok(Some(ProxyChoice {
        proxy,
        shown,
        variable,
    }))
}

/// Whether a NO_PROXY list names this host: `*`, an exact host, a domain
/// suffix (with or without a leading dot), an IP address or a CIDR range.
fn bypasses(list: &str, host: &str) -> bool {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    list.split([',', ' '])
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .any(|entry| {
            if entry == "*" {
                return true;
            }
            let entry = entry.trim_start_matches('[').to_ascii_lowercase();
            let entry = strip_port(&entry);
            if let Some((network, bits)) = entry.split_once('/') {
                return in_cidr(host, network, bits);
            }
            let domain = entry.trim_start_matches('.').trim_end_matches('.');
            host == domain || host.ends_with(&format!(".{domain}"))
        })
}

fn strip_port(entry: &str) -> &str {
    // `[::1]:8080` → `::1`; `host:8080` → `host`; a bare IPv6 address stays.
    if let Some((addr, _)) = entry.split_once(']') {
        return addr;
    }
    match entry.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') && port.chars().all(|c| c.is_ascii_digit()) => {
            host
        }
        _ => entry,
    }
}

fn in_cidr(host: &str, network: &str, bits: &str) -> bool {
    let (Ok(host), Ok(network), Ok(bits)) = (
        host.parse::<IpAddr>(),
        network.parse::<IpAddr>(),
        bits.parse::<u32>(),
    ) else {
        return false;
    };
    match (host, network) {
        (IpAddr::V4(h), IpAddr::V4(n)) if bits <= 32 => {
            let mask = u32::MAX.checked_shl(32 - bits).unwrap_or(0);
            u32::from(h) & mask == u32::from(n) & mask
        }
        (IpAddr::V6(h), IpAddr::V6(n)) if bits <= 128 => {
            let mask = u128::MAX.checked_shl(128 - bits).unwrap_or(0);
            u128::from(h) & mask == u128::from(n) & mask
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn chosen(base: &str, vars: &[(&str, &str)]) -> Option<(String, &'static str)> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let endpoint = Endpoint::parse(base).unwrap();
        choose_with(&endpoint, |name| vars.get(name).cloned())
            .unwrap()
            .map(|c| (c.shown, c.variable))
    }

    #[test]
    fn picks_the_variable_for_the_scheme() {
        let vars = [
            ("HTTPS_PROXY", "http://secure:1"),
            ("HTTP_PROXY", "http://127.0.0.2:2"),
        ];
        assert_eq!(
            chosen("https://api.example.com", &vars),
            Some(("http://secure:1".into(), "HTTPS_PROXY"))
        );
        assert_eq!(
            chosen("http://127.0.0.1:9", &vars),
            Some(("http://127.0.0.2:2".into(), "HTTP_PROXY"))
        );
    }

    #[test]
    fn lower_case_wins_and_all_proxy_is_the_fallback() {
        let vars = [
            ("https_proxy", "http://lower:1"),
            ("HTTPS_PROXY", "http://upper:1"),
        ];
        assert_eq!(chosen("https://h", &vars).unwrap().1, "https_proxy");
        let vars = [("ALL_PROXY", "proxy:3128")];
        assert_eq!(
            chosen("https://h", &vars),
            Some(("http://proxy:3128".into(), "ALL_PROXY"))
        );
        assert_eq!(chosen("https://h", &[]), None);
    }

    #[test]
    fn no_proxy_bypasses() {
        let proxy = ("HTTPS_PROXY", "http://p:1");
        for list in [
            "*",
            "api.example.com",
            "example.com",
            ".example.com",
            "other, example.com:443",
        ] {
            assert_eq!(
                chosen("https://api.example.com", &[proxy, ("NO_PROXY", list)]),
                None,
                "{list}"
            );
        }
        assert!(
            chosen(
                "https://api.example.com",
                &[proxy, ("no_proxy", "ample.com")]
            )
            .is_some()
        );
        let local = ("HTTPS_PROXY", "http://127.0.0.1:1");
        assert_eq!(
            chosen("https://127.0.0.1:5", &[local, ("NO_PROXY", "127.0.0.0/8")]),
            None
        );
        assert_eq!(
            chosen("https://[::1]:5", &[local, ("NO_PROXY", "::1")]),
            None
        );
        assert!(chosen("https://127.0.0.1:5", &[local, ("NO_PROXY", "10.0.0.0/8")]).is_some());
        assert!(chosen("https://10.1.1.1", &[proxy, ("NO_PROXY", "127.0.0.0/8")]).is_some());
    }

    #[test]
    fn a_remote_proxy_is_never_used_for_a_loopback_host() {
        let remote = [
            ("HTTP_PROXY", "http://proxy.corp:3128"),
            ("HTTPS_PROXY", "http://proxy.corp:3128"),
        ];
        assert_eq!(chosen("http://127.0.0.1:8080", &remote), None);
        assert_eq!(chosen("https://localhost:8443", &remote), None);
        let local = [("HTTPS_PROXY", "http://127.0.0.1:3128")];
        assert!(chosen("https://localhost:8443", &local).is_some());
        assert!(chosen("https://api.example.com", &remote).is_some());
    }

    #[test]
    fn credentials_are_never_shown() {
        let vars = [("HTTPS_PROXY", "http://user:secret@proxy:8080")];
        assert_eq!(
            chosen("https://h", &vars).unwrap().0,
            "http://***@proxy:8080"
        );
    }
}
