/*
 * hive: registry hive files (the regf format of SYSTEM, SOFTWARE,
 * NTUSER.DAT...) read with libhivex into registry operations (policy.h), so
 * that every command reads a Windows image's hives as it reads a .reg file.
 *
 * A hive has no root of its own. Where it is mounted comes from --mount
 * (hive_set_mount()) or, without it, from what its root key holds: `Select`
 * makes it HKEY_LOCAL_MACHINE\SYSTEM, `Microsoft` HKEY_LOCAL_MACHINE\SOFTWARE
 * and `Software` HKEY_CURRENT_USER (an NTUSER.DAT). In SYSTEM, the control
 * set `Select\Current` names (ControlSet001...) is read as CurrentControlSet,
 * the key Windows makes of it when it starts.
 *
 * By default only the keys reglint reads are read (knowledge.h's
 * settings_places() and the keys hive_want_key() names), walking down to them
 * from the root: a 100 MB SOFTWARE hive costs what libhivex's opening of it
 * costs. SYSTEM's Select and SOFTWARE's Windows NT\CurrentVersion version
 * values say what the hive is (hive_info, and the rendering's comments); they
 * are no settings of it: exported, they would set another machine's boot
 * control set and version. hive_set_all_keys() reads every key instead, as the hive stores it
 * (control sets under their numbers, as `hivexregedit --export` writes them).
 *
 * Every size, type and name libhivex returns is checked before it is used;
 * a hive it cannot read, or whose keys loop or nest deeper than Windows
 * allows, is refused whole with a message, never read in part. A build
 * without libhivex (REGLINT_HAVE_HIVEX undefined: the Windows program)
 * refuses every hive, saying so.
 *
 * The options are set once from the command line, before files are read;
 * reading is then safe from several threads (one libhivex handle per file).
 * Operations, their strings and the hive_info live in the caller's arena.
 */
#ifndef REGLINT_HIVE_H
#define REGLINT_HIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "knowledge.h"
#include "policy.h"

enum hive_kind {
    HIVE_OTHER,    /* mounted by --mount somewhere else */
    HIVE_SYSTEM,   /* HKEY_LOCAL_MACHINE\SYSTEM */
    HIVE_SOFTWARE, /* HKEY_LOCAL_MACHINE\SOFTWARE */
    HIVE_USER,     /* HKEY_CURRENT_USER, or HKEY_USERS\SID (NTUSER.DAT) */
};

struct hive_info {
    enum hive_kind kind;
    enum reg_root root;
    const char *below;     /* the key it is mounted at below the root; "" for HKCU */
    bool mount_given;      /* --mount said where, rather than its content */
    unsigned control_set;  /* SYSTEM: the one Select\Current names; 0: none */
    /* SOFTWARE: Microsoft\Windows NT\CurrentVersion's values as text, NULL
     * when absent or not a string. */
    const char *product, *build, *installation, *display_version;
    bool has_target;       /* the build is one of a target (knowledge.h) */
    enum target target;
};

/* Whether this build reads hives (libhivex). */
bool hive_available(void);
/* --mount KEY: where every hive of the run is mounted ("HKLM\SYSTEM",
 * "HKEY_CURRENT_USER", "HKU\S-1-5-21-..."), roots spelt in full or short.
 * False when KEY names no root. NULL: by content again. */
bool hive_set_mount(const char *key);
/* --all-keys: read every key of a hive, not only those reglint reads. */
void hive_set_all_keys(bool all);
bool hive_all_keys(void);
/* Also read the values of this key (a full path: "HKEY_LOCAL_MACHINE\..."),
 * wherever a hive mounted above it holds it: `diff` reads the keys its .reg
 * side names. */
void hive_want_key(const char *path, size_t len);

/* Reads hive file `path` into `ops` (appended) and `info`. False, with the
 * reason appended to `error` (no file name), when it cannot be read. */
bool hive_read(const char *path, struct arena *arena, struct policy_ops *ops,
               struct hive_info *info, struct buf *error);
/* Only where hive file `path` is mounted and what it says of itself
 * (hive_read() without the keys). */
bool hive_identify(const char *path, struct arena *arena, struct hive_info *info, struct buf *error);
/* Whether `path` is a regular file that starts with the regf signature. */
bool hive_file_is_hive(const char *path);

/* "Windows Server 2019 Datacenter, build 17763, Server" from a SOFTWARE
 * hive's version values; false when it holds none. */
bool hive_version_words(const struct hive_info *info, struct buf *out);
/* Where it is mounted: "HKEY_LOCAL_MACHINE\SYSTEM". */
void hive_mount_words(const struct hive_info *info, struct buf *out);

#endif
