//! What is at a path, as far as writing a file there is concerned: the same
//! words on every platform, so messages do not depend on where they are shown.

// Windows tells only files, directories and links apart.
#[cfg_attr(windows, allow(dead_code))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Regular,
    Symlink,
    Directory,
    Fifo,
    Socket,
    CharDevice,
    BlockDevice,
    Other,
}

impl FileKind {
    /// For messages: "is a FIFO", "is a character device", …
    pub fn describe(self) -> &'static str {
        match self {
            FileKind::Regular => "is a regular file",
            FileKind::Symlink => "is a symbolic link",
            FileKind::Directory => "is a directory",
            FileKind::Fifo => "is a FIFO",
            FileKind::Socket => "is a socket",
            FileKind::CharDevice => "is a character device",
            FileKind::BlockDevice => "is a block device",
            FileKind::Other => "is not a regular file",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FileKind;

    #[test]
    fn kinds_are_described_in_words() {
        assert_eq!(FileKind::Fifo.describe(), "is a FIFO");
        assert_eq!(FileKind::Other.describe(), "is not a regular file");
    }
}
