"""main.py with its hot function, distance(), computed in Rust: fuzzy.rs built as a shared library."""

import ctypes
import os
import sys
from pathlib import Path

import main

# Built by `cargo build --release -p fuzzy-ctypes` into the workspace's target/release/; the tests build it
# elsewhere and say where in FUZZY_LIBRARY.
_name = {"darwin": "libfuzzy.dylib", "win32": "fuzzy.dll"}.get(sys.platform, "libfuzzy.so")
_built = Path(__file__).resolve().parent.parent / "target" / "release" / _name
_library = ctypes.CDLL(os.environ.get("FUZZY_LIBRARY") or _built)
# ctypes trusts these declarations: nothing checks them against the Rust signature.
_library.levenshtein.argtypes = (ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t)
_library.levenshtein.restype = ctypes.c_ssize_t


def distance(a: str, b: str) -> int:
    """main.distance, in Rust. Each call encodes both words to UTF-8 and crosses into the library."""
    a_bytes, b_bytes = a.encode(), b.encode()
    result = _library.levenshtein(a_bytes, len(a_bytes), b_bytes, len(b_bytes))
    if result < 0:
        raise ValueError(f"the library could not read {a!r} or {b!r} as UTF-8")
    return result


if __name__ == "__main__":
    main.main(distance)
