/* mandelbrot: floating-point work. Iterates z = z*z + c for every character cell
 * and colours the cell by how fast z escapes. In a terminal it draws with 256
 * colours and half blocks (two pixels per cell), sized to the window; otherwise
 * (or with --ascii) it prints plain characters.
 * Usage: mandelbrot [--ascii] [MAX_ITERATIONS] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

static int max_iter = 200;
static long long total_iter;

/* How quickly z escapes, as a fraction in [0, 1) (0: at once); -1 inside the set (never escapes). */
static double escape(double cr, double ci)
{
    double zr = 0, zi = 0;
    for (int n = 0; n < max_iter; n++) {
        double zr2 = zr * zr, zi2 = zi * zi;
        if (zr2 + zi2 > 256.0) {
            total_iter += n;
            /* The fractional iteration count smooths the bands between whole counts. */
            double smooth = n + 1 - log2(log(sqrt(zr2 + zi2)));
            double t = log1p(fmax(smooth, 0)) / log1p(max_iter);
            return t < 1 ? t : 0.999;
        }
        zi = 2 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
    }
    total_iter += max_iter;
    return -1;
}

/* A colour ramp through the xterm 256-colour cube: blue, cyan, white, orange, dark red. */
static int colour(double t)
{
    static const int ramp[] = {17, 18, 19, 20, 26, 32, 38, 44, 51, 87, 123, 159, 195, 231,
                               229, 228, 221, 214, 208, 202, 196, 160, 124, 88, 52};
    if (t < 0)
        return 16; /* black: inside the set */
    return ramp[(int)(t * (sizeof ramp / sizeof ramp[0]))];
}

int main(int argc, char **argv)
{
    int ascii = !isatty(STDOUT_FILENO);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--ascii") == 0)
            ascii = 1;
        else if (atoi(argv[i]) > 0)
            max_iter = atoi(argv[i]);
    }

    int cols = 80, rows = 24;
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
        cols = ws.ws_col;
        rows = ws.ws_row;
    }
    if (cols > 160)
        cols = 160;
    rows -= 3; /* room for the summary and the prompt */
    if (rows < 8)
        rows = 8;

    /* The view: the whole set, x from -2.2 to 0.8 and y from -1.2 to 1.2, at one scale in both
     * directions (a character cell is twice as tall as it is wide), centred in the window. */
    const int pixel_rows = ascii ? rows : rows * 2;
    const double cell_height = ascii ? 2 : 1; /* pixel height in units of a pixel's width */
    double dx = 3.0 / cols;
    if (2.4 / (pixel_rows * cell_height) > dx)
        dx = 2.4 / (pixel_rows * cell_height);
    const double dy = dx * cell_height;
    const double x0 = -0.7 - dx * cols / 2, y0 = -dy * pixel_rows / 2;

    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
            double cr = x0 + (c + 0.5) * dx;
            if (ascii) {
                static const char shades[] = " .:-=+*#%";
                double t = escape(cr, y0 + (r + 0.5) * dy);
                putchar(t < 0 ? '@' : shades[(int)(t * t * 9)]); /* squared: a lighter background */
            } else {
                int top = colour(escape(cr, y0 + (2 * r + 0.5) * dy));
                int bottom = colour(escape(cr, y0 + (2 * r + 1.5) * dy));
                printf("\033[38;5;%d;48;5;%dm\342\226\200", top, bottom); /* U+2580 upper half block */
            }
        }
        if (!ascii)
            printf("\033[0m");
        putchar('\n');
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    printf("%d x %d points, at most %d iterations each: %lld iterations in %.2f s\n", cols,
           pixel_rows, max_iter, total_iter, seconds);
    return 0;
}
