//! Parse durations such as "1h30m". Test with: cargo test -p unit-tests

use std::env;

/// Return the number of seconds in a duration such as "45s" or "1h30m".
fn parse_duration(text: &str) -> Result<u64, String> {
    if text.is_empty() {
        return Err("empty duration".to_string());
    }
    let mut total = 0;
    let mut digits = String::new();
    for char in text.chars() {
        let seconds_per_unit = match char {
            '0'..='9' => {
                digits.push(char);
                continue;
            }
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => return Err(format!("unknown unit '{char}'")),
        };
        if digits.is_empty() {
            return Err(format!("missing number before '{char}'"));
        }
        let number: u64 = digits
            .parse()
            .map_err(|_| format!("{digits} is too large"))?;
        total += number * seconds_per_unit;
        digits.clear();
    }
    if !digits.is_empty() {
        return Err(format!("missing unit after '{digits}'"));
    }
    Ok(total)
}

fn main() {
    for text in env::args().skip(1) {
        match parse_duration(&text) {
            Ok(seconds) => println!("{text} = {seconds} seconds"),
            Err(error) => println!("{text}: {error}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_unit() {
        assert_eq!(parse_duration("45s"), Ok(45));
    }

    #[test]
    fn units_add_up() {
        assert_eq!(parse_duration("1h30m"), Ok(5400));
        assert_eq!(parse_duration("2m5s"), Ok(125));
    }

    #[test]
    fn rejects_empty_text() {
        assert_eq!(parse_duration(""), Err("empty duration".to_string()));
    }

    #[test]
    fn rejects_unknown_unit() {
        assert_eq!(parse_duration("3d"), Err("unknown unit 'd'".to_string()));
    }

    #[test]
    fn rejects_number_without_unit() {
        assert_eq!(
            parse_duration("1m90"),
            Err("missing unit after '90'".to_string())
        );
    }
}
