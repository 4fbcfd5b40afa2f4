//! Text from outside (a server, the environment, a file name) made safe to
//! show on a terminal.

/// How far a server's message is quoted before it is cut.
const MAX_QUOTED_CHARS: usize = 200;

/// Makes text from a server safe to show on a terminal: control characters,
/// escape sequences and bidirectional overrides removed, length capped.
pub fn sanitize_server_text(text: &str) -> String {
    sanitize(text, Some(MAX_QUOTED_CHARS))
}

/// Makes any text safe to print on one terminal line, whatever its origin
/// (server, environment, file name): control characters, escape sequences and
/// bidirectional overrides removed; line breaks become single spaces. Every
/// message goes through this before it is printed (`Failure::report`,
/// `report::warn`, `Verbose`).
pub fn sanitize_text(text: &str) -> String {
    sanitize(text, None)
}

fn sanitize(text: &str, cap: Option<usize>) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    let mut kept = 0;
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
        if Some(kept) == cap {
            out.push('…');
            break;
        }
        out.push(c);
        kept += 1;
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
        assert_eq!(shown.chars().count(), MAX_QUOTED_CHARS + 1);
        assert!(shown.ends_with('…'));
    }
}
