/* lang_markdown.c: Markdown, a document language. Its escaper reads
** neighbouring characters and line starts, so it has a loop of its own. */
#include "inline.h"
#include "lang.h"

#include <string.h>

/* Text in a Markdown paragraph or table cell: backslash before
** \ ` * _ { } [ ] < > | & ~, before # + - = where they would start a heading
** or a list item (at a line start), after the digits of "1." or "1)" there,
** and before ! when it precedes [ (an image); blanks at a line start as
** &#32; and &#9; (no indented code block); newlines become <br>. Other
** punctuation is left alone so the source stays readable. The text starts
** a line when '*line_start' says so, which is left saying whether its end
** does (inline.c writes text in pieces). */
void ec_markdown_escape(ec_buf *out, const char *s, size_t n, bool *line_start_io)
{
    /* '&' too, or "&lt;" in a catalog would show as "<"; '~' opens fences
    ** and strikes through. */
    static const char always[] = "\\`*_{}[]<>|&~";
    bool line_start = *line_start_io; /* only blanks so far on this line */
    ec_buf_reserve(out, n);
    for (size_t i = 0; i < n;) {
        char c = s[i];
        uint32_t cp;
        size_t nl = ec_line_break(s + i, n - i);
        if (nl) {
            ec_buf_puts(out, "<br>");
            i += nl;
            line_start = true;
            continue;
        }
        if ((unsigned char)c >= 0x80) {
            size_t k = ec_utf8_seq((const unsigned char *)s + i, n - i, &cp);
            if (k)
                ec_buf_put(out, s + i, k);
            else
                ec_buf_put(out, EC_REPLACEMENT, 3);
            i += k ? k : 1;
            line_start = false;
            continue;
        }
        if (line_start && (c == ' ' || c == '\t')) {
            /* Four leading spaces or a tab make an indented code block;
            ** fewer spaces are only space. */
            size_t b = i;
            while (b < n && s[b] == ' ')
                b++;
            bool code = b - i >= 4 || (b < n && s[b] == '\t');
            for (; i < b; i++)
                ec_buf_puts(out, code ? "&#32;" : " ");
            if (i < n && s[i] == '\t') {
                ec_buf_puts(out, "&#9;");
                i++;
                continue;
            }
            if (code)
                line_start = false; /* what follows is no longer at a line start */
            continue;
        }
        if (line_start && c >= '0' && c <= '9') {
            /* "1." or "1)" at a line start would begin an ordered list. */
            size_t d = i;
            while (d < n && s[d] >= '0' && s[d] <= '9')
                d++;
            ec_buf_put(out, s + i, d - i);
            if (d < n && (s[d] == '.' || s[d] == ')')) {
                ec_buf_putc(out, '\\');
                ec_buf_putc(out, s[d++]);
            }
            i = d;
            line_start = false;
            continue;
        }
        bool esc = (c && strchr(always, c)) ||
                   (line_start && (c == '#' || c == '+' || c == '-' || c == '=')) ||
                   (c == '!' && i + 1 < n && s[i + 1] == '[');
        if (esc)
            ec_buf_putc(out, '\\');
        ec_buf_putc(out, c);
        line_start = false;
        i++;
    }
    *line_start_io = line_start;
}

static void escape(ec_buf *out, const char *s, size_t n)
{
    bool line_start = true;
    ec_markdown_escape(out, s, n, &line_start);
}

static const char *const extensions[] = {".md", NULL};

const ec_language ec_lang_markdown = {
    .name = "markdown",
    .extensions = extensions,
    .escape = escape,
    .prose = ec_inline_markdown,
};
