//! Shell completions and the man page, generated from the clap definition so
//! they can never drift from the real command line.

use crate::cli::{Cli, ENVIRONMENT};
use crate::exit::ExitCode;
use clap::CommandFactory;
use clap_complete::Shell;
use roff::{Roff, bold, roman};

pub fn completions(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "mobivate", &mut out);
    out
}

const EXAMPLES: &[(&str, &str)] = &[
    (
        "At a terminal: prompts for the password without echo.",
        "mobivate getkey -u alice@example.com",
    ),
    (
        "In a script: stdout holds the key and nothing else.",
        "KEY=$(mobivate getkey -u \"$USER_NAME\" --password-file ~/.mobivate-password)",
    ),
    (
        "In CI: password from a secret variable, key into the job's environment.",
        "printf '%s' \"$MOBIVATE_PASSWORD\" | mobivate getkey --password-stdin --format env >> \"$GITHUB_ENV\"",
    ),
    (
        "Into a file readable only by you, replaced atomically.",
        "mobivate getkey -u alice@example.com -o ~/.config/mobivate/key",
    ),
    (
        "Check a key.",
        "mobivate testkey --key-stdin < ~/.config/mobivate/key",
    ),
];

pub fn man_page() -> Vec<u8> {
    // The EXIT STATUS and ENVIRONMENT of --help get their own man sections below.
    let command = Cli::command()
        .after_help(None::<&str>)
        .after_long_help(None::<&str>);
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)
        .expect("writing to a Vec cannot fail");
    man.render_name_section(&mut out)
        .expect("writing to a Vec cannot fail");
    man.render_synopsis_section(&mut out)
        .expect("writing to a Vec cannot fail");
    man.render_description_section(&mut out)
        .expect("writing to a Vec cannot fail");
    man.render_options_section(&mut out)
        .expect("writing to a Vec cannot fail");
    man.render_subcommands_section(&mut out)
        .expect("writing to a Vec cannot fail");

    let mut extra = Roff::new();
    for sub in command
        .get_subcommands()
        .filter(|s| s.get_arguments().any(|a| !a.is_global_set()))
    {
        let heading = format!("{} OPTIONS", sub.get_name().to_uppercase());
        extra.control("SH", [heading.as_str()]);
        for arg in sub
            .get_arguments()
            .filter(|a| !a.is_global_set() && a.get_id() != "help")
        {
            let mut flags = Vec::new();
            if let Some(short) = arg.get_short() {
                flags.push(format!("-{short}"));
            }
            if let Some(long) = arg.get_long() {
                flags.push(format!("--{long}"));
            }
            if flags.is_empty() {
                flags.push(arg.get_id().to_string().to_uppercase());
            }
            let value = match arg.get_value_names() {
                Some(names) if arg.get_long().is_some() || arg.get_short().is_some() => {
                    format!(
                        " {}",
                        names
                            .iter()
                            .map(|n| n.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    )
                }
                _ => String::new(),
            };
            extra.control("TP", []);
            extra.text([bold(flags.join(", ")), roman(value)]);
            extra.text([roman(
                arg.get_help().map(|h| h.to_string()).unwrap_or_default(),
            )]);
        }
    }
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
    for (what, example) in EXAMPLES {
        extra.control("PP", []);
        extra.text([roman(*what)]);
        extra.control("PP", []);
        extra.control("RS", ["4"]);
        extra.control("EX", []);
        extra.text([roman(*example)]);
        extra.control("EE", []);
        extra.control("RE", []);
    }
    out.extend_from_slice(extra.render().as_bytes());
    man.render_version_section(&mut out)
        .expect("writing to a Vec cannot fail");
    out
}
