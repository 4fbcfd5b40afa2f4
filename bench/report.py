"""Turns the raw results of bench/run.sh into BENCHMARKS.md (on stdout)."""
import json
import os
import platform
import subprocess
import sys

work = os.environ["WORK"]


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def load(label):
    results = json.load(open(f"{work}/{label}.json"))["results"]
    rss = dict(line.rstrip("\n").split("\t", 1) for line in open(f"{work}/{label}.rss"))
    cmds = dict(line.rstrip("\n").split("\t", 1) for line in open(f"{work}/{label}.cmds"))
    return [
        {
            "name": r["command"],
            "median_ms": r["median"] * 1000,
            "mean_ms": r["mean"] * 1000,
            "stddev_ms": (r["stddev"] or 0) * 1000,
            "rss_kib": int(rss[r["command"]]),
            "command": cmds[r["command"]],
        }
        for r in results
    ]


def load_trust(label):
    """The rounds of one trust suite, merged command by command."""
    import glob
    import statistics
    rounds = [json.load(open(path))["results"] for path in sorted(glob.glob(f"{work}/{label}-*.json"))]
    lines = open(f"{work}/{label}.cmds").read().splitlines()
    rows = []
    for i, command in enumerate(lines[1:]):
        results = [r[i] for r in rounds]
        times = [t for r in results for t in r["times"]]
        rows.append({
            "name": results[0]["command"],
            "median_ms": statistics.median(times) * 1000,
            "mean_ms": statistics.mean(times) * 1000,
            "stddev_ms": statistics.stdev(times) * 1000,
            "cpu_ms": sum((r["user"] + r["system"]) * len(r["times"]) for r in results) / len(times) * 1000,
            "runs": len(times),
            "command": command,
        })
    return lines[0], rows, len(rounds)


def trust_table(rows, out):
    base, base_cpu = rows[0]["median_ms"], rows[0]["cpu_ms"]
    out.append("| path | median wall | mean ± σ | ratio to `--cacert` | CPU, user + system (mean) | CPU ratio |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        out.append(f"| {r['name']} | {r['median_ms']:.2f} ms | {r['mean_ms']:.2f} ± {r['stddev_ms']:.2f} ms "
                   f"| {r['median_ms'] / base:.2f}× | {r['cpu_ms']:.2f} ms | {r['cpu_ms'] / base_cpu:.2f}× |")


def cpu_model():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def mem_total():
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return "unknown"


def table(rows, out):
    base = next(r for r in rows if r["name"] == "mobivate getkey")["median_ms"]
    out.append("| client | median wall | mean ± σ | ratio to mobivate | peak RSS |")
    out.append("|---|---:|---:|---:|---:|")
    for r in rows:
        out.append(
            f"| {r['name'].replace('|', chr(92) + '|')} | {r['median_ms']:.2f} ms | {r['mean_ms']:.2f} ± {r['stddev_ms']:.2f} ms "
            f"| {r['median_ms'] / base:.2f}× | {r['rss_kib'] / 1024:.1f} MiB |"
        )


def main():
    http, https = load("http"), load("https")
    version = json.load(open(f"{work}/version.json"))["results"][0]
    size = int(os.environ["SIZE"])
    rss_http = int(os.environ["MOB_RSS_HTTP"])
    rss_https = int(os.environ["MOB_RSS_HTTPS"])

    def med(rows, name):
        return next(r for r in rows if r["name"] == name)["median_ms"]

    trust_env, trust, rounds = load_trust("trust-bundle")
    dir_env, trust_dir, _ = load_trust("trust-dir")
    trust_ratio = trust[1]["median_ms"] / trust[0]["median_ms"]
    bloat = json.load(open(f"{work}/bloat.json"))

    http_ratio = med(http, "mobivate getkey") / med(http, "curl")
    https_ratio = med(https, "mobivate getkey") / med(https, "curl")
    targets = [
        ("median wall, http", "≤ 0.3× curl alone", f"{http_ratio:.2f}× curl", http_ratio <= 0.3),
        ("median wall, https (with `--cacert`)", "≤ 0.5× curl", f"{https_ratio:.2f}× curl", https_ratio <= 0.5),
        ("peak RSS", "≤ 5 MiB", f"{rss_http / 1024:.1f} MiB http, {rss_https / 1024:.1f} MiB https",
         max(rss_http, rss_https) <= 5 * 1024),
        ("median wall, https, default trust store", "≤ 1.3× `--cacert`", f"{trust_ratio:.2f}× `--cacert`",
         trust_ratio <= 1.3),
        ("stripped release binary", "≤ 3 MiB", f"{size / 1024 / 1024:.2f} MiB ({size} bytes)", size <= 3 * 1024 * 1024),
        ("`mobivate --version`", "≤ 2 ms median", f"{version['median'] * 1000:.2f} ms", version["median"] <= 0.002),
    ]

    out = ["# Benchmarks", ""]
    out.append("`mobivate getkey` against the two clients in Mobivate's documentation (`curl`, and Python "
               "`requests`), measured side by side in one run of `bench/run.sh` against the mock API from "
               "`examples/mock_api/` on 127.0.0.1. Regenerate this file with `bash bench/run.sh` "
               "(`RUNS=N` and `WARMUP=N` change the counts). It installs hyperfine, jq, curl, openssl, "
               "GNU time, requests and cargo-bloat where they are missing, builds the release binary, and "
               "makes a fresh CA for the https run. Nothing here runs in CI or asserts a time.")
    out.append("")
    out.append("## Machine")
    out.append("")
    out.append(f"- CPU: {cpu_model()}, {os.cpu_count()} cores; memory {mem_total()}")
    out.append(f"- OS: {platform.platform()}")
    out.append(f"- {sh('rustc --version')}; {sh('hyperfine --version')}")
    out.append(f"- {sh('curl --version | head -n1')}")
    requests_version = sh("python3 -c 'import requests; print(requests.__version__)'")
    out.append(f"- {sh('jq --version')}; Python {platform.python_version()}, requests {requests_version}")
    out.append(f"- load average when the run started: {os.environ.get('LOADAVG_START', '?')} "
               "(other jobs share the machine; the CPU columns below are less sensitive to them than wall time)")
    out.append(f"- {RUNS} runs after {WARMUP} warm-up runs per command, all commands of a table in one "
               "`hyperfine -N` invocation (no shell around them; the `curl | jq` pipeline runs in its own `sh -c`)")
    out.append("")
    out.append("## Targets")
    out.append("")
    out.append("| measure | target | measured | met |")
    out.append("|---|---|---|---|")
    for measure, target, measured, met in targets:
        out.append(f"| {measure} | {target} | {measured} | {'yes' if met else '**no**'} |")
    out.append("")
    out.append("Peak RSS is `/usr/bin/time -v`'s maximum resident set size, for each command run once as "
               "timed; for the pipeline it is its largest process.")
    for label, rows, url in (("Plain http", http, os.environ["HTTP_URL"]),
                             ("https with a generated CA (`--cacert`)", https, os.environ["HTTPS_URL"])):
        out.append("")
        out.append(f"## {label}: `{url}`")
        out.append("")
        table(rows, out)
        out.append("")
        out.append("Commands, exactly as run (with `MOBIVATE_PASSWORD=demo-password` and `BENCH_CA` exported; "
                   "the temporary directory and ports are the run's own):")
        out.append("")
        out.append("```sh")
        for r in rows:
            out.append(r["command"])
        out.append("```")
    out.append("")
    out.append(f"`mobivate --version`: median {version['median'] * 1000:.2f} ms over {len(version['times'])} runs "
               f"(`hyperfine -N`, no shell).")

    out.append("")
    out.append("## The default trust store against `--cacert`")
    out.append("")
    out.append("The same https server and CA. Most users pass no `--cacert`, so the default path must cost "
               "about the same. To have the system store trust the bench CA without touching the machine, the "
               f"CA is added to a copy of `{os.environ['SYS_BUNDLE']}` given as `SSL_CERT_FILE`, and "
               f"`SSL_CERT_DIR` is the system's hashed directory `{os.environ['SYS_DIR']}`: the files the "
               "default path reads when nothing is set (`-v` shows them). The bundle is read and each of its "
               "certificates parsed once; the directory is read only if the bundle's roots do not verify the "
               "server. Before that change, the directory (every file in it, mostly copies of the bundle) "
               "was read on every run: issue 9 measured 10 ms against 3.8 ms, 2.6×. Each table is "
               f"{rounds} rounds of `hyperfine -N` over all its commands, {trust[0]['runs']} runs per command "
               "in all, so that a change in the machine's load falls on every command alike; the CPU columns "
               "(hyperfine's user and system time) are the steadier comparison when the machine is shared.")
    if os.environ.get("BEFORE"):
        out.append("")
        out.append(f"The last row of each table is `BEFORE={os.environ['BEFORE']}`: "
                   f"{os.environ.get('BEFORE_NOTE') or 'an earlier build, given to bench/run.sh'}.")
    out.append("")
    trust_table(trust, out)
    out.append("")
    out.append("When the CA is only in a hashed directory (`SSL_CERT_FILE` the system bundle, `SSL_CERT_DIR` "
               "a directory holding the CA, then the system's), the bundle fails to verify the server and the "
               "directories are read before the handshake goes on. That is the slow path, taken only by CAs "
               "that are not in the bundle:")
    out.append("")
    trust_table(trust_dir, out)
    out.append("")
    out.append("Commands, exactly as run, with the environment of each table:")
    out.append("")
    out.append("```sh")
    for env, rows in ((trust_env, trust), (dir_env, trust_dir)):
        out.append(f"export {env}")
        for r in rows:
            out.append(r["command"])
    out.append("```")

    out.append("")
    out.append("## Binary size: what each crate adds")
    out.append("")
    text = bloat["text-section-size"]
    out.append(f"The stripped release binary is {size / 1024 / 1024:.2f} MiB ({size} bytes). The table is "
               "`cargo bloat --release --crates` on the same build left unstripped (its file is "
               f"{bloat['file-size'] / 1024 / 1024:.2f} MiB with symbols): the machine code in `.text`, "
               f"{text / 1024:.0f} KiB in all, by the crate each function's symbol names. With LTO, code "
               "inlined across crates counts where it ended up, so read the small rows as rough; data "
               "(tables, strings) is in other sections and not counted. `std` is Rust's standard library; "
               "`[Unknown]` is code without a crate in its name.")
    out.append("")
    out.append("| crate | `.text` | share of `.text` |")
    out.append("|---|---:|---:|")
    shown = [c for c in bloat["crates"] if c["size"] >= 4 * 1024]
    for c in shown:
        out.append(f"| {c['name']} | {c['size'] / 1024:.1f} KiB | {c['size'] / text * 100:.1f} % |")
    rest = [c for c in bloat["crates"] if c["size"] < 4 * 1024]
    if rest:
        rest_size = sum(c["size"] for c in rest)
        out.append(f"| {len(rest)} smaller crates | {rest_size / 1024:.1f} KiB | {rest_size / text * 100:.1f} % |")
    out.append("")
    print("\n".join(out))


RUNS = os.environ.get("RUNS", "?")
WARMUP = os.environ.get("WARMUP", "?")

if __name__ == "__main__":
    sys.exit(main())
