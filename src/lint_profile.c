/* Profile compliance (RL6001): every requirement of the profile that the
 * file's effective posture on the target misses, one finding each, at the
 * place the fix goes: the value to change, else the key to add it to, else
 * the header (the file lacks the key). Each carries a safe fix that writes
 * what `reglint gen` writes for the requirement into that key: the file
 * then does what the profile asks, and nothing else changes. A suite or
 * curve order that differs says which names are missing, extra or out of
 * order. */
#include <string.h>

#include "dump.h"
#include "gen.h"
#include "lint_check.h"
#include "orderdiff.h"
#include "profile.h"
#include "suites.h"
#include "text.h"

/* The policy as gen plans it for this run's target. */
static struct gen_plan *plan_for(struct lint_ctx *c, const struct policy_setting *settings,
                                 size_t nsettings)
{
    struct policy one = *c->o->policy;
    one.settings = arena_alloc(c->diags->arena, (nsettings + 1) * sizeof *one.settings);
    memcpy(one.settings, settings, nsettings * sizeof *settings);
    one.nsettings = nsettings;
    one.has_target = c->target != NULL;
    if (c->target)
        one.target = *c->target;
    /* Conflicts are the profile's to report (gen does); here they only
     * leave a value without a fix. */
    struct diag_list scratch;
    diag_list_init(&scratch, c->diags->arena);
    struct gen_plan *plan = gen_plan(&one, c->diags->arena, &scratch);
    diag_list_release(&scratch);
    return plan;
}

static const struct gen_key *plan_key(const struct gen_plan *plan, const char *path)
{
    for (size_t i = 0; plan && i < plan->nkeys; i++)
        if (text_names_equal(plan->keys[i].path, strlen(plan->keys[i].path), path, strlen(path)))
            return &plan->keys[i];
    return NULL;
}

/* RL6001's fix: what gen writes for the setting under `key_path`. A suite
 * rule shapes the order with the profile's other rules and settings: the
 * whole profile is planned and its Functions value taken. */
static void add_profile_fix(struct lint_ctx *c, struct diag *d, const struct policy_setting *s,
                            const char *key_path)
{
    const struct policy *policy = c->o->policy;
    bool whole = s->kind == PS_SUITE_RULE;
    const struct gen_key *k = plan_key(plan_for(c, whole ? policy->settings : s,
                                                whole ? policy->nsettings : 1),
                                       key_path);
    const struct gen_op *ops = k ? k->ops : NULL;
    size_t nops = k ? k->nops : 0;
    for (size_t i = 0; whole && i < nops; i++)
        if (text_names_equal(ops[i].name, ops[i].name_len, "Functions", 9)) {
            ops = &ops[i];
            nops = 1;
            break;
        }
    if (whole && nops != 1)
        return;
    if (k)
        lint_fix_values(c, d, FIX_SAFE, key_path, ops, nops,
                        arena_printf(c->diags->arena, "write what the profile asks for in [%s]", key_path));
}

bool lint_profile_accepts(struct lint_ctx *c, const char *path, const char *name, uint32_t type,
                          const void *data, size_t len)
{
    const struct policy *policy = c->o->policy;
    if (!policy)
        return true;
    const struct gen_key *k = plan_key(plan_for(c, policy->settings, policy->nsettings), path);
    size_t name_len = strcmp(name, "@") == 0 ? 0 : strlen(name);
    for (size_t i = 0; k && i < k->nops; i++) {
        const struct gen_op *op = &k->ops[i];
        if (!text_names_equal(op->name, op->name_len, name, name_len))
            continue;
        struct buf want = BUF_INIT;
        gen_op_data(op, &want);
        bool same = op->kind != OP_DELETE && op->type == type && want.len == len &&
                    (len == 0 || memcmp(want.data, data, len) == 0);
        buf_free(&want);
        return same;
    }
    return true;
}

/* A finding at the value, else at the key, else at the header, with the
 * fix that writes what the profile asks for under `key_path`. */
static struct diag *unmet(struct lint_ctx *c, const struct policy_setting *s,
                          const struct model_key *key, const char *key_path, const char *value,
                          const char *message)
{
    const struct model_value *v = value ? posture_value(&c->posture, key, value) : NULL;
    struct diag *d;
    if (v) {
        d = lint_at_value(c, RULE_PROFILE_REQUIREMENT_UNMET, v, PART_STATEMENT, "%s", message);
    } else if (key && key->exists) {
        d = lint_at_key(c, RULE_PROFILE_REQUIREMENT_UNMET, key, "%s", message);
        if (value)
            d->anchor_value = value;
    } else {
        d = diag_add(c->diags, RULE_PROFILE_REQUIREMENT_UNMET, c->src, c->file->header_at, "%s",
                     message);
        d->anchor_key = arena_strdup(c->diags->arena, key_path);
        d->anchor_value = value;
    }
    add_profile_fix(c, d, s, key_path);
    return d;
}

static void check_protocol(struct lint_ctx *c, const struct policy_setting *s)
{
    enum protocol p = s->subject.protocol.protocol;
    enum role r = s->subject.protocol.role;
    if (s->action != PA_ENABLE && s->action != PA_DISABLE)
        return;
    struct role_posture rp;
    posture_role(&c->posture, p, r, c->target, &rp);
    bool want_on = s->action == PA_ENABLE;
    bool met = want_on ? rp.state == ST_ENABLED
                       : (rp.state == ST_DISABLED || rp.state == ST_UNSUPPORTED);
    if (met)
        return;
    bool from_file = rp.enabled || rp.disabled_by_default;
    const char *message;
    if (rp.state == ST_UNKNOWN && rp.needs_target)
        message = arena_printf(c->diags->arena,
                               "%s %s is left to the Windows default, which differs between versions; the profile %s it (pass --target to settle it)",
                               protocol_info(p)->display, role_key(r), want_on ? "enables" : "disables");
    else
        message = arena_printf(c->diags->arena, "%s %s is %s%s%s (%s); the profile %s it",
                               protocol_info(p)->display, role_key(r), proto_state_name(rp.state),
                               c->target ? " on " : "", c->target ? target_info(*c->target)->display : "",
                               from_file ? "as this file sets it" : "the Windows default",
                               want_on ? "enables" : "disables");
    const char *path = arena_printf(c->diags->arena, KEY_SCHANNEL_PROTOCOLS "\\%s\\%s",
                                    protocol_info(p)->key, role_key(r));
    struct diag *d = unmet(c, s, c->posture.role[p][r], path, "Enabled", message);
    diag_help(c->diags, d, "set \"Enabled\"=dword:%s and \"DisabledByDefault\"=dword:%s under [%s]",
              want_on ? "00000001" : "00000000", want_on ? "00000000" : "00000001", path);
}

/* A DWORD the profile sets: met when the value holds `want`, or when it is
 * absent and `absent_ok`. */
static void check_dword(struct lint_ctx *c, const struct policy_setting *s,
                        const struct model_key *key, const char *key_path, const char *name,
                        uint32_t want, bool absent_ok, const char *what)
{
    uint32_t have;
    bool present = posture_dword(&c->posture, key, name, &have);
    if ((present && have == want) || (!present && absent_ok))
        return;
    const char *message =
        present ? arena_printf(c->diags->arena, "%s is 0x%x; the profile asks for 0x%x", what, have, want)
                : arena_printf(c->diags->arena, "%s is not set; the profile asks for 0x%x", what, want);
    struct diag *d = unmet(c, s, key, key_path, name, message);
    diag_help(c->diags, d, "set \"%s\"=dword:%08x under [%s]", name, want, key_path);
}

static void check_views(struct lint_ctx *c, const struct policy_setting *s, const struct policy *policy,
                        const struct model_key *const keys[VIEW_COUNT], const char *native_path,
                        const char *wow_path, const char *name, uint32_t want, const char *what)
{
    check_dword(c, s, keys[VIEW_NATIVE], native_path, name, want, false, what);
    if (policy->arch == ARCH_X64)
        check_dword(c, s, keys[VIEW_WOW64], wow_path, name, want, false,
                    arena_printf(c->diags->arena, "%s (32-bit view)", what));
}

static void check_algorithm(struct lint_ctx *c, const struct policy_setting *s)
{
    const struct algorithm_info *alg = s->subject.algorithm;
    if (s->action != PA_ENABLE && s->action != PA_DISABLE)
        return;
    static const char *const groups[] = {KEY_SCHANNEL_CIPHERS, KEY_SCHANNEL_HASHES, KEY_SCHANNEL_KEX};
    const char *path = arena_printf(c->diags->arena, "%s\\%s", groups[alg->kind], alg->key);
    const struct model_key *key = lint_key_by_path(c, path);
    uint32_t have;
    bool present = posture_dword(&c->posture, key, "Enabled", &have);
    /* An algorithm with no Enabled value is on (KB245030). */
    bool on = !present || have != 0;
    if (on == (s->action == PA_ENABLE))
        return;
    struct diag *d = unmet(c, s, key, path, "Enabled",
                           arena_printf(c->diags->arena, "%s is %s; the profile %s it", alg->key,
                                        on ? "enabled" : "disabled",
                                        s->action == PA_ENABLE ? "enables" : "disables"));
    diag_help(c->diags, d, "set \"Enabled\"=dword:%s under [%s]",
              s->action == PA_ENABLE ? "ffffffff" : "00000000", path);
}

/* The names a list value holds: a REG_SZ split at commas (the policy's
 * Functions), a REG_MULTI_SZ one name a string. NULL for other types. */
static const char **listed_names(struct lint_ctx *c, const struct model_value *v, size_t *n)
{
    struct buf data = BUF_INIT, text = BUF_INIT;
    model_value_data(c->m, v, &data);
    const unsigned char *bytes = (const unsigned char *)(data.data ? data.data : "");
    const char **names = NULL;
    uint32_t type = model_value_type(c->m, v);
    if (type == REG_TYPE_MULTI_SZ) {
        names = order_split_multi_sz(c->diags->arena, bytes, data.len, n);
    } else if (type == REG_TYPE_SZ) {
        text_from_utf16le(bytes, data.len, &text);
        size_t len = text.len;
        while (len > 0 && text.data[len - 1] == '\0')
            len--;
        names = order_split_commas(c->diags->arena, text.data ? text.data : "", len, n);
    }
    buf_free(&data);
    buf_free(&text);
    return names;
}

/* "missing A, B; extra C; out of order D (2nd in the profile, 4th here)". */
static void order_words(const struct order_diff *od, struct buf *out)
{
    size_t start = out->len;
    static const char *const heads[] = {
        [ORDER_ADDED] = "missing", [ORDER_REMOVED] = "extra", [ORDER_MOVED_UP] = "out of order"};
    for (int pass = 0; pass < 3; pass++) {
        enum order_change want = pass == 0 ? ORDER_ADDED : pass == 1 ? ORDER_REMOVED : ORDER_MOVED_UP;
        size_t listed = 0;
        for (size_t i = 0; i < od->n; i++) {
            const struct order_item *it = &od->items[i];
            enum order_change kind = it->change == ORDER_MOVED_DOWN ? ORDER_MOVED_UP : it->change;
            if (kind != want)
                continue;
            if (listed++ == 0)
                buf_printf(out, "%s%s ", out->len > start ? "; " : "", heads[want]);
            else
                buf_puts(out, ", ");
            buf_puts(out, it->name);
            if (want == ORDER_MOVED_UP) {
                char a[24], b[24];
                buf_printf(out, " (%s in the profile, %s here)", order_ordinal(it->new_pos, a),
                           order_ordinal(it->old_pos, b));
            }
        }
    }
}

/* The names gen writes for a list setting on this run's target. */
static const char **profile_list(struct lint_ctx *c, const struct policy_setting *s, size_t *n)
{
    struct policy on_target = *c->o->policy;
    on_target.has_target = c->target != NULL;
    if (c->target)
        on_target.target = *c->target;
    return gen_list_for_target(&on_target, s, c->diags->arena, n);
}

/* The cipher-suite order (policy Functions, REG_SZ) or the curve order
 * (EccCurves, REG_MULTI_SZ): met when the value holds the profile's names in
 * its order; otherwise the finding says which names are missing, extra or
 * out of order. */
static void check_name_order(struct lint_ctx *c, const struct policy_setting *s, const char *name,
                             uint32_t type, const char *what)
{
    const struct model_value *v = posture_value(&c->posture, c->posture.suite_policy, name);
    struct buf message = BUF_INIT;
    if (!v) {
        buf_printf(&message, "the %s order is not set; the profile sets it", what);
    } else if (model_value_type(c->m, v) != type) {
        char have[16], want[16];
        buf_printf(&message, "the %s order \"%s\" is %s; the profile writes %s", what, name,
                   dump_type_name(model_value_type(c->m, v), have), dump_type_name(type, want));
    } else {
        size_t n, nwant;
        const char **names = listed_names(c, v, &n);
        const char **want = profile_list(c, s, &nwant);
        struct order_diff od;
        order_compare(names, n, want, nwant, &od);
        if (od.n) {
            buf_printf(&message, "the %s order differs from the profile's: ", what);
            order_words(&od, &message);
        }
        order_diff_free(&od);
    }
    if (message.len) {
        struct diag *d = unmet(c, s, c->posture.suite_policy, KEY_SUITE_POLICY, name, message.data);
        diag_help(c->diags, d, "'reglint gen' writes the profile's %s value", name);
    }
    buf_free(&message);
}

/* A setting that writes one value (the curve order, a raw value): met when
 * the file leaves exactly the type and bytes gen would write, or, for a
 * deletion, no such value. A raw key without values must exist. */
static void check_single_value(struct lint_ctx *c, const struct policy_setting *s)
{
    const char *path;
    struct gen_op op;
    if (!gen_single_value(s, &path, &op)) {
        const struct model_key *key = lint_key_by_path(c, s->subject.raw.key);
        if (!key || !key->exists) {
            struct diag *d = unmet(c, s, key, s->subject.raw.key, NULL,
                                   arena_printf(c->diags->arena, "the key [%s] is not created; the profile creates it",
                                                s->subject.raw.key));
            diag_help(c->diags, d, "add the key line [%s]", s->subject.raw.key);
        }
        return;
    }
    const struct model_key *key = lint_key_by_path(c, path);
    const struct model_value *v =
        key && key->exists ? model_find_value(c->m, key, op.name, op.name_len) : NULL;
    if (v && !v->exists)
        v = NULL;
    const char *shown = op.name_len ? arena_strndup(c->diags->arena, op.name, op.name_len) : "@";
    const char *message = NULL;
    if (op.kind == OP_DELETE) {
        if (v)
            message = arena_printf(c->diags->arena, "\"%s\" is set under [%s]; the profile removes it",
                                   shown, path);
    } else if (!v) {
        message = arena_printf(c->diags->arena, "\"%s\" is not set under [%s]; the profile sets it",
                               shown, path);
    } else {
        struct buf want = BUF_INIT, have = BUF_INIT;
        gen_op_data(&op, &want);
        model_value_data(c->m, v, &have);
        if (model_value_type(c->m, v) != op.type || want.len != have.len ||
            (want.len && memcmp(want.data, have.data, want.len) != 0))
            message = arena_printf(c->diags->arena, "\"%s\" under [%s] differs from the profile's value",
                                   shown, path);
        buf_free(&want);
        buf_free(&have);
    }
    if (message) {
        struct diag *d = unmet(c, s, key, path, op.name_len ? shown : "@", message);
        diag_help(c->diags, d, "'reglint gen' writes the profile's value");
    }
}

/* A cipher-suite rule (`cipher-suites require|forbid`): met when no suite
 * the effective order uses is ruled out (tls1.3-first: no TLS 1.3 suite
 * after another). The finding names the suites. */
static void check_suite_rule(struct lint_ctx *c, const struct policy_setting *s)
{
    struct effective_order suites, curves;
    suites_effective(&c->posture, 1, c->target, c->diags->arena, &suites, &curves);
    const struct policy *policy = c->o->policy;
    const char *rule = s->subject.suite_rule.rule == SR_NO_SUITE
                           ? arena_printf(c->diags->arena, "forbid %s", s->subject.suite_rule.name)
                           : suite_rule_words(s->subject.suite_rule.rule);
    struct buf names = BUF_INIT;
    const char *reason = NULL;
    size_t count = 0;
    const char *older = NULL;
    for (size_t i = 0; i < suites.n; i++) {
        const struct order_entry *e = &suites.entries[i];
        if (e->fate != FATE_USED || !e->suite)
            continue;
        bool broken;
        if (s->subject.suite_rule.rule == SR_TLS13_FIRST) {
            broken = older && suite_tls13_only(e->suite);
            if (!suite_tls13_only(e->suite) && !older)
                older = e->name;
        } else {
            broken = gen_suite_forbidden_by(policy, e->suite) == s;
            if (broken)
                reason = gen_suite_rule_reason(s, e->suite);
        }
        if (broken)
            buf_printf(&names, "%s%s", count++ ? ", " : "", e->name);
    }
    const char *message = NULL;
    if (suites.source == ORDER_DEFAULT && !c->target)
        message = arena_printf(c->diags->arena,
                               "the cipher-suite order is left to the Windows default, which the profile shapes "
                               "('cipher-suites %s'; pass --target to judge it)", rule);
    else if (count && s->subject.suite_rule.rule == SR_TLS13_FIRST)
        message = arena_printf(c->diags->arena,
                               "the effective cipher-suite order breaks 'cipher-suites %s': %s come%s after %s",
                               rule, names.data, count > 1 ? "" : "s", older);
    else if (count)
        message = arena_printf(c->diags->arena,
                               "the effective cipher-suite order breaks 'cipher-suites %s': %s %s%s",
                               rule, names.data, count > 1 ? "each " : "", reason);
    buf_free(&names);
    if (!message)
        return;
    bool local = suites.source == ORDER_LOCAL;
    struct diag *d = unmet(c, s, local ? c->posture.suite_local : c->posture.suite_policy,
                           local ? KEY_SUITE_LOCAL : KEY_SUITE_POLICY, "Functions", message);
    if (local) {
        /* The fix writes the policy value, which Windows prefers. */
        d->fix = NULL;
        add_profile_fix(c, d, s, KEY_SUITE_POLICY);
    }
    diag_help(c->diags, d, "'reglint gen' writes an order that keeps the profile's suite rules");
}

void lint_check_profile(struct lint_ctx *c)
{
    const struct policy *policy = c->o->policy;
    const struct posture *p = &c->posture;
    for (size_t i = 0; i < policy->nsettings; i++) {
        const struct policy_setting *s = &policy->settings[i];
        if (s->action == PA_DEFAULT)
            continue;
        switch (s->kind) {
        case PS_PROTOCOL:
            check_protocol(c, s);
            break;
        case PS_WINHTTP:
            /* The mask as gen writes it for the target. */
            check_views(c, s, policy, p->winhttp, KEY_WINHTTP, KEY_WINHTTP_WOW64, "DefaultSecureProtocols",
                        c->target ? target_mask(*c->target, (uint32_t)s->number) : (uint32_t)s->number,
                        "WinHTTP DefaultSecureProtocols");
            break;
        case PS_WININET: {
            static const struct {
                enum wininet_place place;
                const char *path;
            } places[SCOPE_COUNT] = {[SCOPE_USER] = {INET_USER, KEY_WININET_USER},
                                     [SCOPE_MACHINE] = {INET_MACHINE, KEY_WININET_MACHINE},
                                     [SCOPE_POLICY] = {INET_POLICY_MACHINE, KEY_WININET_POLICY_MACHINE}};
            enum wininet_scope scope = s->subject.scope;
            check_dword(c, s, p->wininet[places[scope].place], places[scope].path, "SecureProtocols",
                        c->target ? target_mask(*c->target, (uint32_t)s->number) : (uint32_t)s->number,
                        false,
                        arena_printf(c->diags->arena, "WinINet SecureProtocols (%s)", wininet_scope_name(scope)));
            break;
        }
        case PS_DOTNET: {
            enum dotnet_version v = s->subject.dotnet.version;
            static const char *const native[DOTNET_VERSION_COUNT] = {KEY_NETFX_V2, KEY_NETFX_V4};
            static const char *const wow[DOTNET_VERSION_COUNT] = {KEY_NETFX_V2_WOW64, KEY_NETFX_V4_WOW64};
            const char *name = dotnet_switch_value(s->subject.dotnet.which);
            check_views(c, s, policy, p->netfx[v == DOTNET_V2 ? NETFX_V2 : NETFX_V4], native[v], wow[v],
                        name, (uint32_t)s->number,
                        arena_printf(c->diags->arena, ".NET %s %s", dotnet_version_key(v), name));
            break;
        }
        case PS_ALGORITHM:
            check_algorithm(c, s);
            break;
        case PS_SEND_EXTRA_RECORD:
            check_dword(c, s, p->schannel, KEY_SCHANNEL, "SendExtraRecord", (uint32_t)s->number,
                        s->number == 0, "SendExtraRecord");
            break;
        case PS_SUITE_ORDER:
            check_name_order(c, s, "Functions", REG_TYPE_SZ, "cipher-suite");
            break;
        case PS_KEY_LENGTH: {
            const struct algorithm_info *alg = s->subject.key_length.algorithm;
            const char *path = arena_printf(c->diags->arena, KEY_SCHANNEL_KEX "\\%s", alg->key);
            const struct model_key *key = lint_key_by_path(c, path);
            const char *name = key_length_value(s->subject.key_length.bound);
            check_dword(c, s, key, path, name, (uint32_t)s->number, false,
                        arena_printf(c->diags->arena, "%s %s", alg->key, name));
            break;
        }
        case PS_CURVE_ORDER:
            if (!c->target || target_catalogue(*c->target)->curves_page)
            check_name_order(c, s, "EccCurves", REG_TYPE_MULTI_SZ, "curve");
            break;
        case PS_SUITE_RULE:
            check_suite_rule(c, s);
            break;
        case PS_RAW:
            check_single_value(c, s);
            break;
        }
    }
}
