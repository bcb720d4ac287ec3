//! Request middleware: who is signed in and in which language, cross-site request refusal,
//! HTTP statuses for server-function errors, and security headers.

use app::i18n::Lang;
use app::model::AppError;
use app::server::auth::{CurrentUser, RequestLang};
use app::server::{Backend, sessions};
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

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
    if path.starts_with("/pkg/") || path == "/healthz" {
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
            sessions::read_cookie(cookie_header(headers), app::api::session::LANG_COOKIE)
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

/// Whether a state-changing request comes from another site, judged by `Sec-Fetch-Site`
/// when the browser sends it, else by `Origin` against `Host`.
fn is_cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let origin_host = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"))
        .unwrap_or(origin);
    origin == "null" || origin_host != host
}

/// Refuses cross-site requests that could change state.
pub async fn refuse_cross_site(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && is_cross_site(req.headers()) {
        tracing::warn!(path = req.uri().path(), "cross-site request refused");
        return (StatusCode::FORBIDDEN, "cross-site request refused").into_response();
    }
    next.run(req).await
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

/// Headers every response carries.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        (
            "content-security-policy",
            "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
        ),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn a_same_origin_browser_request_is_not_cross_site() {
        assert!(!is_cross_site(&headers(&[(
            "sec-fetch-site",
            "same-origin"
        )])));
        assert!(!is_cross_site(&headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000")
        ])));
    }

    #[test]
    fn another_sites_origin_or_fetch_site_is_cross_site() {
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(is_cross_site(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(is_cross_site(&headers(&[
            ("origin", "null"),
            ("host", "x")
        ])));
    }

    #[test]
    fn a_request_without_browser_headers_is_let_through() {
        assert!(!is_cross_site(&HeaderMap::new()));
    }
}
