/* et_dump.c: every place of a com_err table built by compile_et (or by
** errcat's com_err target), one "code<TAB>message" line each, read from
** the table itself: what error_message() would say for each code. Built
** with -DTABLE=et_<name>_error_table against the table's C file. */
#include <et/com_err.h>
#include <stdio.h>

extern const struct error_table TABLE;

int main(void)
{
    for (int i = 0; i < TABLE.n_msgs; i++)
        printf("%ld\t%s\n", TABLE.base + i, TABLE.msgs[i]);
    return 0;
}
