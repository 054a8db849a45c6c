/* What profile statements mean: argument checks, settings, merging. */
#include "profcheck.h"

#include <stdarg.h>
#include <string.h>

#include "printf_like.h"
#include "regfile.h"
#include "suggest.h"
#include "suites.h"
#include "text.h"
#include "xalloc.h"

struct checker {
    struct prof_ctx ctx;      /* where errors go */
    struct policy *pol;
    size_t cap;
    struct policy_index by_subject; /* pol's settings */
    struct checked_profile *out;
    /* The statements that set the profile's single-valued fields, for
     * "already set" messages. */
    const struct prof_stmt *set_by[KW_COUNT];
};

/* ------------------------------------------------------------- words */

/* ASCII letters in either case: the profile's words and Windows' names. */
static bool equal_nocase(const char *a, size_t alen, const char *b)
{
    return suggest_distance(a, alen, b, strlen(b), 0) == 0;
}

/* A word or string usable as a name: no NUL inside. */
static const char *arg_name(const struct prof_arg *a)
{
    if (!a || (a->kind != ARG_WORD && a->kind != ARG_STRING) || strlen(a->text) != a->len)
        return NULL;
    return a->text;
}

static bool arg_is(const struct prof_arg *a, const char *word)
{
    return a && a->kind == ARG_WORD && equal_nocase(a->text, a->len, word);
}

/* The index of the word among `words`, or -1. */
static int arg_choice(const struct prof_arg *a, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (arg_is(a, words[i]))
            return (int)i;
    return -1;
}

static const char *const action_words[] = {"enable", "disable", "default"};
static const enum policy_action action_values[] = {PA_ENABLE, PA_DISABLE, PA_DEFAULT};
static const char *const role_words[] = {"client", "server"};
static const char *const switch_words[DOTNET_SWITCH_COUNT] = {"system-default-tls-versions",
                                                              "strong-crypto"};
static const char *const state_words[] = {"on", "off", "default"};
static const char *const version_words[] = {"v2", "v4", "v2.0.50727", "v4.0.30319"};
static const char *const arch_words[] = {"x64", "x86"};
static const char *const bound_words[] = {"min-key-length", "max-key-length"};
static const char *const value_type_words[] = {"dword",        "qword",  "string", "expand-string",
                                               "multi-string", "binary", "delete"};
static const char *const level_words[] = {"style", "info", "warning", "error", "none"};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* "a, b or c" in the arena. */
static const char *word_list(struct arena *arena, const char *const *words, size_t n)
{
    struct buf b = BUF_INIT;
    for (size_t i = 0; i < n; i++)
        buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", words[i]);
    char *s = arena_strdup(arena, b.data ? b.data : "");
    buf_free(&b);
    return s;
}

/* An argument as a message quotes it: at most 40 code points, control
 * characters escaped (an argument may be megabytes long). In the arena. */
static const char *quoted(struct arena *arena, const struct prof_arg *a)
{
    struct buf snippet = BUF_INIT;
    text_snippet(&snippet, a->text, a->len, 40);
    char *s = arena_strdup(arena, snippet.data ? snippet.data : "");
    buf_free(&snippet);
    return s;
}

/* ------------------------------------------------------------ reporting */

static struct diag *report(struct checker *c, enum pf_code code, struct span at, const char *fmt,
                           ...) PRINTF_LIKE(4, 5);

static struct diag *report(struct checker *c, enum pf_code code, struct span at, const char *fmt,
                           ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *detail = arena_vprintf(c->ctx.arena, fmt, ap);
    va_end(ap);
    return prof_error(&c->ctx, code, at, "%s", detail);
}

static void suggest_help(struct checker *c, struct diag *d, const char *word, size_t len,
                         const char *const *candidates, size_t n)
{
    const char *near = suggest_closest(word, len, candidates, n);
    if (near)
        diag_help(c->ctx.diags, d, "did you mean '%s'?", near);
}

static void missing(struct checker *c, const struct prof_stmt *st, const char *what)
{
    report(c, PF_MISSING_ARGUMENT, st->at, "'%s' needs %s", prof_keyword_name(st->keyword), what);
}

/* An argument left over once a statement has what it needs. */
static void unexpected(struct checker *c, const struct prof_stmt *st, const struct prof_arg *a)
{
    struct diag *d = report(c, PF_UNEXPECTED_ARGUMENT, a->at, "'%s' is not an argument of '%s'",
                            quoted(c->ctx.arena, a), prof_keyword_name(st->keyword));
    if (a->kind == ARG_WORD) {
        const char *near = prof_keyword_suggestion(a->text, a->len);
        if (near)
            diag_help(c->ctx.diags, d, "a statement starts with a keyword: did you mean '%s'?",
                      near);
    }
}

static void unknown_word(struct checker *c, const struct prof_arg *a, const char *const *words,
                         size_t n)
{
    struct diag *d = report(c, PF_UNKNOWN_WORD, a->at, "'%s'; expected %s", quoted(c->ctx.arena, a),
                            word_list(c->ctx.arena, words, n));
    suggest_help(c, d, a->text, a->len, words, n);
}

/* Takes one of `words` from *a; reports and returns -1 otherwise. */
static int take_choice(struct checker *c, const struct prof_stmt *st, const struct prof_arg **a,
                       const char *const *words, size_t n, const char *what)
{
    if (!*a) {
        missing(c, st, what);
        return -1;
    }
    int k = arg_choice(*a, words, n);
    if (k < 0) {
        unknown_word(c, *a, words, n);
        return -1;
    }
    *a = (*a)->next;
    return k;
}

static bool take_number(struct checker *c, const struct prof_stmt *st, const struct prof_arg **a,
                        const char *what, uint64_t *out)
{
    if (!*a) {
        missing(c, st, what);
        return false;
    }
    if ((*a)->kind != ARG_NUMBER) {
        report(c, PF_BAD_NUMBER, (*a)->at, "'%s' is not a number; '%s' needs %s", quoted(c->ctx.arena, *a),
               prof_keyword_name(st->keyword), what);
        return false;
    }
    *out = (*a)->number;
    *a = (*a)->next;
    return true;
}

static bool no_more(struct checker *c, const struct prof_stmt *st, const struct prof_arg *a)
{
    if (a)
        unexpected(c, st, a);
    return a == NULL;
}

/* ------------------------------------------------------------ settings */

const char *policy_describe(struct arena *arena, const struct policy_setting *s)
{
    switch (s->kind) {
    case PS_PROTOCOL:
        return arena_printf(arena, "protocol %s %s", protocol_info(s->subject.protocol.protocol)->name,
                            role_name(s->subject.protocol.role));
    case PS_WINHTTP:
        return "winhttp default-secure-protocols";
    case PS_WININET:
        return arena_printf(arena, "wininet secure-protocols scope %s",
                            wininet_scope_name(s->subject.scope));
    case PS_DOTNET:
        return arena_printf(arena, "dotnet %s %s", switch_words[s->subject.dotnet.which],
                            version_words[s->subject.dotnet.version]);
    case PS_ALGORITHM: {
        const struct algorithm_info *alg = s->subject.algorithm;
        const char *kw = alg->kind == ALG_CIPHER ? "cipher"
                         : alg->kind == ALG_HASH ? "hash"
                                                 : "key-exchange";
        return arena_printf(arena, "%s %s", kw, alg->name);
    }
    case PS_KEY_LENGTH: {
        enum key_length_bound b = s->subject.key_length.bound;
        return arena_printf(arena, "key-exchange %s %s %s", s->subject.key_length.algorithm->name,
                            b == KEYLEN_CLIENT_MAX ? "max-key-length" : "min-key-length",
                            b == KEYLEN_SERVER_MIN ? "server" : "client");
    }
    case PS_SUITE_ORDER:
        return "cipher-suites";
    case PS_SUITE_RULE:
        if (s->subject.suite_rule.rule == SR_NO_SUITE)
            return arena_printf(arena, "cipher-suites forbid %s", s->subject.suite_rule.name);
        return arena_printf(arena, "cipher-suites %s", suite_rule_words(s->subject.suite_rule.rule));
    case PS_CURVE_ORDER:
        return "ecc-curves";
    case PS_SEND_EXTRA_RECORD:
        return "send-extra-record";
    case PS_RAW:
        if (!s->subject.raw.name)
            return arena_printf(arena, "key '%s'", s->subject.raw.key);
        if (s->subject.raw.name_len == 0)
            return arena_printf(arena, "value @ of key '%s'", s->subject.raw.key);
        return arena_printf(arena, "value '%s' of key '%s'", s->subject.raw.name, s->subject.raw.key);
    }
    return "?";
}

static bool same_value(const struct policy_setting *a, const struct policy_setting *b)
{
    if (a->action != b->action || a->number != b->number || a->raw_type != b->raw_type ||
        a->nstrings != b->nstrings || a->nbytes != b->nbytes)
        return false;
    for (size_t i = 0; i < a->nstrings; i++)
        if (strcmp(a->strings[i], b->strings[i]) != 0)
            return false;
    return a->nbytes == 0 || memcmp(a->bytes, b->bytes, a->nbytes) == 0;
}

static uint32_t line_of(struct source *src, struct span at)
{
    uint32_t line, col;
    source_position(src, at.start, &line, &col);
    return line;
}

static struct policy_setting *new_setting(struct checker *c, enum policy_kind kind,
                                          const struct prof_stmt *st)
{
    struct policy_setting *s = arena_alloc(c->ctx.arena, sizeof *s);
    s->kind = kind;
    s->src = c->ctx.src;
    s->at = st->at;
    return s;
}

static void append_setting(struct arena *arena, struct policy *pol, size_t *cap,
                           const struct policy_setting *s)
{
    pol->settings = arena_grow_array(arena, pol->settings, pol->nsettings, cap, sizeof *pol->settings);
    pol->settings[pol->nsettings++] = *s;
}

/* Adds a setting; the same subject twice is fine with the same value and a
 * conflict with another. */
/* The index of the setting of `pol` about the same thing as `s`, or
 * pol->nsettings. */
static size_t find_subject(const struct policy *pol, const struct policy_index *by_subject,
                           const struct policy_setting *s, uint32_t hash)
{
    size_t cursor = 0, i;
    while (policy_index_next(by_subject, hash, &cursor, &i))
        if (policy_same_subject(&pol->settings[i], s))
            return i;
    return pol->nsettings;
}

static void add_setting(struct checker *c, const struct policy_setting *s)
{
    uint32_t hash = policy_subject_hash(s);
    size_t i = find_subject(c->pol, &c->by_subject, s, hash);
    if (i < c->pol->nsettings) {
        const struct policy_setting *old = &c->pol->settings[i];
        if (!same_value(old, s)) {
            struct diag *d = report(c, PF_CONFLICT, s->at, "%s is already set differently at line %u",
                                    policy_describe(c->ctx.arena, s), line_of(old->src, old->at));
            diag_help(c->ctx.diags, d, "say it once; a profile that extends this one may change it");
        }
        return;
    }
    policy_index_add(c->ctx.arena, &c->by_subject, hash, c->pol->nsettings);
    append_setting(c->ctx.arena, c->pol, &c->cap, s);
}

/* --------------------------------------------------------- protocols */

static void protocol_candidates(const char **names, size_t *n, bool with_actions)
{
    *n = 0;
    for (int p = 0; p < PROTO_COUNT; p++)
        names[(*n)++] = protocol_info((enum protocol)p)->name;
    if (with_actions)
        for (size_t i = 0; i < COUNT(action_words); i++)
            names[(*n)++] = action_words[i];
}

static void unknown_protocol(struct checker *c, const struct prof_arg *a, bool with_actions)
{
    const char *names[PROTO_COUNT + COUNT(action_words)];
    size_t n;
    protocol_candidates(names, &n, with_actions);
    struct diag *d = report(c, PF_UNKNOWN_PROTOCOL, a->at, "'%s'", quoted(c->ctx.arena, a));
    suggest_help(c, d, a->text, a->len, names, n);
    diag_help(c->ctx.diags, d, "protocols: %s", word_list(c->ctx.arena, names, PROTO_COUNT));
}

/* Takes protocol names up to the first word in `stop` (or the end). */
static bool take_protocols(struct checker *c, const struct prof_stmt *st, const struct prof_arg **a,
                           bool protos[PROTO_COUNT], const char *const *stop, size_t nstop,
                           size_t *count)
{
    *count = 0;
    memset(protos, 0, PROTO_COUNT * sizeof *protos);
    for (; *a && arg_choice(*a, stop, nstop) < 0; *a = (*a)->next) {
        const char *name = arg_name(*a);
        enum protocol p;
        if (!name || !protocol_by_name(name, &p)) {
            unknown_protocol(c, *a, st->keyword == KW_PROTOCOL);
            return false;
        }
        protos[p] = true;
        (*count)++;
    }
    if (*count == 0) {
        missing(c, st, "one or more protocols (tls1.2, ...)");
        return false;
    }
    return true;
}

/* protocol NAME... enable|disable|default [client] [server] */
static void check_protocol(struct checker *c, const struct prof_stmt *st)
{
    const struct prof_arg *a = st->args;
    bool protos[PROTO_COUNT];
    size_t count;
    if (!take_protocols(c, st, &a, protos, action_words, COUNT(action_words), &count))
        return;
    int action = take_choice(c, st, &a, action_words, COUNT(action_words),
                             "enable, disable or default after the protocols");
    if (action < 0)
        return;
    bool roles[ROLE_COUNT] = {false, false};
    bool any_role = false;
    for (; a; a = a->next) {
        int r = arg_choice(a, role_words, COUNT(role_words));
        if (r < 0) {
            /* A misspelt role, or the start of a statement whose keyword is misspelt. */
            if (a->kind == ARG_WORD && (suggest_closest(a->text, a->len, role_words, 2) ||
                                        !prof_keyword_suggestion(a->text, a->len)))
                unknown_word(c, a, role_words, COUNT(role_words));
            else
                unexpected(c, st, a);
            return;
        }
        roles[r] = any_role = true;
    }
    for (int p = 0; p < PROTO_COUNT; p++) {
        if (!protos[p])
            continue;
        for (int r = 0; r < ROLE_COUNT; r++) {
            if (any_role && !roles[r])
                continue;
            struct policy_setting *s = new_setting(c, PS_PROTOCOL, st);
            s->subject.protocol.protocol = (enum protocol)p;
            s->subject.protocol.role = (enum role)r;
            s->action = action_values[action];
            add_setting(c, s);
        }
    }
}

/* The WinHTTP/WinINet bits of protocol names, or `default`. */
static bool take_bits(struct checker *c, const struct prof_stmt *st, const struct prof_arg **a,
                      const char *const *stop, size_t nstop, enum policy_action *action,
                      uint32_t *bits)
{
    if (arg_is(*a, "default")) {
        *action = PA_DEFAULT;
        *bits = 0;
        *a = (*a)->next;
        return true;
    }
    bool protos[PROTO_COUNT];
    size_t count;
    const struct prof_arg *first = *a;
    if (!take_protocols(c, st, a, protos, stop, nstop, &count))
        return false;
    *action = PA_SET;
    *bits = 0;
    for (const struct prof_arg *x = first; x != *a; x = x->next) {
        enum protocol p;
        protocol_by_name(x->text, &p);
        const struct protocol_info *info = protocol_info(p);
        if (!info->bit) {
            report(c, PF_NO_PROTOCOL_BIT, x->at, "%s has no %s bit", info->display,
                   st->keyword == KW_WINHTTP ? "DefaultSecureProtocols" : "SecureProtocols");
            return false;
        }
        *bits |= info->bit;
    }
    return true;
}

/* winhttp default-secure-protocols NAME...|default */
static void check_winhttp(struct checker *c, const struct prof_stmt *st)
{
    static const char *const what[] = {"default-secure-protocols"};
    const struct prof_arg *a = st->args;
    if (take_choice(c, st, &a, what, 1, "default-secure-protocols") < 0)
        return;
    enum policy_action action;
    uint32_t bits;
    if (!take_bits(c, st, &a, NULL, 0, &action, &bits) || !no_more(c, st, a))
        return;
    struct policy_setting *s = new_setting(c, PS_WINHTTP, st);
    s->action = action;
    s->number = bits;
    add_setting(c, s);
}

/* wininet secure-protocols NAME...|default [scope user|machine|policy...] */
static void check_wininet(struct checker *c, const struct prof_stmt *st)
{
    static const char *const what[] = {"secure-protocols"};
    static const char *const scope_word[] = {"scope"};
    const struct prof_arg *a = st->args;
    if (take_choice(c, st, &a, what, 1, "secure-protocols") < 0)
        return;
    enum policy_action action;
    uint32_t bits;
    if (!take_bits(c, st, &a, scope_word, 1, &action, &bits))
        return;
    const char *scope_words[SCOPE_COUNT];
    for (int k = 0; k < SCOPE_COUNT; k++)
        scope_words[k] = wininet_scope_name((enum wininet_scope)k);
    bool scopes[SCOPE_COUNT] = {false};
    if (a && arg_is(a, "scope")) {
        a = a->next;
        if (!a) {
            missing(c, st, "user, machine or policy after 'scope'");
            return;
        }
        for (; a; a = a->next) {
            int k = arg_choice(a, scope_words, SCOPE_COUNT);
            if (k < 0) {
                unknown_word(c, a, scope_words, SCOPE_COUNT);
                return;
            }
            scopes[k] = true;
        }
    } else if (!no_more(c, st, a)) {
        return;
    } else {
        /* What the KB3140245 Easy fix writes: the user's and the machine's. */
        scopes[SCOPE_USER] = scopes[SCOPE_MACHINE] = true;
    }
    for (int k = 0; k < SCOPE_COUNT; k++) {
        if (!scopes[k])
            continue;
        struct policy_setting *s = new_setting(c, PS_WININET, st);
        s->subject.scope = (enum wininet_scope)k;
        s->action = action;
        s->number = bits;
        add_setting(c, s);
    }
}

/* dotnet (system-default-tls-versions|strong-crypto on|off|default)... [versions v2|v4...] */
static void check_dotnet(struct checker *c, const struct prof_stmt *st)
{
    const struct prof_arg *a = st->args;
    int state[DOTNET_SWITCH_COUNT] = {-1, -1};
    bool any = false;
    while (a && !arg_is(a, "versions")) {
        int which = take_choice(c, st, &a, switch_words, DOTNET_SWITCH_COUNT,
                                "system-default-tls-versions or strong-crypto");
        if (which < 0)
            return;
        int k = take_choice(c, st, &a, state_words, COUNT(state_words), "on, off or default");
        if (k < 0)
            return;
        state[which] = k;
        any = true;
    }
    if (!any) {
        missing(c, st, "system-default-tls-versions or strong-crypto, each with on, off or default");
        return;
    }
    bool versions[DOTNET_VERSION_COUNT] = {false};
    if (a) {
        a = a->next;
        if (!a) {
            missing(c, st, "v2 or v4 after 'versions'");
            return;
        }
        for (; a; a = a->next) {
            int k = arg_choice(a, version_words, COUNT(version_words));
            if (k < 0) {
                unknown_word(c, a, version_words, COUNT(version_words));
                return;
            }
            versions[k % DOTNET_VERSION_COUNT] = true;
        }
    } else {
        versions[DOTNET_V2] = versions[DOTNET_V4] = true;
    }
    for (int v = 0; v < DOTNET_VERSION_COUNT; v++) {
        if (!versions[v])
            continue;
        for (int w = 0; w < DOTNET_SWITCH_COUNT; w++) {
            if (state[w] < 0)
                continue;
            struct policy_setting *s = new_setting(c, PS_DOTNET, st);
            s->subject.dotnet.version = (enum dotnet_version)v;
            s->subject.dotnet.which = (enum dotnet_switch)w;
            s->action = state[w] == 2 ? PA_DEFAULT : PA_SET;
            s->number = state[w] == 0;
            add_setting(c, s);
        }
    }
}

/* ----------------------------------------------------------- algorithms */

static const char *kind_word(enum algorithm_kind kind)
{
    return kind == ALG_CIPHER ? "cipher" : kind == ALG_HASH ? "hash" : "key exchange algorithm";
}

static const struct algorithm_info *take_algorithm(struct checker *c, const struct prof_arg *a,
                                                   enum algorithm_kind kind)
{
    const char *name = arg_name(a);
    const struct algorithm_info *alg = NULL;
    if (name) {
        alg = algorithm_by_key(kind, name, a->len);
        if (!alg)
            alg = algorithm_by_name(name);
    }
    if (alg && alg->kind == kind)
        return alg;
    struct diag *d;
    if (alg)
        d = report(c, PF_UNKNOWN_ALGORITHM, a->at, "'%s' is a %s, not a %s", quoted(c->ctx.arena, a),
                   kind_word(alg->kind), kind_word(kind));
    else
        d = report(c, PF_UNKNOWN_ALGORITHM, a->at, "'%s' is not a %s Windows knows",
                   quoted(c->ctx.arena, a), kind_word(kind));
    size_t n;
    const struct algorithm_info *all = algorithms(&n);
    const char **names = arena_alloc(c->ctx.arena, 2 * n * sizeof *names);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (all[i].kind == kind)
            names[k++] = all[i].name, names[k++] = all[i].key;
    suggest_help(c, d, a->text, a->len, names, k);
    return NULL;
}

/* The roles a key length applies to. */
static bool take_bound_roles(struct checker *c, const struct prof_stmt *st, const struct prof_arg *a,
                             bool max, bool roles[ROLE_COUNT])
{
    bool any = false;
    roles[ROLE_CLIENT] = roles[ROLE_SERVER] = false;
    for (; a; a = a->next) {
        int r = arg_choice(a, role_words, COUNT(role_words));
        if (r < 0) {
            unknown_word(c, a, role_words, COUNT(role_words));
            return false;
        }
        if (max && r == ROLE_SERVER) {
            report(c, PF_UNDOCUMENTED, a->at,
                   "Windows documents no server maximum key length (ClientMaxKeyBitLength only)");
            return false;
        }
        roles[r] = any = true;
    }
    (void)st;
    if (!any)
        roles[ROLE_CLIENT] = roles[ROLE_SERVER] = true;
    return true;
}

/* cipher|hash|key-exchange NAME... enable|disable|default
 * key-exchange NAME... min-key-length|max-key-length BITS|default [client] [server] */
static void check_algorithm(struct checker *c, const struct prof_stmt *st, enum algorithm_kind kind)
{
    const struct prof_arg *a = st->args;
    const struct algorithm_info *algs[32];
    size_t nalgs = 0;
    for (; a && arg_choice(a, action_words, COUNT(action_words)) < 0 &&
           (kind != ALG_KEY_EXCHANGE || arg_choice(a, bound_words, COUNT(bound_words)) < 0);
         a = a->next) {
        const struct algorithm_info *alg = take_algorithm(c, a, kind);
        if (!alg)
            return;
        if (nalgs < COUNT(algs))
            algs[nalgs++] = alg;
    }
    if (nalgs == 0) {
        missing(c, st, "one or more names");
        return;
    }
    if (kind == ALG_KEY_EXCHANGE && a && arg_choice(a, bound_words, COUNT(bound_words)) >= 0) {
        bool max = arg_is(a, "max-key-length");
        a = a->next;
        enum policy_action action = PA_SET;
        uint64_t bits = 0;
        if (arg_is(a, "default")) {
            action = PA_DEFAULT;
            a = a->next;
        } else if (!take_number(c, st, &a, "a key length in bits, or default", &bits)) {
            return;
        } else if (bits < 512 || bits > 16384) {
            report(c, PF_OUT_OF_RANGE, st->at, "a key length of %llu bits; use 512 to 16384",
                   (unsigned long long)bits);
            return;
        }
        bool roles[ROLE_COUNT];
        if (!take_bound_roles(c, st, a, max, roles))
            return;
        for (size_t i = 0; i < nalgs; i++) {
            const struct algorithm_info *alg = algs[i];
            bool dh = strcmp(alg->name, "dh") == 0, pkcs = strcmp(alg->name, "pkcs") == 0;
            if (!dh && !pkcs) {
                report(c, PF_UNDOCUMENTED, st->at,
                       "%s has no key length values (the curves set ECDH's strength)", alg->key);
                return;
            }
            for (int r = 0; r < ROLE_COUNT; r++) {
                if (!roles[r])
                    continue;
                if (pkcs && r == ROLE_SERVER) {
                    /* Without an explicit role, PKCS gets the client value only. */
                    if (a) {
                        report(c, PF_UNDOCUMENTED, st->at,
                               "PKCS has no server minimum key length (the server certificate "
                               "sets it)");
                        return;
                    }
                    continue;
                }
                struct policy_setting *s = new_setting(c, PS_KEY_LENGTH, st);
                s->subject.key_length.algorithm = alg;
                s->subject.key_length.bound = max ? KEYLEN_CLIENT_MAX
                                              : r == ROLE_SERVER ? KEYLEN_SERVER_MIN
                                                                 : KEYLEN_CLIENT_MIN;
                s->action = action;
                s->number = bits;
                add_setting(c, s);
            }
        }
        return;
    }
    int action = take_choice(c, st, &a, action_words, COUNT(action_words),
                             kind == ALG_KEY_EXCHANGE
                                 ? "enable, disable, default, min-key-length or max-key-length"
                                 : "enable, disable or default after the names");
    if (action < 0 || !no_more(c, st, a))
        return;
    for (size_t i = 0; i < nalgs; i++) {
        struct policy_setting *s = new_setting(c, PS_ALGORITHM, st);
        s->subject.algorithm = algs[i];
        s->action = action_values[action];
        add_setting(c, s);
    }
}

/* --------------------------------------------------------- suite lists */

static bool is_list_name(const char *s, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == '_'))
            return false;
    }
    return true;
}

/* ORDER: enum suite_rule. */
static const struct {
    bool require;
    const char *word;  /* NULL: a suite name */
    const char *words; /* as a profile says it */
} suite_rules[SR_COUNT] = {
    [SR_FORWARD_SECRECY] = {true, "forward-secrecy", "require forward-secrecy"},
    [SR_AEAD] = {true, "aead", "require aead"},
    [SR_TLS13_FIRST] = {true, "tls1.3-first", "require tls1.3-first"},
    [SR_NO_CBC] = {false, "cbc", "forbid cbc"},
    [SR_NO_RSA_KEX] = {false, "rsa-key-exchange", "forbid rsa-key-exchange"},
    [SR_NO_SHA1] = {false, "sha1", "forbid sha1"},
    [SR_NO_WEAK] = {false, "weak", "forbid weak"},
    [SR_NO_SUITE] = {false, NULL, "forbid"},
};

const char *suite_rule_words(enum suite_rule rule)
{
    return suite_rules[rule].words;
}

/* cipher-suites require PROPERTY...; cipher-suites forbid PROPERTY|NAME... */
static void check_suite_rules(struct checker *c, const struct prof_stmt *st)
{
    bool require = arg_is(st->args, "require");
    const char *words[SR_COUNT];
    enum suite_rule rules[SR_COUNT];
    size_t n = 0;
    for (int r = 0; r < SR_COUNT; r++)
        if (suite_rules[r].require == require && suite_rules[r].word) {
            words[n] = suite_rules[r].word;
            rules[n++] = (enum suite_rule)r;
        }
    const struct prof_arg *a = st->args->next;
    if (!a) {
        missing(c, st, require ? "forward-secrecy, aead or tls1.3-first after 'require'"
                               : "cbc, rsa-key-exchange, sha1, weak or suite names after 'forbid'");
        return;
    }
    for (; a; a = a->next) {
        struct policy_setting *s = new_setting(c, PS_SUITE_RULE, st);
        s->action = PA_SET;
        int k = arg_choice(a, words, n);
        const char *name = arg_name(a);
        if (k >= 0) {
            s->subject.suite_rule.rule = rules[k];
        } else if (!require && name && suite_lookup(name, a->len)) {
            s->subject.suite_rule.rule = SR_NO_SUITE;
            s->subject.suite_rule.name = suite_lookup(name, a->len)->name;
        } else if (!require && name && memchr(name, '_', a->len)) {
            struct diag *d = report(c, PF_BAD_NAME, a->at, "'%s' is not a cipher suite Windows knows",
                                    quoted(c->ctx.arena, a));
            const char *near = suite_suggest(name, a->len);
            if (near)
                diag_help(c->ctx.diags, d, "did you mean '%s'?", near);
            return;
        } else {
            unknown_word(c, a, words, n);
            return;
        }
        add_setting(c, s);
    }
}

/* cipher-suites NAME...|default|require ...|forbid ..., ecc-curves NAME...|default */
static void check_name_list(struct checker *c, const struct prof_stmt *st, enum policy_kind kind)
{
    const struct prof_arg *a = st->args;
    if (kind == PS_SUITE_ORDER && (arg_is(a, "require") || arg_is(a, "forbid"))) {
        check_suite_rules(c, st);
        return;
    }
    struct policy_setting *s = new_setting(c, kind, st);
    if (arg_is(a, "default")) {
        if (!no_more(c, st, a->next))
            return;
        s->action = PA_DEFAULT;
        add_setting(c, s);
        return;
    }
    if (!a) {
        missing(c, st, kind == PS_SUITE_ORDER ? "cipher-suite names (TLS_...), or default"
                                              : "curve names (curve25519, NistP256, ...), or default");
        return;
    }
    s->action = PA_SET;
    s->strings = arena_alloc(c->ctx.arena, st->nargs * sizeof *s->strings);
    struct span *spans = arena_alloc(c->ctx.arena, st->nargs * sizeof *spans);
    s->strings_at = spans;
    size_t total = 0;
    struct span whole = {st->at.start, st->at.end};
    struct policy_index listed = {0};
    for (; a; a = a->next) {
        const char *name = arg_name(a);
        if (!name || !is_list_name(name, a->len)) {
            report(c, PF_BAD_NAME, a->at, "'%s'; %s names are letters, digits and '_'",
                   quoted(c->ctx.arena, a), kind == PS_SUITE_ORDER ? "cipher-suite" : "curve");
            return;
        }
        if (kind == PS_SUITE_ORDER ? !suite_lookup(name, a->len) : !curve_lookup(name, a->len)) {
            const char *meant = kind == PS_SUITE_ORDER ? suite_suggest(name, a->len) : curve_suggest(name, a->len);
            struct diag *d = report(c, PF_BAD_NAME, a->at, "'%s' is no %s any Windows version knows",
                                    quoted(c->ctx.arena, a), kind == PS_SUITE_ORDER ? "cipher suite" : "curve");
            if (meant)
                diag_help(c->ctx.diags, d, "did you mean '%s'?", meant);
            return;
        }
        uint32_t hash = text_name_hash(0, name, a->len);
        size_t cursor = 0, i;
        while (policy_index_next(&listed, hash, &cursor, &i)) {
            if (equal_nocase(name, a->len, s->strings[i])) {
                report(c, PF_BAD_NAME, a->at, "'%s' is listed twice", quoted(c->ctx.arena, a));
                return;
            }
        }
        policy_index_add(c->ctx.arena, &listed, hash, s->nstrings);
        spans[s->nstrings] = a->at;
        s->strings[s->nstrings++] = name;
        total += a->len + (s->nstrings > 1);
        whole.end = a->at.end;
    }
    if (kind == PS_SUITE_ORDER && total > SUITE_LIST_MAX_CHARS) {
        struct diag *d = report(c, PF_SUITES_TOO_LONG, whole,
                                "%zu characters; Windows reads at most %d of the policy list", total,
                                SUITE_LIST_MAX_CHARS);
        diag_help(c->ctx.diags, d, "leave out suites the machine never needs; the rest are ignored");
        return;
    }
    add_setting(c, s);
}

/* send-extra-record 0|1|2|default */
static void check_send_extra_record(struct checker *c, const struct prof_stmt *st)
{
    const struct prof_arg *a = st->args;
    struct policy_setting *s = new_setting(c, PS_SEND_EXTRA_RECORD, st);
    if (arg_is(a, "default")) {
        s->action = PA_DEFAULT;
        a = a->next;
    } else {
        uint64_t n;
        if (!take_number(c, st, &a, "0, 1, 2 or default", &n))
            return;
        if (n > 2) {
            report(c, PF_OUT_OF_RANGE, st->args->at,
                   "send-extra-record is 0 (opt-in), 1 (every caller) or 2 (no caller), not %llu",
                   (unsigned long long)n);
            return;
        }
        s->action = PA_SET;
        s->number = n;
    }
    if (no_more(c, st, a))
        add_setting(c, s);
}

/* ----------------------------------------------------------- raw keys */

/* The reader is the judge of what regedit makes of a key line: the path is
 * written as gen would write it and read back. NULL when it survives intact,
 * else why not. */
static const char *key_path_problem(struct arena *arena, const char *path, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (path[i] == '\r' || path[i] == '\n' || path[i] == '\0')
            return "a key name cannot hold a line break or NUL";
    struct buf text = BUF_INIT;
    buf_puts(&text, "[");
    buf_append(&text, path, len);
    buf_puts(&text, "]\n");
    struct reg_doc r;
    bool read = reg_read_text(&r, "key", text.data, text.len);
    buf_free(&text);
    if (!read)
        return "the key path is longer than reglint reads";
    const struct reg_file *file = r.file;
    const char *problem = NULL;
    if (r.diags.n > 0) {
        problem = arena_strdup(arena, r.diags.items[0]->message);
    } else if (file->nstmts != 1 || file->stmts[0].kind != REG_STMT_KEY ||
               !file->stmts[0].as.key.usable) {
        problem = "regedit would not open this key";
    } else {
        char *back = reg_key_path_string(r.arena, file, &file->stmts[0].as.key);
        if (strlen(back) != len || memcmp(back, path, len) != 0)
            problem = arena_printf(arena, "regedit would read it as '%s'", back);
    }
    reg_doc_release(&r);
    return problem;
}

/* A key path with its root spelt out: HKLM becomes HKEY_LOCAL_MACHINE (every
 * root's abbreviation is HK and the initials of its words). */
static const char *expand_root(struct arena *arena, const char *path, size_t len)
{
    size_t root_len = 0;
    while (root_len < len && path[root_len] != '\\')
        root_len++;
    for (int r = 0; r < REG_ROOT_COUNT; r++) {
        const char *full = reg_root_name((enum reg_root)r);
        char abbreviation[8] = "HK";
        size_t n = 2;
        for (const char *w = full + 5; *w && n < sizeof abbreviation - 1; w++)
            if (w == full + 5 || w[-1] == '_')
                abbreviation[n++] = *w;
        abbreviation[n] = '\0';
        if (equal_nocase(path, root_len, abbreviation) || equal_nocase(path, root_len, full))
            return arena_printf(arena, "%s%.*s", full, (int)(len - root_len), path + root_len);
    }
    return arena_strndup(arena, path, len);
}

/* Whether text can be written as a name or as quoted REG_SZ data: regedit
 * reads no line break or NUL back from either (FORMAT.md §1.6). */
static bool check_quotable(struct checker *c, const struct prof_arg *a, const char *what)
{
    for (size_t i = 0; i < a->len; i++) {
        char ch = a->text[i];
        if (ch == '\0' || ch == '\r' || ch == '\n') {
            report(c, PF_UNWRITABLE_TEXT, a->at, "%s holds %s, which regedit cannot read back", what,
                   ch == '\0' ? "a NUL" : "a line break");
            return false;
        }
    }
    return true;
}

/* Hex bytes: "01,ff 10". */
static bool parse_binary(struct arena *arena, const struct prof_arg *a, unsigned char **out,
                         size_t *n)
{
    *out = arena_alloc(arena, a->len / 2 + 1);
    *n = 0;
    for (size_t i = 0; i < a->len;) {
        char ch = a->text[i];
        if (ch == ',' || ch == ' ') {
            i++;
            continue;
        }
        int hi = -1, lo = -1;
        for (int k = 0; k < 2 && i + (size_t)k < a->len; k++) {
            char d = a->text[i + (size_t)k];
            int v = d >= '0' && d <= '9' ? d - '0'
                    : d >= 'a' && d <= 'f' ? d - 'a' + 10
                    : d >= 'A' && d <= 'F' ? d - 'A' + 10
                                           : -1;
            if (k == 0)
                hi = v;
            else
                lo = v;
        }
        if (hi < 0 || lo < 0)
            return false;
        (*out)[(*n)++] = (unsigned char)(hi * 16 + lo);
        i += 2;
    }
    return true;
}

/* value NAME|@ dword N | qword N | string S | expand-string S | multi-string S... |
 *       binary "HEX" | delete */
static void check_value(struct checker *c, const struct prof_stmt *st, const char *key)
{
    const struct prof_arg *a = st->args;
    if (!a) {
        missing(c, st, "a value name (\"Name\", or @ for the default value)");
        return;
    }
    struct policy_setting *s = new_setting(c, PS_RAW, st);
    s->subject.raw.key = key;
    if (a->kind == ARG_AT) {
        s->subject.raw.name = "";
    } else if (a->kind == ARG_STRING) {
        if (!check_quotable(c, a, "the value name"))
            return;
        size_t units = text_count_utf16(a->text, a->len);
        if (units > REG_MAX_VALUE_NAME) {
            report(c, PF_UNWRITABLE_TEXT, a->at,
                   "a value name of %zu characters; Windows refuses names longer than %d "
                   "(counted in UTF-16 code units)",
                   units, REG_MAX_VALUE_NAME);
            return;
        }
        s->subject.raw.name = a->text;
        s->subject.raw.name_len = a->len;
    } else {
        report(c, PF_SYNTAX, a->at, "a value name is a string in quotes, or @");
        return;
    }
    a = a->next;
    int type = take_choice(c, st, &a, value_type_words, COUNT(value_type_words),
                           "a type (dword, qword, string, expand-string, multi-string, binary) "
                           "and data, or delete");
    if (type < 0)
        return;
    static const uint32_t types[] = {REG_TYPE_DWORD,     REG_TYPE_QWORD,  REG_TYPE_SZ,
                                     REG_TYPE_EXPAND_SZ, REG_TYPE_MULTI_SZ, REG_TYPE_BINARY};
    s->action = PA_SET;
    if (strcmp(value_type_words[type], "delete") == 0) {
        s->action = PA_DEFAULT;
    } else if (types[type] == REG_TYPE_DWORD || types[type] == REG_TYPE_QWORD) {
        if (!take_number(c, st, &a, "a number", &s->number))
            return;
        if (types[type] == REG_TYPE_DWORD && s->number > 0xFFFFFFFFu) {
            report(c, PF_OUT_OF_RANGE, st->at, "a dword holds at most 0xffffffff");
            return;
        }
    } else if (types[type] == REG_TYPE_BINARY) {
        if (!a || a->kind != ARG_STRING) {
            missing(c, st, "hex bytes in quotes after 'binary' (\"01,ff\")");
            return;
        }
        unsigned char *bytes;
        if (!parse_binary(c->ctx.arena, a, &bytes, &s->nbytes)) {
            report(c, PF_BAD_NUMBER, a->at, "binary data is hex bytes such as \"01,ff\"");
            return;
        }
        s->bytes = bytes;
        a = a->next;
    } else {
        s->strings = arena_alloc(c->ctx.arena, (st->nargs + 1) * sizeof *s->strings);
        for (; a && a->kind == ARG_STRING; a = a->next) {
            if (types[type] == REG_TYPE_SZ && !check_quotable(c, a, "a string value"))
                return;
            if (strlen(a->text) != a->len) {
                report(c, PF_UNWRITABLE_TEXT, a->at, "a string holds a NUL, which would end it");
                return;
            }
            if (types[type] == REG_TYPE_MULTI_SZ && a->len == 0) {
                report(c, PF_UNWRITABLE_TEXT, a->at,
                       "an empty string in a multi-string would end the list there");
                return;
            }
            s->strings[s->nstrings++] = a->text;
            if (types[type] != REG_TYPE_MULTI_SZ) {
                a = a->next;
                break;
            }
        }
        if (s->nstrings == 0) {
            missing(c, st, "the data as a string in quotes");
            return;
        }
    }
    s->raw_type = s->action == PA_SET ? types[type] : 0;
    if (no_more(c, st, a))
        add_setting(c, s);
}

/* key "PATH" { value ... } */
static void check_key(struct checker *c, const struct prof_stmt *st)
{
    const struct prof_arg *a = st->args;
    if (!a || a->kind != ARG_STRING) {
        if (a)
            report(c, PF_SYNTAX, a->at, "a key path is a string in quotes");
        else
            missing(c, st, "a key path in quotes (\"HKLM\\\\SOFTWARE\\\\...\")");
        return;
    }
    const char *path = expand_root(c->ctx.arena, a->text, a->len);
    const char *problem = key_path_problem(c->ctx.arena, path, strlen(path));
    if (strlen(a->text) != a->len)
        problem = "a key name cannot hold a line break or NUL";
    if (problem) {
        report(c, PF_BAD_KEY_PATH, a->at, "%s", problem);
        return;
    }
    if (!no_more(c, st, a->next))
        return;
    bool any = false;
    for (const struct prof_stmt *v = st->children; v; v = v->next) {
        if (v->keyword != KW_VALUE) {
            report(c, PF_MISPLACED, v->at, "a 'key' block holds only 'value' statements, not '%s'",
                   prof_keyword_name(v->keyword));
            continue;
        }
        if (v->has_block) {
            report(c, PF_MISPLACED, v->block_at, "'value' takes no block");
            continue;
        }
        check_value(c, v, path);
        any = true;
    }
    if (!any) {
        struct policy_setting *s = new_setting(c, PS_RAW, st);
        s->subject.raw.key = path;
        s->action = PA_SET;
        add_setting(c, s);
    }
}

/* ----------------------------------------------------------------- lint */

static void unknown_rule(struct checker *c, const struct prof_arg *a)
{
    struct diag *d = report(c, PF_UNKNOWN_RULE, a->at, "'%s' names no rule, rule name or ID prefix",
                            quoted(c->ctx.arena, a));
    const char **names = arena_alloc(c->ctx.arena, 2 * RULE_COUNT * sizeof *names);
    for (int r = 0; r < RULE_COUNT; r++) {
        names[2 * r] = rule_info((enum rule_id)r)->id;
        names[2 * r + 1] = rule_info((enum rule_id)r)->name;
    }
    suggest_help(c, d, a->text, a->len, names, 2 * RULE_COUNT);
}

static bool take_selectors(struct checker *c, const struct prof_stmt *st, const struct prof_arg **a,
                           struct rule_selector **list, size_t *n)
{
    size_t start = *n;
    for (; *a && (*a)->kind != ARG_EQUALS; *a = (*a)->next) {
        const char *name = arg_name(*a);
        if (!name || (*a)->kind != ARG_WORD || !rule_selector_valid(name)) {
            unknown_rule(c, *a);
            return false;
        }
        struct rule_selector *grown = arena_alloc(c->ctx.arena, (*n + 1) * sizeof *grown);
        if (*n)
            memcpy(grown, *list, *n * sizeof *grown);
        grown[*n] = (struct rule_selector){name, c->ctx.src, (*a)->at};
        *list = grown;
        (*n)++;
    }
    if (*n == start) {
        missing(c, st, "rule IDs, names or ID prefixes (RL4001, weak-hash-enabled, RL3)");
        return false;
    }
    return true;
}

static void check_lint(struct checker *c, const struct prof_stmt *st)
{
    struct policy_lint *lint = &c->pol->lint;
    if (st->args) {
        unexpected(c, st, st->args);
        return;
    }
    for (const struct prof_stmt *x = st->children; x; x = x->next) {
        const struct prof_arg *a = x->args;
        if (x->has_block) {
            report(c, PF_MISPLACED, x->block_at, "'%s' takes no block", prof_keyword_name(x->keyword));
            continue;
        }
        switch (x->keyword) {
        case KW_FAIL_ON: {
            int k = take_choice(c, x, &a, level_words, COUNT(level_words),
                                "error, warning, info, style or none");
            if (k < 0 || !no_more(c, x, a))
                break;
            bool none = strcmp(level_words[k], "none") == 0;
            enum severity sev = SEV_ERROR;
            if (!none)
                severity_parse(level_words[k], &sev);
            if (c->set_by[KW_FAIL_ON] && (lint->fail_on_none != none || lint->fail_on != sev)) {
                report(c, PF_CONFLICT, x->at, "fail-on is already set differently at line %u",
                       line_of(c->ctx.src, c->set_by[KW_FAIL_ON]->at));
                break;
            }
            c->set_by[KW_FAIL_ON] = x;
            lint->has_fail_on = true;
            lint->fail_on_none = none;
            lint->fail_on = sev;
            break;
        }
        case KW_SELECT:
            if (take_selectors(c, x, &a, &lint->select, &lint->nselect))
                no_more(c, x, a);
            break;
        case KW_IGNORE:
            if (take_selectors(c, x, &a, &lint->ignore, &lint->nignore))
                no_more(c, x, a);
            break;
        case KW_SEVERITY: {
            struct rule_selector *sels = NULL;
            size_t nsels = 0;
            if (!take_selectors(c, x, &a, &sels, &nsels))
                break;
            if (!a) {
                missing(c, x, "'= LEVEL' after the rules");
                break;
            }
            a = a->next;
            int k = take_choice(c, x, &a, level_words, COUNT(level_words) - 1,
                                "error, warning, info or style after '='");
            if (k < 0 || !no_more(c, x, a))
                break;
            enum severity sev;
            severity_parse(level_words[k], &sev);
            struct severity_override *grown =
                arena_alloc(c->ctx.arena, (lint->noverrides + nsels) * sizeof *grown);
            if (lint->noverrides)
                memcpy(grown, lint->overrides, lint->noverrides * sizeof *grown);
            for (size_t i = 0; i < nsels; i++)
                grown[lint->noverrides + i] =
                    (struct severity_override){sels[i].selector, sev, sels[i].src, sels[i].at};
            lint->overrides = grown;
            lint->noverrides += nsels;
            break;
        }
        default:
            report(c, PF_MISPLACED, x->at,
                   "a 'lint' block holds fail-on, select, ignore and severity, not '%s'",
                   prof_keyword_name(x->keyword));
        }
    }
}

/* ------------------------------------------------------ profile fields */

/* A field given once (description, source, target, arch, extends): true when
 * this is the first time, or the same value again. */
static bool first_time(struct checker *c, const struct prof_stmt *st, bool same)
{
    const struct prof_stmt *old = c->set_by[st->keyword];
    if (old && !same) {
        report(c, PF_CONFLICT, st->at, "%s is already set differently at line %u",
               prof_keyword_name(st->keyword), line_of(c->ctx.src, old->at));
        return false;
    }
    c->set_by[st->keyword] = st;
    return !old;
}

/* A string shown on one line (a name, a description): no control characters. */
static const char *one_line_string(struct checker *c, const struct prof_stmt *st)
{
    const struct prof_arg *a = st->args;
    if (!a || a->kind != ARG_STRING) {
        if (a)
            report(c, PF_SYNTAX, a->at, "'%s' takes a string in quotes", prof_keyword_name(st->keyword));
        else
            missing(c, st, "a string in quotes");
        return NULL;
    }
    for (size_t i = 0; i < a->len; i++) {
        if ((unsigned char)a->text[i] < 0x20 || a->text[i] == 0x7F) {
            report(c, PF_UNWRITABLE_TEXT, a->at, "'%s' is one line of text without control characters",
                   prof_keyword_name(st->keyword));
            return NULL;
        }
    }
    return no_more(c, st, a->next) ? a->text : NULL;
}

static void check_statement(struct checker *c, const struct prof_stmt *st)
{
    struct policy *pol = c->pol;
    if (st->has_block && st->keyword != KW_KEY && st->keyword != KW_LINT) {
        report(c, PF_MISPLACED, st->block_at, "'%s' takes no block", prof_keyword_name(st->keyword));
        return;
    }
    if (!st->has_block && (st->keyword == KW_KEY || st->keyword == KW_LINT)) {
        report(c, PF_MISPLACED, st->at, "'%s' needs a block in braces", prof_keyword_name(st->keyword));
        return;
    }
    switch (st->keyword) {
    case KW_DESCRIPTION:
    case KW_SOURCE: {
        const char *text = one_line_string(c, st);
        const char **field = st->keyword == KW_DESCRIPTION ? &pol->description : &pol->source;
        if (text && first_time(c, st, *field && strcmp(*field, text) == 0))
            *field = text;
        break;
    }
    case KW_EXTENDS: {
        const struct prof_arg *a = st->args;
        const char *what = arg_name(a);
        if (!what || a->len == 0) {
            missing(c, st, "a built-in template name or a file path");
            break;
        }
        if (no_more(c, st, a->next) &&
            first_time(c, st, c->out->extends && strcmp(c->out->extends, what) == 0)) {
            c->out->extends = what;
            c->out->extends_at = a->at;
        }
        break;
    }
    case KW_TARGET: {
        const struct prof_arg *a = st->args;
        const char *name = arg_name(a);
        enum target t;
        if (!a) {
            missing(c, st, "a Windows version (windows-server-2022, ...)");
            break;
        }
        if (!name || !target_by_name(name, &t)) {
            const char *names[TARGET_COUNT];
            for (int k = 0; k < TARGET_COUNT; k++)
                names[k] = target_info((enum target)k)->name;
            struct diag *d = report(c, PF_UNKNOWN_TARGET, a->at, "'%s'", quoted(c->ctx.arena, a));
            suggest_help(c, d, a->text, a->len, names, TARGET_COUNT);
            diag_help(c->ctx.diags, d, "targets: %s", word_list(c->ctx.arena, names, TARGET_COUNT));
            break;
        }
        if (no_more(c, st, a->next) && first_time(c, st, pol->has_target && pol->target == t)) {
            pol->has_target = true;
            pol->target = t;
        }
        break;
    }
    case KW_ARCH: {
        const struct prof_arg *a = st->args;
        int k = take_choice(c, st, &a, arch_words, COUNT(arch_words), "x64 or x86");
        if (k >= 0 && no_more(c, st, a) &&
            first_time(c, st, c->out->has_arch && pol->arch == (enum policy_arch)k)) {
            pol->arch = (enum policy_arch)k;
            c->out->has_arch = true;
        }
        break;
    }
    case KW_PROTOCOL:
        check_protocol(c, st);
        break;
    case KW_WINHTTP:
        check_winhttp(c, st);
        break;
    case KW_WININET:
        check_wininet(c, st);
        break;
    case KW_DOTNET:
        check_dotnet(c, st);
        break;
    case KW_CIPHER:
        check_algorithm(c, st, ALG_CIPHER);
        break;
    case KW_HASH:
        check_algorithm(c, st, ALG_HASH);
        break;
    case KW_KEY_EXCHANGE:
        check_algorithm(c, st, ALG_KEY_EXCHANGE);
        break;
    case KW_CIPHER_SUITES:
        check_name_list(c, st, PS_SUITE_ORDER);
        break;
    case KW_ECC_CURVES:
        check_name_list(c, st, PS_CURVE_ORDER);
        break;
    case KW_SEND_EXTRA_RECORD:
        check_send_extra_record(c, st);
        break;
    case KW_KEY:
        check_key(c, st);
        break;
    case KW_LINT:
        check_lint(c, st);
        break;
    case KW_PROFILE:
        report(c, PF_MISPLACED, st->at, "profiles do not nest; use 'extends'");
        break;
    case KW_VALUE:
        report(c, PF_MISPLACED, st->at, "'value' belongs in a 'key \"PATH\" { }' block");
        break;
    case KW_FAIL_ON:
    case KW_SELECT:
    case KW_IGNORE:
    case KW_SEVERITY:
        report(c, PF_MISPLACED, st->at, "'%s' belongs in a 'lint { }' block",
               prof_keyword_name(st->keyword));
        break;
    case KW_COUNT:
        break;
    }
}

bool profile_check(struct arena *arena, struct diag_list *diags, struct source *src,
                   const struct prof_stmt *top, struct checked_profile *out)
{
    struct checker c = {0};
    c.ctx.src = src;
    c.ctx.arena = arena;
    c.ctx.diags = diags;
    c.out = out;
    memset(out, 0, sizeof *out);
    out->src = src;
    c.pol = out->policy = arena_alloc(arena, sizeof *c.pol);
    if (!top) {
        report(&c, PF_SYNTAX, (struct span){0, 0}, "no 'profile \"NAME\" { ... }' in the file");
        return false;
    }
    if (top->keyword != KW_PROFILE) {
        report(&c, PF_MISPLACED, top->at, "a profile file starts with 'profile \"NAME\" {', not '%s'",
               prof_keyword_name(top->keyword));
        return false;
    }
    if (top->next) {
        report(&c, PF_MISPLACED, top->next->at, "a file holds one profile; use 'extends' to combine");
        return false;
    }
    const char *name = one_line_string(&c, top);
    if (name && *name == '\0') {
        report(&c, PF_MISSING_ARGUMENT, top->args->at, "a profile needs a name");
        name = NULL;
    }
    if (!top->has_block) {
        report(&c, PF_MISPLACED, top->at, "'profile \"NAME\"' needs a block in braces");
        return false;
    }
    c.pol->name = name;
    for (const struct prof_stmt *st = top->children; st; st = st->next)
        check_statement(&c, st);
    return !c.ctx.failed;
}

/* ------------------------------------------------------------- merging */

/* a then b, in the arena; *n is set to the count. */
static void *concat(struct arena *arena, const void *a, size_t na, const void *b, size_t nb,
                    size_t elem, size_t *n)
{
    char *both = arena_alloc(arena, (na + nb + 1) * elem);
    if (na)
        memcpy(both, a, na * elem);
    if (nb)
        memcpy(both + na * elem, b, nb * elem);
    *n = na + nb;
    return both;
}

struct policy *policy_merge(struct arena *arena, const struct policy *parent,
                            const struct checked_profile *child)
{
    const struct policy *own = child->policy;
    struct policy *pol = arena_alloc(arena, sizeof *pol);
    *pol = *parent;
    pol->settings = NULL;
    pol->nsettings = 0;
    size_t cap = 0;
    struct policy_index by_subject = {0};
    for (size_t i = 0; i < parent->nsettings; i++) {
        policy_index_add(arena, &by_subject, policy_subject_hash(&parent->settings[i]), i);
        append_setting(arena, pol, &cap, &parent->settings[i]);
    }
    for (size_t i = 0; i < own->nsettings; i++) {
        const struct policy_setting *s = &own->settings[i];
        uint32_t hash = policy_subject_hash(s);
        size_t k = find_subject(pol, &by_subject, s, hash);
        if (k < pol->nsettings) {
            pol->settings[k] = *s;
        } else {
            policy_index_add(arena, &by_subject, hash, pol->nsettings);
            append_setting(arena, pol, &cap, s);
        }
    }
    pol->name = own->name;
    if (own->description)
        pol->description = own->description;
    if (own->source)
        pol->source = own->source;
    if (own->has_target) {
        pol->has_target = true;
        pol->target = own->target;
    }
    if (child->has_arch)
        pol->arch = own->arch;
    const struct policy_lint *a = &parent->lint, *b = &own->lint;
    struct policy_lint *lint = &pol->lint;
    if (b->has_fail_on) {
        lint->has_fail_on = true;
        lint->fail_on_none = b->fail_on_none;
        lint->fail_on = b->fail_on;
    }
    lint->select = concat(arena, a->select, a->nselect, b->select, b->nselect, sizeof *a->select,
                          &lint->nselect);
    lint->ignore = concat(arena, a->ignore, a->nignore, b->ignore, b->nignore, sizeof *a->ignore,
                          &lint->nignore);
    lint->overrides = concat(arena, a->overrides, a->noverrides, b->overrides, b->noverrides,
                             sizeof *a->overrides, &lint->noverrides);
    return pol;
}

bool policy_check_target(struct arena *arena, struct diag_list *diags, const struct policy *policy)
{
    if (!policy->has_target)
        return true;
    const struct target_info *t = target_info(policy->target);
    bool ok = true;
    const struct policy_setting *reported = NULL;
    for (size_t i = 0; i < policy->nsettings; i++) {
        const struct policy_setting *s = &policy->settings[i];
        if (s->kind != PS_PROTOCOL || s->action != PA_ENABLE)
            continue;
        enum protocol p = s->subject.protocol.protocol;
        if (t->schannel[p][s->subject.protocol.role] != OSD_UNSUPPORTED)
            continue;
        ok = false;
        /* One statement enables both roles: one finding. */
        if (reported && reported->src == s->src && reported->at.start == s->at.start &&
            reported->subject.protocol.protocol == p)
            continue;
        reported = s;
        struct prof_ctx ctx = {.src = s->src, .arena = arena, .diags = diags};
        struct diag *d = prof_error(&ctx, PF_NOT_ON_TARGET, s->at, "%s has no %s", t->display,
                                    protocol_info(p)->display);
        if (p == PROTO_TLS_1_3)
            diag_help(diags, d, "Microsoft: enabling TLS 1.3 on earlier versions of Windows is not "
                                "a safe system configuration");
        diag_help(diags, d, "leave the protocol at its default, or name a later target");
    }
    return ok;
}
