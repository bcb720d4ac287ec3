//! The client's address for the per-address limits (sign-in failures, applications, password
//! reset asks): the connection's peer, or, when that peer is a trusted reverse proxy
//! (`PERCORSO_TRUSTED_PROXIES`), the address the proxies say they were reached from in
//! `X-Forwarded-For`. A header from anyone else is ignored, so no visitor can pick their own.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use app::server::accounts::auth::ClientAddress;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::config::AddressList;

/// The client behind `peer`: `peer` itself unless it is a trusted proxy; then, reading
/// `X-Forwarded-For` (each proxy appends the address it was reached from, the nearest last)
/// from the right, the first address that is not a trusted proxy, or the leftmost if all are.
/// An entry that is not an address ends the reading: what lies left of it is not vouched for.
pub fn client_address(peer: IpAddr, forwarded_for: &[&str], trusted: &AddressList) -> IpAddr {
    if !trusted.contains(peer) {
        return peer;
    }
    let mut client = peer;
    for hop in forwarded_for
        .iter()
        .flat_map(|value| value.split(','))
        .rev()
    {
        let Ok(address) = hop.trim().parse::<IpAddr>() else {
            break;
        };
        client = address;
        if !trusted.contains(address) {
            break;
        }
    }
    client
}

/// Puts the request's [`ClientAddress`] in its extensions.
pub async fn resolve(
    State(trusted): State<Arc<AddressList>>,
    mut req: Request,
    next: Next,
) -> Response {
    if let Some(ConnectInfo(peer)) = req.extensions().get::<ConnectInfo<SocketAddr>>().copied() {
        let forwarded: Vec<&str> = req
            .headers()
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .collect();
        let client = client_address(peer.ip(), &forwarded, &trusted);
        req.extensions_mut().insert(ClientAddress(client));
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_a_trusted_proxy_the_header_is_ignored() {
        let none = AddressList::default();
        assert_eq!(
            client_address(ip("203.0.113.9"), &["198.51.100.1"], &none),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn behind_trusted_proxies_the_client_is_the_first_untrusted_address_from_the_right() {
        let proxies = AddressList::parse("10.0.0.0/8").unwrap();
        // The visitor wrote "1.2.3.4" themselves; the proxy appended what it saw.
        let header = ["1.2.3.4, 203.0.113.9", "10.0.0.7"];
        assert_eq!(
            client_address(ip("10.0.0.2"), &header, &proxies),
            ip("203.0.113.9")
        );
        assert_eq!(
            client_address(ip("10.0.0.2"), &[], &proxies),
            ip("10.0.0.2"),
            "no header: the proxy itself"
        );
        assert_eq!(
            client_address(ip("10.0.0.2"), &["203.0.113.9, bogus"], &proxies),
            ip("10.0.0.2"),
            "a malformed nearest entry vouches for nothing"
        );
    }
}
