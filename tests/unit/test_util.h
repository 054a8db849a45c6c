/*
 * Helpers shared by the cmocka unit tests: read .reg text from a string and
 * look at what the reader reported. Header-only; every function is static
 * inline so that a test may use any subset.
 */
#ifndef REGLINT_TEST_UTIL_H
#define REGLINT_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "diag.h"
#include "regfile.h"
#include "source.h"

struct parsed {
    struct source *src;
    struct arena *arena;
    struct diag_list diags;
    struct reg_file *file;
};

/* Reads `n` bytes as a .reg file named "t.reg". */
static inline struct parsed *parse_bytes(const void *bytes, size_t n)
{
    struct parsed *p = calloc(1, sizeof *p);
    assert_non_null(p);
    p->src = source_from_bytes("t.reg", bytes, n);
    assert_non_null(p->src);
    p->arena = arena_new();
    diag_list_init(&p->diags, p->arena);
    p->file = reg_read(p->src, p->arena, &p->diags);
    diag_list_sort(&p->diags);
    return p;
}

/* Reads an ANSI .reg file from a C string. */
static inline struct parsed *parse_text(const char *text)
{
    return parse_bytes(text, strlen(text));
}

/* Appends the UTF-16LE code units of ASCII text (no byte order mark). */
static inline void put_utf16(struct buf *b, const char *ascii)
{
    for (; *ascii; ascii++) {
        buf_putc(b, *ascii);
        buf_putc(b, '\0');
    }
}

/* Reads a C string (ASCII) as a UTF-16LE file with a byte order mark. */
static inline struct parsed *parse_utf16(const char *text)
{
    struct buf b = BUF_INIT;
    buf_append(&b, "\xFF\xFE", 2);
    put_utf16(&b, text);
    struct parsed *p = parse_bytes(b.data, b.len);
    buf_free(&b);
    return p;
}

static inline void parsed_free(struct parsed *p)
{
    reg_file_free(p->file);
    diag_list_release(&p->diags);
    arena_free(p->arena);
    source_free(p->src);
    free(p);
}

static inline void print_diags(const struct parsed *p)
{
    for (size_t i = 0; i < p->diags.n; i++) {
        const struct diag *d = p->diags.items[i];
        uint32_t line, col;
        source_position(d->src, d->at.start, &line, &col);
        fprintf(stderr, "  %u:%u: %s: %s [%s]\n", (unsigned)line, (unsigned)col,
                severity_name(d->severity), d->message, d->code);
    }
}

/* Asserts that the findings are exactly `count` and that finding `index`
 * (in source order) is `rule` at line:col with `text` in its message. */
static inline void expect_diag(const struct parsed *p, size_t count, size_t index, enum rule_id rule,
                               uint32_t line, uint32_t col, const char *text)
{
    if (p->diags.n != count || index >= p->diags.n) {
        fprintf(stderr, "expected %zu findings, got %zu:\n", count, p->diags.n);
        print_diags(p);
        fail();
    }
    const struct diag *d = p->diags.items[index];
    uint32_t l, c;
    source_position(d->src, d->at.start, &l, &c);
    if (d->rule != rule || l != line || c != col || !strstr(d->message, text)) {
        fprintf(stderr, "finding %zu is not %s at %u:%u with '%s':\n", index, rule_info(rule)->id,
                (unsigned)line, (unsigned)col, text);
        print_diags(p);
        fail();
    }
}

/* Asserts that a name read from a file is `want`. */
static inline void name_is(struct reg_name name, const char *want)
{
    if (name.len != strlen(want) || memcmp(name.s, want, name.len) != 0) {
        fprintf(stderr, "name '%.*s' is not '%s'\n", (int)name.len, name.s, want);
        fail();
    }
}

/* Asserts that nothing was reported. */
static inline void expect_clean(const struct parsed *p)
{
    if (p->diags.n != 0) {
        fprintf(stderr, "expected no findings, got:\n");
        print_diags(p);
        fail();
    }
}

#endif
