/**
 * Wake-up bookkeeping for files that change readiness (pipes, sockets, eventfd, timerfd, epoll).
 *
 * The kernel re-checks every blocked call after anything happens, so nothing here wakes a thread.
 * What a counter is needed for is edge-triggered epoll: Linux reports an EPOLLET item only after its
 * file's wait queue was woken with a key that intersects the item's events. A WaitQueue counts those
 * wake-ups (reading side and writing side apart, as Linux's keys tell them apart) and stamps each
 * with a global sequence number, so epoll can also reproduce the order of its ready list.
 */
import { EINVAL } from '../linux/errno.js';
import { type Stat, POLLERR, POLLHUP, POLLIN, POLLOUT, POLLPRI, POLLRDHUP, POLLRDNORM, POLLWRNORM } from './types.js';

/** EPOLLRDBAND / EPOLLWRBAND (not in types.ts: only sockets report them) */
export const POLLRDBAND = 0x80;
export const POLLWRBAND = 0x200;

const IN_KEYS = POLLIN | POLLRDNORM | POLLRDBAND | POLLPRI | POLLRDHUP;
const OUT_KEYS = POLLOUT | POLLWRNORM | POLLWRBAND;

let globalSeq = 0;

export class WaitQueue {
  /** wake-ups whose key concerned reading (or that had no key) */
  inWakes = 0;
  /** wake-ups whose key concerned writing (or that had no key) */
  outWakes = 0;
  /** wake-ups without a key (or with POLLERR/POLLHUP): every waiter hears them */
  allWakes = 0;
  /** global order of the latest wake-up */
  seq = 0;

  /** Wakes with a POLL* key; 0 (no key) concerns everyone (close, shutdown, errors). */
  wake(key = 0): void {
    const all = key === 0 || (key & (POLLERR | POLLHUP)) !== 0;
    if (all) this.allWakes++;
    if (all || key & IN_KEYS) this.inWakes++;
    if (all || key & OUT_KEYS) this.outWakes++;
    this.seq = ++globalSeq;
  }
}

/** Whether a wake key concerns a waiter interested in `events` (Linux: key & events, or no key). */
export const IN_EVENTS = IN_KEYS;
export const OUT_EVENTS = OUT_KEYS;

/** Linux's DEFAULT_POLLMASK: what files without a poll method (regular files...) report. */
export const DEFAULT_POLLMASK = POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;

/** A handle's readiness as POLL* bits. */
export function pollMask(h: { poll?(): number }): number {
  return h.poll ? h.poll() : DEFAULT_POLLMASK;
}

/** A file whose readiness changes announce themselves. */
export interface Waitable {
  readonly waitq: WaitQueue;
}

export function waitqOf(h: object): WaitQueue | undefined {
  const q = (h as Partial<Waitable>).waitq;
  return q instanceof WaitQueue ? q : undefined;
}

/** Linux's one anonymous inode (eventfd, timerfd, epoll, signalfd): mode 0600 with no type bits. */
const ANON_INODE_DEV = 0xe;
const ANON_INODE_INO = 0x401;

export function anonInodeStat(): Stat {
  return {
    dev: ANON_INODE_DEV, ino: ANON_INODE_INO, mode: 0o600, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 0,
    blksize: 4096, blocks: 0, atimeNs: 0, mtimeNs: 0, ctimeNs: 0,
  };
}

/**
 * What epoll, eventfd and timerfd descriptors have in common: no path, not seekable, an
 * anonymous inode for fstat, and EINVAL for truncate and fsync.
 */
export abstract class AnonInodeFile {
  readonly seekable = false;
  stat(): Stat {
    return anonInodeStat();
  }
  truncate(): number {
    return -EINVAL;
  }
  sync(): number {
    return -EINVAL;
  }
}
