/* plural.c: reading CLDR's plural rules (plural.h). The rules are a few
** dozen bytes each and read a few times per catalog, so they are read from
** their text every time rather than kept as a tree. */
#include "plural.h"

#include <ctype.h>
#include <string.h>

static const char *const names[EC_NPLURALS] = {"zero", "one", "two", "few", "many", "other"};

const char *ec_plural_name(ec_plural p)
{
    return (unsigned)p < EC_NPLURALS ? names[p] : "other";
}

bool ec_plural_find(const char *s, size_t n, ec_plural *out)
{
    for (int p = 0; p < EC_NPLURALS; p++)
        if (strlen(names[p]) == n && !memcmp(names[p], s, n)) {
            *out = (ec_plural)p;
            return true;
        }
    return false;
}

/* Whether CLDR's space-separated 'list' holds the 'n' bytes of 'tag'
** ('-' and '_' alike, any case). */
static bool names_tag(const char *list, const char *tag, size_t n)
{
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, " ");
        if (len == n) {
            size_t i = 0;
            for (; i < n; i++) {
                char a = p[i] == '_' ? '-' : p[i], b = tag[i] == '_' ? '-' : tag[i];
                if (tolower((unsigned char)a) != tolower((unsigned char)b))
                    break;
            }
            if (i == n)
                return true;
        }
        p += len;
        p += *p == ' ';
    }
    return false;
}

const ec_plural_set *ec_plural_rules(const char *tag)
{
    if (!tag)
        tag = "en"; /* a catalog's source locale when it names none */
    size_t n = strlen(tag);
    while (n) {
        for (size_t i = 0; i < ec_plural_ncldr; i++)
            if (names_tag(ec_plural_cldr[i].locales, tag, n))
                return &ec_plural_cldr[i];
        while (n && tag[n - 1] != '-' && tag[n - 1] != '_')
            n--;
        n -= n > 0;
    }
    for (size_t i = 0; i < ec_plural_ncldr; i++)
        if (names_tag(ec_plural_cldr[i].locales, "root", 4))
            return &ec_plural_cldr[i];
    return &ec_plural_cldr[0];
}

/* ---- the condition's syntax ---- */

typedef struct cursor {
    const char *p;
    bool bad;
} cursor;

static void blanks(cursor *c)
{
    while (*c->p == ' ')
        c->p++;
}

static bool at_end(cursor *c)
{
    blanks(c);
    return *c->p == '\0' || *c->p == '@';
}

static bool word(cursor *c, const char *w)
{
    blanks(c);
    size_t n = strlen(w);
    if (strncmp(c->p, w, n) || isalnum((unsigned char)c->p[n]))
        return false;
    c->p += n;
    return true;
}

static bool punct(cursor *c, const char *s)
{
    blanks(c);
    size_t n = strlen(s);
    if (strncmp(c->p, s, n))
        return false;
    c->p += n;
    return true;
}

static unsigned long long number(cursor *c)
{
    blanks(c);
    if (!isdigit((unsigned char)*c->p)) {
        c->bad = true;
        return 0;
    }
    unsigned long long v = 0;
    for (; isdigit((unsigned char)*c->p); c->p++) {
        unsigned d = (unsigned)(*c->p - '0');
        if (v > (~0ULL - d) / 10)
            c->bad = true;
        v = v * 10 + d;
    }
    return v;
}

/* One relation: an operand, perhaps modulo a number, '=' or '!=' a list
** of values and ranges, kept as the list's text and read again as needed. */
typedef struct relation {
    bool variable; /* n or i; the other operands are 0 for an integer */
    unsigned long long mod; /* 0: none */
    bool negated;
    const char *list;
} relation;

static void read_list(cursor *c)
{
    do {
        unsigned long long lo = number(c);
        if (punct(c, "..") && number(c) < lo)
            c->bad = true;
    } while (!c->bad && punct(c, ","));
}

static relation read_relation(cursor *c)
{
    relation r = {false, 0, false, NULL};
    blanks(c);
    char op = *c->p;
    if (!op || !strchr("niwvftce", op) || isalnum((unsigned char)c->p[1])) {
        c->bad = true;
        return r;
    }
    c->p++;
    r.variable = op == 'n' || op == 'i';
    if (punct(c, "%") && (r.mod = number(c)) == 0)
        c->bad = true;
    if (punct(c, "!="))
        r.negated = true;
    else if (!punct(c, "="))
        c->bad = true;
    r.list = c->p;
    if (!c->bad)
        read_list(c);
    return r;
}

/* Calls 'each' with every value or range of the list at 'list'. */
static void each_range(const char *list, void (*each)(void *ud, unsigned long long lo,
                                                      unsigned long long hi, bool range),
                       void *ud)
{
    cursor c = {list, false};
    do {
        unsigned long long lo = number(&c), hi = lo;
        bool range = punct(&c, "..");
        if (range)
            hi = number(&c);
        each(ud, lo, hi, range);
    } while (punct(&c, ","));
}

typedef struct membership {
    unsigned long long v;
    bool in;
} membership;

static void test_range(void *ud, unsigned long long lo, unsigned long long hi, bool range)
{
    membership *m = ud;
    (void)range;
    m->in |= m->v >= lo && m->v <= hi;
}

static bool relation_holds(const relation *r, unsigned long long n)
{
    membership m = {r->variable ? n : 0, false};
    if (r->mod)
        m.v %= r->mod;
    each_range(r->list, test_range, &m);
    return m.in != r->negated;
}

int ec_plural_holds(const char *rule, unsigned long long n)
{
    cursor c = {rule, false};
    bool any = false;
    if (at_end(&c))
        return 1; /* "other": no condition */
    do {
        bool all = true;
        do {
            relation r = read_relation(&c);
            if (c.bad)
                return -1;
            all = all && relation_holds(&r, n);
        } while (word(&c, "and"));
        any = any || all;
    } while (word(&c, "or"));
    return c.bad || !at_end(&c) ? -1 : any;
}

ec_plural ec_plural_select(const ec_plural_set *set, long long n)
{
    unsigned long long v = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    for (int p = 0; p < EC_PLURAL_OTHER; p++)
        if (set->rules[p] && ec_plural_holds(set->rules[p], v) == 1)
            return (ec_plural)p;
    return EC_PLURAL_OTHER;
}

bool ec_plural_count(const char *s, unsigned long long *n)
{
    s += *s == '-';
    if (!*s)
        return false;
    unsigned long long v = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (EC_PLURAL_MAX_COUNT - (unsigned)(*s - '0')) / 10)
            return false;
        v = v * 10 + (unsigned)(*s - '0');
    }
    *n = v;
    return true;
}

size_t ec_plural_categories(const ec_plural_set *set, ec_plural out[EC_NPLURALS])
{
    size_t n = 0;
    for (int p = 0; p < EC_NPLURALS; p++)
        if (set->rules[p] && strstr(set->rules[p], "@integer"))
            out[n++] = (ec_plural)p;
    return n;
}

/* ---- writing a condition as an expression ---- */

typedef struct writer {
    ec_buf *out;
    const char *x; /* the operand: "n" or "n % 10" */
    const char *and_op, *or_op;
    bool negated;
    size_t items, terms;
    bool top_and; /* an and_op outside parentheses was written */
} writer;

/* One value or range, as a term of the relation's expression: ORed when
** the relation is '=', the negations ANDed when it is '!='. The operand is
** unsigned, so a range from 0 has no lower bound to test. */
static void write_term(void *ud, unsigned long long lo, unsigned long long hi, bool range)
{
    writer *w = ud;
    if (w->terms++) {
        ec_buf_puts(w->out, w->negated ? w->and_op : w->or_op);
        w->top_and |= w->negated;
    }
    if (!range || lo == hi) {
        ec_buf_printf(w->out, "%s %s %llu", w->x, w->negated ? "!=" : "==", lo);
    } else if (w->negated) {
        if (lo)
            ec_buf_printf(w->out, "(%s < %llu%s%s > %llu)", w->x, lo, w->or_op, w->x, hi);
        else
            ec_buf_printf(w->out, "%s > %llu", w->x, hi);
    } else if (lo) {
        /* In parentheses among the terms of a list, as C's -Wparentheses wants. */
        bool parens = w->items > 1;
        w->top_and |= !parens;
        ec_buf_printf(w->out, parens ? "(%s >= %llu%s%s <= %llu)" : "%s >= %llu%s%s <= %llu",
                      w->x, lo, w->and_op, w->x, hi);
    } else {
        ec_buf_printf(w->out, "%s <= %llu", w->x, hi);
    }
}

static size_t count_items(const char *list)
{
    size_t n = 1;
    cursor c = {list, false};
    read_list(&c);
    for (const char *p = list; p < c.p; p++)
        n += *p == ',';
    return n;
}

/* Writes a relation on the variable; an '=' list of several terms is one
** parenthesised disjunction, so that the relation reads as one operand of
** the "and" around it. Returns whether it wrote an and_op outside
** parentheses. */
static bool write_relation(ec_buf *out, const relation *r, const char *var, const char *and_op,
                           const char *or_op)
{
    ec_buf x;
    ec_buf_init(&x);
    if (r->mod)
        ec_buf_printf(&x, "%s %% %llu", var, r->mod);
    else
        ec_buf_puts(&x, var);
    size_t items = count_items(r->list);
    bool parens = !r->negated && items > 1;
    writer w = {out, x.data, and_op, or_op, r->negated, items, 0, false};
    if (parens)
        ec_buf_putc(out, '(');
    each_range(r->list, write_term, &w);
    if (parens)
        ec_buf_putc(out, ')');
    ec_buf_free(&x);
    return w.top_and;
}

/* CLDR's longest condition has four "or"s. */
#define MAX_GROUPS 16

int ec_plural_write(ec_buf *out, const char *rule, const char *var, const char *and_op,
                    const char *or_op, ec_plural_truth *truth)
{
    cursor c = {rule, false};
    ec_buf group[MAX_GROUPS];
    bool compound[MAX_GROUPS] = {false};
    size_t ngroups = 0;
    bool always = at_end(&c);
    int rc = 0;
    while (!always) {
        ec_buf g;
        ec_buf_init(&g);
        bool never = false, top_and = false;
        size_t nrel = 0;
        do {
            relation r = read_relation(&c);
            if (c.bad)
                break;
            if (!r.variable) {
                never = never || !relation_holds(&r, 0);
                continue;
            }
            if (nrel++)
                ec_buf_puts(&g, and_op);
            top_and |= write_relation(&g, &r, var, and_op, or_op);
        } while (word(&c, "and"));
        if (c.bad || ngroups == MAX_GROUPS) {
            ec_buf_free(&g);
            rc = -1;
            break;
        }
        if (never)
            ec_buf_free(&g);
        else if (!nrel) {
            ec_buf_free(&g);
            always = true;
        } else {
            compound[ngroups] = nrel > 1 || top_and;
            group[ngroups++] = g;
        }
        if (!word(&c, "or"))
            break;
    }
    if (rc == 0 && !always && !at_end(&c))
        rc = -1;
    if (rc == 0 && !always)
        for (size_t i = 0; i < ngroups; i++) {
            bool parens = ngroups > 1 && compound[i];
            if (i)
                ec_buf_puts(out, or_op);
            ec_buf_printf(out, parens ? "(%s)" : "%s", group[i].data);
        }
    for (size_t i = 0; i < ngroups; i++)
        ec_buf_free(&group[i]);
    *truth = always ? EC_PLURAL_ALWAYS : ngroups ? EC_PLURAL_SOMETIMES : EC_PLURAL_NEVER;
    return rc;
}

void ec_plural_samples(const char *rule, void (*each)(void *ud, unsigned long long n), void *ud)
{
    const char *p = strstr(rule, "@integer");
    if (!p)
        return;
    p += strlen("@integer");
    const char *end = strstr(p, "@decimal");
    if (!end)
        end = p + strlen(p);
    while (p < end) {
        p += strspn(p, " ,");
        size_t len = strcspn(p, ", @");
        if (p + len > end)
            len = (size_t)(end - p);
        /* "1c6" and "..." are not integers to walk. */
        if (len && isdigit((unsigned char)*p) && !memchr(p, 'c', len) && !memchr(p, 'e', len)) {
            cursor c = {p, false};
            unsigned long long lo = number(&c), hi = lo;
            if (*c.p == '~') {
                c.p++;
                hi = number(&c);
            }
            for (unsigned long long v = lo; !c.bad && v <= hi; v++)
                each(ud, v);
        }
        p += len ? len : 1;
    }
}
