# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mobivate_global_optspecs
    string join \n base-url= timeout= retries= cacert= v/verbose no-input h/help V/version
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

complete -c mobivate -n "__fish_mobivate_needs_command" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_needs_command" -l timeout -d 'Seconds allowed for each attempt, connecting and TLS included' -r
complete -c mobivate -n "__fish_mobivate_needs_command" -l retries -d 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)' -r
complete -c mobivate -n "__fish_mobivate_needs_command" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_needs_command" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_needs_command" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mobivate -n "__fish_mobivate_needs_command" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "getkey" -d 'Print the account\'s current API key (POST /auth/getkey)'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "createkey" -d 'Create a new API key, revoking the current one (POST /auth/createkey)'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "testkey" -d 'Check that an API key is valid (GET /auth/test)'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "bulk" -d 'Send one message per row of a CSV or JSON Lines file, resumably (POST /send/batch)'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c mobivate -n "__fish_mobivate_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -s u -l username -d 'Account username [env: MOBIVATE_USERNAME]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l password-file -d 'Read the password from the file at PATH (`-` means stdin)' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l format -d 'How to print the key' -r -f -a "raw\t'KEY'
json\t'{"apiKey":"KEY"}'
env\t'MOBIVATE_API_KEY=KEY'
shell\t'export MOBIVATE_API_KEY=\'KEY\''"
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -s o -l output -d 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l timeout -d 'Seconds allowed for each attempt, connecting and TLS included' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l retries -d 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l password-stdin -d 'Read the password from stdin'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l no-mask -d 'Do not print `::add-mask::` for GitHub Actions'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l verify -d 'Check the key with GET /auth/test before writing it anywhere'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mobivate -n "__fish_mobivate_using_subcommand getkey" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -s u -l username -d 'Account username [env: MOBIVATE_USERNAME]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l password-file -d 'Read the password from the file at PATH (`-` means stdin)' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l format -d 'How to print the key' -r -f -a "raw\t'KEY'
json\t'{"apiKey":"KEY"}'
env\t'MOBIVATE_API_KEY=KEY'
shell\t'export MOBIVATE_API_KEY=\'KEY\''"
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -s o -l output -d 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l timeout -d 'Seconds allowed for each attempt, connecting and TLS included' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l retries -d 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l password-stdin -d 'Read the password from stdin'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l no-mask -d 'Do not print `::add-mask::` for GitHub Actions'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -s y -l yes -d 'Do not ask for confirmation; required without a terminal'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mobivate -n "__fish_mobivate_using_subcommand createkey" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -l timeout -d 'Seconds allowed for each attempt, connecting and TLS included' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -l retries -d 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -l key-stdin -d 'Read the key from stdin'
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -s q -l quiet -d 'Print nothing on success'
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mobivate -n "__fish_mobivate_using_subcommand testkey" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l input-format -d 'The file\'s format [default: from the extension: .jsonl/.ndjson are JSON Lines, else CSV]' -r -f -a "csv\t'Comma (or --delimiter) separated values with a header row'
jsonl\t'One JSON object per line'"
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l delimiter -d 'CSV field delimiter: `,`, `;` or `tab`' -r -f -a "\,\t''
;\t''
tab\t''"
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l to-column -d 'The column holding the recipient\'s number' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l text -d 'Message template with {{column}} placeholders (instead of a `text` column)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l text-file -d 'Read the message template from PATH' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l from -d 'Sender id for rows with no `originator` value' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l route -d 'Route for rows with no `route` value' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l max-parts -d 'Rows whose text takes more than N parts are invalid' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l schedule -d 'Send at this time: RFC 3339 (2026-12-01T09:00:00Z) or from now (+30m)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l name -d 'Campaign name sent with every request' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l batch-size -d 'Recipients per request (1 to 1000)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l parallel -d 'Requests in flight at once (1 to 16)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l rate -d 'At most N messages per second' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l journal -d 'Journal of what was sent [default: FILE.mobivate-journal; required with stdin]' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l settle -d 'How long the message log may take to show a sent message (30s, 2m, …)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l report -d 'Write one JSON line per input row to PATH (mode 0600)' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l format -d 'How to print the final counts' -r -f -a "text\t'accepted A, invalid I, duplicate D, unknown U, rejected R'
json\t'{"accepted":A,"invalid":I,"duplicate":D,"unknown":U,"rejected":R,"pending":P}'"
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l timeout -d 'Seconds allowed for each attempt, connecting and TLS included' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l retries -d 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l allow-duplicates -d 'Send rows with the same recipient and text as an earlier row too'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l skip-invalid -d 'Invalid rows are warnings: exit 0 when every valid row was accepted'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l check -d 'Validate the whole file and print the summary; no key, no network'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l dry-run -d 'Print the summary and the first request (key as ***); send nothing'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -s y -l yes -d 'Do not ask for confirmation; required without a terminal'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l key-stdin -d 'Read the API key from stdin'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l restart -d 'Discard the journal and start over (rows it records as sent are sent again)'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l resend-unknown -d 'Resend rows whose outcome is still unknown after --settle and not in the message log'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mobivate -n "__fish_mobivate_using_subcommand bulk" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -l timeout -d 'Seconds allowed for each attempt, connecting and TLS included' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -l retries -d 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand completions" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -l base-url -d 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -l timeout -d 'Seconds allowed for each attempt, connecting and TLS included' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -l retries -d 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)' -r
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -l cacert -d 'PEM file of CA certificates to trust instead of the system store' -r -F
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -s v -l verbose -d 'Show each request, attempt and outcome on stderr (never a secret)'
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -l no-input -d 'Never prompt: fail with exit status 64 when input is missing'
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -s h -l help -d 'Print help'
complete -c mobivate -n "__fish_mobivate_using_subcommand man" -s V -l version -d 'Print version'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk completions man help" -f -a "getkey" -d 'Print the account\'s current API key (POST /auth/getkey)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk completions man help" -f -a "createkey" -d 'Create a new API key, revoking the current one (POST /auth/createkey)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk completions man help" -f -a "testkey" -d 'Check that an API key is valid (GET /auth/test)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk completions man help" -f -a "bulk" -d 'Send one message per row of a CSV or JSON Lines file, resumably (POST /send/batch)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk completions man help" -f -a "man" -d 'Print the man page (roff)'
complete -c mobivate -n "__fish_mobivate_using_subcommand help; and not __fish_seen_subcommand_from getkey createkey testkey bulk completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
