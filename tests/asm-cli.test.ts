/**
 * The a64as and a64dis commands as a user meets them: a program assembled to an executable that
 * runs, every error of a bad file on stderr with file, line, column and a caret, clear one-line
 * answers for a missing file and for a file that is not an aarch64 ELF, and the listing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'bin', `${name}.js`);
const dir = mkdtempSync(join(tmpdir(), 'a64play-asm-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (tool: string, args: string[]) => spawnSync(process.execPath, [bin(tool), ...args], { cwd: dir, encoding: 'utf8' });

describe('a64as and a64dis', () => {
  it('assembles a program into an executable that runs under a64play', () => {
    writeFileSync(join(dir, 'exit42.s'), '.global _start\n_start: mov x0, #42\n  mov x8, #93\n  svc #0\n');
    const as = run('a64as', ['exit42.s', '-o', 'exit42']);
    expect(as.stderr).toBe('');
    expect(as.status).toBe(0);
    expect(statSync(join(dir, 'exit42')).mode & 0o111).not.toBe(0);
    expect(run('a64play', ['./exit42']).status).toBe(42);
    const dis = run('a64dis', ['exit42']);
    expect(dis.status).toBe(0);
    expect(dis.stdout).toContain('Disassembly of section .text:');
    expect(dis.stdout).toMatch(/<_start>:\n {2}400078:\td2800540 \tmov\tx0, #0x2a {18}\t\/\/ #42\n/);
  });

  it('reports every error with file, line and column, and writes nothing', () => {
    writeFileSync(join(dir, 'bad.s'), '_start:\n  mvo x0, x1\n  add x0, x1, #5000\n');
    const as = run('a64as', ['bad.s', '-o', 'bad']);
    expect(as.status).toBe(1);
    const lines = as.stderr.split('\n');
    expect(lines).toContain("bad.s:2:3: error: unknown instruction 'mvo' (did you mean mov, mvn?)");
    expect(lines).toContain('bad.s:3:15: error: immediate out of range: 0x1388 is not in 0 to 4095');
    expect(lines).toContain('    add x0, x1, #5000');
    expect(lines).toContain('                ^');
    expect(lines[lines.length - 2]).toBe('a64as: 2 errors; nothing written');
    expect(() => readFileSync(join(dir, 'bad'))).toThrow();
  });

  it('answers bad input with one line and a non-zero status', () => {
    const missing = run('a64as', ['nothere.s']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('a64as: cannot read nothere.s: No such file or directory\n');
    expect(run('a64as', []).stderr.split('\n')[0]).toBe('a64as: no input file');
    writeFileSync(join(dir, 'text.txt'), 'hello\n');
    const dis = run('a64dis', ['text.txt']);
    expect(dis.status).toBe(1);
    expect(dis.stderr).toBe('a64dis: text.txt: not an ELF file\n');
    expect(run('a64dis', ['nothere']).stderr).toBe('a64dis: nothere: No such file\n');
  });
});
