import { describe, expect, it } from 'vitest';
import { EAGAIN, EINVAL } from '../linux/errno.js';
import { TFD_IOC_SET_TICKS, TFD_TIMER_ABSTIME, TimerFd } from './timerfd.js';
import { POLLIN, POLLRDNORM } from './types.js';

const MS = 1e6;

function setup(start = 1000 * MS) {
  const clock = { t: start, now: () => clock.t, monotonicNs: () => clock.t + 5 };
  return { clock, t: new TimerFd(clock, 1) };
}

function ticks(t: TimerFd): number {
  const b = new Uint8Array(8);
  const n = t.read(b);
  return n < 0 ? n : Number(new DataView(b.buffer).getBigUint64(0, true));
}

describe('timerfd', () => {
  it('a one-shot timer expires once', () => {
    const { clock, t } = setup();
    t.set(0, { interval: 0, value: 50 * MS });
    expect(ticks(t)).toBe(-EAGAIN);
    expect(t.poll()).toBe(0);
    clock.t += 49 * MS;
    expect(t.get()).toEqual({ interval: 0, value: 1 * MS });
    clock.t += 1 * MS;
    expect(t.poll()).toBe(POLLIN | POLLRDNORM);
    expect(t.get()).toEqual({ interval: 0, value: 0 });
    expect(ticks(t)).toBe(1);
    clock.t += 1000 * MS;
    expect(ticks(t)).toBe(-EAGAIN);
  });

  it('a periodic timer counts overruns and stays on its grid', () => {
    const { clock, t } = setup();
    t.set(0, { interval: 10 * MS, value: 5 * MS });
    clock.t += 37 * MS; // expired at 5, 15, 25, 35
    expect(ticks(t)).toBe(4);
    expect(t.get()).toEqual({ interval: 10 * MS, value: 8 * MS });
    clock.t += 8 * MS; // exactly at 45
    expect(ticks(t)).toBe(1);
  });

  it('TFD_TIMER_ABSTIME takes a clock time; a past one fires at once', () => {
    const { clock, t } = setup();
    t.set(TFD_TIMER_ABSTIME, { interval: 0, value: clock.t + 20 * MS });
    expect(t.get().value).toBe(20 * MS);
    t.set(TFD_TIMER_ABSTIME, { interval: 0, value: 1 });
    expect(ticks(t)).toBe(1);
  });

  it('settime returns the old setting, drops unread expirations; value 0 disarms but keeps the interval', () => {
    const { clock, t } = setup();
    t.set(0, { interval: 10 * MS, value: 10 * MS });
    clock.t += 25 * MS;
    const old = t.set(0, { interval: 3 * MS, value: 0 });
    expect(old).toEqual({ interval: 10 * MS, value: 5 * MS });
    expect(ticks(t)).toBe(-EAGAIN);
    expect(t.get()).toEqual({ interval: 3 * MS, value: 0 });
    expect(t.readyAtNs()).toBe(Infinity);
  });

  it('says when a blocked read will finish, in monotonic time', () => {
    const { clock, t } = setup();
    t.set(0, { interval: 0, value: 7 * MS });
    expect(t.readyAtNs()).toBe(clock.t + 5 + 7 * MS);
    clock.t += 8 * MS;
    expect(t.readyAtNs()).toBe(clock.t + 5);
  });

  it('needs an 8-byte buffer; write is EINVAL', () => {
    const { t } = setup();
    expect(t.read(new Uint8Array(4))).toBe(-EINVAL);
    expect(t.write()).toBe(-EINVAL);
    expect(t.path).toBe('anon_inode:[timerfd]');
  });

  it('TFD_IOC_SET_TICKS sets the count', () => {
    const { t } = setup();
    const mem = { read: () => Uint8Array.of(3, 0, 0, 0, 0, 0, 0, 0), write: () => true };
    expect(t.ioctl(TFD_IOC_SET_TICKS, 0, mem)).toBe(0);
    expect(ticks(t)).toBe(3);
    expect(t.ioctl(TFD_IOC_SET_TICKS, 0, { read: () => new Uint8Array(8), write: () => true })).toBe(-EINVAL);
  });

  it('wakes (for edge-triggered epoll) when it notices an expiration', () => {
    const { clock, t } = setup();
    t.set(0, { interval: 0, value: 1 * MS });
    const w = t.waitq.inWakes;
    t.poll();
    expect(t.waitq.inWakes).toBe(w);
    clock.t += 2 * MS;
    t.poll();
    expect(t.waitq.inWakes).toBe(w + 1);
  });
});
