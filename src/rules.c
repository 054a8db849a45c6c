#include "rules.h"

#include <ctype.h>
#include <string.h>

#include "embedded.h"

/* Generated from the pages in docs/rules by scripts/embed (see the Makefile). */
extern const struct embedded_file rule_pages[];
extern const size_t rule_pages_count;

static const struct rule_info rules[RULE_COUNT] = {
#define RULE(sym, id, name, sev, on, summary) [RULE_##sym] = {id, name, sev, on, summary},
#include "rules.def"
#undef RULE
};

const struct rule_info *rule_info(enum rule_id rule)
{
    return &rules[rule];
}

static bool equal_nocase(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return false;
    return *a == *b;
}

bool rule_find(const char *id_or_name, enum rule_id *out)
{
    for (int r = 0; r < RULE_COUNT; r++) {
        if (equal_nocase(rules[r].id, id_or_name) || equal_nocase(rules[r].name, id_or_name)) {
            *out = (enum rule_id)r;
            return true;
        }
    }
    return false;
}

static bool starts_nocase(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (tolower((unsigned char)*s) != tolower((unsigned char)*prefix))
            return false;
    return true;
}

bool rule_starts_with(enum rule_id rule, const char *prefix)
{
    return *prefix && (starts_nocase(rules[rule].id, prefix) || starts_nocase(rules[rule].name, prefix));
}

bool rule_matches(enum rule_id rule, const char *selector)
{
    const struct rule_info *info = &rules[rule];
    if (equal_nocase(info->name, selector))
        return true;
    size_t n = strlen(selector);
    if (n < 2 || n > strlen(info->id))
        return false;
    for (size_t i = 0; i < n; i++)
        if (toupper((unsigned char)selector[i]) != info->id[i])
            return false;
    return true;
}

bool rule_selector_valid(const char *selector)
{
    for (int r = 0; r < RULE_COUNT; r++)
        if (rule_matches((enum rule_id)r, selector))
            return true;
    return false;
}

const char *rule_page(enum rule_id rule)
{
    const struct embedded_file *page = embedded_find(rule_pages, rule_pages_count, rules[rule].id);
    return page ? page->contents : NULL;
}

const char *rule_profile_language_page(void)
{
    const struct embedded_file *page = embedded_find(rule_pages, rule_pages_count, "profile");
    return page ? page->contents : NULL;
}

const char *severity_name(enum severity sev)
{
    switch (sev) {
    case SEV_STYLE:
        return "style";
    case SEV_INFO:
        return "info";
    case SEV_WARNING:
        return "warning";
    case SEV_ERROR:
        return "error";
    }
    return "?";
}

bool severity_parse(const char *s, enum severity *out)
{
    for (int sev = SEV_STYLE; sev <= SEV_ERROR; sev++) {
        if (strcmp(s, severity_name((enum severity)sev)) == 0) {
            *out = (enum severity)sev;
            return true;
        }
    }
    return false;
}
