//! Unix file modes: files only the owner can read, and the check that warns
//! when a secret's file can be read by group or others.

use std::fs::{File, Metadata, Permissions};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};

/// Who can read a file made private here, for messages.
pub const WHO_CAN_READ: &str = "readable only by you";

/// Mode 0600, for a file that will hold a secret.
pub fn private_permissions() -> Option<Permissions> {
    Some(Permissions::from_mode(0o600))
}

/// Sets mode 0600 on an open file (the umask can only narrow the mode a file
/// was created with, but be explicit).
pub fn make_private(file: &File) -> std::io::Result<()> {
    file.set_permissions(Permissions::from_mode(0o600))
}

/// Sets mode 0644 on a file meant to be read by everyone (a man page).
pub fn make_public(path: &std::path::Path) -> std::io::Result<()> {
    std::fs::set_permissions(path, Permissions::from_mode(0o644))
}

/// The permission bits of a regular file that group or others can read, as
/// `Some(mode)`; `None` when only the owner can (or for pipes and devices,
/// whose modes say nothing about the secret that flows through them).
pub fn readable_by_others(metadata: &Metadata) -> Option<u32> {
    let kind = metadata.file_type();
    if kind.is_fifo() || kind.is_socket() || kind.is_char_device() {
        return None;
    }
    let mode = metadata.mode() & 0o7777;
    (mode & 0o044 != 0).then_some(mode)
}

/// Opens `path` for reading and appending, creating it with mode 0600: a
/// file (a journal) that only the owner may read. The open never waits (a
/// FIFO put there has no writer to wait for); the caller checks what it
/// opened before reading.
pub fn open_private_rw(path: &std::path::Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    blocking_again(file)
}

/// Creates a directory and its missing parents; the last one with mode 0700,
/// since it holds the config and perhaps a plain-text key.
pub fn create_private_dir_all(path: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(path)
}

pub use crate::platform::file_kind::FileKind;

/// The kind of file the metadata describes (from `symlink_metadata` for the
/// link itself).
pub fn file_kind(metadata: &Metadata) -> FileKind {
    let kind = metadata.file_type();
    if kind.is_symlink() {
        FileKind::Symlink
    } else if kind.is_file() {
        FileKind::Regular
    } else if kind.is_dir() {
        FileKind::Directory
    } else if kind.is_fifo() {
        FileKind::Fifo
    } else if kind.is_socket() {
        FileKind::Socket
    } else if kind.is_char_device() {
        FileKind::CharDevice
    } else if kind.is_block_device() {
        FileKind::BlockDevice
    } else {
        FileKind::Other
    }
}

/// Which of the process's own descriptors a path names: `/dev/stdin`,
/// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N`. These are
/// symlinks that must never be replaced, whoever runs the process.
pub fn own_descriptor(path: &std::path::Path) -> Option<i32> {
    let text = path.to_str()?;
    match text {
        "/dev/stdin" => return Some(0),
        "/dev/stdout" => return Some(1),
        "/dev/stderr" => return Some(2),
        _ => {}
    }
    let number = text
        .strip_prefix("/dev/fd/")
        .or_else(|| text.strip_prefix("/proc/self/fd/"))?;
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    number.parse().ok()
}

/// Whether descriptor `fd` is open for writing.
pub fn descriptor_is_writable(fd: i32) -> bool {
    // SAFETY: F_GETFL only reads the descriptor's flags; a closed fd gives -1.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    flags >= 0
        && (flags & libc::O_ACCMODE == libc::O_WRONLY || flags & libc::O_ACCMODE == libc::O_RDWR)
}

/// Writes all of `bytes` to the process's descriptor `fd`, which stays open.
pub fn write_to_descriptor(fd: i32, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::fd::FromRawFd;
    if !descriptor_is_writable(fd) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("descriptor {fd} is not open for writing"),
        ));
    }
    // SAFETY: the fd is open (checked above); ManuallyDrop keeps it open
    // afterwards, since the process does not own it.
    let mut file = std::mem::ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
    file.write_all(bytes)?;
    file.flush()
}

/// Identifies a file behind any number of links: device and inode.
pub type FileId = (u64, u64);

/// The identity of the file the metadata describes, so the same file reached
/// by two names is read once.
pub fn file_id(metadata: &Metadata) -> Option<FileId> {
    Some((metadata.dev(), metadata.ino()))
}

/// The identity of the file at `path`, behind any links: its device and
/// inode. `None` when nothing is there.
pub fn path_id(path: &std::path::Path) -> Option<FileId> {
    std::fs::metadata(path).ok().as_ref().and_then(file_id)
}

/// Opens for reading without waiting for a FIFO's writer; reads block as usual.
pub fn open_without_waiting(path: &std::path::Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    blocking_again(file)
}

/// Clears `O_NONBLOCK` on a file opened with it, so reads and writes wait as
/// usual.
fn blocking_again(file: File) -> std::io::Result<File> {
    use std::os::fd::AsRawFd;
    // SAFETY: fcntl on a descriptor this function owns, with plain flags.
    let flags = unsafe { libc::fcntl(file.as_raw_fd(), libc::F_GETFL) };
    if flags < 0
        || unsafe { libc::fcntl(file.as_raw_fd(), libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0
    {
        return Err(std::io::Error::last_os_error());
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn own_descriptors_are_recognised() {
        let fd = |p: &str| own_descriptor(Path::new(p));
        assert_eq!(fd("/dev/stdout"), Some(1));
        assert_eq!(fd("/dev/stderr"), Some(2));
        assert_eq!(fd("/dev/stdin"), Some(0));
        assert_eq!(fd("/dev/fd/7"), Some(7));
        assert_eq!(fd("/proc/self/fd/12"), Some(12));
        assert_eq!(fd("/dev/fd/"), None);
        assert_eq!(fd("/dev/fd/1x"), None);
        assert_eq!(fd("/dev/null"), None);
        assert_eq!(fd("key"), None);
    }

    #[test]
    fn kinds_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, "").unwrap();
        let kind = |p: &Path| file_kind(&std::fs::symlink_metadata(p).unwrap());
        assert_eq!(kind(&file), FileKind::Regular);
        assert_eq!(kind(dir.path()), FileKind::Directory);
        assert_eq!(kind(Path::new("/dev/null")), FileKind::CharDevice);
    }
}
