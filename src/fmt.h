/*
 * fmt: a .reg file rewritten in regedit's export layout without changing what
 * it does: the canonical header, one blank line before each key (and before
 * the comments that lead into it), "[HKEY_...]" root names in full, "@" for
 * the default value, dword: with 8 lower-case digits, hex: for REG_BINARY,
 * hex(4) of 4 bytes as dword:, hex bytes wrapped as regedit wraps them, and a
 * blank line at the end. Nothing is reordered; comments and lines regedit
 * skips are kept as written (comment lines lose their indentation; comments
 * inside continued hex data move below the value).
 *
 * Importing the result gives exactly what importing the input gives; the
 * tests check that on every corpus file.
 */
#ifndef REGLINT_FMT_H
#define REGLINT_FMT_H

#include <stdbool.h>

#include "buf.h"
#include "regfile.h"

/* Whether fmt can rewrite this file: not a Windows 3.1 file, and no NUL
 * characters (text after a NUL is not part of any statement). */
bool fmt_supported(const struct reg_file *file, const char **why);
/* Appends the formatted file, encoded like the input (encoding, BOM, the most
 * frequent line ending). */
void fmt_file(const struct reg_file *file, struct buf *out);

#endif
