/**
 * Advanced SIMD arithmetic: three same, three different, two-register miscellaneous and across
 * lanes, vector and scalar, integer, floating point and half precision, with dot product, RDM and
 * FHM; objdump's aliases (mov for ORR, mvn for NOT).
 */
import { family, type Formatter, type Formatters, ins } from './format.js';
import { arr, fpArr, hArr, sreg, vt } from './fmt-simd-common.js';

/** Allowed sizes as a string of digits, e.g. '012' */
type Sizes = string;
const ok = (sizes: Sizes, size: number): boolean => sizes.includes(String(size));

// -------------------------------------------------------------------------------- integer vector

/** `op Vd.T, Vn.T, Vm.T` */
const vec3 = (sizes: Sizes): Formatter => (f, c) => {
  if (!ok(sizes, f.size) || (f.size === 3 && !f.Q)) return null;
  const t = arr(f.size, f.Q);
  return ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t), vt(f.Rm, t));
};

/** The bitwise three-same forms (bytes); ORR Vd, Vn, Vn is `mov` */
const logic3: Formatter = (f, c) => {
  const t = f.Q ? '16b' : '8b';
  if (c.enc.name === 'ORR_v' && f.Rn === f.Rm) return ins('mov', vt(f.Rd, t), vt(f.Rn, t));
  return ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t), vt(f.Rm, t));
};

/** `op Vd.T, Vn.T` (and `, #0` for the compares with zero) */
const vec2 = (sizes: Sizes, zero = ''): Formatter => (f, c) => {
  if (!ok(sizes, f.size) || (f.size === 3 && !f.Q)) return null;
  const t = arr(f.size, f.Q);
  return zero ? ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t), zero) : ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t));
};

/** Bytes only, under another name (NOT is `mvn`, RBIT keeps its own) */
const bytes2 = (name?: string): Formatter => (f, c) => {
  const t = f.Q ? '16b' : '8b';
  return ins(name ?? c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t));
};

/** Pairwise long: `saddlp Vd.Ta, Vn.Tb` */
const pairwiseLong: Formatter = (f, c) => {
  if (f.size === 3) return null;
  return ins(c.enc.mnemonic, vt(f.Rd, arr(f.size + 1, f.Q)), vt(f.Rn, arr(f.size, f.Q)));
};

/** Narrowing: `xtn{2} Vd.Tb, Vn.Ta` */
const narrow2: Formatter = (f, c) => {
  if (f.size === 3) return null;
  return ins(c.enc.mnemonic + (f.Q ? '2' : ''), vt(f.Rd, arr(f.size, f.Q)), vt(f.Rn, arr(f.size + 1, 1)));
};

const shll: Formatter = (f) => {
  if (f.size === 3) return null;
  return ins(f.Q ? 'shll2' : 'shll', vt(f.Rd, arr(f.size + 1, 1)), vt(f.Rn, arr(f.size, f.Q)), `#${8 << f.size}`);
};

/** Across lanes: `addv Bd, Vn.T`; `wide` gives the long forms (saddlv Hd, Vn.8b) */
const across = (wide: boolean): Formatter => (f, c) => {
  if (f.size === 3 || (f.size === 2 && !f.Q)) return null;
  return ins(c.enc.mnemonic, sreg(f.size + (wide ? 1 : 0), f.Rd), vt(f.Rn, arr(f.size, f.Q)));
};

/** Three different: L `Ta, Tb, Tb`, W `Ta, Ta, Tb`, N `Tb, Ta, Ta`; with the `2` suffix for Q */
const diff3 = (shape: 'L' | 'W' | 'N', sizes: Sizes = '012'): Formatter => (f, c) => {
  if (!ok(sizes, f.size)) return null;
  const a = arr(f.size + 1, 1);
  const b = arr(f.size, f.Q);
  const [d, n, m] = shape === 'L' ? [a, b, b] : shape === 'W' ? [a, a, b] : [b, a, a];
  return ins(c.enc.mnemonic + (f.Q ? '2' : ''), vt(f.Rd, d), vt(f.Rn, n), vt(f.Rm, m));
};

const pmull1q: Formatter = (f) => {
  const t = f.Q ? '2d' : '1d';
  return ins(f.Q ? 'pmull2' : 'pmull', vt(f.Rd, '1q'), vt(f.Rn, t), vt(f.Rm, t));
};

// -------------------------------------------------------------------------------- integer scalar

/** `op Bd, Bn, Bm` by size */
const sd3 = (sizes: Sizes): Formatter => (f, c) => {
  if (!ok(sizes, f.size)) return null;
  return ins(c.enc.mnemonic, sreg(f.size, f.Rd), sreg(f.size, f.Rn), sreg(f.size, f.Rm));
};

const sd2 = (sizes: Sizes, zero = ''): Formatter => (f, c) => {
  if (!ok(sizes, f.size)) return null;
  const ops = [sreg(f.size, f.Rd), sreg(f.size, f.Rn)];
  if (zero) ops.push(zero);
  return ins(c.enc.mnemonic, ...ops);
};

/** Scalar narrowing: `sqxtn Bd, Hn` */
const sdNarrow: Formatter = (f, c) => (f.size === 3 ? null : ins(c.enc.mnemonic, sreg(f.size, f.Rd), sreg(f.size + 1, f.Rn)));

/** Scalar long: `sqdmlal Sd, Hn, Hm` */
const sdLong: Formatter = (f, c) =>
  f.size === 1 || f.size === 2 ? ins(c.enc.mnemonic, sreg(f.size + 1, f.Rd), sreg(f.size, f.Rn), sreg(f.size, f.Rm)) : null;

// ---------------------------------------------------------------------------------- floating point

/** `op Vd.T, Vn.T, Vm.T` by sz:Q */
const fvec3: Formatter = (f, c) => {
  const t = fpArr(f.sz, f.Q);
  return t ? ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t), vt(f.Rm, t)) : null;
};
const fvec2 = (zero = ''): Formatter => (f, c) => {
  const t = fpArr(f.sz, f.Q);
  if (!t) return null;
  return zero ? ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t), zero) : ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t));
};
/** URECPE, URSQRTE: 32-bit lanes only */
const uvec2: Formatter = (f, c) => (f.sz ? null : ins(c.enc.mnemonic, vt(f.Rd, f.Q ? '4s' : '2s'), vt(f.Rn, f.Q ? '4s' : '2s')));

const fsd3: Formatter = (f, c) => {
  const s = f.sz ? 'd' : 's';
  return ins(c.enc.mnemonic, s + f.Rd, s + f.Rn, s + f.Rm);
};
const fsd2 = (zero = ''): Formatter => (f, c) => {
  const s = f.sz ? 'd' : 's';
  return zero ? ins(c.enc.mnemonic, s + f.Rd, s + f.Rn, zero) : ins(c.enc.mnemonic, s + f.Rd, s + f.Rn);
};

/** Scalar pairwise: `faddp Sd, Vn.2s` */
const fpairwise: Formatter = (f, c) => (f.sz ? ins(c.enc.mnemonic, `d${f.Rd}`, vt(f.Rn, '2d')) : ins(c.enc.mnemonic, `s${f.Rd}`, vt(f.Rn, '2s')));

/** FP across lanes: single precision, four lanes */
const facross: Formatter = (f, c) => (f.sz || !f.Q ? null : ins(c.enc.mnemonic, `s${f.Rd}`, vt(f.Rn, '4s')));

const fcvtn: Formatter = (f) => {
  const [narrow, wide] = f.sz ? [f.Q ? '4s' : '2s', '2d'] : [f.Q ? '8h' : '4h', '4s'];
  return ins(f.Q ? 'fcvtn2' : 'fcvtn', vt(f.Rd, narrow), vt(f.Rn, wide));
};
const fcvtl: Formatter = (f) => {
  const [narrow, wide] = f.sz ? [f.Q ? '4s' : '2s', '2d'] : [f.Q ? '8h' : '4h', '4s'];
  return ins(f.Q ? 'fcvtl2' : 'fcvtl', vt(f.Rd, wide), vt(f.Rn, narrow));
};
const fcvtxn: Formatter = (f) => (f.sz ? ins(f.Q ? 'fcvtxn2' : 'fcvtxn', vt(f.Rd, f.Q ? '4s' : '2s'), vt(f.Rn, '2d')) : null);
const fcvtxnSd: Formatter = (f) => (f.sz ? ins('fcvtxn', `s${f.Rd}`, `d${f.Rn}`) : null);

// ------------------------------------------------------------------------------------ half precision

const hvec3: Formatter = (f, c) => {
  const t = hArr(f.Q);
  return ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t), vt(f.Rm, t));
};
const hvec2 = (zero = ''): Formatter => (f, c) => {
  const t = hArr(f.Q);
  return zero ? ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t), zero) : ins(c.enc.mnemonic, vt(f.Rd, t), vt(f.Rn, t));
};
const hsd3: Formatter = (f, c) => ins(c.enc.mnemonic, `h${f.Rd}`, `h${f.Rn}`, `h${f.Rm}`);
const hsd2 = (zero = ''): Formatter => (f, c) =>
  zero ? ins(c.enc.mnemonic, `h${f.Rd}`, `h${f.Rn}`, zero) : ins(c.enc.mnemonic, `h${f.Rd}`, `h${f.Rn}`);
const hacross: Formatter = (f, c) => ins(c.enc.mnemonic, `h${f.Rd}`, vt(f.Rn, hArr(f.Q)));
const hpairwise: Formatter = (f, c) => ins(c.enc.mnemonic, `h${f.Rd}`, vt(f.Rn, '2h'));

// ------------------------------------------------------------------------------ dot product, FHM

const dot: Formatter = (f, c) => {
  if (f.size !== 2) return null;
  const b = f.Q ? '16b' : '8b';
  return ins(c.enc.mnemonic, vt(f.Rd, f.Q ? '4s' : '2s'), vt(f.Rn, b), vt(f.Rm, b));
};
const fhm: Formatter = (f, c) => {
  const h = f.Q ? '4h' : '2h';
  return ins(c.enc.mnemonic, vt(f.Rd, f.Q ? '4s' : '2s'), vt(f.Rn, h), vt(f.Rm, h));
};

export const simdArithFormatters: Formatters = {
  // three same
  ...family(vec3('012'), 'SHADD_v UHADD_v SRHADD_v URHADD_v SHSUB_v UHSUB_v SMAX_v UMAX_v SMIN_v UMIN_v SABD_v UABD_v SABA_v UABA_v'),
  ...family(vec3('012'), 'MLA_v MLS_v MUL_v SMAXP_v UMAXP_v SMINP_v UMINP_v'),
  ...family(vec3('0123'), 'SQADD_v UQADD_v SQSUB_v UQSUB_v CMGT_v CMHI_v CMGE_v CMHS_v SSHL_v USHL_v SQSHL_v UQSHL_v'),
  ...family(vec3('0123'), 'SRSHL_v URSHL_v SQRSHL_v UQRSHL_v ADD_v SUB_v CMTST_v CMEQ_v ADDP_v'),
  ...family(vec3('12'), 'SQDMULH_v SQRDMULH_v SQRDMLAH_v SQRDMLSH_v'),
  PMUL_v: vec3('0'),
  ...family(logic3, 'AND_v BIC_v ORR_v ORN_v EOR_v BSL_v BIT_v BIF_v'),
  // scalar three same
  ...family(sd3('0123'), 'SQADD_sd UQADD_sd SQSUB_sd UQSUB_sd SQSHL_sd UQSHL_sd SQRSHL_sd UQRSHL_sd'),
  ...family(sd3('3'), 'CMGT_sd CMHI_sd CMGE_sd CMHS_sd SSHL_sd USHL_sd SRSHL_sd URSHL_sd ADD_sd SUB_sd CMTST_sd CMEQ_sd'),
  ...family(sd3('12'), 'SQDMULH_sd SQRDMULH_sd SQRDMLAH_sd SQRDMLSH_sd'),
  ADDP_sd: (f) => (f.size === 3 ? ins('addp', `d${f.Rd}`, vt(f.Rn, '2d')) : null),
  // two-register miscellaneous
  REV64_v: vec2('012'),
  REV32_v: vec2('01'),
  REV16_v: vec2('0'),
  ...family(pairwiseLong, 'SADDLP_v UADDLP_v SADALP_v UADALP_v'),
  ...family(vec2('0123'), 'SUQADD_v USQADD_v SQABS_v SQNEG_v ABS_v NEG_v'),
  ...family(vec2('012'), 'CLS_v CLZ_v'),
  CNT_v: vec2('0'),
  ...family(vec2('0123', '#0'), 'CMGT_zero_v CMGE_zero_v CMEQ_zero_v CMLE_zero_v CMLT_zero_v'),
  ...family(narrow2, 'XTN_v SQXTUN_v SQXTN_v UQXTN_v'),
  SHLL_v: shll,
  NOT_v: bytes2('mvn'),
  RBIT_v: bytes2(),
  ...family(sd2('0123'), 'SUQADD_sd USQADD_sd SQABS_sd SQNEG_sd'),
  ...family(sd2('3', '#0'), 'CMGT_zero_sd CMGE_zero_sd CMEQ_zero_sd CMLE_zero_sd CMLT_zero_sd'),
  ...family(sd2('3'), 'ABS_sd NEG_sd'),
  ...family(sdNarrow, 'SQXTUN_sd SQXTN_sd UQXTN_sd'),
  // across lanes
  ...family(across(true), 'SADDLV UADDLV'),
  ...family(across(false), 'SMAXV UMAXV SMINV UMINV ADDV'),
  // three different
  ...family(diff3('L'), 'SADDL UADDL SSUBL USUBL SABAL UABAL SABDL UABDL SMLAL UMLAL SMLSL UMLSL SMULL UMULL'),
  ...family(diff3('L', '12'), 'SQDMLAL SQDMLSL SQDMULL'),
  PMULL: diff3('L', '0'),
  PMULL_1q: pmull1q,
  ...family(diff3('W'), 'SADDW UADDW SSUBW USUBW'),
  ...family(diff3('N'), 'ADDHN RADDHN SUBHN RSUBHN'),
  ...family(sdLong, 'SQDMLAL_sd SQDMLSL_sd SQDMULL_sd'),
  // floating point
  ...family(fvec3, 'FMAXNM_v FMLA_v FADD_v FMULX_v FCMEQ_v FMAX_v FRECPS_v FMINNM_v FMLS_v FSUB_v FMIN_v FRSQRTS_v'),
  ...family(fvec3, 'FMAXNMP_v FADDP_v FMUL_v FCMGE_v FACGE_v FMAXP_v FDIV_v FMINNMP_v FABD_v FCMGT_v FACGT_v FMINP_v'),
  ...family(fsd3, 'FMULX_sd FCMEQ_sd FRECPS_sd FRSQRTS_sd FCMGE_sd FACGE_sd FABD_sd FCMGT_sd FACGT_sd'),
  ...family(fpairwise, 'FMAXNMP_sd FADDP_sd FMAXP_sd FMINNMP_sd FMINP_sd'),
  ...family(facross, 'FMAXNMV FMAXV FMINNMV FMINV'),
  FCVTN_v: fcvtn,
  FCVTL_v: fcvtl,
  FCVTXN_v: fcvtxn,
  FCVTXN_sd: fcvtxnSd,
  ...family(fvec2(), 'FRINTN_v FRINTM_v FCVTNS_v FCVTMS_v FCVTAS_v SCVTF_v FABS_v FRINTP_v FRINTZ_v FCVTPS_v FCVTZS_v FRECPE_v'),
  ...family(fvec2(), 'FRINTA_v FRINTX_v FCVTNU_v FCVTMU_v FCVTAU_v UCVTF_v FNEG_v FRINTI_v FCVTPU_v FCVTZU_v FRSQRTE_v FSQRT_v'),
  ...family(fvec2(), 'FRINT32Z_v FRINT32X_v FRINT64Z_v FRINT64X_v'),
  ...family(fvec2('#0.0'), 'FCMGT_zero_v FCMEQ_zero_v FCMLT_zero_v FCMGE_zero_v FCMLE_zero_v'),
  ...family(uvec2, 'URECPE_v URSQRTE_v'),
  ...family(fsd2(), 'FCVTNS_sd FCVTMS_sd FCVTAS_sd SCVTF_sd FCVTPS_sd FCVTZS_sd FRECPE_sd FRECPX_sd'),
  ...family(fsd2(), 'FCVTNU_sd FCVTMU_sd FCVTAU_sd UCVTF_sd FCVTPU_sd FCVTZU_sd FRSQRTE_sd'),
  ...family(fsd2('#0.0'), 'FCMGT_zero_sd FCMEQ_zero_sd FCMLT_zero_sd FCMGE_zero_sd FCMLE_zero_sd'),
  // half precision
  ...family(hvec3, 'FMAXNM_h FMLA_h FADD_h FMULX_h FCMEQ_h FMAX_h FRECPS_h FMINNM_h FMLS_h FSUB_h FMIN_h FRSQRTS_h'),
  ...family(hvec3, 'FMAXNMP_h FADDP_h FMUL_h FCMGE_h FACGE_h FMAXP_h FDIV_h FMINNMP_h FABD_h FCMGT_h FACGT_h FMINP_h'),
  ...family(hsd3, 'FMULX_hsd FCMEQ_hsd FRECPS_hsd FRSQRTS_hsd FCMGE_hsd FACGE_hsd FABD_hsd FCMGT_hsd FACGT_hsd'),
  ...family(hvec2(), 'FRINTN_h FRINTM_h FCVTNS_h FCVTMS_h FCVTAS_h SCVTF_h FABS_h FRINTP_h FRINTZ_h FCVTPS_h FCVTZS_h FRECPE_h'),
  ...family(hvec2(), 'FRINTA_h FRINTX_h FCVTNU_h FCVTMU_h FCVTAU_h UCVTF_h FNEG_h FRINTI_h FCVTPU_h FCVTZU_h FRSQRTE_h FSQRT_h'),
  ...family(hvec2('#0.0'), 'FCMGT_zero_h FCMEQ_zero_h FCMLT_zero_h FCMGE_zero_h FCMLE_zero_h'),
  ...family(hsd2(), 'FCVTNS_hsd FCVTMS_hsd FCVTAS_hsd SCVTF_hsd FCVTPS_hsd FCVTZS_hsd FRECPE_hsd FCVTNU_hsd FCVTMU_hsd'),
  ...family(hsd2(), 'FCVTAU_hsd UCVTF_hsd FCVTPU_hsd FCVTZU_hsd FRSQRTE_hsd FRECPX_hsd'),
  ...family(hsd2('#0.0'), 'FCMGT_zero_hsd FCMEQ_zero_hsd FCMLT_zero_hsd FCMGE_zero_hsd FCMLE_zero_hsd'),
  ...family(hacross, 'FMAXNMV_h FMAXV_h FMINNMV_h FMINV_h'),
  ...family(hpairwise, 'FMAXNMP_hsd FADDP_hsd FMAXP_hsd FMINNMP_hsd FMINP_hsd'),
  // dot product, FHM
  ...family(dot, 'SDOT_v UDOT_v'),
  ...family(fhm, 'FMLAL_v FMLSL_v FMLAL2_v FMLSL2_v'),
};
