/*
 * semdiff: what importing one .reg file does that importing another does
 * not, value by value, for `reglint diff OLD NEW`.
 *
 * semdiff_models() compares the registries the two files leave (models built
 * from an empty registry): keys that exist in one only, values added,
 * removed or changed (type or data), each with its meaning decoded where
 * reglint knows the setting (`DefaultSecureProtocols 0xA80 -> 0xA00: TLS 1.0
 * removed`). A deletion is news even when the other file never sets what
 * it deletes: importing it changes a real registry. semdiff_cells() lists the cells of two effective tables that
 * differ. semdiff_orders() compares the effective cipher-suite and curve
 * orders: the names used, added, removed or moved up or down, and the
 * suite a client offers first for each protocol version. The files' encodings do not matter: models hold decoded data.
 *
 * It compares; printing is the command's job (cli_diff.c).
 *
 * Ownership: changes point into the two models, which must outlive the
 * semdiff; texts live in the arena given; semdiff_free() releases the
 * arrays.
 */
#ifndef REGLINT_SEMDIFF_H
#define REGLINT_SEMDIFF_H

#include <stddef.h>

#include "arena.h"
#include "model.h"
#include "orderdiff.h"
#include "posture.h"
#include "suites.h"

enum change_kind {
    CHANGE_KEY_ADDED,   /* the key exists after NEW only (its values follow) */
    CHANGE_KEY_REMOVED, /* the key exists after OLD only */
    CHANGE_ADDED,       /* a value NEW sets and OLD does not */
    CHANGE_REMOVED,     /* a value OLD sets and NEW does not */
    CHANGE_CHANGED,     /* a value both set, to different types or data */
    /* Deletions, which act on the registry the file is imported into: */
    CHANGE_KEY_DELETED,         /* NEW deletes a key ([-path]) OLD does not */
    CHANGE_KEY_NOT_DELETED,     /* OLD deletes a key NEW does not */
    CHANGE_VALUE_DELETED,       /* NEW deletes a value ("name"=-) OLD does not */
    CHANGE_VALUE_NOT_DELETED,   /* OLD deletes a value NEW does not */
};

struct value_change {
    enum change_kind kind;
    const char *key_path;                /* "HKEY_LOCAL_MACHINE\\..." */
    const struct model_value *old_value; /* NULL when OLD has none */
    const struct model_value *new_value; /* NULL when NEW has none */
    const char *meaning;                 /* "TLS 1.0 removed"; NULL: nothing to add */
    /* Deletions: the statement that deletes, in OLD's or NEW's file, and
     * the value's name as written ("" for the default value, NULL for a
     * key). */
    const struct model *deleted_in;
    const struct reg_stmt *deletion;
    const char *value_name;
};

struct cell_change {
    enum protocol protocol;
    enum component component;
    struct posture_cell old_cell, new_cell;
};

/* The suite (curve) a client offers first changes: for a protocol version
 * (the first suite used that applies to it), or for curves the first
 * curve (protocol PROTO_COUNT). */
struct first_change {
    enum protocol protocol;
    const char *old_name, *new_name; /* NULL: none */
};

/* How an effective order (suites.h) changes: the names used, in order,
 * added, removed or moved (orderdiff.h), and what is offered first. */
struct order_changes {
    struct effective_order old_order, new_order;
    struct order_diff diff;
    struct first_change first[PROTO_COUNT];
    size_t nfirst;
    /* No target and a side left to the Windows default: the orders cannot
     * be compared name by name. */
    bool needs_target;
};

struct semdiff {
    const struct model *old_model, *new_model;
    struct value_change *changes;
    size_t nchanges, changes_cap;
    struct cell_change *cells;
    size_t ncells, cells_cap;
    struct order_changes suites, curves;
};

/* Fills `d` (zeroed first) with the key and value changes, in NEW's order
 * with what OLD alone has after each key's own, then the deletions one file
 * makes and the other does not (by path, then name, case ignored). */
void semdiff_models(const struct model *old_model, const struct model *new_model,
                    struct arena *arena, struct semdiff *d);
/* Adds the cells that differ between the two tables (row by row). */
void semdiff_cells(const struct posture_table *old_table, const struct posture_table *new_table,
                   struct semdiff *d);
/* Fills d->suites and d->curves from each file's effective orders on
 * `target` (NULL: none), in `arena`. */
void semdiff_orders(const struct posture *old_layer, const struct posture *new_layer,
                    const enum target *target, struct arena *arena, struct semdiff *d);
/* Whether an order changes at all (names used, their order, or what decides it). */
bool semdiff_order_changed(const struct order_changes *oc);
void semdiff_free(struct semdiff *d);

/* A value's data for people: 0xA00 (or 1) for a DWORD, "text" for a
 * string, TYPE:hex bytes otherwise (long data shortened). */
void semdiff_data_text(const struct model *m, const struct model_value *v, struct buf *out);

#endif
