/*
 * upcase: Windows' upper-case table for UTF-16 code units, the one the
 * registry compares key and value names with (and NTFS file names).
 *
 * The table is generated (scripts/upcase) from scripts/windows-upcase.txt,
 * Microsoft's published Windows 8 table (the file says where it comes from).
 * Only text.c reads it, through text_upcase().
 */
#ifndef REGLINT_UPCASE_H
#define REGLINT_UPCASE_H

#include <stddef.h>
#include <stdint.h>

/* Code units first, first + step, ... up to last become themselves plus
 * delta. Runs are in code unit order and do not overlap. */
struct upcase_run {
    uint16_t first, last;
    uint16_t step;
    int32_t delta;
};

extern const struct upcase_run upcase_runs[];
extern const size_t upcase_run_count;

#endif
