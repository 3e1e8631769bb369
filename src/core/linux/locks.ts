/**
 * Advisory file locks, shared by every process of a kernel: POSIX record locks (fcntl F_SETLK and
 * friends), open file description locks (F_OFD_SETLK...) and flock(2) locks.
 *
 * Files are named by a key (their dev and inode: see lockKey in calls/locks.ts); owners are opaque
 * objects: the descriptor table for classic POSIX locks (Linux's fl_owner = current->files, so the
 * threads of a process share them and a forked child does not), the open file description for OFD
 * and flock locks. POSIX and OFD locks live on one list per file and conflict with each other;
 * flock locks are a separate world, as in Linux.
 *
 * The record-lock list keeps Linux's order (locks grouped by owner, each owner's sorted by start)
 * and set() follows fs/locks.c's posix_lock_inode step by step, so merging, splitting and which lock
 * F_GETLK reports first all match.
 */
import type { FdTable, LockReleaser, OpenFile } from './process.js';

export const F_RDLCK = 0;
export const F_WRLCK = 1;
export const F_UNLCK = 2;
/** The largest offset: a lock ending here runs to the end of any file (l_len 0). */
export const OFFSET_MAX = 0x7fffffffffffffffn;
/** Linux gives up looking for a wait-for cycle after this many steps. */
const MAX_DEADLK_ITERATIONS = 10;

/** A byte-range lock, or a request for one (with type F_UNLCK to unlock). */
export interface RecordLock {
  type: number;
  /** first and last byte, inclusive; end OFFSET_MAX means "to the end of the file and beyond" */
  start: bigint;
  end: bigint;
  owner: object;
  /** what F_GETLK reports as l_pid: the setter's process id, or -1 for an OFD lock */
  pid: number;
  ofd: boolean;
}

interface FlockLock {
  type: number;
  owner: object;
}

interface FileLocks {
  records: RecordLock[];
  flocks: FlockLock[];
}

/** A classic POSIX owner parked in F_SETLKW: what it asked for, for deadlock detection. */
export interface LockWaiter {
  owner: object;
  file: string;
  req: RecordLock;
}

const overlap = (a: RecordLock, b: RecordLock) => a.start <= b.end && b.start <= a.end;

/** posix_locks_conflict: another owner's lock over the same bytes, one of the two a write lock. */
function conflicts(req: RecordLock, held: RecordLock): boolean {
  if (req.owner === held.owner || !overlap(req, held)) return false;
  return req.type === F_WRLCK || held.type === F_WRLCK;
}

export class LockTable implements LockReleaser {
  private readonly files = new Map<string, FileLocks>();
  private readonly waiters = new Set<LockWaiter>();
  private readonly keys = new WeakMap<OpenFile, string>();
  private anonymous = 0;

  /** The file an open file description is on: its dev and inode (cached: that never changes). */
  keyOf(f: OpenFile): string {
    let k = this.keys.get(f);
    if (k === undefined) {
      const st = f.handle.stat();
      k = typeof st === 'number' ? `anon:${++this.anonymous}` : `${st.dev}:${st.ino}`;
      this.keys.set(f, k);
    }
    return k;
  }

  /** Close hook (FdTable.close): POSIX says closing any descriptor of a file drops the process's locks on it. */
  closed(owner: FdTable, file: OpenFile): void {
    this.releasePosix(this.keyOf(file), owner);
  }

  /** Last-reference hook (OpenFile.release): OFD and flock locks belong to the description. */
  released(file: OpenFile): void {
    this.releaseDescription(this.keyOf(file), file);
  }

  private locksOf(file: string, create: boolean): FileLocks | undefined {
    let l = this.files.get(file);
    if (!l && create) this.files.set(file, (l = { records: [], flocks: [] }));
    return l;
  }

  private dropIfEmpty(file: string, l: FileLocks): void {
    if (l.records.length === 0 && l.flocks.length === 0) this.files.delete(file);
  }

  /** F_GETLK: the first lock (in Linux's list order) that would block `req`, or null. */
  test(file: string, req: RecordLock): RecordLock | null {
    const l = this.files.get(file);
    if (!l) return null;
    for (const held of l.records) if (conflicts(req, held)) return held;
    return null;
  }

  /**
   * F_SETLK: applies `req` (a lock, or F_UNLCK to release a range) unless another owner's lock
   * conflicts; then nothing changes and that lock is returned. Returns null on success.
   */
  set(file: string, req: RecordLock): RecordLock | null {
    if (req.type !== F_UNLCK) {
      const blocker = this.test(file, req);
      if (blocker) return blocker;
    }
    const l = this.locksOf(file, req.type !== F_UNLCK);
    if (!l) return null;
    const list = l.records;
    let request: RecordLock = { ...req };
    let added = false;
    let left: RecordLock | null = null;
    let right: RecordLock | null = null;
    // the owner's locks are contiguous and sorted by start; a new owner's go at the end
    let i = list.findIndex((x) => x.owner === req.owner);
    if (i < 0) i = list.length;
    while (i < list.length) {
      const fl = list[i]!;
      if (fl.owner !== req.owner) break;
      if (request.type === fl.type) {
        // same type: merge with adjacent or overlapping locks
        if (fl.end < request.start - 1n) {
          i++;
          continue;
        }
        if (fl.start - 1n > request.end) break;
        if (fl.start > request.start) fl.start = request.start;
        else request.start = fl.start;
        if (fl.end < request.end) fl.end = request.end;
        else request.end = fl.end;
        if (added) {
          list.splice(i, 1);
          continue;
        }
        request = fl;
        added = true;
        i++;
      } else {
        // different types: the new range replaces what it covers of the old locks
        if (fl.end < request.start) {
          i++;
          continue;
        }
        if (fl.start > request.end) break;
        if (request.type === F_UNLCK) added = true;
        if (fl.start < request.start) left = fl;
        if (fl.end > request.end) {
          right = fl;
          break;
        }
        if (fl.start >= request.start) {
          // completely covered
          if (added) {
            list.splice(i, 1);
            continue;
          }
          request = { ...request };
          list[i] = request;
          added = true;
        }
        i++;
      }
    }
    // where the loop stopped: new locks go before this one (or at the end)
    let at: RecordLock | null = list[i] ?? null;
    const insertBefore = (x: RecordLock, before: RecordLock | null) => {
      const j = before ? list.indexOf(before) : -1;
      if (j < 0) list.push(x);
      else list.splice(j, 0, x);
    };
    if (!added) {
      if (request.type === F_UNLCK) {
        this.dropIfEmpty(file, l);
        return null;
      }
      const nl = { ...request };
      insertBefore(nl, at);
      at = nl;
    }
    if (right) {
      if (left === right) {
        // the new range splits one old lock in two
        left = { ...right };
        insertBefore(left, at);
      }
      right.start = request.end + 1n;
    }
    if (left) left.end = request.start - 1n;
    this.dropIfEmpty(file, l);
    return null;
  }

  /**
   * True when `owner` waiting for `blocker` would wait forever: following who waits for whom from
   * the blocker's owner leads back to `owner` (posix_locks_deadlock; classic POSIX locks only).
   */
  deadlock(owner: object, blocker: RecordLock): boolean {
    let cur = blocker.owner;
    for (let i = 0; i <= MAX_DEADLK_ITERATIONS; i++) {
      let next: RecordLock | null = null;
      for (const w of this.waiters) {
        if (w.owner !== cur) continue;
        // a waiter whose way has cleared is about to take its lock: it waits for no one
        next = this.test(w.file, w.req);
        if (next) break;
      }
      if (!next) return false;
      if (next.owner === owner) return true;
      cur = next.owner;
    }
    return false;
  }

  /** Records a classic POSIX owner parked in F_SETLKW (forgotten with stopWaiting). */
  wait(w: LockWaiter): void {
    this.waiters.add(w);
  }

  stopWaiting(w: LockWaiter): void {
    this.waiters.delete(w);
  }

  /** flock(2): takes, converts (by dropping the old lock first, as Linux does) or drops `owner`'s lock. Returns false on conflict. */
  flock(file: string, owner: object, type: number): boolean {
    const l = this.locksOf(file, type !== F_UNLCK);
    if (!l) return true;
    const mine = l.flocks.findIndex((x) => x.owner === owner);
    if (mine >= 0) {
      if (l.flocks[mine]!.type === type) return true;
      l.flocks.splice(mine, 1);
    }
    if (type !== F_UNLCK) {
      if (l.flocks.some((x) => x.type === F_WRLCK || type === F_WRLCK)) {
        this.dropIfEmpty(file, l);
        return false;
      }
      l.flocks.push({ type, owner });
    }
    this.dropIfEmpty(file, l);
    return true;
  }

  /** A classic owner closed a descriptor of `file`: all its POSIX locks on the file go. */
  releasePosix(file: string, owner: object): void {
    const l = this.files.get(file);
    if (!l) return;
    l.records = l.records.filter((x) => x.owner !== owner);
    this.dropIfEmpty(file, l);
  }

  /** The last reference to an open file description went: its OFD and flock locks go. */
  releaseDescription(file: string, owner: object): void {
    const l = this.files.get(file);
    if (!l) return;
    l.records = l.records.filter((x) => x.owner !== owner);
    l.flocks = l.flocks.filter((x) => x.owner !== owner);
    this.dropIfEmpty(file, l);
  }

  /** The record locks on `file`, in list order. */
  records(file: string): readonly RecordLock[] {
    return this.files.get(file)?.records ?? [];
  }

  /** The flock(2) locks on `file`. */
  flocks(file: string): readonly { type: number; owner: object }[] {
    return this.files.get(file)?.flocks ?? [];
  }

  /** Files with any lock. */
  lockedFiles(): string[] {
    return [...this.files.keys()];
  }
}
