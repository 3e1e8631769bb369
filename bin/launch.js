// What the command-line launchers share: load the compiled entry point (build/, made by `npm install`
// or `npm run build:cli`), run its main() with the arguments, and turn an unexpected exception into a
// one-line message (A64PLAY_DEBUG=1 shows the stack trace) and exit status 70.
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
  let status;
  try {
    status = main(process.argv.slice(2));
  } catch (e) {
    if (process.env.A64PLAY_DEBUG) console.error(e);
    process.stderr.write(`${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    status = 70;
  }
  // Let pending stdout/stderr writes drain before leaving.
  process.exitCode = status;
}
