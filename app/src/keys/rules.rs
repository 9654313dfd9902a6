//! Which client addresses a key works from: single addresses and CIDR ranges, IPv4 and IPv6.
//! Blocked wins over allowed; an empty allow list allows every address.

use std::fmt;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

/// An address range: an address and how many leading bits must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

/// IPv4 addresses seen through an IPv6 socket (`::ffff:192.0.2.1`) are IPv4 addresses.
fn canonical(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

fn masked(address: IpAddr, prefix: u8) -> IpAddr {
    match address {
        IpAddr::V4(v4) => {
            let bits = u32::from(v4);
            let mask = if prefix == 0 {
                0
            } else {
                u32::MAX << (32 - u32::from(prefix))
            };
            IpAddr::V4((bits & mask).into())
        }
        IpAddr::V6(v6) => {
            let bits = u128::from(v6);
            let mask = if prefix == 0 {
                0
            } else {
                u128::MAX << (128 - u32::from(prefix))
            };
            IpAddr::V6((bits & mask).into())
        }
    }
}

impl Cidr {
    /// `192.0.2.7`, `192.0.2.0/24`, `2001:db8::/32`, `::1`.
    pub fn parse(input: &str) -> Result<Cidr, String> {
        let input = input.trim();
        let (address, prefix) = match input.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (input, None),
        };
        let address: IpAddr = address
            .parse()
            .map_err(|_| crate::t!("keys-rule-not-address", entry = input))?;
        let address = canonical(address);
        let max = if address.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(prefix) => prefix
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| crate::t!("keys-rule-bad-prefix", entry = input, max = max))?,
        };
        Ok(Cidr {
            network: masked(address, prefix),
            prefix,
        })
    }

    pub fn contains(&self, address: IpAddr) -> bool {
        let address = canonical(address);
        address.is_ipv4() == self.network.is_ipv4() && masked(address, self.prefix) == self.network
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = if self.network.is_ipv4() { 32 } else { 128 };
        if self.prefix == max {
            write!(f, "{}", self.network)
        } else {
            write!(f, "{}/{}", self.network, self.prefix)
        }
    }
}

/// A list of ranges as people type it: separated by commas, spaces or lines.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CidrList(Vec<Cidr>);

/// At most this many entries in a list.
pub const MAX_RULES: usize = 100;

impl CidrList {
    /// Every bad entry is reported, one sentence each.
    pub fn parse(input: &str) -> Result<CidrList, Vec<String>> {
        let mut list = Vec::new();
        let mut errors = Vec::new();
        for entry in input
            .split([',', '\n', '\r', ' ', '\t', ';'])
            .filter(|entry| !entry.is_empty())
        {
            match Cidr::parse(entry) {
                Ok(cidr) if !list.contains(&cidr) => list.push(cidr),
                Ok(_) => {}
                Err(error) => errors.push(error),
            }
        }
        if list.len() > MAX_RULES {
            errors.push(crate::t!("keys-rules-too-many", max = MAX_RULES));
        }
        if errors.is_empty() {
            Ok(CidrList(list))
        } else {
            Err(errors)
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, address: IpAddr) -> bool {
        self.0.iter().any(|cidr| cidr.contains(address))
    }

    pub fn entries(&self) -> &[Cidr] {
        &self.0
    }

    /// The stored form: one entry per line.
    pub fn to_text(&self) -> String {
        self.0
            .iter()
            .map(Cidr::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Why an address may not use a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AddressDenial {
    Blocked,
    NotAllowed,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpRules {
    pub allowed: CidrList,
    pub blocked: CidrList,
}

impl IpRules {
    /// Blocked wins; an empty allow list allows every address not blocked.
    pub fn check(&self, address: IpAddr) -> Result<(), AddressDenial> {
        if self.blocked.contains(address) {
            Err(AddressDenial::Blocked)
        } else if !self.allowed.is_empty() && !self.allowed.contains(address) {
            Err(AddressDenial::NotAllowed)
        } else {
            Ok(())
        }
    }

    /// `check` for a caller whose address may be unknown: rules that name addresses then fail
    /// closed, and only a key without rules works.
    pub fn admits(&self, address: Option<IpAddr>) -> Result<(), AddressDenial> {
        match address {
            Some(address) => self.check(address),
            None if self.allowed.is_empty() && self.blocked.is_empty() => Ok(()),
            None => Err(AddressDenial::NotAllowed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn an_unknown_address_passes_only_a_key_without_rules() {
        let open = IpRules::default();
        assert_eq!(open.admits(None), Ok(()));
        let allowed = IpRules {
            allowed: CidrList::parse("10.0.0.0/8").expect("list"),
            ..IpRules::default()
        };
        assert_eq!(allowed.admits(None), Err(AddressDenial::NotAllowed));
        assert_eq!(allowed.admits(Some(ip("10.1.2.3"))), Ok(()));
        let blocked = IpRules {
            blocked: CidrList::parse("192.0.2.1").expect("list"),
            ..IpRules::default()
        };
        assert_eq!(blocked.admits(None), Err(AddressDenial::NotAllowed));
        assert_eq!(
            blocked.admits(Some(ip("192.0.2.1"))),
            Err(AddressDenial::Blocked)
        );
    }

    #[test]
    fn ranges_contain_what_they_should() {
        let cases = [
            ("192.0.2.0/24", "192.0.2.255", true),
            ("192.0.2.0/24", "192.0.3.0", false),
            ("192.0.2.7", "192.0.2.7", true),
            ("192.0.2.7", "192.0.2.8", false),
            ("192.0.2.77/24", "192.0.2.1", true),
            ("0.0.0.0/0", "203.0.113.9", true),
            ("0.0.0.0/0", "2001:db8::1", false),
            ("10.0.0.0/8", "::ffff:10.1.2.3", true),
            ("2001:db8::/32", "2001:db8:ffff::1", true),
            ("2001:db8::/32", "2001:db9::1", false),
            ("::1", "::1", true),
            ("::/0", "fe80::1", true),
            ("::/0", "127.0.0.1", false),
            ("2001:db8::1/128", "2001:db8::1", true),
            ("192.0.2.0/31", "192.0.2.1", true),
            ("192.0.2.0/32", "192.0.2.1", false),
        ];
        for (range, address, expected) in cases {
            let cidr = Cidr::parse(range).expect("range");
            assert_eq!(cidr.contains(ip(address)), expected, "{range} ∋ {address}");
        }
    }

    #[test]
    fn bad_entries_are_pointed_out_one_by_one() {
        let errors =
            CidrList::parse("192.0.2.1, 300.1.1.1\n10.0.0.0/33 2001:db8::/129, example.com")
                .expect_err("bad entries");
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(errors[0].contains("300.1.1.1"));
        assert!(errors[1].contains("0 to 32"));
        assert!(errors[2].contains("0 to 128"));
        assert!(errors[3].contains("example.com"));
        let many = (0..=MAX_RULES)
            .map(|n| format!("10.0.{}.{}", n / 256, n % 256))
            .collect::<Vec<_>>()
            .join(",");
        assert!(CidrList::parse(&many).is_err());
    }

    #[test]
    fn lists_are_normalised() {
        let list =
            CidrList::parse(" 192.0.2.9/24 ;192.0.2.0/24\r\n::FFFF:198.51.100.1\t2001:DB8::/32 ")
                .expect("valid");
        assert_eq!(list.to_text(), "192.0.2.0/24\n198.51.100.1\n2001:db8::/32");
        assert_eq!(CidrList::parse("").expect("empty"), CidrList::default());
    }

    #[test]
    fn blocked_wins_and_an_empty_allow_list_allows_all() {
        let rules = |allowed: &str, blocked: &str| IpRules {
            allowed: CidrList::parse(allowed).expect("allowed"),
            blocked: CidrList::parse(blocked).expect("blocked"),
        };
        let open = rules("", "");
        assert_eq!(open.check(ip("203.0.113.1")), Ok(()));
        assert_eq!(open.check(ip("2001:db8::1")), Ok(()));
        let office = rules("192.0.2.0/24, 2001:db8::/48", "192.0.2.13");
        assert_eq!(office.check(ip("192.0.2.12")), Ok(()));
        assert_eq!(office.check(ip("192.0.2.13")), Err(AddressDenial::Blocked));
        assert_eq!(
            office.check(ip("::ffff:192.0.2.13")),
            Err(AddressDenial::Blocked)
        );
        assert_eq!(
            office.check(ip("198.51.100.1")),
            Err(AddressDenial::NotAllowed)
        );
        assert_eq!(office.check(ip("2001:db8:0:1::5")), Ok(()));
        assert_eq!(
            office.check(ip("2001:db8:1::5")),
            Err(AddressDenial::NotAllowed)
        );
        let blocked_only = rules("", "10.0.0.0/8");
        assert_eq!(
            blocked_only.check(ip("10.20.30.40")),
            Err(AddressDenial::Blocked)
        );
        assert_eq!(blocked_only.check(ip("11.0.0.1")), Ok(()));
        let both = rules("10.0.0.0/8", "10.0.0.0/8");
        assert_eq!(
            both.check(ip("10.1.1.1")),
            Err(AddressDenial::Blocked),
            "blocked wins"
        );
    }
}
