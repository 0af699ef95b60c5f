//! Prints every policy of the Step Functions page "IAM policies for Amazon SageMaker", with the
//! page's placeholders and in the page's order, each under a `## ` heading naming it, so that
//! the output can be read side by side with the page.
//!
//! ```text
//! cargo run -p sagemaker-actions --example step_functions
//! ```

use sagemaker_actions::step_functions::Template;

fn main() {
    for (index, template) in Template::all().enumerate() {
        if index > 0 {
            println!();
        }
        println!("## {}", template.heading());
        if !template.integration.generated_by_step_functions() {
            // The page's note: this one is not added to the state machine's role for you.
            println!("(attach as an inline policy: Step Functions does not create it)");
        }
        println!("{}", template.policy().to_json_pretty());
    }
}
