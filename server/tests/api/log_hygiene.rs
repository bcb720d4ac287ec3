//! Log hygiene: names, emails, phone numbers and passwords typed into the forms, and the
//! tokens of private links, never reach a log line. The test installs the server's own
//! subscriber writing into memory (stricter than the shipped `info,sqlx=warn`: the app, the
//! server and the ORM at `debug`), plants marker values through the forms where people type
//! them, and reads every line back.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use app::model::Role;
use reqwest::StatusCode;
use reqwest::multipart::Form;
use serde_json::json;
use server::config::LogFormat;

use crate::careers::{file, public_opening, send};
use crate::documents::pdf;
use crate::helpers::{Browser, TestApp};
use crate::intake::{added, input};
use crate::password_resets::{link_in, links_mailed_to};

/// What the marker values are: a name, two emails, a phone, two passwords and a token no
/// other test uses.
const NAME: &str = "Zebedeo Marcatorio";
const EMAIL: &str = "zebedeo.marcatorio@example.it";
const OTHER_EMAIL: &str = "utente.marcatorio@example.it";
const PHONE: &str = "+39 333 4417 441";
const PASSWORD: &str = "Marcatorio segreto 4417";
const NEW_PASSWORD: &str = "Marcatorio nuovissimo 4417";
/// A private link's token, posted to from another site.
const TOKEN: &str = "marcatoriotoken4417";

/// Log lines written by the servers of this test binary while `on` (other tests run beside
/// this one; their lines are kept too while it runs, and dropped otherwise).
#[derive(Clone, Default)]
struct Captured {
    lines: Arc<Mutex<Vec<u8>>>,
    on: Arc<AtomicBool>,
}

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.on.load(Ordering::Relaxed) {
            self.lines
                .lock()
                .expect("the log buffer")
                .extend_from_slice(bytes);
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Installs the capture (the process's one subscriber).
fn captured() -> &'static Captured {
    static LOGS: OnceLock<Captured> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Captured::default();
        let writer = logs.clone();
        server::telemetry::init_with(
            "info,app=debug,server=debug,sea_orm=debug",
            LogFormat::Json,
            move || writer.clone(),
        );
        logs
    })
}

/// Signs `browser` in with `email` and `password` (wrong or right), as the sign-in form does.
async fn sign_in_with(browser: &Browser, email: &str, password: &str) -> StatusCode {
    browser
        .call(
            "login",
            json!({"input": {"email": email, "password": password}}),
        )
        .await
        .status
}

#[tokio::test]
async fn no_name_email_phone_or_password_typed_into_a_form_reaches_the_logs() {
    let logs = captured();
    logs.on.store(true, Ordering::Relaxed);
    let app = TestApp::spawn().await;

    // A candidate applies on the careers page, with a CV naming them.
    let opening = public_opening(&app, "Hotel receptionist").await;
    let form = Form::new()
        .text("opening_id", opening.to_string())
        .text("notice_version", "1")
        .text("name", NAME)
        .text("email", EMAIL)
        .text("phone", PHONE)
        .text("education", format!("Diploma, {NAME}"))
        .text("experience", "Tre anni di front office")
        .text(
            "cover_letter",
            format!("Sono {NAME}, scrivetemi a {EMAIL}."),
        )
        .text("website", "")
        .part("cv", file("cv.pdf", pdf(&[NAME, EMAIL, PHONE])));
    let answer = send(&app.anonymous(), &app, form).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");

    // Someone guesses passwords for an email, through the server function and the plain form.
    let visitor = app.anonymous();
    for _ in 0..3 {
        assert!(
            sign_in_with(&visitor, EMAIL, PASSWORD)
                .await
                .is_client_error()
        );
    }
    visitor
        .post_page("/login", &[("email", EMAIL), ("password", PASSWORD)])
        .await;

    // An admin makes an account; its holder signs in and changes the password, first wrongly.
    let admin = app.signed_in(Role::Admin).await;
    let created = admin
        .call(
            "create_user",
            json!({"input": {"email": OTHER_EMAIL, "name": NAME, "role": "hr", "password": PASSWORD}}),
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{created:?}");
    let holder = app.anonymous();
    assert_eq!(
        sign_in_with(&holder, OTHER_EMAIL, PASSWORD).await,
        StatusCode::OK
    );
    for current in [NEW_PASSWORD, PASSWORD] {
        holder
            .call(
                "change_password",
                json!({"input": {"current_password": current, "new_password": NEW_PASSWORD}}),
            )
            .await;
    }

    // The holder forgets the password: links are asked for (one for an address without an
    // account), and a password is chosen through the one mailed.
    let forgetful = app.anonymous();
    for address in [OTHER_EMAIL, EMAIL] {
        let (status, _, _) = forgetful
            .post_page("/forgot-password", &[("email", address)])
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    app.settled().await;
    let link = link_in(&links_mailed_to(&app, OTHER_EMAIL).await[0]);
    let token = link.trim_start_matches("/reset-password/").to_owned();
    forgetful.page(&link).await;
    let (status, _, _) = forgetful
        .post_page(&link, &[("password", PASSWORD), ("confirm", PASSWORD)])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // A page elsewhere posts to the private links: refused, and logged without their tokens.
    for path in [
        format!("/reset-password/{TOKEN}"),
        format!("/welcome/{TOKEN}"),
        format!("/t/{TOKEN}"),
        format!("/p/{TOKEN}/materials/1"),
    ] {
        let refused = forgetful
            .client
            .post(app.url(&path))
            .header("origin", "https://elsewhere.example")
            .form(&[("password", PASSWORD)])
            .send()
            .await
            .expect("request sent");
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{path}");
    }

    // HR add a candidate by hand, search for them and write a note.
    let hr = app.signed_in(Role::Hr).await;
    let candidate = added(
        &hr,
        input(
            &format!("{NAME} Secondo"),
            json!({"email": format!("secondo.{EMAIL}"), "phone": PHONE}),
        ),
    )
    .await;
    hr.call("list_candidates", json!({"filter": {"q": NAME}, "page": 0}))
        .await;
    hr.page(&format!("/candidates?q={}", NAME.replace(' ', "+")))
        .await;
    hr.call(
        "add_note",
        json!({"id": candidate, "input": {"body": format!("Ho parlato con {NAME}, {PHONE}.")}}),
    )
    .await;

    logs.on.store(false, Ordering::Relaxed);
    let text = String::from_utf8_lossy(&logs.lines.lock().expect("the log buffer")).into_owned();
    assert!(
        text.contains("/api/login") && text.contains("/api/apply"),
        "the capture holds the requests' lines"
    );
    let lowered = text.to_lowercase();
    let leaks: Vec<&str> = [
        NAME,
        "Marcatorio",
        EMAIL,
        OTHER_EMAIL,
        PHONE,
        "4417 441",
        PASSWORD,
        NEW_PASSWORD,
        TOKEN,
    ]
    .into_iter()
    .filter(|marker| lowered.contains(&marker.to_lowercase()))
    .collect();
    let lines: Vec<&str> = text
        .lines()
        .filter(|line| line.to_lowercase().contains("marcatorio"))
        .take(5)
        .collect();
    assert!(
        leaks.is_empty(),
        "markers in the logs: {leaks:?}\n{}",
        lines.join("\n")
    );
    assert!(
        text.contains("/reset-password/…") && !text.contains(&token),
        "the reset link's token stays out of the logs"
    );
}
