//! The stop requests a graceful command tells apart, the same words on
//! every platform (`signals` catches them).

/// Which stop request `signals::catch_interrupts` caught.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interrupt {
    /// Ctrl-C: the command ends with 130.
    Int,
    /// SIGTERM, or Ctrl-Break on Windows (the nearest it has): the command
    /// ends with 143.
    Term,
}
