//! Request middleware: who is signed in and in which language, cross-site request refusal,
//! refusal of text carrying NUL characters, HTTP statuses for server-function errors, security headers (a Content Security Policy with
//! a nonce per page), no caching of anything but the static bundle, compression, and a 500
//! instead of a dropped connection when a request panics.

use app::i18n::Lang;
use app::model::AppError;
use app::server::accounts::auth::{CurrentUser, RequestLang};
use app::server::{Backend, accounts::sessions};
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{Extensions, HeaderMap, HeaderValue, Method, StatusCode, Version, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::nonce::Nonce;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::predicate::{Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};

fn cookie_header(headers: &HeaderMap) -> &str {
    headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// Resolves the session cookie into a [`CurrentUser`] and the request's [`RequestLang`]:
/// the user's setting, else the language cookie, else `Accept-Language`, else Italian.
pub async fn session(State(backend): State<Backend>, mut req: Request, next: Next) -> Response {
    // Static files and the health check need no session: spare the database a lookup.
    let path = req.uri().path();
    if path.starts_with("/pkg/") || matches!(path, "/healthz" | "/metrics" | "/favicon.ico") {
        return next.run(req).await;
    }
    let token =
        sessions::read_cookie(cookie_header(req.headers()), sessions::COOKIE).map(str::to_owned);
    let mut stale_cookie = false;
    if let Some(token) = token {
        match sessions::resolve(&backend.db, &backend.sessions, &token).await {
            Ok(Some((session, user))) => {
                req.extensions_mut().insert(CurrentUser {
                    id: app::model::UserId(user.id),
                    role: app::model::Role::parse(&user.role).unwrap_or(app::model::Role::Employee),
                    language: user.language.as_deref().and_then(Lang::parse),
                    time_zone: user.time_zone,
                    name: user.name,
                    email: user.email,
                    session_id: session.id,
                });
            }
            Ok(None) => stale_cookie = true,
            Err(_) => {
                return (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response();
            }
        }
    }
    let headers = req.headers();
    let lang = req
        .extensions()
        .get::<CurrentUser>()
        .and_then(|u| u.language)
        .or_else(|| {
            sessions::read_cookie(
                cookie_header(headers),
                app::api::account::session::LANG_COOKIE,
            )
            .and_then(Lang::parse)
        })
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default();
    req.extensions_mut().insert(RequestLang(lang));

    let mut response = next.run(req).await;
    if stale_cookie
        && !response.headers().contains_key(header::SET_COOKIE)
        && let Ok(value) = HeaderValue::from_str(&sessions::clearing_cookie(&backend.sessions))
    {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// How the site is reached from browsers: `https` behind TLS (`PERCORSO_SECURE_COOKIES`),
/// else `http`. The origin a same-site request names starts with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scheme {
    pub https: bool,
}

impl Scheme {
    fn as_str(self) -> &'static str {
        if self.https { "https" } else { "http" }
    }

    /// This site's origin as browsers write it, for a request to `host`: lower case, and
    /// without the scheme's default port (`Host: x:443` behind HTTPS is `https://x`).
    fn origin_of(self, host: &str) -> String {
        let host = host.to_ascii_lowercase();
        let default_port = if self.https { ":443" } else { ":80" };
        let host = host.strip_suffix(default_port).unwrap_or(&host);
        format!("{}://{host}", self.as_str())
    }
}

/// Whether a state-changing request comes from another site. Either header can say so, and
/// neither can vouch for the other: `Sec-Fetch-Site` anything but `same-origin` or `none`, or
/// an `Origin` that is not exactly this site (scheme, host and port, as `Host` names them).
fn is_cross_site(headers: &HeaderMap, scheme: Scheme) -> bool {
    let fetched_across = headers
        .get("sec-fetch-site")
        .is_some_and(|site| !matches!(site.to_str(), Ok("same-origin" | "none")));
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let ours = scheme.origin_of(host);
    let from_elsewhere = headers.get(header::ORIGIN).is_some_and(|origin| {
        origin
            .to_str()
            .map_or(true, |origin| origin.to_ascii_lowercase() != ours)
    });
    fetched_across || from_elsewhere
}

/// Refuses cross-site requests that could change state.
pub async fn refuse_cross_site(State(scheme): State<Scheme>, req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && is_cross_site(req.headers(), scheme) {
        let path = crate::telemetry::loggable_path(req.uri().path());
        tracing::warn!(path = %path, "cross-site request refused");
        return (StatusCode::FORBIDDEN, "cross-site request refused").into_response();
    }
    next.run(req).await
}

/// Whether `text` (JSON) escapes a NUL character: `\u0000`, its backslash not itself escaped.
fn json_escapes_nul(text: &[u8]) -> bool {
    text.windows(6).enumerate().any(|(at, window)| {
        window[0] == b'\\'
            && window[1..].eq_ignore_ascii_case(b"u0000")
            && text[..at].iter().rev().take_while(|b| **b == b'\\').count() % 2 == 0
    })
}

/// Whether `text` (a query string or a URL-encoded form) encodes a NUL character.
fn url_encodes_nul(text: &[u8]) -> bool {
    text.contains(&0) || text.windows(3).any(|w| w.eq_ignore_ascii_case(b"%00"))
}

/// Refuses (400) a query string or a request body carrying a NUL character. No one types one;
/// PostgreSQL cannot store one in text; so it is a malformed request, not a 500 from the
/// database. A JSON body is read as JSON (a NUL escaped) and a URL-encoded one as such (a NUL
/// percent-encoded); a body of any other type, which the server functions may still decode
/// as either, is read both ways. Multipart bodies carry files, so their text fields are
/// checked where they are read (`api::form_text`).
pub async fn refuse_nul_characters(req: Request, next: Next) -> Response {
    let refused = || {
        let body = serde_json::to_string(&AppError::BadRequest).unwrap_or_default();
        (StatusCode::BAD_REQUEST, body).into_response()
    };
    if req
        .uri()
        .query()
        .is_some_and(|q| url_encodes_nul(q.as_bytes()))
    {
        return refused();
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let bodiless = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let check: fn(&[u8]) -> bool = if bodiless || content_type.starts_with("multipart/") {
        return next.run(req).await;
    } else if content_type.starts_with("application/json") {
        |body| body.contains(&0) || json_escapes_nul(body)
    } else if content_type.starts_with("application/x-www-form-urlencoded") {
        url_encodes_nul
    } else {
        |body| json_escapes_nul(body) || url_encodes_nul(body)
    };
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, app::api::MAX_REQUEST_BYTES).await else {
        return refused();
    };
    if check(&bytes) {
        return refused();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// A multipart server function's request must say where its parts end (its boundary): the
/// framework would fail without one, so such a request is answered 400 here.
pub async fn require_multipart_boundary(req: Request, next: Next) -> Response {
    if app::api::MULTIPART_ENDPOINTS.contains(&req.uri().path()) {
        let content_type = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if !content_type.starts_with("multipart/form-data") || !content_type.contains("boundary=") {
            let body = serde_json::to_string(&AppError::BadRequest).unwrap_or_default();
            return (StatusCode::BAD_REQUEST, body).into_response();
        }
    }
    next.run(req).await
}

/// Server functions answer every error with 500; this sets the status the error deserves
/// (`AppError::status`), so a user's mistake is a 4xx.
pub async fn api_error_status(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let response = next.run(req).await;
    if !is_api || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, 1 << 20).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The Content Security Policy of an HTML page: scripts from this site, or inline with this
/// response's nonce (the hydration script carries it), and the wasm bundle; styles only from
/// the stylesheet (the markup has no `style` attributes); nothing framed, no plugins.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; \
         frame-ancestors 'none'; form-action 'self'"
    )
}

/// The policy of every other response (JSON, downloads, the bundle's files): they are never
/// documents, so if one were ever shown as one it may load and run nothing.
pub const OTHER_POLICY: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// Headers every response carries. A fresh [`Nonce`] goes into the request's extensions, where
/// the page renderer finds it (`startup::request_context`), and into the page's policy. Behind
/// HTTPS, browsers are also told to use nothing else for a year (`Strict-Transport-Security`).
pub async fn security_headers(
    State(scheme): State<Scheme>,
    mut req: Request,
    next: Next,
) -> Response {
    let nonce = Nonce::new();
    req.extensions_mut().insert(nonce.clone());
    let mut response = next.run(req).await;
    let policy = if is_html(response.headers()) {
        HeaderValue::from_str(&page_policy(&nonce)).ok()
    } else {
        None
    };
    let headers = response.headers_mut();
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        policy.unwrap_or_else(|| HeaderValue::from_static(OTHER_POLICY)),
    );
    if scheme.https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    response
}

/// Whether `path` is the public browser bundle, the one thing caches may keep.
pub fn is_bundle(path: &str) -> bool {
    path == "/pkg" || path.starts_with("/pkg/")
}

/// `Cache-Control: no-store` on everything but the bundle and the icon: pages, server functions
/// and downloads may carry personal data, which no browser or proxy cache should keep.
pub async fn no_store(req: Request, next: Next) -> Response {
    let bundle = is_bundle(req.uri().path()) || req.uri().path() == "/favicon.ico";
    let mut response = next.run(req).await;
    let stored = response
        .headers()
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("no-store"));
    if !bundle && !stored {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Whether a response of this type is worth compressing: text (pages, CSS, JavaScript, CSV),
/// JSON, SVG and wasm. Images, PDFs, zip files and other formats are compressed already.
fn compressible(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence.starts_with("text/")
        || matches!(
            essence.as_str(),
            "application/json"
                | "application/javascript"
                | "application/wasm"
                | "application/xml"
                | "image/svg+xml"
        )
}

fn compressible_response(_: StatusCode, _: Version, headers: &HeaderMap, _: &Extensions) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(compressible)
}

/// Brotli or gzip, as `Accept-Encoding` prefers, for compressible responses over 256 bytes.
/// Responses that already have a `Content-Encoding` (the bundle's precompressed files) are
/// left alone.
pub fn compression() -> CompressionLayer<impl Predicate> {
    type Check = fn(StatusCode, Version, &HeaderMap, &Extensions) -> bool;
    CompressionLayer::new()
        .br(true)
        .gzip(true)
        .no_deflate()
        .no_zstd()
        // Brotli's default level (11) costs far more time than it saves bytes on the fly.
        .quality(CompressionLevel::Precise(4))
        .compress_when(SizeAbove::new(256).and(compressible_response as Check))
}

/// The answer to a request whose handling panicked: a 500 with the plain error body, the
/// panic logged (its message stays on the server).
fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(panic = message, "a request panicked");
    // This answer skips the middleware inside the catcher: it carries their headers itself.
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::CONTENT_SECURITY_POLICY, OTHER_POLICY),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        "internal error",
    )
        .into_response()
}

/// The backstop for bugs: a panic in a request's handling (its middleware, a handler, a server
/// function) becomes [`panic_response`], never a dropped connection. A page's resources run in
/// tasks of their own, whose panics this cannot see; what they call is kept from panicking on
/// input instead (`PageRequest`).
pub fn catch_panics() -> CatchPanicLayer<fn(Box<dyn std::any::Any + Send + 'static>) -> Response> {
    CatchPanicLayer::custom(
        panic_response as fn(Box<dyn std::any::Any + Send + 'static>) -> Response,
    )
}

#[cfg(test)]
mod tests {

    use super::*;

    #[test]
    fn a_nul_escaped_in_json_is_found_but_an_escaped_backslash_before_u0000_is_not() {
        assert!(super::json_escapes_nul(br#"{"q":"a\u0000b"}"#));
        assert!(super::json_escapes_nul(br#"{"q":"\U0000"}"#));
        assert!(super::json_escapes_nul(br#"{"q":"\\\u0000"}"#));
        assert!(!super::json_escapes_nul(br#"{"q":"\\u0000"}"#));
        assert!(!super::json_escapes_nul(br#"{"q":"u0000 \u00e8"}"#));
    }

    #[test]
    fn a_nul_encoded_in_a_form_or_query_is_found() {
        assert!(super::url_encodes_nul(b"q=a%00b"));
        assert!(super::url_encodes_nul(b"q=a\0b"));
        assert!(!super::url_encodes_nul(b"q=100%25&n=%0A"));
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    const HTTP: Scheme = Scheme { https: false };
    const HTTPS: Scheme = Scheme { https: true };

    #[test]
    fn a_same_origin_browser_request_is_not_cross_site() {
        assert!(!is_cross_site(
            &headers(&[("sec-fetch-site", "same-origin")]),
            HTTP
        ));
        assert!(!is_cross_site(
            &headers(&[("sec-fetch-site", "none")]),
            HTTP
        ));
        let ours = [
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000"),
        ];
        assert!(!is_cross_site(&headers(&ours), HTTP));
        let both = [
            ("sec-fetch-site", "same-origin"),
            ("origin", "https://percorso.example"),
            ("host", "percorso.example"),
        ];
        assert!(!is_cross_site(&headers(&both), HTTPS));
    }

    #[test]
    fn another_sites_origin_or_fetch_site_is_cross_site() {
        let host = ("host", "127.0.0.1:3000");
        assert!(is_cross_site(
            &headers(&[("sec-fetch-site", "cross-site")]),
            HTTP
        ));
        assert!(is_cross_site(
            &headers(&[("sec-fetch-site", "same-site")]),
            HTTP
        ));
        assert!(is_cross_site(
            &headers(&[("origin", "https://evil.example"), host]),
            HTTP
        ));
        assert!(is_cross_site(&headers(&[("origin", "null"), host]), HTTP));
    }

    #[test]
    fn case_and_the_schemes_default_port_do_not_make_an_origin_foreign() {
        let upper = [
            ("origin", "https://Percorso.Example"),
            ("host", "percorso.example:443"),
        ];
        assert!(!is_cross_site(&headers(&upper), HTTPS));
        let plain = [
            ("origin", "http://percorso.example"),
            ("host", "PERCORSO.example:80"),
        ];
        assert!(!is_cross_site(&headers(&plain), HTTP));
    }

    #[test]
    fn an_origin_must_match_the_scheme_and_port_too() {
        let host = ("host", "127.0.0.1:3201");
        assert!(is_cross_site(
            &headers(&[("origin", "https://127.0.0.1:3201"), host]),
            HTTP
        ));
        assert!(is_cross_site(
            &headers(&[("origin", "http://127.0.0.1:3201"), host]),
            HTTPS
        ));
        assert!(is_cross_site(
            &headers(&[("origin", "http://127.0.0.1:3202"), host]),
            HTTP
        ));
        assert!(is_cross_site(
            &headers(&[("origin", "http://127.0.0.1"), host]),
            HTTP
        ));
    }

    #[test]
    fn a_same_origin_fetch_site_does_not_vouch_for_another_sites_origin() {
        let forged = [
            ("sec-fetch-site", "same-origin"),
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000"),
        ];
        assert!(is_cross_site(&headers(&forged), HTTP));
    }

    #[test]
    fn text_json_and_wasm_are_compressed_but_not_pdfs_zips_or_images() {
        for yes in [
            "text/html; charset=utf-8",
            "text/css",
            "text/javascript",
            "text/csv; charset=utf-8",
            "application/json",
            "application/wasm",
            "Application/JavaScript",
        ] {
            assert!(compressible(yes), "{yes}");
        }
        for no in [
            "application/pdf",
            "application/zip",
            "image/png",
            "application/octet-stream",
        ] {
            assert!(!compressible(no), "{no}");
        }
    }

    #[test]
    fn a_pages_policy_allows_inline_scripts_only_with_its_nonce() {
        let policy = page_policy("abc123");
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline"));
    }

    #[test]
    fn a_request_without_browser_headers_is_let_through() {
        assert!(!is_cross_site(&HeaderMap::new(), HTTP));
    }
}
