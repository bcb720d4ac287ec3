//! Fuzzing, as proptest: the PDF and DOCX text extraction over 10,000 generated files each
//! (real documents with bytes flipped, cut short or spliced, and bytes at random), and the
//! contact finder and the name guess over 10,000 generated texts. No input may panic out of
//! them or hang; a panic inside a third-party parser is contained by `extract` and counted.
//!
//! `PERCORSO_FUZZ_CASES` sets the number of inputs of each run (10,000 unless set; none on
//! the PostgreSQL run of the suite).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Once};

use app::server::files::DocumentType;
use app::server::recruitment::intake::guess_name;
use app::server::text::{extract, find_contacts};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::documents::{docx, pdf};

/// How many inputs each run tries: none on the PostgreSQL run of the suite (these tests do not
/// touch a database, and the SQLite run has made them).
pub(crate) fn cases() -> u32 {
    if crate::helpers::on_postgres() {
        return 0;
    }
    std::env::var("PERCORSO_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

/// The threads that parse the fuzzed files are named `fuzz-` and the format: panics there are
/// recorded, not shown.
const FUZZ_THREAD: &str = "fuzz-";

/// The panics on the fuzzing threads (thread name, where), recorded by the hook
/// [`record_contained_panics`] installs.
static CONTAINED: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());

/// Records (and keeps quiet) panics on the fuzzing threads; others go to the usual hook.
fn record_contained_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let usual = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| match std::thread::current().name() {
            Some(name) if name.starts_with(FUZZ_THREAD) => {
                let at = info.location().map_or_else(String::new, |l| {
                    let file = l.file().rsplit("/registry/src/").next().unwrap_or(l.file());
                    format!("{file}:{}", l.line())
                });
                CONTAINED
                    .lock()
                    .expect("the panics")
                    .push((name.to_owned(), at));
            }
            _ => usual(info),
        }));
    });
}

/// The contained panics of the `format` run: how many, and the places they came from.
fn contained(format: &str) -> (usize, Vec<String>) {
    let thread = format!("{FUZZ_THREAD}{format}");
    let panics = CONTAINED.lock().expect("the panics");
    let mine: Vec<&String> = panics
        .iter()
        .filter(|(name, _)| *name == thread)
        .map(|(_, at)| at)
        .collect();
    let mut places: Vec<String> = mine.iter().map(|at| (*at).clone()).collect();
    places.sort();
    places.dedup();
    (mine.len(), places)
}

/// A runtime whose blocking pool, where `extract` runs its parsers, is named for `format`.
fn runtime(format: &str) -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name(format!("{FUZZ_THREAD}{format}"))
        .enable_all()
        .build()
        .expect("a runtime")
}

/// A change to a real file's bytes.
#[derive(Debug, Clone)]
enum Damage {
    /// These positions (taken modulo the length) get these bytes.
    Flip(Vec<(usize, u8)>),
    /// The file cut at this share (per mille) of its length.
    Cut(u16),
    /// These bytes put in at this share (per mille) of its length.
    Splice(u16, Vec<u8>),
    /// Another file altogether: these bytes, after the format's magic or not.
    Random(bool, Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        4 => prop::collection::vec((any::<usize>(), any::<u8>()), 1..24).prop_map(Damage::Flip),
        2 => (0u16..1000).prop_map(Damage::Cut),
        2 => (0u16..1000, prop::collection::vec(any::<u8>(), 1..64)).prop_map(|(at, b)| Damage::Splice(at, b)),
        1 => (any::<bool>(), prop::collection::vec(any::<u8>(), 0..512)).prop_map(|(m, b)| Damage::Random(m, b)),
    ]
}

/// `file` with `damage` done to it; `magic` starts a random file that keeps the format's.
fn damaged(file: &[u8], damage: &Damage, magic: &[u8]) -> Vec<u8> {
    let share = |per_mille: u16| file.len() * usize::from(per_mille) / 1000;
    match damage {
        Damage::Flip(flips) => {
            let mut bytes = file.to_vec();
            for (at, byte) in flips {
                let at = at % bytes.len();
                bytes[at] = *byte;
            }
            bytes
        }
        Damage::Cut(at) => file[..share(*at)].to_vec(),
        Damage::Splice(at, extra) => {
            let mut bytes = file.to_vec();
            let at = share(*at);
            bytes.splice(at..at, extra.iter().copied());
            bytes
        }
        Damage::Random(keep_magic, bytes) => {
            let mut out = if *keep_magic {
                magic.to_vec()
            } else {
                Vec::new()
            };
            out.extend_from_slice(bytes);
            out
        }
    }
}

/// Runs `extract` over `cases()` damaged copies of `samples`, and says how many read as text.
fn fuzz_extraction(kind: DocumentType, samples: Vec<Vec<u8>>, magic: &'static [u8]) -> usize {
    record_contained_panics();
    let format = match kind {
        DocumentType::Pdf => "pdf",
        DocumentType::Docx => "docx",
    };
    let runtime = runtime(format);
    for sample in &samples {
        let text = runtime.block_on(extract(sample.clone(), kind));
        assert!(text.is_some(), "an undamaged {format} is read");
    }
    let read = Arc::new(AtomicUsize::new(0));
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (0..samples.len(), damage());
    runner
        .run(&strategy, |(sample, damage)| {
            let bytes = damaged(&samples[sample], &damage, magic);
            let text = runtime.block_on(extract(bytes, kind));
            if let Some(text) = text {
                prop_assert!(!text.is_empty() && text.chars().count() <= 200_000);
                prop_assert!(
                    !text
                        .chars()
                        .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')),
                    "a control character in {text:?}"
                );
                read.fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        })
        .expect("no input panics out of the extraction");
    read.load(Ordering::Relaxed)
}

#[test]
fn pdf_extraction_survives_ten_thousand_damaged_and_random_files() {
    let samples = vec![
        pdf(&["Anna Rossi", "anna.rossi@example.it", "+39 347 123 4567"]),
        pdf(&[
            "Curriculum vitae",
            "Esperienza: sportello bancario, 2019–2024",
            "Lingue: inglese B2",
        ]),
    ];
    let read = fuzz_extraction(DocumentType::Pdf, samples, b"%PDF-1.5\n");
    let (panics, places) = contained("pdf");
    eprintln!(
        "PDF: {} inputs, {read} read as text, {panics} panics contained, from {places:?}",
        cases()
    );
}

#[test]
fn docx_extraction_survives_ten_thousand_damaged_and_random_files() {
    let samples = vec![
        docx(&["Marco Bianchi", "marco.bianchi@example.it", "Archivista"]),
        docx(&[
            "Curriculum",
            "Contabilità &amp; amministrazione",
            "Tel. 041 555 1234",
        ]),
    ];
    let read = fuzz_extraction(DocumentType::Docx, samples, b"PK\x03\x04");
    let (panics, places) = contained("docx");
    eprintln!(
        "DOCX: {} inputs, {read} read as text, {panics} panics contained, from {places:?}",
        cases()
    );
    assert_eq!(
        panics, 0,
        "the DOCX reader is ours and should not panic: {places:?}"
    );
}

/// Texts like a CV's: names, emails, phone numbers and separators run together at random,
/// and any characters at all.
fn cv_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Anna Rossi".to_owned()),
        Just("anna.rossi@example.it".to_owned()),
        Just("@".to_owned()),
        Just("+39 347 123 4567".to_owned()),
        Just("(041) 555-12".to_owned()),
        Just("\n".to_owned()),
        Just("  |  ".to_owned()),
        Just("\t•".to_owned()),
        "[0-9 +()./-]{0,30}",
        "[A-Za-zÀ-ÿ.@ ]{0,30}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

#[test]
fn the_contact_finder_and_name_guess_survive_ten_thousand_generated_texts() {
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&(cv_text(), any::<String>()), |(text, file_name)| {
            let (email, phone) = find_contacts(&text);
            if let Some(email) = email {
                prop_assert!(email.contains('@') && text.to_lowercase().contains(&email));
            }
            if let Some(phone) = phone {
                prop_assert!(text.contains(&phone));
            }
            let name = guess_name(&text, &file_name);
            prop_assert!(name.chars().count() <= 200, "{name:?}");
            Ok(())
        })
        .expect("the contact finder and the name guess take any text");
}
