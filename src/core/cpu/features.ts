/**
 * CPU features a64play advertises (AT_HWCAP, AT_HWCAP2, /proc/cpuinfo), derived from the encoding
 * table so that exactly what is implemented is advertised: a feature is listed only when every
 * mnemonic it stands for has an implemented table entry, and every instruction word it names
 * decodes to an implemented operation (for features whose instructions share table entries with
 * others, like the half-precision forms of FADD, where the handler decides).
 * Bit numbers are Linux's (arch/arm64/include/uapi/asm/hwcap.h).
 */
import { decoder } from './cpu.js';
import { extractFields } from './decode/encoding.js';
import { handlers } from './exec/index.js';

interface Feature {
  /** the name /proc/cpuinfo uses */
  name: string;
  hwcap: 1 | 2;
  bit: number;
  mnemonics?: string[];
  /** instruction words (with their assembly, for the reader) that must decode to an operation */
  words?: [number, string][];
  /** advertised only together with this feature (both or neither) */
  with?: string;
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
  // FEAT_FP16: scalar half-precision data processing (fphp) and its Advanced SIMD forms (asimdhp);
  // Linux reports the pair together. One word per instruction class.
  {
    name: 'fphp',
    hwcap: 1,
    bit: 9,
    with: 'asimdhp',
    words: [
      [0x1ee22820, 'fadd h0, h1, h2'],
      [0x1fc20c20, 'fmadd h0, h1, h2, h3'],
      [0x1ee1c020, 'fsqrt h0, h1'],
      [0x1ee74020, 'frintx h0, h1'],
      [0x1ee12000, 'fcmp h0, h1'],
      [0x1ee10400, 'fccmp h0, h1, #0x0, eq'],
      [0x1ee21c20, 'fcsel h0, h1, h2, ne'],
      [0x1eee1000, 'fmov h0, #1.0'],
      [0x1ee60020, 'fmov w0, h1'],
      [0x9ee70020, 'fmov h0, x1'],
      [0x1ef80020, 'fcvtzs w0, h1'],
      [0x9ee20020, 'scvtf h0, x1'],
      [0x9ed9f020, 'fcvtzu x0, h1, #4'],
      [0x1ec3f020, 'ucvtf h0, w1, #4'],
    ],
  },
  {
    name: 'asimdhp',
    hwcap: 1,
    bit: 10,
    with: 'fphp',
    words: [
      [0x4e421420, 'fadd v0.8h, v1.8h, v2.8h'],
      [0x4f321820, 'fmla v0.8h, v1.8h, v2.h[7]'],
      [0x7f129020, 'fmulx h0, h1, v2.h[1]'],
      [0x7e422420, 'fcmge h0, h1, h2'],
      [0x4ef9b820, 'fcvtzs v0.8h, v1.8h'],
      [0x5ef9d820, 'frecpe h0, h1'],
      [0x4e30c820, 'fmaxnmv h0, v1.8h'],
      [0x5e30d820, 'faddp h0, v1.2h'],
      [0x4f03fe00, 'fmov v0.8h, #1.0'],
      [0x4f1de420, 'scvtf v0.8h, v1.8h, #3'],
      [0x7f1dfc20, 'fcvtzu h0, h1, #3'],
    ],
  },
  { name: 'asimdrdm', hwcap: 1, bit: 12, mnemonics: ['sqrdmlah', 'sqrdmlsh'] },
  { name: 'jscvt', hwcap: 1, bit: 13, mnemonics: ['fjcvtzs'] },
  { name: 'lrcpc', hwcap: 1, bit: 15, mnemonics: ['ldapr'] },
  { name: 'sha3', hwcap: 1, bit: 17, mnemonics: ['eor3', 'rax1', 'xar', 'bcax'] },
  { name: 'asimddp', hwcap: 1, bit: 20, mnemonics: ['sdot', 'udot'] },
  { name: 'sha512', hwcap: 1, bit: 21, mnemonics: ['sha512h', 'sha512h2', 'sha512su0', 'sha512su1'] },
  { name: 'asimdfhm', hwcap: 1, bit: 23, mnemonics: ['fmlal', 'fmlal2', 'fmlsl', 'fmlsl2'] },
  { name: 'flagm', hwcap: 1, bit: 27, mnemonics: ['cfinv', 'rmif', 'setf8', 'setf16'] },
  { name: 'flagm2', hwcap: 2, bit: 7, mnemonics: ['axflag', 'xaflag'] },
  { name: 'frint', hwcap: 2, bit: 8, mnemonics: ['frint32z', 'frint32x', 'frint64z', 'frint64x'] },
];

let cached: { hwcap: number; hwcap2: number; names: string[] } | null = null;

/** Does the word decode to an implemented encoding whose handler accepts it? */
function decodes(word: number): boolean {
  const e = decoder().decode(word >>> 0);
  if (!e || e.unimplemented) return false;
  const h = handlers[e.name];
  return h !== undefined && h(...extractFields(e, word >>> 0), 0) !== null;
}

function compute(): { hwcap: number; hwcap2: number; names: string[] } {
  const implemented = new Set<string>();
  for (const e of decoder().encodings) if (!e.unimplemented) implemented.add(e.mnemonic.toLowerCase());
  const ok = new Set<string>();
  for (const f of FEATURES) {
    if (!(f.mnemonics ?? []).every((m) => implemented.has(m))) continue;
    if (!(f.words ?? []).every(([w]) => decodes(w))) continue;
    ok.add(f.name);
  }
  let hwcap = 0;
  let hwcap2 = 0;
  const names: string[] = [];
  // Linux lists /proc/cpuinfo features in HWCAP bit order, then HWCAP2's.
  const ordered = [...FEATURES].sort((a, b) => a.hwcap - b.hwcap || a.bit - b.bit);
  for (const f of ordered) {
    if (!ok.has(f.name) || (f.with !== undefined && !ok.has(f.with))) continue;
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
