#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Chunks grow geometrically up to this size so that small documents stay
 * small and large ones do not make millions of chunks. */
#define ARENA_FIRST_CHUNK ((size_t)16 * 1024)
#define ARENA_MAX_CHUNK ((size_t)4 * 1024 * 1024)
#define ARENA_ALIGN alignof(max_align_t)

struct chunk {
    struct chunk *prev;
    size_t size;
    size_t used;
    alignas(max_align_t) unsigned char data[];
};

struct arena {
    struct chunk *head;
    size_t next_size;
    size_t total;
};

struct arena *arena_new(void)
{
    struct arena *a = xcalloc(1, sizeof *a);
    a->next_size = ARENA_FIRST_CHUNK;
    return a;
}

void arena_free(struct arena *a)
{
    if (!a)
        return;
    struct chunk *c = a->head;
    while (c) {
        struct chunk *prev = c->prev;
        free(c);
        c = prev;
    }
    free(a);
}

static struct chunk *new_chunk(struct arena *a, size_t min)
{
    size_t size = a->next_size;
    if (size < min)
        size = min;
    if (size > SIZE_MAX - sizeof(struct chunk))
        xalloc_die();
    struct chunk *c = xmalloc(sizeof *c + size);
    c->prev = a->head;
    c->size = size;
    c->used = 0;
    a->head = c;
    if (a->next_size < ARENA_MAX_CHUNK)
        a->next_size *= 2;
    return c;
}

void *arena_alloc_aligned(struct arena *a, size_t size, size_t align)
{
    if (size > SIZE_MAX - ARENA_ALIGN)
        xalloc_die();
    struct chunk *c = a->head;
    size_t start = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || start > c->size || c->size - start < size) {
        /* A request larger than a quarter chunk gets a chunk of its own and
         * leaves the current chunk open for later small requests. */
        if (c && size > ARENA_MAX_CHUNK / 4) {
            struct chunk *own = xmalloc(sizeof *own + size);
            own->size = size;
            own->used = size;
            own->prev = c->prev;
            c->prev = own;
            a->total += size;
            memset(own->data, 0, size);
            return own->data;
        }
        c = new_chunk(a, size);
        start = 0;
    }
    void *p = c->data + start;
    a->total += start + size - c->used;
    c->used = start + size;
    memset(p, 0, size);
    return p;
}

void *arena_alloc(struct arena *a, size_t size)
{
    return arena_alloc_aligned(a, size, ARENA_ALIGN);
}

void *arena_alloc_bytes(struct arena *a, size_t size)
{
    return arena_alloc_aligned(a, size, 1);
}

void *arena_memdup(struct arena *a, const void *p, size_t n)
{
    void *q = arena_alloc_bytes(a, n ? n : 1);
    if (n)
        memcpy(q, p, n);
    return q;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc_bytes(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return arena_strdup(a, "");
    char *p = arena_alloc_bytes(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

void *arena_grow_array(struct arena *a, void *items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return items;
    size_t room = *cap ? *cap * 2 : 1;
    void *grown = arena_alloc(a, room * size);
    if (n)
        memcpy(grown, items, n * size);
    *cap = room;
    return grown;
}

size_t arena_used(const struct arena *a)
{
    return a->total;
}
