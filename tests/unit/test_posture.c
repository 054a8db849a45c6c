/* The effective table (posture_table) over files applied in order, and the
 * value-by-value comparison of two files (semdiff): each test states the
 * cells or changes it expects and what decided them. */
#include "test_util.h"

#include "model.h"
#include "posture.h"
#include "posture_report.h"
#include "semdiff.h"

#define HEADER "Windows Registry Editor Version 5.00\r\n\r\n"
#define PROTOCOLS                                                                               \
    "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\" \
    "Protocols"
#define WINHTTP                                                                                 \
    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\" \
    "WinHttp]\r\n"
#define NETFX4 "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319]\r\n"
#define WOW64_SOFTWARE "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft\\"
#define WINHTTP_WOW64 \
    WOW64_SOFTWARE "Windows\\CurrentVersion\\Internet Settings\\WinHttp]\r\n"
#define NETFX4_WOW64 WOW64_SOFTWARE ".NETFramework\\v4.0.30319]\r\n"
#define INET_MACHINE_WOW64_KEY \
    WOW64_SOFTWARE "Windows\\CurrentVersion\\Internet Settings]\r\n"

/* Up to three files, each read, modelled and collected as a layer. */
struct layers {
    size_t n;
    struct parsed *parsed[3];
    struct model *models[3];
    struct posture p[3];
};

static void add_layer(struct layers *l, struct parsed *parsed)
{
    l->parsed[l->n] = parsed;
    l->models[l->n] = model_build(parsed->file, parsed->arena, MODEL_AS_REGEDIT);
    posture_collect(l->models[l->n], &l->p[l->n]);
    l->n++;
}

static void layers_free(struct layers *l)
{
    for (size_t i = 0; i < l->n; i++) {
        model_free(l->models[i]);
        parsed_free(l->parsed[i]);
    }
}

static void table_in_view(struct layers *l, const char *target_name, enum view view,
                          struct posture_table *t)
{
    enum target target;
    if (target_name) {
        assert_true(target_by_name(target_name, &target));
        posture_table(l->p, l->n, &target, view, t);
    } else {
        posture_table(l->p, l->n, NULL, view, t);
    }
}

static void table_on(struct layers *l, const char *target_name, struct posture_table *t)
{
    table_in_view(l, target_name, VIEW_NATIVE, t);
}

/* The line of the statement that decided a cell (0: none). */
static uint32_t decided_at(const struct layers *l, const struct posture_cell *c)
{
    if (!c->by.value)
        return 0;
    const struct model *m = l->p[c->by.layer].model;
    uint32_t line, col;
    source_position(m->file->src, model_value_stmt(m, c->by.value)->name_at.start, &line, &col);
    return line;
}

static void expect_cell(const struct layers *l, const struct posture_table *t, enum protocol p,
                        enum component c, enum proto_state state, bool os_default, size_t layer,
                        uint32_t line)
{
    const struct posture_cell *cell = &t->cell[p][c];
    if (cell->state != state || cell->os_default != os_default || decided_at(l, cell) != line ||
        (line && cell->by.layer != layer)) {
        fprintf(stderr, "%s / %s: got %s%s, decided at layer %zu line %u\n",
                protocol_info(p)->display, component_name(c), cell->os_default ? "default " : "",
                proto_state_name(cell->state), cell->by.layer, (unsigned)decided_at(l, cell));
        fail();
    }
}

static void test_schannel_and_defaults(void **state)
{
    (void)state;
    struct layers l = {0};
    add_layer(&l, parse_text(HEADER PROTOCOLS "\\TLS 1.0\\Client]\r\n"
                                              "\"Enabled\"=dword:00000000\r\n"
                                              "\r\n" PROTOCOLS "\\TLS 1.2\\Server]\r\n"
                                              "\"DisabledByDefault\"=dword:00000001\r\n"));
    struct posture_table t;
    table_on(&l, "windows-server-2019", &t);
    expect_cell(&l, &t, PROTO_TLS_1_0, COMP_SCHANNEL_CLIENT, ST_DISABLED, false, 0, 4);
    expect_cell(&l, &t, PROTO_TLS_1_0, COMP_SCHANNEL_SERVER, ST_ENABLED, true, 0, 0);
    expect_cell(&l, &t, PROTO_TLS_1_2, COMP_SCHANNEL_SERVER, ST_DISABLED_BY_DEFAULT, false, 0, 7);
    expect_cell(&l, &t, PROTO_SSL_2_0, COMP_SCHANNEL_CLIENT, ST_UNSUPPORTED, true, 0, 0);
    /* Fully updated Server 2019: WinHTTP's and WinINet's own defaults leave
     * TLS 1.1 out since KB5017811, and the cell says so; the rest of WinHTTP's
     * default is not documented for Server 2019, apart from TLS 1.2. */
    expect_cell(&l, &t, PROTO_TLS_1_1, COMP_WINHTTP, ST_DISABLED, true, 0, 0);
    assert_non_null(t.cell[PROTO_TLS_1_1][COMP_WINHTTP].note);
    expect_cell(&l, &t, PROTO_TLS_1_1, COMP_WININET_USER, ST_DISABLED, true, 0, 0);
    expect_cell(&l, &t, PROTO_TLS_1_2, COMP_WINHTTP, ST_ENABLED, true, 0, 0);
    expect_cell(&l, &t, PROTO_SSL_3_0, COMP_WINHTTP, ST_UNKNOWN, true, 0, 0);
    expect_cell(&l, &t, PROTO_DTLS_1_2, COMP_WINHTTP, ST_UNSUPPORTED, false, 0, 0);
    expect_cell(&l, &t, PROTO_TLS_1_2, COMP_WININET_USER, ST_UNKNOWN, true, 0, 0);
    /* Windows 8.1: WinHTTP's default includes TLS 1.0, but Schannel's client
     * refuses it. */
    table_on(&l, "windows-8.1", &t);
    expect_cell(&l, &t, PROTO_TLS_1_0, COMP_WINHTTP, ST_DISABLED, false, 0, 4);
    expect_cell(&l, &t, PROTO_TLS_1_1, COMP_WINHTTP, ST_ENABLED, true, 0, 0);
    /* Windows 11: WinHTTP's default is TLS 1.2 and TLS 1.3 only. */
    table_on(&l, "windows-11", &t);
    expect_cell(&l, &t, PROTO_TLS_1_3, COMP_WINHTTP, ST_ENABLED, true, 0, 0);
    expect_cell(&l, &t, PROTO_TLS_1_1, COMP_WINHTTP, ST_DISABLED, true, 0, 0);
    expect_cell(&l, &t, PROTO_SSL_3_0, COMP_WINHTTP, ST_DISABLED, true, 0, 0);
    /* Windows 11 24H2: Microsoft's protocols table has TLS 1.0 enabled. */
    table_on(&l, "windows-11-24h2", &t);
    expect_cell(&l, &t, PROTO_TLS_1_0, COMP_SCHANNEL_SERVER, ST_ENABLED, true, 0, 0);
    assert_null(t.cell[PROTO_TLS_1_0][COMP_SCHANNEL_SERVER].note);
    /* No target: a default counts only where every target agrees. */
    table_on(&l, NULL, &t);
    expect_cell(&l, &t, PROTO_TLS_1_0, COMP_SCHANNEL_CLIENT, ST_DISABLED, false, 0, 4);
    expect_cell(&l, &t, PROTO_TLS_1_1, COMP_SCHANNEL_CLIENT, ST_UNKNOWN, true, 0, 0);
    layers_free(&l);
}

static void test_layers_in_order(void **state)
{
    (void)state;
    struct layers l = {0};
    add_layer(&l, parse_text(HEADER PROTOCOLS "\\TLS 1.0\\Client]\r\n"
                                              "\"Enabled\"=dword:00000001\r\n"
                                              "\"DisabledByDefault\"=dword:00000000\r\n"
                                              "\r\n" WINHTTP
                                              "\"DefaultSecureProtocols\"=dword:00000a80\r\n"
                                              "\r\n" NETFX4
                                              "\"SystemDefaultTlsVersions\"=dword:00000001\r\n"));
    /* The change deletes a key above TLS 1.0\Client (which it never opens)
     * and sets WinHTTP again. */
    add_layer(&l, parse_text(HEADER "[-HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\"
                                    "SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0]\r\n"
                                    "\r\n" WINHTTP "\"DefaultSecureProtocols\"=dword:00000800\r\n"));
    /* A third file that says nothing about either leaves them alone. */
    add_layer(&l, parse_text(HEADER NETFX4 "\"SchUseStrongCrypto\"=dword:00000001\r\n"));
    struct posture_table t;
    table_on(&l, "windows-7-sp1", &t);
    expect_cell(&l, &t, PROTO_TLS_1_0, COMP_SCHANNEL_CLIENT, ST_ENABLED, true, 0, 0);
    expect_cell(&l, &t, PROTO_TLS_1_0, COMP_WINHTTP, ST_DISABLED, false, 1, 6);
    /* Windows 7 reads DefaultSecureProtocols only with KB3140245; the
     * table without a target does not say it of every Windows. */
    assert_non_null(t.cell[PROTO_TLS_1_0][COMP_WINHTTP].note);
    struct posture_table any;
    table_on(&l, NULL, &any);
    expect_cell(&l, &any, PROTO_TLS_1_0, COMP_WINHTTP, ST_DISABLED, false, 1, 6);
    assert_null(any.cell[PROTO_TLS_1_0][COMP_WINHTTP].note);
    /* Schannel disables TLS 1.2 only by default on 7: WinHTTP asks for it. */
    expect_cell(&l, &t, PROTO_TLS_1_2, COMP_WINHTTP, ST_ENABLED, false, 1, 6);
    /* .NET 4 follows Schannel (SystemDefaultTlsVersions from layer 0). */
    expect_cell(&l, &t, PROTO_TLS_1_1, COMP_NETFX4, ST_DISABLED_BY_DEFAULT, true, 0, 0);
    /* A deletion through ControlSet001 takes CurrentControlSet's key too. */
    struct layers cs = {0};
    add_layer(&cs, parse_text(HEADER PROTOCOLS "\\SSL 3.0\\Server]\r\n"
                                               "\"Enabled\"=dword:00000000\r\n"));
    add_layer(&cs, parse_text(HEADER "[-HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Control\\"
                                     "SecurityProviders\\SCHANNEL]\r\n"));
    table_on(&cs, "windows-7-sp1", &t);
    expect_cell(&cs, &t, PROTO_SSL_3_0, COMP_SCHANNEL_SERVER, ST_ENABLED, true, 0, 0);
    cs.n = 1;
    table_on(&cs, "windows-7-sp1", &t);
    expect_cell(&cs, &t, PROTO_SSL_3_0, COMP_SCHANNEL_SERVER, ST_DISABLED, false, 0, 4);
    cs.n = 2;
    layers_free(&cs);
    /* Only the first file: its own values decide. */
    l.n = 1;
    table_on(&l, "windows-7-sp1", &t);
    expect_cell(&l, &t, PROTO_TLS_1_0, COMP_SCHANNEL_CLIENT, ST_ENABLED, false, 0, 5);
    expect_cell(&l, &t, PROTO_TLS_1_0, COMP_WINHTTP, ST_ENABLED, false, 0, 8);
    l.n = 3;
    layers_free(&l);
}

static void test_netfx_depends_on_application(void **state)
{
    (void)state;
    struct layers l = {0};
    add_layer(&l, parse_text(HEADER NETFX4 "\"SchUseStrongCrypto\"=dword:00000001\r\n"));
    struct posture_table t;
    table_on(&l, "windows-10", &t);
    /* Strong crypto (4.6 apps) and system defaults (4.7 apps) agree on 1.2. */
    expect_cell(&l, &t, PROTO_TLS_1_2, COMP_NETFX4, ST_ENABLED, false, 0, 0);
    /* TLS 1.3: not with SchUseStrongCrypto alone, yes with system defaults
     * on a target that has it; Windows 10 has not. */
    expect_cell(&l, &t, PROTO_SSL_3_0, COMP_NETFX4, ST_UNKNOWN, true, 0, 0);
    /* .NET 3.5 without SystemDefaultTlsVersions: strong crypto's list. */
    expect_cell(&l, &t, PROTO_TLS_1_2, COMP_NETFX35, ST_DISABLED, true, 0, 0);
    /* .NET 3.5 has no TLS 1.3 even on Windows 11. */
    table_on(&l, "windows-11", &t);
    expect_cell(&l, &t, PROTO_TLS_1_3, COMP_NETFX35, ST_UNSUPPORTED, false, 0, 0);
    layers_free(&l);
}

/* A 32-bit program on a 64-bit Windows reads WinHTTP, .NET and WinINet's
 * machine key from Wow6432Node; SCHANNEL, policies and HKEY_CURRENT_USER
 * are the same in both views. */
static void test_wow64_view(void **state)
{
    (void)state;
    struct layers l = {0};
    add_layer(&l, parse_text(HEADER PROTOCOLS "\\TLS 1.0\\Client]\r\n"
                                              "\"Enabled\"=dword:00000000\r\n"
                                              "\r\n" WINHTTP
                                              "\"DefaultSecureProtocols\"=dword:00000a00\r\n"
                                              "\r\n" WINHTTP_WOW64
                                              "\"DefaultSecureProtocols\"=dword:00000800\r\n"
                                              "\r\n" NETFX4_WOW64
                                              "\"SchUseStrongCrypto\"=dword:00000001\r\n"
                                              "\r\n" INET_MACHINE_WOW64_KEY
                                              "\"SecureProtocols\"=dword:00000080\r\n"));
    struct posture_table native, wow;
    table_on(&l, "windows-10-1507", &native);
    table_in_view(&l, "windows-10-1507", VIEW_WOW64, &wow);
    expect_cell(&l, &native, PROTO_TLS_1_1, COMP_WINHTTP, ST_ENABLED, false, 0, 7);
    expect_cell(&l, &wow, PROTO_TLS_1_1, COMP_WINHTTP, ST_DISABLED, false, 0, 10);
    /* Schannel is shared: its client's TLS 1.0 is off in both views. */
    expect_cell(&l, &wow, PROTO_TLS_1_0, COMP_SCHANNEL_CLIENT, ST_DISABLED, false, 0, 4);
    /* Natively TLS 1.1 depends on the framework an application targets;
     * SchUseStrongCrypto=1 in the 32-bit view gives it to every one. */
    expect_cell(&l, &native, PROTO_TLS_1_1, COMP_NETFX4, ST_UNKNOWN, true, 0, 0);
    expect_cell(&l, &wow, PROTO_TLS_1_1, COMP_NETFX4, ST_ENABLED, false, 0, 0);
    expect_cell(&l, &native, PROTO_TLS_1_2, COMP_WININET_MACHINE, ST_UNKNOWN, true, 0, 0);
    expect_cell(&l, &wow, PROTO_TLS_1_2, COMP_WININET_MACHINE, ST_DISABLED, false, 0, 16);
    expect_cell(&l, &wow, PROTO_TLS_1_2, COMP_WININET_USER, ST_UNKNOWN, true, 0, 0);
    /* A later file that deletes the 64-bit WinHTTP key leaves the 32-bit
     * one; deleting Wow6432Node takes the 32-bit values. */
    add_layer(&l, parse_text(HEADER "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\"
                                    "CurrentVersion\\Internet Settings\\WinHttp]\r\n"));
    table_on(&l, "windows-10-1507", &native);
    table_in_view(&l, "windows-10-1507", VIEW_WOW64, &wow);
    expect_cell(&l, &native, PROTO_TLS_1_1, COMP_WINHTTP, ST_ENABLED, true, 0, 0);
    expect_cell(&l, &wow, PROTO_TLS_1_1, COMP_WINHTTP, ST_DISABLED, false, 0, 10);
    add_layer(&l, parse_text(HEADER "[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node]\r\n"));
    table_in_view(&l, "windows-10-1507", VIEW_WOW64, &wow);
    expect_cell(&l, &wow, PROTO_TLS_1_1, COMP_WINHTTP, ST_ENABLED, true, 0, 0);
    expect_cell(&l, &wow, PROTO_TLS_1_2, COMP_WININET_MACHINE, ST_UNKNOWN, true, 0, 0);
    layers_free(&l);
}

static void test_semdiff(void **state)
{
    (void)state;
    /* OLD in Windows-1252, NEW in UTF-16LE. */
    struct layers l = {0};
    add_layer(&l, parse_text(HEADER WINHTTP "\"DefaultSecureProtocols\"=dword:00000a80\r\n"
                                            "\"Gone\"=\"x\"\r\n"));
    add_layer(&l, parse_utf16(HEADER WINHTTP "\"defaultsecureprotocols\"=dword:00000a00\r\n"
                                             "\r\n" PROTOCOLS "\\TLS 1.0\\Client]\r\n"
                                             "\"Enabled\"=dword:00000000\r\n"));
    struct semdiff d;
    semdiff_models(l.models[0], l.models[1], l.parsed[1]->arena, &d);
    assert_int_equal(d.nchanges, 4);
    assert_int_equal(d.changes[0].kind, CHANGE_CHANGED);
    assert_string_equal(d.changes[0].meaning, "TLS 1.0 removed");
    assert_int_equal(d.changes[1].kind, CHANGE_REMOVED);
    assert_null(d.changes[1].meaning);
    assert_int_equal(d.changes[2].kind, CHANGE_KEY_ADDED);
    /* Only the key a line names is news, not the keys leading to it. */
    assert_string_equal(d.changes[2].key_path,
                        "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\"
                        "SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Client");
    assert_int_equal(d.changes[3].kind, CHANGE_ADDED);
    assert_string_equal(d.changes[3].meaning, "disabled");

    enum target target = TARGET_WINDOWS_10;
    struct posture_table a, b;
    posture_table(&l.p[0], 1, &target, VIEW_NATIVE, &a);
    posture_table(&l.p[1], 1, &target, VIEW_NATIVE, &b);
    semdiff_cells(&a, &b, &d);
    /* TLS 1.0: Schannel client, WinHTTP, WinINet (whose own default for
     * TLS 1.0 depends on the Windows 10 version, but which Schannel's client
     * now refuses) and both .NETs (which ask Schannel's client) change;
     * nothing else. */
    assert_int_equal(d.ncells, 6);
    assert_int_equal(d.cells[0].protocol, PROTO_TLS_1_0);
    assert_int_equal(d.cells[0].component, COMP_SCHANNEL_CLIENT);
    assert_int_equal(d.cells[1].component, COMP_WINHTTP);
    assert_int_equal(d.cells[2].component, COMP_WININET_USER);
    assert_int_equal(d.cells[2].old_cell.state, ST_UNKNOWN);
    assert_int_equal(d.cells[2].new_cell.state, ST_DISABLED);
    assert_int_equal(d.cells[3].component, COMP_WININET_MACHINE);
    assert_int_equal(d.cells[4].component, COMP_NETFX35);
    assert_int_equal(d.cells[5].component, COMP_NETFX4);
    assert_int_equal(d.cells[5].new_cell.state, ST_DISABLED);

    struct semdiff same;
    semdiff_models(l.models[0], l.models[0], l.parsed[0]->arena, &same);
    assert_int_equal(same.nchanges, 0);
    semdiff_free(&same);
    semdiff_free(&d);
    layers_free(&l);
}

static void test_semdiff_deletions(void **state)
{
    (void)state;
    struct layers l = {0};
    add_layer(&l, parse_text(HEADER NETFX4 "\"SchUseStrongCrypto\"=-\r\n"));
    /* The same value deletion spelt in another case, and a key deletion. */
    add_layer(&l, parse_text(HEADER NETFX4 "\"schusestrongcrypto\"=-\r\n"
                                           "\r\n[-HKEY_LOCAL_MACHINE\\SOFTWARE\\Old]\r\n"));
    const struct model *old_model = l.models[0], *new_model = l.models[1];
    struct semdiff d;
    semdiff_models(old_model, new_model, l.parsed[1]->arena, &d);
    assert_int_equal(d.nchanges, 1);
    assert_int_equal(d.changes[0].kind, CHANGE_KEY_DELETED);
    assert_string_equal(d.changes[0].key_path, "HKEY_LOCAL_MACHINE\\SOFTWARE\\Old");
    assert_ptr_equal(d.changes[0].deleted_in, new_model);
    semdiff_free(&d);
    /* The other way round, OLD's deletion is one NEW no longer makes. */
    semdiff_models(new_model, old_model, l.parsed[0]->arena, &d);
    assert_int_equal(d.nchanges, 1);
    assert_int_equal(d.changes[0].kind, CHANGE_KEY_NOT_DELETED);
    semdiff_free(&d);
    layers_free(&l);
}

#define SUITE_POLICY                                                                          \
    "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\" \
    "00010002]\r\n"
#define CIPHERS "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Ciphers"

/* The switches a file sets, as posture prints them, and the suite-order
 * changes between two files: added, removed with the key that disabled
 * it, moved, and the suite offered first per protocol. */
static void test_switches_and_order_changes(void **state)
{
    (void)state;
    struct layers l = {0};
    add_layer(&l, parse_text(HEADER SUITE_POLICY
                             "\"Functions\"=\"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,"
                             "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_RSA_WITH_AES_256_CBC_SHA\"\r\n"));
    add_layer(&l, parse_text(HEADER CIPHERS "\\AES 128/128]\r\n\"Enabled\"=dword:00000000\r\n"
                             CIPHERS "\\AES 256/256]\r\n\"Enabled\"=dword:ffffffff\r\n" SUITE_POLICY
                             "\"Functions\"=\"TLS_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,"
                             "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\"\r\n"));
    struct posture_switch sw[32];
    assert_true(posture_switch_capacity() <= 32);
    size_t n;
    posture_switches(&l.p[1], 1, sw, &n);
    assert_int_equal(n, 2);
    assert_string_equal(sw[0].alg->key, "AES 128/128");
    assert_string_equal(sw[0].state, "disabled");
    assert_string_equal(sw[1].state, "enabled");
    /* A later layer that deletes nothing leaves the earlier switches. */
    posture_switches(l.p, 2, sw, &n);
    assert_int_equal(n, 2);

    enum target t = TARGET_WINDOWS_SERVER_2022;
    struct semdiff d = {0};
    semdiff_orders(&l.p[0], &l.p[1], &t, l.parsed[1]->arena, &d);
    assert_true(semdiff_order_changed(&d.suites));
    /* Used before: ECDHE_128, ECDHE_256, RSA_CBC; after: TLS_AES_256,
     * ECDHE_256 (ECDHE_128 is disabled by AES 128/128). */
    assert_int_equal(d.suites.diff.n, 3);
    assert_int_equal(d.suites.diff.items[0].change, ORDER_ADDED);
    assert_string_equal(d.suites.diff.items[0].name, "TLS_AES_256_GCM_SHA384");
    assert_int_equal(d.suites.diff.items[1].change, ORDER_REMOVED);
    assert_string_equal(d.suites.diff.items[1].name, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    assert_int_equal(d.suites.diff.items[2].change, ORDER_REMOVED);
    /* TLS 1.0 and 1.1 lose their suite, TLS 1.2 and 1.3 get a new first one. */
    assert_int_equal(d.suites.nfirst, 4);
    assert_int_equal(d.suites.first[2].protocol, PROTO_TLS_1_2);
    assert_string_equal(d.suites.first[2].old_name, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    assert_string_equal(d.suites.first[2].new_name, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    assert_null(d.suites.first[3].old_name);
    /* Curves: both left to the default, which does not change. */
    assert_false(semdiff_order_changed(&d.curves));
    semdiff_free(&d);
    /* Without a target, an order left to the default cannot be compared. */
    struct semdiff none = {0};
    struct layers empty = {0};
    add_layer(&empty, parse_text(HEADER));
    semdiff_orders(&l.p[0], &empty.p[0], NULL, l.parsed[0]->arena, &none);
    assert_true(none.suites.needs_target);
    assert_true(semdiff_order_changed(&none.suites));
    assert_int_equal(none.suites.diff.n, 0);
    semdiff_free(&none);
    layers_free(&empty);
    layers_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schannel_and_defaults),
        cmocka_unit_test(test_switches_and_order_changes),
        cmocka_unit_test(test_layers_in_order),
        cmocka_unit_test(test_netfx_depends_on_application),
        cmocka_unit_test(test_wow64_view),
        cmocka_unit_test(test_semdiff),
        cmocka_unit_test(test_semdiff_deletions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
