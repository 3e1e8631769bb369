/* hello: the classic first program, plus a look at the machine it runs on. */
#include <stdio.h>
#include <sys/utsname.h>

int main(void)
{
    struct utsname u;

    printf("Hello, world!\n");
    if (uname(&u) == 0)
        printf("This is %s %s on %s.\n", u.sysname, u.release, u.machine);
    return 0;
}
