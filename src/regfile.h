/*
 * regfile: the syntax tree of a .reg file, read exactly as regedit reads it.
 *
 * reg_read() runs the scanner and parser (grammar/reg.l, grammar/reg.y) over a
 * source and returns the file's statements in order: key lines, key deletions,
 * value assignments, value deletions, comments, and lines regedit skips. Each
 * statement keeps its span and what was written (names and strings unescaped;
 * hex data is read again from the text when asked for); what the statements do to a registry is the model's business
 * (model.h). Every line regedit would skip, truncate or refuse gets an RL1xxx
 * diagnostic, and reading goes on where regedit goes on (FORMAT.md §1).
 *
 * When the header is invalid or "fuzzy" regedit imports nothing; the reader
 * still parses the rest as a Version 5.00 file so that every problem is
 * reported, and reg_file_imports() tells the model to apply nothing.
 *
 * Ownership: the tree lives in the caller's arena except the statement array
 * and the list of unescaped texts, which reg_file_free() releases. Names and
 * string data are found in the source text, so the source must outlive the
 * tree. A struct reg_doc holds all of it together (source, arena, tree,
 * diagnostics), for the commands, the fixer and reg_read_text().
 */
#ifndef REGLINT_REGFILE_H
#define REGLINT_REGFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "source.h"

enum reg_version {
    REG_VERSION_NONE,    /* empty file */
    REG_VERSION_4,       /* REGEDIT4 */
    REG_VERSION_5,       /* Windows Registry Editor Version 5.00 */
    REG_VERSION_WIN31,   /* REGEDIT: Windows 3.1 HKEY_CLASSES_ROOT lines */
    REG_VERSION_FUZZY,   /* REGEDIT followed by anything else: nothing imported */
    REG_VERSION_INVALID, /* anything else: the file is rejected */
};

/* Registry types regedit knows by number. */
enum {
    REG_TYPE_NONE = 0,
    REG_TYPE_SZ = 1,
    REG_TYPE_EXPAND_SZ = 2,
    REG_TYPE_BINARY = 3,
    REG_TYPE_DWORD = 4,
    REG_TYPE_DWORD_BE = 5,
    REG_TYPE_LINK = 6,
    REG_TYPE_MULTI_SZ = 7,
    REG_TYPE_QWORD = 11,
};

/* The root keys regedit accepts, in regedit's order. */
enum reg_root {
    REG_ROOT_HKLM,
    REG_ROOT_HKU,
    REG_ROOT_HKCR,
    REG_ROOT_HKCC,
    REG_ROOT_HKCU,
    REG_ROOT_HKDD,
    REG_ROOT_COUNT
};

/* A name as UTF-8 bytes (not NUL-terminated; may point into the source). */
struct reg_name {
    const char *s;
    uint32_t len;
};

/* A segment of a key path: `len` bytes at offset `start` of the text the
 * path was read from. Key names are never escaped, so the text holds them
 * verbatim, and an offset takes half the room of a pointer and a length. */
struct reg_segment {
    uint32_t start;
    uint32_t len;
};

/* Windows' limits (RegCreateKeyEx, RegSetValueEx). */
#define REG_MAX_KEY_SEGMENT 255  /* characters in a key name */
#define REG_MAX_KEY_DEPTH 512    /* segments below the root */
#define REG_MAX_VALUE_NAME 16383 /* characters in a value name */

/* A key path resolved to a root and its segments (empty segments removed). */
struct reg_path {
    enum reg_root root;
    uint32_t depth;
    const char *text;             /* the source text the segments are in */
    struct reg_segment *segments;
};

/* Segment `i` of `path` as a name. */
static inline struct reg_name reg_path_segment(const struct reg_path *path, uint32_t i)
{
    return (struct reg_name){path->text + path->segments[i].start, path->segments[i].len};
}

enum reg_stmt_kind {
    REG_STMT_KEY,          /* [path]: create or open a key          (as.key) */
    REG_STMT_KEY_DELETE,   /* [-path]: delete a key and its subtree  (as.key) */
    REG_STMT_VALUE,        /* name=data: set a value                 (as.value) */
    REG_STMT_VALUE_DELETE, /* name=-: delete a value                 (as.value, no data) */
    REG_STMT_COMMENT,      /* a line starting with ';' or '#'        (no payload) */
    REG_STMT_SKIPPED,      /* lines regedit skips; a diagnostic says why */
};

/* How value data was written. */
enum reg_form {
    REG_FORM_STRING, /* "text": bytes are the unescaped UTF-8 text */
    REG_FORM_DWORD,  /* dword:N: bytes are 4 little-endian bytes */
    REG_FORM_HEX,    /* hex: or hex(N): bytes are the listed bytes */
};

/* Statements are most of what a file costs beyond its text, so they hold
 * no pointers: names and strings are found again through the file
 * (reg_key_path(), reg_value_name(), reg_value_bytes()). */

struct reg_key_stmt {
    struct span path_at;   /* the text between the brackets ('-' excluded) */
    uint16_t depth;        /* segments below the root, when `resolved` */
    uint8_t root;          /* enum reg_root, when `resolved` */
    bool resolved;         /* the path names a root and valid segments */
    bool usable;           /* regedit opens or deletes this key */
    bool aborts;           /* [-ROOT] or [-BADROOT\..]: regedit stops importing here */
};

/* The data of a value statement as the parser keeps it. Hex data, most of a
 * large export, is not kept: it is decoded again from the text when asked
 * for, which costs less than holding it. */
union reg_value_data {
    uint32_t string;        /* REG_FORM_STRING: where its unescaped text is */
    unsigned char dword[4]; /* REG_FORM_DWORD: little-endian */
};

struct reg_value_stmt {
    /* Where the unescaped name is: an offset into the source text, or, when
     * `name_unescaped`, an index into the file's unescaped texts. The same
     * goes for string data and `string_unescaped`. */
    uint32_t name;
    unsigned name_len : 16;        /* bytes; longer names are refused */
    unsigned form : 2;             /* enum reg_form */
    unsigned is_at : 1;            /* written as @ */
    unsigned hex_plain : 1;        /* hex: rather than hex(N): */
    unsigned name_unescaped : 1;
    unsigned string_unescaped : 1;
    union reg_value_data data;
    uint32_t len;          /* of the data bytes */
    uint32_t type;         /* registry type */
    struct span name_at;   /* the name as written, quotes included */
    struct span data_at;   /* the data as written, from its tag to its last byte */
};

struct reg_stmt {
    enum reg_stmt_kind kind;
    struct span at;        /* the statement's text, through its last line (no EOL) */
    union {
        struct reg_key_stmt key;
        struct reg_value_stmt value;
    } as;
};

struct reg_file {
    struct source *src;
    enum reg_version version;
    struct span header_at;
    struct reg_stmt *stmts;
    size_t nstmts;
    size_t cap;
    /* Names and strings that differ from their text once unescaped (in the
     * arena); statements refer to them by index. */
    const char **unescaped;
    size_t nunescaped, unescaped_cap;
    /* When the file ends inside hex data continued with '\', the offset of
     * that backslash, else UINT32_MAX: regedit would take any line added at
     * the end as more of that data. */
    uint32_t open_continuation;
    /* Where regedit's reader stops reading the file (the first NUL, when
     * nothing after it is read), else UINT32_MAX: statements that start
     * there or later are not imported. */
    uint32_t read_end;
};

/* Reads `src`; diagnostics go to `diags`. Never fails: every input gives a
 * tree, possibly of skipped lines. */
struct reg_file *reg_read(struct source *src, struct arena *arena, struct diag_list *diags);
void reg_file_free(struct reg_file *file);

/* A .reg file read: its source, its tree, the reader's diagnostics and the
 * arena the last two live in. The document owns all of them;
 * reg_doc_release() frees them. */
struct reg_doc {
    struct arena *arena;
    struct source *src;
    struct reg_file *file;
    struct diag_list diags;
};
/* Reads `src` into `doc`, which takes it over. */
void reg_doc_read(struct reg_doc *doc, struct source *src);
void reg_doc_release(struct reg_doc *doc);

/* A Version 5.00 file whose lines after the header are UTF-8 text in memory,
 * read as regedit reads it saved as UTF-16LE: for asking the reader what
 * regedit makes of a piece of text. False, with nothing to release, when
 * the text is too long to read (TEXT_MAX_INPUT). */
bool reg_read_text(struct reg_doc *doc, const char *name, const char *body, size_t n);

/* A key statement's path and room for its segments. */
struct reg_path_buf {
    struct reg_path path;
    struct reg_segment segments[REG_MAX_KEY_DEPTH];
};

/* The path of key statement `k` of `file`, which must be `resolved`; it lives
 * in `buf`. */
const struct reg_path *reg_key_path(const struct reg_file *file, const struct reg_key_stmt *k,
                                    struct reg_path_buf *buf);
/* The unescaped name of value statement `v` of `file` ("" for @). Inline:
 * the model looks names up all the time. */
static inline struct reg_name reg_value_name(const struct reg_file *file,
                                             const struct reg_value_stmt *v)
{
    const char *s = v->name_unescaped ? file->unescaped[v->name] : file->src->d.text + v->name;
    return (struct reg_name){s, v->name_len};
}

/* The unescaped UTF-8 text (`len` bytes) of value statement `v` of `file`,
 * whose data is a string (REG_FORM_STRING). */
const char *reg_value_text(const struct reg_file *file, const struct reg_value_stmt *v);
/* The `len` data bytes of value statement `v` of `file` as written: string
 * data as its unescaped UTF-8 text, dword data as 4 little-endian bytes, hex
 * data as the listed bytes. The result points into the source text, the tree
 * or, for hex data, into `scratch`, whose earlier contents it replaces; it
 * stays valid until `scratch` changes. */
const unsigned char *reg_value_bytes(const struct reg_file *file, const struct reg_value_stmt *v,
                                     struct buf *scratch);
/* The same bytes, appended to `out`. */
void reg_value_append_bytes(const struct reg_file *file, const struct reg_value_stmt *v,
                            struct buf *out);

/* Whether regedit imports anything from a file with this header. */
bool reg_version_imports(enum reg_version v);
/* The full root name ("HKEY_LOCAL_MACHINE"). */
const char *reg_root_name(enum reg_root root);

/* The full key path, "HKEY_LOCAL_MACHINE\\SOFTWARE\\...", in the arena. */
char *reg_path_string(struct arena *arena, const struct reg_path *path);
/* The same for key statement `k` of `file`, which must be `resolved`. */
char *reg_key_path_string(struct arena *arena, const struct reg_file *file,
                          const struct reg_key_stmt *k);

#endif
