"""Convert temperatures; argparse derives parsing, help and errors from declarations."""

import argparse


def to_fahrenheit(celsius: float) -> float:
    return celsius * 9 / 5 + 32


def to_celsius(fahrenheit: float) -> float:
    return (fahrenheit - 32) * 5 / 9


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Convert temperatures between Celsius and Fahrenheit."
    )
    parser.add_argument(
        "values", nargs="+", type=float, metavar="VALUE", help="temperatures to convert"
    )
    parser.add_argument(
        "--to", choices=["c", "f"], default="f", help="unit to convert to (default: f)"
    )
    parser.add_argument(
        "--precision",
        type=int,
        default=1,
        metavar="N",
        help="decimal places (default: 1)",
    )
    # On a bad argument, parse_args prints the usage and the problem and exits with 2.
    args = parser.parse_args()

    convert, source, target = (
        (to_fahrenheit, "°C", "°F") if args.to == "f" else (to_celsius, "°F", "°C")
    )
    digits = args.precision
    for value in args.values:
        print(f"{value:.{digits}f} {source} = {convert(value):.{digits}f} {target}")


if __name__ == "__main__":
    main()
