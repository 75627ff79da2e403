//! The progress line of a long deploy, on stderr and only when it is a terminal (a cron job's
//! log or a CI log gets the summary alone).

use crate::messages::Messages;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Files done out of the total, redrawn at most ten times a second.
pub struct Progress<'a> {
    on: bool,
    total: usize,
    done: usize,
    drawn: Option<Instant>,
    words: &'a Messages,
}

impl<'a> Progress<'a> {
    /// A progress line for `total` steps.
    pub fn new(total: usize, words: &'a Messages) -> Self {
        Progress {
            on: std::io::stderr().is_terminal(),
            total,
            done: 0,
            drawn: None,
            words,
        }
    }

    /// One more step done.
    pub fn step(&mut self) {
        self.done += 1;
        let due = self
            .drawn
            .is_none_or(|t| t.elapsed() >= Duration::from_millis(100));
        if self.on && due {
            let (d, t) = (self.done.to_string(), self.total.to_string());
            let line = self
                .words
                .word("deploy-progress", &[("done", &d), ("total", &t)], || {
                    format!("publishing: {d} of {t} files")
                });
            eprint!("\r{line}\x1b[K");
            let _ = std::io::stderr().flush();
            self.drawn = Some(Instant::now());
        }
    }

    /// Clear the line.
    pub fn finish(&self) {
        if self.on && self.drawn.is_some() {
            eprint!("\r\x1b[K");
            let _ = std::io::stderr().flush();
        }
    }
}
