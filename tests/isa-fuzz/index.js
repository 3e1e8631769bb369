// The fuzzer's entry points for the CLI (run.js) and the Vitest test (isa-fuzz.test.ts).

export { coverageText, unexercised } from './coverage.js';
export { fuzz } from './fuzz.js';
export { KNOWN_DIFFERENCES } from './known.js';
export { missingTools } from './qemu.js';

/**
 * The engine object the fuzzer drives, from a64play's modules (imported from src/ or build/).
 * @param {Record<string, any>} m modules: cpu, memory, decoder, table, exec, encoding, op, layout
 */
export function makeEngine(m) {
  return {
    Cpu: m.cpu.Cpu,
    GuestMemory: m.memory.GuestMemory,
    FAULT: m.memory.FAULT,
    prot: { PROT_READ: m.memory.PROT_READ, PROT_WRITE: m.memory.PROT_WRITE, PROT_EXEC: m.memory.PROT_EXEC },
    Decoder: m.decoder.Decoder,
    table: m.table.table,
    handlers: m.exec.handlers,
    extractFields: m.encoding.extractFields,
    Stop: m.op.Stop,
    layout: m.layout,
  };
}
