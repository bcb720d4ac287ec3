//! The employee list: search by name or email and filters (department, profile, manager,
//! status), paginated in SQL, by name; and the same list as CSV.

use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, JoinType, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, RelationTrait, Select,
};

use super::records;
use crate::model::{AppError, EMPLOYEES_PER_PAGE, EmployeeFilter, EmployeeRow, Page, PageRequest};
use crate::server::csv_out::CsvOut;
use crate::server::entities::{employee, user};

/// Most rows one CSV export holds.
pub const EXPORT_LIMIT: u64 = 100_000;

/// The employees matching `filter`, by name then account.
fn filtered(filter: &EmployeeFilter) -> Select<employee::Entity> {
    let mut query = employee::Entity::find()
        .join(JoinType::InnerJoin, employee::Relation::User.def())
        // By name, then account (one each): the order of the index on users' names.
        .order_by_asc(user::Column::Name)
        .order_by_asc(user::Column::Id);
    for word in filter.q.split_whitespace().take(8) {
        let pattern = format!("%{}%", word.to_lowercase().replace(['%', '_'], ""));
        query = query.filter(
            Condition::any()
                .add(
                    Expr::expr(Func::lower(Expr::col((user::Entity, user::Column::Name))))
                        .like(pattern.clone()),
                )
                .add(user::Column::Email.like(pattern)),
        );
    }
    if let Some(department) = &filter.department {
        query = query.filter(employee::Column::Department.eq(department.as_str()));
    }
    if let Some(profile) = filter.profile {
        query = query.filter(employee::Column::ProfileId.eq(profile.0));
    }
    if let Some(manager) = filter.manager {
        query = query.filter(employee::Column::ManagerId.eq(manager.0));
    }
    if let Some(status) = filter.status {
        query = query.filter(employee::Column::Status.eq(status.as_str()));
    }
    query
}

/// One page (from 0) of the employees matching `filter` (empty past the end).
pub async fn list(
    db: &impl ConnectionTrait,
    filter: &EmployeeFilter,
    page: u64,
) -> Result<Page<EmployeeRow>, AppError> {
    let page = PageRequest::new(page, EMPLOYEES_PER_PAGE)?;
    let paginator = filtered(filter).paginate(db, page.size());
    let total = paginator.num_items().await?;
    let found = paginator.fetch_page(page.number()).await?;
    Ok(Page::counted(
        records::rows(db, found).await?,
        page.number(),
        page.size(),
        total,
    ))
}

/// The employees matching `filter` as CSV (header row first), a thousand at a time.
pub async fn export_csv(
    db: &impl ConnectionTrait,
    filter: &EmployeeFilter,
) -> Result<String, AppError> {
    let mut out = CsvOut::new(&[
        "id",
        "name",
        "email",
        "profile",
        "department",
        "location",
        "manager",
        "start_date",
        "status",
    ])?;
    let mut pages = filtered(filter).paginate(db, 1000);
    let mut written = 0;
    while let Some(found) = pages.fetch_and_next().await? {
        for row in records::rows(db, found).await? {
            let fields = [
                row.id.to_string(),
                row.name,
                row.email,
                row.profile.map(|p| p.title_en).unwrap_or_default(),
                row.department,
                row.location,
                row.manager.map(|m| m.name).unwrap_or_default(),
                row.start_date.map(|d| d.to_string()).unwrap_or_default(),
                row.status.as_str().to_owned(),
            ];
            out.row(fields.iter().map(String::as_str))?;
            written += 1;
        }
        if written >= EXPORT_LIMIT {
            break;
        }
    }
    out.finish()
}
