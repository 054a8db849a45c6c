/* Protocol switches (RL3001-RL3003, RL3008, RL3010, RL3013, RL4001, RL4008)
 * and the WinHTTP/WinINet protocol masks (RL3006, RL3007, RL3009, RL3014,
 * RL4001, RL4008). */
#include <stdio.h>
#include <string.h>

#include "lint_check.h"

/* What the file asks of one protocol role, from its own values. */
enum intent { INTENT_NONE, INTENT_ON, INTENT_OFF, INTENT_MIXED };

struct role_values {
    const struct model_value *enabled, *dbd;
    bool has_enabled, has_dbd;
    uint32_t e, d;
};

static void role_values(const struct lint_ctx *c, enum protocol p, enum role r, struct role_values *out)
{
    memset(out, 0, sizeof *out);
    const struct model_key *key = c->posture.role[p][r];
    out->enabled = posture_value(&c->posture, key, "Enabled");
    out->dbd = posture_value(&c->posture, key, "DisabledByDefault");
    out->has_enabled = out->enabled && model_value_dword(c->m, out->enabled, &out->e);
    out->has_dbd = out->dbd && model_value_dword(c->m, out->dbd, &out->d);
}

static enum intent intent_of(const struct role_values *v)
{
    if (v->has_enabled && v->e == 0)
        return INTENT_OFF;
    if (v->has_enabled && v->has_dbd && v->d != 0)
        return INTENT_MIXED;
    if (v->has_enabled || (v->has_dbd && v->d == 0))
        return INTENT_ON;
    if (v->has_dbd)
        return INTENT_OFF;
    return INTENT_NONE;
}

/* The value that states the intent: Enabled if set, else DisabledByDefault. */
static const struct model_value *intent_value(const struct role_values *v)
{
    return v->has_enabled ? v->enabled : v->dbd;
}

static const struct model_value *later(const struct model_value *a, const struct model_value *b)
{
    if (!a)
        return b;
    if (!b)
        return a;
    return b->stmt > a->stmt ? b : a;
}

static const char *intent_word(enum intent i)
{
    switch (i) {
    case INTENT_ON:
        return "enabled";
    case INTENT_OFF:
        return "disabled";
    case INTENT_MIXED:
        return "enabled but disabled by default";
    case INTENT_NONE:
        break;
    }
    return "left to the Windows default";
}

/* The way out of Enabled-but-DisabledByDefault that no one needs to choose:
 * enable TLS 1.2 and 1.3, disable SSL, PCT, TLS 1.0 and 1.1. None
 * when the protocol may be unsafe to enable: one the target lacks, TLS 1.3
 * without a target (Microsoft: not a safe configuration before Windows 11
 * and Server 2022), DTLS 1.3 (no Windows has it). A profile that disables
 * the protocol settles it the other way. */
enum way_out { WAY_NONE, WAY_ENABLE, WAY_DISABLE };

static enum way_out secure_way_out(const struct lint_ctx *c, enum protocol p)
{
    if (c->o->protocol_forbidden[p] || protocol_info(p)->strength == STRENGTH_BROKEN ||
        p == PROTO_TLS_1_0 || p == PROTO_TLS_1_1)
        return WAY_DISABLE;
    /* DTLS 1.0: deprecated by no Microsoft page reglint knows of. */
    if (protocol_info(p)->strength != STRENGTH_CURRENT)
        return WAY_NONE;
    bool unsafe_to_enable = !protocol_info(p)->documented ||
                            (c->target ? !target_supports(*c->target, p) : p == PROTO_TLS_1_3);
    return unsafe_to_enable ? WAY_NONE : WAY_ENABLE;
}

static void check_pair(struct lint_ctx *c, enum protocol p, enum role r, const struct role_values *v)
{
    const char *proto = protocol_info(p)->display;
    if (v->has_enabled && v->has_dbd && v->e != 0 && v->d != 0 &&
        lint_on(c, RULE_ENABLED_BUT_DISABLED_BY_DEFAULT)) {
        struct diag *d = lint_at_value(c, RULE_ENABLED_BUT_DISABLED_BY_DEFAULT, later(v->enabled, v->dbd),
                                       PART_STATEMENT,
                                       "%s %s is Enabled but also DisabledByDefault: only applications that ask for %s get it",
                                       proto, role_key(r), proto);
        diag_help(c->diags, d, "to enable: \"DisabledByDefault\"=dword:00000000; to disable: \"Enabled\"=dword:00000000");
        /* Safe: the protocol's strength (or the profile) settles the
         * direction; where it does not, the choice stays the author's. */
        enum way_out way = secure_way_out(c, p);
        if (way == WAY_DISABLE) {
            struct fix *fix = diag_fix(c->diags, d, FIX_SAFE,
                                       c->o->protocol_forbidden[p] ? "disable it, as the profile requires: Enabled=0"
                                                                   : "disable it: Enabled=0");
            diag_fix_edit(c->diags, fix, lint_value_stmt(c, v->enabled)->data_at, "dword:00000000");
        } else if (way == WAY_ENABLE) {
            struct fix *fix = diag_fix(c->diags, d, FIX_SAFE, "enable it for every application: DisabledByDefault=0");
            diag_fix_edit(c->diags, fix, lint_value_stmt(c, v->dbd)->data_at, "dword:00000000");
        }
    }
    if (v->has_enabled && v->has_dbd && v->e == 0 && v->d == 0 &&
        lint_on(c, RULE_DISABLED_BUT_NOT_BY_DEFAULT)) {
        struct diag *d = lint_at_value(c, RULE_DISABLED_BUT_NOT_BY_DEFAULT, later(v->enabled, v->dbd),
                                       PART_STATEMENT,
                                       "%s %s is disabled (Enabled=0) but DisabledByDefault=0 says the opposite",
                                       proto, role_key(r));
        struct fix *fix = diag_fix(c->diags, d, FIX_SAFE, "write DisabledByDefault=1, as Microsoft pairs it with Enabled=0");
        diag_fix_edit(c->diags, fix, lint_value_stmt(c, v->dbd)->data_at, "dword:00000001");
    }
}

/* The first target (oldest) that has protocol p, or TARGET_COUNT. */
static enum target first_supporting(enum protocol p)
{
    for (int t = 0; t < TARGET_COUNT; t++)
        if (target_supports((enum target)t, p))
            return (enum target)t;
    return TARGET_COUNT;
}

/* Whether turning protocol `p` on is an RL4001 finding with a fix that
 * disables it again: SSL, PCT or what the profile disables, however it is
 * turned on; TLS 1.0 and 1.1 when `explicit_enabled` (an Enabled=1, not only
 * DisabledByDefault=0) unless the profile enables them. */
static bool enable_refused(const struct lint_ctx *c, enum protocol p, bool explicit_enabled)
{
    return protocol_info(p)->strength == STRENGTH_BROKEN || c->o->protocol_forbidden[p] ||
           (explicit_enabled && (p == PROTO_TLS_1_0 || p == PROTO_TLS_1_1) && !c->o->protocol_required[p]);
}

static void check_enabled(struct lint_ctx *c, enum protocol p, enum role r, const struct role_values *v)
{
    const struct protocol_info *info = protocol_info(p);
    enum intent in = intent_of(v);
    const struct model_value *at = intent_value(v);
    if (in == INTENT_ON && info->strength != STRENGTH_CURRENT && lint_on(c, RULE_WEAK_PROTOCOL_ENABLED)) {
        struct diag *d = lint_at_value(c, RULE_WEAK_PROTOCOL_ENABLED, at, PART_STATEMENT,
                                       "%s %s is enabled", info->display, role_key(r));
        /* An explicit Enabled=1 for TLS 1.0 or 1.1 turns on what Microsoft
         * deprecates; a DisabledByDefault=0 alone, or DTLS 1.0, only keeps
         * what the target may have anyway. */
        if (!enable_refused(c, p, v->has_enabled && v->e != 0)) {
            d->severity = SEV_INFO;
            diag_help(c->diags, d, "%s is deprecated", info->display);
        } else {
            if (info->strength == STRENGTH_BROKEN || c->o->protocol_forbidden[p]) {
                diag_help(c->diags, d, "%s; disable it: \"Enabled\"=dword:00000000, \"DisabledByDefault\"=dword:00000001",
                          info->strength == STRENGTH_BROKEN ? "the protocol is broken" : "the profile disables it");
            } else {
                d->severity = SEV_WARNING;
                diag_help(c->diags, d, "Microsoft deprecates TLS 1.0 and 1.1: Windows Insider Preview releases since 2024 disable them by default, and WinHTTP and WinINet already have");
                diag_help(c->diags, d, "disable it unless a peer that cannot be upgraded needs it: \"Enabled\"=dword:00000000, \"DisabledByDefault\"=dword:00000001");
            }
            /* Unsafe: whatever still needs the protocol stops working. */
            struct fix *fix = diag_fix(c->diags, d, FIX_UNSAFE, "disable it");
            if (v->has_enabled)
                diag_fix_edit(c->diags, fix, lint_value_stmt(c, v->enabled)->data_at, "dword:00000000");
            if (v->has_dbd)
                diag_fix_edit(c->diags, fix, lint_value_stmt(c, v->dbd)->data_at, "dword:00000001");
        }
    }
    /* Enabled but disabled by default is RL3001's finding, which says both
     * ways out; one report per mistake. */
    if (p == PROTO_TLS_1_2 && in == INTENT_OFF && lint_on(c, RULE_TLS12_DISABLED)) {
        struct diag *d = lint_at_value(c, RULE_TLS12_DISABLED, at, PART_STATEMENT,
                                       "TLS 1.2 %s is disabled", role_key(r));
        diag_help(c->diags, d, "TLS 1.2 is what nearly every peer needs; Windows may be left with no protocol");
    }
    if (in == INTENT_ON && lint_on(c, RULE_PROTOCOL_UNSUPPORTED_ON_TARGET)) {
        enum target first = first_supporting(p);
        if (first == TARGET_COUNT) {
            lint_at_value(c, RULE_PROTOCOL_UNSUPPORTED_ON_TARGET, at, PART_STATEMENT,
                          "%s %s is enabled, but no Windows version has %s", info->display,
                          role_key(r), info->display);
        } else if (c->target && !target_supports(*c->target, p)) {
            struct diag *d = lint_at_value(c, RULE_PROTOCOL_UNSUPPORTED_ON_TARGET, at, PART_STATEMENT,
                                           "%s %s is enabled, but %s has no %s", info->display,
                                           role_key(r), target_info(*c->target)->display, info->display);
            if (p == PROTO_TLS_1_3)
                diag_help(c->diags, d, "Microsoft: enabling TLS 1.3 on earlier versions of Windows is not a safe system configuration");
        } else if (!c->target && first != 0) {
            char since[128];
            protocol_since(p, since, sizeof since);
            struct diag *d = lint_at_value(c, RULE_PROTOCOL_UNSUPPORTED_ON_TARGET, at, PART_STATEMENT,
                                           "%s %s is enabled; only %s have %s", info->display,
                                           role_key(r), since, info->display);
            d->severity = SEV_INFO;
            diag_help(c->diags, d, "pass --target (e.g. --target %s) to settle it", target_info(first)->name);
        }
    }
}

/* A role in words for RL3003: what its values make of it, or that they
 * leave it as Windows has it anyway. */
static void describe_role(const struct lint_ctx *c, enum intent in, bool at_default,
                          const struct role_posture *now, char *out, size_t size)
{
    bool known = now->state != ST_UNKNOWN;
    if (in == INTENT_NONE || at_default)
        snprintf(out, size, "%s the Windows default%s%s%s", in == INTENT_NONE ? "left to" : "set to",
                 known && c->target ? " (" : "", known && c->target ? proto_state_name(now->state) : "",
                 known && c->target ? ")" : "");
    else
        snprintf(out, size, "%s", known ? proto_state_name(now->state) : intent_word(in));
}

static void check_roles_agree(struct lint_ctx *c, enum protocol p)
{
    if (!lint_on(c, RULE_CLIENT_SERVER_MISMATCH))
        return;
    struct role_values v[ROLE_COUNT];
    enum intent in[ROLE_COUNT], effect[ROLE_COUNT];
    struct role_posture now[ROLE_COUNT], by_default;
    bool at_default[ROLE_COUNT];
    struct posture empty;
    memset(&empty, 0, sizeof empty);
    empty.model = c->m;
    for (int r = 0; r < ROLE_COUNT; r++) {
        role_values(c, p, (enum role)r, &v[r]);
        in[r] = intent_of(&v[r]);
        posture_role(&c->posture, p, (enum role)r, c->target, &now[r]);
        posture_role(&empty, p, (enum role)r, c->target, &by_default);
        /* Values that leave the role as Windows has it anyway (on the
         * target, or on every version that has the protocol) say nothing
         * a mismatch could be made of. */
        at_default[r] = in[r] != INTENT_NONE && now[r].state != ST_UNKNOWN &&
                        now[r].state == by_default.state;
        effect[r] = at_default[r] ? INTENT_NONE : in[r];
    }
    /* A role that contradicts itself is RL3001's finding; comparing it with
     * the other role would report the same mistake again. */
    if (effect[ROLE_CLIENT] == effect[ROLE_SERVER] || in[ROLE_CLIENT] == INTENT_MIXED ||
        in[ROLE_SERVER] == INTENT_MIXED)
        return;
    /* Both roles end in the same state, whatever their values say. */
    if (now[ROLE_CLIENT].state == now[ROLE_SERVER].state && now[ROLE_CLIENT].state != ST_UNKNOWN)
        return;
    /* Enabling one role and leaving the other to Windows is common and
     * mostly harmless; disabling one role only leaves the other exposed. */
    if ((effect[ROLE_CLIENT] == INTENT_NONE && effect[ROLE_SERVER] == INTENT_ON) ||
        (effect[ROLE_SERVER] == INTENT_NONE && effect[ROLE_CLIENT] == INTENT_ON))
        return;
    /* Report at the role the file says something about, the later one if both. */
    enum role at = in[ROLE_CLIENT] == INTENT_NONE ? ROLE_SERVER
                   : in[ROLE_SERVER] == INTENT_NONE ? ROLE_CLIENT
                   : intent_value(&v[ROLE_SERVER])->stmt > intent_value(&v[ROLE_CLIENT])->stmt ? ROLE_SERVER
                                                                                               : ROLE_CLIENT;
    enum role other = at == ROLE_CLIENT ? ROLE_SERVER : ROLE_CLIENT;
    char words[ROLE_COUNT][96];
    for (int r = 0; r < ROLE_COUNT; r++)
        describe_role(c, in[r], at_default[r], &now[r], words[r], sizeof words[r]);
    const char *proto = protocol_info(p)->display;
    struct diag *d = lint_at_value(c, RULE_CLIENT_SERVER_MISMATCH, intent_value(&v[at]), PART_STATEMENT,
                                   "%s %s is %s but %s %s is %s", proto, role_key(at), words[at],
                                   proto, role_key(other), words[other]);
    diag_help(c->diags, d, "a Windows machine is both a client and a server (SMB, LDAP, RDP, replication); set both keys alike");
}

/* RL3013: TLS 1.3 off for either role where Windows has it. */
static void check_tls13_off(struct lint_ctx *c)
{
    if (!lint_on(c, RULE_TLS13_DISABLED) || (c->target && !target_supports(*c->target, PROTO_TLS_1_3)))
        return;
    const struct model_value *at = NULL;
    bool off[ROLE_COUNT] = {false, false};
    for (int r = 0; r < ROLE_COUNT; r++) {
        struct role_values v;
        role_values(c, PROTO_TLS_1_3, (enum role)r, &v);
        off[r] = intent_of(&v) == INTENT_OFF;
        if (off[r] && !at)
            at = intent_value(&v);
    }
    if (!at)
        return;
    char since[128];
    protocol_since(PROTO_TLS_1_3, since, sizeof since);
    bool both = off[ROLE_CLIENT] && off[ROLE_SERVER];
    const char *roles = both ? "Client and Server are" : off[ROLE_CLIENT] ? "Client is" : "Server is";
    struct diag *d;
    if (c->target) {
        d = lint_at_value(c, RULE_TLS13_DISABLED, at, PART_STATEMENT,
                          "TLS 1.3 %s turned off; %s has it on by default", roles,
                          target_info(*c->target)->display);
    } else {
        /* Still a warning: older Windows has no TLS 1.3 to lose, so the
         * values do nothing there and only take TLS 1.3 away where it exists. */
        d = lint_at_value(c, RULE_TLS13_DISABLED, at, PART_STATEMENT,
                          "TLS 1.3 %s turned off; %s have it on by default", roles, since);
        diag_help(c->diags, d, "pass --target to settle which Windows this is for");
    }
    diag_help(c->diags, d, "TLS 1.3 is the current protocol; to leave it to Windows, delete the values (TLS 1.3 exists on %s only)",
              since);
}

/* The protocols a role can fall back on: the SSL/TLS family with a bit. */
static bool counts_for_role(enum protocol p)
{
    return protocol_info(p)->bit != 0;
}

static bool nothing_left(const struct lint_ctx *c, enum role r, enum target t, bool *unknown)
{
    *unknown = false;
    for (int p = 0; p < PROTO_COUNT; p++) {
        if (!counts_for_role((enum protocol)p))
            continue;
        struct role_posture rp;
        posture_role(&c->posture, (enum protocol)p, r, &t, &rp);
        if (rp.state == ST_ENABLED)
            return false;
        if (rp.state == ST_UNKNOWN)
            *unknown = true;
    }
    return !*unknown;
}

static void check_something_left(struct lint_ctx *c, enum role r)
{
    if (!lint_on(c, RULE_NO_PROTOCOL_LEFT))
        return;
    const struct model_value *at = NULL;
    for (int p = 0; p < PROTO_COUNT; p++) {
        struct role_values v;
        role_values(c, (enum protocol)p, r, &v);
        enum intent in = intent_of(&v);
        if (counts_for_role((enum protocol)p) && (in == INTENT_OFF || in == INTENT_MIXED))
            at = later(at, intent_value(&v));
    }
    if (!at)
        return;
    size_t failing = 0, considered = 0;
    enum target first_failing = TARGET_COUNT;
    for (int t = 0; t < TARGET_COUNT; t++) {
        if (c->target && (enum target)t != *c->target)
            continue;
        bool unknown;
        bool none = nothing_left(c, r, (enum target)t, &unknown);
        if (unknown)
            continue;
        considered++;
        if (none) {
            failing++;
            if (first_failing == TARGET_COUNT)
                first_failing = (enum target)t;
        }
    }
    if (failing == 0)
        return;
    const char *who = r == ROLE_CLIENT ? "clients" : "servers";
    if (c->target || failing == considered) {
        struct diag *d = lint_at_value(c, RULE_NO_PROTOCOL_LEFT, at, PART_STATEMENT,
                                       "no protocol is left for Schannel %s%s%s: every one this Windows has is disabled",
                                       who, c->target ? " on " : "",
                                       c->target ? target_info(*c->target)->display : "");
        diag_help(c->diags, d, "connections will fail; keep TLS 1.2 enabled");
    } else {
        struct diag *d = lint_at_value(c, RULE_NO_PROTOCOL_LEFT, at, PART_STATEMENT,
                                       "on %s%s no protocol is left for Schannel %s",
                                       target_info(first_failing)->display,
                                       failing > 1 ? " and other versions" : "", who);
        d->severity = SEV_INFO;
        diag_help(c->diags, d, "pass --target to settle which Windows this is for");
    }
}

void lint_check_protocols(struct lint_ctx *c)
{
    for (int p = 0; p < PROTO_COUNT; p++) {
        for (int r = 0; r < ROLE_COUNT; r++) {
            if (!c->posture.role[p][r])
                continue;
            struct role_values v;
            role_values(c, (enum protocol)p, (enum role)r, &v);
            check_pair(c, (enum protocol)p, (enum role)r, &v);
            check_enabled(c, (enum protocol)p, (enum role)r, &v);
        }
        check_roles_agree(c, (enum protocol)p);
    }
    check_tls13_off(c);
    for (int r = 0; r < ROLE_COUNT; r++)
        check_something_left(c, (enum role)r);
}

/* -------------------------------------------------------------- masks */

static void check_mask(struct lint_ctx *c, const struct model_value *v, const char *what, bool winhttp)
{
    uint32_t mask;
    if (!model_value_dword(c->m, v, &mask))
        return;
    uint32_t unknown = mask & ~protocol_known_bits();
    if (unknown && lint_on(c, RULE_UNKNOWN_PROTOCOL_BITS)) {
        struct diag *d = lint_at_value(c, RULE_UNKNOWN_PROTOCOL_BITS, v, PART_DATA,
                                       "%s=0x%x has bits 0x%x that name no protocol", what, mask, unknown);
        diag_help(c->diags, d, "the bits are 0x8 SSL 2.0, 0x20 SSL 3.0, 0x80 TLS 1.0, 0x200 TLS 1.1, 0x800 TLS 1.2, 0x2000 TLS 1.3");
    }
    uint32_t broken = 0, deprecated = 0;
    for (int p = 0; p < PROTO_COUNT; p++) {
        const struct protocol_info *info = protocol_info((enum protocol)p);
        if (!(mask & info->bit))
            continue;
        if (info->strength == STRENGTH_BROKEN)
            broken |= info->bit;
        else if (info->strength == STRENGTH_DEPRECATED)
            deprecated |= info->bit;
    }
    if ((broken || deprecated) && lint_on(c, RULE_WEAK_PROTOCOL_ENABLED)) {
        struct diag *d = lint_at_value(c, RULE_WEAK_PROTOCOL_ENABLED, v, PART_DATA,
                                       "%s=0x%x enables %s", what, mask,
                                       lint_mask_names(c, broken | deprecated));
        bool forbidden = false;
        for (int p = 0; p < PROTO_COUNT; p++)
            forbidden |= (deprecated & protocol_info((enum protocol)p)->bit) && c->o->protocol_forbidden[p];
        if (!broken && !forbidden)
            d->severity = SEV_INFO;
    }
    if (mask && !(mask & 0x2800u) && lint_on(c, RULE_TLS12_DISABLED))
        lint_at_value(c, RULE_TLS12_DISABLED, v, PART_DATA, "%s=0x%x leaves out TLS 1.2 (0x800)",
                      what, mask);
    if (!winhttp || !lint_on(c, RULE_WINHTTP_BIT_DISABLED_IN_SCHANNEL))
        return;
    uint32_t dead = 0;
    for (int p = 0; p < PROTO_COUNT; p++) {
        const struct protocol_info *info = protocol_info((enum protocol)p);
        if (!(mask & info->bit))
            continue;
        struct role_posture rp;
        posture_role(&c->posture, (enum protocol)p, ROLE_CLIENT, c->target, &rp);
        if (rp.state == ST_DISABLED || (c->target && rp.state == ST_UNSUPPORTED))
            dead |= info->bit;
    }
    if (dead) {
        struct diag *d = lint_at_value(c, RULE_WINHTTP_BIT_DISABLED_IN_SCHANNEL, v, PART_DATA,
                                       "%s asks for %s, which Schannel %s", what,
                                       lint_mask_names(c, dead),
                                       c->target ? "disables or lacks here" : "disables in this file");
        diag_help(c->diags, d, "Schannel's disabled protocols overrule WinHTTP's; drop those bits (0x%x)", dead);
    }
}

/* RL3014: a mask without TLS 1.3 while Schannel's client has it on: on the
 * target (by the file or by default), or, with no target, because the file
 * turns it on. One finding per component; the fix adds the bit to every
 * value of that component. */
static void check_mask_tls13(struct lint_ctx *c, const struct model_value *const *values, size_t n,
                             const char *what)
{
    if (!lint_on(c, RULE_MASK_WITHOUT_TLS13) || n == 0)
        return;
    uint32_t tls13 = protocol_info(PROTO_TLS_1_3)->bit;
    const struct model_value *at = NULL;
    uint32_t mask = 0;
    for (size_t i = 0; i < n && !at; i++)
        if (model_value_dword(c->m, values[i], &mask) && mask != 0 && !(mask & tls13))
            at = values[i];
    if (!at)
        return;
    bool on;
    if (c->target) {
        struct role_posture rp;
        posture_role(&c->posture, PROTO_TLS_1_3, ROLE_CLIENT, c->target, &rp);
        on = rp.state == ST_ENABLED;
    } else {
        struct role_values v;
        role_values(c, PROTO_TLS_1_3, ROLE_CLIENT, &v);
        on = intent_of(&v) == INTENT_ON;
    }
    if (!on)
        return;
    struct diag *d = c->target
        ? lint_at_value(c, RULE_MASK_WITHOUT_TLS13, at, PART_DATA,
                        "%s=0x%X leaves out TLS 1.3 (0x2000), which Schannel's client has on %s",
                        what, mask, target_info(*c->target)->display)
        : lint_at_value(c, RULE_MASK_WITHOUT_TLS13, at, PART_DATA,
                        "%s=0x%X leaves out TLS 1.3 (0x2000), which this file turns on in Schannel's client",
                        what, mask);
    diag_help(c->diags, d, "programs that rely on this mask never use TLS 1.3; add 0x2000 (0x%X)", mask | tls13);
    struct fix *fix = diag_fix(c->diags, d, FIX_UNSAFE, "add TLS 1.3 (0x2000)");
    for (size_t i = 0; i < n; i++) {
        uint32_t m;
        if (!model_value_dword(c->m, values[i], &m) || m == 0 || (m & tls13))
            continue;
        char data[16];
        snprintf(data, sizeof data, "dword:%08x", (unsigned)(m | tls13));
        diag_fix_edit(c->diags, fix, lint_value_stmt(c, values[i])->data_at, data);
    }
}

void lint_check_masks(struct lint_ctx *c)
{
    const struct posture *p = &c->posture;
    const struct model_value *winhttp = NULL, *wininet = NULL;
    const struct model_value *winhttp_all[VIEW_COUNT], *wininet_all[INET_PLACE_COUNT];
    size_t nwinhttp = 0, nwininet = 0;
    for (int view = 0; view < VIEW_COUNT; view++) {
        const struct model_value *v = posture_value(p, p->winhttp[view], "DefaultSecureProtocols");
        if (v) {
            check_mask(c, v, "DefaultSecureProtocols", true);
            winhttp_all[nwinhttp++] = v;
            if (!winhttp)
                winhttp = v;
        }
    }
    /* The WinINet value that applies: policy over preference, machine over user. */
    static const enum wininet_place precedence[] = {INET_POLICY_MACHINE, INET_POLICY_USER,
                                                    INET_MACHINE, INET_USER,
                                                    INET_MACHINE_WOW64};
    for (size_t i = 0; i < sizeof precedence / sizeof precedence[0]; i++) {
        const struct model_value *v = posture_value(p, p->wininet[precedence[i]], "SecureProtocols");
        if (!v)
            continue;
        check_mask(c, v, "SecureProtocols", false);
        wininet_all[nwininet++] = v;
        if (!wininet)
            wininet = v;
    }
    check_mask_tls13(c, winhttp_all, nwinhttp, "DefaultSecureProtocols");
    check_mask_tls13(c, wininet_all, nwininet, "SecureProtocols");
    uint32_t a, b;
    if (winhttp && wininet && model_value_dword(c->m, winhttp, &a) &&
        model_value_dword(c->m, wininet, &b) && (a & protocol_known_bits()) != (b & protocol_known_bits()) &&
        lint_on(c, RULE_WININET_WINHTTP_MISMATCH)) {
        struct diag *d = lint_at_value(c, RULE_WININET_WINHTTP_MISMATCH, wininet, PART_DATA,
                                       "WinINet's SecureProtocols (%s) and WinHTTP's DefaultSecureProtocols %s %u (%s) allow different protocols",
                                       lint_mask_names(c, b), lint_stmt_on(c, winhttp->stmt),
                                       lint_stmt_line(c, winhttp->stmt),
                                       lint_mask_names(c, a));
        diag_help(c->diags, d, "Internet Explorer and WinINet programs use one; services using WinHTTP the other");
    }
}
