/*
 * fileio: file-system system calls inside a scratch directory
 * "a64_fileio_tmp" created in the current directory (removed first if a
 * previous run left it behind, removed again at the end).  Prints sizes,
 * file types, link counts and permission bits, never times or inode numbers.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#define TOP "a64_fileio_tmp"

static int failures;

#define CHECK(cond)                                                            \
    do {                                                                       \
        if (!(cond)) {                                                         \
            printf("CHECK FAILED line %d: %s (errno %s)\n", __LINE__, #cond,   \
                   strerror(errno));                                           \
            failures++;                                                        \
        }                                                                      \
    } while (0)

static const char *ftype(mode_t m)
{
    if (S_ISREG(m)) return "regular";
    if (S_ISDIR(m)) return "directory";
    if (S_ISLNK(m)) return "symlink";
    if (S_ISFIFO(m)) return "fifo";
    if (S_ISCHR(m)) return "chardev";
    if (S_ISBLK(m)) return "blockdev";
    if (S_ISSOCK(m)) return "socket";
    return "unknown";
}

static void show_stat(const char *path, int follow)
{
    struct stat st;
    int rc = follow ? stat(path, &st) : lstat(path, &st);
    if (rc != 0) {
        printf("%s(%s): %s\n", follow ? "stat" : "lstat", path, strerror(errno));
        return;
    }
    printf("%s(%s): type=%s mode=%04o", follow ? "stat" : "lstat", path,
           ftype(st.st_mode), (unsigned)(st.st_mode & 07777));
    /* directory sizes and link counts depend on the host file system */
    if (!S_ISDIR(st.st_mode))
        printf(" nlink=%lu size=%lld", (unsigned long)st.st_nlink, (long long)st.st_size);
    printf("\n");
}

static void expect_fail(const char *what, int rc)
{
    if (rc == -1)
        printf("%s: failed as expected: %s\n", what, strerror(errno));
    else {
        printf("%s: unexpectedly succeeded (rc=%d)\n", what, rc);
        failures++;
    }
}

static void rm_rf(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d) {
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                    continue;
                char sub[4096];
                snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
                rm_rf(sub);
            }
            closedir(d);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_dir(const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        printf("opendir(%s): %s\n", path, strerror(errno));
        return;
    }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64)
        names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp_names);
    printf("listing of %s (%d entries):", path, n);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static unsigned checksum(const unsigned char *p, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

int main(void)
{
    umask(022);
    rm_rf(TOP);
    CHECK(mkdir(TOP, 0755) == 0);
    CHECK(chdir(TOP) == 0);

    char cwd[4096];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    size_t cl = strlen(cwd), tl = strlen("/" TOP);
    printf("getcwd ends with /%s: %s\n", TOP, cl >= tl && strcmp(cwd + cl - tl, "/" TOP) == 0 ? "yes" : "no");

    /* create, write, read back */
    int fd = open("data.bin", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    CHECK(fd >= 0);
    unsigned char buf[20000];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (unsigned char)(i * 7 + (i >> 9));
    ssize_t w = write(fd, buf, sizeof buf);
    printf("write returned %zd\n", w);
    CHECK(close(fd) == 0);
    show_stat("data.bin", 1);

    fd = open("data.bin", O_RDWR);
    CHECK(fd >= 0);
    unsigned char rb[30000];
    ssize_t r = read(fd, rb, sizeof rb);
    printf("read returned %zd, checksum match: %s\n", r,
           r == (ssize_t)sizeof buf && checksum(rb, sizeof buf) == checksum(buf, sizeof buf) ? "yes" : "no");
    r = read(fd, rb, sizeof rb);
    printf("read at EOF returned %zd\n", r);

    /* lseek variants */
    printf("lseek(SEEK_SET 100)=%lld\n", (long long)lseek(fd, 100, SEEK_SET));
    printf("lseek(SEEK_CUR 50)=%lld\n", (long long)lseek(fd, 50, SEEK_CUR));
    printf("lseek(SEEK_END -10)=%lld\n", (long long)lseek(fd, -10, SEEK_END));
    r = read(fd, rb, 100);
    printf("read after SEEK_END-10 returned %zd first=%u\n", r, rb[0]);
    errno = 0;
    printf("lseek(-1 SEEK_SET)=%lld errno=%s\n", (long long)lseek(fd, -1, SEEK_SET), strerror(errno));

    /* pread / pwrite do not move the offset */
    off_t before = lseek(fd, 1234, SEEK_SET);
    r = pread(fd, rb, 16, 5000);
    printf("pread 16@5000 returned %zd, bytes %u %u, offset still %lld (was %lld)\n", r, rb[0], rb[15],
           (long long)lseek(fd, 0, SEEK_CUR), (long long)before);
    w = pwrite(fd, "PWRITE", 6, 25000); /* beyond EOF: creates a hole */
    printf("pwrite beyond EOF returned %zd\n", w);
    struct stat st;
    CHECK(fstat(fd, &st) == 0);
    printf("fstat: type=%s size=%lld\n", ftype(st.st_mode), (long long)st.st_size);
    r = pread(fd, rb, 10, 20000);
    printf("hole reads as zeros: %s\n", r == 10 && memcmp(rb, "\0\0\0\0\0\0\0\0\0\0", 10) == 0 ? "yes" : "no");

    /* ftruncate shrink and grow */
    CHECK(ftruncate(fd, 1000) == 0);
    CHECK(fstat(fd, &st) == 0);
    printf("after ftruncate(1000): size=%lld\n", (long long)st.st_size);
    CHECK(ftruncate(fd, 3000) == 0);
    r = pread(fd, rb, 3000, 0);
    printf("after ftruncate(3000): read %zd, tail zero: %s, head intact: %s\n", r,
           rb[2999] == 0 && rb[1000] == 0 ? "yes" : "no", memcmp(rb, buf, 1000) == 0 ? "yes" : "no");
    CHECK(close(fd) == 0);

    /* O_APPEND, writev/readv, dup/dup2, fcntl */
    fd = open("log.txt", O_CREAT | O_WRONLY | O_APPEND, 0600);
    CHECK(fd >= 0);
    struct iovec iov[3] = {{"first ", 6}, {"second ", 7}, {"third\n", 6}};
    printf("writev returned %zd\n", writev(fd, iov, 3));
    lseek(fd, 0, SEEK_SET);
    CHECK(write(fd, "appended\n", 9) == 9);
    int fd2 = dup(fd);
    CHECK(fd2 > fd);
    CHECK(write(fd2, "via dup\n", 8) == 8);
    int fl = fcntl(fd, F_GETFL);
    printf("fcntl F_GETFL: accmode=%s append=%d\n", (fl & O_ACCMODE) == O_WRONLY ? "O_WRONLY" : "other",
           (fl & O_APPEND) != 0);
    printf("fcntl F_GETFD cloexec=%d\n", fcntl(fd, F_GETFD) & FD_CLOEXEC);
    CHECK(fcntl(fd, F_SETFD, FD_CLOEXEC) == 0);
    printf("fcntl F_GETFD cloexec=%d after F_SETFD\n", fcntl(fd, F_GETFD) & FD_CLOEXEC);
    CHECK(close(fd) == 0);
    CHECK(close(fd2) == 0);
    fd = open("log.txt", O_RDONLY);
    char a[8], b[8], c[64];
    struct iovec riov[3] = {{a, 6}, {b, 7}, {c, sizeof c - 1}};
    ssize_t rv = readv(fd, riov, 3);
    c[rv > 13 ? rv - 13 : 0] = 0;
    a[6] = b[7] = 0;
    printf("readv returned %zd: [%s][%s][%s]\n", rv, a, b, c);
    int fd3 = dup2(fd, 50);
    printf("dup2 to 50 returned %d, read via it: %zd\n", fd3, read(fd3, c, sizeof c));
    close(fd3);
    close(fd);
    show_stat("log.txt", 1);

    /* stdio on files */
    FILE *f = fopen("text.txt", "w");
    CHECK(f != NULL);
    for (int i = 0; i < 100; i++)
        fprintf(f, "line %d: %s\n", i, i % 3 ? "fizz" : "buzz");
    CHECK(fclose(f) == 0);
    f = fopen("text.txt", "r");
    char line[128];
    int lines = 0;
    long total = 0;
    while (fgets(line, sizeof line, f)) {
        lines++;
        total += (long)strlen(line);
    }
    printf("fgets: %d lines, %ld bytes, ftell=%ld\n", lines, total, ftell(f));
    fseek(f, 9, SEEK_SET);
    printf("after fseek(9): fgets=%s", fgets(line, sizeof line, f));
    fclose(f);

    /* rename / link / symlink / readlink */
    CHECK(rename("text.txt", "renamed.txt") == 0);
    expect_fail("stat(text.txt) after rename", stat("text.txt", &st));
    CHECK(link("renamed.txt", "hardlink.txt") == 0);
    show_stat("renamed.txt", 1);
    CHECK(symlink("renamed.txt", "symlink.txt") == 0);
    CHECK(symlink("does-not-exist", "dangling") == 0);
    show_stat("symlink.txt", 0);
    show_stat("symlink.txt", 1);
    show_stat("dangling", 0);
    show_stat("dangling", 1);
    char target[256];
    ssize_t tl2 = readlink("symlink.txt", target, sizeof target - 1);
    if (tl2 >= 0)
        target[tl2] = 0;
    printf("readlink(symlink.txt) = %zd \"%s\"\n", tl2, tl2 >= 0 ? target : "");
    expect_fail("readlink(renamed.txt) (not a link)", (int)readlink("renamed.txt", target, sizeof target));
    fd = open("symlink.txt", O_RDONLY);
    r = read(fd, line, 12);
    line[r > 0 ? r : 0] = 0;
    printf("read through symlink: \"%s\"\n", line);
    close(fd);
    expect_fail("open(symlink.txt, O_NOFOLLOW)", open("symlink.txt", O_RDONLY | O_NOFOLLOW));

    /* directories */
    CHECK(mkdir("sub", 0750) == 0);
    CHECK(mkdir("sub/deeper", 0700) == 0);
    fd = open("sub/deeper/file", O_CREAT | O_WRONLY, 0640);
    CHECK(write(fd, "x", 1) == 1);
    close(fd);
    show_stat("sub", 1);
    show_stat("sub/deeper/file", 1);
    list_dir(".");
    list_dir("sub");

    /* access */
    printf("access(renamed.txt, F_OK)=%d\n", access("renamed.txt", F_OK));
    printf("access(renamed.txt, R_OK)=%d\n", access("renamed.txt", R_OK));
    expect_fail("access(missing, F_OK)", access("missing", F_OK));

    /* chmod */
    CHECK(chmod("renamed.txt", 0600) == 0);
    show_stat("renamed.txt", 1);
    CHECK(chmod("renamed.txt", 0751) == 0);
    show_stat("hardlink.txt", 1);
    fd = open("renamed.txt", O_RDONLY);
    CHECK(fchmod(fd, 0444) == 0);
    close(fd);
    show_stat("renamed.txt", 1);
    CHECK(chmod("renamed.txt", 0644) == 0);

    /* expected failures */
    expect_fail("open(missing)", open("missing.txt", O_RDONLY));
    expect_fail("unlink(missing)", unlink("missing.txt"));
    expect_fail("mkdir(sub) again", mkdir("sub", 0755));
    expect_fail("open(O_CREAT|O_EXCL existing)", open("renamed.txt", O_CREAT | O_EXCL | O_WRONLY, 0644));
    expect_fail("open(renamed.txt/x)", open("renamed.txt/x", O_RDONLY));
    expect_fail("mkdir(renamed.txt/x)", mkdir("renamed.txt/x", 0755));
    expect_fail("rmdir(sub) non-empty", rmdir("sub"));
    expect_fail("rmdir(renamed.txt)", rmdir("renamed.txt"));
    expect_fail("unlink(sub) directory", unlink("sub"));
    expect_fail("open(sub, O_WRONLY)", open("sub", O_WRONLY));
    expect_fail("chdir(missing)", chdir("missing-dir"));
    expect_fail("opendir(renamed.txt)", opendir("renamed.txt") ? 0 : -1);
    expect_fail("rename(missing)", rename("missing", "other"));
    expect_fail("close(bad fd)", close(12345));
    expect_fail("read(bad fd)", (int)read(-1, line, 1));

    /* pipe within one process */
    int pfd[2];
    CHECK(pipe(pfd) == 0);
    printf("pipe write=%zd\n", write(pfd[1], "through the pipe", 16));
    close(pfd[1]);
    r = read(pfd[0], line, sizeof line);
    line[r > 0 ? r : 0] = 0;
    printf("pipe read=%zd \"%s\", then EOF read=%zd\n", r, line, read(pfd[0], line, sizeof line));
    close(pfd[0]);

    /* *at functions relative to a directory fd */
    int dfd = open("sub", O_RDONLY | O_DIRECTORY);
    CHECK(dfd >= 0);
    fd = openat(dfd, "at_file", O_CREAT | O_WRONLY, 0600);
    CHECK(write(fd, "12345", 5) == 5);
    close(fd);
    CHECK(fstatat(dfd, "at_file", &st, 0) == 0);
    printf("fstatat(sub/at_file): size=%lld mode=%04o\n", (long long)st.st_size, (unsigned)(st.st_mode & 07777));
    CHECK(unlinkat(dfd, "at_file", 0) == 0);
    CHECK(mkdirat(dfd, "at_dir", 0755) == 0);
    CHECK(unlinkat(dfd, "at_dir", AT_REMOVEDIR) == 0);
    close(dfd);

    /* unlink / rmdir everything */
    CHECK(unlink("sub/deeper/file") == 0);
    CHECK(rmdir("sub/deeper") == 0);
    CHECK(rmdir("sub") == 0);
    CHECK(unlink("dangling") == 0);
    CHECK(unlink("symlink.txt") == 0);
    show_stat("renamed.txt", 1);
    CHECK(unlink("hardlink.txt") == 0);
    show_stat("renamed.txt", 1);
    CHECK(unlink("renamed.txt") == 0);
    CHECK(unlink("data.bin") == 0);
    CHECK(unlink("log.txt") == 0);
    list_dir(".");
    CHECK(chdir("..") == 0);
    CHECK(rmdir(TOP) == 0);
    expect_fail("stat(" TOP ") after cleanup", stat(TOP, &st));

    printf("fileio done, %d failures\n", failures);
    return failures ? 1 : 0;
}
