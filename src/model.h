/*
 * model: what importing a .reg file does to an empty registry.
 *
 * model_build() applies a file's statements in order, as regedit would: a key
 * tree whose names compare case-insensitively (the first spelling is kept),
 * values with their type and the statement that set them, key deletions that
 * take whole subtrees, value deletions, last write wins. Deleted keys and
 * values stay in the tree, marked as not existing, so that rules can ask what
 * happened to them; the model knows every statement that set or deleted a
 * value, and every statement that opened or deleted a key.
 *
 * The model does not judge anything (that is the linter's job) and does not
 * report problems (the reader already has). It holds statement indexes and
 * names that point into the syntax tree and its source text, which must
 * outlive it.
 *
 * Ownership: everything lives in the arena given to model_build(), except the
 * lookup tables, which model_free() releases.
 */
#ifndef REGLINT_MODEL_H
#define REGLINT_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "regfile.h"

/* One statement that touched a key or value, newest first. Most keys and
 * values are touched by one statement, which the key or value holds itself;
 * a list is kept, beside the tree, only for those touched more than once
 * (see model_value_history() and model_key_history()). */
struct model_event {
    uint32_t stmt;               /* index into the file's statements */
    struct model_event *next;
};

/* One per value of the file: the name stays in the statement that spelt it. */
struct model_value {
    struct model_key *key;
    struct model_value *next;    /* in its key, in order of creation */
    uint32_t stmt;               /* the statement that set it last */
    uint32_t name_stmt;          /* the statement with its first spelling
                                    (see model_value_name()) */
    bool exists;
    bool has_history;            /* more than one statement touched it */
    uint32_t hash;               /* of its name, once it is in a name table
                                    (it fits in what would be padding) */
};

struct model_key {
    struct model_key *parent;    /* NULL for a root */
    struct reg_name name;        /* root name for roots; first spelling otherwise */
    enum reg_root root;
    uint32_t depth;              /* 0 for a root */
    uint32_t nchildren;          /* keys in the first_child list, existing or not */
    uint32_t nvalues;            /* values in the first_value list, existing or not */
    uint32_t stmt;               /* the last key line or deletion; MODEL_NO_STMT if none */
    bool exists;
    bool named;                  /* a key line or deletion line names this key */
    bool has_history;            /* more than one statement touched it */
    bool was_deleted;            /* a deletion has taken it (it may exist again) */
    /* Children and values in order of creation. */
    struct model_key *first_child, *next_sibling;
    struct model_value *first_value;
    /* Once the key has been deleted: what came to exist in it since its
     * last deletion, NULL if nothing did (private to model.c). */
    struct model_since_deletion *since_deletion;
};

/* A key no statement touched (only created above a key that was named). */
#define MODEL_NO_STMT UINT32_MAX

enum model_mode {
    MODEL_AS_REGEDIT,    /* a file with an invalid or fuzzy header imports nothing */
    MODEL_IGNORE_HEADER, /* read any file as a Version 5.00 file (for lint) */
};

struct model {
    const struct reg_file *file;
    struct arena *arena;
    struct model_key *roots[REG_ROOT_COUNT];
    /* The statement at which regedit stops importing ([-ROOT], or the text
     * after a NUL that ends what regedit reads); nstmts if none. */
    size_t stop_at;
    size_t nkeys;
    size_t nvalues;
    /* Keys and values that key deletions looked at: at most a few times the
     * keys and values created, however often keys are deleted and filled
     * again (test_model checks it). */
    size_t deletion_visits;
    /* Lookup tables (private). */
    struct model_table *keys_by_name;
    struct model_table *values_by_name;
    struct model_histories *histories;
};

struct model *model_build(const struct reg_file *file, struct arena *arena, enum model_mode mode);
void model_free(struct model *m);

/* The child of `parent` with this name (any case), existing or not; NULL if
 * the file never named it. */
struct model_key *model_child(const struct model *m, const struct model_key *parent,
                              const char *name, size_t len);
/* A key by its path below a root: segments separated by backslashes. */
struct model_key *model_find_key(const struct model *m, enum reg_root root, const char *path);
/* A value of `key` by name (any case; "" for the default value). */
struct model_value *model_find_value(const struct model *m, const struct model_key *key,
                                     const char *name, size_t len);

/* The statements that touched `v` or `k`, newest first (follow ->next); NULL
 * for a key no statement touched. `single` is filled in and returned when
 * only one statement did. */
const struct model_event *model_value_history(const struct model *m, const struct model_value *v,
                                              struct model_event *single);
const struct model_event *model_key_history(const struct model *m, const struct model_key *k,
                                            struct model_event *single);

/* The name of `v` as first spelt ("" for the default value). */
struct reg_name model_value_name(const struct model *m, const struct model_value *v);

/* The statement that set `v` last. */
const struct reg_value_stmt *model_value_stmt(const struct model *m, const struct model_value *v);
/* The registry type of `v`. */
uint32_t model_value_type(const struct model *m, const struct model_value *v);
/* Appends the bytes the registry stores for `v` (string data in UTF-16LE with
 * its NUL, hex(2)/hex(7) widened as regedit widens them). */
void model_value_data(const struct model *m, const struct model_value *v, struct buf *out);
/* The value as a DWORD when it is REG_DWORD of 4 bytes. */
bool model_value_dword(const struct model *m, const struct model_value *v, uint32_t *out);

/* The full key path, "HKEY_LOCAL_MACHINE\\SOFTWARE\\...", in the arena. */
char *model_key_path(const struct model *m, const struct model_key *k);

#endif
