// Loops and conditions: add up 1 + 2 + … + 100 and print the total in decimal.
//
// Conditional branches test the flags that `cmp` sets: b.le jumps when the
// first operand was less than or equal to the second. Numeric labels (1:, 2:)
// can be reused; `1b` means "the nearest 1: before here", `1f` "the next one after".

        .text
        .global _start
_start:
        mov     x19, #0                 // x19: the running total
        mov     x20, #1                 // x20: the counter, from 1
1:      add     x19, x19, x20           // total += counter
        add     x20, x20, #1            // counter += 1
        cmp     x20, #100               // compare counter with 100 …
        b.le    1b                      // … and loop while counter <= 100

        // Turn x19 into decimal digits, last digit first, filling a buffer
        // on the stack from its end towards its start.
        sub     sp, sp, #32             // room for the digits (sp stays 16-byte aligned)
        add     x1, sp, #32             // x1: one past the end of the buffer
        mov     w2, #'\n'
        strb    w2, [x1, #-1]!          // store a newline, moving x1 back one byte first
        mov     x3, #10
2:      udiv    x4, x19, x3             // x4 = total / 10
        msub    x5, x4, x3, x19         // x5 = total - x4 * 10: the last digit
        add     x5, x5, #'0'            // as an ASCII character
        strb    w5, [x1, #-1]!
        mov     x19, x4
        cbnz    x19, 2b                 // more digits while the quotient is not zero

        mov     x0, #1                  // write(1, x1, end - x1)
        add     x2, sp, #32
        sub     x2, x2, x1
        mov     x8, #64
        svc     #0

        mov     x0, #0                  // exit(0)
        mov     x8, #93
        svc     #0
