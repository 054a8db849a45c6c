#include "polwrite.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "writer.h"
#include "xalloc.h"

static void add(struct arena *arena, struct polop_list *list, const struct polop *op)
{
    list->items = arena_grow_array(arena, list->items, list->n, &list->cap, sizeof *list->items);
    list->items[list->n++] = *op;
}

/* Splits "HKEY_...\\rest" into its root and the rest. */
static bool split_root(const char *path, enum reg_root *root, const char **rest)
{
    for (int r = 0; r < REG_ROOT_COUNT; r++) {
        const char *name = reg_root_name((enum reg_root)r);
        size_t len = strlen(name);
        if (strncmp(path, name, len) == 0 && (path[len] == '\\' || path[len] == '\0')) {
            *root = (enum reg_root)r;
            *rest = path[len] == '\\' ? path + len + 1 : path + len;
            return true;
        }
    }
    return false;
}

static uint32_t op_type(const struct gen_op *op)
{
    switch (op->kind) {
    case OP_DWORD:
        return REG_TYPE_DWORD;
    case OP_QWORD:
        return REG_TYPE_QWORD;
    case OP_STRING:
        return REG_TYPE_SZ;
    case OP_BINARY:
        return REG_TYPE_BINARY;
    case OP_STRINGS:
    case OP_DELETE:
        break;
    }
    return op->type;
}

const char *polops_from_plan(const struct gen_plan *plan, enum gen_mode mode, struct arena *arena,
                             struct polop_list *out)
{
    struct buf data = BUF_INIT;
    for (size_t i = 0; i < plan->nkeys; i++) {
        const struct gen_key *k = &plan->keys[i];
        struct polop base = {0};
        if (!split_root(k->path, &base.root, &base.key)) {
            buf_free(&data);
            return arena_printf(arena, "%s: no registry root reglint knows", k->path);
        }
        /* Undoing cannot know whether a key existed before; it only deletes values. */
        if (k->nops == 0 && mode == GEN_APPLY) {
            base.kind = POLOP_CREATE_KEY;
            base.name = "";
            add(arena, out, &base);
        }
        for (size_t j = 0; j < k->nops; j++) {
            const struct gen_op *op = &k->ops[j];
            struct polop p = base;
            p.name = op->name;
            p.name_len = op->name_len;
            if (mode == GEN_UNDO || op->kind == OP_DELETE) {
                p.kind = POLOP_DELETE_VALUE;
            } else {
                p.kind = POLOP_SET;
                p.type = op_type(op);
                buf_clear(&data);
                gen_op_data(op, &data);
                p.data = arena_memdup(arena, data.data, data.len);
                p.len = data.len;
            }
            add(arena, out, &p);
        }
    }
    buf_free(&data);
    return NULL;
}

/* The path of `k` below its root. */
static const char *below_root(const struct model *m, const struct model_key *k)
{
    const char *path = model_key_path(m, k);
    enum reg_root root;
    const char *rest = path;
    split_root(path, &root, &rest);
    return rest;
}

static void add_key_contents(const struct model *m, const struct model_key *k, struct arena *arena,
                             struct polop_list *out, struct buf *data)
{
    /* Iterative over siblings, recursive over depth (at most 512 levels). */
    for (; k; k = k->next_sibling) {
        if (!k->exists)
            continue;
        struct polop base = {.root = k->root, .key = below_root(m, k), .name = ""};
        bool any = false;
        for (const struct model_value *v = k->first_value; v && !any; v = v->next)
            any = v->exists;
        if (k->named && !any) {
            base.kind = POLOP_CREATE_KEY;
            add(arena, out, &base);
        }
        for (const struct model_value *v = k->first_value; v; v = v->next) {
            struct polop p = base;
            struct reg_name name = model_value_name(m, v);
            p.name = name.s;
            p.name_len = name.len;
            if (v->exists) {
                p.kind = POLOP_SET;
                p.type = model_value_type(m, v);
                buf_clear(data);
                model_value_data(m, v, data);
                p.data = arena_memdup(arena, data->data, data->len);
                p.len = data->len;
            } else if (m->file->stmts[v->stmt].kind == REG_STMT_VALUE_DELETE) {
                p.kind = POLOP_DELETE_VALUE;
            } else {
                continue; /* taken by a deletion of its key, written first */
            }
            add(arena, out, &p);
        }
        add_key_contents(m, k->first_child, arena, out, data);
    }
}

void polops_from_model(const struct model *m, struct arena *arena, struct polop_list *out)
{
    const struct reg_file *f = m->file;
    if (!reg_version_imports(f->version))
        return;
    for (size_t i = 0; i < m->stop_at; i++) {
        const struct reg_stmt *st = &f->stmts[i];
        if (st->kind != REG_STMT_KEY_DELETE || !st->as.key.usable || st->as.key.aborts)
            continue;
        struct polop p = {.kind = POLOP_DELETE_KEY, .root = st->as.key.root, .name = ""};
        const char *path = reg_key_path_string(arena, f, &st->as.key);
        split_root(path, &p.root, &p.key);
        add(arena, out, &p);
    }
    struct buf data = BUF_INIT;
    for (int r = 0; r < REG_ROOT_COUNT; r++)
        add_key_contents(m, m->roots[r]->first_child, arena, out, &data);
    buf_free(&data);
}

const char *polops_from_policy(const struct policy_ops *ops, const char *unit,
                               struct arena *arena, struct polop_list *out)
{
    for (size_t i = 0; i < ops->n; i++) {
        const struct policy_op *op = &ops->ops[i];
        bool named = op->kind == POLICY_SET || op->kind == POLICY_SET_IF_ABSENT ||
                     op->kind == POLICY_DELETE_VALUE;
        struct polop p = {.root = op->root,
                          .key = arena_strndup(arena, op->key, op->key_len),
                          .name = named ? arena_strndup(arena, op->name, op->name_len) : "",
                          .name_len = named ? op->name_len : 0,
                          .type = op->type,
                          .data = op->size ? arena_memdup(arena, op->data, op->size) : NULL,
                          .len = op->size};
        switch (op->kind) {
        case POLICY_SET:
            p.kind = POLOP_SET;
            break;
        case POLICY_SET_IF_ABSENT:
            p.kind = POLOP_SET_IF_ABSENT;
            break;
        case POLICY_DELETE_VALUE:
            p.kind = POLOP_DELETE_VALUE;
            break;
        case POLICY_DELETE_VALUES:
            p.kind = POLOP_DELETE_VALUES;
            break;
        case POLICY_CREATE_KEY:
            p.kind = POLOP_CREATE_KEY;
            break;
        case POLICY_DELETE_KEY:
            p.kind = POLOP_DELETE_KEY;
            break;
        case POLICY_NOTE:
            return arena_printf(arena, "%s %u: %.*s: no registry operation to write", unit,
                                (unsigned)op->number, (int)op->name_len, op->name);
        }
        add(arena, out, &p);
    }
    return NULL;
}

bool polops_has_root(const struct polop_list *ops, enum reg_root root)
{
    for (size_t i = 0; i < ops->n; i++)
        if (ops->items[i].root == root)
            return true;
    return false;
}

const struct polop *polops_outside(const struct polop_list *ops, unsigned allowed)
{
    for (size_t i = 0; i < ops->n; i++)
        if (!(allowed & (1u << ops->items[i].root)))
            return &ops->items[i];
    return NULL;
}

const char *polop_describe(struct arena *arena, const struct polop *op)
{
    const char *sep = op->key[0] ? "\\" : "";
    const char *root = reg_root_name(op->root);
    if (op->kind == POLOP_CREATE_KEY || op->kind == POLOP_DELETE_KEY ||
        op->kind == POLOP_DELETE_VALUES)
        return arena_printf(arena, "%s%s%s", root, sep, op->key);
    if (op->name_len == 0)
        return arena_printf(arena, "%s%s%s, the default value", root, sep, op->key);
    return arena_printf(arena, "%s%s%s, value \"%.*s\"", root, sep, op->key, (int)op->name_len,
                        op->name);
}

static const char *cannot(struct arena *arena, const struct polop *op, const char *format,
                          const char *why)
{
    return arena_printf(arena, "%s: %s cannot hold %s", polop_describe(arena, op), format, why);
}

static const char *type_name(uint32_t type)
{
    switch (type) {
    case REG_TYPE_NONE:
        return "REG_NONE";
    case REG_TYPE_SZ:
        return "REG_SZ";
    case REG_TYPE_EXPAND_SZ:
        return "REG_EXPAND_SZ";
    case REG_TYPE_BINARY:
        return "REG_BINARY";
    case REG_TYPE_DWORD:
        return "REG_DWORD";
    case REG_TYPE_DWORD_BE:
        return "REG_DWORD_BIG_ENDIAN";
    case REG_TYPE_LINK:
        return "REG_LINK";
    case REG_TYPE_MULTI_SZ:
        return "REG_MULTI_SZ";
    case REG_TYPE_QWORD:
        return "REG_QWORD";
    default:
        return NULL;
    }
}

static const char *type_text(struct arena *arena, uint32_t type)
{
    const char *name = type_name(type);
    return name ? name : arena_printf(arena, "type %" PRIu32, type);
}

/* The strings of string data (UTF-16LE), as UTF-8 in `texts` (each followed
 * by a NUL byte), when the data is exactly what writing them gives back:
 * one NUL-terminated string for REG_SZ and REG_EXPAND_SZ; for REG_MULTI_SZ
 * non-empty strings, each NUL-terminated, then one more NUL. */
static bool clean_strings(const struct polop *op, struct buf *texts, size_t *count)
{
    buf_clear(texts);
    *count = 0;
    const unsigned char *d = op->data;
    size_t n = op->len;
    if (n < 2 || n % 2 != 0)
        return false;
    bool multi = op->type == REG_TYPE_MULTI_SZ;
    size_t start = 0;
    for (size_t i = 0; i < n; i += 2) {
        if (d[i] != 0 || d[i + 1] != 0)
            continue;
        if (i == start && multi) /* the empty string that ends the list */
            return i + 2 == n;
        text_from_utf16le(d + start, i - start, texts);
        buf_putc(texts, '\0');
        ++*count;
        start = i + 2;
        if (!multi)
            return start == n;
    }
    return false;
}

/* The strings of a clean_strings() buffer as an array, in the arena. */
static const char *const *string_array(struct arena *arena, const struct buf *texts, size_t count)
{
    const char **strings = arena_alloc(arena, (count ? count : 1) * sizeof *strings);
    size_t at = 0;
    for (size_t i = 0; i < count; i++) {
        strings[i] = arena_strdup(arena, texts->data + at);
        at += strlen(texts->data + at) + 1;
    }
    return strings;
}

static bool has_control(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20)
            return true;
    return false;
}

/* A key deletion as its parent and the subkey's name, which is how .pol
 * (**DeleteKeys) and LGPO text (DELETEKEYS) say it: *child is set, or the
 * reason it cannot be said. */
static const char *deleted_subkey(struct arena *arena, const struct polop *op, const char *format,
                                  const char **child)
{
    const char *last = strrchr(op->key, '\\');
    if (!last)
        return cannot(arena, op, format,
                      "a deletion of a key right below the root (a key deletion names the subkeys "
                      "of a key)");
    if (strchr(last + 1, ';'))
        return cannot(arena, op, format,
                      "a deletion of a key whose name has ';' (a key deletion separates names "
                      "with it)");
    *child = last + 1;
    return NULL;
}

/* ---- .reg ---- */

static const char *reg_value(struct reg_writer *w, const struct polop *op, struct arena *arena,
                             struct buf *texts, size_t *lossy)
{
    size_t count;
    if (op->type == REG_TYPE_DWORD && op->len == 4) {
        writer_dword(w, op->name, op->name_len,
                     (uint32_t)op->data[0] | (uint32_t)op->data[1] << 8 |
                         (uint32_t)op->data[2] << 16 | (uint32_t)op->data[3] << 24);
        return NULL;
    }
    bool stringish = op->type == REG_TYPE_SZ || op->type == REG_TYPE_EXPAND_SZ ||
                     op->type == REG_TYPE_MULTI_SZ;
    /* A line break in a string has no escape regedit defines: such data
     * goes as hex. */
    if (stringish && clean_strings(op, texts, &count) && !memchr(texts->data, '\r', texts->len) &&
        !memchr(texts->data, '\n', texts->len)) {
        const char *const *strings = string_array(arena, texts, count);
        /* REG_SZ text is counted when the file is encoded; the others are hex. */
        if (w->encoding == TEXT_ANSI && op->type != REG_TYPE_SZ) {
            struct buf scratch = BUF_INIT;
            for (size_t i = 0; i < count; i++)
                text_encode(strings[i], strlen(strings[i]), TEXT_ANSI, &scratch, lossy);
            buf_free(&scratch);
        }
        if (op->type == REG_TYPE_SZ)
            writer_string(w, op->name, op->name_len, strings[0], strlen(strings[0]));
        else
            writer_strings(w, op->name, op->name_len, op->type, strings, count);
        return NULL;
    }
    /* regedit widens the hex bytes of string types in a file without the
     * UTF-16 byte order mark, so only a UTF-16LE file keeps them as they are. */
    if (stringish && w->encoding != TEXT_UTF16LE)
        return cannot(arena, op, "a .reg file that is not UTF-16LE",
                      "string data that is not a list of whole strings (use --encoding utf16)");
    writer_value(w, op->name, op->name_len, REG_FORM_HEX, op->type, op->data, op->len);
    return NULL;
}

const char *polwrite_reg(const struct polop_list *ops, enum text_encoding encoding,
                         struct arena *arena, struct buf *out, size_t *lossy)
{
    struct reg_writer w;
    writer_init(&w, encoding);
    writer_header(&w, REG_VERSION_5);
    struct buf texts = BUF_INIT;
    const struct polop *open = NULL; /* the key the last key line opened */
    const char *error = NULL;
    for (size_t i = 0; i < ops->n && !error; i++) {
        const struct polop *op = &ops->items[i];
        if (op->key[0] == '\0') {
            error = cannot(arena, op, "a .reg file", "a value or key deletion at a root");
            break;
        }
        if (has_control(op->key, strlen(op->key))) {
            error = cannot(arena, op, "a .reg file", "a key name with a control character");
            break;
        }
        bool deleting = op->kind == POLOP_DELETE_KEY;
        if (deleting || !open || open->root != op->root || strcmp(open->key, op->key) != 0) {
            const char *path = arena_printf(arena, "%s\\%s", reg_root_name(op->root), op->key);
            writer_blank(&w);
            writer_key(&w, path, strlen(path), deleting);
            open = deleting ? NULL : op;
        }
        if (op->kind == POLOP_SET)
            error = reg_value(&w, op, arena, &texts, lossy);
        else if (op->kind == POLOP_DELETE_VALUE)
            writer_value_delete(&w, op->name, op->name_len);
        else if (op->kind == POLOP_DELETE_VALUES)
            error = cannot(arena, op, "a .reg file", "a deletion of every value of a key (**delvals.)");
        else if (op->kind == POLOP_SET_IF_ABSENT)
            error = cannot(arena, op, "a .reg file", "a value set only where it is absent (**soft.)");
    }
    writer_blank(&w);
    *lossy += writer_finish(&w, TEXT_EOL_CRLF, true, out);
    writer_release(&w);
    buf_free(&texts);
    return error;
}

/* ---- Registry.pol ---- */

static void put_u16(struct buf *out, unsigned c)
{
    buf_putc(out, (char)(c & 0xff));
    buf_putc(out, (char)(c >> 8));
}

static void put_u32(struct buf *out, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        buf_putc(out, (char)(v >> (8 * i)));
}

/* UTF-8 text as UTF-16LE, then its NUL. */
static void put_wide(struct buf *out, const char *s, size_t n)
{
    text_to_utf16le(s, n, out);
    put_u16(out, 0);
}

static void pol_record(struct buf *out, const char *key, size_t key_len, const char *name,
                       size_t name_len, uint32_t type, const void *data, size_t len)
{
    put_u16(out, '[');
    put_wide(out, key, key_len);
    put_u16(out, ';');
    put_wide(out, name, name_len);
    put_u16(out, ';');
    put_u32(out, type);
    put_u16(out, ';');
    put_u32(out, (uint32_t)len);
    put_u16(out, ';');
    buf_append(out, data, len);
    put_u16(out, ']');
}

static bool is_control_code(const char *name, size_t len)
{
    return len >= 2 && name[0] == '*' && name[1] == '*';
}

const char *polwrite_pol(const struct polop_list *ops, enum reg_root root, struct arena *arena,
                         struct buf *out)
{
    /* The data the Group Policy editor gives a "**del." record: " " as REG_SZ. */
    static const unsigned char space[] = {' ', 0, 0, 0};
    buf_append(out, "PReg\1\0\0\0", 8);
    struct buf name = BUF_INIT;
    const char *error = NULL;
    for (size_t i = 0; i < ops->n && !error; i++) {
        const struct polop *op = &ops->items[i];
        if (op->root != root)
            continue;
        if (op->key[0] == '\0') {
            error = cannot(arena, op, "a .pol file", "a value or key deletion at the root");
            break;
        }
        if (is_control_code(op->name, op->name_len)) {
            error = cannot(arena, op, "a .pol file",
                           "a value name starting with \"**\" (it reads as a control code)");
            break;
        }
        size_t key_len = strlen(op->key);
        switch (op->kind) {
        case POLOP_SET:
            if (op->name_len == 0 && op->type == REG_TYPE_NONE && op->len == 0)
                error = cannot(arena, op, "a .pol file",
                               "an empty REG_NONE default value (it reads as a key creation)");
            else
                pol_record(out, op->key, key_len, op->name, op->name_len, op->type, op->data,
                           op->len);
            break;
        case POLOP_DELETE_VALUE:
            buf_clear(&name);
            buf_puts(&name, "**del.");
            buf_append(&name, op->name, op->name_len);
            pol_record(out, op->key, key_len, name.data, name.len, REG_TYPE_SZ, space,
                       sizeof space);
            break;
        case POLOP_CREATE_KEY:
            pol_record(out, op->key, key_len, "", 0, REG_TYPE_NONE, NULL, 0);
            break;
        case POLOP_DELETE_VALUES:
            pol_record(out, op->key, key_len, "**delvals.", 10, REG_TYPE_SZ, space, sizeof space);
            break;
        case POLOP_SET_IF_ABSENT:
            buf_clear(&name);
            buf_puts(&name, "**soft.");
            buf_append(&name, op->name, op->name_len);
            pol_record(out, op->key, key_len, name.data, name.len, op->type, op->data, op->len);
            break;
        case POLOP_DELETE_KEY: {
            const char *child = NULL;
            if ((error = deleted_subkey(arena, op, "a .pol file", &child)) != NULL)
                break;
            buf_clear(&name);
            put_wide(&name, child, strlen(child));
            pol_record(out, op->key, (size_t)(child - 1 - op->key), "**DeleteKeys", 12, REG_TYPE_SZ,
                       name.data, name.len);
            break;
        }
        }
    }
    buf_free(&name);
    return error;
}

/* ---- LGPO text ---- */

/* Why `s` cannot be a line of LGPO text, or NULL. */
static const char *lgpo_line_problem(const char *s, size_t n)
{
    if (n == 0)
        return "an empty line (it ends a record)";
    if (has_control(s, n))
        return "a line break or another control character";
    if (s[0] == ';')
        return "a line starting with ';' (it reads as a comment)";
    if (s[0] == ' ' || s[n - 1] == ' ')
        return "a line starting or ending with a space (lines are read trimmed)";
    return NULL;
}

/* Refuses a string that ends with a space, which reading trims. */
static const char *lgpo_trailing_space(struct arena *arena, const struct polop *op, const char *text)
{
    size_t n = strlen(text);
    if (n > 0 && text[n - 1] == ' ')
        return cannot(arena, op, "LGPO text",
                      "a string ending with a space (lines are read trimmed)");
    return NULL;
}

static const char *lgpo_set(const struct polop *op, struct arena *arena, struct buf *text,
                            struct buf *texts)
{
    size_t count;
    if (op->type == REG_TYPE_DWORD && op->len == 4) {
        uint32_t v = (uint32_t)op->data[0] | (uint32_t)op->data[1] << 8 |
                     (uint32_t)op->data[2] << 16 | (uint32_t)op->data[3] << 24;
        buf_printf(text, "DWORD:%" PRIu32 "\r\n", v);
        return NULL;
    }
    if (op->type == REG_TYPE_QWORD && op->len == 8) {
        uint64_t v = 0;
        for (size_t i = 8; i-- > 0;)
            v = v << 8 | op->data[i];
        buf_printf(text, "QWORD:%" PRIu64 "\r\n", v);
        return NULL;
    }
    if (op->type == REG_TYPE_BINARY) {
        buf_puts(text, "BINARY:");
        for (size_t i = 0; i < op->len; i++)
            buf_printf(text, "%02x", op->data[i]);
        buf_puts(text, "\r\n");
        return NULL;
    }
    if ((op->type == REG_TYPE_SZ || op->type == REG_TYPE_EXPAND_SZ) &&
        clean_strings(op, texts, &count)) {
        if (has_control(texts->data, strlen(texts->data)))
            return cannot(arena, op, "LGPO text", "a string with a line break or a control character");
        buf_puts(text, op->type == REG_TYPE_SZ ? "SZ:" : "EXSZ:");
        buf_puts(text, texts->data);
        buf_puts(text, "\r\n");
        return lgpo_trailing_space(arena, op, texts->data);
    }
    /* Each NUL but the last is written \0; the reader adds the last, after
     * the NUL that ends the last string: the data must end with an empty
     * string (or be one NUL, no string at all). */
    if (op->type == REG_TYPE_MULTI_SZ && op->len % 2 == 0 &&
        (op->len == 2 || (op->len >= 4 && !memcmp(op->data + op->len - 4, "\0\0\0\0", 4))) &&
        !memcmp(op->data + op->len - 2, "\0\0", 2)) {
        buf_clear(texts);
        text_from_utf16le(op->data, op->len - 2, texts);
        buf_puts(text, "MULTISZ:");
        for (size_t i = 0; i < texts->len; i++) {
            char c = texts->data[i];
            if (c == '\0') {
                buf_puts(text, "\\0");
                continue;
            }
            if ((unsigned char)c < 0x20 || (c == '\\' && i + 1 < texts->len && texts->data[i + 1] == '0'))
                return cannot(arena, op, "LGPO text",
                              "a multi-string with a line break, a control character or \"\\0\" "
                              "in a string");
            buf_putc(text, c);
        }
        buf_puts(text, "\r\n");
        return NULL;
    }
    return cannot(arena, op, "LGPO text",
                  arena_printf(arena, "%s data of %zu bytes (its actions are DWORD:, QWORD:, SZ:, "
                                      "EXSZ:, MULTISZ: and BINARY:)",
                               type_text(arena, op->type), op->len));
}

const char *polwrite_lgpo(const struct polop_list *ops, enum text_encoding encoding,
                          struct arena *arena, struct buf *out, size_t *lossy)
{
    struct buf text = BUF_INIT, texts = BUF_INIT;
    buf_puts(&text, "; LGPO text written by reglint\r\n\r\n");
    const char *error = NULL;
    for (size_t i = 0; i < ops->n && !error; i++) {
        const struct polop *op = &ops->items[i];
        const char *problem;
        if (op->root != REG_ROOT_HKLM && op->root != REG_ROOT_HKCU) {
            error = cannot(arena, op, "LGPO text",
                           "a key outside HKEY_LOCAL_MACHINE (Computer) and HKEY_CURRENT_USER (User)");
            break;
        }
        const char *key = op->key, *child = NULL;
        size_t key_len = strlen(op->key);
        if (op->kind == POLOP_SET_IF_ABSENT) {
            error = cannot(arena, op, "LGPO text", "a value set only where it is absent (**soft.)");
            break;
        }
        if (op->kind == POLOP_DELETE_KEY) {
            if ((error = deleted_subkey(arena, op, "LGPO text", &child)) != NULL)
                break;
            key_len = (size_t)(child - 1 - key);
        }
        if ((problem = lgpo_line_problem(key, key_len)) != NULL ||
            (child && (problem = lgpo_line_problem(child, strlen(child))) != NULL)) {
            error = cannot(arena, op, "LGPO text", arena_printf(arena, "a key that is %s", problem));
            break;
        }
        bool named = op->kind == POLOP_SET || op->kind == POLOP_DELETE_VALUE;
        if (named && op->name_len == 0) {
            error = cannot(arena, op, "LGPO text", "the default value (a record names its value on a line)");
            break;
        }
        if (named && ((op->name_len == 1 && op->name[0] == '*') ||
                      (problem = lgpo_line_problem(op->name, op->name_len)) != NULL)) {
            error = cannot(arena, op, "LGPO text",
                           op->name[0] == '*' && op->name_len == 1
                               ? "a value named \"*\" (it stands for the whole key)"
                               : arena_printf(arena, "a value name that is %s", problem));
            break;
        }
        buf_puts(&text, op->root == REG_ROOT_HKLM ? "Computer\r\n" : "User\r\n");
        buf_append(&text, key, key_len);
        buf_puts(&text, "\r\n");
        if (named)
            buf_append(&text, op->name, op->name_len);
        else
            buf_puts(&text, child ? child : "*");
        buf_puts(&text, "\r\n");
        if (op->kind == POLOP_SET)
            error = lgpo_set(op, arena, &text, &texts);
        else if (op->kind == POLOP_DELETE_VALUE)
            buf_puts(&text, "DELETE\r\n");
        else if (op->kind == POLOP_DELETE_VALUES)
            buf_puts(&text, "DELETEALLVALUES\r\n");
        else
            buf_puts(&text, child ? "DELETEKEYS\r\n" : "CREATEKEY\r\n");
        buf_puts(&text, "\r\n");
    }
    text_encode_bom(encoding, out);
    text_encode(text.data, text.len, encoding, out, lossy);
    buf_free(&text);
    buf_free(&texts);
    return error;
}

/* ---- GPP Registry.xml ---- */

/* Appends `s` as XML attribute or element text; NULL, or why it cannot be. */
static const char *put_xml(struct buf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t at = i;
        uint32_t cp = text_next_cp(s, n, &i);
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
            return "a character XML cannot hold (an unpaired surrogate or a non-character)";
        switch (cp) {
        case '&':
            buf_puts(out, "&amp;");
            break;
        case '<':
            buf_puts(out, "&lt;");
            break;
        case '>':
            buf_puts(out, "&gt;");
            break;
        case '"':
            buf_puts(out, "&quot;");
            break;
        case '\t':
        case '\n':
        case '\r':
            buf_printf(out, "&#%u;", (unsigned)cp);
            break;
        default:
            if (cp < 0x20)
                return "a control character XML 1.0 cannot hold";
            buf_append(out, s + at, i - at);
            break;
        }
    }
    return NULL;
}

static const char *hive_name(enum reg_root root)
{
    return root == REG_ROOT_HKDD ? NULL : reg_root_name(root);
}

/* The item's uid: a GUID-shaped hash of its place and contents, so that the
 * same operations give the same file. */
static void put_uid(struct buf *out, size_t index, const struct polop *op)
{
    uint64_t h[2] = {UINT64_C(0xcbf29ce484222325), UINT64_C(0x84222325cbf29ce4)};
    for (int half = 0; half < 2; half++) {
        char head[64];
        int n = snprintf(head, sizeof head, "%zu|%d|%d|%" PRIu32 "|", index, (int)op->kind,
                         (int)op->root, op->type);
        const char *parts[] = {head, op->key, op->name, (const char *)op->data};
        const size_t lens[] = {(size_t)n, strlen(op->key), op->name_len, op->len};
        for (size_t p = 0; p < 4; p++)
            for (size_t i = 0; i < lens[p]; i++)
                h[half] = (h[half] ^ (unsigned char)parts[p][i]) * UINT64_C(0x100000001b3);
    }
    char hex[33];
    snprintf(hex, sizeof hex, "%016" PRIX64 "%016" PRIX64, h[0], h[1]);
    buf_printf(out, "{%.8s-%.4s-%.4s-%.4s-%.12s}", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

/* Appends the Properties attributes type and value (and the Values element
 * of a multi-string, after closing the tag) and the element's end. */
static const char *gpp_value(const struct polop *op, struct arena *arena, struct buf *out,
                             struct buf *texts)
{
    static const char hex[] = "0123456789ABCDEF";
    const char *name = type_name(op->type);
    size_t count;
    const char *problem = NULL;
    switch (op->type) {
    case REG_TYPE_SZ:
    case REG_TYPE_EXPAND_SZ:
    case REG_TYPE_MULTI_SZ:
        if (!clean_strings(op, texts, &count))
            return cannot(arena, op, "GPP Registry.xml",
                          arena_printf(arena, "%s data that is not a list of whole strings", name));
        buf_printf(out, " type=\"%s\" value=\"", name);
        for (size_t i = 0, at = 0; i < count && !problem; i++) {
            size_t len = strlen(texts->data + at);
            if (i > 0)
                buf_putc(out, ' ');
            problem = put_xml(out, texts->data + at, len);
            at += len + 1;
        }
        buf_putc(out, '"');
        if (op->type == REG_TYPE_MULTI_SZ && !problem) {
            buf_puts(out, "><Values>");
            for (size_t i = 0, at = 0; i < count && !problem; i++) {
                size_t len = strlen(texts->data + at);
                buf_puts(out, "<Value>");
                problem = put_xml(out, texts->data + at, len);
                buf_puts(out, "</Value>");
                at += len + 1;
            }
            buf_puts(out, "</Values></Properties>");
        } else {
            buf_puts(out, "/>");
        }
        return problem ? cannot(arena, op, "GPP Registry.xml", arena_printf(arena, "a string with %s", problem))
                       : NULL;
    case REG_TYPE_DWORD:
    case REG_TYPE_QWORD:
        if (op->len != (op->type == REG_TYPE_DWORD ? 4u : 8u))
            return cannot(arena, op, "GPP Registry.xml",
                          arena_printf(arena, "%s data of %zu bytes", name, op->len));
        buf_printf(out, " type=\"%s\" value=\"", name);
        for (size_t i = op->len; i-- > 0;) {
            buf_putc(out, hex[op->data[i] >> 4]);
            buf_putc(out, hex[op->data[i] & 15]);
        }
        buf_puts(out, "\"/>");
        return NULL;
    case REG_TYPE_BINARY:
        buf_puts(out, " type=\"REG_BINARY\" value=\"");
        for (size_t i = 0; i < op->len; i++) {
            buf_putc(out, hex[op->data[i] >> 4]);
            buf_putc(out, hex[op->data[i] & 15]);
        }
        buf_puts(out, "\"/>");
        return NULL;
    default:
        return cannot(arena, op, "GPP Registry.xml",
                      arena_printf(arena, "%s (its types are REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ, "
                                          "REG_DWORD, REG_QWORD and REG_BINARY)",
                                   type_text(arena, op->type)));
    }
}

/* The image number the Group Policy editor shows an item with: keys 0-3,
 * string values 5-8, other values 10-13, by action Create, Replace,
 * Update, Delete. */
static int gpp_image(const struct polop *op)
{
    int action = op->kind == POLOP_SET_IF_ABSENT                          ? 0
                 : op->kind == POLOP_SET || op->kind == POLOP_CREATE_KEY ? 2
                                                                         : 3;
    if (op->kind == POLOP_CREATE_KEY || op->kind == POLOP_DELETE_KEY)
        return action;
    bool stringish = op->kind == POLOP_DELETE_VALUE || op->type == REG_TYPE_SZ ||
                     op->type == REG_TYPE_EXPAND_SZ || op->type == REG_TYPE_MULTI_SZ;
    return (stringish ? 5 : 10) + action;
}

const char *polwrite_gpp(const struct polop_list *ops, struct arena *arena, struct buf *out)
{
    buf_puts(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
                  "<RegistrySettings clsid=\"{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}\">\r\n");
    struct buf texts = BUF_INIT, shown = BUF_INIT;
    const char *error = NULL;
    for (size_t i = 0; i < ops->n && !error; i++) {
        const struct polop *op = &ops->items[i];
        const char *hive = hive_name(op->root), *problem;
        if (!hive) {
            error = cannot(arena, op, "GPP Registry.xml", "a key under HKEY_DYN_DATA");
            break;
        }
        if (op->kind == POLOP_DELETE_VALUES) {
            error = cannot(arena, op, "GPP Registry.xml", "a deletion of every value of a key (**delvals.)");
            break;
        }
        bool key_item = op->kind == POLOP_CREATE_KEY || op->kind == POLOP_DELETE_KEY;
        /* The item's display name: the value's name, or the key's last segment. */
        const char *last = strrchr(op->key, '\\');
        buf_clear(&shown);
        if (key_item)
            problem = put_xml(&shown, last ? last + 1 : op->key, strlen(last ? last + 1 : op->key));
        else if (op->name_len == 0)
            problem = put_xml(&shown, "(Default)", 9);
        else
            problem = put_xml(&shown, op->name, op->name_len);
        if (!problem) {
            buf_printf(out, "\t<Registry clsid=\"{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}\" "
                            "name=\"%.*s\" status=\"%.*s\" image=\"%d\" uid=\"",
                       (int)shown.len, shown.data, (int)shown.len, shown.data, gpp_image(op));
            put_uid(out, i, op);
            buf_printf(out, "\"><Properties action=\"%c\" displayDecimal=\"0\" default=\"%d\" "
                            "hive=\"%s\" key=\"",
                       op->kind == POLOP_SET_IF_ABSENT                          ? 'C'
                       : op->kind == POLOP_SET || op->kind == POLOP_CREATE_KEY ? 'U'
                                                                               : 'D',
                       !key_item && op->name_len == 0, hive);
            problem = put_xml(out, op->key, strlen(op->key));
        }
        if (!problem) {
            buf_puts(out, "\" name=\"");
            problem = put_xml(out, key_item ? "" : op->name, key_item ? 0 : op->name_len);
            buf_putc(out, '"');
        }
        if (problem) {
            error = cannot(arena, op, "GPP Registry.xml", arena_printf(arena, "a name with %s", problem));
            break;
        }
        if (op->kind == POLOP_SET || op->kind == POLOP_SET_IF_ABSENT)
            error = gpp_value(op, arena, out, &texts);
        else if (op->kind == POLOP_DELETE_VALUE)
            buf_puts(out, " type=\"REG_SZ\" value=\"\"/>");
        else
            buf_puts(out, "/>");
        buf_puts(out, "</Registry>\r\n");
    }
    buf_puts(out, "</RegistrySettings>\r\n");
    buf_free(&texts);
    buf_free(&shown);
    return error;
}
