/*
 * policy: Group Policy baselines read into the same tree and model as .reg
 * files: Registry.pol (PReg), LGPO.exe text, GptTmpl.inf [Registry Values],
 * Group Policy Preferences Registry.xml, and GPO folders holding them.
 *
 * Each reader turns its file into registry operations (struct policy_op) in
 * the order Group Policy applies them, reporting what Group Policy would
 * refuse or skip as RL11xx findings located at the record or line that holds
 * it. The operations are laid out as a Version 5.00 .reg text
 * through the one writer, and the .reg reader reads that text into the usual
 * tree, so the model, the rules, dump, posture and diff never learn which
 * format a value came from. The source keeps, for each piece of the
 * rendering, the record (or line) and byte offset of the original file that
 * it came from (source_origin_at()), and every renderer prints that.
 *
 * What a .reg text cannot say is expressed with what it can: "delete every
 * value of this key" (**delvals., DELETEALLVALUES, a GPP key Replace) becomes one
 * deletion per value the same document set before it, and a key's ACL
 * (**SecureKey) a comment. Detection is by content, never by file name.
 *
 * Ownership: operations live in the caller's arena; a document read by
 * policy_doc_read() owns everything as a .reg document does.
 */
#ifndef REGLINT_POLICY_H
#define REGLINT_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "regfile.h"
#include "source.h"

enum policy_format {
    POLICY_FORMAT_REG,  /* a .reg file (or anything not recognised below) */
    POLICY_FORMAT_POL,  /* Registry.pol */
    POLICY_FORMAT_LGPO, /* LGPO.exe text */
    POLICY_FORMAT_INF,  /* GptTmpl.inf security template */
    POLICY_FORMAT_GPP,  /* Group Policy Preferences Registry.xml */
    POLICY_FORMAT_HIVE, /* a registry hive file (regf), read by libhivex: hive.h */
};

/* The format of a loaded source, by its content. When the file is none of
 * these and no .reg file either, *looks_like (may be NULL) names what it
 * looks like ("a Registry.pol re-encoded as UTF-8 text", "an XML document
 * that is not a RegistrySettings file"...) and REG is returned;
 * policy_or_reg_doc_read() then reports that as one RL1101 finding. */
enum policy_format policy_detect(const struct source *src, const char **looks_like);
const char *policy_format_name(enum policy_format f);

/* The hive of a PReg file or an LGPO block that does not name its own. */
enum policy_root_choice {
    POLICY_ROOT_DEFAULT, /* HKLM, and said so in a finding */
    POLICY_ROOT_MACHINE,
    POLICY_ROOT_USER,
};
/* Set once from the command line (--root) before files are read. */
void policy_set_root(enum policy_root_choice choice);
enum policy_root_choice policy_root(void);
/* The root a file at `path` gets: HKCU under a "User" folder, HKLM under
 * "Machine", else the --root choice. *from_path is set when the path decided. */
enum reg_root policy_root_for_path(const char *path, bool *from_path);

/* ------------------------------------------------------------ operations */

enum policy_op_kind {
    POLICY_SET,            /* set name (type, data) */
    POLICY_SET_IF_ABSENT,  /* **soft.: set name unless it exists */
    POLICY_DELETE_VALUE,   /* delete name */
    POLICY_DELETE_VALUES,  /* delete every value of the key */
    POLICY_CREATE_KEY,     /* only create the key */
    POLICY_DELETE_KEY,     /* delete the key and its subtree */
    POLICY_NOTE,           /* no registry effect: `name` is shown as a comment */
};

struct policy_op {
    enum policy_op_kind kind;
    enum reg_root root;
    const char *key;             /* UTF-8 path below the root, no leading '\' */
    uint32_t key_len;
    const char *name;            /* UTF-8; "" for the default value */
    uint32_t name_len;
    uint32_t type;
    const unsigned char *data;   /* `size` bytes as the registry stores them */
    uint32_t size;
    /* Where it came from: record number (PReg) or line (text formats), and
     * the byte range in the original file. */
    uint32_t number;
    uint32_t offset;
    uint32_t length;
    /* A hive's operations: the key and value it read (source_origin.where). */
    const char *where;
};

/* Readers report findings before the rendering exists: their span holds the
 * origin's number (record or line; 0: the file as a whole), and
 * policy_doc_read() moves them onto the rendering of that record or line. */
static inline struct span policy_origin_span(uint32_t number)
{
    return (struct span){number, number};
}

struct policy_ops {
    struct policy_op *ops;
    size_t n, cap;
};
struct policy_op *policy_ops_add(struct policy_ops *list);
void policy_ops_free(struct policy_ops *list);

/* ----------------------------------------------------------------- PReg */

/* One record of a Registry.pol as written. */
struct pol_record {
    uint32_t offset;            /* of its '[' */
    uint32_t length;            /* through its ']' */
    const char *key;            /* UTF-8 (WTF-8 for unpaired surrogates), NUL-terminated */
    uint32_t key_len;
    const char *name;
    uint32_t name_len;
    uint32_t type;
    uint32_t size;
    const unsigned char *data;  /* `size` bytes, pointing into the file's bytes */
};

struct pol_file {
    struct pol_record *records;
    size_t n, cap;
    size_t first; /* records read before records[0] (pol_parse_next()) */
    /* Where reading goes on (0: at the header), and the last record's key as
     * it is in the file (`prev_key_bytes` from `prev_key_at`, NUL included)
     * and as read: the records of a key follow each other and share it. */
    size_t at;
    const char *prev_key;
    uint32_t prev_key_len;
    size_t prev_key_at, prev_key_bytes;
    /* Empty when the whole file was read; else why reading stopped, at
     * byte `error_offset` in record `error_record` (1-based; 0: the header). */
    const char *error;
    uint32_t error_offset;
    uint32_t error_record;
};

/* Reads a PReg file's records ([MS-GPREG] 2.2.1). Stops at the first
 * structural problem (bad signature or version, a missing bracket or
 * separator, data running past the end), keeping the records before it.
 * Strings live in `arena`; data points into `bytes`, which must outlive the
 * result. Returns false when it stopped early. */
bool pol_parse(const unsigned char *bytes, size_t n, struct arena *arena, struct pol_file *out);
/* pol_parse() a batch at a time, so that a large file's records are not all
 * held at once: on a zeroed `out`, each call reads up to `max` records after
 * those of the call before into out->records (out->first came before them).
 * Returns false when it read none: the file is read, or reading stopped
 * (out->error). */
bool pol_parse_next(const unsigned char *bytes, size_t n, struct arena *arena, struct pol_file *out,
                    size_t max);
void pol_file_free(struct pol_file *f);

/* The records as operations under `root`, with the RL11xx findings of each
 * (control codes, types, sizes, keys) reported on `src`; records[i] is
 * record first + i + 1 of the file. */
void pol_to_ops(const struct pol_file *f, enum reg_root root, struct arena *arena,
                struct source *src, struct diag_list *diags, struct policy_ops *out);

/* ------------------------------------------------------- text formats */

/* LGPO.exe text, GptTmpl.inf and Registry.xml, from the source's text
 * (already decoded; UTF-8 files re-read as UTF-8). Registry.xml items that
 * are disabled or filtered by item-level targeting are not applied (RL1105). */
void lgpo_to_ops(struct source *src, enum reg_root default_root, struct arena *arena,
                 struct diag_list *diags, struct policy_ops *out);
void inf_to_ops(struct source *src, struct arena *arena, struct diag_list *diags,
                struct policy_ops *out);
void gpp_to_ops(struct source *src, struct arena *arena, struct diag_list *diags,
                struct policy_ops *out);

/* Reads `src`, whose format is `format`, into `doc`: the source's text is
 * replaced by the rendering (a Version 5.00 .reg text, UTF-8, LF, through the
 * writer), which records which record or line each piece came from. */
void policy_doc_read(struct reg_doc *doc, struct source *src, enum policy_format format,
                     const char *path);
/* policy_doc_read() but for the reading of the rendering: the source holds
 * the rendering and its origins, doc->file is NULL and the findings are the
 * policy reader's alone. For `show`, which prints the rendering and nothing
 * else; whatever needs the registry the file writes reads it whole. */
void policy_doc_render(struct reg_doc *doc, struct source *src, enum policy_format format,
                       const char *path);

/* ------------------------------------------------------------ GPO folders */

/* The folder holding a GPO's Machine and User folders when `dir` is a GPO
 * backup (Backup.xml beside DomainSysvol\GPO) or a SYSVOL policy folder
 * (gpt.ini), else NULL. Owned by the caller (free()). */
char *policy_gpo_root(const char *dir);
/* The policy files below `root` (Machine\Registry.pol, the security
 * template, the preferences, then User's), in the order Group Policy applies
 * them, names found in any case; at most `max`. Each path is the caller's to
 * free(). */
#define POLICY_GPO_MAX_FILES 5
size_t policy_gpo_files(const char *root, char **paths, size_t max);
/* Reads GPO folder `dir` as one document named `dir`: each file's findings
 * name the file. False, with *error and *failed_path (the caller's to free())
 * set, when a file cannot be read. */
bool policy_gpo_doc_read(struct reg_doc *doc, const char *dir, const char **error,
                         char **failed_path);

/* The operations of policy file `src` (as loaded, not yet read) in the
 * order Group Policy applies them, in `arena`, for writing them in another
 * format; their findings are dropped (read the file as a document for
 * those). */
void policy_file_ops(struct source *src, enum policy_format format, const char *path,
                     struct arena *arena, struct policy_ops *ops);

/* Reads registry hive `src` (loaded from `path`, whose format is
 * POLICY_FORMAT_HIVE) into `doc` as policy_doc_read() does (or, without
 * `read`, as policy_doc_render() does), setting src->hive. False, with the
 * reason appended to `error`, when the hive cannot be read; `doc` and `src`
 * are then released. */
bool policy_hive_doc_read(struct reg_doc *doc, struct source *src, const char *path, bool read,
                          struct buf *error);
/* The hives a lint run reads, as one Windows image (SYSTEM, SOFTWARE,
 * NTUSER.DAT): policy_hive_doc_read() with `read` then renders each of the
 * others after the hive's own keys, marked as context (source.h), so that
 * the rules that join settings of two hives (Schannel's in SYSTEM, .NET's and
 * WinHTTP's in SOFTWARE) see the whole machine. Set once before files are
 * read; the array stays the caller's and must outlive the reading. */
void policy_set_image(char *const *paths, size_t n);

/* Reads any file: a policy format into its rendering, else as .reg; a hive
 * that cannot be read is one RL1101 finding. */
void policy_or_reg_doc_read(struct reg_doc *doc, struct source *src, const char *path);

#endif
