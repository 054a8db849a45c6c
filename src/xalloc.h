/*
 * xalloc: malloc wrappers that never return NULL.
 *
 * Running out of memory is not a condition reglint recovers from: these
 * functions print "reglint: error: out of memory" and exit with status 3
 * (EXIT_IO, see main.c). They do not track or pool memory; see arena.h for
 * per-document allocation.
 *
 * Ownership: every pointer returned is owned by the caller; free with free().
 */
#ifndef REGLINT_XALLOC_H
#define REGLINT_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
/* May move the block: use the returned pointer. */
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grows an array of `elem` bytes per item so that it holds at least `need`
 * items, doubling; updates *cap. Returns the (possibly moved) array. */
void *xgrow(void *array, size_t *cap, size_t need, size_t elem);
/* Prints the out-of-memory message and exits with status 3. */
_Noreturn void xalloc_die(void);

#endif
