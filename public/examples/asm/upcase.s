// Reading input: copy standard input to standard output in capital letters,
// until the end of the input (type some lines, then Ctrl-D).
//
// read (call 63) returns how many bytes it put in the buffer, 0 at the end of
// the input, or a negative error number. The buffer lives in .bss: memory the
// program gets zeroed without storing zeros in the file.

        .text
        .global _start
_start:
1:      mov     x0, #0                  // read(0, buffer, 4096)
        adrp    x1, buffer              // the 4 KiB page holding buffer …
        add     x1, x1, :lo12:buffer    // … plus buffer's offset in that page
        mov     x2, #4096
        mov     x8, #63
        svc     #0
        cmp     x0, #0
        b.le    3f                      // 0: end of input; negative: an error

        mov     x2, x0                  // x2: bytes read (the count to write)
        mov     x3, #0                  // x3: index into the buffer
2:      ldrb    w4, [x1, x3]            // w4 = buffer[x3]
        sub     w5, w4, #'a'
        cmp     w5, #25                 // unsigned: is w4 in 'a'..'z'?
        b.hi    4f
        sub     w4, w4, #32             // 'a' - 'A' = 32
        strb    w4, [x1, x3]
4:      add     x3, x3, #1
        cmp     x3, x2
        b.lo    2b

        mov     x0, #1                  // write(1, buffer, count)
        mov     x8, #64
        svc     #0
        b       1b

3:      mov     x0, #0                  // exit(0)
        mov     x8, #93
        svc     #0

        .bss
        .balign 16
buffer: .space  4096
