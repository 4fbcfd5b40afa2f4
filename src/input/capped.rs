//! Reading a whole file into memory, never more than a cap: a file that grows
//! without end (`/dev/zero`, a FIFO fed by `yes`) cannot grow memory.

use std::fs::File;
use std::io::{Error, ErrorKind, Read};
use std::path::Path;
use zeroize::Zeroizing;

/// The whole file at `path`, at most `cap` bytes. More than `cap` is an error
/// of kind `FileTooLarge` (reading stops one byte past the cap); a directory
/// is an error of kind `IsADirectory`. The bytes are zeroized when dropped,
/// since such a file may hold a secret.
pub fn read_capped_file(path: &Path, cap: u64) -> std::io::Result<Zeroizing<Vec<u8>>> {
    let file = match File::open(path) {
        Ok(file) => file,
        // Windows refuses to open a directory as a file ("access denied").
        Err(_) if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) => {
            return Err(is_a_directory());
        }
        Err(error) => return Err(error),
    };
    if file.metadata()?.is_dir() {
        return Err(is_a_directory());
    }
    read_capped(file, cap)
}

/// Everything `reader` gives up to its end, at most `cap` bytes: more is an
/// error of kind `FileTooLarge`, and reading stops one byte past the cap.
/// The one bounded reader of every text source (a file, stdin, a FIFO).
pub fn read_capped(reader: impl Read, cap: u64) -> std::io::Result<Zeroizing<Vec<u8>>> {
    let bytes = read_at_most(reader, cap.saturating_add(1))?;
    if bytes.len() as u64 > cap {
        return Err(Error::new(
            ErrorKind::FileTooLarge,
            format!("it is larger than {cap} bytes"),
        ));
    }
    Ok(bytes)
}

/// The first `limit` bytes of `reader` (fewer at its end); what is past them
/// is never read. For a parser that judges the length itself: a secret read
/// one byte past what could be accepted is too long.
pub fn read_at_most(reader: impl Read, limit: u64) -> std::io::Result<Zeroizing<Vec<u8>>> {
    let mut bytes = Zeroizing::new(Vec::new());
    reader.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn is_a_directory() -> Error {
    Error::new(ErrorKind::IsADirectory, "it is a directory")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_up_to_the_cap_and_no_further() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(&read_capped_file(&path, 5).unwrap()[..], b"12345");
        let error = read_capped_file(&path, 4).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::FileTooLarge);
        let error = read_capped_file(dir.path(), 4).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::IsADirectory);
    }

    #[test]
    fn reads_at_most_the_limit() {
        let endless = std::io::repeat(b'x');
        assert_eq!(read_at_most(endless, 7).unwrap().len(), 7);
        assert_eq!(&read_at_most(&b"ab"[..], 7).unwrap()[..], b"ab");
        let error = read_capped(std::io::repeat(b'x'), 3).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::FileTooLarge);
    }

    #[test]
    fn a_file_over_the_cap_stops_at_the_cap() {
        // Sparse: 1 GiB that costs no disk. An endless reader is the test above.
        let file = tempfile::NamedTempFile::new().unwrap();
        file.as_file().set_len(1 << 30).unwrap();
        let error = read_capped_file(file.path(), 1024).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::FileTooLarge);
    }
}
