//! `mobivate man --dir DIR`: every man page written into DIR, created if
//! needed, each replaced atomically and left readable by everyone (0644).

use crate::cli::generate;
use crate::error::Failure;
use crate::exit::ExitCode;
use crate::output::atomic::AtomicFile;
use crate::platform;
use std::path::Path;

pub fn write_pages(dir: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(dir).map_err(|error| {
        Failure::new(
            ExitCode::CantCreate,
            format!("cannot create the directory {}: {error}", dir.display()),
        )
    })?;
    for (name, page) in generate::man_pages() {
        let path = dir.join(&name);
        AtomicFile::create_for(&path, "a man page")?.commit(&page)?;
        platform::fs::make_public(&path).map_err(|error| {
            Failure::new(
                ExitCode::CantCreate,
                format!("cannot make {} readable: {error}", path.display()),
            )
        })?;
    }
    Ok(())
}
