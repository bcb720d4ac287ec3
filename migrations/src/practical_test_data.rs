//! The starter practical tests, in Italian and English, for the tasks the domain names for
//! these roles: a complaint role-play, minutes from notes, a business trip and a meeting agenda,
//! classifying documents into an archive plan, and reconciling an invoice against an order.
//! Frozen with the migration that loads them; HR edit them in the app afterwards.

use crate::seeding::{catch_up_sequence, find, ids_by_code};
use sea_orm_migration::prelude::*;

/// One rubric criterion: the competency it measures, its maximum points, and what earns them.
pub struct CriterionSeed {
    pub competency: &'static str,
    pub max_points: i32,
    pub description_it: &'static str,
    pub description_en: &'static str,
}

/// A starter template, for the job profiles with these codes.
pub struct TemplateSeed {
    pub title_it: &'static str,
    pub title_en: &'static str,
    pub instructions_it: &'static str,
    pub instructions_en: &'static str,
    pub time_limit_minutes: i32,
    pub pass_mark: i32,
    pub profiles: &'static [&'static str],
    pub criteria: &'static [CriterionSeed],
}

pub const TEMPLATES: &[TemplateSeed] = &[
    TemplateSeed {
        title_it: "Gestione di un reclamo (role-play)",
        title_en: "Handling a complaint (role-play)",
        instructions_it: "Il selezionatore interpreta un cliente scontento: una prenotazione (o un'operazione) non è andata come promesso e il cliente è arrabbiato. Accogli il cliente, ascolta il problema, spiega che cosa puoi fare e concorda il passo successivo. Hai a disposizione la scheda del servizio consegnata all'inizio.",
        instructions_en: "The interviewer plays an unhappy customer: a booking (or a transaction) did not go as promised and the customer is angry. Welcome the customer, listen to the problem, explain what you can do and agree the next step. You have the service sheet handed to you at the start.",
        time_limit_minutes: 20,
        pass_mark: 12,
        profiles: &[
            "hotel-receptionist",
            "bank-teller",
            "contact-centre-agent",
            "clinic-front-desk",
            "tax-practice-front-desk",
            "urp-officer",
        ],
        criteria: &[
            CriterionSeed {
                competency: "welcoming-empathy-patience",
                max_points: 5,
                description_it: "5: lascia parlare il cliente, riconosce il disagio prima di rispondere e resta calmo anche quando il tono sale. 0: interrompe, si giustifica o risponde con fastidio.",
                description_en: "5: lets the customer speak, acknowledges the upset before answering and stays calm as the tone rises. 0: interrupts, makes excuses or answers with irritation.",
            },
            CriterionSeed {
                competency: "verbal-communication",
                max_points: 5,
                description_it: "5: frasi chiare e cortesi, senza gergo, verifica che il cliente abbia capito. 0: confuso, tecnico o sbrigativo.",
                description_en: "5: clear, courteous sentences without jargon, and checks the customer has understood. 0: muddled, technical or curt.",
            },
            CriterionSeed {
                competency: "request-handling",
                max_points: 5,
                description_it: "5: individua il problema vero, propone una soluzione possibile o coinvolge chi può decidere, e concorda tempi precisi. 0: nessuna soluzione né passo successivo.",
                description_en: "5: finds the real problem, offers a workable remedy or brings in whoever can decide, and agrees precise times. 0: no remedy and no next step.",
            },
            CriterionSeed {
                competency: "products-services-knowledge",
                max_points: 5,
                description_it: "5: usa correttamente la scheda del servizio e non promette ciò che il servizio non prevede. 0: informazioni errate o promesse impossibili.",
                description_en: "5: uses the service sheet correctly and promises nothing the service does not offer. 0: wrong information or impossible promises.",
            },
        ],
    },
    TemplateSeed {
        title_it: "Verbale da appunti di riunione",
        title_en: "Minutes from meeting notes",
        instructions_it: "Ricevi gli appunti disordinati di una riunione di reparto (partecipanti, argomenti, decisioni, compiti). Redigi il verbale: intestazione, presenti, ordine del giorno, decisioni prese, azioni con responsabile e scadenza.",
        instructions_en: "You receive the untidy notes of a department meeting (attendees, topics, decisions, tasks). Write the minutes: heading, attendees, agenda, decisions taken, and actions with an owner and a deadline.",
        time_limit_minutes: 40,
        pass_mark: 14,
        profiles: &["administrative-assistant", "tax-practice-front-desk"],
        criteria: &[
            CriterionSeed {
                competency: "document-drafting",
                max_points: 8,
                description_it: "8: struttura completa (intestazione, presenti, punti, decisioni, azioni) e formato coerente. 0: testo continuo senza struttura.",
                description_en: "8: complete structure (heading, attendees, items, decisions, actions) in a consistent format. 0: running text with no structure.",
            },
            CriterionSeed {
                competency: "written-communication",
                max_points: 6,
                description_it: "6: italiano corretto, frasi brevi, registro formale, nessuna ambiguità. 0: errori frequenti o frasi che cambiano il senso delle decisioni.",
                description_en: "6: correct language, short sentences, formal register, nothing ambiguous. 0: frequent errors or sentences that change what was decided.",
            },
            CriterionSeed {
                competency: "time-management",
                max_points: 6,
                description_it: "6: ogni azione ha un responsabile e una scadenza ricavati dagli appunti; consegnato nel tempo. 0: azioni senza responsabile o consegna fuori tempo.",
                description_en: "6: every action has an owner and a deadline taken from the notes; handed in on time. 0: actions without owners, or handed in late.",
            },
        ],
    },
    TemplateSeed {
        title_it: "Organizzazione di una trasferta e dell'ordine del giorno",
        title_en: "Organising a business trip and a meeting agenda",
        instructions_it: "Un dirigente deve andare a Milano per una riunione di due giorni con un cliente. Con l'orario dei treni e l'elenco degli alberghi forniti, prepara l'itinerario (viaggio, albergo, spostamenti) rispettando il budget, e scrivi l'ordine del giorno della riunione da inviare ai partecipanti.",
        instructions_en: "A manager has to go to Milan for a two-day meeting with a client. With the train timetable and hotel list provided, prepare the itinerary (travel, hotel, transfers) within the budget, and write the meeting agenda to send to the attendees.",
        time_limit_minutes: 45,
        pass_mark: 12,
        profiles: &["administrative-assistant"],
        criteria: &[
            CriterionSeed {
                competency: "meetings-agendas-travel",
                max_points: 8,
                description_it: "8: itinerario fattibile (coincidenze, orari, margini) entro il budget, ordine del giorno con orari, argomenti e relatori. 0: itinerario impossibile o fuori budget.",
                description_en: "8: a workable itinerary (connections, times, margins) within budget, and an agenda with times, topics and speakers. 0: an impossible or over-budget itinerary.",
            },
            CriterionSeed {
                competency: "administrative-work",
                max_points: 6,
                description_it: "6: costi calcolati correttamente e riepilogati, dati di prenotazione completi. 0: errori di calcolo o dati mancanti.",
                description_en: "6: costs worked out correctly and summarised, booking details complete. 0: miscalculations or missing details.",
            },
            CriterionSeed {
                competency: "written-communication",
                max_points: 4,
                description_it: "4: email di invio dell'ordine del giorno chiara e cortese. 0: email assente o poco chiara.",
                description_en: "4: a clear, courteous email sending the agenda. 0: no email, or an unclear one.",
            },
        ],
    },
    TemplateSeed {
        title_it: "Classificazione di documenti nel titolario",
        title_en: "Classifying documents into an archive plan",
        instructions_it: "Ricevi venti documenti (lettere, fatture, contratti, circolari) e il titolario dell'ente. Assegna a ciascun documento classe e fascicolo, annota quelli da scartare secondo il massimario e motiva i casi dubbi.",
        instructions_en: "You receive twenty documents (letters, invoices, contracts, circulars) and the organisation's archive plan. Give each document its class and file, mark those to be discarded under the retention schedule, and explain the doubtful cases.",
        time_limit_minutes: 45,
        pass_mark: 14,
        profiles: &[
            "archivist-records-clerk",
            "administrative-assistant",
            "accounting-clerk",
        ],
        criteria: &[
            CriterionSeed {
                competency: "archive-management",
                max_points: 10,
                description_it: "10: almeno 18 documenti su 20 nella classe e nel fascicolo giusti; un punto in meno ogni due errori. 0: meno di 10 corretti.",
                description_en: "10: at least 18 of 20 documents in the right class and file; one point less for every two mistakes. 0: fewer than 10 right.",
            },
            CriterionSeed {
                competency: "administrative-work",
                max_points: 5,
                description_it: "5: scarti individuati correttamente secondo il massimario, nessun documento da conservare scartato. 0: documenti da conservare scartati.",
                description_en: "5: discards identified correctly under the retention schedule, nothing to be kept thrown away. 0: documents to be kept marked for discard.",
            },
            CriterionSeed {
                competency: "document-drafting",
                max_points: 5,
                description_it: "5: motivazioni brevi e chiare per i casi dubbi. 0: nessuna motivazione.",
                description_en: "5: short, clear reasons for the doubtful cases. 0: no reasons given.",
            },
        ],
    },
    TemplateSeed {
        title_it: "Riconciliazione di una fattura con l'ordine",
        title_en: "Reconciling an invoice against an order",
        instructions_it: "Confronta la fattura di un fornitore con l'ordine d'acquisto e il documento di trasporto forniti. Individua le differenze (quantità, prezzi, IVA, sconti), calcola l'importo corretto e scrivi una breve nota al fornitore per la nota di credito.",
        instructions_en: "Compare a supplier's invoice with the purchase order and delivery note provided. Find the differences (quantities, prices, VAT, discounts), work out the correct amount and write a short note asking the supplier for a credit note.",
        time_limit_minutes: 30,
        pass_mark: 14,
        profiles: &["accounting-clerk", "bank-teller"],
        criteria: &[
            CriterionSeed {
                competency: "administrative-work",
                max_points: 8,
                description_it: "8: tutte e quattro le differenze trovate e l'importo corretto calcolato al centesimo. 2 punti per ogni differenza trovata.",
                description_en: "8: all four differences found and the correct amount worked out to the cent. 2 points for each difference found.",
            },
            CriterionSeed {
                competency: "subject-knowledge",
                max_points: 6,
                description_it: "6: IVA e sconti applicati secondo le regole, con il riferimento giusto. 0: IVA calcolata sul totale scontato in modo errato.",
                description_en: "6: VAT and discounts applied by the rules, with the right reference. 0: VAT worked out wrongly on the discounted total.",
            },
            CriterionSeed {
                competency: "document-drafting",
                max_points: 4,
                description_it: "4: nota al fornitore completa (riferimenti, differenze, importo richiesto) e cortese. 0: nota assente.",
                description_en: "4: a complete, courteous note to the supplier (references, differences, amount asked). 0: no note.",
            },
        ],
    },
];

/// Loads the starter templates, each for those of its profiles that exist, with the criteria
/// whose competency exists.
pub async fn load(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let competencies = ids_by_code(db, "competencies").await?;
    let profiles = ids_by_code(db, "job_profiles").await?;
    let now = chrono::Utc::now();
    for (index, seed) in TEMPLATES.iter().enumerate() {
        let template_id = <i32 as TryFrom<usize>>::try_from(index + 1).unwrap_or(i32::MAX);
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(Alias::new("practical_templates"))
                    .columns([
                        Alias::new("id"),
                        Alias::new("title_it"),
                        Alias::new("title_en"),
                        Alias::new("instructions_it"),
                        Alias::new("instructions_en"),
                        Alias::new("time_limit_minutes"),
                        Alias::new("pass_mark"),
                        Alias::new("active"),
                        Alias::new("created_at"),
                        Alias::new("updated_at"),
                    ])
                    .values_panic([
                        template_id.into(),
                        seed.title_it.into(),
                        seed.title_en.into(),
                        seed.instructions_it.into(),
                        seed.instructions_en.into(),
                        seed.time_limit_minutes.into(),
                        seed.pass_mark.into(),
                        true.into(),
                        now.into(),
                        now.into(),
                    ])
                    .to_owned(),
            )
            .await?;
        for profile in seed
            .profiles
            .iter()
            .filter_map(|code| find(&profiles, code))
        {
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table(Alias::new("practical_template_profiles"))
                        .columns([Alias::new("template_id"), Alias::new("profile_id")])
                        .values_panic([template_id.into(), profile.into()])
                        .to_owned(),
                )
                .await?;
        }
        for (position, criterion) in seed.criteria.iter().enumerate() {
            let Some(competency) = find(&competencies, criterion.competency) else {
                continue;
            };
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table(Alias::new("practical_template_criteria"))
                        .columns([
                            Alias::new("template_id"),
                            Alias::new("position"),
                            Alias::new("competency_id"),
                            Alias::new("max_points"),
                            Alias::new("description_it"),
                            Alias::new("description_en"),
                        ])
                        .values_panic([
                            template_id.into(),
                            <i32 as TryFrom<usize>>::try_from(position)
                                .unwrap_or(0)
                                .into(),
                            competency.into(),
                            criterion.max_points.into(),
                            criterion.description_it.into(),
                            criterion.description_en.into(),
                        ])
                        .to_owned(),
                )
                .await?;
        }
    }
    catch_up_sequence(manager, "practical_templates").await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_starter_template_passes_below_its_total_and_has_criteria() {
        for seed in TEMPLATES {
            let total: i32 = seed.criteria.iter().map(|c| c.max_points).sum();
            assert!(!seed.criteria.is_empty(), "{}", seed.title_en);
            assert!(seed.pass_mark <= total, "{}", seed.title_en);
        }
    }

    #[test]
    fn every_starter_criterion_names_a_competency_of_the_framework() {
        for seed in TEMPLATES {
            for criterion in seed.criteria {
                assert!(
                    crate::framework_data::COMPETENCIES
                        .iter()
                        .any(|c| c.code == criterion.competency),
                    "{}",
                    criterion.competency
                );
            }
            for profile in seed.profiles {
                assert!(
                    crate::framework_data::PROFILES
                        .iter()
                        .any(|p| p.code == *profile),
                    "{profile}"
                );
            }
        }
    }
}
