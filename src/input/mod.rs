//! What the user gives us: the username and password, the API key, and the
//! prompts that ask for them.

pub mod capped;
pub mod confirm;
pub mod credentials;
pub mod defaults;
pub mod key;
pub mod prompt;
pub mod secret_text;
pub mod text;
pub mod when;
