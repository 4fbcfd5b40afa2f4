
use builtin;
use str;

set edit:completion:arg-completer[mobivate] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'mobivate'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'mobivate'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]'
            cand --timeout 'Seconds allowed for each attempt, connecting and TLS included'
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand getkey 'Print the account''s current API key (POST /auth/getkey)'
            cand createkey 'Create a new API key, revoking the current one (POST /auth/createkey)'
            cand testkey 'Check that an API key is valid (GET /auth/test)'
            cand bulk 'Send one message per row of a CSV or JSON Lines file, resumably (POST /send/batch)'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mobivate;getkey'= {
            cand -u 'Account username [env: MOBIVATE_USERNAME]'
            cand --username 'Account username [env: MOBIVATE_USERNAME]'
            cand --password-file 'Read the password from the file at PATH (`-` means stdin)'
            cand --format 'How to print the key'
            cand -o 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout'
            cand --output 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]'
            cand --timeout 'Seconds allowed for each attempt, connecting and TLS included'
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --password-stdin 'Read the password from stdin'
            cand --no-mask 'Do not print `::add-mask::` for GitHub Actions'
            cand --verify 'Check the key with GET /auth/test before writing it anywhere'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;createkey'= {
            cand -u 'Account username [env: MOBIVATE_USERNAME]'
            cand --username 'Account username [env: MOBIVATE_USERNAME]'
            cand --password-file 'Read the password from the file at PATH (`-` means stdin)'
            cand --format 'How to print the key'
            cand -o 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout'
            cand --output 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]'
            cand --timeout 'Seconds allowed for each attempt, connecting and TLS included'
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --password-stdin 'Read the password from stdin'
            cand --no-mask 'Do not print `::add-mask::` for GitHub Actions'
            cand -y 'Do not ask for confirmation; required without a terminal'
            cand --yes 'Do not ask for confirmation; required without a terminal'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;testkey'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]'
            cand --timeout 'Seconds allowed for each attempt, connecting and TLS included'
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --key-stdin 'Read the key from stdin'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;bulk'= {
            cand --input-format 'The file''s format [default: from the extension: .jsonl/.ndjson are JSON Lines, else CSV]'
            cand --delimiter 'CSV field delimiter: `,`, `;` or `tab`'
            cand --to-column 'The column holding the recipient''s number'
            cand --text 'Message template with {{column}} placeholders (instead of a `text` column)'
            cand --text-file 'Read the message template from PATH'
            cand --from 'Sender id for rows with no `originator` value'
            cand --route 'Route for rows with no `route` value'
            cand --max-parts 'Rows whose text takes more than N parts are invalid'
            cand --schedule 'Send at this time: RFC 3339 (2026-12-01T09:00:00Z) or from now (+30m)'
            cand --name 'Campaign name sent with every request'
            cand --batch-size 'Recipients per request (1 to 1000)'
            cand --parallel 'Requests in flight at once (1 to 16)'
            cand --rate 'At most N messages per second'
            cand --journal 'Journal of what was sent [default: FILE.mobivate-journal; required with stdin]'
            cand --settle 'How long the message log may take to show a sent message (30s, 2m, …)'
            cand --report 'Write one JSON line per input row to PATH (mode 0600)'
            cand --format 'How to print the final counts'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]'
            cand --timeout 'Seconds allowed for each attempt, connecting and TLS included'
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --allow-duplicates 'Send rows with the same recipient and text as an earlier row too'
            cand --skip-invalid 'Invalid rows are warnings: exit 0 when every valid row was accepted'
            cand --check 'Validate the whole file and print the summary; no key, no network'
            cand --dry-run 'Print the summary and the first request (key as ***); send nothing'
            cand -y 'Do not ask for confirmation; required without a terminal'
            cand --yes 'Do not ask for confirmation; required without a terminal'
            cand --key-stdin 'Read the API key from stdin'
            cand --restart 'Discard the journal and start over (rows it records as sent are sent again)'
            cand --resend-unknown 'Resend rows whose outcome is still unknown after --settle and not in the message log'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;completions'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]'
            cand --timeout 'Seconds allowed for each attempt, connecting and TLS included'
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;man'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]'
            cand --timeout 'Seconds allowed for each attempt, connecting and TLS included'
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;help'= {
            cand getkey 'Print the account''s current API key (POST /auth/getkey)'
            cand createkey 'Create a new API key, revoking the current one (POST /auth/createkey)'
            cand testkey 'Check that an API key is valid (GET /auth/test)'
            cand bulk 'Send one message per row of a CSV or JSON Lines file, resumably (POST /send/batch)'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mobivate;help;getkey'= {
        }
        &'mobivate;help;createkey'= {
        }
        &'mobivate;help;testkey'= {
        }
        &'mobivate;help;bulk'= {
        }
        &'mobivate;help;completions'= {
        }
        &'mobivate;help;man'= {
        }
        &'mobivate;help;help'= {
        }
    ]
    $completions[$command]
}
