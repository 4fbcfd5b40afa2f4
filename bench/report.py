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

    http_ratio = med(http, "mobivate getkey") / med(http, "curl")
    https_ratio = med(https, "mobivate getkey") / med(https, "curl")
    targets = [
        ("median wall, http", "≤ 0.3× curl alone", f"{http_ratio:.2f}× curl", http_ratio <= 0.3),
        ("median wall, https (with `--cacert`)", "≤ 0.5× curl", f"{https_ratio:.2f}× curl", https_ratio <= 0.5),
        ("peak RSS", "≤ 5 MiB", f"{rss_http / 1024:.1f} MiB http, {rss_https / 1024:.1f} MiB https",
         max(rss_http, rss_https) <= 5 * 1024),
        ("stripped release binary", "≤ 3 MiB", f"{size / 1024 / 1024:.2f} MiB ({size} bytes)", size <= 3 * 1024 * 1024),
        ("`mobivate --version`", "≤ 2 ms median", f"{version['median'] * 1000:.2f} ms", version["median"] <= 0.002),
    ]

    out = ["# Benchmarks", ""]
    out.append("`mobivate getkey` against the two clients in Mobivate's documentation (`curl`, and Python "
               "`requests`), measured side by side in one run of `bench/run.sh` against the mock API from "
               "`examples/mock_api/` on 127.0.0.1. Regenerate this file with `bash bench/run.sh` "
               "(`RUNS=N` and `WARMUP=N` change the counts). It installs hyperfine, jq, curl, openssl, "
               "GNU time and requests where they are missing, builds the release binary, and makes a fresh "
               "CA for the https run. Nothing here runs in CI or asserts a time.")
    out.append("")
    out.append("## Machine")
    out.append("")
    out.append(f"- CPU: {cpu_model()}, {os.cpu_count()} cores; memory {mem_total()}")
    out.append(f"- OS: {platform.platform()}")
    out.append(f"- {sh('rustc --version')}; {sh('hyperfine --version')}")
    out.append(f"- {sh('curl --version | head -n1')}")
    requests_version = sh("python3 -c 'import requests; print(requests.__version__)'")
    out.append(f"- {sh('jq --version')}; Python {platform.python_version()}, requests {requests_version}")
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
    print("\n".join(out))


RUNS = os.environ.get("RUNS", "?")
WARMUP = os.environ.get("WARMUP", "?")

if __name__ == "__main__":
    sys.exit(main())
