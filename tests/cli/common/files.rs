//! Files the tests make: plain ones and, on Unix, FIFOs.

use std::path::{Path, PathBuf};

/// Writes `content` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, content: &(impl AsRef<[u8]> + ?Sized)) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, content.as_ref()).unwrap();
    path
}

/// Makes a FIFO at `path` (owner read/write) and returns the path.
#[cfg(unix)]
pub fn mkfifo(path: &Path) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path and plain mode bits.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    path.to_path_buf()
}
