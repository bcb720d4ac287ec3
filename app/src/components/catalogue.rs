//! The parts the course and certification editors share: a level for each competency, and
//! the job profiles to tick. Plain form fields (`level_{competency}`, repeated `profile`),
//! each refusal beside its field.

use leptos::prelude::*;

use crate::app::{use_lang, use_texts};
use crate::i18n::{Text, field_error_message};
use crate::model::FieldErrors;

/// A table of `competencies` (id, Italian, English) with a level 1–5 or "–" for each,
/// `levels` chosen (competency id, level as typed).
#[component]
pub fn CompetencyLevels(
    id: &'static str,
    legend: &'static str,
    hint: &'static str,
    competencies: Vec<(i32, String, String)>,
    levels: Vec<(i32, String)>,
    errors: FieldErrors,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let level_of = move |competency: i32| {
        levels
            .iter()
            .find(|(c, _)| *c == competency)
            .map(|(_, l)| l.clone())
            .unwrap_or_default()
    };
    view! {
        <fieldset id=id>
            <legend>{legend}</legend>
            <p class="hint">{hint}</p>
            <div class="table-wrap">
                <table class="stacking">
                    <thead>
                        <tr>
                            <th scope="col">{t(Text::Competency)}</th>
                            <th scope="col">{t(Text::Level)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {competencies.into_iter().map(|(id, it, en)| {
                            let field = format!("level_{id}");
                            let error = errors.get(&field).map(|e| field_error_message(lang, e));
                            let chosen = level_of(id);
                            let select_id = format!("f-{field}");
                            let error_id = format!("{select_id}-error");
                            view! {
                                <tr>
                                    <td class="lead-cell"><label for=select_id.clone()>{lang.pick(&it, &en).to_owned()}</label></td>
                                    <td data-label=t(Text::Level)>
                                        <select id=select_id name=field aria-invalid=error.is_some().to_string() aria-describedby=error_id.clone()>
                                            <option value="" selected=chosen.is_empty()>"–"</option>
                                            {(1..=5).map(|level| {
                                                let selected = chosen == level.to_string();
                                                view! { <option value=level.to_string() selected=selected>{level}</option> }
                                            }).collect_view()}
                                        </select>
                                        <p class="field-error" id=error_id>{error}</p>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </fieldset>
    }
}

/// A checklist of `profiles` (id, Italian, English), those in `chosen` ticked; a refusal of
/// the `profiles` field above it.
#[component]
pub fn ProfileChecklist(
    id: &'static str,
    legend: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    profiles: Vec<(i32, String, String)>,
    chosen: Vec<i32>,
    errors: FieldErrors,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <fieldset id=id>
            <legend>{legend}</legend>
            {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            {errors.get("profiles").map(|e| view! { <p class="field-error">{field_error_message(lang, e)}</p> })}
            <ul class="checklist">
                {profiles.into_iter().map(|(id, it, en)| {
                    let checked = chosen.contains(&id);
                    view! {
                        <li>
                            <label for=format!("f-profile-{id}")>
                                <input type="checkbox" id=format!("f-profile-{id}") name="profile" value=id.to_string() checked=checked />
                                {lang.pick(&it, &en).to_owned()}
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}
