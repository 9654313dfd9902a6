//! Which network addresses Portico reaches on someone's behalf. Two policies live here so they
//! can be compared: documents are fetched from internal hosts but never from link-local
//! (cloud metadata) or unroutable addresses; try-it calls reach public addresses only, unless
//! the admin's base URL names a private address itself.

use std::future::Future;
use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::pin::Pin;
use std::task::{Context, Poll};

use hyper_util::client::legacy::connect::dns::Name;

/// Link-local (cloud metadata), unspecified, multicast and broadcast addresses: never fetched.
pub fn is_unroutable(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_link_local() || v4.is_unspecified() || v4.is_multicast() || v4.is_broadcast()
        }
        IpAddr::V6(v6) => {
            (v6.segments()[0] & 0xffc0) == 0xfe80
                || v6.is_unspecified()
                || v6.is_multicast()
                || v6
                    .to_ipv4_mapped()
                    .is_some_and(|v4| is_unroutable(IpAddr::V4(v4)))
        }
    }
}

fn is_public_v4(v4: Ipv4Addr) -> bool {
    let [a, b, c, _] = v4.octets();
    !(v4.is_private()
        || v4.is_loopback()
        || v4.is_link_local()
        || v4.is_unspecified()
        || v4.is_broadcast()
        || v4.is_documentation()
        || v4.is_multicast()
        || a == 0
        // Shared address space (carrier-grade NAT), 100.64.0.0/10.
        || (a == 100 && (b & 0xc0) == 64)
        // IETF protocol assignments 192.0.0.0/24, benchmarking 198.18.0.0/15, reserved 240/4.
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (b & 0xfe) == 18)
        || a >= 240)
}

/// Whether the public internet routes to `ip`. IPv6 forms that carry an IPv4 address (mapped,
/// compatible, NAT64, 6to4) are judged by that address.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            let embedded = |high: u16, low: u16| {
                Ipv4Addr::new((high >> 8) as u8, high as u8, (low >> 8) as u8, low as u8)
            };
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            // IPv4-compatible ::a.b.c.d (deprecated, still parsed by some stacks).
            if s[..6].iter().all(|&x| x == 0) {
                return !v6.is_loopback()
                    && !v6.is_unspecified()
                    && is_public_v4(embedded(s[6], s[7]));
            }
            // NAT64 64:ff9b::/96.
            if s[0] == 0x64 && s[1] == 0xff9b && s[2..6].iter().all(|&x| x == 0) {
                return is_public_v4(embedded(s[6], s[7]));
            }
            // 6to4 2002::/16 carries the IPv4 address in the next 32 bits.
            if s[0] == 0x2002 {
                return is_public_v4(embedded(s[1], s[2]));
            }
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                // Unique local fc00::/7, link-local fe80::/10, site-local fec0::/10.
                || (s[0] & 0xfe00) == 0xfc00
                || (s[0] & 0xffc0) == 0xfe80
                || (s[0] & 0xffc0) == 0xfec0
                // Documentation 2001:db8::/32.
                || (s[0] == 0x2001 && s[1] == 0x0db8))
        }
    }
}

/// Keeps the public addresses among `addresses`; an error when none is left.
pub fn only_public(host: &str, addresses: Vec<SocketAddr>) -> io::Result<Vec<SocketAddr>> {
    let public: Vec<SocketAddr> = addresses
        .into_iter()
        .filter(|address| is_public(address.ip()))
        .collect();
    if public.is_empty() {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{host} leads to a private network address"),
        ))
    } else {
        Ok(public)
    }
}

/// A resolver for the try-it client: a host name may only lead to public addresses, checked at
/// the moment of connecting (so a name that changes its answer between a check and the
/// connection gains nothing). Addresses written as such in a base URL never reach a resolver,
/// and `localhost` is what it says.
#[derive(Clone, Copy, Default)]
pub struct PublicResolver;

type Resolving = Pin<Box<dyn Future<Output = io::Result<std::vec::IntoIter<SocketAddr>>> + Send>>;

impl tower::Service<Name> for PublicResolver {
    type Response = std::vec::IntoIter<SocketAddr>;
    type Error = io::Error;
    type Future = Resolving;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, name: Name) -> Resolving {
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let addresses: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if host.eq_ignore_ascii_case("localhost") {
                return Ok(addresses.into_iter());
            }
            only_public(&host, addresses).map(Vec::into_iter)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_special_addresses_are_not_public() {
        for private in [
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "127.0.0.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "224.0.0.1",
            "192.0.0.8",
            "198.18.0.1",
            "240.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "fec0::1",
            "ff02::1",
            "::ffff:10.0.0.1",
            "::10.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::",
            "2001:db8::1",
        ] {
            assert!(!is_public(private.parse().expect("ip")), "{private}");
        }
        for public in [
            "93.184.216.34",
            "100.128.0.1",
            "2606:4700::1111",
            "64:ff9b::5db8:d822",
            "2002:5db8:d822::",
        ] {
            assert!(is_public(public.parse().expect("ip")), "{public}");
        }
    }

    #[test]
    fn a_name_must_lead_somewhere_public() {
        let at = |ip: &str| SocketAddr::new(ip.parse().expect("ip"), 443);
        let error = only_public("internal.test", vec![at("10.0.0.1"), at("::1")])
            .expect_err("private only");
        assert!(error.to_string().contains("private network address"));
        // A name with both kinds of answer keeps only the public one.
        assert_eq!(
            only_public("mixed.test", vec![at("10.0.0.1"), at("93.184.216.34")]).expect("one"),
            vec![at("93.184.216.34")]
        );
    }

    #[test]
    fn document_fetches_refuse_metadata_and_unroutable_addresses() {
        for refused in [
            "169.254.169.254",
            "0.0.0.0",
            "224.0.0.1",
            "fe80::1",
            "::ffff:169.254.1.1",
        ] {
            assert!(is_unroutable(refused.parse().expect("ip")), "{refused}");
        }
        for fetched in [
            "10.0.0.1",
            "192.168.1.10",
            "127.0.0.1",
            "93.184.216.34",
            "2001:db8::1",
        ] {
            assert!(!is_unroutable(fetched.parse().expect("ip")), "{fetched}");
        }
    }
}
