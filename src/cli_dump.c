/* reglint dump FILE and reglint show FILE. */
#include <stdint.h>
#include <string.h>

#include "cli.h"
#include "dump.h"
#include "platform.h"
#include "policy.h"

static const char dump_help[] =
    "usage: reglint dump [--root machine|user] [--mount KEY] [--all-keys] FILE\n"
    "\n"
    "Print what importing FILE with regedit does to an empty registry: one line\n"
    "per value, KEYPATH<TAB>NAME<TAB>TYPE<TAB>DATA_HEX, and KEY<TAB>KEYPATH for a\n"
    "key the file names that holds no values; sorted bytewise. Lines regedit\n"
    "skips are reported on stderr; the exit status is 1 if any is an error.\n"
    "A Group Policy file or GPO folder is dumped as the effect of applying it,\n"
    "a registry hive (SYSTEM, SOFTWARE, NTUSER.DAT) as what it holds.\n"
    "\n"
    "      --root machine|user  the hive of a Registry.pol outside a GPO's Machine\n"
    "                          or User folder (default machine)\n"
    "      --mount KEY         where a registry hive is mounted (HKLM\\SYSTEM,\n"
    "                          HKLM\\SOFTWARE, HKCU...), not what its root holds\n"
    "      --all-keys          read every key of a registry hive, not only those\n"
    "                          reglint reads\n";

static const char show_help[] =
    "usage: reglint show [--root machine|user] [--mount KEY] [--all-keys] FILE\n"
    "\n"
    "Print FILE as UTF-8 text with LF line endings, decoded as regedit decodes\n"
    "it (UTF-16LE with a byte order mark, otherwise Windows-1252). A policy file\n"
    "(Registry.pol, LGPO text, GptTmpl.inf, Registry.xml) or a registry hive is\n"
    "shown as the .reg text reglint reads it as. Meant as a git textconv driver;\n"
    "see the README.\n"
    "\n"
    "      --root machine|user  the hive of a Registry.pol outside a GPO's Machine\n"
    "                          or User folder (default machine)\n"
    "      --mount KEY         where a registry hive is mounted (HKLM\\SYSTEM,\n"
    "                          HKLM\\SOFTWARE, HKCU...), not what its root holds\n"
    "      --all-keys          read every key of a registry hive, not only those\n"
    "                          reglint reads\n";

static const char *const help_option_names[] = {"--help", NULL};

/* Parses "COMMAND [--help] FILE"; returns the file or NULL after printing
 * help or a usage error (with *rc set). */
static const char *one_file(int argc, char **argv, const char *help, int *rc)
{
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(help, stdout);
            *rc = EXIT_OK;
            return NULL;
        }
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            *rc = cli_unknown_option(argv[0], argv[i], help_option_names);
            return NULL;
        }
        if (file) {
            *rc = cli_usage(argv[0], "%s takes one file", argv[0]);
            return NULL;
        }
        file = argv[i];
    }
    if (!file)
        *rc = cli_usage(argv[0], "missing FILE");
    return file;
}

int cli_dump(int argc, char **argv)
{
    int rc = EXIT_OK;
    const char *path = one_file(argc, argv, dump_help, &rc);
    if (!path)
        return rc;
    struct reg_doc doc;
    if (!cli_read_reg(path, NULL, &doc))
        return EXIT_IO;
    struct model *m = model_build(doc.file, doc.arena, MODEL_AS_REGEDIT);
    dump_model(m, stdout);
    model_free(m);
    fflush(stdout);
    cli_print_gcc(&doc.diags, stderr);
    rc = diag_count_at_least(&doc.diags, SEV_ERROR) ? EXIT_FINDINGS : EXIT_OK;
    reg_doc_release(&doc);
    return rc;
}

/* Where the run of ASCII without a CR that starts at s[i] ends: eight bytes
 * at a time while none is a CR or above 0x7F. */
static size_t plain_run_end(const char *s, size_t i, size_t n)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const uint64_t crs = 0x0D0D0D0D0D0D0D0Du;
    while (n - i >= 8) {
        uint64_t x;
        memcpy(&x, s + i, sizeof x);
        uint64_t y = x ^ crs; /* a zero byte where x holds a CR */
        if ((x | ((y - ones) & ~y)) & highs)
            break;
        i += 8;
    }
    while (i < n && (unsigned char)s[i] < 0x80 && s[i] != '\r')
        i++;
    return i;
}

int cli_show(int argc, char **argv)
{
    int rc = EXIT_OK;
    const char *path = one_file(argc, argv, show_help, &rc);
    if (!path)
        return rc;
    const char *error = NULL;
    const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
    /* A policy file or GPO folder shows as its rendering (policy.h). */
    struct reg_doc policy_doc = {0};
    struct source *src = NULL;
    if (strcmp(path, "-") != 0 && platform_is_dir(path)) {
        if (!cli_read_reg(path, NULL, &policy_doc))
            return EXIT_IO;
        src = policy_doc.src;
    } else {
        src = source_load(path, shown, &error);
        if (!src) {
            cli_error("%s: %s", shown, error);
            return EXIT_IO;
        }
        enum policy_format format = policy_detect(src, NULL);
        if (format == POLICY_FORMAT_HIVE) {
            struct buf why = BUF_INIT;
            if (!cli_read_hive(path, src, &policy_doc, &why, true)) {
                cli_error("%s: %s", shown, why.data);
                buf_free(&why);
                return EXIT_IO;
            }
            buf_free(&why);
            src = policy_doc.src;
        } else if (format != POLICY_FORMAT_REG) {
            policy_doc_render(&policy_doc, src, format, path);
            src = policy_doc.src;
        }
    }
    /* Line endings become LF; text that is not valid UTF-8 (an unpaired
     * surrogate) becomes U+FFFD so that the output is always UTF-8. Runs of
     * ASCII go out as they are, without a copy of the whole text. */
    const char *s = src->d.text;
    size_t n = src->d.len;
    struct buf other = BUF_INIT;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t run = plain_run_end(s, i, n);
        if (run > i) {
            fwrite(s + i, 1, run - i, stdout);
            i = run;
            continue;
        }
        if (c == '\r') {
            putchar('\n');
            i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
        } else if (c < 0x80) {
            putchar(c);
            i++;
        } else {
            buf_clear(&other);
            text_put_valid_char(&other, s, n, &i);
            fwrite(other.data, 1, other.len, stdout);
        }
    }
    buf_free(&other);
    if (policy_doc.src)
        reg_doc_release(&policy_doc);
    else
        source_free(src);
    return EXIT_OK;
}
