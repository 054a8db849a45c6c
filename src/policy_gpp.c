/* Group Policy Preferences Registry.xml ([MS-GPPREF] 2.2.1.3): a small,
 * strict XML reader and what each Registry item does. See policy.h.
 *
 * The XML reader takes what these files hold: an optional <?xml ...?>
 * declaration, comments, elements with single- or double-quoted attributes,
 * text, the five predefined entities and character references. It refuses,
 * as not well-formed, a document type declaration, CDATA sections,
 * processing instructions after the declaration, mismatched or unclosed
 * tags, more than XML_MAX_DEPTH nested elements and more than
 * XML_MAX_ATTRIBUTES attributes on one element. Namespaces are not
 * interpreted (a prefix is part of the name). */
#include "policy.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

#define XML_MAX_DEPTH 64
#define XML_MAX_ATTRIBUTES 64

struct xml_attr {
    const char *name;
    const char *value; /* entities replaced */
};

struct xml_node {
    const char *name;
    struct xml_attr *attrs;
    size_t nattrs;
    struct xml_node *first_child, *next;
    const char *text; /* the text directly inside, entities replaced */
    uint32_t line;
    uint32_t offset;
};

struct xml_reader {
    const char *s;
    size_t n, at;
    struct arena *arena;
    const char *error; /* set on the first problem */
    uint32_t error_at;
    size_t counted;    /* line_of(): lines are counted up to here */
    uint32_t line;     /* the line `counted` is on */
};

static bool xml_fail(struct xml_reader *x, const char *why)
{
    if (!x->error) {
        x->error = why;
        x->error_at = (uint32_t)x->at;
    }
    return false;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == ':' || c == '-' || c == '.' || (unsigned char)c >= 0x80;
}

static void skip_space(struct xml_reader *x)
{
    while (x->at < x->n && is_space(x->s[x->at]))
        x->at++;
}

static bool starts(const struct xml_reader *x, const char *lit)
{
    size_t k = strlen(lit);
    return x->n - x->at >= k && memcmp(x->s + x->at, lit, k) == 0;
}

static const char *read_name(struct xml_reader *x)
{
    size_t a = x->at;
    while (x->at < x->n && is_name_char(x->s[x->at]))
        x->at++;
    if (x->at == a)
        return NULL;
    return arena_strndup(x->arena, x->s + a, x->at - a);
}

/* Replaces entity and character references in s[a..e). */
static const char *unescape(struct xml_reader *x, size_t a, size_t e)
{
    struct buf b = BUF_INIT;
    for (size_t i = a; i < e;) {
        if (x->s[i] != '&') {
            buf_putc(&b, x->s[i++]);
            continue;
        }
        const char *semi = memchr(x->s + i, ';', e - i);
        if (!semi) {
            x->at = i;
            xml_fail(x, "an '&' that starts no reference");
            break;
        }
        size_t len = (size_t)(semi - (x->s + i)) + 1;
        static const struct {
            const char *ref;
            char c;
        } named[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        bool done = false;
        for (size_t k = 0; k < sizeof named / sizeof named[0] && !done; k++)
            if (len == strlen(named[k].ref) && memcmp(x->s + i, named[k].ref, len) == 0) {
                buf_putc(&b, named[k].c);
                done = true;
            }
        if (!done && len > 3 && x->s[i + 1] == '#') {
            bool hex = x->s[i + 2] == 'x';
            uint32_t cp = 0;
            bool ok = true;
            for (size_t k = i + (hex ? 3 : 2); k < i + len - 1 && ok; k++) {
                char ch = x->s[k];
                unsigned d = ch >= '0' && ch <= '9' ? (unsigned)(ch - '0')
                             : hex && ch >= 'a' && ch <= 'f' ? (unsigned)(ch - 'a' + 10)
                             : hex && ch >= 'A' && ch <= 'F' ? (unsigned)(ch - 'A' + 10)
                                                             : 99;
                ok = d < (hex ? 16u : 10u) && cp <= 0x10FFFF;
                cp = cp * (hex ? 16 : 10) + d;
            }
            if (ok && cp > 0 && cp <= 0x10FFFF) {
                text_put_utf8(&b, cp);
                done = true;
            }
        }
        if (!done) {
            x->at = i;
            xml_fail(x, "an unknown entity or character reference");
            break;
        }
        i += len;
    }
    const char *r = arena_strndup(x->arena, b.data ? b.data : "", b.len);
    buf_free(&b);
    return r;
}

/* Skips comments and blanks between markup. */
static bool skip_misc(struct xml_reader *x)
{
    for (;;) {
        skip_space(x);
        if (!starts(x, "<!--"))
            return true;
        const char *end = NULL;
        for (size_t i = x->at + 4; i + 3 <= x->n; i++)
            if (memcmp(x->s + i, "-->", 3) == 0) {
                end = x->s + i;
                break;
            }
        if (!end)
            return xml_fail(x, "a comment that is not closed");
        x->at = (size_t)(end - x->s) + 3;
    }
}

/* The line of offset `at`; offsets are asked for in increasing order, so
 * lines are counted once. */
static uint32_t line_of(struct xml_reader *x, size_t at)
{
    if (at < x->counted) {
        x->counted = 0;
        x->line = 1;
    }
    for (size_t i = x->counted; i < at && i < x->n; i++)
        if (x->s[i] == '\n' || (x->s[i] == '\r' && (i + 1 >= x->n || x->s[i + 1] != '\n')))
            x->line++;
    x->counted = at;
    return x->line;
}

static struct xml_node *read_element(struct xml_reader *x, unsigned depth);

/* The content of `node` up to its end tag. */
static bool read_content(struct xml_reader *x, struct xml_node *node, unsigned depth)
{
    struct xml_node **tail = &node->first_child;
    struct buf text = BUF_INIT;
    for (;;) {
        size_t a = x->at;
        while (x->at < x->n && x->s[x->at] != '<')
            x->at++;
        if (x->at > a) {
            const char *t = unescape(x, a, x->at);
            if (x->error)
                break;
            buf_puts(&text, t);
        }
        if (x->at >= x->n) {
            xml_fail(x, "the document ends inside an element");
            break;
        }
        if (starts(x, "<!--")) {
            if (!skip_misc(x))
                break;
            continue;
        }
        if (starts(x, "<![CDATA[") || starts(x, "<!") || starts(x, "<?")) {
            xml_fail(x, "CDATA, a declaration or a processing instruction, which Registry.xml files do not hold");
            break;
        }
        if (starts(x, "</")) {
            x->at += 2;
            const char *name = read_name(x);
            skip_space(x);
            if (!name || strcmp(name, node->name) != 0 || x->at >= x->n || x->s[x->at] != '>') {
                xml_fail(x, "an end tag that does not match its start tag");
                break;
            }
            x->at++;
            node->text = arena_strndup(x->arena, text.data ? text.data : "", text.len);
            buf_free(&text);
            return true;
        }
        struct xml_node *element = read_element(x, depth + 1);
        if (!element)
            break;
        *tail = element;
        tail = &element->next;
    }
    buf_free(&text);
    return false;
}

static struct xml_node *read_element(struct xml_reader *x, unsigned depth)
{
    if (depth > XML_MAX_DEPTH) {
        xml_fail(x, "elements nested more than 64 deep");
        return NULL;
    }
    size_t start = x->at;
    if (!starts(x, "<")) {
        xml_fail(x, "no element where one must start");
        return NULL;
    }
    x->at++;
    struct xml_node *node = arena_alloc(x->arena, sizeof *node);
    node->offset = (uint32_t)start;
    node->line = line_of(x, start);
    node->name = read_name(x);
    if (!node->name) {
        xml_fail(x, "a '<' not followed by a name");
        return NULL;
    }
    struct xml_attr attrs[XML_MAX_ATTRIBUTES];
    for (;;) {
        size_t before = x->at;
        skip_space(x);
        if (starts(x, "/>")) {
            x->at += 2;
            break;
        }
        if (starts(x, ">")) {
            x->at++;
            if (!read_content(x, node, depth))
                return NULL;
            break;
        }
        if (x->at == before) {
            xml_fail(x, "no blank between attributes, or an unexpected character in a tag");
            return NULL;
        }
        if (node->nattrs == XML_MAX_ATTRIBUTES) {
            xml_fail(x, "more than 64 attributes on one element");
            return NULL;
        }
        const char *name = read_name(x);
        skip_space(x);
        if (!name || x->at >= x->n || x->s[x->at] != '=') {
            xml_fail(x, "an attribute without '=' and a value");
            return NULL;
        }
        x->at++;
        skip_space(x);
        char q = x->at < x->n ? x->s[x->at] : 0;
        if (q != '"' && q != '\'') {
            xml_fail(x, "an attribute value without quotes");
            return NULL;
        }
        size_t a = ++x->at;
        while (x->at < x->n && x->s[x->at] != q && x->s[x->at] != '<')
            x->at++;
        if (x->at >= x->n || x->s[x->at] != q) {
            xml_fail(x, "an attribute value that is not closed");
            return NULL;
        }
        const char *value = unescape(x, a, x->at);
        if (x->error)
            return NULL;
        x->at++;
        for (size_t k = 0; k < node->nattrs; k++)
            if (strcmp(attrs[k].name, name) == 0) {
                xml_fail(x, "an attribute given twice");
                return NULL;
            }
        attrs[node->nattrs++] = (struct xml_attr){name, value};
    }
    /* arena_memdup() gives bytes with no alignment; attributes hold pointers. */
    node->attrs = arena_alloc(x->arena, node->nattrs * sizeof *attrs + 1);
    memcpy(node->attrs, attrs, node->nattrs * sizeof *attrs);
    return node;
}

/* The root element, after an optional declaration and comments. */
static struct xml_node *xml_parse(struct xml_reader *x)
{
    if (starts(x, "<?xml")) {
        const char *end = NULL;
        for (size_t i = x->at; i + 2 <= x->n; i++)
            if (memcmp(x->s + i, "?>", 2) == 0) {
                end = x->s + i;
                break;
            }
        if (!end) {
            xml_fail(x, "an XML declaration that is not closed");
            return NULL;
        }
        x->at = (size_t)(end - x->s) + 2;
    }
    if (!skip_misc(x))
        return NULL;
    if (starts(x, "<!")) {
        xml_fail(x, "a document type declaration, which Registry.xml files do not hold");
        return NULL;
    }
    struct xml_node *root = read_element(x, 1);
    if (!root || !skip_misc(x))
        return NULL;
    if (x->at < x->n) {
        xml_fail(x, "text after the root element");
        return NULL;
    }
    return root;
}

static const char *attr(const struct xml_node *node, const char *name)
{
    for (size_t i = 0; i < node->nattrs; i++)
        if (strcmp(node->attrs[i].name, name) == 0)
            return node->attrs[i].value;
    return NULL;
}

static const struct xml_node *child(const struct xml_node *node, const char *name)
{
    for (const struct xml_node *c = node->first_child; c; c = c->next)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

/* ------------------------------------------------------------- meaning */

struct gpp_ctx {
    struct source *src;
    struct arena *arena;
    struct diag_list *diags;
    struct policy_ops *out;
};

static struct policy_op *note(struct gpp_ctx *c, const struct xml_node *item, const char *text)
{
    struct policy_op *op = policy_ops_add(c->out);
    op->kind = POLICY_NOTE;
    op->name = text;
    op->name_len = (uint32_t)strlen(text);
    op->number = item->line;
    op->offset = item->offset;
    return op;
}

static void skipped(struct gpp_ctx *c, const struct xml_node *item, const char *what)
{
    diag_add(c->diags, RULE_SKIPPED_POLICY_RECORD, c->src, policy_origin_span(item->line), "%s", what);
    note(c, item, arena_printf(c->arena, "line %u skipped: %s", (unsigned)item->line, what));
}

static const struct {
    const char *name;
    enum reg_root root;
} gpp_hives[] = {
    {"HKEY_LOCAL_MACHINE", REG_ROOT_HKLM}, {"HKEY_CURRENT_USER", REG_ROOT_HKCU},
    {"HKEY_USERS", REG_ROOT_HKU},          {"HKEY_CLASSES_ROOT", REG_ROOT_HKCR},
    {"HKEY_CURRENT_CONFIG", REG_ROOT_HKCC},
};

static const struct {
    const char *name;
    uint32_t type;
} gpp_types[] = {
    {"REG_SZ", REG_TYPE_SZ},         {"REG_EXPAND_SZ", REG_TYPE_EXPAND_SZ},
    {"REG_BINARY", REG_TYPE_BINARY}, {"REG_DWORD", REG_TYPE_DWORD},
    {"REG_MULTI_SZ", REG_TYPE_MULTI_SZ}, {"REG_QWORD", REG_TYPE_QWORD},
};

static struct policy_op *gpp_op(struct gpp_ctx *c, const struct xml_node *item,
                                enum policy_op_kind kind, enum reg_root root, const char *key,
                                const char *name)
{
    struct policy_op *op = policy_ops_add(c->out);
    op->kind = kind;
    op->root = root;
    while (*key == '\\')
        key++;
    size_t klen = strlen(key);
    while (klen && key[klen - 1] == '\\')
        klen--;
    op->key = arena_strndup(c->arena, key, klen);
    op->key_len = (uint32_t)klen;
    op->name = name;
    op->name_len = (uint32_t)strlen(name);
    op->number = item->line;
    op->offset = item->offset;
    return op;
}

/* Hexadecimal digits as a little-endian number of `size` bytes. */
static bool hex_number(const char *s, uint32_t size, unsigned char *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 2 * size)
        return false;
    unsigned long long v = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        unsigned d = ch >= '0' && ch <= '9' ? (unsigned)(ch - '0')
                     : ch >= 'a' && ch <= 'f' ? (unsigned)(ch - 'a' + 10)
                     : ch >= 'A' && ch <= 'F' ? (unsigned)(ch - 'A' + 10)
                                              : 99;
        if (d > 15)
            return false;
        v = v << 4 | d;
    }
    for (uint32_t i = 0; i < size; i++)
        out[i] = (unsigned char)(v >> (8 * i));
    return true;
}

/* The data of a value item; false (and a finding) when it cannot be read. */
static bool item_data(struct gpp_ctx *c, const struct xml_node *item, const struct xml_node *props,
                      struct policy_op *op)
{
    const char *value = attr(props, "value");
    if (!value)
        value = "";
    struct buf b = BUF_INIT;
    bool ok = true;
    switch (op->type) {
    case REG_TYPE_DWORD:
    case REG_TYPE_QWORD: {
        uint32_t size = op->type == REG_TYPE_DWORD ? 4 : 8;
        unsigned char bytes[8];
        ok = hex_number(value, size, bytes);
        if (ok)
            buf_append(&b, bytes, size);
        else
            skipped(c, item, op->type == REG_TYPE_DWORD ? "REG_DWORD value must be up to 8 hexadecimal digits"
                                                        : "REG_QWORD value must be up to 16 hexadecimal digits");
        break;
    }
    case REG_TYPE_BINARY:
        for (size_t i = 0; value[i] && ok; i += 2) {
            unsigned char byte[1];
            char pair[3] = {value[i], value[i + 1], 0};
            ok = value[i + 1] && hex_number(pair, 1, byte);
            if (ok)
                buf_putc(&b, (char)byte[0]);
        }
        if (!ok)
            skipped(c, item, "REG_BINARY value must be pairs of hexadecimal digits");
        break;
    case REG_TYPE_MULTI_SZ: {
        const struct xml_node *values = child(props, "Values");
        for (const struct xml_node *v = values ? values->first_child : NULL; v; v = v->next) {
            if (strcmp(v->name, "Value") != 0)
                continue;
            text_to_utf16le(v->text, strlen(v->text), &b);
            buf_putc(&b, 0);
            buf_putc(&b, 0);
        }
        if (!values && *value) {
            text_to_utf16le(value, strlen(value), &b);
            buf_putc(&b, 0);
            buf_putc(&b, 0);
        }
        buf_putc(&b, 0);
        buf_putc(&b, 0);
        break;
    }
    default:
        text_to_utf16le(value, strlen(value), &b);
        buf_putc(&b, 0);
        buf_putc(&b, 0);
        break;
    }
    if (ok) {
        op->data = arena_memdup(c->arena, b.data ? b.data : "", b.len);
        op->size = (uint32_t)b.len;
    }
    buf_free(&b);
    return ok;
}

/* Filters other than "apply once" make an item conditional. */
static const struct xml_node *targeting(const struct xml_node *item)
{
    const struct xml_node *filters = child(item, "Filters");
    for (const struct xml_node *f = filters ? filters->first_child : NULL; f; f = f->next)
        if (strcmp(f->name, "FilterRunOnce") != 0)
            return f;
    return NULL;
}

static bool is_set(const char *v)
{
    return v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

static void registry_item(struct gpp_ctx *c, const struct xml_node *item)
{
    const struct xml_node *props = child(item, "Properties");
    if (!props) {
        skipped(c, item, "a Registry item without Properties");
        return;
    }
    const char *label = attr(item, "name");
    if (is_set(attr(item, "disabled"))) {
        diag_add(c->diags, RULE_CONDITIONAL_POLICY_ITEM, c->src, policy_origin_span(item->line),
                 "the item '%s' is disabled: Group Policy does not apply it", label ? label : "");
        note(c, item, arena_printf(c->arena, "line %u: disabled item, not applied", (unsigned)item->line));
        return;
    }
    const struct xml_node *filter = targeting(item);
    if (filter) {
        diag_add(c->diags, RULE_CONDITIONAL_POLICY_ITEM, c->src, policy_origin_span(item->line),
                 "the item '%s' applies only where its item-level targeting (%s) matches; reglint does not apply it",
                 label ? label : "", filter->name);
        note(c, item, arena_printf(c->arena, "line %u: conditional item (%s), not applied",
                                   (unsigned)item->line, filter->name));
        return;
    }
    const char *action = attr(props, "action"), *hive = attr(props, "hive"), *key = attr(props, "key");
    const char *name = attr(props, "name"), *type = attr(props, "type");
    if (!action)
        action = "U";
    enum reg_root root = REG_ROOT_COUNT;
    for (size_t i = 0; hive && i < sizeof gpp_hives / sizeof gpp_hives[0]; i++)
        if (strcmp(hive, gpp_hives[i].name) == 0)
            root = gpp_hives[i].root;
    if (root == REG_ROOT_COUNT) {
        skipped(c, item, "the hive must be HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_USERS, HKEY_CLASSES_ROOT or HKEY_CURRENT_CONFIG");
        return;
    }
    if (!key || !*key) {
        skipped(c, item, "an item without a key");
        return;
    }
    bool is_default = is_set(attr(props, "default"));
    bool key_item = (!name || !*name) && !is_default;
    if (!name || is_default)
        name = "";
    if (strlen(action) != 1 || !strchr("CRUD", action[0])) {
        skipped(c, item, "the action must be C (create), R (replace), U (update) or D (delete)");
        return;
    }
    if (key_item) {
        if (action[0] == 'D' || action[0] == 'R')
            gpp_op(c, item, POLICY_DELETE_KEY, root, key, "");
        if (action[0] != 'D')
            gpp_op(c, item, POLICY_CREATE_KEY, root, key, "");
        return;
    }
    if (action[0] == 'D') {
        gpp_op(c, item, POLICY_DELETE_VALUE, root, key, name);
        return;
    }
    uint32_t t = UINT32_MAX;
    for (size_t i = 0; type && i < sizeof gpp_types / sizeof gpp_types[0]; i++)
        if (strcmp(type, gpp_types[i].name) == 0)
            t = gpp_types[i].type;
    if (t == UINT32_MAX) {
        skipped(c, item, "the type must be REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ, REG_DWORD, REG_QWORD or REG_BINARY");
        return;
    }
    struct policy_op *op = gpp_op(c, item, action[0] == 'C' ? POLICY_SET_IF_ABSENT : POLICY_SET, root, key,
                                  name);
    op->type = t;
    if (!item_data(c, item, props, op)) {
        /* The finding's note took the place after the operation. */
        struct policy_op kept = c->out->ops[c->out->n - 1];
        c->out->n -= 2;
        *policy_ops_add(c->out) = kept;
    }
}

static void walk(struct gpp_ctx *c, const struct xml_node *parent)
{
    for (const struct xml_node *n = parent->first_child; n; n = n->next) {
        if (strcmp(n->name, "Registry") == 0) {
            registry_item(c, n);
        } else if (strcmp(n->name, "Collection") == 0) {
            const char *label = attr(n, "name");
            if (is_set(attr(n, "disabled"))) {
                diag_add(c->diags, RULE_CONDITIONAL_POLICY_ITEM, c->src, policy_origin_span(n->line),
                         "the collection '%s' is disabled: Group Policy applies none of its items",
                         label ? label : "");
                note(c, n, arena_printf(c->arena, "line %u: disabled collection, not applied", (unsigned)n->line));
                continue;
            }
            const struct xml_node *filter = targeting(n);
            if (filter) {
                diag_add(c->diags, RULE_CONDITIONAL_POLICY_ITEM, c->src, policy_origin_span(n->line),
                         "the collection '%s' applies only where its item-level targeting (%s) matches; reglint does not apply it",
                         label ? label : "", filter->name);
                note(c, n, arena_printf(c->arena, "line %u: conditional collection (%s), not applied",
                                        (unsigned)n->line, filter->name));
                continue;
            }
            walk(c, n);
        }
    }
}

void gpp_to_ops(struct source *src, struct arena *arena, struct diag_list *diags,
                struct policy_ops *out)
{
    struct gpp_ctx c = {src, arena, diags, out};
    struct xml_reader x = {src->d.text, src->d.len, 0, arena, NULL, 0, 0, 1};
    struct xml_node *root = xml_parse(&x);
    if (!root || strcmp(root->name, "RegistrySettings") != 0) {
        uint32_t line = line_of(&x, x.error_at);
        const char *why = x.error ? x.error : "the root element is not RegistrySettings";
        diag_add(diags, RULE_INVALID_POLICY_FILE, src, policy_origin_span(line),
                 "not well-formed Registry.xml: %s", why);
        struct policy_op *op = policy_ops_add(out);
        op->kind = POLICY_NOTE;
        op->name = arena_printf(arena, "line %u: reading stops: %s", (unsigned)line, why);
        op->name_len = (uint32_t)strlen(op->name);
        op->number = line;
        op->offset = x.error_at;
        return;
    }
    walk(&c, root);
}
