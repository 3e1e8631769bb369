/** Live speed: instructions per second over a sliding window of recent samples. */
export class SpeedMeter {
  private times: number[] = [];
  private counts: number[] = [];

  constructor(private readonly windowMs = 1000) {}

  /** Forgets the past (a pause must not count as slow running). */
  reset(): void {
    this.times.length = 0;
    this.counts.length = 0;
  }

  /** Records that `count` instructions had retired at time `ms`. */
  sample(ms: number, count: number): void {
    this.times.push(ms);
    this.counts.push(count);
    // keep one sample at or before the window's start, so the window stays full
    let drop = 0;
    while (drop + 1 < this.times.length && this.times[drop + 1]! <= ms - this.windowMs) drop++;
    if (drop) {
      this.times.splice(0, drop);
      this.counts.splice(0, drop);
    }
  }

  /** Millions of instructions per second across the window (0 with less than two samples). */
  get mips(): number {
    const n = this.times.length;
    if (n < 2) return 0;
    const dt = this.times[n - 1]! - this.times[0]!;
    if (dt <= 0) return 0;
    return (this.counts[n - 1]! - this.counts[0]!) / dt / 1000;
  }
}
