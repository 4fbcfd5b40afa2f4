//! `mobivate send`: one text to one or a few recipients. Every input is
//! checked before the key is read; nothing is sent until every check passed
//! (and, for several recipients, the user agreed); a request that may have
//! reached the server is never sent again.

use crate::api::send::{
    self as api, Batch, BatchRecipient, MAX_BATCH_RECIPIENTS, Request, SendFailure, SingleMessage,
};
use crate::cli::{ResultFormat, SendArgs};
use crate::config::profile::Profiles;
use crate::context::Context;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::ids;
use crate::input::confirm;
use crate::input::defaults;
use crate::input::text::{TextSource, read_text};
use crate::input::when;
use crate::output;
use crate::output::dry_run;
use crate::report::Verbose;
use crate::sms::segments::{self, Segments};
use crate::sms::{fold, message, number, originator};

pub fn run(ctx: &Context, args: &SendArgs) -> Result<(), Failure> {
    let source = text_source(args)?;
    let transport = ctx.transport()?;
    let verbose = transport.verbose();

    let recipients = recipients(&args.to, verbose)?;
    check_recipient_count(args, recipients.len())?;
    if recipients.len() > 1 && !args.yes && !args.dry_run {
        confirm::need_yes_or_terminal(
            ctx.interactivity(),
            &format!(
                "sending to {} recipients needs confirmation; confirm with --yes ({{reason}})",
                recipients.len()
            ),
            "nothing was sent; add --yes to send without a prompt, or --dry-run to see the request",
        )?;
    }
    let originator = originator_from(args.from.as_deref(), ctx.profiles())?;
    let route = defaults::route(args.route.as_deref(), ctx.profiles())?.value;
    let reference = args
        .reference
        .as_deref()
        .map(|r| checked_label(r, "--reference"))
        .transpose()?;
    let campaign_id = args
        .campaign_id
        .as_deref()
        .map(|c| checked_label(c, "--campaign-id"))
        .transpose()?;
    let max_parts = defaults::max_parts(args.max_parts.as_deref())?;
    let schedule = args
        .schedule
        .as_deref()
        .map(|text| {
            when::parse_schedule(text, jiff::Timestamp::now())
                .map_err(|why| Failure::new(ExitCode::DataErr, why).with_hint("nothing was sent"))
        })
        .transpose()?;

    let (text, segments) = counted_text(args, &source, max_parts.map(|max| max as usize), verbose)?;

    let references = references(reference, recipients.len());
    verbose.say(|| match references.as_slice() {
        [one] => format!("reference: {one}"),
        refs => format!("references: {} to {}", refs[0], refs[refs.len() - 1]),
    });
    let schedule_text = schedule.map(when::api_utc);
    if let Some(when) = schedule {
        verbose.say(|| format!("scheduled for {}", when::rfc3339_utc(when)));
    }
    let plan = Plan {
        originator: originator.as_str(),
        route: &route,
        text: &text,
        recipients: &recipients,
        references: &references,
        campaign_id,
        schedule: schedule_text.as_deref(),
        shorten_urls: args.shorten_urls,
    };
    let request = plan.request();

    let key = match ctx.key(args.key_stdin) {
        // A dry run shows the key as `***` anyway: without one it still shows
        // the request, and says that sending would need a key.
        Err(failure) if args.dry_run && failure.code == ExitCode::Usage => {
            crate::report::warn(&format!("{failure}; sending would need one"));
            None
        }
        key => Some(key?),
    };
    let key = match key {
        Some(key) if !args.dry_run => key,
        // Only a dry run goes on without a key.
        _ => return output::write_stdout(&dry_run(transport, &request, args.format)),
    };
    if recipients.len() > 1 && !args.yes {
        confirm(recipients.len(), &segments)?;
    }
    let accepted = api::send(transport, &key, &request)
        .map_err(|failure| explain(failure, &references, recipients.len()))?;
    print_accepted(args.format, &recipients, &references, &accepted)
}

/// The text's source; it and `--key-stdin` cannot both be stdin.
fn text_source(args: &SendArgs) -> Result<TextSource<'_>, Failure> {
    let source =
        TextSource::from_args(args.text.as_deref(), args.text_file.as_ref()).ok_or_else(|| {
            Failure::new(ExitCode::Usage, "no text given")
                .with_hint("give the text as an argument, `-` to read stdin, or --text-file PATH")
        })?;
    if args.key_stdin && source.is_stdin() {
        return Err(Failure::new(
            ExitCode::Usage,
            "--key-stdin and a text from stdin both would read stdin",
        )
        .with_hint(
            "give the key in MOBIVATE_API_KEY, or the text as an argument or with --text-file",
        ));
    }
    Ok(source)
}

/// The text, folded when asked, and its parts: shown on stderr for a dry
/// run (with -v otherwise), and held to `--max-parts`.
fn counted_text(
    args: &SendArgs,
    source: &TextSource,
    max_parts: Option<usize>,
    verbose: Verbose,
) -> Result<(String, Segments), Failure> {
    let text = read_text(source)?;
    let text = if args.fold_to_gsm {
        fold_reporting(&text)
    } else {
        text
    };
    let segments = segments::count(&text);
    if args.dry_run {
        crate::report::block(&output::segments::text(&segments));
    } else {
        for line in output::segments::text(&segments).lines() {
            verbose.say(|| line.to_string());
        }
    }
    if let Some(max) = max_parts
        && segments.parts > max
    {
        return Err(Failure::new(
            ExitCode::DataErr,
            format!(
                "the text needs {} parts, more than --max-parts {max}",
                segments.parts
            ),
        )
        .with_hint(match segments.trigger {
            Some(trigger) => format!("nothing was sent; {trigger} (try --fold-to-gsm)"),
            None => "nothing was sent; shorten the text".to_string(),
        }));
    }
    Ok((text, segments))
}

/// What the server accepted, on stdout; should stdout fail, the error says
/// the messages were sent, so that nobody sends them again.
fn print_accepted(
    format: ResultFormat,
    recipients: &[String],
    references: &[String],
    accepted: &api::Accepted,
) -> Result<(), Failure> {
    let out = match format {
        ResultFormat::Text => recipients
            .iter()
            .map(|recipient| format!("{recipient} {}\n", accepted.id))
            .collect::<String>(),
        ResultFormat::Json => format!("{}\n", accepted.record),
    };
    output::write_stdout(out.as_bytes()).map_err(|failure| {
        let (what, were) = if recipients.len() == 1 {
            ("the message", "was")
        } else {
            ("the messages", "were")
        };
        Failure::new(
            failure.code,
            format!(
                "{failure}; {what} {were} sent (id {}, reference {})",
                accepted.id, references[0]
            ),
        )
        .with_hint(format!(
            "do not send {what} again; `mobivate logs list --reference {}` shows {}",
            references[0],
            if recipients.len() == 1 { "it" } else { "them" }
        ))
    })
}

/// Every `--to`, split on commas and normalised; duplicates dropped, the
/// first kept, in the order given.
fn recipients(values: &[String], verbose: Verbose) -> Result<Vec<String>, Failure> {
    let mut numbers: Vec<String> = Vec::new();
    for value in values {
        let items = number::split_list(value).map_err(|error| {
            Failure::new(ExitCode::DataErr, format!("--to: {error}")).with_hint("nothing was sent")
        })?;
        for item in items {
            let msisdn = number::normalise(item).map_err(|error| {
                Failure::new(ExitCode::DataErr, format!("--to: {error}"))
                    .with_hint("nothing was sent")
            })?;
            let msisdn = msisdn.as_str().to_string();
            if numbers.contains(&msisdn) {
                verbose.say(|| format!("{msisdn} is given more than once; it is sent one message"));
            } else {
                numbers.push(msisdn);
            }
        }
    }
    Ok(numbers)
}

fn check_recipient_count(args: &SendArgs, count: usize) -> Result<(), Failure> {
    if count > MAX_BATCH_RECIPIENTS {
        return Err(Failure::new(
            ExitCode::Usage,
            format!("{count} recipients: `send` takes at most {MAX_BATCH_RECIPIENTS}"),
        )
        .with_hint("nothing was sent; use `mobivate bulk` for more"));
    }
    if count > 1 {
        for (given, flag, why) in [
            (
                args.reference.is_some(),
                "--reference",
                "each message of a batch gets its own reference, made up and shown with -v",
            ),
            (
                args.campaign_id.is_some(),
                "--campaign-id",
                "a batch is a campaign of its own, and its id is printed",
            ),
        ] {
            if given {
                return Err(Failure::new(
                    ExitCode::Usage,
                    format!("{flag} goes with one recipient only, and {count} were given"),
                )
                .with_hint(format!("nothing was sent; {why}")));
            }
        }
    }
    Ok(())
}

fn originator_from(
    flag: Option<&str>,
    profiles: &Profiles,
) -> Result<originator::Originator, Failure> {
    let Some((_, originator)) = defaults::originator(flag, profiles)? else {
        return Err(Failure::new(ExitCode::Usage, "no sender given").with_hint(
            "pass --from SENDER, set MOBIVATE_FROM, or keep one in the profile (`mobivate auth login --from SENDER`)",
        ));
    };
    Ok(originator)
}

/// A route, reference, campaign id or name: sent as given, so it must not be
/// empty or hold characters that cannot be shown (`sms::message::label`, as
/// for every bulk row).
pub fn checked_label<'a>(value: &'a str, from: &str) -> Result<&'a str, Failure> {
    message::label(value).map_err(|problem| {
        Failure::new(ExitCode::DataErr, format!("{from} {problem}")).with_hint("nothing was sent")
    })?;
    Ok(value)
}

/// Folds the look-alikes and says how many were replaced (the user asked).
pub fn fold_reporting(text: &str) -> String {
    let (folded, replaced) = fold::fold_to_gsm(text);
    let noun = if replaced == 1 {
        "character"
    } else {
        "characters"
    };
    crate::report::note(&format!("--fold-to-gsm replaced {replaced} {noun}"));
    folded
}

/// Every message carries a reference, so that an unknown outcome can name
/// it: the user's, or `mob-YYYYMMDDTHHMMSSZ-XXXXXXXX` (UTC time and 32
/// random bits), with `-1`, `-2`, … per recipient of a batch.
fn references(given: Option<&str>, count: usize) -> Vec<String> {
    if let Some(reference) = given {
        return vec![reference.to_string()];
    }
    let now = jiff::Timestamp::now();
    let base = format!(
        "mob-{}-{}",
        now.strftime("%Y%m%dT%H%M%SZ"),
        ids::random_hex8()
    );
    if count == 1 {
        return vec![base];
    }
    (1..=count).map(|n| format!("{base}-{n}")).collect()
}

/// Everything a request needs, checked.
struct Plan<'a> {
    originator: &'a str,
    route: &'a str,
    text: &'a str,
    recipients: &'a [String],
    references: &'a [String],
    campaign_id: Option<&'a str>,
    schedule: Option<&'a str>,
    shorten_urls: bool,
}

impl<'a> Plan<'a> {
    /// One recipient and no schedule: `/send/single`. Otherwise `/send/batch`,
    /// the only endpoint that takes a schedule.
    fn request(&self) -> Request<'a> {
        if let ([recipient], None) = (self.recipients, self.schedule) {
            return Request::Single(SingleMessage {
                originator: self.originator,
                recipient,
                body: self.text,
                route_id: self.route,
                reference: self.references.first().map(String::as_str),
                campaign_id: self.campaign_id,
                shorten_urls: self.shorten_urls,
            });
        }
        Request::Batch(Batch {
            route_id: self.route,
            name: None,
            schedule_date_time: self.schedule,
            exclude_optouts: true,
            exclude_duplicates: true,
            shorten_urls: self.shorten_urls,
            recipients: self
                .recipients
                .iter()
                .zip(self.references)
                .map(|(recipient, reference)| BatchRecipient {
                    recipient,
                    text: self.text,
                    originator: self.originator,
                    reference,
                    route_id: None,
                })
                .collect(),
        })
    }
}

/// The request as it would be sent, with the key as `***`.
fn dry_run(
    transport: &crate::net::transport::Transport,
    request: &Request,
    format: ResultFormat,
) -> Vec<u8> {
    let url = transport.url(request.path());
    let body: serde_json::Value =
        serde_json::from_slice(&request.json()).expect("a body we serialized parses back");
    match format {
        ResultFormat::Text => {
            let pretty =
                serde_json::to_string_pretty(&body).expect("a JSON value always serializes");
            dry_run::http_text(&url, pretty.as_bytes())
        }
        ResultFormat::Json => dry_run::json(&url, body),
    }
}

fn confirm(count: usize, segments: &Segments) -> Result<(), Failure> {
    confirm::ask(
        &format!(
            "Send {count} messages ({} parts) to {count} recipients? [y/N] ",
            segments.parts.saturating_mul(count)
        ),
        || confirm::cancelled("nothing was sent"),
    )
}

/// A failed send, said so that nobody sends twice: an unknown outcome names
/// the reference(s) and how to check before sending again.
fn explain(failure: SendFailure, references: &[String], count: usize) -> Failure {
    let (what, them, were) = if count == 1 {
        ("the message", "it", "was")
    } else {
        ("the messages", "them", "were")
    };
    let named = match references {
        [one] => format!("reference {one}"),
        refs => format!("references {} to {}", refs[0], refs[refs.len() - 1]),
    };
    let check = format!(
        "check with `mobivate logs list --reference {}` before sending {them} again",
        references[0]
    );
    match failure {
        SendFailure::NotSent(failure) => failure.with_hint_first("nothing was sent"),
        SendFailure::Unknown(failure) => Failure::new(
            failure.code,
            format!("{failure}; {what} may have been sent ({named})"),
        )
        .with_hint(check),
        SendFailure::AcceptedUnreadable(failure) => {
            Failure::new(failure.code, format!("{failure} ({named})"))
                .with_hint(format!("{what} {were} accepted and must not be sent again"))
        }
        SendFailure::AcceptedIdUnreadable(failure) => Failure::new(
            failure.code,
            format!("{what} {were} accepted but the id is unreadable ({named})"),
        )
        .with_hint(format!(
            "{what} {were} sent: do not send {them} again; `mobivate logs list --reference {}` shows {them}",
            references[0]
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_references_are_unique_and_shaped() {
        let one = references(None, 1);
        assert_eq!(one.len(), 1);
        let shape = |r: &str| {
            let parts: Vec<&str> = r.split('-').collect();
            parts[0] == "mob"
                && parts[1].len() == 16
                && parts[1].ends_with('Z')
                && parts[2].len() == 8
                && parts[2].chars().all(|c| c.is_ascii_hexdigit())
        };
        assert!(shape(&one[0]), "{}", one[0]);
        let many = references(None, 3);
        assert_eq!(many.len(), 3);
        assert!(many[0].ends_with("-1") && many[2].ends_with("-3"));
        assert_ne!(references(None, 1), references(None, 1));
        assert_eq!(references(Some("r-1"), 1), vec!["r-1".to_string()]);
    }
}
