/**
 * The assembly starter programs (public/examples/asm/*.s): a64as must make the executable GNU as
 * + ld make — the same .text bytes, the same section addresses and entry point — and the program
 * must print the same under a64play as GNU's build prints under qemu-aarch64. The GNU comparison
 * is skipped without binutils-aarch64-linux-gnu, the qemu run without qemu-user.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assemble } from '../src/core/asm/assembler/assemble.js';
import { readSections } from '../src/core/asm/listing.js';
import { AS, LD, objdumpMissing } from '../tests/helpers/objdump.js';
import { findQemu } from '../tests/helpers/qemu.mjs';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'public', 'examples', 'asm');
const cli = join(root, 'bin', 'a64play.js');
const sources = readdirSync(dir).filter((f) => f.endsWith('.s')).sort();
const tmp = mkdtempSync(join(tmpdir(), 'a64play-asm-examples-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What each program is given on stdin. */
const INPUT: Record<string, string> = { 'upcase.s': 'Hello, World! 123 abc\nsecond line zz\n' };

function loaded(elf: Uint8Array) {
  const entry = Number(new DataView(elf.buffer, elf.byteOffset).getBigUint64(24, true));
  const sections = readSections(elf)
    .filter((s) => s.flags & 2)
    .map((s) => ({ name: s.name, addr: s.addr, size: s.size, data: s.type === 8 ? null : Buffer.from(elf.subarray(s.offset, s.offset + s.size)).toString('hex') }));
  return { entry, sections };
}

const missing = objdumpMissing();
const qemu = findQemu();

describe('assembly starter programs', () => {
  for (const f of sources) {
    describe(f, () => {
      const out = assemble(readFileSync(join(dir, f), 'utf8'));
      it('assembles without errors or warnings', () => {
        expect(out.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([]);
        expect(out.elf).not.toBeNull();
      });

      it.skipIf(missing !== null)('is laid out byte for byte as GNU as + ld lay it out', () => {
        const obj = join(tmp, `${f}.o`);
        const exe = join(tmp, `${f}.gnu`);
        const as = spawnSync(AS, [join(dir, f), '-o', obj], { encoding: 'utf8' });
        expect(as.stderr).toBe('');
        expect(spawnSync(LD, [obj, '-o', exe], { encoding: 'utf8' }).status).toBe(0);
        expect(loaded(out.elf!)).toEqual(loaded(readFileSync(exe)));
      });

      it('runs under a64play as GNU’s build runs under qemu-aarch64', () => {
        const exe = join(tmp, f.replace(/\.s$/, ''));
        writeFileSync(exe, out.elf!, { mode: 0o755 });
        const ours = spawnSync(process.execPath, [cli, exe], { input: INPUT[f] ?? '', encoding: 'utf8', timeout: 30_000 });
        expect(ours.stderr).toBe('');
        expect(ours.status).toBe(0);
        expect(ours.stdout.length).toBeGreaterThan(0);
        if (qemu && missing === null) {
          const gnu = join(tmp, `${f}.gnu`);
          const want = spawnSync(qemu, [gnu], { input: INPUT[f] ?? '', encoding: 'utf8', timeout: 30_000 });
          expect(ours.stdout).toBe(want.stdout);
        }
      });
    });
  }
});
