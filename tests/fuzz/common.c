/* What the libFuzzer harnesses share; see common.h. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dump.h"
#include "model.h"
#include "render.h"

bool fuzz_read_doc(const unsigned char *bytes, size_t n, struct reg_doc *doc)
{
    memset(doc, 0, sizeof *doc);
    struct source *src = source_from_bytes("fuzz.reg", bytes, n);
    if (!src)
        return false;
    reg_doc_read(doc, src);
    return true;
}

bool fuzz_read(const unsigned char *bytes, size_t n, struct fuzz_read *out)
{
    memset(out, 0, sizeof *out);
    struct reg_doc *doc = &out->doc;
    if (!fuzz_read_doc(bytes, n, doc))
        return false;
    struct model *m = model_build(doc->file, doc->arena, MODEL_AS_REGEDIT);
    FILE *f = open_memstream(&out->dump, &out->dump_len);
    if (!f)
        fuzz_fail("open_memstream failed");
    dump_model(m, f);
    fclose(f);
    model_free(m);
    return true;
}

void fuzz_read_release(struct fuzz_read *r)
{
    free(r->dump);
    reg_doc_release(&r->doc);
}

bool fuzz_same_dump(const struct fuzz_read *a, const struct fuzz_read *b)
{
    return a->dump_len == b->dump_len && memcmp(a->dump, b->dump, a->dump_len) == 0;
}

bool fuzz_is_reader_rule(enum rule_id rule)
{
    return strncmp(rule_info(rule)->id, "RL1", 3) == 0;
}

size_t fuzz_reader_errors(const struct diag_list *diags, enum rule_id rule)
{
    size_t n = 0;
    for (size_t i = 0; i < diags->n; i++)
        n += diags->items[i]->rule == rule && diags->items[i]->severity == SEV_ERROR;
    return n;
}

uint32_t fuzz_hash(const uint8_t *data, size_t size)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < size; i++)
        h = (h ^ data[i]) * 16777619u;
    return h;
}

void fuzz_options_all_rules(struct lint_options *o, uint32_t pick)
{
    lint_options_init(o);
    for (int r = 0; r < RULE_COUNT; r++)
        o->enabled[r] = true;
    o->has_target = true;
    o->target = (enum target)(pick % TARGET_COUNT);
}

/* Loaded on first use and kept: loading them for every input would be most
 * of the work. */
static struct profile builtin[64];

static const struct policy *builtin_policy(size_t i)
{
    if (builtin_templates_count > sizeof builtin / sizeof builtin[0])
        fuzz_fail("more built-in profiles than the harness holds");
    if (!builtin[i].arena &&
        profile_load(builtin_templates[i].name, &builtin[i]) != PROFILE_OK)
        fuzz_fail("built-in profile %s does not load", builtin_templates[i].name);
    return builtin[i].policy;
}

void fuzz_options_builtin_profile(struct lint_options *o, uint32_t pick)
{
    const struct policy *policy = builtin_policy(pick % builtin_templates_count);
    fuzz_options_all_rules(o, pick / (uint32_t)builtin_templates_count);
    o->policy = policy;
    if (policy->has_target)
        o->target = policy->target;
    for (size_t i = 0; i < policy->nsettings; i++) {
        const struct policy_setting *s = &policy->settings[i];
        if (s->kind == PS_PROTOCOL && s->action == PA_DISABLE)
            o->protocol_forbidden[s->subject.protocol.protocol] = true;
        if (s->kind == PS_PROTOCOL && s->action == PA_ENABLE)
            o->protocol_required[s->subject.protocol.protocol] = true;
    }
}

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

FILE *fuzz_nowhere(void)
{
    static FILE *f;
    if (!f && !(f = fopen("/dev/null", "w")))
        fuzz_fail("cannot open /dev/null");
    return f;
}

void fuzz_render_all(const struct diag_list *const *lists, size_t n, uint32_t pick)
{
    static const enum render_format formats[] = {FORMAT_TEXT, FORMAT_GCC, FORMAT_JSON,
                                                 FORMAT_GITHUB, FORMAT_SARIF};
    size_t nformats = sizeof formats / sizeof formats[0] - (pick % 16 != 0);
    for (size_t i = 0; i < nformats; i++) {
        struct renderer *out = render_begin(fuzz_nowhere(), formats[i], i == 0);
        for (size_t k = 0; k < n; k++)
            render_file(out, lists[k], SEV_STYLE);
        render_end(out);
    }
}

void fuzz_rendered_doc(struct reg_doc *doc, uint32_t pick)
{
    for (size_t i = 0; i < doc->diags.n; i++) {
        struct span at = doc->diags.items[i]->at;
        if (at.start > at.end || at.end > doc->src->d.len)
            fuzz_fail("finding %zu lies outside the rendering", i);
    }
    struct model *m = model_build(doc->file, doc->arena, MODEL_AS_REGEDIT);
    dump_model(m, fuzz_nowhere());
    model_free(m);
    struct lint_options o;
    fuzz_options_all_rules(&o, pick);
    lint_document(&o, doc->src, doc->file, &doc->diags);
    lint_finish(&o, doc->file, &doc->diags);
    const struct diag_list *lists[] = {&doc->diags};
    fuzz_render_all(lists, 1, pick);
}
