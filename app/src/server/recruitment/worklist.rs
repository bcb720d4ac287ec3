//! HR's worklist on the home page: the applications that arrived since they last cleared it,
//! the ones waiting too long in a stage of an opening still recruiting, and the CVs in their
//! intake tray.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, JoinType, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Select, Set,
};

use crate::model::{
    AppError, CandidateId, NEW_APPLICATION_DAYS, OpeningId, OpeningStatus, Stage, WAITING_DAYS,
    WORKLIST_ROWS, WorkItem, Worklist,
};
use crate::server::accounts::auth::CurrentUser;
use crate::server::entities::{application, candidate, intake_upload, opening, user};
use crate::server::recruitment::openings;

/// Applications of people who have not been anonymised.
fn of_people() -> Select<application::Entity> {
    application::Entity::find()
        .inner_join(candidate::Entity)
        .filter(candidate::Column::AnonymisedAt.is_null())
}

/// The worklist of `me`.
pub async fn for_user(db: &DatabaseConnection, me: &CurrentUser) -> Result<Worklist, AppError> {
    let now = Utc::now();
    let seen_at = user::Entity::find_by_id(me.id.0)
        .one(db)
        .await?
        .and_then(|u| u.worklist_seen_at);
    let since = seen_at.unwrap_or(now - Duration::days(NEW_APPLICATION_DAYS));
    let fresh = of_people().filter(application::Column::CreatedAt.gt(since));
    let new_total = fresh.clone().count(db).await?;
    let new_rows = fresh
        .select_also(candidate::Entity)
        .order_by_desc(application::Column::CreatedAt)
        .order_by_desc(application::Column::Id)
        .limit(WORKLIST_ROWS)
        .all(db)
        .await?;
    // In progress, on an opening still recruiting: a paused or closed one waits on purpose.
    let on_opening = application::Entity::belongs_to(opening::Entity)
        .from(application::Column::OpeningId)
        .to(opening::Column::Id)
        .into();
    let stale = of_people()
        .join(JoinType::InnerJoin, on_opening)
        .filter(opening::Column::Status.eq(OpeningStatus::Open.as_str()))
        .filter(application::Column::Stage.is_in(Stage::in_progress().map(Stage::as_str)))
        .filter(application::Column::StageChangedAt.lt(now - Duration::days(WAITING_DAYS)));
    let waiting_total = stale.clone().count(db).await?;
    let waiting_rows = stale
        .select_also(candidate::Entity)
        .order_by_asc(application::Column::StageChangedAt)
        .order_by_asc(application::Column::Id)
        .limit(WORKLIST_ROWS)
        .all(db)
        .await?;
    let uploads = intake_upload::Entity::find()
        .filter(intake_upload::Column::UploaderId.eq(me.id.0))
        .count(db)
        .await?;
    let ids = new_rows
        .iter()
        .chain(&waiting_rows)
        .map(|(a, _)| a.opening_id)
        .collect();
    let titles = openings::titles(db, ids).await?;
    let item = |(a, c): (application::Model, Option<candidate::Model>), since: DateTime<Utc>| {
        let c = c?;
        let (title_it, title_en) = titles.get(&a.opening_id).cloned().unwrap_or_default();
        Some(WorkItem {
            candidate_id: CandidateId(c.id),
            name: c.name,
            opening_id: OpeningId(a.opening_id),
            title_it,
            title_en,
            stage: Stage::parse(&a.stage).unwrap_or(Stage::Applied),
            days: (now - since).num_days(),
            since,
        })
    };
    Ok(Worklist {
        seen_at,
        new_applications: new_rows
            .into_iter()
            .filter_map(|row| {
                let since = row.0.created_at;
                item(row, since)
            })
            .collect(),
        new_total,
        waiting: waiting_rows
            .into_iter()
            .filter_map(|row| {
                let since = row.0.stage_changed_at;
                item(row, since)
            })
            .collect(),
        waiting_total,
        uploads,
    })
}

/// Marks the applications received until `until` as seen by `me`: the newest one their
/// worklist showed, so that one arriving while they read it stays new. A time in the future
/// counts as now.
pub async fn mark_seen(
    db: &DatabaseConnection,
    me: &CurrentUser,
    until: DateTime<Utc>,
) -> Result<(), AppError> {
    user::ActiveModel {
        id: Set(me.id.0),
        worklist_seen_at: Set(Some(until.min(Utc::now()))),
        ..Default::default()
    }
    .update(db)
    .await?;
    Ok(())
}
