//! The application shell, the routes, and what every page can read from context.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::api::account::session::current_session;
use crate::bundles::{Bundle, SiteAssets};
use crate::components::layout::Header;
use crate::i18n::{Lang, Text};
use crate::model::{AppError, SessionInfo};
use crate::pages::account::{
    forgotten_password, login, second_step, settings, two_factor, welcome,
};
use crate::pages::employees::{hire, list as employee_list, record};
use crate::pages::framework::{competencies, profiles};
use crate::pages::recruitment::{board, candidate_list, candidates, intake, openings, reports};
use crate::pages::{
    admin, assessments, careers, certifications, home, interviews, not_found, notifications,
    training,
};

/// The HTML document around the app, rendered on the server.
///
/// Pages are HTML first: a page loads the bundle of its group's islands (`Bundle::for_path`),
/// and pages without islands, the public careers pages among them, load no script at all.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = request_lang();
    // Islands mode: only what an island reads is sent along for hydration, and nothing at all on
    // a page without the bundle. (HydrationScripts says the same for the pages that load it.)
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let assets = use_context::<SiteAssets>().unwrap_or_default();
    let scripts = Bundle::for_path(&request_path()).map(|bundle| {
        let mut options = options.clone();
        options.output_name = assets.stem(bundle).into();
        view! { <HydrationScripts options islands=true /> }
    });
    let stylesheet = assets.stylesheet;
    view! {
        <!DOCTYPE html>
        <html lang=lang.as_str()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="stylesheet" href=stylesheet />
                <link rel="icon" href="/favicon.ico" sizes="32x32" />
                {scripts}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The path of the page being rendered (on the server; empty in the browser).
fn request_path() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>()
            .map(|parts| parts.uri.path().to_owned())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

/// The language of this page: on the server from the request, in the browser from `<html lang>`.
fn request_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        crate::server::accounts::auth::request_lang()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Lang::parse(&l))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Lang::default()
    }
}

/// The signed-in user and language, loaded once per page load.
pub type SessionResource = Resource<Result<SessionInfo, AppError>>;

/// The session resource, for guards and the header.
pub fn use_session() -> SessionResource {
    expect_context::<SessionResource>()
}

/// The language of the UI. Islands hydrate without the server's context, so in the browser it
/// is read from the page's `<html lang>`.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_else(request_lang)
}

/// A translator for the texts of server-rendered pages: `p(PageText::Certifications)`.
pub fn use_page_texts()
-> impl Fn(crate::i18n::PageText) -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move |text| text.get(lang)
}

/// A translator for fixed texts: `t(Text::Save)`.
pub fn use_texts() -> impl Fn(Text) -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move |text| text.get(lang)
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = request_lang();
    provide_context(lang);
    let session: SessionResource = Resource::new_blocking(|| (), |()| current_session());
    provide_context(session);

    view! {
        <Title formatter=|page: String| {
            if page.is_empty() { "Percorso".to_owned() } else { format!("{page} · Percorso") }
        } />
        <Router>
            <a class="skip-link" href="#main">
                {Text::SkipToContent.get(lang)}
            </a>
            <Header />
            <main id="main" tabindex="-1">
                <Routes fallback=not_found::NotFound>
                    <Route path=path!("/") view=home::HomePage ssr=SsrMode::Async />
                    <Route path=path!("/login") view=login::LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/login/code") view=second_step::SignInCodePage ssr=SsrMode::Async />
                    <Route
                        path=path!("/login/two-factor")
                        view=second_step::SignInSetUpPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/account") view=settings::AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/account/two-factor") view=two_factor::TwoFactorPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/admin/users")
                        view=admin::users::UsersPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/competencies")
                        view=competencies::CompetenciesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/competencies/:id")
                        view=competencies::CompetencyPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/profiles")
                        view=profiles::ProfilesPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/openings") view=openings::OpeningsPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/openings/:id")
                        view=openings::OpeningPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/openings/:id/board")
                        view=board::BoardPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/candidates")
                        view=candidate_list::CandidateListPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/intake") view=intake::IntakePage ssr=SsrMode::Async />
                    <Route path=path!("/reports") view=reports::ReportsPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/admin/data-protection")
                        view=admin::data_protection::DataProtectionPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/admin/mail") view=admin::mail::MailPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/interviews")
                        view=interviews::agenda::AgendaPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/interviews/:id")
                        view=interviews::detail::InterviewPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/interviews/:id/kit")
                        view=interviews::kit::KitPrintPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/employees") view=employee_list::EmployeeListPage ssr=SsrMode::Async />
                    <Route path=path!("/employees/:id") view=record::EmployeePage ssr=SsrMode::Async />
                    <Route path=path!("/me") view=record::MyRecordPage ssr=SsrMode::Async />
                    <Route path=path!("/applications/:id/hire") view=hire::HirePage ssr=SsrMode::Async />
                    <Route path=path!("/welcome/:token") view=welcome::WelcomePage ssr=SsrMode::Async />
                    <Route
                        path=path!("/forgot-password")
                        view=forgotten_password::ForgotPasswordPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/reset-password/:token")
                        view=forgotten_password::ResetPasswordPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/training") view=training::mine::MyTrainingPage ssr=SsrMode::Async />
                    <Route path=path!("/training/decisions") view=training::decisions::DecisionsPage ssr=SsrMode::Async />
                    <Route path=path!("/training/hours") view=training::hours::HoursPage ssr=SsrMode::Async />
                    <Route path=path!("/certifications") view=certifications::catalogue::CertificationsPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/certifications/:id")
                        view=certifications::catalogue::CertificationPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/compliance") view=certifications::compliance::CompliancePage ssr=SsrMode::Async />
                    <Route path=path!("/notifications") view=notifications::NotificationsPage ssr=SsrMode::Async />
                    <Route path=path!("/courses") view=training::catalogue::CataloguePage ssr=SsrMode::Async />
                    <Route
                        path=path!("/courses/:id")
                        view=training::catalogue::CoursePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/courses/:id/edit")
                        view=training::course_editor::EditCoursePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/tests") view=assessments::tests::TestsPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/tests/templates")
                        view=assessments::templates::TemplatesPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/tests/templates/:id")
                        view=assessments::templates::TemplatePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/tests/templates/:id/materials")
                        view=assessments::materials::MaterialsPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/tests/banks") view=assessments::banks::BanksPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/tests/banks/:id")
                        view=assessments::banks::BankPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/tests/:id") view=assessments::test::TestPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/online-tests/:id")
                        view=assessments::online_review::OnlineReviewPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/applications/:id/assessment")
                        view=assessments::assessment::AssessmentPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/openings/:id/assessment")
                        view=assessments::comparison::ComparisonPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/openings/:id/interviews")
                        view=interviews::opening::OpeningInterviewsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/candidates/:id")
                        view=candidates::CandidatePage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/careers") view=careers::CareersPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/p/:token")
                        view=assessments::materials_link::MaterialsLinkPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/t/:token")
                        view=assessments::online_take::OnlineTestPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/careers/applied")
                        view=careers::AppliedPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/careers/:id")
                        view=careers::CareerOpeningPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/profiles/:id")
                        view=profiles::ProfilePage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
        </Router>
    }
}
