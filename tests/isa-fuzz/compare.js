// Comparing output records, and printing states for divergence reports.

import {
  IN_STATE, IN_WIN, OUT_ADDR, OUT_CODE, OUT_PC, OUT_SIG, OUT_SIZE, OUT_STATE, OUT_WIN, ST_FPCR, ST_FPSR, ST_NZCV,
  ST_SIZE, ST_SP, ST_V, ST_X, WIN_ADDR, WIN_SIZE,
} from './layout.js';

const hex = (v, digits) => v.toString(16).padStart(digits, '0');

function u64hex(b, off) {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return hex(dv.getUint32(off + 4, true), 8) + hex(dv.getUint32(off, true), 8);
}
function u32(b, off) {
  return new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(off, true);
}
function vhex(b, off) {
  let s = '';
  for (let i = 15; i >= 0; i--) s += hex(b[off + i], 2);
  return s;
}

/** True when two output records agree (si_code is not compared: see README). */
export function sameRecord(a, b) {
  for (let i = 0; i < OUT_SIZE; i++) if (a[i] !== b[i] && (i < OUT_CODE || i >= OUT_CODE + 4)) return false;
  return true;
}

/** An output record (ending at its first word) made from an input record's state and window. */
export function inputAsOutput(input) {
  const out = new Uint8Array(OUT_SIZE);
  out.set(input.subarray(IN_STATE, IN_STATE + ST_SIZE), OUT_STATE);
  out.set(input.subarray(IN_WIN, IN_WIN + WIN_SIZE), OUT_WIN);
  return out;
}

const FLAGS = (v) => ['N', 'Z', 'C', 'V'].map((f, i) => ((v >>> (31 - i)) & 1 ? f : '-')).join('');
const RMODES = ['RN', 'RP', 'RM', 'RZ'];
export function fpcrText(v) {
  const bits = [`${RMODES[(v >>> 22) & 3]}`];
  if (v & (1 << 24)) bits.push('FZ');
  if (v & (1 << 25)) bits.push('DN');
  if (v & (1 << 19)) bits.push('FZ16');
  if (v & (1 << 26)) bits.push('AHP');
  const other = v & ~0x07c80000;
  if (other) bits.push(`other 0x${hex(other >>> 0, 8)}`);
  return bits.join(' ');
}
export function fpsrText(v) {
  const names = [[27, 'QC'], [7, 'IDC'], [4, 'IXC'], [3, 'UFC'], [2, 'OFC'], [1, 'DZC'], [0, 'IOC']];
  const set = names.filter(([b]) => v & (1 << b)).map(([, n]) => n);
  if (v >>> 28) set.unshift(`NZCV=${FLAGS(v)}`);
  return set.length ? set.join(' ') : '-';
}

/** Named state items of an output record: [name, display value]. */
export function items(rec) {
  const s = OUT_STATE;
  const out = [];
  for (let r = 0; r < 31; r++) out.push([`x${r}`, u64hex(rec, s + ST_X + 8 * r)]);
  out.push(['sp', u64hex(rec, s + ST_SP)]);
  out.push(['nzcv', FLAGS(u32(rec, s + ST_NZCV))]);
  out.push(['fpcr', `${hex(u32(rec, s + ST_FPCR), 8)} (${fpcrText(u32(rec, s + ST_FPCR))})`]);
  out.push(['fpsr', `${hex(u32(rec, s + ST_FPSR), 8)} (${fpsrText(u32(rec, s + ST_FPSR))})`]);
  for (let v = 0; v < 32; v++) out.push([`v${v}`, vhex(rec, s + ST_V + 16 * v)]);
  return out;
}

export function endingText(rec) {
  const sig = new DataView(rec.buffer, rec.byteOffset).getInt32(OUT_SIG, true);
  const names = { 0: 'ran to the end', 4: 'SIGILL', 5: 'SIGTRAP', 7: 'SIGBUS', 8: 'SIGFPE', 11: 'SIGSEGV' };
  const what = names[sig] ?? `stop ${sig}`;
  return sig === 0 ? what : `${what} at pc 0x${u64hex(rec, OUT_PC).replace(/^0+/, '')} (si_addr 0x${u64hex(rec, OUT_ADDR).replace(/^0+(?=.)/, '')})`;
}

/** 16-byte rows of the window where the two records differ: offsets. */
export function windowDiffRows(a, b) {
  const rows = [];
  for (let r = 0; r < WIN_SIZE; r += 16) {
    for (let i = 0; i < 16; i++)
      if (a[OUT_WIN + r + i] !== b[OUT_WIN + r + i]) {
        rows.push(r);
        break;
      }
  }
  return rows;
}

function rowText(rec, r) {
  let s = '';
  for (let i = 0; i < 16; i++) s += hex(rec[OUT_WIN + r + i], 2) + (i === 7 ? '  ' : ' ');
  return s.trimEnd();
}

/** The names of the state items, the ending and window rows where `a` and `b` differ. */
export function differences(a, b) {
  const out = [];
  if (endingText(a) !== endingText(b)) out.push('ending');
  const ia = items(a);
  const ib = items(b);
  for (let k = 0; k < ia.length; k++) if (ia[k][1] !== ib[k][1]) out.push(ia[k][0]);
  for (const r of windowDiffRows(a, b)) out.push(`mem+0x${r.toString(16)}`);
  return out;
}

/** The state before an instruction, as text (registers in columns, no window). */
export function stateText(rec, indent = '    ') {
  const it = items(rec);
  const lines = [];
  for (let r = 0; r < 32; r += 4) lines.push(it.slice(r, r + 4).map(([n, v]) => `${n.padStart(4)} ${v}`).join('  '));
  lines.push(it.slice(32, 35).map(([n, v]) => `${n} ${v}`).join('  '));
  const vs = it.slice(35);
  for (let v = 0; v < 32; v += 2) lines.push(vs.slice(v, v + 2).map(([n, x]) => `${n.padStart(4)} ${x}`).join('  '));
  return lines.map((l) => indent + l).join('\n');
}

/**
 * Side-by-side final states: every item that differs (marked !) or that the instruction changed,
 * and the window rows that differ or changed.
 */
export function afterText(before, q, o, indent = '    ') {
  const ib = items(before);
  const iq = items(q);
  const io = items(o);
  const lines = [`${indent}  ${'ending:'.padEnd(6)} qemu: ${endingText(q)}; a64play: ${endingText(o)}`];
  const w = Math.max(...iq.map(([, v]) => v.length));
  lines.push(`${indent}  ${''.padEnd(6)} ${'qemu'.padEnd(w)}  a64play`);
  for (let k = 0; k < iq.length; k++) {
    const differ = iq[k][1] !== io[k][1];
    if (!differ && iq[k][1] === ib[k][1]) continue;
    lines.push(`${indent}${differ ? '!' : ' '} ${iq[k][0].padEnd(6)} ${iq[k][1].padEnd(w)}  ${differ ? io[k][1] : '(same)'}`);
  }
  const rows = new Set([...windowDiffRows(q, o), ...windowDiffRows(before, q), ...windowDiffRows(before, o)]);
  const qo = new Set(windowDiffRows(q, o));
  for (const r of [...rows].sort((x, y) => x - y)) {
    const addr = `0x${(WIN_ADDR + r).toString(16)}`;
    lines.push(`${indent}  mem ${addr} before   ${rowText(before, r)}`);
    lines.push(`${indent}${qo.has(r) ? '!' : ' '} mem ${addr} qemu     ${rowText(q, r)}`);
    lines.push(`${indent}${qo.has(r) ? '!' : ' '} mem ${addr} a64play  ${rowText(o, r)}`);
  }
  return lines.join('\n');
}
