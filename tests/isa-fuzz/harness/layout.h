/*
 * The harness's fixed addresses and record layouts. tests/isa-fuzz/layout.js holds the same numbers
 * for the JavaScript side; change both together.
 */
#ifndef ISA_FUZZ_LAYOUT_H
#define ISA_FUZZ_LAYOUT_H

#define PAGE 4096UL
/* The code page: word `start - 1` holds the entry prologue, the block runs from word `start`. */
#define CODE_ADDR 0x1000000UL
/* The memory window the blocks read and write, between two PROT_NONE guard pages. */
#define WIN_ADDR 0x1002000UL
#define WIN_SIZE 4096UL
#define GUARD_LO (WIN_ADDR - PAGE)
#define GUARD_HI (WIN_ADDR + WIN_SIZE)

/* Guest register state (little-endian, 800 bytes), shared by input and output records. */
#define ST_X 0        /* x0..x30, 8 bytes each */
#define ST_SP 248
#define ST_NZCV 256   /* bits 31:28 */
#define ST_FPCR 264
#define ST_FPSR 272
#define ST_TPIDR 280
#define ST_V 288      /* v0..v31, 16 bytes each */
#define ST_SIZE 800

/* Input record: header, state, code words, window contents. */
#define IN_NCODE 0    /* u32: number of block words */
#define IN_START 4    /* u32: word index of the block's first word in the code page (>= 1) */
#define IN_STATE 16
#define IN_CODE (IN_STATE + ST_SIZE)
#define MAX_CODE 256
#define IN_WIN (IN_CODE + 4 * MAX_CODE)
#define IN_SIZE (IN_WIN + WIN_SIZE)

/* Output record: how the block ended, the state then, and the window. */
#define OUT_SIG 0     /* i32: 0 when the block ran to its end, else the signal number */
#define OUT_CODE 4    /* i32: si_code */
#define OUT_ADDR 8    /* u64: si_addr */
#define OUT_PC 16     /* u64: pc at the signal, or the end of the block */
#define OUT_STATE 32
#define OUT_WIN (OUT_STATE + ST_SIZE)
#define OUT_SIZE (OUT_WIN + WIN_SIZE)

#endif
