"""Drives the cold-start benchmark through the local Lambda emulator (run by benchmarks/coldstart.sh).

Starts `DrLambdas.LambdaEmulator serve` with the AOT and the JIT bootstrap as two functions, then for each
run and variant: stops the function's process, invokes once (cold) and --warm more times (warm), reading
the emulator's measurement headers and, after the cold invocation, the CPU time the bootstrap has used.
Prints a Markdown table and writes it with the raw samples as JSON.
"""

import argparse
import io
import json
import math
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile

VARIANTS = ("aot", "jit")
HEADER_COLD = "X-DrLambdas-Start-To-Response-Ms"
HEADER_INIT = "X-DrLambdas-Init-Duration-Ms"
HEADER_DURATION = "X-DrLambdas-Duration-Ms"
HEADER_MEMORY = "X-DrLambdas-Max-Memory-Used-Kb"
HEADER_STATUS = "X-DrLambdas-Status"
GOAL_RATIO = 8.0
GOAL_RSS_MB = 40.0
GOAL_ZIP_MB = 10.0


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--name", required=True)
    parser.add_argument("--emulator", required=True)
    parser.add_argument("--aot", required=True)
    parser.add_argument("--jit", required=True)
    parser.add_argument("--event", required=True)
    parser.add_argument("--env-file")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warm", type=int, default=5)
    parser.add_argument("--rid", default="linux-x64")
    parser.add_argument("--report", required=True, help="path prefix of the .md and .json reports")
    return parser.parse_args()


def percentile(samples, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def summarize(samples):
    return {
        "median": statistics.median(samples),
        "p90": percentile(samples, 0.9),
        "min": min(samples),
        "max": max(samples),
        "count": len(samples),
    }


def zip_size(paths, base):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in paths:
            archive.write(path, os.path.relpath(path, base))
    return buffer.tell()


def package_files(bootstrap, variant):
    if variant == "aot":
        return [bootstrap]
    directory = os.path.dirname(bootstrap)
    return [
        os.path.join(folder, name)
        for folder, _, names in os.walk(directory)
        for name in names
        if not name.endswith((".pdb", ".xml", ".dbg"))
    ]


def process_cpu_ms(pid):
    """CPU time (user + system, all threads, also exited ones) a process has used so far, in ms.

    Reads the process's POSIX CPU-time clock (the clock id clock_getcpuclockid(3) returns), which is exact to the
    nanosecond, unlike the clock ticks of /proc/PID/stat.
    """
    return time.clock_gettime_ns(((~pid) << 3) | 2) / 1e6


def child_running(parent_pid, executable):
    """The pid of the child of parent_pid that runs executable, or None."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            if parent == parent_pid and os.path.realpath(f"/proc/{entry}/exe") == executable:
                return int(entry)
        except (OSError, IndexError, ValueError):
            continue
    return None


class Emulator:
    def __init__(self, arguments):
        command = [
            "dotnet", arguments.emulator, "serve", "--port", "0", "--max-instances", "1", "--memory", "128",
            "--function", f"aot={arguments.aot}", "--function", f"jit={arguments.jit}",
        ]
        if arguments.env_file:
            command += ["--env-file", arguments.env_file]
        self.log = open(arguments.report + ".emulator.log", "w", encoding="utf-8")
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=self.log, text=True)
        ready = self.process.stdout.readline()
        if not ready:
            raise SystemExit(f"coldstart: the emulator did not start; see {self.log.name}")
        self.base_url = json.loads(ready)["baseUrl"]

    def reset(self, function):
        request = urllib.request.Request(f"{self.base_url}/_emulator/functions/{function}/instances", method="DELETE")
        with urllib.request.urlopen(request) as response:
            response.read()

    def invoke(self, function, payload):
        request = urllib.request.Request(
            f"{self.base_url}/2015-03-31/functions/{function}/invocations", data=payload, method="POST")
        with urllib.request.urlopen(request) as response:
            body = response.read()
            return response.headers, body

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def run(arguments, emulator, payload):
    samples = {variant: {"cold": [], "init": [], "cold_cpu": [], "warm": [], "rss_kb": [], "errors": 0}
               for variant in VARIANTS}
    bootstraps = {"aot": os.path.realpath(arguments.aot), "jit": os.path.realpath(arguments.jit)}
    first_error = {}
    # Round 0 warms the emulator's own (JIT) code paths; it is not recorded.
    for round_number in range(arguments.runs + 1):
        order = VARIANTS if round_number % 2 == 0 else tuple(reversed(VARIANTS))
        for variant in order:
            emulator.reset(variant)
            headers, body = emulator.invoke(variant, payload)
            status = headers.get(HEADER_STATUS)
            if status == "InitError":
                raise SystemExit(f"coldstart: {variant} failed to initialize: {body.decode(errors='replace')}")
            record = round_number > 0
            if status != "Success":
                first_error.setdefault(variant, body.decode(errors="replace")[:300])
                if record:
                    samples[variant]["errors"] += 1
            if record:
                samples[variant]["cold"].append(float(headers[HEADER_COLD]))
                samples[variant]["init"].append(float(headers[HEADER_INIT]))
                pid = child_running(emulator.process.pid, bootstraps[variant])
                if pid is not None:
                    samples[variant]["cold_cpu"].append(process_cpu_ms(pid))
            for _ in range(arguments.warm):
                headers, body = emulator.invoke(variant, payload)
                if headers.get(HEADER_STATUS) != "Success":
                    first_error.setdefault(variant, body.decode(errors="replace")[:300])
                    if record:
                        samples[variant]["errors"] += 1
                if record:
                    samples[variant]["warm"].append(float(headers[HEADER_DURATION]))
            if record and headers.get(HEADER_MEMORY):
                samples[variant]["rss_kb"].append(int(headers[HEADER_MEMORY]))
        print(f"   run {round_number}/{arguments.runs}" + (" (warm-up, not recorded)" if round_number == 0 else ""),
              file=sys.stderr)
    return samples, first_error


def report(arguments, samples, first_error, load):
    sizes = {}
    for variant, bootstrap in (("aot", arguments.aot), ("jit", arguments.jit)):
        files = package_files(bootstrap, variant)
        sizes[variant] = {
            "bootstrap_bytes": os.path.getsize(bootstrap),
            "package_bytes": sum(os.path.getsize(path) for path in files),
            "zip_bytes": zip_size(files, os.path.dirname(bootstrap)),
        }
    stats = {
        variant: {
            "cold_ms": summarize(samples[variant]["cold"]),
            "init_ms": summarize(samples[variant]["init"]),
            "cold_cpu_ms": summarize(samples[variant]["cold_cpu"]) if samples[variant]["cold_cpu"] else None,
            "warm_ms": summarize(samples[variant]["warm"]),
            "peak_rss_mb": max(samples[variant]["rss_kb"]) / 1024 if samples[variant]["rss_kb"] else None,
            "errors": samples[variant]["errors"],
            **sizes[variant],
        }
        for variant in VARIANTS
    }
    ratio_cold = stats["jit"]["cold_ms"]["median"] / stats["aot"]["cold_ms"]["median"]
    ratio_warm = stats["jit"]["warm_ms"]["median"] / stats["aot"]["warm_ms"]["median"]
    mb = 1024 * 1024

    def row(label, key, unit="ms"):
        aot, jit = stats["aot"][key], stats["jit"][key]
        return (f"| {label} | {aot['median']:.1f} / {aot['p90']:.1f} {unit} | {jit['median']:.1f} / {jit['p90']:.1f} {unit} "
                f"| {jit['median'] / aot['median']:.1f}× |")

    aot_rss, jit_rss = stats["aot"]["peak_rss_mb"], stats["jit"]["peak_rss_mb"]
    lines = [
        f"### {arguments.name} ({arguments.rid}, {arguments.runs} interleaved runs, {arguments.warm} warm invokes each)",
        "",
        "| | Native AOT (median / p90) | JIT (median / p90) | JIT ÷ AOT |",
        "|---|---|---|---|",
        row("cold start (process start → response)", "cold_ms"),
        row("init (process start → first /next)", "init_ms"),
        row("CPU time of the cold start (user + system)", "cold_cpu_ms")
        if stats["aot"]["cold_cpu_ms"] and stats["jit"]["cold_cpu_ms"] else "| CPU time of the cold start | n/a | n/a | |",
        row("warm invoke", "warm_ms"),
        f"| peak RSS | {aot_rss:.1f} MB | {jit_rss:.1f} MB | |" if aot_rss and jit_rss else "| peak RSS | n/a | n/a | |",
        f"| bootstrap size | {stats['aot']['bootstrap_bytes'] / mb:.1f} MB | {stats['jit']['package_bytes'] / mb:.1f} MB (publish dir) | |",
        f"| zip size | {stats['aot']['zip_bytes'] / mb:.1f} MB | {stats['jit']['zip_bytes'] / mb:.1f} MB | |",
        "",
        f"Goals: AOT cold start ≥ {GOAL_RATIO:.0f}× faster than JIT: **{'met' if ratio_cold >= GOAL_RATIO else 'NOT met'}** "
        f"({ratio_cold:.1f}×); peak RSS ≤ {GOAL_RSS_MB:.0f} MB: **{'met' if aot_rss and aot_rss <= GOAL_RSS_MB else 'NOT met'}**; "
        f"zip ≤ {GOAL_ZIP_MB:.0f} MB: **{'met' if stats['aot']['zip_bytes'] <= GOAL_ZIP_MB * mb else 'NOT met'}**.",
        "",
        f"{os.cpu_count()} CPUs, 1-minute load average {load['start']:.2f} at the start and {load['end']:.2f} at the end.",
    ]
    for variant in VARIANTS:
        if stats[variant]["errors"]:
            lines += ["", f"Warning: {stats[variant]['errors']} {variant} invocations returned a function error, "
                          f"e.g. {first_error[variant]}"]
    table = "\n".join(lines)
    print(table)
    with open(arguments.report + ".md", "w", encoding="utf-8") as markdown:
        markdown.write(table + "\n")
    with open(arguments.report + ".json", "w", encoding="utf-8") as raw:
        json.dump({"function": arguments.name, "rid": arguments.rid, "runs": arguments.runs, "warm": arguments.warm,
                   "event": arguments.event, "cpus": os.cpu_count(), "load_average": load,
                   "ratio_cold": ratio_cold, "ratio_warm": ratio_warm, "stats": stats, "samples": samples}, raw, indent=2)


def load_average():
    """The 1-minute load average: the benchmark shares the machine, so the report says how busy it was."""
    with open("/proc/loadavg", encoding="ascii") as loadavg:
        return float(loadavg.read().split()[0])


def main():
    arguments = parse_arguments()
    with open(arguments.event, "rb") as event:
        payload = event.read()
    load = {"start": load_average()}
    emulator = Emulator(arguments)
    try:
        samples, first_error = run(arguments, emulator, payload)
    except urllib.error.URLError as error:
        raise SystemExit(f"coldstart: the emulator failed: {error}")
    finally:
        emulator.close()
    load["end"] = load_average()
    report(arguments, samples, first_error, load)


if __name__ == "__main__":
    main()
