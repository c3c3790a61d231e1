/* value.h: the generic tree shared by data files, YAML documents and the
** view that templates render. A value is a null, boolean, integer, float,
** string, list or map (ordered, string keys); every value may carry the
** source position it was read from. Trees live in an arena. */
#ifndef EC_VALUE_H
#define EC_VALUE_H

#include "arena.h"
#include "buf.h"
#include "diag.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef enum ec_vkind {
    EC_VNULL,
    EC_VBOOL,
    EC_VINT,
    EC_VFLOAT,
    EC_VSTR,
    EC_VLIST,
    EC_VMAP,
    EC_VLAZY /* a list whose items are made when read (see ec_lazy) */
} ec_vkind;

typedef struct ec_value ec_value;
typedef struct ec_member ec_member;
typedef struct ec_lazy ec_lazy;

struct ec_value {
    ec_vkind kind;
    uint32_t len; /* bytes of a string; items of a list or map */
    union {
        bool b;
        int64_t i;
        double f;
        const char *s;     /* NUL-terminated; never contains NUL */
        ec_value *items;   /* list */
        ec_member *members; /* map */
        const ec_lazy *lazy; /* lazy list */
    } u;
    const char *raw; /* scalar text as written in the source, or NULL */
    ec_loc at;
};

struct ec_member {
    const char *key;
    ec_loc key_at;
    ec_value val;
};

/* A list too large to hold in memory at once (the codes of a domain): its
** 'len' items are made one at a time, item i by make(ud, i, a) into arena
** 'a', which the reader empties when done with the item. Readers: the
** template engine and the JSON writer. */
struct ec_lazy {
    ec_value (*make)(const void *ud, uint32_t i, ec_arena *a);
    const void *ud;
};

/* Item 'i' of a list or lazy list; a lazy list makes it in 'a'. */
ec_value ec_list_at(const ec_value *list, uint32_t i, ec_arena *a);

/* Constructors: return values by copy, strings are referenced not copied.
** Inline: the view calls them for every member of every entry. */
static inline ec_value ec_vnull(void)
{
    return (ec_value){.kind = EC_VNULL};
}

static inline ec_value ec_vbool(bool b)
{
    return (ec_value){.kind = EC_VBOOL, .u.b = b};
}

static inline ec_value ec_vint(int64_t i)
{
    return (ec_value){.kind = EC_VINT, .u.i = i};
}

static inline ec_value ec_vfloat(double f)
{
    return (ec_value){.kind = EC_VFLOAT, .u.f = f};
}

static inline ec_value ec_vstrn(const char *s, size_t n)
{
    return (ec_value){.kind = EC_VSTR, .len = (uint32_t)n, .u.s = s};
}

static inline ec_value ec_vstr(const char *s)
{
    return ec_vstrn(s, strlen(s));
}

static inline ec_value ec_vstr_or_null(const char *s)
{
    return s ? ec_vstr(s) : ec_vnull();
}

/* Returns the member of map 'm' named 'key', or NULL (also when 'm' is not
** a map). Linear: maps in errcat are small; the template engine caches. */
const ec_value *ec_map_get(const ec_value *m, const char *key);

/* A deep copy of 'v' whose lists and maps live in 'a'; strings and
** positions are referenced, not copied, and the text as written ('raw') of
** a scalar that is not a string is not kept (it may go with the tree: see
** ec_doc_parse_split). */
ec_value ec_value_copy(ec_arena *a, const ec_value *v);

/* Truthiness in the Mustache sense: false for null, false, empty lists and
** (by errcat's choice, following the JavaScript reference) 0 and "". */
bool ec_value_truthy(const ec_value *v);

/* Appends the text form of a scalar: integers in decimal, floats in the
** shortest form that reads back exactly, booleans as true/false, null as
** nothing. Lists and maps append nothing. */
void ec_value_text(const ec_value *v, ec_buf *out);

/* Writes 'i' in decimal, without printf, at the end of 'buf' (no NUL);
** returns where the text starts. */
#define EC_INT_TEXT_SIZE 24
char *ec_int_text(int64_t i, char buf[EC_INT_TEXT_SIZE]);

/* Builders: collect items in a growable scratch array, then freeze into the
** arena. A builder must be frozen (or discarded) exactly once. The keys of
** a map are distinct: the YAML reader rejects a repeated key, and builders
** add none twice (the template engine relies on it to find a member by its
** position in a map of the same layout). */
typedef struct ec_builder {
    ec_member *members;
    size_t len, cap;
    bool borrowed; /* members is the caller's buffer (ec_builder_init_on) */
} ec_builder;

void ec_builder_init(ec_builder *b);
/* A builder whose members start in 'buf' (cap of them: the caller's, on its
** stack), moving to the heap only if they outgrow it: for maps made often,
** such as the view's entries, which would otherwise grow through five
** reallocations each time. */
void ec_builder_init_on(ec_builder *b, ec_member *buf, size_t cap);
static inline void ec_builder_add(ec_builder *b, const char *key, ec_value v); /* map member */
static inline void ec_builder_push(ec_builder *b, ec_value v);                  /* list item */
ec_value ec_builder_map(ec_builder *b, ec_arena *a);
ec_value ec_builder_list(ec_builder *b, ec_arena *a);
void ec_builder_discard(ec_builder *b);

/* Private: makes room for one more member. */
void ec_builder_grow(ec_builder *b);

static inline void ec_builder_add(ec_builder *b, const char *key, ec_value v)
{
    if (b->len == b->cap)
        ec_builder_grow(b);
    ec_member *m = &b->members[b->len++];
    m->key = key;
    m->key_at = v.at;
    m->val = v;
}

static inline void ec_builder_push(ec_builder *b, ec_value v)
{
    ec_builder_add(b, NULL, v);
}

/* Writes 'v' as JSON: two-space indentation, members in tree order, strings
** with the minimal escapes (and U+2028/U+2029 escaped so the output is also
** valid JavaScript), a final newline. Floats use ec_value_text. */
void ec_json_write(const ec_value *v, ec_buf *out);

#endif
