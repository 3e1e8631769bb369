/**
 * inotify_init1, inotify_add_watch, inotify_rm_watch, and what the file system calls report to
 * the watches (vfs/inotify.ts). Events name inodes by the identity Linux would: the mount, device
 * and inode number of what a path reaches.
 */
import {
  IN_ALL_EVENTS, IN_ATTRIB, IN_CREATE, IN_DELETE, IN_DONT_FOLLOW, IN_ISDIR, IN_MASK_ADD, IN_MASK_CREATE, IN_MODIFY,
  IN_MOVE_SELF, IN_MOVED_FROM, IN_MOVED_TO, IN_ONLYDIR, IN_OPEN, IN_WATCH_FLAGS, InotifyInstance, InotifyTable,
} from '../../vfs/inotify.js';
import { S_IFDIR, S_IFMT } from '../../vfs/types.js';
import { normalizePath, type VfsChange, type VfsObserver } from '../../vfs/vfs.js';
import { utf8Encode } from '../../util/utf8.js';
import { O_ACCMODE, O_CLOEXEC, O_NOFOLLOW, O_NONBLOCK, O_PATH, O_RDONLY, O_TRUNC } from '../abi.js';
import { EBADF, EINVAL, ENOTDIR } from '../errno.js';
import type { Kernel } from '../kernel.js';
import type { SyscallContext, SyscallLine } from '../syscalls.js';
import { fileOf, pathAt } from './fs.js';
import { install } from './io.js';

const tables = new WeakMap<Kernel, InotifyTable>();

export function inotifyOf(k: Kernel): InotifyTable {
  let t = tables.get(k);
  if (!t) {
    const stat = (path: string, follow: boolean) => {
      const st = k.vfs.stat(path, follow);
      return typeof st === 'number' ? null : { mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs, size: st.size };
    };
    tables.set(k, (t = new InotifyTable(stat)));
    k.vfs.observer = observer(k, t);
  }
  return t;
}

/** What the path calls (through the mount table) report, in the order Linux's fsnotify hooks do. */
function observer(k: Kernel, t: InotifyTable): VfsObserver {
  return {
    before(ch: VfsChange): (() => void) | null {
      if (!t.active) return null;
      switch (ch.op) {
        case 'open': {
          if (ch.flags & O_PATH) return null;
          const follow = !(ch.flags & O_NOFOLLOW);
          const existed = inodeAt(k, ch.path, follow) !== null;
          return () => {
            const ino = inodeAt(k, ch.path, follow);
            if (!existed) reportEntry(k, ino, IN_CREATE);
            else if (ch.flags & O_TRUNC && (ch.flags & O_ACCMODE) !== O_RDONLY) reportInode(k, ino, IN_MODIFY);
            reportInode(k, ino, IN_OPEN);
          };
        }
        case 'create':
          return () => reportEntry(k, inodeAt(k, ch.path), IN_CREATE);
        case 'remove': {
          const ino = inodeAt(k, ch.path);
          if (!ino) return null;
          return () => {
            // the link count changes, the name goes, and with its last name the inode
            if (!ino.isDir) t.event(ino.key, IN_ATTRIB);
            reportEntry(k, ino, IN_DELETE);
            if (ino.isDir || ino.nlink <= 1) t.gone(ino.key);
          };
        }
        case 'rename': {
          const src = inodeAt(k, ch.from);
          const target = inodeAt(k, ch.to);
          if (!src) return null;
          return () => {
            const cookie = t.nextCookie();
            reportEntry(k, src, IN_MOVED_FROM, cookie);
            reportEntry(k, inodeAt(k, ch.to), IN_MOVED_TO, cookie);
            const replaced = target && target.key !== src.key ? target : null;
            if (replaced && !replaced.isDir) t.event(replaced.key, IN_ATTRIB);
            t.event(src.key, IN_MOVE_SELF);
            if (replaced && (replaced.isDir || replaced.nlink <= 1)) t.gone(replaced.key);
          };
        }
        case 'link':
          return () => {
            const ino = inodeAt(k, ch.to);
            if (ino) t.event(ino.key, IN_ATTRIB);
            reportEntry(k, ino, IN_CREATE);
          };
        case 'attrib':
          return () => reportInode(k, inodeAt(k, ch.path, ch.follow), IN_ATTRIB);
        case 'modify':
          return () => reportInode(k, inodeAt(k, ch.path, true), IN_MODIFY);
      }
    },
  };
}

/** An inode a path reaches, and the directory entry that names it. */
export interface Inode {
  key: string;
  isDir: boolean;
  nlink: number;
  /** the directory holding the entry, and the entry's name */
  parentKey: string | null;
  name: Uint8Array;
}

function keyOf(k: Kernel, path: string, follow: boolean): { key: string; isDir: boolean; nlink: number } | null {
  const id = k.vfs.identify(path, follow);
  if (typeof id === 'number') return null;
  return { key: id.key, isDir: (id.st.mode & S_IFMT) === S_IFDIR, nlink: id.st.nlink };
}

/** The inode at the absolute path `abs` (its last component followed or not), or null when there is none. */
export function inodeAt(k: Kernel, abs: string, follow = false): Inode | null {
  const norm = normalizePath(abs);
  const slash = norm.lastIndexOf('/');
  const parent = norm.slice(0, slash) || '/';
  const self = keyOf(k, norm, follow);
  if (!self) return null;
  return { ...self, parentKey: norm === '/' ? null : (keyOf(k, parent, true)?.key ?? null), name: utf8Encode(norm.slice(slash + 1)) };
}

/**
 * Reports an event on an inode to its own watches and, with its name, to its directory's
 * (IN_MODIFY, IN_ATTRIB, IN_OPEN, IN_CLOSE_*, IN_ACCESS).
 */
export function reportInode(k: Kernel, ino: Inode | null, mask: number): void {
  if (!ino) return;
  const t = inotifyOf(k);
  const m = mask | (ino.isDir ? IN_ISDIR : 0);
  if (ino.parentKey) t.event(ino.parentKey, m, ino.name);
  t.event(ino.key, m);
}

/** Reports an event about an entry to its directory's watches only (IN_CREATE, IN_DELETE, IN_MOVED_*). */
export function reportEntry(k: Kernel, ino: Inode | null, mask: number, cookie = 0): void {
  if (!ino?.parentKey) return;
  inotifyOf(k).event(ino.parentKey, mask | (ino.isDir ? IN_ISDIR : 0), ino.name, cookie);
}

/** Whether any watch exists (the calls skip all reporting otherwise). */
export const watching = (k: Kernel): boolean => inotifyOf(k).active;

function inotifyInit(c: SyscallContext, flags: number): number {
  if (flags & ~(O_CLOEXEC | O_NONBLOCK)) return -EINVAL;
  const inst = new InotifyInstance(inotifyOf(c.k));
  return install(c, inst, O_RDONLY | (flags & O_NONBLOCK), (flags & O_CLOEXEC) !== 0);
}

function instanceOf(c: SyscallContext): InotifyInstance | number {
  const f = fileOf(c, c.i(0));
  if (typeof f === 'number') return f;
  return f.handle instanceof InotifyInstance ? f.handle : -EINVAL;
}

function addWatch(c: SyscallContext): number {
  const mask = c.ui(2);
  if (mask & ~(IN_ALL_EVENTS | IN_WATCH_FLAGS)) return -EINVAL;
  if (!(mask & IN_ALL_EVENTS)) return -EINVAL;
  if (mask & IN_MASK_ADD && mask & IN_MASK_CREATE) return -EINVAL;
  const inst = instanceOf(c);
  if (typeof inst === 'number') return inst;
  const abs = pathAt(c, null, 1);
  if (typeof abs === 'number') return abs;
  const follow = !(mask & IN_DONT_FOLLOW);
  const id = c.k.vfs.identify(abs, follow);
  if (typeof id === 'number') return id;
  const isDir = (id.st.mode & S_IFMT) === S_IFDIR;
  if (mask & IN_ONLYDIR && !isDir) return -ENOTDIR;
  return inotifyOf(c.k).watch(inst, id.key, mask, abs, follow, isDir);
}

function rmWatch(c: SyscallContext): number {
  const inst = instanceOf(c);
  if (typeof inst === 'number') return inst === -EBADF ? inst : -EINVAL;
  const wd = c.i(1);
  const key = inst.watches.get(wd);
  if (key === undefined) return -EINVAL;
  inotifyOf(c.k).unwatch(inst, wd, key, true);
  return 0;
}

export const inotifyCalls: SyscallLine[] = [
  [26, 'inotify_init1', (c) => inotifyInit(c, c.i(0)), 'oflags'],
  [27, 'inotify_add_watch', addWatch, 'fd path hex'],
  [28, 'inotify_rm_watch', rmWatch, 'fd int'],
];
