// Guest fixture tests: runs every case of tests/guest/cases.json under
// a64play (`node bin/a64play.js tests/guest/bin/NAME ARGS`) and compares
// stdout, stderr and exit status byte for byte with the qemu-aarch64 results
// recorded in tests/guest/expected/ (by tests/build-fixtures.sh).
// A second block runs qemu-aarch64 live, when it is installed, and compares
// it with a64play directly (the differential runner); it skips the cases whose
// expected output is written by hand ("expectedByHand": qemu-user cannot run
// them faithfully, e.g. it cannot execve another guest program).
//
// The environment is exactly manifest.env + case.env (nothing inherited);
// the guest sees whatever environment the emulator process has, as with
// qemu-user. See tests/guest/README.md.

import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findQemu } from '../helpers/qemu.mjs';

interface GuestCase {
  name: string;
  fixture: string;
  args?: string[];
  env?: Record<string, string>;
  stdin?: string;
  scratchCwd?: boolean;
  stderrFromSignal?: number;
  timeoutMs?: number;
  expectedByHand?: boolean;
}

interface Manifest {
  env: Record<string, string>;
  signalMessages: Record<string, string>;
  timeoutMs?: number;
  cases: GuestCase[];
}

interface RunResult {
  stdout: string; // latin1: one character per byte, so string equality is byte equality
  stderr: string;
  status: number | string; // exit code, 128 + signal number, or a description of a failure to run
}

const guestDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(guestDir, '..', '..');
const a64play = path.join(repoRoot, 'bin', 'a64play.js');
const manifest = JSON.parse(fs.readFileSync(path.join(guestDir, 'cases.json'), 'utf8')) as Manifest;
const DEFAULT_TIMEOUT_MS = manifest.timeoutMs ?? 60_000;

function caseTimeout(c: GuestCase): number {
  return c.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}

function signalNumber(name: string): number {
  const n = (os.constants.signals as Record<string, number | undefined>)[name];
  return n ?? -1;
}

// Runs `command [prefixArgs...] BINARY args...` the way the case asks for.
function runCase(c: GuestCase, command: string, prefixArgs: string[]): RunResult {
  const scratch = c.scratchCwd ? fs.mkdtempSync(path.join(os.tmpdir(), 'a64play-case-')) : null;
  try {
    const binary = scratch ? path.join(guestDir, 'bin', c.fixture) : `tests/guest/bin/${c.fixture}`;
    const input = c.stdin ? fs.readFileSync(path.join(guestDir, c.stdin)) : Buffer.alloc(0);
    const res = spawnSync(command, [...prefixArgs, binary, ...(c.args ?? [])], {
      cwd: scratch ?? repoRoot,
      env: { ...manifest.env, ...(c.env ?? {}) },
      input,
      timeout: caseTimeout(c),
      maxBuffer: 256 * 1024 * 1024,
    });
    const stdout = res.stdout ? res.stdout.toString('latin1') : '';
    const stderr = res.stderr ? res.stderr.toString('latin1') : '';
    let status: number | string;
    if (res.error) {
      const code = (res.error as NodeJS.ErrnoException).code;
      status = code === 'ETIMEDOUT' ? `timed out after ${caseTimeout(c)} ms` : `could not run: ${res.error.message}`;
    } else if (res.signal) {
      status = 128 + signalNumber(res.signal);
    } else {
      status = res.status ?? 'no status';
    }
    return { stdout, stderr, status };
  } finally {
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function runA64play(c: GuestCase): RunResult {
  return runCase(c, process.execPath, [a64play]);
}

// What a64play must print on stderr for a guest killed by a signal.
function signalMessage(c: GuestCase): string {
  const msg = manifest.signalMessages[String(c.stderrFromSignal)];
  if (msg === undefined) throw new Error(`cases.json has no signalMessages entry for signal ${c.stderrFromSignal}`);
  return msg;
}

function readExpected(c: GuestCase): RunResult {
  const file = (ext: string) => path.join(guestDir, 'expected', `${c.name}.${ext}`);
  const stdout = fs.readFileSync(file('stdout')).toString('latin1');
  const stderr =
    c.stderrFromSignal !== undefined ? signalMessage(c) : fs.readFileSync(file('stderr')).toString('latin1');
  const status = Number(fs.readFileSync(file('status'), 'utf8').trim());
  return { stdout, stderr, status };
}

function describeCase(c: GuestCase): string {
  const parts = [`${c.name}: ${c.fixture}`];
  if (c.args?.length) parts.push(JSON.stringify(c.args));
  if (c.stdin) parts.push(`< ${c.stdin}`);
  if (c.expectedByHand) parts.push('[expected output written by hand]');
  return parts.join(' ');
}

// a64play's own run plus the live qemu run may each take up to the case's limit.
const testTimeout = (c: GuestCase, runs: number) => runs * caseTimeout(c) + 10_000;

describe('guest fixtures: a64play vs recorded qemu-aarch64 output', () => {
  it('has a consistent manifest and recorded outputs', () => {
    const names = new Set<string>();
    for (const c of manifest.cases) {
      expect(names.has(c.name), `duplicate case ${c.name}`).toBe(false);
      names.add(c.name);
      expect(fs.existsSync(path.join(guestDir, 'bin', c.fixture)), `fixture bin/${c.fixture}`).toBe(true);
      expect(fs.existsSync(path.join(guestDir, 'expected', `${c.name}.stdout`)), `expected/${c.name}.stdout`).toBe(true);
      expect(fs.existsSync(path.join(guestDir, 'expected', `${c.name}.status`)), `expected/${c.name}.status`).toBe(true);
      if (c.stderrFromSignal === undefined) {
        expect(fs.existsSync(path.join(guestDir, 'expected', `${c.name}.stderr`)), `expected/${c.name}.stderr`).toBe(true);
      } else {
        expect(manifest.signalMessages[String(c.stderrFromSignal)], `signal message for ${c.name}`).toBeTypeOf('string');
      }
    }
  });

  for (const c of manifest.cases) {
    it(
      describeCase(c),
      () => {
        const expected = readExpected(c);
        const actual = runA64play(c);
        expect(actual).toEqual(expected);
      },
      testTimeout(c, 1),
    );
  }
});

const qemu = findQemu();
if (!qemu) {
  console.warn(
    '[tests/guest] qemu-aarch64 not found (looked in /usr/bin and PATH): ' +
      'skipping the differential a64play-vs-qemu tests; the recorded-output tests still run.',
  );
}

describe.skipIf(!qemu)('guest fixtures: a64play vs live qemu-aarch64 (differential)', () => {
  // cases with hand-written expectations exist because qemu cannot produce their output: they are
  // compared with those expectations in the block above and have no differential run
  for (const c of manifest.cases.filter((k) => k.expectedByHand !== true)) {
    it(
      describeCase(c),
      () => {
        const reference = runCase(c, qemu as string, []);
        if (c.stderrFromSignal !== undefined) {
          // qemu reports the signal its own way; a64play prints the shell-like message.
          expect(reference.stderr).toMatch(
            new RegExp(`^qemu: uncaught target signal ${c.stderrFromSignal} \\([^)]*\\) - core dumped\\n$`),
          );
          reference.stderr = signalMessage(c);
        }
        const actual = runA64play(c);
        expect(actual).toEqual(reference);
      },
      testTimeout(c, 2),
    );
  }
});
