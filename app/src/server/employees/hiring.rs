//! The hire: HR turn an application into an employee. The candidate becomes (or is linked to)
//! an employee with the opening's job profile, the department, location, manager and start
//! date HR give; the application moves to Hired and the person's other open applications are
//! closed with the reason; the assessed competency levels become their first competency
//! profile; and a new account is mailed its welcome link.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};

use super::{competencies, records};
use crate::i18n::Lang;
use crate::model::{
    AppError, ApplicationId, CandidateId, Colleague, EmployeeId, EmployeeStatus, FieldErrors,
    HireForm, HireInput, Role, Stage, UserId,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::accounts::invitations;
use crate::server::assessments::summary;
use crate::server::entities::{application, candidate, employee, job_profile, opening, user};
use crate::server::recruitment::pipeline;

fn refuse(field: &str, code: &str) -> AppError {
    AppError::Invalid(FieldErrors::single(field, code))
}

/// A unique key broken by a hire at the same moment, as `code` on `field`; any other failure
/// as it is.
fn taken_or(error: sea_orm::DbErr, field: &str, code: &str) -> AppError {
    match error.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => refuse(field, code),
        _ => error.into(),
    }
}

/// The application, its opening, the opening's profile and the candidate.
async fn parts(
    db: &impl ConnectionTrait,
    id: ApplicationId,
) -> Result<
    (
        application::Model,
        opening::Model,
        job_profile::Model,
        candidate::Model,
    ),
    AppError,
> {
    let found = application::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let the_opening = opening::Entity::find_by_id(found.opening_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let profile = job_profile::Entity::find_by_id(the_opening.profile_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let person = candidate::Entity::find_by_id(found.candidate_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((found, the_opening, profile, person))
}

/// The employee hired before as candidate `candidate_id`, if any: the same person for sure.
async fn hired_as(
    db: &impl ConnectionTrait,
    candidate_id: i32,
) -> Result<Option<employee::Model>, AppError> {
    Ok(employee::Entity::find()
        .filter(employee::Column::CandidateId.eq(candidate_id))
        .one(db)
        .await?)
}

/// The employee whose account has `email` (normalised), with the account.
async fn on_staff(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<(employee::Model, user::Model)>, AppError> {
    if email.is_empty() {
        return Ok(None);
    }
    Ok(employee::Entity::find()
        .find_also_related(user::Entity)
        .filter(user::Column::Email.eq(email))
        .one(db)
        .await?
        .and_then(|(e, u)| Some((e, u?))))
}

/// Someone on the staff this person may be: hired before as this candidate, or holding the
/// candidate's address.
async fn existing(
    db: &impl ConnectionTrait,
    person: &candidate::Model,
) -> Result<Option<Colleague>, AppError> {
    if let Some(found) = hired_as(db, person.id).await? {
        let names = records::names(db, [found.id]).await?;
        return Ok(names.get(&found.id).map(|name| Colleague {
            id: EmployeeId(found.id),
            name: name.clone(),
        }));
    }
    let email = crate::model::normalise_email(person.email.as_deref().unwrap_or_default());
    Ok(on_staff(db, &email).await?.map(|(e, u)| Colleague {
        id: EmployeeId(e.id),
        name: u.name,
    }))
}

fn is_closed(stage: &str) -> bool {
    matches!(
        Stage::parse(stage),
        Some(Stage::Hired | Stage::Rejected | Stage::Withdrawn)
    )
}

/// What the hire form of application `id` shows.
pub async fn form(db: &impl ConnectionTrait, id: ApplicationId) -> Result<HireForm, AppError> {
    let (found, the_opening, profile, person) = parts(db, id).await?;
    let existing = existing(db, &person).await?;
    Ok(HireForm {
        application_id: id,
        candidate_id: CandidateId(person.id),
        email: person.email.clone().unwrap_or_default(),
        name: person.name,
        title_it: profile.title_it,
        title_en: profile.title_en,
        location: the_opening.location,
        stage: Stage::parse(&found.stage).unwrap_or(Stage::Applied),
        existing,
        choices: records::choices(db, true).await?,
    })
}

/// The reason the person's other open applications are closed with.
fn closing_reason(lang: Lang, title_it: &str, title_en: &str) -> String {
    match lang {
        Lang::It => format!("Assunto come {title_it}."),
        Lang::En => format!("Hired as {title_en}."),
    }
}

/// Hires application `id` as `me` (HR), writing the closing reason in `lang`; `public_url` is
/// where the welcome link points. Returns the employee.
pub async fn hire(
    db: &DatabaseConnection,
    me: &CurrentUser,
    id: ApplicationId,
    input: HireInput,
    lang: Lang,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<EmployeeId, AppError> {
    let change = input.check()?;
    let (found, the_opening, profile, person) = parts(db, id).await?;
    if is_closed(&found.stage) {
        return Err(refuse("form", "hire_closed"));
    }
    // The same candidate hired before is the same person; an address on the staff is only
    // when HR confirm it (anyone can apply with any address).
    let already = match hired_as(db, person.id).await? {
        Some(found) => Some(found),
        None => match on_staff(db, &change.email).await? {
            None => None,
            Some((_, account)) if !account.active => {
                return Err(refuse("email", "account_inactive"));
            }
            Some((found, _)) if change.link_to == Some(EmployeeId(found.id)) => Some(found),
            Some(_) => return Err(refuse("email", "email_on_staff")),
        },
    };
    records::check_manager(
        db,
        already.as_ref().map(|e| EmployeeId(e.id)),
        change.manager,
    )
    .await?;
    let assessed = summary::for_application(db, id).await?;
    let candidate_lang = Lang::parse(&person.lang).unwrap_or_default();
    let reason = closing_reason(lang, &profile.title_it, &profile.title_en);
    let actor = me.id.0;
    let public_url = public_url.to_owned();
    let employee_id = crate::server::write(db, move |tx| {
        Box::pin(async move {
            let (employee_id, invite) = match already {
                Some(e) => (EmployeeId(e.id), None),
                None => {
                    let account = user::ActiveModel {
                        email: Set(change.email.clone()),
                        name: Set(person.name.clone()),
                        role: Set(Role::Employee.as_str().to_owned()),
                        // No password until they choose one through the welcome link.
                        password_hash: Set(String::new()),
                        language: Set(Some(candidate_lang.as_str().to_owned())),
                        active: Set(true),
                        created_at: Set(now),
                        updated_at: Set(now),
                        ..Default::default()
                    }
                    .insert(tx)
                    .await
                    .map_err(|e| taken_or(e, "email", "email_on_staff"))?;
                    let account = UserId(account.id);
                    (records::ensure(tx, account).await?, Some(account))
                }
            };
            let record = employee::Entity::find_by_id(employee_id.0)
                .one(tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let keeps_candidate = record.candidate_id.is_some();
            let mut model: employee::ActiveModel = record.into();
            if !keeps_candidate {
                model.candidate_id = Set(Some(person.id));
            }
            model.profile_id = Set(Some(profile.id));
            model.department = Set(change.department);
            model.location = Set(if change.location.is_empty() {
                the_opening.location
            } else {
                change.location
            });
            model.manager_id = Set(change.manager.map(|m| m.0));
            model.start_date = Set(Some(change.start_date));
            model.status = Set(EmployeeStatus::Active.as_str().to_owned());
            model.updated_at = Set(now);
            model
                .update(tx)
                .await
                .map_err(|e| taken_or(e, "form", "stage_changed"))?;
            pipeline::record_move(tx, found, Stage::Hired, "", actor).await?;
            for other in application::Entity::find()
                .filter(application::Column::CandidateId.eq(person.id))
                .filter(application::Column::Id.ne(id.0))
                .all(tx)
                .await?
            {
                if !is_closed(&other.stage) {
                    pipeline::record_move(tx, other, Stage::Withdrawn, &reason, actor).await?;
                }
            }
            competencies::start_from_assessment(tx, employee_id, &assessed).await?;
            crate::server::certifications::stated::carry_over(
                tx,
                person.id,
                employee_id,
                actor,
                now,
            )
            .await?;
            crate::server::training::enrolment::induct(tx, employee_id, profile.id, now).await?;
            crate::server::certifications::compliance::refresh(tx, &[employee_id]).await?;
            if let Some(account) = invite {
                invitations::invite(tx, account, candidate_lang, &public_url, now).await?;
            }
            Ok(employee_id)
        })
    })
    .await?;
    tracing::info!(application_id = %id, employee_id = %employee_id, "hired");
    Ok(employee_id)
}
