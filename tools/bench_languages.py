"""`make bench-languages`: time the benchmarked examples in Python and Rust, write data/benchmarks.yml.

Each program runs as a whole process, the way a reader would run it, and the time is wall-clock from start to
exit: interpreter start-up is included, compilation is not (the Cargo workspace is built once beforehand, and
the PyO3 extension into a wheel by maturin). Every CPython found on the machine is timed (see
tools/interpreters.py; a build with the JIT built in runs twice, JIT off and on), and an example with a hot
path also runs as Python calling its Rust library through ctypes and through the PyO3 extension. Every program
runs `--warmup` times untimed, then `--runs` times, the programs taking turns so that a change in machine load
hits all of them alike. Every run's output must match the others', or nothing is written. Then each
interpreter times single calls of the hot function, in Python, through ctypes and through PyO3, on a ladder of
input sizes (tools/probes/crossing.py); the parallel example runs with threads, processes and subinterpreters
(tools/probes/parallel.py) and as Rust with rayon, on one worker and on one per core; and each Rust package is
built alone into an empty target folder, to record its crates, build time and size (tools/rust_builds.py).

A busy machine distorts every figure, so nothing is written while the one-minute load average is above half
the cores, at the start or at the end (once the run's own processes have left the average), unless --force
is given; the file then records that it was forced.
"""

from __future__ import annotations

import argparse
import datetime
import json
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
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from content.benchmark_models import BenchmarksFile, Rung, break_even
from content.models import Example
from content.toolchain import CARGO_FLAGS
from tools import examples, interpreters, rust_builds

LADDER = (0, 1, 2, 3, 4, 5, 6, 8, 12, 16, 24, 32)
SAMPLE_SECONDS = 0.05  # each sample on the ladder makes enough calls to take at least this long
_CROSSING_PROBE = Path(__file__).resolve().parent / "probes" / "crossing.py"
_PARALLEL_PROBE = Path(__file__).resolve().parent / "probes" / "parallel.py"
PARALLEL_EXAMPLE = "parallel-cpu"
GNU_TIME = "/usr/bin/time"  # Debian's `time` package: peak memory of the Rust program
PARALLEL_WAYS = {"threads": (3, 11), "processes": (3, 11), "subinterpreters": (3, 14)}  # way: oldest Python
HEADER = """\
# yaml-language-server: $schema=../schemas/benchmarks.schema.json
# Written by `make bench-languages` (tools/bench_languages.py) from a real run; do not edit by hand.
# Times are wall-clock seconds per run of the whole program, or seconds per call on the `crossing` ladder.
# The performance page draws its charts, tables and quoted figures from this file. Rerun the command on a
# quiet machine to refresh it; commit the result with the machine it ran on.
"""


class _Dumper(yaml.SafeDumper):
    """Block style, except that a list of numbers stays on one line: `runs: [0.41, 0.4, 0.42]`."""


_Dumper.add_representer(list, lambda dumper, items: dumper.represent_sequence(
    "tag:yaml.org,2002:seq", items, flow_style=all(isinstance(i, (int, float)) for i in items) and bool(items)))


@dataclass
class Program:
    """One way to run an example: its command, extra environment and where its timings go."""

    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    runs: list[float] = field(default_factory=list)


def _shown(path: str) -> str:
    """A path as the page shows it: inside the project relative to it, under the home folder from ~."""
    for folder, shown in ((examples.ROOT, ""), (Path.home(), "~/")):
        if path.startswith(f"{folder}/"):
            return shown + path[len(str(folder)) + 1:]
    return path


def python_runtime(interpreter: interpreters.Interpreter) -> dict:
    kind = "python-free-threaded" if interpreter.free_threaded else "python"
    env = "".join(f"{key}={value} " for key, value in interpreter.env)
    return {"id": re.sub(r"[^a-z0-9]+", "-", interpreter.name.lower()).strip("-"), "kind": kind,
            "name": interpreter.name, "version": interpreter.full_version,
            "command": f"{env}{_shown(interpreter.executable)} main.py",
            "build": {"free_threaded": interpreter.free_threaded, "gil_enabled": interpreter.gil_enabled,
                      "jit_available": interpreter.jit_available, "jit_enabled": interpreter.jit_enabled,
                      "origin": interpreter.origin, "config_args": interpreter.config_args,
                      "pgo": interpreter.pgo, "lto": interpreter.lto}}


def rust_runtime(cargo: str) -> dict:
    version = examples.rustc_version(cargo)
    return {"id": "rust", "kind": "rust", "name": "Rust " + version.split()[1], "version": version,
            "command": f"cargo build {' '.join(CARGO_FLAGS)}, then each example's program in target/release/"}


def workload_input(example: Example, work: Path) -> Path | None:
    if not example.stdin:
        return None
    path = work / f"{example.id}.input"
    path.write_bytes((examples.ROOT / example.stdin).read_bytes() * example.benchmark.stdin_copies)
    return path


@dataclass
class Built:
    """The Rust side, built once: the workspace's programs and libraries, and the PyO3 wheel installed into a
    folder that every interpreter gets on PYTHONPATH (one abi3 wheel serves them all)."""

    build: examples.Build
    extension_path: Path | None


def install_extension(example: Example, work: Path) -> Path:
    """The PyO3 wheel built by maturin, installed (with pip, from the file) into a folder of its own."""
    maturin = shutil.which("maturin", path=str(Path(sys.executable).parent)) or shutil.which("maturin")
    if not maturin:
        raise examples.BuildFailed("maturin was not found next to this Python or on PATH: run `make "
                                   ".venv/.installed-test`, which installs the pinned one")
    print("building the PyO3 extension with maturin", flush=True)
    wheel = examples.build_wheel(maturin, example, work / "wheel")
    target = work / "pyo3-site"
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps",
                             "--disable-pip-version-check", "--target", str(target), str(wheel)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise examples.BuildFailed(f"pip could not install {wheel.name}:\n{result.stderr}")
    return target


def programs(example: Example, pythons: list[interpreters.Interpreter], built: Built
             ) -> tuple[list[Program], list[Program], list[Program]]:
    """The pure programs (one per Python, then Rust), the ctypes programs (one per Python, or none) and the PyO3
    programs (one per Python with the GIL, or none)."""
    timed = example.model_copy(update={"args": example.benchmark.args})
    pure = [Program(examples.python_command(timed, p.executable), dict(p.env)) for p in pythons]
    pure.append(Program(examples.rust_command(timed, examples.program(example, built.build))))
    if not example.hot_path:
        return pure, [], []
    env = examples.hot_path_env(example, examples.library(example, built.build))
    ctypes = [Program(examples.hot_path_command(timed, p.executable), {**env, **dict(p.env)}) for p in pythons]
    if not (example.hot_path.extension and built.extension_path):
        return pure, ctypes, []
    path = {"PYTHONPATH": str(built.extension_path)}
    pyo3 = [Program(examples.extension_command(timed, p.executable), {**path, **dict(p.env)})
            for p in pythons if not p.free_threaded]
    return pure, ctypes, pyo3


def run_once(example: Example, program: Program, stdin: Path | None) -> tuple[float, str]:
    start = time.perf_counter()
    result = examples.run(example, program.command, stdin, timeout=600, env=program.env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{shlex.join(program.command)} exited with {result.returncode}:\n{result.stderr}")
    return elapsed, result.stdout


def spread(samples: list[float]) -> dict:
    # An even count's median is a mean, 0.41500000000000004 say: six digits keep the file readable.
    return {"median": float(f"{statistics.median(samples):.6g}"), "min": min(samples), "max": max(samples),
            "runs": samples}


def measure(example: Example, pythons: list[interpreters.Interpreter], runtime_ids: list[str], built: Built,
            work: Path, warmup: int, runs: int) -> dict:
    stdin = workload_input(example, work)
    pure, hot_path, extension = programs(example, pythons, built)
    reference = None
    for round_number in range(warmup + runs):
        for program in [*pure, *hot_path, *extension]:
            elapsed, out = run_once(example, program, stdin)
            reference = out if reference is None else reference
            if out != reference:
                sys.exit(f"{example.id}: {shlex.join(program.command)} printed something else than "
                         f"{shlex.join(pure[0].command)}")
            if round_number >= warmup:
                program.runs.append(round(elapsed, 4))
    result = {"example": example.id, "workload": example.benchmark.workload,
              "timings": [{"runtime": i, **spread(p.runs)} for i, p in zip(runtime_ids, pure, strict=True)]}
    if hot_path:
        pythons_ids = runtime_ids[:len(hot_path)]
        result["hot_path"] = [{"runtime": i, **spread(p.runs)} for i, p in zip(pythons_ids, hot_path, strict=True)]
    if extension:
        gil_ids = [i for i, p in zip(runtime_ids, pythons, strict=False) if not p.free_threaded]
        result["extension"] = [{"runtime": i, **spread(p.runs)} for i, p in zip(gil_ids, extension, strict=True)]
    return result


def _significant(seconds: float) -> float:
    return float(f"{seconds:.4g}")


def crossing(example: Example, pythons: list[interpreters.Interpreter], runtime_ids: list[str], built: Built,
             samples: int, sizes: str) -> dict:
    """Seconds per call of the hot function in Python, through ctypes and through PyO3, per interpreter with the
    GIL (the abi3 wheel does not load on a free-threaded one)."""
    env = {**examples.hot_path_env(example, examples.library(example, built.build)),
           "PYTHONPATH": str(built.extension_path)}
    folder = examples.ROOT / Path(example.python).parent
    entries = []
    for interpreter, runtime_id in zip(pythons, runtime_ids[:len(pythons)], strict=True):
        if interpreter.free_threaded:
            continue
        print(f"  {interpreter.name}", flush=True)
        command = [interpreter.executable, str(_CROSSING_PROBE), str(folder), Path(example.python).stem,
                   Path(example.hot_path.python).stem, Path(example.hot_path.extension.python).stem,
                   example.hot_path.function, sizes, str(samples), str(SAMPLE_SECONDS)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=900,
                                env={**os.environ, **env, **dict(interpreter.env)})
        if result.returncode != 0:
            sys.exit(f"{shlex.join(command)} exited with {result.returncode}:\n{result.stderr}")
        # The probe says ctypes; the file's field for it is `rust`, its name from before the PyO3 figures.
        ladder = [{"size": rung["size"], **{key: {"calls": rung[way]["calls"],
                                                  **spread([_significant(s) for s in rung[way]["seconds"]])}
                                            for key, way in (("python", "python"), ("rust", "ctypes"),
                                                             ("pyo3", "pyo3"))}}
                  for rung in json.loads(result.stdout)]
        rungs = [Rung.model_validate(rung) for rung in ladder]
        entries.append({"runtime": runtime_id, "ladder": ladder, "break_even": break_even(rungs, "rust"),
                        "break_even_pyo3": break_even(rungs, "pyo3")})
    return {"example": example.id, "function": f"{example.hot_path.function}(a, b)",
            "input": "two different random words of lowercase ASCII letters, each of the rung's size",
            "samples": samples, "sample_seconds": SAMPLE_SECONDS, "interpreters": entries}


def parallel(example: Example, pythons: list[interpreters.Interpreter], runtime_ids: list[str], built: Built,
             runs: int) -> dict:
    """The parallel example's work on one worker and on one per core, each way on each interpreter that has
    it (JIT builds with the JIT off only), and in Rust with rayon; alternating, `runs` times each."""
    workers = os.cpu_count() or 1
    limit = example.benchmark.args[0]
    folder = examples.ROOT / Path(example.python).parent
    function = "count_primes"
    jobs = []  # (way, runtime id, command for a worker count, environment)
    for interpreter, runtime_id in zip(pythons, runtime_ids, strict=False):
        if interpreter.env:
            continue
        for way, oldest in PARALLEL_WAYS.items():
            if interpreter.version[:2] >= oldest and not (way == "threads" and interpreter.free_threaded):
                jobs.append((way, runtime_id, lambda n, i=interpreter, w=way: [
                    i.executable, str(_PARALLEL_PROBE), Path(example.python).stem, function, limit, w, str(n)],
                    {"PYTHONPATH": str(folder)}))
    binary = str(examples.program(example, built.build))
    jobs.append(("rayon", "rust", lambda n: [binary, limit], {}))
    results = {(way, runtime): {"one_worker": [], "all_workers": [], "startup": [], "memory": []}
               for way, runtime, _, _ in jobs}
    for _ in range(runs):
        for way, runtime, command, env in jobs:
            for count, key in ((1, "one_worker"), (workers, "all_workers")):
                timing = _parallel_run(way, command(count), {**env, "RAYON_NUM_THREADS": str(count)})
                results[way, runtime][key].append(round(timing["seconds"], 4))
                if key == "all_workers":
                    results[way, runtime]["startup"].append(_significant(timing["startup"]))
                    results[way, runtime]["memory"].append(timing["memory_kib"] / 1024)
            if way == "rayon":  # start-up: the whole program on nothing to do, one thread per core
                results[way, runtime]["startup"][-1] = _significant(
                    _parallel_run(way, [binary, "2"], {"RAYON_NUM_THREADS": str(workers)})["seconds"])
    return {"example": example.id, "workload": example.benchmark.workload, "workers": workers,
            "ways": [{"way": way, "runtime": runtime, "one_worker": spread(r["one_worker"]),
                      "all_workers": spread(r["all_workers"]), "startup": spread(r["startup"]),
                      "memory_mib": round(max(r["memory"]), 1)}
                     for (way, runtime), r in results.items()]}


def _parallel_run(way: str, command: list[str], env: dict[str, str]) -> dict:
    """One run: the probe's own report for Python; for Rust, wall-clock time, and peak memory from GNU time
    (the exec'ing process's ru_maxrss would include this big Python process's memory; time's is small)."""
    timed = [GNU_TIME, "--format", "%M", "--", *command] if way == "rayon" else command
    start = time.perf_counter()
    result = subprocess.run(timed, capture_output=True, text=True, env={**os.environ, **env}, timeout=900)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{shlex.join(timed)} exited with {result.returncode}:\n{result.stderr}")
    if way != "rayon":
        return json.loads(result.stdout)
    return {"seconds": elapsed, "startup": elapsed, "memory_kib": int(result.stderr.split()[-1])}


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
            "os": f"{system}{platform.system()} {platform.release()} {platform.machine()}"}


def load_average() -> list[float]:
    return [round(load, 2) for load in os.getloadavg()]


def settled_load(limit: float, patience: int = 120) -> list[float]:
    """The load once this run's own processes have left the one-minute average: it takes about a minute to
    decay from one busy core, so wait (up to `patience` seconds) for it to fall below the limit; only work
    from other processes keeps it up."""
    for _ in range(patience // 5):
        if (load := load_average())[0] <= limit:
            return load
        time.sleep(5)
    return load_average()


def busy(load: list[float], limit: float) -> str | None:
    """Why the figures would not be trustworthy, or None on a quiet machine."""
    if load[0] <= limit:
        return None
    return (f"the one-minute load average is {load[0]} on {os.cpu_count()} cores, above the limit of {limit} "
            "(half the cores): other work would distort the figures. Wait for a quiet machine, or pass --force "
            "(BENCH_ARGS=--force) to write them anyway, marked as forced on the page.")


def report(data: dict) -> None:
    names = [r["name"] for r in data["runtimes"]]
    print("\n" + f"{'median seconds':<20}" + "".join(f"{name:>28}" for name in names))
    for result in data["results"]:
        cells = [f"{t['median']:.4f} ({t['min']:.4f}-{t['max']:.4f})" for t in result["timings"]]
        print(f"{result['example']:<20}" + "".join(f"{cell:>28}" for cell in cells))
        if result.get("hot_path"):
            cells = [f"{t['median']:.4f} ({t['min']:.4f}-{t['max']:.4f})" for t in result["hot_path"]]
            print(f"{'  with Rust inside':<20}" + "".join(f"{cell:>28}" for cell in cells))
    for entry in (data.get("crossing") or {}).get("interpreters", []):
        for binding, key, bridge in (("rust", "break_even", "ctypes"), ("pyo3", "break_even_pyo3", "PyO3")):
            overhead = entry["ladder"][0][binding]["median"] * 1e6
            print(f"{entry['runtime']}: a call into Rust through {bridge} that does no work takes {overhead:.2f} µs; "
                  f"Rust wins from size {entry[key]}")
    if runs := data.get("parallel"):
        for way in runs["ways"]:
            speedup = way["one_worker"]["median"] / way["all_workers"]["median"]
            print(f"{way['way']:>16} on {way['runtime']}: {speedup:.2f}× on {runs['workers']} workers, start-up "
                  f"{way['startup']['median'] * 1000:.1f} ms, {way['memory_mib']} MiB")
    if builds := data.get("rust_builds"):
        print(f"first build of the whole workspace: {builds['workspace_seconds']} s")


def main(argv: list[str]) -> int | str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per program (default: 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (default: 1)")
    parser.add_argument("--samples", type=int, default=7, help="timed samples per rung of the ladder (default: 7)")
    parser.add_argument("--parallel-runs", type=int, default=5,
                        help="timed runs of each way on the parallel example (default: 5)")
    parser.add_argument("--sizes", default=",".join(map(str, LADDER)),
                        help="word sizes on the ladder of single calls, from 0 up (default: %(default)s)")
    parser.add_argument("--only", action="append", metavar="ID", help="time only this example (repeatable)")
    parser.add_argument("--python", action="append", default=[], metavar="EXE",
                        help="also consider this Python interpreter (repeatable)")
    parser.add_argument("--force", action="store_true", help="write the results even on a busy machine")
    parser.add_argument("--output", type=Path, default=examples.ROOT / "data" / "benchmarks.yml")
    args = parser.parse_args(argv)

    limit = (os.cpu_count() or 1) / 2
    before = load_average()
    if (problem := busy(before, limit)) and not args.force:
        return f"Not timing: {problem}"
    tasks = [e for e in examples.load_examples() if e.benchmark and (not args.only or e.id in args.only)]
    if not tasks:
        return f"no benchmarked example matches {args.only}"
    try:
        cargo = examples.find_cargo()
        print("building the Rust examples", flush=True)
        build = examples.build_examples(cargo)
    except (examples.ToolMissing, examples.BuildFailed) as error:
        return str(error)
    pythons, notes = interpreters.find([sys.executable, *args.python])
    print("Timing " + ", ".join(p.name for p in pythons) + "; left out:\n  " + "\n  ".join(notes), flush=True)
    runtimes = [*map(python_runtime, pythons), rust_runtime(cargo)]
    ids = [runtime["id"] for runtime in runtimes]
    data = {"date": datetime.date.today(), "command": shlex.join(["python", "-m", "tools.bench_languages", *argv]),
            "machine": machine(), "load": {}, "warmup_runs": args.warmup, "timed_runs": args.runs,
            "searched": list(interpreters.SEARCHED), "runtimes": runtimes, "results": []}
    if not args.only:  # first: its compilers use every core, which the end-of-run load check should not see
        print("building each Rust package alone", flush=True)
        data["rust_builds"] = rust_builds.measure(cargo, examples.load_examples())
    with tempfile.TemporaryDirectory() as work:
        hot = next((e for e in tasks if e.hot_path), None)
        try:
            built = Built(build, install_extension(hot, Path(work)) if hot and hot.hot_path.extension else None)
        except examples.BuildFailed as error:
            return str(error)
        for example in tasks:
            print(f"timing {example.id}: {example.benchmark.workload}", flush=True)
            data["results"].append(measure(example, pythons, ids, built, Path(work), args.warmup, args.runs))
        if shared := next((e for e in tasks if e.id == PARALLEL_EXAMPLE), None):
            print(f"timing {shared.id} with threads, processes, subinterpreters and rayon", flush=True)
            data["parallel"] = parallel(shared, pythons, ids, built, args.parallel_runs)
        if hot and built.extension_path:  # last: one process on one core
            print(f"timing single calls of {hot.hot_path.function}() on sizes {args.sizes}", flush=True)
            data["crossing"] = crossing(hot, pythons, ids, built, args.samples, args.sizes)
    after = load_average() if args.force else settled_load(limit)  # forced: nothing to wait for
    if (problem := busy(after, limit)) and not args.force:
        return f"Not writing {os.path.relpath(args.output)}: {problem}"
    data["load"] = {"before": before, "after": after, "limit": limit,
                    "forced": bool(busy(before, limit) or busy(after, limit))}
    text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110)
    try:
        BenchmarksFile.model_validate(data)
    except ValueError as error:
        kept = examples.ROOT / ".cache" / "benchmarks-rejected.yml"
        kept.parent.mkdir(exist_ok=True)
        kept.write_text(HEADER + text)
        return (f"Not writing {os.path.relpath(args.output)}: the results do not fit the schema (kept in {kept}):"
                f"\n{error}")
    args.output.write_text(HEADER + text)
    report(data)
    print(f"\nwrote {os.path.relpath(args.output)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
