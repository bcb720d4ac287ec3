//! Choosing people among the staff: a checklist of names with their roles, whose choice lives
//! in a signal and whose error shows under it.

use leptos::prelude::*;

use crate::app::{use_lang, use_texts};
use crate::components::form::FormState;
use crate::i18n::field_error_message;
use crate::model::{StaffMember, UserId};

/// A fieldset of checkboxes, one per member of `staff`; `chosen` holds the ids ticked.
#[component]
pub fn StaffChecklist(
    /// The field's name in errors (`interviewer_ids`).
    name: &'static str,
    #[prop(into)] legend: String,
    staff: Vec<StaffMember>,
    chosen: RwSignal<Vec<UserId>>,
    form: FormState,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let error_id = format!("f-{name}-error");
    let described_by = error_id.clone();
    let error = move || {
        form.errors
            .with(|e| e.get(name).map(|e| field_error_message(lang, e)))
    };
    view! {
        <fieldset aria-describedby=described_by>
            <legend>{legend}</legend>
            <ul class="checklist">
                {staff
                    .into_iter()
                    .map(|member| {
                        let member_id = member.id;
                        let checked = move || chosen.with(|c| c.contains(&member_id));
                        view! {
                            <li>
                                <label>
                                    <input
                                        type="checkbox"
                                        prop:checked=checked
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            chosen.update(|c| {
                                                c.retain(|id| *id != member_id);
                                                if on {
                                                    c.push(member_id);
                                                }
                                            });
                                        }
                                    />
                                    {format!("{} ({})", member.name, t(member.role.label()))}
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="field-error" id=error_id aria-live="polite">{error}</p>
        </fieldset>
    }
}
