/*
 * buf: a growable byte buffer for building output text.
 *
 * It appends; it does not encode, escape or write files (see text.h and
 * platform.h). The contents are always NUL-terminated for convenience; `len`
 * does not count that NUL.
 *
 * Ownership: the buffer owns `data`; buf_free() releases it, buf_steal()
 * hands it to the caller (free with free()).
 */
#ifndef REGLINT_BUF_H
#define REGLINT_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "printf_like.h"

struct buf {
    char *data;
    size_t len;
    size_t cap;
};

#define BUF_INIT {NULL, 0, 0}

void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
/* Inline: output is built a byte at a time in places (hex data, escapes);
 * the call is the slow path that grows the buffer. */
void buf_putc_grow(struct buf *b, char c);
static inline void buf_putc(struct buf *b, char c)
{
    if (b->len + 1 < b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
    } else {
        buf_putc_grow(b, c);
    }
}
void buf_printf(struct buf *b, const char *fmt, ...)
    PRINTF_LIKE(2, 3);
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
    PRINTF_LIKE(2, 0);
/* Appends `n` repetitions of `c`. */
void buf_fill(struct buf *b, char c, size_t n);
void buf_clear(struct buf *b);
void buf_free(struct buf *b);
/* Returns the data (never NULL) and leaves `b` empty. */
char *buf_steal(struct buf *b);

#endif
