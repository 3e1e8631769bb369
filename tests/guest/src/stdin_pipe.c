/*
 * stdin_pipe: reads all of standard input, first line by line with getline
 * (echoing the first lines uppercased), then the rest in blocks with fread.
 * Prints line count, byte count and a checksum of everything read.
 * Optional argv[1]: how many lines to take with getline (default 5).
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    long getline_lines = argc > 1 ? atol(argv[1]) : 5;
    unsigned long long bytes = 0, lines = 0, nul_bytes = 0;
    unsigned long long longest = 0;
    unsigned hash = 2166136261u;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long taken = 0;

    while (taken < getline_lines && (len = getline(&line, &cap, stdin)) != -1) {
        taken++;
        if ((unsigned long long)len > longest)
            longest = (unsigned long long)len;
        printf("line %ld (%zd bytes): ", taken, len);
        for (ssize_t i = 0; i < len && i < 60; i++) {
            unsigned char c = (unsigned char)line[i];
            if (c == '\n')
                continue;
            if (c >= 0x20 && c < 0x7f)
                putchar(toupper(c));
            else
                printf("\\x%02x", c);
        }
        if (len > 60)
            printf("...");
        putchar('\n');
        for (ssize_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)line[i];
            hash = (hash ^ c) * 16777619u;
            lines += c == '\n';
            nul_bytes += c == 0;
        }
        bytes += (unsigned long long)len;
    }
    free(line);

    unsigned char block[4096];
    size_t n, reads = 0;
    while ((n = fread(block, 1, sizeof block, stdin)) > 0) {
        reads++;
        for (size_t i = 0; i < n; i++) {
            hash = (hash ^ block[i]) * 16777619u;
            lines += block[i] == '\n';
            nul_bytes += block[i] == 0;
        }
        bytes += n;
    }
    printf("getline lines: %ld, longest %llu\n", taken, longest);
    printf("fread blocks: %s\n", reads ? "some" : "none");
    printf("eof=%d error=%d\n", feof(stdin) != 0, ferror(stdin) != 0);
    printf("total: %llu lines, %llu bytes, %llu NUL bytes, checksum %08x\n", lines, bytes, nul_bytes, hash);
    return 0;
}
