//! Email delivery: the outbox's messages go through a real SMTP server on loopback (started
//! here) as text and HTML in the recipient's language, with their attachment; two senders on
//! one database send each message once; a message the server refuses for now is tried again
//! later and given up after the last try, one refused for good at once; a sender that stopped
//! mid-batch leaves its messages to another; with no SMTP server, messages become `.eml` files;
//! and admins see the failures and send one again.

use std::collections::BTreeMap;
use std::time::Duration;

use app::i18n::Lang;
use app::model::{MessageId, Role};
use app::server::entities::outbox;
use app::server::mail::outbox as queue;
use app::server::mail::{
    Attachment, Letter, RetryPolicy, Security, Sender, SmtpSettings, Transport,
};
use chrono::{TimeDelta, Utc};
use mail_parser::{MessageParser, MimeHeaders};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, Database, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde_json::json;

use crate::careers::public_opening;
use crate::helpers::TestApp;
use crate::intake::apply_as;
use crate::smtp::{Reply, SmtpListener};

fn from() -> lettre::message::Mailbox {
    "Percorso HR <hr@percorso.example>".parse().unwrap()
}

fn smtp(port: u16) -> Transport {
    Transport::smtp(&SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        security: Security::None,
        login: None,
        timeout: Duration::from_secs(10),
    })
    .unwrap()
}

fn sender(app: &TestApp, transport: Transport) -> Sender {
    Sender::new(app.db.clone(), transport, from())
}

fn letter(lang: Lang, subject: &str) -> Letter {
    Letter {
        lang,
        subject: subject.into(),
        greeting: "Gentile Anna,".into(),
        paragraphs: vec!["il colloquio è confermato: ci vediamo alle 10:00.".into()],
        signature: "Il team Risorse umane".into(),
        attachment: None,
    }
}

async fn queued(app: &TestApp, to: &str, letter: &Letter) -> MessageId {
    queue::queue(&app.db, to, letter).await.unwrap()
}

async fn message(app: &TestApp, id: MessageId) -> outbox::Model {
    outbox::Entity::find_by_id(id.0)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// The header as it travelled, before any decoding.
fn raw_header(data: &[u8], name: &str) -> String {
    let text = String::from_utf8_lossy(data);
    let head = text.split("\r\n\r\n").next().unwrap_or_default();
    let prefix = format!("{}:", name.to_ascii_lowercase());
    let mut value = String::new();
    let mut inside = false;
    for line in head.split("\r\n") {
        if line.to_ascii_lowercase().starts_with(&prefix) {
            inside = true;
            value.push_str(line[prefix.len()..].trim());
        } else if inside && line.starts_with([' ', '\t']) {
            value.push(' ');
            value.push_str(line.trim());
        } else {
            inside = false;
        }
    }
    value
}

#[tokio::test]
async fn an_application_confirmation_arrives_through_smtp_as_text_and_html_in_the_candidate_language()
 {
    let app = TestApp::spawn().await;
    let listener = SmtpListener::start(Reply::Accept).await;
    let opening = public_opening(&app, "Hotel receptionist").await;
    apply_as(
        &app,
        opening,
        "Anna Bianchi",
        "anna@example.it",
        "+39 333 111 2222",
        false,
    )
    .await;

    let pass = sender(&app, smtp(listener.port)).send_due().await.unwrap();
    assert_eq!(pass.sent, 1);

    let received = listener.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].from, "hr@percorso.example");
    assert_eq!(received[0].to, vec!["anna@example.it".to_owned()]);
    let parsed = MessageParser::default().parse(&received[0].data).unwrap();
    let subject = parsed.subject().unwrap();
    assert!(
        subject.starts_with("Abbiamo ricevuto la tua candidatura"),
        "{subject}"
    );
    let text = parsed.body_text(0).unwrap();
    assert!(text.contains("Gentile Anna Bianchi"), "{text}");
    let html = parsed.body_html(0).unwrap();
    assert!(html.contains("<html lang=\"it\">"), "{html}");
    assert!(html.contains("Gentile Anna Bianchi"), "{html}");
    assert_eq!(
        raw_header(&received[0].data, "Content-Language"),
        "it",
        "the recipient's language"
    );
    assert!(
        raw_header(&received[0].data, "Content-Type").starts_with("multipart/alternative"),
        "text and HTML as alternatives"
    );

    let stored = outbox::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert!(stored.sent_at.is_some());
    assert_eq!(stored.attempts, 1);
    assert!(stored.claimed_by.is_none(), "the claim is let go");
}

#[tokio::test]
async fn a_candidate_who_reads_english_gets_the_confirmation_in_english() {
    let app = TestApp::spawn().await;
    let listener = SmtpListener::start(Reply::Accept).await;
    let opening = public_opening(&app, "Bank teller").await;
    let visitor = app.anonymous();
    let answer = visitor
        .post_fields("set_language", &[("lang", "en")], false)
        .await;
    assert!(answer.status.is_success() || answer.status.is_redirection());
    let form = crate::careers::form(opening, "chiara@example.it").part(
        "cv",
        crate::careers::file("cv.pdf", crate::documents::pdf(&["CV"])),
    );
    let answer = crate::careers::send(&visitor, &app, form).await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");

    sender(&app, smtp(listener.port)).send_due().await.unwrap();
    let received = listener.received();
    let parsed = MessageParser::default().parse(&received[0].data).unwrap();
    assert!(
        parsed
            .subject()
            .unwrap()
            .starts_with("We have received your application"),
        "{:?}",
        parsed.subject()
    );
    assert!(
        parsed
            .body_text(0)
            .unwrap()
            .contains("Dear Chiara Lombardi")
    );
    assert_eq!(raw_header(&received[0].data, "Content-Language"), "en");
}

#[tokio::test]
async fn a_subject_in_any_language_is_encoded_for_the_header_and_decodes_back_the_same() {
    let app = TestApp::spawn().await;
    let listener = SmtpListener::start(Reply::Accept).await;
    let subject = "Colloquio confermato: lunedì alle 10:00 — è tutto pronto €";
    queued(&app, "anna@example.it", &letter(Lang::It, subject)).await;

    sender(&app, smtp(listener.port)).send_due().await.unwrap();
    let received = listener.received();
    let raw = raw_header(&received[0].data, "Subject");
    assert!(raw.is_ascii(), "encoded words only: {raw}");
    assert!(raw.to_ascii_lowercase().contains("=?utf-8?"), "{raw}");
    let parsed = MessageParser::default().parse(&received[0].data).unwrap();
    assert_eq!(parsed.subject(), Some(subject));
    assert!(
        parsed
            .body_text(0)
            .unwrap()
            .contains("il colloquio è confermato")
    );
}

#[tokio::test]
async fn an_attachment_travels_beside_the_text_and_html_with_its_name_and_type() {
    let app = TestApp::spawn().await;
    let listener = SmtpListener::start(Reply::Accept).await;
    let mut invitation = letter(Lang::It, "Invito a colloquio");
    let calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
    invitation.attachment = Some(Attachment {
        name: "invito.ics".into(),
        content_type: "text/calendar; method=REQUEST; charset=UTF-8".into(),
        body: calendar.into(),
    });
    queued(&app, "anna@example.it", &invitation).await;

    sender(&app, smtp(listener.port)).send_due().await.unwrap();
    let received = listener.received();
    assert!(raw_header(&received[0].data, "Content-Type").starts_with("multipart/mixed"));
    let parsed = MessageParser::default().parse(&received[0].data).unwrap();
    assert!(parsed.body_text(0).unwrap().contains("Gentile Anna"));
    assert!(parsed.body_html(0).unwrap().contains("Gentile Anna"));
    assert_eq!(parsed.attachment_count(), 1);
    let attachment = parsed.attachment(0).unwrap();
    assert_eq!(attachment.attachment_name(), Some("invito.ics"));
    let content_type = attachment.content_type().unwrap();
    assert_eq!(content_type.ctype(), "text");
    assert_eq!(content_type.subtype(), Some("calendar"));
    assert_eq!(content_type.attribute("method"), Some("REQUEST"));
    assert_eq!(attachment.text_contents(), Some(calendar));
}

#[tokio::test]
async fn two_senders_on_one_database_send_each_message_exactly_once() {
    let app = TestApp::spawn().await;
    let listener = SmtpListener::start(Reply::Accept).await;
    let count = 40;
    for n in 0..count {
        queued(
            &app,
            &format!("person{n}@example.it"),
            &letter(Lang::It, &format!("Messaggio {n}")),
        )
        .await;
    }
    // Two senders, each with its own connection pool, as two server processes have.
    let other_pool = Database::connect(app.database_url.clone()).await.unwrap();
    let first = sender(&app, smtp(listener.port)).with_batch(3);
    let second = Sender::new(other_pool, smtp(listener.port), from()).with_batch(3);
    assert_ne!(first.holder(), second.holder());
    let (a, b) = tokio::join!(first.send_due(), second.send_due());
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.sent + b.sent, count, "first {a:?}, second {b:?}");

    let mut per_message: BTreeMap<String, usize> = BTreeMap::new();
    for received in listener.received() {
        let parsed = MessageParser::default().parse(&received.data).unwrap();
        *per_message
            .entry(parsed.message_id().unwrap().to_owned())
            .or_default() += 1;
    }
    assert_eq!(per_message.len(), count, "every message arrived");
    assert!(
        per_message.values().all(|&n| n == 1),
        "no message arrived twice: {per_message:?}"
    );
    assert_eq!(listener.offered(), count);
    let unsent = outbox::Entity::find()
        .filter(outbox::Column::SentAt.is_null())
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(unsent, 0);
    let tried_more_than_once = outbox::Entity::find()
        .filter(outbox::Column::Attempts.ne(1))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(tried_more_than_once, 0);
}

#[tokio::test]
async fn claims_made_at_the_same_moment_never_share_a_message() {
    let app = TestApp::spawn().await;
    for n in 0..60 {
        queued(&app, &format!("p{n}@example.it"), &letter(Lang::It, "Uno")).await;
    }
    let pools = [
        app.db.clone(),
        Database::connect(app.database_url.clone()).await.unwrap(),
    ];
    let claims = (0..12).map(|n| {
        let db = pools[n % 2].clone();
        async move {
            queue::claim(&db, &format!("sender {n}"), 4, TimeDelta::minutes(10))
                .await
                .unwrap()
        }
    });
    let claimed: Vec<i32> = futures::future::join_all(claims)
        .await
        .into_iter()
        .flatten()
        .map(|message| message.id)
        .collect();
    let distinct: std::collections::BTreeSet<i32> = claimed.iter().copied().collect();
    assert_eq!(claimed.len(), 48, "twelve claims of four");
    assert_eq!(
        distinct.len(),
        claimed.len(),
        "a message went to two claims"
    );
}

#[tokio::test]
async fn a_message_the_server_cannot_take_now_waits_longer_after_each_try_and_is_given_up_after_the_last()
 {
    let app = TestApp::spawn().await;
    let busy = SmtpListener::start(Reply::Busy).await;
    let id = queued(&app, "anna@example.it", &letter(Lang::It, "Prova")).await;

    // The first try fails: tried again in about a minute, not before.
    let pass = sender(&app, smtp(busy.port)).send_due().await.unwrap();
    assert_eq!((pass.sent, pass.retrying, pass.failed), (0, 1, 0));
    let after_one = message(&app, id).await;
    assert_eq!(after_one.attempts, 1);
    assert!(after_one.last_error.as_deref().unwrap().contains("451"));
    let pause = after_one.next_attempt_at.unwrap() - Utc::now();
    assert!(
        pause > TimeDelta::seconds(50) && pause <= TimeDelta::seconds(60),
        "{pause:?}"
    );
    assert!(after_one.failed_at.is_none());
    let again = sender(&app, smtp(busy.port)).send_due().await.unwrap();
    assert_eq!(again.retrying + again.sent + again.failed, 0, "not due yet");

    // With no pause between tries, the last of three tries gives up.
    let impatient = RetryPolicy {
        max_attempts: 3,
        first_pause: TimeDelta::zero(),
        longest_pause: TimeDelta::zero(),
    };
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::NextAttemptAt,
            sea_orm::sea_query::Expr::value(Utc::now() - TimeDelta::seconds(1)),
        )
        .exec(&app.db)
        .await
        .unwrap();
    let pass = sender(&app, smtp(busy.port))
        .with_policy(impatient)
        .send_due()
        .await
        .unwrap();
    assert_eq!((pass.retrying, pass.failed), (1, 1));
    let given_up = message(&app, id).await;
    assert_eq!(given_up.attempts, 3);
    assert!(given_up.failed_at.is_some());
    assert!(given_up.sent_at.is_none());
    assert_eq!(busy.offered(), 3);
    assert!(busy.received().is_empty());
}

#[tokio::test]
async fn a_recipient_refused_for_good_is_given_up_at_once() {
    let app = TestApp::spawn().await;
    let refusing = SmtpListener::start(Reply::NoSuchUser).await;
    let id = queued(&app, "nobody@example.it", &letter(Lang::It, "Prova")).await;
    let pass = sender(&app, smtp(refusing.port)).send_due().await.unwrap();
    assert_eq!((pass.sent, pass.retrying, pass.failed), (0, 0, 1));
    let stored = message(&app, id).await;
    assert_eq!(stored.attempts, 1);
    assert!(stored.failed_at.is_some());
    assert!(stored.last_error.unwrap().contains("550"));
}

#[tokio::test]
async fn an_unreachable_server_leaves_the_message_queued_for_a_later_try() {
    let app = TestApp::spawn().await;
    // A port nobody listens on: bound, then let go.
    let port = {
        let socket = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        socket.local_addr().unwrap().port()
    };
    let id = queued(&app, "anna@example.it", &letter(Lang::It, "Prova")).await;
    let pass = sender(&app, smtp(port)).send_due().await.unwrap();
    assert_eq!(pass.retrying, 1);
    let stored = message(&app, id).await;
    assert!(stored.sent_at.is_none() && stored.failed_at.is_none());
    assert!(stored.next_attempt_at.unwrap() > Utc::now());
}

#[tokio::test]
async fn a_claim_left_by_a_stopped_sender_is_taken_over_once_its_lease_is_over() {
    let app = TestApp::spawn().await;
    let listener = SmtpListener::start(Reply::Accept).await;
    let stale = queued(&app, "anna@example.it", &letter(Lang::It, "Uno")).await;
    let live = queued(&app, "marco@example.it", &letter(Lang::It, "Due")).await;
    // A sender claimed both and stopped: one claim is over, the other still holds.
    let claimed = queue::claim(&app.db, "stopped sender", 10, TimeDelta::minutes(10))
        .await
        .unwrap();
    assert_eq!(claimed.len(), 2);
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::ClaimedUntil,
            sea_orm::sea_query::Expr::value(Utc::now() - TimeDelta::seconds(1)),
        )
        .filter(outbox::Column::Id.eq(stale.0))
        .exec(&app.db)
        .await
        .unwrap();

    let pass = sender(&app, smtp(listener.port)).send_due().await.unwrap();
    assert_eq!(pass.sent, 1);
    assert!(message(&app, stale).await.sent_at.is_some());
    assert!(message(&app, live).await.sent_at.is_none(), "still held");
    // The stopped sender's late report changes nothing.
    assert!(
        !queue::mark_sent(&app.db, stale.0, "stopped sender")
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn with_no_smtp_server_each_message_is_written_as_an_eml_file_under_the_data_directory() {
    let app = TestApp::spawn().await;
    let folder = app.data_dir().join("mail");
    let id = queued(
        &app,
        "anna@example.it",
        &letter(Lang::It, "Colloquio: è confermato"),
    )
    .await;
    let pass = sender(&app, Transport::Files(folder.clone()))
        .send_due()
        .await
        .unwrap();
    assert_eq!(pass.sent, 1);
    let files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(
        files[0].file_name().unwrap().to_str().unwrap(),
        format!("message-{:06}.eml", id.0)
    );
    let bytes = std::fs::read(&files[0]).unwrap();
    let parsed = MessageParser::default().parse(&bytes).unwrap();
    assert_eq!(parsed.subject(), Some("Colloquio: è confermato"));
    assert_eq!(
        parsed.to().unwrap().first().unwrap().address(),
        Some("anna@example.it")
    );
    assert!(parsed.body_html(0).is_some() && parsed.body_text(0).is_some());
    assert!(message(&app, id).await.sent_at.is_some());
}

#[tokio::test]
async fn admins_see_the_messages_given_up_and_send_one_again() {
    let app = TestApp::spawn().await;
    let refusing = SmtpListener::start(Reply::NoSuchUser).await;
    let id = queued(&app, "nobody@example.it", &letter(Lang::It, "Prova")).await;
    queued(&app, "later@example.it", &letter(Lang::It, "In coda")).await;
    // One batch of one: the first message is refused for good, the second still waits.
    sender(&app, smtp(refusing.port))
        .with_batch(1)
        .send_batch()
        .await
        .unwrap();

    let admin = app.signed_in(Role::Admin).await;
    let backlog = admin.call("mail_backlog", json!({})).await;
    assert_eq!(backlog.status, StatusCode::OK, "{backlog:?}");
    let failed = &backlog.body["latest_failed"];
    assert_eq!(backlog.body["failed"], 1, "{backlog:?}");
    assert_eq!(backlog.body["waiting"], 1);
    assert_eq!(failed[0]["to"], "nobody@example.it");
    assert!(failed[0]["last_error"].as_str().unwrap().contains("550"));

    let again = admin.call("send_message_again", json!({"id": id.0})).await;
    assert_eq!(again.status, StatusCode::OK, "{again:?}");
    let stored = message(&app, id).await;
    assert!(stored.failed_at.is_none() && stored.attempts == 0);
    let missing = admin
        .call("send_message_again", json!({"id": id.0 + 1000}))
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);

    let listener = SmtpListener::start(Reply::Accept).await;
    sender(&app, smtp(listener.port)).send_due().await.unwrap();
    assert!(message(&app, id).await.sent_at.is_some());
    let audited = app::server::entities::audit_event::Entity::find()
        .filter(app::server::entities::audit_event::Column::Action.eq("message_sent_again"))
        .order_by_desc(app::server::entities::audit_event::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(audited.subject_id, id.0);
}
