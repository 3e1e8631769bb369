// Entering and leaving a block of guest instructions.
//
// run_block(state, entry) saves the host's callee-saved registers, SP and TPIDR_EL0, loads the whole
// guest state (V0-V31, NZCV, FPCR, FPSR, TPIDR_EL0, SP, X0-X30; X16/X17 last, by the prologue word the
// harness writes just before the block) and jumps to the prologue. The block ends with a branch to
// exit_stub, which stores the guest state into out_state and returns to run_block's caller.
//
// exit_stub has no free register: it parks the guest's X16 in TPIDR_EL0. The guest's TPIDR_EL0 is
// therefore not observable at the end; the generator never changes it (MSR TPIDR_EL0 only writes
// back the same value).
//
// sig_entry is the SA_SIGINFO handler: it puts back the host's TPIDR_EL0 (the C library's thread
// pointer) and a default FPCR before any C code runs, then tail-calls on_signal.
#include "layout.h"

        .text
        .global run_block, exit_stub, sig_entry
        .balign 16
run_block:
        adrp x9, host_save
        add x9, x9, :lo12:host_save
        stp x19, x20, [x9, #0]
        stp x21, x22, [x9, #16]
        stp x23, x24, [x9, #32]
        stp x25, x26, [x9, #48]
        stp x27, x28, [x9, #64]
        stp x29, x30, [x9, #80]
        mov x10, sp
        str x10, [x9, #96]
        mrs x10, tpidr_el0
        str x10, [x9, #104]
        clrex
        mov x16, x0
        mov x17, x1
        add x10, x16, #ST_V
        ldp q0, q1, [x10, #0]
        ldp q2, q3, [x10, #32]
        ldp q4, q5, [x10, #64]
        ldp q6, q7, [x10, #96]
        ldp q8, q9, [x10, #128]
        ldp q10, q11, [x10, #160]
        ldp q12, q13, [x10, #192]
        ldp q14, q15, [x10, #224]
        ldp q16, q17, [x10, #256]
        ldp q18, q19, [x10, #288]
        ldp q20, q21, [x10, #320]
        ldp q22, q23, [x10, #352]
        ldp q24, q25, [x10, #384]
        ldp q26, q27, [x10, #416]
        ldp q28, q29, [x10, #448]
        ldp q30, q31, [x10, #480]
        ldr x10, [x16, #ST_NZCV]
        msr nzcv, x10
        ldr x10, [x16, #ST_FPCR]
        msr fpcr, x10
        ldr x10, [x16, #ST_FPSR]
        msr fpsr, x10
        ldr x10, [x16, #ST_TPIDR]
        msr tpidr_el0, x10
        ldr x10, [x16, #ST_SP]
        mov sp, x10
        ldp x0, x1, [x16, #0]
        ldp x2, x3, [x16, #16]
        ldp x4, x5, [x16, #32]
        ldp x6, x7, [x16, #48]
        ldp x8, x9, [x16, #64]
        ldp x10, x11, [x16, #80]
        ldp x12, x13, [x16, #96]
        ldp x14, x15, [x16, #112]
        ldp x18, x19, [x16, #144]
        ldp x20, x21, [x16, #160]
        ldp x22, x23, [x16, #176]
        ldp x24, x25, [x16, #192]
        ldp x26, x27, [x16, #208]
        ldp x28, x29, [x16, #224]
        ldr x30, [x16, #240]
        br x17                          // the prologue: ldp x16, x17, [x16, #128]

        .balign 16
exit_stub:
        msr tpidr_el0, x16
        adrp x16, out_state
        add x16, x16, :lo12:out_state
        stp x0, x1, [x16, #0]
        stp x2, x3, [x16, #16]
        stp x4, x5, [x16, #32]
        stp x6, x7, [x16, #48]
        stp x8, x9, [x16, #64]
        stp x10, x11, [x16, #80]
        stp x12, x13, [x16, #96]
        stp x14, x15, [x16, #112]
        str x17, [x16, #136]
        stp x18, x19, [x16, #144]
        stp x20, x21, [x16, #160]
        stp x22, x23, [x16, #176]
        stp x24, x25, [x16, #192]
        stp x26, x27, [x16, #208]
        stp x28, x29, [x16, #224]
        str x30, [x16, #240]
        mrs x0, tpidr_el0
        str x0, [x16, #128]
        mov x0, sp
        str x0, [x16, #ST_SP]
        mrs x0, nzcv
        str x0, [x16, #ST_NZCV]
        mrs x0, fpcr
        str x0, [x16, #ST_FPCR]
        mrs x0, fpsr
        str x0, [x16, #ST_FPSR]
        add x0, x16, #ST_V
        stp q0, q1, [x0, #0]
        stp q2, q3, [x0, #32]
        stp q4, q5, [x0, #64]
        stp q6, q7, [x0, #96]
        stp q8, q9, [x0, #128]
        stp q10, q11, [x0, #160]
        stp q12, q13, [x0, #192]
        stp q14, q15, [x0, #224]
        stp q16, q17, [x0, #256]
        stp q18, q19, [x0, #288]
        stp q20, q21, [x0, #320]
        stp q22, q23, [x0, #352]
        stp q24, q25, [x0, #384]
        stp q26, q27, [x0, #416]
        stp q28, q29, [x0, #448]
        stp q30, q31, [x0, #480]
        adrp x9, host_save
        add x9, x9, :lo12:host_save
        ldr x10, [x9, #104]
        msr tpidr_el0, x10
        msr fpcr, xzr
        msr fpsr, xzr
        ldr x10, [x9, #96]
        mov sp, x10
        ldp x19, x20, [x9, #0]
        ldp x21, x22, [x9, #16]
        ldp x23, x24, [x9, #32]
        ldp x25, x26, [x9, #48]
        ldp x27, x28, [x9, #64]
        ldp x29, x30, [x9, #80]
        ret

        .balign 16
sig_entry:
        adrp x9, host_save
        add x9, x9, :lo12:host_save
        ldr x10, [x9, #104]
        msr tpidr_el0, x10
        msr fpcr, xzr
        b on_signal

        .bss
        .balign 16
host_save:
        .skip 112
        .global out_state
        .balign 16
out_state:
        .skip ST_SIZE
        .section .note.GNU-stack, "", %progbits
