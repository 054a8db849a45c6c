#include "cli.h"

#include "render.h"

#include <stdarg.h>
#include <string.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("reglint: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_usage(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("reglint: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    fprintf(stderr, "run 'reglint %s --help' for usage\n", command);
    return EXIT_USAGE;
}

bool cli_read_reg(const char *path, const char *display_name, struct reg_doc *doc)
{
    memset(doc, 0, sizeof *doc);
    const char *error = NULL;
    const char *shown = display_name ? display_name : (strcmp(path, "-") == 0 ? "<stdin>" : path);
    doc->src = source_load(path, shown, &error);
    if (!doc->src) {
        cli_error("%s: %s", shown, error);
        return false;
    }
    doc->arena = arena_new();
    diag_list_init(&doc->diags, doc->arena);
    doc->file = reg_read(doc->src, doc->arena, &doc->diags);
    return true;
}

void cli_release_reg(struct reg_doc *doc)
{
    reg_file_free(doc->file);
    diag_list_release(&doc->diags);
    arena_free(doc->arena);
    source_free(doc->src);
    memset(doc, 0, sizeof *doc);
}

void cli_print_gcc(struct diag_list *diags, FILE *out)
{
    diag_list_sort(diags);
    struct renderer *r = render_begin(out, FORMAT_GCC, false);
    render_file(r, diags, SEV_STYLE);
    render_end(r);
}
