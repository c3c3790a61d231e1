/* diag.h: the diagnostics sink. The core reports problems here with a source
** location; the front end prints them. Nothing here ever exits. */
#ifndef EC_DIAG_H
#define EC_DIAG_H

#include "buf.h"

#include <stdint.h>
#include <stdio.h>

/* A position in a source file. 'file' is owned by whoever created the
** location (the sink keeps its own copy); line and col are 1-based, 0
** meaning unknown. */
typedef struct ec_loc {
    const char *file;
    uint32_t line, col;
} ec_loc;

typedef enum ec_severity { EC_NOTE, EC_WARNING, EC_ERROR } ec_severity;

typedef struct ec_diag_item {
    ec_severity sev;
    ec_loc at;
    char *msg;
    uint32_t seq;   /* order of report, for a stable sort */
    uint32_t group; /* notes share the group of the error they explain */
} ec_diag_item;

typedef struct ec_diag {
    ec_diag_item *items;
    size_t count, cap;
    char **files; /* copies of the file names of items: they outlive their source */
    size_t nfiles;
    unsigned errors, warnings;
    uint32_t group;
    int werror; /* treat warnings as errors */
} ec_diag;

void ec_diag_init(ec_diag *d);
void ec_diag_free(ec_diag *d);

#if defined(__GNUC__)
#define EC_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define EC_PRINTF(a, b)
#endif

void ec_error(ec_diag *d, ec_loc at, const char *fmt, ...) EC_PRINTF(3, 4);
void ec_warning(ec_diag *d, ec_loc at, const char *fmt, ...) EC_PRINTF(3, 4);
/* A note explains the error or warning reported just before it. */
void ec_note(ec_diag *d, ec_loc at, const char *fmt, ...) EC_PRINTF(3, 4);

/* Appends the items of 'from' to 'd', as if reported there after d's own,
** and frees 'from'. A diag serves one thread at a time: threads report
** into diags of their own, merged in an order that does not depend on
** their timing. */
void ec_diag_merge(ec_diag *d, ec_diag *from);

/* True when an error (or, with werror, a warning) was reported. */
int ec_diag_failed(const ec_diag *d);

/* Formats every item as 'file:line:col: severity: message', errors and
** warnings ordered by position (file in order of first report), each
** followed by its notes. */
void ec_diag_format(const ec_diag *d, ec_buf *out);
void ec_diag_print(const ec_diag *d, FILE *f);

/* "Did you mean": of the candidates offered, the nearest to a misspelt
** word, or NULL when even that one is not plausibly a typo of it. The one
** rule: one edit is always a typo, two only in a word of five letters or
** more, more only when the edits are at most a third of the word's length.
** Ties go to the candidate offered first. */
typedef struct ec_suggester {
    const char *word, *best;
    size_t dist;
} ec_suggester;
void ec_suggest_begin(ec_suggester *s, const char *word);
void ec_suggest_consider(ec_suggester *s, const char *candidate);
const char *ec_suggest_result(const ec_suggester *s);

/* The same over a NULL-terminated list of candidates. */
const char *ec_suggest(const char *word, const char *const *set);

/* Optimal string alignment distance (see diag.c); SIZE_MAX for words
** longer than 64 bytes. */
size_t ec_edit_distance(const char *a, const char *b);

#endif
