#include "cli.h"

#include "suggest.h"

#include "buf.h"
#include "printf_like.h"
#include "render.h"

#include <stdarg.h>
#include <string.h>

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
    struct source *src = source_load(path, shown, &error);
    if (!src) {
        cli_error_to(errors, "%s: %s", shown, error);
        return false;
    }
    reg_doc_read(doc, src);
    return true;
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
