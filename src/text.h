/*
 * text: the byte encodings a .reg file can have, and conversions between them.
 *
 * Decoding follows regedit: a file that starts with FF FE is UTF-16LE, every
 * other file is "ANSI" (Windows-1252 here), whatever its header says. The
 * result is one UTF-8 buffer that the scanner reads. Unpaired UTF-16
 * surrogates are kept as three-byte sequences (WTF-8) so that re-encoding
 * gives back the exact code units; nothing is replaced or dropped except an
 * odd trailing byte of a UTF-16 file, which regedit cannot read either.
 *
 * This module only converts; it does not know about lines, headers or
 * diagnostics (decode problems are returned as data, see struct text_issue).
 *
 * Ownership: decode output (`text`) is owned by the caller; free with free().
 */
#ifndef REGLINT_TEXT_H
#define REGLINT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum text_encoding {
    TEXT_ANSI,     /* Windows-1252 bytes, no BOM (regedit's REGEDIT4 files) */
    TEXT_UTF16LE,  /* FF FE then UTF-16LE (regedit's Version 5.00 exports) */
    TEXT_UTF8,     /* output only: regedit itself reads this as ANSI */
};

enum text_eol { TEXT_EOL_CRLF, TEXT_EOL_LF, TEXT_EOL_CR };

enum text_issue_kind {
    TEXT_ISSUE_NUL,            /* a NUL character (regedit's reader stops there) */
    TEXT_ISSUE_LONE_SURROGATE, /* an unpaired UTF-16 surrogate (kept) */
    TEXT_ISSUE_ODD_BYTE,       /* UTF-16 file with an odd final byte (dropped) */
    TEXT_ISSUE_KIND_COUNT
};

struct text_issue {
    uint32_t first_offset; /* byte offset in the decoded text */
    uint32_t count;        /* 0: no such issue */
};

/* Largest file reglint reads, in bytes: decoded offsets are 32-bit. */
#define TEXT_MAX_INPUT ((size_t)1 << 30)
/* Largest decoded text, in bytes. A byte of an ANSI file may decode to three
 * (0x80 is U+20AC), a UTF-16 unit to three, so a file within TEXT_MAX_INPUT
 * may decode to 3 GiB; the scanner (flex) holds the size of its buffer in
 * an int, and the memory budget is about the file's size. */
#define TEXT_MAX_DECODED ((size_t)1 << 30)

/* Why a decoder stopped. */
enum text_limit {
    TEXT_WITHIN_LIMITS,
    TEXT_INPUT_TOO_LARGE,   /* more than TEXT_MAX_INPUT bytes fed */
    TEXT_DECODED_TOO_LARGE, /* the text decodes to more than the decoder's limit */
};

struct decoded_text {
    char *text;        /* WTF-8, `len` bytes, then two NUL bytes (for flex) */
    size_t len;
    enum text_encoding encoding;
    enum text_eol eol;          /* the most frequent line ending */
    bool final_newline;         /* the text ends with a line ending */
    bool looks_utf8;            /* ANSI file that is valid UTF-8 with non-ASCII */
    bool looks_utf16_nobom;     /* ANSI file that looks like UTF-16 without BOM */
    bool has_utf8_bom;          /* ANSI file starting with EF BB BF */
    struct text_issue issues[TEXT_ISSUE_KIND_COUNT];
};

/* Decodes a whole file held in memory. Returns false (and sets nothing) when
 * the file is larger than TEXT_MAX_INPUT or decodes to more than
 * TEXT_MAX_DECODED. */
bool text_decode(const unsigned char *bytes, size_t n, struct decoded_text *out);

/* The same, fed in pieces, so that a large file never needs to be in memory
 * twice (raw and decoded). Feed any number of chunks, then finish. `size_hint`
 * is the expected total in bytes (0 if unknown), used to size the buffer;
 * `max_decoded` is the most decoded text taken, TEXT_MAX_DECODED or less. */
struct text_decoder;
struct text_decoder *text_decoder_new(size_t size_hint, size_t max_decoded);
/* Says which limit the input has passed, once it has: then abandon the
 * decoder. */
enum text_limit text_decoder_feed(struct text_decoder *dec, const unsigned char *bytes, size_t n);
/* Fills *out and frees the decoder; or, when the last bytes pass the limit
 * on decoded text, frees it, fills nothing and says so. */
enum text_limit text_decoder_finish(struct text_decoder *dec, struct decoded_text *out);
/* Frees the decoder without producing output. */
void text_decoder_abandon(struct text_decoder *dec);

/* The Unicode code point for a Windows-1252 byte. The five bytes Windows-1252
 * leaves undefined map to U+0081 etc., as Windows' MultiByteToWideChar does. */
uint32_t text_cp1252_decode(unsigned char byte);
/* The Windows-1252 byte for a code point, or -1 when it has none. */
int text_cp1252_encode(uint32_t cp);

/* Reads one code point of WTF-8 at s[*i], advancing *i. Invalid bytes yield
 * U+FFFD and advance by one. */
uint32_t text_next_cp(const char *s, size_t len, size_t *i);
/* Appends the WTF-8 form of `cp` (surrogates allowed). */
void text_put_utf8(struct buf *b, uint32_t cp);
/* Appends the character at s[*i] (of `len` bytes) and moves *i past it; an
 * unpaired surrogate, which the decoder keeps as WTF-8, becomes U+FFFD so
 * that the output is valid UTF-8. Returns the code point read. */
uint32_t text_put_valid_char(struct buf *b, const char *s, size_t len, size_t *i);
/* Number of code points in s[0..n). */
size_t text_count_cps(const char *s, size_t n);
/* Number of UTF-16 code units needed for s[0..n). */
size_t text_count_utf16(const char *s, size_t n);

/* The upper-case form of a code point as the registry compares names
 * (RtlUpcaseUnicodeChar): Windows' own upper-case table (src/upcase.h), so
 * that two names are one to reglint exactly when they are one to Windows.
 * Code points beyond the BMP are their own upper case (the registry sees
 * their surrogates, which the table leaves alone). */
uint32_t text_upcase(uint32_t cp);

/* Whether two names (UTF-8, as decoded) are the same name to the registry:
 * equal code point by code point after text_upcase(). */
bool text_names_equal(const char *a, size_t alen, const char *b, size_t blen);
/* A hash of a name as text_names_equal() compares it (each code point
 * through text_upcase()), continuing from `seed`: a key's address, or the
 * hash of a key path, so that a path and a value name hash as one. */
uint32_t text_name_hash(uint64_t seed, const char *s, size_t len);
/* Whether a[0..alen) is the NUL-terminated `b`, ASCII letters compared
 * without case (names of the project's own vocabulary: value names, file
 * names, directives), and whether s[0..len) starts with `prefix` so. */
bool text_ascii_equal_nocase(const char *a, size_t alen, const char *b);
bool text_ascii_starts_nocase(const char *s, size_t len, const char *prefix);

/* Appends the UTF-16LE code units of s[0..n) (no BOM, no terminator). */
void text_to_utf16le(const char *s, size_t n, struct buf *out);
/* Appends s[0..n) encoded as `enc` (no BOM). For TEXT_ANSI, characters with no
 * Windows-1252 byte become '?' and are counted in *lossy (may be NULL). */
void text_encode(const char *s, size_t n, enum text_encoding enc, struct buf *out,
                 size_t *lossy);
/* Appends the byte order mark regedit writes for `enc` (only UTF-16LE has one). */
void text_encode_bom(enum text_encoding enc, struct buf *out);
/* Appends the bytes of a UTF-16LE code unit sequence as WTF-8. `n` is in bytes;
 * an odd final byte is ignored. */
void text_from_utf16le(const unsigned char *p, size_t n, struct buf *out);

/* Appends s[0..n) for quoting in a message: up to the first line ending, at
 * most `max_cps` code points (then "..."), control characters as \xHH. */
void text_snippet(struct buf *out, const char *s, size_t n, size_t max_cps);
/* Appends s as a JSON string literal: quotes, backslashes and control
 * characters escaped, and unpaired surrogates (which the decoder keeps as
 * WTF-8) as U+FFFD, so that the result is valid JSON in UTF-8. */
void text_json_string(struct buf *out, const char *s, size_t len);

const char *text_encoding_name(enum text_encoding enc);
const char *text_eol_chars(enum text_eol eol);

#endif
