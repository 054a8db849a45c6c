/*
 * replay: runs a libFuzzer harness without libFuzzer, over files.
 *   replay_<harness> FILE...
 * Each file's bytes go to the harness's LLVMFuzzerTestOneInput() in a buffer
 * of exactly their size (so that AddressSanitizer sees a read past the end);
 * "ok FILE" is printed after each. A harness aborts on a finding, so a file
 * with no "ok" line is the one that failed. Exit status 0 when every file
 * ran, 2 when a file could not be read.
 *
 * It lets `make check` replay the regressions and seeds with the project's
 * own compiler and sanitizers.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

/* The whole file in a buffer of its exact size (never NULL, even when the
 * file is empty); NULL with errno set when it cannot be read. */
static unsigned char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *data = malloc(1);
    size_t n = 0, cap = 1;
    unsigned char chunk[65536];
    size_t got;
    bool out_of_memory = data == NULL;
    while (!out_of_memory && (got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (n + got > cap) {
            unsigned char *grown = realloc(data, n + got);
            if (!grown) {
                out_of_memory = true;
                break;
            }
            data = grown;
            cap = n + got;
        }
        memcpy(data + n, chunk, got);
        n += got;
    }
    int failed = out_of_memory || ferror(f);
    int saved = errno;
    fclose(f);
    if (failed) {
        free(data);
        errno = saved ? saved : EIO;
        return NULL;
    }
    *len = n;
    return data;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        size_t len = 0;
        unsigned char *data = read_all(argv[i], &len);
        if (!data) {
            fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
            return 2;
        }
        LLVMFuzzerTestOneInput(data, len);
        free(data);
        printf("ok %s\n", argv[i]);
        fflush(stdout);
    }
    return 0;
}
