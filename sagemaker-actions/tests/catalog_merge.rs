//! Catalogs of one service prefix loaded from two files, as AWS documents `apigateway` on a REST
//! API page and an HTTP API page, and `cloudformation` on CloudFormation's and Cloud Control
//! API's: the second adds to the first, and what they define differently is reported once,
//! naming both files. The fixtures are small catalogs in the shape of those pages.
#![cfg(feature = "serde")]

use sagemaker_actions::validate::{
    CatalogConflict, ConflictKind, Finding, ServiceCatalog, Severity, Validator,
};

/// The REST API page's shape: `GET` on REST APIs and their stages.
const REST: &str = r#"{
  "service": {"name": "Amazon API Gateway Management", "prefix": "apigateway"},
  "actions": [
    {"name": "GET", "access_levels": ["Read"],
     "resource_types": [
       {"name": "RestApi", "required": false, "condition_keys": []},
       {"name": "Stage", "required": false, "condition_keys": []}],
     "condition_keys": [], "dependent_actions": []},
    {"name": "UpdateRestApiPolicy", "access_levels": ["Permissions management"],
     "resource_types": [{"name": "RestApi", "required": true, "condition_keys": []}],
     "condition_keys": [], "dependent_actions": []}
  ],
  "resource_types": [
    {"name": "RestApi", "arn_formats": ["arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}"],
     "condition_keys": ["apigateway:Resource/ApiName"]},
    {"name": "Stage", "arn_formats": ["arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/stages/${StageName}"],
     "condition_keys": []}
  ],
  "condition_keys": [
    {"name": "apigateway:Resource/ApiName", "type": "String"},
    {"name": "apigateway:Request/EndpointType", "type": "ArrayOfString"}
  ]
}"#;

/// The HTTP API page's shape: the same `GET` on other resources, the same `Stage` with
/// another ARN format, and (made up, for the test) `apigateway:Request/EndpointType` with
/// another type.
const HTTP: &str = r#"{
  "service": {"name": "Amazon API Gateway Management V2", "prefix": "apigateway"},
  "actions": [
    {"name": "GET", "access_levels": ["Read"],
     "resource_types": [
       {"name": "Api", "required": false, "condition_keys": []},
       {"name": "Stage", "required": false, "condition_keys": []}],
     "condition_keys": [], "dependent_actions": []}
  ],
  "resource_types": [
    {"name": "Api", "arn_formats": ["arn:${Partition}:apigateway:${Region}::/apis/${ApiId}"],
     "condition_keys": ["apigateway:Resource/ApiName"]},
    {"name": "Stage", "arn_formats": ["arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/stages/${StageName}"],
     "condition_keys": []}
  ],
  "condition_keys": [
    {"name": "apigateway:Resource/ApiName", "type": "String"},
    {"name": "apigateway:Request/EndpointType", "type": "String"}
  ]
}"#;

/// Cloud Control API's shape: actions of the `cloudformation` prefix, and no resource types
/// table at all.
const CLOUD_CONTROL: &str = r#"{
  "service": {"name": "AWS Cloud Control API", "prefix": "cloudformation"},
  "actions": [
    {"name": "CreateResource", "access_levels": ["Write"], "resource_types": [],
     "condition_keys": [], "dependent_actions": []},
    {"name": "ListResources", "access_levels": ["Read"], "resource_types": [],
     "condition_keys": [], "dependent_actions": []}
  ],
  "resource_types": [],
  "condition_keys": []
}"#;

/// CloudFormation's shape: stacks.
const CLOUDFORMATION: &str = r#"{
  "service": {"name": "AWS CloudFormation", "prefix": "cloudformation"},
  "actions": [
    {"name": "DescribeStacks", "access_levels": ["List"],
     "resource_types": [{"name": "stack", "required": false, "condition_keys": []}],
     "condition_keys": [], "dependent_actions": []}
  ],
  "resource_types": [
    {"name": "stack", "arn_formats": ["arn:${Partition}:cloudformation:${Region}:${Account}:stack/${StackName}/${Id}"],
     "condition_keys": []}
  ],
  "condition_keys": []
}"#;

fn catalog(text: &str, file: &str) -> ServiceCatalog {
    ServiceCatalog::from_json(text)
        .expect("fixture catalog")
        .with_source(file)
}

fn policy(statements: &str) -> String {
    format!(r#"{{"Version": "2012-10-17", "Statement": [{statements}]}}"#)
}

fn codes(findings: &[Finding], severity: Severity) -> Vec<&'static str> {
    findings
        .iter()
        .filter(|finding| finding.severity == severity)
        .map(|finding| finding.code)
        .collect()
}

fn both_gateway_pages() -> (Validator, Vec<CatalogConflict>) {
    let mut validator = Validator::new();
    assert!(validator
        .add_catalog(catalog(REST, "apigateway.json"))
        .is_empty());
    let conflicts = validator.add_catalog(catalog(HTTP, "apigateway-v2.json"));
    (validator, conflicts)
}

#[test]
fn a_second_catalog_of_a_prefix_adds_to_the_first() {
    let (validator, _) = both_gateway_pages();
    assert_eq!(
        validator.catalogs().len(),
        2,
        "SageMaker and one apigateway"
    );
    let merged = validator.catalog("apigateway").expect("merged catalog");
    assert_eq!(merged.sources(), ["apigateway.json", "apigateway-v2.json"]);
    // Only the REST page has UpdateRestApiPolicy and RestApi, only the HTTP page Api.
    assert!(merged.action("UpdateRestApiPolicy").is_some());
    assert!(merged.resource_type("RestApi").is_some());
    assert!(merged.resource_type("Api").is_some());
    assert_eq!(merged.actions().len(), 2);
    assert_eq!(merged.resource_types().len(), 3);
    assert_eq!(merged.condition_keys.len(), 2);
    // GET applies to the resource types of both pages, Stage has both pages' formats.
    let get = merged.action("get").expect("GET");
    let rows: Vec<&str> = get
        .resource_types
        .iter()
        .map(|row| row.resource_type.as_str())
        .collect();
    assert_eq!(rows, ["RestApi", "Stage", "Api"]);
    assert!(merged.arn_fits(
        "Stage",
        "arn:aws:apigateway:us-east-1::/restapis/a1b2c3/stages/prod"
    ));
    assert!(merged.arn_fits(
        "Stage",
        "arn:aws:apigateway:us-east-1::/apis/a1b2c3/stages/prod"
    ));
}

#[test]
fn a_policy_written_from_either_page_passes_the_merged_catalog() {
    let (validator, _) = both_gateway_pages();
    let findings = validator.validate_json(&policy(
        r#"{"Effect": "Allow", "Action": ["apigateway:GET", "apigateway:UpdateRestApiPolicy"],
            "Resource": ["arn:aws:apigateway:us-east-1::/restapis/a1b2c3",
                         "arn:aws:apigateway:us-east-1::/apis/d4e5f6/stages/prod"]}"#,
    ));
    assert!(codes(&findings, Severity::Error).is_empty(), "{findings:?}");
    // Only the first page loaded: the HTTP API's stage is no resource of the service.
    let rest_only = Validator::new()
        .with_catalog(catalog(REST, "apigateway.json"))
        .validate_json(&policy(
            r#"{"Effect": "Allow", "Action": "apigateway:GET",
                "Resource": "arn:aws:apigateway:us-east-1::/apis/d4e5f6/stages/prod"}"#,
        ));
    assert!(
        codes(&rest_only, Severity::Error).contains(&"INVALID_ARN_RESOURCE"),
        "{rest_only:?}"
    );
}

#[test]
fn each_conflict_is_reported_once_naming_both_files() {
    let (validator, conflicts) = both_gateway_pages();
    let described: Vec<(ConflictKind, &str)> = conflicts
        .iter()
        .map(|conflict| (conflict.kind, conflict.name.as_str()))
        .collect();
    assert_eq!(
        described,
        [
            (ConflictKind::Action, "GET"),
            (ConflictKind::ResourceType, "Stage"),
            (
                ConflictKind::ConditionKey,
                "apigateway:Request/EndpointType"
            ),
        ]
    );
    for conflict in &conflicts {
        assert_eq!(conflict.first, "apigateway.json");
        assert_eq!(conflict.second, "apigateway-v2.json");
        let text = conflict.to_string();
        assert!(
            text.contains("apigateway.json") && text.contains("apigateway-v2.json"),
            "{text}"
        );
    }
    assert!(conflicts[0].to_string().contains("apigateway:GET"));
    assert!(conflicts[0].difference.contains("resource types"));
    assert!(conflicts[1].difference.contains("ARN formats"));
    // The first file's type is kept, and said so.
    assert!(conflicts[2].difference.contains("ArrayOfString is used"));
    assert_eq!(validator.catalog_conflicts(), conflicts.as_slice());
    let merged = validator.catalog("apigateway").expect("merged");
    let key = merged.key("apigateway:Request/EndpointType").expect("key");
    assert!(key.value_type.is_multivalued());
}

#[test]
fn items_defined_alike_are_no_conflict() {
    let mut validator = Validator::new();
    validator.add_catalog(catalog(REST, "apigateway.json"));
    // The same file again (or a copy): nothing differs, nothing is doubled.
    let conflicts = validator.add_catalog(catalog(REST, "copy/apigateway.json"));
    assert!(conflicts.is_empty(), "{conflicts:?}");
    let merged = validator.catalog("apigateway").expect("merged");
    assert_eq!(merged.actions().len(), 2);
    assert_eq!(merged.resource_types().len(), 2);
    assert_eq!(merged.action("GET").expect("GET").resource_types.len(), 2);
    // The shared key apigateway:Resource/ApiName (same type on both pages) is no conflict.
    let (_, conflicts) = both_gateway_pages();
    assert!(conflicts
        .iter()
        .all(|conflict| conflict.name != "apigateway:Resource/ApiName"));
}

#[test]
fn a_page_without_resource_types_loads_and_merges() {
    let cloud_control = catalog(CLOUD_CONTROL, "cloudcontrolapi.json");
    assert!(cloud_control.resource_types().is_empty());
    let alone = Validator::new().with_catalog(cloud_control.clone());
    // No resource type to compare ARNs with: no INVALID_ARN_RESOURCE on a stack ARN.
    let findings = alone.validate_json(&policy(
        r#"{"Effect": "Allow", "Action": ["cloudformation:ListResources", "cloudformation:CreateResource"], "Resource": "*"},
           {"Effect": "Allow", "Action": "cloudformation:DescribeStacks",
            "Resource": "arn:aws:cloudformation:us-east-1:123456789012:stack/web/*"}"#,
    ));
    let errors = codes(&findings, Severity::Error);
    // DescribeStacks is not on the Cloud Control page: with only it loaded, that is right.
    assert_eq!(errors, ["INVALID_ACTION"], "{findings:?}");

    let mut both = Validator::new();
    both.add_catalog(cloud_control);
    let conflicts = both.add_catalog(catalog(CLOUDFORMATION, "cloudformation.json"));
    assert!(conflicts.is_empty(), "{conflicts:?}");
    let findings = both.validate_json(&policy(
        r#"{"Effect": "Allow", "Action": ["cloudformation:ListResources", "cloudformation:CreateResource"], "Resource": "*"},
           {"Effect": "Allow", "Action": "cloudformation:DescribeStacks",
            "Resource": "arn:aws:cloudformation:us-east-1:123456789012:stack/web/*"}"#,
    ));
    assert!(codes(&findings, Severity::Error).is_empty(), "{findings:?}");
    let merged = both.catalog("cloudformation").expect("merged");
    assert_eq!(merged.name, "AWS Cloud Control API / AWS CloudFormation");
}

#[test]
fn a_catalog_of_another_prefix_is_not_merged() {
    let mut rest = catalog(REST, "apigateway.json");
    let conflicts = rest.merge(catalog(CLOUDFORMATION, "cloudformation.json"));
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].kind, ConflictKind::Prefix);
    assert!(rest.action("DescribeStacks").is_none());
    assert_eq!(rest.sources(), ["apigateway.json"]);
}

#[test]
fn sources_default_to_the_service_name() {
    let plain = ServiceCatalog::from_json(HTTP).expect("fixture");
    assert_eq!(plain.sources(), ["Amazon API Gateway Management V2"]);
    assert_eq!(
        ServiceCatalog::sagemaker().sources(),
        ["the built-in SageMaker catalog"]
    );
}
