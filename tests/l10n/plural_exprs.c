/* plural_exprs.c: the plural conditions ec_plural_write spells, checked
** against the rules they were written from, for every locale CLDR knows.
**   plural_exprs c    a C program that prints each set's category of N
**   plural_exprs py   the same program in Python
**   plural_exprs ref  what they must print, from ec_plural_select
** tests/l10n/run.sh compiles and runs the first two and compares. */
#include "plural.h"

#include <stdio.h>
#include <string.h>

/* The integers tried: every value up to 1200 (all the mod 100 and mod 1000
** classes), and around the millions that French and Spanish call "many". */
static const unsigned long long ranges[][2] = {
    {0, 1200}, {999990, 1000010}, {1999999, 2000001}, {1000000000, 1000000000}};
#define NRANGES (sizeof ranges / sizeof ranges[0])

static void function(const ec_plural_set *set, size_t i, int py)
{
    const char *and_op = py ? " and " : " && ", *or_op = py ? " or " : " || ";
    if (py)
        printf("def set_%zu(n):\n", i);
    else
        printf("static int set_%zu(unsigned long long n)\n{\n    (void)n;\n", i);
    for (int p = 0; p < EC_PLURAL_OTHER; p++) {
        if (!set->rules[p])
            continue;
        ec_buf b;
        ec_plural_truth t;
        ec_buf_init(&b);
        if (ec_plural_write(&b, set->rules[p], "n", and_op, or_op, &t) < 0)
            printf("#error %s\n", set->rules[p]);
        if (t == EC_PLURAL_ALWAYS)
            printf(py ? "    return %d\n" : "    return %d;\n", p);
        else if (t == EC_PLURAL_SOMETIMES)
            printf(py ? "    if %s:\n        return %d\n" : "    if (%s)\n        return %d;\n",
                   b.data, p);
        ec_buf_free(&b);
    }
    printf(py ? "    return %d\n\n" : "    return %d;\n}\n\n", EC_PLURAL_OTHER);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "ref";
    int py = !strcmp(mode, "py");
    if (!strcmp(mode, "ref")) {
        for (size_t i = 0; i < ec_plural_ncldr; i++)
            for (size_t r = 0; r < NRANGES; r++)
                for (unsigned long long n = ranges[r][0]; n <= ranges[r][1]; n++)
                    printf("%zu %llu %d\n", i, n,
                           (int)ec_plural_select(&ec_plural_cldr[i], (long long)n));
        return 0;
    }
    if (!py)
        printf("#include <stdio.h>\n\n");
    for (size_t i = 0; i < ec_plural_ncldr; i++)
        function(&ec_plural_cldr[i], i, py);
    if (py) {
        printf("for i, f in enumerate([");
        for (size_t i = 0; i < ec_plural_ncldr; i++)
            printf("%sset_%zu", i ? ", " : "", i);
        printf("]):\n    for lo, hi in [");
        for (size_t r = 0; r < NRANGES; r++)
            printf("%s(%llu, %llu)", r ? ", " : "", ranges[r][0], ranges[r][1]);
        printf("]:\n        for n in range(lo, hi + 1):\n"
               "            print(i, n, f(n))\n");
        return 0;
    }
    printf("static int (*const sets[])(unsigned long long) = {");
    for (size_t i = 0; i < ec_plural_ncldr; i++)
        printf("%sset_%zu", i ? ", " : "", i);
    printf("};\nstatic const unsigned long long ranges[][2] = {");
    for (size_t r = 0; r < NRANGES; r++)
        printf("%s{%lluULL, %lluULL}", r ? ", " : "", ranges[r][0], ranges[r][1]);
    printf("};\n\nint main(void)\n{\n"
           "    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)\n"
           "        for (size_t r = 0; r < sizeof ranges / sizeof ranges[0]; r++)\n"
           "            for (unsigned long long n = ranges[r][0]; n <= ranges[r][1]; n++)\n"
           "                printf(\"%%zu %%llu %%d\\n\", i, n, sets[i](n));\n"
           "    return 0;\n}\n");
    return 0;
}
