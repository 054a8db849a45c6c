/* Policy formats: detection, the root, the rendering as .reg text and the
 * document. See policy.h. */
#include "policy.h"

#include <stdlib.h>
#include <string.h>

#include "hive.h"
#include "profile.h"
#include "text.h"
#include "writer.h"
#include "xalloc.h"

static enum policy_root_choice root_choice = POLICY_ROOT_DEFAULT;

void policy_set_root(enum policy_root_choice choice)
{
    root_choice = choice;
}

enum policy_root_choice policy_root(void)
{
    return root_choice;
}

static bool ascii_nocase_equal(const char *a, size_t n, const char *word)
{
    if (n != strlen(word))
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != word[i])
            return false;
    }
    return true;
}

enum reg_root policy_root_for_path(const char *path, bool *from_path)
{
    /* The nearest folder named Machine or User decides. */
    size_t end = strlen(path);
    while (end > 0) {
        size_t start = end;
        while (start > 0 && path[start - 1] != '/' && path[start - 1] != '\\')
            start--;
        if (start < end && start > 0) {
            /* Folders only: skip the file's own name. */
            if (end != strlen(path)) {
                if (ascii_nocase_equal(path + start, end - start, "machine")) {
                    *from_path = true;
                    return REG_ROOT_HKLM;
                }
                if (ascii_nocase_equal(path + start, end - start, "user")) {
                    *from_path = true;
                    return REG_ROOT_HKCU;
                }
            }
        }
        end = start > 0 ? start - 1 : 0;
    }
    *from_path = false;
    return root_choice == POLICY_ROOT_USER ? REG_ROOT_HKCU : REG_ROOT_HKLM;
}

const char *policy_format_name(enum policy_format f)
{
    switch (f) {
    case POLICY_FORMAT_REG:
        return ".reg";
    case POLICY_FORMAT_POL:
        return "Registry.pol";
    case POLICY_FORMAT_LGPO:
        return "LGPO text";
    case POLICY_FORMAT_INF:
        return "GptTmpl.inf";
    case POLICY_FORMAT_GPP:
        return "Registry.xml";
    case POLICY_FORMAT_HIVE:
        return "registry hive";
    }
    return "?";
}

/* ------------------------------------------------------------ detection */

/* The line at s[*i] (without its ending, blanks trimmed); *i moves past it. */
static struct reg_name next_line(const char *s, size_t n, size_t *i)
{
    size_t a = *i, e = a;
    while (e < n && s[e] != '\r' && s[e] != '\n')
        e++;
    *i = e;
    if (*i < n && s[*i] == '\r')
        (*i)++;
    if (*i < n && s[*i] == '\n')
        (*i)++;
    while (a < e && (s[a] == ' ' || s[a] == '\t'))
        a++;
    while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    return (struct reg_name){s + a, (uint32_t)(e - a)};
}

static bool starts_nocase(struct reg_name l, const char *word)
{
    size_t k = strlen(word);
    return l.len >= k && ascii_nocase_equal(l.s, k, word);
}

/* A byte order mark decoded as Windows-1252 or as UTF-16. */
static size_t bom_length(const struct source *src)
{
    const char *s = src->d.text;
    if (src->d.has_utf8_bom && src->d.len >= 6)
        return 6; /* "ï»¿" in UTF-8 */
    if (src->d.len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        return 3;
    return 0;
}

static bool text_contains_nocase(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    for (size_t i = 0; i + k <= n; i++)
        if (ascii_nocase_equal(s + i, k, word))
            return true;
    return false;
}

/* How much of a text file detection looks at. */
#define DETECT_WINDOW 4096

enum policy_format policy_detect(const struct source *src, const char **looks_like)
{
    const char *dummy;
    if (!looks_like)
        looks_like = &dummy;
    *looks_like = NULL;
    if (src->raw && src->raw_size >= 4 && memcmp(src->raw, "regf", 4) == 0)
        return POLICY_FORMAT_HIVE;
    if (src->raw)
        return POLICY_FORMAT_POL;
    const char *s = src->d.text;
    size_t n = src->d.len, i = bom_length(src);
    size_t window = n < DETECT_WINDOW ? n : DETECT_WINDOW;
    /* A PReg file whose bytes were re-encoded as UTF-8: "PReg" read as
     * UTF-16LE is U+5250 U+6765, whose UTF-8 bytes Windows-1252 decoded. */
    if (n >= 12 && memcmp(s, "\xC3\xA5\xE2\x80\xB0\xC2\x90\xC3\xA6\xC2\x9D\xC2\xA5", 12) == 0) {
        *looks_like = "a Registry.pol whose bytes were re-encoded as UTF-8 text (its \"PReg\" "
                      "signature became two CJK characters): Group Policy cannot read it";
        return POLICY_FORMAT_REG;
    }
    /* LGPO /parse of an empty Registry.pol writes only its banner comments. */
    bool lgpo_banner = false;
    while (i < n) {
        struct reg_name l = next_line(s, n, &i);
        if (l.len == 0)
            continue;
        if (starts_nocase(l, "regedit") || starts_nocase(l, "windows registry editor"))
            return POLICY_FORMAT_REG;
        if (l.s[0] == '<') {
            if (text_contains_nocase(s, window, "<registrysettings"))
                return POLICY_FORMAT_GPP;
            *looks_like = "an XML document, but not Group Policy Preferences registry settings "
                          "(no <RegistrySettings> element)";
            return POLICY_FORMAT_REG;
        }
        if (l.s[0] == '[') {
            if (text_contains_nocase(s, n, "[registry values]") ||
                (text_contains_nocase(s, window, "[unicode]") &&
                 text_contains_nocase(s, window, "signature")))
                return POLICY_FORMAT_INF;
            return POLICY_FORMAT_REG;
        }
        if (l.s[0] == ';') {
            lgpo_banner = lgpo_banner || starts_nocase(l, "; parsing ");
            continue;
        }
        if (ascii_nocase_equal(l.s, l.len, "computer") || ascii_nocase_equal(l.s, l.len, "user") ||
            starts_nocase(l, "user:"))
            return POLICY_FORMAT_LGPO;
        return POLICY_FORMAT_REG;
    }
    return lgpo_banner ? POLICY_FORMAT_LGPO : POLICY_FORMAT_REG;
}

/* ------------------------------------------------------------ operations */

struct policy_op *policy_ops_add(struct policy_ops *list)
{
    list->ops = xgrow(list->ops, &list->cap, list->n + 1, sizeof *list->ops);
    struct policy_op *op = &list->ops[list->n++];
    memset(op, 0, sizeof *op);
    return op;
}

void policy_ops_free(struct policy_ops *list)
{
    free(list->ops);
    memset(list, 0, sizeof *list);
}

/* ------------------------------------------------------------ rendering */

/* What the operations rendered so far did to one value or key: the
 * operation numbers plus one (0: never) of its last setting and deletion
 * (for a key: of its last deletion of every value), and for a key the
 * values set under it, each once, in the order first set. */
struct seen {
    const struct policy_op *op;        /* the first to name it */
    bool of_value;                     /* a value, else a key */
    const struct policy_op *first_set; /* a value: the first to set it, as it spells the name */
    size_t last_set, last_deleted;
    bool listed;                       /* a value: in its key's list */
    size_t next_in_key;                /* a value: the next listed value plus one; 0: none */
    size_t first_value, last_value;    /* a key: its listed values plus one; 0: none */
};

struct render_ctx {
    struct reg_writer w;
    const struct policy_ops *ops;
    const struct policy_op *open; /* the operation whose key is open, or NULL */
    struct buf path;
    /* **soft. and **delvals. ask what was set before them: kept, once the
     * first of them comes, for the operations rendered so far and then as
     * each is rendered, so that a file of many costs time in proportion to
     * its records, not their square, and a file of none nothing. */
    struct arena *arena;
    bool tracking;
    size_t noted; /* ops[0..noted) are in `seen` */
    struct seen *seen;
    size_t nseen, seen_cap;
    struct policy_index seen_by_name;
};

static bool same_key(const struct policy_op *a, const struct policy_op *b)
{
    return a->root == b->root && text_names_equal(a->key, a->key_len, b->key, b->key_len);
}

/* Whether `a` and `b` name their key with the same bytes; the records of
 * one key in a Registry.pol share its string. */
static bool same_key_bytes(const struct policy_op *a, const struct policy_op *b)
{
    return a->root == b->root && a->key_len == b->key_len &&
           (a->key == b->key || memcmp(a->key, b->key, a->key_len) == 0);
}

static void open_key(struct render_ctx *r, const struct policy_op *op, bool always)
{
    if (!always && r->open && same_key_bytes(r->open, op))
        return;
    buf_clear(&r->path);
    buf_puts(&r->path, reg_root_name(op->root));
    buf_putc(&r->path, '\\');
    buf_append(&r->path, op->key, op->key_len);
    writer_blank(&r->w);
    writer_key(&r->w, r->path.data, r->path.len, false);
    r->open = op;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Whether REG_SZ data reads back exactly from a quoted string: UTF-16 text
 * with one NUL at its end and no control characters. */
static bool plain_string(const struct policy_op *op, struct buf *text)
{
    if (op->size < 2 || op->size % 2 || op->data[op->size - 1] || op->data[op->size - 2])
        return false;
    for (uint32_t i = 0; i + 2 < op->size; i += 2)
        if (op->data[i + 1] == 0 && op->data[i] < 0x20)
            return false;
    buf_clear(text);
    text_from_utf16le(op->data, op->size - 2, text);
    return true;
}

static void write_value(struct render_ctx *r, const struct policy_op *op, struct buf *scratch)
{
    if (op->type == REG_TYPE_DWORD && op->size == 4)
        writer_dword(&r->w, op->name, op->name_len, le32(op->data));
    else if (op->type == REG_TYPE_SZ && plain_string(op, scratch))
        writer_string(&r->w, op->name, op->name_len, scratch->data ? scratch->data : "",
                      scratch->len);
    else
        writer_value(&r->w, op->name, op->name_len, REG_FORM_HEX, op->type, op->data, op->size);
}

static bool same_value(const struct policy_op *a, const struct policy_op *b)
{
    return same_key(a, b) && text_names_equal(a->name, a->name_len, b->name, b->name_len);
}

/* The record of the value `op` names, or of its key (made when `add`), or
 * NULL. */
static struct seen *seen(struct render_ctx *r, const struct policy_op *op, bool of_value, bool add)
{
    uint32_t hash = text_name_hash((uint32_t)op->root, op->key, op->key_len);
    if (of_value)
        hash = text_name_hash(hash, op->name, op->name_len);
    size_t cursor = 0, i;
    while (policy_index_next(&r->seen_by_name, hash, &cursor, &i))
        if (r->seen[i].of_value == of_value &&
            (of_value ? same_value(r->seen[i].op, op) : same_key(r->seen[i].op, op)))
            return &r->seen[i];
    if (!add)
        return NULL;
    r->seen = arena_grow_array(r->arena, r->seen, r->nseen, &r->seen_cap, sizeof *r->seen);
    policy_index_add(r->arena, &r->seen_by_name, hash, r->nseen);
    r->seen[r->nseen].op = op;
    r->seen[r->nseen].of_value = of_value;
    return &r->seen[r->nseen++];
}

/* Notes what operation k does, after it is rendered. */
static void note_op(struct render_ctx *r, size_t k)
{
    const struct policy_op *op = &r->ops->ops[k];
    if (op->kind == POLICY_DELETE_VALUES) {
        seen(r, op, false, true)->last_deleted = k + 1;
        return;
    }
    bool set = op->kind == POLICY_SET || op->kind == POLICY_SET_IF_ABSENT;
    if (!set && op->kind != POLICY_DELETE_VALUE)
        return;
    struct seen *v = seen(r, op, true, true);
    if (!set) {
        v->last_deleted = k + 1;
        return;
    }
    v->last_set = k + 1;
    if (!v->listed) {
        v->listed = true;
        v->first_set = op;
        /* Finding the key may move the records: by number from here on. */
        size_t index_plus_1 = (size_t)(v - r->seen) + 1;
        struct seen *key = seen(r, op, false, true);
        if (key->last_value)
            r->seen[key->last_value - 1].next_in_key = index_plus_1;
        else
            key->first_value = index_plus_1;
        key->last_value = index_plus_1;
    }
}

/* Whether the value of `op` is set when it comes: set before and neither
 * deleted nor taken by a deletion of every value of its key since. */
static bool set_before(struct render_ctx *r, const struct policy_op *op)
{
    const struct seen *v = seen(r, op, true, false);
    if (!v || v->last_set == 0)
        return false;
    const struct seen *key = seen(r, op, false, false);
    size_t cleared = key ? key->last_deleted : 0;
    return v->last_set > v->last_deleted && v->last_set > cleared;
}

/* "Delete every value": one deletion per value set before it under the key,
 * each name once. */
static void write_delete_values(struct render_ctx *r, const struct policy_op *op)
{
    size_t written = 0;
    const struct seen *key = seen(r, op, false, false);
    for (size_t i = key ? key->first_value : 0; i; i = r->seen[i - 1].next_in_key) {
        const struct policy_op *o = r->seen[i - 1].first_set;
        writer_value_delete(&r->w, o->name, o->name_len);
        written++;
    }
    if (written == 0)
        writer_line(&r->w, "; every value of the key deleted (none set before)",
                    strlen("; every value of the key deleted (none set before)"));
}

static void add_origin(struct source *src, const struct policy_op *op, uint32_t text_start,
                       bool record, const char *file)
{
    src->origins = xgrow(src->origins, &src->origins_cap, src->norigins + 1, sizeof *src->origins);
    /* Without an operation: the file's header (8 bytes for a PReg file). */
    uint32_t header = record ? (uint32_t)(src->raw_size < 8 ? src->raw_size : 8) : 0;
    src->origins[src->norigins++] = (struct source_origin){
        text_start, op ? op->number : 0, op ? op->offset : 0, op ? op->length : header, record, file,
        op ? op->where : NULL, false};
}

/* Renders ops[first..n) after what the writer holds. */
static void render_ops(struct render_ctx *r, size_t first, struct source *src, bool record,
                       const char *file)
{
    struct buf scratch = BUF_INIT;
    for (size_t k = first; k < r->ops->n; k++) {
        const struct policy_op *op = &r->ops->ops[k];
        add_origin(src, op, (uint32_t)r->w.text.len, record, file);
        if (op->kind == POLICY_SET_IF_ABSENT || op->kind == POLICY_DELETE_VALUES)
            r->tracking = true;
        for (; r->tracking && r->noted < k; r->noted++)
            note_op(r, r->noted);
        switch (op->kind) {
        case POLICY_SET_IF_ABSENT:
            open_key(r, op, false);
            if (set_before(r, op)) {
                buf_clear(&scratch);
                buf_puts(&scratch, "; \"");
                buf_append(&scratch, op->name, op->name_len);
                buf_puts(&scratch, "\" is written only where it does not exist: already set above");
                writer_line(&r->w, scratch.data, scratch.len);
            } else {
                write_value(r, op, &scratch);
            }
            break;
        case POLICY_SET:
            open_key(r, op, false);
            write_value(r, op, &scratch);
            break;
        case POLICY_DELETE_VALUE:
            open_key(r, op, false);
            writer_value_delete(&r->w, op->name, op->name_len);
            break;
        case POLICY_DELETE_VALUES:
            open_key(r, op, false);
            write_delete_values(r, op);
            break;
        case POLICY_CREATE_KEY:
            open_key(r, op, true);
            break;
        case POLICY_DELETE_KEY:
            buf_clear(&r->path);
            buf_puts(&r->path, reg_root_name(op->root));
            buf_putc(&r->path, '\\');
            buf_append(&r->path, op->key, op->key_len);
            writer_blank(&r->w);
            writer_key(&r->w, r->path.data, r->path.len, true);
            r->open = NULL;
            break;
        case POLICY_NOTE:
            if (op->key_len)
                open_key(r, op, false);
            buf_clear(&scratch);
            buf_puts(&scratch, "; ");
            buf_append(&scratch, op->name, op->name_len);
            writer_line(&r->w, scratch.data, scratch.len);
            break;
        }
        if (r->tracking)
            note_op(r, r->noted++);
    }
    buf_free(&scratch);
}

/* ------------------------------------------------------------- documents */

/* Moves the findings diags->items[first..last) onto the rendering of their
 * origin among src->origins[ofirst..olast). */
static void place_findings(struct reg_doc *doc, size_t first, size_t last, size_t ofirst,
                           size_t olast)
{
    struct source *src = doc->src;
    for (size_t i = first; i < last; i++) {
        struct diag *d = doc->diags.items[i];
        uint32_t number = d->at.start;
        /* The first origin with this number (numbers do not decrease). */
        size_t lo = ofirst, hi = olast;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (src->origins[mid].number < number)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo == olast)
            lo = olast - 1;
        /* The operation's first line that is not blank, or the line after its
         * key line when it has one: the value or deletion it is about. */
        const char *t = src->d.text;
        uint32_t start = src->origins[lo].text_start;
        uint32_t limit = lo + 1 < src->norigins ? src->origins[lo + 1].text_start : (uint32_t)src->d.len;
        while (start < limit && t[start] == '\n')
            start++;
        uint32_t end = start;
        while (end < src->d.len && t[end] != '\n')
            end++;
        if (t[start] == '[' && t[start + 1] != '-' && end + 1 < limit) {
            start = end + 1;
            for (end = start; end < src->d.len && t[end] != '\n';)
                end++;
        }
        d->at = (struct span){start, end};
    }
}

/* The text of a text format as UTF-8: a file Windows-1252 decoded that holds
 * UTF-8 (with or without its byte order mark) is read again as UTF-8, each
 * byte that is not part of a UTF-8 character becoming U+FFFD, so that the
 * rendering, and every output made from it, is UTF-8. */
static char *utf8_text(const struct source *src, size_t *len)
{
    const char *s = src->d.text;
    size_t n = src->d.len;
    struct buf b = BUF_INIT;
    if (src->d.encoding == TEXT_ANSI && (src->d.looks_utf8 || src->d.has_utf8_bom)) {
        struct buf bytes = BUF_INIT;
        for (size_t i = 0; i < n;) {
            uint32_t cp = text_next_cp(s, n, &i);
            int byte = text_cp1252_encode(cp);
            buf_putc(&bytes, (char)(byte < 0 ? '?' : byte));
        }
        size_t i = bytes.len >= 3 && memcmp(bytes.data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        while (i < bytes.len)
            text_put_utf8(&b, text_next_cp(bytes.data, bytes.len, &i));
        buf_free(&bytes);
    } else {
        buf_append(&b, s, n);
    }
    buf_putc(&b, '\0');
    buf_putc(&b, '\0');
    *len = b.len - 2;
    return buf_steal(&b);
}

/* Where one file's part of a document is: its findings from `first_diag`,
 * its origins from `first_origin`, up to the next part's. */
struct part_marks {
    size_t first_diag, first_origin;
};

/* Reads hive file `path` into `ops`, its description onto doc->src. */
static bool read_hive(struct reg_doc *doc, const char *path, struct policy_ops *ops,
                      struct buf *error)
{
    struct hive_info *info = arena_alloc(doc->arena, sizeof *info);
    if (!hive_read(path, doc->arena, ops, info, error))
        return false;
    doc->src->hive = info;
    return true;
}

/* How many PReg records are held at once. */
#define POL_BATCH 4096

/* Reads `part` (whose format is `format`) into operations appended to `ops`,
 * with its findings on `doc`'s source. The part's own source may be the
 * document's. */
static void read_part(struct reg_doc *doc, struct source *part, enum policy_format format,
                      const char *path, struct policy_ops *ops)
{
    size_t first = doc->diags.n;
    bool from_path = false;
    enum reg_root root = policy_root_for_path(path ? path : part->name, &from_path);
    if (format == POLICY_FORMAT_POL) {
        /* A batch of records at a time: their operations are what is kept. */
        struct pol_file pol = {0};
        while (pol_parse_next(part->raw, part->raw_size, doc->arena, &pol, POL_BATCH)) {
            if (pol.first == 0 && !from_path && policy_root() == POLICY_ROOT_DEFAULT)
                diag_add(&doc->diags, RULE_POLICY_ROOT_ASSUMED, doc->src, policy_origin_span(0),
                         "a Registry.pol names no root: read under HKEY_LOCAL_MACHINE");
            pol_to_ops(&pol, root, doc->arena, doc->src, &doc->diags, ops);
        }
        if (pol.error) {
            struct diag *d = diag_add(&doc->diags, RULE_INVALID_POLICY_FILE, doc->src,
                                      policy_origin_span(pol.error_record), "%s%s", pol.error,
                                      pol.first ? "; the records after it are not read" : "");
            if (part->raw_size >= 8 && memcmp(part->raw + 5, "   ", 3) == 0)
                diag_help(&doc->diags, d,
                          "the header's NUL bytes are spaces: the file was damaged by a text conversion");
            struct policy_op *op = policy_ops_add(ops);
            op->kind = POLICY_NOTE;
            op->name = arena_printf(doc->arena, "reading stops at offset 0x%X: %s",
                                    (unsigned)pol.error_offset, pol.error);
            op->name_len = (uint32_t)strlen(op->name);
            op->number = pol.error_record;
            op->offset = pol.error_offset;
        }
        pol_file_free(&pol);
        return;
    }
    if (format == POLICY_FORMAT_HIVE) {
        struct buf error = BUF_INIT;
        if (!read_hive(doc, path ? path : part->name, ops, &error))
            diag_add(&doc->diags, RULE_INVALID_POLICY_FILE, doc->src, policy_origin_span(0), "%s",
                     error.data);
        buf_free(&error);
        return;
    }
    size_t len;
    char *text = utf8_text(part, &len);
    struct source view = *part;
    view.d.text = text;
    view.d.len = len;
    if (format == POLICY_FORMAT_LGPO)
        lgpo_to_ops(&view, root, doc->arena, &doc->diags, ops);
    else if (format == POLICY_FORMAT_INF)
        inf_to_ops(&view, doc->arena, &doc->diags, ops);
    else
        gpp_to_ops(&view, doc->arena, &doc->diags, ops);
    /* The readers copied what they keep into the arena. */
    free(text);
    for (size_t i = first; i < doc->diags.n; i++)
        doc->diags.items[i]->src = doc->src;
}

static void begin_doc(struct reg_doc *doc, struct source *src, const char *format)
{
    memset(doc, 0, sizeof *doc);
    doc->src = src;
    doc->arena = arena_new();
    diag_list_init(&doc->diags, doc->arena);
    src->format = format;
}

/* Sets the rendering as the document's text, moves each part's findings
 * onto it and, when `read`, reads it. */
static void finish_doc(struct reg_doc *doc, struct render_ctx *r, const struct part_marks *marks,
                       size_t nparts, bool read)
{
    struct source *src = doc->src;
    struct buf *text = &r->w.text;
    buf_putc(text, '\0');
    buf_putc(text, '\0');
    size_t n = text->len - 2;
    source_set_rendering(src, buf_steal(text), n);
    for (size_t k = 0; k < nparts; k++) {
        size_t diag_end = k + 1 < nparts ? marks[k + 1].first_diag : doc->diags.n;
        size_t origin_end = k + 1 < nparts ? marks[k + 1].first_origin : src->norigins;
        place_findings(doc, marks[k].first_diag, diag_end, marks[k].first_origin, origin_end);
    }
    buf_free(&r->path);
    writer_release(&r->w);
    if (read)
        doc->file = reg_read(src, doc->arena, &doc->diags);
}

static void start_render(struct render_ctx *r, struct source *src, bool record, const char *file)
{
    writer_init(&r->w, TEXT_UTF16LE);
    /* A rendering takes about half to two thirds of a PReg file's bytes (a
     * hive's size says nothing of the few keys read from it). */
    if (record)
        buf_reserve(&r->w.text, src->raw_size - src->raw_size / 4 + 64);
    add_origin(src, NULL, 0, record, file);
    writer_header(&r->w, REG_VERSION_5);
}

/* Renders `ops` as the document's text and, when `read`, reads it. */
static void render_ops_doc(struct reg_doc *doc, struct source *src, enum policy_format format,
                           struct policy_ops *ops, bool read)
{
    struct render_ctx r = {.ops = ops, .arena = doc->arena};
    bool record = format == POLICY_FORMAT_POL;
    start_render(&r, src, record, NULL);
    render_ops(&r, 0, src, record, NULL);
    struct part_marks marks = {0, 0};
    finish_doc(doc, &r, &marks, 1, read);
}

static void render_doc(struct reg_doc *doc, struct source *src, enum policy_format format,
                       const char *path, bool read)
{
    begin_doc(doc, src, policy_format_name(format));
    struct policy_ops ops = {0};
    read_part(doc, src, format, path, &ops);
    render_ops_doc(doc, src, format, &ops, read);
    policy_ops_free(&ops);
}

static char *const *image_paths;
static size_t image_count;

void policy_set_image(char *const *paths, size_t n)
{
    image_paths = paths;
    image_count = n;
}

/* Appends the other hives of the image (policy_set_image()) to the
 * rendering, each after a comment naming it, their origins marked as
 * context. One that cannot be read is left out: its own document says why. */
static const char *mount_text(struct arena *arena, const struct hive_info *info)
{
    struct buf words = BUF_INIT;
    hive_mount_words(info, &words);
    const char *s = arena_strdup(arena, words.data);
    buf_free(&words);
    return s;
}

static void render_image_context(struct reg_doc *doc, struct render_ctx *r, struct policy_ops *ops,
                                 const char *own)
{
    struct source *src = doc->src;
    if (image_count == 0)
        return;
    src->mount = mount_text(doc->arena, src->hive);
    src->image_mounts = arena_alloc(doc->arena, image_count * sizeof *src->image_mounts);
    src->image_first = strcmp(image_paths[0], own) == 0;
    for (size_t k = 0; k < image_count; k++) {
        const char *file = image_paths[k];
        if (strcmp(file, own) == 0)
            continue;
        struct hive_info info;
        struct buf error = BUF_INIT;
        size_t first_op = ops->n, first_origin = doc->src->norigins;
        bool ok = hive_read(file, doc->arena, ops, &info, &error);
        buf_free(&error);
        if (!ok)
            continue;
        src->image_mounts[src->nimage_mounts++] = mount_text(doc->arena, &info);
        file = arena_strdup(doc->arena, file);
        add_origin(doc->src, NULL, (uint32_t)r->w.text.len, false, file);
        writer_line(&r->w, "", 0);
        struct buf comment = BUF_INIT;
        buf_printf(&comment, "; %s (registry hive of the same image)", file);
        writer_line(&r->w, comment.data, comment.len);
        buf_free(&comment);
        r->open = NULL;
        render_ops(r, first_op, doc->src, false, file);
        for (size_t i = first_origin; i < doc->src->norigins; i++)
            doc->src->origins[i].context = true;
    }
}

bool policy_hive_doc_read(struct reg_doc *doc, struct source *src, const char *path, bool read,
                          struct buf *error)
{
    begin_doc(doc, src, policy_format_name(POLICY_FORMAT_HIVE));
    struct policy_ops ops = {0};
    bool ok = read_hive(doc, path, &ops, error);
    if (ok) {
        struct render_ctx r = {.ops = &ops, .arena = doc->arena};
        start_render(&r, src, false, NULL);
        render_ops(&r, 0, src, false, NULL);
        if (read)
            render_image_context(doc, &r, &ops, path);
        struct part_marks marks = {0, 0};
        finish_doc(doc, &r, &marks, 1, read);
    } else {
        reg_doc_release(doc);
    }
    policy_ops_free(&ops);
    return ok;
}

void policy_doc_read(struct reg_doc *doc, struct source *src, enum policy_format format,
                     const char *path)
{
    render_doc(doc, src, format, path, true);
}

void policy_doc_render(struct reg_doc *doc, struct source *src, enum policy_format format,
                       const char *path)
{
    render_doc(doc, src, format, path, false);
}

bool policy_gpo_doc_read(struct reg_doc *doc, const char *dir, const char **error,
                         char **failed_path)
{
    char *root = policy_gpo_root(dir);
    char *paths[POLICY_GPO_MAX_FILES];
    size_t n = root ? policy_gpo_files(root, paths, POLICY_GPO_MAX_FILES) : 0;
    free(root);
    struct source *parts[POLICY_GPO_MAX_FILES];
    for (size_t k = 0; k < n; k++) {
        parts[k] = source_load(paths[k], NULL, error);
        if (!parts[k]) {
            *failed_path = xstrdup(paths[k]);
            for (size_t j = 0; j < n; j++) {
                if (j < k)
                    source_free(parts[j]);
                free(paths[j]);
            }
            return false;
        }
    }
    struct source *src = source_from_bytes(dir, (const unsigned char *)"", 0);
    begin_doc(doc, src, "GPO");
    struct policy_ops ops = {0};
    struct render_ctx r = {.ops = &ops, .arena = doc->arena};
    struct part_marks marks[POLICY_GPO_MAX_FILES + 1];
    /* The folder as a whole: findings about it go to the header. */
    start_render(&r, src, false, NULL);
    marks[0] = (struct part_marks){doc->diags.n, 0};
    for (size_t k = 0; k < n; k++) {
        const char *file = arena_strdup(doc->arena, paths[k]);
        const char *looks_like = NULL;
        enum policy_format format = policy_detect(parts[k], &looks_like);
        marks[k + 1] = (struct part_marks){doc->diags.n, src->norigins};
        size_t first_op = ops.n;
        bool record = format == POLICY_FORMAT_POL;
        add_origin(src, NULL, (uint32_t)r.w.text.len, record, file);
        if (format == POLICY_FORMAT_REG)
            diag_add(&doc->diags, RULE_INVALID_POLICY_FILE, src, policy_origin_span(0),
                     "not a policy file: this looks like %s",
                     looks_like ? looks_like : "a .reg file, which Group Policy does not read");
        else
            read_part(doc, parts[k], format, paths[k], &ops);
        writer_line(&r.w, "", 0);
        struct buf comment = BUF_INIT;
        buf_printf(&comment, "; %s (%s)", file, policy_format_name(format));
        writer_line(&r.w, comment.data, comment.len);
        buf_free(&comment);
        r.open = NULL;
        render_ops(&r, first_op, src, record, file);
        source_free(parts[k]);
        free(paths[k]);
    }
    finish_doc(doc, &r, marks, n + 1, true);
    policy_ops_free(&ops);
    return true;
}

void policy_or_reg_doc_read(struct reg_doc *doc, struct source *src, const char *path)
{
    const char *looks_like = NULL;
    enum policy_format format = policy_detect(src, &looks_like);
    if (format != POLICY_FORMAT_REG) {
        policy_doc_read(doc, src, format, path);
        return;
    }
    if (!looks_like) {
        reg_doc_read(doc, src);
        return;
    }
    /* Something reglint knows is no .reg file either: one clear finding
     * rather than the .reg reader's view of every line. */
    memset(doc, 0, sizeof *doc);
    doc->src = src;
    doc->arena = arena_new();
    diag_list_init(&doc->diags, doc->arena);
    src->format = "unknown";
    static const char header[] = "Windows Registry Editor Version 5.00\n";
    src->raw_size = src->raw_size ? src->raw_size : src->d.len;
    add_origin(src, NULL, 0, false, NULL);
    source_set_rendering(src, xcalloc(1, sizeof header + 2), 0);
    memcpy(src->d.text, header, sizeof header - 1);
    src->d.len = sizeof header - 1;
    diag_add(&doc->diags, RULE_INVALID_POLICY_FILE, src, (struct span){0, 0},
             "not a file reglint reads: this looks like %s", looks_like);
    doc->file = reg_read(src, doc->arena, &doc->diags);
}

void policy_file_ops(struct source *src, enum policy_format format, const char *path,
                     struct arena *arena, struct policy_ops *ops)
{
    struct reg_doc doc = {.arena = arena, .src = src};
    diag_list_init(&doc.diags, arena);
    read_part(&doc, src, format, path, ops);
    diag_list_release(&doc.diags);
}
