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
/* The `size` bytes of regular file `f` mapped into memory, read-only, or
 * NULL when they cannot be (Windows, a pipe, an empty file; the caller then
 * reads them): mapped, their pages come from the system's cache without a
 * copy or a page fault each. Should the file shrink while it is mapped, what
 * lay past its new end reads as zeros instead of stopping the run with
 * SIGBUS. */
unsigned char *platform_map_file(FILE *f, size_t size);
void platform_unmap_file(unsigned char *bytes, size_t size);
/* Whether the stream is a terminal (for colour). */
bool platform_isatty(FILE *f);

/* What identifies one state of a file: which file it is, its size, when it
 * was last written and when its contents or attributes last changed (the
 * change time, which utimensat() cannot set back as it can the other; on
 * Windows the C library gives the creation time instead). */
struct file_stamp {
    bool exists;
    bool regular; /* a regular file (not a device, pipe or directory) */
    unsigned long long device, inode;
    long long size;
    long long mtime_sec;
    long mtime_nsec;
    long long ctime_sec;
    long ctime_nsec;
};

/* Stamps `path` as it is now, following symbolic links (exists is false
 * when it cannot be stat'ed). */
void platform_file_stamp(const char *path, struct file_stamp *stamp);
/* Whether `a` and `b` name one regular file, through links too: the same
 * device and inode when both exist; when neither exists, the same name in
 * the same directory. A device, pipe or directory is never the same file
 * (several writers may share it). */
bool platform_same_file(const char *a, const char *b);

/* ------------------------------------------------------- writing files
 *
 * A file is written as a whole, or not at all. A regular file, or one that
 * does not exist yet, gets a temporary file in the same directory, named
 * ".reglint-PID-XXXXXX" (PID: the writer's process ID), which is flushed to
 * disk and renamed over it. A symbolic link is followed: the file it leads
 * to is replaced and the link stays. A device or pipe (/dev/stdout, a FIFO)
 * is written straight into. A new file gets the mode the umask gives
 * (0666 & ~umask).
 *
 * An existing file keeps its owner, group and mode (POSIX) and its extended
 * attributes (Linux, macOS; on Windows the system's ReplaceFile keeps its
 * attributes and security), or is refused, untouched: a read-only or
 * unwritable file, one with other names (hard links, which would keep the
 * old content), one whose owner or extended attributes cannot be given to
 * the new file.
 *
 * The temporary files in progress are removed if the process is stopped by
 * SIGINT, SIGTERM, SIGHUP or SIGPIPE (then the signal's default action
 * follows) or exits; only SIGKILL or a crash leaves one behind. On POSIX
 * systems, the first file a run writes in a directory has it remove the
 * ones there whose process PID is gone and that are an hour old. */

struct platform_output;

/* Starts writing `path`: every check is made here, before anything is
 * written. `read` NULL: replace whatever is there; otherwise the stamp taken
 * before `path` was read, and `path` must be a regular file that still
 * matches it when the new one is complete (someone may change it in
 * between). Returns NULL and sets *out, or a message (strerror text or
 * "read-only file"...) and leaves nothing behind. */
const char *platform_output_begin(const char *path, const struct file_stamp *read,
                                  struct platform_output **out);
/* The stream to write to, owned by the output. */
FILE *platform_output_stream(struct platform_output *o);
/* Completes the file and frees `o`; on failure the old file is untouched,
 * the temporary file is removed and the return is a message. */
const char *platform_output_commit(struct platform_output *o);
/* Drops what was written and frees `o`; the old file is untouched. */
void platform_output_abandon(struct platform_output *o);

/* Writes `data` to `path` as a whole: begin, write, commit. */
const char *platform_write_atomic(const char *path, const void *data, size_t n);
/* platform_write_atomic(), replacing `path` only if it still matches `read`. */
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

/* The current directory, malloc'd (the caller frees it), or NULL. */
char *platform_cwd(void);

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
