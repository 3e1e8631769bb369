import { describe, expect, it } from 'vitest';
import { EINVAL, EPERM } from '../linux/errno.js';
import {
  F_SEAL_EXEC, F_SEAL_FUTURE_WRITE, F_SEAL_GROW, F_SEAL_SEAL, F_SEAL_SHRINK, F_SEAL_WRITE, MemFd, MemFdStore,
  MFD_ALLOW_SEALING, MFD_NOEXEC_SEAL,
} from './memfd.js';
import type { Stat } from './types.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const store = new MemFdStore(() => 42e9);
const make = (flags = 0, name = 'buf') => store.create(name, flags) as MemFd;
const stat = (m: MemFd) => m.stat() as Stat;

describe('memfd', () => {
  it('is an unlinked 0777 regular file named /memfd:NAME (deleted)', () => {
    const m = make(0, 'hello world');
    expect(m.path).toBe('/memfd:hello world (deleted)');
    expect(stat(m).mode).toBe(0o100777);
    expect(stat(m).nlink).toBe(0);
    expect(m.seekable).toBe(true);
  });

  it('reads and writes at positions, grows and shrinks', () => {
    const m = make();
    expect(m.write(bytes('0123456789'), 0)).toBe(10);
    const b = new Uint8Array(4);
    expect(m.read(b, 2)).toBe(4);
    expect(new TextDecoder().decode(b)).toBe('2345');
    expect(m.truncate(8192)).toBe(0);
    expect(stat(m).size).toBe(8192);
    expect(m.truncate(3)).toBe(0);
    expect(stat(m).size).toBe(3);
  });

  it('without MFD_ALLOW_SEALING it is sealed against sealing', () => {
    const m = make();
    expect(m.getSeals()).toBe(F_SEAL_SEAL);
    expect(m.addSeals(F_SEAL_GROW)).toBe(-EPERM);
  });

  it('F_SEAL_SHRINK and F_SEAL_GROW fix the size; writes inside still work', () => {
    const m = make(MFD_ALLOW_SEALING);
    expect(m.getSeals()).toBe(0);
    m.write(bytes('abcd'), 0);
    expect(m.addSeals(F_SEAL_SHRINK | F_SEAL_GROW)).toBe(0);
    expect(m.truncate(2)).toBe(-EPERM);
    expect(m.truncate(8)).toBe(-EPERM);
    expect(m.truncate(4)).toBe(0);
    expect(m.write(bytes('xy'), 1)).toBe(2);
    expect(m.write(bytes('xyz'), 3)).toBe(-EPERM); // all in one page that would grow
  });

  it('F_SEAL_GROW: a write across pages keeps the pages below the size', () => {
    const m = make(MFD_ALLOW_SEALING);
    m.truncate(4096 + 10);
    m.addSeals(F_SEAL_GROW);
    expect(m.write(new Uint8Array(5000), 100)).toBe(3996);
  });

  it('F_SEAL_WRITE and F_SEAL_FUTURE_WRITE stop writes; F_SEAL_SEAL stops more seals; unknown bits are EINVAL', () => {
    const m = make(MFD_ALLOW_SEALING);
    expect(m.addSeals(0x1000)).toBe(-EINVAL);
    expect(m.addSeals(F_SEAL_WRITE | F_SEAL_SEAL)).toBe(0);
    expect(m.write(bytes('q'), 0)).toBe(-EPERM);
    expect(m.addSeals(F_SEAL_GROW)).toBe(-EPERM);
    expect(m.getSeals()).toBe(F_SEAL_WRITE | F_SEAL_SEAL);
    const f = make(MFD_ALLOW_SEALING);
    f.addSeals(F_SEAL_FUTURE_WRITE);
    expect(f.write(bytes('q'), 0)).toBe(-EPERM);
  });

  it('MFD_NOEXEC_SEAL: mode 0666, F_SEAL_EXEC, and sealing stays possible', () => {
    const m = make(MFD_NOEXEC_SEAL);
    expect(stat(m).mode).toBe(0o100666);
    expect(m.getSeals()).toBe(F_SEAL_EXEC);
    expect(m.chmod(0o777)).toBe(-EPERM);
    expect(m.chmod(0o644)).toBe(0);
  });

  it('F_SEAL_EXEC on an executable memfd also freezes it', () => {
    const m = make(MFD_ALLOW_SEALING);
    expect(m.addSeals(F_SEAL_EXEC)).toBe(0);
    expect(m.getSeals()).toBe(F_SEAL_EXEC | F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_FUTURE_WRITE);
  });

  it('fchmod changes the mode shown', () => {
    const m = make();
    expect(m.chmod(0o600)).toBe(0);
    expect(stat(m).mode).toBe(0o100600);
  });
});
