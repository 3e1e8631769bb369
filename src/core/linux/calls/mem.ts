/** Memory management system calls: brk, mmap and friends. */
import { LAYOUT } from '../../elf/load.js';
import { align, type Area, type GuestMemory, PAGE_SIZE, PROT_READ, PROT_WRITE } from '../../memory/memory.js';
import type { Process } from '../process.js';
import { type FileHandle, S_IFDIR, S_IFMT, type Stat } from '../../vfs/types.js';
import {
  MAP_ANONYMOUS, MAP_FIXED, MAP_FIXED_NOREPLACE, MAP_PRIVATE, MAP_SHARED, MAP_SHARED_VALIDATE, MREMAP_FIXED,
  MREMAP_MAYMOVE, O_ACCMODE, O_RDONLY, O_WRONLY,
} from '../abi.js';
import { EACCES, EBADF, EEXIST, EFAULT, EINVAL, ENODEV, ENOMEM } from '../errno.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';

const PROT_ALL = 7;
/** Highest user address a64play hands out or accepts (48-bit VA, like Linux on aarch64). */
const USER_TOP = 2 ** 48;
const MADV_DONTNEED = 4;

function brk(c: SyscallContext): number {
  const p = c.p;
  const want = c.u(0);
  if (want < p.brkStart) return p.brk;
  const oldTop = align(p.brk, PAGE_SIZE);
  const newTop = align(want, PAGE_SIZE);
  if (newTop > oldTop) {
    if (!c.mem.isFree(oldTop, newTop - oldTop)) return p.brk;
    if (!c.mem.map(oldTop, newTop - oldTop, PROT_READ | PROT_WRITE, '[heap]')) return p.brk;
  } else if (newTop < oldTop) {
    c.mem.unmap(newTop, oldTop - newTop);
  }
  p.brk = want;
  return want;
}

/** Chooses where a new mapping of `len` bytes goes (hint honoured when free). */
function placeMapping(c: SyscallContext, hint: number, len: number): number {
  if (hint !== 0) {
    const h = align(hint, PAGE_SIZE);
    if (h + len <= USER_TOP && c.mem.isFree(h, len)) return h;
  }
  const low = c.mem.findFree(len, LAYOUT.mmapTop, LAYOUT.mmapBottom);
  // big reservations (Go arenas, JVM-style heaps) go above 4 GiB, where the address space is wide
  return low >= 0 ? low : c.mem.findFree(len, HIGH_MMAP_TOP, 2 ** 32);
}

/** Top of the area used for mappings that do not fit below 4 GiB. */
const HIGH_MMAP_TOP = 2 ** 47;

/** A file mapping's way back to its file (write-back for MAP_SHARED, re-reading for both). */
interface MappedFile {
  handle: FileHandle;
  dev: number;
  ino: number;
  shared: boolean;
}

/**
 * Writes the bytes of the process's MAP_SHARED file mappings in [addr, addr+len) back to their
 * files (never past a file's end), so read() and other mappings see them. Called by msync,
 * munmap, and before reads of regular files; the process's exit and exec do the same.
 */
export function syncSharedFiles(mem: GuestMemory, addr = 0, len = 2 ** 48): void {
  const end = addr + len;
  for (const a of mem.areas) {
    const f = a.file as MappedFile | undefined;
    if (!f || !f.shared || a.end <= addr || a.start >= end || a.phys < 0) continue;
    const st = f.handle.stat();
    if (typeof st === 'number') continue;
    const n = Math.min(a.end - a.start, st.size - a.offset);
    if (n > 0) f.handle.write(mem.u8.slice(a.phys, a.phys + n), a.offset);
  }
}

function mmap(c: SyscallContext): number {
  const addr = c.u(0);
  const lenArg = c.u(1);
  const prot = c.i(2);
  const flags = c.i(3);
  const fd = c.i(4);
  const off = c.u(5);
  if (lenArg === 0 || lenArg > USER_TOP) return -EINVAL;
  if (off % PAGE_SIZE !== 0) return -EINVAL;
  if (prot & ~PROT_ALL) return -EINVAL;
  const type = flags & MAP_SHARED_VALIDATE;
  if (type !== MAP_PRIVATE && type !== MAP_SHARED && type !== MAP_SHARED_VALIDATE) return -EINVAL;
  const len = align(lenArg, PAGE_SIZE);
  let data: Uint8Array | null = null;
  let fileStat: Stat | null = null;
  let name = '';
  if (!(flags & MAP_ANONYMOUS)) {
    const e = c.p.fds.get(fd);
    if (!e) return -EBADF;
    const f = e.file;
    if ((f.flags & O_ACCMODE) === O_WRONLY) return -EACCES;
    if (type !== MAP_PRIVATE && prot & PROT_WRITE && (f.flags & O_ACCMODE) === O_RDONLY) return -EACCES;
    const st = f.handle.stat();
    if (typeof st === 'number') return st;
    if ((st.mode & S_IFMT) === S_IFDIR || !f.handle.seekable) return -ENODEV;
    fileStat = st;
    const avail = Math.max(0, Math.min(len, st.size - off));
    data = new Uint8Array(avail);
    let got = 0;
    while (got < avail) {
      const n = f.handle.read(data.subarray(got), off + got);
      if (n <= 0) break;
      got += n;
    }
    name = f.path;
  }
  let at: number;
  if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
    if (addr % PAGE_SIZE !== 0) return -EINVAL;
    if (addr + len > USER_TOP) return -ENOMEM;
    if (flags & MAP_FIXED_NOREPLACE && !(flags & MAP_FIXED) && !c.mem.isFree(addr, len)) return -EEXIST;
    at = addr;
  } else {
    at = placeMapping(c, addr, len);
    if (at < 0) return -ENOMEM;
  }
  if (!c.mem.map(at, len, data ? prot | PROT_WRITE : prot, name, off, type !== MAP_PRIVATE)) return -ENOMEM;
  if (data && fileStat) {
    const area = c.mem.findArea(at)!;
    const shared = type !== MAP_PRIVATE;
    area.file = { handle: c.p.fds.get(fd)!.file.handle, dev: fileStat.dev, ino: fileStat.ino, shared } satisfies MappedFile;
    if (shared) c.p.sharedFileMaps = true;
    // pages wholly past the end of the file raise SIGBUS when touched
    const filePages = align(Math.max(0, fileStat.size - off), PAGE_SIZE);
    if (filePages < len) c.mem.markBeyondEof(at + filePages, len - filePages);
  }
  if (data) {
    c.mem.write(at, data, true);
    if (!(prot & PROT_WRITE)) c.mem.protect(at, len, prot);
  }
  c.p.cpu.flushBlocksIn(at, len);
  return at;
}

function munmap(c: SyscallContext): number {
  const addr = c.u(0);
  const len = c.u(1);
  if (addr % PAGE_SIZE !== 0 || len === 0 || addr + len > USER_TOP) return -EINVAL;
  if (c.p.sharedFileMaps) syncSharedFiles(c.mem, addr, len);
  c.mem.unmap(addr, align(len, PAGE_SIZE));
  c.p.cpu.flushBlocksIn(addr, len);
  return 0;
}

function mprotect(c: SyscallContext): number {
  const addr = c.u(0);
  const len = align(c.u(1), PAGE_SIZE);
  const prot = c.i(2);
  if (addr % PAGE_SIZE !== 0) return -EINVAL;
  if (prot & ~(PROT_ALL | 0x01000000 | 0x02000000)) return -EINVAL; // PROT_GROWSDOWN/UP accepted
  if (len === 0) return 0;
  if (!c.mem.protect(addr, len, prot & PROT_ALL)) return -ENOMEM;
  c.p.cpu.flushBlocksIn(addr, len);
  return 0;
}

function mremap(c: SyscallContext): number {
  const old = c.u(0);
  const oldLen = align(c.u(1), PAGE_SIZE);
  const newLen = align(c.u(2), PAGE_SIZE);
  const flags = c.i(3);
  const newAddr = c.u(4);
  if (old % PAGE_SIZE !== 0 || newLen === 0) return -EINVAL;
  if (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED | 4)) return -EINVAL;
  if (flags & MREMAP_FIXED && !(flags & MREMAP_MAYMOVE)) return -EINVAL;
  const area = c.mem.findArea(old);
  if (!area || oldLen === 0 || !c.mem.isMapped(old, oldLen)) return -EFAULT;
  if (!(flags & MREMAP_FIXED)) {
    if (newLen <= oldLen) {
      if (newLen < oldLen) c.mem.unmap(old + newLen, oldLen - newLen);
      return old;
    }
    // grow in place when the following range is free
    if (c.mem.isFree(old + oldLen, newLen - oldLen)) {
      if (!c.mem.map(old + oldLen, newLen - oldLen, area.prot, area.name)) return -ENOMEM;
      return old;
    }
    if (!(flags & MREMAP_MAYMOVE)) return -ENOMEM;
  }
  const dest = flags & MREMAP_FIXED ? newAddr : placeMapping(c, 0, newLen);
  if (dest < 0 || dest % PAGE_SIZE !== 0) return dest < 0 ? -ENOMEM : -EINVAL;
  const keep = Math.min(oldLen, newLen);
  const saved = new Uint8Array(keep);
  // read through backing even if the mapping is not readable
  for (let off = 0; off < keep; off += PAGE_SIZE) {
    const a = c.mem.findArea(old + off);
    if (a && a.phys >= 0) {
      const p = a.phys + (old + off - a.start);
      saved.set(c.mem.u8.subarray(p, p + Math.min(PAGE_SIZE, keep - off)), off);
    }
  }
  const prot = area.prot;
  const name = area.name;
  c.mem.unmap(old, oldLen);
  if (!c.mem.map(dest, newLen, prot, name)) return -ENOMEM;
  c.mem.write(dest, saved, true);
  c.p.cpu.flushBlocksIn(old, oldLen);
  c.p.cpu.flushBlocksIn(dest, newLen);
  return dest;
}

/** madvise advice values Linux accepts (MADV_HWPOISON/SOFT_OFFLINE need privileges a64play lacks). */
const MADV_KNOWN = new Set([0, 1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);

function madvise(c: SyscallContext): number {
  const addr = c.u(0);
  const len = align(c.u(1), PAGE_SIZE);
  const advice = c.i(2);
  if (addr % PAGE_SIZE !== 0 || !MADV_KNOWN.has(advice)) return -EINVAL;
  if (len === 0) return 0;
  if (!c.mem.isMapped(addr, len)) return -ENOMEM;
  if (advice === MADV_DONTNEED) {
    // private anonymous memory reads back as zeros, a private file mapping as the file's bytes;
    // shared memory keeps its contents
    c.mem.zero(addr, len, (a) => a.shared);
    for (const a of c.mem.areas) {
      const f = a.file as MappedFile | undefined;
      if (f && !f.shared && a.end > addr && a.start < addr + len) reloadFromFile(c.mem, a, f, Math.max(a.start, addr), Math.min(a.end, addr + len));
    }
  }
  return 0;
}

/** Copies the file's bytes for [from, to) of a file mapping back into memory (past EOF: zeros). */
function reloadFromFile(mem: GuestMemory, a: Area, f: MappedFile, from: number, to: number): void {
  const buf = new Uint8Array(to - from);
  const pos = a.offset + (from - a.start);
  let got = 0;
  while (got < buf.length) {
    const n = f.handle.read(buf.subarray(got), pos + got);
    if (n <= 0) break;
    got += n;
  }
  if (got > 0) mem.write(from, buf.subarray(0, got), true);
}

/**
 * After a write of [pos, pos+n) to a file through a descriptor: every MAP_SHARED mapping of the
 * same file, in any process, shows the new bytes (Linux shares the page cache; a64play copies).
 */
export function refreshSharedMappings(processes: Iterable<Process>, handle: FileHandle, pos: number, n: number): void {
  const st = handle.stat();
  if (typeof st === 'number') return;
  for (const p of processes) {
    if (!p.sharedFileMaps || p.exited) continue;
    for (const a of p.mem.areas) {
      const f = a.file as MappedFile | undefined;
      if (!f || !f.shared || f.dev !== st.dev || f.ino !== st.ino) continue;
      const from = Math.max(a.start, a.start + (pos - a.offset));
      const to = Math.min(a.end, a.start + (pos + n - a.offset));
      if (from < to) reloadFromFile(p.mem, a, { ...f, handle }, from, to);
    }
  }
}

export const memCalls: SyscallLine[] = [
  [214, 'brk', brk, 'ptr'],
  [215, 'munmap', munmap, 'ptr size'],
  [216, 'mremap', mremap, 'ptr size size hex ptr'],
  [222, 'mmap', mmap, 'ptr size prot mapflags fd off'],
  [226, 'mprotect', mprotect, 'ptr size prot'],
  [227, 'msync', (c) => {
    if (c.u(0) % PAGE_SIZE !== 0 || c.i(2) & ~7) return -EINVAL;
    if (!c.mem.isMapped(c.u(0), align(c.u(1), PAGE_SIZE))) return -ENOMEM;
    if (c.p.sharedFileMaps) syncSharedFiles(c.mem, c.u(0), c.u(1));
    return 0;
  }, 'ptr size hex'],
  [228, 'mlock', () => 0, 'ptr size'],
  [229, 'munlock', () => 0, 'ptr size'],
  [230, 'mlockall', () => 0, 'hex'],
  [231, 'munlockall', () => 0, ''],
  [233, 'madvise', madvise, 'ptr size int'],
  [232, 'mincore', (c) => {
    const len = align(c.u(1), PAGE_SIZE);
    if (!c.mem.isMapped(c.u(0), len)) return -ENOMEM;
    return c.mem.write(c.u(2), new Uint8Array(len / PAGE_SIZE).fill(1)) ? 0 : -EFAULT;
  }, 'ptr size ptr'],
];
