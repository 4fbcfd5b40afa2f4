
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'mobivate' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'mobivate'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'mobivate' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('getkey', 'getkey', [CompletionResultType]::ParameterValue, 'Print the account''s current API key (POST /auth/getkey)')
            [CompletionResult]::new('createkey', 'createkey', [CompletionResultType]::ParameterValue, 'Create a new API key, revoking the current one (POST /auth/createkey)')
            [CompletionResult]::new('testkey', 'testkey', [CompletionResultType]::ParameterValue, 'Check that an API key is valid (GET /auth/test)')
            [CompletionResult]::new('bulk', 'bulk', [CompletionResultType]::ParameterValue, 'Send one message per row of a CSV or JSON Lines file, resumably (POST /send/batch)')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in once: store the API key and a profile (auth login|status|token|logout)')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send one text to one or a few recipients (POST /send/single, /send/batch)')
            [CompletionResult]::new('segments', 'segments', [CompletionResultType]::ParameterValue, 'Show a text''s encoding and how many parts (billed SMS) it takes')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Message logs: search, read one, follow to delivery')
            [CompletionResult]::new('optouts', 'optouts', [CompletionResultType]::ParameterValue, 'The opt-out list: list, add, remove')
            [CompletionResult]::new('webhooks', 'webhooks', [CompletionResultType]::ParameterValue, 'Webhooks: register a URL, or receive payloads locally')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write one page per command into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mobivate;getkey' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Account username [env: MOBIVATE_USERNAME]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Account username [env: MOBIVATE_USERNAME]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the file at PATH (`-` means stdin)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the key')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from stdin')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'Do not print `::add-mask::` for GitHub Actions')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the key with GET /auth/test before writing it anywhere')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;createkey' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Account username [env: MOBIVATE_USERNAME]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Account username [env: MOBIVATE_USERNAME]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the file at PATH (`-` means stdin)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the key')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from stdin')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'Do not print `::add-mask::` for GitHub Actions')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; required without a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; required without a terminal')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;testkey' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;bulk' {
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'The file''s format [default: from the extension: .jsonl/.ndjson are JSON Lines, else CSV]')
            [CompletionResult]::new('--delimiter', '--delimiter', [CompletionResultType]::ParameterName, 'CSV field delimiter: `,`, `;` or `tab`')
            [CompletionResult]::new('--to-column', '--to-column', [CompletionResultType]::ParameterName, 'The column holding the recipient''s number')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'Template with {{column}} placeholders, instead of a `text` column')
            [CompletionResult]::new('--text-file', '--text-file', [CompletionResultType]::ParameterName, 'Read the message template from PATH')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Sender id for rows with no `originator` value [env: MOBIVATE_FROM] [default: the profile''s]')
            [CompletionResult]::new('--route', '--route', [CompletionResultType]::ParameterName, 'Route for rows with no `route` value [env: MOBIVATE_ROUTE] [default: the profile''s, else mglobal]')
            [CompletionResult]::new('--max-parts', '--max-parts', [CompletionResultType]::ParameterName, 'Rows whose text takes more than N parts are invalid')
            [CompletionResult]::new('--schedule', '--schedule', [CompletionResultType]::ParameterName, 'Send at this time: RFC 3339 (2026-12-01T09:00:00Z) or from now (+30m)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Campaign name sent with every request')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Recipients per request (1 to 1000)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Requests in flight at once (1 to 16)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most N messages per second')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal of what was sent [default: FILE.mobivate-journal]')
            [CompletionResult]::new('--settle', '--settle', [CompletionResultType]::ParameterName, 'How long the log may take to show a sent message (30s, 2m)')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Write one JSON line per input row to PATH (mode 0600)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the final counts: `text` (accepted A, invalid I, …), or `json` (one object)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch: how often to read the log [default: 30s; at least 1s]')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'With --watch: how long to wait for every row to be final [default: 10m]')
            [CompletionResult]::new('--html', '--html', [CompletionResultType]::ParameterName, 'With --status: write the report as a self-contained HTML page to PATH')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--allow-duplicates', '--allow-duplicates', [CompletionResultType]::ParameterName, 'Send rows with the same recipient and text as an earlier row too')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Invalid rows are warnings: exit 0 when every valid row was accepted')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Validate the whole file and print the summary; no key, no network')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the summary and the first request (key as ***); send nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; required without a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; required without a terminal')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin (else MOBIVATE_API_KEY or the stored key)')
            [CompletionResult]::new('--exclude-optouts', '--exclude-optouts', [CompletionResultType]::ParameterName, 'Skip rows to numbers on the opt-out list, fetched first (`opted-out`)')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'Discard the journal; rows it records as sent are sent again')
            [CompletionResult]::new('--resend-unknown', '--resend-unknown', [CompletionResultType]::ParameterName, 'Resend rows still unknown after --settle and not in the message log')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Report how the run''s messages did (takes the run''s options; sends nothing)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'With --status: repeat until every row is final, or --wait passes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;auth' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Get the key (as getkey does) and store it in the keyring, with a profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile and check its stored key (GET /auth/test); never prints the key')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the profile''s stored key, as getkey prints a key')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Delete the profile''s stored key and its entry in the config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mobivate;auth;login' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Account username [env: MOBIVATE_USERNAME]')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Account username [env: MOBIVATE_USERNAME]')
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the password from the file at PATH (`-` means stdin)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Default sender (originator) for send and bulk, kept in the profile')
            [CompletionResult]::new('--route', '--route', [CompletionResultType]::ParameterName, 'Default route for send and bulk, kept in the profile (e.g. mglobal)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from stdin')
            [CompletionResult]::new('--with-key', '--with-key', [CompletionResultType]::ParameterName, 'Store a key read from stdin (or a hidden prompt) instead of getting one with the password; it is checked with GET /auth/test first')
            [CompletionResult]::new('--insecure-storage', '--insecure-storage', [CompletionResultType]::ParameterName, 'Store the key in plain text in credentials.toml (mode 0600) instead of the keyring')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;auth;status' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the status: text on stderr, or one JSON object on stdout')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;auth;token' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the key')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the key to FILE (mode 0600, replaced atomically) instead of stdout; `-` is stdout')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'Do not print `::add-mask::` for GitHub Actions')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;auth;logout' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Get the key (as getkey does) and store it in the keyring, with a profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile and check its stored key (GET /auth/test); never prints the key')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the profile''s stored key, as getkey prints a key')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Delete the profile''s stored key and its entry in the config')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mobivate;auth;help;login' {
            break
        }
        'mobivate;auth;help;status' {
            break
        }
        'mobivate;auth;help;token' {
            break
        }
        'mobivate;auth;help;logout' {
            break
        }
        'mobivate;auth;help;help' {
            break
        }
        'mobivate;send' {
            [CompletionResult]::new('--text-file', '--text-file', [CompletionResultType]::ParameterName, 'Read the message from the file at PATH (at most 64 KiB)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Recipient, in international form; repeat it or give a comma-separated list')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Sender: up to 11 letters and digits, or up to 15 digits [env: MOBIVATE_FROM]')
            [CompletionResult]::new('--route', '--route', [CompletionResultType]::ParameterName, 'Route id [env: MOBIVATE_ROUTE] [default: mglobal]')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'Your reference for the message (one recipient only; made up when absent)')
            [CompletionResult]::new('--campaign-id', '--campaign-id', [CompletionResultType]::ParameterName, 'Campaign id for the message (one recipient only; not with --schedule)')
            [CompletionResult]::new('--schedule', '--schedule', [CompletionResultType]::ParameterName, 'Send later: an RFC 3339 time (2026-12-01T10:00:00Z) or from now (+30m, +2h, +1h30m)')
            [CompletionResult]::new('--max-parts', '--max-parts', [CompletionResultType]::ParameterName, 'Refuse a message that needs more than N parts (a whole number from 1)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the result')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--shorten-urls', '--shorten-urls', [CompletionResultType]::ParameterName, 'Let the API shorten the links in the text')
            [CompletionResult]::new('--fold-to-gsm', '--fold-to-gsm', [CompletionResultType]::ParameterName, 'Replace curly quotes, dashes, the ellipsis and the no-break space with their GSM-7 twins')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check everything and print the request (key as ***) without sending it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before sending to several recipients; required without a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before sending to several recipients; required without a terminal')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;segments' {
            [CompletionResult]::new('--text-file', '--text-file', [CompletionResultType]::ParameterName, 'Read the text from the file at PATH (at most 64 KiB)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the result')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--fold-to-gsm', '--fold-to-gsm', [CompletionResultType]::ParameterName, 'Count the text as `send --fold-to-gsm` would send it')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;logs' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Search the message log (GET /message), each page printed as it arrives')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one message record (GET /message/ID)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow messages until each has a final status')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mobivate;logs;list' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From WHEN: RFC 3339, a date (2026-11-01, midnight UTC), or a span ago (2h, 7d) [default: 24h]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Until WHEN, in the same forms [default: now]')
            [CompletionResult]::new('--direction', '--direction', [CompletionResultType]::ParameterName, 'Only outgoing (mt) or incoming (mo) messages [filtered by the API]')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only this status, e.g. DELIVERED; repeat for several [filtered by mobivate]')
            [CompletionResult]::new('--recipient', '--recipient', [CompletionResultType]::ParameterName, 'Only messages to or from NUMBER [filtered by mobivate]')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'Only messages sent with this reference [filtered by mobivate]')
            [CompletionResult]::new('--campaign-id', '--campaign-id', [CompletionResultType]::ParameterName, 'Only messages of this campaign [filtered by mobivate]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the records [default: table on a terminal, else jsonl]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after N records, and ask for no more pages')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;logs;get' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the record')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;logs;watch' {
            [CompletionResult]::new('--campaign-id', '--campaign-id', [CompletionResultType]::ParameterName, 'Follow the messages of this campaign instead')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between reads of the log (30s, 1m, …)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Give up (exit 75) after this long without every message final')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Search the log from WHEN, as for `logs list` [default: 24h]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print each change [default: table on a terminal, else jsonl]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;logs;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Search the message log (GET /message), each page printed as it arrives')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one message record (GET /message/ID)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow messages until each has a final status')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mobivate;logs;help;list' {
            break
        }
        'mobivate;logs;help;get' {
            break
        }
        'mobivate;logs;help;watch' {
            break
        }
        'mobivate;logs;help;help' {
            break
        }
        'mobivate;optouts' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the numbers that opted out (GET /addressbook/optout)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add numbers to the opt-out list: one `NUMBER added` line each')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove numbers from the opt-out list: one `NUMBER removed` line each')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mobivate;optouts;list' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From WHEN: RFC 3339, a date (2026-11-01), or a span ago (7d) [default: the whole list]')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Until WHEN, in the same forms [default: now]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the records [default: table on a terminal, else jsonl]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after N records, and ask for no more pages')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;optouts;add' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;optouts;remove' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;optouts;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the numbers that opted out (GET /addressbook/optout)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add numbers to the opt-out list: one `NUMBER added` line each')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove numbers from the opt-out list: one `NUMBER removed` line each')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mobivate;optouts;help;list' {
            break
        }
        'mobivate;optouts;help;add' {
            break
        }
        'mobivate;optouts;help;remove' {
            break
        }
        'mobivate;optouts;help;help' {
            break
        }
        'mobivate;webhooks' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Register the URL Mobivate posts receipts, incoming messages or clicks to')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhook payloads on 127.0.0.1 and print each as a JSON line')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mobivate;webhooks;set' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin (else MOBIVATE_API_KEY, else the profile''s stored key, else a prompt)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;webhooks;listen' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1 to listen on (0: any free port, printed on stderr)')
            [CompletionResult]::new('--forward', '--forward', [CompletionResultType]::ParameterName, 'Re-post each payload to this URL and report its status on stderr')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;webhooks;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Register the URL Mobivate posts receipts, incoming messages or clicks to')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhook payloads on 127.0.0.1 and print each as a JSON line')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mobivate;webhooks;help;set' {
            break
        }
        'mobivate;webhooks;help;listen' {
            break
        }
        'mobivate;webhooks;help;help' {
            break
        }
        'mobivate;completions' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write mobivate.1 and a page per command and subcommand (mobivate-send.1, mobivate-logs-list.1 and so on) into DIR, created if needed, instead of printing mobivate.1')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: the profile''s, else https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Time allowed for each attempt, connecting and TLS included (90, 30s, 2m)')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries (0 to 10) after a network error, a timeout, a 429 or a 5xx; a send retries only a failure to connect and a 429')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use (see `mobivate auth --help`) [env: MOBIVATE_PROFILE]')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;help' {
            [CompletionResult]::new('getkey', 'getkey', [CompletionResultType]::ParameterValue, 'Print the account''s current API key (POST /auth/getkey)')
            [CompletionResult]::new('createkey', 'createkey', [CompletionResultType]::ParameterValue, 'Create a new API key, revoking the current one (POST /auth/createkey)')
            [CompletionResult]::new('testkey', 'testkey', [CompletionResultType]::ParameterValue, 'Check that an API key is valid (GET /auth/test)')
            [CompletionResult]::new('bulk', 'bulk', [CompletionResultType]::ParameterValue, 'Send one message per row of a CSV or JSON Lines file, resumably (POST /send/batch)')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in once: store the API key and a profile (auth login|status|token|logout)')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send one text to one or a few recipients (POST /send/single, /send/batch)')
            [CompletionResult]::new('segments', 'segments', [CompletionResultType]::ParameterValue, 'Show a text''s encoding and how many parts (billed SMS) it takes')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Message logs: search, read one, follow to delivery')
            [CompletionResult]::new('optouts', 'optouts', [CompletionResultType]::ParameterValue, 'The opt-out list: list, add, remove')
            [CompletionResult]::new('webhooks', 'webhooks', [CompletionResultType]::ParameterValue, 'Webhooks: register a URL, or receive payloads locally')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write one page per command into a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mobivate;help;getkey' {
            break
        }
        'mobivate;help;createkey' {
            break
        }
        'mobivate;help;testkey' {
            break
        }
        'mobivate;help;bulk' {
            break
        }
        'mobivate;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Get the key (as getkey does) and store it in the keyring, with a profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile and check its stored key (GET /auth/test); never prints the key')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the profile''s stored key, as getkey prints a key')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Delete the profile''s stored key and its entry in the config')
            break
        }
        'mobivate;help;auth;login' {
            break
        }
        'mobivate;help;auth;status' {
            break
        }
        'mobivate;help;auth;token' {
            break
        }
        'mobivate;help;auth;logout' {
            break
        }
        'mobivate;help;send' {
            break
        }
        'mobivate;help;segments' {
            break
        }
        'mobivate;help;logs' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Search the message log (GET /message), each page printed as it arrives')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one message record (GET /message/ID)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow messages until each has a final status')
            break
        }
        'mobivate;help;logs;list' {
            break
        }
        'mobivate;help;logs;get' {
            break
        }
        'mobivate;help;logs;watch' {
            break
        }
        'mobivate;help;optouts' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the numbers that opted out (GET /addressbook/optout)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add numbers to the opt-out list: one `NUMBER added` line each')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove numbers from the opt-out list: one `NUMBER removed` line each')
            break
        }
        'mobivate;help;optouts;list' {
            break
        }
        'mobivate;help;optouts;add' {
            break
        }
        'mobivate;help;optouts;remove' {
            break
        }
        'mobivate;help;webhooks' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Register the URL Mobivate posts receipts, incoming messages or clicks to')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhook payloads on 127.0.0.1 and print each as a JSON line')
            break
        }
        'mobivate;help;webhooks;set' {
            break
        }
        'mobivate;help;webhooks;listen' {
            break
        }
        'mobivate;help;completions' {
            break
        }
        'mobivate;help;man' {
            break
        }
        'mobivate;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
