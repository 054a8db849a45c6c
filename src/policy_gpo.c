/* A GPO folder read as one document: a backup (Backup.xml beside
 * DomainSysvol/GPO) or a SYSVOL policy folder (gpt.ini beside Machine and
 * User). See policy.h. */
#include "policy.h"

#include <stdlib.h>
#include <string.h>

#include "platform.h"
#include "xalloc.h"

/* `dir`/`name` with the entry's own spelling (Windows names ignore case, and
 * GPO folders spell "Registry.pol" and "registry.pol" alike), or NULL when
 * `dir` has no entry of that kind by that name. Owned by the caller. */
static char *find_entry(const char *dir, const char *name, bool want_dir)
{
    struct platform_dir_entry *entries;
    size_t n;
    if (platform_list_dir(dir, &entries, &n))
        return NULL;
    char *found = NULL;
    for (size_t i = 0; i < n && !found; i++) {
        bool is_dir = entries[i].kind == PLATFORM_ENTRY_DIR || entries[i].kind == PLATFORM_ENTRY_LINK_TO_DIR;
        if (is_dir == want_dir && text_ascii_equal_nocase(entries[i].name, strlen(entries[i].name), name)) {
            struct buf b = BUF_INIT;
            buf_printf(&b, "%s%s%s", dir, platform_join_separator(dir), entries[i].name);
            found = buf_steal(&b);
        }
    }
    platform_free_dir(entries, n);
    return found;
}

/* A path of folders then a file, each found in any case. */
static char *find_path(const char *dir, const char *const *names, size_t n)
{
    char *at = xstrdup(dir);
    for (size_t i = 0; i < n && at; i++) {
        char *next = find_entry(at, names[i], i + 1 < n);
        free(at);
        at = next;
    }
    return at;
}

char *policy_gpo_root(const char *dir)
{
    char *backup = find_entry(dir, "Backup.xml", false);
    if (backup) {
        free(backup);
        static const char *const sysvol[] = {"DomainSysvol", "GPO"};
        char *root = xstrdup(dir);
        for (size_t i = 0; i < 2 && root; i++) {
            char *next = find_entry(root, sysvol[i], true);
            free(root);
            root = next;
        }
        return root;
    }
    char *ini = find_entry(dir, "gpt.ini", false);
    if (ini) {
        free(ini);
        return xstrdup(dir);
    }
    return NULL;
}

/* The files Group Policy reads from a GPO, in the order it applies them:
 * computer policy before user policy, and within each the registry
 * extension (Registry.pol) before the security templates and preferences
 * (client-side extensions run in the order of their GUIDs). */
static const struct gpo_file {
    const char *names[5];
    size_t n;
} gpo_files[] = {
    {{"Machine", "Registry.pol"}, 2},
    {{"Machine", "Microsoft", "Windows NT", "SecEdit", "GptTmpl.inf"}, 5},
    {{"Machine", "Preferences", "Registry", "Registry.xml"}, 4},
    {{"User", "Registry.pol"}, 2},
    {{"User", "Preferences", "Registry", "Registry.xml"}, 4},
};

size_t policy_gpo_files(const char *root, char **paths, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < sizeof gpo_files / sizeof gpo_files[0] && n < max; i++) {
        char *path = find_path(root, gpo_files[i].names, gpo_files[i].n);
        if (path)
            paths[n++] = path;
    }
    return n;
}
