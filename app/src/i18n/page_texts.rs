//! Fixed texts of the pages rendered on the server only (no island shows them), kept apart
//! from `Text` so that the browser bundles do not carry them.

use super::Lang;

texts! {
    /// Every fixed text that only server-rendered pages show.
    PageText {
    Certifications => "Certificazioni", "Certifications";
    Certification => "Certificazione", "Certification";
    CertificationCatalogue => "Catalogo delle certificazioni", "Certification catalogue";
    CertificationCatalogueHint => "Le certificazioni riconosciute: chi le rilascia, per quanto valgono, le competenze che attestano e i profili che le richiedono.", "The recognised certifications: who issues them, how long they are valid, the competencies they prove and the job profiles that require them.";
    NewCertification => "Nuova certificazione", "New certification";
    EditCertification => "Modifica certificazione", "Edit certification";
    Issuer => "Ente che la rilascia", "Issuer";
    Validity => "Validità", "Validity";
    ValidityMonths => "Validità in mesi", "Validity in months";
    ValidityHint => "Lascia vuoto se non scade.", "Leave blank if it does not expire.";
    Months => "mesi", "months";
    NoExpiry => "Non scade", "Does not expire";
    Proves => "Attesta", "Proves";
    ProvesLegend => "Competenze che attesta", "Competencies it proves";
    ProvesHint => "Il livello che una certificazione verificata porta a chi la possiede; lascia «–» per le competenze che non riguarda.", "The level a verified certificate brings its holder to; leave \"–\" for the competencies it does not prove.";
    RequiredFor => "Richiesta per", "Required for";
    Retired => "Non più offerta", "No longer offered";
    StillOffered => "Ancora riconosciuta (si può caricare)", "Still recognised (can be uploaded)";
    NameIt => "Nome in italiano", "Name in Italian";
    NameEn => "Nome in inglese", "Name in English";
    CertificatesHeld => "Certificati", "Certificates";
    NoCertificates => "Nessun certificato caricato.", "No certificate uploaded.";
    ProfileRequires => "Ciò che richiede il profilo", "What the job profile requires";
    NoRequirements => "Il profilo non richiede certificazioni né corsi obbligatori.", "The job profile requires no certification or mandatory course.";
    Requirement => "Requisito", "Requirement";
    MandatoryCourse => "corso obbligatorio", "mandatory course";
    State => "Stato", "Status";
    Date => "Data", "Date";
    StateOk => "In regola", "OK";
    StateExpiring => "In scadenza", "Expiring";
    StateExpired => "Scaduta", "Expired";
    StatePending => "Da verificare", "Pending verification";
    StateMissing => "Mancante", "Missing";
    StandingValid => "Valida", "Valid";
    StandingRejected => "Respinta", "Rejected";
    ExpiresIn => "Scade tra", "Expires in";
    DaysShort => "giorni", "days";
    RenewalPending => "rinnovo da verificare", "renewal pending verification";
    CredentialId => "Numero del certificato", "Credential id";
    IssuedOn => "Rilasciata il", "Issued on";
    ExpiresOn => "Scade il", "Expires on";
    ExpiresOnHint => "Lascia vuoto per calcolarla dalla validità della certificazione.", "Leave blank to compute it from the certification's validity.";
    VerifiedBy => "Esaminata da", "Reviewed by";
    RejectionReason => "Motivo del rifiuto", "Reason for rejection";
    Document => "Documento", "Document";
    DocumentHint => "Il certificato in PDF o come immagine PNG o JPEG, al massimo", "The certificate as a PDF or a PNG or JPEG picture, at most";
    Renew => "Rinnova", "Renew";
    EarlierCertificates => "Certificati precedenti", "Earlier certificates";
    Verify => "Verifica", "Verify";
    Reject => "Respingi", "Reject";
    Verdict => "Esito", "Verdict";
    VerdictSaved => "Esito registrato.", "Verdict saved.";
    AddCertificate => "Carica un certificato", "Upload a certificate";
    AddCertificateHint => "Anche un rinnovo: i certificati precedenti restano nello storico. Conta dopo la verifica delle Risorse umane.", "A renewal too: the earlier certificates stay in the history. It counts once HR have verified it.";
    ChooseCertification => "Scegli una certificazione", "Choose a certification";
    CertificateUploaded => "Certificato caricato: ora lo verificano le Risorse umane.", "Certificate uploaded: HR will now verify it.";
    CertificatesToVerify => "Certificati da verificare", "Certificates to verify";
    ComplianceMatrix => "Conformità ai profili", "Compliance matrix";
    ComplianceHint => "Per ogni persona, le certificazioni e i corsi obbligatori richiesti dal suo profilo: in regola, in scadenza (entro 90 giorni), scaduti, da verificare o mancanti.", "For each person, the certifications and mandatory courses their job profile requires: OK, expiring (within 90 days), expired, pending verification or missing.";
    Manager => "Responsabile", "Manager";
    SortBy => "Ordina per", "Sort by";
    WorstFirst => "Prima le situazioni peggiori", "Worst first";
    ByName => "Nome", "Name";
    NotRequired => "–", "–";
    Notifications => "Notifiche", "Notifications";
    Unread => "da leggere", "unread";
    MarkRead => "Segna come letta", "Mark as read";
    MarkAllRead => "Segna tutte come lette", "Mark all as read";
    MarkedRead => "Notifiche aggiornate.", "Notifications updated.";
    NoNotifications => "Nessuna notifica.", "No notifications.";
    EmailReminders => "Ricevi i promemoria anche via email", "Also send me reminders by email";
    EmailRemindersHint => "Scadenze di certificazioni e corsi obbligatori: nelle notifiche ci sono sempre.", "Certificates expiring and mandatory courses due: they are always in your notifications.";
    EmailChoiceSaved => "Preferenza salvata.", "Choice saved.";
    StatedCertifications => "Certificazioni dichiarate", "Certifications stated";
    StatedHint => "Quelle che il candidato dice di avere: con l'assunzione passano nella sua scheda da verificare.", "Those the candidate says they hold: on hire they move to their employee record, to be verified.";
    RecordStated => "Registra la certificazione", "Record the certification";
    ProfileRequirementsTitle => "Certificazioni e corsi obbligatori", "Certifications and mandatory courses";
    ProfileRequirementsHint => "Si scelgono nel catalogo delle certificazioni e in quello dei corsi; la conformità di ognuno è nella pagina Conformità.", "They are set in the certification and course catalogues; where each person stands is on the Compliance page.";
    NewCourse => "Nuovo corso", "New course";
    EditCourse => "Modifica corso", "Edit course";
    CourseValidityHint => "Per la formazione ricorrente: dopo quanti mesi va ripetuto. Lascia vuoto se non scade.", "For recurring training: after how many months it is due again. Leave blank if it does not expire.";
    DevelopsLegend => "Competenze che sviluppa", "Competencies it develops";
    DevelopsHint => "Il livello a cui un corso completato porta chi lo frequenta; lascia «–» per le competenze che non riguarda.", "The level a completed course brings its participant to; leave \"–\" for the competencies it does not develop.";
    MandatoryForLegend => "Obbligatorio per i profili", "Mandatory for the job profiles";
    MandatoryForHint => "Chi è assunto con uno di questi profili vi è iscritto all'ingresso, e la conformità lo richiede.", "People hired with one of these profiles are enrolled on induction, and compliance requires it.";
    CourseOffered => "Ancora offerto (si può iscriversi)", "Still offered (open to enrolment)";
    CourseRetired => "Non più offerto", "No longer offered";
}
}
