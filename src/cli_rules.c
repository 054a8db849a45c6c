/* reglint rules, reglint rule ID|NAME and reglint targets: the catalogues,
 * offline. */
#include <string.h>

#include "cli.h"
#include "knowledge.h"
#include "profile.h"
#include "suggest.h"
#include "text.h"

static const char rules_help[] =
    "usage: reglint rules [--format text|json] [SELECTOR...]\n"
    "\n"
    "List every rule: ID, name, default severity and what it finds. Rules marked\n"
    "(off) run only when selected with --select. SELECTORs (IDs, names or\n"
    "prefixes: RL4, PF) list only the rules they match; PF lists the profile\n"
    "language's diagnostics. --format json prints the whole catalogue, rules\n"
    "and PF codes, as one JSON document for scripts.\n";

static const char rule_help[] =
    "usage: reglint rule ID|NAME\n"
    "\n"
    "Print a rule's page: what it finds, why it matters, a bad and a good .reg,\n"
    "the fix and the sources. A PF code (PF1001) prints its entry of the profile\n"
    "language's error table.\n";

static const char targets_help[] =
    "usage: reglint targets\n"
    "\n"
    "List the Windows versions --target and a profile's 'target' name, oldest\n"
    "first, and the protocols from SSL 2.0 to TLS 1.3 each has.\n";

static const char *const rules_option_names[] = {"--format", "--help", NULL};

static bool is_help(int argc, char **argv)
{
    return argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0);
}

/* Whether a profile code matches a selector: its code or a prefix of it. */
static bool code_matches(const char *code, const char *selector)
{
    size_t n = strlen(selector);
    if (n == 0 || n > strlen(code))
        return false;
    for (size_t i = 0; i < n; i++) {
        char a = code[i], b = selector[i];
        if (b >= 'a' && b <= 'z')
            b = (char)(b - 'a' + 'A');
        if (a != b)
            return false;
    }
    return true;
}

static bool any_selector(char **selectors, int n, bool (*match)(const void *, const char *), const void *what)
{
    if (n == 0)
        return true;
    for (int i = 0; i < n; i++)
        if (match(what, selectors[i]))
            return true;
    return false;
}

static bool rule_selected(const void *rule, const char *selector)
{
    return rule_matches(*(const enum rule_id *)rule, selector);
}

static bool code_selected(const void *code, const char *selector)
{
    return code_matches(code, selector);
}

static void json_field(struct buf *out, const char *name, const char *value, bool last)
{
    buf_printf(out, "\"%s\":", name);
    text_json_string(out, value, strlen(value));
    if (!last)
        buf_putc(out, ',');
}

static void print_json(char **selectors, int nselectors)
{
    struct buf out = BUF_INIT;
    buf_printf(&out, "{\"version\":1,\"tool\":{\"name\":\"reglint\",\"version\":\"%s\"},\"rules\":[",
               REGLINT_VERSION);
    bool first = true;
    for (int r = 0; r < RULE_COUNT; r++) {
        enum rule_id rule = (enum rule_id)r;
        if (!any_selector(selectors, nselectors, rule_selected, &rule))
            continue;
        const struct rule_info *info = rule_info(rule);
        buf_puts(&out, first ? "\n{" : ",\n{");
        first = false;
        json_field(&out, "id", info->id, false);
        json_field(&out, "name", info->name, false);
        json_field(&out, "severity", severity_name(info->severity), false);
        buf_printf(&out, "\"enabledByDefault\":%s,", info->on_by_default ? "true" : "false");
        json_field(&out, "summary", info->summary, false);
        buf_printf(&out, "\"page\":\"docs/rules/%s.md\"}", info->id);
    }
    buf_puts(&out, first ? "],\"profileCodes\":[" : "\n],\"profileCodes\":[");
    first = true;
    for (size_t i = 0; i < profile_code_count(); i++) {
        if (!any_selector(selectors, nselectors, code_selected, profile_code_id(i)))
            continue;
        buf_puts(&out, first ? "\n{" : ",\n{");
        first = false;
        json_field(&out, "id", profile_code_id(i), false);
        json_field(&out, "title", profile_code_title(i), false);
        buf_puts(&out, "\"severity\":\"error\",\"page\":\"docs/profile.md#error-codes\"}");
    }
    buf_puts(&out, first ? "]}\n" : "\n]}\n");
    fwrite(out.data, 1, out.len, stdout);
    buf_free(&out);
}

int cli_rules(int argc, char **argv)
{
    if (is_help(argc, argv)) {
        fputs(rules_help, stdout);
        return EXIT_OK;
    }
    bool json = false;
    char **selectors = argv + 1;
    int nselectors = 0;
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        if (strncmp(argv[i], "--format=", 9) == 0)
            v = argv[i] + 9;
        else if (strcmp(argv[i], "--format") == 0 || strcmp(argv[i], "-f") == 0)
            v = i + 1 < argc ? argv[++i] : "";
        else if (argv[i][0] == '-')
            return cli_unknown_option("rules", argv[i], rules_option_names);
        else
            selectors[nselectors++] = argv[i];
        if (v && strcmp(v, "json") != 0 && strcmp(v, "text") != 0)
            return cli_usage("rules", "--format takes text or json, not '%s'", v);
        if (v)
            json = strcmp(v, "json") == 0;
    }
    for (int s = 0; s < nselectors; s++) {
        bool known = rule_selector_valid(selectors[s]);
        for (size_t i = 0; i < profile_code_count() && !known; i++)
            known = code_matches(profile_code_id(i), selectors[s]);
        if (!known)
            return cli_usage("rules", "no rule matches '%s' ('reglint rules' lists them)", selectors[s]);
    }
    if (json) {
        print_json(selectors, nselectors);
        return EXIT_OK;
    }
    for (int r = 0; r < RULE_COUNT; r++) {
        enum rule_id rule = (enum rule_id)r;
        if (!any_selector(selectors, nselectors, rule_selected, &rule))
            continue;
        const struct rule_info *info = rule_info(rule);
        printf("%s  %-37s %-8s %s%s\n", info->id, info->name, severity_name(info->severity),
               info->summary, info->on_by_default ? "" : " (off)");
    }
    for (size_t i = 0; i < profile_code_count() && nselectors > 0; i++)
        if (any_selector(selectors, nselectors, code_selected, profile_code_id(i)))
            printf("%s  %-37s %-8s (profile language)\n", profile_code_id(i), profile_code_title(i), "error");
    return EXIT_OK;
}

/* The cell after the one that starts at `s` in a Markdown table row. */
static const char *next_cell(const char *s, const char *end)
{
    const char *bar = memchr(s, '|', (size_t)(end - s));
    return bar ? bar + 1 : end;
}

static void print_cell(const char *label, const char *s, const char *end)
{
    const char *e = memchr(s, '|', (size_t)(end - s));
    if (!e)
        e = end;
    while (s < e && *s == ' ')
        s++;
    while (e > s && e[-1] == ' ')
        e--;
    if (e > s)
        printf("%s: %.*s\n", label, (int)(e - s), s);
}

/* rule PFxxxx: the code's row of docs/profile.md's error table. */
static bool print_profile_code(const char *code)
{
    size_t index = profile_code_count();
    for (size_t i = 0; i < profile_code_count(); i++)
        if (code_matches(profile_code_id(i), code) && strlen(code) == strlen(profile_code_id(i)))
            index = i;
    if (index == profile_code_count())
        return false;
    const char *id = profile_code_id(index);
    printf("%s %s (profile language, error)\n\n", id, profile_code_title(index));
    const char *page = rule_profile_language_page();
    char row[16];
    snprintf(row, sizeof row, "| %s |", id);
    const char *at = page ? strstr(page, row) : NULL;
    if (at) {
        const char *end = strchr(at, '\n');
        if (!end)
            end = at + strlen(at);
        const char *example = next_cell(next_cell(at + 1, end), end);
        print_cell("example", example, end);
        print_cell("cause", next_cell(example, end), end);
        putchar('\n');
    }
    printf("A profile with this error is refused: gen and lint --profile exit with status 2,\n"
           "and lint on the .profile file reports it. The profile language and every PF code:\n"
           "docs/profile.md, section \"Error codes\".\n");
    return true;
}

int cli_rule(int argc, char **argv)
{
    if (is_help(argc, argv)) {
        fputs(rule_help, stdout);
        return EXIT_OK;
    }
    if (argc != 2)
        return cli_usage("rule", "rule takes one rule ID or name");
    enum rule_id rule;
    if (print_profile_code(argv[1]))
        return EXIT_OK;
    if (!rule_find(argv[1], &rule)) {
        const char *names[2 * RULE_COUNT];
        for (int r = 0; r < RULE_COUNT; r++) {
            names[2 * r] = rule_info((enum rule_id)r)->id;
            names[2 * r + 1] = rule_info((enum rule_id)r)->name;
        }
        const char *near = suggest_closest(argv[1], strlen(argv[1]), names, 2 * RULE_COUNT);
        if (near)
            return cli_usage("rule", "no rule '%s'; did you mean '%s'?", argv[1], near);
        /* A prefix (RL30, wow64): name the rules it starts. */
        struct buf starting = BUF_INIT;
        size_t count = 0;
        for (int r = 0; r < RULE_COUNT; r++) {
            if (!rule_starts_with((enum rule_id)r, argv[1]))
                continue;
            const struct rule_info *info = rule_info((enum rule_id)r);
            buf_printf(&starting, "%s%s %s", count++ ? ", " : "", info->id, info->name);
        }
        int rc = count ? cli_usage("rule", "no rule '%s'; rules that start with it: %s", argv[1], starting.data)
                       : cli_usage("rule", "no rule '%s' ('reglint rules' lists them)", argv[1]);
        buf_free(&starting);
        return rc;
    }
    const char *page = rule_page(rule);
    if (page)
        fputs(page, stdout);
    else
        printf("%s %s: %s\n", rule_info(rule)->id, rule_info(rule)->name, rule_info(rule)->summary);
    return EXIT_OK;
}

int cli_targets(int argc, char **argv)
{
    if (is_help(argc, argv)) {
        fputs(targets_help, stdout);
        return EXIT_OK;
    }
    if (argc > 1)
        return cli_usage("targets", "targets takes no arguments");
    for (int t = 0; t < TARGET_COUNT; t++) {
        const struct target_info *info = target_info((enum target)t);
        printf("%-27s %-28s", info->name, info->display);
        const char *sep = " ";
        for (int p = PROTO_SSL_2_0; p <= PROTO_TLS_1_3; p++) {
            if (!target_supports((enum target)t, (enum protocol)p))
                continue;
            printf("%s%s", sep, protocol_info((enum protocol)p)->display);
            sep = ", ";
        }
        putchar('\n');
    }
    return EXIT_OK;
}
