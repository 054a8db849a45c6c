/*
 * gen: a policy as registry operations, and those operations as a .reg file.
 *
 * gen_plan() turns each setting of a policy into the values it writes or
 * deletes (docs/profile.md says which): Schannel protocol keys get Enabled
 * and DisabledByDefault as Microsoft's guidance pairs them, WinHTTP and .NET
 * values go to both registry views on x64, a WinHTTP or WinINet mask keeps
 * the protocols the policy's target has, and so on. Operations are grouped
 * into one block per key, keys in the order the policy first names them and
 * values in the order they are named, so the same policy always gives the
 * same bytes. Two settings that write one value (a raw key and a directive)
 * are a PF2005 conflict.
 *
 * gen_render() writes the plan through the one .reg writer (writer.h) in
 * regedit's export layout, or its undo: a deletion of every value the plan
 * touches, which returns each to the Windows default.
 *
 * Ownership: a plan lives in the arena given to gen_plan().
 */
#ifndef REGLINT_GEN_H
#define REGLINT_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "profile.h"
#include "suites.h"
#include "text.h"
#include "writer.h"

enum gen_op_kind {
    OP_DWORD,   /* number */
    OP_QWORD,   /* number, as hex(b): */
    OP_STRING,  /* REG_SZ: strings[0] */
    OP_STRINGS, /* REG_EXPAND_SZ or REG_MULTI_SZ (type): strings */
    OP_BINARY,  /* REG_BINARY: bytes */
    OP_DELETE,  /* "name"=- */
};

struct gen_op {
    const char *name;      /* "" for the default value */
    size_t name_len;
    enum gen_op_kind kind;
    uint32_t type;
    uint64_t number;
    const char *const *strings;
    size_t nstrings;
    const unsigned char *bytes;
    size_t nbytes;
    const struct policy_setting *from;
};

struct gen_key {
    const char *path;      /* full path, HKEY_... */
    struct gen_op *ops;
    size_t nops, cap;
    struct policy_index ops_by_name;
};

struct gen_plan {
    struct gen_key *keys;
    size_t nkeys, cap;
    struct policy_index keys_by_path;
};

/* For a setting that writes one value (a raw value): the key it goes under
 * and the operation, as gen_plan() plans it. False for other settings. */
bool gen_single_value(const struct policy_setting *s, const char **key, struct gen_op *op);
/* The names gen writes for a cipher-suite or curve list on the policy's
 * target: those the target has, as a WinHTTP mask keeps the protocols it
 * has (all of them without a target, or when the target has none; names no
 * version knows stay). For curves on a version without a curve order: none
 * (*n == 0), and gen writes no EccCurves. In the arena. */
const char **gen_list_for_target(const struct policy *policy, const struct policy_setting *s,
                                 struct arena *arena, size_t *n);
/* Appends the bytes a value operation stores in the registry: a DWORD or
 * QWORD little-endian, strings in UTF-16LE with their NULs (and the final
 * empty string of REG_MULTI_SZ), binary as given; nothing for a deletion. */
void gen_op_data(const struct gen_op *op, struct buf *out);
/* Writes one operation as a value line (or "name"=-) through the writer. */
void gen_write_op(struct reg_writer *w, const struct gen_op *op);

/* Cipher-suite rules (`cipher-suites require|forbid`): the rule of the
 * policy that rules the suite out (NULL: none; tls1.3-first rules out no
 * suite alone), the policy's rule of a kind (NULL: none), and why the rule
 * rules the suite out ("is CBC"). */
const struct policy_setting *gen_suite_forbidden_by(const struct policy *policy,
                                                    const struct suite_info *s);
const struct policy_setting *gen_suite_rule(const struct policy *policy, enum suite_rule rule);
const char *gen_suite_rule_reason(const struct policy_setting *rule, const struct suite_info *s);

/* The operations a policy asks for; NULL after reporting conflicts. With
 * cipher-suite rules and no list, the order written is the target's
 * default less what the rules rule out and what the profile's cipher, hash
 * and key-exchange settings disable (TLS 1.3 suites first with
 * tls1.3-first); an explicit list is checked against the rules (PF2017),
 * and a list that leaves a protocol the profile leaves on (on the target)
 * without a usable suite is refused (PF2018). */
struct gen_plan *gen_plan(const struct policy *policy, struct arena *arena, struct diag_list *diags);

enum gen_mode {
    GEN_APPLY, /* the values the policy asks for */
    GEN_UNDO,  /* delete every value the policy touches */
};

/* Appends the .reg file's bytes to `out`: "Windows Registry Editor Version
 * 5.00", CRLF line endings, UTF-16LE with a byte order mark unless another
 * encoding is asked for. Returns the number of characters the encoding could
 * not represent (only ANSI can fail; they are written as '?'). */
size_t gen_render(const struct gen_plan *plan, enum gen_mode mode, enum text_encoding encoding,
                  struct buf *out);

/* What reglint's own reader, reading `bytes` (gen_render()'s output in
 * `encoding`) as `reglint lint` would, finds wrong with them, as a message
 * in the arena; NULL when nothing. The profile checks refuse what a .reg file
 * cannot carry before gen plans anything; this is the last guard, so that gen
 * never writes a file its own lint rejects. Two cases only this finds: an
 * ANSI file whose bytes also read as UTF-8 (lint's RL1010: an editor and
 * regedit disagree on it), and in a UTF-8 file a name that regedit, reading
 * it as Windows-1252, finds too long. A UTF-8 file's RL1010 is no problem
 * here: asking for UTF-8 is asking for that. */
const char *gen_output_problem(struct arena *arena, const struct buf *bytes,
                               enum text_encoding encoding);

#endif
