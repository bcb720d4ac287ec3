//! The database schema of Percorso, one migration per change, run on every start.

pub use sea_orm_migration::prelude::*;

pub mod certification_data;
pub mod course_data;
pub mod framework_data;
mod m20261127_000001_accounts;
mod m20261127_000002_framework;
mod m20261127_000003_load_framework;
mod m20261128_000004_recruitment;
mod m20261128_000005_audit;
mod m20261128_000006_candidate_search;
mod m20261128_000007_candidate_care;
mod m20261128_000009_list_indexes;
mod m20261129_000010_job_runs;
mod m20261129_000011_filter_indexes;
mod m20261129_000012_mail_delivery;
mod m20261129_000013_interviews;
mod m20261129_000014_search_sort_keys;
mod m20261129_000015_worklist;
mod m20261129_000016_practical_tests;
mod m20261129_000017_online_tests;
mod m20261206_000018_practical_materials;
mod m20261206_000019_courses;
mod m20261207_000020_employees;
mod m20261207_000021_course_records;
mod m20261207_000022_certifications;
mod m20261207_000023_reminders;
mod m20261207_000024_candidate_certifications;
mod m20261207_000025_lists_at_scale;
mod m20261207_000026_compliance_cells;
mod m20261207_000027_assessment_scores;
mod m20261207_000028_compliance_order;
mod m20261208_000029_password_resets;
mod m20261209_000030_two_factor;
pub mod online_test_data;
pub mod practical_material_data;
pub mod practical_test_data;
pub mod question_data;
mod seeding;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261127_000001_accounts::Migration),
            Box::new(m20261127_000002_framework::Migration),
            Box::new(m20261127_000003_load_framework::Migration),
            Box::new(m20261128_000004_recruitment::Migration),
            Box::new(m20261128_000005_audit::Migration),
            Box::new(m20261128_000006_candidate_search::Migration),
            Box::new(m20261128_000007_candidate_care::Migration),
            Box::new(m20261128_000009_list_indexes::Migration),
            Box::new(m20261129_000010_job_runs::Migration),
            Box::new(m20261129_000011_filter_indexes::Migration),
            Box::new(m20261129_000012_mail_delivery::Migration),
            Box::new(m20261129_000013_interviews::Migration),
            Box::new(m20261129_000014_search_sort_keys::Migration),
            Box::new(m20261129_000015_worklist::Migration),
            Box::new(m20261129_000016_practical_tests::Migration),
            Box::new(m20261129_000017_online_tests::Migration),
            Box::new(m20261206_000018_practical_materials::Migration),
            Box::new(m20261206_000019_courses::Migration),
            Box::new(m20261207_000020_employees::Migration),
            Box::new(m20261207_000021_course_records::Migration),
            Box::new(m20261207_000022_certifications::Migration),
            Box::new(m20261207_000023_reminders::Migration),
            Box::new(m20261207_000024_candidate_certifications::Migration),
            Box::new(m20261207_000025_lists_at_scale::Migration),
            Box::new(m20261207_000026_compliance_cells::Migration),
            Box::new(m20261207_000027_assessment_scores::Migration),
            Box::new(m20261207_000028_compliance_order::Migration),
            Box::new(m20261208_000029_password_resets::Migration),
            Box::new(m20261209_000030_two_factor::Migration),
        ]
    }
}
