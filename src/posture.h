/*
 * posture: the TLS settings a .reg file makes, found in its model, and what
 * they leave each component doing on a target Windows version.
 *
 * posture_walk() visits every key of a model once, with what the key is
 * (SCHANNEL, a protocol's Client key, a cipher, WinHTTP, WinINet, .NET, the
 * cipher-suite policy, ...) worked out from its path as Windows reads it:
 * names compare case-insensitively, ControlSet001 counts as CurrentControlSet,
 * Wow6432Node is the 32-bit view. A settings key found where Windows does not
 * read it (SCHANNEL under SOFTWARE or HKCU) is classified anyway and marked
 * misplaced, so rules can say so. posture_collect() keeps the keys that
 * matter; posture_role() judges a protocol's role on a target
 * (domain.md §5: Enabled=0 disables; else DisabledByDefault decides; else the
 * OS default; a protocol the target lacks is unsupported whatever is set).
 *
 * Without a target, a state is what every target that has the protocol
 * agrees on, and unknown (with the reason) when they disagree.
 *
 * posture_table() builds the effective table a reviewer reads: protocol by
 * component (Schannel client and server, WinHTTP, WinINet, .NET), each cell
 * with the value or the OS default that decided it, over several files
 * applied in order.
 *
 * Nothing is reported here; lint rules do that. Ownership: a posture points
 * into the model and lives in the caller's memory.
 */
#ifndef REGLINT_POSTURE_H
#define REGLINT_POSTURE_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "knowledge.h"
#include "model.h"

enum key_kind {
    KK_OTHER,
    /* On the way to the settings. */
    KK_HKLM,
    KK_HKCU,
    KK_SYSTEM,
    KK_CONTROL_SET,
    KK_CONTROL,
    KK_SECURITY_PROVIDERS,
    KK_SOFTWARE,
    KK_POLICIES,
    KK_MICROSOFT,
    KK_WINDOWS,
    KK_CURRENT_VERSION,
    KK_NETFX_ROOT,
    KK_CRYPTOGRAPHY,
    KK_CRYPTO_CONFIGURATION,
    KK_CRYPTO_LOCAL,
    KK_CRYPTO_SSL,
    /* Settings keys. */
    KK_SCHANNEL,
    KK_PROTOCOLS,
    KK_PROTOCOL,        /* Protocols\<protocol>: values here are misplaced */
    KK_PROTOCOL_ROLE,   /* Protocols\<protocol>\Client|Server */
    KK_ALGORITHM_GROUP, /* Ciphers, Hashes, KeyExchangeAlgorithms */
    KK_ALGORITHM,
    KK_MESSAGING,
    KK_WININET,
    KK_WINHTTP,
    KK_NETFX,
    KK_SUITE_POLICY,
    KK_SUITE_LOCAL,
};

/* The registry views of a 64-bit Windows: the native one and the one 32-bit
 * programs read HKLM\SOFTWARE through (Wow6432Node). */
enum view { VIEW_NATIVE, VIEW_WOW64, VIEW_COUNT };

enum wininet_place {
    INET_USER,
    INET_MACHINE,
    INET_MACHINE_WOW64,
    INET_POLICY_USER,
    INET_POLICY_MACHINE,
    INET_PLACE_COUNT
};

enum netfx_version { NETFX_V2, NETFX_V4, NETFX_COUNT };

/* What a key is. Fields beyond `kind` are meaningful for the kinds named. */
struct key_class {
    enum key_kind kind;
    bool misplaced;        /* Windows does not read it here (SCHANNEL under SOFTWARE/HKCU) */
    bool user;             /* under HKEY_CURRENT_USER or HKEY_USERS */
    bool policy;           /* under SOFTWARE\Policies */
    bool local;            /* Cryptography\Configuration\Local */
    enum view view;        /* under SOFTWARE: Wow6432Node or not */
    bool known;            /* KK_PROTOCOL(_ROLE), KK_ALGORITHM(_GROUP): a known name */
    enum protocol protocol;
    enum role role;
    enum algorithm_kind group;
    const struct algorithm_info *algorithm;
    enum netfx_version netfx;
};

/* Calls visit() for every key of the model, parents before children, with
 * the key's class and its parent's (NULL for a root). */
typedef void posture_visit_fn(void *ctx, const struct model_key *key, const struct key_class *cls,
                              const struct key_class *parent);
void posture_walk(const struct model *m, posture_visit_fn *visit, void *ctx);

/* The class of the key a statement's path names. */
void posture_classify_path(const struct reg_path *path, struct key_class *out);

/* The setting_key of a settings class (SK_COUNT for the others). */
enum setting_key key_class_setting(const struct key_class *cls);

/* The keys that decide the posture (the first control set found, with
 * CurrentControlSet preferred; misplaced keys are never chosen). NULL where
 * the file names no such key. */
struct posture {
    const struct model *model;
    const struct model_key *schannel;
    const struct model_key *role[PROTO_COUNT][ROLE_COUNT];
    const struct model_key *winhttp[VIEW_COUNT];
    const struct model_key *wininet[INET_PLACE_COUNT];
    const struct model_key *netfx[NETFX_COUNT][VIEW_COUNT];
    const struct model_key *suite_policy;
    const struct model_key *suite_local;
};

void posture_collect(const struct model *m, struct posture *p);

/* An existing value of `key` by name, or NULL (key may be NULL). */
const struct model_value *posture_value(const struct posture *p, const struct model_key *key,
                                        const char *name);
/* An existing REG_DWORD value of `key`; false when absent or of another type. */
bool posture_dword(const struct posture *p, const struct model_key *key, const char *name,
                   uint32_t *out);

enum proto_state {
    ST_UNKNOWN,             /* cannot be told (target unknown, or a wrong value type) */
    ST_ENABLED,
    ST_DISABLED_BY_DEFAULT, /* only applications that ask for it get it */
    ST_DISABLED,
    ST_UNSUPPORTED,         /* the target has no such protocol */
};

struct role_posture {
    enum proto_state state;
    bool by_file;                  /* the file's values decide the state */
    const struct model_value *enabled;  /* the file's values, NULL when absent */
    const struct model_value *disabled_by_default;
    /* ST_UNKNOWN because targets disagree: an older target and a newer one
     * that would settle it (for the message). */
    bool needs_target;
};

/* The state of a protocol's role; `target` NULL for no target. */
void posture_role(const struct posture *p, enum protocol proto, enum role role,
                  const enum target *target, struct role_posture *out);
const char *proto_state_name(enum proto_state s);

/* ------------------------------------------------------- posture table */

/* The columns of the effective table (`reglint posture`). ORDER: the
 * component table in posture.c. */
enum component {
    COMP_SCHANNEL_CLIENT,
    COMP_SCHANNEL_SERVER,
    COMP_WINHTTP,
    COMP_WININET_USER,
    COMP_WININET_MACHINE,
    COMP_NETFX35,
    COMP_NETFX4,
    COMP_COUNT
};

const char *component_name(enum component c); /* "Schannel client" */
const char *component_id(enum component c);   /* "schannel-client" */

/* A value that decides a cell, in the layer (file) that set it last. */
struct layer_value {
    const struct model_value *value; /* NULL: no value decides */
    size_t layer;                    /* index into the layers */
};

struct posture_cell {
    enum proto_state state;
    bool os_default;        /* no value decides: the target's default does */
    struct layer_value by;  /* the value that decided, if any */
    /* Why, in words, where a value alone does not say it: the default that
     * applied, a conflict between sources, what the state depends on, or
     * the component that overrode this one (static text). */
    const char *note;
    /* The target whose default was used or whose sources conflict. */
    bool has_target;
    enum target target;
};

struct posture_table {
    struct posture_cell cell[PROTO_COUNT][COMP_COUNT];
};

/* The key of a layer's posture a setting is in (NULL where that file does
 * not name it), given `arg`. */
typedef const struct model_key *posture_key_fn(const struct posture *p, const void *arg);

/* The value `name` after importing each layer's file in order, as in
 * posture_table(): the last layer that sets it or erases it (deletes the
 * value, its key or a key above) decides; {NULL, 0} when none sets it.
 * `path`: the key's full path from its root's name (KEY_SUITE_POLICY), to
 * see deletions of keys the file does not otherwise name. */
struct layer_value posture_layered(const struct posture *layers, size_t nlayers,
                                   posture_key_fn *key_of, const void *arg, const char *path,
                                   const char *name);

/* The rows of the table: the protocols Microsoft documents a key for. */
bool posture_table_row(enum protocol proto);

/* The effective table after importing each layer's file in order (a
 * baseline export, then a change): for each value the last layer that sets
 * or erases it (a value deletion, or a deletion of its key or of a key
 * above) decides. `target` NULL for no target: a default is then what every
 * target agrees on, and the cell is unknown where they differ. `view`:
 * VIEW_NATIVE for what a 64-bit program reads (and any program on a 32-bit
 * Windows), VIEW_WOW64 for a 32-bit program on a 64-bit Windows, which reads
 * WinHTTP, .NET and WinINet's machine key below HKLM\SOFTWARE\Wow6432Node
 * (SCHANNEL, policies and HKEY_CURRENT_USER are shared by both views). */
void posture_table(const struct posture *layers, size_t nlayers, const enum target *target,
                   enum view view, struct posture_table *out);
/* Whether two cells say the same thing (state and whether it is a default). */
bool posture_cell_same(const struct posture_cell *a, const struct posture_cell *b);
/* "enabled", "default: disabled by default", "unknown", ... */
const char *posture_cell_label(const struct posture_cell *cell);
/* What decided the cell: "Enabled=0 at a.reg:12", "default of Windows 11",
 * a note; appended to `out` (nothing when there is nothing to say). */
void posture_cell_describe(const struct posture_cell *cell, const struct posture *layers,
                           struct buf *out);
/* "Name=0xA00" (a DWORD) or "Name (REG_SZ)"; "@" names the default value. */
void posture_value_text(const struct model *m, const struct model_value *v, struct buf *out);
/* "file:line" of the statement that set `v` last. */
void posture_value_place(const struct model *m, const struct model_value *v, struct buf *out);

#endif
