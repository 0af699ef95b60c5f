//! Pins the generated catalog to its sources, `data/sagemaker.json` and
//! `data/global-condition-keys.json`, read here independently with `serde_json::Value`, and
//! exercises the public lookup API the way a policy author would.

use sagemaker_actions::{
    wildcard_match, wildcard_match_ignore_case, AccessLevel, Action, ConditionKey,
    ConditionKeyName, DependentAction, ParseError, ResourceType, ValueType, SERVICE_PREFIX,
};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

const SAGEMAKER_JSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../data/sagemaker.json"
));
const GLOBAL_KEYS_JSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../data/global-condition-keys.json"
));

fn sagemaker() -> &'static Value {
    static DATA: OnceLock<Value> = OnceLock::new();
    DATA.get_or_init(|| serde_json::from_str(SAGEMAKER_JSON).expect("data/sagemaker.json parses"))
}

fn global_keys() -> &'static Value {
    static DATA: OnceLock<Value> = OnceLock::new();
    DATA.get_or_init(|| {
        serde_json::from_str(GLOBAL_KEYS_JSON).expect("data/global-condition-keys.json parses")
    })
}

fn array<'a>(value: &'a Value, field: &str) -> &'a [Value] {
    value[field]
        .as_array()
        .unwrap_or_else(|| panic!("field {field:?} is an array in {value}"))
}

fn string<'a>(value: &'a Value, field: &str) -> &'a str {
    value[field]
        .as_str()
        .unwrap_or_else(|| panic!("field {field:?} is a string in {value}"))
}

fn strings(value: &Value, field: &str) -> Vec<String> {
    array(value, field)
        .iter()
        .map(|item| item.as_str().expect("a string").to_owned())
        .collect()
}

fn optional_string<'a>(value: &'a Value, field: &str) -> Option<&'a str> {
    match &value[field] {
        Value::Null => None,
        Value::String(text) => Some(text),
        other => panic!("field {field:?} is a string or null, not {other}"),
    }
}

/// The data's actions sorted by name, the order of `Action::ALL` (the data keeps the page's
/// order, where permission-only actions come after the others).
fn data_actions() -> &'static [Value] {
    static SORTED: OnceLock<Vec<Value>> = OnceLock::new();
    SORTED.get_or_init(|| {
        let mut actions = array(sagemaker(), "actions").to_vec();
        actions.sort_by(|a, b| string(a, "name").cmp(string(b, "name")));
        actions
    })
}

fn data_action(name: &str) -> &'static Value {
    data_actions()
        .iter()
        .find(|action| string(action, "name") == name)
        .unwrap_or_else(|| panic!("data/sagemaker.json has no action {name}"))
}

fn data_action_names() -> Vec<&'static str> {
    data_actions()
        .iter()
        .map(|action| string(action, "name"))
        .collect()
}

fn key_names(keys: &[ConditionKey]) -> Vec<String> {
    keys.iter().map(|key| key.name().to_owned()).collect()
}

/// Whether a data file's "type" is multivalued (an `ArrayOf...` type).
fn is_array_type(data_type: &str) -> bool {
    data_type.starts_with("ArrayOf")
}

/// The `as_str()` a data file's "type" should have. The global keys file writes the one type
/// with two readings, `aws:EpochTime`, as "DateOrNumeric"; the reference writes it "Date and
/// Numeric".
fn expected_value_type_text(data_type: &str) -> &str {
    match data_type {
        "DateOrNumeric" => "Date and Numeric",
        other => other,
    }
}

fn swap_case(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Sizes and order
// ---------------------------------------------------------------------------------------------

#[test]
fn catalog_sizes_match_the_data() {
    assert_eq!(data_actions().len(), 448);
    assert_eq!(Action::ALL.len(), 448);
    assert_eq!(Action::COUNT, 448);
    assert_eq!(Action::COUNT, data_actions().len());

    let data_resource_types = array(sagemaker(), "resource_types");
    assert_eq!(data_resource_types.len(), 73);
    assert_eq!(ResourceType::ALL.len(), 73);

    assert_eq!(array(global_keys(), "condition_keys").len(), 52);

    // The catalog has exactly the union of both files' keys (3 aws: keys appear in both).
    let mut data_keys: BTreeSet<&str> = BTreeSet::new();
    for key in array(sagemaker(), "condition_keys") {
        data_keys.insert(string(key, "name"));
    }
    for key in array(global_keys(), "condition_keys") {
        data_keys.insert(string(key, "name"));
    }
    let catalog_keys: BTreeSet<&str> = ConditionKey::ALL.iter().map(|key| key.name()).collect();
    assert_eq!(catalog_keys, data_keys);
    assert_eq!(ConditionKey::ALL.len(), data_keys.len());

    let data_dependents: BTreeSet<String> = data_actions()
        .iter()
        .flat_map(|action| strings(action, "dependent_actions"))
        .collect();
    let catalog_dependents: BTreeSet<String> = DependentAction::ALL
        .iter()
        .map(|dependent| dependent.as_str().to_owned())
        .collect();
    assert_eq!(catalog_dependents, data_dependents);
    assert_eq!(DependentAction::ALL.len(), data_dependents.len());
}

#[test]
fn action_all_is_sorted_unique_and_indexed_by_discriminant() {
    for (index, action) in Action::ALL.iter().enumerate() {
        assert_eq!(*action as usize, index, "{action:?} is out of place in ALL");
    }
    for pair in Action::ALL.windows(2) {
        assert!(pair[0] < pair[1], "{:?} !< {:?}", pair[0], pair[1]);
        assert!(
            pair[0].name() < pair[1].name(),
            "{} and {} are not sorted by name",
            pair[0].name(),
            pair[1].name()
        );
    }
    let unique: BTreeSet<Action> = Action::ALL.iter().copied().collect();
    assert_eq!(unique.len(), Action::ALL.len());
    let unique_names: BTreeSet<String> = Action::ALL
        .iter()
        .map(|action| action.name().to_ascii_lowercase())
        .collect();
    assert_eq!(
        unique_names.len(),
        Action::ALL.len(),
        "two actions differ only in case, so case-insensitive parsing is ambiguous"
    );
    // The catalog's order is the data's, sorted by name.
    let names: Vec<&str> = Action::ALL.iter().map(|action| action.name()).collect();
    assert_eq!(names, data_action_names());
}

#[test]
fn other_all_tables_are_sorted_unique_and_indexed() {
    for (index, resource_type) in ResourceType::ALL.iter().enumerate() {
        assert_eq!(*resource_type as usize, index);
    }
    for pair in ResourceType::ALL.windows(2) {
        assert!(pair[0] < pair[1] && pair[0].name() < pair[1].name());
    }
    for (index, key) in ConditionKey::ALL.iter().enumerate() {
        assert_eq!(*key as usize, index);
    }
    for pair in ConditionKey::ALL.windows(2) {
        assert!(pair[0] < pair[1] && pair[0].name() < pair[1].name());
    }
    for (index, dependent) in DependentAction::ALL.iter().enumerate() {
        assert_eq!(*dependent as usize, index);
    }
    for pair in DependentAction::ALL.windows(2) {
        assert!(pair[0] < pair[1] && pair[0].as_str() < pair[1].as_str());
    }
}

// ---------------------------------------------------------------------------------------------
// Every action against the data
// ---------------------------------------------------------------------------------------------

#[test]
fn every_action_parses_back_in_every_spelling() {
    for &action in Action::ALL {
        let iam = action.as_str();
        assert_eq!(iam, format!("{SERVICE_PREFIX}:{}", action.name()));
        assert_eq!(action.to_string(), iam);
        let spellings = [
            iam.to_owned(),
            iam.to_ascii_lowercase(),
            iam.to_ascii_uppercase(),
            swap_case(iam),
            action.name().to_owned(),
            action.name().to_ascii_lowercase(),
            action.name().to_ascii_uppercase(),
            format!("SageMaker:{}", action.name()),
        ];
        for spelling in &spellings {
            assert_eq!(
                spelling.parse::<Action>(),
                Ok(action),
                "{spelling:?} should parse as {action:?}"
            );
        }
        assert_eq!(Action::from_name(action.name()), Some(action));
        assert_eq!(
            Action::from_name(&action.name().to_ascii_uppercase()),
            Some(action)
        );
        // from_name takes the bare name only.
        assert_eq!(Action::from_name(iam), None);
    }
}

#[test]
fn every_action_matches_its_data_entry() {
    for (index, entry) in data_actions().iter().enumerate() {
        let name = string(entry, "name");
        let action = Action::from_name(name)
            .unwrap_or_else(|| panic!("action {name} of the data is not in the catalog"));
        assert_eq!(action, Action::ALL[index]);
        assert_eq!(action.name(), name);
        assert_eq!(action.as_str(), format!("sagemaker:{name}"));
        assert_eq!(action.description(), string(entry, "description"), "{name}");
        assert_eq!(
            action.documentation_url(),
            optional_string(entry, "documentation_url"),
            "{name}"
        );

        let levels: Vec<&str> = action
            .access_levels()
            .iter()
            .map(|level| level.as_str())
            .collect();
        assert_eq!(levels, strings(entry, "access_levels"), "{name}");
        for level in strings(entry, "access_levels") {
            let parsed: AccessLevel = level.parse().expect("data access levels parse");
            assert!(action.access_levels().contains(&parsed), "{name}");
        }

        assert_eq!(
            action.is_permission_only(),
            entry["permission_only"]
                .as_bool()
                .expect("permission_only is a bool"),
            "{name}"
        );

        let data_rows = array(entry, "resource_types");
        let rows = action.resource_types();
        assert_eq!(rows.len(), data_rows.len(), "{name}: resource type rows");
        for (row, data_row) in rows.iter().zip(data_rows) {
            assert_eq!(
                row.resource_type().name(),
                string(data_row, "name"),
                "{name}"
            );
            assert_eq!(
                row.is_required(),
                data_row["required"].as_bool().expect("required is a bool"),
                "{name}: {}",
                string(data_row, "name")
            );
            assert_eq!(
                key_names(row.condition_keys()),
                strings(data_row, "condition_keys"),
                "{name}: keys of the {} row",
                string(data_row, "name")
            );
        }

        assert_eq!(
            key_names(action.condition_keys()),
            strings(entry, "condition_keys"),
            "{name}: action-level condition keys"
        );

        let dependents: Vec<&str> = action
            .dependent_actions()
            .iter()
            .map(|dependent| dependent.as_str())
            .collect();
        assert_eq!(
            dependents,
            strings(entry, "dependent_actions"),
            "{name}: dependent actions"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Resource types, condition keys and dependent actions against the data
// ---------------------------------------------------------------------------------------------

#[test]
fn every_resource_type_matches_its_data_entry() {
    let data_types = array(sagemaker(), "resource_types");
    let by_name: BTreeMap<&str, &Value> = data_types
        .iter()
        .map(|entry| (string(entry, "name"), entry))
        .collect();
    assert_eq!(
        by_name.len(),
        data_types.len(),
        "duplicate resource types in the data"
    );

    for &resource_type in ResourceType::ALL {
        let name = resource_type.name();
        let entry = by_name
            .get(name)
            .unwrap_or_else(|| panic!("resource type {name} is not in the data"));
        assert_eq!(
            resource_type.arn_formats().to_vec(),
            strings(entry, "arn_formats"),
            "{name}"
        );
        assert_eq!(
            key_names(resource_type.condition_keys()),
            strings(entry, "condition_keys"),
            "{name}"
        );
        assert_eq!(
            resource_type.documentation_url(),
            optional_string(entry, "documentation_url"),
            "{name}"
        );

        assert_eq!(resource_type.to_string(), name);
        assert_eq!(name.parse::<ResourceType>(), Ok(resource_type));
        assert_eq!(
            name.to_ascii_uppercase().parse::<ResourceType>(),
            Ok(resource_type)
        );
        assert_eq!(ResourceType::from_name(name), Some(resource_type));
        for format in resource_type.arn_formats() {
            assert!(
                format.starts_with("arn:${Partition}:sagemaker:"),
                "{name}: {format}"
            );
        }
    }
    for name in by_name.keys() {
        assert!(
            ResourceType::from_name(name).is_some(),
            "data resource type {name} is not in the catalog"
        );
    }
}

#[test]
fn every_resource_type_of_an_action_is_declared() {
    let declared: BTreeSet<&str> = array(sagemaker(), "resource_types")
        .iter()
        .map(|entry| string(entry, "name"))
        .collect();
    for entry in data_actions() {
        for row in array(entry, "resource_types") {
            assert!(declared.contains(string(row, "name")));
        }
    }
}

#[test]
fn every_sagemaker_condition_key_matches_the_data() {
    for entry in array(sagemaker(), "condition_keys") {
        let name = string(entry, "name");
        let data_type = string(entry, "type");
        let key: ConditionKey = name
            .parse()
            .unwrap_or_else(|error| panic!("condition key {name}: {error}"));
        assert_eq!(key.name(), name);
        assert_eq!(key.to_string(), name);
        assert_eq!(
            key.value_type().as_str(),
            expected_value_type_text(data_type),
            "{name}"
        );
        assert_eq!(key.value_type().to_string(), key.value_type().as_str());
        assert_eq!(key.is_multivalued(), is_array_type(data_type), "{name}");
        assert_eq!(key.is_global(), name.starts_with("aws:"), "{name}");
        assert_eq!(name.to_ascii_uppercase().parse::<ConditionKey>(), Ok(key));
        assert_eq!(
            key.description(),
            string(entry, "description"),
            "{name}: the SageMaker page's description"
        );
    }
}

#[test]
fn every_global_condition_key_matches_the_data() {
    let keys = array(global_keys(), "condition_keys");
    assert_eq!(keys.len(), 52);
    let sagemaker_key_names: BTreeSet<&str> = array(sagemaker(), "condition_keys")
        .iter()
        .map(|entry| string(entry, "name"))
        .collect();
    for entry in keys {
        let name = string(entry, "name");
        assert!(name.starts_with("aws:"), "{name}");
        let data_type = string(entry, "type");
        let key: ConditionKey = name
            .parse()
            .unwrap_or_else(|error| panic!("global condition key {name}: {error}"));
        assert_eq!(key.name(), name);
        assert!(key.is_global(), "{name}");
        assert_eq!(key.service_prefix(), "aws");
        assert_eq!(
            key.value_type().as_str(),
            expected_value_type_text(data_type),
            "{name}"
        );
        assert_eq!(key.is_multivalued(), is_array_type(data_type), "{name}");
        assert!(!key.value_type().element_type().is_multivalued(), "{name}");
        assert_eq!(swap_case(name).parse::<ConditionKey>(), Ok(key));
        // Keys that only the global file lists carry its description; the three that the
        // SageMaker page also lists carry the page's (checked above).
        if !sagemaker_key_names.contains(name) {
            assert_eq!(key.description(), string(entry, "description"), "{name}");
        }
    }
    // The one type the two files spell differently.
    assert_eq!(
        ConditionKey::AwsEpochTime.value_type(),
        ValueType::DateOrNumeric
    );
    assert_eq!(ValueType::DateOrNumeric.as_str(), "Date and Numeric");
    assert!(!ValueType::DateOrNumeric.is_multivalued());
    assert!(ConditionKey::AwsTagKeys.is_multivalued());
    assert_eq!(
        ConditionKey::AwsTagKeys.value_type(),
        ValueType::ArrayOfString
    );
    assert_eq!(ValueType::ArrayOfString.element_type(), ValueType::String);
    assert!(!ConditionKey::AwsResourceTag.is_multivalued());
}

#[test]
fn value_types_are_multivalued_exactly_when_arrays() {
    let all = [
        ValueType::String,
        ValueType::Arn,
        ValueType::Bool,
        ValueType::Numeric,
        ValueType::Date,
        ValueType::IpAddress,
        ValueType::Binary,
        ValueType::DateOrNumeric,
        ValueType::ArrayOfString,
        ValueType::ArrayOfArn,
        ValueType::ArrayOfBool,
        ValueType::ArrayOfNumeric,
        ValueType::ArrayOfDate,
        ValueType::ArrayOfIpAddress,
    ];
    for value_type in all {
        let text = value_type.as_str();
        assert_eq!(value_type.is_multivalued(), is_array_type(text), "{text}");
        let element = value_type.element_type();
        assert!(!element.is_multivalued(), "{text}");
        match text.strip_prefix("ArrayOf") {
            Some(single) => assert_eq!(element.as_str(), single, "{text}"),
            None => assert_eq!(element, value_type, "{text}"),
        }
    }
}

#[test]
fn parameterized_keys_are_exactly_those_with_a_placeholder() {
    for &key in ConditionKey::ALL {
        let name = key.name();
        match name.split_once("${") {
            Some((stem, rest)) => {
                let parameter = rest.strip_suffix('}').expect("placeholder ends the name");
                assert!(key.is_parameterized(), "{name}");
                assert_eq!(key.parameter_name(), Some(parameter), "{name}");
                assert_eq!(key.stem(), stem, "{name}");
            }
            None => {
                assert!(!key.is_parameterized(), "{name}");
                assert_eq!(key.parameter_name(), None, "{name}");
                assert_eq!(key.stem(), name);
            }
        }
        let prefix = name.split_once(':').expect("prefix:Name").0;
        assert_eq!(key.service_prefix(), prefix);
        assert_eq!(key.is_global(), prefix == "aws", "{name}");
    }
    assert_eq!(
        ConditionKey::ResourceTagPrefix.name(),
        "sagemaker:ResourceTag/"
    );
    assert!(!ConditionKey::ResourceTagPrefix.is_parameterized());
    assert_eq!(ConditionKey::ResourceTag.parameter_name(), Some("TagKey"));
    assert_eq!(
        ConditionKey::SearchVisibilityCondition.parameter_name(),
        Some("FilterKey")
    );
}

#[test]
fn every_dependent_action_matches_the_data() {
    let action_names: BTreeSet<&str> = data_action_names().into_iter().collect();
    let mut used: BTreeSet<DependentAction> = BTreeSet::new();
    for &action in Action::ALL {
        used.extend(action.dependent_actions().iter().copied());
    }
    for &dependent in DependentAction::ALL {
        let text = dependent.as_str();
        assert!(used.contains(&dependent), "{text} is needed by no action");
        assert_eq!(dependent.to_string(), text);
        assert_eq!(text.parse::<DependentAction>(), Ok(dependent));
        assert_eq!(
            text.to_ascii_uppercase().parse::<DependentAction>(),
            Ok(dependent)
        );
        assert_eq!(
            text.to_ascii_lowercase().parse::<DependentAction>(),
            Ok(dependent)
        );

        let (prefix, name) = text.split_once(':').expect("prefix:Name");
        assert_eq!(dependent.service_prefix(), prefix);
        assert_eq!(dependent.name(), name);
        let expected = (prefix == "sagemaker" && action_names.contains(name))
            .then(|| Action::from_name(name).expect("data actions are in the catalog"));
        assert_eq!(dependent.action(), expected, "{text}");
        if let Some(action) = dependent.action() {
            assert_eq!(action.as_str(), text);
        }
    }
    // SageMaker's own dependent actions all name real SageMaker actions.
    for &dependent in DependentAction::ALL {
        if dependent.service_prefix() == "sagemaker" {
            assert!(
                dependent.action().is_some(),
                "{dependent} names no action of the catalog"
            );
        }
    }
    assert_eq!(
        DependentAction::SagemakerAddTags.action(),
        Some(Action::AddTags)
    );
    assert_eq!(DependentAction::IamPassRole.action(), None);
    assert!("sagemaker:PassRole".parse::<DependentAction>().is_err());
    assert!("PassRole".parse::<DependentAction>().is_err());
}

// ---------------------------------------------------------------------------------------------
// Spot facts
// ---------------------------------------------------------------------------------------------

#[test]
fn create_training_job_facts() {
    let action: Action = "sagemaker:CreateTrainingJob".parse().unwrap();
    assert_eq!(action, Action::CreateTrainingJob);
    assert_eq!(action.access_levels(), &[AccessLevel::Write]);
    assert!(!action.is_permission_only());
    assert_eq!(
        action.documentation_url(),
        Some(
            "https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateTrainingJob.html"
        )
    );

    let rows: Vec<(ResourceType, bool)> = action
        .resource_types()
        .iter()
        .map(|row| (row.resource_type(), row.is_required()))
        .collect();
    assert_eq!(
        rows,
        [
            (ResourceType::TrainingJob, true),
            (ResourceType::ReservedCapacity, false),
            (ResourceType::TrainingPlan, false),
        ]
    );
    assert!(action
        .resource_types()
        .iter()
        .all(|row| row.condition_keys().is_empty()));

    let keys = action.condition_keys();
    assert_eq!(keys.len(), 17);
    assert!(keys.contains(&ConditionKey::InstanceTypes));
    assert_eq!(keys.first(), Some(&ConditionKey::AwsRequestTag));
    assert_eq!(keys.last(), Some(&ConditionKey::DirectGatedModelAccess));
    for key in [
        ConditionKey::AwsTagKeys,
        ConditionKey::VpcSubnets,
        ConditionKey::VpcSecurityGroupIds,
        ConditionKey::NetworkIsolation,
        ConditionKey::VolumeKmsKeyArn,
        ConditionKey::OutputKmsKeyArn,
        ConditionKey::MaxRuntimeInSeconds,
        ConditionKey::KeepAlivePeriod,
        ConditionKey::EnableRemoteDebug,
    ] {
        assert!(keys.contains(&key), "{key}");
    }
    assert_eq!(
        action.dependent_actions(),
        &[
            DependentAction::IamPassRole,
            DependentAction::SagemakerAddTags
        ]
    );
    assert_eq!(
        ConditionKey::InstanceTypes.name(),
        "sagemaker:InstanceTypes"
    );
    assert_eq!(
        ConditionKey::InstanceTypes.value_type(),
        ValueType::ArrayOfString
    );
}

#[test]
fn list_training_jobs_and_describe_action_facts() {
    assert!(Action::ListTrainingJobs.resource_types().is_empty());
    assert_eq!(
        Action::ListTrainingJobs.access_levels(),
        &[AccessLevel::List]
    );
    assert!(!Action::DescribeTrainingJob.resource_types().is_empty());

    assert_eq!(
        "sagemaker:describeAction".parse::<Action>(),
        Ok(Action::DescribeAction)
    );
    assert_eq!(Action::DescribeAction.as_str(), "sagemaker:DescribeAction");
    assert_eq!(
        Action::AddTags.access_levels(),
        &[AccessLevel::Tagging, AccessLevel::Write],
        "AddTags is a tagging action that AWS also lists as Write since July 2026"
    );
    assert!(Action::AccessModelPackage.is_permission_only());
    // Resource-less actions: the catalog agrees with the data on how many there are.
    let resourceless = Action::ALL
        .iter()
        .filter(|action| action.resource_types().is_empty())
        .count();
    let data_resourceless = data_actions()
        .iter()
        .filter(|entry| array(entry, "resource_types").is_empty())
        .count();
    assert_eq!(resourceless, data_resourceless);
    // 94 in the service reference JSON (counted there), plus one of the four actions only the
    // Markdown page lists.
    assert_eq!(resourceless, 95);
}

// ---------------------------------------------------------------------------------------------
// Patterns and access levels
// ---------------------------------------------------------------------------------------------

fn matching_names(pattern: &str) -> Vec<&'static str> {
    Action::matching(pattern)
        .map(|action| action.name())
        .collect()
}

fn data_names_where(keep: impl Fn(&str) -> bool) -> Vec<&'static str> {
    data_action_names()
        .into_iter()
        .filter(|name| keep(name))
        .collect()
}

#[test]
fn matching_describe_star() {
    let describes = matching_names("Describe*");
    assert!(!describes.is_empty());
    assert!(describes.iter().all(|name| name.starts_with("Describe")));
    assert_eq!(
        describes,
        data_names_where(|name| name.starts_with("Describe"))
    );
    assert!(describes.contains(&"DescribeTrainingJob"));
    // Case-insensitive, with or without the prefix, in any case of the prefix.
    assert_eq!(matching_names("describe*"), describes);
    assert_eq!(matching_names("sagemaker:Describe*"), describes);
    assert_eq!(matching_names("SAGEMAKER:DESCRIBE*"), describes);
}

#[test]
fn matching_whole_service_and_other_services() {
    assert_eq!(
        Action::matching("sagemaker:*").collect::<Vec<_>>(),
        Action::ALL
    );
    assert_eq!(Action::matching("*").collect::<Vec<_>>(), Action::ALL);
    assert_eq!(Action::matching("s3:*").count(), 0);
    assert_eq!(Action::matching("ec2:Describe*").count(), 0);
    assert_eq!(Action::matching("").count(), 0);
    assert_eq!(Action::matching("sagemaker:").count(), 0);
}

#[test]
fn matching_question_marks_and_suffixes() {
    let creates = matching_names("?reate*");
    assert!(!creates.is_empty());
    assert_eq!(
        creates,
        data_names_where(|name| name.len() > 5 && &name[1..6] == "reate")
    );
    assert_eq!(creates, data_names_where(|name| name.starts_with("Create")));

    let training_jobs = matching_names("*TrainingJob");
    assert_eq!(
        training_jobs,
        data_names_where(|name| name.to_ascii_lowercase().ends_with("trainingjob"))
    );
    for expected in [
        "CreateTrainingJob",
        "DescribeTrainingJob",
        "StopTrainingJob",
        "UpdateTrainingJob",
    ] {
        assert!(training_jobs.contains(&expected), "{expected}");
    }
    assert!(!training_jobs.contains(&"ListTrainingJobs"));
    assert!(matching_names("*TrainingJob*").contains(&"ListTrainingJobs"));

    assert_eq!(
        matching_names("sagemaker:CreateTrainingJob"),
        ["CreateTrainingJob"]
    );
    assert_eq!(matching_names("createtrainingjob"), ["CreateTrainingJob"]);
    assert_eq!(matching_names("CreateTrainingJo?"), ["CreateTrainingJob"]);
    assert!(matching_names("CreateTrainingJob?").is_empty());

    let stop_jobs = matching_names("Stop*Job");
    assert_eq!(
        stop_jobs,
        data_names_where(|name| name.starts_with("Stop") && name.ends_with("Job"))
    );
    assert!(stop_jobs.contains(&"StopTrainingJob"));
}

#[test]
fn matching_agrees_with_wildcard_match() {
    for pattern in ["*Tag*", "List*s", "Update?*", "*Model*Package*", "Batch*"] {
        let expected: Vec<Action> = Action::ALL
            .iter()
            .copied()
            .filter(|action| wildcard_match_ignore_case(pattern, action.name()))
            .collect();
        assert!(!expected.is_empty(), "{pattern}");
        assert_eq!(
            Action::matching(pattern).collect::<Vec<_>>(),
            expected,
            "{pattern}"
        );
    }
    assert!(wildcard_match("Describe*", "DescribeTrainingJob"));
    assert!(!wildcard_match("describe*", "DescribeTrainingJob"));
    assert!(wildcard_match_ignore_case(
        "describe*",
        "DescribeTrainingJob"
    ));
    assert!(!wildcard_match("a?c", "ac"));
}

#[test]
fn with_access_level_covers_every_level_of_every_action() {
    // An action may have two levels since July 2026 ("Tagging, Write").
    let mut seen: BTreeMap<Action, Vec<AccessLevel>> = BTreeMap::new();
    for &level in AccessLevel::ALL {
        let actions: Vec<Action> = Action::with_access_level(level).collect();
        let expected: Vec<Action> = data_actions()
            .iter()
            .filter(|entry| {
                strings(entry, "access_levels")
                    .iter()
                    .any(|l| l == level.as_str())
            })
            .map(|entry| Action::from_name(string(entry, "name")).unwrap())
            .collect();
        assert_eq!(actions, expected, "{level}");
        for action in actions {
            assert!(action.access_levels().contains(&level));
            seen.entry(action).or_default().push(level);
        }
    }
    assert_eq!(
        seen.len(),
        Action::COUNT,
        "every action has an access level"
    );
    for (action, levels) in &mut seen {
        let mut own = action.access_levels().to_vec();
        own.sort();
        levels.sort();
        assert_eq!(&own, levels, "{action}");
    }

    let tagging: Vec<Action> = Action::with_access_level(AccessLevel::Tagging).collect();
    assert_eq!(tagging, [Action::AddTags, Action::DeleteTags]);
    assert!(Action::with_access_level(AccessLevel::List).any(|a| a == Action::ListTrainingJobs));
    assert!(Action::with_access_level(AccessLevel::Write).any(|a| a == Action::CreateTrainingJob));
    assert!(!Action::with_access_level(AccessLevel::Read).any(|a| a == Action::CreateTrainingJob));
    assert_eq!(
        Action::with_access_level(AccessLevel::PermissionsManagement).count(),
        0
    );
}

#[test]
fn access_levels_parse_and_display() {
    for &level in AccessLevel::ALL {
        assert_eq!(level.to_string().parse::<AccessLevel>(), Ok(level));
        assert_eq!(
            level.as_str().to_ascii_lowercase().parse::<AccessLevel>(),
            Ok(level)
        );
        assert_eq!(format!("{level:?}").parse::<AccessLevel>(), Ok(level));
    }
    assert_eq!(
        "Permissions management".parse::<AccessLevel>(),
        Ok(AccessLevel::PermissionsManagement)
    );
    assert!("Admin".parse::<AccessLevel>().is_err());
}

// ---------------------------------------------------------------------------------------------
// Parse errors
// ---------------------------------------------------------------------------------------------

#[test]
fn a_typo_suggests_the_action() {
    let error: ParseError = "sagemaker:CreateTrainingJbo".parse::<Action>().unwrap_err();
    assert_eq!(error.suggestion(), Some("sagemaker:CreateTrainingJob"));
    assert_eq!(error.input(), "sagemaker:CreateTrainingJbo");
    assert_eq!(error.kind(), "action");
    let message = error.to_string();
    assert!(message.contains("sagemaker:CreateTrainingJbo"), "{message}");
    assert!(
        message.contains("did you mean \"sagemaker:CreateTrainingJob\""),
        "{message}"
    );

    // Without the prefix, and in another case, the suggestion is still the IAM form.
    let error = "createtrainingjbo".parse::<Action>().unwrap_err();
    assert_eq!(error.suggestion(), Some("sagemaker:CreateTrainingJob"));
    let error = "sagemaker:DescribeTrainingJobs"
        .parse::<Action>()
        .unwrap_err();
    assert_eq!(error.suggestion(), Some("sagemaker:DescribeTrainingJob"));
}

#[test]
fn other_services_and_nonsense_are_errors() {
    let error = "ec2:RunInstances".parse::<Action>().unwrap_err();
    assert_eq!(error.input(), "ec2:RunInstances");
    assert_eq!(error.suggestion(), None);
    assert!(error.to_string().contains("ec2:RunInstances"));

    for text in [
        "",
        "sagemaker:",
        ":CreateTrainingJob",
        "s3:CreateTrainingJob",
        "sagemaker:CreateTrainingJob*",
        "sagemaker:Create*",
        "sagemaker:sagemaker:CreateTrainingJob",
        "sagemaker::CreateTrainingJob",
        "CompletelyUnrelatedThing",
    ] {
        assert!(text.parse::<Action>().is_err(), "{text:?} should not parse");
    }
    let far = "CompletelyUnrelatedThing".parse::<Action>().unwrap_err();
    assert_eq!(far.suggestion(), None);
    assert!(!far.to_string().contains("did you mean"));

    let resource_error = "training-jbo".parse::<ResourceType>().unwrap_err();
    assert_eq!(resource_error.suggestion(), Some("training-job"));
    assert_eq!(resource_error.kind(), "resource type");

    let key_error = "sagemaker:InstanceType"
        .parse::<ConditionKey>()
        .unwrap_err();
    assert_eq!(key_error.suggestion(), Some("sagemaker:InstanceTypes"));
    assert_eq!(key_error.kind(), "condition key");

    let dependent_error = "iam:PasRole".parse::<DependentAction>().unwrap_err();
    assert_eq!(dependent_error.suggestion(), Some("iam:PassRole"));

    // ParseError is a std error usable with `?` and `Box<dyn Error>`.
    let boxed: Box<dyn std::error::Error> = Box::new(error);
    assert!(boxed.to_string().contains("ec2:RunInstances"));
}

// ---------------------------------------------------------------------------------------------
// Condition key names as policies write them
// ---------------------------------------------------------------------------------------------

#[test]
fn resolve_parameterized_global_keys() {
    let name = ConditionKey::resolve("aws:ResourceTag/Project").unwrap();
    assert_eq!(name.key(), ConditionKey::AwsResourceTag);
    assert_eq!(name.parameter(), Some("Project"));
    assert_eq!(name.to_string(), "aws:ResourceTag/Project");
    assert_eq!(
        name.to_string().parse::<ConditionKeyName>(),
        Ok(name.clone())
    );

    // Case-insensitive in the stem, the parameter kept as written, Display canonical.
    let shouted = ConditionKey::resolve("AWS:RESOURCETAG/Project").unwrap();
    assert_eq!(shouted, name);
    assert_eq!(shouted.to_string(), "aws:ResourceTag/Project");

    let request = ConditionKey::resolve("aws:requesttag/cost-center").unwrap();
    assert_eq!(request.key(), ConditionKey::AwsRequestTag);
    assert_eq!(request.parameter(), Some("cost-center"));
    assert_eq!(request.to_string(), "aws:RequestTag/cost-center");

    let principal = ConditionKey::resolve("aws:PrincipalTag/Department").unwrap();
    assert_eq!(principal.key(), ConditionKey::AwsPrincipalTag);

    // A parameter can itself contain a slash.
    let nested = ConditionKey::resolve("aws:ResourceTag/team/sub").unwrap();
    assert_eq!(nested.key(), ConditionKey::AwsResourceTag);
    assert_eq!(nested.parameter(), Some("team/sub"));

    // No parameter, no key: aws: has no bare `ResourceTag/` key.
    assert_eq!(ConditionKey::resolve("aws:ResourceTag/"), None);
    assert_eq!(ConditionKey::resolve("aws:ResourceTag"), None);
}

#[test]
fn resolve_sagemaker_keys() {
    let owner = ConditionKey::resolve("sagemaker:ResourceTag/Owner").unwrap();
    assert_eq!(owner.key(), ConditionKey::ResourceTag);
    assert_eq!(owner.parameter(), Some("Owner"));
    assert_eq!(owner.to_string(), "sagemaker:ResourceTag/Owner");

    // The odd real key without a placeholder resolves to itself, not to ResourceTag.
    let bare = ConditionKey::resolve("sagemaker:ResourceTag/").unwrap();
    assert_eq!(bare.key(), ConditionKey::ResourceTagPrefix);
    assert_eq!(bare.parameter(), None);
    assert_eq!(bare.to_string(), "sagemaker:ResourceTag/");
    assert_eq!(
        ConditionKey::resolve("SageMaker:resourcetag/")
            .unwrap()
            .key(),
        ConditionKey::ResourceTagPrefix
    );
    assert_eq!(
        "sagemaker:ResourceTag/".parse::<ConditionKey>(),
        Ok(ConditionKey::ResourceTagPrefix)
    );

    let stage = ConditionKey::resolve("sagemaker:ModelLifeCycle:Stage").unwrap();
    assert_eq!(stage.key(), ConditionKey::ModelLifeCycleStage);
    assert_eq!(stage.parameter(), None);
    assert_eq!(stage.to_string(), "sagemaker:ModelLifeCycle:Stage");
    assert_eq!(
        ConditionKey::resolve("SAGEMAKER:modellifecycle:stagestatus")
            .unwrap()
            .key(),
        ConditionKey::ModelLifeCycleStageStatus
    );

    let instance_types = ConditionKey::resolve("sagemaker:instancetypes").unwrap();
    assert_eq!(instance_types.key(), ConditionKey::InstanceTypes);
    assert_eq!(instance_types.to_string(), "sagemaker:InstanceTypes");

    // Similar stems stay apart.
    assert_eq!(
        ConditionKey::resolve("sagemaker:CustomerMetadataProperties/team")
            .unwrap()
            .key(),
        ConditionKey::CustomerMetadataProperties
    );
    assert_eq!(
        ConditionKey::resolve("sagemaker:CurrentCustomerMetadataProperties/team")
            .unwrap()
            .key(),
        ConditionKey::CurrentCustomerMetadataProperties
    );
    assert_eq!(
        ConditionKey::resolve("sagemaker:CustomerMetadataPropertiesToRemove")
            .unwrap()
            .key(),
        ConditionKey::CustomerMetadataPropertiesToRemove
    );
    let search = ConditionKey::resolve("sagemaker:SearchVisibilityCondition/Tags.x").unwrap();
    assert_eq!(search.key(), ConditionKey::SearchVisibilityCondition);
    assert_eq!(search.parameter(), Some("Tags.x"));
}

#[test]
fn unknown_condition_keys_are_errors() {
    for text in [
        "",
        "aws:",
        "sagemaker:",
        "sagemaker:Nope",
        "s3:prefix",
        "aws:TagKeys/extra",
        "sagemaker:InstanceTypes/extra",
        "sagemaker:ModelLifeCycle",
        "ResourceTag/Owner",
        "aws:ResourceTag",
    ] {
        assert_eq!(ConditionKey::resolve(text), None, "{text:?}");
        assert!(text.parse::<ConditionKeyName>().is_err(), "{text:?}");
        assert!(text.parse::<ConditionKey>().is_err(), "{text:?}");
    }
    let error = "sagemaker:Nope".parse::<ConditionKeyName>().unwrap_err();
    assert_eq!(error.input(), "sagemaker:Nope");
    assert!(error.to_string().contains("sagemaker:Nope"));
}

#[test]
fn every_key_resolves_and_round_trips() {
    for &key in ConditionKey::ALL {
        if key.is_parameterized() {
            let written = format!("{}Value-1", key.stem());
            let name = ConditionKey::resolve(&written)
                .unwrap_or_else(|| panic!("{written} does not resolve"));
            assert_eq!(name.key(), key, "{written}");
            assert_eq!(name.parameter(), Some("Value-1"));
            assert_eq!(name.to_string(), written);
            assert_eq!(written.parse::<ConditionKeyName>(), Ok(name.clone()));
            assert_eq!(written.parse::<ConditionKey>(), Ok(key));
            let lowered = ConditionKey::resolve(&written.to_ascii_lowercase()).unwrap();
            assert_eq!(lowered.key(), key);
            assert_eq!(lowered.parameter(), Some("value-1"));
            assert_eq!(
                ConditionKeyName::with_owned_parameter(key, "Value-1".to_owned()),
                name
            );
        } else {
            let name = ConditionKey::resolve(key.name())
                .unwrap_or_else(|| panic!("{} does not resolve", key.name()));
            assert_eq!(name.key(), key);
            assert_eq!(name.parameter(), None);
            assert_eq!(name.to_string(), key.name());
            assert_eq!(name, ConditionKeyName::new(key));
            assert_eq!(name, ConditionKeyName::from(key));
            let upper = ConditionKey::resolve(&key.name().to_ascii_uppercase()).unwrap();
            assert_eq!(upper, name);
        }
    }
}

const PROJECT_TAG: ConditionKeyName =
    ConditionKeyName::with_parameter(ConditionKey::AwsResourceTag, "Project");
const TAG_KEYS: ConditionKeyName = ConditionKeyName::new(ConditionKey::AwsTagKeys);

#[test]
fn condition_key_names_in_constants() {
    assert_eq!(PROJECT_TAG.to_string(), "aws:ResourceTag/Project");
    assert_eq!(PROJECT_TAG.key(), ConditionKey::AwsResourceTag);
    assert_eq!(PROJECT_TAG.parameter(), Some("Project"));
    assert_eq!(
        ConditionKey::resolve("aws:ResourceTag/Project"),
        Some(PROJECT_TAG)
    );
    assert_ne!(
        ConditionKey::resolve("aws:ResourceTag/project"),
        Some(PROJECT_TAG),
        "parameters keep their case"
    );
    assert_eq!(TAG_KEYS.to_string(), "aws:TagKeys");
    assert_eq!("aws:tagkeys".parse::<ConditionKeyName>(), Ok(TAG_KEYS));
}

#[test]
#[should_panic(expected = "takes a parameter")]
fn a_parameterized_key_needs_its_parameter() {
    let _ = ConditionKeyName::new(ConditionKey::AwsResourceTag);
}

#[test]
#[should_panic(expected = "takes no parameter")]
fn a_plain_key_takes_no_parameter() {
    let _ = ConditionKeyName::with_parameter(ConditionKey::AwsTagKeys, "x");
}

#[test]
#[should_panic(expected = "cannot be empty")]
fn a_parameter_cannot_be_empty() {
    let _ = ConditionKeyName::with_owned_parameter(ConditionKey::AwsResourceTag, String::new());
}

// ---------------------------------------------------------------------------------------------
// Catalog facts in constants
// ---------------------------------------------------------------------------------------------

const CREATE_TRAINING_JOB_KEYS: usize = Action::CreateTrainingJob.condition_keys().len();
const LIST_TRAINING_JOBS_IS_RESOURCELESS: bool =
    Action::ListTrainingJobs.resource_types().is_empty();
const FIRST_ROW: ResourceType = Action::CreateTrainingJob.resource_types()[0].resource_type();
const FIRST_ROW_REQUIRED: bool = Action::CreateTrainingJob.resource_types()[0].is_required();
const SECOND_ROW_REQUIRED: bool = Action::CreateTrainingJob.resource_types()[1].is_required();
const IAM_NAME: &str = Action::CreateTrainingJob.as_str();
const TAG_KEYS_MULTIVALUED: bool = ConditionKey::AwsTagKeys.is_multivalued();
const INSTANCE_TYPES_TYPE: ValueType = ConditionKey::InstanceTypes.value_type();
const DEPENDENTS: &[DependentAction] = Action::CreateTrainingJob.dependent_actions();
const PATTERN_MATCHES: bool = wildcard_match("Create*Job", Action::CreateTrainingJob.name());

// Checked by the compiler as well as by the test below.
const _: () = assert!(CREATE_TRAINING_JOB_KEYS == 17);
const _: () = assert!(LIST_TRAINING_JOBS_IS_RESOURCELESS);
const _: () = assert!(TAG_KEYS_MULTIVALUED);

#[test]
fn catalog_facts_in_constants() {
    assert_eq!(CREATE_TRAINING_JOB_KEYS, 17);
    assert_eq!(
        CREATE_TRAINING_JOB_KEYS,
        array(data_action("CreateTrainingJob"), "condition_keys").len()
    );
    // The constants agree with the data file, not just with themselves.
    let create = data_action("CreateTrainingJob");
    let rows = array(create, "resource_types");
    assert_eq!(
        LIST_TRAINING_JOBS_IS_RESOURCELESS,
        array(data_action("ListTrainingJobs"), "resource_types").is_empty()
    );
    assert_eq!(FIRST_ROW.name(), string(&rows[0], "name"));
    assert_eq!(FIRST_ROW, ResourceType::TrainingJob);
    assert_eq!(Some(FIRST_ROW_REQUIRED), rows[0]["required"].as_bool());
    assert_eq!(Some(SECOND_ROW_REQUIRED), rows[1]["required"].as_bool());
    assert_eq!(IAM_NAME, format!("sagemaker:{}", string(create, "name")));
    assert_eq!(IAM_NAME, "sagemaker:CreateTrainingJob");
    let tag_keys_type = array(global_keys(), "condition_keys")
        .iter()
        .find(|entry| string(entry, "name") == "aws:TagKeys")
        .map(|entry| string(entry, "type"));
    assert_eq!(Some(TAG_KEYS_MULTIVALUED), tag_keys_type.map(is_array_type));
    assert_eq!(INSTANCE_TYPES_TYPE, ValueType::ArrayOfString);
    let dependents: Vec<&str> = DEPENDENTS
        .iter()
        .map(|dependent| dependent.as_str())
        .collect();
    assert_eq!(dependents, strings(create, "dependent_actions"));
    assert_eq!(dependents, ["iam:PassRole", "sagemaker:AddTags"]);
    assert_eq!(
        PATTERN_MATCHES,
        wildcard_match_ignore_case("create*job", "CreateTrainingJob")
    );
    // And they really are compile-time values.
    const {
        assert!(FIRST_ROW_REQUIRED);
        assert!(!SECOND_ROW_REQUIRED);
        assert!(PATTERN_MATCHES);
        assert!(DEPENDENTS.len() == 2);
    }
}
