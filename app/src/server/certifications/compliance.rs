//! Compliance: each job profile's requirements (the certifications it requires and its
//! mandatory courses) and where each person stands against theirs on a day, as the matrix HR
//! filter, page and export, and as one person's list on their pages. The matrix reads the
//! compliance cells kept here ([`refresh`]) as certificates, completions, profiles and the
//! catalogue change, so a page costs the same for ten people or ten thousand.

use std::collections::{BTreeSet, HashMap};

use chrono::{Days, NaiveDate};
use sea_orm::sea_query::{
    Asterisk, Expr, ExprTrait, LockType, Order, Query, SelectStatement, SubQueryStatement,
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::model::{
    AppError, COMPLIANCE_ROWS_PER_PAGE, Cell, CellFacts, CellState, CertificateDates,
    ComplianceCounts, ComplianceMatrix, ComplianceQuery, ComplianceRow, ComplianceSort,
    ComplianceSummary, Coverage, EXPIRY_WARNINGS, EmployeeId, EmployeeStatus, PersonCompliance,
    RecordStatus, Requirement, RequirementColumn, Review, Verification,
};
use crate::server::csv_out::CsvOut;
use crate::server::employees::records;
use crate::server::entities::{
    certification, certification_profile, compliance_cell, compliance_summary, course,
    course_profile, course_record, employee, employee_certification, job_profile,
};

/// What the profiles ask for: each profile's requirements, and each requirement's column and
/// (for a course) how long a completion counts.
pub(crate) struct Requirements {
    pub(crate) by_profile: HashMap<i32, Vec<Requirement>>,
    pub(crate) columns: HashMap<Requirement, RequirementColumn>,
    pub(crate) course_validity: HashMap<i32, Option<u32>>,
}

/// The requirements of `profiles`: the active certifications and courses they name.
pub(crate) async fn requirements(
    db: &impl ConnectionTrait,
    profiles: &BTreeSet<i32>,
) -> Result<Requirements, AppError> {
    let profiles: Vec<i32> = profiles.iter().copied().collect();
    let required = certification_profile::Entity::find()
        .filter(certification_profile::Column::ProfileId.is_in(profiles.clone()))
        .all(db)
        .await?;
    let certifications = certification::Entity::find()
        .filter(certification::Column::Id.is_in(required.iter().map(|r| r.certification_id)))
        .filter(certification::Column::Active.eq(true))
        .all(db)
        .await?;
    let mandatory = course_profile::Entity::find()
        .filter(course_profile::Column::ProfileId.is_in(profiles))
        .all(db)
        .await?;
    let courses = course::Entity::find()
        .filter(course::Column::Id.is_in(mandatory.iter().map(|m| m.course_id)))
        .filter(course::Column::Active.eq(true))
        .all(db)
        .await?;
    let mut columns = HashMap::new();
    for c in &certifications {
        let requirement = Requirement::Certification(c.id);
        columns.insert(
            requirement,
            RequirementColumn {
                requirement,
                name_it: c.name_it.clone(),
                name_en: c.name_en.clone(),
            },
        );
    }
    for c in &courses {
        let requirement = Requirement::Course(c.id);
        columns.insert(
            requirement,
            RequirementColumn {
                requirement,
                name_it: c.title_it.clone(),
                name_en: c.title_en.clone(),
            },
        );
    }
    let mut by_profile: HashMap<i32, Vec<Requirement>> = HashMap::new();
    let pairs = required
        .iter()
        .map(|r| (r.profile_id, Requirement::Certification(r.certification_id)))
        .chain(
            mandatory
                .iter()
                .map(|m| (m.profile_id, Requirement::Course(m.course_id))),
        );
    for (profile, requirement) in pairs {
        if columns.contains_key(&requirement) {
            by_profile.entry(profile).or_default().push(requirement);
        }
    }
    Ok(Requirements {
        by_profile,
        columns,
        course_validity: courses
            .iter()
            .map(|c| (c.id, c.validity_months.and_then(|m| u32::try_from(m).ok())))
            .collect(),
    })
}

/// Each cell of `people` (employee id, profile) whatever the day, by (employee, requirement).
pub(crate) async fn facts(
    db: &impl ConnectionTrait,
    people: &[(i32, i32)],
    wanted: &Requirements,
) -> Result<HashMap<(i32, Requirement), CellFacts>, AppError> {
    let ids: Vec<i32> = people.iter().map(|(e, _)| *e).collect();
    let mut certificates: HashMap<(i32, i32), Vec<CertificateDates>> = HashMap::new();
    for chunk in ids.chunks(500) {
        // By id, so that of two certificates issued the same day the later one counts, as for
        // the reminders.
        let rows = employee_certification::Entity::find()
            .filter(employee_certification::Column::EmployeeId.is_in(chunk.to_vec()))
            .order_by_asc(employee_certification::Column::Id)
            .all(db)
            .await?;
        for r in rows {
            if let Some(verification) = Verification::parse(&r.status) {
                certificates
                    .entry((r.employee_id, r.certification_id))
                    .or_default()
                    .push((verification, r.issued_on, r.expires_on));
            }
        }
    }
    let mut completed: HashMap<(i32, i32), NaiveDate> = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i32, Option<i32>, Option<NaiveDate>)> = course_record::Entity::find()
            .select_only()
            .column(course_record::Column::EmployeeId)
            .column(course_record::Column::CourseId)
            .column(course_record::Column::CompletedOn)
            .filter(course_record::Column::EmployeeId.is_in(chunk.to_vec()))
            .filter(course_record::Column::Status.eq(RecordStatus::Completed.as_str()))
            .filter(
                course_record::Column::Review
                    .is_in([Review::None.as_str(), Review::Approved.as_str()]),
            )
            .into_tuple()
            .all(db)
            .await?;
        for (employee, course, on) in rows {
            if let (Some(course), Some(on)) = (course, on) {
                let last = completed.entry((employee, course)).or_insert(on);
                *last = std::cmp::max(*last, on);
            }
        }
    }
    let mut out = HashMap::new();
    for (employee, profile) in people {
        for requirement in wanted.by_profile.get(profile).into_iter().flatten() {
            let cell = match requirement {
                Requirement::Certification(kind) => CellFacts::certification(
                    certificates
                        .get(&(*employee, *kind))
                        .map_or(&[][..], Vec::as_slice),
                ),
                Requirement::Course(course) => CellFacts::course(
                    completed.get(&(*employee, *course)).copied(),
                    wanted.course_validity.get(course).copied().flatten(),
                ),
            };
            out.insert((*employee, *requirement), cell);
        }
    }
    Ok(out)
}

/// Each cell of `people` (employee id, profile) on `today`, by (employee, requirement).
pub(crate) async fn cells(
    db: &impl ConnectionTrait,
    people: &[(i32, i32)],
    wanted: &Requirements,
    today: NaiveDate,
) -> Result<HashMap<(i32, Requirement), Cell>, AppError> {
    Ok(facts(db, people, wanted)
        .await?
        .into_iter()
        .map(|(key, facts)| (key, facts.on(today)))
        .collect())
}

/// A requirement as the compliance cells store it: (kind, id).
fn stored(requirement: Requirement) -> (&'static str, i32) {
    match requirement {
        Requirement::Certification(id) => ("certification", id),
        Requirement::Course(id) => ("course", id),
    }
}

/// A stored requirement read back; `None` for a kind this build does not know.
fn requirement_of(kind: &str, id: i32) -> Option<Requirement> {
    match kind {
        "certification" => Some(Requirement::Certification(id)),
        "course" => Some(Requirement::Course(id)),
        _ => None,
    }
}

/// Recomputes the compliance cells and summaries of employees `ids` from their profile,
/// certificates and course records: run it in the transaction that changes one of those, so
/// the matrix always agrees with them. Only people with a profile who have not left have
/// cells. Each employee row is locked first, so that two refreshes of one person take turns.
pub async fn refresh(db: &impl ConnectionTrait, ids: &[EmployeeId]) -> Result<(), AppError> {
    // In one order everywhere, so that refreshes of overlapping people cannot deadlock.
    let ids: BTreeSet<EmployeeId> = ids.iter().copied().collect();
    let ids: Vec<EmployeeId> = ids.into_iter().collect();
    for chunk in ids.chunks(500) {
        let chunk: Vec<i32> = chunk.iter().map(|id| id.0).collect();
        let people: Vec<(i32, i32, Option<i32>, String)> = employee::Entity::find()
            .select_only()
            .column(employee::Column::Id)
            .column(employee::Column::UserId)
            .column(employee::Column::ProfileId)
            .column(employee::Column::Status)
            .filter(employee::Column::Id.is_in(chunk.clone()))
            .order_by_asc(employee::Column::Id)
            // Not FOR UPDATE: rows that point to the employee (a certificate just added) take
            // a key-share lock that this one must not wait for.
            .lock(LockType::NoKeyUpdate)
            .into_tuple()
            .all(db)
            .await?;
        compliance_cell::Entity::delete_many()
            .filter(compliance_cell::Column::EmployeeId.is_in(chunk.clone()))
            .exec(db)
            .await?;
        compliance_summary::Entity::delete_many()
            .filter(compliance_summary::Column::EmployeeId.is_in(chunk))
            .exec(db)
            .await?;
        // Cells only for whom the matrix covers: those with a profile who have not left.
        let covered: Vec<(i32, i32, i32)> = people
            .into_iter()
            .filter(|(.., status)| status != EmployeeStatus::Left.as_str())
            .filter_map(|(id, user, profile, _)| Some((id, user, profile?)))
            .collect();
        let names = crate::server::accounts::users::names(
            db,
            covered.iter().map(|(_, user, _)| *user).collect(),
        )
        .await?;
        let people: Vec<(i32, i32)> = covered.iter().map(|(id, _, p)| (*id, *p)).collect();
        let profiles: BTreeSet<i32> = people.iter().map(|(_, p)| *p).collect();
        let wanted = requirements(db, &profiles).await?;
        let found = facts(db, &people, &wanted).await?;
        let mut by_person: HashMap<i32, Vec<CellFacts>> = HashMap::new();
        let mut cells = Vec::with_capacity(found.len());
        for ((employee, requirement), facts) in &found {
            by_person.entry(*employee).or_default().push(*facts);
            let (kind, requirement_id) = stored(*requirement);
            cells.push(compliance_cell::ActiveModel {
                employee_id: Set(*employee),
                kind: Set(kind.to_owned()),
                requirement_id: Set(requirement_id),
                coverage: Set(facts.coverage.as_str().to_owned()),
                expires_on: Set(facts.expires_on),
                shown_on: Set(facts.shown_on),
                renewal_pending: Set(facts.renewal_pending),
            });
        }
        for batch in cells.chunks(500) {
            compliance_cell::Entity::insert_many(batch.to_vec())
                .exec_without_returning(db)
                .await?;
        }
        // A summary for everyone covered, also those whose profile asks for nothing: the
        // matrix orders its rows from the summaries alone.
        let summaries: Vec<compliance_summary::ActiveModel> = covered
            .iter()
            .map(|(employee, user, _)| {
                let summary = ComplianceSummary::of(by_person.get(employee).into_iter().flatten());
                compliance_summary::ActiveModel {
                    employee_id: Set(*employee),
                    gap: Set(summary.gap.map(gap_rank)),
                    first_expiry: Set(summary.first_expiry),
                    name: Set(names.get(user).cloned().unwrap_or_default()),
                }
            })
            .collect();
        for batch in summaries.chunks(500) {
            compliance_summary::Entity::insert_many(batch.to_vec())
                .exec_without_returning(db)
                .await?;
        }
    }
    Ok(())
}

/// Refreshes everyone whose job profile is one of `profiles` (after the catalogue changed
/// what those profiles require).
pub async fn refresh_profiles(
    db: &impl ConnectionTrait,
    profiles: impl IntoIterator<Item = i32>,
) -> Result<(), AppError> {
    let profiles: Vec<i32> = profiles.into_iter().collect();
    if profiles.is_empty() {
        return Ok(());
    }
    let ids: Vec<EmployeeId> = employee::Entity::find()
        .select_only()
        .column(employee::Column::Id)
        .filter(employee::Column::ProfileId.is_in(profiles))
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .map(EmployeeId)
        .collect();
    refresh(db, &ids).await
}

/// What a certification or course of the catalogue asks of people, as far as compliance
/// goes: whether it is active, how long a completion counts, and the profiles requiring it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequirementTerms {
    pub active: bool,
    pub validity_months: Option<i32>,
    pub profiles: BTreeSet<i32>,
}

impl RequirementTerms {
    /// The terms of certification `id` as stored now (`None` when there is no such one).
    pub async fn of_certification(
        db: &impl ConnectionTrait,
        id: i32,
    ) -> Result<Option<RequirementTerms>, AppError> {
        let Some(found) = certification::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let profiles = certification_profile::Entity::find()
            .filter(certification_profile::Column::CertificationId.eq(id))
            .all(db)
            .await?;
        Ok(Some(RequirementTerms {
            active: found.active,
            // A certificate's expiry is set when it is added: the validity does not reach it.
            validity_months: None,
            profiles: profiles.into_iter().map(|p| p.profile_id).collect(),
        }))
    }

    /// The terms of course `id` as stored now (`None` when there is no such one).
    pub async fn of_course(
        db: &impl ConnectionTrait,
        id: i32,
    ) -> Result<Option<RequirementTerms>, AppError> {
        let Some(found) = course::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let profiles = course_profile::Entity::find()
            .filter(course_profile::Column::CourseId.eq(id))
            .all(db)
            .await?;
        Ok(Some(RequirementTerms {
            active: found.active,
            validity_months: found.validity_months,
            profiles: profiles.into_iter().map(|p| p.profile_id).collect(),
        }))
    }
}

/// After the catalogue changed a requirement from `before` (none for a new one) to `after`:
/// refreshes everyone whose profile required it or requires it, unless nothing they are
/// asked changed (a new name, say).
pub async fn requirement_changed(
    db: &impl ConnectionTrait,
    before: Option<RequirementTerms>,
    after: RequirementTerms,
) -> Result<(), AppError> {
    let before = before.unwrap_or_default();
    if before == after || (!before.active && !after.active) {
        return Ok(());
    }
    // The profiles' rows locked first: a profile given to someone meanwhile (which takes a
    // key-share lock on it) waits for this change, or this change waits for it and then
    // finds them among the profile's people.
    let profiles: Vec<i32> = before.profiles.union(&after.profiles).copied().collect();
    job_profile::Entity::find()
        .filter(job_profile::Column::Id.is_in(profiles.clone()))
        .order_by_asc(job_profile::Column::Id)
        .lock_exclusive()
        .all(db)
        .await?;
    refresh_profiles(db, profiles).await
}

/// Refreshes everyone (after data was loaded in bulk, or when a migration asks).
pub async fn refresh_all(db: &impl ConnectionTrait) -> Result<(), AppError> {
    let ids: Vec<EmployeeId> = employee::Entity::find()
        .select_only()
        .column(employee::Column::Id)
        .into_tuple::<i32>()
        .all(db)
        .await?
        .into_iter()
        .map(EmployeeId)
        .collect();
    refresh(db, &ids).await
}

/// A state's rank as the summaries store it (0 is the worst), and the SQL below reads it.
fn gap_rank(state: CellState) -> i16 {
    match state {
        CellState::Expired => 0,
        CellState::Missing => 1,
        CellState::Pending => 2,
        CellState::Expiring => 3,
        CellState::Ok => 4,
    }
}

/// Columns in the order pages show them: certifications, then courses, each by English name.
fn ordered(columns: impl IntoIterator<Item = RequirementColumn>) -> Vec<RequirementColumn> {
    let mut columns: Vec<RequirementColumn> = columns.into_iter().collect();
    columns.sort_by(|a, b| {
        let kind = |c: &RequirementColumn| matches!(c.requirement, Requirement::Course(_));
        (kind(a), &a.name_en).cmp(&(kind(b), &b.name_en))
    });
    columns
}

/// The people `query`'s filters keep: still with the company, with a job profile.
fn kept(query: &ComplianceQuery) -> SelectStatement {
    let mut select = Query::select();
    select
        .from(employee::Entity)
        .and_where(
            Expr::col((employee::Entity, employee::Column::Status))
                .ne(EmployeeStatus::Left.as_str()),
        )
        .and_where(Expr::col((employee::Entity, employee::Column::ProfileId)).is_not_null());
    if let Some(department) = &query.department {
        select.and_where(
            Expr::col((employee::Entity, employee::Column::Department)).eq(department.as_str()),
        );
    }
    if let Some(profile) = query.profile {
        select.and_where(Expr::col((employee::Entity, employee::Column::ProfileId)).eq(profile));
    }
    if let Some(manager) = query.manager {
        select.and_where(Expr::col((employee::Entity, employee::Column::ManagerId)).eq(manager.0));
    }
    select
}

/// The last day a held requirement is still ok rather than expiring, seen from `today`.
fn warned_from(today: NaiveDate) -> NaiveDate {
    let widest = EXPIRY_WARNINGS.iter().copied().max().unwrap_or(0);
    today + Days::new(u64::from(widest))
}

/// The SQL for a row's worst state on `today`, as a rank (`gap_rank`): the worse of its gap
/// and its first expiry's state (an expired one beats any gap; a gap beats expiring).
fn worst_rank(today: NaiveDate) -> Expr {
    let first_expiry = Expr::col((
        compliance_summary::Entity,
        compliance_summary::Column::FirstExpiry,
    ));
    let gap = Expr::col((compliance_summary::Entity, compliance_summary::Column::Gap));
    Expr::case(first_expiry.clone().lt(today), gap_rank(CellState::Expired))
        .case(gap.clone().is_not_null(), gap)
        .case(
            first_expiry.lte(warned_from(today)),
            gap_rank(CellState::Expiring),
        )
        .finally(gap_rank(CellState::Ok))
        .into()
}

/// The SQL for the date that orders rows equally bad: the first expiry when it makes the
/// row's worst state, else a day after any other.
fn worst_date(today: NaiveDate) -> Expr {
    let first_expiry = Expr::col((
        compliance_summary::Entity,
        compliance_summary::Column::FirstExpiry,
    ));
    let gap = Expr::col((compliance_summary::Entity, compliance_summary::Column::Gap));
    Expr::case(first_expiry.clone().lt(today), first_expiry.clone())
        .case(
            gap.is_null()
                .and(first_expiry.clone().lte(warned_from(today))),
            first_expiry,
        )
        .finally(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(today))
        .into()
}

/// The SQL condition on a compliance cell for being in `state` on `today`. Each is a range of
/// the index on (coverage, expiry), so that counting everyone's cells reads only the index.
fn cells_in(state: CellState, today: NaiveDate) -> Expr {
    let coverage = Expr::col((compliance_cell::Entity, compliance_cell::Column::Coverage));
    let expires = Expr::col((compliance_cell::Entity, compliance_cell::Column::ExpiresOn));
    let held = coverage.clone().eq(Coverage::Held.as_str());
    match state {
        CellState::Missing => coverage.eq(Coverage::Missing.as_str()),
        CellState::Pending => coverage.eq(Coverage::Pending.as_str()),
        CellState::Expired => held.and(expires.lt(today)),
        CellState::Expiring => held.and(expires.between(today, warned_from(today))),
        CellState::Ok => held.and(expires.clone().is_null().or(expires.gt(warned_from(today)))),
    }
}

/// A number from a result: a sum is a BIGINT on PostgreSQL, NULL over no rows.
fn number(found: &sea_orm::QueryResult, index: usize) -> Result<u64, AppError> {
    let value: Option<i64> = found.try_get_by_index::<Option<i64>>(index).or_else(|_| {
        found
            .try_get_by_index::<Option<i32>>(index)
            .map(|v| v.map(i64::from))
    })?;
    Ok(u64::try_from(value.unwrap_or(0)).unwrap_or(0))
}

/// Whether `query` narrows the matrix beyond everyone it covers.
fn is_filtered(query: &ComplianceQuery) -> bool {
    query.department.is_some() || query.profile.is_some() || query.manager.is_some()
}

/// The cells of the people `query` keeps, by state on `today`: one statement of a count per
/// state. Only the people the matrix covers have cells (`refresh`), so without a filter the
/// counts read the cells alone.
async fn counts(
    db: &impl ConnectionTrait,
    query: &ComplianceQuery,
    today: NaiveDate,
) -> Result<ComplianceCounts, AppError> {
    let mut select = Query::select();
    for state in CellState::ALL {
        let mut count = Query::select();
        count
            // COUNT(*), not of a column: the index on (coverage, expiry) answers it alone.
            .expr(Expr::col(Asterisk).count())
            .from(compliance_cell::Entity)
            .and_where(cells_in(state, today));
        if is_filtered(query) {
            let mut people = kept(query);
            people.column((employee::Entity, employee::Column::Id));
            count.and_where(
                Expr::col((compliance_cell::Entity, compliance_cell::Column::EmployeeId))
                    .in_subquery(people),
            );
        }
        select.expr(Expr::from(SubQueryStatement::SelectStatement(count)));
    }
    let mut counts = ComplianceCounts::default();
    if let Some(found) = db.query_one(&select).await? {
        for (index, state) in CellState::ALL.into_iter().enumerate() {
            counts.add(
                state,
                u32::try_from(number(&found, index)?).unwrap_or(u32::MAX),
            );
        }
    }
    Ok(counts)
}

/// Page `asked` of `total` rows, or the last page when it asks for one past the end.
fn page_within(asked: u64, total: u64) -> u64 {
    let pages = std::cmp::max(total.div_ceil(COMPLIANCE_ROWS_PER_PAGE), 1);
    std::cmp::min(asked, pages - 1)
}

/// One row of the page before its cells: (employee, name, department, profile).
type Person = (i32, String, String, i32);

/// The summaries of the people `query` keeps. Everyone the matrix covers has one
/// ([`refresh`]), so without a filter it is the summaries alone: ordering everyone reads one
/// narrow table instead of joining every employee to their account.
fn summaries_kept(query: &ComplianceQuery) -> SelectStatement {
    if !is_filtered(query) {
        let mut select = Query::select();
        select.from(compliance_summary::Entity);
        return select;
    }
    let mut select = kept(query);
    select.inner_join(
        compliance_summary::Entity,
        Expr::col((
            compliance_summary::Entity,
            compliance_summary::Column::EmployeeId,
        ))
        .equals((employee::Entity, employee::Column::Id)),
    );
    select
}

/// The page of people `query` asks for (all of them with `every`), in its order on `today`,
/// and how many there are in all: the order from the summaries, then the page's details.
async fn people(
    db: &impl ConnectionTrait,
    query: &ComplianceQuery,
    today: NaiveDate,
    every: bool,
) -> Result<(Vec<Person>, u64), AppError> {
    let summary = |column| (compliance_summary::Entity, column);
    let mut count = summaries_kept(query);
    count.expr(Expr::col(Asterisk).count());
    let total = match db.query_one(&count).await? {
        Some(found) => number(&found, 0)?,
        None => 0,
    };
    let mut select = summaries_kept(query);
    select
        .column(summary(compliance_summary::Column::EmployeeId))
        .column(summary(compliance_summary::Column::Name));
    if query.sort == ComplianceSort::Worst {
        select
            .order_by_expr(worst_rank(today), Order::Asc)
            .order_by_expr(worst_date(today), Order::Asc);
    }
    select
        .order_by(summary(compliance_summary::Column::Name), Order::Asc)
        .order_by(summary(compliance_summary::Column::EmployeeId), Order::Asc);
    if !every {
        select
            .limit(COMPLIANCE_ROWS_PER_PAGE)
            .offset(page_within(query.page, total).saturating_mul(COMPLIANCE_ROWS_PER_PAGE));
    }
    let mut order: Vec<(i32, String)> = Vec::new();
    for row in db.query_all(&select).await? {
        order.push((row.try_get_by_index(0)?, row.try_get_by_index(1)?));
    }
    let mut details: HashMap<i32, (String, Option<i32>)> = HashMap::new();
    let ids: Vec<i32> = order.iter().map(|(id, _)| *id).collect();
    for chunk in ids.chunks(500) {
        let found: Vec<(i32, String, Option<i32>)> = employee::Entity::find()
            .select_only()
            .column(employee::Column::Id)
            .column(employee::Column::Department)
            .column(employee::Column::ProfileId)
            .filter(employee::Column::Id.is_in(chunk.to_vec()))
            .into_tuple()
            .all(db)
            .await?;
        details.extend(
            found
                .into_iter()
                .map(|(id, department, profile)| (id, (department, profile))),
        );
    }
    let found = order
        .into_iter()
        .filter_map(|(id, name)| {
            let (department, profile) = details.remove(&id)?;
            Some((id, name, department, profile?))
        })
        .collect();
    Ok((found, total))
}

/// The stored cells of `ids`, by (employee, requirement).
async fn stored_cells(
    db: &impl ConnectionTrait,
    ids: &[i32],
) -> Result<HashMap<(i32, Requirement), CellFacts>, AppError> {
    let mut found = HashMap::new();
    for chunk in ids.chunks(500) {
        for cell in compliance_cell::Entity::find()
            .filter(compliance_cell::Column::EmployeeId.is_in(chunk.to_vec()))
            .all(db)
            .await?
        {
            let (Some(requirement), Some(coverage)) = (
                requirement_of(&cell.kind, cell.requirement_id),
                Coverage::parse(&cell.coverage),
            ) else {
                continue;
            };
            found.insert(
                (cell.employee_id, requirement),
                CellFacts {
                    coverage,
                    expires_on: cell.expires_on,
                    shown_on: cell.shown_on,
                    renewal_pending: cell.renewal_pending,
                },
            );
        }
    }
    Ok(found)
}

/// The rows of `query` (a page, or all of them with `every`) on `today`, with the columns
/// every kept profile requires, the profiles, and how many rows there are in all.
async fn rows(
    db: &impl ConnectionTrait,
    query: &ComplianceQuery,
    today: NaiveDate,
    every: bool,
) -> Result<
    (
        Vec<RequirementColumn>,
        Vec<ComplianceRow>,
        u64,
        Vec<job_profile::Model>,
    ),
    AppError,
> {
    // The profiles someone kept has: a probe per profile, not a pass over everyone.
    let mut holder = kept(query);
    holder.expr(Expr::val(1)).and_where(
        Expr::col((employee::Entity, employee::Column::ProfileId))
            .equals((job_profile::Entity, job_profile::Column::Id)),
    );
    let mut kept_profiles = Query::select();
    kept_profiles
        .column((job_profile::Entity, job_profile::Column::Id))
        .from(job_profile::Entity)
        .and_where(Expr::exists(holder));
    let mut profile_ids = BTreeSet::new();
    for row in db.query_all(&kept_profiles).await? {
        profile_ids.insert(row.try_get_by_index::<i32>(0)?);
    }
    let wanted = requirements(db, &profile_ids).await?;
    let columns = ordered(
        wanted
            .by_profile
            .values()
            .flatten()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .filter_map(|r| wanted.columns.get(r).cloned()),
    );
    let profiles = job_profile::Entity::find()
        .order_by_asc(job_profile::Column::TitleEn)
        .all(db)
        .await?;
    let titles: HashMap<i32, &job_profile::Model> = profiles.iter().map(|p| (p.id, p)).collect();
    let (people, total) = people(db, query, today, every).await?;
    let ids: Vec<i32> = people.iter().map(|(id, ..)| *id).collect();
    let found = stored_cells(db, &ids).await?;
    let rows = people
        .into_iter()
        .filter_map(|(id, name, department, profile)| {
            let profile = titles.get(&profile)?;
            let required = wanted.by_profile.get(&profile.id);
            Some(ComplianceRow {
                employee: EmployeeId(id),
                name,
                department,
                profile_it: profile.title_it.clone(),
                profile_en: profile.title_en.clone(),
                cells: columns
                    .iter()
                    .map(|c| {
                        if !required.is_some_and(|r| r.contains(&c.requirement)) {
                            return None;
                        }
                        Some(found.get(&(id, c.requirement))?.on(today))
                    })
                    .collect(),
            })
        })
        .collect();
    Ok((columns, rows, total, profiles))
}

/// A page of the matrix for HR on `today`: the staff still with the company who have a job
/// profile, filtered and ordered by `query`, with the counts over every page. A fixed number
/// of statements, however many people.
pub async fn matrix(
    db: &impl ConnectionTrait,
    query: &ComplianceQuery,
    today: NaiveDate,
) -> Result<ComplianceMatrix, AppError> {
    let (columns, rows, total_rows, profiles) = rows(db, query, today, false).await?;
    Ok(ComplianceMatrix {
        today,
        counts: counts(db, query, today).await?,
        columns,
        rows,
        page: page_within(query.page, total_rows),
        total_rows,
        departments: records::departments(db).await?,
        profiles: profiles
            .iter()
            .map(|p| (p.id, p.title_it.clone(), p.title_en.clone()))
            .collect(),
        managers: records::managers(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect(),
    })
}

/// Employee `id`'s requirements (those of job profile `profile`) and where each stands.
pub async fn of_person(
    db: &impl ConnectionTrait,
    id: EmployeeId,
    profile: Option<i32>,
    today: NaiveDate,
) -> Result<PersonCompliance, AppError> {
    let Some(profile) = profile else {
        return Ok(PersonCompliance { items: Vec::new() });
    };
    let wanted = requirements(db, &BTreeSet::from([profile])).await?;
    let found = cells(db, &[(id.0, profile)], &wanted, today).await?;
    let columns = ordered(wanted.columns.values().cloned());
    Ok(PersonCompliance {
        items: columns
            .into_iter()
            .filter_map(|c| {
                let cell = *found.get(&(id.0, c.requirement))?;
                Some((c, cell))
            })
            .collect(),
    })
}

/// What job profile `id` requires, certifications first, each by English name (404 for no
/// such profile).
pub async fn of_profile(
    db: &impl ConnectionTrait,
    id: crate::model::JobProfileId,
) -> Result<Vec<RequirementColumn>, AppError> {
    job_profile::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let wanted = requirements(db, &BTreeSet::from([id.0])).await?;
    Ok(ordered(wanted.columns.into_values()))
}

/// A cell as the CSV writes it: its state and date, "" where nothing is required.
fn cell_text(cell: Option<&Cell>) -> String {
    match cell {
        None => String::new(),
        Some(cell) => {
            let mut text = cell.state.as_str().to_owned();
            if let Some(date) = cell.date {
                text.push(' ');
                text.push_str(&date.to_string());
            }
            if cell.renewal_pending {
                text.push_str(" (renewal pending)");
            }
            text
        }
    }
}

/// The matrix as CSV, in English: a row per person (every page), a column per requirement,
/// and the worst state of each row.
pub async fn export_csv(
    db: &impl ConnectionTrait,
    query: &ComplianceQuery,
    today: NaiveDate,
) -> Result<String, AppError> {
    let (columns, rows, ..) = rows(db, query, today, true).await?;
    let mut header: Vec<&str> = vec!["employee_id", "employee", "department", "profile", "worst"];
    header.extend(columns.iter().map(|c| c.name_en.as_str()));
    let mut out = CsvOut::new(&header)?;
    for row in &rows {
        let mut fields = vec![
            row.employee.to_string(),
            row.name.clone(),
            row.department.clone(),
            row.profile_en.clone(),
            row.worst().as_str().to_owned(),
        ];
        fields.extend(row.cells.iter().map(|c| cell_text(c.as_ref())));
        out.row(fields.iter().map(String::as_str))?;
    }
    out.finish()
}
