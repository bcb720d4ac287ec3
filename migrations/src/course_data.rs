//! The starter course catalogue, in Italian and English, for front- and back-office staff: the
//! tools, customer care, writing, archive, privacy, safety, spreadsheet and language courses,
//! with the competencies each develops and the job profiles each is mandatory for.
//! Frozen with the migration that loads them; HR edit them in the app afterwards.

use crate::seeding::{catch_up_sequence, find, ids_by_code};
use sea_orm_migration::prelude::*;

/// A competency a course develops, and the level (1..=5) the course brings it to.
pub struct CompetencyLevel {
    pub competency: &'static str,
    pub level: i32,
}

/// A starter course, mandatory for the job profiles with these codes.
pub struct CourseSeed {
    /// Stable slug, e.g. "privacy-gdpr"; never shown to users.
    pub code: &'static str,
    pub title_it: &'static str,
    pub title_en: &'static str,
    pub description_it: &'static str,
    pub description_en: &'static str,
    pub provider: &'static str,
    /// "internal" | "external" | "seminar" | "elearning"
    pub kind: &'static str,
    pub hours: i32,
    /// How long a completion counts before the course has to be taken again; `None` for ever.
    pub validity_months: Option<i32>,
    pub develops: &'static [CompetencyLevel],
    /// Job profile codes.
    pub mandatory_for: &'static [&'static str],
}

/// The four kinds of course, as stored in `courses.kind`.
pub const KINDS: &[&str] = &["internal", "external", "seminar", "elearning"];

pub const COURSES: &[CourseSeed] = &[
    CourseSeed {
        code: "crm-ticketing",
        title_it: "Strumenti CRM e ticketing",
        title_en: "CRM and ticketing tools",
        description_it: "Uso del CRM e del sistema di ticketing aziendali: ricerca della scheda cliente, registrazione di ogni contatto, apertura e aggiornamento dei ticket con categoria e priorità corrette. Obbligatorio per chi lavora ogni giorno con questi strumenti.",
        description_en: "Using the company CRM and ticketing system: finding the customer record, logging every contact, and opening and updating tickets with the right category and priority. Mandatory for staff who work with these tools every day.",
        provider: "Formazione interna",
        kind: "internal",
        hours: 8,
        validity_months: None,
        develops: &[
            CompetencyLevel {
                competency: "crm-ticketing-tools",
                level: 3,
            },
            CompetencyLevel {
                competency: "request-handling",
                level: 3,
            },
        ],
        mandatory_for: &["contact-centre-agent", "clinic-front-desk"],
    },
    CourseSeed {
        code: "customer-care-complaints",
        title_it: "Customer care e gestione dei reclami",
        title_en: "Customer care and complaint handling",
        description_it: "Accoglienza e ascolto del cliente, gestione delle conversazioni difficili e dei reclami di persona, al telefono e per iscritto, fino a una soluzione concordata. Esercitazioni in role-play su casi reali.",
        description_en: "Welcoming and listening to customers, and handling difficult conversations and complaints face to face, on the phone and in writing, through to an agreed remedy. Role-play exercises on real cases.",
        provider: "Ente di formazione accreditato",
        kind: "external",
        hours: 16,
        validity_months: None,
        develops: &[
            CompetencyLevel {
                competency: "welcoming-empathy-patience",
                level: 4,
            },
            CompetencyLevel {
                competency: "verbal-communication",
                level: 4,
            },
            CompetencyLevel {
                competency: "request-handling",
                level: 3,
            },
        ],
        mandatory_for: &[],
    },
    CourseSeed {
        code: "business-writing",
        title_it: "Scrittura professionale: lettere, email e verbali",
        title_en: "Business writing: letters, emails and minutes",
        description_it: "Come scrivere lettere, email e verbali chiari, corretti e nel registro giusto, partendo da modelli pronti all'uso. Comprende la revisione dei testi scritti dai partecipanti.",
        description_en: "How to write clear, correct letters, emails and minutes in the right register, starting from ready-to-use templates. Includes a review of the texts the participants write.",
        provider: "Ente di formazione accreditato",
        kind: "external",
        hours: 12,
        validity_months: None,
        develops: &[
            CompetencyLevel {
                competency: "written-communication",
                level: 4,
            },
            CompetencyLevel {
                competency: "document-drafting",
                level: 3,
            },
        ],
        mandatory_for: &[],
    },
    CourseSeed {
        code: "archive-records",
        title_it: "Gestione dell'archivio: titolario e conservazione",
        title_en: "Archive and records management: classification scheme and retention",
        description_it: "Protocollazione, classificazione e fascicolazione dei documenti cartacei e digitali secondo il titolario, con tempi di conservazione e scarto secondo il massimario. Cenni alla conservazione digitale a norma.",
        description_en: "Registering, classifying and filing paper and digital documents according to the classification scheme (titolario), with retention periods and disposal under the retention schedule. An introduction to compliant long-term digital preservation.",
        provider: "Centro studi archivistici",
        kind: "seminar",
        hours: 8,
        validity_months: None,
        develops: &[
            CompetencyLevel {
                competency: "archive-management",
                level: 4,
            },
            CompetencyLevel {
                competency: "document-drafting",
                level: 3,
            },
        ],
        mandatory_for: &[],
    },
    CourseSeed {
        code: "privacy-gdpr",
        title_it: "Privacy e GDPR per il personale",
        title_en: "Privacy and GDPR for staff",
        description_it: "I principi del GDPR applicati al lavoro quotidiano: quali dati si possono trattare e come, riservatezza allo sportello e in archivio, come riconoscere e inoltrare le richieste degli interessati e le violazioni di dati. Da ripetere ogni due anni.",
        description_en: "GDPR principles applied to everyday work: which data may be processed and how, confidentiality at the desk and in the archive, and how to recognise and pass on data-subject requests and data breaches. To be repeated every two years.",
        provider: "Formazione interna",
        kind: "elearning",
        hours: 4,
        validity_months: Some(24),
        develops: &[
            CompetencyLevel {
                competency: "archive-management",
                level: 3,
            },
            CompetencyLevel {
                competency: "request-handling",
                level: 3,
            },
        ],
        mandatory_for: &[
            "hotel-receptionist",
            "bank-teller",
            "contact-centre-agent",
            "clinic-front-desk",
            "tax-practice-front-desk",
            "urp-officer",
            "accounting-clerk",
            "administrative-assistant",
            "archivist-records-clerk",
        ],
    },
    CourseSeed {
        code: "workplace-safety",
        title_it: "Sicurezza sul lavoro – formazione generale",
        title_en: "Workplace safety – general training",
        description_it: "Formazione generale dei lavoratori ai sensi del D.Lgs. 81/2008 (art. 37): rischio, danno e prevenzione, organizzazione della prevenzione in azienda, diritti e doveri dei lavoratori, procedure di emergenza ed evacuazione.",
        description_en: "General training for workers under Legislative Decree 81/2008 (art. 37): risk, harm and prevention, how prevention is organised in the company, workers' rights and duties, and emergency and evacuation procedures.",
        provider: "Servizio di prevenzione e protezione (RSPP)",
        kind: "internal",
        hours: 4,
        // Company policy: renewed every year.
        validity_months: Some(12),
        develops: &[CompetencyLevel {
            competency: "emergency-handling",
            level: 3,
        }],
        mandatory_for: &[
            "hotel-receptionist",
            "bank-teller",
            "contact-centre-agent",
            "clinic-front-desk",
            "tax-practice-front-desk",
            "urp-officer",
            "accounting-clerk",
            "administrative-assistant",
            "archivist-records-clerk",
        ],
    },
    CourseSeed {
        code: "excel-administration",
        title_it: "Excel per l'amministrazione",
        title_en: "Excel for administration",
        description_it: "Il foglio di calcolo nel lavoro amministrativo: formule, filtri, tabelle pivot, scadenzari e riconciliazione di estratti conto e fatture. Esercitazioni su dati reali resi anonimi.",
        description_en: "Spreadsheets in administrative work: formulas, filters, pivot tables, deadline schedules and reconciling statements and invoices. Exercises on real, anonymised data.",
        provider: "Ente di formazione accreditato",
        kind: "external",
        hours: 20,
        validity_months: None,
        develops: &[
            CompetencyLevel {
                competency: "administrative-work",
                level: 4,
            },
            CompetencyLevel {
                competency: "time-management",
                level: 3,
            },
        ],
        mandatory_for: &[],
    },
    CourseSeed {
        code: "english-front-office",
        title_it: "Inglese per il front office",
        title_en: "English for front office",
        description_it: "L'inglese per accogliere clienti e ospiti stranieri, dare informazioni, rispondere al telefono e scrivere brevi email. Livello di arrivo B1.",
        description_en: "English for welcoming foreign customers and guests, giving information, answering the phone and writing short emails. Target level B1.",
        provider: "Scuola di lingue convenzionata",
        kind: "external",
        hours: 40,
        validity_months: None,
        develops: &[
            CompetencyLevel {
                competency: "verbal-communication",
                level: 3,
            },
            CompetencyLevel {
                competency: "written-communication",
                level: 3,
            },
        ],
        mandatory_for: &[],
    },
];

/// Loads the starter courses with ids 1..=8, each with the competencies it develops that exist
/// and the job profiles it is mandatory for that exist.
pub async fn load(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let competencies = ids_by_code(db, "competencies").await?;
    let profiles = ids_by_code(db, "job_profiles").await?;
    let now = chrono::Utc::now();
    for (index, seed) in COURSES.iter().enumerate() {
        let course_id = <i32 as TryFrom<usize>>::try_from(index + 1).unwrap_or(i32::MAX);
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(Alias::new("courses"))
                    .columns([
                        Alias::new("id"),
                        Alias::new("code"),
                        Alias::new("title_it"),
                        Alias::new("title_en"),
                        Alias::new("description_it"),
                        Alias::new("description_en"),
                        Alias::new("provider"),
                        Alias::new("kind"),
                        Alias::new("hours"),
                        Alias::new("validity_months"),
                        Alias::new("active"),
                        Alias::new("created_at"),
                        Alias::new("updated_at"),
                    ])
                    .values_panic([
                        course_id.into(),
                        seed.code.into(),
                        seed.title_it.into(),
                        seed.title_en.into(),
                        seed.description_it.into(),
                        seed.description_en.into(),
                        seed.provider.into(),
                        seed.kind.into(),
                        seed.hours.into(),
                        seed.validity_months.into(),
                        true.into(),
                        now.into(),
                        now.into(),
                    ])
                    .to_owned(),
            )
            .await?;
        for developed in seed.develops {
            let Some(competency) = find(&competencies, developed.competency) else {
                continue;
            };
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table(Alias::new("course_competencies"))
                        .columns([
                            Alias::new("course_id"),
                            Alias::new("competency_id"),
                            Alias::new("level"),
                        ])
                        .values_panic([course_id.into(), competency.into(), developed.level.into()])
                        .to_owned(),
                )
                .await?;
        }
        for profile in seed
            .mandatory_for
            .iter()
            .filter_map(|code| find(&profiles, code))
        {
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table(Alias::new("course_profiles"))
                        .columns([Alias::new("course_id"), Alias::new("profile_id")])
                        .values_panic([course_id.into(), profile.into()])
                        .to_owned(),
                )
                .await?;
        }
    }
    catch_up_sequence(manager, "courses").await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework_data::{COMPETENCIES, PROFILES};

    #[test]
    fn every_starter_course_develops_at_least_one_competency_of_the_framework() {
        for seed in COURSES {
            assert!(!seed.develops.is_empty(), "{}", seed.code);
            for developed in seed.develops {
                assert!(
                    COMPETENCIES.iter().any(|c| c.code == developed.competency),
                    "{}: {}",
                    seed.code,
                    developed.competency
                );
            }
        }
    }

    #[test]
    fn no_course_develops_the_same_competency_twice() {
        for seed in COURSES {
            for (i, developed) in seed.develops.iter().enumerate() {
                assert!(
                    seed.develops[i + 1..]
                        .iter()
                        .all(|other| other.competency != developed.competency),
                    "{}: {}",
                    seed.code,
                    developed.competency
                );
            }
        }
    }

    #[test]
    fn every_competency_level_is_between_one_and_five() {
        for seed in COURSES {
            for developed in seed.develops {
                assert!(
                    (1..=5).contains(&developed.level),
                    "{}: {} at level {}",
                    seed.code,
                    developed.competency,
                    developed.level
                );
            }
        }
    }

    #[test]
    fn every_mandatory_profile_code_is_a_profile_of_the_framework() {
        for seed in COURSES {
            for profile in seed.mandatory_for {
                assert!(
                    PROFILES.iter().any(|p| p.code == *profile),
                    "{}: {profile}",
                    seed.code
                );
            }
        }
    }

    #[test]
    fn no_course_lists_a_mandatory_profile_twice() {
        for seed in COURSES {
            for (i, profile) in seed.mandatory_for.iter().enumerate() {
                assert!(
                    !seed.mandatory_for[i + 1..].contains(profile),
                    "{}: {profile}",
                    seed.code
                );
            }
        }
    }

    #[test]
    fn privacy_and_safety_are_mandatory_for_every_job_profile() {
        for code in ["privacy-gdpr", "workplace-safety"] {
            let seed = COURSES
                .iter()
                .find(|c| c.code == code)
                .unwrap_or_else(|| panic!("{code} is missing"));
            for profile in PROFILES {
                assert!(
                    seed.mandatory_for.contains(&profile.code),
                    "{code}: {}",
                    profile.code
                );
            }
        }
    }

    #[test]
    fn the_crm_course_is_mandatory_for_every_profile_that_requires_crm_tools() {
        let seed = COURSES
            .iter()
            .find(|c| c.code == "crm-ticketing")
            .expect("crm-ticketing is missing");
        for profile in PROFILES {
            if profile
                .requirements
                .iter()
                .any(|(competency, _, _)| *competency == "crm-ticketing-tools")
            {
                assert!(
                    seed.mandatory_for.contains(&profile.code),
                    "{}",
                    profile.code
                );
            }
        }
    }

    #[test]
    fn every_course_lasts_between_one_and_a_thousand_hours() {
        for seed in COURSES {
            assert!((1..=1000).contains(&seed.hours), "{}", seed.code);
        }
    }

    #[test]
    fn every_validity_is_a_positive_number_of_months() {
        for seed in COURSES {
            if let Some(months) = seed.validity_months {
                assert!(months > 0, "{}", seed.code);
            }
        }
    }

    #[test]
    fn course_codes_are_unique() {
        for (i, seed) in COURSES.iter().enumerate() {
            assert!(
                COURSES[i + 1..].iter().all(|other| other.code != seed.code),
                "{}",
                seed.code
            );
        }
    }

    #[test]
    fn every_course_kind_is_one_of_the_four() {
        for seed in COURSES {
            assert!(KINDS.contains(&seed.kind), "{}: {}", seed.code, seed.kind);
        }
    }

    #[test]
    fn every_course_has_titles_and_descriptions_in_both_languages() {
        for seed in COURSES {
            for text in [
                seed.title_it,
                seed.title_en,
                seed.description_it,
                seed.description_en,
                seed.provider,
            ] {
                assert!(!text.trim().is_empty(), "{}", seed.code);
            }
        }
    }
}
