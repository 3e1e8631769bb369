/**
 * timerfd(2): a timer whose expirations are read as a 64-bit count. Expirations are worked out
 * lazily from the clock whenever the timer is looked at (read, poll, gettime), the way Linux's
 * hrtimer_forward counts overruns: a periodic timer that is late by d has expired 1 + floor(d /
 * interval) times and next fires on its original grid.
 */
import { EAGAIN, EFAULT, EINVAL, ENOTTY } from '../linux/errno.js';
import { type FileHandle, type IoctlMemory, POLLIN, POLLRDNORM, type Stat } from './types.js';
import { AnonInodeFile, WaitQueue } from './waitq.js';

export const TFD_TIMER_ABSTIME = 1;
export const TFD_TIMER_CANCEL_ON_SET = 2;
/** _IOW('T', 0, u64) */
export const TFD_IOC_SET_TICKS = 0x40085400;

export interface TimerClock {
  /** the timer's own clock (CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME...), ns */
  now(): number;
  /** the kernel's monotonic clock, ns (what blocked calls take deadlines in) */
  monotonicNs(): number;
}

export interface ITimerSpec {
  /** ns; 0 for a one-shot timer */
  interval: number;
  /** ns until (or, with TFD_TIMER_ABSTIME, the clock time of) the first expiration; 0 disarms */
  value: number;
}

export class TimerFd extends AnonInodeFile implements FileHandle {
  readonly path = 'anon_inode:[timerfd]';
  readonly waitq = new WaitQueue();
  /** clock time of the next expiration, or null when disarmed */
  private expiry: number | null = null;
  private interval = 0;
  /** expirations not yet read */
  private ticks = 0;

  constructor(
    private readonly clock: TimerClock,
    /** which clock, for /proc fdinfo and tests */
    readonly clockId: number,
  ) {
    super();
  }

  /** Counts expirations up to now. */
  private advance(): void {
    if (this.expiry === null) return;
    const now = this.clock.now();
    if (now < this.expiry) return;
    if (this.interval > 0) {
      const k = Math.floor((now - this.expiry) / this.interval) + 1;
      this.ticks += k;
      this.expiry += k * this.interval;
    } else {
      this.ticks += 1;
      this.expiry = null;
    }
    this.waitq.wake(POLLIN);
  }

  /** timerfd_gettime: time to the next expiration (0 when disarmed) and the interval */
  get(): ITimerSpec {
    this.advance();
    const value = this.expiry === null ? 0 : Math.max(0, this.expiry - this.clock.now());
    return { interval: this.interval, value };
  }

  /** timerfd_settime: (re)arms or disarms; unread expirations are dropped. Returns the old setting. */
  set(flags: number, spec: ITimerSpec): ITimerSpec {
    const old = this.get();
    this.ticks = 0;
    this.interval = spec.interval;
    if (spec.value === 0) this.expiry = null;
    else this.expiry = flags & TFD_TIMER_ABSTIME ? spec.value : this.clock.now() + spec.value;
    return old;
  }

  read(buf: Uint8Array): number {
    if (buf.length < 8) return -EINVAL;
    this.advance();
    if (this.ticks === 0) return -EAGAIN;
    const dv = new DataView(buf.buffer, buf.byteOffset, 8);
    dv.setUint32(0, this.ticks % 4294967296, true);
    dv.setUint32(4, Math.floor(this.ticks / 4294967296), true);
    this.ticks = 0;
    return 8;
  }

  write(): number {
    return -EINVAL;
  }

  poll(): number {
    this.advance();
    return this.ticks > 0 ? POLLIN | POLLRDNORM : 0;
  }

  /** The monotonic time at which a read stops blocking (now if it would not block; Infinity if never). */
  readyAtNs(): number {
    this.advance();
    const mono = this.clock.monotonicNs();
    if (this.ticks > 0) return mono;
    if (this.expiry === null) return Infinity;
    return mono + (this.expiry - this.clock.now());
  }

  ioctl(req: number, arg: number, io: IoctlMemory): number {
    if (req !== TFD_IOC_SET_TICKS) return -ENOTTY;
    const raw = io.read(arg, 8);
    if (!raw) return -EFAULT;
    const dv = new DataView(raw.buffer, raw.byteOffset, 8);
    const v = dv.getUint32(4, true) * 4294967296 + dv.getUint32(0, true);
    if (v === 0) return -EINVAL;
    this.advance();
    this.ticks = v;
    this.waitq.wake(POLLIN);
    return 0;
  }

  close(): void {
    this.expiry = null;
  }
}
