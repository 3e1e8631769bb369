/*
 * execve: replacing the process image. The program re-executes itself
 * (through /proc/self/exe, its absolute path, execveat(AT_EMPTY_PATH) or a
 * #! script naming it as interpreter) in different modes chosen by argv[1]:
 *
 *   (none)      the driver: runs every test below from a scratch directory
 *               (it writes script files there), and finally execs itself in
 *               place ("final") so the case's exit status (3) comes from the
 *               new image
 *   show        prints argc, argv, the whole environment, /proc/self/exe's
 *               basename, AT_EXECFN and the command name (comm)
 *   show-nocomm the same without comm (used after execveat)
 *   script-mode ...  the same, when started as the interpreter of a #! script
 *   produce N   writes N lines to stdout (one end of a pipeline)
 *   upper       copies stdin to stdout in upper case (the other end)
 *   inherit     reports the descriptors, signal state and timers it got
 *   threadexec  started by execve from a second thread: reports pid/tid and
 *               the number of threads
 *   ready       writes "r" to stdout, then waits for EOF on stdin
 *   final PID PPID  the in-place exec: same pid and parent, exit status 3
 *
 * Covered: argv/envp passed exactly (empty strings, spaces, argv[0] chosen
 * freely), an empty environment, AT_EXECFN (the path given to execve, also
 * for scripts and for execveat: /dev/fd/N), comm after exec (basename of
 * that path), #! parsing (optional single argument with inner spaces kept,
 * trailing blanks stripped, argv[0] replaced, script path inserted, nested
 * scripts), close-on-exec descriptors closed while others survive with their
 * offset, handlers reset to SIG_DFL while SIG_IGN, the signal mask, pending
 * signals and ITIMER_REAL survive and the alternate signal stack does not,
 * execve from a non-leader thread (the process keeps its pid, one thread
 * left), a fork+exec+pipe pipeline, posix_spawn (file actions, failure
 * reported as ENOENT), setpgid on a child after its exec (EACCES), and exec
 * failures (ENOENT, EACCES, ENOEXEC, ENOTDIR, E2BIG).
 *
 * qemu-user cannot run another guest program through execve here (no
 * binfmt_misc), so this case's expected output is written by hand from Linux
 * semantics and checked against the host kernel with a native build (see
 * tests/guest/README.md). Only basenames of the binary's path are printed;
 * the #! line holds the binary's absolute path (readlink of /proc/self/exe),
 * which must stay under ~200 bytes to fit Linux's #! line limit.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static char exe[4096];

static const char *err_name(int e)
{
    switch (e) {
    case 0: return "0";
    case ENOENT: return "ENOENT";
    case EACCES: return "EACCES";
    case ENOEXEC: return "ENOEXEC";
    case ENOTDIR: return "ENOTDIR";
    case E2BIG: return "E2BIG";
    case EBADF: return "EBADF";
    case EPERM: return "EPERM";
    case ESRCH: return "ESRCH";
    case ECHILD: return "ECHILD";
    default: return "other";
    }
}

static const char *base(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static void die(const char *what)
{
    printf("FAIL: %s: %s\n", what, strerror(errno));
    fflush(stdout);
    exit(1);
}

static void self_exe(void)
{
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        die("readlink /proc/self/exe");
    exe[n] = 0;
}

/* full_execfn: print AT_EXECFN as is (a path this program chose) or only its basename (the
   driver's own AT_EXECFN is the path the test harness used) */
static void print_identity(int full_execfn)
{
    self_exe();
    const char *fn = (const char *)getauxval(AT_EXECFN);
    char comm[17] = {0};
    prctl(PR_GET_NAME, comm, 0, 0, 0);
    printf("  /proc/self/exe: %s (absolute %d)\n", base(exe), exe[0] == '/');
    if (full_execfn)
        printf("  AT_EXECFN: %s\n", fn ? fn : "(none)");
    else
        printf("  AT_EXECFN basename: %s\n", fn ? base(fn) : "(none)");
    printf("  comm: %s\n", comm);
}

static void print_args_env(const char *mode, int argc, char **argv)
{
    printf("%s: argc %d\n", mode, argc);
    for (int i = 0; i < argc; i++)
        printf("  argv[%d] = \"%s\"\n", i, argv[i]);
    printf("  argv[argc] is NULL: %d\n", argv[argc] == NULL);
    int n = 0;
    for (char **e = environ; *e; e++)
        n++;
    printf("  environment, %d entries:", n);
    for (char **e = environ; *e; e++)
        printf(" [%s]", *e);
    printf("\n");
}

/* ---- child modes ---- */

static int mode_show(int argc, char **argv)
{
    print_args_env("show", argc, argv);
    print_identity(1);
    return 0;
}

/* after execveat(AT_EMPTY_PATH) comm is "20" (the descriptor's number) on older kernels and
   the file's name on newer ones, so it is not printed */
static int mode_show_nocomm(int argc, char **argv)
{
    print_args_env("show", argc, argv);
    self_exe();
    const char *fn = (const char *)getauxval(AT_EXECFN);
    printf("  /proc/self/exe: %s (absolute %d)\n", base(exe), exe[0] == '/');
    printf("  AT_EXECFN: %s\n", fn ? fn : "(none)");
    return 0;
}

static int mode_script(int argc, char **argv)
{
    /* argv[0] is the interpreter path from the #! line: absolute, print its basename */
    printf("script: argc %d\n", argc);
    printf("  argv[0] = .../%s (absolute %d)\n", base(argv[0]), argv[0][0] == '/');
    for (int i = 1; i < argc; i++)
        printf("  argv[%d] = \"%s\"\n", i, argv[i]);
    print_identity(1);
    return 0;
}

static int mode_produce(int n)
{
    for (int i = 1; i <= n; i++)
        printf("line %d from the producer\n", i);
    return 0;
}

static int mode_upper(void)
{
    int c;
    while ((c = getchar()) != EOF)
        putchar(toupper(c));
    return 0;
}

static void describe_fd(int fd)
{
    errno = 0;
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0) {
        printf("  fd %d: closed (%s)\n", fd, err_name(errno));
        return;
    }
    char buf[32] = {0};
    ssize_t n = read(fd, buf, sizeof buf - 1);
    if (n > 0 && buf[n - 1] == '\n')
        buf[n - 1] = 0;
    printf("  fd %d: open, FD_CLOEXEC %d, reads \"%s\" from its inherited offset\n", fd, fl & FD_CLOEXEC, buf);
}

static int mode_inherit(void)
{
    printf("inherit:\n");
    describe_fd(10);
    describe_fd(11);
    describe_fd(12);
    struct sigaction sa;
    sigaction(SIGUSR1, NULL, &sa);
    printf("  SIGUSR1 (had a handler): %s\n", sa.sa_handler == SIG_DFL ? "SIG_DFL" : "not SIG_DFL");
    sigaction(SIGUSR2, NULL, &sa);
    printf("  SIGUSR2 (was ignored): %s\n", sa.sa_handler == SIG_IGN ? "SIG_IGN" : "not SIG_IGN");
    sigset_t mask, pend;
    sigprocmask(SIG_BLOCK, NULL, &mask);
    sigpending(&pend);
    printf("  SIGINT blocked %d, pending %d\n", sigismember(&mask, SIGINT), sigismember(&pend, SIGINT));
    stack_t ss;
    sigaltstack(NULL, &ss);
    printf("  alternate signal stack disabled %d\n", (ss.ss_flags & SS_DISABLE) != 0);
    struct itimerval it, zero = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &zero, &it);
    printf("  ITIMER_REAL still armed %d\n", it.it_value.tv_sec > 0);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, SIGINT);
    struct timespec ts = {0, 0};
    printf("  sigtimedwait takes the pending SIGINT: %d\n", sigtimedwait(&only, NULL, &ts));
    return 0;
}

static int mode_threadexec(int argc, char **argv)
{
    pid_t before = argc > 2 ? (pid_t)atoi(argv[2]) : -1;
    int threads = 0;
    DIR *d = opendir("/proc/self/task");
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)))
            if (e->d_name[0] != '.')
                threads++;
        closedir(d);
    }
    printf("threadexec: same pid as before the exec %d, gettid()==getpid() %d, threads %d\n", getpid() == before,
           (pid_t)syscall(SYS_gettid) == getpid(), threads);
    return 0;
}

static int mode_ready(void)
{
    if (write(1, "r", 1) != 1)
        return 1;
    char c;
    while (read(0, &c, 1) > 0)
        ;
    return 0;
}

static int mode_final(int argc, char **argv)
{
    pid_t pid = argc > 2 ? (pid_t)atoi(argv[2]) : -1, ppid = argc > 3 ? (pid_t)atoi(argv[3]) : -1;
    printf("final: argv[0] \"%s\", same pid %d, same parent %d, LANG=%s\n", argv[0], getpid() == pid,
           getppid() == ppid, getenv("LANG") ? getenv("LANG") : "(unset)");
    print_identity(1);
    return 3;
}

/* ---- the driver ---- */

static int wait_child(pid_t c)
{
    int st;
    if (waitpid(c, &st, 0) != c)
        die("waitpid");
    return st;
}

static void print_status(const char *label, int st)
{
    if (WIFEXITED(st))
        printf("%s: exited, code %d\n", label, WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("%s: killed by signal %d\n", label, WTERMSIG(st));
    else
        printf("%s: status %#x\n", label, st);
}

static pid_t xfork(void)
{
    fflush(stdout);
    pid_t p = fork();
    if (p < 0)
        die("fork");
    return p;
}

static void write_file(const char *name, const char *text, mode_t mode)
{
    int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0)
        die(name);
    size_t n = strlen(text);
    if (write(fd, text, n) != (ssize_t)n)
        die("write");
    close(fd);
    chmod(name, mode);
}

static void test_exec_show(void)
{
    printf("== execve(\"/proc/self/exe\") with a new argv and environment\n");
    pid_t c = xfork();
    if (c == 0) {
        char *argv[] = {"renamed-zero", "show", "x y", "", NULL};
        char *envp[] = {"A64_EXEC=1", "OTHER=two words", "EMPTY=", NULL};
        execve("/proc/self/exe", argv, envp);
        _exit(127);
    }
    print_status("child", wait_child(c));

    printf("== execve(a relative symbolic link to the binary) with an empty environment\n");
    unlink("link-to-self");
    if (symlink(exe, "link-to-self") != 0)
        die("symlink");
    c = xfork();
    if (c == 0) {
        char *argv[] = {"by-link", "show", NULL};
        char *envp[] = {NULL};
        execve("./link-to-self", argv, envp);
        _exit(127);
    }
    print_status("child", wait_child(c));

    printf("== execveat(fd, \"\", AT_EMPTY_PATH)\n");
    c = xfork();
    if (c == 0) {
        int fd = open(exe, O_RDONLY);
        if (fd < 0 || dup2(fd, 20) != 20)
            _exit(126);
        close(fd);
        char *argv[] = {"via-fd", "show-nocomm", NULL};
        char *envp[] = {"ONLY=this", NULL};
        syscall(SYS_execveat, 20, "", argv, envp, AT_EMPTY_PATH);
        _exit(127);
    }
    print_status("child", wait_child(c));
}

static void test_scripts(void)
{
    char line[4400];
    printf("== #! scripts\n");
    snprintf(line, sizeof line, "#! %s script-mode  two words \t\nthis body is not read by anyone\n", exe);
    write_file("script.sh", line, 0755);
    write_file("script2.sh", "#!./script.sh\n", 0755);
    pid_t c = xfork();
    if (c == 0) {
        char *argv[] = {"ignored-argv0", "s1", "s 2", NULL};
        execve("./script.sh", argv, environ);
        _exit(127);
    }
    print_status("script child", wait_child(c));
    c = xfork();
    if (c == 0) {
        char *argv[] = {"also-ignored", "n1", NULL};
        execve("./script2.sh", argv, environ);
        _exit(127);
    }
    print_status("nested script child", wait_child(c));
}

static void try_exec(const char *label, const char *path, char **argv)
{
    char *envp[] = {NULL};
    char *dflt[] = {"x", NULL};
    errno = 0;
    int r = execve(path, argv ? argv : dflt, envp);
    printf("execve %-44s -> %d %s\n", label, r, err_name(errno));
}

static void test_failures(void)
{
    printf("== failing execve calls (in a child, which carries on after each)\n");
    write_file("noexec.sh", "#!/bin/sh\necho hi\n", 0644);
    write_file("text.txt", "just some text\n", 0755);
    write_file("empty", "", 0755);
    write_file("badinterp.sh", "#!/nonexistent/interpreter\n", 0755);
    write_file("blank.sh", "#!   \t\n", 0755);
    mkdir("adir", 0755);
    pid_t c = xfork();
    if (c == 0) {
        try_exec("of a missing file:", "./missing", NULL);
        try_exec("of a file without execute permission:", "./noexec.sh", NULL);
        try_exec("of a directory:", "./adir", NULL);
        try_exec("of an executable text file without #!:", "./text.txt", NULL);
        try_exec("of an empty executable file:", "./empty", NULL);
        try_exec("of a script with a missing interpreter:", "./badinterp.sh", NULL);
        try_exec("of a script with an empty #! line:", "./blank.sh", NULL);
        try_exec("through a file used as a directory:", "./text.txt/x", NULL);
        /* longer than MAX_ARG_STRLEN (32 pages: 128 KiB with 4 KiB pages, 2 MiB with 64 KiB) */
        size_t big = 3 << 20;
        char *huge = malloc(big + 1);
        memset(huge, 'a', big);
        huge[big] = 0;
        char *argv[] = {"x", huge, NULL};
        try_exec("with a 3 MiB argument:", exe, argv);
        free(huge);
        fflush(stdout);
        _exit(0);
    }
    print_status("child", wait_child(c));
}

static void test_pipeline(void)
{
    printf("== fork + exec pipeline: produce | upper\n");
    int a[2], b[2];
    if (pipe(a) != 0 || pipe(b) != 0)
        die("pipe");
    pid_t p1 = xfork();
    if (p1 == 0) {
        dup2(a[1], 1);
        close(a[0]);
        close(a[1]);
        close(b[0]);
        close(b[1]);
        execl("/proc/self/exe", "producer", "produce", "3", (char *)NULL);
        _exit(127);
    }
    pid_t p2 = xfork();
    if (p2 == 0) {
        dup2(a[0], 0);
        dup2(b[1], 1);
        close(a[0]);
        close(a[1]);
        close(b[0]);
        close(b[1]);
        execl("/proc/self/exe", "upper", "upper", (char *)NULL);
        _exit(127);
    }
    close(a[0]);
    close(a[1]);
    close(b[1]);
    char buf[512];
    size_t len = 0;
    ssize_t n;
    while ((n = read(b[0], buf + len, sizeof buf - 1 - len)) > 0)
        len += n;
    buf[len] = 0;
    close(b[0]);
    printf("%s", buf);
    print_status("producer", wait_child(p1));
    print_status("upper", wait_child(p2));
}

static void test_inherit(void)
{
    printf("== what survives execve\n");
    write_file("keep.txt", "kept file\n", 0644);
    pid_t c = xfork();
    if (c == 0) {
        int fd = open("keep.txt", O_RDONLY);
        dup2(fd, 10);
        lseek(10, 5, SEEK_SET);
        dup3(fd, 11, O_CLOEXEC);
        dup2(fd, 12);
        fcntl(12, F_SETFD, FD_CLOEXEC);
        close(fd);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = (void (*)(int))(uintptr_t)mode_show; /* any non-default handler */
        sigaction(SIGUSR1, &sa, NULL);
        signal(SIGUSR2, SIG_IGN);
        sigset_t s;
        sigemptyset(&s);
        sigaddset(&s, SIGINT);
        sigprocmask(SIG_BLOCK, &s, NULL);
        raise(SIGINT);
        static char altstack[65536];
        stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0};
        sigaltstack(&ss, NULL);
        struct itimerval it = {{0, 0}, {30, 0}};
        setitimer(ITIMER_REAL, &it, NULL);
        execl("/proc/self/exe", "inherit", "inherit", (char *)NULL);
        _exit(127);
    }
    print_status("child", wait_child(c));
}

static void *exec_from_thread(void *arg)
{
    char pid[16];
    snprintf(pid, sizeof pid, "%d", (int)getpid());
    (void)arg;
    execl("/proc/self/exe", "from-thread", "threadexec", pid, (char *)NULL);
    return NULL;
}

static void test_thread_exec(void)
{
    printf("== execve from a second thread\n");
    pid_t c = xfork();
    if (c == 0) {
        pthread_t t;
        if (pthread_create(&t, NULL, exec_from_thread, NULL) != 0)
            _exit(126);
        pthread_join(t, NULL); /* the exec ends this thread too */
        _exit(125);
    }
    print_status("child", wait_child(c));
}

static void test_spawn(void)
{
    printf("== posix_spawn\n");
    int p[2];
    if (pipe(p) != 0)
        die("pipe");
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, p[1], 1);
    posix_spawn_file_actions_addclose(&fa, p[0]);
    posix_spawn_file_actions_addclose(&fa, p[1]);
    char *argv[] = {"spawned", "show", "via posix_spawn", NULL};
    char *envp[] = {"SPAWNED=yes", NULL};
    pid_t c;
    fflush(stdout);
    int r = posix_spawn(&c, "/proc/self/exe", &fa, NULL, argv, envp);
    posix_spawn_file_actions_destroy(&fa);
    close(p[1]);
    char buf[1024];
    size_t len = 0;
    ssize_t n;
    while ((n = read(p[0], buf + len, sizeof buf - 1 - len)) > 0)
        len += n;
    buf[len] = 0;
    close(p[0]);
    printf("posix_spawn -> %d; the child wrote into the pipe:\n%s", r, buf);
    print_status("spawned", wait_child(c));
    char *argv2[] = {"nothing", NULL};
    r = posix_spawn(&c, "./missing", NULL, NULL, argv2, envp);
    printf("posix_spawn of a missing file -> %s\n", err_name(r));
    errno = 0;
    pid_t w = waitpid(-1, NULL, WNOHANG);
    printf("no child left behind: waitpid -> %d %s\n", (int)w, err_name(errno));
}

static void test_setpgid_after_exec(void)
{
    printf("== setpgid on a child before and after its exec\n");
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0)
        die("pipe");
    pid_t c = xfork();
    if (c == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        execl("/proc/self/exe", "ready", "ready", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    char r = 0;
    if (read(out[0], &r, 1) != 1)
        die("read");
    errno = 0;
    int rc = setpgid(c, c);
    printf("child reported '%c' from its new image; setpgid(child) now -> %d %s\n", r, rc, err_name(errno));
    close(in[1]);
    close(out[0]);
    print_status("child", wait_child(c));
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        const char *m = argv[1];
        if (strcmp(m, "show") == 0)
            return mode_show(argc, argv);
        if (strcmp(m, "show-nocomm") == 0)
            return mode_show_nocomm(argc, argv);
        if (strncmp(m, "script-mode", 11) == 0)
            return mode_script(argc, argv);
        if (strcmp(m, "produce") == 0)
            return mode_produce(argc > 2 ? atoi(argv[2]) : 1);
        if (strcmp(m, "upper") == 0)
            return mode_upper();
        if (strcmp(m, "inherit") == 0)
            return mode_inherit();
        if (strcmp(m, "threadexec") == 0)
            return mode_threadexec(argc, argv);
        if (strcmp(m, "ready") == 0)
            return mode_ready();
        if (strcmp(m, "final") == 0)
            return mode_final(argc, argv);
        printf("unknown mode %s\n", m);
        return 2;
    }

    self_exe();
    printf("driver: argv[0] basename %s, argc %d\n", base(argv[0]), argc);
    print_identity(0);
    test_exec_show();
    test_scripts();
    test_failures();
    test_pipeline();
    test_inherit();
    test_thread_exec();
    test_spawn();
    test_setpgid_after_exec();

    printf("== execve in place\n");
    char pid[16], ppid[16];
    snprintf(pid, sizeof pid, "%d", (int)getpid());
    snprintf(ppid, sizeof ppid, "%d", (int)getppid());
    fflush(stdout);
    execl("/proc/self/exe", "last-image", "final", pid, ppid, (char *)NULL);
    printf("execve failed: %s\n", strerror(errno));
    return 1;
}
