//! How files are described on pages.

/// A file's size as people read it: "120 KB", "2.5 MB".
pub fn file_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_rounded_up_to_kilobytes_below_a_megabyte() {
        assert_eq!(file_size(1), "1 KB");
        assert_eq!(file_size(1024), "1 KB");
        assert_eq!(file_size(1025), "2 KB");
        assert_eq!(file_size(5 * 1024 * 1024 / 2), "2.5 MB");
    }
}
