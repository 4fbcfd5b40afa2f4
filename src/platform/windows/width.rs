//! The width of the console on stdout, for tables that fit it.

use std::os::windows::io::AsRawHandle;
use windows_sys::Win32::System::Console::{CONSOLE_SCREEN_BUFFER_INFO, GetConsoleScreenBufferInfo};

/// Columns of the console window stdout is, or `None` when it is not a console.
pub fn stdout_columns() -> Option<usize> {
    let handle = std::io::stdout().as_raw_handle();
    // SAFETY: the call fills the struct on success; a zeroed one otherwise.
    let mut info: CONSOLE_SCREEN_BUFFER_INFO = unsafe { std::mem::zeroed() };
    if unsafe { GetConsoleScreenBufferInfo(handle, &mut info) } == 0 {
        return None;
    }
    let columns = i32::from(info.srWindow.Right) - i32::from(info.srWindow.Left) + 1;
    usize::try_from(columns).ok().filter(|&columns| columns > 0)
}
