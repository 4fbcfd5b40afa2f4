pub mod fs;
pub mod terminal;
