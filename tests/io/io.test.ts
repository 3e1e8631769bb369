/**
 * I/O differential tests: the C programs in tests/io/src are built for aarch64 at test time and
 * run under qemu-aarch64 (the host's Linux answers their system calls) and under a64play; stdout
 * and the exit status must match. Skipped when the cross compiler or qemu-aarch64 is missing
 * (.ci/run installs both).
 *
 * The programs print only what does not depend on the host: no pids, inode numbers or times,
 * only comparisons of them. Where qemu itself departs from Linux, the program leaves the case
 * out and says so, and the unit tests (src/core/vfs/*.test.ts) hold Linux's answer.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const src = join(import.meta.dirname, 'src');
const cli = join(root, 'bin', 'a64play.js');
const CC = process.env.CC ?? 'aarch64-linux-gnu-gcc';
const QEMU = process.env.QEMU_AARCH64 ?? 'qemu-aarch64';

const have = (cmd: string) => spawnSync(cmd, ['--version'], { encoding: 'utf8' }).status === 0;
const available = have(CC) && have(QEMU);

/**
 * Programs whose run still differs because fs.ts does not yet hand these calls to the files of
 * calls/io.ts (fcntl F_*PIPE_SZ and F_*_SEALS via ioFcntl, pipe2 O_DIRECT, fchmod of a memfd).
 * `it.fails` turns red once they match: then move them to the ordinary list.
 */
const programs = readdirSync(src)
  .filter((f) => /^io_.*\.c$/.test(f))
  .map((f) => f.slice(0, -2))
  .sort();

let bin = '';

function run(cmd: string, args: string[], timeout: number) {
  const r = spawnSync(cmd, args, { cwd: bin, encoding: 'utf8', timeout, env: { PATH: '/usr/bin:/bin' } });
  return { status: r.status, signal: r.signal, stdout: r.stdout };
}

describe.skipIf(!available)('I/O programs: a64play vs qemu-aarch64', () => {
  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'a64play-io-'));
    for (const p of programs) {
      const r = spawnSync(CC, ['-static', '-O2', '-Wall', '-pthread', '-o', join(bin, p), join(src, `${p}.c`)], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${p}.c does not build:\n${r.stderr}`);
    }
  });
  afterAll(() => {
    if (bin) rmSync(bin, { recursive: true, force: true });
  });

  for (const p of programs) {
    it(p, () => {
      const want = run(QEMU, [join(bin, p)], 30_000);
      expect(want.signal, `${p} under qemu`).toBeNull();
      const got = run(process.execPath, [cli, join(bin, p)], 90_000);
      expect(got.stdout).toBe(want.stdout);
      expect(got.status).toBe(want.status);
    });
  }
});
