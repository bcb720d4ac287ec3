//! The competency framework and job profiles: enums, views and the inputs HR edit them with.

use serde::{Deserialize, Serialize};
use validator::Validate;

use super::users::not_blank;
use super::{CompetencyId, JobProfileId};

/// Where a competency belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    FrontOffice,
    BackOffice,
    Transversal,
}

impl Area {
    pub const ALL: [Area; 3] = [Area::FrontOffice, Area::BackOffice, Area::Transversal];
    /// Areas a job profile can belong to.
    pub const FOR_PROFILES: [Area; 2] = [Area::FrontOffice, Area::BackOffice];

    pub fn as_str(self) -> &'static str {
        match self {
            Area::FrontOffice => "front_office",
            Area::BackOffice => "back_office",
            Area::Transversal => "transversal",
        }
    }

    pub fn parse(value: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.as_str() == value)
    }
}

/// The sectors where front- and back-office roles are found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Hospitality,
    Banking,
    Healthcare,
    Services,
    Telecommunications,
    PublicSector,
    Education,
    NonProfit,
    ProfessionalFirm,
}

impl Sector {
    pub const ALL: [Sector; 9] = [
        Sector::Hospitality,
        Sector::Banking,
        Sector::Healthcare,
        Sector::Services,
        Sector::Telecommunications,
        Sector::PublicSector,
        Sector::Education,
        Sector::NonProfit,
        Sector::ProfessionalFirm,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Hospitality => "hospitality",
            Sector::Banking => "banking",
            Sector::Healthcare => "healthcare",
            Sector::Services => "services",
            Sector::Telecommunications => "telecommunications",
            Sector::PublicSector => "public_sector",
            Sector::Education => "education",
            Sector::NonProfit => "non_profit",
            Sector::ProfessionalFirm => "professional_firm",
        }
    }

    pub fn parse(value: &str) -> Option<Sector> {
        Sector::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// The levels of the 1–5 rating scale.
pub const LEVELS: std::ops::RangeInclusive<u8> = 1..=5;

/// A behaviour description of one level, in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct LevelText {
    #[validate(custom(function = "not_blank"), length(max = 300, code = "too_long"))]
    pub it: String,
    #[validate(custom(function = "not_blank"), length(max = 300, code = "too_long"))]
    pub en: String,
}

/// What HR fill in to add or edit a competency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct CompetencyInput {
    pub area: Area,
    #[validate(custom(function = "not_blank"), length(max = 120, code = "too_long"))]
    pub name_it: String,
    #[validate(custom(function = "not_blank"), length(max = 120, code = "too_long"))]
    pub name_en: String,
    #[validate(custom(function = "not_blank"), length(max = 1000, code = "too_long"))]
    pub description_it: String,
    #[validate(custom(function = "not_blank"), length(max = 1000, code = "too_long"))]
    pub description_en: String,
    /// Levels 1 to 5, in order.
    #[validate(nested)]
    pub levels: Vec<LevelText>,
}

impl Default for CompetencyInput {
    fn default() -> Self {
        Self {
            area: Area::FrontOffice,
            name_it: String::new(),
            name_en: String::new(),
            description_it: String::new(),
            description_en: String::new(),
            levels: vec![LevelText::default(); LEVELS.len()],
        }
    }
}

/// A competency as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencySummary {
    pub id: CompetencyId,
    pub area: Area,
    pub name_it: String,
    pub name_en: String,
    pub retired: bool,
    /// How many job profiles require it.
    pub profiles_using: u32,
}

/// A competency with everything about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyDetail {
    pub id: CompetencyId,
    pub input: CompetencyInput,
    pub retired: bool,
    pub profiles_using: u32,
}

/// One competency a job profile requires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct RequirementInput {
    pub competency_id: CompetencyId,
    #[validate(range(min = 1, max = 5, code = "level_range"))]
    pub required_level: u8,
    #[validate(range(min = 1, max = 5, code = "weight_range"))]
    pub weight: u8,
}

/// What HR fill in to add or edit a job profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
pub struct JobProfileInput {
    #[validate(custom(function = "not_blank"), length(max = 120, code = "too_long"))]
    pub title_it: String,
    #[validate(custom(function = "not_blank"), length(max = 120, code = "too_long"))]
    pub title_en: String,
    pub area: Area,
    pub sector: Sector,
    #[validate(length(max = 2000, code = "too_long"))]
    pub description_it: String,
    #[validate(length(max = 2000, code = "too_long"))]
    pub description_en: String,
    #[validate(nested)]
    pub requirements: Vec<RequirementInput>,
}

impl Default for JobProfileInput {
    fn default() -> Self {
        Self {
            title_it: String::new(),
            title_en: String::new(),
            area: Area::FrontOffice,
            sector: Sector::Hospitality,
            description_it: String::new(),
            description_en: String::new(),
            requirements: Vec::new(),
        }
    }
}

/// A job profile as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobProfileSummary {
    pub id: JobProfileId,
    pub title_it: String,
    pub title_en: String,
    pub area: Area,
    pub sector: Sector,
    pub requirement_count: u32,
}

/// A job profile with its requirements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobProfileDetail {
    pub id: JobProfileId,
    pub input: JobProfileInput,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate;

    fn competency() -> CompetencyInput {
        CompetencyInput {
            name_it: "Ascolto attivo".into(),
            name_en: "Active listening".into(),
            description_it: "Ascolta".into(),
            description_en: "Listens".into(),
            levels: (1..=5)
                .map(|n| LevelText {
                    it: format!("livello {n}"),
                    en: format!("level {n}"),
                })
                .collect(),
            ..CompetencyInput::default()
        }
    }

    #[test]
    fn a_blank_level_description_is_reported_on_that_level_and_language() {
        let mut input = competency();
        input.levels[2].en = " ".into();
        let errors = validate(&input).unwrap_err().field_errors();
        assert_eq!(errors.get("levels.2.en").unwrap().code, "required");
        assert_eq!(errors.0.len(), 1);
    }

    #[test]
    fn a_required_level_outside_one_to_five_is_refused() {
        let input = JobProfileInput {
            title_it: "Receptionist".into(),
            title_en: "Receptionist".into(),
            requirements: vec![RequirementInput {
                competency_id: CompetencyId(1),
                required_level: 6,
                weight: 0,
            }],
            ..JobProfileInput::default()
        };
        let errors = validate(&input).unwrap_err().field_errors();
        assert_eq!(
            errors.get("requirements.0.required_level").unwrap().code,
            "level_range"
        );
        assert_eq!(
            errors.get("requirements.0.weight").unwrap().code,
            "weight_range"
        );
    }

    #[test]
    fn enums_round_trip_through_their_names() {
        for area in Area::ALL {
            assert_eq!(Area::parse(area.as_str()), Some(area));
        }
        for sector in Sector::ALL {
            assert_eq!(Sector::parse(sector.as_str()), Some(sector));
        }
    }
}
