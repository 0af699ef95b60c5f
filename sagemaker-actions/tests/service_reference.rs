//! Services covered by AWS's service reference JSON documents (`ServiceReferenceDir`), next to
//! the built-in SageMaker catalog and data files scraped from pages.

#![cfg(feature = "service-reference")]
#![forbid(unsafe_code)]

use sagemaker_actions::validate::{ServiceCatalog, ServiceReferenceDir, Validator};
use std::path::Path;

/// A service reference document in AWS's shape (with a field this reader does not know).
const WIDGETS: &str = r#"{
  "Name": "widgets",
  "Version": "v1.4",
  "Actions": [
    {
      "Name": "CreateWidget",
      "ActionConditionKeys": ["widgets:Color"],
      "Annotations": {"Properties": {"IsList": false, "IsPermissionManagement": false, "IsTaggingOnly": false, "IsWrite": true}},
      "Resources": [{"Name": "widget"}],
      "SupportedBy": {"IAM Action Last Accessed": true}
    },
    {
      "Name": "ListWidgets",
      "Annotations": {"Properties": {"IsList": true, "IsPermissionManagement": false, "IsTaggingOnly": false, "IsWrite": false}}
    }
  ],
  "Resources": [
    {"Name": "widget", "ARNFormats": ["arn:${Partition}:widgets:${Region}:${Account}:widget/${WidgetId}"]}
  ],
  "ConditionKeys": [
    {"Name": "widgets:Color", "Types": ["String"]}
  ],
  "Operations": []
}"#;

/// A SageMaker document that knows one action only: the built-in catalog must win over it.
const THIN_SAGEMAKER: &str = r#"{"Name": "sagemaker", "Actions": [{"Name": "OnlyThis"}]}"#;

/// The page's data file of `widgets`: it knows `PaintWidget` and not `CreateWidget`.
const WIDGETS_PAGE: &str = r#"{
  "service": {"name": "Widgets", "prefix": "widgets"},
  "source": {"url": "https://example.com/list_widgets.html", "sha256": "00"},
  "actions": [
    {"name": "PaintWidget", "description": "", "documentation_url": null, "access_levels": ["Write"],
     "permission_only": false, "resource_types": [], "condition_keys": [], "dependent_actions": []}
  ],
  "resource_types": [],
  "condition_keys": [],
  "operations": []
}"#;

fn policy(actions: &[&str]) -> String {
    let actions: Vec<String> = actions.iter().map(|action| format!("{action:?}")).collect();
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Action": [{}], "Resource": "*"}}]}}"#,
        actions.join(", ")
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn codes(validator: &Validator, actions: &[&str]) -> Vec<&'static str> {
    let mut codes: Vec<&str> = validator
        .validate_json(&policy(actions))
        .iter()
        .map(|finding| finding.code)
        .collect();
    codes.sort_unstable();
    codes
}

#[test]
fn a_document_reads_into_a_catalog() {
    let catalog = ServiceCatalog::from_service_reference(WIDGETS.as_bytes()).unwrap();
    assert_eq!(catalog.prefix, "widgets");
    let create = catalog.action("createwidget").unwrap();
    assert_eq!(create.access_levels, ["Write"]);
    assert_eq!(create.resource_types[0].resource_type, "widget");
    assert!(!create.resource_types[0].required);
    assert_eq!(
        catalog.action("ListWidgets").unwrap().access_levels,
        ["List"]
    );
    assert!(catalog.key("widgets:Color").is_some());
    assert!(catalog.arn_fits(
        "widget",
        "arn:aws:widgets:us-east-1:123456789012:widget/w-1"
    ));

    let error = ServiceCatalog::from_service_reference(b"<html>503</html>").unwrap_err();
    assert!(error.to_string().contains("HTML"), "{error}");
    let error =
        ServiceCatalog::from_service_reference(br#"{"Name": "x", "Actions": []}"#).unwrap_err();
    assert!(error.to_string().contains("no actions"), "{error}");
}

#[test]
fn documents_cover_services_without_a_catalog_and_are_read_on_first_use() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "widgets.json", WIDGETS);
    write(
        dir.path(),
        "broken.json",
        "{\"Name\": \"broken\", \"Actions\": [",
    );
    let documents = ServiceReferenceDir::open(dir.path()).unwrap();
    assert_eq!(
        documents.prefixes().collect::<Vec<_>>(),
        ["broken", "widgets"]
    );
    let validator = Validator::new().with_service_reference(documents);

    assert_eq!(
        codes(&validator, &["sagemaker:ListTrainingJobs"]),
        Vec::<&str>::new()
    );
    let documents = validator.service_reference().unwrap();
    assert_eq!(
        documents.loaded(),
        0,
        "no document is read for a SageMaker-only policy"
    );

    assert_eq!(
        codes(&validator, &["widgets:ListWidgets", "WIDGETS:createwidget"]),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes(&validator, &["widgets:CreateWidgetz"]),
        ["INVALID_ACTION"]
    );
    let finding = &validator.validate_json(&policy(&["widgets:CreateWidgetz"]))[0];
    assert!(
        finding
            .message
            .contains("did you mean widgets:CreateWidget"),
        "{}",
        finding.message
    );
    assert_eq!(documents.loaded(), 1);
    assert!(documents.errors().is_empty());

    // A document that cannot be read leaves its service unchecked, and says why.
    assert_eq!(
        codes(&validator, &["broken:Anything"]),
        ["UNCHECKED_SERVICE"]
    );
    let errors = documents.errors();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].prefix, "broken");
    assert!(errors[0].to_string().contains("truncated"), "{}", errors[0]);
}

#[test]
fn an_unchecked_service_does_not_hide_the_rest_of_its_statement() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "widgets.json", WIDGETS);
    let validator =
        Validator::new().with_service_reference(ServiceReferenceDir::open(dir.path()).unwrap());
    let findings = validator.validate_json(&policy(&[
        "nosuchservice:DoThings",
        "nosuchservice:DoOtherThings",
        "sagemaker:CreateTrainingJb",
        "widgets:Paint",
    ]));
    let codes: Vec<(&str, &str)> = findings
        .iter()
        .map(|finding| (finding.code, finding.path.as_str()))
        .collect();
    assert!(
        codes.contains(&("INVALID_ACTION", "Statement[0].Action[2]")),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("INVALID_ACTION", "Statement[0].Action[3]")),
        "{codes:?}"
    );
    let unchecked: Vec<_> = findings
        .iter()
        .filter(|finding| finding.code == "UNCHECKED_SERVICE")
        .collect();
    assert_eq!(unchecked.len(), 1, "{codes:?}");
    assert!(unchecked[0].message.contains("nosuchservice"));
}

#[test]
fn page_catalogs_and_the_built_in_one_win_over_documents() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "widgets.json", WIDGETS);
    write(dir.path(), "sagemaker.json", THIN_SAGEMAKER);
    let page = ServiceCatalog::from_json(WIDGETS_PAGE).unwrap();
    // The data file wins whether it is added before or after the documents.
    let before = Validator::new()
        .with_catalog(page.clone())
        .with_service_reference(ServiceReferenceDir::open(dir.path()).unwrap());
    let after = Validator::new()
        .with_service_reference(ServiceReferenceDir::open(dir.path()).unwrap())
        .with_catalog(page);
    for validator in [&before, &after] {
        assert_eq!(
            codes(validator, &["widgets:PaintWidget"]),
            Vec::<&str>::new()
        );
        assert_eq!(
            codes(validator, &["widgets:CreateWidget"]),
            ["INVALID_ACTION"]
        );
        assert_eq!(
            codes(validator, &["sagemaker:ListTrainingJobs"]),
            Vec::<&str>::new()
        );
        assert_eq!(
            codes(validator, &["sagemaker:OnlyThis"]),
            ["INVALID_ACTION"]
        );
        assert_eq!(validator.service_reference().unwrap().loaded(), 0);
    }
}

#[test]
fn the_service_list_says_which_documents_belong() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "widgets.json", WIDGETS);
    write(
        dir.path(),
        "gadgets.json",
        &WIDGETS.replace("\"widgets\"", "\"gadgets\""),
    );
    write(
        dir.path(),
        "service-list.json",
        r#"[{"service": "widgets", "url": "https://servicereference.us-east-1.amazonaws.com/v1/widgets/widgets.json"},
            {"service": "missing", "url": "https://servicereference.us-east-1.amazonaws.com/v1/missing/missing.json"}]"#,
    );
    let documents = ServiceReferenceDir::open(dir.path()).unwrap();
    assert_eq!(
        documents.prefixes().collect::<Vec<_>>(),
        ["missing", "widgets"]
    );
    assert!(documents.catalog("gadgets").is_none(), "not listed");
    assert!(documents.catalog("Widgets").is_some());
    assert!(documents.catalog("missing").is_none());
    assert_eq!(documents.errors()[0].prefix, "missing");

    // A document that names another service than its file is not used for either.
    write(
        dir.path(),
        "service-list.json",
        r#"[{"service": "gadgets", "url": "x"}]"#,
    );
    write(dir.path(), "gadgets.json", WIDGETS);
    let documents = ServiceReferenceDir::open(dir.path()).unwrap();
    assert!(documents.catalog("gadgets").is_none());
    assert!(documents.errors()[0]
        .to_string()
        .contains("not \"gadgets\""));

    // A list entry must not lead out of the directory.
    write(
        dir.path(),
        "service-list.json",
        r#"[{"service": "../etc/passwd", "url": "x"}]"#,
    );
    let error = ServiceReferenceDir::open(dir.path()).unwrap_err();
    assert!(
        error.to_string().contains("not a service prefix"),
        "{error}"
    );
    write(dir.path(), "service-list.json", r#"{"Name": "widgets"}"#);
    assert!(ServiceReferenceDir::open(dir.path()).is_err());
    assert!(ServiceReferenceDir::open(dir.path().join("nope")).is_err());
}
