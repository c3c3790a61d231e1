/* decide.c: reference retry decision and message formatting. */
#include "decide.h"

#include "msg.h"

#include <string.h>

static int64_t clamp(int64_t ms)
{
    return ms > EC_MAX_DELAY_MS ? EC_MAX_DELAY_MS : ms;
}

ec_decision ec_decide(const ec_policy *p, int64_t attempt, int64_t retry_after_s)
{
    ec_decision d = {false, 0, p->action};
    if (attempt < 1)
        attempt = 1;
    if (p->retry != EC_RETRY_ALWAYS && p->retry != EC_RETRY_AFTER_ACTION)
        return d;
    if (p->max_attempts > 0 && attempt >= p->max_attempts)
        return d;
    d.retry = true;
    int64_t ms;
    if (p->delay_header && retry_after_s >= 0) {
        ms = retry_after_s > EC_MAX_DELAY_MS / 1000 ? EC_MAX_DELAY_MS : retry_after_s * 1000;
    } else {
        ms = p->default_ms;
        if (p->backoff == EC_BACKOFF_LINEAR) {
            /* ms is at most a day, so the product fits once attempt is bounded */
            ms = ms && attempt > EC_MAX_DELAY_MS ? EC_MAX_DELAY_MS : clamp(ms * attempt);
        } else if (p->backoff == EC_BACKOFF_EXPONENTIAL) {
            for (int64_t i = 1; i < attempt && ms < EC_MAX_DELAY_MS && ms > 0; i++)
                ms = clamp(ms * 2);
        }
    }
    if (p->max_ms > 0 && ms > p->max_ms)
        ms = p->max_ms;
    d.delay_ms = clamp(ms);
    return d;
}

void ec_format_message(const char *message, const char *const *names, const char *const *args,
                       size_t n, ec_buf *out)
{
    const char *cur = message;
    ec_msg_part part;
    ec_msg_status st;
    while ((st = ec_msg_next(message, &cur, &part)) == EC_MSG_PART) {
        const char *value = NULL;
        for (size_t i = 0; part.is_param && i < n && !value; i++)
            if (strlen(names[i]) == part.len && memcmp(names[i], part.text, part.len) == 0)
                value = args[i];
        if (!part.is_param)
            ec_buf_put(out, part.text, part.len);
        else if (value)
            ec_buf_puts(out, value);
        else
            ec_buf_put(out, message + part.offset, part.len + 3);
    }
    if (st == EC_MSG_BAD) /* validated messages have none; keep the rest as is */
        ec_buf_puts(out, message + part.offset);
}
