/* msg.c: placeholder scanning, shared by validation and the view. */
#include "msg.h"

#include <string.h>

static bool ident_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool ident_char(char c)
{
    return ident_start(c) || (c >= '0' && c <= '9');
}

ec_msg_status ec_msg_next(const char *msg, const char **cursor, ec_msg_part *part)
{
    const char *p = *cursor;
    if (!*p)
        return EC_MSG_END;
    part->offset = (size_t)(p - msg);
    if (p[0] == '$' && p[1] == '{') {
        const char *name = p + 2, *q = name;
        while (ident_char(*q))
            q++;
        if (*q != '}' || q == name || !ident_start(*name))
            return EC_MSG_BAD;
        part->is_param = true;
        part->text = name;
        part->len = (size_t)(q - name);
        *cursor = q + 1;
        return EC_MSG_PART;
    }
    part->is_param = false;
    if (p[0] == '$' && p[1] == '$') {
        part->text = p + 1; /* the literal '$', then carry on after both */
        part->len = 1;
        *cursor = p + 2;
        return EC_MSG_PART;
    }
    const char *q = p + 1;
    while (*q && !(q[0] == '$' && (q[1] == '{' || q[1] == '$')))
        q++;
    part->text = p;
    part->len = (size_t)(q - p);
    *cursor = q;
    return EC_MSG_PART;
}
