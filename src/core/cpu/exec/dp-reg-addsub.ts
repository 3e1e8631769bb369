/**
 * Data processing — register: add/subtract (shifted register, extended register, with carry).
 *
 * Subtraction is AddWithCarry(a, NOT(b), 1): every closure takes the constants `inv` (0 or -1,
 * XORed into operand 2) and `cin` (the carry in), so one closure shape serves ADD and SUB.
 */
import { addWithCarry32, addWithCarry32Source, addWithCarry64, addWithCarry64Source } from '../arm/flags.js';
import { I_C } from '../layout.js';
import { type Op, withSource } from '../op.js';
import { lsl64Source, shift32Source } from './inline-src.js';
import { xr, xsp, xw } from '../regs.js';

const LSL = 0;
const LSR = 1;
const ASR = 2;

/** ADD/ADDS/SUB/SUBS (shifted register): Rd, Rn and Rm are XZR when 31. */
function addSubShifted(sf: number, sub: boolean, setFlags: boolean, shift: number, rm: number, imm6: number, rn: number, rd: number): Op | null {
  if (shift === 3) return null;
  if (!sf && imm6 >= 32) return null;
  const n = xr(rn);
  const m = xr(rm);
  const d = xw(rd);
  const inv = sub ? -1 : 0;
  const cin = sub ? 1 : 0;
  if (!sf)
    return withSource(
      addSub32(setFlags, shift, imm6, inv, cin, n, m, d),
      addWithCarry32Source(d, `x[${n}]`, `(${shift32Source(m, shift, imm6)} ^ ${inv})`, `${cin}`, setFlags),
    );
  const op = addSub64Shifted(setFlags, sub, shift, imm6, inv, cin, n, m, d);
  if (shift !== LSL) return op;
  const [lo, hi] = lsl64Source(m, imm6);
  return withSource(op, addWithCarry64Source(d, `x[${n}]`, `x[${n + 1}]`, `(${lo} ^ ${inv})`, `(${hi} ^ ${inv})`, `${cin}`, setFlags));
}

function addSub64Shifted(setFlags: boolean, sub: boolean, shift: number, imm6: number, inv: number, cin: number, n: number, m: number, d: number): Op {
  if (imm6 === 0) {
    if (setFlags)
      return (c) => {
        const x = c.x;
        addWithCarry64(x, d, x[n]!, x[n + 1]!, x[m]! ^ inv, x[m + 1]! ^ inv, cin, true);
      };
    if (!sub)
      return (c) => {
        const x = c.x;
        const l = (x[n]! >>> 0) + (x[m]! >>> 0);
        x[d + 1] = (x[n + 1]! + x[m + 1]! + (l > 0xffffffff ? 1 : 0)) | 0;
        x[d] = l | 0;
      };
    return (c) => {
      const x = c.x;
      const l = (x[n]! >>> 0) - (x[m]! >>> 0);
      x[d + 1] = (x[n + 1]! - x[m + 1]! - (l < 0 ? 1 : 0)) | 0;
      x[d] = l | 0;
    };
  }
  // 64-bit shifts by a constant 1..63, branch-free: `s` is the amount within a word, `big` is -1
  // when the amount is 32 or more (the words move across), `t` lets (v << 1) << t stand for
  // v << (32 - s) without JavaScript's shift-count masking.
  const s = imm6 & 31;
  const t = 31 - s;
  const big = imm6 >= 32 ? -1 : 0;
  const nb = ~big;
  if (shift === LSL) {
    if (setFlags)
      return (c) => {
        const x = c.x;
        const ml = x[m]!;
        const tl = ml << s;
        const th = (x[m + 1]! << s) | ((ml >>> 1) >>> t);
        addWithCarry64(x, d, x[n]!, x[n + 1]!, (tl & nb) ^ inv, ((th & nb) | (tl & big)) ^ inv, cin, true);
      };
    return (c) => {
      const x = c.x;
      const ml = x[m]!;
      const tl = ml << s;
      const th = (x[m + 1]! << s) | ((ml >>> 1) >>> t);
      const l = (x[n]! >>> 0) + (((tl & nb) ^ inv) >>> 0) + cin;
      x[d + 1] = (x[n + 1]! + (((th & nb) | (tl & big)) ^ inv) + (l > 0xffffffff ? 1 : 0)) | 0;
      x[d] = l | 0;
    };
  }
  if (shift === LSR) {
    if (setFlags)
      return (c) => {
        const x = c.x;
        const mh = x[m + 1]!;
        const th = mh >>> s;
        const tl = (x[m]! >>> s) | ((mh << 1) << t);
        addWithCarry64(x, d, x[n]!, x[n + 1]!, ((tl & nb) | (th & big)) ^ inv, (th & nb) ^ inv, cin, true);
      };
    return (c) => {
      const x = c.x;
      const mh = x[m + 1]!;
      const th = mh >>> s;
      const tl = (x[m]! >>> s) | ((mh << 1) << t);
      const l = (x[n]! >>> 0) + ((((tl & nb) | (th & big)) ^ inv) >>> 0) + cin;
      x[d + 1] = (x[n + 1]! + ((th & nb) ^ inv) + (l > 0xffffffff ? 1 : 0)) | 0;
      x[d] = l | 0;
    };
  }
  // ASR
  if (setFlags)
    return (c) => {
      const x = c.x;
      const mh = x[m + 1]!;
      const th = mh >> s;
      const tl = (x[m]! >>> s) | ((mh << 1) << t);
      addWithCarry64(x, d, x[n]!, x[n + 1]!, ((tl & nb) | (th & big)) ^ inv, ((th & nb) | ((mh >> 31) & big)) ^ inv, cin, true);
    };
  return (c) => {
    const x = c.x;
    const mh = x[m + 1]!;
    const th = mh >> s;
    const tl = (x[m]! >>> s) | ((mh << 1) << t);
    const l = (x[n]! >>> 0) + ((((tl & nb) | (th & big)) ^ inv) >>> 0) + cin;
    x[d + 1] = (x[n + 1]! + (((th & nb) | ((mh >> 31) & big)) ^ inv) + (l > 0xffffffff ? 1 : 0)) | 0;
    x[d] = l | 0;
  };
}

function addSub32(setFlags: boolean, shift: number, a: number, inv: number, cin: number, n: number, m: number, d: number): Op {
  if (shift === LSL) {
    if (setFlags) return (c) => addWithCarry32(c.x, d, c.x[n]!, (c.x[m]! << a) ^ inv, cin, true);
    return (c) => {
      const x = c.x;
      x[d] = (x[n]! + ((x[m]! << a) ^ inv) + cin) | 0;
      x[d + 1] = 0;
    };
  }
  if (shift === LSR) {
    if (setFlags) return (c) => addWithCarry32(c.x, d, c.x[n]!, (c.x[m]! >>> a) ^ inv, cin, true);
    return (c) => {
      const x = c.x;
      x[d] = (x[n]! + ((x[m]! >>> a) ^ inv) + cin) | 0;
      x[d + 1] = 0;
    };
  }
  if (setFlags) return (c) => addWithCarry32(c.x, d, c.x[n]!, (c.x[m]! >> a) ^ inv, cin, true);
  return (c) => {
    const x = c.x;
    x[d] = (x[n]! + ((x[m]! >> a) ^ inv) + cin) | 0;
    x[d + 1] = 0;
  };
}

/**
 * ADD/ADDS/SUB/SUBS (extended register): Rn is SP when 31, Rd is SP for ADD/SUB and XZR for
 * ADDS/SUBS, Rm is XZR. option<1:0> picks the source width (B, H, W, X), option<2> signedness.
 */
function addSubExtended(sf: number, sub: boolean, setFlags: boolean, rm: number, option: number, imm3: number, rn: number, rd: number): Op | null {
  if (imm3 > 4) return null;
  const n = xsp(rn);
  const m = xr(rm);
  const d = setFlags ? xw(rd) : xsp(rd);
  const inv = sub ? -1 : 0;
  const cin = sub ? 1 : 0;
  const size = option & 3; // 0 B, 1 H, 2 W, 3 X
  const signed = option >= 4;
  const sh = imm3;
  // Extending a B or H source: (v << k) >> k (or >>> k) keeps the low 32 - k bits.
  const k = size === 0 ? 24 : size === 1 ? 16 : 0;
  if (!sf) {
    // The 32-bit forms see only Wm: W and X sources are the same, and so are UXTW and SXTW.
    if (signed && size < 2) {
      if (setFlags) return (c) => addWithCarry32(c.x, d, c.x[n]!, (((c.x[m]! << k) >> k) << sh) ^ inv, cin, true);
      return (c) => {
        const x = c.x;
        x[d] = (x[n]! + ((((x[m]! << k) >> k) << sh) ^ inv) + cin) | 0;
        x[d + 1] = 0;
      };
    }
    if (setFlags) return (c) => addWithCarry32(c.x, d, c.x[n]!, (((c.x[m]! << k) >>> k) << sh) ^ inv, cin, true);
    return (c) => {
      const x = c.x;
      x[d] = (x[n]! + ((((x[m]! << k) >>> k) << sh) ^ inv) + cin) | 0;
      x[d + 1] = 0;
    };
  }
  const t = 31 - sh; // (v >>> 1) >>> t is v >>> (32 - sh), and 0 when sh is 0
  if (size === 3) {
    // UXTX/SXTX: the whole register, shifted left (ADD Xd, SP, Xm is the common case).
    if (setFlags)
      return (c) => {
        const x = c.x;
        const ml = x[m]!;
        addWithCarry64(x, d, x[n]!, x[n + 1]!, (ml << sh) ^ inv, ((x[m + 1]! << sh) | ((ml >>> 1) >>> t)) ^ inv, cin, true);
      };
    return (c) => {
      const x = c.x;
      const ml = x[m]!;
      const bh = ((x[m + 1]! << sh) | ((ml >>> 1) >>> t)) ^ inv;
      const l = (x[n]! >>> 0) + (((ml << sh) ^ inv) >>> 0) + cin;
      x[d + 1] = (x[n + 1]! + bh + (l > 0xffffffff ? 1 : 0)) | 0;
      x[d] = l | 0;
    };
  }
  if (signed) {
    if (setFlags)
      return (c) => {
        const x = c.x;
        const v = (x[m]! << k) >> k;
        addWithCarry64(x, d, x[n]!, x[n + 1]!, (v << sh) ^ inv, (((v >> 31) << sh) | ((v >>> 1) >>> t)) ^ inv, cin, true);
      };
    return (c) => {
      const x = c.x;
      const v = (x[m]! << k) >> k;
      const bh = (((v >> 31) << sh) | ((v >>> 1) >>> t)) ^ inv;
      const l = (x[n]! >>> 0) + (((v << sh) ^ inv) >>> 0) + cin;
      x[d + 1] = (x[n + 1]! + bh + (l > 0xffffffff ? 1 : 0)) | 0;
      x[d] = l | 0;
    };
  }
  if (setFlags)
    return (c) => {
      const x = c.x;
      const v = (x[m]! << k) >>> k;
      addWithCarry64(x, d, x[n]!, x[n + 1]!, (v << sh) ^ inv, ((v >>> 1) >>> t) ^ inv, cin, true);
    };
  return (c) => {
    const x = c.x;
    const v = (x[m]! << k) >>> k;
    const bh = ((v >>> 1) >>> t) ^ inv;
    const l = (x[n]! >>> 0) + (((v << sh) ^ inv) >>> 0) + cin;
    x[d + 1] = (x[n + 1]! + bh + (l > 0xffffffff ? 1 : 0)) | 0;
    x[d] = l | 0;
  };
}

/** ADC/ADCS/SBC/SBCS: the carry in is PSTATE.C. */
function addSubCarry(sf: number, sub: boolean, setFlags: boolean, rm: number, rn: number, rd: number): Op {
  const op = addSubCarryOp(sf, sub, setFlags, rm, rn, rd);
  const n = xr(rn);
  const m = xr(rm);
  const d = xw(rd);
  const inv = sub ? -1 : 0;
  const cin = `x[${I_C}]`;
  return withSource(
    op,
    sf
      ? addWithCarry64Source(d, `x[${n}]`, `x[${n + 1}]`, `(x[${m}] ^ ${inv})`, `(x[${m + 1}] ^ ${inv})`, cin, setFlags)
      : addWithCarry32Source(d, `x[${n}]`, `(x[${m}] ^ ${inv})`, cin, setFlags),
  );
}

function addSubCarryOp(sf: number, sub: boolean, setFlags: boolean, rm: number, rn: number, rd: number): Op {
  const n = xr(rn);
  const m = xr(rm);
  const d = xw(rd);
  const inv = sub ? -1 : 0;
  if (sf) {
    if (setFlags)
      return (c) => {
        const x = c.x;
        addWithCarry64(x, d, x[n]!, x[n + 1]!, x[m]! ^ inv, x[m + 1]! ^ inv, x[I_C]!, true);
      };
    return (c) => {
      const x = c.x;
      const l = (x[n]! >>> 0) + ((x[m]! ^ inv) >>> 0) + x[I_C]!;
      x[d + 1] = (x[n + 1]! + (x[m + 1]! ^ inv) + (l > 0xffffffff ? 1 : 0)) | 0;
      x[d] = l | 0;
    };
  }
  if (setFlags) return (c) => addWithCarry32(c.x, d, c.x[n]!, c.x[m]! ^ inv, c.x[I_C]!, true);
  return (c) => {
    const x = c.x;
    x[d] = (x[n]! + (x[m]! ^ inv) + x[I_C]!) | 0;
    x[d + 1] = 0;
  };
}

export const dpRegAddSubHandlers = {
  ADD_shift: (sf: number, shift: number, rm: number, imm6: number, rn: number, rd: number) => addSubShifted(sf, false, false, shift, rm, imm6, rn, rd),
  ADDS_shift: (sf: number, shift: number, rm: number, imm6: number, rn: number, rd: number) => addSubShifted(sf, false, true, shift, rm, imm6, rn, rd),
  SUB_shift: (sf: number, shift: number, rm: number, imm6: number, rn: number, rd: number) => addSubShifted(sf, true, false, shift, rm, imm6, rn, rd),
  SUBS_shift: (sf: number, shift: number, rm: number, imm6: number, rn: number, rd: number) => addSubShifted(sf, true, true, shift, rm, imm6, rn, rd),
  ADD_ext: (sf: number, rm: number, option: number, imm3: number, rn: number, rd: number) => addSubExtended(sf, false, false, rm, option, imm3, rn, rd),
  ADDS_ext: (sf: number, rm: number, option: number, imm3: number, rn: number, rd: number) => addSubExtended(sf, false, true, rm, option, imm3, rn, rd),
  SUB_ext: (sf: number, rm: number, option: number, imm3: number, rn: number, rd: number) => addSubExtended(sf, true, false, rm, option, imm3, rn, rd),
  SUBS_ext: (sf: number, rm: number, option: number, imm3: number, rn: number, rd: number) => addSubExtended(sf, true, true, rm, option, imm3, rn, rd),
  ADC: (sf: number, rm: number, rn: number, rd: number) => addSubCarry(sf, false, false, rm, rn, rd),
  ADCS: (sf: number, rm: number, rn: number, rd: number) => addSubCarry(sf, false, true, rm, rn, rd),
  SBC: (sf: number, rm: number, rn: number, rd: number) => addSubCarry(sf, true, false, rm, rn, rd),
  SBCS: (sf: number, rm: number, rn: number, rd: number) => addSubCarry(sf, true, true, rm, rn, rd),
};
