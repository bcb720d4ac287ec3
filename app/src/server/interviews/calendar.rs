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

fn person(key: &str, who: &Attendee, attendee: bool) -> Property {
    let mut property = Property::new(key, format!("mailto:{}", who.email));
    property.add_parameter("CN", &who.name.replace(['"', ';', ':', ','], " "));
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
        .summary(&entry.summary)
        .description(&entry.description)
        .starts(entry.starts)
        .ends(entry.ends)
        .status(match method {
            Method::Request => EventStatus::Confirmed,
            Method::Cancel => EventStatus::Cancelled,
        })
        .append_property(person("ORGANIZER", &entry.organizer, false));
    if !entry.location.trim().is_empty() {
        event.location(&entry.location);
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
