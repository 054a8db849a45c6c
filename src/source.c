#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "platform.h"
#include "xalloc.h"

/* Large enough to amortise read() calls, small enough not to matter for
 * the memory budget (the decoded text is the only full copy). */
#define READ_CHUNK ((size_t)1 << 20)

static struct source *new_source(const char *name)
{
    struct source *src = xcalloc(1, sizeof *src);
    src->name = xstrdup(name);
    return src;
}

/* PReg files are binary: their bytes are kept, not decoded (policy.h). */
static bool starts_preg(const unsigned char *bytes, size_t n)
{
    return n >= 4 && memcmp(bytes, "PReg", 4) == 0;
}

/* A registry hive is read by libhivex from its path (hive.h): its
 * signature is kept, to know it by, and the rest is not read here. */
static bool starts_hive(const unsigned char *bytes, size_t n)
{
    return n >= 4 && memcmp(bytes, "regf", 4) == 0;
}

/* An empty text, with the two NULs flex needs. */
static void empty_text(struct decoded_text *d)
{
    memset(d, 0, sizeof *d);
    d->text = xcalloc(1, 2);
    d->encoding = TEXT_UTF16LE;
}

struct source *source_from_bytes(const char *name, const unsigned char *bytes, size_t n)
{
    if (starts_preg(bytes, n) || starts_hive(bytes, n)) {
        if (n > TEXT_MAX_INPUT)
            return NULL;
        struct source *src = new_source(name);
        src->raw = xmalloc(n ? n : 1);
        memcpy(src->raw, bytes, n);
        src->raw_size = n;
        empty_text(&src->d);
        return src;
    }
    struct decoded_text d;
    if (!text_decode(bytes, n, &d))
        return NULL;
    struct source *src = new_source(name);
    src->d = d;
    src->raw_size = n;
    return src;
}

#define FILE_TOO_LARGE "file is larger than 1 GiB, the most reglint reads"
#define DECODED_TOO_LARGE "file decodes to more than 1 GiB of UTF-8 text, the most reglint reads"

/* The test hook REGLINT_TEST_MAX_DECODED=N lowers the limit on decoded text
 * to N bytes (it cannot raise it), so that the golden tests show the limit
 * at and past its edge on small files; the message then names the hook
 * rather than a limit not in force. */
#define HOOK "REGLINT_TEST_MAX_DECODED"

static size_t max_decoded(void)
{
    const char *hook = getenv(HOOK);
    if (hook && *hook) {
        char *end;
        unsigned long long n = strtoull(hook, &end, 10);
        if (*end == '\0' && n < TEXT_MAX_DECODED)
            return (size_t)n;
    }
    return TEXT_MAX_DECODED;
}

static const char *limit_message(enum text_limit why, size_t limit)
{
    if (why == TEXT_INPUT_TOO_LARGE)
        return FILE_TOO_LARGE;
    return limit < TEXT_MAX_DECODED ? "file decodes to more text than " HOOK " allows" : DECODED_TOO_LARGE;
}

struct source *source_load(const char *path, const char *display_name, const char **error)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        /* Windows' fopen() refuses a directory with EACCES: say what POSIX
         * systems say. */
        *error = platform_is_dir(path) ? "is a directory" : strerror(errno);
        return NULL;
    }
    if (is_stdin)
        platform_set_binary(stdin);
    long long size = 0;
    const char *why = platform_check_regular(f, &size);
    if (why) {
        if (!is_stdin)
            fclose(f);
        *error = why;
        return NULL;
    }
    if ((unsigned long long)size > TEXT_MAX_INPUT) {
        if (!is_stdin)
            fclose(f);
        *error = FILE_TOO_LARGE;
        return NULL;
    }
    size_t limit = max_decoded();
    /* Made once the first bytes show that the file is text: its buffer,
     * sized for the whole file, would be the size of a PReg file for
     * nothing, and freeing a block that large makes the C library serve
     * later large blocks from its heap, where growing an array copies it. */
    struct text_decoder *dec = NULL;
    /* The first bytes tell a PReg file, which is mapped where the system
     * can: its pages are then neither copied nor each faulted in anew, and
     * no buffer is read for it (freeing one would have the same effect on
     * the C library as the decoder's). */
    unsigned char head[4];
    size_t pending = fread(head, 1, sizeof head, f);
    unsigned char *mapped = starts_preg(head, pending) && (size_t)size >= sizeof head
                                ? platform_map_file(f, (size_t)size)
                                : NULL;
    bool hive = starts_hive(head, pending);
    unsigned char *chunk = mapped || hive ? NULL : xmalloc(READ_CHUNK);
    if (chunk)
        memcpy(chunk, head, pending);
    /* A hive keeps only its signature: libhivex reads the file by its path. */
    size_t total = mapped ? (size_t)size : hive ? pending : 0;
    bool ok = true;
    struct buf raw = BUF_INIT;
    bool keep_raw = mapped || hive;
    if (hive)
        buf_append(&raw, head, pending);
    while (!mapped && !hive) {
        size_t got;
        if (keep_raw) {
            /* Straight into the buffer: a PReg file is kept as it is. */
            buf_reserve(&raw, READ_CHUNK);
            got = fread(raw.data + raw.len, 1, READ_CHUNK, f);
            raw.len += got;
        } else {
            got = pending + fread(chunk + pending, 1, READ_CHUNK - pending, f);
            pending = 0;
        }
        if (total == 0 && !keep_raw && starts_preg(chunk, got)) {
            keep_raw = true;
            /* The chunk becomes the buffer, grown in place where the
             * allocator can: no copy. */
            raw.cap = ((size_t)size > got ? (size_t)size : got) + READ_CHUNK + 1;
            raw.data = xrealloc(chunk, raw.cap);
            raw.len = got;
            raw.data[raw.len] = '\0';
            chunk = NULL;
        }
        if (got > 0 && keep_raw) {
            total += got;
            if (total > TEXT_MAX_INPUT) {
                *error = "file is larger than 1 GiB, the most reglint reads";
                ok = false;
                break;
            }
        } else if (got > 0) {
            total += got;
            if (!dec)
                dec = text_decoder_new((size_t)size, limit);
            enum text_limit passed = text_decoder_feed(dec, chunk, got);
            if (passed != TEXT_WITHIN_LIMITS) {
                *error = limit_message(passed, limit);
                ok = false;
                break;
            }
        }
        if (got < READ_CHUNK) {
            if (ferror(f)) {
                *error = strerror(errno ? errno : EIO);
                ok = false;
            }
            break;
        }
    }
    free(chunk);
    if (!is_stdin)
        fclose(f);
    if (!ok) {
        if (dec)
            text_decoder_abandon(dec);
        buf_free(&raw);
        return NULL;
    }
    struct decoded_text d;
    if (keep_raw) {
        /* A PReg file is kept as bytes, a hive as its signature. */
        empty_text(&d);
    } else {
        if (!dec) /* an empty file */
            dec = text_decoder_new(0, limit);
        enum text_limit passed = text_decoder_finish(dec, &d);
        if (passed != TEXT_WITHIN_LIMITS) {
            *error = limit_message(passed, limit);
            return NULL;
        }
    }
    struct source *src = new_source(display_name ? display_name : path);
    src->d = d;
    if (mapped) {
        src->raw = mapped;
        src->raw_mapped = true;
    } else if (keep_raw) {
        src->raw = (unsigned char *)buf_steal(&raw);
    }
    src->raw_size = total;
    return src;
}

void source_free(struct source *src)
{
    if (!src)
        return;
    free(src->name);
    free(src->d.text);
    free(src->line_starts);
    if (src->raw_mapped)
        platform_unmap_file(src->raw, src->raw_size);
    else
        free(src->raw);
    free(src->origins);
    free(src);
}

void source_set_rendering(struct source *src, char *rendering, size_t len)
{
    free(src->d.text);
    free(src->line_starts);
    src->line_starts = NULL;
    src->nlines = 0;
    src->d.text = rendering;
    src->d.len = len;
    src->d.encoding = TEXT_UTF16LE;
    src->d.eol = TEXT_EOL_LF;
    src->d.final_newline = len > 0;
    src->d.looks_utf8 = src->d.looks_utf16_nobom = src->d.has_utf8_bom = false;
    memset(src->d.issues, 0, sizeof src->d.issues);
}

const struct source_origin *source_origin_at(const struct source *src, uint32_t offset)
{
    if (!src->format || src->norigins == 0)
        return NULL;
    /* The last origin that starts at or before `offset`. */
    size_t lo = 0, hi = src->norigins;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (src->origins[mid].text_start <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return &src->origins[lo];
}

void source_describe(struct source *src, uint32_t offset, struct buf *out)
{
    if (src->format) {
        const struct source_origin *o = source_origin_at(src, offset);
        uint32_t number = o ? o->number : 0, at = o ? o->offset : 0;
        const char *name = o && o->file ? o->file : src->name;
        if (o && o->where)
            buf_printf(out, "%s: %s", name, o->where);
        else if (src->hive)
            buf_puts(out, name);
        else if (o && o->record && number == 0)
            buf_printf(out, "%s: header (offset 0x%X)", name, (unsigned)at);
        else if (o && o->record)
            buf_printf(out, "%s: record %u (offset 0x%X)", name, (unsigned)number, (unsigned)at);
        else
            buf_printf(out, "%s:%u", name, (unsigned)(number ? number : 1));
        return;
    }
    uint32_t line, col;
    source_position(src, offset, &line, &col);
    buf_printf(out, "%s:%u:%u", src->name, (unsigned)line, (unsigned)col);
}

static void build_line_map(struct source *src)
{
    if (src->line_starts)
        return;
    size_t cap = 0, n = 0;
    uint32_t *starts = NULL;
    const char *s = src->d.text;
    size_t len = src->d.len;
    starts = xgrow(starts, &cap, 1, sizeof *starts);
    starts[n++] = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c != '\r' && c != '\n')
            continue;
        if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
            i++;
        if (i + 1 >= len)
            break; /* a final line ending does not open a new line */
        starts = xgrow(starts, &cap, n + 1, sizeof *starts);
        starts[n++] = (uint32_t)(i + 1);
    }
    src->line_starts = starts;
    src->nlines = (uint32_t)n;
}

uint32_t source_line_count(struct source *src)
{
    build_line_map(src);
    return src->d.len == 0 ? 0 : src->nlines;
}

void source_position(struct source *src, uint32_t offset, uint32_t *line, uint32_t *col)
{
    build_line_map(src);
    if (offset > src->d.len)
        offset = (uint32_t)src->d.len;
    /* Last line start <= offset. */
    uint32_t lo = 0, hi = src->nlines;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (src->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    uint32_t start = src->line_starts[lo];
    /* An offset inside a line ending belongs to the line it ends. */
    *line = lo + 1;
    *col = (uint32_t)text_count_cps(src->d.text + start, offset - start) + 1;
}

struct span source_line(struct source *src, uint32_t line)
{
    build_line_map(src);
    struct span sp = {0, 0};
    if (line == 0 || line > src->nlines)
        return sp;
    sp.start = src->line_starts[line - 1];
    uint32_t end = sp.start;
    const char *s = src->d.text;
    while (end < src->d.len && s[end] != '\r' && s[end] != '\n')
        end++;
    sp.end = end;
    return sp;
}

uint32_t source_shown_line(struct source *src, uint32_t offset)
{
    const struct source_origin *o = source_origin_at(src, offset);
    if (o)
        return o->number ? o->number : 1;
    uint32_t line, col;
    source_position(src, offset, &line, &col);
    return line;
}
