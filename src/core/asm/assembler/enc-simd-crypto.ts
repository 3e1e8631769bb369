/**
 * Encoders: the cryptographic extension — AES (`aese Vd.16b, Vn.16b`), SHA-1 and SHA-256 (`sha1c
 * Qd, Sn, Vm.4s`, `sha256h Qd, Qn, Vm.4s`, `sha1h Sd, Sn`, …), SHA-512 and SHA-3 (eor3, bcax,
 * rax1, xar). Each entry's operands are a list of register kinds, from the table lines of
 * fmt-simd-crypto's families.
 */
import { simdCryptoFormatters } from '../fmt-simd-crypto.js';
import { type EncodeCtx, type Encoded, type FormTable, bad, immIn } from './encode.js';
import { type Ops, add, form, isImmOp, isScalar, isVecT, linesOf, sameArr } from './enc-simd-common.js';
import type { Operand } from './operands.js';

/** An operand kind: a vector arrangement (`16b`, `4s`, `2d`) or a scalar letter (`q`, `s`). */
type Kind = string;

/** Operand kinds by entry (the fields they fill are Rd, Rn, Rm, Ra in operand order). */
const KINDS: Record<string, Kind[]> = {};
function kinds(k: Kind[], names: string): void {
  for (const n of names.split(/\s+/)) KINDS[n] = k;
}
kinds(['16b', '16b'], 'AESE AESD AESMC AESIMC');
kinds(['q', 's', '4s'], 'SHA1C SHA1P SHA1M');
kinds(['q', 'q', '4s'], 'SHA256H SHA256H2');
kinds(['4s', '4s', '4s'], 'SHA1SU0 SHA256SU1');
kinds(['s', 's'], 'SHA1H');
kinds(['4s', '4s'], 'SHA1SU1 SHA256SU0');
kinds(['q', 'q', '2d'], 'SHA512H SHA512H2');
kinds(['2d', '2d', '2d'], 'SHA512SU1 RAX1');
kinds(['2d', '2d'], 'SHA512SU0');
kinds(['16b', '16b', '16b', '16b'], 'EOR3 BCAX');
kinds(['2d', '2d', '2d'], 'XAR');

const FIELDS = ['Rd', 'Rn', 'Rm', 'Ra'];

/** `v0.4s` for a vector kind, `q0` for a scalar one */
const show = (k: Kind, i: number): string => (/^\d/.test(k) ? `V${'dnma'[i]}.${k}` : `${k.toUpperCase()}${'dnma'[i]}`);

/** The register number of an operand of kind `k`, or null when it is not that kind of register. */
function register(o: Operand | undefined, k: Kind): number | null {
  if (/^\d/.test(k)) {
    if (!isVecT(o)) return null;
    sameArr(o, k);
    return o.n;
  }
  if (!isScalar(o)) return null;
  if (o.t !== k) bad(o, `expected ${k}${o.n} here, found '${o.text}'`);
  return o.n;
}

function crypto(entry: string, ks: Kind[], imm: boolean, o: Ops, c: EncodeCtx): Encoded | null {
  if (o.length !== ks.length + (imm ? 1 : 0)) return null;
  // the kinds of operand (vector or scalar) must match before any is checked in detail
  for (let i = 0; i < ks.length; i++) if (/^\d/.test(ks[i]!) ? !isVecT(o[i]) : !isScalar(o[i])) return null;
  const fields: Record<string, number> = {};
  for (let i = 0; i < ks.length; i++) fields[FIELDS[i]!] = register(o[i], ks[i]!)!;
  if (imm) {
    const i = o[ks.length];
    if (!isImmOp(i)) return null;
    fields.imm6 = immIn(i, c, 0, 63, 'rotation');
  }
  return { entry, fields };
}

export const simdCryptoForms: FormTable = {};
for (const [name, mnemonic] of linesOf(simdCryptoFormatters)) {
  const ks = KINDS[name];
  if (!ks) throw new Error(`assembler: no operand kinds for ${name}`);
  const imm = name === 'XAR';
  const syntax = ks.map(show).join(', ') + (imm ? ', #imm6' : '');
  add(simdCryptoForms, mnemonic, form(syntax, (o, c) => crypto(name, ks, imm, o, c)));
}
