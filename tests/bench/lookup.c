/* lookup.c: ns per lookup of errcat's generated C against a gperf table and
** com_err's error_message(), on the same codes in the same random order.
**
**   lookup DIR [ROUNDS]
**
** DIR is a size folder of gen_catalog.py (keys_*.txt). Built by bench.py with
** bench_errors.c (errcat -t c), and when available the gperf tables
** (-DHAVE_GPERF: names.c, codes.c) and the com_err tables (-DHAVE_COMERR:
** the et/ folder's C files, et_tables.c, -lcom_err).
**
** Every lookup is first checked to find the right entry; then each round
** times every benchmark once, side by side, over all keys (repeated to at
** least MIN_LOOKUPS); the median of the rounds is printed, one line each:
**   op tool ns_per_lookup keys
** Lookups are independent of each other (the loop does not wait for one to
** finish before starting the next), as in a server classifying responses.
** The numeric keys are also timed as random draws (see draw_numeric).
**
** Built with -DL10N against the C of the same catalog with translations
** (bench.py's bench_l10n.yaml), it also times a code's message in the
** source locale and in a locale that changes from one key to the next. */
#define _POSIX_C_SOURCE 200809L
#include "bench_errors.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef HAVE_GPERF
struct bench_kw {
    const char *name;
    int domain;
    long long code;
    const char *message;
};
const struct bench_kw *bench_name_lookup(const char *str, size_t len);
const struct bench_kw *bench_code_lookup(const char *str, size_t len);
#endif

#ifdef HAVE_COMERR
#include <et/com_err.h>
struct error_table_b {
    char const *const *msgs;
    long base;
    int n_msgs;
};
extern const struct error_table_b *const bench_et_tables[];
extern const unsigned bench_et_ntables;
void bench_et_init(void);
#endif

#define MIN_LOOKUPS 4000000u

typedef struct numkey {
    bench_domain domain;
    int64_t code;
    long et_code;
    const char *text; /* the code in decimal */
    size_t len;
} numkey;

typedef struct strkey {
    bench_domain domain;
    const char *s;
    size_t len;
} strkey;

static numkey *nums, *dense_nums, *hashed_nums, *drawn_nums;
static strkey *strs, *names;
static size_t nnums, ndense, nhashed, ndrawn, nstrs, nnames;
static volatile uintptr_t sink;

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (!p)
        exit(2);
    return memcpy(p, s, n);
}

static FILE *open_in(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(2);
    }
    return f;
}

static void *grow(void *p, size_t n, size_t size)
{
    if ((n & (n - 1)) == 0) { /* n is 0 or a power of two: double */
        p = realloc(p, (n ? 2 * n : 1) * size);
        if (!p)
            exit(2);
    }
    return p;
}

static void read_keys(const char *dir)
{
    char line[4096], s[4096];
    int d;
    long long code;
    unsigned t, off;
    FILE *f = open_in(dir, "keys_num.txt");
    while (fgets(line, sizeof line, f) && sscanf(line, "%d %lld %u %u", &d, &code, &t, &off) == 4) {
        nums = grow(nums, nnums, sizeof *nums);
        numkey *k = &nums[nnums++];
        k->domain = (bench_domain)d;
        k->code = code;
#ifdef HAVE_COMERR
        k->et_code = t < bench_et_ntables ? bench_et_tables[t]->base + (long)off : 0;
#else
        k->et_code = 0;
#endif
        snprintf(s, sizeof s, "%lld", code);
        k->text = xstrdup(s);
        k->len = strlen(s);
    }
    fclose(f);
    const char *files[2] = {"keys_str.txt", "keys_name.txt"};
    strkey **lists[2] = {&strs, &names};
    size_t *counts[2] = {&nstrs, &nnames};
    for (int i = 0; i < 2; i++) {
        f = open_in(dir, files[i]);
        while (fgets(line, sizeof line, f) && sscanf(line, "%d %4095s", &d, s) == 2) {
            *lists[i] = grow(*lists[i], *counts[i], sizeof **lists[i]);
            strkey *k = &(*lists[i])[(*counts[i])++];
            k->domain = (bench_domain)d;
            k->s = xstrdup(s);
            k->len = strlen(s);
        }
        fclose(f);
    }
}

/* ---- the benchmarks: one pass over the keys each ---------------------- */

/* Each tool reads its numeric keys from an array of its own input and of
** nothing else: a key record with every tool's fields (40 bytes) would
** stream 2 MB through the cache at 100,000 codes, more than L2 holds, and
** charge every tool for fields it never reads. */
typedef struct codekey { /* errcat: (domain, code) */
    int64_t code;
    bench_domain domain;
} codekey;

typedef struct numset {
    codekey *errcat;
    long *comerr;       /* com_err: one long */
    const char **gperf; /* gperf: the code as a C string (strlen'd, as
                        ** errcat's string lookups do) */
    size_t n;
} numset;

static numset numset_of(const numkey *k, size_t n)
{
    numset set = {malloc((n + 1) * sizeof(codekey)), malloc((n + 1) * sizeof(long)),
                  malloc((n + 1) * sizeof(const char *)), n};
    if (!set.errcat || !set.comerr || !set.gperf)
        exit(2);
    for (size_t i = 0; i < n; i++) {
        set.errcat[i] = (codekey){k[i].code, k[i].domain};
        set.comerr[i] = k[i].et_code;
        set.gperf[i] = k[i].text;
    }
    return set;
}

static uintptr_t errcat_code(const void *keys, size_t n)
{
    const codekey *k = keys;
    uintptr_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += (uintptr_t)bench_lookup(k[i].domain, k[i].code);
    return acc;
}

static uintptr_t errcat_str(const void *keys, size_t n)
{
    const strkey *k = keys;
    uintptr_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += (uintptr_t)bench_lookup_str(k[i].domain, k[i].s);
    return acc;
}

static uintptr_t errcat_name(const void *keys, size_t n)
{
    const strkey *k = keys;
    uintptr_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += (uintptr_t)bench_lookup_name(k[i].domain, k[i].s);
    return acc;
}

#ifdef L10N
/* The message of each numeric key's entry: in the source locale, or in
** locale i % BENCH_NLOCALES for the i-th key, every locale in turn (the
** pseudo-translations of bench.py, which translate every text). */
static uintptr_t errcat_message(const void *keys, size_t n)
{
    const codekey *k = keys;
    uintptr_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += (uintptr_t)bench_entry_message(bench_lookup(k[i].domain, k[i].code));
    return acc;
}

static uintptr_t errcat_message_in(const void *keys, size_t n)
{
    const codekey *k = keys;
    uintptr_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += (uintptr_t)bench_message(bench_lookup(k[i].domain, k[i].code),
                                        (int)(i % BENCH_NLOCALES));
    return acc;
}
#endif

#ifdef HAVE_GPERF
static uintptr_t gperf_code_num(const void *keys, size_t n)
{
    const char *const *k = keys;
    uintptr_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += (uintptr_t)bench_code_lookup(k[i], strlen(k[i]));
    return acc;
}

static uintptr_t gperf_code_str(const void *keys, size_t n)
{
    const strkey *k = keys;
    uintptr_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += (uintptr_t)bench_code_lookup(k[i].s, strlen(k[i].s));
    return acc;
}

static uintptr_t gperf_name(const void *keys, size_t n)
{
    const strkey *k = keys;
    uintptr_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += (uintptr_t)bench_name_lookup(k[i].s, strlen(k[i].s));
    return acc;
}
#endif

#ifdef HAVE_COMERR
static uintptr_t comerr_code(const void *keys, size_t n)
{
    const long *k = keys;
    uintptr_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc += (uintptr_t)error_message(k[i]);
    return acc;
}
#endif

/* ---- checks ------------------------------------------------------------ */

static int failures;

static void fail(const char *what, const char *key)
{
    if (failures++ < 10)
        fprintf(stderr, "lookup: %s gives a wrong answer for '%s'\n", what, key);
}

static void check(void)
{
    for (size_t i = 0; i < nnums; i++) {
        const numkey *k = &nums[i];
        const bench_entry *e = bench_lookup(k->domain, k->code);
        if (!e || bench_entry_code(e) != k->code || (int)bench_entry_domain(e) != (int)k->domain)
            fail("bench_lookup", k->text);
#ifdef L10N
        /* Locale 0 is the source; each other one has its "[<tag>] " text. */
        for (int l = 0; e && l < BENCH_NLOCALES; l++) {
            const char *m = bench_message(e, l), *src = bench_entry_message(e);
            char want[64];
            int w = snprintf(want, sizeof want, "[%s] ", bench_locales[l]);
            if (l ? strncmp(m, want, (size_t)w) != 0 || strcmp(m + w, src) != 0 : m != src)
                fail("bench_message", k->text);
        }
#endif
#ifdef HAVE_GPERF
        const struct bench_kw *g = bench_code_lookup(k->text, k->len);
        if (!g || g->code != k->code || g->domain != (int)k->domain)
            fail("gperf (code)", k->text);
#endif
#ifdef HAVE_COMERR
        if (!e || strcmp(error_message(k->et_code), bench_entry_message(e)) != 0)
            fail("error_message", k->text);
#endif
    }
    for (size_t i = 0; i < nstrs; i++) {
        const strkey *k = &strs[i];
        const bench_entry *e = bench_lookup_str(k->domain, k->s);
        if (!e || strcmp(bench_entry_code_str(e), k->s) != 0)
            fail("bench_lookup_str", k->s);
#ifdef HAVE_GPERF
        const struct bench_kw *g = bench_code_lookup(k->s, k->len);
        if (!g || g->domain != (int)k->domain)
            fail("gperf (code)", k->s);
#endif
    }
    for (size_t i = 0; i < nnames; i++) {
        const strkey *k = &names[i];
        const bench_entry *e = bench_lookup_name(k->domain, k->s);
        if (!e || strcmp(bench_entry_name(e), k->s) != 0)
            fail("bench_lookup_name", k->s);
#ifdef HAVE_GPERF
        const struct bench_kw *g = bench_name_lookup(k->s, k->len);
        if (!g || strcmp(g->name, k->s) != 0)
            fail("gperf (name)", k->s);
#endif
    }
}

/* ---- timing ------------------------------------------------------------ */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct bench {
    const char *op, *tool;
    uintptr_t (*fn)(const void *, size_t);
    const void *keys;
    size_t n;
    double *ns; /* per round */
} bench;

static void run(bench *b, int round)
{
    if (!b->n)
        return;
    size_t reps = (MIN_LOOKUPS + b->n - 1) / b->n;
    double t0 = now();
    for (size_t r = 0; r < reps; r++)
        sink += b->fn(b->keys, b->n);
    b->ns[round] = (now() - t0) * 1e9 / ((double)reps * (double)b->n);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Splits the numeric keys by the kind of table their domain has: a direct
** index (dense) or a perfect hash. The domain kinds come from domains.txt. */
static void split_numeric(const char *dir)
{
    char line[512], id[128], kind[64];
    int idx;
    unsigned long cnt;
    int dense[64] = {0};
    FILE *f = open_in(dir, "domains.txt");
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "%d %127s %63s %lu", &idx, id, kind, &cnt) == 4 && idx >= 0 && idx < 64)
            dense[idx] = strncmp(kind, "dense", 5) == 0;
    fclose(f);
    dense_nums = malloc((nnums + 1) * sizeof *dense_nums);
    hashed_nums = malloc((nnums + 1) * sizeof *hashed_nums);
    for (size_t i = 0; i < nnums; i++) {
        if (dense[nums[i].domain])
            dense_nums[ndense++] = nums[i];
        else
            hashed_nums[nhashed++] = nums[i];
    }
}

/* The numeric keys drawn at random, with replacement, DRAWS times: a pass
** over them repeats no order a branch predictor could learn, whereas the
** keys of a 10,000-code catalog, one pass after another in the same order,
** repeat every 5,440 lookups. */
#define DRAWS 1000000u

static void draw_numeric(void)
{
    uint64_t x = 0x9E3779B97F4A7C15u; /* xorshift64: the same draws on every run */
    drawn_nums = malloc(DRAWS * sizeof *drawn_nums);
    if (!drawn_nums || !nnums)
        return;
    for (ndrawn = 0; ndrawn < DRAWS; ndrawn++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        drawn_nums[ndrawn] = nums[x % nnums];
    }
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: lookup DIR [ROUNDS]\n", stderr);
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 7;
    if (rounds < 1 || rounds > 100)
        rounds = 7;
#ifdef HAVE_COMERR
    bench_et_init();
#endif
    read_keys(argv[1]);
    split_numeric(argv[1]);
    draw_numeric();
    check();
    if (failures) {
        fprintf(stderr, "lookup: %d wrong answers\n", failures);
        return 1;
    }
    numset all = numset_of(nums, nnums), dense = numset_of(dense_nums, ndense),
           hashed = numset_of(hashed_nums, nhashed), drawn = numset_of(drawn_nums, ndrawn);
    bench b[] = {
        {"code", "errcat", errcat_code, all.errcat, all.n, NULL},
        {"code(dense)", "errcat", errcat_code, dense.errcat, dense.n, NULL},
        {"code(hashed)", "errcat", errcat_code, hashed.errcat, hashed.n, NULL},
        {"code(drawn)", "errcat", errcat_code, drawn.errcat, drawn.n, NULL},
#ifdef HAVE_COMERR
        {"code", "com_err", comerr_code, all.comerr, all.n, NULL},
        {"code(drawn)", "com_err", comerr_code, drawn.comerr, drawn.n, NULL},
#endif
#ifdef HAVE_GPERF
        {"code", "gperf", gperf_code_num, all.gperf, all.n, NULL},
        {"code(drawn)", "gperf", gperf_code_num, drawn.gperf, drawn.n, NULL},
#endif
#ifdef L10N
        {"message", "errcat", errcat_message, all.errcat, all.n, NULL},
        {"message(locale)", "errcat", errcat_message_in, all.errcat, all.n, NULL},
#endif
        {"code_str", "errcat", errcat_str, strs, nstrs, NULL},
#ifdef HAVE_GPERF
        {"code_str", "gperf", gperf_code_str, strs, nstrs, NULL},
#endif
        {"name", "errcat", errcat_name, names, nnames, NULL},
#ifdef HAVE_GPERF
        {"name", "gperf", gperf_name, names, nnames, NULL},
#endif
    };
    size_t nb = sizeof b / sizeof b[0];
    for (size_t i = 0; i < nb; i++)
        b[i].ns = calloc((size_t)rounds, sizeof(double));
    /* One warm-up pass, then the rounds, each benchmark once per round. */
    for (size_t i = 0; i < nb; i++)
        run(&b[i], 0);
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < nb; i++)
            run(&b[i], r);
    for (size_t i = 0; i < nb; i++) {
        if (!b[i].n)
            continue;
        qsort(b[i].ns, (size_t)rounds, sizeof(double), cmp_double);
        printf("%s %s %.3f %zu\n", b[i].op, b[i].tool, b[i].ns[rounds / 2], b[i].n);
    }
    return 0;
}
