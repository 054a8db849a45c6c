/*
 * embedded: text files compiled into the program by scripts/embed (built-in
 * profiles, rule pages). The tables are generated into build/gen and are
 * read-only for the program's lifetime; nothing here allocates.
 */
#ifndef REGLINT_EMBEDDED_H
#define REGLINT_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
    const char *name;     /* base name without extension, e.g. "tls12-only" */
    const char *filename; /* base name as in the source tree */
    const char *contents; /* the bytes, plus a terminating NUL */
    size_t length;        /* without the terminating NUL */
};

/* The entry named NAME (exact match), or NULL. */
const struct embedded_file *embedded_find(const struct embedded_file *table, size_t count,
                                          const char *name);

#endif
