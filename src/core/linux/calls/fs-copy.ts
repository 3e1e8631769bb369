/**
 * Copies between descriptors inside the kernel: sendfile(2) and copy_file_range(2). Both move at
 * most one chunk per call, as a read followed by a write, and report how many bytes the write
 * took; a blocking output that is full parks the call. Their checks and their order are Linux's
 * (fs/read_write.c).
 */
import { O_APPEND, StructReader, StructWriter } from '../abi.js';
import { EBADF, EFAULT, EINVAL, EISDIR, ESPIPE } from '../errno.js';
import type { OpenFile } from '../process.js';
import { S_IFDIR, S_IFMT, S_IFREG } from '../../vfs/types.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';
import { canRead, canWrite, fileOf, waitIfNotReady, writeBytes } from './fs.js';

/** Largest chunk one call moves. */
const CHUNK = 1 << 20;

/** Reads the loff_t at `addr` (0: none): the offset, null for none, or -EFAULT as a number in an array. */
function readOffset(c: SyscallContext, addr: number): number | null | [number] {
  if (addr === 0) return null;
  const raw = c.mem.read(addr, 8);
  return raw ? new StructReader(raw).i64(0) : [-EFAULT];
}

/**
 * Moves up to `count` bytes from `fin` (a seekable file) at `inPos` (its file position when null) to
 * `fout` at `outPos` (likewise). Positions taken from the descriptors advance by what was written,
 * so bytes read but not taken are read again by the next call.
 */
function transfer(c: SyscallContext, fin: OpenFile, inPos: number | null, fout: OpenFile, outPos: number | null, count: number): number {
  const buf = new Uint8Array(Math.min(count, CHUNK));
  const from = inPos ?? fin.pos;
  const n = fin.handle.read(buf, from);
  if (n <= 0) return n;
  const w = writeBytes(c, fout, buf.subarray(0, n), outPos);
  if (w > 0 && inPos === null && fin.handle.seekable) fin.pos = from + w;
  return w;
}

function sendfile(c: SyscallContext): number {
  const fout = fileOf(c, c.i(0));
  if (typeof fout === 'number') return fout;
  const fin = fileOf(c, c.i(1));
  if (typeof fin === 'number') return fin;
  if (!canRead(fin) || !canWrite(fout)) return -EBADF;
  if (fout.flags & O_APPEND) return -EINVAL;
  const offAddr = c.u(2);
  const off = readOffset(c, offAddr);
  if (Array.isArray(off)) return off[0];
  if (off !== null && !fin.handle.seekable) return -ESPIPE;
  if (off !== null && off < 0) return -EINVAL;
  // as in Linux 6.1, the input must be a file: a pipe cannot give back what the output did not take
  if (!fin.handle.seekable) return -EINVAL;
  const count = Math.min(c.u(3), 0x7ffff000);
  if (count === 0) return 0;
  const n = waitIfNotReady(c, fout, transfer(c, fin, off, fout, null, count));
  if (n > 0 && off !== null && !c.mem.write(offAddr, new StructWriter(8).u64(0, off + n).bytes)) return -EFAULT;
  return n;
}

function copyFileRange(c: SyscallContext): number {
  if (c.ui(5) !== 0) return -EINVAL;
  const fin = fileOf(c, c.i(0));
  if (typeof fin === 'number') return fin;
  const fout = fileOf(c, c.i(2));
  if (typeof fout === 'number') return fout;
  const inAddr = c.u(1);
  const outAddr = c.u(3);
  const inOff = readOffset(c, inAddr);
  if (Array.isArray(inOff)) return inOff[0];
  const outOff = readOffset(c, outAddr);
  if (Array.isArray(outOff)) return outOff[0];
  const sin = fin.handle.stat();
  if (typeof sin === 'number') return sin;
  const sout = fout.handle.stat();
  if (typeof sout === 'number') return sout;
  if ((sin.mode & S_IFMT) === S_IFDIR || (sout.mode & S_IFMT) === S_IFDIR) return -EISDIR;
  if ((sin.mode & S_IFMT) !== S_IFREG || (sout.mode & S_IFMT) !== S_IFREG) return -EINVAL;
  if (!canRead(fin) || !canWrite(fout) || fout.flags & O_APPEND) return -EBADF;
  const pin = inOff ?? fin.pos;
  const pout = outOff ?? fout.pos;
  if (pin < 0 || pout < 0) return -EINVAL;
  const count = Math.min(c.u(4), 0x7ffff000);
  if (count === 0) return 0;
  // the same file, overlapping ranges
  if (sin.dev === sout.dev && sin.ino === sout.ino && pin + count > pout && pin < pout + count) return -EINVAL;
  const n = transfer(c, fin, inOff, fout, outOff ?? pout, count);
  if (n <= 0) return n;
  if (outOff === null) fout.pos = pout + n;
  if (inOff !== null && !c.mem.write(inAddr, new StructWriter(8).u64(0, inOff + n).bytes)) return -EFAULT;
  if (outOff !== null && !c.mem.write(outAddr, new StructWriter(8).u64(0, outOff + n).bytes)) return -EFAULT;
  return n;
}

export const copyCalls: SyscallLine[] = [
  [71, 'sendfile', sendfile, 'fd fd ptr size'],
  [285, 'copy_file_range', copyFileRange, 'fd ptr fd ptr size uint'],
];
