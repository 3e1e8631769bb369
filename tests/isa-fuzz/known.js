// Known, deliberate differences from qemu-aarch64 7.2 that the fuzzer does not report (README.md
// says why). Each rule looks at one diverging instruction: its entry, word, the state before it,
// both states after and the names of the items that differ; it returns true when the difference is
// the known one. Rules check what they can of a64play's result, so they do not hide other bugs.

import { OUT_SIG, OUT_STATE, ST_FPCR, ST_V } from './layout.js';

const u32 = (rec, off) => new DataView(rec.buffer, rec.byteOffset, rec.byteLength).getUint32(off, true);
const u16 = (rec, off) => new DataView(rec.buffer, rec.byteOffset, rec.byteLength).getUint16(off, true);
const fpcr = (rec) => u32(rec, OUT_STATE + ST_FPCR);

function halfValue(h, flush) {
  const e = (h >>> 10) & 31;
  const m = h & 0x3ff;
  const s = h & 0x8000 ? -1 : 1;
  if (e === 31) return m ? NaN : s * Infinity;
  if (e === 0) return flush ? 0 : s * m * 2 ** -24;
  return s * (1024 + m) * 2 ** (e - 25);
}

/** The load's destination registers (which may hold partial data after a fault). */
function loadDestinations(name, word) {
  const rt = word & 31;
  if (/^(LD|ST)[1-4]/.test(name)) return [0, 1, 2, 3].map((i) => `v${(rt + i) % 32}`);
  const rt2 = (word >>> 10) & 31;
  const fp = /_fp$/.test(name);
  return fp ? [`v${rt}`, `v${rt2}`] : [`x${rt}`, `x${rt2}`];
}

/**
 * Instructions of extensions qemu's max CPU has and issue 4 does not ask for (so a64play rejects
 * them): [feature, name, mask, value].
 */
export const QEMU_ONLY_EXTENSIONS = [
  ['BF16', 'BFCVT', 0xfffffc00, 0x1e634000],
  ['BF16', 'BFCVTN{2}', 0xbffffc00, 0x0ea16800],
  ['BF16', 'BFDOT (vector)', 0xbfe0fc00, 0x2e40fc00],
  ['BF16', 'BFDOT (element)', 0xbfc0f400, 0x0f40f000],
  ['BF16', 'BFMLALB/T (vector)', 0xbfe0fc00, 0x2ec0fc00],
  ['BF16', 'BFMLALB/T (element)', 0xbfc0f400, 0x0fc0f000],
  ['BF16', 'BFMMLA', 0xffe0fc00, 0x6e40ec00],
  ['I8MM', 'SMMLA', 0xffe0fc00, 0x4e80a400],
  ['I8MM', 'UMMLA', 0xffe0fc00, 0x6e80a400],
  ['I8MM', 'USMMLA', 0xffe0fc00, 0x4e80ac00],
  ['I8MM', 'USDOT (vector)', 0xbfe0fc00, 0x0e809c00],
  ['I8MM', 'USDOT (element)', 0xbfc0f400, 0x0f80f000],
  ['I8MM', 'SUDOT (element)', 0xbfc0f400, 0x0f00f000],
  ['FCMA', 'FCADD', 0xbf20ec00, 0x2e00e400],
  ['FCMA', 'FCMLA (vector)', 0xbf20e400, 0x2e00c400],
  ['FCMA', 'FCMLA (element)', 0xbf009400, 0x2f001000],
];

/** @type {{name: string, why: string, test: (name: string, word: number, before: Uint8Array, qemu: Uint8Array, ours: Uint8Array, diffs: string[]) => boolean}[]} */
export const KNOWN_DIFFERENCES = [
  {
    name: 'fjcvtzs-flushed-denormal',
    why: 'qemu 7.2 FJCVTZS leaves Z set for a denormal input flushed to zero by FPCR.FZ (the result is 0 but inexact, so Z must be 0)',
    test(name, word, before, qemu, ours, diffs) {
      if (name !== 'FJCVTZS' || diffs.length !== 1 || diffs[0] !== 'nzcv') return false;
      if (!(fpcr(before) & (1 << 24))) return false;
      const rn = (word >>> 5) & 31;
      const hi = u32(before, OUT_STATE + ST_V + 16 * rn + 4);
      const lo = u32(before, OUT_STATE + ST_V + 16 * rn);
      return (hi & 0x7ff00000) === 0 && ((hi & 0xfffff) !== 0 || lo !== 0);
    },
  },
  {
    name: 'fcvtz-fixed-half-scalar',
    why: 'qemu 7.2 scalar FCVTZS/FCVTZU Hd, Hn, #fbits writes a 32-bit result (saturated to 32 bits) instead of 16 bits',
    test(name, word, before, qemu, ours, diffs) {
      if (name !== 'FCVTZS_fix_sd' && name !== 'FCVTZU_fix_sd') return false;
      const immh = (word >>> 19) & 15;
      if (immh >>> 1 !== 1) return false;
      const rd = word & 31;
      if (diffs.length !== 1 || diffs[0] !== `v${rd}`) return false;
      // a64play's result must be the right one: round toward zero, saturate to 16 bits
      const fbits = 32 - ((word >>> 16) & 0x7f);
      const h = u16(before, OUT_STATE + ST_V + 16 * ((word >>> 5) & 31));
      const v = Math.trunc(halfValue(h, !!(fpcr(before) & (1 << 19))) * 2 ** fbits);
      const signed = name === 'FCVTZS_fix_sd';
      const [lo, hi] = signed ? [-32768, 32767] : [0, 65535];
      const want = Number.isNaN(v) ? 0 : Math.min(hi, Math.max(lo, v)) & 0xffff;
      const got = ours.subarray(OUT_STATE + ST_V + 16 * rd, OUT_STATE + ST_V + 16 * rd + 16);
      return u16(got, 0) === want && got.subarray(2).every((b) => b === 0);
    },
  },
  {
    name: 'qemu-user-no-dc-cvap',
    why:
      'qemu-aarch64 7.2 raises SIGILL for DC CVAP and DC CVADP (FEAT_DPB, DPB2) in user mode although its ' +
      'max CPU reports DPB = 2; a64play runs them as the no-ops they are for a program',
    test(name, word, before, qemu, ours, diffs) {
      if (name !== 'SYS' || ((word & 0xfffffee0) >>> 0) !== 0xd50b7c20) return false; // op1 3, C7, C12 or C13, #1
      return u32(qemu, OUT_SIG) === 4 && u32(ours, OUT_SIG) === 0;
    },
  },
  {
    name: 'qemu-fmov-imm-op1-o2',
    why:
      'qemu 7.2 runs the unallocated modified-immediate encoding op = 1, cmode = 1111, o2 = 1 (next to FMOV ' +
      'Vd.<T>, #imm for halves, which has op = 0) as a double-precision FMOV; a64play raises SIGILL',
    test(name, word, before, qemu, ours, diffs) {
      if (!name.endsWith('(rejected encoding)')) return false;
      const modImm = word >>> 31 === 0 && ((word >>> 19) & 0x7ff) === 0x5e0; // op 1, 0111100000
      return modImm && ((word >>> 10) & 0x3f) === 0x3f && u32(qemu, OUT_SIG) === 0 && u32(ours, OUT_SIG) === 4;
    },
  },
  {
    name: 'qemu-only-extension',
    why:
      'a word a64play rejects belongs to an extension that qemu\'s max CPU has and issue 4 does not ask for ' +
      '(BF16, I8MM, FCMA: QEMU_ONLY_EXTENSIONS); qemu runs it, a64play raises SIGILL',
    test(name, word, before, qemu, ours, diffs) {
      if (!name.endsWith('(rejected encoding)') || u32(ours, OUT_SIG) !== 4 || u32(qemu, OUT_SIG) === 4) return false;
      return QEMU_ONLY_EXTENSIONS.some(([, , mask, value]) => ((word & mask) >>> 0) === value);
    },
  },
  {
    name: 'partial-access-before-fault',
    why:
      'a load or store that faults part of the way: qemu has already written some destination registers or ' +
      'memory, a64play nothing (the architecture leaves both UNKNOWN)',
    test(name, word, before, qemu, ours, diffs) {
      if (!/^(LD|ST)/.test(name) || u32(qemu, OUT_SIG) === 0 || diffs.includes('ending')) return false;
      const dest = /^ST/.test(name) ? [] : loadDestinations(name, word);
      return diffs.every((d) => d.startsWith('mem+') || dest.includes(d));
    },
  },
];

/** The rule that explains this divergence, or undefined. */
export function knownDifference(name, word, before, qemu, ours, diffs) {
  return KNOWN_DIFFERENCES.find((k) => k.test(name, word, before, qemu, ours, diffs));
}
