import { describe, expect, it } from 'vitest';
import { flagsText, formatV, signedDecimal } from './format';

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
