/* The knowledge tables' answers that rules and gen put into words or masks:
 * which Windows versions have a protocol, Schannel's defaults in words, and
 * a protocol mask cut to what a target has. */
#include "test_util.h"

#include "knowledge.h"

/* Versions are named by their first client and first server release, all
 * of them (TLS 1.3 is Windows 11 and Server 2022, not Server 2022 alone). */
static void test_protocol_since(void **state)
{
    (void)state;
    char words[128];
    assert_true(protocol_since(PROTO_TLS_1_3, words, sizeof words));
    assert_string_equal(words, "Windows 11 and Windows Server 2022 and later");
    assert_true(protocol_since(PROTO_DTLS_1_2, words, sizeof words));
    assert_string_equal(words, "Windows 10 1607 and Windows Server 2016 and later");
    /* SSL 2.0 is gone from 1607/2016 on: a span, not "and later". */
    assert_true(protocol_since(PROTO_SSL_2_0, words, sizeof words));
    assert_string_equal(words, "Windows 7 SP1 to Windows 10 1507/1511 and Windows Server 2008 SP2 to "
                               "Windows Server 2012 R2");
    assert_false(protocol_since(PROTO_PCT_1_0, words, sizeof words));
    assert_false(protocol_since(PROTO_TLS_1_3, words, 10));
}

static void test_default_words(void **state)
{
    (void)state;
    char words[256];
    assert_true(protocol_default_words(PROTO_TLS_1_3, ROLE_SERVER, NULL, words, sizeof words));
    assert_string_equal(words, "enabled on Windows 11 and Windows Server 2022 and later, absent before");
    assert_true(protocol_default_words(PROTO_TLS_1_0, ROLE_CLIENT, NULL, words, sizeof words));
    assert_string_equal(words, "enabled on every Windows version");
    assert_true(protocol_default_words(PROTO_SSL_3_0, ROLE_CLIENT, NULL, words, sizeof words));
    assert_string_equal(words, "disabled by default on Windows 10 1607 and Windows Server 2016 and "
                               "later, enabled before");
    /* Three runs, newest first. */
    assert_true(protocol_default_words(PROTO_SSL_2_0, ROLE_SERVER, NULL, words, sizeof words));
    assert_string_equal(words, "absent on Windows 10 1607 and Windows Server 2016 and later, disabled by "
                               "default from Windows 8 and Windows Server 2012, enabled before");
    enum target t = TARGET_WINDOWS_7_SP1;
    assert_true(protocol_default_words(PROTO_TLS_1_2, ROLE_CLIENT, &t, words, sizeof words));
    assert_string_equal(words, "disabled by default");
    /* Windows 11 24H2 follows Microsoft's protocols table: TLS 1.0 enabled. */
    t = TARGET_WINDOWS_11_24H2;
    assert_true(protocol_default_words(PROTO_TLS_1_0, ROLE_SERVER, &t, words, sizeof words));
    assert_string_equal(words, "enabled");
    assert_false(protocol_default_words(PROTO_SSL_2_0, ROLE_SERVER, NULL, words, 40));
}

static void test_target_mask(void **state)
{
    (void)state;
    assert_int_equal(target_mask(TARGET_WINDOWS_11, 0x2800), 0x2800);
    assert_int_equal(target_mask(TARGET_WINDOWS_SERVER_2022, 0x2800), 0x2800);
    assert_int_equal(target_mask(TARGET_WINDOWS_SERVER_2019, 0x2800), 0x800);
    assert_int_equal(target_mask(TARGET_WINDOWS_SERVER_2019, 0x2808), 0x800);
    assert_int_equal(target_mask(TARGET_WINDOWS_7_SP1, 0xA28), 0xA28);
    assert_int_equal(mask_newer_bits(0x2A80), 0x2000);
    assert_int_equal(mask_newer_bits(0xA88), 0);
}

/* WinHTTP's documented defaults: Windows 11 only TLS 1.2 and 1.3; Server
 * 2019 with TLS 1.0/1.1 off since KB5017811; nothing guessed elsewhere. */
static void test_winhttp_defaults(void **state)
{
    (void)state;
    const struct mask_default *w11 = &target_info(TARGET_WINDOWS_11)->winhttp;
    assert_int_equal(w11->on, 0x2800);
    assert_int_equal(w11->documented & 0x2AA8, 0x2AA8);
    const struct mask_default *s2019 = &target_info(TARGET_WINDOWS_SERVER_2019)->winhttp;
    assert_int_equal(s2019->on & 0x280, 0);
    assert_int_equal(s2019->documented & 0x280, 0x280);
    assert_int_equal(s2019->by_update, 0x280);
    assert_int_equal(target_info(TARGET_WINDOWS_SERVER_2008_SP2)->winhttp.documented, 0);
    assert_int_equal(target_info(TARGET_WINDOWS_SERVER_2022)->winhttp.documented & 0x2000, 0);
    for (int t = 0; t < TARGET_COUNT; t++) {
        const struct target_info *info = target_info((enum target)t);
        assert_int_equal(info->winhttp.on & ~info->winhttp.documented, 0);
        assert_int_equal(info->wininet.on & ~info->wininet.documented, 0);
    }
}

/* A hive's CurrentBuild and InstallationType name a target only where the
 * target table lists that build for a client or a server release: 17763 is
 * Server 2019 or Windows 10 (1809), 26100 Server 2025 or Windows 11 24H2,
 * and a build no row lists (26200, a server build of a client-only
 * release) is no target. */
static void test_target_by_build(void **state)
{
    (void)state;
    enum target t;
    assert_true(target_by_build(17763, true, &t));
    assert_int_equal(t, TARGET_WINDOWS_SERVER_2019);
    assert_true(target_by_build(17763, false, &t));
    assert_int_equal(t, TARGET_WINDOWS_10);
    assert_true(target_by_build(26100, true, &t));
    assert_int_equal(t, TARGET_WINDOWS_SERVER_2025);
    assert_true(target_by_build(26100, false, &t));
    assert_int_equal(t, TARGET_WINDOWS_11_24H2);
    assert_true(target_by_build(22631, false, &t));
    assert_int_equal(t, TARGET_WINDOWS_11);
    assert_true(target_by_build(7601, true, &t));
    assert_int_equal(t, TARGET_WINDOWS_SERVER_2008_R2_SP1);
    assert_true(target_by_build(6003, true, &t));
    assert_int_equal(t, TARGET_WINDOWS_SERVER_2008_SP2);
    assert_false(target_by_build(26200, false, &t));
    assert_false(target_by_build(19045, true, &t));
    assert_false(target_by_build(0, false, &t));
    assert_false(target_by_build(1776, true, &t));
    /* Every row lists its builds. */
    for (int i = 0; i < TARGET_COUNT; i++)
        assert_true(*target_info((enum target)i)->builds != '\0');
}

/* Every key path a rule or the posture reads (the KEY_ macros) lies in a
 * place a hive reader reads (settings_places()). */
static void test_settings_places(void **state)
{
    (void)state;
    static const char *const keys[] = {
        KEY_SCHANNEL_PROTOCOLS "\\TLS 1.2\\Server", KEY_SCHANNEL_CIPHERS "\\RC4 128/128",
        KEY_SCHANNEL_HASHES "\\MD5", KEY_SCHANNEL_KEX "\\PKCS", KEY_WINHTTP, KEY_WINHTTP_WOW64,
        KEY_WININET_MACHINE, KEY_WININET_MACHINE_WOW64, KEY_WININET_USER,
        KEY_WININET_POLICY_MACHINE, KEY_WININET_POLICY_USER, KEY_NETFX_V2, KEY_NETFX_V2_WOW64,
        KEY_NETFX_V4, KEY_NETFX_V4_WOW64, KEY_SUITE_POLICY, KEY_SUITE_LOCAL};
    size_t n;
    const struct settings_place *places = settings_places(&n);
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        bool found = false;
        for (size_t i = 0; i < n && !found; i++) {
            size_t len = strlen(places[i].path);
            found = strcmp(keys[k], places[i].path) == 0 ||
                    (places[i].subtree && strncmp(keys[k], places[i].path, len) == 0 &&
                     keys[k][len] == '\\');
        }
        if (!found)
            fail_msg("%s is in no place a hive reader reads", keys[k]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_protocol_since),
        cmocka_unit_test(test_default_words),
        cmocka_unit_test(test_target_mask),
        cmocka_unit_test(test_winhttp_defaults),
        cmocka_unit_test(test_target_by_build),
        cmocka_unit_test(test_settings_places),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
