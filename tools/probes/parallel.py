"""Run by each interpreter that `make bench-languages` times on the parallel example: one way of sharing the
work between workers, timed from inside, printed as JSON.

Usage: python parallel.py MODULE FUNCTION LIMIT WAY WORKERS
WAY is threads, processes or subinterpreters (ThreadPoolExecutor, ProcessPoolExecutor, InterpreterPoolExecutor).
MODULE (the example's main.py, on PYTHONPATH so that worker processes and subinterpreters import it too) gives
FUNCTION, which counts the primes in a range; worker i gets i, i + WORKERS, ..., as in the example.
`startup` is the time to start the pool and get a trivial result back from every worker; `seconds` is the
whole run, start-up included. Memory is the peak resident size of this process, plus, for processes, the
largest worker's peak times the number of workers. Standard library only.
"""

import concurrent.futures as futures
import functools
import importlib
import json
import resource
import sys
import time

POOLS = {"threads": "ThreadPoolExecutor", "processes": "ProcessPoolExecutor",
         "subinterpreters": "InterpreterPoolExecutor"}


def main(module, function, limit, way, workers):
    # InterpreterPoolExecutor (3.14) copies a plain function into the subinterpreter without its module, so that
    # it would not find the helpers it calls; a partial is pickled by reference and imported there whole.
    count = functools.partial(getattr(importlib.import_module(module), function))
    limit, workers = int(limit), int(workers)
    shares = [range(first, limit, workers) for first in range(workers)]
    start = time.perf_counter()
    with getattr(futures, POOLS[way])(max_workers=workers) as executor:
        # Every worker up and answering: submit more trivial tasks than workers until each has run one.
        list(executor.map(abs, range(workers * 4)))
        ready = time.perf_counter()
        total = sum(executor.map(count, shares))
    end = time.perf_counter()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if way == "processes" else 0
    print(json.dumps({"total": total, "startup": ready - start, "seconds": end - start,
                      "memory_kib": own + children * workers}))


if __name__ == "__main__":
    main(*sys.argv[1:])
