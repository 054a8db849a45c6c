/* reglint posture [--target OS] [--view 64|32] [--format FMT] FILE... */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "posture_report.h"
#include "xalloc.h"

static const char posture_help[] =
    "usage: reglint posture [--target OS] [--view 64|32] [--format text|json|markdown] FILE...\n"
    "\n"
    "Print the effective TLS table after importing the FILEs in order (a baseline\n"
    "export, then a change): for each protocol, its state in the Schannel client\n"
    "and server, WinHTTP, WinINet (user and machine), .NET 3.5 and .NET 4.x, and\n"
    "the value (file:line) or the default that decided it.\n"
    "\n"
    "  -f, --format FMT    text (default), json, or markdown (a pull-request comment)\n"
    "      --target OS     the Windows version whose defaults fill absent values\n"
    "                      (windows-7-sp1 ... windows-server-2025); without it a\n"
    "                      default counts only where every version agrees\n"
    "      --view 64|32    the programs whose view of HKLM\\SOFTWARE is read: 64-bit\n"
    "                      (default), or 32-bit ones on a 64-bit Windows, which\n"
    "                      read WinHTTP, .NET and WinINet's machine key from\n"
    "                      Wow6432Node\n"
    "      --root machine|user\n"
    "                      the hive of a Registry.pol outside a GPO folder\n"
    "      --mount KEY     where a registry hive is mounted (HKLM\\SYSTEM,\n"
    "                      HKLM\\SOFTWARE, HKCU...), not what its root holds\n"
    "      --all-keys      read every key of a registry hive, not only those\n"
    "                      reglint reads\n"
    "      --stdin-filename NAME\n"
    "                      the name of standard input (-) in reports\n";

int cli_posture(int argc, char **argv)
{
    struct report_options o = REPORT_OPTIONS_INIT;
    char **files = xcalloc((size_t)argc, sizeof *files);
    size_t nfiles = 0;
    int rc = EXIT_OK;
    for (int i = 1; i < argc && rc == EXIT_OK; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(posture_help, stdout);
            free(files);
            return EXIT_OK;
        }
        int taken = report_option("posture", argc, argv, &i, &o);
        if (taken < 0)
            rc = -taken;
        else if (taken == 0 && argv[i][0] == '-' && argv[i][1] != '\0')
            rc = cli_unknown_option("posture", argv[i], report_option_names);
        else if (taken == 0)
            files[nfiles++] = argv[i];
    }
    if (rc == EXIT_OK && nfiles == 0)
        rc = cli_usage("posture", "missing FILE");
    if (rc == EXIT_OK)
        cli_hive_notes(files, nfiles, &o.has_target, &o.target);
    struct posture_files pf;
    if (rc == EXIT_OK && !posture_files_load(&pf, files, nfiles, o.stdin_name))
        rc = EXIT_IO;
    free(files);
    if (rc != EXIT_OK)
        return rc;
    const enum target *target = o.has_target ? &o.target : NULL;
    struct posture_table table;
    posture_table(pf.layers, pf.n, target, o.view, &table);
    struct buf out = BUF_INIT;
    posture_report_table(&table, &pf, target, o.view, o.format, &out);
    fwrite(out.data, 1, out.len, stdout);
    buf_free(&out);
    posture_files_release(&pf);
    return EXIT_OK;
}
