#!/usr/bin/env node
// The random differential ISA tester's command line: runs random instructions of every encoding-table
// entry under qemu-aarch64 and on a64play's CPU (the compiled engine in build/: run `npm run build:cli`
// first), prints every divergence narrowed to one instruction, then the coverage table.
//
// Usage: node tests/isa-fuzz/run.js [--count N] [--seed S] [--only REGEX] [--block K]
//          [--word HEX]... [--batch CASES] [--fault-rate R] [--tier cold|hot|mixed] [--stop] [--coverage full|missing|none] [--quiet]
//   --count N        random instructions to run (default 20000; setup instructions not counted)
//   --seed S         PRNG seed (default 1); the same seed and options reproduce a run
//   --only REGEX     exercise only the table entries whose names match (e.g. '^LD|^ST', 'FCVT')
//   --word HEX       exercise only this instruction word (repeatable; e.g. to recheck a reported divergence)
//   --block K        random instructions per block (default 8)
//   --batch CASES    blocks per qemu process (default 1000)
//   --fault-rate R   share of memory accesses placed across the window's ends (default 0.005)
//   --tier T         a64play runs blocks as decoded ops (cold), compiled with inline sources (hot) or
//                    alternately (mixed, the default)
//   --stop           stop at the first divergence
//   --coverage MODE  full (default): counts of every entry; missing: only what did not run; none
// Environment: QEMU_AARCH64, AARCH64_CC, AARCH64_OBJDUMP name the tools.
// Exit status: 0 when nothing diverged, 1 on a divergence or a harness failure, 2 on bad usage.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { coverageText, fuzz, makeEngine, missingTools, unexercised } from './index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function usage(msg) {
  if (msg) console.error(`isa-fuzz: ${msg}`);
  console.error('usage: node tests/isa-fuzz/run.js [--count N] [--seed S] [--only REGEX] [--word HEX]... [--block K] [--batch CASES] [--fault-rate R] [--tier cold|hot|mixed] [--stop] [--coverage full|missing|none] [--quiet]');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { count: 20000, seed: 1, only: undefined, words: undefined, block: 8, batch: 1000, faultRate: 0.005, tier: 'mixed', stop: false, coverage: 'full', quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    const num = () => {
      const v = Number(val());
      if (!Number.isFinite(v) || v < 0) usage(`${a} needs a number`);
      return v;
    };
    if (a === '--count') o.count = Math.floor(num());
    else if (a === '--seed') o.seed = Math.floor(num());
    else if (a === '--only') o.only = new RegExp(val());
    else if (a === '--word') {
      const w = val();
      if (!/^(0x)?[0-9a-f]{1,8}$/i.test(w)) usage('--word takes a hexadecimal instruction word');
      (o.words ??= []).push(parseInt(w.replace(/^0x/i, ''), 16) >>> 0);
    } else if (a === '--block') o.block = Math.max(1, Math.floor(num()));
    else if (a === '--batch') o.batch = Math.max(1, Math.floor(num()));
    else if (a === '--fault-rate') o.faultRate = num();
    else if (a === '--tier') {
      o.tier = val();
      if (!['cold', 'hot', 'mixed'].includes(o.tier)) usage('--tier is cold, hot or mixed');
    } else if (a === '--stop') o.stop = true;
    else if (a === '--coverage') {
      o.coverage = val();
      if (!['full', 'missing', 'none'].includes(o.coverage)) usage('--coverage is full, missing or none');
    } else if (a === '--quiet') o.quiet = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  return o;
}

/** a64play's engine from build/ (the compiled TypeScript). */
async function loadEngine() {
  const core = join(root, 'build', 'core');
  if (!existsSync(join(core, 'cpu', 'cpu.js'))) {
    console.error('isa-fuzz: build/core is missing: run `npm run build:cli` first');
    process.exit(2);
  }
  const load = (p) => import(pathToFileURL(join(core, p)).href);
  const [cpu, memory, decoder, table, exec, encoding, op, layout] = await Promise.all([
    load('cpu/cpu.js'), load('memory/memory.js'), load('cpu/decode/decoder.js'), load('cpu/decode/table.js'),
    load('cpu/exec/index.js'), load('cpu/decode/encoding.js'), load('cpu/op.js'), load('cpu/layout.js'),
  ]);
  return makeEngine({ cpu, memory, decoder, table, exec, encoding, op, layout });
}

const opts = parseArgs(process.argv.slice(2));
const missing = missingTools();
if (missing) {
  console.error(`isa-fuzz: ${missing}`);
  process.exit(2);
}
const engine = await loadEngine();
console.log(`isa-fuzz: ${opts.count} instructions, seed ${opts.seed}, blocks of ${opts.block}${opts.only ? `, only ${opts.only}` : ''}`);
let result;
try {
  result = await fuzz(engine, {
    count: opts.count,
    seed: opts.seed,
    only: opts.only,
    words: opts.words,
    block: opts.block,
    batch: opts.batch,
    faultRate: opts.faultRate,
    tier: opts.tier,
    stopOnFirst: opts.stop,
    log: (line) => {
      if (line.startsWith('DIVERGENCE')) console.log(`\n${line}\n`);
      else if (!opts.quiet) console.log(line);
    },
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : `isa-fuzz: ${e}`);
  process.exit(2);
}

const rate = Math.round(result.instructions / result.seconds);
console.log(
  `\n${result.instructions} instructions (${result.words} words with setup) in ${result.cases} blocks, ` +
    `${result.seconds.toFixed(1)} s: ${rate} instructions/s`,
);
for (const [name, n] of Object.entries(result.tolerated)) console.log(`known difference ${name}: ${n} time(s), not reported (README.md)`);
for (const e of result.handlerErrors) console.log(`handler threw at decode time: ${e}`);
if (opts.coverage !== 'none') console.log(`\n${coverageText(result.coverage, opts.coverage)}`);
const zero = unexercised([result]);
if (result.divergences.length) {
  console.log(`\n${result.divergences.length} diverging entr${result.divergences.length === 1 ? 'y' : 'ies'}:`);
  for (const d of result.divergences) console.log(`  ${d.entry}: ${d.count} case(s), first ${d.word.toString(16).padStart(8, '0')} in case ${d.caseNo}`);
}
if (result.harnessFailures.length) console.log(`${result.harnessFailures.length} harness failure(s)`);
if (zero.length && opts.coverage !== 'none') console.log(`${zero.length} selected entries were not exercised`);
process.exit(result.divergences.length || result.harnessFailures.length || result.handlerErrors.length ? 1 : 0);
