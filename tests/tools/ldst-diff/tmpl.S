// A template copied into an RWX page: saves host callee-saved state, loads the guest state from
// `gin`, runs one instruction (patched over the nop at tmpl_insn), stores the guest state to `gout`.
        .text
        .global tmpl_start, tmpl_insn, tmpl_gin, tmpl_gout, tmpl_end
        .balign 16
tmpl_start:
        adr x16, host
        stp x19, x20, [x16, #0]
        stp x21, x22, [x16, #16]
        stp x23, x24, [x16, #32]
        stp x25, x26, [x16, #48]
        stp x27, x28, [x16, #64]
        stp x29, x30, [x16, #80]
        mov x17, sp
        str x17, [x16, #96]
        mrs x17, tpidr_el0
        str x17, [x16, #104]
        adr x16, tmpl_gin
        add x17, x16, #272
        ldp q0, q1, [x17, #0]
        ldp q2, q3, [x17, #32]
        ldp q4, q5, [x17, #64]
        ldp q6, q7, [x17, #96]
        ldp q8, q9, [x17, #128]
        ldp q10, q11, [x17, #160]
        ldp q12, q13, [x17, #192]
        ldp q14, q15, [x17, #224]
        ldp q16, q17, [x17, #256]
        ldp q18, q19, [x17, #288]
        ldp q20, q21, [x17, #320]
        ldp q22, q23, [x17, #352]
        ldp q24, q25, [x17, #384]
        ldp q26, q27, [x17, #416]
        ldp q28, q29, [x17, #448]
        ldp q30, q31, [x17, #480]
        ldr x17, [x16, #256]
        msr nzcv, x17
        ldr x17, [x16, #248]
        mov sp, x17
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
        ldp x16, x17, [x16, #128]
tmpl_insn:
        nop
        nop
        msr tpidr_el0, x16
        adr x16, tmpl_gout
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
        mrs x17, tpidr_el0
        str x17, [x16, #128]
        mov x17, sp
        str x17, [x16, #248]
        mrs x17, nzcv
        str x17, [x16, #256]
        add x17, x16, #272
        stp q0, q1, [x17, #0]
        stp q2, q3, [x17, #32]
        stp q4, q5, [x17, #64]
        stp q6, q7, [x17, #96]
        stp q8, q9, [x17, #128]
        stp q10, q11, [x17, #160]
        stp q12, q13, [x17, #192]
        stp q14, q15, [x17, #224]
        stp q16, q17, [x17, #256]
        stp q18, q19, [x17, #288]
        stp q20, q21, [x17, #320]
        stp q22, q23, [x17, #352]
        stp q24, q25, [x17, #384]
        stp q26, q27, [x17, #416]
        stp q28, q29, [x17, #448]
        stp q30, q31, [x17, #480]
        adr x16, host
        ldr x17, [x16, #104]
        msr tpidr_el0, x17
        ldr x17, [x16, #96]
        mov sp, x17
        ldp x19, x20, [x16, #0]
        ldp x21, x22, [x16, #16]
        ldp x23, x24, [x16, #32]
        ldp x25, x26, [x16, #48]
        ldp x27, x28, [x16, #64]
        ldp x29, x30, [x16, #80]
        ret
        .balign 16
host:   .skip 112
        .balign 16
tmpl_gin:  .skip 784
        .balign 16
tmpl_gout: .skip 784
tmpl_end:
