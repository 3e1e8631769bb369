/**
 * Typed calls for the debugger's requests (src/worker/protocol.ts's DebugRequest), over the
 * engine client's request/reply channel.
 */
import type { BreakpointInfo, DisasmLine, Mapping, MemoryChunk, RegisterSnapshot } from '../../worker/protocol';
import type { EngineClient } from '../engine/client';

export const debugApi = (c: EngineClient) => ({
  registers: () => c.debugRequest((id) => ({ type: 'getRegisters', id })) as Promise<RegisterSnapshot>,
  setRegister: (name: string, value: string) => c.debugRequest((id) => ({ type: 'setRegister', id, name, value })) as Promise<RegisterSnapshot>,
  readMemory: (address: number, length: number) => c.debugRequest((id) => ({ type: 'readMemory', id, address, length })) as Promise<MemoryChunk>,
  writeMemory: (address: number, bytes: Uint8Array) => c.debugRequest((id) => ({ type: 'writeMemory', id, address, bytes })) as Promise<boolean>,
  mappings: () => c.debugRequest((id) => ({ type: 'getMappings', id })) as Promise<Mapping[]>,
  disassemble: (address: number, before: number, count: number) =>
    c.debugRequest((id) => ({ type: 'disassemble', id, address, before, count })) as Promise<DisasmLine[]>,
  resolve: (name: string) => c.debugRequest((id) => ({ type: 'resolve', id, name })) as Promise<number | null>,
  setBreakpoints: (addresses: number[], symbols: string[] = []) =>
    c.debugRequest((id) => ({ type: 'setBreakpoints', id, addresses, symbols })) as Promise<BreakpointInfo[]>,
});

export type DebugApi = ReturnType<typeof debugApi>;

export const hex = (n: number, digits = 0) => n.toString(16).padStart(digits, '0');
export const addrText = (n: number) => '0x' + hex(n);
