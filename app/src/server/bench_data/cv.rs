//! A synthetic candidate's CV as text: a few hundred words in Italian or English, laid out as
//! people write them (contacts, profile, jobs, education, software, languages, consent).

use std::fmt::Write;

use super::people::Person;
use crate::i18n::Lang;

fn month(person: &Person, (year, month): (i32, u32)) -> String {
    let lang = if person.english { Lang::En } else { Lang::It };
    format!("{} {year}", lang.month_name(month.clamp(1, 12) - 1))
}

fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect::<String>() + "."
    })
}

/// The CV's lines. `today` is the year and month it is written in.
pub fn text(person: &Person, today: (i32, u32)) -> String {
    let say = |words| person.say(words);
    let mut cv = String::with_capacity(3000);
    // Writing to a String cannot fail: the `let _ =` below drop an always-Ok result.
    let _ = writeln!(cv, "Curriculum vitae - {}", person.name());
    let _ = writeln!(
        cv,
        "{}: {} | {} | {} | {} {}",
        say(("Residenza", "Address")),
        person.city,
        person.email,
        person.phone,
        match (person.english, person.female) {
            (true, _) => "born in",
            (false, true) => "nata nel",
            (false, false) => "nato nel",
        },
        person.birth_year
    );

    let _ = writeln!(cv, "\n{}", say(("PROFILO", "PROFILE")));
    let years = person.years_of_experience(today);
    let current = person
        .jobs
        .first()
        .map_or(person.role.titles[0], |job| job.title);
    let experience = match (person.jobs.is_empty(), years) {
        (true, _) => say((
            "in cerca della prima esperienza come",
            "looking for a first job as",
        ))
        .to_owned(),
        (false, 0) => say((
            "con meno di un anno di esperienza come",
            "with less than a year of experience as",
        ))
        .to_owned(),
        (false, 1) => say((
            "con un anno di esperienza come",
            "with a year of experience as",
        ))
        .to_owned(),
        (false, years) => format!(
            "{} {years} {}",
            say(("con", "with")),
            say(("anni di esperienza come", "years of experience as"))
        ),
    };
    let _ = writeln!(
        cv,
        "{} {experience} {}. {} {}",
        say(person.profile_opening),
        person.title(current).to_lowercase(),
        say(person.profile_closing),
        say(person.availability)
    );
    let _ = writeln!(cv, "{}", say(person.objective));

    let _ = writeln!(
        cv,
        "\n{}",
        say(("ESPERIENZE PROFESSIONALI", "WORK EXPERIENCE"))
    );
    for job in &person.jobs {
        let end = job
            .end
            .map_or_else(|| say(("oggi", "present")).to_owned(), |e| month(person, e));
        let _ = writeln!(
            cv,
            "{} - {}: {}, {}, {}",
            month(person, job.start),
            end,
            person.title(job.title),
            job.employer,
            job.city
        );
        for duty in &job.duties {
            let _ = writeln!(cv, "- {}", sentence(say(*duty)));
        }
        if let Some((achievement, n)) = job.achievement {
            let _ = writeln!(cv, "- {}", say(achievement).replace("{n}", &n.to_string()));
        }
    }
    if person.jobs.is_empty() {
        let _ = writeln!(
            cv,
            "{}",
            say((
                "Tirocinio curricolare e lavori stagionali durante gli studi.",
                "Internship and seasonal jobs while studying."
            ))
        );
    }

    let _ = writeln!(cv, "\n{}", say(("ISTRUZIONE E FORMAZIONE", "EDUCATION")));
    let _ = writeln!(
        cv,
        "{}: {}, {}",
        person.graduated,
        say(person.qualification),
        person.school
    );
    if !person.certificates.is_empty() {
        let _ = writeln!(
            cv,
            "{}: {}",
            say(("Certificazioni e corsi", "Certificates and courses")),
            person.certificates.join(", ")
        );
    }

    let _ = writeln!(cv, "\n{}", say(("COMPETENZE", "SKILLS")));
    let _ = writeln!(
        cv,
        "{}: {}.",
        say(("Informatiche", "Software")),
        person.software.join(", ")
    );
    let skills: Vec<&str> = person.skills.iter().map(|s| say(*s)).collect();
    let _ = writeln!(
        cv,
        "{}: {}.",
        say(("Personali", "Personal")),
        skills.join(", ")
    );
    let mut languages = vec![say(("italiano (madrelingua)", "Italian (native)")).to_owned()];
    languages.extend(
        person
            .languages
            .iter()
            .map(|(language, level)| format!("{} ({level})", say(*language))),
    );
    let _ = writeln!(
        cv,
        "{}: {}.",
        say(("Lingue", "Languages")),
        languages.join(", ")
    );

    let _ = writeln!(cv, "\n{}", say(("ALTRE INFORMAZIONI", "OTHER")));
    let interests: Vec<&str> = person.interests.iter().map(|i| say(*i)).collect();
    let _ = writeln!(
        cv,
        "{} {}: {}.",
        say(("Patente B.", "Driving licence.")),
        say(("Interessi", "Interests")),
        interests.join(", ")
    );
    let _ = writeln!(
        cv,
        "{}",
        say((
            "Autorizzo il trattamento dei dati personali contenuti nel curriculum vitae ai sensi del Regolamento UE 2016/679 (GDPR).",
            "I authorise the processing of the personal data in this CV under Regulation (EU) 2016/679 (GDPR)."
        ))
    );
    cv
}

#[cfg(test)]
mod tests {
    use chrono::{Datelike, Utc};
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    use super::super::people::{OpeningChoice, draw};
    use super::*;

    #[test]
    fn a_cv_has_a_few_hundred_words_and_names_its_candidate() {
        let now = Utc::now();
        let openings = [OpeningChoice {
            profile_code: "bank-teller",
            back_office: false,
        }];
        let mut rng = StdRng::seed_from_u64(3);
        let mut words = Vec::new();
        for serial in 0..200 {
            let person = draw(&mut rng, serial, &openings, now);
            let cv = text(&person, (now.year(), now.month()));
            assert!(cv.contains(&person.name()));
            assert!(cv.contains("GDPR"));
            words.push(cv.split_whitespace().count());
        }
        let mean = words.iter().sum::<usize>() / words.len();
        assert!((150..=500).contains(&mean), "mean {mean} words");
    }
}
