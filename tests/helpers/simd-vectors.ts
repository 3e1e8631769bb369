/**
 * The harness of the generated SIMD per-instruction tests (src/core/cpu/exec/simd-*.test.ts, written by
 * tests/tools/simd-gen/gen.py): the input states they run on, their row format, and a runner that loads a
 * state, steps one instruction and compares V0-V7, X0-X7, FPSR and memory with qemu-aarch64's results.
 */
import { describe, expect, it } from 'vitest';
import { I_FPCR, I_FPSR } from '../../src/core/cpu/layout.js';
import { DATA, TestMachine } from './machine.js';

/**
 * Input states: V0-V7 then X0-X7. Memory cases set X0 = DATA + 64 and X1 = 32. Integer cases run on
 * states 0-2, single/double ones on 0, 3, 4 and half-precision ones on 0, 5, 6. gen.py draws the same
 * states from its fixed seed and refuses to run if these differ from them.
 */
const STATES: { v: bigint[]; x: bigint[] }[] = [
  {
    v: [0x20172dee7f013a4cf7000fb52a812e7fn, 0x4f148de848b16e5327c14900096680f6n, 0xb0827f003dd53fe07f01f1effdc5ed4fn, 0xeb6367fe83eba22c811828e4fe818950n, 0xc3a6004b1fa681544701ffb468d7ffb8n, 0xcd81dbf59dfbe1cb98c08d8e004d9b80n, 0x688e96a994b20147f335ef7feab1bd50n, 0xa9092afff88000dea0fe160e803d7fabn],
    x: [0xffn, 0xaf5898857fd9ba92n, 0xffn, 0xffffffffffffffffn, 0x88099c382541942fn, 0xffn, 0x81a580c8e9fdac72n, 0x80000000n],
  },
  {
    v: [0x7bfe80808100c2b10124d1007f0101a7n, 0x18800807ffeef0080ff48ff0080fe81n, 0xbee37f81d1b5817fd1ff5a8b80ff01ffn, 0x7f37a3fe7f81b57ffe83ff00810181fen, 0x7fa280017f550180fe00a1ffff8080ffn, 0x7f7fffb501ffd250ff01c881807f7f81n, 0x8130ff7fff818120e7a79a81f8c3ff20n, 0x6101d3afff667f8cff007f8180f181ffn],
    x: [0x8da90679d7c6efdbn, 0x5cf8c66ce0916cdfn, 0xffn, 0x6a13323302d58574n, 0x54e70bde6bf5debdn, 0x80000000n, 0xc1cde5ae3fd2e6d1n, 0xc7c73f309380a865n],
  },
  {
    v: [0x2070322301d2f1634321a1ff80f023en, 0xf83f27401a400127143a25f8012400f8n, 0x2a0910280c182a0dff34402a35000c2bn, 0xa021f0b022b04330016391b013909ffn, 0x2802373f042210110c2d2c0b02372c26n, 0x4006353a131f212d23313c303f151d15n, 0x152034252e2820400739312431181901n, 0x403e1523392015403802f826103a172dn],
    x: [0x0n, 0x0n, 0x7fn, 0x20n, 0xffffffffffffffffn, 0x10n, 0xffffffffffffffffn, 0x1n],
  },
  {
    v: [0x3fc000004f000000c37e37ea3eaaaaabn, 0x501502f9000123453fc000007f800000n, 0xbfc00000c43bf8804020000044330bd4n, 0x43e53394ff800000c412ff38c46f7c9dn, 0x7fc0000180000000c2cb968344159e91n, 0x40100000bf000000cf200000c344c778n, 0xffc123453f000000c4664506c41d7538n, 0xbfc0000043873c983fc00000bfc00000n],
    x: [0xffn, 0x8000000000000000n, 0x60688d390af89fc6n, 0x703e837daaa65a4n, 0xa5c16152b14e54b6n, 0xc8b4f9878e344e80n, 0xffffffffffffffffn, 0x5d2a994d5f525c43n],
  },
  {
    v: [0xc12e80b0a397ed11c0d4c65acb31dde0n, 0x412640a8633fb9e4410d20b74776e3f8n, 0x4008000000000000c1272ba486742523n, 0x41136de71cd55ea0c1205b71be68eb02n, 0xc11465b7f1ca3accc129e625b28002c6n, 0x412d594c11a185d0c1028527a49c3e08n, 0x411df6159e71dd184008000000000000n, 0xfff0000000000000bfe0000000000000n],
    x: [0x694ee1a5e64b36den, 0x7d3a70aa402ffccn, 0x6ee4b68a45c04d95n, 0xffffffffffffffffn, 0xffffffffffffffffn, 0x2af4703d6c11d5f0n, 0x7fffffffffffffffn, 0xffn],
  },
  {
    v: [0xdbde5a00585cdc72012357b0d874dc53n, 0x4008001d617d640d99d58c6d9970400n, 0xd857be005cac561a54fdfe335673d027n, 0x5a00fc00ceb05ba8d83c3555be000400n, 0x58130123be0080005c32420078000200n, 0x8000c92f4200d5ac58f25c91d9b059b4n, 0x5a0d4023d7d65c3e8001fc002e66fbffn, 0xb80042007c003c0035553800be00be00n],
    x: [0xffn, 0xb07c0cb37f8bda2fn, 0x8000000000000000n, 0xffn, 0x8a5a18f88778d3f4n, 0x7fffffffffffffffn, 0x0n, 0x7fffn],
  },
  {
    v: [0x4200dc8ebe00d9d158ba01235776d992n, 0x4100b800800141007c0078007e018000n, 0x3e00d415d97cc991fe33be007bff0400n, 0x7c05012380015abd8001da4bfe337c00n, 0xd5fadb4b4400fc00440000005c5257b0n, 0x59a95a0057850400be00f80004007e01n, 0x5ae05b24410064007bffdc747c004400n, 0x4ceb7c0041005b6b3e00d53a586ddbdbn],
    x: [0x1885db9526f901a0n, 0x778fb826a5145b02n, 0x5ad47437e66ad629n, 0x903f12d5d72929c4n, 0xffffffffffffffffn, 0x4d1cb11cf9928412n, 0x80000000n, 0xb7b94f16bba37bcbn],
  },
];
const MEM = Uint8Array.from({ length: 256 }, (_, i) => (i * 37 + 11) & 0xff);

/** Expected changes: v/x registers that differ from the input, FPSR (QC and the cumulative FP flags), memory bytes changed from `at`. */
export interface Out {
  v?: Record<number, bigint>;
  x?: Record<number, bigint>;
  fpsr?: number;
  mem?: [at: number, hex: string];
}
/** [word, assembly, memory case, FPCR, input state per run, expected outputs per run] */
export type Case = [word: number, asm: string, mem: boolean, fpcr: number, states: number[], outs: Out[]];

/** One machine for all runs (creating shared memories is the slow part); reset per run. */
const m = new TestMachine([]);

function run(word: number, mem: boolean, fpcr: number, s: number, out: Out): void {
  m.load([word]);
  const st = STATES[s]!;
  for (let i = 8; i < 32; i++) m.setV(i, 0n);
  m.cpu.x[I_FPCR] = fpcr;
  m.cpu.x[I_FPSR] = 0;
  st.v.forEach((v, i) => m.setV(i, v));
  st.x.forEach((v, i) => m.setX(i, v));
  if (mem) {
    m.mem.write(DATA, MEM);
    m.setX(0, BigInt(DATA + 64));
    m.setX(1, 32n);
  }
  expect(m.step()).toBe(1);
  for (let i = 0; i < 8; i++) expect(m.v(i), `v${i}`).toBe(out.v?.[i] ?? st.v[i]);
  for (let i = 0; i < 8; i++) {
    let e = out.x?.[i] ?? st.x[i]!;
    if (mem && i === 0) e = BigInt(DATA) + (out.x?.[0] ?? 64n);
    if (mem && i === 1) e = out.x?.[1] ?? 32n;
    expect(m.x(i), `x${i}`).toBe(e);
  }
  expect(m.cpu.x[I_FPSR]! & 0x0800009f, 'FPSR').toBe(out.fpsr ?? 0);
  if (mem) {
    const after = m.mem.read(DATA, 256)!;
    const want = Uint8Array.from(MEM);
    if (out.mem) {
      const bytes = out.mem[1].match(/../g)!.map((b) => parseInt(b, 16));
      want.set(bytes, out.mem[0]);
    }
    expect(Buffer.from(after).toString('hex')).toBe(Buffer.from(want).toString('hex'));
  }
}

/** One test per case; each runs the instruction once per listed input state. */
export function describeSimdCases(title: string, cases: Case[]): void {
  describe(title, () => {
    for (const [word, asm, mem, fpcr, states, outs] of cases)
      it(`${asm} (${word.toString(16)})${fpcr ? ` fpcr=${fpcr.toString(16)}` : ''}`, () =>
        outs.forEach((out, k) => run(word, mem, fpcr, states[k]!, out)),
      );
  });
}
