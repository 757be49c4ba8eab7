//! The byte budget that bounds the source bytes of files parsed but not
//! yet with the writer: a parse thread takes a file's bytes before reading
//! it and the writer's end gives them back once the file's articles are
//! handed over (`pipeline.rs`). Plain std mutex and condvar; knows nothing
//! of files or tantivy.

/// The least source bytes parsed ahead of the writer, whatever `--memory`.
pub(super) const MIN_PARSE_BUDGET: u64 = 32 << 20;

/// Source bytes being parsed or waiting for the writer, bounded: a parser
/// waits before taking a file that would go over the limit, unless nothing
/// else is held (so a file larger than the limit still goes through).
pub(super) struct ByteBudget {
    limit: u64,
    held: std::sync::Mutex<u64>,
    freed: std::sync::Condvar,
}

/// Gives its bytes back to the budget when dropped.
pub(super) struct Release<'a> {
    budget: &'a ByteBudget,
    bytes: u64,
}

impl Drop for Release<'_> {
    fn drop(&mut self) {
        let mut held = self.budget.held.lock().unwrap_or_else(|e| e.into_inner());
        *held -= self.bytes;
        self.budget.freed.notify_all();
    }
}

impl ByteBudget {
    pub(super) fn new(limit: u64) -> ByteBudget {
        ByteBudget {
            limit,
            held: std::sync::Mutex::new(0),
            freed: std::sync::Condvar::new(),
        }
    }

    /// Waits until `bytes` (at most the limit) fit and takes them; they
    /// are given back when the guard is dropped, wherever that happens (a
    /// parser that fails drops it too, so no one waits for it forever).
    pub(super) fn acquire(&self, bytes: u64) -> Release<'_> {
        let bytes = bytes.min(self.limit);
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        while *held > 0 && *held + bytes > self.limit {
            held = self.freed.wait(held).unwrap_or_else(|e| e.into_inner());
        }
        *held += bytes;
        Release {
            budget: self,
            bytes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    #[test]
    fn byte_budget_waits_for_room_and_lets_a_huge_file_through_alone() {
        let budget = ByteBudget::new(100);
        // Larger than the limit, nothing else held: goes through, clamped.
        let huge = budget.acquire(1_000);
        assert_eq!(huge.bytes, 100);
        drop(huge);

        let first = budget.acquire(80);
        let second_in = AtomicBool::new(false);
        std::thread::scope(|s| {
            s.spawn(|| {
                let _second = budget.acquire(50);
                second_in.store(true, Ordering::SeqCst);
            });
            std::thread::sleep(Duration::from_millis(100));
            assert!(!second_in.load(Ordering::SeqCst), "went over the limit");
            drop(first);
        });
        assert!(second_in.load(Ordering::SeqCst));
        assert_eq!(*budget.held.lock().unwrap(), 0);
    }
}
