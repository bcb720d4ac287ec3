//! The form HR give a practical test with, on the candidate's page (opened at once when they
//! come from a card moved to Practical test on the board): the application, a template of its
//! opening's job profile, the grader and the due date.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::assessments::practical::AssignPracticalTest;
use crate::api::assessments::practical::assign_practical_test;
use crate::api::assessments::templates::templates_for_application;
use crate::api::recruitment::openings::list_staff;
use crate::app::{use_lang, use_texts};
use crate::components::form::{FormMessages, FormState, SelectField, SubmitButton, TextField};
use crate::i18n::Text;
use crate::model::{ApplicationId, AssignTestInput, PracticalTemplateId, TestAssigned, UserId};
use server_fn::ServerFn;

#[cfg_attr(any(feature = "ssr", feature = "bundle-staff"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-staff")), component)]
pub fn AssignTestForm(
    /// The candidate's applications that can still be given tests: (id, opening title).
    applications: Vec<(ApplicationId, String)>,
    preselected: Option<ApplicationId>,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let open = preselected.is_some();
    let first = preselected.or_else(|| applications.first().map(|(id, _)| *id));
    let application = RwSignal::new(first.map(|id| id.to_string()).unwrap_or_default());
    let template = RwSignal::new(String::new());
    let grader = RwSignal::new(String::new());
    let due_on = RwSignal::new(String::new());
    let staff = Resource::new(|| (), |()| list_staff());
    let templates = Resource::new(
        move || application.get().parse::<i32>().ok(),
        |id| async move {
            match id {
                Some(id) => templates_for_application(ApplicationId(id)).await,
                None => Ok(Vec::new()),
            }
        },
    );
    let form = FormState::scoped("assign");
    let outcome = RwSignal::new(None::<TestAssigned>);
    let save = Action::new(|input: &AssignTestInput| assign_practical_test(input.clone()));
    form.follow(save, move |assigned: TestAssigned| {
        outcome.set(Some(assigned));
        form.succeed(Text::TestAssignedDone);
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        outcome.set(None);
        let input = AssignTestInput {
            application_id: ApplicationId(application.get_untracked().parse().unwrap_or(0)),
            template_id: PracticalTemplateId(template.get_untracked().parse().unwrap_or(0)),
            grader_id: UserId(grader.get_untracked().parse().unwrap_or(0)),
            due_on: due_on.get_untracked(),
        };
        if form.check(&input) {
            save.dispatch(input);
        }
    };
    let choices = StoredValue::new(
        applications
            .into_iter()
            .map(|(id, title)| (id.to_string(), title))
            .collect::<Vec<_>>(),
    );
    view! {
        <details class="panel" id="assign-test" open=open>
            <summary><h2>{t(Text::AssignTest)}</h2></summary>
            <form method="post" action=AssignPracticalTest::PATH on:submit=submit novalidate>
                <FormMessages form />
                {move || outcome.get().map(|outcome| view! {
                    {(!outcome.added_to_team.is_empty()).then(|| view! {
                        <p class="hint">{format!("{} {}", t(Text::AddedToTeam), outcome.added_to_team.join(", "))}</p>
                    })}
                    <p><a href=format!("/tests/{}", outcome.id)>{format!("{} →", t(Text::TestsTitle))}</a></p>
                })}
                <SelectField name="application_id" label=t(Text::NavOpenings) value=application form options=choices.get_value() required=true />
                <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                    {move || Suspend::new(async move {
                        let offered = templates.await.unwrap_or_default();
                        let staff = staff.await.unwrap_or_default();
                        if offered.is_empty() {
                            return view! { <p class="hint" id="no-templates">{t(Text::NoTemplatesForProfile)}</p> }.into_any();
                        }
                        if template.with_untracked(|v| !offered.iter().any(|o| o.id.to_string() == *v)) {
                            template.set(offered[0].id.to_string());
                        }
                        let offered: Vec<(String, String)> = offered
                            .iter()
                            .map(|o| (o.id.to_string(), lang.pick(&o.name_it, &o.name_en).to_owned()))
                            .collect();
                        let graders: Vec<(String, String)> = std::iter::once((String::new(), "…".to_owned()))
                            .chain(staff.into_iter().map(|s| (s.id.to_string(), s.name)))
                            .collect();
                        view! {
                            <SelectField name="template_id" label=t(Text::TestTemplate) value=template form options=offered required=true />
                            <SelectField name="grader_id" label=t(Text::Grader) value=grader form options=graders required=true />
                            <TextField name="due_on" label=t(Text::DueOn) value=due_on form input_type="date" required=true />
                            <div class="form-actions">
                                <SubmitButton label=t(Text::Assign) pending=save.pending().into() />
                            </div>
                        }
                        .into_any()
                    })}
                </Suspense>
            </form>
        </details>
    }
}
