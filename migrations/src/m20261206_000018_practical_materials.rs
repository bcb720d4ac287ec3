//! Practical tests' materials: files (kept in the database, with their size and SHA-256) that a
//! template hands out, optionally in one language; a test links the materials its template had
//! when it was assigned. A test also records when it started and the hash of the private link
//! that lets the candidate download its materials while it runs. Loads the starter templates'
//! materials.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden)]
enum PracticalTemplates {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum PracticalTests {
    Table,
    Id,
    StartedAt,
    LinkTokenHash,
}

#[derive(DeriveIden)]
enum PracticalMaterials {
    Table,
    Id,
    Name,
    ContentType,
    SizeBytes,
    Sha256,
    Lang,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PracticalMaterialContents {
    Table,
    MaterialId,
    Bytes,
}

#[derive(DeriveIden, Clone, Copy)]
enum PracticalTemplateMaterials {
    Table,
    TemplateId,
    MaterialId,
    Position,
}

#[derive(DeriveIden, Clone, Copy)]
enum PracticalTestMaterials {
    Table,
    TestId,
    MaterialId,
    Position,
}

fn cascade(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// A link table from `owner` (a template or a test) to materials, in the owner's order.
fn links(
    table: impl IntoIden + Copy + 'static,
    owner: impl IntoIden + Copy + 'static,
    material: impl IntoIden + Copy + 'static,
    position: impl IntoIden + Copy + 'static,
    owner_table: (impl IntoIden, impl IntoIden),
    name: &str,
) -> TableCreateStatement {
    Table::create()
        .table(table)
        .col(integer(owner))
        .col(integer(material))
        .col(integer(position))
        .primary_key(Index::create().col(owner).col(material))
        .foreign_key(&mut cascade(
            &format!("fk_{name}_owner"),
            (table, owner),
            owner_table,
        ))
        .foreign_key(&mut cascade(
            &format!("fk_{name}_material"),
            (table, material),
            (PracticalMaterials::Table, PracticalMaterials::Id),
        ))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PracticalMaterials::Table)
                    .col(pk_auto(PracticalMaterials::Id))
                    .col(string_len(PracticalMaterials::Name, 200))
                    .col(string_len(PracticalMaterials::ContentType, 100))
                    .col(big_integer(PracticalMaterials::SizeBytes))
                    .col(string_len(PracticalMaterials::Sha256, 64))
                    .col(string_len_null(PracticalMaterials::Lang, 2))
                    .col(timestamp_with_time_zone(PracticalMaterials::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PracticalMaterialContents::Table)
                    .col(integer(PracticalMaterialContents::MaterialId).primary_key())
                    .col(blob(PracticalMaterialContents::Bytes))
                    .foreign_key(&mut cascade(
                        "fk_practical_material_contents_material",
                        (
                            PracticalMaterialContents::Table,
                            PracticalMaterialContents::MaterialId,
                        ),
                        (PracticalMaterials::Table, PracticalMaterials::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(links(
                PracticalTemplateMaterials::Table,
                PracticalTemplateMaterials::TemplateId,
                PracticalTemplateMaterials::MaterialId,
                PracticalTemplateMaterials::Position,
                (PracticalTemplates::Table, PracticalTemplates::Id),
                "practical_template_materials",
            ))
            .await?;
        manager
            .create_table(links(
                PracticalTestMaterials::Table,
                PracticalTestMaterials::TestId,
                PracticalTestMaterials::MaterialId,
                PracticalTestMaterials::Position,
                (PracticalTests::Table, PracticalTests::Id),
                "practical_test_materials",
            ))
            .await?;
        for (table, column) in [
            (
                PracticalTemplateMaterials::Table.into_iden(),
                PracticalTemplateMaterials::MaterialId.into_iden(),
            ),
            (
                PracticalTestMaterials::Table.into_iden(),
                PracticalTestMaterials::MaterialId.into_iden(),
            ),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(format!("idx_{table}_material"))
                        .table(table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        // SQLite adds one column a statement.
        manager
            .alter_table(
                Table::alter()
                    .table(PracticalTests::Table)
                    .add_column(timestamp_with_time_zone_null(PracticalTests::StartedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(PracticalTests::Table)
                    .add_column(string_len_null(PracticalTests::LinkTokenHash, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_practical_tests_link_token")
                    .table(PracticalTests::Table)
                    .col(PracticalTests::LinkTokenHash)
                    .unique()
                    .to_owned(),
            )
            .await?;
        crate::practical_material_data::load(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_practical_tests_link_token")
                    .table(PracticalTests::Table)
                    .to_owned(),
            )
            .await?;
        for column in [PracticalTests::LinkTokenHash, PracticalTests::StartedAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(PracticalTests::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for table in [
            PracticalTestMaterials::Table.into_iden(),
            PracticalTemplateMaterials::Table.into_iden(),
            PracticalMaterialContents::Table.into_iden(),
            PracticalMaterials::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveMigrationName)]
pub struct Migration;
