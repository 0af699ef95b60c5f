use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Statement: { Effect: Allow, Action: [unchecked("not an action")], Resource: "*" }
    };
}
