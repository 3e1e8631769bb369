/**
 * `a64as [-o OUTPUT] INPUT.s`: assembles GNU as syntax into a static aarch64 Linux executable
 * (what `aarch64-linux-gnu-as` followed by `ld` would make). Every error of the file is printed as
 * `file:line:col: error: message` with the line and a caret; the exit status is 1 when there were
 * errors, 2 for a usage or file problem.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { assemble } from '../core/asm/assembler/assemble.js';

const USAGE = `usage: a64as [-o output] input.s
Assembles AArch64 assembly (GNU as syntax) into a static Linux executable.
The program starts at the global symbol _start.

Options:
  -o output      the executable to write (default: a.out)
  -h, --help     show this help and exit`;

export function main(argv: string[]): number {
  let input: string | null = null;
  let output = 'a.out';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (a === '-o') {
      const v = argv[++i];
      if (!v) return usage('-o needs a file name');
      output = v;
    } else if (a.startsWith('-o')) output = a.slice(2);
    else if (a.startsWith('-') && a !== '-') return usage(`unknown option '${a}'`);
    else if (input !== null) return usage('only one input file can be assembled');
    else input = a;
  }
  if (input === null) return usage('no input file');
  let source: string;
  try {
    source = input === '-' ? readFileSync(0, 'utf8') : readFileSync(input, 'utf8');
  } catch (e) {
    process.stderr.write(`a64as: cannot read ${input}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (e as Error).message}\n`);
    return 2;
  }
  const name = input === '-' ? '<stdin>' : input;
  const r = assemble(source);
  const lines = source.split('\n');
  for (const d of r.diagnostics) {
    process.stderr.write(`${name}:${d.line}:${d.col}: ${d.severity}: ${d.message}\n`);
    const text = lines[d.line - 1];
    if (text !== undefined && text.trim() !== '') {
      process.stderr.write(`  ${text.replace(/\t/g, ' ')}\n  ${' '.repeat(Math.max(0, d.col - 1))}^\n`);
    }
  }
  if (!r.elf) {
    const n = r.diagnostics.filter((d) => d.severity === 'error').length;
    process.stderr.write(`a64as: ${n} error${n === 1 ? '' : 's'}; nothing written\n`);
    return 1;
  }
  try {
    writeFileSync(output, r.elf);
    chmodSync(output, 0o755);
  } catch (e) {
    process.stderr.write(`a64as: cannot write ${output}: ${(e as Error).message}\n`);
    return 2;
  }
  return 0;
}

function usage(msg: string): number {
  process.stderr.write(`a64as: ${msg}\n${USAGE}\n`);
  return 2;
}
