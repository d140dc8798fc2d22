//! What each stage of a run costs, in CPU time: reading (parsing the input, on the read-ahead
//! thread), locating (the main thread: checking each record and finding its place), building
//! (each feature's properties) and writing (appending them to every format; both on the layer
//! thread), and finishing (control intervals, place summaries, shares, closing the files).
//! Thread CPU time leaves out the time a thread waits for another, so the stages add up to the
//! work done, and the largest one is where a regression shows.
//!
//! Building and writing run interleaved on one thread: one event in [`SAMPLE`] is timed in
//! both, and the thread's CPU time is split in that proportion.

use std::time::{Duration, Instant};

/// One event in this many has its build and write timed.
pub(super) const SAMPLE: u64 = 16;

/// CPU time of each stage of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes {
    /// Parsing the input (zero when it was not read ahead on its own thread: then it is in
    /// `locate`).
    pub read: Duration,
    /// Checking records and locating their places.
    pub locate: Duration,
    /// Building features' properties.
    pub build: Duration,
    /// Appending features to the formats' files.
    pub write: Duration,
    /// Control intervals, place summaries, shares, and closing the files.
    pub finish: Duration,
}

impl StageTimes {
    /// One line: each stage's CPU seconds and microseconds per event.
    pub fn summary(&self, events: u64) -> String {
        let per = |d: Duration| d.as_secs_f64() * 1e6 / events.max(1) as f64;
        let parts: Vec<String> = [
            ("read", self.read),
            ("locate", self.locate),
            ("build", self.build),
            ("write", self.write),
            ("finish", self.finish),
        ]
        .iter()
        .map(|(name, d)| format!("{name} {:.2} s ({:.2} µs/event)", d.as_secs_f64(), per(*d)))
        .collect();
        format!("stages (CPU time): {}", parts.join(", "))
    }
}

/// The layer thread's sampled split of its time between building and writing.
#[derive(Debug, Default)]
pub(super) struct Split {
    seen: u64,
    build: Duration,
    write: Duration,
}

impl Split {
    /// Whether to time this event (one in [`SAMPLE`]).
    pub(super) fn sample(&mut self) -> bool {
        self.seen += 1;
        self.seen % SAMPLE == 1
    }

    /// A sampled event: `started` when it began (none when not sampled), `pushing` the part of
    /// it spent appending to the formats.
    pub(super) fn add(&mut self, started: Option<Instant>, pushing: Duration) {
        if let Some(t) = started {
            self.build += t.elapsed().saturating_sub(pushing);
            self.write += pushing;
        }
    }

    /// `total` (the thread's CPU time) split as the samples were: (build, write).
    pub(super) fn apportion(&self, total: Duration) -> (Duration, Duration) {
        let sampled = (self.build + self.write).as_secs_f64();
        if sampled <= 0.0 {
            return (Duration::ZERO, total);
        }
        let build = total.mul_f64(self.build.as_secs_f64() / sampled);
        (build, total.saturating_sub(build))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_split_follows_the_samples_and_keeps_the_total() {
        let mut s = Split::default();
        assert!(s.sample() && !s.sample());
        s.build = Duration::from_millis(10);
        s.write = Duration::from_millis(30);
        let (b, w) = s.apportion(Duration::from_secs(4));
        assert_eq!((b, w), (Duration::from_secs(1), Duration::from_secs(3)));
        let line = StageTimes { build: b, write: w, ..Default::default() }.summary(1_000_000);
        assert!(line.contains("build 1.00 s (1.00 µs/event)") && line.contains("write 3.00 s"), "{line}");
    }
}
