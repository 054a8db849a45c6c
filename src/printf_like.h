/*
 * printf_like: PRINTF_LIKE(f, a), the attribute that has the compiler check
 * a function's format string (argument f) and its arguments (from a, or 0
 * for a va_list) by printf's rules. Nothing else.
 *
 * MinGW's GCC takes the "printf" archetype to mean msvcrt's rules, which
 * lack %zu; reglint is built there with MinGW's own C99 stdio
 * (__USE_MINGW_ANSI_STDIO), whose rules are "gnu_printf".
 */
#ifndef REGLINT_PRINTF_LIKE_H
#define REGLINT_PRINTF_LIKE_H

#if defined(__MINGW32__) && !defined(__clang__)
#define PRINTF_LIKE(f, a) __attribute__((format(gnu_printf, f, a)))
#else
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#endif

#endif
