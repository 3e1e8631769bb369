// Random system calls with random arguments (tests/robustness/syscall_noise.c, compiled here with
// the cross toolchain): the emulator must answer every one with a result or an errno and carry on;
// an exception inside a handler would end the run with "a64play: internal error" and status 70.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const cli = join(here, '..', '..', 'bin', 'a64play.js');

describe('random system calls', () => {
  const dir = mkdtempSync(join(tmpdir(), 'a64-noise-'));
  const bin = join(dir, 'noise');
  execFileSync('aarch64-linux-gnu-gcc', ['-static', '-O1', '-o', bin, join(here, 'syscall_noise.c')]);

  for (const seed of [1, 7, 42, 1234, 99991]) {
    it(`seed ${seed}: every call returns and the program finishes`, () => {
      // a scratch directory: the calls create and remove files with random names
      const cwd = mkdtempSync(join(tmpdir(), 'a64-noise-cwd-'));
      try {
        const r = spawnSync(process.execPath, [cli, bin, String(seed), '20000'], { cwd, encoding: 'utf8', timeout: 90_000 });
        expect(r.stderr).not.toContain('internal error');
        expect(r.status).toBe(0);
        expect(r.stdout).toMatch(/^made \d{4,} calls\n$/);
      } finally {
        rmSync(cwd, { recursive: true, force: true });
      }
    });
  }
});
