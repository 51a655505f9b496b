//! Count the primes below a limit, sharing the work between one thread per core.

use std::env;
use std::thread;

fn is_prime(n: u64) -> bool {
    if n < 2 {
        return false;
    }
    if n % 2 == 0 {
        return n == 2;
    }
    (3..)
        .step_by(2)
        .take_while(|d| d * d <= n)
        .all(|d| n % d != 0)
}

fn main() {
    let limit: u64 = env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .expect("usage: main LIMIT");
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    // Scoped threads may borrow from this function; the scope waits for all of them to finish.
    let total: usize = thread::scope(|scope| {
        let handles: Vec<_> = (0..workers as u64)
            // Thread i takes i, i + workers, i + 2 * workers, ...: small and large numbers.
            .map(|first| {
                scope.spawn(move || {
                    (first..limit)
                        .step_by(workers)
                        .filter(|&n| is_prime(n))
                        .count()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a worker panicked"))
            .sum()
    });
    println!("{total} primes below {limit}");
}
