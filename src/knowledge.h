/*
 * knowledge: what reglint knows about Windows' TLS settings, as tables.
 *
 * One table per list, each row traced to docs/domain.md (a copy of the facts
 * and sources reglint relies on): the protocols with their Schannel key names
 * and WinHTTP/WinINet bits, the Windows versions reglint can target with what
 * each does when a value is absent, the registry paths of the settings, and
 * the Schannel ciphers, hashes and key exchange algorithms with how weak they
 * are. A new Windows release is a new row in the target table.
 *
 * This module only answers questions; it reads no files and reports nothing.
 * All returned pointers are to static data.
 */
#ifndef REGLINT_KNOWLEDGE_H
#define REGLINT_KNOWLEDGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Whether a name of `alen` bytes equals `b` ignoring ASCII case, as the
 * registry compares the ASCII names these tables hold. */
bool knowledge_name_equal(const char *a, size_t alen, const char *b);

/* ------------------------------------------------------------ protocols */

/* ORDER: the protocol table in knowledge.c. Oldest first within a family. */
enum protocol {
    PROTO_PCT_1_0,
    PROTO_MPUH,      /* "Multi-Protocol Unified Hello" */
    PROTO_SSL_2_0,
    PROTO_SSL_3_0,
    PROTO_TLS_1_0,
    PROTO_TLS_1_1,
    PROTO_TLS_1_2,
    PROTO_TLS_1_3,
    PROTO_DTLS_1_0,
    PROTO_DTLS_1_2,
    PROTO_DTLS_1_3,
    PROTO_COUNT
};

enum protocol_strength {
    STRENGTH_BROKEN,     /* PCT, SSL 2.0, SSL 3.0: never acceptable */
    STRENGTH_DEPRECATED, /* TLS 1.0, TLS 1.1, DTLS 1.0: deprecated by Microsoft */
    STRENGTH_CURRENT,    /* TLS 1.2, TLS 1.3, DTLS 1.2 (and DTLS 1.3, unsupported) */
};

struct protocol_info {
    const char *name;       /* profile language name: "tls1.2" */
    const char *display;    /* "TLS 1.2" */
    const char *key;        /* subkey of SCHANNEL\Protocols: "TLS 1.2" */
    uint32_t bit;           /* DefaultSecureProtocols / SecureProtocols bit; 0: none */
    enum protocol_strength strength;
    bool documented;        /* Microsoft documents a registry key for it */
};

const struct protocol_info *protocol_info(enum protocol p);
/* By profile name ("tls1.2", also "pct1.0", "mpuh"), case-insensitive. */
bool protocol_by_name(const char *name, enum protocol *out);
/* By Schannel key name ("TLS 1.2"), case-insensitive as the registry is. */
bool protocol_by_key(const char *key, size_t len, enum protocol *out);
/* The protocol of a WinHTTP/WinINet bit (exactly one bit set). */
bool protocol_by_bit(uint32_t bit, enum protocol *out);
/* All bits that name a protocol (0x2AA8). */
uint32_t protocol_known_bits(void);

enum role { ROLE_CLIENT, ROLE_SERVER, ROLE_COUNT };
/* "Client" / "Server": the Schannel subkey names. */
const char *role_key(enum role r);
/* "client" / "server". */
const char *role_name(enum role r);

/* ------------------------------------------------------------- targets */

/* What Schannel does with a protocol and role when the registry says nothing. */
enum os_default {
    OSD_ENABLED,             /* used by default */
    OSD_DISABLED_BY_DEFAULT, /* used only when an application asks for it */
    OSD_UNSUPPORTED,         /* this Windows has no such protocol */
};

/* ORDER: the target table in knowledge.c; oldest first. */
enum target {
    TARGET_WINDOWS_SERVER_2008_SP2,
    TARGET_WINDOWS_7_SP1,
    TARGET_WINDOWS_SERVER_2008_R2_SP1,
    TARGET_WINDOWS_8,
    TARGET_WINDOWS_SERVER_2012,
    TARGET_WINDOWS_8_1,
    TARGET_WINDOWS_SERVER_2012_R2,
    TARGET_WINDOWS_10_1507,
    TARGET_WINDOWS_10,
    TARGET_WINDOWS_SERVER_2016,
    TARGET_WINDOWS_SERVER_2019,
    TARGET_WINDOWS_SERVER_2022,
    TARGET_WINDOWS_11,
    TARGET_WINDOWS_11_24H2,
    TARGET_WINDOWS_SERVER_2025,
    TARGET_COUNT
};

/* What a protocol-bitmask component (WinHTTP without DefaultSecureProtocols,
 * WinINet without SecureProtocols) uses by default, as far as Microsoft
 * documents it: each bit is on when set in `on` and documented when set in
 * `documented`; a bit left undocumented is unknown. `by_update`: bits whose
 * default changed with the updates of 2022-09-20 (KB5017811, TLS 1.0 and
 * 1.1 off); the target is taken as fully updated where that change is
 * documented for it, and unknown where it is not. */
struct mask_default {
    uint32_t on;
    uint32_t documented;
    uint32_t by_update;
};

struct target_info {
    const char *name;        /* "windows-server-2019" */
    const char *display;     /* "Windows Server 2019", "Windows 11 (21H2 to 23H2)" */
    const char *release;     /* the first release it covers: "Windows 11" */
    bool server;             /* a Windows Server release */
    enum os_default schannel[PROTO_COUNT][ROLE_COUNT];
    /* WinHTTP's protocols when DefaultSecureProtocols is absent. */
    struct mask_default winhttp;
    /* WinINet's protocols when no SecureProtocols applies. */
    struct mask_default wininet;
    /* DefaultSecureProtocols is read only after KB3140245 (7, 2008 R2, 2012). */
    bool winhttp_needs_update;
    /* The CurrentBuild numbers (HKLM\SOFTWARE\Microsoft\Windows NT\
     * CurrentVersion) of the releases it covers, separated by spaces. */
    const char *builds;
};

const struct target_info *target_info(enum target t);
/* By name ("windows-server-2019"), case-insensitive. */
bool target_by_name(const char *name, enum target *out);
/* The target of Windows build `build` (CurrentBuild), a server release or
 * not; false when no target covers it (reglint does not guess). */
bool target_by_build(unsigned long build, bool server, enum target *out);
/* Whether the target has the protocol at all (default not OSD_UNSUPPORTED in
 * either role). */
bool target_supports(enum target t, enum protocol p);
/* The Windows versions that have protocol p, in words, naming the first
 * client and the first server release ("Windows 11 and Windows Server 2022
 * and later"), written into `out` (of `size` bytes; 128 is enough); false
 * when no version has it or the words do not fit. */
bool protocol_since(enum protocol p, char *out, size_t size);
/* A WinHTTP/WinINet mask with the bits of protocols the target lacks taken
 * out (TLS 1.3 before Windows 11 and Server 2022, SSL 2.0 from 1607/2016). */
uint32_t target_mask(enum target t, uint32_t mask);
/* The bits of `mask` naming a protocol the newest Windows has but an older
 * one lacks (TLS 1.3): a mask whose right value depends on the target. */
uint32_t mask_newer_bits(uint32_t mask);
/* Schannel's default for a protocol's role in words, on `target` ("enabled")
 * or, for NULL, over every target from the newest back ("enabled on Windows
 * 11 and Windows Server 2022 and later, absent before"), written into `out`
 * (of `size` bytes; 256 is enough); false when the words do not fit. */
bool protocol_default_words(enum protocol p, enum role r, const enum target *target, char *out,
                            size_t size);

/* -------------------------------------------------------- registry paths */

/* Key paths as regedit writes them, with full root names. */
#define KEY_SCHANNEL "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
#define KEY_SCHANNEL_PROTOCOLS KEY_SCHANNEL "\\Protocols"
#define KEY_SCHANNEL_CIPHERS KEY_SCHANNEL "\\Ciphers"
#define KEY_SCHANNEL_HASHES KEY_SCHANNEL "\\Hashes"
#define KEY_SCHANNEL_KEX KEY_SCHANNEL "\\KeyExchangeAlgorithms"
#define KEY_WINHTTP "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp"
#define KEY_WINHTTP_WOW64 "HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp"
#define KEY_WININET_MACHINE "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"
#define KEY_WININET_MACHINE_WOW64 "HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"
#define KEY_WININET_USER "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"
#define KEY_WININET_POLICY_MACHINE "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"
#define KEY_WININET_POLICY_USER "HKEY_CURRENT_USER\\Software\\Policies\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"
#define KEY_NETFX_V2 "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727"
#define KEY_NETFX_V2_WOW64 "HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727"
#define KEY_NETFX_V4 "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319"
#define KEY_NETFX_V4_WOW64 "HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319"
#define KEY_SUITE_POLICY "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002"
#define KEY_SUITE_LOCAL "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL\\00010002"

/* The keys below which every value the rules and the posture read lies,
 * for readers that can read a few keys of a large registry (hive.h):
 * `subtree` takes the key's subkeys too, else only its own values. */
struct settings_place {
    const char *path; /* as the KEY_ macros: full root name, CurrentControlSet */
    bool subtree;
};
const struct settings_place *settings_places(size_t *count);

/* The policy cipher-suite list (Functions) holds at most this many characters. */
#define SUITE_LIST_MAX_CHARS 1023

/* The Wow6432Node twin of a key path under HKLM\SOFTWARE (32-bit programs
 * read it instead), written into `out` (of `size` bytes); false when the key
 * is shared between the views (HKLM\SYSTEM, HKCU, HKLM\SOFTWARE\Policies...)
 * or the twin does not fit. Works in both directions. */
bool wow64_twin(const char *path, char *out, size_t size);

/* ---------------------------------------------- ciphers, hashes, kex */

enum algorithm_kind { ALG_CIPHER, ALG_HASH, ALG_KEY_EXCHANGE };

enum weakness {
    WEAK_NONE,
    WEAK_WARNING, /* Triple DES, MD5 */
    WEAK_ERROR,   /* NULL, DES, RC2, RC4 */
};

struct algorithm_info {
    enum algorithm_kind kind;
    const char *key;        /* subkey of Ciphers/Hashes/KeyExchangeAlgorithms */
    const char *name;       /* profile language name: "rc4-128", "md5", "dh" */
    enum weakness weakness;
};

/* All algorithms; *count is set to the number of rows. */
const struct algorithm_info *algorithms(size_t *count);
/* By subkey name under the kind's key, case-insensitive. */
const struct algorithm_info *algorithm_by_key(enum algorithm_kind kind, const char *key, size_t len);
/* By profile name, case-insensitive. */
const struct algorithm_info *algorithm_by_name(const char *name);

/* ------------------------------------------------------ known settings */

/* The keys that hold TLS settings, by what they are rather than where. */
enum setting_key {
    SK_SCHANNEL,      /* SCHANNEL itself */
    SK_PROTOCOL_ROLE, /* SCHANNEL\Protocols\<protocol>\Client or Server */
    SK_CIPHER,        /* SCHANNEL\Ciphers\<cipher> */
    SK_HASH,          /* SCHANNEL\Hashes\<hash> */
    SK_KEY_EXCHANGE,  /* SCHANNEL\KeyExchangeAlgorithms\<algorithm> */
    SK_MESSAGING,     /* SCHANNEL\Messaging */
    SK_WINHTTP,       /* ...\Internet Settings\WinHttp */
    SK_WININET,       /* ...\Internet Settings (user, machine or policy) */
    SK_NETFX,         /* .NETFramework\v2.0.50727 and v4.0.30319 */
    SK_SUITE_POLICY,  /* Policies\...\SSL\00010002 */
    SK_SUITE_LOCAL,   /* Control\Cryptography\Configuration\Local\SSL\00010002 */
    SK_COUNT
};

/* A documented value: its name, registry type and the range Microsoft
 * documents (DWORDs only; min > max means any). */
struct setting_info {
    enum setting_key key;
    const char *only_under; /* for SK_KEY_EXCHANGE: the algorithm key; else NULL */
    const char *name;
    uint32_t type;          /* REG_DWORD (4), REG_SZ (1), REG_MULTI_SZ (7) */
    uint32_t min, max;
    bool all_ones_ok;       /* 0xffffffff is also accepted (Ciphers' "Enabled") */
    bool machine_only;      /* read from HKLM only */
    bool mirrored;          /* 32-bit programs read the Wow6432Node twin */
};

/* The documented value `name` (case-insensitive) of a key of this kind
 * (`under`: the algorithm key name for SK_KEY_EXCHANGE, else ignored). */
const struct setting_info *setting_lookup(enum setting_key key, const char *under,
                                          const char *name, size_t len);
/* All known settings; *count is set to the number of rows. */
const struct setting_info *settings(size_t *count);

/* Misspellings seen in published files and documents, with what was meant
 * (domain.md §4.6): "DisableByDefault", "TLS1.2", "InternetSettings",
 * "SecurityProtocols", "SHA 256", "Triple DES 168/168". */
struct name_confusion {
    const char *wrong;
    const char *meant;
};
/* The known confusion for `name` (case-insensitive), or NULL. */
const struct name_confusion *name_confusion_lookup(const char *name, size_t len);

#endif
