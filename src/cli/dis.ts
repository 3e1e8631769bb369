/**
 * `a64dis FILE...`: the code sections of aarch64 ELF files as `aarch64-linux-gnu-objdump -d`
 * prints them (same layout, mnemonics, aliases and operand spelling), from a64play's own
 * disassembler. Exit status 1 when a file cannot be read or is not an aarch64 ELF file.
 */
import { readFileSync } from 'node:fs';
import { objdumpListing } from '../core/asm/listing.js';

const USAGE = `usage: a64dis file...
Disassembles the code of aarch64 ELF files in the layout of objdump -d.`;

export function main(argv: string[]): number {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const bad = argv.find((a) => a.startsWith('-') && a !== '-d');
  if (bad) {
    process.stderr.write(`a64dis: unknown option '${bad}'\n${USAGE}\n`);
    return 2;
  }
  const files = argv.filter((a) => a !== '-d');
  if (!files.length) {
    process.stderr.write(`a64dis: no input file\n${USAGE}\n`);
    return 2;
  }
  let status = 0;
  for (const f of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(f);
    } catch (e) {
      process.stderr.write(`a64dis: ${f}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file' : (e as Error).message}\n`);
      status = 1;
      continue;
    }
    try {
      process.stdout.write(objdumpListing(bytes, f));
    } catch (e) {
      process.stderr.write(`a64dis: ${f}: ${(e as Error).message}\n`);
      status = 1;
    }
  }
  return status;
}
