
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
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10); a send retries only a failure to connect and a 429'
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
            cand send 'Send one text to one or a few recipients (POST /send/single, /send/batch)'
            cand segments 'Show a text''s encoding and how many parts (billed SMS) it takes'
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
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10); a send retries only a failure to connect and a 429'
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
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10); a send retries only a failure to connect and a 429'
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
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10); a send retries only a failure to connect and a 429'
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
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]'
            cand --timeout 'Seconds allowed for each attempt, connecting and TLS included'
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10); a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --shorten-urls 'Let the API shorten the links in the text'
            cand --fold-to-gsm 'Replace curly quotes, dashes, the ellipsis and the no-break space with their GSM-7 twins'
            cand --dry-run 'Check everything and print the request (key as ***) without sending it'
            cand -y 'Do not ask before sending to several recipients; required without a terminal'
            cand --yes 'Do not ask before sending to several recipients; required without a terminal'
            cand --key-stdin 'Read the API key from stdin'
            cand -v 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --verbose 'Show each request, attempt and outcome on stderr (never a secret)'
            cand --no-input 'Never prompt: fail with exit status 64 when input is missing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mobivate;segments'= {
            cand --text-file 'Read the text from the file at PATH (at most 64 KiB)'
            cand --format 'How to print the result'
            cand --base-url 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]'
            cand --timeout 'Seconds allowed for each attempt, connecting and TLS included'
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10); a send retries only a failure to connect and a 429'
            cand --cacert 'PEM file of CA certificates to trust instead of the system store'
            cand --fold-to-gsm 'Count the text as `send --fold-to-gsm` would send it'
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
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10); a send retries only a failure to connect and a 429'
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
            cand --retries 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10); a send retries only a failure to connect and a 429'
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
            cand send 'Send one text to one or a few recipients (POST /send/single, /send/batch)'
            cand segments 'Show a text''s encoding and how many parts (billed SMS) it takes'
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
        &'mobivate;help;send'= {
        }
        &'mobivate;help;segments'= {
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
