//! The calling thread's CPU time: what a stage of work cost, leaving out the time the thread
//! waited for another (`bordermap map --timings`).

use std::time::Duration;

/// The calling thread's CPU time so far.
pub fn thread_cpu() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec.max(0) as u64, t.tv_nsec.clamp(0, 999_999_999) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_thread_clock_counts_work_not_waiting() {
        let before = thread_cpu();
        std::thread::sleep(Duration::from_millis(50));
        let slept = thread_cpu() - before;
        assert!(slept < Duration::from_millis(10), "sleeping cost {slept:?} of CPU");
        // Work moves it (the loop ends when it has).
        let mut x = 0u64;
        while thread_cpu() - before < slept + Duration::from_millis(5) {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(1));
        }
    }
}
