/* lookup_proposal.c: the lookup tables proposed in RESULTS.md for gen/phash.c,
** gen/tables.c and templates/c, built at run time over the entries of a
** generated bench_errors.c, and timed against its bench_lookup and
** bench_lookup_name on the same keys (keys_num.txt, keys_name.txt). Not part
** of `make bench`; an experiment to size the proposal:
**
**   d=build/bench/n100000; c=$d/out-c/bench/c
**   gcc -O2 -I$c -o /tmp/lp tests/bench/lookup_proposal.c $c/bench_errors.c && /tmp/lp $d
**
** The proposal, against the generated code:
**   - one pass over the key: a 64-bit hash, 8 bytes a step, the last word
**     loaded overlapping (s + n - 8) instead of a byte loop (FNV-1a) run
**     twice (once for the bucket, once more with the bucket's seed);
**   - bucket and slot from that one hash (high half: bucket; the hash mixed
**     with the seed: slot), reduced by multiply-shift, not by '%';
**   - numeric codes: the code stored per slot (int64_t keys[]), so a hit is
**     checked without reading the entry;
**   - names: stored once more, in slot order, in one string pool with an
**     offset per slot, so the check reads a compact pool rather than the
**     entry and then its name wherever the compiler put it. */
#define _POSIX_C_SOURCE 200809L
#include "bench_errors.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static inline uint64_t mix64(uint64_t x)
{
    x ^= x >> 32;
    x *= 0xd6e8feb86659fd93ULL;
    x ^= x >> 32;
    return x;
}

/* Every byte, 8 at a time; the last word overlaps (loaded at s + n - 8). */
static inline uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;
    if (n < 8) {
        w = 0;
        for (size_t i = 0; i < n; i++)
            w |= (uint64_t)(unsigned char)s[i] << (8 * i);
        return mix64((h ^ w) * 0xbf58476d1ce4e5b9ULL);
    }
    const char *end = s + n - 8;
    for (; s < end; s += 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 29;
    }
    memcpy(&w, end, 8);
    return mix64((h ^ w) * 0x94d049bb133111ebULL);
}

static inline uint64_t hash_int(int64_t v)
{
    return mix64((uint64_t)v * 0x9e3779b97f4a7c15ULL);
}

static inline uint32_t reduce(uint32_t x, uint32_t n)
{
    return (uint32_t)(((uint64_t)x * n) >> 32);
}

typedef struct table {
    uint32_t nb, ns;
    uint16_t *seeds;  /* per bucket */
    int32_t *slots;   /* entry number per slot, -1: empty */
    int64_t *keys;    /* numeric codes: the code of each slot */
    uint32_t *off;    /* names: offset of each slot's name in pool */
    char *pool;
} table;

static inline uint32_t slot_of(uint64_t h, uint32_t seed, uint32_t ns)
{
    return reduce((uint32_t)mix64(h ^ (seed * 0x9e3779b97f4a7c15ULL)), ns);
}

static inline uint32_t probe(const table *t, uint64_t h)
{
    return slot_of(h, t->seeds[reduce((uint32_t)(h >> 32), t->nb)], t->ns);
}

static int by_size(const void *a, const void *b)
{
    const uint32_t *x = a, *y = b;
    return (x[1] < y[1]) - (x[1] > y[1]);
}

/* Hash and displace over the hashes h[0..n): slots[] holds key numbers. */
static void build(table *t, const uint64_t *h, size_t n)
{
    t->nb = (uint32_t)(n / 4 + 1);
    t->ns = (uint32_t)(n + n / 8 + 1);
    t->seeds = calloc(t->nb, sizeof *t->seeds);
    t->slots = malloc(t->ns * sizeof *t->slots);
    for (uint32_t i = 0; i < t->ns; i++)
        t->slots[i] = -1;
    uint32_t *bk = calloc(t->nb, 2 * sizeof(uint32_t)); /* id, size */
    uint32_t *first = calloc(t->nb + 1, sizeof(uint32_t)), *fill = calloc(t->nb, sizeof(uint32_t));
    uint32_t *order = malloc((n + 1) * sizeof *order);
    uint8_t *mark = calloc(t->ns, 1);
    for (uint32_t b = 0; b < t->nb; b++)
        bk[2 * b] = b;
    for (size_t i = 0; i < n; i++)
        bk[2 * reduce((uint32_t)(h[i] >> 32), t->nb) + 1]++;
    for (uint32_t b = 0; b < t->nb; b++)
        first[b + 1] = first[b] + bk[2 * b + 1];
    for (size_t i = 0; i < n; i++) {
        uint32_t b = reduce((uint32_t)(h[i] >> 32), t->nb);
        order[first[b] + fill[b]++] = (uint32_t)i;
    }
    qsort(bk, t->nb, 2 * sizeof(uint32_t), by_size);
    uint32_t tried[64];
    for (uint32_t k = 0; k < t->nb && bk[2 * k + 1]; k++) {
        uint32_t b = bk[2 * k], cnt = bk[2 * k + 1], seed;
        for (seed = 1; seed < 65535; seed++) {
            uint32_t j;
            for (j = 0; j < cnt && j < 64; j++) {
                uint32_t s = slot_of(h[order[first[b] + j]], seed, t->ns);
                if (t->slots[s] >= 0 || mark[s])
                    break;
                mark[s] = 1;
                tried[j] = s;
            }
            for (uint32_t q = 0; q < j; q++)
                mark[tried[q]] = 0;
            if (j == cnt) {
                t->seeds[b] = (uint16_t)seed;
                for (j = 0; j < cnt; j++)
                    t->slots[tried[j]] = (int32_t)order[first[b] + j];
                break;
            }
        }
        if (seed == 65535) {
            fputs("lookup_proposal: no seed found\n", stderr);
            exit(1);
        }
    }
    free(mark), free(bk), free(first), free(fill), free(order);
}

typedef struct nk {
    int d;
    int64_t code;
} nk;

typedef struct sk {
    int d;
    const char *s;
} sk;

enum { MAXD = 64 };

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: lookup_proposal DIR\n", stderr);
        return 2;
    }
    char path[4096], line[4096], s[4096];
    int d;
    long long code;
    unsigned a, b;
    size_t nn = 0, ns = 0, cap = 1;
    for (size_t i = 0; i < bench_entry_count; i++)
        cap++;
    nk *nums = malloc(cap * sizeof *nums);
    sk *names = malloc(cap * sizeof *names);
    snprintf(path, sizeof path, "%s/keys_num.txt", argv[1]);
    FILE *f = fopen(path, "r");
    while (f && nn < cap && fgets(line, sizeof line, f) &&
           sscanf(line, "%d %lld %u %u", &d, &code, &a, &b) == 4)
        nums[nn++] = (nk){d, code};
    if (f)
        fclose(f);
    snprintf(path, sizeof path, "%s/keys_name.txt", argv[1]);
    f = fopen(path, "r");
    while (f && ns < cap && fgets(line, sizeof line, f) && sscanf(line, "%d %4095s", &d, s) == 2)
        names[ns++] = (sk){d, strdup(s)};
    if (f)
        fclose(f);

    /* Per domain: the tables over the domain's codes, slots holding entry numbers. */
    static table name_t[MAXD], code_t[MAXD];
    static bool hashed[MAXD];
    for (int dd = 0; dd < MAXD; dd++) {
        size_t cnt = 0;
        for (size_t i = 0; i < bench_entry_count; i++)
            cnt += bench_entries[i].kind == BENCH_KIND_CODE && (int)bench_entries[i].domain == dd;
        if (!cnt)
            continue;
        int32_t *num = malloc(cnt * sizeof *num);
        uint64_t *h = malloc(cnt * sizeof *h);
        int64_t lo = INT64_MAX, hi = INT64_MIN;
        size_t k = 0;
        for (size_t i = 0; i < bench_entry_count; i++)
            if (bench_entries[i].kind == BENCH_KIND_CODE && (int)bench_entries[i].domain == dd) {
                num[k++] = (int32_t)i;
                lo = bench_entries[i].code < lo ? bench_entries[i].code : lo;
                hi = bench_entries[i].code > hi ? bench_entries[i].code : hi;
            }
        /* the generated code's rule: dense when a direct index wastes at most half */
        hashed[dd] = (uint64_t)hi - (uint64_t)lo + 1 > 2 * (uint64_t)cnt;
        table *t = &name_t[dd];
        for (size_t i = 0; i < cnt; i++)
            h[i] = hash_bytes(bench_entries[num[i]].name, strlen(bench_entries[num[i]].name));
        build(t, h, cnt);
        size_t total = 1, o = 1;
        for (size_t i = 0; i < cnt; i++)
            total += strlen(bench_entries[num[i]].name) + 1;
        t->pool = malloc(total);
        t->pool[0] = '\0';
        t->off = calloc(t->ns, sizeof *t->off);
        for (uint32_t q = 0; q < t->ns; q++) {
            if (t->slots[q] < 0)
                continue;
            const char *nm = bench_entries[num[t->slots[q]]].name;
            size_t l = strlen(nm) + 1;
            memcpy(t->pool + o, nm, l);
            t->off[q] = (uint32_t)o;
            o += l;
            t->slots[q] = num[t->slots[q]];
        }
        t = &code_t[dd];
        for (size_t i = 0; i < cnt; i++)
            h[i] = hash_int(bench_entries[num[i]].code);
        build(t, h, cnt);
        t->keys = malloc(t->ns * sizeof *t->keys);
        for (uint32_t q = 0; q < t->ns; q++) {
            t->keys[q] = t->slots[q] >= 0 ? bench_entries[num[t->slots[q]]].code : INT64_MIN;
            if (t->slots[q] >= 0)
                t->slots[q] = num[t->slots[q]];
        }
        free(h);
        free(num);
    }
    /* The numeric keys of hashed domains only, in key order. */
    size_t nh = 0;
    for (size_t i = 0; i < nn; i++)
        if (nums[i].d >= 0 && nums[i].d < MAXD && hashed[nums[i].d])
            nums[nh++] = nums[i];
    for (size_t i = 0; i < ns; i++) {
        const table *t = &name_t[names[i].d];
        uint32_t sl = probe(t, hash_bytes(names[i].s, strlen(names[i].s)));
        if (strcmp(t->pool + t->off[sl], names[i].s) != 0) {
            fprintf(stderr, "lookup_proposal: wrong slot for %s\n", names[i].s);
            return 1;
        }
    }
    volatile uintptr_t sink = 0;
    size_t reps = 4000000 / (ns ? ns : 1) + 1, hreps = 4000000 / (nh ? nh : 1) + 1;
    double best[4] = {1e9, 1e9, 1e9, 1e9};
    for (int round = 0; round < 7; round++) {
        uintptr_t acc = 0;
        double t0 = now();
        for (size_t r = 0; r < reps; r++)
            for (size_t i = 0; i < ns; i++)
                acc += (uintptr_t)bench_lookup_name((bench_domain)names[i].d, names[i].s);
        double t1 = now();
        for (size_t r = 0; r < reps; r++)
            for (size_t i = 0; i < ns; i++) {
                const char *q = names[i].s;
                size_t len = strlen(q);
                const table *t = &name_t[names[i].d];
                uint32_t sl = probe(t, hash_bytes(q, len));
                acc += (uintptr_t)(memcmp(t->pool + t->off[sl], q, len + 1) == 0
                                       ? &bench_entries[t->slots[sl]] : NULL);
            }
        double t2 = now();
        for (size_t r = 0; r < hreps; r++)
            for (size_t i = 0; i < nh; i++)
                acc += (uintptr_t)bench_lookup((bench_domain)nums[i].d, nums[i].code);
        double t3 = now();
        for (size_t r = 0; r < hreps; r++)
            for (size_t i = 0; i < nh; i++) {
                const table *t = &code_t[nums[i].d];
                uint32_t sl = probe(t, hash_int(nums[i].code));
                acc += (uintptr_t)(t->keys[sl] == nums[i].code ? &bench_entries[t->slots[sl]] : NULL);
            }
        double t4 = now();
        sink += acc;
        double v[4] = {(t1 - t0) / ((double)reps * ns), (t2 - t1) / ((double)reps * ns),
                       (t3 - t2) / ((double)hreps * nh), (t4 - t3) / ((double)hreps * nh)};
        for (int i = 0; i < 4; i++)
            best[i] = v[i] < best[i] ? v[i] : best[i];
    }
    printf("by name:                   generated %6.2f ns, proposed %6.2f ns (%zu keys)\n",
           best[0] * 1e9, best[1] * 1e9, ns);
    printf("by code (hashed domains):  generated %6.2f ns, proposed %6.2f ns (%zu keys)\n",
           best[2] * 1e9, best[3] * 1e9, nh);
    return 0;
}
