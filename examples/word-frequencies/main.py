"""Count the words on standard input and print the ten most common."""

import string
import sys
from collections import Counter


def words(text: str):
    """Yield each word in lower case, without the punctuation around it."""
    for token in text.lower().split():
        word = token.strip(string.punctuation)
        if word:
            yield word


def main() -> None:
    counts = Counter(words(sys.stdin.read()))
    print(f"{counts.total()} words, {len(counts)} different")
    # Most common first, ties in alphabetical order: the same output in every language.
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    for word, count in ranked[:10]:
        print(f"{count:>5} {word}")


if __name__ == "__main__":
    main()
