//! Reading the global condition keys page: a hand-written fixture in the page's structure, and
//! one test per kind of bad input, each asserting the message.

use catalog_gen::global_keys::{compare, read_global_keys_page, GlobalKeysError, KeyDifference};
use catalog_gen::model::GlobalConditionKeys;

const PAGE: &str = include_str!("fixtures/global-keys/page.md");
const EXPECTED: &str = include_str!("fixtures/global-keys/expected.json");
const URL: &str = "https://example.com/global-keys";

fn read(text: &str) -> Result<GlobalConditionKeys, GlobalKeysError> {
    read_global_keys_page(text.as_bytes(), URL)
}

/// The fixture with exactly one occurrence of `from` replaced.
fn edited(from: &str, to: &str) -> String {
    assert_eq!(PAGE.matches(from).count(), 1, "{from:?} occurs once");
    PAGE.replacen(from, to, 1)
}

fn message(text: &str) -> String {
    read(text).unwrap_err().to_string()
}

#[test]
fn the_fixture_reads_to_the_expected_data_file() {
    let keys = read(PAGE).unwrap();
    assert_eq!(keys.to_json(), EXPECTED);
    let round_trip: GlobalConditionKeys = serde_json::from_str(EXPECTED).unwrap();
    assert_eq!(round_trip, keys);
}

#[test]
fn empty_input() {
    assert_eq!(message(""), "the input is empty");
    assert_eq!(message(" \n\t\n"), "the input is empty");
}

#[test]
fn bytes_that_are_not_text() {
    let error = read_global_keys_page(b"# AWS global condition context\n\xff", URL).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the input is not UTF-8 text (invalid byte at offset 31)"
    );
}

#[test]
fn another_page() {
    assert_eq!(
        message("\n# Actions, resources, and condition keys for Amazon SageMaker AI\n"),
        "line 2: expected the title \"# AWS global condition context keys\", found \"# Actions, resources, and condition keys for Amazon SageMaker AI\"; is this the global condition keys page?"
    );
}

#[test]
fn the_title_without_key_sections() {
    assert_eq!(
        message("# AWS global condition context\n\nkeys\n\n## Properties of the request\n"),
        "the page has its title but no `### prefix:Key` sections"
    );
}

#[test]
fn a_key_without_a_data_type() {
    let page = edited("- **Data type** – ARN\n", "");
    assert_eq!(
        message(&page),
        "line 25: key aws:PrincipalArn: no \"Data type\" property"
    );
}

#[test]
fn an_unknown_data_type() {
    let page = edited("- **Data type** – ARN\n", "- **Data type** – Blob\n");
    assert_eq!(
        message(&page),
        "line 36: key aws:PrincipalArn: unknown data type \"Blob\" (known: String, ARN, Boolean, Numeric, Date, IP address, Binary, and \"Date, Numeric\")"
    );
}

#[test]
fn a_key_without_a_value_type() {
    let page = edited("- **Value type** – Multivalued\n", "");
    assert_eq!(
        message(&page),
        "line 49: key aws:PrincipalOrgPaths: no \"Value type\" property"
    );
}

#[test]
fn an_unknown_value_type() {
    let page = edited(
        "- **Value type** – Multivalued\n",
        "- **Value type** – Sometimes\n",
    );
    assert_eq!(
        message(&page),
        "line 57: key aws:PrincipalOrgPaths: unknown value type \"Sometimes\" (known: Single-valued, Multivalued)"
    );
}

#[test]
fn a_list_type_that_is_single_valued() {
    let page = edited(
        "- **Value type** – Multivalued\n",
        "- **Value type** – Single-valued\n",
    );
    assert_eq!(
        message(&page),
        "line 57: key aws:PrincipalOrgPaths: the data type \"String (list)\" and the value type \"Single-valued\" disagree about whether the key is multivalued"
    );
}

#[test]
fn a_multivalued_type_without_an_array_form() {
    let page = edited(
        "Conditions_Numeric\")\n- **Value type** – Single-valued",
        "Conditions_Numeric\") (list)\n- **Value type** – Multivalued",
    );
    assert_eq!(
        message(&page),
        "line 113: key aws:EpochTime: the multivalued data type \"DateOrNumeric\" has no ArrayOf form"
    );
}

#[test]
fn a_key_defined_twice() {
    let page = edited("### aws:EpochTime\n", "### aws:principalarn\n");
    assert_eq!(
        message(&page),
        "line 106: key aws:principalarn is already defined on line 25"
    );
}

#[test]
fn comparison_names_added_missing_and_retyped_keys() {
    let new = read(PAGE).unwrap();
    let mut old = new.clone();
    old.cross_service_keys.clear();
    old.condition_keys.retain(|key| key.name != "aws:EpochTime");
    old.condition_keys[0].value_type = "ARN".into(); // aws:FederatedProvider
    let mut gone = old.condition_keys[1].clone();
    gone.name = "aws:Gone".into();
    old.condition_keys.push(gone);

    let differences: Vec<String> = compare(&old, &new).iter().map(|d| d.to_string()).collect();
    assert_eq!(
        differences,
        [
            "+ aws:EpochTime (DateOrNumeric)",
            "~ aws:FederatedProvider: type ARN -> String",
            "- aws:Gone (ARN)",
            "+ glue:RoleAssumedBy (String)",
        ]
    );
    assert!(matches!(
        compare(&old, &new)[2],
        KeyDifference::Missing { .. }
    ));
    assert!(compare(&new, &new).is_empty());
}
