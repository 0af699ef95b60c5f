//! The committed `data/sagemaker-history.json` against dates read off the raw snapshots by hand
//! (grep of the saved files in ../shared, not the scraper):
//! - `GetScalingPolicyConfigurationRecommendation` is on the HTML pages of 2023-08-01 and
//!   2023-09-02 only, so it was removed after 2023-09-02;
//! - `CreateJob` first appears in the service reference version of 2026-06-03 and on the HTML
//!   page of 2026-07-01;
//! - `CreateTrainingJob` is on the oldest snapshot, 2019-10-10.

use catalog_gen::history::History;
use std::path::Path;

fn history() -> History {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/sagemaker-history.json");
    History::from_json(&std::fs::read_to_string(path).expect("the history is committed"))
        .expect("the history parses")
}

#[test]
fn dates_verified_by_hand_in_the_snapshots() {
    let history = history();
    let action = |name: &str| {
        history
            .actions
            .iter()
            .find(|item| item.name == name)
            .unwrap_or_else(|| panic!("{name} is in the history"))
    };
    let removed = action("GetScalingPolicyConfigurationRecommendation");
    assert_eq!(
        (removed.first_seen.as_str(), removed.last_seen.as_str()),
        ("2023-08-01", "2023-09-02")
    );
    assert_eq!(
        history
            .removed_actions
            .iter()
            .map(|action| action.name.as_str())
            .collect::<Vec<_>>(),
        ["GetScalingPolicyConfigurationRecommendation"]
    );
    let create_job = action("CreateJob");
    assert_eq!(create_job.first_seen, "2026-06-03");
    let firsts: Vec<(&str, &str)> = create_job
        .changes
        .iter()
        .filter(|change| change.fact == "listed")
        .map(|change| (change.date.as_str(), change.format.as_str()))
        .collect();
    assert_eq!(
        firsts,
        [("2026-06-03", "service-reference"), ("2026-07-01", "html")]
    );
    assert_eq!(action("CreateTrainingJob").first_seen, "2019-10-10");
    // 72 HTML snapshots and 68 service reference versions.
    assert_eq!(history.sources.len(), 140);
    assert_eq!(history.newest_date(), Some("2026-07-31"));
}
