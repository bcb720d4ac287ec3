//! `seed-bench` at a small scale: the assessments follow each application's stage history,
//! the hired candidates join the staff, and the services behind the list pages read the
//! result.

use std::collections::{HashMap, HashSet};

use app::model::{EmployeeStatus, LedgerQuery, RecordStatus, Role, Stage, UserId, Verification};
use app::server::accounts::auth::CurrentUser;
use app::server::bench_data::{self, SeedOptions};
use app::server::certifications::compliance;
use app::server::entities::{
    application, course_record, employee, employee_certification, interview, interview_interviewer,
    job_profile, notification, online_test, online_test_item, opening, practical_test,
    practical_test_criterion, profile_requirement, scorecard, scorecard_rating, stage_event, user,
};
use app::server::files::FileStore;
use app::server::interviews::views;
use app::server::notifications::inbox;
use app::server::training::ledger;
use chrono::Utc;
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::helpers::{TestApp, counting};

#[tokio::test]
async fn seed_bench_makes_assessments_and_staff_that_follow_the_candidates_histories() {
    let app = TestApp::spawn().await;
    let db = &app.db;
    let files = FileStore::new(app.data_dir().join("files"));
    let options = SeedOptions {
        candidates: 400,
        employees: Some(60),
        force: false,
    };
    let seeded = bench_data::seed(db, &files, options, |_| {})
        .await
        .expect("seeded");

    // What it says it made is what is there.
    let interviews = interview::Entity::find().all(db).await.unwrap();
    let cards = scorecard::Entity::find().all(db).await.unwrap();
    assert_eq!(interviews.len() as u64, seeded.interviews);
    assert_eq!(cards.len() as u64, seeded.scorecards);
    assert_eq!(
        scorecard_rating::Entity::find().count(db).await.unwrap(),
        seeded.ratings
    );
    assert!(seeded.interviews > 40, "{seeded:?}");
    assert!(seeded.scorecards > seeded.interviews, "{seeded:?}");
    assert!(
        seeded.practical_tests > 0 && seeded.online_tests > 0,
        "{seeded:?}"
    );

    // Interviews happen only to applications that got to screening or beyond.
    let reached: HashMap<i32, HashSet<String>> = stage_event::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .fold(HashMap::new(), |mut by, e| {
            by.entry(e.application_id).or_default().insert(e.to_stage);
            by
        });
    for found in &interviews {
        let stages = &reached[&found.application_id];
        assert!(
            stages.contains(Stage::Screening.as_str()),
            "interview {} of an application never screened",
            found.id
        );
    }
    // Each scorecard is by someone on the interview's panel, and a submitted one rates every
    // competency the job profile requires.
    let seats: HashSet<(i32, i32)> = interview_interviewer::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| (s.interview_id, s.user_id))
        .collect();
    let applications: HashMap<i32, application::Model> = application::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let openings: HashMap<i32, i32> = opening::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|o| (o.id, o.profile_id))
        .collect();
    let mut required: HashMap<i32, usize> = HashMap::new();
    for r in profile_requirement::Entity::find().all(db).await.unwrap() {
        *required.entry(r.profile_id).or_default() += 1;
    }
    let mut rated: HashMap<i32, usize> = HashMap::new();
    for r in scorecard_rating::Entity::find().all(db).await.unwrap() {
        if r.rating.is_some() {
            *rated.entry(r.scorecard_id).or_default() += 1;
        }
    }
    let by_id: HashMap<i32, &interview::Model> = interviews.iter().map(|i| (i.id, i)).collect();
    let mut submitted = 0;
    for card in &cards {
        let found = by_id[&card.interview_id];
        assert!(seats.contains(&(found.id, card.interviewer_id)));
        assert!(
            found.ends_at < Utc::now(),
            "no scorecard before the interview"
        );
        if card.submitted_at.is_some() {
            submitted += 1;
            let profile = openings[&applications[&found.application_id].opening_id];
            assert_eq!(rated.get(&card.id).copied(), Some(required[&profile]));
            assert!(card.recommendation.is_some());
        }
    }
    assert!(
        submitted * 10 > cards.len() * 8,
        "most scorecards are submitted"
    );

    // A graded test passed exactly when its points reach the pass mark.
    let mut points: HashMap<i32, i32> = HashMap::new();
    for c in practical_test_criterion::Entity::find()
        .all(db)
        .await
        .unwrap()
    {
        *points.entry(c.test_id).or_default() += c.points.unwrap_or(0);
    }
    for test in practical_test::Entity::find().all(db).await.unwrap() {
        if let Some(passed) = test.passed {
            assert_eq!(passed, points[&test.id] >= test.pass_mark, "{test:?}");
        }
    }
    let mut awarded: HashMap<i32, i32> = HashMap::new();
    for item in online_test_item::Entity::find().all(db).await.unwrap() {
        *awarded.entry(item.test_id).or_default() += item.awarded.unwrap_or(0);
    }
    for test in online_test::Entity::find().all(db).await.unwrap() {
        if let Some(passed) = test.passed {
            assert_eq!(passed, awarded[&test.id] >= test.pass_mark, "{test:?}");
        }
    }

    // The staff: the hired candidates first, managers in every team, an account each (the
    // HR account made to own the openings has its own record too).
    let accounts: HashMap<i32, user::Model> = user::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let staff: Vec<employee::Model> = employee::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| accounts[&e.user_id].role == Role::Employee.as_str())
        .collect();
    assert_eq!(staff.len(), 60);
    let hired: HashSet<i32> = applications
        .values()
        .filter(|a| a.stage == Stage::Hired.as_str())
        .map(|a| a.candidate_id)
        .collect();
    let joined: HashSet<i32> = staff.iter().filter_map(|e| e.candidate_id).collect();
    assert!(!joined.is_empty());
    assert!(joined.is_subset(&hired));
    assert_eq!(
        joined.len(),
        hired.len().min(57),
        "every hire joins while there is room"
    );
    let managers: HashMap<i32, &employee::Model> = staff
        .iter()
        .filter(|e| e.manager_id.is_none())
        .map(|e| (e.id, e))
        .collect();
    assert_eq!(managers.len(), 3);
    for e in &staff {
        if let Some(manager) = e.manager_id {
            assert!(managers.contains_key(&manager));
        }
    }
    for e in &staff {
        let account = &accounts[&e.user_id];
        assert_eq!(account.role, Role::Employee.as_str());
        assert_eq!(account.active, e.status != EmployeeStatus::Left.as_str());
    }

    // Years of training in every status, and certificates in every state.
    let records = course_record::Entity::find().all(db).await.unwrap();
    assert_eq!(records.len() as u64, seeded.course_records);
    assert!(records.len() > 60 * 20, "{} records", records.len());
    let statuses: HashSet<&str> = records.iter().map(|r| r.status.as_str()).collect();
    for status in RecordStatus::ALL {
        assert!(statuses.contains(status.as_str()), "no {status:?} record");
    }
    let certificates = employee_certification::Entity::find()
        .all(db)
        .await
        .unwrap();
    assert_eq!(certificates.len() as u64, seeded.certificates);
    for state in [
        Verification::Pending,
        Verification::Verified,
        Verification::Rejected,
    ] {
        assert!(certificates.iter().any(|c| c.status == state.as_str()));
    }
    let today = Utc::now().date_naive();
    assert!(
        certificates
            .iter()
            .any(|c| c.expires_on.is_some_and(|d| d < today))
    );
    assert!(
        certificates
            .iter()
            .any(|c| c.expires_on.is_some_and(|d| d >= today))
    );
    assert_eq!(
        notification::Entity::find().count(db).await.unwrap(),
        seeded.notifications
    );

    // What the list pages read works on it.
    let interviewer = interview_interviewer::Entity::find()
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .user_id;
    let account = &accounts[&interviewer];
    let viewer = CurrentUser {
        id: UserId(interviewer),
        name: account.name.clone(),
        email: account.email.clone(),
        role: Role::Interviewer,
        language: None,
        time_zone: account.time_zone.clone(),
        session_id: 0,
    };
    let agenda = views::mine(db, &viewer).await.unwrap();
    assert!(agenda.to_score.len() + agenda.upcoming.len() + agenda.done.len() > 0);
    let matrix = compliance::matrix(db, &Default::default(), today)
        .await
        .unwrap();
    let staying = staff
        .iter()
        .filter(|e| e.status != EmployeeStatus::Left.as_str())
        .count();
    assert_eq!(matrix.total_rows as usize, staying);
    assert_eq!(matrix.rows.len(), staying.min(50));
    crate::helpers::assert_compliance_agrees(db).await;
    // The comparison's stored fit and levels are what the seeded evidence gives.
    crate::assessment_scores::assert_scores_current(db).await;
    let hours = ledger::ledger(db, &LedgerQuery::default(), today)
        .await
        .unwrap();
    assert!(!hours.rows.is_empty());
    let reader = staff[10].user_id;
    let inbox = inbox::of(db, UserId(reader)).await.unwrap();
    assert!(!inbox.items.is_empty());
    assert!(job_profile::Entity::find().count(db).await.unwrap() > 0);
}

#[tokio::test]
async fn the_ledger_pages_fifty_employees_whose_totals_match_their_records_in_three_statements() {
    use std::sync::atomic::Ordering;

    use app::model::{LEDGER_ROWS_PER_PAGE, LedgerRows};
    use chrono::Datelike;

    let app = TestApp::spawn().await;
    let db = &app.db;
    let files = FileStore::new(app.data_dir().join("files"));
    let options = SeedOptions {
        candidates: 0,
        employees: Some(70),
        force: false,
    };
    bench_data::seed(db, &files, options, |_| {}).await.unwrap();
    let today = Utc::now().date_naive();
    // What each employee's counted hours this year are, from the records themselves.
    let mut expected: HashMap<i32, u32> = HashMap::new();
    for r in course_record::Entity::find().all(db).await.unwrap() {
        let counted = r.status == RecordStatus::Completed.as_str()
            && (r.review == "none" || r.review == "approved")
            && r.completed_on.is_some_and(|d| d.year() == today.year());
        if counted {
            *expected.entry(r.employee_id).or_default() += r.hours as u32;
        }
    }
    let (counted, statements) = counting(db);
    let first = ledger::ledger(&counted, &LedgerQuery::default(), today)
        .await
        .unwrap();
    assert_eq!(first.rows.len() as u64, LEDGER_ROWS_PER_PAGE);
    assert_eq!(statements.load(Ordering::SeqCst), 3);
    let second = ledger::ledger(
        db,
        &LedgerQuery {
            page: 1,
            ..LedgerQuery::default()
        },
        today,
    )
    .await
    .unwrap();
    assert_eq!(
        (first.rows.len() + second.rows.len()) as u64,
        first.total_rows
    );
    assert!(first.total_rows > LEDGER_ROWS_PER_PAGE);
    let names: Vec<&String> = first.rows.iter().map(|r| &r.label).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "by name");
    for row in first.rows.iter().chain(&second.rows) {
        let id = row.employee.unwrap().0;
        assert_eq!(
            row.total,
            expected.get(&id).copied().unwrap_or(0),
            "employee {id}"
        );
    }

    let (counted, statements) = counting(db);
    let departments = ledger::ledger(
        &counted,
        &LedgerQuery {
            rows: LedgerRows::Department,
            ..LedgerQuery::default()
        },
        today,
    )
    .await
    .unwrap();
    assert_eq!(statements.load(Ordering::SeqCst), 2);
    let everyone: u32 = departments.rows.iter().map(|r| r.total).sum();
    let staying: u32 = first.rows.iter().chain(&second.rows).map(|r| r.total).sum();
    assert_eq!(everyone, staying, "the departments add up to the people");
}
