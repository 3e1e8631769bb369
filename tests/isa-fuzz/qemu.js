// Building the harness with the cross compiler and running batches of cases under qemu-aarch64.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT_SIZE } from './layout.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CC = process.env.AARCH64_CC ?? 'aarch64-linux-gnu-gcc';
export const OBJDUMP = process.env.AARCH64_OBJDUMP ?? 'aarch64-linux-gnu-objdump';
export const QEMU = process.env.QEMU_AARCH64 ?? (existsSync('/usr/bin/qemu-aarch64') ? '/usr/bin/qemu-aarch64' : 'qemu-aarch64');
/**
 * qemu's most capable CPU, so every extension a64play implements is there, but without pointer
 * authentication: a64play runs PACIASP & co. as the NOPs they are on hardware without FEAT_PAuth.
 */
export const QEMU_CPU = 'max,pauth=off';

const works = (cmd, args) => {
  try {
    return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
};

/** Why the fuzzer cannot run here, or null when the cross compiler and qemu-aarch64 are installed. */
export function missingTools() {
  const missing = [];
  if (!works(CC, ['--version'])) missing.push(CC);
  if (!works(QEMU, ['--version'])) missing.push(QEMU);
  return missing.length ? `isa-fuzz needs ${missing.join(' and ')}` : null;
}

/** Compiles harness/*.c and *.S into a static binary in a new temporary directory. */
export function buildHarness() {
  const dir = mkdtempSync(join(tmpdir(), 'a64play-isa-fuzz-'));
  const out = join(dir, 'harness');
  const src = join(HERE, 'harness');
  const r = spawnSync(CC, ['-static', '-O2', '-Wall', '-o', out, join(src, 'harness.c'), join(src, 'tramp.S')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`isa-fuzz: building the harness failed:\n${r.stderr}`);
  return { dir, path: out, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

let batchNo = 0;

/**
 * Runs the input records in `input` through the harness under qemu; resolves to the output records.
 * Files rather than pipes, so qemu never waits for this (busy) process to read its output.
 * @param {{dir: string, path: string}} harness @param {Uint8Array} input @param {number} cases
 * @returns {Promise<{out: Buffer, complete: boolean, stderr: string}>}
 */
export function runQemu(harness, input, cases) {
  const k = batchNo++;
  const inPath = join(harness.dir, `in-${k}.bin`);
  const outPath = join(harness.dir, `out-${k}.bin`);
  writeFileSync(inPath, input);
  return new Promise((resolve, reject) => {
    // a batch takes well under a second: a stuck one is killed and shows as a harness failure
    const p = spawn(QEMU, ['-cpu', QEMU_CPU, harness.path, inPath, outPath], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += d));
    p.on('error', reject);
    p.on('close', (code, signal) => {
      let out = Buffer.alloc(0);
      try {
        out = readFileSync(outPath);
      } catch {
        // no output at all
      }
      rmSync(inPath, { force: true });
      rmSync(outPath, { force: true });
      const complete = code === 0 && out.length === cases * OUT_SIZE;
      if (!complete) stderr += `\n(qemu exit ${code ?? signal}, ${Math.floor(out.length / OUT_SIZE)} of ${cases} results)`;
      resolve({ out, complete, stderr });
    });
  });
}

/**
 * Disassembles words placed at `addr` with objdump; one string per word (empty when objdump is
 * missing or says nothing).
 */
export function disassemble(words, addr) {
  const dir = mkdtempSync(join(tmpdir(), 'a64play-isa-fuzz-dis-'));
  try {
    const file = join(dir, 'code.bin');
    const buf = Buffer.alloc(4 * words.length);
    words.forEach((w, i) => buf.writeUInt32LE(w >>> 0, 4 * i));
    writeFileSync(file, buf);
    const r = spawnSync(OBJDUMP, ['-b', 'binary', '-m', 'aarch64', '-D', `--adjust-vma=0x${addr.toString(16)}`, file], { encoding: 'utf8' });
    const text = new Map();
    for (const line of (r.stdout ?? '').split('\n')) {
      const m = /^\s*([0-9a-f]+):\s+[0-9a-f]{8}\s+(.*)$/.exec(line);
      if (m) text.set(parseInt(m[1], 16), m[2].replace(/\s+/g, ' ').trim());
    }
    return words.map((_, i) => text.get(addr + 4 * i) ?? '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
