//! End-to-end tests of `cargo xtask scrape`: the real binary on small hand-made pages under
//! `tests/fixtures/bad/`.
//!
//! Every bad input must fail with exit code 1 and an `error:` line that names the input file and
//! says what is wrong, and must leave an existing output file exactly as it was (no partial write,
//! no temporary file left beside it). The happy paths check `--out PATH`, `--out -` and `--check`
//! on `minimal-valid.html`.
//!
//! Nothing here needs the network or `/work/shared`; every run of the binary is bounded by
//! [`TIME_LIMIT`] and killed if it exceeds it.

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
    let mut first_stderr = None;
    for check in [false, true] {
        let directory = tempfile::tempdir().expect("output directory");
        let out = directory.path().join(OUT_NAME);
        fs::write(&out, PREVIOUS_OUTPUT).expect("pre-existing output");

        let mut args = vec![
            OsStr::new("scrape"),
            OsStr::new("--html"),
            input.as_os_str(),
            OsStr::new("--out"),
            out.as_os_str(),
        ];
        if check {
            args.push(OsStr::new("--check"));
        }
        let run = xtask(&args);
        let mode = if check { "--check" } else { "--out" };
        let context = format!("{mode} run on {}\n{}", input.display(), run.describe());

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
