/**
 * An in-memory filesystem with Linux tmpfs semantics: a tree of inodes (regular files, directories,
 * symlinks) with hard links, open-but-unlinked files, rename(2)'s rules, symlink resolution
 * inside the tree and nanosecond timestamps from an injectable clock. The browser's root
 * filesystem and the unit tests' sandbox.
 *
 * The FsBackend methods return values or negative errnos, as the kernel expects. The host helpers
 * (writeFile, readFile, mkdirp, exportSnapshot, importSnapshot) throw instead: a failure there is
 * the host's mistake, not the guest's.
 */
import {
  EACCES, EBADF, EBUSY, EEXIST, EFBIG, EINVAL, EISDIR, ELOOP, ENAMETOOLONG, ENOENT, ENOSPC, ENOTDIR, ENOTEMPTY,
  EPERM, errnoNames,
} from '../linux/errno.js';
import { utf8Encode } from '../util/utf8.js';
import {
  O_ACCMODE, O_APPEND, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_PATH, O_RDONLY, O_TMPFILE, O_TRUNC,
  O_RDWR, O_WRONLY, RENAME_EXCHANGE, RENAME_NOREPLACE, X_OK, __O_TMPFILE, dtFromMode,
} from './flags.js';
import {
  type Dirent, type Err, type FileHandle, type FsBackend, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK, type Stat,
} from './types.js';

export interface MemFsOptions {
  /** The current time in nanoseconds since the epoch (default: Date.now() in ns). */
  clock?: () => number;
  /** st_dev of every inode (default 0x2a). */
  dev?: number;
  /** Files may not grow beyond this many bytes: EFBIG (default 1 GiB). */
  maxFileSize?: number;
  /** The type shown in /proc/mounts (default 'tmpfs'). */
  kind?: string;
}

/** One inode of a snapshot. Entries come parents first; '/' is the root itself. */
export interface MemFsEntry {
  path: string;
  /** st_mode: type and permission bits (S_IFREG, S_IFDIR, S_IFLNK, S_IFIFO or S_IFSOCK). */
  mode: number;
  uid?: number;
  gid?: number;
  atimeNs?: number;
  mtimeNs?: number;
  ctimeNs?: number;
  /** A regular file's contents; bytes from data.length up to `size` read as zeros. */
  data?: Uint8Array;
  /** A regular file's size when it is larger than data.length (a sparse tail). */
  size?: number;
  /** A symlink's target. */
  target?: string;
  /** Another name of an earlier entry's inode (a hard link); mode and the rest are taken from it. */
  linkOf?: string;
}

/** A serialisable image of a MemFs: plain objects and Uint8Arrays (structured-clone and IndexedDB safe). */
export interface MemFsSnapshot {
  version: 1;
  entries: MemFsEntry[];
}

const MAX_SYMLINK_HOPS = 40; // Linux's MAXSYMLINKS
const NAME_MAX = 255;
const PATH_MAX = 4096;
const PAGE = 4096;
const BOGO_DIRENT_SIZE = 20; // tmpfs counts this many bytes of directory size per entry
const DAY_NS = 86_400e9;
const EMPTY = new Uint8Array(0);

// ---- inodes ----

class Inode {
  nlink = 1;
  uid = 0;
  gid = 0;
  atimeNs: number;
  mtimeNs: number;
  ctimeNs: number;
  constructor(
    readonly ino: number,
    public mode: number,
    now: number,
  ) {
    this.atimeNs = now;
    this.mtimeNs = now;
    this.ctimeNs = now;
  }
}

class FileNode extends Inode {
  /** Backing store; its length is capacity. Bytes at and after `stored` are always zero. */
  data: Uint8Array = EMPTY;
  /** How many leading bytes of `data` hold contents; [stored, size) is a hole that reads as zeros. */
  stored = 0;
  size = 0;
}

class DirNode extends Inode {
  readonly entries = new Map<string, Node>();
  /** '..' (the root is its own parent) */
  parent: DirNode = this;
  /** set by rmdir: an open handle may still list it (empty) */
  removed = false;
  constructor(ino: number, mode: number, now: number) {
    super(ino, mode, now);
    this.nlink = 2;
  }
}

class LinkNode extends Inode {
  constructor(
    ino: number,
    now: number,
    readonly target: string,
  ) {
    super(ino, S_IFLNK | 0o777, now);
  }
}

type Node = FileNode | DirNode | LinkNode;

// ---- file contents ----

function readBytes(f: FileNode, buf: Uint8Array, pos: number): number {
  if (pos >= f.size) return 0;
  const n = Math.min(buf.length, f.size - pos);
  const fromStore = Math.max(0, Math.min(n, f.stored - pos));
  if (fromStore > 0) buf.set(f.data.subarray(pos, pos + fromStore));
  if (fromStore < n) buf.fill(0, fromStore, n);
  return n;
}

/** Makes room for `end` stored bytes; false when the memory cannot be had. */
function reserve(f: FileNode, end: number, max: number): boolean {
  if (end <= f.data.length) return true;
  const cap = Math.max(end, Math.min(max, f.data.length * 2), 64);
  let grown: Uint8Array;
  try {
    grown = new Uint8Array(cap);
  } catch {
    return false;
  }
  grown.set(f.data.subarray(0, f.stored));
  f.data = grown;
  return true;
}

function writeBytes(f: FileNode, buf: Uint8Array, pos: number, max: number): number {
  if (pos >= max) return -EFBIG;
  const n = Math.min(buf.length, max - pos); // a short write up to the limit, as Linux does
  const end = pos + n;
  if (!reserve(f, end, max)) return -ENOSPC;
  f.data.set(n === buf.length ? buf : buf.subarray(0, n), pos); // a gap past `stored` is already zero
  if (end > f.stored) f.stored = end;
  if (end > f.size) f.size = end;
  return n;
}

function resize(f: FileNode, len: number): void {
  if (len < f.stored) {
    f.data.fill(0, len, f.stored); // keep the zero invariant for a later extension
    f.stored = len;
    if (f.data.length > 2 * PAGE && len < f.data.length / 4) f.data = f.data.slice(0, len);
  }
  f.size = len;
}

// ---- path lookup ----

const LAST_NORM = 0;
const LAST_DOT = 1;
const LAST_DOTDOT = 2;
const LAST_ROOT = 3;

/** Where a path ends: the directory holding its last component, and what (if anything) is there. */
interface Lookup {
  dir: DirNode;
  name: string;
  /** LAST_NORM for an ordinary name; '.', '..' and '/' get their own kinds (rename, rmdir... refuse them) */
  last: number;
  node: Node | undefined;
  /** the path, or the target of a symlink it ended in, ended in '/': it must name a directory */
  slash: boolean;
}

/** Whether the path ends in '/' after a name: it must then name a directory. */
function endsWithSlash(path: string): boolean {
  return path.length > 1 && path.charCodeAt(path.length - 1) === 47 && /[^/]/.test(path);
}

function nameTooLong(name: string): boolean {
  return name.length * 3 > NAME_MAX && utf8Encode(name).length > NAME_MAX;
}

function errText(e: number): string {
  return errnoNames[-e] ?? `errno ${-e}`;
}

// ---- the filesystem ----

export class MemFs implements FsBackend {
  readonly kind: string;
  readonly dev: number;
  readonly maxFileSize: number;
  private readonly clock: () => number;
  private nextIno = 1;
  private root: DirNode;

  constructor(options: MemFsOptions = {}) {
    this.clock = options.clock ?? (() => Date.now() * 1e6);
    this.dev = options.dev ?? 0x2a;
    this.maxFileSize = options.maxFileSize ?? 2 ** 30;
    this.kind = options.kind ?? 'tmpfs';
    this.root = new DirNode(this.nextIno++, S_IFDIR | 0o755, this.clock());
  }

  static fromSnapshot(snapshot: MemFsSnapshot, options?: MemFsOptions): MemFs {
    const fs = new MemFs(options);
    fs.importSnapshot(snapshot);
    return fs;
  }

  // -- lookup --

  private lookup(path: string, follow: boolean): Lookup | Err {
    if (path.length >= PATH_MAX && utf8Encode(path).length >= PATH_MAX) return -ENAMETOOLONG;
    return this.walk(this.root, path, follow, { n: 0 });
  }

  /**
   * Walks `path` from `start` (or the root if absolute). Symlinks met on the way are followed,
   * the last one only if `follow`; absolute targets start at this filesystem's root, relative
   * ones at the link's directory.
   */
  private walk(start: DirNode, path: string, follow: boolean, hops: { n: number }): Lookup | Err {
    let dir = path.charCodeAt(0) === 47 ? this.root : start;
    const parts = path.split('/');
    let end = parts.length;
    while (end > 0 && parts[end - 1] === '') end--;
    const trailingSlash = end > 0 && end < parts.length;
    for (let i = 0; i < end; i++) {
      const name = parts[i]!;
      if (name === '') continue;
      if (nameTooLong(name)) return -ENAMETOOLONG;
      const isLast = i === end - 1;
      let node: Node | undefined;
      let last = LAST_NORM;
      if (name === '.') {
        node = dir;
        last = LAST_DOT;
      } else if (name === '..') {
        node = dir.parent;
        last = LAST_DOTDOT;
      } else {
        node = dir.entries.get(name);
      }
      if (node instanceof LinkNode && (follow || !isLast)) {
        if (++hops.n > MAX_SYMLINK_HOPS) return -ELOOP;
        if (node.target === '') return -ENOENT;
        const r = this.walk(dir, node.target, true, hops);
        if (typeof r === 'number') return r;
        if (isLast) return trailingSlash && !r.slash ? { ...r, slash: true } : r;
        node = r.node;
      }
      if (isLast) return { dir, name, last, node, slash: trailingSlash };
      if (!node) return -ENOENT;
      if (!(node instanceof DirNode)) return -ENOTDIR;
      dir = node;
    }
    return { dir, name: '', last: LAST_ROOT, node: dir, slash: false };
  }

  /** What a path names, for stat-like calls: a trailing slash follows a last symlink and demands a directory. */
  private object(path: string, follow: boolean): Node | Err {
    const slash = endsWithSlash(path);
    const r = this.lookup(path, follow || slash);
    if (typeof r === 'number') return r;
    if (!r.node) return -ENOENT;
    if ((slash || r.slash) && !(r.node instanceof DirNode)) return -ENOTDIR;
    return r.node;
  }

  // -- inode bookkeeping --

  private stamp(n: Inode, now: number): void {
    n.mtimeNs = now;
    n.ctimeNs = now;
  }

  /** relatime: atime moves only when it is older than mtime/ctime or a day old. */
  private touchAtime(n: Inode): void {
    const now = this.clock();
    if (n.atimeNs <= n.mtimeNs || n.atimeNs <= n.ctimeNs || now - n.atimeNs >= DAY_NS) n.atimeNs = now;
  }

  private attach(dir: DirNode, name: string, node: Node): void {
    dir.entries.set(name, node);
    if (node instanceof DirNode) {
      node.parent = dir;
      dir.nlink++;
    }
  }

  private detach(dir: DirNode, name: string, node: Node): void {
    dir.entries.delete(name);
    if (node instanceof DirNode) dir.nlink--;
  }

  /** The last name of `node` is gone: a directory dies, a file loses one link (its data lives while open). */
  private dropLink(node: Node, now: number): void {
    if (node instanceof DirNode) {
      node.nlink = 0;
      node.removed = true;
    } else {
      node.nlink--;
    }
    node.ctimeNs = now;
  }

  private newFile(mode: number, now: number): FileNode {
    return new FileNode(this.nextIno++, S_IFREG | (mode & 0o7777), now);
  }

  /** @internal for handles (Node is not exported) */
  statOf(node: Node): Stat {
    let size = 0;
    let blocks = 0;
    if (node instanceof FileNode) {
      size = node.size;
      blocks = Math.ceil(node.stored / PAGE) * (PAGE / 512);
    } else if (node instanceof DirNode) {
      size = node.removed ? 0 : (node.entries.size + 2) * BOGO_DIRENT_SIZE;
    } else {
      size = utf8Encode(node.target).length;
    }
    return {
      dev: this.dev, ino: node.ino, mode: node.mode, nlink: node.nlink, uid: node.uid, gid: node.gid, rdev: 0,
      size, blksize: PAGE, blocks, atimeNs: node.atimeNs, mtimeNs: node.mtimeNs, ctimeNs: node.ctimeNs,
    };
  }

  /** @internal getdents64's view of a directory: '.', '..', then the entries in creation order. */
  listDir(dir: DirNode): Dirent[] {
    if (dir.removed) return [];
    this.touchAtime(dir);
    const out: Dirent[] = [
      { name: '.', ino: dir.ino, type: dtFromMode(S_IFDIR) },
      { name: '..', ino: dir.parent.ino, type: dtFromMode(S_IFDIR) },
    ];
    for (const [name, n] of dir.entries) out.push({ name, ino: n.ino, type: dtFromMode(n.mode) });
    return out;
  }

  /** @internal for handles */
  fileRead(f: FileNode, buf: Uint8Array, pos: number): number {
    if (pos < 0) return -EINVAL;
    const n = readBytes(f, buf, pos);
    if (buf.length > 0) this.touchAtime(f);
    return n;
  }

  /** @internal for handles */
  fileWrite(f: FileNode, buf: Uint8Array, pos: number): number {
    if (pos < 0) return -EINVAL;
    if (buf.length === 0) return 0;
    const n = writeBytes(f, buf, pos, this.maxFileSize);
    if (n > 0) this.stamp(f, this.clock());
    return n;
  }

  /** @internal truncate(2)'s rules: times change only when the size does */
  fileTruncate(f: FileNode, len: number): number {
    if (len < 0) return -EINVAL;
    if (len > this.maxFileSize) return -EFBIG;
    if (len === f.size) return 0;
    resize(f, len);
    this.stamp(f, this.clock());
    return 0;
  }

  // -- FsBackend --

  stat(path: string, follow: boolean): Stat | Err {
    const n = this.object(path, follow);
    return typeof n === 'number' ? n : this.statOf(n);
  }

  open(path: string, flags: number, mode: number): FileHandle | Err {
    if (flags & O_PATH) return this.openPath(path, flags);
    if ((flags & O_TMPFILE) === O_TMPFILE) return this.openTmpfile(path, flags, mode);
    if (flags & __O_TMPFILE) return -EINVAL;
    const acc = flags & O_ACCMODE;
    const creat = (flags & O_CREAT) !== 0;
    const excl = creat && (flags & O_EXCL) !== 0;
    if (creat && flags & O_DIRECTORY) return -EINVAL; // as Linux 6.4+
    const slash = endsWithSlash(path);
    // O_CREAT|O_EXCL never follows a last symlink: it must fail with EEXIST
    const r = this.lookup(path, slash || (!(flags & O_NOFOLLOW) && !excl));
    if (typeof r === 'number') return r;
    let node = r.node;
    if (!node) {
      if (!creat) return -ENOENT;
      if (slash || r.slash) return -EISDIR;
      if (r.dir.removed) return -ENOENT;
      const now = this.clock();
      node = this.newFile(mode, now);
      this.attach(r.dir, r.name, node);
      this.stamp(r.dir, now);
    } else {
      if (excl) return -EEXIST;
      if (node instanceof LinkNode) return -ELOOP; // O_NOFOLLOW
      if (node instanceof DirNode) {
        if (creat || acc !== O_RDONLY || flags & O_TRUNC) return -EISDIR;
      } else {
        if (flags & O_DIRECTORY || slash || r.slash) return -ENOTDIR;
        if (flags & O_TRUNC) {
          resize(node, 0);
          this.stamp(node, this.clock()); // open's O_TRUNC stamps even an empty file
        }
      }
    }
    // access mode 3 is Linux's "ioctl only": neither read nor write
    const readable = acc === O_RDONLY || acc === O_RDWR;
    const writable = acc === O_WRONLY || acc === O_RDWR;
    return new MemFileHandle(this, node, readable, writable, (flags & O_APPEND) !== 0, false, path);
  }

  /** O_PATH: a handle that only names the inode (fstat, *at() lookups); it cannot read or write. */
  private openPath(path: string, flags: number): FileHandle | Err {
    const n = this.object(path, !(flags & O_NOFOLLOW));
    if (typeof n === 'number') return n;
    if (flags & O_DIRECTORY && !(n instanceof DirNode)) return -ENOTDIR;
    return new MemFileHandle(this, n, false, false, false, true, path);
  }

  /** O_TMPFILE: an unnamed regular file in the directory `path`, gone when closed. */
  private openTmpfile(path: string, flags: number, mode: number): FileHandle | Err {
    const acc = flags & O_ACCMODE;
    if (acc === O_RDONLY || acc === 3) return -EINVAL;
    const dir = this.object(path, true);
    if (typeof dir === 'number') return dir;
    if (!(dir instanceof DirNode)) return -ENOTDIR;
    if (dir.removed) return -ENOENT;
    const f = this.newFile(mode, this.clock());
    f.nlink = 0;
    return new MemFileHandle(this, f, acc !== O_WRONLY, true, (flags & O_APPEND) !== 0, false, path);
  }

  mkdir(path: string, mode: number): number {
    const r = this.lookup(path, false);
    if (typeof r === 'number') return r;
    if (r.last !== LAST_NORM || r.node) return -EEXIST;
    if (r.dir.removed) return -ENOENT;
    const now = this.clock();
    this.attach(r.dir, r.name, new DirNode(this.nextIno++, S_IFDIR | (mode & 0o1777), now));
    this.stamp(r.dir, now);
    return 0;
  }

  rmdir(path: string): number {
    const r = this.lookup(path, false);
    if (typeof r === 'number') return r;
    if (r.last === LAST_DOT) return -EINVAL;
    if (r.last === LAST_DOTDOT) return -ENOTEMPTY;
    if (r.last === LAST_ROOT) return -EBUSY;
    const n = r.node;
    if (!n) return -ENOENT;
    if (!(n instanceof DirNode)) return -ENOTDIR;
    if (n.entries.size > 0) return -ENOTEMPTY;
    const now = this.clock();
    this.detach(r.dir, r.name, n);
    this.dropLink(n, now);
    this.stamp(r.dir, now);
    return 0;
  }

  unlink(path: string): number {
    const r = this.lookup(path, false);
    if (typeof r === 'number') return r;
    if (r.last !== LAST_NORM) return -EISDIR;
    const n = r.node;
    if (!n) return -ENOENT;
    if (n instanceof DirNode) return -EISDIR;
    if (endsWithSlash(path)) return -ENOTDIR;
    const now = this.clock();
    this.detach(r.dir, r.name, n);
    this.dropLink(n, now);
    this.stamp(r.dir, now);
    return 0;
  }

  rename(from: string, to: string, flags: number): number {
    if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE)) return -EINVAL; // RENAME_WHITEOUT is not supported
    const exchange = (flags & RENAME_EXCHANGE) !== 0;
    if (exchange && flags & RENAME_NOREPLACE) return -EINVAL;
    const a = this.lookup(from, false);
    if (typeof a === 'number') return a;
    const b = this.lookup(to, false);
    if (typeof b === 'number') return b;
    if (a.last !== LAST_NORM) return -EBUSY;
    if (b.last !== LAST_NORM) return flags & RENAME_NOREPLACE ? -EEXIST : -EBUSY;
    const src = a.node;
    const dst = b.node;
    if (!src) return -ENOENT;
    if (exchange) {
      if (!dst) return -ENOENT;
      if (endsWithSlash(from) && !(src instanceof DirNode)) return -ENOTDIR;
      if (endsWithSlash(to) && !(dst instanceof DirNode)) return -ENOTDIR;
    } else {
      if (flags & RENAME_NOREPLACE && dst) return -EEXIST;
      if (!(src instanceof DirNode) && (endsWithSlash(from) || endsWithSlash(to))) return -ENOTDIR;
    }
    // a directory cannot move below itself, nor may the target be an ancestor of the source
    if (src instanceof DirNode && isAncestorOrSelf(src, b.dir)) return -EINVAL;
    if (dst instanceof DirNode && isAncestorOrSelf(dst, a.dir)) return exchange ? -EINVAL : -ENOTEMPTY;
    if (src === dst) return 0; // two names of one inode: nothing to do
    if (!exchange && dst) {
      if (src instanceof DirNode) {
        if (!(dst instanceof DirNode)) return -ENOTDIR;
        if (dst.entries.size > 0) return -ENOTEMPTY;
      } else if (dst instanceof DirNode) {
        return -EISDIR;
      }
    }
    if (a.dir.removed || b.dir.removed) return -ENOENT;
    const now = this.clock();
    this.detach(a.dir, a.name, src);
    if (dst) this.detach(b.dir, b.name, dst);
    if (exchange) {
      this.attach(a.dir, a.name, dst!);
      dst!.ctimeNs = now;
    } else if (dst) {
      this.dropLink(dst, now);
    }
    this.attach(b.dir, b.name, src);
    src.ctimeNs = now;
    this.stamp(a.dir, now);
    this.stamp(b.dir, now);
    return 0;
  }

  /**
   * A FIFO or socket node (S_IFIFO, S_IFSOCK): an inode with no data of its own. The kernel keeps
   * what goes through it (the pipe of a FIFO, the socket bound to a name) and never opens it here.
   */
  mknod(path: string, mode: number, rdev: number): number {
    void rdev;
    const type = mode & S_IFMT;
    if (type !== S_IFIFO && type !== S_IFSOCK) return -EPERM;
    const r = this.lookup(path, false);
    if (typeof r === 'number') return r;
    if (r.last !== LAST_NORM || r.node) return -EEXIST;
    if (endsWithSlash(path) || r.dir.removed) return -ENOENT;
    const now = this.clock();
    this.attach(r.dir, r.name, new FileNode(this.nextIno++, type | (mode & 0o7777), now));
    this.stamp(r.dir, now);
    return 0;
  }

  symlink(target: string, path: string): number {
    if (target === '') return -ENOENT;
    if (utf8Encode(target).length >= PATH_MAX) return -ENAMETOOLONG;
    const r = this.lookup(path, false);
    if (typeof r === 'number') return r;
    if (r.last !== LAST_NORM || r.node) return -EEXIST;
    if (endsWithSlash(path) || r.dir.removed) return -ENOENT;
    const now = this.clock();
    this.attach(r.dir, r.name, new LinkNode(this.nextIno++, now, target));
    this.stamp(r.dir, now);
    return 0;
  }

  readlink(path: string): string | Err {
    const n = this.object(path, false);
    if (typeof n === 'number') return n;
    if (!(n instanceof LinkNode)) return -EINVAL;
    this.touchAtime(n);
    return n.target;
  }

  link(from: string, to: string): number {
    const src = this.object(from, false);
    if (typeof src === 'number') return src;
    const r = this.lookup(to, false);
    if (typeof r === 'number') return r;
    if (r.last !== LAST_NORM || r.node) return -EEXIST;
    if (endsWithSlash(to) || r.dir.removed) return -ENOENT;
    if (src instanceof DirNode) return -EPERM;
    if (src.nlink === 0) return -ENOENT;
    const now = this.clock();
    this.attach(r.dir, r.name, src);
    src.nlink++;
    src.ctimeNs = now;
    this.stamp(r.dir, now);
    return 0;
  }

  chmod(path: string, mode: number): number {
    const n = this.object(path, true);
    if (typeof n === 'number') return n;
    n.mode = (n.mode & S_IFMT) | (mode & 0o7777);
    n.ctimeNs = this.clock();
    return 0;
  }

  /** uid or gid -1 keeps that id. Like Linux, a chown clears setuid (and setgid if group-executable) on non-directories. */
  chown(path: string, uid: number, gid: number, follow: boolean): number {
    const n = this.object(path, follow);
    if (typeof n === 'number') return n;
    if (uid !== -1 && uid !== 0xffffffff) n.uid = uid >>> 0;
    if (gid !== -1 && gid !== 0xffffffff) n.gid = gid >>> 0;
    if (n instanceof FileNode) {
      n.mode &= ~0o4000;
      if (n.mode & 0o010) n.mode &= ~0o2000;
    }
    n.ctimeNs = this.clock();
    return 0;
  }

  /** null leaves that time alone (the kernel maps UTIME_NOW to a time and UTIME_OMIT to null). */
  utimes(path: string, atimeNs: number | null, mtimeNs: number | null, follow: boolean): number {
    const n = this.object(path, follow);
    if (typeof n === 'number') return n;
    if (atimeNs === null && mtimeNs === null) return 0;
    if (atimeNs !== null) n.atimeNs = atimeNs;
    if (mtimeNs !== null) n.mtimeNs = mtimeNs;
    n.ctimeNs = this.clock();
    return 0;
  }

  truncate(path: string, len: number): number {
    if (len < 0) return -EINVAL;
    const n = this.object(path, true);
    if (typeof n === 'number') return n;
    if (n instanceof DirNode) return -EISDIR;
    if (!(n instanceof FileNode)) return -EINVAL;
    return this.fileTruncate(n, len);
  }

  readdir(path: string): Dirent[] | Err {
    const n = this.object(path, true);
    if (typeof n === 'number') return n;
    if (!(n instanceof DirNode)) return -ENOTDIR;
    return this.listDir(n);
  }

  /** Existence only, but X_OK needs an execute bit on a non-directory (as for root). */
  access(path: string, mode: number): number {
    if (mode & ~7) return -EINVAL;
    const n = this.object(path, true);
    if (typeof n === 'number') return n;
    if (mode & X_OK && !(n instanceof DirNode) && !(n.mode & 0o111)) return -EACCES;
    return 0;
  }

  realpath(path: string): string | Err {
    const slash = endsWithSlash(path);
    const r = this.lookup(path, true);
    if (typeof r === 'number') return r;
    const n = r.node;
    if (!n) return -ENOENT;
    if ((slash || r.slash) && !(n instanceof DirNode)) return -ENOTDIR;
    if (n instanceof DirNode) return this.dirPath(n);
    const d = this.dirPath(r.dir);
    if (typeof d === 'number') return d;
    return d === '/' ? '/' + r.name : d + '/' + r.name;
  }

  private dirPath(d: DirNode): string | Err {
    const names: string[] = [];
    while (d !== this.root) {
      if (d.removed) return -ENOENT;
      const parent = d.parent;
      let found: string | undefined;
      for (const [name, n] of parent.entries) {
        if (n === d) {
          found = name;
          break;
        }
      }
      if (found === undefined) return -ENOENT;
      names.push(found);
      d = parent;
    }
    return '/' + names.reverse().join('/');
  }

  // -- host helpers (they throw) --

  /** Creates a directory and any missing parents (symlinks to directories are followed). */
  mkdirp(path: string, mode = 0o755): void {
    let prefix = '';
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      prefix += '/' + part;
      const st = this.stat(prefix, true);
      if (st === -ENOENT) {
        const e = this.mkdir(prefix, mode);
        if (e < 0) throw new Error(`mkdirp ${prefix}: ${errText(e)}`);
      } else if (typeof st === 'number') {
        throw new Error(`mkdirp ${prefix}: ${errText(st)}`);
      } else if ((st.mode & S_IFMT) !== S_IFDIR) {
        throw new Error(`mkdirp ${prefix}: ${errText(-ENOTDIR)}`);
      }
    }
  }

  /** Creates or replaces a file's contents (parents are created); the file gets exactly `mode`. */
  writeFile(path: string, data: Uint8Array | string, mode = 0o644): void {
    const slash = path.lastIndexOf('/');
    if (slash > 0) this.mkdirp(path.slice(0, slash));
    const h = this.open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (typeof h === 'number') throw new Error(`writeFile ${path}: ${errText(h)}`);
    try {
      const bytes = typeof data === 'string' ? utf8Encode(data) : data;
      const n = h.write(bytes, 0);
      if (n !== bytes.length) throw new Error(`writeFile ${path}: ${n < 0 ? errText(n) : 'short write'}`);
    } finally {
      h.close();
    }
    const e = this.chmod(path, mode);
    if (e < 0) throw new Error(`writeFile ${path}: ${errText(e)}`);
  }

  /** A copy of a file's contents (symlinks are followed). */
  readFile(path: string): Uint8Array {
    const n = this.object(path, true);
    if (typeof n === 'number') throw new Error(`readFile ${path}: ${errText(n)}`);
    if (n instanceof DirNode) throw new Error(`readFile ${path}: ${errText(-EISDIR)}`);
    const f = n as FileNode;
    const out = new Uint8Array(f.size);
    readBytes(f, out, 0);
    return out;
  }

  /** Every inode reachable from the root, parents first; hard links appear once with `linkOf` names. */
  exportSnapshot(): MemFsSnapshot {
    const entries: MemFsEntry[] = [];
    const seen = new Map<FileNode, string>();
    const visit = (path: string, n: Node): void => {
      if (n instanceof FileNode) {
        const first = seen.get(n);
        if (first !== undefined) {
          entries.push({ path, mode: n.mode, linkOf: first });
          return;
        }
        seen.set(n, path);
      }
      const e: MemFsEntry = {
        path, mode: n.mode, uid: n.uid, gid: n.gid, atimeNs: n.atimeNs, mtimeNs: n.mtimeNs, ctimeNs: n.ctimeNs,
      };
      if (n instanceof FileNode) {
        e.data = n.data.slice(0, n.stored);
        if (n.size > n.stored) e.size = n.size;
      } else if (n instanceof LinkNode) {
        e.target = n.target;
      }
      entries.push(e);
      if (n instanceof DirNode) {
        for (const [name, child] of n.entries) visit(path === '/' ? '/' + name : path + '/' + name, child);
      }
    };
    visit('/', this.root);
    return { version: 1, entries };
  }

  /** Replaces the whole tree with a snapshot's. Parents missing from it are created (0755). */
  importSnapshot(snapshot: MemFsSnapshot): void {
    if (snapshot.version !== 1) throw new Error(`importSnapshot: unknown version ${String(snapshot.version)}`);
    const now = this.clock();
    this.nextIno = 1;
    this.root = new DirNode(this.nextIno++, S_IFDIR | 0o755, now);
    const setAttrs = (n: Node, e: MemFsEntry): void => {
      n.mode = (n.mode & S_IFMT) | (e.mode & 0o7777);
      n.uid = e.uid ?? 0;
      n.gid = e.gid ?? 0;
      n.atimeNs = e.atimeNs ?? now;
      n.mtimeNs = e.mtimeNs ?? now;
      n.ctimeNs = e.ctimeNs ?? now;
    };
    const dirTimes: [DirNode, MemFsEntry][] = [];
    for (const e of snapshot.entries) {
      const parts = e.path.split('/').filter((p) => p !== '' && p !== '.');
      if (parts.some((p) => p === '..')) throw new Error(`importSnapshot: bad path ${e.path}`);
      if (parts.length === 0) {
        setAttrs(this.root, e);
        dirTimes.push([this.root, e]);
        continue;
      }
      const name = parts.pop()!;
      const parentPath = '/' + parts.join('/');
      this.mkdirp(parentPath);
      const r = this.lookup(parentPath, true);
      if (typeof r === 'number' || !(r.node instanceof DirNode)) throw new Error(`importSnapshot: no directory ${parentPath}`);
      const dir = r.node;
      const old = dir.entries.get(name);
      if (old) {
        if (!(old instanceof DirNode) || (e.mode & S_IFMT) !== S_IFDIR || e.linkOf !== undefined) {
          throw new Error(`importSnapshot: ${e.path} appears twice`);
        }
        setAttrs(old, e); // an implicit parent made earlier
        dirTimes.push([old, e]);
        continue;
      }
      let n: Node;
      if (e.linkOf !== undefined) {
        const target = this.object(e.linkOf, false);
        if (!(target instanceof FileNode)) throw new Error(`importSnapshot: ${e.path} links to ${e.linkOf}, not a file`);
        target.nlink++;
        this.attach(dir, name, target);
        continue;
      }
      switch (e.mode & S_IFMT) {
        case S_IFREG: {
          const f = new FileNode(this.nextIno++, S_IFREG, now);
          const data = e.data ?? EMPTY;
          f.data = data.slice();
          f.stored = data.length;
          f.size = Math.max(data.length, e.size ?? 0);
          n = f;
          break;
        }
        case S_IFIFO:
        case S_IFSOCK:
          n = new FileNode(this.nextIno++, e.mode & S_IFMT, now);
          break;
        case S_IFDIR:
          n = new DirNode(this.nextIno++, S_IFDIR, now);
          dirTimes.push([n, e]);
          break;
        case S_IFLNK:
          if (!e.target) throw new Error(`importSnapshot: symlink ${e.path} has no target`);
          n = new LinkNode(this.nextIno++, now, e.target);
          break;
        default:
          throw new Error(`importSnapshot: ${e.path} has unsupported mode 0o${e.mode.toString(8)}`);
      }
      setAttrs(n, e);
      this.attach(dir, name, n);
    }
    // creating children (and mkdirp) does not stamp parents here, but be explicit about the result
    for (const [d, e] of dirTimes) setAttrs(d, e);
  }
}

function isAncestorOrSelf(a: DirNode, d: DirNode): boolean {
  for (;;) {
    if (d === a) return true;
    if (d.parent === d) return false;
    d = d.parent;
  }
}

// ---- open files ----

class MemFileHandle implements FileHandle {
  readonly seekable = true;
  private closed = false;

  constructor(
    private readonly fs: MemFs,
    private readonly node: Node,
    private readonly readable: boolean,
    private readonly writable: boolean,
    private readonly append: boolean,
    /** O_PATH: names the inode only */
    private readonly pathOnly: boolean,
    readonly path: string,
  ) {}

  read(buf: Uint8Array, pos: number): number {
    if (this.closed || this.pathOnly || !this.readable) return -EBADF;
    const n = this.node;
    if (n instanceof DirNode) return -EISDIR;
    if (!(n instanceof FileNode)) return -EINVAL;
    return this.fs.fileRead(n, buf, pos);
  }

  write(buf: Uint8Array, pos: number): number {
    if (this.closed || this.pathOnly || !this.writable) return -EBADF;
    const n = this.node;
    if (!(n instanceof FileNode)) return -EISDIR;
    return this.fs.fileWrite(n, buf, this.append ? n.size : pos);
  }

  stat(): Stat | Err {
    if (this.closed) return -EBADF;
    return this.fs.statOf(this.node);
  }

  truncate(len: number): number {
    if (this.closed || this.pathOnly) return -EBADF;
    const n = this.node;
    if (!this.writable || !(n instanceof FileNode)) return -EINVAL;
    return this.fs.fileTruncate(n, len);
  }

  sync(): number {
    return this.closed || this.pathOnly ? -EBADF : 0;
  }

  close(): void {
    this.closed = true;
  }

  readdir(): Dirent[] | Err {
    if (this.closed || this.pathOnly) return -EBADF;
    const n = this.node;
    if (!(n instanceof DirNode)) return -ENOTDIR;
    return this.fs.listDir(n);
  }
}
