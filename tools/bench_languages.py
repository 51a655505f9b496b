"""`make bench-languages`: time the benchmarked examples in Python and Rust, write data/benchmarks.yml.

Each program runs as a whole process, the way a reader would run it, and the time is wall-clock from start to
exit: interpreter start-up is included, compilation is not (Rust is built once with `rustc -O` beforehand).
Every program runs `--warmup` times untimed, then `--runs` times, the languages taking turns so that a change
in machine load hits all of them alike. Every run's output must match the others', or nothing is written.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from macros.models import BenchmarksFile, Example
from tools import examples

FREE_THREADED = ("python3.14t", "python3.15t")
HEADER = """\
# yaml-language-server: $schema=../schemas/benchmarks.schema.json
# Written by `make bench-languages` (tools/bench_languages.py) from a real run; do not edit by hand.
# Times are wall-clock seconds per run of the whole program. The performance page draws its chart and
# table from this file. Rerun the command to refresh it; commit the result with the machine it ran on.
"""


class _Dumper(yaml.SafeDumper):
    """Block style, except that a list of plain values stays on one line: `runs: [0.41, 0.4, 0.42]`."""


_Dumper.add_representer(list, lambda dumper, items: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", items, flow_style=not any(isinstance(i, (dict, list)) for i in items)))


@dataclass
class Contender:
    runtime: dict
    command: list[str]  # the program and its arguments, without the example's own arguments


def python_contender(executable: str) -> Contender:
    probe = ("import sys, sysconfig; print(sys.version.split()[0]); print(sys.version.replace(chr(10), ' ')); "
             "print(bool(sysconfig.get_config_var('Py_GIL_DISABLED')))")
    number, version, free = subprocess.run([executable, "-c", probe], capture_output=True, text=True,
                                           check=True).stdout.splitlines()
    free_threaded = free == "True"
    name = f"CPython {number}" + (" free-threaded" if free_threaded else "")
    shown = os.path.relpath(executable, examples.ROOT) if executable.startswith(str(examples.ROOT)) else executable
    runtime = {"id": re.sub(r"[^a-z0-9]+", "-", name.lower()), "kind": "python-free-threaded" if free_threaded
               else "python", "name": name, "version": version, "command": f"{shown} main.py"}
    return Contender(runtime, [executable])


def rust_contender(rustc: str) -> Contender:
    version = examples.rustc_version(rustc)
    runtime = {"id": "rust", "kind": "rust", "name": "Rust " + version.split()[1], "version": version,
               "command": f"rustc {' '.join(examples.RUSTC_FLAGS)} main.rs && ./main"}
    return Contender(runtime, [])


def workload_input(example: Example, work: Path) -> Path | None:
    if not example.stdin:
        return None
    path = work / f"{example.id}.input"
    path.write_bytes((examples.ROOT / example.stdin).read_bytes() * example.benchmark.stdin_copies)
    return path


def commands(example: Example, contenders: list[Contender], rustc: str, work: Path) -> list[list[str]]:
    timed = example.model_copy(update={"args": example.benchmark.args})
    result = []
    for contender in contenders:
        if contender.runtime["kind"] == "rust":
            result.append(examples.rust_command(timed, examples.build_rust(example, rustc, work)))
        else:
            result.append(examples.python_command(timed, contender.command[0]))
    return result


def run_once(example: Example, command: list[str], stdin: Path | None) -> tuple[float, str]:
    start = time.perf_counter()
    result = examples.run(example, command, stdin, timeout=600)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} exited with {result.returncode}:\n{result.stderr}")
    return elapsed, result.stdout


def measure(example: Example, contenders: list[Contender], rustc: str, work: Path, warmup: int,
            runs: int) -> dict:
    stdin = workload_input(example, work)
    programs = commands(example, contenders, rustc, work)
    reference = None
    times: list[list[float]] = [[] for _ in programs]
    for round_number in range(warmup + runs):
        for program, samples in zip(programs, times, strict=True):
            elapsed, out = run_once(example, program, stdin)
            reference = out if reference is None else reference
            if out != reference:
                sys.exit(f"{example.id}: {' '.join(program)} printed something else than {' '.join(programs[0])}")
            if round_number >= warmup:
                samples.append(round(elapsed, 4))
    timings = [{"runtime": c.runtime["id"], "median": round(statistics.median(s), 5), "min": min(s), "max": max(s),
                "runs": s} for c, s in zip(contenders, times, strict=True)]
    return {"example": example.id, "workload": example.benchmark.workload, "timings": timings}


def machine() -> dict:
    cpu = platform.processor()
    if Path("/proc/cpuinfo").exists():
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), cpu)
    try:
        system = platform.freedesktop_os_release()["PRETTY_NAME"] + ", "
    except OSError:
        system = ""
    return {"cpu": cpu or "unknown", "cores": os.cpu_count() or 1,
            "os": f"{system}{platform.system()} {platform.release()} {platform.machine()}",
            "load_average": [round(load, 2) for load in os.getloadavg()]}


def report(results: list[dict], contenders: list[Contender]) -> None:
    names = [c.runtime["name"] for c in contenders]
    print("\n" + f"{'median seconds':<20}" + "".join(f"{name:>28}" for name in names))
    for result in results:
        cells = [f"{t['median']:.4f} ({t['min']:.4f}-{t['max']:.4f})" for t in result["timings"]]
        print(f"{result['example']:<20}" + "".join(f"{cell:>28}" for cell in cells))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per program (default: 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (default: 1)")
    parser.add_argument("--only", action="append", metavar="ID", help="time only this example (repeatable)")
    parser.add_argument("--python", action="append", default=[], metavar="EXE",
                        help="also time this Python interpreter (repeatable)")
    parser.add_argument("--output", type=Path, default=examples.ROOT / "data" / "benchmarks.yml")
    args = parser.parse_args(argv)

    tasks = [e for e in examples.load_examples() if e.benchmark and (not args.only or e.id in args.only)]
    if not tasks:
        return f"no benchmarked example matches {args.only}"
    try:
        rustc = examples.find_rustc()
    except examples.ToolMissing as error:
        return str(error)
    free_threaded = [path for name in FREE_THREADED if (path := shutil.which(name))]
    if not free_threaded:
        print(f"No free-threaded CPython on PATH (looked for {' and '.join(FREE_THREADED)}): "
              "timing the default build only.")
    pythons = list(dict.fromkeys([sys.executable, *args.python, *free_threaded]))
    contenders = [*map(python_contender, pythons), rust_contender(rustc)]
    data = {"date": datetime.date.today(), "command": shlex.join(["python", "-m", "tools.bench_languages", *argv]),
            "machine": machine(), "warmup_runs": args.warmup, "timed_runs": args.runs,
            "free_threaded_searched": list(FREE_THREADED), "runtimes": [c.runtime for c in contenders], "results": []}
    with tempfile.TemporaryDirectory() as work:
        for example in tasks:
            print(f"timing {example.id}: {example.benchmark.workload}", flush=True)
            data["results"].append(measure(example, contenders, rustc, Path(work), args.warmup, args.runs))
    BenchmarksFile.model_validate(data)
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
    args.output.write_text(HEADER + text)
    report(data["results"], contenders)
    print(f"\nwrote {os.path.relpath(args.output)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
