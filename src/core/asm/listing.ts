/**
 * `objdump -d` for an aarch64 ELF file: every executable section, a `<symbol>:` block for each
 * symbol, one line per instruction (address, word, mnemonic, operands, objdump's comments), data
 * marked by `$d` mapping symbols as `.word`/`.short`/`.byte`, and runs of zeros skipped as `...`
 * the way objdump skips them.
 */
import { utf8Decode } from '../util/utf8.js';
import { disassemble } from './disasm.js';

export interface Section {
  name: string;
  type: number;
  flags: number;
  addr: number;
  offset: number;
  size: number;
}

export interface RawSymbol {
  name: string;
  value: number;
  size: number;
  type: number;
  bind: number;
  shndx: number;
}

const SHT_NOBITS = 8;
const SHF_EXECINSTR = 4;
const STT_SECTION = 3;
const STT_FILE = 4;

/** Section headers with names; throws Error with a one-line reason for a malformed file. */
export function readSections(bytes: Uint8Array): Section[] {
  if (bytes.length < 64 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) throw new Error('not an ELF file');
  if (bytes[4] !== 2 || bytes[5] !== 1) throw new Error('not a 64-bit little-endian ELF file');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint16(18, true) !== 183) throw new Error('not an aarch64 ELF file');
  const u64 = (o: number) => dv.getUint32(o + 4, true) * 2 ** 32 + dv.getUint32(o, true);
  const shoff = u64(0x28);
  const shentsize = dv.getUint16(0x3a, true);
  const shnum = dv.getUint16(0x3c, true);
  const shstrndx = dv.getUint16(0x3e, true);
  if (shoff === 0 || shnum === 0) return [];
  if (shentsize < 64 || shoff + shnum * shentsize > bytes.length) throw new Error('section headers lie outside the file');
  const raw = Array.from({ length: shnum }, (_, i) => {
    const o = shoff + i * shentsize;
    return { nameOff: dv.getUint32(o, true), type: dv.getUint32(o + 4, true), flags: u64(o + 8), addr: u64(o + 0x10), offset: u64(o + 0x18), size: u64(o + 0x20) };
  });
  const strs = raw[shstrndx];
  const name = (off: number) => {
    if (!strs || strs.offset + off >= bytes.length) return '';
    let end = strs.offset + off;
    while (end < bytes.length && bytes[end] !== 0) end++;
    return utf8Decode(bytes.subarray(strs.offset + off, end));
  };
  return raw.map((s) => ({ name: name(s.nameOff), type: s.type, flags: s.flags, addr: s.addr, offset: s.offset, size: s.size }));
}

/** Every symbol of .symtab (else .dynsym), mapping symbols included. */
export function readRawSymbols(bytes: Uint8Array): RawSymbol[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u64 = (o: number) => dv.getUint32(o + 4, true) * 2 ** 32 + dv.getUint32(o, true);
  const shoff = u64(0x28);
  const shnum = dv.getUint16(0x3c, true);
  const sec = (i: number) => {
    const o = shoff + i * 64;
    return { type: dv.getUint32(o + 4, true), offset: u64(o + 0x18), size: u64(o + 0x20), link: dv.getUint32(o + 0x28, true) };
  };
  let table = -1;
  for (let i = 0; i < shnum; i++) {
    const t = sec(i).type;
    if (t === 2) table = i;
    else if (t === 11 && table < 0) table = i;
  }
  if (table < 0) return [];
  const s = sec(table);
  const str = sec(s.link);
  if (s.offset + s.size > bytes.length || str.offset + str.size > bytes.length) return [];
  const out: RawSymbol[] = [];
  for (let o = s.offset; o + 24 <= s.offset + s.size; o += 24) {
    const nameOff = dv.getUint32(o, true);
    let end = str.offset + nameOff;
    while (end < str.offset + str.size && bytes[end] !== 0) end++;
    const info = dv.getUint8(o + 4);
    out.push({ name: utf8Decode(bytes.subarray(str.offset + nameOff, end)), value: u64(o + 8), size: u64(o + 16), type: info & 15, bind: info >> 4, shndx: dv.getUint16(o + 6, true) });
  }
  return out;
}

const isMapping = (n: string) => /^\$[xd](\.|$)/.test(n);
const hex = (v: number, w = 0) => v.toString(16).padStart(w, '0');

/** objdump's choice among symbols at one address: globals, then functions/objects, then by table order. */
function better(a: RawSymbol, b: RawSymbol): boolean {
  if ((a.bind !== 0) !== (b.bind !== 0)) return a.bind !== 0;
  const typed = (s: RawSymbol) => s.type === 1 || s.type === 2;
  if (typed(a) !== typed(b)) return typed(a);
  return false;
}

/** The listing `objdump -d FILE` prints (`file` is the name shown in its heading). */
export function objdumpListing(bytes: Uint8Array, file: string): string {
  const sections = readSections(bytes);
  const syms = readRawSymbols(bytes);
  const out: string[] = ['', `${file}:     file format elf64-littleaarch64`, ''];
  // names for branch targets: any non-mapping symbol in an allocated section
  const named = syms.filter((s) => s.name && !isMapping(s.name) && s.type !== STT_SECTION && s.type !== STT_FILE && s.shndx !== 0 && s.shndx < 0xff00);
  const byAddr = new Map<number, RawSymbol>();
  for (const s of named) {
    const cur = byAddr.get(s.value);
    if (!cur || better(s, cur)) byAddr.set(s.value, s);
  }
  const sortedAddrs = [...byAddr.keys()].sort((a, b) => a - b);
  sections.forEach((sec, index) => {
    if (!(sec.flags & SHF_EXECINSTR) || sec.type === SHT_NOBITS || sec.size === 0) return;
    const data = bytes.subarray(sec.offset, sec.offset + sec.size);
    const end = sec.addr + sec.size;
    const inSec = (a: number) => a >= sec.addr && a < end;
    const starts = sortedAddrs.filter((a) => inSec(a) && byAddr.get(a)!.shndx === index);
    const mapping = syms.filter((s) => isMapping(s.name) && s.shndx === index).sort((a, b) => a.value - b.value);
    const symbolFor = (target: number): string | null => {
      let lo = 0;
      let hi = sortedAddrs.length - 1;
      let best = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (sortedAddrs[mid]! <= target) {
          best = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (best < 0) return null;
      const a = sortedAddrs[best]!;
      const s = byAddr.get(a)!;
      return a === target ? s.name : `${s.name}+0x${hex(target - a)}`;
    };
    out.push('', `Disassembly of section ${sec.name}:`);
    const blocks = starts.length && starts[0] === sec.addr ? starts : [sec.addr, ...starts];
    blocks.forEach((start, bi) => {
      const stop = blocks[bi + 1] ?? end;
      const label = byAddr.get(start)?.shndx === index ? byAddr.get(start)!.name : sec.name;
      out.push('', `${hex(start, 16)} <${label}>:`);
      let pc = start;
      while (pc < stop) {
        const off = pc - sec.addr;
        // objdump skips runs of zeros: 8 bytes or more, or a short tail
        let z = off;
        while (z < stop - sec.addr && data[z] === 0) z++;
        const run = z - off;
        if (run >= 8 || (z === stop - sec.addr && run > 0 && run < 3)) {
          const skip = z === stop - sec.addr ? run : run & ~3;
          out.push('\t...');
          pc += skip;
          continue;
        }
        const code = isCode(mapping, pc);
        if (code && pc + 4 <= stop && (pc & 3) === 0) {
          const word = (data[off]! | (data[off + 1]! << 8) | (data[off + 2]! << 16) | (data[off + 3]! << 24)) >>> 0;
          out.push(`  ${hex(pc)}:\t${hex(word, 8)} \t${formatInsn(word, pc, symbolFor, named.length === 0)}`);
          pc += 4;
          continue;
        }
        // data: as wide as alignment and the next mapping symbol or block allow
        const limit = Math.min(stop, nextMapping(mapping, pc) ?? stop);
        const size = (pc & 3) === 0 && limit - pc >= 4 ? 4 : (pc & 1) === 0 && limit - pc >= 2 ? 2 : 1;
        let v = 0;
        for (let i = size - 1; i >= 0; i--) v = v * 256 + data[off + i]!;
        const digits = hex(v, size * 2);
        const dir = size === 4 ? '.word' : size === 2 ? '.short' : '.byte';
        // objdump's byte column: the chunk, then three blanks for each byte of a word it lacks
        out.push(`  ${hex(pc)}:\t${digits} ${' '.repeat(3 * (4 - size))}\t${dir}\t0x${digits}`);
        pc += size;
      }
    });
  });
  return out.join('\n') + '\n';
}

function isCode(mapping: RawSymbol[], pc: number): boolean {
  let code = true;
  for (const m of mapping) {
    if (m.value > pc) break;
    code = m.name.startsWith('$x');
  }
  return code;
}

function nextMapping(mapping: RawSymbol[], pc: number): number | null {
  for (const m of mapping) if (m.value > pc) return m.value;
  return null;
}

/** mnemonic, operands, annotations and comments with objdump's tabs and padding. */
function formatInsn(word: number, pc: number, symbolFor: (a: number) => string | null, stripped: boolean): string {
  // without symbols objdump spells targets 0x4001a0
  const d = disassemble(word, pc, { symbol: symbolFor, hexPrefix: stripped });
  if (d.mnemonic === '.inst') return `.inst\t${d.operands} ; undefined`;
  let text = d.operands ? `${d.mnemonic}\t${d.operands}` : d.mnemonic;
  if (d.symbol) text += ` <${d.symbol}>`;
  if (d.comment !== undefined) {
    if (d.target !== undefined) text += `  // ${d.comment}`;
    else if (d.mnemonic === 'mov' && d.comment.startsWith('#')) {
      // objdump pads a mov's immediate to 23 columns before its decimal comment
      const i = d.operands.indexOf(', ') + 2;
      text = `${d.mnemonic}\t${d.operands.slice(0, i)}${d.operands.slice(i).padEnd(23)}\t// ${d.comment}`;
    }
    else text += `\t// ${d.comment}`;
  }
  return text;
}
