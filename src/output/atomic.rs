//! Files replaced atomically: written beside the target, synced, renamed.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::platform;
use std::io::Write;
use std::path::Path;

/// A temporary file in the same directory, mode 0600, renamed into place: a
/// reader never sees half a file, and a symlink at the path is replaced
/// rather than written through.
pub struct AtomicFile<'a> {
    path: &'a Path,
    dir: &'a Path,
    temp: tempfile::NamedTempFile,
    /// What the file holds, for error messages: `the key`, `the config`.
    what: &'static str,
}

impl<'a> AtomicFile<'a> {
    pub fn create(path: &'a Path) -> Result<Self, Failure> {
        Self::create_for(path, "the key")
    }

    /// As `create`, for a file that holds `what` (named in errors).
    pub fn create_for(path: &'a Path, what: &'static str) -> Result<Self, Failure> {
        let cannot = |why: String| {
            Failure::new(
                ExitCode::CantCreate,
                format!("cannot write {what} to {}: {why}", path.display()),
            )
        };
        let file_name = path
            .file_name()
            .ok_or_else(|| cannot("not a file name".to_string()))?;
        let dir = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
            return Err(cannot("it is a directory".to_string()));
        }
        let prefix = format!(".{}.", file_name.to_string_lossy());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        if let Some(permissions) = platform::fs::private_permissions() {
            builder.permissions(permissions);
        }
        let temp = builder
            .tempfile_in(dir)
            .map_err(|error| cannot(error.to_string()))?;
        Ok(AtomicFile {
            path,
            dir,
            temp,
            what,
        })
    }

    pub fn commit(mut self, bytes: &[u8]) -> Result<(), Failure> {
        let failed = |error: std::io::Error| {
            Failure::new(
                ExitCode::CantCreate,
                format!(
                    "cannot write {} to {}: {error}",
                    self.what,
                    self.path.display()
                ),
            )
        };
        platform::fs::make_private(self.temp.as_file()).map_err(failed)?;
        self.temp.write_all(bytes).map_err(failed)?;
        self.temp.as_file().sync_all().map_err(failed)?;
        self.temp
            .persist(self.path)
            .map_err(|error| failed(error.error))?;
        // Make the rename itself durable.
        if let Ok(dir) = std::fs::File::open(self.dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}
