import { describe, expect, it } from 'vitest';
import { Decoder } from './decoder.js';
import { parsePattern } from './encoding.js';
import { table } from './table.js';
import { handlers } from '../exec/index.js';

describe('encoding table', () => {
  const dec = new Decoder(table);

  it('has no two patterns that overlap without a declared priority', () => {
    expect(dec.checkOverlaps()).toEqual([]);
  });

  it('gives every implemented entry a handler and unique names', () => {
    const names = table.map((l) => l[0]);
    expect(names.length).toBe(new Set(names).size);
    const missing = dec.encodings.filter((e) => !e.unimplemented && !handlers[e.name]).map((e) => e.name);
    expect(missing).toEqual([]);
  });

  it('rejects patterns that are not 32 bits', () => {
    expect(() => parsePattern('X', '0101 imm:4')).toThrow(/8 bits/);
    expect(() => parsePattern('X', 'sf:33')).toThrow();
  });

  it('decodes a few words to the right entries', () => {
    expect(dec.decode(0x91000c20)?.name).toBe('ADD_imm'); // add x0, x1, #3
    expect(dec.decode(0xd4000001)?.name).toBe('SVC'); // svc #0
    expect(dec.decode(0xd65f03c0)?.name).toBe('RET'); // ret
    expect(dec.decode(0x00000000)?.unimplemented).toBe(true); // udf #0: listed, decodes as UNDEFINED
    expect(dec.decode(0x00010000)).toBeUndefined(); // unallocated
  });
});
