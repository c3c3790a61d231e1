/* classify.h: the reference reading of an HTTP error response through a
** catalog's envelope. Every binding's classify() must agree with this (the
** conformance vectors hold its answers); spec/FORMAT.md states the rules. */
#ifndef EC_CLASSIFY_H
#define EC_CLASSIFY_H

#include "catalog.h"
#include "decide.h"

typedef enum ec_match { EC_MATCH_NONE, EC_MATCH_CODE, EC_MATCH_FALLBACK, EC_MATCH_STATUS } ec_match;

/* What one domain read in a body, beside the primary entry. */
typedef struct ec_also {
    ec_match match; /* CODE or FALLBACK (a class's entry or the fallback) */
    const ec_domain *domain;
    const ec_code *code;
    const char *code_str;
} ec_also;

typedef struct ec_classified {
    ec_match match;
    const ec_domain *domain; /* for CODE and FALLBACK */
    const ec_code *code;     /* the code, or the fallback or class entry (FALLBACK) */
    const ec_status *status; /* for STATUS */
    const char *code_str;    /* the code as the body spelled it (CODE, FALLBACK) */
    const char *message;     /* the body's message, else the entry's (formatted) */
    ec_value details;        /* the body's details, or null */
    ec_value echo;           /* map of the echoed fields present, then echoed headers */
    const ec_also *also;     /* every other domain that read a code, in catalog order */
    size_t nalso;
    const ec_policy *policy; /* the one that decided: the entry's, or a condition's */
    ec_decision decision;
} ec_classified;

/* A catalog ready for classification: its codes indexed by domain. */
typedef struct ec_classifier ec_classifier;

/* Indexes the codes of 'c' (validated), which must outlive the result.
** Release with ec_classifier_free. */
ec_classifier *ec_classifier_new(const ec_catalog *c);
void ec_classifier_free(ec_classifier *k);

/* Classifies a response with HTTP 'status', 'headers' (a map of header
** name to string; names compare without case) and 'body' (any value, null
** for none) after attempt number 'attempt'. A delay header that names a
** point in time is read against the Date header, else 'now_s' (seconds
** since 1970). Strings live in 'a'. */
ec_classified ec_classify(const ec_classifier *k, ec_arena *a, int64_t status,
                          const ec_value *headers, const ec_value *body, int64_t attempt,
                          int64_t now_s);

/* The policy that decides for a response with 'headers': that of the first
** of p's conditions that holds, else 'p'. */
/* The arguments of the message of a classified entry ('r', of a CODE or
** FALLBACK match): ${code} of a fallback or a class, then each parameter
** read 'from' 'body' that it holds as a string, integer or boolean; their
** names and texts into *names and *args, allocated in 'a'. Returns how many. */
size_t ec_classify_args(ec_arena *a, const ec_classified *r, const ec_value *body,
                        const char ***names, const char ***args);

const ec_policy *ec_policy_for(const ec_policy *p, ec_arena *a, const ec_value *headers);

/* What domain number 'domain' makes of a code as sent: 'code' a string in
** a symbolic domain, an integer or a string of a decimal integer in a
** numeric one (classify's rule). 'known' when the domain lists it (retired
** or not: old responses still read); then 'entry' is its code. Otherwise
** 'entry' is its class's generic entry ('cls' set), else the domain's
** fallback when its range holds the code, else NULL: the bindings' decode()
** must agree (the vectors' "decode" cases). */
typedef struct ec_decoded {
    bool known;
    const ec_code *entry;
    const ec_class *cls;
} ec_decoded;
ec_decoded ec_decode(const ec_classifier *k, size_t domain, const ec_value *code);

/* The value at a dotted path ("status.message") of 'body', or NULL (also
** for a NULL path). */
const ec_value *ec_classify_path(const ec_value *body, const char *path);

#endif
