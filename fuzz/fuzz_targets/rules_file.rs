#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| bordermap::fuzzing::rules_file(data));
