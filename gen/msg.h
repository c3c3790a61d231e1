/* msg.h: messages with ${name} placeholders. '$$' is a literal '$'; a '$'
** before anything but '{' or '$' is literal too. */
#ifndef EC_MSG_H
#define EC_MSG_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ec_msg_part {
    bool is_param;
    const char *text; /* literal text, or the placeholder's name */
    size_t len;
    size_t offset; /* byte offset of the part in the message */
} ec_msg_part;

typedef enum ec_msg_status { EC_MSG_PART, EC_MSG_END, EC_MSG_BAD } ec_msg_status;

/* Reads the next part of the message at '*cursor' (which starts at 'msg')
** and advances the cursor. Literal parts never contain "$$": it ends a part
** and the next part starts with its second '$'. Returns EC_MSG_BAD with the
** offending offset in part->offset for an unterminated placeholder or a
** name that is not an identifier. */
ec_msg_status ec_msg_next(const char *msg, const char **cursor, ec_msg_part *part);

#endif
