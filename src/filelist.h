/*
 * filelist: the files a command's FILE arguments name, with directories
 * walked, in the order a run reports them.
 *
 * An argument that is a directory (a symbolic link to one counts) stands for
 * every file below it whose name ends in ".reg", in any case, and for every
 * GPO folder below it (policy_gpo_root()), which is one item and is not
 * walked into: entries are
 * taken in bytewise order of their names, a subdirectory's files at the
 * subdirectory's place. Below the argument, symbolic links (and junctions)
 * to directories are not followed, so that a link cannot make a loop; links
 * to files are files. Devices, pipes and sockets are left out. Any other
 * argument ("-" included) is itself one file, whatever its name. Names are
 * joined with '/', which Windows reads as well.
 *
 * A directory that cannot be read becomes an item with an error in its
 * place, so that the caller reports it there and goes on; a file that cannot
 * be read is left for its reader to report. Nothing here prints or opens a
 * file.
 *
 * Ownership: the list owns its paths and messages; file_list_free() releases
 * them.
 */
#ifndef REGLINT_FILELIST_H
#define REGLINT_FILELIST_H

#include <stdbool.h>
#include <stddef.h>

struct file_item {
    char *path;  /* a file to read ("-": standard input), or the unreadable directory */
    char *error; /* NULL, or why the directory `path` could not be read */
};

struct file_list {
    struct file_item *items;
    size_t n;
    size_t cap;
};

#define FILE_LIST_INIT {NULL, 0, 0}

/* Appends what one argument names; returns how many items that is (0 for a
 * directory with no .reg file below it). */
size_t file_list_add(struct file_list *list, const char *arg);
void file_list_free(struct file_list *list);

/* Whether a name ends in ".reg", in any case. */
bool file_name_is_reg(const char *name);

#endif
