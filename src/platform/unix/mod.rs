mod at_signal;
pub mod fs;
pub mod net;
pub mod signals;
pub mod terminal;
pub mod width;
