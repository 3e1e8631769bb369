#!/usr/bin/env node
// Launcher for the a64dis disassembler (see src/cli/dis.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../build/cli/dis.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('a64dis: not built yet; run `npm install` (or `npm run build:cli`) in the a64play folder\n');
  process.exit(1);
}
const { main } = await import(entry.href);
let status;
try {
  status = main(process.argv.slice(2));
} catch (e) {
  // Never a stack trace for the user; A64PLAY_DEBUG=1 shows it for developers.
  if (process.env.A64PLAY_DEBUG) console.error(e);
  process.stderr.write(`a64dis: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  status = 70;
}
// Let pending stdout/stderr writes drain before leaving.
process.exitCode = status;
