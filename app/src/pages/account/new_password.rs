//! The fields that choose a new password through a mailed link (the welcome link and a
//! forgotten password's): the account's email for password managers, the password and its
//! confirmation.

use leptos::prelude::*;

use crate::app::use_texts;
use crate::components::form::{FormState, TextField};
use crate::i18n::Text;

/// The new password, twice, for the account of `email`, in `form`.
#[component]
pub fn NewPasswordFields(form: FormState, email: String) -> impl IntoView {
    let t = use_texts();
    view! {
        // For password managers: whose password this is.
        <input type="email" name="username" autocomplete="username" value=email hidden />
        <TextField
            name="password"
            label=t(Text::NewPassword)
            value=RwSignal::new(String::new())
            form
            input_type="password"
            autocomplete="new-password"
            hint=t(Text::PasswordHint)
            required=true
        />
        <TextField
            name="confirm"
            label=t(Text::ConfirmPassword)
            value=RwSignal::new(String::new())
            form
            input_type="password"
            autocomplete="new-password"
            required=true
        />
    }
}
