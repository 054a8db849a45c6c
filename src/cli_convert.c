/* reglint convert IN --to FORMAT, and the writing of every output format
 * (gen --format uses it too). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "gen.h"
#include "hive.h"
#include "platform.h"
#include "policy.h"
#include "polwrite.h"

static const char convert_help[] =
    "usage: reglint convert IN --to reg|pol|lgpo|gpp [-o OUT] [--user-out OUT2]\n"
    "                       [--encoding utf16|utf8|ansi] [--root machine|user]\n"
    "                       [--mount KEY] [--all-keys]\n"
    "\n"
    "Write IN, in any format reglint reads (.reg, Registry.pol, LGPO text,\n"
    "GptTmpl.inf, Registry.xml, a GPO folder), as a .reg file in regedit's layout, a\n"
    "Registry.pol, LGPO text or a Group Policy Preferences Registry.xml. A policy\n"
    "file's operations are written in order; for a .reg file, its key deletions\n"
    "come first, then every key and value it leaves. The same input always gives\n"
    "the same bytes. A file with errors (what regedit or Group Policy would not\n"
    "apply as written) is refused. What the target format cannot hold (a deletion\n"
    "of every value of a key in a .reg file, say) is an error naming the setting,\n"
    "and nothing is written.\n"
    "\n"
    "  --to FORMAT          reg, pol, lgpo or gpp\n"
    "  -o, --output OUT     write to OUT (replaced atomically); '-' or no -o: stdout\n"
    "  --user-out OUT2      pol only: write the HKEY_CURRENT_USER part to OUT2 (the\n"
    "                       User Registry.pol) and the HKEY_LOCAL_MACHINE part to OUT\n"
    "                       (the Machine one). Without it, settings under both roots\n"
    "                       are an error, and OUT holds the one root there is\n"
    "  --encoding ENC       reg and lgpo: utf16 (default, with a byte order mark),\n"
    "                       utf8 or ansi (Windows-1252)\n"
    "  --root machine|user  the root of a .pol or LGPO text outside a GPO's Machine or\n"
    "                       User folder (default machine)\n"
    "  --mount KEY          where a registry hive is mounted (HKLM\\SYSTEM, HKLM\\SOFTWARE,\n"
    "                       HKCU...), not what its root holds\n"
    "  --all-keys           a registry hive's every key, not only those reglint reads\n";

bool cli_parse_format(const char *s, enum out_format *out)
{
    static const char *const names[] = {"reg", "pol", "lgpo", "gpp"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (strcmp(s, names[i]) == 0) {
            *out = (enum out_format)i;
            return true;
        }
    }
    return false;
}

/* The root a .pol is written for when one file holds it. */
static int pol_roots(const char *command, const struct polop_list *ops, bool user_out,
                     struct arena *arena, enum reg_root *root)
{
    const struct polop *outside = polops_outside(ops, 1u << REG_ROOT_HKLM | 1u << REG_ROOT_HKCU);
    if (outside) {
        cli_error("%s: a .pol holds settings under HKEY_LOCAL_MACHINE (a Machine Registry.pol) "
                  "or HKEY_CURRENT_USER (a User one) only; nothing written",
                  polop_describe(arena, outside));
        return EXIT_USAGE;
    }
    bool machine = polops_has_root(ops, REG_ROOT_HKLM), user = polops_has_root(ops, REG_ROOT_HKCU);
    if (machine && user && !user_out)
        return cli_usage(command, "the settings are under HKEY_LOCAL_MACHINE and HKEY_CURRENT_USER, "
                                  "and a .pol holds one root: give --user-out FILE for the "
                                  "HKEY_CURRENT_USER part (-o gets the other)");
    *root = user && !user_out ? REG_ROOT_HKCU : REG_ROOT_HKLM;
    return EXIT_OK;
}

int cli_render_policy(const char *command, const struct polop_list *ops, enum out_format format,
                      enum text_encoding encoding, bool user_out, struct arena *arena,
                      struct buf *out, struct buf *user)
{
    const char *error = NULL;
    size_t lossy = 0;
    enum reg_root root = REG_ROOT_HKLM;
    int rc;
    switch (format) {
    case OUT_REG:
        error = polwrite_reg(ops, encoding, arena, out, &lossy);
        if (!error && !lossy)
            error = gen_output_problem(arena, out, encoding);
        break;
    case OUT_POL:
        if ((rc = pol_roots(command, ops, user_out, arena, &root)) != EXIT_OK)
            return rc;
        error = polwrite_pol(ops, root, arena, out);
        if (!error && user_out)
            error = polwrite_pol(ops, REG_ROOT_HKCU, arena, user);
        break;
    case OUT_LGPO:
        error = polwrite_lgpo(ops, encoding, arena, out, &lossy);
        break;
    case OUT_GPP:
        error = polwrite_gpp(ops, arena, out);
        break;
    }
    if (error) {
        cli_error("%s; nothing written", error);
        return EXIT_USAGE;
    }
    if (lossy) {
        cli_error("%zu character%s cannot be written in ANSI (Windows-1252); use --encoding utf16",
                  lossy, lossy == 1 ? "" : "s");
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

/* Appends the operations of policy file `path` as its reader finds them,
 * copied before the file's bytes, which a Registry.pol's data points into,
 * are freed; *error says what cannot be converted. */
static int file_operations(const char *path, struct arena *arena, struct polop_list *ops,
                           const char **error)
{
    const char *load_error = NULL;
    struct source *src = source_load(path, NULL, &load_error);
    if (!src) {
        cli_error("%s: %s", path, load_error);
        return EXIT_IO;
    }
    enum policy_format format = policy_detect(src, NULL);
    if (format == POLICY_FORMAT_HIVE) {
        struct policy_ops found = {0};
        struct hive_info info;
        struct buf why = BUF_INIT;
        bool read = hive_read(path, arena, &found, &info, &why);
        /* What the reading says of the hive are comments, not settings. */
        size_t kept = 0;
        for (size_t i = 0; read && i < found.n; i++)
            if (found.ops[i].kind != POLICY_NOTE)
                found.ops[kept++] = found.ops[i];
        found.n = kept;
        if (read)
            *error = polops_from_policy(&found, "key", arena, ops);
        else
            cli_error("%s: %s", path, why.data);
        buf_free(&why);
        policy_ops_free(&found);
        source_free(src);
        return read ? EXIT_OK : EXIT_IO;
    }
    if (format != POLICY_FORMAT_REG) {
        struct policy_ops found = {0};
        policy_file_ops(src, format, path, arena, &found);
        const char *why = polops_from_policy(&found, format == POLICY_FORMAT_POL ? "record" : "line",
                                             arena, ops);
        if (why)
            *error = arena_printf(arena, "%s: %s", path, why);
        policy_ops_free(&found);
    }
    source_free(src);
    return EXIT_OK;
}

/* The operations of a policy file (Registry.pol, LGPO text, GptTmpl.inf,
 * Registry.xml) or of a GPO folder's files in the order Group Policy applies
 * them, as their readers found them: they say more than the .reg rendering
 * the model is built from (a deletion of every value, a value set only
 * where absent). Leaves `ops` empty for a .reg file, whose model says it
 * all. */
static int policy_operations(const char *path, struct arena *arena, struct polop_list *ops,
                             const char **error)
{
    if (strcmp(path, "-") == 0)
        return EXIT_OK;
    if (!platform_is_dir(path))
        return file_operations(path, arena, ops, error);
    char *root = policy_gpo_root(path);
    char *paths[POLICY_GPO_MAX_FILES];
    size_t n = root ? policy_gpo_files(root, paths, POLICY_GPO_MAX_FILES) : 0;
    free(root);
    int rc = EXIT_OK;
    for (size_t k = 0; k < n; k++) {
        if (rc == EXIT_OK && !*error)
            rc = file_operations(paths[k], arena, ops, error);
        free(paths[k]);
    }
    return rc;
}

static const char *const convert_option_names[] = {"--to", "--output", "--user-out", "--encoding", "--help", NULL};

int cli_convert(int argc, char **argv)
{
    const char *input = NULL;
    struct cli_write_options w = {"-", NULL, TEXT_UTF16LE, false, OUT_REG, false};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            fputs(convert_help, stdout);
            return EXIT_OK;
        }
        int rc = cli_write_option(argv[0], "--to", argc, argv, &i, &w);
        if (rc >= 0) {
            if (rc != EXIT_OK)
                return rc;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            return cli_unknown_option(argv[0], arg, convert_option_names);
        } else if (input) {
            return cli_usage(argv[0], "convert takes one input file");
        } else {
            input = arg;
        }
    }
    if (!input)
        return cli_usage(argv[0], "missing IN");
    if (!w.format_given)
        return cli_usage(argv[0], "missing --to reg|pol|lgpo|gpp");
    const char *output = w.output, *user_out = w.user_out;
    int rc = cli_check_format_options(argv[0], &w);
    if (rc >= 0)
        return rc;
    struct cli_output named[2];
    size_t nnamed = 0;
    if (strcmp(output, "-") != 0)
        named[nnamed++] = (struct cli_output){"-o", output};
    if (user_out && strcmp(user_out, "-") != 0)
        named[nnamed++] = (struct cli_output){"--user-out", user_out};
    rc = cli_check_outputs(argv[0], named, nnamed, &input, 1);
    if (rc >= 0)
        return rc;

    struct reg_doc doc;
    if (!cli_read_reg(input, NULL, &doc))
        return EXIT_IO;
    cli_print_gcc(&doc.diags, stderr);
    size_t errors = diag_count_at_least(&doc.diags, SEV_ERROR);
    if (errors) {
        cli_error("%s: %zu error%s: regedit would not import the file as written; nothing written",
                  doc.src->name, errors, errors == 1 ? "" : "s");
        reg_doc_release(&doc);
        return EXIT_FINDINGS;
    }
    struct model *m = model_build(doc.file, doc.arena, MODEL_AS_REGEDIT);
    struct polop_list ops = {0};
    const char *error = NULL;
    if (strcmp(input, "-") == 0 && doc.src->format)
        error = "<stdin>: a policy file is converted from a file, not from standard input (its "
                "operations are read again)";
    else
        rc = policy_operations(input, doc.arena, &ops, &error);
    if (rc == EXIT_OK && !error && !doc.src->format)
        polops_from_model(m, doc.arena, &ops);
    if (error) {
        cli_error("%s; nothing written", error);
        rc = EXIT_USAGE;
    }
    struct buf main_bytes = BUF_INIT, user_bytes = BUF_INIT;
    if (rc == EXIT_OK)
        rc = cli_render_policy(argv[0], &ops, w.format, w.encoding, user_out != NULL, doc.arena, &main_bytes,
                           &user_bytes);
    if (rc == EXIT_OK) {
        struct cli_write outputs[2] = {{output, &main_bytes, NULL},
                                       {user_out, user_out ? &user_bytes : NULL, NULL}};
        if (!cli_write_outputs(outputs, 2))
            rc = EXIT_IO;
    }
    buf_free(&main_bytes);
    buf_free(&user_bytes);
    model_free(m);
    reg_doc_release(&doc);
    return rc;
}

int cli_write_option(const char *command, const char *format_option, int argc, char **argv, int *i,
                     struct cli_write_options *w)
{
    const char *arg = argv[*i], *value;
    if (cli_is_option(arg, "-o") || cli_is_option(arg, "--output")) {
        w->output = cli_option_value(argc, argv, i, arg[1] == 'o' ? "-o" : "--output");
        return w->output ? EXIT_OK : cli_usage(command, "%s needs a file name", arg);
    }
    if (cli_is_option(arg, "--user-out")) {
        w->user_out = cli_option_value(argc, argv, i, "--user-out");
        return w->user_out ? EXIT_OK : cli_usage(command, "--user-out needs a file name");
    }
    if (cli_is_option(arg, format_option)) {
        if (!(value = cli_option_value(argc, argv, i, format_option)))
            return cli_usage(command, "%s needs reg, pol, lgpo or gpp", format_option);
        if (!cli_parse_format(value, &w->format))
            return cli_usage(command, "unknown format '%s' (reg, pol, lgpo or gpp)", value);
        w->format_given = true;
        return EXIT_OK;
    }
    if (cli_is_option(arg, "--encoding")) {
        if (!(value = cli_option_value(argc, argv, i, "--encoding")))
            return cli_usage(command, "--encoding needs utf16, utf8 or ansi");
        if (!cli_parse_encoding(value, &w->encoding))
            return cli_usage(command, "unknown encoding '%s' (utf16, utf8 or ansi)", value);
        w->encoding_given = true;
        return EXIT_OK;
    }
    return -1;
}

int cli_check_format_options(const char *command, const struct cli_write_options *w)
{
    if (w->encoding_given && (w->format == OUT_POL || w->format == OUT_GPP))
        return cli_usage(command, "--encoding applies to reg and lgpo only (a .pol is UTF-16LE, "
                                  "a Registry.xml UTF-8)");
    if (w->user_out && w->format != OUT_POL)
        return cli_usage(command, "--user-out applies to pol only");
    if (w->user_out && strcmp(w->user_out, "-") == 0 && strcmp(w->output, "-") == 0)
        return cli_usage(command, "the Machine and User .pol files cannot both go to standard output");
    return -1;
}
