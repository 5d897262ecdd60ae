#![no_main]
//! Every annotation stage and the coder on arbitrary text, with the span checks of
//! `dyad_fuzz::check_all_layers`.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    dyad_fuzz::check_all_layers(&String::from_utf8_lossy(data));
});
