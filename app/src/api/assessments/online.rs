//! Online tests: HR send one to an application's candidate; its grader, and HR, read it and
//! the grader grades the short answers; the candidate, with no account, opens it through the
//! private link and saves answers as they go.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{
    Answer, AnswerGrading, AppError, ApplicationId, CandidateTest, Named, OnlineItemId,
    OnlineTemplateEditor, OnlineTemplateId, OnlineTemplateInput, OnlineTemplateSummary,
    OnlineTestDetail, OnlineTestId, SendTestInput, TestSent,
};

/// Every bank of online questions.
#[server(endpoint = "online_banks", input = Json)]
pub async fn online_banks() -> Result<Vec<OnlineTemplateSummary>, AppError> {
    use crate::server::assessments::online::banks;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageRecruitment)?;
    banks::list(&Backend::current()?.db).await
}

/// A bank to edit (none for a new one), with every job profile and competency.
#[server(endpoint = "online_bank_editor", input = Json)]
pub async fn online_bank_editor(
    id: Option<OnlineTemplateId>,
) -> Result<OnlineTemplateEditor, AppError> {
    use crate::server::assessments::online::banks;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageRecruitment)?;
    banks::editor(&Backend::current()?.db, id).await
}

/// Saves a bank: a new one when `id` is none; answers its id.
#[server(endpoint = "save_online_bank", input = Json)]
pub async fn save_online_bank(
    id: Option<OnlineTemplateId>,
    input: OnlineTemplateInput,
) -> Result<OnlineTemplateId, AppError> {
    use crate::server::assessments::online::banks;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageRecruitment)?;
    banks::save(&Backend::current()?.db, id, input).await
}

/// The active online tests offered for an application's job profile.
#[server(endpoint = "online_templates_for_application", input = Json)]
pub async fn online_templates_for_application(
    id: ApplicationId,
) -> Result<Vec<Named<OnlineTemplateId>>, AppError> {
    use crate::server::assessments::online::send;
    use crate::server::entities::{application, opening};
    use crate::server::{Backend, accounts::auth};
    use sea_orm::EntityTrait;
    auth::authorize(Permission::ManageRecruitment)?;
    let db = Backend::current()?.db;
    let found = application::Entity::find_by_id(id.0)
        .one(&db)
        .await?
        .ok_or(AppError::NotFound)?;
    let the_opening = opening::Entity::find_by_id(found.opening_id)
        .one(&db)
        .await?
        .ok_or(AppError::NotFound)?;
    send::for_profile(&db, the_opening.profile_id).await
}

/// Sends an online test to an application's candidate: a private link by email.
#[server(endpoint = "send_online_test", input = Json)]
pub async fn send_online_test(input: SendTestInput) -> Result<TestSent, AppError> {
    use crate::server::assessments::online::send;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    let backend = Backend::current()?;
    send::send(
        &backend.db,
        &me,
        &backend.public_url,
        input,
        chrono::Utc::now(),
    )
    .await
}

/// An online test with every answer, for its grader and for HR.
#[server(endpoint = "get_online_test", input = Json)]
pub async fn get_online_test(id: OnlineTestId) -> Result<OnlineTestDetail, AppError> {
    use crate::server::assessments::online::{review, take};
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::Interview)?;
    let db = Backend::current()?.db;
    take::close_overdue(&db, chrono::Utc::now()).await?;
    review::detail(&db, &me, id).await
}

/// Grades an online test's short answers (its grader only); answers whether it passed.
#[server(endpoint = "grade_online_answers", input = Json)]
pub async fn grade_online_answers(
    id: OnlineTestId,
    input: AnswerGrading,
) -> Result<bool, AppError> {
    use crate::server::assessments::online::review;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::Interview)?;
    review::grade(&Backend::current()?.db, &me, id, input, chrono::Utc::now()).await
}

/// What the private link opens (anyone holding it).
#[server(endpoint = "online_test_view", input = Json)]
pub async fn online_test_view(token: String) -> Result<CandidateTest, AppError> {
    use crate::server::assessments::online::take;
    use crate::server::{Backend, accounts::auth};
    auth::public();
    take::view(&Backend::current()?.db, &token, chrono::Utc::now()).await
}

/// Saves the candidate's answers as they go; answers false when the time was up (nothing
/// saved, and the test is closed).
#[server(endpoint = "save_online_answers", input = Json)]
pub async fn save_online_answers(
    token: String,
    answers: Vec<(OnlineItemId, Answer)>,
) -> Result<bool, AppError> {
    use crate::server::assessments::online::take;
    use crate::server::{Backend, accounts::auth};
    auth::public();
    let saved = take::save(&Backend::current()?.db, &token, answers, chrono::Utc::now()).await?;
    Ok(saved == take::Saved::Saved)
}
