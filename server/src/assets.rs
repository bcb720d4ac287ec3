//! The browser bundle under `/pkg/`: files from `<site_root>/pkg`, or their precompressed
//! `.br`/`.gz` twins when the browser accepts them, cached for a year when their names carry a
//! content hash and revalidated on every use otherwise.

use std::path::Path;

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::MethodRouter;
use tower_http::services::ServeDir;

/// Caching for files whose name changes whenever their content does.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Caching for every other file (and for missing ones): ask the server each time.
const REVALIDATE: &str = "no-cache";

/// Whether a file name carries a content hash: a dot and at least 16 hex digits just before
/// the extension, as in `app.3f9a1c0b2d4e6f70.wasm`.
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let mut parts = name.rsplit('.');
    let (Some(_extension), Some(hash), Some(stem)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    !stem.is_empty() && hash.len() >= 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

async fn cache_headers(req: Request, next: Next) -> Response {
    let hashed = is_hashed(req.uri().path());
    let mut response = next.run(req).await;
    let found = response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED;
    let headers = response.headers_mut();
    let policy = if found && hashed {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    // Which file is sent depends on Accept-Encoding: shared caches must keep them apart.
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// Serves `<site_root>/pkg`; to be nested at `/pkg`. A missing file is a plain 404.
pub fn service(site_root: &Path) -> MethodRouter {
    let files = ServeDir::new(site_root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    axum::routing::get_service(files).layer(middleware::from_fn(cache_headers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_sixteen_or_more_hex_digits_before_the_extension_is_hashed() {
        for hashed in [
            "app.3f9a1c0b2d4e6f70.wasm",
            "/app.3f9a1c0b2d4e6f70a1.js",
            "app.3F9A1C0B2D4E6F70.css",
        ] {
            assert!(is_hashed(hashed), "{hashed}");
        }
    }

    #[test]
    fn plain_names_short_hashes_and_non_hex_are_not_hashed() {
        for plain in [
            "app.wasm",
            "app.js",
            "app.3f9a1c0b.wasm",
            "app.3f9a1c0b2d4e6g70.wasm",
            ".3f9a1c0b2d4e6f70.js",
            "3f9a1c0b2d4e6f70.js",
            "",
        ] {
            assert!(!is_hashed(plain), "{plain}");
        }
    }
}
