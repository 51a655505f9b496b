//! Convert temperatures; clap derives parsing, help and errors from the struct below.

use clap::{Parser, ValueEnum};

#[derive(Clone, Copy, ValueEnum)]
enum Unit {
    C,
    F,
}

/// Convert temperatures between Celsius and Fahrenheit.
#[derive(Parser)]
struct Args {
    /// temperatures to convert
    #[arg(value_name = "VALUE", required = true, allow_negative_numbers = true)]
    values: Vec<f64>,
    /// unit to convert to
    #[arg(long, value_enum, default_value = "f")]
    to: Unit,
    /// decimal places
    #[arg(long, value_name = "N", default_value_t = 1)]
    precision: usize,
}

fn to_fahrenheit(celsius: f64) -> f64 {
    celsius * 9.0 / 5.0 + 32.0
}

fn to_celsius(fahrenheit: f64) -> f64 {
    (fahrenheit - 32.0) * 5.0 / 9.0
}

fn main() {
    // On a bad argument, parse() prints the usage and the problem and exits with 2.
    let args = Args::parse();
    let (convert, source, target): (fn(f64) -> f64, &str, &str) = match args.to {
        Unit::F => (to_fahrenheit, "°C", "°F"),
        Unit::C => (to_celsius, "°F", "°C"),
    };
    let precision = args.precision;
    for value in args.values {
        println!(
            "{value:.precision$} {source} = {:.precision$} {target}",
            convert(value)
        );
    }
}
