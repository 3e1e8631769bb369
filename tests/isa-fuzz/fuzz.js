// The random differential ISA tester: generates cases, runs them under qemu-aarch64 (through the
// harness) and on a64play's Cpu, compares, narrows every divergence down to one instruction, and
// counts how often each encoding-table entry ran. Used by run.js (the CLI) and isa-fuzz.test.ts.

import { afterText, differences, inputAsOutput, sameRecord, stateText } from './compare.js';
import { Generator } from './gen.js';
import { knownDifference } from './known.js';
import { CODE_ADDR, IN_CODE, IN_NCODE, IN_SIZE, IN_START, IN_STATE, IN_WIN, MAX_CODE, OUT_SIZE } from './layout.js';
import { OurMachine } from './ours.js';
import { buildHarness, disassemble, runQemu } from './qemu.js';
import { Rng } from './rng.js';
import { randomState, randomWindow } from './state.js';

/**
 * @typedef {object} FuzzOptions
 * @property {number} count random instructions to run (setup instructions not counted)
 * @property {number} seed
 * @property {RegExp} [only] exercise only the entries whose names match
 * @property {number[]} [words] exercise only these instruction words (still with random operands' values)
 * @property {number} [block] random instructions per block (default 8)
 * @property {number} [batch] cases per qemu process (default 1000)
 * @property {number} [faultRate] share of memory accesses placed across the window's ends (default 0.005)
 * @property {number} [rejectRate] share of blocks ending with a word a64play rejects (default 0.05)
 * @property {'cold' | 'hot' | 'mixed'} [tier] run a64play's blocks as decoded ops (cold), as compiled
 *   functions with inline sources (hot), or alternately (mixed, the default)
 * @property {boolean} [stopOnFirst] stop after the first divergence
 * @property {(line: string) => void} [log] progress lines
 */

/** Packs a case into an input record at `off` of `buf`. */
function pack(buf, off, c) {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  dv.setUint32(off + IN_NCODE, c.words.length, true);
  dv.setUint32(off + IN_START, c.start, true);
  buf.set(c.state, off + IN_STATE);
  for (let i = 0; i < c.words.length; i++) dv.setUint32(off + IN_CODE + 4 * i, c.words[i], true);
  buf.set(c.window, off + IN_WIN);
}

function packAll(cases) {
  const buf = new Uint8Array(cases.length * IN_SIZE);
  cases.forEach((c, i) => pack(buf, i * IN_SIZE, c));
  return buf;
}

/**
 * Runs the fuzzer with a64play's `engine` (see ours.js). Resolves to the run's results; never
 * throws for divergences (they are in `divergences`).
 * @param {import('./ours.js').Engine} engine @param {FuzzOptions} opts
 */
export async function fuzz(engine, opts) {
  const log = opts.log ?? (() => {});
  const K = opts.block ?? 8;
  const batchCases = opts.batch ?? 1000;
  const tier = opts.tier ?? 'mixed';
  const gen = new Generator(engine, { only: opts.only, words: opts.words, faultRate: opts.faultRate, rejectRate: opts.rejectRate });
  if (gen.active.length === 0) throw new Error('isa-fuzz: no table entry to exercise');
  const ours = new OurMachine(engine);
  const harness = buildHarness();
  const rng = new Rng(opts.seed);
  const t0 = Date.now();

  let generated = 0;
  let casesRun = 0;
  let wordsRun = 0;
  /** first full report per diverging entry, and counts */
  const divergences = [];
  const byEntry = new Map();
  const tolerated = new Map();
  const harnessFailures = [];
  let stop = false;

  const makeBatch = () => {
    const cases = [];
    let fruitless = 0;
    while (cases.length < batchCases && generated < opts.count && fruitless < 1000) {
      const start = 1 + rng.int(64);
      const state = randomState(rng);
      const window = randomWindow(rng);
      const { words, tests } = gen.block(rng, gen.active, Math.min(K, opts.count - generated), start, MAX_CODE);
      const n = tests.filter((t) => t).length;
      if (n === 0) {
        fruitless++;
        continue;
      }
      generated += n;
      const no = casesRun + cases.length;
      const hot = tier === 'hot' || (tier === 'mixed' && no % 2 === 1);
      cases.push({ start, state, window, words, tests, no, hot });
    }
    if (cases.length === 0) return null;
    const input = packAll(cases);
    return { cases, input, qemu: runQemu(harness, input, cases.length) };
  };

  try {
    let cur = makeBatch();
    while (cur && !stop) {
      const next = generated < opts.count ? makeBatch() : null;
      // a64play's results while qemu works on this batch (and the next)
      const mine = new Uint8Array(cur.cases.length * OUT_SIZE);
      cur.cases.forEach((c, i) => ours.run(cur.input.subarray(i * IN_SIZE, (i + 1) * IN_SIZE), mine.subarray(i * OUT_SIZE, (i + 1) * OUT_SIZE), c.hot));
      const q = await cur.qemu;
      const done = Math.floor(q.out.length / OUT_SIZE);
      const diverging = [];
      for (let i = 0; i < cur.cases.length; i++) {
        const c = cur.cases[i];
        if (i >= done) {
          harnessFailures.push({ case: c, stderr: q.stderr });
          log(`harness failure at case ${c.no}: ${q.stderr.trim()}`);
          break;
        }
        casesRun++;
        wordsRun += c.words.length;
        const qo = q.out.subarray(i * OUT_SIZE, (i + 1) * OUT_SIZE);
        const oo = mine.subarray(i * OUT_SIZE, (i + 1) * OUT_SIZE);
        if (!sameRecord(qo, oo)) diverging.push({ c, qemu: new Uint8Array(qo), ours: new Uint8Array(oo) });
      }
      for (const { c, d } of await narrow(harness, ours, diverging)) {
        if (stop) break;
        const known = d.index >= 0 ? knownDifference(d.entryName, d.word, d.before, d.qemu, d.ours, d.diffs) : undefined;
        if (known) {
          tolerated.set(known.name, (tolerated.get(known.name) ?? 0) + 1);
          continue;
        }
        const key = divergenceKey(d);
        const seen = byEntry.get(key);
        if (seen) seen.count++;
        else {
          const entry = { entry: key, count: 1, word: d.word, caseNo: c.no, report: report(d, c, opts.seed) };
          byEntry.set(key, entry);
          divergences.push(entry);
          log(entry.report);
        }
        if (opts.stopOnFirst) stop = true;
      }
      if (casesRun > 0) log(`${generated} instructions generated, ${casesRun} cases compared, ${divergences.length} diverging entries (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      cur = next;
      if (stop && next) await next.qemu;
    }
  } finally {
    harness.dispose();
  }
  const seconds = (Date.now() - t0) / 1000;
  return {
    seed: opts.seed,
    instructions: generated,
    cases: casesRun,
    words: wordsRun,
    seconds,
    divergences,
    tolerated: Object.fromEntries(tolerated),
    harnessFailures,
    handlerErrors: gen.handlerErrors,
    coverage: gen.entries.map((e) => ({
      name: e.name,
      mnemonic: e.enc.mnemonic,
      status: e.status,
      reason: e.reason,
      count: e.count,
      tries: e.tries,
      valid: e.valid,
      rejected: e.rejectedRun,
    })),
  };
}

/**
 * Finds, for each diverging case, an instruction whose result differs from a state both sides
 * agree on. Usually all prefixes of all diverging blocks go to qemu in one run and the first one
 * that differs wins; when there are too many, a binary search over prefixes (the empty prefix
 * agrees, the whole block does not) with one qemu run per step.
 * @param {{c: any, qemu: Uint8Array, ours: Uint8Array}[]} diverging
 */
async function narrow(harness, ours, diverging) {
  const probes = diverging.map(({ c, qemu, ours: o }) => {
    const input = packAll([c]);
    return { c, lo: 0, hi: c.words.length, loRec: inputAsOutput(input), hiQemu: qemu, hiOurs: o, failed: '' };
  });
  const allPrefixes = probes.reduce((n, p) => n + p.hi - 1, 0) <= 2000;
  for (;;) {
    const open = probes.filter((p) => p.hi - p.lo > 1 && !p.failed);
    if (open.length === 0) break;
    // the prefix lengths to try for each open probe, shortest first
    const tries = open.map((p) => {
      if (!allPrefixes) return [(p.lo + p.hi) >> 1];
      const t = [];
      for (let j = p.lo + 1; j < p.hi; j++) t.push(j);
      return t;
    });
    const cases = [];
    open.forEach((p, k) => tries[k].forEach((j) => cases.push({ ...p.c, words: p.c.words.slice(0, j) })));
    const input = packAll(cases);
    const q = await runQemu(harness, input, cases.length);
    let r = 0;
    open.forEach((p, k) => {
      for (const j of tries[k]) {
        const at = r++;
        if (p.failed || j >= p.hi) continue;
        if ((at + 1) * OUT_SIZE > q.out.length) {
          p.failed = `qemu failed on a prefix: ${q.stderr.trim()}`;
          continue;
        }
        const qo = new Uint8Array(q.out.subarray(at * OUT_SIZE, (at + 1) * OUT_SIZE));
        const o = new Uint8Array(OUT_SIZE);
        ours.run(input.subarray(at * IN_SIZE, (at + 1) * IN_SIZE), o, p.c.hot);
        if (sameRecord(qo, o)) [p.lo, p.loRec] = [j, qo];
        else [p.hi, p.hiQemu, p.hiOurs] = [j, qo, o];
      }
    });
  }
  return probes.map((p) => {
    const c = p.c;
    const diffs = differences(p.hiQemu, p.hiOurs);
    if (p.failed) {
      return { c, d: { index: -1, word: 0, entryName: undefined, before: p.loRec, qemu: p.hiQemu, ours: p.hiOurs, diffs, note: p.failed } };
    }
    const j = p.hi - 1;
    const entry = c.tests[j];
    const entryName = entry ? entry.name : `setup for ${nextTest(c, j)}`;
    return { c, d: { index: j, word: c.words[j], entryName, before: p.loRec, qemu: p.hiQemu, ours: p.hiOurs, diffs } };
  });
}

/**
 * Divergences are reported once per entry; system instructions once per system register or
 * operation (they share a few table entries).
 */
function divergenceKey(d) {
  if (d.entryName === undefined) return '(not reproducible)';
  if (/^(SYS|MRS|MSR_reg|HINT)$/.test(d.entryName)) {
    const w = d.word;
    return `${d.entryName}(op1=${(w >>> 16) & 7} CRn=${(w >>> 12) & 15} CRm=${(w >>> 8) & 15} op2=${(w >>> 5) & 7})`;
  }
  return d.entryName;
}

function nextTest(c, j) {
  for (let k = j; k < c.tests.length; k++) if (c.tests[k]) return c.tests[k].name;
  return '?';
}

/** The text report of one divergence. */
function report(d, c, seed) {
  const dis = disassemble(c.words, CODE_ADDR + 4 * c.start);
  const lines = [];
  const at = CODE_ADDR + 4 * (c.start + Math.max(d.index, 0));
  if (d.index >= 0) {
    lines.push(`DIVERGENCE in ${d.entryName}: ${d.word.toString(16).padStart(8, '0')}  ${dis[d.index] || '(objdump: ?)'}`);
    lines.push(`  at 0x${at.toString(16)}, word ${d.index} of case ${c.no} (seed ${seed}, a64play ${c.hot ? 'compiled' : 'decoded-op'} block); differing: ${d.diffs.join(' ')}`);
  } else {
    lines.push(`DIVERGENCE in case ${c.no} (seed ${seed}): ${d.note}; differing: ${d.diffs.join(' ')}`);
  }
  lines.push('  block:');
  c.words.forEach((w, i) => {
    const mark = i === d.index ? '>' : ' ';
    const role = c.tests[i] ? c.tests[i].name : 'setup';
    lines.push(`   ${mark} 0x${(CODE_ADDR + 4 * (c.start + i)).toString(16)}  ${w.toString(16).padStart(8, '0')}  ${(dis[i] || '?').padEnd(40)} ${role}`);
  });
  lines.push('  state before the instruction:');
  lines.push(stateText(d.before));
  lines.push('  after (! marks a difference; other lines are what the instruction changed):');
  lines.push(afterText(d.before, d.qemu, d.ours));
  return lines.join('\n');
}
