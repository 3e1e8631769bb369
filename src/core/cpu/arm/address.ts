/**
 * Address helpers for loads and stores: alignment faults and the whole-range permission check
 * that multi-access instructions (pairs) make before touching anything.
 *
 * Guest addresses are two int32 halves (lo, hi). Adding a signed offset that fits in a double is
 * done inline by the handlers: s = (lo >>> 0) + off; newLo = s | 0; newHi = hi + carry, where the
 * carry is +1 when s > 0xffffffff and -1 when s < 0.
 */
import { type Access, FAULT, type GuestMemory, PROT_READ, PROT_WRITE, toAddr } from '../../memory/memory.js';

/** Raises an alignment fault (the kernel turns it into SIGBUS, BUS_ADRALN). */
export function alignmentFault(lo: number, hi: number, access: Access): never {
  FAULT.addr = toAddr(lo, hi);
  FAULT.access = access;
  FAULT.mapped = false;
  FAULT.misaligned = true;
  throw FAULT;
}

/**
 * Checks that every byte of [addr, addr + size) allows `access`, faulting at the first byte that
 * does not. Used before the accesses of a pair that crosses a page boundary, so that a fault on
 * the second half leaves memory and registers untouched.
 */
export function checkRange(mem: GuestMemory, lo: number, hi: number, size: number, access: Access): void {
  const need = access === 'write' ? PROT_WRITE : PROT_READ;
  let p = toAddr(lo, hi);
  const end = p + size;
  while (p < end) {
    const a = mem.backedArea(p);
    if (!a || !(a.prot & need) || a.phys < 0) {
      FAULT.addr = p;
      FAULT.access = access;
      FAULT.mapped = !!a;
      FAULT.misaligned = false;
      throw FAULT;
    }
    p = a.end;
  }
}

/** True when `size` bytes at lo do not all lie in one 4 KiB page. */
export const crossesPage = (lo: number, size: number): boolean => (lo & 0xfff) + size > 0x1000;
