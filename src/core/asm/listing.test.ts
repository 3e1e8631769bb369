/**
 * a64dis's listing against `aarch64-linux-gnu-objdump -d`, line for line, on the committed
 * fixture programs (tests/guest/bin: glibc-static C and C++ programs). Lines may differ only for
 * words outside the encoding table (SVE/SME/MTE code in glibc): at least 99.5% of all lines must be
 * identical, tabs and padding included. Skipped without binutils.
 *
 * Known difference left out: objdump names the PLT entries of static PIEs with synthetic
 * `*ABS*+0x…@plt` symbols it makes up from IRELATIVE relocations; a64dis shows only real symbols,
 * so the `.pie` fixtures are not compared. Eight fixtures keep the run short (~700k lines).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OBJDUMP, objdumpMissing } from '../../../tests/helpers/objdump.js';
import { objdumpListing, readSections } from './listing.js';

const BIN = join(import.meta.dirname, '..', '..', '..', 'tests', 'guest', 'bin');
const FIXTURES = readdirSync(BIN)
  .filter((f) => !f.endsWith('.pie') && statSync(join(BIN, f)).isFile() && readFileSync(join(BIN, f)).subarray(0, 4).toString('latin1') === '\x7fELF')
  .sort()
  .filter((_, i, all) => i % Math.ceil(all.length / 8) === 0);

const missing = objdumpMissing();

describe.skipIf(missing !== null)('a64dis listing vs objdump -d', () => {
  let same = 0;
  let total = 0;
  const worst: string[] = [];
  for (const f of FIXTURES) {
    it(f, () => {
      const ours = objdumpListing(readFileSync(join(BIN, f)), f).split('\n');
      const r = spawnSync(OBJDUMP, ['-d', f], { cwd: BIN, encoding: 'utf8', maxBuffer: 1 << 30 });
      const theirs = r.stdout.split('\n');
      // the same number of lines in the same order: differences are within lines
      expect(ours.length).toBe(theirs.length);
      let n = 0;
      for (let i = 0; i < theirs.length; i++) {
        if (ours[i] === theirs[i]) n++;
        else if (worst.length < 12) worst.push(`${f}:${i + 1}\n  ours:    ${JSON.stringify(ours[i])}\n  objdump: ${JSON.stringify(theirs[i])}`);
      }
      same += n;
      total += theirs.length;
      expect(n / theirs.length, worst.join('\n')).toBeGreaterThanOrEqual(0.99);
    });
  }
  it('at least 99.5% of all lines are identical', () => {
    console.log(`a64dis vs objdump: ${same}/${total} lines identical (${((100 * same) / total).toFixed(3)}%)\n${worst.slice(0, 6).join('\n')}`);
    expect(total).toBeGreaterThan(100000);
    expect(same / total).toBeGreaterThanOrEqual(0.995);
  });
});

describe('bad input', () => {
  it('names what is wrong with a file that is not an aarch64 ELF', () => {
    expect(() => objdumpListing(new Uint8Array([1, 2, 3]), 'x')).toThrow('not an ELF file');
    const elf = new Uint8Array(64);
    elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
    elf[18] = 62; // x86-64
    expect(() => readSections(elf)).toThrow('not an aarch64 ELF file');
  });
});
