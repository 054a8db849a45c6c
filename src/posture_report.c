#include "posture_report.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

bool report_format_by_name(const char *name, enum report_format *out)
{
    static const char *const names[] = {"text", "json", "markdown"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (enum report_format)i;
            return true;
        }
    }
    return false;
}

/* The text after "--name=" or the next argument after "--name"; NULL when
 * argv[*i] is not this option, `missing` when the argument is absent. */
static const char *option_argument(int argc, char **argv, int *i, const char *name,
                                   const char *missing)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);
    if (strncmp(arg, name, n) == 0 && arg[n] == '=')
        return arg + n + 1;
    /* A short option's value may be attached, as in "-fjson". */
    if (name[1] != '-' && strncmp(arg, name, n) == 0 && arg[n] != '\0')
        return arg + n;
    if (strcmp(arg, name) != 0)
        return NULL;
    if (*i + 1 >= argc)
        return missing;
    return argv[++*i];
}

const char *const report_option_names[] = {"--target", "--view", "--format", "--stdin-filename", "--help",
                                           NULL};

int report_option(const char *command, int argc, char **argv, int *i, struct report_options *o)
{
    static const char missing[] = "";
    const char *v;
    if ((v = option_argument(argc, argv, i, "--target", missing))) {
        if (v == missing)
            return -cli_usage(command, "--target needs a Windows version");
        if (target_by_name(v, &o->target)) {
            o->has_target = true;
            return 1;
        }
        return -cli_unknown_target(command, v);
    }
    if ((v = option_argument(argc, argv, i, "--view", missing))) {
        if (strcmp(v, "64") == 0 || strcmp(v, "32") == 0) {
            o->view = v[0] == '3' ? VIEW_WOW64 : VIEW_NATIVE;
            return 1;
        }
        if (v == missing)
            return -cli_usage(command, "--view needs 64 or 32");
        return -cli_usage(command, "unknown view '%s' (64 or 32)", v);
    }
    if ((v = option_argument(argc, argv, i, "--stdin-filename", missing))) {
        if (v == missing)
            return -cli_usage(command, "--stdin-filename needs a name");
        o->stdin_name = v;
        return 1;
    }
    if ((v = option_argument(argc, argv, i, "--format", missing)) ||
        (v = option_argument(argc, argv, i, "-f", missing))) {
        if (v == missing)
            return -cli_usage(command, "--format needs text, json or markdown");
        if (!report_format_by_name(v, &o->format))
            return -cli_usage(command, "unknown format '%s' (text, json or markdown)", v);
        return 1;
    }
    return 0;
}

bool posture_files_load(struct posture_files *pf, char *const *paths, size_t n,
                        const char *stdin_name)
{
    pf->n = 0;
    pf->docs = xcalloc(n ? n : 1, sizeof *pf->docs);
    pf->models = xcalloc(n ? n : 1, sizeof *pf->models);
    pf->layers = xcalloc(n ? n : 1, sizeof *pf->layers);
    for (size_t i = 0; i < n; i++) {
        const char *shown = strcmp(paths[i], "-") == 0 ? stdin_name : NULL;
        if (!cli_read_reg(paths[i], shown, &pf->docs[i])) {
            posture_files_release(pf);
            return false;
        }
        pf->n = i + 1;
        struct reg_doc *doc = &pf->docs[i];
        if (!reg_version_imports(doc->file->version))
            fprintf(stderr, "reglint: warning: %s: regedit imports nothing from this file "
                            "(its first line is not a .reg header)\n",
                    doc->src->name);
        pf->models[i] = model_build(doc->file, doc->arena, MODEL_AS_REGEDIT);
        posture_collect(pf->models[i], &pf->layers[i]);
    }
    return true;
}

void posture_files_release(struct posture_files *pf)
{
    for (size_t i = 0; i < pf->n; i++) {
        model_free(pf->models[i]);
        reg_doc_release(&pf->docs[i]);
    }
    free(pf->docs);
    free(pf->models);
    free(pf->layers);
    memset(pf, 0, sizeof *pf);
}

void report_markdown_text(struct buf *b, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (strchr("|\\`*_[]<>#", s[i]) && s[i] != '\0')
            buf_putc(b, '\\');
        buf_putc(b, s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
    }
}

const char *posture_state_id(enum proto_state s)
{
    switch (s) {
    case ST_ENABLED:
        return "enabled";
    case ST_DISABLED_BY_DEFAULT:
        return "disabled-by-default";
    case ST_DISABLED:
        return "disabled";
    case ST_UNSUPPORTED:
        return "unsupported";
    case ST_UNKNOWN:
        break;
    }
    return "unknown";
}

void report_scope_phrase(const enum target *target, enum view view, bool explain,
                         struct buf *out)
{
    if (target)
        buf_printf(out, "on %s", target_info(*target)->display);
    else
        buf_puts(out, "on any target");
    if (!target && explain)
        buf_puts(out, " (no --target: a default counts only where every target agrees)");
    if (view == VIEW_WOW64)
        buf_puts(out, ", for 32-bit programs (Wow6432Node)");
}

int report_view_bits(enum view view)
{
    return view == VIEW_WOW64 ? 32 : 64;
}

static void files_phrase(const struct posture_files *pf, struct buf *out)
{
    for (size_t i = 0; i < pf->n; i++)
        buf_printf(out, "%s%s", i == 0 ? "" : ", then ", pf->docs[i].src->name);
}

void posture_report_json_cell(const struct posture_cell *cell, const struct posture *layers,
                              struct buf *out)
{
    buf_printf(out, "{\"state\":\"%s\",\"default\":%s,\"why\":", posture_state_id(cell->state),
               cell->os_default ? "true" : "false");
    struct buf why = BUF_INIT;
    posture_cell_describe(cell, layers, &why);
    text_json_string(out, why.data ? why.data : "", why.len);
    buf_puts(out, ",\"value\":");
    if (cell->by.value) {
        const struct model *m = layers[cell->by.layer].model;
        const struct model_value *v = cell->by.value;
        uint32_t line = source_shown_line(m->file->src, model_value_stmt(m, v)->name_at.start);
        struct reg_name name = model_value_name(m, v);
        buf_puts(out, "{\"name\":");
        text_json_string(out, name.s, name.len);
        buf_puts(out, ",\"file\":");
        text_json_string(out, m->file->src->name, strlen(m->file->src->name));
        buf_printf(out, ",\"line\":%u}", (unsigned)line);
    } else {
        buf_puts(out, "null");
    }
    buf_putc(out, '}');
    buf_free(&why);
}

static void table_text(const struct posture_table *t, const struct posture_files *pf,
                       const enum target *target, enum view view, struct buf *out)
{
    buf_puts(out, "Effective TLS posture ");
    report_scope_phrase(target, view, true, out);
    buf_puts(out, "\nfrom ");
    files_phrase(pf, out);
    buf_puts(out, "\n");
    struct buf why = BUF_INIT;
    for (int p = 0; p < PROTO_COUNT; p++) {
        if (!posture_table_row((enum protocol)p))
            continue;
        buf_printf(out, "\n%s\n", protocol_info((enum protocol)p)->display);
        for (int c = 0; c < COMP_COUNT; c++) {
            const struct posture_cell *cell = &t->cell[p][c];
            buf_clear(&why);
            posture_cell_describe(cell, pf->layers, &why);
            buf_printf(out, "  %-16s %-29s %s", component_name((enum component)c),
                       posture_cell_label(cell), why.data ? why.data : "");
            while (out->len > 0 && out->data[out->len - 1] == ' ')
                out->data[--out->len] = '\0';
            buf_putc(out, '\n');
        }
    }
    buf_free(&why);
}

static void table_markdown(const struct posture_table *t, const struct posture_files *pf,
                           const enum target *target, enum view view, struct buf *out)
{
    struct buf head = BUF_INIT;
    buf_puts(&head, "Effective TLS posture ");
    report_scope_phrase(target, view, true, &head);
    buf_puts(&head, ", from ");
    files_phrase(pf, &head);
    buf_puts(out, "### ");
    report_markdown_text(out, head.data, head.len);
    buf_puts(out, "\n\n| Protocol |");
    for (int c = 0; c < COMP_COUNT; c++)
        buf_printf(out, " %s |", component_name((enum component)c));
    buf_puts(out, "\n|---|");
    for (int c = 0; c < COMP_COUNT; c++)
        buf_puts(out, "---|");
    buf_putc(out, '\n');
    struct buf why = BUF_INIT;
    for (int p = 0; p < PROTO_COUNT; p++) {
        if (!posture_table_row((enum protocol)p))
            continue;
        buf_printf(out, "| %s |", protocol_info((enum protocol)p)->display);
        for (int c = 0; c < COMP_COUNT; c++) {
            const struct posture_cell *cell = &t->cell[p][c];
            buf_clear(&why);
            posture_cell_describe(cell, pf->layers, &why);
            buf_printf(out, " **%s**", posture_cell_label(cell));
            if (why.len) {
                buf_puts(out, "<br><sub>");
                report_markdown_text(out, why.data, why.len);
                buf_puts(out, "</sub>");
            }
            buf_puts(out, " |");
        }
        buf_putc(out, '\n');
    }
    buf_free(&why);
    buf_free(&head);
}

static void table_json(const struct posture_table *t, const struct posture_files *pf,
                       const enum target *target, enum view view, struct buf *out)
{
    buf_puts(out, "{\"version\":1,\"target\":");
    if (target)
        text_json_string(out, target_info(*target)->name, strlen(target_info(*target)->name));
    else
        buf_puts(out, "null");
    buf_printf(out, ",\"view\":%d", report_view_bits(view));
    buf_puts(out, ",\"files\":[");
    for (size_t i = 0; i < pf->n; i++) {
        if (i)
            buf_putc(out, ',');
        text_json_string(out, pf->docs[i].src->name, strlen(pf->docs[i].src->name));
    }
    buf_puts(out, "],\"protocols\":[");
    bool first = true;
    for (int p = 0; p < PROTO_COUNT; p++) {
        if (!posture_table_row((enum protocol)p))
            continue;
        buf_printf(out, "%s{\"protocol\":\"%s\",\"components\":{", first ? "" : ",",
                   protocol_info((enum protocol)p)->display);
        first = false;
        for (int c = 0; c < COMP_COUNT; c++) {
            buf_printf(out, "%s\"%s\":", c ? "," : "", component_id((enum component)c));
            posture_report_json_cell(&t->cell[p][c], pf->layers, out);
        }
        buf_puts(out, "}}");
    }
    buf_puts(out, "]");
}

void posture_report_table(const struct posture_table *t, const struct posture_files *pf,
                          const enum target *target, enum view view, enum report_format format,
                          struct buf *out)
{
    switch (format) {
    case REPORT_TEXT:
        table_text(t, pf, target, view, out);
        break;
    case REPORT_JSON:
        table_json(t, pf, target, view, out);
        break;
    case REPORT_MARKDOWN:
        table_markdown(t, pf, target, view, out);
        break;
    }
    posture_report_suites(pf, target, format, out);
    if (format == REPORT_JSON)
        buf_puts(out, "}\n");
}
