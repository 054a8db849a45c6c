/*
 * dump: the net effect of a .reg file in the fixed text format of
 * `reglint dump` (docs/reglint.1): one line per value of every key the file
 * names that exists afterwards, "KEY\tpath" for such a key without values,
 * sorted bytewise. The default value is named "@"; a value whose name is
 * "@" prints as \x40, as a control character in a name prints as \xHH.
 *
 * It formats a model; it does not read files or decide what a file does.
 */
#ifndef REGLINT_DUMP_H
#define REGLINT_DUMP_H

#include <stdio.h>

#include "model.h"

/* Writes the dump of `m` to `out`. */
void dump_model(const struct model *m, FILE *out);

/* The dump name of a registry type: REG_NONE ... REG_QWORD, else hex(N). */
const char *dump_type_name(uint32_t type, char scratch[16]);

#endif
