/**
 * The disassembler against GNU objdump (binutils 2.40, default options: aliases on). For every
 * entry of the encoding table, random encodings from the isa-fuzz generator (deterministic seed):
 *   - valid: decoded to the entry and accepted by its handler (system-register, hint and barrier
 *     words, and the entries the CPU leaves 'todo', need only decode to it);
 *   - rejected: decoded to the entry but refused by its handler (UNDEFINED in a64play): objdump
 *     prints most as `.inst … ; undefined`, a few as instructions of extensions a64play lacks.
 * All words are assembled as `.inst` and disassembled by objdump once per run, and compared text
 * for text after collapsing whitespace and dropping objdump's `<symbol>` annotations. Entries
 * not covered yet are listed in UNCOVERED with the reason (their rates are printed); every other
 * entry must match on every sample. Skipped (with a note) without aarch64-linux-gnu-as/objdump.
 *
 * Longer runs: A64_DISASM_SAMPLES=2000 A64_DISASM_SEED=7 A64_DISASM_ONLY='^LD' A64_DISASM_SHOW=.
 * (SHOW prints the first differences of the entries it matches).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Decoder } from '../cpu/decode/decoder.js';
import { extractFields, type TableLine } from '../cpu/decode/encoding.js';
import { table } from '../cpu/decode/table.js';
import { branchSys } from '../cpu/decode/table-branch.js';
import { dpImm } from '../cpu/decode/table-dp-imm.js';
import { dpReg } from '../cpu/decode/table-dp-reg.js';
import { fp } from '../cpu/decode/table-fp.js';
import { ldst } from '../cpu/decode/table-ldst.js';
import { simd } from '../cpu/decode/table-simd.js';
import { handlers } from '../cpu/exec/index.js';
import { type GenEntry, Generator } from '../../../tests/isa-fuzz/gen.js';
import { Rng } from '../../../tests/isa-fuzz/rng.js';
import { normalize, objdumpFile, objdumpMissing, objdumpWords, withoutSymbol } from '../../../tests/helpers/objdump.js';
import { readSymbols } from '../elf/symbols.js';
import { disassemble, disassembleRange, formatters } from './disasm.js';

/** Valid random encodings per entry, and handler-rejected ones (when the entry has any). */
const SAMPLES = Number(process.env.A64_DISASM_SAMPLES ?? 24);
const REJECTED_SAMPLES = Math.max(1, Math.round(SAMPLES / 6));
const SEED = Number(process.env.A64_DISASM_SEED ?? 20240601);
/** Where the words sit (branch, ADR and literal targets are relative to it). */
const BASE = 0x400000;
/** Only entries whose names match (A64_DISASM_ONLY=regex), for long runs of a few entries. */
const ONLY = process.env.A64_DISASM_ONLY ? new RegExp(process.env.A64_DISASM_ONLY) : null;

/** Entries whose text does not (always) match objdump yet, and why. */
const UNCOVERED: Record<string, string> = {};

/** Entries whose every decoded word is disassembled alike (the handler's choice does not matter). */
const ANY_WORD = new Set(['MRS', 'MSR_reg', 'SYS', 'HINT', 'DSB', 'DMB', 'ISB', 'CLREX']);

const CLASSES: [string, readonly TableLine[]][] = [
  ['data processing (immediate)', dpImm],
  ['branch, exception, system', branchSys],
  ['data processing (register)', dpReg],
  ['loads and stores', ldst],
  ['floating point', fp],
  ['Advanced SIMD and crypto', simd],
];

type Kind = 'valid' | 'rejected';
interface Sample {
  entry: GenEntry;
  kind: Kind;
  word: number;
  addr: number;
}

function samples(): { list: Sample[]; entries: GenEntry[] } {
  const gen = new Generator({ Decoder, table, handlers, extractFields });
  const dec = new Decoder(table);
  const rng = new Rng(SEED);
  const entries = gen.entries.filter((e) => !ONLY || ONLY.test(e.name));
  const list: Sample[] = [];
  const randomWord = (entry: GenEntry): number => {
    if (rng.chance(0.5)) return gen.randomWord(entry, rng);
    // the entry's fixed bits, random other bits, fields now and then at their ends
    let word = (entry.enc.value | (rng.u32() & ~entry.enc.mask)) >>> 0;
    for (const f of entry.enc.fields)
      if (rng.chance(0.15)) word = gen.setField(entry, word, f.name, rng.pick([0, 1, 2 ** f.width - 1, 2 ** f.width - 2]));
    return word;
  };
  for (const entry of entries) {
    const checked = entry.status !== 'todo' && !ANY_WORD.has(entry.name);
    const want: Record<Kind, number> = { valid: SAMPLES, rejected: checked ? REJECTED_SAMPLES : 0 };
    const got: Record<Kind, number> = { valid: 0, rejected: 0 };
    for (let attempt = 0; attempt < SAMPLES * 64 && (got.valid < want.valid || got.rejected < want.rejected); attempt++) {
      const word = randomWord(entry);
      if (dec.decode(word)?.name !== entry.name) continue;
      const addr = BASE + 4 * list.length;
      const kind: Kind = !checked || gen.accepts(entry, word, addr) ? 'valid' : 'rejected';
      if (got[kind] >= want[kind]) continue;
      list.push({ entry, kind, word, addr });
      got[kind]++;
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

  interface Stat {
    n: Record<Kind, number>;
    ok: Record<Kind, number>;
    bad: string[];
  }
  const stats = new Map<string, Stat>();
  list.forEach((s, i) => {
    let st = stats.get(s.entry.name);
    if (!st) stats.set(s.entry.name, (st = { n: { valid: 0, rejected: 0 }, ok: { valid: 0, rejected: 0 }, bad: [] }));
    st.n[s.kind]++;
    if (ours[i] === expected[i]) st.ok[s.kind]++;
    else st.bad.push(`${s.word.toString(16).padStart(8, '0')} (${s.kind}): ours '${ours[i]}' objdump '${expected[i]}'`);
  });
  const allOk = (st: Stat) => st.bad.length === 0;
  const pct = (ok: number, n: number) => (n ? `${ok}/${n} (${((100 * ok) / n).toFixed(1)}%)` : 'none');

  it('reports coverage per instruction class', () => {
    const lines: string[] = [];
    const todo = new Set(entries.filter((e) => e.status === 'todo').map((e) => e.name));
    for (const [cls, tl] of CLASSES) {
      const names = tl.map((l) => l[0]).filter((n) => stats.has(n));
      if (!names.length) continue;
      const sum = (kind: Kind, key: 'n' | 'ok') => names.reduce((a, k) => a + stats.get(k)![key][kind], 0);
      const full = names.filter((n) => allOk(stats.get(n)!)).length;
      const todos = names.filter((n) => todo.has(n)).length;
      lines.push(
        `${cls.padEnd(28)} entries ${full}/${names.length}${todos ? ` (${todos} todo in the CPU)` : ''}, ` +
          `valid words ${pct(sum('valid', 'ok'), sum('valid', 'n'))}, rejected words ${pct(sum('rejected', 'ok'), sum('rejected', 'n'))}`,
      );
    }
    const uncovered = new Map<string, string[]>();
    for (const [name, why] of Object.entries(UNCOVERED)) uncovered.set(why, [...(uncovered.get(why) ?? []), name]);
    if (uncovered.size) lines.push(`not covered yet (${Object.keys(UNCOVERED).length} entries):`);
    for (const [why, names] of uncovered) lines.push(`  ${why}: ${names.length > 12 ? `${names.length} entries` : names.join(' ')}`);
    const noSamples = entries.filter((e) => !stats.get(e.name)?.n.valid).map((e) => e.name);
    if (noSamples.length) lines.push(`no valid random word found for: ${noSamples.join(' ')}`);
    console.log(lines.join('\n'));
    if (process.env.A64_DISASM_SHOW) {
      const re = new RegExp(process.env.A64_DISASM_SHOW);
      for (const [name, st] of stats)
        if (re.test(name) && st.bad.length) console.log(`${name} ${st.ok.valid + st.ok.rejected}/${st.n.valid + st.n.rejected}\n  ${st.bad.slice(0, 4).join('\n  ')}`);
    }
    expect(noSamples).toEqual([]);
  });

  it('matches objdump on every sample of every covered entry', () => {
    const bad: string[] = [];
    for (const [name, st] of stats) if (!(name in UNCOVERED) && !allOk(st)) bad.push(`${name}: ${st.bad[0]}`);
    expect(bad).toEqual([]);
  });

  it('lists as uncovered only entries that still differ', () => {
    const nowOk = Object.keys(UNCOVERED).filter((n) => stats.get(n) && allOk(stats.get(n)!));
    expect(nowOk).toEqual([]);
  });

  it('has a formatter for every table entry not listed as uncovered', () => {
    const none = entries.filter((e) => !formatters[e.name] && !(e.name in UNCOVERED)).map((e) => e.name);
    expect(none).toEqual([]);
  });
});

/** Fixture programs (static glibc, NEON, crypto, C++): the .text objdump -d prints, word by word. */
const FIXTURES = ['ext_neon', 'ext_crypto', 'ext_atomics_lse', 'hello_cpp'];

describe.skipIf(missing !== null)('disassembly of fixture programs matches objdump -d', () => {
  it('on at least 99.5% of instructions, and on every word the table knows', () => {
    const dec = new Decoder(table);
    let n = 0;
    let ok = 0;
    const outside = new Map<string, number>();
    const wrong: string[] = [];
    for (const name of FIXTURES) {
      const file = `tests/guest/bin/${name}`;
      // objdump writes targets as 0x… in a file without symbols, as `4001a0 <sym>` otherwise
      const hexPrefix = readSymbols(new Uint8Array(readFileSync(file))).length === 0;
      for (const { addr, word, text } of objdumpFile(file)) {
        n++;
        const ours = normalize(disassemble(word, addr, { hexPrefix }).text);
        if (ours === text) ok++;
        else if (dec.decode(word)) wrong.push(`${name} ${addr.toString(16)}: ours '${ours}' objdump '${text}'`);
        else outside.set(text.split(' ')[0]!, (outside.get(text.split(' ')[0]!) ?? 0) + 1);
      }
    }
    console.log(
      `fixtures ${FIXTURES.join(', ')}: ${ok}/${n} instructions match (${((100 * ok) / n).toFixed(3)}%); ` +
        `outside the table (SVE, MTE, …): ${[...outside].map(([k, c]) => `${k} ${c}`).join(', ')}`,
    );
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(ok / n).toBeGreaterThanOrEqual(0.995);
  });
});

describe('disassembler API', () => {
  it('prints words outside the table as objdump does', () => {
    expect(disassemble(0xffffffff, BASE)).toEqual({ text: '.inst 0xffffffff ; undefined', mnemonic: '.inst', operands: '0xffffffff' });
  });

  it('gives branch, ADR and literal targets and names them through the symbol callback', () => {
    const symbol = (a: number) => (a === 0x400110 ? 'main+0x10' : null);
    // bl 400110
    expect(disassemble(0x94000004, 0x400100, { symbol })).toEqual({
      text: 'bl 400110 <main+0x10>',
      mnemonic: 'bl',
      operands: '400110',
      target: 0x400110,
      symbol: 'main+0x10',
    });
    // b.ne 4000f8 (no symbol there): objdump's comment with the other names of the condition
    expect(disassemble(0x54ffffc1, 0x400100, { symbol })).toMatchObject({ text: 'b.ne 4000f8 // b.any', target: 0x4000f8, comment: 'b.any' });
    // adrp x0, 0x410000; ldr x1, <literal>
    expect(disassemble(0x90000080, 0x400abc).target).toBe(0x410000);
    expect(disassemble(0x58000081, 0x400100)).toMatchObject({ text: 'ldr x1, 400110', target: 0x400110 });
    // a branch below address 0 wraps as a 64-bit address
    expect(disassemble(0x17ffffff, 0).text).toBe('b fffffffffffffffc');
  });

  it('keeps objdump comments apart from the operands', () => {
    expect(disassemble(0xd2824680, 0)).toEqual({ text: 'mov x0, #0x1234 // #4660', mnemonic: 'mov', operands: 'x0, #0x1234', comment: '#4660' });
    expect(disassemble(0x9a9f17e0, 0)).toMatchObject({ mnemonic: 'cset', operands: 'x0, eq', comment: 'eq = none' });
  });

  it('disassembles ranges, with empty lines where memory cannot be read', () => {
    const mem = new Map([
      [0x1000, 0xd503201f],
      [0x1004, 0xd65f03c0],
    ]);
    const r = disassembleRange((a) => mem.get(a) ?? null, 0x1000, 3);
    expect(r.map((x) => [x.addr, x.word, x.text])).toEqual([
      [0x1000, 0xd503201f, 'nop'],
      [0x1004, 0xd65f03c0, 'ret'],
      [0x1008, null, ''],
    ]);
  });
});
