"""What each Rust package of the examples' workspace brings in and costs to build, for data/benchmarks.yml:
its crates from crates.io (from `cargo metadata`), the time of a release build of it alone into an empty target
folder, and the size of what it builds; and the first build of the whole workspace, the cold cost that a
fresh checkout pays once. The crates are downloaded beforehand (`cargo fetch --locked`), so no figure
includes the network."""

from __future__ import annotations

import json
import subprocess
import tempfile
import time
from pathlib import Path

from content.models import Example
from content.toolchain import CARGO_FLAGS
from tools import examples


def roles(tasks: list[Example]) -> dict[str, tuple[str, str]]:
    """package: (example id, role) for every package the examples name."""
    found = {}
    for e in tasks:
        found[examples.package_of(e.rust)] = (e.id, "program")
        if e.hot_path:
            found[examples.package_of(e.hot_path.library)] = (e.id, "ctypes-library")
            if e.hot_path.extension:
                found[examples.package_of(e.hot_path.extension.module)] = (e.id, "pyo3-extension")
    return found


def crates(cargo: str) -> dict[str, tuple[list[dict], int]]:
    """package: (its direct crates.io dependencies, how many crates.io crates it builds with)."""
    metadata = json.loads(subprocess.run(
        [cargo, "metadata", "--format-version", "1", "--offline", "--locked", "--manifest-path",
         str(examples.WORKSPACE)], capture_output=True, text=True, check=True).stdout)
    packages = {p["id"]: p for p in metadata["packages"]}
    # Normal and build dependencies; dev-dependencies are not built by `cargo build`.
    deps = {node["id"]: [d["pkg"] for d in node["deps"] if any(k["kind"] in (None, "build") for k in d["dep_kinds"])]
            for node in metadata["resolve"]["nodes"]}

    def from_registry(ident: str) -> bool:
        return (packages[ident].get("source") or "").startswith("registry+")

    found = {}
    for member in metadata["workspace_members"]:
        seen, stack = set(), list(deps[member])
        while stack:
            ident = stack.pop()
            if ident not in seen:
                seen.add(ident)
                stack.extend(deps[ident])
        direct = sorted(({"name": packages[d]["name"], "version": packages[d]["version"]}
                         for d in deps[member] if from_registry(d)), key=lambda d: d["name"])
        found[packages[member]["name"]] = (direct, sum(map(from_registry, seen)))
    return found


def _cold_build(cargo: str, *args: str, package: str | None = None) -> tuple[float, int]:
    """Seconds for the build, and the size of what it built for `package`."""
    with tempfile.TemporaryDirectory() as target:
        start = time.perf_counter()
        build = examples.cargo_build(cargo, "build", *args, target_dir=Path(target))
        seconds = time.perf_counter() - start
        artifact = package and (build.executables.get(package) or build.libraries[package])
        return seconds, artifact.stat().st_size if artifact else 0


def measure(cargo: str, tasks: list[Example]) -> dict:
    packages = []
    dependencies = crates(cargo)
    for package, (example, role) in roles(tasks).items():
        print(f"  building {package} alone", flush=True)
        seconds, size = _cold_build(cargo, f"--package={package}", package=package)
        direct, count = dependencies[package]
        packages.append({"package": package, "example": example, "role": role, "dependencies": direct,
                         "crates": count, "build_seconds": round(seconds, 2), "size_bytes": size})
    print("  building the whole workspace", flush=True)
    seconds, _ = _cold_build(cargo, "--workspace")
    return {"cargo": examples.tool_version(cargo), "command": f"cargo build {' '.join(CARGO_FLAGS)} --package=PACKAGE"
            " into an empty target folder", "workspace_seconds": round(seconds, 2), "packages": packages}
