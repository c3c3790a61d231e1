/* Custom preamble for Tiny API. */
#ifndef TINY_ERRORS_H
#define TINY_ERRORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Whether repeating a failed request can succeed. */
typedef enum tiny_retry {
    TINY_RETRY_NEVER,       /* repeating it fails again */
    TINY_RETRY_ALWAYS,      /* repeat it after the delay */
    TINY_RETRY_MAYBE,       /* a repeat may succeed: let the caller decide */
    TINY_RETRY_DEPENDS,     /* read the details before deciding */
    TINY_RETRY_AFTER_ACTION /* repeat it once the action is done */
} tiny_retry;

/* What to do before (or instead of) repeating a request. */
typedef enum tiny_action {
    TINY_ACTION_NONE,
    TINY_ACTION_FIX_REQUEST,
    TINY_ACTION_CHECK_CREDENTIALS,
    TINY_ACTION_REQUOTE,
    TINY_ACTION_RESUBMIT_SAME,
    TINY_ACTION_POLL_STATUS,
    TINY_ACTION_REDUCE_SIZE,
    TINY_ACTION_ADJUST_REQUEST,
    TINY_ACTION_CONTACT_SUPPORT
} tiny_action;

/* How the delay grows with the attempt number. */
typedef enum tiny_backoff {
    TINY_BACKOFF_NONE,
    TINY_BACKOFF_LINEAR,
    TINY_BACKOFF_EXPONENTIAL
} tiny_backoff;

/* How a delay header's value reads: the type the catalog declares for it. */
typedef enum tiny_delay_type {
    TINY_DELAY_SECONDS,       /* delay-seconds, or an HTTP-date (as Retry-After) */
    TINY_DELAY_EPOCH_SECONDS, /* the time to retry at, in seconds since 1970 */
    TINY_DELAY_HTTP_DATE      /* the time to retry at, as an HTTP-date */
} tiny_delay_type;

/* How loudly a user interface should show an error, and to whom. */
typedef enum tiny_severity {
    TINY_SEVERITY_INFO,
    TINY_SEVERITY_WARNING,
    TINY_SEVERITY_ERROR,
    TINY_SEVERITY_CRITICAL
} tiny_severity;

typedef enum tiny_audience {
    TINY_AUDIENCE_USER,
    TINY_AUDIENCE_DEVELOPER,
    TINY_AUDIENCE_OPERATOR
} tiny_audience;

/* The code spaces of the catalog; HTTP statuses belong to none. */
typedef enum tiny_domain {
    TINY_DOMAIN_NONE = -1,
    TINY_DOMAIN_APP
} tiny_domain;

/* The codes of domain 'app'. */
enum tiny_app_code {
    TINY_APP_GONE_FISHING = 7
};

/* What kind of entry: a code of a domain, a domain's fallback for the codes
** it does not list, or an HTTP status. */
typedef enum tiny_kind {
    TINY_KIND_CODE,
    TINY_KIND_FALLBACK,
    TINY_KIND_STATUS
} tiny_kind;

/* A retry policy: see tiny_decide for how it is applied. */
typedef struct tiny_policy {
    const char *name; /* NULL for a policy written inline */
    tiny_retry retry;
    tiny_action action;
    tiny_delay_type delay_type;
    const char *delay_header; /* read as delay_type, it overrides the delay; or NULL */
    int32_t default_ms;       /* delay before the first retry */
    int32_t max_ms;           /* cap on any delay; 0 for none */
    tiny_backoff backoff;
    bool idempotent;      /* repeating the same request is safe */
    int32_t max_attempts; /* attempts in all, the first included; 0 for no limit */
    const char *advice;
} tiny_policy;

/* One code, fallback or HTTP status: a handle that the lookups return
** (NULL when there is none) and the tiny_entry_* functions
** read. Its data lives in constant tables: a handle stays valid for the
** life of the program, and two handles of one entry are equal. */
typedef struct tiny_entry tiny_entry;

/* The answer of tiny_decide. */
typedef struct tiny_decision {
    bool retry;
    int64_t delay_ms; /* wait this long first; 0 when not retrying */
    tiny_action action;
} tiny_decision;

/* Every entry: the codes of each domain, the fallbacks, then the statuses.
** tiny_entry_at returns entry number i, or NULL when
** i >= tiny_entry_count. */
extern const size_t tiny_entry_count;
const tiny_entry *tiny_entry_at(size_t i);

/* What an entry says. Each takes an entry a lookup returned, never NULL;
** the strings are never NULL either, except code_str and name of a
** fallback and ui_hint of an entry without UI guidance. */
tiny_kind tiny_entry_kind(const tiny_entry *e);
/* DOMAIN_NONE for a status. */
tiny_domain tiny_entry_domain(const tiny_entry *e);
/* The code, the enum value of a symbolic code, or the status; 0 for a
** fallback. */
int64_t tiny_entry_code(const tiny_entry *e);
/* The code as sent: "QUOTE_EXPIRED", "-1005", "429". */
const char *tiny_entry_code_str(const tiny_entry *e);
/* The symbolic name. */
const char *tiny_entry_name(const tiny_entry *e);
/* The typical HTTP status, 0 when none is known. */
int tiny_entry_status(const tiny_entry *e);
/* May hold ${name} placeholders: see tiny_format. */
const char *tiny_entry_message(const tiny_entry *e);
const char *tiny_entry_description(const tiny_entry *e);
/* How to debug or fix it. */
const char *tiny_entry_hint(const tiny_entry *e);
const tiny_policy *tiny_entry_retry(const tiny_entry *e);
/* The placeholder names of the message, in argument order: param i, or
** NULL when i >= param_count. */
size_t tiny_entry_param_count(const tiny_entry *e);
const char *tiny_entry_param(const tiny_entry *e, size_t i);
/* How a user interface should show it. */
const char *tiny_entry_ui_hint(const tiny_entry *e);
tiny_severity tiny_entry_severity(const tiny_entry *e);
tiny_audience tiny_entry_audience(const tiny_entry *e);
bool tiny_entry_deprecated(const tiny_entry *e);
/* No longer sent; kept so that old responses still classify. */
bool tiny_entry_retired(const tiny_entry *e);

/* Returns the entry of 'code' in 'domain', or NULL when the domain does not
** list it, or lists it as retired (a retired code must not be raised again),
** or has symbolic codes (use tiny_lookup_str). */
const tiny_entry *tiny_lookup(tiny_domain domain, int64_t code);

/* Returns the entry of the code spelled 'code' (a symbolic code, or a number
** in decimal for a numeric domain), or NULL (also when retired). */
const tiny_entry *tiny_lookup_str(tiny_domain domain, const char *code);

/* Returns the entry named 'name' in 'domain', or NULL (also when retired). */
const tiny_entry *tiny_lookup_name(tiny_domain domain, const char *name);

/* Returns the entry of the code spelled 'code', retired codes included: to
** read a response, which may be older than the code's retirement. NULL when
** the domain does not list the code. */
const tiny_entry *tiny_recognise(tiny_domain domain, const char *code);

/* Returns the entry of HTTP status 'status', or NULL when the catalog does
** not list it. */
const tiny_entry *tiny_lookup_status(int status);

/* Returns the fallback of 'domain' (for codes it does not list), or NULL. */
const tiny_entry *tiny_fallback(tiny_domain domain);

/* Returns the delay in whole seconds (never negative) that 'value', the value
** of policy p's delay header, asks for, read by p->delay_type: for SECONDS
** delay-seconds or an HTTP-date, for EPOCH_SECONDS a time in seconds since
** 1970, for HTTP_DATE an HTTP-date (IMF-fixdate, RFC 850 or asctime). A time
** counts from the response's Date header 'date' when it is an HTTP-date (NULL
** when absent), else from 'now_s' (seconds since 1970: time(NULL)); a past
** one is 0. Returns -1 when p names no delay header, 'value' is NULL or not
** of the type: pass the result to tiny_decide as is. */
int64_t tiny_delay_seconds(const tiny_policy *p, const char *value, const char *date, int64_t now_s);

/* Decides whether to retry after attempt number 'attempt' (1 for the first
** request) failed with entry 'e'. 'retry_after_s' is the delay in seconds
** that the policy's delay header asks for (tiny_delay_seconds),
** or negative when the response had none or it did not read. Only
** RETRY_ALWAYS and RETRY_AFTER_ACTION retry, while attempts remain; the
** delay is the header's (at most a day), else default_ms grown by the
** backoff, capped at max_ms and at 2^31 - 1 ms. A NULL 'e' never retries. */
tiny_decision tiny_decide(const tiny_entry *e, int attempt, int64_t retry_after_s);

/* Writes e's message with each ${name} replaced by args[i], where
** tiny_entry_param(e, i) is name, into 'buf' as snprintf does: never more than 'size'
** bytes, NUL-terminated when size > 0. A placeholder without an argument
** (i >= nargs or args[i] NULL) stays as written; $$ is a literal $.
** Returns the length of the whole message, without the NUL. */
size_t tiny_format(const tiny_entry *e, char *buf, size_t size, const char *const *args, size_t nargs);

/* Reading an error response: tiny_classify. */

/* What an entry was found by. */
typedef enum tiny_match {
    TINY_MATCH_NONE,     /* no code, fallback nor status: no entry */
    TINY_MATCH_CODE,     /* a code the body holds */
    TINY_MATCH_FALLBACK, /* a code its domain does not list */
    TINY_MATCH_STATUS    /* the HTTP status */
} tiny_match;

/* Bytes of the body: 'data' is NULL when the body has no such value. */
typedef struct tiny_span {
    const char *data;
    size_t len;
} tiny_span;

/* A response header; both strings NUL-terminated. */
typedef struct tiny_header {
    const char *name;
    const char *value;
} tiny_header;

/* Returns the value of the header 'name' (compare names without ASCII
** case), or NULL: for headers kept in a structure of the caller's. */
typedef const char *tiny_header_fn(void *ctx, const char *name);

/* The most codes a classification's 'also' holds: one a domain. */
enum { TINY_MAX_ALSO = 0 + 1 };

/* The most response headers a classification echoes: one a response header
** the catalog declares. */
enum { TINY_MAX_ECHO_HEADERS = 1 };

/* A code of another domain than the entry's that a classified body holds (a
** payment's decline code beside its error code). */
typedef struct tiny_also {
    /* MATCH_CODE for a code its domain lists, MATCH_FALLBACK for its
    ** class's entry or its domain's fallback. */
    tiny_match match;
    /* Never NULL; tiny_entry_domain gives its domain. */
    const tiny_entry *entry;
    /* The code read, as a classification's 'code' (see
    ** tiny_also_code). */
    tiny_span code;
    bool code_is_string;
} tiny_also;

/* What tiny_classify read. The spans point into the body:
** they live as long as it does. */
typedef struct tiny_classification {
    tiny_match match;
    /* NULL for MATCH_NONE. */
    const tiny_entry *entry;
    /* The code read, for MATCH_CODE and MATCH_FALLBACK: a string's raw text
    ** (between the quotes, escapes as sent) when code_is_string, else an
    ** integer's JSON text. tiny_classify_code spells it as
    ** the entry does. */
    tiny_span code;
    bool code_is_string;
    /* The body's message when it is a string, its raw text as 'code' (see
    ** tiny_classify_message and tiny_unescape). */
    tiny_span message;
    /* The details: the JSON text of any value, a string with its quotes. */
    tiny_span details;
    tiny_decision decision;
    /* What every other domain read in the body, in catalog order: nalso of
    ** them. */
    tiny_also also[TINY_MAX_ALSO];
    size_t nalso;
    /* The envelope's echoed response headers that the response carries, in
    ** its order: necho_headers of them, each name as the envelope spells
    ** it and the value that the headers gave (it lives as long as they do). */
    tiny_header echo_headers[TINY_MAX_ECHO_HEADERS];
    size_t necho_headers;
    /* For tiny_classify_echo: the body and its envelope. */
    const char *body;
    size_t body_len;
    size_t envelope;
} tiny_classification;

/* Reads an error response, after attempt number 'attempt' (1 for the first)
** failed: its HTTP 'status', its 'nheaders' headers (names compare without
** ASCII case; the first of a name counts) and its JSON 'body' of 'body_len'
** bytes (NULL and 0 for none), into *out. Each domain reads the code at its
** code path: a code it lists (a retired one too), else the entry of the
** code's class, else its fallback when its range holds the code. The entry
** is the first listed code of a domain that is not secondary (in catalog
** order), else the first class entry or fallback of one, else that of the
** status; 'also' holds what every other domain read. The policy is the
** entry's, or that of its first condition on a response header that holds.
** The decision reads that policy's delay header by its type
** (tiny_delay_seconds) against the response's Date header,
** else 'now_s' (seconds since 1970: time(NULL)).
** The body is read strictly and never past body_len: JSON (RFC 8259) in
** UTF-8, nested at most 64 deep; any other body counts as none. A key sent
** twice counts last; a code sent with escapes is compared unescaped, up to
** 255 bytes. Allocates nothing; thread-safe. */
void tiny_classify(int status, const tiny_header *headers, size_t nheaders, const char *body, size_t body_len, int attempt, int64_t now_s, tiny_classification *out);

/* tiny_classify with the headers read through get(ctx, name). */
void tiny_classify_with(int status, tiny_header_fn *get, void *ctx, const char *body, size_t body_len, int attempt, int64_t now_s, tiny_classification *out);

/* Writes the message of a classification into 'buf' as snprintf does: the
** body's (unescaped), else the entry's (${code} of a fallback or a class
** and each placeholder read from the body filled: a string unescaped, an
** integer in decimal, true or false; a status's title as it is), else "".
** Returns the length of the whole message, without the NUL. */
size_t tiny_classify_message(const tiny_classification *r, char *buf, size_t size);

/* Writes the code as the entry spells it (a numeric code in plain decimal,
** a string unescaped) into 'buf' as snprintf does; "" when none was read.
** Returns the length of the whole code, without the NUL. */
size_t tiny_classify_code(const tiny_classification *r, char *buf, size_t size);

/* Writes the code of 'a' (one of a classification's 'also') as
** tiny_classify_code writes a classification's. */
size_t tiny_also_code(const tiny_also *a, char *buf, size_t size);

/* Echo field number i of the envelope that applied: its dotted path into
** *path and the JSON text of its value into *value (data NULL when the body
** lacks it).
** Returns false when i is past the last field. */
bool tiny_classify_echo(const tiny_classification *r, size_t i, const char **path, tiny_span *value);

/* Writes the raw text of a string (a span that classify returned for a
** string) unescaped, as UTF-8, into 'buf' as snprintf does. Returns the
** length of the whole text, without the NUL; \u0000 writes a NUL byte, so
** the text may hold one before its end. */
size_t tiny_unescape(tiny_span raw, char *buf, size_t size);

/* Producing an error response: tiny_produce. */

/* The body of a produced response. */
typedef enum tiny_form {
    TINY_FORM_ENVELOPE, /* the catalog's envelope (application/json) */
    TINY_FORM_PROBLEM,  /* RFC 9457 problem details (application/problem+json) */
    TINY_FORM_RPC       /* a google.rpc.Status as JSON (application/json) */
} tiny_form;

/* Writes the HTTP/1.1 response of code or status 'e' into 'buf' as snprintf
** does (never more than 'size' bytes, NUL-terminated when size > 0): the
** status line (the code's status, else 500), Content-Type, the policy's
** delay header when the status carries it (a first retry's delay; a point
** in time counts from 'now_s', seconds since 1970), Content-Length, a blank
** line and the body in 'form' (spec/FORMAT.md, "Producing a response").
** args[i] is the value of placeholder tiny_entry_param(e, i) as text: any
** text for a string, a JSON number for an integer (without fraction) or a
** decimal, true or false for a boolean; nargs must be the param count.
** 'instance' (or NULL) is a problem's instance; 'details' (or NULL) is the
** JSON text the envelope's details path gets, written as it is. Returns the
** length of the whole response, without the NUL; 0 (and "") when e cannot
** be produced (a fallback, a retired code) or an argument lacks or does not
** read as its type. Allocates nothing; thread-safe. */
size_t tiny_produce(const tiny_entry *e, const char *const *args, size_t nargs, tiny_form form, const char *instance, const char *details, int64_t now_s, char *buf, size_t size);

/* tiny_produce with values of the echo fields of e's envelope: echo[i].name
** is an echo path, whose value (JSON text, written as it is) goes at its
** path in the envelope form, or an echoed header, whose value (text) is
** sent in every form after the delay header. Returns 0 (and "") as
** tiny_produce does, and when a name is neither or a header's value holds
** a CR or an LF. */
size_t tiny_produce_echo(const tiny_entry *e, const char *const *args, size_t nargs, tiny_form form, const char *instance, const char *details, const tiny_header *echo, size_t necho, int64_t now_s, char *buf, size_t size);

/* The gRPC status of code or status 'e' (0 OK … 16 UNAUTHENTICATED): the
** catalog's grpc, else the one google.rpc's code.proto maps its HTTP status
** to; -1 for an entry that tiny_produce cannot send. */
int tiny_entry_grpc(const tiny_entry *e);

/* The name of gRPC code 'code' ("NOT_FOUND"), or NULL past 16. */
const char *tiny_grpc_name(int code);

/* The HTTP status of gRPC code 'code', as code.proto maps it. */
int tiny_grpc_http_status(int code);

#ifdef __cplusplus
}
#endif

#endif
