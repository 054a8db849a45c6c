#include "posture.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static bool name_is(const struct reg_name *n, const char *s)
{
    return knowledge_name_equal(n->s, n->len, s);
}

/* "ControlSet001": the numbered control sets a whole-hive export holds. */
static bool is_numbered_control_set(const struct reg_name *n)
{
    static const char prefix[] = "ControlSet";
    if (n->len != sizeof prefix - 1 + 3)
        return false;
    struct reg_name head = {n->s, sizeof prefix - 1};
    if (!name_is(&head, prefix))
        return false;
    for (size_t i = sizeof prefix - 1; i < n->len; i++)
        if (n->s[i] < '0' || n->s[i] > '9')
            return false;
    return true;
}

static enum key_kind root_kind(enum reg_root root)
{
    switch (root) {
    case REG_ROOT_HKLM:
        return KK_HKLM;
    case REG_ROOT_HKCU:
    case REG_ROOT_HKU:
        return KK_HKCU;
    default:
        return KK_OTHER;
    }
}

/* The class of a child named `n` of a key of class `parent`. Each case is one
 * step of a documented path (domain.md §1). */
static struct key_class classify_child(const struct key_class *parent, const struct reg_name *n)
{
    struct key_class c = *parent;
    c.kind = KK_OTHER;
    c.known = false;
    switch (parent->kind) {
    case KK_HKLM:
        if (name_is(n, "SYSTEM"))
            c.kind = KK_SYSTEM;
        else if (name_is(n, "SOFTWARE"))
            c.kind = KK_SOFTWARE;
        break;
    case KK_HKCU:
        if (name_is(n, "Software"))
            c.kind = KK_SOFTWARE;
        break;
    case KK_SYSTEM:
        if (name_is(n, "CurrentControlSet") || is_numbered_control_set(n))
            c.kind = KK_CONTROL_SET;
        break;
    case KK_CONTROL_SET:
        if (name_is(n, "Control"))
            c.kind = KK_CONTROL;
        break;
    case KK_CONTROL:
        if (name_is(n, "SecurityProviders"))
            c.kind = KK_SECURITY_PROVIDERS;
        else if (name_is(n, "Cryptography"))
            c.kind = KK_CRYPTOGRAPHY;
        break;
    case KK_SECURITY_PROVIDERS:
        if (name_is(n, "SCHANNEL"))
            c.kind = KK_SCHANNEL;
        break;
    case KK_SCHANNEL:
        if (name_is(n, "Protocols")) {
            c.kind = KK_PROTOCOLS;
        } else if (name_is(n, "Messaging")) {
            c.kind = KK_MESSAGING;
        } else {
            static const struct {
                const char *name;
                enum algorithm_kind group;
            } groups[] = {{"Ciphers", ALG_CIPHER},
                          {"Hashes", ALG_HASH},
                          {"KeyExchangeAlgorithms", ALG_KEY_EXCHANGE}};
            for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
                if (name_is(n, groups[i].name)) {
                    c.kind = KK_ALGORITHM_GROUP;
                    c.group = groups[i].group;
                    c.known = true;
                }
            }
        }
        break;
    case KK_PROTOCOLS:
        c.kind = KK_PROTOCOL;
        c.known = protocol_by_key(n->s, n->len, &c.protocol);
        break;
    case KK_PROTOCOL:
        for (int r = 0; r < ROLE_COUNT; r++) {
            if (name_is(n, role_key((enum role)r))) {
                c.kind = KK_PROTOCOL_ROLE;
                c.role = (enum role)r;
                c.known = parent->known;
            }
        }
        break;
    case KK_ALGORITHM_GROUP:
        c.kind = KK_ALGORITHM;
        c.algorithm = algorithm_by_key(parent->group, n->s, n->len);
        c.known = c.algorithm != NULL;
        break;
    case KK_SOFTWARE:
        if (name_is(n, "Wow6432Node") && !parent->user && parent->view == VIEW_NATIVE &&
            !parent->policy) {
            c.kind = KK_SOFTWARE;
            c.view = VIEW_WOW64;
        } else if (name_is(n, "Policies") && !parent->policy) {
            c.kind = KK_POLICIES;
            c.policy = true;
        } else if (name_is(n, "Microsoft")) {
            c.kind = KK_MICROSOFT;
        }
        break;
    case KK_POLICIES:
        if (name_is(n, "Microsoft"))
            c.kind = KK_MICROSOFT;
        break;
    case KK_MICROSOFT:
        if (name_is(n, "Windows")) {
            c.kind = KK_WINDOWS;
        } else if (name_is(n, ".NETFramework")) {
            c.kind = KK_NETFX_ROOT;
        } else if (name_is(n, "Cryptography")) {
            c.kind = KK_CRYPTOGRAPHY;
        }
        break;
    case KK_WINDOWS:
        if (name_is(n, "CurrentVersion"))
            c.kind = KK_CURRENT_VERSION;
        break;
    case KK_CURRENT_VERSION:
        if (name_is(n, "Internet Settings"))
            c.kind = KK_WININET;
        break;
    case KK_WININET:
        if (name_is(n, "WinHttp"))
            c.kind = KK_WINHTTP;
        break;
    case KK_NETFX_ROOT:
        if (name_is(n, "v2.0.50727")) {
            c.kind = KK_NETFX;
            c.netfx = NETFX_V2;
        } else if (name_is(n, "v4.0.30319")) {
            c.kind = KK_NETFX;
            c.netfx = NETFX_V4;
        }
        break;
    case KK_CRYPTOGRAPHY:
        if (name_is(n, "Configuration"))
            c.kind = KK_CRYPTO_CONFIGURATION;
        break;
    case KK_CRYPTO_CONFIGURATION:
        if (name_is(n, "SSL") && parent->policy) {
            c.kind = KK_CRYPTO_SSL;
        } else if (name_is(n, "Local") && !parent->policy) {
            c.kind = KK_CRYPTO_LOCAL;
            c.local = true;
        }
        break;
    case KK_CRYPTO_LOCAL:
        if (name_is(n, "SSL"))
            c.kind = KK_CRYPTO_SSL;
        break;
    case KK_CRYPTO_SSL:
        if (name_is(n, "00010002"))
            c.kind = parent->local ? KK_SUITE_LOCAL : KK_SUITE_POLICY;
        break;
    default:
        break;
    }
    /* SCHANNEL copied anywhere else (under SOFTWARE, Wow6432Node, HKCU) is
     * never read (domain.md §4.5, §4.19). */
    if (c.kind == KK_OTHER && name_is(n, "SecurityProviders")) {
        c.kind = KK_SECURITY_PROVIDERS;
        c.misplaced = true;
    }
    return c;
}

void posture_classify_path(const struct reg_path *path, struct key_class *out)
{
    memset(out, 0, sizeof *out);
    out->kind = root_kind(path->root);
    out->user = path->root == REG_ROOT_HKCU || path->root == REG_ROOT_HKU;
    for (uint32_t i = 0; i < path->depth; i++) {
        struct reg_name segment = reg_path_segment(path, i);
        *out = classify_child(out, &segment);
    }
}

enum setting_key key_class_setting(const struct key_class *cls)
{
    switch (cls->kind) {
    case KK_SCHANNEL:
        return SK_SCHANNEL;
    case KK_PROTOCOL_ROLE:
        return SK_PROTOCOL_ROLE;
    case KK_ALGORITHM:
        return cls->group == ALG_CIPHER ? SK_CIPHER : cls->group == ALG_HASH ? SK_HASH
                                                                             : SK_KEY_EXCHANGE;
    case KK_MESSAGING:
        return SK_MESSAGING;
    case KK_WININET:
        return SK_WININET;
    case KK_WINHTTP:
        return SK_WINHTTP;
    case KK_NETFX:
        return SK_NETFX;
    case KK_SUITE_POLICY:
        return SK_SUITE_POLICY;
    case KK_SUITE_LOCAL:
        return SK_SUITE_LOCAL;
    default:
        return SK_COUNT;
    }
}

struct walk_item {
    const struct model_key *key;
    struct key_class cls;
    struct key_class parent;
    bool has_parent;
};

void posture_walk(const struct model *m, posture_visit_fn *visit, void *ctx)
{
    size_t cap = 0, n = 0;
    struct walk_item *stack = NULL;
    for (int r = REG_ROOT_COUNT - 1; r >= 0; r--) {
        stack = xgrow(stack, &cap, n + 1, sizeof *stack);
        struct walk_item *it = &stack[n++];
        memset(it, 0, sizeof *it);
        it->key = m->roots[r];
        it->cls.kind = root_kind((enum reg_root)r);
        it->cls.user = r == REG_ROOT_HKCU || r == REG_ROOT_HKU;
    }
    while (n > 0) {
        struct walk_item item = stack[--n];
        visit(ctx, item.key, &item.cls, item.has_parent ? &item.parent : NULL);
        /* Children go on the stack last first, so they are visited in order. */
        size_t first = n;
        for (const struct model_key *c = item.key->first_child; c; c = c->next_sibling) {
            stack = xgrow(stack, &cap, n + 1, sizeof *stack);
            struct walk_item *it = &stack[n++];
            it->key = c;
            it->cls = classify_child(&item.cls, &c->name);
            it->parent = item.cls;
            it->has_parent = true;
        }
        for (size_t i = first, j = n; i + 1 < j; i++, j--) {
            struct walk_item t = stack[i];
            stack[i] = stack[j - 1];
            stack[j - 1] = t;
        }
    }
    free(stack);
}

struct collect_ctx {
    struct posture *p;
    bool schannel_is_current; /* the chosen SCHANNEL is under CurrentControlSet */
};

static bool under_current_control_set(const struct model_key *k)
{
    for (; k; k = k->parent)
        if (k->depth == 2)
            return name_is(&k->name, "CurrentControlSet");
    return false;
}

static void collect_visit(void *ctx, const struct model_key *key, const struct key_class *cls,
                          const struct key_class *parent)
{
    (void)parent;
    struct collect_ctx *cc = ctx;
    struct posture *p = cc->p;
    if (cls->misplaced || !key->exists)
        return;
    switch (cls->kind) {
    case KK_SCHANNEL: {
        bool current = under_current_control_set(key);
        if (!p->schannel || (current && !cc->schannel_is_current)) {
            p->schannel = key;
            cc->schannel_is_current = current;
            memset(p->role, 0, sizeof p->role);
        }
        break;
    }
    case KK_PROTOCOL_ROLE: {
        if (!cls->known)
            break;
        const struct model_key *sch = key->parent->parent->parent;
        if (sch == p->schannel)
            p->role[cls->protocol][cls->role] = key;
        break;
    }
    case KK_WINHTTP:
        if (!cls->user && !cls->policy)
            p->winhttp[cls->view] = key;
        break;
    case KK_WININET:
        if (cls->policy)
            p->wininet[cls->user ? INET_POLICY_USER : INET_POLICY_MACHINE] = key;
        else if (cls->user)
            p->wininet[INET_USER] = key;
        else
            p->wininet[cls->view == VIEW_WOW64 ? INET_MACHINE_WOW64 : INET_MACHINE] = key;
        break;
    case KK_NETFX:
        if (!cls->user && !cls->policy)
            p->netfx[cls->netfx][cls->view] = key;
        break;
    case KK_SUITE_POLICY:
        if (!cls->user && cls->view == VIEW_NATIVE)
            p->suite_policy = key;
        break;
    case KK_SUITE_LOCAL:
        if (!p->suite_local || under_current_control_set(key))
            p->suite_local = key;
        break;
    default:
        break;
    }
}

void posture_collect(const struct model *m, struct posture *p)
{
    memset(p, 0, sizeof *p);
    p->model = m;
    struct collect_ctx cc = {p, false};
    posture_walk(m, collect_visit, &cc);
}

const struct model_value *posture_value(const struct posture *p, const struct model_key *key,
                                        const char *name)
{
    if (!key || !key->exists)
        return NULL;
    const struct model_value *v = model_find_value(p->model, key, name, strlen(name));
    return v && v->exists ? v : NULL;
}

bool posture_dword(const struct posture *p, const struct model_key *key, const char *name,
                   uint32_t *out)
{
    const struct model_value *v = posture_value(p, key, name);
    return v && model_value_dword(p->model, v, out);
}

/* The state on one target, given what the file says. */
static enum proto_state state_on(enum os_default def, bool has_enabled, uint32_t enabled,
                                 bool has_dbd, uint32_t dbd)
{
    if (def == OSD_UNSUPPORTED)
        return ST_UNSUPPORTED;
    if (has_enabled && enabled == 0)
        return ST_DISABLED;
    if (has_dbd)
        return dbd ? ST_DISABLED_BY_DEFAULT : ST_ENABLED;
    switch (def) {
    case OSD_ENABLED:
        return ST_ENABLED;
    case OSD_DISABLED_BY_DEFAULT:
        return ST_DISABLED_BY_DEFAULT;
    default:
        return ST_UNKNOWN;
    }
}

void posture_role(const struct posture *p, enum protocol proto, enum role role,
                  const enum target *target, struct role_posture *out)
{
    memset(out, 0, sizeof *out);
    const struct model_key *key = p->role[proto][role];
    out->enabled = posture_value(p, key, "Enabled");
    out->disabled_by_default = posture_value(p, key, "DisabledByDefault");
    uint32_t enabled = 0, dbd = 0;
    bool has_enabled = out->enabled && model_value_dword(p->model, out->enabled, &enabled);
    bool has_dbd =
        out->disabled_by_default && model_value_dword(p->model, out->disabled_by_default, &dbd);
    if ((out->enabled && !has_enabled) || (out->disabled_by_default && !has_dbd)) {
        /* A value of another type: what Schannel makes of it is unknown (§2). */
        out->state = ST_UNKNOWN;
        out->by_file = true;
        return;
    }
    out->by_file = (has_enabled && enabled == 0) || has_dbd;
    if (target) {
        out->state = state_on(target_info(*target)->schannel[proto][role], has_enabled, enabled,
                              has_dbd, dbd);
        return;
    }
    /* No target: what every target that has the protocol agrees on. */
    bool first = true;
    enum proto_state agreed = ST_UNSUPPORTED;
    for (int t = 0; t < TARGET_COUNT; t++) {
        enum os_default def = target_info((enum target)t)->schannel[proto][role];
        if (def == OSD_UNSUPPORTED)
            continue;
        enum proto_state s = state_on(def, has_enabled, enabled, has_dbd, dbd);
        if (first) {
            agreed = s;
            first = false;
        } else if (s != agreed) {
            out->state = ST_UNKNOWN;
            out->needs_target = true;
            return;
        }
    }
    out->state = agreed;
}

const char *proto_state_name(enum proto_state s)
{
    switch (s) {
    case ST_UNKNOWN:
        return "unknown";
    case ST_ENABLED:
        return "enabled";
    case ST_DISABLED_BY_DEFAULT:
        return "disabled by default";
    case ST_DISABLED:
        return "disabled";
    case ST_UNSUPPORTED:
        return "not supported";
    }
    return "?";
}
