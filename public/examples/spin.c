/* spin: an endless loop, to show that the page stays responsive and that Stop
 * always works. Written without the C library: two system calls by hand (write
 * through svc #0 with the syscall number in x8), which keeps the program under
 * two kilobytes. It prints a line now and then; the loop itself never waits. */

static long sys_write(long fd, const void *buf, long len)
{
    register long x0 __asm__("x0") = fd;
    register long x1 __asm__("x1") = (long)buf;
    register long x2 __asm__("x2") = len;
    register long x8 __asm__("x8") = 64; /* __NR_write */
    __asm__ volatile("svc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x8) : "memory");
    return x0;
}

static void print(const char *s)
{
    long n = 0;
    while (s[n])
        n++;
    sys_write(1, s, n);
}

static void print_number(unsigned long v)
{
    char buf[24];
    int i = sizeof buf;
    buf[--i] = 0;
    do {
        buf[--i] = '0' + v % 10;
        v /= 10;
    } while (v);
    print(buf + i);
}

void _start(void)
{
    print("Spinning forever. Press Stop to end me.\n");
    unsigned long rounds = 0;
    for (;;) {
        /* About a hundred million instructions between lines. */
        for (volatile unsigned long i = 0; i < 20000000; i++)
            ;
        rounds++;
        print("still spinning: round ");
        print_number(rounds);
        print("\n");
    }
}
