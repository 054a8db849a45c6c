/* The profile language: tables, the parse tree's helpers, loading, extends. */
#include "profile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"
#include "profcheck.h"
#include "profile_parse.h"
#include "profile_scan.h"
#include "profparse.h"
#include "suggest.h"
#include "xalloc.h"

/* ------------------------------------------------------------ the tables */

/* ORDER: enum prof_keyword. */
static const char *const keyword_names[KW_COUNT] = {
    [KW_PROFILE] = "profile",
    [KW_EXTENDS] = "extends",
    [KW_DESCRIPTION] = "description",
    [KW_SOURCE] = "source",
    [KW_TARGET] = "target",
    [KW_ARCH] = "arch",
    [KW_PROTOCOL] = "protocol",
    [KW_WINHTTP] = "winhttp",
    [KW_WININET] = "wininet",
    [KW_DOTNET] = "dotnet",
    [KW_CIPHER] = "cipher",
    [KW_HASH] = "hash",
    [KW_KEY_EXCHANGE] = "key-exchange",
    [KW_CIPHER_SUITES] = "cipher-suites",
    [KW_ECC_CURVES] = "ecc-curves",
    [KW_SEND_EXTRA_RECORD] = "send-extra-record",
    [KW_KEY] = "key",
    [KW_VALUE] = "value",
    [KW_LINT] = "lint",
    [KW_FAIL_ON] = "fail-on",
    [KW_SELECT] = "select",
    [KW_IGNORE] = "ignore",
    [KW_SEVERITY] = "severity",
};

/* Every PF code and its title; docs/profile.md documents each. ORDER: enum pf_code. */
static const struct {
    const char *code;
    const char *title;
} pf_table[PF_COUNT] = {
    [PF_SYNTAX] = {"PF1001", "syntax error"},
    [PF_UNTERMINATED_STRING] = {"PF1002", "unterminated string"},
    [PF_BAD_ESCAPE] = {"PF1003", "invalid escape"},
    [PF_BAD_CHARACTER] = {"PF1004", "invalid character"},
    [PF_UNCLOSED_BLOCK] = {"PF1005", "unclosed block"},
    [PF_BAD_NUMBER] = {"PF1006", "invalid number"},
    [PF_BAD_UTF8] = {"PF1007", "invalid UTF-8"},
    [PF_MISSING_ARGUMENT] = {"PF1008", "missing argument"},
    [PF_UNEXPECTED_ARGUMENT] = {"PF1009", "unexpected argument"},
    [PF_MISPLACED] = {"PF1010", "misplaced statement"},
    [PF_UNKNOWN_PROTOCOL] = {"PF2001", "unknown protocol"},
    [PF_UNKNOWN_TARGET] = {"PF2002", "unknown target"},
    [PF_UNKNOWN_ALGORITHM] = {"PF2003", "unknown algorithm"},
    [PF_UNKNOWN_WORD] = {"PF2004", "unknown argument"},
    [PF_CONFLICT] = {"PF2005", "conflicting settings"},
    [PF_NOT_ON_TARGET] = {"PF2006", "protocol not available on target"},
    [PF_SUITES_TOO_LONG] = {"PF2007", "cipher-suite list too long"},
    [PF_EXTENDS_CYCLE] = {"PF2008", "extends cycle"},
    [PF_UNKNOWN_PROFILE] = {"PF2009", "unknown profile"},
    [PF_UNKNOWN_RULE] = {"PF2010", "unknown rule"},
    [PF_BAD_KEY_PATH] = {"PF2011", "invalid key path"},
    [PF_UNWRITABLE_TEXT] = {"PF2012", "text a .reg file cannot hold"},
    [PF_OUT_OF_RANGE] = {"PF2013", "value out of range"},
    [PF_BAD_NAME] = {"PF2014", "invalid name"},
    [PF_NO_PROTOCOL_BIT] = {"PF2015", "protocol has no bit"},
    [PF_UNDOCUMENTED] = {"PF2016", "undocumented setting"},
    [PF_SUITE_RULE_BROKEN] = {"PF2017", "suite rule broken"},
    [PF_NO_USABLE_SUITE] = {"PF2018", "no usable suite"},
};

enum prof_keyword prof_keyword_lookup(const char *s, size_t len)
{
    for (int k = 0; k < KW_COUNT; k++)
        if (strlen(keyword_names[k]) == len && memcmp(keyword_names[k], s, len) == 0)
            return (enum prof_keyword)k;
    return KW_COUNT;
}

const char *prof_keyword_name(enum prof_keyword kw)
{
    return keyword_names[kw];
}

const char *prof_keyword_suggestion(const char *word, size_t len)
{
    return suggest_closest(word, len, keyword_names, KW_COUNT);
}

const char *pf_code_string(enum pf_code code)
{
    return pf_table[code].code;
}

struct diag *prof_error(struct prof_ctx *ctx, enum pf_code code, struct span at, const char *fmt,
                        ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *detail = arena_vprintf(ctx->arena, fmt, ap);
    va_end(ap);
    ctx->failed = true;
    return diag_add_coded(ctx->diags, pf_table[code].code, SEV_ERROR, ctx->src, at, "%s: %s",
                          pf_table[code].title, detail);
}

/* ------------------------------------------------------ the parse tree */

struct prof_arg *prof_new_arg(struct prof_ctx *ctx, enum prof_arg_kind kind,
                              const struct prof_token *tok, struct span at)
{
    struct prof_arg *arg = arena_alloc(ctx->arena, sizeof *arg);
    arg->kind = kind;
    arg->at = at;
    arg->number = tok->number;
    arg->text = tok->text ? tok->text : "";
    arg->len = tok->text ? tok->len : 0;
    if (kind == ARG_AT)
        arg->text = "@", arg->len = 1;
    else if (kind == ARG_EQUALS)
        arg->text = "=", arg->len = 1;
    else if (kind == ARG_NUMBER)
        arg->text = arena_strndup(ctx->arena, ctx->src->d.text + at.start, at.end - at.start),
        arg->len = at.end - at.start;
    return arg;
}

void prof_args_add(struct prof_args *list, struct prof_arg *arg)
{
    if (list->last)
        list->last->next = arg;
    else
        list->first = arg;
    list->last = arg;
    list->n++;
}

struct prof_stmt *prof_new_stmt(struct prof_ctx *ctx, const struct prof_token *keyword,
                                struct span at, const struct prof_args *args)
{
    struct prof_stmt *st = arena_alloc(ctx->arena, sizeof *st);
    st->keyword = keyword->keyword;
    st->at = at;
    st->args = args->first;
    st->nargs = args->n;
    return st;
}

void prof_list_add(struct prof_list *list, struct prof_stmt *stmt)
{
    if (list->last)
        list->last->next = stmt;
    else
        list->first = stmt;
    list->last = stmt;
}

/* ------------------------------------------------------ policy helpers */

static const char *const scope_names[SCOPE_COUNT] = {"user", "machine", "policy"};

const char *wininet_scope_name(enum wininet_scope scope)
{
    return scope_names[scope];
}

const char *dotnet_version_key(enum dotnet_version version)
{
    return version == DOTNET_V2 ? "v2.0.50727" : "v4.0.30319";
}

const char *dotnet_switch_value(enum dotnet_switch which)
{
    return which == DOTNET_SYSTEM_DEFAULT_TLS_VERSIONS ? "SystemDefaultTlsVersions"
                                                       : "SchUseStrongCrypto";
}

const char *key_length_value(enum key_length_bound bound)
{
    switch (bound) {
    case KEYLEN_CLIENT_MIN:
        return "ClientMinKeyBitLength";
    case KEYLEN_CLIENT_MAX:
        return "ClientMaxKeyBitLength";
    case KEYLEN_SERVER_MIN:
    case KEYLEN_COUNT:
        break;
    }
    return "ServerMinKeyBitLength";
}

bool policy_same_subject(const struct policy_setting *a, const struct policy_setting *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case PS_PROTOCOL:
        return a->subject.protocol.protocol == b->subject.protocol.protocol &&
               a->subject.protocol.role == b->subject.protocol.role;
    case PS_WININET:
        return a->subject.scope == b->subject.scope;
    case PS_DOTNET:
        return a->subject.dotnet.version == b->subject.dotnet.version &&
               a->subject.dotnet.which == b->subject.dotnet.which;
    case PS_ALGORITHM:
        return a->subject.algorithm == b->subject.algorithm;
    case PS_KEY_LENGTH:
        return a->subject.key_length.algorithm == b->subject.key_length.algorithm &&
               a->subject.key_length.bound == b->subject.key_length.bound;
    case PS_SUITE_RULE:
        return a->subject.suite_rule.rule == b->subject.suite_rule.rule &&
               (a->subject.suite_rule.rule != SR_NO_SUITE ||
                strcmp(a->subject.suite_rule.name, b->subject.suite_rule.name) == 0);
    case PS_RAW: {
        const char *ak = a->subject.raw.key, *bk = b->subject.raw.key;
        if (!text_names_equal(ak, strlen(ak), bk, strlen(bk)))
            return false;
        if (!a->subject.raw.name || !b->subject.raw.name)
            return a->subject.raw.name == b->subject.raw.name;
        return text_names_equal(a->subject.raw.name, a->subject.raw.name_len, b->subject.raw.name,
                         b->subject.raw.name_len);
    }
    case PS_WINHTTP:
    case PS_SUITE_ORDER:
    case PS_CURVE_ORDER:
    case PS_SEND_EXTRA_RECORD:
        return true;
    }
    return false;
}

uint32_t policy_subject_hash(const struct policy_setting *s)
{
    uint32_t a = 0, b = 0;
    switch (s->kind) {
    case PS_PROTOCOL:
        a = (uint32_t)s->subject.protocol.protocol, b = (uint32_t)s->subject.protocol.role;
        break;
    case PS_WININET:
        a = (uint32_t)s->subject.scope;
        break;
    case PS_DOTNET:
        a = (uint32_t)s->subject.dotnet.version, b = (uint32_t)s->subject.dotnet.which;
        break;
    case PS_ALGORITHM:
        a = (uint32_t)(uintptr_t)s->subject.algorithm;
        break;
    case PS_KEY_LENGTH:
        a = (uint32_t)(uintptr_t)s->subject.key_length.algorithm;
        b = (uint32_t)s->subject.key_length.bound;
        break;
    case PS_SUITE_RULE:
        a = (uint32_t)s->subject.suite_rule.rule;
        if (s->subject.suite_rule.name)
            b = text_name_hash(0, s->subject.suite_rule.name, strlen(s->subject.suite_rule.name));
        break;
    case PS_RAW: {
        const char *key = s->subject.raw.key;
        a = text_name_hash(0, key, strlen(key));
        if (s->subject.raw.name)
            b = text_name_hash(a, s->subject.raw.name, s->subject.raw.name_len) | 1u;
        break;
    }
    case PS_WINHTTP:
    case PS_SUITE_ORDER:
    case PS_CURVE_ORDER:
    case PS_SEND_EXTRA_RECORD:
        break;
    }
    uint64_t h = ((uint64_t)s->kind * 0x9E3779B97F4A7C15u) ^ ((uint64_t)a << 32 | b);
    h *= 0xBF58476D1CE4E5B9u;
    return (uint32_t)(h ^ (h >> 32));
}

/* The slot where a probe for `hash` starts. */
static size_t first_slot(const struct policy_index *index, uint32_t hash)
{
    return hash & (index->cap - 1);
}

static void index_put(struct policy_index *index, uint32_t hash, uint32_t item_plus_one)
{
    size_t i = first_slot(index, hash);
    while (index->slots[i].item_plus_one)
        i = (i + 1) & (index->cap - 1);
    index->slots[i] = (struct policy_index_slot){hash, item_plus_one};
    index->n++;
}

void policy_index_add(struct arena *arena, struct policy_index *index, uint32_t hash, size_t item)
{
    if (item >= UINT32_MAX)
        xalloc_die();
    /* At most half full, so that probes stay short. */
    if (2 * (index->n + 1) > index->cap) {
        struct policy_index old = *index;
        index->cap = old.cap ? 2 * old.cap : 16;
        index->slots = arena_alloc(arena, index->cap * sizeof *index->slots);
        index->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.slots[i].item_plus_one)
                index_put(index, old.slots[i].hash, old.slots[i].item_plus_one);
    }
    index_put(index, hash, (uint32_t)item + 1);
}

bool policy_index_next(const struct policy_index *index, uint32_t hash, size_t *cursor,
                       size_t *item)
{
    if (index->cap == 0)
        return false;
    for (;;) {
        const struct policy_index_slot *slot =
            &index->slots[(first_slot(index, hash) + *cursor) & (index->cap - 1)];
        if (!slot->item_plus_one)
            return false;
        (*cursor)++;
        if (slot->hash == hash) {
            *item = slot->item_plus_one - 1;
            return true;
        }
    }
}

const struct policy_setting *policy_find(const struct policy *policy,
                                         const struct policy_setting *like)
{
    for (size_t i = 0; i < policy->nsettings; i++)
        if (policy_same_subject(&policy->settings[i], like))
            return &policy->settings[i];
    return NULL;
}

/* ------------------------------------------------------------- loading */

/* Profiles are small; a bigger file is not one. */
#define MAX_PROFILE_BYTES ((size_t)1 << 24)
/* How deep `extends` may go: far deeper than any profile needs. */
#define MAX_EXTENDS_DEPTH 16

/* A profile being loaded: its name, and for a file which file it is, so that
 * one file reached by two spellings ("a.profile", "sub/../a.profile") is
 * known as one. */
struct chain_link {
    const char *name;
    struct file_stamp file; /* exists false: a built-in template, or text */
};

struct loader {
    struct profile *p;
    struct chain_link chain[MAX_EXTENDS_DEPTH]; /* outermost first */
    size_t depth;
};

/* Whether two links name one profile: the same file when both are files
 * whose identity the system tells, else the same name. */
static bool same_profile(const struct chain_link *a, const struct chain_link *b)
{
    bool a_known = a->file.exists && a->file.inode != 0;
    bool b_known = b->file.exists && b->file.inode != 0;
    if (a_known && b_known)
        return a->file.device == b->file.device && a->file.inode == b->file.inode;
    return strcmp(a->name, b->name) == 0;
}

static struct source *add_source(struct profile *p, const char *name, const char *bytes, size_t n)
{
    struct source *src = xcalloc(1, sizeof *src);
    src->name = xstrdup(name);
    src->d.text = xmalloc(n + 2);
    memcpy(src->d.text, bytes, n);
    src->d.text[n] = src->d.text[n + 1] = '\0';
    src->d.len = n;
    src->d.encoding = TEXT_UTF8;
    src->raw_size = n;
    p->sources = xgrow(p->sources, &p->sources_cap, p->nsources + 1, sizeof *p->sources);
    p->sources[p->nsources++] = src;
    return src;
}

/* Reads a whole file; NULL with *error set when it cannot. */
static char *read_file(const char *path, size_t *len, const char **error)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *error = strerror(errno);
        return NULL;
    }
    long long size = 0;
    const char *why = platform_check_regular(f, &size);
    if (why) {
        fclose(f);
        *error = why;
        return NULL;
    }
    struct buf b = BUF_INIT;
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        buf_append(&b, chunk, got);
        if (b.len > MAX_PROFILE_BYTES)
            break;
    }
    bool failed = ferror(f) != 0;
    int saved = errno;
    fclose(f);
    if (failed || b.len > MAX_PROFILE_BYTES) {
        *error = failed ? strerror(saved ? saved : EIO) : "file is larger than 16 MiB; not a profile";
        buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return buf_steal(&b);
}

/* The offset of the first byte that is not part of valid UTF-8 (surrogates and
 * overlong forms included), or len. */
static size_t utf8_invalid_at(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned char c = u[i];
        size_t n;
        uint32_t cp, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return i;
        }
        if (i + n > len)
            return i;
        for (size_t k = 1; k < n; k++) {
            if ((u[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (u[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n;
    }
    return len;
}

/* Parses a source into its statement tree; NULL after a syntax error. */
static struct prof_stmt *parse_source(struct profile *p, struct source *src, bool *ok)
{
    struct prof_ctx ctx = {0};
    ctx.src = src;
    ctx.arena = p->arena;
    ctx.diags = &p->diags;
    const char *text = src->d.text;
    size_t len = src->d.len;
    if (len >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        prof_error(&ctx, PF_BAD_UTF8, (struct span){0, 2}, "the file is UTF-16; save it as UTF-8");
        *ok = false;
        return NULL;
    }
    size_t bad = utf8_invalid_at(text, len);
    if (bad < len) {
        prof_error(&ctx, PF_BAD_UTF8, (struct span){(uint32_t)bad, (uint32_t)bad + 1},
                   "byte 0x%02x; a profile is UTF-8 text", (unsigned)(unsigned char)text[bad]);
        *ok = false;
        return NULL;
    }
    yyscan_t scanner;
    if (prof_yylex_init_extra(&ctx, &scanner) != 0)
        xalloc_die();
    /* A UTF-8 byte order mark is not part of the profile. */
    size_t skip = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    prof_yy_scan_buffer(src->d.text + skip, len - skip + 2, scanner);
    prof_yyparse(scanner, &ctx);
    prof_yylex_destroy(scanner);
    free(ctx.open_braces);
    buf_free(&ctx.string);
    *ok = !ctx.failed;
    return ctx.failed ? NULL : ctx.top;
}

/* A name that stands for a built-in template rather than a file. */
static bool names_builtin(const char *what)
{
    size_t n = strlen(what);
    if (strchr(what, '/') || strchr(what, '\\'))
        return false;
    return !(n >= 8 && strcmp(what + n - 8, ".profile") == 0);
}

static const struct embedded_file *find_builtin(const char *name)
{
    return embedded_find(builtin_templates, builtin_templates_count, name);
}

static const char *builtin_suggestion(struct arena *arena, const char *name)
{
    const char **names = arena_alloc(arena, (builtin_templates_count + 1) * sizeof *names);
    for (size_t i = 0; i < builtin_templates_count; i++)
        names[i] = builtin_templates[i].name;
    return suggest_closest(name, strlen(name), names, builtin_templates_count);
}

/* The directory part of a path, with its separator ("" for none). */
static char *directory_of(struct arena *arena, const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *back = strrchr(path, '\\');
    if (back && (!slash || back > slash))
        slash = back;
    return slash ? arena_strndup(arena, path, (size_t)(slash - path + 1)) : arena_strdup(arena, "");
}

static struct policy *load_source(struct loader *L, struct source *src,
                                  const struct chain_link *link, const char *dir, bool builtin);

/* dir + path, without "./" steps, so that one file has one name in a chain. */
static const char *joined_path(struct arena *arena, const char *dir, const char *path)
{
    if (path[0] == '/' || path[0] == '\\' || (path[0] && path[1] == ':'))
        dir = "";
    const char *s = arena_printf(arena, "%s%s", dir, path);
    char *joined = arena_alloc(arena, strlen(s) + 1);
    char *out = joined;
    for (const char *r = s; *r;) {
        bool at_step = r == s || r[-1] == '/' || r[-1] == '\\';
        if (at_step && r[0] == '.' && (r[1] == '/' || r[1] == '\\')) {
            r += 2;
            continue;
        }
        *out++ = *r++;
    }
    return joined;
}

/* Follows `extends` from a checked profile; returns the parent's resolved
 * policy, or NULL after reporting why there is none. */
static struct policy *load_parent(struct loader *L, const struct checked_profile *own,
                                  const char *dir, bool builtin)
{
    struct profile *p = L->p;
    struct prof_ctx ctx = {.src = own->src, .arena = p->arena, .diags = &p->diags};
    const char *what = own->extends;
    bool by_name = names_builtin(what);
    const char *identity = by_name ? what : joined_path(p->arena, dir, what);
    struct chain_link link = {.name = identity};
    if (!by_name)
        platform_file_stamp(identity, &link.file);
    for (size_t i = 0; i < L->depth; i++) {
        if (same_profile(&L->chain[i], &link)) {
            struct diag *d = prof_error(&ctx, PF_EXTENDS_CYCLE, own->extends_at,
                                        "'%s' extends itself", L->chain[i].name);
            for (size_t k = i; k < L->depth; k++)
                diag_help(&p->diags, d, "'%s' extends '%s'", L->chain[k].name,
                          k + 1 < L->depth ? L->chain[k + 1].name : what);
            return NULL;
        }
    }
    if (L->depth == MAX_EXTENDS_DEPTH) {
        prof_error(&ctx, PF_EXTENDS_CYCLE, own->extends_at,
                   "profiles extend each other more than %d deep", MAX_EXTENDS_DEPTH);
        return NULL;
    }
    if (by_name) {
        const struct embedded_file *t = find_builtin(what);
        if (!t) {
            struct diag *d = prof_error(&ctx, PF_UNKNOWN_PROFILE, own->extends_at,
                                        "no built-in template '%s'", what);
            const char *near = builtin_suggestion(p->arena, what);
            if (near)
                diag_help(&p->diags, d, "did you mean '%s'?", near);
            else
                diag_help(&p->diags, d, "'reglint templates' lists them; a file path needs a '/'");
            return NULL;
        }
        struct source *src = add_source(p, arena_printf(p->arena, "builtin/%s", t->filename),
                                        t->contents, t->length);
        return load_source(L, src, &link, "", true);
    }
    if (builtin) {
        prof_error(&ctx, PF_UNKNOWN_PROFILE, own->extends_at,
                   "a built-in template extends only built-in templates, not '%s'", what);
        return NULL;
    }
    const char *error = NULL;
    size_t len = 0;
    char *bytes = read_file(identity, &len, &error);
    if (!bytes) {
        prof_error(&ctx, PF_UNKNOWN_PROFILE, own->extends_at, "cannot read '%s': %s", identity,
                   error);
        return NULL;
    }
    struct source *src = add_source(p, identity, bytes, len);
    free(bytes);
    return load_source(L, src, &link, directory_of(p->arena, identity), false);
}

static struct policy *load_source(struct loader *L, struct source *src,
                                  const struct chain_link *link, const char *dir, bool builtin)
{
    struct profile *p = L->p;
    bool ok;
    struct prof_stmt *top = parse_source(p, src, &ok);
    if (!ok)
        return NULL;
    struct checked_profile own;
    if (!profile_check(p->arena, &p->diags, src, top, &own))
        return NULL;
    if (!own.extends)
        return own.policy;
    L->chain[L->depth++] = *link;
    struct policy *parent = load_parent(L, &own, dir, builtin);
    L->depth--;
    if (!parent)
        return NULL;
    return policy_merge(p->arena, parent, &own);
}

static void profile_init(struct profile *out)
{
    memset(out, 0, sizeof *out);
    out->arena = arena_new();
    diag_list_init(&out->diags, out->arena);
}

static enum profile_status finish(struct profile *p, struct loader *L, struct source *src,
                                  const struct chain_link *link, const char *dir, bool builtin)
{
    struct policy *policy = load_source(L, src, link, dir, builtin);
    if (policy && policy_check_target(p->arena, &p->diags, policy))
        p->policy = policy;
    diag_list_sort(&p->diags);
    return p->policy ? PROFILE_OK : PROFILE_INVALID;
}

enum profile_status profile_load(const char *what, struct profile *out)
{
    profile_init(out);
    struct loader L = {.p = out};
    const struct embedded_file *t = names_builtin(what) ? find_builtin(what) : NULL;
    if (t) {
        struct source *src = add_source(out, arena_printf(out->arena, "builtin/%s", t->filename),
                                        t->contents, t->length);
        struct chain_link link = {.name = t->name};
        return finish(out, &L, src, &link, "", true);
    }
    const char *error = NULL;
    size_t len = 0;
    char *bytes = read_file(what, &len, &error);
    if (!bytes) {
        if (names_builtin(what)) {
            const char *near = builtin_suggestion(out->arena, what);
            out->error = near ? arena_printf(out->arena,
                                             "no built-in template or file '%s'; did you mean '%s'?",
                                             what, near)
                              : arena_printf(out->arena,
                                             "no built-in template or file '%s' ('reglint "
                                             "templates' lists the templates)",
                                             what);
            return PROFILE_NOT_FOUND;
        }
        out->error = arena_printf(out->arena, "%s: %s", what, error);
        return PROFILE_UNREADABLE;
    }
    struct source *src = add_source(out, what, bytes, len);
    free(bytes);
    struct chain_link link = {.name = what};
    platform_file_stamp(what, &link.file);
    return finish(out, &L, src, &link, directory_of(out->arena, what), false);
}

enum profile_status profile_load_text(const char *name, const char *text, size_t len,
                                      struct profile *out)
{
    profile_init(out);
    struct loader L = {.p = out};
    struct source *src = add_source(out, name, text, len);
    struct chain_link link = {.name = name};
    return finish(out, &L, src, &link, "", false);
}

void profile_release(struct profile *p)
{
    for (size_t i = 0; i < p->nsources; i++)
        source_free(p->sources[i]);
    free(p->sources);
    diag_list_release(&p->diags);
    arena_free(p->arena);
    memset(p, 0, sizeof *p);
}

size_t profile_code_count(void)
{
    return PF_COUNT;
}

const char *profile_code_id(size_t i)
{
    return pf_table[i].code;
}

const char *profile_code_title(size_t i)
{
    return pf_table[i].title;
}
