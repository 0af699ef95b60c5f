//! The service reference reader on hand-written documents in the real shape
//! (`fixtures/service-reference/`) and on broken input.

use catalog_gen::model::{
    AccessLevel, Action, ActionResourceType, AuthorizedAction, Catalog, ConditionKey, Operation,
    ResourceType, SdkMethod, Service, Source, SourceFormat,
};
use catalog_gen::service_reference::{
    read_service_list, read_service_reference, ServiceListEntry, ServiceReferenceError,
};

const DEMO: &[u8] = include_bytes!("fixtures/service-reference/demo.json");
const LIST: &[u8] = include_bytes!("fixtures/service-reference/service-list.json");

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| (*item).to_owned()).collect()
}

fn resource(name: &str, keys: &[&str]) -> ActionResourceType {
    ActionResourceType {
        name: name.to_owned(),
        required: false,
        condition_keys: strings(keys),
    }
}

fn action(
    name: &str,
    access_levels: &[AccessLevel],
    resource_types: Vec<ActionResourceType>,
    condition_keys: &[&str],
) -> Action {
    Action {
        name: name.to_owned(),
        description: String::new(),
        documentation_url: None,
        access_levels: access_levels.to_vec(),
        permission_only: false,
        resource_types,
        condition_keys: strings(condition_keys),
        dependent_actions: Vec::new(),
        scenarios: Vec::new(),
    }
}

fn key(name: &str, value_type: &str) -> ConditionKey {
    ConditionKey {
        name: name.to_owned(),
        description: String::new(),
        value_type: value_type.to_owned(),
        deprecated: None,
    }
}

fn authorized(action: &str, condition: Option<(&str, &[&str])>) -> AuthorizedAction {
    AuthorizedAction {
        action: action.to_owned(),
        condition_key: condition.map(|(key, _)| key.to_owned()),
        values: condition
            .map(|(_, values)| strings(values))
            .unwrap_or_default(),
    }
}

fn sdk(client: &str, method: &str) -> SdkMethod {
    SdkMethod {
        package: "Boto3".to_owned(),
        client: client.to_owned(),
        method: method.to_owned(),
    }
}

#[test]
fn demo_document_reads_into_the_expected_catalog() {
    use AccessLevel::*;
    let catalog = read_service_reference(DEMO, None).unwrap();
    let expected = Catalog {
        service: Service {
            name: "demo".to_owned(),
            prefix: "demo".to_owned(),
        },
        source: Source {
            url: "https://servicereference.us-east-1.amazonaws.com/v1/demo/demo.json".to_owned(),
            sha256: catalog_gen::scrape::sha256_hex(DEMO),
            format: Some(SourceFormat::ServiceReference),
            date: None,
            version: Some("v1.4".to_owned()),
        },
        actions: vec![
            action(
                "AddTags",
                &[Tagging, Write],
                vec![
                    resource("gadget", &[]),
                    resource("widget", &["demo:WidgetStage"]),
                ],
                &["aws:RequestTag/${TagKey}", "aws:TagKeys"],
            ),
            action(
                "CreateWidget",
                &[Write],
                vec![resource("widget", &[])],
                &["demo:Protocol"],
            ),
            action(
                "DescribeWidget",
                &[Read],
                vec![resource("widget", &[])],
                &[],
            ),
            action("ListWidgets", &[List], vec![], &[]),
            action(
                "PutWidgetPolicy",
                &[PermissionsManagement, Write],
                vec![resource("widget", &[])],
                &[],
            ),
            // No Annotations: the document does not say, so no level is claimed.
            action("UseGadget", &[], vec![], &[]),
        ],
        resource_types: vec![
            ResourceType {
                name: "gadget".to_owned(),
                documentation_url: None,
                arn_formats: strings(&[
                    "arn:${Partition}:demo:${Region}:${Account}:gadget/${GadgetId}",
                ]),
                condition_keys: vec![],
            },
            ResourceType {
                name: "widget".to_owned(),
                documentation_url: None,
                arn_formats: strings(&[
                    "arn:${Partition}:demo:${Region}:${Account}:widget/${WidgetName}",
                    "arn:${Partition}:demo:${Region}:${Account}:widget/${WidgetName}/${Version}",
                ]),
                condition_keys: strings(&["aws:ResourceTag/${TagKey}", "demo:WidgetStage"]),
            },
        ],
        condition_keys: vec![
            key("aws:RequestTag/${TagKey}", "String"),
            key("aws:ResourceTag/${TagKey}", "String"),
            key("aws:TagKeys", "ArrayOfString"),
            key("demo:Protocol", "ArrayOfString"),
            key("demo:WidgetStage", "String"),
        ],
        operations: vec![
            Operation {
                name: "CreateWidget".to_owned(),
                authorized_actions: vec![
                    authorized("demo:AddTags", None),
                    authorized("demo:CreateWidget", None),
                    authorized(
                        "iam:PassRole",
                        Some((
                            "iam:PassedToService",
                            &["demo.amazonaws.com", "widgets.demo.amazonaws.com"],
                        )),
                    ),
                ],
                sdk_methods: vec![sdk("demo", "create_widget")],
            },
            Operation {
                name: "PingService".to_owned(),
                authorized_actions: vec![],
                sdk_methods: vec![
                    sdk("demo", "ping_service"),
                    sdk("demo-admin", "ping_service"),
                ],
            },
        ],
        other_sources: vec![],
        disagreements: vec![],
    };
    assert_eq!(catalog, expected);
}

#[test]
fn the_fetch_url_is_the_source_url_when_given() {
    let catalog = read_service_reference(DEMO, Some("file:///tmp/demo.json")).unwrap();
    assert_eq!(catalog.source.url, "file:///tmp/demo.json");
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), DEMO].concat();
    let catalog = read_service_reference(&with_bom, None).unwrap();
    assert_eq!(catalog.actions.len(), 6);
    // The hash is of the bytes as given: it identifies the file, not its content.
    assert_eq!(
        catalog.source.sha256,
        catalog_gen::scrape::sha256_hex(&with_bom)
    );
}

#[test]
fn a_context_with_two_keys_yields_one_authorization_per_key_in_key_order() {
    let document = r#"{"Name": "demo", "Actions": [{"Name": "Go"}], "Operations": [{"Name": "Go",
        "AuthorizedActions": [{"Name": "PassRole", "Service": "iam",
            "Context": {"iam:PassedToService": ["a"], "iam:AssociatedResourceArn": ["b", "c"]}}]}]}"#;
    let catalog = read_service_reference(document.as_bytes(), None).unwrap();
    assert_eq!(
        catalog.operations[0].authorized_actions,
        vec![
            authorized(
                "iam:PassRole",
                Some(("iam:AssociatedResourceArn", &["b", "c"]))
            ),
            authorized("iam:PassRole", Some(("iam:PassedToService", &["a"]))),
        ]
    );
}

#[test]
fn service_list_reads_in_order_ignoring_other_fields() {
    assert_eq!(
        read_service_list(LIST).unwrap(),
        vec![
            ServiceListEntry {
                service: "demo".to_owned(),
                url: "https://servicereference.us-east-1.amazonaws.com/v1/demo/demo.json"
                    .to_owned(),
            },
            ServiceListEntry {
                service: "demo-admin".to_owned(),
                url:
                    "https://servicereference.us-east-1.amazonaws.com/v1/demo-admin/demo-admin.json"
                        .to_owned(),
            },
        ]
    );
}

fn error(document: &str) -> String {
    read_service_reference(document.as_bytes(), None)
        .unwrap_err()
        .to_string()
}

fn list_error(document: &str) -> String {
    read_service_list(document.as_bytes())
        .unwrap_err()
        .to_string()
}

#[test]
fn empty_input() {
    assert_eq!(error(""), "the input is empty");
    assert_eq!(error(" \n\t"), "the input is empty");
    assert_eq!(list_error(""), "the input is empty");
}

#[test]
fn an_html_page_is_not_json() {
    assert_eq!(
        error("\n<!DOCTYPE html><html><head><title>Service Authorization Reference</title>"),
        r#"the input is not JSON: it starts with "<!DOCTYPE html><html><head><title>Servic", which looks like an HTML or XML page"#
    );
}

#[test]
fn plain_text_is_not_json() {
    assert_eq!(
        error("Not Found"),
        r#"the input is not JSON: it starts with "Not Found""#
    );
}

#[test]
fn truncated_json_names_where_it_ends() {
    assert_eq!(
        error("{\"Name\": \"demo\",\n \"Actions\": [{\"Name\": \"Ad"),
        "the JSON is truncated: it ends at line 2, column 25 before the document is complete"
    );
    let cut = &DEMO[..DEMO.len() / 2];
    let error = read_service_reference(cut, None).unwrap_err();
    assert!(
        matches!(error, ServiceReferenceError::Truncated { line, .. } if line > 100),
        "{error}"
    );
}

#[test]
fn malformed_json_names_line_and_column() {
    assert_eq!(
        error("{\"Name\": \"demo\",\n  \"Actions\": [,]}"),
        "the JSON is malformed at line 2, column 15: expected value"
    );
}

#[test]
fn the_service_list_is_not_a_service_document() {
    assert_eq!(
        read_service_reference(LIST, None).unwrap_err().to_string(),
        r#"the JSON is an array of 2 elements, but a service reference document is an object with the fields "Name" and "Actions" (an array of {"service", "url"} objects is the service list)"#
    );
}

#[test]
fn a_service_document_is_not_the_service_list() {
    assert_eq!(
        read_service_list(DEMO).unwrap_err().to_string(),
        r#"the JSON is an object with the fields ["Actions", "ConditionKeys", "Name", "Operations", "Resources", "Version"], but the service list is an array of {"service", "url"} objects (an object with "Name" and "Actions" is one service's document)"#
    );
}

#[test]
fn json_of_another_shape() {
    assert_eq!(
        error(r#"{"policyName": "x", "Statement": []}"#),
        r#"the JSON is an object with the fields ["Statement", "policyName"], but a service reference document is an object with the fields "Name" and "Actions" (an array of {"service", "url"} objects is the service list)"#
    );
    assert_eq!(
        error("42"),
        r#"the JSON is a number, but a service reference document is an object with the fields "Name" and "Actions" (an array of {"service", "url"} objects is the service list)"#
    );
}

#[test]
fn missing_name() {
    assert_eq!(
        error(r#"{"Actions": [{"Name": "Go"}]}"#),
        r#"the document: field "Name" is missing"#
    );
}

#[test]
fn name_that_is_not_a_prefix() {
    assert_eq!(
        error(r#"{"Name": "Amazon SageMaker", "Actions": [{"Name": "Go"}]}"#),
        r#"the document: field "Name" must be a service prefix such as "sagemaker", found "Amazon SageMaker""#
    );
}

#[test]
fn missing_actions() {
    assert_eq!(
        error(r#"{"Name": "demo", "Resources": []}"#),
        r#"the document: field "Actions" is missing"#
    );
    assert_eq!(
        error(r#"{"Name": "demo", "Actions": null}"#),
        r#"the document: field "Actions" is missing"#
    );
}

#[test]
fn no_actions_breaks_the_invariants() {
    assert_eq!(
        error(r#"{"Name": "demo", "Actions": []}"#),
        "the catalog has no actions"
    );
}

#[test]
fn actions_of_the_wrong_type() {
    assert_eq!(
        error(r#"{"Name": "demo", "Actions": {"Name": "Go"}}"#),
        r#"the document: field "Actions" must be an array, found an object"#
    );
}

#[test]
fn an_action_that_is_not_an_object() {
    assert_eq!(
        error(r#"{"Name": "demo", "Actions": [{"Name": "Go"}, "Stop"]}"#),
        r#"Actions[1]: must be an object, found a string"#
    );
}

#[test]
fn an_action_without_a_name() {
    assert_eq!(
        error(r#"{"Name": "demo", "Actions": [{"Name": "Go"}, {"Resources": []}]}"#),
        r#"Actions[1]: field "Name" is missing"#
    );
    assert_eq!(
        error(r#"{"Name": "demo", "Actions": [{"Name": " "}]}"#),
        r#"Actions[0] (" "): field "Name" is an empty string"#
    );
}

#[test]
fn action_resources_of_the_wrong_type() {
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go"}, {"Name": "CreateTrainingJob", "Resources": "training-job"}]}"#
        ),
        r#"Actions[1] ("CreateTrainingJob"): field "Resources" must be an array, found a string"#
    );
}

#[test]
fn an_action_resource_without_a_name() {
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go", "Resources": [{"ConditionKeys": []}]}]}"#
        ),
        r#"Actions[0] ("Go").Resources[0]: field "Name" is missing"#
    );
}

#[test]
fn an_action_condition_key_that_is_not_a_string() {
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go", "ActionConditionKeys": ["demo:A", 7]}]}"#
        ),
        r#"Actions[0] ("Go"): field "ActionConditionKeys"[1] must be a string, found a number"#
    );
}

#[test]
fn an_access_flag_that_is_not_a_boolean() {
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go", "Annotations": {"Properties": {"IsWrite": "true"}}}]}"#
        ),
        r#"Actions[0] ("Go"): field "Annotations"."Properties"."IsWrite" must be a boolean, found a string"#
    );
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go", "Annotations": {"Properties": []}}]}"#
        ),
        r#"Actions[0] ("Go"): field "Annotations"."Properties" must be an object, found an array"#
    );
    assert_eq!(
        error(r#"{"Name": "demo", "Actions": [{"Name": "Go", "Annotations": true}]}"#),
        r#"Actions[0] ("Go"): field "Annotations" must be an object, found a boolean"#
    );
}

#[test]
fn a_resource_type_without_arn_formats() {
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go"}], "Resources": [{"Name": "widget"}]}"#
        ),
        r#"Resources[0] ("widget"): field "ARNFormats" is missing"#
    );
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go"}], "Resources": [{"Name": "widget", "ARNFormats": []}]}"#
        ),
        r#"Resources[0] ("widget"): field "ARNFormats" is an empty array"#
    );
}

#[test]
fn an_action_naming_an_undefined_resource_type() {
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go", "Resources": [{"Name": "widget"}]}]}"#
        ),
        r#"action Go: resource type "widget" is not in the resource types table"#
    );
}

#[test]
fn a_repeated_action() {
    assert_eq!(
        error(r#"{"Name": "demo", "Actions": [{"Name": "Go"}, {"Name": "go"}]}"#),
        r#"action "go" appears twice"#
    );
}

#[test]
fn condition_key_types_that_name_no_single_type() {
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go"}], "ConditionKeys": [{"Name": "demo:Mode", "Types": ["String", "Numeric"]}]}"#
        ),
        r#"ConditionKeys[0] ("demo:Mode"): field "Types" is ["String", "Numeric"], which names no single type (understood: one type, or a type together with its ArrayOf form)"#
    );
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go"}], "ConditionKeys": [{"Name": "demo:Mode", "Types": []}]}"#
        ),
        r#"ConditionKeys[0] ("demo:Mode"): field "Types" is [], which names no single type (understood: one type, or a type together with its ArrayOf form)"#
    );
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go"}], "ConditionKeys": [{"Name": "demo:Mode", "Types": "String"}]}"#
        ),
        r#"ConditionKeys[0] ("demo:Mode"): field "Types" must be an array, found a string"#
    );
}

#[test]
fn context_values_that_are_not_a_list() {
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go"}], "Operations": [{"Name": "Go", "AuthorizedActions": [{"Name": "Go", "Service": "demo"}, {"Name": "PassRole", "Service": "iam", "Context": {"iam:PassedToService": "demo.amazonaws.com"}}]}]}"#
        ),
        r#"Operations[0] ("Go").AuthorizedActions[1] ("PassRole"): field "Context"."iam:PassedToService" must be an array of strings, found a string"#
    );
}

#[test]
fn an_authorized_action_without_a_service() {
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go"}], "Operations": [{"Name": "Go", "AuthorizedActions": [{"Name": "Go"}]}]}"#
        ),
        r#"Operations[0] ("Go").AuthorizedActions[0] ("Go"): field "Service" is missing"#
    );
}

#[test]
fn an_sdk_entry_without_a_method() {
    assert_eq!(
        error(
            r#"{"Name": "demo", "Actions": [{"Name": "Go"}], "Operations": [{"Name": "Go", "SDK": [{"Name": "demo", "Package": "Boto3"}]}]}"#
        ),
        r#"Operations[0] ("Go").SDK[0] ("demo"): field "Method" is missing"#
    );
}

#[test]
fn a_version_that_is_not_a_string() {
    assert_eq!(
        error(r#"{"Name": "demo", "Actions": [{"Name": "Go"}], "Version": 1.4}"#),
        r#"the document: field "Version" must be a string, found a number"#
    );
}

#[test]
fn a_service_list_entry_without_a_url() {
    assert_eq!(
        list_error(r#"[{"service": "demo", "url": "u"}, {"service": "other"}]"#),
        r#"service list[1] ("other"): field "url" is missing"#
    );
    assert_eq!(
        list_error(r#"["demo"]"#),
        r#"service list[0]: must be an object, found a string"#
    );
}
