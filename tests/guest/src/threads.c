/*
 * threads: POSIX threads. Return values and pthread_exit, a mutex-protected
 * counter and C11 atomic counters over 8 threads, a producer/consumer queue
 * on a mutex and two condition variables, __thread variables (initial image,
 * isolation, alignment), pthread_key_t destructors (including one that
 * re-arms itself), pthread_once, a barrier, a detached thread with a
 * semaphore, timeouts (pthread_cond_timedwait on CLOCK_REALTIME and
 * CLOCK_MONOTONIC, pthread_mutex_timedlock, sem_timedwait), rwlocks,
 * caller-supplied and sized thread stacks, thread names, signals aimed at
 * one thread (pthread_kill + sigwait) or at the process while only one
 * thread leaves them unblocked, cancellation with cleanup handlers, thread
 * churn, and exit() while a thread is still blocked in read().
 *
 * Only the main thread prints, after joining, so the output does not depend
 * on the interleaving. Thread ids, pids, addresses and CPU counts are only
 * compared, never printed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define CHECK(call)                                                                    \
    do {                                                                               \
        int e_ = (call);                                                               \
        if (e_ != 0) {                                                                 \
            printf("FAIL line %d: %s -> %s\n", __LINE__, #call, strerror(e_));         \
            exit(1);                                                                   \
        }                                                                              \
    } while (0)

static pid_t my_tid(void) { return (pid_t)syscall(SYS_gettid); }

static const char *err_name(int e)
{
    switch (e) {
    case 0: return "0";
    case ETIMEDOUT: return "ETIMEDOUT";
    case EAGAIN: return "EAGAIN";
    case EBUSY: return "EBUSY";
    case EINVAL: return "EINVAL";
    case EDEADLK: return "EDEADLK";
    case EINTR: return "EINTR";
    case EPERM: return "EPERM";
    default: return "other";
    }
}

/* ---- return values ---- */

static void *ret_square(void *arg)
{
    intptr_t id = (intptr_t)arg;
    if (id == 3)
        pthread_exit((void *)(id * 1000)); /* pthread_exit instead of return */
    return (void *)(id * id + 1);
}

static void test_return_values(void)
{
    pthread_t t[6];
    for (intptr_t i = 0; i < 6; i++)
        CHECK(pthread_create(&t[i], NULL, ret_square, (void *)i));
    printf("return values:");
    for (int i = 0; i < 6; i++) {
        void *r;
        CHECK(pthread_join(t[i], &r));
        printf(" %ld", (long)(intptr_t)r);
    }
    printf("\n");
}

/* ---- mutex counter, atomics, thread ids ---- */

#define NCOUNT 8
static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
static long locked_counter;
static atomic_int a_relaxed;
static atomic_long a_seqcst;
static atomic_long a_max;
static atomic_uint a_cas_counter;
static pid_t worker_tids[NCOUNT];

static void *count_worker(void *arg)
{
    int id = (int)(intptr_t)arg;
    worker_tids[id] = my_tid();
    for (int i = 0; i < 20000; i++) {
        pthread_mutex_lock(&count_lock);
        locked_counter++;
        pthread_mutex_unlock(&count_lock);
    }
    for (int i = 0; i < 20000; i++) {
        atomic_fetch_add_explicit(&a_relaxed, 1, memory_order_relaxed);
        atomic_fetch_add(&a_seqcst, i);
        long v = (long)id * 100000 + i, cur = atomic_load(&a_max);
        while (v > cur && !atomic_compare_exchange_weak(&a_max, &cur, v))
            ;
        unsigned old = atomic_load_explicit(&a_cas_counter, memory_order_relaxed);
        while (!atomic_compare_exchange_weak_explicit(&a_cas_counter, &old, old + 3, memory_order_acq_rel,
                                                      memory_order_relaxed))
            ;
    }
    return NULL;
}

static void test_counters(void)
{
    pthread_t t[NCOUNT];
    for (intptr_t i = 0; i < NCOUNT; i++)
        CHECK(pthread_create(&t[i], NULL, count_worker, (void *)i));
    for (int i = 0; i < NCOUNT; i++)
        CHECK(pthread_join(t[i], NULL));
    printf("mutex counter: %ld (expect %d)\n", locked_counter, NCOUNT * 20000);
    printf("atomic relaxed: %d, seq_cst sum: %ld (expect %ld), max: %ld, cas counter: %u\n", atomic_load(&a_relaxed),
           atomic_load(&a_seqcst), (long)NCOUNT * (19999L * 20000 / 2), atomic_load(&a_max),
           atomic_load(&a_cas_counter));
    int distinct = 1, none_is_pid = 1;
    for (int i = 0; i < NCOUNT; i++) {
        if (worker_tids[i] == getpid() || worker_tids[i] <= 0)
            none_is_pid = 0;
        for (int j = 0; j < i; j++)
            if (worker_tids[i] == worker_tids[j])
                distinct = 0;
    }
    printf("thread ids: distinct=%d, none equals the pid=%d, main thread tid==pid: %d\n", distinct, none_is_pid,
           my_tid() == getpid());
}

/* ---- producer/consumer ---- */

#define QCAP 8
#define NPROD 3
#define NCONS 2
#define PER_PROD 2000
static int queue[QCAP];
static int q_head, q_len;
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t q_not_full = PTHREAD_COND_INITIALIZER;
static int q_full_waits; /* how often a producer had to wait (only compared with 0) */

static void q_put(int v)
{
    pthread_mutex_lock(&q_lock);
    while (q_len == QCAP) {
        q_full_waits++;
        pthread_cond_wait(&q_not_full, &q_lock);
    }
    queue[(q_head + q_len) % QCAP] = v;
    q_len++;
    pthread_cond_signal(&q_not_empty);
    pthread_mutex_unlock(&q_lock);
}

static int q_get(void)
{
    pthread_mutex_lock(&q_lock);
    while (q_len == 0)
        pthread_cond_wait(&q_not_empty, &q_lock);
    int v = queue[q_head];
    q_head = (q_head + 1) % QCAP;
    q_len--;
    pthread_cond_signal(&q_not_full);
    pthread_mutex_unlock(&q_lock);
    return v;
}

struct cons_result {
    long count, sum;
    int in_order;
};

static void *producer(void *arg)
{
    int p = (int)(intptr_t)arg;
    for (int i = 0; i < PER_PROD; i++)
        q_put(p * 100000 + i);
    return NULL;
}

static void *consumer(void *arg)
{
    struct cons_result *r = arg;
    int last[NPROD];
    for (int i = 0; i < NPROD; i++)
        last[i] = -1;
    r->in_order = 1;
    for (;;) {
        int v = q_get();
        if (v < 0)
            break;
        int p = v / 100000, i = v % 100000;
        if (p >= NPROD || i <= last[p])
            r->in_order = 0;
        last[p] = i;
        r->count++;
        r->sum += v;
    }
    return NULL;
}

static void test_queue(void)
{
    pthread_t prod[NPROD], cons[NCONS];
    struct cons_result res[NCONS];
    memset(res, 0, sizeof res);
    for (int i = 0; i < NCONS; i++)
        CHECK(pthread_create(&cons[i], NULL, consumer, &res[i]));
    for (intptr_t i = 0; i < NPROD; i++)
        CHECK(pthread_create(&prod[i], NULL, producer, (void *)i));
    for (int i = 0; i < NPROD; i++)
        CHECK(pthread_join(prod[i], NULL));
    for (int i = 0; i < NCONS; i++)
        q_put(-1); /* one stop marker per consumer */
    long count = 0, sum = 0;
    int order = 1;
    for (int i = 0; i < NCONS; i++) {
        CHECK(pthread_join(cons[i], NULL));
        count += res[i].count;
        sum += res[i].sum;
        order &= res[i].in_order;
    }
    long expect = 0;
    for (int p = 0; p < NPROD; p++)
        for (int i = 0; i < PER_PROD; i++)
            expect += p * 100000 + i;
    printf("queue: %ld items, sum %ld (expect %ld), per-producer order kept: %d, queue empty: %d\n", count, sum,
           expect, order, q_len == 0);
    (void)q_full_waits;
}

/* ---- __thread ---- */

static __thread int tls_int = 7;
static __thread char tls_str[16] = "initial";
static __thread long tls_zero[32];
static __thread long long tls_aligned __attribute__((aligned(64))) = 99;

struct tls_report {
    int saw_int, saw_str_ok, saw_zero, aligned, kept;
};

static void *tls_worker(void *arg)
{
    struct tls_report *r = arg;
    intptr_t id = r->kept; /* passed in through the report */
    r->saw_int = tls_int;
    r->saw_str_ok = strcmp(tls_str, "initial") == 0;
    long z = 0;
    for (int i = 0; i < 32; i++)
        z |= tls_zero[i];
    r->saw_zero = z == 0;
    r->aligned = ((uintptr_t)&tls_aligned % 64) == 0 && tls_aligned == 99;
    tls_int = (int)id * 11;
    snprintf(tls_str, sizeof tls_str, "thread %d", (int)id);
    for (int i = 0; i < 32; i++)
        tls_zero[i] = id;
    int ok = 1;
    for (int round = 0; round < 200; round++) {
        sched_yield();
        char want[16];
        snprintf(want, sizeof want, "thread %d", (int)id);
        if (tls_int != id * 11 || strcmp(tls_str, want) != 0 || tls_zero[round % 32] != id)
            ok = 0;
    }
    r->kept = ok;
    return NULL;
}

static void test_tls(void)
{
    tls_int = 1234;
    strcpy(tls_str, "main");
    pthread_t t[4];
    struct tls_report r[4];
    for (int i = 0; i < 4; i++) {
        memset(&r[i], 0, sizeof r[i]);
        r[i].kept = i + 1;
        CHECK(pthread_create(&t[i], NULL, tls_worker, &r[i]));
    }
    for (int i = 0; i < 4; i++) {
        CHECK(pthread_join(t[i], NULL));
        printf("tls thread %d: initial int %d, initial string ok %d, zero-initialised %d, 64-aligned %d, kept own values %d\n",
               i + 1, r[i].saw_int, r[i].saw_str_ok, r[i].saw_zero, r[i].aligned, r[i].kept);
    }
    printf("tls main after threads: %d %s\n", tls_int, tls_str);
}

/* ---- pthread_key_t destructors ---- */

static pthread_key_t key_free, key_rearm;
static atomic_int dtor_calls, dtor_sum, rearm_calls;

static void dtor_free(void *p)
{
    atomic_fetch_add(&dtor_calls, 1);
    atomic_fetch_add(&dtor_sum, *(int *)p);
    free(p);
}

static void dtor_rearm(void *p)
{
    /* first call sets the value again, so glibc calls the destructor a second time */
    int n = atomic_fetch_add(&rearm_calls, 1);
    (void)n;
    if ((intptr_t)p == 1)
        pthread_setspecific(key_rearm, (void *)2);
}

static void *key_worker(void *arg)
{
    int *v = malloc(sizeof *v);
    *v = 100 + (int)(intptr_t)arg;
    pthread_setspecific(key_free, v);
    pthread_setspecific(key_rearm, (void *)1);
    int ok = pthread_getspecific(key_free) == v;
    return (void *)(intptr_t)ok;
}

static void test_keys(void)
{
    CHECK(pthread_key_create(&key_free, dtor_free));
    CHECK(pthread_key_create(&key_rearm, dtor_rearm));
    pthread_setspecific(key_free, NULL);
    pthread_t t[5];
    for (intptr_t i = 0; i < 5; i++)
        CHECK(pthread_create(&t[i], NULL, key_worker, (void *)i));
    int ok = 1;
    for (int i = 0; i < 5; i++) {
        void *r;
        CHECK(pthread_join(t[i], &r));
        ok &= (int)(intptr_t)r;
    }
    printf("keys: getspecific ok %d, destructor calls %d, sum %d, re-arming destructor calls %d, main value %s\n", ok,
           atomic_load(&dtor_calls), atomic_load(&dtor_sum), atomic_load(&rearm_calls),
           pthread_getspecific(key_free) == NULL ? "NULL" : "set");
    CHECK(pthread_key_delete(key_free));
    CHECK(pthread_key_delete(key_rearm));
}

/* ---- pthread_once ---- */

static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_int once_runs;
static atomic_int once_done;

static void once_init(void)
{
    atomic_fetch_add(&once_runs, 1);
    struct timespec ts = {0, 20 * 1000 * 1000};
    nanosleep(&ts, NULL); /* the other callers must wait for this to finish */
    atomic_store(&once_done, 1);
}

static void *once_worker(void *arg)
{
    (void)arg;
    pthread_once(&once, once_init);
    return (void *)(intptr_t)atomic_load(&once_done);
}

static void test_once(void)
{
    pthread_t t[8];
    for (int i = 0; i < 8; i++)
        CHECK(pthread_create(&t[i], NULL, once_worker, NULL));
    int all = 1;
    for (int i = 0; i < 8; i++) {
        void *r;
        CHECK(pthread_join(t[i], &r));
        all &= (int)(intptr_t)r;
    }
    pthread_once(&once, once_init);
    printf("once: init ran %d time(s), every caller saw it finished: %d\n", atomic_load(&once_runs), all);
}

/* ---- barrier ---- */

#define NBAR 4
#define ROUNDS 5
static pthread_barrier_t barrier;
static atomic_int slots[ROUNDS][NBAR];
static atomic_int serial_count[ROUNDS];

static void *barrier_worker(void *arg)
{
    int id = (int)(intptr_t)arg, ok = 1;
    for (int r = 0; r < ROUNDS; r++) {
        atomic_store(&slots[r][id], 1);
        int rc = pthread_barrier_wait(&barrier);
        if (rc == PTHREAD_BARRIER_SERIAL_THREAD)
            atomic_fetch_add(&serial_count[r], 1);
        else if (rc != 0)
            ok = 0;
        for (int j = 0; j < NBAR; j++)
            if (!atomic_load(&slots[r][j]))
                ok = 0;
    }
    return (void *)(intptr_t)ok;
}

static void test_barrier(void)
{
    CHECK(pthread_barrier_init(&barrier, NULL, NBAR));
    pthread_t t[NBAR];
    for (intptr_t i = 0; i < NBAR; i++)
        CHECK(pthread_create(&t[i], NULL, barrier_worker, (void *)i));
    int ok = 1;
    for (int i = 0; i < NBAR; i++) {
        void *r;
        CHECK(pthread_join(t[i], &r));
        ok &= (int)(intptr_t)r;
    }
    printf("barrier: %d rounds, everyone saw all slots filled: %d, serial thread per round:", ROUNDS, ok);
    for (int r = 0; r < ROUNDS; r++)
        printf(" %d", atomic_load(&serial_count[r]));
    printf("\n");
    CHECK(pthread_barrier_destroy(&barrier));
}

/* ---- detached thread + semaphore ---- */

static sem_t done_sem;
static long detached_result;

static void *detached_worker(void *arg)
{
    (void)arg;
    long s = 0;
    for (int i = 1; i <= 1000; i++)
        s += i;
    detached_result = s;
    sem_post(&done_sem);
    return NULL;
}

static void test_detached(void)
{
    CHECK(sem_init(&done_sem, 0, 0));
    pthread_attr_t attr;
    CHECK(pthread_attr_init(&attr));
    CHECK(pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED));
    int st;
    CHECK(pthread_attr_getdetachstate(&attr, &st));
    pthread_t t;
    CHECK(pthread_create(&t, &attr, detached_worker, NULL));
    pthread_attr_destroy(&attr);
    int rc = sem_wait(&done_sem);
    printf("detached: state DETACHED %d, sem_wait %d, result %ld\n", st == PTHREAD_CREATE_DETACHED, rc,
           detached_result);
    errno = 0;
    rc = sem_trywait(&done_sem);
    printf("sem_trywait on 0: %d %s\n", rc, err_name(errno));
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_nsec += 30 * 1000 * 1000;
    if (dl.tv_nsec >= 1000000000) {
        dl.tv_sec++;
        dl.tv_nsec -= 1000000000;
    }
    errno = 0;
    rc = sem_timedwait(&done_sem, &dl);
    printf("sem_timedwait on 0: %d %s\n", rc, err_name(errno));
    sem_post(&done_sem);
    sem_post(&done_sem);
    int v;
    sem_getvalue(&done_sem, &v);
    printf("sem value after two posts: %d\n", v);
    sem_destroy(&done_sem);
}

/* ---- timeouts ---- */

static void add_ms(struct timespec *ts, long ms)
{
    ts->tv_nsec += ms * 1000000;
    while (ts->tv_nsec >= 1000000000) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000;
    }
}

static pthread_mutex_t held = PTHREAD_MUTEX_INITIALIZER;

static void *timedlock_worker(void *arg)
{
    (void)arg;
    struct timespec dl;
    clock_gettime(CLOCK_REALTIME, &dl);
    add_ms(&dl, 30);
    int rc = pthread_mutex_timedlock(&held, &dl);
    int rc2 = pthread_mutex_trylock(&held);
    return (void *)(intptr_t)(rc * 1000 + rc2);
}

static void test_timeouts(void)
{
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t c = PTHREAD_COND_INITIALIZER;
    struct timespec before, after, dl;

    pthread_mutex_lock(&m);
    clock_gettime(CLOCK_REALTIME, &dl);
    add_ms(&dl, 30);
    int rc = pthread_cond_timedwait(&c, &m, &dl);
    clock_gettime(CLOCK_REALTIME, &after);
    int late = after.tv_sec > dl.tv_sec || (after.tv_sec == dl.tv_sec && after.tv_nsec >= dl.tv_nsec);
    printf("cond_timedwait (realtime): %s, deadline passed %d, mutex re-acquired (trylock EBUSY) %s\n", err_name(rc),
           late, err_name(pthread_mutex_trylock(&m)));
    pthread_mutex_unlock(&m);

    pthread_condattr_t ca;
    pthread_cond_t cm;
    CHECK(pthread_condattr_init(&ca));
    CHECK(pthread_condattr_setclock(&ca, CLOCK_MONOTONIC));
    CHECK(pthread_cond_init(&cm, &ca));
    pthread_mutex_lock(&m);
    clock_gettime(CLOCK_MONOTONIC, &before);
    dl = before;
    add_ms(&dl, 30);
    rc = pthread_cond_timedwait(&cm, &m, &dl);
    clock_gettime(CLOCK_MONOTONIC, &after);
    long waited_ms = (after.tv_sec - before.tv_sec) * 1000 + (after.tv_nsec - before.tv_nsec) / 1000000;
    printf("cond_timedwait (monotonic): %s, waited >= 30 ms %d\n", err_name(rc), waited_ms >= 30);
    pthread_mutex_unlock(&m);
    pthread_cond_destroy(&cm);
    pthread_condattr_destroy(&ca);

    pthread_mutex_lock(&held);
    pthread_t t;
    void *r;
    CHECK(pthread_create(&t, NULL, timedlock_worker, NULL));
    CHECK(pthread_join(t, &r));
    pthread_mutex_unlock(&held);
    int v = (int)(intptr_t)r;
    printf("mutex_timedlock on a held mutex: %s, trylock %s\n", err_name(v / 1000), err_name(v % 1000));

    pthread_mutexattr_t ma;
    pthread_mutex_t em;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&em, &ma);
    pthread_mutex_lock(&em);
    int relock = pthread_mutex_lock(&em), unlock1 = pthread_mutex_unlock(&em), unlock2 = pthread_mutex_unlock(&em);
    printf("errorcheck mutex relock: %s, unlock %s, second unlock %s\n", err_name(relock), err_name(unlock1),
           err_name(unlock2));
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_t rm;
    pthread_mutex_init(&rm, &ma);
    int a = pthread_mutex_lock(&rm), b = pthread_mutex_lock(&rm), c1 = pthread_mutex_unlock(&rm),
        d = pthread_mutex_unlock(&rm), e = pthread_mutex_unlock(&rm);
    printf("recursive mutex: lock %s lock %s unlock %s unlock %s extra unlock %s\n", err_name(a), err_name(b),
           err_name(c1), err_name(d), err_name(e));
    pthread_mutexattr_destroy(&ma);
}

/* ---- rwlock ---- */

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static atomic_int readers_inside, max_readers_inside;
static long rw_value;

static void *rw_reader(void *arg)
{
    (void)arg;
    long seen = 0;
    for (int i = 0; i < 200; i++) {
        pthread_rwlock_rdlock(&rw);
        int n = atomic_fetch_add(&readers_inside, 1) + 1;
        int m = atomic_load(&max_readers_inside);
        while (n > m && !atomic_compare_exchange_weak(&max_readers_inside, &m, n))
            ;
        seen = rw_value;
        atomic_fetch_sub(&readers_inside, 1);
        pthread_rwlock_unlock(&rw);
    }
    return (void *)seen;
}

static void *rw_writer(void *arg)
{
    (void)arg;
    int bad = 0;
    for (int i = 0; i < 500; i++) {
        pthread_rwlock_wrlock(&rw);
        if (atomic_load(&readers_inside) != 0)
            bad = 1;
        rw_value++;
        pthread_rwlock_unlock(&rw);
    }
    return (void *)(intptr_t)bad;
}

static void test_rwlock(void)
{
    pthread_t r[4], w[2];
    for (int i = 0; i < 4; i++)
        CHECK(pthread_create(&r[i], NULL, rw_reader, NULL));
    for (int i = 0; i < 2; i++)
        CHECK(pthread_create(&w[i], NULL, rw_writer, NULL));
    int bad = 0;
    for (int i = 0; i < 2; i++) {
        void *v;
        CHECK(pthread_join(w[i], &v));
        bad |= (int)(intptr_t)v;
    }
    for (int i = 0; i < 4; i++)
        CHECK(pthread_join(r[i], NULL));
    pthread_rwlock_rdlock(&rw);
    int try_w = pthread_rwlock_trywrlock(&rw);
    int try_r = pthread_rwlock_tryrdlock(&rw);
    pthread_rwlock_unlock(&rw);
    pthread_rwlock_unlock(&rw);
    printf("rwlock: value %ld, writer never saw a reader %d, trywrlock under a read lock %s, tryrdlock %s\n", rw_value,
           !bad, err_name(try_w), err_name(try_r));
}

/* ---- stacks ---- */

struct stack_probe {
    char *lo, *hi;
    int inside;
    size_t reported_size;
};

static void *stack_worker(void *arg)
{
    struct stack_probe *p = arg;
    volatile char local[256];
    local[0] = 1;
    char *a = (char *)local;
    p->inside = a >= p->lo && a + sizeof local <= p->hi;
    pthread_attr_t attr;
    void *addr;
    size_t size;
    pthread_getattr_np(pthread_self(), &attr);
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    p->reported_size = size;
    /* touch most of the stack: a deep-ish recursion substitute */
    volatile char big[96 * 1024];
    for (size_t i = 0; i < sizeof big; i += 512)
        big[i] = (char)i;
    return (void *)(intptr_t)(big[512] == (char)512);
}

static void test_stacks(void)
{
    size_t size = 256 * 1024;
    char *mem = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) {
        printf("mmap failed\n");
        exit(1);
    }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    CHECK(pthread_attr_setstack(&attr, mem, size));
    struct stack_probe p = {mem, mem + size, 0, 0};
    pthread_t t;
    void *r;
    CHECK(pthread_create(&t, &attr, stack_worker, &p));
    CHECK(pthread_join(t, &r));
    pthread_attr_destroy(&attr);
    printf("caller-supplied stack: locals inside it %d, reported size %zu KiB, deep use ok %d\n", p.inside,
           p.reported_size / 1024, (int)(intptr_t)r);
    munmap(mem, size);

    pthread_attr_init(&attr);
    CHECK(pthread_attr_setstacksize(&attr, 512 * 1024));
    size_t got;
    pthread_attr_getstacksize(&attr, &got);
    struct stack_probe q = {NULL, (char *)-1, 0, 0};
    CHECK(pthread_create(&t, &attr, stack_worker, &q));
    CHECK(pthread_join(t, &r));
    pthread_attr_destroy(&attr);
    printf("stacksize attribute: %zu KiB, thread reports >= that: %d, deep use ok %d\n", got / 1024,
           q.reported_size >= got, (int)(intptr_t)r);
}

/* ---- names ---- */

static void *name_worker(void *arg)
{
    static char buf[32];
    pthread_setname_np(pthread_self(), (const char *)arg);
    pthread_getname_np(pthread_self(), buf, sizeof buf);
    return buf;
}

static void test_names(void)
{
    pthread_t t;
    void *r;
    CHECK(pthread_create(&t, NULL, name_worker, "worker-one"));
    CHECK(pthread_join(t, &r));
    printf("thread name set and read back in the thread: %s\n", (char *)r);
    char tooLong[] = "this-name-is-longer-than-15";
    printf("setname with a 27-byte name: %s\n", pthread_setname_np(pthread_self(), tooLong) == ERANGE ? "ERANGE" : "?");
}

/* ---- signals and threads ---- */

static volatile pid_t usr2_handler_tid;
static void on_usr2(int sig)
{
    (void)sig;
    usr2_handler_tid = my_tid();
}

static void *sigwait_worker(void *arg)
{
    (void)arg;
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    int sig = 0;
    int rc = sigwait(&s, &sig);
    return (void *)(intptr_t)(rc == 0 ? sig : -1);
}

static void *suspend_worker(void *arg)
{
    (void)arg;
    pid_t me = my_tid();
    sigset_t none;
    sigemptyset(&none);
    int rc = sigsuspend(&none); /* SIGUSR2 is inherited blocked; only here is it let through */
    int e = errno;
    return (void *)(intptr_t)(rc == -1 && e == EINTR && usr2_handler_tid == me);
}

static void test_thread_signals(void)
{
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    signal(SIGUSR2, on_usr2);

    pthread_t t;
    void *r;
    CHECK(pthread_create(&t, NULL, sigwait_worker, NULL));
    CHECK(pthread_kill(t, SIGUSR1));
    CHECK(pthread_join(t, &r));
    printf("pthread_kill + sigwait in the target thread: got signal %d\n", (int)(intptr_t)r);

    CHECK(pthread_create(&t, NULL, suspend_worker, NULL));
    kill(getpid(), SIGUSR2); /* process-directed: only the worker can take it */
    CHECK(pthread_join(t, &r));
    sigset_t pend;
    sigpending(&pend);
    printf("process-directed SIGUSR2 handled by the only thread not blocking it: %d, still pending in main: %d\n",
           (int)(intptr_t)r, sigismember(&pend, SIGUSR2));
    printf("pthread_kill with signal 0 on self: %d\n", pthread_kill(pthread_self(), 0));
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    signal(SIGUSR2, SIG_DFL);
}

/* ---- cancellation ---- */

static atomic_int cleanup_ran, cleanup_arg;

static void cleanup(void *arg)
{
    atomic_fetch_add(&cleanup_ran, 1);
    atomic_store(&cleanup_arg, (int)(intptr_t)arg);
}

static int cancel_pipe[2];

static void *cancel_in_read(void *arg)
{
    (void)arg;
    char c;
    pthread_cleanup_push(cleanup, (void *)42);
    for (;;)
        read(cancel_pipe[0], &c, 1); /* never gets data: cancelled while blocked */
    pthread_cleanup_pop(0);
    return NULL;
}

static atomic_int spin_started;
static void *cancel_in_loop(void *arg)
{
    (void)arg;
    int old;
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
    atomic_store(&spin_started, 1);
    /* cancellation is disabled here: stays pending until enabled below */
    struct timespec ts = {0, 20 * 1000 * 1000};
    nanosleep(&ts, NULL);
    pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
    for (;;)
        pthread_testcancel();
    return NULL;
}

static void test_cancel(void)
{
    if (pipe(cancel_pipe) != 0) {
        printf("pipe failed\n");
        exit(1);
    }
    pthread_t t;
    void *r;
    CHECK(pthread_create(&t, NULL, cancel_in_read, NULL));
    struct timespec ts = {0, 20 * 1000 * 1000};
    nanosleep(&ts, NULL);
    CHECK(pthread_cancel(t));
    CHECK(pthread_join(t, &r));
    printf("cancel a thread blocked in read: result PTHREAD_CANCELED %d, cleanup ran %d with arg %d\n",
           r == PTHREAD_CANCELED, atomic_load(&cleanup_ran), atomic_load(&cleanup_arg));

    CHECK(pthread_create(&t, NULL, cancel_in_loop, NULL));
    while (!atomic_load(&spin_started))
        sched_yield();
    CHECK(pthread_cancel(t));
    CHECK(pthread_join(t, &r));
    printf("deferred cancel while disabled, acted on at pthread_testcancel: %d\n", r == PTHREAD_CANCELED);
}

/* ---- churn ---- */

static void *churn(void *arg) { return (void *)((intptr_t)arg + 1); }

static void test_churn(void)
{
    long sum = 0;
    for (int batch = 0; batch < 16; batch++) {
        pthread_t t[8];
        for (intptr_t i = 0; i < 8; i++)
            CHECK(pthread_create(&t[i], NULL, churn, (void *)(batch * 8 + i)));
        for (int i = 0; i < 8; i++) {
            void *r;
            CHECK(pthread_join(t[i], &r));
            sum += (intptr_t)r;
        }
    }
    printf("churn: 128 threads created and joined, sum %ld\n", sum);
}

/* ---- left running at exit ---- */

static int stuck_pipe[2];
static atomic_int stuck_started;
static void *stuck_forever(void *arg)
{
    (void)arg;
    char c;
    atomic_store(&stuck_started, 1);
    read(stuck_pipe[0], &c, 1);
    printf("stuck thread woke up?\n");
    return NULL;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    test_return_values();
    test_counters();
    test_queue();
    test_tls();
    test_keys();
    test_once();
    test_barrier();
    test_detached();
    test_timeouts();
    test_rwlock();
    test_stacks();
    test_names();
    test_thread_signals();
    test_cancel();
    test_churn();

    cpu_set_t set;
    CPU_ZERO(&set);
    int rc = sched_getaffinity(0, sizeof set, &set);
    printf("sched_getaffinity: %d, cpus >= 1: %d, nprocs >= 1: %d\n", rc, CPU_COUNT(&set) >= 1,
           sysconf(_SC_NPROCESSORS_ONLN) >= 1);

    if (pipe(stuck_pipe) != 0)
        return 1;
    pthread_t t;
    CHECK(pthread_create(&t, NULL, stuck_forever, NULL));
    while (!atomic_load(&stuck_started))
        sched_yield();
    printf("main returns while a thread is blocked in read\n");
    return 0;
}
