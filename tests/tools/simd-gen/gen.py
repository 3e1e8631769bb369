"""Runs each instruction under qemu-aarch64 on fixed input states and writes a vitest file
whose expected values are qemu's; the file's harness and the states are in tests/helpers/simd-vectors.ts.
Usage: gen.py <cases-module> <out.test.ts> <title>"""
import sys, os, subprocess, random, importlib, json, re
sys.path.insert(0, os.path.dirname(__file__))
mod = importlib.import_module(sys.argv[1])
OUT = sys.argv[2]; TITLE = sys.argv[3]
CASES = mod.CASES  # list of (asm, kind) kind: 'r' register-only, 'm' memory
W = '/tmp/simdgen/work_' + sys.argv[1]
os.makedirs(W, exist_ok=True)

rnd = random.Random(1234)
SPECIAL = [0x00, 0xff, 0x80, 0x7f, 0x01, 0xfe, 0x81]
def vstate(kind):
    vs = []
    for r in range(8):
        b = []
        for i in range(16):
            if kind == 0: x = rnd.randrange(256) if rnd.random() < 0.8 else rnd.choice(SPECIAL)
            elif kind == 1: x = rnd.choice(SPECIAL) if rnd.random() < 0.7 else rnd.randrange(256)
            else: x = rnd.randrange(64) if rnd.random() < 0.85 else rnd.choice([0, 1, 2, 0xf8, 0xff, 0x40])
            b.append(x)
        vs.append(int.from_bytes(bytes(b), 'little'))
    return vs
def xstate(kind):
    xs = []
    for r in range(8):
        if kind == 2: xs.append(rnd.choice([0, 1, 16, 32, 0x7f, 0x80, 0xffffffffffffffff, 0x12345678]))
        else: xs.append(rnd.getrandbits(64) if rnd.random() < 0.7 else rnd.choice([0, 0xff, 0x8000000000000000, 0x7fffffffffffffff, 0xffffffffffffffff, 0x80000000, 0x7fff]))
    return xs
import struct
F32S = [0x00000000, 0x80000000, 0x3f800000, 0xbfc00000, 0x40200000, 0x501502f9, 0xbb54fdf4, 0x7f800000, 0xff800000,
        0x7fc00001, 0x7f800005, 0xffc12345, 0x00012345, 0x80000100, 0x7f7fffff, 0x00800000, 0x3f000000, 0x40400000,
        0x4f000000, 0xcf000000, 0x4f400000, 0xcf200000, 0x42f70000, 0xbf000000, 0x3fc00000, 0x40100000, 0xc0200000, 0x3eaaaaab]
F64S = [0x0, 0x8000000000000000, 0x3ff0000000000000, 0xbff8000000000000, 0x4004000000000000, 0x4202a05f20000000,
        0xbf6a9fbe76c8b439, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000001, 0x7ff0000000000005,
        0xfff8123456789abc, 0x0000123456789abc, 0x8000000000000100, 0x7fefffffffffffff, 0x0010000000000000,
        0x3fe0000000000000, 0x4008000000000000, 0x43e0000000000000, 0xc3e0000000000000, 0x41e0000000000000,
        0xc1e0000000000000, 0x405ee00000000000, 0xbfe0000000000000, 0x3ff8000000000000, 0x3fd5555555555555,
        0x36a0000000000000, 0x47efffffe0000000, 0x3810000000000000]
F16S = [0x0000, 0x8000, 0x3c00, 0xbe00, 0x4100, 0x7bff, 0xfbff, 0x7c00, 0xfc00, 0x7e01, 0x7c05, 0xfe33, 0x0123, 0x8001,
        0x0400, 0x3800, 0x4200, 0x5a00, 0xd640, 0x57b0, 0xb800, 0x3e00, 0x4400, 0x7800, 0xf800, 0x3555, 0x0200, 0x6400, 0x2e66]
def fstate(n):
    vs = []
    for r in range(8):
        v = 0
        if n == 16:
            for i in range(8):
                x = rnd.choice(F16S) if rnd.random() < 0.6 else struct.unpack('<H', struct.pack('<e', rnd.uniform(-300, 300)))[0]
                v |= x << (16 * i)
        elif n == 32:
            for i in range(4):
                x = rnd.choice(F32S) if rnd.random() < 0.6 else struct.unpack('<I', struct.pack('<f', rnd.uniform(-1000, 1000)))[0]
                v |= x << (32 * i)
        else:
            for i in range(2):
                x = rnd.choice(F64S) if rnd.random() < 0.6 else struct.unpack('<Q', struct.pack('<d', rnd.uniform(-1e6, 1e6)))[0]
                v |= x << (64 * i)
        vs.append(v)
    return vs
STATES = [(vstate(k), xstate(k)) for k in range(3)] + [(fstate(32), xstate(0)), (fstate(64), xstate(0)), (fstate(16), xstate(0)), (fstate(16), xstate(0))]
def h(v): return f'0x{v:x}n'
# The states live once in the tests' shared harness; it must hold exactly the ones drawn here.
HELPER = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'helpers', 'simd-vectors.ts')
ST = ['const STATES: { v: bigint[]; x: bigint[] }[] = [']
for vs, xs in STATES:
    ST += ['  {', '    v: [' + ', '.join(h(v) for v in vs) + '],', '    x: [' + ', '.join(h(x) for x in xs) + '],', '  },']
ST.append('];')
if '\n'.join(ST) + '\n' not in open(HELPER).read():
    sys.exit(f'{HELPER}: its STATES differ from the ones this generator draws; replace them with:\n' + '\n'.join(ST))
def states_of(kind): return [0, 3, 4] if kind == 'f' else [0, 5, 6] if kind == 'h' else [0, 1, 2]
def fpcr_of(case): return case[2] if len(case) > 2 else 0
# memory cases: x0 = buf+64, x1 = 32 (a register post-index), others as state
BUF = bytes((i * 37 + 11) & 0xff for i in range(256))

asm = ['.arch ' + getattr(mod, 'ARCH', 'armv8-a'), '.text']
for i, case in enumerate(CASES):
    a, kind = case[0], case[1]
    asm += [f'.global case{i}', f'case{i}:',
            'stp x19, x20, [sp, #-32]!', 'mov x19, x1', 'mov x20, x0',
            'ldp q0, q1, [x20]', 'ldp q2, q3, [x20, #32]', 'ldp q4, q5, [x20, #64]', 'ldp q6, q7, [x20, #96]',
            'ldp x0, x1, [x20, #128]', 'ldp x2, x3, [x20, #144]', 'ldp x4, x5, [x20, #160]', 'ldp x6, x7, [x20, #176]',
            f'ldr x9, =0x{fpcr_of(case):x}', 'msr fpcr, x9', 'msr fpsr, xzr', f'{a}', 'msr fpcr, xzr',
            'stp q0, q1, [x19]', 'stp q2, q3, [x19, #32]', 'stp q4, q5, [x19, #64]', 'stp q6, q7, [x19, #96]',
            'stp x0, x1, [x19, #128]', 'stp x2, x3, [x19, #144]', 'stp x4, x5, [x19, #160]', 'stp x6, x7, [x19, #176]',
            'mrs x9, fpsr', 'str x9, [x19, #192]', 'ldp x19, x20, [sp], #32', 'ret', '.ltorg']
open(f'{W}/cases.S', 'w').write('\n'.join(asm) + '\n')

c = ['#include <stdio.h>', '#include <string.h>', '#include <stdint.h>',
     'typedef void (*fn)(void*, void*);']
c += [f'void case{i}(void*, void*);' for i in range(len(CASES))]
c.append('fn cases[] = {' + ','.join(f'case{i}' for i in range(len(CASES))) + '};')
c.append('int ismem[] = {' + ','.join('1' if cs[1] == 'm' else '0' for cs in CASES) + '};')
c.append('int sts[][3] = {' + ','.join('{%d,%d,%d}' % tuple(states_of(cs[1])) for cs in CASES) + '};')
def u64s(vals): return ','.join(f'0x{v:016x}ULL' for v in vals)
st = []
for vs, xs in STATES:
    words = []
    for v in vs: words += [v & (2**64 - 1), v >> 64]
    words += xs
    st.append('{' + u64s(words) + '}')
c.append('uint64_t states[7][24] = {' + ','.join(st) + '};')
c.append('unsigned char init[256] = {' + ','.join(str(b) for b in BUF) + '};')
c.append('''
unsigned char buf[256] __attribute__((aligned(64)));
int main(void) {
  uint64_t in[24], out[25];
  for (int i = 0; i < (int)(sizeof cases / sizeof cases[0]); i++)
    for (int s = 0; s < 3; s++) {
      memcpy(in, states[sts[i][s]], sizeof in);
      memcpy(buf, init, 256);
      if (ismem[i]) { in[16] = (uint64_t)(buf + 64); in[17] = 32; }
      memset(out, 0, sizeof out);
      cases[i](in, out);
      if (ismem[i]) out[16] -= (uint64_t)buf;
      printf("%d %d", i, s);
      for (int k = 0; k < 25; k++) printf(" %016llx", (unsigned long long)out[k]);
      printf(" ");
      for (int k = 0; k < 256; k++) printf("%02x", buf[k]);
      printf("\\n");
    }
  return 0;
}''')
open(f'{W}/main.c', 'w').write('\n'.join(c) + '\n')
subprocess.run(['aarch64-linux-gnu-gcc', '-static', '-O1', '-march=armv8-a', '-o', f'{W}/prog', f'{W}/main.c', f'{W}/cases.S'], check=True)
res = subprocess.run(['qemu-aarch64', f'{W}/prog'], check=True, capture_output=True, text=True).stdout.splitlines()
# words
subprocess.run(['aarch64-linux-gnu-as', '-o', f'{W}/cases.o', f'{W}/cases.S'], check=True)
dis = subprocess.run(['aarch64-linux-gnu-objdump', '-d', f'{W}/cases.o'], check=True, capture_output=True, text=True).stdout
# the test instruction is the 13th of each case (index 14)
words = []
cur = None; idx = 0; per = {}
for line in dis.splitlines():
    m = re.match(r'^[0-9a-f]+ <case(\d+)>:', line)
    if m: cur = int(m.group(1)); per[cur] = []; continue
    m = re.match(r'^\s+[0-9a-f]+:\s+([0-9a-f]{8})\s+(.*)$', line)
    if m and cur is not None: per[cur].append((int(m.group(1), 16), m.group(2).strip()))
for i in range(len(CASES)): words.append((per[i][14][0], re.sub(r'\s+', ' ', per[i][14][1])))

outs = {}
for line in res:
    p = line.split()
    i, s = int(p[0]), int(p[1])
    vals = [int(h, 16) for h in p[2:27]]
    outs[(i, s)] = (vals, bytes.fromhex(p[27]))

L = []
L.append('// Generated by running each instruction under qemu-aarch64 on the input states in tests/helpers/simd-vectors.ts.')
L.append('// Expected values are qemu\'s; words and assembly are from aarch64-linux-gnu-as/objdump.')
L.append("import { type Case, describeSimdCases } from '../../../../tests/helpers/simd-vectors.js';")
L.append('')
L.append('const CASES: Case[] = [')
for i, case in enumerate(CASES):
    a, kind = case[0], case[1]
    w, dasm = words[i]
    outs_ts = []
    for s in range(3):
        vals, mem = outs[(i, s)]
        vs, xs = STATES[states_of(kind)[s]]
        o = []
        vo = {}
        for r in range(8):
            v = vals[2 * r] | (vals[2 * r + 1] << 64)
            if v != vs[r]: vo[r] = v
        xo = {}
        for r in range(8):
            x = vals[16 + r]
            base = xs[r]
            if kind == 'm' and r == 0: base = 64
            if kind == 'm' and r == 1: base = 32
            if x != base: xo[r] = x
        if vo: o.append('v: { ' + ', '.join(f'{r}: {h(v)}' for r, v in vo.items()) + ' }')
        if xo: o.append('x: { ' + ', '.join(f'{r}: {h(v)}' for r, v in xo.items()) + ' }')
        if vals[24] & 0x0800009f: o.append(f'fpsr: 0x{vals[24] & 0x0800009f:x}')
        if kind == 'm' and mem != BUF:
            lo = next(k for k in range(256) if mem[k] != BUF[k]); hi = max(k for k in range(256) if mem[k] != BUF[k])
            o.append(f"mem: [{lo}, '{mem[lo:hi+1].hex()}']")
        outs_ts.append('{ ' + ', '.join(o) + ' }' if o else '{}')
    L.append(f"  [0x{w:08x}, '{dasm}', {'true' if kind == 'm' else 'false'}, 0x{fpcr_of(case):x}, {states_of(kind)}, [{', '.join(outs_ts)}]],")
L.append('];')
L.append('')
L.append(f"describeSimdCases('{TITLE} (expected values from qemu-aarch64)', CASES);")
open(OUT, 'w').write('\n'.join(L) + '\n')
print('cases', len(CASES))
