/* README.md's C snippet, which tests/readme/run.sh puts in place of the
** marker line below, after an HTTP/1.0 GET (POSIX sockets) of the URL of
** the first argument, "http://127.0.0.1:PORT/PATH", and a naive read of the
** response's fields: the status,
** Retry-After, and the code of a compact JSON body. Prints the decision and
** the message. */
#define _POSIX_C_SOURCE 200809L
#include "swap_errors.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static char response[65536];

/* The HTTP response to GET url, NUL-terminated. */
static void get(const char *url)
{
    int port = 0;
    char path[256];
    if (sscanf(url, "http://127.0.0.1:%d%255s", &port, path) != 2) {
        fprintf(stderr, "not a URL of 127.0.0.1: %s\n", url);
        exit(2);
    }
    struct sockaddr_in addr = {0};
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
        perror("connect");
        exit(2);
    }
    char request[512];
    int n = snprintf(request, sizeof request, "GET %s HTTP/1.0\r\n\r\n", path);
    if (write(fd, request, (size_t)n) != n) {
        perror("write");
        exit(2);
    }
    size_t len = 0;
    ssize_t got;
    while (len < sizeof response - 1 && (got = read(fd, response + len, sizeof response - 1 - len)) > 0)
        len += (size_t)got;
    response[len] = '\0';
    close(fd);
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    get(argv[1]);
    int http_status = 0;
    sscanf(response, "HTTP/%*s %d", &http_status);
    const char *h = strstr(response, "\r\nRetry-After:");
    long long retry_after_seconds_or_minus_one = h ? atoll(h + strlen("\r\nRetry-After:")) : -1;
    char code[64];
    const char *code_from_body = NULL;
    const char *c = strstr(response, "\"code\":\"");
    if (c && sscanf(c + strlen("\"code\":\""), "%63[^\"]", code) == 1)
        code_from_body = code;
    int attempt = 1;
    const char *const *args = NULL;
    size_t nargs = 0;

    /* README SNIPPET */
    printf("retry=%s delay_ms=%lld requote=%s message=%s\n", d.retry ? "true" : "false",
           (long long)d.delay_ms, d.action == SWAP_ACTION_REQUOTE ? "true" : "false", msg);
    return 0;
}
