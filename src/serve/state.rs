//! What the server holds between requests: the index opened once, and
//! opened again when `newsdex index` or `rebuild` has committed since (a
//! new generation, or a new commit of the live one), without a restart.
//!
//! An opened index pins the commit it read (`newsdex::store`), so requests
//! already running finish on the old one while new ones get the new one.

use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::{Duration, Instant};

use newsdex::error::{Error, Result};
use newsdex::stats::Stats;
use newsdex::store::{Opened, Store, Version};

/// How often, at most, a request looks whether the index changed.
const CHECK_EVERY: Duration = Duration::from_millis(250);

/// One opened commit of the index.
pub struct Generation {
    /// The index as opened.
    pub opened: Opened,
    version: Option<Version>,
    stats: OnceLock<Stats>,
}

impl Generation {
    /// Figures about this commit, computed once.
    pub fn stats(&self, store: &Store) -> Result<Stats> {
        if let Some(s) = self.stats.get() {
            return Ok(s.clone());
        }
        // `files` counts the manifest's fingerprints, which a search open
        // leaves out: read the whole manifest once for it.
        let mut s = newsdex::stats::stats(store, &self.opened)?;
        if let Ok(full) = store.open() {
            s.files = full.manifest.files.len() as u64;
        }
        Ok(self.stats.get_or_init(|| s).clone())
    }
}

/// The server's shared state.
pub struct Index {
    store: Store,
    current: RwLock<Arc<Generation>>,
    checked: Mutex<Instant>,
}

impl Index {
    /// Opens the store's live index.
    pub fn open(store: Store) -> Result<Index> {
        let generation = open_generation(&store)?;
        Ok(Index {
            store,
            current: RwLock::new(Arc::new(generation)),
            checked: Mutex::new(Instant::now()),
        })
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The index as of now: the one opened before, or, when a writer has
    /// committed since, the new commit. Blocking (reads two small files,
    /// and opens the index when it changed): call from a blocking task.
    pub fn current(&self) -> Result<Arc<Generation>> {
        let held = self.current.read().expect("not poisoned").clone();
        {
            let mut checked = self.checked.lock().expect("not poisoned");
            if checked.elapsed() < CHECK_EVERY {
                return Ok(held);
            }
            *checked = Instant::now();
        }
        let now = self.store.version()?;
        if now.is_some() && now == held.version {
            return Ok(held);
        }
        match open_generation(&self.store) {
            Ok(generation) => {
                let generation = Arc::new(generation);
                *self.current.write().expect("not poisoned") = generation.clone();
                Ok(generation)
            }
            // Gone, or not readable yet: keep answering from what is open.
            Err(Error::NoIndex(_)) => Ok(held),
            Err(e) => {
                eprintln!("newsdex serve: kept the index opened before: {e}");
                Ok(held)
            }
        }
    }
}

fn open_generation(store: &Store) -> Result<Generation> {
    // The version is read first: if a commit lands in between, the next
    // check sees a newer version and opens again.
    let version = store.version()?;
    let opened = store.open_for_search()?;
    Ok(Generation {
        opened,
        version,
        stats: OnceLock::new(),
    })
}
