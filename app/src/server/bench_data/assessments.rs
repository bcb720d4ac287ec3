//! The assessments of one synthetic application, consistent with its stage history: a phone
//! screen while it was in screening, an HR and a technical interview while it was at the
//! interview stage, each with its panel's scorecards and ratings once it is over, and the
//! practical and online tests of its job profile once it reached the test stage.

use chrono::{DateTime, Duration, DurationRound, Utc};
use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use sea_orm::Set;

use super::people::Move;
use super::starter::{Online, Practical, Profile};
use super::take;
use crate::model::{
    Answer, InterviewKind, InterviewStatus, OnlineStatus, QuestionBody, Recommendation, Stage,
    TestStatus, auto_points, fields_right, typing_result,
};
use crate::server::entities::{
    interview, interview_event, interview_interviewer, online_test, online_test_item,
    practical_test, practical_test_criterion, scorecard, scorecard_rating,
};

/// What interviewers write as evidence, now and then.
const EVIDENCE: [&str; 8] = [
    "Ha fatto esempi concreti dal lavoro precedente.",
    "Risposte chiare, ma poco approfondite.",
    "Gestisce bene la simulazione con il cliente difficile.",
    "Buona padronanza degli strumenti citati.",
    "Esitante sulle procedure, da verificare in prova pratica.",
    "Ottimo ascolto, riformula le richieste.",
    "Gave a structured answer with a real example.",
    "Needed prompting to describe the outcome.",
];

/// A scorecard's summary, by recommendation (strong no to strong yes).
const SUMMARIES: [[&str; 2]; 4] = [
    [
        "Non adatto al ruolo: lacune importanti sui requisiti.",
        "Not a fit: clear gaps against the profile.",
    ],
    [
        "Alcune competenze sotto il livello richiesto.",
        "Some competencies below the required level.",
    ],
    [
        "Profilo in linea con i requisiti.",
        "Meets the profile's requirements.",
    ],
    [
        "Candidato molto forte, consiglio di procedere.",
        "A strong candidate: I recommend moving on.",
    ],
];

/// Short answers candidates give in online tests.
const SHORT_ANSWERS: [&str; 4] = [
    "Mi scuso per l'attesa, verifico subito la pratica e la richiamo entro oggi.",
    "Spiego la procedura con calma e lascio un promemoria scritto al cliente.",
    "I would apologise, check the booking and offer an alternative straight away.",
    "Chiedo un documento, controllo i dati e passo la richiesta al collega competente.",
];

/// The rows an application's assessments add.
#[derive(Default)]
pub struct Assessments {
    pub interviews: Vec<interview::ActiveModel>,
    pub seats: Vec<interview_interviewer::ActiveModel>,
    pub events: Vec<interview_event::ActiveModel>,
    pub scorecards: Vec<scorecard::ActiveModel>,
    pub ratings: Vec<scorecard_rating::ActiveModel>,
    pub practical_tests: Vec<practical_test::ActiveModel>,
    pub practical_criteria: Vec<practical_test_criterion::ActiveModel>,
    pub online_tests: Vec<online_test::ActiveModel>,
    pub online_items: Vec<online_test_item::ActiveModel>,
}

/// The ids the next rows of each table get.
#[derive(Debug, Clone, Copy, Default)]
pub struct AssessmentIds {
    pub interview: i32,
    pub event: i32,
    pub scorecard: i32,
    pub practical: i32,
    pub practical_criterion: i32,
    pub online: i32,
    pub online_item: i32,
}

/// One application to assess: its id, its profile, who may sit on its panels, and its history.
pub struct Assessed<'a> {
    pub application: i32,
    pub profile: &'a Profile,
    pub practical: Option<&'a Practical>,
    pub online: Option<&'a Online>,
    /// The opening's interviewers; HR schedules.
    pub panel: &'a [i32],
    pub hr: i32,
    pub moves: &'a [crate::server::bench_data::people::Move],
}

/// When the application entered `stage`, when it left it (or a fortnight later if it is
/// still there), and whether it is still there.
fn window(moves: &[Move], stage: Stage) -> Option<(DateTime<Utc>, DateTime<Utc>, bool)> {
    let at = moves.iter().position(|m| m.to == stage)?;
    let entered = moves[at].at;
    Some(match moves.get(at + 1) {
        Some(next) => (entered, next.at, false),
        None => (entered, entered + Duration::days(14), true),
    })
}

/// A time in `from..to`, on the quarter hour.
fn between(rng: &mut StdRng, from: DateTime<Utc>, to: DateTime<Utc>) -> DateTime<Utc> {
    let span = (to - from).num_minutes().max(1);
    let at = from + Duration::minutes(rng.gen_range(0..span));
    at.duration_trunc(Duration::minutes(15)).unwrap_or(at)
}

impl Assessments {
    /// Adds the assessments of `assessed`, whose candidate is as good as `strength` (0 to 1).
    pub fn plan(
        &mut self,
        rng: &mut StdRng,
        ids: &mut AssessmentIds,
        assessed: &Assessed,
        strength: f64,
        now: DateTime<Utc>,
    ) {
        if let Some((from, to, _)) = window(assessed.moves, Stage::Screening)
            && rng.gen_bool(0.4)
        {
            self.interview(
                rng,
                ids,
                assessed,
                InterviewKind::PhoneScreen,
                (from, to),
                strength,
                now,
            );
        }
        if let Some((from, to, still)) = window(assessed.moves, Stage::Interview) {
            let middle = from + (to - from) / 2;
            self.interview(
                rng,
                ids,
                assessed,
                InterviewKind::HrInterview,
                (from, middle),
                strength,
                now,
            );
            if !still || rng.gen_bool(0.5) {
                self.interview(
                    rng,
                    ids,
                    assessed,
                    InterviewKind::TechnicalInterview,
                    (middle, to),
                    strength,
                    now,
                );
            }
        }
        if let Some((from, to, still)) = window(assessed.moves, Stage::PracticalTest) {
            if let Some(practical) = assessed.practical {
                self.practical(
                    rng,
                    ids,
                    assessed,
                    practical,
                    (from, to, still),
                    strength,
                    now,
                );
            }
            if let Some(online) = assessed.online {
                self.online(rng, ids, assessed, online, (from, to, still), strength, now);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn interview(
        &mut self,
        rng: &mut StdRng,
        ids: &mut AssessmentIds,
        assessed: &Assessed,
        kind: InterviewKind,
        (from, to): (DateTime<Utc>, DateTime<Utc>),
        strength: f64,
        now: DateTime<Utc>,
    ) {
        let id = take(&mut ids.interview);
        let scheduled_at = from + (to - from) / 10;
        let starts_at = between(rng, scheduled_at, to);
        let minutes = match kind {
            InterviewKind::PhoneScreen => 30,
            InterviewKind::HrInterview => 60,
            InterviewKind::TechnicalInterview => 90,
        };
        let ends_at = starts_at + Duration::minutes(minutes);
        let cancelled = rng.gen_bool(0.04);
        let status = if cancelled {
            InterviewStatus::Cancelled
        } else {
            InterviewStatus::Scheduled
        };
        let scheduled_at = scheduled_at.min(now);
        let remote = kind == InterviewKind::PhoneScreen || rng.gen_bool(0.3);
        self.interviews.push(interview::ActiveModel {
            id: Set(id),
            application_id: Set(assessed.application),
            kind: Set(kind.as_str().to_owned()),
            starts_at: Set(starts_at),
            ends_at: Set(ends_at),
            time_zone: Set("Europe/Rome".to_owned()),
            location: Set(if remote {
                String::new()
            } else {
                "Sede, sala colloqui 2".to_owned()
            }),
            video_link: Set(if remote {
                format!("https://meet.percorso.test/colloquio-{id}")
            } else {
                String::new()
            }),
            status: Set(status.as_str().to_owned()),
            uid: Set(format!("bench-{id}@percorso.test")),
            sequence: Set(i32::from(cancelled)),
            created_by: Set(assessed.hr),
            created_at: Set(scheduled_at),
            updated_at: Set(scheduled_at),
        });
        let mut event =
            |change: &str, at: DateTime<Utc>, reason: Option<&str>| interview_event::ActiveModel {
                id: Set(take(&mut ids.event)),
                interview_id: Set(id),
                change: Set(change.to_owned()),
                reason: Set(reason.map(str::to_owned)),
                starts_at: Set(starts_at),
                ends_at: Set(ends_at),
                actor_id: Set(Some(assessed.hr)),
                at: Set(at),
            };
        self.events.push(event("scheduled", scheduled_at, None));
        if cancelled {
            let at = between(rng, scheduled_at, starts_at).min(now);
            self.events.push(event(
                "cancelled",
                at,
                Some("Il candidato ha chiesto di annullare"),
            ));
        }

        let size = match kind {
            InterviewKind::PhoneScreen => 1,
            _ => [1, 2, 3, 3, 3][rng.gen_range(0..5)],
        };
        let panel: Vec<i32> = assessed
            .panel
            .choose_multiple(rng, size.min(assessed.panel.len()))
            .copied()
            .collect();
        let first_seat = self.seats.len();
        for user in &panel {
            self.seats.push(interview_interviewer::ActiveModel {
                interview_id: Set(id),
                user_id: Set(*user),
                done: Set(cancelled),
                starts_at: Set(Some(starts_at)),
            });
        }
        if cancelled || ends_at > now {
            return;
        }
        // Of the interviews of the last month, a few are not scored yet, or only drafted.
        let recent = ends_at > now - Duration::days(30);
        for user in panel {
            let roll = if recent { rng.gen_range(0..100) } else { 100 };
            if roll < 4 {
                continue; // never scored: overdue
            }
            let submitted_at = ends_at + Duration::minutes(rng.gen_range(10..30 * 60));
            let submitted = roll >= 8 && submitted_at <= now;
            if submitted
                && let Some(seat) = self.seats[first_seat..]
                    .iter_mut()
                    .find(|s| s.user_id.as_ref() == &user)
            {
                seat.done = Set(true);
            }
            self.scorecard(
                rng,
                ids,
                assessed,
                (id, user),
                (ends_at, submitted.then_some(submitted_at)),
                strength,
            );
        }
    }

    fn scorecard(
        &mut self,
        rng: &mut StdRng,
        ids: &mut AssessmentIds,
        assessed: &Assessed,
        (interview_id, user): (i32, i32),
        (ended, submitted_at): (DateTime<Utc>, Option<DateTime<Utc>>),
        strength: f64,
    ) {
        let id = take(&mut ids.scorecard);
        let requirements = &assessed.profile.requirements;
        // A draft has the first few rated.
        let rated = if submitted_at.is_some() {
            requirements.len()
        } else {
            rng.gen_range(0..=requirements.len())
        };
        let mut margin = 0i32;
        for (index, (competency, required)) in requirements.iter().enumerate() {
            let rating = (index < rated).then(|| {
                let shift = (strength * 3.0 - 1.5 + rng.gen_range(-1.0..1.0)).round() as i16;
                (required + shift).clamp(1, 5)
            });
            if let Some(rating) = rating {
                margin += i32::from(rating - required);
            }
            self.ratings.push(scorecard_rating::ActiveModel {
                scorecard_id: Set(id),
                competency_id: Set(*competency),
                rating: Set(rating),
                evidence: Set(if rating.is_some() && rng.gen_bool(0.3) {
                    EVIDENCE[rng.gen_range(0..EVIDENCE.len())].to_owned()
                } else {
                    String::new()
                }),
            });
        }
        let recommendation = match margin {
            m if m <= -4 => 0,
            m if m < 0 => 1,
            m if m < 4 => 2,
            _ => 3,
        };
        let last = submitted_at.unwrap_or(ended + Duration::minutes(20));
        self.scorecards.push(scorecard::ActiveModel {
            id: Set(id),
            interview_id: Set(interview_id),
            interviewer_id: Set(user),
            recommendation: Set(
                submitted_at.map(|_| Recommendation::ALL[recommendation].as_str().to_owned())
            ),
            summary: Set(if submitted_at.is_some() {
                SUMMARIES[recommendation][usize::from(rng.gen_bool(0.3))].to_owned()
            } else {
                String::new()
            }),
            submitted_at: Set(submitted_at),
            created_at: Set(ended + Duration::minutes(5)),
            updated_at: Set(last),
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn practical(
        &mut self,
        rng: &mut StdRng,
        ids: &mut AssessmentIds,
        assessed: &Assessed,
        practical: &Practical,
        (from, to, still): (DateTime<Utc>, DateTime<Utc>, bool),
        strength: f64,
        now: DateTime<Utc>,
    ) {
        let id = take(&mut ids.practical);
        let template = &practical.template;
        let assigned_at = between(rng, from, from + (to - from) / 4).min(now);
        let graded_at = between(rng, assigned_at, to);
        let graded = !still || graded_at <= now - Duration::days(2);
        let mut total = 0;
        for criterion in &practical.criteria {
            let points = graded.then(|| {
                let share = (strength * 0.7 + rng.gen_range(0.1..0.4)).min(1.0);
                (f64::from(criterion.max_points) * share).round() as i32
            });
            total += points.unwrap_or(0);
            self.practical_criteria
                .push(practical_test_criterion::ActiveModel {
                    id: Set(take(&mut ids.practical_criterion)),
                    test_id: Set(id),
                    position: Set(criterion.position),
                    competency_id: Set(criterion.competency_id),
                    max_points: Set(criterion.max_points),
                    description_it: Set(criterion.description_it.clone()),
                    description_en: Set(criterion.description_en.clone()),
                    points: Set(points),
                    notes: Set(String::new()),
                });
        }
        let status = if graded {
            TestStatus::Graded
        } else {
            TestStatus::Assigned
        };
        self.practical_tests.push(practical_test::ActiveModel {
            id: Set(id),
            application_id: Set(assessed.application),
            template_id: Set(template.id),
            grader_id: Set(assessed.panel.first().copied().unwrap_or(assessed.hr)),
            title_it: Set(template.title_it.clone()),
            title_en: Set(template.title_en.clone()),
            instructions_it: Set(template.instructions_it.clone()),
            instructions_en: Set(template.instructions_en.clone()),
            time_limit_minutes: Set(template.time_limit_minutes),
            pass_mark: Set(template.pass_mark),
            due_on: Set((assigned_at + Duration::days(7)).date_naive()),
            status: Set(status.as_str().to_owned()),
            notes: Set(if graded {
                "Svolta in sede, materiali consegnati.".to_owned()
            } else {
                String::new()
            }),
            passed: Set(graded.then_some(total >= template.pass_mark)),
            assigned_by: Set(assessed.hr),
            assigned_at: Set(assigned_at),
            graded_at: Set(graded.then_some(graded_at)),
            updated_at: Set(if graded { graded_at } else { assigned_at }),
            started_at: Set(None),
            link_token_hash: Set(None),
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn online(
        &mut self,
        rng: &mut StdRng,
        ids: &mut AssessmentIds,
        assessed: &Assessed,
        online: &Online,
        (from, to, still): (DateTime<Utc>, DateTime<Utc>, bool),
        strength: f64,
        now: DateTime<Utc>,
    ) {
        let id = take(&mut ids.online);
        let template = &online.template;
        let sent_at = between(rng, from, from + (to - from) / 4).min(now);
        let started_at = sent_at + Duration::minutes(rng.gen_range(30..48 * 60));
        let limit = Duration::minutes(i64::from(template.time_limit_minutes));
        let submitted_at = started_at + limit * rng.gen_range(5..10) / 10;
        let status = match () {
            _ if started_at > now => OnlineStatus::Sent,
            _ if submitted_at > now => OnlineStatus::Started,
            _ if still && submitted_at > now - Duration::days(1) => OnlineStatus::Submitted,
            _ => OnlineStatus::Graded,
        };
        let answered = matches!(status, OnlineStatus::Submitted | OnlineStatus::Graded);
        let graded_at = submitted_at + Duration::hours(rng.gen_range(1..30));
        let mut total = 0;
        for question in &online.questions {
            let body: Option<QuestionBody> = serde_json::from_str(&question.body).ok();
            let points = u32::try_from(question.points).unwrap_or(0);
            let (answer, millis) = match (&body, answered) {
                (Some(body), true) => answer(rng, body, strength),
                _ => (None, 0),
            };
            let awarded = match (&body, answered) {
                (Some(QuestionBody::ShortText), true) => (status == OnlineStatus::Graded)
                    .then(|| (f64::from(points) * strength).round() as u32),
                (Some(body), true) => auto_points(body, points, answer.as_ref(), millis),
                _ => None,
            };
            total += awarded.unwrap_or(0);
            let result = match (&body, &answer) {
                (Some(QuestionBody::Typing { text, .. }), Some(Answer::Typed(typed))) => {
                    serde_json::to_string(&typing_result(text, typed, millis)).ok()
                }
                (Some(QuestionBody::DataEntry { rows, .. }), Some(Answer::Table(copied))) => {
                    serde_json::to_string(&fields_right(rows, copied)).ok()
                }
                _ => None,
            };
            let typing = matches!(body, Some(QuestionBody::Typing { .. })) && answered;
            self.online_items.push(online_test_item::ActiveModel {
                id: Set(take(&mut ids.online_item)),
                test_id: Set(id),
                position: Set(question.position),
                competency_id: Set(question.competency_id),
                points: Set(question.points),
                prompt_it: Set(question.prompt_it.clone()),
                prompt_en: Set(question.prompt_en.clone()),
                body: Set(question.body.clone()),
                answer: Set(answer.and_then(|a| serde_json::to_string(&a).ok())),
                answered_at: Set(answered.then_some(submitted_at)),
                started_at: Set(typing.then_some(started_at)),
                finished_at: Set(typing
                    .then(|| started_at + Duration::milliseconds(millis as i64))),
                awarded: Set(awarded.map(|a| i32::try_from(a).unwrap_or(0))),
                result: Set(result),
                notes: Set(String::new()),
            });
        }
        let graded = status == OnlineStatus::Graded;
        let total = i32::try_from(total).unwrap_or(0);
        let last = match status {
            OnlineStatus::Sent => sent_at,
            OnlineStatus::Started => started_at,
            OnlineStatus::Submitted => submitted_at,
            OnlineStatus::Graded => graded_at,
        };
        self.online_tests.push(online_test::ActiveModel {
            id: Set(id),
            application_id: Set(assessed.application),
            template_id: Set(template.id),
            grader_id: Set(assessed.panel.first().copied().unwrap_or(assessed.hr)),
            token_hash: Set(crate::server::accounts::sessions::hash_token(
                &crate::server::accounts::sessions::random_token(),
            )),
            title_it: Set(template.title_it.clone()),
            title_en: Set(template.title_en.clone()),
            instructions_it: Set(template.instructions_it.clone()),
            instructions_en: Set(template.instructions_en.clone()),
            time_limit_minutes: Set(template.time_limit_minutes),
            pass_mark: Set(template.pass_mark),
            status: Set(status.as_str().to_owned()),
            expires_at: Set(sent_at + Duration::days(7)),
            started_at: Set((status != OnlineStatus::Sent).then_some(started_at)),
            deadline_at: Set((status != OnlineStatus::Sent).then_some(started_at + limit)),
            submitted_at: Set(answered.then_some(submitted_at)),
            graded_at: Set(graded.then_some(graded_at)),
            passed: Set(graded.then_some(total >= template.pass_mark)),
            sent_by: Set(assessed.hr),
            sent_at: Set(sent_at),
            updated_at: Set(last),
        });
    }
}

/// A candidate's answer to `body`, as good as `strength`, and the typing time in milliseconds.
fn answer(rng: &mut StdRng, body: &QuestionBody, strength: f64) -> (Option<Answer>, u64) {
    let right = rng.gen_bool(strength.clamp(0.05, 0.95));
    match body {
        QuestionBody::SingleChoice { options } | QuestionBody::MultipleChoice { options } => {
            let chosen = (0..options.len()).filter(|&i| options[i].correct == right);
            let chosen = if right {
                chosen.collect()
            } else {
                chosen.take(1).collect()
            };
            (Some(Answer::Choice(chosen)), 0)
        }
        QuestionBody::ShortText => (
            Some(Answer::Text(
                SHORT_ANSWERS[rng.gen_range(0..SHORT_ANSWERS.len())].to_owned(),
            )),
            0,
        ),
        QuestionBody::Typing { text, target_wpm } => {
            let share = rng.gen_range(0.6..=1.0);
            let length = (text.chars().count() as f64 * share) as usize;
            let mut typed: Vec<char> = text.chars().take(length).collect();
            for _ in 0..rng.gen_range(0..4) {
                if !typed.is_empty() {
                    let at = rng.gen_range(0..typed.len());
                    typed[at] = 'x';
                }
            }
            let wpm = f64::from(*target_wpm) * rng.gen_range(0.6..1.3);
            let millis = (typed.len() as f64 * 12_000.0 / wpm.max(1.0)) as u64;
            (
                Some(Answer::Typed(typed.into_iter().collect())),
                millis.max(1),
            )
        }
        QuestionBody::DataEntry { rows, .. } => {
            let copied = rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|value| {
                            if rng.gen_bool(strength.clamp(0.3, 0.98)) {
                                value.clone()
                            } else {
                                String::new()
                            }
                        })
                        .collect()
                })
                .collect();
            (Some(Answer::Table(copied)), 0)
        }
    }
}
