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

#include "buf.h"
#include "text.h"

/* A half-open byte range [start, end) in a source's text. */
struct span {
    uint32_t start;
    uint32_t end;
};

/* For a document read from a policy format (policy.h), whose text is a
 * rendering: the piece of the rendering from `text_start` on came from
 * record or line `number` of the original, `length` bytes at `offset`. */
struct source_origin {
    uint32_t text_start;
    uint32_t number;
    uint32_t offset;
    uint32_t length;
    bool record;            /* `number` is a Registry.pol record, else a line */
    const char *file;       /* the file it came from, when not the source's own
                               (a GPO folder read as one document); static or
                               owned by whoever owns the document */
    const char *where;      /* for a registry hive, which has neither lines nor
                               records: the key path and value name it came
                               from; owned by whoever owns the document */
    bool context;           /* another hive of the same image, read only so
                               that rules see the whole machine: findings here
                               are that hive's own document's */
};

struct hive_info;

struct source {
    char *name;              /* as given on the command line, or a chosen name */
    struct decoded_text d;   /* d.text is the UTF-8 text, d.len its length */
    size_t raw_size;         /* size of the file in bytes; of `raw` when set */
    uint32_t *line_starts;   /* built on first use */
    uint32_t nlines;
    /* The file's bytes, kept instead of decoded text when they start with
     * the PReg signature (d.text is then empty until a reader renders it):
     * the file mapped into memory where it can be (raw_mapped), else read.
     * Of a hive file only its 4-byte signature: libhivex reads it by its
     * path (from bytes in memory, source_from_bytes() keeps them all). */
    unsigned char *raw;
    bool raw_mapped;
    /* Set when d.text is a rendering of another format: its name, and the
     * origins in order of text_start. */
    const char *format;
    struct source_origin *origins;
    size_t norigins, origins_cap;
    /* For a registry hive (hive.h): where it is mounted, what it holds;
     * owned by the document's arena. */
    const struct hive_info *hive;
    /* For a hive read with the other hives of its image (policy.h): where
     * it and each of those is mounted ("HKEY_LOCAL_MACHINE\SYSTEM"), and
     * whether it comes first among them; in the document's arena. */
    const char *mount;
    const char **image_mounts;
    size_t nimage_mounts;
    bool image_first;
};

/* The origin of the rendering at `offset`, or NULL for a .reg text. */
const struct source_origin *source_origin_at(const struct source *src, uint32_t offset);
/* Appends where `offset` is, as messages print it: "name:LINE:COL" for a
 * .reg text, "name: record N (offset 0x1A2C)" for a Registry.pol,
 * "name: KEY, value NAME" for a registry hive (the key as the hive stores
 * it, ControlSet001 rather than CurrentControlSet), and
 * "name:LINE" for the other policy formats (the origin's file, when set,
 * instead of the name). */
void source_describe(struct source *src, uint32_t offset, struct buf *out);
/* The line a message names for `offset`: its line, or for a rendering the
 * record or line of the original it came from. */
uint32_t source_shown_line(struct source *src, uint32_t offset);
/* Replaces the text with `rendering` (taken over; UTF-8 with two NULs after
 * `len` bytes) and drops the line map. */
void source_set_rendering(struct source *src, char *rendering, size_t len);

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
