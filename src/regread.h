/*
 * regread: the private interface between the .reg scanner (grammar/reg.l),
 * the parser (grammar/reg.y) and reg_read() (regread.c).
 *
 * The scanner's start conditions follow regedit's import state machine line by
 * line (header, line start, value name, data, hex data, continuation); the
 * parser turns the tokens into statements; the problems either find are
 * reported through reg_problem(), whose table gives each its rule and message.
 * Nothing outside these three files includes this header, except the reader's
 * unit test, which checks every problem against the enum.
 */
#ifndef REGLINT_REGREAD_H
#define REGLINT_REGREAD_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "regfile.h"

/* Why a line or a value is skipped. ORDER: problem table in regread.c. */
enum reg_problem {
    PROB_HEADER_MISSING,
    PROB_HEADER_INEXACT,
    PROB_HEADER_TRAILING_BLANK,
    PROB_HEADER_WRONG_CASE,
    PROB_HEADER_FUZZY,
    PROB_HEADER_IGNORABLE,
    PROB_HEADER_UTF8_BOM,
    PROB_KEY_BLANK_AFTER_BRACKET,
    PROB_KEY_NO_CLOSING_BRACKET,
    PROB_KEY_UNKNOWN_ROOT,
    PROB_KEY_ABBREVIATED_ROOT,
    PROB_KEY_EMPTY,
    PROB_KEY_EMPTY_SEGMENT,
    PROB_KEY_LEADING_BACKSLASH,
    PROB_KEY_SEGMENT_TOO_LONG,
    PROB_KEY_TOO_DEEP,
    PROB_KEY_DELETE_IGNORED,
    PROB_KEY_DELETE_LEADING_BACKSLASH,
    PROB_KEY_DELETE_ROOT,
    PROB_KEY_DELETE_BAD_ROOT,
    PROB_TEXT_AFTER_KEY,
    PROB_NAME_UNTERMINATED,
    PROB_NAME_NUL_ESCAPE,
    PROB_NAME_TOO_LONG,
    PROB_NO_EQUALS,
    PROB_NO_DATA,
    PROB_STRING_UNTERMINATED,
    PROB_STRING_NUL_ESCAPE,
    PROB_TEXT_AFTER_STRING,
    PROB_TEXT_AFTER_DELETE,
    PROB_TYPE_UNKNOWN,
    PROB_TYPE_WRONG_CASE,
    PROB_TYPE_QWORD,
    PROB_TYPE_STR,
    PROB_TYPE_TYPOGRAPHIC_QUOTE,
    PROB_TYPE_BARE,
    PROB_TYPE_HEX_MALFORMED,
    PROB_DWORD_EMPTY,
    PROB_DWORD_TOO_LONG,
    PROB_DWORD_0X,
    PROB_DWORD_JUNK,
    PROB_DWORD_COMMENT_ONLY,
    PROB_HEX_BYTE_TOO_BIG,
    PROB_HEX_BLANK_BEFORE_COMMA,
    PROB_HEX_DOUBLE_COMMA,
    PROB_HEX_LEADING_COMMA,
    PROB_HEX_BAD_CHAR,
    PROB_HEX_BACKSLASH_AFTER_BYTE,
    PROB_HEX_TEXT_AFTER_BACKSLASH,
    PROB_HEX_BLANK_AFTER_COMMA,
    PROB_HEX_STRING_EMPTY,
    PROB_HEX_STRING_ONE_BYTE,
    PROB_HEX_STRING_ODD,
    PROB_CONTINUATION_BROKEN,
    PROB_CONTINUATION_AT_EOF,
    PROB_STRAY_LINE,
    PROB_STRAY_HEADER,
    PROB_STRAY_KEY_WITHOUT_BRACKETS,
    PROB_STRAY_QUOTED_LINE,
    PROB_STRAY_UNQUOTED_NAME,
    PROB_STRAY_WIN31_LINE,
    PROB_VALUE_OUTSIDE_KEY,
    PROB_ESCAPE_UNKNOWN,
    PROB_ESCAPE_WINE_ONLY,
    PROB_COUNT
};

/* A token's semantic value. */
struct reg_token {
    uint32_t number;      /* HEADER: version; HEX_TAG: type; DWORD: value; a bad
                           * token or `bad`: the problem; `name`: 1 if written @ */
    struct reg_name text; /* NAME, STRING: unescaped UTF-8 */
    struct span inner;    /* KEY: the path; WIN31: the key; `bad`: where the
                           * offending text starts (.start) */
    struct span trailing; /* KEY: text after ']'; WIN31: the value text */
};

/* Value data as the parser assembles it. */
struct reg_data {
    enum reg_form form;
    uint32_t type;
    bool plain;             /* hex: rather than hex(N): */
    struct reg_name string; /* REG_FORM_STRING: the unescaped text */
    unsigned char dword[4]; /* REG_FORM_DWORD: little-endian */
    uint32_t len;
};

struct reg_ctx {
    struct source *src;
    char *text;                /* the source text, scanned in place */
    struct arena *arena;
    struct diag_list *diags;
    struct reg_file *file;
    int line_start_state;      /* the scanner's start condition for a new line */
    bool last_was_eol;         /* for the EOL the scanner adds before end of file */
    bool hex_first_line;       /* regedit trims the value's own line, not the rest */
    bool hex_after_separator;  /* after the type tag or a comma */
    uint32_t hex_count;        /* bytes of the hex value read so far */
    struct reg_path_buf path;  /* the latest key path read */
    struct span last_backslash; /* the latest continuation backslash */
    uint32_t hex_end;          /* offset after the last hex byte read */
    struct span *inner_comments; /* ';' lines inside a hex continuation */
    size_t ninner, inner_cap;
    bool key_open;             /* the parser's view: a key is open for values */
};

/* Reports a problem at `at`, quoting the offending text. Returns the diag. */
struct diag *reg_problem(struct reg_ctx *ctx, enum reg_problem problem, struct span at);
/* The rule a problem belongs to. */
enum rule_id reg_problem_rule(enum reg_problem problem);

/* Unescapes a quoted name or string body (no quotes) as regedit does. Returns
 * false for a \0 escape. Reports unknown escapes. *out points into the source
 * when nothing needed unescaping. */
bool reg_unescape(struct reg_ctx *ctx, uint32_t start, uint32_t len, struct reg_name *out);
/* regedit's wcstoul(..., 16): skips blanks, takes a sign and a 0x prefix.
 * Returns the number of characters used (0: no number) and the value clamped
 * to 0xFFFFFFFF (with *overflow set past 32 bits). */
uint32_t reg_parse_ulong(const char *s, uint32_t len, uint32_t *value, bool *overflow);
/* One more than the value of each hex digit; 0 for other bytes. A table,
 * because hex data is most of a large export. */
extern const unsigned char reg_hex_digit_plus_1[256];

/* reg_hex_byte() for the forms other than two digits before a comma. */
uint32_t reg_hex_byte_slow(const char *s, uint32_t len, uint32_t *value, bool *too_big);

/* One byte of hex data at the start of `s` (the `len` characters left of its
 * run), read as regedit's wcstoul reads it: returns the characters used (0:
 * no number) and sets *value, and *too_big when the number does not fit a
 * byte. Inline: it runs once for every byte of a file's hex data. */
static inline uint32_t reg_hex_byte(const char *s, uint32_t len, uint32_t *value, bool *too_big)
{
    /* Most bytes are two digits before a comma. */
    unsigned high = len >= 2 ? reg_hex_digit_plus_1[(unsigned char)s[0]] : 0;
    unsigned low = len >= 2 ? reg_hex_digit_plus_1[(unsigned char)s[1]] : 0;
    if (high && low && (len == 2 || s[2] == ',')) {
        *value = (high - 1) << 4 | (low - 1);
        *too_big = false;
        return 2;
    }
    return reg_hex_byte_slow(s, len, value, too_big);
}
/* Classifies the first line of the file. */
enum reg_version reg_classify_header(const char *s, uint32_t len);
/* Whether an invalid first line was meant as a header (a header in the wrong
 * case, with trailing blanks, another version, behind a UTF-8 byte order
 * mark); if not, the file has no header and its first line is content. */
bool reg_header_intended(const char *s, uint32_t len);
/* Classifies a line regedit ignores (PROB_STRAY_*). */
enum reg_problem reg_classify_stray(const char *s, uint32_t len);
/* Whether text starts with a typographic quote, also as the UTF-8 bytes of
 * one read as Windows-1252. */
bool reg_starts_with_typographic_quote(const char *s, uint32_t len);
/* Classifies data that starts with no known type tag. */
enum reg_problem reg_classify_bad_data(const char *s, uint32_t len);
/* Checks a dword: body; returns PROB_COUNT when valid and sets *value. */
enum reg_problem reg_check_dword(const char *s, uint32_t len, uint32_t *value, uint32_t *digits_end);

/* Puts a new scanner into its header state (defined in reg.l). */
void reg_yy_begin_header(void *scanner);

/* Parser helpers. The reg_add_* functions each append one statement. */
void reg_set_header(struct reg_ctx *ctx, uint32_t version, struct span at);
void reg_add_key(struct reg_ctx *ctx, struct span at, const struct reg_token *tok, bool deleting);
void reg_add_value(struct reg_ctx *ctx, struct span at, const struct reg_token *name,
                   struct span name_at, const struct reg_data *data, struct span data_at);
void reg_add_value_delete(struct reg_ctx *ctx, struct span at, const struct reg_token *name,
                          struct span name_at);
void reg_add_comment(struct reg_ctx *ctx, struct span at);
/* Lines regedit skips: `at` is the whole statement, the problem's text starts
 * at `offending` and runs to the end of `at`. */
void reg_add_skipped(struct reg_ctx *ctx, struct span at, uint32_t problem, uint32_t offending);
void reg_add_win31(struct reg_ctx *ctx, struct span at, const struct reg_token *tok);
void reg_dword_data(uint32_t value, struct reg_data *out);
void reg_hex_start(struct reg_data *out, uint32_t type, bool plain);

#endif
