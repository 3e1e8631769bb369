// usage: node mk.mjs spec.mjs out.ts.txt
// The test file is the matching header*.ts.txt, then out.ts.txt, then a closing '});'; the rows' check()
// and FPCR names come from tests/helpers/fp-vectors.ts.
// spec exports default: [{ title, cases: [[asm, fpcr, a, b, c, nzcv], ...] }]  (a,b,c BigInt, fpcr/nzcv number)
import { writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
const spec = (await import(process.argv[2] + '?' + Date.now())).default;
const insns = [...new Set(spec.flatMap((g) => g.cases.map((c) => c[0])))];
writeFileSync('insns.txt', insns.join('\n') + '\n');
execSync('node gen.mjs insns.txt', { stdio: 'inherit' });
const words = JSON.parse(execSync('cat words.json').toString());
const hex = (v) => BigInt.asUintN(64, BigInt(v)).toString(16);
const lines = [];
for (const g of spec) for (const c of g.cases) lines.push(`${insns.indexOf(c[0])} ${hex(c[1])} ${hex(c[2])} ${hex(c[3])} ${hex(c[4])} ${hex(c[5] << 28)}`);
const out = execSync('qemu-aarch64 ./oracle', { input: lines.join('\n') + '\n', maxBuffer: 1 << 28 }).toString().trim().split('\n');
let k = 0;
const X55 = '5555555555555555';
const big = (h) => (h === X55 ? 'X55' : h === '0' ? '0n' : `0x${h}n`);
const fpcrName = (f) => {
  const parts = [];
  const rm = (f >> 22) & 3;
  parts.push(['RN', 'RP', 'RM', 'RZ'][rm]);
  if (f & (1 << 24)) parts.push('FZ');
  if (f & (1 << 25)) parts.push('DN');
  if (f & (1 << 26)) parts.push('AHP');
  if (f & (1 << 19)) parts.push('FZ16');
  return parts.length === 1 ? parts[0] : parts.join(' | ');
};
let ts = '';
for (const g of spec) {
  ts += `  it(${JSON.stringify(g.title)}, () => {\n    check([\n`;
  for (const c of g.cases) {
    let [lo, hi, x0, fpsr, nzcv] = out[k++].split(' ');
    const w = words[c[0]];
    const ov = c[6];
    if (ov) {
      ts += `      // ${ov.note}\n`;
      if (ov.nzcv !== undefined) nzcv = (ov.nzcv << 28).toString(16);
    }
    ts += `      [0x${w.toString(16).padStart(8, '0')}, ${JSON.stringify(c[0])}, ${fpcrName(c[1])}, ${big(hex(c[2]))}, ${big(hex(c[3]))}, ${big(hex(c[4]))}, ${c[5]}, ${big(lo)}, ${big(hi)}, ${big(x0)}, 0x${fpsr}, ${parseInt(nzcv, 16) >>> 28}],\n`;
  }
  ts += `    ]);\n  });\n\n`;
}
writeFileSync(process.argv[3], ts);
console.log('vectors', k);
