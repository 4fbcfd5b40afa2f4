
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
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('getkey', 'getkey', [CompletionResultType]::ParameterValue, 'Print the account''s current API key (POST /auth/getkey)')
            [CompletionResult]::new('createkey', 'createkey', [CompletionResultType]::ParameterValue, 'Create a new API key, revoking the current one (POST /auth/createkey)')
            [CompletionResult]::new('testkey', 'testkey', [CompletionResultType]::ParameterValue, 'Check that an API key is valid (GET /auth/test)')
            [CompletionResult]::new('bulk', 'bulk', [CompletionResultType]::ParameterValue, 'Send one message per row of a CSV or JSON Lines file, resumably (POST /send/batch)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
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
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from stdin')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'Do not print `::add-mask::` for GitHub Actions')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check the key with GET /auth/test before writing it anywhere')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
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
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from stdin')
            [CompletionResult]::new('--no-mask', '--no-mask', [CompletionResultType]::ParameterName, 'Do not print `::add-mask::` for GitHub Actions')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; required without a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; required without a terminal')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;testkey' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the key from stdin')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;bulk' {
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'The file''s format [default: from the extension: .jsonl/.ndjson are JSON Lines, else CSV]')
            [CompletionResult]::new('--delimiter', '--delimiter', [CompletionResultType]::ParameterName, 'CSV field delimiter: `,`, `;` or `tab`')
            [CompletionResult]::new('--to-column', '--to-column', [CompletionResultType]::ParameterName, 'The column holding the recipient''s number')
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'Message template with {{column}} placeholders (instead of a `text` column)')
            [CompletionResult]::new('--text-file', '--text-file', [CompletionResultType]::ParameterName, 'Read the message template from PATH')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Sender id for rows with no `originator` value')
            [CompletionResult]::new('--route', '--route', [CompletionResultType]::ParameterName, 'Route for rows with no `route` value')
            [CompletionResult]::new('--max-parts', '--max-parts', [CompletionResultType]::ParameterName, 'Rows whose text takes more than N parts are invalid')
            [CompletionResult]::new('--schedule', '--schedule', [CompletionResultType]::ParameterName, 'Send at this time: RFC 3339 (2026-12-01T09:00:00Z) or from now (+30m)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Campaign name sent with every request')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Recipients per request (1 to 1000)')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Requests in flight at once (1 to 16)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most N messages per second')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Journal of what was sent [default: FILE.mobivate-journal; required with stdin]')
            [CompletionResult]::new('--settle', '--settle', [CompletionResultType]::ParameterName, 'How long the message log may take to show a sent message (30s, 2m, …)')
            [CompletionResult]::new('--report', '--report', [CompletionResultType]::ParameterName, 'Write one JSON line per input row to PATH (mode 0600)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the final counts')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--allow-duplicates', '--allow-duplicates', [CompletionResultType]::ParameterName, 'Send rows with the same recipient and text as an earlier row too')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Invalid rows are warnings: exit 0 when every valid row was accepted')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Validate the whole file and print the summary; no key, no network')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the summary and the first request (key as ***); send nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; required without a terminal')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation; required without a terminal')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'Discard the journal and start over (rows it records as sent are sent again)')
            [CompletionResult]::new('--resend-unknown', '--resend-unknown', [CompletionResultType]::ParameterName, 'Resend rows whose outcome is still unknown after --settle and not in the message log')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;completions' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;man' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;help' {
            [CompletionResult]::new('getkey', 'getkey', [CompletionResultType]::ParameterValue, 'Print the account''s current API key (POST /auth/getkey)')
            [CompletionResult]::new('createkey', 'createkey', [CompletionResultType]::ParameterValue, 'Create a new API key, revoking the current one (POST /auth/createkey)')
            [CompletionResult]::new('testkey', 'testkey', [CompletionResultType]::ParameterValue, 'Check that an API key is valid (GET /auth/test)')
            [CompletionResult]::new('bulk', 'bulk', [CompletionResultType]::ParameterValue, 'Send one message per row of a CSV or JSON Lines file, resumably (POST /send/batch)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
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
