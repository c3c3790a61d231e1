/* classify.c: ns per swap_classify (the generated C of spec/swap.yaml) over
** the bodies and headers of its conformance vectors' classify cases.
**
**   classify CASES [ROUNDS]
**
** CASES, written by bench.py, holds each case as a line "status attempt
** nheaders body_len", then a line "name\tvalue" per header, then the body's
** bytes and a newline. Each round classifies every case (repeated to at
** least MIN_CALLS); prints "classify errcat NS_PER_CALL CASES", the median. */
#define _POSIX_C_SOURCE 200809L
#include "swap_errors.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAX_CASES = 4096, MAX_HEADERS = 8, MIN_CALLS = 2000000 };

typedef struct bench_case {
    int status, attempt;
    swap_header headers[MAX_HEADERS];
    size_t nheaders;
    char *body;
    size_t body_len;
} bench_case;

static bench_case cases[MAX_CASES];

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static char *line(FILE *f)
{
    char buf[4096];
    if (!fgets(buf, sizeof buf, f))
        return NULL;
    buf[strcspn(buf, "\n")] = '\0';
    return strdup(buf);
}

int main(int argc, char **argv)
{
    FILE *f = argc >= 2 ? fopen(argv[1], "rb") : NULL;
    int rounds = argc >= 3 ? atoi(argv[2]) : 9;
    size_t n = 0;
    if (!f || rounds < 1 || rounds > 99) {
        fputs("usage: classify CASES [ROUNDS]\n", stderr);
        return 2;
    }
    char *head;
    while (n < MAX_CASES && (head = line(f)) != NULL) {
        bench_case *c = &cases[n++];
        if (sscanf(head, "%d %d %zu %zu", &c->status, &c->attempt, &c->nheaders, &c->body_len) != 4 ||
            c->nheaders > MAX_HEADERS)
            return 2;
        free(head);
        for (size_t i = 0; i < c->nheaders; i++) {
            char *h = line(f), *tab = h ? strchr(h, '\t') : NULL;
            if (!tab)
                return 2;
            *tab = '\0';
            c->headers[i].name = h;
            c->headers[i].value = tab + 1;
        }
        c->body = malloc(c->body_len + 1);
        if (fread(c->body, 1, c->body_len + 1, f) != c->body_len + 1)
            return 2;
    }
    fclose(f);
    size_t reps = (MIN_CALLS + n - 1) / n;
    double times[99];
    int64_t sink = 0;
    for (int r = 0; r < rounds; r++) {
        double t0 = now_ns();
        for (size_t k = 0; k < reps; k++)
            for (size_t i = 0; i < n; i++) {
                swap_classification out;
                bench_case *c = &cases[i];
                swap_classify(c->status, c->headers, c->nheaders, c->body_len ? c->body : NULL,
                              c->body_len, c->attempt, 1765000000, &out);
                sink += out.decision.delay_ms + (int64_t)out.match;
            }
        times[r] = (now_ns() - t0) / (double)(reps * n);
    }
    qsort(times, (size_t)rounds, sizeof times[0], cmp);
    printf("classify errcat %.2f %zu\n", times[rounds / 2], n);
    return sink == -1; /* keeps the calls */
}
