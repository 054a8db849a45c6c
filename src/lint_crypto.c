/* Values 32-bit programs read from Wow6432Node (RL3004, RL3005), .NET
 * (RL3012) and the cipher-suite order (RL4005, RL4006, RL4010). */
#include <stdint.h>
#include <string.h>

#include "lint_check.h"
#include "profile.h"
#include "writer.h"

/* ------------------------------------------------ RL3004, RL3005: mirrors */

/* The statement after which a value of `key` can be added: the last value
 * line of the block its last key line opens (or that key line), when nothing
 * after it deletes a key; otherwise SIZE_MAX. */
static size_t end_of_block(const struct lint_ctx *c, const struct model_key *key)
{
    if (!key || key->stmt == MODEL_NO_STMT || c->file->stmts[key->stmt].kind != REG_STMT_KEY)
        return SIZE_MAX;
    size_t last = key->stmt, i = key->stmt + 1;
    for (; i < c->file->nstmts && c->file->stmts[i].kind != REG_STMT_KEY &&
           c->file->stmts[i].kind != REG_STMT_KEY_DELETE;
         i++)
        if (c->file->stmts[i].kind == REG_STMT_VALUE || c->file->stmts[i].kind == REG_STMT_VALUE_DELETE)
            last = i;
    for (; i < c->file->nstmts; i++)
        if (c->file->stmts[i].kind == REG_STMT_KEY_DELETE)
            return SIZE_MAX;
    return last;
}

/* RL3004: the value added to the twin key, laid out by the writer in the
 * file's line endings (the fixer encodes it with the rest of the file):
 * below the twin's own values when the file has a block for it, else in a
 * new block at the end. Each new block brings its own blank line, so that
 * several can go in at once; a file's final blank line stays last, and a
 * file without a final line ending stays without one. */
static void add_mirror_fix(struct lint_ctx *c, struct diag *d, const struct model_value *v,
                           const struct model_key *twin_key, const char *twin)
{
    uint32_t value;
    if (!model_value_dword(c->m, v, &value))
        return;
    const struct decoded_text *in = &c->src->d;
    const char *name = lint_value_name(c, v);
    size_t name_len = strcmp(name, "@") == 0 ? 0 : strlen(name);
    uint32_t at;
    size_t block_end = end_of_block(c, twin_key);
    if (block_end != SIZE_MAX) {
        /* At the end of the block's last line, past any text regedit
         * ignores there, which must stay on that line. */
        uint32_t line, col;
        source_position(c->src, c->file->stmts[block_end].at.end, &line, &col);
        at = source_line(c->src, line).end;
    } else {
        at = (uint32_t)in->len;
        uint32_t nlines = source_line_count(c->src);
        struct span last = nlines ? source_line(c->src, nlines) : (struct span){0, 0};
        if (in->final_newline && last.start == last.end && nlines > 1)
            at = last.start;
    }
    if (at > c->file->open_continuation) {
        diag_help(c->diags, d, "no fix: the file ends inside hex data continued with '\\' (RL1009), and "
                               "regedit would read a block added below as more of it; remove that '\\' first");
        return;
    }
    struct reg_writer w;
    writer_init(&w, TEXT_UTF8);
    struct buf text = BUF_INIT;
    if (block_end != SIZE_MAX) {
        writer_blank(&w);
        writer_dword(&w, name, name_len, value);
        writer_finish(&w, in->eol, false, &text);
    } else {
        if (!in->final_newline && in->len > 0)
            writer_blank(&w);
        writer_blank(&w);
        writer_key(&w, twin, strlen(twin), false);
        writer_dword(&w, name, name_len, value);
        writer_finish(&w, in->eol, in->final_newline || in->len == 0, &text);
    }
    writer_release(&w);
    struct fix *fix = diag_fix(c->diags, d, FIX_UNSAFE, "add the value to [%s]", twin);
    diag_fix_edit(c->diags, fix, (struct span){at, at}, text.data);
    buf_free(&text);
}

/* RL3005: the twin takes the native value, written as the native one is. */
static void copy_native_fix(struct lint_ctx *c, struct diag *d, const struct model_value *native,
                            const struct model_value *twin)
{
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
        add_mirror_fix(c, d, have, a ? wow : native, twin);
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
    if (has_system_default && system_default == 1)
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

/* --------------------------------------------- RL4005, 4006, 4010: suites */

/* A finding inside the string data of a value, when the text as written is
 * the text stored (no escapes), else at the data. */
static struct diag *at_suite(struct lint_ctx *c, enum rule_id rule, const struct model_value *v,
                             bool exact, uint32_t offset, uint32_t len, const char *message)
{
    struct diag *d = lint_at_value(c, rule, v, PART_DATA, "%s", message);
    if (exact) {
        uint32_t start = lint_value_stmt(c, v)->data_at.start + 1 + offset;
        d->at = (struct span){start, start + len};
    }
    return d;
}

void lint_check_suites(struct lint_ctx *c)
{
    const struct model_value *v = posture_value(&c->posture, c->posture.suite_policy, "Functions");
    if (!v || model_value_type(c->m, v) != REG_TYPE_SZ)
        return;
    const struct reg_value_stmt *st = lint_value_stmt(c, v);
    if (st->form != REG_FORM_STRING)
        return;
    const char *s = reg_value_text(c->file, st);
    uint32_t n = st->len;
    bool exact = st->data_at.end - st->data_at.start == n + 2 &&
                 memcmp(c->src->d.text + st->data_at.start + 1, s, n) == 0;
    size_t chars = text_count_cps(s, n);
    if (chars > SUITE_LIST_MAX_CHARS && lint_on(c, RULE_CIPHER_SUITE_LIST_TOO_LONG)) {
        struct diag *d = lint_at_value(c, RULE_CIPHER_SUITE_LIST_TOO_LONG, v, PART_DATA,
                                       "the cipher-suite list is %zu characters; Windows reads at most %d",
                                       chars, SUITE_LIST_MAX_CHARS);
        diag_help(c->diags, d, "suites past the limit are ignored; drop the ones no peer needs");
    }
    size_t legacy = 0;
    uint32_t first_legacy = 0, first_legacy_len = 0;
    for (uint32_t i = 0; i < n;) {
        uint32_t start = i;
        while (i < n && s[i] != ',')
            i++;
        uint32_t end = i;
        i++;
        while (start < end && (s[start] == ' ' || s[start] == '\t'))
            start++;
        while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
            end--;
        if (end == start)
            continue;
        const char *suite = arena_strndup(c->diags->arena, s + start, end - start);
        const char *why = suite_weakness(suite, end - start);
        if (why && lint_on(c, RULE_WEAK_CIPHER_SUITE)) {
            struct diag *d = at_suite(c, RULE_WEAK_CIPHER_SUITE, v, exact, start, end - start,
                                      arena_printf(c->diags->arena,
                                                   "weak cipher suite %s (%s) in the suite order",
                                                   suite, why));
            if (exact) {
                /* Remove the name and one comma next to it. */
                struct span cut = {st->data_at.start + 1 + start, st->data_at.start + 1 + end};
                if (end < n && s[end] == ',')
                    cut.end++;
                else if (start > 0 && s[start - 1] == ',')
                    cut.start--;
                struct fix *fix = diag_fix(c->diags, d, FIX_UNSAFE, "remove %s from the list", suite);
                diag_fix_edit(c->diags, fix, cut, "");
            }
        }
        if (suite_has_curve_suffix(suite, end - start)) {
            if (legacy++ == 0) {
                first_legacy = start;
                first_legacy_len = end - start;
            }
        }
    }
    if (legacy == 0 || !lint_on(c, RULE_LEGACY_SUITE_NAME))
        return;
    if (c->target && target_info(*c->target)->legacy_suite_names)
        return;
    struct diag *d = at_suite(
        c, RULE_LEGACY_SUITE_NAME, v, exact, first_legacy, first_legacy_len,
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
