/**
 * Round trips for the tests: random valid encodings of every table entry of a class (from the
 * isa-fuzz generator, fixed seed) are disassembled and assembled back; the word must come back
 * (bits the entry ignores aside). Used by the `roundtrip-*.test.ts` files, one per class.
 */
import { Decoder } from '../../src/core/cpu/decode/decoder.js';
import { extractFields, type TableLine } from '../../src/core/cpu/decode/encoding.js';
import { table } from '../../src/core/cpu/decode/table.js';
import { handlers } from '../../src/core/cpu/exec/index.js';
import { Generator } from '../isa-fuzz/gen.js';
import { Rng } from '../isa-fuzz/rng.js';
import { disassemble } from '../../src/core/asm/disasm.js';
import { assembleLine } from '../../src/core/asm/assembler/instruction.js';
import { describe, expect, it } from 'vitest';
import { gnuAssemble, objdumpMissing } from './objdump.js';

type Gnu = (lines: string[], base: number) => ({ word: number } | { error: string })[];

/**
 * The round-trip tests of a set of table entries: every entry sampled, every sample assembled
 * back to its word, and where a text came back as another word of the same text, GNU as (`gnu`,
 * e.g. with an .arch line) makes that word too.
 */
export function describeRoundTrip(name: string, lines: readonly TableLine[], gnu: Gnu = gnuAssemble): void {
  describe(`round trip: ${name}`, () => {
    const results = roundTrip(lines);
    it(`samples every entry (${lines.length})`, () => {
      expect(results.map((r) => r.entry).sort()).toEqual(lines.map((l) => l[0]).sort());
    });
    for (const r of results) {
      it(`${r.entry} (${r.total} samples)`, () => {
        expect(r.total).toBeGreaterThan(0);
        expect(r.failures, r.failures.join('\n')).toEqual([]);
        expect(r.ok).toBe(r.total);
      });
    }
    it.skipIf(objdumpMissing() !== null)('redundant encodings come back as GNU as makes them', () => {
      expect(redundantMismatches(results, gnu)).toEqual([]);
    });
  });
}

/** Our word for `line` at `pc` is GNU's, or both refuse the line (the messages may differ). */
export function expectLikeGnu(line: string, pc: number, gnuResult: { word: number } | { error: string }): void {
  let ours: number | string;
  try {
    ours = assembleLine(line, pc);
  } catch (e) {
    ours = `error: ${(e as Error).message}`;
  }
  const show = (v: number | string) => (typeof v === 'number' ? (v >>> 0).toString(16).padStart(8, '0') : v);
  if ('error' in gnuResult) expect(typeof ours, `GNU as: ${gnuResult.error}; ours ${show(ours)}`).toBe('string');
  else expect(show(ours)).toBe(show(gnuResult.word));
}

export interface RoundTripResult {
  entry: string;
  total: number;
  ok: number;
  /** the first few failures: word, text, what happened */
  failures: string[];
  /**
   * Samples whose text came back as another word with the same text (a redundant encoding, like
   * a logical immediate's rotation beyond its element size): the caller checks that GNU as makes
   * the same word of that text.
   */
  redundant: { text: string; addr: number; word: number }[];
}

const BASE = 0x400000;

/** The bits of a word an entry gives meaning to (fixed bits and fields). */
function meaningful(enc: { mask: number; fields: { lsb: number; width: number }[] }): number {
  let m = enc.mask;
  for (const f of enc.fields) m |= f.width === 32 ? -1 : ((1 << f.width) - 1) << f.lsb;
  return m >>> 0;
}

/**
 * The redundant samples whose word differs from GNU as's for the same text (GNU as assembles them
 * all at their addresses). Empty when binutils are missing (the caller skips then).
 */
export function redundantMismatches(results: RoundTripResult[], gnu: (lines: string[], base: number) => ({ word: number } | { error: string })[]): string[] {
  const texts = results.flatMap((r) => r.redundant.map((x) => ({ entry: r.entry, text: x.text })));
  if (!texts.length) return [];
  // all in one GNU run, 4 bytes apart from BASE; ours assembled at the same places
  const words = gnu(texts.map((t) => t.text), BASE);
  const out: string[] = [];
  texts.forEach((t, i) => {
    const g = words[i]!;
    const ours = assembleLine(t.text, BASE + 4 * i);
    if (!('word' in g) || g.word !== ours) out.push(`${t.entry} '${t.text}': ours ${hex(ours)}, GNU ${'word' in g ? hex(g.word) : g.error}`);
  });
  return out;
}

export function roundTrip(lines: readonly TableLine[], samples = Number(process.env.A64_ASM_SAMPLES ?? 32), seed = 20261125): RoundTripResult[] {
  const names = new Set(lines.map((l) => l[0]));
  const gen = new Generator({ Decoder, table, handlers, extractFields });
  const dec = new Decoder(table);
  const rng = new Rng(seed);
  const out: RoundTripResult[] = [];
  for (const entry of gen.entries) {
    if (!names.has(entry.name)) continue;
    const res: RoundTripResult = { entry: entry.name, total: 0, ok: 0, failures: [], redundant: [] };
    const mask = meaningful(entry.enc);
    for (let attempt = 0; attempt < samples * 64 && res.total < samples; attempt++) {
      let word = rng.chance(0.5) ? gen.randomWord(entry, rng) : (entry.enc.value | (rng.u32() & ~entry.enc.mask)) >>> 0;
      for (const f of entry.enc.fields) if (rng.chance(0.15)) word = gen.setField(entry, word, f.name, rng.pick([0, 1, 2 ** f.width - 1, 2 ** f.width - 2]));
      if (dec.decode(word)?.name !== entry.name) continue;
      const addr = BASE + 4 * (attempt % 1024);
      const d = disassemble(word, addr, { hexPrefix: true });
      if (d.mnemonic === '.inst') continue; // reserved: nothing to assemble
      res.total++;
      const text = d.operands ? `${d.mnemonic} ${d.operands}` : d.mnemonic;
      try {
        const back = assembleLine(text, addr);
        if (((back ^ word) & mask) >>> 0 === 0) res.ok++;
        else if (disassemble(back, addr, { hexPrefix: true }).text === d.text) {
          res.ok++;
          res.redundant.push({ text, addr, word: back });
        } else if (res.failures.length < 4) res.failures.push(`${hex(word)} '${text}' → ${hex(back)} '${disassemble(back, addr, { hexPrefix: true }).text}'`);
      } catch (e) {
        if (res.failures.length < 4) res.failures.push(`${hex(word)} '${text}': ${(e as Error).message}`);
      }
    }
    out.push(res);
  }
  return out;
}

const hex = (w: number): string => (w >>> 0).toString(16).padStart(8, '0');
