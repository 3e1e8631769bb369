/** How the register view spells values: 64-bit hex strings, V registers as lanes. */

export type VFormat = 'hex' | 'i8' | 'i16' | 'i32' | 'i64' | 'f32' | 'f64';

export const V_FORMATS: { id: VFormat; label: string }[] = [
  { id: 'hex', label: 'hex' },
  { id: 'i8', label: '16×i8' },
  { id: 'i16', label: '8×i16' },
  { id: 'i32', label: '4×i32' },
  { id: 'i64', label: '2×i64' },
  { id: 'f32', label: '4×f32' },
  { id: 'f64', label: '2×f64' },
];

/** One V register (16 little-endian bytes) in the chosen format, highest lane first as gdb does for hex. */
export function formatV(bytes: Uint8Array, fmt: VFormat): string {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, 16);
  const lanes = (size: number, get: (o: number) => string) => {
    const out: string[] = [];
    for (let o = 0; o < 16; o += size) out.push(get(o));
    return '{' + out.join(', ') + '}';
  };
  switch (fmt) {
    case 'hex': {
      let s = '';
      for (let i = 15; i >= 0; i--) s += bytes[i]!.toString(16).padStart(2, '0');
      return '0x' + s;
    }
    case 'i8':
      return lanes(1, (o) => String(dv.getInt8(o)));
    case 'i16':
      return lanes(2, (o) => String(dv.getInt16(o, true)));
    case 'i32':
      return lanes(4, (o) => String(dv.getInt32(o, true)));
    case 'i64':
      return lanes(8, (o) => String(dv.getBigInt64(o, true)));
    case 'f32':
      return lanes(4, (o) => fmtFloat(dv.getFloat32(o, true), true));
    case 'f64':
      return lanes(8, (o) => fmtFloat(dv.getFloat64(o, true), false));
  }
}

/** The shortest decimal that reads back as the same float (single: as the same float32). */
function fmtFloat(f: number, single: boolean): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f > 0 ? 'inf' : '-inf';
  if (Object.is(f, -0)) return '-0';
  if (!single) return String(f);
  for (let p = 1; p < 9; p++) {
    const s = String(+f.toPrecision(p));
    if (Math.fround(Number(s)) === f) return s;
  }
  return String(+f.toPrecision(9));
}

/** `0000000000401000` as `0x0000000000401000`; decimal of a hex64 (signed) for tooltips. */
export function signedDecimal(hex64: string): string {
  return BigInt.asIntN(64, BigInt('0x' + hex64)).toString();
}

/** NZCV as flag letters: upper case when set ("nZCv"). */
export function flagsText(nzcv: number): string {
  return ['N', 'Z', 'C', 'V'].map((f, i) => ((nzcv >>> (31 - i)) & 1 ? f : f.toLowerCase())).join('');
}

const LANE_BYTES: Record<Exclude<VFormat, 'hex'>, number> = { i8: 1, i16: 2, i32: 4, i64: 8, f32: 4, f64: 8 };

/** One lane's text as its little-endian bytes, or an error message. */
function parseLane(text: string, fmt: Exclude<VFormat, 'hex'>): Uint8Array | string {
  const size = LANE_BYTES[fmt];
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  const t = text.trim().toLowerCase();
  if (fmt === 'f32' || fmt === 'f64') {
    const f = t === 'nan' ? NaN : t === 'inf' || t === '+inf' ? Infinity : t === '-inf' ? -Infinity : t === '' ? NaN : Number(t);
    if (Number.isNaN(f) && t !== 'nan') return `${text.trim() || '(empty)'} is not a number`;
    if (fmt === 'f32') dv.setFloat32(0, f, true);
    else dv.setFloat64(0, f, true);
    return out;
  }
  let v: bigint;
  try {
    if (!/^-?(0x[0-9a-f]+|\d+)$/.test(t)) throw new Error();
    v = t.startsWith('-') ? -BigInt(t.slice(1)) : BigInt(t);
  } catch {
    return `${text.trim() || '(empty)'} is not an integer`;
  }
  const bits = BigInt(size * 8);
  if (v < -(1n << (bits - 1n)) || v >= 1n << bits) return `${text.trim()} does not fit in ${size * 8} bits`;
  let u = BigInt.asUintN(size * 8, v);
  for (let i = 0; i < size; i++, u >>= 8n) out[i] = Number(u & 0xffn);
  return out;
}

/**
 * A V register typed in `fmt` (as formatV spells it: "0x…" for hex, "{a, b, …}" for lanes, the
 * braces optional) as its 16 bytes, or an error message. Lanes whose text is unchanged from
 * `old` keep their exact bits (a NaN's payload, say).
 */
export function parseV(text: string, fmt: VFormat, old?: Uint8Array): Uint8Array | string {
  const bytes = new Uint8Array(16);
  if (fmt === 'hex') {
    const t = text.trim().toLowerCase().replace(/_/g, '');
    if (!/^(0x[0-9a-f]{1,32}|\d+)$/.test(t)) return `${text.trim() || '(empty)'} is not a 128-bit number`;
    let u = BigInt(t);
    if (u >= 1n << 128n) return `${text.trim()} does not fit in 128 bits`;
    for (let i = 0; i < 16; i++, u >>= 8n) bytes[i] = Number(u & 0xffn);
    return bytes;
  }
  const size = LANE_BYTES[fmt];
  const lanes = text.trim().replace(/^\{/, '').replace(/\}$/, '').split(',');
  if (lanes.length !== 16 / size) return `${fmt} needs ${16 / size} lanes separated by commas, not ${lanes.length}`;
  const before = old ? formatV(old, fmt).slice(1, -1).split(', ') : [];
  for (let i = 0; i < lanes.length; i++) {
    if (old && lanes[i]!.trim() === before[i]) {
      bytes.set(old.subarray(i * size, (i + 1) * size), i * size);
      continue;
    }
    const lane = parseLane(lanes[i]!, fmt);
    if (typeof lane === 'string') return `lane ${i}: ${lane}`;
    bytes.set(lane, i * size);
  }
  return bytes;
}

/** 16 little-endian bytes as one 0x-prefixed 128-bit number (what the worker's setRegister takes). */
export function vValue(bytes: Uint8Array): string {
  let s = '';
  for (let i = 15; i >= 0; i--) s += bytes[i]!.toString(16).padStart(2, '0');
  return '0x' + s;
}

/** NZCV with one flag (0 = N … 3 = V) flipped. */
export const toggleFlag = (nzcv: number, flag: number): number => (nzcv ^ (1 << (31 - flag))) >>> 0;
