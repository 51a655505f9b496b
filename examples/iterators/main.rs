//! Collatz chains with iterator adapters: all lazy until consumed.

use std::env;
use std::iter;

/// n, then n/2 if n is even or 3n+1 if it is odd, until the chain reaches 1.
fn collatz(n: u64) -> impl Iterator<Item = u64> {
    iter::successors(Some(n), |&n| match n {
        1 => None,
        n if n % 2 == 0 => Some(n / 2),
        n => Some(3 * n + 1),
    })
}

fn main() {
    let limit: u64 = env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .expect("usage: main LIMIT");
    let first: Vec<String> = collatz(27).take(10).map(|n| n.to_string()).collect();
    println!("chain from 27 starts: {}", first.join(" "));

    let lengths: Vec<(usize, u64)> = (1..limit)
        .map(|start| (collatz(start).count(), start))
        .collect();
    // Tuples compare by length first, then by start.
    let (length, start) = lengths.iter().max().unwrap();
    println!("longest chain below {limit}: starts at {start}, {length} numbers");
    let long_chains = lengths.iter().filter(|(count, _)| *count > 100).count();
    println!("chains longer than 100 numbers: {long_chains}");
}
