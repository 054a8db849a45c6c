/* reglint rules and reglint rule ID|NAME: the catalogue, offline. */
#include <string.h>

#include "cli.h"
#include "suggest.h"

static const char rules_help[] =
    "usage: reglint rules\n"
    "\n"
    "List every rule: ID, name, default severity and what it finds. Rules marked\n"
    "(off) run only when selected with --select.\n";

static const char rule_help[] =
    "usage: reglint rule ID|NAME\n"
    "\n"
    "Print a rule's page: what it finds, why it matters, a bad and a good .reg,\n"
    "the fix and the sources.\n";

int cli_rules(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(rules_help, stdout);
        return EXIT_OK;
    }
    if (argc > 1)
        return cli_usage("rules", "rules takes no arguments; 'reglint rule %s' shows one rule", argv[1]);
    for (int r = 0; r < RULE_COUNT; r++) {
        const struct rule_info *info = rule_info((enum rule_id)r);
        printf("%s  %-37s %-8s %s%s\n", info->id, info->name, severity_name(info->severity),
               info->summary, info->on_by_default ? "" : " (off)");
    }
    return EXIT_OK;
}

int cli_rule(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(rule_help, stdout);
        return EXIT_OK;
    }
    if (argc != 2)
        return cli_usage("rule", "rule takes one rule ID or name");
    enum rule_id rule;
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
