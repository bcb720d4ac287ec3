//! The starter interview questions: two or three per competency of the framework, in Italian
//! and English, loaded for every job profile that requires the competency. Frozen with the
//! migration that loads them; HR edit them per profile in the app afterwards.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;

/// Competency code → its questions, as (Italian, English).
pub const QUESTIONS: &[(&str, &[(&str, &str)])] = &[
    (
        "verbal-communication",
        &[
            (
                "Mi racconti di una volta in cui ha dovuto spiegare una procedura complessa a qualcuno che non la conosceva. Come si è assicurato/a che avesse capito?",
                "Tell me about a time you had to explain a complex procedure to someone new to it. How did you make sure they understood?",
            ),
            (
                "Come adatta il suo modo di parlare a un cliente anziano, a uno straniero o a una persona arrabbiata?",
                "How do you adapt the way you speak to an elderly customer, a foreign visitor or an angry person?",
            ),
        ],
    ),
    (
        "written-communication",
        &[
            (
                "Le chiedo di descrivere come scriverebbe una email per comunicare a un cliente un ritardo nella pratica. Che cosa non deve mancare?",
                "Describe how you would write an email telling a customer their case is delayed. What must it include?",
            ),
            (
                "Come controlla un testo prima di inviarlo a un ufficio esterno?",
                "How do you check a text before sending it to an outside office?",
            ),
        ],
    ),
    (
        "request-handling",
        &[
            (
                "Mi descriva una richiesta a cui non sapeva rispondere. Che cosa ha fatto, e come è finita?",
                "Describe a request you did not know how to answer. What did you do, and how did it end?",
            ),
            (
                "Arrivano tre richieste insieme: una telefonata, una persona allo sportello e una email urgente. Come decide l'ordine?",
                "Three requests arrive at once: a phone call, a person at the desk and an urgent email. How do you decide the order?",
            ),
        ],
    ),
    (
        "products-services-knowledge",
        &[
            (
                "Come si prepara a conoscere i servizi di una nuova organizzazione nelle prime settimane?",
                "How do you get to know a new organisation's services in your first weeks?",
            ),
            (
                "Mi presenti in due minuti un servizio che conosce bene, come farebbe con un cliente.",
                "Present a service you know well in two minutes, as you would to a customer.",
            ),
        ],
    ),
    (
        "welcoming-empathy-patience",
        &[
            (
                "Mi racconti di un cliente molto scortese. Che cosa ha detto e fatto per calmare la situazione?",
                "Tell me about a very rude customer. What did you say and do to calm things down?",
            ),
            (
                "Che cosa fa perché una persona si senta accolta già nei primi secondi?",
                "What do you do so that a person feels welcome in the first few seconds?",
            ),
        ],
    ),
    (
        "personal-presentation",
        &[
            (
                "Che cosa significa per lei rappresentare l'organizzazione al primo contatto con il pubblico?",
                "What does representing the organisation at the first contact with the public mean to you?",
            ),
            (
                "Come mantiene un'immagine ordinata della postazione nei momenti di maggiore afflusso?",
                "How do you keep your desk looking orderly at the busiest times?",
            ),
        ],
    ),
    (
        "emergency-handling",
        &[
            (
                "Mi descriva un imprevisto serio sul lavoro (un malore, un allarme, un guasto). Quali sono stati i suoi primi passi?",
                "Describe a serious incident at work (someone taken ill, an alarm, a breakdown). What were your first steps?",
            ),
            (
                "Chi avvisa, e in che ordine, se un visitatore si sente male nell'atrio?",
                "Whom do you alert, and in what order, if a visitor is taken ill in the lobby?",
            ),
        ],
    ),
    (
        "crm-ticketing-tools",
        &[
            (
                "Quali gestionali, CRM o sistemi di ticketing ha usato? Mi racconti come registrava una pratica dall'apertura alla chiusura.",
                "Which management, CRM or ticketing systems have you used? Walk me through how you logged a case from opening to closing.",
            ),
            (
                "Come impara a usare un programma nuovo quando nessuno ha tempo di spiegarglielo?",
                "How do you learn new software when nobody has time to show you?",
            ),
        ],
    ),
    (
        "press-office-support",
        &[
            (
                "Come aiuterebbe a preparare un comunicato o una rassegna stampa? Quali fonti userebbe?",
                "How would you help prepare a press release or a press review? Which sources would you use?",
            ),
            (
                "Un giornalista chiama per un commento e il responsabile non c'è. Che cosa risponde?",
                "A journalist calls for a comment and the person in charge is out. What do you say?",
            ),
        ],
    ),
    (
        "subject-knowledge",
        &[
            (
                "Quali norme o procedure del settore conosce meglio? Mi faccia un esempio di come le ha applicate.",
                "Which rules or procedures of the sector do you know best? Give an example of applying them.",
            ),
            (
                "Come si tiene aggiornato/a sui cambiamenti normativi che riguardano il suo lavoro?",
                "How do you keep up with regulatory changes that affect your work?",
            ),
        ],
    ),
    (
        "archive-management",
        &[
            (
                "Come organizzerebbe un archivio di pratiche cartacee e digitali perché chiunque trovi un documento in pochi minuti?",
                "How would you organise an archive of paper and digital files so that anyone finds a document in minutes?",
            ),
            (
                "Che cosa sa di titolario, massimario di scarto e tempi di conservazione?",
                "What do you know of filing plans, retention schedules and disposal?",
            ),
        ],
    ),
    (
        "meetings-agendas-travel",
        &[
            (
                "Mi racconti come ha organizzato una riunione o una trasferta: che cosa ha preparato prima e che cosa dopo?",
                "Tell me how you organised a meeting or a business trip: what did you prepare before, and after?",
            ),
            (
                "Due responsabili le chiedono la stessa sala alla stessa ora. Come risolve?",
                "Two managers ask you for the same room at the same time. How do you settle it?",
            ),
        ],
    ),
    (
        "document-drafting",
        &[
            (
                "Quali documenti ha redatto di solito (verbali, lettere, relazioni)? Come imposta un verbale di riunione?",
                "Which documents have you usually drafted (minutes, letters, reports)? How do you set out meeting minutes?",
            ),
            (
                "Come verifica dati e riferimenti in un documento prima della firma?",
                "How do you check figures and references in a document before it is signed?",
            ),
        ],
    ),
    (
        "administrative-work",
        &[
            (
                "Mi descriva come controlla una fattura rispetto all'ordine e al documento di trasporto.",
                "Describe how you check an invoice against the order and the delivery note.",
            ),
            (
                "Quali scadenze amministrative ha gestito, e come evita di dimenticarle?",
                "Which administrative deadlines have you handled, and how do you make sure none is missed?",
            ),
        ],
    ),
    (
        "teamwork",
        &[
            (
                "Mi racconti di un disaccordo con un collega. Come l'avete risolto?",
                "Tell me about a disagreement with a colleague. How did you resolve it?",
            ),
            (
                "Che cosa fa quando un collega è in difficoltà e lei ha già molto lavoro?",
                "What do you do when a colleague is struggling and you already have a lot of work?",
            ),
        ],
    ),
    (
        "leadership",
        &[
            (
                "Mi descriva una volta in cui ha guidato un gruppo o un'attività senza averne il ruolo formale.",
                "Describe a time you led a group or a task without the formal role.",
            ),
            (
                "Come dà un riscontro negativo a un collega più giovane?",
                "How do you give critical feedback to a junior colleague?",
            ),
        ],
    ),
    (
        "time-management",
        &[
            (
                "Come organizza una giornata con molte interruzioni? Quali strumenti usa?",
                "How do you plan a day full of interruptions? Which tools do you use?",
            ),
            (
                "Mi racconti di una scadenza che rischiava di saltare. Che cosa ha fatto?",
                "Tell me about a deadline that was at risk. What did you do?",
            ),
        ],
    ),
    (
        "adaptability",
        &[
            (
                "Mi descriva un cambiamento importante al lavoro (un nuovo sistema, una riorganizzazione). Come l'ha vissuto?",
                "Describe a big change at work (a new system, a reorganisation). How did you handle it?",
            ),
            (
                "Se domani le chiedessero di coprire un turno o un ruolo diverso, come si preparerebbe?",
                "If tomorrow you were asked to cover a different shift or role, how would you prepare?",
            ),
        ],
    ),
];

/// Loads the questions for every profile requirement whose competency has starter questions.
pub async fn load(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let rows = db
        .query_all(
            &Query::select()
                .column((Alias::new("profile_requirements"), Alias::new("profile_id")))
                .column((Alias::new("competencies"), Alias::new("id")))
                .column((Alias::new("competencies"), Alias::new("code")))
                .from(Alias::new("profile_requirements"))
                .inner_join(
                    Alias::new("competencies"),
                    Expr::col((Alias::new("competencies"), Alias::new("id"))).equals((
                        Alias::new("profile_requirements"),
                        Alias::new("competency_id"),
                    )),
                )
                .to_owned(),
        )
        .await?;
    for row in rows {
        let profile_id: i32 = row.try_get_by_index(0)?;
        let competency_id: i32 = row.try_get_by_index(1)?;
        let code: String = row.try_get_by_index(2)?;
        let Some((_, questions)) = QUESTIONS.iter().find(|(c, _)| *c == code) else {
            continue;
        };
        let mut insert = Query::insert()
            .into_table(Alias::new("profile_questions"))
            .columns([
                Alias::new("profile_id"),
                Alias::new("competency_id"),
                Alias::new("position"),
                Alias::new("text_it"),
                Alias::new("text_en"),
            ])
            .to_owned();
        for (position, (it, en)) in questions.iter().enumerate() {
            insert.values_panic([
                profile_id.into(),
                competency_id.into(),
                <i32 as TryFrom<usize>>::try_from(position)
                    .unwrap_or(0)
                    .into(),
                (*it).into(),
                (*en).into(),
            ]);
        }
        manager.exec_stmt(insert).await?;
    }
    Ok(())
}
