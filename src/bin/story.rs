//! Story tool for editors (being built).
fn main() {}
