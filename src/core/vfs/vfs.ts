/**
 * The mount table: absolute guest paths are dispatched to the backend mounted at their longest
 * matching prefix. Optionally a sysroot prefix (the CLI's -L) is tried first for absolute paths,
 * as qemu-user does.
 */
import { EOPNOTSUPP, EXDEV } from '../linux/errno.js';
import type { Dirent, Err, FileHandle, FsBackend, Stat } from './types.js';

export interface Mount {
  prefix: string; // "/" or "/proc" (no trailing slash)
  fs: FsBackend;
}

/** Lexically normalises an absolute path; keeps one trailing slash if the input had one. */
export function normalizePath(path: string): string {
  const trailing = path.length > 1 && path.endsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  const p = '/' + out.join('/');
  return trailing && p !== '/' ? p + '/' : p;
}

/** Joins a possibly relative path onto a directory. */
export function joinPath(dir: string, path: string): string {
  return normalizePath(path.startsWith('/') ? path : dir + '/' + path);
}

/** A change made through the mount table, as an observer (inotify) is told of it. */
export type VfsChange =
  | { op: 'open'; path: string; flags: number }
  | { op: 'create'; path: string }
  | { op: 'remove'; path: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'link'; from: string; to: string }
  | { op: 'attrib'; path: string; follow: boolean }
  | { op: 'modify'; path: string };

export interface VfsObserver {
  /** Called before the change is made; returns what to call if it succeeds (null: nothing to tell). */
  before(change: VfsChange): (() => void) | null;
}

export class Vfs {
  private mounts: Mount[] = [];
  /** told of every change made through here (inotify's watches); null when nobody listens */
  observer: VfsObserver | null = null;

  /** Runs `act` (a backend call returning 0 or a handle on success, -errno on failure), telling the observer. */
  private observed<T>(change: VfsChange, act: () => T): T {
    const after = this.observer?.before(change) ?? null;
    const r = act();
    if (after && (typeof r !== 'number' || r >= 0)) after();
    return r;
  }
  /** sysroot tried first for absolute paths (qemu's -L); '' for none */
  sysroot = '';

  mount(prefix: string, fs: FsBackend): void {
    const p = prefix === '/' ? '/' : normalizePath(prefix).replace(/\/$/, '');
    this.mounts = this.mounts.filter((m) => m.prefix !== p);
    this.mounts.push({ prefix: p, fs });
    this.mounts.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  mountList(): readonly Mount[] {
    return this.mounts;
  }

  /** Finds the backend and the path inside it for an absolute, normalised guest path. */
  resolve(path: string, useSysroot = true): { fs: FsBackend; rel: string; mount: Mount } {
    if (useSysroot && this.sysroot) {
      const alt = normalizePath(this.sysroot + path);
      const r = this.resolve(alt, false);
      if (typeof r.fs.stat(r.rel, false) !== 'number') return r;
    }
    for (const m of this.mounts) {
      if (m.prefix === '/') return { fs: m.fs, rel: path, mount: m };
      if (path === m.prefix || path.startsWith(m.prefix + '/'))
        return { fs: m.fs, rel: path.slice(m.prefix.length) || '/', mount: m };
    }
    throw new Error('no root filesystem mounted');
  }

  /**
   * The canonical form of an absolute path: every symbolic link on the way resolved (what
   * /proc/PID/exe shows). Returns the path unchanged where a component cannot be read.
   */
  realpath(path: string): string {
    let done = '';
    let rest = normalizePath(path).split('/').filter(Boolean);
    for (let links = 0; rest.length; ) {
      const next = done + '/' + rest[0];
      const st = this.stat(next, false);
      if (typeof st !== 'number' && (st.mode & 0o170000) === 0o120000 && links++ < 40) {
        const target = this.readlink(next);
        if (typeof target === 'number') return path;
        rest = [...normalizePath(target.startsWith('/') ? target : done + '/' + target).split('/').filter(Boolean), ...rest.slice(1)];
        done = '';
        continue;
      }
      done = next;
      rest = rest.slice(1);
    }
    return done || '/';
  }

  /**
   * The identity of the inode `path` reaches, as AF_UNIX names, FIFOs and inotify watches key it:
   * its mount, device, inode number and type; with its stat.
   */
  identify(path: string, follow = true): { key: string; st: Stat } | Err {
    const st = this.stat(path, follow);
    if (typeof st === 'number') return st;
    const { mount } = this.resolve(follow ? this.realpath(path) : path);
    return { key: `${mount.prefix}\0${st.dev}:${st.ino}:${st.mode & 0o170000}`, st };
  }

  stat(path: string, follow = true): Stat | Err {
    const { fs, rel } = this.resolve(path);
    return fs.stat(rel, follow);
  }
  open(path: string, flags: number, mode = 0o666): FileHandle | Err {
    const { fs, rel } = this.resolve(path);
    return this.observed({ op: 'open', path, flags }, () => fs.open(rel, flags, mode));
  }
  mkdir(path: string, mode: number): number {
    const { fs, rel } = this.resolve(path);
    return this.observed({ op: 'create', path }, () => fs.mkdir(rel, mode));
  }
  rmdir(path: string): number {
    const { fs, rel } = this.resolve(path);
    return this.observed({ op: 'remove', path }, () => fs.rmdir(rel));
  }
  unlink(path: string): number {
    const { fs, rel } = this.resolve(path);
    return this.observed({ op: 'remove', path }, () => fs.unlink(rel));
  }
  rename(from: string, to: string, flags = 0): number {
    const a = this.resolve(from);
    const b = this.resolve(to);
    if (a.mount !== b.mount) return -EXDEV;
    return this.observed({ op: 'rename', from, to }, () => a.fs.rename(a.rel, b.rel, flags));
  }
  link(from: string, to: string): number {
    const a = this.resolve(from);
    const b = this.resolve(to);
    if (a.mount !== b.mount) return -EXDEV;
    return this.observed({ op: 'link', from, to }, () => a.fs.link(a.rel, b.rel));
  }
  symlink(target: string, path: string): number {
    const { fs, rel } = this.resolve(path);
    return this.observed({ op: 'create', path }, () => fs.symlink(target, rel));
  }
  /** mknod of a FIFO or socket node (backends without it: EOPNOTSUPP) */
  mknod(path: string, mode: number, rdev: number): number {
    const { fs, rel } = this.resolve(path);
    return fs.mknod ? this.observed({ op: 'create', path }, () => fs.mknod!(rel, mode, rdev)) : -EOPNOTSUPP;
  }
  readlink(path: string): string | Err {
    const { fs, rel } = this.resolve(path);
    return fs.readlink(rel);
  }
  /**
   * Where a call that follows symbolic links acts: a path into /proc (`/proc/self/fd/3`,
   * `/proc/self/cwd/x`) names the file its links point at, as Linux's "magic" links do; glibc's
   * fchmodat(AT_SYMLINK_NOFOLLOW) chmods "/proc/self/fd/N" of an O_PATH descriptor. Other paths
   * are left to the backend, which follows links itself.
   */
  private followed(path: string): string {
    return this.resolve(path, false).fs.kind === 'proc' ? this.realpath(path) : path;
  }
  chmod(path: string, mode: number): number {
    const p = this.followed(path);
    const { fs, rel } = this.resolve(p);
    return this.observed({ op: 'attrib', path: p, follow: true }, () => fs.chmod(rel, mode));
  }
  chown(path: string, uid: number, gid: number, follow: boolean): number {
    const p = follow ? this.followed(path) : path;
    const { fs, rel } = this.resolve(p);
    return this.observed({ op: 'attrib', path: p, follow }, () => (fs.chown ? fs.chown(rel, uid, gid, follow) : 0));
  }
  utimes(path: string, atimeNs: number | null, mtimeNs: number | null, follow: boolean): number {
    const p = follow ? this.followed(path) : path;
    const { fs, rel } = this.resolve(p);
    return this.observed({ op: 'attrib', path: p, follow }, () => fs.utimes(rel, atimeNs, mtimeNs, follow));
  }
  truncate(path: string, len: number): number {
    const p = this.followed(path);
    const { fs, rel } = this.resolve(p);
    return this.observed({ op: 'modify', path: p }, () => fs.truncate(rel, len));
  }
  readdir(path: string): Dirent[] | Err {
    const { fs, rel } = this.resolve(path);
    return fs.readdir(rel);
  }
  access(path: string, mode: number): number {
    const { fs, rel } = this.resolve(path);
    return fs.access(rel, mode);
  }

  /** Reads a whole file (for exec and the dynamic loader). */
  readFile(path: string): Uint8Array | Err {
    const { fs, rel } = this.resolve(path);
    const h = fs.open(rel, 0, 0);
    if (typeof h === 'number') return h;
    try {
      const st = h.stat();
      if (typeof st === 'number') return st;
      const chunks: Uint8Array[] = [];
      let total = 0;
      for (;;) {
        const buf = new Uint8Array(Math.max(65536, st.size - total));
        const n = h.read(buf, total);
        if (n < 0) return n;
        if (n === 0) break;
        chunks.push(buf.subarray(0, n));
        total += n;
      }
      const out = new Uint8Array(total);
      let o = 0;
      for (const c of chunks) {
        out.set(c, o);
        o += c.length;
      }
      return out;
    } finally {
      h.close();
    }
  }
}
