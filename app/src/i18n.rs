//! Italian and English: the language type, every UI text in both languages, and error messages.
//!
//! Each text is written once with its two translations side by side, so a missing translation
//! is a compile error rather than a blank on screen.

use serde::{Deserialize, Serialize};

use crate::model::{Area, FieldError, Role, Sector};

/// A language the UI speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    It,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::It, Lang::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    pub fn parse(value: &str) -> Option<Lang> {
        match value.trim().to_ascii_lowercase().as_str() {
            "it" => Some(Lang::It),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, for the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::It => "Italiano",
            Lang::En => "English",
        }
    }

    /// The best supported language of an `Accept-Language` header, by its q-values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                let lang = Lang::parse(tag.split('-').next()?)?;
                (q > 0.0).then_some((lang, q))
            })
            .fold(None, |best: Option<(Lang, f32)>, (lang, q)| match best {
                Some((_, best_q)) if best_q >= q => best,
                _ => Some((lang, q)),
            })
            .map(|(lang, _)| lang)
    }

    /// The name of month `month0` (0 is January) as a date writes it: "dicembre", "December".
    pub fn month_name(self, month0: u32) -> &'static str {
        const IT: [&str; 12] = [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ];
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let index = month0.min(11) as usize;
        self.pick(IT[index], EN[index])
    }

    /// The name of a day of the week, Monday first (0): "giovedì", "Thursday".
    pub fn weekday_name(self, from_monday: u32) -> &'static str {
        const IT: [&str; 7] = [
            "lunedì",
            "martedì",
            "mercoledì",
            "giovedì",
            "venerdì",
            "sabato",
            "domenica",
        ];
        const EN: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        let index = from_monday.min(6) as usize;
        self.pick(IT[index], EN[index])
    }

    /// Picks the Italian or English variant of a bilingual field.
    pub fn pick<'a>(self, it: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::It => it,
            Lang::En => en,
        }
    }
}

/// A table of fixed texts: an enum with each text's Italian and English side by side.
macro_rules! texts {
    ($(#[$doc:meta])* $name:ident { $($key:ident => $it:literal, $en:literal;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($key,)* }

        impl $name {
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$key, Lang::It) => $it, ($name::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

mod page_texts;
pub use page_texts::PageText;

/// Things the UI counts, each with its singular and plural in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Position,
    Profile,
    Application,
    Result,
    Day,
}

impl Counted {
    /// (Italian one, Italian many, English one, English many).
    fn forms(self) -> (&'static str, &'static str, &'static str, &'static str) {
        match self {
            Counted::Position => ("posto", "posti", "position", "positions"),
            Counted::Profile => ("profilo", "profili", "profile", "profiles"),
            Counted::Application => ("candidatura", "candidature", "application", "applications"),
            Counted::Result => ("risultato", "risultati", "result", "results"),
            Counted::Day => ("giorno", "giorni", "day", "days"),
        }
    }
}

/// "1 position", "3 positions", "0 posti": a number and its noun, agreeing in `lang`. Both
/// languages use the singular for exactly one and the plural otherwise (zero included).
pub fn count(lang: Lang, n: impl Into<u64>, what: Counted) -> String {
    let n = n.into();
    let (it_one, it_many, en_one, en_many) = what.forms();
    let noun = match (lang, n == 1) {
        (Lang::It, true) => it_one,
        (Lang::It, false) => it_many,
        (Lang::En, true) => en_one,
        (Lang::En, false) => en_many,
    };
    format!("{n} {noun}")
}

/// Under a list cut short: "Showing the first 50 of 173."
pub fn first_of(lang: Lang, shown: usize, total: u64) -> String {
    match lang {
        Lang::It => format!("Sono mostrati i primi {shown} di {total}."),
        Lang::En => format!("Showing the first {shown} of {total}."),
    }
}

/// Above a page of a list: "Showing 51–100 of 173."
pub fn showing(lang: Lang, first: u64, last: u64, total: u64) -> String {
    match lang {
        Lang::It => format!("Sono mostrati {first}–{last} di {total}."),
        Lang::En => format!("Showing {first}–{last} of {total}."),
    }
}

/// A list's total: "3 results", or "more than 1000 results" when it was counted up to a limit.
pub fn total(lang: Lang, total: crate::model::Total, what: Counted) -> String {
    match total {
        crate::model::Total::Exactly(n) => count(lang, n, what),
        crate::model::Total::MoreThan(n) => {
            let (_, it_many, _, en_many) = what.forms();
            match lang {
                Lang::It => format!("più di {n} {it_many}"),
                Lang::En => format!("more than {n} {en_many}"),
            }
        }
    }
}

texts! {
    /// Every fixed text of the UI that the browser bundles may show.
    Text {
    AppName => "Percorso", "Percorso";
    Tagline => "Selezione e formazione per front office e back office", "Recruitment and training for front-office and back-office roles";
    SkipToContent => "Vai al contenuto", "Skip to content";
    Edit => "Modifica", "Edit";
    NewApplications => "Nuove negli ultimi", "New in the last";
    NoApplicationsYet => "Nessuna candidatura", "No applications yet";
    HomeIntake => "Carica CV, completa le schede precompilate, importa un file CSV.", "Upload CVs, complete the prefilled forms, import a CSV file.";
    HomeReports => "Candidature per fonte e imbuto di selezione di ogni posizione.", "Applications by source and each opening's funnel.";
    Worklist => "Da fare", "To do";
    WorklistNew => "Nuove candidature", "New applications";
    WorklistNewSince => "arrivate dopo", "received after";
    WorklistNewLastDays => "degli ultimi", "from the last";
    WorklistNoneNew => "Nessuna candidatura nuova.", "No new applications.";
    WorklistMarkSeen => "Segna come viste", "Mark as seen";
    WorklistWaiting => "In attesa da più di", "Waiting for more than";
    WorklistNoneWaiting => "Nessuna candidatura in attesa da così tanto.", "No application has waited that long.";
    WorklistUploads => "CV da completare nella tua area di acquisizione", "CVs to complete in your intake tray";
    WorklistAndMore => "e altre", "and more";
    Menu => "Menu", "Menu";
    FirstPage => "Torna alla prima pagina", "Back to the first page";
    Filters => "Filtri", "Filters";
    NavHome => "Home", "Home";
    NavCompetencies => "Competenze", "Competencies";
    NavProfiles => "Profili professionali", "Job profiles";
    NavUsers => "Utenti", "Users";
    NavAccount => "Il mio account", "My account";
    MainNavigation => "Navigazione principale", "Main navigation";
    SignIn => "Accedi", "Sign in";
    SignOut => "Esci", "Sign out";
    SigningIn => "Accesso in corso…", "Signing in…";
    Email => "Email", "Email";
    Password => "Password", "Password";
    Name => "Nome e cognome", "Full name";
    Role => "Ruolo", "Role";
    Language => "Lingua", "Language";
    Status => "Stato", "Status";
    Actions => "Azioni", "Actions";
    Save => "Salva", "Save";
    Saving => "Salvataggio…", "Saving…";
    Saved => "Salvato.", "Saved.";
    Cancel => "Annulla", "Cancel";
    Delete => "Elimina", "Delete";
    Back => "Indietro", "Back";
    Loading => "Caricamento…", "Loading…";
    Previous => "Precedente", "Previous";
    Next => "Successiva", "Next";
    PageOf => "Pagina", "Page";
    Of => "di", "of";
    Yes => "Sì", "Yes";
    No => "No", "No";
    WrongCredentials => "Email o password non corretti.", "Wrong email or password.";
    TooManyAttempts => "Troppi tentativi. Riprova tra qualche minuto.", "Too many attempts. Try again in a few minutes.";
    FormHasErrors => "Controlla i campi evidenziati.", "Please check the highlighted fields.";
    GenericError => "Qualcosa è andato storto. Riprova.", "Something went wrong. Please try again.";
    NetworkError => "Impossibile raggiungere il server. Controlla la connessione e riprova.", "Cannot reach the server. Check your connection and try again.";
    NotSignedIn => "Devi accedere per vedere questa pagina.", "You need to sign in to see this page.";
    Forbidden => "Non hai i permessi per questa pagina.", "You do not have permission to see this page.";
    NotFound => "Pagina non trovata.", "Page not found.";
    NotFoundExplain => "L'indirizzo non porta a nessuna pagina, oppure ciò che cercavi non c'è più.", "The address leads to no page, or what you were looking for is no longer there.";
    ForbiddenExplain => "Il tuo ruolo non permette di vedere questa pagina. Se ti serve, chiedi a un amministratore, oppure accedi con un altro account.", "Your role does not allow this page. If you need it, ask an administrator, or sign in with another account.";
    Welcome => "Benvenuto", "Welcome";
    SignedInAs => "Accesso come", "Signed in as";
    HomeIntro => "Da qui raggiungi le parti di Percorso aperte al tuo ruolo.", "From here you reach the parts of Percorso open to your role.";
    HomeCompetencies => "Il quadro delle competenze: aree, livelli da 1 a 5 e comportamenti osservabili.", "The competency framework: areas, levels 1 to 5 and observable behaviour.";
    HomeProfiles => "I profili professionali e le competenze che richiedono, con livello e peso.", "Job profiles and the competencies they require, with level and weight.";
    HomeUsers => "Gestisci account, ruoli e accessi.", "Manage accounts, roles and access.";
    HomeInterviews => "I colloqui in cui sei selezionatore: traccia, scheda di valutazione e confronto.", "The interviews you sit on: kit, scorecard and comparison.";
    HomeAccount => "Cambia la tua password e la lingua.", "Change your password and language.";
    RoleAdmin => "Amministratore", "Admin";
    RoleHr => "Risorse umane", "HR";
    RoleInterviewer => "Selezionatore", "Interviewer";
    RoleEmployee => "Dipendente", "Employee";
    AreaFrontOffice => "Front office", "Front office";
    AreaBackOffice => "Back office", "Back office";
    AreaTransversal => "Trasversale", "Transversal";
    SectorHospitality => "Turismo e ospitalità", "Tourism and hospitality";
    SectorBanking => "Banca", "Banking";
    SectorHealthcare => "Sanità", "Healthcare";
    SectorServices => "Servizi", "Services";
    SectorTelecommunications => "Telecomunicazioni", "Telecommunications";
    SectorPublicSector => "Pubblica amministrazione", "Public sector";
    SectorEducation => "Istruzione", "Education";
    SectorNonProfit => "Non profit", "Non-profit";
    SectorProfessionalFirm => "Studio professionale", "Professional firm";
    AccountTitle => "Il mio account", "My account";
    ChangePassword => "Cambia password", "Change password";
    CurrentPassword => "Password attuale", "Current password";
    NewPassword => "Nuova password", "New password";
    ConfirmPassword => "Conferma la nuova password", "Confirm the new password";
    PasswordHint => "Almeno 12 caratteri. Una frase di più parole è facile da ricordare e difficile da indovinare.", "At least 12 characters. A phrase of several words is easy to remember and hard to guess.";
    PasswordChanged => "Password cambiata. Le altre sessioni sono state chiuse.", "Password changed. Your other sessions have been signed out.";
    LanguageSaved => "Lingua salvata.", "Language saved.";
    UsersTitle => "Utenti", "Users";
    NewUser => "Nuovo utente", "New user";
    InitialPassword => "Password iniziale", "Initial password";
    CreateUser => "Crea utente", "Create user";
    UserCreated => "Utente creato.", "User created.";
    Active => "Attivo", "Active";
    Inactive => "Disattivato", "Deactivated";
    Deactivate => "Disattiva", "Deactivate";
    Activate => "Riattiva", "Reactivate";
    ResetPassword => "Reimposta password", "Reset password";
    PasswordReset => "Password reimpostata. Le sessioni dell'utente sono state chiuse.", "Password reset. The user's sessions have been signed out.";
    TwoFactorBadge => "Verifica in due passaggi", "Two-step sign-in";
    ResetTwoFactor => "Rimuovi la verifica in due passaggi", "Remove two-step sign-in";
    TwoFactorRemoved => "Verifica in due passaggi rimossa e sessioni dell'utente chiuse: la imposterà di nuovo al prossimo accesso, se il suo ruolo la richiede.", "Two-step sign-in removed and the user's sessions signed out: they set it up again at their next sign-in if their role requires it.";
    TwoFactorRoles => "Ruoli con verifica in due passaggi obbligatoria", "Roles that must use two-step sign-in";
    TwoFactorRolesHint => "Chi ha uno di questi ruoli e non l'ha ancora attivata la imposta al prossimo accesso.", "People in these roles who have not turned it on yet set it up at their next sign-in.";
    ChangeRole => "Cambia ruolo", "Change role";
    RoleChanged => "Ruolo aggiornato.", "Role updated.";
    You => "tu", "you";
    CompetenciesTitle => "Competenze", "Competencies";
    CompetenciesIntro => "Ogni competenza si valuta da 1 a 5; ogni livello descrive un comportamento osservabile, così due selezionatori intendono la stessa cosa con un 3.", "Each competency is rated 1 to 5; each level describes observable behaviour, so two interviewers mean the same thing by a 3.";
    NewCompetency => "Nuova competenza", "New competency";
    EditCompetency => "Modifica competenza", "Edit competency";
    Area => "Area", "Area";
    AllAreas => "Tutte le aree", "All areas";
    ShowRetired => "Mostra le competenze ritirate", "Show retired competencies";
    Retired => "Ritirata", "Retired";
    InUse => "Usata da", "Used by";
    NameIt => "Nome (italiano)", "Name (Italian)";
    NameEn => "Nome (inglese)", "Name (English)";
    DescriptionIt => "Descrizione (italiano)", "Description (Italian)";
    DescriptionEn => "Descrizione (inglese)", "Description (English)";
    Levels => "Livelli di comportamento", "Behaviour levels";
    Level => "Livello", "Level";
    LevelItalian => "italiano", "Italian";
    LevelEnglish => "inglese", "English";
    Retire => "Ritira", "Retire";
    Restore => "Ripristina", "Restore";
    RetiredNote => "Questa competenza è ritirata: resta nei profili che la usano ma non si può aggiungere a nuovi profili.", "This competency is retired: it stays in the profiles that use it but cannot be added to new ones.";
    InUseNote => "È richiesta da alcuni profili: puoi ritirarla, non eliminarla.", "Some profiles require it: you can retire it, not delete it.";
    ConfirmDelete => "Eliminare definitivamente? L'operazione non si può annullare.", "Delete for good? This cannot be undone.";
    CompetencyInUse => "La competenza è in uso e non può essere eliminata: ritirala.", "The competency is in use and cannot be deleted: retire it instead.";
    ProfilesTitle => "Profili professionali", "Job profiles";
    ProfilesIntro => "Ogni profilo richiede competenze con un livello e un peso propri: lo stesso ruolo pesa le competenze in modo diverso a seconda del settore.", "Each profile requires competencies at its own level and weight: the same role weighs competencies differently by sector.";
    NewProfile => "Nuovo profilo", "New profile";
    EditProfile => "Modifica profilo", "Edit profile";
    TitleIt => "Titolo (italiano)", "Title (Italian)";
    TitleEn => "Titolo (inglese)", "Title (English)";
    Sector => "Settore", "Sector";
    Requirements => "Competenze richieste", "Required competencies";
    Competency => "Competenza", "Competency";
    RequiredLevel => "Livello richiesto", "Required level";
    Weight => "Peso", "Weight";
    AddRequirement => "Aggiungi competenza", "Add competency";
    Remove => "Rimuovi", "Remove";
    NoRequirements => "Nessuna competenza richiesta.", "No required competencies.";
    ChooseCompetency => "Scegli una competenza", "Choose a competency";
    Description => "Descrizione", "Description";
    WeightHint => "Peso da 1 (poco) a 5 (decisivo).", "Weight from 1 (minor) to 5 (decisive).";
    Empty => "Nessun elemento.", "Nothing here yet.";
    NavOpenings => "Posizioni", "Openings";
    NavCareers => "Lavora con noi", "Careers";
    HomeOpenings => "Apri posizioni dai profili professionali, con sede e squadra di selezione.", "Open positions from job profiles, with a location and a hiring team.";
    OpeningsTitle => "Posizioni", "Openings";
    OpeningsIntro => "Ogni posizione nasce da un profilo professionale e ha una sede, un numero di posti, uno stato e una squadra di selezione.", "Each opening comes from a job profile and has a location, a number of positions, a status and a hiring team.";
    NewOpening => "Nuova posizione", "New opening";
    EditOpening => "Modifica posizione", "Edit opening";
    JobProfile => "Profilo professionale", "Job profile";
    ChooseProfile => "Scegli un profilo", "Choose a profile";
    Location => "Sede", "Location";
    Positions => "Posti", "Positions";
    OpeningStatusDraft => "Bozza", "Draft";
    OpeningStatusOpen => "Aperta", "Open";
    OpeningStatusOnHold => "Sospesa", "On hold";
    OpeningStatusClosed => "Chiusa", "Closed";
    Published => "Pubblicata su Lavora con noi", "Published on the careers page";
    PublishedHint => "Compare sulla pagina pubblica solo mentre la posizione è aperta.", "It appears on the public page only while the opening is open.";
    HrOwner => "Responsabile HR", "HR owner";
    Interviewers => "Selezionatori", "Interviewers";
    HiringTeam => "Squadra di selezione", "Hiring team";
    AdDescriptionIt => "Testo dell'annuncio (italiano)", "Advert text (Italian)";
    AdDescriptionEn => "Testo dell'annuncio (inglese)", "Advert text (English)";
    CareersTitle => "Lavora con noi", "Careers";
    CareersIntro => "Le posizioni aperte in questo momento. Scegline una per leggere i dettagli e candidarti.", "The positions open right now. Choose one to read the details and apply.";
    NoOpenings => "Al momento non ci sono posizioni aperte.", "There are no open positions at the moment.";
    AllOpenings => "Tutte le posizioni", "All openings";
    ApplyTitle => "Invia la tua candidatura", "Send your application";
    ApplyIntro => "Compila il modulo e allega il tuo curriculum. I campi segnati con * sono obbligatori.", "Fill in the form and attach your CV. Fields marked with * are required.";
    Phone => "Telefono", "Phone";
    Education => "Istruzione", "Education";
    EducationHint => "Titoli di studio, corsi, lingue.", "Qualifications, courses, languages.";
    Experience => "Esperienze di lavoro", "Work experience";
    ExperienceHint => "Ruoli, aziende e periodi più rilevanti.", "The most relevant roles, employers and periods.";
    CoverLetter => "Lettera di presentazione", "Cover letter";
    CoverLetterHint => "Scrivila qui oppure allegala come file.", "Write it here or attach it as a file.";
    CoverLetterFile => "Lettera di presentazione (file, facoltativo)", "Cover letter (file, optional)";
    CvFile => "Curriculum vitae (PDF o DOCX, al massimo 10 MB)", "CV (PDF or DOCX, at most 10 MB)";
    PrivacyNotice => "Informativa sulla privacy", "Privacy notice";
    TalentPoolConsent => "Acconsento a restare nel bacino dei candidati per future posizioni (facoltativo).", "I agree to stay in the talent pool for future positions (optional).";
    SendApplication => "Invia la candidatura", "Send application";
    ChooseFileAgain => "Per sicurezza il browser non conserva i file: sceglili di nuovo.", "For your safety the browser does not keep files: choose them again.";
    HoneypotLabel => "Lascia vuoto questo campo", "Leave this field empty";
    AppliedTitle => "Candidatura inviata", "Application sent";
    AppliedBody => "Grazie! Abbiamo ricevuto la tua candidatura e ti abbiamo inviato una email di conferma. Ti contatteremo per i prossimi passi.", "Thank you! We have received your application and sent you a confirmation email. We will contact you about the next steps.";
    StageApplied => "Candidatura", "Applied";
    StageScreening => "Preselezione", "Screening";
    StageInterview => "Colloquio", "Interview";
    StagePracticalTest => "Prova pratica", "Practical test";
    StageOffer => "Offerta", "Offer";
    StageHired => "Assunto", "Hired";
    StageRejected => "Scartato", "Rejected";
    StageWithdrawn => "Ritirato", "Withdrawn";
    Board => "Pipeline", "Pipeline";
    OpenBoard => "Apri la pipeline", "Open the pipeline";
    MoveTo => "Sposta in", "Move to";
    Move => "Sposta", "Move";
    Reason => "Motivo", "Reason";
    InThisStage => "in questa fase", "in this stage";
    BoardHint => "Trascina una scheda in un'altra colonna, oppure scegli la fase in «Sposta in» e premi «Sposta».", "Drag a card to another column, or choose the stage in \"Move to\" and press \"Move\".";
    BoardScrollHint => "Le fasi sono otto: scorri la bacheca in orizzontale per vederle tutte →", "There are eight stages: scroll the board sideways to see them all →";
    NoCards => "Nessuno.", "No one.";
    Candidate => "Candidato", "Candidate";
    Source => "Fonte", "Source";
    Files => "File", "Files";
    Applications => "Candidature", "Applications";
    Timeline => "Cronologia", "Timeline";
    TalentPool => "Bacino dei candidati", "Talent pool";
    TalentPoolYes => "Ha acconsentito a restare nel bacino dei candidati.", "Agreed to stay in the talent pool.";
    TalentPoolNo => "Non ha acconsentito a restare nel bacino dei candidati.", "Did not agree to stay in the talent pool.";
    ConsentRecorded => "Informativa accettata il", "Privacy notice accepted on";
    NoticeVersion => "versione", "version";
    TextNotExtracted => "Testo non estratto", "Text not extracted";
    Download => "Scarica", "Download";
    KindCv => "Curriculum", "CV";
    KindCoverLetter => "Lettera di presentazione", "Cover letter";
    SourceCareers => "Lavora con noi", "Careers page";
    SourceManual => "Inserimento manuale", "Added by hand";
    SourceReferral => "Segnalazione", "Referral";
    SourceJobBoard => "Portale di annunci", "Job board";
    SourceImport => "Importazione", "Import";
    AppliedOn => "Candidatura del", "Applied on";
    By => "da", "by";
    CandidateApplied => "Candidatura ricevuta", "Application received";
    NavCandidates => "Candidati", "Candidates";
    HomeCandidates => "Cerca tra i candidati per nome, email o testo del curriculum.", "Search candidates by name, email or CV text.";
    CandidatesTitle => "Candidati", "Candidates";
    Search => "Cerca", "Search";
    SearchHint => "Parole nel nome, nell'email o nel curriculum.", "Words in the name, email or CV.";
    AnyOpening => "Tutte le posizioni", "All openings";
    AnyStage => "Tutte le fasi", "All stages";
    StageLabel => "Fase", "Stage";
    AnySource => "Tutte le fonti", "All sources";
    AnySector => "Tutti i settori", "All sectors";
    AppliedFrom => "Candidati dal", "Applied from";
    AppliedTo => "al", "to";
    SortBy => "Ordina per", "Sort by";
    SortNewest => "Più recenti", "Newest";
    SortOldest => "Meno recenti", "Oldest";
    SortName => "Nome", "Name";
    Filter => "Filtra", "Filter";
    Show => "Mostra", "Show";
    ClearFilters => "Azzera", "Clear";
    ExportCsv => "Esporta CSV", "Export CSV";
    NoCandidates => "Nessun candidato corrisponde.", "No candidate matches.";
    LatestApplication => "Ultima candidatura", "Latest application";
    IntakeTitle => "Aggiungi candidati", "Add candidates";
    NavIntake => "Aggiungi candidati", "Add candidates";
    IntakeIntro => "Trascina qui uno o più curriculum: ognuno viene letto e precompila la sua scheda. Puoi anche inserire un candidato a mano o importare un file CSV.", "Drop one or more CVs here: each is read and prefills its own form. You can also add a candidate by hand or import a CSV file.";
    AddByHand => "Inserisci a mano", "Add by hand";
    AttachedToExisting => "Aggiunto a una persona già presente:", "Added to a person already on file:";
    CandidateSaved => "Candidato salvato:", "Candidate saved:";
    PossibleDuplicatesWarning => "Attenzione, potrebbe essere la stessa persona di:", "Careful, this may be the same person as:";
    SameEmail => "stessa email", "same email";
    SamePhone => "stesso telefono", "same phone";
    SimilarName => "nome simile", "similar name";
    DropCvs => "Trascina qui i curriculum, o fai clic per sceglierli", "Drop CVs here, or click to choose them";
    DropCvsHint => "PDF o DOCX, fino a 10 MB ciascuno.", "PDF or DOCX, up to 10 MB each.";
    UploadDone => "Caricato", "Uploaded";
    NoOpeningYet => "Nessuna posizione per ora", "No opening yet";
    Opening => "Posizione", "Opening";
    FullName => "Nome e cognome", "Full name";
    SourceDetail => "Quale portale, o chi l'ha segnalato", "Which job board, or who referred them";
    SaveCandidate => "Salva il candidato", "Save the candidate";
    Discard => "Scarta", "Discard";
    SaveAll => "Salva tutti", "Save all";
    SaveAllHint => "Salva ogni scheda qui sotto; quelle con errori restano da correggere.", "Saves every form below; those with errors stay for you to fix.";
    ImportTitle => "Importa da CSV", "Import from CSV";
    ImportHint => "Prima riga: nome, email, telefono, posizione, istruzione, esperienza, etichette (solo nome è obbligatoria; vanno bene anche i nomi inglesi). Se una riga ha errori non viene importato nulla.", "First row: name, email, phone, opening, education, experience, tags (only name is required; the Italian names work too). If any row has errors, nothing is imported.";
    CsvFile => "File CSV", "CSV file";
    CsvTemplate => "Scarica un modello vuoto.", "Download an empty template.";
    NoFiles => "Nessun file.", "No files.";
    Import => "Importa", "Import";
    ImportDone => "Importazione completata.", "Import complete.";
    Created => "nuovi", "new";
    ImportRowErrors => "Righe da correggere (nulla è stato importato)", "Rows to fix (nothing was imported)";
    Row => "Riga", "Row";
    Column => "Colonna", "Column";
    Problem => "Problema", "Problem";
    TeamCandidates => "Candidati dei tuoi gruppi di selezione", "Candidates on your hiring teams";
    NoTeamCandidates => "Nessun candidato in corso sulle posizioni del tuo gruppo.", "No candidate in progress on your teams' openings.";
    NotesTitle => "Note e commenti", "Notes and comments";
    AddNote => "Aggiungi la nota", "Add the note";
    Note => "Nota", "Note";
    NoteAdded => "Nota aggiunta.", "Note added.";
    TagsLabel => "Etichette", "Tags";
    TagsHint => "Separate da virgole, per esempio: inglese c1, sap", "Comma-separated, for example: english c1, sap";
    SaveTags => "Salva le etichette", "Save the tags";
    TagsSaved => "Etichette salvate.", "Tags saved.";
    AnyTag => "Tutte le etichette", "All tags";
    PossibleDuplicates => "Possibili doppioni", "Possible duplicates";
    MergeExplain => "Unendo, le candidature, i file, la storia e le note dell'altro record passano a questo, e l'altro record scompare.", "Merging moves the other record's applications, files, history and notes to this one, and the other record disappears.";
    MergeHere => "Unisci in questo candidato", "Merge into this candidate";
    ConfirmMerge => "Conferma l'unione", "Confirm the merge";
    Merged => "Candidati uniti.", "Candidates merged.";
    PersonalData => "Dati personali", "Personal data";
    ExportData => "Esporta tutti i dati di questa persona", "Export everything about this person";
    ExportExplain => "Un archivio zip con tutti i dati (JSON) e i file. Il download viene registrato.", "A zip archive with all the data (JSON) and the files. The download is recorded.";
    ConfirmExport => "Scarica l'archivio", "Download the archive";
    EraseData => "Cancella questa persona", "Erase this person";
    EraseExplain => "Cancella per sempre il candidato, le candidature, la storia, le note e i file. Non si può annullare.", "Erases the candidate, their applications, history, notes and files for good. This cannot be undone.";
    ConfirmName => "Per confermare, scrivi il nome del candidato", "To confirm, type the candidate's name";
    EraseForever => "Cancella per sempre", "Erase for good";
    Erased => "Il candidato è stato cancellato.", "The candidate was erased.";
    NavReports => "Report", "Reports";
    ReportsTitle => "Report di selezione", "Recruitment reports";
    SourceBreakdown => "Candidature per fonte", "Applications by source";
    FunnelTitle => "Imbuto della posizione", "Opening funnel";
    LegendReached => "Candidature arrivate alla fase", "Applications that reached the stage";
    LegendConversion => "Passaggio dalla fase precedente", "Conversion from the stage before";
    Reached => "Arrivati", "Reached";
    Conversion => "Conversione", "Conversion";
    MedianDays => "Giorni in fase (mediana)", "Days in stage (median)";
    Hired => "Assunti", "Hired";
    LeftRejected => "Respinti", "Rejected";
    LeftWithdrawn => "Ritirati", "Withdrawn";
    NoData => "Ancora nessun dato.", "No data yet.";
    NavDataProtection => "Protezione dati", "Data protection";
    NavMail => "Posta", "Mail";
    NavInterviews => "Colloqui", "Interviews";
    MyInterviewsTitle => "I miei colloqui", "My interviews";
    InterviewsToScore => "Da valutare", "To score";
    InterviewsUpcoming => "In programma", "Upcoming";
    InterviewsDone => "Conclusi", "Done";
    NoInterviews => "Nessun colloquio.", "No interviews.";
    KindPhoneScreen => "Colloquio telefonico", "Phone screen";
    KindHrInterview => "Colloquio con le Risorse umane", "HR interview";
    KindTechnicalInterview => "Colloquio tecnico", "Technical interview";
    StateToScore => "Da valutare", "To score";
    StateDraft => "Bozza", "Draft";
    StateSubmitted => "Inviata", "Submitted";
    StateOverdue => "In ritardo", "Overdue";
    StateCancelled => "Annullato", "Cancelled";
    RecStrongNo => "Decisamente no", "Strong no";
    RecNo => "No", "No";
    RecYes => "Sì", "Yes";
    RecStrongYes => "Decisamente sì", "Strong yes";
    InterviewTitle => "Colloquio", "Interview";
    InterviewKind => "Tipo di colloquio", "Kind of interview";
    When => "Quando", "When";
    Where => "Dove", "Where";
    VideoLink => "Collegamento video", "Video link";
    Panel => "Commissione", "Panel";
    DownloadCalendar => "Scarica l'appuntamento (.ics)", "Download the appointment (.ics)";
    History => "Storico", "History";
    ChangeScheduled => "Programmato", "Scheduled";
    ChangeRescheduled => "Spostato", "Moved";
    ChangeCancelled => "Annullato", "Cancelled";
    Kit => "Traccia del colloquio", "Interview kit";
    PrintKit => "Traccia da stampare", "Printable kit";
    SuggestedQuestions => "Domande suggerite", "Suggested questions";
    Scorecard => "La tua scheda di valutazione", "Your scorecard";
    Rating => "Valutazione", "Rating";
    NotAssessed => "Non valutato", "Not assessed";
    Evidence => "Evidenze", "Evidence";
    Recommendation => "Raccomandazione", "Recommendation";
    Summary => "Sintesi", "Summary";
    DraftSavedAt => "Bozza salvata alle", "Draft saved at";
    DraftNotSaved => "Bozza non salvata: controlla la connessione, riproveremo alla prossima modifica.", "Draft not saved: check the connection; it is tried again at the next change.";
    SubmitScorecard => "Invia la scheda", "Submit the scorecard";
    SubmitHint => "Dopo l'invio la scheda non si modifica più, se non con una modifica motivata; vedrai le schede degli altri selezionatori.", "Once submitted the scorecard is locked, but for a change with a reason; you then see the other interviewers' scorecards.";
    SubmittedOn => "Inviata il", "Submitted on";
    AmendScorecard => "Modifica con motivazione", "Amend with a reason";
    AmendReason => "Motivo della modifica", "Reason for the change";
    SaveAmendment => "Salva la modifica", "Save the amendment";
    Amendments => "Modifiche", "Amendments";
    ScorecardSubmitted => "Scheda inviata.", "Scorecard submitted.";
    AmendmentSaved => "Modifica salvata.", "Amendment saved.";
    OthersHidden => "Le schede degli altri selezionatori si vedono dopo l'invio della tua.", "The other interviewers' scorecards show once yours is submitted.";
    OtherScorecards => "Schede di valutazione", "Scorecards";
    Comparison => "Confronto per competenza", "Comparison by competency";
    Mean => "Media", "Mean";
    Spread => "Scarto", "Spread";
    Disagreement => "Da discutere: valutazioni distanti 2 o più", "To discuss: ratings 2 or more apart";
    NoSubmittedScorecards => "Nessuna scheda inviata finora.", "No scorecard submitted yet.";
    ScheduleInterview => "Programma un colloquio", "Schedule an interview";
    StartsAt => "Inizio", "Start";
    EndsAt => "Fine", "End";
    TimeZone => "Fuso orario", "Time zone";
    Place => "Luogo o sala", "Place or room";
    Schedule => "Programma", "Schedule";
    InterviewScheduled => "Colloquio programmato; inviti in partenza.", "Interview scheduled; invitations on their way.";
    InterviewerBusy => "ha un altro colloquio", "has another interview";
    PlaceBooked => "è già occupato", "is already booked";
    AddedToTeam => "Aggiunti alla squadra di selezione:", "Added to the hiring team:";
    MoveInterview => "Sposta il colloquio", "Move the interview";
    InterviewMoved => "Colloquio spostato; avvisi in partenza.", "Interview moved; notices on their way.";
    CancelInterview => "Annulla il colloquio", "Cancel the interview";
    InterviewCancelled => "Colloquio annullato; avvisi in partenza.", "Interview cancelled; notices on their way.";
    OpeningInterviews => "Colloqui", "Interviews";
    ScheduleFromCard => "Programma il colloquio", "Schedule the interview";
    InterviewQuestions => "Domande suggerite per il colloquio", "Suggested interview questions";
    InterviewQuestionsHint => "Compaiono nella traccia del colloquio, sotto ogni competenza.", "They appear in the interview kit, under each competency.";
    AddQuestion => "Aggiungi una domanda", "Add a question";
    QuestionIt => "Domanda (italiano)", "Question (Italian)";
    QuestionEn => "Domanda (inglese)", "Question (English)";
    SaveQuestions => "Salva le domande", "Save the questions";
    QuestionsSaved => "Domande salvate.", "Questions saved.";
    TimeZoneSaved => "Fuso orario salvato.", "Time zone saved.";
    Interviews => "Colloqui", "Interviews";
    MailTitle => "Posta in uscita", "Outgoing mail";
    MailHint => "I messaggi partono in background: chi non risponde viene riprovato più tardi, con pause sempre più lunghe; dopo l'ultimo tentativo, o se il server di posta rifiuta il destinatario, il messaggio compare qui sotto.", "Messages are sent in the background: a server that does not answer is tried again later, with longer and longer pauses; after the last try, or when the mail server refuses the recipient, the message shows below.";
    MailWaiting => "In coda", "Waiting";
    MailRetrying => "In nuovo tentativo", "Being retried";
    MailFailed => "Non consegnati", "Not delivered";
    MailSentThisWeek => "Inviati negli ultimi 7 giorni", "Sent in the last 7 days";
    MailFailedTitle => "Messaggi non consegnati", "Messages not delivered";
    MailNoneFailed => "Nessun messaggio non consegnato.", "No undelivered messages.";
    MailRecipient => "Destinatario", "Recipient";
    MailSubject => "Oggetto", "Subject";
    MailAttempts => "Tentativi", "Tries";
    MailLastError => "Ultima risposta", "Last answer";
    MailFailedAt => "Abbandonato il", "Given up on";
    MailSendAgain => "Invia di nuovo", "Send again";
    DataProtectionTitle => "Protezione dei dati dei candidati", "Candidate data protection";
    NoticeInForce => "Informativa in vigore", "Notice in force";
    PublishedOn => "pubblicata il", "published on";
    PublishNotice => "Pubblica una nuova versione", "Publish a new version";
    NoticeIt => "Testo in italiano", "Italian text";
    NoticeEn => "Testo in inglese", "English text";
    NoticePublished => "Nuova versione pubblicata: le prossime candidature la registrano.", "New version published: applications from now on record it.";
    RetentionTitle => "Conservazione dopo il rifiuto", "Retention after rejection";
    MonthsWithoutConsent => "Mesi, senza consenso al bacino", "Months, without talent-pool consent";
    MonthsWithConsent => "Mesi, con consenso al bacino", "Months, with talent-pool consent";
    RetentionSaved => "Periodi di conservazione salvati.", "Retention periods saved.";
    RetentionJob => "Anonimizzazione", "Anonymisation";
    RetentionJobHint => "Ogni giorno il sistema anonimizza i candidati respinti oltre il periodo: dati personali cancellati, file eliminati, ricerca aggiornata.", "Every day the system anonymises rejected candidates past their period: personal data blanked, files deleted, search updated.";
    DueNow => "Da anonimizzare ora", "Due now";
    RunNow => "Esegui ora", "Run now";
    RetentionRuns => "Ultime esecuzioni", "Latest runs";
    Scheduled => "automatica", "scheduled";
    Anonymised => "anonimizzati", "anonymised";
    FilesDeleted => "file eliminati", "files deleted";
    RetentionDone => "Esecuzione completata.", "Run complete.";
    ProfileInUse => "Il profilo è usato da alcune posizioni e non può essere eliminato.", "Openings use this profile, so it cannot be deleted.";
    // Practical tests.
    NavTests => "Prove", "Tests";
    TestsTitle => "Prove pratiche", "Practical tests";
    TestsToGrade => "Da correggere", "To grade";
    TestsGraded => "Corrette da te", "Graded by you";
    TestsWaiting => "Tutte le prove in attesa di correzione", "Every test waiting to be graded";
    NoTests => "Nessuna prova.", "No tests.";
    TestTemplates => "Modelli di prova", "Test templates";
    NewTemplate => "Nuovo modello", "New template";
    EditTemplate => "Modello di prova", "Test template";
    InstructionsIt => "Istruzioni (italiano)", "Instructions (Italian)";
    InstructionsEn => "Istruzioni (inglese)", "Instructions (English)";
    Instructions => "Istruzioni", "Instructions";
    TimeLimitMinutes => "Tempo a disposizione (minuti)", "Time limit (minutes)";
    TimeLimit => "Tempo", "Time limit";
    MinutesShort => "min", "min";
    PassMark => "Punti per superarla", "Pass mark (points)";
    TemplateOffered => "Proposto quando si assegna una prova", "Offered when assigning a test";
    TemplateRetired => "Ritirato", "Retired";
    TemplateProfiles => "Profili professionali", "Job profiles";
    Rubric => "Griglia di valutazione", "Rubric";
    RubricHint => "Ogni criterio misura una competenza; i punti dati diventano un livello da 1 a 5.", "Each criterion measures one competency; the points given become a level from 1 to 5.";
    MaxPoints => "Punti massimi", "Maximum points";
    EarnsIt => "Che cosa fa guadagnare i punti (italiano)", "What earns the points (Italian)";
    EarnsEn => "Che cosa fa guadagnare i punti (inglese)", "What earns the points (English)";
    AddCriterion => "Aggiungi un criterio", "Add a criterion";
    CriterionNumber => "Criterio", "Criterion";
    SaveTemplate => "Salva il modello", "Save the template";
    TemplateSaved => "Modello salvato.", "Template saved.";
    TotalPoints => "Totale punti", "Total points";
    CriteriaCount => "Criteri", "Criteria";
    TestsGiven => "Prove assegnate", "Tests given";
    AssignTest => "Assegna una prova pratica", "Assign a practical test";
    Assign => "Assegna", "Assign";
    TestTemplate => "Modello", "Template";
    Grader => "Correttore", "Grader";
    DueOn => "Da correggere entro", "Due on";
    TestAssignedDone => "Prova assegnata.", "Test assigned.";
    NoTemplatesForProfile => "Nessun modello di prova per il profilo di questa posizione: aggiungine uno in Prove → Modelli di prova.", "No test template for this opening's job profile: add one under Tests → Test templates.";
    AssignFromCard => "Assegna la prova pratica", "Assign the practical test";
    TestStatusAssigned => "Da correggere", "To grade";
    TestStatusGraded => "Corretta", "Graded";
    TestOverdue => "In ritardo", "Overdue";
    TestPassed => "Superata", "Passed";
    TestFailed => "Non superata", "Not passed";
    Points => "Punti", "Points";
    Outcome => "Esito", "Result";
    Grading => "Correzione", "Grading";
    GradingHint => "Dai a ogni criterio da 0 al suo massimo, con una nota se serve. Una volta inviata, la correzione non si cambia.", "Give each criterion from 0 to its maximum, with a note where useful. Once submitted, the grading cannot change.";
    CriterionNotes => "Note sul criterio", "Notes on this criterion";
    OverallNotes => "Note complessive", "Overall notes";
    SubmitGrading => "Invia la correzione", "Submit the grading";
    GradingSubmitted => "Correzione inviata.", "Grading submitted.";
    Contributions => "Che cosa mostra per competenza", "What it shows per competency";
    LevelFormula => "Livello = 1 + 4 × punti ÷ punti massimi, arrotondato al livello più vicino (le metà per eccesso); i criteri della stessa competenza si sommano prima.", "Level = 1 + 4 × points ÷ maximum points, rounded to the nearest level (halves up); criteria of the same competency are added up first.";
    AssignedBy => "Assegnata da", "Assigned by";
    GradedOn => "Corretta il", "Graded on";
    PassMarkOutOf => "punti su", "points out of";
    ToPass => "Per superarla", "To pass";
    NotGradedYet => "Non ancora corretta.", "Not graded yet.";
    OnlyGraderGrades => "Solo il correttore assegnato può correggerla.", "Only the assigned grader can grade it.";
    GradeIt => "Correggi", "Grade";
    // The assessment of applications.
    AssessmentTitle => "Valutazione", "Assessment";
    FitScore => "Adeguatezza al profilo", "Fit for the profile";
    FitPartial => "Parziale: peso valutato", "Partial: weight assessed";
    FitPartialShort => "parziale", "partial";
    FitFormula => "Adeguatezza = 100 × Σ (peso × min(livello, richiesto) ÷ richiesto) ÷ Σ peso, sulle sole competenze valutate: un livello oltre il richiesto non compensa una lacuna altrove. Finché restano competenze da valutare il punteggio è parziale.", "Fit = 100 × Σ (weight × min(level, required) ÷ required) ÷ Σ weight, over the competencies assessed only: a level above the required one does not make up for a gap elsewhere. While competencies remain to be assessed, the score is partial.";
    NotAssessedYet => "Non ancora valutate:", "Not assessed yet:";
    InterviewRatings => "Valutazioni nei colloqui", "Interview ratings";
    MeetsLevel => "raggiunto", "meets it";
    BelowLevel => "sotto il richiesto", "below required";
    LevelFromEvidence => "Livello = media di tutte le valutazioni date dai selezionatori nelle schede inviate e dei livelli delle prove corrette, pratiche e online (1 + 4 × punti ÷ punti massimi, al livello più vicino); ognuna conta una volta.", "Level = the mean of every rating interviewers gave in submitted scorecards and every graded test's level, practical or online (1 + 4 × points ÷ maximum points, to the nearest level); each counts once.";
    FitChart => "Adeguatezza al profilo di ogni candidato", "Each candidate's fit for the profile";
    FitChartCaption => "Le barre seguono l'ordine della tabella; * indica un punteggio parziale.", "Bars follow the table's order; * marks a partial score.";
    CompareCandidates => "Confronta i candidati", "Compare candidates";
    // Online tests: HR and graders.
    OnlineTests => "Prove online", "Online tests";
    SendOnlineTest => "Invia una prova online", "Send an online test";
    Send => "Invia", "Send";
    LinkDays => "Giorni di validità del link", "Days the link works";
    OnlineTestSent => "Prova inviata: il link personale è in partenza per email.", "Test sent: the private link is on its way by email.";
    NoOnlineTemplatesForProfile => "Nessuna prova online per il profilo di questa posizione.", "No online test for this opening's job profile.";
    OnlineStatusSent => "Inviata", "Sent";
    OnlineStatusStarted => "In corso", "In progress";
    OnlineStatusSubmitted => "Da correggere", "To grade";
    SentOn => "Inviata il", "Sent on";
    HandedInOn => "Consegnata il", "Handed in on";
    YourAnswer => "Risposta", "Answer";
    RightOption => "giusta", "right";
    NoAnswer => "Nessuna risposta.", "No answer.";
    WordsPerMinute => "parole al minuto", "words a minute";
    Accuracy => "precisione", "accuracy";
    NetSpeed => "netto", "net";
    FieldsRight => "campi giusti su", "fields right out of";
    GradeShortAnswers => "Correggi le risposte brevi", "Grade the short answers";
    OnlineToGrade => "Prove online da correggere", "Online tests to grade";
    OnlineWaiting => "Tutte le prove online in corso", "Every online test in progress";
    AnswersHiddenUntilHandedIn => "Le risposte si vedono quando il candidato consegna.", "Answers show once the candidate hands in.";
    // Online tests: the banks of questions.
    OnlineBanks => "Prove online", "Online tests";
    NewBank => "Nuova prova online", "New online test";
    EditBank => "Prova online", "Online test";
    QuestionsHeading => "Domande", "Questions";
    QuestionNumber => "Domanda", "Question";
    QuestionKind => "Tipo", "Kind";
    KindSingle => "Scelta singola", "Single choice";
    KindMultiple => "Scelta multipla", "Multiple choice";
    KindShort => "Risposta breve (corretta dal correttore)", "Short answer (graded by the grader)";
    KindTyping => "Dattilografia", "Typing";
    KindDataEntry => "Inserimento dati", "Data entry";
    PromptIt => "Domanda (italiano)", "Question (Italian)";
    PromptEn => "Domanda (inglese)", "Question (English)";
    OptionIt => "Opzione (italiano)", "Option (Italian)";
    OptionEn => "Opzione (inglese)", "Option (English)";
    RightAnswer => "Giusta", "Right";
    AddOption => "Aggiungi un'opzione", "Add an option";
    TypingText => "Testo da ricopiare", "Text to copy";
    TargetWpm => "Parole al minuto per il punteggio pieno", "Words a minute for full points";
    ColumnsLines => "Colonne: una per riga, «italiano | inglese»", "Columns: one a line, \"Italian | English\"";
    RecordsLines => "Righe da ricopiare: una per riga, valori separati da «|»", "Records to copy: one a line, values separated by \"|\"";
    SaveBank => "Salva la prova", "Save the test";
    BankSaved => "Prova salvata.", "Test saved.";
    TestsSent => "Prove inviate", "Tests sent";
    BankHint => "Ogni domanda misura una competenza; i punti ottenuti diventano un livello da 1 a 5, come nelle prove pratiche. Le opzioni si mescolano per ogni candidato.", "Each question measures one competency; the points earned become a level from 1 to 5, as in the practical tests. Options are shuffled for each candidate.";
    // Online tests: the candidate's page.
    TestLinkUnknown => "Questo link non è valido", "This link is not valid";
    TestLinkExpired => "Il link è scaduto senza essere usato: chiedi all'ufficio del personale di inviartene uno nuovo.", "The link expired before it was used: ask the HR team to send you a new one.";
    TestHandedIn => "Le tue risposte sono state consegnate. Grazie: il link non si può usare di nuovo.", "Your answers have been handed in. Thank you: the link cannot be used again.";
    TestTimeWasUp => "Il tempo era scaduto: le risposte inviate dopo il limite non contano.", "Time was up: answers sent after the limit do not count.";
    TestTimeHint => "Il tempo parte quando premi «Inizia la prova» e lo misura il server: ricaricare la pagina o perdere la connessione non lo ferma e non cancella le risposte salvate. Se usi un lettore di schermo, il tempo è lo stesso indicato qui, senza altre scadenze.", "The time starts when you press \"Start the test\" and the server keeps it: reloading the page or losing the connection neither stops it nor loses the answers saved. If you use a screen reader, the time is the one stated here, with no other deadline.";
    TestLinkUntil => "Il link vale fino al", "The link works until";
    StartTest => "Inizia la prova", "Start the test";
    AnswersSaved => "Risposte salvate.", "Answers saved.";
    SaveAnswers => "Salva le risposte", "Save the answers";
    HandIn => "Consegna", "Hand in";
    HandInHint => "Le risposte si salvano anche da sole mentre scrivi. Dopo la consegna non si possono più cambiare.", "Answers also save themselves as you type. After handing in, they cannot change.";
    TimeLeft => "Tempo rimasto", "Time left";
    TestEndsAt => "termina alle", "ends at";
    GraceHint => "Le risposte salvate oltre il limite non contano, con una tolleranza di", "Answers saved after the limit do not count, with a tolerance of";
    AnswersSavedAuto => "Salvato.", "Saved.";
    AnswersNotSaved => "Non salvato: controlla la connessione; riproveremo alla prossima modifica.", "Not saved: check your connection; it will try again at your next change.";
    TypingHint => "Quando premi «Inizia a scrivere» compare il testo e parte il tempo di questa domanda.", "When you press \"Start typing\", the text appears and this question's time starts.";
    StartTyping => "Inizia a scrivere", "Start typing";
    TypeHere => "Scrivi qui il testo", "Type the text here";
    TypingDone => "Testo consegnato", "Text handed in";
    FinishTyping => "Ho finito di scrivere", "I have finished typing";
    Record => "riga", "record";
    NoCandidatesToCompare => "Nessun candidato in corsa per questa posizione.", "No candidate in the running for this opening.";
    // Practical tests' materials.
    Materials => "Materiale", "Materials";
    MaterialAdded => "Materiale aggiunto.", "Material added.";
    MaterialRemoved => "Materiale rimosso. Le prove già assegnate lo conservano.", "Material removed. Tests already assigned keep it.";
    MaterialsHint => "I file che il candidato riceve per la prova: il valutatore li scarica dalla pagina della prova, il candidato da un link personale che funziona solo mentre la prova è in corso. Le prove già assegnate conservano il materiale che avevano.", "The files the candidate gets for the test: the grader downloads them from the test's page, the candidate from a private link that works only while the test runs. Tests already assigned keep the materials they were given.";
    NoMaterials => "Nessun materiale per questa prova.", "No materials for this test.";
    MaterialsFull => "Questa prova ha già il numero massimo di file:", "This test already has the most files it can have:";
    File => "File", "File";
    Size => "Dimensione", "Size";
    EveryLanguage => "Tutte le lingue", "Every language";
    MaterialTypesHint => "PDF, Word (DOCX), Excel (XLSX), immagini PNG o JPEG, testo o CSV; al massimo", "PDF, Word (DOCX), Excel (XLSX), PNG or JPEG pictures, text or CSV; at most";
    AddMaterial => "Aggiungi il file", "Add the file";
    MaterialLanguageHint => "Un file in una lingua va solo ai candidati che la parlano.", "A file in one language goes only to the candidates who speak it.";
    StartPracticalTest => "Avvia la prova", "Start the test";
    StartPracticalHint => "Avviando la prova si registra l'ora di inizio; se c'è materiale per il candidato, gli arriva per email un link personale per scaricarlo, valido fino allo scadere del tempo.", "Starting the test records the time; if there are materials for the candidate, they get a private link by email to download them, which works until the time is up.";
    TestStartedAt => "Iniziata", "Started";
    TestStartedLinkSent => "Prova avviata: il candidato riceve per email il link al materiale.", "Test started: the candidate gets the link to the materials by email.";
    TestStartedNoLink => "Prova avviata. Nessun link inviato: non c'è materiale per il candidato o manca il suo indirizzo email.", "Test started. No link was sent: there are no materials for the candidate, or no email address.";
    NotStartedYet => "Non ancora avviata", "Not started yet";
    MaterialsLinkOver => "La prova è terminata: il materiale non è più disponibile.", "The test is over: its materials are no longer available.";
    // Training: the course catalogue.
    NavCourses => "Corsi", "Courses";
    CourseCatalogue => "Catalogo dei corsi", "Course catalogue";
    CourseCatalogueHint => "Ogni corso sviluppa alcune competenze fino al livello indicato tra parentesi; quelli obbligatori per un profilo vanno seguiti da chi lo ricopre, e quelli con una validità vanno ripetuti alla scadenza.", "Each course develops some competencies up to the level shown in brackets; those mandatory for a profile are taken by everyone in it, and those with a validity are taken again when it runs out.";
    Course => "Corso", "Course";
    CourseKindLabel => "Tipo", "Type";
    CourseInternal => "Corso interno", "Internal course";
    CourseExternal => "Corso esterno", "External course";
    CourseSeminar => "Seminario", "Seminar";
    CourseElearning => "E-learning", "E-learning";
    Hours => "Ore", "Hours";
    Develops => "Competenze sviluppate (livello)", "Competencies developed (level)";
    MandatoryFor => "Obbligatorio per", "Mandatory for";
    Validity => "Validità", "Validity";
    MonthsShort => "mesi", "months";
    NextSession => "Prossima edizione", "Next session";
    Provider => "Ente erogatore", "Provider";
    Sessions => "Edizioni in programma", "Sessions to come";
    NoSessions => "Nessuna edizione in programma.", "No session planned.";
    Trainer => "Docente", "Trainer";
    Capacity => "Posti", "Places";
    AddSession => "Aggiungi un'edizione", "Add a session";
    SessionStarts => "Inizio", "Starts";
    SessionEnds => "Fine", "Ends";
    SessionTimesHint => "Orari nel tuo fuso orario, come li vedono tutti gli altri nel proprio.", "Times in your own time zone; everyone else sees them in theirs.";
    SessionAdded => "Edizione aggiunta.", "Session added.";
    SessionRemoved => "Edizione tolta dal programma.", "Session removed.";
    // Employees: the list, a record, the hire and the welcome link.
    NavEmployees => "Dipendenti", "Employees";
    NavMyRecord => "La mia scheda", "My record";
    EmployeesTitle => "Dipendenti", "Employees";
    NoEmployees => "Nessun dipendente corrisponde alla ricerca.", "No employee matches the search.";
    All => "Tutti", "All";
    Department => "Reparto", "Department";
    Manager => "Responsabile", "Manager";
    StartDate => "Data di inizio", "Start date";
    EmployeeActive => "In servizio", "Active";
    EmployeeOnLeave => "In congedo", "On leave";
    EmployeeLeft => "Cessato", "Left";
    EmployeeRecord => "Scheda del dipendente", "Employee record";
    CandidateRecord => "Candidatura da cui è stato assunto", "The candidate record they were hired from";
    EditRecord => "Modifica la scheda", "Edit the record";
    EmployeeFormHint => "Il responsabile legge la formazione di chi gli riporta; non può essere la persona stessa né qualcuno che riporta a lei.", "A manager reads the training records of those who report to them; it cannot be the person themselves or someone who reports to them.";
    EmployeeSaved => "Scheda salvata.", "Record saved.";
    EmployeeHired => "Assunzione registrata: il nuovo dipendente riceve per email il link per scegliere la password.", "Hire recorded: the new employee gets the link to choose a password by email.";
    Competencies => "Competenze", "Competencies";
    Gap => "Divario", "Gap";
    LevelSource => "Da dove viene", "Shown by";
    LevelFromAssessment => "Valutazione in selezione", "Assessment when hired";
    LevelFromCourse => "Corso completato", "Completed course";
    LevelFromCertification => "Certificazione verificata", "Verified certification";
    LevelNotShown => "Non ancora dimostrata", "Not shown yet";
    NoCompetencyLevels => "Nessuna competenza richiesta o dimostrata finora.", "No competency required or shown so far.";
    Team => "Chi gli riporta", "Team";
    NoTimeline => "Ancora nulla da mostrare.", "Nothing to show yet.";
    TimelineApplied => "Candidatura", "Applied";
    TimelineMoved => "Passata a", "Moved to";
    TimelineInterview => "Colloquio", "Interview";
    TimelinePracticalTest => "Prova pratica", "Practical test";
    TimelineOnlineTest => "Test online", "Online test";
    TimelineHired => "Assunzione", "Hired";
    TimelineStarted => "Primo giorno", "First day";
    TimelineCourse => "Corso completato", "Course completed";
    InvitationPending => "Non ha ancora scelto la password; il link vale fino al", "No password chosen yet; the link works until";
    InvitationExpired => "Non ha ancora scelto la password e il link è scaduto.", "No password chosen yet, and the link has expired.";
    SendInvitationAgain => "Invia un nuovo link", "Send a new link";
    InvitationSent => "Nuovo link inviato per email; quello precedente non vale più.", "A new link was sent by email; the previous one no longer works.";
    Hire => "Assumi", "Hire";
    HireTitle => "Assunzione", "Hire";
    HireHint => "Il profilo professionale è quello della posizione. Le altre candidature ancora aperte della persona si chiudono con il motivo, i livelli valutati in selezione diventano le sue prime competenze e, se non ha ancora un account, riceve per email il link per scegliere la password (valido 7 giorni).", "The job profile is the opening's. The person's other open applications are closed with the reason, the levels assessed in recruitment become their first competencies, and, if they have no account yet, they get a link by email to choose a password (valid for 7 days).";
    HireLinksEmployee => "L'indirizzo della candidatura è di una persona già in organico:", "The application's address belongs to someone on the staff:";
    HireLinkTo => "È la stessa persona: aggiorna la sua scheda invece di crearne un'altra", "It is the same person: update their record instead of making another";
    HireClosed => "La candidatura è chiusa (assunta, respinta o ritirata): non si può assumere da qui.", "The application is closed (hired, rejected or withdrawn): no hire from it.";
    WelcomeTitle => "Benvenuto in Percorso", "Welcome to Percorso";
    WelcomeLead => "Scegli la password con cui entrerai: poi vedrai i tuoi corsi e le competenze del tuo ruolo.", "Choose the password you will sign in with: then you will see your courses and the competencies of your role.";
    WelcomeOver => "Il link è già stato usato o è scaduto. Chiedi alle Risorse umane di inviartene un altro.", "This link has been used or has expired. Ask HR to send you another.";
    SetPassword => "Scegli la password", "Set the password";
    // Training: places, outcomes, logged training, "My training".
    NavMyTraining => "La mia formazione", "My training";
    NavDecisions => "Richieste di formazione", "Training requests";
    MyTraining => "La mia formazione", "My training";
    Training => "Formazione", "Training";
    HoursThisYear => "Ore di formazione nel", "Training hours in";
    HoursTarget => "ore previste dal profilo", "hours the profile expects";
    Induction => "Inserimento", "Induction";
    InductionHint => "I corsi obbligatori per il tuo profilo, assegnati all'assunzione.", "The courses your profile makes mandatory, given to you when you were hired.";
    MyCompetencies => "Le mie competenze rispetto al profilo", "My competencies against my profile";
    ChartLegend => "La barra è il livello dimostrato (0–5); la linea verticale è il livello che il profilo richiede.", "The bar is the level shown (0–5); the vertical line is the level the profile requires.";
    Recommended => "Corsi consigliati", "Recommended courses";
    NoRecommendations => "Nessun divario da colmare con i corsi del catalogo.", "No gap that a catalogue course closes.";
    Closes => "Porta al livello richiesto", "Brings to the required level";
    AlreadyAsked => "Hai già un posto o una richiesta", "You already hold or asked for a place";
    Session => "Edizione", "Session";
    NoSessionYet => "Nessuna edizione: da programmare", "No session: to be planned";
    RequestPlace => "Chiedi un posto", "Request a place";
    CurrentCourses => "In corso e in arrivo", "Current and coming up";
    PlannedCourses => "Da programmare", "Planned";
    DoneCourses => "Conclusi", "Done";
    NothingHere => "Nessuno.", "None.";
    LogTraining => "Registra una formazione esterna", "Log training done elsewhere";
    LogTrainingHint => "Un corso esterno, un seminario o un e-learning con il suo attestato: conta dopo l'approvazione delle Risorse umane.", "An external course, a seminar or e-learning with its certificate: it counts once HR approve it.";
    TrainingTitle => "Titolo", "Title";
    CompletedOn => "Concluso il", "Completed on";
    CatalogueCourse => "Corrisponde a un corso del catalogo", "Matches a catalogue course";
    NotInCatalogue => "No, non è nel catalogo", "No, it is not in the catalogue";
    Certificate => "Attestato", "Certificate";
    CertificateHint => "PDF, PNG o JPEG, al massimo", "PDF, PNG or JPEG, at most";
    PlaceRequested => "Richiesta inviata: il tuo responsabile o le Risorse umane decidono.", "Request sent: your manager or HR decide.";
    TrainingLogged => "Formazione registrata: conta dopo l'approvazione delle Risorse umane.", "Training logged: it counts once HR approve it.";
    RecordRequested => "Richiesto", "Requested";
    RecordWaiting => "In lista d'attesa", "On the waiting list";
    RecordPlanned => "Da programmare", "Planned";
    RecordEnrolled => "Iscritto", "Enrolled";
    RecordInProgress => "In corso", "In progress";
    RecordCompleted => "Completato", "Completed";
    RecordFailed => "Non superato", "Failed";
    RecordCancelled => "Annullato", "Cancelled";
    ReviewPending => "da approvare", "to be approved";
    ReviewApproved => "approvato", "approved";
    ReviewRejected => "respinto", "rejected";
    Employee => "Dipendente", "Employee";
    ReasonIfRejected => "Motivo (se respingi)", "Reason (if rejecting)";
    Approve => "Approva", "Approve";
    Reject => "Respingi", "Reject";
    Score => "Punteggio (0–100)", "Score (0–100)";
    TrainingDecisions => "Richieste di formazione", "Training requests";
    LoggedToReview => "Formazione esterna da approvare", "Training logged, to approve";
    PlacesRequested => "Posti richiesti", "Places requested";
    DecisionSaved => "Decisione registrata.", "Decision recorded.";
    GivePlace => "Assegna un corso", "Give a place on a course";
    GivePlaceHint => "Su un'edizione con posti liberi è un'iscrizione; se è piena, va in lista d'attesa; senza edizione resta da programmare.", "On a session with room it is an enrolment; on a full one, the waiting list; without a session, it stays planned.";
    CourseAndSession => "Corso ed edizione", "Course and session";
    PlaceGiven => "Iscrizione fatta.", "Enrolled.";
    PlaceWaiting => "L'edizione è piena: in lista d'attesa.", "The session is full: on the waiting list.";
    PlacePlanned => "Corso assegnato, da programmare.", "Course given, to be planned.";
    OutcomeRecorded => "Esito registrato.", "Outcome recorded.";
    NavHours => "Ore di formazione", "Training hours";
    NavCertifications => "Certificazioni", "Certifications";
    NavCompliance => "Conformità", "Compliance";
    Notifications => "Notifiche", "Notifications";
    UnreadCount => "da leggere", "unread";
    HoursLedger => "Registro delle ore di formazione", "Training hours ledger";
    ByMonth => "Per mese", "By month";
    ByQuarter => "Per trimestre", "By quarter";
    ByYear => "Per anno", "By year";
    ByEmployee => "Per dipendente", "By employee";
    ByDepartment => "Per reparto", "By department";
    Year => "Anno", "Year";
    Period => "Periodo", "Period";
    Rows => "Righe", "Rows";
    TotalHours => "Totale ore", "Total hours";
    TargetHours => "Obiettivo annuale (ore)", "Yearly target (hours)";
    NoDepartment => "Senza reparto", "No department";
    HoursTargets => "Obiettivi annuali per profilo", "Yearly targets by profile";
    HoursTargetsHint => "Le ore di formazione che ci si aspetta ogni anno da chi ricopre il profilo: valgono per la barra di avanzamento di ciascuno e per questo registro.", "The training hours expected each year from everyone in the profile: they set each person's progress bar and this ledger's targets.";
    TargetSaved => "Obiettivo salvato.", "Target saved.";
    }
}

impl Role {
    pub fn label(self) -> Text {
        match self {
            Role::Admin => Text::RoleAdmin,
            Role::Hr => Text::RoleHr,
            Role::Interviewer => Text::RoleInterviewer,
            Role::Employee => Text::RoleEmployee,
        }
    }
}

impl crate::model::EmployeeStatus {
    pub fn label(self) -> Text {
        use crate::model::EmployeeStatus::*;
        match self {
            Active => Text::EmployeeActive,
            OnLeave => Text::EmployeeOnLeave,
            Left => Text::EmployeeLeft,
        }
    }
}

impl crate::model::OpeningStatus {
    pub fn label(self) -> Text {
        use crate::model::OpeningStatus::*;
        match self {
            Draft => Text::OpeningStatusDraft,
            Open => Text::OpeningStatusOpen,
            OnHold => Text::OpeningStatusOnHold,
            Closed => Text::OpeningStatusClosed,
        }
    }
}

impl crate::model::Stage {
    pub fn label(self) -> Text {
        use crate::model::Stage::*;
        match self {
            Applied => Text::StageApplied,
            Screening => Text::StageScreening,
            Interview => Text::StageInterview,
            PracticalTest => Text::StagePracticalTest,
            Offer => Text::StageOffer,
            Hired => Text::StageHired,
            Rejected => Text::StageRejected,
            Withdrawn => Text::StageWithdrawn,
        }
    }
}

impl crate::model::InterviewKind {
    pub fn label(self) -> Text {
        use crate::model::InterviewKind::*;
        match self {
            PhoneScreen => Text::KindPhoneScreen,
            HrInterview => Text::KindHrInterview,
            TechnicalInterview => Text::KindTechnicalInterview,
        }
    }
}

impl crate::model::ScoringState {
    pub fn label(self) -> Text {
        use crate::model::ScoringState::*;
        match self {
            ToScore => Text::StateToScore,
            Draft => Text::StateDraft,
            Submitted => Text::StateSubmitted,
            Overdue => Text::StateOverdue,
            Cancelled => Text::StateCancelled,
        }
    }
}

impl crate::model::Recommendation {
    pub fn label(self) -> Text {
        use crate::model::Recommendation::*;
        match self {
            StrongNo => Text::RecStrongNo,
            No => Text::RecNo,
            Yes => Text::RecYes,
            StrongYes => Text::RecStrongYes,
        }
    }
}

impl Area {
    pub fn label(self) -> Text {
        match self {
            Area::FrontOffice => Text::AreaFrontOffice,
            Area::BackOffice => Text::AreaBackOffice,
            Area::Transversal => Text::AreaTransversal,
        }
    }
}

impl Sector {
    pub fn label(self) -> Text {
        match self {
            Sector::Hospitality => Text::SectorHospitality,
            Sector::Banking => Text::SectorBanking,
            Sector::Healthcare => Text::SectorHealthcare,
            Sector::Services => Text::SectorServices,
            Sector::Telecommunications => Text::SectorTelecommunications,
            Sector::PublicSector => Text::SectorPublicSector,
            Sector::Education => Text::SectorEducation,
            Sector::NonProfit => Text::SectorNonProfit,
            Sector::ProfessionalFirm => Text::SectorProfessionalFirm,
        }
    }
}

/// The message for a field error, in `lang`. Unknown codes get a generic message.
pub fn field_error_message(lang: Lang, error: &FieldError) -> String {
    let n = error.param.unwrap_or_default();
    let it_en = |it: String, en: String| if lang == Lang::It { it } else { en };
    match error.code.as_str() {
        "required" => it_en(
            "Campo obbligatorio.".into(),
            "This field is required.".into(),
        ),
        "too_long" => it_en(
            format!("Troppo lungo: al massimo {n} caratteri."),
            format!("Too long: at most {n} characters."),
        ),
        "email" => it_en(
            "Inserisci un indirizzo email valido, come nome@esempio.it.".into(),
            "Enter a valid email address, such as name@example.com.".into(),
        ),
        "password_too_short" => it_en(
            format!("La password deve avere almeno {n} caratteri."),
            format!("The password must have at least {n} characters."),
        ),
        "password_too_long" => it_en(
            format!("La password può avere al massimo {n} caratteri."),
            format!("The password can have at most {n} characters."),
        ),
        "password_common" => it_en(
            "Questa password è tra le più usate: scegline una meno prevedibile.".into(),
            "This is one of the most common passwords: choose a less predictable one.".into(),
        ),
        "password_mismatch" => it_en(
            "Le due password non coincidono.".into(),
            "The two passwords do not match.".into(),
        ),
        "wrong_password" => it_en(
            "La password attuale non è corretta.".into(),
            "The current password is not correct.".into(),
        ),
        "wrong_credentials" => it_en(
            "Email o password non corretti.".into(),
            "Wrong email or password.".into(),
        ),
        "wrong_code" => it_en(
            "Codice non valido: usa quello che l'app mostra ora (ogni codice vale una volta sola) o un codice di recupero non ancora usato.".into(),
            "That code does not work: type the one your app shows now (each code works once) or a recovery code not used yet.".into(),
        ),
        "sign_in_over" => it_en(
            "L'accesso è scaduto: inserisci di nuovo email e password.".into(),
            "This sign-in has expired: enter your email and password again.".into(),
        ),
        "two_factor_required" => it_en(
            "Il tuo ruolo richiede la verifica in due passaggi: non si può disattivare.".into(),
            "Your role requires two-step sign-in: it cannot be turned off.".into(),
        ),
        "taken" => it_en(
            "Questo valore è già in uso.".into(),
            "This value is already in use.".into(),
        ),
        "email_taken" => it_en(
            "Esiste già un utente con questa email.".into(),
            "A user with this email already exists.".into(),
        ),
        "name_taken" => it_en(
            "Esiste già una competenza con questo nome.".into(),
            "A competency with this name already exists.".into(),
        ),
        "title_taken" => it_en(
            "Esiste già un profilo con questo titolo.".into(),
            "A profile with this title already exists.".into(),
        ),
        "level_range" => it_en(
            "Il livello va da 1 a 5.".into(),
            "The level goes from 1 to 5.".into(),
        ),
        "weight_range" => it_en(
            "Il peso va da 1 a 5.".into(),
            "The weight goes from 1 to 5.".into(),
        ),
        "duplicate" => it_en(
            "Questa competenza è già nell'elenco.".into(),
            "This competency is already in the list.".into(),
        ),
        "retired" => it_en(
            "Questa competenza è ritirata e non si può aggiungere.".into(),
            "This competency is retired and cannot be added.".into(),
        ),
        "unknown" => it_en("Scelta non valida.".into(), "Not a valid choice.".into()),
        "reason_required" => it_en("Indica il motivo.".into(), "Give the reason.".into()),
        "phone" => it_en(
            "Inserisci un numero di telefono valido, come +39 041 555 1234.".into(),
            "Enter a valid phone number, such as +39 041 555 1234.".into(),
        ),
        "file_required" => it_en(
            "Allega il tuo curriculum (PDF o DOCX).".into(),
            "Attach your CV (PDF or DOCX).".into(),
        ),
        "file_type" => it_en(
            "Il file deve essere un PDF o un documento Word (DOCX).".into(),
            "The file must be a PDF or a Word document (DOCX).".into(),
        ),
        "file_too_large" => it_en(
            format!("Il file supera il limite di {n} MB."),
            format!("The file is larger than the {n} MB limit."),
        ),
        "file_empty" => it_en("Il file è vuoto.".into(), "The file is empty.".into()),
        "file_name" => it_en(
            "Il nome del file non può contenere «../»: rinominalo e riprova.".into(),
            "The file name cannot contain \"../\": rename it and try again.".into(),
        ),
        "positions_range" => it_en(
            "I posti vanno da 1 a 500.".into(),
            "Positions go from 1 to 500.".into(),
        ),
        "self" => it_en(
            "Non puoi farlo sul tuo stesso account.".into(),
            "You cannot do this to your own account.".into(),
        ),
        "merge_same" => it_en(
            "Non si può unire un candidato con sé stesso.".into(),
            "A candidate cannot be merged with themselves.".into(),
        ),
        "confirm_name" => it_en(
            "Scrivi il nome del candidato esattamente come appare, per confermare.".into(),
            "Type the candidate's name exactly as shown, to confirm.".into(),
        ),
        "too_many_tags" => it_en(
            format!("Al massimo {n} etichette."),
            format!("At most {n} tags."),
        ),
        "tag_chars" => it_en(
            "Le etichette contengono solo lettere, cifre, spazi e trattini.".into(),
            "Tags hold only letters, digits, spaces and dashes.".into(),
        ),
        "months_range" => it_en("Da 1 a 120 mesi.".into(), "From 1 to 120 months.".into()),
        "unknown_opening" => it_en(
            "Nessuna posizione con questo numero.".into(),
            "No opening has this number.".into(),
        ),
        "csv_header" => it_en(
            "La prima riga deve nominare le colonne, tra cui «name».".into(),
            "The first row must name the columns, including \"name\".".into(),
        ),
        "csv_empty" => it_en(
            "Il file non contiene righe di candidati.".into(),
            "The file holds no candidate rows.".into(),
        ),
        "csv_encoding" => it_en(
            "Il file deve essere un CSV in UTF-8.".into(),
            "The file must be a UTF-8 CSV.".into(),
        ),
        "csv_row" => it_en(
            "Questa riga non si legge come CSV.".into(),
            "This row cannot be read as CSV.".into(),
        ),
        "page_out_of_range" => it_en(
            "Questa pagina dell'elenco non esiste.".into(),
            "This page of the list does not exist.".into(),
        ),
        "page_size" => it_en(
            "Le pagine vanno da 1 a 1000 righe.".into(),
            "A page holds 1 to 1000 rows.".into(),
        ),
        "too_many_rows" => it_en(
            format!("Al massimo {n} righe per importazione."),
            format!("At most {n} rows per import."),
        ),
        "date_time" => it_en(
            "Indica data e ora, come 03/12/2026 10:00.".into(),
            "Give a date and time, such as 03/12/2026 10:00.".into(),
        ),
        "time_zone" => it_en(
            "Scegli un fuso orario dell'elenco.".into(),
            "Choose a time zone from the list.".into(),
        ),
        "no_such_time" => it_en(
            "Quest'ora non esiste in quel giorno: gli orologi vanno avanti di un'ora.".into(),
            "This time does not exist that day: the clocks go forward an hour.".into(),
        ),
        "ends_before_start" => it_en(
            "La fine deve venire dopo l'inizio.".into(),
            "The end must come after the start.".into(),
        ),
        "interview_too_long" => it_en(
            format!("Un colloquio dura al massimo {n} ore."),
            format!("An interview lasts at most {n} hours."),
        ),
        "https_link" => it_en(
            "Il collegamento deve iniziare con https://.".into(),
            "The link must start with https://.".into(),
        ),
        "no_interviewers" => it_en(
            "Scegli almeno un selezionatore.".into(),
            "Choose at least one interviewer.".into(),
        ),
        "interviewer_unknown" => it_en(
            "Uno dei selezionatori scelti non esiste più.".into(),
            "One of the interviewers chosen no longer exists.".into(),
        ),
        "interviewer_inactive" => it_en(
            "Uno dei selezionatori scelti è disattivato: toglilo o riattivalo.".into(),
            "One of the interviewers chosen is deactivated: remove them or reactivate them.".into(),
        ),
        "not_an_interviewer" => it_en(
            "Solo selezionatori, Risorse umane e amministratori possono condurre un colloquio."
                .into(),
            "Only interviewers, HR and admins can conduct an interview.".into(),
        ),
        "application_closed" => it_en(
            "La candidatura è respinta o ritirata: non si possono programmare colloqui.".into(),
            "The application is rejected or withdrawn: no interview can be scheduled.".into(),
        ),
        "interview_not_started" => it_en(
            "Il colloquio non è ancora iniziato: la scheda si invia dopo.".into(),
            "The interview has not started yet: the scorecard is submitted afterwards.".into(),
        ),
        "interview_changed" => it_en(
            "Qualcun altro ha appena cambiato questo colloquio: ricarica la pagina.".into(),
            "Someone else has just changed this interview: reload the page.".into(),
        ),
        "interview_cancelled" => it_en(
            "Il colloquio è annullato.".into(),
            "The interview is cancelled.".into(),
        ),
        "rating_range" => it_en(
            "La valutazione va da 1 a 5.".into(),
            "A rating is from 1 to 5.".into(),
        ),
        "not_in_profile" => it_en(
            "Questa competenza non è richiesta dal profilo.".into(),
            "The profile does not require this competency.".into(),
        ),
        "scorecard_submitted" => it_en(
            "La scheda è già inviata: per cambiarla, usa la modifica con motivazione.".into(),
            "The scorecard is already submitted: to change it, amend it with a reason.".into(),
        ),
        "scorecard_not_submitted" => it_en(
            "Si modifica con motivazione solo una scheda già inviata.".into(),
            "Only a submitted scorecard can be amended.".into(),
        ),
        "test_not_started" => it_en(
            "La prova non è ancora iniziata.".into(),
            "The test has not started yet.".into(),
        ),
        "test_submitted" => it_en(
            "La prova è già consegnata.".into(),
            "The test is already handed in.".into(),
        ),
        "test_not_submitted" => it_en(
            "Il candidato non ha ancora consegnato la prova.".into(),
            "The candidate has not handed the test in yet.".into(),
        ),
        "link_expired" => it_en(
            "Il link è scaduto.".into(),
            "The link has expired.".into(),
        ),
        "typing_not_started" => it_en(
            "Premi prima «Inizia a scrivere».".into(),
            "Press \"Start typing\" first.".into(),
        ),
        "no_email" => it_en(
            "Il candidato non ha un indirizzo email: aggiungilo prima di inviare la prova.".into(),
            "The candidate has no email address: add one before sending the test.".into(),
        ),
        "days_range" => it_en(
            "Da 1 a 30 giorni.".into(),
            "From 1 to 30 days.".into(),
        ),
        "no_questions" => it_en(
            "Aggiungi almeno una domanda.".into(),
            "Add at least one question.".into(),
        ),
        "no_correct_option" => it_en(
            "Segna almeno un'opzione giusta.".into(),
            "Mark at least one option as right.".into(),
        ),
        "one_correct_option" => it_en(
            "In una scelta singola, una sola opzione è giusta.".into(),
            "In a single choice, exactly one option is right.".into(),
        ),
        "too_few_options" => it_en(
            "Servono almeno due opzioni.".into(),
            "At least two options are needed.".into(),
        ),
        "option_blank" => it_en(
            "Ogni opzione ha un testo in italiano e in inglese.".into(),
            "Each option needs a text in Italian and in English.".into(),
        ),
        "too_many_options" => it_en(
            "Al massimo dieci opzioni di 500 caratteri.".into(),
            "At most ten options of 500 characters.".into(),
        ),
        "no_typing_text" => it_en(
            "Scrivi il testo da ricopiare e la velocità per il punteggio pieno.".into(),
            "Write the text to copy and the speed for full points.".into(),
        ),
        "no_records" => it_en(
            "Servono colonne con un nome in italiano e in inglese e righe con un valore per colonna, di al massimo 200 caratteri e senza «|».".into(),
            "Columns need an Italian and an English name, and each record one value per column, of at most 200 characters and without \"|\".".into(),
        ),
        "typing_too_long" => it_en(
            "Il testo da ricopiare ha al massimo 4000 caratteri.".into(),
            "The text to copy has at most 4000 characters.".into(),
        ),
        "table_too_large" => it_en(
            "Al massimo otto colonne e venti righe.".into(),
            "At most eight columns and twenty records.".into(),
        ),
        "number" => it_en(
            "Inserisci un numero intero.".into(),
            "Enter a whole number.".into(),
        ),
        "no_criteria" => it_en(
            "Aggiungi almeno un criterio alla griglia.".into(),
            "Add at least one criterion to the rubric.".into(),
        ),
        "no_profiles" => it_en(
            "Scegli almeno un profilo professionale.".into(),
            "Choose at least one job profile.".into(),
        ),
        "above_total" => it_en(
            format!("Non può superare il totale dei punti della griglia ({n})."),
            format!("It cannot be above the rubric's total ({n} points)."),
        ),
        "points_range" => it_en(
            "Da 1 a 100 punti.".into(),
            "From 1 to 100 points.".into(),
        ),
        "points_above_max" => it_en(
            format!("Da 0 a {n} punti."),
            format!("From 0 to {n} points."),
        ),
        "minutes_range" => it_en(
            "Da 1 a 480 minuti.".into(),
            "From 1 to 480 minutes.".into(),
        ),
        "capacity_range" => it_en(
            format!("Da 1 a {} posti.", crate::model::MOST_PLACES),
            format!("From 1 to {} places.", crate::model::MOST_PLACES),
        ),
        "material_type" => it_en(
            "Il file deve essere un PDF, un documento Word (DOCX) o Excel (XLSX) senza macro, un'immagine PNG o JPEG, o testo in UTF-8.".into(),
            "The file must be a PDF, a Word (DOCX) or Excel (XLSX) document without macros, a PNG or JPEG picture, or UTF-8 text.".into(),
        ),
        "material_required" => it_en(
            "Scegli il file da aggiungere.".into(),
            "Choose the file to add.".into(),
        ),
        "test_closed" => it_en(
            "La prova è già corretta: non si può avviare.".into(),
            "The test is already graded: it cannot start.".into(),
        ),
        "too_many_materials" => it_en(
            format!("Al massimo {n} file per prova: rimuovine uno prima di aggiungerne un altro."),
            format!("At most {n} files a test: remove one before adding another."),
        ),
        "test_started" => it_en(
            "La prova è già stata avviata.".into(),
            "The test has already been started.".into(),
        ),
        "test_graded" => it_en(
            "La prova è già corretta: la correzione non si cambia.".into(),
            "The test is already graded: the grading cannot change.".into(),
        ),
        "date" => it_en(
            "Inserisci una data valida.".into(),
            "Enter a valid date.".into(),
        ),
        "past_date" => it_en(
            "La data è già passata.".into(),
            "The date is in the past.".into(),
        ),
        "application_finished" => it_en(
            "La candidatura è chiusa (respinta, ritirata o assunta): non si possono assegnare prove.".into(),
            "The application is closed (rejected, withdrawn or hired): no test can be given.".into(),
        ),
        "not_offered" => it_en(
            "Questo modello non è proposto per il profilo della posizione.".into(),
            "This template is not offered for the opening's job profile.".into(),
        ),
        "not_staff" => it_en(
            "Scegli un membro attivo dello staff che può valutare.".into(),
            "Choose an active staff member who can assess.".into(),
        ),
        "not_found" => it_en(
            "Non esiste più: ricarica la pagina.".into(),
            "It no longer exists: reload the page.".into(),
        ),
        "too_many" => it_en(
            format!("Al massimo {n} elementi."),
            format!("At most {n} items."),
        ),
        "hire_on_form" => it_en(
            "Per assumere usa il modulo di assunzione: chiede reparto, responsabile e data di inizio.".into(),
            "Hire with the hire form: it asks for the department, the manager and the start date.".into(),
        ),
        "hire_closed" => it_en(
            "La candidatura è già chiusa (assunta, respinta o ritirata): non si può assumere da qui.".into(),
            "The application is already closed (hired, rejected or withdrawn): no hire from it.".into(),
        ),
        "stage_changed" => it_en(
            "Nel frattempo qualcuno ha spostato la candidatura: ricarica la pagina.".into(),
            "Someone moved the application meanwhile: reload the page.".into(),
        ),
        "manager_circle" => it_en(
            "Non può essere il responsabile: è la persona stessa o qualcuno che riporta a lei.".into(),
            "They cannot be the manager: it is the person themselves or someone who reports to them.".into(),
        ),
        "email_on_staff" => it_en(
            "Questo indirizzo è di una persona già in organico: se è lei, conferma qui sotto che la sua scheda va aggiornata; altrimenti usa un altro indirizzo.".into(),
            "This address belongs to someone on the staff: if it is them, confirm below that their record is to be updated; otherwise use another address.".into(),
        ),
        "account_inactive" => it_en(
            "L'account con questo indirizzo è disattivato: chiedi a un amministratore di riattivarlo prima dell'assunzione.".into(),
            "The account with this address is deactivated: ask an admin to reactivate it before the hire.".into(),
        ),
        "manager_left" => it_en(
            "Questa persona ha lasciato l'organizzazione: non può essere il responsabile.".into(),
            "This person has left: they cannot be the manager.".into(),
        ),
        "own_record" => it_en(
            "Non puoi decidere sulla tua formazione: lo fa un collega delle Risorse umane o il tuo responsabile.".into(),
            "You cannot decide on your own training: an HR colleague or your manager does.".into(),
        ),
        "record_changed" => it_en(
            "Nel frattempo qualcuno ha cambiato questo corso: ricarica la pagina.".into(),
            "Someone changed this course meanwhile: reload the page.".into(),
        ),
        "target_range" => it_en(
            format!("Da 0 a {n} ore."),
            format!("From 0 to {n} hours."),
        ),
        "hours_range" => it_en(
            format!("Da 1 a {n} ore."),
            format!("From 1 to {n} hours."),
        ),
        "future_date" => it_en(
            "La data non può essere nel futuro.".into(),
            "The date cannot be in the future.".into(),
        ),
        "score_range" => it_en(
            "Un punteggio da 0 a 100.".into(),
            "A score from 0 to 100.".into(),
        ),
        "already_enrolled" => it_en(
            "Ha già un posto (o una richiesta) su questo corso.".into(),
            "There is already a place (or a request) on this course.".into(),
        ),
        "session_started" => it_en(
            "L'edizione è già iniziata: scegline un'altra.".into(),
            "The session has already started: choose another.".into(),
        ),
        "not_requested" => it_en(
            "La richiesta è già stata decisa.".into(),
            "The request has already been decided.".into(),
        ),
        "not_pending" => it_en(
            "Questa formazione è già stata esaminata.".into(),
            "This training has already been reviewed.".into(),
        ),
        "record_closed" => it_en(
            "Il corso ha già un esito: non si cambia.".into(),
            "The course already has an outcome: it does not change.".into(),
        ),
        "still_waiting" => it_en(
            "È ancora in lista d'attesa: si può solo annullare.".into(),
            "They are still on the waiting list: it can only be cancelled.".into(),
        ),
        "certificate_type" => it_en(
            "L'attestato deve essere un PDF o un'immagine PNG o JPEG.".into(),
            "The certificate must be a PDF or a PNG or JPEG picture.".into(),
        ),
        "session_has_people" => it_en(
            "Qualcuno ha un posto su questa edizione: annulla prima le iscrizioni.".into(),
            "Someone holds a place on this session: cancel the places first.".into(),
        ),
        "welcome_over" => it_en(
            "Il link è già stato usato o è scaduto: chiedi alle Risorse umane di inviarne un altro.".into(),
            "The link has been used or has expired: ask HR to send another.".into(),
        ),
        "reset_over" => it_en(
            "Il link non vale più: è già stato usato o è scaduto. Chiedine uno nuovo.".into(),
            "The link no longer works: it has been used or has expired. Ask for a new one.".into(),
        ),
        "invitation_accepted" => it_en(
            "La password è già stata scelta: non serve un altro invito.".into(),
            "The password has already been chosen: no new invitation is needed.".into(),
        ),
        "course_taken" => it_en(
            "Esiste già un corso con questo titolo.".into(),
            "A course with this title already exists.".into(),
        ),
        "certification_taken" => it_en(
            "Esiste già una certificazione con questo nome.".into(),
            "A certification with this name already exists.".into(),
        ),
        "validity_range" => it_en(
            format!("Da 1 a {n} mesi, o vuoto se non scade."),
            format!("From 1 to {n} months, or blank if it does not expire."),
        ),
        "expiry_before_issue" => it_en(
            "La scadenza non può precedere il rilascio.".into(),
            "The expiry cannot come before the issue.".into(),
        ),
        "credential_taken" => it_en(
            "Questo numero è già registrato per questa certificazione.".into(),
            "This credential id is already recorded for this certification.".into(),
        ),
        "certificate_decided" => it_en(
            "Questo certificato è già stato verificato o respinto.".into(),
            "This certificate has already been verified or rejected.".into(),
        ),
        "own_certificate" => it_en(
            "Non puoi verificare un tuo certificato: lo fa un collega delle Risorse umane.".into(),
            "You cannot verify your own certificate: an HR colleague does.".into(),
        ),
        _ => it_en("Valore non valido.".into(), "Invalid value.".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_of_a_thing_is_singular_and_any_other_number_plural_in_both_languages() {
        assert_eq!(count(Lang::En, 1u32, Counted::Position), "1 position");
        assert_eq!(count(Lang::En, 3u32, Counted::Position), "3 positions");
        assert_eq!(count(Lang::En, 0u32, Counted::Result), "0 results");
        assert_eq!(count(Lang::It, 1u32, Counted::Position), "1 posto");
        assert_eq!(count(Lang::It, 2u32, Counted::Position), "2 posti");
        assert_eq!(count(Lang::It, 1u32, Counted::Application), "1 candidatura");
        assert_eq!(count(Lang::It, 5u32, Counted::Profile), "5 profili");
        assert_eq!(count(Lang::It, 1u32, Counted::Day), "1 giorno");
        assert_eq!(count(Lang::En, 1u32, Counted::Day), "1 day");
    }

    #[test]
    fn a_total_counted_up_to_a_limit_says_more_than_in_both_languages() {
        use crate::model::Total;
        assert_eq!(
            total(Lang::It, Total::MoreThan(1000), Counted::Result),
            "più di 1000 risultati"
        );
        assert_eq!(
            total(Lang::En, Total::MoreThan(1000), Counted::Result),
            "more than 1000 results"
        );
        assert_eq!(
            total(Lang::En, Total::Exactly(1), Counted::Result),
            "1 result"
        );
    }

    #[test]
    fn accept_language_picks_the_preferred_supported_language() {
        assert_eq!(
            Lang::from_accept_language("en-GB,en;q=0.9,it;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,it;q=0.7,en;q=0.5"),
            Some(Lang::It)
        );
        assert_eq!(Lang::from_accept_language("fr,de"), None);
        assert_eq!(
            Lang::from_accept_language("en;q=0,it;q=0.1"),
            Some(Lang::It)
        );
    }

    #[test]
    fn every_error_code_has_a_message_in_both_languages_that_differ() {
        for code in ["required", "email", "too_long", "password_common", "taken"] {
            let error = FieldError::new(code);
            let it = field_error_message(Lang::It, &error);
            let en = field_error_message(Lang::En, &error);
            assert_ne!(it, en, "{code}");
            assert_ne!(en, "Invalid value.", "{code} has no message");
        }
    }

    #[test]
    fn length_messages_name_the_limit() {
        let error = FieldError {
            code: "too_long".into(),
            param: Some(120),
        };
        assert!(field_error_message(Lang::En, &error).contains("120"));
    }
}
