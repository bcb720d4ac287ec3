//! Online tests: the questions of a bank (closed choices, short text, a typing test, a
//! data-entry test), the candidate's answers, and the arithmetic that scores them on the
//! server: which choices are right, words per minute and accuracy from the text and the
//! server's own timing, and accuracy per field of copied records.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use super::{
    ApplicationId, CandidateId, CompetencyId, OnlineItemId, OnlineTemplateId, OnlineTestId,
    OpeningId, UserId,
};

/// Answers saved this long after the time limit still count (a slow connection); later ones
/// do not.
pub const GRACE_SECONDS: i64 = 30;
/// How long a private link works when HR do not say otherwise, and at most.
pub const LINK_DAYS: u8 = 7;
pub const LONGEST_LINK_DAYS: u8 = 30;

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub text_it: String,
    pub text_en: String,
    pub correct: bool,
}

/// What a question asks, and what scores it. Stored as JSON with the question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionBody {
    /// One option is right.
    SingleChoice { options: Vec<ChoiceOption> },
    /// Every right option, and no other, must be chosen.
    MultipleChoice { options: Vec<ChoiceOption> },
    /// Graded afterwards by the grader.
    ShortText,
    /// Type `text` as fast and as accurately as possible; full points at `target_wpm` net.
    Typing { text: String, target_wpm: u16 },
    /// Copy `rows` (each with one value per column) into the fields.
    DataEntry {
        /// (Italian, English) column names.
        columns: Vec<(String, String)>,
        rows: Vec<Vec<String>>,
    },
}

impl QuestionBody {
    /// Why the question cannot be used, as an error code: no options, or no right one (or
    /// more than one for a single choice), an empty typing text, an empty table.
    pub fn problem(&self) -> Option<&'static str> {
        let blank = |o: &ChoiceOption| o.text_it.trim().is_empty() || o.text_en.trim().is_empty();
        let long =
            |o: &ChoiceOption| o.text_it.chars().count() > 500 || o.text_en.chars().count() > 500;
        match self {
            QuestionBody::SingleChoice { options } | QuestionBody::MultipleChoice { options }
                if options.iter().any(blank) =>
            {
                return Some("option_blank");
            }
            QuestionBody::SingleChoice { options } | QuestionBody::MultipleChoice { options }
                if options.len() > 10 || options.iter().any(long) =>
            {
                return Some("too_many_options");
            }
            QuestionBody::Typing { text, .. } if text.chars().count() > 4000 => {
                return Some("typing_too_long");
            }
            QuestionBody::DataEntry { columns, rows } if columns.len() > 8 || rows.len() > 20 => {
                return Some("table_too_large");
            }
            QuestionBody::DataEntry { columns, rows }
                if columns
                    .iter()
                    .any(|(it, en)| it.trim().is_empty() || en.trim().is_empty())
                    || rows
                        .iter()
                        .flatten()
                        .chain(columns.iter().flat_map(|(it, en)| [it, en]))
                        .any(|v| v.contains('|') || v.chars().count() > 200) =>
            {
                return Some("no_records");
            }
            _ => {}
        }
        match self {
            QuestionBody::SingleChoice { options } => {
                let right = options.iter().filter(|o| o.correct).count();
                if options.len() < 2 {
                    Some("too_few_options")
                } else if right == 0 {
                    Some("no_correct_option")
                } else if right > 1 {
                    Some("one_correct_option")
                } else {
                    None
                }
            }
            QuestionBody::MultipleChoice { options } => {
                if options.len() < 2 {
                    Some("too_few_options")
                } else if !options.iter().any(|o| o.correct) {
                    Some("no_correct_option")
                } else {
                    None
                }
            }
            QuestionBody::ShortText => None,
            QuestionBody::Typing { text, target_wpm } => {
                (text.trim().is_empty() || *target_wpm == 0).then_some("no_typing_text")
            }
            QuestionBody::DataEntry { columns, rows } => (columns.is_empty()
                || rows.is_empty()
                || rows.iter().any(|r| r.len() != columns.len()))
            .then_some("no_records"),
        }
    }

    /// Whether it is scored by the server (all but short text).
    pub fn scored_automatically(&self) -> bool {
        !matches!(self, QuestionBody::ShortText)
    }
}

/// A candidate's answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// The indexes of the options chosen.
    Choice(Vec<usize>),
    Text(String),
    /// The text typed in the typing test.
    Typed(String),
    /// One value per column for each record.
    Table(Vec<Vec<String>>),
}

/// Faster than this, in gross words per minute, is faster than people type: the text was
/// pasted, and earns nothing.
pub const MAX_PLAUSIBLE_WPM: u32 = 150;

/// The typing test's figures, worked out on the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypingResult {
    /// Gross words per minute in tenths: (characters ÷ 5) ÷ minutes.
    pub wpm_tenths: u32,
    /// Accuracy in tenths of a percent: what was typed against the same length of the text.
    pub accuracy_tenths: u32,
    /// Net words per minute in tenths: gross × accuracy.
    pub net_wpm_tenths: u32,
    /// How much of the text was typed, in tenths of a percent.
    pub completion_tenths: u32,
}

/// The typing figures for `typed` against `text`, typed in `millis` milliseconds by the
/// server's clock. Accuracy compares what was typed with as much of the text (by characters,
/// Levenshtein distance); how much of the text was typed is counted apart, and costs points
/// (see `auto_points`).
pub fn typing_result(text: &str, typed: &str, millis: u64) -> TypingResult {
    let typed_chars: Vec<char> = typed.chars().collect();
    let typed_len = typed_chars.len();
    let text_len = text.chars().count();
    if typed_len == 0 || millis == 0 || text_len == 0 {
        return TypingResult {
            wpm_tenths: 0,
            accuracy_tenths: 0,
            net_wpm_tenths: 0,
            completion_tenths: 0,
        };
    }
    let same_length: String = text.chars().take(typed_len).collect();
    let compared = typed_len.max(same_length.chars().count());
    let distance = strsim::levenshtein(typed, &same_length).min(compared);
    let accuracy_tenths =
        u32::try_from(1000 * (compared - distance) as u64 / compared as u64).unwrap_or(0);
    // (chars ÷ 5) ÷ (millis ÷ 60 000) words a minute, in tenths: chars × 120 000 ÷ millis.
    let wpm_tenths = u32::try_from(typed_len as u64 * 120_000 / millis).unwrap_or(u32::MAX);
    let net_wpm_tenths =
        u32::try_from(u64::from(wpm_tenths) * u64::from(accuracy_tenths) / 1000).unwrap_or(0);
    let completion_tenths =
        u32::try_from(1000 * typed_len.min(text_len) as u64 / text_len as u64).unwrap_or(0);
    TypingResult {
        wpm_tenths,
        accuracy_tenths,
        net_wpm_tenths,
        completion_tenths,
    }
}

/// The fields copied right out of all of them: each compared after trimming spaces.
pub fn fields_right(rows: &[Vec<String>], copied: &[Vec<String>]) -> (u32, u32) {
    let mut right = 0;
    let mut total = 0;
    for (index, row) in rows.iter().enumerate() {
        for (column, value) in row.iter().enumerate() {
            total += 1;
            let typed = copied
                .get(index)
                .and_then(|r| r.get(column))
                .map_or("", |v| v.trim());
            if typed == value.trim() {
                right += 1;
            }
        }
    }
    (right, total)
}

/// The points `answer` earns out of `points`, for a question scored by the server; `millis`
/// is the typing time the server measured. None for short text (the grader's) and for an
/// answer of the wrong kind.
pub fn auto_points(
    body: &QuestionBody,
    points: u32,
    answer: Option<&Answer>,
    millis: u64,
) -> Option<u32> {
    let fraction = |part: u64, whole: u64| -> u32 {
        if whole == 0 {
            return 0;
        }
        u32::try_from(u64::from(points) * part.min(whole) / whole).unwrap_or(points)
    };
    match (body, answer) {
        (QuestionBody::ShortText, _) => None,
        (_, None) => Some(0),
        (
            QuestionBody::SingleChoice { options } | QuestionBody::MultipleChoice { options },
            Some(Answer::Choice(chosen)),
        ) => {
            let right: Vec<usize> = (0..options.len()).filter(|&i| options[i].correct).collect();
            let mut chosen = chosen.clone();
            chosen.sort_unstable();
            chosen.dedup();
            Some(if chosen == right { points } else { 0 })
        }
        (QuestionBody::Typing { text, target_wpm }, Some(Answer::Typed(typed))) => {
            // points × min(net speed, target) ÷ target × share of the text typed; nothing
            // for a text pasted.
            let result = typing_result(text, typed, millis);
            if result.wpm_tenths > MAX_PLAUSIBLE_WPM * 10 {
                return Some(0);
            }
            let target = u64::from(*target_wpm) * 10;
            let speed = u64::from(result.net_wpm_tenths).min(target);
            Some(fraction(
                speed * u64::from(result.completion_tenths),
                target * 1000,
            ))
        }
        (QuestionBody::DataEntry { rows, .. }, Some(Answer::Table(copied))) => {
            let (right, total) = fields_right(rows, copied);
            Some(fraction(u64::from(right), u64::from(total)))
        }
        _ => Some(0),
    }
}

/// The most questions a bank can have.
pub const MOST_QUESTIONS: usize = 50;

fn question_count(questions: &[OnlineQuestionInput]) -> Result<(), validator::ValidationError> {
    if questions.is_empty() {
        Err(validator::ValidationError::new("no_questions"))
    } else if questions.len() > MOST_QUESTIONS {
        let mut error = validator::ValidationError::new("too_many");
        error.add_param("max".into(), &MOST_QUESTIONS);
        Err(error)
    } else {
        Ok(())
    }
}

/// One question of a bank as HR write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct OnlineQuestionInput {
    pub competency_id: CompetencyId,
    #[validate(range(min = 1, max = 100, code = "points_range"))]
    pub points: u16,
    #[validate(
        custom(function = "super::users::not_blank"),
        length(max = 2000, code = "too_long")
    )]
    pub prompt_it: String,
    #[validate(
        custom(function = "super::users::not_blank"),
        length(max = 2000, code = "too_long")
    )]
    pub prompt_en: String,
    pub body: QuestionBody,
}

/// A bank of online questions as HR write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct OnlineTemplateInput {
    #[validate(
        custom(function = "super::users::not_blank"),
        length(max = 200, code = "too_long")
    )]
    pub title_it: String,
    #[validate(
        custom(function = "super::users::not_blank"),
        length(max = 200, code = "too_long")
    )]
    pub title_en: String,
    #[validate(
        custom(function = "super::users::not_blank"),
        length(max = 10000, code = "too_long")
    )]
    pub instructions_it: String,
    #[validate(
        custom(function = "super::users::not_blank"),
        length(max = 10000, code = "too_long")
    )]
    pub instructions_en: String,
    #[validate(range(min = 1, max = 480, code = "minutes_range"))]
    pub time_limit_minutes: u16,
    pub pass_mark: u16,
    pub active: bool,
    #[validate(length(min = 1, code = "no_profiles"))]
    pub profile_ids: Vec<super::JobProfileId>,
    #[validate(nested, custom(function = "question_count"))]
    pub questions: Vec<OnlineQuestionInput>,
}

impl OnlineTemplateInput {
    /// The most points the test can earn.
    pub fn total(&self) -> u32 {
        self.questions.iter().map(|q| u32::from(q.points)).sum()
    }

    /// Its rules, each question's own (`QuestionBody::problem`, on `questions.<n>.body`), then
    /// a pass mark within the total: the browser and the server both ask.
    pub fn check(&self) -> Result<(), super::AppError> {
        super::validate(self)?;
        let mut errors = super::FieldErrors::default();
        for (index, question) in self.questions.iter().enumerate() {
            if let Some(code) = question.body.problem() {
                errors.0.insert(
                    format!("questions.{index}.body"),
                    super::FieldError::new(code),
                );
            }
        }
        if u32::from(self.pass_mark) > self.total() {
            errors.0.insert(
                "pass_mark".to_owned(),
                super::FieldError {
                    code: "above_total".into(),
                    param: Some(i64::from(self.total())),
                },
            );
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(super::AppError::Invalid(errors))
        }
    }
}

/// A bank as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnlineTemplateSummary {
    pub id: OnlineTemplateId,
    pub title_it: String,
    pub title_en: String,
    /// (Italian, English) titles of its job profiles.
    pub profiles: Vec<(String, String)>,
    pub questions: u32,
    pub total: u32,
    pub pass_mark: u32,
    pub time_limit_minutes: u32,
    pub active: bool,
    /// How many tests were sent from it.
    pub sent: u32,
}

/// What the bank editor needs: the bank (none for a new one) and the choices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnlineTemplateEditor {
    pub template: Option<OnlineTemplateInput>,
    pub profiles: Vec<super::Named<super::JobProfileId>>,
    pub competencies: Vec<super::Named<CompetencyId>>,
}

/// What HR fill in to send an online test to an application's candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct SendTestInput {
    pub application_id: ApplicationId,
    pub template_id: OnlineTemplateId,
    /// Grades the short answers.
    pub grader_id: UserId,
    /// How many days the link works if not started.
    #[validate(range(min = 1, max = 30, code = "days_range"))]
    pub link_days: u8,
}

/// Where an online test stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnlineStatus {
    /// The link is out; not started.
    Sent,
    Started,
    /// Handed in (or closed by the clock), short answers still to grade.
    Submitted,
    Graded,
}

impl OnlineStatus {
    pub const ALL: [OnlineStatus; 4] = [
        OnlineStatus::Sent,
        OnlineStatus::Started,
        OnlineStatus::Submitted,
        OnlineStatus::Graded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OnlineStatus::Sent => "sent",
            OnlineStatus::Started => "started",
            OnlineStatus::Submitted => "submitted",
            OnlineStatus::Graded => "graded",
        }
    }

    pub fn parse(value: &str) -> Option<OnlineStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// A question as the candidate sees it: never which options are right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CandidateQuestion {
    /// (Italian, English) options.
    SingleChoice {
        options: Vec<(String, String)>,
    },
    MultipleChoice {
        options: Vec<(String, String)>,
    },
    ShortText,
    /// The text shows once the candidate has started typing (the server's clock starts then).
    Typing {
        text: Option<String>,
        finished: bool,
    },
    DataEntry {
        columns: Vec<(String, String)>,
        rows: Vec<Vec<String>>,
    },
}

impl CandidateQuestion {
    /// What the candidate may see of `body`; the typing text only once `started`.
    pub fn of(body: &QuestionBody, started: bool, finished: bool) -> CandidateQuestion {
        let options = |list: &[ChoiceOption]| {
            list.iter()
                .map(|o| (o.text_it.clone(), o.text_en.clone()))
                .collect()
        };
        match body {
            QuestionBody::SingleChoice { options: list } => CandidateQuestion::SingleChoice {
                options: options(list),
            },
            QuestionBody::MultipleChoice { options: list } => CandidateQuestion::MultipleChoice {
                options: options(list),
            },
            QuestionBody::ShortText => CandidateQuestion::ShortText,
            QuestionBody::Typing { text, .. } => CandidateQuestion::Typing {
                text: started.then(|| text.clone()),
                finished,
            },
            QuestionBody::DataEntry { columns, rows } => CandidateQuestion::DataEntry {
                columns: columns.clone(),
                rows: rows.clone(),
            },
        }
    }
}

/// One question on the candidate's page, with what they saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateItem {
    pub id: OnlineItemId,
    pub prompt_it: String,
    pub prompt_en: String,
    pub points: u32,
    pub question: CandidateQuestion,
    pub answer: Option<Answer>,
}

/// The candidate's page, by where the test stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CandidateState {
    /// The instructions and the start button.
    NotStarted { expires_at: DateTime<Utc> },
    InProgress {
        deadline: DateTime<Utc>,
        seconds_left: i64,
        items: Vec<CandidateItem>,
    },
    /// Handed in, or closed by the clock (`late`: something arrived after the limit).
    Submitted { late: bool },
    /// The link was not used in time.
    Expired,
}

/// What the private link opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CandidateTest {
    pub title_it: String,
    pub title_en: String,
    pub instructions_it: String,
    pub instructions_en: String,
    pub time_limit_minutes: u32,
    pub state: CandidateState,
}

/// An online test as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnlineTestSummary {
    pub id: OnlineTestId,
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
    pub status: OnlineStatus,
    pub sent_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub points: Option<u32>,
    pub max_points: u32,
    pub passed: Option<bool>,
    /// Short answers waiting for the grader.
    pub to_grade: u32,
}

/// One question of a sent test as HR and the grader read it: the question with its right
/// options, the candidate's answer, the points and the figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemReview {
    pub id: OnlineItemId,
    pub competency_id: CompetencyId,
    pub competency_it: String,
    pub competency_en: String,
    pub prompt_it: String,
    pub prompt_en: String,
    pub points: u32,
    pub body: QuestionBody,
    pub answer: Option<Answer>,
    pub answered_at: Option<DateTime<Utc>>,
    pub awarded: Option<u32>,
    pub typing: Option<TypingResult>,
    /// Data entry: (fields right, fields).
    pub fields: Option<(u32, u32)>,
    pub notes: String,
}

/// An online test's page for HR and its grader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnlineTestDetail {
    pub summary: OnlineTestSummary,
    pub time_limit_minutes: u32,
    pub pass_mark: u32,
    pub started_at: Option<DateTime<Utc>>,
    pub deadline_at: Option<DateTime<Utc>>,
    pub items: Vec<ItemReview>,
    pub contributions: Vec<super::Contribution>,
    /// The viewer is its grader and short answers wait for them.
    pub can_grade: bool,
}

/// The grader's points for one short answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct AnswerScore {
    pub item_id: OnlineItemId,
    pub points: Option<u16>,
    #[validate(length(max = 2000, code = "too_long"))]
    pub notes: String,
}

/// The grader's points for every short answer of a test.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct AnswerGrading {
    #[validate(nested)]
    pub scores: Vec<AnswerScore>,
}

/// What sending did: the test and who joined the hiring team to grade it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestSent {
    pub id: OnlineTestId,
    pub added_to_team: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option(correct: bool) -> ChoiceOption {
        ChoiceOption {
            text_it: "Opzione".into(),
            text_en: "Option".into(),
            correct,
        }
    }

    #[test]
    fn a_bank_with_a_question_without_a_right_option_is_refused_on_that_question() {
        let question = |correct: bool| OnlineQuestionInput {
            competency_id: CompetencyId(1),
            points: 2,
            prompt_it: "Domanda".into(),
            prompt_en: "Question".into(),
            body: QuestionBody::SingleChoice {
                options: vec![option(correct), option(false)],
            },
        };
        let bank = OnlineTemplateInput {
            title_it: "Prova".into(),
            title_en: "Test".into(),
            instructions_it: "Istruzioni".into(),
            instructions_en: "Instructions".into(),
            time_limit_minutes: 10,
            pass_mark: 3,
            active: true,
            profile_ids: vec![crate::model::JobProfileId(1)],
            questions: vec![question(true), question(false)],
        };
        let Err(crate::model::AppError::Invalid(errors)) = bank.check() else {
            panic!("refused");
        };
        assert_eq!(
            errors.get("questions.1.body").unwrap().code,
            "no_correct_option"
        );
        assert!(errors.get("questions.0.body").is_none());
        let mut fine = bank.clone();
        fine.questions[1] = question(true);
        assert!(fine.check().is_ok());
        fine.pass_mark = 5;
        let Err(crate::model::AppError::Invalid(errors)) = fine.check() else {
            panic!("refused");
        };
        assert_eq!(errors.get("pass_mark").unwrap().code, "above_total");
        let mut empty = bank;
        empty.questions.clear();
        empty.pass_mark = 0;
        let Err(crate::model::AppError::Invalid(errors)) = empty.check() else {
            panic!("refused");
        };
        assert_eq!(errors.get("questions").unwrap().code, "no_questions");
    }

    #[test]
    fn a_choice_question_without_a_right_option_is_refused() {
        let none = QuestionBody::SingleChoice {
            options: vec![option(false), option(false)],
        };
        assert_eq!(none.problem(), Some("no_correct_option"));
        let two = QuestionBody::SingleChoice {
            options: vec![option(true), option(true)],
        };
        assert_eq!(two.problem(), Some("one_correct_option"));
        let multiple = QuestionBody::MultipleChoice {
            options: vec![option(true), option(true), option(false)],
        };
        assert_eq!(multiple.problem(), None);
        let alone = QuestionBody::MultipleChoice {
            options: vec![option(true)],
        };
        assert_eq!(alone.problem(), Some("too_few_options"));
    }

    #[test]
    fn typing_sixty_characters_in_a_minute_without_mistakes_is_twelve_words_a_minute() {
        let text = "a".repeat(60);
        let result = typing_result(&text, &text, 60_000);
        assert_eq!(result.wpm_tenths, 120);
        assert_eq!(result.accuracy_tenths, 1000);
        assert_eq!(result.net_wpm_tenths, 120);
    }

    #[test]
    fn one_wrong_letter_in_thirty_one_costs_three_point_two_percent() {
        let text = "Gentile cliente, la ringraziamo";
        let typed = "Gentile cliante, la ringraziamo";
        // 31 characters in 30 seconds: 31 × 120 000 ÷ 30 000 = 124 tenths (12.4 wpm).
        let result = typing_result(text, typed, 30_000);
        assert_eq!(result.wpm_tenths, 124);
        // (31 − 1) ÷ 31 = 96.77 %.
        assert_eq!(result.accuracy_tenths, 967);
        // 12.4 × 0.967 = 11.99.
        assert_eq!(result.net_wpm_tenths, 119);
    }

    #[test]
    fn stopping_halfway_keeps_the_accuracy_but_counts_half_the_text() {
        let result = typing_result("abcdefghij", "abcde", 6_000);
        assert_eq!(result.accuracy_tenths, 1000);
        // 5 characters in 6 seconds: 10 wpm.
        assert_eq!(result.wpm_tenths, 100);
        assert_eq!(result.completion_tenths, 500);
        assert_eq!(typing_result("abc", "", 1_000).wpm_tenths, 0);
    }

    #[test]
    fn a_typing_answer_earns_points_for_speed_up_to_the_target_and_for_the_text_typed() {
        let body = QuestionBody::Typing {
            text: "a".repeat(60),
            target_wpm: 24,
        };
        let typed = Answer::Typed("a".repeat(60));
        // 12 net wpm of a 24 target, the whole text: half of 10 points.
        assert_eq!(auto_points(&body, 10, Some(&typed), 60_000), Some(5));
        // 72 wpm, faster than the target, earns no more than the points.
        assert_eq!(auto_points(&body, 10, Some(&typed), 10_000), Some(10));
        // Half the text at the target speed: half the points.
        let half = Answer::Typed("a".repeat(30));
        assert_eq!(auto_points(&body, 10, Some(&half), 15_000), Some(5));
    }

    #[test]
    fn a_text_typed_faster_than_anyone_types_was_pasted_and_earns_nothing() {
        let body = QuestionBody::Typing {
            text: "a".repeat(250),
            target_wpm: 35,
        };
        // 250 characters in 2 seconds: 1500 wpm.
        let pasted = Answer::Typed("a".repeat(250));
        assert_eq!(auto_points(&body, 10, Some(&pasted), 2_000), Some(0));
    }

    #[test]
    fn data_entry_earns_points_per_field_copied_right() {
        let rows = vec![
            vec!["Rossi".to_owned(), "IT60X0542811101000000123456".to_owned()],
            vec!["Bianchi".to_owned(), "120,50".to_owned()],
        ];
        let copied = vec![
            vec![
                " Rossi ".to_owned(),
                "IT60X0542811101000000123456".to_owned(),
            ],
            vec!["Bianchi".to_owned(), "120.50".to_owned()],
        ];
        assert_eq!(fields_right(&rows, &copied), (3, 4));
        let body = QuestionBody::DataEntry {
            columns: vec![
                ("Nome".into(), "Name".into()),
                ("Valore".into(), "Value".into()),
            ],
            rows,
        };
        assert_eq!(
            auto_points(&body, 8, Some(&Answer::Table(copied)), 0),
            Some(6)
        );
    }

    #[test]
    fn a_choice_earns_its_points_only_when_exactly_the_right_options_are_chosen() {
        let body = QuestionBody::MultipleChoice {
            options: vec![option(true), option(false), option(true)],
        };
        let exact = Answer::Choice(vec![2, 0]);
        assert_eq!(auto_points(&body, 4, Some(&exact), 0), Some(4));
        let partial = Answer::Choice(vec![0]);
        assert_eq!(auto_points(&body, 4, Some(&partial), 0), Some(0));
        let extra = Answer::Choice(vec![0, 1, 2]);
        assert_eq!(auto_points(&body, 4, Some(&extra), 0), Some(0));
        assert_eq!(auto_points(&body, 4, None, 0), Some(0));
        assert_eq!(auto_points(&QuestionBody::ShortText, 4, None, 0), None);
    }
}
