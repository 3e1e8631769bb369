import { describe, expect, it } from 'vitest';
import { EEXIST, EINVAL, ELOOP, ENOENT } from '../linux/errno.js';
import {
  Epoll, EPOLL_CTL_ADD, EPOLL_CTL_DEL, EPOLL_CTL_MOD, EPOLLERR, EPOLLET, EPOLLEXCLUSIVE, EPOLLHUP, EPOLLIN,
  EPOLLONESHOT, EPOLLOUT, EPOLLRDHUP, EPOLLRDNORM, type EpollTarget,
} from './epoll.js';
import { EventFd } from './eventfd.js';
import { Pipe, PipeReader, PipeWriter } from './pipe.js';
import { SOCK_STREAM, UnixSocket } from './socket.js';
import { TimerFd } from './timerfd.js';
import type { FileHandle } from './types.js';

/** An open file description as the kernel keeps one. */
class File implements EpollTarget {
  refs = 1;
  constructor(readonly handle: FileHandle) {}
}

const one = () => {
  const b = new Uint8Array(8);
  b[0] = 1;
  return b;
};

function pipe() {
  const p = new Pipe();
  return { r: new File(new PipeReader(p)), w: new File(new PipeWriter(p)) };
}

const datas = (evs: { dataLo: number }[]) => evs.map((e) => e.dataLo);

describe('epoll_ctl', () => {
  it('ADD, MOD and DEL follow Linux errors', () => {
    const ep = new Epoll();
    const { r } = pipe();
    expect(ep.ctl(EPOLL_CTL_MOD, 3, r, EPOLLIN)).toBe(-ENOENT);
    expect(ep.ctl(EPOLL_CTL_DEL, 3, r, 0)).toBe(-ENOENT);
    expect(ep.ctl(EPOLL_CTL_ADD, 3, r, EPOLLIN)).toBe(0);
    expect(ep.ctl(EPOLL_CTL_ADD, 3, r, EPOLLIN)).toBe(-EEXIST);
    expect(ep.ctl(EPOLL_CTL_ADD, 4, r, EPOLLIN)).toBe(0); // same file, another descriptor
    expect(ep.ctl(EPOLL_CTL_MOD, 3, r, EPOLLIN | EPOLLEXCLUSIVE)).toBe(-EINVAL);
    expect(ep.ctl(EPOLL_CTL_DEL, 3, r, 0)).toBe(0);
    expect(ep.size).toBe(1);
    expect(ep.ctl(9, 4, r, 0)).toBe(-EINVAL);
  });

  it('EPOLLEXCLUSIVE: only with in/out/err/hup/et bits, never on an epoll, and such items cannot be modified', () => {
    const ep = new Epoll();
    const { r, w } = pipe();
    expect(ep.ctl(EPOLL_CTL_ADD, 3, r, EPOLLIN | EPOLLRDNORM | EPOLLEXCLUSIVE)).toBe(-EINVAL);
    expect(ep.ctl(EPOLL_CTL_ADD, 3, r, EPOLLIN | EPOLLET | EPOLLEXCLUSIVE)).toBe(0);
    expect(ep.ctl(EPOLL_CTL_MOD, 3, r, EPOLLIN)).toBe(-EINVAL);
    expect(ep.ctl(EPOLL_CTL_ADD, 5, new File(new Epoll()), EPOLLIN | EPOLLEXCLUSIVE)).toBe(-EINVAL);
    (w.handle as PipeWriter).write(one());
    expect(ep.wait(8)).toEqual([{ events: EPOLLIN, dataLo: 0, dataHi: 0 }]);
  });

  it('refuses loops of nested epolls', () => {
    const a = new Epoll();
    const b = new Epoll();
    expect(a.ctl(EPOLL_CTL_ADD, 4, new File(b), EPOLLIN)).toBe(0);
    expect(b.ctl(EPOLL_CTL_ADD, 3, new File(a), EPOLLIN)).toBe(-ELOOP);
  });
});

describe('epoll_wait', () => {
  it('level-triggered items are reported while ready', () => {
    const ep = new Epoll();
    const { r, w } = pipe();
    ep.ctl(EPOLL_CTL_ADD, 3, r, EPOLLIN, 42, 7);
    expect(ep.wait(8)).toEqual([]);
    (w.handle as PipeWriter).write(one());
    expect(ep.wait(8)).toEqual([{ events: EPOLLIN, dataLo: 42, dataHi: 7 }]);
    expect(ep.wait(8)).toHaveLength(1);
    (r.handle as PipeReader).read(new Uint8Array(8));
    expect(ep.wait(8)).toEqual([]);
  });

  it('edge-triggered items are reported once per wake-up', () => {
    const ep = new Epoll();
    const { r, w } = pipe();
    const pw = w.handle as PipeWriter;
    pw.write(one());
    ep.ctl(EPOLL_CTL_ADD, 3, r, EPOLLIN | EPOLLET);
    expect(ep.wait(8)).toHaveLength(1); // ready when added
    expect(ep.wait(8)).toHaveLength(0);
    pw.write(one()); // not empty: still a new edge (the pipe was polled)
    expect(ep.wait(8)).toHaveLength(1);
    expect(ep.wait(8)).toHaveLength(0);
  });

  it('edge-triggered: a wake-up for the other direction does not report', () => {
    const ep = new Epoll();
    const [a, b] = UnixSocket.pair(SOCK_STREAM, { pid: 1, uid: 0, gid: 0 });
    b.sendStream(one(), null, b.cred, 0, false); // a has data
    a.sendStream(one(), null, a.cred, 0, false);
    ep.ctl(EPOLL_CTL_ADD, 3, new File(a), EPOLLIN | EPOLLET);
    expect(ep.wait(8)).toHaveLength(1);
    b.recvStream(8, 0); // b reads what a sent: a's write space grows (an EPOLLOUT wake-up)
    expect(ep.wait(8)).toHaveLength(0);
  });

  it('EPOLLONESHOT disables the item until EPOLL_CTL_MOD', () => {
    const ep = new Epoll();
    const e = new File(new EventFd(1, false));
    ep.ctl(EPOLL_CTL_ADD, 3, e, EPOLLIN | EPOLLONESHOT);
    expect(ep.wait(8)).toHaveLength(1);
    (e.handle as EventFd).write(one());
    expect(ep.wait(8)).toHaveLength(0);
    ep.ctl(EPOLL_CTL_MOD, 3, e, EPOLLIN | EPOLLONESHOT);
    expect(ep.wait(8)).toHaveLength(1);
  });

  it('reports EPOLLERR and EPOLLHUP whether asked or not', () => {
    const ep = new Epoll();
    const { r, w } = pipe();
    ep.ctl(EPOLL_CTL_ADD, 3, r, 0, 3);
    ep.ctl(EPOLL_CTL_ADD, 4, w, EPOLLOUT, 4);
    expect(datas(ep.wait(8))).toEqual([4]);
    r.refs = 0; // the read end is released: its item goes away
    r.handle.close();
    expect(ep.wait(8)).toEqual([{ events: EPOLLOUT | EPOLLERR, dataLo: 4, dataHi: 0 }]);
    expect(ep.size).toBe(1);
    const p2 = pipe();
    ep.ctl(EPOLL_CTL_ADD, 5, p2.r, 0);
    p2.w.handle.close();
    expect(ep.wait(8).find((x) => x.events === EPOLLHUP)).toBeTruthy();
  });

  it('EPOLLRDHUP when the peer shuts down writing', () => {
    const ep = new Epoll();
    const [a, b] = UnixSocket.pair(SOCK_STREAM, { pid: 1, uid: 0, gid: 0 });
    ep.ctl(EPOLL_CTL_ADD, 3, new File(a), EPOLLIN | EPOLLRDHUP);
    expect(ep.wait(8)).toHaveLength(0);
    b.shutdown(1);
    expect(ep.wait(8)).toEqual([{ events: EPOLLIN | EPOLLRDHUP, dataLo: 0, dataHi: 0 }]);
  });

  it('reports in wake-up order and round-robins level-triggered items past maxevents', () => {
    const ep = new Epoll();
    const fs = [0, 1, 2].map(() => new File(new EventFd(0, false)));
    fs.forEach((f, i) => ep.ctl(EPOLL_CTL_ADD, 10 + i, f, EPOLLIN, i));
    (fs[2]!.handle as EventFd).write(one());
    (fs[0]!.handle as EventFd).write(one());
    (fs[1]!.handle as EventFd).write(one());
    expect(datas(ep.wait(1))).toEqual([2]);
    expect(datas(ep.wait(1))).toEqual([0]);
    expect(datas(ep.wait(8))).toEqual([1, 2, 0]);
  });

  it('an epoll is readable when it has events to report, without consuming edges', () => {
    const outer = new Epoll();
    const inner = new Epoll();
    const { r, w } = pipe();
    inner.ctl(EPOLL_CTL_ADD, 3, r, EPOLLIN | EPOLLET);
    outer.ctl(EPOLL_CTL_ADD, 4, new File(inner), EPOLLIN);
    expect(inner.poll()).toBe(0);
    expect(outer.wait(8)).toHaveLength(0);
    (w.handle as PipeWriter).write(one());
    expect(inner.poll()).toBe(EPOLLIN | EPOLLRDNORM);
    expect(outer.wait(8)).toEqual([{ events: EPOLLIN, dataLo: 0, dataHi: 0 }]);
    expect(inner.wait(8)).toHaveLength(1);
    expect(inner.poll()).toBe(0);
  });

  it('notices timers and says when the next one fires', () => {
    const clock = { t: 0, now: () => clock.t, monotonicNs: () => clock.t };
    const t = new TimerFd(clock, 1);
    const ep = new Epoll();
    ep.ctl(EPOLL_CTL_ADD, 3, new File(t), EPOLLIN | EPOLLET);
    expect(ep.readyAtNs()).toBe(Infinity);
    t.set(0, { interval: 0, value: 1000 });
    expect(ep.readyAtNs()).toBe(1000);
    expect(ep.wait(8)).toHaveLength(0);
    clock.t = 1000;
    expect(ep.wait(8)).toHaveLength(1);
    expect(ep.wait(8)).toHaveLength(0);
  });
});
