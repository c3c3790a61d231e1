/* po.h: gettext PO files, as translators' tools write them.
**
** A PO file is a list of entries, each a few keyword lines with quoted
** strings (msgctxt, msgid, msgid_plural, msgstr, msgstr[N]), a string
** continuing on the lines below as further quoted strings, and comment
** lines before it ("#." for the extracted comments errcat writes, "#:",
** "#|", "# " for translators, "#," for flags such as "fuzzy"). Obsolete
** entries ("#~") are what a tool keeps of texts that went away: they are
** skipped. The entry of msgid "" is the header ("Plural-Forms: ...").
**
** errcat reads UTF-8 only (the header's charset must say so), the C
** escapes gettext writes (\n \t \" \\ and the rest), and reports the first
** error of a file at its file:line:col. */
#ifndef EC_PO_H
#define EC_PO_H

#include "arena.h"
#include "diag.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct ec_po_entry {
    const char *ctxt;      /* NULL when the entry has no msgctxt */
    const char *id;        /* msgid */
    const char *id_plural; /* NULL when the entry has no plural forms */
    const char **str;      /* msgstr, or msgstr[0..nstr) */
    size_t nstr;
    bool fuzzy;
    ec_loc at;     /* the entry's first keyword line */
    ec_loc str_at; /* its msgstr (the first one, for plural forms) */
} ec_po_entry;

typedef struct ec_po {
    ec_po_entry *entries; /* in file order, the header excluded */
    size_t n;
    const char *header; /* the msgstr of msgid "", or "" */
    ec_loc header_at;
} ec_po;

/* Reads the 'len' bytes of 'text', named 'file' in diagnostics, into
** 'out' (allocated in 'a'). False, with an error in 'd', when the file is
** not a PO file errcat reads. */
bool ec_po_read(const char *file, const char *text, size_t len, ec_arena *a, ec_diag *d,
                ec_po *out);

/* The value of the header field 'name' ("Plural-Forms"), without its line
** break, allocated in 'a'; NULL when the header has no such field. */
const char *ec_po_header_field(const ec_po *po, const char *name, ec_arena *a);

#endif
