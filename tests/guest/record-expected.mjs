#!/usr/bin/env node
// Records the reference results of the guest test programs: runs every case
// of tests/guest/cases.json under qemu-aarch64 and writes
// tests/guest/expected/NAME.stdout, NAME.stderr and NAME.status.
// Each case is run --runs times (default 2) and must give identical results
// every time, otherwise nothing is written for it and the script fails.
//
// Usage: node tests/guest/record-expected.mjs [--runs N] [--check] [--only a,b] [--qemu PATH]
//   --check  compare qemu's output with the recorded files instead of writing them
//   --only   restrict to the named cases (and keep the other expected files)
// The qemu binary can also be given with the QEMU_AARCH64 environment variable.
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

const guestDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(guestDir, '..', '..');
const expectedDir = path.join(guestDir, 'expected');

function usage(msg) {
  if (msg) console.error(`record-expected: ${msg}`);
  console.error('usage: node tests/guest/record-expected.mjs [--runs N] [--check] [--only a,b] [--qemu PATH]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { runs: 2, check: false, only: null, qemu: process.env.QEMU_AARCH64 || null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') {
      opts.runs = Number(argv[++i]);
      if (!Number.isInteger(opts.runs) || opts.runs < 1) usage('--runs needs a positive integer');
    } else if (a === '--check') {
      opts.check = true;
    } else if (a === '--only') {
      opts.only = new Set((argv[++i] || '').split(',').filter(Boolean));
    } else if (a === '--qemu') {
      opts.qemu = argv[++i];
    } else {
      usage(`unknown argument ${a}`);
    }
  }
  return opts;
}

function findQemu(explicit) {
  if (explicit) return explicit;
  for (const dir of (process.env.PATH || '').split(path.delimiter).concat(['/usr/bin'])) {
    if (!dir) continue;
    const candidate = path.join(dir, 'qemu-aarch64');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return null;
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

// Runs one case under qemu; returns { stdout: Buffer, stderr: Buffer, status: number, signal: number|null }.
function runCase(qemu, manifest, c) {
  const scratch = c.scratchCwd ? fs.mkdtempSync(path.join(os.tmpdir(), 'a64play-case-')) : null;
  try {
    const binary = scratch ? path.join(guestDir, 'bin', c.fixture) : `tests/guest/bin/${c.fixture}`;
    const input = c.stdin ? fs.readFileSync(path.join(guestDir, c.stdin)) : Buffer.alloc(0);
    const res = spawnSync(qemu, [binary, ...(c.args || [])], {
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

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const qemu = findQemu(opts.qemu);
  if (!qemu) {
    console.error('record-expected: qemu-aarch64 not found (apt-get install qemu-user, or set QEMU_AARCH64)');
    process.exit(1);
  }
  const manifest = loadManifest();
  const cases = manifest.cases.filter((c) => !opts.only || opts.only.has(c.name));
  if (opts.only) {
    for (const name of opts.only) {
      if (!cases.some((c) => c.name === name)) usage(`no case named ${name}`);
    }
  }
  fs.mkdirSync(expectedDir, { recursive: true });

  let failures = 0;
  for (const c of cases) {
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
  console.log(`${cases.length - failures} ${verb}, ${failures} failed (${opts.runs} qemu run${opts.runs > 1 ? 's' : ''} per case, ${qemu})`);
  process.exit(failures ? 1 : 0);
}

main();
