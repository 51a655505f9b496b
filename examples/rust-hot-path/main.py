"""Suggest spellings: for each word given, the dictionary words at the smallest edit distance."""

import sys
from collections.abc import Callable


def distance(a: str, b: str) -> int:
    """Levenshtein distance: the fewest one-character insertions, deletions and substitutions from a to b."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def suggest(word: str, dictionary: list[str], distance: Callable[[str, str], int]) -> tuple[int, list[str]]:
    """The smallest distance from word to the dictionary, and the first three entries at that distance."""
    scored = sorted((distance(word, entry), entry) for entry in dictionary)
    best = scored[0][0]
    return best, [entry for score, entry in scored[:3] if score == best]


def main(distance: Callable[[str, str], int] = distance) -> None:
    dictionary = sorted(set(sys.stdin.read().split()))
    for word in sys.argv[1:]:
        best, entries = suggest(word, dictionary, distance)
        print(f"{word}: {', '.join(entries)} (distance {best})")


if __name__ == "__main__":
    main()
