/**
 * Loading an ELF image into guest memory and building the initial process stack (argv, envp, auxv)
 * as Linux's binfmt_elf does for aarch64.
 */
import { GuestMemory, PAGE_SIZE, PROT_EXEC, PROT_READ, PROT_WRITE, align } from '../memory/memory.js';
import { utf8Encode } from '../util/utf8.js';
import { ET_DYN, type ElfFile, ExecFormatError, PF_R, PF_W, PF_X, PT_LOAD, PT_PHDR } from './elf.js';

/** Where a64play places things (all below 4 GiB, where guest memory accesses take the fast path). */
export const LAYOUT = {
  /** load address for position-independent main programs (static-pie, PIE) */
  pieBase: 0x10000000,
  /** top of the main thread's stack */
  stackTop: 0xbf000000,
  stackSize: 8 * 1024 * 1024,
  /** one page holding the signal-return trampoline (Linux has it in the vDSO) */
  sigpage: 0xbf7ff000,
  /** mmap areas are handed out top-down below this */
  mmapTop: 0xbe000000,
  /** ... and never below this */
  mmapBottom: 0x20000000,
};

export interface LoadedImage {
  base: number; // load bias (0 for ET_EXEC)
  entry: number;
  phdr: number;
  phent: number;
  phnum: number;
  /** end of the highest segment (where brk starts, page-aligned) */
  end: number;
}

const protOf = (flags: number) =>
  (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) | (flags & PF_X ? PROT_EXEC : 0);

/**
 * Maps the PT_LOAD segments of `elf`. ET_DYN images are placed at `dynBase` (page aligned);
 * returns where everything ended up. Throws ExecFormatError for images that cannot be placed.
 */
export function loadImage(mem: GuestMemory, elf: ElfFile, dynBase: number, name: string): LoadedImage {
  const loads = elf.phdrs.filter((p) => p.type === PT_LOAD);
  const minVaddr = Math.min(...loads.map((p) => Math.floor(p.vaddr / PAGE_SIZE) * PAGE_SIZE));
  const bias = elf.type === ET_DYN ? dynBase - minVaddr : 0;
  // Pages shared by two segments get the union of their permissions.
  const pageProt = new Map<number, number>();
  for (const p of loads) {
    if (p.memsz === 0) continue;
    const first = Math.floor((p.vaddr + bias) / PAGE_SIZE);
    const last = Math.ceil((p.vaddr + bias + p.memsz) / PAGE_SIZE);
    for (let pg = first; pg < last; pg++) pageProt.set(pg, (pageProt.get(pg) ?? 0) | protOf(p.flags));
  }
  const pages = [...pageProt.keys()].sort((a, b) => a - b);
  if (pages.length === 0) throw new ExecFormatError('ELF file has no loadable segments');
  if (pages[0]! < 16) throw new ExecFormatError('ELF segment at address 0 (would map the NULL page)');
  // map runs of consecutive pages read/write first, copy the file bytes, then set final permissions
  forRuns(pages, (start, count) => {
    if (!mem.map(start * PAGE_SIZE, count * PAGE_SIZE, PROT_READ | PROT_WRITE, name))
      throw new ExecFormatError('not enough memory to load the program');
  });
  for (const p of loads) {
    if (p.filesz > 0) mem.write(p.vaddr + bias, elf.bytes.subarray(p.offset, p.offset + p.filesz), true);
  }
  // runs of equal protection
  let i = 0;
  while (i < pages.length) {
    let j = i;
    const prot = pageProt.get(pages[i]!)!;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1 && pageProt.get(pages[j + 1]!) === prot) j++;
    mem.protect(pages[i]! * PAGE_SIZE, (j - i + 1) * PAGE_SIZE, prot);
    i = j + 1;
  }
  let phdr = 0;
  const pt = elf.phdrs.find((p) => p.type === PT_PHDR);
  if (pt) phdr = pt.vaddr + bias;
  else {
    const seg = loads.find((p) => elf.phoff >= p.offset && elf.phoff < p.offset + p.filesz);
    if (seg) phdr = seg.vaddr + (elf.phoff - seg.offset) + bias;
  }
  const end = align(Math.max(...loads.map((p) => p.vaddr + p.memsz)) + bias, PAGE_SIZE);
  return { base: bias, entry: elf.entry + bias, phdr, phent: elf.phentsize, phnum: elf.phnum, end };
}

/** Size in bytes of an image's address range (for choosing where an ET_DYN interpreter goes). */
export function imageSpan(elf: ElfFile): number {
  const loads = elf.phdrs.filter((p) => p.type === PT_LOAD);
  const lo = Math.min(...loads.map((p) => Math.floor(p.vaddr / PAGE_SIZE) * PAGE_SIZE));
  const hi = Math.max(...loads.map((p) => p.vaddr + p.memsz));
  return align(hi - lo, PAGE_SIZE);
}

function forRuns(sorted: number[], fn: (start: number, count: number) => void): void {
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    fn(sorted[i]!, j - i + 1);
    i = j + 1;
  }
}

export const AT = {
  NULL: 0,
  PHDR: 3,
  PHENT: 4,
  PHNUM: 5,
  PAGESZ: 6,
  BASE: 7,
  FLAGS: 8,
  ENTRY: 9,
  UID: 11,
  EUID: 12,
  GID: 13,
  EGID: 14,
  PLATFORM: 15,
  HWCAP: 16,
  CLKTCK: 17,
  SECURE: 23,
  RANDOM: 25,
  HWCAP2: 26,
  EXECFN: 31,
  MINSIGSTKSZ: 51,
} as const;

export interface StackInput {
  argv: Uint8Array[];
  envp: Uint8Array[];
  execfn: Uint8Array;
  random16: Uint8Array;
  auxv: [number, number][]; // without AT_RANDOM, AT_PLATFORM, AT_EXECFN (added here) and AT_NULL
}

/**
 * Writes the initial stack below `top` (strings, random bytes, auxv, envp, argv, argc) and returns
 * the initial SP, 16-byte aligned, pointing at argc.
 */
export function buildStack(mem: GuestMemory, top: number, input: StackInput): number {
  let p = top - 16; // a little guard at the very top
  const putBytes = (b: Uint8Array, nul: boolean): number => {
    const len = b.length + (nul ? 1 : 0);
    p -= len;
    const buf = new Uint8Array(len);
    buf.set(b);
    if (!mem.write(p, buf)) throw new ExecFormatError('argument list too long for the stack');
    return p;
  };
  const execfnAddr = putBytes(input.execfn, true);
  const envAddrs = input.envp.map((e) => putBytes(e, true));
  const argAddrs = input.argv.map((a) => putBytes(a, true));
  const platform = putBytes(utf8Encode('aarch64'), true);
  p = Math.floor(p / 16) * 16;
  const randomAddr = putBytes(input.random16, false);
  const auxv: [number, number][] = [
    ...input.auxv,
    [AT.PLATFORM, platform],
    [AT.RANDOM, randomAddr],
    [AT.EXECFN, execfnAddr],
    [AT.NULL, 0],
  ];
  const words = 1 + argAddrs.length + 1 + envAddrs.length + 1 + auxv.length * 2;
  p = Math.floor((p - words * 8) / 16) * 16;
  const sp = p;
  const table = new Uint8Array(words * 8);
  const dv = new DataView(table.buffer);
  let i = 0;
  const put = (v: number) => {
    dv.setUint32(i * 8, v % 4294967296, true);
    dv.setUint32(i * 8 + 4, Math.floor(v / 4294967296), true);
    i++;
  };
  put(argAddrs.length);
  for (const a of argAddrs) put(a);
  put(0);
  for (const e of envAddrs) put(e);
  put(0);
  for (const [k, v] of auxv) {
    put(k);
    put(v);
  }
  if (!mem.write(sp, table)) throw new ExecFormatError('argument list too long for the stack');
  return sp;
}

