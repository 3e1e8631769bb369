/**
 * A bare CPU over fresh guest memory for per-instruction tests: code at CODE, a read/write data
 * area at DATA, registers set and read as BigInt for readable assertions.
 */
import { Cpu } from '../../src/core/cpu/cpu.js';
import { STATE_BYTES } from '../../src/core/cpu/layout.js';
import type { StopReason } from '../../src/core/cpu/op.js';
import { GuestMemory, PROT_EXEC, PROT_READ, PROT_WRITE } from '../../src/core/memory/memory.js';

export const CODE = 0x10000;
export const DATA = 0x100000;
export const DATA_SIZE = 0x10000;

const M64 = (1n << 64n) - 1n;

export class TestMachine {
  readonly mem: GuestMemory;
  readonly cpu: Cpu;
  constructor(words: number[]) {
    const wasm = new WebAssembly.Memory({ initial: 64, maximum: 4096, shared: true });
    this.mem = new GuestMemory(wasm, STATE_BYTES * 4);
    this.cpu = new Cpu(this.mem, 0);
    this.mem.map(CODE, 0x10000, PROT_READ | PROT_EXEC);
    this.mem.map(DATA, DATA_SIZE, PROT_READ | PROT_WRITE);
    this.load(words);
  }
  load(words: number[], at = CODE): void {
    const bytes = new Uint8Array(words.length * 4);
    const dv = new DataView(bytes.buffer);
    words.forEach((w, i) => dv.setUint32(i * 4, w >>> 0, true));
    this.mem.write(at, bytes, true);
    this.cpu.pc = at;
  }
  x(n: number): bigint {
    const x = this.cpu.x;
    return (BigInt(x[n * 2 + 1]! >>> 0) << 32n) | BigInt(x[n * 2]! >>> 0);
  }
  w(n: number): number {
    return this.cpu.x[n * 2]! >>> 0;
  }
  setX(n: number, v: bigint | number): void {
    const b = BigInt.asUintN(64, BigInt(v)) & M64;
    this.cpu.x[n * 2] = Number(b & 0xffffffffn) | 0;
    this.cpu.x[n * 2 + 1] = Number(b >> 32n) | 0;
  }
  get sp(): bigint {
    return this.x(32);
  }
  set sp(v: bigint) {
    this.setX(32, v);
  }
  get nzcv(): string {
    const f = this.cpu.nzcv;
    return ['N', 'Z', 'C', 'V'].map((c, i) => ((f >>> (31 - i)) & 1 ? c : '-')).join('');
  }
  set nzcv(s: string) {
    let v = 0;
    ['N', 'Z', 'C', 'V'].forEach((c, i) => {
      if (s.includes(c)) v |= 1 << (31 - i);
    });
    this.cpu.nzcv = v >>> 0;
  }
  /** Executes `n` instructions one at a time; returns the last stop reason. */
  step(n = 1): StopReason {
    let r: StopReason = 1;
    for (let i = 0; i < n; i++) r = this.cpu.step();
    return r;
  }
  /** Runs through the block machinery for up to `budget` instructions. */
  run(budget = 1000): StopReason {
    return this.cpu.run(budget);
  }
  get pc(): number {
    return this.cpu.pc;
  }
  /** Vn as a 128-bit BigInt. */
  v(n: number): bigint {
    const i = this.cpu.vi32;
    let r = 0n;
    for (let k = 3; k >= 0; k--) r = (r << 32n) | BigInt(i[n * 4 + k]! >>> 0);
    return r;
  }
  setV(n: number, v: bigint): void {
    for (let k = 0; k < 4; k++) this.cpu.vi32[n * 4 + k] = Number((v >> BigInt(32 * k)) & 0xffffffffn) | 0;
  }
  readU64(addr: number): bigint {
    const b = this.mem.read(addr, 8)!;
    return new DataView(b.buffer).getBigUint64(0, true);
  }
  writeU64(addr: number, v: bigint): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, v), true);
    this.mem.write(addr, b);
  }
}
