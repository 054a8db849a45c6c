#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "text.h"
#include "xalloc.h"

struct renderer {
    FILE *out;
    enum render_format format;
    bool color;
    size_t count[SEV_ERROR + 1];
    size_t files;
    size_t results;            /* json/sarif: findings written so far */
    bool fired[RULE_COUNT];
};

bool render_format_parse(const char *name, enum render_format *out)
{
    static const char *const names[] = {"text", "gcc", "json", "sarif", "github"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(name, names[i]) == 0) {
            *out = (enum render_format)i;
            return true;
        }
    }
    return false;
}

/* --------------------------------------------------------------- JSON */

/* A JSON string literal for a NUL-terminated string (text.h says how). */
static void json_string(struct buf *b, const char *s)
{
    text_json_string(b, s, strlen(s));
}

struct position {
    uint32_t line, col, end_line, end_col;
};

static struct position position_of(struct source *src, struct span at)
{
    struct position p;
    const struct source_origin *o = source_origin_at(src, at.start);
    if (o) {
        /* A rendering of a policy file: its record or line is what counts. */
        uint32_t n = o->number ? o->number : 1;
        return (struct position){n, 1, n, 1};
    }
    source_position(src, at.start, &p.line, &p.col);
    source_position(src, at.end, &p.end_line, &p.end_col);
    if (at.end <= at.start) {
        p.end_line = p.line;
        p.end_col = p.col + 1;
    }
    return p;
}

static void json_finding(struct renderer *r, struct buf *b, struct source *src, const struct diag *d)
{
    struct position p = position_of(src, d->at);
    buf_puts(b, "{\"file\":");
    json_string(b, src->name);
    buf_printf(b, ",\"line\":%u,\"column\":%u,\"endLine\":%u,\"endColumn\":%u,", p.line, p.col,
               p.end_line, p.end_col);
    const struct source_origin *o = source_origin_at(src, d->at.start);
    if (o && o->record)
        buf_printf(b, "\"record\":%u,\"offset\":%u,\"length\":%u,", (unsigned)o->number,
                   (unsigned)o->offset, (unsigned)o->length);
    buf_printf(b, "\"severity\":\"%s\",\"id\":", severity_name(d->severity));
    json_string(b, d->code);
    buf_puts(b, ",\"name\":");
    if (d->rule != RULE_COUNT)
        json_string(b, rule_info(d->rule)->name);
    else
        buf_puts(b, "null");
    buf_puts(b, ",\"message\":");
    json_string(b, d->message);
    buf_puts(b, ",\"anchor\":");
    if (d->anchor_key) {
        buf_puts(b, "{\"key\":");
        json_string(b, d->anchor_key);
        if (d->anchor_value) {
            buf_puts(b, ",\"value\":");
            json_string(b, d->anchor_value);
        }
        buf_putc(b, '}');
    } else {
        buf_puts(b, "null");
    }
    buf_puts(b, ",\"fix\":");
    if (d->fix) {
        buf_printf(b, "{\"applicability\":\"%s\",\"message\":",
                   d->fix->applicability == FIX_SAFE ? "safe" : "unsafe");
        json_string(b, d->fix->message);
        buf_puts(b, ",\"edits\":[");
        for (size_t i = 0; i < d->fix->nedits; i++) {
            const struct fix_edit *e = &d->fix->edits[i];
            struct position ep;
            source_position(src, e->at.start, &ep.line, &ep.col);
            source_position(src, e->at.end, &ep.end_line, &ep.end_col);
            buf_printf(b, "%s{\"line\":%u,\"column\":%u,\"endLine\":%u,\"endColumn\":%u,\"text\":",
                       i ? "," : "", ep.line, ep.col, ep.end_line, ep.end_col);
            json_string(b, e->text);
            buf_putc(b, '}');
        }
        buf_puts(b, "]}");
    } else {
        buf_puts(b, "null");
    }
    buf_putc(b, '}');
    (void)r;
}

/* -------------------------------------------------------------- SARIF */

static const char *sarif_level(enum severity s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

/* A file name as a URI reference: unreserved characters and '/' kept,
 * backslashes made slashes, everything else percent-encoded. */
static void uri_reference(struct buf *b, const char *name)
{
    /* An absolute path is no relative reference: make it a file: URI. A
     * colon elsewhere would read as a scheme: it is encoded. */
    bool absolute = true;
    if (name[0] == '/')
        buf_puts(b, "file://");
    else if (((name[0] >= 'A' && name[0] <= 'Z') || (name[0] >= 'a' && name[0] <= 'z')) &&
             name[1] == ':' && (name[2] == '\\' || name[2] == '/'))
        buf_puts(b, "file:///");
    else
        absolute = false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char ch = *p == '\\' ? '/' : *p;
        if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
            strchr("-._~/", ch) || (ch == ':' && absolute))
            buf_putc(b, (char)ch);
        else
            buf_printf(b, "%%%02X", ch);
    }
}

static void sarif_begin(struct renderer *r)
{
    struct buf b = BUF_INIT, text = BUF_INIT;
    buf_puts(&b, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
                 "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"reglint\",\"version\":\"" REGLINT_VERSION
                 "\",\"rules\":[");
    for (int i = 0; i < RULE_COUNT; i++) {
        const struct rule_info *info = rule_info((enum rule_id)i);
        if (i)
            buf_putc(&b, ',');
        buf_puts(&b, "\n{\"id\":");
        json_string(&b, info->id);
        buf_puts(&b, ",\"name\":");
        json_string(&b, info->name);
        buf_puts(&b, ",\"shortDescription\":{\"text\":");
        json_string(&b, info->summary);
        buf_puts(&b, "},\"fullDescription\":{\"text\":");
        json_string(&b, info->summary);
        buf_printf(&b, "},\"defaultConfiguration\":{\"level\":\"%s\",\"enabled\":%s},\"help\":{\"text\":",
                   sarif_level(info->severity), info->on_by_default ? "true" : "false");
        buf_clear(&text);
        buf_printf(&text, "%s. Run 'reglint rule %s' for the rule's page (docs/rules/%s.md).",
                   info->summary, info->id, info->id);
        json_string(&b, text.data);
        buf_puts(&b, ",\"markdown\":");
        const char *page = rule_page((enum rule_id)i);
        buf_clear(&text);
        buf_printf(&text, "%s\n\nThe rule's page: [docs/rules/%s.md](docs/rules/%s.md), or `reglint rule %s`.",
                   page ? page : info->summary, info->id, info->id, info->id);
        json_string(&b, text.data);
        buf_puts(&b, "}}");
    }
    buf_puts(&b, "\n]}},\"results\":[");
    fwrite(b.data, 1, b.len, r->out);
    buf_free(&b);
    buf_free(&text);
}

static void sarif_result(struct buf *b, struct source *src, const struct diag *d)
{
    struct position p = position_of(src, d->at);
    buf_puts(b, "{\"ruleId\":");
    json_string(b, d->code);
    if (d->rule != RULE_COUNT)
        buf_printf(b, ",\"ruleIndex\":%d", (int)d->rule);
    buf_printf(b, ",\"level\":\"%s\",\"message\":{\"text\":", sarif_level(d->severity));
    json_string(b, d->message);
    /* The URI has only unreserved characters and %XX: no JSON escaping. */
    buf_puts(b, "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"");
    const struct source_origin *o = source_origin_at(src, d->at.start);
    uri_reference(b, o && o->file ? o->file : src->name);
    if (o && o->record)
        buf_printf(b, "\"},\"region\":{\"byteOffset\":%u,\"byteLength\":%u}}}]}",
                   (unsigned)o->offset, (unsigned)o->length);
    else if (o)
        buf_printf(b, "\"},\"region\":{\"startLine\":%u}}}]}", p.line);
    else
        buf_printf(b, "\"},\"region\":{\"startLine\":%u,\"startColumn\":%u,\"endLine\":%u,\"endColumn\":%u}}}]}",
                   p.line, p.col, p.end_line, p.end_col);
}

/* ------------------------------------------------------------- GitHub */

/* Workflow-command escaping: data needs %, CR, LF; properties also : and ,. */
static void github_escape(struct buf *b, const char *s, bool property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%':
            buf_puts(b, "%25");
            break;
        case '\r':
            buf_puts(b, "%0D");
            break;
        case '\n':
            buf_puts(b, "%0A");
            break;
        case ':':
            buf_puts(b, property ? "%3A" : ":");
            break;
        case ',':
            buf_puts(b, property ? "%2C" : ",");
            break;
        default:
            buf_putc(b, *s);
        }
    }
}

static void github_finding(struct buf *b, struct source *src, const struct diag *d)
{
    struct position p = position_of(src, d->at);
    const char *level = d->severity == SEV_ERROR ? "error" : d->severity == SEV_WARNING ? "warning" : "notice";
    buf_printf(b, "::%s file=", level);
    github_escape(b, src->name, true);
    buf_printf(b, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=", p.line, p.col, p.end_line, p.end_col);
    struct buf title = BUF_INIT;
    buf_puts(&title, d->code);
    if (d->rule != RULE_COUNT)
        buf_printf(&title, " %s", rule_info(d->rule)->name);
    github_escape(b, title.data, true);
    buf_free(&title);
    buf_puts(b, "::");
    github_escape(b, d->message, false);
    buf_putc(b, '\n');
}

/* --------------------------------------------------------------- text */

#define COLOR_BOLD "\033[1m"
#define COLOR_RESET "\033[0m"

static const char *severity_color(enum severity s)
{
    switch (s) {
    case SEV_ERROR:
        return "\033[1;31m";
    case SEV_WARNING:
        return "\033[1;35m";
    case SEV_INFO:
        return "\033[1;36m";
    case SEV_STYLE:
        return "\033[1;34m";
    }
    return "";
}

static void first_line(struct buf *b, struct source *src, const struct diag *d, bool color)
{
    struct buf where = BUF_INIT;
    source_describe(src, d->at.start, &where);
    if (color)
        buf_printf(b, COLOR_BOLD "%s:" COLOR_RESET " %s%s:" COLOR_RESET " %s [%s]\n", where.data,
                   severity_color(d->severity), severity_name(d->severity), d->message, d->code);
    else
        buf_printf(b, "%s: %s: %s [%s]\n", where.data, severity_name(d->severity), d->message,
                   d->code);
    buf_free(&where);
}

/* How much of a long line an excerpt shows, in code points, and how many of
 * them come before the finding: a line may be megabytes long. */
#define EXCERPT_MAX_CPS 200
#define EXCERPT_CPS_BEFORE 40

/* The start of the code point before `at`, not before `start`. */
static size_t previous_cp(const char *text, size_t start, size_t at)
{
    do
        at--;
    while (at > start && ((unsigned char)text[at] & 0xC0) == 0x80);
    return at;
}

/* A line's text, control characters (but tabs) as \xHH. */
static void put_line_text(struct buf *b, const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to;) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 && c != '\t') {
            buf_printf(b, "\\x%02X", c);
            i++;
        } else {
            text_put_valid_char(b, text, to, &i);
        }
    }
}

/* The source line, then ^~~~ under the finding's first line. Of a long line,
 * only the part around the finding is shown, with "..." where it is cut. */
static void excerpt(struct buf *b, struct source *src, const struct diag *d, bool color)
{
    uint32_t line, col;
    source_position(src, d->at.start, &line, &col);
    struct span ls = source_line(src, line);
    const struct source_origin *origin = source_origin_at(src, d->at.start);
    /* A finding about a policy file as a whole has no line to show. */
    bool whole_file = origin && origin->number == 0;
    if (whole_file || ls.end < ls.start) {
        for (size_t i = 0; i < d->nhelp; i++)
            buf_printf(b, "      = help: %s\n", d->help[i]);
        return;
    }
    const char *text = src->d.text;
    size_t at = d->at.start < ls.start ? ls.start : d->at.start > ls.end ? ls.end : d->at.start;
    size_t from = at, to = at, shown = 0;
    while (from > ls.start && shown < EXCERPT_CPS_BEFORE)
        from = previous_cp(text, ls.start, from), shown++;
    while (to < ls.end && shown < EXCERPT_MAX_CPS)
        text_next_cp(text, ls.end, &to), shown++;
    /* Near the end of a long line, the window fills from before. */
    while (from > ls.start && shown < EXCERPT_MAX_CPS)
        from = previous_cp(text, ls.start, from), shown++;
    bool cut_before = from > ls.start, cut_after = to < ls.end;
    int width = snprintf(NULL, 0, "%u", line);
    if (width < 4)
        width = 4;
    /* A policy file's rendering has no line numbers of its own to show. */
    if (origin)
        buf_printf(b, " %*s | %s", width, "", cut_before ? "..." : "");
    else
        buf_printf(b, " %*u | %s", width, line, cut_before ? "..." : "");
    put_line_text(b, text, from, to);
    buf_printf(b, "%s\n %*s | %s", cut_after ? "..." : "", width, "", cut_before ? "   " : "");
    /* Blanks up to the column, keeping tabs so that the caret lines up. */
    for (size_t i = from; i < at;) {
        uint32_t cp = text_next_cp(text, at, &i);
        buf_putc(b, cp == '\t' ? '\t' : ' ');
        if (cp < 0x20 && cp != '\t')
            buf_fill(b, ' ', 3);
    }
    /* The underline covers what the finding covers as shown: \xHH is four. */
    size_t end = d->at.end < to ? d->at.end : to, n = 0;
    for (size_t i = at; i < end;) {
        uint32_t cp = text_next_cp(text, end, &i);
        n += cp < 0x20 && cp != '\t' ? 4 : 1;
    }
    if (n == 0)
        n = 1;
    if (color)
        buf_puts(b, severity_color(d->severity));
    buf_putc(b, '^');
    buf_fill(b, '~', n - 1);
    if (color)
        buf_puts(b, COLOR_RESET);
    buf_putc(b, '\n');
    for (size_t i = 0; i < d->nhelp; i++)
        buf_printf(b, " %*s = help: %s\n", width, "", d->help[i]);
    if (d->fix)
        buf_printf(b, " %*s = fix (%s): %s\n", width, "",
                   d->fix->applicability == FIX_SAFE ? "safe" : "unsafe", d->fix->message);
}

/* ----------------------------------------------------------- the run */

struct renderer *render_begin(FILE *out, enum render_format format, bool color)
{
    struct renderer *r = xcalloc(1, sizeof *r);
    r->out = out;
    r->format = format;
    r->color = color && format == FORMAT_TEXT;
    if (format == FORMAT_JSON)
        fputs("{\"version\":1,\"tool\":{\"name\":\"reglint\",\"version\":\"" REGLINT_VERSION
              "\"},\"findings\":[",
              out);
    else if (format == FORMAT_SARIF)
        sarif_begin(r);
    return r;
}

void render_file(struct renderer *r, const struct diag_list *diags, enum severity min)
{
    r->files++;
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < diags->n; i++) {
        const struct diag *d = diags->items[i];
        struct source *src = d->src;
        if (d->severity < min)
            continue;
        r->count[d->severity]++;
        if (d->rule != RULE_COUNT)
            r->fired[d->rule] = true;
        switch (r->format) {
        case FORMAT_TEXT:
            first_line(&b, src, d, r->color);
            excerpt(&b, src, d, r->color);
            break;
        case FORMAT_GCC:
            first_line(&b, src, d, false);
            break;
        case FORMAT_JSON:
            buf_puts(&b, r->results++ ? ",\n" : "\n");
            json_finding(r, &b, src, d);
            break;
        case FORMAT_SARIF:
            buf_puts(&b, r->results++ ? ",\n" : "\n");
            sarif_result(&b, src, d);
            break;
        case FORMAT_GITHUB:
            github_finding(&b, src, d);
            break;
        }
        if (b.len > 65536) {
            fwrite(b.data, 1, b.len, r->out);
            buf_clear(&b);
        }
    }
    if (r->format == FORMAT_TEXT) {
        for (int rule = 0; rule < RULE_COUNT; rule++)
            if (diags->dropped[rule])
                buf_printf(&b, "%zu more %s findings not shown\n", diags->dropped[rule],
                           rule_info((enum rule_id)rule)->id);
    }
    if (b.len)
        fwrite(b.data, 1, b.len, r->out);
    buf_free(&b);
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

void render_end(struct renderer *r)
{
    if (r->format == FORMAT_JSON) {
        fprintf(r->out,
                "\n],\"summary\":{\"errors\":%zu,\"warnings\":%zu,\"infos\":%zu,\"styles\":%zu,\"files\":%zu}}\n",
                r->count[SEV_ERROR], r->count[SEV_WARNING], r->count[SEV_INFO], r->count[SEV_STYLE],
                r->files);
    } else if (r->format == FORMAT_SARIF) {
        fputs("\n]}]}\n", r->out);
    } else if (r->format == FORMAT_TEXT) {
        size_t e = r->count[SEV_ERROR], w = r->count[SEV_WARNING], i = r->count[SEV_INFO],
               s = r->count[SEV_STYLE];
        fprintf(r->out, "%zu %s, %zu %s, %zu %s, %zu %s in %zu %s\n", e, plural(e, "error", "errors"), w,
                plural(w, "warning", "warnings"), i, plural(i, "info", "infos"), s,
                plural(s, "style", "styles"), r->files, plural(r->files, "file", "files"));
        bool any = false;
        for (int rule = 0; rule < RULE_COUNT; rule++) {
            if (!r->fired[rule])
                continue;
            fprintf(r->out, "%s %s %s", any ? "," : "rules:", rule_info((enum rule_id)rule)->id,
                    rule_info((enum rule_id)rule)->name);
            any = true;
        }
        if (any)
            fputs("\n(run 'reglint rule ID' for a rule's page)\n", r->out);
    }
    free(r);
}
