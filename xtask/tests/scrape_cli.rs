//! End-to-end tests of `cargo xtask scrape`: the real binary on small hand-made documents under
//! `tests/fixtures/bad/` (HTML pages, Markdown pages and service reference JSON), and on
//! `catalog-gen/tests/fixtures/markdown/lists.md` as the valid Markdown page.
//!
//! Every bad input must fail with exit code 1 and an `error:` line that names the input file and
//! says what is wrong, and must leave an existing output file exactly as it was (no partial write,
//! no temporary file left beside it). The happy paths check `--out PATH`, `--out -` and `--check`
//! on `minimal-valid.html`, a Markdown page merged with its service reference JSON (offline and
//! from a local HTTP server), and `--format`.
//!
//! Nothing here needs the network or `/work/shared` (the online tests serve on 127.0.0.1); every
//! run of the binary is bounded by [`TIME_LIMIT`] and killed if it exceeds it.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A run that takes longer than this is stuck: it is killed and the test fails.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// What a pre-existing output file holds before a run that must not touch it.
const PREVIOUS_OUTPUT: &[u8] = b"{\n  \"written\": \"before the test, must survive it\"\n}\n";

/// The output file name used in the temporary directories.
const OUT_NAME: &str = "sagemaker.json";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .join("tests")
        .join("fixtures")
        .join("bad")
}

fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// The outcome of one run of the binary.
struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn describe(&self) -> String {
        format!(
            "exit code {:?}\n--- stderr ---\n{}\n--- stdout ({} bytes) ---\n{}",
            self.code,
            self.stderr,
            self.stdout.len(),
            String::from_utf8_lossy(&self.stdout[..self.stdout.len().min(2000)])
        )
    }
}

/// Runs `xtask ARGS` from an empty scratch directory, with stdout and stderr captured to files
/// (so that a large output cannot block the child), and checks it wrote nothing relative to its
/// working directory.
fn xtask<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let scratch = tempfile::tempdir().expect("scratch directory");
    let cwd = scratch.path().join("cwd");
    fs::create_dir(&cwd).expect("working directory");
    let stdout_path = scratch.path().join("stdout");
    let stderr_path = scratch.path().join("stderr");
    let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(&cwd)
        .stdin(Stdio::null())
        .stdout(File::create(&stdout_path).expect("stdout file"))
        .stderr(File::create(&stderr_path).expect("stderr file"))
        .spawn()
        .expect("xtask starts");
    let deadline = Instant::now() + TIME_LIMIT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for xtask") {
            break status;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "xtask did not finish within {TIME_LIMIT:?}; stderr so far:\n{}",
                fs::read_to_string(&stderr_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let run = Run {
        code: status.code(),
        stdout: fs::read(&stdout_path).expect("captured stdout"),
        stderr: String::from_utf8_lossy(&fs::read(&stderr_path).expect("captured stderr"))
            .into_owned(),
    };
    assert_eq!(
        names_in(&cwd),
        Vec::<String>::new(),
        "xtask wrote into its working directory\n{}",
        run.describe()
    );
    run
}

/// The file names in `directory`, sorted.
fn names_in(directory: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(directory)
        .expect("directory listing")
        .map(|entry| {
            entry
                .expect("directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Runs `scrape --html INPUT --out OUT [--check]` against a pre-existing output file, in both
/// modes, and checks the common contract of a rejected input: exit code 1, nothing on stdout, an
/// `error:` on stderr that names the input and contains each of `expected`, and the output file
/// byte-for-byte unchanged with nothing else beside it. Returns the stderr of the writing run.
fn assert_rejected(input: &Path, expected: &[&str]) -> String {
    assert_rejected_as(&["--html"], input, expected)
}

/// [`assert_rejected`] with the input given as `scrape FLAGS... INPUT` (for example
/// `["--markdown"]`, or `["--format", "markdown", "--html"]`).
fn assert_rejected_as(flags: &[&str], input: &Path, expected: &[&str]) -> String {
    let mut first_stderr = None;
    for check in [false, true] {
        let directory = tempfile::tempdir().expect("output directory");
        let out = directory.path().join(OUT_NAME);
        fs::write(&out, PREVIOUS_OUTPUT).expect("pre-existing output");

        let mut args = vec![OsStr::new("scrape")];
        args.extend(flags.iter().map(OsStr::new));
        args.extend([input.as_os_str(), OsStr::new("--out"), out.as_os_str()]);
        if check {
            args.push(OsStr::new("--check"));
        }
        let run = xtask(&args);
        let mode = if check { "--check" } else { "--out" };
        let context = format!(
            "{mode} run on {flags:?} {}\n{}",
            input.display(),
            run.describe()
        );

        assert_eq!(run.code, Some(1), "{context}");
        assert!(
            run.stdout.is_empty(),
            "nothing belongs on stdout\n{context}"
        );
        assert!(
            run.stderr.starts_with("error: "),
            "stderr should start with `error: `\n{context}"
        );
        let input_name = input.display().to_string();
        assert!(
            run.stderr.contains(&input_name),
            "stderr should name the input {input_name}\n{context}"
        );
        for needle in expected {
            assert!(
                run.stderr.contains(needle),
                "stderr should contain {needle:?}\n{context}"
            );
        }
        assert_eq!(
            fs::read(&out).expect("output file still there"),
            PREVIOUS_OUTPUT,
            "the existing output file was modified\n{context}"
        );
        assert_eq!(
            names_in(directory.path()),
            [OUT_NAME],
            "the output directory should hold only the old file (no temporary files)\n{context}"
        );
        first_stderr.get_or_insert(run.stderr);
    }
    first_stderr.expect("two runs happened")
}

// ---------------------------------------------------------------------------------------------
// Bad inputs
// ---------------------------------------------------------------------------------------------

#[test]
fn missing_input_file_is_named() {
    let missing = fixture("does-not-exist.html");
    assert!(!missing.exists(), "{} must not exist", missing.display());
    let os_message = fs::read(&missing)
        .expect_err("the file is missing")
        .to_string();
    assert_rejected(&missing, &["cannot read", &os_message]);
    assert!(!missing.exists(), "the missing input was created");
}

#[test]
fn empty_input_is_rejected() {
    let input = fixture("empty.html");
    assert_eq!(fs::metadata(&input).expect("fixture").len(), 0);
    assert_rejected(&input, &["input is empty"]);
}

#[test]
fn binary_input_is_rejected() {
    let input = fixture("not-html.png");
    let bytes = fs::read(&input).expect("fixture");
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n\0"),
        "fixture is a PNG"
    );
    assert_rejected(
        &input,
        &["not an HTML page", "NUL byte at offset 8", "binary data"],
    );
}

#[test]
fn truncated_page_is_rejected() {
    let input = fixture("truncated.html");
    let cut = fs::read_to_string(&input).expect("fixture");
    let whole = fs::read_to_string(fixture("minimal-valid.html")).expect("fixture");
    assert!(
        whole.starts_with(&cut) && cut.len() < whole.len(),
        "truncated.html is a prefix of minimal-valid.html"
    );
    assert!(
        cut.contains("<table") && !cut.contains("</table>"),
        "the cut falls inside the actions table"
    );
    assert_rejected(
        &input,
        &[
            "truncated",
            "does not end with </html>",
            "Grants permission to att",
        ],
    );
}

#[test]
fn page_without_actions_table_is_rejected() {
    let stderr = assert_rejected(
        &fixture("no-actions-table.html"),
        &[
            "no Actions table",
            // The tables it does have, so that the reader can see what was found.
            r#"["Resource types", "ARN", "Condition keys"]"#,
            r#"["Condition keys", "Description", "Type"]"#,
        ],
    );
    assert!(!stderr.contains("warning:"), "{stderr}");
}

#[test]
fn unknown_table_headers_are_printed() {
    let stderr = assert_rejected(
        &fixture("unknown-headers.html"),
        &[
            // The headers found, in page order.
            r#"["Action", "Summary", "Level"]"#,
            "match no known layout",
            "table 1",
            // And what would have been recognised.
            "known header sets",
            r#""Resource types (*required)""#,
        ],
    );
    assert!(!stderr.contains("warning:"), "{stderr}");
}

#[test]
fn rowspan_past_end_of_table_is_rejected() {
    assert_rejected(
        &fixture("rowspan-past-end.html"),
        &[
            "Actions table",
            "data row 2",
            r#"rowspan="4""#,
            "the table ends 2 row(s) before it does",
            "AddTags",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// A valid page
// ---------------------------------------------------------------------------------------------

const ACTIONS: [&str; 4] = [
    "AccessModel",
    "AddTags",
    "CreateTrainingJob",
    "DescribeTrainingJob",
];

/// Scrapes `minimal-valid.html` into `out`, checks the run succeeded, and returns the bytes.
fn write_valid(out: &Path) -> Vec<u8> {
    let input = fixture("minimal-valid.html");
    let run = xtask([
        OsStr::new("scrape"),
        OsStr::new("--html"),
        input.as_os_str(),
        OsStr::new("--out"),
        out.as_os_str(),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert!(run.stdout.is_empty(), "{}", run.describe());
    assert!(
        !run.stderr.contains("warning:") && !run.stderr.contains("error:"),
        "{}",
        run.describe()
    );
    assert!(
        run.stderr.contains(&out.display().to_string()),
        "the summary names the output\n{}",
        run.describe()
    );
    fs::read(out).expect("output written")
}

fn check(out: &Path) -> Run {
    let input = fixture("minimal-valid.html");
    xtask([
        OsStr::new("scrape"),
        OsStr::new("--html"),
        input.as_os_str(),
        OsStr::new("--out"),
        out.as_os_str(),
        OsStr::new("--check"),
    ])
}

#[test]
fn out_path_writes_deterministic_json() {
    let directory = tempfile::tempdir().expect("output directory");
    let out = directory.path().join(OUT_NAME);
    let first = write_valid(&out);

    assert!(first.ends_with(b"}\n"), "the file ends with a newline");
    let json: serde_json::Value = serde_json::from_slice(&first).expect("valid JSON");
    assert_eq!(json["service"]["prefix"], "sagemaker");
    assert_eq!(json["service"]["name"], "Amazon SageMaker");
    assert_eq!(
        json["source"]["url"],
        "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html"
    );
    let names: Vec<&str> = json["actions"]
        .as_array()
        .expect("actions array")
        .iter()
        .map(|action| action["name"].as_str().expect("action name"))
        .collect();
    assert_eq!(names, ACTIONS);
    assert_eq!(json["resource_types"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["condition_keys"].as_array().map(Vec::len), Some(4));

    // Again over the existing file, and into a fresh one: the same bytes.
    assert_eq!(write_valid(&out), first, "rewriting gives the same bytes");
    let other = directory.path().join("again.json");
    assert_eq!(
        write_valid(&other),
        first,
        "a second file gets the same bytes"
    );
    assert_eq!(
        names_in(directory.path()),
        ["again.json", OUT_NAME],
        "no temporary files are left"
    );
}

#[test]
fn out_dash_prints_the_same_json() {
    let directory = tempfile::tempdir().expect("output directory");
    let written = write_valid(&directory.path().join(OUT_NAME));

    let input = fixture("minimal-valid.html");
    let run = xtask([
        OsStr::new("scrape"),
        OsStr::new("--html"),
        input.as_os_str(),
        OsStr::new("--out"),
        OsStr::new("-"),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert!(
        run.stdout == written,
        "stdout differs from the written file\n{}",
        run.describe()
    );
    assert!(!run.stderr.contains("warning:"), "{}", run.describe());
    assert_eq!(names_in(directory.path()), [OUT_NAME]);
}

#[test]
fn check_accepts_the_file_it_would_write() {
    let directory = tempfile::tempdir().expect("output directory");
    let out = directory.path().join(OUT_NAME);
    let written = write_valid(&out);

    let run = check(&out);
    assert_eq!(run.code, Some(0), "{}", run.describe());
    assert!(run.stdout.is_empty(), "{}", run.describe());
    assert_eq!(fs::read(&out).expect("output"), written);
    assert_eq!(names_in(directory.path()), [OUT_NAME]);
}

#[test]
fn check_names_the_changed_action_and_field() {
    let directory = tempfile::tempdir().expect("output directory");
    let out = directory.path().join(OUT_NAME);
    let written = String::from_utf8(write_valid(&out)).expect("UTF-8 JSON");

    let original = "\"Grants permission to read a fixture training job\"";
    assert_eq!(written.matches(original).count(), 1, "{written}");
    let edited = written.replace(original, "\"Edited by hand\"");
    fs::write(&out, &edited).expect("edit the data file");

    let run = check(&out);
    let context = run.describe();
    assert_eq!(run.code, Some(1), "{context}");
    assert!(run.stdout.is_empty(), "{context}");
    assert!(run.stderr.starts_with("error: "), "{context}");
    assert!(
        run.stderr.contains(&out.display().to_string()),
        "the message names the file\n{context}"
    );
    let line = run
        .stderr
        .lines()
        .find(|line| line.contains("DescribeTrainingJob"))
        .unwrap_or_else(|| panic!("no line names the changed action\n{context}"));
    assert!(
        line.contains("description"),
        "the line naming the action names the field\n{context}"
    );
    for unchanged in ACTIONS
        .iter()
        .filter(|name| **name != "DescribeTrainingJob")
    {
        assert!(
            !run.stderr.contains(unchanged),
            "unchanged action {unchanged} is reported\n{context}"
        );
    }
    assert_eq!(
        fs::read_to_string(&out).expect("output"),
        edited,
        "--check modified the file\n{context}"
    );
    assert_eq!(names_in(directory.path()), [OUT_NAME], "{context}");
}

#[test]
fn check_without_the_file_names_it() {
    let directory = tempfile::tempdir().expect("output directory");
    let out = directory.path().join(OUT_NAME);

    let run = check(&out);
    let context = run.describe();
    assert_eq!(run.code, Some(1), "{context}");
    assert!(run.stdout.is_empty(), "{context}");
    assert!(run.stderr.starts_with("error: "), "{context}");
    assert!(
        run.stderr.contains(&out.display().to_string()),
        "the message names the file\n{context}"
    );
    assert!(run.stderr.contains("does not exist"), "{context}");
    assert!(!out.exists(), "--check created the file\n{context}");
    assert!(names_in(directory.path()).is_empty(), "{context}");
}

#[test]
fn check_cannot_compare_with_stdout() {
    let input = fixture("minimal-valid.html");
    let run = xtask([
        OsStr::new("scrape"),
        OsStr::new("--html"),
        input.as_os_str(),
        OsStr::new("--out"),
        OsStr::new("-"),
        OsStr::new("--check"),
    ]);
    assert_eq!(run.code, Some(1), "{}", run.describe());
    assert!(run.stdout.is_empty(), "{}", run.describe());
    assert!(run.stderr.contains("--check"), "{}", run.describe());
}

// ---------------------------------------------------------------------------------------------
// Markdown pages and service reference JSON
// ---------------------------------------------------------------------------------------------

/// The valid Markdown page (prefix `widgets`) the catalog-gen tests already use.
fn valid_markdown() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .join("catalog-gen/tests/fixtures/markdown/lists.md")
}

/// The canonical URLs the two `widgets` documents record as their sources.
const WIDGETS_PAGE_URL: &str =
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_examplewidgets.md";
const WIDGETS_JSON_URL: &str =
    "https://servicereference.us-east-1.amazonaws.com/v1/widgets/widgets.json";

#[test]
fn empty_markdown_is_rejected() {
    let input = fixture("empty.md");
    assert_eq!(fs::metadata(&input).expect("fixture").len(), 0);
    assert_rejected_as(&["--markdown"], &input, &["input is empty"]);
}

#[test]
fn truncated_markdown_is_rejected() {
    let input = fixture("truncated.md");
    let cut = fs::read_to_string(&input).expect("fixture");
    let whole = fs::read_to_string(valid_markdown()).expect("fixture");
    assert!(
        whole.starts_with(&cut) && cut.len() < whole.len(),
        "truncated.md is a prefix of lists.md"
    );
    assert!(
        cut.contains("## Actions defined by") && !cut.contains("## Resource types defined by"),
        "the cut falls inside the actions section"
    );
    assert_rejected_as(
        &["--markdown"],
        &input,
        &[
            "truncated",
            // The sections the Topics list promises and the page lacks, and where it ends.
            "Resource types defined by Example Widgets",
            "Grants permission to li",
        ],
    );
}

#[test]
fn markdown_without_actions_section_is_rejected() {
    let input = fixture("no-actions-section.md");
    let text = fs::read_to_string(&input).expect("fixture");
    assert!(
        !text.contains("Actions defined by"),
        "fixture has no actions section"
    );
    assert!(
        text.contains("(service prefix: `widgets`)"),
        "fixture is a Markdown page"
    );
    assert_rejected_as(
        &["--markdown"],
        &input,
        &[
            r#"no "Actions defined by" section"#,
            // The sections it does have.
            "Resource types defined by Example Widgets",
            "Condition keys for Example Widgets",
        ],
    );
}

#[test]
fn html_page_given_as_markdown_names_both_formats() {
    let stderr = assert_rejected_as(
        &["--markdown"],
        &fixture("minimal-valid.html"),
        &["given as markdown but the content is html"],
    );
    assert!(!stderr.contains("warning:"), "{stderr}");
}

#[test]
fn empty_service_reference_is_rejected() {
    let input = fixture("empty.json");
    assert_eq!(fs::metadata(&input).expect("fixture").len(), 0);
    assert_rejected_as(&["--service-reference"], &input, &["input is empty"]);
}

#[test]
fn truncated_service_reference_is_rejected() {
    let input = fixture("truncated.json");
    let cut = fs::read_to_string(&input).expect("fixture");
    let whole = fs::read_to_string(fixture("widgets.json")).expect("fixture");
    assert!(
        whole.starts_with(&cut) && cut.len() < whole.len(),
        "truncated.json is a prefix of widgets.json"
    );
    let lines = cut.lines().count();
    assert_rejected_as(
        &["--service-reference"],
        &input,
        &[
            "the JSON is truncated",
            // Where the input ends.
            &format!("line {lines}, column"),
        ],
    );
}

#[test]
fn service_reference_without_actions_is_rejected() {
    let input = fixture("no-actions.json");
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(&input).expect("fixture")).expect("fixture is JSON");
    assert_eq!(json["Name"], "widgets");
    assert!(json.get("Actions").is_none() && json.get("Resources").is_some());
    assert_rejected_as(
        &["--service-reference"],
        &input,
        &[r#"field "Actions" is missing"#],
    );
}

#[test]
fn markdown_page_given_as_service_reference_names_both_formats() {
    assert_rejected_as(
        &["--service-reference"],
        &valid_markdown(),
        &["given as service-reference but the content is markdown"],
    );
}

/// A disagreement as (subject, fact, [(source, value)]).
type Disagreement = (String, String, Vec<(String, String)>);

/// The two facts on which `widgets.json` was written to differ from `lists.md`: it lists an
/// action the page does not (DescribeWidget), and types `widgets:Color` as `ArrayOfString`.
fn assert_widgets_disagreements(json: &serde_json::Value, page_url: &str, json_url: &str) {
    let found: Vec<Disagreement> = json["disagreements"]
        .as_array()
        .expect("disagreements array")
        .iter()
        .map(|disagreement| {
            let values = disagreement["values"]
                .as_array()
                .expect("values array")
                .iter()
                .map(|value| {
                    (
                        value["source"].as_str().expect("source").to_owned(),
                        value["value"].as_str().expect("value").to_owned(),
                    )
                })
                .collect();
            (
                disagreement["subject"]
                    .as_str()
                    .expect("subject")
                    .to_owned(),
                disagreement["fact"].as_str().expect("fact").to_owned(),
                values,
            )
        })
        .collect();
    let pair = |page: &str, reference: &str| {
        vec![
            (page_url.to_owned(), page.to_owned()),
            (json_url.to_owned(), reference.to_owned()),
        ]
    };
    assert_eq!(
        found,
        [
            (
                "action widgets:DescribeWidget".to_owned(),
                "listed".to_owned(),
                pair("(not listed)", "listed")
            ),
            (
                "condition key widgets:Color".to_owned(),
                "type".to_owned(),
                pair("String", "ArrayOfString")
            ),
        ]
    );
}

/// The sources a merged `widgets` data file records: (url, format, date).
fn sources_of(json: &serde_json::Value) -> Vec<(String, String, Option<String>)> {
    let source = |value: &serde_json::Value| {
        (
            value["url"].as_str().expect("url").to_owned(),
            value["format"].as_str().expect("format").to_owned(),
            value["date"].as_str().map(str::to_owned),
        )
    };
    std::iter::once(source(&json["source"]))
        .chain(
            json["other_sources"]
                .as_array()
                .expect("other_sources array")
                .iter()
                .map(source),
        )
        .collect()
}

/// The action names of a data file, in its order.
fn action_names(json: &serde_json::Value) -> Vec<&str> {
    json["actions"]
        .as_array()
        .expect("actions array")
        .iter()
        .map(|action| action["name"].as_str().expect("action name"))
        .collect()
}

#[test]
fn markdown_and_service_reference_are_merged() {
    let directory = tempfile::tempdir().expect("output directory");
    let out = directory.path().join("widgets.json");
    let page = valid_markdown();
    let reference = fixture("widgets.json");
    let run = xtask([
        OsStr::new("scrape"),
        OsStr::new("--service-reference"),
        reference.as_os_str(),
        OsStr::new("--markdown"),
        page.as_os_str(),
        OsStr::new("--out"),
        out.as_os_str(),
    ]);
    let context = run.describe();
    assert_eq!(run.code, Some(0), "{context}");
    assert!(run.stdout.is_empty(), "{context}");
    assert!(!run.stderr.contains("warning:"), "{context}");
    // Each disagreement is printed, and the summary names both inputs and the count.
    assert_eq!(run.stderr.matches("disagreement: ").count(), 2, "{context}");
    assert!(
        run.stderr.contains("condition key widgets:Color (type)"),
        "{context}"
    );
    let summary = run.stderr.lines().last().unwrap_or_default();
    for needle in [
        &page.display().to_string(),
        &reference.display().to_string(),
        "2 disagreements",
        &out.display().to_string(),
    ] {
        assert!(
            summary.contains(needle),
            "summary lacks {needle:?}\n{context}"
        );
    }

    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(&out).expect("output written")).expect("valid JSON");
    assert_eq!(json["service"]["prefix"], "widgets");
    // The page is the first source (it names the service), the JSON the other one.
    assert_eq!(json["service"]["name"], "Example Widgets");
    assert_eq!(
        sources_of(&json),
        [
            (WIDGETS_PAGE_URL.to_owned(), "markdown".to_owned(), None),
            (
                WIDGETS_JSON_URL.to_owned(),
                "service-reference".to_owned(),
                None
            ),
        ]
    );
    assert_eq!(json["other_sources"][0]["version"], "v1.4");
    // The page's actions, then the one only the JSON lists.
    assert_eq!(
        action_names(&json),
        [
            "CreateWidget",
            "ListWidgets",
            "TagResource",
            "PolishWidget",
            "DescribeWidget"
        ]
    );
    // Operations come from the JSON, which has one the page's operations section lacks.
    assert_eq!(json["operations"].as_array().map(Vec::len), Some(3));
    assert_widgets_disagreements(&json, WIDGETS_PAGE_URL, WIDGETS_JSON_URL);
    assert_eq!(names_in(directory.path()), ["widgets.json"], "{context}");
}

#[test]
fn format_option_overrides_the_flag_and_the_content_check() {
    let directory = tempfile::tempdir().expect("output directory");
    let page = valid_markdown();

    // Without --format, a Markdown page given as --html is refused, naming both formats.
    assert_rejected_as(
        &["--html"],
        &page,
        &["given as html but the content is markdown"],
    );

    // With --format markdown it is read as Markdown: the same file as --markdown gives.
    let mut written = Vec::new();
    for (name, flags) in [
        ("as-markdown.json", &["--markdown"][..]),
        ("forced.json", &["--format", "markdown", "--html"][..]),
    ] {
        let out = directory.path().join(name);
        let mut args = vec![OsStr::new("scrape")];
        args.extend(flags.iter().map(OsStr::new));
        args.extend([page.as_os_str(), OsStr::new("--out"), out.as_os_str()]);
        let run = xtask(&args);
        assert_eq!(run.code, Some(0), "{flags:?}\n{}", run.describe());
        written.push(fs::read(&out).expect("output written"));
    }
    assert!(
        written[0] == written[1],
        "--format markdown --html differs from --markdown"
    );
    let json: serde_json::Value = serde_json::from_slice(&written[1]).expect("valid JSON");
    assert_eq!(json["source"]["format"], "markdown");

    // Forced, the content is not checked: an HTML page forced to Markdown fails in the Markdown
    // reader, not as a format mismatch.
    let stderr = assert_rejected_as(
        &["--format", "markdown", "--markdown"],
        &fixture("minimal-valid.html"),
        &["not a Markdown page", "HTML document"],
    );
    assert!(!stderr.contains("given as"), "{stderr}");
    assert_eq!(
        names_in(directory.path()),
        ["as-markdown.json", "forced.json"]
    );
}

// ---------------------------------------------------------------------------------------------
// Online: a local HTTP server
// ---------------------------------------------------------------------------------------------

/// A one-test HTTP server on 127.0.0.1 answering GET with fixed bodies by path (404 otherwise),
/// and recording the paths asked for; dropping it stops it.
struct Server {
    address: std::net::SocketAddr,
    requests: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    fn start(routes: Vec<(&'static str, Vec<u8>)>) -> Server {
        use std::sync::atomic::{AtomicBool, Ordering};
        use std::sync::{Arc, Mutex};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        listener.set_nonblocking(true).expect("set_nonblocking");
        let address = listener.local_addr().expect("local_addr");
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handle = {
            let stop = Arc::clone(&stop);
            let requests = Arc::clone(&requests);
            std::thread::spawn(move || {
                // Bounded, so that a forgotten server cannot outlive the test run.
                let deadline = Instant::now() + TIME_LIMIT;
                while !stop.load(Ordering::SeqCst) && Instant::now() < deadline {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let path = serve(stream, &routes).unwrap_or_default();
                            requests.lock().expect("requests").push(path);
                        }
                        Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                            std::thread::sleep(Duration::from_millis(5));
                        }
                        Err(_) => break,
                    }
                }
            })
        };
        Server {
            address,
            requests,
            stop,
            handle: Some(handle),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().expect("requests").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

/// Answers one request; returns the path asked for.
fn serve(
    mut stream: std::net::TcpStream,
    routes: &[(&'static str, Vec<u8>)],
) -> std::io::Result<String> {
    use std::io::{Read, Write};
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut head = Vec::new();
    let mut buffer = [0u8; 1024];
    while !head.windows(4).any(|window| window == b"\r\n\r\n") && head.len() < 16 * 1024 {
        let read = stream.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        head.extend_from_slice(&buffer[..read]);
    }
    let head = String::from_utf8_lossy(&head);
    let path = head
        .lines()
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .unwrap_or("/")
        .to_owned();
    let (status, body): (&str, &[u8]) = match routes.iter().find(|(route, _)| *route == path) {
        Some((_, body)) => ("200 OK", body),
        None => ("404 Not Found", b"no such document"),
    };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(body)?;
    stream.flush()?;
    Ok(path)
}

/// Today's date (UTC) as `YYYY-MM-DD`, counted day by day from 1970 (not the binary's formula).
fn today_utc() -> String {
    let mut days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
        / 86_400;
    let leap = |year: u64| (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let mut year = 1970;
    while days >= if leap(year) { 366 } else { 365 } {
        days -= if leap(year) { 366 } else { 365 };
        year += 1;
    }
    let lengths = [
        31,
        if leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut month = 0;
    while days >= lengths[month] {
        days -= lengths[month];
        month += 1;
    }
    format!("{year:04}-{:02}-{:02}", month + 1, days + 1)
}

#[test]
fn url_brings_the_service_reference_and_merges_it() {
    let server = Server::start(vec![
        ("/page.md", fs::read(valid_markdown()).expect("fixture")),
        (
            "/v1/widgets/widgets.json",
            fs::read(fixture("widgets.json")).expect("fixture"),
        ),
    ]);
    let directory = tempfile::tempdir().expect("output directory");
    let out = directory.path().join("widgets.json");
    let page_url = server.url("/page.md");
    let base = server.url("");
    let before = today_utc();
    let run = xtask([
        "scrape",
        "--url",
        &page_url,
        "--service-reference-base",
        &base,
        "--out",
        &out.display().to_string(),
    ]);
    let after = today_utc();
    let context = run.describe();
    assert_eq!(run.code, Some(0), "{context}");
    assert_eq!(
        server.requests(),
        ["/page.md", "/v1/widgets/widgets.json"],
        "{context}"
    );
    let json_url = server.url("/v1/widgets/widgets.json");
    assert!(
        run.stderr.contains(&page_url) && run.stderr.contains(&json_url),
        "the summary names both URLs\n{context}"
    );

    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(&out).expect("output written")).expect("valid JSON");
    let sources = sources_of(&json);
    let date = sources[0].2.clone().unwrap_or_default();
    assert!(
        date == before || date == after,
        "fetch date {date:?}, today is {before}\n{context}"
    );
    // The page is recorded under the URL its top anchor gives (as a saved HTML page under its
    // canonical link), the JSON under the URL it was downloaded from; both with the fetch date.
    assert_eq!(
        sources,
        [
            (
                WIDGETS_PAGE_URL.to_owned(),
                "markdown".to_owned(),
                Some(date.clone())
            ),
            (
                json_url.clone(),
                "service-reference".to_owned(),
                Some(date.clone())
            ),
        ],
        "{context}"
    );
    assert_eq!(action_names(&json).last(), Some(&"DescribeWidget"));
    assert_widgets_disagreements(&json, WIDGETS_PAGE_URL, &json_url);
    assert_eq!(names_in(directory.path()), ["widgets.json"], "{context}");
}

#[test]
fn missing_service_reference_url_fails_and_writes_nothing() {
    // `tables.md` is the page of prefix `flows`; the server has no /v1/flows/flows.json.
    let page = valid_markdown().with_file_name("tables.md");
    let server = Server::start(vec![("/page.md", fs::read(&page).expect("fixture"))]);
    let page_url = server.url("/page.md");
    let json_url = server.url("/v1/flows/flows.json");
    let base = server.url("");
    for existing in [false, true] {
        let directory = tempfile::tempdir().expect("output directory");
        let out = directory.path().join("flows.json");
        if existing {
            fs::write(&out, PREVIOUS_OUTPUT).expect("pre-existing output");
        }
        let run = xtask([
            "scrape",
            "--url",
            &page_url,
            "--service-reference-base",
            &base,
            "--out",
            &out.display().to_string(),
        ]);
        let context = run.describe();
        assert_eq!(run.code, Some(1), "{context}");
        assert!(run.stdout.is_empty(), "{context}");
        assert!(run.stderr.starts_with("error: "), "{context}");
        assert!(
            run.stderr.contains(&json_url) && run.stderr.contains("404"),
            "the message names the URL that failed and how\n{context}"
        );
        if existing {
            assert_eq!(
                fs::read(&out).expect("output file still there"),
                PREVIOUS_OUTPUT,
                "{context}"
            );
            assert_eq!(names_in(directory.path()), ["flows.json"], "{context}");
        } else {
            assert!(names_in(directory.path()).is_empty(), "{context}");
        }
    }
    assert!(
        server
            .requests()
            .iter()
            .any(|path| path == "/v1/flows/flows.json"),
        "the JSON URL was asked for"
    );
}
