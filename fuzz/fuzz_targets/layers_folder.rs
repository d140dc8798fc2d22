#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| bordermap::fuzzing::layers_folder(data));
