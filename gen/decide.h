/* decide.h: the reference semantics of the retry decision and of message
** formatting. Every generated binding must agree with these; the
** conformance vectors are computed from them. See spec/FORMAT.md. */
#ifndef EC_DECIDE_H
#define EC_DECIDE_H

#include "buf.h"
#include "catalog.h"

/* No delay exceeds this many milliseconds (2^31 - 1, about 24.8 days): the
** bound keeps every language's arithmetic exact (JavaScript included). */
#define EC_MAX_DELAY_MS 2147483647LL

typedef struct ec_decision {
    bool retry;
    int64_t delay_ms;
    ec_action action;
} ec_decision;

/* 'attempt' is the number of the attempt that failed (1 for the first;
** less counts as 1); 'retry_after_s' the delay header's value in seconds,
** negative when the response did not carry it. */
ec_decision ec_decide(const ec_policy *p, int64_t attempt, int64_t retry_after_s);

/* Fills the placeholders of 'message': ${name} takes args[i] where
** names[i] is 'name' (i < n); a placeholder without a value (name not
** found, or its arg NULL) stays as written; $$ is a literal $. */
void ec_format_message(const char *message, const char *const *names, const char *const *args,
                       size_t n, ec_buf *out);

#endif
