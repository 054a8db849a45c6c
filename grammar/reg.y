/*
 * reg.y: the .reg grammar.
 *
 * A file is a header line and then lines, each ending in EOL (the scanner
 * adds one before the end of the file if the last line has none). Hex data
 * continued with backslashes is one value whose tokens span several lines;
 * the scanner has already skipped the blank and comment lines regedit skips
 * inside it. A line regedit refuses reduces to `bad`, which carries the
 * problem and where the offending text starts; the diagnostic is made once
 * the whole line has been read, so that it can quote the rest of the line.
 *
 * Locations are byte spans into the source text (struct span).
 */
%require "3.6"
%define api.pure full
%define api.prefix {reg_yy}
%define api.token.prefix {REG_TOK_}
%define api.location.type {struct span}
%define parse.error simple
%locations
%expect 0
%param {yyscan_t scanner}
%parse-param {struct reg_ctx *ctx}

%code requires {
#include <stdbool.h>
#include <stdint.h>
#include "regread.h"
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
int reg_yylex(REG_YYSTYPE *yylval, REG_YYLTYPE *yylloc, yyscan_t scanner);
void reg_yyerror(REG_YYLTYPE *loc, yyscan_t scanner, struct reg_ctx *ctx, const char *msg);
}

%union {
    struct reg_token tok;
    struct reg_data data;
}

%token <tok> HEADER       "header line"
%token <tok> HEADER_EMPTY "end of empty file"
%token <tok> HEADER_MISSING "first line without a header"
%token EOL                "end of line"
%token <tok> COMMENT      "comment"
%token <tok> STRAY        "stray line"
%token <tok> KEY          "key line"
%token <tok> KEY_DELETE   "key deletion line"
%token <tok> KEY_BAD      "malformed key line"
%token <tok> WIN31        "Windows 3.1 line"
%token <tok> AT           "'@'"
%token <tok> NAME         "value name"
%token <tok> NAME_BAD     "malformed value name"
%token <tok> ASSIGN       "'='"
%token <tok> NO_ASSIGN    "text instead of '='"
%token <tok> DELETE       "'-'"
%token <tok> STRING       "string"
%token <tok> DWORD        "dword"
%token <tok> HEX_PLAIN    "'hex:'"
%token <tok> HEX_TAG      "'hex(N):'"
%token <tok> HEX_CONTINUE "continuation backslash"
%token <tok> HEX_BAD      "malformed hex data"
%token <tok> CONTINUE_BROKEN "line that breaks hex data"
%token <tok> DATA_BAD     "malformed data"

%nterm <tok> name bad
%nterm <data> data hex

%%

file:
    header lines
  ;

header:
    HEADER EOL          { reg_set_header(ctx, $1.number, @1); }
  | HEADER_EMPTY        { reg_set_header(ctx, $1.number, @1); }
  | HEADER_MISSING      { reg_set_header(ctx, REG_VERSION_INVALID, @1); }
  ;

lines:
    %empty
  | lines line
  ;

line:
    EOL
  | COMMENT EOL                 { reg_add_comment(ctx, @1); }
  | STRAY EOL                   { reg_add_skipped(ctx, @1, $1.number, @1.start); }
  | KEY EOL                     { reg_add_key(ctx, @1, &$1, false); }
  | KEY_DELETE EOL              { reg_add_key(ctx, @1, &$1, true); }
  | WIN31 EOL                   { reg_add_win31(ctx, @1, &$1); }
  | name ASSIGN data EOL        {
                                    struct span at = {@1.start, @3.end};
                                    reg_add_value(ctx, at, &$1, @1, &$3, @3);
                                }
  | name ASSIGN DELETE EOL      {
                                    struct span at = {@1.start, @3.end};
                                    reg_add_value_delete(ctx, at, &$1, @1);
                                }
  | bad EOL                     {
                                    struct span at = {@1.start, @2.start};
                                    reg_add_skipped(ctx, at, $1.number, $1.inner.start);
                                }
  | error EOL                   {
                                    /* Not reachable while the scanner and this grammar
                                     * agree; kept so that a mismatch skips one line
                                     * instead of the rest of the file. */
                                    yyerrok;
                                }
  ;

name:
    AT                          { $$ = $1; $$.number = 1; $$.text.s = ""; $$.text.len = 0; }
  | NAME                        { $$ = $1; $$.number = 0; }
  ;

data:
    STRING                      {
                                    $$.form = REG_FORM_STRING;
                                    $$.type = REG_TYPE_SZ;
                                    $$.plain = false;
                                    $$.string = $1.text;
                                    $$.len = $1.text.len;
                                }
  | DWORD                       { reg_dword_data($1.number, &$$); }
  | hex                         {
                                    /* Byte runs are not tokens: the data ends
                                     * where the last run ended. */
                                    $$ = $1;
                                    $$.len = ctx->hex_count;
                                    if (ctx->hex_end > @$.end)
                                        @$.end = ctx->hex_end;
                                }
  ;

hex:
    HEX_PLAIN                   { reg_hex_start(&$$, REG_TYPE_BINARY, true); }
  | HEX_TAG                     { reg_hex_start(&$$, $1.number, false); }
  | hex HEX_CONTINUE            { $$ = $1; }
  ;

bad:
    KEY_BAD                     { $$ = $1; $$.inner.start = @1.start; }
  | NAME_BAD                    { $$ = $1; $$.inner.start = @1.start; }
  | name NO_ASSIGN              { $$ = $2; $$.inner.start = @2.start; }
  | name ASSIGN                 { $$ = $2; $$.number = PROB_NO_DATA; $$.inner.start = @2.end; }
  | name ASSIGN DATA_BAD        { $$ = $3; $$.inner.start = @3.start; }
  | name ASSIGN STRING DATA_BAD { $$ = $4; $$.inner.start = @4.start; }
  | name ASSIGN hex HEX_BAD     { $$ = $4; $$.inner.start = @4.start; }
  | name ASSIGN hex CONTINUE_BROKEN {
                                    $$ = $4;
                                    $$.number = PROB_CONTINUATION_BROKEN;
                                    $$.inner.start = @4.start;
                                }
  ;

%%

void reg_yyerror(REG_YYLTYPE *loc, yyscan_t scanner, struct reg_ctx *ctx, const char *msg)
{
    (void)scanner;
    (void)msg;
    reg_problem(ctx, PROB_STRAY_LINE, *loc);
}
