//! Certifications: the catalogue and HR's form for one certification, a person's certificates
//! and where they stand against their profile (on "My training" and their record), the
//! certificates waiting for HR, and the compliance matrix. Plain forms
//! (`forms::certifications` on the server), server-rendered, no bundle.

pub mod catalogue;
pub mod compliance;
pub mod holdings;
pub mod pending;
pub mod requirements;
pub mod stated;

use crate::i18n::PageText;
use crate::model::{CellState, Standing};

/// The word for a matrix cell's state.
pub fn state_label(state: CellState) -> PageText {
    match state {
        CellState::Ok => PageText::StateOk,
        CellState::Expiring => PageText::StateExpiring,
        CellState::Expired => PageText::StateExpired,
        CellState::Pending => PageText::StatePending,
        CellState::Missing => PageText::StateMissing,
    }
}

/// The sign and the word for where a certificate stands: "⚠ Expires in 20 days".
pub fn standing_text(p: impl Fn(PageText) -> &'static str, standing: Standing) -> String {
    match standing {
        Standing::Valid => format!("{} {}", CellState::Ok.icon(), p(PageText::StandingValid)),
        Standing::Expiring { days_left, .. } => format!(
            "{} {} {days_left} {}",
            CellState::Expiring.icon(),
            p(PageText::ExpiresIn),
            p(PageText::DaysShort)
        ),
        Standing::Expired => format!(
            "{} {}",
            CellState::Expired.icon(),
            p(PageText::StateExpired)
        ),
        Standing::Pending => format!(
            "{} {}",
            CellState::Pending.icon(),
            p(PageText::StatePending)
        ),
        Standing::Rejected => format!("✖ {}", p(PageText::StandingRejected)),
    }
}

/// The class a certificate's standing is styled with.
pub fn standing_class(standing: Standing) -> &'static str {
    match standing {
        Standing::Valid => "state-ok",
        Standing::Expiring { .. } => "state-expiring",
        Standing::Expired | Standing::Rejected => "state-expired",
        Standing::Pending => "state-pending",
    }
}
