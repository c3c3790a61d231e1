/* floor.c: the floor of errcat's throughput: read each YAML file given on
** the command line (or listed, one a line, in the file after -l) the way
** errcat does (the whole file into memory, libyaml's event API on the
** string) and discard the events. Nothing errcat does can be faster than
** this. Prints the number of events on stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    if (!buf) {
        fputs("out of memory\n", stderr);
        exit(2);
    }
    *len = n;
    return buf;
}

static unsigned long parse(const char *path)
{
    size_t len;
    char *text = slurp(path, &len);
    yaml_parser_t p;
    yaml_event_t ev;
    unsigned long events = 0;
    if (!yaml_parser_initialize(&p))
        exit(2);
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    for (;;) {
        if (!yaml_parser_parse(&p, &ev)) {
            fprintf(stderr, "%s: %s\n", path, p.problem ? p.problem : "invalid YAML");
            exit(1);
        }
        int end = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        events++;
        if (end)
            break;
    }
    yaml_parser_delete(&p);
    free(text);
    return events;
}

int main(int argc, char **argv)
{
    unsigned long events = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-l") == 0 && i + 1 < argc) {
            FILE *l = fopen(argv[++i], "r");
            char line[4096];
            if (!l) {
                perror(argv[i]);
                return 2;
            }
            while (fgets(line, sizeof line, l)) {
                line[strcspn(line, "\n")] = '\0';
                if (*line)
                    events += parse(line);
            }
            fclose(l);
        } else {
            events += parse(argv[i]);
        }
    }
    printf("%lu events\n", events);
    return 0;
}
