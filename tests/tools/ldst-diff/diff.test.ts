import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { DATA, DATA_SIZE, TestMachine } from '/work/main/tests/helpers/machine.js';
import { Decoder } from '/work/main/src/core/cpu/decode/decoder.js';
import { ldst } from '/work/main/src/core/cpu/decode/table-ldst.js';
import { FAULT } from '/work/main/src/core/memory/memory.js';
import { Stop } from '/work/main/src/core/cpu/op.js';

let seed = Number(process.env.SEED ?? 12345);
const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed; };
const rbits = (n: number) => (n >= 32 ? rnd() : rnd() & ((1 << n) - 1));
const r64 = () => (BigInt(rnd()) << 32n) | BigInt(rnd());
const hex = (v: bigint) => BigInt.asUintN(64, v).toString(16);

function pattern(i: number, s: number): number {
  return (((i * 37 + s * 101 + (i >>> 8) * 13) ^ (i >>> 3)) & 0xff) >>> 0;
}
const ALIGNED = /^(ST|LD)(L?X|A?X|LAR|LR|LLR|AR|AXR|AXP|XP|LXP|APR|ADD|CLR|EOR|SET|SMAX|SMIN|UMAX|UMIN)|^CAS|^SWP|^STL|^LDA|^LDLAR|^LDX|^STX/;

it('differential vs qemu', () => {
  const dec = new Decoder(ldst);
  const lines = ldst.filter((l) => !(l[3] ?? '').includes('todo') && !/_lit$|_lit_fp$/.test(l[0]) || l[0] === 'PRFM_lit');
  const cases: { word: number; name: string; regs: bigint[]; v: bigint[]; nzcv: bigint; s: number }[] = [];
  const PER = Number(process.env.PER ?? 40);
  for (const line of lines) {
    const enc = dec.encodings.find((e) => e.name === line[0])!;
    for (let k = 0; k < PER; k++) {
      let word = enc.value | (rnd() & ~enc.mask);
      word >>>= 0;
      if (dec.decode(word)?.name !== enc.name) continue;
      const field = (name: string) => { const f = enc.fields.find((f) => f.name === name); return f ? (word >>> f.lsb) & ((1 << f.width) - 1) : -1; };
      const regs = Array.from({ length: 32 }, () => (rnd() & 3 ? r64() : BigInt(rnd() & 0xff)));
      const s = rnd() & 0xffff;
      const rn = field('Rn');
      const aligned = ALIGNED.test(enc.name);
      let base = DATA + 0x8000 - 0x200 + ((rnd() & 0x3ff) - 0x200);
      if (aligned || rnd() & 1) base &= ~15;
      const rm = field('Rm');
      if (rm >= 0 && rm !== 31) {
        const small = BigInt((rnd() & 0x7f) - 64);
        const opt = field('option');
        regs[rm] = opt === 2 || opt === 6 ? (r64() & 0xffffffff00000000n) | BigInt.asUintN(32, small) : small;
      }
      if (rn >= 0) regs[rn === 31 ? 31 : rn] = BigInt(base);
      // CAS/CASP: make the compare succeed half of the time
      const rs = field('Rs');
      if (/^CAS/.test(enc.name) && rs >= 0 && rnd() & 1) {
        const a = base - DATA;
        const word64 = (off: number) => { let v = 0n; for (let b = 7; b >= 0; b--) v = (v << 8n) | BigInt(pattern(a + off + b, s)); return v; };
        if (enc.name === 'CASP') {
          const sz = field('sz');
          if (sz) { regs[rs] = word64(0); if (rs + 1 < 31) regs[rs + 1] = word64(8); }
          else { regs[rs] = word64(0) & 0xffffffffn; if (rs + 1 < 31) regs[rs + 1] = word64(0) >> 32n; }
        } else if (rs !== 31) regs[rs] = word64(0);
        if (rn >= 0) regs[rn === 31 ? 31 : rn] = BigInt(base);
      }
      const v = Array.from({ length: 64 }, () => r64());
      cases.push({ word, name: enc.name, regs, v, nzcv: BigInt(rnd() & 0xf0000000), s });
    }
  }
  const input = cases.map((c) => [c.word.toString(16), ...c.regs.slice(0, 31).map(hex), hex(c.regs[31]!), hex(c.nzcv), ...c.v.map(hex), c.s.toString(16)].join(' ')).join('\n') + '\n';
  writeFileSync('/tmp/diff/cases.txt', input);
  const out = execFileSync('qemu-aarch64', ['/tmp/diff/harness'], { input, maxBuffer: 1 << 28 }).toString().trim().split('\n');
  let bad = 0;
  const byName = new Map<string, number>();
  cases.forEach((c, i) => {
    const m = new TestMachine([c.word]);
    const u8 = new Uint8Array(DATA_SIZE);
    for (let j = 0; j < DATA_SIZE; j++) u8[j] = pattern(j, c.s);
    m.mem.write(DATA, u8);
    c.regs.slice(0, 31).forEach((r, j) => m.setX(j, r));
    m.sp = BigInt.asUintN(64, c.regs[31]!);
    m.cpu.nzcv = Number(c.nzcv);
    for (let q = 0; q < 32; q++) m.setV(q, (c.v[2 * q + 1]! << 64n) | c.v[2 * q]!);
    const r = m.step();
    let got: string;
    if (r === Stop.Fault) got = `${FAULT.misaligned ? 7 : 11} ${BigInt.asUintN(64, BigInt(FAULT.addr)).toString(16)}`;
    else if (r === Stop.Undefined) got = '4 0';
    else {
      const parts = ['0'];
      for (let j = 0; j < 31; j++) parts.push(hex(m.x(j)));
      parts.push(hex(m.sp), (m.cpu.nzcv >>> 0).toString(16));
      for (let q = 0; q < 32; q++) { const vv = m.v(q); parts.push(hex(vv & ((1n << 64n) - 1n)), hex(vv >> 64n)); }
      got = parts.join(' ');
    }
    const mem = m.mem.read(DATA, DATA_SIZE)!;
    const dv = new DataView(mem.buffer);
    const diffs: string[] = [];
    for (let j = 0; j < DATA_SIZE; j += 8) {
      const w = dv.getBigUint64(j, true);
      let e = 0n; for (let b = 7; b >= 0; b--) e = (e << 8n) | BigInt(pattern(j + b, c.s));
      if (w !== e) diffs.push(`${j.toString(16)}:${w.toString(16)}`);
    }
    got += ' mem' + (diffs.length ? ' ' + diffs.join(' ') : '');
    let want = out[i]!;
    if (want.startsWith('4 ')) want = '4 0' + want.slice(want.indexOf(' mem'));
    if (got !== want) {
      bad++;
      byName.set(c.name, (byName.get(c.name) ?? 0) + 1);
      if ((byName.get(c.name) ?? 0) <= 2) {
        console.log(`MISMATCH ${c.name} ${c.word.toString(16)}\n  qemu: ${want.slice(0, 400)}\n  ours: ${got.slice(0, 400)}`);
      }
    }
  });
  console.log(`${cases.length} cases, ${bad} mismatches`, [...byName.entries()]);
});
