//! Count the words on standard input and print the ten most common.

use std::collections::HashMap;
use std::io::{self, Read};

fn main() -> io::Result<()> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text)?;

    let mut counts: HashMap<String, usize> = HashMap::new();
    for token in text.split_whitespace() {
        let word = token.trim_matches(|c: char| c.is_ascii_punctuation());
        if !word.is_empty() {
            *counts.entry(word.to_lowercase()).or_insert(0) += 1;
        }
    }

    let total: usize = counts.values().sum();
    println!("{total} words, {} different", counts.len());
    // Most common first, ties in alphabetical order: the same output in every language.
    let mut ranked: Vec<(&String, &usize)> = counts.iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    for (word, count) in ranked.into_iter().take(10) {
        println!("{count:>5} {word}");
    }
    Ok(())
}
