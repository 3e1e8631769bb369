import { describe, expect, it } from 'vitest';
import { SpeedMeter } from './speed.js';

describe('SpeedMeter', () => {
  it('measures over the last window only', () => {
    const m = new SpeedMeter(1000);
    expect(m.mips).toBe(0);
    m.sample(0, 0);
    m.sample(500, 50e6); // 100 MIPS
    expect(m.mips).toBeCloseTo(100);
    m.sample(1000, 100e6);
    m.sample(2000, 110e6); // the last second ran at 10 MIPS
    expect(m.mips).toBeCloseTo(10);
    m.reset();
    expect(m.mips).toBe(0);
  });
});
