/*
 * args_env: prints argc, every argv element (argv[0] as its basename only,
 * since the path differs between runners) and selected environment data.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static void print_quoted(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    putchar('"');
    for (; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f)
            printf("\\x%02x", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    const char *base = strrchr(argv[0], '/');
    base = base ? base + 1 : argv[0];

    printf("argc=%d\n", argc);
    printf("argv[0] basename=");
    print_quoted(base);
    putchar('\n');
    for (int i = 1; i < argc; i++) {
        printf("argv[%d] len=%zu ", i, strlen(argv[i]));
        print_quoted(argv[i]);
        putchar('\n');
    }
    printf("argv[argc] is %s\n", argv[argc] == NULL ? "NULL" : "not NULL");

    const char *v = getenv("A64_TEST_VAR");
    printf("A64_TEST_VAR=");
    if (v)
        print_quoted(v);
    else
        printf("(unset)");
    putchar('\n');
    v = getenv("A64_NOT_SET_ANYWHERE");
    printf("A64_NOT_SET_ANYWHERE is %s\n", v ? "set" : "unset");
    v = getenv("LANG");
    printf("LANG=%s\n", v ? v : "(unset)");

    /* Collect and sort the A64_* entries so the order of environ does not matter. */
    size_t n = 0, total = 0;
    for (char **e = environ; *e; e++) {
        total++;
        if (strncmp(*e, "A64_", 4) == 0)
            n++;
    }
    printf("environ entries with prefix A64_: %zu\n", n);
    char **list = malloc((n + 1) * sizeof *list);
    size_t k = 0;
    for (char **e = environ; *e; e++)
        if (strncmp(*e, "A64_", 4) == 0)
            list[k++] = *e;
    qsort(list, k, sizeof *list, cmp_str);
    for (size_t i = 0; i < k; i++) {
        printf("  ");
        print_quoted(list[i]);
        putchar('\n');
    }
    free(list);
    printf("environ entries in total: %zu\n", total);

    /* setenv/unsetenv work on the in-process environment. */
    setenv("A64_ADDED", "added-value", 1);
    unsetenv("A64_TEST_VAR");
    printf("after setenv/unsetenv: A64_ADDED=%s A64_TEST_VAR=%s\n",
           getenv("A64_ADDED"), getenv("A64_TEST_VAR") ? "set" : "(unset)");
    return 0;
}
