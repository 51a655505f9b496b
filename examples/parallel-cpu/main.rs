//! Count the primes below a limit on every core, with rayon's work-stealing thread pool.

use rayon::prelude::*;
use std::env;

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
    // rayon splits the range between one thread per core (RAYON_NUM_THREADS to change that), and an idle
    // thread steals work from a busy one, so the large numbers at the end do not hold one thread up.
    let total = (0..limit).into_par_iter().filter(|&n| is_prime(n)).count();
    println!("{total} primes below {limit}");
}
