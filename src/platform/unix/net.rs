//! What a failed name lookup looks like on Unix.

/// Whether an I/O error from connecting is a failed name lookup (the host
/// does not exist, or no DNS answered): std reports getaddrinfo's failures
/// with this text, and no error kind of their own.
pub fn is_lookup_failure(error: &std::io::Error) -> bool {
    error.to_string().starts_with("failed to lookup address")
}
