import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EngineToUi, RegisterSnapshot, DisasmLine, MemoryChunk, Mapping } from './protocol.js';
import { openSession } from './session-harness.js';
import { registersFrom, stateWords } from './shared-state.js';

// e2e/fixtures/debugme: _start prints a line, then loops forever: `x19 = add_one(x19)` (with symbols)
const debugme = () => new Uint8Array(readFileSync(new URL('../../e2e/fixtures/debugme', import.meta.url)));
const ADD_ONE = 0x4000fc;
const LOOP_BL = 0x4000f0;

const open = openSession;

const pcOf = (r: RegisterSnapshot) => parseInt(r.pc, 16);

describe('debugger', () => {
  it('breaks at a symbol, steps, steps out and over, reads and writes registers and memory', async () => {
    const s = open();
    s.send({ type: 'load', name: 'debugme', bytes: debugme(), autorun: true, args: [], env: [], cwd: '/home/user' });
    const bps = await s.ask<{ address: number; symbol: string }[]>({ type: 'setBreakpoints', addresses: [], symbols: ['add_one'] });
    expect(bps).toEqual([{ address: ADD_ONE, symbol: 'add_one' }]);
    await s.until(() => s.stops().length === 1);
    expect(s.stops()[0]).toMatchObject({ reason: 'breakpoint', pc: ADD_ONE });
    let regs = await s.ask<RegisterSnapshot>({ type: 'getRegisters' });
    expect(pcOf(regs)).toBe(ADD_ONE);
    const x0 = parseInt(regs.x[0]!, 16);

    // continue: stops at the breakpoint again, one call later
    s.send({ type: 'resume' });
    await s.until(() => s.stops().length === 2);
    regs = await s.ask<RegisterSnapshot>({ type: 'getRegisters' });
    expect(pcOf(regs)).toBe(ADD_ONE);
    expect(parseInt(regs.x[0]!, 16)).toBe(x0 + 1);

    // step into: one instruction
    s.send({ type: 'step' });
    await s.until(() => s.stops().length === 3);
    expect(s.stops()[2]).toMatchObject({ reason: 'step', pc: ADD_ONE + 4 });

    // step out: back in the loop after the bl
    await s.ask({ type: 'setBreakpoints', addresses: [] });
    s.send({ type: 'stepOut' });
    await s.until(() => s.stops().length === 4);
    expect(s.stops()[3]).toMatchObject({ reason: 'step', pc: LOOP_BL + 4 });

    // run to the bl, then step over it
    s.send({ type: 'runTo', address: LOOP_BL });
    await s.until(() => s.stops().length === 5);
    expect(s.stops()[4]!.pc).toBe(LOOP_BL);
    s.send({ type: 'stepOver' });
    await s.until(() => s.stops().length === 6);
    expect(s.stops()[5]!.pc).toBe(LOOP_BL + 4);

    // registers can be written
    regs = await s.ask<RegisterSnapshot>({ type: 'setRegister', name: 'x19', value: '0x1234' });
    expect(regs.x[19]).toBe('0000000000001234');
    regs = await s.ask<RegisterSnapshot>({ type: 'setRegister', name: 'v1', value: '0x0102' });
    expect([...regs.v.subarray(16, 19)]).toEqual([2, 1, 0]);

    // disassembly with symbols
    const lines = await s.ask<DisasmLine[]>({ type: 'disassemble', address: ADD_ONE, before: 2, count: 2 });
    expect(lines.map((l) => l.address)).toEqual([ADD_ONE - 8, ADD_ONE - 4, ADD_ONE, ADD_ONE + 4]);
    expect(lines[2]).toMatchObject({ symbol: 'add_one', text: 'add x0, x0, #0x1' });
    expect(lines[3]!.text).toBe('ret');
    const bl = await s.ask<DisasmLine[]>({ type: 'disassemble', address: LOOP_BL, before: 0, count: 1 });
    expect(bl[0]!.text).toBe('bl 4000fc <add_one>');

    // mappings and memory
    const maps = await s.ask<Mapping[]>({ type: 'getMappings' });
    expect(maps.some((m) => m.start <= ADD_ONE && ADD_ONE < m.end && m.perms.startsWith('r-x'))).toBe(true);
    const stack = maps.find((m) => m.name === '[stack]')!;
    const mem = await s.ask<MemoryChunk>({ type: 'readMemory', address: 0x400104, length: 13 });
    expect(String.fromCharCode(...mem.bytes)).toBe('debugme ready');
    const unmapped = await s.ask<MemoryChunk>({ type: 'readMemory', address: 0x1000, length: 4 });
    expect(unmapped.bytes).toEqual([-1, -1, -1, -1]);
    await s.ask({ type: 'writeMemory', address: stack.end - 16, bytes: new Uint8Array([1, 2, 3]) });
    const back = await s.ask<MemoryChunk>({ type: 'readMemory', address: stack.end - 16, length: 3 });
    expect(back.bytes).toEqual([1, 2, 3]);
    await expect(s.ask({ type: 'writeMemory', address: ADD_ONE, bytes: new Uint8Array([0]) })).rejects.toThrow(/EFAULT/);
    expect(await s.ask({ type: 'resolve', name: 'add_one+4' })).toBe(ADD_ONE + 4);

    s.send({ type: 'stop' });
    await s.until(() => s.reports.some((r) => r.type === 'exit'));
  });

  it('steps a stripped static program (no symbols) instruction by instruction, then runs it to the end', async () => {
    const s = open();
    const hello = new Uint8Array(readFileSync(new URL('../../tests/guest/bin/hello', import.meta.url)));
    s.send({ type: 'load', name: 'hello', bytes: hello, autorun: true, args: [], env: [], cwd: '/home/user' });
    s.send({ type: 'pause' });
    await s.until(() => s.stops().length === 1);
    const pc0 = s.stops()[0]!.pc;
    s.send({ type: 'step' });
    await s.until(() => s.stops().length === 2);
    expect(s.stops()[1]!.pc).not.toBe(pc0);
    const lines = await s.ask<DisasmLine[]>({ type: 'disassemble', address: s.stops()[1]!.pc, before: 0, count: 4 });
    expect(lines[0]!.symbol).toBeNull();
    expect(lines[0]!.text).not.toBe('');
    expect(await s.ask({ type: 'resolve', name: 'main' })).toBeNull();
    s.send({ type: 'resume' });
    await s.until(() => s.reports.some((r) => r.type === 'exit'));
  });

  it('puts the stopped thread\'s registers in the shared state block the page reads', async () => {
    const s = open();
    s.send({ type: 'load', name: 'debugme', bytes: debugme(), autorun: true, args: [], env: [], cwd: '/home/user' });
    await s.ask({ type: 'setBreakpoints', addresses: [], symbols: ['add_one'] });
    await s.until(() => s.stops().length === 1);
    expect(s.stops()[0]).toMatchObject({ reason: 'breakpoint', pc: ADD_ONE, symbol: 'add_one' });
    const started = s.reports.find((r): r is Extract<EngineToUi, { type: 'started' }> => r.type === 'started')!;
    expect(started.state).toBeInstanceOf(SharedArrayBuffer);
    const live = () => registersFrom(stateWords(started.state), s.stops()[0]!.tid);
    expect(live()).toEqual(await s.ask<RegisterSnapshot>({ type: 'getRegisters' }));
    expect(pcOf(live())).toBe(ADD_ONE);

    // edits show in the block at once, PC included
    await s.ask({ type: 'setRegister', name: 'x3', value: '-2' });
    expect(live().x[3]).toBe('fffffffffffffffe');
    await s.ask({ type: 'setRegister', name: 'pc', value: String(LOOP_BL) });
    expect(pcOf(live())).toBe(LOOP_BL);
    await s.ask({ type: 'setRegister', name: 'nzcv', value: '0x60000000' });
    expect(live().nzcv).toBe(0x60000000);

    // after a step the block holds the new state
    s.send({ type: 'step' });
    await s.until(() => s.stops().length === 2);
    expect(s.stops()[1]).toMatchObject({ pc: ADD_ONE, symbol: 'add_one' });
    expect(pcOf(live())).toBe(ADD_ONE);
    expect(live().x[30]).toBe((LOOP_BL + 4).toString(16).padStart(16, '0'));
    s.send({ type: 'stop' });
    await s.until(() => s.reports.some((r) => r.type === 'exit'));
  });

  it('a breakpoint stops a child forked in the middle of a time slice', async () => {
    // e2e/fixtures/forkme: fork at once; the child calls in_child, which prints and exits
    const forkme = new Uint8Array(readFileSync(new URL('../../e2e/fixtures/forkme', import.meta.url)));
    const s = open();
    s.send({ type: 'load', name: 'forkme', bytes: forkme, autorun: true, args: [], env: [], cwd: '/home/user' });
    const [bp] = await s.ask<{ address: number; symbol: string }[]>({ type: 'setBreakpoints', addresses: [], symbols: ['in_child'] });
    await s.until(() => s.stops().length === 1 || s.reports.some((r) => r.type === 'exit'));
    const stop = s.stops()[0];
    expect(stop).toMatchObject({ reason: 'breakpoint', pc: bp!.address, symbol: 'in_child' });
    const regs = await s.ask<RegisterSnapshot>({ type: 'getRegisters' });
    expect(regs.tid).toBe(stop!.tid);
    // the child is not the first process (pid 1000)
    expect(stop!.tid).not.toBe(1000);
    s.send({ type: 'resume' });
    await s.until(() => s.reports.some((r) => r.type === 'exit'));
    const out = new TextDecoder().decode(
      Uint8Array.from(s.reports.flatMap((r) => (r.type === 'output' ? [...r.bytes] : []))),
    );
    expect(out).toContain('forkme: child');
    expect(out).toContain('forkme: parent done');
  });
});
