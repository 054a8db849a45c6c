/* The tables behind knowledge.h; each row cites docs/domain.md. */
#include "knowledge.h"

#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool knowledge_name_equal(const char *a, size_t alen, const char *b)
{
    return text_ascii_equal_nocase(a, alen, b);
}

/* ------------------------------------------------------------ protocols */

/* domain.md §1.1 (key names, support) and §1.5 (bits). ORDER: enum protocol. */
static const struct protocol_info protocol_table[PROTO_COUNT] = {
    [PROTO_PCT_1_0] = {"pct1.0", "PCT 1.0", "PCT 1.0", 0, STRENGTH_BROKEN, false},
    [PROTO_MPUH] = {"mpuh", "Multi-Protocol Unified Hello", "Multi-Protocol Unified Hello", 0,
                    STRENGTH_BROKEN, false},
    [PROTO_SSL_2_0] = {"ssl2", "SSL 2.0", "SSL 2.0", 0x8, STRENGTH_BROKEN, true},
    [PROTO_SSL_3_0] = {"ssl3", "SSL 3.0", "SSL 3.0", 0x20, STRENGTH_BROKEN, true},
    [PROTO_TLS_1_0] = {"tls1.0", "TLS 1.0", "TLS 1.0", 0x80, STRENGTH_DEPRECATED, true},
    [PROTO_TLS_1_1] = {"tls1.1", "TLS 1.1", "TLS 1.1", 0x200, STRENGTH_DEPRECATED, true},
    [PROTO_TLS_1_2] = {"tls1.2", "TLS 1.2", "TLS 1.2", 0x800, STRENGTH_CURRENT, true},
    [PROTO_TLS_1_3] = {"tls1.3", "TLS 1.3", "TLS 1.3", 0x2000, STRENGTH_CURRENT, true},
    [PROTO_DTLS_1_0] = {"dtls1.0", "DTLS 1.0", "DTLS 1.0", 0, STRENGTH_DEPRECATED, true},
    [PROTO_DTLS_1_2] = {"dtls1.2", "DTLS 1.2", "DTLS 1.2", 0, STRENGTH_CURRENT, true},
    /* Not in any Microsoft document (§1.1). */
    [PROTO_DTLS_1_3] = {"dtls1.3", "DTLS 1.3", "DTLS 1.3", 0, STRENGTH_CURRENT, false},
};

const struct protocol_info *protocol_info(enum protocol p)
{
    return &protocol_table[p];
}

bool protocol_by_name(const char *name, enum protocol *out)
{
    for (int p = 0; p < PROTO_COUNT; p++) {
        if (text_ascii_equal_nocase(name, strlen(name), protocol_table[p].name)) {
            *out = (enum protocol)p;
            return true;
        }
    }
    return false;
}

bool protocol_by_key(const char *key, size_t len, enum protocol *out)
{
    for (int p = 0; p < PROTO_COUNT; p++) {
        if (text_ascii_equal_nocase(key, len, protocol_table[p].key)) {
            *out = (enum protocol)p;
            return true;
        }
    }
    return false;
}

bool protocol_by_bit(uint32_t bit, enum protocol *out)
{
    for (int p = 0; p < PROTO_COUNT; p++) {
        if (protocol_table[p].bit && protocol_table[p].bit == bit) {
            *out = (enum protocol)p;
            return true;
        }
    }
    return false;
}

uint32_t protocol_known_bits(void)
{
    uint32_t bits = 0;
    for (int p = 0; p < PROTO_COUNT; p++)
        bits |= protocol_table[p].bit;
    return bits;
}

const char *role_key(enum role r)
{
    return r == ROLE_CLIENT ? "Client" : "Server";
}

const char *role_name(enum role r)
{
    return r == ROLE_CLIENT ? "client" : "server";
}

/* ------------------------------------------------------------- targets */

/* domain.md §3.1. "Dis" in the source tables is read as disabled by default
 * (an application may still ask for the protocol); for TLS 1.1/1.2 on 7 and
 * 2008 R2 that is documented, for SSL 2.0/3.0 it is not stated. */
#define E OSD_ENABLED
#define D OSD_DISABLED_BY_DEFAULT
#define U OSD_UNSUPPORTED
#define BOTH(x) {x, x}

/* Protocol defaults shared by several rows. */
#define ALWAYS_UNSUPPORTED                                                   \
    [PROTO_PCT_1_0] = BOTH(U), [PROTO_MPUH] = BOTH(U), [PROTO_DTLS_1_3] = BOTH(U)

#define SCHANNEL_2008_SP2                                                    \
    {ALWAYS_UNSUPPORTED, [PROTO_SSL_2_0] = {D, E}, [PROTO_SSL_3_0] = BOTH(E),  \
     [PROTO_TLS_1_0] = BOTH(E), [PROTO_TLS_1_1] = BOTH(D), [PROTO_TLS_1_2] = BOTH(D), \
     [PROTO_TLS_1_3] = BOTH(U), [PROTO_DTLS_1_0] = BOTH(U), [PROTO_DTLS_1_2] = BOTH(U)}
#define SCHANNEL_7                                                           \
    {ALWAYS_UNSUPPORTED, [PROTO_SSL_2_0] = {D, E}, [PROTO_SSL_3_0] = BOTH(E),  \
     [PROTO_TLS_1_0] = BOTH(E), [PROTO_TLS_1_1] = BOTH(D), [PROTO_TLS_1_2] = BOTH(D), \
     [PROTO_TLS_1_3] = BOTH(U), [PROTO_DTLS_1_0] = BOTH(E), [PROTO_DTLS_1_2] = BOTH(U)}
#define SCHANNEL_8                                                           \
    {ALWAYS_UNSUPPORTED, [PROTO_SSL_2_0] = BOTH(D), [PROTO_SSL_3_0] = BOTH(E), \
     [PROTO_TLS_1_0] = BOTH(E), [PROTO_TLS_1_1] = BOTH(E), [PROTO_TLS_1_2] = BOTH(E), \
     [PROTO_TLS_1_3] = BOTH(U), [PROTO_DTLS_1_0] = BOTH(E), [PROTO_DTLS_1_2] = BOTH(U)}
#define SCHANNEL_1607                                                        \
    {ALWAYS_UNSUPPORTED, [PROTO_SSL_2_0] = BOTH(U), [PROTO_SSL_3_0] = BOTH(D), \
     [PROTO_TLS_1_0] = BOTH(E), [PROTO_TLS_1_1] = BOTH(E), [PROTO_TLS_1_2] = BOTH(E), \
     [PROTO_TLS_1_3] = BOTH(U), [PROTO_DTLS_1_0] = BOTH(E), [PROTO_DTLS_1_2] = BOTH(E)}
/* Server 2022, Windows 11 and, per the protocols table (S4, 2025-03-20),
 * Windows 11 24H2 and Server 2025 too: TLS 1.0 to 1.3 enabled. */
#define SCHANNEL_2022                                                        \
    {ALWAYS_UNSUPPORTED, [PROTO_SSL_2_0] = BOTH(U), [PROTO_SSL_3_0] = BOTH(D), \
     [PROTO_TLS_1_0] = BOTH(E), [PROTO_TLS_1_1] = BOTH(E), [PROTO_TLS_1_2] = BOTH(E), \
     [PROTO_TLS_1_3] = BOTH(E), [PROTO_DTLS_1_0] = BOTH(E), [PROTO_DTLS_1_2] = BOTH(E)}

/* WinHTTP without DefaultSecureProtocols (§3.2) and WinINet without
 * SecureProtocols (§3.4). Bits: SSL 2.0 0x8, SSL 3.0 0x20, TLS 1.0 0x80,
 * TLS 1.1 0x200, TLS 1.2 0x800, TLS 1.3 0x2000. */
#define ALL_BITS 0x2AA8u
#define LEGACY_TLS 0x280u /* TLS 1.0 and 1.1: KB5017811 */
/* Nothing documented. */
#define MASK_UNKNOWN {0, 0, 0}
/* 7, 8 (S7) and 2008 R2, 2012 (S9, S10): SSL 3.0 and TLS 1.0. */
#define WINHTTP_7 {0x0A0u, ALL_BITS, 0}
/* 8.1 and 10 (S7): SSL 3.0 to TLS 1.2. */
#define WINHTTP_81 {0xAA0u, ALL_BITS, 0}
/* Windows 10 1607 and later: S7's SSL 3.0 to TLS 1.2, but TLS 1.0 and 1.1
 * go off on 20H2 to 21H2 with the updates of 2022-09-20 (S31) and are not
 * documented for the other versions. */
#define WINHTTP_10 {0x820u, ALL_BITS & ~LEGACY_TLS, LEGACY_TLS}
/* Server 2012 R2, 2016, 2022: TLS 1.2 "natively" (S10), nothing else said. */
#define WINHTTP_TLS12 {0x800u, 0x800u, 0}
/* Server 2019, fully updated: TLS 1.2 (S10), TLS 1.0 and 1.1 off (S31). */
#define WINHTTP_2019 {0x800u, 0x800u | LEGACY_TLS, LEGACY_TLS}
/* Windows 11 (S7): TLS 1.2 and TLS 1.3 only. */
#define WINHTTP_11 {0x2800u, ALL_BITS, 0}
/* Server 2025: TLS 1.2 (S10), TLS 1.0 and 1.1 off in WinHTTP and WinINet
 * (S5). */
#define MASK_2025 {0x800u, 0x800u | LEGACY_TLS, 0}
/* WinINet: TLS 1.0 and 1.1 off on the KB5017811 versions (S31) and where
 * S5 says they are off (Windows 11, Server 2025); nothing else documented. */
#define WININET_10 {0, 0, LEGACY_TLS}
#define WININET_2019 {0, LEGACY_TLS, LEGACY_TLS}
#define WININET_11 {0, LEGACY_TLS, 0}

/* ORDER: enum target. */
static const struct target_info target_table[TARGET_COUNT] = {
    [TARGET_WINDOWS_SERVER_2008_SP2] = {"windows-server-2008-sp2", "Windows Server 2008 SP2",
                                        "Windows Server 2008 SP2", true, SCHANNEL_2008_SP2,
                                        MASK_UNKNOWN, MASK_UNKNOWN, true,
        "6002 6003"},
    [TARGET_WINDOWS_7_SP1] = {"windows-7-sp1", "Windows 7 SP1", "Windows 7 SP1", false, SCHANNEL_7,
                              WINHTTP_7, MASK_UNKNOWN, true,
        "7601"},
    [TARGET_WINDOWS_SERVER_2008_R2_SP1] = {"windows-server-2008-r2-sp1", "Windows Server 2008 R2 SP1",
                                           "Windows Server 2008 R2 SP1", true, SCHANNEL_7, WINHTTP_7,
                                           MASK_UNKNOWN, true,
        "7601"},
    [TARGET_WINDOWS_8] = {"windows-8", "Windows 8", "Windows 8", false, SCHANNEL_8, WINHTTP_7,
                          MASK_UNKNOWN, true,
        "9200"},
    [TARGET_WINDOWS_SERVER_2012] = {"windows-server-2012", "Windows Server 2012",
                                    "Windows Server 2012", true, SCHANNEL_8, WINHTTP_7,
                                    MASK_UNKNOWN, true,
        "9200"},
    [TARGET_WINDOWS_8_1] = {"windows-8.1", "Windows 8.1", "Windows 8.1", false, SCHANNEL_8,
                            WINHTTP_81, MASK_UNKNOWN, false,
        "9600"},
    [TARGET_WINDOWS_SERVER_2012_R2] = {"windows-server-2012-r2", "Windows Server 2012 R2",
                                       "Windows Server 2012 R2", true, SCHANNEL_8, WINHTTP_TLS12,
                                       MASK_UNKNOWN, false,
        "9600"},
    [TARGET_WINDOWS_10_1507] = {"windows-10-1507", "Windows 10 1507/1511", "Windows 10 1507",
                                false, SCHANNEL_8, WINHTTP_81, MASK_UNKNOWN, false,
        "10240 10586"},
    [TARGET_WINDOWS_10] = {"windows-10", "Windows 10 (1607 and later)", "Windows 10 1607", false,
                           SCHANNEL_1607, WINHTTP_10, WININET_10, false,
        "14393 15063 16299 17134 17763 18362 18363 19041 19042 19043 19044 19045"},
    [TARGET_WINDOWS_SERVER_2016] = {"windows-server-2016", "Windows Server 2016",
                                    "Windows Server 2016", true, SCHANNEL_1607, WINHTTP_TLS12,
                                    MASK_UNKNOWN, false,
        "14393"},
    [TARGET_WINDOWS_SERVER_2019] = {"windows-server-2019", "Windows Server 2019",
                                    "Windows Server 2019", true, SCHANNEL_1607, WINHTTP_2019,
                                    WININET_2019, false,
        "17763"},
    [TARGET_WINDOWS_SERVER_2022] = {"windows-server-2022", "Windows Server 2022",
                                    "Windows Server 2022", true, SCHANNEL_2022, WINHTTP_TLS12,
                                    MASK_UNKNOWN, false,
        "20348"},
    [TARGET_WINDOWS_11] = {"windows-11", "Windows 11 (21H2 to 23H2)", "Windows 11", false,
                           SCHANNEL_2022, WINHTTP_11, WININET_11, false,
        "22000 22621 22631"},
    [TARGET_WINDOWS_11_24H2] = {"windows-11-24h2", "Windows 11 24H2", "Windows 11 24H2", false,
                                SCHANNEL_2022, WINHTTP_11, WININET_11, false,
        "26100"},
    [TARGET_WINDOWS_SERVER_2025] = {"windows-server-2025", "Windows Server 2025",
                                    "Windows Server 2025", true, SCHANNEL_2022, MASK_2025,
                                    WININET_11, false,
        "26100"},
};

#undef E
#undef D
#undef U
#undef BOTH

const struct target_info *target_info(enum target t)
{
    return &target_table[t];
}

bool target_by_name(const char *name, enum target *out)
{
    for (int t = 0; t < TARGET_COUNT; t++) {
        if (text_ascii_equal_nocase(name, strlen(name), target_table[t].name)) {
            *out = (enum target)t;
            return true;
        }
    }
    return false;
}

bool target_by_build(unsigned long build, bool server, enum target *out)
{
    for (int t = 0; t < TARGET_COUNT; t++) {
        if (target_table[t].server != server)
            continue;
        for (const char *b = target_table[t].builds; *b;) {
            char *end;
            unsigned long n = strtoul(b, &end, 10);
            if (n == build) {
                *out = (enum target)t;
                return true;
            }
            b = *end ? end + 1 : end;
        }
    }
    return false;
}

bool target_supports(enum target t, enum protocol p)
{
    const struct target_info *info = &target_table[t];
    return info->schannel[p][ROLE_CLIENT] != OSD_UNSUPPORTED ||
           info->schannel[p][ROLE_SERVER] != OSD_UNSUPPORTED;
}

uint32_t target_mask(enum target t, uint32_t mask)
{
    for (int p = 0; p < PROTO_COUNT; p++)
        if (!target_supports(t, (enum protocol)p))
            mask &= ~protocol_table[p].bit;
    return mask;
}

uint32_t mask_newer_bits(uint32_t mask)
{
    return mask & target_mask(TARGET_COUNT - 1, mask) & ~target_mask((enum target)0, mask);
}

/* The first and last client (server) release in target order that has p. */
static void supporting_span(enum protocol p, bool server, int *first, int *last)
{
    *first = *last = -1;
    for (int t = 0; t < TARGET_COUNT; t++) {
        if (target_table[t].server != server || !target_supports((enum target)t, p))
            continue;
        if (*first < 0)
            *first = t;
        *last = t;
    }
}

static int newest(bool server)
{
    int last = -1;
    for (int t = 0; t < TARGET_COUNT; t++)
        if (target_table[t].server == server)
            last = t;
    return last;
}

bool protocol_since(enum protocol p, char *out, size_t size)
{
    int first[2], last[2];
    supporting_span(p, false, &first[0], &last[0]);
    supporting_span(p, true, &first[1], &last[1]);
    out[0] = '\0';
    if (first[0] < 0 && first[1] < 0)
        return false;
    bool current = last[0] == newest(false) && last[1] == newest(true);
    size_t used = 0;
    for (int s = 0; s < 2; s++) {
        if (first[s] < 0)
            continue;
        const char *sep = used ? " and " : "";
        int n = current || last[s] == first[s]
                    ? snprintf(out + used, size - used, "%s%s", sep, target_table[first[s]].release)
                    : snprintf(out + used, size - used, "%s%s to %s", sep,
                               target_table[first[s]].release, target_table[last[s]].display);
        if (n < 0 || (size_t)n >= size - used)
            return false;
        used += (size_t)n;
    }
    if (current && snprintf(out + used, size - used, " and later") >= (int)(size - used))
        return false;
    return true;
}

static const char *os_default_word(enum os_default d)
{
    switch (d) {
    case OSD_ENABLED:
        return "enabled";
    case OSD_DISABLED_BY_DEFAULT:
        return "disabled by default";
    case OSD_UNSUPPORTED:
        break;
    }
    return "absent";
}

/* Appends the strings up to NULL to `out` (at *used of `size`); false when
 * they do not fit. */
static bool append(char *out, size_t size, size_t *used, const char *const *parts)
{
    for (; *parts; parts++) {
        size_t n = strlen(*parts);
        if (n >= size - *used)
            return false;
        memcpy(out + *used, *parts, n + 1);
        *used += n;
    }
    return true;
}

bool protocol_default_words(enum protocol p, enum role r, const enum target *target, char *out,
                            size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    if (target)
        return append(out, size, &used,
                      (const char *[]){os_default_word(target_table[*target].schannel[p][r]), NULL});
    /* Runs of targets with the same default, newest first; each run names
     * its first client and first server release. */
    int end = TARGET_COUNT;
    bool newest_run = true;
    while (end > 0) {
        enum os_default d = target_table[end - 1].schannel[p][r];
        int start = end - 1;
        while (start > 0 && target_table[start - 1].schannel[p][r] == d)
            start--;
        const char *first[2] = {NULL, NULL};
        for (int t = end - 1; t >= start; t--)
            first[target_table[t].server] = target_table[t].release;
        const char *word = os_default_word(d);
        bool ok;
        if (newest_run && start == 0) {
            ok = append(out, size, &used, (const char *[]){word, " on every Windows version", NULL});
        } else if (start == 0) {
            ok = append(out, size, &used, (const char *[]){", ", word, " before", NULL});
        } else {
            const char *one = first[0] ? first[0] : first[1];
            const char *other = first[0] && first[1] ? first[1] : NULL;
            ok = append(out, size, &used,
                        (const char *[]){newest_run ? "" : ", ", word, newest_run ? " on " : " from ", one,
                                         other ? " and " : "", other ? other : "",
                                         newest_run ? " and later" : "", NULL});
        }
        if (!ok)
            return false;
        newest_run = false;
        end = start;
    }
    return true;
}

/* -------------------------------------------------------- registry paths */

/* Keys below HKLM\SOFTWARE that both views share (domain.md §1, S29). */
static const char *const shared_software_keys[] = {
    "Policies",
    "Classes",
    "Microsoft\\Windows\\CurrentVersion\\Policies",
};

static bool has_prefix_nocase(const char *s, const char *prefix, size_t *len)
{
    size_t n = strlen(prefix);
    if (!text_ascii_equal_nocase(s, strlen(s) < n ? strlen(s) : n, prefix))
        return false;
    if (s[n] != '\0' && s[n] != '\\')
        return false;
    *len = n;
    return true;
}

bool wow64_twin(const char *path, char *out, size_t size)
{
    static const char software[] = "HKEY_LOCAL_MACHINE\\SOFTWARE";
    size_t n;
    if (!has_prefix_nocase(path, software, &n) || path[n] != '\\')
        return false;
    const char *rest = path + n + 1;
    size_t wow;
    if (has_prefix_nocase(rest, "Wow6432Node", &wow)) {
        if (rest[wow] != '\\')
            return false;
        int written = snprintf(out, size, "%.*s\\%s", (int)n, path, rest + wow + 1);
        return written > 0 && (size_t)written < size;
    }
    for (size_t i = 0; i < sizeof shared_software_keys / sizeof shared_software_keys[0]; i++) {
        size_t k;
        if (has_prefix_nocase(rest, shared_software_keys[i], &k))
            return false;
    }
    int written = snprintf(out, size, "%.*s\\Wow6432Node\\%s", (int)n, path, rest);
    return written > 0 && (size_t)written < size;
}

/* ---------------------------------------------- ciphers, hashes, kex */

/* domain.md §1.2. Triple DES is written "Triple DES 168" by Microsoft. */
static const struct algorithm_info algorithm_table[] = {
    {ALG_CIPHER, "NULL", "null", WEAK_ERROR},
    {ALG_CIPHER, "DES 56/56", "des-56", WEAK_ERROR},
    {ALG_CIPHER, "RC2 40/128", "rc2-40", WEAK_ERROR},
    {ALG_CIPHER, "RC2 56/56", "rc2-56-56", WEAK_ERROR},
    {ALG_CIPHER, "RC2 56/128", "rc2-56", WEAK_ERROR},
    {ALG_CIPHER, "RC2 128/128", "rc2-128", WEAK_ERROR},
    {ALG_CIPHER, "RC4 40/128", "rc4-40", WEAK_ERROR},
    {ALG_CIPHER, "RC4 56/128", "rc4-56", WEAK_ERROR},
    {ALG_CIPHER, "RC4 64/128", "rc4-64", WEAK_ERROR},
    {ALG_CIPHER, "RC4 128/128", "rc4-128", WEAK_ERROR},
    {ALG_CIPHER, "Triple DES 168", "3des-168", WEAK_WARNING},
    {ALG_CIPHER, "AES 128/128", "aes-128", WEAK_NONE},
    {ALG_CIPHER, "AES 256/256", "aes-256", WEAK_NONE},
    {ALG_HASH, "MD5", "md5", WEAK_WARNING},
    {ALG_HASH, "SHA", "sha1", WEAK_NONE},
    {ALG_HASH, "SHA256", "sha256", WEAK_NONE},
    {ALG_HASH, "SHA384", "sha384", WEAK_NONE},
    {ALG_HASH, "SHA512", "sha512", WEAK_NONE},
    {ALG_KEY_EXCHANGE, "Diffie-Hellman", "dh", WEAK_NONE},
    {ALG_KEY_EXCHANGE, "ECDH", "ecdh", WEAK_NONE},
    {ALG_KEY_EXCHANGE, "PKCS", "pkcs", WEAK_NONE},
};

const struct algorithm_info *algorithms(size_t *count)
{
    *count = sizeof algorithm_table / sizeof algorithm_table[0];
    return algorithm_table;
}

const struct algorithm_info *algorithm_by_key(enum algorithm_kind kind, const char *key, size_t len)
{
    size_t n;
    const struct algorithm_info *all = algorithms(&n);
    for (size_t i = 0; i < n; i++)
        if (all[i].kind == kind && text_ascii_equal_nocase(key, len, all[i].key))
            return &all[i];
    return NULL;
}

const struct algorithm_info *algorithm_by_name(const char *name)
{
    size_t n;
    const struct algorithm_info *all = algorithms(&n);
    for (size_t i = 0; i < n; i++)
        if (text_ascii_equal_nocase(name, strlen(name), all[i].name))
            return &all[i];
    return NULL;
}

/* ------------------------------------------------------ known settings */

#define DWORD 4u
#define SZ 1u
#define MULTI_SZ 7u
#define ANY 1u, 0u

/* domain.md §1 and docs/domain-settings.tsv. */
static const struct setting_info setting_table[] = {
    {SK_SCHANNEL, NULL, "EventLogging", DWORD, 0, 7, false, true, false},
    {SK_SCHANNEL, NULL, "CertificateMappingMethods", DWORD, 0, 0x1f, false, true, false},
    {SK_SCHANNEL, NULL, "ClientCacheTime", DWORD, ANY, false, true, false},
    {SK_SCHANNEL, NULL, "ServerCacheTime", DWORD, ANY, false, true, false},
    {SK_SCHANNEL, NULL, "MaximumCacheSize", DWORD, ANY, false, true, false},
    {SK_SCHANNEL, NULL, "IssuerCacheSize", DWORD, ANY, false, true, false},
    {SK_SCHANNEL, NULL, "IssuerCacheTime", DWORD, ANY, false, true, false},
    {SK_SCHANNEL, NULL, "EnableOcspStaplingForSni", DWORD, 0, 1, false, true, false},
    {SK_SCHANNEL, NULL, "SendTrustedIssuerList", DWORD, 0, 1, false, true, false},
    {SK_SCHANNEL, NULL, "AllowInsecureRenegoClients", DWORD, 0, 1, false, true, false},
    {SK_SCHANNEL, NULL, "AllowInsecureRenegoServers", DWORD, 0, 1, false, true, false},
    /* 0 opt-in (the default), 1 split for every caller, 2 for none (§1.3). */
    {SK_SCHANNEL, NULL, "SendExtraRecord", DWORD, 0, 2, false, true, false},
    /* 1 is documented; any non-zero enables (§2), 0xffffffff is RL5001's. */
    {SK_PROTOCOL_ROLE, NULL, "Enabled", DWORD, 0, 1, true, true, false},
    {SK_PROTOCOL_ROLE, NULL, "DisabledByDefault", DWORD, 0, 1, false, true, false},
    /* KB245030 documents 0xffffffff to enable an algorithm (§1.2). */
    {SK_CIPHER, NULL, "Enabled", DWORD, 0, 1, true, true, false},
    {SK_HASH, NULL, "Enabled", DWORD, 0, 1, true, true, false},
    {SK_KEY_EXCHANGE, NULL, "Enabled", DWORD, 0, 1, true, true, false},
    {SK_KEY_EXCHANGE, "Diffie-Hellman", "ClientMinKeyBitLength", DWORD, ANY, false, true, false},
    {SK_KEY_EXCHANGE, "Diffie-Hellman", "ClientMaxKeyBitLength", DWORD, ANY, false, true, false},
    {SK_KEY_EXCHANGE, "Diffie-Hellman", "ServerMinKeyBitLength", DWORD, ANY, false, true, false},
    {SK_KEY_EXCHANGE, "PKCS", "ClientMinKeyBitLength", DWORD, ANY, false, true, false},
    {SK_KEY_EXCHANGE, "PKCS", "ClientMaxKeyBitLength", DWORD, ANY, false, true, false},
    {SK_MESSAGING, NULL, "MessageLimitClient", DWORD, ANY, false, true, false},
    {SK_MESSAGING, NULL, "MessageLimitServer", DWORD, ANY, false, true, false},
    {SK_MESSAGING, NULL, "MessageLimitServerClientAuth", DWORD, ANY, false, true, false},
    {SK_WINHTTP, NULL, "DefaultSecureProtocols", DWORD, ANY, false, true, true},
    {SK_WININET, NULL, "SecureProtocols", DWORD, ANY, false, false, false},
    {SK_NETFX, NULL, "SchUseStrongCrypto", DWORD, 0, 1, false, true, true},
    {SK_NETFX, NULL, "SystemDefaultTlsVersions", DWORD, 0, 1, false, true, true},
    {SK_SUITE_POLICY, NULL, "Functions", SZ, ANY, false, true, false},
    {SK_SUITE_POLICY, NULL, "EccCurves", MULTI_SZ, ANY, false, true, false},
    {SK_SUITE_LOCAL, NULL, "Functions", MULTI_SZ, ANY, false, true, false},
    /* Windows' own local list carries it too (exports in tests/corpus/real). */
    {SK_SUITE_LOCAL, NULL, "EccCurves", MULTI_SZ, ANY, false, true, false},
};

#undef DWORD
#undef SZ
#undef MULTI_SZ
#undef ANY

const struct setting_info *settings(size_t *count)
{
    *count = sizeof setting_table / sizeof setting_table[0];
    return setting_table;
}

const struct setting_info *setting_lookup(enum setting_key key, const char *under,
                                          const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof setting_table / sizeof setting_table[0]; i++) {
        const struct setting_info *s = &setting_table[i];
        if (s->key != key || !text_ascii_equal_nocase(name, len, s->name))
            continue;
        if (s->only_under && (!under || !text_ascii_equal_nocase(under, strlen(under), s->only_under)))
            continue;
        return s;
    }
    return NULL;
}

/* domain.md §4.6. */
static const struct name_confusion confusion_table[] = {
    {"DisableByDefault", "DisabledByDefault"},
    {"TLS1.0", "TLS 1.0"},
    {"TLS1.1", "TLS 1.1"},
    {"TLS1.2", "TLS 1.2"},
    {"TLS1.3", "TLS 1.3"},
    {"SSL2.0", "SSL 2.0"},
    {"SSL3.0", "SSL 3.0"},
    {"InternetSettings", "Internet Settings"},
    {"SecurityProtocols", "SecureProtocols"},
    {"SHA 256", "SHA256"},
    {"SHA 384", "SHA384"},
    {"SHA 512", "SHA512"},
    {"Triple DES 168/168", "Triple DES 168"},
};

const struct name_confusion *name_confusion_lookup(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof confusion_table / sizeof confusion_table[0]; i++)
        if (text_ascii_equal_nocase(name, len, confusion_table[i].wrong))
            return &confusion_table[i];
    return NULL;
}

/* Every key the KEY_ macros name, or its parent where the rules read several
 * siblings (the local suite and curve lists, 00010002 and 00010003). */
static const struct settings_place places[] = {
    {KEY_SCHANNEL, true},
    {"HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL", true},
    {"HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL", true},
    {KEY_WININET_MACHINE, false},
    {KEY_WINHTTP, true},
    {KEY_WININET_MACHINE_WOW64, false},
    {KEY_WINHTTP_WOW64, true},
    {KEY_WININET_POLICY_MACHINE, false},
    {KEY_NETFX_V2, false},
    {KEY_NETFX_V2_WOW64, false},
    {KEY_NETFX_V4, false},
    {KEY_NETFX_V4_WOW64, false},
    {KEY_WININET_USER, false},
    {KEY_WININET_POLICY_USER, false},
};

const struct settings_place *settings_places(size_t *count)
{
    *count = sizeof places / sizeof places[0];
    return places;
}
