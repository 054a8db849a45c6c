/* reglint gen PROFILE and reglint templates. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gen.h"
#include "knowledge.h"
#include "platform.h"
#include "profcheck.h"
#include "profile.h"
#include "suggest.h"
#include "xalloc.h"

static const char gen_help[] =
    "usage: reglint gen PROFILE [-o OUT] [--target OS] [--encoding utf16|utf8|ansi]\n"
    "                   [--undo OUT2]\n"
    "\n"
    "Write the .reg file that gives a machine the settings PROFILE asks for.\n"
    "PROFILE is a profile file or the name of a built-in template ('reglint\n"
    "templates' lists them). The file is laid out as regedit exports: the\n"
    "'Windows Registry Editor Version 5.00' header, one block per key in the order\n"
    "the profile names them, CRLF line endings; the same profile always gives the\n"
    "same bytes. Errors in the profile are reported as file:line:col with a PF code\n"
    "and exit status 2.\n"
    "\n"
    "  -o, --output OUT     write to OUT (replaced atomically); '-' or no -o: stdout\n"
    "  --target OS          the Windows version to write for (instead of the\n"
    "                       profile's): WinHTTP and WinINet masks keep only the\n"
    "                       protocols it has; a mask naming TLS 1.3 needs a target\n"
    "  --encoding ENC       utf16 (default: UTF-16LE with a byte order mark, as\n"
    "                       regedit writes), utf8 or ansi (Windows-1252)\n"
    "  --undo OUT2          also write the .reg that deletes every value the\n"
    "                       profile touches, returning each to the Windows default\n";

static const char templates_help[] =
    "usage: reglint templates [--show NAME]\n"
    "\n"
    "List the built-in profiles: name, description and source. Use a name with\n"
    "'reglint gen NAME', 'reglint lint --profile NAME' or 'extends \"NAME\"'.\n"
    "\n"
    "  --show NAME   print the template's profile text, to read or to start a\n"
    "                profile of your own from\n";

/* templates --show NAME: the template as written. */
static int show_template(const char *name)
{
    const struct embedded_file *t = embedded_find(builtin_templates, builtin_templates_count, name);
    if (t) {
        fwrite(t->contents, 1, t->length, stdout);
        return EXIT_OK;
    }
    const char **names = xcalloc(builtin_templates_count + 1, sizeof *names);
    for (size_t i = 0; i < builtin_templates_count; i++)
        names[i] = builtin_templates[i].name;
    const char *near = suggest_closest(name, strlen(name), names, builtin_templates_count);
    free(names);
    if (near)
        return cli_usage("templates", "no template '%s'; did you mean '%s'?", name, near);
    return cli_usage("templates", "no template '%s' ('reglint templates' lists them)", name);
}

static const char *const gen_option_names[] = {"--output", "--target", "--encoding", "--undo", "--help", NULL};

static bool parse_encoding(const char *s, enum text_encoding *out)
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

/* The .reg file and its undo, each to a file or to standard output ("-"). */
struct gen_output {
    const char *path;
    const struct buf *bytes;
    struct platform_output *file; /* NULL: standard output, or nothing to write */
};

/* Writes every output or none: all of them are begun (and checked) before
 * any is written, and a file is replaced only when complete. */
static bool write_outputs(struct gen_output *outputs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!outputs[i].bytes || strcmp(outputs[i].path, "-") == 0)
            continue;
        const char *error = platform_output_begin(outputs[i].path, NULL, &outputs[i].file);
        if (error) {
            cli_error("%s: cannot write: %s", outputs[i].path, error);
            for (size_t j = 0; j < i; j++)
                if (outputs[j].file)
                    platform_output_abandon(outputs[j].file);
            return false;
        }
    }
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        const struct buf *bytes = outputs[i].bytes;
        if (!bytes)
            continue;
        if (!outputs[i].file) {
            fwrite(bytes->data, 1, bytes->len, stdout);
            continue;
        }
        fwrite(bytes->data, 1, bytes->len, platform_output_stream(outputs[i].file));
        const char *error = platform_output_commit(outputs[i].file);
        if (error) {
            cli_error("%s: cannot write: %s", outputs[i].path, error);
            ok = false;
        }
    }
    return ok;
}

/* An option's value: "--opt VALUE" or "--opt=VALUE". */
static const char *option_value(int argc, char **argv, int *i, const char *name)
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

static bool is_option(const char *arg, const char *name)
{
    size_t n = strlen(name);
    return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || (arg[n] == '=' && name[1] == '-') || name[1] != '-');
}

static bool is_ascii(const struct buf *b)
{
    for (size_t i = 0; i < b->len; i++)
        if ((unsigned char)b->data[i] >= 0x80)
            return false;
    return true;
}

/* Without a target, a WinHTTP or WinINet mask that names TLS 1.3 has no
 * right value: with the bit it is undocumented on Windows before 11 and
 * Server 2022, without it TLS 1.3 is taken away on later ones. */
static bool target_settled(const struct policy *policy, const char *command)
{
    for (size_t i = 0; i < policy->nsettings; i++) {
        const struct policy_setting *s = &policy->settings[i];
        if ((s->kind != PS_WINHTTP && s->kind != PS_WININET) || s->action == PA_DEFAULT)
            continue;
        uint32_t newer = mask_newer_bits((uint32_t)s->number);
        enum protocol p;
        if (!newer || !protocol_by_bit(newer & -newer, &p))
            continue;
        char since[128];
        protocol_since(p, since, sizeof since);
        cli_usage(command, "the %s mask of profile \"%s\" names %s, which only %s have: give --target",
                  s->kind == PS_WINHTTP ? "WinHTTP" : "WinINet", policy->name,
                  protocol_info(p)->display, since);
        return false;
    }
    return true;
}

int cli_gen(int argc, char **argv)
{
    const char *profile = NULL, *output = "-", *undo = NULL, *target_name = NULL;
    enum text_encoding encoding = TEXT_UTF16LE;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(gen_help, stdout);
            return EXIT_OK;
        }
        if (is_option(arg, "-o") || is_option(arg, "--output")) {
            output = option_value(argc, argv, &i, arg[1] == 'o' ? "-o" : "--output");
            if (!output)
                return cli_usage(argv[0], "%s needs a file name", arg);
        } else if (is_option(arg, "--encoding")) {
            const char *value = option_value(argc, argv, &i, "--encoding");
            if (!value)
                return cli_usage(argv[0], "--encoding needs utf16, utf8 or ansi");
            if (!parse_encoding(value, &encoding))
                return cli_usage(argv[0], "unknown encoding '%s' (utf16, utf8 or ansi)", value);
        } else if (is_option(arg, "--target")) {
            target_name = option_value(argc, argv, &i, "--target");
            enum target t;
            if (!target_name)
                return cli_usage(argv[0], "--target needs a Windows version");
            if (!target_by_name(target_name, &t))
                return cli_usage(argv[0], "unknown target '%s' (known: windows-7-sp1 ... windows-server-2025)",
                                 target_name);
        } else if (is_option(arg, "--undo")) {
            undo = option_value(argc, argv, &i, "--undo");
            if (!undo)
                return cli_usage(argv[0], "--undo needs a file name");
        } else if (arg[0] == '-' && arg[1] != '\0') {
            return cli_unknown_option(argv[0], arg, gen_option_names);
        } else if (profile) {
            return cli_usage(argv[0], "gen takes one profile");
        } else {
            profile = arg;
        }
    }
    if (!profile)
        return cli_usage(argv[0], "missing PROFILE");
    if (undo && strcmp(undo, "-") == 0 && strcmp(output, "-") == 0)
        return cli_usage(argv[0], "the .reg file and its undo cannot both go to standard output");
    struct cli_output named[2];
    size_t nnamed = 0;
    if (strcmp(output, "-") != 0)
        named[nnamed++] = (struct cli_output){"-o", output};
    if (undo && strcmp(undo, "-") != 0)
        named[nnamed++] = (struct cli_output){"--undo", undo};
    /* A built-in template's name is no input file. */
    struct file_stamp profile_file;
    platform_file_stamp(profile, &profile_file);
    int rc = cli_check_outputs(argv[0], named, nnamed, &profile, profile_file.exists ? 1 : 0);
    if (rc >= 0)
        return rc;

    struct profile p;
    rc = cli_load_profile(profile, &p);
    if (rc != EXIT_OK) {
        profile_release(&p);
        return rc;
    }
    if (target_name) {
        target_by_name(target_name, &p.policy->target);
        p.policy->has_target = true;
        if (!policy_check_target(p.arena, &p.diags, p.policy)) {
            cli_print_profile_diags(&p.diags);
            profile_release(&p);
            return EXIT_USAGE;
        }
    }
    if (!p.policy->has_target && !target_settled(p.policy, argv[0])) {
        profile_release(&p);
        return EXIT_USAGE;
    }
    struct gen_plan *plan = gen_plan(p.policy, p.arena, &p.diags);
    if (!plan) {
        cli_print_profile_diags(&p.diags);
        profile_release(&p);
        return EXIT_USAGE;
    }
    struct buf apply = BUF_INIT, revert = BUF_INIT;
    struct gen_output outputs[2] = {{output, &apply, NULL}, {undo, undo ? &revert : NULL, NULL}};
    size_t lossy = gen_render(plan, GEN_APPLY, encoding, &apply);
    const char *problem;
    if (undo)
        lossy += gen_render(plan, GEN_UNDO, encoding, &revert);
    if (lossy) {
        cli_error("%zu character%s of the profile cannot be written in ANSI (Windows-1252); "
                  "use --encoding utf16",
                  lossy, lossy == 1 ? "" : "s");
        rc = EXIT_USAGE;
    } else if ((problem = gen_output_problem(p.arena, &apply, encoding)) != NULL ||
               (undo && (problem = gen_output_problem(p.arena, &revert, encoding)) != NULL)) {
        cli_error("%s", problem);
        rc = EXIT_USAGE;
    } else if (!write_outputs(outputs, 2)) {
        rc = EXIT_IO;
    } else if (encoding == TEXT_UTF8 && (!is_ascii(&apply) || !is_ascii(&revert))) {
        fputs("reglint: warning: the output holds non-ASCII text; regedit reads a UTF-8 file "
              "as Windows-1252 and would garble it (use --encoding utf16 for regedit)\n",
              stderr);
    }
    buf_free(&apply);
    buf_free(&revert);
    profile_release(&p);
    return rc;
}

int cli_templates(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(templates_help, stdout);
            return EXIT_OK;
        }
        if (strncmp(argv[i], "--show=", 7) == 0 && argc == 2)
            return show_template(argv[i] + 7);
        if (strcmp(argv[i], "--show") == 0 && argc == 3 && i == 1)
            return show_template(argv[2]);
        if (strcmp(argv[i], "--show") == 0 && argc == 2)
            return cli_usage(argv[0], "--show needs a template name");
        return cli_usage(argv[0], "templates takes --show NAME or nothing");
    }
    for (size_t i = 0; i < builtin_templates_count; i++) {
        struct profile p;
        int rc = cli_load_profile(builtin_templates[i].name, &p);
        if (rc != EXIT_OK) {
            profile_release(&p);
            return rc;
        }
        const struct policy *pol = p.policy;
        printf("%-24s %s (source: %s)\n", builtin_templates[i].name,
               pol->description ? pol->description : "", pol->source ? pol->source : "none");
        profile_release(&p);
    }
    return EXIT_OK;
}
