"""Parse 'host:port' addresses. Exceptions carry a failure up to whoever handles it."""

import sys
from dataclasses import dataclass


class AddressError(ValueError):
    """An address that is not of the form host:port."""


@dataclass(frozen=True)
class Address:
    host: str
    port: int


def parse_port(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise AddressError(f"port '{text}' is not a number")
    port = int(text)
    if not 1 <= port <= 65535:
        raise AddressError(f"port {text} is outside 1-65535")
    return port


def parse_address(text: str) -> Address:
    host, colon, port = text.rpartition(":")
    if not colon:
        raise AddressError("no port (expected host:port)")
    if not host:
        raise AddressError("empty host")
    # An AddressError raised in parse_port passes straight through to our caller.
    return Address(host, parse_port(port))


def main() -> None:
    for text in sys.argv[1:]:
        try:
            address = parse_address(text)
        except AddressError as error:
            print(f"{text} -> error: {error}")
        else:
            print(f"{text} -> host {address.host}, port {address.port}")

    # All or nothing: the first exception ends the comprehension.
    try:
        addresses = [parse_address(text) for text in sys.argv[1:]]
    except AddressError as error:
        print(f"the whole list is rejected: {error}")
    else:
        print(f"all {len(addresses)} addresses are valid")


if __name__ == "__main__":
    main()
