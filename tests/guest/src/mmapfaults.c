/*
 * mmapfaults: the address space. mmap/mprotect/munmap with the faults they
 * cause caught and recovered (SEGV_ACCERR on writing a read-only page and on
 * touching PROT_NONE, SEGV_MAPERR after munmap, exact si_addr), splitting a
 * mapping with mprotect, MAP_FIXED replacing pages, MAP_FIXED_NOREPLACE
 * (argument "strict", below), madvise(MADV_DONTNEED) on private anonymous,
 * shared anonymous and private file pages, mremap (shrink, grow, move, MREMAP_FIXED, ENOMEM), anonymous
 * MAP_SHARED vs MAP_PRIVATE memory across fork, file mappings (MAP_SHARED
 * written through memory and read back with read(), write() seen through the
 * mapping, MAP_PRIVATE not writing through, a file offset, SIGBUS beyond the
 * end of the file), a 64 GiB PROT_NONE MAP_NORESERVE reservation with a
 * small part made usable, code written at run time and executed (and
 * rewritten), /proc/self/maps lines reduced to facts, and argument errors.
 *
 * Runs in a scratch directory (creates mm.dat). Addresses are never printed,
 * only offsets and comparisons.
 *
 * Argument "strict" runs only what qemu-user 7.2 gets wrong, so that case's
 * expected output is written by hand (checked against the host kernel with a
 * native build): MAP_FIXED_NOREPLACE (qemu treats the address as a hint and
 * maps elsewhere instead of failing with EEXIST) and madvise with an unknown
 * advice (qemu returns 0, Linux EINVAL).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

static long pg;
static sigjmp_buf jb;
static volatile int f_sig, f_code;
static volatile uintptr_t f_addr;

static const char *err_name(int e)
{
    switch (e) {
    case 0: return "0";
    case EINVAL: return "EINVAL";
    case ENOMEM: return "ENOMEM";
    case EACCES: return "EACCES";
    case EEXIST: return "EEXIST";
    case EBADF: return "EBADF";
    case ENODEV: return "ENODEV";
    default: return "other";
    }
}

static const char *code_name(int sig, int code)
{
    if (sig == SIGSEGV && code == SEGV_MAPERR) return "SEGV_MAPERR";
    if (sig == SIGSEGV && code == SEGV_ACCERR) return "SEGV_ACCERR";
    if (sig == SIGBUS && code == BUS_ADRERR) return "BUS_ADRERR";
    if (sig == SIGBUS && code == BUS_ADRALN) return "BUS_ADRALN";
    return "other";
}

static void on_fault(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    f_sig = sig;
    f_code = si->si_code;
    f_addr = (uintptr_t)si->si_addr;
    siglongjmp(jb, 1);
}

/* reads or writes one byte; prints "ok (value)" or the signal */
static void probe(const char *what, volatile char *p, int write, char value)
{
    printf("%-52s ", what);
    if (sigsetjmp(jb, 1) == 0) {
        if (write) {
            *p = value;
            printf("ok\n");
        } else {
            char v = *p;
            printf("ok, reads %d\n", v);
        }
    } else {
        printf("%s %s, si_addr exact %d\n", f_sig == SIGSEGV ? "SIGSEGV" : f_sig == SIGBUS ? "SIGBUS" : "signal?",
               code_name(f_sig, f_code), f_addr == (uintptr_t)p);
    }
}

static char *map_anon(size_t len, int prot)
{
    char *p = mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        printf("mmap failed: %s\n", strerror(errno));
        exit(1);
    }
    return p;
}

/* The /proc/self/maps line whose range contains addr, reduced to "start-offset-from-base
   length perms offset name" facts. */
static void maps_fact(const char *label, const void *addr, const void *base)
{
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f) {
        printf("%-40s cannot open /proc/self/maps\n", label);
        return;
    }
    char line[512];
    int found = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long lo, hi, off;
        char perms[8], name[256] = "";
        int n = sscanf(line, "%lx-%lx %7s %lx %*s %*s %255[^\n]", &lo, &hi, perms, &off, name);
        if (n < 4)
            continue;
        if ((uintptr_t)addr >= lo && (uintptr_t)addr < hi) {
            const char *slash = strrchr(name, '/');
            const char *shown = slash ? slash + 1 : name;
            printf("%-40s %s", label, perms);
            if (base)
                printf(" starts at base%+ld pages, %ld pages", ((long)lo - (long)(uintptr_t)base) / pg,
                       (long)(hi - lo) / pg);
            printf(" offset %#lx name \"%s\"\n", off, shown);
            found = 1;
            break;
        }
    }
    fclose(f);
    if (!found)
        printf("%-40s no line\n", label);
}

static void test_protections(void)
{
    char *m = map_anon(4 * pg, PROT_READ | PROT_WRITE);
    memset(m, 7, 4 * pg);
    probe("write to a fresh RW page:", m, 1, 1);
    mprotect(m + pg, pg, PROT_READ);
    mprotect(m + 2 * pg, pg, PROT_NONE);
    munmap(m + 3 * pg, pg);
    probe("page 0 (RW) read:", m + 10, 0, 0);
    probe("page 1 (PROT_READ) read:", m + pg + 10, 0, 0);
    probe("page 1 (PROT_READ) write:", m + pg + 11, 1, 2);
    probe("page 2 (PROT_NONE) read:", m + 2 * pg + 12, 0, 0);
    probe("page 2 (PROT_NONE) write:", m + 2 * pg + 13, 1, 2);
    probe("page 3 (unmapped) read:", m + 3 * pg, 0, 0);
    probe("page 3 (unmapped) write:", m + 4 * pg - 1, 1, 2);
    maps_fact("maps, page 0:", m, m);
    maps_fact("maps, page 1:", m + pg, m);
    maps_fact("maps, page 2:", m + 2 * pg, m);
    maps_fact("maps, page 3:", m + 3 * pg, NULL);
    mprotect(m + pg, 2 * pg, PROT_READ | PROT_WRITE);
    probe("pages 1-2 after mprotect RW, write:", m + 2 * pg + 13, 1, 3);
    probe("... and the old contents of page 2:", m + 2 * pg + 14, 0, 0);
    maps_fact("maps after merging back:", m + pg, m);
    munmap(m, 3 * pg);
    probe("after munmap of everything:", m, 0, 0);

    /* MAP_FIXED replaces what was there */
    m = map_anon(2 * pg, PROT_READ | PROT_WRITE);
    memset(m, 9, 2 * pg);
    char *f = mmap(m + pg, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED at page 1: same address %d, page 1 now %d, page 0 kept %d\n", f == m + pg, f[0], m[0]);
    munmap(m, 2 * pg);
}

static void test_strict(void)
{
    char *m = map_anon(3 * pg, PROT_READ | PROT_WRITE);
    munmap(m + 2 * pg, pg);
    m[0] = 5;
    errno = 0;
    char *r = mmap(m + pg, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    printf("MAP_FIXED_NOREPLACE over a mapped page: %s %s\n", r == MAP_FAILED ? "MAP_FAILED" : "mapped",
           err_name(errno));
    errno = 0;
    r = mmap(m + pg, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    printf("MAP_FIXED_NOREPLACE partly over a mapped page: %s %s\n", r == MAP_FAILED ? "MAP_FAILED" : "mapped",
           err_name(errno));
    errno = 0;
    r = mmap(m + 2 * pg, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    printf("MAP_FIXED_NOREPLACE on the free page: %s, at the requested address %d, zero-filled %d, page 0 kept %d\n",
           r == MAP_FAILED ? "MAP_FAILED" : "mapped", r == m + 2 * pg, r != MAP_FAILED && r[0] == 0, m[0]);
    munmap(m, 3 * pg);

    m = map_anon(pg, PROT_READ);
    errno = 0;
    int rc = madvise(m, pg, 12345);
    printf("madvise with an unknown advice: %d %s\n", rc, err_name(errno));
    munmap(m, pg);
}

static void test_madvise(int fd)
{
    char *m = map_anon(2 * pg, PROT_READ | PROT_WRITE);
    memset(m, 0x11, 2 * pg);
    int r = madvise(m, pg, MADV_DONTNEED);
    printf("MADV_DONTNEED, private anonymous: %d, page 0 reads %d, page 1 reads %d\n", r, m[5], m[pg + 5]);
    munmap(m, 2 * pg);

    char *s = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    memset(s, 0x22, pg);
    r = madvise(s, pg, MADV_DONTNEED);
    printf("MADV_DONTNEED, shared anonymous: %d, reads %d (contents kept)\n", r, s[5]);
    munmap(s, pg);

    char *p = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    char before = p[5];
    p[5] = 99;
    r = madvise(p, pg, MADV_DONTNEED);
    printf("MADV_DONTNEED, private file page: %d, private change dropped, reads the file again %d\n", r,
           p[5] == before);
    munmap(p, pg);
}

static void test_mremap(void)
{
    char *m = map_anon(4 * pg, PROT_READ | PROT_WRITE);
    for (int i = 0; i < 4; i++)
        m[i * pg] = (char)(40 + i);
    char *r = mremap(m, 4 * pg, 2 * pg, 0);
    printf("mremap shrink 4 -> 2 pages: same address %d\n", r == m);
    probe("the dropped tail:", m + 3 * pg, 0, 0);
    r = mremap(m, 2 * pg, 3 * pg, 0);
    printf("mremap grow 2 -> 3 pages in place: same address %d, new page reads %d\n", r == m, r == m ? m[2 * pg] : -1);
    /* block growth in place, then grow with MREMAP_MAYMOVE */
    char *block = mmap(m + 3 * pg, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    errno = 0;
    r = mremap(m, 3 * pg, 6 * pg, 0);
    printf("mremap grow into a mapped page without MAYMOVE: %s %s\n", r == MAP_FAILED ? "MAP_FAILED" : "?",
           err_name(errno));
    char *moved = mremap(m, 3 * pg, 6 * pg, MREMAP_MAYMOVE);
    printf("mremap MAYMOVE 3 -> 6 pages: moved %d, contents %d %d, new pages %d\n", moved != m, moved[0], moved[pg],
           moved[5 * pg]);
    probe("old address after the move:", m, 0, 0);
    char *target = map_anon(6 * pg, PROT_NONE);
    char *fixed = mremap(moved, 6 * pg, 6 * pg, MREMAP_MAYMOVE | MREMAP_FIXED, target);
    printf("MREMAP_FIXED onto a reserved range: at the target %d, contents %d %d\n", fixed == target, fixed[0],
           fixed[pg]);
    probe("the moved-from address:", moved, 0, 0);
    errno = 0;
    r = mremap(fixed + 1, pg, 2 * pg, MREMAP_MAYMOVE);
    printf("mremap of an unaligned address: %s\n", r == MAP_FAILED ? err_name(errno) : "?");
    munmap(fixed, 6 * pg);
    munmap(block, pg);
}

static void test_fork_sharing(void)
{
    char *shared = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    char *priv = map_anon(pg, PROT_READ | PROT_WRITE);
    strcpy(shared, "parent");
    strcpy(priv, "parent");
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        strcpy(shared, "child wrote this");
        strcpy(priv, "child wrote this");
        _exit(0);
    }
    int st;
    waitpid(c, &st, 0);
    printf("after fork: MAP_SHARED anonymous reads \"%s\", MAP_PRIVATE reads \"%s\"\n", shared, priv);
    munmap(shared, pg);
    munmap(priv, pg);
}

static int make_file(void)
{
    int fd = open("mm.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        printf("open mm.dat: %s\n", strerror(errno));
        exit(1);
    }
    char *buf = malloc(3 * pg);
    for (long i = 0; i < 3 * pg; i++)
        buf[i] = (char)('a' + (i / pg));
    if (write(fd, buf, 3 * pg) != 3 * pg) {
        printf("write mm.dat failed\n");
        exit(1);
    }
    free(buf);
    return fd;
}

static void test_files(int fd)
{
    char *s = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    printf("MAP_SHARED file: first bytes of pages %c %c %c\n", s[0], s[pg], s[2 * pg]);
    memcpy(s + 100, "through memory", 14);
    char buf[32] = {0};
    pread(fd, buf, 14, 100);
    printf("written through the mapping, read() sees \"%s\"\n", buf);
    pwrite(fd, "by write()", 10, pg + 50);
    printf("pwrite() at page 1, the mapping sees \"%.10s\"\n", s + pg + 50);
    printf("msync: %d\n", msync(s, 3 * pg, MS_SYNC));
    maps_fact("maps, shared file mapping:", s + pg, s);
    munmap(s, 3 * pg);

    char *p = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, pg);
    printf("MAP_PRIVATE at file offset 1 page: first bytes %c %c, sees the earlier write \"%.10s\"\n", p[0], p[pg],
           p + 50);
    memcpy(p, "private", 7);
    memset(buf, 0, sizeof buf);
    pread(fd, buf, 7, pg);
    printf("private write, file still holds \"%.7s\"\n", buf);
    maps_fact("maps, private file mapping:", p, p);
    munmap(p, 2 * pg);

    /* beyond the end of the file */
    ftruncate(fd, pg + 100);
    char *b = mmap(NULL, 3 * pg, PROT_READ, MAP_SHARED, fd, 0);
    probe("file of 1 page + 100 bytes, byte 99 of page 1:", b + pg + 99, 0, 0);
    probe("byte 200 of page 1 (past EOF, same page):", b + pg + 200, 0, 0);
    probe("page 2 (wholly past EOF):", b + 2 * pg + 8, 0, 0);
    munmap(b, 3 * pg);
}

static void test_reservation(void)
{
    size_t big = (size_t)64 << 30;
    char *r = mmap(NULL, big, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (r == MAP_FAILED) {
        printf("64 GiB PROT_NONE reservation failed: %s\n", err_name(errno));
        return;
    }
    char *mid = r + ((size_t)32 << 30);
    int rc = mprotect(mid, 2 * pg, PROT_READ | PROT_WRITE);
    memset(mid, 0x5a, 2 * pg);
    printf("64 GiB PROT_NONE reservation: ok; mprotect 2 pages in the middle RW %d, they hold %#x\n", rc,
           (unsigned char)mid[pg + 1]);
    probe("the page below them:", mid - 1, 0, 0);
    probe("the page above them:", mid + 2 * pg, 1, 1);
    probe("the last page of the reservation:", r + big - 1, 0, 0);
    maps_fact("maps, the usable part:", mid, mid);
    printf("munmap of the reservation: %d\n", munmap(r, big));
}

#if defined(__aarch64__)
static void test_code(void)
{
    uint32_t *code = (uint32_t *)map_anon(pg, PROT_READ | PROT_WRITE);
    code[0] = 0x52800540; /* mov w0, #42 */
    code[1] = 0xd65f03c0; /* ret */
    __builtin___clear_cache((char *)code, (char *)(code + 2));
    int (*fn)(void) = (int (*)(void))(uintptr_t)code;
    printf("%-52s ", "call into a RW (non-executable) page:");
    if (sigsetjmp(jb, 1) == 0) {
        int v = fn();
        printf("returned %d?\n", v);
    } else {
        printf("%s %s, si_addr is the code %d\n", f_sig == SIGSEGV ? "SIGSEGV" : "signal?", code_name(f_sig, f_code),
               f_addr == (uintptr_t)code);
    }
    mprotect(code, pg, PROT_READ | PROT_EXEC);
    printf("after mprotect R-X: returns %d\n", fn());
    mprotect(code, pg, PROT_READ | PROT_WRITE);
    code[0] = 0x528000e0; /* mov w0, #7 */
    __builtin___clear_cache((char *)code, (char *)(code + 2));
    mprotect(code, pg, PROT_READ | PROT_EXEC);
    printf("rewritten and made R-X again: returns %d\n", fn());
    munmap(code, pg);
}
#else
static void test_code(void) { printf("(run-time code: aarch64 only)\n"); }
#endif

static void test_errors(int fd)
{
    struct {
        const char *what;
        void *addr;
        size_t len;
        int prot, flags, fd;
        off_t off;
    } cases[] = {
        {"length 0", NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0},
        {"neither MAP_PRIVATE nor MAP_SHARED", NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0},
        {"MAP_FIXED at an unaligned address", (void *)0x10001, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
         -1, 0},
        {"unaligned file offset", NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 100},
        {"bad fd", NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0},
        {"MAP_SHARED PROT_WRITE on an O_RDONLY fd", NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, -2, 0},
        {"a directory", NULL, 4096, PROT_READ, MAP_PRIVATE, -3, 0},
    };
    int rdonly = open("mm.dat", O_RDONLY);
    int dir = open(".", O_RDONLY | O_DIRECTORY);
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int cfd = cases[i].fd == -2 ? rdonly : cases[i].fd == -3 ? dir : cases[i].fd;
        errno = 0;
        void *r = mmap(cases[i].addr, cases[i].len, cases[i].prot, cases[i].flags, cfd, cases[i].off);
        printf("mmap, %-40s %s %s\n", cases[i].what, r == MAP_FAILED ? "MAP_FAILED" : "mapped?", err_name(errno));
    }
    close(rdonly);
    close(dir);
    char *m = map_anon(2 * pg, PROT_READ);
    munmap(m + pg, pg);
    errno = 0;
    int r = munmap(m + 1, pg);
    printf("munmap at an unaligned address: %d %s\n", r, err_name(errno));
    errno = 0;
    r = mprotect(m, 2 * pg, PROT_READ | PROT_WRITE);
    printf("mprotect over a hole: %d %s\n", r, err_name(errno));
    errno = 0;
    r = mprotect(m + 1, pg, PROT_READ);
    printf("mprotect at an unaligned address: %d %s\n", r, err_name(errno));
    errno = 0;
    r = munmap(m + pg, pg);
    printf("munmap of an already unmapped page: %d\n", r);
    errno = 0;
    r = msync(m + pg, pg, MS_SYNC);
    printf("msync of an unmapped page: %d %s\n", r, err_name(errno));
    munmap(m, pg);
}

int main(int argc, char **argv)
{
    pg = sysconf(_SC_PAGESIZE);
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);

    if (argc > 1 && strcmp(argv[1], "strict") == 0) {
        test_strict();
        return 0;
    }
    printf("page size %ld\n", pg);
    test_protections();
    int fd = make_file();
    test_madvise(fd);
    test_mremap();
    test_fork_sharing();
    test_files(fd);
    close(fd);
    fd = make_file();
    test_reservation();
    test_code();
    test_errors(fd);
    close(fd);
    unlink("mm.dat");
    int local;
    maps_fact("maps, a local variable:", &local, NULL);
    printf("done\n");
    return 0;
}
