/** All Advanced SIMD handlers (one file per instruction class), merged for exec/index.ts. */
import type { Op } from '../op.js';
import { simdFrintTsHandlers } from './fp-frintts.js';
import { simd2MiscHandlers } from './simd-2misc.js';
import { simd3DiffHandlers } from './simd-3diff.js';
import { simd3SameHandlers } from './simd-3same.js';
import { simdAcrossHandlers } from './simd-across.js';
import { simdCopyHandlers } from './simd-copy.js';
import { simdCryptoHandlers } from './simd-crypto.js';
import { simdElemHandlers } from './simd-elem.js';
import { simdFhmHandlers } from './simd-fhm.js';
import { simdFpHandlers } from './simd-fp.js';
import { simdFp16Handlers } from './simd-fp16.js';
import { simdLdstHandlers } from './simd-ldst.js';
import { simdPermuteHandlers } from './simd-permute.js';
import { simdSha3Handlers } from './simd-sha3.js';
import { simdSha512Handlers } from './simd-sha512.js';
import { simdShiftHandlers } from './simd-shift.js';

type H = (...a: number[]) => Op | null;

export const simdHandlers: Record<string, H> = {
  ...(simd3SameHandlers as Record<string, H>),
  ...(simd3DiffHandlers as Record<string, H>),
  ...(simd2MiscHandlers as Record<string, H>),
  ...(simdAcrossHandlers as Record<string, H>),
  ...(simdCopyHandlers as Record<string, H>),
  ...(simdShiftHandlers as Record<string, H>),
  ...(simdElemHandlers as Record<string, H>),
  ...(simdPermuteHandlers as Record<string, H>),
  ...(simdLdstHandlers as Record<string, H>),
  ...(simdFpHandlers as Record<string, H>),
  ...(simdFp16Handlers as Record<string, H>),
  ...simdCryptoHandlers,
  ...(simdSha512Handlers as Record<string, H>),
  ...(simdSha3Handlers as Record<string, H>),
  ...(simdFhmHandlers as Record<string, H>),
  ...(simdFrintTsHandlers as Record<string, H>),
};
