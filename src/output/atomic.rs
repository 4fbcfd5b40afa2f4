//! Files replaced atomically: written beside the target, synced, renamed.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::platform;
use crate::platform::fs::FileKind;
use std::io::Write;
use std::path::Path;

/// A temporary file in the same directory, mode 0600, renamed into place: a
/// reader never sees half a file, and a symlink at the path is replaced
/// rather than written through. Only a missing path, a regular file or a
/// symlink is ever replaced: a device, FIFO, socket or directory is refused.
/// Until it is committed, a signal (Ctrl-C, SIGTERM, SIGHUP) removes the
/// temporary file before the process ends.
pub struct AtomicFile<'a> {
    path: &'a Path,
    dir: &'a Path,
    temp: Option<tempfile::NamedTempFile>,
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
            .map_err(|error| cannot_write(path, what, &error.to_string()))?;
        platform::terminal::remove_on_signal(temp.path());
        Ok(AtomicFile {
            path,
            dir,
            temp: Some(temp),
            what,
        })
    }

    pub fn commit(mut self, bytes: &[u8]) -> Result<(), Failure> {
        let (path, what) = (self.path, self.what);
        let failed = |error: std::io::Error| cannot_write(path, what, &error.to_string());
        let mut temp = self
            .temp
            .take()
            .expect("an AtomicFile holds its temporary file until commit");
        platform::fs::make_private(temp.as_file()).map_err(failed)?;
        temp.write_all(bytes).map_err(failed)?;
        temp.as_file().sync_all().map_err(failed)?;
        // What is at the path may have changed while the key was fetched.
        check_replaceable(path, what)?;
        let persisted = temp.persist(path);
        platform::terminal::keep_on_signal();
        persisted.map_err(|error| failed(error.error))?;
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
/// else would be destroyed by the rename, so nothing is written.
fn check_replaceable(path: &Path, what: &str) -> Result<(), Failure> {
    let Ok(metadata) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    match platform::fs::file_kind(&metadata) {
        FileKind::Regular | FileKind::Symlink => Ok(()),
        other => Err(cannot_write(
            path,
            what,
            &format!(
                "it {}; only a regular file or a symlink is replaced, and nothing was written",
                other.describe()
            ),
        )),
    }
}
