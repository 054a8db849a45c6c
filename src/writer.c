#include "writer.h"

#include <string.h>

/* regedit starts a new line once a hex line reaches this many characters. */
#define MAX_HEX_CHARS 77

void writer_init(struct reg_writer *w, enum text_encoding encoding)
{
    memset(w, 0, sizeof *w);
    w->encoding = encoding;
}

void writer_release(struct reg_writer *w)
{
    buf_free(&w->text);
}

void writer_header(struct reg_writer *w, enum reg_version version)
{
    buf_puts(&w->text, version == REG_VERSION_4 ? "REGEDIT4\n"
                                                : "Windows Registry Editor Version 5.00\n");
}

void writer_blank(struct reg_writer *w)
{
    buf_putc(&w->text, '\n');
}

void writer_key(struct reg_writer *w, const char *path, size_t len, bool deleting)
{
    buf_puts(&w->text, deleting ? "[-" : "[");
    buf_append(&w->text, path, len);
    buf_puts(&w->text, "]\n");
}

/* Escapes as regedit's exporter does; returns the length in UTF-16 units,
 * which is what regedit counts for wrapping. Values of a large file pass
 * through here: one reservation for the worst case (every byte escaped),
 * then plain stores. */
static size_t put_escaped(struct buf *b, const char *s, size_t n)
{
    buf_reserve(b, 2 * n);
    char *o = b->data + b->len;
    unsigned char high = 0; /* any byte of a multi-byte character */
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        high |= (unsigned char)c;
        switch (c) {
        case '\\':
        case '"':
            *o++ = '\\';
            *o++ = c;
            break;
        case '\r':
            *o++ = '\\';
            *o++ = 'r';
            break;
        case '\n':
            *o++ = '\\';
            *o++ = 'n';
            break;
        default:
            *o++ = c;
        }
    }
    size_t start = b->len;
    b->len = (size_t)(o - b->data);
    *o = '\0';
    /* ASCII: one unit a byte. */
    return high < 0x80 ? b->len - start : text_count_utf16(b->data + start, b->len - start);
}

/* Writes the name and '='; returns its length in UTF-16 units. */
static size_t put_name(struct reg_writer *w, const char *name, size_t len)
{
    if (len == 0) {
        buf_puts(&w->text, "@=");
        return 2;
    }
    buf_putc(&w->text, '"');
    size_t n = put_escaped(&w->text, name, len);
    buf_puts(&w->text, "\"=");
    return n + 3;
}

static void put_hex(struct reg_writer *w, size_t line_len, uint32_t type,
                    const unsigned char *bytes, size_t len)
{
    static const char digits[] = "0123456789abcdef";
    struct buf *b = &w->text;
    size_t tag_start = b->len;
    if (type == REG_TYPE_BINARY) {
        buf_puts(b, "hex:");
    } else {
        /* "hex(%x):", without printf's cost: most values of a policy file
         * have a tag. */
        buf_puts(b, "hex(");
        int shift = 28;
        while (shift > 0 && !(type >> shift))
            shift -= 4;
        for (; shift >= 0; shift -= 4)
            buf_putc(b, digits[(type >> shift) & 15]);
        buf_puts(b, "):");
    }
    line_len += b->len - tag_start;
    /* Three characters a byte and, at most every 25 bytes, a line break of
     * four: reserved at once, then plain stores. */
    buf_reserve(b, len * 3 + (len / 25 + 1) * 4);
    char *o = b->data + b->len;
    for (size_t i = 0; i < len; i++) {
        *o++ = digits[bytes[i] >> 4];
        *o++ = digits[bytes[i] & 15];
        if (i + 1 == len)
            break;
        *o++ = ',';
        line_len += 3;
        if (line_len >= MAX_HEX_CHARS) {
            memcpy(o, "\\\n  ", 4);
            o += 4;
            line_len = 2;
        }
    }
    b->len = (size_t)(o - b->data);
    *o = '\0';
}

void writer_value(struct reg_writer *w, const char *name, size_t name_len, enum reg_form form,
                  uint32_t type, const unsigned char *bytes, size_t len)
{
    size_t line_len = put_name(w, name, name_len);
    switch (form) {
    case REG_FORM_STRING:
        buf_putc(&w->text, '"');
        put_escaped(&w->text, (const char *)bytes, len);
        buf_putc(&w->text, '"');
        break;
    case REG_FORM_DWORD: {
        uint32_t v = (uint32_t)bytes[0] | ((uint32_t)bytes[1] << 8) | ((uint32_t)bytes[2] << 16) |
                     ((uint32_t)bytes[3] << 24);
        static const char digits[] = "0123456789abcdef";
        buf_reserve(&w->text, 14);
        char *o = w->text.data + w->text.len;
        memcpy(o, "dword:", 6);
        o += 6;
        for (int shift = 28; shift >= 0; shift -= 4)
            *o++ = digits[(v >> shift) & 15];
        w->text.len = (size_t)(o - w->text.data);
        *o = '\0';
        break;
    }
    case REG_FORM_HEX:
        put_hex(w, line_len, type, bytes, len);
        break;
    }
    buf_putc(&w->text, '\n');
}

void writer_dword(struct reg_writer *w, const char *name, size_t name_len, uint32_t value)
{
    unsigned char b[4] = {(unsigned char)value, (unsigned char)(value >> 8),
                          (unsigned char)(value >> 16), (unsigned char)(value >> 24)};
    writer_value(w, name, name_len, REG_FORM_DWORD, REG_TYPE_DWORD, b, 4);
}

void writer_string(struct reg_writer *w, const char *name, size_t name_len, const char *text,
                   size_t text_len)
{
    writer_value(w, name, name_len, REG_FORM_STRING, REG_TYPE_SZ, (const unsigned char *)text,
                 text_len);
}

void writer_strings(struct reg_writer *w, const char *name, size_t name_len, uint32_t type,
                    const char *const *strings, size_t count)
{
    struct buf bytes = BUF_INIT;
    /* regedit reads any file without the UTF-16 byte order mark as ANSI and
     * widens hex(2)/hex(7) bytes from ANSI: such a file must list the
     * strings in its own single-byte encoding, not in UTF-16. */
    enum text_encoding enc = w->encoding;
    size_t nul = enc == TEXT_UTF16LE ? 2 : 1;
    for (size_t i = 0; i < count; i++) {
        text_encode(strings[i], strlen(strings[i]), enc, &bytes, &w->unencodable);
        buf_fill(&bytes, '\0', nul);
    }
    /* REG_MULTI_SZ ends with an empty string. */
    if (type == REG_TYPE_MULTI_SZ)
        buf_fill(&bytes, '\0', nul);
    writer_value(w, name, name_len, REG_FORM_HEX, type, (const unsigned char *)bytes.data,
                 bytes.len);
    buf_free(&bytes);
}

void writer_value_delete(struct reg_writer *w, const char *name, size_t name_len)
{
    put_name(w, name, name_len);
    buf_puts(&w->text, "-\n");
}

void writer_append(struct reg_writer *w, const char *s, size_t len)
{
    /* Insert before the line ending of the current line. */
    if (w->text.len > 0 && w->text.data[w->text.len - 1] == '\n') {
        w->text.len--;
        buf_append(&w->text, s, len);
        buf_putc(&w->text, '\n');
    } else {
        buf_append(&w->text, s, len);
    }
}

void writer_line(struct reg_writer *w, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\r') {
            buf_putc(&w->text, '\n');
            if (i + 1 < len && s[i + 1] == '\n')
                i++;
        } else {
            buf_putc(&w->text, s[i]);
        }
    }
    buf_putc(&w->text, '\n');
}

/* The lines with `eol` line endings, as UTF-8 text. */
static void lines_text(const struct reg_writer *w, enum text_eol eol, bool final_newline,
                       struct buf *lines)
{
    const char *eol_chars = text_eol_chars(eol);
    size_t eol_len = strlen(eol_chars);
    const char *s = w->text.data ? w->text.data : "";
    size_t n = w->text.len;
    if (!final_newline && n > 0 && s[n - 1] == '\n')
        n--;
    buf_reserve(lines, n + n / 16);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            buf_append(lines, eol_chars, eol_len);
        else
            buf_putc(lines, s[i]);
    }
}

void writer_finish_text(const struct reg_writer *w, enum text_eol eol, bool final_newline,
                        struct buf *out)
{
    lines_text(w, eol, final_newline, out);
}

size_t writer_finish(struct reg_writer *w, enum text_eol eol, bool final_newline, struct buf *out)
{
    struct buf lines = BUF_INIT;
    lines_text(w, eol, final_newline, &lines);
    size_t lossy = w->unencodable;
    text_encode_bom(w->encoding, out);
    text_encode(lines.data ? lines.data : "", lines.len, w->encoding, out, &lossy);
    buf_free(&lines);
    return lossy;
}
