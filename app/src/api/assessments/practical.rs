//! Practical tests: HR give one to an application; its grader, and HR, read it; only its
//! grader grades it; the candidate's private link opens its materials while it runs.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{
    AppError, AssignTestInput, GradingInput, MaterialsLink, PracticalTestDetail, PracticalTestId,
    TestAssigned, TestsOverview,
};

/// Gives a practical test to an application, with a grader and a due date.
#[server(endpoint = "assign_practical_test", input = Json)]
pub async fn assign_practical_test(input: AssignTestInput) -> Result<TestAssigned, AppError> {
    use crate::server::assessments::practical;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::ManageRecruitment)?;
    practical::assign(&Backend::current()?.db, &me, input).await
}

/// The caller's tests to grade and graded, and for HR every test still to grade.
#[server(endpoint = "my_tests", input = Json)]
pub async fn my_tests() -> Result<TestsOverview, AppError> {
    use crate::server::assessments::{online::take, practical};
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::Interview)?;
    let db = Backend::current()?.db;
    take::close_overdue(&db, chrono::Utc::now()).await?;
    practical::overview(&db, &me).await
}

/// A practical test with its rubric, for its grader and for HR.
#[server(endpoint = "get_practical_test", input = Json)]
pub async fn get_practical_test(id: PracticalTestId) -> Result<PracticalTestDetail, AppError> {
    use crate::server::assessments::practical;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::Interview)?;
    practical::detail(&Backend::current()?.db, &me, id).await
}

/// Grades a practical test (its grader only); answers whether it passed.
#[server(endpoint = "grade_practical_test", input = Json)]
pub async fn grade_practical_test(
    id: PracticalTestId,
    input: GradingInput,
) -> Result<bool, AppError> {
    use crate::server::assessments::grading;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::Interview)?;
    grading::grade(&Backend::current()?.db, &me, id, input).await
}

/// What the candidate's private link to a running test opens (anyone holding it).
#[server(endpoint = "practical_test_link", input = Json)]
pub async fn practical_test_link(token: String) -> Result<MaterialsLink, AppError> {
    use crate::server::assessments::candidate_link;
    use crate::server::{Backend, accounts::auth};
    auth::public();
    candidate_link::open(&Backend::current()?.db, &token, chrono::Utc::now()).await
}
