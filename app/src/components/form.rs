//! Accessible form fields with their errors beside them, and the state a form keeps.
//!
//! Every field is a labelled control; its error is linked with `aria-describedby` and announced.
//! Values live in signals, so nothing the user typed is lost when the server refuses a form.

use leptos::prelude::*;
use validator::Validate;

use crate::app::use_lang;
use crate::i18n::{Lang, Text, field_error_message};
use crate::model::{AppError, FieldErrors};

/// The message for an error that is not about one field.
pub fn error_text(lang: Lang, error: &AppError) -> String {
    let text = match error {
        AppError::Invalid(fields) => {
            return match fields.get("form") {
                Some(e) => field_error_message(lang, e),
                None => Text::FormHasErrors.get(lang).to_owned(),
            };
        }
        AppError::TooManyAttempts { .. } => Text::TooManyAttempts,
        AppError::Network => Text::NetworkError,
        AppError::Unauthenticated => Text::NotSignedIn,
        AppError::Forbidden => Text::Forbidden,
        AppError::NotFound => Text::NotFound,
        AppError::Conflict(code) if code == "competency_in_use" => Text::CompetencyInUse,
        AppError::Conflict(code) if code == "profile_in_use" => Text::ProfileInUse,
        AppError::Conflict(_) | AppError::BadRequest | AppError::Internal => Text::GenericError,
    };
    text.get(lang).to_owned()
}

/// The errors and messages of one form.
#[derive(Debug, Clone, Copy)]
pub struct FormState {
    pub errors: RwSignal<FieldErrors>,
    /// A message about the whole form (shown at its top, announced).
    pub alert: RwSignal<Option<String>>,
    /// A success message.
    pub notice: RwSignal<Option<String>>,
    /// How many times the form has been refused, so that each refusal is shown anew.
    failures: RwSignal<u32>,
    lang: Lang,
    /// Prefixes its fields' element ids, for a form sharing its page with another that has
    /// fields of the same names.
    scope: &'static str,
}

impl FormState {
    pub fn new() -> Self {
        Self::scoped("")
    }

    /// A form whose fields' element ids start with `scope` (`f-<scope>-<name>`).
    pub fn scoped(scope: &'static str) -> Self {
        Self {
            errors: RwSignal::new(FieldErrors::default()),
            alert: RwSignal::new(None),
            notice: RwSignal::new(None),
            failures: RwSignal::new(0),
            lang: use_lang(),
            scope,
        }
    }

    /// The element id of field `name`.
    fn field_id(&self, name: &str) -> String {
        let name = name.replace('.', "-");
        if self.scope.is_empty() {
            format!("f-{name}")
        } else {
            format!("f-{}-{name}", self.scope)
        }
    }

    /// Runs the same validation as the server; shows the errors and returns false if any.
    pub fn check<T: Validate>(&self, input: &T) -> bool {
        self.notice.set(None);
        match crate::model::validate(input) {
            Ok(()) => {
                self.errors.set(FieldErrors::default());
                self.alert.set(None);
                true
            }
            Err(error) => {
                self.fail(&error);
                false
            }
        }
    }

    /// Shows a failed submission: field errors beside their fields, the rest at the top.
    pub fn fail(&self, error: &AppError) {
        self.errors.set(error.field_errors());
        self.alert.set(Some(error_text(self.lang, error)));
        self.notice.set(None);
        self.failures.update(|n| *n += 1);
    }

    /// Follows `action`: a failure is shown on the form, a success goes to `on_ok`.
    pub fn follow<I, T>(self, action: Action<I, Result<T, AppError>>, on_ok: impl Fn(T) + 'static)
    where
        I: Send + Sync + 'static,
        T: Clone + Send + Sync + 'static,
    {
        Effect::new(move |_| match action.value().get() {
            Some(Ok(value)) => on_ok(value),
            Some(Err(error)) => self.fail(&error),
            None => {}
        });
    }

    /// Shows a success message and clears the errors.
    pub fn succeed(&self, message: Text) {
        self.errors.set(FieldErrors::default());
        self.alert.set(None);
        self.notice.set(Some(message.get(self.lang).to_owned()));
    }
}

impl Default for FormState {
    fn default() -> Self {
        Self::new()
    }
}

/// The form's top messages: the error summary (role=alert) and the success notice (role=status).
///
/// The summary takes the focus when a submission is refused, so a refused form says why where
/// the user is, however long the form: in the browser on each refusal after the form came to
/// life, and, for a page rendered again after a plain post, through `autofocus` as the page
/// loads (not again when the bundle arrives, which would pull the focus from where the user
/// has gone since).
#[component]
pub fn FormMessages(form: FormState) -> impl IntoView {
    let summary = NodeRef::<leptos::html::P>::new();
    let refused_before = form.failures.get_untracked();
    Effect::new(move |_| {
        if form.failures.get() > refused_before
            && let Some(summary) = summary.get()
        {
            let _ = summary.focus();
        }
    });
    view! {
        <Show when=move || form.alert.with(Option::is_some)>
            <p class="alert error" role="alert" tabindex="-1" autofocus=true node_ref=summary>
                {move || form.alert.get()}
            </p>
        </Show>
        <Show when=move || form.notice.with(Option::is_some)>
            <p class="alert success" role="status">
                {move || form.notice.get()}
            </p>
        </Show>
    }
    .into_any()
}

/// Whether the browser bundle has brought this island to life: false on the server and until
/// hydration, then true (effects run only in the browser).
pub fn hydrated() -> Signal<bool> {
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    ready.into()
}

/// The mark of a required field, after its label: a star, and the input's `required` says
/// the same to assistive technology.
#[component]
pub fn RequiredMark(required: bool) -> impl IntoView {
    required.then(|| view! { <span class="required-mark" aria-hidden="true">"*"</span> })
}

/// The error paragraph of field `name`, if it has one.
#[component]
fn FieldErrorText(name: String, form: FormState) -> impl IntoView {
    let lang = use_lang();
    let id = format!("{}-error", form.field_id(&name));
    let message = move || {
        form.errors
            .with(|e| e.get(&name).map(|e| field_error_message(lang, e)))
    };
    view! {
        <p class="field-error" id=id aria-live="polite">
            {message}
        </p>
    }
}

fn clear_error(form: FormState, name: &str) {
    if form.errors.with_untracked(|e| e.get(name).is_some()) {
        form.errors.update(|e| {
            e.0.remove(name);
        });
    }
}

/// What the control `id` holds in the browser while the page hydrates: typed or chosen before
/// the bundle had loaded. Hydration would set the control back to the value the server sent;
/// the field takes this value instead, so nothing typed is lost. `None` on the server, after
/// hydration (a control made later starts from its own value), and when there is no such
/// control.
fn held_before_hydration(id: &str) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        use leptos::web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
        let document = leptos::prelude::document();
        if document.body()?.has_attribute("data-hydrated") {
            return None;
        }
        let element = document.get_element_by_id(id)?;
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            return Some(if input.type_() == "checkbox" {
                input.checked().to_string()
            } else {
                input.value()
            });
        }
        if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
            return Some(select.value());
        }
        element
            .dyn_ref::<HtmlTextAreaElement>()
            .map(HtmlTextAreaElement::value)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = id;
        None
    }
}

/// Keeps in `value` what its control held before hydration ([`held_before_hydration`]),
/// read from the control's text by `read`.
fn keep_held<T: PartialEq + Send + Sync + 'static>(
    id: &str,
    value: RwSignal<T>,
    read: impl FnOnce(String) -> T,
) {
    if let Some(held) = held_before_hydration(id).map(read)
        && value.with_untracked(|v| *v != held)
    {
        value.set(held);
    }
}

/// A labelled text input (or textarea) bound to `value`.
#[component]
pub fn TextField(
    /// The input's field path, as the server names it in errors (e.g. `levels.2.en`).
    #[prop(into)]
    name: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    form: FormState,
    #[prop(optional)] input_type: Option<&'static str>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let id = form.field_id(&name);
    keep_held(&id, value, |held| held);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let describedby = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id
    };
    let invalid = {
        let name = name.clone();
        Memo::new(move |_| form.errors.with(|e| e.get(&name).is_some()))
    };
    let on_input = {
        let name = name.clone();
        move |ev| {
            value.set(event_target_value(&ev));
            clear_error(form, &name);
        }
    };
    let control = if multiline {
        view! {
            <textarea
                id=id.clone()
                name=name.clone()
                rows="3"
                required=required
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=describedby
                prop:value=move || value.get()
                on:input=on_input
            >
                // The first value is in the markup too, for the page as the server sends it.
                {value.get_untracked()}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name.clone()
                type=input_type.unwrap_or("text")
                autocomplete=autocomplete
                required=required
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=describedby
                value=value.get_untracked()
                prop:value=move || value.get()
                on:input=on_input
            />
        }
        .into_any()
    };
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id>{label} <RequiredMark required /></label>
            {control}
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <FieldErrorText name=name form=form />
        </div>
    }
    .into_any()
}

/// A labelled select bound to `value`; `options` are (value, label) pairs.
#[component]
pub fn SelectField(
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    form: FormState,
    options: Vec<(String, String)>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let id = form.field_id(&name);
    keep_held(&id, value, |held| held);
    let error_id = format!("{id}-error");
    let invalid = {
        let name = name.clone();
        Memo::new(move |_| form.errors.with(|e| e.get(&name).is_some()))
    };
    let on_change = {
        let name = name.clone();
        move |ev| {
            value.set(event_target_value(&ev));
            clear_error(form, &name);
        }
    };
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>{label} <RequiredMark required /></label>
            <select
                id=id
                name=name.clone()
                required=required
                aria-invalid=move || invalid.get().to_string()
                aria-describedby=error_id
                prop:value=move || value.get()
                on:change=on_change
            >
                {options
                    .into_iter()
                    .map(|(v, l)| {
                        let selected = {
                            let v = v.clone();
                            move || value.with(|current| *current == v)
                        };
                        view! {
                            <option value=v selected=selected>
                                {l}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <FieldErrorText name=name form=form />
        </div>
    }
    .into_any()
}

/// A labelled checkbox bound to `checked`.
#[component]
pub fn CheckField(
    #[prop(into)] name: String,
    #[prop(into)] label: String,
    checked: RwSignal<bool>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let id = format!("f-{}", name.replace('.', "-"));
    keep_held(&id, checked, |held| held == "true");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field check">
            <label>
                <input
                    type="checkbox"
                    id=id
                    name=name
                    aria-describedby=hint.as_ref().map(|_| hint_id.clone())
                    checked=checked.get_untracked()
                    prop:checked=move || checked.get()
                    on:change=move |ev| checked.set(event_target_checked(&ev))
                />
                {label}
            </label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
        </div>
    }
    .into_any()
}

/// A submit button that shows progress and cannot be pressed twice.
///
/// Most forms need the browser bundle: their button stays disabled until it has loaded, so
/// that neither a click nor Enter can send the form anywhere before then. A form that also
/// works as a plain post (`without_script`) can be sent at any time.
#[component]
pub fn SubmitButton(
    #[prop(into)] label: String,
    pending: Signal<bool>,
    #[prop(optional)] without_script: bool,
) -> impl IntoView {
    let lang = use_lang();
    let ready = hydrated();
    let disabled = move || pending.get() || !(without_script || ready.get());
    view! {
        <button type="submit" class="primary" disabled=disabled aria-busy=move || pending.get().to_string()>
            {move || if pending.get() { Text::Saving.get(lang).to_owned() } else { label.clone() }}
        </button>
    }
}

/// Submits the plain form inside it as soon as one of its choices changes. The form works
/// without it (it has its own submit button); this only saves a click where scripts run.
#[cfg_attr(any(feature = "ssr", feature = "bundle-staff"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "bundle-staff")), component)]
pub fn AutoSubmit(children: Children) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use leptos::wasm_bindgen::JsCast;
            let form = ev
                .target()
                .and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok())
                .and_then(|e| e.closest("form").ok().flatten())
                .and_then(|f| f.dyn_into::<leptos::web_sys::HtmlFormElement>().ok());
            if let Some(form) = form {
                let _ = form.request_submit();
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    view! { <div class="auto-submit" on:change=on_change>{children()}</div> }
}
