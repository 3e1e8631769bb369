/*
 * The ISA fuzzer's harness: runs blocks of guest instructions from a given state and records the
 * state they end in. Built static for aarch64 and run under qemu-aarch64 (-cpu max), many cases
 * per process.
 *
 *   harness [IN [OUT]]   reads input records (layout.h) from IN (default stdin) until end of file
 *                        and writes one output record per case to OUT (default stdout).
 *
 * For each case: the window is filled, the code page gets the prologue, the block and a branch to
 * exit_stub; run_block (tramp.S) loads the state and runs it. SIGILL, SIGSEGV, SIGBUS, SIGTRAP and
 * SIGFPE inside the block are caught: the handler records the signal and the register state at
 * the faulting instruction (from the signal frame) and jumps back, so the batch goes on.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

#include "layout.h"

extern void run_block(const uint8_t *state, uint64_t entry);
extern void exit_stub(void);
extern void sig_entry(int, siginfo_t *, void *);
extern uint8_t out_state[ST_SIZE];

/* ldp x16, x17, [x16, #128]: the last two guest registers, loaded from the input state */
#define PROLOGUE 0xa9484610u

static sigjmp_buf jump_back;
static struct {
  int32_t sig, code;
  uint64_t addr, pc;
} ending;

static void die(const char *msg) {
  write(2, msg, strlen(msg));
  _exit(3);
}

/* Called through sig_entry, with the host's thread pointer and FPCR already restored. */
void on_signal(int sig, siginfo_t *si, void *ucv) {
  ucontext_t *uc = ucv;
  mcontext_t *mc = &uc->uc_mcontext;
  if (mc->pc < CODE_ADDR || mc->pc >= CODE_ADDR + PAGE) die("isa-fuzz harness: signal outside the block\n");
  ending.sig = sig;
  ending.code = si->si_code;
  ending.addr = (uint64_t)si->si_addr;
  ending.pc = mc->pc;
  memcpy(out_state + ST_X, mc->regs, 31 * 8);
  memcpy(out_state + ST_SP, &mc->sp, 8);
  uint64_t nzcv = mc->pstate & 0xf0000000u;
  memcpy(out_state + ST_NZCV, &nzcv, 8);
  /* the FP/SIMD registers are in an fpsimd_context record in __reserved */
  uint8_t *p = (uint8_t *)mc->__reserved;
  uint8_t *end = p + sizeof mc->__reserved;
  int found = 0;
  while (p + sizeof(struct _aarch64_ctx) <= end) {
    struct _aarch64_ctx *h = (struct _aarch64_ctx *)p;
    if (h->magic == 0 || h->size == 0) break;
    if (h->magic == FPSIMD_MAGIC) {
      struct fpsimd_context *f = (struct fpsimd_context *)p;
      uint64_t fpsr = f->fpsr, fpcr = f->fpcr;
      memcpy(out_state + ST_FPSR, &fpsr, 8);
      memcpy(out_state + ST_FPCR, &fpcr, 8);
      memcpy(out_state + ST_V, f->vregs, 32 * 16);
      found = 1;
      break;
    }
    p += h->size;
  }
  if (!found) die("isa-fuzz harness: no FP/SIMD record in the signal frame\n");
  siglongjmp(jump_back, 1);
}

static uint8_t in_rec[IN_SIZE] __attribute__((aligned(16)));
static uint8_t out_rec[OUT_SIZE] __attribute__((aligned(16)));
static char out_buf[1 << 20];
extern char end[]; /* end of the harness's own data (from the linker) */

int main(int argc, char **argv) {
  FILE *in = stdin, *out = stdout;
  if (argc > 1 && strcmp(argv[1], "-") != 0 && !(in = fopen(argv[1], "rb"))) die("isa-fuzz harness: cannot open input\n");
  if (argc > 2 && strcmp(argv[2], "-") != 0 && !(out = fopen(argv[2], "wb"))) die("isa-fuzz harness: cannot open output\n");
  setvbuf(out, out_buf, _IOFBF, sizeof out_buf);

  if ((uint64_t)end > CODE_ADDR || (uint64_t)sbrk(0) > CODE_ADDR) die("isa-fuzz harness: the binary overlaps the code page\n");
  uint8_t *code = mmap((void *)CODE_ADDR, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  void *glo = mmap((void *)GUARD_LO, PAGE, PROT_NONE, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  uint8_t *win = mmap((void *)WIN_ADDR, WIN_SIZE, PROT_READ | PROT_WRITE, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  void *ghi = mmap((void *)GUARD_HI, PAGE, PROT_NONE, MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (code != (void *)CODE_ADDR || win != (void *)WIN_ADDR || glo != (void *)GUARD_LO || ghi != (void *)GUARD_HI)
    die("isa-fuzz harness: cannot map the code page and window\n");

  static char altstack[1 << 16];
  stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
  if (sigaltstack(&ss, 0) != 0) die("isa-fuzz harness: sigaltstack\n");
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = sig_entry;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  int sigs[] = {SIGILL, SIGSEGV, SIGBUS, SIGTRAP, SIGFPE};
  for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, 0);

  int64_t exit_target = (int64_t)(uintptr_t)exit_stub;
  while (fread(in_rec, IN_SIZE, 1, in) == 1) {
    uint32_t n, start;
    memcpy(&n, in_rec + IN_NCODE, 4);
    memcpy(&start, in_rec + IN_START, 4);
    if (n > MAX_CODE || start < 1 || (start + n + 1) * 4 > PAGE) die("isa-fuzz harness: bad record\n");
    memcpy(win, in_rec + IN_WIN, WIN_SIZE);
    uint32_t *w = (uint32_t *)code;
    memset(code, 0, PAGE);
    w[start - 1] = PROLOGUE;
    memcpy(w + start, in_rec + IN_CODE, 4 * n);
    int64_t off = (exit_target - (int64_t)(CODE_ADDR + 4 * (start + n))) >> 2;
    if (off < -(1 << 25) || off >= (1 << 25)) die("isa-fuzz harness: exit_stub out of branch range\n");
    w[start + n] = 0x14000000u | ((uint32_t)off & 0x3ffffff); /* b exit_stub */
    __builtin___clear_cache((char *)code, (char *)code + PAGE);

    memset(&ending, 0, sizeof ending);
    if (sigsetjmp(jump_back, 1) == 0) {
      run_block(in_rec + IN_STATE, CODE_ADDR + 4 * (start - 1));
      ending.pc = CODE_ADDR + 4 * (start + n);
    }
    /* the block cannot change TPIDR_EL0 (see tramp.S): report the value it started with */
    memcpy(out_state + ST_TPIDR, in_rec + IN_STATE + ST_TPIDR, 8);
    memset(out_rec, 0, OUT_STATE);
    memcpy(out_rec + OUT_SIG, &ending.sig, 4);
    memcpy(out_rec + OUT_CODE, &ending.code, 4);
    memcpy(out_rec + OUT_ADDR, &ending.addr, 8);
    memcpy(out_rec + OUT_PC, &ending.pc, 8);
    memcpy(out_rec + OUT_STATE, out_state, ST_SIZE);
    memcpy(out_rec + OUT_WIN, win, WIN_SIZE);
    if (fwrite(out_rec, OUT_SIZE, 1, out) != 1) die("isa-fuzz harness: write failed\n");
  }
  fflush(out);
  return 0;
}
