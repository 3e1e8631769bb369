import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSymbols, SymbolTable } from './symbols.js';

// The reference is binutils' readelf on a program compiled here with the cross toolchain
// (.ci/run installs gcc-aarch64-linux-gnu, which brings binutils-aarch64-linux-gnu).

function build(src: string, flags: string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'a64-syms-'));
  writeFileSync(join(dir, 'p.c'), src);
  execFileSync('aarch64-linux-gnu-gcc', ['-O1', ...flags, '-o', join(dir, 'p'), join(dir, 'p.c')]);
  return readFileSync(join(dir, 'p'));
}

/**
 * readelf -sW's defined FUNC/OBJECT/NOTYPE symbols of the table it lists first among .symtab/.dynsym
 * (not those of ABS or COMMON, and not the $x/$d mapping symbols).
 */
function readelfSymbols(file: Uint8Array, table: '.symtab' | '.dynsym'): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'a64-syms-'));
  writeFileSync(join(dir, 'p'), file);
  const text = execFileSync('aarch64-linux-gnu-readelf', ['-sW', join(dir, 'p')], { encoding: 'utf8' });
  const out: string[] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('Symbol table')) inTable = line.includes(`'${table}'`);
    const m = /^\s*\d+:\s+([0-9a-f]+)\s+(\d+|0x[0-9a-f]+)\s+(FUNC|OBJECT|NOTYPE)\s+\S+\s+\S+\s+(\S+)\s+(\S+)/.exec(line);
    if (!inTable || !m || m[4] === 'UND' || m[4] === 'ABS' || m[4] === 'COM') continue;
    if (m[3] === 'NOTYPE' && /^\$[xd](\.|$)/.test(m[5]!)) continue;
    // readelf marks versioned names name@VER / name@@VER; the string table holds the bare name
    out.push(`${m[5]!.replace(/@.*$/, '')} ${parseInt(m[1]!, 16)} ${Number(m[2])}`);
  }
  return out.sort();
}

const src = `
int counter = 7;
static int helper(int x) { return x * 3 + counter; }
int twice(int x) { return helper(x) * 2; }
int main(int argc, char **argv) { return twice(argc) > 100; }
`;

describe('ELF symbols', () => {
  it('lists the same defined functions and objects as readelf (.symtab of a static program)', () => {
    const elf = build(src, ['-static']);
    const got = readSymbols(elf).map((s) => `${s.name} ${s.value} ${s.size}`).sort();
    expect(got).toEqual(readelfSymbols(elf, '.symtab'));
    expect(got.length).toBeGreaterThan(100);
  });

  it('falls back to .dynsym when the file is stripped', () => {
    const elf = build(src, ['-s', '-rdynamic']);
    const got = readSymbols(elf).map((s) => `${s.name} ${s.value} ${s.size}`).sort();
    expect(got).toEqual(readelfSymbols(elf, '.dynsym'));
    expect(got.some((l) => l.startsWith('twice '))).toBe(true);
  });

  it('names addresses as symbol+offset and finds addresses by name, with a load bias', () => {
    const elf = build(src, ['-static-pie']);
    const syms = readSymbols(elf);
    const twice = syms.find((s) => s.name === 'twice')!;
    const table = new SymbolTable(syms, 0x10000000);
    expect(table.address('twice')).toBe(twice.value + 0x10000000);
    expect(table.describe(twice.value + 0x10000000)).toBe('twice');
    expect(table.describe(twice.value + 0x10000000 + 4)).toBe('twice+0x4');
    expect(table.describe(twice.value + twice.size + 0x10000000)).not.toBe(`twice+0x${twice.size.toString(16)}`);
    expect(table.address('no_such_symbol')).toBeNull();
    expect(table.lookup(0x10)).toBeNull();
  });
});

describe('ELF symbols: bad input', () => {
  it('returns nothing for a file without section headers', () => {
    const bytes = new Uint8Array(64);
    bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
    expect(readSymbols(bytes)).toEqual([]);
    expect(readSymbols(new Uint8Array(10))).toEqual([]);
  });
});
