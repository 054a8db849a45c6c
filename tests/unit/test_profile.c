/* Unit tests for the profile language: every PF code with its message and
 * location, the policy a profile resolves to, and gen's plan. */
#define _POSIX_C_SOURCE 200809L
#include "test_util.h"

#include "gen.h"
#include "profile.h"
#include "profparse.h"
#include "suites.h"
#include "text.h"

/* Loads `text` as "t.profile". */
static enum profile_status load(const char *text, struct profile *p)
{
    return profile_load_text("t.profile", text, strlen(text), p);
}

static void print_profile_diags(const struct profile *p)
{
    for (size_t i = 0; i < p->diags.n; i++) {
        const struct diag *d = p->diags.items[i];
        uint32_t line, col;
        source_position(d->src, d->at.start, &line, &col);
        fprintf(stderr, "  %s:%u:%u: %s [%s]\n", d->src->name, (unsigned)line, (unsigned)col,
                d->message, d->code);
    }
}

/* Asserts that loading `text` fails with exactly one finding: `code` at
 * line:col, its message containing `text_in_message`. */
static void expect_error(const char *text, const char *code, uint32_t line, uint32_t col,
                         const char *text_in_message)
{
    struct profile p;
    enum profile_status status = load(text, &p);
    bool ok = status == PROFILE_INVALID && p.diags.n == 1;
    if (ok) {
        const struct diag *d = p.diags.items[0];
        uint32_t l, c;
        source_position(d->src, d->at.start, &l, &c);
        ok = strcmp(d->code, code) == 0 && l == line && c == col &&
             strstr(d->message, text_in_message) != NULL && d->severity == SEV_ERROR;
    }
    if (!ok) {
        fprintf(stderr, "expected only %s at %u:%u with '%s' for:\n%s\ngot status %d:\n", code,
                (unsigned)line, (unsigned)col, text_in_message, text, (int)status);
        print_profile_diags(&p);
    }
    profile_release(&p);
    assert_true(ok);
}

/* Asserts that the first finding's first help line contains `help`. */
static void expect_help(const char *text, const char *help)
{
    struct profile p;
    load(text, &p);
    bool ok = p.diags.n >= 1 && p.diags.items[0]->nhelp >= 1 &&
              strstr(p.diags.items[0]->help[0], help) != NULL;
    if (!ok)
        print_profile_diags(&p);
    profile_release(&p);
    assert_true(ok);
}

#define PROFILE(body) "profile \"t\" {\n" body "}\n"

static void test_syntax_errors(void **state)
{
    (void)state;
    expect_error("profile \"t\" {\n  protocl tls1.2 enable\n}\n", "PF1001", 2, 3,
                 "syntax error: 'protocl' is not a keyword");
    expect_help("profile \"t\" {\n  protocl tls1.2 enable\n}\n", "did you mean 'protocol'?");
    expect_error(PROFILE("  protocol tls1.2 enable\n}\n"), "PF1001", 4, 1,
                 "syntax error: unexpected '}'");
    expect_error(PROFILE("  description \"open\n"), "PF1002", 2, 15,
                 "unterminated string: a string ends on the line where it starts");
    expect_error(PROFILE("  description \"\\u{d800}\"\n"), "PF1003", 2, 16,
                 "invalid escape: '\\u{d800}' is not a Unicode character");
    expect_error(PROFILE("  protocol tls1.2 enable ;\n"), "PF1004", 2, 26, "invalid character: ';'");
    expect_error(PROFILE("  protocol tls1.2 enable \x01\n"), "PF1004", 2, 26,
                 "invalid character: '\\x01'");
    expect_error(PROFILE("\x7f"), "PF1004", 2, 1, "invalid character: '\\x7f'");
    expect_error("profile \"t\" {\n  lint {\n    ignore RL5001\n", "PF1005", 2, 8,
                 "unclosed block: '{' has no matching '}'");
    expect_error(PROFILE("  send-extra-record 99999999999999999999\n"), "PF1006", 2, 21,
                 "invalid number: '99999999999999999999' does not fit in 64 bits");
    expect_error(PROFILE("  description \"caf\xE9\"\n"), "PF1007", 2, 19,
                 "invalid UTF-8: byte 0xe9; a profile is UTF-8 text");
    expect_error(PROFILE("  target\n"), "PF1008", 2, 3,
                 "missing argument: 'target' needs a Windows version");
    expect_error(PROFILE("  arch x64 x86\n"), "PF1009", 2, 12,
                 "unexpected argument: 'x86' is not an argument of 'arch'");
    expect_error(PROFILE("  value \"x\" dword 1\n"), "PF1010", 2, 3,
                 "misplaced statement: 'value' belongs in a 'key");
    expect_error(PROFILE("  ignore RL5001\n"), "PF1010", 2, 3, "belongs in a 'lint { }' block");
    expect_error("protocol tls1.2 enable\n", "PF1010", 1, 1,
                 "a profile file starts with 'profile \"NAME\" {'");
    expect_error("", "PF1001", 1, 1, "no 'profile \"NAME\" { ... }'");
}

/* Blocks nest up to PROF_MAX_NESTING deep; the brace past it is the error. */
static void test_nesting_limit(void **state)
{
    (void)state;
    struct buf text = BUF_INIT;
    buf_puts(&text, "profile \"t\" {\n");
    for (int i = 1; i < PROF_MAX_NESTING; i++)
        buf_puts(&text, "key \"HKCU\\x\" {");
    struct buf deeper = BUF_INIT;
    buf_printf(&deeper, "%skey \"HKCU\\x\" {\n", text.data);
    for (int i = 0; i < PROF_MAX_NESTING; i++)
        buf_puts(&text, "}");
    /* At the limit, parsing goes on: the error is about meaning. */
    struct profile p;
    assert_int_equal(load(text.data, &p), PROFILE_INVALID);
    assert_string_equal(p.diags.items[0]->code, "PF1010");
    profile_release(&p);
    expect_error(deeper.data, "PF1001", 2, (PROF_MAX_NESTING - 1) * 14 + 14,
                 "syntax error: blocks nested more than 64 deep");
    buf_free(&text);
    buf_free(&deeper);
}

static void test_meaning_errors(void **state)
{
    (void)state;
    expect_error(PROFILE("  protocol tls12 enable\n"), "PF2001", 2, 12, "unknown protocol: 'tls12'");
    expect_help(PROFILE("  protocol tls12 enable\n"), "did you mean 'tls1.2'?");
    expect_error(PROFILE("  target windows-12\n"), "PF2002", 2, 10, "unknown target: 'windows-12'");
    expect_error(PROFILE("  cipher \"AES 128/182\" disable\n"), "PF2003", 2, 10,
                 "unknown algorithm: 'AES 128/182' is not a cipher");
    expect_help(PROFILE("  cipher \"AES 128/182\" disable\n"), "did you mean 'AES 128/128'?");
    expect_error(PROFILE("  hash md5 disabel\n"), "PF2003", 2, 12, "'disabel' is not a hash");
    expect_error(PROFILE("  cipher md5 disable\n"), "PF2003", 2, 10, "'md5' is a hash, not a cipher");
    expect_error(PROFILE("  protocol tls1.2 enable clinet\n"), "PF2004", 2, 26,
                 "unknown argument: 'clinet'; expected client or server");
    expect_error(PROFILE("  protocol tls1.0 enable\n  protocol tls1.0 disable server\n"), "PF2005",
                 3, 3, "conflicting settings: protocol tls1.0 server is already set differently at line 2");
    expect_error(PROFILE("  target windows-10\n  target windows-11\n"), "PF2005", 3, 3,
                 "target is already set differently at line 2");
    expect_error(PROFILE("  target windows-server-2019\n  protocol tls1.3 enable\n"), "PF2006", 3, 3,
                 "protocol not available on target: Windows Server 2019 has no TLS 1.3");
    /* The same protocol disabled, or enabled on a target that has it, is fine. */
    struct profile p;
    assert_int_equal(load(PROFILE("  target windows-server-2019\n  protocol tls1.3 disable\n"), &p),
                     PROFILE_OK);
    profile_release(&p);
    assert_int_equal(load(PROFILE("  target windows-server-2022\n  protocol tls1.3 enable\n"), &p),
                     PROFILE_OK);
    profile_release(&p);

    struct buf text = BUF_INIT;
    /* Names the catalogue knows (an unknown one is PF2014), 1023 characters and more. */
    buf_puts(&text, "profile \"t\" {\n  cipher-suites");
    size_t nsuites, listed = 0;
    const struct suite_info *all = suites_all(&nsuites);
    for (size_t i = 0; i < nsuites && listed <= 1023; i++) {
        buf_printf(&text, " %s", all[i].name);
        listed += strlen(all[i].name) + (i > 0);
    }
    buf_puts(&text, "\n}\n");
    char message[96];
    snprintf(message, sizeof message,
             "cipher-suite list too long: %zu characters; Windows reads at most 1023", listed);
    expect_error(text.data, "PF2007", 2, 3, message);
    buf_free(&text);

    expect_error(PROFILE("  extends \"./t.profile\"\n"), "PF2008", 2, 11,
                 "extends cycle: 't.profile' extends itself");
    expect_error(PROFILE("  extends \"strictt\"\n"), "PF2009", 2, 11,
                 "unknown profile: no built-in template 'strictt'");
    expect_help(PROFILE("  extends \"strictt\"\n"), "did you mean 'strict'?");
    expect_error(PROFILE("  extends \"./no-such-file.profile\"\n"), "PF2009", 2, 11,
                 "cannot read 'no-such-file.profile'");
    expect_error(PROFILE("  lint { ignore weak-hash-enabld }\n"), "PF2010", 2, 17,
                 "unknown rule: 'weak-hash-enabld'");
    expect_help(PROFILE("  lint { ignore weak-hash-enabld }\n"), "did you mean 'weak-hash-enabled'?");
    expect_error(PROFILE("  key \"HKXX\\Software\" { }\n"), "PF2011", 2, 7,
                 "invalid key path: unknown root key");
    expect_error(PROFILE("  key \"HKCU\\a\\u{a}[HKEY_LOCAL_MACHINE\\x]\" { }\n"), "PF2011", 2, 7,
                 "a key name cannot hold a line break or NUL");
    expect_error(PROFILE("  key \"HKCU\\x\" { value \"a\\u{0}b\" dword 1 }\n"), "PF2012", 2, 24,
                 "the value name holds a NUL");
    expect_error(PROFILE("  key \"HKCU\\x\" { value \"a\" string \"1\\u{d}\\u{a}2\" }\n"), "PF2012", 2,
                 35, "a string value holds a line break");
    expect_error(PROFILE("  description \"a\\u{9}b\"\n"), "PF2012", 2, 15,
                 "'description' is one line of text");
    /* A message quotes at most 40 code points of an argument, however long. */
    buf_puts(&text, "profile \"t\" {\n  target ");
    buf_fill(&text, 'w', 100000);
    buf_puts(&text, "\n}\n");
    expect_error(text.data, "PF2002", 2, 10,
                 "unknown target: 'wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww...'");
    buf_free(&text);
    /* Windows' limit on value names, in UTF-16 code units: U+1F600 takes two. */
    buf_puts(&text, "profile \"t\" {\n  key \"HKCU\\x\" { value \"");
    for (int i = 0; i < 8192; i++)
        buf_puts(&text, "\xF0\x9F\x98\x80");
    buf_puts(&text, "\" dword 1 }\n}\n");
    expect_error(text.data, "PF2012", 2, 24,
                 "a value name of 16384 characters; Windows refuses names longer than 16383");
    buf_free(&text);
    expect_error(PROFILE("  send-extra-record 3\n"), "PF2013", 2, 21, "value out of range");
    expect_error(PROFILE("  key-exchange dh min-key-length 100\n"), "PF2013", 2, 3,
                 "a key length of 100 bits");
    expect_error(PROFILE("  key \"HKCU\\x\" { value \"a\" dword 0x100000000 }\n"), "PF2013", 2, 18,
                 "a dword holds at most 0xffffffff");
    expect_error(PROFILE("  cipher-suites TLS_AES_128_GCM_SHA256 \"TLS B\"\n"), "PF2014", 2, 40,
                 "invalid name: 'TLS B'; cipher-suite names are letters");
    expect_error(PROFILE("  cipher-suites TLS_AES_128_GCM_SHA265\n"), "PF2014", 2, 17,
                 "invalid name: 'TLS_AES_128_GCM_SHA265' is no cipher suite any Windows version knows");
    expect_help(PROFILE("  cipher-suites TLS_AES_128_GCM_SHA265\n"), "did you mean 'TLS_AES_128_GCM_SHA256'?");
    expect_error(PROFILE("  ecc-curves curve25519 brainpoolP265r1\n"), "PF2014", 2, 25,
                 "invalid name: 'brainpoolP265r1' is no curve any Windows version knows");
    expect_error(PROFILE("  ecc-curves NistP256 nistp256\n"), "PF2014", 2, 23, "listed twice");
    expect_error(PROFILE("  winhttp default-secure-protocols dtls1.2\n"), "PF2015", 2, 36,
                 "protocol has no bit: DTLS 1.2 has no DefaultSecureProtocols bit");
    expect_error(PROFILE("  key-exchange pkcs min-key-length 2048 server\n"), "PF2016", 2, 3,
                 "PKCS has no server minimum key length");
    expect_error(PROFILE("  key-exchange ecdh min-key-length 2048\n"), "PF2016", 2, 3,
                 "ECDH has no key length values");
}

/* A problem in an extended file is reported in that file. */
static void test_errors_in_extended_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/reglint-profile-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char base[64], child[64];
    snprintf(base, sizeof base, "%s/base.profile", dir);
    snprintf(child, sizeof child, "%s/child.profile", dir);
    FILE *f = fopen(base, "w");
    assert_non_null(f);
    fputs("profile \"base\" {\n  protocol tls1.4 enable\n}\n", f);
    fclose(f);
    f = fopen(child, "w");
    assert_non_null(f);
    fputs("profile \"child\" {\n  extends \"base.profile\"\n}\n", f);
    fclose(f);
    struct profile p;
    assert_int_equal(profile_load(child, &p), PROFILE_INVALID);
    assert_int_equal(p.diags.n, 1);
    const struct diag *d = p.diags.items[0];
    uint32_t line, col;
    source_position(d->src, d->at.start, &line, &col);
    assert_string_equal(d->src->name, base);
    assert_int_equal(line, 2);
    assert_int_equal(col, 12);
    assert_string_equal(d->code, "PF2001");
    profile_release(&p);
    remove(base);
    remove(child);
    remove(dir);
}

static void test_every_pf_code_is_tested(void **state)
{
    (void)state;
    /* The codes above, PF1001 to PF1010 and PF2001 to PF2016, and gen's
     * PF2017 and PF2018 (test_suite_rules): a new code without a test fails
     * here. */
    for (int code = PF_SYNTAX; code < PF_COUNT; code++) {
        const char *s = pf_code_string((enum pf_code)code);
        int n = atoi(s + 2);
        assert_true((n >= 1001 && n <= 1010) || (n >= 2001 && n <= 2018));
    }
    assert_int_equal(PF_COUNT, 28);
}

static void test_policy_from_a_profile(void **state)
{
    (void)state;
    struct profile p;
    assert_int_equal(load(PROFILE("  description \"d\"\n  target windows-7-sp1\n  arch x86\n"
                                  "  protocol ssl3 tls1.0 disable server\n"
                                  "  wininet secure-protocols tls1.2 tls1.1\n"
                                  "  lint { fail-on info select RL4 ignore RL5001 "
                                  "severity RL4001 weak-hash-enabled = style }\n"),
                          &p),
                     PROFILE_OK);
    const struct policy *pol = p.policy;
    assert_string_equal(pol->name, "t");
    assert_string_equal(pol->description, "d");
    assert_null(pol->source);
    assert_true(pol->has_target);
    assert_int_equal(pol->target, TARGET_WINDOWS_7_SP1);
    assert_int_equal(pol->arch, ARCH_X86);
    /* ssl3 server, tls1.0 server, wininet user and machine: in the order named. */
    assert_int_equal(pol->nsettings, 4);
    assert_int_equal(pol->settings[0].kind, PS_PROTOCOL);
    assert_int_equal(pol->settings[0].subject.protocol.protocol, PROTO_SSL_3_0);
    assert_int_equal(pol->settings[0].subject.protocol.role, ROLE_SERVER);
    assert_int_equal(pol->settings[0].action, PA_DISABLE);
    assert_int_equal(pol->settings[1].subject.protocol.protocol, PROTO_TLS_1_0);
    assert_int_equal(pol->settings[2].kind, PS_WININET);
    assert_int_equal(pol->settings[2].subject.scope, SCOPE_USER);
    assert_int_equal(pol->settings[2].number, 0xA00);
    assert_int_equal(pol->settings[3].subject.scope, SCOPE_MACHINE);
    assert_true(pol->lint.has_fail_on);
    assert_int_equal(pol->lint.fail_on, SEV_INFO);
    assert_int_equal(pol->lint.nselect, 1);
    assert_string_equal(pol->lint.select[0].selector, "RL4");
    assert_int_equal(pol->lint.nignore, 1);
    assert_int_equal(pol->lint.noverrides, 2);
    assert_string_equal(pol->lint.overrides[1].selector, "weak-hash-enabled");
    assert_int_equal(pol->lint.overrides[1].severity, SEV_STYLE);
    profile_release(&p);
}

/* A profile that extends another changes its settings in place and adds the rest. */
static void test_extends_overrides_in_place(void **state)
{
    (void)state;
    struct profile p;
    assert_int_equal(load(PROFILE("  extends \"tls12-only\"\n  protocol tls1.0 default client\n"
                                  "  send-extra-record 2\n"),
                          &p),
                     PROFILE_OK);
    const struct policy *pol = p.policy;
    struct policy_setting like = {.kind = PS_PROTOCOL};
    like.subject.protocol.protocol = PROTO_TLS_1_0;
    like.subject.protocol.role = ROLE_CLIENT;
    const struct policy_setting *s = policy_find(pol, &like);
    assert_non_null(s);
    assert_int_equal(s->action, PA_DEFAULT);
    /* In the parent's place: ssl2 c/s, ssl3 c/s, then tls1.0 client. */
    assert_ptr_equal(s, &pol->settings[4]);
    like.subject.protocol.role = ROLE_SERVER;
    assert_int_equal(policy_find(pol, &like)->action, PA_DISABLE);
    assert_int_equal(pol->settings[pol->nsettings - 1].kind, PS_SEND_EXTRA_RECORD);
    assert_string_equal(pol->name, "t");
    profile_release(&p);
}

static void test_every_template_loads_under_its_name(void **state)
{
    (void)state;
    assert_true(builtin_templates_count >= 8);
    for (size_t i = 0; i < builtin_templates_count; i++) {
        struct profile p;
        enum profile_status status = profile_load(builtin_templates[i].name, &p);
        if (status != PROFILE_OK)
            print_profile_diags(&p);
        assert_int_equal(status, PROFILE_OK);
        assert_string_equal(p.policy->name, builtin_templates[i].name);
        assert_non_null(p.policy->description);
        assert_non_null(p.policy->source);
        profile_release(&p);
    }
}

/* The Easy fix writes four values and nothing else. */
static void test_easyfix_plan(void **state)
{
    (void)state;
    struct profile p;
    assert_int_equal(profile_load("easyfix-kb3140245", &p), PROFILE_OK);
    struct gen_plan *plan = gen_plan(p.policy, p.arena, &p.diags);
    assert_non_null(plan);
    static const char *const keys[] = {KEY_WINHTTP, KEY_WINHTTP_WOW64, KEY_WININET_USER,
                                       KEY_WININET_MACHINE};
    static const uint32_t values[] = {0xA00, 0xA00, 0xA80, 0xA80};
    assert_int_equal(plan->nkeys, 4);
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(plan->keys[i].path, keys[i]);
        assert_int_equal(plan->keys[i].nops, 1);
        assert_int_equal(plan->keys[i].ops[0].kind, OP_DWORD);
        assert_int_equal(plan->keys[i].ops[0].number, values[i]);
    }
    profile_release(&p);
}

/* gen's output read back by the reader gives the values asked for. */
static void test_gen_round_trips_through_the_reader(void **state)
{
    (void)state;
    struct profile p;
    assert_int_equal(load(PROFILE("  key \"HKCU\\Software\\a]b\" {\n"
                                  "    value \"q\\\"\\\\\" string \"x\\\\\\\"]\"\n  }\n"),
                          &p),
                     PROFILE_OK);
    struct gen_plan *plan = gen_plan(p.policy, p.arena, &p.diags);
    assert_non_null(plan);
    struct buf out = BUF_INIT;
    assert_int_equal(gen_render(plan, GEN_APPLY, TEXT_UTF8, &out), 0);
    struct parsed *reg = parse_bytes(out.data, out.len);
    expect_clean(reg);
    assert_int_equal(reg->file->nstmts, 2);
    const struct reg_stmt *key = &reg->file->stmts[0];
    assert_int_equal(key->kind, REG_STMT_KEY);
    assert_string_equal(reg_key_path_string(reg->arena, reg->file, &key->as.key),
                        "HKEY_CURRENT_USER\\Software\\a]b");
    const struct reg_value_stmt *v = &reg->file->stmts[1].as.value;
    struct reg_name name = reg_value_name(reg->file, v);
    assert_int_equal(name.len, 3);
    assert_memory_equal(name.s, "q\"\\", 3);
    assert_int_equal(v->len, 4);
    assert_memory_equal(reg_value_text(reg->file, v), "x\\\"]", 4);
    parsed_free(reg);
    buf_free(&out);
    profile_release(&p);
}

/* The codes and places of gen_plan()'s findings for a profile, "PF2017@6:5 ...". */
static char *plan_findings(const char *text)
{
    struct profile p;
    assert_int_equal(load(text, &p), PROFILE_OK);
    static char out[512];
    out[0] = '\0';
    if (!gen_plan(p.policy, p.arena, &p.diags)) {
        for (size_t i = 0; i < p.diags.n; i++) {
            uint32_t line, col;
            source_position(p.diags.items[i]->src, p.diags.items[i]->at.start, &line, &col);
            size_t len = strlen(out);
            snprintf(out + len, sizeof out - len, "%s%s@%u:%u", len ? " " : "", p.diags.items[i]->code,
                     (unsigned)line, (unsigned)col);
        }
    }
    profile_release(&p);
    return out;
}

/* cipher-suites require|forbid: the policy they make, the order gen writes,
 * a list checked against them (PF2017), a protocol left without a usable
 * suite (PF2018), and their mistakes. */
static void test_suite_rules(void **state)
{
    (void)state;
    struct profile p;
    assert_int_equal(load(PROFILE("  target windows-server-2022\n"
                                  "  protocol tls1.0 tls1.1 disable\n"
                                  "  cipher-suites require forward-secrecy tls1.3-first\n"
                                  "  cipher-suites forbid cbc tls_dhe_rsa_with_aes_256_gcm_sha384\n"
                                  "  cipher \"AES 128/128\" disable\n"),
                          &p),
                     PROFILE_OK);
    const struct policy *pol = p.policy;
    assert_int_equal(pol->nsettings, 4 + 4 + 1);
    assert_int_equal(pol->settings[4].kind, PS_SUITE_RULE);
    assert_int_equal(pol->settings[4].subject.suite_rule.rule, SR_FORWARD_SECRECY);
    assert_int_equal(pol->settings[6].subject.suite_rule.rule, SR_NO_CBC);
    assert_int_equal(pol->settings[7].subject.suite_rule.rule, SR_NO_SUITE);
    /* The catalogue's spelling. */
    assert_string_equal(pol->settings[7].subject.suite_rule.name, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");
    struct gen_plan *plan = gen_plan(pol, p.arena, &p.diags);
    assert_non_null(plan);
    const struct gen_op *functions = NULL;
    for (size_t k = 0; k < plan->nkeys; k++)
        for (size_t i = 0; i < plan->keys[k].nops; i++)
            if (strcmp(plan->keys[k].ops[i].name, "Functions") == 0)
                functions = &plan->keys[k].ops[i];
    assert_non_null(functions);
    /* Windows Server 2022's order less CBC, RSA key exchange, AES 128 and the
     * one named; TLS 1.3 first. */
    assert_string_equal(functions->strings[0], "TLS_AES_256_GCM_SHA384,"
                                               "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,"
                                               "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    profile_release(&p);

    /* A list that breaks the rules: at the suites. */
    assert_string_equal(plan_findings(PROFILE("  target windows-server-2022\n"
                                              "  cipher-suites require tls1.3-first\n"
                                              "  cipher-suites forbid rsa-key-exchange\n"
                                              "  cipher-suites TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\n"
                                              "    TLS_AES_256_GCM_SHA384 TLS_RSA_WITH_AES_256_GCM_SHA384\n")),
                        "PF2017@6:5 PF2017@6:28");
    /* TLS 1.2, on by default, with TLS 1.3 suites only; TLS 1.0 left on by
     * default may lose its suites. */
    assert_string_equal(plan_findings(PROFILE("  target windows-server-2022\n"
                                              "  cipher-suites TLS_AES_256_GCM_SHA384\n")),
                        "PF2018@3:3");
    /* An enabled TLS 1.0 must keep one. */
    assert_string_equal(plan_findings(PROFILE("  target windows-server-2022\n"
                                              "  protocol tls1.0 enable\n"
                                              "  cipher-suites TLS_AES_256_GCM_SHA384\n"
                                              "    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\n")),
                        "PF2018@4:3");
    /* Rules and settings that rule out everything TLS 1.2 and 1.3 have on
     * the target: one finding each, at the first rule. */
    assert_string_equal(plan_findings(PROFILE("  target windows-server-2022\n"
                                              "  cipher-suites require aead\n"
                                              "  cipher \"AES 256/256\" \"AES 128/128\" disable\n")),
                        "PF2018@3:3 PF2018@3:3");
    /* Rules and 'default' contradict each other. */
    assert_string_equal(plan_findings(PROFILE("  cipher-suites forbid weak\n  cipher-suites default\n")),
                        "PF2005@3:3");
    expect_error(PROFILE("  cipher-suites require aed\n"), "PF2004", 2, 25, "aead");
    expect_help(PROFILE("  cipher-suites forbid TLS_RSA_WITH_AES_256_CBC_SHAA\n"),
                "TLS_RSA_WITH_AES_256_CBC_SHA");
    expect_error(PROFILE("  cipher-suites forbid\n"), "PF1008", 2, 3, "after 'forbid'");
    expect_error(PROFILE("  cipher-suites require cbc\n"), "PF2004", 2, 25, "forward-secrecy");
}

/* The index finds every item added with a hash, and only those. */
static void test_policy_index(void **state)
{
    (void)state;
    struct arena *arena = arena_new();
    struct policy_index index = {0};
    size_t cursor = 0, item;
    assert_false(policy_index_next(&index, 7, &cursor, &item));
    /* Enough items to grow it several times; hashes collide in pairs. */
    for (size_t i = 0; i < 1000; i++)
        policy_index_add(arena, &index, (uint32_t)(i / 2), i);
    for (uint32_t h = 0; h < 500; h++) {
        size_t seen = 0;
        cursor = 0;
        while (policy_index_next(&index, h, &cursor, &item)) {
            assert_int_equal(item / 2, h);
            seen |= (size_t)1 << (item % 2);
        }
        assert_int_equal(seen, 3);
    }
    cursor = 0;
    assert_false(policy_index_next(&index, 500, &cursor, &item));
    arena_free(arena);
}

/* Names that Windows takes for one (any case, non-ASCII letters too) hash
 * alike, so settings and gen's values are still found by subject. */
static void test_subjects_are_found_in_any_case(void **state)
{
    (void)state;
    assert_int_equal(text_name_hash(0, "HKEY_LOCAL_MACHINE\\Ä\\Ωb", strlen("HKEY_LOCAL_MACHINE\\Ä\\Ωb")),
                     text_name_hash(0, "hkey_local_machine\\ä\\ωB", strlen("hkey_local_machine\\ä\\ωB")));
    /* Many keys, then the first again in other letters and another value. */
    struct buf text = BUF_INIT;
    buf_puts(&text, "profile \"t\" {\n  key \"HKLM\\SOFTWARE\\Ä0\" { value \"Vé\" dword 1 }\n");
    for (int i = 1; i < 3000; i++)
        buf_printf(&text, "  key \"HKLM\\SOFTWARE\\Ä%d\" { value \"Vé\" dword 1 }\n", i);
    buf_puts(&text, "  key \"hklm\\software\\ä0\" { value \"vÉ\" dword 2 }\n}\n");
    expect_error(text.data, "PF2005", 3002, 28, "is already set differently at line 2");
    buf_free(&text);
    struct profile p;
    /* A raw value and a directive that write one value are a conflict in gen. */
    assert_int_equal(load(PROFILE("  send-extra-record 2\n"
                                  "  key \"hklm\\system\\currentcontrolset\\control\\securityproviders\\"
                                  "schannel\" { value \"SENDEXTRARECORD\" dword 2 }\n"),
                          &p),
                     PROFILE_OK);
    assert_null(gen_plan(p.policy, p.arena, &p.diags));
    assert_int_equal(p.diags.n, 1);
    assert_string_equal(p.diags.items[0]->code, "PF2005");
    profile_release(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_syntax_errors),
        cmocka_unit_test(test_nesting_limit),
        cmocka_unit_test(test_meaning_errors),
        cmocka_unit_test(test_suite_rules),
        cmocka_unit_test(test_errors_in_extended_files),
        cmocka_unit_test(test_every_pf_code_is_tested),
        cmocka_unit_test(test_policy_from_a_profile),
        cmocka_unit_test(test_extends_overrides_in_place),
        cmocka_unit_test(test_every_template_loads_under_its_name),
        cmocka_unit_test(test_easyfix_plan),
        cmocka_unit_test(test_gen_round_trips_through_the_reader),
        cmocka_unit_test(test_policy_index),
        cmocka_unit_test(test_subjects_are_found_in_any_case),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
