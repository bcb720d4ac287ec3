//! The words synthetic candidates are made of: Italian names, cities, schools, employers,
//! duties and software of the front- and back-office roles Percorso recruits for, in Italian
//! and English.

/// Something said in Italian and in English.
pub type Bilingual = (&'static str, &'static str);

/// A job title: Italian for a man, Italian for a woman, English.
pub type Title = (&'static str, &'static str, &'static str);

/// One of the roles of the starter job profiles, as it shows in a CV.
#[derive(Debug)]
pub struct RoleWords {
    /// The job profile's code (`job_profiles.code`).
    pub profile_code: &'static str,
    pub titles: &'static [Title],
    pub employers: &'static [&'static str],
    pub duties: &'static [Bilingual],
    pub software: &'static [&'static str],
}

pub const ROLES: [RoleWords; 9] = [
    RoleWords {
        profile_code: "hotel-receptionist",
        titles: &[
            ("Receptionist", "Receptionist", "Receptionist"),
            (
                "Addetto al front office",
                "Addetta al front office",
                "Front office clerk",
            ),
            ("Night auditor", "Night auditor", "Night auditor"),
            ("Concierge", "Concierge", "Concierge"),
        ],
        employers: &[
            "Grand Hotel Miramare",
            "Hotel Bristol",
            "Starhotels",
            "NH Collection",
            "Best Western Plus",
            "Hotel Savoia",
            "UNA Hotels",
            "Hotel Ambasciatori",
            "Palazzo Ducale Suites",
            "Relais San Lorenzo",
        ],
        duties: &[
            (
                "accoglienza degli ospiti e gestione di check-in e check-out",
                "welcoming guests and handling check-in and check-out",
            ),
            (
                "gestione delle prenotazioni e delle modifiche via telefono ed email",
                "managing bookings and changes by phone and email",
            ),
            (
                "chiusura di cassa e registrazione dei pagamenti",
                "closing the till and recording payments",
            ),
            (
                "informazioni turistiche e prenotazione di servizi per gli ospiti",
                "tourist information and booking services for guests",
            ),
            (
                "gestione dei reclami con attenzione alla soddisfazione del cliente",
                "handling complaints with attention to guest satisfaction",
            ),
            (
                "coordinamento con housekeeping e manutenzione",
                "coordinating with housekeeping and maintenance",
            ),
            (
                "turni notturni e night audit di fine giornata",
                "night shifts and the end-of-day night audit",
            ),
            (
                "gestione dei gruppi e degli eventi congressuali",
                "handling groups and conference events",
            ),
        ],
        software: &[
            "Opera PMS",
            "Protel",
            "Ericsoft",
            "Booking.com Extranet",
            "Expedia Partner Central",
            "Scrigno",
            "Passepartout",
        ],
    },
    RoleWords {
        profile_code: "bank-teller",
        titles: &[
            (
                "Operatore di sportello",
                "Operatrice di sportello",
                "Bank teller",
            ),
            ("Cassiere", "Cassiera", "Cashier"),
            (
                "Addetto alla clientela retail",
                "Addetta alla clientela retail",
                "Retail customer adviser",
            ),
        ],
        employers: &[
            "Intesa Sanpaolo",
            "UniCredit",
            "Banco BPM",
            "BPER Banca",
            "Credem",
            "Monte dei Paschi di Siena",
            "Crédit Agricole Italia",
            "Banca Popolare di Sondrio",
            "BCC Emilbanca",
            "Poste Italiane",
        ],
        duties: &[
            (
                "operazioni di cassa: versamenti, prelievi, bonifici e pagamento di utenze",
                "cash operations: deposits, withdrawals, transfers and bill payments",
            ),
            (
                "apertura e chiusura di conti correnti e libretti di risparmio",
                "opening and closing current and savings accounts",
            ),
            (
                "controlli antiriciclaggio e adeguata verifica della clientela",
                "anti-money-laundering checks and customer due diligence",
            ),
            (
                "quadratura di cassa giornaliera e gestione del contante",
                "daily cash balancing and cash handling",
            ),
            (
                "consulenza di base su carte, conti e prodotti di risparmio",
                "basic advice on cards, accounts and savings products",
            ),
            (
                "gestione delle code e accoglienza dei clienti in filiale",
                "managing queues and welcoming customers in the branch",
            ),
            (
                "emissione di assegni circolari e gestione delle cassette di sicurezza",
                "issuing cashier's cheques and handling safe deposit boxes",
            ),
        ],
        software: &[
            "procedure di sportello Cedacri",
            "CSE",
            "Temenos T24",
            "SWIFT",
            "Gianos antiriciclaggio",
            "POS e ATM evoluti",
        ],
    },
    RoleWords {
        profile_code: "contact-centre-agent",
        titles: &[
            (
                "Operatore call center",
                "Operatrice call center",
                "Call-centre agent",
            ),
            (
                "Customer care specialist",
                "Customer care specialist",
                "Customer care specialist",
            ),
            (
                "Team leader contact center",
                "Team leader contact center",
                "Contact-centre team leader",
            ),
        ],
        employers: &[
            "Comdata",
            "Covisian",
            "Konecta",
            "Transcom",
            "Almaviva Contact",
            "TIM",
            "Vodafone Italia",
            "Fastweb",
            "Enel Energia",
            "Teleperformance Italia",
        ],
        duties: &[
            (
                "gestione di chiamate inbound per l'assistenza clienti",
                "handling inbound customer service calls",
            ),
            (
                "campagne outbound di fidelizzazione e vendita",
                "outbound retention and sales campaigns",
            ),
            (
                "apertura e aggiornamento di ticket nel CRM",
                "opening and updating tickets in the CRM",
            ),
            (
                "assistenza via chat ed email nel rispetto degli SLA",
                "chat and email support within the agreed SLAs",
            ),
            (
                "gestione di reclami di secondo livello",
                "handling second-level complaints",
            ),
            (
                "raggiungimento degli obiettivi di qualità e di tempo medio di gestione",
                "meeting quality and average handling time targets",
            ),
            (
                "affiancamento e formazione dei nuovi operatori",
                "coaching and training new agents",
            ),
        ],
        software: &[
            "Genesys Cloud",
            "Salesforce Service Cloud",
            "Zendesk",
            "Freshdesk",
            "Avaya",
            "SAP CRM",
            "HubSpot",
        ],
    },
    RoleWords {
        profile_code: "clinic-front-desk",
        titles: &[
            (
                "Addetto all'accettazione",
                "Addetta all'accettazione",
                "Admissions clerk",
            ),
            (
                "Segretario di studio medico",
                "Segretaria di studio medico",
                "Medical secretary",
            ),
            ("Operatore CUP", "Operatrice CUP", "Booking-centre clerk"),
        ],
        employers: &[
            "Policlinico Sant'Orsola",
            "Gruppo San Donato",
            "Humanitas",
            "Centro Medico Santagostino",
            "Synlab",
            "Casa di Cura Villa Igea",
            "Poliambulatorio Salus",
            "ASL Roma 1",
            "Lifebrain",
        ],
        duties: &[
            (
                "accettazione dei pazienti e prenotazione di visite ed esami tramite CUP",
                "admitting patients and booking visits and tests through the booking centre",
            ),
            (
                "gestione della cassa e dei ticket sanitari",
                "handling payments and healthcare co-payments",
            ),
            (
                "informazioni sulla preparazione agli esami e sul ritiro dei referti",
                "informing patients on test preparation and collecting reports",
            ),
            (
                "raccolta del consenso informato e tutela della privacy dei dati sanitari",
                "collecting informed consent and protecting health data",
            ),
            (
                "coordinamento delle agende dei medici",
                "coordinating doctors' schedules",
            ),
            (
                "accoglienza di pazienti fragili con pazienza ed empatia",
                "welcoming vulnerable patients with patience and empathy",
            ),
        ],
        software: &[
            "CUP regionale",
            "cartella clinica elettronica",
            "Fascicolo Sanitario Elettronico",
            "sistema TS-CNS",
            "pagoPA",
            "Dedalus",
        ],
    },
    RoleWords {
        profile_code: "tax-practice-front-desk",
        titles: &[
            (
                "Impiegato di studio commercialista",
                "Impiegata di studio commercialista",
                "Accountancy practice clerk",
            ),
            ("Operatore CAF", "Operatrice CAF", "Tax assistance clerk"),
            (
                "Addetto alla segreteria fiscale",
                "Addetta alla segreteria fiscale",
                "Tax office assistant",
            ),
        ],
        employers: &[
            "Studio Bianchi & Associati",
            "CAF CISL",
            "CAF ACLI",
            "Patronato INCA",
            "Studio Associato Ferri",
            "CAF Coldiretti",
            "Studio Conti Commercialisti",
            "Centro Servizi Fiscali",
        ],
        duties: &[
            (
                "ricevimento dei clienti e raccolta della documentazione per il modello 730",
                "receiving clients and collecting documents for the 730 tax return",
            ),
            (
                "compilazione di modelli F24 e invio telematico tramite Entratel",
                "preparing F24 forms and filing them online through Entratel",
            ),
            (
                "calcolo di IMU e TARI e gestione delle scadenze fiscali",
                "calculating property taxes and managing tax deadlines",
            ),
            (
                "pratiche ISEE, RED e dichiarazioni di successione",
                "ISEE, RED and inheritance paperwork",
            ),
            (
                "gestione dell'agenda appuntamenti dello studio",
                "managing the practice's appointment diary",
            ),
            (
                "archiviazione delle pratiche e della corrispondenza con l'Agenzia delle Entrate",
                "filing cases and correspondence with the Revenue Agency",
            ),
        ],
        software: &[
            "Entratel",
            "Fisconline",
            "TeamSystem Studio",
            "Zucchetti Ago",
            "Profis",
            "GB Software",
        ],
    },
    RoleWords {
        profile_code: "urp-officer",
        titles: &[
            (
                "Istruttore amministrativo URP",
                "Istruttrice amministrativa URP",
                "Public information officer",
            ),
            (
                "Operatore di sportello al cittadino",
                "Operatrice di sportello al cittadino",
                "Citizens' desk clerk",
            ),
        ],
        employers: &[
            "Comune di Bologna",
            "Comune di Milano",
            "Regione Lazio",
            "INPS",
            "Agenzia delle Entrate",
            "Camera di Commercio di Torino",
            "Università di Padova",
            "Comune di Bari",
        ],
        duties: &[
            (
                "informazioni ai cittadini allo sportello, al telefono e via email",
                "informing citizens at the desk, by phone and by email",
            ),
            (
                "gestione delle richieste di accesso agli atti",
                "handling requests for access to public records",
            ),
            (
                "protocollazione della corrispondenza e della PEC",
                "registering mail and certified email",
            ),
            (
                "raccolta di segnalazioni e reclami e monitoraggio dei tempi di risposta",
                "collecting reports and complaints and tracking response times",
            ),
            (
                "supporto ai cittadini per SPID, pagoPA e servizi online",
                "helping citizens with SPID, pagoPA and online services",
            ),
            (
                "aggiornamento della sezione Amministrazione trasparente del sito",
                "updating the transparency section of the website",
            ),
        ],
        software: &[
            "protocollo informatico Folium",
            "Halley",
            "PEC",
            "SPID",
            "pagoPA",
            "Maggioli Sicraweb",
        ],
    },
    RoleWords {
        profile_code: "accounting-clerk",
        titles: &[
            (
                "Impiegato contabile",
                "Impiegata contabile",
                "Accounting clerk",
            ),
            (
                "Addetto alla contabilità fornitori",
                "Addetta alla contabilità fornitori",
                "Accounts payable clerk",
            ),
            (
                "Assistente amministrativo-contabile",
                "Assistente amministrativo-contabile",
                "Accounting assistant",
            ),
        ],
        employers: &[
            "Lavazza",
            "Autogrill",
            "Esselunga",
            "Coop Alleanza 3.0",
            "Gruppo Hera",
            "Brembo",
            "Calzedonia",
            "Barilla",
            "Studio Rinaldi Revisori",
            "Carrefour Italia",
        ],
        duties: &[
            (
                "registrazione di fatture attive e passive e tenuta della prima nota",
                "recording sales and purchase invoices and keeping the cash book",
            ),
            (
                "riconciliazioni bancarie e gestione degli incassi",
                "bank reconciliations and collections",
            ),
            (
                "liquidazione IVA periodica e adempimenti fiscali",
                "periodic VAT settlements and tax filings",
            ),
            (
                "supporto alla chiusura di bilancio mensile e annuale",
                "supporting the monthly and year-end close",
            ),
            (
                "gestione dello scadenzario fornitori e dei pagamenti",
                "managing the supplier payment schedule",
            ),
            (
                "controllo della fatturazione elettronica tramite SDI",
                "checking e-invoices through the SDI exchange system",
            ),
            (
                "gestione dei cespiti e degli ammortamenti",
                "managing fixed assets and depreciation",
            ),
        ],
        software: &[
            "SAP FI",
            "Zucchetti Ad Hoc",
            "TeamSystem Lynfa",
            "Mago.net",
            "Arca Evolution",
            "Excel (tabelle pivot, CERCA.VERT)",
            "Esolver",
        ],
    },
    RoleWords {
        profile_code: "administrative-assistant",
        titles: &[
            (
                "Assistente di direzione",
                "Assistente di direzione",
                "Executive assistant",
            ),
            (
                "Impiegato amministrativo",
                "Impiegata amministrativa",
                "Administrative clerk",
            ),
            ("Segretario", "Segretaria", "Secretary"),
        ],
        employers: &[
            "Randstad",
            "Adecco",
            "Generali Italia",
            "Allianz",
            "Fincantieri",
            "Leonardo",
            "Gi Group",
            "Ferrovie dello Stato",
            "Mediaworld",
        ],
        duties: &[
            (
                "gestione dell'agenda della direzione e organizzazione di riunioni",
                "managing the directors' diary and organising meetings",
            ),
            (
                "organizzazione di trasferte e gestione delle note spese",
                "organising business travel and expense claims",
            ),
            (
                "redazione di lettere, verbali e presentazioni",
                "drafting letters, minutes and presentations",
            ),
            (
                "gestione della posta in entrata e in uscita e della PEC",
                "handling incoming and outgoing mail and certified email",
            ),
            (
                "ordini di cancelleria e rapporti con i fornitori",
                "ordering supplies and dealing with suppliers",
            ),
            (
                "supporto all'ufficio del personale per presenze e ferie",
                "supporting HR with attendance and leave",
            ),
        ],
        software: &[
            "Microsoft 365",
            "SAP",
            "Zucchetti HR",
            "SAP Concur",
            "Archiflow",
            "Google Workspace",
        ],
    },
    RoleWords {
        profile_code: "archivist-records-clerk",
        titles: &[
            ("Archivista", "Archivista", "Archivist"),
            (
                "Addetto al protocollo",
                "Addetta al protocollo",
                "Records registry clerk",
            ),
            (
                "Operatore di digitalizzazione",
                "Operatrice di digitalizzazione",
                "Digitisation operator",
            ),
        ],
        employers: &[
            "Archivio di Stato di Firenze",
            "Comune di Torino",
            "Università di Bologna",
            "Iron Mountain Italia",
            "Biblioteca Nazionale Centrale",
            "Fondazione Cariplo",
            "Tribunale di Milano",
            "Ospedale San Raffaele",
        ],
        duties: &[
            (
                "riordino e inventariazione di archivi correnti e di deposito",
                "reorganising and inventorying current and storage archives",
            ),
            (
                "protocollazione e classificazione dei documenti secondo il titolario",
                "registering and classifying documents by the filing plan",
            ),
            (
                "digitalizzazione e indicizzazione di fascicoli con OCR",
                "digitising and indexing files with OCR",
            ),
            (
                "gestione dello scarto d'archivio e dei massimari di conservazione",
                "managing record disposal and retention schedules",
            ),
            (
                "conservazione digitale a norma dei documenti informatici",
                "compliant long-term preservation of digital documents",
            ),
            (
                "assistenza agli utenti della sala studio e ricerche d'archivio",
                "helping reading-room users with archive research",
            ),
        ],
        software: &[
            "Archiflow",
            "DocsWeb",
            "Titulus",
            "xDams",
            "Arianna",
            "ABBYY FineReader",
        ],
    },
];

pub const FIRST_NAMES_FEMALE: [&str; 50] = [
    "Giulia",
    "Francesca",
    "Chiara",
    "Sara",
    "Martina",
    "Valentina",
    "Alessia",
    "Federica",
    "Elisa",
    "Silvia",
    "Laura",
    "Elena",
    "Anna",
    "Paola",
    "Roberta",
    "Simona",
    "Claudia",
    "Ilaria",
    "Serena",
    "Michela",
    "Giorgia",
    "Beatrice",
    "Alice",
    "Aurora",
    "Sofia",
    "Camilla",
    "Noemi",
    "Veronica",
    "Monica",
    "Daniela",
    "Barbara",
    "Cristina",
    "Manuela",
    "Alessandra",
    "Marta",
    "Irene",
    "Erika",
    "Debora",
    "Nicoletta",
    "Rita",
    "Lucia",
    "Caterina",
    "Arianna",
    "Eleonora",
    "Greta",
    "Ludovica",
    "Benedetta",
    "Rebecca",
    "Carlotta",
    "Teresa",
];

pub const FIRST_NAMES_MALE: [&str; 50] = [
    "Marco",
    "Alessandro",
    "Andrea",
    "Luca",
    "Matteo",
    "Lorenzo",
    "Francesco",
    "Davide",
    "Simone",
    "Federico",
    "Riccardo",
    "Stefano",
    "Giuseppe",
    "Antonio",
    "Giovanni",
    "Roberto",
    "Paolo",
    "Fabio",
    "Daniele",
    "Michele",
    "Emanuele",
    "Nicola",
    "Gabriele",
    "Tommaso",
    "Filippo",
    "Salvatore",
    "Vincenzo",
    "Massimo",
    "Claudio",
    "Enrico",
    "Alberto",
    "Pietro",
    "Leonardo",
    "Edoardo",
    "Mattia",
    "Cristian",
    "Alessio",
    "Giorgio",
    "Sergio",
    "Mario",
    "Carlo",
    "Diego",
    "Ivan",
    "Dario",
    "Samuele",
    "Jacopo",
    "Valerio",
    "Fabrizio",
    "Gianluca",
    "Mirko",
];

pub const SURNAMES: [&str; 100] = [
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "Marino",
    "Greco",
    "Bruno",
    "Gallo",
    "Conti",
    "De Luca",
    "Mancini",
    "Costa",
    "Giordano",
    "Rizzo",
    "Lombardi",
    "Moretti",
    "Barbieri",
    "Fontana",
    "Santoro",
    "Mariani",
    "Rinaldi",
    "Caruso",
    "Ferrara",
    "Galli",
    "Martini",
    "Leone",
    "Longo",
    "Gentile",
    "Martinelli",
    "Vitale",
    "Lombardo",
    "Serra",
    "Coppola",
    "De Santis",
    "D'Angelo",
    "Marchetti",
    "Parisi",
    "Villa",
    "Conte",
    "Ferraro",
    "Ferri",
    "Fabbri",
    "Bianco",
    "Marini",
    "Grasso",
    "Valentini",
    "Messina",
    "Sala",
    "De Angelis",
    "Gatti",
    "Pellegrini",
    "Palumbo",
    "Sanna",
    "Farina",
    "Rizzi",
    "Monti",
    "Cattaneo",
    "Morelli",
    "Amato",
    "Silvestri",
    "Mazza",
    "Testa",
    "Grassi",
    "Pellegrino",
    "Carbone",
    "Giuliani",
    "Benedetti",
    "Barone",
    "Rossetti",
    "Caputo",
    "Montanari",
    "Guerra",
    "Palmieri",
    "Bernardi",
    "Martino",
    "Fiore",
    "De Rosa",
    "Ferretti",
    "Bellini",
    "Basile",
    "Riva",
    "Donati",
    "Piras",
    "Vitali",
    "Battaglia",
    "Sartori",
    "Neri",
    "Costantini",
    "Milani",
    "Pagano",
    "Ruggiero",
    "Sorrentino",
    "D'Amico",
    "Orlando",
    "Zanetti",
    "Cirillo",
];

pub const CITIES: [&str; 30] = [
    "Milano",
    "Roma",
    "Torino",
    "Napoli",
    "Bologna",
    "Firenze",
    "Bari",
    "Palermo",
    "Genova",
    "Venezia",
    "Verona",
    "Padova",
    "Trieste",
    "Brescia",
    "Parma",
    "Modena",
    "Bergamo",
    "Catania",
    "Cagliari",
    "Perugia",
    "Pescara",
    "Lecce",
    "Salerno",
    "Trento",
    "Ancona",
    "Rimini",
    "Vicenza",
    "Reggio Emilia",
    "Como",
    "Treviso",
];

pub const EMAIL_DOMAINS: [&str; 10] = [
    "gmail.com",
    "libero.it",
    "outlook.it",
    "yahoo.it",
    "virgilio.it",
    "tiscali.it",
    "hotmail.it",
    "alice.it",
    "icloud.com",
    "fastwebnet.it",
];

/// Qualifications: Italian, English.
pub const QUALIFICATIONS: [Bilingual; 14] = [
    (
        "Diploma di ragioneria (Amministrazione, finanza e marketing)",
        "Accounting high-school diploma",
    ),
    (
        "Diploma di istituto tecnico per il turismo",
        "Technical high-school diploma in tourism",
    ),
    (
        "Diploma di liceo linguistico",
        "Languages high-school diploma",
    ),
    (
        "Diploma di liceo scientifico",
        "Science high-school diploma",
    ),
    (
        "Diploma di istituto professionale per i servizi commerciali",
        "Vocational diploma in business services",
    ),
    (
        "Laurea triennale in Economia aziendale",
        "Bachelor's degree in Business Administration",
    ),
    (
        "Laurea in Scienze della comunicazione",
        "Bachelor's degree in Communication Studies",
    ),
    (
        "Laurea magistrale in Giurisprudenza",
        "Master's degree in Law",
    ),
    (
        "Laurea in Lingue e letterature straniere",
        "Bachelor's degree in Modern Languages",
    ),
    (
        "Laurea in Scienze turistiche",
        "Bachelor's degree in Tourism Studies",
    ),
    (
        "Laurea in Beni culturali",
        "Bachelor's degree in Cultural Heritage",
    ),
    (
        "Laurea in Scienze politiche",
        "Bachelor's degree in Political Science",
    ),
    (
        "Laurea magistrale in Economia e commercio",
        "Master's degree in Economics",
    ),
    (
        "Master in archivistica, paleografia e diplomatica",
        "Postgraduate diploma in Archival Science",
    ),
];

pub const UNIVERSITIES: [&str; 10] = [
    "Università di Bologna",
    "Sapienza Università di Roma",
    "Università di Padova",
    "Università Federico II di Napoli",
    "Università di Torino",
    "Università Cattolica del Sacro Cuore",
    "Università di Bari Aldo Moro",
    "Università di Firenze",
    "Università Ca' Foscari Venezia",
    "Università di Milano-Bicocca",
];

pub const HIGH_SCHOOLS: [&str; 8] = [
    "ITC Pier Crescenzi",
    "ITT Marco Polo",
    "Liceo Galileo Galilei",
    "IIS Enrico Mattei",
    "ITCG Luigi Einaudi",
    "Liceo Alessandro Manzoni",
    "IIS Leonardo da Vinci",
    "ISIS Primo Levi",
];

/// Things people say they achieved, with a number: Italian, English.
pub const ACHIEVEMENTS: [(&str, &str); 6] = [
    (
        "Risultato: circa {n} clienti seguiti ogni giorno con valutazioni positive.",
        "Result: about {n} customers served a day with positive feedback.",
    ),
    (
        "Risultato: riduzione del {n}% dei tempi di attesa grazie a una migliore organizzazione.",
        "Result: waiting times cut by {n}% through better organisation.",
    ),
    (
        "Risultato: {n} pratiche chiuse al mese senza errori segnalati.",
        "Result: {n} cases closed a month with no errors reported.",
    ),
    (
        "Formazione interna di {n} nuovi colleghi sulle procedure dell'ufficio.",
        "Trained {n} new colleagues in the office's procedures.",
    ),
    (
        "Partecipazione al passaggio al nuovo gestionale, con {n} ore di formazione.",
        "Took part in the move to new software, with {n} hours of training.",
    ),
    (
        "Riconoscimento aziendale per la qualità del servizio (valutazione {n}/100).",
        "Company award for quality of service (score {n}/100).",
    ),
];

/// What they are after, a paragraph: Italian, English.
pub const OBJECTIVES: [Bilingual; 4] = [
    (
        "Obiettivo professionale: mettere al servizio dei clienti la mia esperienza di sportello e la mia cura per i dettagli, in un'organizzazione che valorizzi la formazione continua e il lavoro di squadra.",
        "Career objective: to bring my front-desk experience and care for detail to customers, in an organisation that values continuous training and teamwork.",
    ),
    (
        "Obiettivo professionale: crescere in un ufficio strutturato, imparare nuovi strumenti gestionali e assumere nel tempo maggiori responsabilità nel coordinamento delle attività.",
        "Career objective: to grow in a structured office, learn new business software and take on more responsibility for coordinating work over time.",
    ),
    (
        "Obiettivo professionale: trovare un ruolo stabile vicino a casa, dove la precisione, la riservatezza e la gentilezza con il pubblico facciano la differenza ogni giorno.",
        "Career objective: to find a stable role close to home, where accuracy, discretion and kindness to the public make a difference every day.",
    ),
    (
        "Obiettivo professionale: unire le competenze linguistiche e organizzative maturate finora in un contesto dinamico, a contatto con persone di culture diverse.",
        "Career objective: to combine the language and organisational skills gained so far in a lively setting, working with people from different cultures.",
    ),
];

/// When and how they can start: Italian, English.
pub const AVAILABILITY: [Bilingual; 5] = [
    (
        "Disponibilità immediata, full time o part time.",
        "Available immediately, full or part time.",
    ),
    (
        "Disponibile con un mese di preavviso, anche su turni.",
        "Available with a month's notice, shifts included.",
    ),
    (
        "Disponibile a trasferte e a spostamenti sul territorio.",
        "Willing to travel and to work at different sites.",
    ),
    (
        "Preferenza per il part time mattutino.",
        "Morning part-time work preferred.",
    ),
    (
        "Disponibilità anche per contratti a tempo determinato o in somministrazione.",
        "Open to fixed-term and agency contracts too.",
    ),
];

/// Software everybody lists beside the tools of their trade.
pub const OFFICE_SOFTWARE: [&str; 8] = [
    "Microsoft Excel",
    "Microsoft Word",
    "Outlook",
    "PowerPoint",
    "Google Workspace",
    "Microsoft Teams",
    "Access",
    "LibreOffice",
];

pub const TRANSVERSAL_SKILLS: [Bilingual; 12] = [
    ("problem solving", "problem solving"),
    ("lavoro di squadra", "teamwork"),
    ("gestione del tempo", "time management"),
    ("comunicazione efficace", "effective communication"),
    ("negoziazione", "negotiation"),
    ("gestione dello stress", "working under pressure"),
    ("orientamento al cliente", "customer focus"),
    (
        "precisione e attenzione al dettaglio",
        "accuracy and attention to detail",
    ),
    ("riservatezza", "confidentiality"),
    ("multitasking", "multitasking"),
    ("ascolto attivo", "active listening"),
    ("capacità organizzative", "organisational skills"),
];

/// Foreign languages: Italian name, English name.
pub const LANGUAGES: [Bilingual; 7] = [
    ("inglese", "English"),
    ("francese", "French"),
    ("tedesco", "German"),
    ("spagnolo", "Spanish"),
    ("russo", "Russian"),
    ("arabo", "Arabic"),
    ("cinese", "Chinese"),
];

pub const LANGUAGE_LEVELS: [&str; 5] = ["A2", "B1", "B2", "C1", "C2"];

pub const CERTIFICATES: [&str; 10] = [
    "ICDL Full Standard",
    "Cambridge B2 First",
    "IELTS 6.5",
    "DELF B1",
    "Goethe-Zertifikat B1",
    "DELE B2",
    "corso HACCP",
    "corso sicurezza sul lavoro (D.Lgs. 81/2008)",
    "iscrizione al registro IVASS",
    "corso di primo soccorso BLSD",
];

pub const INTERESTS: [Bilingual; 10] = [
    ("lettura", "reading"),
    ("volontariato", "volunteering"),
    ("fotografia", "photography"),
    ("trekking", "hiking"),
    ("cucina", "cooking"),
    ("nuoto", "swimming"),
    ("teatro", "theatre"),
    ("viaggi", "travel"),
    ("pallavolo", "volleyball"),
    ("musica", "music"),
];

/// How a profile opens: Italian and English, before the years of experience and the title.
pub const PROFILE_OPENINGS: [Bilingual; 5] = [
    (
        "Professionista affidabile e puntuale",
        "Reliable and punctual professional",
    ),
    ("Persona cortese e paziente", "Courteous and patient person"),
    (
        "Professionista flessibile e intraprendente",
        "Flexible and resourceful professional",
    ),
    (
        "Persona solare e affidabile",
        "Cheerful and dependable person",
    ),
    (
        "Persona riservata e metodica",
        "Discreet and methodical professional",
    ),
];

pub const PROFILE_CLOSINGS: [Bilingual; 6] = [
    (
        "Ottime capacità di comunicazione e di lavoro in team.",
        "Strong communication skills and a team player.",
    ),
    (
        "Abitudine a lavorare per obiettivi e sotto pressione.",
        "Used to working to targets and under pressure.",
    ),
    (
        "Grande attenzione al dettaglio e alla riservatezza dei dati.",
        "Careful with details and with the confidentiality of data.",
    ),
    (
        "Spiccato orientamento al cliente e doti relazionali.",
        "Customer-focused, with strong people skills.",
    ),
    (
        "Cerco un ambiente in cui crescere e mettere a frutto la mia esperienza.",
        "Looking for a place to grow and put my experience to good use.",
    ),
    (
        "Disponibile a turni, anche nel fine settimana.",
        "Available for shifts, weekends included.",
    ),
];

pub const REJECTION_REASONS: [&str; 5] = [
    "Profilo non in linea con i requisiti",
    "Esperienza insufficiente nel ruolo",
    "Posizione coperta da un altro candidato",
    "Inglese sotto il livello richiesto",
    "Esito negativo della prova pratica",
];

pub const WITHDRAWAL_REASONS: [&str; 4] = [
    "Ha accettato un'altra offerta",
    "Motivi personali",
    "Sede di lavoro troppo distante",
    "Retribuzione non in linea con le aspettative",
];

pub const COVER_LETTERS: [&str; 4] = [
    "Gentili responsabili, vi invio la mia candidatura con entusiasmo: credo che la mia esperienza sia in linea con la posizione.",
    "Buongiorno, la posizione mi interessa molto e sono disponibile per un colloquio anche a breve.",
    "Dear hiring team, I am applying for this role and would welcome the chance to discuss it.",
    "Salve, allego il mio curriculum e resto a disposizione per qualsiasi chiarimento.",
];
