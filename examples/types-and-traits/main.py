"""Three shapes and one protocol: any class with the right methods is a Shape."""

import math
from dataclasses import dataclass
from typing import Protocol


class Shape(Protocol):
    def area(self) -> float: ...

    def describe(self) -> str: ...


@dataclass(frozen=True)
class Circle:
    radius: float

    def area(self) -> float:
        return math.pi * self.radius**2

    def describe(self) -> str:
        return f"circle, radius {self.radius:.1f}"


@dataclass(frozen=True)
class Rectangle:
    width: float
    height: float

    def area(self) -> float:
        return self.width * self.height

    def describe(self) -> str:
        return f"rectangle, {self.width:.1f} by {self.height:.1f}"


@dataclass(frozen=True)
class Triangle:
    base: float
    height: float

    def area(self) -> float:
        return self.base * self.height / 2

    def describe(self) -> str:
        return f"triangle, base {self.base:.1f}, height {self.height:.1f}"


def total_area(shapes: list[Shape]) -> float:
    return sum(shape.area() for shape in shapes)


def main() -> None:
    circle = Circle(1.5)
    shapes: list[Shape] = [circle, Rectangle(3.0, 2.0), Triangle(3.0, 2.5)]
    for shape in sorted(shapes, key=lambda shape: shape.area()):
        print(f"{shape.describe():<30} area {shape.area():6.2f}")
    print(f"{'total':<30} area {total_area(shapes):6.2f}")
    # @dataclass wrote __eq__ from the fields, so equal values compare equal.
    print(
        "two circles of radius 1.5 are equal:",
        "yes" if circle == Circle(1.5) else "no",
    )


if __name__ == "__main__":
    main()
