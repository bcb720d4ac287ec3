//! The starter certification catalogue, in Italian and English, for front- and back-office
//! staff: first aid, fire warden, anti-money laundering, office software, English and the
//! archivist's professional certification, with the competencies each proves and the job
//! profiles each is required for. Frozen with the migration that loads them; HR edit them in
//! the app afterwards.

use sea_orm_migration::prelude::*;

use crate::course_data::CompetencyLevel;
use crate::seeding::{catch_up_sequence, find, ids_by_code};

/// A starter certification, required for the job profiles with these codes.
pub struct CertificationSeed {
    /// Stable slug, e.g. "first-aid"; never shown to users.
    pub code: &'static str,
    pub name_it: &'static str,
    pub name_en: &'static str,
    pub issuer: &'static str,
    /// How long a certificate is valid from its issue; `None` when it does not expire.
    pub validity_months: Option<i32>,
    pub proves: &'static [CompetencyLevel],
    /// Job profile codes.
    pub required_for: &'static [&'static str],
}

pub const CERTIFICATIONS: &[CertificationSeed] = &[
    CertificationSeed {
        code: "first-aid",
        name_it: "Addetto al primo soccorso aziendale",
        name_en: "Workplace first aider",
        issuer: "Ente formativo accreditato (D.M. 388/2003)",
        validity_months: Some(36),
        proves: &[CompetencyLevel {
            competency: "emergency-handling",
            level: 3,
        }],
        required_for: &["hotel-receptionist", "clinic-front-desk"],
    },
    CertificationSeed {
        code: "fire-warden",
        name_it: "Addetto antincendio (rischio medio)",
        name_en: "Fire warden (medium risk)",
        issuer: "Vigili del Fuoco",
        validity_months: Some(60),
        proves: &[CompetencyLevel {
            competency: "emergency-handling",
            level: 3,
        }],
        required_for: &["hotel-receptionist"],
    },
    CertificationSeed {
        code: "anti-money-laundering",
        name_it: "Antiriciclaggio (D.Lgs. 231/2007)",
        name_en: "Anti-money laundering (Legislative Decree 231/2007)",
        issuer: "ABIFormazione",
        validity_months: Some(12),
        proves: &[
            CompetencyLevel {
                competency: "products-services-knowledge",
                level: 3,
            },
            CompetencyLevel {
                competency: "administrative-work",
                level: 2,
            },
        ],
        required_for: &["bank-teller"],
    },
    CertificationSeed {
        code: "icdl-full-standard",
        name_it: "ICDL Full Standard",
        name_en: "ICDL Full Standard",
        issuer: "AICA",
        validity_months: None,
        proves: &[
            CompetencyLevel {
                competency: "document-drafting",
                level: 3,
            },
            CompetencyLevel {
                competency: "administrative-work",
                level: 2,
            },
        ],
        required_for: &["administrative-assistant"],
    },
    CertificationSeed {
        code: "english-b2",
        name_it: "Inglese livello B2 (QCER)",
        name_en: "English, level B2 (CEFR)",
        issuer: "Cambridge Assessment English",
        validity_months: None,
        proves: &[
            CompetencyLevel {
                competency: "verbal-communication",
                level: 3,
            },
            CompetencyLevel {
                competency: "written-communication",
                level: 3,
            },
        ],
        required_for: &["hotel-receptionist"],
    },
    CertificationSeed {
        code: "certified-archivist",
        name_it: "Archivista certificato (UNI 11536)",
        name_en: "Certified archivist (UNI 11536)",
        issuer: "ANAI",
        validity_months: Some(36),
        proves: &[CompetencyLevel {
            competency: "archive-management",
            level: 4,
        }],
        required_for: &["archivist-records-clerk"],
    },
];

/// Loads the starter certifications with ids 1..=6, each with the competencies it proves that
/// exist and the job profiles it is required for that exist.
pub async fn load(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let competencies = ids_by_code(db, "competencies").await?;
    let profiles = ids_by_code(db, "job_profiles").await?;
    let now = chrono::Utc::now();
    for (index, seed) in CERTIFICATIONS.iter().enumerate() {
        let id = <i32 as TryFrom<usize>>::try_from(index + 1).unwrap_or(i32::MAX);
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(Alias::new("certifications"))
                    .columns([
                        Alias::new("id"),
                        Alias::new("code"),
                        Alias::new("name_it"),
                        Alias::new("name_en"),
                        Alias::new("issuer"),
                        Alias::new("validity_months"),
                        Alias::new("active"),
                        Alias::new("created_at"),
                        Alias::new("updated_at"),
                    ])
                    .values_panic([
                        id.into(),
                        seed.code.into(),
                        seed.name_it.into(),
                        seed.name_en.into(),
                        seed.issuer.into(),
                        seed.validity_months.into(),
                        true.into(),
                        now.into(),
                        now.into(),
                    ])
                    .to_owned(),
            )
            .await?;
        for proven in seed.proves {
            let Some(competency) = find(&competencies, proven.competency) else {
                continue;
            };
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table(Alias::new("certification_competencies"))
                        .columns([
                            Alias::new("certification_id"),
                            Alias::new("competency_id"),
                            Alias::new("level"),
                        ])
                        .values_panic([id.into(), competency.into(), proven.level.into()])
                        .to_owned(),
                )
                .await?;
        }
        for profile in seed
            .required_for
            .iter()
            .filter_map(|code| find(&profiles, code))
        {
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table(Alias::new("certification_profiles"))
                        .columns([Alias::new("certification_id"), Alias::new("profile_id")])
                        .values_panic([id.into(), profile.into()])
                        .to_owned(),
                )
                .await?;
        }
    }
    catch_up_sequence(manager, "certifications").await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework_data::{COMPETENCIES, PROFILES};

    #[test]
    fn every_starter_certification_proves_competencies_of_the_framework() {
        for seed in CERTIFICATIONS {
            assert!(!seed.proves.is_empty(), "{}", seed.code);
            for proven in seed.proves {
                assert!(
                    COMPETENCIES.iter().any(|c| c.code == proven.competency),
                    "{}: {}",
                    seed.code,
                    proven.competency
                );
            }
        }
    }

    #[test]
    fn every_profile_a_starter_certification_is_required_for_exists() {
        for seed in CERTIFICATIONS {
            for code in seed.required_for {
                assert!(PROFILES.iter().any(|p| p.code == *code), "{code}");
            }
        }
    }

    #[test]
    fn starter_validities_are_within_what_the_catalogue_accepts() {
        for seed in CERTIFICATIONS {
            assert!(
                seed.validity_months.is_none_or(|m| (1..=600).contains(&m)),
                "{}",
                seed.code
            );
        }
    }
}
