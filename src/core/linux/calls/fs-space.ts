/**
 * Calls about a file's space and its way to storage: fallocate (as tmpfs does it: extend, punch
 * holes and zero ranges by writing zeros; collapse and insert are EOPNOTSUPP), and syncfs,
 * sync_file_range and readahead, which check their arguments and have nothing to wait for.
 */
import { EBADF, EFBIG, EINVAL, EISDIR, ENODEV, EOPNOTSUPP, ESPIPE } from '../errno.js';
import { S_IFDIR, S_IFIFO, S_IFMT, S_IFREG, S_IFSOCK } from '../../vfs/types.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';
import { canRead, canWrite, fileOf } from './fs.js';

const FALLOC_FL_KEEP_SIZE = 0x01;
const FALLOC_FL_PUNCH_HOLE = 0x02;
const FALLOC_FL_COLLAPSE_RANGE = 0x08;
const FALLOC_FL_ZERO_RANGE = 0x10;
const FALLOC_FL_INSERT_RANGE = 0x20;
const FALLOC_FL_UNSHARE_RANGE = 0x40;
const FALLOC_KNOWN = FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE | FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_ZERO_RANGE |
  FALLOC_FL_INSERT_RANGE | FALLOC_FL_UNSHARE_RANGE;
/** MAX_LFS_FILESIZE on 64-bit */
const MAX_FILE = 2 ** 63 - 1;
const ZEROS = new Uint8Array(65536);

/** Writes zeros over [from, to) of the file. */
function zero(h: { write(b: Uint8Array, pos: number): number }, from: number, to: number): number {
  for (let p = from; p < to; ) {
    const n = h.write(ZEROS.subarray(0, Math.min(ZEROS.length, to - p)), p);
    if (n < 0) return n;
    p += n;
  }
  return 0;
}

function fallocate(c: SyscallContext): number {
  const mode = c.i(1);
  const offset = c.s(2);
  const len = c.s(3);
  if (offset < 0 || len <= 0) return -EINVAL;
  if (mode & ~FALLOC_KNOWN) return -EOPNOTSUPP;
  // punching a hole must keep the size, and zeroing cannot be combined with it
  if (mode & FALLOC_FL_PUNCH_HOLE && (!(mode & FALLOC_FL_KEEP_SIZE) || mode & FALLOC_FL_ZERO_RANGE)) return -EOPNOTSUPP;
  const f = fileOf(c, c.i(0));
  if (typeof f === 'number') return f;
  if (!canWrite(f)) return -EBADF;
  const st = f.handle.stat();
  if (typeof st === 'number') return st;
  const type = st.mode & S_IFMT;
  if (type === S_IFDIR) return -EISDIR;
  if (type === S_IFIFO || type === S_IFSOCK) return -ESPIPE;
  if (type !== S_IFREG) return -ENODEV;
  if (offset + len > MAX_FILE) return -EFBIG;
  if (mode & (FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_INSERT_RANGE | FALLOC_FL_UNSHARE_RANGE)) return -EOPNOTSUPP;
  const end = offset + len;
  if (mode & (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE)) {
    const e = zero(f.handle, offset, Math.min(end, st.size));
    if (e < 0) return e;
  }
  if (!(mode & FALLOC_FL_KEEP_SIZE) && end > st.size) return f.handle.truncate(end);
  return 0;
}

/** The descriptor argument `i`: 0 when open, else -EBADF. */
function openFd(c: SyscallContext, i: number): number {
  const f = fileOf(c, c.i(i));
  return typeof f === 'number' ? f : 0;
}

const SYNC_FILE_RANGE_ALL = 7;

export const spaceCalls: SyscallLine[] = [
  [47, 'fallocate', fallocate, 'fd hex off off'],
  [267, 'syncfs', (c) => openFd(c, 0), 'fd'],
  [84, 'sync_file_range', (c) => {
    if (c.i(3) & ~SYNC_FILE_RANGE_ALL || c.s(1) < 0 || c.s(2) < 0) return -EINVAL;
    const f = fileOf(c, c.i(0));
    if (typeof f === 'number') return f;
    const st = f.handle.stat();
    if (typeof st === 'number') return st;
    const type = st.mode & S_IFMT;
    return type === S_IFREG || type === S_IFDIR ? 0 : -ESPIPE;
  }, 'fd off off hex'],
  [213, 'readahead', (c) => {
    const f = fileOf(c, c.i(0));
    if (typeof f === 'number') return f;
    if (!canRead(f)) return -EBADF;
    const st = f.handle.stat();
    if (typeof st === 'number') return st;
    return (st.mode & S_IFMT) === S_IFREG ? 0 : -EINVAL;
  }, 'fd off size'],
];
