//! Certifications: the catalogue HR keep, the certificates employees upload and HR verify
//! (each renewal kept beside the earlier ones), and compliance: where each person stands
//! against what their job profile requires.

pub mod catalogue;
pub mod compliance;
pub mod demo;
pub mod holdings;
pub mod stated;
