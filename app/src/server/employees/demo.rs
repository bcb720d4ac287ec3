//! Demo employees: the demo accounts' records (departments, a manager with a report, start
//! dates), and the hire of the demo candidate who reached Hired.

use chrono::{Datelike, NaiveDate};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{access, hiring, records};
use crate::model::{
    AppError, ApplicationId, EmployeeChange, EmployeeId, EmployeeStatus, HireInput, JobProfileId,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{employee, job_profile, user};

/// (account email, profile title in English, department, location, manager's email, start).
const STAFF: [(&str, &str, &str, &str, &str, &str); 4] = [
    (
        "admin@percorso.test",
        "",
        "Sistemi informativi",
        "Treviso",
        "",
        "2019-04-01",
    ),
    (
        "hr@percorso.test",
        "",
        "Risorse umane",
        "Treviso",
        "admin@percorso.test",
        "2020-09-14",
    ),
    (
        "interviewer@percorso.test",
        "",
        "Front office",
        "Venezia Mestre",
        "hr@percorso.test",
        "2018-02-05",
    ),
    (
        "employee@percorso.test",
        "Bank teller",
        "Front office",
        "Venezia Mestre",
        "interviewer@percorso.test",
        "2024-06-03",
    ),
];

async fn by_email(db: &DatabaseConnection, email: &str) -> Result<employee::Model, AppError> {
    employee::Entity::find()
        .inner_join(user::Entity)
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Fills in the demo accounts' employee records.
pub async fn seed_staff(db: &DatabaseConnection) -> Result<(), AppError> {
    for (email, profile, department, location, manager, start) in STAFF {
        let record = by_email(db, email).await?;
        let profile = match profile {
            "" => None,
            title => job_profile::Entity::find()
                .filter(job_profile::Column::TitleEn.eq(title))
                .one(db)
                .await?
                .map(|p| JobProfileId(p.id)),
        };
        let manager = match manager {
            "" => None,
            email => Some(EmployeeId(by_email(db, email).await?.id)),
        };
        let change = EmployeeChange {
            profile,
            department: department.to_owned(),
            location: location.to_owned(),
            manager,
            start_date: NaiveDate::parse_from_str(start, "%Y-%m-%d").ok(),
            status: EmployeeStatus::Active,
        };
        records::update(db, EmployeeId(record.id), change).await?;
    }
    Ok(())
}

/// Hires application `id` as `hr` into the back office, reporting to HR, from the first of
/// next month.
pub async fn hire(
    db: &DatabaseConnection,
    hr: &CurrentUser,
    id: ApplicationId,
    email: &str,
) -> Result<(), AppError> {
    let manager = access::own(db, hr).await?;
    let today = chrono::Utc::now().date_naive();
    let start = today
        .checked_add_months(chrono::Months::new(1))
        .and_then(|d| d.with_day0(0))
        .unwrap_or(today);
    let input = HireInput {
        email: email.to_owned(),
        department: "Amministrazione".to_owned(),
        location: String::new(),
        manager_id: manager.id.to_string(),
        start_date: start.to_string(),
        link_to: String::new(),
    };
    hiring::hire(
        db,
        hr,
        id,
        input,
        crate::i18n::Lang::It,
        "http://127.0.0.1:3000",
        chrono::Utc::now(),
    )
    .await?;
    Ok(())
}
