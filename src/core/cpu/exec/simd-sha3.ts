/**
 * SHA3 (FEAT_SHA3, Armv8.2): the Keccak helpers EOR3, BCAX (on the whole 128-bit registers),
 * RAX1 and XAR (on two 64-bit lanes, each as a low/high int32 pair).
 */
import type { Op } from '../op.js';

/** EOR3 Vd.16B, Vn.16B, Vm.16B, Va.16B: Vn ^ Vm ^ Va. */
function eor3(rm: number, ra: number, rn: number, rd: number): Op {
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  const a = ra * 4;
  return (c) => {
    const w = c.vi32;
    for (let k = 0; k < 4; k++) w[d + k] = w[n + k]! ^ w[m + k]! ^ w[a + k]!;
  };
}

/** BCAX Vd.16B, Vn.16B, Vm.16B, Va.16B: Vn ^ (Vm & ~Va). */
function bcax(rm: number, ra: number, rn: number, rd: number): Op {
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  const a = ra * 4;
  return (c) => {
    const w = c.vi32;
    for (let k = 0; k < 4; k++) w[d + k] = w[n + k]! ^ (w[m + k]! & ~w[a + k]!);
  };
}

/**
 * Vd.2D = ROR(Vn ^ Vm, r) lane by lane (XAR), or Vn ^ ROR(Vm, r) with `rotateM` (RAX1 is
 * Vn ^ ROL(Vm, 1) = Vn ^ ROR(Vm, 63)). 0 <= r < 64.
 */
function rotXor(rd: number, rn: number, rm: number, r: number, rotateM: boolean): Op {
  const d = rd * 4;
  const n = rn * 4;
  const m = rm * 4;
  const swap = r >= 32; // rotating by 32 or more swaps the words first
  const s = r & 31;
  return (c) => {
    const w = c.vi32;
    for (let k = 0; k < 4; k += 2) {
      const nlo = w[n + k]!;
      const nhi = w[n + k + 1]!;
      let lo = rotateM ? w[m + k]! : nlo ^ w[m + k]!;
      let hi = rotateM ? w[m + k + 1]! : nhi ^ w[m + k + 1]!;
      if (swap) {
        const t = lo;
        lo = hi;
        hi = t;
      }
      if (s !== 0) {
        const l = (lo >>> s) | (hi << (32 - s));
        hi = (hi >>> s) | (lo << (32 - s));
        lo = l;
      }
      w[d + k] = rotateM ? nlo ^ lo : lo;
      w[d + k + 1] = rotateM ? nhi ^ hi : hi;
    }
  };
}

export const simdSha3Handlers = {
  EOR3: (rm: number, ra: number, rn: number, rd: number): Op => eor3(rm, ra, rn, rd),
  BCAX: (rm: number, ra: number, rn: number, rd: number): Op => bcax(rm, ra, rn, rd),
  RAX1: (rm: number, rn: number, rd: number): Op => rotXor(rd, rn, rm, 63, true),
  XAR: (rm: number, imm6: number, rn: number, rd: number): Op => rotXor(rd, rn, rm, imm6, false),
};
