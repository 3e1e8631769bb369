import { RN, RP, RM, RZ, FZ, DN, FZ16, D, S, H, d, s } from './lib.mjs';
const G = [];
const g = (title, cases) => G.push({ title, cases });
const dpairs = [[D.one, D.two], [D.two, D.one], [D.one, D.one], [D.pz, D.nz], [D.ninf, D.max], [D.inf, D.inf], [D.qnan, D.one], [D.one, D.nqnan], [D.snan, D.one], [D.qnan, D.snan], [D.den, D.pz], [D.nden, D.pz], [D.den, D.den2], [D.qnan, D.den], [D.nden, D.snan]];
const spairs = [[S.one, S.two], [S.two, S.one], [S.nz, S.pz], [S.qnan, S.one], [S.one, S.snan], [S.den, S.pz], [S.ninf, S.inf]];
const hpairs = [[H.one, H.two], [H.two, H.one], [H.nz, H.pz], [H.qnan, H.one], [H.one, H.snan], [H.den, H.pz]];
g('FCMP/FCMPE: NZCV for less, equal, greater and unordered; IOC on NaNs', [
  ...['fcmp', 'fcmpe'].flatMap((op) => [
    ...dpairs.flatMap(([a, b]) => [[`${op} d1, d2`, RN, a, b, 0n, 0b1111], [`${op} d1, d2`, RN | FZ, a, b, 0n, 0]]),
    ...spairs.flatMap(([a, b]) => [[`${op} s1, s2`, RN, a, b, 0n, 0b1111], [`${op} s1, s2`, RN | FZ, a, b, 0n, 0]]),
    ...hpairs.flatMap(([a, b]) => [[`${op} h1, h2`, RN, a, b, 0n, 0b1111], [`${op} h1, h2`, RN | FZ16, a, b, 0n, 0]]),
    ...[D.one, D.m1, D.nz, D.qnan, D.snan, D.nden].flatMap((a) => [[`${op} d1, #0.0`, RN, a, 0n, 0n, 0], [`${op} d1, #0.0`, RN | FZ, a, 0n, 0n, 0]]),
    ...[S.one, S.m1, S.qnan, S.snan, S.den].map((a) => [`${op} s1, #0.0`, RN | FZ, a, 0n, 0n, 0]),
    ...[H.one, H.m1, H.qnan, H.snan, H.nden].map((a) => [`${op} h1, #0.0`, RN, a, 0n, 0n, 0]),
  ]),
]);
g('FCCMP/FCCMPE: compare when the condition holds, else the immediate flags', [
  ...['fccmp', 'fccmpe'].flatMap((op) => [
    ...dpairs.flatMap(([a, b]) => [[`${op} d1, d2, #0x5, eq`, RN, a, b, 0n, 0b0100], [`${op} d1, d2, #0x5, eq`, RN, a, b, 0n, 0b0000]]),
    ...spairs.flatMap(([a, b]) => [[`${op} s1, s2, #0xa, ge`, RN | FZ, a, b, 0n, 0b1001], [`${op} s1, s2, #0xa, ge`, RN, a, b, 0n, 0b1000]]),
    ...hpairs.flatMap(([a, b]) => [[`${op} h1, h2, #0xf, hi`, RN, a, b, 0n, 0b0010], [`${op} h1, h2, #0x0, hi`, RN, a, b, 0n, 0b0110]]),
    [`${op} d1, d2, #0x3, nv`, RN, D.one, D.two, 0n, 0], [`${op} d1, d2, #0x3, al`, RN, D.one, D.two, 0n, 0],
  ]),
]);
export default G;
