"""How the Rust examples are built: the one place that knows the edition, the Cargo flags and the oldest Rust.
The edition and the minimum are also in examples/Cargo.toml ([workspace.package]), where Cargo reads them."""

EDITION = "2024"
# Optimised, without the network (`make` fetches the crates first) and exactly the committed Cargo.lock.
CARGO_FLAGS = ("--release", "--offline", "--locked")
MIN_RUSTC = (1, 85)  # the first release that knows the 2024 edition
