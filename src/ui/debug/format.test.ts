import { describe, expect, it } from 'vitest';
import { flagsText, formatV, parseV, signedDecimal, toggleFlag, vValue } from './format';

describe('register formats', () => {
  const v = new Uint8Array(16);
  new DataView(v.buffer).setFloat32(0, 1.5, true);
  new DataView(v.buffer).setInt32(4, -2, true);
  it('spells V registers as hex and lanes', () => {
    expect(formatV(v, 'hex')).toBe('0x0000000000000000fffffffe3fc00000');
    expect(formatV(v, 'f32')).toBe('{1.5, nan, 0, 0}');
    expect(formatV(v, 'i32')).toBe('{1069547520, -2, 0, 0}');
    expect(formatV(v, 'i64')).toBe('{-7520387072, 0}');
  });
  it('flags and signed values', () => {
    expect(flagsText(0x60000000)).toBe('nZCv');
    expect(signedDecimal('ffffffffffffffff')).toBe('-1');
  });
});

describe('V registers typed in', () => {
  const bytesOf = (f: (dv: DataView) => void) => {
    const b = new Uint8Array(16);
    f(new DataView(b.buffer));
    return b;
  };
  it('reads hex and every lane format back to the same bytes', () => {
    const v = bytesOf((dv) => {
      dv.setFloat32(0, 1.5, true);
      dv.setInt32(4, -2, true);
      dv.setUint32(12, 0xdeadbeef, true);
    });
    for (const fmt of ['hex', 'i8', 'i16', 'i32', 'i64'] as const) expect(parseV(formatV(v, fmt), fmt), fmt).toEqual(v);
    // float lanes are spelled exactly (the shortest decimal that reads back the same)
    const f = bytesOf((dv) => {
      dv.setFloat32(0, 1.1, true);
      dv.setFloat32(4, 1 / 3, true);
      dv.setFloat32(8, 3.4028234663852886e38, true);
      dv.setFloat32(12, 1e-45, true);
    });
    expect(formatV(f, 'f32')).toBe('{1.1, 0.33333334, 3.4028235e+38, 1e-45}');
    expect(parseV(formatV(f, 'f32'), 'f32')).toEqual(f);
    const d = bytesOf((dv) => {
      dv.setFloat64(0, 0.1 + 0.2, true);
      dv.setFloat64(8, -1e300, true);
    });
    expect(formatV(d, 'f64')).toBe('{0.30000000000000004, -1e+300}');
    expect(parseV(formatV(d, 'f64'), 'f64')).toEqual(d);
    expect(vValue(v)).toBe(formatV(v, 'hex'));
  });
  it('float lanes, with or without braces', () => {
    expect(parseV('{1.5, -2, inf, nan}', 'f32')).toEqual(
      bytesOf((dv) => {
        dv.setFloat32(0, 1.5, true);
        dv.setFloat32(4, -2, true);
        dv.setFloat32(8, Infinity, true);
        dv.setFloat32(12, NaN, true);
      }),
    );
    expect(parseV('0.1, 2e3', 'f64')).toEqual(
      bytesOf((dv) => {
        dv.setFloat64(0, 0.1, true);
        dv.setFloat64(8, 2000, true);
      }),
    );
  });
  it('keeps the exact bits of lanes left as they were (a NaN payload)', () => {
    const old = bytesOf((dv) => dv.setUint32(0, 0x7fc01234, true));
    expect(formatV(old, 'f32')).toBe('{nan, 0, 0, 0}');
    const got = parseV('{nan, 0, 7, 0}', 'f32', old) as Uint8Array;
    expect(new DataView(got.buffer).getUint32(0, true)).toBe(0x7fc01234);
    expect(new DataView(got.buffer).getFloat32(8, true)).toBe(7);
  });
  it('says what is wrong', () => {
    expect(parseV('{1, 2}', 'i32')).toBe('i32 needs 4 lanes separated by commas, not 2');
    expect(parseV('{1, x, 3, 4}', 'i32')).toBe('lane 1: x is not an integer');
    expect(parseV('{256, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}', 'i8')).toBe('lane 0: 256 does not fit in 8 bits');
    expect(parseV('{-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255}', 'i8')).toEqual(bytesOf((dv) => {
      dv.setInt8(0, -1);
      dv.setUint8(15, 255);
    }));
    expect(parseV('0x1' + '0'.repeat(32), 'hex')).toBe('0x1' + '0'.repeat(32) + ' is not a 128-bit number');
    expect(parseV('{a, 1}', 'f64')).toBe('lane 0: a is not a number');
  });
  it('flags toggle one at a time', () => {
    expect(flagsText(toggleFlag(0x60000000, 0))).toBe('NZCv');
    expect(flagsText(toggleFlag(0x60000000, 1))).toBe('nzCv');
    expect(flagsText(toggleFlag(0, 3))).toBe('nzcV');
  });
});
