import { RN, RP, RM, RZ, FZ, DN, FZ16, MODES, D, S, H, d, s, dv, sv, rndD, rndS, rndH, rnd64, rndInt, seed } from './lib.mjs';
const G = [];
const g = (title, cases) => G.push({ title, cases });
const allModes = (asm, pairs) => pairs.flatMap(([a, b = 0n, c = 0n]) => MODES.map((m) => [asm, m, a, b, c, 0]));

g('FADD/FSUB double: results and IXC in each rounding mode', [
  ...allModes('fadd d0, d1, d2', [[D.one, D.two], [D.one, d(2 ** -60)], [D.one, d(-(2 ** -60))], [D.m1, d(-(2 ** -60))], [D.tenth, D.third], [D.max, D.max], [D.nmax, D.nmax], [D.max, d(2 ** 970)]]),
  ...allModes('fsub d0, d1, d2', [[D.one, D.one], [D.tenth, D.third], [D.nz, D.pz], [D.pz, D.pz], [D.one, d(2 ** -53)], [D.minn, D.den]]),
  ['fadd d0, d1, d2', RN, D.nz, D.nz, 0n, 0], ['fadd d0, d1, d2', RN, D.pz, D.nz, 0n, 0], ['fadd d0, d1, d2', RM, D.pz, D.nz, 0n, 0],
  ['fadd d0, d1, d2', RN, D.den, D.den2, 0n, 0], ['fsub d0, d1, d2', RN, D.minn, D.den, 0n, 0],
]);
g('FADD/FSUB single and half', [
  ...allModes('fadd s0, s1, s2', [[S.one, S.two], [S.one, s(2 ** -30)], [S.m1, s(-(2 ** -30))], [S.tenth, S.third], [S.max, S.max], [S.one, s(2 ** -24)], [s(1 + 2 ** -23), s(2 ** -24)]]),
  ...allModes('fsub s0, s1, s2', [[S.one, S.one], [S.tenth, S.third], [S.minn, S.den]]),
  ...allModes('fadd h0, h1, h2', [[H.one, H.two], [H.one, H.third], [H.max, H.max], [H.tenth, H.third], [H.one, 0x1000n]]),
  ['fsub h0, h1, h2', RN, H.minn, H.den, 0n, 0], ['fadd h0, h1, h2', RN | FZ16, H.den, H.one, 0n, 0], ['fadd h0, h1, h2', RN | FZ, H.den, H.den, 0n, 0],
]);
g('FMUL/FNMUL/FDIV double in each rounding mode', [
  ...allModes('fmul d0, d1, d2', [[D.third, D.three], [D.tenth, D.tenth], [D.max, D.two], [D.minn, D.half], [D.minn, d(0.75)], [D.den, D.half], [d(1e200), d(1e200)], [d(1e-200), d(1e-200)], [d(1e300), d(1e-310)], [D.onep, D.onep]]),
  ...allModes('fnmul d0, d1, d2', [[D.third, D.three], [D.tenth, D.m1]]),
  ...allModes('fdiv d0, d1, d2', [[D.one, D.three], [D.two, D.three], [D.m1, D.three], [D.one, D.tenth], [D.max, D.half], [D.minn, d(3)], [D.den, D.two], [D.one, D.max], [d(1e300), d(1e-300)], [D.three, D.two]]),
]);
g('FMUL/FNMUL/FDIV single and half in each rounding mode', [
  ...allModes('fmul s0, s1, s2', [[S.third, S.three], [S.tenth, S.tenth], [S.max, S.two], [S.minn, s(0.75)], [S.den, S.half]]),
  ...allModes('fnmul s0, s1, s2', [[S.third, S.three]]),
  ...allModes('fdiv s0, s1, s2', [[S.one, S.three], [S.two, S.three], [S.m1, S.three], [S.minn, s(3)], [S.one, S.max]]),
  ...allModes('fmul h0, h1, h2', [[H.third, H.three], [H.tenth, H.tenth], [H.max, H.two], [H.minn, 0x3a00n]]),
  ...allModes('fdiv h0, h1, h2', [[H.one, H.three], [H.m1, H.three], [H.den, H.two]]),
]);
g('special operands: infinities, zeros, invalid operations, division by zero', [
  ['fadd d0, d1, d2', RN, D.inf, D.ninf, 0n, 0], ['fsub d0, d1, d2', RN, D.inf, D.inf, 0n, 0], ['fadd d0, d1, d2', RN, D.inf, D.one, 0n, 0],
  ['fadd d0, d1, d2', RN, D.ninf, D.max, 0n, 0], ['fmul d0, d1, d2', RN, D.inf, D.pz, 0n, 0], ['fmul d0, d1, d2', RN, D.nz, D.ninf, 0n, 0],
  ['fmul d0, d1, d2', RN, D.nz, D.one, 0n, 0], ['fmul d0, d1, d2', RN, D.ninf, D.m1, 0n, 0],
  ['fdiv d0, d1, d2', RN, D.pz, D.pz, 0n, 0], ['fdiv d0, d1, d2', RN, D.inf, D.ninf, 0n, 0], ['fdiv d0, d1, d2', RN, D.one, D.pz, 0n, 0],
  ['fdiv d0, d1, d2', RN, D.m1, D.pz, 0n, 0], ['fdiv d0, d1, d2', RN, D.one, D.nz, 0n, 0], ['fdiv d0, d1, d2', RN, D.inf, D.pz, 0n, 0],
  ['fdiv d0, d1, d2', RN, D.pz, D.inf, 0n, 0], ['fdiv d0, d1, d2', RN, D.m1, D.inf, 0n, 0],
  ['fnmul d0, d1, d2', RN, D.inf, D.pz, 0n, 0], ['fnmul d0, d1, d2', RN | DN, D.inf, D.pz, 0n, 0], ['fnmul s0, s1, s2', RN, S.inf, S.pz, 0n, 0],
  ['fadd s0, s1, s2', RN, S.inf, S.ninf, 0n, 0], ['fdiv s0, s1, s2', RN, S.one, S.nz, 0n, 0], ['fmul s0, s1, s2', RN, S.pz, S.inf, 0n, 0],
  ['fadd h0, h1, h2', RN, H.inf, H.ninf, 0n, 0], ['fdiv h0, h1, h2', RN, H.one, H.pz, 0n, 0], ['fnmul h0, h1, h2', RN, H.inf, H.pz, 0n, 0],
  ['fsub s0, s1, s2', RM, S.one, S.one, 0n, 0], ['fsub h0, h1, h2', RM, H.one, H.one, 0n, 0], ['fadd s0, s1, s2', RM, S.nz, S.pz, 0n, 0],
]);
g('NaN propagation: signalling first, quieting, IOC, default NaN', [
  ...['fadd', 'fsub', 'fmul', 'fdiv', 'fmax', 'fmin', 'fmaxnm', 'fminnm', 'fnmul'].flatMap((op) => [
    [`${op} d0, d1, d2`, RN, D.qnan, D.one, 0n, 0], [`${op} d0, d1, d2`, RN, D.one, D.nqnan, 0n, 0], [`${op} d0, d1, d2`, RN, D.snan, D.one, 0n, 0],
    [`${op} d0, d1, d2`, RN, D.qnan, D.snan, 0n, 0], [`${op} d0, d1, d2`, RN, D.nqnan, D.qnan, 0n, 0], [`${op} d0, d1, d2`, RN | DN, D.snan, D.qnan, 0n, 0],
    [`${op} d0, d1, d2`, RN | DN, D.one, D.nqnan, 0n, 0],
    [`${op} s0, s1, s2`, RN, S.qnan, S.one, 0n, 0], [`${op} s0, s1, s2`, RN, S.one, S.nsnan, 0n, 0], [`${op} s0, s1, s2`, RN, S.nqnan, S.snan, 0n, 0],
    [`${op} s0, s1, s2`, RN | DN, S.snan, S.qnan, 0n, 0],
    [`${op} h0, h1, h2`, RN, H.qnan, H.one, 0n, 0], [`${op} h0, h1, h2`, RN, H.nqnan, H.snan, 0n, 0], [`${op} h0, h1, h2`, RN | DN, H.snan, H.qnan, 0n, 0],
  ]),
  ['fadd d0, d1, d2', RN | FZ, D.qnan, D.den, 0n, 0], ['fmul s0, s1, s2', RN | FZ, S.den, S.snan, 0n, 0], ['fadd h0, h1, h2', RN | FZ16, H.qnan, H.den, 0n, 0],
]);
g('overflow, underflow and denormal results', [
  ...allModes('fmul d0, d1, d2', [[D.max, D.max], [D.nmax, D.max], [d(2 ** -1000), d(2 ** -30)], [d(2 ** -1000), d(2 ** -80)], [d(1.5 * 2 ** -1022), d(0.5)], [d(2 ** -537), d(2 ** -537)], [d(2 ** -1022 * (1 - 2 ** -53) ), d(1)]]),
  ...allModes('fmul s0, s1, s2', [[S.max, S.max], [s(2 ** -100), s(2 ** -30)], [s(1.5 * 2 ** -126), s(0.5)], [s(2 ** -75), s(2 ** -75)], [s(3 * 2 ** -76), s(2 ** -51)]]),
  ...allModes('fdiv d0, d1, d2', [[D.minn, d(1 + 2 ** -52)], [D.max, D.half]]),
  ['fadd d0, d1, d2', RN, D.den, D.den, 0n, 0], ['fadd s0, s1, s2', RN, S.den, S.den, 0n, 0], ['fmul d0, d1, d2', RN, D.den, D.half, 0n, 0],
  ['fmul d0, d1, d2', RN, d(0x1.fffffffffffffp-1022 ), d(1), 0n, 0],
  ['fmul d0, d1, d2', RN, d(2 ** -511 * (1 + 2 ** -52)), d(2 ** -511 * (1 - 2 ** -53)), 0n, 0],
  ['fmul s0, s1, s2', RN, s(2 ** -63 * (1 + 2 ** -23)), s(2 ** -63 * (1 - 2 ** -24)), 0n, 0],
]);
g('flush-to-zero: denormal inputs (IDC) and tiny results (UFC)', [
  ['fadd d0, d1, d2', RN | FZ, D.den, D.one, 0n, 0], ['fadd d0, d1, d2', RN | FZ, D.den, D.den, 0n, 0], ['fadd d0, d1, d2', RN | FZ, D.nden, D.pz, 0n, 0],
  ['fadd d0, d1, d2', RM | FZ, D.den, D.nden, 0n, 0], ['fsub d0, d1, d2', RN | FZ, D.minn, d(2 ** -1022 + 2 ** -1074 * 5), 0n, 0],
  ['fmul d0, d1, d2', RN | FZ, D.minn, D.half, 0n, 0], ['fmul d0, d1, d2', RN | FZ, D.minn, d(1 - 2 ** -53), 0n, 0], ['fmul d0, d1, d2', RP | FZ, D.minn, d(1 - 2 ** -53), 0n, 0],
  ['fmul d0, d1, d2', RN | FZ, d(-(2 ** -1000)), d(2 ** -100), 0n, 0], ['fdiv d0, d1, d2', RN | FZ, D.one, D.den, 0n, 0], ['fdiv d0, d1, d2', RN | FZ, D.den, D.den, 0n, 0],
  ['fmul d0, d1, d2', RN | FZ, d(2 ** 1000), D.den2, 0n, 0],
  ['fadd s0, s1, s2', RN | FZ, S.den, S.one, 0n, 0], ['fmul s0, s1, s2', RN | FZ, S.minn, S.half, 0n, 0], ['fmul s0, s1, s2', RN | FZ, S.minn, s(1 - 2 ** -24), 0n, 0],
  ['fmul s0, s1, s2', RZ | FZ, S.minn, s(1 - 2 ** -24), 0n, 0], ['fdiv s0, s1, s2', RN | FZ, S.den2, S.one, 0n, 0], ['fsub s0, s1, s2', RN | FZ, S.minn, S.minn, 0n, 0],
  ['fmul h0, h1, h2', RN | FZ16, H.minn, H.half, 0n, 0], ['fmul h0, h1, h2', RN | FZ, H.minn, H.half, 0n, 0], ['fadd h0, h1, h2', RN | FZ16, H.nden, H.pz, 0n, 0],
  ['fmul h0, h1, h2', RN | FZ16, H.den2, H.two, 0n, 0],
  // normal operands and results under FZ: nothing to flush
  ['fadd d0, d1, d2', RN | FZ, D.one, D.tenth, 0n, 0], ['fsub d0, d1, d2', RN | FZ, D.tenth, D.third, 0n, 0], ['fmul d0, d1, d2', RN | FZ, D.tenth, D.third, 0n, 0],
  ['fnmul d0, d1, d2', RN | FZ, D.tenth, D.third, 0n, 0], ['fdiv d0, d1, d2', RN | FZ, D.one, D.three, 0n, 0], ['fsqrt d0, d1', RN | FZ, D.two, 0n, 0n, 0],
  ['fadd s0, s1, s2', RN | FZ, S.one, S.tenth, 0n, 0], ['fmul s0, s1, s2', RN | FZ, S.tenth, S.third, 0n, 0], ['fdiv s0, s1, s2', RN | FZ, S.one, S.three, 0n, 0],
  ['fsqrt s0, s1', RN | FZ, S.two, 0n, 0n, 0], ['fsqrt s0, s1', RN | FZ, S.den2, 0n, 0n, 0], ['fmadd s0, s1, s2, s3', RN | FZ, S.tenth, S.third, S.one, 0],
  ['fmadd s0, s1, s2, s3', RM | FZ, S.minn, S.half, S.pz, 0], ['fmadd s0, s1, s2, s3', RN | FZ, S.den, S.one, S.one, 0], ['fmadd s0, s1, s2, s3', RN | FZ, S.one, S.one, S.nden, 0],
  ['fmadd d0, d1, d2, d3', RN | FZ, D.tenth, D.third, D.one, 0], ['fcvt s0, d1', RN | FZ, D.tenth, 0n, 0n, 0],
]);
g('FMAX/FMIN/FMAXNM/FMINNM: signed zeros, infinities, NaNs, FZ', [
  ...['fmax', 'fmin', 'fmaxnm', 'fminnm'].flatMap((op) => [
    [`${op} d0, d1, d2`, RN, D.pz, D.nz, 0n, 0], [`${op} d0, d1, d2`, RN, D.nz, D.pz, 0n, 0], [`${op} d0, d1, d2`, RN, D.one, D.two, 0n, 0],
    [`${op} d0, d1, d2`, RN, D.ninf, D.m1, 0n, 0], [`${op} d0, d1, d2`, RN, D.qnan, D.ninf, 0n, 0], [`${op} d0, d1, d2`, RN, D.inf, D.nqnan, 0n, 0],
    [`${op} d0, d1, d2`, RN, D.qnan, D.nqnan, 0n, 0], [`${op} d0, d1, d2`, RN, D.snan, D.one, 0n, 0], [`${op} d0, d1, d2`, RN | FZ, D.den, D.nden, 0n, 0],
    [`${op} d0, d1, d2`, RN | FZ, D.qnan, D.nden, 0n, 0], [`${op} d0, d1, d2`, RN, D.qnan, D.den, 0n, 0], [`${op} d0, d1, d2`, RN, D.den, D.nden, 0n, 0],
    [`${op} s0, s1, s2`, RN, S.nz, S.pz, 0n, 0], [`${op} s0, s1, s2`, RN, S.qnan, S.m1, 0n, 0], [`${op} s0, s1, s2`, RN | FZ, S.nden, S.pz, 0n, 0],
    [`${op} s0, s1, s2`, RN, S.three, S.two, 0n, 0],
    [`${op} h0, h1, h2`, RN, H.nz, H.pz, 0n, 0], [`${op} h0, h1, h2`, RN, H.m1, H.qnan, 0n, 0], [`${op} h0, h1, h2`, RN, H.three, H.two, 0n, 0],
  ]),
]);
// fused multiply-add
seed(12345, 67890);
const fmaRandD = [];
for (let i = 0; i < 60; i++) {
  const a = rndD(-10, 10), b = rndD(-10, 10);
  const p = dv(a) * dv(b);
  const kind = i % 4;
  let c;
  if (kind === 0) c = d(-p); // cancellation: the result is the product's rounding error
  else if (kind === 1) c = d(-p) ^ BigInt(rndInt(4)); // near cancellation
  else if (kind === 2) c = rndD(-80, -30); // tiny addend: sticky bits below the product
  else c = rndD(-10, 10);
  fmaRandD.push([a, b, c]);
}
const fmaRandS = [];
for (let i = 0; i < 40; i++) {
  const a = rndS(-5, 5), b = rndS(-5, 5);
  const p = sv(a) * sv(b);
  const kind = i % 4;
  let c;
  if (kind === 0) c = s(-Math.fround(p));
  else if (kind === 1) c = s(-Math.fround(p)) ^ BigInt(rndInt(4));
  else if (kind === 2) c = rndS(-60, -25);
  else c = rndS(-5, 5);
  fmaRandS.push([a, b, c]);
}
g('FMADD/FMSUB/FNMADD/FNMSUB: one rounding (no double rounding)', [
  // 1+2^-27 squared = 1 + 2^-26 + 2^-54; with c = 2^-54 (or -1) the exact sum decides a tie
  ...allModes('fmadd d0, d1, d2, d3', [[d(1 + 2 ** -27), d(1 + 2 ** -27), d(2 ** -54)], [d(1 + 2 ** -27), d(1 + 2 ** -27), D.m1], [d(1 + 2 ** -30), d(1 - 2 ** -30), D.m1],
    [D.third, D.three, D.m1], [D.tenth, D.tenth, d(-0.01)], [D.max, D.two, D.nmax], [D.minn, D.half, d(2 ** -1074)], [d(2 ** -600), d(2 ** -600), D.one], [d(2 ** 600), d(2 ** 600), D.m1]]),
  ...allModes('fmadd s0, s1, s2, s3', [[s(1 + 2 ** -12), s(1 + 2 ** -12), s(2 ** -25)], [s(1 + 2 ** -12), s(1 + 2 ** -12), S.m1], [S.third, S.three, S.m1], [S.max, S.two, S.nmax], [S.minn, S.half, S.den]]),
  // a*b = 2^-53 (1 + 2^-53 - 2^-60 + 2^-83) rounds to 2^-53: 1 + RN(a*b) is a tie (rounds to 1.0), the
  // exact 1 + a*b is above it (1 + 2^-52)
  ...allModes('fmadd d0, d1, d2, d3', [[d(1 + 2 ** -30), d(2 ** -53 * (1 - 2 ** -30 + 2 ** -53)), D.one], [d(-(1 + 2 ** -30)), d(2 ** -53 * (1 - 2 ** -30 + 2 ** -53)), D.m1]]),
  ...['fmsub', 'fnmadd', 'fnmsub'].map((op) => [`${op} d0, d1, d2, d3`, RN, d(1 + 2 ** -30), d(2 ** -53 * (1 - 2 ** -30 + 2 ** -53)), D.one, 0]),
  // single: a*b = 2^-24 (1 + 2^-36); the double sum 1 + 2^-24 + 2^-60 rounds to the tie 1 + 2^-24
  ...allModes('fmadd s0, s1, s2, s3', [[s(1 + 2 ** -12), s(2 ** -24 * (1 - 2 ** -12 + 2 ** -24)), S.one], [s(1 + 2 ** -12), s(-(2 ** -24) * (1 - 2 ** -12 + 2 ** -24)), S.m1]]),
  ...allModes('fmadd h0, h1, h2, h3', [[0x3c01n, 0x3c01n, 0x0001n], [H.third, H.three, H.m1], [H.max, H.two, 0xfbffn]]),
  ...fmaRandD.map(([a, b, c], i) => ['fmadd d0, d1, d2, d3', MODES[i % 4], a, b, c, 0]),
  ...fmaRandS.map(([a, b, c], i) => ['fmadd s0, s1, s2, s3', MODES[i % 4], a, b, c, 0]),
]);
g('FMSUB/FNMADD/FNMSUB negate before the fused operation', [
  ...['fmadd', 'fmsub', 'fnmadd', 'fnmsub'].flatMap((op) => [
    [`${op} d0, d1, d2, d3`, RN, D.two, D.three, D.one, 0], [`${op} s0, s1, s2, s3`, RN, S.two, S.three, S.one, 0], [`${op} h0, h1, h2, h3`, RN, H.two, H.three, H.one, 0],
    [`${op} d0, d1, d2, d3`, RN, D.pz, D.three, D.pz, 0], [`${op} d0, d1, d2, d3`, RM, D.pz, D.three, D.pz, 0], [`${op} d0, d1, d2, d3`, RN, D.one, D.one, D.m1, 0],
    [`${op} d0, d1, d2, d3`, RM, D.one, D.one, D.m1, 0], [`${op} s0, s1, s2, s3`, RM, S.one, S.one, S.m1, 0],
    [`${op} d0, d1, d2, d3`, RN, D.qnan, D.one, D.one, 0], [`${op} d0, d1, d2, d3`, RN, D.one, D.one, D.qnan, 0], [`${op} d0, d1, d2, d3`, RN, D.one, D.snan, D.nqnan, 0],
    [`${op} s0, s1, s2, s3`, RN, S.qnan, S.one, S.one, 0], [`${op} s0, s1, s2, s3`, RN, S.one, S.one, S.nqnan, 0], [`${op} s0, s1, s2, s3`, RN, S.snan, S.one, S.qnan, 0],
    [`${op} h0, h1, h2, h3`, RN, H.qnan, H.one, H.one, 0], [`${op} h0, h1, h2, h3`, RN, H.one, H.one, H.nqnan, 0],
    [`${op} d0, d1, d2, d3`, RN, D.inf, D.pz, D.qnan, 0], [`${op} d0, d1, d2, d3`, RN, D.pz, D.inf, D.one, 0], [`${op} d0, d1, d2, d3`, RN, D.inf, D.one, D.ninf, 0],
    [`${op} d0, d1, d2, d3`, RN, D.inf, D.one, D.inf, 0], [`${op} s0, s1, s2, s3`, RN, S.inf, S.pz, S.qnan, 0], [`${op} s0, s1, s2, s3`, RN | FZ, S.inf, S.den, S.qnan, 0],
    [`${op} d0, d1, d2, d3`, RN | FZ, D.den, D.one, D.one, 0], [`${op} d0, d1, d2, d3`, RN | FZ, D.minn, D.half, D.pz, 0], [`${op} d0, d1, d2, d3`, RN | DN, D.snan, D.one, D.one, 0],
    [`${op} h0, h1, h2, h3`, RN, H.inf, H.pz, H.qnan, 0],
  ]),
]);
g('FSQRT', [
  ...allModes('fsqrt d0, d1', [[D.two], [D.three], [D.four ?? d(4)], [D.max], [D.den], [D.minn], [d(2 ** -1073)], [D.tenth]]),
  ...allModes('fsqrt s0, s1', [[S.two], [S.three], [S.max], [S.den], [S.tenth]]),
  ...allModes('fsqrt h0, h1', [[H.two], [H.three], [H.den]]),
  ['fsqrt d0, d1', RN, D.nz, 0n, 0n, 0], ['fsqrt d0, d1', RN, D.m1, 0n, 0n, 0], ['fsqrt d0, d1', RN, D.ninf, 0n, 0n, 0], ['fsqrt d0, d1', RN, D.inf, 0n, 0n, 0],
  ['fsqrt d0, d1', RN, D.snan, 0n, 0n, 0], ['fsqrt d0, d1', RN, D.nqnan, 0n, 0n, 0], ['fsqrt d0, d1', RN | FZ, D.den, 0n, 0n, 0], ['fsqrt d0, d1', RN | FZ, D.nden, 0n, 0n, 0],
  ['fsqrt s0, s1', RN, S.m1, 0n, 0n, 0], ['fsqrt s0, s1', RN, S.snan, 0n, 0n, 0], ['fsqrt s0, s1', RN | DN, S.qnan, 0n, 0n, 0], ['fsqrt s0, s1', RN | FZ, S.den, 0n, 0n, 0],
  ['fsqrt h0, h1', RN, H.m1, 0n, 0n, 0], ['fsqrt h0, h1', RN, H.snan, 0n, 0n, 0],
]);
g('FABS/FNEG/FMOV (register): sign bit only, NaNs untouched, no flags', [
  ...['fabs', 'fneg', 'fmov'].flatMap((op) => [
    [`${op} d0, d1`, RN, D.m1, 0n, 0n, 0], [`${op} d0, d1`, RN, D.snan, 0n, 0n, 0], [`${op} d0, d1`, RN | FZ, D.nden, 0n, 0n, 0], [`${op} d0, d1`, RN, D.nz, 0n, 0n, 0],
    [`${op} s0, s1`, RN, S.nsnan, 0n, 0n, 0], [`${op} s0, s1`, RN, S.one | 0xabcdef0100000000n, 0n, 0n, 0], [`${op} s0, s1`, RN | FZ, S.den, 0n, 0n, 0],
    [`${op} h0, h1`, RN, H.m1 | 0x1234000n, 0n, 0n, 0], [`${op} h0, h1`, RN, H.snan, 0n, 0n, 0],
  ]),
]);
const rintVals = (D_) => [d(0.5), d(1.5), d(2.5), d(-0.5), d(-1.5), d(-2.5), d(0.3), d(-0.3), d(-0.7), d(2 ** 52 + 1), d(2 ** 52 - 0.5), d(1e300), D_.nz, D_.inf, D_.snan];
g('FRINTN/P/M/Z/A/X/I double', [
  ...['frintn', 'frintp', 'frintm', 'frintz', 'frinta', 'frintx'].flatMap((op) => rintVals(D).map((v) => [`${op} d0, d1`, RN, v, 0n, 0n, 0])),
  ...MODES.flatMap((m) => [d(2.5), d(-2.5), d(-0.3), d(0.7)].flatMap((v) => [['frinti d0, d1', m, v, 0n, 0n, 0], ['frintx d0, d1', m, v, 0n, 0n, 0]])),
  ['frintn d0, d1', RN | FZ, D.nden, 0n, 0n, 0], ['frintp d0, d1', RN | FZ, D.den, 0n, 0n, 0], ['frintp d0, d1', RN, D.den, 0n, 0n, 0], ['frintx d0, d1', RN | DN, D.snan, 0n, 0n, 0],
]);
g('FRINT* single and half', [
  ...['frintn', 'frintp', 'frintm', 'frintz', 'frinta', 'frintx', 'frinti'].flatMap((op) =>
    [s(0.5), s(2.5), s(-1.5), s(-0.3), s(2 ** 23 - 0.5), s(2 ** 23 + 1), S.nz, S.qnan].map((v) => [`${op} s0, s1`, RM, v, 0n, 0n, 0])),
  ...['frintn', 'frintp', 'frintm', 'frintz', 'frinta', 'frintx', 'frinti'].flatMap((op) =>
    [0x3800n, 0x4100n, 0xbe00n, 0xb4cdn, 0x6bffn, H.snan].map((v) => [`${op} h0, h1`, RP, v, 0n, 0n, 0])),
  ['frintp s0, s1', RN | FZ, S.den, 0n, 0n, 0],
]);
g('FMOV (immediate) and FCSEL', [
  ['fmov d0, #1.0', RN, 0n, 0n, 0n, 0], ['fmov d0, #-2.5', RN, 0n, 0n, 0n, 0], ['fmov d0, #0.125', RN, 0n, 0n, 0n, 0], ['fmov d0, #31.0', RN, 0n, 0n, 0n, 0],
  ['fmov s0, #1.9375', RN, 0n, 0n, 0n, 0], ['fmov s0, #-0.1875', RN, 0n, 0n, 0n, 0], ['fmov h0, #3.0', RN, 0n, 0n, 0n, 0], ['fmov h0, #-16.0', RN, 0n, 0n, 0n, 0],
  ['fcsel d0, d1, d2, eq', RN, D.snan, D.one, 0n, 0b0100], ['fcsel d0, d1, d2, eq', RN, D.snan, D.one, 0n, 0], ['fcsel s0, s1, s2, lt', RN, S.one, S.nsnan, 0n, 0b1000],
  ['fcsel s0, s1, s2, lt', RN, S.one | 0xffff00000000n, S.nsnan, 0n, 0b1001], ['fcsel h0, h1, h2, hi', RN, H.one, H.snan, 0n, 0b0010], ['fcsel h0, h1, h2, hi', RN, H.one, H.snan, 0n, 0b0110],
  ['fcsel d0, d1, d2, nv', RN, D.one, D.two, 0n, 0], ['fcsel d0, d1, d2, al', RN, D.one, D.two, 0n, 0],
]);
export default G;
