//! Practical tests' materials: the files a template hands out (each for every candidate or in
//! one language), and what the candidate's private link opens while a test runs.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{MaterialId, PracticalTemplateId};
use crate::i18n::Lang;

/// The most materials a template can hand out.
pub const MOST_MATERIALS: usize = 10;

/// A material as pages list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialView {
    pub id: MaterialId,
    pub name: String,
    pub size_bytes: u64,
    /// The language it is written in, for the candidates who speak it; none for everyone.
    pub lang: Option<Lang>,
}

impl MaterialView {
    /// Whether a candidate speaking `lang` gets it.
    pub fn is_for(&self, lang: Lang) -> bool {
        self.lang.is_none_or(|l| l == lang)
    }
}

/// A template's materials page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateMaterials {
    pub template_id: PracticalTemplateId,
    pub title_it: String,
    pub title_en: String,
    pub materials: Vec<MaterialView>,
}

/// What the candidate's private link to a practical test opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MaterialsLink {
    /// The test is running: its instructions, the time left and the materials to download.
    Open {
        title_it: String,
        title_en: String,
        instructions_it: String,
        instructions_en: String,
        ends_at: DateTime<Utc>,
        seconds_left: i64,
        materials: Vec<MaterialView>,
    },
    /// The time is up, or the test was graded: the materials are no longer offered.
    Over { title_it: String, title_en: String },
}
