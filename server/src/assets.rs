//! The site's built files under `/pkg/`. The build names each by a hash of its content
//! (`staff.<hash>.js`, `staff.<hash>.wasm`, `app.<hash>.css`): the server finds those names once,
//! at start-up, for the pages to link to, and serves the files, or their precompressed
//! `.br`/`.gz` twins when the browser accepts them, cached for a year when their names carry a
//! content hash and revalidated on every use otherwise.

use std::path::Path;

use app::bundles::SiteAssets;

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

/// `stem` if `name` is `<prefix>.<16 or more hex digits>.<extension>`.
fn hashed_stem<'a>(name: &'a str, prefix: &str, extension: &str) -> Option<&'a str> {
    let stem = name.strip_suffix(extension)?.strip_suffix('.')?;
    let hash = stem.strip_prefix(prefix)?.strip_prefix('.')?;
    (hash.len() >= 16 && hash.chars().all(|c| c.is_ascii_hexdigit())).then_some(stem)
}

/// Reads `<site_root>/pkg` for the hashed files; what is missing keeps its plain name.
pub fn find(site_root: &Path) -> SiteAssets {
    let mut assets = SiteAssets::default();
    let Ok(entries) = std::fs::read_dir(site_root.join("pkg")) else {
        return assets;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(file) = file.to_str() else { continue };
        if hashed_stem(file, "app", "css").is_some() {
            assets.stylesheet = format!("/pkg/{file}");
        }
        for (bundle, stem) in &mut assets.bundles {
            if let Some(found) = hashed_stem(file, bundle.name(), "js") {
                *stem = found.to_owned();
            }
        }
    }
    assets
}

/// The site's icon, built into the server (a 32×32 PNG in an ICO), so that the address every
/// browser asks for answers without a file to deploy.
pub async fn favicon() -> Response {
    let mut response = Response::new(axum::body::Body::from(
        &include_bytes!("../assets/favicon.ico")[..],
    ));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("image/x-icon"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::bundles::Bundle;

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

    #[test]
    fn only_files_named_by_a_long_hex_hash_count_as_hashed() {
        let stem = |name| hashed_stem(name, "staff", "js");
        assert_eq!(
            stem("staff.0123456789abcdef.js"),
            Some("staff.0123456789abcdef")
        );
        assert_eq!(stem("staff.0123456789abcdef.js.gz"), None);
        assert_eq!(stem("staff.js"), None);
        assert_eq!(stem("staff.0123.js"), None);
        assert_eq!(stem("staff.0123456789abcdeg.js"), None);
        assert_eq!(stem("staffer.0123456789abcdef.js"), None);
    }

    #[test]
    fn each_bundle_and_the_stylesheet_are_found_by_their_hashed_names() {
        let site = std::env::temp_dir().join(format!("percorso-assets-{}", std::process::id()));
        let pkg = site.join("pkg");
        std::fs::create_dir_all(&pkg).unwrap();
        for file in [
            "staff.00112233445566778899.js",
            "staff.00112233445566778899.js.br",
            "staff.00112233445566778899.wasm",
            "intake.aabbccddeeff00112233.js",
            "app.ffeeddccbbaa99887766.css",
            "app.ffeeddccbbaa99887766.css.gz",
        ] {
            std::fs::write(pkg.join(file), b"x").unwrap();
        }
        let assets = find(&site);
        std::fs::remove_dir_all(&site).unwrap();
        assert_eq!(assets.stylesheet, "/pkg/app.ffeeddccbbaa99887766.css");
        assert_eq!(assets.stem(Bundle::Staff), "staff.00112233445566778899");
        assert_eq!(assets.stem(Bundle::Intake), "intake.aabbccddeeff00112233");
        assert_eq!(
            assets.stem(Bundle::Admin),
            "admin",
            "not built: its plain name"
        );
    }

    #[test]
    fn without_a_built_site_the_plain_names_are_used() {
        assert_eq!(find(Path::new("/nonexistent")), SiteAssets::default());
    }
}
