/* The program of README.md's CMake and Makefile snippets: prints the status
** and the message of QUOTE_EXPIRED, from the generated swap_errors.h. */
#include "swap_errors.h"

#include <stdio.h>

int main(void)
{
    const swap_entry *e = swap_lookup_str(SWAP_DOMAIN_ERRORS, "QUOTE_EXPIRED");
    if (!e)
        return 1;
    printf("%d %s\n", swap_entry_status(e), swap_entry_message(e));
    return 0;
}
