//! Text from outside (a server, the environment, a file name) made safe to
//! show on a terminal.

/// The most characters of a server's message that are shown, the `…` that
/// marks a cut included.
const MAX_QUOTED_CHARS: usize = 200;
/// What a secret is shown as.
const REDACTED: &str = "***";

/// Makes text from a server safe to show on a terminal: control characters,
/// escape sequences and bidirectional overrides removed, line breaks made
/// single spaces, and at most `MAX_QUOTED_CHARS` characters in all.
pub fn sanitize_server_text(text: &str) -> String {
    sanitize_server_text_hiding(text, "")
}

/// As `sanitize_server_text`, never showing `secret`, whole or in part. In
/// this order: sanitised (an escape sequence inside an echoed secret would
/// otherwise hide it), the secret replaced by `***`, then capped; when the
/// cut leaves the start of the secret at the end, that is replaced too.
pub fn sanitize_server_text_hiding(text: &str, secret: &str) -> String {
    let mut clean = sanitize(text);
    let shown_secret = sanitize(secret);
    for form in [secret, shown_secret.as_str()] {
        if !form.is_empty() {
            clean = clean.replace(form, REDACTED);
        }
    }
    cap(&clean, &[secret, shown_secret.as_str()])
}

/// Cuts `text` to `MAX_QUOTED_CHARS` characters, `…` included.
fn cap(text: &str, secrets: &[&str]) -> String {
    if text.chars().count() <= MAX_QUOTED_CHARS {
        return text.to_string();
    }
    // One character is left for the `…`.
    let budget = MAX_QUOTED_CHARS - 1;
    let mut kept: String = text.chars().take(budget).collect();
    let started = secrets
        .iter()
        .filter_map(|secret| trailing_prefix(&kept, secret))
        .max();
    if let Some(bytes) = started {
        kept.truncate(kept.len().saturating_sub(bytes));
        while kept.chars().count() > budget.saturating_sub(REDACTED.len()) {
            kept.pop();
        }
        kept.push_str(REDACTED);
    }
    format!("{}…", kept.trim_end())
}

/// The length in bytes of the longest start of `secret`, shorter than the
/// whole, that `text` ends with.
fn trailing_prefix(text: &str, secret: &str) -> Option<usize> {
    secret
        .char_indices()
        .map(|(end, _)| end)
        .filter(|&end| end > 0 && text.ends_with(&secret[..end]))
        .max()
}

/// Makes any text safe to print on one terminal line, whatever its origin
/// (server, environment, file name): control characters, escape sequences and
/// bidirectional overrides removed; line breaks become single spaces. Every
/// message goes through this before it is printed (`Failure::report`,
/// `report::warn`, `Verbose`).
pub fn sanitize_text(text: &str) -> String {
    sanitize(text)
}

fn sanitize(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            skip_escape_sequence(&mut chars);
            continue;
        }
        if c.is_control() || is_bidi_control(c) {
            let is_break = c == '\n' || c == '\t' || c == '\r';
            if is_break && !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    out.trim().to_string()
}

/// Drops the rest of an ANSI escape sequence (CSI `ESC [ … final`, OSC
/// `ESC ] … BEL/ST`, or a two-byte escape), so no fragment like `[31m` is left.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => {
            for c in chars.by_ref() {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Some(']') | Some('P') | Some('_') | Some('^') => {
            while let Some(c) = chars.next() {
                if c == '\u{7}' {
                    break;
                }
                if c == '\u{1b}' && chars.peek() == Some(&'\\') {
                    chars.next();
                    break;
                }
            }
        }
        _ => {}
    }
}

/// A URL as it may be shown in a message, a `-v` line or a hint: user
/// information replaced by `***` (`https://***@host/…`), and the query string
/// and fragment dropped, since either may hold a secret. Also cleaned as
/// `sanitize_text`. The one place URLs are made safe to show.
pub fn display_url(url: &str) -> String {
    let url = sanitize_text(url);
    let without_query = url.split(['?', '#']).next().unwrap_or_default();
    let (scheme, rest) = match without_query.split_once("://") {
        Some((scheme, rest)) => (Some(scheme), rest),
        None => (None, without_query),
    };
    let Some(scheme) = scheme else {
        return without_query.to_string();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((_, host)) => format!("{scheme}://***@{host}{path}"),
        None => format!("{scheme}://{authority}{path}"),
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        let hostile = "\u{1b}[31mInvalid\u{1b}[0m \u{1b}]0;pwned\u{7}Creds\u{7}\u{8}\r\n\u{202e}x";
        assert_eq!(sanitize_server_text(hostile), "Invalid Creds x");
    }

    #[test]
    fn any_text_is_cleaned_but_not_capped() {
        let long = format!("a\u{1b}[31mb\n{}", "c".repeat(500));
        let shown = sanitize_text(&long);
        assert_eq!(shown, format!("ab {}", "c".repeat(500)));
    }

    #[test]
    fn urls_lose_user_information_and_query() {
        assert_eq!(
            display_url("https://u:p@host:8443/v2?token=x#f"),
            "https://***@host:8443/v2"
        );
        assert_eq!(display_url("http://host/a"), "http://host/a");
        assert_eq!(display_url("/moved?pw=x"), "/moved");
        assert_eq!(display_url("https://a@b@host"), "https://***@host");
    }

    #[test]
    fn long_messages_are_capped() {
        let long = "a".repeat(5000);
        let shown = sanitize_server_text(&long);
        assert_eq!(shown.chars().count(), MAX_QUOTED_CHARS);
        assert!(shown.ends_with('…'));
        assert_eq!(sanitize_server_text(&"b".repeat(200)), "b".repeat(200));
    }

    #[test]
    fn the_cap_counts_the_spaces_that_replace_line_breaks() {
        let lines = "a\n".repeat(300);
        let shown = sanitize_server_text(&lines);
        assert_eq!(shown.chars().count(), MAX_QUOTED_CHARS, "{shown}");
        assert_eq!(shown, format!("{}a…", "a ".repeat(99)));
    }

    #[test]
    fn a_secret_is_redacted_before_the_cut() {
        let secret = "hunter2-s3cr3t-long-enough";
        let text = format!("{} {secret}", "x".repeat(190));
        assert_eq!(
            sanitize_server_text_hiding(&text, secret),
            format!("{} ***", "x".repeat(190))
        );
        let text = format!("{} {secret}", "x".repeat(300));
        let shown = sanitize_server_text_hiding(&text, secret);
        assert!(!shown.contains("hunter"), "{shown}");
        assert!(shown.chars().count() <= MAX_QUOTED_CHARS);
    }

    #[test]
    fn the_start_of_a_secret_left_by_the_cut_is_redacted() {
        let secret = "hunter2-s3cr3t";
        // The server echoed a changed secret; the cut leaves its first characters.
        let text = format!("{} hunter2-s3cr3T and more", "x".repeat(190));
        let shown = sanitize_server_text_hiding(&text, secret);
        assert_eq!(shown, format!("{} ***…", "x".repeat(190)));
        assert!(shown.chars().count() <= MAX_QUOTED_CHARS);
        // Not cut: a word that happens to start like the secret stays.
        assert_eq!(sanitize_server_text_hiding("bad hunt", secret), "bad hunt");
    }

    #[test]
    fn an_echoed_secret_hidden_by_escapes_is_redacted() {
        assert_eq!(
            sanitize_server_text_hiding("bad s3\u{1b}[0mcret", "s3cret"),
            "bad ***"
        );
    }
}
