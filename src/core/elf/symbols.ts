/**
 * ELF symbols for debuggers: function, object and label names from .symtab (or .dynsym when the
 * file is stripped), so a disassembly or a memory view can say `main+0x14` instead of an address.
 */
import { utf8Decode } from '../util/utf8.js';

export interface ElfSymbol {
  name: string;
  /** address as linked (add the load bias for a PIE) */
  value: number;
  size: number;
  /**
   * STT_FUNC, STT_OBJECT, or 'label' for STT_NOTYPE (the labels of hand-written assembly, like
   * `_start` or `loop`); other kinds, and the `$x`/`$d` mapping symbols, are left out
   */
  kind: 'func' | 'object' | 'label';
}

const SHT_SYMTAB = 2;
const SHT_DYNSYM = 11;
const STT_NOTYPE = 0;
const STT_OBJECT = 1;
const STT_FUNC = 2;
const SHN_UNDEF = 0;
/** SHN_LORESERVE: ABS, COMMON and the other special indexes are not places in the image */
const SHN_LORESERVE = 0xff00;

/**
 * The defined function, object and label symbols of an ELF64 little-endian file, sorted by address.
 * Returns [] when the file has no symbol table or its section headers do not fit in the file.
 */
export function readSymbols(bytes: Uint8Array): ElfSymbol[] {
  if (bytes.length < 64) return [];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u64 = (o: number) => dv.getUint32(o + 4, true) * 2 ** 32 + dv.getUint32(o, true);
  const shoff = u64(0x28);
  const shentsize = dv.getUint16(0x3a, true);
  const shnum = dv.getUint16(0x3c, true);
  if (shoff === 0 || shentsize < 64 || shoff + shnum * shentsize > bytes.length) return [];
  const section = (i: number) => {
    const o = shoff + i * shentsize;
    return { type: dv.getUint32(o + 4, true), offset: u64(o + 0x18), size: u64(o + 0x20), link: dv.getUint32(o + 0x28, true), entsize: u64(o + 0x38) };
  };
  let table = -1;
  for (let i = 0; i < shnum; i++) {
    const t = section(i).type;
    if (t === SHT_SYMTAB) table = i;
    else if (t === SHT_DYNSYM && table < 0) table = i;
  }
  if (table < 0) return [];
  const sym = section(table);
  if (sym.link >= shnum || sym.entsize < 24 || sym.offset + sym.size > bytes.length) return [];
  const str = section(sym.link);
  if (str.offset + str.size > bytes.length) return [];
  const out: ElfSymbol[] = [];
  for (let o = sym.offset; o + 24 <= sym.offset + sym.size; o += sym.entsize) {
    const type = dv.getUint8(o + 4) & 0xf;
    const shndx = dv.getUint16(o + 6, true);
    if ((type !== STT_FUNC && type !== STT_OBJECT && type !== STT_NOTYPE) || shndx === SHN_UNDEF || shndx >= SHN_LORESERVE) continue;
    const nameOff = dv.getUint32(o, true);
    if (nameOff === 0 || nameOff >= str.size) continue;
    let end = str.offset + nameOff;
    while (end < str.offset + str.size && bytes[end] !== 0) end++;
    const name = utf8Decode(bytes.subarray(str.offset + nameOff, end));
    if (type === STT_NOTYPE && /^\$[xd](\.|$)/.test(name)) continue; // where code and data start, not names
    out.push({
      name,
      value: u64(o + 8),
      size: u64(o + 16),
      kind: type === STT_FUNC ? 'func' : type === STT_OBJECT ? 'object' : 'label',
    });
  }
  out.sort((a, b) => a.value - b.value || a.name.localeCompare(b.name));
  return out;
}

/** Finds symbols by address (`name+0x14`) and by name, for one loaded image. */
export class SymbolTable {
  private readonly byName = new Map<string, ElfSymbol>();
  constructor(
    private readonly symbols: ElfSymbol[],
    /** what the image was loaded at minus what it was linked at (0 for ET_EXEC) */
    readonly bias = 0,
  ) {
    for (const s of symbols) if (!this.byName.has(s.name)) this.byName.set(s.name, s);
  }

  /** The run-time address of a symbol, or null. */
  address(name: string): number | null {
    const s = this.byName.get(name);
    return s ? s.value + this.bias : null;
  }

  /**
   * The symbol covering `addr` (within its size; a size-0 symbol covers up to the next one),
   * with the offset into it, or null.
   */
  lookup(addr: number): { symbol: ElfSymbol; offset: number } | null {
    const a = addr - this.bias;
    const list = this.symbols;
    let lo = 0;
    let hi = list.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.value <= a) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // among symbols at the same address prefer a function with a size
    while (best > 0 && list[best - 1]!.value === list[best]!.value && list[best]!.size === 0) best--;
    if (best < 0) return null;
    const s = list[best]!;
    const next = list[best + 1];
    const limit = s.size > 0 ? s.value + s.size : next ? next.value : s.value + 1;
    if (a >= limit) return null;
    return { symbol: s, offset: a - s.value };
  }

  /** `name` or `name+0xN` for an address, or null when no symbol covers it. */
  describe(addr: number): string | null {
    const r = this.lookup(addr);
    if (!r) return null;
    return r.offset ? `${r.symbol.name}+0x${r.offset.toString(16)}` : r.symbol.name;
  }
}
