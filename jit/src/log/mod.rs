//! The trace log (written next).
