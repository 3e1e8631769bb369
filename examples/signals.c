/* signals: asynchronous events. An interval timer delivers SIGALRM every
 * second and a handler counts the ticks; pressing Ctrl-C in the terminal sends
 * SIGINT, which another handler catches instead of letting it end the program.
 * The third Ctrl-C (or the last tick) ends it.
 * Usage: signals [SECONDS]   (default 20) */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

/* Handlers only set flags; the main loop does the printing (printf is not async-signal-safe). */
static volatile sig_atomic_t ticks, interrupts;

static void on_alarm(int sig)
{
    (void)sig;
    ticks++;
}

static void on_interrupt(int sig)
{
    (void)sig;
    interrupts++;
}

int main(int argc, char **argv)
{
    int seconds = argc > 1 && atoi(argv[1]) > 0 ? atoi(argv[1]) : 20;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    sa.sa_handler = on_interrupt;
    sigaction(SIGINT, &sa, NULL);

    /* Block both signals outside sigsuspend, so none arrives between the check and the wait. */
    sigset_t block, during_wait;
    sigemptyset(&block);
    sigaddset(&block, SIGALRM);
    sigaddset(&block, SIGINT);
    sigprocmask(SIG_BLOCK, &block, &during_wait);
    sigdelset(&during_wait, SIGALRM);
    sigdelset(&during_wait, SIGINT);

    struct itimerval every_second = {{1, 0}, {1, 0}};
    setitimer(ITIMER_REAL, &every_second, NULL);
    printf("Ticking for %d seconds. Press Ctrl-C to send SIGINT (three times to quit).\n", seconds);
    fflush(stdout);

    int seen_ticks = 0, seen_interrupts = 0;
    while (seen_ticks < seconds && seen_interrupts < 3) {
        sigsuspend(&during_wait);
        while (seen_ticks < ticks) {
            seen_ticks++;
            printf("tick %d (SIGALRM)\n", seen_ticks);
        }
        while (seen_interrupts < interrupts && seen_interrupts < 3) {
            seen_interrupts++;
            if (seen_interrupts < 3)
                printf("caught SIGINT #%d: press Ctrl-C %d more time%s to quit\n", seen_interrupts,
                       3 - seen_interrupts, seen_interrupts == 2 ? "" : "s");
            else
                printf("caught SIGINT #3: quitting\n");
        }
        fflush(stdout);
    }
    printf("%d ticks, %d interrupts: goodbye\n", seen_ticks, seen_interrupts);
    return 0;
}
