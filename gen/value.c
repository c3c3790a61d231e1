/* value.c: the generic tree: constructors, lookup, text and JSON forms. */
#include "value.h"

#include "alloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const ec_value *ec_map_get(const ec_value *m, const char *key)
{
    if (!m || m->kind != EC_VMAP)
        return NULL;
    for (uint32_t i = 0; i < m->len; i++)
        if (strcmp(m->u.members[i].key, key) == 0)
            return &m->u.members[i].val;
    return NULL;
}

ec_value ec_value_copy(ec_arena *a, const ec_value *v)
{
    ec_value c = *v;
    if (v->kind != EC_VSTR)
        c.raw = NULL;
    if (v->kind == EC_VLIST) {
        c.u.items = ec_arena_alloc(a, v->len * sizeof *c.u.items);
        for (uint32_t i = 0; i < v->len; i++)
            c.u.items[i] = ec_value_copy(a, &v->u.items[i]);
    } else if (v->kind == EC_VMAP) {
        c.u.members = ec_arena_alloc(a, v->len * sizeof *c.u.members);
        for (uint32_t i = 0; i < v->len; i++) {
            c.u.members[i] = v->u.members[i];
            c.u.members[i].val = ec_value_copy(a, &v->u.members[i].val);
        }
    }
    return c;
}

ec_value ec_list_at(const ec_value *list, uint32_t i, ec_arena *a)
{
    return list->kind == EC_VLAZY ? list->u.lazy->make(list->u.lazy->ud, i, a)
                                  : list->u.items[i];
}

bool ec_value_truthy(const ec_value *v)
{
    switch (v->kind) {
    case EC_VNULL: return false;
    case EC_VBOOL: return v->u.b;
    case EC_VINT: return v->u.i != 0;
    case EC_VFLOAT: return v->u.f != 0.0;
    case EC_VSTR: return v->len != 0;
    case EC_VLIST:
    case EC_VLAZY: return v->len != 0;
    case EC_VMAP: return true;
    }
    return false;
}

static void put_float(double f, ec_buf *out)
{
    if (isnan(f) || isinf(f)) {
        ec_buf_puts(out, isnan(f) ? "NaN" : f > 0 ? "Infinity" : "-Infinity");
        return;
    }
    if (f == 0) {
        ec_buf_putc(out, '0'); /* -0 too, as in JavaScript */
        return;
    }
    /* The shortest digits that read back to the same double, laid out the
    ** way JavaScript's Number::toString does (ECMA-262), which the Mustache
    ** suite expects. The "C" locale's decimal point is assumed; main()
    ** never calls setlocale. */
    char tmp[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, f);
        if (strtod(tmp, NULL) == f)
            break;
    }
    char digits[20]; /* tmp is [-]d[.ddd]e(+|-)xx */
    int k = 0;
    const char *p = tmp;
    if (*p == '-')
        ec_buf_putc(out, *p++);
    for (; *p != 'e'; p++)
        if (*p != '.')
            digits[k++] = *p;
    int n = atoi(p + 1) + 1; /* the decimal point sits after n digits */
    if (k <= n && n <= 21) { /* 1e20 -> 100000000000000000000 */
        ec_buf_put(out, digits, (size_t)k);
        for (int i = k; i < n; i++)
            ec_buf_putc(out, '0');
    } else if (0 < n && n <= 21) { /* 123.45 */
        ec_buf_put(out, digits, (size_t)n);
        ec_buf_putc(out, '.');
        ec_buf_put(out, digits + n, (size_t)(k - n));
    } else if (-6 < n && n <= 0) { /* 0.00001 */
        ec_buf_puts(out, "0.");
        for (int i = n; i < 0; i++)
            ec_buf_putc(out, '0');
        ec_buf_put(out, digits, (size_t)k);
    } else { /* 1e+21, 2.5e-7 */
        ec_buf_putc(out, digits[0]);
        if (k > 1) {
            ec_buf_putc(out, '.');
            ec_buf_put(out, digits + 1, (size_t)(k - 1));
        }
        ec_buf_printf(out, "e%c%d", n > 0 ? '+' : '-', n > 0 ? n - 1 : 1 - n);
    }
}

/* Decimal, without printf: the view is full of integers. */
char *ec_int_text(int64_t i, char buf[EC_INT_TEXT_SIZE])
{
    char *p = buf + EC_INT_TEXT_SIZE;
    /* In unsigned arithmetic, so that INT64_MIN has a magnitude too. */
    uint64_t u = i < 0 ? 0 - (uint64_t)i : (uint64_t)i;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (i < 0)
        *--p = '-';
    return p;
}

static void put_int(int64_t i, ec_buf *out)
{
    char buf[EC_INT_TEXT_SIZE];
    char *p = ec_int_text(i, buf);
    ec_buf_put(out, p, (size_t)(buf + EC_INT_TEXT_SIZE - p));
}

void ec_value_text(const ec_value *v, ec_buf *out)
{
    switch (v->kind) {
    case EC_VNULL: break;
    case EC_VBOOL: ec_buf_puts(out, v->u.b ? "true" : "false"); break;
    case EC_VINT: put_int(v->u.i, out); break;
    case EC_VFLOAT: put_float(v->u.f, out); break;
    case EC_VSTR: ec_buf_put(out, v->u.s, v->len); break;
    case EC_VLIST:
    case EC_VMAP:
    case EC_VLAZY: break;
    }
}

void ec_builder_init(ec_builder *b)
{
    b->members = NULL;
    b->len = b->cap = 0;
    b->borrowed = false;
}

void ec_builder_init_on(ec_builder *b, ec_member *buf, size_t cap)
{
    b->members = buf;
    b->len = 0;
    b->cap = cap;
    b->borrowed = true;
}

void ec_builder_grow(ec_builder *b)
{
    size_t cap = b->cap ? b->cap * 2 : 8;
    if (b->borrowed) {
        ec_member *m = ec_xmalloc(cap * sizeof *m);
        memcpy(m, b->members, b->len * sizeof *m);
        b->members = m;
        b->borrowed = false;
    } else {
        b->members = ec_xrealloc(b->members, cap * sizeof *b->members);
    }
    b->cap = cap;
}

ec_value ec_builder_map(ec_builder *b, ec_arena *a)
{
    ec_value v = ec_vnull();
    v.kind = EC_VMAP;
    v.len = (uint32_t)b->len;
    v.u.members = ec_arena_take(a, b->len * sizeof *b->members);
    if (b->len)
        memcpy(v.u.members, b->members, b->len * sizeof *b->members);
    ec_builder_discard(b);
    return v;
}

ec_value ec_builder_list(ec_builder *b, ec_arena *a)
{
    ec_value v = ec_vnull();
    v.kind = EC_VLIST;
    v.len = (uint32_t)b->len;
    v.u.items = ec_arena_take(a, b->len * sizeof *v.u.items);
    for (size_t i = 0; i < b->len; i++)
        v.u.items[i] = b->members[i].val;
    ec_builder_discard(b);
    return v;
}

void ec_builder_discard(ec_builder *b)
{
    if (!b->borrowed)
        free(b->members);
    ec_builder_init(b);
}

/* Bytes json_string copies as they are, whatever surrounds them: not a
** control, DEL, quote or backslash, nor the first byte of U+0085, U+2028
** or U+2029. */
static bool json_plain(unsigned char c)
{
    return c >= 0x20 && c != '"' && c != '\\' && c != 0x7f && c != 0xc2 && c != 0xe2;
}

static void json_string(const char *s, size_t n, ec_buf *out)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    ec_buf_reserve(out, n + 2);
    ec_buf_putc(out, '"');
    size_t run = 0; /* start of the bytes not yet copied */
    for (size_t i = 0; i < n; i++) {
        while (i < n && json_plain(u[i]))
            i++;
        if (i == n)
            break;
        unsigned char c = u[i];
        const char *esc = NULL;
        char e[7];
        if (c == '"') {
            esc = "\\\"";
        } else if (c == '\\') {
            esc = "\\\\";
        } else if (c == '\n') {
            esc = "\\n";
        } else if (c == '\r') {
            esc = "\\r";
        } else if (c == '\t') {
            esc = "\\t";
        } else if (c < 0x20 || c == 0x7f) {
            e[0] = '\\', e[1] = 'u', e[2] = '0', e[3] = '0';
            e[4] = hex[c >> 4], e[5] = hex[c & 15], e[6] = '\0';
            esc = e;
        } else if (c == 0xc2 && i + 1 < n && u[i + 1] == 0x85) {
            /* U+0085: YAML 1.1 readers (errcat's own) take it for a line break. */
            esc = "\\u0085";
        } else if (c == 0xe2 && i + 2 < n && u[i + 1] == 0x80 &&
                   (u[i + 2] == 0xa8 || u[i + 2] == 0xa9)) {
            esc = u[i + 2] == 0xa8 ? "\\u2028" : "\\u2029";
        } else {
            continue; /* another character that starts the same way */
        }
        ec_buf_put(out, s + run, i - run);
        ec_buf_puts(out, esc);
        i += c == 0xc2 ? 1 : c == 0xe2 ? 2 : 0;
        run = i + 1;
    }
    ec_buf_put(out, s + run, n - run);
    ec_buf_putc(out, '"');
}

static void indent(ec_buf *out, int depth)
{
    /* One copy for the usual depths: a line starts every member. */
    static const char spaces[] = "\n                                ";
    size_t n = 1 + 2 * (size_t)depth;
    if (n <= sizeof spaces - 1) {
        ec_buf_put(out, spaces, n);
        return;
    }
    ec_buf_put(out, spaces, sizeof spaces - 1);
    for (size_t i = sizeof spaces - 1; i < n; i++)
        ec_buf_putc(out, ' ');
}

/* 'items' holds the item of a lazy list being written. */
static void json_value(const ec_value *v, ec_buf *out, int depth, ec_arena *items)
{
    switch (v->kind) {
    case EC_VNULL: ec_buf_puts(out, "null"); break;
    case EC_VBOOL:
    case EC_VINT: ec_value_text(v, out); break;
    case EC_VFLOAT:
        if (isnan(v->u.f) || isinf(v->u.f)) {
            ec_buf_puts(out, "null"); /* JSON has no such numbers */
        } else {
            size_t at = out->len;
            ec_value_text(v, out);
            /* 5.0 stays a float when read back: digits alone read as an integer. */
            if (!memchr(out->data + at, '.', out->len - at) &&
                !memchr(out->data + at, 'e', out->len - at))
                ec_buf_puts(out, ".0");
        }
        break;
    case EC_VSTR: json_string(v->u.s, v->len, out); break;
    case EC_VLIST:
    case EC_VLAZY:
        if (!v->len) {
            ec_buf_puts(out, "[]");
            break;
        }
        ec_buf_putc(out, '[');
        for (uint32_t i = 0; i < v->len; i++) {
            if (i)
                ec_buf_putc(out, ',');
            indent(out, depth + 1);
            ec_arena_point mark = ec_arena_mark(items);
            ec_value item = ec_list_at(v, i, items);
            json_value(&item, out, depth + 1, items);
            ec_arena_release(items, mark);
            ec_buf_spill(out);
        }
        indent(out, depth);
        ec_buf_putc(out, ']');
        break;
    case EC_VMAP:
        if (!v->len) {
            ec_buf_puts(out, "{}");
            break;
        }
        ec_buf_putc(out, '{');
        for (uint32_t i = 0; i < v->len; i++) {
            const ec_member *m = &v->u.members[i];
            if (i)
                ec_buf_putc(out, ',');
            indent(out, depth + 1);
            json_string(m->key, strlen(m->key), out);
            ec_buf_puts(out, ": ");
            json_value(&m->val, out, depth + 1, items);
        }
        indent(out, depth);
        ec_buf_putc(out, '}');
        break;
    }
}

void ec_json_write(const ec_value *v, ec_buf *out)
{
    ec_arena items;
    ec_arena_init(&items);
    json_value(v, out, 0, &items);
    ec_arena_free(&items);
    ec_buf_putc(out, '\n');
}
