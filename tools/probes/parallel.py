"""Run by each interpreter that `make bench-languages` times on the parallel example: one way of sharing the
work between workers, timed from inside, printed as JSON.

Usage: python parallel.py MODULE FUNCTION LIMIT WAY WORKERS
WAY is threads, processes or subinterpreters (ThreadPoolExecutor, ProcessPoolExecutor, InterpreterPoolExecutor).
MODULE (the example's main.py, on PYTHONPATH so that worker processes and subinterpreters import it too) gives
FUNCTION, which counts the primes in a range, and `shares`, the ranges the example hands to its workers.
`startup` is the time to start the pool and get a trivial result back from every worker; `seconds` is the
whole run, start-up included. Memory is the peak resident size (VmHWM) of this process, plus, for processes,
each worker's; pages that processes share count in each. Standard library only, Linux only (/proc).
"""

import concurrent.futures as futures
import functools
import importlib
import json
import os
import sys
import time

POOLS = {"threads": "ThreadPoolExecutor", "processes": "ProcessPoolExecutor",
         "subinterpreters": "InterpreterPoolExecutor"}


def peak_kib():
    """This process's peak resident size. Unlike getrusage's ru_maxrss, VmHWM starts afresh at exec, so it leaves
    out the memory of the (larger) process that started this one."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def worker_peak(_):
    return os.getpid(), peak_kib()


def main(module, function, limit, way, workers):
    # InterpreterPoolExecutor (3.14) copies a plain function into the subinterpreter without its module, so that
    # it would not find the helpers it calls; a partial is pickled by reference and imported there whole.
    count = functools.partial(getattr(importlib.import_module(module), function))
    limit, workers = int(limit), int(workers)
    shares = importlib.import_module(module).shares(limit)
    start = time.perf_counter()
    with getattr(futures, POOLS[way])(max_workers=workers) as executor:
        # Every worker up and answering: submit more trivial tasks than workers until each has run one.
        list(executor.map(abs, range(workers * 4)))
        ready = time.perf_counter()
        total = sum(executor.map(count, shares))
        end = time.perf_counter()
        # Each worker process's own peak, asked of every worker (more requests than workers, so each answers).
        workers_kib = dict(executor.map(worker_peak, range(workers * 8))) if way == "processes" else {}
    print(json.dumps({"total": total, "startup": ready - start, "seconds": end - start,
                      "memory_kib": peak_kib() + sum(workers_kib.values())}))


if __name__ == "__main__":
    main(*sys.argv[1:])
