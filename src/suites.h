/*
 * suites: Schannel's cipher suites and elliptic curves (supported groups),
 * per Windows version, and the order a machine ends up with.
 *
 * The catalogue is generated at build time from data/suites.txt (by
 * scripts/suites, into build/gen/suites_data.c); every list there is copied
 * from one of Microsoft's pages (tests/sources/, docs/domain.md §1.4), and
 * tests/suites/check.sh holds the two side by side. For each suite: its
 * parts (key exchange, authentication, cipher and mode, MAC hash) and the
 * protocol versions it applies to; for each target: the suites it has, which
 * are enabled by default and in what order, and likewise its curves.
 *
 * suites_effective() works out the suite and curve order a machine uses
 * after importing files: the Group Policy value (SOFTWARE\Policies\...\SSL\
 * 00010002 Functions, REG_SZ, comma-separated; EccCurves, REG_MULTI_SZ) over
 * the local list (SYSTEM\...\Configuration\Local\SSL\00010002, REG_MULTI_SZ)
 * over the target's default; then Schannel's Ciphers, Hashes and
 * KeyExchangeAlgorithms keys take out the suites whose parts they disable.
 * Each entry says what decided it.
 *
 * Nothing is reported here. The catalogue is static data; what
 * suites_effective() returns lives in the caller's arena.
 */
#ifndef REGLINT_SUITES_H
#define REGLINT_SUITES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "knowledge.h"
#include "posture.h"

/* ------------------------------------------------------------ the parts */

enum suite_kex {
    SUITE_KEX_TLS13, /* TLS 1.3: (EC)DHE, over the configured groups */
    SUITE_KEX_RSA,
    SUITE_KEX_DHE,
    SUITE_KEX_ECDHE,
    SUITE_KEX_PSK,
};

enum suite_auth {
    SUITE_AUTH_TLS13, /* TLS 1.3: by the certificate, not the suite */
    SUITE_AUTH_RSA,
    SUITE_AUTH_DSS,
    SUITE_AUTH_ECDSA,
    SUITE_AUTH_PSK,
};

enum suite_cipher {
    SUITE_CIPHER_AES_128,
    SUITE_CIPHER_AES_256,
    SUITE_CIPHER_CHACHA20,
    SUITE_CIPHER_3DES,
    SUITE_CIPHER_DES,     /* DES, 56-bit key (also SSL 2.0's DES_64) */
    SUITE_CIPHER_RC4_128,
    SUITE_CIPHER_RC4_56,
    SUITE_CIPHER_RC4_40,
    SUITE_CIPHER_NULL,    /* no encryption */
};

enum suite_mode {
    SUITE_MODE_GCM,
    SUITE_MODE_POLY1305,
    SUITE_MODE_CBC,
    SUITE_MODE_STREAM, /* RC4 */
    SUITE_MODE_NONE,   /* NULL cipher */
};

enum suite_hash {
    SUITE_HASH_NONE, /* AEAD suites: no MAC */
    SUITE_HASH_MD5,
    SUITE_HASH_SHA1, /* the suffix _SHA */
    SUITE_HASH_SHA256,
    SUITE_HASH_SHA384,
};

struct suite_info {
    const char *name;      /* as Microsoft spells it: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" */
    enum suite_kex kex;
    enum suite_auth auth;
    enum suite_cipher cipher;
    enum suite_mode mode;
    enum suite_hash mac;   /* the record MAC; SUITE_HASH_NONE for AEAD */
    enum suite_hash hash;  /* the hash the name ends in (the PRF's for AEAD) */
    bool export;           /* an EXPORT suite */
    uint16_t curve;        /* curve suffix of the names up to 2012 R2: 256, 384, 521; 0: none */
    uint32_t protocols;    /* bit (1u << enum protocol) per version it applies to */
};

/* Its questions. */
bool suite_is_cbc(const struct suite_info *s);
bool suite_is_aead(const struct suite_info *s);
/* Key exchange with ephemeral keys: ECDHE, DHE, and every TLS 1.3 suite. */
bool suite_forward_secret(const struct suite_info *s);
/* Applies to TLS 1.3 only (and to nothing before it). */
bool suite_tls13_only(const struct suite_info *s);
bool suite_applies_to(const struct suite_info *s, enum protocol p);
/* Why the suite is weak ("NULL", "EXPORT", "RC4", "DES", "3DES", "MD5"),
 * or NULL when it is not. */
const char *suite_info_weakness(const struct suite_info *s);

/* The Schannel key whose Enabled=0 takes the suite out, below Ciphers,
 * Hashes or KeyExchangeAlgorithms ("AES 128/128", "SHA", "PKCS"), or NULL
 * when no key is known to (ChaCha20; an AEAD suite's hash, whose effect
 * Microsoft does not document; the key exchange of TLS 1.3 and PSK). */
const char *suite_algorithm_key(const struct suite_info *s, enum algorithm_kind kind);

/* --------------------------------------------------------- the catalogue */

struct curve_info {
    const char *name;  /* "curve25519", "NistP256", "x25519_mlkem768" */
    bool tls13_only;   /* a post-quantum hybrid group: TLS 1.3 only */
};

/* All suites (curves); *count is set to the number of rows. */
const struct suite_info *suites_all(size_t *count);
const struct curve_info *curves_all(size_t *count);
/* By name, ignoring ASCII case; NULL when no Windows version knows it. */
const struct suite_info *suite_lookup(const char *name, size_t len);
const struct curve_info *curve_lookup(const char *name, size_t len);
/* The known suite (curve) name closest to a misspelt one, or NULL. */
const char *suite_suggest(const char *name, size_t len);
const char *curve_suggest(const char *name, size_t len);

/* What a target does with a suite or curve it has. */
enum catalogue_state {
    CAT_ENABLED,   /* on by default, at its place in the default order */
    CAT_SUPPORTED, /* supported, not enabled by default */
    CAT_PSK,       /* a PSK suite: only for applications that ask for PSK */
};

struct catalogue_entry {
    const struct suite_info *suite; /* for suite lists */
    const struct curve_info *curve; /* for curve lists */
    enum catalogue_state state;
    bool on_request; /* "only used when application explicitly requests" */
};

/* A target's suites and curves, in the page's order: the enabled ones first,
 * in priority order, then the supported ones, then the PSK suites. */
struct target_catalogue {
    const char *suites_page;   /* the page in tests/sources/ the list is from */
    const struct catalogue_entry *suites;
    size_t nsuites;
    const char *curves_page;   /* NULL: this Windows has no curve order setting;
                                  a suite name carries its curve (_P256) */
    const struct catalogue_entry *curves;
    size_t ncurves;
};

const struct target_catalogue *target_catalogue(enum target t);
/* The target's entry for a suite (curve), or NULL when it lacks it. */
const struct catalogue_entry *target_suite(enum target t, const struct suite_info *s);
const struct catalogue_entry *target_curve(enum target t, const struct curve_info *c);

/* ------------------------------------------------------ effective order */

/* Where an order comes from. */
enum order_source {
    ORDER_POLICY,  /* the Group Policy value */
    ORDER_LOCAL,   /* the local list */
    ORDER_DEFAULT, /* the target's default (no entries without a target) */
    ORDER_UNKNOWN, /* the deciding value is of a type whose effect is undocumented */
};

/* What becomes of one listed name. */
enum entry_fate {
    FATE_USED,
    FATE_UNKNOWN_NAME, /* no Windows version knows the name */
    FATE_UNSUPPORTED,  /* the target lacks it: Windows skips it */
    FATE_DUPLICATE,    /* listed before */
    FATE_DISABLED,     /* a Schannel key disables one of its parts */
};

struct order_entry {
    const char *name;                /* as listed (or the catalogue's, for a default) */
    const struct suite_info *suite;  /* suite lists: NULL for an unknown name */
    const struct curve_info *curve;  /* curve lists: NULL for an unknown name */
    /* Where the name is in the value's text as UTF-8 (REG_SZ: the string;
     * REG_MULTI_SZ: the strings joined by NUL bytes); 0, 0 for a default. */
    uint32_t at, len;
    enum entry_fate fate;
    bool on_request;                 /* a default the target uses only on request */
    /* FATE_DISABLED: the Enabled value that disabled it and its key below
     * SCHANNEL ("Ciphers\\AES 128/128"). */
    struct layer_value disabled_by;
    const char *disabled_key;
};

struct effective_order {
    enum order_source source;
    /* ORDER_POLICY, ORDER_LOCAL, ORDER_UNKNOWN: the value that decided. */
    struct layer_value value;
    /* Curves: whether the target reads a curve order at all (false before
     * Windows 10; true without a target). */
    bool target_reads;
    struct order_entry *entries; /* in order */
    size_t n;
};

/* The suite and curve orders after importing each layer's file in order
 * (as posture_table(): for each value the last layer that sets or erases it
 * decides), on `target` (NULL: unknown; a default order is then empty and
 * nothing is FATE_UNSUPPORTED). Entries and names live in `arena`. */
void suites_effective(const struct posture *layers, size_t nlayers, const enum target *target,
                      struct arena *arena, struct effective_order *suites,
                      struct effective_order *curves);

/* "policy", "local", "default", "unknown". */
const char *order_source_name(enum order_source s);
/* "used", "unknown name", "not on this Windows version", "duplicate",
 * "disabled". */
const char *entry_fate_name(enum entry_fate f);

#endif
