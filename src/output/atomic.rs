//! The one guard for every file the tool writes: `-o`, `bulk --report`,
//! `config.toml` and `credentials.toml` are replaced atomically
//! ([`AtomicFile`]); the journal is updated in place ([`open_in_place`]).
//! Either way only a missing path or a regular file is ever written: a
//! device, FIFO, socket or directory is refused (73) with what it is, and
//! nothing there is read, truncated or replaced. Both are opened before
//! anything is sent, so a path that cannot be written is found first.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::platform;
use crate::platform::fs::FileKind;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// A temporary file in the same directory, mode 0600, renamed into place: a
/// reader never sees half a file, and a symlink at the path is replaced
/// rather than written through. Only a missing path, a regular file or a
/// symlink is ever replaced: a device, FIFO, socket or directory is refused.
/// Until it is committed, a signal (Ctrl-C, SIGTERM, SIGHUP) removes the
/// temporary file before the process ends. Written all at once (`commit`)
/// or streamed (`write`, then `finish`).
pub struct AtomicFile<'a> {
    path: &'a Path,
    dir: &'a Path,
    temp: Option<BufWriter<tempfile::NamedTempFile>>,
    /// What the file holds, for error messages: `the key`, `the config`.
    what: &'static str,
}

impl<'a> AtomicFile<'a> {
    pub fn create(path: &'a Path) -> Result<Self, Failure> {
        Self::create_for(path, "the key")
    }

    /// As `create`, for a file that holds `what` (named in errors).
    pub fn create_for(path: &'a Path, what: &'static str) -> Result<Self, Failure> {
        let file_name = path
            .file_name()
            .ok_or_else(|| cannot_write(path, what, "not a file name"))?;
        let dir = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        check_replaceable(path, what)?;
        let prefix = format!(".{}.", file_name.to_string_lossy());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        if let Some(permissions) = platform::fs::private_permissions() {
            builder.permissions(permissions);
        }
        let temp = builder
            .tempfile_in(dir)
            .map_err(|error| cannot_write(path, what, &without_temp_path(&error)))?;
        platform::terminal::remove_on_signal(temp.path());
        platform::fs::make_private(temp.as_file())
            .map_err(|error| cannot_write(path, what, &error.to_string()))?;
        Ok(AtomicFile {
            path,
            dir,
            temp: Some(BufWriter::with_capacity(64 * 1024, temp)),
            what,
        })
    }

    /// Writes all of `bytes`, then renames the file into place.
    pub fn commit(mut self, bytes: &[u8]) -> Result<(), Failure> {
        self.write(bytes)?;
        self.finish()
    }

    /// Appends `bytes` to what will be renamed into place.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        let Some(temp) = self.temp.as_mut() else {
            return Ok(());
        };
        temp.write_all(bytes)
            .map_err(|error| cannot_write(self.path, self.what, &error.to_string()))
    }

    /// Syncs what was written and renames it into place.
    pub fn finish(mut self) -> Result<(), Failure> {
        let (path, what) = (self.path, self.what);
        let failed = |error: std::io::Error| cannot_write(path, what, &error.to_string());
        let Some(temp) = self.temp.take() else {
            return Ok(());
        };
        let temp = temp
            .into_inner()
            .map_err(|error| failed(error.into_error()))?;
        temp.as_file().sync_all().map_err(failed)?;
        // What is at the path may have changed while the key was fetched.
        check_replaceable(path, what)?;
        let persisted = temp.persist(path);
        platform::terminal::keep_on_signal();
        persisted.map_err(|error| cannot_write(path, what, &without_temp_path(&error.error)))?;
        // Make the rename itself durable.
        if let Ok(dir) = std::fs::File::open(self.dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

impl Drop for AtomicFile<'_> {
    fn drop(&mut self) {
        if let Some(temp) = self.temp.take() {
            // Stop the handler first: the file is removed just below.
            platform::terminal::keep_on_signal();
            drop(temp);
        }
    }
}

fn cannot_write(path: &Path, what: &str, why: &str) -> Failure {
    Failure::new(
        ExitCode::CantCreate,
        format!("cannot write {what} to {}: {why}", path.display()),
    )
}

/// Missing, a regular file or a symlink (replaced, not followed): anything
/// else would be destroyed by the rename, so nothing is written. A name for
/// one of the process's own descriptors (`/dev/stdout`) is not a file to
/// replace either.
fn check_replaceable(path: &Path, what: &str) -> Result<(), Failure> {
    if let Some(fd) = platform::fs::own_descriptor(path) {
        return Err(cannot_write(
            path,
            what,
            &format!("it names descriptor {fd} of this process, not a file to replace"),
        ));
    }
    let Ok(metadata) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    match platform::fs::file_kind(&metadata) {
        FileKind::Regular => Ok(()),
        // The link is replaced, not followed; but a link to a device, FIFO,
        // socket or directory names that, and is refused as it would be.
        FileKind::Symlink => match std::fs::metadata(path).map(|m| platform::fs::file_kind(&m)) {
            Ok(FileKind::Regular) | Err(_) => Ok(()),
            Ok(other) => Err(cannot_write(
                path,
                what,
                &format!(
                    "it is a symbolic link to {}; only a regular file or a symlink to one \
                     is replaced, and nothing was written",
                    other.describe().trim_start_matches("is ")
                ),
            )),
        },
        other => Err(not_a_file(path, what, other, true)),
    }
}

/// An error's own words without the temporary file's path, which `tempfile`
/// adds (`… at path "/dir/.name.XXXX.tmp"`): messages name the user's path.
fn without_temp_path(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.split_once(" at path \"") {
        Some((words, _)) => words.to_string(),
        None => text,
    }
}

/// `replaced`: the file would be replaced by a rename (a symlink may be);
/// otherwise it is written in place.
fn not_a_file(path: &Path, what: &str, kind: FileKind, replaced: bool) -> Failure {
    let only = if replaced {
        "only a regular file or a symlink is replaced"
    } else {
        "only a regular file is used"
    };
    cannot_write(
        path,
        what,
        &format!("it {}; {only}, and nothing was written", kind.describe()),
    )
}

/// Opens (creating, mode 0600 where the platform has modes) a file the tool
/// updates in place, such as the journal, for reading and writing. Links are
/// followed; what they lead to must be missing or a regular file. The open
/// never waits, and nothing is read before the kind is checked on the open
/// file itself, so a FIFO or a device swapped in meanwhile is refused too.
pub fn open_in_place(path: &Path, what: &str) -> Result<File, Failure> {
    check_regular_or_missing(path, what)?;
    let file = platform::fs::open_private_rw(path)
        .map_err(|error| cannot_write(path, what, &error.to_string()))?;
    check_opened(path, what, &file)?;
    Ok(file)
}

/// That a file opened without waiting is a regular file, checked on the
/// open file itself before anything is read from it.
pub fn check_opened(path: &Path, what: &str, file: &File) -> Result<(), Failure> {
    let metadata = file
        .metadata()
        .map_err(|error| cannot_write(path, what, &error.to_string()))?;
    match platform::fs::file_kind(&metadata) {
        FileKind::Regular => Ok(()),
        other => Err(not_a_file(path, what, other, false)),
    }
}

/// What `open_in_place` accepts, checked without opening anything: for a
/// file that is only read now and written by a later run (`--check`).
pub fn check_regular_or_missing(path: &Path, what: &str) -> Result<(), Failure> {
    if let Some(fd) = platform::fs::own_descriptor(path) {
        return Err(cannot_write(
            path,
            what,
            &format!("it names descriptor {fd} of this process, not a file"),
        ));
    }
    match std::fs::metadata(path) {
        Ok(metadata) => match platform::fs::file_kind(&metadata) {
            FileKind::Regular => Ok(()),
            other => Err(not_a_file(path, what, other, false)),
        },
        Err(_) => Ok(()),
    }
}
