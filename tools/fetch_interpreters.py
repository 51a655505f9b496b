"""`make interpreters`: put Debian unstable's CPython builds, with the libraries they need, into
.cache/interpreters/, without installing anything.

apt downloads the packages with a private configuration: the machine's own Debian mirror (read from its apt
sources) with the suite set to unstable, and its own state, cache and (empty) package status under
.cache/interpreters/apt/. The system's sources list and package database are left alone. `dpkg -x` unpacks
each package into .cache/interpreters/root/. The binaries need unstable's C library, so each runs through
that library's own loader: `run-python3.X`, next to `python3.X` in .cache/interpreters/root/usr/bin/, is a
small script that starts it with `ld-linux-x86-64.so.2 --library-path ...`; tools/interpreters.py finds them
there. (Next to it, because Python finds its standard library from the path it was started as.)
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "interpreters"
VERSIONS = ("3.13", "3.14", "3.15")
SUITE = "unstable"
# Where Debian's multiarch libraries live inside the unpacked tree (unstable has merged /lib into /usr/lib), and
# its loader.
_LIBRARY_DIR = "usr/lib/x86_64-linux-gnu"
_LOADER = f"{_LIBRARY_DIR}/ld-linux-x86-64.so.2"
_LAUNCHER = """\
#!/bin/sh
# Written by `make interpreters` (tools/fetch_interpreters.py): Debian unstable's python{version}, started by the
# loader of unstable's C library, which this machine's older one cannot replace. --argv0 keeps sys.executable
# pointing here, so that subprocesses (multiprocessing's workers) start the same way.
root="$(dirname "$0")/../.."
exec "$root/{loader}" --library-path "{library_path}" --argv0 "$0" "$root/usr/bin/python{version}" "$@"
"""


class FetchFailed(Exception):
    """apt or dpkg could not do its part; the message says which command and why."""


def mirrors(sources_dir: Path = Path("/etc/apt/sources.list.d"),
            sources_list: Path = Path("/etc/apt/sources.list")) -> list[tuple[str, str | None]]:
    """(URI, Signed-By) of each Debian archive the machine's apt uses for its main release, not for its
    security or updates suites. Reads deb822 `.sources` files and the one-line format."""
    codename = platform.freedesktop_os_release().get("VERSION_CODENAME", "")
    found = []
    for path in sorted(sources_dir.glob("*.sources")):
        for stanza in re.split(r"\n\s*\n", path.read_text()):
            fields = dict(re.findall(r"^([A-Za-z-]+):\s*(.*)$", stanza, re.M))
            if "deb" in fields.get("Types", "").split() and codename in fields.get("Suites", "").split() \
                    and fields.get("Enabled", "yes") != "no":
                found += [(uri, fields.get("Signed-By")) for uri in fields.get("URIs", "").split()]
    lines = [*(sources_list.read_text().splitlines() if sources_list.exists() else []),
             *(line for path in sorted(sources_dir.glob("*.list")) for line in path.read_text().splitlines())]
    for line in lines:
        match = re.match(r"^deb\s+(?:\[(?P<options>[^]]*)\]\s+)?(?P<uri>\S+)\s+(?P<suite>\S+)", line.strip())
        if match and match["suite"] == codename:
            signed = re.search(r"signed-by=(\S+)", match["options"] or "")
            found.append((match["uri"], signed and signed[1]))
    return list(dict.fromkeys(found))


def unstable_sources(archives: list[tuple[str, str | None]]) -> str:
    stanzas = []
    for uri, signed_by in archives:
        signed = f"Signed-By: {signed_by}\n" if signed_by else ""
        stanzas.append(f"Types: deb\nURIs: {uri}\nSuites: {SUITE}\nComponents: main\n{signed}")
    return "\n".join(stanzas)


def apt_options(apt: Path) -> list[str]:
    settings = {"Dir::Etc::SourceList": "/dev/null", "Dir::Etc::SourceParts": apt / "sources.list.d",
                "Dir::Etc::Preferences": "/dev/null", "Dir::Etc::PreferencesParts": apt / "preferences.d",
                "Dir::State": apt / "state", "Dir::State::status": apt / "status", "Dir::Cache": apt / "cache",
                "Acquire::IndexTargets::deb::DEP-11::DefaultEnabled": "false",
                "Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled": "false"}
    return [option for key, value in settings.items() for option in ("-o", f"{key}={value}")]


def _run(command: list[str], **kwargs) -> str:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        raise FetchFailed(f"{shlex.join(map(str, command))} exited with {result.returncode}:\n"
                          f"{result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


def packages(options: list[str], wanted: list[str]) -> list[str]:
    """`name=version` of every package the wanted ones need, as apt resolves them against an empty system."""
    plan = _run(["apt-get", *options, "install", "--simulate", "--no-install-recommends", *wanted])
    return [f"{name}={version}" for name, version in re.findall(r"^Inst (\S+) \((\S+) ", plan, re.M)]


def launcher(version: str) -> str:
    return _LAUNCHER.format(version=version, loader=_LOADER, library_path=f"$root/{_LIBRARY_DIR}")


def fetch(cache: Path, versions: tuple[str, ...]) -> list[Path]:
    apt, debs, root = cache / "apt", cache / "debs", cache / "root"
    for folder in (apt / "sources.list.d", apt / "preferences.d", apt / "state" / "lists" / "partial",
                   apt / "cache" / "archives" / "partial", debs):
        folder.mkdir(parents=True, exist_ok=True)
    archives = mirrors()
    if not archives:
        raise FetchFailed("found no Debian archive in /etc/apt/sources.list or /etc/apt/sources.list.d/ for this "
                          "machine's release, so there is no mirror to ask for unstable's packages")
    (apt / "sources.list.d" / f"{SUITE}.sources").write_text(unstable_sources(archives))
    (apt / "status").touch()
    options = apt_options(apt)
    print(f"apt-get update ({SUITE}, from the machine's own mirror)", flush=True)
    _run(["apt-get", *options, "update"])
    wanted = packages(options, [f"python{v}" for v in versions] + ["libc6"])
    print(f"apt-get download: {len(wanted)} packages", flush=True)
    _run(["apt-get", *options, "download", *wanted], cwd=debs)
    shutil.rmtree(root, ignore_errors=True)
    for name in wanted:
        package = name.split("=")[0]
        [deb] = [p for p in debs.glob(f"{package}_*.deb")
                 if p.name.split("_")[1].replace("%3a", ":") == name.split("=")[1]]
        _run(["dpkg", "-x", str(deb), str(root)])
    for old in debs.glob("*.deb"):  # keep only this fetch's packages
        if not any(old.name.startswith(n.split("=")[0] + "_") for n in wanted):
            old.unlink()
    written = []
    for version in versions:
        path = root / "usr" / "bin" / f"run-python{version}"
        path.write_text(launcher(version))
        path.chmod(0o755)
        written.append(path)
    return written


def main(argv: list[str]) -> int | str:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=CACHE, help="where to put them (default: .cache/interpreters)")
    args = parser.parse_args(argv)
    if not shutil.which("apt-get") or not shutil.which("dpkg"):
        return "make interpreters needs apt-get and dpkg (a Debian or Ubuntu machine)"
    start = time.perf_counter()
    try:
        launchers = fetch(args.cache, VERSIONS)
    except FetchFailed as error:
        return str(error)
    for path in launchers:
        version = subprocess.run([path, "-c", "import sys; print(sys.version.split()[0])"], capture_output=True,
                                 text=True)
        if version.returncode != 0:
            return f"{path} does not start:\n{version.stderr.strip()}"
        print(f"{os.path.relpath(path)}: CPython {version.stdout.strip()}")
    print(f"done in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
