/**
 * Builds a minimal static aarch64 ELF executable from instruction words and data, for kernel tests
 * that must not depend on a cross toolchain. One PT_LOAD (R+X) holds the code, then the data.
 */
export const BASE = 0x400000;
const HEADER = 64 + 56;

export function buildElf(words: number[], data: Uint8Array = new Uint8Array(0), opts: { machine?: number; type?: number } = {}): Uint8Array {
  const code = new Uint8Array(words.length * 4);
  const cdv = new DataView(code.buffer);
  words.forEach((w, i) => cdv.setUint32(i * 4, w >>> 0, true));
  const size = HEADER + code.length + data.length;
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  dv.setUint16(16, opts.type ?? 2, true); // ET_EXEC
  dv.setUint16(18, opts.machine ?? 183, true); // EM_AARCH64
  dv.setUint32(20, 1, true);
  dv.setBigUint64(24, BigInt(BASE + HEADER), true); // entry
  dv.setBigUint64(32, 64n, true); // phoff
  dv.setUint16(52, 64, true);
  dv.setUint16(54, 56, true);
  dv.setUint16(56, 1, true);
  // PT_LOAD covering the whole file, R|W|X for simplicity
  dv.setUint32(64, 1, true);
  dv.setUint32(68, 7, true);
  dv.setBigUint64(72, 0n, true);
  dv.setBigUint64(80, BigInt(BASE), true);
  dv.setBigUint64(88, BigInt(BASE), true);
  dv.setBigUint64(96, BigInt(size), true);
  dv.setBigUint64(104, BigInt(size), true);
  dv.setBigUint64(112, 0x1000n, true);
  out.set(code, HEADER);
  out.set(data, HEADER + code.length);
  return out;
}

/** Address of the data that follows `nWords` instructions. */
export const dataAddr = (nWords: number) => BASE + HEADER + nWords * 4;
