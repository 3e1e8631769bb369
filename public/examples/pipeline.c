/* pipeline: processes. The parent forks children and talks to them through
 * pipes: one child computes a sum and writes the result back; another replaces
 * itself with a new program (execve of this same file, as "pipeline upper")
 * that reads text from a pipe on its standard input and prints it in capitals.
 * Then the parent collects exit statuses with waitpid, including one child that
 * exits with status 3 and one that is killed by SIGTERM. */
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void describe(pid_t pid, int status)
{
    if (WIFEXITED(status))
        printf("parent: child %d exited with status %d\n", (int)pid, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("parent: child %d was killed by signal %d (%s)\n", (int)pid, WTERMSIG(status),
               strsignal(WTERMSIG(status)));
}

/* The program run by execve: a filter from standard input to standard output. */
static int upper(void)
{
    int c;
    printf("child %d: now running \"pipeline upper\", reading stdin\n", (int)getpid());
    while ((c = getchar()) != EOF)
        putchar(toupper(c));
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "upper") == 0)
        return upper();

    int fds[2];
    pid_t pid;
    int status;
    printf("parent %d\n", (int)getpid());

    /* 1. fork + pipe: the child sends a result back. */
    fflush(stdout);
    if (pipe(fds) != 0 || (pid = fork()) < 0) {
        perror("pipe/fork");
        return 1;
    }
    if (pid == 0) {
        close(fds[0]);
        long sum = 0;
        for (long i = 1; i <= 1000000; i++)
            sum += i;
        printf("child %d: summed 1..1000000, writing it to the pipe\n", (int)getpid());
        fflush(stdout);
        if (write(fds[1], &sum, sizeof sum) != sizeof sum)
            _exit(1);
        _exit(0);
    }
    close(fds[1]);
    long sum = 0;
    if (read(fds[0], &sum, sizeof sum) == sizeof sum)
        printf("parent: read %ld from the pipe\n", sum);
    close(fds[0]);
    waitpid(pid, &status, 0);
    describe(pid, status);

    /* 2. fork + dup2 + execve: the child becomes another program reading the pipe. */
    fflush(stdout);
    if (pipe(fds) != 0 || (pid = fork()) < 0) {
        perror("pipe/fork");
        return 1;
    }
    if (pid == 0) {
        dup2(fds[0], STDIN_FILENO);
        close(fds[0]);
        close(fds[1]);
        char *child_argv[] = {"pipeline", "upper", NULL};
        execv("/proc/self/exe", child_argv);
        perror("execv /proc/self/exe");
        _exit(127);
    }
    close(fds[0]);
    const char text[] = "text written by the parent,\nread by the child through a pipe.\n";
    if (write(fds[1], text, sizeof text - 1) < 0)
        perror("write");
    close(fds[1]); /* end of file for the child */
    waitpid(pid, &status, 0);
    describe(pid, status);

    /* 3. Exit statuses: a normal exit with a code, and death by a signal. */
    fflush(stdout);
    if ((pid = fork()) == 0)
        _exit(3);
    waitpid(pid, &status, 0);
    describe(pid, status);

    if ((pid = fork()) == 0) {
        pause(); /* waits until the parent's signal ends it */
        _exit(0);
    }
    kill(pid, SIGTERM);
    waitpid(pid, &status, 0);
    describe(pid, status);
    return 0;
}
