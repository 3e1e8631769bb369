/** ELF64 parsing: just what loading an aarch64 Linux executable needs, with clear errors. */

export const ET_EXEC = 2;
export const ET_DYN = 3;
export const EM_AARCH64 = 183;
export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const PT_PHDR = 6;
export const PT_TLS = 7;
export const PT_GNU_STACK = 0x6474e551;
export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

/** A file that cannot be executed: the message is one line for the user. */
export class ExecFormatError extends Error {}

export interface ProgramHeader {
  type: number;
  flags: number;
  offset: number;
  vaddr: number;
  filesz: number;
  memsz: number;
  align: number;
}

export interface ElfFile {
  type: number;
  entry: number;
  phoff: number;
  phentsize: number;
  phnum: number;
  phdrs: ProgramHeader[];
  interp: string | null;
  bytes: Uint8Array;
}

const MACHINES: Record<number, string> = {
  3: 'x86 (i386)',
  8: 'MIPS',
  20: 'PowerPC',
  21: 'PowerPC64',
  22: 'S/390',
  40: 'ARM (32-bit)',
  50: 'IA-64',
  62: 'x86-64',
  183: 'AArch64',
  243: 'RISC-V',
  258: 'LoongArch',
};

function u64(dv: DataView, off: number): number {
  const lo = dv.getUint32(off, true);
  const hi = dv.getUint32(off + 4, true);
  if (hi >= 0x200000) throw new ExecFormatError('ELF field out of range (corrupt header)');
  return hi * 4294967296 + lo;
}

/** Parses and validates an ELF file for aarch64 Linux. Throws ExecFormatError with a one-line reason. */
export function parseElf(bytes: Uint8Array): ElfFile {
  if (bytes.length < 4 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46)
    throw new ExecFormatError('not an ELF executable (no ELF magic number)');
  if (bytes.length < 64) throw new ExecFormatError('truncated ELF file (header incomplete)');
  const cls = bytes[4];
  const data = bytes[5];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const machine = data === 1 ? dv.getUint16(18, true) : dv.getUint16(18, false);
  if (machine !== EM_AARCH64) {
    const name = MACHINES[machine] ?? `machine ${machine}`;
    throw new ExecFormatError(`wrong architecture: ${name} ELF, a64play runs AArch64 (aarch64) programs`);
  }
  if (cls !== 2) throw new ExecFormatError('32-bit ELF: a64play runs 64-bit AArch64 programs');
  if (data !== 1) throw new ExecFormatError('big-endian ELF: a64play runs little-endian AArch64 programs');
  const type = dv.getUint16(16, true);
  if (type === 1) throw new ExecFormatError('relocatable object file (.o), not an executable: link it first');
  if (type === 4) throw new ExecFormatError('core dump, not an executable');
  if (type !== ET_EXEC && type !== ET_DYN) throw new ExecFormatError(`unsupported ELF type ${type}`);
  const entry = u64(dv, 24);
  const phoff = u64(dv, 32);
  const phentsize = dv.getUint16(54, true);
  const phnum = dv.getUint16(56, true);
  if (phnum === 0) throw new ExecFormatError('ELF file has no program headers');
  if (phentsize !== 56) throw new ExecFormatError(`corrupt ELF: program header size ${phentsize}`);
  if (phoff + phnum * phentsize > bytes.length)
    throw new ExecFormatError('truncated ELF file (program headers past end of file)');
  const phdrs: ProgramHeader[] = [];
  let interp: string | null = null;
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * phentsize;
    const ph: ProgramHeader = {
      type: dv.getUint32(o, true),
      flags: dv.getUint32(o + 4, true),
      offset: u64(dv, o + 8),
      vaddr: u64(dv, o + 16),
      filesz: u64(dv, o + 32),
      memsz: u64(dv, o + 40),
      align: u64(dv, o + 48),
    };
    if (ph.type === PT_LOAD) {
      if (ph.offset + ph.filesz > bytes.length)
        throw new ExecFormatError('truncated ELF file (a loadable segment extends past end of file)');
      if (ph.filesz > ph.memsz) throw new ExecFormatError('corrupt ELF: segment file size exceeds memory size');
    }
    if (ph.type === PT_INTERP) {
      if (ph.offset + ph.filesz > bytes.length) throw new ExecFormatError('truncated ELF file (PT_INTERP)');
      let end = ph.offset;
      while (end < ph.offset + ph.filesz && bytes[end] !== 0) end++;
      interp = String.fromCharCode(...bytes.subarray(ph.offset, end));
    }
    phdrs.push(ph);
  }
  if (!phdrs.some((p) => p.type === PT_LOAD)) throw new ExecFormatError('ELF file has no loadable segments');
  return { type, entry, phoff, phentsize, phnum, phdrs, interp, bytes };
}
