// Runs one-instruction cases under qemu-aarch64. Input lines: word x0..x30 sp nzcv v0lo v0hi .. v31lo v31hi seed
// (hex). Output lines: signal then the same state, then "mem" with changed doublewords of DATA.
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <signal.h>
#include <setjmp.h>
#include <sys/mman.h>
extern char tmpl_start[], tmpl_insn[], tmpl_gin[], tmpl_gout[], tmpl_end[];
#define DATA 0x100000UL
#define DATA_SIZE 0x10000UL
static sigjmp_buf jb; static volatile int sig; static volatile uint64_t saddr;
static void h(int s, siginfo_t *si, void *u) { sig = s; saddr = (uint64_t)si->si_addr; siglongjmp(jb, 1); }
static uint8_t pattern(uint64_t i, uint64_t seed) { return (uint8_t)((i * 37 + seed * 101 + (i >> 8) * 13) ^ (i >> 3)); }
int main(void) {
  static char altstack[65536];
  stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0 };
  sigaltstack(&ss, 0);
  struct sigaction sa; memset(&sa, 0, sizeof sa); sa.sa_sigaction = h; sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigaction(SIGSEGV, &sa, 0); sigaction(SIGBUS, &sa, 0); sigaction(SIGILL, &sa, 0);
  uint8_t *data = mmap((void *)DATA, DATA_SIZE, PROT_READ | PROT_WRITE, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (data != (void *)DATA) { perror("mmap data"); return 1; }
  size_t len = tmpl_end - tmpl_start;
  char *code = mmap((void *)0x7000000, 0x10000, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  memcpy(code, tmpl_start, len);
  uint64_t *gin = (uint64_t *)(code + (tmpl_gin - tmpl_start)), *gout = (uint64_t *)(code + (tmpl_gout - tmpl_start));
  uint32_t *insn = (uint32_t *)(code + (tmpl_insn - tmpl_start));
  char line[8192];
  while (fgets(line, sizeof line, stdin)) {
    uint64_t v[2 + 33 + 64 + 1]; int n = 0; char *p = line;
    while (n < 100) { char *e; v[n] = strtoull(p, &e, 16); if (e == p) break; n++; p = e; }
    if (n != 100) { fprintf(stderr, "bad line (%d)\n", n); return 1; }
    uint32_t w2 = (uint32_t)v[1]; uint64_t *vv = v + 1; uint64_t seed = vv[98];
    for (uint64_t i = 0; i < DATA_SIZE; i++) data[i] = pattern(i, seed);
    memset(gin, 0, 784); memset(gout, 0, 784);
    for (int r = 0; r < 31; r++) gin[r] = vv[1 + r];
    gin[31] = vv[32]; gin[32] = vv[33];
    for (int q = 0; q < 64; q++) gin[34 + q] = vv[34 + q];
    insn[0] = (uint32_t)v[0]; insn[1] = w2;
    __builtin___clear_cache(code, code + len);
    sig = 0;
    if (!sigsetjmp(jb, 1)) ((void (*)(void))code)();
    printf("%d", sig);
    if (sig) printf(" %lx", (unsigned long)saddr);
    else {
      for (int r = 0; r < 33; r++) printf(" %lx", (unsigned long)gout[r]);
      for (int q = 0; q < 64; q++) printf(" %lx", (unsigned long)gout[34 + q]);
    }
    printf(" mem");
    for (uint64_t i = 0; i < DATA_SIZE; i += 8) {
      uint64_t w; memcpy(&w, data + i, 8); uint64_t e = 0;
      for (int k = 0; k < 8; k++) e |= (uint64_t)pattern(i + k, seed) << (8 * k);
      if (w != e) printf(" %lx:%lx", (unsigned long)i, (unsigned long)w);
    }
    printf("\n"); fflush(stdout);
  }
  return 0;
}
