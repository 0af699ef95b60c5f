//! Compile-time checks of the `policy!` macro: policies that must compile (and behave as
//! written at run time) and policies that must fail with a message naming the mistake.

#[test]
fn compile_checks() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/fail/*.rs");
}
