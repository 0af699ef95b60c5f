//! Prints the validator's findings for a JSON policy file.
//!
//! ```text
//! cargo run --example validate_file -- policy.json
//! ```

use sagemaker_actions::validate::validate_json;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: validate_file POLICY.json");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            return ExitCode::from(2);
        }
    };
    let findings = validate_json(&text);
    for finding in &findings {
        println!("{path}: {finding}");
    }
    println!("{} finding(s)", findings.len());
    ExitCode::SUCCESS
}
