//! Known-item figures: success@1, success@10 and mean reciprocal rank over
//! the top 10, and the misses, for the English (`ranking.rs`) and the
//! five-language (`languages.rs`) evaluations alike.

/// The ranks of a query set's targets, as they are found.
#[derive(Default)]
pub struct RankTally {
    at1: f64,
    at10: f64,
    rr: f64,
    queries: usize,
    /// One line per query whose target was not first.
    pub misses: Vec<String>,
}

impl RankTally {
    /// Counts a query whose target stood at `rank` (1-based; `None`: not
    /// in the top 10); `what` names it in the misses.
    pub fn add(&mut self, rank: Option<usize>, what: &str) {
        self.queries += 1;
        match rank {
            Some(r) => {
                self.at1 += f64::from(r == 1);
                self.at10 += 1.0;
                self.rr += 1.0 / r as f64;
                if r > 1 {
                    self.misses.push(format!("  rank {r}: {what}"));
                }
            }
            None => self.misses.push(format!("  not in top 10: {what}")),
        }
    }

    /// Counts a query that failed (a zero), with its error as the miss.
    pub fn failed(&mut self, what: &str, error: impl std::fmt::Display) {
        self.queries += 1;
        self.misses.push(format!("  error: {what} ({error})"));
    }

    /// (success@1, success@10, MRR) over every query counted.
    pub fn figures(&self) -> (f64, f64, f64) {
        let n = self.queries.max(1) as f64;
        (self.at1 / n, self.at10 / n, self.rr / n)
    }
}
