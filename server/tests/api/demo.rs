//! The demo data: accounts for every role and a pipeline with something at every stage, loaded
//! only into an empty database.

use app::model::{CandidateFilter, Stage};
use app::server::{demo, recruitment::candidates, recruitment::reports};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::helpers::TestApp;

#[tokio::test]
async fn the_demo_loads_candidates_at_every_stage_once() {
    let app = TestApp::spawn().await;
    assert!(demo::seed_if_empty(&app.db).await.unwrap());
    assert!(!demo::seed_if_empty(&app.db).await.unwrap(), "loaded twice");

    let list = candidates::list(&app.db, &CandidateFilter::default(), 0)
        .await
        .unwrap();
    assert_eq!(list.total, app::model::Total::Exactly(10));
    let stages: std::collections::BTreeSet<Stage> =
        list.items.iter().filter_map(|c| c.latest_stage).collect();
    assert_eq!(stages.len(), Stage::ALL.len(), "{stages:?}");
    let openings = app::server::entities::opening::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(openings, 3);
    let sources = reports::sources(&app.db, None).await.unwrap();
    assert!(
        sources
            .iter()
            .any(|s| s.source == "job_board" && s.detail == "InfoJobs")
    );
}

#[tokio::test]
async fn the_demo_interviewer_finds_interviews_in_every_state() {
    use app::model::ScoringState;
    use app::server::accounts::auth::CurrentUser;
    use app::server::entities::user;
    use sea_orm::{ColumnTrait, QueryFilter};

    let app = TestApp::spawn().await;
    demo::seed_if_empty(&app.db).await.unwrap();
    let marco = user::Entity::find()
        .filter(user::Column::Email.eq(demo::DEMO_LOGINS[2].email))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let me = CurrentUser {
        id: app::model::UserId(marco.id),
        name: marco.name,
        email: marco.email,
        role: app::model::Role::Interviewer,
        language: None,
        time_zone: marco.time_zone,
        session_id: 0,
    };
    let agenda = app::server::interviews::views::mine(&app.db, &me)
        .await
        .unwrap();
    let states: std::collections::BTreeSet<String> = agenda
        .to_score
        .iter()
        .chain(&agenda.upcoming)
        .chain(&agenda.done)
        .filter_map(|i| i.mine.map(|s| format!("{s:?}")))
        .collect();
    for state in [
        ScoringState::ToScore,
        ScoringState::Draft,
        ScoringState::Submitted,
        ScoringState::Overdue,
        ScoringState::Cancelled,
    ] {
        assert!(
            states.contains(&format!("{state:?}")),
            "{state:?} in {states:?}"
        );
    }
    assert!(!agenda.upcoming.is_empty());
    let scored = agenda
        .done
        .iter()
        .find(|i| i.mine == Some(ScoringState::Submitted))
        .unwrap();
    let detail = app::server::interviews::views::detail(&app.db, &me, scored.id)
        .await
        .unwrap();
    let comparison = detail
        .comparison
        .expect("both submitted: the comparison shows");
    assert_eq!(comparison.raters.len(), 2);
    assert!(
        comparison.competencies.iter().any(|c| c.disagreement),
        "a point to settle at the debrief"
    );
}

#[tokio::test]
async fn the_demo_has_practical_tests_to_grade_overdue_passed_and_failed() {
    use app::server::entities::practical_test;

    let app = TestApp::spawn().await;
    demo::seed_if_empty(&app.db).await.unwrap();
    let tests = practical_test::Entity::find().all(&app.db).await.unwrap();
    let today = chrono::Utc::now().date_naive();
    let waiting = |overdue: bool| {
        tests
            .iter()
            .any(|t| t.status == "assigned" && (t.due_on < today) == overdue)
    };
    assert!(waiting(false), "one to grade");
    assert!(waiting(true), "one overdue");
    assert!(tests.iter().any(|t| t.passed == Some(true)), "one passed");
    assert!(tests.iter().any(|t| t.passed == Some(false)), "one failed");
    let started: Vec<_> = tests.iter().filter(|t| t.started_at.is_some()).collect();
    assert_eq!(started.len(), 1, "one started, its link mailed");
    assert!(started[0].link_token_hash.is_some());
}

#[tokio::test]
async fn the_demo_catalogue_has_sessions_to_come() {
    let app = TestApp::spawn().await;
    demo::seed_if_empty(&app.db).await.unwrap();
    let courses =
        app::server::training::catalogue::list(&app.db, chrono::Utc::now(), "Europe/Rome", false)
            .await
            .unwrap();
    let planned = courses.iter().filter(|c| c.next_session.is_some()).count();
    assert!(planned >= 3, "{planned} courses with a session to come");
}

#[tokio::test]
async fn the_demo_has_online_tests_at_every_status() {
    use app::server::entities::online_test;

    let app = TestApp::spawn().await;
    demo::seed_if_empty(&app.db).await.unwrap();
    let tests = online_test::Entity::find().all(&app.db).await.unwrap();
    for status in ["sent", "started", "submitted", "graded"] {
        assert!(tests.iter().any(|t| t.status == status), "{status}");
    }
    assert!(tests.iter().any(|t| t.passed == Some(true)), "one passed");
    assert!(tests.iter().any(|t| t.passed == Some(false)), "one failed");
}

#[tokio::test]
async fn the_demo_staff_have_records_with_a_manager_and_the_hired_candidate_is_an_employee() {
    use app::model::EmployeeFilter;
    use app::server::employees::directory;
    use app::server::entities::{employee, user};
    use sea_orm::{ColumnTrait, QueryFilter};

    let app = TestApp::spawn().await;
    demo::seed_if_empty(&app.db).await.unwrap();
    let everyone = directory::list(&app.db, &EmployeeFilter::default(), 0)
        .await
        .unwrap();
    assert_eq!(
        everyone.total,
        app::model::Total::Exactly(8),
        "four accounts, three colleagues and the hire"
    );
    let luca = everyone
        .items
        .iter()
        .find(|e| e.email == demo::DEMO_LOGINS[3].email)
        .expect("the demo employee");
    assert!(luca.profile.is_some() && luca.start_date.is_some());
    assert_eq!(
        luca.manager.as_ref().map(|m| m.name.as_str()),
        Some("Marco Bianchi")
    );
    let hired = employee::Entity::find()
        .filter(employee::Column::CandidateId.is_not_null())
        .find_also_related(user::Entity)
        .one(&app.db)
        .await
        .unwrap()
        .expect("the demo's hire");
    assert_eq!(hired.1.unwrap().email, "alessandro.greco@example.it");
}
