//! The hot function, in safe Rust: the library of this package, which `main.rs` and both extensions
//! (fuzzy-ctypes/ and fuzzy-pyo3/) call as `kernel::distance`.

/// Levenshtein distance: the fewest one-character insertions, deletions and substitutions from a to b.
/// Counts `char`s (Unicode code points), as Python's `str` does, not bytes.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, char_a) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, &char_b) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(char_a != char_b);
            current[j + 1] = (previous[j + 1] + 1).min(current[j] + 1).min(substitute);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}
