// Hello, world — with nothing but two Linux system calls.
//
// A program talks to the kernel with `svc #0`: the call's number goes in x8,
// its arguments in x0, x1, x2, … and the result comes back in x0.
// On aarch64 Linux, write is call 64 and exit is call 93.

        .text
        .global _start          // the linker starts the program at _start
_start:
        mov     x0, #1          // file descriptor 1: standard output
        adr     x1, message     // x1 = the address of the text (pc-relative)
        mov     x2, #length     // x2 = how many bytes to write
        mov     x8, #64         // system call 64: write(fd, buffer, count)
        svc     #0              // ask the kernel; x0 = bytes written

        mov     x0, #0          // exit status 0: success
        mov     x8, #93         // system call 93: exit(status)
        svc     #0              // never returns

message:
        .ascii  "Hello, world!\n"
        .equ    length, . - message     // `.` is "here": the end minus the start
