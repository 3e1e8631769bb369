/**
 * GNU objdump as the reference disassembler: words are assembled as `.inst` directives (so they
 * stay code, not data) by aarch64-linux-gnu-as and disassembled with `objdump -d` at a chosen
 * address, default options (aliases on).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const AS = process.env.AARCH64_AS ?? 'aarch64-linux-gnu-as';
export const OBJDUMP = process.env.AARCH64_OBJDUMP ?? 'aarch64-linux-gnu-objdump';
export const LD = process.env.AARCH64_LD ?? 'aarch64-linux-gnu-ld';

/** Why objdump cannot be used here, or null. */
export function objdumpMissing(): string | null {
  for (const tool of [AS, OBJDUMP]) {
    const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
    if (r.error || r.status !== 0) return `${tool} not found (apt-get install binutils-aarch64-linux-gnu)`;
  }
  return null;
}

/**
 * objdump's text for each word, the words placed from `base` (4 bytes apart): tabs and runs of
 * spaces collapsed to one space, the `<symbol+off>` annotation kept (see `withoutSymbol`).
 */
export function objdumpWords(words: readonly number[], base: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'a64play-objdump-'));
  try {
    const src = join(dir, 'words.s');
    const obj = join(dir, 'words.o');
    writeFileSync(src, '.text\n' + words.map((w) => `.inst 0x${(w >>> 0).toString(16).padStart(8, '0')}\n`).join(''));
    const as = spawnSync(AS, [src, '-o', obj], { encoding: 'utf8' });
    if (as.status !== 0) throw new Error(`${AS} failed: ${as.stderr}`);
    const r = spawnSync(OBJDUMP, ['-d', `--adjust-vma=0x${base.toString(16)}`, obj], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`${OBJDUMP} failed: ${r.stderr}`);
    const byAddr = new Map<number, string>();
    for (const line of r.stdout.split('\n')) {
      const m = /^\s*([0-9a-f]+):\t[0-9a-f]{8} \t(.*)$/.exec(line);
      if (m) byAddr.set(parseInt(m[1]!, 16), normalize(m[2]!));
    }
    return words.map((_, i) => byAddr.get(base + 4 * i) ?? '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The instructions `objdump -d` prints for an ELF file (data it marks as such, `.word` and the
 * like, left out): address, word and text (normalized, `<symbol>` annotations dropped).
 */
export function objdumpFile(file: string): { addr: number; word: number; text: string }[] {
  const r = spawnSync(OBJDUMP, ['-d', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${OBJDUMP} failed: ${r.stderr}`);
  const out: { addr: number; word: number; text: string }[] = [];
  for (const line of r.stdout.split('\n')) {
    const m = /^\s*([0-9a-f]+):\t([0-9a-f]{8}) \t(.*)$/.exec(line);
    if (!m) continue;
    const text = withoutSymbol(normalize(m[3]!));
    if (/^\.(word|short|hword|byte)\b/.test(text)) continue;
    out.push({ addr: parseInt(m[1]!, 16), word: parseInt(m[2]!, 16), text });
  }
  return out;
}

/** Whitespace collapsed to single spaces, trimmed. */
export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text without objdump's ` <symbol+0x10>` annotations. */
export function withoutSymbol(text: string): string {
  return text.replace(/ <[^>]*>/g, '');
}

/**
 * What GNU as makes of each line, one instruction per line, placed 4 bytes apart from `base`
 * (each line assembled on its own, so one bad line does not hide the others): the word, or the
 * assembler's error message.
 */
export function gnuAssemble(lines: readonly string[], base = 0x400000): ({ word: number } | { error: string })[] {
  const dir = mkdtempSync(join(tmpdir(), 'a64play-gas-'));
  try {
    const src = join(dir, 'lines.s');
    const obj = join(dir, 'lines.o');
    // the section starts at `base` so pc-relative operands mean the same as ours
    writeFileSync(src, `.text\n` + lines.map((l) => `.balign 4\n${l}\n`).join(''));
    // every extension, as a64as accepts every instruction the emulator knows
    const as = spawnSync(AS, ['-march=all', src, '-o', obj], { encoding: 'utf8' });
    const errors = new Map<number, string>();
    for (const m of as.stderr.matchAll(/lines\.s:(\d+): Error: (.*)/g)) errors.set(Number(m[1]), m[2]!);
    if (errors.size > 0) {
      if (lines.length === 1) return [{ error: [...errors.values()][0]! }];
      // assemble each line alone (at its own address): the failing ones have messages, the rest words
      return lines.map((l, i) => gnuAssemble([l], base + 4 * i)[0]!);
    }
    if (as.status !== 0) throw new Error(`${AS} failed: ${as.stderr}`);
    // linked at `base`, so pc-relative operands (b 0x400010) resolve as they do for us
    const exe = join(dir, 'lines');
    const ld = spawnSync(LD, ['-Ttext', `0x${base.toString(16)}`, '-e', `0x${base.toString(16)}`, obj, '-o', exe], { encoding: 'utf8' });
    if (ld.status !== 0) throw new Error(`${LD} failed: ${ld.stderr}`);
    const r = spawnSync(OBJDUMP, ['-d', '-z', exe], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const words: number[] = [];
    for (const line of r.stdout.split('\n')) {
      const m = /^\s*[0-9a-f]+:\t([0-9a-f]{8}) /.exec(line);
      if (m) words.push(parseInt(m[1]!, 16));
    }
    return lines.map((_, i) => ({ word: words[i]! }));
  } catch (e) {
    return lines.map(() => ({ error: (e as Error).message }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
