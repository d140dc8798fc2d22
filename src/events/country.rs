//! Country codes as the exports write them, to ISO 3166-1 alpha-3 (bordermap's `country`):
//! ACLED's numeric `iso` and English `country`, GDELT's FIPS 10-4 codes, UCDP's names.
//!
//! The table holds Afghanistan, its neighbours and the countries around them, the countries
//! whose events a map of the Afghan borders meets. A code outside it gives `None`: the event
//! keeps an empty `country` (it is only a hint for resolving names), never a guessed one.

/// (ISO3, ISO numeric, ISO alpha-2, FIPS 10-4, English names as the exports write them).
const COUNTRIES: [(&str, u16, &str, &str, &[&str]); 20] = [
    ("AFG", 4, "AF", "AF", &["Afghanistan"]),
    ("TJK", 762, "TJ", "TI", &["Tajikistan"]),
    ("UZB", 860, "UZ", "UZ", &["Uzbekistan"]),
    ("TKM", 795, "TM", "TX", &["Turkmenistan"]),
    ("IRN", 364, "IR", "IR", &["Iran", "Iran (Islamic Republic of)", "Islamic Republic of Iran"]),
    ("PAK", 586, "PK", "PK", &["Pakistan"]),
    ("CHN", 156, "CN", "CH", &["China", "People's Republic of China"]),
    ("IND", 356, "IN", "IN", &["India"]),
    ("KGZ", 417, "KG", "KG", &["Kyrgyzstan", "Kyrgyz Republic"]),
    ("KAZ", 398, "KZ", "KZ", &["Kazakhstan"]),
    ("RUS", 643, "RU", "RS", &["Russia", "Russian Federation", "Russia (Soviet Union)"]),
    ("IRQ", 368, "IQ", "IZ", &["Iraq"]),
    ("TUR", 792, "TR", "TU", &["Turkey", "Türkiye"]),
    ("AZE", 31, "AZ", "AJ", &["Azerbaijan"]),
    ("ARM", 51, "AM", "AM", &["Armenia"]),
    ("OMN", 512, "OM", "MU", &["Oman"]),
    ("ARE", 784, "AE", "AE", &["United Arab Emirates"]),
    ("SAU", 682, "SA", "SA", &["Saudi Arabia"]),
    ("NPL", 524, "NP", "NP", &["Nepal"]),
    ("MNG", 496, "MN", "MG", &["Mongolia"]),
];

/// The ISO3 code of a country given as ISO3, ISO numeric (`4`, `004`) or its English name
/// (case-insensitive), as ACLED and UCDP write them.
///
/// ```
/// use bordermap::events::country::iso3;
/// assert_eq!(iso3("4"), Some("AFG"));
/// assert_eq!(iso3("Tajikistan"), Some("TJK"));
/// assert_eq!(iso3("Iran (Islamic Republic of)"), Some("IRN"));
/// assert_eq!(iso3("pak"), Some("PAK"));
/// assert_eq!(iso3("Atlantis"), None);
/// ```
pub fn iso3(s: &str) -> Option<&'static str> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        let n: u16 = s.parse().ok()?;
        return COUNTRIES.iter().find(|c| c.1 == n).map(|c| c.0);
    }
    let lower = s.to_lowercase();
    COUNTRIES.iter().find(|c| c.0.eq_ignore_ascii_case(s) || c.4.iter().any(|n| n.to_lowercase() == lower)).map(|c| c.0)
}

/// The ISO3 code of a FIPS 10-4 country code, as GDELT writes them (`TI` is Tajikistan,
/// `TX` Turkmenistan, `CH` China: not the ISO alpha-2 codes).
///
/// ```
/// use bordermap::events::country::from_fips;
/// assert_eq!(from_fips("TI"), Some("TJK"));
/// assert_eq!(from_fips("CH"), Some("CHN"));
/// assert_eq!(from_fips("TJ"), None); // ISO's Tajikistan is FIPS's nothing
/// ```
pub fn from_fips(code: &str) -> Option<&'static str> {
    let code = code.trim();
    COUNTRIES.iter().find(|c| c.3.eq_ignore_ascii_case(code)).map(|c| c.0)
}

/// The FIPS 10-4 code of an ISO3 code in the table (for a region filter over GDELT rows).
pub fn fips(iso3: &str) -> Option<&'static str> {
    COUNTRIES.iter().find(|c| c.0.eq_ignore_ascii_case(iso3)).map(|c| c.3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_one_to_one() {
        for (i, a) in COUNTRIES.iter().enumerate() {
            for b in &COUNTRIES[i + 1..] {
                assert!(a.0 != b.0 && a.1 != b.1 && a.2 != b.2 && a.3 != b.3, "{} / {}", a.0, b.0);
            }
            assert_eq!(iso3(a.0), Some(a.0));
            assert_eq!(iso3(&format!("{:03}", a.1)), Some(a.0));
            assert_eq!(from_fips(a.3), Some(a.0));
            assert_eq!(fips(a.0), Some(a.3));
            for n in a.4 {
                assert_eq!(iso3(&n.to_uppercase()), Some(a.0));
            }
        }
        assert_eq!(iso3(""), None);
        assert_eq!(iso3("99999999999"), None);
    }
}
