/*
 * peak-rss: runs a command and reports its wall time and peak memory.
 *
 *   peak-rss [-o OUT] COMMAND [ARG...]
 *
 * COMMAND is found on PATH; its standard output goes to OUT when given
 * (/dev/null, say), its standard error is left alone. When it has finished,
 * one line goes to standard output:
 *
 *   SECONDS PEAK_RSS_KIB STATUS
 *
 * SECONDS is wall-clock time from start to exit; PEAK_RSS_KIB is the largest
 * resident set of the command or of any process it waited for (what wait4()
 * reports in ru_maxrss, KiB on Linux), so `sh -c 'a | b'` reports the larger
 * of a and b; STATUS is the exit status, or 128 plus the signal number. The
 * exit status of peak-rss is 0 once that line is printed, 127 if the command
 * could not be started, 2 for a usage error.
 *
 * It exists so that the benchmark needs no GNU time.
 */
#define _DEFAULT_SOURCE /* wait4() */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int first = 1;
    const char *out = NULL;
    if (argc > 2 && strcmp(argv[1], "-o") == 0) {
        out = argv[2];
        first = 3;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: peak-rss [-o OUT] COMMAND [ARG...]\n");
        return 2;
    }
    int out_fd = -1;
    if (out) {
        out_fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (out_fd < 0) {
            fprintf(stderr, "peak-rss: %s: %s\n", out, strerror(errno));
            return 127;
        }
    }
    /* The child reports a failed exec through this pipe (closed on exec). */
    int report[2];
    if (pipe(report) != 0 || fcntl(report[1], F_SETFD, FD_CLOEXEC) != 0) {
        fprintf(stderr, "peak-rss: pipe: %s\n", strerror(errno));
        return 127;
    }
    double start = now();
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "peak-rss: fork: %s\n", strerror(errno));
        return 127;
    }
    if (pid == 0) {
        close(report[0]);
        if (out_fd >= 0 && dup2(out_fd, STDOUT_FILENO) < 0)
            _exit(127);
        execvp(argv[first], argv + first);
        int err = errno;
        ssize_t ignored = write(report[1], &err, sizeof err);
        (void)ignored;
        _exit(127);
    }
    close(report[1]);
    if (out_fd >= 0)
        close(out_fd);
    int exec_errno = 0;
    ssize_t got = read(report[0], &exec_errno, sizeof exec_errno);
    close(report[0]);
    int status;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "peak-rss: wait4: %s\n", strerror(errno));
            return 127;
        }
    }
    double seconds = now() - start;
    if (got == (ssize_t)sizeof exec_errno) {
        fprintf(stderr, "peak-rss: %s: %s\n", argv[first], strerror(exec_errno));
        return 127;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    printf("%.6f %ld %d\n", seconds, (long)usage.ru_maxrss, code);
    return 0;
}
