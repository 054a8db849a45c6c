/* reglint gen PROFILE and reglint templates. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gen.h"
#include "knowledge.h"
#include "platform.h"
#include "polwrite.h"
#include "profcheck.h"
#include "profile.h"
#include "suggest.h"
#include "xalloc.h"

static const char gen_help[] =
    "usage: reglint gen PROFILE [-o OUT] [--target OS] [--encoding utf16|utf8|ansi]\n"
    "                   [--undo OUT2] [--format reg|pol|lgpo|gpp] [--user-out OUT3]\n"
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
    "  --undo OUT2          also write the file that deletes every value the\n"
    "                       profile touches, returning each to the Windows default\n"
    "  --format FMT         reg (default), pol (a Registry.pol), lgpo (LGPO text) or\n"
    "                       gpp (a Group Policy Preferences Registry.xml); what the\n"
    "                       format cannot hold is an error ('reglint convert --help')\n"
    "  --user-out OUT3      pol only: the HKEY_CURRENT_USER settings go to OUT3 (the\n"
    "                       User Registry.pol) and the HKEY_LOCAL_MACHINE ones to OUT\n";

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

static const char *const gen_option_names[] = {"--output", "--target", "--encoding", "--format", "--user-out", "--undo", "--help", NULL};

static bool is_ascii(const struct buf *b)
{
    for (size_t i = 0; i < b->len; i++)
        if ((unsigned char)b->data[i] >= 0x80)
            return false;
    return true;
}

/* The .reg file of a plan and, when asked, its undo. */
static int render_reg(const struct gen_plan *plan, enum text_encoding encoding, bool undo,
                      struct arena *arena, struct buf *apply, struct buf *revert)
{
    size_t lossy = gen_render(plan, GEN_APPLY, encoding, apply);
    const char *problem;
    if (undo)
        lossy += gen_render(plan, GEN_UNDO, encoding, revert);
    if (lossy) {
        cli_error("%zu character%s of the profile cannot be written in ANSI (Windows-1252); "
                  "use --encoding utf16",
                  lossy, lossy == 1 ? "" : "s");
        return EXIT_USAGE;
    }
    if ((problem = gen_output_problem(arena, apply, encoding)) != NULL ||
        (undo && (problem = gen_output_problem(arena, revert, encoding)) != NULL)) {
        cli_error("%s", problem);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* A plan (and its undo) as a .pol, LGPO text or GPP Registry.xml. */
static int render_policy(const char *command, const struct gen_plan *plan, enum out_format format,
                         enum text_encoding encoding, bool undo, bool user_out, struct arena *arena,
                         struct buf *apply, struct buf *revert, struct buf *user)
{
    struct polop_list ops = {0}, undo_ops = {0};
    const char *error = polops_from_plan(plan, GEN_APPLY, arena, &ops);
    if (!error && undo)
        error = polops_from_plan(plan, GEN_UNDO, arena, &undo_ops);
    if (error) {
        cli_error("%s", error);
        return EXIT_USAGE;
    }
    int rc = cli_render_policy(command, &ops, format, encoding, user_out, arena, apply, user);
    if (rc == EXIT_OK && undo)
        rc = cli_render_policy(command, &undo_ops, format, encoding, false, arena, revert, NULL);
    return rc;
}

/* Without a target, a WinHTTP or WinINet mask that names TLS 1.3 has no
 * right value: with the bit it is undocumented on Windows before 11 and
 * Server 2022, without it TLS 1.3 is taken away on later ones. Nor has an
 * order shaped by suite rules: it starts from the target's default. */
static bool target_settled(const struct policy *policy, const char *command)
{
    /* Suite rules without a list shape the target's own default order. */
    bool rules = false, list = false;
    for (size_t i = 0; i < policy->nsettings; i++) {
        rules |= policy->settings[i].kind == PS_SUITE_RULE;
        list |= policy->settings[i].kind == PS_SUITE_ORDER;
    }
    if (rules && !list) {
        cli_usage(command, "profile \"%s\" shapes the cipher-suite order with 'cipher-suites "
                           "require|forbid', which gen writes from a Windows version's own suites: "
                           "give --target",
                  policy->name);
        return false;
    }
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
    const char *profile = NULL, *undo = NULL, *target_name = NULL;
    struct cli_write_options w = {"-", NULL, TEXT_UTF16LE, false, OUT_REG, false};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(gen_help, stdout);
            return EXIT_OK;
        }
        int rc = cli_write_option(argv[0], "--format", argc, argv, &i, &w);
        if (rc >= 0) {
            if (rc != EXIT_OK)
                return rc;
        } else if (cli_is_option(arg, "--target")) {
            target_name = cli_option_value(argc, argv, &i, "--target");
            enum target t;
            if (!target_name)
                return cli_usage(argv[0], "--target needs a Windows version");
            if (!target_by_name(target_name, &t))
                return cli_unknown_target(argv[0], target_name);
        } else if (cli_is_option(arg, "--undo")) {
            undo = cli_option_value(argc, argv, &i, "--undo");
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
    const char *output = w.output, *user_out = w.user_out;
    enum text_encoding encoding = w.encoding;
    enum out_format format = w.format;
    if (undo && strcmp(undo, "-") == 0 && strcmp(output, "-") == 0)
        return cli_usage(argv[0], "the .reg file and its undo cannot both go to standard output");
    int rc = cli_check_format_options(argv[0], &w);
    if (rc >= 0)
        return rc;
    if (user_out && undo)
        return cli_usage(argv[0], "--undo and --user-out do not go together: generate the undo "
                                  "of each root's .pol with a profile of its own");
    struct cli_output named[3];
    size_t nnamed = 0;
    if (strcmp(output, "-") != 0)
        named[nnamed++] = (struct cli_output){"-o", output};
    if (undo && strcmp(undo, "-") != 0)
        named[nnamed++] = (struct cli_output){"--undo", undo};
    if (user_out && strcmp(user_out, "-") != 0)
        named[nnamed++] = (struct cli_output){"--user-out", user_out};
    /* A built-in template's name is no input file. */
    struct file_stamp profile_file;
    platform_file_stamp(profile, &profile_file);
    rc = cli_check_outputs(argv[0], named, nnamed, &profile, profile_file.exists ? 1 : 0);
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
    struct buf apply = BUF_INIT, revert = BUF_INIT, user = BUF_INIT;
    struct cli_write outputs[3] = {{output, &apply, NULL},
                                   {undo, undo ? &revert : NULL, NULL},
                                   {user_out, user_out ? &user : NULL, NULL}};
    if (format == OUT_REG)
        rc = render_reg(plan, encoding, undo != NULL, p.arena, &apply, &revert);
    else
        rc = render_policy(argv[0], plan, format, encoding, undo != NULL, user_out != NULL, p.arena,
                           &apply, &revert, &user);
    if (rc == EXIT_OK && !cli_write_outputs(outputs, 3)) {
        rc = EXIT_IO;
    } else if (rc == EXIT_OK && format == OUT_REG && encoding == TEXT_UTF8 && (!is_ascii(&apply) || !is_ascii(&revert))) {
        fputs("reglint: warning: the output holds non-ASCII text; regedit reads a UTF-8 file "
              "as Windows-1252 and would garble it (use --encoding utf16 for regedit)\n",
              stderr);
    }
    buf_free(&user);
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
