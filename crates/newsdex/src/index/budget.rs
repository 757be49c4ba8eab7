//! The byte budget that bounds the bytes of files being parsed and of
//! articles not yet indexed: a parse thread takes a file's bytes before
//! reading it; the writer's end gives each article's share of them to its
//! document, and the rest back, when it hands the articles to tantivy;
//! tantivy gives a document's share back when it drops the document,
//! indexed (`pipeline.rs`). So the budget also bounds tantivy's queue of
//! documents, which counts documents (10,000 of any size), not bytes.
//! Plain std mutex and condvar; knows nothing of files or tantivy.

/// The least bytes of text in flight, whatever `--memory`.
pub(super) const MIN_TEXT_BUDGET: u64 = 8 << 20;

/// Bytes of text in flight (files being parsed, articles not yet indexed),
/// bounded: a parser waits before taking a file that would go over the
/// limit, unless nothing else is held (so a file larger than the limit
/// still goes through).
pub(super) struct ByteBudget {
    limit: u64,
    held: std::sync::Mutex<u64>,
    freed: std::sync::Condvar,
}

/// Gives its bytes back to the budget when dropped.
pub(super) struct Release {
    budget: std::sync::Arc<ByteBudget>,
    bytes: u64,
}

impl Release {
    /// Moves up to `bytes` of this guard's bytes into a guard of their own,
    /// given back when that one is dropped.
    pub(super) fn split(&mut self, bytes: u64) -> Release {
        let bytes = bytes.min(self.bytes);
        self.bytes -= bytes;
        Release {
            budget: self.budget.clone(),
            bytes,
        }
    }
}

impl Drop for Release {
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
    pub(super) fn acquire(self: &std::sync::Arc<Self>, bytes: u64) -> Release {
        let bytes = bytes.min(self.limit);
        let mut held = self.held.lock().unwrap_or_else(|e| e.into_inner());
        while *held > 0 && *held + bytes > self.limit {
            held = self.freed.wait(held).unwrap_or_else(|e| e.into_inner());
        }
        *held += bytes;
        Release {
            budget: self.clone(),
            bytes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    #[test]
    fn byte_budget_waits_for_room_and_lets_a_huge_file_through_alone() {
        let budget = Arc::new(ByteBudget::new(100));
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

    #[test]
    fn a_split_share_is_held_until_it_is_dropped() {
        let budget = Arc::new(ByteBudget::new(100));
        let mut file = budget.acquire(90);
        let article = file.split(30);
        let too_much = file.split(500);
        assert_eq!((file.bytes, article.bytes, too_much.bytes), (0, 30, 60));
        drop(file);
        drop(too_much);
        assert_eq!(*budget.held.lock().unwrap(), 30);
        drop(article);
        assert_eq!(*budget.held.lock().unwrap(), 0);
    }
}
