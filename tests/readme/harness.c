/* README.md's C snippet, which tests/readme/run.sh puts in place of the
** marker line below, after an HTTP/1.0 GET (POSIX sockets) of the URL of
** the first argument, "http://127.0.0.1:PORT/PATH", split into its status,
** its headers as name/value pairs and its body. Prints the decision and the
** message. */
#define _POSIX_C_SOURCE 200809L
#include "swap_errors.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
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
    char *body = strstr(response, "\r\n\r\n"), *line = strstr(response, "\r\n");
    if (!body)
        return 2;
    *body = '\0';
    body += 4;
    size_t body_len = strlen(body);
    swap_header headers[32];
    size_t nheaders = 0;
    while (line && nheaders < 32) { /* "\r\nName: value" up to the body */
        char *name = line + 2, *colon;
        line = strstr(name, "\r\n");
        if (line)
            *line = '\0';
        colon = strchr(name, ':');
        if (!colon)
            continue;
        *colon = '\0';
        headers[nheaders].name = name;
        headers[nheaders++].value = colon + 1 + strspn(colon + 1, " \t");
    }
    int attempt = 1;

    /* README SNIPPET */
    printf("retry=%s delay_ms=%lld requote=%s message=%s\n", d.retry ? "true" : "false",
           (long long)d.delay_ms, d.action == SWAP_ACTION_REQUOTE ? "true" : "false", msg);
    return 0;
}
