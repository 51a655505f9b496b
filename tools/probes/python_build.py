"""Run by each interpreter that `make bench-languages` finds: print, as JSON, what it is and how it was built.

Standard library only, and no syntax newer than the oldest interpreter it is run with: the benchmark
starts it with every python3 it can find, and skips those it does not want from this answer.
"""

import json
import os
import platform
import sys
import sysconfig


def jit():
    """(available, enabled). Python 3.14 reports both in sys._jit; 3.13 only in its build options, where
    `--enable-experimental-jit=yes-off` builds it switched off unless PYTHON_JIT=1."""
    if hasattr(sys, "_jit"):
        return sys._jit.is_available(), sys._jit.is_enabled()
    options = sysconfig.get_config_var("CONFIG_ARGS") or ""
    if "--enable-experimental-jit" not in options or "--enable-experimental-jit=no" in options:
        return False, False
    default_on = "--enable-experimental-jit=yes-off" not in options
    return True, os.environ.get("PYTHON_JIT", "1" if default_on else "0") != "0"


available, enabled = jit()
config_args = sysconfig.get_config_var("CONFIG_ARGS") or ""
print(json.dumps({
    "executable": os.path.realpath(sys.executable),
    "implementation": sys.implementation.name,
    "version": list(sys.version_info[:3]),
    "full_version": sys.version.replace("\n", " "),
    "free_threaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
    "gil_enabled": sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True,
    "jit_available": available,
    "jit_enabled": enabled,
    "config_args": config_args,
    "pgo": "--enable-optimizations" in config_args,
    "lto": "--with-lto" in config_args,
    "machine": platform.machine(),
}))
