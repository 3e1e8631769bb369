/** Exception generation, hints, barriers and the system registers user code may touch. */
import { I_C, I_EXCL_ARMED, I_FPCR, I_FPSR, I_N, I_V, I_Z, SLOT_TPIDR } from '../layout.js';
import { Stop, type Op } from '../op.js';
import { xr, xw } from '../regs.js';
import type { Cpu } from '../cpu.js';

const nop: Op = () => {};

/** System register identifiers as op0:op1:CRn:CRm:op2 packed into 16 bits. */
const sysreg = (op0: number, op1: number, crn: number, crm: number, op2: number) =>
  (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;

export const SYSREG = {
  NZCV: sysreg(3, 3, 4, 2, 0),
  FPCR: sysreg(3, 3, 4, 4, 0),
  FPSR: sysreg(3, 3, 4, 4, 1),
  TPIDR_EL0: sysreg(3, 3, 13, 0, 2),
  TPIDRRO_EL0: sysreg(3, 3, 13, 0, 3),
  CNTFRQ_EL0: sysreg(3, 3, 14, 0, 0),
  CNTPCT_EL0: sysreg(3, 3, 14, 0, 1),
  CNTVCT_EL0: sysreg(3, 3, 14, 0, 2),
  CTR_EL0: sysreg(3, 3, 0, 0, 1),
  DCZID_EL0: sysreg(3, 3, 0, 0, 7),
  MIDR_EL1: sysreg(3, 0, 0, 0, 0),
  MPIDR_EL1: sysreg(3, 0, 0, 0, 5),
  REVIDR_EL1: sysreg(3, 0, 0, 0, 6),
} as const;

/** Identification values a64play reports (a generic Armv8.0 core, like Cortex-A72's numbers). */
export const ID_VALUES = {
  MIDR_EL1: 0x410fd083,
  CTR_EL0: 0x8444c004,
  /** DC ZVA block = 4 << 4 = 64 bytes */
  DCZID_EL0: 4,
  CNTFRQ_EL0: 1000000000,
};

function writeConst(d: number, lo: number, hi: number): Op {
  return (c) => {
    c.x[d] = lo;
    c.x[d + 1] = hi;
  };
}

function counter(c: Cpu, d: number): void {
  const ns = c.clockNs();
  c.x[d] = ns % 4294967296 | 0;
  c.x[d + 1] = Math.floor(ns / 4294967296) | 0;
}

export const systemHandlers = {
  SVC(imm16: number, pc: number): Op {
    const next = pc + 4;
    return (c) => {
      c.stop = Stop.Svc;
      c.stopInfo = imm16;
      c.npc = next;
    };
  },
  BRK(imm16: number, pc: number): Op {
    return (c) => {
      c.stop = Stop.Brk;
      c.stopInfo = imm16;
      c.npc = pc;
    };
  },
  /** Every hint (NOP, YIELD, WFE, SEV, PACIASP/AUTIASP without PAuth, BTI, …) is a no-op here. */
  HINT: (): Op => nop,
  CLREX: (): Op => (c) => {
    c.x[I_EXCL_ARMED] = 0;
  },
  DSB: (): Op => nop,
  DMB: (): Op => nop,
  ISB: (): Op => nop,
  SB: (): Op => nop,
  SYS(op1: number, crn: number, crm: number, op2: number, rt: number): Op | null {
    if (op1 === 3 && crn === 7 && crm === 4 && op2 === 1) {
      // DC ZVA: zero the 64-byte block containing Xt
      const t = xr(rt);
      return (c) => {
        const lo = c.x[t]! & ~63;
        const hi = c.x[t + 1]!;
        for (let i = 0; i < 64; i += 8) c.mem.st64(lo + i, hi, 0, 0);
      };
    }
    // IC IVAU (CRm 5), DC CVAC (10), DC CVAU (11), DC CIVAC (14), all op2 = 1: cache maintenance,
    // nothing to do. DC CVAP/CVADP (12, 13) need FEAT_DPB, which a64play does not advertise.
    if (op1 === 3 && crn === 7 && op2 === 1 && (crm === 5 || crm === 10 || crm === 11 || crm === 14)) return nop;
    return null;
  },
  MSR_reg(o0: number, op1: number, crn: number, crm: number, op2: number, rt: number): Op | null {
    const id = sysreg(2 + o0, op1, crn, crm, op2);
    const t = xr(rt);
    switch (id) {
      case SYSREG.NZCV:
        return (c) => {
          const v = c.x[t]!;
          c.x[I_N] = (v >>> 31) & 1;
          c.x[I_Z] = (v >>> 30) & 1;
          c.x[I_C] = (v >>> 29) & 1;
          c.x[I_V] = (v >>> 28) & 1;
        };
      case SYSREG.FPCR:
        // only the implemented control bits are writable: AHP DN FZ RMode FZ16 (and IDE..IXE read as 0)
        return (c) => {
          c.x[I_FPCR] = c.x[t]! & 0x07f80000;
        };
      case SYSREG.FPSR:
        return (c) => {
          c.x[I_FPSR] = c.x[t]! & 0xf800009f;
        };
      case SYSREG.TPIDR_EL0:
        return (c) => {
          c.x[SLOT_TPIDR * 2] = c.x[t]!;
          c.x[SLOT_TPIDR * 2 + 1] = c.x[t + 1]!;
        };
    }
    return null;
  },
  MRS(o0: number, op1: number, crn: number, crm: number, op2: number, rt: number): Op | null {
    const id = sysreg(2 + o0, op1, crn, crm, op2);
    const d = xw(rt);
    switch (id) {
      case SYSREG.NZCV:
        return (c) => {
          const x = c.x;
          x[d] = (x[I_N]! << 31) | (x[I_Z]! << 30) | (x[I_C]! << 29) | (x[I_V]! << 28);
          x[d + 1] = 0;
        };
      case SYSREG.FPCR:
        return (c) => {
          c.x[d] = c.x[I_FPCR]!;
          c.x[d + 1] = 0;
        };
      case SYSREG.FPSR:
        return (c) => {
          c.x[d] = c.x[I_FPSR]!;
          c.x[d + 1] = 0;
        };
      case SYSREG.TPIDR_EL0:
        return (c) => {
          c.x[d] = c.x[SLOT_TPIDR * 2]!;
          c.x[d + 1] = c.x[SLOT_TPIDR * 2 + 1]!;
        };
      case SYSREG.TPIDRRO_EL0:
        return writeConst(d, 0, 0);
      case SYSREG.CNTFRQ_EL0:
        return writeConst(d, ID_VALUES.CNTFRQ_EL0, 0);
      case SYSREG.CNTVCT_EL0:
      case SYSREG.CNTPCT_EL0:
        return (c) => counter(c, d);
      case SYSREG.CTR_EL0:
        return writeConst(d, ID_VALUES.CTR_EL0, 0);
      case SYSREG.DCZID_EL0:
        return writeConst(d, ID_VALUES.DCZID_EL0, 0);
      case SYSREG.MIDR_EL1:
        return writeConst(d, ID_VALUES.MIDR_EL1, 0);
      case SYSREG.MPIDR_EL1:
        return writeConst(d, 0x80000000 | 0, 0);
      case SYSREG.REVIDR_EL1:
        return writeConst(d, 0, 0);
    }
    return null;
  },
};
