//! The SQL of the candidate list, shaped to stay fast with many candidates: which candidates
//! match (search and application filters), how many (counted in the search index when
//! searching), and the ids of one page (through the indexes of each order, migration
//! m20261128_000009).

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, DatabaseBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
    Select,
};

use super::super::entities::{application, candidate, candidate_tag, job_profile, opening};
use super::super::search;
use crate::model::{CandidateFilter, CandidateSort};

/// Above this many matches, a page is found by walking the index of the list's order and
/// checking each candidate against the matches (which stops after a page's worth when many
/// match); at or below it, by looking each match up and sorting them (cheaper when few do).
pub const WALK_ORDER_ABOVE: u64 = 2_000;

/// How the candidates query meets the set of matching ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// `id IN (matches)`, as the planner likes.
    Plain,
    /// SQLite: `+id IN (matches)`: the unary `+` hides the id, so the planner walks the order's
    /// index and checks each candidate against the matches, materialised once.
    Walk,
    /// PostgreSQL: `(id IN (matches)) IS TRUE`: kept a subplan rather than a join, the
    /// matches are found once into a hash table and the planner walks the order's index,
    /// checking each candidate there, stopping after the page. As a join, it would either
    /// re-read each candidate's whole document while walking (hundreds of milliseconds for a
    /// common word on a deep page) or sort every match.
    Hashed,
}

/// The ids of the candidates carrying `filter`'s tag and with an application as it asks
/// (opening, stage, source, area, sector, dates), or `None` when it asks neither.
fn applied(filter: &CandidateFilter) -> Option<SelectStatement> {
    let tagged = filter.tag.as_ref().map(|tag| {
        Query::select()
            .column(candidate_tag::Column::CandidateId)
            .from(candidate_tag::Entity)
            .and_where(Expr::col(candidate_tag::Column::Tag).eq(tag.as_str()))
            .to_owned()
    });
    let by_application = filter.opening.is_some()
        || filter.stage.is_some()
        || filter.source.is_some()
        || filter.area.is_some()
        || filter.sector.is_some()
        || filter.from.is_some()
        || filter.to.is_some();
    if !by_application {
        return tagged;
    }
    let app = |c: application::Column| Expr::col((application::Entity, c));
    let mut sub = Query::select()
        .column((application::Entity, application::Column::CandidateId))
        .from(application::Entity)
        .inner_join(
            opening::Entity,
            Expr::col((opening::Entity, opening::Column::Id))
                .equals((application::Entity, application::Column::OpeningId)),
        )
        .inner_join(
            job_profile::Entity,
            Expr::col((job_profile::Entity, job_profile::Column::Id))
                .equals((opening::Entity, opening::Column::ProfileId)),
        )
        .to_owned();
    if let Some(opening) = filter.opening {
        sub.and_where(app(application::Column::OpeningId).eq(opening.0));
    }
    if let Some(stage) = filter.stage {
        sub.and_where(app(application::Column::Stage).eq(stage.as_str()));
    }
    if let Some(source) = &filter.source {
        sub.and_where(app(application::Column::Source).eq(source.as_str()));
    }
    if let Some(area) = filter.area {
        sub.and_where(
            Expr::col((job_profile::Entity, job_profile::Column::Area)).eq(area.as_str()),
        );
    }
    if let Some(sector) = filter.sector {
        sub.and_where(
            Expr::col((job_profile::Entity, job_profile::Column::Sector)).eq(sector.as_str()),
        );
    }
    if let Some(from) = filter.from.and_then(|d| d.and_hms_opt(0, 0, 0)) {
        sub.and_where(app(application::Column::CreatedAt).gte(from.and_utc()));
    }
    if let Some(to) = filter
        .to
        .and_then(|d| d.succ_opt())
        .and_then(|d| d.and_hms_opt(0, 0, 0))
    {
        sub.and_where(app(application::Column::CreatedAt).lt(to.and_utc()));
    }
    if let Some(tagged) = tagged {
        sub.and_where(app(application::Column::CandidateId).in_subquery(tagged));
    }
    Some(sub)
}

/// The ids the search and the application filters allow, or `None` when `filter` has neither.
fn matching(backend: DatabaseBackend, filter: &CandidateFilter) -> Option<SelectStatement> {
    let applied = applied(filter);
    match search::matching_ids(backend, &filter.q, applied.clone()) {
        Some(found) => Some(found),
        None => applied,
    }
}

/// The candidates the list shows (not anonymised), among `ids` if given, reached as `reach`
/// says.
fn listed(ids: Option<SelectStatement>, reach: Reach) -> Select<candidate::Entity> {
    let query = candidate::Entity::find().filter(candidate::Column::AnonymisedAt.is_null());
    let Some(ids) = ids else {
        return query;
    };
    match reach {
        Reach::Plain => query.filter(candidate::Column::Id.in_subquery(ids)),
        Reach::Walk => query.filter(Expr::cust(r#"+"candidates"."id""#).in_subquery(ids)),
        Reach::Hashed => query.filter(Expr::cust_with_expr(
            "($1) IS TRUE",
            candidate::Column::Id.in_subquery(ids),
        )),
    }
}

/// `query` in the order `sort` asks, ties broken by id.
pub fn ordered(query: Select<candidate::Entity>, sort: CandidateSort) -> Select<candidate::Entity> {
    match sort {
        CandidateSort::Newest => query
            .order_by_desc(candidate::Column::UpdatedAt)
            .order_by_desc(candidate::Column::Id),
        CandidateSort::Oldest => query
            .order_by_asc(candidate::Column::CreatedAt)
            .order_by_asc(candidate::Column::Id),
        CandidateSort::Name => query
            .order_by_asc(candidate::Column::Name)
            .order_by_asc(candidate::Column::Id),
    }
}

/// The candidates matching `filter`, ordered as it asks.
pub fn filtered(backend: DatabaseBackend, filter: &CandidateFilter) -> Select<candidate::Entity> {
    ordered(listed(matching(backend, filter), Reach::Plain), filter.sort)
}

/// The column the count is read from.
pub const TOTAL: &str = "total";

/// How many candidates match `filter`: when searching, the matching documents (the index
/// holds only listed candidates, one document each); otherwise the listed candidates with the
/// applications asked for.
pub fn count(backend: DatabaseBackend, filter: &CandidateFilter) -> SelectStatement {
    let applied = applied(filter);
    if applied.is_none()
        && let Some(count) = search::count_matches(backend, &filter.q, TOTAL)
    {
        return count;
    }
    match search::matching_ids(backend, &filter.q, applied.clone()) {
        Some(found) => Query::select()
            .expr_as(Expr::cust("COUNT(*)"), Alias::new(TOTAL))
            .from_subquery(found, Alias::new("found_ids"))
            .to_owned(),
        None => listed(applied, Reach::Plain)
            .select_only()
            .expr_as(Expr::cust("COUNT(*)"), TOTAL)
            .into_query(),
    }
}

/// The ids of page `page` (from 0) of `per_page` candidates matching `filter`, of `total`.
/// Only ids, so PostgreSQL skips the rows before the page in an index-only scan.
pub fn page_ids(
    backend: DatabaseBackend,
    filter: &CandidateFilter,
    total: u64,
    page: u64,
    per_page: u64,
) -> SelectStatement {
    let reach = match backend {
        _ if total <= WALK_ORDER_ABOVE => Reach::Plain,
        DatabaseBackend::Sqlite => Reach::Walk,
        _ => Reach::Hashed,
    };
    ordered(listed(matching(backend, filter), reach), filter.sort)
        .select_only()
        .column(candidate::Column::Id)
        .limit(per_page)
        .offset(page.saturating_mul(per_page))
        .into_query()
}
