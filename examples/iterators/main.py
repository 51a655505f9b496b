"""Collatz chains with a generator, comprehensions and itertools."""

import sys
from collections.abc import Iterator
from itertools import islice


def collatz(n: int) -> Iterator[int]:
    """Yield n, then n/2 if n is even or 3n+1 if it is odd, until reaching 1."""
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1


def main() -> None:
    limit = int(sys.argv[1])
    print("chain from 27 starts:", " ".join(str(n) for n in islice(collatz(27), 10)))

    lengths = [(sum(1 for _ in collatz(start)), start) for start in range(1, limit)]
    # Tuples compare by length first, then by start.
    length, start = max(lengths)
    print(f"longest chain below {limit}: starts at {start}, {length} numbers")
    long_chains = sum(1 for count, _ in lengths if count > 100)
    print(f"chains longer than 100 numbers: {long_chains}")


if __name__ == "__main__":
    main()
