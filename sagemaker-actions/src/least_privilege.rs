//! The policy a program needs, from the API operations it calls: AWS's service reference says
//! which IAM actions each operation is authorized against (with the condition values the call
//! carries), and the catalog says which resource types each action can be scoped to.
//!
//! ```
//! use sagemaker_actions::arn::TrainingJob;
//! use sagemaker_actions::least_privilege::LeastPrivilege;
//! use sagemaker_actions::Operation;
//!
//! let job = TrainingJob::new("us-east-1", "123456789012", "nightly-*");
//! let policy = LeastPrivilege::new()
//!     .call_on(Operation::CreateTrainingJob, [job.clone().into()])
//!     .call_on(Operation::DescribeTrainingJob, [job.into()])
//!     .call(Operation::ListTrainingJobs)
//!     .pass_role("arn:aws:iam::123456789012:role/SageMakerExecution")
//!     .policy();
//! let json = policy.to_json();
//! assert!(json.contains(r#""iam:PassedToService":"sagemaker.amazonaws.com""#));
//! ```

use crate::operation::Authorization;
use crate::policy::{
    ActionElement, ActionItem, Condition, ConditionBlock, ConditionEntry, ConditionKeyItem,
    ConditionValue, Effect, OneOrMany, Operator, Policy, ResourceElement, ResourceItem, Statement,
};
use crate::{Action, Operation};
use std::borrow::Cow;

/// The operations a program calls and the resources it calls them on; [`LeastPrivilege::policy`]
/// is the policy that allows exactly those calls.
#[derive(Debug, Clone, Default)]
pub struct LeastPrivilege {
    calls: Vec<(Operation, Vec<ResourceItem>)>,
    roles: Vec<String>,
}

impl LeastPrivilege {
    /// No calls yet.
    pub fn new() -> Self {
        LeastPrivilege::default()
    }

    /// A call of `operation` on any resource: its actions are allowed on `"*"`.
    pub fn call(self, operation: Operation) -> Self {
        self.call_on(operation, [])
    }

    /// A call of `operation` on these resources (typed ARNs from [`crate::arn`], or
    /// [`ResourceItem::unchecked`] for ARNs known only at run time). Each authorized action is
    /// allowed on the resources that fit one of its resource types; an action that fits none of
    /// them, or has no resource types, is allowed on `"*"`.
    pub fn call_on(
        mut self,
        operation: Operation,
        resources: impl IntoIterator<Item = ResourceItem>,
    ) -> Self {
        self.calls
            .push((operation, resources.into_iter().collect()));
        self
    }

    /// The execution role the calls pass to SageMaker: `iam:PassRole` is allowed on it alone,
    /// for the services the operations pass roles to. Without one, `iam:PassRole` is allowed on
    /// `"*"` (which the validator reports as `PASS_ROLE_WITH_STAR_IN_RESOURCE`).
    pub fn pass_role(mut self, role_arn: impl Into<String>) -> Self {
        self.roles.push(role_arn.into());
        self
    }

    /// The policy: one statement per set of resources (their actions sorted), one for the
    /// actions allowed on `"*"`, and one for `iam:PassRole` scoped to the roles with
    /// `iam:PassedToService` from the service reference. Operations the reference authorizes
    /// against no action add nothing.
    pub fn policy(&self) -> Policy {
        let mut scoped: Vec<(Vec<ResourceItem>, Vec<String>)> = Vec::new();
        let mut anywhere: Vec<String> = Vec::new();
        let mut passed_to: Vec<&'static str> = Vec::new();
        for (operation, resources) in &self.calls {
            for authorization in operation.authorized_actions() {
                if is_pass_role(authorization) {
                    for value in authorization.values() {
                        add(&mut passed_to, *value);
                    }
                    continue;
                }
                let fitting = fitting_resources(authorization, resources);
                let name = authorization.action_name().to_owned();
                if fitting.is_empty() {
                    add(&mut anywhere, name);
                } else if let Some((_, actions)) =
                    scoped.iter_mut().find(|(scope, _)| *scope == fitting)
                {
                    add(actions, name);
                } else {
                    scoped.push((fitting, vec![name]));
                }
            }
        }
        let mut statements: Vec<Statement> = scoped
            .into_iter()
            .map(|(resources, actions)| allow(actions, resources, None))
            .collect();
        if !anywhere.is_empty() {
            statements.push(allow(anywhere, vec![ResourceItem::all()], None));
        }
        if !passed_to.is_empty() {
            let roles = if self.roles.is_empty() {
                vec![ResourceItem::all()]
            } else {
                self.roles
                    .iter()
                    .map(|role| ResourceItem::unchecked(role.clone()))
                    .collect()
            };
            statements.push(allow(
                vec!["iam:PassRole".to_owned()],
                roles,
                Some(passed_to_service(&passed_to)),
            ));
        }
        Policy::new(statements)
    }
}

fn is_pass_role(authorization: &Authorization) -> bool {
    authorization.action_name() == "iam:PassRole"
        && authorization.condition_key() == Some("iam:PassedToService")
}

/// The resources of a call that fit one of the action's resource types. Only SageMaker actions
/// are typed here; another service's action (or a resource of another service) fits nothing
/// and so is allowed on `"*"`.
fn fitting_resources(
    authorization: &Authorization,
    resources: &[ResourceItem],
) -> Vec<ResourceItem> {
    let Some(action) = authorization.action() else {
        return Vec::new();
    };
    resources
        .iter()
        .filter(|resource| fits(action, resource))
        .cloned()
        .collect()
}

fn fits(action: Action, resource: &ResourceItem) -> bool {
    action
        .resource_types()
        .iter()
        .any(|row| match resource.declared_type() {
            Some(declared) => declared == row.resource_type(),
            None => resource.could_match(row.resource_type()),
        })
}

fn add<T: Ord>(items: &mut Vec<T>, item: T) {
    if let Err(at) = items.binary_search(&item) {
        items.insert(at, item);
    }
}

fn allow(
    actions: Vec<String>,
    resources: Vec<ResourceItem>,
    condition: Option<Condition>,
) -> Statement {
    Statement {
        sid: None,
        effect: Effect::Allow,
        principal: None,
        action: Some(ActionElement::Action(OneOrMany::Many(
            actions.into_iter().map(ActionItem::from_written).collect(),
        ))),
        resource: Some(ResourceElement::Resource(OneOrMany::Many(resources))),
        condition,
    }
}

fn passed_to_service(services: &[&'static str]) -> Condition {
    let values = services
        .iter()
        .map(|service| ConditionValue::String(Cow::Borrowed(*service)))
        .collect::<Vec<_>>();
    let values = if values.len() == 1 {
        OneOrMany::One(values.into_iter().next().expect("one value"))
    } else {
        OneOrMany::Many(values)
    };
    Condition {
        blocks: vec![ConditionBlock::new(
            "StringEquals"
                .parse::<Operator>()
                .expect("a known operator"),
            vec![ConditionEntry {
                key: ConditionKeyItem::unchecked("iam:PassedToService"),
                values,
            }],
        )],
    }
}
