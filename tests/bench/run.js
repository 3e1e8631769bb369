#!/usr/bin/env node
// Benchmark: runs tests/guest/bin/bench under a64play (with --stats) and,
// when installed, under qemu-aarch64; checks that both produce the same
// output and prints guest instructions, a64play wall time and MIPS, qemu wall
// time and the a64play/qemu time ratio. Each side is run --runs times (default
// 3) and the best (fastest) run is reported.
//
// Usage: node tests/bench/run.js [--runs N] [--no-qemu] [--json] [--] [BENCH ARGS...]
//   BENCH ARGS   passed to the guest program (its iteration count; default: the program's own)
//   --no-qemu    skip the qemu comparison
//   --json       print the summary as one JSON object instead of text
// Environment: QEMU_AARCH64 names the qemu binary (default: qemu-aarch64 on PATH, then /usr/bin).
// Exit status: 0 on success, 1 if a run fails or the outputs differ, 2 on bad usage.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findQemu } from '../helpers/qemu.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchBinary = 'tests/guest/bin/bench';
const a64play = path.join(repoRoot, 'bin', 'a64play.js');
// The line `a64play --stats` prints on stderr at exit.
const STATS_LINE_RE = /^a64play: (\d+) instructions in ([0-9.]+) s \(([0-9.]+) MIPS\)$/;
const TIMEOUT_MS = 30 * 60 * 1000;

function usage(msg) {
  if (msg) console.error(`bench: ${msg}`);
  console.error('usage: node tests/bench/run.js [--runs N] [--no-qemu] [--json] [--] [BENCH ARGS...]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { runs: 3, qemu: true, json: false, benchArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      opts.benchArgs.push(...argv.slice(i + 1));
      break;
    } else if (a === '--runs') {
      opts.runs = Number(argv[++i]);
      if (!Number.isInteger(opts.runs) || opts.runs < 1) usage('--runs needs a positive integer');
    } else if (a.startsWith('--runs=')) {
      opts.runs = Number(a.slice('--runs='.length));
      if (!Number.isInteger(opts.runs) || opts.runs < 1) usage('--runs needs a positive integer');
    } else if (a === '--no-qemu') {
      opts.qemu = false;
    } else if (a === '--json') {
      opts.json = true;
    } else if (a === '-h' || a === '--help') {
      usage();
    } else if (a.startsWith('--')) {
      usage(`unknown option ${a}`);
    } else {
      opts.benchArgs.push(a);
    }
  }
  return opts;
}

// The same fixed guest environment as the fixture tests.
function guestEnv() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'tests', 'guest', 'cases.json'), 'utf8'));
  return { ...manifest.env };
}

function runOnce(command, args, env) {
  const started = process.hrtime.bigint();
  const res = spawnSync(command, args, { cwd: repoRoot, env, timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (res.error) throw new Error(`${path.basename(command)}: ${res.error.message}`);
  const stdout = res.stdout.toString('latin1');
  const stderr = res.stderr.toString('latin1');
  if (res.status !== 0) {
    const why = res.signal ? `killed by ${res.signal}` : `exit status ${res.status}`;
    throw new Error(`${path.basename(command)} ${args.join(' ')}: ${why}\n${stderr.slice(-2000)}`);
  }
  return { stdout, stderr, wall };
}

function fmt(seconds) {
  return `${seconds.toFixed(3)} s`;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(repoRoot, benchBinary))) {
    console.error(`bench: ${benchBinary} missing (run tests/build-fixtures.sh)`);
    process.exit(1);
  }
  const env = guestEnv();
  const log = opts.json ? () => {} : (s) => console.log(s);
  log(`bench: ${benchBinary} ${opts.benchArgs.join(' ')}`.trimEnd() + `, best of ${opts.runs}`);

  // a64play
  let best = null;
  let reference = null;
  for (let i = 0; i < opts.runs; i++) {
    const r = runOnce(process.execPath, [a64play, '--stats', benchBinary, ...opts.benchArgs], env);
    const lines = r.stderr.split('\n');
    const statsLine = lines.find((l) => STATS_LINE_RE.test(l));
    const m = statsLine ? STATS_LINE_RE.exec(statsLine) : null;
    const insnMatch = /(\d+) instructions/.exec(statsLine ?? r.stderr);
    if (!insnMatch) throw new Error(`a64play --stats printed no "N instructions" line; stderr:\n${r.stderr.slice(-2000)}`);
    const run = {
      instructions: Number(insnMatch[1]),
      emuSeconds: m ? Number(m[2]) : null,
      mips: m ? Number(m[3]) : null,
      wall: r.wall,
      stdout: r.stdout,
      // the guest's own stderr, without the stats line
      stderr: lines.filter((l) => l !== statsLine).join('\n'),
    };
    if (reference && (run.stdout !== reference.stdout || run.stderr !== reference.stderr)) {
      throw new Error('a64play output differs between runs');
    }
    reference ??= run;
    log(`  a64play run ${i + 1}: ${fmt(run.wall)} wall` + (run.mips !== null ? `, ${run.mips} MIPS (emulator's own figure)` : ''));
    if (!best || run.wall < best.wall) best = run;
  }

  // qemu
  let qemuBest = null;
  let outputsMatch = null;
  const qemu = opts.qemu ? findQemu() : null;
  if (opts.qemu && !qemu) log('  qemu-aarch64 not found: no comparison');
  if (qemu) {
    for (let i = 0; i < opts.runs; i++) {
      const r = runOnce(qemu, [benchBinary, ...opts.benchArgs], env);
      log(`  qemu    run ${i + 1}: ${fmt(r.wall)} wall`);
      if (!qemuBest || r.wall < qemuBest.wall) qemuBest = r;
    }
    outputsMatch = qemuBest.stdout === best.stdout && qemuBest.stderr === best.stderr;
  }

  const summary = {
    args: opts.benchArgs,
    runs: opts.runs,
    instructions: best.instructions,
    a64playWallSeconds: Number(best.wall.toFixed(4)),
    a64playEmulatorSeconds: best.emuSeconds,
    mips: Number((best.instructions / best.wall / 1e6).toFixed(1)),
    mipsReported: best.mips,
    qemuWallSeconds: qemuBest ? Number(qemuBest.wall.toFixed(4)) : null,
    ratio: qemuBest ? Number((best.wall / qemuBest.wall).toFixed(2)) : null,
    outputsMatch,
    checksum: (/^checksum (\S+)$/m.exec(best.stdout) || [])[1] ?? null,
  };

  if (opts.json) {
    console.log(JSON.stringify(summary));
  } else {
    console.log('');
    console.log(`guest instructions     ${summary.instructions.toLocaleString('en-US')}`);
    console.log(
      `a64play wall time      ${fmt(best.wall)}` + (best.emuSeconds !== null ? ` (emulator's own timing: ${fmt(best.emuSeconds)})` : ''),
    );
    console.log(
      `a64play MIPS           ${summary.mips} (instructions / wall time incl. node start-up)` +
        (best.mips !== null ? `; --stats says ${best.mips}` : ''),
    );
    if (qemuBest) {
      console.log(`qemu-aarch64 wall time ${fmt(qemuBest.wall)}`);
      console.log(`a64play / qemu         ${summary.ratio}x`);
      console.log(`outputs                ${outputsMatch ? 'identical' : 'DIFFERENT'}`);
    }
    console.log(`checksum               ${summary.checksum ?? '(none printed)'}`);
  }

  if (outputsMatch === false) {
    if (!opts.json) {
      console.error('bench: a64play and qemu-aarch64 outputs differ');
      console.error(`--- qemu stdout\n${qemuBest.stdout}--- a64play stdout\n${best.stdout}`);
    }
    process.exit(1);
  }
}

try {
  main();
} catch (err) {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
