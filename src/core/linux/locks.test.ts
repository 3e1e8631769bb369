// File locks against Linux's documented semantics (fcntl(2) "Advisory record locking" and "Open file
// description locks", flock(2)), and the close hooks of process.ts.
import { describe, expect, it } from 'vitest';
import type { FileHandle, Stat } from '../vfs/types.js';
import { EINVAL, EOVERFLOW } from './errno.js';
import { lockRange } from './calls/locks.js';
import { F_RDLCK, F_UNLCK, F_WRLCK, LockTable, OFFSET_MAX, type RecordLock } from './locks.js';
import { FdTable, OpenFile } from './process.js';

const FILE = '42:7';
const A = { name: 'process A' };
const B = { name: 'process B' };
const C = { name: 'process C' };
const pids = new Map<object, number>([[A, 100], [B, 200], [C, 300]]);

/** A classic POSIX request by `owner` for bytes [start, end] */
function req(owner: object, type: number, start: number, end: bigint | number): RecordLock {
  return { type, start: BigInt(start), end: BigInt(end), owner, pid: pids.get(owner) ?? -1, ofd: false };
}

/** The record locks on FILE as [type, start, end, pid] */
const held = (t: LockTable, file = FILE) => t.records(file).map((l) => [l.type, Number(l.start), l.end === OFFSET_MAX ? 'EOF' : Number(l.end), l.pid]);

describe('POSIX record locks: conflicts', () => {
  it('read locks of different processes share bytes; a write lock excludes both kinds', () => {
    const t = new LockTable();
    expect(t.set(FILE, req(A, F_RDLCK, 0, 99))).toBeNull();
    expect(t.set(FILE, req(B, F_RDLCK, 50, 149))).toBeNull();
    // C wants to write byte 60: both readers are in the way; the first one in the list is reported
    const blocker = t.set(FILE, req(C, F_WRLCK, 60, 60));
    expect(blocker && [blocker.pid, blocker.type]).toEqual([100, F_RDLCK]);
    // a refused request changes nothing
    expect(held(t)).toEqual([[F_RDLCK, 0, 99, 100], [F_RDLCK, 50, 149, 200]]);
    // bytes only B reads: B is reported
    expect(t.test(FILE, req(C, F_WRLCK, 120, 120))?.pid).toBe(200);
    // C may read anywhere
    expect(t.test(FILE, req(C, F_RDLCK, 0, OFFSET_MAX))).toBeNull();
  });

  it('a write lock blocks reads and writes of others over any overlapping byte, not adjacent ones', () => {
    const t = new LockTable();
    t.set(FILE, req(A, F_WRLCK, 10, 19));
    expect(t.test(FILE, req(B, F_RDLCK, 19, 30))?.pid).toBe(100);
    expect(t.test(FILE, req(B, F_WRLCK, 0, 10))?.pid).toBe(100);
    expect(t.test(FILE, req(B, F_WRLCK, 0, 9))).toBeNull();
    expect(t.test(FILE, req(B, F_WRLCK, 20, 20))).toBeNull();
    expect(t.set(FILE, req(B, F_WRLCK, 20, OFFSET_MAX))).toBeNull();
  });

  it("a process's own locks never conflict (F_GETLK reports F_UNLCK for them)", () => {
    const t = new LockTable();
    t.set(FILE, req(A, F_WRLCK, 0, OFFSET_MAX));
    expect(t.test(FILE, req(A, F_WRLCK, 5, 5))).toBeNull();
    expect(t.set(FILE, req(A, F_RDLCK, 5, 5))).toBeNull();
  });

  it('unlocking needs no permission from anyone and may name bytes not locked', () => {
    const t = new LockTable();
    t.set(FILE, req(A, F_WRLCK, 0, 9));
    expect(t.set(FILE, req(B, F_UNLCK, 0, OFFSET_MAX))).toBeNull();
    expect(held(t)).toEqual([[F_WRLCK, 0, 9, 100]]);
    expect(t.set(FILE, req(A, F_UNLCK, 100, 200))).toBeNull();
    expect(t.set(FILE, req(A, F_UNLCK, 0, OFFSET_MAX))).toBeNull();
    expect(t.lockedFiles()).toEqual([]);
  });

  it('locks on different files are independent', () => {
    const t = new LockTable();
    t.set('1:1', req(A, F_WRLCK, 0, OFFSET_MAX));
    expect(t.set('1:2', req(B, F_WRLCK, 0, OFFSET_MAX))).toBeNull();
    expect(t.test('2:1', req(B, F_WRLCK, 0, 0))).toBeNull();
  });
});

describe("POSIX record locks: one process's locks split and merge", () => {
  it('a write lock inside a read lock splits it in three', () => {
    const t = new LockTable();
    t.set(FILE, req(A, F_RDLCK, 0, 99));
    t.set(FILE, req(A, F_WRLCK, 10, 19));
    expect(held(t)).toEqual([[F_RDLCK, 0, 9, 100], [F_WRLCK, 10, 19, 100], [F_RDLCK, 20, 99, 100]]);
    // others see each piece for what it is now
    expect(t.test(FILE, req(B, F_RDLCK, 15, 15))?.type).toBe(F_WRLCK);
    expect(t.test(FILE, req(B, F_RDLCK, 5, 5))).toBeNull();
  });

  it('unlocking the middle of a lock leaves two', () => {
    const t = new LockTable();
    t.set(FILE, req(A, F_WRLCK, 0, OFFSET_MAX));
    t.set(FILE, req(A, F_UNLCK, 40, 59));
    expect(held(t)).toEqual([[F_WRLCK, 0, 39, 100], [F_WRLCK, 60, 'EOF', 100]]);
    expect(t.set(FILE, req(B, F_WRLCK, 40, 59))).toBeNull();
  });

  it('adjacent and overlapping locks of the same type merge into one', () => {
    const t = new LockTable();
    t.set(FILE, req(A, F_RDLCK, 0, 9));
    t.set(FILE, req(A, F_RDLCK, 20, 29));
    t.set(FILE, req(A, F_RDLCK, 10, 19)); // touches both
    expect(held(t)).toEqual([[F_RDLCK, 0, 29, 100]]);
    t.set(FILE, req(A, F_RDLCK, 25, 40));
    expect(held(t)).toEqual([[F_RDLCK, 0, 40, 100]]);
    // not adjacent: a gap of one byte stays
    t.set(FILE, req(A, F_RDLCK, 42, 50));
    expect(held(t)).toEqual([[F_RDLCK, 0, 40, 100], [F_RDLCK, 42, 50, 100]]);
  });

  it('locks of different types do not merge; a lock covering others of the other type replaces them', () => {
    const t = new LockTable();
    t.set(FILE, req(A, F_RDLCK, 0, 9));
    t.set(FILE, req(A, F_WRLCK, 10, 19));
    expect(held(t)).toEqual([[F_RDLCK, 0, 9, 100], [F_WRLCK, 10, 19, 100]]);
    t.set(FILE, req(A, F_RDLCK, 30, 39));
    t.set(FILE, req(A, F_WRLCK, 5, 34));
    expect(held(t)).toEqual([[F_RDLCK, 0, 4, 100], [F_WRLCK, 5, 34, 100], [F_RDLCK, 35, 39, 100]]);
    t.set(FILE, req(A, F_RDLCK, 0, 39));
    expect(held(t)).toEqual([[F_RDLCK, 0, 39, 100]]);
  });

  it('downgrading a write lock to a read lock lets other readers in', () => {
    const t = new LockTable();
    t.set(FILE, req(A, F_WRLCK, 0, 9));
    expect(t.set(FILE, req(B, F_RDLCK, 0, 9))).not.toBeNull();
    t.set(FILE, req(A, F_RDLCK, 0, 9));
    expect(t.set(FILE, req(B, F_RDLCK, 0, 9))).toBeNull();
  });

  it("keeps each process's locks together, sorted by start (the order F_GETLK searches)", () => {
    const t = new LockTable();
    t.set(FILE, req(B, F_RDLCK, 50, 59));
    t.set(FILE, req(A, F_RDLCK, 70, 79));
    t.set(FILE, req(B, F_RDLCK, 10, 19));
    t.set(FILE, req(A, F_RDLCK, 0, 5));
    expect(held(t)).toEqual([[F_RDLCK, 10, 19, 200], [F_RDLCK, 50, 59, 200], [F_RDLCK, 0, 5, 100], [F_RDLCK, 70, 79, 100]]);
    // C writing everything meets B's first lock first
    expect(t.test(FILE, req(C, F_WRLCK, 0, OFFSET_MAX))?.start).toBe(10n);
  });
});

describe('struct flock ranges (lockRange)', () => {
  const handle = (size: number): FileHandle => ({
    seekable: true,
    read: () => 0,
    write: () => 0,
    stat: (): Stat => ({ dev: 1, ino: 2, mode: 0o100644, nlink: 1, uid: 0, gid: 0, rdev: 0, size, blksize: 4096, blocks: 0, atimeNs: 0, mtimeNs: 0, ctimeNs: 0 }),
    truncate: () => 0,
    sync: () => 0,
    close: () => {},
  });
  const f = new OpenFile(handle(1000), 2, '/f');
  f.pos = 100;

  it('l_start is relative to SEEK_SET, SEEK_CUR or SEEK_END; l_len 0 runs to the end of any file', () => {
    expect(lockRange(f, 0, 10n, 5n)).toEqual([10n, 14n]);
    expect(lockRange(f, 1, 10n, 5n)).toEqual([110n, 114n]);
    expect(lockRange(f, 2, -10n, 5n)).toEqual([990n, 994n]);
    expect(lockRange(f, 2, 0n, 0n)).toEqual([1000n, OFFSET_MAX]);
    expect(lockRange(f, 3, 0n, 0n)).toBe(-EINVAL);
  });

  it('a negative l_len covers the bytes before l_start', () => {
    expect(lockRange(f, 0, 10n, -5n)).toEqual([5n, 9n]);
    expect(lockRange(f, 0, 10n, -10n)).toEqual([0n, 9n]);
    expect(lockRange(f, 0, 10n, -11n)).toBe(-EINVAL);
  });

  it('a start before byte 0 is EINVAL, a range past the largest offset EOVERFLOW', () => {
    expect(lockRange(f, 1, -101n, 1n)).toBe(-EINVAL);
    expect(lockRange(f, 1, -100n, 1n)).toEqual([0n, 0n]);
    expect(lockRange(f, 1, OFFSET_MAX, 1n)).toBe(-EOVERFLOW);
    expect(lockRange(f, 0, OFFSET_MAX, 1n)).toEqual([OFFSET_MAX, OFFSET_MAX]);
    expect(lockRange(f, 0, OFFSET_MAX, 2n)).toBe(-EOVERFLOW);
  });
});

describe('F_SETLKW deadlock detection', () => {
  it('finds the two-process cycle, and only while the first process still waits', () => {
    const t = new LockTable();
    t.set(FILE, req(A, F_WRLCK, 0, 0));
    t.set(FILE, req(B, F_WRLCK, 1, 1));
    // A waits for B's byte
    const aWants = req(A, F_WRLCK, 1, 1);
    const aBlocker = t.set(FILE, aWants)!;
    expect(t.deadlock(A, aBlocker)).toBe(false);
    const w = { owner: A, file: FILE, req: aWants };
    t.wait(w);
    // B asking for A's byte would wait forever: EDEADLK
    const bBlocker = t.set(FILE, req(B, F_WRLCK, 0, 0))!;
    expect(bBlocker.pid).toBe(100);
    expect(t.deadlock(B, bBlocker)).toBe(true);
    // C waiting for A is no cycle
    expect(t.deadlock(C, bBlocker)).toBe(false);
    // once A has stopped waiting (interrupted), there is no cycle
    t.stopWaiting(w);
    expect(t.deadlock(B, bBlocker)).toBe(false);
  });

  it('a waiter whose way has cleared no longer counts', () => {
    const t = new LockTable();
    t.set(FILE, req(A, F_WRLCK, 0, 0));
    t.set(FILE, req(B, F_WRLCK, 1, 1));
    const aWants = req(A, F_WRLCK, 1, 1);
    t.wait({ owner: A, file: FILE, req: aWants });
    t.set(FILE, req(B, F_UNLCK, 1, 1)); // A can take it on its next try
    t.set(FILE, req(B, F_WRLCK, 5, 5));
    const bBlocker = t.set(FILE, req(B, F_WRLCK, 0, 0))!;
    expect(t.deadlock(B, bBlocker)).toBe(false);
  });

  it('follows longer chains: A waits for B, B for C, so C must not wait for A', () => {
    const t = new LockTable();
    t.set(FILE, req(A, F_WRLCK, 0, 0));
    t.set(FILE, req(B, F_WRLCK, 1, 1));
    t.set(FILE, req(C, F_WRLCK, 2, 2));
    t.wait({ owner: A, file: FILE, req: req(A, F_WRLCK, 1, 1) });
    t.wait({ owner: B, file: FILE, req: req(B, F_WRLCK, 2, 2) });
    const blocker = t.set(FILE, req(C, F_WRLCK, 0, 0))!;
    expect(t.deadlock(C, blocker)).toBe(true);
  });
});

describe('open file description (OFD) locks', () => {
  const ofd = (owner: object, type: number, start: number, end: number | bigint): RecordLock => ({ ...req(owner, type, start, end), pid: -1, ofd: true });

  it('conflict with classic locks and with each other, even within one process', () => {
    const t = new LockTable();
    const desc1 = {};
    const desc2 = {};
    expect(t.set(FILE, ofd(desc1, F_WRLCK, 0, 9))).toBeNull();
    // another description in the same process
    expect(t.set(FILE, ofd(desc2, F_RDLCK, 5, 5))?.pid).toBe(-1);
    // the process's classic lock is another owner too
    expect(t.set(FILE, req(A, F_RDLCK, 5, 5))?.ofd).toBe(true);
    expect(t.set(FILE, req(A, F_RDLCK, 10, 19))).toBeNull();
    expect(t.set(FILE, ofd(desc1, F_WRLCK, 10, 10))?.pid).toBe(100);
    // the same description extends and merges its own lock
    expect(t.set(FILE, ofd(desc1, F_WRLCK, 20, 29))).toBeNull();
    expect(t.set(FILE, ofd(desc1, F_WRLCK, 30, 39))).toBeNull();
    expect(held(t)).toEqual([[F_WRLCK, 0, 9, -1], [F_WRLCK, 20, 39, -1], [F_RDLCK, 10, 19, 100]]);
  });
});

describe('flock(2)', () => {
  it('shared locks coexist; an exclusive lock excludes every other description', () => {
    const t = new LockTable();
    const d1 = {};
    const d2 = {};
    const d3 = {};
    expect(t.flock(FILE, d1, F_RDLCK)).toBe(true);
    expect(t.flock(FILE, d2, F_RDLCK)).toBe(true);
    expect(t.flock(FILE, d3, F_WRLCK)).toBe(false);
    expect(t.flock(FILE, d1, F_UNLCK)).toBe(true);
    expect(t.flock(FILE, d2, F_UNLCK)).toBe(true);
    expect(t.flock(FILE, d3, F_WRLCK)).toBe(true);
    expect(t.flock(FILE, d1, F_RDLCK)).toBe(false);
    // taking the lock one already has succeeds
    expect(t.flock(FILE, d3, F_WRLCK)).toBe(true);
  });

  it('converting is not atomic: a failed upgrade has dropped the shared lock', () => {
    const t = new LockTable();
    const d1 = {};
    const d2 = {};
    t.flock(FILE, d1, F_RDLCK);
    t.flock(FILE, d2, F_RDLCK);
    expect(t.flock(FILE, d1, F_WRLCK)).toBe(false);
    expect(t.flocks(FILE).length).toBe(1);
    // so d2 can now upgrade
    expect(t.flock(FILE, d2, F_WRLCK)).toBe(true);
  });

  it('is independent of record locks', () => {
    const t = new LockTable();
    const d = {};
    t.set(FILE, req(A, F_WRLCK, 0, OFFSET_MAX));
    expect(t.flock(FILE, d, F_WRLCK)).toBe(true);
    expect(t.set(FILE, req(B, F_UNLCK, 0, OFFSET_MAX))).toBeNull();
    expect(held(t).length).toBe(1);
  });
});

describe('release on close', () => {
  class Fake implements FileHandle {
    readonly seekable = true;
    closed = false;
    constructor(readonly ino: number) {}
    read() {
      return 0;
    }
    write() {
      return 0;
    }
    stat(): Stat {
      return { dev: 9, ino: this.ino, mode: 0o100644, nlink: 1, uid: 0, gid: 0, rdev: 0, size: 0, blksize: 4096, blocks: 0, atimeNs: 0, mtimeNs: 0, ctimeNs: 0 };
    }
    truncate() {
      return 0;
    }
    sync() {
      return 0;
    }
    close() {
      this.closed = true;
    }
  }
  /** what fcntl(F_SETLK) does: lock, then make closing tell the table */
  const lockVia = (t: LockTable, fds: FdTable, f: OpenFile, type: number, start: number, end: number) => {
    expect(t.set(t.keyOf(f), { type, start: BigInt(start), end: BigInt(end), owner: fds, pid: 1, ofd: false })).toBeNull();
    fds.locks = t;
  };

  it("closing ANY descriptor of the file drops all the process's POSIX locks on it, and only on it", () => {
    const t = new LockTable();
    const fds = new FdTable();
    const f1 = new OpenFile(new Fake(5), 2, '/a');
    const f2 = new OpenFile(new Fake(5), 0, '/a'); // opened again: another description, same file
    const other = new OpenFile(new Fake(6), 2, '/b');
    const fd1 = fds.install(f1, false);
    const fd2 = fds.install(f2, false);
    fds.install(other, false);
    lockVia(t, fds, f1, F_WRLCK, 0, 9);
    lockVia(t, fds, f1, F_RDLCK, 20, 29);
    lockVia(t, fds, other, F_WRLCK, 0, 0);
    const stranger = {};
    expect(t.test('9:5', { type: F_WRLCK, start: 0n, end: OFFSET_MAX, owner: stranger, pid: 2, ofd: false })).not.toBeNull();
    fds.close(fd2);
    expect(t.records('9:5')).toEqual([]);
    expect(t.records('9:6').length).toBe(1);
    // the descriptor it was taken through is still open
    expect(fds.get(fd1)?.file).toBe(f1);
  });

  it('a forked copy of the table is another owner; closing there leaves the parent alone', () => {
    const t = new LockTable();
    const fds = new FdTable();
    const f = new OpenFile(new Fake(5), 2, '/a');
    const fd = fds.install(f, false);
    lockVia(t, fds, f, F_WRLCK, 0, 9);
    const child = fds.clone();
    expect(t.test('9:5', { type: F_WRLCK, start: 0n, end: 0n, owner: child, pid: 2, ofd: false })?.owner).toBe(fds);
    child.close(fd);
    expect(t.records('9:5').length).toBe(1);
    fds.closeAll(); // what exit does
    expect(t.records('9:5')).toEqual([]);
  });

  it('OFD and flock locks go with the last reference to the description, not with a close of a dup', () => {
    const t = new LockTable();
    const fds = new FdTable();
    const h = new Fake(5);
    const f = new OpenFile(h, 2, '/a');
    const fd = fds.install(f, false);
    f.refs++;
    const dup = fds.install(f, false);
    t.set(t.keyOf(f), { type: F_WRLCK, start: 0n, end: OFFSET_MAX, owner: f, pid: -1, ofd: true });
    t.flock(t.keyOf(f), f, F_WRLCK);
    f.locks = t;
    fds.close(dup);
    expect(t.records('9:5').length).toBe(1);
    expect(t.flocks('9:5').length).toBe(1);
    fds.close(fd);
    expect(h.closed).toBe(true);
    expect(t.lockedFiles()).toEqual([]);
  });
});
