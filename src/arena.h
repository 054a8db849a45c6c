/*
 * arena: bump allocation for everything that lives as long as one document.
 *
 * A document (a .reg file, a profile) gets one arena; its syntax tree, model,
 * diagnostics and their strings are allocated from it and released together by
 * arena_free(). There is no per-object free. Arenas are independent instances,
 * never globals, so documents can be processed side by side.
 *
 * Out of memory exits through xalloc_die() (status 3).
 *
 * Ownership: memory returned by arena_* is borrowed from the arena and valid
 * until arena_free().
 */
#ifndef REGLINT_ARENA_H
#define REGLINT_ARENA_H

#include <stdarg.h>
#include <stddef.h>

#include "printf_like.h"

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);

/* Zero-filled, aligned for any object type. */
void *arena_alloc(struct arena *a, size_t size);
/* Zero-filled, aligned to `align` (a power of two): for the many small
 * objects of a large document, which would otherwise each take a multiple
 * of the largest alignment. */
void *arena_alloc_aligned(struct arena *a, size_t size, size_t align);
/* Zero-filled bytes with no alignment: for text and data bytes, which would
 * otherwise each take a multiple of the largest alignment. The functions
 * below allocate this way too. */
void *arena_alloc_bytes(struct arena *a, size_t size);
/* `n` bytes of `s` plus a terminating NUL. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
void *arena_memdup(struct arena *a, const void *p, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
    PRINTF_LIKE(2, 3);
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
    PRINTF_LIKE(2, 0);
/* Makes room for one more element in an array of `n` elements of `size`
 * bytes with room for `*cap`, and returns the array (moved when it grew).
 * The room doubles, so all the copies of an array take at most twice its
 * final size: copying it for every element would take n * n / 2. */
void *arena_grow_array(struct arena *a, void *items, size_t n, size_t *cap, size_t size);
/* Bytes handed out so far (for the benchmark's memory report). */
size_t arena_used(const struct arena *a);

#endif
