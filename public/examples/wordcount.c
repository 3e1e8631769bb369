/* wordcount: reads text from standard input line by line until end of file,
 * then counts lines, words and characters and lists the most frequent words.
 * In the playground's console, type some lines and press Ctrl-D on an empty
 * line to end the input. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct word {
    char *text;
    int count;
};

static struct word *words;
static size_t nwords, capacity;

static void add_word(const char *text, size_t len)
{
    for (size_t i = 0; i < nwords; i++) {
        if (strlen(words[i].text) == len && memcmp(words[i].text, text, len) == 0) {
            words[i].count++;
            return;
        }
    }
    if (nwords == capacity) {
        capacity = capacity ? capacity * 2 : 64;
        words = realloc(words, capacity * sizeof *words);
        if (!words) {
            perror("realloc");
            exit(1);
        }
    }
    words[nwords].text = strndup(text, len);
    words[nwords].count = 1;
    nwords++;
}

static int by_count(const void *a, const void *b)
{
    const struct word *x = a, *y = b;
    if (x->count != y->count)
        return y->count - x->count;
    return strcmp(x->text, y->text);
}

int main(void)
{
    char *line = NULL;
    size_t size = 0;
    ssize_t len;
    long lines = 0, total_words = 0, chars = 0;

    if (isatty(STDIN_FILENO))
        printf("Type some text. Press Ctrl-D on an empty line to finish.\n");

    while ((len = getline(&line, &size, stdin)) >= 0) {
        lines++;
        chars += len;
        /* A word is a run of letters, digits or apostrophes, compared in lower case. */
        for (ssize_t i = 0; i < len;) {
            if (!isalnum((unsigned char)line[i]) && line[i] != '\'') {
                i++;
                continue;
            }
            ssize_t start = i;
            while (i < len && (isalnum((unsigned char)line[i]) || line[i] == '\''))
                line[i] = tolower((unsigned char)line[i]), i++;
            add_word(line + start, i - start);
            total_words++;
        }
    }
    free(line);

    printf("%ld lines, %ld words, %ld characters, %zu different words\n", lines, total_words, chars,
           nwords);
    qsort(words, nwords, sizeof *words, by_count);
    for (size_t i = 0; i < nwords && i < 5; i++)
        printf("  %-16s %d\n", words[i].text, words[i].count);
    return 0;
}
