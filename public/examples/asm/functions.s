// Functions and the stack: factorials 1! to 10!, each computed by a recursive
// function and printed by another.
//
// The calling convention (AAPCS64): arguments in x0-x7, the result in x0;
// `bl` puts the return address in x30 (the link register) and `ret` jumps back
// to it. A function that calls others must save x30 first — here on the stack,
// with the frame pointer x29, by `stp` (store pair) and restore it by `ldp`.
// x19-x28 keep their values across calls (a callee that uses them saves them).

        .text
        .global _start
_start:
        mov     x19, #1                 // n from 1 to 10
1:      mov     x0, x19
        bl      factorial               // x0 = n!
        bl      print_number
        add     x19, x19, #1
        cmp     x19, #10
        b.le    1b
        mov     x0, #0
        mov     x8, #93                 // exit(0)
        svc     #0

// factorial(n) = 1 when n <= 1, else n * factorial(n - 1)
        .type   factorial, %function
factorial:
        cmp     x0, #1
        b.hi    1f
        mov     x0, #1                  // the base case needs no frame
        ret
1:      stp     x29, x30, [sp, #-32]!   // push the frame pointer and return address
        mov     x29, sp
        str     x0, [sp, #16]           // keep n: the call below may change x0
        sub     x0, x0, #1
        bl      factorial               // x0 = (n - 1)!
        ldr     x1, [sp, #16]
        mul     x0, x0, x1              // n * (n - 1)!
        ldp     x29, x30, [sp], #32     // pop them again
        ret
        .size   factorial, . - factorial

// print_number(x0): the number in decimal and a newline, on standard output
        .type   print_number, %function
print_number:
        sub     sp, sp, #32
        add     x1, sp, #32
        mov     w2, #'\n'
        strb    w2, [x1, #-1]!
        mov     x3, #10
2:      udiv    x4, x0, x3
        msub    x5, x4, x3, x0
        add     w5, w5, #'0'
        strb    w5, [x1, #-1]!
        mov     x0, x4
        cbnz    x0, 2b
        add     x2, sp, #32
        sub     x2, x2, x1              // length
        mov     x0, #1
        mov     x8, #64                 // write(1, x1, x2)
        svc     #0
        add     sp, sp, #32
        ret
        .size   print_number, . - print_number
