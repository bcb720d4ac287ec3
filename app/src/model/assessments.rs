//! Practical tests: the template HR write (instructions, a rubric of criteria mapped to
//! competencies, a pass mark), the test given to an application, the grader's scores, and how
//! points become a competency level.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::{Validate, ValidationError};

use super::users::not_blank;
use super::{
    AppError, ApplicationId, CandidateId, CompetencyId, FieldErrors, JobProfileId, OpeningId,
    PracticalTemplateId, PracticalTestId, TestCriterionId, UserId, parse_local, validate,
};

/// The most points one criterion can be worth.
pub const MOST_POINTS: u16 = 100;
/// The longest time a practical test can take.
pub const LONGEST_TEST_MINUTES: u16 = 480;
/// The most criteria a rubric can have.
pub const MOST_CRITERIA: usize = 30;

/// The competency level (1–5) that `points` out of `max` show: 1 + 4 × points ÷ max, rounded
/// to the nearest level (halves up). No level without points to earn.
pub fn points_level(points: u32, max: u32) -> Option<u8> {
    if max == 0 {
        return None;
    }
    let points = points.min(max);
    let level = 1 + (8 * points + max) / (2 * max);
    u8::try_from(level).ok()
}

/// A date as a date field sends it: `2026-12-03`.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if value.contains('T') {
        return None;
    }
    parse_local(&format!("{value}T00:00")).map(|at| at.date())
}

fn date(value: &str) -> Result<(), ValidationError> {
    parse_date(value)
        .map(|_| ())
        .ok_or_else(|| ValidationError::new("date"))
}

fn criteria_count(criteria: &[CriterionInput]) -> Result<(), ValidationError> {
    if criteria.is_empty() {
        Err(ValidationError::new("no_criteria"))
    } else if criteria.len() > MOST_CRITERIA {
        let mut error = ValidationError::new("too_many");
        error.add_param("max".into(), &MOST_CRITERIA);
        Err(error)
    } else {
        Ok(())
    }
}

/// One criterion of a rubric: the competency it shows, its points, and what earns them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct CriterionInput {
    pub competency_id: CompetencyId,
    #[validate(range(min = 1, max = 100, code = "points_range"))]
    pub max_points: u16,
    #[validate(custom(function = "not_blank"), length(max = 1000, code = "too_long"))]
    pub description_it: String,
    #[validate(custom(function = "not_blank"), length(max = 1000, code = "too_long"))]
    pub description_en: String,
}

/// A practical test template as HR write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct TemplateInput {
    #[validate(custom(function = "not_blank"), length(max = 200, code = "too_long"))]
    pub title_it: String,
    #[validate(custom(function = "not_blank"), length(max = 200, code = "too_long"))]
    pub title_en: String,
    #[validate(custom(function = "not_blank"), length(max = 10000, code = "too_long"))]
    pub instructions_it: String,
    #[validate(custom(function = "not_blank"), length(max = 10000, code = "too_long"))]
    pub instructions_en: String,
    #[validate(range(min = 1, max = 480, code = "minutes_range"))]
    pub time_limit_minutes: u16,
    /// Points needed to pass, out of the criteria's total.
    pub pass_mark: u16,
    /// Offered when assigning tests.
    pub active: bool,
    #[validate(length(min = 1, code = "no_profiles"))]
    pub profile_ids: Vec<JobProfileId>,
    #[validate(nested, custom(function = "criteria_count"))]
    pub criteria: Vec<CriterionInput>,
}

impl TemplateInput {
    /// The most points the test can earn.
    pub fn total(&self) -> u32 {
        self.criteria.iter().map(|c| u32::from(c.max_points)).sum()
    }

    /// Its rules, then a pass mark within the total: the browser and the server both ask.
    pub fn check(&self) -> Result<(), AppError> {
        validate(self)?;
        if u32::from(self.pass_mark) > self.total() {
            let mut errors = FieldErrors::single("pass_mark", "above_total");
            if let Some(error) = errors.0.get_mut("pass_mark") {
                error.param = Some(i64::from(self.total()));
            }
            return Err(AppError::Invalid(errors));
        }
        Ok(())
    }
}

/// A template as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSummary {
    pub id: PracticalTemplateId,
    pub title_it: String,
    pub title_en: String,
    /// (Italian, English) titles of its job profiles.
    pub profiles: Vec<(String, String)>,
    pub criteria: u32,
    pub total: u32,
    pub pass_mark: u32,
    pub time_limit_minutes: u32,
    pub active: bool,
    /// How many tests were given from it.
    pub given: u32,
}

/// A choice in the editor: a job profile or a competency, by its two names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named<Id> {
    pub id: Id,
    pub name_it: String,
    pub name_en: String,
}

/// What the template editor needs: the template (none for a new one) and the choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateEditor {
    pub template: Option<TemplateInput>,
    pub profiles: Vec<Named<JobProfileId>>,
    pub competencies: Vec<Named<CompetencyId>>,
}

/// What HR fill in to give a test to an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct AssignTestInput {
    pub application_id: ApplicationId,
    pub template_id: PracticalTemplateId,
    pub grader_id: UserId,
    /// `2026-12-03`.
    #[validate(custom(function = "date"))]
    pub due_on: String,
}

/// What assigning did: the test, and who joined the opening's hiring team to grade it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestAssigned {
    pub id: PracticalTestId,
    pub added_to_team: Vec<String>,
}

/// A practical test's progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TestStatus {
    Assigned,
    Graded,
}

impl TestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TestStatus::Assigned => "assigned",
            TestStatus::Graded => "graded",
        }
    }

    pub fn parse(value: &str) -> Option<TestStatus> {
        [TestStatus::Assigned, TestStatus::Graded]
            .into_iter()
            .find(|s| s.as_str() == value)
    }
}

/// The grader's score for one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct ScoreInput {
    pub criterion_id: TestCriterionId,
    /// Required to submit; checked against the criterion's maximum on the server.
    pub points: Option<u16>,
    #[validate(length(max = 2000, code = "too_long"))]
    pub notes: String,
}

/// A grading as the grader submits it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct GradingInput {
    #[validate(nested)]
    pub scores: Vec<ScoreInput>,
    #[validate(length(max = 4000, code = "too_long"))]
    pub notes: String,
}

/// A practical test as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticalTestSummary {
    pub id: PracticalTestId,
    pub application_id: ApplicationId,
    pub candidate_id: CandidateId,
    pub candidate_name: String,
    pub opening_id: OpeningId,
    pub opening_title_it: String,
    pub opening_title_en: String,
    pub title_it: String,
    pub title_en: String,
    pub grader_id: UserId,
    pub grader_name: String,
    pub due_on: NaiveDate,
    pub status: TestStatus,
    /// Not graded and past its due date.
    pub overdue: bool,
    pub points: Option<u32>,
    pub max_points: u32,
    pub passed: Option<bool>,
}

/// One criterion of a given test, with the grader's score once graded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionView {
    pub id: TestCriterionId,
    pub competency_id: CompetencyId,
    pub competency_it: String,
    pub competency_en: String,
    pub max_points: u16,
    pub description_it: String,
    pub description_en: String,
    pub points: Option<u16>,
    pub notes: String,
}

/// What a graded test says about one competency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub competency_id: CompetencyId,
    pub name_it: String,
    pub name_en: String,
    pub points: u32,
    pub max_points: u32,
    /// `points_level(points, max_points)`.
    pub level: u8,
}

/// A practical test's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PracticalTestDetail {
    pub summary: PracticalTestSummary,
    pub instructions_it: String,
    pub instructions_en: String,
    pub time_limit_minutes: u32,
    pub pass_mark: u32,
    pub criteria: Vec<CriterionView>,
    pub notes: String,
    pub assigned_by_name: String,
    pub assigned_at: DateTime<Utc>,
    pub graded_at: Option<DateTime<Utc>>,
    /// Per competency, once graded.
    pub contributions: Vec<Contribution>,
    /// The viewer is its grader and it is still to grade.
    pub can_grade: bool,
    /// The materials its template had when it was assigned.
    pub materials: Vec<super::MaterialView>,
    /// When the grader started it (and the candidate's link began to work).
    pub started_at: Option<DateTime<Utc>>,
    /// The viewer (its grader, or HR) may start it now.
    pub can_start: bool,
}

/// The tests page: the viewer's to grade and graded, and for HR every test still to grade.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestsOverview {
    /// Due soonest first.
    pub to_grade: Vec<PracticalTestSummary>,
    /// Latest first.
    pub graded: Vec<PracticalTestSummary>,
    /// HR and admins: every test not graded yet, due soonest first.
    pub waiting: Option<Vec<PracticalTestSummary>>,
    /// Online tests whose short answers wait for the viewer.
    pub online_to_grade: Vec<super::OnlineTestSummary>,
    /// HR and admins: every online test not graded yet, latest sent first.
    pub online_waiting: Option<Vec<super::OnlineTestSummary>>,
}

/// The level the evidence for a competency shows, in tenths (37 = 3.7): the mean of every
/// interviewer's rating and every graded test's level, each counting once. None without
/// evidence.
pub fn evidence_level(ratings: &[u8], test_levels: &[u8]) -> Option<u16> {
    let all: Vec<u32> = ratings
        .iter()
        .chain(test_levels)
        .map(|&l| u32::from(l))
        .collect();
    if all.is_empty() {
        return None;
    }
    let count = u32::try_from(all.len()).unwrap_or(u32::MAX);
    let sum: u32 = all.iter().sum();
    u16::try_from((sum * 10 + count / 2) / count).ok()
}

/// How well an application fits its job profile, from the competencies assessed so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fit {
    /// 100 × Σ weight × min(level, required) ÷ required, over Σ weight, for the competencies
    /// assessed; none before any is.
    pub percent: Option<u8>,
    /// The weight of the competencies assessed, and of all the profile requires: the score is
    /// final only when they are equal.
    pub assessed_weight: u32,
    pub total_weight: u32,
}

impl Fit {
    /// Whether competencies are still to be assessed.
    pub fn is_partial(&self) -> bool {
        self.assessed_weight < self.total_weight
    }
}

/// The fit of `items`: each a competency's (weight, required level, level in tenths if
/// assessed). A level above the required one counts as the required one, so strength in one
/// competency does not hide a gap in another.
pub fn fit(items: impl IntoIterator<Item = (u8, u8, Option<u16>)>) -> Fit {
    let mut earned = 0u64;
    let mut assessed_weight = 0u32;
    let mut total_weight = 0u32;
    for (weight, required, level) in items {
        let weight32 = u32::from(weight);
        total_weight += weight32;
        let Some(level) = level else {
            continue;
        };
        assessed_weight += weight32;
        let required = u64::from(required.max(1)) * 10;
        // In thousandths of the weight: weight × min(level, required) ÷ required.
        earned += u64::from(weight32) * 1000 * u64::from(level).min(required) / required;
    }
    let percent = (assessed_weight > 0).then(|| {
        let whole = u64::from(assessed_weight) * 1000;
        u8::try_from((earned * 100 + whole / 2) / whole).unwrap_or(100)
    });
    Fit {
        percent,
        assessed_weight,
        total_weight,
    }
}

/// A test given to an application, of either kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TestRef {
    Practical(PracticalTestId),
    Online(super::OnlineTestId),
}

impl TestRef {
    /// Its page.
    pub fn path(self) -> String {
        match self {
            TestRef::Practical(id) => format!("/tests/{id}"),
            TestRef::Online(id) => format!("/online-tests/{id}"),
        }
    }
}

/// A graded test's level for a competency, as evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestEvidence {
    pub test: TestRef,
    pub title_it: String,
    pub title_en: String,
    pub level: u8,
}

/// One competency of the job profile, with everything assessed about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssessedCompetency {
    pub id: CompetencyId,
    pub name_it: String,
    pub name_en: String,
    pub weight: u8,
    pub required_level: u8,
    /// One per interviewer who rated it in a submitted scorecard.
    pub ratings: Vec<u8>,
    /// The ratings' mean in tenths, and their spread.
    pub rating_mean_tenths: Option<u16>,
    pub rating_spread: Option<u8>,
    pub tests: Vec<TestEvidence>,
    /// `evidence_level(ratings, tests)`.
    pub level_tenths: Option<u16>,
}

impl AssessedCompetency {
    /// Whether the level reaches the required one; none while not assessed.
    pub fn meets(&self) -> Option<bool> {
        self.level_tenths
            .map(|l| l >= u16::from(self.required_level) * 10)
    }
}

/// Everything assessed about one application, per competency of its profile, and its fit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub application_id: ApplicationId,
    pub candidate_id: CandidateId,
    pub candidate_name: String,
    pub stage: super::Stage,
    /// Heaviest first.
    pub competencies: Vec<AssessedCompetency>,
    pub fit: Fit,
}

impl Assessment {
    /// The competencies nobody has assessed yet.
    pub fn not_assessed(&self) -> impl Iterator<Item = &AssessedCompetency> {
        self.competencies
            .iter()
            .filter(|c| c.level_tenths.is_none())
    }
}

/// One application's assessment page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationAssessment {
    pub opening_id: OpeningId,
    pub opening_title_it: String,
    pub opening_title_en: String,
    pub assessment: Assessment,
}

/// Candidates an opening's comparison shows a page.
pub const COMPARISON_PAGE_SIZE: u64 = 50;

/// What an opening's comparison is sorted by, best first: those not assessed in it last, ties
/// by the candidate's name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComparisonSort {
    #[default]
    Fit,
    Competency(CompetencyId),
}

impl ComparisonSort {
    /// `sort=fit` or `sort=<competency id>`; the fit when absent or unknown.
    pub fn parse(value: Option<&str>) -> ComparisonSort {
        value
            .and_then(|v| v.parse().ok())
            .map_or(ComparisonSort::Fit, ComparisonSort::Competency)
    }

    /// Its value in the page's address.
    pub fn as_query(self) -> String {
        match self {
            ComparisonSort::Fit => "fit".to_owned(),
            ComparisonSort::Competency(id) => id.to_string(),
        }
    }
}

/// An opening's candidates side by side, a page at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningAssessment {
    pub opening_id: OpeningId,
    pub title_it: String,
    pub title_en: String,
    /// The profile's competencies, heaviest first (each candidate's are in this order).
    pub competencies: Vec<Named<CompetencyId>>,
    /// The order shown: the one asked for, or the fit when that competency is not the
    /// profile's.
    pub sort: ComparisonSort,
    /// The page shown, from 0 (the last one when a later page was asked for).
    pub page: u64,
    pub per_page: u64,
    /// The applications still in the running and those hired, over all pages.
    pub total: u64,
    /// This page's, in `sort`'s order.
    pub candidates: Vec<Assessment>,
}

impl OpeningAssessment {
    /// How many pages there are (one, even when empty).
    pub fn page_count(&self) -> u64 {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }

    /// The positions (from 1) of the first and last candidate shown, when any is.
    pub fn shown(&self) -> Option<(u64, u64)> {
        let first = self.page * self.per_page;
        let count = self.candidates.len() as u64;
        (count > 0).then(|| (first + 1, first + count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_comparison_sort_is_the_fit_and_a_number_is_a_competency() {
        assert_eq!(ComparisonSort::parse(Some("x")), ComparisonSort::Fit);
        assert_eq!(ComparisonSort::parse(None), ComparisonSort::Fit);
        assert_eq!(ComparisonSort::parse(Some("fit")), ComparisonSort::Fit);
        let seven = ComparisonSort::parse(Some("7"));
        assert_eq!(seven, ComparisonSort::Competency(CompetencyId(7)));
        assert_eq!(seven.as_query(), "7");
        assert_eq!(ComparisonSort::Fit.as_query(), "fit");
    }

    #[test]
    fn a_comparison_page_counts_its_pages_and_the_positions_it_shows() {
        let page = |page: u64, total: u64, shown: usize| OpeningAssessment {
            opening_id: OpeningId(1),
            title_it: String::new(),
            title_en: String::new(),
            competencies: Vec::new(),
            sort: ComparisonSort::Fit,
            page,
            per_page: COMPARISON_PAGE_SIZE,
            total,
            candidates: (0..shown)
                .map(|_| Assessment {
                    application_id: ApplicationId(1),
                    candidate_id: CandidateId(1),
                    candidate_name: String::new(),
                    stage: super::super::Stage::Applied,
                    competencies: Vec::new(),
                    fit: Fit::default(),
                })
                .collect(),
        };
        assert_eq!(page(0, 0, 0).page_count(), 1);
        assert_eq!(page(0, 0, 0).shown(), None);
        assert_eq!(page(0, 50, 50).page_count(), 1);
        assert_eq!(page(1, 120, 50).shown(), Some((51, 100)));
        assert_eq!(page(2, 120, 20).page_count(), 3);
        assert_eq!(page(2, 120, 20).shown(), Some((101, 120)));
    }

    #[test]
    fn the_evidence_level_is_the_mean_of_every_rating_and_test_level() {
        assert_eq!(evidence_level(&[], &[]), None);
        assert_eq!(evidence_level(&[4], &[]), Some(40));
        // (4 + 2 + 5) / 3 = 3.67.
        assert_eq!(evidence_level(&[4, 2], &[5]), Some(37));
        assert_eq!(evidence_level(&[], &[3, 4]), Some(35));
    }

    #[test]
    fn the_fit_weighs_each_assessed_competency_and_caps_it_at_the_required_level() {
        // Weight 5 at level 4.0 of 4 required: full; weight 3 at 2.0 of 4: half.
        // 100 × (5 × 1 + 3 × 0.5) / 8 = 81.25.
        let f = fit([(5, 4, Some(40)), (3, 4, Some(20))]);
        assert_eq!(f.percent, Some(81));
        assert!(!f.is_partial());
        // Above the required level counts as the required level.
        assert_eq!(fit([(5, 3, Some(50))]).percent, Some(100));
        // A competency not assessed is left out of the score and makes it partial.
        let partial = fit([(5, 4, Some(40)), (3, 4, None)]);
        assert_eq!(partial.percent, Some(100));
        assert_eq!((partial.assessed_weight, partial.total_weight), (5, 8));
        assert!(partial.is_partial());
        assert_eq!(fit([(5, 4, None)]).percent, None);
    }

    fn template(pass_mark: u16, points: &[u16]) -> TemplateInput {
        TemplateInput {
            title_it: "Prova".into(),
            title_en: "Test".into(),
            instructions_it: "Istruzioni".into(),
            instructions_en: "Instructions".into(),
            time_limit_minutes: 30,
            pass_mark,
            active: true,
            profile_ids: vec![JobProfileId(1)],
            criteria: points
                .iter()
                .map(|p| CriterionInput {
                    competency_id: CompetencyId(1),
                    max_points: *p,
                    description_it: "Descrizione".into(),
                    description_en: "Description".into(),
                })
                .collect(),
        }
    }

    fn field_code(error: AppError, field: &str) -> String {
        match error {
            AppError::Invalid(errors) => errors.get(field).map(|e| e.code.clone()).unwrap(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn points_become_a_level_from_one_to_five_rounded_to_the_nearest() {
        assert_eq!(points_level(0, 10), Some(1));
        assert_eq!(points_level(10, 10), Some(5));
        assert_eq!(points_level(5, 10), Some(3));
        // 1 + 4 × 3 / 8 = 2.5: halves go up.
        assert_eq!(points_level(3, 8), Some(3));
        // 1 + 4 × 2 / 8 = 2.
        assert_eq!(points_level(2, 8), Some(2));
        // 1 + 4 × 7 / 20 = 2.4.
        assert_eq!(points_level(7, 20), Some(2));
        assert_eq!(points_level(12, 10), Some(5));
        assert_eq!(points_level(0, 0), None);
    }

    #[test]
    fn a_pass_mark_above_the_total_is_refused_on_its_field_with_the_total() {
        assert!(template(10, &[5, 5]).check().is_ok());
        let error = template(11, &[5, 5]).check().unwrap_err();
        let AppError::Invalid(errors) = error else {
            panic!()
        };
        let pass_mark = errors.get("pass_mark").unwrap();
        assert_eq!(pass_mark.code, "above_total");
        assert_eq!(pass_mark.param, Some(10));
    }

    #[test]
    fn a_template_without_criteria_or_with_a_criterion_out_of_range_is_refused() {
        assert_eq!(
            field_code(template(0, &[]).check().unwrap_err(), "criteria"),
            "no_criteria"
        );
        assert_eq!(
            field_code(
                template(0, &[0]).check().unwrap_err(),
                "criteria.0.max_points"
            ),
            "points_range"
        );
        assert_eq!(
            field_code(
                template(0, &[101]).check().unwrap_err(),
                "criteria.0.max_points"
            ),
            "points_range"
        );
    }

    #[test]
    fn a_due_date_is_read_as_a_date_field_sends_it() {
        assert_eq!(
            parse_date("2026-12-03"),
            NaiveDate::from_ymd_opt(2026, 12, 3)
        );
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("2026-12-03T10:00"), None);
        assert_eq!(parse_date("03/12/2026"), None);
    }
}
