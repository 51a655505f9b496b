"""Run by each interpreter that `make bench-languages` times: the seconds per call of an example's hot function,
in pure Python and through its Rust library, on a ladder of input sizes, printed as JSON.

Usage: python crossing.py FOLDER PYTHON_MODULE CTYPES_MODULE PYO3_MODULE FUNCTION SIZES SAMPLES SAMPLE_SECONDS
SIZES is comma-separated; each sample makes enough calls to take at least SAMPLE_SECONDS. The caller names the
built library in the environment variable that the ctypes module reads, and puts the installed PyO3 wheel on
the path. Standard library only: it runs with every interpreter the benchmark times.
"""

import importlib
import json
import random
import string
import sys
import timeit


def word(size, rng):
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(size))


def calls_for(timer, seconds):
    number = 1
    while timer.timeit(number) < seconds:
        number *= 2
    return number


def rung(size, functions, samples, seconds):
    rng = random.Random(size)
    a, b = word(size, rng), word(size, rng)
    timers = {name: timeit.Timer("f(a, b)", globals={"f": f, "a": a, "b": b}) for name, f in functions.items()}
    calls = {name: calls_for(timer, seconds) for name, timer in timers.items()}
    per_call = {name: [] for name in functions}
    for _ in range(samples):  # the three take turns, so that a change in load hits all alike
        for name, timer in timers.items():
            per_call[name].append(timer.timeit(calls[name]) / calls[name])
    return {"size": size, **{name: {"calls": calls[name], "seconds": per_call[name]} for name in functions}}


def main(folder, python_module, ctypes_module, pyo3_module, function, sizes, samples, seconds):
    sys.path.insert(0, folder)
    functions = {"python": getattr(importlib.import_module(python_module), function),
                 "ctypes": getattr(importlib.import_module(ctypes_module), function),
                 "pyo3": getattr(importlib.import_module(pyo3_module), function)}
    ladder = [rung(int(size), functions, int(samples), float(seconds)) for size in sizes.split(",")]
    print(json.dumps(ladder))


if __name__ == "__main__":
    main(*sys.argv[1:])
