/* diff_report.c: a diff's changes as text, JSON or Markdown. */
#include "diff.h"

#include "lang.h"

#include <string.h>

bool ec_diff_format_find(const char *name, ec_diff_format *out)
{
    static const char *const names[] = {"text", "json", "markdown"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i], name) == 0) {
            *out = (ec_diff_format)i;
            return true;
        }
    return false;
}

static const char *impact(const ec_diff_change *ch)
{
    if (!ch->breaking)
        return "compatible";
    return ch->approved ? "approved" : "breaking";
}

/* One line per change: line breaks in catalog text become spaces. */
static void put_line_text(ec_buf *out, const char *s)
{
    for (; *s; s++)
        ec_buf_putc(out, (unsigned char)*s < 0x20 ? ' ' : *s);
}

static bool new_group(const ec_diff_result *r, size_t i)
{
    return !i || !ec_diff_same_text(r->changes[i].domain, r->changes[i - 1].domain);
}

static void write_totals(const ec_diff_result *r, ec_buf *out)
{
    ec_diff_counts n = ec_diff_count(r);
    if (!r->n)
        ec_buf_puts(out, "no changes");
    else
        ec_buf_printf(out, "%zu breaking, %zu approved, %zu compatible", n.breaking, n.approved,
                      n.compatible);
}

static void write_text(const ec_diff_result *r, ec_buf *out)
{
    for (size_t i = 0; i < r->n; i++) {
        const ec_diff_change *ch = &r->changes[i];
        if (new_group(r, i)) {
            if (ch->domain)
                ec_buf_printf(out, "domain %s:\n", ch->domain);
            else
                ec_buf_puts(out, "catalog:\n");
        }
        ec_buf_printf(out, "  %s: ", impact(ch));
        put_line_text(out, ch->message);
        ec_buf_printf(out, " [%s]", ec_diff_kind_names[ch->kind]);
        if (ch->approved) {
            ec_buf_puts(out, " (reason: ");
            put_line_text(out, ch->approved);
            ec_buf_putc(out, ')');
        }
        ec_buf_putc(out, '\n');
    }
    write_totals(r, out);
    ec_buf_putc(out, '\n');
}

static void write_json(const ec_diff_result *r, ec_buf *out)
{
    /* The tree is scratch: a private arena, so the result stays const. */
    ec_arena a;
    ec_arena_init(&a);
    ec_builder list;
    ec_builder_init(&list);
    for (size_t i = 0; i < r->n; i++) {
        const ec_diff_change *ch = &r->changes[i];
        ec_builder b;
        ec_builder_init(&b);
        ec_builder_add(&b, "kind", ec_vstr(ec_diff_kind_names[ch->kind]));
        ec_builder_add(&b, "breaking", ec_vbool(ch->breaking));
        ec_builder_add(&b, "domain", ec_vstr_or_null(ch->domain));
        ec_builder_add(&b, "code", ch->code);
        ec_builder_add(&b, "name", ec_vstr_or_null(ch->name));
        ec_builder_add(&b, "old", ch->before);
        ec_builder_add(&b, "new", ch->after);
        ec_builder_add(&b, "message", ec_vstr(ch->message));
        ec_builder_add(&b, "approved", ec_vstr_or_null(ch->approved));
        ec_builder_push(&list, ec_builder_map(&b, &a));
    }
    ec_value v = ec_builder_list(&list, &a);
    ec_json_write(&v, out);
    ec_arena_free(&a);
}

static void put_md(ec_buf *out, const char *s)
{
    ec_lang_markdown.escape(out, s, strlen(s));
}

static void write_markdown(const ec_diff_result *r, ec_buf *out)
{
    ec_buf_puts(out, "### Catalog changes: ");
    put_md(out, r->id);
    ec_buf_puts(out, "\n\n");
    if (!r->n) {
        ec_buf_puts(out, "No changes.\n");
        return;
    }
    ec_buf_puts(out, "**");
    write_totals(r, out);
    ec_buf_puts(out, "**\n\n| impact | domain | change | kind |\n|---|---|---|---|\n");
    for (size_t i = 0; i < r->n; i++) {
        const ec_diff_change *ch = &r->changes[i];
        ec_buf_puts(out, ch->breaking && !ch->approved ? "| **breaking** | " : "| ");
        if (!ch->breaking || ch->approved)
            ec_buf_printf(out, "%s | ", impact(ch));
        put_md(out, ch->domain ? ch->domain : "(catalog)");
        ec_buf_puts(out, " | ");
        put_md(out, ch->message);
        if (ch->approved) {
            ec_buf_puts(out, "<br>reason: ");
            put_md(out, ch->approved);
        }
        /* Kinds are [a-z-]: safe in a code span. */
        ec_buf_printf(out, " | `%s` |\n", ec_diff_kind_names[ch->kind]);
    }
}

void ec_diff_write(const ec_diff_result *r, ec_diff_format f, ec_buf *out)
{
    switch (f) {
    case EC_DIFF_TEXT: write_text(r, out); break;
    case EC_DIFF_JSON: write_json(r, out); break;
    case EC_DIFF_MARKDOWN: write_markdown(r, out); break;
    }
}
