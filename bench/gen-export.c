/*
 * gen-export: writes a synthetic regedit export for the benchmark.
 *
 *   gen-export SIZE FILE
 *
 * SIZE is in bytes, or in KiB or MiB with a K or M suffix. FILE is laid out
 * as regedit's Export writes a large hive: UTF-16LE with a byte order mark,
 * CRLF line endings, the Version 5.00 header, keys depth-first with a blank
 * line after each, and values of the common types: strings (with escaped
 * backslashes and quotes, some non-ASCII text), dword:, hex:, hex(0):,
 * hex(2):, hex(7): and hex(b):, hex data wrapped at regedit's 77 columns with
 * ",\" and a two-space indent. Writing stops after the key during which the
 * file reached SIZE. The same SIZE always gives the same file: the generator
 * draws from its own fixed-seed random numbers.
 *
 * On success it prints "KEYS VALUES DUMP_LINES" on stdout: the keys and values
 * written, and how many lines `reglint dump` prints for the file (one per
 * value, one per key that holds no values).
 *
 * It is a benchmark tool, not part of reglint; it shares no code with it so
 * that a bug in reglint's writer cannot hide a bug in its reader.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* regedit wraps hex data once a line reaches this many characters. */
#define HEX_WRAP 77
/* Deep enough for realistic paths, far below regedit's 512 levels. */
#define MAX_DEPTH 9

/* ---------------------------------------------------------------- random */

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

/* splitmix64: small, fast and the same on every platform. */
static uint64_t rng_next(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* A number in [0, n). */
static uint32_t rng_below(uint32_t n)
{
    return (uint32_t)(rng_next() % n);
}

/* A number in [lo, hi]. */
static uint32_t rng_range(uint32_t lo, uint32_t hi)
{
    return lo + rng_below(hi - lo + 1);
}

static bool rng_percent(uint32_t p)
{
    return rng_below(100) < p;
}

/* ---------------------------------------------------------------- text */

/* One line (or one wrapped value) of the export, built as UTF-8. */
struct text {
    char *s;
    size_t len, cap;
};

static void die(const char *what)
{
    fprintf(stderr, "gen-export: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void put_bytes(struct text *t, const char *s, size_t n)
{
    if (t->len + n > t->cap) {
        size_t cap = t->cap ? t->cap : 256;
        while (cap < t->len + n)
            cap *= 2;
        char *grown = realloc(t->s, cap);
        if (!grown)
            die("out of memory");
        t->s = grown;
        t->cap = cap;
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
}

static void put(struct text *t, const char *s)
{
    put_bytes(t, s, strlen(s));
}

static void putf(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void putf(struct text *t, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp) {
        errno = EOVERFLOW;
        die("formatting");
    }
    put_bytes(t, tmp, (size_t)n);
}

/* Appends `s` as regedit writes it between quotes. */
static void put_escaped(struct text *t, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\' || *s == '"')
            put_bytes(t, "\\", 1);
        put_bytes(t, s, 1);
    }
}

/* Reads one code point of valid UTF-8 (the generator's own strings). */
static uint32_t next_cp(const unsigned char **p)
{
    const unsigned char *s = *p;
    uint32_t cp;
    if (s[0] < 0x80) {
        cp = s[0];
        *p += 1;
    } else if (s[0] < 0xE0) {
        cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
        *p += 2;
    } else if (s[0] < 0xF0) {
        cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        *p += 3;
    } else {
        cp = ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
             ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        *p += 4;
    }
    return cp;
}

/* Calls `unit` for each UTF-16 code unit of s[0..n). */
static size_t utf16_units(const char *s, size_t n, void (*unit)(uint16_t, void *), void *arg)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    size_t count = 0;
    while (p < end) {
        uint32_t cp = next_cp(&p);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            if (unit) {
                unit((uint16_t)(0xD800 | (cp >> 10)), arg);
                unit((uint16_t)(0xDC00 | (cp & 0x3FF)), arg);
            }
            count += 2;
        } else {
            if (unit)
                unit((uint16_t)cp, arg);
            count++;
        }
    }
    return count;
}

/* ---------------------------------------------------------------- output */

struct out {
    FILE *f;
    uint64_t bytes, limit;
    uint64_t keys, values, dump_lines;
    struct text line;      /* the line being built */
    struct text data;      /* scratch for string data turned into hex bytes */
    unsigned char *hex;    /* scratch for hex data */
    size_t hex_cap;
};

static void write_unit(uint16_t u, void *arg)
{
    struct out *o = arg;
    if (putc(u & 0xFF, o->f) == EOF || putc(u >> 8, o->f) == EOF)
        die("writing");
    o->bytes += 2;
}

/* Writes the line built so far and a CRLF. */
static void end_line(struct out *o)
{
    put(&o->line, "\r\n");
    utf16_units(o->line.s, o->line.len, write_unit, o);
    o->line.len = 0;
}

static void data_unit(uint16_t u, void *arg)
{
    struct text *t = arg;
    char two[2] = {(char)(u & 0xFF), (char)(u >> 8)};
    put_bytes(t, two, 2);
}

/* Appends the UTF-16LE bytes of `s` and its NUL, as the registry stores
 * REG_EXPAND_SZ and REG_MULTI_SZ strings. */
static void data_string(struct text *t, const char *s)
{
    utf16_units(s, strlen(s), data_unit, t);
    put_bytes(t, "\0\0", 2);
}

/* Appends hex data to the line (which holds the name, '=' and the type tag
 * so far), wrapped as regedit wraps it. */
static void put_hex(struct out *o, const unsigned char *bytes, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    size_t column = utf16_units(o->line.s, o->line.len, NULL, NULL);
    for (size_t i = 0; i < n; i++) {
        char two[2] = {digits[bytes[i] >> 4], digits[bytes[i] & 15]};
        put_bytes(&o->line, two, 2);
        if (i + 1 == n)
            break;
        put_bytes(&o->line, ",", 1);
        column += 3;
        if (column >= HEX_WRAP) {
            put(&o->line, "\\\r\n  ");
            column = 2;
        }
    }
}

static unsigned char *hex_scratch(struct out *o, size_t n)
{
    if (n > o->hex_cap) {
        free(o->hex);
        o->hex = malloc(n);
        if (!o->hex)
            die("out of memory");
        o->hex_cap = n;
    }
    return o->hex;
}

/* ---------------------------------------------------------------- content */

static const char *const words[] = {
    "Microsoft", "Windows", "CurrentVersion", "Explorer", "Policies", "Services",
    "Parameters", "Settings", "Classes", "Interface", "TypeLib", "Installer",
    "Components", "Products", "Features", "Uninstall", "Run", "Shell", "Extensions",
    "Internet Settings", "Cryptography", "Providers", "Drivers", "Fonts", "Profiles",
    "Security", "Network", "Adobe", "Google", "Mozilla", "Intel", "NVIDIA Corporation",
    "Realtek", "PythonCore", "Wow6432Node", "Setup", "Update", "Tracing", "Defaults",
    "Options", "Capabilities", "FileAssociations", "Display", "Audio", "Printers",
    "Spooler", "Winlogon", "Notifications", "Diagnostics", "SideBySide", "ProgID",
    "DefaultIcon", "InprocServer32", "LocalServer32", "Version", "Implemented Categories",
    "Schannel", "Protocols", "Ciphers", "Hashes", "KeyExchangeAlgorithms", "Client",
    "Server", "Performance", "Enum", "Control", "Session Manager", "Environment",
    "AppCompatFlags", "Layers", "Themes", "Accessibility", "Keyboard Layout",
    "Résumé Manager", "Zürich Labs", "Ελληνικά", "Русский", "日本語",
};
#define NWORDS (sizeof words / sizeof words[0])

static const char *const texts[] = {
    "C:\\Program Files\\Common Files\\Microsoft Shared\\ink\\tabskb.dll",
    "C:\\Windows\\System32\\shell32.dll,-21787",
    "%SystemRoot%\\system32\\svchost.exe -k netsvcs -p",
    "{4234D49B-0245-4DF3-B780-3893943456E1}",
    "10.0.19041.3636",
    "Microsoft Corporation",
    "https://go.microsoft.com/fwlink/?LinkId=141035",
    "Open with \"Notepad\" (default)",
    "Café Crème — Éditeur",
    "Σύνδεση δικτύου",
    "Сетевое подключение",
    "設定を開く",
    "Emoji 🙂 in a name",
    "",
    "Apartment",
    "Both",
    "REG_SZ text with a \\ backslash and a \"quote\"",
};
#define NTEXTS (sizeof texts / sizeof texts[0])

static void put_guid(struct text *t)
{
    uint64_t a = rng_next(), b = rng_next();
    putf(t, "{%08" PRIX32 "-%04" PRIX32 "-%04" PRIX32 "-%04" PRIX32 "-%012" PRIX64 "}",
         (uint32_t)a, (uint32_t)(a >> 32) & 0xFFFF, (uint32_t)(a >> 48),
         (uint32_t)b & 0xFFFF, b >> 16);
}

/* How the children of a key (or the values of a key) are named. Each scheme
 * gives distinct names within one parent (GUIDs with near certainty), so
 * every key and value written is a new one. */
enum naming { NAMING_WORDS, NAMING_GUIDS, NAMING_NUMBERS, NAMING_PATHS };

/* The i-th name under a parent that chose `naming` and `start`. */
static void put_name(struct text *t, enum naming naming, uint32_t start, uint32_t i)
{
    switch (naming) {
    case NAMING_WORDS:
        put(t, words[(start + i) % NWORDS]);
        if (i >= NWORDS)
            putf(t, " %" PRIu32, i / (uint32_t)NWORDS + 1);
        return;
    case NAMING_GUIDS:
        put_guid(t);
        return;
    case NAMING_NUMBERS:
        putf(t, "%04" PRIu32, i);
        return;
    case NAMING_PATHS:
        /* SharedDLLs and AppCompat keys name values after files. */
        putf(t, "C:\\Program Files\\%s\\bin\\module%" PRIu32 ".dll", words[start % NWORDS], i);
        return;
    }
}

static enum naming key_naming(void)
{
    uint32_t r = rng_below(100);
    return r < 70 ? NAMING_WORDS : r < 90 ? NAMING_GUIDS : NAMING_NUMBERS;
}

/* Writes one value named by `naming`, of a type drawn with fixed weights:
 * strings and dwords most, then binary data, hex(2), hex(7), hex(b), hex(0). */
static void write_value(struct out *o, enum naming naming, uint32_t start, uint32_t i)
{
    struct text *line = &o->line;
    if (naming == NAMING_WORDS && i == 0 && rng_percent(30)) {
        put(line, "@=");
    } else {
        struct text name = {0};
        put_name(&name, naming, start, i);
        put_bytes(&name, "", 1);
        put(line, "\"");
        put_escaped(line, name.s);
        put(line, "\"=");
        free(name.s);
    }
    uint32_t kind = rng_below(100);
    if (kind < 36) {
        put(line, "\"");
        put_escaped(line, texts[rng_below(NTEXTS)]);
        put(line, "\"");
    } else if (kind < 66) {
        uint32_t v = rng_percent(60) ? rng_below(4) : (uint32_t)rng_next();
        putf(line, "dword:%08" PRIx32, v);
    } else if (kind < 81) {
        /* Binary data: mostly short, a long tail of blobs over many lines. */
        uint32_t r = rng_below(100);
        size_t n = r < 60 ? rng_range(1, 48) : r < 92 ? rng_range(48, 220) : rng_range(220, 800);
        unsigned char *b = hex_scratch(o, n);
        for (size_t k = 0; k < n; k++)
            b[k] = (unsigned char)(rng_percent(30) ? 0 : rng_next());
        put(line, "hex:");
        put_hex(o, b, n);
    } else if (kind < 90) {
        o->data.len = 0;
        data_string(&o->data, texts[rng_below(NTEXTS)]);
        put(line, "hex(2):");
        put_hex(o, (const unsigned char *)o->data.s, o->data.len);
    } else if (kind < 95) {
        o->data.len = 0;
        for (uint32_t k = rng_range(1, 6); k > 0; k--)
            data_string(&o->data, texts[rng_below(NTEXTS)]);
        put_bytes(&o->data, "\0\0", 2);
        put(line, "hex(7):");
        put_hex(o, (const unsigned char *)o->data.s, o->data.len);
    } else if (kind < 99) {
        unsigned char b[8];
        uint64_t v = rng_percent(50) ? rng_below(1000) : rng_next();
        for (int k = 0; k < 8; k++)
            b[k] = (unsigned char)(v >> (8 * k));
        put(line, "hex(b):");
        put_hex(o, b, sizeof b);
    } else {
        unsigned char *b = hex_scratch(o, 16);
        size_t n = rng_below(17);
        for (size_t k = 0; k < n; k++)
            b[k] = (unsigned char)rng_next();
        put(line, "hex(0):");
        put_hex(o, b, n);
    }
    end_line(o);
    o->values++;
}

/* Writes a key line, its values and the blank line after them. */
static void write_key(struct out *o, const struct text *path)
{
    put(&o->line, "[");
    put_bytes(&o->line, path->s, path->len);
    put(&o->line, "]");
    end_line(o);
    uint32_t r = rng_below(100);
    uint32_t nvalues = r < 22 ? 0 : r < 94 ? rng_range(1, 8) : rng_range(9, 24);
    enum naming naming = rng_percent(90) ? NAMING_WORDS : NAMING_PATHS;
    uint32_t start = rng_below(NWORDS);
    for (uint32_t i = 0; i < nvalues; i++)
        write_value(o, naming, start, i);
    end_line(o);
    o->keys++;
    o->dump_lines += nvalues ? nvalues : 1;
}

/* Writes the key at `path` and, depth-first, a random subtree below it. */
static void write_subtree(struct out *o, struct text *path, uint32_t depth)
{
    write_key(o, path);
    if (depth >= MAX_DEPTH)
        return;
    /* Fewer children deeper down, so that every subtree is finite. */
    uint32_t most = depth < 3 ? 7 : depth < 6 ? 4 : 2;
    uint32_t nchildren = rng_percent(45) ? 0 : rng_range(1, most);
    enum naming naming = key_naming();
    uint32_t start = rng_below(NWORDS);
    size_t len = path->len;
    for (uint32_t i = 0; i < nchildren && o->bytes < o->limit; i++) {
        put(path, "\\");
        put_name(path, naming, start, i);
        write_subtree(o, path, depth + 1);
        path->len = len;
    }
}

/* ---------------------------------------------------------------- main */

static bool parse_size(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    if (errno || end == s)
        return false;
    if (*end == 'K' || *end == 'M') {
        n <<= *end == 'K' ? 10 : 20;
        end++;
    }
    if (*end || n == 0)
        return false;
    *out = n;
    return true;
}

int main(int argc, char **argv)
{
    uint64_t size;
    if (argc != 3 || !parse_size(argv[1], &size)) {
        fprintf(stderr, "usage: gen-export SIZE[K|M] FILE\n");
        return 2;
    }
    struct out o = {0};
    o.limit = size;
    o.f = fopen(argv[2], "wb");
    if (!o.f)
        die(argv[2]);
    static char iobuf[1 << 16];
    setvbuf(o.f, iobuf, _IOFBF, sizeof iobuf);
    write_unit(0xFEFF, &o);
    put(&o.line, "Windows Registry Editor Version 5.00");
    end_line(&o);
    end_line(&o);
    /* An exported SOFTWARE hive, with as many top-level keys as it takes. */
    struct text path = {0};
    put(&path, "HKEY_LOCAL_MACHINE\\SOFTWARE");
    write_key(&o, &path);
    for (uint32_t i = 0; o.bytes < o.limit; i++) {
        path.len = 0;
        put(&path, "HKEY_LOCAL_MACHINE\\SOFTWARE\\");
        put_name(&path, NAMING_WORDS, 0, i);
        write_subtree(&o, &path, 1);
    }
    if (fclose(o.f) != 0)
        die(argv[2]);
    printf("%" PRIu64 " %" PRIu64 " %" PRIu64 "\n", o.keys, o.values, o.dump_lines);
    free(path.s);
    free(o.line.s);
    free(o.data.s);
    free(o.hex);
    return 0;
}
