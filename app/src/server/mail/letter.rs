//! A letter: one message's content in its recipient's language, written once as paragraphs and
//! rendered both as plain text and as HTML, with an optional attachment.

use crate::i18n::Lang;

/// A file sent with a letter, such as an invitation's calendar entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The file name the recipient sees, such as `invito.ics`.
    pub name: String,
    /// Its MIME type with parameters, such as `text/calendar; method=REQUEST; charset=UTF-8`.
    pub content_type: String,
    /// Its content (text formats only).
    pub body: String,
}

/// One message to one recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub lang: Lang,
    pub subject: String,
    /// The opening line, such as "Gentile Anna,".
    pub greeting: String,
    /// The body, a paragraph each; a paragraph's line breaks are kept.
    pub paragraphs: Vec<String>,
    /// The closing line, such as "Il team Risorse umane".
    pub signature: String,
    pub attachment: Option<Attachment>,
}

impl Letter {
    /// The plain-text body: the greeting, the paragraphs and the signature, a blank line apart.
    pub fn text(&self) -> String {
        std::iter::once(self.greeting.as_str())
            .chain(self.paragraphs.iter().map(String::as_str))
            .chain(std::iter::once(self.signature.as_str()))
            .filter(|part| !part.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// The HTML body: the same text, each part a paragraph, everything escaped.
    pub fn html(&self) -> String {
        html(self.lang, &self.subject, &self.text())
    }
}

/// An HTML page for an email from its plain text: each blank-line-separated part becomes a
/// paragraph and each line break a `<br>`. Also renders messages queued before the outbox kept
/// an HTML body.
pub fn html(lang: Lang, subject: &str, text: &str) -> String {
    let paragraphs: String = text
        .split("\n\n")
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let lines: Vec<String> = part
                .lines()
                .map(|line| html_escape::encode_text(line).into_owned())
                .collect();
            format!("<p style=\"margin:0 0 1em\">{}</p>\n", lines.join("<br>\n"))
        })
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n</head>\n<body style=\"font-family:Arial,Helvetica,sans-serif;\
         font-size:15px;line-height:1.5;color:#1f2933;max-width:40em\">\n{paragraphs}</body>\n</html>\n",
        lang = lang.as_str(),
        title = html_escape::encode_text(subject),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter() -> Letter {
        Letter {
            lang: Lang::It,
            subject: "Colloquio <conferma>".into(),
            greeting: "Gentile Anna,".into(),
            paragraphs: vec![
                "ti aspettiamo il 3 dicembre.".into(),
                "Dove: Via Roma 1\nQuando: 10:00".into(),
            ],
            signature: "Il team Risorse umane".into(),
            attachment: None,
        }
    }

    #[test]
    fn the_text_body_puts_a_blank_line_between_the_parts() {
        assert_eq!(
            letter().text(),
            "Gentile Anna,\n\nti aspettiamo il 3 dicembre.\n\nDove: Via Roma 1\nQuando: 10:00\n\n\
             Il team Risorse umane"
        );
    }

    #[test]
    fn the_html_body_has_a_paragraph_per_part_and_escapes_what_the_user_wrote() {
        let mut letter = letter();
        letter.greeting = "Gentile <b>Anna</b> & co,".into();
        let html = letter.html();
        assert!(html.contains("<html lang=\"it\">"));
        assert!(html.contains("<title>Colloquio &lt;conferma&gt;</title>"));
        assert!(html.contains(">Gentile &lt;b&gt;Anna&lt;/b&gt; &amp; co,</p>"));
        assert!(html.contains(">Dove: Via Roma 1<br>\nQuando: 10:00</p>"));
        assert_eq!(html.matches("<p ").count(), 4);
    }
}
