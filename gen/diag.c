/* diag.c: collects diagnostics; the one place that formats them. */
#include "diag.h"

#include "alloc.h"
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void ec_diag_init(ec_diag *d)
{
    memset(d, 0, sizeof *d);
}

void ec_diag_free(ec_diag *d)
{
    for (size_t i = 0; i < d->count; i++)
        free(d->items[i].msg);
    for (size_t i = 0; i < d->nfiles; i++)
        free(d->files[i]);
    free(d->files);
    free(d->items);
    memset(d, 0, sizeof *d);
}

/* The sink's own copy of a file name, so that diagnostics outlive the
** arena of the catalog or template they point into. */
static const char *intern(ec_diag *d, const char *file)
{
    if (!file)
        return NULL;
    for (size_t i = 0; i < d->nfiles; i++)
        if (strcmp(d->files[i], file) == 0)
            return d->files[i];
    size_t n = strlen(file) + 1;
    d->files = ec_xrealloc(d->files, (d->nfiles + 1) * sizeof *d->files);
    d->files[d->nfiles] = memcpy(ec_xmalloc(n), file, n);
    return d->files[d->nfiles++];
}

static void add(ec_diag *d, ec_severity sev, ec_loc at, const char *fmt, va_list ap)
{
    at.file = intern(d, at.file);
    ec_buf b;
    ec_buf_init(&b);
    ec_buf_vprintf(&b, fmt, ap);
    if (d->count == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->items = ec_xrealloc(d->items, d->cap * sizeof *d->items);
    }
    if (sev != EC_NOTE)
        d->group++;
    ec_diag_item *it = &d->items[d->count];
    it->sev = sev;
    it->at = at;
    it->msg = ec_buf_detach(&b, NULL);
    it->seq = (uint32_t)d->count;
    it->group = d->group;
    d->count++;
    if (sev == EC_ERROR)
        d->errors++;
    else if (sev == EC_WARNING)
        d->warnings++;
}

#define DEFINE_REPORT(fn, sev)                                                 \
    void fn(ec_diag *d, ec_loc at, const char *fmt, ...)                       \
    {                                                                          \
        va_list ap;                                                            \
        va_start(ap, fmt);                                                     \
        add(d, sev, at, fmt, ap);                                              \
        va_end(ap);                                                            \
    }
DEFINE_REPORT(ec_error, EC_ERROR)
DEFINE_REPORT(ec_warning, EC_WARNING)
DEFINE_REPORT(ec_note, EC_NOTE)

void ec_diag_merge(ec_diag *d, ec_diag *from)
{
    for (size_t i = 0; i < from->count; i++) {
        ec_diag_item it = from->items[i];
        if (d->count == d->cap) {
            d->cap = d->cap ? d->cap * 2 : 16;
            d->items = ec_xrealloc(d->items, d->cap * sizeof *d->items);
        }
        if (it.sev != EC_NOTE)
            d->group++;
        it.at.file = intern(d, it.at.file);
        it.seq = (uint32_t)d->count;
        it.group = d->group;
        d->items[d->count++] = it; /* the message moves */
    }
    d->errors += from->errors;
    d->warnings += from->warnings;
    from->count = 0;
    ec_diag_free(from);
}

int ec_diag_failed(const ec_diag *d)
{
    return d->errors > 0 || (d->werror && d->warnings > 0);
}

/* Sorting: a group is an error or warning and the notes behind it. Groups
** are ordered by the position of their head (files in order of first
** appearance, then line and column, then report order); notes keep their
** report order behind the head. */
typedef struct sort_key {
    size_t file_rank;
    uint32_t line, col, group, seq;
    const ec_diag_item *item;
} sort_key;

static int cmp_keys(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    if (a->file_rank != b->file_rank)
        return a->file_rank < b->file_rank ? -1 : 1;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static size_t rank_of(const char **files, size_t *nfiles, const char *f)
{
    if (!f)
        return 0;
    for (size_t i = 0; i < *nfiles; i++)
        if (strcmp(files[i], f) == 0)
            return i + 1;
    files[(*nfiles)++] = f;
    return *nfiles;
}

static const char *sev_name[] = {"note", "warning", "error"};

void ec_diag_format(const ec_diag *d, ec_buf *out)
{
    if (!d->count)
        return;
    const char **files = ec_xmalloc(d->count * sizeof *files);
    size_t nfiles = 0;
    sort_key *keys = ec_xmalloc(d->count * sizeof *keys);
    const ec_diag_item *head = &d->items[0];
    for (size_t i = 0; i < d->count; i++) {
        const ec_diag_item *it = &d->items[i];
        if (it->sev != EC_NOTE)
            head = it;
        rank_of(files, &nfiles, it->at.file);
        keys[i] = (sort_key){rank_of(files, &nfiles, head->at.file), head->at.line,
                             head->at.col, it->group, it->seq, it};
    }
    qsort(keys, d->count, sizeof *keys, cmp_keys);
    for (size_t i = 0; i < d->count; i++) {
        const ec_diag_item *it = keys[i].item;
        if (it->at.file) {
            ec_buf_puts(out, it->at.file);
            if (it->at.line)
                ec_buf_printf(out, ":%u:%u", (unsigned)it->at.line, (unsigned)it->at.col);
            ec_buf_puts(out, ": ");
        } else {
            ec_buf_puts(out, "errcat: ");
        }
        ec_buf_printf(out, "%s: %s\n", sev_name[it->sev], it->msg);
    }
    free(keys);
    free(files);
}

void ec_diag_print(const ec_diag *d, FILE *f)
{
    ec_buf b;
    ec_buf_init(&b);
    ec_diag_format(d, &b);
    fwrite(b.data, 1, b.len, f);
    ec_buf_free(&b);
}

/* Optimal string alignment distance: insertions, deletions, substitutions
** and swaps of neighbours ("retyr" is one edit from "retry"). */
size_t ec_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return SIZE_MAX;
    size_t d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        for (size_t j = 1; j <= lb; j++) {
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[la][lb];
}

void ec_suggest_begin(ec_suggester *s, const char *word)
{
    s->word = word;
    s->best = NULL;
    s->dist = SIZE_MAX;
}

void ec_suggest_consider(ec_suggester *s, const char *candidate)
{
    size_t dist = ec_edit_distance(s->word, candidate);
    if (dist < s->dist)
        s->best = candidate, s->dist = dist;
}

const char *ec_suggest_result(const ec_suggester *s)
{
    /* One edit is a typo; two only in a longer word; more is noise. */
    size_t n = strlen(s->word), d = s->dist;
    return d <= 1 || (d == 2 && n >= 5) || d * 3 <= n ? s->best : NULL;
}

const char *ec_suggest(const char *word, const char *const *set)
{
    ec_suggester s;
    ec_suggest_begin(&s, word);
    for (; *set; set++)
        ec_suggest_consider(&s, *set);
    return ec_suggest_result(&s);
}
