//! The competency framework and the starter job profiles that a fresh database is loaded with.

/// One competency of the framework, with a behaviour description for each level 1..=5.
pub struct CompetencySeed {
    /// Stable slug, e.g. "verbal-communication"; never shown to users.
    pub code: &'static str,
    /// "front_office" | "back_office" | "transversal"
    pub area: &'static str,
    pub name_it: &'static str,
    pub name_en: &'static str,
    pub description_it: &'static str,
    pub description_en: &'static str,
    /// (Italian, English) behaviour description for levels 1, 2, 3, 4, 5.
    pub levels: [(&'static str, &'static str); 5],
}

/// A starter job profile: required level (1..=5) and weight (1..=5) per competency code.
pub struct ProfileSeed {
    pub code: &'static str,
    pub title_it: &'static str,
    pub title_en: &'static str,
    /// "front_office" | "back_office"
    pub area: &'static str,
    /// one of: "hospitality", "banking", "healthcare", "services", "telecommunications",
    /// "public_sector", "education", "non_profit", "professional_firm"
    pub sector: &'static str,
    pub description_it: &'static str,
    pub description_en: &'static str,
    /// (competency code, required level 1..=5, weight 1..=5)
    pub requirements: &'static [(&'static str, u8, u8)],
}

pub const COMPETENCIES: &[CompetencySeed] = &[
    // ----------------------------------------------------------------------------------------
    // Front office
    // ----------------------------------------------------------------------------------------
    CompetencySeed {
        code: "verbal-communication",
        area: "front_office",
        name_it: "Comunicazione verbale",
        name_en: "Verbal communication",
        description_it: "Si esprime con chiarezza e cortesia con clienti e utenti, di persona e al telefono, adattando tono e linguaggio all'interlocutore.",
        description_en: "Speaks clearly and courteously with customers and the public, face to face and on the phone, adapting tone and vocabulary to the listener.",
        levels: [
            (
                "Si esprime in modo confuso o troppo veloce, interrompe e deve spesso ripetere perché il cliente capisca.",
                "Speaks unclearly or too fast, interrupts, and often has to repeat things before the customer understands.",
            ),
            (
                "Dà informazioni corrette negli scambi semplici, ma perde chiarezza o tono quando le domande si fanno dettagliate.",
                "Gives correct information in simple exchanges but loses clarity or tone when questions become detailed.",
            ),
            (
                "Spiega in modo chiaro e cortese, ascolta senza interrompere e verifica che il cliente abbia capito.",
                "Explains clearly and politely, listens without interrupting and checks that the customer has understood.",
            ),
            (
                "Resta chiaro e calmo con interlocutori alterati o difficili, semplifica i concetti tecnici e smorza le tensioni.",
                "Stays clear and calm with upset or difficult people, puts technical points simply and defuses tension.",
            ),
            (
                "Gestisce con naturalezza le conversazioni più delicate, fissa le formule di comunicazione del team e fa coaching ai colleghi.",
                "Handles the most sensitive conversations with ease, sets the team's standard phrasing and coaches colleagues on their calls.",
            ),
        ],
    },
    CompetencySeed {
        code: "written-communication",
        area: "front_office",
        name_it: "Comunicazione scritta",
        name_en: "Written communication",
        description_it: "Scrive email, risposte in chat e avvisi per i clienti chiari, corretti e cortesi, rispettando lo stile dell'organizzazione.",
        description_en: "Writes clear, correct and courteous emails, chat replies and notices for customers, in the organisation's house style.",
        levels: [
            (
                "Le risposte hanno errori di ortografia o grammatica, non centrano la domanda o hanno un tono inadatto: vanno sempre riscritte.",
                "Replies contain spelling or grammar mistakes, miss the point or strike the wrong tone, and always have to be rewritten.",
            ),
            (
                "Scrive risposte brevi e corrette partendo dai modelli, ma fatica con le richieste non standard e ha bisogno di una revisione.",
                "Writes short, correct replies from templates but struggles with non-standard requests and needs someone to review them.",
            ),
            (
                "Scrive in autonomia risposte chiare e senza errori alle richieste abituali, con il tono giusto e tutte le informazioni utili.",
                "Writes clear, error-free replies to routine requests unaided, with the right tone and all the details the customer needs.",
            ),
            (
                "Redige risposte a reclami e casi delicati precise e diplomatiche, pronte da inviare senza revisione.",
                "Drafts precise, tactful replies to complaints and delicate cases that can be sent without review.",
            ),
            (
                "Scrive e aggiorna i modelli e la guida di stile del team e rivede i testi dei colleghi con osservazioni costruttive.",
                "Writes and maintains the team's templates and style guide, and reviews colleagues' texts with constructive feedback.",
            ),
        ],
    },
    CompetencySeed {
        code: "request-handling",
        area: "front_office",
        name_it: "Gestione rapida ed efficace delle richieste",
        name_en: "Handling customer requests quickly and effectively",
        description_it: "Capisce di cosa ha bisogno il cliente e risolve o inoltra la richiesta in modo rapido e corretto, possibilmente al primo contatto.",
        description_en: "Works out what the customer needs and resolves or routes the request quickly and correctly, at the first contact whenever possible.",
        levels: [
            (
                "Fraintende le richieste, lascia i clienti in attesa senza aggiornamenti e passa ai colleghi la maggior parte dei casi.",
                "Misunderstands requests, leaves customers waiting without updates and hands most cases over to colleagues.",
            ),
            (
                "Risolve le richieste semplici e frequenti seguendo la procedura, ma impiega molto tempo e passa ad altri ogni caso insolito.",
                "Resolves simple, frequent requests by following the procedure, but is slow and passes on anything unusual.",
            ),
            (
                "Risolve al primo contatto la maggior parte delle richieste abituali nei tempi previsti e indirizza le altre all'ufficio giusto.",
                "Resolves most routine requests at the first contact within target times and routes the rest to the right office.",
            ),
            (
                "Gestisce casi complessi o in più passaggi e code affollate senza perdere qualità, seguendo la pratica fino alla chiusura.",
                "Handles complex or multi-step cases and long queues without losing quality, following each case through to closure.",
            ),
            (
                "Individua i problemi ricorrenti, propone modifiche alle procedure e insegna ai colleghi come risolvere più in fretta.",
                "Spots recurring problems, proposes changes to procedures and shows colleagues faster ways to resolve requests.",
            ),
        ],
    },
    CompetencySeed {
        code: "products-services-knowledge",
        area: "front_office",
        name_it: "Conoscenza di prodotti e servizi",
        name_en: "Knowledge of the company's products and services",
        description_it: "Conosce prodotti, servizi, tariffe e condizioni dell'organizzazione quanto basta per informare correttamente i clienti e proporre la soluzione adatta.",
        description_en: "Knows the organisation's products, services, prices and terms well enough to inform customers accurately and suggest the right option.",
        levels: [
            (
                "Non sa rispondere alle domande di base sull'offerta e fornisce informazioni incomplete o sbagliate.",
                "Cannot answer basic questions about what is on offer and gives incomplete or wrong information.",
            ),
            (
                "Conosce i prodotti e i servizi principali, ma per condizioni, tariffe ed eccezioni deve consultare documenti o chiedere.",
                "Knows the main products and services but has to look up or ask about terms, prices and exceptions.",
            ),
            (
                "Risponde con precisione alle domande abituali senza verificare e consiglia l'opzione adatta alle esigenze del cliente.",
                "Answers routine questions accurately without checking and recommends the option that fits the customer's needs.",
            ),
            (
                "Spiega condizioni complesse e confronta le opzioni nel dettaglio, comprese le novità e i casi meno frequenti.",
                "Explains complex terms and compares options in detail, including new offers and less common cases.",
            ),
            (
                "È il punto di riferimento del team sull'offerta, aggiorna i colleghi sulle novità e cura le FAQ interne.",
                "Is the team's point of reference on the offer, briefs colleagues on new products and keeps the internal FAQ up to date.",
            ),
        ],
    },
    CompetencySeed {
        code: "welcoming-empathy-patience",
        area: "front_office",
        name_it: "Spirito d'accoglienza, empatia e pazienza",
        name_en: "Welcoming attitude, empathy and patience",
        description_it: "Fa sentire le persone benvenute, si mette nei loro panni e resta paziente e cortese anche quando sono confuse, in ansia o esigenti.",
        description_en: "Makes people feel welcome, understands their situation and stays patient and courteous even when they are confused, anxious or demanding.",
        levels: [
            (
                "Saluta in ritardo o con freddezza, mostra impazienza o irritazione e non tiene conto dello stato d'animo del cliente.",
                "Greets people late or coldly, shows impatience or irritation and ignores how the customer is feeling.",
            ),
            (
                "Accoglie con cortesia, ma diventa sbrigativo o meccanico con clienti lenti, confusi o esigenti.",
                "Greets people politely but becomes curt or mechanical with slow, confused or demanding customers.",
            ),
            (
                "Accoglie tutti con prontezza e cordialità, ascolta con pazienza e riconosce la preoccupazione del cliente prima di rispondere.",
                "Greets everyone promptly and warmly, listens patiently and acknowledges the customer's concern before answering.",
            ),
            (
                "Resta cordiale e paziente con persone arrabbiate, in ansia o fragili e trasforma gli incontri tesi in esperienze positive.",
                "Stays warm and patient with angry, anxious or vulnerable people and turns tense encounters into positive ones.",
            ),
            (
                "Anticipa i bisogni prima che vengano espressi, riceve elogi dai clienti ed è un modello di accoglienza per il team.",
                "Anticipates needs before they are voiced, is singled out for praise by customers and models hospitality for the team.",
            ),
        ],
    },
    CompetencySeed {
        code: "personal-presentation",
        area: "front_office",
        name_it: "Cura della persona e dell'ambiente",
        name_en: "Personal presentation and care of the surroundings",
        description_it: "Cura il proprio aspetto e mantiene la postazione e gli spazi aperti al pubblico ordinati, puliti e accoglienti, in linea con l'immagine dell'organizzazione.",
        description_en: "Looks after their own appearance and keeps the desk and public areas tidy, clean and inviting, in keeping with the organisation's image.",
        levels: [
            (
                "Aspetto o divisa trascurati e postazione in disordine; occorrono richiami sul codice di abbigliamento e sull'ordine.",
                "Appearance or uniform is untidy and the desk is cluttered; needs reminding about the dress code and tidiness.",
            ),
            (
                "Rispetta il codice di abbigliamento, ma nei momenti di punta lascia in disordine postazione e sala d'attesa se nessuno glielo ricorda.",
                "Follows the dress code, but lets the desk and waiting area get untidy at busy times unless reminded.",
            ),
            (
                "Si presenta sempre in ordine e mantiene pulite e ordinate postazione e area clienti per tutto il turno, senza bisogno di richiami.",
                "Is always well presented and keeps the desk and public area clean and tidy throughout the shift without being asked.",
            ),
            (
                "Nota e sistema i dettagli che sfuggono agli altri, come luci, cartelli e materiale informativo, anche nei momenti di punta.",
                "Notices and fixes details others miss, such as lighting, signage and leaflets, even at peak times.",
            ),
            (
                "Definisce lo standard d'immagine del front office, controlla gli spazi insieme ai colleghi e propone miglioramenti.",
                "Sets the presentation standard for the front office, checks the areas with colleagues and suggests improvements.",
            ),
        ],
    },
    CompetencySeed {
        code: "emergency-handling",
        area: "front_office",
        name_it: "Gestione di situazioni improvvise o d'emergenza",
        name_en: "Handling sudden or emergency situations",
        description_it: "Mantiene la calma e agisce correttamente davanti agli imprevisti, da un guasto dei sistemi a un ospite o paziente che si sente male.",
        description_en: "Keeps calm and acts correctly when something unexpected happens, from a system outage to a guest or patient being taken ill.",
        levels: [
            (
                "Davanti a un imprevisto si blocca o si agita e non sa chi chiamare né quale procedura seguire.",
                "Freezes or panics when something unexpected happens and does not know whom to call or which procedure to follow.",
            ),
            (
                "Conosce i contatti d'emergenza e chiede aiuto, ma non riesce a mandare avanti lo sportello mentre si gestisce la situazione.",
                "Knows the emergency contacts and calls for help, but cannot keep the desk running while the situation is dealt with.",
            ),
            (
                "Negli imprevisti più comuni (guasto, overbooking, malore) segue con calma la procedura corretta e tiene informate le persone.",
                "Calmly follows the right procedure in common incidents (outage, overbooking, someone unwell) and keeps people informed.",
            ),
            (
                "Prende in mano gli incidenti gravi o non previsti, stabilisce le priorità, coordina i colleghi e rassicura il pubblico.",
                "Takes charge in serious or unforeseen incidents, sets priorities, coordinates colleagues and reassures the public.",
            ),
            (
                "Scrive e collauda le procedure d'emergenza, guida le esercitazioni e analizza ogni episodio con il team.",
                "Writes and tests contingency procedures, leads drills and reviews every incident with the team afterwards.",
            ),
        ],
    },
    CompetencySeed {
        code: "crm-ticketing-tools",
        area: "front_office",
        name_it: "Strumenti CRM, chat e ticketing",
        name_en: "CRM, online chat/assistance and ticketing tools",
        description_it: "Usa correttamente CRM, chat online e sistemi di ticketing: registra ogni contatto, tiene aggiornati i ticket e trova subito lo storico del cliente.",
        description_en: "Uses the CRM, online chat and ticketing systems correctly: logs every contact, keeps tickets up to date and finds a customer's history quickly.",
        levels: [
            (
                "Non sa trovare la scheda del cliente né aprire un ticket senza aiuto; i contatti restano non registrati o registrati male.",
                "Cannot find a customer record or open a ticket without help; contacts go unlogged or are logged wrongly.",
            ),
            (
                "Apre e aggiorna i ticket nei casi standard, ma le note sono incomplete e spesso sbaglia categoria o priorità.",
                "Opens and updates tickets for standard cases, but notes are incomplete and the category or priority is often wrong.",
            ),
            (
                "Registra ogni contatto con note complete, categoria e priorità corrette, e gestisce chat e ticket in parallelo.",
                "Logs every contact with complete notes and the right category and priority, and handles chats and tickets in parallel.",
            ),
            (
                "Sfrutta le funzioni avanzate (macro, filtri, unione di ticket, escalation) per lavorare più in fretta e tenere in ordine le code.",
                "Uses advanced features such as macros, filters, ticket merging and escalation rules to work faster and keep queues tidy.",
            ),
            (
                "Configura viste e modelli, forma i nuovi colleghi sugli strumenti e segnala i problemi di qualità dei dati con proposte concrete.",
                "Configures views and templates, trains new staff on the tools and reports data-quality problems with concrete fixes.",
            ),
        ],
    },
    CompetencySeed {
        code: "press-office-support",
        area: "front_office",
        name_it: "Supporto all'ufficio stampa",
        name_en: "Supporting the press office and other public-facing offices",
        description_it: "Supporta l'ufficio stampa e gli altri uffici a contatto con il pubblico: smista le richieste di giornalisti e cittadini, diffonde solo informazioni approvate e collabora agli eventi.",
        description_en: "Supports the press office and other public-facing offices: routes enquiries from journalists and the public, passes on only approved information and helps at events.",
        levels: [
            (
                "Risponde ai giornalisti o diffonde informazioni senza autorizzazione, oppure smarrisce le richieste destinate ad altri uffici.",
                "Answers journalists or gives out information without authorisation, or loses enquiries meant for other offices.",
            ),
            (
                "Annota e inoltra correttamente le richieste di stampa e pubblico, ma ha bisogno di indicazioni su cosa si può comunicare.",
                "Takes down and forwards press and public enquiries correctly, but needs guidance on what may be said.",
            ),
            (
                "Smista con prontezza le richieste all'ufficio competente, fornisce solo informazioni approvate e collabora a materiali ed eventi.",
                "Promptly routes enquiries to the right office, gives out only approved information and helps prepare materials and events.",
            ),
            (
                "Gestisce con diplomazia le chiamate delicate dei media, si coordina con più uffici e cura l'accoglienza durante gli eventi.",
                "Handles sensitive media calls diplomatically, coordinates with several offices and runs reception at events.",
            ),
            (
                "Fa da tramite tra front office e ufficio stampa, definisce le regole di smistamento delle richieste e vi forma i colleghi.",
                "Acts as the front office's link to the press office, sets the rules for routing enquiries and trains colleagues in them.",
            ),
        ],
    },
    // ----------------------------------------------------------------------------------------
    // Back office
    // ----------------------------------------------------------------------------------------
    CompetencySeed {
        code: "subject-knowledge",
        area: "back_office",
        name_it: "Competenze specifiche (diritto, economia, contabilità, fisco)",
        name_en: "Subject knowledge: law, economics, accounting, tax",
        description_it: "Applica le conoscenze di diritto, economia, contabilità e fisco richieste dal ruolo, come le registrazioni contabili, le regole IVA o le scadenze fiscali.",
        description_en: "Applies the knowledge of law, economics, accounting and tax that the role requires, such as bookkeeping entries, VAT rules or filing deadlines.",
        levels: [
            (
                "Non padroneggia i concetti di base della materia e sbaglia anche registrazioni o spiegazioni semplici.",
                "Lacks the basic concepts of the subject and makes mistakes even in simple entries or explanations.",
            ),
            (
                "Conosce le basi e gestisce i casi semplici, ma serve il controllo di uno specialista per tutto ciò che esce dallo standard.",
                "Knows the basics and handles simple cases, but needs a specialist to check anything out of the ordinary.",
            ),
            (
                "Gestisce in autonomia e correttamente i casi ordinari, sapendo indicare la norma o la scadenza applicabile.",
                "Handles routine cases correctly and independently, and can cite the rule or deadline that applies.",
            ),
            (
                "Risolve casi complessi o insoliti, segue le novità normative e individua gli errori nel lavoro altrui.",
                "Resolves complex or unusual cases, keeps up with regulatory changes and spots errors in other people's work.",
            ),
            (
                "È il riferimento nelle questioni più delicate, interpreta le nuove norme per il team e forma i colleghi.",
                "Is the go-to person on the most delicate matters, interprets new rules for the team and trains colleagues.",
            ),
        ],
    },
    CompetencySeed {
        code: "archive-management",
        area: "back_office",
        name_it: "Gestione di archivi cartacei e digitali",
        name_en: "Paper and digital archive management",
        description_it: "Archivia, ricerca e conserva documenti cartacei e digitali secondo il piano di classificazione, i tempi di conservazione e le regole sulla privacy.",
        description_en: "Files, retrieves and keeps paper and digital records according to the classification scheme, retention rules and data-protection requirements.",
        levels: [
            (
                "Archivia i documenti nel posto sbagliato o senza riferimenti, rendendoli difficili da ritrovare.",
                "Files documents in the wrong place or without a reference, so that they are hard to find later.",
            ),
            (
                "Archivia e ritrova correttamente i documenti consultando il piano di classificazione, ma con lentezza e qualche errore.",
                "Files and retrieves documents correctly with the classification scheme to hand, but slowly and with the odd mistake.",
            ),
            (
                "Classifica, archivia e ritrova rapidamente documenti cartacei e digitali, rispettando nomenclatura e tempi di conservazione.",
                "Classifies, files and retrieves paper and digital records quickly, respecting naming conventions and retention periods.",
            ),
            (
                "Riordina archivi disorganizzati, gestisce digitalizzazione e scarto e applica le regole di accesso e riservatezza.",
                "Reorganises disordered archives, manages digitisation and disposal, and applies access and confidentiality rules.",
            ),
            (
                "Progetta il piano di classificazione e il massimario di scarto, verifica l'archivio e forma i colleghi al suo utilizzo.",
                "Designs the classification scheme and retention schedule, audits the archive and trains colleagues to use it.",
            ),
        ],
    },
    CompetencySeed {
        code: "meetings-agendas-travel",
        area: "back_office",
        name_it: "Organizzazione di riunioni, agende e viaggi",
        name_en: "Organising meetings, work agendas and travel",
        description_it: "Organizza riunioni, gestisce le agende dei responsabili e prenota le trasferte in modo efficiente, nel rispetto del budget e con tutta la logistica confermata.",
        description_en: "Organises meetings, manages managers' diaries and books business travel efficiently, within budget and with all the logistics confirmed.",
        levels: [
            (
                "Fissa appuntamenti sovrapposti, dimentica prenotazioni o conferme e ha bisogno che ogni dettaglio venga controllato.",
                "Books clashing appointments, forgets reservations or confirmations and needs every detail checked.",
            ),
            (
                "Prenota correttamente riunioni e viaggi semplici se riceve istruzioni complete, ma trascura dettagli come sale o coincidenze.",
                "Books simple meetings and trips correctly when given full instructions, but overlooks details such as rooms or connections.",
            ),
            (
                "Organizza in autonomia riunioni e trasferte dall'inizio alla fine, con ordine del giorno, inviti, prenotazioni e conferme.",
                "Organises meetings and trips from start to finish unaided, with agenda, invitations, bookings and confirmations in order.",
            ),
            (
                "Gestisce più agende e viaggi con più tappe, risolve i cambi dell'ultimo minuto e contiene i costi entro le regole aziendali.",
                "Juggles several diaries and multi-leg trips, sorts out last-minute changes and keeps costs within company policy.",
            ),
            (
                "Gestisce eventi e programmi di viaggio complessi, definisce le procedure di prenotazione e guida i colleghi nella pianificazione.",
                "Runs complex events and travel programmes, sets the booking procedures and coaches colleagues in planning.",
            ),
        ],
    },
    CompetencySeed {
        code: "document-drafting",
        area: "back_office",
        name_it: "Redazione e verifica di documenti, email, verbali e posta",
        name_en: "Drafting and verifying documents, emails, minutes and paper mail",
        description_it: "Redige e controlla lettere, email, verbali e altri documenti e gestisce con precisione la posta cartacea in entrata e in uscita.",
        description_en: "Drafts and checks letters, emails, minutes and other documents, and handles incoming and outgoing paper mail accurately.",
        levels: [
            (
                "I documenti contengono errori, omissioni o formati sbagliati e la posta in arrivo non viene registrata né smistata.",
                "Documents contain errors, omissions or the wrong format, and incoming mail is neither logged nor routed.",
            ),
            (
                "Prepara documenti semplici partendo dai modelli e registra la posta, ma bozze e verbali richiedono correzioni sostanziali.",
                "Produces simple documents from templates and logs the post, but drafts and minutes need substantial correction.",
            ),
            (
                "Redige in autonomia lettere e verbali chiari e corretti, controlla dati e riferimenti e smista la posta nei tempi previsti.",
                "Drafts clear, correct letters and minutes unaided, checks figures and references, and routes the post on time.",
            ),
            (
                "Redige documenti complessi o formali e individua gli errori nei testi altrui prima che vengano firmati o spediti.",
                "Drafts complex or formal documents and catches errors in other people's texts before they are signed or sent.",
            ),
            (
                "Definisce standard e modelli dei documenti, fa la revisione finale di quelli importanti e forma i colleghi.",
                "Sets document standards and templates, does the final review of important documents and trains colleagues.",
            ),
        ],
    },
    CompetencySeed {
        code: "administrative-work",
        area: "back_office",
        name_it: "Lavoro amministrativo",
        name_en: "Administrative work",
        description_it: "Svolge con precisione e nei tempi previsti le pratiche amministrative, come inserimento dati, fatturazione, pagamenti, moduli e registri.",
        description_en: "Carries out administrative tasks such as data entry, invoicing, payments, forms and registers accurately and on schedule.",
        levels: [
            (
                "Commette frequenti errori di inserimento dati e di procedura e non rispetta le scadenze senza una supervisione costante.",
                "Makes frequent data-entry and procedural errors and misses deadlines unless closely supervised.",
            ),
            (
                "Svolge i compiti ordinari seguendo una lista di controllo, con errori occasionali che devono essere intercettati da altri.",
                "Completes routine tasks by following a checklist, with occasional errors that someone else has to catch.",
            ),
            (
                "Porta a termine con precisione e puntualità le pratiche ordinarie, incrocia i dati per verificarli e tiene i registri completi.",
                "Completes routine procedures accurately and on time, cross-checks figures and keeps registers complete.",
            ),
            (
                "Gestisce pratiche non standard e riconciliazioni, individua le anomalie e ne corregge le cause.",
                "Handles non-standard procedures and reconciliations, spots anomalies and puts right their causes.",
            ),
            (
                "Semplifica i processi amministrativi, scrive le procedure e affianca i colleghi per renderli più precisi.",
                "Streamlines administrative processes, writes the procedures and coaches colleagues to work more accurately.",
            ),
        ],
    },
    // ----------------------------------------------------------------------------------------
    // Transversal
    // ----------------------------------------------------------------------------------------
    CompetencySeed {
        code: "teamwork",
        area: "transversal",
        name_it: "Lavoro in team",
        name_en: "Teamwork",
        description_it: "Collabora con colleghi e altri uffici verso obiettivi comuni: condivide le informazioni, sostituisce chi è assente e passa le consegne in modo chiaro.",
        description_en: "Works with colleagues and other offices towards shared goals: shares information, covers for others and hands over work clearly.",
        levels: [
            (
                "Lavora per conto proprio, non condivide le informazioni e a fine turno non passa le consegne sulle pratiche aperte.",
                "Works in isolation, keeps information to themselves and does not hand over open cases at the end of the shift.",
            ),
            (
                "Aiuta i colleghi se glielo chiedono e trasmette le informazioni, ma raramente offre supporto di propria iniziativa.",
                "Helps colleagues when asked and passes information on, but rarely offers support on their own initiative.",
            ),
            (
                "Condivide le informazioni, offre aiuto nei momenti di punta e passa consegne complete senza bisogno di promemoria.",
                "Shares information, offers help at busy times and gives complete handovers without being reminded.",
            ),
            (
                "Favorisce la collaborazione tra front e back office, appiana i contrasti e si adatta per aiutare il team a centrare gli obiettivi.",
                "Builds cooperation between front and back office, smooths over friction and adapts to help the team meet its goals.",
            ),
            (
                "Crea un clima di collaborazione che coinvolge gli altri, integra i nuovi arrivati e migliora il modo di lavorare del team.",
                "Creates a cooperative climate that others follow, helps newcomers settle in and improves how the team works together.",
            ),
        ],
    },
    CompetencySeed {
        code: "leadership",
        area: "transversal",
        name_it: "Leadership",
        name_en: "Leadership",
        description_it: "Guida e motiva gli altri, si assume la responsabilità dei risultati e dà il buon esempio allo sportello e in ufficio.",
        description_en: "Guides and motivates others, takes responsibility for results and sets a good example at the desk and in the office.",
        levels: [
            (
                "Evita responsabilità e decisioni e aspetta istruzioni anche quando la situazione richiede iniziativa.",
                "Avoids responsibility and decisions, and waits to be told what to do even when the situation calls for initiative.",
            ),
            (
                "Se richiesto, coordina piccole attività e spiega le procedure semplici a un nuovo collega.",
                "Leads small tasks when asked and explains simple procedures to a new colleague.",
            ),
            (
                "Prende l'iniziativa, coordina un turno o un piccolo gruppo di lavoro e dà ai colleghi istruzioni e riscontri chiari.",
                "Takes the initiative, coordinates a shift or small working group and gives colleagues clear instructions and feedback.",
            ),
            (
                "Guida il team nei periodi intensi o difficili, decide sotto pressione e affronta i problemi di rendimento.",
                "Leads the team through busy or difficult periods, makes decisions under pressure and tackles performance problems.",
            ),
            (
                "Fa crescere le persone, prepara i futuri responsabili e promuove miglioramenti che gli altri seguono volentieri.",
                "Develops people, mentors future team leaders and drives improvements that others willingly follow.",
            ),
        ],
    },
    CompetencySeed {
        code: "time-management",
        area: "transversal",
        name_it: "Gestione del tempo",
        name_en: "Time management",
        description_it: "Pianifica il lavoro e stabilisce le priorità per rispettare scadenze e tempi di servizio, bilanciando code, telefonate e attività di fondo.",
        description_en: "Plans and prioritises work to meet deadlines and service times, balancing queues, calls and background tasks.",
        levels: [
            (
                "Non rispetta le scadenze, perde di vista le attività e non distingue ciò che è urgente da ciò che può aspettare.",
                "Misses deadlines, loses track of tasks and cannot tell urgent work from work that can wait.",
            ),
            (
                "Rispetta le scadenze del lavoro ordinario, ma resta indietro quando si accumulano più attività o interruzioni.",
                "Meets deadlines on routine work but falls behind when several tasks or interruptions pile up.",
            ),
            (
                "Pianifica la giornata, stabilisce le priorità, rispetta le scadenze e avvisa per tempo se qualcosa rischia di slittare.",
                "Plans the day, sets priorities, meets deadlines and gives early warning if something is going to be late.",
            ),
            (
                "Rispetta le scadenze anche con carichi elevati e interruzioni continue, ripianificando in fretta quando cambiano le priorità.",
                "Meets deadlines under heavy workloads and constant interruptions, re-planning quickly when priorities change.",
            ),
            (
                "Pianifica carichi di lavoro e picchi del team, introduce metodi per risparmiare tempo e aiuta i colleghi a organizzarsi.",
                "Plans the team's workload and peaks, introduces time-saving methods and helps colleagues organise their work.",
            ),
        ],
    },
    CompetencySeed {
        code: "adaptability",
        area: "transversal",
        name_it: "Capacità di adattamento",
        name_en: "Adaptability",
        description_it: "Si adegua a nuove procedure, strumenti, mansioni e tipologie di clienti e resta efficace quando i programmi cambiano.",
        description_en: "Adjusts to new procedures, tools, duties and kinds of customer, and stays effective when plans change.",
        levels: [
            (
                "Resiste ai cambiamenti di procedure o strumenti, continua con i vecchi metodi e perde efficacia quando i programmi cambiano.",
                "Resists changes to procedures or tools, sticks to old methods and loses effectiveness when plans change.",
            ),
            (
                "Accetta i cambiamenti dopo una spiegazione, ma ha bisogno di tempo e di supporto ripetuto per adeguarsi.",
                "Accepts changes once they are explained, but needs time and repeated support to adjust.",
            ),
            (
                "Adotta con prontezza nuove procedure e strumenti e passa da un'attività, postazione o turno all'altro senza perdere qualità.",
                "Takes up new procedures and tools promptly and switches between tasks, desks or shifts without any drop in quality.",
            ),
            (
                "Resta efficace durante grandi cambiamenti o in situazioni mai affrontate e aiuta i colleghi ad adattarsi.",
                "Stays effective through major change or unfamiliar situations and helps colleagues adjust.",
            ),
            (
                "Promuove il cambiamento, è tra i primi a sperimentare nuovi metodi di lavoro e accompagna il team nelle fasi di transizione.",
                "Champions change, is among the first to try new ways of working and coaches the team through transitions.",
            ),
        ],
    },
];

pub const PROFILES: &[ProfileSeed] = &[
    // ----------------------------------------------------------------------------------------
    // Front office
    // ----------------------------------------------------------------------------------------
    ProfileSeed {
        code: "hotel-receptionist",
        title_it: "Receptionist d'albergo",
        title_en: "Hotel receptionist",
        area: "front_office",
        sector: "hospitality",
        description_it: "Accoglie gli ospiti, gestisce check-in, check-out e prenotazioni e risponde alle loro richieste durante il soggiorno. Aspetto curato, ambiente in ordine e approccio caloroso sono decisivi, perché fanno tornare gli ospiti.",
        description_en: "Welcomes guests, handles check-in, check-out and reservations, and looks after their requests during the stay. Personal presentation, tidy surroundings and a warm approach come first, because they bring guests back.",
        requirements: &[
            ("personal-presentation", 4, 5),
            ("welcoming-empathy-patience", 4, 5),
            ("verbal-communication", 4, 4),
            ("request-handling", 3, 4),
            ("products-services-knowledge", 3, 3),
            ("emergency-handling", 3, 3),
            ("written-communication", 3, 2),
            ("teamwork", 3, 3),
        ],
    },
    ProfileSeed {
        code: "bank-teller",
        title_it: "Cassiere di banca (sportellista)",
        title_en: "Bank teller",
        area: "front_office",
        sector: "banking",
        description_it: "Esegue allo sportello versamenti, prelievi, bonifici e altre operazioni e informa i clienti sui prodotti della banca. Contano soprattutto la conoscenza di norme e prodotti bancari e la precisione nelle operazioni.",
        description_en: "Handles deposits, withdrawals, transfers and other transactions at the counter and informs customers about the bank's products. Knowledge of banking rules and products and accuracy in every transaction matter most.",
        requirements: &[
            ("subject-knowledge", 3, 5),
            ("products-services-knowledge", 4, 5),
            ("administrative-work", 4, 5),
            ("verbal-communication", 3, 3),
            ("request-handling", 3, 3),
            ("personal-presentation", 3, 3),
            ("emergency-handling", 3, 3),
        ],
    },
    ProfileSeed {
        code: "contact-centre-agent",
        title_it: "Operatore di contact center",
        title_en: "Contact-centre agent",
        area: "front_office",
        sector: "telecommunications",
        description_it: "Assiste i clienti al telefono, in chat e via email, risolvendo richieste e problemi tecnici o commerciali. Deve usare con sicurezza CRM e ticketing e chiudere le richieste in tempi rapidi.",
        description_en: "Assists customers by phone, chat and email, resolving technical and commercial requests and problems. Must be confident with the CRM and ticketing tools and close requests quickly.",
        requirements: &[
            ("crm-ticketing-tools", 4, 5),
            ("request-handling", 4, 5),
            ("verbal-communication", 4, 4),
            ("written-communication", 3, 4),
            ("products-services-knowledge", 3, 4),
            ("welcoming-empathy-patience", 3, 3),
            ("time-management", 3, 3),
            ("adaptability", 3, 2),
        ],
    },
    ProfileSeed {
        code: "clinic-front-desk",
        title_it: "Accettazione clinica",
        title_en: "Clinic front desk",
        area: "front_office",
        sector: "healthcare",
        description_it: "Accoglie i pazienti, gestisce prenotazioni, accettazione e pratiche amministrative e li indirizza ai reparti. Servono empatia verso persone spesso in ansia e sangue freddo nelle emergenze.",
        description_en: "Receives patients, handles bookings, admissions and paperwork, and directs them to the right department. Needs empathy with people who are often anxious and a cool head in emergencies.",
        requirements: &[
            ("welcoming-empathy-patience", 4, 5),
            ("emergency-handling", 4, 5),
            ("verbal-communication", 3, 4),
            ("request-handling", 3, 4),
            ("crm-ticketing-tools", 3, 3),
            ("administrative-work", 3, 3),
            ("personal-presentation", 3, 3),
            ("teamwork", 3, 3),
        ],
    },
    ProfileSeed {
        code: "tax-practice-front-desk",
        title_it: "Front office studio commerciale",
        title_en: "Tax-practice front desk",
        area: "front_office",
        sector: "professional_firm",
        description_it: "Accoglie i clienti dello studio, raccoglie documenti e richieste e fornisce le prime informazioni su adempimenti e scadenze. L'aspetto conta, ma sono decisive la competenza e l'esperienza in materia fiscale e tributaria.",
        description_en: "Receives the practice's clients, collects their documents and requests, and gives first-line information on filings and deadlines. Presentation still counts, but competence and experience in tax matters are decisive.",
        requirements: &[
            ("subject-knowledge", 4, 5),
            ("products-services-knowledge", 3, 4),
            ("verbal-communication", 3, 4),
            ("document-drafting", 3, 3),
            ("welcoming-empathy-patience", 3, 3),
            ("time-management", 3, 3),
            ("personal-presentation", 3, 2),
        ],
    },
    ProfileSeed {
        code: "urp-officer",
        title_it: "Addetto URP (Ufficio relazioni con il pubblico)",
        title_en: "Public information officer",
        area: "front_office",
        sector: "public_sector",
        description_it: "Informa i cittadini su servizi e procedure dell'ente, raccoglie segnalazioni e reclami e collabora con l'ufficio stampa. Serve una comunicazione chiara e paziente con un pubblico molto vario.",
        description_en: "Informs citizens about the public body's services and procedures, takes reports and complaints, and works with the press office. Needs clear, patient communication with a very varied public.",
        requirements: &[
            ("verbal-communication", 4, 5),
            ("welcoming-empathy-patience", 4, 4),
            ("products-services-knowledge", 3, 4),
            ("request-handling", 3, 4),
            ("press-office-support", 3, 4),
            ("written-communication", 3, 3),
            ("personal-presentation", 3, 3),
        ],
    },
    // ----------------------------------------------------------------------------------------
    // Back office
    // ----------------------------------------------------------------------------------------
    ProfileSeed {
        code: "accounting-clerk",
        title_it: "Impiegato contabile",
        title_en: "Accounting clerk",
        area: "back_office",
        sector: "professional_firm",
        description_it: "Tiene la contabilità dei clienti dello studio: registrazioni, liquidazioni IVA, riconciliazioni e preparazione dei dati per le dichiarazioni. Contano soprattutto la preparazione in contabilità e fisco e la precisione.",
        description_en: "Keeps the books for the practice's clients: entries, VAT returns, reconciliations and data for tax returns. Accounting and tax knowledge and accuracy matter most.",
        requirements: &[
            ("subject-knowledge", 4, 5),
            ("administrative-work", 4, 5),
            ("time-management", 3, 4),
            ("document-drafting", 3, 3),
            ("archive-management", 3, 3),
            ("teamwork", 3, 2),
        ],
    },
    ProfileSeed {
        code: "administrative-assistant",
        title_it: "Assistente amministrativo",
        title_en: "Administrative assistant",
        area: "back_office",
        sector: "services",
        description_it: "Supporta responsabili e uffici organizzando agende, riunioni e trasferte, redigendo documenti e gestendo posta e pratiche amministrative.",
        description_en: "Supports managers and departments by organising diaries, meetings and travel, drafting documents and handling mail and administrative paperwork.",
        requirements: &[
            ("meetings-agendas-travel", 4, 5),
            ("document-drafting", 4, 5),
            ("time-management", 4, 4),
            ("administrative-work", 3, 4),
            ("archive-management", 3, 3),
            ("written-communication", 3, 3),
            ("adaptability", 3, 3),
            ("personal-presentation", 2, 1),
        ],
    },
    ProfileSeed {
        code: "archivist-records-clerk",
        title_it: "Archivista",
        title_en: "Archivist / records clerk",
        area: "back_office",
        sector: "public_sector",
        description_it: "Protocolla, classifica e conserva gli atti dell'ente, cartacei e digitali, e ne cura la consultazione e lo scarto secondo le norme.",
        description_en: "Registers, classifies and preserves the public body's paper and digital records, and manages access to them and their disposal as the rules require.",
        requirements: &[
            ("archive-management", 4, 5),
            ("administrative-work", 3, 4),
            ("document-drafting", 3, 3),
            ("subject-knowledge", 2, 3),
            ("adaptability", 3, 3),
            ("time-management", 3, 2),
        ],
    },
];
