// AT_HWCAP/AT_HWCAP2 bits and /proc/cpuinfo names, with Linux's bit numbers
// (arch/arm64/include/uapi/asm/hwcap.h) and its cpuinfo order (HWCAP bit order, then HWCAP2).
import { describe, expect, it } from 'vitest';
import { featureNames, hwcaps } from './features.js';

const HWCAP: Record<string, number> = {
  fp: 0, asimd: 1, aes: 3, pmull: 4, sha1: 5, sha2: 6, crc32: 7, atomics: 8, fphp: 9, asimdhp: 10,
  asimdrdm: 12, jscvt: 13, lrcpc: 15, sha3: 17, asimddp: 20, sha512: 21, asimdfhm: 23, flagm: 27,
};
const HWCAP2: Record<string, number> = { flagm2: 7, frint: 8 };

describe('advertised CPU features', () => {
  it('lists every implemented extension, in Linux order', () => {
    expect(featureNames()).toEqual([
      'fp', 'asimd', 'aes', 'pmull', 'sha1', 'sha2', 'crc32', 'atomics', 'fphp', 'asimdhp', 'asimdrdm', 'jscvt',
      'lrcpc', 'sha3', 'asimddp', 'sha512', 'asimdfhm', 'flagm', 'flagm2', 'frint',
    ]);
  });

  it('sets exactly the matching AT_HWCAP and AT_HWCAP2 bits', () => {
    const [hwcap, hwcap2] = hwcaps();
    let want1 = 0;
    let want2 = 0;
    for (const n of featureNames()) {
      if (n in HWCAP) want1 |= 1 << HWCAP[n]!;
      else want2 |= 1 << HWCAP2[n]!;
    }
    expect(hwcap).toBe(want1 >>> 0);
    expect(hwcap2).toBe(want2 >>> 0);
    expect(hwcap2).toBe((1 << 7) | (1 << 8));
  });

  it('advertises fphp and asimdhp together', () => {
    const names = featureNames();
    expect(names.includes('fphp')).toBe(names.includes('asimdhp'));
  });
});
