//! Demo data for a first look, loaded only into an empty database: one account per role, a few
//! openings with candidates at every stage, and interviews in every state, so the board, the
//! list, the reports and the interviews have something to show.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

use crate::model::{
    AppError, ApplicationId, CandidateInput, MoveInput, NewUserInput, NoteInput, OpeningId,
    OpeningInput, OpeningStatus, Role, Stage, UserId,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{application, job_profile, user};
use crate::server::{
    accounts::users, recruitment::intake, recruitment::notes, recruitment::openings,
    recruitment::pipeline,
};

/// A demo sign-in, printed at start-up so a newcomer can try each role.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub role: Role,
    pub email: &'static str,
    pub password: &'static str,
}

/// One account per role. Demo passwords are public: never load them into a real installation.
pub const DEMO_LOGINS: [DemoLogin; 4] = [
    DemoLogin {
        role: Role::Admin,
        email: "admin@percorso.test",
        password: "percorso-admin-demo",
    },
    DemoLogin {
        role: Role::Hr,
        email: "hr@percorso.test",
        password: "percorso-hr-demo",
    },
    DemoLogin {
        role: Role::Interviewer,
        email: "interviewer@percorso.test",
        password: "percorso-interviewer-demo",
    },
    DemoLogin {
        role: Role::Employee,
        email: "employee@percorso.test",
        password: "percorso-employee-demo",
    },
];

fn demo_name(role: Role) -> &'static str {
    match role {
        Role::Admin => "Alessandra Conti",
        Role::Hr => "Giulia Ferrari",
        Role::Interviewer => "Marco Bianchi",
        Role::Employee => "Luca Esposito",
    }
}

/// Loads the demo accounts if the database has no users yet. Returns whether it did.
pub async fn seed_if_empty(db: &DatabaseConnection) -> Result<bool, AppError> {
    if user::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    for login in DEMO_LOGINS {
        users::create_validated(
            db,
            NewUserInput {
                email: login.email.to_owned(),
                name: demo_name(login.role).to_owned(),
                role: login.role,
                password: login.password.to_owned(),
            },
        )
        .await?;
    }
    seed_recruitment(db).await?;
    tracing::info!("demo accounts and recruitment loaded");
    Ok(true)
}

/// The demo's openings: (profile title in English, location).
const OPENINGS: [(&str, &str); 3] = [
    ("Bank teller", "Venezia Mestre"),
    ("Hotel receptionist", "Venezia San Marco"),
    ("Accounting clerk", "Padova"),
];

/// The demo's candidates: name, email, phone, opening (index), source, detail, the stage they
/// reached, and tags.
#[allow(clippy::type_complexity)]
const CANDIDATES: [(&str, &str, &str, usize, &str, &str, Stage, &str); 10] = [
    (
        "Elena Marchetti",
        "elena.marchetti@example.it",
        "+39 347 210 1101",
        0,
        "manual",
        "",
        Stage::Applied,
        "",
    ),
    (
        "Davide Russo",
        "davide.russo@example.it",
        "+39 348 220 1102",
        0,
        "referral",
        "Paola Gallo",
        Stage::Screening,
        "inglese c1",
    ),
    (
        "Chiara Lombardi",
        "chiara.lombardi@example.it",
        "+39 349 230 1103",
        0,
        "job_board",
        "InfoJobs",
        Stage::Interview,
        "cassa, inglese c1",
    ),
    (
        "Matteo Moretti",
        "matteo.moretti@example.it",
        "+39 340 240 1104",
        0,
        "job_board",
        "Indeed",
        Stage::Rejected,
        "",
    ),
    (
        "Sofia Ricci",
        "sofia.ricci@example.it",
        "+39 345 250 1105",
        1,
        "manual",
        "",
        Stage::PracticalTest,
        "tedesco b2",
    ),
    (
        "Lorenzo Colombo",
        "lorenzo.colombo@example.it",
        "+39 346 260 1106",
        1,
        "referral",
        "Marco Bianchi",
        Stage::Offer,
        "opera",
    ),
    (
        "Giorgia Bruno",
        "giorgia.bruno@example.it",
        "+39 347 270 1107",
        1,
        "job_board",
        "InfoJobs",
        Stage::Withdrawn,
        "",
    ),
    (
        "Alessandro Greco",
        "alessandro.greco@example.it",
        "+39 348 280 1108",
        2,
        "manual",
        "",
        Stage::Hired,
        "sap, excel",
    ),
    (
        "Martina Fontana",
        "martina.fontana@example.it",
        "+39 349 290 1109",
        2,
        "job_board",
        "Indeed",
        Stage::Interview,
        "excel",
    ),
    (
        "Federico Conti",
        "federico.conti@example.it",
        "+39 340 300 1110",
        2,
        "manual",
        "",
        Stage::Screening,
        "",
    ),
];

async fn user_id(db: &DatabaseConnection, email: &str) -> Result<UserId, AppError> {
    user::Entity::find()
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
        .map(|u| UserId(u.id))
        .ok_or(AppError::NotFound)
}

/// Openings with a hiring team, and candidates moved through the pipeline, by the demo HR.
async fn seed_recruitment(db: &DatabaseConnection) -> Result<(), AppError> {
    let hr = user_id(db, DEMO_LOGINS[1].email).await?;
    let interviewer = user_id(db, DEMO_LOGINS[2].email).await?;
    crate::server::employees::demo::seed_staff(db).await?;
    let mut opening_ids: Vec<OpeningId> = Vec::new();
    for (title, location) in OPENINGS {
        let profile = job_profile::Entity::find()
            .filter(job_profile::Column::TitleEn.eq(title))
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        let input = OpeningInput {
            profile_id: crate::model::JobProfileId(profile.id),
            location: location.to_owned(),
            positions: 1,
            status: OpeningStatus::Open,
            published: true,
            hr_owner_id: hr,
            interviewer_ids: vec![interviewer],
            description_it: String::new(),
            description_en: String::new(),
        };
        opening_ids.push(openings::create(db, input).await?);
    }
    let actor = CurrentUser {
        id: hr,
        name: demo_name(Role::Hr).to_owned(),
        email: DEMO_LOGINS[1].email.to_owned(),
        role: Role::Hr,
        language: None,
        time_zone: crate::model::DEFAULT_TIME_ZONE.to_owned(),
        session_id: 0,
    };
    for (name, email, phone, opening, source, detail, reached, tags) in CANDIDATES {
        let outcome = intake::add(
            db,
            hr,
            CandidateInput {
                name: name.to_owned(),
                email: email.to_owned(),
                phone: phone.to_owned(),
                education: "Diploma di ragioneria".to_owned(),
                experience: String::new(),
                opening_id: Some(opening_ids[opening]),
                source: source.to_owned(),
                source_detail: detail.to_owned(),
                upload_id: None,
            },
        )
        .await?;
        let application = application::Entity::find()
            .filter(application::Column::CandidateId.eq(outcome.candidate_id.0))
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        let path: &[Stage] = match reached {
            Stage::Rejected => &[Stage::Screening, Stage::Rejected],
            Stage::Withdrawn => &[Stage::Screening, Stage::Interview, Stage::Withdrawn],
            forward => &Stage::ALL[1..=Stage::ALL.iter().position(|s| *s == forward).unwrap_or(0)],
        };
        for to in path {
            if *to == Stage::Hired {
                let id = ApplicationId(application.id);
                crate::server::employees::demo::hire(db, &actor, id, email).await?;
                continue;
            }
            let reason = match to {
                Stage::Rejected => "Esperienza allo sportello insufficiente.",
                Stage::Withdrawn => "Ha accettato un'altra offerta.",
                _ => "",
            };
            pipeline::move_to(
                db,
                &actor,
                ApplicationId(application.id),
                MoveInput {
                    to: *to,
                    reason: reason.to_owned(),
                },
            )
            .await?;
        }
        let tags = crate::model::parse_tags(tags);
        if !tags.is_empty() {
            notes::set_tags(db, outcome.candidate_id, tags).await?;
        }
        if reached == Stage::Interview {
            let note = NoteInput {
                body: "Colloquio telefonico positivo; disponibile da subito.".to_owned(),
            };
            notes::add(db, hr, outcome.candidate_id, note).await?;
        }
    }
    let panelist = CurrentUser {
        id: interviewer,
        name: demo_name(Role::Interviewer).to_owned(),
        email: DEMO_LOGINS[2].email.to_owned(),
        role: Role::Interviewer,
        language: None,
        time_zone: crate::model::DEFAULT_TIME_ZONE.to_owned(),
        session_id: 0,
    };
    crate::server::interviews::demo::seed(db, &actor, &panelist).await?;
    crate::server::assessments::demo::seed(db, &actor, &panelist).await?;
    crate::server::training::demo::seed(db).await?;
    crate::server::training::demo::seed_records(db, DEMO_LOGINS[3].email).await?;
    crate::server::training::ledger::recount_all(db).await?;
    crate::server::assessments::scores::refresh_all(db).await?;
    crate::server::certifications::demo::seed(db).await?;
    crate::server::write(db, |tx| {
        Box::pin(crate::server::certifications::compliance::refresh_all(tx))
    })
    .await
}
