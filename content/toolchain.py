"""How the Rust examples are compiled: the one place that knows the edition, the flags and the oldest rustc."""

EDITION = "2024"
RUSTC_FLAGS = ("--edition", EDITION, "-O")
MIN_RUSTC = (1, 85)  # the first release that knows the 2024 edition
