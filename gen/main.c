/* main.c: the command line. The only place that prints diagnostics and the
** only place that exits. */
#define _XOPEN_SOURCE 700
#include "alloc.h"
#include "diff.h"
#include "doc.h"
#include "escape.h"
#include "lang.h"
#include "fsio.h"
#include "import.h"
#include "lint.h"
#include "load.h"
#include "sink.h"
#include "stamp.h"
#include "target.h"
#include "tmpl.h"
#include "validate.h"
#include "view.h"

#include <inttypes.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define EC_VERSION "0.1.0"

enum { EXIT_OK = 0, EXIT_DIAG = 1, EXIT_USAGE = 2 };

/* Each command's synopsis (its usage lines, "errcat" first) and its part of
** --help: 'errcat --help' prints them all, 'errcat CMD --help' its own. */
typedef struct command_help {
    const char *name, *synopsis, *text;
} command_help;

static const command_help helps[] = {
    {"build",
     "errcat build CATALOG.yaml [-o DIR] [-t TARGET]... [--templates DIR]\n"
     "             [--check] [--depfile FILE] [--werror] [--max-input MIB] [-v]\n"
     "             [-j THREADS]\n",
     "  build CATALOG    validate, then render every target into DIR/<id>/<target>/.\n"
     "                   Nothing is written unless the whole build succeeds; each\n"
     "                   file is replaced atomically and only when its bytes change.\n"
     "    -o DIR           output root (default: out)\n"
     "    -t TARGET        a target to build; repeat or separate with commas\n"
     "                     (default: every target; see 'errcat targets')\n"
     "    --templates DIR  templates that override or add to the built-in ones:\n"
     "                     DIR/<target>/<file>.mustache replaces the built-in file;\n"
     "                     {{< builtin/NAME}} inherits from the file it replaces\n"
     "    --check          write nothing; list stale or missing files, exit 1 if any\n"
     "    --depfile FILE   write a Make/Ninja depfile of the outputs' inputs\n"
     "    --werror         treat warnings as errors\n"
     "    --max-input MIB  refuse files larger than this (default: 64)\n"
     "    -v               list the files written (or say 'up to date': a build\n"
     "                     whose stamp in DIR/.errcat/ still holds stops early)\n"
     "    -j THREADS       render targets on this many threads at once (default:\n"
     "                     $ERRCAT_JOBS, else one per processor); the output is\n"
     "                     the same whatever the number\n"},
    {"check", "errcat check CATALOG.yaml [--werror] [--max-input MIB]\n",
     "  check CATALOG    validate only\n"},
    {"render", "errcat render TEMPLATE --data FILE [--partials DIR] [--escape MODE]\n",
     "  render TEMPLATE  render a Mustache template against a YAML or JSON file\n"
     "    --data FILE      the data (required)\n"
     "    --partials DIR   where {{> name}} finds name.mustache or _name.mustache\n"
     "    --escape MODE    escaper of {{x}}: html (default), none, c, python,\n"
     "                     typescript, go, rust, json, markdown, comment; a\n"
     "                     language's also picks its {{%comment x}} escaper\n"
     "                     and how {{%prose x}} shows catalog prose\n"},
    {"diff", "errcat diff OLD NEW [--format text|json|markdown] [--approvals FILE]\n",
     "  diff OLD NEW     what changed between two versions of a catalog, each change\n"
     "                   breaking or compatible for its consumers. OLD and NEW are\n"
     "                   files or git:REV:PATH (PATH at revision REV, relative to\n"
     "                   the repository's root unless it starts with ./; its\n"
     "                   includes are read from the working tree)\n"
     "    --format F       text (default), json, or markdown (for a pull request)\n"
     "    --approvals FILE a YAML list of {change, domain, code, name, reason}, each\n"
     "                     accepting the breaking changes it names\n"},
    {"lint",
     "errcat lint CATALOG.yaml [--format text|json] [--enable RULE]...\n"
     "            [--disable RULE]... [--warn-only]\n"
     "errcat lint --rules\n",
     "  lint CATALOG     style and completeness warnings, each with a rule id and a\n"
     "                   fix. The catalog's lint: {disable: [...], enable: [...]}\n"
     "                   and these options choose the rules\n"
     "    --format F       text (default: the warnings on stderr) or json (stdout)\n"
     "    --enable RULE    turn a rule on; --disable RULE turns one off (repeatable)\n"
     "    --warn-only      exit 0 despite warnings (errors in the catalog still fail)\n"
     "    --rules          list the rules, whether each is on by default, and exit\n"},
    {"index", "errcat index CATALOG... [-o DIR] [-t TARGET]... [--templates DIR] [--check]\n",
     "  index CATALOG... one page over several catalogs (templates/<target>/index/),\n"
     "                   at the root of DIR; takes -o, -t, --templates, --check, -v\n"},
    {"targets", "errcat targets [--templates DIR]\n",
     "  targets          list the targets and the files each writes\n"},
    {"import",
     "errcat import FORMAT FILE... [-o CATALOG.yaml] [--id ID] [--title TITLE]\n"
     "              [--werror] [--max-input MIB]\n",
     "  import FORMAT FILE...  an errcat catalog from catalogs of another format:\n"
     "                   each table or file a domain, in the order given, comments\n"
     "                   kept as descriptions. The catalog passes 'errcat check'\n"
     "                   and is the same for the same input. What errcat cannot\n"
     "                   carry is a warning at the source's file:line; an error\n"
     "                   there writes nothing.\n"
     "    -o CATALOG.yaml  where to write it (default: standard output)\n"
     "    --id ID          the catalog's id (default: the first file's name as an id)\n"
     "    --title TITLE    its title (default: '<id> (imported)')\n"
     "    --werror         treat warnings as errors\n"
     "    --max-input MIB  refuse files larger than this (default: 64)\n"
     "    formats:\n"},
};

static const char help_intro[] =
    "errcat compiles an error catalog (one YAML file: HTTP statuses, error codes,\n"
    "messages, retry semantics, UI hints) into C, docs, bindings and JSON.\n"
    "\n"
    "commands (each also takes --help, e.g. 'errcat build --help'):\n";

static const char help_outro[] =
    "Diagnostics are 'file:line:col: error: message' on stderr.\n"
    "Exit status: 0 success, 1 errors in a catalog or template (or --check found\n"
    "stale files), 2 bad usage or an I/O failure. diff exits 1 on a breaking change\n"
    "no approval accepts and 2 when a side cannot be compared; lint exits 1 on any\n"
    "warning.\n"
    "The catalog format is described in spec/FORMAT.md.\n";

/* The synopses of 'h' (all when NULL), "usage: " before the first line. */
static void print_usage(FILE *f, const command_help *h)
{
    const char *prefix = "usage: ";
    for (size_t i = 0; i < sizeof helps / sizeof helps[0]; i++) {
        if (h && &helps[i] != h)
            continue;
        for (const char *line = helps[i].synopsis; *line;) {
            const char *nl = strchr(line, '\n');
            fprintf(f, "%s%.*s\n", prefix, (int)(nl - line), line);
            prefix = "       ";
            line = nl + 1;
        }
    }
    if (!h)
        fprintf(f, "%serrcat --help | --version\n", prefix);
}

/* A command's --help: its synopsis and its part of the full help, with the
** import formats after import's. */
static int print_help(const command_help *h)
{
    print_usage(stdout, h);
    fputs("\n", stdout);
    if (!h)
        fputs(help_intro, stdout);
    for (size_t i = 0; i < sizeof helps / sizeof helps[0]; i++) {
        if (h && &helps[i] != h)
            continue;
        fputs(helps[i].text, stdout);
        if (strcmp(helps[i].name, "import") == 0)
            for (size_t k = 0; k < ec_nimport_formats; k++)
                printf("      %-15s %s\n", ec_import_formats[k].name, ec_import_formats[k].summary);
    }
    fputs("\n", stdout);
    fputs(help_outro, stdout);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_USAGE;
}

/* Reports a usage error: "errcat: MSG 'ARG'" (ARG may be NULL). */
static int usage(const char *msg, const char *arg)
{
    if (arg)
        fprintf(stderr, "errcat: %s '%s'\n", msg, arg);
    else
        fprintf(stderr, "errcat: %s\n", msg);
    print_usage(stderr, NULL);
    return EXIT_USAGE;
}

/* A lint rule turned on or off on the command line, in order. */
typedef struct rule_choice {
    const char *rule;
    bool on;
} rule_choice;

typedef struct options {
    const char **args; /* the arguments that are not options, in order */
    size_t nargs;
    const char *catalog; /* the first of them */
    const char *outdir, *templates, *depfile;
    const char *data, *partials, *escape;
    const char *format, *approvals;
    const char *output, *id, *title; /* import -o, --id, --title */
    const char **targets;
    size_t ntargets, cap_targets;
    rule_choice *rules;
    size_t nrules;
    size_t max_bytes; /* --max-input */
    size_t jobs;      /* -j: threads rendering targets; 0: ERRCAT_JOBS or one per processor */
    bool check, werror, verbose, warn_only, list_rules, help;
} options;

static void add_target(options *o, const char *t)
{
    for (size_t i = 0; i < o->ntargets; i++)
        if (strcmp(o->targets[i], t) == 0)
            return; /* -t c,c builds c once */
    if (o->ntargets == o->cap_targets) {
        o->cap_targets = o->cap_targets ? o->cap_targets * 2 : 16;
        o->targets = ec_xrealloc(o->targets, o->cap_targets * sizeof *o->targets);
    }
    o->targets[o->ntargets++] = t;
}

static void options_free(options *o)
{
    free(o->args);
    free(o->targets);
    free(o->rules);
}

/* What an option does with the word after it, if any. */
typedef enum opt_kind {
    OPT_FLAG,    /* sets a bool */
    OPT_VALUE,   /* takes a value (the last one given wins) */
    OPT_TARGETS, /* -t c,json: targets, split at commas (in place) */
    OPT_MIB,     /* --max-input: a size in MiB */
    OPT_JOBS,    /* -j: a number of threads */
    OPT_RULE_ON, /* --enable RULE and --disable RULE, kept in order */
    OPT_RULE_OFF
} opt_kind;

typedef struct opt_spec {
    const char *name;
    opt_kind kind;
    size_t field; /* offsetof the bool or string it sets */
} opt_spec;

#define FLAG(name, f) {name, OPT_FLAG, offsetof(options, f)}
#define VALUE(name, f) {name, OPT_VALUE, offsetof(options, f)}

/* The options of build, check, render and targets (each takes them all). */
static const opt_spec build_opts[] = {
    VALUE("-o", outdir),
    VALUE("--templates", templates),
    VALUE("--depfile", depfile),
    VALUE("--data", data),
    VALUE("--partials", partials),
    VALUE("--escape", escape),
    {"--max-input", OPT_MIB, 0},
    {"-j", OPT_JOBS, 0},
    {"-t", OPT_TARGETS, 0},
    FLAG("--check", check),
    FLAG("--werror", werror),
    FLAG("-v", verbose),
    {NULL, OPT_FLAG, 0},
};
static const opt_spec diff_opts[] = {
    VALUE("--format", format),
    VALUE("--approvals", approvals),
    {NULL, OPT_FLAG, 0},
};
static const opt_spec lint_opts[] = {
    VALUE("--format", format),
    {"--enable", OPT_RULE_ON, 0},
    {"--disable", OPT_RULE_OFF, 0},
    FLAG("--warn-only", warn_only),
    FLAG("--rules", list_rules),
    {NULL, OPT_FLAG, 0},
};
static const opt_spec index_opts[] = {
    VALUE("-o", outdir),
    VALUE("--templates", templates),
    {"-t", OPT_TARGETS, 0},
    FLAG("--check", check),
    FLAG("-v", verbose),
    {NULL, OPT_FLAG, 0},
};

static const opt_spec import_opts[] = {
    VALUE("-o", output),
    VALUE("--id", id),
    VALUE("--title", title),
    {"--max-input", OPT_MIB, 0},
    FLAG("--werror", werror),
    {NULL, OPT_FLAG, 0},
};

#define MAX_JOBS 64
#define EC_STR_(x) #x
#define EC_STR(x) EC_STR_(x)

/* A number of threads, 1 to MAX_JOBS; 0 when 's' is not one. */
static size_t parse_jobs(const char *s)
{
    char *end;
    unsigned long n = s && *s ? strtoul(s, &end, 10) : 0;
    return n && !*end && n <= MAX_JOBS && s[0] != '-' ? (size_t)n : 0;
}

/* Whether word 'a' is option 'sp': "" when it is the option alone, the
** value it carries when it is "-jVALUE" (an option of one letter that takes
** a value) or "--name=VALUE", as getopt_long reads them; NULL otherwise. */
static const char *option_matches(const opt_spec *sp, const char *a)
{
    size_t n = strlen(sp->name);
    if (strncmp(a, sp->name, n) != 0)
        return NULL;
    if (!a[n])
        return a + n;
    if (n == 2 && sp->kind != OPT_FLAG)
        return a + n;
    if (n > 2 && a[n] == '=')
        return a + n + 1;
    return NULL;
}

/* Parses the words after the command: options from 'specs', and at most
** 'max_args' other arguments (a lone "-" is one). Returns -1 when fine,
** else the exit status after a usage message. */
static int parse_options(int argc, char **argv, const opt_spec *specs, size_t max_args,
                         options *o)
{
    o->args = ec_xmalloc(((size_t)argc + 1) * sizeof *o->args);
    o->rules = ec_xmalloc(((size_t)argc + 1) * sizeof *o->rules);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            o->help = true; /* every command's */
            continue;
        }
        const opt_spec *sp = specs;
        const char *attached = NULL; /* the value in the same word: -j2, -oDIR, --format=json */
        while (sp->name && !(attached = option_matches(sp, a)))
            sp++;
        if (!sp->name) {
            if (a[0] == '-' && a[1])
                return usage("unknown option", a);
            if (o->nargs == max_args)
                return usage("unexpected argument", a);
            o->args[o->nargs++] = a;
            continue;
        }
        char *field = (char *)o + sp->field;
        /* The option alone; "-j2" and "--format=" carry a value ("2", ""). */
        bool alone = attached == a + strlen(sp->name) && !*attached;
        if (sp->kind == OPT_FLAG) {
            if (!alone)
                return usage("this option takes no value:", a);
            *(bool *)field = true;
            continue;
        }
        /* The value: attached, or the next word. */
        char *v = !alone ? (char *)attached : i + 1 < argc ? argv[++i] : NULL;
        if (sp->kind == OPT_MIB) {
            char *end;
            unsigned long mib = v ? strtoul(v, &end, 10) : 0;
            if (!v || *end || !mib || mib > 4096)
                return usage("--max-input takes a size in MiB, 1 to 4096", NULL);
            o->max_bytes = (size_t)mib << 20;
            continue;
        }
        if (sp->kind == OPT_JOBS) {
            if (!(o->jobs = parse_jobs(v)))
                return usage("-j takes a number of threads, 1 to " EC_STR(MAX_JOBS), NULL);
            continue;
        }
        if (!v)
            return usage("this option needs a value:", a);
        if (sp->kind == OPT_VALUE)
            *(const char **)field = v;
        else if (sp->kind == OPT_TARGETS)
            for (char *t = strtok(v, ","); t; t = strtok(NULL, ","))
                add_target(o, t);
        else
            o->rules[o->nrules++] = (rule_choice){v, sp->kind == OPT_RULE_ON};
    }
    o->catalog = o->nargs ? o->args[0] : NULL;
    return -1;
}

static int finish(ec_diag *d, int status)
{
    ec_diag_print(d, stderr);
    ec_diag_free(d);
    return status;
}

/* Loads and validates; NULL after diagnostics. 'status' gets 2 when the
** catalog file itself cannot be read. */
static ec_catalog *load_checked(const char *path, size_t max_bytes, ec_diag *d, int *status)
{
    struct stat st;
    if (access(path, R_OK) != 0 || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        ec_diag_free(d);
        ec_read_file(path, 0, NULL, (ec_loc){NULL, 0, 0}, d);
        *status = EXIT_USAGE;
        return NULL;
    }
    *status = EXIT_DIAG;
    ec_catalog *c = ec_load_file_max(path, max_bytes, d);
    if (c && !ec_validate(c, d)) {
        ec_catalog_free(c);
        return NULL;
    }
    if (c && ec_diag_failed(d)) {
        ec_catalog_free(c);
        return NULL;
    }
    return c;
}

static int cmd_check(options *o, const char *argv0)
{
    ec_diag d;
    ec_diag_init(&d);
    d.werror = o->werror;
    int status;
    ec_catalog *c = load_checked(o->catalog, o->max_bytes, &d, &status);
    if (!c)
        return finish(&d, status);
    ec_catalog_free(c);
    return finish(&d, EXIT_OK);
}

static void write_depfile_path(ec_buf *b, const char *p)
{
    for (; *p; p++) {
        if (*p == ' ' || *p == '#' || *p == '\\')
            ec_buf_putc(b, '\\');
        if (*p == '$')
            ec_buf_putc(b, '$');
        ec_buf_putc(b, *p);
    }
}

/* Renders one target into 'out'; false after reporting. Called on several
** threads at once (each with its own 'out' and 'd'), it must keep 'ctx'
** safe for that. */
typedef bool (*render_fn)(void *ctx, const char *target, ec_outputs *out, ec_diag *d);

/* The threads -j asks for: -j, else $ERRCAT_JOBS, else one per processor;
** 0 after a usage message for a bad $ERRCAT_JOBS. */
static size_t jobs_of(const options *o)
{
    if (o->jobs)
        return o->jobs;
    const char *env = getenv("ERRCAT_JOBS");
    if (env && *env) {
        size_t n = parse_jobs(env);
        if (!n)
            usage("ERRCAT_JOBS takes a number of threads, 1 to " EC_STR(MAX_JOBS), NULL);
        return n;
    }
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (size_t)n;
}

/* One target of a build rendered on whichever thread takes it, into
** outputs, diagnostics and a sink of its own. */
typedef struct target_job {
    const char *name;
    ec_outputs out;
    ec_diag d;
    ec_sink k;
    bool rendered; /* render returned true */
} target_job;

/* The targets shared out among threads: each takes the next one in order,
** and none is taken after one that failed, as a single thread would
** stop there. */
typedef struct job_queue {
    pthread_mutex_t lock;
    target_job *jobs;
    size_t n, next;
    size_t failed; /* the first job that failed, or n */
    render_fn render;
    void *ctx;
} job_queue;

static void *render_jobs(void *ud)
{
    job_queue *q = ud;
    for (;;) {
        pthread_mutex_lock(&q->lock);
        size_t i = q->next < q->failed ? q->next++ : q->n;
        pthread_mutex_unlock(&q->lock);
        if (i == q->n)
            return NULL;
        target_job *j = &q->jobs[i];
        j->rendered = q->render(q->ctx, j->name, &j->out, &j->d);
        if (!j->rendered || j->k.failed) {
            pthread_mutex_lock(&q->lock);
            if (i < q->failed)
                q->failed = i;
            pthread_mutex_unlock(&q->lock);
        }
    }
}

/* Renders targets 'names' on up to 'nthreads' threads into sink 'k' and
** 'out', with diagnostics in 'd', as one thread rendering them in order
** would: every job's sink, outputs and diagnostics are adopted in target
** order once all threads are done (the diagnostics only up to the first
** target that failed, where one thread stops). Returns false when a
** target's render failed. */
static bool render_parallel(const char *const *names, size_t n, size_t nthreads,
                            render_fn render, void *ctx, ec_sink *k, ec_outputs *out, ec_diag *d)
{
    job_queue q = {.jobs = ec_xmalloc(n * sizeof *q.jobs), .n = n, .failed = n,
                   .render = render, .ctx = ctx};
    pthread_mutex_init(&q.lock, NULL);
    for (size_t i = 0; i < n; i++) {
        target_job *j = &q.jobs[i];
        memset(j, 0, sizeof *j);
        j->name = names[i];
        ec_diag_init(&j->d);
        j->d.werror = d->werror;
        ec_sink_init(&j->k, k->outdir, k->check, &j->d);
        ec_sink_attach(&j->k, &j->out);
    }
    ec_umask(); /* read before any thread makes files */
    pthread_t *threads = ec_xmalloc(nthreads * sizeof *threads);
    size_t started = 0;
    while (started + 1 < nthreads && pthread_create(&threads[started], NULL, render_jobs, &q) == 0)
        started++; /* a thread that cannot start leaves its share to the others */
    render_jobs(&q);
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    free(threads);
    pthread_mutex_destroy(&q.lock);
    for (size_t i = 0; i < n; i++) {
        target_job *j = &q.jobs[i];
        if (i <= q.failed)
            ec_diag_merge(d, &j->d);
        else
            ec_diag_free(&j->d);
        ec_sink_adopt(k, &j->k); /* so that what it staged is committed or removed */
        j->out.begin = NULL;
        ec_outputs_adopt(out, &j->out);
    }
    bool ok = q.failed == n || q.jobs[q.failed].rendered;
    free(q.jobs);
    return ok;
}

/* Renders each target of 'o' (every target when none was named) through
** 'render' into the sink, which writes the files all or nothing, or
** compares them (--check).
** Returns the exit status; 'out' keeps the output paths and the templates
** read, for a depfile. */
static int write_targets(options *o, const char *builtin, render_fn render, void *ctx,
                         ec_outputs *out, ec_diag *d)
{
    size_t nnames = 0;
    char **names = o->ntargets ? NULL : ec_target_names(builtin, o->templates, &nnames);
    /* A program copied away from its templates would quietly build less. */
    if (!o->ntargets && !builtin && !o->templates)
        ec_warning(d, (ec_loc){NULL, 0, 0},
                   "the built-in templates are not beside the program (../templates or "
                   "../share/errcat/templates) and ERRCAT_TEMPLATES is unset: only the "
                   "targets without templates are built");
    for (size_t i = 0; i < nnames; i++)
        add_target(o, names[i]);
    ec_sink k;
    ec_sink_init(&k, o->outdir, o->check, d);
    k.verbose = o->verbose;
    k.log = stdout;
    ec_sink_attach(&k, out);
    bool ok = !ec_diag_failed(d); /* that warning, under --werror */
    /* Each target writes into a folder of its own, which its sink clears of
    ** a killed run's temporaries: index pages, which share the root, leave
    ** o->jobs at 0 and render on one thread. */
    size_t nthreads = o->jobs < o->ntargets ? o->jobs : o->ntargets;
    if (ok && nthreads > 1)
        ok = render_parallel(o->targets, o->ntargets, nthreads, render, ctx, &k, out, d);
    else
        for (size_t i = 0; i < o->ntargets && ok && !k.failed; i++)
            ok = render(ctx, o->targets[i], out, d);
    int status = !ok ? EXIT_DIAG : k.failed ? EXIT_USAGE : k.stale ? EXIT_DIAG : EXIT_OK;
    if (!ec_sink_finish(&k, status == EXIT_OK))
        status = EXIT_USAGE;
    ec_sink_free(&k);
    out->begin = NULL;
    out->spill = NULL;
    out->done = NULL;
    o->ntargets = 0; /* the names go now */
    for (size_t i = 0; i < nnames; i++)
        free(names[i]);
    free(names);
    return status;
}

typedef struct build_ctx {
    ec_catalog *c;
    const char *builtin, *templates;
    ec_value view; /* built once, by the first target with templates */
    pthread_mutex_t lock; /* held while the view is built */
} build_ctx;

static bool render_catalog(void *ctx, const char *target, ec_outputs *out, ec_diag *d)
{
    build_ctx *b = ctx;
    /* The one write to the catalog a render makes, done once, under the
    ** lock: other threads may be rendering targets meanwhile. */
    if (ec_target_needs_view(target, b->templates)) {
        pthread_mutex_lock(&b->lock);
        if (b->view.kind == EC_VNULL)
            b->view = ec_view_build(b->c, EC_VIEW_TEMPLATE);
        pthread_mutex_unlock(&b->lock);
    }
    return ec_target_render(b->c, target, b->builtin, b->templates, &b->view, out, d);
}

typedef struct index_ctx {
    const ec_value *view;
    const char *builtin, *templates;
} index_ctx;

static bool render_index(void *ctx, const char *target, ec_outputs *out, ec_diag *d)
{
    index_ctx *x = ctx;
    return ec_target_render_index(x->view, target, x->builtin, x->templates, out, d);
}

/* Starts the stamp of this build (see stamp.h); false when the build must
** run whatever a stamp says: --check compares every byte, and --werror
** must see the warnings that a skipped build would only replay. */
static bool stamp_begin(ec_stamp *s, const options *o, const char *builtin)
{
    if (o->check || o->werror)
        return false;
    char *catalog = realpath(o->catalog, NULL);
    char *templates = o->templates ? realpath(o->templates, NULL) : NULL;
    ec_buf targets, max, listing;
    ec_buf_init(&targets);
    ec_buf_init(&max);
    ec_buf_init(&listing);
    for (size_t i = 0; i < o->ntargets; i++)
        ec_buf_printf(&targets, "%s%s", i ? "," : "", o->targets[i]);
    ec_buf_printf(&max, "%zu", o->max_bytes);
    ec_buf_printf(&listing, "%016" PRIx64,
                  ec_target_listing_hash(builtin, o->templates, o->targets, o->ntargets));
    const char *shape[] = {
        "catalog",   catalog ? catalog : o->catalog,
        "targets",   o->ntargets ? targets.data : NULL,
        "templates", templates ? templates : o->templates,
        "builtin",   builtin,
        "depfile",   o->depfile,
        "max-input", max.data,
        "listing",   listing.data,
    };
    bool ok = ec_stamp_init(s, o->outdir, shape, sizeof shape / sizeof shape[0]);
    free(catalog);
    free(templates);
    ec_buf_free(&targets);
    ec_buf_free(&max);
    ec_buf_free(&listing);
    return ok;
}

/* Records what the build read and wrote, once it succeeded. */
static void stamp_finish(ec_stamp *s, const options *o, const ec_catalog *c,
                         const ec_outputs *out, const ec_diag *d)
{
    for (size_t i = 0; i < c->nfiles; i++)
        ec_stamp_input(s, c->files[i], c->file_hashes[i]);
    for (size_t i = 0; i < out->ninputs; i++)
        ec_stamp_input(s, out->inputs[i], out->input_hashes[i]);
    for (size_t i = 0; i < out->n; i++)
        ec_stamp_output(s, out->v[i].path, true);
    if (o->depfile)
        ec_stamp_output(s, o->depfile, false);
    ec_buf warnings;
    ec_buf_init(&warnings);
    ec_diag_format(d, &warnings);
    /* A stamp that cannot be written costs the next build its shortcut,
    ** nothing else: this build succeeded. */
    ec_diag quiet;
    ec_diag_init(&quiet);
    ec_stamp_write(s, warnings.data ? warnings.data : "", &quiet);
    ec_diag_free(&quiet);
    ec_buf_free(&warnings);
}

static int cmd_build(options *o, const char *argv0)
{
    if (!(o->jobs = jobs_of(o)))
        return EXIT_USAGE;
    ec_diag d;
    ec_diag_init(&d);
    d.werror = o->werror;
    char *builtin = ec_builtin_templates_dir(argv0);
    ec_stamp stamp;
    bool stamping = stamp_begin(&stamp, o, builtin);
    char *warnings = NULL;
    if (stamping && ec_stamp_fresh(&stamp, &warnings)) {
        fputs(warnings, stderr);
        if (o->verbose)
            printf("up to date: %s\n", o->catalog);
        free(warnings);
        ec_stamp_free(&stamp);
        free(builtin);
        return finish(&d, EXIT_OK);
    }
    int status;
    ec_catalog *c = load_checked(o->catalog, o->max_bytes, &d, &status);
    if (!c) {
        if (stamping)
            ec_stamp_free(&stamp);
        free(builtin);
        return finish(&d, status);
    }
    ec_outputs out;
    memset(&out, 0, sizeof out);
    build_ctx ctx = {c, builtin, o->templates, ec_vnull(), PTHREAD_MUTEX_INITIALIZER};
    status = write_targets(o, builtin, render_catalog, &ctx, &out, &d);
    pthread_mutex_destroy(&ctx.lock);
    ec_buf path;
    ec_buf_init(&path);
    if (status == EXIT_OK && o->depfile && !o->check) {
        ec_buf dep;
        ec_buf_init(&dep);
        for (size_t i = 0; i < out.n; i++) {
            ec_buf_reset(&path);
            ec_buf_printf(&path, "%s/%s", o->outdir, out.v[i].path);
            write_depfile_path(&dep, path.data);
            ec_buf_puts(&dep, i + 1 < out.n ? " \\\n" : ":");
        }
        for (size_t i = 0; i < c->nfiles; i++) {
            ec_buf_puts(&dep, " \\\n  ");
            write_depfile_path(&dep, c->files[i]);
        }
        for (size_t i = 0; i < out.ninputs; i++) {
            ec_buf_puts(&dep, " \\\n  ");
            write_depfile_path(&dep, out.inputs[i]);
        }
        ec_buf_putc(&dep, '\n');
        if (ec_write_file(o->depfile, dep.data, dep.len, &d) == EC_WRITE_FAILED)
            status = EXIT_USAGE;
        ec_buf_free(&dep);
    }
    if (stamping) {
        if (status == EXIT_OK)
            stamp_finish(&stamp, o, c, &out, &d);
        ec_stamp_free(&stamp);
    }
    ec_buf_free(&path);
    ec_outputs_free(&out);
    free(builtin);
    ec_catalog_free(c);
    return finish(&d, status);
}

/* errcat diff OLD NEW [--format F] [--approvals FILE]. Exit status: 0 when
** no breaking change is left unapproved, 1 when one is, 2 on bad usage or
** when a side or the approvals file cannot be read or is not valid (so
** that a CI job never mistakes a broken input for a breaking change). */
static int cmd_diff(options *o, const char *argv0)
{
    const char *const *side = o->args, *format = o->format ? o->format : "text";
    if (o->nargs < 2)
        return usage("diff needs two catalogs: OLD NEW", NULL);
    ec_diff_format f;
    if (!ec_diff_format_find(format, &f))
        return usage("unknown diff format", format);
    ec_diag d;
    ec_diag_init(&d);
    ec_catalog *c[2] = {NULL, NULL};
    for (int i = 0; i < 2; i++) {
        /* A side's warnings are 'check's business: its diagnostics show
        ** only when it cannot be compared. */
        ec_diag side_diag;
        ec_diag_init(&side_diag);
        c[i] = ec_diff_load(side[i], &side_diag);
        if (!c[i])
            ec_diag_print(&side_diag, stderr);
        ec_diag_free(&side_diag);
    }
    int status = EXIT_USAGE;
    if (c[0] && c[1]) {
        ec_diff_result *r = ec_diff(c[0], c[1]);
        bool ok = true;
        if (o->approvals) {
            size_t len;
            char *text = ec_read_file(o->approvals, EC_MAX_INPUT_BYTES, &len,
                                      (ec_loc){NULL, 0, 0}, &d);
            ok = text && ec_diff_apply_approvals(r, o->approvals, text, len, &d);
            free(text);
        }
        if (ok) {
            ec_buf out;
            ec_buf_init(&out);
            ec_diff_write(r, f, &out);
            fwrite(out.data, 1, out.len, stdout);
            ec_buf_free(&out);
            status = ec_diff_count(r).breaking ? EXIT_DIAG : EXIT_OK;
            if (fflush(stdout) != 0)
                status = EXIT_USAGE;
        }
        ec_diff_free(r);
    }
    ec_catalog_free(c[0]);
    ec_catalog_free(c[1]);
    return finish(&d, status);
}

/* errcat lint CATALOG [--format F] [--enable RULE]... [--disable RULE]...
** [--warn-only], or errcat lint --rules. Exit status: 0 when clean (or
** with --warn-only), 1 on a warning or an error in the catalog or its lint
** section, 2 on bad usage or an unreadable file. */
static int cmd_lint(options *o, const char *argv0)
{
    const char *path = o->catalog, *format = o->format ? o->format : "text";
    if (o->list_rules) {
        ec_buf b;
        ec_buf_init(&b);
        ec_lint_list_rules(&b);
        fwrite(b.data, 1, b.len, stdout);
        ec_buf_free(&b);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (!path)
        return usage("this command needs a file:", "lint");
    bool json = strcmp(format, "json") == 0;
    if (!json && strcmp(format, "text") != 0)
        return usage("unknown lint format", format);
    ec_diag d;
    ec_diag_init(&d);
    int status;
    ec_catalog *c = load_checked(path, EC_MAX_INPUT_BYTES, &d, &status);
    if (!c)
        return finish(&d, status);
    ec_lint_config cfg;
    ec_lint_config_init(&cfg);
    if (!ec_lint_config_read(&cfg, &c->lint, &d)) {
        ec_catalog_free(c);
        return finish(&d, EXIT_DIAG);
    }
    /* The command line's choices come after the catalog's own. */
    for (size_t i = 0; i < o->nrules; i++) {
        if (!ec_lint_config_set(&cfg, o->rules[i].rule, o->rules[i].on, (ec_loc){NULL, 0, 0},
                                &d)) {
            ec_catalog_free(c);
            return finish(&d, EXIT_USAGE);
        }
    }
    ec_lint_result *r = ec_lint(c, &cfg);
    status = EXIT_OK;
    if (json) {
        ec_buf out;
        ec_buf_init(&out);
        ec_lint_write_json(r, &out);
        fwrite(out.data, 1, out.len, stdout);
        ec_buf_free(&out);
        if (fflush(stdout) != 0)
            status = EXIT_USAGE;
    } else {
        ec_lint_report(r, &d);
    }
    if (status == EXIT_OK && (r->n || d.warnings) && !o->warn_only)
        status = EXIT_DIAG;
    ec_lint_free(r);
    ec_catalog_free(c);
    return finish(&d, status);
}

typedef struct partial_dir {
    const char *dir;
    ec_arena *a;
    ec_diag *d;
} partial_dir;

static bool partial_source(void *ud, const char *name, const char **text, size_t *len,
                           const char **file)
{
    partial_dir *p = ud;
    if (!p->dir || strchr(name, '/'))
        return false;
    for (int under = 0; under < 2; under++) {
        char *path = ec_arena_printf(p->a, "%s/%s%s.mustache", p->dir, under ? "_" : "", name);
        if (access(path, R_OK) != 0)
            continue;
        char *t = ec_read_file(path, EC_MAX_INPUT_BYTES, len, (ec_loc){NULL, 0, 0}, p->d);
        if (!t)
            return false;
        *text = ec_arena_strndup(p->a, t, *len);
        free(t);
        *file = path;
        return true;
    }
    return false;
}

/* errcat index CATALOG... [-o DIR] [-t TARGET]... [--templates DIR]
** [--check] [-v]: one page over several catalogs built together (the
** templates in <target>/index/, rendered against {catalogs: [...]}), at
** the root of the output folder. */
static int cmd_index(options *o, const char *argv0)
{
    const char *const *paths = o->args;
    size_t npaths = o->nargs;
    if (!npaths)
        return usage("index needs catalogs", NULL);
    ec_diag d;
    ec_diag_init(&d);
    ec_catalog **cats = ec_xmalloc(npaths * sizeof *cats);
    ec_builder list;
    ec_builder_init(&list);
    size_t ncats = 0;
    int status = EXIT_OK;
    for (size_t i = 0; i < npaths && status == EXIT_OK; i++) {
        cats[ncats] = load_checked(paths[i], o->max_bytes, &d, &status);
        if (!cats[ncats])
            break;
        status = EXIT_OK;
        ec_catalog *c = cats[ncats++];
        ec_value v = ec_view_build(c, EC_VIEW_TEMPLATE);
        ec_builder m; /* the catalog's view, with its place in the list */
        ec_builder_init(&m);
        for (uint32_t k = 0; k < v.len; k++)
            ec_builder_add(&m, v.u.members[k].key, v.u.members[k].val);
        ec_builder_add(&m, "index", ec_vint((int64_t)i));
        ec_builder_add(&m, "first", ec_vbool(i == 0));
        ec_builder_add(&m, "last", ec_vbool(i + 1 == npaths));
        ec_builder_push(&list, ec_builder_map(&m, &c->arena));
    }
    char *builtin = ec_builtin_templates_dir(argv0);
    if (status == EXIT_OK) {
        ec_builder top;
        ec_builder_init(&top);
        ec_builder_add(&top, "catalogs", ec_builder_list(&list, &cats[0]->arena));
        ec_builder_add(&top, "catalog_count", ec_vint((int64_t)ncats));
        ec_value view = ec_builder_map(&top, &cats[0]->arena);
        ec_outputs out;
        memset(&out, 0, sizeof out);
        index_ctx ctx = {&view, builtin, o->templates};
        status = write_targets(o, builtin, render_index, &ctx, &out, &d);
        ec_outputs_free(&out);
    } else {
        ec_builder_discard(&list);
    }
    free(builtin);
    for (size_t i = 0; i < ncats; i++)
        ec_catalog_free(cats[i]);
    free(cats);
    return finish(&d, status);
}

static int cmd_render(options *o, const char *argv0)
{
    if (!o->data)
        return usage("render needs --data FILE", NULL);
    ec_escape_fn esc = ec_escape_find(o->escape ? o->escape : "html");
    if (!esc)
        return usage("unknown escape mode", o->escape);
    ec_diag d;
    ec_diag_init(&d);
    ec_arena a;
    ec_arena_init(&a);
    int status = EXIT_USAGE;
    size_t tlen, dlen;
    char *ttext = ec_read_file(o->catalog, EC_MAX_INPUT_BYTES, &tlen, (ec_loc){NULL, 0, 0}, &d);
    char *dtext = ttext ? ec_read_file(o->data, EC_MAX_INPUT_BYTES, &dlen, (ec_loc){NULL, 0, 0}, &d)
                        : NULL;
    ec_value data;
    if (ttext && dtext) {
        status = EXIT_DIAG;
        if (ec_doc_parse(&a, o->data, dtext, dlen, NULL, &d, &data)) {
            partial_dir pd = {o->partials, &a, &d};
            ec_tmpl_env env;
            ec_tmpl_env_init(&env, &a, &d);
            env.source = partial_source;
            env.source_ud = &pd;
            /* A language's escapers, or one that is no language's ("none",
            ** "comment", "c-comment"), prose then being plain text. */
            const ec_language *L = ec_language_find(o->escape ? o->escape : "html");
            ec_tmpl_env_language(&env, L);
            env.escape = esc;
            ec_tmpl *t = ec_tmpl_compile(&env, o->catalog, ttext, tlen);
            ec_buf out;
            ec_buf_init(&out);
            if (t && ec_tmpl_render(&env, t, &data, &out)) {
                fwrite(out.data, 1, out.len, stdout);
                status = fflush(stdout) == 0 ? EXIT_OK : EXIT_USAGE;
            }
            ec_buf_free(&out);
            ec_tmpl_env_free(&env);
        }
    }
    free(ttext);
    free(dtext);
    ec_arena_free(&a);
    return finish(&d, status);
}

static int cmd_targets(options *o, const char *argv0)
{
    char *builtin = ec_builtin_templates_dir(argv0);
    ec_target_list(builtin, o->templates, stdout);
    free(builtin);
    return EXIT_OK;
}

/* errcat import FORMAT FILE... [-o CATALOG.yaml]: exit 0 with the catalog
** written, 1 after errors in a source (nothing written), 2 on bad usage or
** an unreadable file. */
static int cmd_import(options *o, const char *argv0)
{
    if (o->nargs < 2)
        return usage("import needs a format and files: errcat import FORMAT FILE...", NULL);
    const ec_import_format *f = ec_import_format_find(o->args[0]);
    if (!f)
        return usage("unknown import format (see 'errcat import --help')", o->args[0]);
    if (o->id && !ec_imp_is_ident(o->id, strlen(o->id)))
        return usage("--id takes an id ([a-z][a-z0-9_]*)", o->id);
    const char *out_path = o->output;
    ec_diag d;
    ec_diag_init(&d);
    d.werror = o->werror;
    ec_import im;
    ec_import_init(&im, f->name, &d);
    im.id = o->id;
    im.title = o->title;
    int status = EXIT_OK;
    for (size_t i = 1; i < o->nargs && status != EXIT_USAGE; i++) {
        struct stat st;
        if (access(o->args[i], R_OK) != 0 || stat(o->args[i], &st) != 0 || !S_ISREG(st.st_mode)) {
            ec_read_file(o->args[i], 0, NULL, (ec_loc){NULL, 0, 0}, &d);
            status = EXIT_USAGE;
        } else if (!ec_import_read(&im, f, o->args[i], o->max_bytes)) {
            status = EXIT_DIAG;
        }
    }
    ec_buf out;
    ec_buf_init(&out);
    if (status == EXIT_OK && (!ec_import_write(&im, out_path ? out_path : "<stdout>", out_path != NULL, &out) ||
                              ec_diag_failed(&d)))
        status = EXIT_DIAG;
    if (status == EXIT_OK) {
        if (out_path && im.nlocales) {
            /* The catalog and its locales' PO files, all or none. */
            const char *slash = strrchr(out_path, '/');
            char *dir = slash ? strndup(out_path, (size_t)(slash - out_path)) : strdup(".");
            ec_sink k;
            ec_sink_init(&k, dir, false, &d);
            ec_output x = {strdup(slash ? slash + 1 : out_path), NULL, 0};
            x.data = ec_buf_detach(&out, &x.len);
            ec_sink_done(&k, &x);
            free(x.path);
            for (size_t l = 0; l < im.nlocales; l++) {
                ec_buf po;
                ec_buf_init(&po);
                ec_import_write_po(&im, l, &po);
                ec_output y = {NULL, NULL, 0};
                ec_buf name;
                ec_buf_init(&name);
                ec_buf_printf(&name, "locales/%s.po", im.locales[l]);
                y.path = ec_buf_detach(&name, NULL);
                y.data = ec_buf_detach(&po, &y.len);
                ec_sink_done(&k, &y);
                free(y.path);
            }
            if (!ec_sink_finish(&k, true))
                status = EXIT_USAGE;
            ec_sink_free(&k);
            free(dir);
        } else if (out_path) {
            if (ec_write_file(out_path, out.data, out.len, &d) == EC_WRITE_FAILED)
                status = EXIT_USAGE;
        } else {
            fwrite(out.data, 1, out.len, stdout);
            if (fflush(stdout) != 0)
                status = EXIT_USAGE;
        }
    }
    ec_buf_free(&out);
    ec_import_free(&im);
    return finish(&d, status);
}

typedef struct command {
    const char *name;
    const opt_spec *opts;
    size_t max_args;
    bool needs_file; /* its first argument */
    int (*run)(options *o, const char *argv0);
} command;

static const command commands[] = {
    {"build", build_opts, 1, true, cmd_build},
    {"check", build_opts, 1, true, cmd_check},
    {"render", build_opts, 1, true, cmd_render},
    {"targets", build_opts, 0, false, cmd_targets},
    {"diff", diff_opts, 2, false, cmd_diff},
    {"lint", lint_opts, 1, false, cmd_lint},
    {"index", index_opts, SIZE_MAX, false, cmd_index},
    {"import", import_opts, SIZE_MAX, false, cmd_import},
};

static const command_help *command_help_of(const char *name)
{
    for (size_t i = 0; i < sizeof helps / sizeof helps[0]; i++)
        if (strcmp(helps[i].name, name) == 0)
            return &helps[i];
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage("no command given", NULL);
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        return print_help(NULL);
    }
    if (strcmp(name, "--version") == 0) {
        printf("errcat %s (catalog format %d)\n", EC_VERSION, EC_FORMAT_VERSION);
        return EXIT_OK;
    }
    const command *cmd = NULL;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0] && !cmd; i++)
        if (strcmp(commands[i].name, name) == 0)
            cmd = &commands[i];
    options o;
    memset(&o, 0, sizeof o);
    o.outdir = "out";
    o.max_bytes = EC_MAX_INPUT_BYTES;
    /* An unknown command's words are read as build's, so that a bad option
    ** is named before the command is. */
    int status = parse_options(argc - 2, argv + 2, cmd ? cmd->opts : build_opts,
                               cmd ? cmd->max_args : 1, &o);
    if (status < 0) {
        if (!cmd)
            status = usage("unknown command", name);
        else if (o.help)
            status = print_help(command_help_of(cmd->name));
        else if (cmd->needs_file && !o.catalog)
            status = usage("this command needs a file:", name);
        else
            status = cmd->run(&o, argv[0]);
    }
    options_free(&o);
    return status;
}
