//! Thin wrappers over the Linux system calls the STM uses (memfd, mmap, madvise, fallocate).
//! Each returns `io::Result`; this file owns no state and must never decide layout or policy.

use std::io;

fn check(ret: libc::c_int) -> io::Result<()> {
    if ret < 0 { Err(io::Error::last_os_error()) } else { Ok(()) }
}

/// An anonymous memory file (`memfd_create`), closed on drop.
pub(crate) struct MemFd(libc::c_int);

impl MemFd {
    pub(crate) fn create(name: &std::ffi::CStr, size: u64) -> io::Result<MemFd> {
        // SAFETY: `name` is a valid NUL-terminated string; the call has no memory effects.
        let fd = unsafe { libc::memfd_create(name.as_ptr(), libc::MFD_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        let f = MemFd(fd);
        // SAFETY: `fd` is a file descriptor we own.
        check(unsafe { libc::ftruncate(fd, size as libc::off_t) })?;
        Ok(f)
    }
    pub(crate) fn raw(&self) -> libc::c_int {
        self.0
    }
    /// Frees the file's pages in `[off, off + len)` (they read back as zeros).
    pub(crate) fn punch_hole(&self, off: u64, len: u64) -> io::Result<()> {
        // SAFETY: plain system call on our own descriptor.
        check(unsafe {
            libc::fallocate(
                self.0,
                libc::FALLOC_FL_PUNCH_HOLE | libc::FALLOC_FL_KEEP_SIZE,
                off as libc::off_t,
                len as libc::off_t,
            )
        })
    }
}

impl Drop for MemFd {
    fn drop(&mut self) {
        // SAFETY: we own the descriptor and close it once.
        unsafe { libc::close(self.0) };
    }
}

/// Reserves `len` bytes of address space, inaccessible and without swap reservation.
pub(crate) fn reserve(len: usize) -> io::Result<*mut u8> {
    // SAFETY: a fresh anonymous mapping at an address of the kernel's choosing affects no
    // existing memory.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_NONE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED { Err(io::Error::last_os_error()) } else { Ok(p as *mut u8) }
}

/// Maps private, zero-filled, read-write memory over `[addr, addr + len)`.
///
/// # Safety
/// The range must lie inside a reservation owned by the caller, and no Rust reference may point
/// into it (its contents are replaced).
pub(crate) unsafe fn map_anon_fixed(addr: *mut u8, len: usize) -> io::Result<()> {
    // SAFETY: the caller owns the range (see above).
    let p = unsafe {
        libc::mmap(
            addr as *mut libc::c_void,
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_FIXED | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED { Err(io::Error::last_os_error()) } else { Ok(()) }
}

/// Maps `[file_off, file_off + len)` of `fd` shared and read-write over `[addr, addr + len)`;
/// with `populate`, the pages are allocated and mapped now rather than on first touch.
///
/// # Safety
/// As for [`map_anon_fixed`].
pub(crate) unsafe fn map_file_fixed(
    addr: *mut u8,
    len: usize,
    fd: &MemFd,
    file_off: u64,
    populate: bool,
) -> io::Result<()> {
    let populate = if populate { libc::MAP_POPULATE } else { 0 };
    // SAFETY: the caller owns the range (see above).
    let p = unsafe {
        libc::mmap(
            addr as *mut libc::c_void,
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_SHARED | libc::MAP_FIXED | libc::MAP_NORESERVE | populate,
            fd.raw(),
            file_off as libc::off_t,
        )
    };
    if p == libc::MAP_FAILED { Err(io::Error::last_os_error()) } else { Ok(()) }
}

/// Drops the pages of a private anonymous range, which then reads as zeros.
///
/// # Safety
/// The range must be private anonymous memory owned by the caller, with no Rust reference into it.
pub(crate) unsafe fn discard(addr: *mut u8, len: usize) -> io::Result<()> {
    // SAFETY: see above.
    check(unsafe { libc::madvise(addr as *mut libc::c_void, len, libc::MADV_DONTNEED) })
}

/// Unmaps a range.
///
/// # Safety
/// The range must be owned by the caller and unused afterwards.
pub(crate) unsafe fn unmap(addr: *mut u8, len: usize) {
    // SAFETY: see above.
    unsafe { libc::munmap(addr as *mut libc::c_void, len) };
}

/// `vm.max_map_count`, the most mappings a process may have (65530 when unreadable).
pub fn max_map_count() -> usize {
    std::fs::read_to_string("/proc/sys/vm/max_map_count").ok().and_then(|s| s.trim().parse().ok()).unwrap_or(65530)
}

/// The number of kernel mappings (VMAs) this process has now, from `/proc/self/maps`.
pub fn map_count() -> usize {
    std::fs::read("/proc/self/maps").map(|b| b.iter().filter(|&&c| c == b'\n').count()).unwrap_or(0)
}
