pub mod fs;
pub mod signals;
pub mod terminal;
pub mod width;
