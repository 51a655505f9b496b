//! The hot function behind a C ABI, built as a shared library for Python's ctypes:
//! `cargo build --release -p fuzzy-ctypes` writes libfuzzy.so (.dylib on macOS, .dll on Windows).

use std::slice;

/// `kernel::distance` for C callers: each word arrives as a pointer to UTF-8 bytes and a length.
/// Returns -1 if either word is not valid UTF-8.
///
/// # Safety
///
/// `a` must point to `a_len` readable bytes and `b` to `b_len`, and neither may change during the call.
/// Nothing checks this: a wrong length reads past the buffer, as it would in C.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn levenshtein(a: *const u8, a_len: usize, b: *const u8, b_len: usize) -> isize {
    // SAFETY: the caller promises valid pointers and lengths (see above).
    let (a, b) = unsafe { (slice::from_raw_parts(a, a_len), slice::from_raw_parts(b, b_len)) };
    match (str::from_utf8(a), str::from_utf8(b)) {
        (Ok(a), Ok(b)) => kernel::distance(a, b) as isize,
        _ => -1,
    }
}
