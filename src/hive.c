/* Registry hive files through libhivex. See hive.h. */
#include "hive.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"
#include "text.h"
#include "xalloc.h"

/* ------------------------------------------------------------- options */

static bool mount_given;
static enum reg_root mount_root;
static char *mount_below;
static bool all_keys;

/* The keys hive_want_key() names, as full paths. */
static char **wanted;
static size_t nwanted, wanted_cap;

static const struct {
    const char *name;
    enum reg_root root;
} root_names[] = {
    {"HKEY_LOCAL_MACHINE", REG_ROOT_HKLM}, {"HKLM", REG_ROOT_HKLM},
    {"HKEY_CURRENT_USER", REG_ROOT_HKCU},  {"HKCU", REG_ROOT_HKCU},
    {"HKEY_USERS", REG_ROOT_HKU},          {"HKU", REG_ROOT_HKU},
    {"HKEY_CLASSES_ROOT", REG_ROOT_HKCR},  {"HKCR", REG_ROOT_HKCR},
    {"HKEY_CURRENT_CONFIG", REG_ROOT_HKCC}, {"HKCC", REG_ROOT_HKCC},
};

/* Splits "ROOT\below" (a root spelt in full or short); *below points into
 * `path` (no leading or trailing backslash), *below_len its length. */
static bool split_root(const char *path, size_t len, enum reg_root *root, const char **below,
                       size_t *below_len)
{
    size_t head = 0;
    while (head < len && path[head] != '\\')
        head++;
    for (size_t i = 0; i < sizeof root_names / sizeof root_names[0]; i++) {
        if (text_ascii_equal_nocase(path, head, root_names[i].name)) {
            *root = root_names[i].root;
            size_t start = head < len ? head + 1 : len, end = len;
            while (end > start && path[end - 1] == '\\')
                end--;
            *below = path + start;
            *below_len = end - start;
            return true;
        }
    }
    return false;
}

bool hive_set_mount(const char *key)
{
    const char *below;
    size_t below_len;
    if (!key) {
        mount_given = false;
        return true;
    }
    if (!split_root(key, strlen(key), &mount_root, &below, &below_len))
        return false;
    free(mount_below);
    mount_below = xmalloc(below_len + 1);
    memcpy(mount_below, below, below_len);
    mount_below[below_len] = '\0';
    mount_given = true;
    return true;
}

void hive_set_all_keys(bool all)
{
    all_keys = all;
}

bool hive_all_keys(void)
{
    return all_keys;
}

void hive_want_key(const char *path, size_t len)
{
    wanted = xgrow(wanted, &wanted_cap, nwanted + 1, sizeof *wanted);
    char *copy = xmalloc(len + 1);
    memcpy(copy, path, len);
    copy[len] = '\0';
    wanted[nwanted++] = copy;
}

bool hive_file_is_hive(const char *path)
{
    /* Never open a FIFO or device here: it would wait for a writer, and
     * libhivex reads regular files only. */
    struct file_stamp stamp;
    platform_file_stamp(path, &stamp);
    if (!stamp.exists || !stamp.regular)
        return false;
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    unsigned char head[4];
    bool is_hive = fread(head, 1, sizeof head, f) == sizeof head && memcmp(head, "regf", 4) == 0;
    fclose(f);
    return is_hive;
}

/* ------------------------------------------------------------ describing */

bool hive_version_words(const struct hive_info *info, struct buf *out)
{
    if (!info->product && !info->build)
        return false;
    size_t start = out->len;
    if (info->product)
        buf_puts(out, info->product);
    if (info->display_version)
        buf_printf(out, "%s%s", out->len > start ? " " : "", info->display_version);
    if (info->build)
        buf_printf(out, "%sbuild %s", out->len > start ? ", " : "", info->build);
    if (info->installation)
        buf_printf(out, ", %s", info->installation);
    return true;
}

void hive_mount_words(const struct hive_info *info, struct buf *out)
{
    buf_puts(out, reg_root_name(info->root));
    if (*info->below)
        buf_printf(out, "\\%s", info->below);
}

#ifdef REGLINT_HAVE_HIVEX

#include <hivex.h>

/* Whether a build says Windows Server: InstallationType ("Client",
 * "Server", "Server Core", "Nano Server"), else the product's name. */
static bool version_is_server(const struct hive_info *info, bool *known)
{
    *known = true;
    if (info->installation) {
        if (strcmp(info->installation, "Client") == 0)
            return false;
        if (strstr(info->installation, "Server"))
            return true;
    }
    if (info->product)
        return strstr(info->product, "Server") != NULL;
    *known = false;
    return false;
}

static void settle_target(struct hive_info *info)
{
    info->has_target = false;
    if (!info->build || !*info->build || strspn(info->build, "0123456789") != strlen(info->build) ||
        strlen(info->build) > 9)
        return;
    bool known;
    bool server = version_is_server(info, &known);
    if (known)
        info->has_target = target_by_build(strtoul(info->build, NULL, 10), server, &info->target);
}

bool hive_available(void)
{
    return true;
}

/* Windows' own limit on nesting: a deeper hive is damaged. */
#define HIVE_MAX_DEPTH 512
/* The longest value reglint takes from a hive (offsets are 32-bit). */
#define HIVE_MAX_VALUE ((size_t)1 << 30)
/* The longest version string kept from CurrentVersion. */
#define VERSION_MAX 256

struct reader {
    hive_h *h;
    struct arena *arena;
    struct policy_ops *ops;
    struct hive_info *info;
    struct buf *error;
    struct buf shown;  /* the key's path below the root, as rendered */
    struct buf stored; /* the key's full path as the hive stores it */
    /* Nodes read, an open-addressing set (0 is no node). */
    size_t *seen;
    size_t nseen, seen_cap;
    uint32_t count; /* operations so far: each one's number */
};

/* Appends what libhivex's errno `e` means, in the words of hivex(3): its
 * codes for a damaged hive read oddly through strerror() ("Bad address" for
 * a pointer out of the file). For EINVAL, its catch-all, `otherwise` is
 * said, if anything. */
static void put_hivex_reason(struct buf *b, int e, const char *otherwise)
{
    const char *why;
    switch (e) {
    case 0:
    case EINVAL:
        why = otherwise;
        break;
    case ENOTSUP:
        why = "damaged, or a hive format libhivex does not support";
        break;
    case EFAULT:
        why = "a pointer leads outside the hive";
        break;
    case ERANGE:
        why = "a field is out of range";
        break;
    case ELOOP:
        why = "the keys form a cycle";
        break;
    default:
        why = strerror(e);
        break;
    }
    if (why)
        buf_printf(b, ": %s", why);
}

static bool fail(struct reader *r, const char *what)
{
    int e = errno;
    buf_puts(r->error, what);
    if (r->stored.len)
        buf_printf(r->error, " (at %s)", r->stored.data);
    put_hivex_reason(r->error, e, NULL);
    return false;
}

static size_t seen_slot(const struct reader *r, size_t node)
{
    size_t h = node * (size_t)0x9E3779B97F4A7C15ull;
    return (h ^ (h >> 29)) & (r->seen_cap - 1);
}

/* Marks `node` read; false when it was read before. */
static bool see(struct reader *r, size_t node)
{
    if ((r->nseen + 1) * 2 > r->seen_cap) {
        size_t old_cap = r->seen_cap;
        size_t *old = r->seen;
        r->seen_cap = old_cap ? old_cap * 2 : 1024;
        r->seen = xcalloc(r->seen_cap, sizeof *r->seen);
        r->nseen = 0;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i])
                see(r, old[i]);
        free(old);
    }
    size_t i = seen_slot(r, node);
    while (r->seen[i]) {
        if (r->seen[i] == node)
            return false;
        i = (i + 1) & (r->seen_cap - 1);
    }
    r->seen[i] = node;
    r->nseen++;
    return true;
}

static bool was_seen(const struct reader *r, size_t node)
{
    if (!r->seen_cap)
        return false;
    for (size_t i = seen_slot(r, node); r->seen[i]; i = (i + 1) & (r->seen_cap - 1))
        if (r->seen[i] == node)
            return true;
    return false;
}

/* The child `name` of `node` (0: none), or false on a read error. */
static bool child(struct reader *r, hive_node_h node, const char *name, hive_node_h *out)
{
    errno = 0;
    *out = hivex_node_get_child(r->h, node, name);
    if (!*out && errno)
        return fail(r, "cannot read the subkeys of a key");
    return true;
}

/* A name libhivex returned, checked: a key name Windows could hold. */
static bool usable_key_name(const char *name)
{
    return *name && !strchr(name, '\\') && strlen(name) <= 255;
}

static const char *key_string(struct reader *r, uint32_t *len)
{
    *len = (uint32_t)r->shown.len;
    return arena_strndup(r->arena, r->shown.data ? r->shown.data : "", r->shown.len);
}

static struct policy_op *add_op(struct reader *r, enum policy_op_kind kind, const char *key,
                                uint32_t key_len)
{
    struct policy_op *op = policy_ops_add(r->ops);
    op->kind = kind;
    op->root = r->info->root;
    op->key = key;
    op->key_len = key_len;
    op->name = "";
    op->number = ++r->count;
    return op;
}

/* Value `v`'s type and data (malloc()ed, or NULL for no data). False on a
 * read error: libhivex returns NULL then, with errno set or the length it
 * failed to read, as it does for empty data where malloc(0) gives NULL. */
static bool value_data(struct reader *r, hive_value_h v, hive_type *type, size_t *size, char **data)
{
    *size = 0;
    errno = 0;
    *data = hivex_value_value(r->h, v, type, size);
    if (!*data && (errno || *size))
        return fail(r, "cannot read a value's data");
    if (*size > HIVE_MAX_VALUE) {
        free(*data);
        errno = 0;
        return fail(r, "a value is larger than reglint reads");
    }
    return true;
}

/* The value `name` of `node` in *v (0: none). False on a read error. */
static bool named_value(struct reader *r, hive_node_h node, const char *name, hive_value_h *v)
{
    errno = 0;
    *v = hivex_node_get_value(r->h, node, name);
    if (!*v && errno)
        return fail(r, "cannot read the values of a key");
    return true;
}

/* Reads value `v` of the key whose path r->shown holds into an operation. */
static bool read_value(struct reader *r, hive_value_h v, const char *key, uint32_t key_len)
{
    errno = 0;
    char *name = hivex_value_key(r->h, v);
    if (!name)
        return fail(r, "cannot read a value's name");
    size_t name_len = strlen(name);
    hive_type type;
    size_t size;
    char *data;
    if (!value_data(r, v, &type, &size, &data)) {
        free(name);
        return false;
    }
    if (name_len > 16383) {
        free(name);
        free(data);
        errno = 0;
        return fail(r, "a value's name is longer than Windows allows: the hive is damaged");
    }
    struct policy_op *op = add_op(r, POLICY_SET, key, key_len);
    op->name = arena_strndup(r->arena, name, name_len);
    op->name_len = (uint32_t)name_len;
    op->type = (uint32_t)type;
    op->size = (uint32_t)size;
    op->data = size ? arena_memdup(r->arena, data, size) : (const unsigned char *)"";
    op->where = name_len ? arena_printf(r->arena, "%s, value \"%s\"", r->stored.data, name)
                         : arena_printf(r->arena, "%s, default value", r->stored.data);
    free(name);
    free(data);
    return true;
}

static bool read_values(struct reader *r, hive_node_h node, const char *key, uint32_t key_len)
{
    errno = 0;
    hive_value_h *values = hivex_node_values(r->h, node);
    if (!values)
        return fail(r, "cannot read the values of a key");
    bool ok = true;
    for (size_t i = 0; ok && values[i]; i++)
        ok = read_value(r, values[i], key, key_len);
    free(values);
    return ok;
}

/* Reads the key at r->shown / r->stored: itself and its values, and its
 * subtree when `subtree`. */
static bool read_key(struct reader *r, hive_node_h node, unsigned depth, bool subtree)
{
    if (depth > HIVE_MAX_DEPTH) {
        errno = 0;
        return fail(r, "keys nest deeper than Windows allows: the hive is damaged");
    }
    if (!see(r, node)) {
        errno = 0;
        return fail(r, "a key is reached twice: the hive is damaged");
    }
    uint32_t key_len;
    const char *key = key_string(r, &key_len);
    /* The root of a hive mounted at a root (HKCU) renders as the root. */
    struct policy_op *op = add_op(r, POLICY_CREATE_KEY, key, key_len);
    op->where = arena_strdup(r->arena, r->stored.data);
    if (!read_values(r, node, key, key_len))
        return false;
    if (!subtree)
        return true;
    errno = 0;
    hive_node_h *children = hivex_node_children(r->h, node);
    if (!children)
        return fail(r, "cannot read the subkeys of a key");
    bool ok = true;
    for (size_t i = 0; ok && children[i]; i++) {
        errno = 0;
        char *name = hivex_node_name(r->h, children[i]);
        if (!name) {
            ok = fail(r, "cannot read a key's name");
            break;
        }
        if (!usable_key_name(name)) {
            free(name);
            errno = 0;
            ok = fail(r, "a key's name is empty, too long or holds a backslash: the hive is damaged");
            break;
        }
        size_t shown_len = r->shown.len, stored_len = r->stored.len;
        buf_printf(&r->shown, "%s%s", shown_len ? "\\" : "", name);
        buf_printf(&r->stored, "\\%s", name);
        free(name);
        ok = read_key(r, children[i], depth + 1, true);
        if (ok) {
            r->shown.len = shown_len;
            r->stored.len = stored_len;
            r->shown.data[shown_len] = r->stored.data[stored_len] = '\0';
        }
    }
    free(children);
    return ok;
}

/* Resets r->shown and r->stored to the hive's root. */
static void at_root(struct reader *r)
{
    buf_clear(&r->shown);
    buf_clear(&r->stored);
    buf_puts(&r->shown, r->info->below);
    hive_mount_words(r->info, &r->stored);
}

/* Goes from the root down `rel` (a path below the mount point); *node is
 * 0 when a key on the way is missing. CurrentControlSet, first below
 * SYSTEM, is the control set Select\Current names. */
static bool descend(struct reader *r, hive_node_h root, const char *rel, hive_node_h *node)
{
    at_root(r);
    *node = root;
    char segment[256];
    for (const char *s = rel; *s && *node;) {
        const char *end = strchr(s, '\\');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        if (len == 0 || len >= sizeof segment) {
            *node = 0;
            return true;
        }
        memcpy(segment, s, len);
        segment[len] = '\0';
        buf_printf(&r->shown, "%s%s", r->shown.len ? "\\" : "", segment);
        if (s == rel && r->info->kind == HIVE_SYSTEM &&
            text_ascii_equal_nocase(segment, len, "CurrentControlSet")) {
            if (!r->info->control_set) {
                *node = 0;
                return true;
            }
            snprintf(segment, sizeof segment, "ControlSet%03u", r->info->control_set);
        }
        buf_printf(&r->stored, "\\%s", segment);
        if (!child(r, *node, segment, node))
            return false;
        s = end ? end + 1 : s + len;
    }
    return true;
}

/* `path` (a full key path) below the hive's mount point: its part below
 * it, or NULL when the hive does not hold it. */
static const char *below_mount(const struct hive_info *info, const char *path)
{
    enum reg_root root;
    const char *below;
    size_t below_len;
    if (!split_root(path, strlen(path), &root, &below, &below_len))
        return NULL;
    /* A user's hive mounted at HKEY_USERS\SID is that user's
     * HKEY_CURRENT_USER. */
    if (root == REG_ROOT_HKCU && info->kind == HIVE_USER && info->root == REG_ROOT_HKU)
        return below;
    if (root != info->root)
        return NULL;
    size_t m = strlen(info->below);
    if (m == 0)
        return below;
    if (below_len < m || !text_ascii_equal_nocase(below, m, info->below))
        return NULL;
    if (below_len == m)
        return below + m;
    return below[m] == '\\' ? below + m + 1 : NULL;
}

/* Reads the key at `path` (full), its subtree when `subtree`, unless the
 * hive does not hold it or it was read already. */
static bool read_place(struct reader *r, hive_node_h root, const char *path, bool subtree)
{
    const char *rel = below_mount(r->info, path);
    if (!rel)
        return true;
    hive_node_h node;
    if (!descend(r, root, rel, &node))
        return false;
    if (!node || was_seen(r, node))
        return true;
    return read_key(r, node, 0, subtree);
}

/* The string value `name` of `node` as UTF-8, or NULL. */
static bool version_string(struct reader *r, hive_node_h node, const char *name, const char **out)
{
    *out = NULL;
    hive_value_h v;
    if (!named_value(r, node, name, &v))
        return false;
    if (!v)
        return true;
    hive_type type;
    size_t size;
    char *data;
    if (!value_data(r, v, &type, &size, &data))
        return false;
    if (data && type == hive_t_REG_SZ && size % 2 == 0 && size <= VERSION_MAX * 2) {
        struct buf text = BUF_INIT;
        text_from_utf16le((const unsigned char *)data, size, &text);
        size_t len = text.len;
        while (len > 0 && text.data[len - 1] == '\0')
            len--;
        bool printable = len > 0;
        for (size_t i = 0; i < len; i++)
            printable = printable && (unsigned char)text.data[i] >= 0x20;
        if (printable)
            *out = arena_strndup(r->arena, text.data, len);
        buf_free(&text);
    }
    free(data);
    return true;
}

/* SYSTEM's Select\Current and SOFTWARE's version values. */
static bool read_identity(struct reader *r, hive_node_h root)
{
    struct hive_info *info = r->info;
    hive_node_h node;
    if (info->kind == HIVE_SYSTEM) {
        at_root(r);
        if (!child(r, root, "Select", &node))
            return false;
        if (!node)
            return true;
        hive_value_h v;
        if (!named_value(r, node, "Current", &v))
            return false;
        if (!v)
            return true;
        hive_type type;
        size_t size;
        char *data;
        if (!value_data(r, v, &type, &size, &data))
            return false;
        if (data && type == hive_t_REG_DWORD && size == 4) {
            const unsigned char *p = (const unsigned char *)data;
            uint32_t current = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                               (uint32_t)p[3] << 24;
            if (current >= 1 && current <= 999)
                info->control_set = current;
        }
        free(data);
        return true;
    }
    if (info->kind != HIVE_SOFTWARE)
        return true;
    if (!descend(r, root, "Microsoft\\Windows NT\\CurrentVersion", &node))
        return false;
    if (!node)
        return true;
    if (!version_string(r, node, "ProductName", &info->product) ||
        !version_string(r, node, "CurrentBuild", &info->build) ||
        !version_string(r, node, "InstallationType", &info->installation) ||
        !version_string(r, node, "DisplayVersion", &info->display_version))
        return false;
    settle_target(info);
    return true;
}

/* Where the hive is mounted: --mount, else what its root holds. */
static bool identify(struct reader *r, hive_node_h root)
{
    struct hive_info *info = r->info;
    if (mount_given) {
        info->root = mount_root;
        info->below = arena_strdup(r->arena, mount_below);
        info->mount_given = true;
    } else {
        static const struct {
            const char *child;
            enum reg_root root;
            const char *below;
        } marks[] = {{"Select", REG_ROOT_HKLM, "SYSTEM"},
                     {"Microsoft", REG_ROOT_HKLM, "SOFTWARE"},
                     {"Software", REG_ROOT_HKCU, ""}};
        size_t i = 0;
        hive_node_h node = 0;
        for (; i < sizeof marks / sizeof marks[0]; i++) {
            if (!child(r, root, marks[i].child, &node))
                return false;
            if (node)
                break;
        }
        if (!node) {
            errno = 0;
            buf_puts(r->error, "cannot tell where this hive is mounted (its root key holds no "
                               "Select, Microsoft or Software key): say it with --mount, e.g. "
                               "--mount HKLM\\SYSTEM");
            return false;
        }
        info->root = marks[i].root;
        info->below = marks[i].below;
    }
    info->kind = HIVE_OTHER;
    if ((info->root == REG_ROOT_HKCU && !*info->below) ||
        (info->root == REG_ROOT_HKU && *info->below && !strchr(info->below, '\\')))
        info->kind = HIVE_USER;
    else if (info->root == REG_ROOT_HKLM && text_ascii_equal_nocase(info->below, strlen(info->below), "SYSTEM"))
        info->kind = HIVE_SYSTEM;
    else if (info->root == REG_ROOT_HKLM && text_ascii_equal_nocase(info->below, strlen(info->below), "SOFTWARE"))
        info->kind = HIVE_SOFTWARE;
    return true;
}

/* A comment at the top of the rendering. */
static void note(struct reader *r, struct buf *text)
{
    struct policy_op *op = add_op(r, POLICY_NOTE, "", 0);
    op->name = arena_strndup(r->arena, text->data, text->len);
    op->name_len = (uint32_t)text->len;
    buf_clear(text);
}

/* What the rendering says of the hive first: where it is mounted and why,
 * which control set is CurrentControlSet, which Windows it is. */
static void notes(struct reader *r)
{
    const struct hive_info *info = r->info;
    struct buf text = BUF_INIT;
    buf_puts(&text, "a registry hive, mounted at ");
    hive_mount_words(info, &text);
    buf_puts(&text, info->mount_given ? " (--mount)" : " (by the keys its root holds)");
    if (all_keys)
        buf_puts(&text, "; every key read (--all-keys)");
    note(r, &text);
    if (info->kind == HIVE_SYSTEM && info->control_set && all_keys)
        buf_printf(&text, "Select\\Current names ControlSet%03u, which Windows mounts as "
                          "CurrentControlSet: read here under its own name",
                   info->control_set);
    else if (info->kind == HIVE_SYSTEM && info->control_set)
        buf_printf(&text, "CurrentControlSet is ControlSet%03u (Select\\Current)", info->control_set);
    else if (info->kind == HIVE_SYSTEM)
        buf_puts(&text, "no Select\\Current names a control set: no CurrentControlSet is read");
    else if (hive_version_words(info, &text) && info->has_target)
        buf_printf(&text, ": target %s", target_info(info->target)->name);
    else if (info->kind == HIVE_SOFTWARE && text.len)
        buf_puts(&text, ": no target reglint knows");
    if (text.len)
        note(r, &text);
    buf_free(&text);
}

/* Reads the hive, or with `identity_only` only what hive_info says. */
static bool read_hive(struct reader *r, bool identity_only)
{
    errno = 0;
    hive_node_h root = hivex_root(r->h);
    if (!root)
        return fail(r, "the hive has no root key: it is damaged");
    if (!identify(r, root) || !read_identity(r, root))
        return false;
    if (identity_only)
        return true;
    notes(r);
    if (all_keys) {
        at_root(r);
        return read_key(r, root, 0, true);
    }
    size_t n;
    const struct settings_place *places = settings_places(&n);
    for (size_t i = 0; i < n; i++)
        if (!read_place(r, root, places[i].path, places[i].subtree))
            return false;
    for (size_t i = 0; i < nwanted; i++)
        if (!read_place(r, root, wanted[i], false))
            return false;
    return true;
}

static bool open_and_read(const char *path, struct arena *arena, struct policy_ops *ops,
                          struct hive_info *info, struct buf *error, bool identity_only)
{
    memset(info, 0, sizeof *info);
    info->below = "";
    errno = 0;
    hive_h *h = hivex_open(path, 0);
    if (!h) {
        int e = errno;
        buf_puts(error, "not a hive libhivex can read");
        put_hivex_reason(error, e, "damaged or truncated");
        return false;
    }
    struct reader r = {.h = h, .arena = arena, .ops = ops, .info = info, .error = error};
    size_t first = ops->n;
    bool ok = read_hive(&r, identity_only);
    if (!ok)
        ops->n = first;
    hivex_close(h);
    buf_free(&r.shown);
    buf_free(&r.stored);
    free(r.seen);
    return ok;
}

bool hive_read(const char *path, struct arena *arena, struct policy_ops *ops,
               struct hive_info *info, struct buf *error)
{
    return open_and_read(path, arena, ops, info, error, false);
}

bool hive_identify(const char *path, struct arena *arena, struct hive_info *info, struct buf *error)
{
    struct policy_ops none = {0};
    bool ok = open_and_read(path, arena, &none, info, error, true);
    policy_ops_free(&none);
    return ok;
}

#else

bool hive_available(void)
{
    return false;
}

bool hive_identify(const char *path, struct arena *arena, struct hive_info *info, struct buf *error)
{
    (void)path;
    (void)arena;
    memset(info, 0, sizeof *info);
    info->below = "";
    buf_puts(error, "a registry hive: hive input needs libhivex, and this reglint was built "
                    "without it (on Debian or Ubuntu: install libhivex-dev, then rebuild)");
    return false;
}

bool hive_read(const char *path, struct arena *arena, struct policy_ops *ops,
               struct hive_info *info, struct buf *error)
{
    (void)ops;
    return hive_identify(path, arena, info, error);
}

#endif
