/* nullderef: prints a line, flushes, then reads through a NULL pointer.
 * The process dies with SIGSEGV (a shell reports exit status 139). */
#include <stdio.h>

int main(void)
{
    volatile int *p = NULL;
    printf("about to dereference NULL\n");
    fflush(stdout);
    int v = *p;
    printf("unreachable: %d\n", v);
    return 0;
}
