#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "platform.h"
#include "printf_like.h"
#include "source.h"
#include "suggest.h"
#include "xalloc.h"

static const char *const config_keys[] = {"select", "ignore", "severity", "fail-on", "target", "profile",
                                          "per-path-ignore"};

static char *trimmed(const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    char *out = xmalloc(n + 1);
    memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

/* Every item of a rule list names a rule. */
static const char *bad_rule(const char *list)
{
    static char item[64];
    const char *p = list;
    while (*p) {
        while (*p == ',' || *p == ' ' || *p == '\t')
            p++;
        size_t n = strcspn(p, ", \t");
        if (n == 0)
            break;
        snprintf(item, sizeof item, "%.*s", (int)(n < 63 ? n : 63), p);
        if (!rule_selector_valid(item))
            return item;
        p += n;
    }
    return NULL;
}

static bool fail(char **error, const char *path, size_t line, const char *fmt, ...) PRINTF_LIKE(4, 5);

static bool fail(char **error, const char *path, size_t line, const char *fmt, ...)
{
    struct buf m = BUF_INIT;
    buf_printf(&m, "%s:%zu: ", path, line);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&m, fmt, ap);
    va_end(ap);
    *error = xstrdup(m.data);
    buf_free(&m);
    return false;
}

/* One "key = value" line; false and *error on a mistake. */
static bool config_line(struct lint_config *c, const char *path, size_t line, const char *text, char **error)
{
    const char *eq = strchr(text, '=');
    if (!eq)
        return fail(error, path, line, "expected 'key = value', not '%s'", text);
    char *left = trimmed(text, (size_t)(eq - text));
    char *value = trimmed(eq + 1, strlen(eq + 1));
    /* "severity RULE" and "per-path-ignore GLOB" carry a word of their own. */
    char *word = strpbrk(left, " \t");
    char *arg = NULL;
    if (word) {
        arg = trimmed(word, strlen(word));
        *word = '\0';
    }
    bool ok = true;
    bool takes_arg = strcmp(left, "severity") == 0 || strcmp(left, "per-path-ignore") == 0;
    const char *bad;
    size_t nkeys = sizeof config_keys / sizeof config_keys[0];
    bool known = false;
    for (size_t k = 0; k < nkeys; k++)
        known |= strcmp(left, config_keys[k]) == 0;
    if (!known) {
        const char *near = suggest_closest(left, strlen(left), config_keys, nkeys);
        ok = near ? fail(error, path, line, "unknown setting '%s'; did you mean '%s'?", left, near)
                  : fail(error, path, line, "unknown setting '%s'", left);
    } else if (takes_arg != (arg != NULL)) {
        if (takes_arg)
            ok = fail(error, path, line, "'%s' needs a word before '=' (%s)", left,
                      strcmp(left, "severity") == 0 ? "severity RULE = LEVEL" : "per-path-ignore GLOB = RULES");
        else
            ok = fail(error, path, line, "'%s' takes no word before '='", left);
    } else if (*value == '\0') {
        ok = fail(error, path, line, "'%s' needs a value", left);
    } else if ((strcmp(left, "select") == 0 || strcmp(left, "ignore") == 0 ||
                strcmp(left, "per-path-ignore") == 0) &&
               (bad = bad_rule(value)) != NULL) {
        ok = fail(error, path, line, "no rule matches '%s'", bad);
    } else if (strcmp(left, "select") == 0) {
        free(c->select);
        c->select = value;
        value = NULL;
    } else if (strcmp(left, "ignore") == 0) {
        free(c->ignore);
        c->ignore = value;
        value = NULL;
    } else if (strcmp(left, "severity") == 0) {
        enum severity sev;
        if (!rule_selector_valid(arg))
            ok = fail(error, path, line, "no rule matches '%s'", arg);
        else if (!severity_parse(value, &sev))
            ok = fail(error, path, line, "unknown level '%s' (error, warning, info, style)", value);
        else {
            c->severities = xrealloc(c->severities, (c->nseverities + 1) * sizeof *c->severities);
            c->severities[c->nseverities++] = (struct config_severity){arg, sev};
            arg = NULL;
        }
    } else if (strcmp(left, "fail-on") == 0) {
        c->fail_never = strcmp(value, "none") == 0;
        c->has_fail_on = true;
        if (!c->fail_never && !severity_parse(value, &c->fail_on))
            ok = fail(error, path, line, "unknown level '%s' (error, warning, info, style, none)", value);
    } else if (strcmp(left, "target") == 0) {
        c->has_target = target_by_name(value, &c->target);
        if (!c->has_target)
            ok = fail(error, path, line, "unknown target '%s' ('reglint targets' lists them)", value);
    } else if (strcmp(left, "profile") == 0) {
        free(c->profile);
        c->profile = value;
        value = NULL;
    } else {
        c->path_ignores = xrealloc(c->path_ignores, (c->npath_ignores + 1) * sizeof *c->path_ignores);
        c->path_ignores[c->npath_ignores++] = (struct config_path_ignore){arg, value};
        arg = value = NULL;
    }
    free(left);
    free(value);
    free(arg);
    return ok;
}

bool config_load(const char *path, struct lint_config *out, char **error)
{
    memset(out, 0, sizeof *out);
    *error = NULL;
    const char *why = NULL;
    struct source *src = source_load(path, NULL, &why);
    if (!src) {
        struct buf m = BUF_INIT;
        buf_printf(&m, "%s: cannot read the configuration: %s", path, why ? why : "unreadable");
        *error = xstrdup(m.data);
        buf_free(&m);
        return false;
    }
    out->path = xstrdup(path);
    size_t len = strlen(path);
    while (len > 0 && !platform_is_separator(path[len - 1]))
        len--;
    out->dir = xmalloc(len + 1);
    memcpy(out->dir, path, len);
    out->dir[len] = '\0';
    const char *text = src->d.text;
    size_t n = src->d.len, line = 0;
    bool ok = true;
    for (size_t i = 0; i < n && ok;) {
        size_t end = i;
        while (end < n && text[end] != '\n')
            end++;
        line++;
        char *l = trimmed(text + i, end - i);
        if (*l && *l != '#')
            ok = config_line(out, path, line, l, error);
        free(l);
        i = end + 1;
    }
    source_free(src);
    if (!ok)
        config_free(out);
    return ok;
}

void config_free(struct lint_config *c)
{
    free(c->path);
    free(c->dir);
    free(c->select);
    free(c->ignore);
    for (size_t i = 0; i < c->nseverities; i++)
        free(c->severities[i].selector);
    free(c->severities);
    free(c->profile);
    for (size_t i = 0; i < c->npath_ignores; i++) {
        free(c->path_ignores[i].glob);
        free(c->path_ignores[i].rules);
    }
    free(c->path_ignores);
    memset(c, 0, sizeof *c);
}

char *config_find(const char *file)
{
    char *cwd = platform_cwd();
    struct buf dir = BUF_INIT;
    bool absolute = platform_is_separator(file[0]) || (file[0] && file[1] == ':');
    if (!absolute && cwd) {
        buf_puts(&dir, cwd);
        buf_putc(&dir, '/');
    }
    buf_puts(&dir, file);
    free(cwd);
    /* Drop the file's own name, then try each directory upwards. */
    char *found = NULL;
    size_t len = dir.len;
    while (len > 0 && !found) {
        while (len > 0 && !platform_is_separator(dir.data[len - 1]))
            len--;
        if (len == 0)
            break;
        struct buf candidate = BUF_INIT;
        buf_append(&candidate, dir.data, len);
        buf_puts(&candidate, CONFIG_FILE_NAME);
        struct file_stamp stamp;
        platform_file_stamp(candidate.data, &stamp);
        if (stamp.exists && stamp.regular)
            found = xstrdup(candidate.data);
        buf_free(&candidate);
        len--;
    }
    buf_free(&dir);
    return found;
}

bool config_glob_match(const char *glob, const char *path)
{
    if (glob[0] == '*' && glob[1] == '*') {
        /* "**" + "/" spans whole segments: what follows starts a segment. */
        bool segments = glob[2] == '/';
        const char *rest = glob + 2 + segments;
        for (const char *p = path;; p++) {
            if ((!segments || p == path || p[-1] == '/') && config_glob_match(rest, p))
                return true;
            if (!*p)
                return false;
        }
    }
    if (*glob == '\0')
        return *path == '\0';
    if (*glob == '*') {
        for (const char *p = path;; p++) {
            if (config_glob_match(glob + 1, p))
                return true;
            if (!*p || *p == '/')
                return false;
        }
    }
    if (*path == '\0')
        return false;
    if ((*glob == '?' && *path != '/') || *glob == *path)
        return config_glob_match(glob + 1, path + 1);
    return false;
}

static bool is_absolute(const char *path)
{
    return path[0] == '/' ||
           (((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z')) && path[1] == ':' &&
            path[2] == '/');
}

/* `name` made absolute against `cwd` (when it is not), with '/' for '\',
 * and "." and ".." segments resolved: a malloc'd string. */
char *config_absolute_path(const char *cwd, const char *name)
{
    struct buf joined = BUF_INIT;
    if (!is_absolute(name) && !(name[0] == '\\' || (name[0] && name[1] == ':' && name[2] == '\\'))) {
        buf_puts(&joined, cwd);
        buf_putc(&joined, '/');
    }
    buf_puts(&joined, name);
    for (size_t i = 0; i < joined.len; i++)
        if (joined.data[i] == '\\')
            joined.data[i] = '/';
    /* Resolve segments in place: out holds what is kept. */
    char *path = joined.data;
    size_t out = 0, i = 0, prefix = path[0] == '/' ? 1 : 3; /* "/" or "C:/" */
    if (prefix > joined.len)
        prefix = joined.len;
    out = prefix;
    i = prefix;
    while (i < joined.len) {
        size_t j = i;
        while (j < joined.len && path[j] != '/')
            j++;
        size_t seg = j - i;
        if (seg == 0 || (seg == 1 && path[i] == '.')) {
            /* nothing */
        } else if (seg == 2 && path[i] == '.' && path[i + 1] == '.') {
            while (out > prefix && path[out - 1] == '/')
                out--;
            while (out > prefix && path[out - 1] != '/')
                out--;
        } else {
            if (out > prefix && path[out - 1] != '/')
                path[out++] = '/';
            memmove(path + out, path + i, seg);
            out += seg;
        }
        i = j + 1;
    }
    path[out] = '\0';
    char *result = xstrdup(path);
    buf_free(&joined);
    return result;
}


char *config_path_below(const char *dir, const char *file)
{
    char *cwd = platform_cwd();
    char *abs_dir = config_absolute_path(cwd ? cwd : ".", *dir ? dir : ".");
    char *abs = config_absolute_path(cwd ? cwd : ".", file);
    free(cwd);
    size_t n = strlen(abs_dir);
    char *rel = NULL;
    if (strncmp(abs, abs_dir, n) == 0 && (abs[n] == '/' || (n > 0 && abs_dir[n - 1] == '/')))
        rel = xstrdup(abs + n + (abs[n] == '/'));
    free(abs_dir);
    free(abs);
    return rel;
}

char *config_relative(const struct lint_config *c, const char *file)
{
    return config_path_below(c->dir, file);
}

char *config_path_from(const char *dir, const char *file)
{
    char *cwd = platform_cwd();
    char *from = config_absolute_path(cwd ? cwd : ".", *dir ? dir : ".");
    char *to = config_absolute_path(cwd ? cwd : ".", file);
    free(cwd);
    /* The longest common run of whole segments. */
    size_t common = 0;
    for (size_t i = 0; from[i] && from[i] == to[i]; i++)
        if (from[i] == '/')
            common = i + 1;
    size_t from_len = strlen(from);
    if (strncmp(from, to, from_len) == 0 && (to[from_len] == '/' || from[from_len - 1] == '/'))
        common = from_len + (to[from_len] == '/');
    struct buf rel = BUF_INIT;
    for (size_t i = common; i < from_len; i++)
        if (i == common || from[i] == '/')
            if (from[i] != '/' || from[i + 1])
                buf_puts(&rel, "../");
    buf_puts(&rel, to + (common < strlen(to) ? common : strlen(to)));
    char *result = xstrdup(rel.data ? rel.data : "");
    buf_free(&rel);
    free(from);
    free(to);
    return result;
}
