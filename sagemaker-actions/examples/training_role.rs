//! A least-privilege identity policy for a role that runs SageMaker training jobs in one
//! account and region: it starts, watches and stops its own jobs, passes exactly one execution
//! role to SageMaker, and reads the jobs' logs.
//!
//! ```text
//! cargo run -p sagemaker-actions --example training_role
//! ```

use sagemaker_actions::policy;

fn main() {
    let (region, account) = ("us-east-1", "123456789012");
    // Jobs are named `team-a-...` so that the role cannot touch other teams' jobs.
    let jobs = "team-a-*";
    let execution_role = format!("arn:aws:iam::{account}:role/team-a-sagemaker-execution");
    let training_logs = format!(
        "arn:aws:logs:{region}:{account}:log-group:/aws/sagemaker/TrainingJobs:log-stream:{jobs}"
    );

    let policy = policy! {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "RunTrainingJobs",
                Effect: Allow,
                // AddTags: CreateTrainingJob with Tags also needs it on the new job.
                Action: [CreateTrainingJob, DescribeTrainingJob, StopTrainingJob, AddTags],
                Resource: [TrainingJob(region, account, jobs)],
                Condition: {
                    // Only the instance families the team's budget covers. ForAllValues, not
                    // ForAnyValue: Describe and Stop requests carry no instance types, and an
                    // empty set satisfies ForAllValues.
                    ForAllValues:StringLike: { InstanceTypes: ["ml.m5.*", "ml.g5.*"] },
                },
            },
            {
                Sid: "FindTrainingJobs",
                Effect: Allow,
                // List actions have no resource types: IAM grants them only on "*".
                Action: [ListTrainingJobs],
                Resource: "*",
            },
            {
                Sid: "PassTheExecutionRoleToSageMakerOnly",
                Effect: Allow,
                Action: [iam::PassRole],
                Resource: [unchecked(execution_role)],
                Condition: { StringEquals: { unchecked("iam:PassedToService"): "sagemaker.amazonaws.com" } },
            },
            {
                Sid: "ReadTrainingLogs",
                Effect: Allow,
                Action: [unchecked("logs:GetLogEvents"), unchecked("logs:DescribeLogStreams")],
                Resource: [unchecked(training_logs)],
            },
        ],
    };
    println!("{}", policy.to_json_pretty());
}
