//! A minimal, valid PDF of plain text: A4 pages of Helvetica lines, wrapped, with the text in
//! the standard WinAnsi encoding, so the CV files of synthetic candidates open in any viewer
//! and their text can be extracted again.

use std::fmt::Write;

/// Characters per line: Helvetica at 10 pt fits about this many in A4's text width.
const LINE_CHARS: usize = 96;
const LINES_PER_PAGE: usize = 60;
const TOP: u32 = 800;
const LEFT: u32 = 50;

/// The PDF of `text`, titled `title`.
pub fn document(title: &str, text: &str) -> Vec<u8> {
    let lines = wrap(text);
    let pages: Vec<&[String]> = if lines.is_empty() {
        vec![&[]]
    } else {
        lines.chunks(LINES_PER_PAGE).collect()
    };
    // Objects: 1 catalog, 2 page tree, 3 font, 4 info, then a page and its content per page.
    let page_ids: Vec<usize> = (0..pages.len()).map(|n| 5 + 2 * n).collect();
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            page_ids
                .iter()
                .map(|id| format!("{id} 0 R"))
                .collect::<Vec<_>>()
                .join(" "),
            pages.len()
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
        [
            b"<< /Title ".as_slice(),
            &string(title),
            b" /Producer (Percorso seed-bench) >>",
        ]
        .concat(),
    ];
    for (page, id) in pages.iter().zip(&page_ids) {
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                id + 1
            )
            .into_bytes(),
        );
        let mut content = format!("BT /F1 10 Tf 13 TL {LEFT} {TOP} Td").into_bytes();
        for line in page.iter() {
            content.push(b'\n');
            content.extend(string(line));
            content.extend(b" Tj T*");
        }
        content.extend(b"\nET");
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend(content);
        stream.extend(b"\nendstream");
        objects.push(stream);
    }

    let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (n, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", n + 1).into_bytes());
        pdf.extend(object);
        pdf.extend(b"\nendobj\n");
    }
    let xref = pdf.len();
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        // Writing to a String cannot fail.
        let _ = writeln!(table, "{offset:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    pdf.extend(table.into_bytes());
    pdf
}

/// The text's lines, each wrapped at word boundaries to fit the page.
fn wrap(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > LINE_CHARS {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

/// A PDF string literal in WinAnsi: Latin-1 letters as octal escapes, delimiters escaped, and
/// anything WinAnsi cannot show as `?`.
fn string(text: &str) -> Vec<u8> {
    let mut out = vec![b'('];
    for c in text.chars() {
        match c {
            '(' | ')' | '\\' => {
                out.push(b'\\');
                out.push(c as u8);
            }
            ' '..='~' => out.push(c as u8),
            '\u{a0}'..='\u{ff}' => out.extend(format!("\\{:03o}", c as u32).into_bytes()),
            '\u{2019}' => out.push(b'\''),
            _ => out.push(b'?'),
        }
    }
    out.push(b')');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::files::{DocumentType, sniff};
    use crate::server::text::extract;

    #[test]
    fn strings_escape_delimiters_and_encode_accents() {
        assert_eq!(string("a(b)\\"), b"(a\\(b\\)\\\\)".to_vec());
        assert_eq!(string("città"), b"(citt\\340)".to_vec());
        assert_eq!(string("€"), b"(?)".to_vec());
    }

    #[test]
    fn long_lines_wrap_at_words() {
        let long = "parola ".repeat(40);
        let lines = wrap(&long);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= LINE_CHARS));
    }

    #[tokio::test]
    async fn the_pdf_is_recognised_and_its_text_extracted_again() {
        let text = "Curriculum vitae - Anna D'Angelo\nEsperienza allo sportello a Forlì (2019)\n"
            .repeat(40);
        let pdf = document("CV Anna D'Angelo", &text);
        assert_eq!(sniff(&pdf), Ok(DocumentType::Pdf));
        let extracted = extract(pdf, DocumentType::Pdf)
            .await
            .expect("the text comes back");
        assert!(extracted.contains("Anna D'Angelo"), "{extracted}");
        assert!(extracted.contains("Forlì"), "{extracted}");
        assert!(extracted.matches("sportello").count() == 40, "two pages");
    }
}
