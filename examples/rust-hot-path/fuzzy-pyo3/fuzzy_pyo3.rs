//! The hot function as a Python extension module. `maturin build --release` in this folder builds a wheel;
//! `pip install` it, then `from fuzzy_pyo3 import distance`.

use pyo3::prelude::*;

/// Levenshtein distance between a and b, counted in Unicode code points, like main.distance.
///
/// PyO3 checks that both arguments are `str` (a `TypeError` otherwise) and borrows their UTF-8 text:
/// no pointers or lengths to trust, and no `unsafe` here.
#[pyfunction]
fn distance(a: &str, b: &str) -> usize {
    kernel::distance(a, b)
}

#[pymodule]
fn fuzzy_pyo3(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(distance, module)?)
}
