//! Who is calling: the signed-in user of the request, and the one authorisation helper every
//! server function calls first.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use leptos::prelude::use_context;

use crate::i18n::Lang;
use crate::model::{AppError, Permission, Role, SessionUser, UserId};

/// The signed-in user, put in the request's extensions by the session middleware.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// The user's own language setting, if they chose one.
    pub language: Option<Lang>,
    /// The IANA time zone the user reads times in.
    pub time_zone: String,
    /// The session this request belongs to.
    pub session_id: i32,
}

impl CurrentUser {
    pub fn session_user(&self) -> SessionUser {
        SessionUser {
            id: self.id,
            name: self.name.clone(),
            email: self.email.clone(),
            role: self.role,
            time_zone: self.time_zone.clone(),
        }
    }
}

/// The language the request asked for, resolved by the session middleware.
#[derive(Debug, Clone, Copy)]
pub struct RequestLang(pub Lang);

fn parts() -> Option<Parts> {
    use_context::<Parts>()
}

/// The signed-in user of the current request, if any.
pub fn current_user() -> Option<CurrentUser> {
    parts()?.extensions.get::<CurrentUser>().cloned()
}

/// The language of the current request.
pub fn request_lang() -> Lang {
    parts()
        .and_then(|p| p.extensions.get::<RequestLang>().copied())
        .map(|l| l.0)
        .unwrap_or_default()
}

/// The client's address as the server resolved it (behind trusted proxies, the one they
/// forwarded); the connection's peer when none was resolved.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress(pub std::net::IpAddr);

/// The client's address, for throttling. Never logged with personal data.
pub fn client_ip() -> String {
    parts().map_or_else(|| "unknown".to_owned(), |p| client_ip_of(&p))
}

/// The address request `parts` came from (for handlers that have the request itself).
pub fn client_ip_of(parts: &Parts) -> String {
    if let Some(ClientAddress(address)) = parts.extensions.get::<ClientAddress>() {
        return address.to_canonical().to_string();
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string())
}

/// The value of cookie `name` sent with request `parts`.
pub fn cookie_of(parts: &Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|header| super::sessions::read_cookie(header, name))
        .map(str::to_owned)
}

/// The value of cookie `name` sent with the current request.
pub fn request_cookie(name: &str) -> Option<String> {
    parts().and_then(|p| cookie_of(&p, name))
}

/// Allows the call if someone is signed in and their role holds `permission`.
///
/// Every server function starts with this (or with `public()`); record checks follow it.
pub fn authorize(permission: Permission) -> Result<CurrentUser, AppError> {
    allow(current_user(), permission)
}

/// The check behind [`authorize`], for plain HTTP handlers that hold the user themselves.
pub fn allow(user: Option<CurrentUser>, permission: Permission) -> Result<CurrentUser, AppError> {
    let user = user.ok_or(AppError::Unauthenticated)?;
    if user.role.can(permission) {
        Ok(user)
    } else {
        tracing::warn!(user_id = %user.id, ?permission, "forbidden");
        Err(AppError::Forbidden)
    }
}

/// Marks a server function as open to anyone, signed in or not; returns the user if any.
pub fn public() -> Option<CurrentUser> {
    current_user()
}
