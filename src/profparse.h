/*
 * profparse: the private interface between the profile scanner
 * (grammar/profile.l), the parser (grammar/profile.y) and profile.c.
 *
 * The grammar only knows the shape of a profile: statements that start with a
 * keyword, take words, strings, numbers, '@' and '=' as arguments, and may
 * own a block of further statements in braces. What each keyword means and
 * which arguments it takes is profile.c's business, so that every mistake in
 * a known statement gets a message that names the statement. The keyword
 * table here is the one list of keywords: the scanner, the "did you mean"
 * suggestions and the documentation follow it.
 *
 * Syntax errors are reported through prof_error() with PF1xxx codes;
 * parsing stops at the first one, because the shape of the rest is unknown.
 * Nothing outside these three files (and their unit tests) includes this
 * header.
 *
 * Ownership: the statement tree and its strings live in the context's arena.
 */
#ifndef REGLINT_PROFPARSE_H
#define REGLINT_PROFPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "printf_like.h"
#include "source.h"

/* ORDER: keyword table in profile.c. */
enum prof_keyword {
    KW_PROFILE,
    KW_EXTENDS,
    KW_DESCRIPTION,
    KW_SOURCE,
    KW_TARGET,
    KW_ARCH,
    KW_PROTOCOL,
    KW_WINHTTP,
    KW_WININET,
    KW_DOTNET,
    KW_CIPHER,
    KW_HASH,
    KW_KEY_EXCHANGE,
    KW_CIPHER_SUITES,
    KW_ECC_CURVES,
    KW_SEND_EXTRA_RECORD,
    KW_KEY,
    KW_VALUE,
    KW_LINT,
    KW_FAIL_ON,
    KW_SELECT,
    KW_IGNORE,
    KW_SEVERITY,
    KW_COUNT
};

/* The keyword spelled s[0..len) (case-sensitive), or KW_COUNT. */
enum prof_keyword prof_keyword_lookup(const char *s, size_t len);
const char *prof_keyword_name(enum prof_keyword kw);

enum prof_arg_kind {
    ARG_WORD,   /* a bare word: tls1.2, client, RL4001, 3des-168 */
    ARG_STRING, /* "..." with escapes resolved (may hold NUL bytes) */
    ARG_NUMBER, /* 2048, 0xA00 */
    ARG_AT,     /* @ */
    ARG_EQUALS, /* = */
};

struct prof_arg {
    enum prof_arg_kind kind;
    const char *text;     /* WORD, STRING: the text (NUL-terminated; STRING may hold NULs) */
    uint32_t len;
    uint64_t number;      /* NUMBER */
    struct span at;       /* as written, quotes included */
    struct prof_arg *next;
};

struct prof_stmt {
    enum prof_keyword keyword;
    struct span at;             /* the keyword */
    struct prof_arg *args;      /* in order */
    size_t nargs;
    bool has_block;
    struct span block_at;       /* from '{' to '}' */
    struct prof_stmt *children; /* the block's statements, in order */
    struct prof_stmt *next;
};

/* A token's value. */
struct prof_token {
    const char *text;
    uint32_t len;
    uint64_t number;
    enum prof_keyword keyword;
};

/* How deep blocks may nest: a profile needs 2 (profile { key { } }); far
 * deeper nesting would only exhaust the parser's stack. */
#define PROF_MAX_NESTING 64

struct prof_list {
    struct prof_stmt *first, *last;
};

struct prof_args {
    struct prof_arg *first, *last;
    size_t n;
};

struct prof_ctx {
    struct source *src;
    struct arena *arena;
    struct diag_list *diags;
    struct prof_stmt *top;     /* the parse result: top-level statements */
    struct span *open_braces;  /* '{' not yet closed, innermost last */
    size_t nopen, open_cap;
    struct buf string;         /* the string being scanned, unescaped */
    uint32_t string_start;     /* where it started */
    bool failed;               /* an error was reported */
};

/* Every PF code: PF1xxx syntax, PF2xxx meaning. ORDER: the PF table in
 * profile.c, which gives each its code and title (docs/profile.md lists them). */
enum pf_code {
    PF_SYNTAX,               /* PF1001 */
    PF_UNTERMINATED_STRING,  /* PF1002 */
    PF_BAD_ESCAPE,           /* PF1003 */
    PF_BAD_CHARACTER,        /* PF1004 */
    PF_UNCLOSED_BLOCK,       /* PF1005 */
    PF_BAD_NUMBER,           /* PF1006 */
    PF_BAD_UTF8,             /* PF1007 */
    PF_MISSING_ARGUMENT,     /* PF1008 */
    PF_UNEXPECTED_ARGUMENT,  /* PF1009 */
    PF_MISPLACED,            /* PF1010 */
    PF_UNKNOWN_PROTOCOL,     /* PF2001 */
    PF_UNKNOWN_TARGET,       /* PF2002 */
    PF_UNKNOWN_ALGORITHM,    /* PF2003 */
    PF_UNKNOWN_WORD,         /* PF2004 */
    PF_CONFLICT,             /* PF2005 */
    PF_NOT_ON_TARGET,        /* PF2006 */
    PF_SUITES_TOO_LONG,      /* PF2007 */
    PF_EXTENDS_CYCLE,        /* PF2008 */
    PF_UNKNOWN_PROFILE,      /* PF2009 */
    PF_UNKNOWN_RULE,         /* PF2010 */
    PF_BAD_KEY_PATH,         /* PF2011 */
    PF_UNWRITABLE_TEXT,      /* PF2012 */
    PF_OUT_OF_RANGE,         /* PF2013 */
    PF_BAD_NAME,             /* PF2014 */
    PF_NO_PROTOCOL_BIT,      /* PF2015 */
    PF_UNDOCUMENTED,         /* PF2016 */
    PF_SUITE_RULE_BROKEN,    /* PF2017 */
    PF_NO_USABLE_SUITE,      /* PF2018 */
    PF_COUNT
};

/* The keyword closest to a misspelled word, or NULL. */
const char *prof_keyword_suggestion(const char *word, size_t len);
/* "PF2001". */
const char *pf_code_string(enum pf_code code);

/* Reports `code` at `at`: "<title>: <message>". Marks the context as failed. */
struct diag *prof_error(struct prof_ctx *ctx, enum pf_code code, struct span at, const char *fmt,
                        ...) PRINTF_LIKE(4, 5);

/* Parser helpers. */
struct prof_arg *prof_new_arg(struct prof_ctx *ctx, enum prof_arg_kind kind,
                              const struct prof_token *tok, struct span at);
void prof_args_add(struct prof_args *list, struct prof_arg *arg);
struct prof_stmt *prof_new_stmt(struct prof_ctx *ctx, const struct prof_token *keyword,
                                struct span at, const struct prof_args *args);
void prof_list_add(struct prof_list *list, struct prof_stmt *stmt);

#endif
