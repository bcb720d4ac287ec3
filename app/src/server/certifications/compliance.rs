//! Compliance: each job profile's requirements (the certifications it requires and its
//! mandatory courses) and where each person stands against theirs on a day, as the matrix HR
//! filter and export, and as one person's list on their pages.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::model::{
    AppError, Cell, CertificateDates, ComplianceCounts, ComplianceMatrix, ComplianceQuery,
    ComplianceRow, ComplianceSort, EmployeeId, EmployeeStatus, PersonCompliance, RecordStatus,
    Requirement, RequirementColumn, Review, Verification,
};
use crate::server::csv_out::CsvOut;
use crate::server::employees::records;
use crate::server::entities::{
    certification, certification_profile, course, course_profile, course_record, employee,
    employee_certification, job_profile,
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

/// Each cell of `people` (employee id, profile) on `today`, by (employee, requirement).
pub(crate) async fn cells(
    db: &impl ConnectionTrait,
    people: &[(i32, i32)],
    wanted: &Requirements,
    today: NaiveDate,
) -> Result<HashMap<(i32, Requirement), Cell>, AppError> {
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
                *last = (*last).max(on);
            }
        }
    }
    let mut out = HashMap::new();
    for (employee, profile) in people {
        for requirement in wanted.by_profile.get(profile).into_iter().flatten() {
            let cell = match requirement {
                Requirement::Certification(kind) => Cell::certification(
                    certificates
                        .get(&(*employee, *kind))
                        .map_or(&[][..], Vec::as_slice),
                    today,
                ),
                Requirement::Course(course) => Cell::course(
                    completed.get(&(*employee, *course)).copied(),
                    wanted.course_validity.get(course).copied().flatten(),
                    today,
                ),
            };
            out.insert((*employee, *requirement), cell);
        }
    }
    Ok(out)
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

/// The matrix for HR on `today`: the staff still with the company who have a job profile,
/// filtered and ordered by `query`.
pub async fn matrix(
    db: &impl ConnectionTrait,
    query: &ComplianceQuery,
    today: NaiveDate,
) -> Result<ComplianceMatrix, AppError> {
    let mut staff = employee::Entity::find()
        .filter(employee::Column::Status.ne(EmployeeStatus::Left.as_str()))
        .filter(employee::Column::ProfileId.is_not_null());
    if let Some(department) = &query.department {
        staff = staff.filter(employee::Column::Department.eq(department.as_str()));
    }
    if let Some(profile) = query.profile {
        staff = staff.filter(employee::Column::ProfileId.eq(profile));
    }
    if let Some(manager) = query.manager {
        staff = staff.filter(employee::Column::ManagerId.eq(manager.0));
    }
    let staff = staff.all(db).await?;
    let people: Vec<(i32, i32)> = staff
        .iter()
        .filter_map(|e| Some((e.id, e.profile_id?)))
        .collect();
    let profile_ids: BTreeSet<i32> = people.iter().map(|(_, p)| *p).collect();
    let wanted = requirements(db, &profile_ids).await?;
    let found = cells(db, &people, &wanted, today).await?;
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
    let names = records::names(db, staff.iter().map(|e| e.id)).await?;
    let mut rows: Vec<ComplianceRow> = staff
        .iter()
        .filter_map(|e| {
            let profile = titles.get(&e.profile_id?)?;
            Some(ComplianceRow {
                employee: EmployeeId(e.id),
                name: names.get(&e.id).cloned().unwrap_or_default(),
                department: e.department.clone(),
                profile_it: profile.title_it.clone(),
                profile_en: profile.title_en.clone(),
                cells: columns
                    .iter()
                    .map(|c| found.get(&(e.id, c.requirement)).copied())
                    .collect(),
            })
        })
        .collect();
    match query.sort {
        ComplianceSort::Worst => rows.sort_by(|a, b| {
            let key = |r: &ComplianceRow| (r.worst(), r.soonest().unwrap_or(NaiveDate::MAX));
            key(a).cmp(&key(b)).then_with(|| a.name.cmp(&b.name))
        }),
        ComplianceSort::Name => rows.sort_by(|a, b| a.name.cmp(&b.name)),
    }
    let everyone = employee::Entity::find()
        .filter(employee::Column::Status.ne(EmployeeStatus::Left.as_str()))
        .all(db)
        .await?;
    let departments: BTreeSet<String> = everyone
        .iter()
        .map(|e| e.department.clone())
        .filter(|d| !d.is_empty())
        .collect();
    let manager_ids: BTreeSet<i32> = everyone.iter().filter_map(|e| e.manager_id).collect();
    let manager_names = records::names(db, manager_ids.iter().copied()).await?;
    let mut managers: Vec<(EmployeeId, String)> = manager_names
        .into_iter()
        .map(|(id, name)| (EmployeeId(id), name))
        .collect();
    managers.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(ComplianceMatrix {
        today,
        counts: ComplianceCounts::of(&rows),
        columns,
        rows,
        departments: departments.into_iter().collect(),
        profiles: profiles
            .iter()
            .map(|p| (p.id, p.title_it.clone(), p.title_en.clone()))
            .collect(),
        managers,
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

/// The matrix as CSV, in English: a row per person, a column per requirement, and the worst
/// state of each row.
pub async fn export_csv(
    db: &impl ConnectionTrait,
    query: &ComplianceQuery,
    today: NaiveDate,
) -> Result<String, AppError> {
    let found = matrix(db, query, today).await?;
    let mut header: Vec<&str> = vec!["employee_id", "employee", "department", "profile", "worst"];
    header.extend(found.columns.iter().map(|c| c.name_en.as_str()));
    let mut out = CsvOut::new(&header)?;
    for row in &found.rows {
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
