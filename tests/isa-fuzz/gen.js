// The instruction generator: random valid encodings of every entry of the encoding table, with the
// setup instructions that make them safe to run in a straight-line block on both sides (base
// registers pointing into the memory window, branch targets that fall through, system register
// writes limited to what both implementations keep).

import { CODE_ADDR, TPIDR_VALUE, WIN_ADDR, WIN_SIZE } from './layout.js';

// ------------------------------------------------------------------ setup instructions

const movz = (rd, imm16, hw) => (0xd2800000 | (hw << 21) | (imm16 << 5) | rd) >>> 0;
const movk = (rd, imm16, hw) => (0xf2800000 | (hw << 21) | (imm16 << 5) | rd) >>> 0;
/** mov sp, xS (add sp, xS, #0) */
const movToSp = (rs) => (0x9100001f | (rs << 5)) >>> 0;
/** adr xD, .+8 */
const adrPlus8 = (rd) => (0x10000040 | rd) >>> 0;
/** ldrb/ldrh/ldr w/ldr x Rt, [Rn] by log2 of the size */
const LOAD_ZERO_OFFSET = [0x39400000, 0x79400000, 0xb9400000, 0xf9400000];
const loadAt = (log2, rn, rt) => (LOAD_ZERO_OFFSET[log2] | (rn << 5) | rt) >>> 0;
/** ldp w/x Rt, Rt2, [Rn] */
const loadPairAt = (log2, rn, rt, rt2) => ((log2 === 3 ? 0xa9400000 : 0x29400000) | (rt2 << 10) | (rn << 5) | rt) >>> 0;

/** Words that set Xd to the 64-bit value [lo, hi] (MOVZ then MOVKs). */
export function mov64(rd, lo, hi) {
  const parts = [lo & 0xffff, lo >>> 16, hi & 0xffff, hi >>> 16];
  const out = [];
  for (let hw = 0; hw < 4; hw++) {
    if (parts[hw] === 0) continue;
    out.push(out.length === 0 ? movz(rd, parts[hw], hw) : movk(rd, parts[hw], hw));
  }
  if (out.length === 0) out.push(movz(rd, 0, 0));
  return out;
}

// ------------------------------------------------------------------ what each entry is

/** Entries that never run in a block, with the reason shown in the coverage table. */
const EXCLUDED = {};

/** SVC runs with X8 = a syscall number Linux does not have: both sides return -ENOSYS and go on. */
export const NO_SUCH_SYSCALL = 4095;

const BRANCH_IMM = { B: 'imm26', BL: 'imm26', B_cond: 'imm19', CBZ: 'imm19', CBNZ: 'imm19', TBZ: 'imm14', TBNZ: 'imm14' };
const BRANCH_REG = new Set(['BR', 'BLR', 'RET']);

const sysreg = (op0, op1, crn, crm, op2) => ({ o0: op0 - 2, op1, CRn: crn, CRm: crm, op2 });
const NZCV = sysreg(3, 3, 4, 2, 0);
const FPCR = sysreg(3, 3, 4, 4, 0);
const FPSR = sysreg(3, 3, 4, 4, 1);
const TPIDR_EL0 = sysreg(3, 3, 13, 0, 2);
const TPIDRRO_EL0 = sysreg(3, 3, 13, 0, 3);
/**
 * MRS of these reads the same in both. Left out on purpose: the counters (CNTVCT_EL0, CNTPCT_EL0)
 * and the implementation-defined identification values (MIDR_EL1, MPIDR_EL1, REVIDR_EL1, CTR_EL0,
 * CNTFRQ_EL0, DCZID_EL0: a64play describes its own generic core, qemu its "max" CPU).
 */
const MRS_REGS = [NZCV, FPCR, FPSR, TPIDR_EL0, TPIDRRO_EL0];
const MSR_REGS = [NZCV, FPCR, FPSR, TPIDR_EL0];
/** FPCR bits both keep: AHP, DN, FZ, RMode, FZ16 */
const FPCR_WRITABLE_HI = 0x07c8;
/** FPSR bits both keep: N Z C V QC (31:27) and IDC IXC UFC OFC DZC IOC */
export const FPSR_WRITABLE = 0xf800009f;

const ATOMIC_OPS = 'ADD|CLR|EOR|SET|SMAX|SMIN|UMAX|UMIN';
const BYTE_ACCESS = new RegExp(`^(STRB|LDRB|LDRSB|STURB|LDURB|LDURSB|STTRB|LDTRB|LDTRSB|STXRB|STLXRB|LDXRB|LDAXRB|STLLRB|STLRB|LDLARB|LDARB|CASB|LD(${ATOMIC_OPS})B|SWPB|LDAPRB)(_|$)`);
const HALF_ACCESS = new RegExp(`^(STRH|LDRH|LDRSH|STURH|LDURH|LDURSH|STTRH|LDTRH|LDTRSH|STXRH|STLXRH|LDXRH|LDAXRH|STLLRH|STLRH|LDLARH|LDARH|CASH|LD(${ATOMIC_OPS})H|SWPH|LDAPRH)(_|$)`);
const WORD_ACCESS = /^(LDRSW|LDURSW|LDTRSW|LDPSW)(_|$)/;
const PAIR = /^(STP|LDP|LDPSW|STNP|LDNP)(_|$)/;
const EXCL_PAIR = /^(STXP|STLXP|LDXP|LDAXP|CASP)$/;
const MUST_ALIGN = new RegExp(`^(STL?XR[BH]?|LDA?XR[BH]?|STL?XP|LDA?XP|STL?L?R[BH]?|LDL?A?R[BH]?|CAS[BHP]?|LD(${ATOMIC_OPS})[BH]?|SWP[BH]?|LDAPR[BH]?)$`);
const EXCL_LOAD = /^LDA?X(R[BH]?|P)$/;
const EXCL_STORE = /^STL?X(R[BH]?|P)$/;
const WRITES_MEMORY = new RegExp(`^(ST|CAS|SWP|LD(${ATOMIC_OPS}))`);
const SIMD_MULTI = /^(ST|LD)([1-4])_(m|[1-4])(_post)?$/;
const SIMD_SINGLE = /^(ST|LD)([1-4])_s(_post)?$/;
const SIMD_REPL = /^LD([1-4])R(_post)?$/;

const sext = (v, bits) => (v << (32 - bits)) >> (32 - bits);

/**
 * Where a general load/store accesses memory, from its fields: `size` bytes starting at base + `off`
 * (after the access, writeback forms add their offset), or at base + extend(Rm) << shift for the
 * register-offset forms, or at pc + off for literals.
 */
function gprAccess(name, f) {
  const fp = /_fp$/.test(name);
  let log2;
  if (fp && (PAIR.test(name) || /_lit/.test(name))) log2 = 2 + f.opc;
  else if (fp) log2 = f.size === 0 && f.opc1 ? 4 : f.size;
  else if (BYTE_ACCESS.test(name)) log2 = 0;
  else if (HALF_ACCESS.test(name)) log2 = 1;
  else if (WORD_ACCESS.test(name)) log2 = 2;
  else if (/^PRF/.test(name)) log2 = 3;
  else if (PAIR.test(name)) log2 = f.sf ? 3 : 2;
  else log2 = f.sz ? 3 : 2;
  const pair = PAIR.test(name) || EXCL_PAIR.test(name);
  const size = (pair ? 2 : 1) << log2;
  const post = /_post/.test(name);
  /** @type {{log2:number,size:number,off:number,align:boolean,literal?:boolean,reg?:boolean}} */
  const a = { log2, size, off: 0, align: MUST_ALIGN.test(name) };
  if (/_lit/.test(name)) a.literal = true;
  else if (/_reg/.test(name)) a.reg = true;
  else if (PAIR.test(name)) a.off = post ? 0 : sext(f.imm7, 7) * (1 << log2);
  else if (/_imm/.test(name)) a.off = f.imm12 * (1 << log2);
  else if ('imm9' in f) a.off = post ? 0 : sext(f.imm9, 9);
  return a;
}

/** Bytes accessed by a SIMD structure load/store (multiple, single lane or replicate). */
function simdAccess(name, f) {
  let m = SIMD_MULTI.exec(name);
  if (m) {
    const n = m[3] === 'm' ? Number(m[2]) : Number(m[3]);
    return n * (f.Q ? 16 : 8);
  }
  m = SIMD_SINGLE.exec(name);
  if (m) {
    const esize = f.scale === 0 ? 1 : f.scale === 1 ? 2 : f.scale === 2 ? (f.size & 1 ? 8 : 4) : 1 << f.size;
    return Number(m[2]) * esize;
  }
  m = SIMD_REPL.exec(name);
  if (m) return Number(m[1]) * (1 << f.size);
  return -1;
}

/**
 * The generator: for each encoding of the table, how to make random instances, or why it is not
 * exercised.
 */
export class Generator {
  /**
   * @param {{Decoder: any, table: readonly any[], handlers: Record<string, Function>, extractFields: Function}} engine
   * @param {{only?: RegExp, words?: number[], faultRate?: number, rejectRate?: number}} opts
   */
  constructor(engine, opts = {}) {
    this.decoder = new engine.Decoder(engine.table);
    this.handlers = engine.handlers;
    this.extractFields = engine.extractFields;
    this.faultRate = opts.faultRate ?? 0.005;
    /** share of blocks that end with a word the entry's handler rejects */
    this.rejectRate = opts.words ? 0 : opts.rejectRate ?? 0.05;
    /** @type {{enc: any, name: string, fieldMap: Record<string, {lsb:number,width:number}>, status: string, reason: string, count: number, tries: number, valid: number}[]} */
    this.entries = this.decoder.encodings.map((enc) => {
      const fieldMap = {};
      for (const f of enc.fields) fieldMap[f.name] = f;
      let status = 'active';
      let reason = '';
      if (enc.unimplemented) [status, reason] = ['todo', 'marked todo in the table (decodes as UNDEFINED)'];
      else if (!this.handlers[enc.name]) [status, reason] = ['todo', 'no handler'];
      else if (EXCLUDED[enc.name]) [status, reason] = ['excluded', EXCLUDED[enc.name]];
      else if (opts.only && !opts.only.test(enc.name)) [status, reason] = ['filtered', 'not selected by --only'];
      return { enc, name: enc.name, fieldMap, status, reason, count: 0, tries: 0, valid: 0, words: null, rejectTries: 0, rejectFound: 0, rejectedRun: 0 };
    });
    if (opts.words) {
      // only these words (each still gets its setup); entries without one are filtered out
      for (const e of this.entries) if (e.status === 'active') [e.status, e.reason] = ['filtered', 'not selected by --word'];
      for (const w of opts.words) {
        const enc = this.decoder.decode(w >>> 0);
        const e = enc && this.entries.find((x) => x.enc === enc);
        if (!e || e.status === 'todo' || e.status === 'excluded') throw new Error(`isa-fuzz: ${(w >>> 0).toString(16)} is not an implemented, included encoding`);
        e.status = 'active';
        e.reason = '';
        (e.words ??= []).push(w >>> 0);
      }
    }
    this.active = this.entries.filter((e) => e.status === 'active');
    /** handler exceptions at decode time (bugs): "NAME word: message" */
    this.handlerErrors = [];
  }

  // ---------------------------------------------------------------- words and fields

  fields(entry, word) {
    const out = {};
    for (const f of entry.enc.fields) out[f.name] = f.width === 32 ? word >>> 0 : (word >>> f.lsb) & ((1 << f.width) - 1);
    return out;
  }

  setField(entry, word, name, v) {
    const f = entry.fieldMap[name];
    if (!f) return word;
    const m = ((1 << f.width) - 1) << f.lsb;
    return ((word & ~m) | ((v << f.lsb) & m)) >>> 0;
  }

  /** True when `word` decodes to the entry and its handler accepts it at `pc`. */
  accepts(entry, word, pc) {
    if (this.decoder.decode(word) !== entry.enc) return false;
    const args = this.extractFields(entry.enc, word);
    args.push(pc);
    try {
      return this.handlers[entry.name](...args) !== null;
    } catch (e) {
      if (this.handlerErrors.length < 50) this.handlerErrors.push(`${entry.name} ${word.toString(16).padStart(8, '0')}: ${e}`);
      return false;
    }
  }

  /** A random word of the entry with the generator's field choices applied (not yet checked). */
  randomWord(entry, rng) {
    if (entry.words) return rng.pick(entry.words);
    let w = (entry.enc.value | (rng.u32() & ~entry.enc.mask)) >>> 0;
    // fields at their ends now and then (shift by 0 or by the width, register 31, ...)
    for (const f of entry.enc.fields) {
      if (!rng.chance(0.12)) continue;
      const max = 2 ** f.width - 1;
      w = this.setField(entry, w, f.name, rng.pick([0, max, 1, max - 1]));
    }
    const name = entry.name;
    if (BRANCH_IMM[name]) w = this.setField(entry, w, BRANCH_IMM[name], 1);
    else if (name === 'MRS' || name === 'MSR_reg') {
      if (rng.chance(0.9)) {
        const r = rng.pick(name === 'MRS' ? MRS_REGS : MSR_REGS);
        for (const k of Object.keys(r)) w = this.setField(entry, w, k, r[k]);
      }
    } else if (name === 'SYS') {
      // data and instruction cache maintenance by address (op1 3, CRn 7), mostly the named ones
      // (not DC ZVA, CRm 4: it zeroes DCZID_EL0's block, 64 bytes in a64play, 512 in qemu's max CPU)
      const crm = rng.pick([5, 10, 11, 12, 13, 14]);
      w = this.setField(entry, w, 'op1', 3);
      w = this.setField(entry, w, 'CRn', 7);
      w = this.setField(entry, w, 'CRm', crm);
      if (rng.chance(0.8)) w = this.setField(entry, w, 'op2', 1);
    }
    return w;
  }

  // ---------------------------------------------------------------- generation

  /**
   * Words for one random instance of `entry` placed at `pc` (setup first, the instruction last),
   * or null when no acceptable word turned up.
   * @param {{monitor: null | {addr: number, size: number}, storeSinceArm: boolean}} ctx generator state along the block
   */
  generate(entry, rng, pc, ctx) {
    for (let attempt = 0; attempt < 64; attempt++) {
      entry.tries++;
      const word = this.randomWord(entry, rng);
      if (!this.accepts(entry, word, pc)) continue;
      const out = this.sanitise(entry, word, rng, pc, ctx);
      if (!out) continue;
      const at = pc + 4 * (out.length - 1);
      if (!this.accepts(entry, out[out.length - 1], at)) continue;
      entry.valid++;
      if (WRITES_MEMORY.test(entry.name) || entry.name === 'SYS') ctx.storeSinceArm = true;
      return out;
    }
    return null;
  }

  /** Setup words + the (possibly rewritten) word, or null to reject this word. */
  sanitise(entry, word, rng, pc, ctx) {
    const name = entry.name;
    const f = this.fields(entry, word);
    if (BRANCH_IMM[name]) return [word];
    if (BRANCH_REG.has(name)) return f.Rn === 31 ? null : [adrPlus8(f.Rn), word];
    if (name === 'SVC') return [movz(8, NO_SUCH_SYSCALL, 0), word];
    if (name === 'HINT') return f.CRm === 0 && (f.op2 === 2 || f.op2 === 3) ? null : [word]; // WFE, WFI
    if (name === 'CLREX') {
      ctx.monitor = null;
      return [word];
    }
    if (name === 'MRS') return MRS_REGS.some((r) => sameSysreg(f, r)) ? [word] : null;
    if (name === 'MSR_reg') return this.msr(f, word, rng);
    if (name === 'SYS') {
      if (f.Rt === 31 || (f.op1 === 3 && f.CRn === 7 && f.CRm === 4 && f.op2 === 1)) return null;
      // DC CGVAC, CGDVAC, CGVAP, ... (FEAT_MTE): qemu's max CPU has MTE, a64play does not
      if (f.op1 === 3 && f.CRn === 7 && [10, 12, 13, 14].includes(f.CRm) && (f.op2 === 3 || f.op2 === 5)) return null;
      return [...mov64(f.Rt, WIN_ADDR + rng.int(WIN_SIZE), 0), word];
    }
    const simdBytes = simdAccess(name, f);
    if (simdBytes > 0) return this.withBase(f.Rn, this.target(rng, simdBytes, 1 << rng.int(5), false), rng, [word]);
    if (/^(ST|LD|CAS|SWP|PRF)/.test(name)) return this.generalMemory(entry, name, f, word, rng, pc, ctx);
    return [word];
  }

  msr(f, word, rng) {
    if (sameSysreg(f, NZCV)) return [word];
    if (sameSysreg(f, FPCR)) return f.Rt === 31 ? [word] : [movz(f.Rt, rng.u32() & FPCR_WRITABLE_HI, 1), word];
    if (sameSysreg(f, FPSR)) {
      if (f.Rt === 31) return [word];
      const v = rng.u32() & FPSR_WRITABLE;
      return [...mov64(f.Rt, v >>> 0, 0), word];
    }
    // TPIDR_EL0 must keep its value (tramp.S uses it at the end of the block)
    if (sameSysreg(f, TPIDR_EL0)) return f.Rt === 31 ? null : [...mov64(f.Rt, TPIDR_VALUE, 0), word];
    return null;
  }

  /**
   * An address in the window for an access of `size` bytes: aligned to `align` when `mustAlign`
   * (and often anyway), now and then near the window's ends, and with probability faultRate
   * crossing out of it (so both sides fault).
   */
  target(rng, size, align, mustAlign) {
    if (rng.chance(this.faultRate)) {
      const lo = rng.chance(0.5);
      let a = lo ? WIN_ADDR - size + rng.int(size) : WIN_ADDR + WIN_SIZE - size + 1 + rng.int(size);
      if (mustAlign) a = lo ? WIN_ADDR - align : WIN_ADDR + WIN_SIZE;
      return a;
    }
    const max = WIN_SIZE - size;
    let t = rng.chance(0.1) ? (rng.chance(0.5) ? rng.int(64) : max - rng.int(64)) : rng.int(max + 1);
    if (t < 0) t = 0;
    if (mustAlign || rng.chance(0.6)) t &= ~(align - 1);
    return WIN_ADDR + t;
  }

  /** Prepends the words that set the base register Rn (or SP) to `base`. */
  withBase(rn, base, rng, words) {
    const lo = base >>> 0;
    const hi = base < 0 ? 0xffffffff : Math.floor(base / 4294967296) >>> 0;
    if (rn !== 31) return [...mov64(rn, lo, hi), ...words];
    const s = rng.int(31);
    return [...mov64(s, lo, hi), movToSp(s), ...words];
  }

  generalMemory(entry, name, f, word, rng, pc, ctx) {
    const a = gprAccess(name, f);
    if (a.literal) {
      // imm19 words from the instruction; the window is 8 KiB above the code page
      const addr = this.target(rng, a.size, 1 << Math.min(a.log2, 3), false) & ~3;
      return [this.setField(entry, word, 'imm19', ((addr - pc) >> 2) & 0x7ffff)];
    }
    const natural = a.size;
    let addr;
    if (EXCL_STORE.test(name)) {
      const m = ctx.monitor;
      if (m && !ctx.storeSinceArm && m.size === a.size && rng.chance(0.7)) addr = m.addr;
      else do addr = this.target(rng, a.size, natural, true); while (m && addr === m.addr);
      ctx.monitor = null;
    } else addr = this.target(rng, a.size, natural, a.align);
    if (EXCL_LOAD.test(name)) {
      ctx.monitor = { addr, size: a.size };
      ctx.storeSinceArm = false;
    }
    if (a.reg) return this.registerOffset(f, a, addr, rng, word);
    const words = this.withBase(f.Rn, addr - a.off, rng, [word]);
    // CAS/CASP: half of the time load the current memory value into the compare register(s)
    if (/^CAS/.test(name) && rng.chance(0.5)) {
      const last = words.pop();
      if (name === 'CASP') {
        if (f.Rs !== f.Rn && f.Rs + 1 !== f.Rn && f.Rs < 31) words.push(loadPairAt(a.log2, f.Rn, f.Rs, f.Rs + 1));
      } else if (f.Rs !== f.Rn && f.Rs !== 31) words.push(loadAt(a.log2, f.Rn, f.Rs));
      words.push(last);
    }
    return words;
  }

  /** Base and index for [Xn|SP, (W|X)m{, extend {#amount}}]: the index is small, its extension exercised. */
  registerOffset(f, a, addr, rng, word) {
    const shift = f.S ? a.log2 : 0;
    const opt = f.option;
    const k = 2 ** shift;
    if (f.Rm === 31) return this.withBase(f.Rn, addr, rng, [word]);
    if (f.Rm === f.Rn) {
      // the same register is base and index: v + ext(v) * k = addr
      const v = Math.floor(addr / (1 + k));
      return this.withBase(f.Rn, v, rng, [word]);
    }
    let idx = opt === 2 ? rng.int(257) : rng.range(-256, 256); // UXTW takes an unsigned word
    let lo = idx >>> 0;
    let hi = idx < 0 ? 0xffffffff : 0;
    if (opt === 2 || opt === 6) hi = rng.u32(); // W index: the top half must be ignored
    const base = addr - idx * k;
    if (f.Rn === 31) {
      // set SP first (through a scratch register), then the index
      const spWords = this.withBase(31, base, rng, []);
      return [...spWords, ...mov64(f.Rm, lo, hi), word];
    }
    return [...mov64(f.Rm, lo, hi), ...this.withBase(f.Rn, base, rng, [word])];
  }

  /**
   * A case: `count` random instructions from `pool` (entries), placed from word `start` of the
   * code page. Returns the block's words and, for each word, the entry it tests (-1 for setup).
   */
  block(rng, pool, count, start, maxWords) {
    const words = [];
    const tests = [];
    const ctx = { monitor: null, storeSinceArm: false };
    for (let k = 0; k < count; k++) {
      const entry = rng.pick(pool);
      const pc = CODE_ADDR + 4 * (start + words.length);
      const w = this.generate(entry, rng, pc, ctx);
      if (!w) continue;
      if (words.length + w.length > maxWords) break;
      for (let i = 0; i < w.length; i++) {
        words.push(w[i]);
        tests.push(i === w.length - 1 ? entry : null);
      }
      entry.count++;
    }
    if (rng.chance(this.rejectRate) && words.length + 4 <= maxWords) {
      // end the block with a word a64play rejects: both sides should raise SIGILL there
      const candidates = pool.filter((e) => e.rejectFound > 0 || e.rejectTries < 256);
      const entry = candidates.length ? rng.pick(candidates) : null;
      const w = entry && this.rejected(entry, rng);
      if (w) {
        entry.rejectedRun++;
        for (let i = 0; i < w.length; i++) {
          words.push(w[i]);
          tests.push(i === w.length - 1 ? { name: `${entry.name} (rejected encoding)`, rejected: true } : null);
        }
      }
    }
    return { words, tests };
  }

  /**
   * A word that decodes to `entry` but that its handler rejects (a64play raises SIGILL), after
   * setup that keeps a memory access in the window should qemu run it; null if none turned up.
   */
  rejected(entry, rng) {
    for (let attempt = 0; attempt < 32; attempt++) {
      entry.rejectTries++;
      const word = (entry.enc.value | (rng.u32() & ~entry.enc.mask)) >>> 0;
      if (this.decoder.decode(word) !== entry.enc || this.accepts(entry, word, CODE_ADDR)) continue;
      entry.rejectFound++;
      const f = this.fields(entry, word);
      const addr = WIN_ADDR + 1024 + rng.int(2048);
      if (/^(ST|LD|CAS|SWP|PRF)/.test(entry.name) && 'Rn' in f) return this.withBase(f.Rn, addr, rng, [word]);
      if (entry.name === 'SYS' && f.Rt !== 31) return [...mov64(f.Rt, addr, 0), word];
      return [word];
    }
    return null;
  }
}

function sameSysreg(f, r) {
  return f.o0 === r.o0 && f.op1 === r.op1 && f.CRn === r.CRn && f.CRm === r.CRm && f.op2 === r.op2;
}
