//! Recruitment figures: applications per source, and an opening's funnel (how many reached
//! each stage, the conversion from the stage before, the median days spent in it).

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::openings;
use crate::model::{
    AppError, FUNNEL_STAGES, Funnel, FunnelStep, OpeningId, SourceCount, Stage, median,
};
use crate::server::entities::{application, stage_event};

/// Applications per source and detail (all openings, or one), with how many were hired.
pub async fn sources(
    db: &DatabaseConnection,
    opening: Option<OpeningId>,
) -> Result<Vec<SourceCount>, AppError> {
    let mut query = application::Entity::find()
        .select_only()
        .column(application::Column::Source)
        .column(application::Column::SourceDetail)
        .column_as(Expr::col(application::Column::Id).count(), "applications")
        .column_as(
            Expr::expr(Func::sum(
                Expr::case(Expr::col(application::Column::Stage).eq("hired"), 1).finally(0),
            )),
            "hired",
        )
        .group_by(application::Column::Source)
        .group_by(application::Column::SourceDetail);
    if let Some(opening) = opening {
        query = query.filter(application::Column::OpeningId.eq(opening.0));
    }
    let mut rows: Vec<SourceCount> = query
        .into_tuple::<(String, Option<String>, i64, Option<i64>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(source, detail, applications, hired)| SourceCount {
            source,
            detail: detail.unwrap_or_default(),
            applications: applications as u32,
            hired: hired.unwrap_or(0) as u32,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.applications
            .cmp(&a.applications)
            .then_with(|| a.source.cmp(&b.source))
            .then_with(|| a.detail.cmp(&b.detail))
    });
    Ok(rows)
}

/// The funnel of one opening.
pub async fn funnel(db: &DatabaseConnection, id: OpeningId) -> Result<Funnel, AppError> {
    let opening = openings::heading(db, id).await?;
    let applications = application::Entity::find()
        .filter(application::Column::OpeningId.eq(id.0))
        .all(db)
        .await?;
    let events = stage_event::Entity::find()
        .filter(stage_event::Column::ApplicationId.is_in(applications.iter().map(|a| a.id)))
        .order_by_asc(stage_event::Column::At)
        .order_by_asc(stage_event::Column::Id)
        .all(db)
        .await?;
    let mut history: HashMap<i32, Vec<&stage_event::Model>> = HashMap::new();
    for event in &events {
        history.entry(event.application_id).or_default().push(event);
    }

    let position = |stage: Stage| FUNNEL_STAGES.iter().position(|s| *s == stage);
    let mut reached = [0u32; FUNNEL_STAGES.len()];
    let mut days: Vec<Vec<f64>> = vec![Vec::new(); FUNNEL_STAGES.len()];
    let (mut rejected, mut withdrawn) = (0, 0);
    let now = Utc::now();
    for app in &applications {
        let current = Stage::parse(&app.stage).unwrap_or(Stage::Applied);
        match current {
            Stage::Rejected => rejected += 1,
            Stage::Withdrawn => withdrawn += 1,
            _ => {}
        }
        let moves = history.get(&app.id).map(Vec::as_slice).unwrap_or_default();
        let furthest = moves
            .iter()
            .filter_map(|e| Stage::parse(&e.to_stage).and_then(position))
            .chain(position(current))
            .max()
            .unwrap_or(0);
        for count in reached.iter_mut().take(furthest + 1) {
            *count += 1;
        }
        for (i, event) in moves.iter().enumerate() {
            let Some(at) = Stage::parse(&event.to_stage).and_then(position) else {
                continue;
            };
            let left = moves.get(i + 1).map_or(now, |next| next.at);
            days[at].push(std::cmp::max((left - event.at).num_seconds(), 0) as f64 / 86_400.0);
        }
    }
    let steps = FUNNEL_STAGES
        .iter()
        .enumerate()
        .map(|(i, stage)| FunnelStep {
            stage: *stage,
            reached: reached[i],
            conversion_pct: (i > 0 && reached[i - 1] > 0)
                .then(|| f64::from(reached[i]) * 100.0 / f64::from(reached[i - 1])),
            median_days: median(&mut days[i]),
        })
        .collect();
    Ok(Funnel {
        opening_id: id,
        title_it: opening.title_it,
        title_en: opening.title_en,
        location: opening.location,
        steps,
        rejected,
        withdrawn,
    })
}
