# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mobivate_global_optspecs
    string join \n h/help base-url= timeout= retries= cacert= v/verbose no-input profile= V/version
end

function __fish_mobivate_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mobivate_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mobivate_using_subcommand
    set -l cmd (__fish_mobivate_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mobivate -n "__fish_mobivate_needs_command" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_needs_command" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_needs_command" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_needs_command" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_needs_command" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_needs_command" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_needs_command" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_needs_command" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_needs_command" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "getkey" -d 'Print the account\'s current API key (POST /auth/getkey)'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "createkey" -d 'Create a new API key, revoking the current one (POST /auth/createkey)'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "testkey" -d 'Check that an API key is valid (GET /auth/test)'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "bulk" -d 'Send one message per row of a CSV or JSON Lines file, resumably (POST /send/batch)'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "auth" -d 'Log in once: store the API key and a profile (auth login|status|token|logout)'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "send" -d 'Send one text to one or a few recipients (POST /send/single, /send/batch)'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "segments" -d 'Show a text\'s encoding and how many parts (billed SMS) it takes'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "logs" -d 'Message logs: search, read one, follow to delivery'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "optouts" -d 'The opt-out list: list, add, remove'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "webhooks" -d 'Webhooks: register a URL, or receive payloads locally'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "man" -d 'Print the man page (roff), or write one page per command into a directory'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -s u -l username -d 'Account username [env: MOBIVATE_USERNAME]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l password-file -d 'Read the password from the file at PATH (`-` means stdin)' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l format -d 'How to print the key' -r -f -a "raw\t'KEY'
json\t'{"apiKey":"KEY"}'
env\t'MOBIVATE_API_KEY=KEY'
shell\t'export MOBIVATE_API_KEY=\'KEY\''"
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -s o -l output -d 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l password-stdin -d 'Read the password from stdin'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l no-mask -d 'Do not print `::add-mask::` for GitHub Actions'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l verify -d 'Check the key with GET /auth/test before writing it anywhere'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -s u -l username -d 'Account username [env: MOBIVATE_USERNAME]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l password-file -d 'Read the password from the file at PATH (`-` means stdin)' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l format -d 'How to print the key' -r -f -a "raw\t'KEY'
json\t'{"apiKey":"KEY"}'
env\t'MOBIVATE_API_KEY=KEY'
shell\t'export MOBIVATE_API_KEY=\'KEY\''"
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -s o -l output -d 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l password-stdin -d 'Read the password from stdin'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l no-mask -d 'Do not print `::add-mask::` for GitHub Actions'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -s y -l yes -d 'Do not ask for confirmation; required without a terminal'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -l key-stdin -d 'Read the key from stdin (else MOBIVATE_API_KEY, else the profile\'s stored key, else a prompt)'
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -s q -l quiet -d 'Print nothing on success'
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l input-format -d 'The file\'s format [default: from the extension: .jsonl/.ndjson are JSON Lines, else CSV]' -r -f -a "csv\t'Comma (or --delimiter) separated values with a header row'
jsonl\t'One JSON object per line'"
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l delimiter -d 'CSV field delimiter: `,`, `;` or `tab`' -r -f -a "\,\t''
;\t''
tab\t''"
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l to-column -d 'The column holding the recipient\'s number' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l text -d 'Template with {{column}} placeholders, instead of a `text` column' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l text-file -d 'Read the message template from PATH' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l from -d 'Sender id for rows with no `originator` value [env: MOBIVATE_FROM] [default: the profile\'s]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l route -d 'Route for rows with no `route` value [env: MOBIVATE_ROUTE] [default: the profile\'s, else mglobal]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l max-parts -d 'Rows whose text takes more than N parts are invalid' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l schedule -d 'Send at this time: RFC 3339 (2026-12-01T09:00:00Z) or from now (+30m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l name -d 'Campaign name sent with every request' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l batch-size -d 'Recipients per request (1 to 1000)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l parallel -d 'Requests in flight at once (1 to 16)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l rate -d 'At most N messages per second' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l journal -d 'Journal of what was sent [default: FILE.mobivate-journal]' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l settle -d 'How long the log may take to show a sent message (30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l report -d 'Write one JSON line per input row to PATH (mode 0600)' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l format -d 'How to print the final counts: `text` (accepted A, invalid I, …), or `json` (one object)' -r -f -a "text\t'Lines for people and `read`'
json\t'One JSON document'"
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l interval -d 'With --watch: how often to read the log [default: 30s; at least 1s]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l wait -d 'With --watch: how long to wait for every row to be final [default: 10m]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l html -d 'With --status: write the report as a self-contained HTML page to PATH' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l allow-duplicates -d 'Send rows with the same recipient and text as an earlier row too'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l skip-invalid -d 'Invalid rows are warnings: exit 0 when every valid row was accepted'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l check -d 'Validate the whole file and print the summary; no key, no network'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l dry-run -d 'Print the summary and the first request (key as ***); send nothing'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -s y -l yes -d 'Do not ask for confirmation; required without a terminal'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l key-stdin -d 'Read the API key from stdin (else MOBIVATE_API_KEY or the stored key)'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l exclude-optouts -d 'Skip rows to numbers on the opt-out list, fetched first (`opted-out`)'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l restart -d 'Discard the journal; rows it records as sent are sent again'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l resend-unknown -d 'Resend rows still unknown after --settle and not in the message log'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l status -d 'Report how the run\'s messages did (takes the run\'s options; sends nothing)'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l watch -d 'With --status: repeat until every row is final, or --wait passes'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -f -a "login" -d 'Get the key (as getkey does) and store it in the keyring, with a profile'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -f -a "status" -d 'Show the profile and check its stored key (GET /auth/test); never prints the key'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -f -a "token" -d 'Print the profile\'s stored key, as getkey prints a key'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -f -a "logout" -d 'Delete the profile\'s stored key and its entry in the config'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and not __fish_seen_subcommand_from login status token logout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -s u -l username -d 'Account username [env: MOBIVATE_USERNAME]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -l password-file -d 'Read the password from the file at PATH (`-` means stdin)' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -l from -d 'Default sender (originator) for send and bulk, kept in the profile' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -l route -d 'Default route for send and bulk, kept in the profile (e.g. mglobal)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -l password-stdin -d 'Read the password from stdin'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -l with-key -d 'Store a key read from stdin (or a hidden prompt) instead of getting one with the password; it is checked with GET /auth/test first'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -l insecure-storage -d 'Store the key in plain text in credentials.toml (mode 0600) instead of the keyring'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from status" -l format -d 'How to print the status: text on stderr, or one JSON object on stdout' -r -f -a "text\t'Lines on stderr'
json\t'One JSON object on stdout'"
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from status" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from status" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from status" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from token" -l format -d 'How to print the key' -r -f -a "raw\t'KEY'
json\t'{"apiKey":"KEY"}'
env\t'MOBIVATE_API_KEY=KEY'
shell\t'export MOBIVATE_API_KEY=\'KEY\''"
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from token" -s o -l output -d 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from token" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from token" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from token" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from token" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from token" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from token" -l no-mask -d 'Do not print `::add-mask::` for GitHub Actions'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from token" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from token" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from token" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from logout" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from logout" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from logout" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from logout" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from logout" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Get the key (as getkey does) and store it in the keyring, with a profile'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the profile and check its stored key (GET /auth/test); never prints the key'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "token" -d 'Print the profile\'s stored key, as getkey prints a key'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Delete the profile\'s stored key and its entry in the config'
complete -c mobivate -n "__fish_mobivate_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l text-file -d 'Read the message from the file at PATH (at most 64 KiB)' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l to -d 'Recipient, in international form; repeat it or give a comma-separated list' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l from -d 'Sender: up to 11 letters and digits, or up to 15 digits [env: MOBIVATE_FROM]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l route -d 'Route id [env: MOBIVATE_ROUTE] [default: mglobal]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l reference -d 'Your reference for the message (one recipient only; made up when absent)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l campaign-id -d 'Campaign id for the message (one recipient only; not with --schedule)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l schedule -d 'Send later: an RFC 3339 time (2026-12-01T10:00:00Z) or from now (+30m, +2h, +1h30m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l max-parts -d 'Refuse a message that needs more than N parts (a whole number from 1)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l format -d 'How to print the result' -r -f -a "text\t'Lines for people and `read`'
json\t'One JSON document'"
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l shorten-urls -d 'Let the API shorten the links in the text'
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l fold-to-gsm -d 'Replace curly quotes, dashes, the ellipsis and the no-break space with their GSM-7 twins'
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l dry-run -d 'Check everything and print the request (key as ***) without sending it'
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -s y -l yes -d 'Do not ask before sending to several recipients; required without a terminal'
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l key-stdin -d 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile\'s stored key, else a prompt)'
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand send" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand segments" -l text-file -d 'Read the text from the file at PATH (at most 64 KiB)' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand segments" -l format -d 'How to print the result' -r -f -a "text\t'Lines for people and `read`'
json\t'One JSON document'"
complete -c mobivate -n "__fish_mobivate_using_subcommand segments" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand segments" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand segments" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand segments" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand segments" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand segments" -l fold-to-gsm -d 'Count the text as `send --fold-to-gsm` would send it'
complete -c mobivate -n "__fish_mobivate_using_subcommand segments" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand segments" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand segments" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand segments" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and not __fish_seen_subcommand_from list get watch help" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and not __fish_seen_subcommand_from list get watch help" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and not __fish_seen_subcommand_from list get watch help" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and not __fish_seen_subcommand_from list get watch help" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and not __fish_seen_subcommand_from list get watch help" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and not __fish_seen_subcommand_from list get watch help" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and not __fish_seen_subcommand_from list get watch help" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and not __fish_seen_subcommand_from list get watch help" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and not __fish_seen_subcommand_from list get watch help" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and not __fish_seen_subcommand_from list get watch help" -f -a "list" -d 'Search the message log (GET /message), each page printed as it arrives'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and not __fish_seen_subcommand_from list get watch help" -f -a "get" -d 'Print one message record (GET /message/ID)'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and not __fish_seen_subcommand_from list get watch help" -f -a "watch" -d 'Follow messages until each has a final status'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and not __fish_seen_subcommand_from list get watch help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l since -d 'From WHEN: RFC 3339, a date (2026-11-01, midnight UTC), or a span ago (2h, 7d) [default: 24h]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l until -d 'Until WHEN, in the same forms [default: now]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l direction -d 'Only outgoing (mt) or incoming (mo) messages [filtered by the API]' -r -f -a "mt\t'Outgoing messages'
mo\t'Incoming messages'"
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l status -d 'Only this status, e.g. DELIVERED; repeat for several [filtered by mobivate]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l recipient -d 'Only messages to or from NUMBER [filtered by mobivate]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l reference -d 'Only messages sent with this reference [filtered by mobivate]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l campaign-id -d 'Only messages of this campaign [filtered by mobivate]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l format -d 'How to print the records [default: table on a terminal, else jsonl]' -r -f -a "table\t'Aligned columns that fit the terminal, dates in local time'
json\t'One JSON array'
jsonl\t'One JSON object per line'
csv\t'RFC 4180, with a header row'"
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l limit -d 'Stop after N records, and ask for no more pages' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l key-stdin -d 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile\'s stored key, else a prompt)'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from get" -l format -d 'How to print the record' -r -f -a "text\t'One `field: value` line per field'
json\t'The record as one JSON object'"
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from get" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from get" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from get" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from get" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from get" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from get" -l key-stdin -d 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile\'s stored key, else a prompt)'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -l campaign-id -d 'Follow the messages of this campaign instead' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -l interval -d 'Time between reads of the log (30s, 1m, …)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -l wait -d 'Give up (exit 75) after this long without every message final' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -l since -d 'Search the log from WHEN, as for `logs list` [default: 24h]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -l format -d 'How to print each change [default: table on a terminal, else jsonl]' -r -f -a "table\t'Aligned columns that fit the terminal, dates in local time'
json\t'One JSON array'
jsonl\t'One JSON object per line'
csv\t'RFC 4180, with a header row'"
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -l key-stdin -d 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile\'s stored key, else a prompt)'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from watch" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "list" -d 'Search the message log (GET /message), each page printed as it arrives'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print one message record (GET /message/ID)'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Follow messages until each has a final status'
complete -c mobivate -n "__fish_mobivate_using_subcommand logs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and not __fish_seen_subcommand_from list add remove help" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and not __fish_seen_subcommand_from list add remove help" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and not __fish_seen_subcommand_from list add remove help" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and not __fish_seen_subcommand_from list add remove help" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and not __fish_seen_subcommand_from list add remove help" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and not __fish_seen_subcommand_from list add remove help" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and not __fish_seen_subcommand_from list add remove help" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and not __fish_seen_subcommand_from list add remove help" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and not __fish_seen_subcommand_from list add remove help" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and not __fish_seen_subcommand_from list add remove help" -f -a "list" -d 'List the numbers that opted out (GET /addressbook/optout)'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and not __fish_seen_subcommand_from list add remove help" -f -a "add" -d 'Add numbers to the opt-out list: one `NUMBER added` line each'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and not __fish_seen_subcommand_from list add remove help" -f -a "remove" -d 'Remove numbers from the opt-out list: one `NUMBER removed` line each'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and not __fish_seen_subcommand_from list add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -l since -d 'From WHEN: RFC 3339, a date (2026-11-01), or a span ago (7d) [default: the whole list]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -l until -d 'Until WHEN, in the same forms [default: now]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -l format -d 'How to print the records [default: table on a terminal, else jsonl]' -r -f -a "table\t'Aligned columns that fit the terminal, dates in local time'
json\t'One JSON array'
jsonl\t'One JSON object per line'
csv\t'RFC 4180, with a header row'"
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -l limit -d 'Stop after N records, and ask for no more pages' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -l key-stdin -d 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile\'s stored key, else a prompt)'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from add" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from add" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from add" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from add" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from add" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from add" -l key-stdin -d 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile\'s stored key, else a prompt)'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from remove" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from remove" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from remove" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from remove" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from remove" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from remove" -l key-stdin -d 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile\'s stored key, else a prompt)'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the numbers that opted out (GET /addressbook/optout)'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add numbers to the opt-out list: one `NUMBER added` line each'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove numbers from the opt-out list: one `NUMBER removed` line each'
complete -c mobivate -n "__fish_mobivate_using_subcommand optouts; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and not __fish_seen_subcommand_from set listen help" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and not __fish_seen_subcommand_from set listen help" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and not __fish_seen_subcommand_from set listen help" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and not __fish_seen_subcommand_from set listen help" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and not __fish_seen_subcommand_from set listen help" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and not __fish_seen_subcommand_from set listen help" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and not __fish_seen_subcommand_from set listen help" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and not __fish_seen_subcommand_from set listen help" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and not __fish_seen_subcommand_from set listen help" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and not __fish_seen_subcommand_from set listen help" -f -a "set" -d 'Register the URL Mobivate posts receipts, incoming messages or clicks to'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and not __fish_seen_subcommand_from set listen help" -f -a "listen" -d 'Receive webhook payloads on 127.0.0.1 and print each as a JSON line'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and not __fish_seen_subcommand_from set listen help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from set" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from set" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from set" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from set" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from set" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from set" -l key-stdin -d 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile\'s stored key, else a prompt)'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l port -d 'Port on 127.0.0.1 to listen on (0: any free port, printed on stderr)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l forward -d 'Re-post each payload to this URL and report its status on stderr' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from listen" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from help" -f -a "set" -d 'Register the URL Mobivate posts receipts, incoming messages or clicks to'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from help" -f -a "listen" -d 'Receive webhook payloads on 127.0.0.1 and print each as a JSON line'
complete -c mobivate -n "__fish_mobivate_using_subcommand webhooks; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -l dir -d 'Write mobivate.1 and a page per command and subcommand (mobivate-send.1, mobivate-logs-list.1 and so on) into DIR, created if needed, instead of printing mobivate.1' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile\'s, else https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -l timeout -d 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -l retries -d 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -l profile -d 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk auth send segments logs optouts webhooks completions man help" -f -a "getkey" -d 'Print the account\'s current API key (POST /auth/getkey)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk auth send segments logs optouts webhooks completions man help" -f -a "createkey" -d 'Create a new API key, revoking the current one (POST /auth/createkey)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk auth send segments logs optouts webhooks completions man help" -f -a "testkey" -d 'Check that an API key is valid (GET /auth/test)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk auth send segments logs optouts webhooks completions man help" -f -a "bulk" -d 'Send one message per row of a CSV or JSON Lines file, resumably (POST /send/batch)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk auth send segments logs optouts webhooks completions man help" -f -a "auth" -d 'Log in once: store the API key and a profile (auth login|status|token|logout)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk auth send segments logs optouts webhooks completions man help" -f -a "send" -d 'Send one text to one or a few recipients (POST /send/single, /send/batch)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk auth send segments logs optouts webhooks completions man help" -f -a "segments" -d 'Show a text\'s encoding and how many parts (billed SMS) it takes'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk auth send segments logs optouts webhooks completions man help" -f -a "logs" -d 'Message logs: search, read one, follow to delivery'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk auth send segments logs optouts webhooks completions man help" -f -a "optouts" -d 'The opt-out list: list, add, remove'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk auth send segments logs optouts webhooks completions man help" -f -a "webhooks" -d 'Webhooks: register a URL, or receive payloads locally'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk auth send segments logs optouts webhooks completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk auth send segments logs optouts webhooks completions man help" -f -a "man" -d 'Print the man page (roff), or write one page per command into a directory'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk auth send segments logs optouts webhooks completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Get the key (as getkey does) and store it in the keyring, with a profile'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show the profile and check its stored key (GET /auth/test); never prints the key'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "token" -d 'Print the profile\'s stored key, as getkey prints a key'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Delete the profile\'s stored key and its entry in the config'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "list" -d 'Search the message log (GET /message), each page printed as it arrives'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "get" -d 'Print one message record (GET /message/ID)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and __fish_seen_subcommand_from logs" -f -a "watch" -d 'Follow messages until each has a final status'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and __fish_seen_subcommand_from optouts" -f -a "list" -d 'List the numbers that opted out (GET /addressbook/optout)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and __fish_seen_subcommand_from optouts" -f -a "add" -d 'Add numbers to the opt-out list: one `NUMBER added` line each'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and __fish_seen_subcommand_from optouts" -f -a "remove" -d 'Remove numbers from the opt-out list: one `NUMBER removed` line each'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and __fish_seen_subcommand_from webhooks" -f -a "set" -d 'Register the URL Mobivate posts receipts, incoming messages or clicks to'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and __fish_seen_subcommand_from webhooks" -f -a "listen" -d 'Receive webhook payloads on 127.0.0.1 and print each as a JSON line'
