//! What a failed name lookup looks like on Windows.

/// WSAHOST_NOT_FOUND: no such host.
const HOST_NOT_FOUND: i32 = 11001;
/// WSANO_DATA: the name exists, with no address.
const NO_DATA: i32 = 11004;

/// Whether an I/O error from connecting is a failed name lookup: Winsock
/// reports it as one of its own error numbers, with no error kind of its own.
pub fn is_lookup_failure(error: &std::io::Error) -> bool {
    matches!(error.raw_os_error(), Some(HOST_NOT_FOUND | NO_DATA))
}
