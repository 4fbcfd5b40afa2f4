//! A pseudo-terminal for tests: the child gets it as its controlling terminal
//! (and as stdin and stderr), stdout stays a pipe so the key can be read
//! exactly as `KEY=$(mobivate …)` would.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Pty {
    master: File,
    slave: OwnedFd,
    pub child: Child,
    pub seen: String,
    /// Set by `finish`.
    pub status: Option<std::process::ExitStatus>,
    /// The terminal's local flags before the child started.
    pub initial_flags: libc::tcflag_t,
}

impl Pty {
    /// Spawns `cmd` on a new pty; `stdin_on_pty` chooses whether stdin is the
    /// terminal or `/dev/null`.
    pub fn spawn(mut cmd: Command, stdin_on_pty: bool) -> Pty {
        let (mut master_fd, mut slave_fd) = (0, 0);
        // SAFETY: openpty fills both fds on success; no name, termios or winsize is passed.
        let rc = unsafe {
            libc::openpty(
                &mut master_fd,
                &mut slave_fd,
                std::ptr::null_mut(),
                // null_mut: macOS declares these two `*mut`, Linux `*const`.
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        };
        assert_eq!(rc, 0, "openpty failed");
        // SAFETY: both fds were just returned by openpty and are owned here.
        let master = unsafe { File::from_raw_fd(master_fd) };
        let slave = unsafe { OwnedFd::from_raw_fd(slave_fd) };
        let stdin = if stdin_on_pty {
            Stdio::from(slave.try_clone().unwrap())
        } else {
            Stdio::null()
        };
        cmd.stdin(stdin)
            .stdout(Stdio::piped())
            .stderr(Stdio::from(slave.try_clone().unwrap()));
        let slave_raw = slave.as_raw_fd();
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                if libc::setsid() < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                if libc::ioctl(slave_raw, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let initial_flags = flags_of(slave.as_raw_fd());
        let child = cmd.spawn().expect("spawn under pty");
        Pty {
            master,
            slave,
            child,
            seen: String::new(),
            status: None,
            initial_flags,
        }
    }

    /// Reads terminal output until `needle` appears; panics after 10 s.
    pub fn expect(&mut self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.seen.contains(needle) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {needle:?}; saw {:?}",
                self.seen
            );
            self.read_some(Duration::from_millis(100));
        }
    }

    fn read_some(&mut self, wait: Duration) {
        let mut pfd = libc::pollfd {
            fd: self.master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        let ready = unsafe { libc::poll(&mut pfd, 1, wait.as_millis() as i32) };
        if ready > 0 {
            let mut buf = [0u8; 4096];
            if let Ok(n) = self.master.read(&mut buf) {
                self.seen.push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        }
    }

    pub fn signal(&self, signal: libc::c_int) {
        // Same pause as `send`: let the prompt switch the terminal mode first.
        std::thread::sleep(Duration::from_millis(200));
        // SAFETY: kill on our own child's pid.
        assert_eq!(
            unsafe { libc::kill(self.child.id() as libc::pid_t, signal) },
            0
        );
    }

    pub fn send(&mut self, bytes: &[u8]) {
        // Give the child a moment to switch the terminal mode after the prompt.
        std::thread::sleep(Duration::from_millis(200));
        self.master.write_all(bytes).unwrap();
        self.master.flush().unwrap();
    }

    /// Waits for the child (up to 10 s) and returns its status code and stdout.
    pub fn finish(mut self) -> (Option<i32>, String, String, Pty) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                self.status = Some(status);
                self.read_some(Duration::from_millis(50));
                let mut stdout = String::new();
                self.child
                    .stdout
                    .take()
                    .unwrap()
                    .read_to_string(&mut stdout)
                    .unwrap();
                let seen = self.seen.clone();
                return (status.code(), stdout, seen, self);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("child did not exit; terminal showed {:?}", self.seen);
            }
            self.read_some(Duration::from_millis(50));
        }
    }

    /// The terminal's local flags now, to check echo and canonical mode.
    pub fn local_flags(&self) -> libc::tcflag_t {
        flags_of(self.slave.as_raw_fd())
    }
}

fn flags_of(fd: std::os::fd::RawFd) -> libc::tcflag_t {
    let mut term = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: tcgetattr fills the termios on success.
    assert_eq!(unsafe { libc::tcgetattr(fd, term.as_mut_ptr()) }, 0);
    unsafe { term.assume_init() }.c_lflag
}
