//! The SQL of the candidate list, shaped to stay fast with many candidates: which candidates
//! match (search and application filters), how many (counted in the search index when
//! searching), and the ids of one page (through the indexes of each order, migration
//! m20261128_000009).

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query, SelectStatement};
use sea_orm::{
    ColumnTrait, DatabaseBackend, DbErr, EntityTrait, QueryFilter, QueryOrder, QueryResult,
    QuerySelect, QueryTrait, Select,
};

use crate::model::{CandidateFilter, CandidateSort, PageRequest, Total};
use crate::server::entities::{application, candidate, candidate_tag, job_profile, opening};
use crate::server::recruitment::search;

/// Counting stops after this many candidates when a filter reads applications or tags (the
/// list then says "more than 1000"): counting every candidate with an application to a front
/// office role would cost more than the page itself. Above this many matches, too, a page is
/// found by walking the index of the list's order and checking each candidate (which stops
/// after a page's worth when many match); at or below it, by looking each match up and sorting
/// them (cheaper when few do).
pub const COUNT_LIMIT: u64 = 1_000;

/// How the candidates query meets the set of matching ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// `id IN (matches)`, as the planner likes.
    Plain,
    /// SQLite: `+id IN (matches)`: the unary `+` hides the id, so the planner walks the order's
    /// index and checks each candidate against the matches, materialised once.
    Walk,
    /// PostgreSQL, searching: the matches read from the search index with the sort keys it
    /// keeps ([`search::in_order`]) and sorted there, keeping the page's worth: one bitmap scan
    /// and a top-N sort, without touching the candidates.
    Sorted,
    /// Walk the order's index and ask of each candidate whether they match ([`asked`]),
    /// without building the set of every candidate who does: when most candidates match and
    /// the page is near the start.
    Ask,
}

/// The ids of the candidates carrying `filter`'s tag, or `None` when it asks for none.
fn tagged(filter: &CandidateFilter) -> Option<SelectStatement> {
    filter.tag.as_ref().map(|tag| {
        Query::select()
            .column((candidate_tag::Entity, candidate_tag::Column::CandidateId))
            .from(candidate_tag::Entity)
            .and_where(
                Expr::col((candidate_tag::Entity, candidate_tag::Column::Tag)).eq(tag.as_str()),
            )
            .to_owned()
    })
}

/// How the applications' own columns are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Columns {
    /// As they are: the filters may use the applications' indexes.
    Indexed,
    /// SQLite, asking of one candidate: with a unary `+` that keeps the planner on the index
    /// by candidate (the filters' own indexes would read every application they match, for
    /// every candidate walked: a second a page for a source and a date).
    ByCandidate,
}

/// The applications `filter` asks for (opening, stage, source, area, sector, dates), joined to
/// their openings and job profiles, with nothing selected yet; `None` when it asks for none.
fn applications(filter: &CandidateFilter, columns: Columns) -> Option<SelectStatement> {
    if !asks_applications(filter) {
        return None;
    }
    let app = |c: application::Column| match columns {
        Columns::Indexed => Expr::col((application::Entity, c)),
        Columns::ByCandidate => Expr::cust(format!(
            r#"+"applications"."{}""#,
            sea_orm::IdenStatic::as_str(&c)
        )),
    };
    let mut sub = Query::select()
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
    Some(sub)
}

/// The ids of the candidates carrying `filter`'s tag and with an application as it asks, or
/// `None` when it asks neither.
fn applied(filter: &CandidateFilter) -> Option<SelectStatement> {
    let tagged = tagged(filter);
    let Some(mut sub) = applications(filter, Columns::Indexed) else {
        return tagged;
    };
    sub.column((application::Entity, application::Column::CandidateId));
    if let Some(tagged) = tagged {
        sub.and_where(
            Expr::col((application::Entity, application::Column::CandidateId)).in_subquery(tagged),
        );
    }
    Some(sub)
}

/// What `filter` asks, as a condition on the candidate at hand (`candidates.id`), or `None`
/// when it asks nothing: an `(EXISTS (…)) IS TRUE` for the applications and for the tag, which
/// both databases evaluate for that one candidate instead of building the set of every match
/// (on PostgreSQL with `OFFSET 0` inside, or it would hash them all); and, on PostgreSQL, the
/// search asked of the candidate's document (SQLite finds a search's matches in about 2 ms).
fn asked(backend: DatabaseBackend, filter: &CandidateFilter) -> Option<Expr> {
    let this_candidate = (candidate::Entity, candidate::Column::Id);
    let mut parts = Vec::new();
    let columns = match backend {
        DatabaseBackend::Sqlite => Columns::ByCandidate,
        _ => Columns::Indexed,
    };
    if let Some(mut sub) = applications(filter, columns) {
        sub.expr(Expr::val(1)).and_where(
            Expr::col((application::Entity, application::Column::CandidateId))
                .equals(this_candidate),
        );
        parts.push(sub);
    }
    if let Some(mut sub) = tagged(filter) {
        sub.and_where(
            Expr::col((candidate_tag::Entity, candidate_tag::Column::CandidateId))
                .equals(this_candidate),
        );
        parts.push(sub);
    }
    let mut conditions: Vec<Expr> = parts
        .into_iter()
        .map(|mut sub| {
            if backend == DatabaseBackend::Postgres {
                sub.offset(0);
            }
            is_true(backend, Expr::exists(sub))
        })
        .collect();
    if backend == DatabaseBackend::Postgres
        && let Some(document) = search::matches_candidate(&filter.q)
    {
        conditions.push(document);
    }
    conditions.into_iter().reduce(|all, part| all.and(part))
}

/// `(condition) IS TRUE`: the same truth, in a form neither planner rewrites into a join.
fn is_true(backend: DatabaseBackend, condition: Expr) -> Expr {
    let template = match backend {
        DatabaseBackend::Postgres => "($1) IS TRUE",
        _ => "(?) IS TRUE",
    };
    Expr::cust_with_expr(template, condition)
}

/// The ids the search and the application filters allow, or `None` when `filter` has neither.
fn matching(backend: DatabaseBackend, filter: &CandidateFilter) -> Option<SelectStatement> {
    let applied = applied(filter);
    match search::matching_ids(backend, &filter.q, applied.clone()) {
        Some(found) => Some(found),
        None => applied,
    }
}

/// The candidates the list shows (not anonymised) that match `filter`, reached as `reach`
/// says.
fn listed(
    backend: DatabaseBackend,
    filter: &CandidateFilter,
    reach: Reach,
) -> Select<candidate::Entity> {
    let query = candidate::Entity::find().filter(candidate::Column::AnonymisedAt.is_null());
    if reach == Reach::Ask
        && let Some(asked) = asked(backend, filter)
    {
        return query.filter(asked);
    }
    let Some(ids) = matching(backend, filter) else {
        return query;
    };
    match reach {
        // A sorted page is read from the search index instead (`page_ids`).
        Reach::Plain | Reach::Ask | Reach::Sorted => {
            query.filter(candidate::Column::Id.in_subquery(ids))
        }
        Reach::Walk => query.filter(Expr::cust(r#"+"candidates"."id""#).in_subquery(ids)),
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
    ordered(listed(backend, filter, Reach::Plain), filter.sort)
}

/// The column the count is read from.
pub const TOTAL: &str = "total";

/// How many candidates match `filter`, in column [`TOTAL`]. Exactly, from one index, when it
/// asks for no application or tag: every listed candidate (the order's index), or the matching
/// documents of a search (the search index holds only listed candidates, one document each).
/// Otherwise up to one more than [`COUNT_LIMIT`], stopping there.
pub fn count(backend: DatabaseBackend, filter: &CandidateFilter) -> SelectStatement {
    if let Some(first) = first_matches(backend, filter) {
        return Query::select()
            .expr_as(Expr::cust("COUNT(*)"), Alias::new(TOTAL))
            .from_subquery(first, Alias::new("counted"))
            .to_owned();
    }
    if let Some(count) = search::count_matches(backend, &filter.q, TOTAL) {
        return count;
    }
    listed(backend, filter, Reach::Plain)
        .select_only()
        .expr_as(Expr::cust("COUNT(*)"), TOTAL)
        .into_query()
}

/// The ids of the first listed candidates matching `filter`, one more than [`COUNT_LIMIT`] at
/// most, or `None` when it asks for no application or tag. Without a search they are found from
/// the applications (or tags), distinct, stopping at the limit: a few thousand index entries
/// when most candidates match, the few matches when few do.
fn first_matches(backend: DatabaseBackend, filter: &CandidateFilter) -> Option<SelectStatement> {
    let limit = COUNT_LIMIT + 1;
    let mut applied = applied(filter)?;
    if let Some(mut found) = search::matching_ids(backend, &filter.q, Some(applied.clone())) {
        // PostgreSQL finds the search's matches whole anyway (GIN), and with a limit it
        // planned the restriction to the applications row by row (4 times slower).
        if backend == DatabaseBackend::Sqlite {
            found.limit(limit);
        }
        return Some(found);
    }
    let candidate_id = if asks_applications(filter) {
        Expr::col((application::Entity, application::Column::CandidateId))
    } else {
        Expr::col((candidate_tag::Entity, candidate_tag::Column::CandidateId))
    };
    Some(
        applied
            .distinct()
            .and_where(candidate_id.not_in_subquery(anonymised()))
            .limit(limit)
            .to_owned(),
    )
}

/// The ids of the anonymised candidates: few, and indexed apart (migration
/// m20261129_000011), so "not one of them" is checked against a short list held in memory
/// rather than by looking up each candidate (or, as PostgreSQL would plan a join, reading
/// every candidate in the list's index).
fn anonymised() -> SelectStatement {
    Query::select()
        .column((candidate::Entity, candidate::Column::Id))
        .from(candidate::Entity)
        .and_where(Expr::col((candidate::Entity, candidate::Column::AnonymisedAt)).is_not_null())
        .to_owned()
}

/// Whether `filter` asks for an application (opening, stage, source, area, sector, dates).
fn asks_applications(filter: &CandidateFilter) -> bool {
    filter.opening.is_some()
        || filter.stage.is_some()
        || filter.source.is_some()
        || filter.area.is_some()
        || filter.sector.is_some()
        || filter.from.is_some()
        || filter.to.is_some()
}

/// Whether `filter` asks for an application or a tag (so it is counted up to the limit).
fn reads_applications(filter: &CandidateFilter) -> bool {
    asks_applications(filter) || filter.tag.is_some()
}

/// What [`count`] answered: how many candidates match, and on PostgreSQL when searching, about
/// how many documents the search index holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub total: Total,
    indexed: Option<u64>,
}

impl Counted {
    /// Reads [`count`]'s answer for `filter`.
    pub fn read(filter: &CandidateFilter, row: &QueryResult) -> Result<Self, DbErr> {
        let counted = u64::try_from(row.try_get::<i64>("", TOTAL)?).unwrap_or(0);
        let total = if reads_applications(filter) && counted > COUNT_LIMIT {
            Total::MoreThan(COUNT_LIMIT)
        } else {
            Total::Exactly(counted)
        };
        let indexed = row
            .try_get::<i64>("", search::INDEXED)
            .ok()
            .and_then(|n| u64::try_from(n).ok());
        Ok(Self { total, indexed })
    }
}

/// The most candidates a PostgreSQL search page walks, asking each of their documents (about
/// 10 microseconds each), before sorting every match instead (about a third of a microsecond a
/// match, 13 ms for 40,000).
const ASK_AT_MOST: u64 = 1_000;

/// How a page of `filter`, ending `end` candidates into the list, meets the matches.
fn reach(backend: DatabaseBackend, filter: &CandidateFilter, counted: Counted, end: u64) -> Reach {
    let searching = !search::tokens(&filter.q).is_empty();
    match counted.total {
        Total::Exactly(n) if n <= COUNT_LIMIT => Reach::Plain,
        _ if !searching => Reach::Ask,
        _ if backend == DatabaseBackend::Sqlite => Reach::Walk,
        Total::Exactly(n) if !reads_applications(filter) => {
            // The walk passes about `indexed / n` candidates for each match.
            match counted.indexed {
                Some(indexed)
                    if indexed > 0
                        && end.saturating_mul(indexed) / Ord::max(n, 1) <= ASK_AT_MOST =>
                {
                    Reach::Ask
                }
                _ => Reach::Sorted,
            }
        }
        _ => Reach::Sorted,
    }
}

/// The ids of page `page` (from 0) of `per_page` candidates matching `filter` (and one more,
/// as [`page_ids`]) when they do not depend on the count, so both can run at once; `None`
/// when they do. They do not:
/// - without a search or a filter: the page is the list's index read in order;
/// - on PostgreSQL, for a search page ending more than [`ASK_AT_MOST`] candidates in: walking
///   and asking would pass at least that many, so the page is sorted from the search index,
///   whatever the count (for a few matches, a sort of a few);
/// - on SQLite, for a search page starting [`COUNT_LIMIT`] or more candidates in: with more
///   matches than that the page is walked ([`reach`]), and with fewer it is past the end and
///   empty either way.
pub fn page_ids_ahead(
    backend: DatabaseBackend,
    filter: &CandidateFilter,
    page: PageRequest,
) -> Option<SelectStatement> {
    let (offset, per_page) = (page.offset(), page.size());
    let searching = !search::tokens(&filter.q).is_empty();
    let reach = match backend {
        _ if !searching && !reads_applications(filter) => Reach::Plain,
        DatabaseBackend::Postgres if searching && offset + per_page + 1 > ASK_AT_MOST => {
            Reach::Sorted
        }
        DatabaseBackend::Sqlite if searching && offset >= COUNT_LIMIT => Reach::Walk,
        _ => return None,
    };
    Some(
        reached(backend, filter, reach)
            .limit(per_page + 1)
            .offset(offset)
            .to_owned(),
    )
}

/// The ids of page `page` of the candidates matching `filter`, as counted, and one more when
/// there is one (to tell whether another page follows). Only ids, so PostgreSQL skips the rows
/// before the page in an index-only scan.
pub fn page_ids(
    backend: DatabaseBackend,
    filter: &CandidateFilter,
    counted: Counted,
    page: PageRequest,
) -> SelectStatement {
    let (offset, per_page) = (page.offset(), page.size());
    let reach = reach(backend, filter, counted, offset + per_page + 1);
    reached(backend, filter, reach)
        .limit(per_page + 1)
        .offset(offset)
        .to_owned()
}

/// The ids of every candidate matching `filter`, in the list's order, reached as `reach` says.
fn reached(backend: DatabaseBackend, filter: &CandidateFilter, reach: Reach) -> SelectStatement {
    match matching(backend, filter) {
        Some(found) if reach == Reach::Sorted => search::in_order(found, filter.sort),
        _ => ordered(listed(backend, filter, reach), filter.sort)
            .select_only()
            .column(candidate::Column::Id)
            .into_query(),
    }
}
