// Builds an oracle program for a list of instructions, runs query lines through qemu.
// usage: node gen.mjs insns.txt  -> builds ./oracle and words.json ({asm: word})
import { readFileSync, writeFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
const insns = readFileSync(process.argv[2], 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
let c = `#include <stdio.h>\n#include <stdint.h>\n#include <stdlib.h>\n#include <string.h>\n`;
c += `typedef void fn_t(uint64_t,uint64_t,uint64_t,uint64_t,uint64_t,uint64_t*);\n`;
insns.forEach((ins, i) => {
  c += `static void f${i}(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\\n msr fpsr, xzr\\n msr nzcv, %[nz]\\n"
    "fmov d1, %[a]\\n fmov d2, %[b]\\n fmov d3, %[c]\\n mov x1, %[a]\\n mov x2, %[b]\\n mov x3, %[c]\\n"
    "dup v0.2d, %[pat]\\n mov x0, %[pat]\\n"
    "${ins}\\n"
    "mrs %[s], fpsr\\n mrs %[n], nzcv\\n fmov %[rlo], d0\\n mov %[rhi], v0.d[1]\\n mov %[rx], x0\\n msr fpcr, xzr\\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}\n`;
});
c += `static fn_t *fns[] = {${insns.map((_, i) => `f${i}`).join(',')}};\n`;
c += `int main(void){ char line[512]; while (fgets(line, sizeof line, stdin)) { unsigned idx; unsigned long long f,a,b,cc,nz; uint64_t o[5];
  if (sscanf(line, "%u %llx %llx %llx %llx %llx", &idx,&f,&a,&b,&cc,&nz) != 6) continue;
  fns[idx](f,a,b,cc,nz,o); printf("%llx %llx %llx %llx %llx\\n", (unsigned long long)o[0],(unsigned long long)o[1],(unsigned long long)o[2],(unsigned long long)o[3],(unsigned long long)o[4]); fflush(stdout);} return 0; }\n`;
writeFileSync('oracle.c', c);
execSync('aarch64-linux-gnu-gcc -O1 -static -march=armv8.3-a+fp16 oracle.c -o oracle', { stdio: 'inherit' });
// words
writeFileSync('w.s', insns.join('\n') + '\n');
execSync('aarch64-linux-gnu-as -march=armv8.3-a+fp16 w.s -o w.o');
const dump = execSync('aarch64-linux-gnu-objdump -d w.o').toString();
const words = [...dump.matchAll(/^\s+[0-9a-f]+:\s+([0-9a-f]{8})\s/gm)].map((m) => parseInt(m[1], 16));
if (words.length !== insns.length) throw new Error('word count mismatch');
const map = {};
insns.forEach((s, i) => (map[s] = words[i]));
writeFileSync('words.json', JSON.stringify(map, null, 1));
console.log('ok', insns.length);
