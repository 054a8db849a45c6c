#include "posture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump.h"
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

/* ------------------------------------------------------- posture table */

static const struct {
    const char *name;
    const char *id;
} component_table[COMP_COUNT] = {
    [COMP_SCHANNEL_CLIENT] = {"Schannel client", "schannel-client"},
    [COMP_SCHANNEL_SERVER] = {"Schannel server", "schannel-server"},
    [COMP_WINHTTP] = {"WinHTTP", "winhttp"},
    [COMP_WININET_USER] = {"WinINet user", "wininet-user"},
    [COMP_WININET_MACHINE] = {"WinINet machine", "wininet-machine"},
    [COMP_NETFX35] = {".NET 3.5", "netfx3.5"},
    [COMP_NETFX4] = {".NET 4.x", "netfx4"},
};

const char *component_name(enum component c)
{
    return component_table[c].name;
}

const char *component_id(enum component c)
{
    return component_table[c].id;
}

bool posture_table_row(enum protocol proto)
{
    return protocol_info(proto)->documented;
}

static const char NOTE_UPDATED[] =
    "off since the updates of 2022-09-20 (KB5017811), on before them";
static const char NOTE_VERSION_AND_UPDATES[] =
    "depends on the version and its updates: off on 20H2 to 21H2 and LTSC 2019 since the updates of 2022-09-20 (KB5017811)";
static const char NOTE_WINHTTP_DEFAULT[] =
    "DefaultSecureProtocols is absent and Microsoft does not document this target's default";
static const char NOTE_TARGETS_DIFFER[] = "the default differs between targets (give --target)";
static const char NOTE_NOT_DWORD[] = "not a REG_DWORD: what Windows makes of it is unknown";
static const char NOTE_NOT_BOOLEAN[] = "neither 0 nor 1: undocumented";
static const char NOTE_NO_SUCH_PROTOCOL[] = "the component has no such protocol";
static const char NOTE_SCHANNEL[] = "Schannel's client setting overrides it";
static const char NOTE_WINHTTP_UPDATE[] = "read only once the KB3140245 update is installed";
static const char NOTE_WININET_DEFAULT[] =
    "SecureProtocols is absent and Microsoft does not document this target's default";
static const char NOTE_NETFX_SYSTEM[] = "SystemDefaultTlsVersions: Schannel's client setting decides";
static const char NOTE_NETFX_STRONG[] = "SchUseStrongCrypto: TLS 1.0 to 1.2";
static const char NOTE_NETFX_LEGACY[] = "without SchUseStrongCrypto: SSL 3.0 and TLS 1.0";
static const char NOTE_NETFX35_TLS13[] = ".NET 3.5 goes no further than TLS 1.2";
static const char NOTE_NETFX_ANY_APP[] = "whatever .NET version the application targets";
static const char NOTE_NETFX_APP[] = "depends on the .NET version the application targets";

/* The settings a layer is read for: which key of struct posture holds it,
 * where that key is below HKLM or HKCU (to see a deletion of it or of a key
 * above), and the value's name. */
struct setting_place {
    const struct model_key *(*key)(const struct posture *p, const void *arg);
    const void *arg;
    const char *path; /* of the key, from its root's full name (KEY_WINHTTP...) */
    const char *name;
};

/* The key deletions of each layer's file that regedit carries out
 * (statement indexes), found once per table. A deletion of a key the file
 * never opened leaves no trace in its model, yet erases what an earlier
 * file set there. */
struct layer_deletions {
    uint32_t *stmts;
    size_t n, cap;
};

static void find_deletions(const struct model *m, struct layer_deletions *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < m->stop_at; i++) {
        const struct reg_stmt *st = &m->file->stmts[i];
        if (st->kind == REG_STMT_KEY_DELETE && st->as.key.usable && !st->as.key.aborts) {
            out->stmts = xgrow(out->stmts, &out->cap, out->n + 1, sizeof *out->stmts);
            out->stmts[out->n++] = (uint32_t)i;
        }
    }
}

/* Whether a deletion in `m` takes the key at `path` (from its root's full
 * name): it names that key or one above it. */
static bool erased_in(const struct model *m, const struct layer_deletions *dels, const char *path)
{
    /* The root's name, then the names below it, each NUL-terminated, for
     * knowledge_name_equal(). */
    char names[192];
    snprintf(names, sizeof names, "%s", path);
    char *below = strchr(names, '\\');
    if (!below)
        return false;
    *below++ = '\0';
    int root = 0;
    while (root < REG_ROOT_COUNT && strcmp(reg_root_name((enum reg_root)root), names) != 0)
        root++;
    const char *name[16];
    uint32_t depth = 0;
    for (char *s = below; s && depth < sizeof name / sizeof name[0]; depth++) {
        name[depth] = s;
        s = strchr(s, '\\');
        if (s)
            *s++ = '\0';
    }
    for (size_t d = 0; d < dels->n; d++) {
        const struct reg_key_stmt *key = &m->file->stmts[dels->stmts[d]].as.key;
        if ((int)key->root != root || key->depth > depth)
            continue;
        struct reg_path_buf buf;
        const struct reg_path *del = reg_key_path(m->file, key, &buf);
        uint32_t i = 0;
        for (; i < del->depth; i++) {
            struct reg_name seg = reg_path_segment(del, i);
            /* ControlSet001 counts as CurrentControlSet, as in
             * posture_collect(). */
            bool same = knowledge_name_equal(seg.s, seg.len, name[i]) ||
                        (i == 1 && is_numbered_control_set(&seg) &&
                         strcmp(name[i], "CurrentControlSet") == 0);
            if (!same)
                break;
        }
        if (i == del->depth)
            return true;
    }
    return false;
}

/* The value the last layer to touch it left, or {NULL} when none sets it. */
struct table_ctx {
    const struct posture *layers;
    size_t n;
    struct layer_deletions *deletions; /* one per layer */
    enum view view;                    /* whose HKLM\SOFTWARE is read */
};

static struct layer_value layered_value(const struct table_ctx *t,
                                        const struct setting_place *place)
{
    const struct posture *layers = t->layers;
    size_t n = t->n;
    struct layer_value none = {NULL, 0};
    for (size_t i = n; i-- > 0;) {
        const struct posture *p = &layers[i];
        const struct model_key *key = place->key(p, place->arg);
        const struct model_value *v =
            key ? model_find_value(p->model, key, place->name, strlen(place->name)) : NULL;
        if (v)
            return v->exists ? (struct layer_value){v, i} : none;
        if (erased_in(p->model, &t->deletions[i], place->path))
            return none;
    }
    return none;
}

/* A layer value as a DWORD; false (with the cell made unknown) when it is of
 * another type. */
static bool layer_dword(const struct table_ctx *t, struct layer_value lv, uint32_t *out,
                        struct posture_cell *cell)
{
    if (model_value_dword(t->layers[lv.layer].model, lv.value, out))
        return true;
    cell->state = ST_UNKNOWN;
    cell->by = lv;
    cell->note = NOTE_NOT_DWORD;
    return false;
}

static const struct model_key *role_key_of(const struct posture *p, const void *arg)
{
    const int *pr = arg;
    return p->role[pr[0]][pr[1]];
}

static const struct model_key *winhttp_key_of(const struct posture *p, const void *arg)
{
    return p->winhttp[*(const enum view *)arg];
}

static const struct model_key *wininet_key_of(const struct posture *p, const void *arg)
{
    return p->wininet[*(const enum wininet_place *)arg];
}

struct netfx_place {
    enum netfx_version version;
    enum view view;
};

static const struct model_key *netfx_key_of(const struct posture *p, const void *arg)
{
    const struct netfx_place *at = arg;
    return p->netfx[at->version][at->view];
}


/* Schannel's state for a role on one target (domain.md §5: Enabled=0
 * disables; else DisabledByDefault decides; else the OS default). */
static void schannel_cell(const struct table_ctx *t, enum protocol proto, enum role role,
                          enum target target, struct posture_cell *cell)
{
    memset(cell, 0, sizeof *cell);
    cell->has_target = true;
    cell->target = target;
    enum os_default def = target_info(target)->schannel[proto][role];
    if (def == OSD_UNSUPPORTED) {
        cell->state = ST_UNSUPPORTED;
        cell->os_default = true;
        return;
    }
    char path[160];
    snprintf(path, sizeof path, "%s\\%s\\%s", KEY_SCHANNEL_PROTOCOLS, protocol_info(proto)->key,
             role_key(role));
    int pr[2] = {(int)proto, (int)role};
    struct setting_place enabled_at = {role_key_of, pr, path, "Enabled"};
    struct setting_place dbd_at = {role_key_of, pr, path, "DisabledByDefault"};
    struct layer_value enabled = layered_value(t, &enabled_at);
    struct layer_value dbd = layered_value(t, &dbd_at);
    uint32_t e = 1, d = 0;
    if (enabled.value && !layer_dword(t, enabled, &e, cell))
        return;
    if (dbd.value && !layer_dword(t, dbd, &d, cell))
        return;
    if (enabled.value && e == 0) {
        cell->state = ST_DISABLED;
        cell->by = enabled;
    } else if (dbd.value) {
        cell->state = d ? ST_DISABLED_BY_DEFAULT : ST_ENABLED;
        cell->by = dbd;
    } else {
        /* Enabled=1 alone leaves DisabledByDefault to Windows: the cell is
         * the default's, but the value the file sets is named as well. */
        cell->os_default = true;
        if (enabled.value)
            cell->by = enabled;
        cell->state = def == OSD_ENABLED ? ST_ENABLED : ST_DISABLED_BY_DEFAULT;
    }
}

/* A component that asks Schannel for the protocols it chose gets none that
 * Schannel's client side disables or lacks; one that Schannel disables only
 * by default is still given on request. */
static void through_schannel(const struct posture_cell *client, struct posture_cell *cell)
{
    /* A default nobody documents is settled all the same when Schannel
     * does not have or allow the protocol. */
    bool unknown_default = cell->state == ST_UNKNOWN && cell->os_default;
    if (unknown_default && (client->state == ST_UNSUPPORTED || client->state == ST_DISABLED)) {
        *cell = *client;
        if (client->state == ST_DISABLED && !client->note)
            cell->note = NOTE_SCHANNEL;
        return;
    }
    if (cell->state != ST_ENABLED)
        return;
    if (client->state == ST_UNSUPPORTED) {
        *cell = *client;
    } else if (client->state == ST_DISABLED || client->state == ST_UNKNOWN) {
        const char *note = client->note ? client->note : NOTE_SCHANNEL;
        *cell = *client;
        cell->note = note;
    }
}

/* Starts a cell of a component that speaks only the protocols with a
 * WinHTTP/WinINet bit (no DTLS); false when `proto` is not one of them. */
static bool cell_start(enum protocol proto, enum target target, struct posture_cell *cell)
{
    memset(cell, 0, sizeof *cell);
    cell->has_target = true;
    cell->target = target;
    if (protocol_info(proto)->bit)
        return true;
    cell->state = ST_UNSUPPORTED;
    cell->note = NOTE_NO_SUCH_PROTOCOL;
    return false;
}

/* A protocol bitmask component's own default (domain.md §3.2, §3.4): what
 * Microsoft documents for the target, and unknown where it does not. */
static void mask_default_cell(const struct mask_default *def, enum protocol proto,
                              const char *undocumented, struct posture_cell *cell)
{
    uint32_t bit = protocol_info(proto)->bit;
    cell->os_default = true;
    if (!(def->documented & bit)) {
        cell->state = ST_UNKNOWN;
        cell->note = (def->by_update & bit) ? NOTE_VERSION_AND_UPDATES : undocumented;
        return;
    }
    cell->state = (def->on & bit) ? ST_ENABLED : ST_DISABLED;
    if (def->by_update & bit)
        cell->note = NOTE_UPDATED;
}

/* A protocol bitmask setting (DefaultSecureProtocols, SecureProtocols). */
static void bitmask_cell(const struct table_ctx *t, struct layer_value mask, enum protocol proto,
                         struct posture_cell *cell)
{
    uint32_t bits;
    if (!layer_dword(t, mask, &bits, cell))
        return;
    cell->state = (bits & protocol_info(proto)->bit) ? ST_ENABLED : ST_DISABLED;
    cell->by = mask;
}

static void winhttp_cell(const struct table_ctx *t, enum protocol proto, enum target target,
                         const struct posture_cell *client, struct posture_cell *cell)
{
    if (!cell_start(proto, target, cell))
        return;
    struct setting_place at = {winhttp_key_of, &t->view,
                               t->view == VIEW_WOW64 ? KEY_WINHTTP_WOW64 : KEY_WINHTTP,
                               "DefaultSecureProtocols"};
    struct layer_value mask = layered_value(t, &at);
    if (mask.value) {
        bitmask_cell(t, mask, proto, cell);
        if (target_info(target)->winhttp_needs_update)
            cell->note = NOTE_WINHTTP_UPDATE;
    } else {
        mask_default_cell(&target_info(target)->winhttp, proto, NOTE_WINHTTP_DEFAULT, cell);
    }
    through_schannel(client, cell);
}

static void wininet_cell(const struct table_ctx *t, enum protocol proto, bool user,
                         enum target target, const struct posture_cell *client,
                         struct posture_cell *cell)
{
    if (!cell_start(proto, target, cell))
        return;
    /* Policies and HKEY_CURRENT_USER are shared by both views; the
     * machine's own key is not. */
    bool wow64 = t->view == VIEW_WOW64;
    enum wininet_place machine = wow64 ? INET_MACHINE_WOW64 : INET_MACHINE;
    const enum wininet_place places[] = {INET_POLICY_MACHINE, INET_POLICY_USER, INET_USER, machine};
    const char *const paths[] = {KEY_WININET_POLICY_MACHINE, KEY_WININET_POLICY_USER,
                                 KEY_WININET_USER,
                                 wow64 ? KEY_WININET_MACHINE_WOW64 : KEY_WININET_MACHINE};
    /* The machine's policy wins over the user's, which wins over the
     * preference the Internet Options dialog writes. */
    for (size_t i = 0; i < sizeof places / sizeof places[0]; i++) {
        bool for_user = places[i] == INET_POLICY_USER || places[i] == INET_USER;
        if (for_user && !user)
            continue;
        if (places[i] == machine && user)
            continue;
        struct setting_place at = {wininet_key_of, &places[i], paths[i], "SecureProtocols"};
        struct layer_value mask = layered_value(t, &at);
        if (mask.value) {
            bitmask_cell(t, mask, proto, cell);
            through_schannel(client, cell);
            return;
        }
    }
    mask_default_cell(&target_info(target)->wininet, proto, NOTE_WININET_DEFAULT, cell);
    through_schannel(client, cell);
}

/* .NET on one target for an application whose framework defaults
 * SystemDefaultTlsVersions and SchUseStrongCrypto to these (domain.md §1.7,
 * §3.3). */
static void netfx_app_cell(enum protocol proto, bool system_default,
                           bool strong, struct layer_value sdtv, uint32_t sdtv_value,
                           struct layer_value strong_crypto, uint32_t strong_value,
                           const struct posture_cell *client, struct posture_cell *cell)
{
    if (sdtv.value)
        system_default = sdtv_value == 1;
    if (strong_crypto.value)
        strong = strong_value == 1;
    if (system_default) {
        *cell = *client;
        if (client->state != ST_UNSUPPORTED && !client->note)
            cell->note = NOTE_NETFX_SYSTEM;
        return;
    }
    bool on = strong ? proto == PROTO_TLS_1_0 || proto == PROTO_TLS_1_1 || proto == PROTO_TLS_1_2
                     : proto == PROTO_SSL_3_0 || proto == PROTO_TLS_1_0;
    cell->state = on ? ST_ENABLED : ST_DISABLED;
    cell->by = strong_crypto.value ? strong_crypto : sdtv;
    cell->os_default = !cell->by.value;
    cell->note = strong ? NOTE_NETFX_STRONG : NOTE_NETFX_LEGACY;
    through_schannel(client, cell);
}

static void netfx_cell(const struct table_ctx *t, enum protocol proto, enum netfx_version version,
                       enum target target, const struct posture_cell *client,
                       struct posture_cell *cell)
{
    if (!cell_start(proto, target, cell))
        return;
    if (version == NETFX_V2 && proto == PROTO_TLS_1_3) {
        /* .NET 3.5 stops at TLS 1.2 even where Windows has 1.3 (§3.3). */
        cell->state = ST_UNSUPPORTED;
        cell->note = NOTE_NETFX35_TLS13;
        return;
    }
    static const char *const paths[NETFX_COUNT][VIEW_COUNT] = {
        [NETFX_V2] = {KEY_NETFX_V2, KEY_NETFX_V2_WOW64},
        [NETFX_V4] = {KEY_NETFX_V4, KEY_NETFX_V4_WOW64}};
    const char *path = paths[version][t->view];
    struct netfx_place place = {version, t->view};
    struct setting_place sdtv_at = {netfx_key_of, &place, path, "SystemDefaultTlsVersions"};
    struct setting_place strong_at = {netfx_key_of, &place, path, "SchUseStrongCrypto"};
    struct layer_value sdtv = layered_value(t, &sdtv_at);
    struct layer_value strong = layered_value(t, &strong_at);
    uint32_t sdtv_value = 0, strong_value = 0;
    if (sdtv.value && !layer_dword(t, sdtv, &sdtv_value, cell))
        return;
    if (strong.value && !layer_dword(t, strong, &strong_value, cell))
        return;
    bool odd_sdtv = sdtv.value && sdtv_value > 1;
    if (odd_sdtv || (strong.value && strong_value > 1)) {
        cell->state = ST_UNKNOWN;
        cell->by = odd_sdtv ? sdtv : strong;
        cell->note = NOTE_NOT_BOOLEAN;
        return;
    }
    /* What an application gets when neither value is set depends on the
     * framework it targets: 3.5; 4.5.2 or earlier; 4.6 to 4.6.2; 4.7+. */
    static const bool v2_defaults[][2] = {{false, false}};
    static const bool v4_defaults[][2] = {{false, false}, {false, true}, {true, true}};
    const bool(*defaults)[2] = version == NETFX_V2 ? v2_defaults : v4_defaults;
    size_t ndefaults = version == NETFX_V2 ? 1 : 3;
    for (size_t i = 0; i < ndefaults; i++) {
        struct posture_cell app = *cell;
        netfx_app_cell(proto, defaults[i][0], defaults[i][1], sdtv, sdtv_value, strong,
                       strong_value, client, &app);
        if (i == 0) {
            *cell = app;
        } else if (cell->state != app.state) {
            cell->state = ST_UNKNOWN;
            cell->os_default = true;
            cell->by = (struct layer_value){NULL, 0};
            cell->note = NOTE_NETFX_APP;
            return;
        } else if (cell->by.value != app.by.value || cell->note != app.note) {
            /* The same state for different reasons. */
            cell->os_default = cell->os_default && app.os_default;
            cell->by = (struct layer_value){NULL, 0};
            cell->note = NOTE_NETFX_ANY_APP;
        }
    }
}

static void table_on(const struct table_ctx *t, enum protocol proto, enum target target,
                     struct posture_cell cells[COMP_COUNT])
{
    schannel_cell(t, proto, ROLE_CLIENT, target, &cells[COMP_SCHANNEL_CLIENT]);
    schannel_cell(t, proto, ROLE_SERVER, target, &cells[COMP_SCHANNEL_SERVER]);
    const struct posture_cell *client = &cells[COMP_SCHANNEL_CLIENT];
    winhttp_cell(t, proto, target, client, &cells[COMP_WINHTTP]);
    wininet_cell(t, proto, true, target, client, &cells[COMP_WININET_USER]);
    wininet_cell(t, proto, false, target, client, &cells[COMP_WININET_MACHINE]);
    netfx_cell(t, proto, NETFX_V2, target, client, &cells[COMP_NETFX35]);
    netfx_cell(t, proto, NETFX_V4, target, client, &cells[COMP_NETFX4]);
}

bool posture_cell_same(const struct posture_cell *a, const struct posture_cell *b)
{
    return a->state == b->state && a->os_default == b->os_default;
}

/* Whether two cells say the same for the same reason. */
static bool cell_agrees(const struct posture_cell *a, const struct posture_cell *b)
{
    return posture_cell_same(a, b) && a->by.value == b->by.value &&
           (a->note == b->note || a->state != ST_UNKNOWN);
}

void posture_table(const struct posture *layers, size_t nlayers, const enum target *target,
                   enum view view, struct posture_table *out)
{
    memset(out, 0, sizeof *out);
    struct table_ctx t = {layers, nlayers, xcalloc(nlayers ? nlayers : 1, sizeof *t.deletions),
                          view};
    for (size_t i = 0; i < nlayers; i++)
        find_deletions(layers[i].model, &t.deletions[i]);
    for (int p = 0; p < PROTO_COUNT; p++) {
        enum protocol proto = (enum protocol)p;
        if (!posture_table_row(proto))
            continue;
        struct posture_cell *row = out->cell[p];
        if (target) {
            table_on(&t, proto, *target, row);
            continue;
        }
        /* No target: what every target that has the protocol agrees on. */
        bool seen[COMP_COUNT] = {false};
        for (int tg = 0; tg < TARGET_COUNT; tg++) {
            struct posture_cell cells[COMP_COUNT];
            table_on(&t, proto, (enum target)tg, cells);
            for (int c = 0; c < COMP_COUNT; c++) {
                cells[c].has_target = false;
                if (cells[c].state == ST_UNSUPPORTED && cells[c].os_default &&
                    !cells[c].note && (seen[c] || tg + 1 < TARGET_COUNT))
                    continue;
                if (!seen[c]) {
                    row[c] = cells[c];
                    seen[c] = true;
                } else if (cell_agrees(&row[c], &cells[c])) {
                    /* A remark that holds on some targets only (the
                     * KB3140245 update) is not the table's to make. */
                    if (row[c].note != cells[c].note)
                        row[c].note = NULL;
                } else if (row[c].note != NOTE_TARGETS_DIFFER) {
                    row[c].state = ST_UNKNOWN;
                    row[c].os_default = true;
                    row[c].by = (struct layer_value){NULL, 0};
                    row[c].note = NOTE_TARGETS_DIFFER;
                }
            }
        }
    }
    for (size_t i = 0; i < nlayers; i++)
        free(t.deletions[i].stmts);
    free(t.deletions);
}

const char *posture_cell_label(const struct posture_cell *cell)
{
    if (!cell->os_default || cell->state == ST_UNKNOWN || cell->state == ST_UNSUPPORTED)
        return proto_state_name(cell->state);
    switch (cell->state) {
    case ST_ENABLED:
        return "default: enabled";
    case ST_DISABLED_BY_DEFAULT:
        return "default: disabled by default";
    default:
        return "default: disabled";
    }
}

void posture_value_text(const struct model *m, const struct model_value *v, struct buf *out)
{
    struct reg_name name = model_value_name(m, v);
    buf_append(out, name.len ? name.s : "@", name.len ? name.len : 1);
    uint32_t dword;
    if (model_value_dword(m, v, &dword)) {
        buf_printf(out, dword < 10 ? "=%u" : "=0x%X", (unsigned)dword);
    } else {
        char scratch[16];
        buf_printf(out, " (%s)", dump_type_name(model_value_type(m, v), scratch));
    }
}

void posture_value_place(const struct model *m, const struct model_value *v, struct buf *out)
{
    struct source *src = m->file->src;
    uint32_t at = model_value_stmt(m, v)->name_at.start;
    if (src->format) {
        source_describe(src, at, out);
        return;
    }
    buf_printf(out, "%s:%u", src->name, (unsigned)source_shown_line(src, at));
}

void posture_cell_describe(const struct posture_cell *cell, const struct posture *layers,
                           struct buf *out)
{
    size_t start = out->len;
    if (cell->by.value) {
        const struct model *m = layers[cell->by.layer].model;
        posture_value_text(m, cell->by.value, out);
        buf_puts(out, " at ");
        posture_value_place(m, cell->by.value, out);
        if (cell->os_default && !cell->note) {
            if (cell->has_target)
                buf_printf(out, "; DisabledByDefault: default of %s", target_info(cell->target)->display);
            else
                buf_puts(out, "; DisabledByDefault: default of every target that has it");
        }
    } else if (cell->os_default && cell->state == ST_UNSUPPORTED && !cell->note) {
        if (cell->has_target)
            buf_printf(out, "%s has no such protocol", target_info(cell->target)->display);
        else
            buf_puts(out, "no target has it");
    } else if (cell->os_default && (!cell->note || cell->note == NOTE_UPDATED)) {
        /* Other notes say which default applied (a framework's, say). */
        if (cell->has_target)
            buf_printf(out, "default of %s", target_info(cell->target)->display);
        else
            buf_puts(out, "default of every target that has it");
    }
    if (cell->note)
        buf_printf(out, "%s%s", out->len > start ? "; " : "", cell->note);
}
