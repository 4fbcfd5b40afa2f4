//! Windows files: no modes to set or check. A file written by `-o` gets the
//! ACL of its directory, as gh and cargo do; the standard descriptors are
//! the only ones the process can name.

use std::fs::{File, Metadata, Permissions};
use std::io::Write;

pub use crate::platform::file_kind::FileKind;

/// Who can read a file made "private" here, for messages: no mode is set on
/// Windows, so saying "only you" would be a promise not kept.
pub const WHO_CAN_READ: &str = "with the permissions of its folder";

/// No mode bits on Windows: the file inherits its directory's ACL.
pub fn private_permissions() -> Option<Permissions> {
    None
}

/// Nothing to narrow on Windows (see `private_permissions`).
pub fn make_private(_file: &File) -> std::io::Result<()> {
    Ok(())
}

/// No mode bits on Windows: the file keeps its directory's ACL.
pub fn make_public(_path: &std::path::Path) -> std::io::Result<()> {
    Ok(())
}

/// Windows has no group and other bits to check; ACLs are not inspected.
pub fn readable_by_others(_metadata: &Metadata) -> Option<u32> {
    None
}

/// Creates a directory and its missing parents, with the ACL they inherit.
pub fn create_private_dir_all(path: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(path)
}

/// The kind of file the metadata describes (from `symlink_metadata` for the
/// link itself). Devices, pipes and sockets are not told apart on Windows.
pub fn file_kind(metadata: &Metadata) -> FileKind {
    let kind = metadata.file_type();
    if kind.is_symlink() {
        FileKind::Symlink
    } else if kind.is_file() {
        FileKind::Regular
    } else if kind.is_dir() {
        FileKind::Directory
    } else {
        FileKind::Other
    }
}

/// No path names one of the process's own descriptors on Windows.
pub fn own_descriptor(_path: &std::path::Path) -> Option<i32> {
    None
}

/// Whether standard output (1) or standard error (2) is there to write to;
/// other numbers are never open on Windows.
pub fn descriptor_is_writable(fd: i32) -> bool {
    use std::os::windows::io::AsRawHandle;
    let handle = match fd {
        1 => std::io::stdout().as_raw_handle(),
        2 => std::io::stderr().as_raw_handle(),
        _ => return false,
    };
    // A process started without the handle has none (null), or an invalid one.
    !handle.is_null() && handle as isize != -1
}

/// Writes all of `bytes` to standard output (1) or standard error (2).
pub fn write_to_descriptor(fd: i32, bytes: &[u8]) -> std::io::Result<()> {
    if !descriptor_is_writable(fd) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("descriptor {fd} is not open for writing"),
        ));
    }
    if fd == 1 {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()
    } else {
        let mut err = std::io::stderr().lock();
        err.write_all(bytes)?;
        err.flush()
    }
}

/// Identifies a file behind any number of links.
pub type FileId = (u64, u64);

/// Stable std has no file identity on Windows: every file is read, and
/// duplicate certificates are dropped by content instead.
pub fn file_id(_metadata: &Metadata) -> Option<FileId> {
    None
}

/// The identity of the file at `path`, behind any links: its volume's serial
/// number and its file index, which hard links share. Opened without any
/// access right (and with backup semantics, so a directory opens too), so
/// nothing is read and no share mode is in the way. `None` when nothing is
/// there or the file system gives no index.
pub fn path_id(path: &std::path::Path) -> Option<FileId> {
    use std::os::windows::fs::OpenOptionsExt;
    use std::os::windows::io::AsRawHandle;
    use windows_sys::Win32::Storage::FileSystem::{
        BY_HANDLE_FILE_INFORMATION, FILE_FLAG_BACKUP_SEMANTICS, GetFileInformationByHandle,
    };
    let file = std::fs::OpenOptions::new()
        .access_mode(0)
        .custom_flags(FILE_FLAG_BACKUP_SEMANTICS)
        .open(path)
        .ok()?;
    // SAFETY: an all-zero BY_HANDLE_FILE_INFORMATION is a valid value of
    // that plain C struct, and the handle is open for the whole call.
    let mut info: BY_HANDLE_FILE_INFORMATION = unsafe { std::mem::zeroed() };
    let ok = unsafe { GetFileInformationByHandle(file.as_raw_handle(), &mut info) };
    if ok == 0 {
        return None;
    }
    let index = (u64::from(info.nFileIndexHigh) << 32) | u64::from(info.nFileIndexLow);
    Some((u64::from(info.dwVolumeSerialNumber), index))
}

/// Opening a named pipe does not wait for its writer on Windows.
pub fn open_without_waiting(path: &std::path::Path) -> std::io::Result<File> {
    File::open(path)
}

/// Opens (or creates) a file for reading and writing, without truncating it.
/// Windows has no mode bits: the file gets its directory's ACL. Opening a
/// named pipe does not wait on Windows; the caller checks what it opened
/// before reading.
pub fn open_private_rw(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn kinds_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, "").unwrap();
        let kind = |p: &Path| file_kind(&std::fs::symlink_metadata(p).unwrap());
        assert_eq!(kind(&file), FileKind::Regular);
        assert_eq!(kind(dir.path()), FileKind::Directory);
    }

    #[test]
    fn no_path_is_a_descriptor_and_modes_are_left_alone() {
        assert_eq!(own_descriptor(Path::new("/dev/stdout")), None);
        assert_eq!(own_descriptor(Path::new("CONOUT$")), None);
        assert!(private_permissions().is_none());
        let file = tempfile::NamedTempFile::new().unwrap();
        let metadata = file.as_file().metadata().unwrap();
        assert_eq!(readable_by_others(&metadata), None);
        assert!(!descriptor_is_writable(7));
    }
}
