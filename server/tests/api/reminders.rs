//! The daily reminders on chosen days: a certificate expiring reminds its holder and HR once at
//! 90, 60 and 30 days and on its expiry; a job that did not run for weeks sends what applies
//! now, once; someone who turned email off still sees the notification; a mandatory course
//! overdue reminds the employee, their manager and HR; runs at once send each reminder once;
//! and the notifications page marks them read.

use app::model::{EmployeeChange, EmployeeId, EmployeeStatus, JobProfileId, Role};
use app::server::Backend;
use app::server::accounts::throttle::ThrottlePolicy;
use app::server::entities::{
    certification, course_profile, employee, employee_certification, job_profile, notification,
    outbox, reminder,
};
use app::server::files::FileStore;
use app::server::notifications::reminders;
use chrono::{NaiveDate, TimeDelta, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::json;

use crate::helpers::{Browser, TestApp};

fn backend(app: &TestApp) -> Backend {
    Backend {
        db: app.db.clone(),
        files: FileStore::new(app.data_dir().join("files")),
        sessions: Default::default(),
        throttle: ThrottlePolicy::default(),
        public_url: "http://percorso.example".to_owned(),
        clock: Default::default(),
        tasks: Default::default(),
    }
}

async fn employee_of(app: &TestApp, who: &Browser) -> employee::Model {
    app.employee_of(who).await
}

/// A verified anti-money-laundering certificate of `who`'s expiring on `expires_on`.
pub(crate) async fn certificate(app: &TestApp, who: &Browser, expires_on: NaiveDate) -> i32 {
    let aml = certification::Entity::find()
        .filter(certification::Column::Code.eq("anti-money-laundering"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    employee_certification::ActiveModel {
        employee_id: Set(employee_of(app, who).await.id),
        certification_id: Set(aml.id),
        issued_on: Set(expires_on - TimeDelta::days(365)),
        expires_on: Set(Some(expires_on)),
        status: Set("verified".to_owned()),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    aml.id
}

async fn notifications_of(app: &TestApp, who: &Browser) -> Vec<notification::Model> {
    notification::Entity::find()
        .filter(notification::Column::UserId.eq(who.user_id.unwrap().0))
        .all(&app.db)
        .await
        .unwrap()
}

async fn letters_to(app: &TestApp, who: &Browser) -> Vec<outbox::Model> {
    outbox::Entity::find()
        .filter(outbox::Column::ToAddress.eq(who.email.as_str()))
        .all(&app.db)
        .await
        .unwrap()
}

fn on(day: &str) -> NaiveDate {
    day.parse().unwrap()
}

#[tokio::test]
async fn an_expiring_certificate_reminds_its_holder_and_hr_once_at_each_threshold() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let worker = app.signed_in(Role::Employee).await;
    certificate(&app, &worker, on("2027-06-30")).await;
    let backend = backend(&app);

    assert_eq!(
        reminders::run(&backend, on("2027-03-01")).await.unwrap(),
        0,
        "121 days: nothing yet"
    );
    assert_eq!(
        reminders::run(&backend, on("2027-04-05")).await.unwrap(),
        2,
        "90 days: holder and HR"
    );
    assert_eq!(
        reminders::run(&backend, on("2027-04-05")).await.unwrap(),
        0,
        "the same day again"
    );
    assert_eq!(
        reminders::run(&backend, on("2027-04-20")).await.unwrap(),
        0,
        "still the 90-day one"
    );
    assert_eq!(
        reminders::run(&backend, on("2027-05-01")).await.unwrap(),
        2,
        "60 days"
    );
    assert_eq!(
        reminders::run(&backend, on("2027-06-10")).await.unwrap(),
        2,
        "30 days"
    );
    assert_eq!(
        reminders::run(&backend, on("2027-06-30")).await.unwrap(),
        0,
        "the last valid day"
    );
    assert_eq!(
        reminders::run(&backend, on("2027-07-01")).await.unwrap(),
        2,
        "expired"
    );
    assert_eq!(
        reminders::run(&backend, on("2027-08-01")).await.unwrap(),
        0,
        "expired once"
    );

    let mine = notifications_of(&app, &worker).await;
    assert_eq!(mine.len(), 4);
    assert!(
        mine.iter().any(|n| n.title_en.contains("expired on")),
        "{mine:?}"
    );
    assert!(
        mine.iter()
            .all(|n| n.link == "/training#certifications-heading")
    );
    let theirs = notifications_of(&app, &hr).await;
    assert_eq!(theirs.len(), 4);
    let record = employee_of(&app, &worker).await.id;
    assert!(
        theirs
            .iter()
            .all(|n| n.link == format!("/employees/{record}#certifications-heading"))
    );
    let letters = letters_to(&app, &worker).await;
    assert_eq!(letters.len(), 4, "each reminder by email too");
    assert!(
        letters[0].body.contains("http://percorso.example/training"),
        "{}",
        letters[0].body
    );
}

#[tokio::test]
async fn a_job_that_did_not_run_for_weeks_sends_what_applies_now_once() {
    let app = TestApp::spawn().await;
    let worker = app.signed_in(Role::Employee).await;
    certificate(&app, &worker, on("2027-06-30")).await;
    let backend = backend(&app);
    // Off since before the 90-day warning; back 20 days before the expiry.
    assert_eq!(reminders::run(&backend, on("2027-06-10")).await.unwrap(), 1);
    assert_eq!(reminders::run(&backend, on("2027-06-11")).await.unwrap(), 0);
    let sent = reminder::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0].threshold, "30",
        "the 30-day reminder, not the ones missed"
    );
    // Back only long after the expiry: that is not news any more.
    let late = app.signed_in(Role::Employee).await;
    certificate(&app, &late, on("2027-01-31")).await;
    assert_eq!(reminders::run(&backend, on("2027-03-15")).await.unwrap(), 0);
}

#[tokio::test]
async fn someone_who_turned_email_off_still_sees_the_reminder_in_the_app() {
    let app = TestApp::spawn().await;
    let worker = app.signed_in(Role::Employee).await;
    certificate(&app, &worker, on("2027-06-30")).await;
    let response = worker
        .client
        .post(app.url("/notifications"))
        .header("accept", "text/html")
        .form(&[("intent", "email")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    reminders::run(&backend(&app), on("2027-06-01"))
        .await
        .unwrap();
    assert_eq!(notifications_of(&app, &worker).await.len(), 1);
    assert!(letters_to(&app, &worker).await.is_empty(), "no email");
    let inbox = worker.call("my_notifications", json!({})).await;
    assert_eq!(inbox.body["email_reminders"], false);
    assert_eq!(inbox.body["unread"], 1);
}

#[tokio::test]
async fn a_mandatory_course_overdue_reminds_the_employee_their_manager_and_hr() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let manager = app.signed_in(Role::Interviewer).await;
    let worker = app.signed_in(Role::Employee).await;
    let agent = job_profile::Entity::find()
        .filter(job_profile::Column::TitleEn.eq("Contact-centre agent"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let record = employee_of(&app, &worker).await.id;
    app::server::employees::records::update(
        &app.db,
        EmployeeId(record),
        EmployeeChange {
            profile: Some(JobProfileId(agent)),
            department: "Contact centre".into(),
            location: "Padova".into(),
            manager: Some(EmployeeId(employee_of(&app, &manager).await.id)),
            start_date: Some(on("2027-01-04")),
            status: EmployeeStatus::Active,
        },
    )
    .await
    .unwrap();
    let backend = backend(&app);
    assert_eq!(
        reminders::run(&backend, on("2027-03-01")).await.unwrap(),
        0,
        "within 90 days of the start"
    );
    let mandatory = course_profile::Entity::find()
        .filter(course_profile::Column::ProfileId.eq(agent))
        .count(&app.db)
        .await
        .unwrap();
    let sent = reminders::run(&backend, on("2027-04-10")).await.unwrap();
    assert_eq!(
        u64::from(sent),
        3 * mandatory,
        "each mandatory course to three people"
    );
    for who in [&worker, &manager, &hr] {
        let told = notifications_of(&app, who).await;
        assert!(
            told.iter()
                .any(|n| n.title_en.contains("CRM and ticketing tools")
                    && n.title_en.contains("was due by")),
            "{}: {told:?}",
            who.email
        );
    }
    assert_eq!(reminders::run(&backend, on("2027-04-11")).await.unwrap(), 0);
}

#[tokio::test]
async fn runs_at_once_send_each_reminder_once() {
    let app = TestApp::spawn().await;
    let _hr = app.signed_in(Role::Hr).await;
    let worker = app.signed_in(Role::Employee).await;
    certificate(&app, &worker, on("2027-06-30")).await;
    let backend = backend(&app);
    let runs = (0..4).map(|_| reminders::run(&backend, on("2027-06-20")));
    let sent: u32 = futures::future::join_all(runs)
        .await
        .into_iter()
        .map(|r| r.expect("each run ends well"))
        .sum();
    assert_eq!(sent, 2);
    assert_eq!(reminder::Entity::find().count(&app.db).await.unwrap(), 2);
    assert_eq!(
        notification::Entity::find().count(&app.db).await.unwrap(),
        2
    );
}

#[tokio::test]
async fn the_notifications_page_marks_one_or_all_read_and_never_someone_elses() {
    let app = TestApp::spawn().await;
    let hr = app.signed_in(Role::Hr).await;
    let worker = app.signed_in(Role::Employee).await;
    certificate(&app, &worker, on("2027-06-30")).await;
    let backend = backend(&app);
    reminders::run(&backend, on("2027-04-05")).await.unwrap();
    reminders::run(&backend, on("2027-05-05")).await.unwrap();
    let (status, page) = worker.page("/notifications").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Anti-money laundering") || page.contains("Antiriciclaggio"));
    let mine = notifications_of(&app, &worker).await;
    let post = |who: &Browser, fields: Vec<(&'static str, String)>| {
        let request = who
            .client
            .post(app.url("/notifications"))
            .header("accept", "text/html")
            .form(&fields);
        async move { request.send().await.unwrap().status() }
    };
    let theirs = notifications_of(&app, &hr).await[0].id.to_string();
    assert_eq!(
        post(&worker, vec![("intent", "read".into()), ("id", theirs)]).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(
            &worker,
            vec![("intent", "read".into()), ("id", mine[0].id.to_string())]
        )
        .await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        worker.call("my_notifications", json!({})).await.body["unread"],
        1
    );
    assert_eq!(
        post(&worker, vec![("intent", "read_all".into())]).await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        worker.call("my_notifications", json!({})).await.body["unread"],
        0
    );
    assert_eq!(
        hr.call("my_notifications", json!({})).await.body["unread"],
        2,
        "HR's untouched"
    );
    assert_eq!(
        post(&app.anonymous(), vec![("intent", "read_all".into())]).await,
        StatusCode::SEE_OTHER,
        "a visitor is sent to sign in"
    );
}

/// Adds a notification for `user`, read or not.
async fn notify(app: &TestApp, user: i32, read: bool) {
    notification::ActiveModel {
        user_id: Set(user),
        title_it: Set("Promemoria".into()),
        title_en: Set("Reminder".into()),
        link: Set("/training".into()),
        created_at: Set(Utc::now()),
        read_at: Set(read.then(Utc::now)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

/// The count the header's bell shows on `page`, or `None` when it shows none.
fn bell_count(page: &str) -> Option<String> {
    let bell = &page[page.find(r#"id="bell""#)?..];
    let bell = &bell[..bell.find("</a>")?];
    let count = &bell[bell.find(r#"class="count""#)?..];
    let count = &count[count.find('>')? + 1..];
    Some(count[..count.find('<')?].to_owned())
}

#[tokio::test]
async fn the_header_bell_counts_the_reader_s_own_unread_notifications_on_every_page() {
    let app = TestApp::spawn().await;
    let reader = app.signed_in(Role::Employee).await;
    let other = app.signed_in(Role::Hr).await;
    let reader_id = reader.user_id.unwrap().0;
    notify(&app, reader_id, false).await;
    notify(&app, reader_id, false).await;
    notify(&app, reader_id, true).await;
    notify(&app, other.user_id.unwrap().0, false).await;

    for path in ["/", "/training", "/account"] {
        let (status, page) = reader.page(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(page.contains(r#"id="bell""#), "{path}");
        assert_eq!(bell_count(&page).as_deref(), Some("2"), "{path}");
    }
    let (_, page) = other.page("/candidates").await;
    assert_eq!(bell_count(&page).as_deref(), Some("1"));
    let answer = reader.call("unread_notifications", json!({})).await;
    assert_eq!(answer.body, json!(2));

    // Once read, the bell shows no count; a visitor has no bell and no count to ask for.
    notification::Entity::update_many()
        .col_expr(
            notification::Column::ReadAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(notification::Column::UserId.eq(reader_id))
        .exec(&app.db)
        .await
        .unwrap();
    let (_, page) = reader.page("/").await;
    assert!(page.contains(r#"id="bell""#));
    assert_eq!(bell_count(&page), None);
    let visitor = app.anonymous();
    let (_, page) = visitor.page("/careers").await;
    assert!(!page.contains(r#"id="bell""#));
    let refused = visitor.call("unread_notifications", json!({})).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
}
