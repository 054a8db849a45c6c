#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "config.h"
#include "platform.h"
#include "profile.h"
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
    int exit_code;             /* sarif: the run's, for invocations */
    bool quiet;                /* text: no summary */
    char *root;                /* sarif: SRCROOT, an absolute directory with '/' */
    char *cwd;                 /* sarif: where relative names start */
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

/* The file a finding is in: the part of a GPO folder or of a hive's image
 * it lies in, else the document's own. */
static const char *finding_file(const struct source_origin *o, const struct source *src)
{
    return o && o->file ? o->file : src->name;
}

static void json_finding(struct renderer *r, struct buf *b, struct source *src, const struct diag *d)
{
    struct position p = position_of(src, d->at);
    const struct source_origin *o = source_origin_at(src, d->at.start);
    buf_puts(b, "{\"file\":");
    json_string(b, finding_file(o, src));
    buf_printf(b, ",\"line\":%u,\"column\":%u,\"endLine\":%u,\"endColumn\":%u,", p.line, p.col,
               p.end_line, p.end_col);
    if (o && o->record)
        buf_printf(b, "\"record\":%u,\"offset\":%u,\"length\":%u,", (unsigned)o->number,
                   (unsigned)o->offset, (unsigned)o->length);
    if (o && o->where) {
        buf_puts(b, "\"location\":");
        json_string(b, o->where);
        buf_putc(b, ',');
    }
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

/* Appends a path as URI text: unreserved characters and '/' kept,
 * everything else percent-encoded (':' too, when `keep_colon` is false,
 * since a colon in a relative reference would read as a scheme). */
static void uri_path(struct buf *b, const char *path, bool keep_colon)
{
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned char ch = *p;
        if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
            strchr("-._~/", ch) || (ch == ':' && keep_colon))
            buf_putc(b, (char)ch);
        else
            buf_printf(b, "%%%02X", ch);
    }
}

/* SRCROOT, the directory SARIF paths are relative to: GITHUB_WORKSPACE (the
 * checkout code scanning maps paths into), else the nearest directory at or
 * above the current one that holds .git, else the current directory. Ends
 * in '/'. */
static char *source_root(const char *cwd)
{
    const char *workspace = getenv("GITHUB_WORKSPACE");
    struct buf root = BUF_INIT;
    if (workspace && *workspace) {
        char *abs = config_absolute_path(cwd, workspace);
        buf_puts(&root, abs);
        free(abs);
    } else {
        char *dir = config_absolute_path(cwd, ".");
        size_t len = strlen(dir);
        for (;;) {
            struct buf git = BUF_INIT;
            buf_printf(&git, "%.*s/.git", (int)len, dir);
            struct file_stamp stamp;
            platform_file_stamp(git.data, &stamp);
            buf_free(&git);
            if (stamp.exists)
                break;
            size_t up = len;
            while (up > 0 && dir[up - 1] != '/')
                up--;
            if (up <= 1 || (up == 3 && dir[1] == ':')) {
                len = strlen(dir); /* no .git above: the current directory */
                break;
            }
            len = up - 1;
        }
        buf_append(&root, dir, len);
        free(dir);
    }
    if (root.len == 0 || root.data[root.len - 1] != '/')
        buf_putc(&root, '/');
    char *result = xstrdup(root.data);
    buf_free(&root);
    return result;
}

/* A finding's artifactLocation: relative to SRCROOT when the file is below
 * it, else an absolute file: URI. */
static void sarif_artifact(struct renderer *r, struct buf *b, const char *name)
{
    char *abs = config_absolute_path(r->cwd, name);
    size_t rootlen = strlen(r->root);
    buf_puts(b, "{\"uri\":\"");
    if (strncmp(abs, r->root, rootlen) == 0 && abs[rootlen]) {
        uri_path(b, abs + rootlen, false);
        buf_puts(b, "\",\"uriBaseId\":\"SRCROOT\"}");
    } else {
        buf_puts(b, abs[0] == '/' ? "file://" : "file:///");
        uri_path(b, abs, true);
        buf_puts(b, "\"}");
    }
    free(abs);
}

/* The tags and, for the security rules, the security-severity code scanning
 * ranks alerts by (9.0 and up critical, 7.0 high, 4.0 medium, below low). */
static void sarif_rule_properties(struct buf *b, const char *id, enum severity sev)
{
    bool security = strncmp(id, "RL4", 3) == 0 || strncmp(id, "RL6", 3) == 0;
    const char *group = strncmp(id, "PF", 2) == 0    ? "profile"
                        : strncmp(id, "RL0", 3) == 0 ? "suppression"
                        : strncmp(id, "RL1", 3) == 0 ? "syntax"
                        : strncmp(id, "RL2", 3) == 0 ? "correctness"
                        : strncmp(id, "RL3", 3) == 0 ? "correctness"
                        : strncmp(id, "RL4", 3) == 0 ? "tls"
                        : strncmp(id, "RL5", 3) == 0 ? "style"
                                                     : "compliance";
    buf_puts(b, ",\"properties\":{\"tags\":[");
    if (security)
        buf_puts(b, "\"security\",");
    buf_printf(b, "\"%s\"]", group);
    if (security) {
        const char *score = sev == SEV_ERROR ? "8.0" : sev == SEV_WARNING ? "5.5" : sev == SEV_INFO ? "3.0" : "1.0";
        buf_printf(b, ",\"security-severity\":\"%s\"", score);
    }
    buf_putc(b, '}');
}

static void sarif_rule(struct buf *b, struct buf *text, const char *id, const char *name, const char *summary,
                       enum severity sev, bool enabled, const char *page, const char *page_path)
{
    buf_puts(b, "\n{\"id\":");
    json_string(b, id);
    buf_puts(b, ",\"name\":");
    json_string(b, name);
    buf_puts(b, ",\"shortDescription\":{\"text\":");
    json_string(b, summary);
    buf_puts(b, "},\"fullDescription\":{\"text\":");
    json_string(b, summary);
    buf_printf(b, "},\"defaultConfiguration\":{\"level\":\"%s\",\"enabled\":%s}", sarif_level(sev),
               enabled ? "true" : "false");
#ifdef REGLINT_HOMEPAGE
    buf_puts(b, ",\"helpUri\":");
    buf_clear(text);
    buf_printf(text, "%s/blob/v%s/%s", REGLINT_HOMEPAGE, REGLINT_VERSION, page_path);
    json_string(b, text->data);
#endif
    buf_puts(b, ",\"help\":{\"text\":");
    buf_clear(text);
    buf_printf(text, "%s. Run 'reglint rule %s' for the rule's page (%s).", summary, id, page_path);
    json_string(b, text->data);
    buf_puts(b, ",\"markdown\":");
    buf_clear(text);
#ifdef REGLINT_HOMEPAGE
    buf_printf(text, "%s\n\nThe rule's page: [%s](%s/blob/v%s/%s), or `reglint rule %s`.", page ? page : summary,
               page_path, REGLINT_HOMEPAGE, REGLINT_VERSION, page_path, id);
#else
    buf_printf(text, "%s\n\nThe rule's page: %s in reglint's sources, or `reglint rule %s`.", page ? page : summary,
               page_path, id);
#endif
    json_string(b, text->data);
    buf_putc(b, '}');
    sarif_rule_properties(b, id, sev);
    buf_putc(b, '}');
}

static void sarif_begin(struct renderer *r)
{
    r->cwd = platform_cwd();
    if (!r->cwd)
        r->cwd = xstrdup(".");
    r->root = source_root(r->cwd);
    struct buf b = BUF_INIT, text = BUF_INIT;
    buf_puts(&b, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
                 "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"reglint\",\"version\":\"" REGLINT_VERSION
                 "\",\"semanticVersion\":\"" REGLINT_VERSION
#ifdef REGLINT_HOMEPAGE
                 "\",\"informationUri\":\"" REGLINT_HOMEPAGE
#endif
                 "\",\"rules\":[");
    char page_path[32];
    for (int i = 0; i < RULE_COUNT; i++) {
        const struct rule_info *info = rule_info((enum rule_id)i);
        if (i)
            buf_putc(&b, ',');
        snprintf(page_path, sizeof page_path, "docs/rules/%s.md", info->id);
        sarif_rule(&b, &text, info->id, info->name, info->summary, info->severity, info->on_by_default,
                   rule_page((enum rule_id)i), page_path);
    }
    for (size_t i = 0; i < profile_code_count(); i++) {
        buf_putc(&b, ',');
        sarif_rule(&b, &text, profile_code_id(i), profile_code_title(i), profile_code_title(i), SEV_ERROR, true,
                   NULL, "docs/profile.md#error-codes");
    }
    /* SRCROOT's own location is left out: it would make the report differ
     * from checkout to checkout, and code scanning takes the paths as
     * relative to the repository it uploads for. */
    buf_puts(&b, "\n]}},\"originalUriBaseIds\":{\"SRCROOT\":{\"description\":{\"text\":"
                 "\"the root of the repository (or of the checkout, GITHUB_WORKSPACE)\"}}},"
                 "\"columnKind\":\"unicodeCodePoints\",\"results\":[");
    fwrite(b.data, 1, b.len, r->out);
    buf_free(&b);
    buf_free(&text);
}

/* The rule's index in rules[]: the RL rules, then the PF codes. */
static int sarif_rule_index(const struct diag *d)
{
    if (d->rule != RULE_COUNT)
        return (int)d->rule;
    for (size_t i = 0; i < profile_code_count(); i++)
        if (strcmp(profile_code_id(i), d->code) == 0)
            return RULE_COUNT + (int)i;
    return -1;
}

static void sarif_region(struct buf *b, struct position p)
{
    buf_printf(b, "{\"startLine\":%u,\"startColumn\":%u,\"endLine\":%u,\"endColumn\":%u}", p.line, p.col,
               p.end_line, p.end_col);
}

static void sarif_fix(struct renderer *r, struct buf *b, struct source *src, const struct fix *fix)
{
    buf_puts(b, ",\"fixes\":[{\"description\":{\"text\":");
    json_string(b, fix->message);
    buf_puts(b, "},\"artifactChanges\":[{\"artifactLocation\":");
    sarif_artifact(r, b, src->name);
    buf_puts(b, ",\"replacements\":[");
    for (size_t i = 0; i < fix->nedits; i++) {
        const struct fix_edit *e = &fix->edits[i];
        struct position ep;
        source_position(src, e->at.start, &ep.line, &ep.col);
        source_position(src, e->at.end, &ep.end_line, &ep.end_col);
        buf_puts(b, i ? ",{\"deletedRegion\":" : "{\"deletedRegion\":");
        sarif_region(b, ep);
        buf_puts(b, ",\"insertedContent\":{\"text\":");
        json_string(b, e->text);
        buf_puts(b, "}}");
    }
    buf_puts(b, "]}]");
    buf_printf(b, ",\"properties\":{\"applicability\":\"%s\"}}]",
               fix->applicability == FIX_SAFE ? "safe" : "unsafe");
}

/* `occurrence` tells apart findings of one file with the same hash. */
static void sarif_result(struct renderer *r, struct buf *b, struct source *src, const struct diag *d,
                         uint64_t hash, size_t occurrence, bool suppressed)
{
    struct position p = position_of(src, d->at);
    buf_puts(b, "{\"ruleId\":");
    json_string(b, d->code);
    int index = sarif_rule_index(d);
    if (index >= 0)
        buf_printf(b, ",\"ruleIndex\":%d", index);
    buf_printf(b, ",\"level\":\"%s\",\"message\":{\"text\":", sarif_level(d->severity));
    json_string(b, d->message);
    buf_puts(b, "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":");
    /* A finding in a policy file points into that file: a record of a .pol
     * by its bytes, a line of another format by its line. */
    const struct source_origin *o = source_origin_at(src, d->at.start);
    sarif_artifact(r, b, finding_file(o, src));
    if (o && o->where) {
        /* A registry hive has no lines: the key and value, by name. */
        buf_puts(b, "},\"logicalLocations\":[{\"fullyQualifiedName\":");
        json_string(b, o->where);
        buf_puts(b, "}]");
    } else {
        buf_puts(b, ",\"region\":");
        if (o && o->record)
            buf_printf(b, "{\"byteOffset\":%u,\"byteLength\":%u}", (unsigned)o->offset,
                       (unsigned)o->length);
        else if (o)
            buf_printf(b, "{\"startLine\":%u}", p.line);
        else
            sarif_region(b, p);
        buf_putc(b, '}');
    }
    buf_printf(b, "}],\"partialFingerprints\":{\"reglintFindingHash/v1\":\"%016llx:%zu\"}",
               (unsigned long long)hash, occurrence);
    if (d->fix)
        sarif_fix(r, b, src, d->fix);
    if (suppressed) {
        buf_puts(b, ",\"suppressions\":[{\"kind\":\"inSource\",\"status\":\"accepted\"");
        if (d->justification && *d->justification) {
            buf_puts(b, ",\"justification\":");
            json_string(b, d->justification);
        }
        buf_puts(b, "}]");
    }
    buf_putc(b, '}');
}

/* A finding's hash and its place among the file's findings. */
struct hashed {
    uint64_t hash;
    size_t index;
};

static int compare_hashed(const void *pa, const void *pb)
{
    const struct hashed *a = pa, *b = pb;
    if (a->hash != b->hash)
        return a->hash < b->hash ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Every finding of one file, reported ones then suppressed ones, each with
 * its fingerprint: its hash and how many findings before it have the same
 * (found by sorting, not by comparing each with every earlier one). */
static void sarif_file(struct renderer *r, struct buf *b, const struct diag_list *diags, enum severity min)
{
    size_t total = diags->n + diags->nsuppressed;
    struct hashed *order = xmalloc((total ? total : 1) * sizeof *order);
    size_t *occurrence = xmalloc((total ? total : 1) * sizeof *occurrence);
    size_t nshown = 0;
    for (size_t k = 0; k < total; k++) {
        const struct diag *d = k >= diags->n ? diags->suppressed[k - diags->n] : diags->items[k];
        if (d->severity >= min)
            order[nshown++] = (struct hashed){diag_fingerprint(d), k};
    }
    qsort(order, nshown, sizeof *order, compare_hashed);
    for (size_t i = 0; i < nshown; i++)
        occurrence[order[i].index] = i > 0 && order[i - 1].hash == order[i].hash ? occurrence[order[i - 1].index] + 1 : 0;
    for (size_t k = 0; k < total; k++) {
        bool suppressed = k >= diags->n;
        const struct diag *d = suppressed ? diags->suppressed[k - diags->n] : diags->items[k];
        if (d->severity < min)
            continue;
        buf_puts(b, r->results++ ? ",\n" : "\n");
        sarif_result(r, b, d->src, d, diag_fingerprint(d), occurrence[k], suppressed);
        if (b->len > 65536) {
            fwrite(b->data, 1, b->len, r->out);
            buf_clear(b);
        }
    }
    free(occurrence);
    free(order);
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
    const struct source_origin *o = source_origin_at(src, d->at.start);
    const char *level = d->severity == SEV_ERROR ? "error" : d->severity == SEV_WARNING ? "warning" : "notice";
    buf_printf(b, "::%s file=", level);
    github_escape(b, finding_file(o, src), true);
    /* A Registry.pol or a registry hive has no lines: the annotation is the
     * file's, and the message says the record, or the key and value. */
    bool binary = o && (o->where || o->record);
    if (!binary)
        buf_printf(b, ",line=%u,col=%u,endLine=%u,endColumn=%u", p.line, p.col, p.end_line, p.end_col);
    buf_puts(b, ",title=");
    struct buf title = BUF_INIT;
    buf_puts(&title, d->code);
    if (d->rule != RULE_COUNT)
        buf_printf(&title, " %s", rule_info(d->rule)->name);
    github_escape(b, title.data, true);
    buf_free(&title);
    buf_puts(b, "::");
    if (o && o->where) {
        github_escape(b, o->where, false);
        buf_puts(b, ": ");
    } else if (binary && o->number) {
        buf_printf(b, "record %u (offset 0x%X): ", (unsigned)o->number, (unsigned)o->offset);
    } else if (binary) {
        buf_printf(b, "header (offset 0x%X): ", (unsigned)o->offset);
    }
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
    if (r->format == FORMAT_SARIF)
        sarif_file(r, &b, diags, min);
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

void render_set_exit(struct renderer *r, int exit_code)
{
    r->exit_code = exit_code;
}

void render_set_quiet(struct renderer *r)
{
    r->quiet = true;
}

void render_end(struct renderer *r)
{
    if (r->format == FORMAT_JSON) {
        fprintf(r->out,
                "\n],\"summary\":{\"errors\":%zu,\"warnings\":%zu,\"infos\":%zu,\"styles\":%zu,\"files\":%zu}}\n",
                r->count[SEV_ERROR], r->count[SEV_WARNING], r->count[SEV_INFO], r->count[SEV_STYLE],
                r->files);
    } else if (r->format == FORMAT_SARIF) {
        fprintf(r->out,
                "\n],\"invocations\":[{\"executionSuccessful\":%s,\"exitCode\":%d,"
                "\"exitCodeDescription\":\"%s\"}]}]}\n",
                r->exit_code == EXIT_IO || r->exit_code == EXIT_USAGE ? "false" : "true", r->exit_code,
                r->exit_code == EXIT_OK         ? "no finding at or above --fail-on"
                : r->exit_code == EXIT_FINDINGS ? "findings at or above --fail-on"
                : r->exit_code == EXIT_USAGE    ? "usage error"
                                                : "a file could not be read or written");
        free(r->root);
        free(r->cwd);
    } else if (r->format == FORMAT_TEXT && !r->quiet) {
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
