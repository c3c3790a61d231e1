/* README.md's C server snippet, which tests/readme/run.sh puts in place of
** the marker line below, the body of answer(out, e, args, nargs): it writes
** the response of entry e to the connection 'out'. Serves on 127.0.0.1 (POSIX
** sockets) at a free port, which it writes to the file named by its argument
** once it accepts connections:
**   /quote-expired  code QUOTE_EXPIRED
**   /busy           status 503
**   any other path  status 410 */
#define _POSIX_C_SOURCE 200809L
#include "swap_errors.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static void answer(FILE *out, const swap_entry *e, const char *const *args, size_t nargs)
{
    /* README SNIPPET */
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    struct sockaddr_in addr = {0};
    socklen_t len = sizeof addr;
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0 || bind(s, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(s, 8) != 0 ||
        getsockname(s, (struct sockaddr *)&addr, &len) != 0) {
        perror("listen");
        return 2;
    }
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
    FILE *f = fopen(tmp, "w");
    if (!f || fprintf(f, "%d\n", ntohs(addr.sin_port)) < 0 || fclose(f) != 0 || rename(tmp, argv[1]) != 0) {
        perror(argv[1]);
        return 2;
    }
    for (;;) {
        int fd = accept(s, NULL, NULL);
        if (fd < 0)
            continue;
        char request[4096], path[256] = "/";
        ssize_t n = read(fd, request, sizeof request - 1); /* the request line comes whole */
        request[n > 0 ? n : 0] = '\0';
        sscanf(request, "GET %255s", path);
        const swap_entry *e = strcmp(path, "/quote-expired") == 0 ? swap_lookup_str(SWAP_DOMAIN_ERRORS, "QUOTE_EXPIRED")
                              : strcmp(path, "/busy") == 0        ? swap_lookup_status(503)
                                                                  : swap_lookup_status(410);
        FILE *out = fdopen(fd, "w");
        if (!out) {
            close(fd);
            continue;
        }
        answer(out, e, NULL, 0);
        fclose(out);
    }
}
