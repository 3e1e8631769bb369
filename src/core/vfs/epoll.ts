/**
 * epoll(7): an interest list of (file, fd) items and Linux's ready list.
 *
 * Linux queues an item on the ready list when its file's wait queue is woken with a key the item
 * cares about; epoll_wait then polls each queued item, reports those with events, puts
 * level-triggered ones back at the tail, and drops the rest (edge-triggered ones wait for the next
 * wake-up, EPOLLONESHOT ones are disabled until EPOLL_CTL_MOD). Here nothing runs at wake-up
 * time: each look at the epoll first collects the wake-ups that happened since the last look
 * (WaitQueue counters, ordered by their global sequence number) and queues the items they concern.
 * Files without a WaitQueue (terminals, regular files) are queued when a poll finds them newly
 * ready (and, level-triggered, whenever ready).
 *
 * Items name the kernel's open file description (anything with the handle and a reference count);
 * an item goes away when its description is released, as Linux's eventpoll_release does.
 */
import { EEXIST, EINVAL, ELOOP, ENOENT } from '../linux/errno.js';
import { type FileHandle, POLLIN, POLLRDNORM, type Stat } from './types.js';
import { AnonInodeFile, IN_EVENTS, OUT_EVENTS, pollMask, WaitQueue, waitqOf } from './waitq.js';

export const EPOLL_CTL_ADD = 1;
export const EPOLL_CTL_DEL = 2;
export const EPOLL_CTL_MOD = 3;

export const EPOLLIN = 0x1;
export const EPOLLPRI = 0x2;
export const EPOLLOUT = 0x4;
export const EPOLLERR = 0x8;
export const EPOLLHUP = 0x10;
export const EPOLLRDNORM = 0x40;
export const EPOLLRDBAND = 0x80;
export const EPOLLWRNORM = 0x100;
export const EPOLLWRBAND = 0x200;
export const EPOLLMSG = 0x400;
export const EPOLLRDHUP = 0x2000;
export const EPOLLEXCLUSIVE = 0x10000000;
export const EPOLLWAKEUP = 0x20000000;
export const EPOLLONESHOT = 0x40000000;
export const EPOLLET = 0x80000000;

/** bits that are not events (an item whose events are only these is disabled) */
const PRIVATE_BITS = EPOLLWAKEUP | EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE;
const EXCLUSIVE_OK_BITS = EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP | EPOLLWAKEUP | EPOLLET | EPOLLEXCLUSIVE;
/** Linux's EP_MAX_NESTS */
const MAX_NESTS = 4;

/** An open file description as epoll sees it. */
export interface EpollTarget {
  readonly handle: FileHandle;
  /** descriptors (and in-flight references) naming it; 0 once released */
  readonly refs: number;
}

/** One reported event: the ready events and the item's 64-bit data as two 32-bit halves. */
export interface EpollEvent {
  events: number;
  dataLo: number;
  dataHi: number;
}

class Item {
  queued = false;
  seenIn = 0;
  seenOut = 0;
  seenAll = 0;
  /** for files without a WaitQueue: whether the last poll found the item ready */
  wasReady = false;
  constructor(
    readonly fd: number,
    readonly file: EpollTarget,
    public events: number,
    public dataLo: number,
    public dataHi: number,
  ) {}

  get disabled(): boolean {
    return (this.events & ~PRIVATE_BITS) === 0;
  }

  revents(): number {
    return this.disabled ? 0 : pollMask(this.file.handle) & this.events;
  }

  /** Forget earlier wake-ups (after ADD and MOD, which poll the file themselves). */
  sync(): void {
    const q = waitqOf(this.file.handle);
    if (q) {
      this.seenIn = q.inWakes;
      this.seenOut = q.outWakes;
      this.seenAll = q.allWakes;
    }
  }
}

export class Epoll extends AnonInodeFile implements FileHandle {
  readonly path = 'anon_inode:[eventpoll]';
  readonly waitq = new WaitQueue();
  private readonly items = new Map<EpollTarget, Map<number, Item>>();
  private ready: Item[] = [];

  /** the number of items (for tests and /proc fdinfo) */
  get size(): number {
    let n = 0;
    for (const m of this.items.values()) n += m.size;
    return n;
  }

  /**
   * epoll_ctl after the descriptor checks (EBADF, EPERM for files that cannot be polled, EINVAL
   * for adding the epoll to itself are the caller's, which knows descriptors).
   */
  ctl(op: number, fd: number, file: EpollTarget, events: number, dataLo = 0, dataHi = 0): number {
    events >>>= 0;
    const hasEvent = op === EPOLL_CTL_ADD || op === EPOLL_CTL_MOD;
    const target = file.handle instanceof Epoll ? file.handle : null;
    if (hasEvent && events & EPOLLEXCLUSIVE) {
      if (op === EPOLL_CTL_MOD) return -EINVAL;
      if (target || events & ~EXCLUSIVE_OK_BITS) return -EINVAL;
    }
    if (op === EPOLL_CTL_ADD && target && (target === this || target.reaches(this, 1))) return -ELOOP;
    const byFd = this.items.get(file);
    const item = byFd?.get(fd);
    switch (op) {
      case EPOLL_CTL_ADD: {
        if (item) return -EEXIST;
        const it = new Item(fd, file, (events | EPOLLERR | EPOLLHUP) >>> 0, dataLo, dataHi);
        if (byFd) byFd.set(fd, it);
        else this.items.set(file, new Map([[fd, it]]));
        this.arm(it);
        return 0;
      }
      case EPOLL_CTL_DEL:
        if (!item) return -ENOENT;
        this.remove(item);
        return 0;
      case EPOLL_CTL_MOD:
        if (!item) return -ENOENT;
        if (item.events & EPOLLEXCLUSIVE) return -EINVAL;
        item.events = (events | EPOLLERR | EPOLLHUP) >>> 0;
        item.dataLo = dataLo;
        item.dataHi = dataHi;
        this.arm(item);
        return 0;
    }
    return -EINVAL;
  }

  /** Whether `other` is reachable from this epoll through nested epolls (or they nest too deep). */
  private reaches(other: Epoll, depth: number): boolean {
    if (depth > MAX_NESTS) return true;
    for (const file of this.items.keys()) {
      const h = file.handle;
      if (!(h instanceof Epoll)) continue;
      if (h === other || h.reaches(other, depth + 1)) return true;
    }
    return false;
  }

  /** ADD and MOD poll the file at once and queue the item if it is ready. */
  private arm(it: Item): void {
    it.sync();
    const r = it.revents();
    it.wasReady = r !== 0;
    if (r && !it.queued) this.enqueue(it);
  }

  private enqueue(it: Item): void {
    it.queued = true;
    this.ready.push(it);
    this.waitq.wake(POLLIN);
  }

  private remove(it: Item): void {
    const byFd = this.items.get(it.file);
    byFd?.delete(it.fd);
    if (byFd && byFd.size === 0) this.items.delete(it.file);
    if (it.queued) {
      it.queued = false;
      this.ready = this.ready.filter((x) => x !== it);
    }
  }

  /** Queues the items whose files were woken since the last look, in wake-up order. */
  private collect(): void {
    const woken: [number, Item][] = [];
    for (const [file, byFd] of this.items) {
      if (file.refs <= 0) {
        for (const it of byFd.values()) this.remove(it);
        continue;
      }
      const q = waitqOf(file.handle);
      // files that change with time (timerfd, nested epolls) notice it, and wake, when looked at
      if (q && file.handle.readyAtNs) pollMask(file.handle);
      for (const it of byFd.values()) {
        if (q) {
          const hit =
            q.allWakes !== it.seenAll ||
            (q.inWakes !== it.seenIn && (it.events & IN_EVENTS) !== 0) ||
            (q.outWakes !== it.seenOut && (it.events & OUT_EVENTS) !== 0);
          if (!hit) continue;
          it.sync();
          if (!it.queued && !it.disabled) woken.push([q.seq, it]);
        } else {
          // no wake-ups to go by: a rising edge, or (level-triggered) any readiness
          const ready = it.revents() !== 0;
          const edge = ready && (!it.wasReady || !(it.events & EPOLLET));
          it.wasReady = ready;
          if (edge && !it.queued) woken.push([Infinity, it]);
        }
      }
    }
    woken.sort((a, b) => a[0] - b[0]);
    for (const [, it] of woken) this.enqueue(it);
  }

  /** epoll_wait's harvest (ep_send_events): up to `max` events; consumes edges and one-shots. */
  wait(max: number): EpollEvent[] {
    this.collect();
    const out: EpollEvent[] = [];
    const list = this.ready;
    const requeue: Item[] = [];
    let i = 0;
    for (; i < list.length && out.length < max; i++) {
      const it = list[i]!;
      const revents = it.revents();
      if (!revents) {
        it.queued = false;
        it.wasReady = false;
        continue;
      }
      out.push({ events: revents, dataLo: it.dataLo, dataHi: it.dataHi });
      if (it.events & EPOLLONESHOT) {
        it.events &= PRIVATE_BITS;
        it.queued = false;
      } else if (!(it.events & EPOLLET)) requeue.push(it);
      else it.queued = false;
    }
    this.ready = list.slice(i).concat(requeue);
    return out;
  }

  /** An epoll is readable when a queued item has events (unready ones are dropped, nothing is consumed). */
  poll(): number {
    this.collect();
    const keep: Item[] = [];
    let mask = 0;
    for (let i = 0; i < this.ready.length; i++) {
      const it = this.ready[i]!;
      if (it.revents()) {
        mask = POLLIN | POLLRDNORM;
        keep.push(...this.ready.slice(i));
        break;
      }
      it.queued = false;
    }
    this.ready = keep;
    return mask;
  }

  /** When a watched timer next fires (the earliest readyAtNs of the items), for blocking waits. */
  readyAtNs(): number {
    let t = Infinity;
    for (const [file, byFd] of this.items) {
      const h = file.handle;
      if (!h.readyAtNs || file.refs <= 0) continue;
      for (const it of byFd.values()) {
        if (!it.disabled) {
          t = Math.min(t, h.readyAtNs());
          break;
        }
      }
    }
    return t;
  }

  read(): number {
    return -EINVAL;
  }
  write(): number {
    return -EINVAL;
  }
  close(): void {
    this.items.clear();
    this.ready = [];
  }
}
