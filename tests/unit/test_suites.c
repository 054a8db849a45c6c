/* The cipher-suite and curve catalogue (its parts, per-target lists) and
 * the effective order over files applied in order, each entry with what
 * decided it. The lists themselves are compared with Microsoft's pages by
 * tests/suites/check.sh. */
#include "test_util.h"

#include "model.h"
#include "posture.h"
#include "suites.h"

#define HEADER "Windows Registry Editor Version 5.00\r\n\r\n"
#define POLICY "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002]\r\n"
#define LOCAL                                                                                      \
    "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\" \
    "SSL\\00010002]\r\n"
#define SCHANNEL "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\"

struct layers {
    size_t n;
    struct parsed *parsed[3];
    struct model *models[3];
    struct posture p[3];
    struct arena *arena;
};

static void add_layer(struct layers *l, struct parsed *parsed)
{
    l->parsed[l->n] = parsed;
    l->models[l->n] = model_build(parsed->file, parsed->arena, MODEL_AS_REGEDIT);
    posture_collect(l->models[l->n], &l->p[l->n]);
    l->n++;
    if (!l->arena)
        l->arena = arena_new();
}

static void layers_free(struct layers *l)
{
    for (size_t i = 0; i < l->n; i++) {
        model_free(l->models[i]);
        parsed_free(l->parsed[i]);
    }
    arena_free(l->arena);
}

static void effective(struct layers *l, const char *target_name, struct effective_order *suites,
                      struct effective_order *curves)
{
    enum target target;
    if (target_name)
        assert_true(target_by_name(target_name, &target));
    suites_effective(l->p, l->n, target_name ? &target : NULL, l->arena, suites, curves);
}

static const struct suite_info *suite(const char *name)
{
    const struct suite_info *s = suite_lookup(name, strlen(name));
    assert_non_null(s);
    return s;
}

static void test_parts(void **state)
{
    (void)state;
    const struct suite_info *s = suite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    assert_int_equal(s->kex, SUITE_KEX_ECDHE);
    assert_int_equal(s->auth, SUITE_AUTH_RSA);
    assert_int_equal(s->cipher, SUITE_CIPHER_AES_128);
    assert_true(suite_is_aead(s) && !suite_is_cbc(s) && suite_forward_secret(s));
    assert_int_equal(s->mac, SUITE_HASH_NONE);
    assert_int_equal(s->hash, SUITE_HASH_SHA256);
    assert_null(suite_algorithm_key(s, ALG_HASH));
    assert_string_equal(suite_algorithm_key(s, ALG_KEY_EXCHANGE), "ECDH");
    assert_null(suite_info_weakness(s));

    s = suite("tls_rsa_with_aes_256_cbc_sha"); /* any case */
    assert_string_equal(s->name, "TLS_RSA_WITH_AES_256_CBC_SHA");
    assert_true(suite_is_cbc(s) && !suite_forward_secret(s));
    assert_int_equal(s->mac, SUITE_HASH_SHA1);
    assert_true(suite_applies_to(s, PROTO_TLS_1_0) && !suite_applies_to(s, PROTO_SSL_3_0));
    assert_string_equal(suite_algorithm_key(s, ALG_CIPHER), "AES 256/256");
    assert_string_equal(suite_algorithm_key(s, ALG_HASH), "SHA");
    assert_string_equal(suite_algorithm_key(s, ALG_KEY_EXCHANGE), "PKCS");

    s = suite("TLS_AES_256_GCM_SHA384");
    assert_true(suite_tls13_only(s) && suite_forward_secret(s));
    assert_null(suite_algorithm_key(s, ALG_KEY_EXCHANGE));
    assert_true(suite_tls13_only(suite("TLS_CHACHA20_POLY1305_SHA256")));
    assert_null(suite_algorithm_key(suite("TLS_CHACHA20_POLY1305_SHA256"), ALG_CIPHER));

    s = suite("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256_P384");
    assert_int_equal(s->curve, 384);
    assert_int_equal(s->auth, SUITE_AUTH_ECDSA);
    assert_string_equal(suite_info_weakness(suite("TLS_RSA_EXPORT1024_WITH_RC4_56_SHA")), "EXPORT");
    assert_string_equal(suite_info_weakness(suite("TLS_RSA_WITH_RC4_128_SHA")), "RC4");
    assert_string_equal(suite_info_weakness(suite("TLS_RSA_WITH_3DES_EDE_CBC_SHA")), "3DES");
    assert_string_equal(suite_info_weakness(suite("TLS_PSK_WITH_NULL_SHA256")), "NULL");
    assert_string_equal(suite_info_weakness(suite("SSL_CK_DES_64_CBC_WITH_MD5")), "DES");
    assert_true(suite_applies_to(suite("SSL_CK_RC4_128_WITH_MD5"), PROTO_SSL_2_0));
    assert_int_equal(suite("TLS_PSK_WITH_AES_128_CBC_SHA256")->kex, SUITE_KEX_PSK);

    assert_null(suite_lookup("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265", 37));
    assert_string_equal(suite_suggest("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA265", 37),
                        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    assert_string_equal(curve_lookup("nistp256", 8)->name, "NistP256");
    assert_string_equal(curve_suggest("NistP265", 8), "NistP256");
    assert_true(curve_lookup("x25519_mlkem768", 15)->tls13_only);
}

static void test_targets(void **state)
{
    (void)state;
    for (int t = 0; t < TARGET_COUNT; t++) {
        const struct target_catalogue *tc = target_catalogue((enum target)t);
        assert_non_null(tc->suites_page);
        assert_true(tc->nsuites > 0);
        /* Enabled first, then supported, then PSK. */
        for (size_t i = 1; i < tc->nsuites; i++)
            assert_true(tc->suites[i - 1].state <= tc->suites[i].state);
    }
    const struct target_catalogue *w10 = target_catalogue(TARGET_WINDOWS_10);
    assert_string_equal(w10->suites_page, "cipher-suites-windows-10-v22h2.md");
    assert_string_equal(w10->suites[0].suite->name, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
    assert_int_equal(w10->suites[0].state, CAT_ENABLED);
    assert_string_equal(w10->curves[0].curve->name, "curve25519");
    assert_null(target_suite(TARGET_WINDOWS_10, suite("TLS_AES_256_GCM_SHA384")));
    assert_int_equal(target_suite(TARGET_WINDOWS_SERVER_2022, suite("TLS_AES_256_GCM_SHA384"))->state,
                     CAT_ENABLED);
    assert_int_equal(target_suite(TARGET_WINDOWS_11, suite("TLS_CHACHA20_POLY1305_SHA256"))->state,
                     CAT_SUPPORTED);
    assert_true(target_suite(TARGET_WINDOWS_10, suite("TLS_RSA_WITH_NULL_SHA256"))->on_request);
    assert_int_equal(target_suite(TARGET_WINDOWS_10, suite("TLS_PSK_WITH_AES_128_GCM_SHA256"))->state,
                     CAT_PSK);
    /* Curve suffixes up to 2012 R2 only. */
    assert_non_null(target_suite(TARGET_WINDOWS_8_1, suite("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256")));
    assert_null(target_suite(TARGET_WINDOWS_10, suite("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256")));
    assert_null(target_catalogue(TARGET_WINDOWS_8_1)->curves_page);
    assert_null(target_curve(TARGET_WINDOWS_10_1507, curve_lookup("curve25519", 10)));
    assert_non_null(target_curve(TARGET_WINDOWS_11_24H2, curve_lookup("x25519_mlkem768", 15)));
    assert_null(target_curve(TARGET_WINDOWS_11, curve_lookup("x25519_mlkem768", 15)));
}

static void test_default_order(void **state)
{
    (void)state;
    struct layers l = {0};
    add_layer(&l, parse_text(HEADER SCHANNEL "Ciphers\\AES 256/256]\r\n\"Enabled\"=dword:00000000\r\n"));
    struct effective_order suites, curves;
    effective(&l, "windows-server-2022", &suites, &curves);
    assert_int_equal(suites.source, ORDER_DEFAULT);
    assert_null(suites.value.value);
    assert_string_equal(suites.entries[0].name, "TLS_AES_256_GCM_SHA384");
    assert_int_equal(suites.entries[0].fate, FATE_DISABLED);
    assert_string_equal(suites.entries[0].disabled_key, "Ciphers\\AES 256/256");
    assert_non_null(suites.entries[0].disabled_by.value);
    assert_string_equal(suites.entries[1].name, "TLS_AES_128_GCM_SHA256");
    assert_int_equal(suites.entries[1].fate, FATE_USED);
    assert_true(suites.entries[suites.n - 1].on_request); /* TLS_RSA_WITH_NULL_SHA */
    assert_int_equal(curves.source, ORDER_DEFAULT);
    assert_true(curves.target_reads);
    assert_int_equal(curves.n, 3);
    assert_string_equal(curves.entries[0].name, "curve25519");

    /* No target: no default to tell. */
    effective(&l, NULL, &suites, &curves);
    assert_int_equal(suites.source, ORDER_DEFAULT);
    assert_int_equal(suites.n, 0);
    /* No curve order before Windows 10. */
    effective(&l, "windows-8.1", &suites, &curves);
    assert_false(curves.target_reads);
    assert_int_equal(curves.n, 0);
    layers_free(&l);
}

static void test_policy_over_local(void **state)
{
    (void)state;
    struct layers l = {0};
    /* UTF-16: regedit widens the bytes of hex(7) data in an ANSI file. */
    add_layer(&l, parse_utf16(HEADER LOCAL
                             "\"Functions\"=hex(7):41,00,00,00,00,00\r\n"
                             "\r\n" POLICY
                             "\"Functions\"=\"TLS_AES_128_GCM_SHA256, TLS_RSA_WITH_AES_128_CBC_SHA,"
                             "TLS_BOGUS,,TLS_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA_P256\"\r\n"
                             "\"EccCurves\"=hex(7):4e,00,69,00,73,00,74,00,50,00,33,00,38,00,34,00,00,00,\\\r\n"
                             "  63,00,75,00,72,00,76,00,65,00,00,00,00,00\r\n"
                             "\r\n" SCHANNEL "KeyExchangeAlgorithms\\PKCS]\r\n\"Enabled\"=dword:00000000\r\n"));
    struct effective_order suites, curves;
    effective(&l, "windows-10", &suites, &curves);
    assert_int_equal(suites.source, ORDER_POLICY);
    assert_int_equal(suites.n, 5);
    assert_string_equal(suites.entries[0].name, "TLS_AES_128_GCM_SHA256");
    assert_int_equal(suites.entries[0].fate, FATE_UNSUPPORTED); /* no TLS 1.3 on Windows 10 */
    assert_string_equal(suites.entries[1].name, "TLS_RSA_WITH_AES_128_CBC_SHA");
    assert_int_equal(suites.entries[1].at, 24); /* after the comma and the blank */
    assert_int_equal(suites.entries[1].len, 28);
    assert_int_equal(suites.entries[1].fate, FATE_DISABLED);
    assert_string_equal(suites.entries[1].disabled_key, "KeyExchangeAlgorithms\\PKCS");
    assert_int_equal(suites.entries[2].fate, FATE_UNKNOWN_NAME);
    assert_null(suites.entries[2].suite);
    assert_int_equal(suites.entries[3].fate, FATE_DUPLICATE);
    assert_int_equal(suites.entries[4].fate, FATE_UNSUPPORTED);
    assert_int_equal(curves.source, ORDER_POLICY);
    assert_int_equal(curves.n, 2);
    assert_string_equal(curves.entries[0].curve->name, "NistP384");
    assert_int_equal(curves.entries[1].fate, FATE_UNKNOWN_NAME);
    assert_int_equal(curves.entries[1].at, 9);

    /* A later file deleting the policy value leaves the local list. */
    add_layer(&l, parse_text(HEADER POLICY "\"Functions\"=-\r\n"));
    effective(&l, "windows-10", &suites, &curves);
    assert_int_equal(suites.source, ORDER_LOCAL);
    assert_int_equal(suites.value.layer, 0);
    assert_int_equal(suites.n, 1);
    assert_string_equal(suites.entries[0].name, "A");
    /* The policy EccCurves is still there. */
    assert_int_equal(curves.source, ORDER_POLICY);
    layers_free(&l);
}

static void test_schannel_keys_in_layers(void **state)
{
    (void)state;
    struct layers l = {0};
    add_layer(&l, parse_text(HEADER POLICY "\"Functions\"=\"TLS_RSA_WITH_AES_128_CBC_SHA,"
                             "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA\"\r\n"
                             "\r\n" SCHANNEL "Hashes\\SHA]\r\n\"Enabled\"=dword:00000000\r\n"
                             "\r\n" SCHANNEL "KeyExchangeAlgorithms\\Diffie-Hellman]\r\n\"Enabled\"=dword:00000000\r\n"));
    struct effective_order suites, curves;
    effective(&l, "windows-server-2019", &suites, &curves);
    assert_int_equal(suites.n, 3);
    assert_int_equal(suites.entries[0].fate, FATE_DISABLED); /* its MAC is SHA-1 */
    assert_string_equal(suites.entries[0].disabled_key, "Hashes\\SHA");
    assert_int_equal(suites.entries[1].fate, FATE_DISABLED);
    assert_string_equal(suites.entries[1].disabled_key, "KeyExchangeAlgorithms\\Diffie-Hellman");
    assert_int_equal(suites.entries[2].fate, FATE_DISABLED);
    /* A later file that deletes the Hashes key gives the SHA suites back. */
    add_layer(&l, parse_text(HEADER "[-HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\"
                                    "SecurityProviders\\SCHANNEL\\Hashes]\r\n"));
    effective(&l, "windows-server-2019", &suites, &curves);
    assert_int_equal(suites.entries[0].fate, FATE_USED);
    assert_int_equal(suites.entries[1].fate, FATE_DISABLED);
    assert_int_equal(suites.entries[1].disabled_by.layer, 0);
    assert_int_equal(suites.entries[2].fate, FATE_USED);
    /* Enabled=1 (or 0xffffffff) disables nothing. */
    add_layer(&l, parse_text(HEADER SCHANNEL "KeyExchangeAlgorithms\\Diffie-Hellman]\r\n"
                                    "\"Enabled\"=dword:ffffffff\r\n"));
    effective(&l, "windows-server-2019", &suites, &curves);
    assert_int_equal(suites.entries[1].fate, FATE_USED);
    layers_free(&l);
}

static void test_wrong_type(void **state)
{
    (void)state;
    struct layers l = {0};
    add_layer(&l, parse_utf16(HEADER POLICY "\"Functions\"=hex(7):41,00,00,00,00,00\r\n"
                                           "\"EccCurves\"=\"NistP256\"\r\n"));
    struct effective_order suites, curves;
    effective(&l, "windows-11", &suites, &curves);
    assert_int_equal(suites.source, ORDER_UNKNOWN);
    assert_non_null(suites.value.value);
    assert_int_equal(suites.n, 0);
    assert_int_equal(curves.source, ORDER_UNKNOWN);
    assert_string_equal(order_source_name(ORDER_UNKNOWN), "unknown");
    assert_string_equal(entry_fate_name(FATE_UNSUPPORTED), "not on this Windows version");
    layers_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parts),
        cmocka_unit_test(test_targets),
        cmocka_unit_test(test_default_order),
        cmocka_unit_test(test_policy_over_local),
        cmocka_unit_test(test_schannel_keys_in_layers),
        cmocka_unit_test(test_wrong_type),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
