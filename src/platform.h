/*
 * platform: the few operating-system calls that differ between POSIX systems
 * and Windows (MinGW). Everything else in reglint is ISO C.
 *
 * Besides files, this is where threads live: POSIX threads, or Windows'
 * own threads, locks and condition variables under _WIN32 (so that the
 * Windows program needs no extra DLL). Callers see opaque handles only.
 *
 * reglint never touches a registry: nothing here (or anywhere) calls the
 * Windows registry API.
 */
#ifndef REGLINT_PLATFORM_H
#define REGLINT_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Puts a standard stream into binary mode (no CRLF translation on Windows). */
void platform_set_binary(FILE *f);
/* NULL when `f` can be read as a file (regular file, pipe, terminal);
 * otherwise a message such as "is a directory". Sets *size for regular files
 * (0 otherwise). */
const char *platform_check_regular(FILE *f, long long *size);
/* Whether the stream is a terminal (for colour). */
bool platform_isatty(FILE *f);

/* Replaces `path` with `data` atomically: a temporary file in the same
 * directory, flushed to disk, then renamed over `path`; an existing file's
 * permissions are kept. On failure `path` is untouched, the temporary file is
 * removed, and the return is a message (strerror text); NULL on success. */
const char *platform_write_atomic(const char *path, const void *data, size_t n);

/* What identifies one state of a file: which file it is, its size and when
 * it was last written. */
struct file_stamp {
    bool exists;
    bool regular; /* a regular file (not a device, pipe or directory) */
    unsigned long long device, inode;
    long long size;
    long long mtime_sec;
    long mtime_nsec;
};

/* Stamps `path` as it is now (exists is false when it cannot be stat'ed). */
void platform_file_stamp(const char *path, struct file_stamp *stamp);
/* platform_write_atomic(), but refuses to replace `path` (and says why) when
 * its stamp no longer matches `read`, the stamp taken before it was read:
 * someone changed it in between. The check is made after the temporary file
 * is complete, just before the rename. Only a regular file is replaced; a
 * symbolic link is followed, so that the file it names is replaced. */
const char *platform_write_atomic_unchanged(const char *path, const void *data, size_t n,
                                            const struct file_stamp *read);

/* --------------------------------------------------------- directories */

enum platform_entry_kind {
    PLATFORM_ENTRY_FILE,        /* a regular file, or a link to anything but a directory */
    PLATFORM_ENTRY_DIR,         /* a directory (not a link to one) */
    PLATFORM_ENTRY_LINK_TO_DIR, /* a symbolic link or junction to a directory */
    PLATFORM_ENTRY_OTHER,       /* a device, pipe or socket */
};

struct platform_dir_entry {
    char *name; /* the entry's name alone, without the directory */
    enum platform_entry_kind kind;
};

/* Whether `path` names a directory, following symbolic links. */
bool platform_is_dir(const char *path);
/* Whether `c` separates directories in a path: '/', and on Windows '\\'. */
bool platform_is_separator(char c);
/* The separator to join `dir` and a name with: "" when `dir` ends in one;
 * on Windows "\\" when `dir` is written with backslashes; "/" otherwise, so
 * that paths print the same on every system unless the user wrote them in
 * Windows' way. */
const char *platform_join_separator(const char *dir);
/* The entries of directory `path`, without "." and "..", in no particular
 * order. On success returns NULL and sets *entries (free with
 * platform_free_dir()) and *n; on failure returns a message (strerror text)
 * and sets nothing. A link that leads nowhere is a FILE, for its reader to
 * report. */
const char *platform_list_dir(const char *path, struct platform_dir_entry **entries, size_t *n);
void platform_free_dir(struct platform_dir_entry *entries, size_t n);

/* ------------------------------------------------------------- threads */

/* The number of CPUs online (at least 1). */
unsigned platform_cpu_count(void);

struct platform_thread;
/* Runs fn(arg) on a new thread; NULL when no thread could be started. */
struct platform_thread *platform_thread_start(void (*fn)(void *arg), void *arg);
/* Waits for the thread to return and frees its handle. */
void platform_thread_join(struct platform_thread *t);

/* A mutual exclusion lock and a condition to wait on under it. */
struct platform_lock;
struct platform_lock *platform_lock_new(void);
void platform_lock_free(struct platform_lock *l);
void platform_lock(struct platform_lock *l);
void platform_unlock(struct platform_lock *l);

struct platform_cond;
struct platform_cond *platform_cond_new(void);
void platform_cond_free(struct platform_cond *c);
/* Releases `l` (held by the caller), waits until woken, takes `l` again.
 * Wake-ups may be spurious: the caller re-checks its condition. */
void platform_cond_wait(struct platform_cond *c, struct platform_lock *l);
void platform_cond_wake_all(struct platform_cond *c);

#endif
