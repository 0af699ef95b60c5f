//! The IAM policies AWS Step Functions generates for a state machine's SageMaker tasks, as the
//! Step Functions page "IAM policies for Amazon SageMaker" shows them: one per
//! [`Integration`], [`Pattern`] and kind of [`Resources`], built with [`policy!`](crate::policy!)
//! so that every SageMaker action and ARN in them is checked at compile time.
//!
//! ```
//! use sagemaker_actions::step_functions::{Integration, Parameters, Pattern, Resources};
//!
//! let parameters = Parameters::new(
//!     "us-east-1",
//!     "123456789012",
//!     "arn:aws:iam::123456789012:role/SageMakerExecution",
//! );
//! let policy = Integration::CreateTrainingJob.policy(
//!     Pattern::Sync,
//!     Resources::Static { job_name: "nightly" },
//!     &parameters,
//! );
//! let first = &policy.statements()[0];
//! let resources: Vec<&str> = first.resource.as_ref().unwrap().items().iter().map(|r| r.as_str()).collect();
//! assert_eq!(resources, ["arn:aws:sagemaker:us-east-1:123456789012:training-job/nightly*"]);
//! // The events statement lets Step Functions watch the job for `.sync`.
//! assert_eq!(policy.statements().len(), 4);
//! ```
//!
//! The page's own text, with its `[[region]]`, `[[accountId]]`, `[[trainingJobName]]`,
//! `[[transformJobName]]` and `[[roleArn]]` placeholders, comes from [`Template`]s, rendered
//! with [`Parameters::PLACEHOLDERS`]:
//!
//! ```
//! use sagemaker_actions::step_functions::Template;
//!
//! let templates: Vec<Template> = Template::all().collect();
//! assert_eq!(templates.len(), 8);
//! assert_eq!(templates[0].heading(), "CreateTrainingJob / Static resources / Run a Job (.sync)");
//! # #[cfg(feature = "serde")]
//! assert!(templates[0].policy().to_json().contains("training-job/[[trainingJobName]]*"));
//! ```
//!
//! # `CreateTransformJob`
//!
//! Step Functions writes the `CreateTrainingJob` policy into the role it creates for a state
//! machine, but not the `CreateTransformJob` one: for a state machine with a transform task,
//! attach the policy this module builds to the created role as an inline policy yourself (see
//! [`Integration::generated_by_step_functions`]).
//!
//! # Partitions
//!
//! [`Parameters::in_partition`] selects `aws-cn`, `aws-us-gov`, ...: the job ARN is built with
//! the typed builder's `in_partition`, which the `policy!` macro checks like any typed resource.

use crate::policy::Policy;
use crate::{Action, ResourceType};
use std::fmt;

/// The partition the `policy!` macro's typed ARN builders write.
const DEFAULT_PARTITION: &str = "aws";

/// What the page's policies need to know about a SageMaker integration. Each row becomes an
/// [`Integration`] variant with its facts and its two policy shapes; the actions and ARN
/// builders are identifiers so that `policy!` checks them against the catalog.
macro_rules! integrations {
    ($(
        $(#[$doc:meta])*
        $variant:ident {
            create: $create:ident,
            describe: $describe:ident,
            stop: $stop:ident,
            arn: $arn:ident,
            events_rule: $rule:literal,
            job_name_placeholder: $placeholder:literal,
            generated_by_step_functions: $generated:literal,
        }
    )*) => {
        /// A SageMaker API that a Step Functions task state calls.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Integration {
            $($(#[$doc])* $variant,)*
        }

        impl Integration {
            /// Every integration, in the page's order.
            ///
            /// ```
            /// use sagemaker_actions::step_functions::Integration;
            /// assert_eq!(Integration::ALL[0], Integration::CreateTrainingJob);
            /// ```
            pub const ALL: &'static [Integration] = &[$(Integration::$variant),*];

            /// The API's name, as the page's headings write it.
            ///
            /// ```
            /// use sagemaker_actions::step_functions::Integration;
            /// assert_eq!(Integration::CreateTransformJob.name(), "CreateTransformJob");
            /// ```
            pub const fn name(self) -> &'static str {
                match self {
                    $(Integration::$variant => stringify!($variant),)*
                }
            }

            /// The action that starts the job: the only SageMaker action a
            /// [`Pattern::WaitForTaskToken`] policy grants on the job.
            ///
            /// ```
            /// use sagemaker_actions::{step_functions::Integration, Action};
            /// assert_eq!(Integration::CreateTrainingJob.create_action(), Action::CreateTrainingJob);
            /// ```
            pub const fn create_action(self) -> Action {
                match self {
                    $(Integration::$variant => Action::$create,)*
                }
            }

            /// The action Step Functions polls the job with for [`Pattern::Sync`].
            ///
            /// ```
            /// use sagemaker_actions::{step_functions::Integration, Action};
            /// assert_eq!(Integration::CreateTrainingJob.describe_action(), Action::DescribeTrainingJob);
            /// ```
            pub const fn describe_action(self) -> Action {
                match self {
                    $(Integration::$variant => Action::$describe,)*
                }
            }

            /// The action Step Functions stops the job with when a [`Pattern::Sync`] execution
            /// is stopped.
            ///
            /// ```
            /// use sagemaker_actions::{step_functions::Integration, Action};
            /// assert_eq!(Integration::CreateTransformJob.stop_action(), Action::StopTransformJob);
            /// ```
            pub const fn stop_action(self) -> Action {
                match self {
                    $(Integration::$variant => Action::$stop,)*
                }
            }

            /// The SageMaker actions the policy grants on the job, in the page's order.
            ///
            /// ```
            /// use sagemaker_actions::step_functions::{Integration, Pattern};
            /// use sagemaker_actions::Action;
            /// let actions = Integration::CreateTrainingJob.job_actions(Pattern::WaitForTaskToken);
            /// assert_eq!(actions, [Action::CreateTrainingJob]);
            /// ```
            pub fn job_actions(self, pattern: Pattern) -> Vec<Action> {
                match pattern {
                    Pattern::Sync => {
                        vec![self.create_action(), self.describe_action(), self.stop_action()]
                    }
                    Pattern::WaitForTaskToken => vec![self.create_action()],
                }
            }

            /// The resource type of the job the policy names.
            ///
            /// ```
            /// use sagemaker_actions::{step_functions::Integration, ResourceType};
            /// assert_eq!(Integration::CreateTransformJob.resource_type(), ResourceType::TransformJob);
            /// ```
            pub const fn resource_type(self) -> ResourceType {
                match self {
                    $(Integration::$variant => crate::arn::$arn::RESOURCE_TYPE,)*
                }
            }

            /// The EventBridge rule Step Functions manages to learn when a [`Pattern::Sync`]
            /// job ends.
            ///
            /// ```
            /// use sagemaker_actions::step_functions::Integration;
            /// assert_eq!(
            ///     Integration::CreateTrainingJob.events_rule_name(),
            ///     "StepFunctionsGetEventsForSageMakerTrainingJobsRule",
            /// );
            /// ```
            pub const fn events_rule_name(self) -> &'static str {
                match self {
                    $(Integration::$variant => $rule,)*
                }
            }

            /// The page's placeholder for the job name of [`Resources::Static`].
            ///
            /// ```
            /// use sagemaker_actions::step_functions::Integration;
            /// assert_eq!(Integration::CreateTransformJob.job_name_placeholder(), "[[transformJobName]]");
            /// ```
            pub const fn job_name_placeholder(self) -> &'static str {
                match self {
                    $(Integration::$variant => $placeholder,)*
                }
            }

            /// Whether Step Functions writes this policy into the role it creates for a state
            /// machine. When it does not (`CreateTransformJob`), attach the policy to that role
            /// as an inline policy yourself.
            ///
            /// ```
            /// use sagemaker_actions::step_functions::Integration;
            /// assert!(Integration::CreateTrainingJob.generated_by_step_functions());
            /// assert!(!Integration::CreateTransformJob.generated_by_step_functions());
            /// ```
            pub const fn generated_by_step_functions(self) -> bool {
                match self {
                    $(Integration::$variant => $generated,)*
                }
            }

            /// The policy for a task state calling this integration with `pattern` on
            /// `resources`, for the account, region and role of `parameters`.
            ///
            /// ```
            /// use sagemaker_actions::step_functions::{Integration, Parameters, Pattern, Resources};
            ///
            /// let parameters = Parameters::new(
            ///     "eu-west-1",
            ///     "123456789012",
            ///     "arn:aws:iam::123456789012:role/SageMakerExecution",
            /// );
            /// let policy = Integration::CreateTransformJob.policy(
            ///     Pattern::WaitForTaskToken,
            ///     Resources::Dynamic,
            ///     &parameters,
            /// );
            /// let first = &policy.statements()[0];
            /// let resource = &first.resource.as_ref().unwrap().items()[0];
            /// assert_eq!(resource.as_str(), "arn:aws:sagemaker:eu-west-1:123456789012:transform-job/*");
            /// // No EventBridge rule: a callback task does not wait for the job.
            /// assert_eq!(policy.statements().len(), 3);
            /// ```
            pub fn policy(
                self,
                pattern: Pattern,
                resources: Resources<'_>,
                parameters: &Parameters<'_>,
            ) -> Policy {
                let Parameters { partition, region, account_id, role_arn } = *parameters;
                let job_name = resources.arn_job_name();
                let events_rule = self.events_rule_arn(parameters);
                match (self, pattern) {
                    $(
                        (Integration::$variant, Pattern::Sync) => $crate::policy! {
                            Version: "2012-10-17",
                            Statement: [
                                {
                                    Effect: Allow,
                                    Action: [$create, $describe, $stop],
                                    Resource: [$arn::in_partition(partition, region, account_id, &job_name)],
                                },
                                { Effect: Allow, Action: [ListTags], Resource: ["*"] },
                                {
                                    Effect: Allow,
                                    Action: [iam::PassRole],
                                    Resource: [unchecked(role_arn.to_owned())],
                                    Condition: {
                                        StringEquals: { unchecked("iam:PassedToService"): "sagemaker.amazonaws.com" },
                                    },
                                },
                                {
                                    Effect: Allow,
                                    Action: [
                                        unchecked("events:PutTargets"),
                                        unchecked("events:PutRule"),
                                        unchecked("events:DescribeRule"),
                                    ],
                                    Resource: [unchecked(events_rule)],
                                },
                            ],
                        },
                        (Integration::$variant, Pattern::WaitForTaskToken) => $crate::policy! {
                            Version: "2012-10-17",
                            Statement: [
                                {
                                    Effect: Allow,
                                    Action: [$create],
                                    Resource: [$arn::in_partition(partition, region, account_id, &job_name)],
                                },
                                { Effect: Allow, Action: [ListTags], Resource: ["*"] },
                                {
                                    Effect: Allow,
                                    Action: [iam::PassRole],
                                    Resource: [unchecked(role_arn.to_owned())],
                                    Condition: {
                                        StringEquals: { unchecked("iam:PassedToService"): "sagemaker.amazonaws.com" },
                                    },
                                },
                            ],
                        },
                    )*
                }
            }
        }
    };
}

integrations! {
    /// `CreateTrainingJob`: `arn:aws:states:::sagemaker:createTrainingJob[.sync]`.
    CreateTrainingJob {
        create: CreateTrainingJob,
        describe: DescribeTrainingJob,
        stop: StopTrainingJob,
        arn: TrainingJob,
        events_rule: "StepFunctionsGetEventsForSageMakerTrainingJobsRule",
        job_name_placeholder: "[[trainingJobName]]",
        generated_by_step_functions: true,
    }
    /// `CreateTransformJob`: `arn:aws:states:::sagemaker:createTransformJob[.sync]`. Step
    /// Functions does not add its policy to the role it creates for a state machine; attach
    /// it as an inline policy.
    CreateTransformJob {
        create: CreateTransformJob,
        describe: DescribeTransformJob,
        stop: StopTransformJob,
        arn: TransformJob,
        events_rule: "StepFunctionsGetEventsForSageMakerTransformJobsRule",
        job_name_placeholder: "[[transformJobName]]",
        generated_by_step_functions: false,
    }
}

impl Integration {
    /// The ARN of the EventBridge rule a [`Pattern::Sync`] policy lets Step Functions manage.
    ///
    /// ```
    /// use sagemaker_actions::step_functions::{Integration, Parameters};
    /// assert_eq!(
    ///     Integration::CreateTransformJob.events_rule_arn(&Parameters::PLACEHOLDERS),
    ///     "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule",
    /// );
    /// ```
    pub fn events_rule_arn(self, parameters: &Parameters<'_>) -> String {
        let Parameters {
            partition,
            region,
            account_id,
            ..
        } = *parameters;
        format!(
            "arn:{partition}:events:{region}:{account_id}:rule/{}",
            self.events_rule_name()
        )
    }
}

impl fmt::Display for Integration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How the state machine waits for the job: the page's two policy shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pattern {
    /// "Run a Job (.sync)": Step Functions waits for the job to end, so it also describes and
    /// stops the job and manages an EventBridge rule that reports the job's end.
    Sync,
    /// "Request Response and Callback (.waitForTaskToken)": Step Functions only starts the
    /// job (and, for a callback, waits for a task token), so it needs the create action alone.
    WaitForTaskToken,
}

impl Pattern {
    /// Both patterns, in the page's order.
    ///
    /// ```
    /// use sagemaker_actions::step_functions::Pattern;
    /// assert_eq!(Pattern::ALL, [Pattern::Sync, Pattern::WaitForTaskToken]);
    /// ```
    pub const ALL: [Pattern; 2] = [Pattern::Sync, Pattern::WaitForTaskToken];

    /// The page's heading for the pattern.
    ///
    /// ```
    /// use sagemaker_actions::step_functions::Pattern;
    /// assert_eq!(Pattern::Sync.heading(), "Run a Job (.sync)");
    /// assert_eq!(
    ///     Pattern::WaitForTaskToken.heading(),
    ///     "Request Response and Callback (.waitForTaskToken)",
    /// );
    /// ```
    pub const fn heading(self) -> &'static str {
        match self {
            Pattern::Sync => "Run a Job (.sync)",
            Pattern::WaitForTaskToken => "Request Response and Callback (.waitForTaskToken)",
        }
    }

    /// The suffix of the task's resource (`arn:aws:states:::sagemaker:createTrainingJob.sync`).
    ///
    /// ```
    /// use sagemaker_actions::step_functions::Pattern;
    /// assert_eq!(Pattern::WaitForTaskToken.suffix(), ".waitForTaskToken");
    /// ```
    pub const fn suffix(self) -> &'static str {
        match self {
            Pattern::Sync => ".sync",
            Pattern::WaitForTaskToken => ".waitForTaskToken",
        }
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.heading())
    }
}

/// Which jobs the policy covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resources<'a> {
    /// "Static resources": the state machine definition names the job, and the policy grants
    /// the jobs whose names start with that name (the ARN ends with `<job_name>*`).
    Static {
        /// The job name the state machine definition gives.
        job_name: &'a str,
    },
    /// "Dynamic resources": the job name comes from the execution's input (`JobName.$`), so
    /// the policy grants every job of the type in the account and region (`<type>/*`).
    Dynamic,
}

impl Resources<'_> {
    /// The page's name for the kind of resources.
    ///
    /// ```
    /// use sagemaker_actions::step_functions::Resources;
    /// assert_eq!(Resources::Dynamic.heading(), "Dynamic resources");
    /// assert_eq!(Resources::Static { job_name: "x" }.heading(), "Static resources");
    /// ```
    pub const fn heading(&self) -> &'static str {
        match self {
            Resources::Static { .. } => "Static resources",
            Resources::Dynamic => "Dynamic resources",
        }
    }

    /// The last part of the job ARN: `<job_name>*` or `*`.
    fn arn_job_name(&self) -> String {
        match self {
            Resources::Static { job_name } => format!("{job_name}*"),
            Resources::Dynamic => "*".to_owned(),
        }
    }
}

/// Where the state machine runs and which role it passes to SageMaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Parameters<'a> {
    /// The partition: `aws`, `aws-cn`, `aws-us-gov`, ...
    pub partition: &'a str,
    /// The region of the jobs and of the EventBridge rule.
    pub region: &'a str,
    /// The account of the jobs and of the EventBridge rule.
    pub account_id: &'a str,
    /// The role SageMaker assumes to run the job (the request's `RoleArn`), which Step
    /// Functions passes with `iam:PassRole`.
    pub role_arn: &'a str,
}

impl<'a> Parameters<'a> {
    /// The page's placeholders, to render its policies as documentation.
    ///
    /// ```
    /// use sagemaker_actions::step_functions::Parameters;
    /// assert_eq!(Parameters::PLACEHOLDERS.region, "[[region]]");
    /// assert_eq!(Parameters::PLACEHOLDERS.account_id, "[[accountId]]");
    /// assert_eq!(Parameters::PLACEHOLDERS.role_arn, "[[roleArn]]");
    /// ```
    pub const PLACEHOLDERS: Parameters<'static> = Parameters {
        partition: DEFAULT_PARTITION,
        region: "[[region]]",
        account_id: "[[accountId]]",
        role_arn: "[[roleArn]]",
    };

    /// Parameters in the `aws` partition.
    ///
    /// ```
    /// use sagemaker_actions::step_functions::Parameters;
    /// let parameters = Parameters::new("us-east-1", "123456789012", "arn:aws:iam::123456789012:role/R");
    /// assert_eq!(parameters.partition, "aws");
    /// ```
    pub const fn new(region: &'a str, account_id: &'a str, role_arn: &'a str) -> Self {
        Parameters {
            partition: DEFAULT_PARTITION,
            region,
            account_id,
            role_arn,
        }
    }

    /// The same parameters in another partition.
    ///
    /// ```
    /// use sagemaker_actions::step_functions::{Integration, Parameters, Pattern, Resources};
    /// let parameters = Parameters::new("cn-north-1", "123456789012", "arn:aws-cn:iam::123456789012:role/R")
    ///     .in_partition("aws-cn");
    /// let policy = Integration::CreateTrainingJob.policy(Pattern::Sync, Resources::Dynamic, &parameters);
    /// let job = &policy.statements()[0].resource.as_ref().unwrap().items()[0];
    /// assert_eq!(job.as_str(), "arn:aws-cn:sagemaker:cn-north-1:123456789012:training-job/*");
    /// ```
    pub const fn in_partition(self, partition: &'a str) -> Self {
        Parameters { partition, ..self }
    }
}

/// One policy of the page: an integration, a kind of resources and a pattern, with the page's
/// placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Template {
    /// The integration.
    pub integration: Integration,
    /// The resources; a static job name is the page's placeholder.
    pub resources: Resources<'static>,
    /// The pattern.
    pub pattern: Pattern,
}

impl Template {
    /// Every policy of the page, in its order: by integration, static then dynamic resources,
    /// `.sync` then `.waitForTaskToken`.
    ///
    /// The page heads the dynamic `CreateTrainingJob` `.sync` policy ".sync or
    /// .waitForTaskToken", though the policy is the `.sync` one (it describes and stops jobs
    /// and manages the EventBridge rule) and the `.waitForTaskToken` one follows it.
    ///
    /// ```
    /// use sagemaker_actions::step_functions::{Integration, Pattern, Resources, Template};
    /// let last = Template::all().last().unwrap();
    /// assert_eq!(last.integration, Integration::CreateTransformJob);
    /// assert_eq!(last.resources, Resources::Dynamic);
    /// assert_eq!(last.pattern, Pattern::WaitForTaskToken);
    /// ```
    pub fn all() -> impl Iterator<Item = Template> {
        Integration::ALL.iter().flat_map(|&integration| {
            let resources = [
                Resources::Static {
                    job_name: integration.job_name_placeholder(),
                },
                Resources::Dynamic,
            ];
            resources.into_iter().flat_map(move |resources| {
                Pattern::ALL.into_iter().map(move |pattern| Template {
                    integration,
                    resources,
                    pattern,
                })
            })
        })
    }

    /// `integration / resources / pattern`, in the page's words.
    ///
    /// ```
    /// use sagemaker_actions::step_functions::{Integration, Pattern, Resources, Template};
    /// let template = Template {
    ///     integration: Integration::CreateTransformJob,
    ///     resources: Resources::Dynamic,
    ///     pattern: Pattern::WaitForTaskToken,
    /// };
    /// assert_eq!(
    ///     template.heading(),
    ///     "CreateTransformJob / Dynamic resources / Request Response and Callback (.waitForTaskToken)",
    /// );
    /// ```
    pub fn heading(&self) -> String {
        format!(
            "{} / {} / {}",
            self.integration,
            self.resources.heading(),
            self.pattern.heading()
        )
    }

    /// The policy with the page's placeholders, as the page prints it.
    ///
    /// ```
    /// use sagemaker_actions::step_functions::Template;
    /// let policy = Template::all().next().unwrap().policy();
    /// let job = &policy.statements()[0].resource.as_ref().unwrap().items()[0];
    /// assert_eq!(
    ///     job.as_str(),
    ///     "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/[[trainingJobName]]*",
    /// );
    /// ```
    pub fn policy(&self) -> Policy {
        self.integration
            .policy(self.pattern, self.resources, &Parameters::PLACEHOLDERS)
    }
}
