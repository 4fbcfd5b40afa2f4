//! Entry points for the fuzz targets in `fuzz/`: each feeds outside input to
//! one parser. Nothing else uses this module; it is the library's only public
//! surface besides `run`.
//!
//! Each entry point is a thin wrapper: it calls the real parser, and panics
//! only where the parser broke a promise (a panic is a defect). The parsers
//! themselves stay private to the crate.
//!
//! [`reference_parts`] is the independent model of part counting that the
//! `parts` target and the proptests in `sms/` check `sms::segments` against.

use std::io::Write;

/// What a text costs by the rules of `API.md` ("Message length: GSM-7 and
/// UCS-2"), computed without any of `sms::segments`' code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReferenceParts {
    pub gsm7: bool,
    pub characters: usize,
    /// Septets (GSM-7) or UTF-16 code units (UCS-2).
    pub units: usize,
    pub parts: usize,
    /// Units still free in the last part.
    pub left: usize,
}

/// The GSM 03.38 default alphabet, written out from the standard's table
/// (ESC, 0x1B, left out: it introduces the extension table).
const GSM7_DEFAULT: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
    ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// The extension table: each is ESC and a septet, so two septets.
const GSM7_EXTENSION: &str = "^{}\\[~]|€\u{c}";

/// Part counting from first principles: the encoding is GSM-7 exactly when
/// every character is in one of the two tables; one part holds 160 septets or
/// 70 UTF-16 units; a longer text is cut into parts of 153 or 67, and a cut
/// never falls inside a two-unit character (an escape pair or a surrogate
/// pair), which then starts the next part.
pub fn reference_parts(text: &str) -> ReferenceParts {
    let width = |c: char| -> Option<usize> {
        if GSM7_DEFAULT.contains(c) {
            Some(1)
        } else if GSM7_EXTENSION.contains(c) {
            Some(2)
        } else {
            None
        }
    };
    let gsm7 = text.chars().all(|c| width(c).is_some());
    let widths: Vec<usize> = if gsm7 {
        text.chars().filter_map(width).collect()
    } else {
        text.encode_utf16().fold(Vec::new(), |mut widths, unit| {
            // A low surrogate finishes the pair its high surrogate began.
            if (0xDC00..=0xDFFF).contains(&unit) {
                if let Some(last) = widths.last_mut() {
                    *last = 2;
                }
            } else {
                widths.push(1);
            }
            widths
        })
    };
    let (single, multi) = if gsm7 { (160, 153) } else { (70, 67) };
    let units: usize = widths.iter().sum();
    let (parts, left) = if units <= single {
        (1, single - units)
    } else {
        let mut parts = vec![0usize];
        for w in widths {
            match parts.last_mut() {
                Some(room) if *room + w <= multi => *room += w,
                _ => parts.push(w),
            }
        }
        let last = parts.last().copied().unwrap_or(0);
        (parts.len(), multi - last)
    };
    ReferenceParts {
        gsm7,
        characters: text.chars().count(),
        units,
        parts,
        left,
    }
}

/// Characters that matter to part counting, for targets that build texts
/// from bytes: one of each width in each encoding.
const INTERESTING: [char; 16] = [
    'a', ' ', '\n', '\r', 'é', 'Δ', '€', '[', '^', '\u{c}', '`', 'ж', '’', '😀', '\u{301}', '\t',
];

/// `sms::segments::count` against [`reference_parts`]. The first byte picks
/// how the rest is read: as UTF-8, or one byte per interesting character.
pub fn parts(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text: String = if mode % 2 == 0 {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        rest.iter()
            .map(|b| INTERESTING[usize::from(b % 16)])
            .collect()
    };
    let got = crate::sms::segments::count(&text);
    let want = reference_parts(&text);
    let got = ReferenceParts {
        gsm7: got.encoding == crate::sms::segments::Encoding::Gsm7,
        characters: got.characters,
        units: got.units,
        parts: got.parts,
        left: got.left,
    };
    assert_eq!(got, want, "{text:?}");
}

fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Phone numbers and lists of them, and originators.
pub fn numbers(data: &[u8]) {
    let input = text(data);
    if let Ok(msisdn) = crate::sms::number::normalise(&input) {
        let digits = msisdn.as_str();
        assert!((8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(
            crate::sms::number::normalise(digits).ok(),
            Some(msisdn),
            "normalising is idempotent"
        );
    }
    if let Ok(list) = crate::sms::number::split_list(&input) {
        for number in list {
            let _ = crate::sms::number::normalise(number);
        }
    }
    if let Ok(originator) = crate::sms::originator::parse(&input) {
        let _ = crate::sms::originator::parse(originator.as_str());
    }
    let _ = crate::sms::fold::fold_to_gsm(&input);
}

/// Templates: parse, bind, render with values taken from the input.
pub fn template(data: &[u8]) {
    let source = text(data);
    let Ok(template) = crate::sms::template::Template::parse(&source) else {
        return;
    };
    let names = template.names().to_vec();
    let _ = template.bind(&names);
    let values: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut out = String::new();
    template.render(&values, &mut out);
}

/// `--timeout`, `--interval`, `--schedule`, `--since`/`--until`.
pub fn when(data: &[u8]) {
    let input = text(data);
    let now = jiff::Timestamp::UNIX_EPOCH;
    let _ = crate::input::when::parse_duration(&input);
    let _ = crate::input::when::parse_std_duration(&input);
    if let Ok(at) = crate::input::when::parse_schedule(&input, now) {
        assert!(at > now, "a schedule is after now");
        let _ = crate::input::when::rfc3339_utc(at);
        let _ = crate::input::when::api_utc(at);
    }
    if let Ok(when) = crate::input::when::parse_when(&input) {
        let _ = when.resolve(now);
        let _ = when.resolve(jiff::Timestamp::MAX);
        let _ = when.resolve(jiff::Timestamp::MIN);
    }
}

/// `config.toml`, as read from disk (any bytes: the reader checks UTF-8).
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = std::path::Path::new("config.toml");
    let _ = crate::config::config::parse_toml::<crate::config::config::ConfigFile>(text, path);
}

/// `--base-url` and `--forward` targets.
pub fn base_url(data: &[u8]) {
    let input = text(data);
    for endpoint in [
        crate::net::endpoint::Endpoint::parse(&input).ok(),
        crate::net::endpoint::Endpoint::exact(&input).ok(),
    ]
    .into_iter()
    .flatten()
    {
        let _ = endpoint.url("/send/single");
        let _ = endpoint.port();
        let _ = crate::net::endpoint::is_loopback(endpoint.host());
    }
    let _ = crate::sanitize::display_url(&input);
}

/// The proxy variables: the input is `NAME=value` lines, the base URL first.
pub fn proxy(data: &[u8]) {
    let input = text(data);
    let mut lines = input.lines();
    let Some(Ok(endpoint)) = lines.next().map(crate::net::endpoint::Endpoint::parse) else {
        return;
    };
    let vars: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once('='))
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect();
    let _ = crate::net::proxy::choose_with(&endpoint, |name| {
        vars.iter()
            .find(|(variable, _)| variable == name)
            .map(|(_, value)| value.clone())
    });
}

/// A PEM bundle (`--ca-file`), read in chunks whose size the first byte picks.
pub fn pem(data: &[u8]) {
    let Some((&chunk, rest)) = data.split_first() else {
        return;
    };
    let _ = crate::net::tls::read_pem(rest, usize::from(chunk) + 1, |der| {
        let _ = rustls::pki_types::CertificateDer::from(der);
    });
}

/// The sanitiser of server text, with and without a secret to hide.
pub fn sanitize(data: &[u8]) {
    let input = text(data);
    let (secret, body) = input.split_at(input.char_indices().nth(8).map_or(0, |(i, _)| i));
    let _ = crate::sanitize::sanitize_server_text(&input);
    let hidden = crate::sanitize::sanitize_server_text_hiding(body, secret);
    if secret.len() == 8 && secret.bytes().all(|b| b.is_ascii_alphanumeric()) {
        assert!(!hidden.contains(secret), "the secret is hidden");
    }
    let clean = crate::sanitize::sanitize_text(&input);
    assert!(
        !clean.chars().any(char::is_control),
        "no control character survives: {clean:?}"
    );
    let _ = crate::sanitize::display_url(&input);
}

/// Every API response body, through every reader of one. The first two
/// bytes are the HTTP status.
pub fn api_body(data: &[u8]) {
    use crate::api;
    use crate::net::transport::Reply;
    let (status, body) = match data {
        [a, b, body @ ..] => (u16::from_be_bytes([*a, *b]) % 600, body),
        _ => return,
    };
    let key = crate::secret::Secret::new("fuzz-key-0123456789".to_string());
    let reply = Reply::for_test(status, body);
    let _ = api::server_message(body, &key);
    let _ = api::redirect_target(&reply, &key);
    let _ = api::send::judge(&reply, &key);
    let _ = api::send::judge_batch(&reply, &key);
    let _ = api::send::status_failure(&reply, &key);
    let _ = api::status::keyed_failure(&reply, &key);
    let _ = api::auth::key_from_body(body);
    let _ = api::status::lenient_json(body);
    let _ = api::status::parse_page::<api::messages::Message>(body);
    let _ = api::status::parse_page::<api::optouts::OptOut>(body);
    if let Some(message) = api::status::parse_record::<api::messages::Message>(body) {
        let _ = message.status_name();
    }
    if let Some(serde_json::Value::Object(object)) =
        api::status::parse_record::<serde_json::Value>(body)
    {
        let _ = api::webhooks::payload_kind(&object);
    }
}

/// A file of the input's bytes, rewritten for each input (one per process).
fn scratch_file(data: &[u8]) -> Option<&'static std::path::Path> {
    static DIR: std::sync::OnceLock<Option<tempfile::TempDir>> = std::sync::OnceLock::new();
    let dir = DIR.get_or_init(|| tempfile::tempdir().ok()).as_ref()?;
    let path = dir.path().join("input");
    let _ = std::fs::remove_file(&path);
    let mut file = std::fs::File::create(&path).ok()?;
    file.write_all(data).ok()?;
    static PATH: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    Some(PATH.get_or_init(|| path).as_path())
}

/// A journal of any bytes, torn or corrupt: read as `--check` reads it, then
/// opened (and repaired) as a run opens it, then read again.
pub fn journal(data: &[u8]) {
    use crate::bulk::journal::Journal;
    let Some(path) = scratch_file(data) else {
        return;
    };
    let peeked = Journal::peek(path, false);
    let opened = Journal::open(path, false).map(|(_, ledger)| ledger);
    assert_eq!(
        peeked.is_ok(),
        opened.is_ok(),
        "peek and open agree on whether a journal can be read"
    );
    if let Ok(ledger) = opened {
        let _ = ledger.unknown_requests();
        // A repaired journal reads back whole.
        assert!(
            Journal::peek(path, false).is_ok(),
            "a repaired journal reads back"
        );
    }
}

/// CSV and JSON Lines rows. The first byte picks the format (and the CSV
/// delimiter); the columns wanted are `to` and `text`.
pub fn rows(data: &[u8]) {
    use crate::bulk::reader::{Format, Rows};
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let format = match mode % 4 {
        0 => Format::Jsonl,
        1 => Format::Csv { delimiter: b',' },
        2 => Format::Csv { delimiter: b';' },
        _ => Format::Csv { delimiter: b'\t' },
    };
    let Some(path) = scratch_file(rest) else {
        return;
    };
    let wanted = ["to".to_string(), "text".to_string()];
    let Ok(mut rows) = Rows::open(path, "rows", format, &wanted, true) else {
        return;
    };
    let _ = rows.header().map(<[String]>::len);
    while let Ok(Some(_)) = rows.next_row() {}
    let _ = rows.columns_found();
    let _ = rows.content();
}

/// The listener's HTTP request parser (`webhooks listen`).
pub fn listener_request(data: &[u8]) {
    // The parser writes `100 Continue` to the client: a loopback socket that
    // never blocks, whose other end nobody reads.
    static STREAM: std::sync::OnceLock<Option<(std::net::TcpStream, std::net::TcpStream)>> =
        std::sync::OnceLock::new();
    let Some((stream, _client)) = STREAM
        .get_or_init(|| {
            let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).ok()?;
            let client = std::net::TcpStream::connect(listener.local_addr().ok()?).ok()?;
            let (stream, _) = listener.accept().ok()?;
            stream.set_nonblocking(true).ok()?;
            Some((stream, client))
        })
        .as_ref()
    else {
        return;
    };
    let mut reader = std::io::BufReader::new(data);
    let _ = crate::net::listener::read_request(&mut reader, stream);
}

#[cfg(test)]
mod tests {
    /// Every seed of `fuzz/corpus/TARGET/` runs through its entry point: a
    /// seed that panics fails here, with the stable toolchain.
    #[test]
    fn every_seed_passes_its_target() {
        type Target = fn(&[u8]);
        let targets: [(&str, Target); 13] = [
            ("api_body", super::api_body),
            ("base_url", super::base_url),
            ("config", super::config),
            ("journal", super::journal),
            ("listener_request", super::listener_request),
            ("numbers", super::numbers),
            ("parts", super::parts),
            ("pem", super::pem),
            ("proxy", super::proxy),
            ("rows", super::rows),
            ("sanitize", super::sanitize),
            ("template", super::template),
            ("when", super::when),
        ];
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
        for (name, target) in targets {
            let mut seeds = 0;
            for entry in std::fs::read_dir(corpus.join(name)).unwrap() {
                let data = std::fs::read(entry.unwrap().path()).unwrap();
                target(&data);
                seeds += 1;
            }
            assert!(seeds >= 3, "{name} has a seed corpus");
        }
    }
}
