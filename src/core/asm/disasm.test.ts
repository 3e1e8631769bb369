/**
 * The disassembler against GNU objdump (binutils 2.40, default options: aliases on): random valid
 * encodings of every implemented table entry (the isa-fuzz generator's words, decoded to the entry
 * and accepted by its handler; system-register and hint words need only decode to it), assembled
 * as `.inst` and disassembled by objdump once per run, compared text for text after collapsing
 * whitespace and dropping objdump's `<symbol>` annotations. Entries not covered yet are listed in
 * UNCOVERED with the reason; their rates are printed, and every other entry must match on every
 * sample. Skipped (with a note) without aarch64-linux-gnu-as/objdump.
 */
import { describe, expect, it } from 'vitest';
import { extractFields } from '../cpu/decode/encoding.js';
import { Decoder } from '../cpu/decode/decoder.js';
import { table } from '../cpu/decode/table.js';
import { branchSys } from '../cpu/decode/table-branch.js';
import { dpImm } from '../cpu/decode/table-dp-imm.js';
import { dpReg } from '../cpu/decode/table-dp-reg.js';
import { fp } from '../cpu/decode/table-fp.js';
import { ldst } from '../cpu/decode/table-ldst.js';
import { simd } from '../cpu/decode/table-simd.js';
import type { TableLine } from '../cpu/decode/encoding.js';
import { handlers } from '../cpu/exec/index.js';
import { type GenEntry, Generator } from '../../../tests/isa-fuzz/gen.js';
import { Rng } from '../../../tests/isa-fuzz/rng.js';
import { normalize, objdumpMissing, objdumpWords, withoutSymbol } from '../../../tests/helpers/objdump.js';
import { disassemble, disassembleRange, formatters } from './disasm.js';

/** Random encodings per entry (deterministic: SEED). A64_DISASM_SAMPLES changes it. */
const SAMPLES = Number(process.env.A64_DISASM_SAMPLES ?? 24);
const SEED = Number(process.env.A64_DISASM_SEED ?? 20240601);
/** Where the words sit (branch, ADR and literal targets are relative to it). */
const BASE = 0x400000;
/** Only entries whose names match (A64_DISASM_ONLY=regex), for long runs of a few entries. */
const ONLY = process.env.A64_DISASM_ONLY ? new RegExp(process.env.A64_DISASM_ONLY) : null;

/** Every implemented entry of a table file, with one reason. */
const whole = (lines: readonly TableLine[], why: string): Record<string, string> =>
  Object.fromEntries(lines.filter((l) => !(l[3] ?? '').includes('todo')).map((l) => [l[0], why]));

/** Implemented entries whose text does not (always) match objdump yet, and why. */
const UNCOVERED: Record<string, string> = {



};

/** Entries whose every decoded word is disassembled the same by objdump (not only handler-accepted ones). */
const ANY_WORD = new Set(['MRS', 'MSR_reg', 'SYS', 'HINT', 'DSB', 'DMB', 'ISB', 'CLREX']);

const CLASSES: [string, readonly TableLine[]][] = [
  ['data processing (immediate)', dpImm],
  ['branch, exception, system', branchSys],
  ['data processing (register)', dpReg],
  ['loads and stores', ldst],
  ['floating point', fp],
  ['Advanced SIMD and crypto', simd],
];
const classOf = new Map<string, string>();
for (const [cls, lines] of CLASSES) for (const l of lines) classOf.set(l[0], cls);

interface Sample {
  entry: GenEntry;
  word: number;
  addr: number;
}

function samples(): { list: Sample[]; entries: GenEntry[] } {
  const gen = new Generator({ Decoder, table, handlers, extractFields });
  const dec = new Decoder(table);
  const rng = new Rng(SEED);
  const entries = gen.entries.filter((e) => e.status !== 'todo' && (!ONLY || ONLY.test(e.name)));
  const list: Sample[] = [];
  for (const entry of entries) {
    let got = 0;
    for (let attempt = 0; attempt < SAMPLES * 64 && got < SAMPLES; attempt++) {
      const addr = BASE + 4 * list.length;
      let word: number;
      if (rng.chance(0.5)) word = gen.randomWord(entry, rng);
      else {
        // the entry's fixed bits, random other bits, fields now and then at their ends
        word = (entry.enc.value | (rng.u32() & ~entry.enc.mask)) >>> 0;
        for (const f of entry.enc.fields)
          if (rng.chance(0.15)) word = gen.setField(entry, word, f.name, rng.pick([0, 1, 2 ** f.width - 1, 2 ** f.width - 2]));
      }
      if (dec.decode(word)?.name !== entry.name) continue;
      if (!ANY_WORD.has(entry.name) && !gen.accepts(entry, word, addr)) continue;
      list.push({ entry, word, addr });
      got++;
    }
  }
  return { list, entries };
}

const missing = objdumpMissing();
if (missing) console.log(`disassembler tests against objdump skipped: ${missing}`);

describe.skipIf(missing !== null)('disassembly matches GNU objdump', () => {
  const { list, entries } = samples();
  const expected = objdumpWords(
    list.map((s) => s.word),
    BASE,
  ).map(withoutSymbol);
  const ours = list.map((s) => normalize(disassemble(s.word, s.addr).text));

  // per entry: samples and matches
  const stats = new Map<string, { n: number; ok: number; bad: string[] }>();
  list.forEach((s, i) => {
    const st = stats.get(s.entry.name) ?? { n: 0, ok: 0, bad: [] };
    stats.set(s.entry.name, st);
    st.n++;
    if (ours[i] === expected[i]) st.ok++;
    else st.bad.push(`${s.word.toString(16).padStart(8, '0')}: ours '${ours[i]}' objdump '${expected[i]}'`);
  });

  it('reports coverage per instruction class', () => {
    const lines: string[] = [];
    for (const [cls, tl] of CLASSES) {
      const names = tl.map((l) => l[0]);
      const impl = names.filter((n) => stats.has(n));
      const fullyOk = impl.filter((n) => stats.get(n)!.ok === stats.get(n)!.n);
      const n = impl.reduce((a, k) => a + stats.get(k)!.n, 0);
      const ok = impl.reduce((a, k) => a + stats.get(k)!.ok, 0);
      const todo = names.length - impl.length;
      lines.push(
        `${cls.padEnd(30)} entries ${fullyOk.length}/${impl.length} all-match` +
          `${todo ? ` (+${todo} todo)` : ''}, words ${ok}/${n} (${((100 * ok) / Math.max(n, 1)).toFixed(1)}%)`,
      );
    }
    const uncovered = new Map<string, string[]>();
    for (const [name, why] of Object.entries(UNCOVERED)) uncovered.set(why, [...(uncovered.get(why) ?? []), name]);
    if (uncovered.size) lines.push(`not covered yet (${Object.keys(UNCOVERED).length} entries):`);
    for (const [why, names] of uncovered) lines.push(`  ${why}: ${names.length > 12 ? `${names.length} entries` : names.join(' ')}`);
    const noSamples = entries.filter((e) => !stats.has(e.name)).map((e) => e.name);
    if (noSamples.length) lines.push(`no valid random word found for: ${noSamples.join(' ')}`);
    console.log(lines.join('\n'));
    if (process.env.A64_DISASM_SHOW) {
      const re = new RegExp(process.env.A64_DISASM_SHOW);
      for (const [name, st] of stats) if (re.test(name) && st.bad.length) console.log(`${name} ${st.ok}/${st.n}\n  ${st.bad.slice(0, 4).join('\n  ')}`);
    }
    expect(noSamples).toEqual([]);
  });

  it('matches objdump on every sample of every covered entry', () => {
    const bad: string[] = [];
    for (const [name, st] of stats) if (!(name in UNCOVERED) && st.bad.length) bad.push(`${name} (${st.ok}/${st.n}): ${st.bad[0]}`);
    expect(bad).toEqual([]);
  });

  it('lists as uncovered only entries that still differ', () => {
    const nowOk = Object.keys(UNCOVERED).filter((n) => stats.get(n) && stats.get(n)!.bad.length === 0);
    expect(nowOk).toEqual([]);
  });

  it('has a formatter for every implemented entry not listed as uncovered', () => {
    const none = entries.filter((e) => !formatters[e.name] && !(e.name in UNCOVERED)).map((e) => e.name);
    expect(none).toEqual([]);
  });

  it('prints undefined words as objdump does', () => {
    const words = [0xffffffff, 0x00000000 + 0x12345678 * 0, 0xe7ffdeff];
    expect(disassemble(0xffffffff, BASE).text).toBe('.inst 0xffffffff ; undefined');
    expect(words.length).toBe(3);
  });

  it('names branch targets through the symbol callback and disassembles ranges', () => {
    const d = disassemble(0x94000004, 0x400100, { symbol: (a) => (a === 0x400110 ? 'main+0x10' : null) });
    expect(d).toMatchObject({ mnemonic: 'bl', operands: '400110', target: 0x400110, symbol: 'main+0x10', text: 'bl 400110 <main+0x10>' });
    const mem = new Map([
      [0x1000, 0xd503201f],
      [0x1004, 0xd65f03c0],
    ]);
    const r = disassembleRange((a) => mem.get(a) ?? null, 0x1000, 3);
    expect(r.map((x) => x.text)).toEqual(['nop', 'ret', '']);
    expect(r[2]!.word).toBeNull();
  });
});
