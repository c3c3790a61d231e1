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

/* A delay read from a header is at most a day (the largest max_ms), so an
** absurd value cannot park a client for weeks. */
#define EC_MAX_HEADER_DELAY_S 86400

typedef struct ec_decision {
    bool retry;
    int64_t delay_ms;
    ec_action action;
} ec_decision;

/* 'attempt' is the number of the attempt that failed (1 for the first;
** less counts as 1); 'retry_after_s' the delay the header asks for in
** seconds (ec_delay_seconds), negative when the response did not carry it. */
ec_decision ec_decide(const ec_policy *p, int64_t attempt, int64_t retry_after_s);

/* Whether condition 'w' holds for its header's value 'value' (NULL when
** the response lacks the header). Blanks (SP, HTAB) around the value do not
** count; at_most and at_least read an optional '-' and 1 to 18 digits, and
** anything else fails them. */
bool ec_condition_holds(const ec_condition *w, const char *value);

/* The time an HTTP-date means (RFC 9110 section 5.6.7: IMF-fixdate, RFC 850
** or asctime; blanks around allowed) in seconds since 1970 into '*out'.
** 'ref_s' places RFC 850's two-digit year: the year ending in those digits
** that is at most 50 years after the reference year and fewer than 50
** before it. False, '*out' untouched, when 's' is not such a date. */
bool ec_http_date(const char *s, int64_t ref_s, int64_t *out);

/* The delay in whole seconds, never negative, that the value 's' of a delay
** header of type 't' asks for; -1 when 's' is not a value of that type.
** 'seconds' reads delay-seconds, or an HTTP-date (Retry-After allows both);
** 'epoch-seconds' and 'http-date' a point in time, taken against the
** response's Date header 'date' when it is an HTTP-date, else 'now_s'
** (seconds since 1970). Other types give -1. */
int64_t ec_delay_seconds(ec_header_type t, const char *s, const char *date, int64_t now_s);

/* Fills the placeholders of 'message': ${name} takes args[i] where
** names[i] is 'name' (i < n); a placeholder without a value (name not
** found, or its arg NULL) stays as written; $$ is a literal $. */
void ec_format_message(const char *message, const char *const *names, const char *const *args,
                       size_t n, ec_buf *out);

#endif
