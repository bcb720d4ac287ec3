//! Practical test templates (HR and admins): the list, the editor, the materials, and the
//! templates offered for an application's job profile.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{
    AppError, ApplicationId, Named, PracticalTemplateId, TemplateEditor, TemplateInput,
    TemplateMaterials, TemplateSummary,
};

/// Every practical test template.
#[server(endpoint = "practical_templates", input = Json)]
pub async fn practical_templates() -> Result<Vec<TemplateSummary>, AppError> {
    use crate::server::assessments::templates;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageRecruitment)?;
    templates::list(&Backend::current()?.db).await
}

/// A template to edit (none for a new one), with every job profile and competency.
#[server(endpoint = "practical_template_editor", input = Json)]
pub async fn practical_template_editor(
    id: Option<PracticalTemplateId>,
) -> Result<TemplateEditor, AppError> {
    use crate::server::assessments::templates;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageRecruitment)?;
    templates::editor(&Backend::current()?.db, id).await
}

/// Saves a template: a new one when `id` is none; answers its id.
#[server(endpoint = "save_practical_template", input = Json)]
pub async fn save_practical_template(
    id: Option<PracticalTemplateId>,
    input: TemplateInput,
) -> Result<PracticalTemplateId, AppError> {
    use crate::server::assessments::templates;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageRecruitment)?;
    let db = Backend::current()?.db;
    match id {
        Some(id) => templates::update(&db, id, input).await.map(|()| id),
        None => templates::create(&db, input).await,
    }
}

/// The active templates of an application's job profile, to assign one.
#[server(endpoint = "templates_for_application", input = Json)]
pub async fn templates_for_application(
    id: ApplicationId,
) -> Result<Vec<Named<PracticalTemplateId>>, AppError> {
    use crate::server::assessments::templates;
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
    templates::for_profile(&db, the_opening.profile_id).await
}

/// A template's materials. (Adding and removing one are plain form posts to the materials
/// page: see the server's `forms::materials`.)
#[server(endpoint = "practical_template_materials", input = Json)]
pub async fn practical_template_materials(
    id: PracticalTemplateId,
) -> Result<TemplateMaterials, AppError> {
    use crate::server::assessments::materials;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageRecruitment)?;
    materials::of_template(&Backend::current()?.db, id).await
}
