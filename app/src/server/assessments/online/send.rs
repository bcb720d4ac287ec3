//! Sending an online test: a bank offered for the opening's profile, a grader for the short
//! answers, a private single-use link (a random 256-bit token, only its hash kept) with an
//! expiry, mailed to the candidate through the outbox in their language.

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use crate::i18n::Lang;
use crate::model::{
    AppError, Named, OnlineStatus, OnlineTemplateId, OnlineTestId, QuestionBody, SendTestInput,
    TestSent, validate,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::accounts::sessions::{hash_token, random_token};
use crate::server::assessments::refuse;
use crate::server::entities::{
    candidate, online_question, online_template, online_template_profile, online_test,
    online_test_item, opening,
};
use crate::server::mail::{letter::Letter, outbox};

/// The active banks offered for job profile `profile_id`, by title.
pub async fn for_profile(
    db: &impl ConnectionTrait,
    profile_id: i32,
) -> Result<Vec<Named<OnlineTemplateId>>, AppError> {
    let ids: Vec<i32> = online_template_profile::Entity::find()
        .filter(online_template_profile::Column::ProfileId.eq(profile_id))
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.template_id)
        .collect();
    Ok(online_template::Entity::find()
        .filter(online_template::Column::Id.is_in(ids))
        .filter(online_template::Column::Active.eq(true))
        .order_by_asc(online_template::Column::TitleEn)
        .all(db)
        .await?
        .into_iter()
        .map(|t| Named {
            id: OnlineTemplateId(t.id),
            name_it: t.title_it,
            name_en: t.title_en,
        })
        .collect())
}

/// A question's body with its options in a new random order, so that the right one is not
/// always in the same place (each test keeps its own order).
fn shuffled(body: &str) -> String {
    use rand::seq::SliceRandom;
    let Ok(mut parsed) = serde_json::from_str::<QuestionBody>(body) else {
        return body.to_owned();
    };
    if let QuestionBody::SingleChoice { options } | QuestionBody::MultipleChoice { options } =
        &mut parsed
    {
        options.shuffle(&mut rand::thread_rng());
    }
    serde_json::to_string(&parsed).unwrap_or_else(|_| body.to_owned())
}

/// The letter with the private link, in the candidate's language.
fn letter(lang: Lang, name: &str, title: &str, link: &str, minutes: i32, expires: &str) -> Letter {
    match lang {
        Lang::It => Letter {
            lang,
            subject: format!("Prova online: {title}"),
            greeting: format!("Gentile {name},"),
            paragraphs: vec![
                format!("la invitiamo a svolgere la prova online «{title}». Ha {minutes} minuti dal momento in cui la inizia; le risposte si salvano man mano."),
                format!("Il link è personale e vale una sola volta, fino al {expires} (UTC):\n{link}"),
                "Non inoltri questo messaggio: chiunque abbia il link può svolgere la prova al suo posto.".to_owned(),
            ],
            signature: "Il team Risorse umane".to_owned(),
            attachment: None,
        },
        Lang::En => Letter {
            lang,
            subject: format!("Online test: {title}"),
            greeting: format!("Dear {name},"),
            paragraphs: vec![
                format!("please take the online test \"{title}\". You have {minutes} minutes from when you start it; your answers are saved as you go."),
                format!("The link is yours alone and works once, until {expires} (UTC):\n{link}"),
                "Please do not forward this message: anyone with the link could take the test in your place.".to_owned(),
            ],
            signature: "The HR team".to_owned(),
            attachment: None,
        },
    }
}

/// Sends an online test to application `input.application_id`'s candidate; `public_url` is
/// where the site is reached (the link is `<public_url>/t/<token>`). Refused, each on its
/// field: a closed application, a candidate without an email address, a bank not offered for
/// the profile, a grader who is not active staff.
pub async fn send(
    db: &DatabaseConnection,
    me: &CurrentUser,
    public_url: &str,
    input: SendTestInput,
    now: DateTime<Utc>,
) -> Result<TestSent, AppError> {
    Ok(send_keeping_token(db, me, public_url, input, now).await?.0)
}

/// `send`, also answering the link's token: for the demo, which takes its own tests. Nothing
/// else keeps the token.
pub async fn send_keeping_token(
    db: &DatabaseConnection,
    me: &CurrentUser,
    public_url: &str,
    input: SendTestInput,
    now: DateTime<Utc>,
) -> Result<(TestSent, String), AppError> {
    validate(&input)?;
    let found = crate::server::assessments::open_application(db, input.application_id.0).await?;
    let person = candidate::Entity::find_by_id(found.candidate_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(email) = person.email.clone().filter(|e| !e.trim().is_empty()) else {
        return Err(refuse("application_id", "no_email"));
    };
    let the_opening = opening::Entity::find_by_id(found.opening_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let offered = for_profile(db, the_opening.profile_id).await?;
    if !offered.iter().any(|t| t.id == input.template_id) {
        return Err(refuse("template_id", "not_offered"));
    }
    let questions = online_question::Entity::find()
        .filter(online_question::Column::TemplateId.eq(input.template_id.0))
        .count(db)
        .await?;
    if questions == 0 {
        return Err(refuse("template_id", "not_offered"));
    }
    let grader = crate::server::assessments::grader(db, input.grader_id).await?;
    let token = random_token();
    let kept = token.clone();
    let link = format!("{}/t/{token}", public_url.trim_end_matches('/'));
    let me = me.clone();
    let (id, added_to_team) = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let template = online_template::Entity::find_by_id(input.template_id.0)
                .one(tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let expires_at = now + TimeDelta::days(i64::from(input.link_days));
            let test = online_test::ActiveModel {
                application_id: Set(found.id),
                template_id: Set(template.id),
                grader_id: Set(grader.id),
                token_hash: Set(hash_token(&token)),
                title_it: Set(template.title_it.clone()),
                title_en: Set(template.title_en.clone()),
                instructions_it: Set(template.instructions_it),
                instructions_en: Set(template.instructions_en),
                time_limit_minutes: Set(template.time_limit_minutes),
                pass_mark: Set(template.pass_mark),
                status: Set(OnlineStatus::Sent.as_str().to_owned()),
                expires_at: Set(expires_at),
                started_at: Set(None),
                deadline_at: Set(None),
                submitted_at: Set(None),
                graded_at: Set(None),
                passed: Set(None),
                sent_by: Set(me.id.0),
                sent_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            let questions = online_question::Entity::find()
                .filter(online_question::Column::TemplateId.eq(template.id))
                .order_by_asc(online_question::Column::Position)
                .all(tx)
                .await?;
            for question in questions {
                let body = shuffled(&question.body);
                online_test_item::ActiveModel {
                    test_id: Set(test.id),
                    position: Set(question.position),
                    competency_id: Set(question.competency_id),
                    points: Set(question.points),
                    prompt_it: Set(question.prompt_it),
                    prompt_en: Set(question.prompt_en),
                    body: Set(body),
                    answer: Set(None),
                    answered_at: Set(None),
                    started_at: Set(None),
                    finished_at: Set(None),
                    awarded: Set(None),
                    result: Set(None),
                    notes: Set(String::new()),
                    ..Default::default()
                }
                .insert(tx)
                .await?;
            }
            let lang = Lang::parse(&person.lang).unwrap_or_default();
            let title = lang.pick(&template.title_it, &template.title_en);
            let expires = expires_at.format("%d/%m/%Y %H:%M").to_string();
            outbox::queue(
                tx,
                &email,
                &letter(
                    lang,
                    &person.name,
                    title,
                    &link,
                    template.time_limit_minutes,
                    &expires,
                ),
            )
            .await?;
            let added = crate::server::recruitment::openings::join_team(
                tx,
                found.opening_id,
                std::slice::from_ref(&grader),
            )
            .await?;
            Ok((OnlineTestId(test.id), added))
        })
    })
    .await?;
    tracing::info!(online_test_id = %id, "online test sent");
    Ok((TestSent { id, added_to_team }, kept))
}
