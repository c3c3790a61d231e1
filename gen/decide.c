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
        ms = (retry_after_s > EC_MAX_HEADER_DELAY_S ? EC_MAX_HEADER_DELAY_S : retry_after_s) * 1000;
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

/* Digits past this value change no delay (every one is capped at a day):
** reading stops growing there, which keeps the arithmetic exact. */
#define BIG 1000000000000000LL /* 10^15 */

/* Whole decimal digits with blanks (SP, HTAB) around, saturated at BIG. */
static bool whole(const char *s, int64_t *out)
{
    while (*s == ' ' || *s == '\t')
        s++;
    int64_t n = 0;
    bool digits = false;
    for (; *s >= '0' && *s <= '9'; s++, digits = true)
        n = n > BIG ? n : n * 10 + (*s - '0');
    while (*s == ' ' || *s == '\t')
        s++;
    *out = n;
    return digits && !*s;
}

bool ec_condition_holds(const ec_condition *w, const char *value)
{
    if (!value)
        return false;
    if (w->op == EC_COND_PRESENT)
        return true;
    while (*value == ' ' || *value == '\t')
        value++;
    size_t len = strlen(value);
    while (len && (value[len - 1] == ' ' || value[len - 1] == '\t'))
        len--;
    if (w->op == EC_COND_EQUALS)
        return strlen(w->equals) == len && memcmp(w->equals, value, len) == 0;
    bool neg = *value == '-';
    size_t digits = len - neg;
    if (!digits || digits > 18 || strspn(value + neg, "0123456789") < digits)
        return false;
    int64_t n = 0;
    for (size_t i = neg; i < len; i++)
        n = n * 10 + (value[i] - '0');
    n = neg ? -n : n;
    return w->op == EC_COND_AT_MOST ? n <= w->bound : n >= w->bound;
}

/* Days from 1970-01-01 to the proleptic Gregorian y-m-d (H. Hinnant's
** days_from_civil), written out so no time zone or locale takes part. */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* The year of the day 'days' from 1970-01-01 (civil_from_days). */
static int64_t year_of_days(int64_t days)
{
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    return yoe + era * 400 + (mp >= 10); /* January and February end the cycle */
}

/* Whether 's' has the shape 'mask': '9' a digit, '_' a space or a digit,
** 'a' a letter, anything else itself. */
static bool shaped(const char *s, const char *mask)
{
    for (; *mask; s++, mask++) {
        bool digit = *s >= '0' && *s <= '9';
        bool letter = (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z');
        bool ok = *s == *mask;
        if (*mask == '9' || *mask == '_')
            ok = digit || (*mask == '_' && *s == ' ');
        else if (*mask == 'a')
            ok = letter;
        if (!ok)
            return false;
    }
    return !*s;
}

/* The number of the 'n' characters at 's' (digits, or a space then one). */
static int64_t num(const char *s, size_t n)
{
    int64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] == ' ' ? 0 : s[i] - '0');
    return v;
}

/* The index in 'names' of the 'n' characters at 's', or -1. */
static int name_at(const char *const *names, int count, const char *s, size_t n)
{
    for (int i = 0; i < count; i++)
        if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
            return i;
    return -1;
}

static const char *const wkdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char *const weekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool ec_http_date(const char *s, int64_t ref_s, int64_t *out)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    char t[40]; /* the longest date is 33 characters */
    if (len >= sizeof t)
        return false;
    memcpy(t, s, len);
    t[len] = '\0';
    const char *comma = strchr(t, ',');
    /* The names of days the format spells and the length of the one sent;
    ** the date; where its "HH:MM:SS" is. */
    const char *const *days = wkdays;
    size_t wk = 3;
    int64_t y, mon, d;
    const char *tm;
    if (shaped(t, "aaa, 99 aaa 9999 99:99:99 GMT")) { /* IMF-fixdate */
        d = num(t + 5, 2), mon = name_at(months, 12, t + 8, 3), y = num(t + 12, 4), tm = t + 17;
    } else if (!comma && shaped(t, "aaa aaa _9 99:99:99 9999")) { /* asctime */
        mon = name_at(months, 12, t + 4, 3), d = num(t + 8, 2), y = num(t + 20, 4), tm = t + 11;
    } else if (comma && shaped(comma, ", 99-aaa-99 99:99:99 GMT")) { /* RFC 850 */
        d = num(comma + 2, 2), mon = name_at(months, 12, comma + 5, 3), tm = comma + 12;
        wk = (size_t)(comma - t), days = weekdays;
        int64_t ref_year = year_of_days(ref_s / 86400 - (ref_s % 86400 < 0));
        y = ref_year - ref_year % 100 + num(comma + 9, 2);
        if (y > ref_year + 50)
            y -= 100;
        else if (y <= ref_year - 50)
            y += 100;
    } else {
        return false;
    }
    if (name_at(days, 7, t, wk) < 0 || mon < 0)
        return false;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    int64_t h = num(tm, 2), mi = num(tm + 3, 2), sec = num(tm + 6, 2);
    if (d < 1 || d > mdays[mon] || (mon == 1 && d == 29 && !leap) || h > 23 || mi > 59 || sec > 60)
        return false;
    *out = days_from_civil(y, mon + 1, d) * 86400 + h * 3600 + mi * 60 + sec;
    return true;
}

int64_t ec_delay_seconds(ec_header_type t, const char *s, const char *date, int64_t now_s)
{
    int64_t n, at = 0, ref = now_s;
    bool is_whole = whole(s, &n);
    if (t == EC_HDR_SECONDS && is_whole)
        return n;
    if (t != EC_HDR_SECONDS && t != EC_HDR_EPOCH_SECONDS && t != EC_HDR_HTTP_DATE)
        return -1;
    if (date)
        ec_http_date(date, now_s, &ref); /* untouched when not a date */
    if (t == EC_HDR_EPOCH_SECONDS ? !is_whole : !ec_http_date(s, ref, &at))
        return -1;
    if (t == EC_HDR_EPOCH_SECONDS)
        at = n;
    return at > ref ? at - ref : 0;
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
