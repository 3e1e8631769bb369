// Runs a case on a64play's Cpu: the same code page, window and registers as the harness, from the
// block's first word until the word after it (a breakpoint), and writes an output record in the
// harness's format.

import {
  CODE_ADDR, IN_CODE, IN_NCODE, IN_START, IN_STATE, IN_WIN, OUT_ADDR, OUT_PC, OUT_SIG, OUT_STATE, OUT_WIN, PAGE,
  PROLOGUE, SIGBUS, SIGILL, SIGSEGV, SIGTRAP, ST_FPCR, ST_FPSR, ST_NZCV, ST_SP, ST_TPIDR, ST_V, ST_X, WIN_ADDR, WIN_SIZE,
} from './layout.js';
import { NO_SUCH_SYSCALL } from './gen.js';

/**
 * @typedef {object} Engine what the fuzzer needs from a64play (from src/ under Vitest, build/ from the CLI)
 * @property {any} Cpu
 * @property {any} GuestMemory
 * @property {any} Decoder
 * @property {readonly any[]} table
 * @property {Record<string, Function>} handlers
 * @property {Function} extractFields
 * @property {Record<string, number>} Stop
 * @property {{addr: number, misaligned: boolean}} FAULT
 * @property {{PROT_READ: number, PROT_WRITE: number, PROT_EXEC: number}} prot
 * @property {{STATE_BYTES: number, I_FPCR: number, I_FPSR: number, I_EXCL_ARMED: number, SLOT_SP: number, SLOT_TPIDR: number}} layout
 */

export class OurMachine {
  /** @param {Engine} engine */
  constructor(engine) {
    this.engine = engine;
    const wasm = new WebAssembly.Memory({ initial: 64, maximum: 1024, shared: true });
    this.mem = new engine.GuestMemory(wasm, engine.layout.STATE_BYTES * 4);
    this.cpu = new engine.Cpu(this.mem, 0);
    const { PROT_READ, PROT_WRITE, PROT_EXEC } = engine.prot;
    this.mem.map(CODE_ADDR, PAGE, PROT_READ | PROT_EXEC);
    this.mem.map(WIN_ADDR, WIN_SIZE, PROT_READ | PROT_WRITE);
    this.page = new Uint8Array(PAGE);
    this.pageWords = new Uint32Array(this.page.buffer);
  }

  /**
   * Runs the case in `input` (an input record) and fills `out` (an output record). With `hot`, the
   * block first runs until a64play has compiled it into one generated function (its inline-source
   * tier, see cpu/README.md), and the compared run is the compiled one.
   * @param {Uint8Array} input @param {Uint8Array} out @param {boolean} [hot]
   */
  run(input, out, hot = false) {
    const { cpu, mem } = this;
    const din = new DataView(input.buffer, input.byteOffset, input.byteLength);
    const n = din.getUint32(IN_NCODE, true);
    const start = din.getUint32(IN_START, true);

    // the code page exactly as the harness lays it out (but for the branch back, never reached)
    this.page.fill(0);
    this.pageWords[start - 1] = PROLOGUE;
    for (let i = 0; i < n; i++) this.pageWords[start + i] = din.getUint32(IN_CODE + 4 * i, true);
    mem.write(CODE_ADDR, this.page, true);
    const end = CODE_ADDR + 4 * (start + n);
    cpu.breakpoints.clear();
    cpu.breakpoints.add(end);

    if (hot) {
      // Block objects are private to Cpu in TypeScript, not at run time: watch the first one get its
      // generated function. Every address the block touches comes from its own setup words, so the
      // warm-up runs stay in the window whatever state the previous one left behind.
      const blocks = /** @type {Map<number, {fn: unknown}>} */ (/** @type {any} */ (cpu).blocks);
      this.loadState(input);
      for (let i = 0; i < 100 && !blocks.get(CODE_ADDR + 4 * start)?.fn; i++) {
        cpu.pc = CODE_ADDR + 4 * start;
        cpu.run(1 << 20);
      }
    }
    this.loadState(input);
    cpu.pc = CODE_ADDR + 4 * start;
    const { Stop } = this.engine;
    let stop = cpu.run(1 << 20);
    // the only system call a block makes is one Linux does not have (gen.js): ENOSYS, as the kernel
    // answers. Resuming exactly at the end of the block would run past the breakpoint (run() resumes
    // from a breakpoint address), so that counts as reaching it.
    while (stop === Stop.Svc && cpu.x[16] === NO_SUCH_SYSCALL && cpu.x[17] === 0) {
      cpu.x[0] = -38;
      cpu.x[1] = -1;
      if (cpu.pc === end) {
        stop = Stop.Breakpoint;
        break;
      }
      stop = cpu.run(1 << 20);
    }
    this.store(stop, end, out);
  }

  /** Loads the window and registers of an input record. */
  loadState(input) {
    const { cpu, mem, engine } = this;
    const L = engine.layout;
    const din = new DataView(input.buffer, input.byteOffset, input.byteLength);
    mem.write(WIN_ADDR, input.subarray(IN_WIN, IN_WIN + WIN_SIZE));

    const x = cpu.x;
    const s = IN_STATE;
    for (let r = 0; r < 31; r++) {
      x[2 * r] = din.getInt32(s + ST_X + 8 * r, true);
      x[2 * r + 1] = din.getInt32(s + ST_X + 8 * r + 4, true);
    }
    x[2 * L.SLOT_SP] = din.getInt32(s + ST_SP, true);
    x[2 * L.SLOT_SP + 1] = din.getInt32(s + ST_SP + 4, true);
    x[2 * L.SLOT_TPIDR] = din.getInt32(s + ST_TPIDR, true);
    x[2 * L.SLOT_TPIDR + 1] = din.getInt32(s + ST_TPIDR + 4, true);
    cpu.nzcv = din.getUint32(s + ST_NZCV, true);
    x[L.I_FPCR] = din.getInt32(s + ST_FPCR, true);
    x[L.I_FPSR] = din.getInt32(s + ST_FPSR, true);
    x[L.I_EXCL_ARMED] = 0;
    cpu.vu8.set(input.subarray(s + ST_V, s + ST_V + 512));
  }

  /** Writes how the run ended, the registers and the window into an output record. */
  store(stop, end, out) {
    const { cpu, mem, engine } = this;
    const { Stop, FAULT } = engine;
    const L = engine.layout;
    const x = cpu.x;
    out.fill(0, 0, OUT_STATE);
    const dout = new DataView(out.buffer, out.byteOffset, out.byteLength);
    let sig = 0;
    let addr = 0;
    if (stop === Stop.Breakpoint && cpu.pc === end) sig = 0;
    else if (stop === Stop.Fault) {
      sig = FAULT.misaligned ? SIGBUS : SIGSEGV;
      addr = FAULT.addr;
    } else if (stop === Stop.Undefined) {
      sig = SIGILL;
      addr = cpu.pc;
    } else if (stop === Stop.PcAlign || stop === Stop.SpAlign) {
      sig = SIGBUS;
      addr = cpu.pc;
    } else if (stop === Stop.Brk) {
      sig = SIGTRAP;
      addr = cpu.pc;
    } else sig = 1000 + stop; // cannot happen in a straight-line block: shows as a divergence
    dout.setInt32(OUT_SIG, sig, true);
    setU64(dout, OUT_ADDR, addr);
    setU64(dout, OUT_PC, cpu.pc);

    const o = OUT_STATE;
    for (let r = 0; r < 31; r++) {
      dout.setInt32(o + ST_X + 8 * r, x[2 * r], true);
      dout.setInt32(o + ST_X + 8 * r + 4, x[2 * r + 1], true);
    }
    dout.setInt32(o + ST_SP, x[2 * L.SLOT_SP], true);
    dout.setInt32(o + ST_SP + 4, x[2 * L.SLOT_SP + 1], true);
    dout.setUint32(o + ST_NZCV, cpu.nzcv, true);
    dout.setInt32(o + ST_FPCR, x[L.I_FPCR], true);
    dout.setInt32(o + ST_FPSR, x[L.I_FPSR], true);
    dout.setInt32(o + ST_TPIDR, x[2 * L.SLOT_TPIDR], true);
    dout.setInt32(o + ST_TPIDR + 4, x[2 * L.SLOT_TPIDR + 1], true);
    out.set(cpu.vu8.subarray(0, 512), o + ST_V);
    if (!mem.copyOut(WIN_ADDR, out.subarray(OUT_WIN, OUT_WIN + WIN_SIZE))) throw new Error('isa-fuzz: window unreadable');
  }
}

function setU64(dv, off, v) {
  dv.setUint32(off, v % 4294967296 >>> 0, true);
  dv.setUint32(off + 4, Math.floor(v / 4294967296) >>> 0, true);
}
