/* Values 32-bit programs read from Wow6432Node (RL3004, RL3005), .NET
 * (RL3012, RL3015, RL4012), the cipher-suite and curve orders (RL2007, RL2008,
 * RL3016-RL3019, RL4005, RL4006, RL4010, RL4016, RL4017)
 * and Schannel's own switches: renegotiation, primitives, key lengths and
 * logging (RL4011, RL4013-RL4015). */
#include <stdint.h>
#include <string.h>

#include "lint_check.h"
#include "profile.h"
#include "suites.h"
#include "text.h"

/* ------------------------------------------------ RL3004, RL3005: mirrors */

/* RL3004: the value added to the twin key (lint_fix_values() places it),
 * unless the profile asks for another value there: then RL6001's fix
 * writes the profile's. */
static void add_mirror_fix(struct lint_ctx *c, struct diag *d, const struct model_value *v,
                           const char *twin)
{
    uint32_t value;
    if (!model_value_dword(c->m, v, &value))
        return;
    const char *name = lint_value_name(c, v);
    size_t name_len = strcmp(name, "@") == 0 ? 0 : strlen(name);
    unsigned char data[4] = {(unsigned char)value, (unsigned char)(value >> 8),
                             (unsigned char)(value >> 16), (unsigned char)(value >> 24)};
    if (!lint_profile_accepts(c, twin, name, REG_TYPE_DWORD, data, sizeof data)) {
        diag_help(c->diags, d, "no fix: the profile asks for another value in [%s]", twin);
        return;
    }
    struct gen_op op = {.name = name, .name_len = name_len, .kind = OP_DWORD,
                        .type = REG_TYPE_DWORD, .number = value};
    lint_fix_values(c, d, FIX_UNSAFE, twin, &op, 1,
                    arena_printf(c->diags->arena, "add the value to [%s]", twin));
}

/* RL3005: the twin takes the native value, written as the native one is. */
static void copy_native_fix(struct lint_ctx *c, struct diag *d, const struct model_value *native,
                            const struct model_value *twin)
{
    struct buf data = BUF_INIT;
    model_value_data(c->m, native, &data);
    bool accepted = lint_profile_accepts(c, model_key_path(c->m, twin->key), lint_value_name(c, twin),
                                         model_value_type(c->m, native), data.data, data.len);
    buf_free(&data);
    if (!accepted) {
        diag_help(c->diags, d, "no fix: the profile asks for another value in the Wow6432Node twin");
        return;
    }
    struct span from = lint_value_stmt(c, native)->data_at;
    const char *text = arena_strndup(c->diags->arena, c->src->d.text + from.start, from.end - from.start);
    struct fix *fix = diag_fix(c->diags, d, FIX_UNSAFE, "give the Wow6432Node twin the 64-bit value");
    diag_fix_edit(c->diags, fix, lint_value_stmt(c, twin)->data_at, text);
}

static void check_mirror(struct lint_ctx *c, const struct model_key *native, const struct model_key *wow,
                         const char *name)
{
    const struct model_value *a = posture_value(&c->posture, native, name);
    const struct model_value *b = posture_value(&c->posture, wow, name);
    if (!a && !b)
        return;
    if (!a || !b) {
        /* A 32-bit Windows has no Wow6432Node view to mirror. */
        bool x86 = c->o->policy && c->o->policy->arch == ARCH_X86;
        if (x86 || !lint_on(c, RULE_WOW64_MIRROR_MISSING))
            return;
        const struct model_value *have = a ? a : b;
        char twin[1024];
        const char *path = model_key_path(c->m, have->key);
        if (!wow64_twin(path, twin, sizeof twin))
            return;
        struct diag *d = lint_at_value(c, RULE_WOW64_MIRROR_MISSING, have, PART_NAME,
                                       "\"%s\" is set for %s programs only; %s programs read [%s]", name,
                                       a ? "64-bit" : "32-bit", a ? "32-bit" : "64-bit", twin);
        add_mirror_fix(c, d, have, twin);
        return;
    }
    struct buf x = BUF_INIT, y = BUF_INIT;
    model_value_data(c->m, a, &x);
    model_value_data(c->m, b, &y);
    bool same = model_value_type(c->m, a) == model_value_type(c->m, b) && x.len == y.len &&
                memcmp(x.data, y.data, x.len) == 0;
    buf_free(&x);
    buf_free(&y);
    uint32_t va, vb;
    if (!same && lint_on(c, RULE_WOW64_MIRROR_DIFFERS)) {
        const struct model_value *at = b->stmt > a->stmt ? b : a;
        struct diag *d;
        if (model_value_dword(c->m, a, &va) && model_value_dword(c->m, b, &vb))
            d = lint_at_value(c, RULE_WOW64_MIRROR_DIFFERS, at, PART_DATA,
                              "\"%s\" is 0x%x for 64-bit programs but 0x%x for 32-bit programs", name, va, vb);
        else
            d = lint_at_value(c, RULE_WOW64_MIRROR_DIFFERS, at, PART_DATA,
                              "\"%s\" differs between the 64-bit and the 32-bit (Wow6432Node) view", name);
        copy_native_fix(c, d, a, b);
    }
}

static void check_strong_crypto(struct lint_ctx *c, const struct model_key *key)
{
    uint32_t strong, system_default = 0;
    if (!posture_dword(&c->posture, key, "SchUseStrongCrypto", &strong) || strong != 1)
        return;
    bool has_system_default = posture_dword(&c->posture, key, "SystemDefaultTlsVersions", &system_default);
    /* An explicit 0 is RL4012's finding. */
    if (has_system_default && (system_default == 1 || system_default == 0))
        return;
    struct diag *d = lint_at_value(c, RULE_STRONG_CRYPTO_WITHOUT_SYSTEM_DEFAULT,
                                   posture_value(&c->posture, key, "SchUseStrongCrypto"), PART_NAME,
                                   "SchUseStrongCrypto=1 without SystemDefaultTlsVersions=1: .NET keeps its own protocol list instead of Windows'");
    diag_help(c->diags, d, "Microsoft's safest values set both to 1, in both registry views");
}

void lint_check_mirrors(struct lint_ctx *c)
{
    const struct posture *p = &c->posture;
    check_mirror(c, p->winhttp[VIEW_NATIVE], p->winhttp[VIEW_WOW64], "DefaultSecureProtocols");
    for (int v = 0; v < NETFX_COUNT; v++) {
        check_mirror(c, p->netfx[v][VIEW_NATIVE], p->netfx[v][VIEW_WOW64], "SchUseStrongCrypto");
        check_mirror(c, p->netfx[v][VIEW_NATIVE], p->netfx[v][VIEW_WOW64], "SystemDefaultTlsVersions");
        if (lint_on(c, RULE_STRONG_CRYPTO_WITHOUT_SYSTEM_DEFAULT))
            for (int view = 0; view < VIEW_COUNT; view++)
                check_strong_crypto(c, p->netfx[v][view]);
    }
}

/* ------------------------------------- suite and curve orders: RL2007 ... */

/* One list the file writes (the policy or the local Functions or
 * EccCurves), as Windows reads it, and where its names are in the text. */
struct listed {
    const struct effective_order *order;
    const struct model_value *v;
    bool exact; /* the data as written is the text stored (a plain "string") */
    bool curves;
    const char *where; /* "the policy suite order", ... */
};

/* The span of entry `e` in the file when the text is exact, else the data. */
static struct span entry_span(struct lint_ctx *c, const struct listed *l, const struct order_entry *e)
{
    struct span data = lint_value_stmt(c, l->v)->data_at;
    if (!l->exact)
        return data;
    uint32_t start = data.start + 1 + e->at;
    return (struct span){start, start + e->len};
}

static struct diag *at_entry(struct lint_ctx *c, enum rule_id rule, const struct listed *l,
                             const struct order_entry *e, const char *message)
{
    struct diag *d = lint_at_value(c, rule, l->v, PART_DATA, "%s", message);
    d->at = entry_span(c, l, e);
    return d;
}

/* A fix that removes entry `e` and one comma next to it (exact REG_SZ only). */
static void remove_entry_fix(struct lint_ctx *c, struct diag *d, const struct listed *l,
                             const struct order_entry *e, enum fix_applicability how)
{
    const struct reg_value_stmt *st = lint_value_stmt(c, l->v);
    if (!l->exact || l->curves || model_value_type(c->m, l->v) != REG_TYPE_SZ)
        return;
    const char *s = reg_value_text(c->file, st);
    uint32_t n = st->len, start = e->at, end = e->at + e->len;
    while (end < n && (s[end] == ' ' || s[end] == '\t'))
        end++;
    if (end < n && s[end] == ',') {
        end++;
    } else {
        /* The last name: the comma before it goes. */
        while (start > 0 && s[start - 1] != ',')
            start--;
        if (start > 0)
            start--;
    }
    struct span cut = {st->data_at.start + 1 + start, st->data_at.start + 1 + end};
    struct fix *fix = diag_fix(c->diags, d, how, "remove %s from the list", e->name);
    diag_fix_edit(c->diags, fix, cut, "");
}

static const char *kind_word(const struct listed *l)
{
    return l->curves ? "curve" : "cipher suite";
}

/* RL2007, RL2008 for one name; in a list whose names cannot be placed (hex
 * data), all the unknown names in one finding at the data. */
static void report_unknown(struct lint_ctx *c, const struct listed *l, const struct order_entry *e,
                           size_t unknown)
{
    enum rule_id rule = l->curves ? RULE_UNKNOWN_CURVE : RULE_UNKNOWN_CIPHER_SUITE;
    size_t len = strlen(e->name);
    const char *meant = l->curves ? curve_suggest(e->name, len) : suite_suggest(e->name, len);
    if (!l->exact) {
        if (unknown < 2)
            lint_at_value(c, rule, l->v, PART_DATA,
                          "\"%s\" in %s is no %s any Windows version knows: Windows skips it%s%s%s",
                          e->name, l->where, kind_word(l), meant ? "; did you mean \"" : "",
                          meant ? meant : "", meant ? "\"?" : "");
        else
            lint_at_value(c, rule, l->v, PART_DATA,
                          "%zu names in %s are no %s any Windows version knows, first \"%s\": Windows skips them",
                          unknown, l->where, kind_word(l), e->name);
        return;
    }
    struct diag *d = at_entry(c, rule, l, e,
                              arena_printf(c->diags->arena,
                                           "\"%s\" in %s is no %s any Windows version knows: Windows skips it%s%s%s",
                                           e->name, l->where, kind_word(l), meant ? "; did you mean \"" : "",
                                           meant ? meant : "", meant ? "\"?" : ""));
    if (meant) {
        struct fix *fix = diag_fix(c->diags, d, FIX_SAFE, "write \"%s\"", meant);
        diag_fix_edit(c->diags, fix, entry_span(c, l, e), meant);
    }
}

/* RL2007, RL2008, RL3016, RL3017. */
static void check_names(struct lint_ctx *c, const struct listed *l)
{
    size_t unknown = 0;
    const struct order_entry *first_unknown = NULL;
    for (size_t i = 0; i < l->order->n; i++) {
        const struct order_entry *e = &l->order->entries[i];
        if (e->fate == FATE_UNKNOWN_NAME) {
            if (unknown++ == 0)
                first_unknown = e;
            if (l->exact && lint_on(c, l->curves ? RULE_UNKNOWN_CURVE : RULE_UNKNOWN_CIPHER_SUITE))
                report_unknown(c, l, e, 1);
        } else if (e->fate == FATE_UNSUPPORTED && !l->curves && e->suite->curve &&
                   lint_on(c, RULE_LEGACY_SUITE_NAME)) {
            /* Names with a curve suffix are RL4010's, in one finding. */
            continue;
        } else if (e->fate == FATE_UNSUPPORTED && lint_on(c, RULE_SUITE_UNSUPPORTED_ON_TARGET)) {
            struct diag *d = at_entry(c, RULE_SUITE_UNSUPPORTED_ON_TARGET, l, e,
                                      arena_printf(c->diags->arena, "%s %s is not on %s: Windows skips it",
                                                   kind_word(l), e->name, target_info(*c->target)->display));
            if (!l->curves && e->suite->curve)
                diag_help(c->diags, d, "names with a curve suffix (_P256) are for Windows Server 2012 R2 and earlier; from Windows 10 the curve order is set by EccCurves");
            else if (!l->curves && suite_tls13_only(e->suite))
                diag_help(c->diags, d, "TLS 1.3 suites are on Windows 11 and Windows Server 2022 and later");
            remove_entry_fix(c, d, l, e, FIX_UNSAFE);
        } else if (e->fate == FATE_DUPLICATE && lint_on(c, RULE_DUPLICATE_SUITE)) {
            struct diag *d = at_entry(c, RULE_DUPLICATE_SUITE, l, e,
                                      arena_printf(c->diags->arena, "%s %s is listed twice in %s",
                                                   kind_word(l), e->name, l->where));
            diag_help(c->diags, d, "which of the two places Windows keeps Microsoft does not say; keep the one you mean");
            remove_entry_fix(c, d, l, e, FIX_UNSAFE);
        }
    }
    if (unknown && !l->exact && lint_on(c, l->curves ? RULE_UNKNOWN_CURVE : RULE_UNKNOWN_CIPHER_SUITE))
        report_unknown(c, l, first_unknown, unknown);
}

/* Whether the file's own values disable TLS 1.3 in every role the target
 * has it in (and in one role at least). */
static bool tls13_off(const struct lint_ctx *c)
{
    bool disabled = false;
    for (int r = 0; r < ROLE_COUNT; r++) {
        struct role_posture rp;
        posture_role(&c->posture, PROTO_TLS_1_3, (enum role)r, c->target, &rp);
        if (rp.by_file && rp.state == ST_DISABLED)
            disabled = true;
        else if (rp.state != ST_UNSUPPORTED)
            return false;
    }
    return disabled;
}

/* Whether TLS 1.3 is on in some role: on the target, or, without one, by
 * the file's own Enabled value. */
static bool tls13_on(const struct lint_ctx *c)
{
    for (int r = 0; r < ROLE_COUNT; r++) {
        struct role_posture rp;
        posture_role(&c->posture, PROTO_TLS_1_3, (enum role)r, c->target, &rp);
        /* Without a target, only a file that enables it says it is on. */
        if (rp.state == ST_ENABLED && (c->target || rp.enabled))
            return true;
    }
    return false;
}

/* RL3018. */
static void check_dead(struct lint_ctx *c, const struct listed *l)
{
    bool off = tls13_off(c), any13 = false, known = false;
    for (size_t i = 0; i < l->order->n; i++) {
        const struct order_entry *e = &l->order->entries[i];
        if (!e->suite || e->fate == FATE_DUPLICATE || e->fate == FATE_UNSUPPORTED)
            continue;
        known = true;
        if (e->fate == FATE_DISABLED) {
            uint32_t line = lint_stmt_line(c, e->disabled_by.value->stmt);
            struct diag *d = at_entry(c, RULE_DEAD_SUITE, l, e,
                                      arena_printf(c->diags->arena,
                                                   "%s is listed but %s is disabled (Enabled=0 on line %u): Schannel cannot use it",
                                                   e->name, e->disabled_key, line));
            diag_help(c->diags, d, "drop the suite from the list, or the Enabled=0 that disables its %s",
                      strchr(e->disabled_key, '\\') + 1);
            continue;
        }
        if (!suite_tls13_only(e->suite))
            continue;
        any13 = true;
        if (off) {
            struct diag *d = at_entry(c, RULE_DEAD_SUITE, l, e,
                                      arena_printf(c->diags->arena,
                                                   "%s is a TLS 1.3 suite, but this file disables TLS 1.3 for clients and servers",
                                                   e->name));
            diag_help(c->diags, d, "it is never negotiated; drop it or turn TLS 1.3 back on");
        }
    }
    if (!any13 && known && !l->curves && tls13_on(c)) {
        struct diag *d = lint_at_value(c, RULE_DEAD_SUITE, l->v, PART_DATA,
                                       "TLS 1.3 is enabled%s%s, but %s leaves no TLS 1.3 suite Schannel can use: no TLS 1.3 connection can be made",
                                       c->target ? " on " : "", c->target ? target_info(*c->target)->display : "",
                                       l->where);
        diag_help(c->diags, d, "put TLS_AES_256_GCM_SHA384 and TLS_AES_128_GCM_SHA256 first, as Windows' default order does");
    }
}

static bool strong_first_choice(const struct suite_info *s)
{
    return s->kex == SUITE_KEX_ECDHE && suite_is_aead(s);
}

/* RL3019, RL4016, RL4017, over the suites Windows uses. */
static void check_order(struct lint_ctx *c, const struct listed *l)
{
    size_t first_strong = SIZE_MAX, weaker = 0, cbc = 0, no_fs = 0;
    const struct order_entry *first_weaker = NULL, *first_cbc = NULL, *first_no_fs = NULL;
    for (size_t i = 0; i < l->order->n; i++) {
        const struct order_entry *e = &l->order->entries[i];
        if (!e->suite || e->fate != FATE_USED)
            continue;
        if (strong_first_choice(e->suite) && first_strong == SIZE_MAX)
            first_strong = i;
        bool is_cbc = suite_is_cbc(e->suite), fs = suite_forward_secret(e->suite);
        if (is_cbc && cbc++ == 0)
            first_cbc = e;
        if (!fs && e->suite->kex != SUITE_KEX_PSK && no_fs++ == 0)
            first_no_fs = e;
    }
    for (size_t i = 0; i < first_strong && i < l->order->n; i++) {
        const struct order_entry *e = &l->order->entries[i];
        if (!e->suite || e->fate != FATE_USED)
            continue;
        if ((suite_is_cbc(e->suite) || e->suite->kex == SUITE_KEX_RSA) && weaker++ == 0)
            first_weaker = e;
    }
    if (first_strong == SIZE_MAX)
        weaker = 0;
    if (weaker && lint_on(c, RULE_SUITE_ORDER_WEAKENS)) {
        const struct order_entry *strong = &l->order->entries[first_strong];
        struct diag *d = at_entry(c, RULE_SUITE_ORDER_WEAKENS, l, first_weaker,
                                  arena_printf(c->diags->arena,
                                               "%s (%s) comes before %s%s: as a server, Schannel gives a client that offers both the weaker one",
                                               first_weaker->name,
                                               first_weaker->suite->kex == SUITE_KEX_RSA ? "no forward secrecy" : "CBC",
                                               strong->name,
                                               weaker > 1 ? arena_printf(c->diags->arena, ", and so do %zu more such suites", weaker - 1) : ""));
        diag_help(c->diags, d, "list the ECDHE suites with GCM first, as Windows' default order does");
    }
    if (cbc && lint_on(c, RULE_CBC_SUITE)) {
        struct diag *d = at_entry(c, RULE_CBC_SUITE, l, first_cbc,
                                  arena_printf(c->diags->arena, "%zu CBC suite%s in %s, first %s",
                                               cbc, cbc > 1 ? "s" : "", l->where, first_cbc->name));
        diag_help(c->diags, d, "CBC suites with TLS's MAC-then-encrypt have a history of padding-oracle attacks; GCM suites do not");
    }
    if (no_fs && lint_on(c, RULE_NO_FORWARD_SECRECY_SUITE)) {
        struct diag *d = at_entry(c, RULE_NO_FORWARD_SECRECY_SUITE, l, first_no_fs,
                                  arena_printf(c->diags->arena,
                                               "%zu suite%s without forward secrecy (RSA key exchange) in %s, first %s",
                                               no_fs, no_fs > 1 ? "s" : "", l->where, first_no_fs->name));
        diag_help(c->diags, d, "whoever gets the server's private key later can decrypt recorded sessions; ECDHE and DHE suites do not allow it");
    }
}

/* RL4005 and RL4010 over the names of one suite list. */
static void check_weak_names(struct lint_ctx *c, const struct listed *l)
{
    size_t legacy = 0, nweak = 0;
    const struct order_entry *first_legacy = NULL;
    struct buf weak = BUF_INIT;
    for (size_t i = 0; i < l->order->n; i++) {
        const struct order_entry *e = &l->order->entries[i];
        if (!e->suite || e->fate == FATE_DUPLICATE)
            continue;
        const char *why = suite_info_weakness(e->suite);
        if (why && !l->exact && lint_on(c, RULE_WEAK_CIPHER_SUITE)) {
            /* Names in hex data cannot be underlined one by one. */
            buf_printf(&weak, "%s%s (%s)", nweak++ ? ", " : "", e->name, why);
        } else if (why && lint_on(c, RULE_WEAK_CIPHER_SUITE)) {
            struct diag *d = at_entry(c, RULE_WEAK_CIPHER_SUITE, l, e,
                                      arena_printf(c->diags->arena, "weak cipher suite %s (%s) in %s",
                                                   e->name, why, l->where));
            remove_entry_fix(c, d, l, e, FIX_UNSAFE);
        }
        if (e->suite->curve && legacy++ == 0)
            first_legacy = e;
    }
    if (nweak)
        lint_at_value(c, RULE_WEAK_CIPHER_SUITE, l->v, PART_DATA, "weak cipher suite%s %s in %s",
                      nweak > 1 ? "s" : "", weak.data, l->where);
    buf_free(&weak);
    if (legacy == 0 || !lint_on(c, RULE_LEGACY_SUITE_NAME))
        return;
    /* Up to Windows Server 2012 R2 the names are right (the catalogue has them). */
    if (c->target && target_suite(*c->target, first_legacy->suite))
        return;
    struct diag *d = at_entry(
        c, RULE_LEGACY_SUITE_NAME, l, first_legacy,
        arena_printf(c->diags->arena,
                     "%zu suite name%s with a curve suffix (_P256, _P384): Windows 10 and Server 2016 and later do not know them",
                     legacy, legacy > 1 ? "s" : ""));
    if (!c->target) {
        d->severity = SEV_INFO;
        diag_help(c->diags, d, "they are right up to Windows Server 2012 R2; pass --target to settle it");
    } else {
        diag_help(c->diags, d, "drop the suffix; the curve order is set by EccCurves");
    }
}

/* RL3016 for a curve order on a Windows version that reads none. */
static void check_curves_read(struct lint_ctx *c, const struct model_value *v)
{
    if (!v || !c->target || target_catalogue(*c->target)->curves_page ||
        !lint_on(c, RULE_SUITE_UNSUPPORTED_ON_TARGET))
        return;
    struct diag *d = lint_at_value(c, RULE_SUITE_UNSUPPORTED_ON_TARGET, v, PART_NAME,
                                   "%s has no curve order setting: Windows ignores EccCurves",
                                   target_info(*c->target)->display);
    diag_help(c->diags, d, "before Windows 10 a suite's curve is part of its name (TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256)");
}

/* RL4005 for SHA-1 and MD5 signature schemes in the local 00010003 list. */
static void check_signature_schemes(struct lint_ctx *c)
{
    if (!lint_on(c, RULE_WEAK_CIPHER_SUITE))
        return;
    /* Beside the local suite list (in whichever control set it is), or in
     * CurrentControlSet when the file has no local suite list. */
    const struct model_key *local = c->posture.suite_local;
    const struct model_key *key =
        local ? model_child(c->m, local->parent, "00010003", 8)
              : model_find_key(c->m, REG_ROOT_HKLM,
                               "SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL\\00010003");
    const struct model_value *v = posture_value(&c->posture, key, "Functions");
    if (!v || model_value_type(c->m, v) != REG_TYPE_MULTI_SZ)
        return;
    struct buf raw = BUF_INIT, text = BUF_INIT;
    model_value_data(c->m, v, &raw);
    text_from_utf16le((const unsigned char *)raw.data, raw.len & ~(size_t)1, &text);
    buf_free(&raw);
    struct buf weak = BUF_INIT;
    size_t nweak = 0;
    for (size_t i = 0; i < text.len;) {
        const char *s = text.data + i;
        const char *nul = memchr(s, '\0', text.len - i);
        size_t len = nul ? (size_t)(nul - s) : text.len - i;
        if (len == 0)
            break;
        const char *slash = memchr(s, '/', len);
        if (slash && (knowledge_name_equal(slash + 1, len - (size_t)(slash + 1 - s), "SHA1") ||
                      knowledge_name_equal(slash + 1, len - (size_t)(slash + 1 - s), "MD5"))) {
            buf_printf(&weak, "%s%.*s", nweak++ ? ", " : "", (int)len, s);
        }
        i += len + 1;
    }
    buf_free(&text);
    if (nweak) {
        struct diag *d = lint_at_value(c, RULE_WEAK_CIPHER_SUITE, v, PART_DATA,
                                       "weak signature scheme%s %s (SHA-1 or MD5) in the local signature list (SSL\\00010003)",
                                       nweak > 1 ? "s" : "", weak.data);
        diag_help(c->diags, d, "chosen-prefix collisions make SHA-1 (and MD5) signatures forgeable; list only SHA-256 and stronger schemes");
    }
    buf_free(&weak);
}

static void check_list(struct lint_ctx *c, const struct effective_order *order, bool curves, bool policy)
{
    if (order->source != (policy ? ORDER_POLICY : ORDER_LOCAL))
        return;
    const struct model_value *v = order->value.value;
    const struct reg_value_stmt *st = lint_value_stmt(c, v);
    bool exact = st->form == REG_FORM_STRING &&
                 st->data_at.end - st->data_at.start == st->len + 2 &&
                 memcmp(c->src->d.text + st->data_at.start + 1, reg_value_text(c->file, st), st->len) == 0;
    struct listed l = {order, v, exact, curves,
                       curves ? (policy ? "the policy curve order" : "the local curve order")
                              : (policy ? "the suite order" : "the local suite list")};
    check_names(c, &l);
    if (curves)
        return;
    check_weak_names(c, &l);
    if (lint_on(c, RULE_DEAD_SUITE))
        check_dead(c, &l);
    check_order(c, &l);
}

static void check_list_length(struct lint_ctx *c)
{
    const struct model_value *v = posture_value(&c->posture, c->posture.suite_policy, "Functions");
    if (!v || model_value_type(c->m, v) != REG_TYPE_SZ || !lint_on(c, RULE_CIPHER_SUITE_LIST_TOO_LONG))
        return;
    const struct reg_value_stmt *st = lint_value_stmt(c, v);
    if (st->form != REG_FORM_STRING)
        return;
    size_t chars = text_count_cps(reg_value_text(c->file, st), st->len);
    if (chars <= SUITE_LIST_MAX_CHARS)
        return;
    struct diag *d = lint_at_value(c, RULE_CIPHER_SUITE_LIST_TOO_LONG, v, PART_DATA,
                                   "the cipher-suite list is %zu characters; Windows reads at most %d",
                                   chars, SUITE_LIST_MAX_CHARS);
    diag_help(c->diags, d, "suites past the limit are ignored; drop the ones no peer needs");
}

void lint_check_suites(struct lint_ctx *c)
{
    check_list_length(c);
    check_signature_schemes(c);
    if (!c->posture.suite_policy && !c->posture.suite_local)
        return;
    /* The policy lists, then the local ones as they stand below them. */
    struct effective_order suites, curves;
    suites_effective(&c->posture, 1, c->target, c->diags->arena, &suites, &curves);
    check_list(c, &suites, false, true);
    check_list(c, &curves, true, true);
    check_curves_read(c, posture_value(&c->posture, c->posture.suite_policy, "EccCurves"));
    check_curves_read(c, posture_value(&c->posture, c->posture.suite_local, "EccCurves"));
    struct posture local_only = c->posture;
    local_only.suite_policy = NULL;
    suites_effective(&local_only, 1, c->target, c->diags->arena, &suites, &curves);
    check_list(c, &suites, false, false);
    check_list(c, &curves, true, false);
}

/* ------------------------------------------------- RL3015, RL4012: .NET */

static const char *const netfx_display[NETFX_COUNT] = {
    [NETFX_V2] = ".NET Framework 3.5",
    [NETFX_V4] = ".NET Framework 4 and later",
};

static const char *const netfx_key[NETFX_COUNT] = {
    [NETFX_V2] = "v2.0.50727",
    [NETFX_V4] = "v4.0.30319",
};

static const char *const view_display[VIEW_COUNT] = {
    [VIEW_NATIVE] = "64-bit",
    [VIEW_WOW64] = "32-bit",
};

static void check_netfx_zero(struct lint_ctx *c, enum netfx_version ver, enum view view, const char *name)
{
    const struct model_key *key = c->posture.netfx[ver][view];
    uint32_t value;
    if (!posture_dword(&c->posture, key, name, &value) || value != 0)
        return;
    const struct model_value *v = posture_value(&c->posture, key, name);
    struct diag *d;
    if (strcmp(name, "SchUseStrongCrypto") == 0) {
        d = lint_at_value(c, RULE_STRONG_CRYPTO_DISABLED, v, PART_DATA,
                          "SchUseStrongCrypto=0 turns strong cryptography off for %s programs of %s (%s): .NET no longer asks Schannel to refuse weak protocols and algorithms",
                          view_display[view], netfx_display[ver], netfx_key[ver]);
        diag_help(c->diags, d, "Microsoft: 0 only to reach legacy services that cannot be upgraded; 1 is the secure value");
    } else {
        d = lint_at_value(c, RULE_STRONG_CRYPTO_DISABLED, v, PART_DATA,
                          "SystemDefaultTlsVersions=0 makes %s programs of %s (%s) use the protocols .NET picks instead of letting Windows choose",
                          view_display[view], netfx_display[ver], netfx_key[ver]);
        diag_help(c->diags, d, "Microsoft recommends 1: programs then follow Windows' protocol settings and get the protocols Windows adds (TLS 1.3 on Windows 11)");
    }
    /* Unsafe: programs that need the legacy behaviour change. */
    struct fix *fix = diag_fix(c->diags, d, FIX_UNSAFE, "write 1");
    diag_fix_edit(c->diags, fix, lint_value_stmt(c, v)->data_at, "dword:00000001");
}

/* A role of TLS 1.0 written Enabled=0 (the later of the two), or NULL. */
static const struct model_value *tls10_disabled(const struct lint_ctx *c)
{
    const struct model_value *at = NULL;
    for (int r = 0; r < ROLE_COUNT; r++) {
        const struct model_key *key = c->posture.role[PROTO_TLS_1_0][r];
        uint32_t enabled;
        if (posture_dword(&c->posture, key, "Enabled", &enabled) && enabled == 0) {
            const struct model_value *v = posture_value(&c->posture, key, "Enabled");
            if (!at || v->stmt > at->stmt)
                at = v;
        }
    }
    return at;
}

static bool netfx_steered(const struct lint_ctx *c, enum netfx_version ver, enum view view)
{
    const struct model_key *key = c->posture.netfx[ver][view];
    uint32_t value;
    return (posture_dword(&c->posture, key, "SystemDefaultTlsVersions", &value) && value == 1) ||
           (posture_dword(&c->posture, key, "SchUseStrongCrypto", &value) && value == 1);
}

/* RL3015: programs that pick their own protocols ask for TLS 1.0 at most
 * unless SystemDefaultTlsVersions or SchUseStrongCrypto says otherwise: those
 * built for .NET Framework 4.5.2 or earlier (SchUseStrongCrypto defaults to
 * 0, SystemDefaultTlsVersions to 0 before 4.7) and .NET 3.5 programs. With
 * TLS 1.0 disabled they fail. TLS 1.1 alone disabled breaks none of them:
 * what they ask for without the values is SSL 3.0 and TLS 1.0. A version
 * steered in one registry view only is RL3004's or RL3005's finding. */
static void check_legacy_off(struct lint_ctx *c)
{
    const struct model_value *at = tls10_disabled(c);
    if (!at)
        return;
    bool x86 = c->o->policy && c->o->policy->arch == ARCH_X86;
    static const char *const who[NETFX_COUNT] = {
        [NETFX_V2] = ".NET 3.5 programs",
        [NETFX_V4] = "programs built for .NET Framework 4.5.2 or earlier",
    };
    struct buf missing = BUF_INIT, keys = BUF_INIT, failing = BUF_INIT;
    for (int ver = NETFX_COUNT - 1; ver >= 0; ver--) {
        bool steered = false;
        for (int view = 0; view < (x86 ? 1 : VIEW_COUNT); view++)
            steered |= netfx_steered(c, (enum netfx_version)ver, (enum view)view);
        if (steered)
            continue;
        buf_printf(&missing, "%s%s (%s)", missing.len ? " and " : "", netfx_display[ver], netfx_key[ver]);
        buf_printf(&failing, "%s%s", failing.len ? " and " : "", who[ver]);
        buf_printf(&keys, "%sHKLM\\SOFTWARE\\Microsoft\\.NETFramework\\%s", keys.len ? ", " : "", netfx_key[ver]);
        if (!x86)
            buf_printf(&keys, ", HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\%s (32-bit programs)",
                       netfx_key[ver]);
    }
    if (missing.len) {
        struct diag *d = lint_at_value(c, RULE_LEGACY_OFF_WITHOUT_DOTNET, at, PART_STATEMENT,
                                       "TLS 1.0 is disabled, but .NET programs that pick their own protocols may ask for nothing newer: neither SystemDefaultTlsVersions nor SchUseStrongCrypto is 1 for %s%s",
                                       missing.data, x86 ? "" : " in either registry view");
        diag_help(c->diags, d, "%s that do so then fail to connect", failing.data);
        diag_help(c->diags, d, "set both to 1 in %s, as Microsoft's safest values do", keys.data);
    }
    buf_free(&missing);
    buf_free(&keys);
    buf_free(&failing);
}

void lint_check_dotnet(struct lint_ctx *c)
{
    if (lint_on(c, RULE_STRONG_CRYPTO_DISABLED))
        for (int ver = 0; ver < NETFX_COUNT; ver++)
            for (int view = 0; view < VIEW_COUNT; view++) {
                check_netfx_zero(c, (enum netfx_version)ver, (enum view)view, "SchUseStrongCrypto");
                check_netfx_zero(c, (enum netfx_version)ver, (enum view)view, "SystemDefaultTlsVersions");
            }
    if (lint_on(c, RULE_LEGACY_OFF_WITHOUT_DOTNET))
        check_legacy_off(c);
}

/* -------------------------------- RL4011, RL4013-RL4015: Schannel switches */

static const struct model_key *schannel_child(const struct lint_ctx *c, const char *group, const char *name)
{
    const struct model_key *g = c->posture.schannel
                                    ? model_child(c->m, c->posture.schannel, group, strlen(group))
                                    : NULL;
    const struct model_key *k = g && g->exists ? model_child(c->m, g, name, strlen(name)) : NULL;
    return k && k->exists ? k : NULL;
}

static void check_renegotiation(struct lint_ctx *c)
{
    static const char *const names[] = {"AllowInsecureRenegoClients", "AllowInsecureRenegoServers"};
    for (size_t i = 0; i < 2; i++) {
        uint32_t value;
        if (!posture_dword(&c->posture, c->posture.schannel, names[i], &value) || value != 1)
            continue;
        const struct model_value *v = posture_value(&c->posture, c->posture.schannel, names[i]);
        struct diag *d = lint_at_value(c, RULE_INSECURE_RENEGOTIATION, v, PART_DATA,
                                       "%s=1 allows insecure renegotiation for Schannel %s; 0 is the strict renegotiation of the MS10-049 update",
                                       names[i], i == 0 ? "clients" : "servers");
        diag_help(c->diags, d, "what Windows does without the value Microsoft does not document");
        /* Unsafe: peers without secure renegotiation stop working. */
        struct fix *fix = diag_fix(c->diags, d, FIX_UNSAFE, "keep renegotiation strict: dword:00000000");
        diag_fix_edit(c->diags, fix, lint_value_stmt(c, v)->data_at, "dword:00000000");
    }
}

/* RL4013: what Schannel loses with a primitive; from the default suite
 * lists of Windows 10, 11 and Server 2022 (docs/domain.md §1.2, §4.17). */
static const struct {
    const char *group, *name;
    bool minor; /* only what a hardened list drops anyway: info */
    const char *loses;
} primitives[] = {
    {"Ciphers", "AES 128/128", false,
     "every suite with AES_128 in its name, among them TLS_AES_128_GCM_SHA256, the TLS 1.3 suite every TLS 1.3 peer must support"},
    {"Ciphers", "AES 256/256", false,
     "every suite with AES_256 in its name, among them TLS_AES_256_GCM_SHA384, first in Windows' TLS 1.3 order"},
    {"Hashes", "SHA", false,
     "the suites ending in _SHA (HMAC-SHA1), which are all the default suites TLS 1.0 and TLS 1.1 can use; whether SHA-1 signatures go too Microsoft does not say"},
    {"KeyExchangeAlgorithms", "PKCS", false,
     "RSA key exchange (the TLS_RSA_WITH_* suites); whether RSA certificates stop working too Microsoft does not say"},
    {"KeyExchangeAlgorithms", "ECDH", false,
     "ECDHE key exchange: every TLS_ECDHE_* suite, the first TLS 1.2 suites of Windows' order; what it does to TLS 1.3 Microsoft does not say"},
    {"KeyExchangeAlgorithms", "Diffie-Hellman", true,
     "DHE key exchange (the TLS_DHE_* suites); the ECDHE suites remain"},
};

/* Whether TLS 1.0 and 1.1 are off (or absent) for both roles. */
static bool legacy_tls_off(const struct lint_ctx *c)
{
    static const enum protocol legacy[] = {PROTO_TLS_1_0, PROTO_TLS_1_1};
    for (size_t i = 0; i < 2; i++)
        for (int r = 0; r < ROLE_COUNT; r++) {
            struct role_posture rp;
            posture_role(&c->posture, legacy[i], (enum role)r, c->target, &rp);
            if (rp.state != ST_DISABLED && rp.state != ST_UNSUPPORTED)
                return false;
        }
    return true;
}

static void check_primitives(struct lint_ctx *c)
{
    for (size_t i = 0; i < sizeof primitives / sizeof primitives[0]; i++) {
        const struct model_key *key = schannel_child(c, primitives[i].group, primitives[i].name);
        uint32_t enabled;
        if (!posture_dword(&c->posture, key, "Enabled", &enabled) || enabled != 0)
            continue;
        const struct model_value *v = posture_value(&c->posture, key, "Enabled");
        struct diag *d;
        /* With TLS 1.0 and 1.1 off, SHA-1 costs only TLS 1.2 suites that a
         * hardened order drops anyway. */
        if (strcmp(primitives[i].name, "SHA") == 0 && legacy_tls_off(c)) {
            d = lint_at_value(c, RULE_PRIMITIVE_DISABLED, v, PART_DATA,
                              "Hashes\\SHA is disabled: with TLS 1.0 and 1.1 off, Schannel loses only the TLS 1.2 suites ending in _SHA (HMAC-SHA1); whether SHA-1 signatures go too Microsoft does not say");
            d->severity = SEV_INFO;
        } else {
            d = lint_at_value(c, RULE_PRIMITIVE_DISABLED, v, PART_DATA, "%s\\%s is disabled: Schannel loses %s",
                              primitives[i].group, primitives[i].name, primitives[i].loses);
            if (primitives[i].minor)
                d->severity = SEV_INFO;
        }
        diag_help(c->diags, d, "Microsoft: control ciphers, hashes and key exchange through the cipher-suite order; delete the value to restore the default");
    }
}

/* RL4014. Absent, the client minimums are 1024 bits and there is no maximum
 * (Microsoft, TLS registry settings, KeyExchangeAlgorithm key sizes). */
static void check_key_lengths(struct lint_ctx *c)
{
    static const struct {
        const char *name, *what;
    } algs[] = {{"PKCS", "RSA"}, {"Diffie-Hellman", "Diffie-Hellman"}};
    for (size_t i = 0; i < 2; i++) {
        const struct model_key *key = schannel_child(c, "KeyExchangeAlgorithms", algs[i].name);
        uint32_t min = 1024, max;
        bool has_min = posture_dword(&c->posture, key, "ClientMinKeyBitLength", &min);
        /* The Diffie-Hellman minimum is RL4004's. */
        if (has_min && i == 0 && min < 2048) {
            const struct model_value *v = posture_value(&c->posture, key, "ClientMinKeyBitLength");
            struct diag *d = lint_at_value(c, RULE_WEAK_KEY_LENGTH, v, PART_DATA,
                                           "ClientMinKeyBitLength=%u lets Schannel clients accept RSA keys shorter than 2048 bits",
                                           min);
            diag_help(c->diags, d, "without the value the minimum is 1024 bits");
            struct fix *fix = diag_fix(c->diags, d, FIX_UNSAFE, "require 2048 bits");
            diag_fix_edit(c->diags, fix, lint_value_stmt(c, v)->data_at, "dword:00000800");
        }
        if (!posture_dword(&c->posture, key, "ClientMaxKeyBitLength", &max))
            continue;
        const struct model_value *v = posture_value(&c->posture, key, "ClientMaxKeyBitLength");
        struct diag *d;
        if (max < min)
            d = lint_at_value(c, RULE_WEAK_KEY_LENGTH, v, PART_DATA,
                              "ClientMaxKeyBitLength=%u is below the %s minimum (%u%s): Schannel clients accept no %s key",
                              max, algs[i].what, min, has_min ? "" : ", the default", algs[i].what);
        else if (max < 2048)
            d = lint_at_value(c, RULE_WEAK_KEY_LENGTH, v, PART_DATA,
                              "ClientMaxKeyBitLength=%u lets Schannel clients accept only %s keys of at most %u bits, none of 2048 bits or more",
                              max, algs[i].what, max);
        else
            continue;
        diag_help(c->diags, d, "delete the value: without it there is no maximum");
    }
}

static void check_event_logging(struct lint_ctx *c)
{
    uint32_t level;
    if (!posture_dword(&c->posture, c->posture.schannel, "EventLogging", &level) || level != 0)
        return;
    const struct model_value *v = posture_value(&c->posture, c->posture.schannel, "EventLogging");
    struct diag *d = lint_at_value(c, RULE_EVENT_LOGGING_OFF, v, PART_DATA,
                                   "EventLogging=0: Schannel writes no events, not even its errors, to the System log");
    diag_help(c->diags, d, "1 logs errors, 3 errors and warnings; Windows reads it after a reboot");
    struct fix *fix = diag_fix(c->diags, d, FIX_UNSAFE, "log errors: dword:00000001");
    diag_fix_edit(c->diags, fix, lint_value_stmt(c, v)->data_at, "dword:00000001");
}

void lint_check_schannel_values(struct lint_ctx *c)
{
    if (lint_on(c, RULE_INSECURE_RENEGOTIATION))
        check_renegotiation(c);
    if (lint_on(c, RULE_PRIMITIVE_DISABLED))
        check_primitives(c);
    if (lint_on(c, RULE_WEAK_KEY_LENGTH))
        check_key_lengths(c);
    if (lint_on(c, RULE_EVENT_LOGGING_OFF))
        check_event_logging(c);
}
