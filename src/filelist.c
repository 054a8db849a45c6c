#include "filelist.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "platform.h"
#include "policy.h"
#include "xalloc.h"

bool file_name_is_reg(const char *name)
{
    size_t len = strlen(name);
    if (len < 4)
        return false;
    const char *ext = name + len - 4;
    return ext[0] == '.' && (ext[1] == 'r' || ext[1] == 'R') && (ext[2] == 'e' || ext[2] == 'E') &&
           (ext[3] == 'g' || ext[3] == 'G');
}

static void add_item(struct file_list *list, char *path, char *error)
{
    list->items = xgrow(list->items, &list->cap, list->n + 1, sizeof *list->items);
    list->items[list->n].path = path;
    list->items[list->n++].error = error;
}

static int by_name(const void *a, const void *b)
{
    const struct platform_dir_entry *x = a, *y = b;
    return strcmp(x->name, y->name);
}

static void walk(struct file_list *list, const char *dir)
{
    /* A GPO folder is one document (policy.h). */
    char *gpo = policy_gpo_root(dir);
    bool is_gpo = gpo != NULL;
    free(gpo);
    if (is_gpo) {
        add_item(list, xstrdup(dir), NULL);
        return;
    }
    struct platform_dir_entry *entries;
    size_t n;
    const char *error = platform_list_dir(dir, &entries, &n);
    if (error) {
        add_item(list, xstrdup(dir), xstrdup(error));
        return;
    }
    /* An empty directory may come back as NULL, which qsort may not take. */
    if (n > 1)
        qsort(entries, n, sizeof *entries, by_name);
    struct buf path = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const struct platform_dir_entry *e = &entries[i];
        bool is_file = e->kind == PLATFORM_ENTRY_FILE && file_name_is_reg(e->name);
        if (!is_file && e->kind != PLATFORM_ENTRY_DIR)
            continue;
        buf_clear(&path);
        buf_printf(&path, "%s%s%s", dir, platform_join_separator(dir), e->name);
        if (is_file)
            add_item(list, xstrdup(path.data), NULL);
        else
            walk(list, path.data);
    }
    buf_free(&path);
    platform_free_dir(entries, n);
}

size_t file_list_add(struct file_list *list, const char *arg)
{
    size_t before = list->n;
    if (strcmp(arg, "-") != 0 && platform_is_dir(arg))
        walk(list, arg);
    else
        add_item(list, xstrdup(arg), NULL);
    return list->n - before;
}

void file_list_free(struct file_list *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->items[i].path);
        free(list->items[i].error);
    }
    free(list->items);
    *list = (struct file_list)FILE_LIST_INIT;
}
