"""Read member records from standard input, keep the valid ones and report the rest."""

import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Member:
    name: str
    age: int
    email: str


def parse_member(line: str) -> Member:
    """Parse 'name, age, email'; raise ValueError saying what is wrong."""
    fields = [field.strip() for field in line.split(",")]
    if len(fields) != 3:
        raise ValueError(f"expected 3 fields, found {len(fields)}")
    name, age_text, email = fields
    if not name:
        raise ValueError("name is empty")
    if not (age_text.isascii() and age_text.isdigit()):
        raise ValueError(f"age '{age_text}' is not a whole number")
    age = int(age_text)
    if age > 130:
        raise ValueError(f"age {age_text} is not plausible")
    user, at, domain = email.partition("@")
    if not (user and at and domain):
        raise ValueError(f"email '{email}' is not of the form user@domain")
    return Member(name, age, email)


def main() -> None:
    members: list[Member] = []
    errors: list[str] = []
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            members.append(parse_member(line))
        except ValueError as error:
            errors.append(f"line {number}: {error}")

    print(f"{len(members)} members, {len(errors)} lines rejected")
    if members:
        ages = [member.age for member in members]
        print(f"ages {min(ages)} to {max(ages)}, average {sum(ages) / len(ages):.1f}")
        eldest = max(members, key=lambda member: member.age)
        print(f"oldest: {eldest.name} <{eldest.email}>")
    for error in errors[:5]:
        print(error)
    if len(errors) > 5:
        print(f"... and {len(errors) - 5} more")


if __name__ == "__main__":
    main()
