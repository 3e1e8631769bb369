/**
 * inotify: instances (the file a program reads events from) and the table of watches they hold,
 * keyed by the identity of the watched inode. The kernel's file system calls report what they did
 * to `InotifyTable.event`; only changes made by guest programs are seen (a host program writing a
 * file the CLI maps is not).
 */
import { EAGAIN, EEXIST, EINVAL } from '../linux/errno.js';
import { makeStat } from './synthetic.js';
import { type FileHandle, POLLIN, POLLRDNORM, type Stat } from './types.js';
import { WaitQueue } from './waitq.js';

export const IN_ACCESS = 0x1;
export const IN_MODIFY = 0x2;
export const IN_ATTRIB = 0x4;
export const IN_CLOSE_WRITE = 0x8;
export const IN_CLOSE_NOWRITE = 0x10;
export const IN_OPEN = 0x20;
export const IN_MOVED_FROM = 0x40;
export const IN_MOVED_TO = 0x80;
export const IN_CREATE = 0x100;
export const IN_DELETE = 0x200;
export const IN_DELETE_SELF = 0x400;
export const IN_MOVE_SELF = 0x800;
export const IN_Q_OVERFLOW = 0x4000;
export const IN_IGNORED = 0x8000;
export const IN_ONLYDIR = 0x1000000;
export const IN_DONT_FOLLOW = 0x2000000;
export const IN_EXCL_UNLINK = 0x4000000;
export const IN_MASK_CREATE = 0x10000000;
export const IN_MASK_ADD = 0x20000000;
export const IN_ISDIR = 0x40000000;
export const IN_ONESHOT = 0x80000000;
/** the events a watch can ask for */
export const IN_ALL_EVENTS = 0xfff;
/** the flags inotify_add_watch takes besides events */
export const IN_WATCH_FLAGS = IN_ONLYDIR | IN_DONT_FOLLOW | IN_EXCL_UNLINK | IN_MASK_CREATE | IN_MASK_ADD | IN_ONESHOT;

/** /proc/sys/fs/inotify/max_queued_events */
const MAX_QUEUED = 16384;
const EVENT_HEADER = 16;

interface QueuedEvent {
  wd: number;
  mask: number;
  cookie: number;
  name: Uint8Array | null;
}

/** An event's length on the wire: the header and the name, NUL-padded to a multiple of 16. */
const eventSize = (e: QueuedEvent) => EVENT_HEADER + (e.name ? (Math.floor(e.name.length / EVENT_HEADER) + 1) * EVENT_HEADER : 0);

/** What a file looked like when last seen: a change in it that no call reported came from outside. */
interface Seen {
  mtimeNs: number;
  ctimeNs: number;
  size: number;
}

interface Watch {
  instance: InotifyInstance;
  wd: number;
  mask: number;
  /** a watched file (not a directory): its path, to notice changes made from outside (the CLI's host files) */
  probe: { path: string; follow: boolean; seen: Seen | null } | null;
}

/** Reads a file's times and size; null when it is gone. */
export type StatProbe = (path: string, follow: boolean) => Seen | null;

let nextInstanceIno = 0x7000;

/** What inotify_init1 returns: a queue of events, read as struct inotify_event records. */
export class InotifyInstance implements FileHandle {
  readonly seekable = false;
  readonly waitq = new WaitQueue();
  readonly ino = nextInstanceIno++;
  private readonly queue: QueuedEvent[] = [];
  private queuedBytes = 0;
  /** this instance's watches: wd -> the watched inode's key */
  readonly watches = new Map<number, string>();
  private nextWd = 1;

  constructor(private readonly table: InotifyTable) {}

  get path(): string {
    return 'anon_inode:inotify';
  }

  newWd(): number {
    return this.nextWd++;
  }

  /** Queues an event, merged with the last one when identical (as Linux does), or IN_Q_OVERFLOW when full. */
  push(e: QueuedEvent): void {
    const last = this.queue.at(-1);
    if (last && last.wd === e.wd && last.mask === e.mask && last.cookie === e.cookie && sameName(last.name, e.name)) return;
    if (this.queue.length >= MAX_QUEUED) {
      if (last?.mask !== IN_Q_OVERFLOW) this.add({ wd: -1, mask: IN_Q_OVERFLOW, cookie: 0, name: null });
      return;
    }
    this.add(e);
  }

  private add(e: QueuedEvent): void {
    this.queue.push(e);
    this.queuedBytes += eventSize(e);
    this.waitq.wake(POLLIN | POLLRDNORM);
  }

  /** Whole events that fit `buf`; -EINVAL when not even the first does, -EAGAIN when there is none. */
  read(buf: Uint8Array): number {
    this.table.probe(this);
    if (this.queue.length === 0) return -EAGAIN;
    if (eventSize(this.queue[0]!) > buf.length) return -EINVAL;
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let off = 0;
    while (this.queue.length > 0) {
      const e = this.queue[0]!;
      const size = eventSize(e);
      if (off + size > buf.length) break;
      dv.setInt32(off, e.wd, true);
      dv.setUint32(off + 4, e.mask >>> 0, true);
      dv.setUint32(off + 8, e.cookie, true);
      dv.setUint32(off + 12, size - EVENT_HEADER, true);
      buf.fill(0, off + EVENT_HEADER, off + size);
      if (e.name) buf.set(e.name, off + EVENT_HEADER);
      off += size;
      this.queue.shift();
      this.queuedBytes -= size;
    }
    return off;
  }

  write(): number {
    return -EINVAL;
  }

  poll(): number {
    this.table.probe(this);
    return this.queue.length > 0 ? POLLIN | POLLRDNORM : 0;
  }

  available(): number {
    this.table.probe(this);
    return this.queuedBytes;
  }

  stat(): Stat {
    return makeStat(this.ino, 0o600, 0, 0xd);
  }

  truncate(): number {
    return -EINVAL;
  }

  sync(): number {
    return -EINVAL;
  }

  close(): void {
    for (const [wd, key] of this.watches) this.table.unwatch(this, wd, key);
    this.watches.clear();
  }
}

function sameName(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Every watch of every instance of one kernel, by the watched inode's key. */
export class InotifyTable {
  private readonly byKey = new Map<string, Watch[]>();
  private cookie = 0;

  constructor(private readonly stat: StatProbe) {}

  /** True when any watch exists: the file system calls skip all reporting otherwise. */
  get active(): boolean {
    return this.byKey.size > 0;
  }

  /** A fresh cookie tying an IN_MOVED_FROM to its IN_MOVED_TO. */
  nextCookie(): number {
    this.cookie = (this.cookie + 1) >>> 0 || 1;
    return this.cookie;
  }

  /**
   * inotify_add_watch on the inode `key`, reached by `path` (a file's is looked at again when its
   * instance is read or polled): the watch descriptor, or -EEXIST (IN_MASK_CREATE on a watched inode).
   */
  watch(instance: InotifyInstance, key: string, mask: number, path: string, follow: boolean, isDir: boolean): number {
    const list = this.byKey.get(key) ?? [];
    const old = list.find((w) => w.instance === instance);
    if (old) {
      if (mask & IN_MASK_CREATE) return -EEXIST;
      old.mask = mask & IN_MASK_ADD ? old.mask | mask : mask;
      return old.wd;
    }
    const probe = isDir ? null : { path, follow, seen: this.stat(path, follow) };
    const w: Watch = { instance, wd: instance.newWd(), mask, probe };
    list.push(w);
    this.byKey.set(key, list);
    instance.watches.set(w.wd, key);
    return w.wd;
  }

  /** Drops a watch (inotify_rm_watch, or its inode went): IN_IGNORED follows unless the instance is closing. */
  unwatch(instance: InotifyInstance, wd: number, key: string, ignored = false): void {
    const list = this.byKey.get(key);
    if (list) {
      const rest = list.filter((w) => !(w.instance === instance && w.wd === wd));
      if (rest.length) this.byKey.set(key, rest);
      else this.byKey.delete(key);
    }
    instance.watches.delete(wd);
    if (ignored) instance.push({ wd, mask: IN_IGNORED, cookie: 0, name: null });
  }

  /**
   * Reports `mask` on the inode `key` to the watches that asked for it; `name` is set when the
   * inode is a directory and the event is about an entry in it.
   */
  event(key: string, mask: number, name: Uint8Array | null = null, cookie = 0): void {
    const list = this.byKey.get(key);
    if (!list) return;
    for (const w of [...list]) {
      // a change a call reported is not one from outside
      if (w.probe && !name) w.probe.seen = this.stat(w.probe.path, w.probe.follow);
      if (!(w.mask & mask & IN_ALL_EVENTS)) continue;
      w.instance.push({ wd: w.wd, mask, cookie, name });
      if (w.mask & IN_ONESHOT) this.unwatch(w.instance, w.wd, key, true);
    }
  }

  /**
   * Looks again at the files `instance` watches: one changed by something other than a guest's
   * call (a host program, in the CLI) gets IN_MODIFY or IN_ATTRIB, one gone IN_DELETE_SELF.
   */
  probe(instance: InotifyInstance): void {
    for (const [wd, key] of [...instance.watches]) {
      const w = this.byKey.get(key)?.find((x) => x.instance === instance && x.wd === wd);
      if (!w?.probe?.seen) continue;
      const was = w.probe.seen;
      const now = this.stat(w.probe.path, w.probe.follow);
      if (!now) this.gone(key);
      else if (now.mtimeNs !== was.mtimeNs || now.size !== was.size) this.event(key, IN_MODIFY);
      else if (now.ctimeNs !== was.ctimeNs) this.event(key, IN_ATTRIB);
    }
  }

  /** The inode `key` is gone (its last name removed): IN_DELETE_SELF, then every watch on it ends. */
  gone(key: string, mask = IN_DELETE_SELF): void {
    this.event(key, mask);
    for (const w of [...(this.byKey.get(key) ?? [])]) this.unwatch(w.instance, w.wd, key, true);
  }
}
