/* The text policy formats: LGPO.exe text (FORMAT.md §4.3) and GptTmpl.inf
 * [Registry Values]. See policy.h. */
#include "policy.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Lines of a text, numbered from 1; CR, LF and CRLF end a line. */
struct lines {
    const char *s;
    size_t n, at;
    uint32_t number;
};

/* The next line, blanks trimmed at both ends; false at the end. */
static bool next_line(struct lines *l, struct reg_name *line, uint32_t *offset)
{
    if (l->at >= l->n)
        return false;
    size_t a = l->at, e = a;
    while (e < l->n && l->s[e] != '\r' && l->s[e] != '\n')
        e++;
    l->at = e;
    if (l->at < l->n && l->s[l->at] == '\r')
        l->at++;
    if (l->at < l->n && l->s[l->at] == '\n' && (l->at == e || l->s[l->at - 1] == '\r'))
        l->at++;
    l->number++;
    *offset = (uint32_t)a;
    while (a < e && (l->s[a] == ' ' || l->s[a] == '\t'))
        a++;
    while (e > a && (l->s[e - 1] == ' ' || l->s[e - 1] == '\t'))
        e--;
    *line = (struct reg_name){l->s + a, (uint32_t)(e - a)};
    return true;
}

static bool word_nocase(struct reg_name l, const char *word)
{
    size_t k = strlen(word);
    if (l.len != k)
        return false;
    for (size_t i = 0; i < k; i++) {
        char c = l.s[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c != word[i])
            return false;
    }
    return true;
}

static bool prefix_nocase(struct reg_name l, const char *word, struct reg_name *rest)
{
    size_t k = strlen(word);
    if (l.len < k || !word_nocase((struct reg_name){l.s, (uint32_t)k}, word))
        return false;
    *rest = (struct reg_name){l.s + k, l.len - (uint32_t)k};
    return true;
}

struct text_ctx {
    struct source *src;
    struct arena *arena;
    struct diag_list *diags;
    struct policy_ops *out;
};

static void skipped(struct text_ctx *c, uint32_t line, uint32_t offset, const char *what)
{
    diag_add(c->diags, RULE_SKIPPED_POLICY_RECORD, c->src, policy_origin_span(line), "%s", what);
    struct policy_op *op = policy_ops_add(c->out);
    op->kind = POLICY_NOTE;
    op->name = arena_printf(c->arena, "line %u skipped: %s", (unsigned)line, what);
    op->name_len = (uint32_t)strlen(op->name);
    op->number = line;
    op->offset = offset;
}

/* A NUL in a key path or value name: the .reg rendering, and the Win32 calls
 * that write registry names, end a name there. */
static bool holds_nul(struct reg_name t)
{
    return memchr(t.s, '\0', t.len) != NULL;
}

/* A line whose key path or value name holds a NUL: the .reg rendering and
 * the Win32 calls that write registry names end a name there, and what
 * Windows applies from it is not documented. The name is shown escaped. */
static void skipped_nul_name(struct text_ctx *c, uint32_t line, uint32_t offset,
                             struct reg_name key, struct reg_name name)
{
    bool in_key = holds_nul(key);
    struct reg_name shown = in_key ? key : name;
    struct buf b = BUF_INIT;
    text_snippet(&b, shown.s, shown.len, 80);
    skipped(c, line, offset,
            arena_printf(c->arena,
                         "the %s '%s' holds a NUL character; what Windows applies from such a "
                         "line is unknown, and reglint does not apply it",
                         in_key ? "key path" : "value name", b.data ? b.data : ""));
    buf_free(&b);
}

static struct policy_op *add_op(struct text_ctx *c, enum policy_op_kind kind, enum reg_root root,
                                struct reg_name key, struct reg_name name, uint32_t line,
                                uint32_t offset)
{
    struct policy_op *op = policy_ops_add(c->out);
    op->kind = kind;
    op->root = root;
    /* Group Policy paths never start or end with '\'. */
    while (key.len && key.s[0] == '\\')
        key.s++, key.len--;
    while (key.len && key.s[key.len - 1] == '\\')
        key.len--;
    op->key = arena_strndup(c->arena, key.s, key.len);
    op->key_len = key.len;
    op->name = arena_strndup(c->arena, name.s, name.len);
    op->name_len = name.len;
    op->number = line;
    op->offset = offset;
    return op;
}

/* String data: UTF-16LE with its NUL. */
static void string_data(struct text_ctx *c, struct policy_op *op, struct reg_name text)
{
    struct buf b = BUF_INIT;
    text_to_utf16le(text.s, text.len, &b);
    buf_putc(&b, 0);
    buf_putc(&b, 0);
    op->data = arena_memdup(c->arena, b.data, b.len);
    op->size = (uint32_t)b.len;
    buf_free(&b);
}

/* REG_MULTI_SZ data from strings separated by `sep` (a literal "\0" in LGPO
 * text, a comma in a template); an empty last string is no string. */
static void multi_data(struct text_ctx *c, struct policy_op *op, struct reg_name text, const char *sep)
{
    struct buf b = BUF_INIT;
    size_t k = strlen(sep), start = 0;
    for (size_t i = 0; i <= text.len;) {
        bool at_sep = i + k <= text.len && memcmp(text.s + i, sep, k) == 0;
        if (i < text.len && !at_sep) {
            i++;
            continue;
        }
        if (i > start || (at_sep && i < text.len)) {
            text_to_utf16le(text.s + start, i - start, &b);
            buf_putc(&b, 0);
            buf_putc(&b, 0);
        }
        i += at_sep ? k : 1;
        start = i;
    }
    buf_putc(&b, 0);
    buf_putc(&b, 0);
    op->data = arena_memdup(c->arena, b.data, b.len);
    op->size = (uint32_t)b.len;
    buf_free(&b);
}

/* A decimal (or 0x hexadecimal) number that fits `max`. */
static bool parse_number(struct reg_name t, unsigned long long max, unsigned long long *out)
{
    if (t.len == 0)
        return false;
    int base = 10;
    size_t i = 0;
    if (t.len > 2 && t.s[0] == '0' && (t.s[1] == 'x' || t.s[1] == 'X'))
        base = 16, i = 2;
    unsigned long long v = 0;
    for (; i < t.len; i++) {
        char ch = t.s[i];
        unsigned d;
        if (ch >= '0' && ch <= '9')
            d = (unsigned)(ch - '0');
        else if (base == 16 && ch >= 'a' && ch <= 'f')
            d = (unsigned)(ch - 'a' + 10);
        else if (base == 16 && ch >= 'A' && ch <= 'F')
            d = (unsigned)(ch - 'A' + 10);
        else
            return false;
        if (v > (max - d) / (unsigned)base)
            return false;
        v = v * (unsigned)base + d;
    }
    *out = v;
    return true;
}

static void number_data(struct text_ctx *c, struct policy_op *op, unsigned long long v, uint32_t size)
{
    unsigned char *d = arena_alloc_bytes(c->arena, size);
    for (uint32_t i = 0; i < size; i++)
        d[i] = (unsigned char)(v >> (8 * i));
    op->data = d;
    op->size = size;
}

/* Hex digits, blanks and commas ignored; false on anything else. An odd
 * count reads as if a 0 came first. */
static bool hex_data(struct text_ctx *c, struct policy_op *op, struct reg_name t)
{
    size_t digits = 0;
    for (size_t i = 0; i < t.len; i++) {
        char ch = t.s[i];
        if ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))
            digits++;
        else if (ch != ' ' && ch != ',')
            return false;
    }
    unsigned char *d = arena_alloc_bytes(c->arena, (digits + 1) / 2 + 1);
    size_t k = digits % 2; /* nibble position of the first digit */
    for (size_t i = 0; i < t.len; i++) {
        char ch = t.s[i];
        unsigned v;
        if (ch >= '0' && ch <= '9')
            v = (unsigned)(ch - '0');
        else if (ch >= 'a' && ch <= 'f')
            v = (unsigned)(ch - 'a' + 10);
        else if (ch >= 'A' && ch <= 'F')
            v = (unsigned)(ch - 'A' + 10);
        else
            continue;
        d[k / 2] = (unsigned char)(d[k / 2] | (k % 2 ? v : v << 4));
        k++;
    }
    op->data = d;
    op->size = (uint32_t)((digits + 1) / 2);
    return true;
}

/* ------------------------------------------------------------ LGPO text */

/* `;`-separated subkeys of a DELETEKEYS record: one deletion each. */
static void delete_keys(struct text_ctx *c, enum reg_root root, struct reg_name key,
                        struct reg_name list, uint32_t line, uint32_t offset)
{
    uint32_t start = 0;
    for (uint32_t j = 0; j <= list.len; j++) {
        if (j < list.len && list.s[j] != ';')
            continue;
        if (j > start) {
            char *path = arena_printf(c->arena, "%.*s\\%.*s", (int)key.len, key.s, (int)(j - start),
                                      list.s + start);
            add_op(c, POLICY_DELETE_KEY, root, (struct reg_name){path, (uint32_t)strlen(path)},
                   (struct reg_name){"", 0}, line, offset);
        }
        start = j + 1;
    }
}

static void lgpo_record(struct text_ctx *c, enum reg_root root, struct reg_name key,
                        struct reg_name name, struct reg_name action, uint32_t line, uint32_t offset)
{
    struct reg_name rest;
    unsigned long long v;
    struct policy_op *op;
    bool star = name.len == 1 && name.s[0] == '*';
    if (holds_nul(key) || holds_nul(name)) {
        skipped_nul_name(c, line, offset, key, name);
    } else if (word_nocase(action, "DELETE")) {
        add_op(c, POLICY_DELETE_VALUE, root, key, name, line, offset);
    } else if (word_nocase(action, "DELETEALLVALUES")) {
        add_op(c, POLICY_DELETE_VALUES, root, key, (struct reg_name){"", 0}, line, offset);
    } else if (word_nocase(action, "CREATEKEY")) {
        add_op(c, POLICY_CREATE_KEY, root, key, (struct reg_name){"", 0}, line, offset);
    } else if (word_nocase(action, "DELETEKEYS")) {
        delete_keys(c, root, key, name, line, offset);
    } else if (word_nocase(action, "CLEAR")) {
        op = add_op(c, POLICY_NOTE, root, key, name, line, offset);
        op->name = arena_printf(c->arena, "line %u: CLEAR removes %.*s from the policy; no registry change",
                                (unsigned)line, (int)name.len, name.s);
        op->name_len = (uint32_t)strlen(op->name);
    } else if (star) {
        skipped(c, line, offset, "a value name '*' with an action that sets a value");
    } else if (prefix_nocase(action, "DWORD:", &rest)) {
        if (!parse_number(rest, 0xFFFFFFFFull, &v)) {
            skipped(c, line, offset, "DWORD: needs a decimal number up to 4294967295");
            return;
        }
        op = add_op(c, POLICY_SET, root, key, name, line, offset);
        op->type = REG_TYPE_DWORD;
        number_data(c, op, v, 4);
    } else if (prefix_nocase(action, "QWORD:", &rest)) {
        if (!parse_number(rest, ~0ull, &v)) {
            skipped(c, line, offset, "QWORD: needs a decimal number up to 18446744073709551615");
            return;
        }
        op = add_op(c, POLICY_SET, root, key, name, line, offset);
        op->type = REG_TYPE_QWORD;
        number_data(c, op, v, 8);
    } else if (prefix_nocase(action, "SZ:", &rest)) {
        op = add_op(c, POLICY_SET, root, key, name, line, offset);
        op->type = REG_TYPE_SZ;
        string_data(c, op, rest);
    } else if (prefix_nocase(action, "EXSZ:", &rest)) {
        op = add_op(c, POLICY_SET, root, key, name, line, offset);
        op->type = REG_TYPE_EXPAND_SZ;
        string_data(c, op, rest);
    } else if (prefix_nocase(action, "MULTISZ:", &rest)) {
        op = add_op(c, POLICY_SET, root, key, name, line, offset);
        op->type = REG_TYPE_MULTI_SZ;
        multi_data(c, op, rest, "\\0");
    } else if (prefix_nocase(action, "BINARY:", &rest)) {
        op = add_op(c, POLICY_SET, root, key, name, line, offset);
        op->type = REG_TYPE_BINARY;
        if (!hex_data(c, op, rest)) {
            c->out->n--;
            skipped(c, line, offset, "BINARY: needs hexadecimal digits");
        }
    } else {
        skipped(c, line, offset,
                arena_printf(c->arena, "unknown action '%.*s' (DWORD:, QWORD:, SZ:, EXSZ:, MULTISZ:, "
                             "BINARY:, DELETE, DELETEALLVALUES, CREATEKEY, DELETEKEYS, CLEAR)",
                             (int)(action.len > 40 ? 40 : action.len), action.s));
    }
}

void lgpo_to_ops(struct source *src, enum reg_root default_root, struct arena *arena,
                 struct diag_list *diags, struct policy_ops *out)
{
    struct text_ctx c = {src, arena, diags, out};
    struct lines l = {src->d.text, src->d.len, 0, 0};
    struct reg_name line, part[3];
    uint32_t offset, nparts = 0, block_line = 0, block_offset = 0;
    enum reg_root root = default_root;
    bool skipping = false; /* the rest of a record whose first line is wrong */
    while (next_line(&l, &line, &offset)) {
        if (skipping && line.len > 0)
            continue;
        skipping = false;
        if (line.len == 0 || line.s[0] == ';') {
            if (nparts > 0 && line.len == 0) {
                skipped(&c, block_line, block_offset,
                        "an incomplete record: configuration, key, value name and action take four lines");
                nparts = 0;
            }
            continue;
        }
        if (nparts == 0) {
            struct reg_name who;
            block_line = l.number;
            block_offset = offset;
            if (word_nocase(line, "COMPUTER")) {
                root = REG_ROOT_HKLM;
            } else if (word_nocase(line, "USER") || prefix_nocase(line, "USER:", &who)) {
                /* User:NAME is one user's policy, which is HKCU for that user. */
                root = REG_ROOT_HKCU;
            } else {
                skipped(&c, l.number, offset,
                        "a record must start with Computer, User or User:NAME; the lines up to the next blank line are read past");
                skipping = true;
                continue;
            }
            nparts = 1;
            continue;
        }
        part[nparts - 1] = line;
        if (++nparts < 4)
            continue;
        lgpo_record(&c, root, part[0], part[1], part[2], l.number, block_offset);
        nparts = 0;
    }
    if (nparts > 0)
        skipped(&c, block_line, block_offset,
                "an incomplete record at the end: configuration, key, value name and action take four lines");
}

/* --------------------------------------------------------- GptTmpl.inf */

static const struct {
    const char *prefix;
    enum reg_root root;
} inf_roots[] = {
    {"MACHINE\\", REG_ROOT_HKLM},
    {"USER\\", REG_ROOT_HKU},
    {"CLASSES_ROOT\\", REG_ROOT_HKCR},
    {"USERS\\", REG_ROOT_HKU},
};

/* A quoted string loses its quotes. */
static struct reg_name unquote(struct reg_name t)
{
    if (t.len >= 2 && t.s[0] == '"' && t.s[t.len - 1] == '"')
        return (struct reg_name){t.s + 1, t.len - 2};
    return t;
}

static void inf_line(struct text_ctx *c, struct reg_name line, uint32_t number, uint32_t offset)
{
    const char *eq = memchr(line.s, '=', line.len);
    if (!eq) {
        skipped(c, number, offset, "a [Registry Values] line without '='");
        return;
    }
    struct reg_name path = {line.s, (uint32_t)(eq - line.s)}, rest;
    while (path.len && path.s[path.len - 1] == ' ')
        path.len--;
    if (path.len >= 2 && path.s[0] == '"' && path.s[path.len - 1] == '"')
        path = unquote(path);
    enum reg_root root = REG_ROOT_COUNT;
    for (size_t i = 0; i < sizeof inf_roots / sizeof inf_roots[0]; i++)
        if (prefix_nocase(path, inf_roots[i].prefix, &rest)) {
            root = inf_roots[i].root;
            path = rest;
            break;
        }
    if (root == REG_ROOT_COUNT) {
        skipped(c, number, offset, "the path must start with MACHINE\\, USER\\, USERS\\ or CLASSES_ROOT\\");
        return;
    }
    const char *slash = NULL;
    for (uint32_t i = path.len; i-- > 0;)
        if (path.s[i] == '\\') {
            slash = path.s + i;
            break;
        }
    if (!slash) {
        skipped(c, number, offset, "the path names no value below its key");
        return;
    }
    struct reg_name key = {path.s, (uint32_t)(slash - path.s)};
    struct reg_name name = {slash + 1, (uint32_t)(path.s + path.len - slash - 1)};
    if (holds_nul(key) || holds_nul(name)) {
        skipped_nul_name(c, number, offset, key, name);
        return;
    }
    struct reg_name data = {eq + 1, (uint32_t)(line.s + line.len - eq - 1)};
    while (data.len && data.s[0] == ' ')
        data.s++, data.len--;
    const char *comma = memchr(data.s, ',', data.len);
    struct reg_name type_text = {data.s, comma ? (uint32_t)(comma - data.s) : data.len};
    struct reg_name value = comma ? (struct reg_name){comma + 1, (uint32_t)(data.s + data.len - comma - 1)}
                                  : (struct reg_name){"", 0};
    unsigned long long type, v;
    if (!parse_number(type_text, 11, &type)) {
        skipped(c, number, offset, "the data must start with a registry type number (1, 2, 3, 4 or 7) and a comma");
        return;
    }
    struct policy_op *op = add_op(c, POLICY_SET, root, key, name, number, offset);
    op->type = (uint32_t)type;
    switch (type) {
    case REG_TYPE_SZ:
    case REG_TYPE_EXPAND_SZ:
        string_data(c, op, unquote(value));
        break;
    case REG_TYPE_MULTI_SZ:
        multi_data(c, op, value, ",");
        break;
    case REG_TYPE_DWORD:
        if (!parse_number(unquote(value), 0xFFFFFFFFull, &v)) {
            c->out->n--;
            skipped(c, number, offset, "a type 4 (REG_DWORD) value needs a decimal number");
            return;
        }
        number_data(c, op, v, 4);
        break;
    case REG_TYPE_BINARY:
        if (!hex_data(c, op, value)) {
            c->out->n--;
            skipped(c, number, offset, "a type 3 (REG_BINARY) value needs hexadecimal digits");
            return;
        }
        break;
    default:
        c->out->n--;
        skipped(c, number, offset,
                "a registry type the security template engine does not write (1, 2, 3, 4, 7)");
        return;
    }
}

void inf_to_ops(struct source *src, struct arena *arena, struct diag_list *diags,
                struct policy_ops *out)
{
    struct text_ctx c = {src, arena, diags, out};
    struct lines l = {src->d.text, src->d.len, 0, 0};
    struct reg_name line;
    uint32_t offset;
    bool in_registry = false;
    while (next_line(&l, &line, &offset)) {
        if (line.len == 0 || line.s[0] == ';')
            continue;
        if (line.s[0] == '[') {
            in_registry = word_nocase(line, "[REGISTRY VALUES]");
            continue;
        }
        if (in_registry)
            inf_line(&c, line, l.number, offset);
    }
}
