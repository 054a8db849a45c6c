/* reglint fmt [--check] FILE... */
#include <string.h>

#include "cli.h"
#include "filelist.h"
#include "fmt.h"
#include "platform.h"

static const char fmt_help[] =
    "usage: reglint fmt [--check] FILE|DIR...\n"
    "\n"
    "Rewrite each FILE in regedit's export layout without changing what it does:\n"
    "the exact header, a blank line before each key, full root names, '@' for the\n"
    "default value, dword: as 8 lower-case digits, hex wrapped as regedit wraps it.\n"
    "Nothing is reordered and comments are kept. The encoding, byte order mark and\n"
    "line endings stay as they were. Files are replaced atomically. '-' reads\n"
    "standard input and writes the result to standard output. A DIR stands for\n"
    "every file below it whose name ends in .reg (any case), as for lint.\n"
    "\n"
    "  --check   change nothing; list the files fmt would change and exit 1 if any\n";

static const char *const fmt_option_names[] = {"--check", "--help", NULL};

/* Formats one file; returns 1 when --check finds a file fmt would change,
 * EXIT_IO on a read or write error, else 0 (rewriting a file is success). */
static int format_one(const char *path, bool check)
{
    bool is_stdin = strcmp(path, "-") == 0;
    struct file_stamp read;
    platform_file_stamp(path, &read);
    /* Before opening it: a FIFO would wait for a writer, then for a reader
     * of what fmt wrote back. */
    if (!check && !is_stdin && read.exists && !read.regular) {
        cli_error("%s: %s; fmt rewrites regular files only ('-' formats standard input)", path,
                  platform_is_dir(path) ? "is a directory" : "not a regular file");
        return EXIT_IO;
    }
    struct reg_doc doc;
    if (!cli_read_reg(path, NULL, &doc))
        return EXIT_IO;
    int rc = 0;
    const char *why = NULL;
    if (doc.src->format) {
        fprintf(stderr, "reglint: warning: %s: not formatted: a %s file, not .reg text\n",
                doc.src->name, doc.src->format);
        reg_doc_release(&doc);
        return 0;
    }
    if (!fmt_supported(doc.file, &why)) {
        fprintf(stderr, "reglint: warning: %s: left as it is, fmt cannot lay it out: %s\n", doc.src->name, why);
        reg_doc_release(&doc);
        return 0;
    }
    struct buf out = BUF_INIT;
    fmt_file(doc.file, &out);
    if (is_stdin && !check) {
        fwrite(out.data, 1, out.len, stdout);
    } else {
        /* Compare with the file's bytes as they are on disk. */
        struct buf original = BUF_INIT;
        text_encode_bom(doc.src->d.encoding, &original);
        text_encode(doc.src->d.text, doc.src->d.len, doc.src->d.encoding, &original, NULL);
        bool same = original.len == out.len && memcmp(original.data, out.data, out.len) == 0;
        buf_free(&original);
        if (!same) {
            if (check) {
                rc = 1;
                fprintf(stderr, "would reformat %s\n", doc.src->name);
            } else {
                const char *error = platform_write_atomic_unchanged(path, out.data, out.len, &read);
                if (error) {
                    cli_error("%s: cannot write: %s", path, error);
                    rc = EXIT_IO;
                } else {
                    fprintf(stderr, "reformatted %s\n", doc.src->name);
                }
            }
        }
    }
    buf_free(&out);
    reg_doc_release(&doc);
    return rc;
}

int cli_fmt(int argc, char **argv)
{
    bool check = false;
    int first_file = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(fmt_help, stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--check") == 0) {
            check = true;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return cli_unknown_option(argv[0], argv[i], fmt_option_names);
        } else if (!first_file) {
            first_file = i;
        }
    }
    if (!first_file)
        return cli_usage(argv[0], "missing FILE");
    struct file_list files = FILE_LIST_INIT;
    for (int i = first_file; i < argc; i++)
        if (strcmp(argv[i], "--check") != 0 && file_list_add(&files, argv[i]) == 0)
            fprintf(stderr, "reglint: warning: %s: no .reg file below this directory\n", argv[i]);
    int rc = EXIT_OK;
    for (size_t i = 0; i < files.n; i++) {
        int one = EXIT_IO;
        if (files.items[i].error)
            cli_error("%s: %s", files.items[i].path, files.items[i].error);
        else
            one = format_one(files.items[i].path, check);
        if (one == EXIT_IO)
            rc = EXIT_IO;
        else if (one && rc == EXIT_OK)
            rc = EXIT_FINDINGS;
    }
    file_list_free(&files);
    return rc;
}
