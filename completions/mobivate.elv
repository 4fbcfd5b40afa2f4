
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
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
            cand getkey 'Print the account''s current API key (POST /auth/getkey)'
            cand createkey 'Create a new API key, revoking the current one (POST /auth/createkey)'
            cand testkey 'Check that an API key is valid (GET /auth/test)'
            cand bulk 'Send one message per row of a CSV or JSON Lines file, resumably (POST /send/batch)'
            cand auth 'Log in once: store the API key and a profile (auth login|status|token|logout)'
            cand send 'Send one text to one or a few recipients (POST /send/single, /send/batch)'
            cand segments 'Show a text''s encoding and how many parts (billed SMS) it takes'
            cand logs 'Message logs: search, read one, follow to delivery'
            cand optouts 'The opt-out list: list, add, remove'
            cand webhooks 'Webhooks: register a URL, or receive payloads locally'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff), or write one page per command into a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mobivate;getkey'= {
            cand -u 'Account username [env: MOBIVATE_USERNAME]'
            cand --username 'Account username [env: MOBIVATE_USERNAME]'
            cand --password-file 'Read the password from the file at PATH (`-` means stdin)'
            cand --format 'How to print the key'
            cand -o 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout'
            cand --output 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --password-stdin 'Read the password from stdin'
            cand --no-mask 'Do not print `::add-mask::` for GitHub Actions'
            cand --verify 'Check the key with GET /auth/test before writing it anywhere'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
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
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --password-stdin 'Read the password from stdin'
            cand --no-mask 'Do not print `::add-mask::` for GitHub Actions'
            cand -y 'Do not ask for confirmation; required without a terminal'
            cand --yes 'Do not ask for confirmation; required without a terminal'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;testkey'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --key-stdin 'Read the key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)'
            cand -q 'Print nothing on success'
            cand --quiet 'Print nothing on success'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;bulk'= {
            cand --input-format 'The file''s format [default: from the extension: .jsonl/.ndjson are JSON Lines, else CSV]'
            cand --delimiter 'CSV field delimiter: `,`, `;` or `tab`'
            cand --to-column 'The column holding the recipient''s number'
            cand --text 'Template with {{column}} placeholders, instead of a `text` column'
            cand --text-file 'Read the message template from PATH'
            cand --from 'Sender id for rows with no `originator` value [env: MOBIVATE_FROM] [default: the profile''s]'
            cand --route 'Route for rows with no `route` value [env: MOBIVATE_ROUTE] [default: the profile''s, else mglobal]'
            cand --max-parts 'Rows whose text takes more than N parts are invalid'
            cand --schedule 'Send at this time: RFC 3339 (2026-12-01T09:00:00Z) or from now (+30m)'
            cand --name 'Campaign name sent with every request'
            cand --batch-size 'Recipients per request (1 to 1000)'
            cand --parallel 'Requests in flight at once (1 to 16)'
            cand --rate 'At most N messages per second'
            cand --journal 'Journal of what was sent [default: FILE.mobivate-journal]'
            cand --settle 'How long the log may take to show a sent message (30s, 2m)'
            cand --report 'Write one JSON line per input row to PATH (mode 0600)'
            cand --format 'How to print the final counts: `text` (accepted A, invalid I, …), or `json` (one object)'
            cand --interval 'With --watch: how often to read the log [default: 30s; at least 1s]'
            cand --wait 'With --watch: how long to wait for every row to be final [default: 10m]'
            cand --html 'With --status: write the report as a self-contained HTML page to PATH'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --allow-duplicates 'Send rows with the same recipient and text as an earlier row too'
            cand --skip-invalid 'Invalid rows are warnings: exit 0 when every valid row was accepted'
            cand --check 'Validate the whole file and print the summary; no key, no network'
            cand --dry-run 'Print the summary and the first request (key as ***); send nothing'
            cand -y 'Do not ask for confirmation; required without a terminal'
            cand --yes 'Do not ask for confirmation; required without a terminal'
            cand --key-stdin 'Read the API key from stdin (else MOBIVATE_API_KEY or the stored key)'
            cand --exclude-optouts 'Skip rows to numbers on the opt-out list, fetched first (`opted-out`)'
            cand --restart 'Discard the journal; rows it records as sent are sent again'
            cand --resend-unknown 'Resend rows still unknown after --settle and not in the message log'
            cand --status 'Report how the run''s messages did (takes the run''s options; sends nothing)'
            cand --watch 'With --status: repeat until every row is final, or --wait passes'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;auth'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Get the key (as getkey does) and store it in the keyring, with a profile'
            cand status 'Show the profile and check its stored key (GET /auth/test); never prints the key'
            cand token 'Print the profile''s stored key, as getkey prints a key'
            cand logout 'Delete the profile''s stored key and its entry in the config'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mobivate;auth;login'= {
            cand -u 'Account username [env: MOBIVATE_USERNAME]'
            cand --username 'Account username [env: MOBIVATE_USERNAME]'
            cand --password-file 'Read the password from the file at PATH (`-` means stdin)'
            cand --from 'Default sender (originator) for send and bulk, kept in the profile'
            cand --route 'Default route for send and bulk, kept in the profile (e.g. mglobal)'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --password-stdin 'Read the password from stdin'
            cand --with-key 'Store a key read from stdin (or a hidden prompt) instead of getting one with the password; it is checked with GET /auth/test first'
            cand --insecure-storage 'Store the key in plain text in credentials.toml (mode 0600) instead of the keyring'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;auth;status'= {
            cand --format 'How to print the status: text on stderr, or one JSON object on stdout'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;auth;token'= {
            cand --format 'How to print the key'
            cand -o 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout'
            cand --output 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --no-mask 'Do not print `::add-mask::` for GitHub Actions'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;auth;logout'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;auth;help'= {
            cand login 'Get the key (as getkey does) and store it in the keyring, with a profile'
            cand status 'Show the profile and check its stored key (GET /auth/test); never prints the key'
            cand token 'Print the profile''s stored key, as getkey prints a key'
            cand logout 'Delete the profile''s stored key and its entry in the config'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mobivate;auth;help;login'= {
        }
        &'mobivate;auth;help;status'= {
        }
        &'mobivate;auth;help;token'= {
        }
        &'mobivate;auth;help;logout'= {
        }
        &'mobivate;auth;help;help'= {
        }
        &'mobivate;send'= {
            cand --text-file 'Read the message from the file at PATH (at most 64 KiB)'
            cand --to 'Recipient, in international form; repeat it or give a comma-separated list'
            cand --from 'Sender: up to 11 letters and digits, or up to 15 digits [env: MOBIVATE_FROM]'
            cand --route 'Route id [env: MOBIVATE_ROUTE] [default: mglobal]'
            cand --reference 'Your reference for the message (one recipient only; made up when absent)'
            cand --campaign-id 'Campaign id for the message (one recipient only; not with --schedule)'
            cand --schedule 'Send later: an RFC 3339 time (2026-12-01T10:00:00Z) or from now (+30m, +2h, +1h30m)'
            cand --max-parts 'Refuse a message that needs more than N parts (a whole number from 1)'
            cand --format 'How to print the result'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --shorten-urls 'Let the API shorten the links in the text'
            cand --fold-to-gsm 'Replace curly quotes, dashes, the ellipsis and the no-break space with their GSM-7 twins'
            cand --dry-run 'Check everything and print the request (key as ***) without sending it'
            cand -y 'Do not ask before sending to several recipients; required without a terminal'
            cand --yes 'Do not ask before sending to several recipients; required without a terminal'
            cand --key-stdin 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;segments'= {
            cand --text-file 'Read the text from the file at PATH (at most 64 KiB)'
            cand --format 'How to print the result'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --fold-to-gsm 'Count the text as `send --fold-to-gsm` would send it'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;logs'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Search the message log (GET /message), each page printed as it arrives'
            cand get 'Print one message record (GET /message/ID)'
            cand watch 'Follow messages until each has a final status'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mobivate;logs;list'= {
            cand --since 'From WHEN: RFC 3339, a date (2026-11-01, midnight UTC), or a span ago (2h, 7d) [default: 24h]'
            cand --until 'Until WHEN, in the same forms [default: now]'
            cand --direction 'Only outgoing (mt) or incoming (mo) messages [filtered by the API]'
            cand --status 'Only this status, e.g. DELIVERED; repeat for several [filtered by mobivate]'
            cand --recipient 'Only messages to or from NUMBER [filtered by mobivate]'
            cand --reference 'Only messages sent with this reference [filtered by mobivate]'
            cand --campaign-id 'Only messages of this campaign [filtered by mobivate]'
            cand --format 'How to print the records [default: table on a terminal, else jsonl]'
            cand --limit 'Stop after N records, and ask for no more pages'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --key-stdin 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;logs;get'= {
            cand --format 'How to print the record'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --key-stdin 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;logs;watch'= {
            cand --campaign-id 'Follow the messages of this campaign instead'
            cand --interval 'Time between reads of the log (30s, 1m, …)'
            cand --wait 'Give up (exit 75) after this long without every message final'
            cand --since 'Search the log from WHEN, as for `logs list` [default: 24h]'
            cand --format 'How to print each change [default: table on a terminal, else jsonl]'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --key-stdin 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;logs;help'= {
            cand list 'Search the message log (GET /message), each page printed as it arrives'
            cand get 'Print one message record (GET /message/ID)'
            cand watch 'Follow messages until each has a final status'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mobivate;logs;help;list'= {
        }
        &'mobivate;logs;help;get'= {
        }
        &'mobivate;logs;help;watch'= {
        }
        &'mobivate;logs;help;help'= {
        }
        &'mobivate;optouts'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the numbers that opted out (GET /addressbook/optout)'
            cand add 'Add numbers to the opt-out list: one `NUMBER added` line each'
            cand remove 'Remove numbers from the opt-out list: one `NUMBER removed` line each'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mobivate;optouts;list'= {
            cand --since 'From WHEN: RFC 3339, a date (2026-11-01), or a span ago (7d) [default: the whole list]'
            cand --until 'Until WHEN, in the same forms [default: now]'
            cand --format 'How to print the records [default: table on a terminal, else jsonl]'
            cand --limit 'Stop after N records, and ask for no more pages'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --key-stdin 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;optouts;add'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --key-stdin 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;optouts;remove'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --key-stdin 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;optouts;help'= {
            cand list 'List the numbers that opted out (GET /addressbook/optout)'
            cand add 'Add numbers to the opt-out list: one `NUMBER added` line each'
            cand remove 'Remove numbers from the opt-out list: one `NUMBER removed` line each'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mobivate;optouts;help;list'= {
        }
        &'mobivate;optouts;help;add'= {
        }
        &'mobivate;optouts;help;remove'= {
        }
        &'mobivate;optouts;help;help'= {
        }
        &'mobivate;webhooks'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Register the URL Mobivate posts receipts, incoming messages or clicks to'
            cand listen 'Receive webhook payloads on 127.0.0.1 and print each as a JSON line'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mobivate;webhooks;set'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand --key-stdin 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;webhooks;listen'= {
            cand --port 'Port on 127.0.0.1 to listen on (0: any free port, printed on stderr)'
            cand --forward 'Re-post each payload to this URL and report its status on stderr'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;webhooks;help'= {
            cand set 'Register the URL Mobivate posts receipts, incoming messages or clicks to'
            cand listen 'Receive webhook payloads on 127.0.0.1 and print each as a JSON line'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mobivate;webhooks;help;set'= {
        }
        &'mobivate;webhooks;help;listen'= {
        }
        &'mobivate;webhooks;help;help'= {
        }
        &'mobivate;completions'= {
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;man'= {
            cand --dir 'Write mobivate.1 and a page per command and subcommand (mobivate-send.1, mobivate-logs-list.1 and so on) into DIR, created if needed, instead of printing mobivate.1'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]'
            cand --timeout 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)'
            cand --retries 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --profile 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;help'= {
            cand getkey 'Print the account''s current API key (POST /auth/getkey)'
            cand createkey 'Create a new API key, revoking the current one (POST /auth/createkey)'
            cand testkey 'Check that an API key is valid (GET /auth/test)'
            cand bulk 'Send one message per row of a CSV or JSON Lines file, resumably (POST /send/batch)'
            cand auth 'Log in once: store the API key and a profile (auth login|status|token|logout)'
            cand send 'Send one text to one or a few recipients (POST /send/single, /send/batch)'
            cand segments 'Show a text''s encoding and how many parts (billed SMS) it takes'
            cand logs 'Message logs: search, read one, follow to delivery'
            cand optouts 'The opt-out list: list, add, remove'
            cand webhooks 'Webhooks: register a URL, or receive payloads locally'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff), or write one page per command into a directory'
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
        &'mobivate;help;auth'= {
            cand login 'Get the key (as getkey does) and store it in the keyring, with a profile'
            cand status 'Show the profile and check its stored key (GET /auth/test); never prints the key'
            cand token 'Print the profile''s stored key, as getkey prints a key'
            cand logout 'Delete the profile''s stored key and its entry in the config'
        }
        &'mobivate;help;auth;login'= {
        }
        &'mobivate;help;auth;status'= {
        }
        &'mobivate;help;auth;token'= {
        }
        &'mobivate;help;auth;logout'= {
        }
        &'mobivate;help;send'= {
        }
        &'mobivate;help;segments'= {
        }
        &'mobivate;help;logs'= {
            cand list 'Search the message log (GET /message), each page printed as it arrives'
            cand get 'Print one message record (GET /message/ID)'
            cand watch 'Follow messages until each has a final status'
        }
        &'mobivate;help;logs;list'= {
        }
        &'mobivate;help;logs;get'= {
        }
        &'mobivate;help;logs;watch'= {
        }
        &'mobivate;help;optouts'= {
            cand list 'List the numbers that opted out (GET /addressbook/optout)'
            cand add 'Add numbers to the opt-out list: one `NUMBER added` line each'
            cand remove 'Remove numbers from the opt-out list: one `NUMBER removed` line each'
        }
        &'mobivate;help;optouts;list'= {
        }
        &'mobivate;help;optouts;add'= {
        }
        &'mobivate;help;optouts;remove'= {
        }
        &'mobivate;help;webhooks'= {
            cand set 'Register the URL Mobivate posts receipts, incoming messages or clicks to'
            cand listen 'Receive webhook payloads on 127.0.0.1 and print each as a JSON line'
        }
        &'mobivate;help;webhooks;set'= {
        }
        &'mobivate;help;webhooks;listen'= {
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
