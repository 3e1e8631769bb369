/**
 * Guest memory: the guest's virtual address space, mapped onto one shared linear memory.
 *
 * The backing store is a shared WebAssembly.Memory created by the host (its buffer is a
 * SharedArrayBuffer), so a UI thread and a later wasm tier see the same bytes. The first
 * `reservedBytes` of it hold CPU state blocks; guest pages live after that.
 *
 * Mappings are kept as a sorted list of areas (like Linux's VMAs); each backed area owns one
 * contiguous physical range, so an access that crosses a page boundary inside one area is a plain
 * contiguous access. For addresses below 4 GiB (where a64play places everything it chooses) two
 * flat page tables map a page to its physical offset for reads and for writes; -1 means "take the
 * slow path", which either finds a reason (unmapped, protected, code page) or faults.
 *
 * Addresses handed to the kernel-facing API are JS numbers (exact below 2^53, and Linux user
 * addresses are below 2^48). The CPU-facing accessors take the address as two int32 halves.
 */

import { PhysPool } from './phys.js';

export interface SharedMemoryLike {
  readonly buffer: ArrayBufferLike;
  grow(deltaPages: number): number;
}

export const PAGE_SIZE = 4096;
export const PAGE_SHIFT = 12;
export const PAGE_MASK = PAGE_SIZE - 1;
export const PROT_READ = 1;
export const PROT_WRITE = 2;
export const PROT_EXEC = 4;

const LOW_PAGES = 1 << 20; // pages below 4 GiB
/**
 * Entries of the software TLB for pages at or above 4 GiB, where the flat tables do not reach
 * (Go puts its heap at 0x4000000000, other runtimes take high mmap hints): direct-mapped by the
 * page's number within its 4 GiB window, filled by the slow path, emptied whenever mappings change.
 */
const TLB_SIZE = 1024;
const TLB_MASK = TLB_SIZE - 1;
/** Anonymous memory is backed on first touch in chunks of this size. */
const POPULATE_CHUNK = 65536;
const TWO32 = 4294967296;

export type Access = 'read' | 'write' | 'exec';

/** Thrown (as a preallocated singleton) when a guest access faults; details are on the object. */
export class GuestFault {
  addr = 0;
  access: Access = 'read';
  /** true when the address is mapped but the access is not permitted (SEGV_ACCERR). */
  mapped = false;
  /** true for an alignment fault (SIGBUS BUS_ADRALN). */
  misaligned = false;
}
export const FAULT = new GuestFault();

export interface Area {
  start: number;
  end: number; // exclusive
  prot: number;
  /** physical offset of `start`, or -1 when not backed yet (PROT_NONE reservations). */
  phys: number;
  /** what /proc/self/maps shows: a path, "[heap]", "[stack]" or "" */
  name: string;
  /** file offset of `start` for file mappings */
  offset: number;
  shared: boolean;
  /** file mappings: what the kernel reads the bytes from and writes them back to (opaque here) */
  file?: unknown;
  /** pages wholly past the end of a mapped file: touching them is SIGBUS */
  beyondEof?: boolean;
}

export function toAddr(lo: number, hi: number): number {
  return hi * TWO32 + (lo >>> 0);
}

export class GuestMemory {
  /** Views over the whole linear memory; refreshed when it grows. */
  dv!: DataView;
  u8!: Uint8Array;
  /** phys offset of each low page for reads / writes, or -1 for the slow path */
  readonly rd: Int32Array;
  /** the TLB for high pages (see TLB_SIZE): the page's tag (lo >>> 12 and hi; -1: empty) and its read and write offsets */
  private readonly tlbLo = new Int32Array(TLB_SIZE).fill(-1);
  private readonly tlbHi = new Int32Array(TLB_SIZE);
  private readonly tlbRd = new Int32Array(TLB_SIZE);
  private readonly tlbWr = new Int32Array(TLB_SIZE);
  readonly wr: Int32Array;
  /** 1 for low pages that hold decoded code: writes there must invalidate the decoded blocks */
  readonly code: Uint8Array;
  readonly areas: Area[] = [];
  /** Called with a page number when a guest write hits a page holding decoded code. */
  onCodeWrite: (page: number) => void = () => {};
  /**
   * Set when a page could not be given memory because the physical pool is exhausted: the access
   * fails like an unmapped one, and the kernel, seeing this, kills the process as Linux's OOM
   * killer would instead of raising SIGSEGV.
   */
  outOfMemory = false;
  /** Bumped whenever mappings or permissions change, so caches of translations can be dropped. */
  generation = 0;
  /** the physical pages this address space maps (shared with other address spaces) */
  readonly pool: PhysPool;

  /** A new, empty address space over `backing` (a pool of its own) or over an existing pool. */
  constructor(backing: SharedMemoryLike | PhysPool, reservedBytes = 0, maxBytes?: number) {
    this.pool = backing instanceof PhysPool ? backing : new PhysPool(backing, reservedBytes, maxBytes);
    this.pool.attach(this);
    // page tables of a released address space are all -1 again: reuse them (fork/exit churn)
    const t = this.pool.spareTables.pop();
    this.rd = t?.rd ?? new Int32Array(LOW_PAGES).fill(-1);
    this.wr = t?.wr ?? new Int32Array(LOW_PAGES).fill(-1);
    this.code = t?.code ?? new Uint8Array(LOW_PAGES);
    this.refreshViews();
  }

  get backing(): SharedMemoryLike {
    return this.pool.backing;
  }
  /** the most physical memory (bytes of the linear memory) guest pages may use */
  get maxBytes(): number {
    return this.pool.maxBytes;
  }

  refreshViews(): void {
    this.dv = new DataView(this.pool.backing.buffer);
    this.u8 = new Uint8Array(this.pool.backing.buffer);
  }

  private allocPhys(len: number): number {
    const p = this.pool.alloc(len);
    if (p >= 0 && this.u8.length !== this.pool.u8.length) this.refreshViews();
    return p;
  }

  private freePhys(start: number, len: number): void {
    if (len > 0) this.pool.release(start, len);
  }

  /** Bytes of physical memory in use by all address spaces (for /proc/meminfo and stats). */
  get physUsed(): number {
    return this.pool.used;
  }

  /** Bytes this address space has backed by physical memory (its resident set). */
  get residentBytes(): number {
    let n = 0;
    for (const a of this.areas) if (a.phys >= 0) n += a.end - a.start;
    return n;
  }

  /**
   * A copy of this address space for fork: private memory is copied, MAP_SHARED memory is
   * mapped by both. Returns null when physical memory runs out.
   */
  fork(): GuestMemory | null {
    const child = new GuestMemory(this.pool);
    for (const a of this.areas) {
      const len = a.end - a.start;
      let phys = a.phys;
      if (phys >= 0) {
        if (a.shared) this.pool.retain(phys, len);
        else {
          phys = child.allocPhys(len);
          if (phys < 0) {
            child.release();
            return null;
          }
          child.u8.copyWithin(phys, a.phys, a.phys + len);
        }
      }
      const copy: Area = { ...a, phys };
      child.areas.push(copy);
      child.syncTables(copy);
    }
    return child;
  }

  /** Unmaps everything and detaches from the pool (the process is gone or has exec'd elsewhere). */
  release(): void {
    this.unmap(0, 2 ** 47);
    this.pool.detach(this);
    if (this.pool.spareTables.length < 4) this.pool.spareTables.push({ rd: this.rd, wr: this.wr, code: this.code });
  }

  /**
   * Gives the area holding `addr` its memory on first touch: anonymous mappings are backed
   * lazily, a 64 KiB chunk at a time, so an 8 MiB stack or a big heap reservation costs only
   * what is used. PROT_NONE areas stay unbacked unless `force` (the kernel filling a mapping).
   * Returns the (possibly split) area, or undefined when unmapped or out of memory.
   */
  backedArea(addr: number, force = false): Area | undefined {
    const a = this.findArea(addr);
    if (!a || a.phys >= 0 || a.beyondEof || (a.prot === 0 && !force)) return a;
    const cs = Math.max(a.start, Math.floor(addr / POPULATE_CHUNK) * POPULATE_CHUNK);
    const ce = Math.min(a.end, cs + POPULATE_CHUNK);
    const phys = this.allocPhys(ce - cs);
    if (phys < 0) {
      this.outOfMemory = true;
      return undefined;
    }
    this.splitAt(cs);
    this.splitAt(ce);
    const m = this.findArea(addr)!;
    m.phys = phys;
    this.syncTables(m);
    this.generation++;
    return m;
  }

  /** Marks [start, start+len) of a file mapping as past the file's end (never backed: SIGBUS). */
  markBeyondEof(start: number, len: number): void {
    this.splitAt(start);
    this.splitAt(start + len);
    for (const a of this.areas) {
      if (a.start < start || a.end > start + len) continue;
      a.beyondEof = true;
      if (a.phys >= 0) {
        this.freePhys(a.phys, a.end - a.start);
        a.phys = -1;
        this.syncTables(a);
      }
    }
    this.generation++;
  }

  /** Zeroes the backed bytes of [addr, addr+len) whatever their protection (MADV_DONTNEED). */
  zero(addr: number, len: number, keep: (a: Area) => boolean = () => false): void {
    const end = addr + len;
    for (const a of this.areas) {
      if (a.end <= addr || a.start >= end || a.phys < 0 || keep(a)) continue;
      const from = Math.max(a.start, addr);
      const to = Math.min(a.end, end);
      this.u8.fill(0, a.phys + (from - a.start), a.phys + (to - a.start));
    }
    this.invalidateCode(addr, len);
  }

  /** The physical offset of a mapped, backed address, or -1 (futex keys are physical addresses). */
  physOf(addr: number): number {
    const a = this.backedArea(addr);
    return a && a.phys >= 0 ? a.phys + (addr - a.start) : -1;
  }

  // ---------------------------------------------------------------- mappings

  findArea(addr: number): Area | undefined {
    const a = this.areas;
    let lo = 0;
    let hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = a[mid]!;
      if (addr < m.start) hi = mid - 1;
      else if (addr >= m.end) lo = mid + 1;
      else return m;
    }
    return undefined;
  }

  /** True when every page of [start, start+len) is mapped. */
  isMapped(start: number, len: number): boolean {
    return this.everyArea(start, len, () => true);
  }

  /** True when [start, start+len) is covered by areas that all satisfy `ok`. */
  private everyArea(start: number, len: number, ok: (a: Area) => boolean): boolean {
    let p = start;
    const end = start + len;
    while (p < end) {
      const a = this.findArea(p);
      if (!a || !ok(a)) return false;
      p = a.end;
    }
    return true;
  }

  /** True when no page of [start, start+len) is mapped. */
  isFree(start: number, len: number): boolean {
    const end = start + len;
    for (const a of this.areas) if (a.start < end && a.end > start) return false;
    return true;
  }

  /**
   * Maps [start, start+len) with `prot`, replacing whatever was there (MAP_FIXED semantics).
   * Returns false when physical memory is exhausted.
   */
  map(start: number, len: number, prot: number, name = '', offset = 0, shared = false): boolean {
    len = align(len, PAGE_SIZE);
    this.unmap(start, len);
    let phys = -1;
    // shared memory is backed now, so that a fork shares the same pages; the rest on first touch
    if (shared && prot !== 0) {
      phys = this.allocPhys(len);
      if (phys < 0) return false;
    }
    const area: Area = { start, end: start + len, prot, phys, name, offset, shared };
    this.insertArea(area);
    this.syncTables(area);
    this.generation++;
    return true;
  }

  unmap(start: number, len: number): void {
    len = align(len, PAGE_SIZE);
    const end = start + len;
    this.splitAt(start);
    this.splitAt(end);
    const keep: Area[] = [];
    for (const a of this.areas) {
      if (a.start >= start && a.end <= end) {
        if (a.phys >= 0) this.freePhys(a.phys, a.end - a.start);
        this.clearTables(a.start, a.end);
      } else keep.push(a);
    }
    this.areas.length = 0;
    this.areas.push(...keep);
    this.generation++;
  }

  /** Changes permissions; returns false if part of the range is unmapped (ENOMEM) or memory ran out. */
  protect(start: number, len: number, prot: number): boolean {
    len = align(len, PAGE_SIZE);
    const end = start + len;
    if (!this.isMapped(start, len)) return false;
    this.splitAt(start);
    this.splitAt(end);
    for (const a of this.areas) {
      if (a.start >= start && a.end <= end) {
        a.prot = prot;
        this.syncTables(a);
      }
    }
    this.generation++;
    return true;
  }

  /** Finds a free range of `len` bytes, top-down below `below`, above `above`. */
  findFree(len: number, below: number, above: number): number {
    len = align(len, PAGE_SIZE);
    let top = below;
    for (let i = this.areas.length - 1; i >= 0; i--) {
      const a = this.areas[i]!;
      if (a.start >= top) continue;
      if (a.end <= top - len && a.end >= above) {
        // gap between a.end and top
        return top - len;
      }
      if (a.end > top - len) top = Math.min(top, a.start);
    }
    return top - len >= above ? top - len : -1;
  }

  private insertArea(area: Area): void {
    const a = this.areas;
    let i = a.length;
    while (i > 0 && a[i - 1]!.start > area.start) i--;
    a.splice(i, 0, area);
  }

  /** Splits the area containing `addr` so that an area boundary falls at `addr`. */
  private splitAt(addr: number): void {
    const a = this.findArea(addr);
    if (!a || a.start === addr) return;
    const tail: Area = {
      ...a,
      start: addr,
      phys: a.phys >= 0 ? a.phys + (addr - a.start) : -1,
      offset: a.offset + (addr - a.start),
    };
    a.end = addr;
    this.insertArea(tail);
  }

  private syncTables(a: Area): void {
    if (a.end > TWO32) this.tlbLo.fill(-1);
    const first = a.start / PAGE_SIZE;
    const last = Math.min(a.end / PAGE_SIZE, LOW_PAGES);
    for (let pg = first; pg < last; pg++) {
      const phys = a.phys >= 0 ? a.phys + (pg - first) * PAGE_SIZE : -1;
      this.rd[pg] = a.prot & PROT_READ && phys >= 0 ? phys : -1;
      this.wr[pg] = a.prot & PROT_WRITE && phys >= 0 && !this.code[pg] ? phys : -1;
    }
  }

  private clearTables(start: number, end: number): void {
    if (end > TWO32) this.tlbLo.fill(-1);
    const first = start / PAGE_SIZE;
    const last = Math.min(end / PAGE_SIZE, LOW_PAGES);
    for (let pg = first; pg < last; pg++) {
      this.rd[pg] = -1;
      this.wr[pg] = -1;
      if (this.code[pg]) {
        this.code[pg] = 0;
        this.onCodeWrite(pg);
      }
    }
  }

  /** Marks a page as holding decoded code: writes to it go through the slow path. */
  markCode(page: number): void {
    if (page < LOW_PAGES && !this.code[page]) {
      this.code[page] = 1;
      this.wr[page] = -1;
    }
  }

  // ---------------------------------------------------------------- CPU-facing accessors

  /** Slow path: physical offset for `size` bytes at (lo,hi), contiguous; throws FAULT. */
  private slow(lo: number, hi: number, size: number, access: Access): number {
    const addr = toAddr(lo, hi);
    const a = this.backedArea(addr);
    const need = access === 'read' ? PROT_READ : access === 'write' ? PROT_WRITE : PROT_EXEC;
    if (!a || !(a.prot & need) || a.phys < 0) {
      FAULT.addr = addr;
      FAULT.access = access;
      FAULT.mapped = !!a;
      FAULT.misaligned = false;
      throw FAULT;
    }
    if (addr + size > a.end) {
      // crosses into another area: check it and fall back to byte-wise access by the caller
      const b = this.backedArea(a.end);
      if (!b || !(b.prot & need) || b.phys < 0) {
        FAULT.addr = a.end;
        FAULT.access = access;
        FAULT.mapped = !!b;
        FAULT.misaligned = false;
        throw FAULT;
      }
      return -1;
    }
    if (hi !== 0) {
      const i = (lo >>> 12) & TLB_MASK;
      const page = a.phys + (addr - (addr % PAGE_SIZE) - a.start);
      this.tlbLo[i] = lo >>> 12;
      this.tlbHi[i] = hi;
      this.tlbRd[i] = a.prot & PROT_READ ? page : -1;
      this.tlbWr[i] = a.prot & PROT_WRITE ? page : -1;
    }
    if (access === 'write') {
      const pg = Math.floor(addr / PAGE_SIZE);
      const pgEnd = Math.floor((addr + size - 1) / PAGE_SIZE);
      for (let p = pg; p <= pgEnd; p++) {
        if (p < LOW_PAGES && this.code[p]) {
          this.code[p] = 0;
          this.wr[p] = a.phys + (p * PAGE_SIZE - a.start);
          this.onCodeWrite(p);
        }
      }
    }
    return a.phys + (addr - a.start);
  }

  /** The physical offset of the page holding (lo, hi) for reads, from the flat table or the TLB; -1: slow path. */
  private rdPage(lo: number, hi: number): number {
    if (hi === 0) return this.rd[lo >>> 12]!;
    const i = (lo >>> 12) & TLB_MASK;
    return this.tlbLo[i] === lo >>> 12 && this.tlbHi[i] === hi ? this.tlbRd[i]! : -1;
  }

  /** Likewise for writes. */
  private wrPage(lo: number, hi: number): number {
    if (hi === 0) return this.wr[lo >>> 12]!;
    const i = (lo >>> 12) & TLB_MASK;
    return this.tlbLo[i] === lo >>> 12 && this.tlbHi[i] === hi ? this.tlbWr[i]! : -1;
  }

  /** Byte-wise access across two areas. */
  private crossRead(lo: number, hi: number, size: number): number {
    // returns up to 4 bytes little-endian as int32; used for sizes <= 4
    const base = toAddr(lo, hi);
    let v = 0;
    for (let i = 0; i < size; i++) {
      const a = base + i;
      v |= this.ld8(a >>> 0, Math.floor(a / TWO32)) << (8 * i);
    }
    return v;
  }

  ld8(lo: number, hi: number): number {
    lo >>>= 0;
    const p = this.rdPage(lo, hi);
    if (p >= 0) return this.u8[p + (lo & 0xfff)]!;
    return this.u8[this.slow(lo, hi, 1, 'read')]!;
  }

  ld16(lo: number, hi: number): number {
    if ((lo & 0xfff) <= 0xffe) {
      const p = this.rdPage(lo, hi);
      if (p >= 0) return this.dv.getUint16(p + (lo & 0xfff), true);
    }
    const p = this.slow(lo, hi, 2, 'read');
    return p >= 0 ? this.dv.getUint16(p, true) : this.crossRead(lo, hi, 2);
  }

  ld32(lo: number, hi: number): number {
    if ((lo & 0xfff) <= 0xffc) {
      const p = this.rdPage(lo, hi);
      if (p >= 0) return this.dv.getInt32(p + (lo & 0xfff), true);
    }
    const p = this.slow(lo, hi, 4, 'read');
    return p >= 0 ? this.dv.getInt32(p, true) : this.crossRead(lo, hi, 4);
  }

  /** Loads 64 bits into dst[di] (low word) and dst[di+1] (high word). */
  ld64(lo: number, hi: number, dst: Int32Array, di: number): void {
    if ((lo & 0xfff) <= 0xff8) {
      const p = this.rdPage(lo, hi);
      if (p >= 0) {
        const q = p + (lo & 0xfff);
        dst[di] = this.dv.getInt32(q, true);
        dst[di + 1] = this.dv.getInt32(q + 4, true);
        return;
      }
    }
    const p = this.slow(lo, hi, 8, 'read');
    if (p >= 0) {
      dst[di] = this.dv.getInt32(p, true);
      dst[di + 1] = this.dv.getInt32(p + 4, true);
    } else {
      const l2 = (lo + 4) >>> 0;
      const h2 = l2 < 4 ? hi + 1 : hi;
      const a = this.crossRead(lo, hi, 4);
      dst[di + 1] = this.crossRead(l2, h2, 4);
      dst[di] = a;
    }
  }

  /** Copies `size` bytes from guest (lo,hi) to physical offset `dstPhys` (e.g. a V register). */
  ldBytes(lo: number, hi: number, size: number, dstPhys: number): void {
    if ((lo & 0xfff) <= 0x1000 - size) {
      const p = this.rdPage(lo, hi);
      if (p >= 0) {
        const q = p + (lo & 0xfff);
        this.u8.copyWithin(dstPhys, q, q + size);
        return;
      }
    }
    const p = this.slow(lo, hi, size, 'read');
    if (p >= 0) this.u8.copyWithin(dstPhys, p, p + size);
    else {
      const base = toAddr(lo, hi);
      for (let i = 0; i < size; i++) {
        const a = base + i;
        this.u8[dstPhys + i] = this.ld8(a >>> 0, Math.floor(a / TWO32));
      }
    }
  }

  st8(lo: number, hi: number, v: number): void {
    lo >>>= 0;
    const p = this.wrPage(lo, hi);
    if (p >= 0) {
      this.u8[p + (lo & 0xfff)] = v;
      return;
    }
    this.u8[this.slow(lo, hi, 1, 'write')] = v;
  }

  st16(lo: number, hi: number, v: number): void {
    if ((lo & 0xfff) <= 0xffe) {
      const p = this.wrPage(lo, hi);
      if (p >= 0) {
        this.dv.setUint16(p + (lo & 0xfff), v, true);
        return;
      }
    }
    const p = this.slow(lo, hi, 2, 'write');
    if (p >= 0) this.dv.setUint16(p, v, true);
    else this.crossWrite(lo, hi, 2, v);
  }

  st32(lo: number, hi: number, v: number): void {
    if ((lo & 0xfff) <= 0xffc) {
      const p = this.wrPage(lo, hi);
      if (p >= 0) {
        this.dv.setInt32(p + (lo & 0xfff), v, true);
        return;
      }
    }
    const p = this.slow(lo, hi, 4, 'write');
    if (p >= 0) this.dv.setInt32(p, v, true);
    else this.crossWrite(lo, hi, 4, v);
  }

  st64(lo: number, hi: number, vlo: number, vhi: number): void {
    if ((lo & 0xfff) <= 0xff8) {
      const p = this.wrPage(lo, hi);
      if (p >= 0) {
        const q = p + (lo & 0xfff);
        this.dv.setInt32(q, vlo, true);
        this.dv.setInt32(q + 4, vhi, true);
        return;
      }
    }
    const p = this.slow(lo, hi, 8, 'write');
    if (p >= 0) {
      this.dv.setInt32(p, vlo, true);
      this.dv.setInt32(p + 4, vhi, true);
    } else {
      // check the whole range is writable before changing anything
      const l2 = (lo + 4) >>> 0;
      const h2 = l2 < 4 ? hi + 1 : hi;
      this.slow(((lo + 7) >>> 0), (lo >>> 0) + 7 > 0xffffffff ? hi + 1 : hi, 1, 'write');
      this.crossWrite(lo, hi, 4, vlo);
      this.crossWrite(l2, h2, 4, vhi);
    }
  }

  /** Copies `size` bytes from physical `srcPhys` to guest (lo,hi). */
  stBytes(lo: number, hi: number, size: number, srcPhys: number): void {
    if ((lo & 0xfff) <= 0x1000 - size) {
      const p = this.wrPage(lo, hi);
      if (p >= 0) {
        const q = p + (lo & 0xfff);
        this.u8.copyWithin(q, srcPhys, srcPhys + size);
        return;
      }
    }
    const p = this.slow(lo, hi, size, 'write');
    if (p >= 0) this.u8.copyWithin(p, srcPhys, srcPhys + size);
    else {
      const base = toAddr(lo, hi);
      const last = base + size - 1;
      this.slow(last >>> 0, Math.floor(last / TWO32), 1, 'write');
      for (let i = 0; i < size; i++) {
        const a = base + i;
        this.st8(a >>> 0, Math.floor(a / TWO32), this.u8[srcPhys + i]!);
      }
    }
  }

  private crossWrite(lo: number, hi: number, size: number, v: number): void {
    const base = toAddr(lo, hi);
    for (let i = 0; i < size; i++) {
      const a = base + i;
      this.st8(a >>> 0, Math.floor(a / TWO32), (v >>> (8 * i)) & 0xff);
    }
  }

  /** Fetches an instruction word; throws FAULT (exec) if not executable. */
  fetch32(addr: number): number {
    const a = this.backedArea(addr);
    if (!a || !(a.prot & PROT_EXEC) || a.phys < 0) {
      FAULT.addr = addr;
      FAULT.access = 'exec';
      FAULT.mapped = !!a;
      FAULT.misaligned = false;
      throw FAULT;
    }
    return this.dv.getInt32(a.phys + (addr - a.start), true);
  }

  // ---------------------------------------------------------------- kernel-facing helpers

  /**
   * Copies guest bytes [addr, addr+len) out; returns null if any byte is not readable (EFAULT).
   * `access` lets the kernel check write permission before it writes.
   */
  read(addr: number, len: number): Uint8Array | null {
    const out = new Uint8Array(len);
    return this.copyOut(addr, out) ? out : null;
  }

  copyOut(addr: number, out: Uint8Array): boolean {
    let done = 0;
    while (done < out.length) {
      const a = this.backedArea(addr + done);
      if (!a || !(a.prot & PROT_READ) || a.phys < 0) return false;
      const n = Math.min(out.length - done, a.end - (addr + done));
      const p = a.phys + (addr + done - a.start);
      out.set(this.u8.subarray(p, p + n), done);
      done += n;
    }
    return true;
  }

  /** Writes bytes into the guest; returns false (EFAULT) if any byte is not writable. */
  write(addr: number, data: Uint8Array, force = false): boolean {
    if (!this.writable(addr, data.length, force)) return false;
    let done = 0;
    while (done < data.length) {
      const a = this.backedArea(addr + done, true);
      if (!a || a.phys < 0) return false;
      const n = Math.min(data.length - done, a.end - (addr + done));
      const p = a.phys + (addr + done - a.start);
      this.u8.set(data.subarray(done, done + n), p);
      done += n;
    }
    this.invalidateCode(addr, data.length);
    return true;
  }

  /** True if [addr, addr+len) is writable (or, with force, merely backed). */
  writable(addr: number, len: number, force = false): boolean {
    return this.everyArea(addr, len, (a) => force || (a.prot & PROT_WRITE) !== 0);
  }

  readable(addr: number, len: number): boolean {
    return this.everyArea(addr, len, (a) => (a.prot & PROT_READ) !== 0);
  }

  private invalidateCode(addr: number, len: number): void {
    if (len === 0) return;
    const first = Math.floor(addr / PAGE_SIZE);
    const last = Math.min(Math.floor((addr + len - 1) / PAGE_SIZE), LOW_PAGES - 1);
    for (let pg = first; pg <= last; pg++) {
      if (this.code[pg]) {
        this.code[pg] = 0;
        const a = this.findArea(pg * PAGE_SIZE);
        if (a && a.prot & PROT_WRITE && a.phys >= 0) this.wr[pg] = a.phys + (pg * PAGE_SIZE - a.start);
        this.onCodeWrite(pg);
      }
    }
  }

  /** Reads a NUL-terminated string (bytes) of at most `max` bytes; null on EFAULT or overlong. */
  readCString(addr: number, max = 4096): Uint8Array | null {
    const bytes: number[] = [];
    let p = addr;
    while (bytes.length < max) {
      const a = this.backedArea(p);
      if (!a || !(a.prot & PROT_READ) || a.phys < 0) return null;
      const end = a.end;
      let q = a.phys + (p - a.start);
      for (; p < end && bytes.length < max; p++, q++) {
        const b = this.u8[q]!;
        if (b === 0) return Uint8Array.from(bytes);
        bytes.push(b);
      }
    }
    return null;
  }

  u32(addr: number): number | null {
    const b = this.read(addr, 4);
    return b ? new DataView(b.buffer).getUint32(0, true) : null;
  }

  /** Reads a 64-bit value as a JS number (exact below 2^53). */
  u64(addr: number): number | null {
    const b = this.read(addr, 8);
    if (!b) return null;
    const v = new DataView(b.buffer);
    return v.getUint32(4, true) * TWO32 + v.getUint32(0, true);
  }
}

export function align(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}
