/*
 * writer: the one place where reglint writes .reg text, in the layout
 * regedit's exporter uses (FORMAT.md §3): "[path]" key lines, "@=" for the
 * default value, names with \\ \" \r \n escaped, "dword:%08x", "hex:" for
 * REG_BINARY and "hex(%x):" for other types, hex bytes wrapped with ",\" at
 * regedit's column and continued with two spaces, CRLF and UTF-16LE with a
 * byte order mark by default. gen, fmt and the fixes that add lines write
 * through it, and nothing else writes .reg text.
 *
 * The writer lays out lines; it does not decide what to write (callers add the
 * blank lines regedit puts before each key) and does not check names: key
 * paths are written as given, so a caller must not pass CR, LF or NUL in them.
 *
 * Ownership: the writer owns its buffer; writer_release() frees it.
 */
#ifndef REGLINT_WRITER_H
#define REGLINT_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "regfile.h"
#include "text.h"

struct reg_writer {
    struct buf text;            /* UTF-8, lines ended by LF until encoding */
    enum text_encoding encoding; /* the encoding the file will be written in */
    /* Characters of hex(2)/hex(7) strings that an ANSI file's single bytes
     * could not hold (listed as '?'). */
    size_t unencodable;
};

void writer_init(struct reg_writer *w, enum text_encoding encoding);
void writer_release(struct reg_writer *w);

/* "Windows Registry Editor Version 5.00" (or "REGEDIT4" for REG_VERSION_4). */
void writer_header(struct reg_writer *w, enum reg_version version);
void writer_blank(struct reg_writer *w);
/* "[path]" or "[-path]". */
void writer_key(struct reg_writer *w, const char *path, size_t len, bool deleting);
/* A value. `name` is UTF-8 (len 0: the default value, written "@"). For
 * REG_FORM_STRING `bytes` is UTF-8 text, for REG_FORM_DWORD 4 little-endian
 * bytes, for REG_FORM_HEX the bytes to list (hex: when type is REG_BINARY). */
void writer_value(struct reg_writer *w, const char *name, size_t name_len, enum reg_form form,
                  uint32_t type, const unsigned char *bytes, size_t len);
/* A REG_DWORD value. */
void writer_dword(struct reg_writer *w, const char *name, size_t name_len, uint32_t value);
/* A REG_SZ value from UTF-8 text. */
void writer_string(struct reg_writer *w, const char *name, size_t name_len, const char *text,
                   size_t text_len);
/* A REG_MULTI_SZ (type 7) or REG_EXPAND_SZ (type 2) value from UTF-8 strings,
 * as hex bytes in the writer's encoding (UTF-16LE, or the single-byte text of
 * an ANSI or UTF-8 file, which regedit widens on import), with the
 * terminating NULs regedit exports. */
void writer_strings(struct reg_writer *w, const char *name, size_t name_len, uint32_t type,
                    const char *const *strings, size_t count);
/* "name"=- */
void writer_value_delete(struct reg_writer *w, const char *name, size_t name_len);
/* Appends text to the current line (a trailing comment); no line ending. */
void writer_append(struct reg_writer *w, const char *s, size_t len);
/* A line written as given (a comment, or a line kept verbatim). Line endings
 * inside `s` are normalised. */
void writer_line(struct reg_writer *w, const char *s, size_t len);

/* The file's bytes: BOM for UTF-16LE, every line ending as `eol`; a final line
 * ending unless `final_newline` is false. Returns the number of characters
 * that the encoding could not represent (written as '?'), those of hex(2)
 * and hex(7) strings included. */
size_t writer_finish(struct reg_writer *w, enum text_eol eol, bool final_newline, struct buf *out);
/* The same lines as UTF-8 text, with no byte order mark, for an edit that
 * the fixer encodes with the rest of a file: the values are still laid out
 * for the writer's encoding (hex(7) strings as UTF-16LE for a UTF-16 file,
 * as single bytes that regedit widens for an ANSI one). */
void writer_finish_text(const struct reg_writer *w, enum text_eol eol, bool final_newline,
                        struct buf *out);

#endif
