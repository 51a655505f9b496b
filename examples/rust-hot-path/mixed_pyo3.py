"""main.py with its hot function, distance(), from a Rust extension module: fuzzy-pyo3/, built into a wheel by
maturin and installed with pip."""

import main
from fuzzy_pyo3 import distance

if __name__ == "__main__":
    main.main(distance)
