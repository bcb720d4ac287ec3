//! sea-orm entities: one module a table, mirroring the `migration` crate.

pub mod user {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "users")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub email: String,
        pub name: String,
        pub role: String,
        pub password_hash: String,
        pub language: Option<String>,
        /// The IANA time zone times are shown in.
        pub time_zone: String,
        pub active: bool,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        /// When they last marked their worklist's new applications as seen.
        pub worklist_seen_at: Option<DateTimeUtc>,
        /// Whether reminders also come by email (in the app they always do).
        pub email_reminders: bool,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod session {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "sessions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub token_hash: String,
        pub user_id: i32,
        pub created_at: DateTimeUtc,
        pub last_seen_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(
            belongs_to = "super::user::Entity",
            from = "Column::UserId",
            to = "super::user::Column::Id"
        )]
        User,
    }

    impl Related<super::user::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::User.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod login_attempt {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "login_attempts")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub email: String,
        pub ip: String,
        pub attempted_at: DateTimeUtc,
        /// The known device (of the account named by `email`) the attempt came from, if any.
        pub device_id: Option<i32>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod competency {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "competencies")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub code: String,
        pub area: String,
        pub name_it: String,
        pub name_en: String,
        pub description_it: String,
        pub description_en: String,
        pub retired_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod competency_level {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "competency_levels")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub competency_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub level: i16,
        pub description_it: String,
        pub description_en: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod job_profile {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "job_profiles")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub code: String,
        pub title_it: String,
        pub title_en: String,
        pub area: String,
        pub sector: String,
        pub description_it: String,
        pub description_en: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        /// The training hours a year someone in this profile is expected to do.
        pub yearly_training_hours: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod profile_requirement {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "profile_requirements")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub profile_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub competency_id: i32,
        pub required_level: i16,
        pub weight: i16,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod opening {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "openings")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub profile_id: i32,
        pub location: String,
        pub positions: i32,
        pub status: String,
        pub published: bool,
        pub hr_owner_id: i32,
        pub description_it: String,
        pub description_en: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod opening_interviewer {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "opening_interviewers")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub opening_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub user_id: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod candidate {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "candidates")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub email: Option<String>,
        pub email_key: Option<String>,
        pub phone: Option<String>,
        pub phone_key: Option<String>,
        pub education: String,
        pub experience: String,
        pub talent_pool: bool,
        pub consent_at: Option<DateTimeUtc>,
        pub consent_notice_version: Option<i32>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
        pub anonymised_at: Option<DateTimeUtc>,
        /// The language the candidate applied in, for what is written to them.
        pub lang: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod application {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "applications")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub candidate_id: i32,
        pub opening_id: i32,
        pub stage: String,
        pub stage_reason: Option<String>,
        pub source: String,
        pub source_detail: Option<String>,
        pub cover_letter: String,
        pub stage_changed_at: DateTimeUtc,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(
            belongs_to = "super::candidate::Entity",
            from = "Column::CandidateId",
            to = "super::candidate::Column::Id"
        )]
        Candidate,
    }

    impl Related<super::candidate::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::Candidate.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod stage_event {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "stage_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub application_id: i32,
        pub from_stage: Option<String>,
        pub to_stage: String,
        pub reason: Option<String>,
        pub actor_id: Option<i32>,
        pub at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod candidate_file {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "candidate_files")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub candidate_id: i32,
        pub application_id: Option<i32>,
        pub kind: String,
        pub original_name: String,
        pub stored_name: String,
        pub content_type: String,
        pub size_bytes: i64,
        pub sha256: String,
        pub text: Option<String>,
        pub text_extracted: bool,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod privacy_notice {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "privacy_notices")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub version: i32,
        pub text_it: String,
        pub text_en: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod outbox {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "outbox")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub to_address: String,
        pub subject: String,
        pub body: String,
        pub created_at: DateTimeUtc,
        pub sent_at: Option<DateTimeUtc>,
        pub attempts: i32,
        /// The recipient's language, `it` or `en`.
        pub lang: String,
        /// Absent on messages queued before the outbox kept one: made from `body` then.
        pub html_body: Option<String>,
        pub attachment_name: Option<String>,
        pub attachment_type: Option<String>,
        pub attachment: Option<String>,
        /// Not to be tried before this time (after a failed try).
        pub next_attempt_at: Option<DateTimeUtc>,
        /// The sender holding the message, and until when.
        pub claimed_by: Option<String>,
        pub claimed_until: Option<DateTimeUtc>,
        pub last_error: Option<String>,
        /// Set when the sender gave up on the message.
        pub failed_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod rate_event {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "rate_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub bucket: String,
        pub key: String,
        pub at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod audit_event {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "audit_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub actor_id: Option<i32>,
        pub action: String,
        pub subject_type: String,
        pub subject_id: i32,
        pub at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod candidate_note {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "candidate_notes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub candidate_id: i32,
        pub author_id: Option<i32>,
        pub body: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod candidate_tag {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "candidate_tags")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub candidate_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub tag: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod intake_upload {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "intake_uploads")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub uploader_id: i32,
        pub original_name: String,
        pub stored_name: String,
        pub content_type: String,
        pub size_bytes: i64,
        pub sha256: String,
        pub text: Option<String>,
        pub text_extracted: bool,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod retention_setting {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "retention_settings")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub id: i32,
        pub months_without_consent: i32,
        pub months_with_consent: i32,
        pub updated_at: DateTimeUtc,
        pub updated_by: Option<i32>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod retention_run {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "retention_runs")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub at: DateTimeUtc,
        pub actor_id: Option<i32>,
        pub anonymised: i32,
        pub files_deleted: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod job_run {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "job_runs")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub job: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub day: Date,
        pub claimed_by: String,
        pub claimed_at: DateTimeUtc,
        pub finished_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod interview {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "interviews")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub application_id: i32,
        pub kind: String,
        pub starts_at: DateTimeUtc,
        pub ends_at: DateTimeUtc,
        /// The IANA time zone it was scheduled in.
        pub time_zone: String,
        pub location: String,
        pub video_link: String,
        pub status: String,
        /// The calendar event's UID, the same across every change.
        #[sea_orm(unique)]
        pub uid: String,
        /// The calendar event's SEQUENCE, raised on every change.
        pub sequence: i32,
        pub created_by: i32,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod interview_interviewer {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "interview_interviewers")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub interview_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub user_id: i32,
        /// Nothing left for them to do: their scorecard submitted, or the interview cancelled.
        pub done: bool,
        /// The interview's start, copied for the agenda's order.
        pub starts_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod interview_event {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "interview_events")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub interview_id: i32,
        /// `scheduled`, `rescheduled` or `cancelled`.
        pub change: String,
        pub reason: Option<String>,
        /// The times after the change.
        pub starts_at: DateTimeUtc,
        pub ends_at: DateTimeUtc,
        pub actor_id: Option<i32>,
        pub at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod scorecard {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "scorecards")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub interview_id: i32,
        pub interviewer_id: i32,
        pub recommendation: Option<String>,
        pub summary: String,
        pub submitted_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod scorecard_rating {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "scorecard_ratings")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub scorecard_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub competency_id: i32,
        pub rating: Option<i16>,
        pub evidence: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod scorecard_amendment {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "scorecard_amendments")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub scorecard_id: i32,
        pub actor_id: i32,
        pub reason: String,
        /// The scorecard before the amendment, as JSON.
        pub original: String,
        pub at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod profile_question {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "profile_questions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub profile_id: i32,
        pub competency_id: i32,
        pub position: i32,
        pub text_it: String,
        pub text_en: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod practical_template {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practical_templates")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub title_it: String,
        pub title_en: String,
        pub instructions_it: String,
        pub instructions_en: String,
        pub time_limit_minutes: i32,
        pub pass_mark: i32,
        /// Offered when assigning; retired templates stay for the tests already given.
        pub active: bool,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod practical_template_profile {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practical_template_profiles")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub template_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub profile_id: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod practical_template_criterion {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practical_template_criteria")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub template_id: i32,
        pub position: i32,
        pub competency_id: i32,
        pub max_points: i32,
        pub description_it: String,
        pub description_en: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod practical_test {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practical_tests")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub application_id: i32,
        pub template_id: i32,
        pub grader_id: i32,
        /// The template's texts and marks as they were when the test was assigned.
        pub title_it: String,
        pub title_en: String,
        pub instructions_it: String,
        pub instructions_en: String,
        pub time_limit_minutes: i32,
        pub pass_mark: i32,
        pub due_on: Date,
        /// `assigned` or `graded`.
        pub status: String,
        /// The grader's overall notes.
        pub notes: String,
        pub passed: Option<bool>,
        pub assigned_by: i32,
        pub assigned_at: DateTimeUtc,
        pub graded_at: Option<DateTimeUtc>,
        pub updated_at: DateTimeUtc,
        /// When the grader started it; the candidate's link works from then to the time limit.
        pub started_at: Option<DateTimeUtc>,
        /// SHA-256 of the candidate's private link to the materials, once started.
        pub link_token_hash: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod practical_material {
    use sea_orm::entity::prelude::*;

    /// A file handed out with practical tests; its bytes are in `practical_material_content`.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practical_materials")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub name: String,
        pub content_type: String,
        pub size_bytes: i64,
        pub sha256: String,
        /// `it` or `en` for a material in one language; none for every candidate.
        pub lang: Option<String>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod practical_material_content {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practical_material_contents")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub material_id: i32,
        pub bytes: Vec<u8>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod practical_template_material {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practical_template_materials")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub template_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub material_id: i32,
        pub position: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod practical_test_material {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practical_test_materials")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub test_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub material_id: i32,
        pub position: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod practical_test_criterion {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "practical_test_criteria")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub test_id: i32,
        pub position: i32,
        pub competency_id: i32,
        pub max_points: i32,
        pub description_it: String,
        pub description_en: String,
        /// Given by the grader; none until graded.
        pub points: Option<i32>,
        pub notes: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod online_template {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "online_templates")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub title_it: String,
        pub title_en: String,
        pub instructions_it: String,
        pub instructions_en: String,
        pub time_limit_minutes: i32,
        pub pass_mark: i32,
        pub active: bool,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod online_template_profile {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "online_template_profiles")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub template_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub profile_id: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod online_question {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "online_questions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub template_id: i32,
        pub position: i32,
        pub competency_id: i32,
        pub points: i32,
        pub prompt_it: String,
        pub prompt_en: String,
        /// A `QuestionBody` as JSON.
        pub body: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod online_test {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "online_tests")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub application_id: i32,
        pub template_id: i32,
        /// Grades the short answers.
        pub grader_id: i32,
        /// SHA-256 of the private link's token, hex; the token itself is never stored.
        #[sea_orm(unique)]
        pub token_hash: String,
        pub title_it: String,
        pub title_en: String,
        pub instructions_it: String,
        pub instructions_en: String,
        pub time_limit_minutes: i32,
        pub pass_mark: i32,
        /// `sent`, `started`, `submitted` or `graded`.
        pub status: String,
        /// The link works until then if the test was not started.
        pub expires_at: DateTimeUtc,
        pub started_at: Option<DateTimeUtc>,
        pub deadline_at: Option<DateTimeUtc>,
        pub submitted_at: Option<DateTimeUtc>,
        pub graded_at: Option<DateTimeUtc>,
        pub passed: Option<bool>,
        pub sent_by: i32,
        pub sent_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod online_test_item {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "online_test_items")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub test_id: i32,
        pub position: i32,
        pub competency_id: i32,
        pub points: i32,
        pub prompt_it: String,
        pub prompt_en: String,
        /// A `QuestionBody` as JSON, as it was when the test was sent.
        pub body: String,
        /// An `Answer` as JSON, as last saved in time.
        pub answer: Option<String>,
        pub answered_at: Option<DateTimeUtc>,
        /// The typing test: when the server showed the text, and when it took the typed text.
        pub started_at: Option<DateTimeUtc>,
        pub finished_at: Option<DateTimeUtc>,
        /// Points given, by the server or by the grader.
        pub awarded: Option<i32>,
        /// The typing figures (`TypingResult`) or the fields copied right, as JSON.
        pub result: Option<String>,
        /// The grader's notes on a short answer.
        pub notes: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod course {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "courses")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub code: String,
        pub title_it: String,
        pub title_en: String,
        pub description_it: String,
        pub description_en: String,
        pub provider: String,
        /// `internal`, `external`, `seminar` or `elearning`.
        pub kind: String,
        pub hours: i32,
        /// For recurring training: how long a completion counts.
        pub validity_months: Option<i32>,
        pub active: bool,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod course_competency {
    use sea_orm::entity::prelude::*;

    /// A competency a course develops, and the level (1–5) it brings it to.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "course_competencies")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub course_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub competency_id: i32,
        pub level: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod course_profile {
    use sea_orm::entity::prelude::*;

    /// A job profile for which a course is mandatory.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "course_profiles")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub course_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub profile_id: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod course_session {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "course_sessions")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub course_id: i32,
        pub starts_at: DateTimeUtc,
        pub ends_at: DateTimeUtc,
        /// A place, or the link of an online session.
        pub place: String,
        pub capacity: i32,
        pub trainer: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod employee {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "employees")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        #[sea_orm(unique)]
        pub user_id: i32,
        /// The candidate they were, when hired through the pipeline.
        #[sea_orm(unique)]
        pub candidate_id: Option<i32>,
        pub profile_id: Option<i32>,
        pub department: String,
        pub location: String,
        pub manager_id: Option<i32>,
        pub start_date: Option<Date>,
        pub status: String,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {
        #[sea_orm(
            belongs_to = "super::user::Entity",
            from = "Column::UserId",
            to = "super::user::Column::Id"
        )]
        User,
    }

    impl Related<super::user::Entity> for Entity {
        fn to() -> RelationDef {
            Relation::User.def()
        }
    }

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod employee_competency {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "employee_competencies")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub employee_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub competency_id: i32,
        pub level: i32,
        /// `LevelSource`: what shows the level.
        pub source: String,
        /// The application (assessment) or course it comes from.
        pub source_id: Option<i32>,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod account_invitation {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "account_invitations")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        /// SHA-256 of the link's token; the token itself is only in the email.
        #[sea_orm(unique)]
        pub token_hash: String,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        pub used_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod password_reset {
    use sea_orm::entity::prelude::*;

    /// A link mailed to reset a forgotten password: it works once, until `expires_at`.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "password_resets")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        /// SHA-256 of the link's token; the token itself is only in the email.
        #[sea_orm(unique)]
        pub token_hash: String,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        pub used_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod course_record {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "course_records")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub employee_id: i32,
        /// The catalogue's course; none for training logged that is not in it.
        pub course_id: Option<i32>,
        pub session_id: Option<i32>,
        /// For logged training: the title typed (empty for a catalogue course).
        pub title: String,
        pub provider: String,
        pub kind: String,
        pub hours: i32,
        /// `RecordStatus`.
        pub status: String,
        /// `Review`.
        pub review: String,
        pub review_reason: Option<String>,
        pub induction: bool,
        pub score: Option<i32>,
        pub completed_on: Option<Date>,
        pub certificate_name: Option<String>,
        pub certificate_stored: Option<String>,
        pub certificate_type: Option<String>,
        pub requested_by: Option<i32>,
        pub decided_by: Option<i32>,
        pub decided_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod certification {
    use sea_orm::entity::prelude::*;

    /// A certification of the catalogue.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "certifications")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// The starter catalogue's slug; none for those HR add.
        #[sea_orm(unique)]
        pub code: Option<String>,
        pub name_it: String,
        pub name_en: String,
        pub issuer: String,
        /// How long a certificate is valid from its issue; none when it does not expire.
        pub validity_months: Option<i32>,
        pub active: bool,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod certification_competency {
    use sea_orm::entity::prelude::*;

    /// A competency a certification proves, and at which level (1–5).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "certification_competencies")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub certification_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub competency_id: i32,
        pub level: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod certification_profile {
    use sea_orm::entity::prelude::*;

    /// A job profile that requires a certification.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "certification_profiles")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub certification_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub profile_id: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod employee_certification {
    use sea_orm::entity::prelude::*;

    /// One certificate an employee holds (or held: renewals keep the earlier ones).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "employee_certifications")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub employee_id: i32,
        pub certification_id: i32,
        pub credential_id: Option<String>,
        pub issued_on: Date,
        pub expires_on: Option<Date>,
        pub document_name: Option<String>,
        pub document_stored: Option<String>,
        pub document_type: Option<String>,
        /// `Verification`: pending, verified or rejected.
        pub status: String,
        /// Why HR rejected it.
        pub reason: Option<String>,
        pub added_by: Option<i32>,
        pub verified_by: Option<i32>,
        pub verified_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod notification {
    use sea_orm::entity::prelude::*;

    /// Something the app tells a person, in both languages, with where it leads.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "notifications")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        pub title_it: String,
        pub title_en: String,
        pub link: String,
        pub created_at: DateTimeUtc,
        pub read_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod reminder {
    use sea_orm::entity::prelude::*;

    /// A reminder sent: what about, which threshold, the day it fell due, to whom.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "reminders")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        /// `ReminderKind`.
        pub kind: String,
        pub employee_id: i32,
        /// The certification or the course.
        pub item_id: i32,
        /// `Threshold::key`.
        pub threshold: String,
        pub due_on: Date,
        pub user_id: i32,
        pub sent_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod candidate_certification {
    use sea_orm::entity::prelude::*;

    /// A certification a candidate says they hold, as HR recorded it.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "candidate_certifications")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub candidate_id: i32,
        pub certification_id: i32,
        pub credential_id: Option<String>,
        pub issued_on: Date,
        pub expires_on: Option<Date>,
        pub added_by: Option<i32>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod training_hours {
    use sea_orm::entity::prelude::*;

    /// An employee's counted training hours of a year, by month (`m01` is January): the
    /// ledger's running totals, recounted from the course records whenever theirs change.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "training_hours")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub employee_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub year: i32,
        pub m01: i32,
        pub m02: i32,
        pub m03: i32,
        pub m04: i32,
        pub m05: i32,
        pub m06: i32,
        pub m07: i32,
        pub m08: i32,
        pub m09: i32,
        pub m10: i32,
        pub m11: i32,
        pub m12: i32,
        pub total: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}

    impl Model {
        /// The hours of each month, January first.
        pub fn months(&self) -> [i32; 12] {
            [
                self.m01, self.m02, self.m03, self.m04, self.m05, self.m06, self.m07, self.m08,
                self.m09, self.m10, self.m11, self.m12,
            ]
        }
    }
}

pub mod compliance_cell {
    use sea_orm::entity::prelude::*;

    /// Where one requirement of an employee's job profile stands whatever the day: `coverage`
    /// is held (until `expires_on`, or for good), pending verification, or missing. Kept by
    /// `certifications::compliance::refresh` as its sources change.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "compliance_cells")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub employee_id: i32,
        /// "certification" or "course".
        #[sea_orm(primary_key, auto_increment = false)]
        pub kind: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub requirement_id: i32,
        pub coverage: String,
        pub expires_on: Option<Date>,
        /// The date the cell shows: the expiry, or a completion that does not expire.
        pub shown_on: Option<Date>,
        pub renewal_pending: bool,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod compliance_summary {
    use sea_orm::entity::prelude::*;

    /// An employee's compliance whatever the day, for everyone the matrix covers: the worst
    /// gap among their requirements (1 missing, 2 pending; none without one), the first
    /// expiry among what they hold, and their name (a copy of their account's, which does
    /// not change), so that the matrix orders everyone from this table alone.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "compliance_summaries")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub employee_id: i32,
        pub gap: Option<i16>,
        pub first_expiry: Option<Date>,
        pub name: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod pending_rebuild {
    use sea_orm::entity::prelude::*;

    /// A derived table to fill from its sources at the next start (see `server::rebuilds`).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "pending_rebuilds")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub name: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod application_score {
    use sea_orm::entity::prelude::*;

    /// An application's fit as its evidence stands (`assess`), kept by
    /// `assessments::scores::refresh` in the transactions that change the evidence, so an
    /// opening's comparison pages by fit in SQL.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "application_scores")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub application_id: i32,
        pub opening_id: i32,
        /// None before any competency is assessed.
        pub fit_percent: Option<i16>,
        pub assessed_weight: i32,
        pub total_weight: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod application_level {
    use sea_orm::entity::prelude::*;

    /// An application's level in one competency of its profile, in tenths, for those assessed
    /// (kept with `application_score`).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "application_levels")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub application_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub competency_id: i32,
        pub opening_id: i32,
        pub level_tenths: i16,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod second_factor {
    use sea_orm::entity::prelude::*;

    /// A user's authenticator secret: being set up while `confirmed_at` is empty, in use after.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "second_factors")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub user_id: i32,
        /// The shared secret, in base32.
        pub secret: String,
        pub created_at: DateTimeUtc,
        pub confirmed_at: Option<DateTimeUtc>,
        /// The time step of the last code accepted: codes of that step or earlier are refused.
        pub last_step: Option<i64>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod recovery_code {
    use sea_orm::entity::prelude::*;

    /// A single-use code that stands in for the authenticator app; only its SHA-256 is kept.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "recovery_codes")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        pub code_hash: String,
        pub created_at: DateTimeUtc,
        pub used_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod two_factor_role {
    use sea_orm::entity::prelude::*;

    /// A role whose users must sign in with a second factor.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "two_factor_roles")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub role: String,
        pub required_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod sign_in_challenge {
    use sea_orm::entity::prelude::*;

    /// A sign-in whose password was right, waiting for its second factor until `expires_at`;
    /// its token is in the browser's cookie, only its SHA-256 here.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "sign_in_challenges")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        #[sea_orm(unique)]
        pub token_hash: String,
        pub created_at: DateTimeUtc,
        pub expires_at: DateTimeUtc,
        pub used_at: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod known_device {
    use sea_orm::entity::prelude::*;

    /// A browser that has signed in to the account: the SHA-256 of its device cookie.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "known_devices")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub user_id: i32,
        #[sea_orm(unique)]
        pub token_hash: String,
        pub created_at: DateTimeUtc,
        pub last_used_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
