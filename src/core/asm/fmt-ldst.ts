/**
 * Loads and stores: exclusives, acquire/release, compare-and-swap, literals (with their target),
 * pairs, unscaled/unprivileged/pre-/post-indexed/unsigned-offset/register-offset forms, atomics
 * (with the ST<op> aliases) and prefetches, in objdump's addressing syntax.
 */
import { EXTEND, type Formatter, type Formatters, ins, sext, target, w, x, xsp } from './format.js';

/** Register name by kind: 'w', 'x', or the SIMD&FP 'b' 'h' 's' 'd' 'q' */
const reg = (kind: string, n: number): string => (kind === 'w' ? w(n) : kind === 'x' ? x(n) : `${kind}${n}`);

/** `[Xn|SP, #imm]` (`[Xn|SP]` for 0) */
const offsetAddr = (rn: number, imm: number): string => (imm === 0 ? `[${xsp(rn)}]` : `[${xsp(rn)}, #${imm}]`);

/** Addressing by mode: 'post' `[Xn], #imm`, 'pre' `[Xn, #imm]!`, 'off' `[Xn, #imm]` */
function modeAddr(mode: 'post' | 'pre' | 'off', rn: number, imm: number): string[] {
  if (mode === 'post') return [`[${xsp(rn)}]`, `#${imm}`];
  if (mode === 'pre') return [`[${xsp(rn)}, #${imm}]!`];
  return [offsetAddr(rn, imm)];
}

/** Prefetch operation names (Rt = type:target:policy), or `#0x..` for the unallocated ones */
export function prfop(rt: number): string {
  const type = ['pld', 'pli', 'pst'][rt >> 3];
  const tgt = ['l1', 'l2', 'l3'][(rt >> 1) & 3];
  if (!type || !tgt) return `#0x${rt.toString(16).padStart(2, '0')}`;
  return `${type}${tgt}${rt & 1 ? 'strm' : 'keep'}`;
}

/** SIMD&FP register kind of a single-register load/store: size and opc<1> */
function fpKind(size: number, opc1: number): string | null {
  if (opc1) return size === 0 ? 'q' : null;
  return 'bhsd'[size]!;
}
const fpScale = (size: number, opc1: number): number => (opc1 ? 4 : size);

// ------------------------------------------------------------------------- exclusives, ordered, CAS

/** `name [Ws,] Rt[, Rt2], [Xn]` with the given register kinds */
function exclusive(name: string, kind: 'w' | 'x' | 'sz', opts: { status?: boolean; pair?: boolean; ones?: 15 | 31 } = {}): Formatter {
  return (f, c) => {
    // LDAR, LDARB, LDARH: objdump wants the ignored Rt2 field ones, and Rs ones (LDARH) or
    // ones in bits 19:16 (LDAR, LDARB)
    if (opts.ones && (((c.word >>> 16) & opts.ones) !== opts.ones || ((c.word >>> 10) & 31) !== 31)) return null;
    const k = kind === 'sz' ? (f.sz ? 'x' : 'w') : kind;
    const ops: string[] = [];
    if (opts.status) ops.push(w(f.Rs));
    ops.push(reg(k, f.Rt));
    if (opts.pair) ops.push(reg(k, f.Rt2));
    ops.push(`[${xsp(f.Rn)}]`);
    return ins(name, ...ops);
  };
}

/** CAS{A}{L}{B|H}: L = acquire, o0 = release */
function cas(base: string, suffix: string, kind: 'w' | 'sz'): Formatter {
  return (f) => {
    const k = kind === 'sz' ? (f.sz ? 'x' : 'w') : 'w';
    const name = `${base}${f.L ? 'a' : ''}${f.o0 ? 'l' : ''}${suffix}`;
    return ins(name, reg(k, f.Rs), reg(k, f.Rt), `[${xsp(f.Rn)}]`);
  };
}

const casp: Formatter = (f) => {
  if (f.Rs & 1 || f.Rt & 1) return null;
  const k = f.sz ? 'x' : 'w';
  const name = `casp${f.L ? 'a' : ''}${f.o0 ? 'l' : ''}`;
  return ins(name, reg(k, f.Rs), reg(k, f.Rs + 1), reg(k, f.Rt), reg(k, f.Rt + 1), `[${xsp(f.Rn)}]`);
};

// ------------------------------------------------------------------------------------- literals

function literal(name: string, kind: (f: Record<string, number>) => string | null): Formatter {
  return (f, c) => {
    const k = kind(f);
    if (k === null) return null;
    const t = target(c.addr, sext(f.imm19, 19) * 4);
    const first = name === 'prfm' ? prfop(f.Rt) : reg(k, f.Rt);
    return { ...ins(name, first, t.text), target: t.target };
  };
}

// ----------------------------------------------------------------------------------------- pairs

/** STP/LDP/STNP/LDNP/LDPSW: kind and scale from sf or opc */
function pair(name: string, mode: 'post' | 'pre' | 'off', fp: boolean, fixed?: 'x'): Formatter {
  return (f) => {
    let k: string;
    let scale: number;
    if (fp) {
      if (f.opc === 3) return null;
      k = 'sdq'[f.opc]!;
      scale = 2 + f.opc;
    } else if (fixed) {
      k = 'x';
      scale = 2;
    } else {
      k = f.sf ? 'x' : 'w';
      scale = f.sf ? 3 : 2;
    }
    const imm = sext(f.imm7, 7) * (1 << scale);
    // objdump refuses the UNPREDICTABLE LDPSW forms (the same register twice, writeback into a loaded one)
    if (fixed && (f.Rt === f.Rt2 || (mode !== 'off' && f.Rn !== 31 && (f.Rn === f.Rt || f.Rn === f.Rt2)))) return null;
    return ins(name, reg(k, f.Rt), reg(k, f.Rt2), ...modeAddr(mode, f.Rn, imm));
  };
}

// ------------------------------------------------------------------------ single register forms

type Kind = (f: Record<string, number>) => string | null;
/** W or X by sz */
const bySz: Kind = (f) => (f.sz ? 'x' : 'w');
/** W (opc<0> = 1) or X (0), for the sign-extending loads */
const byOpc0: Kind = (f) => (f.opc0 ? 'w' : 'x');
const always = (k: string): Kind => () => k;
const fpReg: Kind = (f) => fpKind(f.size, f.opc1);

/** log2 of the access size, for scaling unsigned offsets and register shifts */
type Scale = (f: Record<string, number>) => number;

/** Unscaled, unprivileged, pre- and post-indexed (imm9) forms */
function imm9(name: string, kind: Kind, mode: 'post' | 'pre' | 'off'): Formatter {
  return (f) => {
    const k = kind(f);
    if (k === null) return null;
    const first = k === 'prfop' ? prfop(f.Rt) : reg(k, f.Rt);
    return ins(name, first, ...modeAddr(mode, f.Rn, sext(f.imm9, 9)));
  };
}

/** Unsigned offset (imm12 scaled by the access size) */
function uimm12(name: string, kind: Kind, scale: Scale): Formatter {
  return (f) => {
    const k = kind(f);
    if (k === null) return null;
    const first = k === 'prfop' ? prfop(f.Rt) : reg(k, f.Rt);
    return ins(name, first, offsetAddr(f.Rn, f.imm12 << scale(f)));
  };
}

/** Register offset: `[Xn, Xm{, lsl #s}]`, `[Xn, Wm, uxtw|sxtw {#s}]`, `[Xn, Xm, sxtx {#s}]` */
function regOffset(name: string, kind: Kind, scale: Scale): Formatter {
  return (f) => {
    const k = kind(f);
    if (k === null || !(f.option & 2)) return null;
    const first = k === 'prfop' ? prfop(f.Rt) : reg(k, f.Rt);
    const m = f.option & 1 ? x(f.Rm) : w(f.Rm);
    const amount = f.S ? ` #${scale(f)}` : '';
    const ext = f.option === 3 ? (f.S ? `, lsl${amount}` : '') : `, ${EXTEND[f.option]}${amount}`;
    return ins(name, first, `[${xsp(f.Rn)}, ${m}${ext}]`);
  };
}

// -------------------------------------------------------------------------------------- atomics

const ATOMIC_ST_ALIAS = new Set(['add', 'clr', 'eor', 'set', 'smax', 'smin', 'umax', 'umin']);

/** LD<op>{A}{L}{B|H} Rs, Rt, [Xn]; ST<op>{L}{B|H} Rs, [Xn] when A = 0 and Rt = ZR; SWP likewise (no alias) */
function atomic(op: string, suffix: string, kind: 'w' | 'sz'): Formatter {
  return (f) => {
    const k = kind === 'sz' ? (f.sz ? 'x' : 'w') : 'w';
    const order = `${f.A ? 'a' : ''}${f.R ? 'l' : ''}`;
    if (ATOMIC_ST_ALIAS.has(op) && !f.A && f.Rt === 31) return ins(`st${op}${order}${suffix}`, reg(k, f.Rs), `[${xsp(f.Rn)}]`);
    const name = ATOMIC_ST_ALIAS.has(op) ? `ld${op}${order}${suffix}` : `${op}${order}${suffix}`;
    return ins(name, reg(k, f.Rs), reg(k, f.Rt), `[${xsp(f.Rn)}]`);
  };
}

function atomics(): Formatters {
  const out: Formatters = {};
  for (const op of ['add', 'clr', 'eor', 'set', 'smax', 'smin', 'umax', 'umin']) {
    const base = `LD${op.toUpperCase()}`;
    out[`${base}B`] = atomic(op, 'b', 'w');
    out[`${base}H`] = atomic(op, 'h', 'w');
    out[base] = atomic(op, '', 'sz');
  }
  out.SWPB = atomic('swp', 'b', 'w');
  out.SWPH = atomic('swp', 'h', 'w');
  out.SWP = atomic('swp', '', 'sz');
  return out;
}

// ---------------------------------------------------------------------------------------- table

/** The four families of single-register forms that share fields: byte, half, word/doubleword, FP */
function singles(): Formatters {
  const out: Formatters = {};
  const s0: Scale = () => 0;
  const s1: Scale = () => 1;
  const s2: Scale = () => 2;
  const s3: Scale = () => 3;
  const sSz: Scale = (f) => 2 + f.sz;
  const sFp: Scale = (f) => fpScale(f.size, f.opc1);
  const prf = always('prfop');
  // [entry stem, mnemonic, kind, scale]
  const rows: [string, string, Kind, Scale][] = [
    ['STRB', 'strb', always('w'), s0],
    ['LDRB', 'ldrb', always('w'), s0],
    ['LDRSB', 'ldrsb', byOpc0, s0],
    ['STRH', 'strh', always('w'), s1],
    ['LDRH', 'ldrh', always('w'), s1],
    ['LDRSH', 'ldrsh', byOpc0, s1],
    ['STR', 'str', bySz, sSz],
    ['LDR', 'ldr', bySz, sSz],
    ['LDRSW', 'ldrsw', always('x'), s2],
    ['STR_fp', 'str', fpReg, sFp],
    ['LDR_fp', 'ldr', fpReg, sFp],
  ];
  for (const [stem, name, kind, scale] of rows) {
    const fp = stem.endsWith('_fp');
    const base = fp ? stem.slice(0, -3) : stem;
    const sfx = fp ? '_fp' : '';
    out[`${base}_post${sfx}`] = imm9(name, kind, 'post');
    out[`${base}_pre${sfx}`] = imm9(name, kind, 'pre');
    out[`${base}_imm${sfx}`] = uimm12(name, kind, scale);
    out[`${base}_reg${sfx}`] = regOffset(name, kind, scale);
    // unscaled: STURB … LDURSW, STUR_fp/LDUR_fp
    const unscaled = name.replace(/^(st|ld)r/, '$1ur');
    out[fp ? `${base.replace(/R$/, 'UR')}_fp` : base.replace(/^(ST|LD)R/, '$1UR')] = imm9(unscaled, kind, 'off');
    // unprivileged: STTRB … LDTRSW (not for FP)
    if (!fp) out[base.replace(/^(ST|LD)R/, '$1TR')] = imm9(name.replace(/^(st|ld)r/, '$1tr'), kind, 'off');
  }
  out.PRFM_imm = uimm12('prfm', prf, s3);
  out.PRFM_reg = regOffset('prfm', prf, s3);
  out.PRFUM = imm9('prfum', prf, 'off');
  return out;
}

const pairs: Formatters = {};
for (const mode of ['post', 'pre', 'off'] as const) {
  pairs[`STP_${mode}`] = pair('stp', mode, false);
  pairs[`LDP_${mode}`] = pair('ldp', mode, false);
  pairs[`LDPSW_${mode}`] = pair('ldpsw', mode, false, 'x');
  pairs[`STP_${mode}_fp`] = pair('stp', mode, true);
  pairs[`LDP_${mode}_fp`] = pair('ldp', mode, true);
}

export const ldstFormatters: Formatters = {
  CASP: casp,
  STXP: exclusive('stxp', 'sz', { status: true, pair: true }),
  STLXP: exclusive('stlxp', 'sz', { status: true, pair: true }),
  LDXP: exclusive('ldxp', 'sz', { pair: true }),
  LDAXP: exclusive('ldaxp', 'sz', { pair: true }),
  STXRB: exclusive('stxrb', 'w', { status: true }),
  STLXRB: exclusive('stlxrb', 'w', { status: true }),
  LDXRB: exclusive('ldxrb', 'w'),
  LDAXRB: exclusive('ldaxrb', 'w'),
  STXRH: exclusive('stxrh', 'w', { status: true }),
  STLXRH: exclusive('stlxrh', 'w', { status: true }),
  LDXRH: exclusive('ldxrh', 'w'),
  LDAXRH: exclusive('ldaxrh', 'w'),
  STXR: exclusive('stxr', 'sz', { status: true }),
  STLXR: exclusive('stlxr', 'sz', { status: true }),
  LDXR: exclusive('ldxr', 'sz'),
  LDAXR: exclusive('ldaxr', 'sz'),
  STLLRB: exclusive('stllrb', 'w'),
  STLRB: exclusive('stlrb', 'w'),
  LDLARB: exclusive('ldlarb', 'w'),
  LDARB: exclusive('ldarb', 'w', { ones: 15 }),
  STLLRH: exclusive('stllrh', 'w'),
  STLRH: exclusive('stlrh', 'w'),
  LDLARH: exclusive('ldlarh', 'w'),
  LDARH: exclusive('ldarh', 'w', { ones: 31 }),
  STLLR: exclusive('stllr', 'sz'),
  STLR: exclusive('stlr', 'sz'),
  LDLAR: exclusive('ldlar', 'sz'),
  LDAR: exclusive('ldar', 'sz', { ones: 15 }),
  CASB: cas('cas', 'b', 'w'),
  CASH: cas('cas', 'h', 'w'),
  CAS: cas('cas', '', 'sz'),
  LDR_lit: literal('ldr', bySz),
  LDRSW_lit: literal('ldrsw', always('x')),
  PRFM_lit: literal('prfm', always('x')),
  LDR_lit_fp: literal('ldr', (f) => (f.opc === 3 ? null : 'sdq'[f.opc]!)),
  STNP: pair('stnp', 'off', false),
  LDNP: pair('ldnp', 'off', false),
  STNP_fp: pair('stnp', 'off', true),
  LDNP_fp: pair('ldnp', 'off', true),
  ...pairs,
  ...singles(),
  ...atomics(),
  // FEAT_LRCPC2 and FEAT_PAuth: not run by a64play (table 'todo'), disassembled all the same
  STLUR: (f) => ins(['stlurb', 'stlurh', 'stlur', 'stlur'][f.size]!, f.size === 3 ? x(f.Rt) : w(f.Rt), offsetAddr(f.Rn, sext(f.imm9, 9))),
  LDAPUR: (f) => ins(['ldapurb', 'ldapurh', 'ldapur', 'ldapur'][f.size]!, f.size === 3 ? x(f.Rt) : w(f.Rt), offsetAddr(f.Rn, sext(f.imm9, 9))),
  LDAPURS: (f) => {
    if (f.size === 3 || (f.size === 2 && f.opc0)) return null;
    return ins(['ldapursb', 'ldapursh', 'ldapursw'][f.size]!, f.opc0 ? w(f.Rt) : x(f.Rt), offsetAddr(f.Rn, sext(f.imm9, 9)));
  },
  LDRAA_LDRAB: (f) => {
    const off = sext((f.S << 9) | f.imm9, 10) * 8;
    const addr = offsetAddr(f.Rn, off) + (f.W ? '!' : '');
    return ins(f.M ? 'ldrab' : 'ldraa', x(f.Rt), addr);
  },
  LDAPRB: (f) => ins('ldaprb', w(f.Rt), `[${xsp(f.Rn)}]`),
  LDAPRH: (f) => ins('ldaprh', w(f.Rt), `[${xsp(f.Rn)}]`),
  LDAPR: (f) => ins('ldapr', f.sz ? x(f.Rt) : w(f.Rt), `[${xsp(f.Rn)}]`),
};
