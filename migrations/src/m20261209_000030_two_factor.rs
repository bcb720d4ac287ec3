//! Two-factor sign-in and throttling by device: each user's authenticator secret (and the last
//! time step a code was accepted for, so none is accepted twice), their recovery codes (hashes
//! only), the roles that must use a second factor, the sign-ins waiting for their second
//! factor, and the browsers that have signed in to an account before (by the SHA-256 of their
//! device cookie), which failed attempts now name.

use sea_orm_migration::{prelude::*, schema::*};

use crate::seeding::foreign_key;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SecondFactors {
    Table,
    UserId,
    Secret,
    CreatedAt,
    ConfirmedAt,
    LastStep,
}

#[derive(DeriveIden)]
enum RecoveryCodes {
    Table,
    Id,
    UserId,
    CodeHash,
    CreatedAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum TwoFactorRoles {
    Table,
    Role,
    RequiredAt,
}

#[derive(DeriveIden)]
enum SignInChallenges {
    Table,
    Id,
    UserId,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum KnownDevices {
    Table,
    Id,
    UserId,
    TokenHash,
    CreatedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum LoginAttempts {
    Table,
    DeviceId,
}

fn owned_by_user(
    name: &str,
    table: impl IntoIden + 'static,
    column: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    foreign_key(
        name,
        (table, column),
        (Users::Table, Users::Id),
        ForeignKeyAction::Cascade,
    )
}

async fn index_user(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden + 'static,
    column: impl IntoIden + 'static,
) -> Result<(), DbErr> {
    manager
        .create_index(
            Index::create()
                .name(name)
                .table(table)
                .col(column)
                .to_owned(),
        )
        .await
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SecondFactors::Table)
                    .col(integer(SecondFactors::UserId).primary_key())
                    .col(string_len(SecondFactors::Secret, 64))
                    .col(timestamp_with_time_zone(SecondFactors::CreatedAt))
                    .col(timestamp_with_time_zone_null(SecondFactors::ConfirmedAt))
                    .col(big_integer_null(SecondFactors::LastStep))
                    .foreign_key(&mut owned_by_user(
                        "fk_second_factors_user",
                        SecondFactors::Table,
                        SecondFactors::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RecoveryCodes::Table)
                    .col(pk_auto(RecoveryCodes::Id))
                    .col(integer(RecoveryCodes::UserId))
                    .col(string_len(RecoveryCodes::CodeHash, 64))
                    .col(timestamp_with_time_zone(RecoveryCodes::CreatedAt))
                    .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                    .foreign_key(&mut owned_by_user(
                        "fk_recovery_codes_user",
                        RecoveryCodes::Table,
                        RecoveryCodes::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        index_user(
            manager,
            "idx_recovery_codes_user",
            RecoveryCodes::Table,
            RecoveryCodes::UserId,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(TwoFactorRoles::Table)
                    .col(string_len(TwoFactorRoles::Role, 20).primary_key())
                    .col(timestamp_with_time_zone(TwoFactorRoles::RequiredAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SignInChallenges::Table)
                    .col(pk_auto(SignInChallenges::Id))
                    .col(integer(SignInChallenges::UserId))
                    .col(string_len(SignInChallenges::TokenHash, 64).unique_key())
                    .col(timestamp_with_time_zone(SignInChallenges::CreatedAt))
                    .col(timestamp_with_time_zone(SignInChallenges::ExpiresAt))
                    .col(timestamp_with_time_zone_null(SignInChallenges::UsedAt))
                    .foreign_key(&mut owned_by_user(
                        "fk_sign_in_challenges_user",
                        SignInChallenges::Table,
                        SignInChallenges::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        index_user(
            manager,
            "idx_sign_in_challenges_user",
            SignInChallenges::Table,
            SignInChallenges::UserId,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(KnownDevices::Table)
                    .col(pk_auto(KnownDevices::Id))
                    .col(integer(KnownDevices::UserId))
                    .col(string_len(KnownDevices::TokenHash, 64).unique_key())
                    .col(timestamp_with_time_zone(KnownDevices::CreatedAt))
                    .col(timestamp_with_time_zone(KnownDevices::LastUsedAt))
                    .foreign_key(&mut owned_by_user(
                        "fk_known_devices_user",
                        KnownDevices::Table,
                        KnownDevices::UserId,
                    ))
                    .to_owned(),
            )
            .await?;
        index_user(
            manager,
            "idx_known_devices_user",
            KnownDevices::Table,
            KnownDevices::UserId,
        )
        .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(LoginAttempts::Table)
                    .add_column(integer_null(LoginAttempts::DeviceId))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(LoginAttempts::Table)
                    .drop_column(LoginAttempts::DeviceId)
                    .to_owned(),
            )
            .await?;
        for table in [
            KnownDevices::Table.into_iden(),
            SignInChallenges::Table.into_iden(),
            TwoFactorRoles::Table.into_iden(),
            RecoveryCodes::Table.into_iden(),
            SecondFactors::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
