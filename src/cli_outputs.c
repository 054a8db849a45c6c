/* The files a command writes, checked against each other and its inputs. */
#include <stddef.h>
#include <string.h>

#include "cli.h"
#include "platform.h"

/* "-o" and "x.reg" as the command line has them: "-o x.reg"; "-f json="
 * and "x.json": "-f json=x.json". */
static const char *between(const char *option)
{
    size_t len = strlen(option);
    return len > 0 && option[len - 1] == '=' ? "" : " ";
}

int cli_check_outputs(const char *command, const struct cli_output *outputs, size_t n,
                      const char *const *inputs, size_t ninputs)
{
    for (size_t i = 0; i < n; i++) {
        const char *path = outputs[i].path, *option = outputs[i].option;
        size_t len = strlen(path);
        bool dir = platform_is_dir(path);
        if (dir || (len > 0 && platform_is_separator(path[len - 1]))) {
            cli_error("%s: %s a directory; %s%s takes a file name", path, dir ? "is" : "names", option,
                      *between(option) ? "" : "FILE");
            return EXIT_IO;
        }
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++)
            if (platform_same_file(outputs[i].path, outputs[j].path))
                return cli_usage(command, "'%s%s%s' and '%s%s%s' name one file; give each its own",
                                 outputs[i].option, between(outputs[i].option), outputs[i].path,
                                 outputs[j].option, between(outputs[j].option), outputs[j].path);
        for (size_t k = 0; k < ninputs; k++)
            if (strcmp(inputs[k], "-") != 0 && platform_same_file(outputs[i].path, inputs[k]))
                return cli_usage(command, "'%s%s%s' would overwrite the input %s; write elsewhere",
                                 outputs[i].option, between(outputs[i].option), outputs[i].path, inputs[k]);
    }
    return -1;
}

bool cli_write_outputs(struct cli_write *outputs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!outputs[i].bytes || strcmp(outputs[i].path, "-") == 0)
            continue;
        const char *error = platform_output_begin(outputs[i].path, NULL, &outputs[i].file);
        if (error) {
            cli_error("%s: cannot write: %s", outputs[i].path, error);
            for (size_t j = 0; j < i; j++)
                if (outputs[j].file)
                    platform_output_abandon(outputs[j].file);
            return false;
        }
    }
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        const struct buf *bytes = outputs[i].bytes;
        if (!bytes)
            continue;
        if (!outputs[i].file) {
            fwrite(bytes->data, 1, bytes->len, stdout);
            continue;
        }
        fwrite(bytes->data, 1, bytes->len, platform_output_stream(outputs[i].file));
        const char *error = platform_output_commit(outputs[i].file);
        if (error) {
            cli_error("%s: cannot write: %s", outputs[i].path, error);
            ok = false;
        }
    }
    return ok;
}
