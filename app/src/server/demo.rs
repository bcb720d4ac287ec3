//! Demo data for a first look: one account per role, loaded only into an empty database.

use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

use super::accounts;
use super::entities::user;
use crate::model::{AppError, NewUserInput, Role};

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
        accounts::create_validated(
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
    tracing::info!("demo accounts loaded");
    Ok(true)
}
