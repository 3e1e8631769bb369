#!/usr/bin/env node
// Records the reference results of the guest test programs: runs every case
// of tests/guest/cases.json under qemu-aarch64 and writes
// tests/guest/expected/NAME.stdout, NAME.stderr and NAME.status.
// Each case is run --runs times (default 2) and must give identical results
// every time, otherwise nothing is written for it and the script fails.
//
// Usage: node tests/guest/record-expected.mjs [--runs N] [--check | --check-native] [--only a,b] [--qemu PATH]
//   --check         compare qemu's output with the recorded files instead of writing them
//   --check-native  for the cases marked expectedByHand: build src/FIXTURE.c for the host with
//                   the host C compiler (HOST_CC, default cc) and compare its output, run on the
//                   host kernel, with the hand-written files (a check of those files against real
//                   Linux; the programs are portable C apart from a few aarch64-only parts)
//   --only          restrict to the named cases (and keep the other expected files)
// The qemu binary can also be given with the QEMU_AARCH64 environment variable.
//
// Cases marked "expectedByHand" in cases.json (qemu-user cannot produce their output, e.g.
// because they execve another guest program) are never run under qemu nor written here.
//
// How a case is run (the test runner does exactly the same with a64play):
//   - environment: only manifest.env plus case.env (like `env -i`); qemu-user
//     hands its own environment to the guest unchanged;
//   - cwd: the repository root, binary given as tests/guest/bin/NAME; or with
//     scratchCwd a fresh temporary directory, binary given by absolute path;
//   - stdin: the case's stdin file, or empty input;
//   - status: the exit code, or 128 + signal number if the process was killed.
// For cases with stderrFromSignal no .stderr file is written: qemu prints its
// own "qemu: uncaught target signal ..." line, a64play a shell-like message.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findQemu } from '../helpers/qemu.mjs';

const guestDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(guestDir, '..', '..');
const expectedDir = path.join(guestDir, 'expected');

function usage(msg) {
  if (msg) console.error(`record-expected: ${msg}`);
  console.error('usage: node tests/guest/record-expected.mjs [--runs N] [--check | --check-native] [--only a,b] [--qemu PATH]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { runs: 2, check: false, checkNative: false, only: null, qemu: process.env.QEMU_AARCH64 || null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') {
      opts.runs = Number(argv[++i]);
      if (!Number.isInteger(opts.runs) || opts.runs < 1) usage('--runs needs a positive integer');
    } else if (a === '--check') {
      opts.check = true;
    } else if (a === '--check-native') {
      opts.checkNative = true;
    } else if (a === '--only') {
      opts.only = new Set((argv[++i] || '').split(',').filter(Boolean));
    } else if (a === '--qemu') {
      opts.qemu = argv[++i];
    } else {
      usage(`unknown argument ${a}`);
    }
  }
  if (opts.check && opts.checkNative) usage('--check and --check-native exclude each other');
  return opts;
}

function loadManifest() {
  const manifest = JSON.parse(fs.readFileSync(path.join(guestDir, 'cases.json'), 'utf8'));
  const names = new Set();
  for (const c of manifest.cases) {
    if (!/^[A-Za-z0-9_.-]+$/.test(c.name)) throw new Error(`bad case name ${JSON.stringify(c.name)}`);
    if (names.has(c.name)) throw new Error(`duplicate case name ${c.name}`);
    names.add(c.name);
    if (!fs.existsSync(path.join(guestDir, 'bin', c.fixture))) {
      throw new Error(`case ${c.name}: fixture tests/guest/bin/${c.fixture} does not exist (run tests/build-fixtures.sh)`);
    }
  }
  return manifest;
}

function signalNumber(name) {
  const n = os.constants.signals[name];
  if (typeof n !== 'number') throw new Error(`unknown signal ${name}`);
  return n;
}

// Runs one case under qemu (or, with nativeBinary, that host program directly instead of
// qemu + the fixture); returns { stdout: Buffer, stderr: Buffer, status: number, signal: number|null }.
function runCase(qemu, manifest, c, nativeBinary = null) {
  const scratch = c.scratchCwd ? fs.mkdtempSync(path.join(os.tmpdir(), 'a64play-case-')) : null;
  try {
    const binary = nativeBinary || (scratch ? path.join(guestDir, 'bin', c.fixture) : `tests/guest/bin/${c.fixture}`);
    const input = c.stdin ? fs.readFileSync(path.join(guestDir, c.stdin)) : Buffer.alloc(0);
    const [command, args] = nativeBinary ? [binary, c.args || []] : [qemu, [binary, ...(c.args || [])]];
    const res = spawnSync(command, args, {
      cwd: scratch || repoRoot,
      env: { ...manifest.env, ...(c.env || {}) },
      input,
      timeout: c.timeoutMs || manifest.timeoutMs || 60000,
      maxBuffer: 256 * 1024 * 1024,
    });
    if (res.error) throw new Error(`case ${c.name}: ${res.error.message}`);
    const signal = res.signal ? signalNumber(res.signal) : null;
    return {
      stdout: res.stdout,
      stderr: res.stderr,
      status: signal !== null ? 128 + signal : res.status,
      signal,
    };
  } finally {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function sameResult(a, b) {
  return a.status === b.status && a.stdout.equals(b.stdout) && a.stderr.equals(b.stderr);
}

// What gets stored for a case: { stdout, stderr (Buffer or null), status }.
function toRecord(c, r) {
  if (c.stderrFromSignal !== undefined) {
    if (r.signal !== c.stderrFromSignal) {
      throw new Error(`case ${c.name}: expected death by signal ${c.stderrFromSignal}, got status ${r.status}`);
    }
    const text = r.stderr.toString('latin1');
    if (!/^qemu: uncaught target signal \d+ \([^)]*\) - core dumped\n$/.test(text)) {
      throw new Error(`case ${c.name}: stderr has more than qemu's signal line, cannot be replaced: ${JSON.stringify(text)}`);
    }
    return { stdout: r.stdout, stderr: null, status: r.status };
  }
  if (r.signal !== null) {
    throw new Error(`case ${c.name}: killed by signal ${r.signal}; mark it with "stderrFromSignal" in cases.json`);
  }
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function readRecorded(name) {
  const file = (ext) => path.join(expectedDir, `${name}.${ext}`);
  if (!fs.existsSync(file('stdout')) || !fs.existsSync(file('status'))) return null;
  return {
    stdout: fs.readFileSync(file('stdout')),
    stderr: fs.existsSync(file('stderr')) ? fs.readFileSync(file('stderr')) : null,
    status: Number(fs.readFileSync(file('status'), 'utf8').trim()),
  };
}

function writeRecorded(name, rec) {
  fs.writeFileSync(path.join(expectedDir, `${name}.stdout`), rec.stdout);
  const errFile = path.join(expectedDir, `${name}.stderr`);
  if (rec.stderr) fs.writeFileSync(errFile, rec.stderr);
  else fs.rmSync(errFile, { force: true });
  fs.writeFileSync(path.join(expectedDir, `${name}.status`), `${rec.status}\n`);
}

function sameRecord(a, b) {
  const errA = a.stderr || Buffer.alloc(0);
  const errB = b.stderr || Buffer.alloc(0);
  return a.status === b.status && a.stdout.equals(b.stdout) && (a.stderr === null) === (b.stderr === null) && errA.equals(errB);
}

// Builds src/FIXTURE.c for the host (the binary keeps the fixture's name: programs print
// the basename of their path) and returns its path.
function buildNative(c, dir) {
  const source = path.join(guestDir, 'src', `${c.fixture}.c`);
  if (!fs.existsSync(source)) throw new Error(`case ${c.name}: --check-native needs tests/guest/src/${c.fixture}.c`);
  const outDir = path.join(dir, c.fixture);
  const binary = path.join(outDir, c.fixture);
  if (!fs.existsSync(binary)) {
    fs.mkdirSync(outDir, { recursive: true });
    const cc = process.env.HOST_CC || 'cc';
    const res = spawnSync(cc, ['-O2', '-std=gnu11', '-static', '-o', binary, source, '-lm', '-lpthread'], { encoding: 'utf8' });
    if (res.error || res.status !== 0) {
      throw new Error(`case ${c.name}: ${cc} failed: ${res.error ? res.error.message : res.stderr}`);
    }
  }
  return binary;
}

// --check-native: the hand-written cases against the host kernel.
function checkNative(opts, manifest) {
  const cases = manifest.cases.filter((c) => c.expectedByHand && (!opts.only || opts.only.has(c.name)));
  if (opts.only) {
    for (const name of opts.only) {
      if (!cases.some((c) => c.name === name)) usage(`no case named ${name} marked expectedByHand`);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'a64play-native-'));
  let failures = 0;
  try {
    for (const c of cases) {
      let line;
      try {
        const binary = buildNative(c, dir);
        const results = [];
        for (let i = 0; i < opts.runs; i++) results.push(runCase(null, manifest, c, binary));
        const unstable = results.findIndex((r) => !sameResult(r, results[0]));
        if (unstable !== -1) throw new Error(`case ${c.name}: native run ${unstable + 1} differs from run 1`);
        const rec = toRecord(c, results[0]);
        const old = readRecorded(c.name);
        if (!old) throw new Error(`case ${c.name}: no hand-written files in tests/guest/expected/`);
        if (!sameRecord(old, rec)) {
          throw new Error(`case ${c.name}: the native build's output differs from tests/guest/expected/${c.name}.* ` +
            `(status ${rec.status}, stdout:\n${rec.stdout.toString('latin1')})`);
        }
        line = `ok   ${c.name.padEnd(28)} native output matches the hand-written files`;
      } catch (err) {
        failures++;
        line = `FAIL ${err.message}`;
      }
      console.log(line);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${cases.length - failures} hand-written case(s) checked natively, ${failures} failed (${opts.runs} run(s) each)`);
  process.exit(failures ? 1 : 0);
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const manifest = loadManifest();
  if (opts.checkNative) return checkNative(opts, manifest);
  const qemu = opts.qemu || findQemu();
  if (!qemu) {
    console.error('record-expected: qemu-aarch64 not found (apt-get install qemu-user, or set QEMU_AARCH64)');
    process.exit(1);
  }
  const cases = manifest.cases.filter((c) => !opts.only || opts.only.has(c.name));
  if (opts.only) {
    for (const name of opts.only) {
      if (!cases.some((c) => c.name === name)) usage(`no case named ${name}`);
    }
  }
  fs.mkdirSync(expectedDir, { recursive: true });

  let failures = 0;
  let byHand = 0;
  for (const c of cases) {
    if (c.expectedByHand) {
      byHand++;
      console.log(`hand ${c.name.padEnd(28)} expected output written by hand: not run under qemu`);
      continue;
    }
    const started = Date.now();
    let line;
    try {
      const results = [];
      for (let i = 0; i < opts.runs; i++) results.push(runCase(qemu, manifest, c));
      const unstable = results.findIndex((r) => !sameResult(r, results[0]));
      if (unstable !== -1) throw new Error(`case ${c.name}: run ${unstable + 1} differs from run 1 (output not deterministic)`);
      const rec = toRecord(c, results[0]);
      if (opts.check) {
        const old = readRecorded(c.name);
        if (!old) throw new Error(`case ${c.name}: nothing recorded yet`);
        if (!sameRecord(old, rec)) throw new Error(`case ${c.name}: qemu output differs from tests/guest/expected/${c.name}.*`);
      } else {
        writeRecorded(c.name, rec);
      }
      line = `ok   ${c.name.padEnd(28)} status ${String(rec.status).padStart(3)}  stdout ${String(rec.stdout.length).padStart(7)} B  ` +
        `stderr ${rec.stderr ? `${rec.stderr.length} B` : '(signal message)'}  ${Date.now() - started} ms`;
    } catch (err) {
      failures++;
      line = `FAIL ${err.message}`;
    }
    console.log(line);
  }

  if (!opts.check && !opts.only) {
    // Drop files of cases that no longer exist in the manifest.
    const known = new Set(manifest.cases.map((c) => c.name));
    for (const f of fs.readdirSync(expectedDir)) {
      const m = /^(.*)\.(stdout|stderr|status)$/.exec(f);
      if (!m || !known.has(m[1])) {
        fs.rmSync(path.join(expectedDir, f));
        console.log(`removed stale tests/guest/expected/${f}`);
      }
    }
  }

  const verb = opts.check ? 'checked' : 'recorded';
  console.log(`${cases.length - byHand - failures} ${verb}, ${failures} failed, ${byHand} hand-written left alone ` +
    `(${opts.runs} qemu run${opts.runs > 1 ? 's' : ''} per case, ${qemu})`);
  process.exit(failures ? 1 : 0);
}

main();
