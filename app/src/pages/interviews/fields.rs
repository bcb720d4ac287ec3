//! The fields of an interview as HR fill them in, shared by the form that schedules one and
//! the form that moves one: kind, start and end in a time zone, place, video link and panel.

use leptos::prelude::*;

use crate::app::use_texts;
use crate::components::form::{FormState, SelectField, TextField};
use crate::components::staff::StaffChecklist;
use crate::i18n::Text;
use crate::model::{
    ApplicationId, InterviewInput, InterviewKind, Role, StaffMember, TIME_ZONES, UserId,
};

/// What the fields hold, one signal each.
#[derive(Debug, Clone, Copy)]
pub struct InterviewDraft {
    pub kind: RwSignal<String>,
    pub starts_at: RwSignal<String>,
    pub ends_at: RwSignal<String>,
    pub time_zone: RwSignal<String>,
    pub location: RwSignal<String>,
    pub video_link: RwSignal<String>,
    pub panel: RwSignal<Vec<UserId>>,
}

impl InterviewDraft {
    /// Empty fields, in `time_zone`.
    pub fn new(time_zone: &str) -> Self {
        Self {
            kind: RwSignal::new(InterviewKind::HrInterview.as_str().to_owned()),
            starts_at: RwSignal::new(String::new()),
            ends_at: RwSignal::new(String::new()),
            time_zone: RwSignal::new(time_zone.to_owned()),
            location: RwSignal::new(String::new()),
            video_link: RwSignal::new(String::new()),
            panel: RwSignal::new(Vec::new()),
        }
    }

    /// The input for application `application_id`.
    pub fn input(&self, application_id: ApplicationId) -> InterviewInput {
        InterviewInput {
            application_id,
            kind: InterviewKind::parse(&self.kind.get_untracked())
                .unwrap_or(InterviewKind::HrInterview),
            starts_at: self.starts_at.get_untracked(),
            ends_at: self.ends_at.get_untracked(),
            time_zone: self.time_zone.get_untracked(),
            location: self.location.get_untracked(),
            video_link: self.video_link.get_untracked(),
            interviewer_ids: self.panel.get_untracked(),
        }
    }
}

/// Those who may sit on a panel.
pub fn panelists(staff: Vec<StaffMember>) -> Vec<StaffMember> {
    staff
        .into_iter()
        .filter(|s| matches!(s.role, Role::Interviewer | Role::Hr | Role::Admin))
        .collect()
}

#[component]
pub fn InterviewFields(
    draft: InterviewDraft,
    staff: Vec<StaffMember>,
    form: FormState,
) -> impl IntoView {
    let t = use_texts();
    let kinds: Vec<(String, String)> = InterviewKind::ALL
        .into_iter()
        .map(|k| (k.as_str().to_owned(), t(k.label()).to_owned()))
        .collect();
    let mut zones: Vec<(String, String)> = TIME_ZONES
        .iter()
        .map(|z| ((*z).to_owned(), (*z).to_owned()))
        .collect();
    // Someone deactivated since cannot stay on the panel, and is not in the list to untick.
    let available = panelists(staff.clone());
    draft
        .panel
        .update_untracked(|panel| panel.retain(|id| available.iter().any(|s| s.id == *id)));
    let current = draft.time_zone.get_untracked();
    if !TIME_ZONES.contains(&current.as_str()) {
        zones.insert(0, (current.clone(), current));
    }
    view! {
        <div class="grid-2">
            <SelectField name="kind" label=t(Text::InterviewKind) value=draft.kind form options=kinds />
            <SelectField name="time_zone" label=t(Text::TimeZone) value=draft.time_zone form options=zones />
            <TextField name="starts_at" label=t(Text::StartsAt) value=draft.starts_at form input_type="datetime-local" required=true />
            <TextField name="ends_at" label=t(Text::EndsAt) value=draft.ends_at form input_type="datetime-local" required=true />
            <TextField name="location" label=t(Text::Place) value=draft.location form />
            <TextField name="video_link" label=t(Text::VideoLink) value=draft.video_link form input_type="url" hint="https://…" />
        </div>
        <StaffChecklist name="interviewer_ids" legend=t(Text::Interviewers) staff=available chosen=draft.panel form />
    }
}
