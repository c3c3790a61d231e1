/* Looks a code up in the generated tables: `lookup OUT_OF_STOCK` prints
** "409 Out of stock". */
#include "shop_errors.h"

#include <stdio.h>

int other(void);

int main(int argc, char **argv)
{
    const shop_entry *e = shop_lookup_str(SHOP_DOMAIN_ORDERS, argc > 1 ? argv[1] : "OUT_OF_STOCK");
    if (!e) {
        fputs("unknown code\n", stderr);
        return 1;
    }
    printf("%d %s\n", shop_entry_status(e), shop_entry_message(e));
    return other();
}
