// Where qemu-aarch64 is: $QEMU_AARCH64, else the first on PATH, else /usr/bin. Shared by the test
// runners and the scripts (plain JavaScript so that .mjs scripts can import it too).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** @returns {string | null} */
export function findQemu() {
  if (process.env.QEMU_AARCH64) return process.env.QEMU_AARCH64;
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), '/usr/bin']) {
    if (!dir) continue;
    const candidate = join(dir, 'qemu-aarch64');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}
