/* Registry correctness (RL2xxx), per-value settings (RL4002-RL4004, RL4007,
 * RL4009), style (RL5xxx) and deletions of protocol keys (RL3011). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "lint_check.h"
#include "suggest.h"
#include "xalloc.h"

/* ------------------------------------------------ RL2001, RL2002: history */

/* Lines of the statements in `stmts`, "3, 7 and 9" (at most five). */
static const char *line_list(struct lint_ctx *c, const uint32_t *stmts, size_t n)
{
    struct buf b = BUF_INIT;
    const size_t most = 5;
    for (size_t i = 0; i < n && i < most; i++) {
        const char *sep = i == 0 ? "" : (i + 1 == n ? " and " : ", ");
        buf_printf(&b, "%s%u", sep, lint_stmt_line(c, stmts[i]));
    }
    if (n > most)
        buf_printf(&b, " and %zu more", n - most);
    const char *s = arena_strdup(c->diags->arena, b.data);
    buf_free(&b);
    return s;
}

static void history_of(struct lint_ctx *c, const struct model_value *v)
{
    /* Only what more than one statement touched has a list. */
    if (!v->has_history)
        return;
    struct model_event single;
    const struct model_event *history = model_value_history(c->m, v, &single);
    size_t n = 0;
    for (const struct model_event *e = history; e; e = e->next)
        n++;
    uint32_t *ev = xmalloc(n * sizeof *ev);
    size_t i = n;
    for (const struct model_event *e = history; e; e = e->next)
        ev[--i] = e->stmt;
    const struct reg_stmt *stmts = c->file->stmts;
    const char *name = lint_value_name(c, v);
    for (i = 0; i < n; i++) {
        enum reg_stmt_kind kind = stmts[ev[i]].kind;
        bool last = i + 1 == n;
        enum reg_stmt_kind next = last ? REG_STMT_COMMENT : stmts[ev[i + 1]].kind;
        if (kind == REG_STMT_VALUE && next != REG_STMT_VALUE) {
            /* The end of a run of sets: report the earlier ones of the run. */
            size_t start = i;
            while (start > 0 && stmts[ev[start - 1]].kind == REG_STMT_VALUE)
                start--;
            if (start < i && lint_on(c, RULE_DUPLICATE_VALUE)) {
                struct model_value at = *v;
                at.stmt = ev[i];
                struct diag *d = lint_at_value(
                    c, RULE_DUPLICATE_VALUE, &at, PART_NAME,
                    "\"%s\" is also set %s%s %s; only the value set here counts", name,
                    lint_stmt_on(c, ev[start]), i - start > 1 ? "s" : "", line_list(c, ev + start, i - start));
                struct fix *fix = diag_fix(c->diags, d, FIX_SAFE, "remove the earlier settings");
                for (size_t k = start; k < i; k++)
                    diag_fix_edit(c->diags, fix, lint_line_span(c, stmts[ev[k]].at), "");
            }
            if (!last && lint_on(c, RULE_OVERRIDDEN_OPERATION)) {
                struct model_value at = *v;
                at.stmt = ev[i];
                const char *how = next == REG_STMT_KEY_DELETE ? "its key is deleted" : "it is deleted";
                lint_at_value(c, RULE_OVERRIDDEN_OPERATION, &at, PART_STATEMENT,
                              "\"%s\" is set here but %s %s %u, so this %s has no effect",
                              name, how, lint_stmt_on(c, ev[i + 1]), lint_stmt_line(c, ev[i + 1]),
                              lint_stmt_unit(c, ev[i]));
            }
        } else if (kind == REG_STMT_VALUE_DELETE && lint_on(c, RULE_OVERRIDDEN_OPERATION)) {
            struct model_value at = *v;
            at.stmt = ev[i];
            if (!last && next == REG_STMT_VALUE)
                lint_at_value(c, RULE_OVERRIDDEN_OPERATION, &at, PART_STATEMENT,
                              "deleting \"%s\" has no effect: %s %u sets it again", name,
                              lint_stmt_unit(c, ev[i + 1]), lint_stmt_line(c, ev[i + 1]));
            else if (i > 0 && stmts[ev[i - 1]].kind != REG_STMT_VALUE)
                lint_at_value(c, RULE_OVERRIDDEN_OPERATION, &at, PART_STATEMENT,
                              "\"%s\" was already deleted %s %u", name,
                              lint_stmt_on(c, ev[i - 1]), lint_stmt_line(c, ev[i - 1]));
        }
    }
    free(ev);
}

static void history_walk(struct lint_ctx *c, const struct model_key *k)
{
    for (const struct model_value *v = k->first_value; v; v = v->next)
        history_of(c, v);
    for (const struct model_key *ch = k->first_child; ch; ch = ch->next_sibling)
        history_walk(c, ch);
}

void lint_check_history(struct lint_ctx *c)
{
    if (!lint_on(c, RULE_DUPLICATE_VALUE) && !lint_on(c, RULE_OVERRIDDEN_OPERATION))
        return;
    for (int r = 0; r < REG_ROOT_COUNT; r++)
        history_walk(c, c->m->roots[r]);
}

/* ---------------------------------------------------- RL2003: key names */

/* The names a child of a key of this kind may have, for "did you mean"; the
 * count is 0 where any name is fine. */
static size_t known_children(const struct key_class *parent, const char **out, size_t cap)
{
    size_t n = 0;
    switch (parent->kind) {
    case KK_PROTOCOLS:
        for (int p = 0; p < PROTO_COUNT && n < cap; p++)
            out[n++] = protocol_info((enum protocol)p)->key;
        break;
    case KK_PROTOCOL:
        if (parent->known)
            for (int r = 0; r < ROLE_COUNT; r++)
                out[n++] = role_key((enum role)r);
        break;
    case KK_ALGORITHM_GROUP: {
        size_t count;
        const struct algorithm_info *all = algorithms(&count);
        for (size_t i = 0; i < count && n < cap; i++)
            if (all[i].kind == parent->group)
                out[n++] = all[i].key;
        break;
    }
    case KK_SCHANNEL:
        out[n++] = "Protocols";
        out[n++] = "Ciphers";
        out[n++] = "Hashes";
        out[n++] = "KeyExchangeAlgorithms";
        out[n++] = "Messaging";
        break;
    case KK_CURRENT_VERSION:
        out[n++] = "Internet Settings";
        break;
    case KK_WININET:
        out[n++] = "WinHttp";
        break;
    case KK_MICROSOFT:
        out[n++] = ".NETFramework";
        break;
    default:
        break;
    }
    return n;
}

static bool is_settings_key(const struct key_class *cls)
{
    return cls->kind >= KK_SCHANNEL;
}

static bool same_name(const struct reg_name *a, const struct reg_name *b)
{
    return text_names_equal(a->s, a->len, b->s, b->len);
}

/* Whether the key path names `k` or a key below it. */
static bool path_through(const struct reg_path *path, const struct model_key *k)
{
    if (path->root != k->root || path->depth < k->depth)
        return false;
    for (const struct model_key *a = k; a && a->depth > 0; a = a->parent) {
        struct reg_name segment = reg_path_segment(path, a->depth - 1);
        if (!same_name(&segment, &a->name))
            return false;
    }
    return true;
}

/* The switches of a protocol role key (Enabled, DisabledByDefault) or an
 * algorithm key (Enabled) as DWORDs the key holds. */
struct switches {
    bool has_enabled, has_dbd;
    uint32_t enabled, dbd;
};

static void read_switch(const struct lint_ctx *c, const struct model_key *k, const char *name,
                        bool *has, uint32_t *value)
{
    const struct model_value *v = k ? model_find_value(c->m, k, name, strlen(name)) : NULL;
    *has = v && v->exists && model_value_dword(c->m, v, value);
}

static struct switches read_switches(const struct lint_ctx *c, const struct model_key *k)
{
    struct switches s;
    read_switch(c, k, "Enabled", &s.has_enabled, &s.enabled);
    read_switch(c, k, "DisabledByDefault", &s.has_dbd, &s.dbd);
    return s;
}

/* "WHAT on" when the switches in `fresh`, newly read beside those of
 * `read` (a key's other values), turn on what is `weak`, "WHAT off" when
 * they turn off what is not; "by default" when only DisabledByDefault
 * does. Enabled decides: with Enabled=0, DisabledByDefault changes nothing.
 * NULL when neither. */
static const char *turns_text(struct lint_ctx *c, const char *what, bool weak,
                              const struct switches *read, const struct switches *fresh)
{
    bool enabled_set = fresh->has_enabled && !(read->has_enabled && read->enabled == fresh->enabled);
    bool dbd_set = fresh->has_dbd && !(read->has_dbd && read->dbd == fresh->dbd);
    bool has_enabled = fresh->has_enabled || read->has_enabled;
    uint32_t enabled = fresh->has_enabled ? fresh->enabled : read->enabled;
    bool switched_off = has_enabled && enabled == 0;
    const char *how = NULL;
    if (enabled_set && (fresh->enabled != 0) == weak)
        how = "";
    else if (dbd_set && !switched_off && (fresh->dbd == 0) == weak)
        how = " by default";
    if (!how)
        return NULL;
    return arena_printf(c->diags->arena, "%s %s%s", what, weak ? "on" : "off", how);
}

static const char *protocol_turns(struct lint_ctx *c, enum protocol p, enum role r,
                                  const struct switches *read, const struct switches *fresh)
{
    const struct protocol_info *info = protocol_info(p);
    return turns_text(c, arena_printf(c->diags->arena, "%s %s", info->display, role_key(r)),
                      info->strength != STRENGTH_CURRENT, read, fresh);
}

static const char *algorithm_turns(struct lint_ctx *c, const struct algorithm_info *alg,
                                   const struct switches *read, const struct switches *fresh)
{
    bool weak = alg->weakness != WEAK_NONE;
    /* DisabledByDefault is no switch of an algorithm. */
    struct switches others = {read->has_enabled, false, read->enabled, 0};
    struct switches added = {fresh->has_enabled, false, fresh->enabled, 0};
    return turns_text(c, arena_printf(c->diags->arena, "%s \"%s\"", weak ? "the weak algorithm" : "the algorithm",
                                      alg->key),
                      weak, &others, &added);
}

/* What renaming a misspelt value of `cls` to `meant` turns on or off that
 * the weakness rules judge (a protocol or algorithm that is not current
 * turned on, a current one turned off): then the rename changes more than
 * a spelling and is an unsafe fix. NULL when it does neither. */
static const char *value_rename_turns(struct lint_ctx *c, const struct model_value *v,
                                      const struct key_class *cls, const char *meant)
{
    uint32_t value;
    bool enabled = strcmp(meant, "Enabled") == 0, dbd = strcmp(meant, "DisabledByDefault") == 0;
    if ((!enabled && !dbd) || !model_value_dword(c->m, v, &value))
        return NULL;
    struct switches read = read_switches(c, v->key), fresh = {enabled, dbd, value, value};
    if (cls->kind == KK_PROTOCOL_ROLE && cls->known)
        return protocol_turns(c, cls->protocol, cls->role, &read, &fresh);
    if (cls->kind == KK_ALGORITHM && cls->algorithm)
        return algorithm_turns(c, cls->algorithm, &read, &fresh);
    return NULL;
}

/* The same for renaming a misspelt protocol or algorithm key `k` to
 * `meant`: Windows starts reading the switches written below it. */
static const char *key_rename_turns(struct lint_ctx *c, const struct model_key *k,
                                    const struct key_class *cls, const char *meant)
{
    const struct switches nothing = {false, false, 0, 0};
    if (cls->kind == KK_PROTOCOL) {
        enum protocol p;
        if (!protocol_by_key(meant, strlen(meant), &p))
            return NULL;
        const char *turns[ROLE_COUNT] = {NULL, NULL};
        for (int r = 0; r < ROLE_COUNT; r++) {
            const char *role = role_key((enum role)r);
            const struct model_key *child = model_child(c->m, k, role, strlen(role));
            if (child && child->exists) {
                struct switches fresh = read_switches(c, child);
                turns[r] = protocol_turns(c, p, (enum role)r, &nothing, &fresh);
            }
        }
        if (turns[0] && turns[1])
            return arena_printf(c->diags->arena, "%s and %s", turns[0], turns[1]);
        return turns[0] ? turns[0] : turns[1];
    }
    if (cls->kind == KK_ALGORITHM) {
        const struct algorithm_info *alg = algorithm_by_key(cls->group, meant, strlen(meant));
        if (!alg)
            return NULL;
        struct switches fresh = read_switches(c, k);
        return algorithm_turns(c, alg, &nothing, &fresh);
    }
    return NULL;
}

/* A fix renaming a key in every key line that names it or a key below it
 * (Windows starts reading what was written there): safe unless `turns`
 * says what that turns on or off. */
static void rename_key_fix(struct lint_ctx *c, struct diag *d, const struct model_key *k,
                           const char *meant, const char *turns)
{
    const char *text = c->src->d.text;
    struct fix *fix = NULL;
    struct reg_path_buf buf;
    for (size_t i = 0; i < c->file->nstmts; i++) {
        const struct reg_stmt *st = &c->file->stmts[i];
        if ((st->kind != REG_STMT_KEY && st->kind != REG_STMT_KEY_DELETE) || !st->as.key.resolved)
            continue;
        const struct reg_path *path = reg_key_path(c->file, &st->as.key, &buf);
        if (!path_through(path, k))
            continue;
        const struct reg_name segment = reg_path_segment(path, k->depth - 1);
        const struct reg_name *seg = &segment;
        if (seg->s < text || seg->s + seg->len > text + c->src->d.len)
            continue;
        if (!fix)
            fix = diag_fix(c->diags, d, turns ? FIX_UNSAFE : FIX_SAFE, "rename the key to \"%s\"", meant);
        uint32_t start = (uint32_t)(seg->s - text);
        diag_fix_edit(c->diags, fix, (struct span){start, start + seg->len}, meant);
    }
}

static void check_child_name(struct lint_ctx *c, const struct model_key *k,
                             const struct key_class *cls, const struct key_class *parent)
{
    const char *names[32];
    size_t n = known_children(parent, names, 32);
    if (n == 0 || cls->misplaced || (is_settings_key(cls) && cls->known) ||
        (is_settings_key(cls) && cls->kind != KK_PROTOCOL && cls->kind != KK_ALGORITHM))
        return;
    const char *meant = NULL;
    const struct name_confusion *conf = name_confusion_lookup(k->name.s, k->name.len);
    if (conf) {
        for (size_t i = 0; i < n && !meant; i++)
            if (strcmp(names[i], conf->meant) == 0)
                meant = conf->meant;
    }
    if (!meant)
        meant = suggest_closest(k->name.s, k->name.len, names, n);
    if (!meant)
        return;
    const char *written = arena_strndup(c->diags->arena, k->name.s, k->name.len);
    /* Whether Schannel also honours "Triple DES 168/168" is unknown
     * (domain.md §1.2): doubtful, not certainly wrong; the rename is safe
     * either way, since the documented name is read for certain. */
    bool doubtful = conf && strcmp(conf->meant, "Triple DES 168") == 0;
    struct diag *d = lint_at_key(c, RULE_UNKNOWN_NAME, k,
                                 doubtful ? "key \"%s\" is not the documented name; did you mean \"%s\"?"
                                          : "key \"%s\" is not a name Windows reads; did you mean \"%s\"?",
                                 written, meant);
    if (doubtful) {
        d->severity = SEV_WARNING;
        diag_help(c->diags, d, "Microsoft documents the key as \"%s\"; whether \"%s\" is also read is unknown",
                  meant, written);
    }
    /* Where the file also writes the key under its right name, renaming
     * would merge the two, and which value wins is the author's call. */
    const struct model_key *right = k->parent ? model_child(c->m, k->parent, meant, strlen(meant)) : NULL;
    if (!right || !right->exists) {
        const char *turns = key_rename_turns(c, k, cls, meant);
        if (turns)
            diag_help(c->diags, d, doubtful ? "renamed, it turns %s for certain" : "Windows ignores the key as spelt; renamed, it turns %s",
                      turns);
        rename_key_fix(c, d, k, meant, turns);
    } else
        diag_help(c->diags, d, "no fix: the file also writes \"%s\", and renaming would merge the two keys", meant);
}

/* -------------------------------- RL2003-RL2006, RL4002-4004, 4007, 4009, 5001 */

static const char *type_name(uint32_t type)
{
    static const char *const names[] = {"REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY",
                                        "REG_DWORD", "REG_DWORD_BIG_ENDIAN", "REG_LINK",
                                        "REG_MULTI_SZ"};
    if (type < sizeof names / sizeof names[0])
        return names[type];
    return type == 11 ? "REG_QWORD" : "another type";
}

/* A string that holds a number ("1", "0x800"): the DWORD it was meant as. */
static bool string_number(const struct reg_file *file, const struct reg_value_stmt *st,
                          uint32_t *out)
{
    if (st->form != REG_FORM_STRING || st->len == 0 || st->len > 10)
        return false;
    char tmp[16];
    memcpy(tmp, reg_value_text(file, st), st->len);
    tmp[st->len] = '\0';
    char *end;
    unsigned long v = strtoul(tmp, &end, 0);
    if (*end != '\0' || tmp[0] == '-' || tmp[0] == '+' || tmp[0] == ' ' || v > 0xffffffffUL)
        return false;
    *out = (uint32_t)v;
    return true;
}

static void unknown_value(struct lint_ctx *c, const struct model_value *v, const struct key_class *cls,
                          enum setting_key sk, const char *under)
{
    struct reg_name vname = model_value_name(c->m, v);
    const char *names[32];
    size_t n = 0, count;
    const struct setting_info *all = settings(&count);
    for (size_t i = 0; i < count && n < 32; i++) {
        if (all[i].key != sk)
            continue;
        if (all[i].only_under && (!under || strcmp(all[i].only_under, under) != 0))
            continue;
        names[n++] = all[i].name;
    }
    const char *meant = NULL;
    const struct name_confusion *conf = name_confusion_lookup(vname.s, vname.len);
    if (conf)
        for (size_t i = 0; i < n && !meant; i++)
            if (strcmp(names[i], conf->meant) == 0)
                meant = conf->meant;
    if (!meant)
        meant = suggest_closest(vname.s, vname.len, names, n);
    if (!meant)
        return;
    struct diag *d = lint_at_value(c, RULE_UNKNOWN_NAME, v, PART_NAME,
                                   "value \"%s\" is not a name Windows reads; did you mean \"%s\"?",
                                   lint_value_name(c, v), meant);
    const char *turns = value_rename_turns(c, v, cls, meant);
    if (turns)
        diag_help(c->diags, d, "Windows ignores the value as spelt; renamed, it turns %s", turns);
    struct fix *fix = diag_fix(c->diags, d, turns ? FIX_UNSAFE : FIX_SAFE, "rename the value to \"%s\"", meant);
    diag_fix_edit(c->diags, fix, lint_value_stmt(c, v)->name_at,
                  arena_printf(c->diags->arena, "\"%s\"", meant));
}

static void wrong_type(struct lint_ctx *c, const struct model_value *v, const struct setting_info *s,
                       uint32_t type)
{
    struct diag *d = lint_at_value(c, RULE_WRONG_TYPE, v, PART_DATA,
                                   "\"%s\" must be %s, not %s; what Windows makes of it is undefined",
                                   s->name, type_name(s->type), type_name(type));
    uint32_t number;
    if (s->type == REG_TYPE_DWORD && string_number(c->file, lint_value_stmt(c, v), &number)) {
        struct fix *fix = diag_fix(c->diags, d, FIX_UNSAFE, "write it as dword:%08x", number);
        diag_fix_edit(c->diags, fix, lint_value_stmt(c, v)->data_at,
                      arena_printf(c->diags->arena, "dword:%08x", number));
    } else if (s->type == REG_TYPE_MULTI_SZ) {
        diag_help(c->diags, d, "write it as hex(7): one name per string, as regedit exports REG_MULTI_SZ");
    }
    enum setting_key sk = s->key;
    if (sk == SK_SUITE_POLICY || sk == SK_SUITE_LOCAL)
        diag_help(c->diags, d, "this value decides the %s order (the policy value over the local list over the default); with another type Microsoft does not say whether Windows falls back to the next, so the order is unknown",
                  strcmp(s->name, "EccCurves") == 0 ? "curve" : "cipher-suite");
}

static void check_range(struct lint_ctx *c, const struct model_value *v, const struct setting_info *s,
                        enum setting_key sk, uint32_t value)
{
    if (sk == SK_PROTOCOL_ROLE && strcmp(s->name, "Enabled") == 0 && value == 0xffffffffu) {
        if (!lint_on(c, RULE_ENABLED_NOT_CANONICAL))
            return;
        struct diag *d = lint_at_value(c, RULE_ENABLED_NOT_CANONICAL, v, PART_DATA,
                                       "Enabled=0xffffffff on a protocol key; Microsoft documents 1");
        struct fix *fix = diag_fix(c->diags, d, FIX_SAFE, "write dword:00000001");
        diag_fix_edit(c->diags, fix, lint_value_stmt(c, v)->data_at, "dword:00000001");
        return;
    }
    if (s->min > s->max || (value >= s->min && value <= s->max) ||
        (s->all_ones_ok && value == 0xffffffffu))
        return;
    if (!lint_on(c, RULE_OUT_OF_RANGE))
        return;
    struct diag *d = lint_at_value(c, RULE_OUT_OF_RANGE, v, PART_DATA,
                                   "%s=%u is outside the documented range %u to %u", s->name,
                                   value, s->min, s->max);
    if (sk == SK_PROTOCOL_ROLE || sk == SK_NETFX)
        diag_help(c->diags, d, "Microsoft documents only 0 and 1; tools that read it disagree on other values");
}

static void check_weak_algorithm(struct lint_ctx *c, const struct model_value *v,
                                 const struct key_class *cls, uint32_t value)
{
    if (value == 0 || !cls->algorithm || cls->algorithm->weakness == WEAK_NONE)
        return;
    enum rule_id rule = cls->group == ALG_HASH ? RULE_WEAK_HASH_ENABLED : RULE_WEAK_CIPHER_ENABLED;
    if (cls->group == ALG_KEY_EXCHANGE || !lint_on(c, rule))
        return;
    struct diag *d = lint_at_value(c, rule, v, PART_DATA, "%s \"%s\" is enabled",
                                   cls->group == ALG_HASH ? "weak hash" : "weak cipher",
                                   cls->algorithm->key);
    if (rule == RULE_WEAK_CIPHER_ENABLED)
        d->severity = cls->algorithm->weakness == WEAK_ERROR ? SEV_ERROR : SEV_WARNING;
    struct fix *fix = diag_fix(c->diags, d, FIX_UNSAFE, "disable it: dword:00000000");
    diag_fix_edit(c->diags, fix, lint_value_stmt(c, v)->data_at, "dword:00000000");
}

static void check_setting(struct lint_ctx *c, const struct model_value *v,
                          const struct key_class *cls, const struct setting_info *s,
                          enum setting_key sk)
{
    /* A registry hive holds the list Windows keeps there; a file that sets
     * it edits it. */
    if (sk == SK_SUITE_LOCAL && !c->src->hive && lint_on(c, RULE_LOCAL_CIPHER_SUITE_LIST)) {
        struct diag *d = lint_at_value(c, RULE_LOCAL_CIPHER_SUITE_LIST, v, PART_NAME,
                                       "the local cipher-suite list is managed by Windows; editing it is unsupported and servicing may reset it");
        diag_help(c->diags, d, "set the order in HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002 (the SSL Cipher Suite Order policy)");
    }
    uint32_t type = model_value_type(c->m, v);
    if (type != s->type) {
        if (lint_on(c, RULE_WRONG_TYPE))
            wrong_type(c, v, s, type);
        return;
    }
    if (s->machine_only && cls->user) {
        if (lint_on(c, RULE_MISPLACED_VALUE))
            lint_at_value(c, RULE_MISPLACED_VALUE, v, PART_NAME,
                          "\"%s\" is read from HKEY_LOCAL_MACHINE only; under the user's hive it does nothing",
                          s->name);
        return;
    }
    uint32_t value;
    if (type != REG_TYPE_DWORD || !model_value_dword(c->m, v, &value))
        return;
    check_range(c, v, s, sk, value);
    if (strcmp(s->name, "Enabled") == 0 && (sk == SK_CIPHER || sk == SK_HASH))
        check_weak_algorithm(c, v, cls, value);
    if (sk == SK_KEY_EXCHANGE && cls->algorithm && strcmp(cls->algorithm->key, "Diffie-Hellman") == 0 &&
        strstr(s->name, "MinKeyBitLength") && value < 2048 && lint_on(c, RULE_WEAK_DH_KEY_LENGTH)) {
        struct diag *d = lint_at_value(c, RULE_WEAK_DH_KEY_LENGTH, v, PART_DATA,
                                       "%s=%u allows Diffie-Hellman keys shorter than 2048 bits",
                                       s->name, value);
        diag_help(c->diags, d, "Windows 10 and Windows Server 2016 and later default to 2048 (Security Advisory 3174644)");
        struct fix *fix = diag_fix(c->diags, d, FIX_UNSAFE, "require 2048 bits");
        diag_fix_edit(c->diags, fix, lint_value_stmt(c, v)->data_at, "dword:00000800");
    }
    if (sk == SK_SCHANNEL && strcmp(s->name, "SendExtraRecord") == 0 && (value == 1 || value == 2) &&
        lint_on(c, RULE_SEND_EXTRA_RECORD_CHANGED)) {
        struct diag *d;
        if (value == 1) {
            d = lint_at_value(c, RULE_SEND_EXTRA_RECORD_CHANGED, v, PART_DATA,
                              "SendExtraRecord=1 splits records for every caller, which breaks SQL Server, RDP with NLA and some RRAS connections");
            diag_help(c->diags, d, "KB2643584 advises against 1; delete the value for the default (0)");
        } else {
            /* What Microsoft's own Fix it writes for compatibility: worth
             * knowing, not worth failing a build over. */
            d = lint_at_value(c, RULE_SEND_EXTRA_RECORD_CHANGED, v, PART_DATA,
                              "SendExtraRecord=2 turns off the 1/n-1 record split, the BEAST mitigation for TLS 1.0 CBC");
            d->severity = SEV_INFO;
            diag_help(c->diags, d, "harmless once TLS 1.0 and SSL 3.0 are disabled");
        }
    }
}

/* Values one key holds: known settings checked, near misses named. */
static void check_values(struct lint_ctx *c, const struct model_key *k, const struct key_class *cls)
{
    if ((cls->kind == KK_PROTOCOL || cls->kind == KK_PROTOCOLS) && !cls->misplaced) {
        for (const struct model_value *v = k->first_value; v; v = v->next) {
            struct reg_name vname = model_value_name(c->m, v);
            if (!v->exists || !setting_lookup(SK_PROTOCOL_ROLE, NULL, vname.s, vname.len) ||
                !lint_on(c, RULE_MISPLACED_VALUE))
                continue;
            struct diag *d = lint_at_value(c, RULE_MISPLACED_VALUE, v, PART_NAME,
                                           "\"%s\" on the protocol key itself is never read; Schannel reads the Client and Server subkeys",
                                           lint_value_name(c, v));
            diag_help(c->diags, d, "set it under \"%s\\Client\" and \"%s\\Server\"",
                      arena_strndup(c->diags->arena, k->name.s, k->name.len),
                      arena_strndup(c->diags->arena, k->name.s, k->name.len));
        }
        return;
    }
    enum setting_key sk = key_class_setting(cls);
    if (sk == SK_COUNT)
        return;
    if (cls->misplaced) {
        for (const struct model_value *v = k->first_value; v; v = v->next) {
            struct reg_name vname = model_value_name(c->m, v);
            if (!v->exists || !setting_lookup(sk, cls->algorithm ? cls->algorithm->key : NULL,
                                              vname.s, vname.len))
                continue;
            if (lint_on(c, RULE_MISPLACED_VALUE)) {
                struct diag *d = lint_at_value(c, RULE_MISPLACED_VALUE, v, PART_NAME,
                                               "Schannel settings here are never read: Windows reads them only under HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL");
                diag_help(c->diags, d, "that key is shared by 32- and 64-bit programs; it needs no copy under SOFTWARE or Wow6432Node");
            }
            return; /* one finding per misplaced key */
        }
        return;
    }
    const char *under = cls->algorithm ? cls->algorithm->key : NULL;
    for (const struct model_value *v = k->first_value; v; v = v->next) {
        struct reg_name vname = model_value_name(c->m, v);
        if (!v->exists)
            continue;
        const struct setting_info *s = setting_lookup(sk, under, vname.s, vname.len);
        if (!s) {
            if (lint_on(c, RULE_UNKNOWN_NAME))
                unknown_value(c, v, cls, sk, under);
            continue;
        }
        check_setting(c, v, cls, s, sk);
    }
}

static void visit_key(void *ctx, const struct model_key *k, const struct key_class *cls,
                      const struct key_class *parent)
{
    struct lint_ctx *c = ctx;
    if (!k->exists)
        return;
    if (parent && lint_on(c, RULE_UNKNOWN_NAME))
        check_child_name(c, k, cls, parent);
    if (cls->kind == KK_OTHER && parent && parent->kind == KK_WININET &&
        name_confusion_lookup(k->name.s, k->name.len) == NULL && k->name.len == 15 &&
        setting_lookup(SK_WININET, NULL, k->name.s, k->name.len) && lint_on(c, RULE_UNKNOWN_NAME)) {
        struct diag *d = lint_at_key(c, RULE_UNKNOWN_NAME, k,
                                     "\"SecureProtocols\" is a value of Internet Settings, not a key");
        diag_help(c->diags, d, "write \"SecureProtocols\"=dword:... under [...\\Internet Settings]");
    }
    check_values(c, k, cls);
}

void lint_check_keys(struct lint_ctx *c)
{
    posture_walk(c->m, visit_key, c);
}

/* ------------------------------------- RL3011, RL2002: deleting statements */

static bool path_has_prefix(const struct reg_path *path, const struct reg_path *prefix)
{
    if (path->root != prefix->root || path->depth < prefix->depth)
        return false;
    for (uint32_t i = 0; i < prefix->depth; i++) {
        struct reg_name a = reg_path_segment(path, i), b = reg_path_segment(prefix, i);
        if (!same_name(&a, &b))
            return false;
    }
    return true;
}

/* The roles of a protocol key's deletion (RL3011) not reported yet. */
struct restored {
    bool reported[PROTO_COUNT][ROLE_COUNT];
};

/* RL3011: what deleting a protocol's settings gives back, in neutral words:
 * the Windows default, once per protocol role; nothing where the target
 * lacks the protocol (so there is no default to speak of). */
static void deletion_restores_default(struct lint_ctx *c, size_t i, const struct key_class *cls,
                                      const struct reg_path *path, const struct reg_name *value,
                                      struct restored *done)
{
    struct diag *d;
    if (cls->kind == KK_PROTOCOLS) {
        for (int p = 0; p < PROTO_COUNT; p++)
            done->reported[p][ROLE_CLIENT] = done->reported[p][ROLE_SERVER] = true;
        d = lint_at_stmt(c, RULE_DELETION_RESTORES_DEFAULT, i,
                         "deleting Protocols restores the Windows default of every protocol and role");
    } else {
        enum protocol p = cls->protocol;
        bool has = false;
        for (int t = 0; t < TARGET_COUNT; t++)
            has |= (!c->target || *c->target == (enum target)t) && target_supports((enum target)t, p);
        if (!has)
            return;
        bool roles[ROLE_COUNT] = {cls->kind == KK_PROTOCOL || cls->role == ROLE_CLIENT,
                                  cls->kind == KK_PROTOCOL || cls->role == ROLE_SERVER};
        char words[ROLE_COUNT][256];
        size_t n = 0;
        for (int r = 0; r < ROLE_COUNT; r++) {
            roles[r] = roles[r] && !done->reported[p][r];
            if (!roles[r])
                continue;
            done->reported[p][r] = true;
            n++;
            protocol_default_words(p, (enum role)r, c->target, words[r], sizeof words[r]);
        }
        if (n == 0)
            return;
        const char *proto = protocol_info(p)->display;
        char on[160] = "";
        if (c->target)
            snprintf(on, sizeof on, " on %s", target_info(*c->target)->display);
        if (n == 1) {
            enum role r = roles[ROLE_CLIENT] ? ROLE_CLIENT : ROLE_SERVER;
            d = lint_at_stmt(c, RULE_DELETION_RESTORES_DEFAULT, i,
                             "deleting %s %s's settings restores the Windows default%s: %s", proto,
                             role_key(r), on, words[r]);
        } else if (strcmp(words[ROLE_CLIENT], words[ROLE_SERVER]) == 0) {
            d = lint_at_stmt(c, RULE_DELETION_RESTORES_DEFAULT, i,
                             "deleting %s's Client and Server settings restores the Windows default%s: %s",
                             proto, on, words[ROLE_CLIENT]);
        } else {
            d = lint_at_stmt(c, RULE_DELETION_RESTORES_DEFAULT, i,
                             "deleting %s's Client and Server settings restores the Windows default%s: Client %s; Server %s",
                             proto, on, words[ROLE_CLIENT], words[ROLE_SERVER]);
        }
        /* Advice only where the default is a weak protocol; restoring
         * TLS 1.2 or 1.3 to Windows' hands needs none. */
        if (protocol_info(p)->strength != STRENGTH_CURRENT)
            diag_help(c->diags, d, "to keep %s off instead, set \"Enabled\"=dword:00000000 and \"DisabledByDefault\"=dword:00000001 under Client and Server",
                      proto);
    }
    d->anchor_key = reg_path_string(c->diags->arena, path);
    if (value)
        d->anchor_value = value->len ? arena_strndup(c->diags->arena, value->s, value->len) : "@";
}

void lint_check_statements(struct lint_ctx *c)
{
    const struct reg_file *f = c->file;
    /* The path of the open key, if any, and room for another. */
    struct reg_path_buf current_buf, other_buf;
    const struct reg_path *current = NULL;
    size_t *deleted = NULL, ndeleted = 0, cap = 0;
    struct restored restored;
    memset(&restored, 0, sizeof restored);
    for (size_t i = 0; i < f->nstmts; i++) {
        const struct reg_stmt *st = &f->stmts[i];
        if (st->kind == REG_STMT_KEY) {
            current = st->as.key.usable ? reg_key_path(f, &st->as.key, &current_buf) : NULL;
        } else if (st->kind == REG_STMT_KEY_DELETE) {
            current = NULL;
            if (!st->as.key.usable)
                continue;
            deleted = xgrow(deleted, &cap, ndeleted + 1, sizeof *deleted);
            deleted[ndeleted++] = i;
            struct key_class cls;
            const struct reg_path *path = reg_key_path(f, &st->as.key, &other_buf);
            posture_classify_path(path, &cls);
            if (!cls.misplaced && (cls.kind == KK_PROTOCOLS || (cls.known && (cls.kind == KK_PROTOCOL ||
                                                                              cls.kind == KK_PROTOCOL_ROLE))) &&
                lint_on(c, RULE_DELETION_RESTORES_DEFAULT))
                deletion_restores_default(c, i, &cls, path, NULL, &restored);
        } else if (st->kind == REG_STMT_VALUE_DELETE && current) {
            struct key_class cls;
            posture_classify_path(current, &cls);
            const struct reg_name deleted_name = reg_value_name(f, &st->as.value);
            const struct reg_name *name = &deleted_name;
            /* One finding per protocol role: deleting Enabled and
             * DisabledByDefault together is one act. */
            if (!cls.misplaced && cls.kind == KK_PROTOCOL_ROLE && cls.known &&
                setting_lookup(SK_PROTOCOL_ROLE, NULL, name->s, name->len) &&
                lint_on(c, RULE_DELETION_RESTORES_DEFAULT))
                deletion_restores_default(c, i, &cls, current, name, &restored);
            /* Deleting a value of a key this file deleted before, with no
             * setting of it in between: nothing left to delete. */
            if (!lint_on(c, RULE_OVERRIDDEN_OPERATION))
                continue;
            for (size_t j = ndeleted; j-- > 0;) {
                const struct reg_key_stmt *gone = &f->stmts[deleted[j]].as.key;
                if (!path_has_prefix(current, reg_key_path(f, gone, &other_buf)))
                    continue;
                bool set_since = false;
                for (size_t k = deleted[j] + 1; k < i && !set_since; k++) {
                    const struct reg_stmt *o = &f->stmts[k];
                    if (o->kind != REG_STMT_VALUE)
                        continue;
                    struct reg_name set_name = reg_value_name(f, &o->as.value);
                    set_since = same_name(&set_name, name);
                }
                if (!set_since)
                    lint_at_stmt(c, RULE_OVERRIDDEN_OPERATION, i,
                                 "this deletes a value of a key already deleted %s %u",
                                 lint_stmt_on(c, deleted[j]), lint_stmt_line(c, deleted[j]));
                break;
            }
        }
    }
    free(deleted);
}

/* ------------------------------------------------- RL5002: layout */

void lint_check_layout(struct lint_ctx *c)
{
    const char *why;
    if (!fmt_supported(c->file, &why))
        return;
    struct buf out = BUF_INIT;
    fmt_file(c->file, &out);
    struct decoded_text formatted;
    if (text_decode((const unsigned char *)out.data, out.len, &formatted)) {
        const char *a = c->src->d.text, *b = formatted.text;
        size_t alen = c->src->d.len, blen = formatted.len, i = 0;
        while (i < alen && i < blen && a[i] == b[i])
            i++;
        if (i < alen || i < blen) {
            uint32_t line, col;
            source_position(c->src, (uint32_t)i, &line, &col);
            struct span at = source_line(c->src, line);
            struct diag *d = diag_add(c->diags, RULE_NON_CANONICAL_LAYOUT, c->src, at,
                                      "this line is not in regedit's export layout");
            diag_help(c->diags, d, "run 'reglint fmt' to rewrite the file in that layout");
        }
        free(formatted.text);
    }
    buf_free(&out);
}
