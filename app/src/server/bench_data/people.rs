//! One synthetic candidate drawn from a seeded random generator: who they are, their working
//! life, and the applications they make, with each application's stage history.

use chrono::{DateTime, Datelike, Duration, Utc};
use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::vocabulary::{
    ACHIEVEMENTS, AVAILABILITY, Bilingual, CERTIFICATES, CITIES, COVER_LETTERS, EMAIL_DOMAINS,
    FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, HIGH_SCHOOLS, INTERESTS, LANGUAGE_LEVELS, LANGUAGES,
    OBJECTIVES, OFFICE_SOFTWARE, PROFILE_CLOSINGS, PROFILE_OPENINGS, QUALIFICATIONS,
    REJECTION_REASONS, ROLES, RoleWords, SURNAMES, TRANSVERSAL_SKILLS, Title, UNIVERSITIES,
    WITHDRAWAL_REASONS,
};
use crate::model::Stage;

/// How far back applications go.
const HISTORY_DAYS: i64 = 730;

/// A job in a CV, newest first.
#[derive(Debug, Clone)]
pub struct Job {
    pub title: Title,
    pub employer: &'static str,
    pub city: &'static str,
    /// Year and month it started.
    pub start: (i32, u32),
    /// Year and month it ended; `None` while it goes on.
    pub end: Option<(i32, u32)>,
    pub duties: Vec<Bilingual>,
    /// Something achieved there, with its number.
    pub achievement: Option<(Bilingual, u32)>,
}

/// A stage change in an application's history.
#[derive(Debug, Clone)]
pub struct Move {
    pub from: Option<Stage>,
    pub to: Stage,
    pub reason: Option<&'static str>,
    /// Moved by HR (else by the candidate applying on the careers page).
    pub by_hr: bool,
    pub at: DateTime<Utc>,
}

/// An application to one of the benchmark's openings.
#[derive(Debug, Clone)]
pub struct PlannedApplication {
    /// Index into the openings the person was drawn against.
    pub opening: usize,
    pub source: &'static str,
    /// Which job board, for applications from one.
    pub source_detail: Option<&'static str>,
    pub cover_letter: &'static str,
    /// From `applied` to the current stage, in order.
    pub moves: Vec<Move>,
}

impl PlannedApplication {
    pub fn applied_at(&self) -> DateTime<Utc> {
        self.moves.first().map_or_else(Utc::now, |m| m.at)
    }

    pub fn last_move(&self) -> Option<&Move> {
        self.moves.last()
    }
}

/// Everything about a synthetic candidate.
#[derive(Debug, Clone)]
pub struct Person {
    pub first_name: &'static str,
    pub surname: &'static str,
    pub female: bool,
    pub city: &'static str,
    pub birth_year: i32,
    pub email: String,
    pub phone: String,
    /// Their CV is in English (else Italian).
    pub english: bool,
    pub role: &'static RoleWords,
    pub jobs: Vec<Job>,
    pub qualification: Bilingual,
    pub school: &'static str,
    pub graduated: i32,
    pub software: Vec<&'static str>,
    pub skills: Vec<Bilingual>,
    /// Foreign languages and their level.
    pub languages: Vec<(Bilingual, &'static str)>,
    pub certificates: Vec<&'static str>,
    pub interests: Vec<Bilingual>,
    pub profile_opening: Bilingual,
    pub profile_closing: Bilingual,
    pub availability: Bilingual,
    pub objective: Bilingual,
    pub talent_pool: bool,
    pub applications: Vec<PlannedApplication>,
}

impl Person {
    pub fn name(&self) -> String {
        format!("{} {}", self.first_name, self.surname)
    }

    /// Italian or English, as the CV is written.
    pub fn say(&self, words: Bilingual) -> &'static str {
        if self.english { words.1 } else { words.0 }
    }

    /// A job title in the CV's language, for this person.
    pub fn title(&self, title: Title) -> &'static str {
        match (self.english, self.female) {
            (true, _) => title.2,
            (false, true) => title.1,
            (false, false) => title.0,
        }
    }

    /// Whole years worked, over all jobs.
    pub fn years_of_experience(&self, today: (i32, u32)) -> i32 {
        let months: i32 = self
            .jobs
            .iter()
            .map(|job| months_between(job.start, job.end.unwrap_or(today)))
            .sum();
        months / 12
    }

    /// The education field of the application form.
    pub fn education(&self) -> String {
        format!(
            "{}, {} ({})",
            self.say(self.qualification),
            self.school,
            self.graduated
        )
    }

    /// The experience field of the application form: the latest job, in a line.
    pub fn experience(&self, today: (i32, u32)) -> String {
        let years = self.years_of_experience(today);
        match self.jobs.first() {
            None if self.english => "First job".to_owned(),
            None => "Prima esperienza lavorativa".to_owned(),
            Some(job) if self.english => format!(
                "{years} years of experience; latest: {} at {}",
                self.title(job.title),
                job.employer
            ),
            Some(job) => format!(
                "{years} anni di esperienza; ultimo ruolo: {} presso {}",
                self.title(job.title),
                job.employer
            ),
        }
    }
}

fn months_between(start: (i32, u32), end: (i32, u32)) -> i32 {
    ((end.0 - start.0) * 12 + end.1 as i32 - start.1 as i32).max(1)
}

/// An opening candidates can apply to, as the generator needs it.
#[derive(Debug, Clone, Copy)]
pub struct OpeningChoice {
    pub profile_code: &'static str,
    pub back_office: bool,
}

/// Draws a person with serial number `serial` (which makes their email unique), applying to
/// one to three of `openings` (at least one).
pub fn draw(
    rng: &mut StdRng,
    serial: i64,
    openings: &[OpeningChoice],
    now: DateTime<Utc>,
) -> Person {
    let female = rng.gen_bool(0.62);
    let first_name = if female {
        pick(rng, &FIRST_NAMES_FEMALE)
    } else {
        pick(rng, &FIRST_NAMES_MALE)
    };
    let surname = pick(rng, &SURNAMES);
    let role = pick_ref(rng, &ROLES);
    let today = (now.year(), now.month());
    let birth_year = today.0 - rng.gen_range(20..58);
    let graduated = (birth_year + rng.gen_range(19..27)).min(today.0);
    let jobs = working_life(rng, role, graduated, today);
    let english = rng.gen_bool(0.3);
    let qualification = pick(rng, &QUALIFICATIONS);

    let mut software: Vec<&'static str> = some(rng, &OFFICE_SOFTWARE, 2..5);
    software.extend(some(rng, role.software, 1..4));
    let mut languages = vec![(LANGUAGES[0], pick(rng, &LANGUAGE_LEVELS))];
    for _ in 0..rng.gen_range(0..3) {
        let language = pick(rng, &LANGUAGES[1..]);
        if languages.iter().all(|(l, _)| *l != language) {
            languages.push((language, pick(rng, &LANGUAGE_LEVELS[..3])));
        }
    }

    let applications = plan_applications(rng, role, openings, now);
    Person {
        first_name,
        surname,
        female,
        city: pick(rng, &CITIES),
        birth_year,
        email: email(rng, first_name, surname, serial),
        phone: format!(
            "+39 3{}{} {:03} {:04}",
            rng.gen_range(2..10),
            rng.gen_range(0..10),
            rng.gen_range(0..1000),
            rng.gen_range(0..10000)
        ),
        english,
        role,
        jobs,
        qualification,
        school: if qualification.0.starts_with("Diploma") {
            pick(rng, &HIGH_SCHOOLS)
        } else {
            pick(rng, &UNIVERSITIES)
        },
        graduated,
        software,
        skills: some(rng, &TRANSVERSAL_SKILLS, 3..6),
        languages,
        certificates: some(rng, &CERTIFICATES, 0..3),
        interests: some(rng, &INTERESTS, 2..4),
        profile_opening: pick(rng, &PROFILE_OPENINGS),
        profile_closing: pick(rng, &PROFILE_CLOSINGS),
        availability: pick(rng, &AVAILABILITY),
        objective: pick(rng, &OBJECTIVES),
        talent_pool: rng.gen_bool(0.3),
        applications,
    }
}

fn pick<T: Copy>(rng: &mut StdRng, items: &[T]) -> T {
    items[rng.gen_range(0..items.len())]
}

/// A few distinct items, how many drawn from `count`.
fn some<T: Copy>(rng: &mut StdRng, items: &[T], count: std::ops::Range<usize>) -> Vec<T> {
    let count = rng.gen_range(count);
    items.choose_multiple(rng, count).copied().collect()
}

fn pick_ref<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    &items[rng.gen_range(0..items.len())]
}

/// `nome.cognome123@dominio`, in one of the shapes people use.
fn email(rng: &mut StdRng, first_name: &str, surname: &str, serial: i64) -> String {
    let plain = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_lowercase()
    };
    let (first, last) = (plain(first_name), plain(surname));
    let initial = first.chars().next().unwrap_or('x');
    let local = match rng.gen_range(0..4) {
        0 => format!("{first}.{last}{serial}"),
        1 => format!("{initial}{last}.{serial}"),
        2 => format!("{last}.{first}{serial}"),
        _ => format!("{first}{last}_{serial}"),
    };
    format!("{local}@{}", pick(rng, &EMAIL_DOMAINS))
}

/// Jobs from after their studies until now, newest first, mostly in their own role.
fn working_life(
    rng: &mut StdRng,
    role: &'static RoleWords,
    graduated: i32,
    today: (i32, u32),
) -> Vec<Job> {
    let mut jobs = Vec::new();
    let mut start = (graduated + rng.gen_range(0..2), rng.gen_range(1..13));
    let count = rng.gen_range(1..6);
    while jobs.len() < count && start < today {
        let length = rng.gen_range(8..72);
        let months = start.0 * 12 + start.1 as i32 - 1 + length;
        let end = (months / 12, (months % 12 + 1) as u32);
        let role = if rng.gen_bool(0.75) {
            role
        } else {
            pick_ref(rng, &ROLES)
        };
        jobs.push(Job {
            title: pick(rng, role.titles),
            employer: pick(rng, role.employers),
            city: pick(rng, &CITIES),
            start,
            end: (end < today).then_some(end),
            duties: some(rng, role.duties, 3..6),
            achievement: rng
                .gen_bool(0.6)
                .then(|| (pick(rng, &ACHIEVEMENTS), rng.gen_range(3..95))),
        });
        let gap = rng.gen_range(0..6);
        let next = end.0 * 12 + end.1 as i32 - 1 + gap;
        start = (next / 12, (next % 12 + 1) as u32);
    }
    jobs.reverse();
    jobs
}

const JOB_BOARDS: [&str; 5] = ["Indeed", "InfoJobs", "LinkedIn", "Monster", "Subito Lavoro"];

const SOURCES: [(&str, u32); 5] = [
    ("careers", 45),
    ("job_board", 25),
    ("referral", 10),
    ("manual", 10),
    ("import", 10),
];

/// Where applications end up, and how often (out of 100).
const OUTCOMES: [(Stage, u32); 8] = [
    (Stage::Applied, 34),
    (Stage::Screening, 18),
    (Stage::Interview, 12),
    (Stage::PracticalTest, 6),
    (Stage::Offer, 3),
    (Stage::Hired, 4),
    (Stage::Rejected, 19),
    (Stage::Withdrawn, 4),
];

/// The pipeline's forward path.
const PATH: [Stage; 6] = [
    Stage::Applied,
    Stage::Screening,
    Stage::Interview,
    Stage::PracticalTest,
    Stage::Offer,
    Stage::Hired,
];

fn weighted<T: Copy>(rng: &mut StdRng, items: &[(T, u32)]) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut roll = rng.gen_range(0..total);
    for (item, weight) in items {
        if roll < *weight {
            return *item;
        }
        roll -= weight;
    }
    items[items.len() - 1].0
}

fn plan_applications(
    rng: &mut StdRng,
    role: &RoleWords,
    openings: &[OpeningChoice],
    now: DateTime<Utc>,
) -> Vec<PlannedApplication> {
    let matching: Vec<usize> = (0..openings.len())
        .filter(|&i| openings[i].profile_code == role.profile_code)
        .collect();
    let first = if matching.is_empty() {
        rng.gen_range(0..openings.len())
    } else {
        pick(rng, &matching)
    };
    let wanted = weighted(rng, &[(1, 55), (2, 30), (3, 15)]).min(openings.len());
    let mut chosen = vec![first];
    while chosen.len() < wanted {
        let candidate = rng.gen_range(0..openings.len());
        let same_area = openings[candidate].back_office == openings[first].back_office;
        if !chosen.contains(&candidate) && (same_area || rng.gen_bool(0.3)) {
            chosen.push(candidate);
        }
    }
    let mut applied_at = now - Duration::minutes(rng.gen_range(0..HISTORY_DAYS * 24 * 60));
    chosen
        .into_iter()
        .map(|opening| {
            let source = weighted(rng, &SOURCES);
            let application = PlannedApplication {
                opening,
                source,
                source_detail: (source == "job_board").then(|| pick(rng, &JOB_BOARDS)),
                cover_letter: if rng.gen_bool(0.4) {
                    pick(rng, &COVER_LETTERS)
                } else {
                    ""
                },
                moves: history(rng, source, applied_at, now),
            };
            let later = rng.gen_range(1..60 * 24 * 60);
            applied_at = (applied_at + Duration::minutes(later)).min(now);
            application
        })
        .collect()
}

/// The moves from `applied` to a drawn outcome, days apart, never after `now`.
fn history(
    rng: &mut StdRng,
    source: &str,
    applied_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Vec<Move> {
    let outcome = weighted(rng, &OUTCOMES);
    let reached = match outcome {
        Stage::Rejected => rng.gen_range(0..4),
        Stage::Withdrawn => rng.gen_range(0..5),
        other => PATH.iter().position(|s| *s == other).unwrap_or(0),
    };
    let mut at = applied_at;
    let mut moves = vec![Move {
        from: None,
        to: Stage::Applied,
        reason: None,
        by_hr: source != "careers",
        at,
    }];
    let mut step = |rng: &mut StdRng, from: Stage, to: Stage, reason| {
        at = (at + Duration::minutes(rng.gen_range(60..14 * 24 * 60))).min(now);
        Move {
            from: Some(from),
            to,
            reason,
            by_hr: true,
            at,
        }
    };
    for pair in PATH[..=reached].windows(2) {
        moves.push(step(rng, pair[0], pair[1], None));
    }
    if matches!(outcome, Stage::Rejected | Stage::Withdrawn) {
        let reason = if outcome == Stage::Rejected {
            pick(rng, &REJECTION_REASONS)
        } else {
            pick(rng, &WITHDRAWAL_REASONS)
        };
        moves.push(step(rng, PATH[reached], outcome, Some(reason)));
    }
    moves
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    fn openings() -> Vec<OpeningChoice> {
        ROLES
            .iter()
            .map(|r| OpeningChoice {
                profile_code: r.profile_code,
                back_office: false,
            })
            .collect()
    }

    #[test]
    fn the_same_seed_draws_the_same_people() {
        let now = Utc::now();
        let a = draw(&mut StdRng::seed_from_u64(7), 1, &openings(), now);
        let b = draw(&mut StdRng::seed_from_u64(7), 1, &openings(), now);
        assert_eq!(a.email, b.email);
        assert_eq!(a.applications.len(), b.applications.len());
    }

    #[test]
    fn every_history_starts_applied_follows_the_pipeline_and_stays_in_the_past() {
        let now = Utc::now();
        let mut rng = StdRng::seed_from_u64(11);
        for serial in 0..2000 {
            let person = draw(&mut rng, serial, &openings(), now);
            assert!((1..=3).contains(&person.applications.len()));
            let mut openings_seen: Vec<usize> =
                person.applications.iter().map(|a| a.opening).collect();
            openings_seen.sort_unstable();
            openings_seen.dedup();
            assert_eq!(openings_seen.len(), person.applications.len());
            for application in &person.applications {
                let moves = &application.moves;
                assert_eq!(moves[0].to, Stage::Applied);
                assert!(moves[0].from.is_none());
                for pair in moves.windows(2) {
                    assert_eq!(pair[1].from, Some(pair[0].to));
                    assert!(pair[0].at <= pair[1].at && pair[1].at <= now);
                }
                let last = application.last_move().unwrap();
                assert_eq!(last.to.needs_reason(), last.reason.is_some());
                assert!(application.applied_at() >= now - Duration::days(HISTORY_DAYS));
            }
        }
    }
}
