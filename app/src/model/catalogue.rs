//! What the course and certification catalogues' forms read alike: required texts, a validity
//! in months, a level for each competency and the job profiles ticked.

use super::FieldErrors;

/// The longest validity the catalogues accept: fifty years.
pub const MOST_VALIDITY_MONTHS: u32 = 600;

/// A required text of at most `most` characters, trimmed; refused on `field` when blank or
/// longer.
pub(crate) fn required_text(
    value: &str,
    field: &str,
    most: usize,
    errors: &mut FieldErrors,
) -> String {
    let value = value.trim();
    match value.chars().count() {
        0 => errors.add(field, "required"),
        n if n > most => errors.add_with(field, "too_long", most as u64),
        _ => {}
    }
    value.to_owned()
}

/// A validity typed in `validity_months`: blank for none, else 1 to [`MOST_VALIDITY_MONTHS`].
pub(crate) fn read_validity(value: &str, errors: &mut FieldErrors) -> Option<u32> {
    match value.trim() {
        "" => None,
        typed => match typed.parse::<i64>() {
            Ok(n) if (1..=i64::from(MOST_VALIDITY_MONTHS)).contains(&n) => u32::try_from(n).ok(),
            Ok(_) => {
                errors.add_with(
                    "validity_months",
                    "validity_range",
                    u64::from(MOST_VALIDITY_MONTHS),
                );
                None
            }
            Err(_) => {
                errors.add("validity_months", "number");
                None
            }
        },
    }
}

/// The levels chosen, as (competency id, level 1–5): a blank one is left out, one outside 1–5
/// refused on `level_{competency}`, a competency named twice (a crafted form) counted once.
pub(crate) fn read_levels(levels: &[(i32, String)], errors: &mut FieldErrors) -> Vec<(i32, u8)> {
    let mut chosen: Vec<(i32, u8)> = Vec::new();
    for (competency, level) in levels {
        match level.trim() {
            "" => {}
            _ if chosen.iter().any(|(c, _)| c == competency) => {}
            typed => match typed.parse::<u8>() {
                Ok(level @ 1..=5) => chosen.push((*competency, level)),
                _ => errors.add(&format!("level_{competency}"), "level_range"),
            },
        }
    }
    chosen
}

/// The profiles ticked, each once, in id order.
pub(crate) fn distinct(profiles: &[i32]) -> Vec<i32> {
    let mut profiles = profiles.to_vec();
    profiles.sort_unstable();
    profiles.dedup();
    profiles
}
