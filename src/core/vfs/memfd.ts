/**
 * memfd_create(2): an anonymous regular file in memory (an O_TMPFILE file of a private MemFs),
 * shown as "/memfd:NAME (deleted)", with Linux's file seals (F_ADD_SEALS / F_GET_SEALS).
 */
import { EINVAL, EPERM } from '../linux/errno.js';
import { O_RDWR, O_TMPFILE } from './flags.js';
import { MemFs } from './memfs.js';
import type { Err, FileHandle, Stat } from './types.js';

export const MFD_CLOEXEC = 0x1;
export const MFD_ALLOW_SEALING = 0x2;
export const MFD_HUGETLB = 0x4;
export const MFD_NOEXEC_SEAL = 0x8;
export const MFD_EXEC = 0x10;
/** NAME_MAX minus "memfd:" */
export const MFD_NAME_MAX_LEN = 249;

export const F_ADD_SEALS = 1033;
export const F_GET_SEALS = 1034;
export const F_SEAL_SEAL = 0x1;
export const F_SEAL_SHRINK = 0x2;
export const F_SEAL_GROW = 0x4;
export const F_SEAL_WRITE = 0x8;
export const F_SEAL_FUTURE_WRITE = 0x10;
export const F_SEAL_EXEC = 0x20;
const PAGE = 4096;
const ALL_SEALS = F_SEAL_SEAL | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_FUTURE_WRITE | F_SEAL_EXEC;

/** Where memfds live: one small in-memory filesystem (its files have no names). */
export class MemFdStore {
  private readonly fs: MemFs;
  constructor(clock?: () => number) {
    this.fs = new MemFs({ clock, dev: 0x1, kind: 'tmpfs' });
  }

  /** memfd_create after the name and flags were checked */
  create(name: string, flags: number): MemFd | Err {
    const inner = this.fs.open('/', O_TMPFILE | O_RDWR, 0o777);
    if (typeof inner === 'number') return inner;
    return new MemFd(inner, name, flags);
  }
}

export class MemFd implements FileHandle {
  readonly seekable = true;
  readonly path: string;
  private seals: number;
  private mode: number;

  constructor(
    private readonly inner: FileHandle,
    name: string,
    flags: number,
  ) {
    this.path = `/memfd:${name} (deleted)`;
    this.mode = 0o777;
    this.seals = F_SEAL_SEAL;
    if (flags & MFD_NOEXEC_SEAL) {
      this.mode &= ~0o111;
      this.seals = F_SEAL_EXEC;
    } else if (flags & MFD_ALLOW_SEALING) this.seals = 0;
  }

  private size(): number {
    const st = this.inner.stat();
    return typeof st === 'number' ? 0 : st.size;
  }

  read(buf: Uint8Array, pos: number): number {
    return this.inner.read(buf, pos);
  }

  write(buf: Uint8Array, pos: number): number {
    if (this.seals & (F_SEAL_WRITE | F_SEAL_FUTURE_WRITE)) return -EPERM;
    const size = this.size();
    if (this.seals & F_SEAL_GROW && pos + buf.length > size) {
      // written page by page: the pages below the size go in, the one that would grow the file fails
      let n = 0;
      while (n < buf.length) {
        const end = Math.min(pos + buf.length, (Math.floor((pos + n) / PAGE) + 1) * PAGE);
        if (end > size) break;
        n = end - pos;
      }
      if (n === 0) return -EPERM;
      return this.inner.write(buf.subarray(0, n), pos);
    }
    return this.inner.write(buf, pos);
  }

  truncate(len: number): number {
    const size = this.size();
    if (this.seals & F_SEAL_SHRINK && len < size) return -EPERM;
    if (this.seals & F_SEAL_GROW && len > size) return -EPERM;
    return this.inner.truncate(len);
  }

  stat(): Stat | Err {
    const st = this.inner.stat();
    if (typeof st === 'number') return st;
    return { ...st, mode: (st.mode & ~0o7777) | this.mode, nlink: 0 };
  }

  /** fchmod: F_SEAL_EXEC forbids changing the exec bits */
  chmod(mode: number): number {
    if (this.seals & F_SEAL_EXEC && (mode ^ this.mode) & 0o111) return -EPERM;
    this.mode = mode & 0o7777;
    return 0;
  }

  sync(): number {
    return 0;
  }

  close(): void {
    this.inner.close();
  }

  /** F_GET_SEALS */
  getSeals(): number {
    return this.seals;
  }

  /** F_ADD_SEALS (the caller checks that the descriptor is open for writing: EPERM otherwise) */
  addSeals(seals: number): number {
    if (seals & ~ALL_SEALS) return -EINVAL;
    if (this.seals & F_SEAL_SEAL) return -EPERM;
    // sealing an executable memfd against exec changes freezes its contents too
    if (seals & F_SEAL_EXEC && this.mode & 0o111) seals |= F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_FUTURE_WRITE;
    this.seals |= seals;
    return 0;
  }
}
