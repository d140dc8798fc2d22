#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| bordermap::fuzzing::ucdp_csv(data));
