/*
 * proctask: threads as /proc shows them. /proc/self/task lists the live
 * threads (its count follows pthread_create and pthread_join); each
 * /proc/PID/task/TID has stat, status and comm describing that thread;
 * /proc/thread-self names the calling thread. Thread names: prctl
 * (PR_SET_NAME) names the calling thread only, /proc/PID/comm is the
 * leader's, a new thread starts with its creator's name, writing a comm file
 * renames (15 bytes at most, a newline kept), but only within one's own
 * process (EINVAL otherwise). A zombie still shows its leader in task/.
 *
 * The expected output is written by hand (qemu-user shows the host's /proc,
 * with qemu's own threads); it was checked on the host kernel with
 * `record-expected.mjs --check-native`. Thread ids are only compared.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static pthread_barrier_t barrier;
static pid_t tids[3];

static void die(const char *what)
{
    printf("FAIL: %s: %s\n", what, strerror(errno));
    fflush(stdout);
    exit(1);
}

static pid_t gettid_(void) { return (pid_t)syscall(SYS_gettid); }

static int count_tasks(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
    DIR *d = opendir(path);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

/* the file's contents with newlines shown as \n */
static const char *slurp(const char *path)
{
    static char out[256];
    char buf[128];
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return "(cannot open)";
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n < 0)
        return "(cannot read)";
    size_t o = 0;
    for (ssize_t i = 0; i < n && o < sizeof out - 3; i++) {
        if (buf[i] == '\n') {
            out[o++] = '\\';
            out[o++] = 'n';
        } else
            out[o++] = buf[i];
    }
    out[o] = 0;
    return out;
}

/* comm of a process (tid 0) or thread, copied into one of a few rotating buffers (several per printf) */
static const char *comm_of(pid_t pid, pid_t tid)
{
    static char bufs[4][64];
    static int next;
    char path[64];
    if (tid)
        snprintf(path, sizeof path, "/proc/%d/task/%d/comm", (int)pid, (int)tid);
    else
        snprintf(path, sizeof path, "/proc/%d/comm", (int)pid);
    char *b = bufs[next++ % 4];
    snprintf(b, 64, "%s", slurp(path));
    return b;
}

static int write_comm(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY);
    if (fd < 0)
        return -errno;
    ssize_t n = write(fd, text, strlen(text));
    int e = errno;
    close(fd);
    return n < 0 ? -e : (int)n;
}

static void own_name(char out[16])
{
    memset(out, 0, 16);
    prctl(PR_GET_NAME, out, 0, 0, 0);
}

/* /proc/PID/task/TID/stat: "TID (comm) S ..." and status's Pid:, Tgid: and Name: lines */
static void check_task_files(pid_t tid, const char *label)
{
    char path[96], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/task/%d/stat", (int)getpid(), (int)tid);
    int fd = open(path, O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
    if (fd >= 0)
        close(fd);
    int stat_ok = 0;
    char comm[32] = "";
    if (n > 0) {
        buf[n] = 0;
        int id = 0;
        if (sscanf(buf, "%d (%31[^)])", &id, comm) == 2 && id == tid)
            stat_ok = 1;
    }
    snprintf(path, sizeof path, "/proc/%d/task/%d/status", (int)getpid(), (int)tid);
    fd = open(path, O_RDONLY);
    n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
    if (fd >= 0)
        close(fd);
    int pid_ok = 0, tgid_ok = 0;
    char name[32] = "";
    if (n > 0) {
        buf[n] = 0;
        char *p = strstr(buf, "\nPid:\t");
        pid_ok = p && atoi(p + 6) == tid;
        p = strstr(buf, "\nTgid:\t");
        tgid_ok = p && atoi(p + 7) == getpid();
        if (strncmp(buf, "Name:\t", 6) == 0)
            sscanf(buf + 6, "%31[^\n]", name);
    }
    printf("  %s: stat starts with its tid %d, comm (%s); status Pid is the tid %d, Tgid the pid %d, Name %s\n", label,
           stat_ok, comm, pid_ok, tgid_ok, name);
}

static void *worker(void *arg)
{
    int i = (int)(long)arg;
    tids[i] = gettid_();
    char name[16];
    own_name(name);
    char *started = strdup(name);
    char want[16];
    snprintf(want, sizeof want, "worker-%d", i);
    prctl(PR_SET_NAME, want, 0, 0, 0);
    char link[64] = "", expect[64];
    ssize_t n = readlink("/proc/thread-self", link, sizeof link - 1);
    if (n > 0)
        link[n] = 0;
    snprintf(expect, sizeof expect, "%d/task/%d", (int)getpid(), (int)tids[i]);
    pthread_barrier_wait(&barrier); /* both are named */
    pthread_barrier_wait(&barrier); /* main has looked */
    for (int turn = 0; turn < 2; turn++) {
        if (turn == i) {
            printf("thread %d: started as \"%s\", /proc/thread-self is PID/task/TID %d, its comm \"%s\"\n", i, started,
                   strcmp(link, expect) == 0, slurp("/proc/thread-self/comm"));
            fflush(stdout);
        }
        pthread_barrier_wait(&barrier);
    }
    pthread_barrier_wait(&barrier); /* main renames us through /proc */
    own_name(name);
    if (i == 0) {
        printf("thread 0: PR_GET_NAME after main wrote its comm: \"%s\"\n", name);
        fflush(stdout);
    }
    pthread_barrier_wait(&barrier);
    free(started);
    return NULL;
}

static void *late(void *arg)
{
    char name[16];
    own_name(name);
    printf("a thread created now starts as \"%s\"; tasks %d\n", name, count_tasks(getpid()));
    fflush(stdout);
    return arg;
}

int main(void)
{
    pid_t pid = getpid();
    printf("one thread: tasks %d\n", count_tasks(pid));
    char path[64];
    snprintf(path, sizeof path, "/proc/self/task/%d", (int)pid);
    printf("  /proc/self/task/PID exists %d; comm \"%s\", task comm \"%s\"\n", access(path, F_OK) == 0, comm_of(pid, 0),
           comm_of(pid, pid));
    prctl(PR_SET_NAME, "main-renamed", 0, 0, 0);
    printf("after PR_SET_NAME in main: comm \"%s\"\n", comm_of(pid, 0));

    pthread_barrier_init(&barrier, NULL, 3);
    pthread_t t[2];
    fflush(stdout);
    for (long i = 0; i < 2; i++)
        if (pthread_create(&t[i], NULL, worker, (void *)i) != 0)
            die("pthread_create");
    pthread_barrier_wait(&barrier); /* both have named themselves */
    /* the workers wait at the next barrier while main looks */
    printf("three threads: tasks %d\n", count_tasks(pid));
    printf("  comm: process \"%s\", leader \"%s\", thread 0 \"%s\", thread 1 \"%s\"\n", comm_of(pid, 0), comm_of(pid, pid),
           comm_of(pid, tids[0]), comm_of(pid, tids[1]));
    char name[16];
    own_name(name);
    printf("  main's own name \"%s\"\n", name);
    check_task_files(pid, "leader");
    check_task_files(tids[0], "thread 0");
    fflush(stdout);
    pthread_barrier_wait(&barrier); /* done looking */
    pthread_barrier_wait(&barrier); /* thread 0 speaks */
    pthread_barrier_wait(&barrier); /* thread 1 speaks */
    snprintf(path, sizeof path, "/proc/self/task/%d/comm", (int)tids[0]);
    printf("write \"via-proc\" to thread 0's comm: %d\n", write_comm(path, "via-proc"));
    fflush(stdout);
    pthread_barrier_wait(&barrier);
    pthread_barrier_wait(&barrier);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("after joining: tasks %d\n", count_tasks(pid));

    int w = write_comm("/proc/self/comm", "a-very-long-name-indeed");
    printf("write a 23-byte name to /proc/self/comm: %d, comm \"%s\"\n", w, comm_of(pid, 0));
    w = write_comm("/proc/self/comm", "nl\n");
    printf("write \"nl\\n\": %d, comm \"%s\"\n", w, comm_of(pid, 0));
    own_name(name);
    printf("  PR_GET_NAME \"%s\" (newline kept %d)\n", strcmp(name, "nl\n") == 0 ? "nl\\n" : name, strcmp(name, "nl\n") == 0);
    write_comm("/proc/self/comm", "proctask");
    pthread_t lt;
    fflush(stdout);
    if (pthread_create(&lt, NULL, late, NULL) != 0)
        die("pthread_create");
    pthread_join(lt, NULL);

    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        char p2[64];
        snprintf(p2, sizeof p2, "/proc/%d/comm", (int)pid);
        int r = write_comm(p2, "intruder");
        const char *now = comm_of(pid, 0);
        printf("child writes the parent's comm: %s; parent's comm \"%s\"\n", r == -EINVAL ? "EINVAL" : "not EINVAL", now);
        printf("child starts with its parent's name: \"%s\"\n", comm_of(getpid(), 0));
        fflush(stdout);
        _exit(0);
    }
    int st;
    siginfo_t si;
    waitid(P_PID, c, &si, WEXITED | WNOWAIT); /* ended, not reaped */
    printf("a zombie child: tasks %d\n", count_tasks(c));
    waitpid(c, &st, 0);
    printf("after reaping it: tasks %d\n", count_tasks(c));
    printf("done\n");
    return 0;
}
