//! Serving: compression, the bundle's files and how long they may be cached, no caching of
//! anything personal, and the Content Security Policy's nonce per page.

use std::io::Read;

use app::model::Role;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::json;

use crate::careers::{file, form, public_opening, send};
use crate::documents::pdf;
use crate::helpers::{Browser, TestApp, test_config};

const HASHED_WASM: &str = "app.3f9a1c0b2d4e6f70.wasm";

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("valid gzip");
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli_decompressor::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .expect("valid brotli");
    out
}

fn header<'h>(headers: &'h HeaderMap, name: &str) -> &'h str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// GETs `path` saying which encodings the browser accepts.
async fn get(
    browser: &Browser,
    app: &TestApp,
    path: &str,
    accept: &str,
) -> (StatusCode, HeaderMap, Vec<u8>) {
    let mut request = browser.client.get(app.url(path));
    if !accept.is_empty() {
        request = request.header("accept-encoding", accept);
    }
    let response = request.send().await.expect("request sent");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.expect("body").to_vec();
    (status, headers, bytes)
}

/// A server whose site root has a bundle: a hashed wasm file with its `.br` and `.gz`
/// twins, and an unhashed script without any.
async fn app_with_bundle() -> (TestApp, Vec<u8>) {
    let (mut config, dir) = test_config().await;
    let site = config.data_dir.join("site");
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg).expect("pkg folder");
    let write = |name: &str, bytes: &[u8]| std::fs::write(pkg.join(name), bytes).expect("file");
    write(HASHED_WASM, b"\0asm plain wasm");
    write(&format!("{HASHED_WASM}.br"), b"the brotli twin");
    write(&format!("{HASHED_WASM}.gz"), b"the gzip twin");
    let script = "export function hydrate() { return 'percorso'; }\n".repeat(40);
    write("app.js", script.as_bytes());
    config.site_root = site;
    (TestApp::spawn_with(config, dir).await, script.into_bytes())
}

#[tokio::test]
async fn the_bundle_sends_the_precompressed_twin_the_browser_accepts() {
    let (app, _) = app_with_bundle().await;
    let browser = app.anonymous();
    let path = format!("/pkg/{HASHED_WASM}");
    for (accept, encoding, body) in [
        ("gzip, deflate, br", "br", &b"the brotli twin"[..]),
        ("gzip", "gzip", &b"the gzip twin"[..]),
        ("", "", &b"\0asm plain wasm"[..]),
    ] {
        let (status, headers, bytes) = get(&browser, &app, &path, accept).await;
        assert_eq!(status, StatusCode::OK, "{accept}");
        assert_eq!(header(&headers, "content-encoding"), encoding, "{accept}");
        assert_eq!(bytes, body, "{accept}");
        assert_eq!(header(&headers, "content-type"), "application/wasm");
        assert_eq!(header(&headers, "vary"), "accept-encoding");
    }
}

#[tokio::test]
async fn hashed_bundle_files_are_cached_for_a_year_and_others_revalidated() {
    let (app, script) = app_with_bundle().await;
    let browser = app.anonymous();
    let (_, hashed, _) = get(&browser, &app, &format!("/pkg/{HASHED_WASM}"), "br").await;
    assert_eq!(
        header(&hashed, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    let (status, plain, bytes) = get(&browser, &app, "/pkg/app.js", "gzip").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(header(&plain, "cache-control"), "no-cache");
    assert_eq!(
        header(&plain, "content-encoding"),
        "gzip",
        "a file without a twin is compressed on the fly"
    );
    assert_eq!(gunzip(&bytes), script);
}

#[tokio::test]
async fn a_missing_bundle_file_is_a_plain_404_not_the_apps_page() {
    let (app, _) = app_with_bundle().await;
    let (status, headers, bytes) =
        get(&app.anonymous(), &app, "/pkg/app.0123456789abcdef.js", "").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!header(&headers, "content-type").starts_with("text/html"));
    assert!(!String::from_utf8_lossy(&bytes).contains("<html"));
    assert_eq!(header(&headers, "cache-control"), "no-cache");
    let (status, _, page) = get(&app.anonymous(), &app, "/no/such/page", "").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        String::from_utf8_lossy(&page).contains("<html"),
        "an unknown page is still the app's 404 page"
    );
}

#[tokio::test]
async fn pages_and_json_are_compressed_as_the_browser_prefers() {
    let app = TestApp::spawn().await;
    let employee = app.signed_in(Role::Employee).await;
    let plain = employee.call("list_competencies", json!({})).await;
    assert_eq!(plain.status, StatusCode::OK);
    let plain = serde_json::to_vec(&plain.body).expect("json");
    for (accept, encoding) in [
        ("br;q=1.0, gzip;q=0.8", "br"),
        ("gzip", "gzip"),
        ("identity", ""),
    ] {
        let response = employee
            .client
            .post(app.url("/api/list_competencies"))
            .header("accept-encoding", accept)
            .json(&json!({}))
            .send()
            .await
            .expect("request sent");
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("body").to_vec();
        assert_eq!(header(&headers, "content-encoding"), encoding, "{accept}");
        let decoded = match encoding {
            "br" => unbrotli(&bytes),
            "gzip" => gunzip(&bytes),
            _ => bytes.clone(),
        };
        let decoded: serde_json::Value = serde_json::from_slice(&decoded).expect("json");
        assert_eq!(serde_json::to_vec(&decoded).expect("json"), plain);
        if !encoding.is_empty() {
            assert!(
                bytes.len() < plain.len() / 2,
                "{accept}: {} bytes",
                bytes.len()
            );
        }
    }
    let (status, headers, html) = get(&employee, &app, "/competencies", "br").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(header(&headers, "content-encoding"), "br");
    assert!(String::from_utf8_lossy(&unbrotli(&html)).contains("Lavoro in team"));
}

/// Applies to a public opening with a CV; answers HR's browser, the candidate and the file.
async fn candidate_with_cv(app: &TestApp) -> (Browser, i64, i64) {
    let opening = public_opening(app, "Administrative assistant").await;
    let cv = pdf(&["Luisa Ferri", "Via Roma 1, Milano", "Contabilita e bilanci"]);
    let answer = send(
        &app.anonymous(),
        app,
        form(opening, "luisa@example.it").part("cv", file("Luisa CV.pdf", cv)),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{answer:?}");
    let hr = app.signed_in(Role::Hr).await;
    let board = hr.call("opening_board", json!({"id": opening})).await.body;
    let candidate = board["cards"][0]["candidate_id"]
        .as_i64()
        .expect("candidate");
    let detail = hr
        .call("get_candidate", json!({"id": candidate}))
        .await
        .body;
    let file = detail["files"][0]["id"].as_i64().expect("file");
    (hr, candidate, file)
}

#[tokio::test]
async fn pages_server_functions_and_downloads_are_never_stored_by_caches() {
    let app = TestApp::spawn().await;
    let (hr, candidate, cv) = candidate_with_cv(&app).await;
    let answer = hr.call("get_candidate", json!({"id": candidate})).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(header(&answer.headers, "cache-control"), "no-store");
    let refused = app
        .anonymous()
        .call("get_candidate", json!({"id": candidate}))
        .await;
    assert_ne!(refused.status, StatusCode::OK);
    assert_eq!(header(&refused.headers, "cache-control"), "no-store");
    for path in [
        format!("/candidates/{candidate}"),
        "/login".to_owned(),
        format!("/files/{cv}"),
        "/candidates.csv".to_owned(),
        format!("/candidates/{candidate}/export.zip"),
        "/healthz".to_owned(),
    ] {
        let (status, headers, _) = get(&hr, &app, &path, "").await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            header(&headers, "cache-control").contains("no-store"),
            "{path}: {:?}",
            headers.get("cache-control")
        );
    }
}

#[tokio::test]
async fn pdf_and_zip_downloads_are_sent_as_they_are() {
    let app = TestApp::spawn().await;
    let (hr, candidate, cv) = candidate_with_cv(&app).await;
    for (path, kind) in [
        (format!("/files/{cv}"), "application/pdf"),
        (
            format!("/candidates/{candidate}/export.zip"),
            "application/zip",
        ),
    ] {
        let (status, headers, bytes) = get(&hr, &app, &path, "br, gzip").await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert_eq!(header(&headers, "content-type"), kind);
        assert!(bytes.len() > 256, "{path} is big enough to be compressed");
        assert_eq!(header(&headers, "content-encoding"), "", "{path}");
    }
    let (_, headers, csv) = get(&hr, &app, "/candidates.csv", "gzip").await;
    assert_eq!(header(&headers, "content-encoding"), "gzip", "CSV is text");
    assert!(String::from_utf8_lossy(&gunzip(&csv)).contains("luisa@example.it"));
}

/// The nonce a page's Content-Security-Policy allows scripts with.
fn policy_nonce(headers: &HeaderMap) -> String {
    let policy = header(headers, "content-security-policy");
    let start = policy.find("'nonce-").expect("a nonce in the policy") + "'nonce-".len();
    let length = policy[start..].find('\'').expect("closing quote");
    policy[start..start + length].to_owned()
}

/// Every `<script ...>` opening tag of `html`.
fn script_tags(html: &str) -> Vec<&str> {
    html.match_indices("<script")
        .map(|(i, _)| &html[i..i + html[i..].find('>').expect("tag end")])
        .collect()
}

#[tokio::test]
async fn every_page_has_a_fresh_nonce_that_its_scripts_carry() {
    let app = TestApp::spawn().await;
    let browser = app.anonymous();
    let mut seen = Vec::new();
    for path in ["/login", "/login", "/no/such/page"] {
        let (_, headers, html) = get(&browser, &app, path, "").await;
        let html = String::from_utf8(html).expect("utf-8");
        let nonce = policy_nonce(&headers);
        assert!(nonce.len() >= 16, "{nonce}");
        let policy = header(&headers, "content-security-policy");
        assert!(policy.starts_with("default-src 'self'; script-src 'self' 'nonce-"));
        assert!(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"));
        let scripts = script_tags(&html);
        assert!(!scripts.is_empty(), "{path} has the hydration script");
        for tag in scripts {
            assert!(tag.contains(&format!("nonce=\"{nonce}\"")), "{path}: {tag}");
        }
        assert!(!seen.contains(&nonce), "a new nonce for each request");
        seen.push(nonce);
    }
    let answer = browser.call("session", json!({})).await;
    assert_eq!(
        header(&answer.headers, "content-security-policy"),
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    );
}
