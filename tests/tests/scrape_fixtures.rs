//! The scraper end to end, over small hand-written pages in `fixtures/pages/`, one per layout:
//! `capitalized-2019` (2019 headers, no `<thead>`), `sentence-case-2020` (`<thead>`, ids on cells,
//! `[permission only]`, split ARNs, EC2-style "SCENARIO:" rows) and `split-2026` (access level
//! last, a permission-only actions table, an API operations table).
//!
//! Each page's catalog is compared, byte for byte, with the committed
//! `fixtures/expected/<page>.json`. After an intended change to the scraper or to a fixture,
//! rewrite the expected files with
//!
//! ```text
//! UPDATE_EXPECT=1 cargo test -p integration-tests --test scrape_fixtures
//! ```
//!
//! and review the diff before committing it: the expected files were checked by hand against the
//! pages. The other tests state the important facts of each page by hand, independently of the
//! expected files. Nothing here needs the network or files outside this repository.

use catalog_gen::check::Warning;
use catalog_gen::model::{
    AccessLevel, Action, ActionResourceType, AuthorizedAction, Catalog, Operation, Scenario,
};
use catalog_gen::scrape::{self, Layout, Scraped};

const CAPITALIZED_2019: &str = "capitalized-2019";
const SENTENCE_CASE_2020: &str = "sentence-case-2020";
const SPLIT_2026: &str = "split-2026";
const ALL_PAGES: [&str; 3] = [CAPITALIZED_2019, SENTENCE_CASE_2020, SPLIT_2026];

const UPDATE_COMMAND: &str =
    "UPDATE_EXPECT=1 cargo test -p integration-tests --test scrape_fixtures";

fn page_path(name: &str) -> String {
    format!(
        "{}/{name}.html",
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/pages")
    )
}

fn expected_path(name: &str) -> String {
    format!(
        "{}/{name}.json",
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/expected")
    )
}

fn page_bytes(name: &str) -> Vec<u8> {
    let path = page_path(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("cannot read fixture page {path}: {error}"))
}

fn scrape_page(name: &str) -> Scraped {
    scrape::scrape(&page_bytes(name), None)
        .unwrap_or_else(|error| panic!("fixture {name} does not scrape: {error}"))
}

fn action<'c>(catalog: &'c Catalog, name: &str) -> &'c Action {
    catalog
        .action(name)
        .unwrap_or_else(|| panic!("no action {name}"))
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

fn names<'a>(items: impl IntoIterator<Item = &'a String>) -> Vec<&'a str> {
    items.into_iter().map(String::as_str).collect()
}

fn resource(name: &str, required: bool, condition_keys: &[&str]) -> ActionResourceType {
    ActionResourceType {
        name: name.to_owned(),
        required,
        condition_keys: strings(condition_keys),
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

fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some_and(|value| value == "1")
}

/// Compares the page's catalog JSON with its expected file, or rewrites the file under
/// `UPDATE_EXPECT=1`.
fn check_expected(name: &str) {
    let actual = scrape_page(name).catalog.to_json();
    let path = expected_path(name);
    if updating() {
        std::fs::write(&path, &actual)
            .unwrap_or_else(|error| panic!("cannot write {path}: {error}"));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!("fixture {name}: cannot read expected file {path} ({error}); create it with `{UPDATE_COMMAND}`")
    });
    if actual == expected {
        return;
    }
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    let mut line = 0;
    let (expected_line, actual_line) = loop {
        line += 1;
        match (expected_lines.next(), actual_lines.next()) {
            (Some(left), Some(right)) if left == right => continue,
            // Equal lines throughout: the files differ only in the final newline.
            (None, None) => break (None, None),
            different => break different,
        }
    };
    panic!(
        "fixture {name}: the scraped catalog differs from {path}\n\
         first difference at line {line}:\n  expected: {expected_line:?}\n  actual:   {actual_line:?}\n\
         If the change is intended, rewrite the expected files with `{UPDATE_COMMAND}` and review the diff."
    );
}

#[test]
fn capitalized_2019_matches_expected_json() {
    check_expected(CAPITALIZED_2019);
}

#[test]
fn sentence_case_2020_matches_expected_json() {
    check_expected(SENTENCE_CASE_2020);
}

#[test]
fn split_2026_matches_expected_json() {
    check_expected(SPLIT_2026);
}

#[test]
fn each_page_is_read_in_its_layout() {
    let layouts = [
        Layout::Capitalized2019,
        Layout::SentenceCase2020,
        Layout::Split2026,
    ];
    for (name, layout) in ALL_PAGES.into_iter().zip(layouts) {
        assert_eq!(scrape_page(name).layout, layout, "fixture {name}");
    }
}

#[test]
fn scraping_is_deterministic_and_hashes_the_input() {
    for name in ALL_PAGES {
        let bytes = page_bytes(name);
        let first = scrape::scrape(&bytes, None).unwrap().catalog.to_json();
        let second = scrape::scrape(&bytes, None).unwrap().catalog.to_json();
        assert_eq!(
            first, second,
            "fixture {name}: two scrapes of the same bytes differ"
        );
        let catalog = Catalog::from_json(&first).unwrap();
        assert_eq!(
            catalog.source.sha256,
            scrape::sha256_hex(&bytes),
            "fixture {name}"
        );
        assert_eq!(catalog.source.sha256.len(), 64, "fixture {name}");
    }
}

#[test]
fn capitalized_2019_facts() {
    let scraped = scrape_page(CAPITALIZED_2019);
    let catalog = &scraped.catalog;
    assert_eq!(catalog.service.name, "Amazon SageMaker");
    assert_eq!(catalog.service.prefix, "sagemaker");
    assert_eq!(
        catalog.source.url,
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/list_amazonsagemaker.html"
    );
    // The breadcrumbs table has no header row and is skipped.
    assert_eq!(
        names(catalog.actions.iter().map(|a| &a.name)),
        [
            "AddTags",
            "CreateTrainingJob",
            "DescribeTrainingJob",
            "ListTrainingJobs"
        ]
    );
    assert_eq!(catalog.resource_types.len(), 2);
    assert_eq!(catalog.condition_keys.len(), 4);
    assert!(catalog.operations.is_empty());
    assert!(catalog.actions.iter().all(|a| !a.permission_only));
    assert!(catalog.actions.iter().all(|a| a.scenarios.is_empty()));

    // rowspan="3": two resource rows, then a condition-key row with an empty resource cell.
    let create = action(catalog, "CreateTrainingJob");
    assert_eq!(
        create.documentation_url.as_deref(),
        Some("https://docs.aws.amazon.com/sagemaker/latest/dg/API_CreateTrainingJob.html")
    );
    assert_eq!(create.access_levels, [AccessLevel::Write]);
    assert_eq!(
        create.resource_types,
        [
            resource("training-job", true, &[]),
            resource("endpoint", false, &["aws:ResourceTag/${TagKey}"]),
        ]
    );
    assert_eq!(
        create.condition_keys,
        [
            "aws:RequestTag/${TagKey}",
            "aws:TagKeys",
            "sagemaker:InstanceTypes"
        ]
    );
    assert_eq!(create.dependent_actions, ["iam:PassRole"]);
    assert!(create
        .description
        .starts_with("Starts a model training job. After training completes, Amazon SageMaker saves the resulting"));

    let add_tags = action(catalog, "AddTags");
    assert_eq!(add_tags.access_levels, [AccessLevel::Tagging]);
    assert_eq!(
        add_tags.resource_types,
        [
            resource("endpoint", false, &[]),
            resource("training-job", false, &[])
        ]
    );

    let list = action(catalog, "ListTrainingJobs");
    assert_eq!(list.access_levels, [AccessLevel::List]);
    assert!(list.resource_types.is_empty());
    assert!(list.condition_keys.is_empty());
    assert!(list.dependent_actions.is_empty());

    // 2019 resource type names carry only an <a id> anchor, no link.
    let training_job = catalog.resource_type("training-job").unwrap();
    assert_eq!(training_job.documentation_url, None);
    assert_eq!(
        training_job.arn_formats,
        ["arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}"]
    );

    // The first key name is written `aws:RequestTag/$<span>{</span>TagKey}` across lines.
    assert_eq!(
        names(catalog.condition_keys.iter().map(|k| &k.name)),
        [
            "aws:RequestTag/${TagKey}",
            "aws:ResourceTag/${TagKey}",
            "aws:TagKeys",
            "sagemaker:InstanceTypes"
        ]
    );
    assert_eq!(catalog.condition_keys[3].value_type, "ArrayOfString");
    assert_eq!(scraped.warnings, []);
}

#[test]
fn sentence_case_2020_facts() {
    let scraped = scrape_page(SENTENCE_CASE_2020);
    let catalog = &scraped.catalog;
    assert_eq!(catalog.service.prefix, "sagemaker");
    assert_eq!(
        names(catalog.actions.iter().map(|a| &a.name)),
        [
            "AccessModelPackage",
            "AddTags",
            "CreateCluster",
            "CreateTrainingJob",
            "RunInstances",
            "UpdateModelPackage"
        ]
    );
    assert_eq!(catalog.resource_types.len(), 9);
    assert_eq!(catalog.condition_keys.len(), 7);
    assert!(catalog.operations.is_empty());

    // Only the action marked "[permission only]" is permission-only; the marker leaves the name.
    let permission_only: Vec<&str> = catalog
        .actions
        .iter()
        .filter(|a| a.permission_only)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(permission_only, ["AccessModelPackage"]);

    // rowspan="4": three resource rows, then the action-level condition-key row.
    let create = action(catalog, "CreateTrainingJob");
    assert_eq!(create.access_levels, [AccessLevel::Write]);
    assert_eq!(
        create.resource_types,
        [
            resource("training-job", true, &[]),
            resource("reserved-capacity", false, &[]),
            resource("training-plan", false, &[]),
        ]
    );
    assert_eq!(
        create.condition_keys,
        [
            "aws:RequestTag/${TagKey}",
            "aws:TagKeys",
            "sagemaker:InstanceTypes",
            "sagemaker:VpcSubnets"
        ]
    );
    assert_eq!(
        create.dependent_actions,
        ["iam:PassRole", "sagemaker:AddTags"]
    );

    // Written iam:PassRole then eks:DescribeCluster; stored sorted, cross-service kept.
    let cluster = action(catalog, "CreateCluster");
    assert_eq!(
        cluster.dependent_actions,
        ["eks:DescribeCluster", "iam:PassRole"]
    );

    // Name cell rowspan="5", description and access level rowspan="3", then two SCENARIO rows.
    let run = action(catalog, "RunInstances");
    assert_eq!(
        run.description,
        "Grants permission to launch one or more instances"
    );
    assert_eq!(run.access_levels, [AccessLevel::Write]);
    assert_eq!(
        run.resource_types,
        [
            resource("image", true, &["sagemaker:ResourceTag/${TagKey}"]),
            resource("key-pair", false, &[]),
        ],
        "scenario resource types must not be added to the action's own"
    );
    assert_eq!(run.condition_keys, ["sagemaker:InstanceTypes"]);
    assert_eq!(run.dependent_actions, ["iam:PassRole"]);
    assert_eq!(
        run.scenarios,
        [
            Scenario {
                name: "EC2-VPC-EBS".into(),
                resource_types: vec![
                    resource("image", true, &[]),
                    resource("key-pair", false, &[])
                ],
            },
            Scenario {
                name: "EC2-VPC-InstanceStore-Subnet".into(),
                resource_types: vec![
                    resource("image", true, &[]),
                    resource("subnet", true, &[]),
                    resource("key-pair", false, &[]),
                ],
            },
        ]
    );
    assert!(catalog
        .actions
        .iter()
        .filter(|a| a.name != "RunInstances")
        .all(|a| a.scenarios.is_empty()));

    // A key name with two colons, on a resource row and in the keys table.
    assert_eq!(
        action(catalog, "UpdateModelPackage").resource_types,
        [resource(
            "model-package",
            true,
            &["sagemaker:ModelLifeCycle:Stage"]
        )]
    );
    assert!(catalog
        .condition_keys
        .iter()
        .any(|k| k.name == "sagemaker:ModelLifeCycle:Stage" && k.value_type == "String"));

    // A resource type name with spaces, in the actions table and the resource types table.
    assert_eq!(
        action(catalog, "AddTags").resource_types,
        [
            resource("training-job", false, &[]),
            resource("code signing config", false, &[])
        ]
    );
    assert!(catalog.resource_type("code signing config").is_some());

    // The ARN is written `arn:$<span>{</span>Partition}:...` over many lines.
    let training_job = catalog.resource_type("training-job").unwrap();
    assert_eq!(
        training_job.arn_formats,
        ["arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}"]
    );
    assert_eq!(
        training_job.documentation_url.as_deref(),
        Some("https://docs.aws.amazon.com/sagemaker/latest/dg/how-it-works-training.html")
    );
    assert_eq!(
        training_job.condition_keys,
        [
            "aws:ResourceTag/${TagKey}",
            "sagemaker:ResourceTag/${TagKey}"
        ]
    );
    // The parameterized key's name is split across a <span> in the keys table.
    assert!(catalog
        .condition_keys
        .iter()
        .any(|k| k.name == "sagemaker:ResourceTag/${TagKey}"));

    // CreateCluster uses a key the keys table lacks; sagemaker:AddTags is defined, so the only
    // warning is that one.
    assert_eq!(
        scraped.warnings,
        [Warning::UndefinedConditionKey {
            referrer: "action CreateCluster".into(),
            key: "sagemaker:ClusterSchedulerConfig".into(),
        }]
    );
    let message = scraped.warnings[0].to_string();
    assert!(
        message.contains("action CreateCluster")
            && message.contains("sagemaker:ClusterSchedulerConfig"),
        "{message}"
    );
}

#[test]
fn split_2026_facts() {
    let scraped = scrape_page(SPLIT_2026);
    let catalog = &scraped.catalog;
    assert_eq!(catalog.service.name, "Amazon Kinesis Data Streams");
    assert_eq!(catalog.service.prefix, "kinesis");

    // Both actions tables, in page order; the second is permission-only by its heading alone.
    let flags: Vec<(&str, bool)> = catalog
        .actions
        .iter()
        .map(|a| (a.name.as_str(), a.permission_only))
        .collect();
    assert_eq!(
        flags,
        [
            ("CreateChannel", false),
            ("DescribeChannel", false),
            ("ListChannels", false),
            ("TagResource", false),
            ("SubscribeToChannel", true),
            ("UseChannelEncryptionKey", true),
        ]
    );
    assert_eq!(catalog.resource_types.len(), 2);
    assert_eq!(catalog.condition_keys.len(), 4);
    // No dependent actions column in this layout.
    assert!(catalog
        .actions
        .iter()
        .all(|a| a.dependent_actions.is_empty()));

    // Two-cell continuation rows under Actions/Description/Access level rowspans.
    let tag = action(catalog, "TagResource");
    assert_eq!(
        tag.access_levels,
        [AccessLevel::Tagging, AccessLevel::Write]
    );
    assert_eq!(
        tag.resource_types,
        [
            resource("channel", false, &[]),
            resource("stream", false, &["aws:ResourceTag/${TagKey}"]),
        ]
    );
    assert_eq!(
        tag.condition_keys,
        ["aws:RequestTag/${TagKey}", "aws:TagKeys"]
    );

    let create = action(catalog, "CreateChannel");
    assert_eq!(create.access_levels, [AccessLevel::Write]);
    assert_eq!(create.resource_types, [resource("channel", true, &[])]);
    // Written `aws:RequestTag/$<span>{</span>TagKey}` in the actions table.
    assert_eq!(
        create.condition_keys,
        ["aws:RequestTag/${TagKey}", "aws:TagKeys"]
    );

    let subscribe = action(catalog, "SubscribeToChannel");
    assert_eq!(subscribe.access_levels, [AccessLevel::Read]);
    assert_eq!(subscribe.resource_types, [resource("channel", true, &[])]);
    assert_eq!(subscribe.condition_keys, ["kinesis:ChannelType"]);
    assert_eq!(
        action(catalog, "UseChannelEncryptionKey").documentation_url,
        None
    );

    assert_eq!(
        catalog.resource_type("channel").unwrap().arn_formats,
        ["arn:${Partition}:kinesis:${Region}:${Account}:channel/${ChannelName}"]
    );

    assert_eq!(
        catalog.operations,
        [
            Operation {
                name: "CreateChannel".into(),
                authorized_actions: vec![
                    authorized("kinesis:CreateChannel", None),
                    authorized("kinesis:TagResource", None),
                    authorized(
                        "iam:PassRole",
                        Some(("iam:PassedToService", &["kinesis.amazonaws.com"]))
                    ),
                ],
                sdk_methods: Vec::new(),
            },
            Operation {
                name: "DescribeChannel".into(),
                authorized_actions: vec![authorized("kinesis:DescribeChannel", None)],
                sdk_methods: Vec::new(),
            },
        ]
    );
    assert_eq!(scraped.warnings, []);
}
