/*
 * profile.y: the profile grammar.
 *
 * A profile is a list of statements. A statement is a keyword, its arguments
 * (words, strings, numbers, '@', '='), and optionally a block: statements in
 * braces. Since every statement starts with a keyword and no argument is a
 * keyword, statements need no terminator and may share a line:
 *
 *     profile "p" { protocol tls1.2 enable  lint { ignore RL5001 } }
 *
 * Which keyword may appear where, and what its arguments mean, is checked by
 * profile.c on the tree built here. The first syntax error ends the parse.
 *
 * Locations are byte spans into the source text (struct span).
 */
%require "3.6"
%define api.pure full
%define api.prefix {prof_yy}
%define api.token.prefix {PROF_TOK_}
%define api.location.type {struct span}
%define parse.error custom
%locations
%expect 0
%param {yyscan_t scanner}
%parse-param {struct prof_ctx *ctx}

%code requires {
#include <stdbool.h>
#include <stdint.h>
#include "profparse.h"
#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif
/* The span from the first to the last symbol of a rule; an empty rule sits at
 * the end of what precedes it. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                        \
    do {                                                                   \
        if (N) {                                                           \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                          \
            (Cur).end = YYRHSLOC(Rhs, N).end;                              \
        } else {                                                           \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;                \
        }                                                                  \
    } while (0)
}

%code provides {
int prof_yylex(PROF_YYSTYPE *yylval, PROF_YYLTYPE *yylloc, yyscan_t scanner);
void prof_yyerror(PROF_YYLTYPE *loc, yyscan_t scanner, struct prof_ctx *ctx, const char *msg);
}

%code {
#include "text.h"
}

%initial-action { @$.start = @$.end = 0; }

%union {
    struct prof_token tok;
    struct prof_args args;
    struct prof_list list;
    struct prof_stmt *stmt;
}

%token <tok> KEYWORD "keyword"
%token <tok> WORD    "word"
%token <tok> STRING  "string"
%token <tok> NUMBER  "number"
%token <tok> AT      "'@'"
%token <tok> EQUALS  "'='"
%token INVALID       "invalid text"
%token '{'           "'{'"
%token '}'           "'}'"

%nterm <list> statements
%nterm <stmt> statement
%nterm <args> arguments

%%

profile:
    statements                  { ctx->top = $1.first; }
  ;

statements:
    %empty                      { $$.first = $$.last = NULL; }
  | statements statement        { $$ = $1; prof_list_add(&$$, $2); }
  ;

statement:
    KEYWORD arguments           { $$ = prof_new_stmt(ctx, &$1, @1, &$2); }
  | KEYWORD arguments '{' statements '}' {
                                    $$ = prof_new_stmt(ctx, &$1, @1, &$2);
                                    $$->has_block = true;
                                    $$->block_at = (struct span){@3.start, @5.end};
                                    $$->children = $4.first;
                                }
  ;

arguments:
    %empty                      { $$.first = $$.last = NULL; $$.n = 0; }
  | arguments WORD              { $$ = $1; prof_args_add(&$$, prof_new_arg(ctx, ARG_WORD, &$2, @2)); }
  | arguments STRING            { $$ = $1; prof_args_add(&$$, prof_new_arg(ctx, ARG_STRING, &$2, @2)); }
  | arguments NUMBER            { $$ = $1; prof_args_add(&$$, prof_new_arg(ctx, ARG_NUMBER, &$2, @2)); }
  | arguments AT                { $$ = $1; prof_args_add(&$$, prof_new_arg(ctx, ARG_AT, &$2, @2)); }
  | arguments EQUALS            { $$ = $1; prof_args_add(&$$, prof_new_arg(ctx, ARG_EQUALS, &$2, @2)); }
  ;

%%

/* "unexpected word 'x', expected keyword or '}'"; at the end of the text with
 * a block still open, the block's '{' is what to point at. */
static int yyreport_syntax_error(const yypcontext_t *yyctx, yyscan_t scanner, struct prof_ctx *ctx)
{
    (void)scanner;
    yysymbol_kind_t got = yypcontext_token(yyctx);
    struct span at = *yypcontext_location(yyctx);
    /* The scanner has reported what made it return INVALID. */
    if (got == YYSYMBOL_INVALID)
        return 0;
    if (got == YYSYMBOL_YYEOF && ctx->nopen > 0) {
        prof_error(ctx, PF_UNCLOSED_BLOCK, ctx->open_braces[ctx->nopen - 1],
                          "'{' has no matching '}'");
        return 0;
    }
    if (got == YYSYMBOL_WORD) {
        /* A word where a statement starts: most likely a misspelt keyword. */
        const char *text = ctx->src->d.text + at.start;
        size_t len = at.end - at.start;
        struct diag *d = prof_error(ctx, PF_SYNTAX, at, "'%.*s' is not a keyword", (int)len, text);
        const char *near = prof_keyword_suggestion(text, len);
        if (near)
            diag_help(ctx->diags, d, "did you mean '%s'?", near);
        return 0;
    }
    yysymbol_kind_t expected[8];
    int n = yypcontext_expected_tokens(yyctx, expected, 8);
    struct buf what = BUF_INIT;
    if (got == YYSYMBOL_YYEOF) {
        buf_puts(&what, "unexpected end of file");
    } else if (got == YYSYMBOL_STRING || got == YYSYMBOL_NUMBER || got == YYSYMBOL_KEYWORD) {
        buf_printf(&what, "unexpected %s ", yysymbol_name(got));
        text_snippet(&what, ctx->src->d.text + at.start, at.end - at.start, 40);
    } else {
        buf_printf(&what, "unexpected %s", yysymbol_name(got));
    }
    for (int i = 0; i < n; i++)
        if (expected[i] != YYSYMBOL_YYEOF)
            buf_printf(&what, "%s%s", i == 0 ? ", expected " : " or ", yysymbol_name(expected[i]));
    prof_error(ctx, PF_SYNTAX, at, "%s", what.data);
    buf_free(&what);
    return 0;
}

/* Only for bison's own failures ("memory exhausted"); syntax errors go
 * through yyreport_syntax_error. */
void prof_yyerror(PROF_YYLTYPE *loc, yyscan_t scanner, struct prof_ctx *ctx, const char *msg)
{
    (void)scanner;
    prof_error(ctx, PF_SYNTAX, *loc, "%s", msg);
}
