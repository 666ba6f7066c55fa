//! Executable memory for compiled traces: one private mapping per piece of code, written while
//! read-write, then made read-execute; unmapped when the owner is dropped (a trace thrown away
//! frees its code). This file owns the `mmap`/`mprotect`/`munmap` calls only.

use std::io;

/// A block of machine code.
pub struct Code {
    ptr: *mut u8,
    len: usize,
    map_len: usize,
}

// SAFETY: the mapping is read-only (executable) after `new` returns and is only unmapped by
// `drop`, which needs exclusive ownership; sharing the address between threads is what it is for.
unsafe impl Send for Code {}
unsafe impl Sync for Code {}

impl Code {
    /// Copies `bytes` into fresh executable memory.
    pub fn new(bytes: &[u8]) -> io::Result<Code> {
        let page = 4096;
        let map_len = bytes.len().max(1).next_multiple_of(page);
        // SAFETY: a fresh anonymous private mapping; no existing memory is touched.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                map_len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return Err(io::Error::last_os_error());
        }
        let ptr = p as *mut u8;
        // SAFETY: `ptr` points to `map_len >= bytes.len()` writable bytes we own.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), ptr, bytes.len()) };
        // SAFETY: the range is our own mapping.
        if unsafe { libc::mprotect(p, map_len, libc::PROT_READ | libc::PROT_EXEC) } != 0 {
            let e = io::Error::last_os_error();
            // SAFETY: unmapping our own mapping.
            unsafe { libc::munmap(p, map_len) };
            return Err(e);
        }
        Ok(Code { ptr, len: bytes.len(), map_len })
    }

    pub fn addr(&self) -> u64 {
        self.ptr as u64
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// The machine code.
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: `len` bytes were copied in and the mapping stays readable until drop.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl Drop for Code {
    fn drop(&mut self) {
        // SAFETY: our own mapping; nobody runs the code any more (its owner is being dropped).
        unsafe { libc::munmap(self.ptr as *mut libc::c_void, self.map_len) };
    }
}
