/* reglint lint [OPTIONS] [FILE... | -] */
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "cli.h"
#include "config.h"
#include "filelist.h"
#include "fix.h"
#include "jobs.h"
#include "linediff.h"
#include "lint.h"
#include "platform.h"
#include "policy.h"
#include "profile.h"
#include "render.h"
#include "xalloc.h"

static const char lint_help[] =
    "usage: reglint lint [OPTIONS] FILE|DIR... | -\n"
    "\n"
    "Check .reg files as regedit would import them: syntax, names, types and\n"
    "ranges, contradictions, weak protocols and ciphers. Several files are\n"
    "checked in one run; a malformed file does not stop the others. A FILE\n"
    "ending in .profile is checked as a profile (PF findings). Group Policy\n"
    "files (Registry.pol, LGPO text, GptTmpl.inf, Registry.xml) and GPO\n"
    "folders are recognised by their content and checked as .reg files are.\n"
    "A DIR stands for every file below it whose name ends in .reg (any case)\n"
    "and every GPO folder below it, in name order; links to directories below\n"
    "it are not followed.\n"
    "\n"
    "  -j, --jobs N            check N files at a time (default 1; 0: one per\n"
    "                          CPU); the report is the same whatever N is\n"
    "  -f, --format FMT        text (default), gcc, json, sarif, github;\n"
    "                          FMT=FILE writes one more report in that format\n"
    "                          ('-': standard output, which takes one report)\n"
    "  -o, --output FILE       write the report there instead of standard output\n"
    "      --profile P         a profile file or built-in name: report what the files\n"
    "                          miss of it (RL6001) and use its target and lint settings\n"
    "      --target OS         the Windows version whose defaults fill absent values\n"
    "                          (windows-7-sp1, windows-server-2019, windows-11, ...)\n"
    "      --severity LEVEL    show findings at or above error, warning, info, style\n"
    "      --fail-on LEVEL     exit 1 when a finding at or above LEVEL remains\n"
    "                          (default warning); none: never\n"
    "      --select IDS        only these rules (IDs, names or prefixes, comma-separated)\n"
    "      --ignore IDS        not these rules\n"
    "      --no-inline-suppressions  ignore '; reglint-disable...' comments\n"
    "      --color WHEN        auto (default), always, never; NO_COLOR, FORCE_COLOR\n"
    "                          and TERM=dumb are honoured\n"
    "      --stdin-filename NAME  the name of standard input in reports\n"
    "      --root machine|user  the hive of a Registry.pol outside a GPO's Machine\n"
    "                          or User folder (default machine)\n"
    "      --mount KEY         where a registry hive is mounted (HKLM\\SYSTEM,\n"
    "                          HKLM\\SOFTWARE, HKCU...), not what its root holds\n"
    "      --all-keys          read every key of a registry hive, not only those\n"
    "                          reglint reads\n"
    "      --fix               apply the safe fixes to each file in place, then report\n"
    "                          what remains (the file is replaced atomically, and\n"
    "                          left alone if it changed since it was read)\n"
    "      --fix-to OUT        write the fixed FILE to OUT; FILE is left alone\n"
    "      --diff              print the fixes as a unified diff; write nothing\n"
    "      --unsafe-fixes      also apply fixes that change what the file does\n"
    "                          beyond the finding (add a missing Wow6432Node twin, ...)\n"
    "      --show-fixes        list each fix applied, where and why (standard error)\n"
    "      --config FILE       take the settings from FILE instead of the .reglint\n"
    "                          found by walking up from each file\n"
    "      --no-config         use no .reglint file\n"
    "      --statistics        print how many findings each rule has instead of the\n"
    "                          findings (other -f FMT=FILE reports are written too)\n"
    "  -q, --quiet             the findings only: no summary, no 'fixes applied'\n"
    "      --baseline FILE     do not report the findings FILE records\n"
    "      --write-baseline FILE  record the findings in FILE (then exit 0)\n"
    "\n"
    "'--' ends the options: every argument after it is a file.\n"
    "'reglint rules' lists the rules; 'reglint rule ID' explains one.\n"
    "exit status: 0 clean, 1 findings at or above --fail-on (with --diff: a fix\n"
    "to show), 2 usage error,\n"
    "3 a file could not be read or written.\n";

#define MAX_OUTPUTS 8
/* A bound on threads, against a mistyped -j 10000: each thread holds a
 * file in memory. */
#define MAX_JOBS 256

enum fix_mode {
    FIX_MODE_NONE,
    FIX_MODE_IN_PLACE, /* --fix */
    FIX_MODE_TO,       /* --fix-to OUT */
    FIX_MODE_DIFF,     /* --diff */
};

struct output {
    enum render_format format;
    const char *path; /* NULL: standard output */
    char option[24];  /* how the command line named it: "-o", "-f json=" */
    struct platform_output *file; /* NULL: standard output */
    FILE *stream;
    struct renderer *renderer; /* NULL: the main report is --statistics' */
};

struct lint_args {
    /* The command line's target and inline suppressions; a file's options
     * are its setup's (struct lint_setup). */
    struct lint_options options;
    struct output outputs[MAX_OUTPUTS];
    size_t noutputs;
    enum severity show;
    bool fail_never;
    enum severity fail_on;
    const char *color;
    const char *stdin_name;
    const char *profile;
    bool fail_on_given;
    char **files;
    size_t nfiles;
    unsigned jobs; /* files checked at a time */
    enum fix_mode fix_mode;
    const char *fix_to;
    bool unsafe_fixes;
    /* --select and --ignore lists, applied after the profile's lint block
     * so that the command line wins. */
    bool selected;
    char *select_lists[32];
    size_t nselect;
    char *ignore_lists[32];
    size_t nignore;
    const char *config_path; /* --config FILE */
    bool no_config;          /* --no-config */
    bool statistics, quiet, show_fixes;
    const char *baseline, *write_baseline;
    /* The target a SOFTWARE hive among the files names, for files whose
     * settings name none. */
    bool has_hive_target;
    enum target hive_target;
};

/* The settings a group of files is linted with: those of one .reglint (or
 * none), under the command line's. */
struct lint_setup {
    char *config_path; /* NULL: no .reglint applies */
    struct lint_config config;
    struct lint_options options;
    bool fail_never;
    enum severity fail_on;
    struct profile prof;
    bool has_profile;
};

/* The value of an option given as "--opt VALUE" or "--opt=VALUE"; NULL when
 * argv[*i] is not that option, or when it is the last argument and so has no
 * value: then *missing names it, for the caller to report once no other
 * option has matched. */
static char *option_value(int argc, char **argv, int *i, const char *name, const char *alias,
                          const char **missing)
{
    char *arg = argv[*i];
    size_t n = strlen(name);
    if (strncmp(arg, name, n) == 0 && arg[n] == '=')
        return arg + n + 1;
    /* A short option's value may be attached, as in "-fgcc". */
    if (alias && alias[1] != '-' && strncmp(arg, alias, 2) == 0 && arg[2] != '\0')
        return arg + 2;
    if (strcmp(arg, name) != 0 && !(alias && strcmp(arg, alias) == 0))
        return NULL;
    if (*i + 1 >= argc) {
        *missing = arg;
        return NULL;
    }
    return argv[++*i];
}

/* lint's options, for "did you mean" on a misspelt one. */
static const char *const lint_option_names[] = {
    "--jobs", "--format", "--output", "--profile", "--target", "--severity", "--fail-on",
    "--select", "--ignore", "--no-inline-suppressions", "--color", "--stdin-filename", "--fix",
    "--fix-to", "--diff", "--unsafe-fixes", "--help", "--config", "--no-config", "--statistics",
    "--quiet", "--baseline", "--write-baseline", "--show-fixes", NULL,
};


/* "-f FMT[=FILE]": the report's format, and for FMT=FILE one more report. */
static int add_format(struct lint_args *a, const char *v)
{
    const char *eq = strchr(v, '=');
    char name[16];
    size_t len = eq ? (size_t)(eq - v) : strlen(v);
    if (len >= sizeof name)
        len = sizeof name - 1;
    memcpy(name, v, len);
    name[len] = '\0';
    enum render_format fmt;
    if (!render_format_parse(name, &fmt))
        return cli_usage("lint", "unknown format '%s' (text, gcc, json, sarif, github)", name);
    if (!eq) {
        a->outputs[0].format = fmt;
        return -1;
    }
    if (eq[1] == '\0')
        return cli_usage("lint", "-f %s= needs a file name ('-' for standard output)", name);
    if (a->noutputs == MAX_OUTPUTS)
        return cli_usage("lint", "too many reports (at most %d)", MAX_OUTPUTS);
    struct output *o = &a->outputs[a->noutputs++];
    o->format = fmt;
    o->path = strcmp(eq + 1, "-") == 0 ? NULL : eq + 1;
    snprintf(o->option, sizeof o->option, "-f %s=", name);
    return -1;
}

/* Two reports on standard output would interleave into neither format. */
static int check_stdout_reports(const struct lint_args *a)
{
    const char *first = NULL;
    for (size_t i = 0; i < a->noutputs; i++) {
        if (a->outputs[i].path)
            continue;
        if (first)
            return cli_usage("lint", "'%s' and '%s-' both write standard output; give one a file",
                             first, a->outputs[i].option);
        first = i == 0 ? "-o -" : a->outputs[i].option;
    }
    return -1;
}

/* Parses the command line; returns -1 to go on, else an exit status. */
static int parse_args(int argc, char **argv, struct lint_args *a)
{
    memset(a, 0, sizeof *a);
    lint_options_init(&a->options);
    a->show = SEV_STYLE;
    a->fail_on = SEV_WARNING;
    a->color = "auto";
    a->noutputs = 1;
    a->outputs[0].format = FORMAT_TEXT;
    strcpy(a->outputs[0].option, "-o");
    a->files = argv;
    a->jobs = 1;
    bool options_ended = false; /* after "--", every argument is a file */
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *missing = NULL;
        char *v;
        if (options_ended || strcmp(arg, "-") == 0 || arg[0] != '-') {
            a->files[a->nfiles++] = argv[i];
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(lint_help, stdout);
            return EXIT_OK;
        } else if (strcmp(arg, "--") == 0) {
            options_ended = true;
        } else if ((v = option_value(argc, argv, &i, "--format", "-f", &missing))) {
            int rc = add_format(a, v);
            if (rc >= 0)
                return rc;
        } else if ((v = option_value(argc, argv, &i, "--jobs", "-j", &missing))) {
            char *end;
            unsigned long n = strtoul(v, &end, 10);
            if (*v < '0' || *v > '9' || *end || n > MAX_JOBS)
                return cli_usage("lint", "--jobs takes a number from 0 to %d, not '%s'", MAX_JOBS, v);
            a->jobs = n > 0 ? (unsigned)n : platform_cpu_count();
            if (a->jobs > MAX_JOBS)
                a->jobs = MAX_JOBS;
        } else if ((v = option_value(argc, argv, &i, "--output", "-o", &missing))) {
            if (!*v)
                return cli_usage("lint", "-o needs a file name ('-' for standard output)");
            a->outputs[0].path = strcmp(v, "-") == 0 ? NULL : v;
        } else if ((v = option_value(argc, argv, &i, "--profile", NULL, &missing))) {
            a->profile = v;
        } else if ((v = option_value(argc, argv, &i, "--target", NULL, &missing))) {
            if (!target_by_name(v, &a->options.target))
                return cli_unknown_target("lint", v);
            a->options.has_target = true;
        } else if ((v = option_value(argc, argv, &i, "--severity", NULL, &missing))) {
            if (!severity_parse(v, &a->show))
                return cli_usage("lint", "unknown level '%s' (error, warning, info, style)", v);
        } else if ((v = option_value(argc, argv, &i, "--fail-on", NULL, &missing))) {
            a->fail_on_given = true;
            a->fail_never = strcmp(v, "none") == 0;
            if (!a->fail_never && !severity_parse(v, &a->fail_on))
                return cli_usage("lint", "unknown level '%s' (error, warning, info, style, none)", v);
        } else if ((v = option_value(argc, argv, &i, "--select", NULL, &missing))) {
            /* An empty list would turn every rule off and pass the run. */
            if (strspn(v, ", \t") == strlen(v))
                return cli_usage("lint", "--select needs a rule ID, name or prefix; to check nothing, do not run lint");
            if (a->nselect == 32)
                return cli_usage("lint", "too many --select options");
            a->select_lists[a->nselect++] = v;
            a->selected = true;
        } else if ((v = option_value(argc, argv, &i, "--ignore", NULL, &missing))) {
            if (a->nignore == 32)
                return cli_usage("lint", "too many --ignore options");
            a->ignore_lists[a->nignore++] = v;
        } else if (strcmp(arg, "--no-inline-suppressions") == 0) {
            a->options.inline_suppressions = false;
        } else if ((v = option_value(argc, argv, &i, "--color", NULL, &missing))) {
            if (strcmp(v, "auto") != 0 && strcmp(v, "always") != 0 && strcmp(v, "never") != 0)
                return cli_usage("lint", "--color takes auto, always or never, not '%s'", v);
            a->color = v;
        } else if ((v = option_value(argc, argv, &i, "--stdin-filename", NULL, &missing))) {
            a->stdin_name = v;
        } else if (strcmp(arg, "--fix") == 0 || strcmp(arg, "--diff") == 0 ||
                   (v = option_value(argc, argv, &i, "--fix-to", NULL, &missing))) {
            enum fix_mode mode = strcmp(arg, "--fix") == 0    ? FIX_MODE_IN_PLACE
                                 : strcmp(arg, "--diff") == 0 ? FIX_MODE_DIFF
                                                              : FIX_MODE_TO;
            if (a->fix_mode != FIX_MODE_NONE && a->fix_mode != mode)
                return cli_usage("lint", "--fix, --fix-to and --diff exclude each other");
            if (mode == FIX_MODE_TO && !*v)
                return cli_usage("lint", "--fix-to needs a file name");
            a->fix_mode = mode;
            if (mode == FIX_MODE_TO)
                a->fix_to = v;
        } else if (strcmp(arg, "--unsafe-fixes") == 0) {
            a->unsafe_fixes = true;
        } else if ((v = option_value(argc, argv, &i, "--config", NULL, &missing))) {
            a->config_path = v;
        } else if (strcmp(arg, "--no-config") == 0) {
            a->no_config = true;
        } else if (strcmp(arg, "--show-fixes") == 0) {
            a->show_fixes = true;
        } else if (strcmp(arg, "--statistics") == 0) {
            a->statistics = true;
        } else if (strcmp(arg, "--quiet") == 0 || strcmp(arg, "-q") == 0) {
            a->quiet = true;
        } else if ((v = option_value(argc, argv, &i, "--baseline", NULL, &missing))) {
            a->baseline = v;
        } else if ((v = option_value(argc, argv, &i, "--write-baseline", NULL, &missing))) {
            a->write_baseline = v;
        } else if (missing) {
            return cli_usage("lint", "%s needs a value", missing);
        } else {
            return cli_unknown_option("lint", arg, lint_option_names);
        }
    }
    if (a->nfiles == 0)
        return cli_usage("lint", "missing FILE ('-' reads standard input)");
    int rc = check_stdout_reports(a);
    if (rc >= 0)
        return rc;
    if (a->show_fixes && a->fix_mode == FIX_MODE_NONE)
        return cli_usage("lint", "--show-fixes goes with --fix, --fix-to or --diff");
    if (a->config_path && a->no_config)
        return cli_usage("lint", "--config and --no-config exclude each other");
    if (a->unsafe_fixes && a->fix_mode == FIX_MODE_NONE)
        return cli_usage("lint", "--unsafe-fixes goes with --fix, --fix-to or --diff");
    if (a->fix_mode == FIX_MODE_TO && (a->nfiles != 1 || platform_is_dir(a->files[0])))
        return cli_usage("lint", "--fix-to writes one file; give one FILE");
    for (size_t f = 0; f < a->nfiles && a->fix_mode == FIX_MODE_IN_PLACE; f++)
        if (strcmp(a->files[f], "-") == 0)
            return cli_usage("lint", "--fix cannot write standard input back; use --fix-to or --diff");
    return -1;
}

/* Turns the rules of a list on or off, on a copy: the list is read for
 * every setup, and lint_options_select() cuts it up. */
static bool select_copy(struct lint_options *o, const char *list, bool on, char **bad)
{
    char *copy = xstrdup(list);
    const char *item = NULL;
    bool ok = lint_options_select(o, copy, on, &item);
    *bad = ok ? NULL : xstrdup(item);
    free(copy);
    return ok;
}

static int bad_selection(const char *where, char *bad)
{
    int rc = cli_usage("lint", "%s: no rule matches '%s'", where, bad);
    free(bad);
    return rc;
}

/* --select and --ignore; returns -1 to go on, else an exit status. */
static int apply_selection(const struct lint_args *a, struct lint_options *o)
{
    char *bad;
    if (a->selected) {
        for (int r = 0; r < RULE_COUNT; r++)
            o->enabled[r] = false;
        for (size_t i = 0; i < a->nselect; i++)
            if (!select_copy(o, a->select_lists[i], true, &bad))
                return bad_selection("--select", bad);
    }
    for (size_t i = 0; i < a->nignore; i++)
        if (!select_copy(o, a->ignore_lists[i], false, &bad))
            return bad_selection("--ignore", bad);
    return -1;
}

static bool want_color(const char *when, FILE *out)
{
    if (strcmp(when, "always") == 0)
        return true;
    if (strcmp(when, "never") == 0)
        return false;
    const char *force = getenv("FORCE_COLOR");
    if (force && *force && strcmp(force, "0") != 0)
        return true;
    const char *no = getenv("NO_COLOR");
    if (no && *no)
        return false;
    /* A terminal that says it cannot show escapes (an editor's, CI logs). */
    const char *term = getenv("TERM");
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return platform_isatty(out);
}

/* Checks the report files and --fix-to's against each other and the
 * files to lint; returns -1 to go on, else an exit status. */
static int check_outputs(const struct lint_args *a, const struct file_list *files)
{
    struct cli_output named[MAX_OUTPUTS + 1];
    size_t n = 0;
    for (size_t i = 0; i < a->noutputs; i++)
        if (a->outputs[i].path)
            named[n++] = (struct cli_output){a->outputs[i].option, a->outputs[i].path};
    if (a->fix_mode == FIX_MODE_TO)
        named[n++] = (struct cli_output){"--fix-to", a->fix_to};
    const char **inputs = xcalloc(files->n ? files->n : 1, sizeof *inputs);
    for (size_t i = 0; i < files->n; i++)
        inputs[i] = files->items[i].path;
    int rc = cli_check_outputs("lint", named, n, inputs, files->n);
    free(inputs);
    return rc;
}

/* Starts the reports. A report file is written beside its place and put
 * there when complete (platform.h), so that the old one stays whole until
 * then. */
static bool open_outputs(struct lint_args *a)
{
    for (size_t i = 0; i < a->noutputs; i++) {
        struct output *o = &a->outputs[i];
        FILE *stream = stdout;
        if (o->path) {
            const char *error = platform_output_begin(o->path, NULL, &o->file);
            if (error) {
                cli_error("%s: cannot write: %s", o->path, error);
                for (size_t j = 0; j < i; j++)
                    if (a->outputs[j].file)
                        platform_output_abandon(a->outputs[j].file);
                return false;
            }
            stream = platform_output_stream(o->file);
        }
        o->stream = stream;
        /* --statistics prints counts where the main report would go. */
        if (i == 0 && a->statistics)
            continue;
        o->renderer = render_begin(stream, o->format, i == 0 && want_color(a->color, stream));
        if (a->quiet)
            render_set_quiet(o->renderer);
    }
    return true;
}

/* A code's count for --statistics. */
struct code_count {
    const char *code; /* static: the catalogue's */
    const char *name;
    size_t count;
};

static int by_count(const void *pa, const void *pb)
{
    const struct code_count *a = pa, *b = pb;
    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp(a->code, b->code);
}

/* --statistics: each rule that reported, how often, most frequent first. */
static void print_statistics(FILE *out, struct code_count *counts, size_t n)
{
    qsort(counts, n, sizeof *counts, by_count);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        fprintf(out, "%6zu  %-7s %s\n", counts[i].count, counts[i].code, counts[i].name);
        total += counts[i].count;
    }
    fprintf(out, "%6zu  findings\n", total);
}

static bool close_outputs(struct lint_args *a)
{
    bool ok = true;
    for (size_t i = 0; i < a->noutputs; i++) {
        struct output *o = &a->outputs[i];
        if (o->renderer)
            render_end(o->renderer);
        const char *error = o->file ? platform_output_commit(o->file) : NULL;
        if (error) {
            cli_error("%s: cannot write: %s", o->path, error);
            ok = false;
        }
    }
    return ok;
}

/* Applies a profile to a setup: its requirements, target and lint { }
 * block. The command line and the .reglint win over the profile. */
static int use_profile(const char *name, bool fail_on_given, struct lint_setup *setup)
{
    setup->has_profile = true;
    int rc = cli_load_profile(name, &setup->prof);
    if (rc != EXIT_OK)
        return rc;
    const struct policy *policy = setup->prof.policy;
    struct lint_options *o = &setup->options;
    o->policy = policy;
    if (!o->has_target && policy->has_target) {
        o->has_target = true;
        o->target = policy->target;
    }
    for (size_t i = 0; i < policy->nsettings; i++) {
        const struct policy_setting *s = &policy->settings[i];
        if (s->kind == PS_PROTOCOL && s->action == PA_DISABLE)
            o->protocol_forbidden[s->subject.protocol.protocol] = true;
        if (s->kind == PS_PROTOCOL && s->action == PA_ENABLE)
            o->protocol_required[s->subject.protocol.protocol] = true;
    }
    const struct policy_lint *pl = &policy->lint;
    if (pl->has_fail_on && !fail_on_given) {
        setup->fail_never = pl->fail_on_none;
        setup->fail_on = pl->fail_on;
    }
    for (size_t i = 0; i < pl->nignore; i++)
        for (int r = 0; r < RULE_COUNT; r++)
            if (rule_matches((enum rule_id)r, pl->ignore[i].selector))
                o->enabled[r] = false;
    for (size_t i = 0; i < pl->nselect; i++)
        for (int r = 0; r < RULE_COUNT; r++)
            if (rule_matches((enum rule_id)r, pl->select[i].selector))
                o->enabled[r] = true;
    for (size_t i = 0; i < pl->noverrides; i++) {
        for (int r = 0; r < RULE_COUNT; r++) {
            if (rule_matches((enum rule_id)r, pl->overrides[i].selector)) {
                o->severity_forced[r] = true;
                o->severity[r] = pl->overrides[i].severity;
            }
        }
    }
    return -1;
}

/* The profile a .reglint names: a built-in name as it is, a path relative
 * to the .reglint's directory. */
static char *config_profile(const struct lint_config *c)
{
    const char *p = c->profile;
    size_t len = strlen(p);
    bool is_path = strchr(p, '/') || strchr(p, '\\') || (len > 8 && strcmp(p + len - 8, ".profile") == 0);
    if (!is_path || platform_is_separator(p[0]) || (p[0] && p[1] == ':'))
        return xstrdup(p);
    struct buf path = BUF_INIT;
    buf_printf(&path, "%s%s", c->dir, p);
    char *result = xstrdup(path.data);
    buf_free(&path);
    return result;
}

/* Settles a setup: the catalogue's defaults, then the profile, then the
 * .reglint, then the command line. Returns -1 to go on, else an exit
 * status (the reason printed). */
static int build_setup(const struct lint_args *a, struct lint_setup *setup)
{
    const struct lint_config *c = setup->config_path ? &setup->config : NULL;
    struct lint_options *o = &setup->options;
    lint_options_init(o);
    o->inline_suppressions = a->options.inline_suppressions;
    o->has_target = a->options.has_target;
    o->target = a->options.target;
    setup->fail_never = a->fail_never;
    setup->fail_on = a->fail_on;
    bool fail_on_given = a->fail_on_given;
    if (c && c->has_target && !o->has_target) {
        o->has_target = true;
        o->target = c->target;
    }
    if (c && c->has_fail_on && !fail_on_given) {
        setup->fail_never = c->fail_never;
        setup->fail_on = c->fail_on;
        fail_on_given = true;
    }
    int rc = -1;
    if (a->profile) {
        rc = use_profile(a->profile, fail_on_given, setup);
    } else if (c && c->profile) {
        char *name = config_profile(c);
        rc = use_profile(name, fail_on_given, setup);
        free(name);
    }
    if (rc >= 0)
        return rc;
    char *bad;
    if (c && c->select) {
        for (int r = 0; r < RULE_COUNT; r++)
            o->enabled[r] = false;
        if (!select_copy(o, c->select, true, &bad))
            return bad_selection(c->path, bad);
    }
    if (c && c->ignore && !select_copy(o, c->ignore, false, &bad))
        return bad_selection(c->path, bad);
    for (size_t i = 0; c && i < c->nseverities; i++) {
        for (int r = 0; r < RULE_COUNT; r++) {
            if (rule_matches((enum rule_id)r, c->severities[i].selector)) {
                o->severity_forced[r] = true;
                o->severity[r] = c->severities[i].severity;
            }
        }
    }
    rc = apply_selection(a, o);
    if (!o->has_target && a->has_hive_target) {
        o->has_target = true;
        o->target = a->hive_target;
    }
    /* A finding --severity hides cannot fail the run: what fails is what
     * the reader was shown. */
    if (setup->fail_on < a->show)
        setup->fail_on = a->show;
    return rc;
}

static void free_setup(struct lint_setup *setup)
{
    if (setup->has_profile)
        profile_release(&setup->prof);
    if (setup->config_path)
        config_free(&setup->config);
    free(setup->config_path);
    free(setup);
}

/* One file of the run. It is read, linted and fixed by a worker (jobs.h);
 * its messages and report are printed afterwards, in the order of the files,
 * by the thread that started the run. */
struct lint_job {
    const struct file_item *item;
    const struct lint_options *options; /* its setup's, or its own for per-path ignores */
    const struct lint_setup *setup;
    struct reg_doc doc;     /* a .reg file that could be read (doc.src set) */
    struct profile checked; /* a profile (is_profile) */
    bool is_profile;
    bool report;            /* the findings are to be reported */
    bool io_error, failed;
    struct buf err;         /* for standard error, printed before the report */
    struct buf out;         /* --diff's diff, for standard output */
};

/* Writes the fixed file: in place, replacing the file only if it is still
 * as it was read; or to --fix-to's file. */
static bool write_fixed(const struct lint_args *a, const char *path, const struct file_stamp *read,
                        const struct buf *bytes, struct lint_job *job)
{
    const char *target = a->fix_mode == FIX_MODE_TO ? a->fix_to : path;
    const char *error = a->fix_mode == FIX_MODE_IN_PLACE
                            ? platform_write_atomic_unchanged(path, bytes->data, bytes->len, read)
                            : platform_write_atomic(target, bytes->data, bytes->len);
    if (error) {
        cli_error_to(&job->err, "%s: cannot write: %s", target, error);
        return false;
    }
    return true;
}

/* --diff: the fixed text against `before`. A UTF-8 or ANSI file's diff is
 * of its bytes, line endings included, so that patch and git apply take it;
 * a UTF-16 file's is of its text in UTF-8, which no tool applies to the
 * file, and the reader is told so. Returns whether there was a change. */
static bool print_fix_diff(const struct decoded_text *after, const struct buf *before, const char *name,
                           struct lint_job *job)
{
    if (after->encoding == TEXT_UTF16LE) {
        bool changed = linediff_unified(before->data, before->len, after->text, after->len, name, name,
                                        &job->out);
        if (changed)
            buf_printf(&job->err,
                       "reglint: note: %s is UTF-16; the diff shows its text as UTF-8 for reading, "
                       "and patch cannot apply it: use --fix or --fix-to\n",
                       name);
        return changed;
    }
    struct buf old_bytes = BUF_INIT, new_bytes = BUF_INIT;
    fix_encode(after, before->data, before->len, &old_bytes);
    fix_encode(after, after->text, after->len, &new_bytes);
    bool changed = linediff_patch(old_bytes.data, old_bytes.len, new_bytes.data, new_bytes.len, name, name,
                                  &job->out);
    buf_free(&old_bytes);
    buf_free(&new_bytes);
    return changed;
}

/* --fix, --fix-to, --diff on a document linted with a's options. Returns
 * false when the document is not to be reported on (a diff was printed, or
 * nothing could be written). */
static bool fix_reg(const struct lint_args *a, const struct file_stamp *read, struct lint_job *job)
{
    struct reg_doc *doc = &job->doc;
    struct buf before = BUF_INIT;
    if (a->fix_mode == FIX_MODE_DIFF)
        buf_append(&before, doc->src->d.text, doc->src->d.len);
    struct fix_outcome outcome;
    fix_document_logged(job->options, a->unsafe_fixes, doc, &outcome, a->show_fixes ? &job->err : NULL,
                        FIX_MAX_PASSES);
    bool report = true;
    if (outcome.unencodable > 0) {
        cli_error_to(&job->err, "%s: the fixes write %zu characters that %s cannot hold; nothing written",
                     doc->src->name, outcome.unencodable, text_encoding_name(doc->src->d.encoding));
        job->io_error = true;
        report = false;
    } else if (a->fix_mode == FIX_MODE_DIFF) {
        if (print_fix_diff(&doc->src->d, &before, doc->src->name, job))
            job->failed = true;
        report = false;
    } else if (outcome.applied > 0 || a->fix_mode == FIX_MODE_TO) {
        struct buf bytes = BUF_INIT;
        fix_encode(&doc->src->d, doc->src->d.text, doc->src->d.len, &bytes);
        report = write_fixed(a, job->item->path, read, &bytes, job);
        job->io_error |= !report;
        buf_free(&bytes);
        if (report && a->fix_mode == FIX_MODE_TO) {
            /* What remains is reported where it now is. */
            free(doc->src->name);
            doc->src->name = xstrdup(a->fix_to);
        }
    }
    if (report && outcome.left > 0)
        buf_printf(&job->err, "reglint: %s: %zu %s applied; stopped after %d passes with %zu %s still offered\n",
                   doc->src->name, outcome.applied, outcome.applied == 1 ? "fix" : "fixes", FIX_MAX_PASSES,
                   outcome.left, outcome.left == 1 ? "fix" : "fixes");
    else if (report && !a->quiet)
        buf_printf(&job->err, "reglint: %s: %zu %s applied\n", doc->src->name, outcome.applied,
                   outcome.applied == 1 ? "fix" : "fixes");
    buf_free(&before);
    return report;
}

/* Lints (and fixes) one .reg file. */
static void lint_reg(const struct lint_args *a, struct lint_job *job)
{
    const char *path = job->item->path;
    struct file_stamp read;
    platform_file_stamp(path, &read);
    /* Before opening it: a FIFO would be read to its end for nothing. */
    if (a->fix_mode == FIX_MODE_IN_PLACE && read.exists && !read.regular) {
        cli_error_to(&job->err, "%s: not a regular file; --fix rewrites regular files only", path);
        job->io_error = true;
        return;
    }
    if (!cli_read_reg_to(path, strcmp(path, "-") == 0 ? a->stdin_name : NULL, &job->doc, &job->err)) {
        job->io_error = true;
        return;
    }
    lint_document(job->options, job->doc.src, job->doc.file, &job->doc.diags);
    lint_finish(job->options, job->doc.file, &job->doc.diags);
    if (job->doc.src->format) {
        /* Fixes are edits to .reg text; a policy file is read as a rendering. */
        for (size_t i = 0; i < job->doc.diags.n; i++)
            job->doc.diags.items[i]->fix = NULL;
    }
    if (a->fix_mode != FIX_MODE_NONE && job->doc.src->format) {
        /* Fixes are edits to .reg text; a policy file is read as a rendering. */
        cli_error_to(&job->err, "%s: a %s file cannot be fixed; it is linted only", job->doc.src->name,
                     job->doc.src->format);
        job->report = true;
        return;
    }
    job->report = a->fix_mode == FIX_MODE_NONE || fix_reg(a, &read, job);
}

/* A profile is linted by reading it: its PF findings. */
static void lint_profile_file(struct lint_job *job)
{
    job->is_profile = true;
    enum profile_status st = profile_load(job->item->path, &job->checked);
    if (st == PROFILE_NOT_FOUND || st == PROFILE_UNREADABLE) {
        cli_error_to(&job->err, "%s", job->checked.error);
        job->io_error = true;
    } else {
        diag_list_sort(&job->checked.diags);
        job->report = true;
    }
}

struct lint_run {
    const struct lint_args *a;
    const struct file_list *files;
    /* Each file's setup and options (per-path ignores give a file options
     * of its own), settled before the workers start. */
    const struct lint_setup **setups;
    struct lint_options **options;
    struct baseline baseline; /* --baseline's */
    struct buf written;       /* --write-baseline's entries, in report order */
    struct code_count *counts;
    size_t ncounts;
    /* jobs[i]: file i's job from its work until its report; NULL otherwise,
     * so that only the files in flight take memory. */
    struct lint_job **jobs;
    bool io_error, failed;
};

static void count_codes(struct lint_run *run, const struct diag_list *diags)
{
    for (size_t i = 0; i < diags->n; i++) {
        const struct diag *d = diags->items[i];
        if (d->severity < run->a->show)
            continue;
        size_t k = 0;
        while (k < run->ncounts && strcmp(run->counts[k].code, d->code) != 0)
            k++;
        if (k == run->ncounts) {
            run->counts = xrealloc(run->counts, (run->ncounts + 1) * sizeof *run->counts);
            run->counts[run->ncounts++] =
                (struct code_count){d->code, d->rule != RULE_COUNT ? rule_info(d->rule)->name : "profile", 0};
        }
        run->counts[k].count++;
    }
}

/* --baseline FILE; returns -1 to go on, else an exit status. */
static int load_baseline(const char *path, struct baseline *b)
{
    bool unreadable = false;
    char *error = NULL;
    if (baseline_load(path, b, &error, &unreadable))
        return -1;
    cli_error("%s", error);
    free(error);
    return unreadable ? EXIT_IO : EXIT_USAGE;
}

/* --write-baseline FILE. */
static bool write_baseline(const char *path, const struct buf *entries)
{
    size_t count = 0;
    const char *error = baseline_write(path, entries, &count);
    if (error)
        cli_error("%s: cannot write: %s", path, error);
    else
        fprintf(stderr, "reglint: %s: %zu finding%s recorded\n", path, count, count == 1 ? "" : "s");
    return error == NULL;
}

/* jobs.h's work: runs on any thread, touches only its job. */
static void lint_work(void *ctx, size_t i)
{
    struct lint_run *run = ctx;
    struct lint_job *job = xcalloc(1, sizeof *job);
    run->jobs[i] = job;
    job->item = &run->files->items[i];
    job->setup = run->setups[i];
    job->options = run->options[i];
    const char *path = job->item->path;
    size_t len = strlen(path);
    if (job->item->error) {
        cli_error_to(&job->err, "%s: %s", path, job->item->error);
        job->io_error = true;
    } else if (len > 8 && strcmp(path + len - 8, ".profile") == 0) {
        lint_profile_file(job);
    } else {
        lint_reg(run->a, job);
    }
}

/* jobs.h's finish: prints one file's messages and report, in file order. */
static void lint_report(void *ctx, size_t i)
{
    struct lint_run *run = ctx;
    const struct lint_args *a = run->a;
    struct lint_job *job = run->jobs[i];
    if (job->err.len)
        fwrite(job->err.data, 1, job->err.len, stderr);
    if (job->out.len)
        fwrite(job->out.data, 1, job->out.len, stdout);
    if (job->report) {
        struct diag_list *diags = job->is_profile ? &job->checked.diags : &job->doc.diags;
        if (a->baseline)
            baseline_filter(&run->baseline, diags);
        if (a->write_baseline)
            baseline_record(a->write_baseline, diags, a->show, &run->written);
        if (a->statistics)
            count_codes(run, diags);
        for (size_t o = 0; o < a->noutputs; o++)
            if (a->outputs[o].renderer)
                render_file(a->outputs[o].renderer, diags, a->show);
        if (!job->setup->fail_never && !a->write_baseline &&
            diag_count_at_least(diags, job->setup->fail_on) > 0)
            job->failed = true;
    }
    run->io_error |= job->io_error;
    run->failed |= job->failed;
    if (job->is_profile)
        profile_release(&job->checked);
    else if (job->doc.src)
        reg_doc_release(&job->doc);
    buf_free(&job->err);
    buf_free(&job->out);
    free(job);
    run->jobs[i] = NULL;
}

/* An identity for a file: which file it is when that can be told, else its
 * name as given. */
struct file_identity {
    struct file_stamp stamp;
    const char *path;
};

static int by_identity(const void *pa, const void *pb)
{
    const struct file_identity *a = pa, *b = pb;
    bool a_known = a->stamp.exists && a->stamp.inode != 0, b_known = b->stamp.exists && b->stamp.inode != 0;
    if (a_known != b_known)
        return a_known ? -1 : 1;
    if (!a_known)
        return strcmp(a->path, b->path);
    if (a->stamp.device != b->stamp.device)
        return a->stamp.device < b->stamp.device ? -1 : 1;
    return a->stamp.inode < b->stamp.inode ? -1 : a->stamp.inode > b->stamp.inode;
}

/* Whether two files of the run must be read in turn: standard input named
 * twice (the first reading takes it all), or with --fix, one file named
 * twice (the second reading must see the first one's fixes). */
static bool shares_input(const struct lint_args *a, const struct file_list *files)
{
    size_t stdin_count = 0;
    for (size_t i = 0; i < files->n; i++)
        stdin_count += strcmp(files->items[i].path, "-") == 0;
    if (stdin_count > 1)
        return true;
    if (a->fix_mode != FIX_MODE_IN_PLACE)
        return false;
    struct file_identity *ids = xcalloc(files->n, sizeof *ids);
    for (size_t i = 0; i < files->n; i++) {
        ids[i].path = files->items[i].path;
        platform_file_stamp(ids[i].path, &ids[i].stamp);
    }
    qsort(ids, files->n, sizeof *ids, by_identity);
    bool shared = false;
    for (size_t i = 1; i < files->n && !shared; i++)
        shared = by_identity(&ids[i - 1], &ids[i]) == 0;
    free(ids);
    return shared;
}

/* The settings of every file: the .reglint found for it (or --config's, or
 * none with --no-config), each read and settled once, and per-path ignores.
 * Returns -1 to go on, else an exit status (the reason printed). */
static int settle_files(const struct lint_args *a, const struct file_list *files, struct lint_run *run,
                        struct lint_setup ***all, size_t *nall)
{
    for (size_t i = 0; i < files->n; i++) {
        const char *path = files->items[i].path;
        if (strcmp(path, "-") == 0)
            path = a->stdin_name ? a->stdin_name : CONFIG_FILE_NAME;
        char *found = a->no_config ? NULL : a->config_path ? xstrdup(a->config_path) : config_find(path);
        struct lint_setup *setup = NULL;
        for (size_t k = 0; k < *nall && !setup; k++) {
            const char *known = (*all)[k]->config_path;
            if ((!known && !found) || (known && found && strcmp(known, found) == 0))
                setup = (*all)[k];
        }
        if (setup) {
            free(found);
        } else {
            setup = xcalloc(1, sizeof *setup);
            *all = xrealloc(*all, (*nall + 1) * sizeof **all);
            (*all)[(*nall)++] = setup;
            char *error = NULL;
            if (found && !config_load(found, &setup->config, &error)) {
                cli_error("%s", error);
                free(error);
                struct file_stamp stamp;
                platform_file_stamp(found, &stamp);
                free(found);
                return stamp.exists && stamp.regular ? EXIT_USAGE : EXIT_IO;
            }
            setup->config_path = found;
            int rc = build_setup(a, setup);
            if (rc >= 0)
                return rc;
        }
        run->setups[i] = setup;
        run->options[i] = &setup->options;
        const struct lint_config *c = &setup->config;
        char *rel = setup->config_path && c->npath_ignores ? config_relative(c, path) : NULL;
        for (size_t g = 0; rel && g < c->npath_ignores; g++) {
            if (!config_glob_match(c->path_ignores[g].glob, rel))
                continue;
            if (run->options[i] == &setup->options) {
                run->options[i] = xmalloc(sizeof *run->options[i]);
                *run->options[i] = setup->options;
            }
            char *bad;
            if (!select_copy(run->options[i], c->path_ignores[g].rules, false, &bad))
                free(bad); /* checked when the file was read */
        }
        free(rel);
    }
    return -1;
}

/* Runs lint with its options settled: the files the arguments name are
 * listed, checked against the outputs, given their settings, linted a.jobs
 * at a time and reported in order. */
static int run_lint(struct lint_args *a)
{
    struct file_list files = FILE_LIST_INIT;
    for (size_t f = 0; f < a->nfiles; f++)
        if (file_list_add(&files, a->files[f]) == 0)
            fprintf(stderr, "reglint: warning: %s: no .reg file below this directory\n", a->files[f]);
    size_t n = files.n ? files.n : 1;
    char **paths = xcalloc(n, sizeof *paths);
    for (size_t f = 0; f < files.n; f++)
        paths[f] = files.items[f].path;
    a->has_hive_target = a->options.has_target;
    a->hive_target = a->options.target;
    cli_hive_notes(paths, files.n, &a->has_hive_target, &a->hive_target);
    /* The hives of one image are each read with the others beside them. */
    char **image = xcalloc(n, sizeof *image);
    policy_set_image(image, cli_hive_image(paths, files.n, image));
    free(paths);
    struct lint_run run;
    memset(&run, 0, sizeof run);
    run.a = a;
    run.files = &files;
    run.setups = xcalloc(n, sizeof *run.setups);
    run.options = xcalloc(n, sizeof *run.options);
    run.jobs = xcalloc(n, sizeof *run.jobs);
    struct lint_setup **setups = NULL;
    size_t nsetups = 0;
    int rc = check_outputs(a, &files);
    if (rc < 0 && a->baseline)
        rc = load_baseline(a->baseline, &run.baseline);
    if (rc < 0)
        rc = settle_files(a, &files, &run, &setups, &nsetups);
    if (rc < 0 && !open_outputs(a))
        rc = EXIT_IO;
    if (rc < 0) {
        unsigned threads = a->jobs > 1 && shares_input(a, &files) ? 1 : a->jobs;
        jobs_run(files.n, threads, lint_work, lint_report, &run);
        if (a->write_baseline && !run.io_error && !write_baseline(a->write_baseline, &run.written))
            run.io_error = true;
        rc = run.io_error ? EXIT_IO : run.failed ? EXIT_FINDINGS : EXIT_OK;
        if (a->statistics && a->noutputs > 0)
            print_statistics(a->outputs[0].stream, run.counts, run.ncounts);
        for (size_t o = 0; o < a->noutputs; o++)
            if (a->outputs[o].renderer)
                render_set_exit(a->outputs[o].renderer, rc);
        if (!close_outputs(a))
            rc = EXIT_IO;
    }
    for (size_t i = 0; i < files.n; i++)
        if (run.options[i] && run.setups[i] && run.options[i] != &run.setups[i]->options)
            free(run.options[i]);
    for (size_t k = 0; k < nsetups; k++)
        free_setup(setups[k]);
    free(setups);
    policy_set_image(NULL, 0);
    free(image);
    baseline_free(&run.baseline);
    buf_free(&run.written);
    free(run.counts);
    free(run.setups);
    free(run.options);
    free(run.jobs);
    file_list_free(&files);
    return rc;
}

int cli_lint(int argc, char **argv)
{
    struct lint_args a;
    int rc = parse_args(argc, argv, &a);
    if (rc >= 0)
        return rc;
    /* --diff prints the diff and no report. */
    if (a.fix_mode == FIX_MODE_DIFF)
        a.noutputs = 0;
    return run_lint(&a);
}
