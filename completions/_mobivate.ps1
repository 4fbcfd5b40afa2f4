
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
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Message logs: search, read one, follow to delivery')
            [CompletionResult]::new('optouts', 'optouts', [CompletionResultType]::ParameterValue, 'The opt-out list: list, add, remove')
            [CompletionResult]::new('webhooks', 'webhooks', [CompletionResultType]::ParameterValue, 'Webhooks: register a URL, or receive payloads locally')
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
        'mobivate;logs' {
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
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin [else MOBIVATE_API_KEY, else a hidden prompt]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;logs;get' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'How to print the record')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin [else MOBIVATE_API_KEY, else a hidden prompt]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
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
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin [else MOBIVATE_API_KEY, else a hidden prompt]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
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
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin [else MOBIVATE_API_KEY, else a hidden prompt]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;optouts;add' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin [else MOBIVATE_API_KEY, else a hidden prompt]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;optouts;remove' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin [else MOBIVATE_API_KEY, else a hidden prompt]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
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
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Register the URL Mobivate posts receipts, incoming messages or clicks to')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive webhook payloads on 127.0.0.1 and print each as a JSON line')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mobivate;webhooks;set' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the API [env: MOBIVATE_BASE_URL] [default: https://api.mobivatebulksms.com]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds allowed for each attempt, connecting and TLS included')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries after a network failure, a timeout, a 429 or a 5xx (0 to 10)')
            [CompletionResult]::new('--cacert', '--cacert', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust instead of the system store')
            [CompletionResult]::new('--key-stdin', '--key-stdin', [CompletionResultType]::ParameterName, 'Read the API key from stdin [else MOBIVATE_API_KEY, else a hidden prompt]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Show each request, attempt and outcome on stderr (never a secret)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt: fail with exit status 64 when input is missing')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mobivate;webhooks;listen' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1 to listen on (0: any free port, printed on stderr)')
            [CompletionResult]::new('--forward', '--forward', [CompletionResultType]::ParameterName, 'Re-post each payload to this URL and report its status on stderr')
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
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Message logs: search, read one, follow to delivery')
            [CompletionResult]::new('optouts', 'optouts', [CompletionResultType]::ParameterValue, 'The opt-out list: list, add, remove')
            [CompletionResult]::new('webhooks', 'webhooks', [CompletionResultType]::ParameterValue, 'Webhooks: register a URL, or receive payloads locally')
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
