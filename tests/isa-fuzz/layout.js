// The harness's fixed addresses and record layouts; harness/layout.h holds the same numbers.

export const PAGE = 4096;
export const CODE_ADDR = 0x1000000;
export const WIN_ADDR = 0x1002000;
export const WIN_SIZE = 4096;

export const ST_X = 0;
export const ST_SP = 248;
export const ST_NZCV = 256;
export const ST_FPCR = 264;
export const ST_FPSR = 272;
export const ST_TPIDR = 280;
export const ST_V = 288;
export const ST_SIZE = 800;

export const IN_NCODE = 0;
export const IN_START = 4;
export const IN_STATE = 16;
export const IN_CODE = IN_STATE + ST_SIZE;
export const MAX_CODE = 256;
export const IN_WIN = IN_CODE + 4 * MAX_CODE;
export const IN_SIZE = IN_WIN + WIN_SIZE;

export const OUT_SIG = 0;
export const OUT_CODE = 4;
export const OUT_ADDR = 8;
export const OUT_PC = 16;
export const OUT_STATE = 32;
export const OUT_WIN = OUT_STATE + ST_SIZE;
export const OUT_SIZE = OUT_WIN + WIN_SIZE;

/** The word before the block: ldp x16, x17, [x16, #128] (the harness's entry prologue). */
export const PROLOGUE = 0xa9484610;

/** The value TPIDR_EL0 holds in every case (the harness cannot observe a change of it). */
export const TPIDR_VALUE = 0x5a5a0000 + 0x1234;

export const SIGILL = 4;
export const SIGTRAP = 5;
export const SIGBUS = 7;
export const SIGFPE = 8;
export const SIGSEGV = 11;
