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
      return lanes(4, (o) => fmtFloat(dv.getFloat32(o, true)));
    case 'f64':
      return lanes(8, (o) => fmtFloat(dv.getFloat64(o, true)));
  }
}

function fmtFloat(f: number): string {
  if (Number.isNaN(f)) return 'nan';
  if (!Number.isFinite(f)) return f > 0 ? 'inf' : '-inf';
  if (Object.is(f, -0)) return '-0';
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
