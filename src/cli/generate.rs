//! Shell completions and the man page, generated from the clap definition so
//! they can never drift from the real command line.

use crate::cli::{Cli, ENVIRONMENT};
use crate::exit::ExitCode;
use clap::CommandFactory;
use clap_complete::Shell;
use roff::{Roff, bold, italic, roman};

pub fn completions(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "mobivate", &mut out);
    out
}

/// The date on the man page: the day this version's interface was fixed.
/// A constant, so the page is reproducible byte for byte.
const MAN_DATE: &str = "2026-11-26";

const EXAMPLES: &[(&str, &str)] = &[
    (
        "At a terminal: prompts for the password without echo.",
        "mobivate getkey -u alice@example.com",
    ),
    (
        "In a script: stdout holds the key and nothing else.",
        "KEY=$(mobivate getkey -u alice@example.com \\\n    --password-file ~/.mobivate-password)",
    ),
    (
        "In CI: password from a secret variable, key into the job's environment.",
        "printf '%s' \"$MOBIVATE_PASSWORD\" |\n  mobivate getkey --password-stdin --format env >> \"$GITHUB_ENV\"",
    ),
    (
        "Into a file readable only by you, replaced atomically.",
        "mobivate getkey -u alice@example.com -o ~/.config/mobivate/key",
    ),
    (
        "Check a key.",
        "mobivate testkey --key-stdin < ~/.config/mobivate/key",
    ),
    (
        "Log in once: the key goes to the OS keyring; later commands use it.",
        "mobivate auth login -u alice@example.com\nmobivate auth status\nmobivate testkey",
    ),
    (
        "Send one text (the key from MOBIVATE_API_KEY).",
        "mobivate send --to '+44 7930 000000' --from Shop 'Your order is ready'",
    ),
    (
        "Show a scheduled batch exactly as it would be sent, sending nothing.",
        "mobivate send --to 447930000000,447930000001 --from Shop \\\n    --schedule +2h --dry-run 'Doors open at 9'",
    ),
    (
        "How many parts a text takes, and what forced UCS-2.",
        "mobivate segments --text-file message.txt",
    ),
    (
        "Failed messages of the last week, as CSV.",
        "mobivate logs list --since 7d --format csv | grep FAILED_",
    ),
    (
        "Follow the messages sent with a reference until each is final.",
        "mobivate logs watch order-7 --wait 30m",
    ),
    (
        "Opt numbers out, one per line from a file.",
        "mobivate optouts add - < stops.txt",
    ),
    (
        "Receive delivery receipts locally, behind your own tunnel.",
        "mobivate webhooks listen --port 8080 | jq .",
    ),
];

type RenderSection = fn(&clap_mangen::Man, &mut dyn std::io::Write) -> std::io::Result<()>;

/// A page's generator and its start, the same for every page: the title
/// line and the NAME section (our own SYNOPSIS follows).
fn man_head(command: clap::Command, title: String) -> (clap_mangen::Man, Vec<u8>) {
    let man = clap_mangen::Man::new(command)
        .title(title)
        .section("1")
        .date(MAN_DATE)
        .source(format!("mobivate {}", env!("CARGO_PKG_VERSION")))
        .manual("User Commands");
    let mut out = Vec::new();
    let before_synopsis: [RenderSection; 2] = [
        clap_mangen::Man::render_title,
        clap_mangen::Man::render_name_section,
    ];
    for render in before_synopsis {
        render(&man, &mut out).expect("writing to a Vec cannot fail");
    }
    (man, out)
}

pub fn man_page() -> Vec<u8> {
    // EXIT STATUS and ENVIRONMENT from --help get man sections of their own.
    let command = Cli::command()
        .after_help(None::<&str>)
        .after_long_help(None::<&str>);
    let (man, mut out) = man_head(command.clone(), "MOBIVATE".to_string());
    out.extend_from_slice(synopsis(&command).render().as_bytes());
    let after_synopsis: [RenderSection; 2] = [
        clap_mangen::Man::render_description_section,
        clap_mangen::Man::render_options_section,
    ];
    for render in after_synopsis {
        render(&man, &mut out).expect("writing to a Vec cannot fail");
    }
    let mut extra = Roff::new();
    extra.control("SH", ["COMMANDS"]);
    for sub in command.get_subcommands() {
        command_entry(&mut extra, &format!("mobivate {}", sub.get_name()), sub);
        // Groups such as `auth`: one entry per command in them.
        for nested in sub.get_subcommands().filter(|n| n.get_name() != "help") {
            let name = format!("mobivate {} {}", sub.get_name(), nested.get_name());
            command_entry(&mut extra, &name, nested);
        }
    }
    extra.control("SH", ["LOGGING IN"]);
    extra.control("nf", []);
    // A no-fill block is kept as written, so its code spans lose their backticks here.
    extra.text([roman(crate::cli::AUTH_LONG_ABOUT.replace('`', ""))]);
    extra.control("fi", []);
    extra.control("SH", ["EXIT STATUS"]);
    for code in ExitCode::ALL {
        extra.control("TP", []);
        extra.text([bold(i32::from(code).to_string())]);
        extra.text([roman(code.meaning())]);
    }
    extra.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in ENVIRONMENT {
        extra.control("TP", []);
        extra.text([bold(*name)]);
        extra.text([roman(*meaning)]);
    }
    extra.control("SH", ["EXAMPLES"]);
    for (index, (what, example)) in EXAMPLES.iter().enumerate() {
        if index > 0 {
            extra.control("PP", []);
        }
        extra.text([roman(*what)]);
        extra.control("RS", ["4"]);
        extra.control("EX", []);
        extra.text([roman(*example)]);
        extra.control("EE", []);
        extra.control("RE", []);
    }
    out.extend_from_slice(extra.render().as_bytes());
    man.render_version_section(&mut out)
        .expect("writing to a Vec cannot fail");
    let page = String::from_utf8(out).expect("roff output is UTF-8");
    wrap_text_lines(&code_spans_in_bold(&page), 80).into_bytes()
}

/// Every page `man --dir` writes: `mobivate.1`, then one per command and
/// per subcommand (`mobivate-send.1`, `mobivate-logs-list.1`, …), as git,
/// gh and cargo have, each from the same clap definition as `--help`.
pub fn man_pages() -> Vec<(String, Vec<u8>)> {
    let mut pages = vec![("mobivate.1".to_string(), man_page())];
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    for sub in command.get_subcommands() {
        command_pages(sub, "mobivate", &mut pages);
    }
    pages
}

/// The page of `sub`, then those of the commands in it (groups such as `logs`).
fn command_pages(sub: &clap::Command, parent: &str, pages: &mut Vec<(String, Vec<u8>)>) {
    let name = format!("{parent}-{}", sub.get_name());
    pages.push((format!("{name}.1"), command_page(&name, sub)));
    for nested in sub.get_subcommands().filter(|n| n.get_name() != "help") {
        command_pages(nested, &name, pages);
    }
}

/// One command's page: clap_mangen's sections, then EXAMPLES (the lines of
/// the help's `Examples:`), SEE ALSO and VERSION.
fn command_page(name: &str, sub: &clap::Command) -> Vec<u8> {
    let help_end = sub
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    let command = sub
        .clone()
        .display_name(name)
        .after_help(None::<&str>)
        .after_long_help(None::<&str>);
    let has_subcommands = command.get_subcommands().next().is_some();
    let (man, mut out) = man_head(command, name.to_uppercase());
    out.extend_from_slice(command_synopsis(name, sub).render().as_bytes());
    let mut sections: Vec<RenderSection> = vec![
        clap_mangen::Man::render_description_section,
        clap_mangen::Man::render_options_section,
    ];
    if has_subcommands {
        sections.push(clap_mangen::Man::render_subcommands_section);
    }
    for render in sections {
        render(&man, &mut out).expect("writing to a Vec cannot fail");
    }
    let mut extra = Roff::new();
    // What the help says before its examples (bulk's input columns, where
    // getkey finds the password), as the help lays it out.
    let (details, _) = help_end.split_once("Examples:\n").unwrap_or_default();
    if !details.trim().is_empty() {
        extra.control("SH", ["DETAILS"]);
        extra.control("nf", []);
        extra.text([roman(details.trim_end())]);
        extra.control("fi", []);
    }
    let examples: Vec<&str> = help_end
        .lines()
        .filter_map(|line| line.strip_prefix("  $ "))
        .collect();
    if !examples.is_empty() {
        extra.control("SH", ["EXAMPLES"]);
        extra.control("EX", []);
        extra.text([roman(examples.join("\n"))]);
        extra.control("EE", []);
    }
    extra.control("SH", ["SEE ALSO"]);
    extra.text([
        bold("mobivate"),
        roman("(1), for the exit status and the environment"),
    ]);
    out.extend_from_slice(extra.render().as_bytes());
    man.render_version_section(&mut out)
        .expect("writing to a Vec cannot fail");
    let page = String::from_utf8(out).expect("roff output is UTF-8");
    // clap_mangen puts an empty line between two `.br` before a list of
    // values: one `.sp` says the same without a lint warning.
    let page = page.replace(".br\n\n.br\n", ".sp\n");
    // Shorter than 80: mandoc counts a `…` or `€` as more than one byte.
    wrap_text_lines(&code_spans_in_bold(&page), 72).into_bytes()
}

/// A command page's SYNOPSIS: `mobivate logs list [--since WHEN] …`, its own
/// options with their value names, then the connection options in one word.
fn command_synopsis(name: &str, sub: &clap::Command) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["SYNOPSIS"]);
    let mut line = vec![bold(name.replace('-', " "))];
    for arg in sub
        .get_arguments()
        .filter(|a| !a.is_global_set() && a.get_id() != "help" && a.get_id() != "version")
    {
        line.extend(synopsis_arg(arg));
    }
    line.push(roman(" ["));
    line.push(italic("CONNECTION OPTIONS"));
    line.push(roman("]"));
    if sub.get_subcommands().next().is_some() {
        line.push(roman(" "));
        line.push(italic("COMMAND"));
    }
    roff.text(line);
    roff
}

/// SYNOPSIS with value names (`--base-url URL`): one line for the global
/// options, then one per command with its own options.
fn synopsis(command: &clap::Command) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["SYNOPSIS"]);
    let mut line = vec![bold("mobivate")];
    for arg in command.get_arguments().filter(|a| a.get_id() != "help") {
        line.extend(synopsis_arg(arg));
    }
    line.push(roman(" "));
    line.push(italic("COMMAND"));
    roff.text(line);
    for sub in command.get_subcommands() {
        roff.control("br", []);
        let mut line = vec![bold(format!("mobivate {}", sub.get_name()))];
        for arg in sub
            .get_arguments()
            .filter(|a| !a.is_global_set() && a.get_id() != "help")
        {
            line.extend(synopsis_arg(arg));
        }
        roff.text(line);
    }
    roff
}

/// ` [-o|--output FILE]`, ` [--no-input]`, ` SHELL` for a positional.
fn synopsis_arg(arg: &clap::Arg) -> Vec<roff::Inline> {
    let value = arg
        .get_value_names()
        .and_then(|names| names.first().map(|n| n.to_string()))
        .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
    let mut parts = vec![roman(" ")];
    if arg.is_positional() {
        parts.push(italic(value));
        return parts;
    }
    let optional = !arg.is_required_set();
    if optional {
        parts.push(roman("["));
    }
    if let Some(short) = arg.get_short() {
        parts.push(bold(format!("-{short}")));
        if arg.get_long().is_some() {
            parts.push(roman("|"));
        }
    }
    if let Some(long) = arg.get_long() {
        parts.push(bold(format!("--{long}")));
    }
    if arg.get_action().takes_values() {
        parts.push(roman(" "));
        parts.push(italic(value));
    }
    if optional {
        parts.push(roman("]"));
    }
    if matches!(arg.get_action(), clap::ArgAction::Count) {
        parts.push(roman("..."));
    }
    parts
}

/// `; one of: raw (KEY), json (…); default: raw` for an option with a fixed
/// set of values.
fn values_and_default(arg: &clap::Arg) -> String {
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| match v.get_help() {
            Some(help) => format!("{} ({help})", v.get_name()),
            None => v.get_name().to_string(),
        })
        .collect();
    let mut text = String::new();
    if !values.is_empty() && arg.get_action().takes_values() {
        text.push_str(&format!("; one of: {}", values.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        text.push_str(&format!("; default: {}", defaults.join(", ")));
    }
    text
}

/// Doc comments mark code with Markdown backticks; in the page they become
/// bold, and no literal backtick is left in running text. Examples (no-fill
/// blocks) are kept as written.
fn code_spans_in_bold(page: &str) -> String {
    let mut out = String::new();
    let mut no_fill = false;
    for line in page.lines() {
        if line.starts_with(".EX") || line.starts_with(".nf") {
            no_fill = true;
        } else if line.starts_with(".EE") || line.starts_with(".fi") {
            no_fill = false;
        }
        if no_fill || !line.contains('`') {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let mut open = false;
        for c in line.chars() {
            if c == '`' {
                out.push_str(if open { "\\fR" } else { "\\fB" });
                open = !open;
            } else {
                out.push(c);
            }
        }
        if open {
            out.push_str("\\fR");
        }
        out.push('\n');
    }
    out
}

/// One command in the COMMANDS section: its name, what it does, its own options.
fn command_entry(extra: &mut Roff, name: &str, sub: &clap::Command) {
    extra.control("TP", []);
    extra.text([bold(name.to_string())]);
    extra.text([roman(
        sub.get_about().map(|a| a.to_string()).unwrap_or_default(),
    )]);
    let own_args: Vec<_> = sub
        .get_arguments()
        .filter(|a| !a.is_global_set() && a.get_id() != "help")
        .collect();
    if own_args.is_empty() {
        return;
    }
    extra.control("RS", []);
    for arg in own_args {
        extra.control("TP", []);
        extra.text([bold(arg_spelling(arg))]);
        let mut help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        help.push_str(&values_and_default(arg));
        extra.text([roman(help)]);
    }
    extra.control("RE", []);
}

/// `-u, --username USER`, or `SHELL` for a positional argument.
fn arg_spelling(arg: &clap::Arg) -> String {
    let mut spelling: Vec<String> = Vec::new();
    if let Some(short) = arg.get_short() {
        spelling.push(format!("-{short}"));
    }
    if let Some(long) = arg.get_long() {
        spelling.push(format!("--{long}"));
    }
    let value = arg
        .get_value_names()
        .map(|names| {
            names
                .iter()
                .map(|n| n.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
    if spelling.is_empty() {
        return value;
    }
    let mut text = spelling.join(", ");
    if arg.get_action().takes_values() {
        text.push(' ');
        text.push_str(&value);
    }
    text
}

/// Breaks filled text lines at spaces so none is longer than `width` bytes
/// (mandoc -Tlint asks for that); control lines and no-fill blocks are kept.
fn wrap_text_lines(page: &str, width: usize) -> String {
    let mut out = String::new();
    let mut no_fill = false;
    for line in page.lines() {
        let trimmed = line.trim_end();
        if trimmed.starts_with(".EX") || trimmed.starts_with(".nf") {
            no_fill = true;
        } else if trimmed.starts_with(".EE") || trimmed.starts_with(".fi") {
            no_fill = false;
        }
        if no_fill
            || trimmed.starts_with('.')
            || trimmed.starts_with('\'')
            || trimmed.len() <= width
        {
            out.push_str(trimmed);
            out.push('\n');
            continue;
        }
        let mut current = String::new();
        for word in trimmed.split(' ') {
            if !current.is_empty() && current.len() + 1 + word.len() > width {
                out.push_str(&current);
                out.push('\n');
                current.clear();
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push_str(&current);
        out.push('\n');
    }
    out
}
