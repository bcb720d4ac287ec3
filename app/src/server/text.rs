//! Text extraction from PDF and DOCX files. Parsers of untrusted files run on the blocking
//! pool, behind `catch_unwind`, with a cap on how much they may inflate: a file that cannot be
//! read yields `None`, never a crash.

use std::io::{Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::server::blocking;
use crate::server::files::DocumentType;

/// Most characters of text kept from one file.
const MAX_TEXT_CHARS: usize = 200_000;
/// Most bytes a DOCX's document part may inflate to.
const MAX_DOCX_XML_BYTES: u64 = 20 * 1024 * 1024;

/// The text of a document, or `None` if it cannot be read.
pub async fn extract(bytes: Vec<u8>, kind: DocumentType) -> Option<String> {
    let text = blocking(move || {
        catch_unwind(AssertUnwindSafe(|| match kind {
            DocumentType::Pdf => pdf_extract::extract_text_from_mem(&bytes).ok(),
            DocumentType::Docx => docx_text(&bytes),
        }))
        .ok()
        .flatten()
    })
    .await
    .ok()
    .flatten()?;
    // Control characters (a NUL from a glyph mapped to 0, say) are nobody's text, and
    // PostgreSQL cannot store a NUL: only line breaks and tabs stay.
    let text: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t' | '\r'))
        .take(MAX_TEXT_CHARS)
        .collect();
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

/// The paragraphs of a DOCX, one a line.
fn docx_text(bytes: &[u8]) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let part = archive.by_name("word/document.xml").ok()?;
    let mut xml = Vec::new();
    part.take(MAX_DOCX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .ok()?;
    if xml.len() as u64 > MAX_DOCX_XML_BYTES {
        return None;
    }
    let mut reader = Reader::from_reader(xml.as_slice());
    let mut text = String::new();
    let mut in_text = false;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::End(e) if e.name().as_ref() == b"w:p" => text.push('\n'),
            Event::Empty(e) if matches!(e.name().as_ref(), b"w:tab" | b"w:br") => text.push(' '),
            Event::Text(t) if in_text => text.push_str(&t.unescape().ok()?),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Some(text)
}

/// The first email address and phone number found in a text, to prefill a form.
pub fn find_contacts(text: &str) -> (Option<String>, Option<String>) {
    let email = text
        .split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | ',' | ';'))
        .map(|word| word.trim_matches(|c: char| matches!(c, '.' | ':' | '"' | '\'')))
        .find(|word| {
            let mut parts = word.split('@');
            matches!(
                (parts.next(), parts.next(), parts.next()),
                (Some(local), Some(domain), None)
                    if !local.is_empty() && domain.contains('.') && !domain.ends_with('.')
            )
        })
        .map(str::to_lowercase);
    let phone = text.lines().find_map(|line| {
        // Try every run of phone characters that starts a word: "+39 347…", "(041) 555…".
        let starts = line.char_indices().filter(|&(i, c)| {
            (c == '+' || c == '(' || c.is_ascii_digit())
                && line[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|before| before.is_whitespace() || matches!(before, ':' | ','))
        });
        starts.map(|(i, _)| i).find_map(|start| {
            let candidate: String = line[start..]
                .chars()
                .take_while(|c| c.is_ascii_digit() || " +-./()".contains(*c))
                .collect();
            let candidate = candidate.trim().to_owned();
            crate::model::check_phone(&candidate)
                .ok()
                .map(|()| candidate)
        })
    });
    (email, phone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_broken_pdf_yields_no_text_and_no_panic() {
        let broken =
            b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer garbage".to_vec();
        assert_eq!(extract(broken, DocumentType::Pdf).await, None);
    }

    #[tokio::test]
    async fn control_characters_in_a_document_are_left_out_of_its_text() {
        let xml = "<w:document><w:body><w:p><w:r><w:t>Anna\u{0}Rossi\u{7}</w:t></w:r></w:p></w:body></w:document>";
        let mut docx = std::io::Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut docx);
            zip.start_file(
                "word/document.xml",
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            std::io::Write::write_all(&mut zip, xml.as_bytes()).unwrap();
            zip.finish().unwrap();
        }
        let text = extract(docx.into_inner(), DocumentType::Docx).await;
        assert_eq!(text.as_deref(), Some("AnnaRossi"));
    }

    #[tokio::test]
    async fn a_docx_that_is_not_a_zip_yields_no_text() {
        assert_eq!(
            extract(b"PK\x03\x04nope".to_vec(), DocumentType::Docx).await,
            None
        );
    }

    #[test]
    fn contacts_are_found_in_cv_text() {
        let (email, phone) = find_contacts(
            "Anna Rossi\nVia Roma 1, Venezia\nTel. +39 347 123 4567\nEmail: Anna.Rossi@Example.it.\n",
        );
        assert_eq!(email.as_deref(), Some("anna.rossi@example.it"));
        assert_eq!(phone.as_deref(), Some("+39 347 123 4567"));
    }

    #[test]
    fn digits_inside_an_email_are_not_taken_for_a_phone() {
        let (email, phone) = find_contacts("Curriculum anna.82@example.it 02 555 7788");
        assert_eq!(email.as_deref(), Some("anna.82@example.it"));
        assert_eq!(phone.as_deref(), Some("02 555 7788"));
    }
}
