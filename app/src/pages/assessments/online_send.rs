//! The form HR send an online test with, on the candidate's page: the application, a bank of
//! its opening's job profile, the grader of the short answers, and how long the link works.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::assessments::online::SendOnlineTest;
use crate::api::assessments::online::{online_templates_for_application, send_online_test};
use crate::api::recruitment::openings::list_staff;
use crate::app::{use_lang, use_texts};
use crate::components::form::{FormMessages, FormState, SelectField, SubmitButton, TextField};
use crate::i18n::Text;
use crate::model::{ApplicationId, LINK_DAYS, OnlineTemplateId, SendTestInput, TestSent, UserId};
use server_fn::ServerFn;

#[cfg_attr(any(feature = "ssr", feature = "bundle-staff"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-staff")), component)]
pub fn SendOnlineTestForm(
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
    let days = RwSignal::new(LINK_DAYS.to_string());
    let staff = Resource::new(|| (), |()| list_staff());
    let templates = Resource::new(
        move || application.get().parse::<i32>().ok(),
        |id| async move {
            match id {
                Some(id) => online_templates_for_application(ApplicationId(id)).await,
                None => Ok(Vec::new()),
            }
        },
    );
    let form = FormState::scoped("send");
    let outcome = RwSignal::new(None::<TestSent>);
    let save = Action::new(|input: &SendTestInput| send_online_test(input.clone()));
    form.follow(save, move |sent: TestSent| {
        outcome.set(Some(sent));
        form.succeed(Text::OnlineTestSent);
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        outcome.set(None);
        let input = SendTestInput {
            application_id: ApplicationId(application.get_untracked().parse().unwrap_or(0)),
            template_id: OnlineTemplateId(template.get_untracked().parse().unwrap_or(0)),
            grader_id: UserId(grader.get_untracked().parse().unwrap_or(0)),
            link_days: days.get_untracked().trim().parse().unwrap_or(0),
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
        <details class="panel" id="send-online-test" open=open>
            <summary><h2>{t(Text::SendOnlineTest)}</h2></summary>
            <form method="post" action=SendOnlineTest::PATH on:submit=submit novalidate>
                <FormMessages form />
                {move || outcome.get().map(|outcome| view! {
                    {(!outcome.added_to_team.is_empty()).then(|| view! {
                        <p class="hint">{format!("{} {}", t(Text::AddedToTeam), outcome.added_to_team.join(", "))}</p>
                    })}
                    <p><a href=format!("/online-tests/{}", outcome.id)>{format!("{} →", t(Text::OnlineTests))}</a></p>
                })}
                <SelectField name="application_id" label=t(Text::NavOpenings) value=application form options=choices.get_value() required=true />
                <Suspense fallback=move || view! { <p>{t(Text::Loading)}</p> }>
                    {move || Suspend::new(async move {
                        let offered = templates.await.unwrap_or_default();
                        let staff = staff.await.unwrap_or_default();
                        if offered.is_empty() {
                            return view! { <p class="hint">{t(Text::NoOnlineTemplatesForProfile)}</p> }.into_any();
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
                            <TextField name="link_days" label=t(Text::LinkDays) value=days form input_type="number" required=true />
                            <div class="form-actions">
                                <SubmitButton label=t(Text::Send) pending=save.pending().into() />
                            </div>
                        }
                        .into_any()
                    })}
                </Suspense>
            </form>
        </details>
    }
}
