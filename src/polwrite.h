/*
 * polwrite: registry operations written as a .reg file, a Registry.pol
 * (PReg), LGPO text or a Group Policy Preferences Registry.xml.
 *
 * Every writer starts from one list of operations in order: set a value,
 * delete a value, create a key, delete a key (with its subtree). The list is
 * made from gen's plan (polops_from_plan()) or from a model, the net effect
 * of a file (polops_from_model()), so that `gen --format` and `convert`
 * write alike. Each writer writes the operations in the order given, one
 * record per operation, and nothing else that could vary: the same list
 * always gives the same bytes.
 *
 * What a format cannot say is an error naming the setting, never dropped:
 * a key deletion in LGPO text, a value type GPP has no name for, a key
 * outside the one root a .pol stands for, text with a line break in a
 * line-based format. The writers do not decide which file a root goes to
 * (a .pol has no root: the command says which part goes where); they write
 * the operations of the root they are given.
 *
 * Ownership: operations, their names and data, and every message live in the
 * arena given; writers append to the caller's buffer.
 */
#ifndef REGLINT_POLWRITE_H
#define REGLINT_POLWRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "gen.h"
#include "model.h"
#include "policy.h"
#include "regfile.h"
#include "text.h"

enum polop_kind {
    POLOP_SET,          /* set value `name` to `type` and `data` */
    POLOP_DELETE_VALUE, /* delete value `name` */
    POLOP_CREATE_KEY,   /* create the key (no value) */
    POLOP_DELETE_KEY,   /* delete the key and its subtree */
    POLOP_DELETE_VALUES, /* delete every value of the key (**delvals.) */
    POLOP_SET_IF_ABSENT, /* set value `name` unless it exists (**soft.) */
};

struct polop {
    enum polop_kind kind;
    enum reg_root root;
    const char *key;          /* below the root, segments joined by '\\' (UTF-8) */
    const char *name;         /* value name, "" for the default value (UTF-8) */
    size_t name_len;
    uint32_t type;
    const unsigned char *data; /* the bytes the registry stores */
    size_t len;
};

struct polop_list {
    struct polop *items;
    size_t n, cap;
};

/* The operations of a plan, or of its undo (a deletion of every value the
 * plan sets). NULL, or a message naming the key, when a key path names no
 * root reglint knows. */
const char *polops_from_plan(const struct gen_plan *plan, enum gen_mode mode, struct arena *arena,
                             struct polop_list *out);
/* The operations that give the registry what applying the file of `m` gives:
 * first every key deletion the file makes, in order, then each existing key
 * and value, keys in order of creation: a named key that holds no value is
 * created, an existing value set, a value the file deleted last deleted. */
void polops_from_model(const struct model *m, struct arena *arena, struct polop_list *out);

/* The operations a policy file's reader found (policy.h), in order, copied
 * into the arena (a PReg file's data points into its bytes). NULL,
 * or a message naming the first one that has no registry effect to write
 * (a **SecureKey, an item that is disabled or filtered by targeting, a
 * record the reader skipped), which cannot be converted; `unit` is what the
 * file counts ("record", "line"). */
const char *polops_from_policy(const struct policy_ops *ops, const char *unit,
                               struct arena *arena, struct polop_list *out);

/* Whether any operation is under `root`; the first operation under none of
 * `allowed` (a bit per enum reg_root), or NULL. */
bool polops_has_root(const struct polop_list *ops, enum reg_root root);
const struct polop *polops_outside(const struct polop_list *ops, unsigned allowed);
/* "HKEY_LOCAL_MACHINE\\key" and, for a value, " value \"name\"": how
 * messages name an operation's setting. */
const char *polop_describe(struct arena *arena, const struct polop *op);

/* Each writer appends the file's bytes to `out` and returns NULL, or returns
 * a message naming the first operation the format cannot hold (and `out`
 * holds a part of the file).
 *
 * .reg (Version 5.00, CRLF, through writer.h): a key deletion is "[-path]";
 * string data that reads back as the same bytes is written as text, other
 * data as hex(N); a deletion of every value and a value set only where absent
 * are errors. *lossy counts characters ANSI cannot hold. */
const char *polwrite_reg(const struct polop_list *ops, enum text_encoding encoding,
                         struct arena *arena, struct buf *out, size_t *lossy);
/* Registry.pol ([MS-GPREG] 2.2.1) for the operations under `root`, which
 * must be HKEY_LOCAL_MACHINE or HKEY_CURRENT_USER (operations under other
 * roots are the caller's to refuse): "PReg", version 1, then a record per
 * operation; a value deletion is "**del.NAME" and a deletion of every
 * value "**delvals." (REG_SZ " ", as the Group Policy editor writes them), a
 * value set where absent "**soft.NAME", a key creation a record with no
 * value, a key deletion "**DeleteKeys" on its parent. */
const char *polwrite_pol(const struct polop_list *ops, enum reg_root root, struct arena *arena,
                         struct buf *out);
/* LGPO text (LGPO.exe /t and /r input, as /parse writes it): a comment,
 * then per operation "Computer" or "User", the key, the value name and the
 * action: DWORD: and QWORD: in decimal, SZ:, EXSZ:, MULTISZ: (each NUL of
 * the data but the last as \0, as reglint's reader reads it), BINARY: in
 * hex, DELETE, "*" DELETEALLVALUES, "*" CREATEKEY, and a key deletion as the
 * parent, the subkey's name and DELETEKEYS. The default value, a value set
 * only where absent and other types are errors. CRLF; UTF-16LE with a byte
 * order mark unless `encoding` says otherwise. */
const char *polwrite_lgpo(const struct polop_list *ops, enum text_encoding encoding,
                          struct arena *arena, struct buf *out, size_t *lossy);
/* Group Policy Preferences Registry.xml ([MS-GPPREF] 2.2.1.2), UTF-8: one
 * Registry item per operation, action U (create or replace) to set a value
 * or create a key, C (create) to set a value only where absent, D to delete
 * one; no deletion of every value of a key; REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ,
 * REG_DWORD, REG_QWORD and REG_BINARY only. Each item's uid is derived from
 * its place and contents, and no change time is written, so that the file
 * is reproducible. */
const char *polwrite_gpp(const struct polop_list *ops, struct arena *arena, struct buf *out);

#endif
