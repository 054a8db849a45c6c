/* Registry.pol (PReg, [MS-GPREG] 2.2.1; FORMAT.md §4): records and what
 * Group Policy does with each. See policy.h. */
#include "policy.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

#define POL_HEADER_SIZE 8
#define POL_VERSION 1
/* MS-GPREG's caps: longer names and data are outside the protocol. */
#define POL_MAX_VALUE_NAME 259

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static bool unit_at(const unsigned char *b, size_t n, size_t at, unsigned char c)
{
    return at + 2 <= n && b[at] == c && b[at + 1] == 0;
}

/* A NUL-terminated UTF-16LE string from `*at`; false when the file ends
 * first. On success *at is past the NUL. */
static bool read_utf16z(const unsigned char *b, size_t n, size_t *at, struct arena *arena,
                        const char **s, uint32_t *len_out)
{
    size_t start = *at, i = start;
    bool ascii = true;
    while (i + 2 <= n && (b[i] | b[i + 1])) {
        ascii &= b[i] < 0x80 && b[i + 1] == 0;
        i += 2;
    }
    if (i + 2 > n)
        return false;
    *at = i + 2;
    if (ascii) {
        /* Most names: one byte per code unit, no decoding. */
        size_t len = (i - start) / 2;
        char *s8 = arena_alloc_bytes(arena, len + 1);
        for (size_t k = 0; k < len; k++)
            s8[k] = (char)b[start + 2 * k];
        *s = s8;
        *len_out = (uint32_t)len;
        return true;
    }
    struct buf tmp = BUF_INIT;
    text_from_utf16le(b + start, i - start, &tmp);
    *s = arena_strndup(arena, tmp.data ? tmp.data : "", tmp.len);
    *len_out = (uint32_t)tmp.len;
    buf_free(&tmp);
    return true;
}

static bool stop(struct pol_file *out, const char *why, size_t offset)
{
    out->error = why;
    out->error_offset = (uint32_t)offset;
    out->error_record = (uint32_t)(out->first + out->n) + (offset >= POL_HEADER_SIZE ? 1 : 0);
    return false;
}

static bool read_header(const unsigned char *b, size_t n, struct arena *arena, struct pol_file *out)
{
    if (n < 4 || memcmp(b, "PReg", 4) != 0)
        return stop(out, "no PReg signature: not a Registry.pol file", 0);
    if (n < POL_HEADER_SIZE)
        return stop(out, "the file ends inside its 8-byte header", n);
    uint32_t version = le32(b + 4);
    if (version != POL_VERSION) {
        out->error = arena_printf(arena, "version 0x%08X where Group Policy reads only version 1",
                                  (unsigned)version);
        out->error_offset = 4;
        return false;
    }
    out->at = POL_HEADER_SIZE;
    return true;
}

/* The record at out->at into *r; out->at moves past it. */
static bool read_record(const unsigned char *b, size_t n, struct arena *arena, struct pol_file *out,
                        struct pol_record *r)
{
    size_t at = out->at;
    memset(r, 0, sizeof *r);
    r->offset = (uint32_t)at;
    if (!unit_at(b, n, at, '['))
        return stop(out, "a record does not start with '['", at);
    at += 2;
    size_t key_at = at;
    if (out->prev_key && out->prev_key_bytes <= n - at &&
        memcmp(b + at, b + out->prev_key_at, out->prev_key_bytes) == 0) {
        r->key = out->prev_key;
        r->key_len = out->prev_key_len;
        at += out->prev_key_bytes;
    } else if (!read_utf16z(b, n, &at, arena, &r->key, &r->key_len)) {
        return stop(out, "the file ends inside a key name (no NUL)", r->offset);
    }
    out->prev_key = r->key;
    out->prev_key_len = r->key_len;
    out->prev_key_at = key_at;
    out->prev_key_bytes = at - key_at;
    if (!unit_at(b, n, at, ';'))
        return stop(out, "no ';' after the key name's NUL", at);
    at += 2;
    if (!read_utf16z(b, n, &at, arena, &r->name, &r->name_len))
        return stop(out, "the file ends inside a value name (no NUL)", r->offset);
    if (!unit_at(b, n, at, ';'))
        return stop(out, "no ';' after the value name's NUL", at);
    at += 2;
    if (n - at < 4 || !unit_at(b, n, at + 4, ';'))
        return stop(out, "no 4-byte type followed by ';'", at);
    r->type = le32(b + at);
    at += 6;
    if (n - at < 4 || !unit_at(b, n, at + 4, ';'))
        return stop(out, "no 4-byte size followed by ';'", at);
    r->size = le32(b + at);
    at += 6;
    if (r->size > n - at)
        return stop(out, arena_printf(arena, "the data size %u runs past the end of the file",
                                      (unsigned)r->size),
                    at - 6);
    r->data = b + at;
    at += r->size;
    if (!unit_at(b, n, at, ']'))
        return stop(out, "no ']' after the data", at);
    at += 2;
    r->length = (uint32_t)(at - r->offset);
    out->at = at;
    return true;
}

bool pol_parse_next(const unsigned char *b, size_t n, struct arena *arena, struct pol_file *out,
                    size_t max)
{
    out->first += out->n;
    out->n = 0;
    if (out->error)
        return false;
    if (out->at == 0) {
        if (!read_header(b, n, arena, out))
            return false;
        /* Records take at least 26 bytes; most take far more. */
        size_t expected = n / 128 + 1;
        out->records = xgrow(out->records, &out->cap, expected < max ? expected : max,
                             sizeof *out->records);
    }
    while (out->at < n && out->n < max) {
        struct pol_record r;
        if (!read_record(b, n, arena, out, &r))
            break;
        out->records = xgrow(out->records, &out->cap, out->n + 1, sizeof *out->records);
        out->records[out->n++] = r;
    }
    return out->n > 0;
}

bool pol_parse(const unsigned char *b, size_t n, struct arena *arena, struct pol_file *out)
{
    memset(out, 0, sizeof *out);
    pol_parse_next(b, n, arena, out, SIZE_MAX);
    return !out->error;
}

void pol_file_free(struct pol_file *f)
{
    free(f->records);
    memset(f, 0, sizeof *f);
}

/* ------------------------------------------------------------ meaning */

static bool prefix_nocase(const char *s, size_t len, const char *prefix)
{
    size_t k = strlen(prefix);
    if (len < k)
        return false;
    for (size_t i = 0; i < k; i++) {
        char a = s[i], c = prefix[i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if (a != c)
            return false;
    }
    return true;
}

static bool equals_nocase(const char *s, size_t len, const char *word)
{
    return len == strlen(word) && prefix_nocase(s, len, word);
}

/* The UTF-16 string of a record's data as UTF-8, up to its first NUL. */
static const char *data_string(const struct pol_record *r, struct arena *arena, uint32_t *len)
{
    size_t units = r->size / 2, i = 0;
    while (i < units && (r->data[2 * i] | r->data[2 * i + 1]))
        i++;
    struct buf tmp = BUF_INIT;
    text_from_utf16le(r->data, 2 * i, &tmp);
    const char *s = arena_strndup(arena, tmp.data ? tmp.data : "", tmp.len);
    *len = (uint32_t)tmp.len;
    buf_free(&tmp);
    return s;
}

struct pol_ctx {
    const struct pol_file *f;
    enum reg_root root;
    struct arena *arena;
    struct source *src;
    struct diag_list *diags;
    struct policy_ops *out;
    const char *checked_key; /* the last key key_usable() passed without a finding */
};

/* The 1-based number in the file of records[i]. */
static uint32_t record_number(const struct pol_ctx *c, size_t i)
{
    return (uint32_t)(c->f->first + i + 1);
}

static struct diag *finding(struct pol_ctx *c, size_t i, enum rule_id rule, const char *what)
{
    const struct pol_record *r = &c->f->records[i];
    struct diag *d = diag_add(c->diags, rule, c->src, policy_origin_span(record_number(c, i)), "%s",
                              what);
    d->anchor_key = arena_printf(c->diags->arena, "%s\\%s", reg_root_name(c->root), r->key);
    d->anchor_value = r->name_len ? r->name : "@";
    return d;
}

static struct policy_op *op_for(struct pol_ctx *c, size_t i, enum policy_op_kind kind)
{
    const struct pol_record *r = &c->f->records[i];
    struct policy_op *op = policy_ops_add(c->out);
    op->kind = kind;
    op->root = c->root;
    op->key = r->key;
    op->key_len = r->key_len;
    op->name = r->name;
    op->name_len = r->name_len;
    op->type = r->type;
    op->data = r->data;
    op->size = r->size;
    op->number = record_number(c, i);
    op->offset = r->offset;
    op->length = r->length;
    return op;
}

/* A record that is not applied: a finding, and a comment in the rendering
 * so that the finding has a place. */
static void skipped(struct pol_ctx *c, size_t i, const char *what)
{
    finding(c, i, RULE_SKIPPED_POLICY_RECORD, what);
    struct policy_op *op = op_for(c, i, POLICY_NOTE);
    op->name = arena_printf(c->arena, "record %u skipped: %s", (unsigned)record_number(c, i), what);
    op->name_len = (uint32_t)strlen(op->name);
    op->key_len = 0; /* a key it cannot use */
}

/* Checks the key Group Policy would create; false (and a finding) when it
 * cannot. */
static bool key_usable(struct pol_ctx *c, size_t i)
{
    const struct pol_record *r = &c->f->records[i];
    /* The reader gives a record the string of the record before it when they
     * name one key: checked once. */
    if (r->key == c->checked_key)
        return true;
    const char *k = r->key;
    uint32_t n = r->key_len;
    if (n == 0) {
        skipped(c, i, "an empty key: Group Policy writes nothing");
        return false;
    }
    bool rooted = prefix_nocase(k, n, "hkey_") || prefix_nocase(k, n, "hklm\\") ||
                  prefix_nocase(k, n, "hkcu\\");
    if (rooted)
        finding(c, i, RULE_SKIPPED_POLICY_RECORD,
                "the key names a root, which a Registry.pol must not: Group Policy creates it as a subkey")->severity =
            SEV_WARNING;
    uint32_t seg = 0, depth = 0;
    for (uint32_t j = 0; j <= n; j++) {
        if (j < n && k[j] != '\\') {
            if (k[j] == '\r' || k[j] == '\n') {
                skipped(c, i, "a key name holds a line break, which reglint cannot represent");
                return false;
            }
            seg++;
            continue;
        }
        if (seg == 0) {
            skipped(c, i,
                    "the key has an empty segment (a leading, trailing or doubled '\\'): Group Policy cannot create it");
            return false;
        }
        /* A segment of 255 bytes or fewer has 255 code units or fewer. */
        if (seg > REG_MAX_KEY_SEGMENT && text_count_utf16(k + j - seg, seg) > REG_MAX_KEY_SEGMENT) {
            skipped(c, i, "a key name is longer than 255 characters: Windows refuses it");
            return false;
        }
        depth++;
        seg = 0;
    }
    if (depth > REG_MAX_KEY_DEPTH) {
        skipped(c, i, "the key is deeper than 512 levels: Windows refuses it");
        return false;
    }
    if (!rooted)
        c->checked_key = r->key;
    return true;
}

/* `;`-separated names in a record's string data: one operation each. */
static void list_ops(struct pol_ctx *c, size_t i, enum policy_op_kind kind)
{
    uint32_t len;
    const char *list = data_string(&c->f->records[i], c->arena, &len);
    uint32_t start = 0;
    for (uint32_t j = 0; j <= len; j++) {
        if (j < len && list[j] != ';')
            continue;
        uint32_t a = start, b = j;
        while (a < b && list[a] == ' ')
            a++;
        while (b > a && list[b - 1] == ' ')
            b--;
        start = j + 1;
        if (a == b)
            continue;
        struct policy_op *op = op_for(c, i, kind);
        if (kind == POLICY_DELETE_KEY) {
            op->key = arena_printf(c->arena, "%s\\%.*s", op->key, (int)(b - a), list + a);
            op->key_len = (uint32_t)strlen(op->key);
            op->name = "";
            op->name_len = 0;
        } else {
            op->name = arena_strndup(c->arena, list + a, b - a);
            op->name_len = b - a;
        }
    }
}

static void check_data(struct pol_ctx *c, size_t i)
{
    const struct pol_record *r = &c->f->records[i];
    switch (r->type) {
    case REG_TYPE_DWORD:
    case REG_TYPE_DWORD_BE:
        if (r->size != 4)
            finding(c, i, RULE_POLICY_DATA_MISMATCH,
                    arena_printf(c->arena, "a DWORD with %u bytes of data instead of 4", (unsigned)r->size));
        break;
    case REG_TYPE_QWORD:
        if (r->size != 8)
            finding(c, i, RULE_POLICY_DATA_MISMATCH,
                    arena_printf(c->arena, "a QWORD with %u bytes of data instead of 8", (unsigned)r->size));
        break;
    case REG_TYPE_SZ:
    case REG_TYPE_EXPAND_SZ:
    case REG_TYPE_MULTI_SZ:
        if (r->size % 2 || r->size < 2 || r->data[r->size - 1] || r->data[r->size - 2])
            finding(c, i, RULE_POLICY_DATA_MISMATCH,
                    "string data that does not end with a UTF-16 NUL: programs may read past it");
        break;
    case REG_TYPE_NONE:
    case REG_TYPE_BINARY:
    case REG_TYPE_LINK:
    case 8: /* REG_RESOURCE_LIST */
    case 9: /* REG_FULL_RESOURCE_DESCRIPTOR */
    case 10: /* REG_RESOURCE_REQUIREMENTS_LIST */
        break;
    default:
        finding(c, i, RULE_POLICY_DATA_MISMATCH,
                arena_printf(c->arena, "type %u is not a registry type (0 to 11)", (unsigned)r->type));
        break;
    }
}

static void record_ops(struct pol_ctx *c, size_t i)
{
    const struct pol_record *r = &c->f->records[i];
    if (!key_usable(c, i))
        return;
    const char *name = r->name;
    uint32_t len = r->name_len;
    if (r->name_len > POL_MAX_VALUE_NAME)
        finding(c, i, RULE_POLICY_DATA_MISMATCH,
                "a value name longer than the 259 characters [MS-GPREG] allows");
    if (len >= 2 && name[0] == '*' && name[1] == '*') {
        if (prefix_nocase(name, len, "**del.")) {
            struct policy_op *op = op_for(c, i, POLICY_DELETE_VALUE);
            op->name = name + 6;
            op->name_len = len - 6;
        } else if (equals_nocase(name, len, "**delvals.") || equals_nocase(name, len, "**delvals")) {
            op_for(c, i, POLICY_DELETE_VALUES);
        } else if (equals_nocase(name, len, "**deletevalues")) {
            list_ops(c, i, POLICY_DELETE_VALUE);
        } else if (equals_nocase(name, len, "**deletekeys")) {
            list_ops(c, i, POLICY_DELETE_KEY);
        } else if (equals_nocase(name, len, "**securekey")) {
            struct policy_op *op = op_for(c, i, POLICY_NOTE);
            uint32_t v = r->size >= 4 ? le32(r->data) : 0;
            op->name = v ? "**SecureKey=1: administrators and SYSTEM get full control, users read"
                         : "**SecureKey=0: the key's access list is reset to its parent's";
            op->name_len = (uint32_t)strlen(op->name);
        } else if (prefix_nocase(name, len, "**soft.")) {
            check_data(c, i);
            struct policy_op *op = op_for(c, i, POLICY_SET_IF_ABSENT);
            op->name = name + 7;
            op->name_len = len - 7;
        } else {
            skipped(c, i, "an unknown control code (a value name starting with '**'): Group Policy skips the record");
        }
        return;
    }
    if (len == 0 && r->type == REG_TYPE_NONE && r->size == 0) {
        op_for(c, i, POLICY_CREATE_KEY);
        return;
    }
    check_data(c, i);
    op_for(c, i, POLICY_SET);
}

void pol_to_ops(const struct pol_file *f, enum reg_root root, struct arena *arena,
                struct source *src, struct diag_list *diags, struct policy_ops *out)
{
    struct pol_ctx c = {f, root, arena, src, diags, out, NULL};
    out->ops = xgrow(out->ops, &out->cap, out->n + f->n + 1, sizeof *out->ops);
    for (size_t i = 0; i < f->n; i++)
        record_ops(&c, i);
}
