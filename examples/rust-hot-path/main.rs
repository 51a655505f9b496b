//! Suggest spellings: for each word given, the dictionary words at the smallest edit distance.

use std::collections::BTreeSet;
use std::env;
use std::io::{self, Read};

/// The smallest distance from word to the dictionary, and the first three entries at that distance.
fn suggest<'d>(word: &str, dictionary: &[&'d str]) -> (usize, Vec<&'d str>) {
    let mut scored: Vec<(usize, &str)> = dictionary
        .iter()
        .map(|entry| (kernel::distance(word, entry), *entry))
        .collect();
    scored.sort();
    let best = scored[0].0;
    let entries = scored.iter().take(3).filter(|(score, _)| *score == best);
    (best, entries.map(|(_, entry)| *entry).collect())
}

fn main() -> io::Result<()> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text)?;
    // A BTreeSet keeps each word once, in sorted order, like Python's sorted(set(...)).
    let dictionary: Vec<&str> = text.split_whitespace().collect::<BTreeSet<_>>().into_iter().collect();
    for word in env::args().skip(1) {
        let (best, entries) = suggest(&word, &dictionary);
        println!("{word}: {} (distance {best})", entries.join(", "));
    }
    Ok(())
}
