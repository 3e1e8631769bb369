/**
 * The static executable, laid out as GNU ld lays out one object by default on aarch64 Linux
 * (elf64-littleaarch64, no -z separate-code): the ELF and program headers at 0x400000 open the
 * first LOAD segment (R X) with the code and read-only sections after them; the writable sections
 * start a second LOAD segment (RW) at the next 64 KiB page plus the same page offset; .bss ends
 * 8-byte aligned. Output sections merge their input sections the way ld's default script does
 * (.text.* into .text, .rodata.* into .rodata, …).
 */

import { utf8Encode } from '../../util/utf8.js';

export const IMAGE_BASE = 0x400000;
const MAX_PAGE = 0x10000;
const EHDR = 64;
const PHDR = 56;
const SHDR = 64;

/**
 * A `.note.GNU-stack` section in the source (compilers emit one): ld then adds a PT_GNU_STACK
 * program header saying whether the stack is executable ('x' in the section's flags).
 */
export type StackNote = null | 'rw' | 'rwx';

export interface OutSection {
  name: string;
  nobits: boolean;
  write: boolean;
  exec: boolean;
  align: number;
  /** filled in by layout */
  addr: number;
  offset: number;
  size: number;
  data: Uint8Array;
}

export interface ElfSymbol {
  name: string;
  value: number;
  size: number;
  /** STT_*: 0 notype, 1 object, 2 func, 3 section */
  type: number;
  global: boolean;
  weak: boolean;
  /** the output section's index in the list passed to writeElf, or -1 for absolute symbols */
  section: number;
}

/** Where an input section name goes: ld's default script's output section, or the name itself (an orphan). */
export function outputName(name: string): string {
  for (const base of ['.text', '.rodata', '.data', '.bss']) if (name === base || name.startsWith(`${base}.`)) return base;
  return name;
}

/** The order of output sections: code, read-only, data, bss (orphans after their kind). */
export function rank(s: { name: string; nobits: boolean; write: boolean; exec: boolean }): number {
  if (!s.write) return s.exec ? (s.name === '.text' ? 0 : 1) : s.name === '.rodata' ? 2 : 3;
  if (s.nobits) return s.name === '.bss' ? 6 : 7;
  return s.name === '.data' ? 4 : 5;
}

const alignUp = (v: number, a: number): number => Math.ceil(v / a) * a;

/**
 * Assigns addresses and file offsets to the sections (in output order, sizes known; empty ones
 * already dropped). Returns the number of program headers.
 */
export function layout(sections: OutSection[], stack: StackNote): number {
  const phnum = (sections.some((s) => s.write) ? 2 : 1) + (stack ? 1 : 0);
  let addr = IMAGE_BASE + EHDR + PHDR * phnum;
  /** address minus file offset: the image base, then one more page in the data segment */
  let delta = IMAGE_BASE;
  let inData = false;
  for (const s of sections) {
    if (s.write && !inData) {
      inData = true;
      // DATA_SEGMENT_ALIGN: the next page, keeping the offset within the page
      const next = alignUp(addr, MAX_PAGE) + (addr & (MAX_PAGE - 1));
      delta += next - addr;
      addr = next;
    }
    addr = alignUp(addr, s.align);
    s.addr = addr;
    s.offset = addr - delta;
    addr += s.size;
  }
  return phnum;
}

/** ld pads .bss (the last section) to end on an 8-byte boundary. */
export function padBss(s: OutSection): void {
  if (s.nobits && s.name === '.bss' && s.size > 0) s.size = alignUp(s.addr + s.size, 8) - s.addr;
}

class Bytes {
  buf = new Uint8Array(4096);
  len = 0;
  private view = new DataView(this.buf.buffer);
  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const b = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    b.set(this.buf);
    this.buf = b;
    this.view = new DataView(b.buffer);
  }
  at(pos: number): void {
    this.room(pos - this.len);
    if (pos > this.len) this.len = pos;
  }
  u8(v: number): void {
    this.room(1);
    this.buf[this.len++] = v;
  }
  u16(v: number): void {
    this.room(2);
    this.view.setUint16(this.len, v, true);
    this.len += 2;
  }
  u32(v: number): void {
    this.room(4);
    this.view.setUint32(this.len, v >>> 0, true);
    this.len += 4;
  }
  u64(v: number): void {
    this.room(8);
    this.view.setBigUint64(this.len, BigInt(v), true);
    this.len += 8;
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

class StrTab {
  readonly parts: string[] = [''];
  size = 1;
  private readonly seen = new Map<string, number>();
  add(s: string): number {
    if (s === '') return 0;
    const at = this.seen.get(s);
    if (at !== undefined) return at;
    const off = this.size;
    this.seen.set(s, off);
    this.parts.push(s);
    this.size += utf8Encode(s).length + 1;
    return off;
  }
  bytes(): Uint8Array {
    return utf8Encode(this.parts.join('\0') + '\0');
  }
}

/** The executable file. `sections` are laid out; symbols refer to them by index. */
export function writeElf(sections: OutSection[], phnum: number, symbols: ElfSymbol[], entry: number, stack: StackNote): Uint8Array {
  const out = new Bytes();
  // section contents
  out.at(EHDR + PHDR * phnum);
  for (const s of sections) {
    if (s.nobits) continue;
    out.at(s.offset);
    out.bytes(s.data.subarray(0, s.size));
  }
  // symbol table: null, section symbols, locals, then globals
  const strtab = new StrTab();
  const shstr = new StrTab();
  const symtabOff = alignUp(out.len, 8);
  out.at(symtabOff);
  const sym = (name: number, info: number, shndx: number, value: number, size: number) => {
    out.u32(name);
    out.u8(info);
    out.u8(0);
    out.u16(shndx);
    out.u64(value);
    out.u64(size);
  };
  sym(0, 0, 0, 0, 0);
  sections.forEach((s, i) => sym(0, 3, i + 1, s.addr, 0));
  const locals = symbols.filter((s) => !s.global && !s.weak);
  const globals = symbols.filter((s) => s.global || s.weak);
  const shndx = (s: ElfSymbol) => (s.section < 0 ? 0xfff1 : s.section + 1);
  for (const s of locals) sym(strtab.add(s.name), s.type, shndx(s), s.value, s.size);
  const firstGlobal = 1 + sections.length + locals.length;
  for (const s of globals) sym(strtab.add(s.name), ((s.weak ? 2 : 1) << 4) | s.type, shndx(s), s.value, s.size);
  const symtabSize = out.len - symtabOff;
  const strtabOff = out.len;
  const strBytes = strtab.bytes();
  out.bytes(strBytes);
  const names = sections.map((s) => shstr.add(s.name));
  const nSymtab = shstr.add('.symtab');
  const nStrtab = shstr.add('.strtab');
  const nShstrtab = shstr.add('.shstrtab');
  const shstrOff = out.len;
  const shBytes = shstr.bytes();
  out.bytes(shBytes);
  const shoff = alignUp(out.len, 8);
  out.at(shoff);
  const shdr = (name: number, type: number, flags: number, addr: number, offset: number, size: number, link: number, info: number, align: number, entsize: number) => {
    out.u32(name);
    out.u32(type);
    out.u64(flags);
    out.u64(addr);
    out.u64(offset);
    out.u64(size);
    out.u32(link);
    out.u32(info);
    out.u64(align);
    out.u64(entsize);
  };
  shdr(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  sections.forEach((s, i) => {
    const flags = 2 /* ALLOC */ | (s.write ? 1 : 0) | (s.exec ? 4 : 0);
    shdr(names[i]!, s.nobits ? 8 : 1, flags, s.addr, s.offset, s.size, 0, 0, s.align, 0);
  });
  const symtabIndex = sections.length + 1;
  shdr(nSymtab, 2, 0, 0, symtabOff, symtabSize, symtabIndex + 1, firstGlobal, 8, 24);
  shdr(nStrtab, 3, 0, 0, strtabOff, strBytes.length, 0, 0, 1, 0);
  shdr(nShstrtab, 3, 0, 0, shstrOff, shBytes.length, 0, 0, 1, 0);
  const shnum = sections.length + 4;
  const file = out.result();
  // headers last, now that everything's place is known
  const h = new DataView(file.buffer);
  file.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
  h.setUint16(16, 2, true); // ET_EXEC
  h.setUint16(18, 183, true); // EM_AARCH64
  h.setUint32(20, 1, true);
  h.setBigUint64(24, BigInt(entry), true);
  h.setBigUint64(32, BigInt(EHDR), true);
  h.setBigUint64(40, BigInt(shoff), true);
  h.setUint32(48, 0, true);
  h.setUint16(52, EHDR, true);
  h.setUint16(54, PHDR, true);
  h.setUint16(56, phnum, true);
  h.setUint16(58, SHDR, true);
  h.setUint16(60, shnum, true);
  h.setUint16(62, shnum - 1, true);
  const text = sections.filter((s) => !s.write);
  const data = sections.filter((s) => s.write);
  const textEnd = text.reduce((e, s) => Math.max(e, s.offset + (s.nobits ? 0 : s.size)), EHDR + PHDR * phnum);
  const ph = (at: number, flags: number, offset: number, vaddr: number, filesz: number, memsz: number, type = 1 /* PT_LOAD */, align = MAX_PAGE) => {
    h.setUint32(at, type, true);
    h.setUint32(at + 4, flags, true);
    h.setBigUint64(at + 8, BigInt(offset), true);
    h.setBigUint64(at + 16, BigInt(vaddr), true);
    h.setBigUint64(at + 24, BigInt(vaddr), true);
    h.setBigUint64(at + 32, BigInt(filesz), true);
    h.setBigUint64(at + 40, BigInt(memsz), true);
    h.setBigUint64(at + 48, BigInt(align), true);
  };
  ph(EHDR, 5, 0, IMAGE_BASE, textEnd, textEnd);
  let at = EHDR + PHDR;
  if (data.length) {
    const first = data[0]!;
    const fileEnd = data.filter((s) => !s.nobits).reduce((e, s) => Math.max(e, s.offset + s.size), first.offset);
    const memEnd = data.reduce((e, s) => Math.max(e, s.addr + s.size), first.addr);
    ph(at, 6, first.offset, first.addr, fileEnd - first.offset, memEnd - first.addr);
    at += PHDR;
  }
  if (stack) ph(at, stack === 'rwx' ? 7 : 6, 0, 0, 0, 0, 0x6474e551 /* PT_GNU_STACK */, 16);
  return file;
}
