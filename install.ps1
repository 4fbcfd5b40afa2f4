# Installs mobivate on Windows from a release: downloads SHA256SUMS and the
# Windows archive, checks the checksum, and puts mobivate.exe in
# %LOCALAPPDATA%\Programs\mobivate\bin (or -To DIR). No administrator rights.
#
#   irm https://github.com/mobivate-cli/mobivate/releases/latest/download/install.ps1 | iex
#   & .\install.ps1 -To C:\tools -Version 0.1.0
#
# MOBIVATE_INSTALL_URL, when set, is the base URL of one release's files (a
# mirror, a test server); it wins over -Version. On a checksum mismatch or a
# failed download it stops with an error and installs nothing: no partial
# file in DIR.
[CmdletBinding()]
param(
    [string]$To = "",
    [string]$Version = ""
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Repo = 'https://github.com/mobivate-cli/mobivate'
# Taken in this order from SHA256SUMS: the release's MSVC build, else the
# MinGW build that `bash dist/build.sh` makes.
$Targets = @('x86_64-pc-windows-msvc', 'x86_64-pc-windows-gnu')

# A terminating error, not `exit`: under `irm ... | iex` an exit would close
# the user's PowerShell window. Run as a file, it exits non-zero.
function Fail([string]$Message) {
    throw "install.ps1: error: $Message"
}

if (-not $To) {
    if (-not $env:LOCALAPPDATA) { Fail 'LOCALAPPDATA is not set: give a directory with -To DIR' }
    $To = Join-Path $env:LOCALAPPDATA 'Programs\mobivate\bin'
}
if ($env:MOBIVATE_INSTALL_URL) {
    $Base = $env:MOBIVATE_INSTALL_URL.TrimEnd('/')
} elseif ($Version -and $Version -ne 'latest') {
    $Base = "$Repo/releases/download/v$($Version.TrimStart('v'))"
} else {
    $Base = "$Repo/releases/latest/download"
}

$arch = $env:PROCESSOR_ARCHITECTURE
if ($arch -ne 'AMD64' -and $arch -ne 'ARM64') {
    Fail "unknown platform: no release archive for the architecture $arch"
}

[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
$ProgressPreference = 'SilentlyContinue'
$tmp = Join-Path ([IO.Path]::GetTempPath()) ("mobivate-install-" + [Guid]::NewGuid())
New-Item -ItemType Directory -Path $tmp | Out-Null
$staged = $null
try {
    $sumsFile = Join-Path $tmp 'SHA256SUMS'
    try { Invoke-WebRequest -UseBasicParsing -Uri "$Base/SHA256SUMS" -OutFile $sumsFile }
    catch { Fail "download failed: $Base/SHA256SUMS ($($_.Exception.Message))" }

    $want = $null; $archive = $null
    foreach ($target in $Targets) {
        foreach ($line in Get-Content $sumsFile) {
            if ($line -match "^([0-9a-fA-F]{64}) [ *](mobivate-[^/ ]+-$([regex]::Escape($target))\.zip)$") {
                $want = $Matches[1].ToLower(); $archive = $Matches[2]; break
            }
        }
        if ($archive) { break }
    }
    if (-not $archive) { Fail "unknown platform: no Windows archive in $Base/SHA256SUMS" }

    $zip = Join-Path $tmp $archive
    try { Invoke-WebRequest -UseBasicParsing -Uri "$Base/$archive" -OutFile $zip }
    catch { Fail "download failed: $Base/$archive ($($_.Exception.Message))" }
    $got = (Get-FileHash -Algorithm SHA256 -LiteralPath $zip).Hash.ToLower()
    if ($got -ne $want) {
        Fail "checksum mismatch for ${archive}: expected $want, got $got; nothing was installed"
    }

    $unpacked = Join-Path $tmp 'x'
    Expand-Archive -LiteralPath $zip -DestinationPath $unpacked
    $top = [IO.Path]::GetFileNameWithoutExtension($archive)
    $exe = Join-Path (Join-Path $unpacked $top) 'mobivate.exe'
    if (-not (Test-Path -LiteralPath $exe)) { Fail "$archive holds no $top\mobivate.exe" }

    # A temporary name in DIR, then one rename: never a partial mobivate.exe.
    New-Item -ItemType Directory -Force -Path $To | Out-Null
    $staged = Join-Path $To (".mobivate.exe.install." + $PID)
    Copy-Item -LiteralPath $exe -Destination $staged
    $dest = Join-Path $To 'mobivate.exe'
    Move-Item -LiteralPath $staged -Destination $dest -Force
    $staged = $null

    $installed = & $dest --version
    if ($LASTEXITCODE -ne 0) { Fail "$dest does not run on this machine" }
    Write-Host "install.ps1: installed $installed to $dest"
    Write-Output $installed

    $userPath = [Environment]::GetEnvironmentVariable('Path', 'User')
    $onPath = ($env:Path -split ';') + ($userPath -split ';') | Where-Object { $_ -and ($_.TrimEnd('\') -ieq $To.TrimEnd('\')) }
    if (-not $onPath) {
        Write-Host "install.ps1: $To is not on your PATH. To add it for your user, run:"
        Write-Host "  [Environment]::SetEnvironmentVariable('Path', `"$To;`" + [Environment]::GetEnvironmentVariable('Path', 'User'), 'User')"
    }
} finally {
    if ($staged -and (Test-Path -LiteralPath $staged)) { Remove-Item -Force -LiteralPath $staged }
    Remove-Item -Recurse -Force -LiteralPath $tmp -ErrorAction SilentlyContinue
}
