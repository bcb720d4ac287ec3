//! Certifications: the catalogue, a person's certificates and where they stand, the
//! certificates waiting for HR, and the compliance matrix.

pub mod catalogue;
pub mod compliance;
pub mod holdings;
pub mod stated;
