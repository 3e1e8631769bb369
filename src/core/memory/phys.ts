/**
 * Physical memory: the pages of the one shared linear memory that guest address spaces map.
 *
 * Several address spaces (processes after fork, a vfork child, exec's fresh image) take pages
 * from one pool. A page carries a reference count so that MAP_SHARED memory inherited across fork
 * stays alive while any address space maps it; private memory has a count of one.
 */
import type { SharedMemoryLike } from './memory.js';

const PAGE = 4096;
const WASM_PAGE = 65536;

/** Something holding views of the linear memory that must be rebuilt when it grows. */
export interface ViewHolder {
  refreshViews(): void;
}

export class PhysPool {
  u8!: Uint8Array;
  /** the most bytes of the linear memory guest pages may use */
  readonly maxBytes: number;
  private top: number;
  private free: { start: number; len: number }[] = [];
  /** reference count of each physical page (index = offset / 4096) */
  private refs: Uint16Array;
  private readonly holders = new Set<ViewHolder>();
  /** page tables of released address spaces, all entries cleared, ready for reuse */
  readonly spareTables: { rd: Int32Array; wr: Int32Array; code: Uint8Array }[] = [];

  constructor(
    readonly backing: SharedMemoryLike,
    readonly reservedBytes: number,
    maxBytes = 0x7fff0000,
  ) {
    this.maxBytes = maxBytes;
    this.top = Math.ceil(reservedBytes / PAGE) * PAGE;
    this.refs = new Uint16Array(Math.ceil(maxBytes / PAGE));
    this.u8 = new Uint8Array(backing.buffer);
  }

  attach(h: ViewHolder): void {
    this.holders.add(h);
  }
  detach(h: ViewHolder): void {
    this.holders.delete(h);
  }

  /** Allocates `len` (page-multiple) zeroed bytes; returns the offset, or -1 when memory is exhausted. */
  alloc(len: number): number {
    for (let i = 0; i < this.free.length; i++) {
      const f = this.free[i]!;
      if (f.len >= len) {
        const p = f.start;
        f.start += len;
        f.len -= len;
        if (f.len === 0) this.free.splice(i, 1);
        this.u8.fill(0, p, p + len);
        this.refs.fill(1, p / PAGE, (p + len) / PAGE);
        return p;
      }
    }
    const p = this.top;
    const need = p + len;
    if (need > this.maxBytes) return -1;
    if (need > this.backing.buffer.byteLength) {
      const pages = Math.ceil((need - this.backing.buffer.byteLength) / WASM_PAGE);
      try {
        this.backing.grow(Math.max(pages, 256)); // grow in 16 MiB steps at least
      } catch {
        try {
          this.backing.grow(pages);
        } catch {
          return -1;
        }
      }
      this.u8 = new Uint8Array(this.backing.buffer);
      for (const h of this.holders) h.refreshViews();
    }
    this.top = need;
    this.refs.fill(1, p / PAGE, need / PAGE);
    return p;
  }

  /** One more mapping of [start, start+len) (MAP_SHARED memory inherited by a child). */
  retain(start: number, len: number): void {
    for (let pg = start / PAGE, end = (start + len) / PAGE; pg < end; pg++) this.refs[pg]!++;
  }

  /** Drops one reference to each page of [start, start+len); pages nobody maps become free. */
  release(start: number, len: number): void {
    let run = -1;
    const end = (start + len) / PAGE;
    for (let pg = start / PAGE; pg <= end; pg++) {
      const dead = pg < end && --this.refs[pg]! === 0;
      if (dead && run < 0) run = pg;
      else if (!dead && run >= 0) {
        this.freeRange(run * PAGE, (pg - run) * PAGE);
        run = -1;
      }
    }
  }

  private freeRange(start: number, len: number): void {
    if (start + len === this.top) {
      this.top = start;
      // handed out again from the bump pointer without clearing: zero it now
      this.u8.fill(0, start, start + len);
      return;
    }
    const f = this.free;
    let i = 0;
    while (i < f.length && f[i]!.start < start) i++;
    f.splice(i, 0, { start, len });
    // merge with the neighbours
    if (i + 1 < f.length && start + len === f[i + 1]!.start) {
      f[i]!.len += f[i + 1]!.len;
      f.splice(i + 1, 1);
    }
    if (i > 0 && f[i - 1]!.start + f[i - 1]!.len === start) {
      f[i - 1]!.len += f[i]!.len;
      f.splice(i, 1);
    }
  }

  /** Bytes of physical memory in use. */
  get used(): number {
    let free = 0;
    for (const f of this.free) free += f.len;
    return this.top - Math.ceil(this.reservedBytes / PAGE) * PAGE - free;
  }
}
