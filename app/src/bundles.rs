//! The browser bundles: one for each group of pages, carrying only that group's islands, and
//! which one a page loads. Pages without islands (lists, detail pages, the public careers
//! pages) load none. Each island says its bundle with a `bundle-*` feature in a `cfg_attr`.

/// A browser bundle, built with the matching `bundle-*` feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bundle {
    /// Signing in, one's account, a candidate's page, the board, reports.
    Staff,
    /// The framework's, the openings' and the practical test templates' editors.
    Editors,
    /// CV intake and import.
    Intake,
    /// Users, data protection and mail.
    Admin,
    /// The interview page (the scorecard and HR's changes) and a test's grading.
    Interviews,
    /// The candidate's online test (the time left and saving as they go), and the time left on
    /// a practical test's materials.
    Candidate,
}

impl Bundle {
    pub const ALL: [Bundle; 6] = [
        Bundle::Staff,
        Bundle::Editors,
        Bundle::Intake,
        Bundle::Admin,
        Bundle::Interviews,
        Bundle::Candidate,
    ];

    /// The name of its files (`staff.<hash>.js`, `staff.<hash>.wasm`) and of its feature.
    pub fn name(self) -> &'static str {
        match self {
            Bundle::Staff => "staff",
            Bundle::Editors => "editors",
            Bundle::Intake => "intake",
            Bundle::Admin => "admin",
            Bundle::Interviews => "interviews",
            Bundle::Candidate => "candidate",
        }
    }

    /// The bundle the page at `path` needs, or `None` for a page without islands.
    pub fn for_path(path: &str) -> Option<Bundle> {
        let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
        match segments.as_slice() {
            ["login" | "account" | "reports"] => Some(Bundle::Staff),
            ["candidates", _] => Some(Bundle::Staff),
            ["interviews", _] => Some(Bundle::Interviews),
            ["tests", "templates" | "banks", _] => Some(Bundle::Editors),
            ["tests", "templates" | "banks"] => None,
            ["tests", _] | ["online-tests", _] => Some(Bundle::Interviews),
            ["t" | "p", _] => Some(Bundle::Candidate),
            ["openings", _, "board"] => Some(Bundle::Staff),
            ["competencies", ..] => Some(Bundle::Editors),
            ["profiles", _] | ["openings", _] => Some(Bundle::Editors),
            ["intake"] => Some(Bundle::Intake),
            ["admin", ..] => Some(Bundle::Admin),
            _ => None,
        }
    }
}

/// The site's built files, as the server found them: each bundle's file stem and the
/// stylesheet's address (their names carry a hash of their content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteAssets {
    pub stylesheet: String,
    pub bundles: Vec<(Bundle, String)>,
}

impl Default for SiteAssets {
    /// The unhashed names, for a site without a built bundle.
    fn default() -> Self {
        Self {
            stylesheet: "/pkg/app.css".into(),
            bundles: Bundle::ALL
                .iter()
                .map(|b| (*b, b.name().to_owned()))
                .collect(),
        }
    }
}

impl SiteAssets {
    /// The file stem of `bundle` (`staff.<hash>`).
    pub fn stem(&self, bundle: Bundle) -> String {
        self.bundles
            .iter()
            .find(|(b, _)| *b == bundle)
            .map_or_else(|| bundle.name().to_owned(), |(_, stem)| stem.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_with_islands_load_their_groups_bundle_and_others_none() {
        assert_eq!(Bundle::for_path("/login"), Some(Bundle::Staff));
        assert_eq!(Bundle::for_path("/candidates/12"), Some(Bundle::Staff));
        assert_eq!(Bundle::for_path("/openings/3/board"), Some(Bundle::Staff));
        assert_eq!(Bundle::for_path("/openings/3"), Some(Bundle::Editors));
        assert_eq!(Bundle::for_path("/openings/new"), Some(Bundle::Editors));
        assert_eq!(Bundle::for_path("/competencies"), Some(Bundle::Editors));
        assert_eq!(Bundle::for_path("/profiles/new"), Some(Bundle::Editors));
        assert_eq!(Bundle::for_path("/intake"), Some(Bundle::Intake));
        assert_eq!(Bundle::for_path("/admin/users"), Some(Bundle::Admin));
        assert_eq!(Bundle::for_path("/interviews/7"), Some(Bundle::Interviews));
        assert_eq!(Bundle::for_path("/tests/5"), Some(Bundle::Interviews));
        assert_eq!(
            Bundle::for_path("/online-tests/5"),
            Some(Bundle::Interviews)
        );
        assert_eq!(Bundle::for_path("/t/abc"), Some(Bundle::Candidate));
        assert_eq!(Bundle::for_path("/p/abc"), Some(Bundle::Candidate));
        assert_eq!(
            Bundle::for_path("/tests/templates/new"),
            Some(Bundle::Editors)
        );
        for plain in [
            "/tests",
            "/tests/templates",
            "/tests/banks",
            "/tests/templates/3/materials",
            "/",
            "/candidates",
            "/openings",
            "/profiles",
            "/careers",
            "/careers/4",
            "/careers/applied",
            "/employees",
            "/employees/4",
            "/me",
            "/training",
            "/training/decisions",
            "/applications/3/hire",
            "/welcome/abc",
            "/forgot-password",
            "/reset-password/abc",
            "/nowhere",
        ] {
            assert_eq!(Bundle::for_path(plain), None, "{plain}");
        }
    }
}
