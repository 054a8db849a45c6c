#include "gen.h"

#include <string.h>

#include "knowledge.h"
#include "regfile.h"
#include "rules.h"
#include "source.h"
#include "suites.h"
#include "text.h"
#include "writer.h"

static struct gen_key *key_for(struct gen_plan *plan, struct arena *arena, const char *path)
{
    size_t len = strlen(path);
    uint32_t hash = text_name_hash(0, path, len);
    size_t cursor = 0, i;
    while (policy_index_next(&plan->keys_by_path, hash, &cursor, &i))
        if (text_names_equal(plan->keys[i].path, strlen(plan->keys[i].path), path, len))
            return &plan->keys[i];
    policy_index_add(arena, &plan->keys_by_path, hash, plan->nkeys);
    plan->keys = arena_grow_array(arena, plan->keys, plan->nkeys, &plan->cap, sizeof *plan->keys);
    struct gen_key *k = &plan->keys[plan->nkeys++];
    k->path = path;
    return k;
}

struct planner {
    struct gen_plan *plan;
    struct arena *arena;
    struct diag_list *diags;
    const struct policy_setting *setting;
    bool failed;
};

/* The operation of `k` on the value `op` names, or NULL. */
static struct gen_op *find_op(struct gen_key *k, const struct gen_op *op, uint32_t hash)
{
    size_t cursor = 0, i;
    while (policy_index_next(&k->ops_by_name, hash, &cursor, &i))
        if (text_names_equal(k->ops[i].name, k->ops[i].name_len, op->name, op->name_len))
            return &k->ops[i];
    return NULL;
}

/* Adds one operation. Settings have distinct subjects, so a value written
 * twice comes from a raw key that repeats what a directive writes. */
static void add_op(struct planner *p, const char *path, const struct gen_op *op)
{
    struct gen_key *k = key_for(p->plan, p->arena, path);
    if (!op)
        return;
    uint32_t hash = text_name_hash(0, op->name, op->name_len);
    struct gen_op *old = find_op(k, op, hash);
    if (old) {
        uint32_t line, col;
        source_position(old->from->src, old->from->at.start, &line, &col);
        struct diag *d = diag_add_coded(
            p->diags, "PF2005", SEV_ERROR, p->setting->src, p->setting->at,
            "conflicting settings: %s writes \"%s\" under %s, which %s at %s:%u writes too",
            policy_describe(p->arena, p->setting), op->name_len ? op->name : "@", path,
            policy_describe(p->arena, old->from), old->from->src->name, line);
        diag_help(p->diags, d, "say it once: drop the raw value or the directive");
        p->failed = true;
        return;
    }
    policy_index_add(p->arena, &k->ops_by_name, hash, k->nops);
    k->ops = arena_grow_array(p->arena, k->ops, k->nops, &k->cap, sizeof *k->ops);
    k->ops[k->nops] = *op;
    k->ops[k->nops].from = p->setting;
    k->nops++;
}

static void add_dword(struct planner *p, const char *path, const char *name, uint32_t value)
{
    struct gen_op op = {.name = name, .name_len = strlen(name), .kind = OP_DWORD,
                        .type = REG_TYPE_DWORD, .number = value};
    add_op(p, path, &op);
}

static void add_delete(struct planner *p, const char *path, const char *name)
{
    struct gen_op op = {.name = name, .name_len = strlen(name), .kind = OP_DELETE};
    add_op(p, path, &op);
}

/* A DWORD set to `value`, or deleted for PA_DEFAULT. */
static void add_number(struct planner *p, const char *path, const char *name, uint32_t value)
{
    if (p->setting->action == PA_DEFAULT)
        add_delete(p, path, name);
    else
        add_dword(p, path, name, value);
}

/* A value written to the native view and, on x64, to its Wow6432Node twin. */
static void add_number_both_views(struct planner *p, const struct policy *policy,
                                  const char *path, const char *twin, const char *name,
                                  uint32_t value)
{
    add_number(p, path, name, value);
    if (policy->arch == ARCH_X64)
        add_number(p, twin, name, value);
}

static const char *wininet_key(enum wininet_scope scope)
{
    switch (scope) {
    case SCOPE_USER:
        return KEY_WININET_USER;
    case SCOPE_MACHINE:
        return KEY_WININET_MACHINE;
    case SCOPE_POLICY:
    case SCOPE_COUNT:
        break;
    }
    return KEY_WININET_POLICY_MACHINE;
}

static const char *algorithm_parent(enum algorithm_kind kind)
{
    return kind == ALG_CIPHER ? KEY_SCHANNEL_CIPHERS
           : kind == ALG_HASH ? KEY_SCHANNEL_HASHES
                              : KEY_SCHANNEL_KEX;
}

const char **gen_list_for_target(const struct policy *policy, const struct policy_setting *s,
                                 struct arena *arena, size_t *n)
{
    *n = s->nstrings;
    if (!policy->has_target)
        return s->strings;
    enum target t = policy->target;
    bool curves = s->kind == PS_CURVE_ORDER;
    if (curves && !target_catalogue(t)->curves_page) {
        *n = 0;
        return NULL;
    }
    const char **kept = arena_alloc(arena, (s->nstrings + 1) * sizeof *kept);
    size_t k = 0;
    for (size_t i = 0; i < s->nstrings; i++) {
        size_t len = strlen(s->strings[i]);
        const struct suite_info *suite = curves ? NULL : suite_lookup(s->strings[i], len);
        const struct curve_info *curve = curves ? curve_lookup(s->strings[i], len) : NULL;
        /* A name no version knows stays: it is the profile's mistake to see. */
        if ((!suite && !curve) || (suite && target_suite(t, suite)) || (curve && target_curve(t, curve)))
            kept[k++] = s->strings[i];
    }
    if (k == 0)
        return s->strings;
    *n = k;
    return kept;
}

bool gen_single_value(const struct policy_setting *s, const char **key, struct gen_op *op)
{
    if (s->kind != PS_RAW || !s->subject.raw.name)
        return false;
    *key = s->subject.raw.key;
    *op = (struct gen_op){.name = s->subject.raw.name, .name_len = s->subject.raw.name_len,
                          .type = s->raw_type, .number = s->number, .strings = s->strings,
                          .nstrings = s->nstrings, .bytes = s->bytes, .nbytes = s->nbytes,
                          .from = s};
    if (s->action == PA_DEFAULT)
        op->kind = OP_DELETE;
    else if (s->raw_type == REG_TYPE_DWORD)
        op->kind = OP_DWORD;
    else if (s->raw_type == REG_TYPE_QWORD)
        op->kind = OP_QWORD;
    else if (s->raw_type == REG_TYPE_SZ)
        op->kind = OP_STRING;
    else if (s->raw_type == REG_TYPE_BINARY)
        op->kind = OP_BINARY;
    else
        op->kind = OP_STRINGS;
    return true;
}

void gen_op_data(const struct gen_op *op, struct buf *out)
{
    switch (op->kind) {
    case OP_DWORD:
    case OP_QWORD:
        for (int i = 0; i < (op->kind == OP_DWORD ? 4 : 8); i++)
            buf_putc(out, (char)(op->number >> (8 * i)));
        break;
    case OP_STRING:
    case OP_STRINGS:
        for (size_t i = 0; i < op->nstrings; i++) {
            text_to_utf16le(op->strings[i], strlen(op->strings[i]), out);
            buf_fill(out, '\0', 2);
        }
        if (op->kind == OP_STRINGS && op->type == REG_TYPE_MULTI_SZ)
            buf_fill(out, '\0', 2);
        break;
    case OP_BINARY:
        buf_append(out, op->bytes, op->nbytes);
        break;
    case OP_DELETE:
        break;
    }
}

static void plan_raw(struct planner *p, const struct policy_setting *s)
{
    const char *key;
    struct gen_op op;
    if (gen_single_value(s, &key, &op))
        add_op(p, key, &op);
    else
        add_op(p, s->subject.raw.key, NULL);
}

/* The mask a WinHTTP or WinINet setting writes on the policy's target. */
static uint32_t policy_mask(const struct policy *policy, const struct policy_setting *s)
{
    uint32_t mask = (uint32_t)s->number;
    return policy->has_target ? target_mask(policy->target, mask) : mask;
}

/* The values of one setting (docs/profile.md, "What gen writes"). */
static void plan_setting(struct planner *p, const struct policy *policy,
                         const struct policy_setting *s)
{
    struct arena *arena = p->arena;
    p->setting = s;
    switch (s->kind) {
    case PS_PROTOCOL: {
        const char *path = arena_printf(arena, "%s\\%s\\%s", KEY_SCHANNEL_PROTOCOLS,
                                        protocol_info(s->subject.protocol.protocol)->key,
                                        role_key(s->subject.protocol.role));
        /* Microsoft's pairs (domain.md §5): enable = 1 and 0, disable = 0 and 1. */
        if (s->action == PA_DEFAULT) {
            add_delete(p, path, "Enabled");
            add_delete(p, path, "DisabledByDefault");
        } else {
            add_dword(p, path, "Enabled", s->action == PA_ENABLE);
            add_dword(p, path, "DisabledByDefault", s->action != PA_ENABLE);
        }
        break;
    }
    /* A mask names only the protocols the target has (no TLS 1.3 bit before
     * Windows 11 and Server 2022); without a target, cli_gen asks for one
     * when that matters. */
    case PS_WINHTTP:
        add_number_both_views(p, policy, KEY_WINHTTP, KEY_WINHTTP_WOW64, "DefaultSecureProtocols",
                              policy_mask(policy, s));
        break;
    case PS_WININET:
        add_number(p, wininet_key(s->subject.scope), "SecureProtocols", policy_mask(policy, s));
        break;
    case PS_DOTNET: {
        bool v2 = s->subject.dotnet.version == DOTNET_V2;
        add_number_both_views(p, policy, v2 ? KEY_NETFX_V2 : KEY_NETFX_V4,
                              v2 ? KEY_NETFX_V2_WOW64 : KEY_NETFX_V4_WOW64,
                              dotnet_switch_value(s->subject.dotnet.which), (uint32_t)s->number);
        break;
    }
    case PS_ALGORITHM: {
        const struct algorithm_info *alg = s->subject.algorithm;
        const char *path = arena_printf(arena, "%s\\%s", algorithm_parent(alg->kind), alg->key);
        /* KB245030 documents 0xffffffff as the value that allows an algorithm. */
        add_number(p, path, "Enabled", s->action == PA_ENABLE ? 0xFFFFFFFFu : 0);
        break;
    }
    case PS_KEY_LENGTH: {
        const char *path = arena_printf(arena, "%s\\%s", KEY_SCHANNEL_KEX,
                                        s->subject.key_length.algorithm->key);
        add_number(p, path, key_length_value(s->subject.key_length.bound), (uint32_t)s->number);
        break;
    }
    case PS_SUITE_ORDER: {
        struct gen_op op = {.name = "Functions", .name_len = 9, .kind = OP_DELETE};
        if (s->action != PA_DEFAULT) {
            size_t n;
            const char **names = gen_list_for_target(policy, s, arena, &n);
            struct buf joined = BUF_INIT;
            for (size_t i = 0; i < n; i++)
                buf_printf(&joined, "%s%s", i ? "," : "", names[i]);
            const char **one = arena_alloc(arena, sizeof *one);
            one[0] = arena_strdup(arena, joined.data ? joined.data : "");
            buf_free(&joined);
            op.kind = OP_STRING;
            op.type = REG_TYPE_SZ;
            op.strings = one;
            op.nstrings = 1;
        }
        add_op(p, KEY_SUITE_POLICY, &op);
        break;
    }
    case PS_CURVE_ORDER: {
        struct gen_op op = {.name = "EccCurves", .name_len = 9, .kind = OP_DELETE};
        if (s->action != PA_DEFAULT) {
            op.kind = OP_STRINGS;
            op.type = REG_TYPE_MULTI_SZ;
            op.strings = gen_list_for_target(policy, s, arena, &op.nstrings);
            /* A Windows version without a curve order ignores the value. */
            if (op.nstrings == 0) {
                add_op(p, KEY_SUITE_POLICY, NULL);
                break;
            }
        }
        add_op(p, KEY_SUITE_POLICY, &op);
        break;
    }
    case PS_RAW:
        plan_raw(p, s);
        break;
    case PS_SUITE_RULE:
        /* The order they shape is planned once every setting is known. */
        break;
    case PS_SEND_EXTRA_RECORD:
        add_number(p, KEY_SCHANNEL, "SendExtraRecord", (uint32_t)s->number);
        break;
    }
}

/* ------------------------------------------------- cipher-suite rules */

const struct policy_setting *gen_suite_forbidden_by(const struct policy *policy,
                                                    const struct suite_info *s)
{
    for (size_t i = 0; i < policy->nsettings; i++) {
        const struct policy_setting *r = &policy->settings[i];
        if (r->kind != PS_SUITE_RULE)
            continue;
        bool forbidden = false;
        switch (r->subject.suite_rule.rule) {
        case SR_FORWARD_SECRECY:
            forbidden = !suite_forward_secret(s);
            break;
        case SR_AEAD:
            forbidden = !suite_is_aead(s);
            break;
        case SR_NO_CBC:
            forbidden = suite_is_cbc(s);
            break;
        case SR_NO_RSA_KEX:
            forbidden = s->kex == SUITE_KEX_RSA;
            break;
        case SR_NO_SHA1:
            forbidden = s->mac == SUITE_HASH_SHA1;
            break;
        case SR_NO_WEAK:
            forbidden = suite_info_weakness(s) != NULL;
            break;
        case SR_NO_SUITE:
            forbidden = strcmp(s->name, r->subject.suite_rule.name) == 0;
            break;
        case SR_TLS13_FIRST:
        case SR_COUNT:
            break;
        }
        if (forbidden)
            return r;
    }
    return NULL;
}

const struct policy_setting *gen_suite_rule(const struct policy *policy, enum suite_rule rule)
{
    for (size_t i = 0; i < policy->nsettings; i++)
        if (policy->settings[i].kind == PS_SUITE_RULE &&
            policy->settings[i].subject.suite_rule.rule == rule)
            return &policy->settings[i];
    return NULL;
}

const char *gen_suite_rule_reason(const struct policy_setting *rule, const struct suite_info *s)
{
    switch (rule->subject.suite_rule.rule) {
    case SR_FORWARD_SECRECY:
        return "has no forward secrecy";
    case SR_AEAD:
        return "is not AEAD";
    case SR_NO_CBC:
        return "is CBC";
    case SR_NO_RSA_KEX:
        return "uses RSA key exchange";
    case SR_NO_SHA1:
        return "uses HMAC-SHA1";
    case SR_NO_WEAK:
        return suite_info_weakness(s);
    case SR_NO_SUITE:
    case SR_TLS13_FIRST:
    case SR_COUNT:
        break;
    }
    return "is forbidden";
}

/* The profile's setting that disables a part of the suite (Ciphers,
 * Hashes, KeyExchangeAlgorithms), or NULL. */
static const struct policy_setting *suite_disabled_by(const struct policy *policy,
                                                      const struct suite_info *s)
{
    static const enum algorithm_kind kinds[] = {ALG_CIPHER, ALG_HASH, ALG_KEY_EXCHANGE};
    for (size_t k = 0; k < 3; k++) {
        const char *key = suite_algorithm_key(s, kinds[k]);
        for (size_t i = 0; key && i < policy->nsettings; i++) {
            const struct policy_setting *a = &policy->settings[i];
            if (a->kind == PS_ALGORITHM && a->action == PA_DISABLE &&
                a->subject.algorithm->kind == kinds[k] &&
                knowledge_name_equal(a->subject.algorithm->key, strlen(a->subject.algorithm->key), key))
                return a;
        }
    }
    return NULL;
}

/* Whether a role must keep a usable suite: the profile enables it, or
 * leaves a current protocol (TLS 1.2, 1.3) on by the target's default. A
 * deprecated protocol left on only by default may lose its suites: that
 * takes it away, as a hardened order means to. */
static bool role_needs_suite(const struct policy *policy, enum protocol p, enum role r)
{
    for (size_t i = 0; i < policy->nsettings; i++) {
        const struct policy_setting *s = &policy->settings[i];
        if (s->kind == PS_PROTOCOL && s->subject.protocol.protocol == p &&
            s->subject.protocol.role == r && s->action != PA_DEFAULT)
            return s->action == PA_ENABLE;
    }
    return policy->has_target && protocol_info(p)->strength == STRENGTH_CURRENT &&
           target_info(policy->target)->schannel[p][r] == OSD_ENABLED;
}

/* Whether a client or server of `p` can use the suite under the policy. */
static bool suite_usable(const struct policy *policy, const struct suite_info *s, enum protocol p)
{
    return suite_applies_to(s, p) && (!policy->has_target || target_suite(policy->target, s)) &&
           !gen_suite_forbidden_by(policy, s) && !suite_disabled_by(policy, s);
}

/* PF2018 for each protocol whose roles need a suite and have no usable one
 * among `names` (reported at `at`). */
static void check_usable(struct planner *p, const struct policy *policy, const char *const *names,
                         size_t n, const struct policy_setting *at)
{
    static const enum protocol versions[] = {PROTO_TLS_1_0, PROTO_TLS_1_1, PROTO_TLS_1_2, PROTO_TLS_1_3};
    for (size_t v = 0; v < sizeof versions / sizeof versions[0]; v++) {
        enum protocol proto = versions[v];
        bool client = role_needs_suite(policy, proto, ROLE_CLIENT);
        bool server = role_needs_suite(policy, proto, ROLE_SERVER);
        if (!client && !server)
            continue;
        bool usable = false;
        for (size_t i = 0; i < n && !usable; i++) {
            const struct suite_info *s = suite_lookup(names[i], strlen(names[i]));
            usable = s && suite_usable(policy, s, proto);
        }
        if (usable)
            continue;
        struct diag *d = diag_add_coded(
            p->diags, "PF2018", SEV_ERROR, at->src, at->at,
            "no usable suite: the order leaves %s (on for %s%s%s) with no suite it can use",
            protocol_info(proto)->display, client && server ? "client and server" : client ? "the client" : "the server",
            policy->has_target ? " on " : "", policy->has_target ? target_info(policy->target)->display : "");
        diag_help(p->diags, d, "usable: on the target, for that protocol, not disabled by the profile's "
                               "cipher, hash or key-exchange settings, not ruled out by its suite rules");
        p->failed = true;
    }
}

/* An explicit list checked against the rules: PF2017 at each suite a rule
 * rules out, or a TLS 1.3 suite after another with tls1.3-first. */
static void check_list(struct planner *p, const struct policy *policy, const struct policy_setting *list)
{
    const struct policy_setting *first = gen_suite_rule(policy, SR_TLS13_FIRST);
    const char *older = NULL; /* a suite before it that is not TLS 1.3's */
    for (size_t i = 0; i < list->nstrings; i++) {
        const struct suite_info *s = suite_lookup(list->strings[i], strlen(list->strings[i]));
        if (!s)
            continue;
        struct span at = list->strings_at ? list->strings_at[i] : list->at;
        const struct policy_setting *rule = gen_suite_forbidden_by(policy, s);
        uint32_t line, col;
        if (rule) {
            source_position(rule->src, rule->at.start, &line, &col);
            diag_add_coded(p->diags, "PF2017", SEV_ERROR, list->src, at,
                           "suite rule broken: %s %s; the profile says 'cipher-suites %s%s%s' at %s:%u",
                           s->name, gen_suite_rule_reason(rule, s),
                           suite_rule_words(rule->subject.suite_rule.rule),
                           rule->subject.suite_rule.rule == SR_NO_SUITE ? " " : "",
                           rule->subject.suite_rule.rule == SR_NO_SUITE ? s->name : "",
                           rule->src->name, line);
            p->failed = true;
        } else if (first && suite_tls13_only(s) && older) {
            source_position(first->src, first->at.start, &line, &col);
            diag_add_coded(p->diags, "PF2017", SEV_ERROR, list->src, at,
                           "suite rule broken: TLS 1.3 suite %s comes after %s; the profile says "
                           "'cipher-suites require tls1.3-first' at %s:%u",
                           s->name, older, first->src->name, line);
            p->failed = true;
        }
        if (!suite_tls13_only(s) && !older)
            older = s->name;
    }
}

/* The order gen writes for rules without a list: the target's default
 * order, less what the rules rule out and what the profile's own cipher,
 * hash and key-exchange settings disable, TLS 1.3 suites first when asked;
 * cut where Windows stops reading the policy value. */
static const char **ruled_order(const struct policy *policy, struct arena *arena, size_t *n)
{
    const struct target_catalogue *cat = target_catalogue(policy->target);
    const char **names = arena_alloc(arena, (cat->nsuites + 1) * sizeof *names);
    bool tls13_first = gen_suite_rule(policy, SR_TLS13_FIRST) != NULL;
    size_t chars = 0;
    *n = 0;
    for (int pass = tls13_first ? 0 : 1; pass < 2; pass++) {
        for (size_t i = 0; i < cat->nsuites; i++) {
            const struct catalogue_entry *e = &cat->suites[i];
            if (e->state != CAT_ENABLED || e->on_request || gen_suite_forbidden_by(policy, e->suite) ||
                suite_disabled_by(policy, e->suite))
                continue;
            if (tls13_first && (pass == 0) != suite_tls13_only(e->suite))
                continue;
            size_t len = strlen(e->suite->name) + (*n > 0);
            if (chars + len > SUITE_LIST_MAX_CHARS)
                return names;
            chars += len;
            names[(*n)++] = e->suite->name;
        }
    }
    return names;
}

static void plan_suite_rules(struct planner *p, const struct policy *policy)
{
    const struct policy_setting *rule = NULL, *list = NULL;
    for (size_t i = 0; i < policy->nsettings; i++) {
        const struct policy_setting *s = &policy->settings[i];
        if (s->kind == PS_SUITE_RULE && !rule)
            rule = s;
        if (s->kind == PS_SUITE_ORDER)
            list = s;
    }
    if (list && list->action == PA_SET) {
        check_list(p, policy, list);
        check_usable(p, policy, list->strings, list->nstrings, list);
        return;
    }
    if (!rule)
        return;
    if (list) {
        struct diag *d = diag_add_coded(p->diags, "PF2005", SEV_ERROR, list->src, list->at,
                                        "conflicting settings: 'cipher-suites default' leaves the order "
                                        "to Windows, which 'cipher-suites %s' asks to shape",
                                        suite_rule_words(rule->subject.suite_rule.rule));
        diag_help(p->diags, d, "drop one of them");
        p->failed = true;
        return;
    }
    /* Without a target there is no catalogue order to start from; cli_gen
     * asks for one, and lint leaves the rules to RL6001. */
    if (!policy->has_target)
        return;
    size_t n;
    const char **names = ruled_order(policy, p->arena, &n);
    size_t before = p->diags->n;
    check_usable(p, policy, names, n, rule);
    if (p->diags->n > before)
        return;
    struct buf joined = BUF_INIT;
    for (size_t i = 0; i < n; i++)
        buf_printf(&joined, "%s%s", i ? "," : "", names[i]);
    const char **one = arena_alloc(p->arena, sizeof *one);
    one[0] = arena_strdup(p->arena, joined.data ? joined.data : "");
    buf_free(&joined);
    struct gen_op op = {.name = "Functions", .name_len = 9, .kind = OP_STRING, .type = REG_TYPE_SZ,
                        .strings = one, .nstrings = 1};
    p->setting = rule;
    add_op(p, KEY_SUITE_POLICY, &op);
}

struct gen_plan *gen_plan(const struct policy *policy, struct arena *arena, struct diag_list *diags)
{
    struct planner p = {.plan = arena_alloc(arena, sizeof *p.plan), .arena = arena, .diags = diags};
    for (size_t i = 0; i < policy->nsettings; i++)
        plan_setting(&p, policy, &policy->settings[i]);
    plan_suite_rules(&p, policy);
    return p.failed ? NULL : p.plan;
}

void gen_write_op(struct reg_writer *w, const struct gen_op *op)
{
    switch (op->kind) {
    case OP_DWORD:
        writer_dword(w, op->name, op->name_len, (uint32_t)op->number);
        break;
    case OP_QWORD: {
        unsigned char b[8];
        for (int i = 0; i < 8; i++)
            b[i] = (unsigned char)(op->number >> (8 * i));
        writer_value(w, op->name, op->name_len, REG_FORM_HEX, REG_TYPE_QWORD, b, 8);
        break;
    }
    case OP_STRING:
        writer_string(w, op->name, op->name_len, op->strings[0], strlen(op->strings[0]));
        break;
    case OP_STRINGS:
        writer_strings(w, op->name, op->name_len, op->type, op->strings, op->nstrings);
        break;
    case OP_BINARY:
        writer_value(w, op->name, op->name_len, REG_FORM_HEX, REG_TYPE_BINARY, op->bytes,
                     op->nbytes);
        break;
    case OP_DELETE:
        writer_value_delete(w, op->name, op->name_len);
        break;
    }
}

size_t gen_render(const struct gen_plan *plan, enum gen_mode mode, enum text_encoding encoding,
                  struct buf *out)
{
    struct reg_writer w;
    writer_init(&w, encoding);
    writer_header(&w, REG_VERSION_5);
    for (size_t i = 0; i < plan->nkeys; i++) {
        const struct gen_key *k = &plan->keys[i];
        /* Undoing cannot know whether a key existed before; it only deletes values. */
        if (mode == GEN_UNDO && k->nops == 0)
            continue;
        writer_blank(&w);
        writer_key(&w, k->path, strlen(k->path), false);
        for (size_t j = 0; j < k->nops; j++) {
            if (mode == GEN_UNDO)
                writer_value_delete(&w, k->ops[j].name, k->ops[j].name_len);
            else
                gen_write_op(&w, &k->ops[j]);
        }
    }
    writer_blank(&w);
    size_t lossy = writer_finish(&w, TEXT_EOL_CRLF, true, out);
    writer_release(&w);
    return lossy;
}

const char *gen_output_problem(struct arena *arena, const struct buf *bytes,
                               enum text_encoding encoding)
{
    struct source *src = source_from_bytes("output", (const unsigned char *)bytes->data, bytes->len);
    if (!src)
        return "the output is larger than reglint reads";
    struct reg_doc doc;
    reg_doc_read(&doc, src);
    const char *problem = NULL;
    for (size_t i = 0; i < doc.diags.n && !problem; i++) {
        const struct diag *d = doc.diags.items[i];
        if (d->rule == RULE_ENCODING_MISMATCH && encoding == TEXT_UTF8)
            continue;
        uint32_t line, col;
        source_position(d->src, d->at.start, &line, &col);
        if (d->rule == RULE_ENCODING_MISMATCH && encoding == TEXT_ANSI && src->d.looks_utf8)
            problem = arena_printf(arena,
                                   "the ANSI output is also valid UTF-8, so an editor reads its "
                                   "non-ASCII text otherwise than regedit does (lint reports "
                                   "it, %s); use --encoding utf16",
                                   d->code);
        else
            problem = arena_printf(arena, "the output would not read back as written: at %u:%u, %s [%s]",
                                   line, col, d->message, d->code);
    }
    reg_doc_release(&doc);
    return problem;
}
