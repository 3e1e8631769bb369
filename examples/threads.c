/* threads: POSIX threads sharing work. Four threads count the primes below a
 * limit, each taking numbers from a shared counter in small batches under a
 * mutex; the main thread waits on a condition variable and prints progress.
 * Usage: threads [LIMIT] [THREADS] */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define BATCH 5000

static long limit = 400000;
static long next_number = 2;  /* the next batch starts here (guarded by lock) */
static long primes_found;     /* guarded by lock */
static int threads_done;      /* guarded by lock */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t progress = PTHREAD_COND_INITIALIZER;

struct worker {
    pthread_t thread;
    int index;
    pid_t tid;
    long batches, primes;
};

static int is_prime(long n)
{
    if (n < 4)
        return n > 1;
    if (n % 2 == 0)
        return 0;
    for (long d = 3; d * d <= n; d += 2)
        if (n % d == 0)
            return 0;
    return 1;
}

static void *work(void *arg)
{
    struct worker *w = arg;
    w->tid = gettid();
    for (;;) {
        pthread_mutex_lock(&lock);
        long from = next_number;
        next_number += BATCH;
        pthread_mutex_unlock(&lock);
        if (from >= limit)
            break;
        long to = from + BATCH < limit ? from + BATCH : limit, found = 0;
        for (long n = from; n < to; n++)
            found += is_prime(n);
        w->batches++;
        w->primes += found;
        pthread_mutex_lock(&lock);
        primes_found += found;
        pthread_cond_signal(&progress);
        pthread_mutex_unlock(&lock);
    }
    pthread_mutex_lock(&lock);
    threads_done++;
    pthread_cond_signal(&progress);
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(int argc, char **argv)
{
    int nthreads = 4;
    if (argc > 1 && atol(argv[1]) > 2)
        limit = atol(argv[1]);
    if (argc > 2 && atoi(argv[2]) > 0 && atoi(argv[2]) <= 64)
        nthreads = atoi(argv[2]);

    struct worker workers[64] = {0};
    printf("Counting the primes below %ld with %d threads (main thread is tid %d)\n", limit, nthreads,
           (int)gettid());
    fflush(stdout);
    for (int i = 0; i < nthreads; i++) {
        workers[i].index = i;
        if (pthread_create(&workers[i].thread, NULL, work, &workers[i]) != 0) {
            perror("pthread_create");
            return 1;
        }
    }

    /* Report at each tenth of the way while the workers run. */
    int reported = 0;
    pthread_mutex_lock(&lock);
    while (threads_done < nthreads) {
        pthread_cond_wait(&progress, &lock);
        long done = next_number < limit ? next_number : limit;
        int tenth = (int)(done * 10 / limit);
        if (tenth > reported && tenth < 10) {
            reported = tenth;
            printf("  %3d%%  %ld primes so far\n", tenth * 10, primes_found);
            fflush(stdout);
        }
    }
    pthread_mutex_unlock(&lock);

    long total = 0;
    for (int i = 0; i < nthreads; i++) {
        pthread_join(workers[i].thread, NULL);
        printf("thread %d (tid %d): %ld batches, %ld primes\n", workers[i].index, (int)workers[i].tid,
               workers[i].batches, workers[i].primes);
        total += workers[i].primes;
    }
    printf("%ld primes below %ld\n", total, limit);
    return total == primes_found ? 0 : 1;
}
