//! Read member records from standard input, keep the valid ones and report the rest.

use std::io::{self, BufRead};

use thiserror::Error;

#[derive(Debug, Clone, PartialEq)]
struct Member {
    name: String,
    age: u32,
    email: String,
}

/// What can be wrong with a line; thiserror writes `Display` from the messages.
#[derive(Debug, PartialEq, Error)]
enum RecordError {
    #[error("expected 3 fields, found {0}")]
    FieldCount(usize),
    #[error("name is empty")]
    EmptyName,
    #[error("age '{0}' is not a whole number")]
    AgeNotANumber(String),
    #[error("age {0} is not plausible")]
    AgeImplausible(String),
    #[error("email '{0}' is not of the form user@domain")]
    BadEmail(String),
}

/// Parse "name, age, email", or say what is wrong with the line.
fn parse_member(line: &str) -> Result<Member, RecordError> {
    let fields: Vec<&str> = line.split(',').map(str::trim).collect();
    let [name, age_text, email] = fields[..] else {
        return Err(RecordError::FieldCount(fields.len()));
    };
    if name.is_empty() {
        return Err(RecordError::EmptyName);
    }
    if age_text.is_empty() || !age_text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(RecordError::AgeNotANumber(age_text.to_string()));
    }
    let age: u32 = match age_text.parse() {
        Ok(age) if age <= 130 => age,
        _ => return Err(RecordError::AgeImplausible(age_text.to_string())),
    };
    match email.split_once('@') {
        Some((user, domain)) if !user.is_empty() && !domain.is_empty() => {}
        _ => return Err(RecordError::BadEmail(email.to_string())),
    }
    Ok(Member {
        name: name.to_string(),
        age,
        email: email.to_string(),
    })
}

fn main() -> io::Result<()> {
    let mut members = Vec::new();
    let mut errors = Vec::new();
    for (index, line) in io::stdin().lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_member(&line) {
            Ok(member) => members.push(member),
            Err(error) => errors.push(format!("line {}: {error}", index + 1)),
        }
    }

    println!("{} members, {} lines rejected", members.len(), errors.len());
    if !members.is_empty() {
        let ages: Vec<u32> = members.iter().map(|member| member.age).collect();
        let average = f64::from(ages.iter().sum::<u32>()) / ages.len() as f64;
        let (youngest, oldest) = (ages.iter().min().unwrap(), ages.iter().max().unwrap());
        println!("ages {youngest} to {oldest}, average {average:.1}");
        // On a tie, max_by_key returns the last of the oldest; Python's max() returns the first.
        let eldest = members.iter().max_by_key(|member| member.age).unwrap();
        println!("oldest: {} <{}>", eldest.name, eldest.email);
    }
    for error in errors.iter().take(5) {
        println!("{error}");
    }
    if errors.len() > 5 {
        println!("... and {} more", errors.len() - 5);
    }
    Ok(())
}
