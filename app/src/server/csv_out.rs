//! CSV downloads: rows written with the `csv` crate (every field quoted, CRLF line ends), and
//! cells a spreadsheet would run as a formula defused with a leading apostrophe.

use crate::model::AppError;

/// A CSV document being written.
pub struct CsvOut {
    writer: csv::Writer<Vec<u8>>,
}

/// `value`, made safe to open in a spreadsheet: a cell starting like a formula is kept as text.
fn defused(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}").into()
    } else {
        value.into()
    }
}

impl CsvOut {
    /// A document starting with `header`.
    pub fn new(header: &[&str]) -> Result<Self, AppError> {
        let writer = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Always)
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let mut out = CsvOut { writer };
        out.row(header.iter().copied())?;
        Ok(out)
    }

    /// Writes one row.
    pub fn row<'a>(&mut self, fields: impl IntoIterator<Item = &'a str>) -> Result<(), AppError> {
        self.writer
            .write_record(fields.into_iter().map(|f| defused(f).into_owned()))
            .map_err(|error| {
                tracing::error!(%error, "writing a CSV row failed");
                AppError::Internal
            })
    }

    /// The document.
    pub fn finish(self) -> Result<String, AppError> {
        let bytes = self.writer.into_inner().map_err(|_| AppError::Internal)?;
        String::from_utf8(bytes).map_err(|_| AppError::Internal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_quoted_and_a_formula_is_defused() {
        let mut out = CsvOut::new(&["name", "note"]).unwrap();
        out.row(["Anna \"Nina\" Rossi", "=HYPERLINK(\"x\")"])
            .unwrap();
        assert_eq!(
            out.finish().unwrap(),
            "\"name\",\"note\"\r\n\"Anna \"\"Nina\"\" Rossi\",\"'=HYPERLINK(\"\"x\"\")\"\r\n"
        );
    }
}
