/* The rule engine: posture states, name suggestions and the checks, on small
 * files; each test states what must and what must not be reported. */
#include "test_util.h"

#include "lint.h"
#include "model.h"
#include "posture.h"
#include "suggest.h"

#define HEADER "Windows Registry Editor Version 5.00\r\n\r\n"
#define PROTOCOLS "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols"

/* Reads and lints `text` with the default options (plus a target if given). */
static struct parsed *lint_text(const char *text, const char *target)
{
    struct parsed *p = parse_text(text);
    struct lint_options o;
    lint_options_init(&o);
    if (target) {
        assert_true(target_by_name(target, &o.target));
        o.has_target = true;
    }
    lint_document(&o, p->src, p->file, &p->diags);
    lint_finish(&o, p->file, &p->diags);
    return p;
}

/* How many findings of `rule` there are (at `line`, if not 0). */
static size_t count(const struct parsed *p, enum rule_id rule, uint32_t line)
{
    size_t n = 0;
    for (size_t i = 0; i < p->diags.n; i++) {
        const struct diag *d = p->diags.items[i];
        uint32_t l, c;
        source_position(d->src, d->at.start, &l, &c);
        if (d->rule == rule && (line == 0 || l == line))
            n++;
    }
    return n;
}

static const struct diag *first(const struct parsed *p, enum rule_id rule)
{
    for (size_t i = 0; i < p->diags.n; i++)
        if (p->diags.items[i]->rule == rule)
            return p->diags.items[i];
    fprintf(stderr, "no %s among:\n", rule_info(rule)->id);
    print_diags(p);
    fail();
    return NULL;
}

static void test_suggest(void **state)
{
    (void)state;
    assert_int_equal(suggest_distance("TLS1.2", 6, "TLS 1.2", 7, 3), 1);
    assert_int_equal(suggest_distance("abcd", 4, "abdc", 4, 3), 1);
    assert_int_equal(suggest_distance("Client", 6, "client", 6, 3), 0);
    assert_int_equal(suggest_distance("a", 1, "abcdef", 6, 2), 3);
    const char *names[] = {"Enabled", "DisabledByDefault"};
    assert_string_equal(suggest_closest("DisableByDefault", 16, names, 2), "DisabledByDefault");
    assert_null(suggest_closest("enabled", 7, names, 2));
    assert_null(suggest_closest("Colour", 6, names, 2));
}

static void test_posture_states(void **state)
{
    (void)state;
    struct parsed *p = parse_text(HEADER PROTOCOLS "\\TLS 1.2\\Server]\r\n\"Enabled\"=dword:00000001\r\n"
                                  PROTOCOLS "\\TLS 1.0\\Server]\r\n\"Enabled\"=dword:00000000\r\n");
    struct model *m = model_build(p->file, p->arena, MODEL_IGNORE_HEADER);
    struct posture ps;
    posture_collect(m, &ps);
    struct role_posture rp;
    enum target t = TARGET_WINDOWS_7_SP1;
    /* Enabled=1 alone leaves TLS 1.2 disabled by default on Windows 7. */
    posture_role(&ps, PROTO_TLS_1_2, ROLE_SERVER, &t, &rp);
    assert_int_equal(rp.state, ST_DISABLED_BY_DEFAULT);
    t = TARGET_WINDOWS_SERVER_2019;
    posture_role(&ps, PROTO_TLS_1_2, ROLE_SERVER, &t, &rp);
    assert_int_equal(rp.state, ST_ENABLED);
    /* Without a target the versions disagree. */
    posture_role(&ps, PROTO_TLS_1_2, ROLE_SERVER, NULL, &rp);
    assert_int_equal(rp.state, ST_UNKNOWN);
    assert_true(rp.needs_target);
    posture_role(&ps, PROTO_TLS_1_0, ROLE_SERVER, NULL, &rp);
    assert_int_equal(rp.state, ST_DISABLED);
    assert_true(rp.by_file);
    posture_role(&ps, PROTO_SSL_2_0, ROLE_SERVER, &t, &rp);
    assert_int_equal(rp.state, ST_UNSUPPORTED);
    model_free(m);
    parsed_free(p);
}

static void test_misspelled_names(void **state)
{
    (void)state;
    struct parsed *p = lint_text(HEADER PROTOCOLS "\\TLS1.2\\Server]\r\n\"Enabled\"=dword:00000001\r\n"
                                 PROTOCOLS "\\TLS 1.1\\Server]\r\n\"DisableByDefault\"=dword:00000000\r\n"
                                 "\"Enabled\"=dword:00000001\r\n",
                                 NULL);
    assert_int_equal(count(p, RULE_UNKNOWN_NAME, 3), 1);
    assert_int_equal(count(p, RULE_UNKNOWN_NAME, 6), 1);
    const struct diag *d = first(p, RULE_UNKNOWN_NAME);
    assert_non_null(strstr(d->message, "\"TLS 1.2\""));
    /* The value's fix renames it; the key's finding underlines the segment. */
    assert_int_equal(d->at.end - d->at.start, 6);
    assert_int_equal(count(p, RULE_UNKNOWN_NAME, 0), 2);
    parsed_free(p);
}

static void test_contradictory_pairs(void **state)
{
    (void)state;
    struct parsed *p = lint_text(HEADER PROTOCOLS "\\TLS 1.2\\Server]\r\n\"Enabled\"=dword:00000001\r\n"
                                 "\"DisabledByDefault\"=dword:00000001\r\n"
                                 PROTOCOLS "\\TLS 1.2\\Client]\r\n\"Enabled\"=dword:00000001\r\n"
                                 "\"DisabledByDefault\"=dword:00000000\r\n",
                                 NULL);
    assert_int_equal(count(p, RULE_ENABLED_BUT_DISABLED_BY_DEFAULT, 5), 1);
    assert_int_equal(count(p, RULE_ENABLED_BUT_DISABLED_BY_DEFAULT, 0), 1);
    assert_int_equal(count(p, RULE_DISABLED_BUT_NOT_BY_DEFAULT, 0), 0);
    parsed_free(p);
}

static void test_final_state_decides(void **state)
{
    (void)state;
    /* Set to 0, then to 1: judged by the final 1, with the first set reported. */
    struct parsed *p = lint_text(HEADER PROTOCOLS "\\SSL 3.0\\Server]\r\n\"Enabled\"=dword:00000000\r\n"
                                 "\"Enabled\"=dword:00000001\r\n",
                                 NULL);
    assert_int_equal(count(p, RULE_WEAK_PROTOCOL_ENABLED, 5), 1);
    assert_int_equal(count(p, RULE_DUPLICATE_VALUE, 5), 1);
    assert_non_null(first(p, RULE_DUPLICATE_VALUE)->fix);
    parsed_free(p);
}

static void test_mirror_and_fix(void **state)
{
    (void)state;
    struct parsed *p = lint_text(HEADER "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319]\r\n"
                                 "\"SchUseStrongCrypto\"=dword:00000001\r\n"
                                 "\"SystemDefaultTlsVersions\"=dword:00000001\r\n",
                                 NULL);
    assert_int_equal(count(p, RULE_WOW64_MIRROR_MISSING, 0), 2);
    const struct diag *d = first(p, RULE_WOW64_MIRROR_MISSING);
    assert_non_null(d->fix);
    assert_int_equal(d->fix->applicability, FIX_UNSAFE);
    assert_non_null(strstr(d->fix->edits[0].text, "Wow6432Node"));
    assert_string_equal(d->anchor_value, "SchUseStrongCrypto");
    assert_int_equal(count(p, RULE_STRONG_CRYPTO_WITHOUT_SYSTEM_DEFAULT, 0), 0);
    parsed_free(p);
}

static void test_target_decides(void **state)
{
    (void)state;
    const char *text = HEADER PROTOCOLS "\\TLS 1.3\\Server]\r\n\"Enabled\"=dword:00000001\r\n";
    struct parsed *p = lint_text(text, "windows-server-2019");
    assert_int_equal(first(p, RULE_PROTOCOL_UNSUPPORTED_ON_TARGET)->severity, SEV_WARNING);
    parsed_free(p);
    p = lint_text(text, "windows-server-2022");
    assert_int_equal(count(p, RULE_PROTOCOL_UNSUPPORTED_ON_TARGET, 0), 0);
    parsed_free(p);
    p = lint_text(text, NULL);
    assert_int_equal(first(p, RULE_PROTOCOL_UNSUPPORTED_ON_TARGET)->severity, SEV_INFO);
    parsed_free(p);
}

static void test_no_protocol_left(void **state)
{
    (void)state;
    const char *text = HEADER PROTOCOLS "\\SSL 3.0\\Client]\r\n\"Enabled\"=dword:00000000\r\n"
                              PROTOCOLS "\\TLS 1.0\\Client]\r\n\"Enabled\"=dword:00000000\r\n"
                              PROTOCOLS "\\TLS 1.1\\Client]\r\n\"Enabled\"=dword:00000000\r\n";
    /* Windows 7 has TLS 1.2 only when asked for: nothing is left. */
    struct parsed *p = lint_text(text, "windows-7-sp1");
    assert_int_equal(first(p, RULE_NO_PROTOCOL_LEFT)->severity, SEV_ERROR);
    parsed_free(p);
    p = lint_text(text, "windows-10");
    assert_int_equal(count(p, RULE_NO_PROTOCOL_LEFT, 0), 0);
    parsed_free(p);
}

static void test_masks(void **state)
{
    (void)state;
    struct parsed *p = lint_text(HEADER "[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings]\r\n"
                                 "\"SecureProtocols\"=dword:00002048\r\n",
                                 NULL);
    assert_int_equal(count(p, RULE_UNKNOWN_PROTOCOL_BITS, 4), 1);
    assert_int_equal(count(p, RULE_WEAK_PROTOCOL_ENABLED, 4), 1);
    assert_int_equal(first(p, RULE_WEAK_PROTOCOL_ENABLED)->severity, SEV_ERROR); /* 0x8: SSL 2.0 */
    assert_int_equal(count(p, RULE_TLS12_DISABLED, 0), 0); /* 0x2000 is TLS 1.3 */
    parsed_free(p);
}

static void test_selection(void **state)
{
    (void)state;
    struct parsed *p = parse_text(HEADER PROTOCOLS "\\TLS 1.2\\Server]\r\n\"Enabled\"=dword:ffffffff\r\n");
    struct lint_options o;
    lint_options_init(&o);
    char list[] = "RL5";
    const char *bad = NULL;
    assert_true(lint_options_select(&o, list, false, &bad));
    char wrong[] = "RL9";
    assert_false(lint_options_select(&o, wrong, false, &bad));
    assert_string_equal(bad, "RL9");
    lint_document(&o, p->src, p->file, &p->diags);
    lint_finish(&o, p->file, &p->diags);
    assert_int_equal(count(p, RULE_ENABLED_NOT_CANONICAL, 0), 0);
    parsed_free(p);
}

/* The rules a word starts, for `reglint rule`'s message: by ID or by name,
 * in any case, and never for the empty word. */
static void test_rule_prefixes(void **state)
{
    (void)state;
    assert_true(rule_starts_with(RULE_WOW64_MIRROR_MISSING, "rl30"));
    assert_true(rule_starts_with(RULE_WOW64_MIRROR_MISSING, "WOW64-"));
    assert_true(rule_starts_with(RULE_WOW64_MIRROR_MISSING, "RL3004"));
    assert_false(rule_starts_with(RULE_WOW64_MIRROR_MISSING, "RL3004x"));
    assert_false(rule_starts_with(RULE_WOW64_MIRROR_MISSING, "mirror"));
    assert_false(rule_starts_with(RULE_WOW64_MIRROR_MISSING, ""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suggest),
        cmocka_unit_test(test_posture_states),
        cmocka_unit_test(test_misspelled_names),
        cmocka_unit_test(test_contradictory_pairs),
        cmocka_unit_test(test_final_state_decides),
        cmocka_unit_test(test_mirror_and_fix),
        cmocka_unit_test(test_target_decides),
        cmocka_unit_test(test_no_protocol_left),
        cmocka_unit_test(test_masks),
        cmocka_unit_test(test_selection),
        cmocka_unit_test(test_rule_prefixes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
