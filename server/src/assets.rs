//! The site's built files. The build names each by a hash of its content (`staff.<hash>.js`,
//! `staff.<hash>.wasm`, `app.<hash>.css`), so browsers may keep them for good; the server
//! finds the names once, at start-up, in the site folder.

use std::path::Path;

use app::bundles::SiteAssets;

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

#[cfg(test)]
mod tests {
    use super::*;
    use app::bundles::Bundle;

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
