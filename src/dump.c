#include "dump.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char *const type_names[] = {
    "REG_NONE",
    "REG_SZ",
    "REG_EXPAND_SZ",
    "REG_BINARY",
    "REG_DWORD",
    "REG_DWORD_BIG_ENDIAN",
    "REG_LINK",
    "REG_MULTI_SZ",
    "REG_RESOURCE_LIST",
    "REG_FULL_RESOURCE_DESCRIPTOR",
    "REG_RESOURCE_REQUIREMENTS_LIST",
    "REG_QWORD",
};

const char *dump_type_name(uint32_t type, char scratch[16])
{
    if (type < sizeof type_names / sizeof type_names[0])
        return type_names[type];
    snprintf(scratch, 16, "hex(%x)", (unsigned)type);
    return scratch;
}

/* Names print as UTF-8 with control characters as \xHH. */
static void put_name(struct buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7F)
            buf_printf(b, "\\x%02x", c);
        else
            buf_putc(b, (char)c);
    }
}

/* One output line: its sort prefix (key path, then name; or "KEY\tpath") and
 * the value it shows, if any. */
struct line {
    size_t offset; /* of the prefix in the text buffer, which may still move */
    size_t prefix_len;
    const char *prefix;
    const struct model_value *value;
};

static int compare_lines(const void *pa, const void *pb)
{
    const struct line *a = pa, *b = pb;
    size_t n = a->prefix_len < b->prefix_len ? a->prefix_len : b->prefix_len;
    int c = memcmp(a->prefix, b->prefix, n);
    if (c)
        return c;
    /* A shorter prefix sorts first: it is followed by a TAB (0x09), lower
     * than any printed character. */
    return (a->prefix_len > b->prefix_len) - (a->prefix_len < b->prefix_len);
}

static void collect(const struct model *m, const struct model_key *k, struct buf *text,
                    struct line **lines, size_t *n, size_t *cap, struct buf *path)
{
    /* Iterative over siblings, recursive over depth (at most 512 levels). */
    for (; k; k = k->next_sibling) {
        if (k->exists) {
            size_t path_len = path->len;
            if (k->parent)
                buf_putc(path, '\\');
            put_name(path, k->name.s, k->name.len);
            if (k->named) {
                bool any = false;
                for (const struct model_value *v = k->first_value; v; v = v->next) {
                    if (!v->exists)
                        continue;
                    any = true;
                    size_t start = text->len;
                    buf_append(text, path->data, path->len);
                    buf_putc(text, '\t');
                    if (v->name.len)
                        put_name(text, v->name.s, v->name.len);
                    else
                        buf_putc(text, '@');
                    *lines = xgrow(*lines, cap, *n + 1, sizeof **lines);
                    (*lines)[(*n)++] = (struct line){start, text->len - start, NULL, v};
                }
                if (!any) {
                    size_t start = text->len;
                    buf_puts(text, "KEY\t");
                    buf_append(text, path->data, path->len);
                    *lines = xgrow(*lines, cap, *n + 1, sizeof **lines);
                    (*lines)[(*n)++] = (struct line){start, text->len - start, NULL, NULL};
                }
            }
            collect(m, k->first_child, text, lines, n, cap, path);
            path->len = path_len;
            path->data[path_len] = '\0';
        }
    }
}

void dump_model(const struct model *m, FILE *out)
{
    struct buf text = BUF_INIT, path = BUF_INIT, data = BUF_INIT, line = BUF_INIT;
    struct line *lines = NULL;
    size_t n = 0, cap = 0;
    for (int r = 0; r < REG_ROOT_COUNT; r++)
        collect(m, m->roots[r], &text, &lines, &n, &cap, &path);
    for (size_t i = 0; i < n; i++)
        lines[i].prefix = text.data + lines[i].offset;
    if (n > 1) /* qsort's pointer must not be NULL, even for no elements */
        qsort(lines, n, sizeof *lines, compare_lines);
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        buf_clear(&line);
        buf_append(&line, lines[i].prefix, lines[i].prefix_len);
        const struct model_value *v = lines[i].value;
        if (v) {
            char scratch[16];
            buf_putc(&line, '\t');
            buf_puts(&line, dump_type_name(model_value_type(m, v), scratch));
            buf_putc(&line, '\t');
            buf_clear(&data);
            model_value_data(m, v, &data);
            buf_reserve(&line, data.len * 2);
            for (size_t k = 0; k < data.len; k++) {
                unsigned char c = (unsigned char)data.data[k];
                line.data[line.len++] = hex[c >> 4];
                line.data[line.len++] = hex[c & 15];
            }
        }
        buf_putc(&line, '\n');
        fwrite(line.data, 1, line.len, out);
    }
    free(lines);
    buf_free(&text);
    buf_free(&path);
    buf_free(&data);
    buf_free(&line);
}
