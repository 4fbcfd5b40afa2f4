//! The network layer: the base URL, proxies, TLS roots, and one HTTP
//! exchange with retries and error classification. It knows nothing of argv.

pub mod endpoint;
pub mod error;
pub mod listener;
pub mod proxy;
pub mod retry;
pub mod tls;
pub mod transport;
