//! Interviews through the server functions: scheduling in a time zone with invitations whose
//! calendar entries an independent parser reads back (UID, SEQUENCE, METHOD, UTC times,
//! attendees), moving and cancelling with a reason, clashes warned about, bad input refused
//! with nothing saved, scorecards (drafts, submission lock, amendments), independence between
//! interviewers, HR's comparison, "my interviews", the calendar download, and kits.

use app::model::Role;
use app::server::entities::{
    application, audit_event, interview, opening_interviewer, outbox, user,
};
use ical::parser::ical::component::IcalCalendar;
use reqwest::StatusCode;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use crate::careers::public_opening;
use crate::helpers::{Browser, TestApp};
use crate::intake::{apply_as, candidate_by_email};

struct Fixture {
    app: TestApp,
    hr: Browser,
    /// Two interviewers, not on the opening's hiring team yet.
    a: Browser,
    b: Browser,
    application: i64,
    candidate: i64,
    opening: i64,
}

async fn rename(app: &TestApp, who: &Browser, name: &str) {
    user::Entity::update_many()
        .col_expr(user::Column::Name, Expr::value(name))
        .filter(user::Column::Id.eq(who.user_id.unwrap().0))
        .exec(&app.db)
        .await
        .unwrap();
}

async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    let opening = public_opening(&app, "Bank teller").await;
    apply_as(
        &app,
        opening,
        "Anna Bianchi",
        "anna@example.it",
        "+39 333 111 2222",
        false,
    )
    .await;
    let candidate = candidate_by_email(&app, "anna@example.it").await;
    let application = application::Entity::find()
        .filter(application::Column::CandidateId.eq(candidate as i32))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
        .into();
    let hr = app.signed_in(Role::Hr).await;
    let a = app.signed_in(Role::Interviewer).await;
    let b = app.signed_in(Role::Interviewer).await;
    rename(&app, &a, "Marco Rossi").await;
    rename(&app, &b, "Sara Neri").await;
    // The application's confirmation is not what these tests read.
    outbox::Entity::delete_many().exec(&app.db).await.unwrap();
    Fixture {
        app,
        hr,
        a,
        b,
        application,
        candidate,
        opening,
    }
}

fn id(who: &Browser) -> i64 {
    who.user_id.unwrap().0.into()
}

fn input(f: &Fixture, starts: &str, ends: &str, panel: &[&Browser]) -> Value {
    json!({
        "application_id": f.application,
        "kind": "hr_interview",
        "starts_at": starts,
        "ends_at": ends,
        "time_zone": "Europe/Rome",
        "location": "Sala Verdi",
        "video_link": "",
        "interviewer_ids": panel.iter().map(|b| id(b)).collect::<Vec<_>>(),
    })
}

async fn schedule(f: &Fixture, starts: &str, ends: &str, panel: &[&Browser]) -> i64 {
    let answer =
        f.hr.call(
            "schedule_interview",
            json!({"input": input(f, starts, ends, panel)}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    answer.body["id"].as_i64().unwrap()
}

/// The messages queued since `after`, oldest first.
async fn mail_after(app: &TestApp, after: i32) -> Vec<outbox::Model> {
    outbox::Entity::find()
        .filter(outbox::Column::Id.gt(after))
        .order_by_asc(outbox::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
}

async fn last_mail_id(app: &TestApp) -> i32 {
    outbox::Entity::find()
        .order_by_desc(outbox::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .map_or(0, |m| m.id)
}

/// Parses an .ics with the `ical` crate, which shares no code with the writer.
fn parse(text: &str) -> IcalCalendar {
    ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()))
        .next()
        .expect("a calendar")
        .expect("a calendar that parses")
}

fn value<'a>(properties: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

fn attendees(calendar: &IcalCalendar) -> Vec<String> {
    let mut found: Vec<String> = calendar.events[0]
        .properties
        .iter()
        .filter(|p| p.name == "ATTENDEE")
        .filter_map(|p| p.value.clone())
        .collect();
    found.sort();
    found
}

fn invitation(message: &outbox::Model) -> IcalCalendar {
    parse(
        message
            .attachment
            .as_deref()
            .expect("a calendar attachment"),
    )
}

#[tokio::test]
async fn hr_schedule_an_interview_in_rome_time_stored_in_utc_and_everyone_gets_a_calendar_invitation()
 {
    let f = fixture().await;
    let answer =
        f.hr.call(
            "schedule_interview",
            json!({"input": input(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[&f.a, &f.b])}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let mut added: Vec<String> =
        serde_json::from_value(answer.body["added_to_team"].clone()).unwrap();
    added.sort();
    assert_eq!(
        added,
        vec!["Marco Rossi", "Sara Neri"],
        "they join the team"
    );
    let stored = interview::Entity::find()
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.starts_at.to_rfc3339(), "2030-12-03T09:00:00+00:00");
    assert_eq!(stored.ends_at.to_rfc3339(), "2030-12-03T10:00:00+00:00");
    assert_eq!(stored.time_zone, "Europe/Rome");

    let team = opening_interviewer::Entity::find()
        .filter(opening_interviewer::Column::OpeningId.eq(f.opening as i32))
        .count(&f.app.db)
        .await
        .unwrap();
    assert_eq!(team, 2);
    let seen = f.a.call("get_candidate", json!({"id": f.candidate})).await;
    assert_eq!(
        seen.status,
        StatusCode::OK,
        "now on the team, A reads the candidate"
    );

    let mail = mail_after(&f.app, 0).await;
    let mut to: Vec<&str> = mail.iter().map(|m| m.to_address.as_str()).collect();
    to.sort();
    assert_eq!(to.len(), 3, "the candidate and both interviewers");
    assert!(to.contains(&"anna@example.it"));
    let uid = stored.uid.clone();
    for message in &mail {
        assert_eq!(
            message.attachment_type.as_deref(),
            Some("text/calendar; method=REQUEST; charset=UTF-8")
        );
        let calendar = invitation(message);
        assert_eq!(value(&calendar.properties, "METHOD"), Some("REQUEST"));
        assert_eq!(value(&calendar.properties, "VERSION"), Some("2.0"));
        let event = &calendar.events[0].properties;
        assert_eq!(value(event, "UID"), Some(uid.as_str()));
        assert_eq!(value(event, "SEQUENCE"), Some("0"));
        assert_eq!(value(event, "DTSTART"), Some("20301203T090000Z"), "UTC");
        assert_eq!(value(event, "DTEND"), Some("20301203T100000Z"));
        assert_eq!(value(event, "LOCATION"), Some("Sala Verdi"));
        assert_eq!(attendees(&calendar).len(), 3);
        assert!(attendees(&calendar).contains(&"mailto:anna@example.it".to_owned()));
    }
    let candidate_letter = mail
        .iter()
        .find(|m| m.to_address == "anna@example.it")
        .unwrap();
    assert!(
        candidate_letter
            .body
            .contains("martedì 3 dicembre 2030, 10:00–11:00 (Europe/Rome)"),
        "{}",
        candidate_letter.body
    );
}

#[tokio::test]
async fn moving_an_interview_keeps_its_uid_raises_its_sequence_and_cancels_it_for_whoever_left_the_panel()
 {
    let f = fixture().await;
    let interview = schedule(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[&f.a, &f.b]).await;
    let before = last_mail_id(&f.app).await;
    let uid = interview::Entity::find_by_id(interview as i32)
        .one(&f.app.db)
        .await
        .unwrap()
        .unwrap()
        .uid;

    let no_reason = f
        .hr
        .call(
            "reschedule_interview",
            json!({"id": interview, "input": input(&f, "2030-12-04T15:00", "2030-12-04T16:00", &[&f.a]), "reason": {"reason": " "}}),
        )
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(no_reason.field_error("reason").as_deref(), Some("required"));
    assert_eq!(last_mail_id(&f.app).await, before, "nothing sent");

    let moved = f
        .hr
        .call(
            "reschedule_interview",
            json!({"id": interview, "input": input(&f, "2030-12-04T15:00", "2030-12-04T16:00", &[&f.a]), "reason": {"reason": "La sala è occupata"}}),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{moved:?}");
    let mail = mail_after(&f.app, before).await;
    assert_eq!(
        mail.len(),
        3,
        "A and the candidate get the new time, B a cancellation"
    );
    for message in &mail {
        let calendar = invitation(message);
        let event = &calendar.events[0].properties;
        assert_eq!(value(event, "UID"), Some(uid.as_str()), "the same event");
        assert_eq!(value(event, "SEQUENCE"), Some("1"));
        let method = value(&calendar.properties, "METHOD").unwrap();
        if message.to_address == f.b.email {
            assert_eq!(method, "CANCEL");
        } else {
            assert_eq!(method, "REQUEST");
            assert_eq!(value(event, "DTSTART"), Some("20301204T140000Z"));
        }
    }
    assert!(mail.iter().any(|m| m.body.contains("La sala è occupata")));

    let detail = f.hr.call("get_interview", json!({"id": interview})).await;
    let history = detail.body["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["change"], "rescheduled");
    assert_eq!(history[1]["reason"], "La sala è occupata");
}

#[tokio::test]
async fn cancelling_sends_everyone_a_cancellation_of_the_same_event_and_it_cannot_be_moved_after() {
    let f = fixture().await;
    let interview = schedule(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[&f.a]).await;
    let before = last_mail_id(&f.app).await;
    let cancelled = f
        .hr
        .call(
            "cancel_interview",
            json!({"id": interview, "reason": {"reason": "La candidata ha ritirato la disponibilità"}}),
        )
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{cancelled:?}");
    let mail = mail_after(&f.app, before).await;
    assert_eq!(mail.len(), 2);
    for message in &mail {
        let calendar = invitation(message);
        assert_eq!(value(&calendar.properties, "METHOD"), Some("CANCEL"));
        let event = &calendar.events[0].properties;
        assert_eq!(value(event, "SEQUENCE"), Some("1"));
        assert_eq!(value(event, "STATUS"), Some("CANCELLED"));
    }
    let again = f
        .hr
        .call(
            "reschedule_interview",
            json!({"id": interview, "input": input(&f, "2030-12-04T15:00", "2030-12-04T16:00", &[&f.a]), "reason": {"reason": "x"}}),
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        again.field_error("form").as_deref(),
        Some("interview_cancelled")
    );
}

#[tokio::test]
async fn bad_times_are_refused_on_their_fields_and_nothing_is_saved_or_sent() {
    let f = fixture().await;
    let cases = [
        (
            "2030-12-03T10:00",
            "2030-12-03T09:00",
            "Europe/Rome",
            "ends_at",
            "ends_before_start",
        ),
        (
            "2030-12-03T08:00",
            "2030-12-03T16:01",
            "Europe/Rome",
            "ends_at",
            "interview_too_long",
        ),
        (
            "2030-12-03T10:00",
            "2030-12-03T11:00",
            "Mars/Base",
            "time_zone",
            "time_zone",
        ),
        (
            "03/12/2030 10:00",
            "2030-12-03T11:00",
            "Europe/Rome",
            "starts_at",
            "date_time",
        ),
        (
            "2030-03-31T02:30",
            "2030-03-31T04:00",
            "Europe/Rome",
            "starts_at",
            "no_such_time",
        ),
    ];
    for (starts, ends, zone, field, code) in cases {
        let mut body = input(&f, starts, ends, &[&f.a]);
        body["time_zone"] = json!(zone);
        let answer =
            f.hr.call("schedule_interview", json!({"input": body}))
                .await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{starts} {ends} {zone}"
        );
        assert_eq!(
            answer.field_error(field).as_deref(),
            Some(code),
            "{answer:?}"
        );
    }
    let mut no_panel = input(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[]);
    no_panel["video_link"] = json!("http://insecure.example.com");
    let answer =
        f.hr.call("schedule_interview", json!({"input": no_panel}))
            .await;
    assert_eq!(
        answer.field_error("interviewer_ids").as_deref(),
        Some("no_interviewers")
    );
    assert_eq!(
        answer.field_error("video_link").as_deref(),
        Some("https_link")
    );

    assert_eq!(interview::Entity::find().count(&f.app.db).await.unwrap(), 0);
    assert_eq!(outbox::Entity::find().count(&f.app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn a_rejected_application_and_a_deactivated_or_non_interviewing_account_are_refused() {
    let f = fixture().await;
    user::Entity::update_many()
        .col_expr(user::Column::Active, Expr::value(false))
        .filter(user::Column::Id.eq(id(&f.b) as i32))
        .exec(&f.app.db)
        .await
        .unwrap();
    let inactive =
        f.hr.call(
            "schedule_interview",
            json!({"input": input(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[&f.a, &f.b])}),
        )
        .await;
    assert_eq!(
        inactive.field_error("interviewer_ids").as_deref(),
        Some("interviewer_inactive")
    );
    let employee = f.app.signed_in(Role::Employee).await;
    let not_interviewer =
        f.hr.call(
            "schedule_interview",
            json!({"input": input(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[&employee])}),
        )
        .await;
    assert_eq!(
        not_interviewer.field_error("interviewer_ids").as_deref(),
        Some("not_an_interviewer")
    );

    let rejected = f
        .hr
        .call(
            "move_application",
            json!({"id": f.application, "input": {"to": "rejected", "reason": "Profilo non in linea"}}),
        )
        .await;
    assert_eq!(rejected.status, StatusCode::OK, "{rejected:?}");
    let closed =
        f.hr.call(
            "schedule_interview",
            json!({"input": input(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[&f.a])}),
        )
        .await;
    assert_eq!(closed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        closed.field_error("form").as_deref(),
        Some("application_closed")
    );
    assert_eq!(interview::Entity::find().count(&f.app.db).await.unwrap(), 0);
    let mut elsewhere = input(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[&f.a]);
    elsewhere["application_id"] = json!(999_999);
    let missing =
        f.hr.call("schedule_interview", json!({"input": elsewhere}))
            .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_clash_with_a_panelist_s_other_interview_or_the_same_room_is_warned_about_not_refused() {
    let f = fixture().await;
    schedule(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[&f.a]).await;
    let answer =
        f.hr.call(
            "schedule_interview",
            json!({"input": input(&f, "2030-12-03T10:30", "2030-12-03T11:30", &[&f.a, &f.b])}),
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let warnings = answer.body["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert_eq!(warnings[0]["InterviewerBusy"]["name"], "Marco Rossi");
    assert_eq!(
        warnings[0]["InterviewerBusy"]["other"]["starts"],
        "2030-12-03T10:00:00"
    );
    assert_eq!(warnings[1]["PlaceBooked"]["place"], "Sala Verdi");
    let later =
        f.hr.call(
            "schedule_interview",
            json!({"input": input(&f, "2030-12-03T11:30", "2030-12-03T12:00", &[&f.a])}),
        )
        .await;
    assert_eq!(
        later.body["warnings"],
        json!([]),
        "back to back is no clash"
    );
    assert_eq!(interview::Entity::find().count(&f.app.db).await.unwrap(), 3);
}

fn card(competencies: &[(i64, Option<u8>)], recommendation: Option<&str>) -> Value {
    json!({
        "ratings": competencies.iter().map(|(id, rating)| json!({"competency_id": id, "rating": rating, "evidence": "Ha risposto con esempi concreti."})).collect::<Vec<_>>(),
        "recommendation": recommendation,
        "summary": "Colloquio positivo.",
    })
}

/// The rating a scorecard's content gives competency `id`.
fn rating(content: &Value, id: i64) -> Value {
    content["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["competency_id"] == id)
        .map_or(Value::Null, |r| r["rating"].clone())
}

/// The interview's kit competencies' ids, heaviest first.
async fn kit_competencies(who: &Browser, interview: i64) -> Vec<i64> {
    let detail = who.call("get_interview", json!({"id": interview})).await;
    assert_eq!(detail.status, StatusCode::OK, "{detail:?}");
    detail.body["kit"]["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn a_draft_comes_back_submitting_locks_it_and_an_amendment_keeps_the_original_and_is_audited()
{
    let f = fixture().await;
    let interview = schedule(&f, "2021-03-02T10:00", "2021-03-02T11:00", &[&f.a]).await;
    let kit = kit_competencies(&f.a, interview).await;
    assert!(kit.len() >= 3);

    let draft =
        f.a.call(
            "save_scorecard_draft",
            json!({"id": interview, "input": card(&[(kit[0], Some(3))], None)}),
        )
        .await;
    assert_eq!(draft.status, StatusCode::OK, "{draft:?}");

    // A scorecard for an interview still to come can be prepared, not submitted.
    let coming = schedule(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[&f.a]).await;
    let prepared =
        f.a.call(
            "save_scorecard_draft",
            json!({"id": coming, "input": card(&[(kit[0], None)], None)}),
        )
        .await;
    assert_eq!(prepared.status, StatusCode::OK, "{prepared:?}");
    let early =
        f.a.call(
            "submit_scorecard",
            json!({"id": coming, "input": card(&[(kit[0], Some(3))], Some("yes"))}),
        )
        .await;
    assert_eq!(
        early.field_error("form").as_deref(),
        Some("interview_not_started")
    );
    let detail = f.a.call("get_interview", json!({"id": coming})).await;
    let ratings = &detail.body["my_scorecard"]["content"]["ratings"];
    assert_eq!(
        ratings.as_array().unwrap().len(),
        1,
        "\"not assessed\" is kept as chosen"
    );
    assert_eq!(ratings[0]["rating"], json!(null));
    let draft = f
        .a
        .call(
            "save_scorecard_draft",
            json!({"id": interview, "input": card(&[(kit[0], Some(4)), (kit[1], None)], Some("yes"))}),
        )
        .await;
    assert_eq!(draft.status, StatusCode::OK);
    let detail = f.a.call("get_interview", json!({"id": interview})).await;
    let mine = &detail.body["my_scorecard"];
    assert_eq!(rating(&mine["content"], kit[0]), json!(4));
    assert_eq!(
        rating(&mine["content"], kit[1]),
        json!(null),
        "not assessed"
    );
    assert!(mine["submitted_at"].is_null());

    let out_of_range =
        f.a.call(
            "save_scorecard_draft",
            json!({"id": interview, "input": card(&[(kit[0], Some(6))], None)}),
        )
        .await;
    assert_eq!(
        out_of_range.field_error("ratings.0.rating").as_deref(),
        Some("rating_range")
    );
    let no_recommendation =
        f.a.call(
            "submit_scorecard",
            json!({"id": interview, "input": card(&[(kit[0], Some(4))], None)}),
        )
        .await;
    assert_eq!(
        no_recommendation.field_error("recommendation").as_deref(),
        Some("required")
    );

    let submitted =
        f.a.call(
            "submit_scorecard",
            json!({"id": interview, "input": card(&[(kit[0], Some(4))], Some("yes"))}),
        )
        .await;
    assert_eq!(submitted.status, StatusCode::OK, "{submitted:?}");
    for endpoint in ["save_scorecard_draft", "submit_scorecard"] {
        let locked =
            f.a.call(
                endpoint,
                json!({"id": interview, "input": card(&[(kit[0], Some(1))], Some("no"))}),
            )
            .await;
        assert_eq!(
            locked.field_error("form").as_deref(),
            Some("scorecard_submitted"),
            "{endpoint}"
        );
    }
    let unreasoned = f
        .a
        .call(
            "amend_scorecard",
            json!({"id": interview, "input": {"scorecard": card(&[(kit[0], Some(2))], Some("no")), "reason": ""}}),
        )
        .await;
    assert_eq!(
        unreasoned.field_error("reason").as_deref(),
        Some("required")
    );
    let amended = f
        .a
        .call(
            "amend_scorecard",
            json!({"id": interview, "input": {"scorecard": card(&[(kit[0], Some(2))], Some("no")), "reason": "Rivisti gli appunti"}}),
        )
        .await;
    assert_eq!(amended.status, StatusCode::OK, "{amended:?}");
    let detail = f.a.call("get_interview", json!({"id": interview})).await;
    let mine = &detail.body["my_scorecard"];
    assert_eq!(mine["content"]["ratings"][0]["rating"], 2);
    assert_eq!(mine["content"]["recommendation"], "no");
    assert_eq!(mine["amendments"][0]["reason"], "Rivisti gli appunti");
    assert_eq!(mine["amendments"][0]["before"]["ratings"][0]["rating"], 4);
    assert_eq!(mine["amendments"][0]["before"]["recommendation"], "yes");
    let audited = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("scorecard_amended"))
        .count(&f.app.db)
        .await
        .unwrap();
    assert_eq!(audited, 1);
}

#[tokio::test]
async fn an_interviewer_sees_the_others_scorecards_only_after_submitting_theirs_and_hr_always() {
    let f = fixture().await;
    let interview = schedule(&f, "2021-03-02T10:00", "2021-03-02T11:00", &[&f.a, &f.b]).await;
    let kit = kit_competencies(&f.a, interview).await;
    let b_card = card(&[(kit[0], Some(4)), (kit[1], Some(3))], Some("strong_yes"));
    f.b.call(
        "submit_scorecard",
        json!({"id": interview, "input": b_card}),
    )
    .await;
    f.a.call(
        "save_scorecard_draft",
        json!({"id": interview, "input": card(&[(kit[0], Some(2))], None)}),
    )
    .await;

    let before = f.a.call("get_interview", json!({"id": interview})).await;
    assert!(
        before.body["others"].is_null(),
        "hidden until A submits: {:?}",
        before.body["others"]
    );
    assert!(before.body["comparison"].is_null());
    let comparison =
        f.a.call("application_comparison", json!({"id": f.application}))
            .await;
    assert_eq!(
        comparison.status,
        StatusCode::FORBIDDEN,
        "refused by the service too"
    );

    let hr = f.hr.call("get_interview", json!({"id": interview})).await;
    let others = hr.body["others"].as_array().unwrap();
    assert_eq!(others.len(), 2, "HR see B's and A's draft");
    assert_eq!(hr.body["can_manage"], true);

    f.a.call(
        "submit_scorecard",
        json!({"id": interview, "input": card(&[(kit[0], Some(2)), (kit[1], Some(3))], Some("no"))}),
    )
    .await;
    let after = f.a.call("get_interview", json!({"id": interview})).await;
    let others = after.body["others"].as_array().unwrap();
    assert_eq!(others.len(), 1);
    assert_eq!(others[0]["interviewer_name"], "Sara Neri");
    assert_eq!(others[0]["content"]["recommendation"], "strong_yes");

    let comparison =
        f.hr.call("application_comparison", json!({"id": f.application}))
            .await;
    assert_eq!(comparison.status, StatusCode::OK, "{comparison:?}");
    let raters: Vec<&str> = comparison.body["raters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["recommendation"].as_str().unwrap())
        .collect();
    assert_eq!(
        raters,
        vec!["strong_yes", "no"],
        "in the order they submitted"
    );
    let rows = comparison.body["competencies"].as_array().unwrap();
    let first = rows.iter().find(|r| r["id"] == kit[0]).unwrap();
    assert_eq!(first["ratings"], json!([4, 2]));
    assert_eq!(first["mean_tenths"], 30);
    assert_eq!(first["spread"], 2);
    assert_eq!(first["disagreement"], true);
    assert!(first["required_level"].as_u64().unwrap() >= 1);
    let second = rows.iter().find(|r| r["id"] == kit[1]).unwrap();
    assert_eq!(second["disagreement"], false);
    let unrated = rows.iter().find(|r| r["id"] == kit[2]).unwrap();
    assert_eq!(unrated["ratings"], json!([null, null]));
    assert!(unrated["mean_tenths"].is_null());
}

#[tokio::test]
async fn interviewers_read_and_score_only_their_own_interviews() {
    let f = fixture().await;
    let interview = schedule(&f, "2021-03-02T10:00", "2021-03-02T11:00", &[&f.a]).await;
    let kit = kit_competencies(&f.a, interview).await;
    let attempts = [
        ("get_interview", json!({"id": interview})),
        (
            "save_scorecard_draft",
            json!({"id": interview, "input": card(&[(kit[0], Some(3))], None)}),
        ),
        (
            "submit_scorecard",
            json!({"id": interview, "input": card(&[(kit[0], Some(3))], Some("yes"))}),
        ),
        ("application_comparison", json!({"id": f.application})),
    ];
    for (endpoint, body) in &attempts {
        let answer = f.b.call(endpoint, body.clone()).await;
        assert_eq!(
            answer.status,
            StatusCode::FORBIDDEN,
            "B on {endpoint}: {answer:?}"
        );
    }
    // HR read every interview but write no scorecard of someone else's panel.
    let hr_writes =
        f.hr.call(
            "save_scorecard_draft",
            json!({"id": interview, "input": card(&[(kit[0], Some(3))], None)}),
        )
        .await;
    assert_eq!(hr_writes.status, StatusCode::FORBIDDEN);
    let missing = f.a.call("get_interview", json!({"id": 999_999})).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let foreign =
        f.a.call(
            "save_scorecard_draft",
            json!({"id": interview, "input": card(&[(999_999, Some(3))], None)}),
        )
        .await;
    assert_eq!(
        foreign.field_error("ratings.0.competency_id").as_deref(),
        Some("not_in_profile")
    );
    let employee = f.app.signed_in(Role::Employee).await;
    let answer = employee.call("my_interviews", json!({})).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    let mine = f.b.call("my_interviews", json!({})).await;
    assert_eq!(mine.body["upcoming"], json!([]), "B sits on none");
}

#[tokio::test]
async fn my_interviews_puts_what_is_to_score_first_overdue_at_the_top_then_upcoming_then_done() {
    let f = fixture().await;
    let yesterday_ish = (chrono::Utc::now() - chrono::TimeDelta::hours(3))
        .with_timezone(&chrono_tz::Europe::Rome)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let ended = (chrono::Utc::now() - chrono::TimeDelta::hours(2))
        .with_timezone(&chrono_tz::Europe::Rome)
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let recent = schedule(&f, &yesterday_ish, &ended, &[&f.a]).await;
    let overdue = schedule(&f, "2020-01-10T10:00", "2020-01-10T11:00", &[&f.a]).await;
    let upcoming = schedule(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[&f.a]).await;
    let scored = schedule(&f, "2020-01-09T10:00", "2020-01-09T11:00", &[&f.a]).await;
    let kit = kit_competencies(&f.a, scored).await;
    f.a.call(
        "submit_scorecard",
        json!({"id": scored, "input": card(&[(kit[0], Some(3))], Some("yes"))}),
    )
    .await;

    let agenda = f.a.call("my_interviews", json!({})).await;
    assert_eq!(agenda.status, StatusCode::OK, "{agenda:?}");
    let ids = |list: &Value| -> Vec<i64> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids(&agenda.body["to_score"]), vec![overdue, recent]);
    assert_eq!(agenda.body["to_score"][0]["mine"], "overdue");
    assert_eq!(agenda.body["to_score"][1]["mine"], "to_score");
    assert_eq!(ids(&agenda.body["upcoming"]), vec![upcoming]);
    assert_eq!(ids(&agenda.body["done"]), vec![scored]);
    assert_eq!(agenda.body["done"][0]["mine"], "submitted");
    assert_eq!(agenda.body["to_score_total"], 2);
    assert_eq!(agenda.body["upcoming_total"], 1);

    // Moved, it stays upcoming at its new time; cancelled, it is done.
    let moved =
        f.hr.call(
            "reschedule_interview",
            json!({"id": upcoming, "input": input(&f, "2031-01-07T10:00", "2031-01-07T11:00", &[&f.a]), "reason": {"reason": "Spostato"}}),
        )
        .await;
    assert_eq!(moved.status, StatusCode::OK, "{moved:?}");
    let agenda = f.a.call("my_interviews", json!({})).await;
    assert_eq!(ids(&agenda.body["upcoming"]), vec![upcoming]);
    assert!(
        agenda.body["upcoming"][0]["starts_at"]
            .as_str()
            .unwrap()
            .starts_with("2031-01-07")
    );
    let cancelled =
        f.hr.call(
            "cancel_interview",
            json!({"id": upcoming, "reason": {"reason": "Posizione chiusa"}}),
        )
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{cancelled:?}");
    let agenda = f.a.call("my_interviews", json!({})).await;
    assert_eq!(agenda.body["upcoming"], json!([]));
    assert_eq!(
        ids(&agenda.body["done"]),
        vec![upcoming, scored],
        "latest first"
    );

    let opening =
        f.hr.call("opening_interviews", json!({"id": f.opening}))
            .await;
    assert_eq!(opening.status, StatusCode::OK);
    let all = opening.body.as_array().unwrap();
    assert_eq!(all.len(), 4);
    let scored_row = all.iter().find(|i| i["id"] == scored).unwrap();
    assert_eq!(scored_row["panel"][0]["state"], "submitted");
    assert_eq!(scored_row["panel"][0]["name"], "Marco Rossi");
}

#[tokio::test]
async fn the_calendar_file_downloads_for_hr_and_the_panel_only() {
    let f = fixture().await;
    let interview = schedule(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[&f.a]).await;
    let path = format!("/interviews/{interview}/calendar.ics");
    for (who, expected) in [
        (&f.hr, StatusCode::OK),
        (&f.a, StatusCode::OK),
        (&f.b, StatusCode::FORBIDDEN),
    ] {
        let (status, headers, bytes) = who.download(&path).await;
        assert_eq!(status, expected);
        if status == StatusCode::OK {
            assert!(
                headers["content-type"]
                    .to_str()
                    .unwrap()
                    .starts_with("text/calendar")
            );
            let calendar = parse(&String::from_utf8(bytes).unwrap());
            assert_eq!(value(&calendar.properties, "METHOD"), Some("REQUEST"));
            assert_eq!(
                value(&calendar.events[0].properties, "DTSTART"),
                Some("20301203T090000Z")
            );
        }
    }
    let (status, _, _) = f.app.anonymous().download(&path).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn starter_profiles_come_with_questions_and_hr_edit_them_per_profile() {
    let f = fixture().await;
    let profiles = f.hr.call("list_profiles", json!({})).await.body;
    let teller = profiles
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["title_en"] == "Bank teller")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let kit = f.hr.call("profile_kit", json!({"id": teller})).await;
    assert_eq!(kit.status, StatusCode::OK, "{kit:?}");
    let competencies = kit.body["competencies"].as_array().unwrap();
    assert!(!competencies.is_empty());
    for competency in competencies {
        assert!(
            competency["questions"].as_array().unwrap().len() >= 2,
            "{competency:?}"
        );
        assert_eq!(competency["levels"].as_array().unwrap().len(), 5);
    }
    let first = competencies[0]["id"].as_i64().unwrap();
    let saved = f
        .hr
        .call(
            "save_profile_questions",
            json!({"id": teller, "input": {"questions": [
                {"competency_id": first, "text_it": "Come gestisce una coda allo sportello?", "text_en": "How do you handle a queue at the counter?"}
            ]}}),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{saved:?}");
    let kit = f.hr.call("profile_kit", json!({"id": teller})).await;
    let competencies = kit.body["competencies"].as_array().unwrap();
    assert_eq!(
        competencies[0]["questions"],
        json!([[
            "Come gestisce una coda allo sportello?",
            "How do you handle a queue at the counter?"
        ]])
    );
    assert_eq!(competencies[1]["questions"], json!([]));
    let blank = f
        .hr
        .call(
            "save_profile_questions",
            json!({"id": teller, "input": {"questions": [{"competency_id": first, "text_it": "", "text_en": "x"}]}}),
        )
        .await;
    assert_eq!(
        blank.field_error("questions.0.text_it").as_deref(),
        Some("required")
    );
}

#[tokio::test]
async fn an_interviewer_who_reads_london_time_sees_the_interview_in_london_time() {
    let f = fixture().await;
    let interview = schedule(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[&f.a]).await;
    let answer =
        f.a.post_fields("set_time_zone", &[("time_zone", "Europe/London")], false)
            .await;
    assert!(answer.status.is_success(), "{answer:?}");
    let detail = f.a.call("get_interview", json!({"id": interview})).await;
    assert_eq!(
        detail.body["summary"]["local"]["starts"],
        "2030-12-03T09:00:00"
    );
    assert_eq!(detail.body["summary"]["local"]["zone"], "Europe/London");
    assert_eq!(
        detail.body["scheduled_in"]["starts"], "2030-12-03T10:00:00",
        "the move form keeps the zone it was scheduled in"
    );
    let unknown =
        f.a.post_fields("set_time_zone", &[("time_zone", "Mars/Base")], false)
            .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_candidate_page_lists_the_interviews_and_their_changes_on_the_timeline() {
    let f = fixture().await;
    let interview = schedule(&f, "2030-12-03T10:00", "2030-12-03T11:00", &[&f.a]).await;
    f.hr.call(
        "cancel_interview",
        json!({"id": interview, "reason": {"reason": "Rinviato su richiesta"}}),
    )
    .await;
    let detail = f.hr.call("get_candidate", json!({"id": f.candidate})).await;
    assert_eq!(detail.body["interviews"][0]["id"], interview);
    let history = detail.body["interview_history"].as_array().unwrap();
    let changes: Vec<&str> = history
        .iter()
        .map(|h| h["change"]["change"].as_str().unwrap())
        .collect();
    assert_eq!(changes, vec!["scheduled", "cancelled"]);
    assert_eq!(history[1]["change"]["reason"], "Rinviato su richiesta");
    // An interviewer on the team sees only their own interviews there.
    let b_view = f.b.call("get_candidate", json!({"id": f.candidate})).await;
    assert_eq!(b_view.status, StatusCode::FORBIDDEN, "B is not on the team");
    let a_view = f.a.call("get_candidate", json!({"id": f.candidate})).await;
    assert_eq!(a_view.body["interviews"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn scorecards_go_into_the_export_keep_their_competencies_and_leave_with_the_candidate() {
    let f = fixture().await;
    let interview = schedule(&f, "2021-03-02T10:00", "2021-03-02T11:00", &[&f.a]).await;
    let kit = kit_competencies(&f.a, interview).await;
    let submitted =
        f.a.call(
            "submit_scorecard",
            json!({"id": interview, "input": card(&[(kit[0], Some(4))], Some("yes"))}),
        )
        .await;
    assert_eq!(submitted.status, StatusCode::OK);

    // The candidate's data export holds the interview and its scorecard.
    let (status, _, bytes) =
        f.hr.download(&format!("/candidates/{}/export.zip", f.candidate))
            .await;
    assert_eq!(status, StatusCode::OK);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let person: Value = serde_json::from_reader(zip.by_name("person.json").unwrap()).unwrap();
    let exported = &person["interviews"][0];
    assert_eq!(exported["id"], interview);
    assert_eq!(exported["changes"][0]["change"], "scheduled");
    assert_eq!(
        exported["scorecards"][0]["content"]["ratings"][0]["rating"],
        4
    );
    assert_eq!(
        exported["scorecards"][0]["content"]["summary"],
        "Colloquio positivo."
    );

    // A competency a scorecard rated is not deleted, even once no profile requires it.
    app::server::entities::profile_requirement::Entity::delete_many()
        .filter(app::server::entities::profile_requirement::Column::CompetencyId.eq(kit[0] as i32))
        .exec(&f.app.db)
        .await
        .unwrap();
    let refused = f.hr.call("delete_competency", json!({"id": kit[0]})).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{refused:?}");

    // Anonymising keeps the ratings as figures and forgets the words.
    app::server::interviews::scorecards::forget(&f.app.db, &[f.application as i32])
        .await
        .unwrap();
    let detail = f.hr.call("get_interview", json!({"id": interview})).await;
    let card = &detail.body["others"][0]["content"];
    assert_eq!(card["summary"], "");
    assert_eq!(card["ratings"][0]["evidence"], "");
    assert_eq!(card["ratings"][0]["rating"], 4);

    // Erasing the candidate takes the interviews and scorecards with them.
    let erased =
        f.hr.call(
            "erase_candidate",
            json!({"id": f.candidate, "confirm": "Anna Bianchi"}),
        )
        .await;
    assert_eq!(erased.status, StatusCode::OK, "{erased:?}");
    assert_eq!(interview::Entity::find().count(&f.app.db).await.unwrap(), 0);
    assert_eq!(
        app::server::entities::scorecard::Entity::find()
            .count(&f.app.db)
            .await
            .unwrap(),
        0
    );
}

/// Puts `user` on `count` interviews of the fixture's application, the first starting
/// `first_days` days from now and each a day after the last.
async fn sit_on(f: &Fixture, user: i64, count: i64, first_days: i64) -> Vec<i32> {
    use app::server::entities::interview_interviewer;
    use sea_orm::ActiveValue::Set;
    let now = chrono::Utc::now();
    let mut made = Vec::new();
    for n in 0..count {
        let starts = now + chrono::TimeDelta::days(first_days + n);
        let found = interview::ActiveModel {
            application_id: Set(f.application as i32),
            kind: Set("hr_interview".to_owned()),
            starts_at: Set(starts),
            ends_at: Set(starts + chrono::TimeDelta::hours(1)),
            time_zone: Set("Europe/Rome".to_owned()),
            location: Set("Sala Verdi".to_owned()),
            video_link: Set(String::new()),
            status: Set("scheduled".to_owned()),
            uid: Set(format!("many-{user}-{first_days}-{n}@percorso.test")),
            sequence: Set(0),
            created_by: Set(id(&f.hr) as i32),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        let found = interview::Entity::insert(found)
            .exec(&f.app.db)
            .await
            .unwrap()
            .last_insert_id;
        interview_interviewer::Entity::insert(interview_interviewer::ActiveModel {
            interview_id: Set(found),
            user_id: Set(user as i32),
            done: Set(false),
            starts_at: Set(Some(starts)),
        })
        .exec(&f.app.db)
        .await
        .unwrap();
        made.push(found);
    }
    made
}

#[tokio::test]
async fn my_interviews_shows_the_first_fifty_of_a_long_section_says_how_many_and_runs_the_same_statements()
 {
    use std::sync::atomic::Ordering;

    use app::server::accounts::auth::CurrentUser;
    use app::server::interviews::views::{self, AGENDA_SECTION};

    let f = fixture().await;
    let me = CurrentUser {
        id: f.a.user_id.unwrap(),
        name: "Marco Rossi".to_owned(),
        email: String::new(),
        role: Role::Interviewer,
        language: None,
        time_zone: "Europe/Rome".to_owned(),
        session_id: 0,
    };
    sit_on(&f, id(&f.a), 2, -10).await;
    sit_on(&f, id(&f.a), 1, 5).await;
    let (counted, few) = crate::helpers::counting(&f.app.db);
    let small = views::mine(&counted, &me).await.unwrap();
    assert_eq!((small.to_score.len(), small.to_score_total), (2, 2));

    let past = sit_on(&f, id(&f.a), 70, -200).await;
    sit_on(&f, id(&f.a), 60, 10).await;
    let (counted, many) = crate::helpers::counting(&f.app.db);
    let agenda = views::mine(&counted, &me).await.unwrap();
    assert_eq!(
        many.load(Ordering::SeqCst),
        few.load(Ordering::SeqCst),
        "the same statements for 3 interviews as for 133"
    );
    assert_eq!(agenda.to_score.len() as u64, AGENDA_SECTION);
    assert_eq!(agenda.to_score_total, 72);
    assert_eq!(
        agenda.to_score[0].id.0, past[0],
        "the oldest, overdue, first"
    );
    assert_eq!(agenda.upcoming.len() as u64, AGENDA_SECTION);
    assert_eq!(agenda.upcoming_total, 61);
    assert!(
        agenda
            .upcoming
            .windows(2)
            .all(|w| w[0].starts_at <= w[1].starts_at)
    );

    let (status, html) = f.a.page("/interviews").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("of 72.") || html.contains("di 72."),
        "the page says how many are to score"
    );
}
