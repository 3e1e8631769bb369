// What the command-line launchers share: load the compiled entry point (build/, made by `npm install`
// or `npm run build:cli`), run its main() with the arguments, and turn an unexpected exception into a
// one-line message (A64PLAY_DEBUG=1 shows the stack trace) and exit status 70. main() returns the exit
// status, or { status, signal } when the process is to die of a signal as its guest did.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Runs `entry` (a path relative to bin/) as the command `name`. */
export async function launch(name, entry) {
  const url = new URL(entry, import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    process.stderr.write(`${name}: not built yet; run \`npm install\` (or \`npm run build:cli\`) in the a64play folder\n`);
    process.exit(1);
  }
  const { main } = await import(url.href);
  let outcome;
  try {
    outcome = main(process.argv.slice(2));
  } catch (e) {
    if (process.env.A64PLAY_DEBUG) console.error(e);
    process.stderr.write(`${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    outcome = 70;
  }
  // a number is the exit status; { status, signal } asks to die of the guest's signal (src/cli/main.ts)
  const { status, signal } = typeof outcome === 'number' ? { status: outcome, signal: null } : outcome;
  // Let pending stdout/stderr writes drain before leaving.
  process.exitCode = status;
  if (signal !== null) {
    // stdio writes are synchronous on Linux, so nothing is left to drain; the status stays as the fallback
    process.kill(process.pid, signal);
  }
}
