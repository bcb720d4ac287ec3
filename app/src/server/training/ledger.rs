//! The training hours ledger (HR): the hours of completed training that counts (not waiting
//! for or refused by HR's review), per employee or per department, per month, quarter or year,
//! against the yearly targets of the job profiles; the same as CSV; and the targets HR set.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, sea_query::Expr,
};

use super::refuse;
use crate::model::{
    AppError, EmployeeId, EmployeeStatus, HoursTarget, JobProfileId, Ledger, LedgerQuery,
    LedgerRow, LedgerRows, MOST_TARGET_HOURS, RecordStatus, Review,
};
use crate::server::csv_out::CsvOut;
use crate::server::employees::records as employees;
use crate::server::entities::{course_record, employee, job_profile};

/// The ledger of `query`'s year (`today`'s when none), for people who have not left or who
/// did training that year.
pub async fn ledger(
    db: &impl ConnectionTrait,
    query: &LedgerQuery,
    today: NaiveDate,
) -> Result<Ledger, AppError> {
    let year = query.year.unwrap_or(today.year());
    let (first, last) = (
        NaiveDate::from_ymd_opt(year, 1, 1).ok_or(AppError::BadRequest)?,
        NaiveDate::from_ymd_opt(year, 12, 31).ok_or(AppError::BadRequest)?,
    );
    let counted: Vec<&str> = [Review::None, Review::Approved]
        .iter()
        .map(|r| r.as_str())
        .collect();
    let records = course_record::Entity::find()
        .filter(course_record::Column::Status.eq(RecordStatus::Completed.as_str()))
        .filter(course_record::Column::Review.is_in(counted))
        .filter(course_record::Column::CompletedOn.between(first, last))
        .all(db)
        .await?;
    let mut people = employee::Entity::find().order_by_asc(employee::Column::Id);
    if let Some(department) = &query.department {
        people = people.filter(employee::Column::Department.eq(department.as_str()));
    }
    let trained: Vec<i32> = records.iter().map(|r| r.employee_id).collect();
    let people: Vec<employee::Model> = people
        .all(db)
        .await?
        .into_iter()
        .filter(|e| e.status != EmployeeStatus::Left.as_str() || trained.contains(&e.id))
        .collect();
    let targets: HashMap<i32, u32> = job_profile::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, u32::try_from(p.yearly_training_hours).unwrap_or(0)))
        .collect();
    let names = employees::names(db, people.iter().map(|e| e.id)).await?;
    let columns = query.period.columns();
    let mut by_person: HashMap<i32, Vec<u32>> = HashMap::new();
    for r in &records {
        let Some(day) = r.completed_on else { continue };
        let hours = by_person
            .entry(r.employee_id)
            .or_insert_with(|| vec![0; columns]);
        hours[query.period.column_of(day.month())] += u32::try_from(r.hours).unwrap_or(0);
    }
    let mut rows: Vec<LedgerRow> = people
        .iter()
        .map(|e| {
            let hours = by_person
                .get(&e.id)
                .cloned()
                .unwrap_or_else(|| vec![0; columns]);
            LedgerRow {
                employee: Some(EmployeeId(e.id)),
                label: names.get(&e.id).cloned().unwrap_or_default(),
                department: e.department.clone(),
                total: hours.iter().sum(),
                hours,
                target: e
                    .profile_id
                    .and_then(|p| targets.get(&p).copied())
                    .unwrap_or(0),
            }
        })
        .collect();
    if query.rows == LedgerRows::Department {
        let mut departments: BTreeMap<String, LedgerRow> = BTreeMap::new();
        for row in rows {
            let entry = departments
                .entry(row.department.clone())
                .or_insert_with(|| LedgerRow {
                    employee: None,
                    label: row.department.clone(),
                    department: row.department.clone(),
                    hours: vec![0; columns],
                    total: 0,
                    target: 0,
                });
            for (sum, h) in entry.hours.iter_mut().zip(&row.hours) {
                *sum += h;
            }
            entry.total += row.total;
            entry.target += row.target;
        }
        rows = departments.into_values().collect();
    } else {
        rows.sort_by(|a, b| a.label.cmp(&b.label));
    }
    Ok(Ledger {
        year,
        period: query.period,
        rows_by: query.rows,
        rows,
        departments: employees::departments(db).await?,
    })
}

/// The ledger as CSV: one row per employee or department, a column per period, the total,
/// the target and the share of it done.
pub async fn export_csv(
    db: &impl ConnectionTrait,
    query: &LedgerQuery,
    today: NaiveDate,
) -> Result<String, AppError> {
    let found = ledger(db, query, today).await?;
    let periods: Vec<String> = (1..=found.period.columns())
        .map(|n| match found.period {
            crate::model::Period::Month => format!("{}-{n:02}", found.year),
            crate::model::Period::Quarter => format!("{} Q{n}", found.year),
            crate::model::Period::Year => found.year.to_string(),
        })
        .collect();
    let by_employee = found.rows_by == LedgerRows::Employee;
    let mut header: Vec<&str> = if by_employee {
        vec!["employee_id", "employee", "department"]
    } else {
        vec!["department"]
    };
    header.extend(periods.iter().map(String::as_str));
    header.extend(["total_hours", "target_hours", "percent_of_target"]);
    let mut out = CsvOut::new(&header)?;
    for row in found.rows {
        let mut fields = if by_employee {
            vec![
                row.employee.map(|e| e.to_string()).unwrap_or_default(),
                row.label.clone(),
                row.department.clone(),
            ]
        } else {
            vec![row.label.clone()]
        };
        fields.extend(row.hours.iter().map(u32::to_string));
        fields.push(row.total.to_string());
        fields.push(row.target.to_string());
        fields.push(row.percent().map(|p| p.to_string()).unwrap_or_default());
        out.row(fields.iter().map(String::as_str))?;
    }
    out.finish()
}

/// Every job profile's yearly target, by English title.
pub async fn targets(db: &impl ConnectionTrait) -> Result<Vec<HoursTarget>, AppError> {
    Ok(job_profile::Entity::find()
        .order_by_asc(job_profile::Column::TitleEn)
        .all(db)
        .await?
        .into_iter()
        .map(|p| HoursTarget {
            profile: JobProfileId(p.id),
            title_it: p.title_it,
            title_en: p.title_en,
            hours: u32::try_from(p.yearly_training_hours).unwrap_or(0),
        })
        .collect())
}

/// Sets `profile`'s yearly target to `hours` as typed: a whole number from 0 to
/// [`MOST_TARGET_HOURS`], refused on the field `hours` otherwise.
pub async fn set_target(
    db: &impl ConnectionTrait,
    profile: JobProfileId,
    hours: &str,
) -> Result<(), AppError> {
    let hours = match hours.trim().parse::<u32>() {
        Ok(n) if n <= MOST_TARGET_HOURS => n,
        _ => {
            let mut errors = crate::model::FieldErrors::default();
            errors.add_with("hours", "target_range", u64::from(MOST_TARGET_HOURS));
            return Err(AppError::Invalid(errors));
        }
    };
    let updated = job_profile::Entity::update_many()
        .col_expr(
            job_profile::Column::YearlyTrainingHours,
            Expr::value(i32::try_from(hours).unwrap_or(0)),
        )
        .filter(job_profile::Column::Id.eq(profile.0))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        return Err(refuse("profile", "unknown"));
    }
    tracing::info!(profile_id = %profile, hours, "training target set");
    Ok(())
}
