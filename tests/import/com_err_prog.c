/* com_err_prog.c: a program written against compile_et's output, built
** once with compile_et's header and C file and once with errcat's com_err
** target's, unchanged, and linked with libcom_err: both builds must print
** the same. -DHEADER="<name>_err.h" -DT=<name>; names.inc lists the codes
** as X(NAME) (made from compile_et's header). It uses what such programs
** use: the code macros, ERROR_TABLE_BASE_<name>, the initialize functions
** and the older names, and error_message() for every place of the table
** and past it. */
#include HEADER

#include <stdio.h>

#define CAT3_(a, b, c) a##b##c
#define CAT3(a, b, c) CAT3_(a, b, c)
#define BASE CAT3(ERROR_TABLE_BASE_, T, )

int main(void)
{
    CAT3(initialize_, T, _error_table)();
    CAT3(init_, T, _err_tbl)(); /* a second registration changes nothing */
    void (*heimdal)(struct et_list **) = CAT3(initialize_, T, _error_table_r);
    printf("%d %d\n", heimdal != NULL, CAT3(et_, T, _error_table).n_msgs);
#define X(name) printf("%s %ld %s\n", #name, (long)(name), error_message(name));
#include "names.inc"
#undef X
    for (long i = 0; i <= 256; i++)
        printf("%ld %s\n", (long)BASE + i, error_message(BASE + i));
    printf("base %ld %ld\n", (long)CAT3(, T, _err_base), (long)BASE);
    return 0;
}
