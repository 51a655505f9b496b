//! Convert temperatures: with only the standard library, parsing and help text are written by hand.

use std::env;
use std::process;

const USAGE: &str = "usage: main [-h] [--to {c,f}] [--precision N] VALUE [VALUE ...]";
const HELP: &str = "Convert temperatures between Celsius and Fahrenheit.

options:
  -h, --help     show this help message and exit
  --to {c,f}     unit to convert to (default: f)
  --precision N  decimal places (default: 1)";

fn to_fahrenheit(celsius: f64) -> f64 {
    celsius * 9.0 / 5.0 + 32.0
}

fn to_celsius(fahrenheit: f64) -> f64 {
    (fahrenheit - 32.0) * 5.0 / 9.0
}

struct Options {
    to_celsius: bool,
    precision: usize,
    values: Vec<f64>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        to_celsius: false,
        precision: 1,
        values: Vec::new(),
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}\n\n{HELP}");
                process::exit(0);
            }
            "--to" => match args.next().as_deref() {
                Some("c") => options.to_celsius = true,
                Some("f") => options.to_celsius = false,
                Some(other) => return Err(format!("--to: expected c or f, got '{other}'")),
                None => return Err("--to: expected c or f".to_string()),
            },
            "--precision" => {
                let text = args.next().ok_or("--precision: expected a number")?;
                options.precision = text
                    .parse()
                    .map_err(|_| format!("--precision: invalid number '{text}'"))?;
            }
            value => {
                let number = value
                    .parse()
                    .map_err(|_| format!("invalid temperature '{value}'"))?;
                options.values.push(number);
            }
        }
    }
    if options.values.is_empty() {
        return Err("at least one VALUE is required".to_string());
    }
    Ok(options)
}

fn main() {
    let options = parse_args(env::args().skip(1)).unwrap_or_else(|message| {
        eprintln!("{USAGE}\nerror: {message}");
        process::exit(2);
    });
    let (convert, source, target): (fn(f64) -> f64, &str, &str) = if options.to_celsius {
        (to_celsius, "°F", "°C")
    } else {
        (to_fahrenheit, "°C", "°F")
    };
    let precision = options.precision;
    for value in options.values {
        println!(
            "{value:.precision$} {source} = {:.precision$} {target}",
            convert(value)
        );
    }
}
