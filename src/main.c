/*
 * reglint: the command line. This file only dispatches to the commands
 * (cli_*.c); it holds no logic of its own.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "platform.h"
#include "suggest.h"

static const char usage[] =
    "usage: reglint COMMAND [OPTIONS] [ARGS]\n"
    "       reglint [LINT OPTIONS] FILE...   (lint is the default command)\n"
    "\n"
    "Reads Windows Registry Editor (.reg) files exactly as regedit does, without\n"
    "ever touching a registry.\n"
    "\n"
    "commands:\n"
    "  lint [OPTIONS] FILE... check .reg files: syntax, names, contradictions, weak TLS\n"
    "  rules [SELECTOR...]   the rule catalogue (--format json for scripts)\n"
    "  rule ID|NAME          one rule's page\n"
    "  dump FILE             what importing FILE does, one line per value\n"
    "  show FILE             FILE as UTF-8 text with LF line endings (git textconv)\n"
    "  fmt [--check] FILE... rewrite in regedit's export layout\n"
    "  posture FILE...       the effective TLS table: protocol by component\n"
    "  diff OLD NEW          what importing NEW does that OLD does not, by value\n"
    "  gen PROFILE           the .reg file a profile (file or built-in name) asks for\n"
    "  templates             the built-in profiles\n"
    "  convert IN --to FMT   any file reglint reads as .reg, .pol, LGPO text or GPP xml\n"
    "  targets               the Windows versions --target names\n"
    "\n"
    "  reglint COMMAND --help   help for one command\n"
    "  reglint --version        the version\n"
    "\n"
    "exit status: 0 done, 1 findings or differences, 2 usage error,\n"
    "3 a file could not be read or written.\n";

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    bool reads_files; /* takes --root for policy files */
} commands[] = {
    {"lint", cli_lint, true},
    {"rules", cli_rules, false},
    {"rule", cli_rule, false},
    {"dump", cli_dump, true},
    {"show", cli_show, true},
    {"fmt", cli_fmt, false},
    {"posture", cli_posture, true},
    {"diff", cli_diff, true},
    {"gen", cli_gen, false},
    {"convert", cli_convert, true},
    {"templates", cli_templates, false},
    {"targets", cli_targets, false},
};

/* Output that did not reach its destination (a full disk, a closed pipe) must
 * not end in success: flush here, where every command ends, and report it. */
static int finish_stdout(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "reglint: error: cannot write standard output: %s\n", strerror(errno));
        return EXIT_IO;
    }
    return rc;
}

/* An argument that names no command goes to lint, the default command, when
 * it is an option, looks like a file ("-", a dot or a path separator) or is a
 * directory, so that `reglint export.reg` and `reglint exports` lint while
 * `reglint lnit` is a typo. */
static bool for_default_command(const char *arg)
{
    return arg[0] == '-' || strchr(arg, '.') || strchr(arg, '/') || strchr(arg, '\\') ||
           platform_is_dir(arg);
}

int main(int argc, char **argv)
{
    /* The same bytes on every platform: Windows' C library would otherwise
     * write every "\n" as CRLF, and reports, `show` (a git textconv driver)
     * and .reg output must not change with the system. */
    platform_set_binary(stdout);
    platform_set_binary(stderr);
    /* Windows buffers stderr when it is redirected, so messages would come
     * after the report; POSIX systems never buffer it. */
    setvbuf(stderr, NULL, _IONBF, 0);
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        fputs(usage, stdout);
        return finish_stdout(EXIT_OK);
    }
    if (strcmp(name, "--version") == 0) {
        printf("reglint %s\n", REGLINT_VERSION);
        return finish_stdout(EXIT_OK);
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0) {
            int sub_argc = argc - 1;
            if (commands[i].reads_files && cli_take_input_options(&sub_argc, argv + 1) != EXIT_OK)
                return EXIT_USAGE;
            return finish_stdout(commands[i].run(sub_argc, argv + 1));
        }
    if (for_default_command(name)) {
        if (cli_take_input_options(&argc, argv) != EXIT_OK)
            return EXIT_USAGE;
        return finish_stdout(cli_lint(argc, argv));
    }
    const char *names[sizeof commands / sizeof commands[0]];
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        names[i] = commands[i].name;
    const char *near = suggest_closest(name, strlen(name), names, sizeof names / sizeof names[0]);
    if (near)
        fprintf(stderr, "reglint: error: unknown command '%s'; did you mean '%s'?\n", name, near);
    else
        fprintf(stderr, "reglint: error: unknown command '%s'\n", name);
    fputs("run 'reglint --help' for the commands\n", stderr);
    return EXIT_USAGE;
}
