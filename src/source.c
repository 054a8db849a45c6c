#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

struct source *source_from_bytes(const char *name, const unsigned char *bytes, size_t n)
{
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
    struct text_decoder *dec = text_decoder_new((size_t)size, limit);
    unsigned char *chunk = xmalloc(READ_CHUNK);
    size_t total = 0;
    bool ok = true;
    for (;;) {
        size_t got = fread(chunk, 1, READ_CHUNK, f);
        if (got > 0) {
            total += got;
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
        text_decoder_abandon(dec);
        return NULL;
    }
    struct decoded_text d;
    enum text_limit passed = text_decoder_finish(dec, &d);
    if (passed != TEXT_WITHIN_LIMITS) {
        *error = limit_message(passed, limit);
        return NULL;
    }
    struct source *src = new_source(display_name ? display_name : path);
    src->d = d;
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
    free(src);
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
