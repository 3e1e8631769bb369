/**
 * CRC32B/H/W/X (polynomial 0x04C11DB7) and CRC32CB/H/W/X (Castagnoli, 0x1EDC6F41). The Arm
 * instructions are the bit-reflected CRC update with no initial or final inversion, so a
 * byte-at-a-time reflected table does it: acc = T[(acc ^ byte) & 0xff] ^ (acc >>> 8).
 */
import type { Op } from '../op.js';
import { xr, xw } from '../regs.js';

function reflectedTable(reversedPoly: number): Int32Array {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let v = i;
    for (let k = 0; k < 8; k++) v = v & 1 ? (v >>> 1) ^ reversedPoly : v >>> 1;
    t[i] = v;
  }
  return t;
}

const CRC32 = reflectedTable(0xedb88320);
const CRC32C = reflectedTable(0x82f63b78);

function crcByte(t: Int32Array, acc: number, b: number): number {
  return t[(acc ^ b) & 0xff]! ^ (acc >>> 8);
}

function crcHalf(t: Int32Array, acc: number, v: number): number {
  acc = t[(acc ^ v) & 0xff]! ^ (acc >>> 8);
  return t[(acc ^ (v >>> 8)) & 0xff]! ^ (acc >>> 8);
}

function crcWord(t: Int32Array, acc: number, v: number): number {
  acc = t[(acc ^ v) & 0xff]! ^ (acc >>> 8);
  acc = t[(acc ^ (v >>> 8)) & 0xff]! ^ (acc >>> 8);
  acc = t[(acc ^ (v >>> 16)) & 0xff]! ^ (acc >>> 8);
  return t[(acc ^ (v >>> 24)) & 0xff]! ^ (acc >>> 8);
}

/** size: 0 byte, 1 halfword, 2 word, 3 doubleword (Xm); the accumulator is Wn, the result Wd. */
function crc(t: Int32Array, size: number, rm: number, rn: number, rd: number): Op {
  const n = xr(rn);
  const m = xr(rm);
  const d = xw(rd);
  switch (size) {
    case 0:
      return (c) => {
        const x = c.x;
        x[d] = crcByte(t, x[n]!, x[m]!);
        x[d + 1] = 0;
      };
    case 1:
      return (c) => {
        const x = c.x;
        x[d] = crcHalf(t, x[n]!, x[m]!);
        x[d + 1] = 0;
      };
    case 2:
      return (c) => {
        const x = c.x;
        x[d] = crcWord(t, x[n]!, x[m]!);
        x[d + 1] = 0;
      };
    default:
      return (c) => {
        const x = c.x;
        x[d] = crcWord(t, crcWord(t, x[n]!, x[m]!), x[m + 1]!);
        x[d + 1] = 0;
      };
  }
}

export const dpRegCrcHandlers = {
  CRC32B: (rm: number, rn: number, rd: number) => crc(CRC32, 0, rm, rn, rd),
  CRC32H: (rm: number, rn: number, rd: number) => crc(CRC32, 1, rm, rn, rd),
  CRC32W: (rm: number, rn: number, rd: number) => crc(CRC32, 2, rm, rn, rd),
  CRC32X: (rm: number, rn: number, rd: number) => crc(CRC32, 3, rm, rn, rd),
  CRC32CB: (rm: number, rn: number, rd: number) => crc(CRC32C, 0, rm, rn, rd),
  CRC32CH: (rm: number, rn: number, rd: number) => crc(CRC32C, 1, rm, rn, rd),
  CRC32CW: (rm: number, rn: number, rd: number) => crc(CRC32C, 2, rm, rn, rd),
  CRC32CX: (rm: number, rn: number, rd: number) => crc(CRC32C, 3, rm, rn, rd),
};
