//! The browser bundle's file names. The build names each file by a hash of its content
//! (`app.<hash>.js`, `app.<hash>.wasm`, `app.<hash>.css`), so browsers may keep them for good;
//! the server finds the names once, at start-up, in the site folder.

use std::path::Path;

/// What the pages link to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleNames {
    /// The shared stem of the script and the wasm (`app.<hash>`), Leptos's "output name".
    pub script_stem: String,
    /// The stylesheet's file name (`app.<hash>.css`).
    pub stylesheet: String,
}

impl Default for BundleNames {
    /// The unhashed names, for a site folder without a built bundle (tests of the API).
    fn default() -> Self {
        Self {
            script_stem: "app".into(),
            stylesheet: "app.css".into(),
        }
    }
}

/// `stem` if `name` is `app.<16 or more hex digits>.<extension>`.
fn hashed_stem<'a>(name: &'a str, extension: &str) -> Option<&'a str> {
    let stem = name.strip_suffix(extension)?.strip_suffix('.')?;
    let hash = stem.strip_prefix("app.")?;
    (hash.len() >= 16 && hash.chars().all(|c| c.is_ascii_hexdigit())).then_some(stem)
}

/// Reads `<site_root>/pkg` for the hashed bundle; falls back to the unhashed names.
pub fn find(site_root: &Path) -> BundleNames {
    let mut names = BundleNames::default();
    let Ok(entries) = std::fs::read_dir(site_root.join("pkg")) else {
        return names;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(file) = file.to_str() else { continue };
        if let Some(stem) = hashed_stem(file, "js") {
            names.script_stem = stem.to_owned();
        } else if hashed_stem(file, "css").is_some() {
            names.stylesheet = file.to_owned();
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_app_files_named_by_a_long_hex_hash_count_as_hashed() {
        assert_eq!(
            hashed_stem("app.0123456789abcdef.js", "js"),
            Some("app.0123456789abcdef")
        );
        assert_eq!(hashed_stem("app.0123456789abcdef.js.gz", "js"), None);
        assert_eq!(hashed_stem("app.js", "js"), None);
        assert_eq!(hashed_stem("app.0123.js", "js"), None);
        assert_eq!(hashed_stem("app.0123456789abcdeg.js", "js"), None);
        assert_eq!(hashed_stem("other.0123456789abcdef.js", "js"), None);
    }

    #[test]
    fn the_bundle_is_found_by_its_hashed_names_beside_their_compressed_copies() {
        let site = std::env::temp_dir().join(format!("percorso-assets-{}", std::process::id()));
        let pkg = site.join("pkg");
        std::fs::create_dir_all(&pkg).unwrap();
        for file in [
            "app.00112233445566778899.js",
            "app.00112233445566778899.js.br",
            "app.00112233445566778899.wasm",
            "app.ffeeddccbbaa99887766.css",
            "app.ffeeddccbbaa99887766.css.gz",
        ] {
            std::fs::write(pkg.join(file), b"x").unwrap();
        }
        let names = find(&site);
        std::fs::remove_dir_all(&site).unwrap();
        assert_eq!(
            names,
            BundleNames {
                script_stem: "app.00112233445566778899".into(),
                stylesheet: "app.ffeeddccbbaa99887766.css".into(),
            }
        );
    }

    #[test]
    fn without_a_built_bundle_the_plain_names_are_used() {
        assert_eq!(find(Path::new("/nonexistent")), BundleNames::default());
    }
}
