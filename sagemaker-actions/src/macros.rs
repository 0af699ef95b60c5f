//! `policy!` and `statement!`: IAM policies written like their JSON, checked by the compiler.
//!
//! The macros parse a JSON-like statement with `macro_rules!` only (no proc-macro crate). Each
//! statement expands to a `const _: () = check_statement(&...)` item describing the statement
//! as constants, and to the expression that builds it. Names become Rust paths
//! (`Action::CreateTrainingJob`, `ResourceType::TrainingJob`, `ConditionKey::InstanceTypes`,
//! `services::iam::PassRole`), so a typo is a compile error with the compiler's "a similar name
//! exists" hint; everything else fails constant evaluation with a message.

/// Builds a [`Policy`](crate::policy::Policy) from IAM-JSON-like syntax, checked at compile time.
///
/// ```
/// use sagemaker_actions::policy;
///
/// let (region, account) = ("us-east-1", "123456789012");
/// let role_arn = format!("arn:aws:iam::{account}:role/SageMakerExecution");
/// let policy = policy! {
///     Version: "2012-10-17",
///     Statement: [
///         {
///             Sid: "TrainInOurVpc",
///             Effect: Allow,
///             Action: [CreateTrainingJob, DescribeTrainingJob, StopTrainingJob],
///             Resource: [TrainingJob(region, account, "nightly-*")],
///             Condition: {
///                 ForAllValues:StringLike: { InstanceTypes: ["ml.m5.*", "ml.c5.*"] },
///                 Bool: { NetworkIsolation: "true" },
///             },
///         },
///         {
///             Effect: Allow,
///             Action: ListTrainingJobs,
///             Resource: "*",
///         },
///         {
///             Effect: Allow,
///             Action: [iam::PassRole],
///             Resource: [unchecked(role_arn)],
///             Condition: { StringEquals: { unchecked("iam:PassedToService"): "sagemaker.amazonaws.com" } },
///         },
///     ],
/// };
/// assert_eq!(policy.statements().len(), 3);
/// # #[cfg(feature = "serde")]
/// assert!(policy.to_json().contains("\"Action\":\"sagemaker:ListTrainingJobs\""));
/// ```
///
/// # Syntax
///
/// The policy takes `Version` (a literal; `"2012-10-17"` when left out), `Id` and `Statement`
/// (one `{ ... }` statement or a `[...]` list of them). A statement takes, in any order, each
/// at most once: `Sid`, `Effect: Allow | Deny`, `Principal`/`NotPrincipal`,
/// `Action`/`NotAction`, `Resource`/`NotResource` and `Condition`. As in JSON, an element with one
/// item may drop the brackets (`Action: ListTrainingJobs`, `Action: unchecked("s3:GetObject")`,
/// `Resource: "*"`); the policy then serializes it as a lone string.
///
/// | element | items |
/// |---|---|
/// | `Action` | `CreateTrainingJob` (a SageMaker action), `"sagemaker:Describe*"` (a pattern or `"*"`), `iam::PassRole` (a typed dependent action, see [`services`](crate::services)), `unchecked("events:PutRule")` (another service: syntax checked only) |
/// | `Resource` | `"*"`, `TrainingJob(region, account, name)` or `TrainingJob::in_partition(partition, region, account, name)` (typed ARN builders from [`arn`](crate::arn)), `"arn:aws:sagemaker:*:*:training-job/x" as TrainingJob` (a literal declared as a type), `job as TrainingJob` or `(expr) as TrainingJob` (a run-time value whose Rust type is an ARN of that type: an [`arn::TrainingJob`](crate::arn::TrainingJob) or what [`TypedArn::parse`](crate::arn::TypedArn::parse) returns), `"arn:..."` (a literal), `unchecked(expr)` (another service's ARN or any run-time text) |
/// | `Principal` | `"*"` or `{ AWS: ..., Service: ..., Federated: ..., CanonicalUser: ... }` |
/// | `Condition` | `{ Operator: { key: value-or-[values], ... }, ForAnyValue:Operator: { ... } }` |
///
/// Condition keys are `InstanceTypes` (a SageMaker key), `ResourceTag("team")` (a
/// parameterized one), `aws::SourceIp`, `aws::ResourceTag("team")` (global keys) or
/// `unchecked("iam:PassedToService")` (keys of other services). Values are literals (checked
/// against the operator at compile time) or run-time expressions in a single token (a variable,
/// `(expr)`), whose Rust type must suit the operator: strings for String and ARN operators,
/// numbers for Numeric, `bool` for `Bool` and `Null`, `IpAddr` for IP operators, `SystemTime`
/// or epoch seconds for Date operators. `key: [..values]` takes every item of a run-time
/// collection (a `Vec`, slice, array or iterator) as the key's array of values, each item of a
/// type the operator accepts. Integer literals are `i64`, so epoch seconds past 2038
/// (`4102444800`) are written as numbers. Principal values may be literals, `String`s or
/// borrowed text (`&String`, `&str`).
///
/// # What fails to compile
///
/// 1. an unknown action, resource type, condition key, operator or qualifier;
/// 2. an action that applies to no resource of its statement (the message lists the resource
///    types it accepts);
/// 3. an action without resource types (such as `ListTrainingJobs`) without `"*"`;
/// 4. a literal ARN that cannot match its declared type, or (untyped) any resource type of the
///    statement's actions;
/// 5. a SageMaker condition key that no action of the statement supports;
/// 6. an operator that does not fit the key's type;
/// 7. a multivalued key without `ForAllValues:`/`ForAnyValue:`, a qualifier on a single-valued
///    key, `NullIfExists`;
/// 8. a literal value of the wrong kind (a Bool key given `"yes"`, a Numeric key `"abc"`, a Date
///    that is neither ISO 8601 nor epoch seconds, an IP that is not CIDR);
/// 9. an empty `Action` or `Resource` list, `Action` with `NotAction`, `Resource` with
///    `NotResource`, a repeated or unknown element;
/// 10. two blocks of one operator in a `Condition` (`StringNotEquals: {..}` twice, or
///     `ForAnyValue:StringLike: {..}` twice), or one key twice in a block. JSON keeps one value
///     per key, so a reader of such a policy would silently drop a condition. They are refused,
///     not merged, so that the JSON is the statement as written: put every key of an operator
///     in one block (all of them must match) and every value of a key in one array (any of them
///     may match). `StringEquals` and `StringEqualsIfExists`, or `ForAnyValue:StringLike` and
///     `StringLike`, are different keys and may both appear. Parameterized keys whose
///     parameters are run-time values (`aws::ResourceTag(a)`, `aws::ResourceTag(b)`) are
///     compared by their source text; if they turn out equal at run time,
///     [`Policy::try_to_json`](crate::policy::Policy::try_to_json) returns an error (and
///     `to_json` panics) rather than write the duplicate.
///
/// Each message names the statement by its `Sid` (when written as a literal), else by its first
/// action, since the compiler points at the whole `policy!`.
///
/// ```compile_fail
/// use sagemaker_actions::policy;
/// let (region, account) = ("us-east-1", "123456789012");
/// // CreateTrainingJob cannot act on an endpoint.
/// let _ = policy! { Statement: { Effect: Allow, Action: CreateTrainingJob, Resource: [Endpoint(region, account, "e")] } };
/// ```
///
/// Checks 2 to 5 concern SageMaker actions: resources of other services neither satisfy nor
/// break them, and a statement of other services' actions is checked for syntax alone.
///
/// `unchecked(expr)` resources count as no resource type: they could be any text, so counting
/// them as "could be anything" would let a statement that grants nothing compile. A SageMaker
/// ARN known only at run time takes the typed road instead: parse it, and declare its type,
/// which the Rust type of the value must agree with.
///
/// ```
/// use sagemaker_actions::arn::{self, TypedArn};
/// use sagemaker_actions::policy;
///
/// let from_config = String::from("arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn");
/// let endpoint = arn::Endpoint::parse(&from_config)?; // checked against endpoint's ARN format
/// let policy = policy! { Statement: { Effect: Allow, Action: InvokeEndpoint, Resource: [endpoint as Endpoint] } };
/// # Ok::<(), arn::ArnParseError>(())
/// ```
///
/// ```compile_fail
/// use sagemaker_actions::policy;
/// let from_config = String::from("arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn");
/// // A String is not an endpoint ARN: parse it first.
/// let _ = policy! { Statement: { Effect: Allow, Action: InvokeEndpoint, Resource: [from_config as Endpoint] } };
/// ```
#[macro_export]
macro_rules! policy {
    ($($element:ident : $value:tt),* $(,)?) => {
        $crate::__policy!(@parse {} {} {} $($element : $value,)*)
    };
}

/// Builds one [`Statement`](crate::policy::Statement), with the syntax and compile-time checks
/// of [`policy!`](crate::policy!).
///
/// ```
/// use sagemaker_actions::statement;
/// let statement = statement! { Effect: Deny, Action: "sagemaker:Delete*", Resource: "*" };
/// assert_eq!(statement.effect, sagemaker_actions::policy::Effect::Deny);
/// ```
#[macro_export]
macro_rules! statement {
    ($($body:tt)*) => {
        $crate::__statement!(@parse [] {} {} {} {} {} {} $($body)* ,)
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __policy {
    (@parse {} $id:tt $statement:tt Version : $value:tt, $($rest:tt)*) => {
        $crate::__policy!(@parse {$value} $id $statement $($rest)*)
    };
    (@parse $version:tt {} $statement:tt Id : $value:tt, $($rest:tt)*) => {
        $crate::__policy!(@parse $version {$value} $statement $($rest)*)
    };
    (@parse $version:tt $id:tt {} Statement : $value:tt, $($rest:tt)*) => {
        $crate::__policy!(@parse $version $id {$value} $($rest)*)
    };
    (@parse $version:tt $id:tt $statement:tt $element:ident : $value:tt, $($rest:tt)*) => {
        ::core::compile_error!(::core::concat!(
            "policy element `", ::core::stringify!($element),
            "` is repeated or unknown: a policy has Version, Id and Statement, each at most once"
        ))
    };
    (@parse $version:tt $id:tt {}) => {
        ::core::compile_error!("a policy needs a Statement element: Statement: [{ Effect: Allow, Action: [...], Resource: [...] }]")
    };
    (@parse {$($version:tt)?} {$($id:tt)?} {$statement:tt}) => {
        $crate::policy::Policy {
            version: $crate::__policy!(@version $($version)?),
            id: $crate::__policy!(@id $($id)?),
            statement: $crate::__policy!(@statements [$($version)?] $statement),
        }
    };
    (@version) => { ::core::option::Option::Some($crate::policy::Version::CURRENT) };
    (@version $version:literal) => {{
        const _: () = match $crate::__private::check_version($version) {
            ::core::result::Result::Ok(()) => (),
            ::core::result::Result::Err(message) => ::core::panic!("{}", message.as_str()),
        };
        ::core::option::Option::Some($crate::policy::Version::from_written($version))
    }};
    (@version $other:tt) => {
        ::core::compile_error!("Version is a literal: Version: \"2012-10-17\"")
    };
    (@id) => { ::core::option::Option::None };
    (@id $id:tt) => { ::core::option::Option::Some(::std::string::ToString::to_string(&$id)) };
    (@statements $version:tt [ $({ $($statement:tt)* }),* $(,)? ]) => {
        $crate::policy::OneOrMany::Many(::std::vec![$(
            $crate::__statement!(@parse $version {} {} {} {} {} {} $($statement)* ,)
        ),*])
    };
    (@statements $version:tt { $($statement:tt)* }) => {
        $crate::policy::OneOrMany::One($crate::__statement!(@parse $version {} {} {} {} {} {} $($statement)* ,))
    };
    (@statements $version:tt $other:tt) => {
        ::core::compile_error!("Statement is one { ... } statement or a [ { ... }, ... ] list of them")
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __statement {
    // Slots, in order: Sid, Effect, Principal, Action, Resource, Condition.
    (@parse $ver:tt {} $e:tt $p:tt $a:tt $r:tt $c:tt Sid : $v:tt, $($rest:tt)*) => {
        $crate::__statement!(@parse $ver {$v} $e $p $a $r $c $($rest)*)
    };
    (@parse $ver:tt $s:tt {} $p:tt $a:tt $r:tt $c:tt Effect : $v:tt, $($rest:tt)*) => {
        $crate::__statement!(@parse $ver $s {$v} $p $a $r $c $($rest)*)
    };
    (@parse $ver:tt $s:tt $e:tt {} $a:tt $r:tt $c:tt Principal : $v:tt, $($rest:tt)*) => {
        $crate::__statement!(@parse $ver $s $e {Principal $v} $a $r $c $($rest)*)
    };
    (@parse $ver:tt $s:tt $e:tt {} $a:tt $r:tt $c:tt NotPrincipal : $v:tt, $($rest:tt)*) => {
        $crate::__statement!(@parse $ver $s $e {NotPrincipal $v} $a $r $c $($rest)*)
    };
    // A lone item of several tokens, kept lone (like a lone JSON string) but read as one item.
    (@parse $ver:tt $s:tt $e:tt $p:tt {} $r:tt $c:tt $element:ident : $prefix:ident :: $name:ident, $($rest:tt)*) => {
        $crate::__statement!(@lone $ver $s $e $p {} $r $c $element ($prefix :: $name) $($rest)*)
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt {} $c:tt $element:ident : $name:ident :: $constructor:ident ( $($args:tt)* ), $($rest:tt)*) => {
        $crate::__statement!(@lone $ver $s $e $p $a {} $c $element ($name :: $constructor ($($args)*)) $($rest)*)
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt $r:tt $c:tt $element:ident : $name:ident ( $($args:tt)* ), $($rest:tt)*) => {
        $crate::__statement!(@lone $ver $s $e $p $a $r $c $element ($name ($($args)*)) $($rest)*)
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt {} $c:tt $element:ident : $item:tt as $type:ident, $($rest:tt)*) => {
        $crate::__statement!(@lone $ver $s $e $p $a {} $c $element ($item as $type) $($rest)*)
    };
    (@lone $ver:tt $s:tt $e:tt $p:tt {} $r:tt $c:tt Action $item:tt $($rest:tt)*) => {
        $crate::__statement!(@parse $ver $s $e $p {Action (lone $item)} $r $c $($rest)*)
    };
    (@lone $ver:tt $s:tt $e:tt $p:tt {} $r:tt $c:tt NotAction $item:tt $($rest:tt)*) => {
        $crate::__statement!(@parse $ver $s $e $p {NotAction (lone $item)} $r $c $($rest)*)
    };
    (@lone $ver:tt $s:tt $e:tt $p:tt $a:tt {} $c:tt Resource $item:tt $($rest:tt)*) => {
        $crate::__statement!(@parse $ver $s $e $p $a {Resource (lone $item)} $c $($rest)*)
    };
    (@lone $ver:tt $s:tt $e:tt $p:tt $a:tt {} $c:tt NotResource $item:tt $($rest:tt)*) => {
        $crate::__statement!(@parse $ver $s $e $p $a {NotResource (lone $item)} $c $($rest)*)
    };
    (@lone $ver:tt $s:tt $e:tt $p:tt $a:tt $r:tt $c:tt $element:ident $item:tt $($rest:tt)*) => {
        ::core::compile_error!(::core::concat!(
            "cannot read `", ::core::stringify!($element), ": ", ::core::stringify!($item),
            "`: only Action, NotAction, Resource and NotResource take such an item, once per statement"
        ))
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt {} $r:tt $c:tt Action : $v:tt, $($rest:tt)*) => {
        $crate::__statement!(@parse $ver $s $e $p {Action $v} $r $c $($rest)*)
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt {} $r:tt $c:tt NotAction : $v:tt, $($rest:tt)*) => {
        $crate::__statement!(@parse $ver $s $e $p {NotAction $v} $r $c $($rest)*)
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt {} $c:tt Resource : $v:tt, $($rest:tt)*) => {
        $crate::__statement!(@parse $ver $s $e $p $a {Resource $v} $c $($rest)*)
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt {} $c:tt NotResource : $v:tt, $($rest:tt)*) => {
        $crate::__statement!(@parse $ver $s $e $p $a {NotResource $v} $c $($rest)*)
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt $r:tt {} Condition : $v:tt, $($rest:tt)*) => {
        $crate::__statement!(@parse $ver $s $e $p $a $r {$v} $($rest)*)
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt $r:tt $c:tt Action : $v:tt, $($rest:tt)*) => {
        ::core::compile_error!("a statement has one Action or one NotAction element, not both")
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt $r:tt $c:tt NotAction : $v:tt, $($rest:tt)*) => {
        ::core::compile_error!("a statement has one Action or one NotAction element, not both")
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt $r:tt $c:tt Resource : $v:tt, $($rest:tt)*) => {
        ::core::compile_error!("a statement has one Resource or one NotResource element, not both")
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt $r:tt $c:tt NotResource : $v:tt, $($rest:tt)*) => {
        ::core::compile_error!("a statement has one Resource or one NotResource element, not both")
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt $r:tt $c:tt Principal : $v:tt, $($rest:tt)*) => {
        ::core::compile_error!("a statement has one Principal or one NotPrincipal element, not both")
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt $r:tt $c:tt NotPrincipal : $v:tt, $($rest:tt)*) => {
        ::core::compile_error!("a statement has one Principal or one NotPrincipal element, not both")
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt $r:tt $c:tt , $($rest:tt)*) => {
        $crate::__statement!(@parse $ver $s $e $p $a $r $c $($rest)*)
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt $a:tt $r:tt $c:tt $element:ident : $v:tt, $($rest:tt)*) => {
        ::core::compile_error!(::core::concat!(
            "statement element `", ::core::stringify!($element),
            "` is repeated or unknown: a statement has Sid, Effect, Principal or NotPrincipal, ",
            "Action or NotAction, Resource or NotResource, and Condition, each at most once"
        ))
    };
    (@parse $ver:tt $s:tt {} $p:tt $a:tt $r:tt $c:tt) => {
        ::core::compile_error!("a statement needs Effect: Allow or Effect: Deny")
    };
    (@parse $ver:tt $s:tt $e:tt $p:tt {} $r:tt $c:tt) => {
        ::core::compile_error!("a statement needs an Action or NotAction element")
    };
    (@parse $ver:tt {$($sid:tt)?} {$effect:tt} {$($principal:tt)*} {$action_element:ident $actions:tt}
        {$($resource:tt)*} {$($condition:tt)?}) => {{
        const _: () = match $crate::__private::check_statement(&$crate::__private::StatementRefs {
            sid: $crate::__statement!(@sid_ref $($sid)?),
            variables: $crate::__statement!(@variables $ver),
            not_action: $crate::__statement!(@is_not $action_element),
            actions: $crate::__actions!(@check $action_element $actions),
            resources: $crate::__resources!(@check $($resource)*),
            conditions: $crate::__conditions!(@check $($condition)?),
        }) {
            ::core::result::Result::Ok(()) => (),
            ::core::result::Result::Err(message) => ::core::panic!("{}", message.as_str()),
        };
        $crate::policy::Statement {
            sid: $crate::__statement!(@sid $($sid)?),
            effect: $crate::policy::Effect::$effect,
            principal: $crate::__principal!($($principal)*),
            action: ::core::option::Option::Some(
                $crate::policy::ActionElement::$action_element($crate::__actions!(@value $action_element $actions))
            ),
            resource: $crate::__resources!(@value $($resource)*),
            condition: $crate::__conditions!(@value $($condition)?),
        }
    }};
    (@variables []) => { true };
    (@variables [$version:literal]) => { $crate::__private::has_variables($version) };
    (@variables [$($version:tt)*]) => { true };
    (@is_not Action) => { false };
    (@is_not NotAction) => { true };
    (@sid_ref) => { ::core::option::Option::None };
    (@sid_ref $sid:literal) => { ::core::option::Option::Some($sid) };
    (@sid_ref $sid:tt) => { ::core::option::Option::None };
    (@sid) => { ::core::option::Option::None };
    (@sid $sid:tt) => { ::core::option::Option::Some(::std::string::ToString::to_string(&$sid)) };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __actions {
    (@check $element:ident []) => {
        ::core::compile_error!(::core::concat!(
            "empty ", ::core::stringify!($element),
            " list: the statement would match no action; list at least one"
        ))
    };
    (@value $element:ident []) => { $crate::policy::OneOrMany::Many(::std::vec::Vec::new()) };
    // Every item in one step (no recursion per item, so a list of every action stays far from
    // the recursion limit): a head token, then `::Name` or `(...)`.
    (@check $element:ident [ $($head:tt $(:: $name:ident)? $(($($args:tt)*))?),+ $(,)? ]) => {
        &[$($crate::__action_item!(@check $head $(:: $name)? $(($($args)*))?)),+]
    };
    (@value $element:ident [ $($head:tt $(:: $name:ident)? $(($($args:tt)*))?),+ $(,)? ]) => {
        $crate::policy::OneOrMany::Many(::std::vec![
            $($crate::__action_item!(@value $head $(:: $name)? $(($($args)*))?)),+
        ])
    };
    // Anything else is read item by item, to name the entry that cannot be read.
    (@check $element:ident [ $($items:tt)* ]) => { $crate::__actions!(@munch check [] $($items)*) };
    (@value $element:ident [ $($items:tt)* ]) => {
        $crate::policy::OneOrMany::Many($crate::__actions!(@munch value [] $($items)*))
    };
    (@check $element:ident (lone ($($item:tt)*))) => { &[$crate::__action_item!(@check $($item)*)] };
    (@value $element:ident (lone ($($item:tt)*))) => {
        $crate::policy::OneOrMany::One($crate::__action_item!(@value $($item)*))
    };
    (@check $element:ident $item:tt) => { &[$crate::__action_item!(@check $item)] };
    (@value $element:ident $item:tt) => {
        $crate::policy::OneOrMany::One($crate::__action_item!(@value $item))
    };
    (@munch $mode:ident [$($done:tt)*]) => { $crate::__actions!(@emit $mode $($done)*) };
    (@munch $mode:ident [$($done:tt)*] $prefix:ident :: $name:ident $(, $($rest:tt)*)?) => {
        $crate::__actions!(@munch $mode [$($done)* {$prefix :: $name}] $($($rest)*)?)
    };
    (@munch $mode:ident [$($done:tt)*] unchecked ( $literal:literal ) $(, $($rest:tt)*)?) => {
        $crate::__actions!(@munch $mode [$($done)* {unchecked ($literal)}] $($($rest)*)?)
    };
    (@munch $mode:ident [$($done:tt)*] $item:tt $(, $($rest:tt)*)?) => {
        $crate::__actions!(@munch $mode [$($done)* {$item}] $($($rest)*)?)
    };
    (@munch $mode:ident [$($done:tt)*] $($other:tt)*) => {
        ::core::compile_error!(::core::concat!(
            "cannot read action list entry `", ::core::stringify!($($other)*),
            "`: expected CreateTrainingJob, \"sagemaker:Describe*\", iam::PassRole or unchecked(\"events:PutRule\")"
        ))
    };
    (@emit check $({$($item:tt)*})*) => { &[$($crate::__action_item!(@check $($item)*)),*] };
    (@emit value $({$($item:tt)*})*) => { ::std::vec![$($crate::__action_item!(@value $($item)*)),*] };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __action_item {
    (@check unchecked ($literal:literal)) => { $crate::__private::ActionRef::Unchecked($literal) };
    (@check $prefix:ident :: $name:ident) => {
        $crate::__private::ActionRef::Dependent($crate::services::$prefix::$name)
    };
    (@check $name:ident) => { $crate::__private::ActionRef::SageMaker($crate::Action::$name) };
    (@check $literal:literal) => { $crate::__private::ActionRef::Literal($literal) };
    (@check $($other:tt)*) => {
        ::core::compile_error!(::core::concat!(
            "`", ::core::stringify!($($other)*),
            "` is not an action: expected CreateTrainingJob, \"sagemaker:Describe*\", iam::PassRole or unchecked(\"events:PutRule\")"
        ))
    };
    (@value unchecked ($literal:literal)) => { $crate::policy::ActionItem::from_written($literal) };
    (@value $prefix:ident :: $name:ident) => {
        $crate::policy::ActionItem::dependent($crate::services::$prefix::$name)
    };
    (@value $name:ident) => { $crate::policy::ActionItem::sagemaker($crate::Action::$name) };
    (@value $literal:literal) => { $crate::policy::ActionItem::from_written($literal) };
    (@value $($other:tt)*) => { $crate::policy::ActionItem::from_written("") };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __resources {
    (@check) => { $crate::__private::ResourceListRef::Absent };
    (@value) => { ::core::option::Option::None };
    (@check $element:ident []) => {
        ::core::compile_error!(::core::concat!(
            "empty ", ::core::stringify!($element),
            " list: the statement would match no resource; list ARNs or \"*\""
        ))
    };
    (@value $element:ident []) => { ::core::option::Option::None };
    // Every item in one step, as for actions: a head token, then `::constructor`, `(...)` or
    // `as Type`.
    (@check $element:ident [ $($head:tt $(:: $constructor:ident)? $(($($args:tt)*))? $(as $type:ident)?),+ $(,)? ]) => {
        $crate::__private::ResourceListRef::$element(
            &[$($crate::__resource_item!(@check $head $(:: $constructor)? $(($($args)*))? $(as $type)?)),+]
        )
    };
    (@value $element:ident [ $($head:tt $(:: $constructor:ident)? $(($($args:tt)*))? $(as $type:ident)?),+ $(,)? ]) => {
        ::core::option::Option::Some($crate::policy::ResourceElement::$element(
            $crate::policy::OneOrMany::Many(::std::vec![
                $($crate::__resource_item!(@value $head $(:: $constructor)? $(($($args)*))? $(as $type)?)),+
            ])
        ))
    };
    (@check $element:ident [ $($items:tt)* ]) => {
        $crate::__private::ResourceListRef::$element($crate::__resources!(@munch check [] $($items)*))
    };
    (@value $element:ident [ $($items:tt)* ]) => {
        ::core::option::Option::Some($crate::policy::ResourceElement::$element(
            $crate::policy::OneOrMany::Many($crate::__resources!(@munch value [] $($items)*))
        ))
    };
    (@check $element:ident (lone ($($item:tt)*))) => {
        $crate::__private::ResourceListRef::$element(&[$crate::__resource_item!(@check $($item)*)])
    };
    (@value $element:ident (lone ($($item:tt)*))) => {
        ::core::option::Option::Some($crate::policy::ResourceElement::$element(
            $crate::policy::OneOrMany::One($crate::__resource_item!(@value $($item)*))
        ))
    };
    (@check $element:ident $item:tt) => {
        $crate::__private::ResourceListRef::$element(&[$crate::__resource_item!(@check $item)])
    };
    (@value $element:ident $item:tt) => {
        ::core::option::Option::Some($crate::policy::ResourceElement::$element(
            $crate::policy::OneOrMany::One($crate::__resource_item!(@value $item))
        ))
    };
    (@munch $mode:ident [$($done:tt)*]) => { $crate::__resources!(@emit $mode $($done)*) };
    (@munch $mode:ident [$($done:tt)*] $item:tt as $type:ident $(, $($rest:tt)*)?) => {
        $crate::__resources!(@munch $mode [$($done)* {$item as $type}] $($($rest)*)?)
    };
    (@munch $mode:ident [$($done:tt)*] $name:ident :: $constructor:ident ( $($args:tt)* ) $(, $($rest:tt)*)?) => {
        $crate::__resources!(@munch $mode [$($done)* {$name :: $constructor ($($args)*)}] $($($rest)*)?)
    };
    (@munch $mode:ident [$($done:tt)*] $name:ident ( $($args:tt)* ) $(, $($rest:tt)*)?) => {
        $crate::__resources!(@munch $mode [$($done)* {$name ($($args)*)}] $($($rest)*)?)
    };
    (@munch $mode:ident [$($done:tt)*] $item:tt $(, $($rest:tt)*)?) => {
        $crate::__resources!(@munch $mode [$($done)* {$item}] $($($rest)*)?)
    };
    (@munch $mode:ident [$($done:tt)*] $($other:tt)*) => {
        ::core::compile_error!(::core::concat!(
            "cannot read resource list entry `", ::core::stringify!($($other)*),
            "`: expected \"*\", TrainingJob(region, account, name), \"arn:...\" as TrainingJob, \"arn:...\", parsed as TrainingJob (a variable holding arn::TrainingJob::parse(&text)?) or unchecked(expr)"
        ))
    };
    (@emit check $({$($item:tt)*})*) => { &[$($crate::__resource_item!(@check $($item)*)),*] };
    (@emit value $({$($item:tt)*})*) => { ::std::vec![$($crate::__resource_item!(@value $($item)*)),*] };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __resource_item {
    (@check "*") => { $crate::__private::ResourceRef::Star };
    (@check unchecked ($value:expr)) => { $crate::__private::ResourceRef::Unchecked };
    (@check $literal:literal as $type:ident) => {
        $crate::__private::ResourceRef::TypedLiteral($crate::ResourceType::$type, $literal)
    };
    (@check $value:tt as $type:ident) => {
        $crate::__private::ResourceRef::Typed($crate::ResourceType::$type)
    };
    // Typed builders: their literal partition, Region and account arguments are checked as
    // the fields of a literal ARN would be; run-time arguments are known only by type.
    (@check $type:ident :: $constructor:ident ($($args:tt)*)) => {
        $crate::__resource_item!(@built $type [$constructor] $($args)*)
    };
    (@check $type:ident ($($args:tt)*)) => {
        $crate::__resource_item!(@built $type [new] $($args)*)
    };
    (@built $type:ident [in_partition] $partition:literal , $($rest:tt)*) => {
        $crate::__resource_item!(@region $type [::core::option::Option::Some(::core::stringify!($partition))] $($rest)*)
    };
    (@built $type:ident [in_partition] $partition:expr , $($rest:tt)*) => {
        $crate::__resource_item!(@region $type [::core::option::Option::None] $($rest)*)
    };
    (@built $type:ident [new] $($rest:tt)*) => {
        $crate::__resource_item!(@region $type [::core::option::Option::None] $($rest)*)
    };
    (@built $type:ident $($other:tt)*) => {
        $crate::__private::ResourceRef::Typed($crate::ResourceType::$type)
    };
    (@region $type:ident [$partition:expr] $region:literal , $($rest:tt)*) => {
        $crate::__resource_item!(@account $type [$partition] [::core::option::Option::Some(::core::stringify!($region))] $($rest)*)
    };
    (@region $type:ident [$partition:expr] $region:expr , $($rest:tt)*) => {
        $crate::__resource_item!(@account $type [$partition] [::core::option::Option::None] $($rest)*)
    };
    (@region $type:ident $($other:tt)*) => {
        $crate::__private::ResourceRef::Typed($crate::ResourceType::$type)
    };
    (@account $type:ident [$partition:expr] [$region:expr] $account:literal $(, $($rest:tt)*)?) => {
        $crate::__private::ResourceRef::Built($crate::ResourceType::$type, $crate::__private::BuilderArgs {
            name: ::core::stringify!($type),
            partition: $partition,
            region: $region,
            account: ::core::option::Option::Some(::core::stringify!($account)),
        })
    };
    (@account $type:ident [$partition:expr] [$region:expr] $($rest:tt)*) => {
        $crate::__private::ResourceRef::Built($crate::ResourceType::$type, $crate::__private::BuilderArgs {
            name: ::core::stringify!($type),
            partition: $partition,
            region: $region,
            account: ::core::option::Option::None,
        })
    };
    (@check $literal:literal) => { $crate::__private::ResourceRef::Literal($literal) };
    (@check $($other:tt)*) => {
        ::core::compile_error!(::core::concat!(
            "`", ::core::stringify!($($other)*),
            "` is not a resource: expected \"*\", TrainingJob(region, account, name), \"arn:...\" as TrainingJob, \"arn:...\", parsed as TrainingJob (a variable holding arn::TrainingJob::parse(&text)?) or unchecked(expr)"
        ))
    };
    (@value "*") => { $crate::policy::ResourceItem::all() };
    (@value unchecked ($value:expr)) => { $crate::policy::ResourceItem::unchecked($value) };
    (@value $literal:literal as $type:ident) => {
        $crate::policy::ResourceItem::typed($crate::ResourceType::$type, $literal)
    };
    (@value $value:tt as $type:ident) => {
        $crate::arn::ArnOf::<$crate::arn::$type>::into_resource_item($value)
    };
    (@value $type:ident :: $constructor:ident ($($args:tt)*)) => {
        $crate::policy::ResourceItem::from($crate::arn::$type::$constructor($($args)*))
    };
    (@value $type:ident ($($args:tt)*)) => {
        $crate::policy::ResourceItem::from($crate::arn::$type::new($($args)*))
    };
    (@value $literal:literal) => { $crate::policy::ResourceItem::unchecked($literal) };
    (@value $($other:tt)*) => { $crate::policy::ResourceItem::all() };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __principal {
    () => { ::core::option::Option::None };
    ($element:ident "*") => {
        ::core::option::Option::Some($crate::policy::PrincipalElement::$element($crate::policy::Principal::All))
    };
    ($element:ident { $($kind:ident : $values:tt),* $(,)? }) => {
        ::core::option::Option::Some($crate::policy::PrincipalElement::$element($crate::policy::Principal::Map(
            ::std::vec![$( ($crate::__private::principal_kinds::$kind, $crate::__principal!(@values $values)) ),*]
        )))
    };
    ($element:ident $other:tt) => {
        ::core::compile_error!("a principal is \"*\" or { AWS: ..., Service: ..., Federated: ..., CanonicalUser: ... }")
    };
    (@values [ $($value:tt),* $(,)? ]) => {
        $crate::policy::OneOrMany::Many(::std::vec![$( $crate::__private::text($value) ),*])
    };
    (@values $value:tt) => { $crate::policy::OneOrMany::One($crate::__private::text($value)) };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __conditions {
    (@check) => { &[] };
    (@value) => { ::core::option::Option::None };
    (@check { $($blocks:tt)* }) => { $crate::__conditions!(@blocks check [] $($blocks)*) };
    (@value { $($blocks:tt)* }) => { $crate::__conditions!(@blocks value [] $($blocks)*) };
    (@check $other:tt) => {
        ::core::compile_error!("Condition is { Operator: { key: value, ... }, ... }")
    };
    (@value $other:tt) => { ::core::option::Option::None };
    (@blocks $mode:ident [$($done:tt)*]) => { $crate::__conditions!(@emit $mode $($done)*) };
    (@blocks $mode:ident [$($done:tt)*] $qualifier:ident : $operator:ident : { $($entries:tt)* } $(, $($rest:tt)*)?) => {
        $crate::__conditions!(@entries $mode [$($done)*] [$qualifier] $operator [] [$($($rest)*)?] $($entries)*)
    };
    (@blocks $mode:ident [$($done:tt)*] $operator:ident : { $($entries:tt)* } $(, $($rest:tt)*)?) => {
        $crate::__conditions!(@entries $mode [$($done)*] [] $operator [] [$($($rest)*)?] $($entries)*)
    };
    (@blocks $mode:ident [$($done:tt)*] $($other:tt)*) => {
        ::core::compile_error!(::core::concat!(
            "cannot read condition block `", ::core::stringify!($($other)*),
            "`: expected Operator: { key: value, ... } or ForAnyValue:Operator: { ... }"
        ))
    };
    // Entries of one block: [keys so far] [tokens after the block] entry tokens.
    (@entries $mode:ident $done:tt $qualifier:tt $operator:ident [] $rest:tt) => {
        ::core::compile_error!(::core::concat!(
            "empty ", ::core::stringify!($operator),
            " block: a condition block needs at least one key: { key: value }"
        ))
    };
    (@entries $mode:ident [$($done:tt)*] $qualifier:tt $operator:ident [$($entries:tt)+] [$($rest:tt)*]) => {
        $crate::__conditions!(@blocks $mode [$($done)* {$qualifier $operator [$($entries)+]}] $($rest)*)
    };
    (@entries $mode:ident $done:tt $qualifier:tt $operator:ident [$($entries:tt)*] $rest:tt
        unchecked ( $key:literal ) : $value:tt $(, $($more:tt)*)?) => {
        $crate::__conditions!(@entries $mode $done $qualifier $operator [$($entries)* {{unchecked $key} $value}] $rest $($($more)*)?)
    };
    (@entries $mode:ident $done:tt $qualifier:tt $operator:ident [$($entries:tt)*] $rest:tt
        aws :: $key:ident ( $parameter:expr ) : $value:tt $(, $($more:tt)*)?) => {
        $crate::__conditions!(@entries $mode $done $qualifier $operator [$($entries)* {{global $key ($parameter)} $value}] $rest $($($more)*)?)
    };
    (@entries $mode:ident $done:tt $qualifier:tt $operator:ident [$($entries:tt)*] $rest:tt
        aws :: $key:ident : $value:tt $(, $($more:tt)*)?) => {
        $crate::__conditions!(@entries $mode $done $qualifier $operator [$($entries)* {{global $key} $value}] $rest $($($more)*)?)
    };
    (@entries $mode:ident $done:tt $qualifier:tt $operator:ident [$($entries:tt)*] $rest:tt
        $key:ident ( $parameter:expr ) : $value:tt $(, $($more:tt)*)?) => {
        $crate::__conditions!(@entries $mode $done $qualifier $operator [$($entries)* {{service $key ($parameter)} $value}] $rest $($($more)*)?)
    };
    (@entries $mode:ident $done:tt $qualifier:tt $operator:ident [$($entries:tt)*] $rest:tt
        $key:ident : $value:tt $(, $($more:tt)*)?) => {
        $crate::__conditions!(@entries $mode $done $qualifier $operator [$($entries)* {{service $key} $value}] $rest $($($more)*)?)
    };
    (@entries $mode:ident $done:tt $qualifier:tt $operator:ident $entries:tt $rest:tt $($other:tt)+) => {
        ::core::compile_error!(::core::concat!(
            "cannot read condition entry `", ::core::stringify!($($other)+),
            "`: expected key: value, with keys InstanceTypes, ResourceTag(\"team\"), aws::SourceIp, aws::ResourceTag(\"team\") or unchecked(\"iam:PassedToService\")"
        ))
    };
    (@emit check $({$qualifier:tt $operator:ident [$({$key:tt $value:tt})*]})*) => {
        &[$(
            $crate::__private::BlockRef {
                operator: $crate::__conditions!(@operator $qualifier $operator),
                entries: &[$(
                    $crate::__private::ConditionRef {
                        operator: $crate::__conditions!(@operator $qualifier $operator),
                        key: $crate::__conditions!(@key_ref $key),
                        values: $crate::__conditions!(@value_refs $value),
                    }
                ),*],
            }
        ),*]
    };
    (@emit value $({$qualifier:tt $operator:ident [$({$key:tt $value:tt})*]})*) => {
        ::core::option::Option::Some($crate::policy::Condition {
            blocks: ::std::vec![$(
                $crate::policy::ConditionBlock::new(
                    $crate::__conditions!(@operator $qualifier $operator),
                    ::std::vec![$(
                        $crate::policy::ConditionEntry {
                            key: $crate::__conditions!(@key_item $key),
                            values: $crate::__conditions!(@values $operator $value),
                        }
                    ),*],
                )
            ),*],
        })
    };
    (@operator [] $operator:ident) => {
        <$crate::__private::ops::$operator as $crate::__private::OperatorMarker>::OPERATOR
    };
    (@operator [$qualifier:ident] $operator:ident) => {
        <$crate::__private::ops::$operator as $crate::__private::OperatorMarker>::OPERATOR
            .with_qualifier($crate::__private::qualifiers::$qualifier)
    };
    (@key_ref {unchecked $key:literal}) => { $crate::__private::KeyRef::unchecked($key) };
    (@key_ref {global $key:ident ($parameter:expr)}) => {
        $crate::__private::KeyRef::parameterized($crate::services::aws::$key, ::core::stringify!($parameter))
    };
    (@key_ref {global $key:ident}) => { $crate::__private::KeyRef::catalog($crate::services::aws::$key) };
    (@key_ref {service $key:ident ($parameter:expr)}) => {
        $crate::__private::KeyRef::parameterized($crate::ConditionKey::$key, ::core::stringify!($parameter))
    };
    (@key_ref {service $key:ident}) => { $crate::__private::KeyRef::catalog($crate::ConditionKey::$key) };
    (@key_item {unchecked $key:literal}) => { $crate::policy::ConditionKeyItem::unchecked($key) };
    (@key_item {global $key:ident ($parameter:expr)}) => {
        $crate::__conditions!(@parameterized $crate::services::aws::$key, $parameter)
    };
    (@key_item {global $key:ident}) => { $crate::policy::ConditionKeyItem::key($crate::services::aws::$key) };
    (@key_item {service $key:ident ($parameter:expr)}) => {
        $crate::__conditions!(@parameterized $crate::ConditionKey::$key, $parameter)
    };
    (@key_item {service $key:ident}) => { $crate::policy::ConditionKeyItem::key($crate::ConditionKey::$key) };
    (@parameterized $key:expr, $parameter:expr) => {
        $crate::policy::ConditionKeyItem::catalog($crate::ConditionKeyName::with_owned_parameter(
            $key,
            ::std::string::ToString::to_string(&$parameter),
        ))
    };
    (@value_refs [ .. $values:expr ]) => { &[$crate::__private::ValueRef::Runtime] };
    (@value_refs [ $($value:tt),* $(,)? ]) => { &[$($crate::__conditions!(@value_ref $value)),*] };
    (@value_refs $value:tt) => { &[$crate::__conditions!(@value_ref $value)] };
    (@value_ref $value:literal) => { $crate::__private::ValueRef::Literal(::core::stringify!($value)) };
    (@value_ref $value:tt) => { $crate::__private::ValueRef::Runtime };
    (@values $operator:ident [ .. $values:expr ]) => {
        $crate::policy::OneOrMany::Many($crate::__private::typed_values::<$crate::__private::ops::$operator, _>($values))
    };
    (@values $operator:ident [ $($value:tt),* $(,)? ]) => {
        $crate::policy::OneOrMany::Many(::std::vec![$($crate::__conditions!(@value $operator $value)),*])
    };
    (@values $operator:ident $value:tt) => {
        $crate::policy::OneOrMany::One($crate::__conditions!(@value $operator $value))
    };
    (@value $operator:ident $value:literal) => { $crate::__private::literal_value($value) };
    (@value $operator:ident $value:tt) => {
        $crate::__private::typed_value::<$crate::__private::ops::$operator, _>($value)
    };
}
