/*
 * source: one input document as reglint sees it: its display name, the
 * decoded UTF-8 text, how it was encoded, and the map from byte offsets to
 * line:column for messages.
 *
 * Everything inside reglint addresses text by byte offsets (struct span); only
 * when a message is printed does source_position() turn an offset into a
 * 1-based line and a 1-based column counted in Unicode code points. Lines end
 * at CR, LF or CRLF, as regedit splits them.
 *
 * It does not parse; see regfile.h. Loading reports I/O problems as a message
 * string, never by printing.
 *
 * Ownership: a source owns its text and name; source_free() releases them.
 */
#ifndef REGLINT_SOURCE_H
#define REGLINT_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* A half-open byte range [start, end) in a source's text. */
struct span {
    uint32_t start;
    uint32_t end;
};

struct source {
    char *name;              /* as given on the command line, or a chosen name */
    struct decoded_text d;   /* d.text is the UTF-8 text, d.len its length */
    size_t raw_size;         /* size of the file in bytes */
    uint32_t *line_starts;   /* built on first use */
    uint32_t nlines;
};

/* Reads and decodes a file ("-" is standard input). On failure returns NULL
 * and sets *error to a message without the file name (static storage or
 * strerror text). */
struct source *source_load(const char *path, const char *display_name, const char **error);
/* Builds a source from bytes in memory (tests, fuzzing). Returns NULL when the
 * input is larger than TEXT_MAX_INPUT. */
struct source *source_from_bytes(const char *name, const unsigned char *bytes, size_t n);
void source_free(struct source *src);

/* 1-based line and column (in code points) of a byte offset. */
void source_position(struct source *src, uint32_t offset, uint32_t *line, uint32_t *col);
/* The byte range of 1-based line `line`, without its line ending. */
struct span source_line(struct source *src, uint32_t line);
/* Number of lines (a final line ending does not start a new line). */
uint32_t source_line_count(struct source *src);

#endif
