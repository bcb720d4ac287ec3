//! Practical tests' materials: files HR add to a template (checked by their bytes, kept in the
//! database), linked to each test assigned from it, so that removing one from the template
//! leaves the tests already given as they were. A material is deleted with its last link.
//! Adding, removing and assigning lock the template's row (PostgreSQL; SQLite's write
//! transactions are serial), so that a test never links a material being deleted and a
//! template never holds more than its limit.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::refuse;
use crate::i18n::Lang;
use crate::model::{
    AppError, FieldError, FieldErrors, MOST_MATERIALS, MaterialId, MaterialView,
    PracticalTemplateId, PracticalTestId, TemplateMaterials,
};
use crate::server::entities::{
    practical_material, practical_material_content, practical_template,
    practical_template_material, practical_test_material,
};
use crate::server::files::{Upload, UploadProblem, climbs_directories, sniff_material};

/// A material's file as downloaded.
#[derive(Debug)]
pub struct MaterialFile {
    pub name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

fn view(material: practical_material::Model) -> MaterialView {
    MaterialView {
        id: MaterialId(material.id),
        name: material.name,
        size_bytes: u64::try_from(material.size_bytes).unwrap_or(0),
        lang: material.lang.as_deref().and_then(Lang::parse),
    }
}

/// Materials `ids` in the order given.
async fn in_order(db: &impl ConnectionTrait, ids: Vec<i32>) -> Result<Vec<MaterialView>, AppError> {
    let mut found = practical_material::Entity::find()
        .filter(practical_material::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?;
    found.sort_by_key(|m| ids.iter().position(|id| *id == m.id));
    Ok(found.into_iter().map(view).collect())
}

async fn template_links(db: &impl ConnectionTrait, template_id: i32) -> Result<Vec<i32>, AppError> {
    Ok(practical_template_material::Entity::find()
        .filter(practical_template_material::Column::TemplateId.eq(template_id))
        .order_by_asc(practical_template_material::Column::Position)
        .order_by_asc(practical_template_material::Column::MaterialId)
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.material_id)
        .collect())
}

/// Template `id`'s materials page.
pub async fn of_template(
    db: &impl ConnectionTrait,
    id: PracticalTemplateId,
) -> Result<TemplateMaterials, AppError> {
    let template = practical_template::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let ids = template_links(db, template.id).await?;
    Ok(TemplateMaterials {
        template_id: id,
        title_it: template.title_it,
        title_en: template.title_en,
        materials: in_order(db, ids).await?,
    })
}

/// Test `id`'s materials, as its template had them when it was assigned.
pub async fn of_test(
    db: &impl ConnectionTrait,
    id: PracticalTestId,
) -> Result<Vec<MaterialView>, AppError> {
    let ids = practical_test_material::Entity::find()
        .filter(practical_test_material::Column::TestId.eq(id.0))
        .order_by_asc(practical_test_material::Column::Position)
        .order_by_asc(practical_test_material::Column::MaterialId)
        .all(db)
        .await?
        .into_iter()
        .map(|l| l.material_id)
        .collect();
    in_order(db, ids).await
}

/// Links template `template_id`'s materials to test `test_id`, in the template's order.
pub async fn give_to_test(
    db: &impl ConnectionTrait,
    template_id: i32,
    test_id: i32,
) -> Result<(), AppError> {
    for (position, material_id) in template_links(db, template_id)
        .await?
        .into_iter()
        .enumerate()
    {
        practical_test_material::ActiveModel {
            test_id: Set(test_id),
            material_id: Set(material_id),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// The language a material is written in, as the form sends it: empty for every candidate.
pub fn parse_lang(value: &str) -> Result<Option<Lang>, AppError> {
    match value.trim() {
        "" => Ok(None),
        other => Lang::parse(other)
            .map(Some)
            .ok_or_else(|| refuse("lang", "choice")),
    }
}

/// Adds `upload` to template `id`'s materials, for the candidates speaking `lang` (or all).
/// Refused on the `file` field: no file, an empty or too large one, one that is not a
/// document, spreadsheet, picture or plain text, and one more than the template may hold.
pub async fn add(
    db: &DatabaseConnection,
    id: PracticalTemplateId,
    lang: Option<Lang>,
    upload: Option<Upload>,
) -> Result<MaterialId, AppError> {
    practical_template::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(upload) = upload else {
        return Err(refuse("file", "material_required"));
    };
    if climbs_directories(&upload.file_name) {
        return Err(refuse("file", "file_name"));
    }
    let kind = sniff_material(&upload.file_name, &upload.bytes).map_err(|problem| {
        let error = match problem {
            UploadProblem::WrongType => FieldError::new("material_type"),
            other => other.error(),
        };
        let mut errors = FieldErrors::default();
        errors.0.insert("file".into(), error);
        AppError::Invalid(errors)
    })?;
    let name = crate::server::files::clean_file_name(&upload.file_name, kind.extension());
    let bytes = upload.bytes;
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            practical_template::Entity::find_by_id(id.0)
                .lock_exclusive()
                .one(tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let held = practical_template_material::Entity::find()
                .filter(practical_template_material::Column::TemplateId.eq(id.0))
                .count(tx)
                .await?;
            if held >= MOST_MATERIALS as u64 {
                let mut errors = FieldErrors::single("file", "too_many_materials");
                if let Some(error) = errors.0.get_mut("file") {
                    error.param = Some(MOST_MATERIALS as i64);
                }
                return Err(AppError::Invalid(errors));
            }
            let last: Option<i32> = practical_template_material::Entity::find()
                .select_only()
                .column_as(practical_template_material::Column::Position.max(), "last")
                .filter(practical_template_material::Column::TemplateId.eq(id.0))
                .into_tuple::<Option<i32>>()
                .one(tx)
                .await?
                .flatten();
            let material = practical_material::ActiveModel {
                name: Set(name),
                content_type: Set(kind.content_type().to_owned()),
                size_bytes: Set(i64::try_from(bytes.len()).unwrap_or(i64::MAX)),
                sha256: Set(crate::server::files::sha256_hex(&bytes)),
                lang: Set(lang.map(|l| l.as_str().to_owned())),
                created_at: Set(chrono::Utc::now()),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            practical_material_content::ActiveModel {
                material_id: Set(material.id),
                bytes: Set(bytes),
            }
            .insert(tx)
            .await?;
            practical_template_material::ActiveModel {
                template_id: Set(id.0),
                material_id: Set(material.id),
                position: Set(last.map_or(0, |p| p + 1)),
            }
            .insert(tx)
            .await?;
            tracing::info!(template_id = %id, material_id = material.id, "material added");
            Ok(MaterialId(material.id))
        })
    })
    .await
}

/// Takes material `material` off template `id`; the tests already given keep it. The
/// material itself goes once nothing links to it.
pub async fn remove(
    db: &DatabaseConnection,
    id: PracticalTemplateId,
    material: MaterialId,
) -> Result<(), AppError> {
    crate::server::write(db, move |tx| {
        Box::pin(async move {
            practical_template::Entity::find_by_id(id.0)
                .lock_exclusive()
                .one(tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let removed = practical_template_material::Entity::delete_many()
                .filter(practical_template_material::Column::TemplateId.eq(id.0))
                .filter(practical_template_material::Column::MaterialId.eq(material.0))
                .exec(tx)
                .await?;
            if removed.rows_affected == 0 {
                return Err(AppError::NotFound);
            }
            prune(tx).await?;
            tracing::info!(template_id = %id, material_id = %material, "material removed");
            Ok(())
        })
    })
    .await
}

/// Deletes the materials that neither a template nor a test hands out any more (after one is
/// taken off its template, or the tests holding it are erased with their candidate).
pub async fn prune(db: &impl ConnectionTrait) -> Result<(), AppError> {
    use sea_orm::sea_query::Query;
    let on_templates = Query::select()
        .column(practical_template_material::Column::MaterialId)
        .from(practical_template_material::Entity)
        .to_owned();
    let on_tests = Query::select()
        .column(practical_test_material::Column::MaterialId)
        .from(practical_test_material::Entity)
        .to_owned();
    let pruned = practical_material::Entity::delete_many()
        .filter(practical_material::Column::Id.not_in_subquery(on_templates))
        .filter(practical_material::Column::Id.not_in_subquery(on_tests))
        .exec(db)
        .await?;
    if pruned.rows_affected > 0 {
        tracing::info!(
            count = pruned.rows_affected,
            "materials no longer handed out deleted"
        );
    }
    Ok(())
}

/// Material `id`'s file.
async fn file(db: &impl ConnectionTrait, id: MaterialId) -> Result<MaterialFile, AppError> {
    let material = practical_material::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let content = practical_material_content::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(MaterialFile {
        name: material.name,
        content_type: material.content_type,
        bytes: content.bytes,
    })
}

/// Material `material` of template `id`, if the template hands it out.
pub async fn template_file(
    db: &impl ConnectionTrait,
    id: PracticalTemplateId,
    material: MaterialId,
) -> Result<MaterialFile, AppError> {
    practical_template_material::Entity::find_by_id((id.0, material.0))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    file(db, material).await
}

/// Material `material` of test `id`, if the test has it and, for a candidate speaking `lang`,
/// it is written for them.
pub async fn test_file(
    db: &impl ConnectionTrait,
    id: PracticalTestId,
    material: MaterialId,
    lang: Option<Lang>,
) -> Result<MaterialFile, AppError> {
    practical_test_material::Entity::find_by_id((id.0, material.0))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(lang) = lang {
        let found = practical_material::Entity::find_by_id(material.0)
            .one(db)
            .await?
            .map(view)
            .ok_or(AppError::NotFound)?;
        if !found.is_for(lang) {
            return Err(AppError::NotFound);
        }
    }
    file(db, material).await
}
