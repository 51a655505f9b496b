"""Count the primes below a limit, sharing the work between one worker per core."""

import os
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from math import isqrt


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    return all(n % divisor for divisor in range(3, isqrt(n) + 1, 2))


def count_primes(numbers: range) -> int:
    return sum(1 for n in numbers if is_prime(n))


def shares(limit: int, pieces: int = 64) -> list[range]:
    """The numbers in consecutive pieces, many more than workers: the pool hands the next piece to whichever
    worker is free, so the larger numbers, which take longer to test, do not all wait on one worker."""
    size = -(-limit // pieces)
    return [range(start, min(start + size, limit)) for start in range(0, limit, size)]


def main() -> None:
    limit = int(sys.argv[1])
    workers = os.cpu_count() or 1
    # With the GIL, threads running Python code take turns on one core, so CPU-bound
    # work needs processes. A free-threaded build (python3.14t) runs threads at once.
    gil_enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    pool = ProcessPoolExecutor if gil_enabled else ThreadPoolExecutor
    with pool(max_workers=workers) as executor:
        total = sum(executor.map(count_primes, shares(limit)))
    print(f"{total} primes below {limit}")


if __name__ == "__main__":
    main()
