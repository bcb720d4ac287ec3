//! The stored fit and levels that let an opening's comparison page and sort in SQL: equal to a
//! fresh assessment after every change to the evidence (scorecards submitted and amended, an
//! interview cancelled, practical and online tests graded) and to the profile, and the
//! comparison paged fifty at a time, sorted by fit or by a competency, with the same few
//! statements however many applications the opening has.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;

use app::model::{
    Answer, ApplicationId, Assessment, COMPARISON_PAGE_SIZE, ComparisonSort, CompetencyId,
    OnlineItemId, OpeningId, Role,
};
use app::server::assessments::online::take;
use app::server::assessments::{scores, summary};
use app::server::entities::{
    application, application_level, application_score, candidate, interview, online_template,
    online_test, online_test_item, outbox, scorecard, scorecard_rating,
};
use chrono::{TimeDelta, Utc};
use reqwest::StatusCode;
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;

use crate::assessment::{competency_id, rated, role_play};
use crate::careers::public_opening;
use crate::helpers::{Browser, TestApp, counting};
use crate::intake::{apply_as, candidate_by_email};

/// Asserts that every application's stored fit and levels are what a fresh assessment of its
/// evidence gives: an application never refreshed has no row, which reads as nothing assessed.
pub async fn assert_scores_current(db: &DatabaseConnection) {
    let stored: HashMap<i32, application_score::Model> = application_score::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| (s.application_id, s))
        .collect();
    let mut levels: HashMap<(i32, i32), i16> = application_level::Entity::find()
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|l| ((l.application_id, l.competency_id), l.level_tenths))
        .collect();
    for a in application::Entity::find().all(db).await.unwrap() {
        let fresh = summary::for_application(db, ApplicationId(a.id))
            .await
            .unwrap()
            .assessment;
        let fit = fresh.fit;
        match stored.get(&a.id) {
            Some(s) => {
                assert_eq!(s.opening_id, a.opening_id);
                assert_eq!(
                    (s.fit_percent, s.assessed_weight, s.total_weight),
                    (
                        fit.percent.map(i16::from),
                        fit.assessed_weight as i32,
                        fit.total_weight as i32
                    ),
                    "application {}'s stored fit",
                    a.id
                );
            }
            None => assert_eq!(
                fit.percent, None,
                "application {} is assessed but has no stored fit",
                a.id
            ),
        }
        for c in &fresh.competencies {
            assert_eq!(
                levels.remove(&(a.id, c.id.0)).map(|l| l as u16),
                c.level_tenths,
                "application {}'s stored level in competency {}",
                a.id,
                c.id
            );
        }
    }
    assert!(
        levels.is_empty(),
        "stored levels of competencies no profile asks for: {levels:?}"
    );
}

/// What a fresh assessment of `application` says: its fit and its levels.
async fn fresh(db: &DatabaseConnection, application: i64) -> (Option<u8>, u32, Vec<Option<u16>>) {
    let a = summary::for_application(db, ApplicationId(application as i32))
        .await
        .unwrap()
        .assessment;
    (
        a.fit.percent,
        a.fit.total_weight,
        a.competencies.iter().map(|c| c.level_tenths).collect(),
    )
}

/// Checks, after `what`, that it changed `application`'s assessment (so a stale stored score
/// would show) and that every stored score is current.
async fn after(
    db: &DatabaseConnection,
    application: i64,
    before: &mut (Option<u8>, u32, Vec<Option<u16>>),
    what: &str,
) {
    let now = fresh(db, application).await;
    assert_ne!(&now, before, "{what} should change the assessment");
    *before = now;
    assert_scores_current(db).await;
}

async fn application_of(app: &TestApp, email: &str) -> i64 {
    let candidate = candidate_by_email(app, email).await;
    application::Entity::find()
        .filter(application::Column::CandidateId.eq(candidate as i32))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
        .into()
}

/// Sends the online test `title_en` to `application`, graded by `grader`; answers the test's
/// id and the link's token, read from the email.
async fn send_online(
    app: &TestApp,
    hr: &Browser,
    grader: &Browser,
    application: i64,
    title_en: &str,
) -> (i64, String) {
    let template = online_template::Entity::find()
        .filter(online_template::Column::TitleEn.eq(title_en))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    outbox::Entity::delete_many().exec(&app.db).await.unwrap();
    let sent = hr
        .call(
            "send_online_test",
            json!({"input": {"application_id": application, "template_id": template.id,
                "grader_id": grader.user_id, "link_days": 7}}),
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{sent:?}");
    let mail = outbox::Entity::find()
        .order_by_desc(outbox::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .expect("the link is mailed");
    let at = mail.body.find("/t/").expect("a link") + 3;
    let token: String = mail.body[at..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    (sent.body["id"].as_i64().unwrap(), token)
}

/// Answers to the choice questions of test `test`: the right options when `right`, else none.
async fn choices(app: &TestApp, test: i64, right: bool) -> Vec<(OnlineItemId, Answer)> {
    online_test_item::Entity::find()
        .filter(online_test_item::Column::TestId.eq(test as i32))
        .order_by_asc(online_test_item::Column::Position)
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .filter_map(|item| {
            let body: serde_json::Value = serde_json::from_str(&item.body).ok()?;
            let options = body["options"].as_array()?;
            let chosen = options
                .iter()
                .enumerate()
                .filter(|(_, o)| right && o["correct"] == true)
                .map(|(i, _)| i)
                .collect();
            Some((OnlineItemId(item.id), Answer::Choice(chosen)))
        })
        .collect()
}

#[tokio::test]
async fn the_stored_scores_stay_equal_to_a_fresh_assessment_through_every_change_to_the_evidence_and_the_profile()
 {
    let app = TestApp::spawn().await;
    let db = &app.db;
    let opening = public_opening(&app, "Bank teller").await;
    let hotel = public_opening(&app, "Hotel receptionist").await;
    apply_as(
        &app,
        opening,
        "Anna Bianchi",
        "anna@example.it",
        "+39 333 111 2222",
        false,
    )
    .await;
    apply_as(
        &app,
        opening,
        "Bruno Verdi",
        "bruno@example.it",
        "+39 333 111 3333",
        false,
    )
    .await;
    apply_as(
        &app,
        hotel,
        "Carla Neri",
        "carla@example.it",
        "+39 333 111 4444",
        false,
    )
    .await;
    let hr = app.signed_in(Role::Hr).await;
    let interviewer = app.signed_in(Role::Interviewer).await;
    let anna = application_of(&app, "anna@example.it").await;
    let bruno = application_of(&app, "bruno@example.it").await;
    let carla = application_of(&app, "carla@example.it").await;
    let verbal = competency_id(&app, "verbal-communication").await;
    let products = competency_id(&app, "products-services-knowledge").await;
    assert_scores_current(db).await;
    let mut anna_now = fresh(db, anna).await;

    let interview = rated(&hr, &interviewer, anna, &[(verbal, 4), (products, 2)]).await;
    after(db, anna, &mut anna_now, "submitting a scorecard").await;
    rated(&hr, &interviewer, bruno, &[(verbal, 2)]).await;
    assert_scores_current(db).await;

    let amended = interviewer
        .call(
            "amend_scorecard",
            json!({"id": interview, "input": {"reason": "Rivisti gli appunti", "scorecard": {
                "ratings": [{"competency_id": verbal, "rating": 2, "evidence": ""},
                            {"competency_id": products, "rating": 5, "evidence": ""}],
                "recommendation": "no", "summary": ""}}}),
        )
        .await;
    assert_eq!(amended.status, StatusCode::OK, "{amended:?}");
    after(db, anna, &mut anna_now, "amending the scorecard").await;

    role_play(&app, &hr, &interviewer, anna, &[5, 3, 4, 0]).await;
    after(db, anna, &mut anna_now, "grading a practical test").await;

    // Handed in by the candidate: scored and graded at once.
    let banking = "Knowledge of banking services";
    let (test, token) = send_online(&app, &hr, &interviewer, anna, banking).await;
    let now = Utc::now();
    take::start(db, &token, now).await.unwrap();
    let answers = choices(&app, test, true).await;
    take::submit(db, &token, answers, now).await.unwrap();
    after(
        db,
        anna,
        &mut anna_now,
        "an online test graded as it is handed in",
    )
    .await;

    // Left open past its time: closed when the comparison is next read, and graded.
    let (test, token) = send_online(&app, &hr, &interviewer, anna, banking).await;
    let long_ago = Utc::now() - TimeDelta::hours(2);
    take::start(db, &token, long_ago).await.unwrap();
    let wrong = choices(&app, test, false).await;
    take::save(db, &token, wrong, long_ago + TimeDelta::minutes(1))
        .await
        .unwrap();
    let page = hr
        .call(
            "opening_assessment",
            json!({"id": opening, "sort": "fit", "page": 0}),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{page:?}");
    let closed = online_test::Entity::find_by_id(test as i32)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        closed.status, "graded",
        "closed when the comparison was read"
    );
    after(
        db,
        anna,
        &mut anna_now,
        "an overdue online test closed and graded",
    )
    .await;

    // A short answer waits for its grader; the test counts once they score it.
    let (test, token) = send_online(
        &app,
        &hr,
        &interviewer,
        carla,
        "Knowledge of hotel services",
    )
    .await;
    let mut carla_now = fresh(db, carla).await;
    take::start(db, &token, Utc::now()).await.unwrap();
    let items = online_test_item::Entity::find()
        .filter(online_test_item::Column::TestId.eq(test as i32))
        .order_by_asc(online_test_item::Column::Position)
        .all(db)
        .await
        .unwrap();
    let short = items
        .iter()
        .find(|i| !i.body.contains("\"options\""))
        .expect("a short answer")
        .id;
    let mut answers = choices(&app, test, true).await;
    answers.push((
        OnlineItemId(short),
        Answer::Text("Le custodiamo i bagagli.".into()),
    ));
    take::submit(db, &token, answers, Utc::now()).await.unwrap();
    assert_eq!(fresh(db, carla).await, carla_now, "not graded yet");
    assert_scores_current(db).await;
    let graded = interviewer
        .call(
            "grade_online_answers",
            json!({"id": test, "input": {"scores": [{"item_id": short, "points": 1, "notes": ""}]}}),
        )
        .await;
    assert_eq!(graded.status, StatusCode::OK, "{graded:?}");
    after(
        db,
        carla,
        &mut carla_now,
        "the grader scoring the short answers",
    )
    .await;

    let cancelled = hr
        .call(
            "cancel_interview",
            json!({"id": interview, "reason": {"reason": "Colloquio annullato"}}),
        )
        .await;
    assert_eq!(cancelled.status, StatusCode::OK, "{cancelled:?}");
    after(db, anna, &mut anna_now, "cancelling the interview").await;

    let opening_detail = hr.call("get_opening", json!({"id": opening})).await.body;
    let profile = opening_detail["input"]["profile_id"].clone();
    let mut detail = hr.call("get_profile", json!({"id": profile})).await.body;
    for requirement in detail["input"]["requirements"].as_array_mut().unwrap() {
        if requirement["competency_id"] == verbal {
            requirement["weight"] = json!(1);
            requirement["required_level"] = json!(5);
        }
    }
    let updated = hr.call("update_profile", detail.clone()).await;
    assert_eq!(updated.status, StatusCode::OK, "{updated:?}");
    after(db, anna, &mut anna_now, "changing the profile's weights").await;

    // A competency dropped from the profile leaves no stored level behind.
    detail["input"]["requirements"]
        .as_array_mut()
        .unwrap()
        .retain(|r| r["competency_id"] != products);
    let updated = hr.call("update_profile", detail).await;
    assert_eq!(updated.status, StatusCode::OK, "{updated:?}");
    after(
        db,
        anna,
        &mut anna_now,
        "dropping a competency from the profile",
    )
    .await;

    let mut moved = opening_detail["input"].clone();
    let hotel_detail = hr.call("get_opening", json!({"id": hotel})).await.body;
    moved["profile_id"] = hotel_detail["input"]["profile_id"].clone();
    let updated = hr
        .call("update_opening", json!({"id": opening, "input": moved}))
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{updated:?}");
    after(
        db,
        anna,
        &mut anna_now,
        "giving the opening another profile",
    )
    .await;

    // Rebuilt from scratch, the rows are the same.
    scores::refresh_all(db).await.unwrap();
    assert_scores_current(db).await;
}

/// `n` candidates named so that names repeat ("Persona 00" to "Persona 39"), each applying to
/// `opening` (every tenth at "rejected" and every tenth at "withdrawn", which the comparison
/// leaves out). The first `rated` of them have a past interview with a scorecard that `by`
/// submitted, rating `verbal` and (two in three) `products` with levels that vary from one to
/// the next, so fits tie now and then. Their stored scores are then refreshed. Answers the
/// applications' ids.
async fn many(
    db: &DatabaseConnection,
    opening: i64,
    n: usize,
    rated: usize,
    by: i32,
    (verbal, products): (i64, i64),
) -> Vec<i32> {
    let now = Utc::now();
    let mut ids = Vec::new();
    for i in 0..n {
        let person = candidate::Entity::insert(candidate::ActiveModel {
            name: Set(format!("Persona {:02}", (i * 7) % 40)),
            education: Set(String::new()),
            experience: Set(String::new()),
            talent_pool: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .exec(db)
        .await
        .unwrap()
        .last_insert_id;
        let stage = match i % 10 {
            3 => "rejected",
            7 => "withdrawn",
            _ => "interview",
        };
        let applied = application::Entity::insert(application::ActiveModel {
            candidate_id: Set(person),
            opening_id: Set(opening as i32),
            stage: Set(stage.into()),
            source: Set("careers".into()),
            cover_letter: Set(String::new()),
            stage_changed_at: Set(now),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .exec(db)
        .await
        .unwrap()
        .last_insert_id;
        ids.push(applied);
        if i >= rated {
            continue;
        }
        let starts = now - TimeDelta::days(1);
        let held = interview::Entity::insert(interview::ActiveModel {
            application_id: Set(applied),
            kind: Set("hr_interview".to_owned()),
            starts_at: Set(starts),
            ends_at: Set(starts + TimeDelta::hours(1)),
            time_zone: Set("Europe/Rome".to_owned()),
            location: Set(String::new()),
            video_link: Set(String::new()),
            status: Set("scheduled".to_owned()),
            uid: Set(format!("many-{opening}-{i}@percorso.test")),
            sequence: Set(0),
            created_by: Set(by),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .exec(db)
        .await
        .unwrap()
        .last_insert_id;
        let card = scorecard::Entity::insert(scorecard::ActiveModel {
            interview_id: Set(held),
            interviewer_id: Set(by),
            recommendation: Set(Some("yes".into())),
            summary: Set(String::new()),
            submitted_at: Set(Some(now)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .exec(db)
        .await
        .unwrap()
        .last_insert_id;
        let mut ratings = vec![(verbal, 1 + (i * 3) % 5)];
        if i % 3 != 0 {
            ratings.push((products, 1 + (i * 2) % 5));
        }
        scorecard_rating::Entity::insert_many(ratings.into_iter().map(|(competency, rating)| {
            scorecard_rating::ActiveModel {
                scorecard_id: Set(card),
                competency_id: Set(competency as i32),
                rating: Set(Some(rating as i16)),
                evidence: Set(String::new()),
            }
        }))
        .exec(db)
        .await
        .unwrap();
    }
    scores::refresh(db, ids.iter().copied()).await.unwrap();
    ids
}

/// The figure `sort` orders a candidate by: none when not assessed in it.
fn key(candidate: &Assessment, sort: ComparisonSort) -> Option<u16> {
    match sort {
        ComparisonSort::Fit => candidate.fit.percent.map(u16::from),
        ComparisonSort::Competency(id) => candidate
            .competencies
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| c.level_tenths),
    }
}

#[tokio::test]
async fn an_openings_comparison_pages_fifty_at_a_time_best_first_with_the_unassessed_last_and_ties_by_name()
 {
    let app = TestApp::spawn().await;
    let db = &app.db;
    let opening = public_opening(&app, "Bank teller").await;
    let hr = app.signed_in(Role::Hr).await;
    let panelist = app
        .create_user(
            Role::Interviewer,
            "panel@example.it",
            "una frase lunga e sicura",
        )
        .await;
    let verbal = competency_id(&app, "verbal-communication").await;
    let products = competency_id(&app, "products-services-knowledge").await;
    let ids = many(db, opening, 130, 80, panelist.0, (verbal, products)).await;
    assert_scores_current(db).await;
    let shown: HashSet<i32> = ids
        .iter()
        .enumerate()
        .filter(|(i, _)| !matches!(i % 10, 3 | 7))
        .map(|(_, id)| *id)
        .collect();
    assert_eq!(shown.len(), 104);

    for sort in [
        ComparisonSort::Fit,
        ComparisonSort::Competency(CompetencyId(verbal as i32)),
        ComparisonSort::Competency(CompetencyId(products as i32)),
    ] {
        let mut all: Vec<Assessment> = Vec::new();
        for page in 0..3u64 {
            let answer = hr
                .call(
                    "opening_assessment",
                    json!({"id": opening, "sort": sort, "page": page}),
                )
                .await;
            assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
            let found: app::model::OpeningAssessment = serde_json::from_value(answer.body).unwrap();
            assert_eq!((found.sort, found.page, found.total), (sort, page, 104));
            assert_eq!(found.page_count(), 3);
            let expected = if page < 2 {
                COMPARISON_PAGE_SIZE as usize
            } else {
                4
            };
            assert_eq!(found.candidates.len(), expected, "{sort:?}, page {page}");
            all.extend(found.candidates);
        }
        let seen: HashSet<i32> = all.iter().map(|c| c.application_id.0).collect();
        assert_eq!(seen, shown, "{sort:?}: each candidate once, none left out");
        let order = |a: &Assessment, b: &Assessment| {
            // Best first, those not assessed last, then by name and application.
            match (key(a, sort), key(b, sort)) {
                (Some(x), Some(y)) => y.cmp(&x),
                (x, y) => y.is_some().cmp(&x.is_some()),
            }
            .then_with(|| a.candidate_name.cmp(&b.candidate_name))
            .then_with(|| a.application_id.0.cmp(&b.application_id.0))
        };
        let mut sorted = all.clone();
        sorted.sort_by(order);
        let names = |list: &[Assessment]| -> Vec<(Option<u16>, String, i32)> {
            list.iter()
                .map(|c| (key(c, sort), c.candidate_name.clone(), c.application_id.0))
                .collect()
        };
        assert_eq!(names(&all), names(&sorted), "{sort:?}");
        assert!(
            all.windows(2).any(|w| key(&w[0], sort) == key(&w[1], sort)
                && key(&w[0], sort).is_some()
                && w[0].candidate_name != w[1].candidate_name),
            "{sort:?}: ties are broken by name"
        );
        assert!(
            all.windows(2).any(|w| key(&w[0], sort) == key(&w[1], sort)
                && w[0].candidate_name == w[1].candidate_name),
            "{sort:?}: and then by application"
        );
        assert!(key(&all[0], sort).is_some() && key(&all[103], sort).is_none());
    }

    // A page past the last shows the last; a competency not the profile's sorts by fit.
    let past = hr
        .call(
            "opening_assessment",
            json!({"id": opening, "sort": {"competency": 999_999}, "page": 9}),
        )
        .await;
    assert_eq!(past.status, StatusCode::OK, "{past:?}");
    assert_eq!(past.body["page"], 2);
    assert_eq!(past.body["sort"], "fit");
    let refused = hr
        .call(
            "opening_assessment",
            json!({"id": opening, "page": u64::MAX}),
        )
        .await;
    assert_eq!(
        refused.field_error("page").as_deref(),
        Some("page_out_of_range")
    );

    // The page, without JavaScript: where it is, and links to the pages either side.
    let (status, html) = hr
        .page(&format!(
            "/openings/{opening}/assessment?sort={verbal}&page=1"
        ))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("51–100"), "{html}");
    assert!(
        html.contains(&format!("href=\"?sort={verbal}&amp;page=2\"")),
        "{html}"
    );
    assert!(html.contains(&format!("href=\"?sort={verbal}\"")), "{html}");
    assert_eq!(
        html.matches("<tr>").count(),
        51,
        "a header row and fifty candidates"
    );
    let (_, last) = hr
        .page(&format!("/openings/{opening}/assessment?page=2"))
        .await;
    assert!(last.contains("101–104"), "{last}");
    assert!(!last.contains("rel=\"next\""));
}

#[tokio::test]
async fn the_comparison_runs_as_few_statements_for_a_hundred_and_thirty_applications_as_for_four() {
    let app = TestApp::spawn().await;
    let db = &app.db;
    let small = public_opening(&app, "Bank teller").await;
    let large = public_opening(&app, "Bank teller").await;
    let panelist = app
        .create_user(
            Role::Interviewer,
            "panel@example.it",
            "una frase lunga e sicura",
        )
        .await;
    let verbal = competency_id(&app, "verbal-communication").await;
    let products = competency_id(&app, "products-services-knowledge").await;
    many(db, small, 4, 2, panelist.0, (verbal, products)).await;
    many(db, large, 130, 70, panelist.0, (verbal, products)).await;
    let statements = |opening: i64, sort: ComparisonSort, page: u64| {
        let (counted, count) = counting(db);
        async move {
            let found = summary::for_opening(&counted, OpeningId(opening as i32), sort, page)
                .await
                .unwrap();
            (count.load(Ordering::SeqCst), found.candidates.len())
        }
    };
    // Three shown, ranked and not: the ranked, then the rest.
    let (few, shown) = statements(small, ComparisonSort::Fit, 0).await;
    assert_eq!(shown, 3, "the rejected left out");
    // Fifty shown, the ranked ones ending on the page: the same statements.
    let (many_shown, shown) = statements(large, ComparisonSort::Fit, 1).await;
    assert_eq!(shown, 50);
    assert_eq!(
        many_shown, few,
        "the same statements for 3 candidates as for 50 of 104"
    );
    assert!(few <= 14, "{few} statements");
    let verbal = ComparisonSort::Competency(CompetencyId(verbal as i32));
    for (sort, page) in [
        (ComparisonSort::Fit, 0),
        (ComparisonSort::Fit, 2),
        (verbal, 0),
        (verbal, 1),
        (verbal, 2),
    ] {
        let (n, _) = statements(large, sort, page).await;
        // At most one more: counting the ranked ones when a page starts past them all.
        assert!(n <= few + 1, "{sort:?} page {page}: {n} statements");
    }
}
