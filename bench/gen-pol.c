/*
 * gen-pol SIZE FILE: writes a synthetic Registry.pol of about SIZE bytes (K or
 * M suffix) for `make bench`: the PReg header, then records under
 * Software\Policies\Bench as Group Policy editors write them (a key-only
 * record opening each key, REG_DWORD, REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ and
 * REG_BINARY values, **del. deletions). Prints the number of records.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *out;
static unsigned long long written;

static void bytes(const void *p, size_t n)
{
    if (fwrite(p, 1, n, out) != n) {
        perror("gen-pol");
        exit(1);
    }
    written += n;
}

static void unit(unsigned c)
{
    unsigned char b[2] = {(unsigned char)(c & 0xFF), (unsigned char)(c >> 8)};
    bytes(b, 2);
}

static void dword(unsigned long v)
{
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    bytes(b, 4);
}

static void ascii16(const char *s)
{
    for (; *s; s++)
        unit((unsigned char)*s);
}

static void record(const char *key, const char *name, unsigned long type, const void *data,
                   size_t size)
{
    unit('[');
    ascii16(key);
    unit(0);
    unit(';');
    ascii16(name);
    unit(0);
    unit(';');
    dword(type);
    unit(';');
    dword((unsigned long)size);
    unit(';');
    bytes(data, size);
    unit(']');
}

/* A string as UTF-16LE with its NUL (and a second for REG_MULTI_SZ). */
static size_t string16(const char *s, unsigned char *buf, int multi)
{
    size_t n = 0;
    for (; *s; s++) {
        buf[n++] = (unsigned char)(*s == '|' && multi ? 0 : *s);
        buf[n++] = 0;
    }
    buf[n++] = 0;
    buf[n++] = 0;
    if (multi) {
        buf[n++] = 0;
        buf[n++] = 0;
    }
    return n;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: gen-pol SIZE FILE\n");
        return 2;
    }
    char *end;
    unsigned long long size = strtoull(argv[1], &end, 10);
    if (*end == 'K')
        size <<= 10;
    else if (*end == 'M')
        size <<= 20;
    out = fopen(argv[2], "wb");
    if (!out) {
        perror(argv[2]);
        return 1;
    }
    bytes("PReg\1\0\0\0", 8);
    unsigned long records = 0;
    char key[128], name[64];
    unsigned char data[512];
    for (unsigned long k = 0; written < size; k++) {
        snprintf(key, sizeof key, "Software\\Policies\\Bench\\Area%03lu\\Key%06lu", k % 97, k);
        record(key, "", 0, "", 0);
        records++;
        for (unsigned v = 0; v < 8 && written < size; v++, records++) {
            snprintf(name, sizeof name, "Value%u", v);
            switch (v % 6) {
            case 0: {
                unsigned char d[4] = {(unsigned char)k, (unsigned char)(k >> 8), 0, 0};
                record(key, name, 4, d, 4);
                break;
            }
            case 1:
                record(key, name, 1, data, string16("C:\\Program Files\\Bench\\setting.txt", data, 0));
                break;
            case 2:
                record(key, name, 2, data, string16("%SystemRoot%\\System32\\bench.dll", data, 0));
                break;
            case 3:
                record(key, name, 7, data, string16("first|second|third", data, 1));
                break;
            case 4:
                memset(data, (int)(k & 0xFF), 48);
                record(key, name, 3, data, 48);
                break;
            default:
                snprintf(name, sizeof name, "**del.Old%u", v);
                record(key, name, 1, data, string16(" ", data, 0));
                break;
            }
        }
    }
    if (fclose(out) != 0) {
        perror(argv[2]);
        return 1;
    }
    printf("%lu\n", records);
    return 0;
}
