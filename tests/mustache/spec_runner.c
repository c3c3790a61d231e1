/* spec_runner.c: runs the official Mustache suite against errcat's engine.
**
**   spec_runner [--cli ERRCAT] [SPECS_DIR]
**
** SPECS_DIR defaults to tests/data/mustache-spec/specs (run from the project
** root). Each test of each module is rendered through the library, or with
** --cli through `ERRCAT render TEMPLATE --data DATA.json --partials DIR`
** (files written to a fresh temporary folder); the output must match byte
** for byte. Prints one line per failure and a summary; exits 1 on any
** failure, 2 when a spec file cannot be read. */
#define _POSIX_C_SOURCE 200809L

#include "doc.h"
#include "lang.h"
#include "tmpl.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* The modules run, in order. ~lambdas is left out: its tests carry code. */
static const char *const modules[] = {
    "comments", "delimiters", "interpolation", "inverted",
    "partials", "sections",   "~dynamic-names", "~inheritance",
};

typedef struct spec_test {
    const char *module, *name;
    const ec_value *data, *partials; /* partials: a map, or NULL */
    const ec_value *tmpl, *expected; /* strings */
} spec_test;

static bool read_file(const char *path, ec_buf *out)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ec_buf_put(out, chunk, n);
    bool ok = !ferror(f);
    fclose(f);
    return ok;
}

static bool write_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(s, 1, n, f) == n;
    return fclose(f) == 0 && ok;
}

/* ---- through the library ---- */

static bool partial_source(void *ud, const char *name, const char **text, size_t *len,
                           const char **file)
{
    const ec_value *v = ec_map_get(ud, name);
    if (!v || v->kind != EC_VSTR)
        return false;
    *text = v->u.s;
    *len = v->len;
    *file = name;
    return true;
}

/* Renders into 'got'; diagnostics, if any, go to 'err'. */
static void run_lib(const spec_test *t, ec_buf *got, ec_buf *err)
{
    ec_arena a;
    ec_diag d;
    ec_tmpl_env env;
    ec_arena_init(&a);
    ec_diag_init(&d);
    ec_tmpl_env_init(&env, &a, &d);
    if (t->partials) {
        env.source = partial_source;
        env.source_ud = (void *)t->partials;
    }
    ec_tmpl *tp = ec_tmpl_compile(&env, "template", t->tmpl->u.s, t->tmpl->len);
    if (tp)
        ec_tmpl_render(&env, tp, t->data, got);
    ec_diag_format(&d, err);
    ec_tmpl_env_free(&env);
    ec_diag_free(&d);
    ec_arena_free(&a);
}

/* ---- through the command line ---- */

static bool safe_name(const char *s)
{
    return *s && !strchr(s, '/') && strcmp(s, ".") != 0 && strcmp(s, "..") != 0;
}

/* Runs argv with stdout into 'got'. Returns the exit status, or -1. */
static int capture(char *const argv[], ec_buf *got)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        return -1;
    }
    if (pid == 0) {
        dup2(fd[1], STDOUT_FILENO);
        close(fd[0]);
        close(fd[1]);
        execv(argv[0], argv);
        _exit(127);
    }
    close(fd[1]);
    char chunk[8192];
    ssize_t n;
    while ((n = read(fd[0], chunk, sizeof chunk)) != 0) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        ec_buf_put(got, chunk, (size_t)n);
    }
    close(fd[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void run_cli(const char *errcat, const spec_test *t, ec_buf *got, ec_buf *err)
{
    char dir[] = "/tmp/errcat-spec-XXXXXX";
    if (!mkdtemp(dir)) {
        ec_buf_printf(err, "mkdtemp: %s", strerror(errno));
        return;
    }
    ec_buf path, json;
    ec_buf_init(&path);
    ec_buf_init(&json);
    char tpl[64], data[64], parts[64];
    snprintf(tpl, sizeof tpl, "%s/template.mustache", dir);
    snprintf(data, sizeof data, "%s/data.json", dir);
    snprintf(parts, sizeof parts, "%s/partials", dir);
    ec_json_write(t->data, &json);
    bool ok = write_file(tpl, t->tmpl->u.s, t->tmpl->len) &&
              write_file(data, json.data, json.len) && mkdir(parts, 0700) == 0;
    uint32_t nparts = t->partials ? t->partials->len : 0;
    for (uint32_t i = 0; ok && i < nparts; i++) {
        const ec_member *m = &t->partials->u.members[i];
        ec_buf_reset(&path);
        ec_buf_printf(&path, "%s/%s.mustache", parts, m->key);
        ok = safe_name(m->key) && m->val.kind == EC_VSTR &&
             write_file(path.data, m->val.u.s, m->val.len);
    }
    if (!ok) {
        ec_buf_printf(err, "cannot write the test files in %s", dir);
    } else {
        char *argv[] = {(char *)errcat, "render", tpl, "--data", data, "--partials", parts, NULL};
        int status = capture(argv, got);
        if (status != 0)
            ec_buf_printf(err, "%s render exited with status %d", errcat, status);
    }
    for (uint32_t i = 0; i < nparts; i++) {
        const char *key = t->partials->u.members[i].key;
        ec_buf_reset(&path);
        ec_buf_printf(&path, "%s/%s.mustache", parts, key);
        if (safe_name(key))
            unlink(path.data);
    }
    rmdir(parts);
    unlink(data);
    unlink(tpl);
    rmdir(dir);
    ec_buf_free(&path);
    ec_buf_free(&json);
}

/* ---- the suite ---- */

static const ec_value *member(const ec_value *m, const char *key, ec_vkind kind)
{
    const ec_value *v = ec_map_get(m, key);
    return v && v->kind == kind ? v : NULL;
}

static void quote(ec_buf *out, const char *s, size_t n)
{
    ec_buf_putc(out, '"');
    ec_lang_c.escape(out, s, n);
    ec_buf_putc(out, '"');
}

/* Runs one module's tests. Returns false when its file is unusable. */
static bool run_module(const char *dir, const char *module, const char *errcat,
                       unsigned *passed, unsigned *failed)
{
    ec_buf path, text, got, err, line;
    ec_buf_init(&path);
    ec_buf_init(&text);
    ec_buf_printf(&path, "%s/%s.yml", dir, module);
    ec_arena a;
    ec_diag d;
    ec_arena_init(&a);
    ec_diag_init(&d);
    ec_value doc;
    const ec_value *tests = NULL;
    if (!read_file(path.data, &text))
        fprintf(stderr, "spec_runner: cannot read %s: %s\n", path.data, strerror(errno));
    else if (!ec_doc_parse(&a, path.data, text.data, text.len, &ec_doc_default_limits, &d, &doc))
        ec_diag_print(&d, stderr);
    else if (!(tests = member(&doc, "tests", EC_VLIST)))
        fprintf(stderr, "spec_runner: %s has no list of tests\n", path.data);
    ec_buf_init(&got);
    ec_buf_init(&err);
    ec_buf_init(&line);
    for (uint32_t i = 0; tests && i < tests->len; i++) {
        const ec_value *tv = &tests->u.items[i];
        spec_test t = {module, NULL, NULL, NULL, NULL, NULL};
        const ec_value *name = member(tv, "name", EC_VSTR);
        t.name = name ? name->u.s : "?";
        t.data = ec_map_get(tv, "data");
        t.partials = member(tv, "partials", EC_VMAP);
        t.tmpl = member(tv, "template", EC_VSTR);
        t.expected = member(tv, "expected", EC_VSTR);
        ec_buf_reset(&got);
        ec_buf_reset(&err);
        if (!t.data || !t.tmpl || !t.expected)
            ec_buf_puts(&err, "malformed test: needs data, template and expected");
        else if (errcat)
            run_cli(errcat, &t, &got, &err);
        else
            run_lib(&t, &got, &err);
        if (!err.len && got.len == t.expected->len &&
            memcmp(got.data, t.expected->u.s, got.len) == 0) {
            (*passed)++;
            continue;
        }
        (*failed)++;
        ec_buf_reset(&line);
        ec_buf_printf(&line, "FAIL %s: %s [%u]: ", module, t.name, (unsigned)i);
        if (t.expected) {
            ec_buf_puts(&line, "expected ");
            quote(&line, t.expected->u.s, t.expected->len);
            ec_buf_puts(&line, ", got ");
            quote(&line, got.data, got.len);
        }
        if (err.len) {
            ec_buf_puts(&line, t.expected ? "; " : "");
            ec_lang_c.escape(&line, err.data, err.len);
        }
        printf("%s\n", line.data);
    }
    ec_buf_free(&got);
    ec_buf_free(&err);
    ec_buf_free(&line);
    ec_buf_free(&path);
    ec_buf_free(&text);
    ec_diag_free(&d);
    ec_arena_free(&a);
    return tests != NULL;
}

int main(int argc, char **argv)
{
    const char *errcat = NULL, *dir = "tests/data/mustache-spec/specs";
    int i = 1;
    if (i + 1 < argc && strcmp(argv[i], "--cli") == 0) {
        errcat = argv[i + 1];
        i += 2;
    }
    if (i < argc && argv[i][0] != '-')
        dir = argv[i++];
    if (i < argc) {
        fprintf(stderr, "usage: %s [--cli ERRCAT] [SPECS_DIR]\n", argv[0]);
        return 2;
    }
    unsigned passed = 0, failed = 0;
    bool usable = true;
    printf("mustache spec: skipped ~lambdas (its tests carry code, not data)\n");
    for (size_t m = 0; m < sizeof modules / sizeof *modules; m++)
        usable &= run_module(dir, modules[m], errcat, &passed, &failed);
    printf("mustache spec: %u passed, %u failed\n", passed, failed);
    return !usable ? 2 : failed ? 1 : 0;
}
