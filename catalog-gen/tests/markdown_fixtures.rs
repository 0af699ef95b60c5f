//! The Markdown reader end to end, over two small hand-written pages in the format of AWS's
//! `list_<slug>.md` files: `lists.md` (SDK client lines, permission-only actions as a list, a
//! deprecated key) and `tables.md` (no SDK client, permission-only actions as a table). Each
//! page's catalog is compared with `fixtures/markdown/<page>.json`; after an intended change,
//! rewrite those with `UPDATE_EXPECT=1 cargo test -p catalog-gen --test markdown_fixtures` and
//! review the diff. The other tests state the important facts by hand, and each kind of bad
//! input is checked for the error it gets.

use catalog_gen::model::{AccessLevel, ActionResourceType, AuthorizedAction, Deprecation};
use catalog_gen::scrape::{scrape_markdown, Layout, ScrapeError, Scraped};

const LISTS: &str = include_str!("fixtures/markdown/lists.md");
const TABLES: &str = include_str!("fixtures/markdown/tables.md");

fn read(text: &str) -> Scraped {
    scrape_markdown(text.as_bytes(), None).unwrap_or_else(|error| panic!("{error}"))
}

fn error(text: &str) -> String {
    error_of(text.as_bytes())
}

fn error_of(bytes: &[u8]) -> String {
    match scrape_markdown(bytes, None) {
        Ok(_) => panic!("the input was accepted"),
        Err(error) => error.to_string(),
    }
}

fn resource(name: &str, required: bool, keys: &[&str]) -> ActionResourceType {
    ActionResourceType {
        name: name.into(),
        required,
        condition_keys: keys.iter().map(|key| key.to_string()).collect(),
    }
}

#[test]
fn pages_match_their_expected_catalogs() {
    expect_test::expect_file!["fixtures/markdown/lists.json"]
        .assert_eq(&read(LISTS).catalog.to_json());
    expect_test::expect_file!["fixtures/markdown/tables.json"]
        .assert_eq(&read(TABLES).catalog.to_json());
}

#[test]
fn list_page_facts() {
    let scraped = read(LISTS);
    assert_eq!(scraped.layout, Layout::Markdown2026);
    assert_eq!(scraped.warnings, []);
    let catalog = scraped.catalog;
    assert_eq!(
        (
            catalog.service.name.as_str(),
            catalog.service.prefix.as_str()
        ),
        ("Example Widgets", "widgets")
    );
    assert_eq!(
        catalog.source.url,
        "https://docs.aws.amazon.com/service-authorization/latest/reference/list_examplewidgets.md"
    );
    let names: Vec<_> = catalog
        .actions
        .iter()
        .map(|a| (a.name.as_str(), a.permission_only))
        .collect();
    assert_eq!(
        names,
        [
            ("CreateWidget", false),
            ("ListWidgets", false),
            ("TagResource", false),
            ("PolishWidget", true)
        ]
    );

    let create = catalog.action("CreateWidget").unwrap();
    assert_eq!(
        create.description,
        "Grants permission to create a widget in a gizmo *box*"
    );
    assert_eq!(
        create.documentation_url.as_deref(),
        Some("https://docs.example.com/API_CreateWidget.html")
    );
    assert_eq!(
        create.resource_types,
        [
            resource(
                "widget",
                true,
                &["aws:RequestTag/${TagKey}", "widgets:Color"]
            ),
            resource("widget shelf", false, &[]),
        ]
    );
    assert!(create.condition_keys.is_empty() && create.dependent_actions.is_empty());

    let list = catalog.action("ListWidgets").unwrap();
    assert!(list.resource_types.is_empty());
    assert_eq!(list.condition_keys, ["widgets:OldColor"]);
    let tag = catalog.action("TagResource").unwrap();
    assert_eq!(
        tag.access_levels,
        [AccessLevel::Tagging, AccessLevel::Write]
    );
    assert_eq!(
        tag.resource_types,
        [resource("widget", true, &["aws:RequestTag/${TagKey}"])]
    );
    let polish = catalog.action("PolishWidget").unwrap();
    assert_eq!(
        polish.access_levels,
        [AccessLevel::PermissionsManagement, AccessLevel::Write]
    );

    let shelf = catalog.resource_type("widget shelf").unwrap();
    assert_eq!(shelf.arn_formats.len(), 2);
    assert_eq!(
        shelf.arn_formats[1],
        "arn:${Partition}:widgets:${Region}:${Account}:shelf/${ShelfName}/${Slot}"
    );
    let old = catalog
        .condition_keys
        .iter()
        .find(|key| key.name == "widgets:OldColor")
        .unwrap();
    assert_eq!(
        old.deprecated,
        Some(Deprecation {
            replaced_by: Some("widgets:Color".into())
        })
    );

    let create_op = &catalog.operations[0];
    assert_eq!(create_op.name, "CreateWidget");
    assert!(
        create_op.sdk_methods.is_empty(),
        "the page names no SDK package or method"
    );
    assert_eq!(
        create_op.authorized_actions[2],
        AuthorizedAction {
            action: "iam:PassRole".into(),
            condition_key: Some("iam:PassedToService".into()),
            values: vec![
                "job.widgets.amazonaws.com".into(),
                "widgets.amazonaws.com".into()
            ],
        }
    );
    assert_eq!(catalog.operations[1].authorized_actions.len(), 1);
}

#[test]
fn table_page_facts() {
    let catalog = read(TABLES).catalog;
    let reveal = catalog.action("RevealSecrets").unwrap();
    assert!(reveal.permission_only);
    assert_eq!(reveal.access_levels, [AccessLevel::Read]);
    assert!(reveal.resource_types.is_empty() && reveal.condition_keys.is_empty());
    let invoke = catalog.action("InvokeHTTPEndpoint").unwrap();
    assert_eq!(
        invoke.resource_types,
        [resource("run", true, &["flows:HTTPMethod"])]
    );
    assert_eq!(
        invoke.documentation_url.as_deref(),
        Some("https://docs.example.com/http.html")
    );
    let describe = catalog.action("DescribeRun").unwrap();
    assert_eq!(
        describe.resource_types,
        [
            resource("labelled run", true, &[]),
            resource("run", false, &["aws:ResourceTag/${TagKey}"])
        ]
    );
    let start = &catalog.operations[1];
    assert_eq!(
        start.authorized_actions[1].condition_key.as_deref(),
        Some("flows:HTTPMethod")
    );
    assert_eq!(start.authorized_actions[1].values, ["GET"]);
    assert_eq!(
        catalog.operations[0].authorized_actions[0].condition_key,
        None
    );
}

#[test]
fn the_fetch_url_is_the_fallback_and_a_page_without_either_is_refused() {
    let anchorless = TABLES.replace("<a name=\"list_exampleflows\"></a>\n", "");
    let scraped = scrape_markdown(anchorless.as_bytes(), Some("file:///pages/flows.md")).unwrap();
    assert_eq!(scraped.catalog.source.url, "file:///pages/flows.md");
    assert!(matches!(
        scrape_markdown(anchorless.as_bytes(), None),
        Err(ScrapeError::NoMarkdownSourceUrl)
    ));
}

#[test]
fn empty_input_is_refused() {
    assert_eq!(error(""), "the input is empty");
    assert_eq!(error(" \n\n"), "the input is empty");
}

#[test]
fn binary_and_non_utf8_input_is_refused() {
    let binary = error_of(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(
        binary,
        "the input is not a Markdown page: it contains a NUL byte at offset 8 (binary data)"
    );
    let latin1 = error_of(b"# caf\xe9\n");
    assert_eq!(
        latin1,
        "the input is not a Markdown page: it is not UTF-8 text (invalid byte at offset 5)"
    );
}

#[test]
fn a_page_cut_inside_an_item_is_truncated() {
    let actions = LISTS.find("## Actions defined by").unwrap();
    let cut = &LISTS[..actions + LISTS[actions..].find("  - **Access level:** List").unwrap() + 12];
    let message = error(cut);
    assert!(message.starts_with("the page is truncated:"), "{message}");
    assert!(
        message.contains("\"Permission-only actions for Example Widgets\""),
        "{message}"
    );
    assert!(
        message.contains("\"Condition keys for Example Widgets\""),
        "{message}"
    );
    assert!(message.ends_with("\\n  - **Access\")"), "{message}");
}

#[test]
fn a_page_cut_inside_its_last_table_row_is_truncated() {
    let cut = &TABLES[..TABLES.len() - 12];
    assert_eq!(
        error(cut),
        "Condition keys section, table row 2 (line 91): the row \"|   [flows:HTTPMethod](https://docs.example.com/http.html)  | Filters access by the method of the HTTP Task state\" does not end with \"|\"; the page ends here, so it is probably truncated"
    );
}

#[test]
fn a_cut_item_without_topics_says_it_is_cut() {
    let start = LISTS.find("**Topics**").unwrap();
    let end = LISTS.find("## API operations").unwrap();
    let without_topics = format!("{}{}", &LISTS[..start], &LISTS[end..]);
    let cut = &without_topics[..without_topics
        .find("  - **Condition keys:** [widgets:OldColor]")
        .unwrap()];
    let message = error(cut.trim_end());
    assert!(
        message.starts_with("Actions section, item 2 (line "),
        "{message}"
    );
    assert!(message.contains("(action ListWidgets): the item has no \"Access level\" field; the page ends here, so it is probably truncated"), "{message}");
}

#[test]
fn a_page_without_an_actions_section_is_refused() {
    let start = LISTS.find("## Actions defined by").unwrap();
    let end = LISTS.find("## Permission-only actions").unwrap();
    let page = format!("{}{}", &LISTS[..start], &LISTS[end..]).replace(
        "+ [Actions defined by Example Widgets](#list_examplewidgets-actions-as-permissions)\n",
        "",
    );
    assert_eq!(
        error(&page),
        "the page has no \"Actions defined by\" section; its sections are [\"API operations defined by Example Widgets\", \"Permission-only actions for Example Widgets\", \"Resource types defined by Example Widgets\", \"Condition keys for Example Widgets\"]"
    );
}

#[test]
fn an_item_without_access_level_is_refused() {
    let actions = LISTS.find("## Actions defined by").unwrap();
    let page = format!(
        "{}{}",
        &LISTS[..actions],
        LISTS[actions..].replacen("  - **Access level:** List\n", "", 1)
    );
    let message = error(&page);
    assert!(
        message.starts_with("Actions section, item 2 (line 55) (action ListWidgets): the item has no \"Access level\" field"),
        "{message}"
    );
    assert!(!message.contains("truncated"), "{message}");
}

#[test]
fn a_table_with_unknown_columns_is_refused() {
    let page = LISTS.replace(
        "| Condition keys | Description | Type | ",
        "| Condition keys | Description | Kind | ",
    );
    let message = error(&page);
    assert!(
        message.starts_with("Condition keys section, table (line 104): the table's columns [\"Condition keys\", \"Description\", \"Kind\"] are not those of a Condition keys table"),
        "{message}"
    );
}

#[test]
fn an_unknown_field_names_the_item() {
    let page = LISTS.replace(
        "  - **Description:** Grants permission to tag a widget",
        "  - **Summary:** Grants permission to tag a widget",
    );
    let message = error(&page);
    assert!(
        message.starts_with(
            "Actions section, item 3 (line 61) (action TagResource): unknown field \"Summary\""
        ),
        "{message}"
    );
}
