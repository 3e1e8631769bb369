/*
 * exit_code: exits with the status given in argv[1] (default 42) via exit(),
 * after writing to stdout (buffered, must be flushed at exit) and stderr.
 * atexit handlers must run in reverse registration order.
 * argv[2] == "_exit" uses _exit() instead: no handlers, no stdio flush.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void handler_a(void) { printf("atexit handler A (registered first, runs last)\n"); }
static void handler_b(void) { printf("atexit handler B (registered second)\n"); }
static void handler_c(void) { fprintf(stderr, "atexit handler C writes to stderr\n"); }

int main(int argc, char **argv)
{
    int status = argc > 1 ? atoi(argv[1]) : 42;
    int use__exit = argc > 2 && strcmp(argv[2], "_exit") == 0;

    atexit(handler_a);
    atexit(handler_b);
    atexit(handler_c);
    /* stdout is a pipe, so this stays in the stdio buffer until exit */
    printf("exit_code: about to exit with status %d%s\n", status, use__exit ? " via _exit" : "");
    fprintf(stderr, "exit_code: this goes to stderr (status %d)\n", status);
    if (use__exit)
        _exit(status);
    exit(status);
}
