//! The width of the terminal on stdout, for tables that fit it.

use std::os::fd::AsRawFd;

/// Columns of the terminal stdout is, or `None` when it is not a terminal.
pub fn stdout_columns() -> Option<usize> {
    let fd = std::io::stdout().as_raw_fd();
    // SAFETY: TIOCGWINSZ fills a winsize on success; a zeroed one otherwise.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut size) } != 0 || size.ws_col == 0 {
        return None;
    }
    Some(usize::from(size.ws_col))
}
