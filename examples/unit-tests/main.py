"""Parse durations such as '1h30m'. Test with: python3 -m unittest -v main"""

import sys
import unittest

SECONDS_PER_UNIT = {"h": 3600, "m": 60, "s": 1}


def parse_duration(text: str) -> int:
    """Return the number of seconds in a duration such as '45s' or '1h30m'."""
    if not text:
        raise ValueError("empty duration")
    total, digits = 0, ""
    for char in text:
        if char.isascii() and char.isdigit():
            digits += char
        elif char in SECONDS_PER_UNIT:
            if not digits:
                raise ValueError(f"missing number before '{char}'")
            total += int(digits) * SECONDS_PER_UNIT[char]
            digits = ""
        else:
            raise ValueError(f"unknown unit '{char}'")
    if digits:
        raise ValueError(f"missing unit after '{digits}'")
    return total


class ParseDurationTest(unittest.TestCase):
    def test_single_unit(self):
        self.assertEqual(parse_duration("45s"), 45)

    def test_units_add_up(self):
        self.assertEqual(parse_duration("1h30m"), 5400)
        self.assertEqual(parse_duration("2m5s"), 125)

    def test_rejects_empty_text(self):
        with self.assertRaisesRegex(ValueError, "^empty duration$"):
            parse_duration("")

    def test_rejects_unknown_unit(self):
        with self.assertRaisesRegex(ValueError, "^unknown unit 'd'$"):
            parse_duration("3d")

    def test_rejects_number_without_unit(self):
        with self.assertRaisesRegex(ValueError, "^missing unit after '90'$"):
            parse_duration("1m90")


def main() -> None:
    for text in sys.argv[1:]:
        try:
            print(f"{text} = {parse_duration(text)} seconds")
        except ValueError as error:
            print(f"{text}: {error}")


if __name__ == "__main__":
    main()
