//! The starter practical tests' materials, one in Italian and one in English for each starter
//! template: the service sheet, the meeting notes, the Milan trip brief, the documents with
//! the archive plan, and the order with its invoice. Plain text, frozen with the migration that
//! loads them; HR replace them in the app.

use crate::seeding::catch_up_sequence;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;
use sha2::{Digest, Sha256};

/// One starter material: the starter template it belongs to (by its English title, as first
/// loaded), its language, its file name, and its text.
pub struct MaterialSeed {
    pub template_en: &'static str,
    pub lang: &'static str,
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! material {
    ($template:expr, $lang:expr, $name:expr) => {
        MaterialSeed {
            template_en: $template,
            lang: $lang,
            name: $name,
            text: include_str!(concat!("practical_materials/", $name)),
        }
    };
}

const COMPLAINT: &str = "Handling a complaint (role-play)";
const MINUTES: &str = "Minutes from meeting notes";
const TRIP: &str = "Organising a business trip and a meeting agenda";
const ARCHIVE: &str = "Classifying documents into an archive plan";
const INVOICE: &str = "Reconciling an invoice against an order";

pub const MATERIALS: &[MaterialSeed] = &[
    material!(COMPLAINT, "it", "scheda-servizio.txt"),
    material!(COMPLAINT, "en", "service-sheet.txt"),
    material!(MINUTES, "it", "appunti-riunione.txt"),
    material!(MINUTES, "en", "meeting-notes.txt"),
    material!(TRIP, "it", "viaggio-milano.txt"),
    material!(TRIP, "en", "milan-trip.txt"),
    material!(ARCHIVE, "it", "documenti-e-titolario.txt"),
    material!(ARCHIVE, "en", "documents-and-archive-plan.txt"),
    material!(INVOICE, "it", "ordine-e-fattura.txt"),
    material!(INVOICE, "en", "order-and-invoice.txt"),
];

/// Every template's English title and id, oldest first (so the starters, loaded first, match
/// before any later template of the same title).
async fn starter_templates(db: &impl ConnectionTrait) -> Result<Vec<(String, i32)>, DbErr> {
    let rows = db
        .query_all(
            &Query::select()
                .column(Alias::new("title_en"))
                .column(Alias::new("id"))
                .from(Alias::new("practical_templates"))
                .order_by(Alias::new("id"), Order::Asc)
                .to_owned(),
        )
        .await?;
    rows.iter()
        .map(|row| Ok((row.try_get_by_index(0)?, row.try_get_by_index(1)?)))
        .collect()
}

/// Loads the starter materials and links each to its template, if that template is there.
pub async fn load(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let templates = starter_templates(db).await?;
    let now = chrono::Utc::now();
    let mut position = 0;
    for (index, seed) in MATERIALS.iter().enumerate() {
        let Some(template_id) = templates
            .iter()
            .find(|(title, _)| title == seed.template_en)
            .map(|(_, id)| *id)
        else {
            continue;
        };
        let material_id = <i32 as TryFrom<usize>>::try_from(index + 1).unwrap_or(i32::MAX);
        let bytes = seed.text.as_bytes();
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(Alias::new("practical_materials"))
                    .columns([
                        Alias::new("id"),
                        Alias::new("name"),
                        Alias::new("content_type"),
                        Alias::new("size_bytes"),
                        Alias::new("sha256"),
                        Alias::new("lang"),
                        Alias::new("created_at"),
                    ])
                    .values_panic([
                        material_id.into(),
                        seed.name.into(),
                        "text/plain; charset=utf-8".into(),
                        <i64 as TryFrom<usize>>::try_from(bytes.len())
                            .unwrap_or(i64::MAX)
                            .into(),
                        hex::encode(Sha256::digest(bytes)).into(),
                        seed.lang.into(),
                        now.into(),
                    ])
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(Alias::new("practical_material_contents"))
                    .columns([Alias::new("material_id"), Alias::new("bytes")])
                    .values_panic([material_id.into(), bytes.to_vec().into()])
                    .to_owned(),
            )
            .await?;
        position += 1;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(Alias::new("practical_template_materials"))
                    .columns([
                        Alias::new("template_id"),
                        Alias::new("material_id"),
                        Alias::new("position"),
                    ])
                    .values_panic([template_id.into(), material_id.into(), position.into()])
                    .to_owned(),
            )
            .await?;
    }
    catch_up_sequence(manager, "practical_materials").await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::practical_test_data::TEMPLATES;

    #[test]
    fn every_starter_template_has_its_material_in_italian_and_in_english() {
        for template in TEMPLATES {
            for lang in ["it", "en"] {
                assert!(
                    MATERIALS
                        .iter()
                        .any(|m| m.template_en == template.title_en && m.lang == lang),
                    "{} ({lang})",
                    template.title_en
                );
            }
        }
        assert!(MATERIALS.iter().all(|m| !m.text.trim().is_empty()));
    }
}
