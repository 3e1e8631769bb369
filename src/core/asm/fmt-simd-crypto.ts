/** Cryptographic extension: AES, SHA-1, SHA-256 (q/s/v operands), SHA-512 and SHA-3. */
import { family, type Formatter, type Formatters, ins } from './format.js';
import { vt } from './fmt-simd-common.js';

const aes: Formatter = (f, c) => ins(c.enc.mnemonic, vt(f.Rd, '16b'), vt(f.Rn, '16b'));
/** SHA1C/P/M: `q, s, v.4s`; SHA256H/H2: `q, q, v.4s` */
const shaHash = (second: 's' | 'q'): Formatter => (f, c) => ins(c.enc.mnemonic, `q${f.Rd}`, `${second}${f.Rn}`, vt(f.Rm, '4s'));
const sha3v = (t: string): Formatter => (f, c) => ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t), vt(f.Rm, t));
const sha2v = (t: string): Formatter => (f, c) => ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t));

export const simdCryptoFormatters: Formatters = {
  ...family(aes, 'AESE AESD AESMC AESIMC'),
  ...family(shaHash('s'), 'SHA1C SHA1P SHA1M'),
  ...family(shaHash('q'), 'SHA256H SHA256H2'),
  ...family(sha3v('4s'), 'SHA1SU0 SHA256SU1'),
  SHA1H: (f) => ins('sha1h', `s${f.Rd}`, `s${f.Rn}`),
  ...family(sha2v('4s'), 'SHA1SU1 SHA256SU0'),
  ...family((f, c) => ins(c.enc.mnemonic, `q${f.Rd}`, `q${f.Rn}`, vt(f.Rm, '2d')), 'SHA512H SHA512H2'),
  ...family(sha3v('2d'), 'SHA512SU1 RAX1'),
  SHA512SU0: sha2v('2d'),
  ...family((f, c) => ins(c.enc.mnemonic, vt(f.Rd, '16b'), vt(f.Rn, '16b'), vt(f.Rm, '16b'), vt(f.Ra, '16b')), 'EOR3 BCAX'),
  XAR: (f) => ins('xar', vt(f.Rd, '2d'), vt(f.Rn, '2d'), vt(f.Rm, '2d'), `#${f.imm6}`),
};
