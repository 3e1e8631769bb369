import { describe, expect, it } from 'vitest';
import { FAULT, GuestMemory, PROT_EXEC, PROT_READ, PROT_WRITE } from './memory.js';

function fresh() {
  const wasm = new WebAssembly.Memory({ initial: 16, maximum: 4096, shared: true });
  return new GuestMemory(wasm, 65536);
}

function faultOf(fn: () => void): { addr: number; access: string; mapped: boolean } | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e !== FAULT) throw e;
    return { addr: FAULT.addr, access: FAULT.access, mapped: FAULT.mapped };
  }
}

describe('guest memory', () => {
  it('is backed by a shared WebAssembly memory', () => {
    const m = fresh();
    expect(m.backing.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('above 4 GiB (through the TLB) follows mappings as they change: unmap, protect, map again', () => {
    const m = fresh();
    const base = 0x40_0000_0000; // Go's first heap arena
    const hi = base / 2 ** 32;
    // two pages whose numbers share a TLB slot (1024 entries), in different 4 GiB windows
    const other = base + 2 ** 32;
    expect(m.map(base, 0x2000, PROT_READ | PROT_WRITE)).toBe(true);
    expect(m.map(other, 0x1000, PROT_READ | PROT_WRITE)).toBe(true);
    m.st32(0x10, hi, 0x1234567);
    m.st32(0x10, hi + 1, 0x7654321);
    expect(m.ld32(0x10, hi)).toBe(0x1234567);
    expect(m.ld32(0x10, hi + 1)).toBe(0x7654321);
    expect(m.ld32(0x10, hi)).toBe(0x1234567);
    // read-only now: reads still work, writes fault
    m.protect(base, 0x1000, PROT_READ);
    expect(m.ld32(0x10, hi)).toBe(0x1234567);
    expect(faultOf(() => m.st32(0x10, hi, 1))).toEqual({ addr: base + 0x10, access: 'write', mapped: true });
    // gone: both fault as unmapped
    m.unmap(base, 0x1000);
    expect(faultOf(() => m.ld32(0x10, hi))).toEqual({ addr: base + 0x10, access: 'read', mapped: false });
    // mapped again: fresh zero page, not the old bytes
    expect(m.map(base, 0x1000, PROT_READ | PROT_WRITE)).toBe(true);
    expect(m.ld32(0x10, hi)).toBe(0);
    expect(m.ld32(0x10, hi + 1)).toBe(0x7654321);
    // the second page of the first mapping was never touched through the TLB: still zero
    expect(m.ld32(0x1010, hi)).toBe(0);
  });

  it('maps zeroed pages and reads back what was stored, at any alignment', () => {
    const m = fresh();
    m.map(0x10000, 0x2000, PROT_READ | PROT_WRITE);
    expect(m.ld32(0x10000, 0)).toBe(0);
    m.st32(0x10001, 0, 0x11223344);
    expect(m.ld32(0x10001, 0)).toBe(0x11223344);
    expect(m.ld8(0x10001, 0)).toBe(0x44);
    expect(m.ld16(0x10003, 0)).toBe(0x1122);
    // crossing the page boundary inside one mapping
    m.st64(0x10ffc, 0, 0x55667788, 0x99aabbcc | 0);
    const out = new Int32Array(2);
    m.ld64(0x10ffc, 0, out, 0);
    expect([out[0]! >>> 0, out[1]! >>> 0]).toEqual([0x55667788, 0x99aabbcc]);
    expect(m.ld32(0x11000, 0) >>> 0).toBe(0x99aabbcc);
  });

  it('accesses that straddle two separate mappings work byte by byte', () => {
    const m = fresh();
    m.map(0x20000, 0x1000, PROT_READ | PROT_WRITE);
    m.map(0x21000, 0x1000, PROT_READ | PROT_WRITE);
    m.st32(0x20ffe, 0, 0x0a0b0c0d);
    expect(m.ld32(0x20ffe, 0)).toBe(0x0a0b0c0d);
    expect(m.ld16(0x21000, 0)).toBe(0x0a0b);
  });

  it('faults on unmapped, read-only and non-executable pages', () => {
    const m = fresh();
    m.map(0x30000, 0x1000, PROT_READ);
    expect(faultOf(() => m.ld32(0x40000, 0))).toEqual({ addr: 0x40000, access: 'read', mapped: false });
    expect(faultOf(() => m.st8(0x30010, 0, 1))).toEqual({ addr: 0x30010, access: 'write', mapped: true });
    expect(faultOf(() => m.fetch32(0x30000))).toEqual({ addr: 0x30000, access: 'exec', mapped: true });
    expect(faultOf(() => m.ld32(0, 0))).toEqual({ addr: 0, access: 'read', mapped: false });
    // the second half of a straddling access is checked too, and nothing is written
    m.map(0x31000, 0x1000, PROT_READ | PROT_WRITE);
    expect(faultOf(() => m.st64(0x31ffc, 0, 1, 2))?.addr).toBe(0x32000);
    expect(m.ld32(0x31ffc, 0)).toBe(0);
  });

  it('changes permissions with protect and releases pages with unmap', () => {
    const m = fresh();
    m.map(0x50000, 0x3000, PROT_READ | PROT_WRITE);
    m.st32(0x51000, 0, 7);
    expect(m.protect(0x51000, 0x1000, PROT_READ)).toBe(true);
    expect(m.ld32(0x51000, 0)).toBe(7);
    expect(faultOf(() => m.st32(0x51000, 0, 1))?.access).toBe('write');
    m.st32(0x52000, 0, 9); // neighbours keep their permissions
    expect(m.areas.map((a) => [a.start, a.end, a.prot])).toEqual([
      [0x50000, 0x51000, 3],
      [0x51000, 0x52000, 1],
      [0x52000, 0x53000, 3],
    ]);
    m.unmap(0x51000, 0x1000);
    expect(faultOf(() => m.ld8(0x51000, 0))?.mapped).toBe(false);
    expect(m.protect(0x50000, 0x3000, PROT_READ)).toBe(false); // hole: ENOMEM
  });

  it('reserves PROT_NONE ranges without backing and backs them when made accessible', () => {
    const m = fresh();
    const before = m.physUsed;
    m.map(0x1000000, 64 << 20, 0);
    expect(m.physUsed).toBe(before);
    expect(m.protect(0x1000000, 0x2000, PROT_READ | PROT_WRITE)).toBe(true);
    m.st32(0x1001000, 0, 5);
    expect(m.ld32(0x1001000, 0)).toBe(5);
    expect(m.physUsed).toBe(before + 0x2000);
  });

  it('handles addresses above 4 GiB through the slow path', () => {
    const m = fresh();
    const hi = 0x7f12;
    const addr = hi * 2 ** 32 + 0x1000;
    m.map(addr, 0x1000, PROT_READ | PROT_WRITE);
    m.st32(0x1008, hi, 0x1234);
    expect(m.ld32(0x1008, hi)).toBe(0x1234);
    expect(m.read(addr + 8, 2)).toEqual(new Uint8Array([0x34, 0x12]));
    expect(faultOf(() => m.ld8(0x1008, hi + 1))?.mapped).toBe(false);
  });

  it('finds free ranges top-down and refuses overlaps for isFree', () => {
    const m = fresh();
    m.map(0x7000_0000, 0x1000, PROT_READ);
    const a = m.findFree(0x2000, 0x7000_1000, 0x1000_0000);
    expect(a).toBe(0x6fff_e000);
    expect(m.isFree(0x7000_0000, 0x1000)).toBe(false);
    expect(m.isFree(a, 0x2000)).toBe(true);
  });

  it('tells the CPU when a page holding decoded code is written', () => {
    const m = fresh();
    m.map(0x60000, 0x1000, PROT_READ | PROT_WRITE | PROT_EXEC);
    const seen: number[] = [];
    m.onCodeWrite = (p) => seen.push(p);
    m.markCode(0x60);
    m.st32(0x60010, 0, 1);
    expect(seen).toEqual([0x60]);
    m.st32(0x60014, 0, 1); // back on the fast path: no second report
    expect(seen).toEqual([0x60]);
  });

  it('kernel-side copies report EFAULT instead of faulting', () => {
    const m = fresh();
    m.map(0x70000, 0x1000, PROT_READ);
    expect(m.read(0x70ff0, 0x20)).toBeNull();
    expect(m.write(0x70000, new Uint8Array(4))).toBe(false);
    expect(m.write(0x70000, new Uint8Array([1]), true)).toBe(true);
    expect(m.readCString(0x70000)).toEqual(new Uint8Array([1]));
  });
});
