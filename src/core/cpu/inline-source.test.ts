/**
 * Ops that carry inline JavaScript (op.ts `withSource`) must mean exactly what their closures do:
 * for random instances of every encoding, run the closure on one CPU and the source on another
 * from the same random state, and compare registers, flags and the next PC.
 */
import { describe, expect, it } from 'vitest';
import { DATA, DATA_SIZE, TestMachine } from '../../../tests/helpers/machine.js';
import { FAULT } from '../memory/memory.js';
import { decoder } from './cpu.js';
import type { InlineOp } from './op.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

/** Register values that exercise carries and signs, not just uniform noise. */
function word(next: () => number): number {
  switch (next() % 6) {
    case 0: return 0;
    case 1: return -1;
    case 2: return 0x80000000 | 0;
    case 3: return 0x7fffffff;
    default: return next() | 0;
  }
}

function hash(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h >>> 0;
}

function outcome(run: () => void): string {
  try {
    run();
    return 'ok';
  } catch (e) {
    if (e === FAULT) return `fault ${FAULT.access} ${FAULT.addr}`;
    throw e;
  }
}

describe('inline op sources agree with their closures', () => {
  const next = rng(20261124);
  const PC = 0x10000;
  const withSrc = new Map<string, number>();

  it('on random instances of every encoding', () => {
    const a = new TestMachine([]);
    const b = new TestMachine([]);
    for (const enc of decoder().encodings) {
      if (enc.unimplemented) continue;
      // up to 300 instances with a source; aliases with narrow field patterns (UBFM as LSL/LSR) need many tries
      let found = 0;
      for (let k = 0; k < 30000 && found < 300; k++) {
        const w = ((next() & ~enc.mask) | enc.value) >>> 0;
        if (decoder().decode(w) !== enc) continue;
        const { op } = a.cpu.decodeAt(PC, w);
        const src = (op as InlineOp).src;
        if (src === undefined) {
          if (k >= 300 && found === 0) break; // this encoding has no inline source
          continue;
        }
        found++;
        withSrc.set(enc.name, (withSrc.get(enc.name) ?? 0) + 1);
        for (let i = 0; i < 80; i++) a.cpu.x[i] = word(next);
        // half the time every register points into the data area, so loads and stores succeed
        if (next() & 1)
          for (let r = 0; r <= 32; r++) {
            a.cpu.x[r * 2] = DATA + 0x4000 + (next() & 0x3ff8);
            a.cpu.x[r * 2 + 1] = 0;
          }
        for (let i = 72; i < 76; i++) a.cpu.x[i] = next() & 1;
        // FP state: often the default FPCR with IXC already set (the inline fast paths), otherwise random
        if (next() & 1) {
          a.cpu.x[76] = 0;
          a.cpu.x[77] = next() & 1 ? 0x10 : 0;
        }
        for (let i = 0; i < 128; i++) a.cpu.vi32[i] = i & 1 && next() % 3 === 0 ? 0x3ff00000 + (next() & 0xfffff) : word(next);
        b.cpu.vi32.set(a.cpu.vi32);
        a.cpu.x[62] = a.cpu.x[63] = 0; // XZR reads as zero
        b.cpu.x.set(a.cpu.x);
        a.cpu.npc = b.cpu.npc = -1;
        const fa = outcome(() => op(a.cpu));
        const fb = outcome(() => new Function('c', 'self', `const x = c.x;\n${src.replaceAll('$op', 'self')}`)(b.cpu, op));
        const where = `${enc.name} 0x${w.toString(16)}: ${src}`;
        expect(fb, where).toBe(fa);
        expect([...b.cpu.x.subarray(0, 80)], where).toEqual([...a.cpu.x.subarray(0, 80)]);
        expect(b.cpu.npc, where).toBe(a.cpu.npc);
        expect([...b.cpu.vi32], where).toEqual([...a.cpu.vi32]);
        if ((op as InlineOp).faults) expect(hash(b.mem.read(DATA, DATA_SIZE)!), where).toBe(hash(a.mem.read(DATA, DATA_SIZE)!));
      }
    }
    expect(withSrc.size).toBeGreaterThan(5);
    if (process.env.SHOW_INLINE) console.log([...withSrc].join(" "));
  });
});
