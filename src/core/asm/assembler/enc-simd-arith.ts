/**
 * Encoders: Advanced SIMD arithmetic — three same, three different, two-register miscellaneous
 * and across lanes; vector and scalar; integer, floating point, half precision (FEAT_FP16), dot
 * product and FHM; with GNU's `mov` (ORR Vd, Vn, Vn) and `mvn` (NOT). The families mirror the
 * disassembler's (fmt-simd-arith.ts): each lists its table entries, and the layouts (arrangements
 * and the size/sz/Q fields they stand for) are generated for every entry of the family, with the
 * mnemonic read from the table line (plus the `2` suffix of the upper-half forms).
 */
import type { Encoding } from '../../cpu/decode/encoding.js';
import { type FormTable, entry } from './encode.js';
import { type Layout, type Slot, layoutForms, lit, reg } from './enc-fp-layout.js';

// --------------------------------------------------------------------------- operand types

const ARR = ['8b', '16b', '4h', '8h', '2s', '4s', '1d', '2d'] as const;
/** `v.4s` for size:Q (size 3, Q 0 is `v.1d`) */
const va = (size: number, q: number): string => `v.${ARR[size * 2 + q]!}`;
/** The scalar register type of an element size: b h s d q */
const el = (size: number): string => 'bhsdq'[size]!;
/** `v.2s`/`v.4s` (sz 0) and `v.2d` (sz 1, Q 1) of the FP forms */
const fpArr = (sz: number, q: number): string | null => (sz ? (q ? 'v.2d' : null) : q ? 'v.4s' : 'v.2s');
const hArr = (q: number): string => (q ? 'v.8h' : 'v.4h');

const Q01 = [0, 1] as const;
const ZERO_INT = '#0';
const ZERO_FP = '#0.0';

/** A layout-generating family: the layouts of one table entry. */
type Gen = (e: Encoding) => Layout[];

function L(e: Encoding, mnemonic: string, syntax: string, fields: Record<string, number>, ...slots: Slot[]): Layout {
  return { mnemonic, entry: e.name, syntax, fields, slots };
}

/** Each of `sizes` with both Q, except size 3 with Q 0 (no `1d` arrangement here). */
const sizeQ = (sizes: readonly number[]): [number, number][] => sizes.flatMap((size) => Q01.filter((q) => size !== 3 || q).map((q): [number, number] => [size, q]));

/** `, #0` / `, #0.0` when the form compares with zero. */
const zeroSlot = (zero: string): Slot[] => (zero ? [lit(zero)] : []);
const zeroSyntax = (zero: string): string => (zero ? `, ${zero}` : '');

// -------------------------------------------------------------------------------- integer

/** `op Vd.T, Vn.T, Vm.T` */
const vec3 = (sizes: readonly number[]): Gen => (e) =>
  sizeQ(sizes).map(([size, Q]) => L(e, e.mnemonic, 'Vd.T, Vn.T, Vm.T', { size, Q }, reg(va(size, Q), 'Rd'), reg(va(size, Q), 'Rn'), reg(va(size, Q), 'Rm')));

/** The bitwise three-same forms (8b, 16b); ORR Vd, Vn, Vn is also `mov Vd, Vn` */
const logic3: Gen = (e) =>
  Q01.flatMap((Q) => {
    const t = va(0, Q);
    const out = [L(e, e.mnemonic, 'Vd.T, Vn.T, Vm.T', { Q }, reg(t, 'Rd'), reg(t, 'Rn'), reg(t, 'Rm'))];
    if (e.name === 'ORR_v') out.push(L(e, 'mov', 'Vd.T, Vn.T', { Q }, reg(t, 'Rd'), reg(t, ['Rn', 'Rm'])));
    return out;
  });

/** `op Vd.T, Vn.T` (and `, #0` for the compares with zero) */
const vec2 = (sizes: readonly number[], zero = ''): Gen => (e) =>
  sizeQ(sizes).map(([size, Q]) => L(e, e.mnemonic, `Vd.T, Vn.T${zeroSyntax(zero)}`, { size, Q }, reg(va(size, Q), 'Rd'), reg(va(size, Q), 'Rn'), ...zeroSlot(zero)));

/** Bytes only, under the table's name and others (NOT is also `mvn`) */
const bytes2 = (...aliases: string[]): Gen => (e) =>
  [e.mnemonic, ...aliases].flatMap((m) => Q01.map((Q) => L(e, m, 'Vd.T, Vn.T', { Q }, reg(va(0, Q), 'Rd'), reg(va(0, Q), 'Rn'))));

/** Pairwise long: `saddlp Vd.Ta, Vn.Tb` */
const pairwiseLong: Gen = (e) => sizeQ([0, 1, 2]).map(([size, Q]) => L(e, e.mnemonic, 'Vd.Ta, Vn.Tb', { size, Q }, reg(va(size + 1, Q), 'Rd'), reg(va(size, Q), 'Rn')));

/** Narrowing: `xtn Vd.Tb, Vn.Ta`, `xtn2` for the upper half */
const narrow2: Gen = (e) =>
  sizeQ([0, 1, 2]).map(([size, Q]) => L(e, e.mnemonic + (Q ? '2' : ''), 'Vd.Tb, Vn.Ta', { size, Q }, reg(va(size, Q), 'Rd'), reg(va(size + 1, 1), 'Rn')));

/** `shll{2} Vd.Ta, Vn.Tb, #esize` */
const shll: Gen = (e) =>
  sizeQ([0, 1, 2]).map(([size, Q]) =>
    L(e, e.mnemonic + (Q ? '2' : ''), 'Vd.Ta, Vn.Tb, #shift', { size, Q }, reg(va(size + 1, 1), 'Rd'), reg(va(size, Q), 'Rn'), lit(`#${8 << size}`)),
  );

/** Across lanes: `addv Bd, Vn.T`; `wide` gives the long forms (saddlv Hd, Vn.8b); no 2s */
const across = (wide: number): Gen => (e) =>
  sizeQ([0, 1, 2])
    .filter(([size, Q]) => size < 2 || Q)
    .map(([size, Q]) => L(e, e.mnemonic, 'Vd, Vn.T', { size, Q }, reg(el(size + wide), 'Rd'), reg(va(size, Q), 'Rn')));

/** Three different: L `Ta, Tb, Tb`, W `Ta, Ta, Tb`, N `Tb, Ta, Ta`; with the `2` suffix for Q */
const diff3 = (shape: 'L' | 'W' | 'N', sizes: readonly number[] = [0, 1, 2]): Gen => (e) =>
  sizes.flatMap((size) =>
    Q01.map((Q) => {
      const a = va(size + 1, 1);
      const b = va(size, Q);
      const [d, n, m] = shape === 'L' ? [a, b, b] : shape === 'W' ? [a, a, b] : [b, a, a];
      const syntax = shape === 'L' ? 'Vd.Ta, Vn.Tb, Vm.Tb' : shape === 'W' ? 'Vd.Ta, Vn.Ta, Vm.Tb' : 'Vd.Tb, Vn.Ta, Vm.Ta';
      return L(e, e.mnemonic + (Q ? '2' : ''), syntax, { size, Q }, reg(d, 'Rd'), reg(n, 'Rn'), reg(m, 'Rm'));
    }),
  );

/** `pmull{2} Vd.1q, Vn.1d|2d, Vm.1d|2d` (FEAT_PMULL) */
const pmull1q: Gen = (e) =>
  Q01.map((Q) => L(e, Q ? 'pmull2' : 'pmull', 'Vd.1Q, Vn.T, Vm.T', { Q }, reg('v.1q', 'Rd'), reg(va(3, Q), 'Rn'), reg(va(3, Q), 'Rm')));

// --------------------------------------------------------------------------------- integer scalar

/** `op Vd, Vn, Vm` with scalar registers of the size */
const sd3 = (sizes: readonly number[]): Gen => (e) =>
  sizes.map((size) => L(e, e.mnemonic, 'Vd, Vn, Vm', { size }, reg(el(size), 'Rd'), reg(el(size), 'Rn'), reg(el(size), 'Rm')));

const sd2 = (sizes: readonly number[], zero = ''): Gen => (e) =>
  sizes.map((size) => L(e, e.mnemonic, `Vd, Vn${zeroSyntax(zero)}`, { size }, reg(el(size), 'Rd'), reg(el(size), 'Rn'), ...zeroSlot(zero)));

/** `addp Dd, Vn.2d` */
const addpSd: Gen = (e) => [L(e, e.mnemonic, 'Dd, Vn.2D', { size: 3 }, reg('d', 'Rd'), reg('v.2d', 'Rn'))];

/** Scalar narrowing: `sqxtn Bd, Hn` */
const sdNarrow: Gen = (e) => [0, 1, 2].map((size) => L(e, e.mnemonic, 'Vd, Vn (half the size)', { size }, reg(el(size), 'Rd'), reg(el(size + 1), 'Rn')));

/** Scalar long: `sqdmlal Sd, Hn, Hm` */
const sdLong: Gen = (e) =>
  [1, 2].map((size) => L(e, e.mnemonic, 'Vd, Vn, Vm (half the size)', { size }, reg(el(size + 1), 'Rd'), reg(el(size), 'Rn'), reg(el(size), 'Rm')));

// -------------------------------------------------------------------------------- floating point

/** sz:Q pairs with an FP arrangement */
const FP_SZQ: readonly [number, number, string][] = [
  [0, 0, 'v.2s'],
  [0, 1, 'v.4s'],
  [1, 1, 'v.2d'],
];

const fvec3: Gen = (e) => FP_SZQ.map(([sz, Q, t]) => L(e, e.mnemonic, 'Vd.T, Vn.T, Vm.T', { sz, Q }, reg(t, 'Rd'), reg(t, 'Rn'), reg(t, 'Rm')));
const fvec2 = (zero = ''): Gen => (e) =>
  FP_SZQ.map(([sz, Q, t]) => L(e, e.mnemonic, `Vd.T, Vn.T${zeroSyntax(zero)}`, { sz, Q }, reg(t, 'Rd'), reg(t, 'Rn'), ...zeroSlot(zero)));
/** URECPE, URSQRTE: 32-bit lanes only */
const uvec2: Gen = (e) => Q01.map((Q) => L(e, e.mnemonic, 'Vd.T, Vn.T', { sz: 0, Q }, reg(fpArr(0, Q)!, 'Rd'), reg(fpArr(0, Q)!, 'Rn')));

const fsd3: Gen = (e) => [0, 1].map((sz) => L(e, e.mnemonic, 'Vd, Vn, Vm', { sz }, reg(el(2 + sz), 'Rd'), reg(el(2 + sz), 'Rn'), reg(el(2 + sz), 'Rm')));
const fsd2 = (zero = ''): Gen => (e) =>
  [0, 1].map((sz) => L(e, e.mnemonic, `Vd, Vn${zeroSyntax(zero)}`, { sz }, reg(el(2 + sz), 'Rd'), reg(el(2 + sz), 'Rn'), ...zeroSlot(zero)));

/** Scalar pairwise: `faddp Sd, Vn.2s` / `faddp Dd, Vn.2d` */
const fpairwise: Gen = (e) => [0, 1].map((sz) => L(e, e.mnemonic, 'Vd, Vn.T', { sz }, reg(el(2 + sz), 'Rd'), reg(sz ? 'v.2d' : 'v.2s', 'Rn')));

/** FP across lanes: single precision, four lanes */
const facross: Gen = (e) => [L(e, e.mnemonic, 'Sd, Vn.4S', { sz: 0, Q: 1 }, reg('s', 'Rd'), reg('v.4s', 'Rn'))];

/** The narrow and wide arrangements of fcvtn/fcvtl by sz:Q */
const cvtArr = (sz: number, Q: number): [string, string] => (sz ? [fpArr(0, Q)!, 'v.2d'] : [hArr(Q), 'v.4s']);

const fcvtn: Gen = (e) =>
  [0, 1].flatMap((sz) => Q01.map((Q) => L(e, Q ? 'fcvtn2' : 'fcvtn', 'Vd.Tb, Vn.Ta', { sz, Q }, reg(cvtArr(sz, Q)[0], 'Rd'), reg(cvtArr(sz, Q)[1], 'Rn'))));
const fcvtl: Gen = (e) =>
  [0, 1].flatMap((sz) => Q01.map((Q) => L(e, Q ? 'fcvtl2' : 'fcvtl', 'Vd.Ta, Vn.Tb', { sz, Q }, reg(cvtArr(sz, Q)[1], 'Rd'), reg(cvtArr(sz, Q)[0], 'Rn'))));
const fcvtxn: Gen = (e) => Q01.map((Q) => L(e, Q ? 'fcvtxn2' : 'fcvtxn', 'Vd.Tb, Vn.2D', { sz: 1, Q }, reg(fpArr(0, Q)!, 'Rd'), reg('v.2d', 'Rn')));
const fcvtxnSd: Gen = (e) => [L(e, 'fcvtxn', 'Sd, Dn', { sz: 1 }, reg('s', 'Rd'), reg('d', 'Rn'))];

// -------------------------------------------------------------------------------- half precision

const hvec3: Gen = (e) => Q01.map((Q) => L(e, e.mnemonic, 'Vd.T, Vn.T, Vm.T', { Q }, reg(hArr(Q), 'Rd'), reg(hArr(Q), 'Rn'), reg(hArr(Q), 'Rm')));
const hvec2 = (zero = ''): Gen => (e) =>
  Q01.map((Q) => L(e, e.mnemonic, `Vd.T, Vn.T${zeroSyntax(zero)}`, { Q }, reg(hArr(Q), 'Rd'), reg(hArr(Q), 'Rn'), ...zeroSlot(zero)));
const hsd3: Gen = (e) => [L(e, e.mnemonic, 'Vd, Vn, Vm', {}, reg('h', 'Rd'), reg('h', 'Rn'), reg('h', 'Rm'))];
const hsd2 = (zero = ''): Gen => (e) => [L(e, e.mnemonic, `Vd, Vn${zeroSyntax(zero)}`, {}, reg('h', 'Rd'), reg('h', 'Rn'), ...zeroSlot(zero))];
const hacross: Gen = (e) => Q01.map((Q) => L(e, e.mnemonic, 'Hd, Vn.T', { Q }, reg('h', 'Rd'), reg(hArr(Q), 'Rn')));
const hpairwise: Gen = (e) => [L(e, e.mnemonic, 'Vd, Vn.T', {}, reg('h', 'Rd'), reg('v.2h', 'Rn'))];

// ------------------------------------------------------------------------------ dot product, FHM

const dot: Gen = (e) =>
  Q01.map((Q) => L(e, e.mnemonic, 'Vd.Ta, Vn.Tb, Vm.Tb', { size: 2, Q }, reg(fpArr(0, Q)!, 'Rd'), reg(va(0, Q), 'Rn'), reg(va(0, Q), 'Rm')));
const fhm: Gen = (e) =>
  Q01.map((Q) => L(e, e.mnemonic, 'Vd.Ta, Vn.Tb, Vm.Tb', { Q }, reg(fpArr(0, Q)!, 'Rd'), reg(Q ? 'v.4h' : 'v.2h', 'Rn'), reg(Q ? 'v.4h' : 'v.2h', 'Rm')));

// ------------------------------------------------------------------------------------- families

const FAMILIES: readonly [Gen, string][] = [
  // three same
  [vec3([0, 1, 2]), 'SHADD_v UHADD_v SRHADD_v URHADD_v SHSUB_v UHSUB_v SMAX_v UMAX_v SMIN_v UMIN_v SABD_v UABD_v SABA_v UABA_v'],
  [vec3([0, 1, 2]), 'MLA_v MLS_v MUL_v SMAXP_v UMAXP_v SMINP_v UMINP_v'],
  [vec3([0, 1, 2, 3]), 'SQADD_v UQADD_v SQSUB_v UQSUB_v CMGT_v CMHI_v CMGE_v CMHS_v SSHL_v USHL_v SQSHL_v UQSHL_v'],
  [vec3([0, 1, 2, 3]), 'SRSHL_v URSHL_v SQRSHL_v UQRSHL_v ADD_v SUB_v CMTST_v CMEQ_v ADDP_v'],
  [vec3([1, 2]), 'SQDMULH_v SQRDMULH_v SQRDMLAH_v SQRDMLSH_v'],
  [vec3([0]), 'PMUL_v'],
  [logic3, 'AND_v BIC_v ORR_v ORN_v EOR_v BSL_v BIT_v BIF_v'],
  // scalar three same
  [sd3([0, 1, 2, 3]), 'SQADD_sd UQADD_sd SQSUB_sd UQSUB_sd SQSHL_sd UQSHL_sd SQRSHL_sd UQRSHL_sd'],
  [sd3([3]), 'CMGT_sd CMHI_sd CMGE_sd CMHS_sd SSHL_sd USHL_sd SRSHL_sd URSHL_sd ADD_sd SUB_sd CMTST_sd CMEQ_sd'],
  [sd3([1, 2]), 'SQDMULH_sd SQRDMULH_sd SQRDMLAH_sd SQRDMLSH_sd'],
  [addpSd, 'ADDP_sd'],
  // two-register miscellaneous
  [vec2([0, 1, 2]), 'REV64_v'],
  [vec2([0, 1]), 'REV32_v'],
  [vec2([0]), 'REV16_v CNT_v'],
  [pairwiseLong, 'SADDLP_v UADDLP_v SADALP_v UADALP_v'],
  [vec2([0, 1, 2, 3]), 'SUQADD_v USQADD_v SQABS_v SQNEG_v ABS_v NEG_v'],
  [vec2([0, 1, 2]), 'CLS_v CLZ_v'],
  [vec2([0, 1, 2, 3], ZERO_INT), 'CMGT_zero_v CMGE_zero_v CMEQ_zero_v CMLE_zero_v CMLT_zero_v'],
  [narrow2, 'XTN_v SQXTUN_v SQXTN_v UQXTN_v'],
  [shll, 'SHLL_v'],
  [bytes2('mvn'), 'NOT_v'],
  [bytes2(), 'RBIT_v'],
  [sd2([0, 1, 2, 3]), 'SUQADD_sd USQADD_sd SQABS_sd SQNEG_sd'],
  [sd2([3], ZERO_INT), 'CMGT_zero_sd CMGE_zero_sd CMEQ_zero_sd CMLE_zero_sd CMLT_zero_sd'],
  [sd2([3]), 'ABS_sd NEG_sd'],
  [sdNarrow, 'SQXTUN_sd SQXTN_sd UQXTN_sd'],
  // across lanes
  [across(1), 'SADDLV UADDLV'],
  [across(0), 'SMAXV UMAXV SMINV UMINV ADDV'],
  // three different
  [diff3('L'), 'SADDL UADDL SSUBL USUBL SABAL UABAL SABDL UABDL SMLAL UMLAL SMLSL UMLSL SMULL UMULL'],
  [diff3('L', [1, 2]), 'SQDMLAL SQDMLSL SQDMULL'],
  [diff3('L', [0]), 'PMULL'],
  [pmull1q, 'PMULL_1q'],
  [diff3('W'), 'SADDW UADDW SSUBW USUBW'],
  [diff3('N'), 'ADDHN RADDHN SUBHN RSUBHN'],
  [sdLong, 'SQDMLAL_sd SQDMLSL_sd SQDMULL_sd'],
  // floating point
  [fvec3, 'FMAXNM_v FMLA_v FADD_v FMULX_v FCMEQ_v FMAX_v FRECPS_v FMINNM_v FMLS_v FSUB_v FMIN_v FRSQRTS_v'],
  [fvec3, 'FMAXNMP_v FADDP_v FMUL_v FCMGE_v FACGE_v FMAXP_v FDIV_v FMINNMP_v FABD_v FCMGT_v FACGT_v FMINP_v'],
  [fsd3, 'FMULX_sd FCMEQ_sd FRECPS_sd FRSQRTS_sd FCMGE_sd FACGE_sd FABD_sd FCMGT_sd FACGT_sd'],
  [fpairwise, 'FMAXNMP_sd FADDP_sd FMAXP_sd FMINNMP_sd FMINP_sd'],
  [facross, 'FMAXNMV FMAXV FMINNMV FMINV'],
  [fcvtn, 'FCVTN_v'],
  [fcvtl, 'FCVTL_v'],
  [fcvtxn, 'FCVTXN_v'],
  [fcvtxnSd, 'FCVTXN_sd'],
  [fvec2(), 'FRINTN_v FRINTM_v FCVTNS_v FCVTMS_v FCVTAS_v SCVTF_v FABS_v FRINTP_v FRINTZ_v FCVTPS_v FCVTZS_v FRECPE_v'],
  [fvec2(), 'FRINTA_v FRINTX_v FCVTNU_v FCVTMU_v FCVTAU_v UCVTF_v FNEG_v FRINTI_v FCVTPU_v FCVTZU_v FRSQRTE_v FSQRT_v'],
  [fvec2(), 'FRINT32Z_v FRINT32X_v FRINT64Z_v FRINT64X_v'],
  [fvec2(ZERO_FP), 'FCMGT_zero_v FCMEQ_zero_v FCMLT_zero_v FCMGE_zero_v FCMLE_zero_v'],
  [uvec2, 'URECPE_v URSQRTE_v'],
  [fsd2(), 'FCVTNS_sd FCVTMS_sd FCVTAS_sd SCVTF_sd FCVTPS_sd FCVTZS_sd FRECPE_sd FRECPX_sd'],
  [fsd2(), 'FCVTNU_sd FCVTMU_sd FCVTAU_sd UCVTF_sd FCVTPU_sd FCVTZU_sd FRSQRTE_sd'],
  [fsd2(ZERO_FP), 'FCMGT_zero_sd FCMEQ_zero_sd FCMLT_zero_sd FCMGE_zero_sd FCMLE_zero_sd'],
  // half precision
  [hvec3, 'FMAXNM_h FMLA_h FADD_h FMULX_h FCMEQ_h FMAX_h FRECPS_h FMINNM_h FMLS_h FSUB_h FMIN_h FRSQRTS_h'],
  [hvec3, 'FMAXNMP_h FADDP_h FMUL_h FCMGE_h FACGE_h FMAXP_h FDIV_h FMINNMP_h FABD_h FCMGT_h FACGT_h FMINP_h'],
  [hsd3, 'FMULX_hsd FCMEQ_hsd FRECPS_hsd FRSQRTS_hsd FCMGE_hsd FACGE_hsd FABD_hsd FCMGT_hsd FACGT_hsd'],
  [hvec2(), 'FRINTN_h FRINTM_h FCVTNS_h FCVTMS_h FCVTAS_h SCVTF_h FABS_h FRINTP_h FRINTZ_h FCVTPS_h FCVTZS_h FRECPE_h'],
  [hvec2(), 'FRINTA_h FRINTX_h FCVTNU_h FCVTMU_h FCVTAU_h UCVTF_h FNEG_h FRINTI_h FCVTPU_h FCVTZU_h FRSQRTE_h FSQRT_h'],
  [hvec2(ZERO_FP), 'FCMGT_zero_h FCMEQ_zero_h FCMLT_zero_h FCMGE_zero_h FCMLE_zero_h'],
  [hsd2(), 'FCVTNS_hsd FCVTMS_hsd FCVTAS_hsd SCVTF_hsd FCVTPS_hsd FCVTZS_hsd FRECPE_hsd FCVTNU_hsd FCVTMU_hsd'],
  [hsd2(), 'FCVTAU_hsd UCVTF_hsd FCVTPU_hsd FCVTZU_hsd FRSQRTE_hsd FRECPX_hsd'],
  [hsd2(ZERO_FP), 'FCMGT_zero_hsd FCMEQ_zero_hsd FCMLT_zero_hsd FCMGE_zero_hsd FCMLE_zero_hsd'],
  [hacross, 'FMAXNMV_h FMAXV_h FMINNMV_h FMINV_h'],
  [hpairwise, 'FMAXNMP_hsd FADDP_hsd FMAXP_hsd FMINNMP_hsd FMINP_hsd'],
  // dot product, FHM
  [dot, 'SDOT_v UDOT_v'],
  [fhm, 'FMLAL_v FMLSL_v FMLAL2_v FMLSL2_v'],
];

/** The table entries these encoders cover (for tests). */
export const simdArithEntries: readonly string[] = FAMILIES.flatMap(([, names]) => names.split(' '));

export const simdArithForms: FormTable = layoutForms(FAMILIES.flatMap(([gen, names]) => names.split(' ').flatMap((n) => gen(entry(n)))));
