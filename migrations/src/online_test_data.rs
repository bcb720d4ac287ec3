//! The starter online tests, in Italian and English: a bank's services, a hotel's services,
//! office software, Italian business writing, and typing with data entry. Each question is
//! stored with its body as JSON, in the shape the app reads (`QuestionBody`). Frozen with the
//! migration that loads them.

use crate::seeding::{catch_up_sequence, find, ids_by_code};
use sea_orm_migration::prelude::*;

/// What a starter question asks.
pub enum BodySeed {
    /// Options as (Italian, English, right).
    Single(&'static [(&'static str, &'static str, bool)]),
    Multiple(&'static [(&'static str, &'static str, bool)]),
    ShortText,
    Typing {
        text: &'static str,
        target_wpm: u16,
    },
    DataEntry {
        columns: &'static [(&'static str, &'static str)],
        rows: &'static [&'static [&'static str]],
    },
}

pub struct QuestionSeed {
    pub competency: &'static str,
    pub points: i32,
    pub prompt_it: &'static str,
    pub prompt_en: &'static str,
    pub body: BodySeed,
}

pub struct BankSeed {
    pub title_it: &'static str,
    pub title_en: &'static str,
    pub instructions_it: &'static str,
    pub instructions_en: &'static str,
    pub time_limit_minutes: i32,
    pub pass_mark: i32,
    pub profiles: &'static [&'static str],
    pub questions: &'static [QuestionSeed],
}

pub const BANKS: &[BankSeed] = &[
    BankSeed {
        title_it: "Conoscenza dei servizi bancari",
        title_en: "Knowledge of banking services",
        instructions_it: "Rispondi alle domande sui servizi di una banca retail. Una sola risposta giusta, salvo dove è indicato «tutte quelle giuste».",
        instructions_en: "Answer the questions on a retail bank's services. One right answer, except where it says \"all that apply\".",
        time_limit_minutes: 15,
        pass_mark: 6,
        profiles: &["bank-teller"],
        questions: &[
            QuestionSeed {
                competency: "products-services-knowledge",
                points: 2,
                prompt_it: "Un cliente vuole inviare denaro in giornata a un conto di un'altra banca italiana. Che cosa gli proponi?",
                prompt_en: "A customer wants to send money the same day to an account at another Italian bank. What do you offer?",
                body: BodySeed::Single(&[
                    ("Un bonifico istantaneo", "An instant transfer", true),
                    (
                        "Un assegno circolare spedito per posta",
                        "A banker's draft sent by post",
                        false,
                    ),
                    ("Un RID", "A direct debit", false),
                ]),
            },
            QuestionSeed {
                competency: "subject-knowledge",
                points: 2,
                prompt_it: "Quali documenti servono per aprire un conto corrente a un cittadino italiano maggiorenne? (tutte quelle giuste)",
                prompt_en: "Which documents does an adult Italian citizen need to open a current account? (all that apply)",
                body: BodySeed::Multiple(&[
                    (
                        "Un documento d'identità valido",
                        "A valid identity document",
                        true,
                    ),
                    ("Il codice fiscale", "The tax code", true),
                    ("Il certificato elettorale", "The voter's card", false),
                ]),
            },
            QuestionSeed {
                competency: "subject-knowledge",
                points: 2,
                prompt_it: "Che cosa verifichi prima di pagare un assegno a chi lo presenta allo sportello?",
                prompt_en: "What do you check before cashing a cheque for the person presenting it at the counter?",
                body: BodySeed::Single(&[
                    (
                        "Identità del presentatore, firma e copertura",
                        "The presenter's identity, the signature and the funds",
                        true,
                    ),
                    (
                        "Solo l'importo in cifre",
                        "Only the amount in figures",
                        false,
                    ),
                    (
                        "Che sia stato emesso nello stesso giorno",
                        "That it was issued the same day",
                        false,
                    ),
                ]),
            },
            QuestionSeed {
                competency: "products-services-knowledge",
                points: 2,
                prompt_it: "Un cliente chiede come bloccare subito una carta rubata. Che cosa rispondi?",
                prompt_en: "A customer asks how to block a stolen card at once. What do you answer?",
                body: BodySeed::Single(&[
                    (
                        "Chiamare il numero verde di blocco, attivo 24 ore su 24, e poi sporgere denuncia",
                        "Call the 24-hour card-blocking number, then report the theft to the police",
                        true,
                    ),
                    (
                        "Aspettare l'apertura della filiale il giorno dopo",
                        "Wait for the branch to open the next day",
                        false,
                    ),
                    (
                        "Scrivere una email al direttore",
                        "Email the branch manager",
                        false,
                    ),
                ]),
            },
        ],
    },
    BankSeed {
        title_it: "Conoscenza dei servizi alberghieri",
        title_en: "Knowledge of hotel services",
        instructions_it: "Rispondi alle domande sull'accoglienza in un albergo. L'ultima domanda chiede una risposta breve, scritta come la diresti all'ospite.",
        instructions_en: "Answer the questions on welcoming guests in a hotel. The last one asks for a short answer, written as you would say it to the guest.",
        time_limit_minutes: 15,
        pass_mark: 5,
        profiles: &["hotel-receptionist"],
        questions: &[
            QuestionSeed {
                competency: "products-services-knowledge",
                points: 2,
                prompt_it: "Che cosa comprende di solito una camera in «mezza pensione»?",
                prompt_en: "What does a room on \"half board\" usually include?",
                body: BodySeed::Single(&[
                    (
                        "Pernottamento, colazione e un pasto",
                        "The night, breakfast and one meal",
                        true,
                    ),
                    ("Solo il pernottamento", "The night only", false),
                    (
                        "Pernottamento e tutti i pasti",
                        "The night and every meal",
                        false,
                    ),
                ]),
            },
            QuestionSeed {
                competency: "products-services-knowledge",
                points: 2,
                prompt_it: "Quali dati registri al check-in di un ospite straniero? (tutte quelle giuste)",
                prompt_en: "Which details do you record when checking in a foreign guest? (all that apply)",
                body: BodySeed::Multiple(&[
                    (
                        "Gli estremi del documento d'identità",
                        "The identity document's details",
                        true,
                    ),
                    (
                        "Le date di arrivo e partenza",
                        "The arrival and departure dates",
                        true,
                    ),
                    ("Il reddito annuo", "Their yearly income", false),
                ]),
            },
            QuestionSeed {
                competency: "request-handling",
                points: 3,
                prompt_it: "Un ospite arriva alle 10 e la sua camera sarà pronta alle 14. Che cosa gli dici?",
                prompt_en: "A guest arrives at 10 and their room will be ready at 2 pm. What do you tell them?",
                body: BodySeed::ShortText,
            },
        ],
    },
    BankSeed {
        title_it: "Strumenti d'ufficio",
        title_en: "Office software",
        instructions_it: "Rispondi alle domande sull'uso di foglio di calcolo, posta elettronica e videoscrittura.",
        instructions_en: "Answer the questions on using spreadsheets, email and word processing.",
        time_limit_minutes: 10,
        pass_mark: 4,
        profiles: &[
            "accounting-clerk",
            "administrative-assistant",
            "archivist-records-clerk",
            "contact-centre-agent",
        ],
        questions: &[
            QuestionSeed {
                competency: "administrative-work",
                points: 2,
                prompt_it: "In un foglio di calcolo, quale formula somma i valori da B2 a B10?",
                prompt_en: "In a spreadsheet, which formula adds up the values from B2 to B10?",
                body: BodySeed::Single(&[
                    ("=SOMMA(B2:B10)", "=SUM(B2:B10)", true),
                    ("=B2+B10", "=B2+B10", false),
                    ("=CONTA(B2:B10)", "=COUNT(B2:B10)", false),
                ]),
            },
            QuestionSeed {
                competency: "administrative-work",
                points: 2,
                prompt_it: "Vuoi inviare la stessa email a venti clienti senza che ciascuno veda gli indirizzi degli altri. Dove li metti?",
                prompt_en: "You want to send the same email to twenty customers without each seeing the others' addresses. Where do you put them?",
                body: BodySeed::Single(&[
                    ("In Ccn", "In Bcc", true),
                    ("In Cc", "In Cc", false),
                    ("In A", "In To", false),
                ]),
            },
            QuestionSeed {
                competency: "document-drafting",
                points: 2,
                prompt_it: "Quali funzioni aiutano a dare lo stesso aspetto a tutti i titoli di un documento lungo? (tutte quelle giuste)",
                prompt_en: "Which features help give every heading of a long document the same look? (all that apply)",
                body: BodySeed::Multiple(&[
                    ("Gli stili di paragrafo", "Paragraph styles", true),
                    (
                        "Il sommario automatico basato sugli stili",
                        "An automatic table of contents built on the styles",
                        true,
                    ),
                    (
                        "Formattare a mano ogni titolo",
                        "Formatting each heading by hand",
                        false,
                    ),
                ]),
            },
        ],
    },
    BankSeed {
        title_it: "Scrittura professionale in italiano",
        title_en: "Italian business writing",
        instructions_it: "Le domande riguardano la corrispondenza d'ufficio in italiano. Nell'ultima scrivi poche righe, come in una email vera.",
        instructions_en: "The questions are about office correspondence in Italian. In the last one, write a few lines, as in a real email.",
        time_limit_minutes: 20,
        pass_mark: 5,
        profiles: &[
            "administrative-assistant",
            "tax-practice-front-desk",
            "urp-officer",
            "accounting-clerk",
        ],
        questions: &[
            QuestionSeed {
                competency: "written-communication",
                points: 2,
                prompt_it: "Qual è la formula di apertura più adatta per una lettera a un ufficio pubblico?",
                prompt_en: "Which opening suits a letter to a public office best?",
                body: BodySeed::Single(&[
                    (
                        "Spettabile Ufficio,",
                        "Spettabile Ufficio, (Dear Sirs,)",
                        true,
                    ),
                    ("Ciao a tutti,", "Ciao a tutti, (Hi all,)", false),
                    ("Caro amico,", "Caro amico, (Dear friend,)", false),
                ]),
            },
            QuestionSeed {
                competency: "written-communication",
                points: 2,
                prompt_it: "Quale frase è scritta correttamente?",
                prompt_en: "Which sentence is written correctly (in Italian)?",
                body: BodySeed::Single(&[
                    (
                        "Le invio in allegato la documentazione richiesta.",
                        "Le invio in allegato la documentazione richiesta.",
                        true,
                    ),
                    (
                        "Gli invio in allegato la documentazione richiesta a Lei.",
                        "Gli invio in allegato la documentazione richiesta a Lei.",
                        false,
                    ),
                    (
                        "Le invio in allegato, la documentazione, richiesta.",
                        "Le invio in allegato, la documentazione, richiesta.",
                        false,
                    ),
                ]),
            },
            QuestionSeed {
                competency: "document-drafting",
                points: 4,
                prompt_it: "Scrivi una breve email per comunicare a un cliente che la sua pratica subirà un ritardo di una settimana, scusandoti e indicando a chi rivolgersi.",
                prompt_en: "Write a short email telling a customer their case will be a week late, apologising and saying whom to contact.",
                body: BodySeed::ShortText,
            },
        ],
    },
    BankSeed {
        title_it: "Dattilografia e inserimento dati",
        title_en: "Typing and data entry",
        instructions_it: "Prima ricopia il testo il più velocemente e correttamente possibile: il tempo parte quando premi «Inizia a scrivere» e lo misura il server. Poi ricopia i dati della tabella nei campi.",
        instructions_en: "First copy the text as fast and as accurately as you can: the time starts when you press \"Start typing\" and the server measures it. Then copy the table's records into the fields.",
        time_limit_minutes: 15,
        pass_mark: 10,
        profiles: &[
            "accounting-clerk",
            "administrative-assistant",
            "archivist-records-clerk",
            "contact-centre-agent",
            "bank-teller",
        ],
        questions: &[
            QuestionSeed {
                competency: "administrative-work",
                points: 10,
                prompt_it: "Ricopia questo testo.",
                prompt_en: "Copy this text.",
                body: BodySeed::Typing {
                    text: "Gentile cliente, la ringraziamo per la sua richiesta. La pratica è stata registrata con il numero 2026/418 e sarà evasa entro dieci giorni lavorativi. Per qualsiasi informazione può rivolgersi al nostro ufficio dal lunedì al venerdì, dalle 9 alle 13.",
                    target_wpm: 35,
                },
            },
            QuestionSeed {
                competency: "administrative-work",
                points: 8,
                prompt_it: "Ricopia i dati di ogni fattura nei campi, esattamente come sono scritti.",
                prompt_en: "Copy each invoice's details into the fields, exactly as written.",
                body: BodySeed::DataEntry {
                    columns: &[
                        ("Fornitore", "Supplier"),
                        ("Numero", "Number"),
                        ("Data", "Date"),
                        ("Importo (€)", "Amount (€)"),
                    ],
                    rows: &[
                        &["Cartoleria Rossi srl", "FT-1043", "03/11/2026", "245,80"],
                        &[
                            "Bianchi Forniture spa",
                            "2026/887",
                            "07/11/2026",
                            "1.320,00",
                        ],
                    ],
                },
            },
        ],
    },
];

/// `text` as a JSON string literal.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn options(list: &[(&str, &str, bool)]) -> String {
    let items: Vec<String> = list
        .iter()
        .map(|(it, en, correct)| {
            format!(
                "{{\"text_it\":{},\"text_en\":{},\"correct\":{correct}}}",
                quoted(it),
                quoted(en)
            )
        })
        .collect();
    format!("[{}]", items.join(","))
}

/// The question body as the app stores it.
pub fn body_json(body: &BodySeed) -> String {
    match body {
        BodySeed::Single(list) => {
            format!(
                "{{\"kind\":\"single_choice\",\"options\":{}}}",
                options(list)
            )
        }
        BodySeed::Multiple(list) => {
            format!(
                "{{\"kind\":\"multiple_choice\",\"options\":{}}}",
                options(list)
            )
        }
        BodySeed::ShortText => "{\"kind\":\"short_text\"}".to_owned(),
        BodySeed::Typing { text, target_wpm } => format!(
            "{{\"kind\":\"typing\",\"text\":{},\"target_wpm\":{target_wpm}}}",
            quoted(text)
        ),
        BodySeed::DataEntry { columns, rows } => {
            let columns: Vec<String> = columns
                .iter()
                .map(|(it, en)| format!("[{},{}]", quoted(it), quoted(en)))
                .collect();
            let rows: Vec<String> = rows
                .iter()
                .map(|row| {
                    let cells: Vec<String> = row.iter().map(|c| quoted(c)).collect();
                    format!("[{}]", cells.join(","))
                })
                .collect();
            format!(
                "{{\"kind\":\"data_entry\",\"columns\":[{}],\"rows\":[{}]}}",
                columns.join(","),
                rows.join(",")
            )
        }
    }
}

/// Loads the starter banks, each for those of its profiles that exist, with the questions
/// whose competency exists.
pub async fn load(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let competencies = ids_by_code(db, "competencies").await?;
    let profiles = ids_by_code(db, "job_profiles").await?;
    let now = chrono::Utc::now();
    for (index, seed) in BANKS.iter().enumerate() {
        let template_id = <i32 as TryFrom<usize>>::try_from(index + 1).unwrap_or(i32::MAX);
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(Alias::new("online_templates"))
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
                        .into_table(Alias::new("online_template_profiles"))
                        .columns([Alias::new("template_id"), Alias::new("profile_id")])
                        .values_panic([template_id.into(), profile.into()])
                        .to_owned(),
                )
                .await?;
        }
        for (position, question) in seed.questions.iter().enumerate() {
            let Some(competency) = find(&competencies, question.competency) else {
                continue;
            };
            manager
                .exec_stmt(
                    Query::insert()
                        .into_table(Alias::new("online_questions"))
                        .columns([
                            Alias::new("template_id"),
                            Alias::new("position"),
                            Alias::new("competency_id"),
                            Alias::new("points"),
                            Alias::new("prompt_it"),
                            Alias::new("prompt_en"),
                            Alias::new("body"),
                        ])
                        .values_panic([
                            template_id.into(),
                            <i32 as TryFrom<usize>>::try_from(position)
                                .unwrap_or(0)
                                .into(),
                            competency.into(),
                            question.points.into(),
                            question.prompt_it.into(),
                            question.prompt_en.into(),
                            body_json(&question.body).into(),
                        ])
                        .to_owned(),
                )
                .await?;
        }
    }
    catch_up_sequence(manager, "online_templates").await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_starter_bank_passes_within_its_points_and_names_known_codes() {
        for bank in BANKS {
            let total: i32 = bank.questions.iter().map(|q| q.points).sum();
            assert!(bank.pass_mark <= total, "{}", bank.title_en);
            for question in bank.questions {
                assert!(
                    crate::framework_data::COMPETENCIES
                        .iter()
                        .any(|c| c.code == question.competency),
                    "{}",
                    question.competency
                );
            }
            for profile in bank.profiles {
                assert!(
                    crate::framework_data::PROFILES
                        .iter()
                        .any(|p| p.code == *profile),
                    "{profile}"
                );
            }
        }
    }

    #[test]
    fn a_body_is_written_as_json_with_its_quotes_escaped() {
        let body = body_json(&BodySeed::Typing {
            text: "Il \"testo\"",
            target_wpm: 30,
        });
        assert_eq!(
            body,
            r#"{"kind":"typing","text":"Il \"testo\"","target_wpm":30}"#
        );
    }
}
