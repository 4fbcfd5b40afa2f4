//! Whether two paths of one run name the same file, so that a file the tool
//! writes is never a file it reads or another file it writes.

use crate::error::Failure;
use crate::exit::ExitCode;
use crate::platform;
use std::path::{Path, PathBuf};

/// What a path names, as far as "the same file" goes.
#[derive(Debug, PartialEq, Eq)]
enum Identity {
    /// An existing file: its device and inode, behind any links.
    File(platform::fs::FileId),
    /// An existing file where the platform gives no identity: its real path.
    Resolved(PathBuf),
    /// A path with nothing there yet: its resolved directory and its name.
    Name(PathBuf),
}

fn identity(path: &Path) -> Identity {
    if std::fs::metadata(path).is_ok() {
        if let Some(id) = platform::fs::path_id(path) {
            return Identity::File(id);
        }
        if let Ok(real) = std::fs::canonicalize(path) {
            return Identity::Resolved(real);
        }
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let resolved = match (absolute.parent(), absolute.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir)
            .unwrap_or_else(|_| dir.to_path_buf())
            .join(name),
        _ => absolute,
    };
    Identity::Name(resolved)
}

/// Two paths are the same file when they have the same device and inode,
/// or, for a path with nothing there yet, the same resolved directory and
/// name.
pub fn same_file(a: &Path, b: &Path) -> bool {
    identity(a) == identity(b)
}

/// A path the command names, and the option that named it, for messages:
/// `("--report", path)`, `("the input file", path)`.
pub type Named<'a> = (&'a str, &'a Path);

/// Refuses with 64, before anything is read or sent, when a file the command
/// writes is a file it reads or another file it writes.
pub fn refuse_collisions(writes: &[Named], reads: &[Named]) -> Result<(), Failure> {
    for (i, (flag, path)) in writes.iter().enumerate() {
        let others = writes.iter().skip(i + 1).chain(reads.iter());
        for (other_flag, other_path) in others {
            if same_file(path, other_path) {
                return Err(Failure::new(
                    ExitCode::Usage,
                    format!(
                        "{flag} {} and {other_flag} {} are the same file",
                        path.display(),
                        other_path.display()
                    ),
                )
                .with_hint(format!(
                    "nothing was read or sent; name another file for {flag}"
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_file_by_identity_or_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        std::fs::write(&a, "x").unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        assert!(same_file(&a, &sub.join("..").join("a")));
        assert!(!same_file(&a, &dir.path().join("b")));
        // Nothing there yet: the same directory and name.
        let new = dir.path().join("new");
        assert!(same_file(&new, &sub.join("../new")));
        assert!(!same_file(&new, &sub.join("new")));
        let hard = dir.path().join("hard");
        if std::fs::hard_link(&a, &hard).is_ok() {
            assert!(same_file(&a, &hard));
        }
    }

    #[test]
    fn collisions_name_both_options() {
        let dir = tempfile::tempdir().unwrap();
        let x = dir.path().join("x");
        let y = dir.path().join("y");
        let writes = [("--journal", x.as_path()), ("--report", x.as_path())];
        let failure = refuse_collisions(&writes, &[]).unwrap_err();
        assert_eq!(failure.code, ExitCode::Usage);
        assert!(
            failure.message().starts_with("--journal "),
            "{}",
            failure.message()
        );
        let writes = [("--report", y.as_path())];
        assert!(refuse_collisions(&writes, &[("FILE", x.as_path())]).is_ok());
        assert!(refuse_collisions(&writes, &[("FILE", y.as_path())]).is_err());
    }
}
