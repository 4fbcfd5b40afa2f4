//! Unix file modes: files only the owner can read, and the check that warns
//! when a secret's file can be read by group or others.

use std::fs::{File, Metadata, Permissions};
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};

/// Mode 0600, for a file that will hold a secret.
pub fn private_permissions() -> Option<Permissions> {
    Some(Permissions::from_mode(0o600))
}

/// Sets mode 0600 on an open file (the umask can only narrow the mode a file
/// was created with, but be explicit).
pub fn make_private(file: &File) -> std::io::Result<()> {
    file.set_permissions(Permissions::from_mode(0o600))
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

/// Creates a directory and its missing parents; the last one with mode 0700,
/// since it holds the config and perhaps a plain-text key.
pub fn create_private_dir_all(path: &std::path::Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(path)
}
