//! Employee records: the list (HR), a record's page (the employee, their manager, HR), the
//! caller's own record, and HR's changes and invitations.

use leptos::prelude::*;
use server_fn::codec::Json;

#[allow(unused_imports)]
use crate::model::Permission;
use crate::model::{
    AppError, EmployeeChoices, EmployeeDetail, EmployeeFilter, EmployeeId, EmployeeInput,
    EmployeeRow, Page,
};

/// A page (from 0) of the employees matching `filter`.
#[server(endpoint = "list_employees", input = Json)]
pub async fn list_employees(
    filter: EmployeeFilter,
    page: u64,
) -> Result<Page<EmployeeRow>, AppError> {
    use crate::server::employees::directory;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageEmployees)?;
    directory::list(&Backend::current()?.db, &filter, page).await
}

/// The departments, locations, profiles and staff HR's forms offer.
#[server(endpoint = "list_employee_choices", input = Json)]
pub async fn list_employee_choices() -> Result<EmployeeChoices, AppError> {
    use crate::server::employees::records;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageEmployees)?;
    records::choices(&Backend::current()?.db, true).await
}

/// The departments, profiles and managers the employee list's filters offer.
#[server(endpoint = "employee_filter_choices", input = Json)]
pub async fn employee_filter_choices() -> Result<EmployeeChoices, AppError> {
    use crate::server::employees::records;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageEmployees)?;
    records::choices(&Backend::current()?.db, false).await
}

/// Employee `id`'s page, for HR, the employee and their manager.
#[server(endpoint = "get_employee", input = Json)]
pub async fn get_employee(id: EmployeeId) -> Result<EmployeeDetail, AppError> {
    use crate::server::employees::records;
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::OwnAccount)?;
    records::detail(&Backend::current()?.db, &me, id, chrono::Utc::now()).await
}

/// The caller's own record.
#[server(endpoint = "my_employee_record", input = Json)]
pub async fn my_employee_record() -> Result<EmployeeDetail, AppError> {
    use crate::server::employees::{access, records};
    use crate::server::{Backend, accounts::auth};
    let me = auth::authorize(Permission::OwnAccount)?;
    let db = &Backend::current()?.db;
    let own = access::own(db, &me).await?;
    records::detail(db, &me, EmployeeId(own.id), chrono::Utc::now()).await
}

/// HR change employee `id`'s record.
#[server(endpoint = "update_employee", input = Json)]
pub async fn update_employee(id: EmployeeId, input: EmployeeInput) -> Result<(), AppError> {
    use crate::server::employees::records;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageEmployees)?;
    let change = input.check()?;
    records::update(&Backend::current()?.db, id, change).await
}

/// HR send employee `id` a new welcome link (their account has no password yet).
#[server(endpoint = "invite_employee", input = Json)]
pub async fn invite_employee(id: EmployeeId) -> Result<(), AppError> {
    use crate::server::employees::records;
    use crate::server::{Backend, accounts::auth};
    auth::authorize(Permission::ManageEmployees)?;
    let backend = Backend::current()?;
    records::invite_again(&backend.db, id, &backend.public_url, chrono::Utc::now()).await
}
