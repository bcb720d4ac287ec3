//! The demo data: accounts for every role and a pipeline with something at every stage, loaded
//! only into an empty database.

use app::model::{CandidateFilter, Stage};
use app::server::{candidates, demo, reports};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::helpers::TestApp;

#[tokio::test]
async fn the_demo_loads_candidates_at_every_stage_once() {
    let app = TestApp::spawn().await;
    assert!(demo::seed_if_empty(&app.db).await.unwrap());
    assert!(!demo::seed_if_empty(&app.db).await.unwrap(), "loaded twice");

    let list = candidates::list(&app.db, &CandidateFilter::default(), 0)
        .await
        .unwrap();
    assert_eq!(list.total, app::model::Total::Exactly(10));
    let stages: std::collections::BTreeSet<Stage> =
        list.items.iter().filter_map(|c| c.latest_stage).collect();
    assert_eq!(stages.len(), Stage::ALL.len(), "{stages:?}");
    let openings = app::server::entities::opening::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(openings, 3);
    let sources = reports::sources(&app.db, None).await.unwrap();
    assert!(
        sources
            .iter()
            .any(|s| s.source == "job_board" && s.detail == "InfoJobs")
    );
}
