#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "upcase.h"
#include "xalloc.h"

/* Windows-1252 0x80..0x9F. The undefined bytes (81 8D 8F 90 9D) map to the C1
 * controls of the same value, as MultiByteToWideChar(1252) does. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

uint32_t text_cp1252_decode(unsigned char byte)
{
    if (byte >= 0x80 && byte < 0xA0)
        return cp1252_high[byte - 0x80];
    return byte;
}

int text_cp1252_encode(uint32_t cp)
{
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
        return (int)cp;
    for (int i = 0; i < 32; i++)
        if (cp1252_high[i] == cp)
            return 0x80 + i;
    return -1;
}

void text_put_utf8(struct buf *b, uint32_t cp)
{
    char tmp[4];
    size_t n;
    if (cp < 0x80) {
        buf_putc(b, (char)cp);
        return;
    } else if (cp < 0x800) {
        tmp[0] = (char)(0xC0 | (cp >> 6));
        tmp[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        tmp[0] = (char)(0xE0 | (cp >> 12));
        tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        tmp[0] = (char)(0xF0 | (cp >> 18));
        tmp[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        tmp[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    buf_append(b, tmp, n);
}

uint32_t text_next_cp(const char *s, size_t len, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t left = len - *i;
    unsigned char c = p[0];
    if (c < 0x80) {
        *i += 1;
        return c;
    }
    size_t need;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
    } else {
        *i += 1;
        return 0xFFFD;
    }
    if (left <= need) {
        *i += 1;
        return 0xFFFD;
    }
    for (size_t k = 1; k <= need; k++) {
        if ((p[k] & 0xC0) != 0x80) {
            *i += 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (p[k] & 0x3F);
    }
    /* Reject overlong forms; surrogates are allowed (WTF-8). */
    if ((need == 2 && cp < 0x800) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
        *i += 1;
        return 0xFFFD;
    }
    *i += need + 1;
    return cp;
}

size_t text_count_cps(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

size_t text_count_utf16(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n;)
        count += text_next_cp(s, n, &i) >= 0x10000 ? 2 : 1;
    return count;
}

uint32_t text_upcase(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
    /* The registry compares UTF-16 code units: a character beyond the BMP is
     * a surrogate pair, which the table leaves as it is. */
    if (cp > 0xFFFF)
        return cp;
    /* The last run that starts at or before cp. */
    size_t lo = 0, hi = upcase_run_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (upcase_runs[mid].first <= cp)
            lo = mid;
        else
            hi = mid;
    }
    const struct upcase_run *run = &upcase_runs[lo];
    if (cp < run->first || cp > run->last || (cp - run->first) % run->step != 0)
        return cp;
    return (uint32_t)((int32_t)cp + run->delta);
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool text_ascii_starts_nocase(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    if (len < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower(s[i]) != ascii_lower(prefix[i]))
            return false;
    return true;
}

bool text_ascii_equal_nocase(const char *a, size_t alen, const char *b)
{
    return alen == strlen(b) && text_ascii_starts_nocase(a, alen, b);
}

uint32_t text_name_hash(uint64_t seed, const char *s, size_t len)
{
    uint64_t h = 1469598103934665603u ^ seed;
    for (size_t i = 0; i < len;) {
        uint32_t cp = (unsigned char)s[i] < 0x80 ? (uint32_t)(unsigned char)s[i++]
                                                 : text_next_cp(s, len, &i);
        h = (h ^ text_upcase(cp)) * 1099511628211u;
    }
    return (uint32_t)(h ^ (h >> 32));
}

bool text_names_equal(const char *a, size_t alen, const char *b, size_t blen)
{
    /* Names that differ mostly differ at their end (Value1, Value2): an
     * ASCII byte is a whole character, so last ones that differ in any
     * case decide at once. */
    if (alen && blen) {
        unsigned char ea = (unsigned char)a[alen - 1], eb = (unsigned char)b[blen - 1];
        if (ea < 0x80 && eb < 0x80 && text_upcase(ea) != text_upcase(eb))
            return false;
    }
    /* A name is nearly always written the same way each time. */
    if (alen == blen && memcmp(a, b, alen) == 0)
        return true;
    size_t i = 0, j = 0;
    while (i < alen && j < blen) {
        unsigned char ca = (unsigned char)a[i], cb = (unsigned char)b[j];
        if (ca < 0x80 && cb < 0x80) {
            if (text_upcase(ca) != text_upcase(cb))
                return false;
            i++;
            j++;
            continue;
        }
        if (text_upcase(text_next_cp(a, alen, &i)) != text_upcase(text_next_cp(b, blen, &j)))
            return false;
    }
    return i == alen && j == blen;
}

/* Stores a code unit at p, which has room for it. */
static unsigned char *store_unit(unsigned char *p, uint32_t u)
{
    p[0] = (unsigned char)(u & 0xFF);
    p[1] = (unsigned char)(u >> 8);
    return p + 2;
}

void text_to_utf16le(const char *s, size_t n, struct buf *out)
{
    /* Every byte of WTF-8 gives at most two bytes of UTF-16 (a four-byte
     * form gives four), so one reservation covers the whole text. */
    buf_reserve(out, n * 2);
    unsigned char *p = (unsigned char *)out->data + out->len;
    for (size_t i = 0; i < n;) {
        uint32_t cp = (unsigned char)s[i];
        if (cp < 0x80)
            i++;
        else
            cp = text_next_cp(s, n, &i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            p = store_unit(p, 0xD800 | (cp >> 10));
            p = store_unit(p, 0xDC00 | (cp & 0x3FF));
        } else {
            p = store_unit(p, cp);
        }
    }
    out->len = (size_t)(p - (unsigned char *)out->data);
    out->data[out->len] = '\0';
}

void text_encode(const char *s, size_t n, enum text_encoding enc, struct buf *out,
                 size_t *lossy)
{
    switch (enc) {
    case TEXT_UTF16LE:
        text_to_utf16le(s, n, out);
        return;
    case TEXT_UTF8:
        buf_append(out, s, n);
        return;
    case TEXT_ANSI:
        break;
    }
    buf_reserve(out, n);
    for (size_t i = 0; i < n;) {
        int byte = text_cp1252_encode(text_next_cp(s, n, &i));
        if (byte < 0) {
            byte = '?';
            if (lossy)
                (*lossy)++;
        }
        buf_putc(out, (char)byte);
    }
}

void text_encode_bom(enum text_encoding enc, struct buf *out)
{
    if (enc == TEXT_UTF16LE)
        buf_append(out, "\xFF\xFE", 2);
}

/* UTF-16LE code units to WTF-8, one code unit at a time, carrying a pending
 * high surrogate across chunk boundaries. */
struct text_decoder {
    struct buf out;
    struct decoded_text d;
    bool started;          /* the encoding has been chosen */
    unsigned char head[4]; /* the first bytes, kept for detection */
    size_t head_len;
    size_t total;          /* bytes fed */
    size_t max_decoded;    /* the most decoded text taken */
    bool odd_pending;      /* UTF-16: one byte of a code unit is waiting */
    unsigned char odd_byte;
    uint32_t high_surrogate; /* UTF-16: a high surrogate waiting for its pair */
    /* ANSI: incremental UTF-8 validity check for looks_utf8. */
    bool utf8_valid;
    bool utf8_multibyte;
    unsigned utf8_need;    /* continuation bytes still expected */
    uint32_t utf8_cp;
    unsigned utf8_len;
};

static void note_issue(struct decoded_text *d, enum text_issue_kind kind, size_t offset)
{
    struct text_issue *issue = &d->issues[kind];
    if (issue->count++ == 0)
        issue->first_offset = (uint32_t)offset;
}

static void emit_unit(struct text_decoder *dec, uint32_t u)
{
    struct buf *out = &dec->out;
    if (dec->high_surrogate) {
        if (u >= 0xDC00 && u <= 0xDFFF) {
            text_put_utf8(out, 0x10000 + ((dec->high_surrogate - 0xD800) << 10) + (u - 0xDC00));
            dec->high_surrogate = 0;
            return;
        }
        note_issue(&dec->d, TEXT_ISSUE_LONE_SURROGATE, out->len);
        text_put_utf8(out, dec->high_surrogate);
        dec->high_surrogate = 0;
    }
    if (u < 0x80) {
        if (u == 0)
            note_issue(&dec->d, TEXT_ISSUE_NUL, out->len);
        if (out->len + 1 >= out->cap)
            buf_reserve(out, 1);
        out->data[out->len++] = (char)u;
    } else if (u >= 0xD800 && u <= 0xDBFF) {
        dec->high_surrogate = u;
    } else {
        if (u >= 0xDC00 && u <= 0xDFFF)
            note_issue(&dec->d, TEXT_ISSUE_LONE_SURROGATE, out->len);
        text_put_utf8(out, u);
    }
}

/* Eight bytes as memcpy() loads them, with `byte` at the odd offsets (the
 * high bytes of four UTF-16LE units) and 0 elsewhere, on any byte order. */
static uint64_t odd_bytes(unsigned char byte)
{
    const unsigned char b[8] = {0, byte, 0, byte, 0, byte, 0, byte};
    uint64_t x;
    memcpy(&x, b, sizeof x);
    return x;
}

static void feed_utf16(struct text_decoder *dec, const unsigned char *p, size_t n)
{
    size_t i = 0;
    if (dec->odd_pending && n > 0) {
        emit_unit(dec, (uint32_t)dec->odd_byte | ((uint32_t)p[0] << 8));
        dec->odd_pending = false;
        i = 1;
    }
    /* Room for the worst case (three bytes per unit), so that the run below
     * can store without checking. */
    buf_reserve(&dec->out, (n - i) / 2 * 3 + 4);
    while (i + 1 < n) {
        /* Exports are mostly ASCII: copy runs of it without the checks
         * emit_unit() makes for NULs, surrogates and multi-byte forms. */
        if (!dec->high_surrogate) {
            char *out = dec->out.data;
            size_t len = dec->out.len;
            /* Four units at a time while all four are in 1..0x7F: their high
             * bytes are 0, no byte has its top bit set, and no low byte is 0
             * (the classic test for a zero byte, with the high bytes made 1). */
            const uint64_t high_bytes = odd_bytes(0xFF), high_ones = odd_bytes(1);
            const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
            while (i + 8 <= n) {
                uint64_t x;
                memcpy(&x, p + i, sizeof x);
                uint64_t y = x | high_ones;
                if ((x & (high_bytes | tops)) != 0 || ((y - ones) & ~y & tops) != 0)
                    break;
                out[len] = (char)p[i];
                out[len + 1] = (char)p[i + 2];
                out[len + 2] = (char)p[i + 4];
                out[len + 3] = (char)p[i + 6];
                len += 4;
                i += 8;
            }
            while (i + 1 < n && p[i + 1] == 0 && p[i] != 0 && p[i] < 0x80) {
                out[len++] = (char)p[i];
                i += 2;
            }
            dec->out.len = len;
            if (i + 1 >= n)
                break;
        }
        emit_unit(dec, (uint32_t)p[i] | ((uint32_t)p[i + 1] << 8));
        i += 2;
    }
    if (i < n) {
        dec->odd_pending = true;
        dec->odd_byte = p[i];
    }
}

static void check_utf8_byte(struct text_decoder *dec, unsigned char c)
{
    if (!dec->utf8_valid)
        return;
    if (dec->utf8_need) {
        if ((c & 0xC0) != 0x80) {
            dec->utf8_valid = false;
            return;
        }
        dec->utf8_cp = (dec->utf8_cp << 6) | (c & 0x3F);
        if (--dec->utf8_need == 0) {
            uint32_t cp = dec->utf8_cp;
            if ((dec->utf8_len == 3 && cp < 0x800) || (dec->utf8_len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
                (cp >= 0xD800 && cp <= 0xDFFF))
                dec->utf8_valid = false;
            dec->utf8_multibyte = true;
        }
        return;
    }
    if (c < 0x80)
        return;
    if (c >= 0xC2 && c <= 0xDF) {
        dec->utf8_need = 1;
        dec->utf8_cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        dec->utf8_need = 2;
        dec->utf8_cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        dec->utf8_need = 3;
        dec->utf8_cp = c & 0x07;
    } else {
        dec->utf8_valid = false;
        return;
    }
    dec->utf8_len = dec->utf8_need + 1;
}

static void feed_ansi(struct text_decoder *dec, const unsigned char *p, size_t n)
{
    struct buf *out = &dec->out;
    buf_reserve(out, n);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        check_utf8_byte(dec, c);
        if (c < 0x80) {
            if (c == 0)
                note_issue(&dec->d, TEXT_ISSUE_NUL, out->len);
            if (out->len + 1 >= out->cap)
                buf_reserve(out, 1);
            out->data[out->len++] = (char)c;
        } else {
            text_put_utf8(out, text_cp1252_decode(c));
        }
    }
}

struct text_decoder *text_decoder_new(size_t size_hint, size_t max_decoded)
{
    struct text_decoder *dec = xcalloc(1, sizeof *dec);
    dec->utf8_valid = true;
    dec->max_decoded = max_decoded < TEXT_MAX_DECODED ? max_decoded : TEXT_MAX_DECODED;
    if (size_hint > TEXT_MAX_INPUT)
        size_hint = TEXT_MAX_INPUT;
    buf_reserve(&dec->out, size_hint + 16);
    return dec;
}

/* Chooses the encoding from the first two bytes, as regedit does. */
static void start(struct text_decoder *dec)
{
    const unsigned char *h = dec->head;
    size_t n = dec->head_len;
    dec->started = true;
    if (n >= 2 && h[0] == 0xFF && h[1] == 0xFE) {
        dec->d.encoding = TEXT_UTF16LE;
        feed_utf16(dec, h + 2, n - 2);
        return;
    }
    dec->d.encoding = TEXT_ANSI;
    dec->d.has_utf8_bom = n >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF;
    dec->d.looks_utf16_nobom = n >= 4 && h[0] != 0 && h[1] == 0 && h[2] != 0 && h[3] == 0;
    feed_ansi(dec, h, n);
}

/* The decoded text is checked after each chunk: a chunk adds at most three
 * times its size beyond the limit before the decoder stops. */
static enum text_limit decoded_limit(const struct text_decoder *dec)
{
    return dec->out.len > dec->max_decoded ? TEXT_DECODED_TOO_LARGE : TEXT_WITHIN_LIMITS;
}

enum text_limit text_decoder_feed(struct text_decoder *dec, const unsigned char *bytes, size_t n)
{
    dec->total += n;
    if (dec->total > TEXT_MAX_INPUT)
        return TEXT_INPUT_TOO_LARGE;
    while (!dec->started && n > 0) {
        dec->head[dec->head_len++] = *bytes++;
        n--;
        if (dec->head_len == sizeof dec->head)
            start(dec);
    }
    if (n == 0)
        return decoded_limit(dec);
    if (dec->d.encoding == TEXT_UTF16LE)
        feed_utf16(dec, bytes, n);
    else
        feed_ansi(dec, bytes, n);
    return decoded_limit(dec);
}

static void note_eols(struct decoded_text *d)
{
    size_t crlf = 0, lf = 0, cr = 0;
    const char *s = d->text, *end = s + d->len;
    /* Two memchr() passes are much faster than one test of every byte. */
    for (const char *p = s; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
        if (p > s && p[-1] == '\r')
            crlf++;
        else
            lf++;
    }
    for (const char *p = s; (p = memchr(p, '\r', (size_t)(end - p))) != NULL; p++)
        cr++;
    cr -= crlf;
    d->eol = TEXT_EOL_CRLF;
    if (lf > crlf && lf >= cr)
        d->eol = TEXT_EOL_LF;
    else if (cr > crlf && cr > lf)
        d->eol = TEXT_EOL_CR;
    d->final_newline = d->len > 0 && (s[d->len - 1] == '\n' || s[d->len - 1] == '\r');
}

enum text_limit text_decoder_finish(struct text_decoder *dec, struct decoded_text *out)
{
    if (!dec->started)
        start(dec);
    if (dec->d.encoding == TEXT_UTF16LE) {
        if (dec->high_surrogate) {
            note_issue(&dec->d, TEXT_ISSUE_LONE_SURROGATE, dec->out.len);
            text_put_utf8(&dec->out, dec->high_surrogate);
        }
        if (dec->odd_pending)
            note_issue(&dec->d, TEXT_ISSUE_ODD_BYTE, dec->out.len);
    } else {
        dec->d.looks_utf8 = !dec->d.has_utf8_bom && dec->utf8_valid && dec->utf8_need == 0 &&
                            dec->utf8_multibyte;
    }
    if (decoded_limit(dec) != TEXT_WITHIN_LIMITS) {
        text_decoder_abandon(dec);
        return TEXT_DECODED_TOO_LARGE;
    }
    /* Two NULs after the text: flex scans the buffer in place and needs them. */
    buf_reserve(&dec->out, 2);
    dec->out.data[dec->out.len] = '\0';
    dec->out.data[dec->out.len + 1] = '\0';
    dec->d.len = dec->out.len;
    dec->d.text = dec->out.data;
    note_eols(&dec->d);
    *out = dec->d;
    free(dec);
    return TEXT_WITHIN_LIMITS;
}

void text_decoder_abandon(struct text_decoder *dec)
{
    buf_free(&dec->out);
    free(dec);
}

bool text_decode(const unsigned char *bytes, size_t n, struct decoded_text *out)
{
    if (n > TEXT_MAX_INPUT)
        return false;
    struct text_decoder *dec = text_decoder_new(n, TEXT_MAX_DECODED);
    if (text_decoder_feed(dec, bytes, n) != TEXT_WITHIN_LIMITS) {
        text_decoder_abandon(dec);
        return false;
    }
    return text_decoder_finish(dec, out) == TEXT_WITHIN_LIMITS;
}

void text_from_utf16le(const unsigned char *p, size_t n, struct buf *out)
{
    /* Room for the worst case (three bytes a unit), so that ASCII, nearly
     * all of a policy file's text, is stored without checks. */
    buf_reserve(out, n / 2 * 3);
    for (size_t i = 0; i + 1 < n; i += 2) {
        uint32_t u = (uint32_t)p[i] | ((uint32_t)p[i + 1] << 8);
        if (u < 0x80) {
            out->data[out->len++] = (char)u;
            continue;
        }
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
            uint32_t v = (uint32_t)p[i + 2] | ((uint32_t)p[i + 3] << 8);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                text_put_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                i += 2;
                continue;
            }
        }
        text_put_utf8(out, u);
    }
    out->data[out->len] = '\0';
}

void text_snippet(struct buf *out, const char *s, size_t n, size_t max_cps)
{
    size_t cps = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\r' || c == '\n')
            return;
        if (cps++ == max_cps) {
            buf_puts(out, "...");
            return;
        }
        if (c < 0x20 || c == 0x7F) {
            buf_printf(out, "\\x%02x", c);
            i++;
            continue;
        }
        size_t char_start = i;
        uint32_t cp = text_next_cp(s, n, &i);
        /* An unpaired surrogate is not UTF-8: name it rather than print bytes
         * a terminal would show as garbage. */
        if (cp >= 0xD800 && cp <= 0xDFFF)
            buf_printf(out, "\\u%04X", (unsigned)cp);
        else
            buf_append(out, s + char_start, i - char_start);
    }
}

const char *text_encoding_name(enum text_encoding enc)
{
    switch (enc) {
    case TEXT_ANSI:
        return "ANSI (Windows-1252)";
    case TEXT_UTF16LE:
        return "UTF-16LE";
    case TEXT_UTF8:
        return "UTF-8";
    }
    return "?";
}

const char *text_eol_chars(enum text_eol eol)
{
    switch (eol) {
    case TEXT_EOL_CRLF:
        return "\r\n";
    case TEXT_EOL_LF:
        return "\n";
    case TEXT_EOL_CR:
        return "\r";
    }
    return "\r\n";
}

uint32_t text_put_valid_char(struct buf *b, const char *s, size_t len, size_t *i)
{
    size_t char_start = *i;
    uint32_t cp = text_next_cp(s, len, i);
    if (cp >= 0xD800 && cp <= 0xDFFF)
        text_put_utf8(b, 0xFFFD);
    else
        buf_append(b, s + char_start, *i - char_start);
    return cp;
}

void text_json_string(struct buf *out, const char *s, size_t len)
{
    buf_putc(out, '"');
    for (size_t i = 0; i < len;) {
        /* Most text is printable ASCII that needs no escape: copied a run
         * at a time. */
        size_t run = i;
        while (run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7F && s[run] != '"' &&
               s[run] != '\\')
            run++;
        if (run > i) {
            buf_append(out, s + i, run - i);
            i = run;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            buf_putc(out, '\\');
            buf_putc(out, (char)c);
            i++;
        } else if (c == '\n') {
            buf_puts(out, "\\n");
            i++;
        } else if (c == '\r') {
            buf_puts(out, "\\r");
            i++;
        } else if (c == '\t') {
            buf_puts(out, "\\t");
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            buf_printf(out, "\\u%04x", c);
            i++;
        } else {
            text_put_valid_char(out, s, len, &i);
        }
    }
    buf_putc(out, '"');
}
