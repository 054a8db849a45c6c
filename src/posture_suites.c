/* What `reglint posture` prints below the protocol table: Schannel's
 * cipher, hash and key exchange switches, and the effective cipher-suite
 * and curve orders (suites.h), each entry with what decided it. */
#include <stdlib.h>
#include <string.h>

#include "posture_report.h"
#include "text.h"

static const char *const group_keys[] = {
    [ALG_CIPHER] = "Ciphers", [ALG_HASH] = "Hashes", [ALG_KEY_EXCHANGE] = "KeyExchangeAlgorithms"};

static const struct model_key *child_key(const struct model *m, const struct model_key *k,
                                         const char *name)
{
    const struct model_key *c = k ? model_child(m, k, name, strlen(name)) : NULL;
    return c && c->exists ? c : NULL;
}

static const struct model_key *algorithm_key_of(const struct posture *p, const void *arg)
{
    const struct algorithm_info *alg = arg;
    return child_key(p->model, child_key(p->model, p->schannel, group_keys[alg->kind]), alg->key);
}

void posture_switches(const struct posture *layers, size_t nlayers, struct posture_switch *out,
                      size_t *n)
{
    size_t count;
    const struct algorithm_info *all = algorithms(&count);
    *n = 0;
    for (size_t i = 0; i < count; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s\\%s\\%s", KEY_SCHANNEL, group_keys[all[i].kind], all[i].key);
        struct layer_value lv =
            posture_layered(layers, nlayers, algorithm_key_of, &all[i], path, "Enabled");
        if (!lv.value)
            continue;
        uint32_t enabled;
        const char *state = "unknown";
        if (model_value_dword(layers[lv.layer].model, lv.value, &enabled))
            state = enabled ? "enabled" : "disabled";
        out[(*n)++] = (struct posture_switch){&all[i], lv, state};
    }
}

size_t posture_switch_capacity(void)
{
    size_t count;
    algorithms(&count);
    return count;
}

void posture_switch_key(const struct algorithm_info *alg, struct buf *out)
{
    buf_printf(out, "%s\\%s", group_keys[alg->kind], alg->key);
}

/* "Enabled=0 at a.reg:12". */
static void value_words(const struct posture *layers, struct layer_value lv, struct buf *out)
{
    const struct model *m = layers[lv.layer].model;
    posture_value_text(m, lv.value, out);
    buf_puts(out, " at ");
    posture_value_place(m, lv.value, out);
}

void posture_order_source(const struct effective_order *o, bool curves, const enum target *target,
                          const struct posture *layers, struct buf *out)
{
    const char *name = curves ? "EccCurves" : "Functions";
    if (curves && !o->target_reads) {
        buf_printf(out, "none: %s reads no curve order (a suite name carries its curve)",
                   target_info(*target)->display);
        return;
    }
    switch (o->source) {
    case ORDER_POLICY:
    case ORDER_LOCAL:
        buf_printf(out, "the %s (", o->source == ORDER_POLICY ? "Group Policy value" : "local list");
        value_words(layers, o->value, out);
        buf_putc(out, ')');
        return;
    case ORDER_UNKNOWN:
        buf_puts(out, "unknown: ");
        value_words(layers, o->value, out);
        buf_puts(out, " is of a type whose effect Microsoft does not document");
        return;
    case ORDER_DEFAULT:
        break;
    }
    if (target)
        buf_printf(out, "the default of %s", target_info(*target)->display);
    else
        buf_printf(out, "the Windows default, which differs between versions (pass --target to "
                        "list it; no file sets %s)", name);
}

void posture_entry_why(const struct order_entry *e, const struct posture *layers, struct buf *out)
{
    if (e->fate == FATE_DISABLED) {
        buf_printf(out, "disabled by %s", e->disabled_key ? e->disabled_key : "a Schannel key");
        if (e->disabled_by.value) {
            buf_puts(out, " (");
            value_words(layers, e->disabled_by, out);
            buf_putc(out, ')');
        }
        return;
    }
    buf_puts(out, entry_fate_name(e->fate));
    if (e->on_request)
        buf_puts(out, ", only when an application asks for it");
}

/* ------------------------------------------------------------ formats */

static void text_order(const struct effective_order *o, bool curves, const enum target *target,
                       const struct posture *layers, struct buf *out)
{
    buf_printf(out, "\n%s order: ", curves ? "Curve" : "Cipher-suite");
    posture_order_source(o, curves, target, layers, out);
    buf_putc(out, '\n');
    struct buf why = BUF_INIT;
    for (size_t i = 0; i < o->n; i++) {
        buf_clear(&why);
        posture_entry_why(&o->entries[i], layers, &why);
        buf_printf(out, "  %3zu. %-45s %s\n", i + 1, o->entries[i].name, why.data);
    }
    buf_free(&why);
}

static void markdown_order(const struct effective_order *o, bool curves, const enum target *target,
                           const struct posture *layers, struct buf *out)
{
    struct buf t = BUF_INIT;
    buf_printf(out, "\n#### %s order\n\n", curves ? "Curve" : "Cipher-suite");
    posture_order_source(o, curves, target, layers, &t);
    buf_puts(out, "From ");
    report_markdown_text(out, t.data, t.len);
    buf_puts(out, ".\n");
    if (o->n)
        buf_printf(out, "\n| # | %s | What becomes of it |\n|---|---|---|\n", curves ? "Curve" : "Suite");
    for (size_t i = 0; i < o->n; i++) {
        buf_printf(out, "| %zu | ", i + 1);
        report_markdown_text(out, o->entries[i].name, strlen(o->entries[i].name));
        buf_puts(out, " | ");
        buf_clear(&t);
        posture_entry_why(&o->entries[i], layers, &t);
        report_markdown_text(out, t.data, t.len);
        buf_puts(out, " |\n");
    }
    buf_free(&t);
}

static void json_layer_value(const struct posture *layers, struct layer_value lv, struct buf *out)
{
    if (!lv.value) {
        buf_puts(out, "null");
        return;
    }
    const struct model *m = layers[lv.layer].model;
    struct reg_name name = model_value_name(m, lv.value);
    uint32_t line, col;
    source_position(m->file->src, model_value_stmt(m, lv.value)->name_at.start, &line, &col);
    buf_puts(out, "{\"name\":");
    text_json_string(out, name.s, name.len);
    buf_puts(out, ",\"file\":");
    text_json_string(out, m->file->src->name, strlen(m->file->src->name));
    buf_printf(out, ",\"line\":%u}", (unsigned)line);
}

static const char *fate_id(enum entry_fate f)
{
    switch (f) {
    case FATE_USED:
        return "used";
    case FATE_UNKNOWN_NAME:
        return "unknown-name";
    case FATE_UNSUPPORTED:
        return "unsupported";
    case FATE_DUPLICATE:
        return "duplicate";
    case FATE_DISABLED:
        break;
    }
    return "disabled";
}

static void json_order(const struct effective_order *o, bool curves, const struct posture *layers,
                       struct buf *out)
{
    buf_printf(out, "{\"source\":\"%s\",\"value\":", order_source_name(o->source));
    json_layer_value(layers, o->source == ORDER_DEFAULT ? (struct layer_value){NULL, 0} : o->value,
                     out);
    if (curves)
        buf_printf(out, ",\"target_reads\":%s", o->target_reads ? "true" : "false");
    buf_puts(out, ",\"entries\":[");
    for (size_t i = 0; i < o->n; i++) {
        const struct order_entry *e = &o->entries[i];
        buf_puts(out, i ? ",{\"name\":" : "{\"name\":");
        text_json_string(out, e->name, strlen(e->name));
        buf_printf(out, ",\"fate\":\"%s\",\"on_request\":%s,\"disabled_by\":", fate_id(e->fate),
                   e->on_request ? "true" : "false");
        if (e->fate == FATE_DISABLED) {
            buf_puts(out, "{\"key\":");
            const char *key = e->disabled_key ? e->disabled_key : "";
            text_json_string(out, key, strlen(key));
            buf_puts(out, ",\"value\":");
            json_layer_value(layers, e->disabled_by, out);
            buf_putc(out, '}');
        } else {
            buf_puts(out, "null");
        }
        buf_putc(out, '}');
    }
    buf_puts(out, "]}");
}

void posture_report_suites(const struct posture_files *pf, const enum target *target,
                           enum report_format format, struct buf *out)
{
    struct posture_switch *switches = calloc(posture_switch_capacity() + 1, sizeof *switches);
    size_t nswitches;
    posture_switches(pf->layers, pf->n, switches, &nswitches);
    struct arena *arena = arena_new();
    struct effective_order suites, curves;
    suites_effective(pf->layers, pf->n, target, arena, &suites, &curves);
    struct buf t = BUF_INIT;
    switch (format) {
    case REPORT_TEXT:
        buf_puts(out, "\nSchannel switches (Ciphers, Hashes, KeyExchangeAlgorithms)\n");
        for (size_t i = 0; i < nswitches; i++) {
            buf_clear(&t);
            posture_switch_key(switches[i].alg, &t);
            buf_printf(out, "  %-36s %-9s ", t.data, switches[i].state);
            value_words(pf->layers, switches[i].by, out);
            buf_putc(out, '\n');
        }
        buf_printf(out, "  %s: enabled (the Windows default)\n",
                   nswitches ? "every other one" : "none set, every one");
        text_order(&suites, false, target, pf->layers, out);
        text_order(&curves, true, target, pf->layers, out);
        break;
    case REPORT_MARKDOWN:
        buf_puts(out, "\n#### Schannel switches\n\n");
        if (nswitches)
            buf_puts(out, "| Key | State | Set by |\n|---|---|---|\n");
        for (size_t i = 0; i < nswitches; i++) {
            buf_clear(&t);
            posture_switch_key(switches[i].alg, &t);
            buf_puts(out, "| ");
            report_markdown_text(out, t.data, t.len);
            buf_printf(out, " | **%s** | ", switches[i].state);
            buf_clear(&t);
            value_words(pf->layers, switches[i].by, &t);
            report_markdown_text(out, t.data, t.len);
            buf_puts(out, " |\n");
        }
        buf_printf(out, "%s%s Ciphers, Hashes and KeyExchangeAlgorithms: enabled (the Windows "
                        "default).\n",
                   nswitches ? "\n" : "", nswitches ? "Every other key of" : "No file sets a key of");
        markdown_order(&suites, false, target, pf->layers, out);
        markdown_order(&curves, true, target, pf->layers, out);
        break;
    case REPORT_JSON:
        buf_puts(out, ",\"switches\":[");
        for (size_t i = 0; i < nswitches; i++) {
            buf_clear(&t);
            posture_switch_key(switches[i].alg, &t);
            buf_puts(out, i ? ",{\"key\":" : "{\"key\":");
            text_json_string(out, t.data, t.len);
            buf_printf(out, ",\"state\":\"%s\",\"value\":", switches[i].state);
            json_layer_value(pf->layers, switches[i].by, out);
            buf_putc(out, '}');
        }
        buf_puts(out, "],\"suites\":");
        json_order(&suites, false, pf->layers, out);
        buf_puts(out, ",\"curves\":");
        json_order(&curves, true, pf->layers, out);
        break;
    }
    buf_free(&t);
    arena_free(arena);
    free(switches);
}
