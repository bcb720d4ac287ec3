//! Typed record ids, so a user id can never be passed where a competency id is expected.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map(Self)
            }
        }
    )*};
}

typed_id!(
    /// A user account.
    UserId,
    /// A competency of the framework.
    CompetencyId,
    /// A job profile.
    JobProfileId,
    /// An opening: a job profile being recruited for, somewhere.
    OpeningId,
    /// A candidate: one person across all their applications.
    CandidateId,
    /// One candidate's application to one opening.
    ApplicationId,
    /// A stored candidate file (CV, cover letter).
    FileId,
    /// A message in the outbox.
    MessageId,
    /// An interview of an application.
    InterviewId,
    /// A practical test template: instructions, rubric, pass mark.
    PracticalTemplateId,
    /// A practical test given to an application.
    PracticalTestId,
    /// One criterion of a practical test's rubric, as given to an application.
    TestCriterionId,
    /// An online test's bank of questions.
    OnlineTemplateId,
    /// An online test sent to an application.
    OnlineTestId,
    /// One question of an online test, as sent.
    OnlineItemId,
    /// A file handed out with practical tests.
    MaterialId,
    /// A course of the catalogue.
    CourseId,
    /// A dated session of a course.
    CourseSessionId,
    /// A staff member's employee record.
    EmployeeId,
    /// An employee's place on a course, or training they logged.
    CourseRecordId,
    /// A certification of the catalogue.
    CertificationId,
    /// One certificate an employee holds or held.
    HoldingId,
    /// A notification shown in the app.
    NotificationId,
    /// A certification a candidate says they hold.
    StatedId,
);
