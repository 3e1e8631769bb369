/* setjmp: setjmp/longjmp across frames, values, sigsetjmp, volatile locals. */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;
static sigjmp_buf senv;
static int depth_reached;

__attribute__((noinline)) static void recurse(int depth, int target)
{
    volatile char pad[64];
    pad[0] = (char)depth;
    depth_reached = pad[0];
    if (depth >= target)
        longjmp(env, depth * 10);
    if (depth > 1000)
        return;
    recurse(depth + 1, target);
    pad[1] = 0; /* keeps the call from being a tail call */
}

static double fp_work(double x)
{
    double a = x * 1.5, b = x / 3.0;
    if (x > 100)
        longjmp(env, 0); /* longjmp with 0 makes setjmp return 1 */
    return a + b;
}

int main(void)
{
    for (volatile int target = 0; target < 5; target++) {
        volatile int counter = 100;
        int r = setjmp(env);
        if (r == 0) {
            counter = 200;
            recurse(0, target * 7);
            printf("not reached\n");
        } else {
            printf("target %d: setjmp returned %d, depth %d, counter %d\n", target, r, depth_reached, counter);
        }
    }

    volatile double acc = 0;
    volatile int rounds = 0;
    int r = setjmp(env);
    if (r == 0) {
        for (double x = 1; ; x *= 3) {
            acc += fp_work(x);
            rounds++;
        }
    }
    printf("fp: setjmp returned %d after %d rounds, acc=%.6f\n", r, rounds, acc);

    volatile int step = 0;
    if (sigsetjmp(senv, 1) == 0) {
        step = 1;
        siglongjmp(senv, 7);
    }
    printf("sigsetjmp/siglongjmp: step %d\n", step);

    /* nested buffers */
    jmp_buf outer;
    volatile int stage = 0;
    if (setjmp(outer) == 0) {
        stage = 1;
        if (setjmp(env) == 0) {
            stage = 2;
            longjmp(env, 1);
        }
        stage = 3;
        longjmp(outer, 2);
    }
    printf("nested: stage %d\n", stage);
    return 0;
}
