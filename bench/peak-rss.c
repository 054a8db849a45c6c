/*
 * peak-rss: runs a command and reports its wall time and peak memory.
 *
 *   peak-rss [-o OUT] [-c] [-t SECONDS] [-m MIB] COMMAND [ARG...]
 *
 * COMMAND is found on PATH; its standard output goes to OUT when given
 * (/dev/null, say), its standard error is left alone. -c reports CPU time
 * (user and system) instead of wall time: on a busy machine it varies much
 * less. -t kills it (SIGKILL)
 * once SECONDS (a decimal number) have passed, and its STATUS is then 124,
 * as coreutils' timeout reports; -m limits its address space to MIB MiB
 * (RLIMIT_AS), so that a command whose memory runs away fails at that size
 * (a program built with AddressSanitizer reserves far more and cannot run
 * under it). Both are for the scaling benchmark, which must stop a command
 * that takes quadratic time or memory. When it has finished, one line goes
 * to standard output:
 *
 *   SECONDS PEAK_RSS_KIB STATUS
 *
 * SECONDS is wall-clock time from start to exit (CPU time with -c);
 * PEAK_RSS_KIB is the largest resident set of the command or of any process
 * it waited for (what wait4()
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
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
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

static volatile sig_atomic_t timed_out;

static void on_alarm(int sig)
{
    (void)sig;
    timed_out = 1;
}

/* Arms a one-shot timer of `seconds` whose signal interrupts wait4(). */
static int arm_timer(double seconds)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGALRM, &sa, NULL) != 0)
        return -1;
    struct itimerval timer;
    memset(&timer, 0, sizeof timer);
    timer.it_value.tv_sec = (time_t)seconds;
    timer.it_value.tv_usec = (suseconds_t)((seconds - (double)(time_t)seconds) * 1e6);
    if (timer.it_value.tv_sec == 0 && timer.it_value.tv_usec == 0)
        timer.it_value.tv_usec = 1;
    return setitimer(ITIMER_REAL, &timer, NULL);
}

int main(int argc, char **argv)
{
    int first = 1;
    const char *out = NULL;
    double limit_seconds = 0;
    unsigned long long limit_mib = 0;
    bool cpu_time = false;
    while (first + 1 < argc && argv[first][0] == '-') {
        const char *arg = argv[first + 1];
        char *end;
        if (strcmp(argv[first], "-c") == 0) {
            cpu_time = true;
            first++;
            continue;
        }
        if (strcmp(argv[first], "-o") == 0) {
            out = arg;
        } else if (strcmp(argv[first], "-t") == 0) {
            limit_seconds = strtod(arg, &end);
            if (*end || limit_seconds <= 0)
                first = argc;
        } else if (strcmp(argv[first], "-m") == 0) {
            limit_mib = strtoull(arg, &end, 10);
            if (*end || limit_mib == 0)
                first = argc;
        } else {
            break;
        }
        first += 2;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: peak-rss [-o OUT] [-c] [-t SECONDS] [-m MIB] COMMAND [ARG...]\n");
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
        if (limit_mib) {
            struct rlimit space = {(rlim_t)(limit_mib << 20), (rlim_t)(limit_mib << 20)};
            if (setrlimit(RLIMIT_AS, &space) != 0)
                _exit(127);
        }
        execvp(argv[first], argv + first);
        int err = errno;
        ssize_t ignored = write(report[1], &err, sizeof err);
        (void)ignored;
        _exit(127);
    }
    close(report[1]);
    if (out_fd >= 0)
        close(out_fd);
    if (limit_seconds > 0 && arm_timer(limit_seconds) != 0) {
        fprintf(stderr, "peak-rss: setitimer: %s\n", strerror(errno));
        kill(pid, SIGKILL);
    }
    int exec_errno = 0;
    ssize_t got = read(report[0], &exec_errno, sizeof exec_errno);
    close(report[0]);
    int status;
    struct rusage usage;
    /* The timer may have gone off during the read() above. */
    for (;;) {
        if (timed_out)
            kill(pid, SIGKILL);
        if (wait4(pid, &status, 0, &usage) >= 0)
            break;
        if (errno != EINTR) {
            fprintf(stderr, "peak-rss: wait4: %s\n", strerror(errno));
            return 127;
        }
    }
    double seconds = now() - start;
    if (cpu_time)
        seconds = (double)usage.ru_utime.tv_sec + (double)usage.ru_utime.tv_usec / 1e6 +
                  (double)usage.ru_stime.tv_sec + (double)usage.ru_stime.tv_usec / 1e6;
    if (got == (ssize_t)sizeof exec_errno) {
        fprintf(stderr, "peak-rss: %s: %s\n", argv[first], strerror(exec_errno));
        return 127;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (timed_out && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        code = 124;
    printf("%.6f %ld %d\n", seconds, (long)usage.ru_maxrss, code);
    return 0;
}
