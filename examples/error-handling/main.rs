//! Parse "host:port" addresses: every function says in its type that it can fail.

use std::env;

use thiserror::Error;

/// What can be wrong with an address; thiserror writes the `Display` and `Error` implementations from the
/// messages below.
#[derive(Debug, PartialEq, Error)]
enum AddressError {
    #[error("no port (expected host:port)")]
    NoPort,
    #[error("empty host")]
    EmptyHost,
    #[error("port '{0}' is not a number")]
    PortNotANumber(String),
    #[error("port {0} is outside 1-65535")]
    PortOutOfRange(String),
}

#[derive(Debug)]
struct Address {
    host: String,
    port: u16,
}

fn parse_port(text: &str) -> Result<u16, AddressError> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AddressError::PortNotANumber(text.to_string()));
    }
    match text.parse::<u16>() {
        Ok(port) if port >= 1 => Ok(port),
        _ => Err(AddressError::PortOutOfRange(text.to_string())), // 0, or too big for a u16
    }
}

fn parse_address(text: &str) -> Result<Address, AddressError> {
    let (host, port) = text.rsplit_once(':').ok_or(AddressError::NoPort)?;
    if host.is_empty() {
        return Err(AddressError::EmptyHost);
    }
    let port = parse_port(port)?; // `?` returns the error to our caller, visibly
    Ok(Address {
        host: host.to_string(),
        port,
    })
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    for text in &args {
        match parse_address(text) {
            Ok(address) => println!("{text} -> host {}, port {}", address.host, address.port),
            Err(error) => println!("{text} -> error: {error}"),
        }
    }

    // All or nothing: collecting into a Result stops at the first error.
    let all: Result<Vec<Address>, AddressError> =
        args.iter().map(|text| parse_address(text)).collect();
    match all {
        Ok(addresses) => println!("all {} addresses are valid", addresses.len()),
        Err(error) => println!("the whole list is rejected: {error}"),
    }
}
