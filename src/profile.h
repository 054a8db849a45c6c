/*
 * profile: the profile language (docs/profile.md) read into a policy.
 *
 * A profile says what a machine's TLS configuration should be: Schannel
 * protocols per role, WinHTTP and WinINet protocol masks, .NET switches,
 * ciphers, hashes, key exchange algorithms and their key lengths, the
 * cipher-suite and curve orders, SendExtraRecord, raw registry values, and
 * the linter's settings. profile_load() reads one (a file or a built-in
 * template), follows `extends`, checks every name against the knowledge
 * tables and reports each mistake as a PF1xxx (syntax) or PF2xxx (meaning)
 * diagnostic with its location; the result is a policy: the settings in the
 * order the profiles name them (an extended profile's first), each naming
 * what it is about and what it asks for.
 *
 * This module reads and checks; turning a policy into .reg text is gen.h's
 * job, comparing an export with it the linter's.
 *
 * Ownership: a loaded profile owns its arena (the policy, its strings, the
 * diagnostics) and the sources the diagnostics point into; profile_release()
 * frees them all.
 */
#ifndef REGLINT_PROFILE_H
#define REGLINT_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "embedded.h"
#include "knowledge.h"
#include "rules.h"
#include "source.h"

/* ------------------------------------------------------------ the policy */

enum policy_arch { ARCH_X64, ARCH_X86 };

/* Where WinINet's SecureProtocols is written. ORDER: scope table in profile.c. */
enum wininet_scope {
    SCOPE_USER,    /* HKCU ...\Internet Settings */
    SCOPE_MACHINE, /* HKLM ...\Internet Settings */
    SCOPE_POLICY,  /* HKLM\SOFTWARE\Policies\...\Internet Settings */
    SCOPE_COUNT
};

enum dotnet_version { DOTNET_V2, DOTNET_V4, DOTNET_VERSION_COUNT };

enum dotnet_switch {
    DOTNET_SYSTEM_DEFAULT_TLS_VERSIONS, /* SystemDefaultTlsVersions */
    DOTNET_STRONG_CRYPTO,               /* SchUseStrongCrypto */
    DOTNET_SWITCH_COUNT
};

/* What a profile can ask of the cipher-suite order instead of (or besides)
 * naming it: `cipher-suites require ...` and `cipher-suites forbid ...`.
 * ORDER: the rule table in profcheck.c. */
enum suite_rule {
    SR_FORWARD_SECRECY, /* require forward-secrecy: ECDHE, DHE or TLS 1.3 only */
    SR_AEAD,            /* require aead: GCM or ChaCha20-Poly1305 only */
    SR_TLS13_FIRST,     /* require tls1.3-first: no TLS 1.3 suite after another */
    SR_NO_CBC,          /* forbid cbc */
    SR_NO_RSA_KEX,      /* forbid rsa-key-exchange: no TLS_RSA_* suite */
    SR_NO_SHA1,         /* forbid sha1: no suite with an HMAC-SHA1 (_SHA) */
    SR_NO_WEAK,         /* forbid weak: no NULL, EXPORT, RC4, DES, 3DES or MD5 suite */
    SR_NO_SUITE,        /* forbid NAME: not that suite */
    SR_COUNT
};

/* "require forward-secrecy", "forbid cbc", "forbid" (for SR_NO_SUITE). */
const char *suite_rule_words(enum suite_rule rule);

/* The key-length values of KeyExchangeAlgorithms\<name>. */
enum key_length_bound {
    KEYLEN_CLIENT_MIN, /* ClientMinKeyBitLength */
    KEYLEN_CLIENT_MAX, /* ClientMaxKeyBitLength */
    KEYLEN_SERVER_MIN, /* ServerMinKeyBitLength */
    KEYLEN_COUNT
};

enum policy_kind {
    PS_PROTOCOL,          /* Protocols\<p>\<role>          subject.protocol */
    PS_WINHTTP,           /* WinHttp DefaultSecureProtocols (no subject) */
    PS_WININET,           /* SecureProtocols               subject.scope */
    PS_DOTNET,            /* .NETFramework\<version>       subject.dotnet */
    PS_ALGORITHM,         /* Ciphers|Hashes|KeyExchangeAlgorithms\<name> Enabled
                           *                               subject.algorithm */
    PS_KEY_LENGTH,        /* KeyExchangeAlgorithms\<name>  subject.key_length */
    PS_SUITE_ORDER,       /* policy SSL\00010002 Functions (no subject) */
    PS_SUITE_RULE,        /* cipher-suites require|forbid: what the order must hold
                           *                               subject.suite_rule */
    PS_CURVE_ORDER,       /* policy SSL\00010002 EccCurves (no subject) */
    PS_SEND_EXTRA_RECORD, /* SCHANNEL SendExtraRecord (no subject) */
    PS_RAW,               /* key "..." { value ... }       subject.raw */
};

enum policy_action {
    PA_ENABLE,  /* protocol: Enabled=1, DisabledByDefault=0; algorithm: Enabled=0xffffffff */
    PA_DISABLE, /* protocol: Enabled=0, DisabledByDefault=1; algorithm: Enabled=0 */
    PA_SET,     /* the value in `number`, `strings` or `bytes` */
    PA_DEFAULT, /* remove the values: Windows' default applies (raw: delete the value) */
};

struct policy_setting {
    enum policy_kind kind;
    union {
        struct {
            enum protocol protocol;
            enum role role;
        } protocol;
        enum wininet_scope scope;
        struct {
            enum dotnet_version version;
            enum dotnet_switch which;
        } dotnet;
        const struct algorithm_info *algorithm;
        struct {
            const struct algorithm_info *algorithm;
            enum key_length_bound bound;
        } key_length;
        struct {
            enum suite_rule rule;
            const char *name; /* SR_NO_SUITE: the suite, as the catalogue spells it */
        } suite_rule;
        struct {
            const char *key;  /* full key path, HKEY_... */
            const char *name; /* value name, "" for the default value; NULL: the key only */
            uint32_t name_len;
        } raw;
    } subject;
    enum policy_action action;
    /* PA_SET data. number: protocol bits, .NET 0/1, key length, SendExtraRecord,
     * a raw dword or qword. strings: suites, curves, raw string types.
     * raw_type: the registry type of a raw value; bytes: raw binary. */
    uint64_t number;
    const char **strings;
    size_t nstrings;
    const struct span *strings_at; /* cipher-suites NAME...: where each name is */
    uint32_t raw_type;
    const unsigned char *bytes;
    size_t nbytes;
    /* The statement that asked for it. */
    struct source *src;
    struct span at;
};

struct severity_override {
    const char *selector; /* a rule ID, name or ID prefix */
    enum severity severity;
    struct source *src;
    struct span at;
};

struct rule_selector {
    const char *selector;
    struct source *src;
    struct span at;
};

/* The lint { } block: validated against the rule catalogue. */
struct policy_lint {
    bool has_fail_on;
    bool fail_on_none;         /* fail-on none: never exit 1 */
    enum severity fail_on;
    struct rule_selector *select;
    size_t nselect;
    struct rule_selector *ignore;
    size_t nignore;
    struct severity_override *overrides;
    size_t noverrides;
};

struct policy {
    const char *name;        /* profile "NAME" */
    const char *description; /* NULL if none */
    const char *source;      /* NULL if none */
    bool has_target;
    enum target target;
    enum policy_arch arch;   /* x64 unless the profile says x86 */
    struct policy_setting *settings; /* in order; no two with the same subject */
    size_t nsettings;
    struct policy_lint lint;
};

/* The setting about the same thing as `like` (kind and subject), or NULL. */
const struct policy_setting *policy_find(const struct policy *policy,
                                         const struct policy_setting *like);
/* Whether two settings are about the same thing. */
bool policy_same_subject(const struct policy_setting *a, const struct policy_setting *b);

/* A hash of what a setting is about: alike for settings that
 * policy_same_subject() calls the same. */
uint32_t policy_subject_hash(const struct policy_setting *s);

/* Items (numbers the caller gives, indexes into its own array) by hash, so
 * that finding each of n things among n takes time in proportion to n, not
 * n squared. The index only narrows the search: the caller compares the
 * candidates a lookup yields. Slots live in the arena given to
 * policy_index_add(); a zeroed struct is an empty index. */
struct policy_index_slot {
    uint32_t hash;
    uint32_t item_plus_one; /* 0: a free slot */
};
struct policy_index {
    struct policy_index_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t n;
};
void policy_index_add(struct arena *arena, struct policy_index *index, uint32_t hash, size_t item);
/* The next item added with `hash`: start with *cursor = 0 and call until it
 * returns false. */
bool policy_index_next(const struct policy_index *index, uint32_t hash, size_t *cursor,
                       size_t *item);

/* What a setting is about, in the profile's words: "protocol tls1.0 server",
 * "value 'X' of key 'HKEY_...'". In the arena. */
const char *policy_describe(struct arena *arena, const struct policy_setting *s);

const char *wininet_scope_name(enum wininet_scope scope);
/* The .NET key name: "v2.0.50727", "v4.0.30319". */
const char *dotnet_version_key(enum dotnet_version version);
/* "SystemDefaultTlsVersions", "SchUseStrongCrypto". */
const char *dotnet_switch_value(enum dotnet_switch which);
/* "ClientMinKeyBitLength", ... */
const char *key_length_value(enum key_length_bound bound);

/* ------------------------------------------------------------- loading */

enum profile_status {
    PROFILE_OK,
    PROFILE_INVALID,    /* PF errors in `diags` (exit 2) */
    PROFILE_NOT_FOUND,  /* neither a file nor a built-in name (exit 2); see `error` */
    PROFILE_UNREADABLE, /* the file could not be read (exit 3); see `error` */
};

struct profile {
    struct arena *arena;
    struct diag_list diags;
    struct policy *policy;  /* when PROFILE_OK */
    const char *error;      /* PROFILE_NOT_FOUND, PROFILE_UNREADABLE: what went wrong */
    struct source **sources;
    size_t nsources, sources_cap;
};

/* Loads a profile: `what` is a built-in template's name or a file path. A
 * name with no '/' or '\' that is not a file's ".profile" name is looked up
 * among the built-in templates first. Release with profile_release() in every
 * case. */
enum profile_status profile_load(const char *what, struct profile *out);
/* Loads a profile from text in memory, named `name` in diagnostics; `extends`
 * paths are taken relative to the current directory. */
enum profile_status profile_load_text(const char *name, const char *text, size_t len,
                                      struct profile *out);
void profile_release(struct profile *p);

/* The built-in templates (the .profile files under templates/), by name. */
extern const struct embedded_file builtin_templates[];
extern const size_t builtin_templates_count;

/* The profile language's diagnostics, PF1001 to the last PF2xxx, in order:
 * their codes and titles ("PF1001", "syntax error"). */
size_t profile_code_count(void);
const char *profile_code_id(size_t i);
const char *profile_code_title(size_t i);

#endif
