// SIMD: one instruction works on four numbers at once.
//
// The 32 vector registers v0-v31 are 128 bits wide. `v0.4s` views v0 as four
// 32-bit lanes; `ld1` loads consecutive memory into lanes, `add` adds lane by
// lane, `addv` adds the lanes of one register together into a scalar (s4, the
// low 32 bits of v4), and `fmov` copies its bits to a general register.

        .text
        .global _start
_start:
        adr     x0, first
        adr     x1, second
        ld1     {v0.4s}, [x0]           // v0 = 1, 2, 3, 4
        ld1     {v1.4s}, [x1]           // v1 = 10, 20, 30, 40
        add     v2.4s, v0.4s, v1.4s     // v2 = 11, 22, 33, 44: four additions in one
        mul     v3.4s, v2.4s, v2.4s     // v3 = the squares of v2's lanes
        addv    s4, v3.4s               // s4 = the sum of v3's four lanes
        fmov    w19, s4                 // to a general register: 121+484+1089+1936 = 3630

        // print w19 in decimal
        sub     sp, sp, #32
        add     x1, sp, #32
        mov     w2, #'\n'
        strb    w2, [x1, #-1]!
        mov     w3, #10
1:      udiv    w4, w19, w3
        msub    w5, w4, w3, w19
        add     w5, w5, #'0'
        strb    w5, [x1, #-1]!
        mov     w19, w4
        cbnz    w19, 1b
        add     x2, sp, #32
        sub     x2, x2, x1
        mov     x0, #1
        mov     x8, #64                 // write(1, x1, x2)
        svc     #0
        mov     x0, #0
        mov     x8, #93                 // exit(0)
        svc     #0

        .balign 16
first:  .word   1, 2, 3, 4
second: .word   10, 20, 30, 40
