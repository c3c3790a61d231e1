/* tables.c: index and perfect-hash tables for the C target. */
#include "tables.h"

#include "alloc.h"
#include "lang.h"
#include "phash.h"

#include <stdlib.h>
#include <string.h>

#define PER_ROW 12
#define BYTES_PER_ROW 64
#define STRING_ROW 100 /* the length past which a row of strings ends */

/* ---- the string pool --------------------------------------------------- */

/* A slot of the hash holds 1 + the string's number in pool order (0: free),
** 4 bytes, so that a slot costs less than the string's own pointer: the
** table is kept at most half full (see tests/bench/RESULTS.md on -t c's
** memory). */
struct ec_strpool {
    uint32_t *slots; /* open addressing on ec_hash_str */
    size_t cap;
    const char **order; /* the strings in pool order */
    uint32_t *offs;     /* and their offsets */
    size_t norder, ocap;
    uint64_t size; /* bytes so far, NULs included */
};

ec_strpool *ec_strpool_new(void)
{
    ec_strpool *p = ec_xmalloc(sizeof *p);
    memset(p, 0, sizeof *p);
    p->cap = 1024;
    p->slots = ec_xmalloc(p->cap * sizeof *p->slots);
    memset(p->slots, 0, p->cap * sizeof *p->slots);
    return p;
}

static size_t pool_slot(const ec_strpool *p, const char *s)
{
    size_t h = (size_t)ec_hash_str(s, strlen(s)) & (p->cap - 1);
    while (p->slots[h] && strcmp(p->order[p->slots[h] - 1], s) != 0)
        h = (h + 1) & (p->cap - 1);
    return h;
}

uint32_t ec_strpool_add(ec_strpool *p, const char *s)
{
    size_t h = pool_slot(p, s);
    if (p->slots[h])
        return p->offs[p->slots[h] - 1];
    if (p->size + strlen(s) + 1 > EC_STR_NONE)
        ec_oom(); /* 4 GiB of distinct strings: far beyond what errcat reads */
    uint32_t off = (uint32_t)p->size;
    if (p->norder == p->ocap) {
        p->ocap = p->ocap ? 2 * p->ocap : 256;
        p->order = ec_xrealloc(p->order, p->ocap * sizeof *p->order);
        p->offs = ec_xrealloc(p->offs, p->ocap * sizeof *p->offs);
    }
    p->order[p->norder] = s;
    p->offs[p->norder] = off;
    p->slots[h] = (uint32_t)++p->norder;
    p->size += strlen(s) + 1;
    if (2 * p->norder >= p->cap) { /* keep it at most half full */
        free(p->slots);
        p->cap *= 2;
        p->slots = ec_xmalloc(p->cap * sizeof *p->slots);
        memset(p->slots, 0, p->cap * sizeof *p->slots);
        for (size_t i = 0; i < p->norder; i++)
            p->slots[pool_slot(p, p->order[i])] = (uint32_t)(i + 1);
    }
    return off;
}

/* The pool's rows of literals, made when the template reads them (as the
** records' rows are, below): built whole, they and their list took about
** 50 bytes a code for as long as the view lives. */
typedef struct string_rows_src {
    ec_lazy lazy;
    const char **order; /* the pool's, copied: the pool goes before rendering */
    uint32_t *start; /* row i holds order[start[i]] up to order[start[i + 1]] */
} string_rows_src;

/* The NUL after a string: one that a digit follows in the same literal is
** written whole. */
static const char *string_end(const char *next, bool last)
{
    return !last && next[0] >= '0' && next[0] <= '7' ? "\\000" : "\\0";
}

static ec_value string_row(const void *ud, uint32_t i, ec_arena *a)
{
    const string_rows_src *src = ud;
    ec_buf row;
    ec_buf_init(&row);
    ec_buf_puts(&row, "\"");
    for (uint32_t j = src->start[i]; j < src->start[i + 1]; j++) {
        ec_lang_c.escape(&row, src->order[j], strlen(src->order[j]));
        bool last = j + 1 == src->start[i + 1];
        ec_buf_puts(&row, string_end(last ? NULL : src->order[j + 1], last));
    }
    ec_buf_puts(&row, "\"");
    ec_value v = ec_vstrn(ec_arena_strndup(a, row.data, row.len), row.len);
    ec_buf_free(&row);
    return v;
}

ec_value ec_strpool_rows(ec_arena *a, const ec_strpool *p)
{
    if (p->norder >= UINT32_MAX)
        ec_oom();
    string_rows_src *src = ec_arena_alloc(a, sizeof *src);
    src->lazy = (ec_lazy){string_row, src};
    src->order = ec_arena_take(a, (p->norder + 1) * sizeof *src->order);
    if (p->norder)
        memcpy(src->order, p->order, p->norder * sizeof *src->order);
    /* Where each row ends: past STRING_ROW bytes of literal. */
    ec_buf esc;
    ec_buf_init(&esc);
    size_t rows = 0, cap = 16, len = 0;
    uint32_t *start = ec_xmalloc(cap * sizeof *start);
    start[0] = 0;
    for (size_t i = 0; i < p->norder; i++) {
        const char *s = p->order[i], *next = i + 1 < p->norder ? p->order[i + 1] : NULL;
        ec_buf_reset(&esc);
        ec_lang_c.escape(&esc, s, strlen(s));
        len += (len ? 0 : 1) + esc.len; /* the row's opening quote */
        bool last = !next || len >= STRING_ROW;
        if (!last) {
            len += strlen(string_end(next, false));
            continue;
        }
        if (rows + 2 > cap)
            start = ec_xrealloc(start, (cap *= 2) * sizeof *start);
        start[++rows] = (uint32_t)(i + 1);
        len = 0;
    }
    ec_buf_free(&esc);
    src->start = ec_arena_take(a, (rows + 1) * sizeof *src->start);
    memcpy(src->start, start, (rows + 1) * sizeof *src->start);
    free(start);
    return (ec_value){.kind = EC_VLAZY, .len = (uint32_t)rows, .u.lazy = &src->lazy};
}

ec_value ec_strpool_strings(ec_arena *a, const ec_strpool *p)
{
    ec_builder l;
    ec_builder_init(&l);
    for (size_t i = 0; i < p->norder; i++)
        ec_builder_push(&l, ec_vstr(p->order[i]));
    return ec_builder_list(&l, a);
}

void ec_strpool_free(ec_strpool *p)
{
    if (!p)
        return;
    free(p->slots);
    free(p->offs);
    free(p->order);
    free(p);
}

/* ---- bytes as string literals ------------------------------------------- */

/* A growing byte array, written little-endian whatever the machine. */
typedef struct bytes {
    unsigned char *data;
    size_t len, cap;
} bytes;

static void put_le(bytes *b, uint64_t v, size_t n)
{
    if (b->len + n > b->cap) {
        b->cap = b->cap ? 2 * b->cap + n : 256 + n;
        b->data = ec_xrealloc(b->data, b->cap);
    }
    for (size_t i = 0; i < n; i++)
        b->data[b->len++] = (unsigned char)(v >> (8 * i));
}

/* Room for 'n' bytes in all, when the size is known: growing by doubling
** would hold up to twice the entries' bytes. */
static void bytes_reserve(bytes *b, size_t n)
{
    if (n > b->cap) {
        b->data = ec_xrealloc(b->data, n);
        b->cap = n;
    }
}

/* 'n' bytes as the contents of a C string literal, each XOR EC_BYTE_KEY
** (see tables.h), as short as it goes: a printable byte as itself, any
** other as the shortest octal escape. A digit right after a short escape
** would extend it, and a '?' could start a trigraph: both are escaped too.
** Writes at most LITERAL_MAX(n) bytes at 'out' and returns how many. */
#define LITERAL_MAX(n) (4 * (n) + 2)
static size_t put_literal(char *out, const unsigned char *p, size_t n)
{
    bool short_escape = false;
    char *o = out;
    *o++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned c = p[i] ^ EC_BYTE_KEY;
        bool plain = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?' &&
                     !(short_escape && c >= '0' && c <= '7');
        if (plain) {
            *o++ = (char)c;
            short_escape = false;
            continue;
        }
        *o++ = '\\';
        if (c >= 0100)
            *o++ = (char)('0' + (c >> 6));
        if (c >= 010)
            *o++ = (char)('0' + (c >> 3 & 7));
        *o++ = (char)('0' + (c & 7));
        short_escape = c < 0100;
    }
    *o++ = '"';
    return (size_t)(o - out);
}

/* Rows of string literals, made when the template reads them: held as
** literals, the entries and slots of a large catalog would take two to
** three times their bytes, for as long as the view lives. */
typedef struct literal_src {
    ec_lazy lazy;
    const unsigned char *data;
    size_t len, per_row;
} literal_src;

static ec_value literal_row(const void *ud, uint32_t i, ec_arena *a)
{
    const literal_src *src = ud;
    size_t at = (size_t)i * src->per_row;
    size_t n = src->len - at < src->per_row ? src->len - at : src->per_row;
    char *row = ec_arena_take(a, LITERAL_MAX(n) + 1);
    size_t len = put_literal(row, src->data + at, n);
    row[len] = '\0';
    return ec_vstrn(row, len);
}

/* The bytes of 'b' as rows of string literals of 'per_row' bytes each,
** which C joins into one; no rows when 'b' is empty. The bytes go to 'a'. */
static ec_value literal_rows(ec_arena *a, bytes *b, size_t per_row)
{
    literal_src *src = ec_arena_alloc(a, sizeof *src);
    src->lazy = (ec_lazy){literal_row, src};
    src->data = b->data;
    src->len = b->len;
    src->per_row = per_row;
    if (b->data)
        ec_arena_adopt(a, b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    size_t rows = (src->len + per_row - 1) / per_row;
    if (rows > UINT32_MAX)
        ec_oom();
    return (ec_value){.kind = EC_VLAZY, .len = (uint32_t)rows, .u.lazy = &src->lazy};
}

static void bytes_free(bytes *b)
{
    free(b->data);
}

/* ---- entries and references -------------------------------------------- */

/* How the C target refers to entry n (see EC_SLOT_EMPTY): its record's byte
** offset n * EC_ENTRY_SIZE, EC_REF_FREE, or the retired code's 2^32 - 2 -
** n * EC_ENTRY_SIZE; live offsets stay below 2^31, so the top bit tells. */
static uint32_t ref_value(int64_t ref)
{
    if (ref == EC_SLOT_EMPTY)
        return EC_REF_FREE;
    if (ref < EC_SLOT_EMPTY)
        return (uint32_t)(EC_REF_FREE - 1 - (uint64_t)(-2 - ref) * EC_ENTRY_SIZE);
    return (uint32_t)ref * EC_ENTRY_SIZE;
}

/* The same as text for an initializer: n * ENTRY or FREE. */
static void put_ref(ec_buf *b, int64_t ref)
{
    if (ref == EC_SLOT_EMPTY)
        ec_buf_puts(b, "FREE");
    else
        ec_buf_printf(b, "%lld * ENTRY", (long long)ref);
}

/* A missing string is 0, like the zero bytes around it: short to write. */
static uint32_t str_ref(ec_strpool *p, const char *s)
{
    return s ? ec_strpool_add(p, s) : 0;
}

ec_value ec_tables_entries(ec_arena *a, ec_strpool *p, const ec_centry *e, size_t n)
{
    if (n > INT32_MAX / EC_ENTRY_SIZE)
        ec_oom(); /* 41 million entries: far beyond what errcat reads */
    bytes b = {0};
    bytes_reserve(&b, n * EC_ENTRY_SIZE);
    for (size_t i = 0; i < n; i++) {
        const char *s[6] = {e[i].message, e[i].description, e[i].hint,
                            e[i].code_str, e[i].name,        e[i].ui_hint};
        for (size_t k = 0; k < 6; k++)
            put_le(&b, str_ref(p, s[k]), 4);
        put_le(&b, (uint64_t)e[i].code, 8);
        put_le(&b, e[i].params, 4);
        put_le(&b, e[i].nparams, 4);
        put_le(&b, e[i].policy, 4);
        put_le(&b, e[i].domain < 0 ? EC_STR_NONE : (uint32_t)e[i].domain, 4);
        put_le(&b, e[i].status, 2);
        put_le(&b, e[i].kind, 1);
        put_le(&b, e[i].flags, 1);
    }
    ec_value rows = literal_rows(a, &b, EC_ENTRY_SIZE);
    bytes_free(&b);
    return rows;
}

ec_value ec_tables_translations(ec_arena *a, ec_strpool *p, const ec_ctrans *t, size_t n)
{
    bytes b = {0};
    bytes_reserve(&b, n * EC_TRANS_SIZE);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < 4; k++)
            put_le(&b, t[i].text[k] ? ec_strpool_add(p, t[i].text[k]) + 1u : 0, 4);
    ec_value rows = literal_rows(a, &b, EC_TRANS_SIZE);
    bytes_free(&b);
    return rows;
}

/* ---- lookup tables ------------------------------------------------------- */

/* Joins 'n' items put(v[i]) into rows ready for an initializer, each item
** ending with a comma. */
static ec_value rows(ec_arena *a, const int64_t *v, size_t n, void (*put)(ec_buf *, int64_t))
{
    ec_builder l;
    ec_builder_init(&l);
    ec_buf row;
    ec_buf_init(&row);
    for (size_t i = 0; i < n; i++) {
        if (i % PER_ROW)
            ec_buf_puts(&row, " ");
        put(&row, v[i]);
        ec_buf_puts(&row, ",");
        if (i % PER_ROW == PER_ROW - 1 || i + 1 == n) {
            ec_builder_push(&l, ec_vstr(ec_arena_strndup(a, row.data, row.len)));
            ec_buf_reset(&row);
        }
    }
    ec_buf_free(&row);
    return ec_builder_list(&l, a);
}

/* Seeds or displacements: 16 bits each. */
static ec_value rows_u16(ec_arena *a, const uint16_t *v, size_t n)
{
    bytes b = {0};
    for (size_t i = 0; i < n; i++)
        put_le(&b, v[i], 2);
    ec_value r = literal_rows(a, &b, BYTES_PER_ROW);
    bytes_free(&b);
    return r;
}

/* The slot value of code i of 'dom' (see EC_SLOT_EMPTY). */
static int64_t slot_value(const ec_domain *dom, size_t i, uint32_t first)
{
    int64_t n = (int64_t)first + (int64_t)i;
    return dom->codes[i].more->retired ? EC_SLOT_RETIRED(n) : n;
}

ec_value ec_tables_strings(ec_arena *a, ec_strpool *p, const ec_domain *dom, uint32_t first,
                           bool names)
{
    ec_builder b;
    ec_builder_init(&b);
    /* The keys: each code's string or name, then (names) every alias, each
    ** with the code it finds. */
    size_t n = dom->ncodes;
    for (size_t i = 0; names && i < dom->ncodes; i++)
        n += dom->codes[i].more->naliases;
    const char **key = ec_xmalloc((n + 1) * sizeof *key);
    size_t *owner = ec_xmalloc((n + 1) * sizeof *owner);
    for (size_t i = 0; i < dom->ncodes; i++) {
        key[i] = names ? dom->codes[i].name : dom->codes[i].str;
        owner[i] = i;
    }
    for (size_t i = 0, k = dom->ncodes; names && i < dom->ncodes; i++)
        for (uint32_t j = 0; j < dom->codes[i].more->naliases; j++, k++) {
            key[k] = dom->codes[i].more->aliases[j].name;
            owner[k] = i;
        }
    uint64_t *h = ec_xmalloc((n + 1) * sizeof *h);
    for (size_t i = 0; i < n; i++)
        h[i] = ec_hash_str(key[i], strlen(key[i]));
    ec_phash ph;
    if (!ec_phash_build(&ph, n, h))
        ec_oom(); /* distinct strings hash apart all but surely: a seed is
                  ** always found, so a failure is a broken invariant */
    free(h);
    ec_builder_add(&b, "bucket_mask", ec_vint(ph.nbuckets - 1));
    ec_builder_add(&b, "seed_rows", rows_u16(a, ph.seeds, ph.nbuckets));
    ec_builder_add(&b, "nslots", ec_vint(ph.nslots));
    /* The key of each slot (its offset in the string pool) beside its
    ** entry: a lookup compares with it without reading the entry. */
    bytes s = {0};
    for (uint32_t i = 0; i < ph.nslots; i++) {
        bool used = ph.slots[i] >= 0;
        put_le(&s, used ? ec_strpool_add(p, key[ph.slots[i]]) : EC_STR_NONE, 4);
        put_le(&s, ref_value(used ? slot_value(dom, owner[ph.slots[i]], first) : EC_SLOT_EMPTY), 4);
    }
    ec_builder_add(&b, "slot_rows", literal_rows(a, &s, BYTES_PER_ROW));
    bytes_free(&s);
    free(key);
    free(owner);
    ec_phash_free(&ph);
    return ec_builder_map(&b, a);
}

ec_value ec_tables_numbers(ec_arena *a, const ec_domain *dom, uint32_t first, bool wide)
{
    ec_builder b;
    ec_builder_init(&b);
    size_t n = dom->string_codes ? 0 : dom->ncodes;
    int64_t *codes = ec_xmalloc((n + 1) * sizeof *codes);
    for (size_t i = 0; i < n; i++)
        codes[i] = dom->codes[i].num;
    ec_codetable t;
    if (!ec_codetable_build(&t, n, codes))
        ec_oom(); /* 64 multipliers at four sizes: a failure is a broken invariant */
    size_t ns = (size_t)1 << t.sbits;
    bytes s = {0};
    for (size_t i = 0; i < ns; i++) {
        /* A free slot's code is 0, and its FREE says it is free. */
        int64_t code = t.slots[i] < 0 ? 0 : codes[t.slots[i]];
        put_le(&s, (uint64_t)code, wide ? 8 : 4);
        put_le(&s, ref_value(t.slots[i] < 0 ? EC_SLOT_EMPTY : slot_value(dom, (size_t)t.slots[i], first)), 4);
    }
    char mul[32];
    snprintf(mul, sizeof mul, "0x%016llx", (unsigned long long)t.mul);
    ec_builder_add(&b, "dense", ec_vbool(t.dense));
    ec_builder_add(&b, "hashed", ec_vbool(!t.dense));
    ec_builder_add(&b, "multiplier", ec_vstr(ec_arena_strdup(a, mul)));
    ec_builder_add(&b, "slot_shift", ec_vint(64 - (int64_t)t.sbits));
    ec_builder_add(&b, "bucket_shift", ec_vint(t.bshift));
    ec_builder_add(&b, "bucket_mask", ec_vint(((int64_t)1 << t.bbits) - 1));
    ec_builder_add(&b, "nslots", ec_vint((int64_t)ns));
    ec_builder_add(&b, "displacement_rows", rows_u16(a, t.disp, (size_t)1 << t.bbits));
    ec_builder_add(&b, "slot_rows", literal_rows(a, &s, BYTES_PER_ROW - BYTES_PER_ROW % (wide ? 12 : 8)));
    bytes_free(&s);
    free(codes);
    ec_codetable_free(&t);
    return ec_builder_map(&b, a);
}

bool ec_tables_codes_fit_int32(const ec_domain *dom)
{
    for (size_t i = 0; i < dom->ncodes; i++) {
        const ec_code *e = &dom->codes[i];
        if (!e->is_string && (e->num < INT32_MIN || e->num > INT32_MAX))
            return false;
    }
    return true;
}

bool ec_tables_wide_codes(const ec_catalog *c)
{
    for (size_t d = 0; d < c->ndomains; d++)
        if (!ec_tables_codes_fit_int32(&c->domains[d]))
            return true;
    return false;
}

ec_value ec_tables_statuses(ec_arena *a, const ec_status *s, size_t n, uint32_t first)
{
    ec_builder b;
    ec_builder_init(&b);
    if (n) {
        int64_t min = s[0].status, span = s[n - 1].status - min + 1;
        int64_t *idx = ec_xmalloc((size_t)span * sizeof *idx);
        for (int64_t i = 0; i < span; i++)
            idx[i] = EC_SLOT_EMPTY;
        for (size_t i = 0; i < n; i++)
            idx[s[i].status - min] = (int64_t)(first + i);
        ec_builder_add(&b, "min", ec_vint(min));
        ec_builder_add(&b, "span", ec_vint(span));
        ec_builder_add(&b, "index_rows", rows(a, idx, (size_t)span, put_ref));
        free(idx);
    }
    return ec_builder_map(&b, a);
}
