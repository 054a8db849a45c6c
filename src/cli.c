#include "cli.h"

#include "suggest.h"

#include "buf.h"
#include "filelist.h"
#include "hive.h"
#include "knowledge.h"
#include "policy.h"
#include "printf_like.h"
#include "render.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"

static void error_v(struct buf *out, const char *fmt, va_list ap) PRINTF_LIKE(2, 0);

static void error_v(struct buf *out, const char *fmt, va_list ap)
{
    buf_puts(out, "reglint: error: ");
    buf_vprintf(out, fmt, ap);
    buf_putc(out, '\n');
}

void cli_error(const char *fmt, ...)
{
    struct buf b = BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    error_v(&b, fmt, ap);
    va_end(ap);
    fwrite(b.data, 1, b.len, stderr);
    buf_free(&b);
}

void cli_error_to(struct buf *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_v(out, fmt, ap);
    va_end(ap);
}

int cli_usage(const char *command, const char *fmt, ...)
{
    struct buf b = BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    error_v(&b, fmt, ap);
    va_end(ap);
    buf_printf(&b, "run 'reglint %s --help' for usage\n", command);
    fwrite(b.data, 1, b.len, stderr);
    buf_free(&b);
    return EXIT_USAGE;
}

bool cli_read_reg_to(const char *path, const char *display_name, struct reg_doc *doc,
                     struct buf *errors)
{
    memset(doc, 0, sizeof *doc);
    const char *error = NULL;
    const char *shown = display_name ? display_name : (strcmp(path, "-") == 0 ? "<stdin>" : path);
    if (strcmp(path, "-") != 0 && platform_is_dir(path)) {
        char *gpo = policy_gpo_root(path);
        bool is_gpo = gpo != NULL;
        free(gpo);
        if (is_gpo) {
            char *failed = NULL;
            if (policy_gpo_doc_read(doc, path, &error, &failed))
                return true;
            cli_error_to(errors, "%s: %s", failed, error);
            free(failed);
            return false;
        }
    }
    struct source *src = source_load(path, shown, &error);
    if (!src) {
        cli_error_to(errors, "%s: %s", shown, error);
        return false;
    }
    if (policy_detect(src, NULL) == POLICY_FORMAT_HIVE) {
        struct buf why = BUF_INIT;
        bool ok = cli_read_hive(path, src, doc, &why, false);
        if (!ok)
            cli_error_to(errors, "%s: %s", shown, why.data);
        buf_free(&why);
        return ok;
    }
    policy_or_reg_doc_read(doc, src, path);
    return true;
}

bool cli_read_hive(const char *path, struct source *src, struct reg_doc *doc, struct buf *why,
                   bool render_only)
{
    if (strcmp(path, "-") == 0) {
        buf_puts(why, "a registry hive is read from a file, not from standard input");
        source_free(src);
        return false;
    }
    return policy_hive_doc_read(doc, src, path, !render_only, why);
}

bool cli_read_reg(const char *path, const char *display_name, struct reg_doc *doc)
{
    struct buf errors = BUF_INIT;
    bool ok = cli_read_reg_to(path, display_name, doc, &errors);
    if (errors.len)
        fwrite(errors.data, 1, errors.len, stderr);
    buf_free(&errors);
    return ok;
}


void cli_print_gcc(struct diag_list *diags, FILE *out)
{
    diag_list_sort(diags);
    struct renderer *r = render_begin(out, FORMAT_GCC, false);
    render_file(r, diags, SEV_STYLE);
    render_end(r);
}

void cli_print_profile_diags(struct diag_list *diags)
{
    diag_list_sort(diags);
    for (size_t i = 0; i < diags->n; i++) {
        struct diag *d = diags->items[i];
        uint32_t line, col;
        source_position(d->src, d->at.start, &line, &col);
        fprintf(stderr, "%s:%u:%u: %s: %s [%s]\n", d->src->name, (unsigned)line, (unsigned)col,
                severity_name(d->severity), d->message, d->code);
        for (size_t h = 0; h < d->nhelp; h++)
            fprintf(stderr, "  help: %s\n", d->help[h]);
    }
}

int cli_load_profile(const char *what, struct profile *p)
{
    switch (profile_load(what, p)) {
    case PROFILE_OK:
        return EXIT_OK;
    case PROFILE_INVALID:
        cli_print_profile_diags(&p->diags);
        return EXIT_USAGE;
    case PROFILE_NOT_FOUND:
        cli_error("%s", p->error);
        return EXIT_USAGE;
    case PROFILE_UNREADABLE:
        cli_error("%s", p->error);
        return EXIT_IO;
    }
    return EXIT_USAGE;
}

const char *cli_option_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=')
        return argv[*i] + n + 1;
    /* A short option's value may be attached, as in "-oout.reg". */
    if (name[1] != '-' && strncmp(argv[*i], name, n) == 0 && argv[*i][n] != '\0')
        return argv[*i] + n;
    if (*i + 1 >= argc)
        return NULL;
    return argv[++*i];
}

bool cli_is_option(const char *arg, const char *name)
{
    size_t n = strlen(name);
    return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || (arg[n] == '=' && name[1] == '-') || name[1] != '-');
}

bool cli_parse_encoding(const char *s, enum text_encoding *out)
{
    if (strcmp(s, "utf16") == 0)
        *out = TEXT_UTF16LE;
    else if (strcmp(s, "utf8") == 0)
        *out = TEXT_UTF8;
    else if (strcmp(s, "ansi") == 0)
        *out = TEXT_ANSI;
    else
        return false;
    return true;
}

int cli_take_input_options(int *argc, char **argv)
{
    int out = 1;
    for (int i = 1; i < *argc; i++) {
        const char *v = NULL;
        if (strcmp(argv[i], "--") == 0) {
            while (i < *argc)
                argv[out++] = argv[i++];
            break;
        }
        if (strcmp(argv[i], "--all-keys") == 0) {
            hive_set_all_keys(true);
            continue;
        }
        if (strcmp(argv[i], "--mount") == 0 || strncmp(argv[i], "--mount=", 8) == 0) {
            v = argv[i][7] == '=' ? argv[i] + 8 : i + 1 < *argc ? argv[++i] : NULL;
            if (!v)
                return cli_usage(argv[0], "--mount needs a key, such as HKLM\\SYSTEM");
            if (!hive_set_mount(v))
                return cli_usage(argv[0], "--mount takes a key below a root (HKLM\\SYSTEM, HKLM\\SOFTWARE, HKCU...), not '%s'", v);
            continue;
        }
        if (strcmp(argv[i], "--root") == 0) {
            if (i + 1 >= *argc)
                return cli_usage(argv[0], "--root needs machine or user");
            v = argv[++i];
        } else if (strncmp(argv[i], "--root=", 7) == 0) {
            v = argv[i] + 7;
        } else {
            argv[out++] = argv[i];
            continue;
        }
        if (strcmp(v, "machine") == 0)
            policy_set_root(POLICY_ROOT_MACHINE);
        else if (strcmp(v, "user") == 0)
            policy_set_root(POLICY_ROOT_USER);
        else
            return cli_usage(argv[0], "--root takes machine or user, not '%s'", v);
    }
    *argc = out;
    argv[out] = NULL;
    return EXIT_OK;
}

/* Whether `path` names a registry hive; if so, whether it could be
 * identified into `info` (`words` gets the reason it could not: a hive that
 * cannot be read is reported when it is read). */
static bool hive_path_identify(const char *path, struct arena *arena, struct hive_info *info,
                               struct buf *words, bool *read)
{
    /* A file named .reg is taken for one without opening it: lint runs over
     * thousands of them. */
    if (strcmp(path, "-") == 0 || file_name_is_reg(path) || !hive_file_is_hive(path))
        return false;
    *read = hive_identify(path, arena, info, words);
    return true;
}

void cli_hive_notes(char *const *paths, size_t n, bool *has_target, enum target *target)
{
    bool given = *has_target;
    for (size_t i = 0; i < n; i++) {
        struct arena *arena = arena_new();
        struct hive_info info;
        struct buf words = BUF_INIT;
        bool read;
        if (!hive_path_identify(paths[i], arena, &info, &words, &read)) {
            arena_free(arena);
            continue;
        }
        if (read && info.kind == HIVE_SYSTEM && info.control_set)
            fprintf(stderr, "reglint: %s: CurrentControlSet is ControlSet%03u (Select\\Current)\n",
                    paths[i], info.control_set);
        else if (read && info.kind == HIVE_SYSTEM)
            fprintf(stderr, "reglint: %s: no Select\\Current names a control set: no "
                            "CurrentControlSet is read\n",
                    paths[i]);
        if (read && info.kind == HIVE_SOFTWARE) {
            buf_clear(&words);
            if (!hive_version_words(&info, &words))
                buf_puts(&words, "no version values");
            if (given && info.has_target && info.target != *target)
                fprintf(stderr, "reglint: warning: %s is %s (%s), not the --target given\n",
                        paths[i], target_info(info.target)->name, words.data);
            else if (!given && info.has_target && !*has_target) {
                *target = info.target;
                *has_target = true;
                fprintf(stderr, "reglint: target %s, from %s (%s)\n", target_info(info.target)->name,
                        paths[i], words.data);
            } else if (!given && !info.has_target) {
                fprintf(stderr, "reglint: %s (%s) is no Windows version reglint has a target for: "
                                "defaults count only where every target agrees (give --target)\n",
                        paths[i], words.data);
            }
        }
        buf_free(&words);
        arena_free(arena);
    }
}

size_t cli_hive_image(char *const *paths, size_t n, char **image)
{
    size_t count = 0;
    size_t of_kind[HIVE_USER + 1] = {0};
    bool repeated = false;
    for (size_t i = 0; i < n; i++) {
        struct arena *arena = arena_new();
        struct hive_info info;
        struct buf error = BUF_INIT;
        bool read;
        if (hive_path_identify(paths[i], arena, &info, &error, &read) && read) {
            repeated = repeated || (info.kind != HIVE_OTHER && of_kind[info.kind] > 0);
            of_kind[info.kind]++;
            image[count++] = paths[i];
        }
        buf_free(&error);
        arena_free(arena);
    }
    if (repeated) {
        fprintf(stderr, "reglint: two hives of one kind are two machines: each hive is linted "
                        "on its own\n");
        return 0;
    }
    return count >= 2 ? count : 0;
}

int cli_unknown_option(const char *command, const char *arg, const char *const *options)
{
    const char *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    size_t n = 0;
    while (options[n])
        n++;
    const char *near = suggest_closest(arg, len, options, n);
    if (near)
        return cli_usage(command, "unknown option '%.*s'; did you mean '%s'?", (int)len, arg, near);
    return cli_usage(command, "unknown option '%s'", arg);
}

int cli_unknown_target(const char *command, const char *name)
{
    const char *names[TARGET_COUNT];
    for (int t = 0; t < TARGET_COUNT; t++)
        names[t] = target_info((enum target)t)->name;
    const char *near = suggest_closest(name, strlen(name), names, TARGET_COUNT);
    if (near)
        return cli_usage(command, "unknown target '%s'; did you mean '%s'?", name, near);
    return cli_usage(command, "unknown target '%s' (known: %s ... %s; 'reglint targets' lists them)", name,
                     names[0], names[TARGET_COUNT - 1]);
}
