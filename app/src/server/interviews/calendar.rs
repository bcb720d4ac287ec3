//! The interview's calendar entry (RFC 5545): `METHOD:REQUEST` when scheduled or changed,
//! `METHOD:CANCEL` when cancelled, one stable UID per interview and a SEQUENCE raised on every
//! change, so that calendar programs update or remove the same event instead of adding one.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};

/// A request to put the event in (or update it in) the calendar, or to take it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Request,
    Cancel,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Request => "REQUEST",
            Method::Cancel => "CANCEL",
        }
    }

    /// The MIME type of an `.ics` file with this method.
    pub fn content_type(self) -> String {
        format!("text/calendar; method={}; charset=UTF-8", self.as_str())
    }
}

/// Someone invited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub name: String,
    pub email: String,
}

/// What the calendar entry says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub uid: String,
    pub sequence: u32,
    pub summary: String,
    pub description: String,
    /// A place, or the video link.
    pub location: String,
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
    pub organizer: Attendee,
    pub attendees: Vec<Attendee>,
}

/// `text` on one line: control characters (a line break typed into a name) become spaces, so
/// nothing a user typed can start a property of its own.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// `text` with its line breaks as `\n` alone, and no other control character.
fn lines(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

fn person(key: &str, who: &Attendee, attendee: bool) -> Property {
    let mut property = Property::new(key, format!("mailto:{}", one_line(&who.email)));
    property.add_parameter(
        "CN",
        &one_line(&who.name).replace(['"', ';', ':', ','], " "),
    );
    if attendee {
        property
            .add_parameter("ROLE", "REQ-PARTICIPANT")
            .add_parameter("PARTSTAT", "NEEDS-ACTION")
            .add_parameter("RSVP", "FALSE");
    }
    property.done()
}

/// The `.ics` file for `entry` with `method`, times in UTC.
pub fn ics(entry: &Entry, method: Method) -> String {
    let mut event = Event::new();
    event
        .uid(&entry.uid)
        .sequence(entry.sequence)
        .summary(&one_line(&entry.summary))
        .description(&lines(&entry.description))
        .starts(entry.starts)
        .ends(entry.ends)
        .status(match method {
            Method::Request => EventStatus::Confirmed,
            Method::Cancel => EventStatus::Cancelled,
        })
        .append_property(person("ORGANIZER", &entry.organizer, false));
    if !entry.location.trim().is_empty() {
        event.location(&one_line(&entry.location));
    }
    for attendee in &entry.attendees {
        event.append_multi_property(person("ATTENDEE", attendee, true));
    }
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new("PRODID", "-//Percorso//Interviews//EN"))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", method.as_str()))
        .push(event.done());
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn entry(name: &str) -> Entry {
        let starts = Utc.with_ymd_and_hms(2030, 12, 3, 9, 0, 0).unwrap();
        Entry {
            uid: "abc@percorso".into(),
            sequence: 2,
            summary: format!("Colloquio: {name}"),
            description: format!("Colloquio: {name}\nhttps://meet.example.com/x"),
            location: "Sala Verdi".into(),
            starts,
            ends: starts + chrono::TimeDelta::hours(1),
            organizer: Attendee {
                name: "Giulia Ferrari".into(),
                email: "hr@example.it".into(),
            },
            attendees: vec![Attendee {
                name: name.into(),
                email: "anna@example.it".into(),
            }],
        }
    }

    #[test]
    fn a_line_break_typed_into_a_name_cannot_start_a_property_of_its_own() {
        let text = ics(
            &entry("Anna\r\nATTENDEE:mailto:intruso@example.it\rX"),
            Method::Request,
        );
        let starts: Vec<&str> = text
            .split("\r\n")
            .map(|line| line.split(':').next().unwrap_or_default())
            .collect();
        assert_eq!(
            starts.iter().filter(|s| s.starts_with("ATTENDEE")).count(),
            1,
            "{text}"
        );
        assert!(!text.contains("\rX"), "no bare carriage return: {text:?}");
    }

    #[test]
    fn a_cancellation_keeps_the_uid_and_says_cancelled() {
        let text = ics(&entry("Anna"), Method::Cancel);
        assert!(text.contains("METHOD:CANCEL"));
        assert!(text.contains("UID:abc@percorso"));
        assert!(text.contains("SEQUENCE:2"));
        assert!(text.contains("STATUS:CANCELLED"));
        assert!(text.contains("DTSTART:20301203T090000Z"));
    }
}
