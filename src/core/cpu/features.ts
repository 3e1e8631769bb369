/**
 * CPU features a64play advertises (AT_HWCAP, AT_HWCAP2, /proc/cpuinfo), derived from the encoding
 * table so that exactly what is implemented is advertised: a feature is listed only when every
 * mnemonic it stands for has an implemented table entry.
 */
import { decoder } from './cpu.js';

interface Feature {
  /** the name /proc/cpuinfo uses */
  name: string;
  hwcap: 1 | 2;
  bit: number;
  mnemonics: string[];
}

const FEATURES: Feature[] = [
  { name: 'fp', hwcap: 1, bit: 0, mnemonics: ['fadd', 'fmul', 'fdiv', 'fsqrt', 'fcvtzs', 'scvtf', 'fmadd'] },
  { name: 'asimd', hwcap: 1, bit: 1, mnemonics: ['addv', 'umaxv', 'cmeq', 'tbl', 'ld1', 'st1', 'movi', 'dup'] },
  { name: 'aes', hwcap: 1, bit: 3, mnemonics: ['aese', 'aesd', 'aesmc', 'aesimc'] },
  { name: 'pmull', hwcap: 1, bit: 4, mnemonics: ['pmull'] },
  { name: 'sha1', hwcap: 1, bit: 5, mnemonics: ['sha1c', 'sha1h', 'sha1m', 'sha1p', 'sha1su0', 'sha1su1'] },
  { name: 'sha2', hwcap: 1, bit: 6, mnemonics: ['sha256h', 'sha256h2', 'sha256su0', 'sha256su1'] },
  { name: 'crc32', hwcap: 1, bit: 7, mnemonics: ['crc32b', 'crc32h', 'crc32w', 'crc32x', 'crc32cb', 'crc32ch', 'crc32cw', 'crc32cx'] },
  { name: 'atomics', hwcap: 1, bit: 8, mnemonics: ['cas', 'casp', 'ldadd', 'ldclr', 'ldeor', 'ldset', 'ldsmax', 'ldsmin', 'ldumax', 'ldumin', 'swp'] },
  { name: 'lrcpc', hwcap: 1, bit: 15, mnemonics: ['ldapr'] },
  { name: 'sha3', hwcap: 1, bit: 17, mnemonics: ['eor3', 'rax1', 'xar', 'bcax'] },
  { name: 'asimddp', hwcap: 1, bit: 20, mnemonics: ['sdot', 'udot'] },
  { name: 'sha512', hwcap: 1, bit: 21, mnemonics: ['sha512h', 'sha512h2', 'sha512su0', 'sha512su1'] },
  { name: 'asimdrdm', hwcap: 1, bit: 12, mnemonics: ['sqrdmlah', 'sqrdmlsh'] },
  { name: 'jscvt', hwcap: 1, bit: 13, mnemonics: ['fjcvtzs'] },
  { name: 'flagm', hwcap: 1, bit: 27, mnemonics: ['cfinv', 'rmif', 'setf8'] },
];

let cached: { hwcap: number; hwcap2: number; names: string[] } | null = null;

function compute(): { hwcap: number; hwcap2: number; names: string[] } {
  const implemented = new Set<string>();
  for (const e of decoder().encodings) if (!e.unimplemented) implemented.add(e.mnemonic.toLowerCase());
  let hwcap = 0;
  let hwcap2 = 0;
  const names: string[] = [];
  for (const f of FEATURES) {
    if (!f.mnemonics.every((m) => implemented.has(m))) continue;
    if (f.hwcap === 1) hwcap |= 1 << f.bit;
    else hwcap2 |= 1 << f.bit;
    names.push(f.name);
  }
  return { hwcap: hwcap >>> 0, hwcap2: hwcap2 >>> 0, names };
}

export function hwcaps(): [number, number] {
  cached ??= compute();
  return [cached.hwcap, cached.hwcap2];
}

/** Feature names in /proc/cpuinfo order. */
export function featureNames(): string[] {
  cached ??= compute();
  return cached.names;
}
