//! The network layer: the base URL (`endpoint`), proxies, TLS (`tls/`), one
//! HTTP exchange (`transport`) with its retries (`retry`, the one retry state
//! machine) and the meaning of its failures (`error`, with `Delivery`), and
//! the local server of `webhooks listen` (`listener`). It knows nothing of
//! argv.

pub mod endpoint;
pub mod error;
pub mod listener;
pub mod proxy;
pub mod retry;
pub mod tls;
pub mod transport;
