//! Synthetic staff for benchmarks: the employees (the hired candidates first, then colleagues
//! who never applied, one in twenty of them a team manager), each with an account, a job
//! profile, a department, competency levels, years of course records, certificates with
//! their renewals, and notifications.

use chrono::{DateTime, Duration, Months, NaiveDate, Utc};
use rand::Rng;
use rand::rngs::StdRng;
use sea_orm::Set;

use super::starter::{Profile, Starter};
use super::take;
use super::vocabulary::{FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, SURNAMES};
use crate::model::{EmployeeStatus, LevelSource, RecordStatus, Review, Role, Verification};
use crate::server::entities::{
    course, course_record, employee, employee_certification, employee_competency, notification,
    user,
};

/// Training people log themselves: title, provider, kind.
const LOGGED: [(&str, &str, &str); 12] = [
    (
        "Excel avanzato: tabelle pivot",
        "Formazione Digitale srl",
        "elearning",
    ),
    (
        "Gestione del cliente difficile",
        "Academy Servizi",
        "seminar",
    ),
    ("Inglese commerciale B2", "British Institute", "external"),
    (
        "Antiriciclaggio: aggiornamento annuale",
        "ABI Formazione",
        "elearning",
    ),
    (
        "Comunicazione efficace al telefono",
        "Academy Servizi",
        "seminar",
    ),
    (
        "Fatturazione elettronica",
        "Ordine dei Commercialisti",
        "external",
    ),
    ("Protocollo informatico e conservazione", "ANAI", "external"),
    ("Business writing", "Coursera", "elearning"),
    (
        "Primo soccorso aziendale: aggiornamento",
        "Croce Rossa Italiana",
        "external",
    ),
    ("Lavorare per obiettivi", "Academy Servizi", "seminar"),
    (
        "Tecniche di vendita allo sportello",
        "ABI Formazione",
        "seminar",
    ),
    (
        "Privacy e GDPR per il front office",
        "Garante Academy",
        "elearning",
    ),
];

/// What the app tells people: Italian, English, where it leads.
const NOTICES: [(&str, &str, &str); 6] = [
    (
        "La tua richiesta di formazione è stata approvata",
        "Your training request was approved",
        "/training",
    ),
    (
        "Certificazione in scadenza tra 30 giorni",
        "A certification expires in 30 days",
        "/training",
    ),
    (
        "Nuovo corso obbligatorio assegnato",
        "A new mandatory course was assigned",
        "/training",
    ),
    (
        "Il tuo certificato è stato verificato",
        "Your certificate was verified",
        "/training",
    ),
    (
        "Iscrizione confermata alla sessione",
        "Your place in the session is confirmed",
        "/training",
    ),
    (
        "Formazione registrata: in attesa di approvazione",
        "Training logged: waiting for approval",
        "/training",
    ),
];

/// A candidate who was hired, to become an employee.
#[derive(Debug, Clone)]
pub struct Hire {
    pub candidate: i32,
    pub application: i32,
    pub name: String,
    pub email: String,
    pub profile: i32,
    pub location: &'static str,
    pub hired_at: DateTime<Utc>,
}

/// The ids the next rows of each table get.
#[derive(Debug, Clone, Copy, Default)]
pub struct StaffIds {
    pub user: i32,
    pub employee: i32,
    pub record: i32,
    pub certificate: i32,
    pub notification: i32,
}

/// The rows of some employees.
#[derive(Default)]
pub struct Staff {
    pub users: Vec<user::ActiveModel>,
    pub employees: Vec<employee::ActiveModel>,
    pub competencies: Vec<employee_competency::ActiveModel>,
    pub records: Vec<course_record::ActiveModel>,
    pub certificates: Vec<employee_certification::ActiveModel>,
    pub notifications: Vec<notification::ActiveModel>,
}

/// Who someone new on the staff is.
pub struct Newcomer<'a> {
    pub name: String,
    pub email: String,
    pub profile: &'a Profile,
    pub location: &'static str,
    pub start: DateTime<Utc>,
    /// Their team's manager (an employee id), none for a manager.
    pub manager: Option<i32>,
    /// The candidate and application they were hired from.
    pub hired: Option<(i32, i32)>,
}

/// The department of the staff of a job profile.
pub fn department(profile_code: &str) -> &'static str {
    match profile_code {
        "hotel-receptionist" => "Accoglienza",
        "bank-teller" => "Sportello",
        "contact-centre-agent" => "Contact center",
        "clinic-front-desk" => "Accettazione",
        "tax-practice-front-desk" | "urp-officer" => "Relazioni con il pubblico",
        "accounting-clerk" => "Contabilità",
        "archivist-records-clerk" => "Archivio",
        _ => "Amministrazione",
    }
}

/// A name and an email for colleague `serial`, who never applied.
pub fn colleague(rng: &mut StdRng, serial: i32) -> (String, String) {
    let first = if rng.gen_bool(0.6) {
        FIRST_NAMES_FEMALE[rng.gen_range(0..FIRST_NAMES_FEMALE.len())]
    } else {
        FIRST_NAMES_MALE[rng.gen_range(0..FIRST_NAMES_MALE.len())]
    };
    let surname = SURNAMES[rng.gen_range(0..SURNAMES.len())];
    let plain = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphabetic)
            .collect::<String>()
            .to_lowercase()
    };
    (
        format!("{first} {surname}"),
        format!(
            "{}.{}.{serial}@staff.percorso.test",
            plain(first),
            plain(surname)
        ),
    )
}

/// A random time in `from..to`.
fn between(rng: &mut StdRng, from: DateTime<Utc>, to: DateTime<Utc>) -> DateTime<Utc> {
    let span = (to - from).num_minutes().max(1);
    from + Duration::minutes(rng.gen_range(0..span))
}

fn months_after(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months)).unwrap_or(day)
}

impl Staff {
    /// Adds `who` to the staff; answers their employee id.
    #[allow(clippy::too_many_arguments)]
    pub fn add(
        &mut self,
        rng: &mut StdRng,
        ids: &mut StaffIds,
        starter: &Starter,
        who: Newcomer,
        password_hash: &str,
        hr: i32,
        now: DateTime<Utc>,
    ) -> i32 {
        let user_id = take(&mut ids.user);
        let employee_id = take(&mut ids.employee);
        let status = match rng.gen_range(0..100) {
            0..90 => EmployeeStatus::Active,
            90..94 => EmployeeStatus::OnLeave,
            _ => EmployeeStatus::Left,
        };
        self.users.push(user::ActiveModel {
            id: Set(user_id),
            email: Set(who.email),
            name: Set(who.name),
            role: Set(Role::Employee.as_str().to_owned()),
            password_hash: Set(password_hash.to_owned()),
            language: Set(Some("it".to_owned())),
            time_zone: Set("Europe/Rome".to_owned()),
            active: Set(status != EmployeeStatus::Left),
            created_at: Set(who.start),
            updated_at: Set(who.start),
            worklist_seen_at: Set(None),
            email_reminders: Set(rng.gen_bool(0.5)),
        });
        self.employees.push(employee::ActiveModel {
            id: Set(employee_id),
            user_id: Set(user_id),
            candidate_id: Set(who.hired.map(|(c, _)| c)),
            profile_id: Set(Some(who.profile.id)),
            department: Set(department(&who.profile.code).to_owned()),
            location: Set(who.location.to_owned()),
            manager_id: Set(who.manager),
            start_date: Set(Some(who.start.date_naive())),
            status: Set(status.as_str().to_owned()),
            created_at: Set(who.start),
            updated_at: Set(who.start),
        });
        for (competency, required) in &who.profile.requirements {
            let level = (i32::from(*required) + rng.gen_range(-2..=1)).clamp(1, 5);
            let (source, source_id) = match who.hired {
                Some((_, application)) if rng.gen_bool(0.7) => {
                    (LevelSource::Assessment, Some(application))
                }
                _ => (LevelSource::Course, None),
            };
            self.competencies.push(employee_competency::ActiveModel {
                employee_id: Set(employee_id),
                competency_id: Set(*competency),
                level: Set(level),
                source: Set(source.as_str().to_owned()),
                source_id: Set(source_id),
                updated_at: Set(who.start),
            });
        }
        let employee = (employee_id, user_id);
        self.training(rng, ids, starter, who.profile, employee, who.start, hr, now);
        self.certified(
            rng,
            ids,
            starter,
            who.profile,
            employee_id,
            who.start,
            hr,
            now,
        );
        for _ in 0..rng.gen_range(5..36) {
            let (title_it, title_en, link) = NOTICES[rng.gen_range(0..NOTICES.len())];
            let created_at = between(rng, now - Duration::days(180), now);
            self.notifications.push(notification::ActiveModel {
                id: Set(take(&mut ids.notification)),
                user_id: Set(user_id),
                title_it: Set(title_it.to_owned()),
                title_en: Set(title_en.to_owned()),
                link: Set(link.to_owned()),
                created_at: Set(created_at),
                read_at: Set((created_at < now - Duration::days(7) && rng.gen_bool(0.85))
                    .then(|| created_at + Duration::hours(rng.gen_range(1..72)))),
            });
        }
        employee_id
    }

    /// Course records from `start` to `now`: the profile's mandatory courses on arrival and at
    /// every renewal, then twenty-odd a year (many short e-learning modules), catalogue and logged.
    #[allow(clippy::too_many_arguments)]
    fn training(
        &mut self,
        rng: &mut StdRng,
        ids: &mut StaffIds,
        starter: &Starter,
        profile: &Profile,
        (employee_id, user_id): (i32, i32),
        start: DateTime<Utc>,
        hr: i32,
        now: DateTime<Utc>,
    ) {
        let today = now.date_naive();
        for &index in &profile.courses {
            let found = &starter.courses[index];
            let mut on = start.date_naive() + Duration::days(rng.gen_range(1..30));
            let mut induction = true;
            while on <= today {
                self.catalogue_record(rng, ids, found, employee_id, on, induction, now);
                induction = false;
                let Some(months) = found
                    .validity_months
                    .and_then(|m| u32::try_from(m).ok())
                    .filter(|m| *m > 0)
                else {
                    break;
                };
                // Renewed a little before it lapses, or now and then a little late.
                let early = rng.gen_range(-20..40);
                on = months_after(on, months) - Duration::days(early);
            }
        }
        let years = (now - start).num_days() as f64 / 365.25;
        let count = (years * rng.gen_range(16.0..30.0)).round() as usize;
        for _ in 0..count {
            let at = between(rng, start, now);
            let recent = at > now - Duration::days(90);
            if !starter.courses.is_empty() && rng.gen_bool(0.4) {
                let found = &starter.courses[rng.gen_range(0..starter.courses.len())];
                if recent && rng.gen_bool(0.5) {
                    self.open_record(rng, ids, found, (employee_id, user_id), at, hr);
                } else {
                    self.catalogue_record(
                        rng,
                        ids,
                        found,
                        employee_id,
                        at.date_naive(),
                        false,
                        now,
                    );
                }
            } else {
                self.logged_record(rng, ids, (employee_id, user_id), at, hr, now);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn catalogue_record(
        &mut self,
        rng: &mut StdRng,
        ids: &mut StaffIds,
        found: &course::Model,
        employee_id: i32,
        on: NaiveDate,
        induction: bool,
        now: DateTime<Utc>,
    ) {
        let status = match rng.gen_range(0..100) {
            0..3 => RecordStatus::Failed,
            3..6 => RecordStatus::Cancelled,
            _ => RecordStatus::Completed,
        };
        let at = on
            .and_hms_opt(17, 0, 0)
            .map_or(now, |t| t.and_utc())
            .min(now);
        let created = at - Duration::days(rng.gen_range(7..60));
        self.records.push(course_record::ActiveModel {
            id: Set(take(&mut ids.record)),
            employee_id: Set(employee_id),
            course_id: Set(Some(found.id)),
            session_id: Set(None),
            title: Set(String::new()),
            provider: Set(found.provider.clone()),
            kind: Set(found.kind.clone()),
            hours: Set(found.hours),
            status: Set(status.as_str().to_owned()),
            review: Set(Review::None.as_str().to_owned()),
            review_reason: Set(None),
            induction: Set(induction),
            score: Set(status
                .is_done()
                .then(|| rng.gen_range(40..101))
                .filter(|_| rng.gen_bool(0.5))),
            completed_on: Set(status.is_done().then_some(on)),
            certificate_name: Set(None),
            certificate_stored: Set(None),
            certificate_type: Set(None),
            requested_by: Set(None),
            decided_by: Set(None),
            decided_at: Set(None),
            created_at: Set(created),
            updated_at: Set(at),
        });
    }

    /// A catalogue course still under way: asked for, waiting, planned, enrolled, started.
    fn open_record(
        &mut self,
        rng: &mut StdRng,
        ids: &mut StaffIds,
        found: &course::Model,
        (employee_id, user_id): (i32, i32),
        at: DateTime<Utc>,
        hr: i32,
    ) {
        let status = [
            RecordStatus::Requested,
            RecordStatus::Waiting,
            RecordStatus::Planned,
            RecordStatus::Enrolled,
            RecordStatus::InProgress,
        ][rng.gen_range(0..5)];
        let asked = status == RecordStatus::Requested || rng.gen_bool(0.3);
        let decided = status != RecordStatus::Requested;
        self.records.push(course_record::ActiveModel {
            id: Set(take(&mut ids.record)),
            employee_id: Set(employee_id),
            course_id: Set(Some(found.id)),
            session_id: Set(None),
            title: Set(String::new()),
            provider: Set(found.provider.clone()),
            kind: Set(found.kind.clone()),
            hours: Set(found.hours),
            status: Set(status.as_str().to_owned()),
            review: Set(Review::None.as_str().to_owned()),
            review_reason: Set(None),
            induction: Set(false),
            score: Set(None),
            completed_on: Set(None),
            certificate_name: Set(None),
            certificate_stored: Set(None),
            certificate_type: Set(None),
            requested_by: Set(asked.then_some(user_id)),
            decided_by: Set((asked && decided).then_some(hr)),
            decided_at: Set((asked && decided).then(|| at + Duration::days(1))),
            created_at: Set(at),
            updated_at: Set(at),
        });
    }

    /// Training the employee logged, with HR's review.
    fn logged_record(
        &mut self,
        rng: &mut StdRng,
        ids: &mut StaffIds,
        (employee_id, user_id): (i32, i32),
        at: DateTime<Utc>,
        hr: i32,
        now: DateTime<Utc>,
    ) {
        let (title, provider, kind) = LOGGED[rng.gen_range(0..LOGGED.len())];
        let review = match rng.gen_range(0..100) {
            _ if at > now - Duration::days(20) => Review::Pending,
            0..4 => Review::Rejected,
            4..6 => Review::Pending,
            _ => Review::Approved,
        };
        let decided = matches!(review, Review::Approved | Review::Rejected);
        self.records.push(course_record::ActiveModel {
            id: Set(take(&mut ids.record)),
            employee_id: Set(employee_id),
            course_id: Set(None),
            session_id: Set(None),
            title: Set(title.to_owned()),
            provider: Set(provider.to_owned()),
            kind: Set(kind.to_owned()),
            hours: Set(rng.gen_range(1..25)),
            status: Set(RecordStatus::Completed.as_str().to_owned()),
            review: Set(review.as_str().to_owned()),
            review_reason: Set((review == Review::Rejected)
                .then(|| "Il certificato non riporta le ore svolte.".to_owned())),
            induction: Set(false),
            score: Set(None),
            completed_on: Set(Some(at.date_naive())),
            certificate_name: Set(None),
            certificate_stored: Set(None),
            certificate_type: Set(None),
            requested_by: Set(Some(user_id)),
            decided_by: Set(decided.then_some(hr)),
            decided_at: Set(decided.then(|| (at + Duration::days(3)).min(now))),
            created_at: Set(at),
            updated_at: Set(at),
        });
    }

    /// Certificates: the profile's required ones, renewed while they last (a few lapse), and
    /// one or two others; most verified, some waiting for HR, a few rejected.
    #[allow(clippy::too_many_arguments)]
    fn certified(
        &mut self,
        rng: &mut StdRng,
        ids: &mut StaffIds,
        starter: &Starter,
        profile: &Profile,
        employee_id: i32,
        start: DateTime<Utc>,
        hr: i32,
        now: DateTime<Utc>,
    ) {
        if starter.certifications.is_empty() {
            return;
        }
        let today = now.date_naive();
        let mut held: Vec<usize> = profile.certifications.clone();
        for _ in 0..rng.gen_range(2..5) {
            held.push(rng.gen_range(0..starter.certifications.len()));
        }
        held.sort_unstable();
        held.dedup();
        for index in held {
            if rng.gen_bool(0.08) {
                continue; // never obtained: missing
            }
            let found = &starter.certifications[index];
            let validity = found
                .validity_months
                .and_then(|m| u32::try_from(m).ok())
                .filter(|m| *m > 0);
            let mut issued = (start - Duration::days(rng.gen_range(-60..400))).date_naive();
            loop {
                let expires = validity.map(|m| months_after(issued, m));
                let renewed = expires.filter(|e| *e <= today + Duration::days(30));
                let lapses = renewed.is_some() && rng.gen_bool(0.12);
                let status = match rng.gen_range(0..100) {
                    _ if renewed.is_some() && !lapses => Verification::Verified,
                    0..8 => Verification::Pending,
                    8..12 => Verification::Rejected,
                    _ => Verification::Verified,
                };
                let added = issued
                    .and_hms_opt(10, 0, 0)
                    .map_or(now, |t| t.and_utc())
                    .min(now);
                let id = take(&mut ids.certificate);
                let decided = status != Verification::Pending;
                self.certificates.push(employee_certification::ActiveModel {
                    id: Set(id),
                    employee_id: Set(employee_id),
                    certification_id: Set(found.id),
                    credential_id: Set(rng.gen_bool(0.7).then(|| format!("CRT-{id:07}"))),
                    issued_on: Set(issued),
                    expires_on: Set(expires),
                    document_name: Set(None),
                    document_stored: Set(None),
                    document_type: Set(None),
                    status: Set(status.as_str().to_owned()),
                    reason: Set((status == Verification::Rejected)
                        .then(|| "Il documento non è leggibile.".to_owned())),
                    added_by: Set(None),
                    verified_by: Set(decided.then_some(hr)),
                    verified_at: Set(decided.then(|| added + Duration::days(2))),
                    created_at: Set(added),
                    updated_at: Set(added),
                });
                match renewed {
                    Some(expires) if !lapses => {
                        issued = expires - Duration::days(rng.gen_range(0..30));
                        if issued > today {
                            break;
                        }
                    }
                    _ => break,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    #[test]
    fn a_colleague_gets_a_staff_address_made_unique_by_their_serial() {
        let mut rng = StdRng::seed_from_u64(3);
        let (name, email) = colleague(&mut rng, 42);
        assert!(name.contains(' '));
        assert!(email.ends_with(".42@staff.percorso.test"), "{email}");
    }
}
