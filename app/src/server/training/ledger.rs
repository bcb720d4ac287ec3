//! The training hours ledger (HR): the hours of completed training that counts (not waiting
//! for or refused by HR's review), per employee (a page at a time) or per department, per
//! month, quarter or year, against the yearly targets of the job profiles; the same as CSV;
//! the targets HR set; and the running totals it reads, recounted as records change.

use chrono::{Datelike, NaiveDate};
use sea_orm::sea_query::{Condition, Expr, ExprTrait, InsertStatement, Order, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::refuse;
use crate::model::{
    AppError, EmployeeId, EmployeeStatus, HoursTarget, JobProfileId, LEDGER_ROWS_PER_PAGE, Ledger,
    LedgerQuery, LedgerRow, LedgerRows, MOST_TARGET_HOURS, RecordStatus, Review,
};
use crate::server::csv_out::CsvOut;
use crate::server::employees::records as employees;
use crate::server::entities::{course_record, employee, job_profile, training_hours, user};

/// The statement that recounts the running totals from the course records: everyone's, or
/// employee `only`'s. Completed records count unless HR rejected them or have yet to approve
/// them.
fn recount_statement(
    backend: DatabaseBackend,
    only: Option<i32>,
) -> Result<InsertStatement, AppError> {
    let (year, month) = match backend {
        DatabaseBackend::Sqlite => (
            "CAST(strftime('%Y', completed_on) AS INTEGER)",
            "CAST(strftime('%m', completed_on) AS INTEGER)",
        ),
        _ => (
            "CAST(EXTRACT(YEAR FROM completed_on) AS INTEGER)",
            "CAST(EXTRACT(MONTH FROM completed_on) AS INTEGER)",
        ),
    };
    let mut select = Query::select();
    select
        .column(course_record::Column::EmployeeId)
        .expr(Expr::cust(year));
    for m in 1..=12 {
        select.expr(Expr::cust(format!(
            "SUM(CASE WHEN {month} = {m} THEN hours ELSE 0 END)"
        )));
    }
    select
        .expr(Expr::col(course_record::Column::Hours).sum())
        .from(course_record::Entity)
        .and_where(course_record::Column::Status.eq(RecordStatus::Completed.as_str()))
        .and_where(
            course_record::Column::Review.is_in([Review::None.as_str(), Review::Approved.as_str()]),
        )
        .and_where(course_record::Column::CompletedOn.is_not_null())
        .group_by_col(course_record::Column::EmployeeId)
        .add_group_by([Expr::cust(year)]);
    if let Some(id) = only {
        select.and_where(course_record::Column::EmployeeId.eq(id));
    }
    use training_hours::Column as H;
    Query::insert()
        .into_table(training_hours::Entity)
        .columns([
            H::EmployeeId,
            H::Year,
            H::M01,
            H::M02,
            H::M03,
            H::M04,
            H::M05,
            H::M06,
            H::M07,
            H::M08,
            H::M09,
            H::M10,
            H::M11,
            H::M12,
            H::Total,
        ])
        .select_from(select)
        .map_err(|error| {
            tracing::error!(%error, "the recount's columns and values differ");
            AppError::Internal
        })
        .map(|insert| insert.to_owned())
}

/// Recounts employee `id`'s running totals from their course records: run it in the
/// transaction that changes one of them, so the ledger always agrees with the records.
pub async fn recount(db: &impl ConnectionTrait, id: EmployeeId) -> Result<(), AppError> {
    // Locked, so that two recounts of one employee take turns rather than both inserting (not
    // FOR UPDATE, which would also wait for rows just written that point to the employee).
    employee::Entity::find_by_id(id.0)
        .lock(sea_orm::sea_query::LockType::NoKeyUpdate)
        .one(db)
        .await?;
    training_hours::Entity::delete_many()
        .filter(training_hours::Column::EmployeeId.eq(id.0))
        .exec(db)
        .await?;
    db.execute(&recount_statement(db.get_database_backend(), Some(id.0))?)
        .await?;
    Ok(())
}

/// Recounts everyone's running totals (after records were loaded in bulk).
pub async fn recount_all(db: &impl ConnectionTrait) -> Result<(), AppError> {
    training_hours::Entity::delete_many().exec(db).await?;
    db.execute(&recount_statement(db.get_database_backend(), None)?)
        .await?;
    Ok(())
}

/// The employees `query` covers, joined to their profile (for the target) and their totals
/// of `year`: those still with the company, and those gone who trained that year.
fn covered(query: &LedgerQuery, year: i32) -> sea_orm::sea_query::SelectStatement {
    let mut select = Query::select();
    select
        .from(employee::Entity)
        .left_join(
            job_profile::Entity,
            Expr::col((job_profile::Entity, job_profile::Column::Id))
                .equals((employee::Entity, employee::Column::ProfileId)),
        )
        .left_join(
            training_hours::Entity,
            Condition::all()
                .add(
                    Expr::col((training_hours::Entity, training_hours::Column::EmployeeId))
                        .equals((employee::Entity, employee::Column::Id)),
                )
                .add(Expr::col((training_hours::Entity, training_hours::Column::Year)).eq(year)),
        )
        .cond_where(
            Condition::any()
                .add(
                    Expr::col((employee::Entity, employee::Column::Status))
                        .ne(EmployeeStatus::Left.as_str()),
                )
                .add(Expr::col((training_hours::Entity, training_hours::Column::Total)).gt(0)),
        );
    if let Some(department) = &query.department {
        select.and_where(
            Expr::col((employee::Entity, employee::Column::Department)).eq(department.as_str()),
        );
    }
    select
}

/// The month columns summed (or, for one employee, as they are), none counted as 0.
fn month_columns(select: &mut sea_orm::sea_query::SelectStatement, summed: bool) {
    let columns = [
        training_hours::Column::M01,
        training_hours::Column::M02,
        training_hours::Column::M03,
        training_hours::Column::M04,
        training_hours::Column::M05,
        training_hours::Column::M06,
        training_hours::Column::M07,
        training_hours::Column::M08,
        training_hours::Column::M09,
        training_hours::Column::M10,
        training_hours::Column::M11,
        training_hours::Column::M12,
    ];
    for column in columns {
        let hours = Expr::col((training_hours::Entity, column)).if_null(0);
        select.expr(if summed { hours.sum() } else { hours });
    }
    let target = Expr::col((
        job_profile::Entity,
        job_profile::Column::YearlyTrainingHours,
    ))
    .if_null(0);
    select.expr(if summed { target.sum() } else { target });
}

/// A row from a result whose first twelve columns after `skip` are the months and the next
/// the target.
fn ledger_row(
    found: &sea_orm::QueryResult,
    skip: usize,
    period: crate::model::Period,
    employee: Option<EmployeeId>,
    label: String,
    department: String,
) -> Result<LedgerRow, AppError> {
    // A sum is a BIGINT on PostgreSQL, a column as it is an INTEGER; SQLite has one kind.
    let number = |index: usize| -> Result<i64, sea_orm::DbErr> {
        found
            .try_get_by_index::<i64>(index)
            .or_else(|_| found.try_get_by_index::<i32>(index).map(i64::from))
    };
    let mut hours = vec![0u32; period.columns()];
    for month in 0..12 {
        let value = number(skip + month)?;
        hours[period.column_of(month as u32 + 1)] += u32::try_from(value).unwrap_or(0);
    }
    let target = number(skip + 12)?;
    Ok(LedgerRow {
        employee,
        label,
        department,
        total: hours.iter().sum(),
        hours,
        target: u32::try_from(target).unwrap_or(0),
    })
}

/// The rows of `query`'s year: a page of employees by name (all of them with `every`), or
/// every department.
async fn rows(
    db: &impl ConnectionTrait,
    query: &LedgerQuery,
    year: i32,
    every: bool,
) -> Result<(Vec<LedgerRow>, u64), AppError> {
    if query.rows == LedgerRows::Department {
        let mut select = covered(query, year);
        select.column((employee::Entity, employee::Column::Department));
        month_columns(&mut select, true);
        select
            .group_by_col((employee::Entity, employee::Column::Department))
            .order_by((employee::Entity, employee::Column::Department), Order::Asc);
        let mut rows = Vec::new();
        for found in db.query_all(&select).await? {
            let department: String = found.try_get_by_index(0)?;
            rows.push(ledger_row(
                &found,
                1,
                query.period,
                None,
                department.clone(),
                department,
            )?);
        }
        let total = rows.len() as u64;
        return Ok((rows, total));
    }
    let mut count = covered(query, year);
    count.expr(Expr::col((employee::Entity, employee::Column::Id)).count());
    let total: i64 = db
        .query_one(&count)
        .await?
        .map(|r| r.try_get_by_index(0))
        .transpose()?
        .unwrap_or(0);
    let mut select = covered(query, year);
    select
        .inner_join(
            user::Entity,
            Expr::col((user::Entity, user::Column::Id))
                .equals((employee::Entity, employee::Column::UserId)),
        )
        .column((employee::Entity, employee::Column::Id))
        .column((user::Entity, user::Column::Name))
        .column((employee::Entity, employee::Column::Department));
    month_columns(&mut select, false);
    select
        .order_by((user::Entity, user::Column::Name), Order::Asc)
        .order_by((employee::Entity, employee::Column::Id), Order::Asc);
    if !every {
        select
            .limit(LEDGER_ROWS_PER_PAGE)
            .offset(query.page.saturating_mul(LEDGER_ROWS_PER_PAGE));
    }
    let mut rows = Vec::new();
    for found in db.query_all(&select).await? {
        let id: i32 = found.try_get_by_index(0)?;
        rows.push(ledger_row(
            &found,
            3,
            query.period,
            Some(EmployeeId(id)),
            found.try_get_by_index(1)?,
            found.try_get_by_index(2)?,
        )?);
    }
    Ok((rows, u64::try_from(total).unwrap_or(0)))
}

/// The year `query` asks for, `today`'s when none.
fn year_of(query: &LedgerQuery, today: NaiveDate) -> Result<i32, AppError> {
    let year = query.year.unwrap_or(today.year());
    if !(2000..=2100).contains(&year) {
        return Err(AppError::BadRequest);
    }
    Ok(year)
}

/// A page of the ledger of `query`'s year (`today`'s when none), for people who have not left
/// or who did training that year: three statements, however many records there are.
pub async fn ledger(
    db: &impl ConnectionTrait,
    query: &LedgerQuery,
    today: NaiveDate,
) -> Result<Ledger, AppError> {
    let year = year_of(query, today)?;
    let (rows, total_rows) = rows(db, query, year, false).await?;
    Ok(Ledger {
        year,
        period: query.period,
        rows_by: query.rows,
        rows,
        page: query.page,
        total_rows,
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
    let year = year_of(query, today)?;
    let (found, _) = rows(db, query, year, true).await?;
    let periods: Vec<String> = (1..=query.period.columns())
        .map(|n| match query.period {
            crate::model::Period::Month => format!("{year}-{n:02}"),
            crate::model::Period::Quarter => format!("{year} Q{n}"),
            crate::model::Period::Year => year.to_string(),
        })
        .collect();
    let by_employee = query.rows == LedgerRows::Employee;
    let mut header: Vec<&str> = if by_employee {
        vec!["employee_id", "employee", "department"]
    } else {
        vec!["department"]
    };
    header.extend(periods.iter().map(String::as_str));
    header.extend(["total_hours", "target_hours", "percent_of_target"]);
    let mut out = CsvOut::new(&header)?;
    for row in found {
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
