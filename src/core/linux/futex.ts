/**
 * Futex wait queues. A futex is keyed by the physical address of its word, so private futexes
 * (one address space) and shared ones (MAP_SHARED memory seen by several processes) need no
 * separate tables.
 */
import type { GuestMemory } from '../memory/memory.js';
import type { Kernel } from './kernel.js';
import type { Process, Thread } from './process.js';

export interface FutexWaiter {
  thread: Thread;
  key: number;
  bitset: number;
  woken: boolean;
}

const FUTEX_WAITERS = 0x80000000;
const FUTEX_OWNER_DIED = 0x40000000;
const FUTEX_TID_MASK = 0x3fffffff;
/** Linux's limit on robust list entries walked at exit */
const ROBUST_LIST_LIMIT = 2048;

export class FutexTable {
  private readonly queues = new Map<number, FutexWaiter[]>();
  constructor(private readonly k: Kernel) {}

  /** Queues `t` on the word at `addr`; returns null if the address is not backed. */
  enqueue(mem: GuestMemory, addr: number, t: Thread, bitset: number): FutexWaiter | null {
    const key = mem.physOf(addr);
    if (key < 0) return null;
    const w: FutexWaiter = { thread: t, key, bitset, woken: false };
    let q = this.queues.get(key);
    if (!q) this.queues.set(key, (q = []));
    q.push(w);
    return w;
  }

  remove(w: FutexWaiter): void {
    const q = this.queues.get(w.key);
    if (!q) return;
    const i = q.indexOf(w);
    if (i >= 0) q.splice(i, 1);
    if (q.length === 0) this.queues.delete(w.key);
  }

  /** Wakes up to `n` waiters on `addr` whose bitset meets `bitset`; returns how many. */
  wake(mem: GuestMemory, addr: number, n: number, bitset: number): number {
    const key = mem.physOf(addr);
    const q = this.queues.get(key);
    if (!q || n <= 0) return 0;
    let woken = 0;
    for (let i = 0; i < q.length && woken < n; ) {
      const w = q[i]!;
      if ((w.bitset & bitset) !== 0) {
        w.woken = true;
        q.splice(i, 1);
        woken++;
      } else i++;
    }
    if (q.length === 0) this.queues.delete(key);
    if (woken) this.k.epoch++;
    return woken;
  }

  /** Wakes `n` waiters on addr1 and moves up to `m` more to addr2; returns woken + moved. */
  requeue(mem: GuestMemory, addr1: number, n: number, addr2: number, m: number): number {
    const woken = this.wake(mem, addr1, n, -1);
    const k1 = mem.physOf(addr1);
    const k2 = mem.physOf(addr2);
    const q = this.queues.get(k1);
    if (!q || k2 < 0 || m <= 0) return woken;
    const moved = q.splice(0, m);
    if (q.length === 0) this.queues.delete(k1);
    let q2 = this.queues.get(k2);
    if (!q2) this.queues.set(k2, (q2 = []));
    for (const w of moved) {
      w.key = k2;
      q2.push(w);
    }
    return woken + moved.length;
  }

  /** Forgets the waiters of a process that ended. */
  dropProcess(p: Process): void {
    for (const [key, q] of this.queues) {
      const rest = q.filter((w) => w.thread.proc !== p);
      if (rest.length) this.queues.set(key, rest);
      else this.queues.delete(key);
    }
  }

  /**
   * A thread with a robust list ends: every robust mutex it holds gets FUTEX_OWNER_DIED and one
   * waiter is woken, so the next locker sees EOWNERDEAD.
   */
  exitRobustList(t: Thread): void {
    const mem = t.proc.mem;
    const head = t.robustList;
    // struct robust_list_head { next; long futex_offset; list_op_pending; }
    const offset = mem.u64(head + 8);
    const pending = mem.u64(head + 16);
    if (offset === null || pending === null) return;
    const off = offset >= 2 ** 63 ? offset - 2 ** 64 : offset;
    const handle = (entry: number) => {
      const word = (entry & ~1) + off;
      const v = mem.u32(word);
      if (v === null || (v & FUTEX_TID_MASK) !== t.tid) return;
      const nv = ((v & FUTEX_WAITERS) | FUTEX_OWNER_DIED) >>> 0;
      const b = new Uint8Array(4);
      new DataView(b.buffer).setUint32(0, nv, true);
      if (mem.write(word, b) && v & FUTEX_WAITERS) this.wake(mem, word, 1, -1);
    };
    let entry = mem.u64(head);
    for (let n = 0; entry !== null && entry !== head && n < ROBUST_LIST_LIMIT; n++) {
      const next = mem.u64(entry & ~1);
      if (entry !== pending) handle(entry);
      entry = next;
    }
    if (pending) handle(pending);
  }
}
