/* args: what a program receives from whoever starts it: its arguments,
 * its environment, a working directory and its process identity. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
    char cwd[4096];

    printf("argc = %d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d] = \"%s\"\n", i, argv[i]);

    printf("\nenvironment:\n");
    for (char **e = environ; *e; e++)
        printf("  %s\n", *e);

    const char *greeting = getenv("GREETING");
    printf("\ngetenv(\"GREETING\") = %s%s%s\n", greeting ? "\"" : "", greeting ? greeting : "(not set)",
           greeting ? "\"" : "");
    printf("working directory: %s\n", getcwd(cwd, sizeof cwd) ? cwd : "(unknown)");
    printf("pid %d, parent %d, uid %d\n", (int)getpid(), (int)getppid(), (int)getuid());
    return 0;
}
