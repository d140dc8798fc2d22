//! Online lookups against a local HTTP server on 127.0.0.1 (mockito) serving answers shaped as
//! GeoNames and Nominatim document them, and their failures: errors, timeouts, oversized and
//! malformed bodies, redirect loops. Nothing here touches the internet.

mod util;

use std::time::{Duration, Instant};

use bordermap::fetch::{FetchError, FetchOptions, Fetcher};
use bordermap::gazetteer::online::{LookupConfig, LookupError, OnlineLookup, Provider};
use mockito::Matcher;
use predicates::prelude::*;
use util::bordermap;

/// A GeoNames searchJSON answer for a village near the Tajik border (invented coordinates
/// near Imam Sahib; the shape is GeoNames' own).
const GEONAMES_OK: &str = r#"{"totalResultsCount":1,"geonames":[{"adminCode1":"24","lng":"68.81234",
  "geonameId":9900001,"toponymName":"Qaryah-ye Tartki","countryId":"1149361","fcl":"P","population":0,
  "countryCode":"AF","name":"Tartki","fclName":"city, village,...","adminCodes1":{"ISO3166_2":"KDZ"},
  "countryName":"Afghanistan","fcodeName":"populated place","adminName1":"Kunduz","lat":"37.12345","fcode":"PPL",
  "alternateNames":[{"name":"Тартки","lang":"ru"},{"name":"TRK","lang":"abbr"}]}]}"#;

const NOMINATIM_OK: &str = r#"[{"place_id":1001,"licence":"Data © OpenStreetMap contributors, ODbL 1.0.",
  "osm_type":"node","osm_id":7700001,"lat":"37.12345","lon":"68.81234","category":"place","type":"village",
  "place_rank":19,"importance":0.1,"addresstype":"village","name":"Tartki",
  "display_name":"Tartki, Imam Sahib District, Kunduz Province, Afghanistan",
  "address":{"village":"Tartki","country":"Afghanistan","country_code":"af"},
  "namedetails":{"name":"Tartki","name:ru":"Тартки"},"boundingbox":["37.1","37.2","68.8","68.9"]}]"#;

fn fetcher(cache: Option<&std::path::Path>, timeout_s: u64, max_bytes: u64) -> Fetcher {
    Fetcher::new(FetchOptions {
        timeout: Duration::from_secs(timeout_s),
        max_bytes,
        cache_dir: cache.map(|p| p.to_path_buf()),
        ..FetchOptions::default()
    })
    .unwrap()
}

fn service(server: &mockito::Server, provider: Provider, f: Fetcher) -> OnlineLookup {
    let config = LookupConfig {
        provider,
        base_url: reqwest::Url::parse(&server.url()).unwrap(),
        username: Some("s3cret-user".into()),
        countries: vec!["AF".into(), "TJ".into()],
        max_rows: 10,
    };
    OnlineLookup::new(f, config).unwrap()
}

#[test]
fn geonames_answers_become_candidates_and_are_cached() {
    let mut server = mockito::Server::new();
    let m = server
        .mock("GET", "/searchJSON")
        .match_query(Matcher::AllOf(vec![
            Matcher::UrlEncoded("q".into(), "Tartki".into()),
            Matcher::UrlEncoded("username".into(), "s3cret-user".into()),
            Matcher::Regex("country=AF&country=TJ".into()),
        ]))
        .match_header("user-agent", Matcher::Regex("^bordermap/".into()))
        .with_header("content-type", "application/json")
        .with_body(GEONAMES_OK)
        .expect(1)
        .create();
    let cache = tempfile::tempdir().unwrap();
    let s = service(&server, Provider::Geonames, fetcher(Some(cache.path()), 5, 1 << 20));
    let c = s.lookup("Tartki").unwrap();
    assert_eq!((c[0].name.as_str(), c[0].geonames_id, c[0].country.as_deref()), ("Tartki", Some(9900001), Some("AFG")));
    assert_eq!(c[0].aliases, ["Qaryah-ye Tartki", "Тартки"], "codes dropped");
    // The second time comes from the disk cache: the server sees one request.
    assert_eq!(s.lookup("Tartki").unwrap(), c);
    m.assert();
    let cached: Vec<String> = std::fs::read_dir(cache.path())
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
        .collect();
    assert!(cached.iter().all(|t| !t.contains("s3cret-user")), "the cache never stores credentials");
}

#[test]
fn service_errors_are_reported_without_credentials_and_not_cached() {
    let mut server = mockito::Server::new();
    // GeoNames reports errors with HTTP 200 and a status object, sometimes naming the user.
    let m = server
        .mock("GET", "/searchJSON")
        .match_query(Matcher::Any)
        .with_body(
            r#"{"status":{"message":"user account not enabled to use the free webservice: s3cret-user","value":10}}"#,
        )
        .expect(2)
        .create();
    let cache = tempfile::tempdir().unwrap();
    let s = service(&server, Provider::Geonames, fetcher(Some(cache.path()), 5, 1 << 20));
    for _ in 0..2 {
        let e = s.lookup("Tartki").unwrap_err();
        let msg = e.to_string();
        assert!(matches!(e, LookupError::Service { .. }), "{msg}");
        assert!(msg.contains("error 10") && !msg.contains("s3cret-user"), "{msg}");
    }
    m.assert();
}

#[test]
fn http_errors_malformed_and_oversized_bodies_are_refused() {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/searchJSON")
        .match_query(Matcher::UrlEncoded("q".into(), "E500".into()))
        .with_status(503)
        .with_body("busy")
        .create();
    server
        .mock("GET", "/searchJSON")
        .match_query(Matcher::UrlEncoded("q".into(), "Bad".into()))
        .with_body("<html>not json</html>")
        .create();
    server
        .mock("GET", "/searchJSON")
        .match_query(Matcher::UrlEncoded("q".into(), "Big".into()))
        .with_body(format!(r#"{{"geonames":[],"pad":"{}"}}"#, "x".repeat(300_000)))
        .create();
    let s = service(&server, Provider::Geonames, fetcher(None, 5, 100_000));
    let e = s.lookup("E500").unwrap_err().to_string();
    assert!(e.contains("HTTP 503") && e.contains("busy") && e.contains("username=***") && !e.contains("s3cret"), "{e}");
    assert!(matches!(s.lookup("Bad"), Err(LookupError::Malformed { .. })));
    let e = s.lookup("Big").unwrap_err();
    assert!(matches!(e, LookupError::Fetch(FetchError::TooLarge { limit: 100_000, .. })), "{e}");
}

#[test]
fn a_slow_server_times_out_and_a_redirect_loop_stops() {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/search")
        .match_query(Matcher::Any)
        .with_chunked_body(|w| {
            std::thread::sleep(Duration::from_secs(3));
            w.write_all(b"[]")
        })
        .create();
    server.mock("GET", "/loop").with_status(302).with_header("location", "/loop").create();
    let s = service(&server, Provider::Nominatim, fetcher(None, 1, 1 << 20));
    let t = Instant::now();
    let e = s.lookup("Slow").unwrap_err();
    assert!(matches!(e, LookupError::Fetch(FetchError::Timeout { .. })), "{e}");
    assert!(t.elapsed() < Duration::from_secs(3), "gave up at the timeout");
    let f = fetcher(None, 5, 1 << 20);
    let e = f.get(&reqwest::Url::parse(&format!("{}/loop", server.url())).unwrap(), &|_| true).unwrap_err();
    assert!(matches!(e, FetchError::Redirects { limit: 5, .. }), "{e}");
}

#[test]
fn nominatim_is_asked_at_most_once_a_second() {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/search")
        .match_query(Matcher::UrlEncoded("format".into(), "jsonv2".into()))
        .with_body(NOMINATIM_OK)
        .expect(3)
        .create();
    let s = service(&server, Provider::Nominatim, fetcher(None, 5, 1 << 20));
    let t = Instant::now();
    for q in ["Tartki", "Tartki Bala", "Tartki Payin"] {
        assert_eq!(s.lookup(q).unwrap()[0].provider_id, "node/7700001");
    }
    assert!(t.elapsed() >= Duration::from_millis(1950), "three requests need two pauses of a second");
}

/// The binary pointed at `server`, with its cache and user places file in `dir`.
fn cli(server: &mockito::Server, dir: &std::path::Path) -> assert_cmd::Command {
    // Over the curated places alone: "Tartki" is a name they do not know (the GeoNames layer
    // has Tartiki).
    let mut c = bordermap();
    c.env("BORDERMAP_GAZETTEER", util::curated_gazetteer())
        .env("BORDERMAP_ONLINE_URL", server.url())
        .env("BORDERMAP_CACHE_DIR", dir)
        .env("BORDERMAP_USER_PLACES", user_file(dir))
        .env("BORDERMAP_GEONAMES_USERNAME", "s3cret-user");
    c
}

fn user_file(dir: &std::path::Path) -> std::path::PathBuf {
    dir.join("places.csv")
}

/// A GeoNames stand-in that knows "Tartki", and a folder for [`cli`].
fn geonames_with_tartki() -> (mockito::ServerGuard, tempfile::TempDir) {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/searchJSON")
        .match_query(Matcher::UrlEncoded("q".into(), "Tartki".into()))
        .with_body(GEONAMES_OK)
        .create();
    (server, tempfile::tempdir().unwrap())
}

#[test]
fn lookup_shows_candidates_and_save_adds_the_chosen_one() {
    let (server, dir) = geonames_with_tartki();
    // Nothing goes online unless asked.
    cli(&server, dir.path())
        .args(["gazetteer", "lookup", "Tartki"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--online"));
    cli(&server, dir.path())
        .args(["gazetteer", "lookup", "Tartki", "--online"])
        .assert()
        .success()
        .stdout(predicate::str::contains("geonames:9900001").and(predicate::str::contains("AFG-TJK")));
    cli(&server, dir.path()).args(["gazetteer", "lookup", "Tartki", "--online", "--save"]).assert().success();
    let text = std::fs::read_to_string(user_file(dir.path())).unwrap();
    assert!(text.contains("afg-tartki,Tartki,village,AFG,37.12345,68.81234") && text.contains("9900001"), "{text}");
    // Now it resolves locally, and a second save is refused as a duplicate.
    cli(&server, dir.path())
        .args(["resolve", "Тартки"])
        .assert()
        .success()
        .stdout(predicate::str::contains("afg-tartki"));
    cli(&server, dir.path())
        .args(["gazetteer", "lookup", "Tartki", "--online", "--save"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already in the gazetteer as afg-tartki"));
}

#[test]
fn resolve_online_shows_what_the_service_knows_but_does_not_count_it_as_resolved() {
    let (server, dir) = geonames_with_tartki();
    cli(&server, dir.path())
        .args(["resolve", "Kunduz", "Tartki", "--online"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Found online").and(predicate::str::contains("geonames:9900001")))
        .stdout(predicate::str::contains("s3cret-user").not())
        .stderr(predicate::str::contains("s3cret-user").not());
    // Without --online, no request is made (the server would answer; the output says nothing of it).
    cli(&server, dir.path())
        .args(["resolve", "Tartki"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("Found online").not());
}

#[test]
fn map_online_uses_a_single_same_name_answer_and_says_so() {
    let (mut server, dir) = geonames_with_tartki();
    server
        .mock("GET", "/searchJSON")
        .match_query(Matcher::UrlEncoded("q".into(), "Qaryat Nowhere".into()))
        .with_body(r#"{"totalResultsCount":0,"geonames":[]}"#)
        .create();
    let events = "id,date,place,type,actor,claim_status,claimed_by,source\n\
                  t-1,2021-07-05,Tartki,capture,Taliban,claimed,Taliban spokesman,test wire\n\
                  t-2,2021-07-05,Kunduz,capture,Taliban,claimed,Taliban spokesman,test wire\n";
    let out = dir.path().join("layers");
    // Standard input works too: it is kept for the second read.
    cli(&server, dir.path())
        .args(["map", "-", "--online", "--out"])
        .arg(&out)
        .write_stdin(events)
        .assert()
        .success()
        .stderr(predicate::str::contains("\"Tartki\" found online").and(predicate::str::contains("--save")));
    let border = std::fs::read_to_string(out.join("AFG-TJK-points.geojson")).unwrap();
    assert!(border.contains("online-geonames-9900001"), "the feature names where its place came from");
    // A name the service does not know stays unresolved: nothing guessed, nothing written.
    let events2 =
        format!("{events}t-3,2021-07-06,Qaryat Nowhere,capture,Taliban,claimed,Taliban spokesman,test wire\n");
    let out2 = dir.path().join("layers2");
    cli(&server, dir.path())
        .args(["map", "-", "--online", "--out"])
        .arg(&out2)
        .write_stdin(events2)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\"Qaryat Nowhere\" not settled online: nothing found online"));
    assert!(!out2.join("AFG-TJK-points.geojson").exists());
}

/// A port on 127.0.0.1 where nothing listens: connecting is refused at once, as with no
/// network.
fn closed_port_url() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    drop(l);
    format!("http://127.0.0.1:{port}/")
}

/// The binary with its online service at `url` and its cache and user file in `dir`.
fn cli_at(url: &str, dir: &std::path::Path) -> assert_cmd::Command {
    // Over the curated places alone: "Tartki" is a name they do not know (the GeoNames layer
    // has Tartiki).
    let mut c = bordermap();
    c.env("BORDERMAP_GAZETTEER", util::curated_gazetteer())
        .env("BORDERMAP_ONLINE_URL", url)
        .env("BORDERMAP_CACHE_DIR", dir)
        .env("BORDERMAP_USER_PLACES", user_file(dir))
        .env("BORDERMAP_GEONAMES_USERNAME", "s3cret-user");
    c
}

#[test]
fn online_failure_keeps_other_names() {
    // It exited 2 and lost Herat's row too.
    let dir = tempfile::tempdir().unwrap();
    let url = closed_port_url();
    cli_at(&url, dir.path())
        .args(["resolve", "Herat", "Xyzzyville", "Qalai Nowhere", "--online", "--no-cache"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("afg-herat"))
        .stderr(predicate::str::contains("\"Xyzzyville\" not looked up online:"))
        .stderr(predicate::str::contains("\"Qalai Nowhere\" not looked up online: not tried"))
        .stderr(predicate::str::contains("s3cret-user").not());
    let out = cli_at(&url, dir.path())
        .args(["resolve", "Herat", "Xyzzyville", "--online", "--no-cache", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["best"]["id"], "afg-herat");
    assert!(v[1]["online_error"].as_str().is_some_and(|e| !e.contains("s3cret-user")), "{}", v[1]);
}

#[test]
fn map_online_failure_costs_only_the_unknown_names() {
    // With no network `map --online` wrote nothing (exit 2); now the unknown names take the
    // ordinary unresolved path.
    let dir = tempfile::tempdir().unwrap();
    let url = closed_port_url();
    let events = "id,date,place,type,actor,claim_status,claimed_by,source\n\
                  t-1,2021-07-05,Tartki,capture,Taliban,claimed,Taliban spokesman,test wire\n\
                  t-2,2021-07-05,Kunduz,capture,Taliban,claimed,Taliban spokesman,test wire\n";
    let input = dir.path().join("events.csv");
    std::fs::write(&input, events).unwrap();
    let out = dir.path().join("layers");
    cli_at(&url, dir.path())
        .args(["map", "--online", "--no-cache", "--out"])
        .arg(&out)
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\"Tartki\" not looked up online:"))
        .stderr(predicate::str::contains("nothing was written"))
        .stderr(predicate::str::contains("s3cret-user").not());
    cli_at(&url, dir.path())
        .args(["map", "--online", "--no-cache", "--allow-unresolved", "--out"])
        .arg(&out)
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("\"Tartki\" not looked up online:"));
    let border = std::fs::read_to_string(out.join("AFG-TJK-points.geojson")).unwrap();
    assert!(border.contains("afg-kunduz") && !border.contains("Tartki"), "Kunduz mapped, Tartki not");
}

#[test]
fn server_error_page_echoing_the_request_never_shows_the_account_name() {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/searchJSON")
        .match_query(Matcher::Any)
        .with_status(500)
        .with_body(
            "Internal error for GET /searchJSON?q=Xyzzyville&maxRows=10&username=s3cret-user (account s3cret-user)",
        )
        .create();
    let dir = tempfile::tempdir().unwrap();
    cli(&server, dir.path())
        .args(["resolve", "Xyzzyville", "--online"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("HTTP 500").and(predicate::str::contains("username=***")))
        .stderr(predicate::str::contains("s3cret-user").not());
}

#[test]
fn redirect_target_carrying_the_account_name_is_never_shown() {
    let mut server = mockito::Server::new();
    server
        .mock("GET", "/searchJSON")
        .match_query(Matcher::Any)
        .with_status(302)
        .with_header("location", "/u/s3cret-user/search?acct=s3cret-user&username=s3cret-user")
        .create();
    server.mock("GET", "/u/s3cret-user/search").match_query(Matcher::Any).with_status(503).with_body("busy").create();
    server
        .mock("GET", "/geo/searchJSON")
        .match_query(Matcher::Any)
        .with_status(301)
        .with_header("location", "/geo/ok?acct=s3cret-user")
        .create();
    server.mock("GET", "/geo/ok").match_query(Matcher::Any).with_body("<html>not json</html>").create();
    let dir = tempfile::tempdir().unwrap();
    cli(&server, dir.path())
        .args(["resolve", "Xyzzyville", "--online", "--no-cache"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("HTTP 503").and(predicate::str::contains("/u/***/search")))
        .stderr(predicate::str::contains("s3cret-user").not());
    // A malformed answer after a redirect names the redirect's target: redacted too.
    cli(&server, dir.path())
        .env("BORDERMAP_ONLINE_URL", format!("{}/geo/", server.url()))
        .args(["resolve", "Xyzzyville", "--online", "--no-cache"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read").and(predicate::str::contains("acct=***")))
        .stderr(predicate::str::contains("s3cret-user").not());
}
