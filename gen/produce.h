/* produce.h: the reference making of an error response from a catalog
** entry, the server's side of classify.h: the HTTP status, the headers and
** the body (in the catalog's envelope, as RFC 9457 problem details or as a
** google.rpc.Status). Every binding's produce must agree with this (the
** conformance vectors hold its answers); spec/FORMAT.md states the rules. */
#ifndef EC_PRODUCE_H
#define EC_PRODUCE_H

#include "catalog.h"

typedef enum ec_form { EC_FORM_ENVELOPE,
                       EC_FORM_PROBLEM,
                       EC_FORM_RPC } ec_form;

/* "envelope", "problem", "rpc"; NULL-terminated. */
extern const char *const ec_form_names[];

typedef struct ec_produced {
    int64_t status;
    ec_value headers; /* a list of [name, value] pairs of strings */
    ec_value body;    /* the JSON body */
} ec_produced;

/* The response of code 'e' of domain 'dom', or (dom and e NULL) of status
** 'st', with the values 'params' (a map of placeholder name to a string,
** an integer, a decimal's JSON text as a string, or a boolean, as the
** placeholder's type asks), in form 'form'. 'instance' (or NULL) is the
** problem's instance; 'details' (or NULL) goes at the envelope's details
** path; 'echo' (or NULL) maps echo fields of the envelope that applies to
** their values: a body field (an `echo` path) any JSON value, put at its
** path after the details in the envelope form only; an echoed header (an
** `echo_headers` name) a string, sent in every form after the delay
** header. A delay header that names a point in time counts from 'now_s'.
** False when a placeholder lacks its value, a value is not of its type,
** a name is no placeholder of the entry, or an echo name is no echo field
** of the envelope (or a header's value no string, or one with a CR or an
** LF). Strings live in 'a'. */
bool ec_produce(const ec_catalog *c, ec_arena *a, const ec_domain *dom, const ec_code *e,
                const ec_status *st, const ec_value *params, ec_form form, const char *instance,
                const ec_value *details, const ec_value *echo, int64_t now_s, ec_produced *out);

/* ec_produce, and in the rpc form asked for 'locale' (a tag or an
** Accept-Language value; NULL: none), a google.rpc.LocalizedMessage detail
** last when the locale the message falls back to (l10n.h's ec_l10n_text)
** is a translation's: {"@type", "locale": that tag, "message": the message
** formatted in it}. 'message' stays the source's, as Google's API design
** guide keeps it; a message in the source locale is no localized one. */
bool ec_produce_in(const ec_catalog *c, ec_arena *a, const ec_domain *dom, const ec_code *e,
                   const ec_status *st, const ec_value *params, ec_form form, const char *instance,
                   const ec_value *details, const ec_value *echo, int64_t now_s, const char *locale,
                   ec_produced *out);

/* The gRPC code of a code (its own, else its status's) or of a status. */
int ec_grpc_of(const ec_catalog *c, const ec_code *e, const ec_status *st);

/* A code's problem type URI: docs_url#<anchor>, or a tag: URI without
** docs_url (as the openapi target writes it). */
const char *ec_problem_type(ec_arena *a, const ec_catalog *c, const ec_domain *dom,
                            const ec_code *e);

/* A problem's title: the message with each placeholder written {name}. */
const char *ec_problem_title(ec_arena *a, const char *message);

/* Whether the status of an entry with policy 'p' lists p's delay header:
** then produce sends it. 'st' may be NULL. */
bool ec_sends_delay(const ec_status *st, const ec_policy *p);

/* Writes 'when' (seconds since 1970) as an IMF-fixdate. */
void ec_imf_fixdate(int64_t when, ec_buf *out);

#endif
