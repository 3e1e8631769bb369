/* snake: a full-screen terminal game. The terminal goes into raw mode (termios)
 * so every key arrives at once, unechoed; the screen is drawn with ANSI escape
 * sequences on the alternate screen. The board fills the window (TIOCGWINSZ) and
 * is rebuilt when the window changes size (SIGWINCH).
 * Keys: arrows, WASD or HJKL steer; p pauses; q quits. */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAX_CELLS (100 * 60)

enum { UP, RIGHT, DOWN, LEFT };

static struct termios saved_termios;
static volatile sig_atomic_t resized;

static int width, height;            /* board size in cells; a cell is two columns wide */
static int snake_x[MAX_CELLS], snake_y[MAX_CELLS];
static int head, length;             /* ring buffer: snake_x[head] is the head */
static int direction, next_direction;
static int food_x, food_y;
static int score, best, paused, over;
/* `snake --paused` starts its first game paused (for demonstrations and tests) */
static int start_paused;

static char frame[65536];
static size_t frame_len;

static void emit(const char *s)
{
    size_t n = strlen(s);
    if (frame_len + n < sizeof frame) {
        memcpy(frame + frame_len, s, n);
        frame_len += n;
    }
}

static void emitf(const char *fmt, int a, int b)
{
    char buf[64];
    snprintf(buf, sizeof buf, fmt, a, b);
    emit(buf);
}

static void flush_frame(void)
{
    size_t done = 0;
    while (done < frame_len) {
        ssize_t n = write(STDOUT_FILENO, frame + done, frame_len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    frame_len = 0;
}

static void restore_terminal(void)
{
    emit("\033[0m\033[?25h\033[?1049l"); /* colours off, cursor on, back to the main screen */
    flush_frame();
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
}

static void on_winch(int sig)
{
    (void)sig;
    resized = 1;
}

static int occupied(int x, int y)
{
    for (int i = 0; i < length; i++) {
        int k = (head - i + MAX_CELLS) % MAX_CELLS;
        if (snake_x[k] == x && snake_y[k] == y)
            return 1;
    }
    return 0;
}

static void place_food(void)
{
    if (length >= width * height)
        return;
    do {
        food_x = rand() % width;
        food_y = rand() % height;
    } while (occupied(food_x, food_y));
}

/* A new game on a board that fits the window. */
static void new_game(void)
{
    struct winsize ws;
    int cols = 80, rows = 24;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
        cols = ws.ws_col;
        rows = ws.ws_row;
    }
    width = (cols - 2) / 2;   /* minus the side walls */
    height = rows - 3;        /* minus the top and bottom walls and the status line */
    if (width > 100)
        width = 100;
    if (height > 60)
        height = 60;
    if (width < 8)
        width = 8;
    if (height < 5)
        height = 5;
    head = 2;
    length = 3;
    for (int i = 0; i < 3; i++) {
        snake_x[i] = width / 2 - 2 + i;
        snake_y[i] = height / 2;
    }
    direction = next_direction = RIGHT;
    score = 0;
    paused = start_paused;
    start_paused = over = 0;
    place_food();
}

static void draw(void)
{
    emit("\033[H\033[2J\033[0m");
    emitf("\033[1m snake\033[0m  score %d  best %d", score, best);
    emit(over ? "   \033[1;31mGAME OVER\033[0m  space: again, q: quit"
              : paused ? "   \033[1;33mPAUSED\033[0m  p: go on" : "   arrows/WASD, p: pause, q: quit");
    /* Walls: box-drawing lines (UTF-8) around the board. */
    emitf("\033[%d;1H\033[2m\342\224\214", 2, 0); /* top left corner */
    for (int x = 0; x < width; x++)
        emit("\342\224\200\342\224\200");          /* two horizontal lines per cell */
    emit("\342\224\220");
    for (int y = 0; y < height; y++) {
        emitf("\033[%d;1H\342\224\202\033[%dC", y + 3, width * 2);
        emit("\342\224\202");
    }
    emitf("\033[%d;1H\342\224\224", height + 3, 0);
    for (int x = 0; x < width; x++)
        emit("\342\224\200\342\224\200");
    emit("\342\224\230\033[0m");
    /* Food and snake: coloured blocks of two spaces each. */
    emitf("\033[%d;%dH\033[41m  \033[0m", food_y + 3, food_x * 2 + 2);
    for (int i = 0; i < length; i++) {
        int k = (head - i + MAX_CELLS) % MAX_CELLS;
        emitf("\033[%d;%dH", snake_y[k] + 3, snake_x[k] * 2 + 2);
        emit(i == 0 ? "\033[102m  " : "\033[42m  ");
    }
    emitf("\033[0m\033[%d;1H", height + 4, 0);
    flush_frame();
}

static void step(void)
{
    static const int dx[] = {0, 1, 0, -1}, dy[] = {-1, 0, 1, 0};
    direction = next_direction;
    int x = snake_x[head] + dx[direction], y = snake_y[head] + dy[direction];
    int eats = x == food_x && y == food_y;
    if (x < 0 || y < 0 || x >= width || y >= height) {
        over = 1;
        return;
    }
    if (!eats)
        length--; /* the tail moves on, so the head may enter the cell it leaves */
    if (occupied(x, y)) {
        length++;
        over = 1;
        return;
    }
    head = (head + 1) % MAX_CELLS;
    snake_x[head] = x;
    snake_y[head] = y;
    length++;
    if (eats) {
        score++;
        if (score > best)
            best = score;
        place_food();
    }
}

static void steer(int d)
{
    if ((d + 2) % 4 != direction) /* no reversing into yourself */
        next_direction = d;
}

/* Handles the keys read so far; returns 0 when the player quits. */
static int handle_keys(const unsigned char *k, ssize_t n)
{
    for (ssize_t i = 0; i < n; i++) {
        if (k[i] == 27 && i + 2 < n && (k[i + 1] == '[' || k[i + 1] == 'O')) {
            switch (k[i + 2]) {
            case 'A': steer(UP); break;
            case 'B': steer(DOWN); break;
            case 'C': steer(RIGHT); break;
            case 'D': steer(LEFT); break;
            }
            i += 2;
            continue;
        }
        switch (k[i]) {
        case 'q': case 'Q': case 3: /* Ctrl-C arrives as a byte in raw mode */
            return 0;
        case 'w': case 'W': case 'k': steer(UP); break;
        case 's': case 'S': case 'j': steer(DOWN); break;
        case 'd': case 'D': case 'l': steer(RIGHT); break;
        case 'a': case 'A': case 'h': steer(LEFT); break;
        case 'p': case 'P': if (!over) paused = !paused; break;
        case ' ': if (over) new_game(); break;
        }
    }
    return 1;
}

int main(int argc, char **argv)
{
    start_paused = argc > 1 && strcmp(argv[1], "--paused") == 0;
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved_termios) != 0) {
        fprintf(stderr, "snake needs a terminal\n");
        return 1;
    }
    struct termios raw = saved_termios;
    raw.c_iflag &= ~(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    raw.c_oflag &= ~OPOST;
    raw.c_lflag &= ~(ECHO | ICANON | IEXTEN | ISIG);
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw);
    atexit(restore_terminal);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_winch;
    sigaction(SIGWINCH, &sa, NULL);

    srand((unsigned)time(NULL) ^ (unsigned)getpid());
    emit("\033[?1049h\033[?25l"); /* alternate screen, cursor hidden */
    new_game();
    draw();

    struct timespec last;
    clock_gettime(CLOCK_MONOTONIC, &last);
    for (;;) {
        /* Faster as the snake grows; vertical moves cover twice the height per cell, so they wait longer. */
        int tick_ms = 150 - score * 3;
        if (tick_ms < 60)
            tick_ms = 60;
        if (direction == UP || direction == DOWN)
            tick_ms = tick_ms * 3 / 2;

        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long elapsed = (now.tv_sec - last.tv_sec) * 1000 + (now.tv_nsec - last.tv_nsec) / 1000000;
        struct pollfd pfd = {STDIN_FILENO, POLLIN, 0};
        int ready = poll(&pfd, 1, elapsed >= tick_ms ? 0 : (int)(tick_ms - elapsed));
        if (resized) {
            resized = 0;
            new_game(); /* the board follows the window: start again on the new size */
            draw();
        }
        if (ready > 0) {
            unsigned char keys[64];
            ssize_t n = read(STDIN_FILENO, keys, sizeof keys);
            if (n > 0) {
                if (!handle_keys(keys, n))
                    break;
                draw();
            }
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        elapsed = (now.tv_sec - last.tv_sec) * 1000 + (now.tv_nsec - last.tv_nsec) / 1000000;
        if (elapsed >= tick_ms) {
            last = now;
            if (!paused && !over) {
                step();
                draw();
            }
        }
    }
    return 0; /* restore_terminal runs at exit */
}
