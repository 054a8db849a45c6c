/* reg_read() and the helpers the .reg scanner and parser share. */
#include "regread.h"

#include <assert.h>
#include <stdalign.h>
#include <string.h>

#include "reg_parse.h"
#define YYSTYPE REG_YYSTYPE
#define YYLTYPE REG_YYLTYPE
#include "reg_scan.h"

#include "xalloc.h"

/* How much of the offending text a message quotes. */
#define SNIPPET_CPS 40

static const char *const root_names[REG_ROOT_COUNT] = {
    [REG_ROOT_HKLM] = "HKEY_LOCAL_MACHINE",
    [REG_ROOT_HKU] = "HKEY_USERS",
    [REG_ROOT_HKCR] = "HKEY_CLASSES_ROOT",
    [REG_ROOT_HKCC] = "HKEY_CURRENT_CONFIG",
    [REG_ROOT_HKCU] = "HKEY_CURRENT_USER",
    [REG_ROOT_HKDD] = "HKEY_DYN_DATA",
};

/* The abbreviations reg.exe and PowerShell accept and regedit does not. */
static const struct {
    const char *abbreviation;
    enum reg_root root;
} root_abbreviations[] = {
    {"HKLM", REG_ROOT_HKLM}, {"HKU", REG_ROOT_HKU},  {"HKCR", REG_ROOT_HKCR},
    {"HKCC", REG_ROOT_HKCC}, {"HKCU", REG_ROOT_HKCU},
};

const char *reg_root_name(enum reg_root root)
{
    return root_names[root];
}

bool reg_version_imports(enum reg_version v)
{
    return v == REG_VERSION_4 || v == REG_VERSION_5 || v == REG_VERSION_WIN31;
}

/*
 * {=====================================================================
 * The problems the reader reports. A message reads
 *   <what> '<offending text>'; <consequence>
 * ORDER: enum reg_problem in regread.h.
 * =====================================================================
 */

/* A severity below SEV_STYLE means "the rule's default". */
#define DEFAULT_SEVERITY (-1)

static const struct problem_info {
    enum rule_id rule;
    int severity;
    const char *what;
    const char *consequence;
    const char *help;
} problems[PROB_COUNT] = {
    [PROB_HEADER_MISSING] = {RULE_MISSING_HEADER, DEFAULT_SEVERITY,
        "no regedit header on the first line", "regedit imports nothing from this file",
        "the first line must be exactly 'Windows Registry Editor Version 5.00' or 'REGEDIT4'"},
    [PROB_HEADER_INEXACT] = {RULE_INEXACT_HEADER, DEFAULT_SEVERITY,
        "header is not exact", "regedit imports nothing from this file",
        "the first line must be exactly 'Windows Registry Editor Version 5.00' or 'REGEDIT4'"},
    [PROB_HEADER_TRAILING_BLANK] = {RULE_INEXACT_HEADER, DEFAULT_SEVERITY,
        "blank after the header", "regedit compares the whole line and imports nothing from this file",
        "remove the trailing blanks from the first line"},
    [PROB_HEADER_WRONG_CASE] = {RULE_INEXACT_HEADER, DEFAULT_SEVERITY,
        "header in the wrong case", "regedit compares it case-sensitively and imports nothing from this file",
        "write exactly 'Windows Registry Editor Version 5.00' or 'REGEDIT4'"},
    [PROB_HEADER_FUZZY] = {RULE_INEXACT_HEADER, DEFAULT_SEVERITY,
        "header starts with REGEDIT but is not 'REGEDIT4'",
        "regedit accepts the file and imports nothing from it",
        "the first line must be exactly 'Windows Registry Editor Version 5.00' or 'REGEDIT4'"},
    [PROB_HEADER_IGNORABLE] = {RULE_INEXACT_HEADER, SEV_WARNING,
        "invisible character in the header",
        "regedit compares the header with Windows' string comparison, which passes over such characters: it may import the file as if the header were exact (Wine 8.0's does) or import nothing",
        "write the header exactly, without invisible characters"},
    [PROB_HEADER_UTF8_BOM] = {RULE_INEXACT_HEADER, DEFAULT_SEVERITY,
        "UTF-8 byte order mark before the header",
        "regedit reads the mark as part of the header and imports nothing (per Wine; reports on Windows differ)",
        "save the file as UTF-16LE, as regedit exports, or without the byte order mark"},
    [PROB_KEY_BLANK_AFTER_BRACKET] = {RULE_INVALID_KEY_PATH, DEFAULT_SEVERITY,
        "blank after '['", "regedit ignores this key line and the values below it go to the previous key",
        "write the root key name directly after '['"},
    [PROB_KEY_NO_CLOSING_BRACKET] = {RULE_INVALID_KEY_PATH, DEFAULT_SEVERITY,
        "key line without ']'", "regedit ignores it and the values below it go to the previous key",
        NULL},
    [PROB_KEY_UNKNOWN_ROOT] = {RULE_INVALID_KEY_PATH, DEFAULT_SEVERITY,
        "unknown root key", "regedit cannot open this key and drops the values below it",
        "root keys are HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, HKEY_USERS and HKEY_CURRENT_CONFIG"},
    [PROB_KEY_ABBREVIATED_ROOT] = {RULE_INVALID_KEY_PATH, DEFAULT_SEVERITY,
        "abbreviated root key", "regedit accepts only full root names and drops this key and its values",
        NULL},
    [PROB_KEY_EMPTY] = {RULE_INVALID_KEY_PATH, DEFAULT_SEVERITY,
        "empty key name", "regedit cannot open it and drops the values below it", NULL},
    [PROB_KEY_EMPTY_SEGMENT] = {RULE_INVALID_KEY_PATH, SEV_WARNING,
        "empty segment in the key path", "regedit (per Wine) skips it; Windows may refuse the key",
        "separate key names with a single backslash"},
    [PROB_KEY_LEADING_BACKSLASH] = {RULE_INVALID_KEY_PATH, DEFAULT_SEVERITY,
        "empty first segment in the key path",
        "the path below the root starts with a backslash, so regedit cannot open this key and drops the values below it",
        "separate the root key name from the key below it with a single backslash"},
    [PROB_KEY_SEGMENT_TOO_LONG] = {RULE_INVALID_KEY_PATH, DEFAULT_SEVERITY,
        "key name longer than 255 characters", "Windows refuses the key and regedit drops its values",
        NULL},
    [PROB_KEY_TOO_DEEP] = {RULE_INVALID_KEY_PATH, DEFAULT_SEVERITY,
        "key path deeper than 512 levels", "Windows refuses the key and regedit drops its values",
        NULL},
    [PROB_KEY_DELETE_IGNORED] = {RULE_INVALID_KEY_PATH, DEFAULT_SEVERITY,
        "'[-' not followed by a root key name", "regedit deletes nothing here",
        "write the root key name directly after '[-'"},
    [PROB_KEY_DELETE_LEADING_BACKSLASH] = {RULE_INVALID_KEY_PATH, DEFAULT_SEVERITY,
        "empty first segment in the path of a deletion",
        "the path below the root starts with a backslash, so regedit deletes nothing here",
        "separate the root key name from the key below it with a single backslash"},
    [PROB_KEY_DELETE_ROOT] = {RULE_INVALID_KEY_PATH, DEFAULT_SEVERITY,
        "deletion of a root key", "regedit stops importing at this line, so nothing below it is imported (per Wine)",
        "a root key cannot be deleted; name a key below it"},
    [PROB_KEY_DELETE_BAD_ROOT] = {RULE_INVALID_KEY_PATH, DEFAULT_SEVERITY,
        "deletion under an unknown root key",
        "regedit stops importing at this line, so nothing below it is imported (per Wine)",
        "root keys are HKEY_LOCAL_MACHINE, HKEY_CURRENT_USER, HKEY_CLASSES_ROOT, HKEY_USERS and HKEY_CURRENT_CONFIG"},
    [PROB_TEXT_AFTER_KEY] = {RULE_TEXT_AFTER_KEY, DEFAULT_SEVERITY,
        "text after ']'", "regedit ignores it", NULL},
    [PROB_NAME_UNTERMINATED] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "value name without a closing quote", "regedit skips this line",
        "escape a quote inside a name as \\\""},
    [PROB_NAME_NUL_ESCAPE] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "'\\0' escape in a value name", "regedit skips this line", NULL},
    [PROB_NAME_TOO_LONG] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "value name longer than 16383 characters", "Windows refuses the value", NULL},
    [PROB_NO_EQUALS] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "missing '=' after the value name", "regedit skips this line",
        "write \"Name\"=data; a quote inside a name is written \\\""},
    [PROB_NO_DATA] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "no data after '='", "regedit skips this line",
        "write \"\" for an empty string, or =- to delete the value"},
    [PROB_STRING_UNTERMINATED] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "string without a closing quote", "regedit skips this line",
        "a string cannot continue on the next line; a quote inside it is written \\\""},
    [PROB_STRING_NUL_ESCAPE] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "'\\0' escape in a string", "regedit skips this line",
        "write data with NUL characters as hex(1): or hex(7): bytes"},
    [PROB_TEXT_AFTER_STRING] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "text after the closing quote", "regedit skips this line",
        "only a ';' comment may follow; a quote inside a string is written \\\""},
    [PROB_TEXT_AFTER_DELETE] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "text after '=-'", "regedit deletes nothing and skips this line",
        "only a ';' comment may follow '-'"},
    [PROB_TYPE_UNKNOWN] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "unknown data type", "regedit skips this line",
        "data is \"text\", dword:xxxxxxxx, hex:xx,xx or hex(N):xx,xx"},
    [PROB_TYPE_WRONG_CASE] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "data type in the wrong case", "regedit skips this line",
        "type tags are case-sensitive: write dword:, hex: or hex(N):"},
    [PROB_TYPE_QWORD] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "qword: is not .reg syntax", "regedit skips this line",
        "write a REG_QWORD as hex(b): followed by 8 little-endian bytes"},
    [PROB_TYPE_STR] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "str: is Wine's registry syntax, not regedit's", "regedit skips this line",
        "write \"text\" for REG_SZ, or hex(2): bytes for REG_EXPAND_SZ"},
    [PROB_TYPE_TYPOGRAPHIC_QUOTE] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "typographic quote instead of '\"'", "regedit skips this line",
        "use straight double quotes"},
    [PROB_TYPE_BARE] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "data without quotes or a type", "regedit skips this line",
        "write a number as dword:00000001 and text as \"text\""},
    [PROB_TYPE_HEX_MALFORMED] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "malformed hex(N): type", "regedit skips this line",
        "N is a hexadecimal number without 0x, e.g. hex(7): or hex(b):"},
    [PROB_DWORD_EMPTY] = {RULE_INVALID_DWORD, DEFAULT_SEVERITY,
        "dword: without digits", "regedit skips this line", "write dword:00000000"},
    [PROB_DWORD_TOO_LONG] = {RULE_INVALID_DWORD, DEFAULT_SEVERITY,
        "more than 8 hex digits after dword:", "regedit skips this line",
        "a dword holds 8 hex digits; write larger numbers as hex(b): (REG_QWORD)"},
    [PROB_DWORD_0X] = {RULE_INVALID_DWORD, DEFAULT_SEVERITY,
        "0x prefix after dword:", "regedit skips this line",
        "dword: data is hexadecimal already: write dword:0000000a"},
    [PROB_DWORD_JUNK] = {RULE_INVALID_DWORD, DEFAULT_SEVERITY,
        "text after the dword digits", "regedit skips this line",
        "dword: takes 1 to 8 hex digits; only a ';' comment may follow"},
    [PROB_DWORD_COMMENT_ONLY] = {RULE_INVALID_DWORD, SEV_WARNING,
        "dword: followed only by a comment", "regedit (per Wine) stores 0",
        "write the value: dword:00000000"},
    [PROB_HEX_BYTE_TOO_BIG] = {RULE_INVALID_HEX_DATA, DEFAULT_SEVERITY,
        "hex byte greater than ff", "regedit skips this value",
        "separate bytes with commas: 01,02 not 0102"},
    [PROB_HEX_BLANK_BEFORE_COMMA] = {RULE_INVALID_HEX_DATA, DEFAULT_SEVERITY,
        "blank before ','", "regedit skips this value", NULL},
    [PROB_HEX_DOUBLE_COMMA] = {RULE_INVALID_HEX_DATA, DEFAULT_SEVERITY,
        "two commas in a row", "regedit skips this value", NULL},
    [PROB_HEX_LEADING_COMMA] = {RULE_INVALID_HEX_DATA, DEFAULT_SEVERITY,
        "',' before the first byte", "regedit skips this value", NULL},
    [PROB_HEX_BAD_CHAR] = {RULE_INVALID_HEX_DATA, DEFAULT_SEVERITY,
        "not a comma-separated hex byte", "regedit skips this value",
        "hex data is bytes like 0a,ff separated by commas; only a ';' comment may follow"},
    [PROB_HEX_BACKSLASH_AFTER_BYTE] = {RULE_INVALID_HEX_DATA, DEFAULT_SEVERITY,
        "continuation backslash without a comma before it", "regedit skips this value",
        "end a continued line with ',\\'"},
    [PROB_HEX_TEXT_AFTER_BACKSLASH] = {RULE_INVALID_HEX_DATA, DEFAULT_SEVERITY,
        "text after the continuation backslash", "regedit skips this value",
        "only blanks or a ';' comment may follow '\\'"},
    [PROB_HEX_BLANK_AFTER_COMMA] = {RULE_INVALID_HEX_DATA, DEFAULT_SEVERITY,
        "blank after the last comma of a continuation line", "regedit skips this value",
        "remove the blanks, or end the line with ',\\' to continue"},
    [PROB_HEX_STRING_EMPTY] = {RULE_UNDEFINED_STRING_DATA, DEFAULT_SEVERITY,
        "string data with no bytes before a comment or continuation",
        "regedit then looks for a terminating NUL before the start of its buffer: Wine's crashes there, ending the import, and what Windows' does is undefined",
        "write the type tag alone (hex(2):) for an empty value, or give the bytes with their terminating NUL"},
    [PROB_HEX_STRING_ONE_BYTE] = {RULE_UNDEFINED_STRING_DATA, DEFAULT_SEVERITY,
        "one byte of string data in a UTF-16 file",
        "regedit reads it as characters of two bytes and looks for a terminating NUL before the start of its buffer: Wine's crashes there, ending the import, and what Windows' does is undefined",
        "in a UTF-16 file string data is two bytes per character: end it with 00,00"},
    [PROB_HEX_STRING_ODD] = {RULE_UNDEFINED_STRING_DATA, DEFAULT_SEVERITY,
        "odd number of bytes of string data in a UTF-16 file",
        "regedit (per Wine) writes a NUL character over the last byte and stores one byte from past the end of its buffer, so the value's last byte is undefined",
        "in a UTF-16 file string data is two bytes per character: complete the last character or drop its odd byte, and end with 00,00"},
    [PROB_CONTINUATION_BROKEN] = {RULE_UNTERMINATED_CONTINUATION, DEFAULT_SEVERITY,
        "this line does not continue the hex data above",
        "regedit drops the value, and this line with it",
        "a continuation line starts with a hex byte; only blank lines and ';' comments may come between"},
    [PROB_CONTINUATION_AT_EOF] = {RULE_UNTERMINATED_CONTINUATION, SEV_WARNING,
        "the file ends after a continuation backslash", "regedit stores the bytes read so far",
        NULL},
    [PROB_STRAY_LINE] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "not a key, a value or a comment", "regedit ignores this line",
        "start a comment line with ';'"},
    [PROB_STRAY_HEADER] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "header below the first line", "regedit reads only the first line as the header",
        "move the header to the first line"},
    [PROB_STRAY_KEY_WITHOUT_BRACKETS] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "key path without brackets", "regedit ignores this line",
        "write key lines as [HKEY_...\\Key]"},
    [PROB_STRAY_QUOTED_LINE] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "typographic quotes", "regedit ignores this line", "use straight double quotes"},
    [PROB_STRAY_UNQUOTED_NAME] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "value name without quotes", "regedit ignores this line",
        "write \"Name\"=data, or @=data for the default value"},
    [PROB_STRAY_WIN31_LINE] = {RULE_INVALID_VALUE_LINE, DEFAULT_SEVERITY,
        "line that does not start with HKEY_CLASSES_ROOT in a REGEDIT (Windows 3.1) file",
        "regedit ignores it", NULL},
    [PROB_VALUE_OUTSIDE_KEY] = {RULE_VALUE_OUTSIDE_KEY, DEFAULT_SEVERITY,
        "value with no open key", "regedit drops it",
        "put a [HKEY_...] key line above it"},
    [PROB_ESCAPE_UNKNOWN] = {RULE_ESCAPE_SEQUENCE, DEFAULT_SEVERITY,
        "unknown escape", "regedit keeps only the character after the backslash",
        "write a backslash as \\\\"},
    [PROB_ESCAPE_WINE_ONLY] = {RULE_ESCAPE_SEQUENCE, DEFAULT_SEVERITY,
        "escape for a line break", "Wine's regedit stores CR or LF; Windows' handling is not documented",
        "write data with line breaks as hex(1): or hex(7): bytes"},
};

enum rule_id reg_problem_rule(enum reg_problem problem)
{
    return problems[problem].rule;
}

struct diag *reg_problem(struct reg_ctx *ctx, enum reg_problem problem, struct span at)
{
    const struct problem_info *info = &problems[problem];
    struct buf snippet = BUF_INIT;
    text_snippet(&snippet, ctx->text + at.start, at.end - at.start, SNIPPET_CPS);
    struct diag *d;
    if (snippet.len)
        d = diag_add(ctx->diags, info->rule, ctx->src, at, "%s '%s'; %s", info->what,
                     snippet.data, info->consequence);
    else
        d = diag_add(ctx->diags, info->rule, ctx->src, at, "%s; %s", info->what,
                     info->consequence);
    buf_free(&snippet);
    if (info->severity != DEFAULT_SEVERITY)
        d->severity = (enum severity)info->severity;
    if (info->help)
        diag_help(ctx->diags, d, "%s", info->help);
    return d;
}

/* }===================================================================== */

/*
 * {=====================================================================
 * Lexical helpers: regedit's own ways of reading names, numbers and headers.
 * =====================================================================
 */

const unsigned char reg_hex_digit_plus_1[256] = {
    ['0'] = 1,  ['1'] = 2,  ['2'] = 3,  ['3'] = 4,  ['4'] = 5,  ['5'] = 6,
    ['6'] = 7,  ['7'] = 8,  ['8'] = 9,  ['9'] = 10, ['a'] = 11, ['b'] = 12,
    ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16, ['A'] = 11, ['B'] = 12,
    ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

static bool is_hex_digit(char c)
{
    return reg_hex_digit_plus_1[(unsigned char)c] != 0;
}

static uint32_t hex_digit_value(char c)
{
    return reg_hex_digit_plus_1[(unsigned char)c] - 1u;
}

uint32_t reg_parse_ulong(const char *s, uint32_t len, uint32_t *value, bool *overflow)
{
    uint32_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\v' || s[i] == '\f'))
        i++;
    bool negative = false;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        negative = s[i++] == '-';
    if (i + 2 < len + 0u && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X') &&
        is_hex_digit(s[i + 2]))
        i += 2;
    uint64_t v = 0;
    uint32_t digits = 0;
    *overflow = false;
    while (i < len && is_hex_digit(s[i])) {
        v = (v << 4) | hex_digit_value(s[i]);
        if (v > 0xFFFFFFFFu) {
            *overflow = true;
            v = 0xFFFFFFFFu;
        }
        i++;
        digits++;
    }
    if (digits == 0) {
        *value = 0;
        return 0;
    }
    /* msvcrt's wcstoul negates in 32 bits: "-1" is 0xFFFFFFFF. */
    *value = negative && !*overflow ? (uint32_t)(0x100000000u - v) : (uint32_t)v;
    return i;
}

uint32_t reg_hex_byte_slow(const char *s, uint32_t len, uint32_t *value, bool *too_big)
{
    bool overflow = false;
    uint32_t used = reg_parse_ulong(s, len, value, &overflow);
    *too_big = overflow || *value > 0xFF;
    return used;
}

/* Characters Windows' linguistic comparison gives no weight, so that
 * lstrcmpW() passes over them: those of them Wine 8.0's regedit was seen to
 * ignore in a header (each tested; U+2065 is unassigned). */
static bool is_ignorable(uint32_t cp)
{
    return cp == 0x00AD || cp == 0x034F || cp == 0x061C || (cp >= 0x200C && cp <= 0x200F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064) ||
           (cp >= 0x2066 && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF ||
           (cp >= 0xFFF9 && cp <= 0xFFFB) || cp == 0xFFFE || cp == 0xFFFF;
}

/* The first character lstrcmpW() would ignore in s[0..len), or 0. */
static uint32_t first_ignorable(const char *s, uint32_t len)
{
    for (size_t i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp = text_next_cp(s, len, &i);
        if (is_ignorable(cp))
            return cp;
    }
    return 0;
}

/* Whether s[0..len) equals the ASCII text `want` as lstrcmpW() compares:
 * case and every other character count, ignorable characters do not. */
static bool equal_as_lstrcmp(const char *s, uint32_t len, const char *want)
{
    size_t i = 0;
    for (; *want; want++) {
        for (;;) {
            if (i == len)
                return false;
            if ((unsigned char)s[i] < 0x80)
                break;
            size_t at = i;
            if (!is_ignorable(text_next_cp(s, len, &i))) {
                i = at;
                break;
            }
        }
        if (s[i++] != *want)
            return false;
    }
    while (i < len) {
        if ((unsigned char)s[i] < 0x80 || !is_ignorable(text_next_cp(s, len, &i)))
            return false;
    }
    return true;
}

enum reg_version reg_classify_header(const char *s, uint32_t len)
{
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    /* regedit compares the line with lstrcmpW(), which passes over
     * ignorable characters, and then its first 7 characters exactly. */
    if (equal_as_lstrcmp(s, len, "REGEDIT"))
        return REG_VERSION_WIN31;
    if (equal_as_lstrcmp(s, len, "REGEDIT4"))
        return REG_VERSION_4;
    if (equal_as_lstrcmp(s, len, "Windows Registry Editor Version 5.00"))
        return REG_VERSION_5;
    if (len >= 7 && memcmp(s, "REGEDIT", 7) == 0)
        return REG_VERSION_FUZZY;
    return REG_VERSION_INVALID;
}

/* Whether s[0..n) equals `upper` ignoring ASCII case. */
static bool equal_upper(const char *s, uint32_t n, const char *upper)
{
    if (strlen(upper) != n)
        return false;
    for (uint32_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c != upper[i])
            return false;
    }
    return true;
}

/* The UTF-8 byte order mark as it reads after Windows-1252 decoding: "ï»¿". */
static const char bom_as_ansi[] = "\xC3\xAF\xC2\xBB\xC2\xBF";

bool reg_header_intended(const char *s, uint32_t len)
{
    /* Blanks, and characters that do not show (a second byte order mark). */
    for (;;) {
        size_t next = 0;
        if (len > 0 && (*s == ' ' || *s == '\t'))
            next = 1;
        else if (len > 0 && (unsigned char)*s >= 0x80 && !is_ignorable(text_next_cp(s, len, &next)))
            next = 0;
        if (next == 0)
            break;
        s += next;
        len -= (uint32_t)next;
    }
    uint32_t bom = (uint32_t)sizeof bom_as_ansi - 1;
    if (len >= bom && memcmp(s, bom_as_ansi, bom) == 0) {
        s += bom;
        len -= bom;
    }
    return text_ascii_starts_nocase(s, len, "regedit") ||
           text_ascii_starts_nocase(s, len, "windows registry editor");
}

bool reg_starts_with_typographic_quote(const char *s, uint32_t len)
{
    /* U+2018, U+2019, U+201C, U+201D, U+201E: E2 80 98/99/9C/9D/9E. */
    if (len >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80) {
        unsigned char c = (unsigned char)s[2];
        if (c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D || c == 0x9E)
            return true;
    }
    /* The same bytes in a UTF-8 file read as Windows-1252: "\u00e2\u20ac...". */
    return len >= 5 && memcmp(s, "\xC3\xA2\xE2\x82\xAC", 5) == 0;
}

enum reg_problem reg_classify_stray(const char *s, uint32_t len)
{
    enum reg_version v = reg_classify_header(s, len);
    if (v == REG_VERSION_4 || v == REG_VERSION_5)
        return PROB_STRAY_HEADER;
    if (text_ascii_starts_nocase(s, len, "hkey_"))
        return PROB_STRAY_KEY_WITHOUT_BRACKETS;
    if (reg_starts_with_typographic_quote(s, len))
        return PROB_STRAY_QUOTED_LINE;
    if (memchr(s, '=', len))
        return PROB_STRAY_UNQUOTED_NAME;
    return PROB_STRAY_LINE;
}

enum reg_problem reg_check_dword(const char *s, uint32_t len, uint32_t *value,
                                 uint32_t *digits_end)
{
    uint32_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    uint32_t first = i;
    while (i < len && is_hex_digit(s[i]))
        i++;
    uint32_t digits = i - first;
    *digits_end = i;
    if (digits > 8)
        return PROB_DWORD_TOO_LONG;
    if (digits == 1 && s[first] == '0' && i < len && (s[i] == 'x' || s[i] == 'X'))
        return PROB_DWORD_0X;
    uint32_t after = i;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i < len && s[i] != ';')
        return digits == 0 ? PROB_DWORD_EMPTY : PROB_DWORD_JUNK;
    if (digits == 0 && i == len)
        return PROB_DWORD_EMPTY;
    uint32_t v = 0;
    for (uint32_t k = first; k < after; k++)
        v = (v << 4) | hex_digit_value(s[k]);
    *value = v;
    /* Wine accepts "dword: ;comment" as 0. */
    return digits == 0 ? PROB_DWORD_COMMENT_ONLY : PROB_COUNT;
}

enum reg_problem reg_classify_bad_data(const char *s, uint32_t len)
{
    if (len >= 4 && memcmp(s, "hex(", 4) == 0)
        return PROB_TYPE_HEX_MALFORMED;
    if (text_ascii_starts_nocase(s, len, "dword:") || text_ascii_starts_nocase(s, len, "hex:") ||
        text_ascii_starts_nocase(s, len, "hex("))
        return PROB_TYPE_WRONG_CASE;
    if (text_ascii_starts_nocase(s, len, "qword:"))
        return PROB_TYPE_QWORD;
    if (text_ascii_starts_nocase(s, len, "str:") || text_ascii_starts_nocase(s, len, "str("))
        return PROB_TYPE_STR;
    if (reg_starts_with_typographic_quote(s, len))
        return PROB_TYPE_TYPOGRAPHIC_QUOTE;
    unsigned char c = (unsigned char)s[0];
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
        return PROB_TYPE_BARE;
    return PROB_TYPE_UNKNOWN;
}

bool reg_unescape(struct reg_ctx *ctx, uint32_t start, uint32_t len, struct reg_name *out)
{
    const char *s = ctx->text + start;
    if (!memchr(s, '\\', len)) {
        out->s = s;
        out->len = len;
        return true;
    }
    char *d = arena_alloc_bytes(ctx->arena, len + 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < len; i++) {
        if (s[i] != '\\') {
            d[n++] = s[i];
            continue;
        }
        /* The scanner guarantees a character after every backslash. */
        char c = s[++i];
        struct span at = {start + i - 1, start + i + 1};
        switch (c) {
        case '\\':
        case '"':
            d[n++] = c;
            break;
        case 'n':
        case 'r':
            reg_problem(ctx, PROB_ESCAPE_WINE_ONLY, at);
            d[n++] = c == 'n' ? '\n' : '\r';
            break;
        case '0':
            return false;
        default:
            reg_problem(ctx, PROB_ESCAPE_UNKNOWN, at);
            d[n++] = c;
            break;
        }
    }
    out->s = d;
    out->len = n;
    return true;
}

/* }===================================================================== */

/*
 * {=====================================================================
 * Statements.
 * =====================================================================
 */

static struct reg_stmt *new_stmt(struct reg_ctx *ctx, enum reg_stmt_kind kind, struct span at)
{
    struct reg_file *f = ctx->file;
    f->stmts = xgrow(f->stmts, &f->cap, f->nstmts + 1, sizeof *f->stmts);
    struct reg_stmt *st = &f->stmts[f->nstmts++];
    memset(st, 0, sizeof *st);
    st->kind = kind;
    st->at = at;
    return st;
}

/* Comments found inside a hex continuation follow the value they sit in. */
static void flush_inner_comments(struct reg_ctx *ctx)
{
    for (size_t i = 0; i < ctx->ninner; i++)
        new_stmt(ctx, REG_STMT_COMMENT, ctx->inner_comments[i]);
    ctx->ninner = 0;
}

/* The fix for an inexact header: regedit's spelling of the header the line
 * is closest to, or the line without the UTF-8 byte order mark. */
static void header_fix(struct reg_ctx *ctx, struct diag *d, enum reg_problem problem, struct span at,
                       uint32_t trimmed)
{
    /* EF BB BF as the Windows-1252 text the file was read as. */
    static const char utf8_bom[] = "\xC3\xAF\xC2\xBB\xC2\xBF";
    const uint32_t bom_len = sizeof utf8_bom - 1;
    const char *s = ctx->text + at.start;
    if (problem == PROB_HEADER_UTF8_BOM) {
        if (at.start == 0 && at.end >= bom_len && memcmp(s, utf8_bom, bom_len) == 0) {
            struct fix *fix = diag_fix(ctx->diags, d, FIX_SAFE, "remove the byte order mark");
            diag_fix_edit(ctx->diags, fix, (struct span){0, bom_len}, "");
        }
        return;
    }
    const char *exact = trimmed >= 7 && equal_upper(s, 7, "REGEDIT") ? "REGEDIT4"
                                                                     : "Windows Registry Editor Version 5.00";
    if (problem == PROB_HEADER_IGNORABLE) /* the header regedit takes it for */
        exact = ctx->file->version == REG_VERSION_4       ? "REGEDIT4"
                : ctx->file->version == REG_VERSION_WIN31 ? "REGEDIT"
                                                          : "Windows Registry Editor Version 5.00";
    struct fix *fix = diag_fix(ctx->diags, d, FIX_SAFE, "write the header exactly: %s", exact);
    diag_fix_edit(ctx->diags, fix, at, exact);
}

/* PROB_HEADER_IGNORABLE names the character, which quoting would not show;
 * a second byte order mark is one, and says so. */
static struct diag *report_ignorable(struct reg_ctx *ctx, struct span at)
{
    const struct problem_info *info = &problems[PROB_HEADER_IGNORABLE];
    const char *s = ctx->text + at.start;
    uint32_t n = at.end - at.start;
    uint32_t cp = first_ignorable(s, n);
    uint32_t lead = 0;
    while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
        lead++;
    struct diag *d;
    if (cp == 0xFEFF && at.start == 0 && lead == 0 && ctx->src->d.encoding == TEXT_UTF16LE)
        d = diag_add(ctx->diags, info->rule, ctx->src, (struct span){at.start, at.start + 3},
                     "a second byte order mark (FF FE) before the header; %s", info->consequence);
    else
        d = diag_add(ctx->diags, info->rule, ctx->src, at, "%s (U+%04X); %s", info->what,
                     (unsigned)cp, info->consequence);
    d->severity = (enum severity)info->severity;
    diag_help(ctx->diags, d, "%s", info->help);
    return d;
}

void reg_set_header(struct reg_ctx *ctx, uint32_t version, struct span at)
{
    struct reg_file *f = ctx->file;
    f->version = (enum reg_version)version;
    f->header_at = at;
    const char *s = ctx->text + at.start;
    uint32_t n = at.end - at.start;
    enum reg_problem problem = PROB_COUNT;
    uint32_t trimmed = n;
    while (trimmed > 0 && (s[trimmed - 1] == ' ' || s[trimmed - 1] == '\t'))
        trimmed--;
    enum reg_version without_blanks = reg_classify_header(s, trimmed);
    bool valid_without_blanks = without_blanks == REG_VERSION_4 || without_blanks == REG_VERSION_5;
    if (version == REG_VERSION_FUZZY) {
        problem = trimmed < n && valid_without_blanks ? PROB_HEADER_TRAILING_BLANK : PROB_HEADER_FUZZY;
    } else if (reg_version_imports((enum reg_version)version) && first_ignorable(s, n)) {
        problem = PROB_HEADER_IGNORABLE;
    } else if (version == REG_VERSION_NONE || (version == REG_VERSION_INVALID && n == 0)) {
        problem = PROB_HEADER_MISSING;
    } else if (version == REG_VERSION_INVALID) {
        if (ctx->src->d.has_utf8_bom)
            problem = PROB_HEADER_UTF8_BOM;
        else if (trimmed < n && valid_without_blanks)
            problem = PROB_HEADER_TRAILING_BLANK;
        else if (equal_upper(s, trimmed, "REGEDIT4") ||
                 equal_upper(s, trimmed, "WINDOWS REGISTRY EDITOR VERSION 5.00"))
            problem = PROB_HEADER_WRONG_CASE;
        else
            problem = PROB_HEADER_INEXACT;
    }
    /* A missing header is missing from the start of the file, wherever the
     * scanner found the first line's end (after a NUL, say). */
    if (problem == PROB_HEADER_MISSING) {
        at.start = at.end = 0;
        reg_problem(ctx, problem, at);
    } else if (problem == PROB_HEADER_IGNORABLE) {
        header_fix(ctx, report_ignorable(ctx, at), problem, at, trimmed);
    } else if (problem != PROB_COUNT) {
        header_fix(ctx, reg_problem(ctx, problem, at), problem, at, trimmed);
    }
}

/* Whether s[0..len) takes more than `max` UTF-16 code units. */
static bool longer_in_utf16(const char *s, uint32_t len, uint32_t max)
{
    /* No character takes more code units than bytes: short text needs no
     * count, and nearly every name is short. */
    return len > max && text_count_utf16(s, len) > max;
}

/* The root an abbreviation such as HKLM stands for, or REG_ROOT_COUNT. */
static enum reg_root abbreviated_root(const char *s, uint32_t n)
{
    for (size_t k = 0; k < sizeof root_abbreviations / sizeof root_abbreviations[0]; k++)
        if (equal_upper(s, n, root_abbreviations[k].abbreviation))
            return root_abbreviations[k].root;
    return REG_ROOT_COUNT;
}

static uint32_t root_length(const char *s, uint32_t len)
{
    uint32_t n = 0;
    while (n < len && s[n] != '\\')
        n++;
    return n;
}

/* Splits the text of a path `s` (at offset `base` of the source) after its
 * root into segments, passing over empty ones, and returns how many there
 * are; only the first `room` are written. *empty_inside is set when an empty
 * segment comes before more text. */
static uint32_t split_path(const char *s, uint32_t len, uint32_t root_len, uint32_t base,
                           struct reg_segment *out, uint32_t room, bool *empty_inside)
{
    uint32_t count = 0;
    for (uint32_t i = root_len; i < len;) {
        uint32_t j = i + 1;
        while (j < len && s[j] != '\\')
            j++;
        if (j > i + 1) {
            if (count < room)
                out[count] = (struct reg_segment){base + i + 1, j - i - 1};
            count++;
        } else if (j < len) {
            *empty_inside = true;
        }
        i = j;
    }
    return count;
}

const struct reg_path *reg_key_path(const struct reg_file *file, const struct reg_key_stmt *k,
                                    struct reg_path_buf *buf)
{
    const char *text = file->src->d.text;
    const char *s = text + k->path_at.start;
    uint32_t len = k->path_at.end - k->path_at.start;
    bool empty_inside = false;
    buf->path.root = (enum reg_root)k->root;
    buf->path.text = text;
    buf->path.segments = buf->segments;
    buf->path.depth = split_path(s, len, root_length(s, len), k->path_at.start, buf->segments,
                                 REG_MAX_KEY_DEPTH, &empty_inside);
    return &buf->path;
}

/* Resolves the text of a key path; returns false (with the problem) when
 * regedit cannot use it. Empty segments are skipped, as the registry does;
 * one inside the path is reported (PROB_KEY_EMPTY_SEGMENT, still usable). */
static bool resolve_path(struct reg_ctx *ctx, struct span at, struct reg_path *out,
                         enum reg_problem *problem)
{
    const char *s = ctx->text + at.start;
    uint32_t len = at.end - at.start;
    uint32_t root_len = root_length(s, len);
    memset(out, 0, sizeof *out);
    *problem = PROB_COUNT;
    if (len == 0) {
        *problem = PROB_KEY_EMPTY;
        return false;
    }
    int root = 0;
    while (root < REG_ROOT_COUNT && !equal_upper(s, root_len, root_names[root]))
        root++;
    if (root == REG_ROOT_COUNT) {
        *problem = abbreviated_root(s, root_len) != REG_ROOT_COUNT ? PROB_KEY_ABBREVIATED_ROOT
                                                                  : PROB_KEY_UNKNOWN_ROOT;
        return false;
    }
    out->root = (enum reg_root)root;
    out->text = ctx->text;
    /* regedit passes what follows the root's backslash to RegCreateKeyEx,
     * which refuses a path that starts with another one. */
    if (root_len + 1 < len && s[root_len + 1] == '\\') {
        *problem = PROB_KEY_LEADING_BACKSLASH;
        return false;
    }
    bool empty_inside = false;
    uint32_t count = split_path(s, len, root_len, at.start, ctx->path.segments,
                                REG_MAX_KEY_DEPTH, &empty_inside);
    if (count > REG_MAX_KEY_DEPTH) {
        *problem = PROB_KEY_TOO_DEEP;
        return false;
    }
    out->segments = ctx->path.segments;
    out->depth = count;
    for (uint32_t i = 0; i < count; i++) {
        if (longer_in_utf16(ctx->text + out->segments[i].start, out->segments[i].len,
                            REG_MAX_KEY_SEGMENT)) {
            *problem = PROB_KEY_SEGMENT_TOO_LONG;
            return false;
        }
    }
    /* "\\" before more text; trailing backslashes are harmless. */
    if (empty_inside)
        *problem = PROB_KEY_EMPTY_SEGMENT;
    return true;
}

/* Whether `n` bytes of text read, on a line of their own below a key, as
 * value lines regedit takes without a complaint. */
static bool reads_as_values(const char *s, uint32_t n)
{
    struct buf text = BUF_INIT;
    buf_puts(&text, "[HKEY_CURRENT_USER\\K]\n");
    buf_append(&text, s, n);
    buf_puts(&text, "\n");
    struct reg_doc r;
    bool read = reg_read_text(&r, "value", text.data, text.len);
    buf_free(&text);
    if (!read)
        return false;
    const struct reg_file *file = r.file;
    bool values = r.diags.n == 0 && file->nstmts > 1;
    for (size_t i = 1; i < file->nstmts && values; i++)
        values = file->stmts[i].kind == REG_STMT_VALUE ||
                 file->stmts[i].kind == REG_STMT_VALUE_DELETE ||
                 file->stmts[i].kind == REG_STMT_COMMENT;
    reg_doc_release(&r);
    return values;
}

/* Text after a key line's ']'. Moving values written there to lines of their
 * own is offered only below a key regedit opens, and only when the text
 * reads as values there: anywhere else they would still be lost, now as
 * values outside a key or as lines regedit skips. */
static void report_trailing(struct reg_ctx *ctx, struct span trailing, bool opens_key)
{
    const char *s = ctx->text;
    uint32_t i = trailing.start;
    while (i < trailing.end && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i == trailing.end || s[i] == ';')
        return;
    struct span at = {i, trailing.end};
    struct diag *d = reg_problem(ctx, PROB_TEXT_AFTER_KEY, at);
    if (!memchr(s + i, '=', trailing.end - i)) {
        diag_help(ctx->diags, d, "start a comment with ';'");
    } else if (!opens_key) {
        diag_help(ctx->diags, d, "put each value on its own line below a key line regedit opens");
    } else if (!reads_as_values(s + i, trailing.end - i)) {
        diag_help(ctx->diags, d, "put each value on its own line below the key line");
    } else {
        diag_help(ctx->diags, d, "put each value on its own line below the key line");
        /* Unsafe: values regedit ignored start to be written. */
        struct fix *fix = diag_fix(ctx->diags, d, FIX_UNSAFE, "move the text to its own line");
        diag_fix_edit(ctx->diags, fix, (struct span){trailing.start, i},
                      text_eol_chars(ctx->src->d.eol));
    }
}

void reg_add_key(struct reg_ctx *ctx, struct span at, const struct reg_token *tok, bool deleting)
{
    struct reg_stmt *st = new_stmt(ctx, deleting ? REG_STMT_KEY_DELETE : REG_STMT_KEY, at);
    struct reg_key_stmt *key = &st->as.key;
    key->path_at = tok->inner;
    ctx->key_open = false;
    enum reg_problem problem = PROB_COUNT;
    struct reg_path path;
    bool usable = resolve_path(ctx, tok->inner, &path, &problem);
    key->resolved = usable;
    key->root = (uint8_t)path.root;
    key->depth = (uint16_t)path.depth;
    if (deleting) {
        /* regedit deletes only when 'H' follows the '-'; then a bad root, or a
         * bare root, stops the whole import. */
        char first = tok->inner.end > tok->inner.start ? ctx->text[tok->inner.start] : '\0';
        if (first != 'H' && first != 'h') {
            reg_problem(ctx, PROB_KEY_DELETE_IGNORED, at);
            usable = false;
        } else if (problem == PROB_KEY_LEADING_BACKSLASH) {
            /* RegDeleteTree fails on such a path; regedit goes on. */
            reg_problem(ctx, PROB_KEY_DELETE_LEADING_BACKSLASH, tok->inner);
        } else if (!usable || path.depth == 0) {
            key->aborts = true;
            reg_problem(ctx, usable ? PROB_KEY_DELETE_ROOT : PROB_KEY_DELETE_BAD_ROOT, at);
            usable = false;
        } else if (problem != PROB_COUNT) {
            reg_problem(ctx, problem, tok->inner);
        }
    } else {
        if (problem != PROB_COUNT) {
            struct diag *d = reg_problem(ctx, problem, tok->inner);
            const char *p = ctx->text + tok->inner.start;
            enum reg_root meant = abbreviated_root(p, root_length(p, tok->inner.end - tok->inner.start));
            if (problem == PROB_KEY_ABBREVIATED_ROOT)
                diag_help(ctx->diags, d, "write %s", root_names[meant]);
        }
        ctx->key_open = usable;
    }
    key->usable = usable;
    report_trailing(ctx, tok->trailing, ctx->key_open);
}

void reg_add_win31(struct reg_ctx *ctx, struct span at, const struct reg_token *tok)
{
    struct reg_token key = *tok;
    key.trailing = (struct span){tok->inner.end, tok->inner.end};
    reg_add_key(ctx, tok->inner, &key, false);
    if (!ctx->key_open)
        return;
    struct reg_stmt *st = new_stmt(ctx, REG_STMT_VALUE, at);
    struct reg_value_stmt *v = &st->as.value;
    v->is_at = true;
    v->form = REG_FORM_STRING;
    v->type = REG_TYPE_SZ;
    v->data.string = tok->trailing.start;
    v->len = tok->trailing.end - tok->trailing.start;
    v->name_at = (struct span){tok->inner.end, tok->inner.end};
    v->data_at = tok->trailing;
}

/* Where a name or string read from the file is kept: at its offset in the
 * source text, or, when unescaping changed it (and *unescaped is set), at the
 * returned index in the file's unescaped texts. */
static uint32_t text_ref(struct reg_ctx *ctx, struct reg_name text, bool *unescaped)
{
    uintptr_t at = (uintptr_t)text.s, start = (uintptr_t)ctx->text;
    if (at >= start && at - start <= ctx->src->d.len) {
        *unescaped = false;
        return (uint32_t)(at - start);
    }
    struct reg_file *f = ctx->file;
    f->unescaped = xgrow(f->unescaped, &f->unescaped_cap, f->nunescaped + 1, sizeof *f->unescaped);
    f->unescaped[f->nunescaped] = text.s;
    *unescaped = true;
    return (uint32_t)f->nunescaped++;
}

static void set_value_name(struct reg_ctx *ctx, struct reg_value_stmt *v,
                           const struct reg_token *name)
{
    bool unescaped;
    v->name = text_ref(ctx, name->text, &unescaped);
    v->name_unescaped = unescaped;
    /* value_name_ok() refused longer names. */
    v->name_len = name->text.len & 0xFFFFu;
    v->is_at = name->number == 1;
}

static bool value_name_ok(struct reg_ctx *ctx, const struct reg_token *name, struct span name_at,
                          struct span at)
{
    if (longer_in_utf16(name->text.s, name->text.len, REG_MAX_VALUE_NAME)) {
        reg_problem(ctx, PROB_NAME_TOO_LONG, name_at);
        new_stmt(ctx, REG_STMT_SKIPPED, at);
        return false;
    }
    if (!ctx->key_open)
        reg_problem(ctx, PROB_VALUE_OUTSIDE_KEY, at);
    return true;
}

/* hex(1), hex(2) and hex(7) data regedit makes end in a NUL character by
 * looking at its last character (FORMAT.md §1.11, Wine's
 * prepare_hex_string_data()), which goes outside its buffer when there is
 * no whole character to look at and writes past the data when a UTF-16
 * file gives an odd byte. Plain empty data ("hex(2):" alone) is stored as
 * zero bytes without that look. */
static void check_string_data(struct reg_ctx *ctx, const struct reg_data *data, struct span data_at)
{
    if (data->form != REG_FORM_HEX || data->plain ||
        (data->type != REG_TYPE_SZ && data->type != REG_TYPE_EXPAND_SZ &&
         data->type != REG_TYPE_MULTI_SZ))
        return;
    bool utf16 = ctx->src->d.encoding == TEXT_UTF16LE;
    enum reg_problem problem = PROB_COUNT;
    if (data->len == 0) {
        /* Anything after the tag on its line (the scanner accepted only a
         * comment or a backslash there) makes regedit look. */
        const char *s = ctx->text;
        uint32_t i = data_at.start;
        while (i < data_at.end && s[i] != ':')
            i++;
        for (i++; s[i] == ' ' || s[i] == '\t'; i++)
            ;
        if (s[i] == ';' || s[i] == '\\')
            problem = PROB_HEX_STRING_EMPTY;
    } else if (utf16 && data->len == 1) {
        problem = PROB_HEX_STRING_ONE_BYTE;
    } else if (utf16 && data->len % 2) {
        struct buf bytes = BUF_INIT;
        struct reg_value_stmt v = {0};
        v.form = REG_FORM_HEX;
        v.len = data->len;
        v.data_at = data_at;
        reg_value_append_bytes(ctx->file, &v, &bytes);
        const unsigned char *b = (const unsigned char *)bytes.data;
        uint32_t whole = data->len - 1;
        if (b[whole - 2] != 0 || b[whole - 1] != 0)
            problem = PROB_HEX_STRING_ODD;
        buf_free(&bytes);
    }
    if (problem != PROB_COUNT)
        reg_problem(ctx, problem, data_at);
}

void reg_add_value(struct reg_ctx *ctx, struct span at, const struct reg_token *name,
                   struct span name_at, const struct reg_data *data, struct span data_at)
{
    if (value_name_ok(ctx, name, name_at, at)) {
        struct reg_stmt *st = new_stmt(ctx, REG_STMT_VALUE, at);
        struct reg_value_stmt *v = &st->as.value;
        set_value_name(ctx, v, name);
        v->form = data->form & 3u;
        v->hex_plain = data->plain;
        v->type = data->type;
        if (data->form == REG_FORM_STRING) {
            bool unescaped;
            v->data.string = text_ref(ctx, data->string, &unescaped);
            v->string_unescaped = unescaped;
        } else {
            memcpy(v->data.dword, data->dword, sizeof v->data.dword);
        }
        v->len = data->len;
        v->name_at = name_at;
        v->data_at = data_at;
        check_string_data(ctx, data, data_at);
    }
    flush_inner_comments(ctx);
}

void reg_add_value_delete(struct reg_ctx *ctx, struct span at, const struct reg_token *name,
                          struct span name_at)
{
    if (!value_name_ok(ctx, name, name_at, at))
        return;
    struct reg_stmt *st = new_stmt(ctx, REG_STMT_VALUE_DELETE, at);
    struct reg_value_stmt *v = &st->as.value;
    set_value_name(ctx, v, name);
    v->name_at = name_at;
}

void reg_add_comment(struct reg_ctx *ctx, struct span at)
{
    new_stmt(ctx, REG_STMT_COMMENT, at);
}

void reg_add_skipped(struct reg_ctx *ctx, struct span at, uint32_t problem, uint32_t offending)
{
    enum reg_problem p = (enum reg_problem)problem;
    struct span where = {offending, at.end};
    /* The data token could not see the rest of its line; classify it now. */
    if (p == PROB_TYPE_UNKNOWN)
        p = reg_classify_bad_data(ctx->text + offending, at.end - offending);
    reg_problem(ctx, p, where);
    new_stmt(ctx, REG_STMT_SKIPPED, at);
    /* Comments inside a broken continuation are part of the skipped text. */
    ctx->ninner = 0;
}

void reg_dword_data(uint32_t value, struct reg_data *out)
{
    out->form = REG_FORM_DWORD;
    out->type = REG_TYPE_DWORD;
    out->plain = false;
    out->dword[0] = (unsigned char)value;
    out->dword[1] = (unsigned char)(value >> 8);
    out->dword[2] = (unsigned char)(value >> 16);
    out->dword[3] = (unsigned char)(value >> 24);
    out->len = 4;
}

void reg_hex_start(struct reg_data *out, uint32_t type, bool plain)
{
    out->form = REG_FORM_HEX;
    out->type = type;
    out->plain = plain;
    out->len = 0;
}

/* Reads the bytes of hex data the scanner accepted, from its type tag to its
 * last byte: runs of bytes separated by commas, broken by a backslash, the
 * rest of its line and any blank or comment lines after it. */
static void decode_hex(const char *s, uint32_t n, struct buf *out)
{
    uint32_t i = 0;
    while (i < n && s[i] != ':')
        i++;
    for (i++; i < n;) {
        /* Most bytes: two digits and a comma (or the end). */
        unsigned high = reg_hex_digit_plus_1[(unsigned char)s[i]];
        unsigned low = i + 1 < n ? reg_hex_digit_plus_1[(unsigned char)s[i + 1]] : 0;
        if (high && low && (i + 2 == n || s[i + 2] == ',')) {
            buf_putc(out, (char)((high - 1) << 4 | (low - 1)));
            i += 3;
            continue;
        }
        char c = s[i];
        if (c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            i++; /* wcstoul would skip the blanks before a byte as well */
            continue;
        }
        /* A backslash, a comment and a NUL (where regedit's reader stops
         * the line) each end what is read of their line. */
        if (c == '\\' || c == ';' || c == '\0') {
            while (i < n && s[i] != '\r' && s[i] != '\n')
                i++;
            continue;
        }
        uint32_t value;
        bool too_big;
        uint32_t used = reg_hex_byte(s + i, n - i, &value, &too_big);
        if (used == 0)
            used = 1; /* not reached for data the scanner accepted */
        else
            buf_putc(out, (char)value);
        i += used;
    }
}

const char *reg_value_text(const struct reg_file *file, const struct reg_value_stmt *v)
{
    return v->string_unescaped ? file->unescaped[v->data.string]
                               : file->src->d.text + v->data.string;
}

void reg_value_append_bytes(const struct reg_file *file, const struct reg_value_stmt *v,
                            struct buf *out)
{
    switch ((enum reg_form)v->form) {
    case REG_FORM_STRING:
        buf_append(out, reg_value_text(file, v), v->len);
        return;
    case REG_FORM_DWORD:
        buf_append(out, v->data.dword, sizeof v->data.dword);
        return;
    case REG_FORM_HEX:
        break;
    }
    size_t before = out->len;
    buf_reserve(out, before + v->len);
    decode_hex(file->src->d.text + v->data_at.start, v->data_at.end - v->data_at.start, out);
    assert(out->len - before == v->len);
}

const unsigned char *reg_value_bytes(const struct reg_file *file, const struct reg_value_stmt *v,
                                     struct buf *scratch)
{
    if (v->form != REG_FORM_HEX)
        return v->form == REG_FORM_STRING ? (const unsigned char *)reg_value_text(file, v)
                                          : v->data.dword;
    buf_clear(scratch);
    reg_value_append_bytes(file, v, scratch);
    return scratch->data ? (const unsigned char *)scratch->data : (const unsigned char *)"";
}

/* }===================================================================== */

/*
 * What regedit loses at a NUL. Its reader (Wine's get_lineA() and
 * get_lineW()) reads the file in blocks into a buffer it treats as a C
 * string: the first two bytes (a byte order mark, or the start of an ANSI
 * header) on their own, then as many code units as fit in a buffer of 4096
 * (less one for the terminator, less the unfinished line it keeps), the
 * buffer doubling when the line leaves fewer than 3 free. A NUL looks like
 * the end of the block: the line ends there, the rest of the block is
 * dropped, and the next block is read onto the end of that line.
 */
struct nul_loss {
    uint32_t start, end; /* offsets in the decoded text: the NUL, the block's end */
    bool to_end;         /* the file ends with the block: nothing after the NUL is read */
};

/* A code unit of the text at *i (advancing it), as regedit's buffer holds
 * it: a byte of an ANSI file, a UTF-16 code unit (a character beyond the BMP
 * is two, the second returned as 0xDC00). */
static uint32_t next_unit(const struct decoded_text *d, size_t *i, bool *second_half)
{
    if (*second_half) {
        *second_half = false;
        return 0xDC00;
    }
    uint32_t cp = text_next_cp(d->text, d->len, i);
    if (cp >= 0x10000 && d->encoding == TEXT_UTF16LE)
        *second_half = true;
    return cp;
}

static struct nul_loss find_nul_loss(const struct decoded_text *d)
{
    struct nul_loss loss = {UINT32_MAX, UINT32_MAX, false};
    size_t at = 0; /* decoded offset of unit `pos` */
    bool half = false;
    /* An ANSI file's first two bytes are read apart from the blocks, as the
     * start of the header: a NUL there ends the header, which then matches
     * nothing, and nothing is imported. */
    if (d->encoding != TEXT_UTF16LE) {
        for (int k = 0; k < 2 && at < d->len; k++) {
            size_t unit_at = at;
            if (next_unit(d, &at, &half) == 0)
                return (struct nul_loss){(uint32_t)unit_at, (uint32_t)d->len, true};
        }
    }
    uint64_t size = 4096, pos = 0, read_end = 0, line_start = 0;
    for (;;) {
        while (pos < read_end) {
            size_t unit_at = at;
            uint32_t c = next_unit(d, &at, &half);
            pos++;
            if (c == 0) {
                /* The block's end: walk to it. */
                loss.start = (uint32_t)unit_at;
                for (; pos < read_end; pos++)
                    next_unit(d, &at, &half);
                loss.end = (uint32_t)at;
                loss.to_end = at >= d->len;
                return loss;
            }
            if (c == '\r' && pos < read_end && (unsigned char)d->text[at] == '\n' && !half) {
                next_unit(d, &at, &half);
                pos++;
            }
            if (c == '\r' || c == '\n')
                line_start = pos;
        }
        uint64_t kept = read_end - line_start;
        if (size - kept < 3)
            size *= 2;
        /* Units left in the file: counted from here, as the walk goes. */
        size_t probe = at;
        bool probe_half = half;
        uint64_t count = 0;
        while (count < size - kept - 1 && (probe < d->len || probe_half)) {
            next_unit(d, &probe, &probe_half);
            count++;
        }
        if (count == 0)
            return loss;
        read_end += count;
    }
}

/* Decoding problems are findings too: regedit sees the same bytes. */
static void report_encoding(struct reg_ctx *ctx)
{
    const struct decoded_text *d = &ctx->src->d;
    const struct text_issue *nul = &d->issues[TEXT_ISSUE_NUL];
    const struct text_issue *lone = &d->issues[TEXT_ISSUE_LONE_SURROGATE];
    const struct text_issue *odd = &d->issues[TEXT_ISSUE_ODD_BYTE];
    struct diag_list *diags = ctx->diags;
    if (d->looks_utf16_nobom) {
        struct diag *x = diag_add(diags, RULE_ENCODING_MISMATCH, ctx->src, (struct span){0, 0},
                                  "the file looks like UTF-16LE without a byte order mark; regedit reads it as ANSI and imports nothing");
        x->severity = SEV_ERROR;
        diag_help(diags, x, "save it as UTF-16LE with a byte order mark (FF FE), as regedit exports");
    } else if (nul->count) {
        struct nul_loss loss = find_nul_loss(d);
        struct span at = {nul->first_offset, nul->first_offset + 1};
        if (loss.to_end) {
            diag_add(diags, RULE_ENCODING_MISMATCH, ctx->src, at,
                     "NUL character (%u in the file); regedit's reader (per Wine) takes it for the end of the file: the rest of this line and every line after it are not imported",
                     (unsigned)nul->count);
            ctx->file->read_end = loss.start;
        } else if (loss.start != UINT32_MAX) {
            uint32_t line, col;
            source_position(ctx->src, loss.end, &line, &col);
            diag_add(diags, RULE_ENCODING_MISMATCH, ctx->src, at,
                     "NUL character (%u in the file); regedit's reader (per Wine) takes it for the end of the 4 KB or more it has read: the rest of this line and the text after it up to line %u, column %u are lost, and what follows is read as the end of this line (reglint reads on from the next line)",
                     (unsigned)nul->count, (unsigned)line, (unsigned)col);
        }
    }
    if (lone->count)
        diag_add(diags, RULE_ENCODING_MISMATCH, ctx->src,
                 (struct span){lone->first_offset, lone->first_offset},
                 "unpaired UTF-16 surrogate (%u in the file); the text is not valid UTF-16",
                 (unsigned)lone->count);
    if (odd->count)
        diag_add(diags, RULE_ENCODING_MISMATCH, ctx->src,
                 (struct span){odd->first_offset, odd->first_offset},
                 "the UTF-16 file has an odd number of bytes; regedit ignores the last byte");
    if (d->looks_utf8) {
        struct diag *x = diag_add(diags, RULE_ENCODING_MISMATCH, ctx->src, (struct span){0, 0},
                                  "the file is UTF-8 without a byte order mark; regedit reads it as Windows-1252, so non-ASCII text is garbled");
        diag_help(diags, x, "save it as UTF-16LE with a byte order mark, as regedit exports");
    }
}

static void check_version_encoding(struct reg_ctx *ctx)
{
    struct reg_file *f = ctx->file;
    if (f->version == REG_VERSION_4 && ctx->src->d.encoding == TEXT_UTF16LE) {
        struct diag *d = diag_add(ctx->diags, RULE_ENCODING_MISMATCH, ctx->src, f->header_at,
                                  "REGEDIT4 header in a UTF-16 file; regedit reads it by the byte order mark, as Version 5.00");
        diag_help(ctx->diags, d, "write 'Windows Registry Editor Version 5.00' in UTF-16 files");
    }
}

struct reg_file *reg_read(struct source *src, struct arena *arena, struct diag_list *diags)
{
    struct reg_file *file = arena_alloc(arena, sizeof *file);
    file->src = src;
    file->version = REG_VERSION_NONE;
    file->open_continuation = UINT32_MAX;
    file->read_end = UINT32_MAX;
    struct reg_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.src = src;
    ctx.text = src->d.text;
    ctx.arena = arena;
    ctx.diags = diags;
    ctx.file = file;
    ctx.last_was_eol = true;
    report_encoding(&ctx);

    yyscan_t scanner;
    if (reg_yylex_init_extra(&ctx, &scanner) != 0)
        xalloc_die();
    /* The text ends with the two NULs flex needs; it is scanned in place. */
    reg_yy_scan_buffer(src->d.text, src->d.len + 2, scanner);
    reg_yy_begin_header(scanner);
    reg_yyparse(scanner, &ctx);
    reg_yylex_destroy(scanner);

    check_version_encoding(&ctx);
    free(ctx.inner_comments);
    return file;
}

void reg_doc_read(struct reg_doc *doc, struct source *src)
{
    doc->src = src;
    doc->arena = arena_new();
    diag_list_init(&doc->diags, doc->arena);
    doc->file = reg_read(src, doc->arena, &doc->diags);
}

void reg_doc_release(struct reg_doc *doc)
{
    reg_file_free(doc->file);
    diag_list_release(&doc->diags);
    arena_free(doc->arena);
    source_free(doc->src);
    memset(doc, 0, sizeof *doc);
}

bool reg_read_text(struct reg_doc *doc, const char *name, const char *body, size_t n)
{
    /* UTF-16, so that the text is read back exactly as it is. */
    static const char header[] = "Windows Registry Editor Version 5.00\n\n";
    struct buf bytes = BUF_INIT;
    text_encode_bom(TEXT_UTF16LE, &bytes);
    text_encode(header, sizeof header - 1, TEXT_UTF16LE, &bytes, NULL);
    text_encode(body, n, TEXT_UTF16LE, &bytes, NULL);
    struct source *src = source_from_bytes(name, (const unsigned char *)bytes.data, bytes.len);
    buf_free(&bytes);
    if (!src)
        return false;
    reg_doc_read(doc, src);
    return true;
}

void reg_file_free(struct reg_file *file)
{
    if (file) {
        free(file->stmts);
        free(file->unescaped);
    }
}

char *reg_key_path_string(struct arena *arena, const struct reg_file *file,
                          const struct reg_key_stmt *k)
{
    struct reg_path_buf buf;
    return reg_path_string(arena, reg_key_path(file, k, &buf));
}

char *reg_path_string(struct arena *arena, const struct reg_path *path)
{
    size_t n = strlen(root_names[path->root]);
    for (uint32_t i = 0; i < path->depth; i++)
        n += 1 + path->segments[i].len;
    char *s = arena_alloc(arena, n + 1);
    size_t k = strlen(root_names[path->root]);
    memcpy(s, root_names[path->root], k);
    for (uint32_t i = 0; i < path->depth; i++) {
        s[k++] = '\\';
        memcpy(s + k, path->text + path->segments[i].start, path->segments[i].len);
        k += path->segments[i].len;
    }
    s[k] = '\0';
    return s;
}
