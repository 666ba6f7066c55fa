//! Start-up configuration of the STM and its validation. Owns no state.

use crate::error::StmError;
use crate::events::EventSink;
use crate::layout::*;
use std::sync::Arc;

/// How to build an [`crate::Stm`].
#[derive(Clone)]
pub struct Config {
    /// Number of segments that run threads (`N`, 1..=64). Segment 0 comes on top.
    pub segments: usize,
    /// Size of the object area of each segment, in bytes: the heap limit.
    pub heap_limit: u64,
    /// Most runs of privatized pages the STM keeps across all segments before it privatizes by
    /// filling gaps between runs instead of making new ones. `None`: derived from
    /// `vm.max_map_count` at start-up (a quarter of the mappings it leaves free, since each run
    /// costs up to two kernel mappings).
    pub max_private_runs: Option<usize>,
    /// Where events (commits, aborts, conflicts, pauses) go. `None`: events are not built.
    pub event_sink: Option<Arc<dyn EventSink>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            segments: default_segments(),
            heap_limit: DEFAULT_HEAP_LIMIT,
            max_private_runs: None,
            event_sink: None,
        }
    }
}

impl Config {
    /// A configuration with `segments` segments and the defaults otherwise.
    pub fn with_segments(segments: usize) -> Config {
        Config { segments, ..Config::default() }
    }

    /// Checks the numbers; every error says what range is accepted.
    pub fn validate(&self) -> Result<(), StmError> {
        if self.segments == 0 || self.segments > MAX_SEGMENTS {
            return Err(StmError::InvalidSegments(self.segments));
        }
        let h = self.heap_limit;
        if !(MIN_HEAP_LIMIT..=MAX_HEAP_LIMIT).contains(&h) || h % HEAP_LIMIT_GRANULE != 0 {
            return Err(StmError::InvalidHeapLimit(h));
        }
        Ok(())
    }
}

/// The default number of segments: the number of CPUs, at most [`MAX_SEGMENTS`].
pub fn default_segments() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, MAX_SEGMENTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_segment_counts_and_sizes() {
        assert!(matches!(Config::with_segments(0).validate(), Err(StmError::InvalidSegments(0))));
        assert!(matches!(Config::with_segments(65).validate(), Err(StmError::InvalidSegments(65))));
        assert!(Config::with_segments(64).validate().is_ok());
        assert!(Config::with_segments(1).validate().is_ok());
        let bad = [0, MIN_HEAP_LIMIT - HEAP_LIMIT_GRANULE, MAX_HEAP_LIMIT + HEAP_LIMIT_GRANULE, (64 << 20) + 4096];
        for h in bad {
            let c = Config { heap_limit: h, ..Config::with_segments(2) };
            assert!(matches!(c.validate(), Err(StmError::InvalidHeapLimit(x)) if x == h), "{h}");
        }
        let msg = Config::with_segments(0).validate().unwrap_err().to_string();
        assert!(msg.contains("between 1 and 64"), "{msg}");
    }
}
