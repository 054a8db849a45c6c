/* The catalogue's questions and the effective order; the tables are
 * generated from data/suites.txt (build/gen/suites_data.c). */
#include "suites.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "orderdiff.h"
#include "suggest.h"
#include "text.h"
#include "xalloc.h"

/* Defined in the generated build/gen/suites_data.c. */
extern const struct suite_info suites_data_suites[];
extern const size_t suites_data_nsuites;
extern const struct curve_info suites_data_curves[];
extern const size_t suites_data_ncurves;
extern const struct target_catalogue suites_data_targets[TARGET_COUNT];

/* ------------------------------------------------------------ the parts */

bool suite_is_cbc(const struct suite_info *s)
{
    return s->mode == SUITE_MODE_CBC;
}

bool suite_is_aead(const struct suite_info *s)
{
    return s->mode == SUITE_MODE_GCM || s->mode == SUITE_MODE_POLY1305;
}

bool suite_forward_secret(const struct suite_info *s)
{
    return s->kex == SUITE_KEX_TLS13 || s->kex == SUITE_KEX_DHE || s->kex == SUITE_KEX_ECDHE;
}

bool suite_applies_to(const struct suite_info *s, enum protocol p)
{
    return (s->protocols & (1u << p)) != 0;
}

bool suite_tls13_only(const struct suite_info *s)
{
    return s->protocols == 1u << PROTO_TLS_1_3;
}

const char *suite_info_weakness(const struct suite_info *s)
{
    if (s->cipher == SUITE_CIPHER_NULL)
        return "NULL";
    if (s->export)
        return "EXPORT";
    switch (s->cipher) {
    case SUITE_CIPHER_RC4_128:
    case SUITE_CIPHER_RC4_56:
    case SUITE_CIPHER_RC4_40:
        return "RC4";
    case SUITE_CIPHER_DES:
        return "DES";
    case SUITE_CIPHER_3DES:
        return "3DES";
    default:
        break;
    }
    return s->mac == SUITE_HASH_MD5 ? "MD5" : NULL;
}

const char *suite_algorithm_key(const struct suite_info *s, enum algorithm_kind kind)
{
    static const char *const cipher_keys[] = {
        [SUITE_CIPHER_AES_128] = "AES 128/128", [SUITE_CIPHER_AES_256] = "AES 256/256",
        [SUITE_CIPHER_CHACHA20] = NULL,         [SUITE_CIPHER_3DES] = "Triple DES 168",
        [SUITE_CIPHER_DES] = "DES 56/56",       [SUITE_CIPHER_RC4_128] = "RC4 128/128",
        [SUITE_CIPHER_RC4_56] = "RC4 56/128",   [SUITE_CIPHER_RC4_40] = "RC4 40/128",
        [SUITE_CIPHER_NULL] = "NULL",
    };
    static const char *const hash_keys[] = {
        [SUITE_HASH_NONE] = NULL,        [SUITE_HASH_MD5] = "MD5",       [SUITE_HASH_SHA1] = "SHA",
        [SUITE_HASH_SHA256] = "SHA256", [SUITE_HASH_SHA384] = "SHA384",
    };
    static const char *const kex_keys[] = {
        [SUITE_KEX_TLS13] = NULL, [SUITE_KEX_RSA] = "PKCS", [SUITE_KEX_DHE] = "Diffie-Hellman",
        [SUITE_KEX_ECDHE] = "ECDH", [SUITE_KEX_PSK] = NULL,
    };
    switch (kind) {
    case ALG_CIPHER:
        return cipher_keys[s->cipher];
    case ALG_HASH:
        return hash_keys[s->mac];
    case ALG_KEY_EXCHANGE:
        break;
    }
    return kex_keys[s->kex];
}

/* --------------------------------------------------------- the catalogue */

const struct suite_info *suites_all(size_t *count)
{
    *count = suites_data_nsuites;
    return suites_data_suites;
}

const struct curve_info *curves_all(size_t *count)
{
    *count = suites_data_ncurves;
    return suites_data_curves;
}

static const char *suite_name_at(size_t i)
{
    return suites_data_suites[i].name;
}

static const char *curve_name_at(size_t i)
{
    return suites_data_curves[i].name;
}

/* The index of the name among n (any case), or n. */
static size_t index_of(const char *name, size_t len, const char *(*name_at)(size_t), size_t n)
{
    size_t i = 0;
    while (i < n && !knowledge_name_equal(name, len, name_at(i)))
        i++;
    return i;
}

static const char *closest(const char *name, size_t len, const char *(*name_at)(size_t), size_t n)
{
    const char **names = xcalloc(n, sizeof *names);
    for (size_t i = 0; i < n; i++)
        names[i] = name_at(i);
    const char *best = suggest_closest(name, len, names, n);
    free(names);
    return best;
}

const struct suite_info *suite_lookup(const char *name, size_t len)
{
    size_t i = index_of(name, len, suite_name_at, suites_data_nsuites);
    return i < suites_data_nsuites ? &suites_data_suites[i] : NULL;
}

const struct curve_info *curve_lookup(const char *name, size_t len)
{
    size_t i = index_of(name, len, curve_name_at, suites_data_ncurves);
    return i < suites_data_ncurves ? &suites_data_curves[i] : NULL;
}

const char *suite_suggest(const char *name, size_t len)
{
    return closest(name, len, suite_name_at, suites_data_nsuites);
}

const char *curve_suggest(const char *name, size_t len)
{
    return closest(name, len, curve_name_at, suites_data_ncurves);
}

const struct target_catalogue *target_catalogue(enum target t)
{
    return &suites_data_targets[t];
}

const struct catalogue_entry *target_suite(enum target t, const struct suite_info *s)
{
    const struct target_catalogue *tc = &suites_data_targets[t];
    for (size_t i = 0; i < tc->nsuites; i++)
        if (tc->suites[i].suite == s)
            return &tc->suites[i];
    return NULL;
}

const struct catalogue_entry *target_curve(enum target t, const struct curve_info *c)
{
    const struct target_catalogue *tc = &suites_data_targets[t];
    for (size_t i = 0; i < tc->ncurves; i++)
        if (tc->curves[i].curve == c)
            return &tc->curves[i];
    return NULL;
}

/* ------------------------------------------------------ effective order */

const char *order_source_name(enum order_source s)
{
    switch (s) {
    case ORDER_POLICY:
        return "policy";
    case ORDER_LOCAL:
        return "local";
    case ORDER_DEFAULT:
        return "default";
    case ORDER_UNKNOWN:
        break;
    }
    return "unknown";
}

const char *entry_fate_name(enum entry_fate f)
{
    switch (f) {
    case FATE_USED:
        return "used";
    case FATE_UNKNOWN_NAME:
        return "unknown name";
    case FATE_UNSUPPORTED:
        return "not on this Windows version";
    case FATE_DUPLICATE:
        return "duplicate";
    case FATE_DISABLED:
        break;
    }
    return "disabled";
}

static const struct model_key *policy_key(const struct posture *p, const void *arg)
{
    (void)arg;
    return p->suite_policy;
}

static const struct model_key *local_key(const struct posture *p, const void *arg)
{
    (void)arg;
    return p->suite_local;
}

static const char *const group_names[] = {
    [ALG_CIPHER] = "Ciphers",
    [ALG_HASH] = "Hashes",
    [ALG_KEY_EXCHANGE] = "KeyExchangeAlgorithms",
};

/* SCHANNEL\<group>\<name>, for an {enum algorithm_kind, name} pair. */
struct algorithm_place {
    enum algorithm_kind kind;
    const char *name;
};

static const struct model_key *existing_child(const struct model *m, const struct model_key *k,
                                              const char *name)
{
    const struct model_key *c = k ? model_child(m, k, name, strlen(name)) : NULL;
    return c && c->exists ? c : NULL;
}

static const struct model_key *algorithm_key(const struct posture *p, const void *arg)
{
    const struct algorithm_place *place = arg;
    return existing_child(p->model, existing_child(p->model, p->schannel, group_names[place->kind]),
                          place->name);
}

struct effective_ctx {
    const struct posture *layers;
    size_t n;
    const enum target *target;
    struct arena *arena;
    /* The Enabled=0 values found so far, by key: at most one per algorithm. */
    struct algorithm_state {
        enum algorithm_kind kind;
        const char *name;
        struct layer_value disabled; /* NULL value: not disabled */
    } *algs;
    size_t nalgs, cap;
};

/* The value that disables SCHANNEL\<group>\<name>, or {NULL}. */
static struct layer_value disabling_value(struct effective_ctx *e, enum algorithm_kind kind,
                                          const char *name)
{
    for (size_t i = 0; i < e->nalgs; i++)
        if (e->algs[i].kind == kind && strcmp(e->algs[i].name, name) == 0)
            return e->algs[i].disabled;
    struct algorithm_place place = {kind, name};
    char path[256];
    snprintf(path, sizeof path, "%s\\%s\\%s", KEY_SCHANNEL, group_names[kind], name);
    struct layer_value lv = posture_layered(e->layers, e->n, algorithm_key, &place, path, "Enabled");
    uint32_t enabled;
    if (!lv.value || !model_value_dword(e->layers[lv.layer].model, lv.value, &enabled) || enabled != 0)
        lv = (struct layer_value){NULL, 0};
    e->algs = xgrow(e->algs, &e->cap, e->nalgs + 1, sizeof *e->algs);
    e->algs[e->nalgs++] = (struct algorithm_state){kind, name, lv};
    return lv;
}

/* The value's strings as UTF-8: a REG_SZ split at commas (each name trimmed
 * of blanks), a REG_MULTI_SZ's strings up to the first empty one. */
static void split_value(struct effective_ctx *e, struct layer_value lv, bool multi,
                        struct effective_order *out)
{
    const struct model *m = e->layers[lv.layer].model;
    struct buf raw = BUF_INIT, text = BUF_INIT;
    model_value_data(m, lv.value, &raw);
    text_from_utf16le((const unsigned char *)raw.data, raw.len & ~(size_t)1, &text);
    buf_free(&raw);
    const char *s = text.data ? text.data : "";
    size_t len = text.len;
    if (!multi) {
        const char *nul = memchr(s, '\0', len);
        if (nul)
            len = (size_t)(nul - s);
    }
    size_t cap = 0, i = 0, start = 0, end = 0;
    for (;;) {
        if (multi) {
            start = i;
            end = i;
            while (end < len && s[end] != '\0')
                end++;
            if (end == start)
                break;
            i = end + 1;
        } else if (!order_next_comma_name(s, len, &i, &start, &end)) {
            break;
        }
        out->entries = arena_grow_array(e->arena, out->entries, out->n, &cap, sizeof *out->entries);
        struct order_entry *entry = &out->entries[out->n++];
        memset(entry, 0, sizeof *entry);
        entry->name = arena_strndup(e->arena, s + start, end - start);
        entry->at = (uint32_t)start;
        entry->len = (uint32_t)(end - start);
    }
    buf_free(&text);
}

/* The deciding value: the policy one, else the local one. */
static void pick_value(struct effective_ctx *e, const char *name, uint32_t policy_type,
                       struct effective_order *out)
{
    struct layer_value policy =
        posture_layered(e->layers, e->n, policy_key, NULL, KEY_SUITE_POLICY, name);
    struct layer_value local =
        posture_layered(e->layers, e->n, local_key, NULL, KEY_SUITE_LOCAL, name);
    struct layer_value lv = policy.value ? policy : local;
    if (!lv.value) {
        out->source = ORDER_DEFAULT;
        return;
    }
    out->value = lv;
    uint32_t want = policy.value ? policy_type : REG_TYPE_MULTI_SZ;
    if (model_value_type(e->layers[lv.layer].model, lv.value) != want) {
        out->source = ORDER_UNKNOWN;
        return;
    }
    out->source = policy.value ? ORDER_POLICY : ORDER_LOCAL;
    split_value(e, lv, want == REG_TYPE_MULTI_SZ, out);
}

static void default_entries(struct effective_ctx *e, const struct catalogue_entry *list, size_t n,
                            struct effective_order *out)
{
    size_t used = 0;
    for (size_t i = 0; i < n; i++)
        used += list[i].state == CAT_ENABLED;
    out->entries = arena_alloc(e->arena, (used ? used : 1) * sizeof *out->entries);
    for (size_t i = 0; i < n; i++) {
        if (list[i].state != CAT_ENABLED)
            continue;
        struct order_entry *entry = &out->entries[out->n++];
        entry->suite = list[i].suite;
        entry->curve = list[i].curve;
        entry->name = list[i].suite ? list[i].suite->name : list[i].curve->name;
        entry->on_request = list[i].on_request;
    }
}

/* Unknown names, names the target lacks, and repeats. */
static void judge_names(const struct effective_ctx *e, bool curves, struct effective_order *o)
{
    for (size_t i = 0; i < o->n; i++) {
        struct order_entry *entry = &o->entries[i];
        size_t len = strlen(entry->name);
        if (curves)
            entry->curve = curve_lookup(entry->name, len);
        else
            entry->suite = suite_lookup(entry->name, len);
        if (!entry->curve && !entry->suite) {
            entry->fate = FATE_UNKNOWN_NAME;
            continue;
        }
        for (size_t j = 0; j < i; j++)
            if (o->entries[j].fate != FATE_UNKNOWN_NAME && o->entries[j].suite == entry->suite &&
                o->entries[j].curve == entry->curve) {
                entry->fate = FATE_DUPLICATE;
                break;
            }
        if (entry->fate != FATE_USED || !e->target)
            continue;
        if (curves ? !target_curve(*e->target, entry->curve)
                   : !target_suite(*e->target, entry->suite))
            entry->fate = FATE_UNSUPPORTED;
    }
}

static void apply_schannel_keys(struct effective_ctx *e, struct effective_order *o)
{
    static const enum algorithm_kind kinds[] = {ALG_CIPHER, ALG_HASH, ALG_KEY_EXCHANGE};
    for (size_t i = 0; i < o->n; i++) {
        struct order_entry *entry = &o->entries[i];
        if (entry->fate != FATE_USED || !entry->suite)
            continue;
        for (size_t k = 0; k < 3; k++) {
            const char *key = suite_algorithm_key(entry->suite, kinds[k]);
            if (!key)
                continue;
            struct layer_value lv = disabling_value(e, kinds[k], key);
            if (lv.value) {
                entry->fate = FATE_DISABLED;
                entry->disabled_by = lv;
                entry->disabled_key = arena_printf(e->arena, "%s\\%s", group_names[kinds[k]], key);
                break;
            }
        }
    }
}

void suites_effective(const struct posture *layers, size_t nlayers, const enum target *target,
                      struct arena *arena, struct effective_order *suites,
                      struct effective_order *curves)
{
    struct effective_ctx e = {layers, nlayers, target, arena, NULL, 0, 0};
    memset(suites, 0, sizeof *suites);
    memset(curves, 0, sizeof *curves);

    pick_value(&e, "Functions", REG_TYPE_SZ, suites);
    suites->target_reads = true;
    if (suites->source == ORDER_DEFAULT && target) {
        const struct target_catalogue *tc = target_catalogue(*target);
        default_entries(&e, tc->suites, tc->nsuites, suites);
    } else {
        judge_names(&e, false, suites);
    }
    apply_schannel_keys(&e, suites);

    curves->target_reads = !target || target_catalogue(*target)->curves_page != NULL;
    if (curves->target_reads) {
        pick_value(&e, "EccCurves", REG_TYPE_MULTI_SZ, curves);
        if (curves->source == ORDER_DEFAULT && target) {
            const struct target_catalogue *tc = target_catalogue(*target);
            default_entries(&e, tc->curves, tc->ncurves, curves);
        } else {
            judge_names(&e, true, curves);
        }
    } else {
        curves->source = ORDER_DEFAULT;
    }
    free(e.algs);
}
