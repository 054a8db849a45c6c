/* Unit tests for polwrite.c: the operations a file or a plan gives, and the
 * bytes or the refusal of each writer. */
#include "test_util.h"

#include "model.h"
#include "polwrite.h"

/* One operation by hand: under HKEY_LOCAL_MACHINE unless `root` says. */
static struct polop op_of(enum polop_kind kind, const char *key, const char *name, uint32_t type,
                          const void *data, size_t len)
{
    return (struct polop){kind, REG_ROOT_HKLM, key, name, strlen(name), type, data, len};
}

static struct polop_list list_of(struct polop *ops, size_t n)
{
    return (struct polop_list){ops, n, n};
}

static void message_has(const char *message, const char *part)
{
    if (!message || !strstr(message, part)) {
        fprintf(stderr, "message: %s\nexpected to hold: %s\n", message ? message : "(none)", part);
        fail();
    }
}

/* Names point into the text they were read from: not NUL-terminated. */
static void name_equal(const struct polop *op, const char *want)
{
    assert_int_equal(op->name_len, strlen(want));
    assert_memory_equal(op->name, want, op->name_len);
}

static void test_model_gives_key_deletions_first_then_what_is_left(void **state)
{
    (void)state;
    struct parsed *p = parse_text("Windows Registry Editor Version 5.00\n\n"
                                  "[HKEY_LOCAL_MACHINE\\S\\A]\n\"x\"=dword:00000001\n\n"
                                  "[-HKEY_LOCAL_MACHINE\\S\\A]\n\n"
                                  "[HKEY_LOCAL_MACHINE\\S\\A]\n\"y\"=\"t\"\n\"z\"=-\n\n"
                                  "[HKEY_CURRENT_USER\\S\\Empty]\n");
    struct model *m = model_build(p->file, p->arena, MODEL_AS_REGEDIT);
    struct polop_list ops = {0};
    polops_from_model(m, p->arena, &ops);
    assert_int_equal(ops.n, 4);
    /* The deletion, whatever came before it: the file leaves A without x. */
    assert_int_equal(ops.items[0].kind, POLOP_DELETE_KEY);
    assert_string_equal(ops.items[0].key, "S\\A");
    /* x was taken by the key's deletion: nothing of it is left to write. */
    assert_int_equal(ops.items[1].kind, POLOP_SET);
    name_equal(&ops.items[1], "y");
    assert_int_equal(ops.items[1].type, REG_TYPE_SZ);
    assert_int_equal(ops.items[1].len, 4);
    assert_memory_equal(ops.items[1].data, "t\0\0\0", 4);
    assert_int_equal(ops.items[2].kind, POLOP_DELETE_VALUE);
    name_equal(&ops.items[2], "z");
    assert_int_equal(ops.items[3].kind, POLOP_CREATE_KEY);
    assert_int_equal(ops.items[3].root, REG_ROOT_HKCU);
    /* The keys S, which no line names, have no operation of their own. */
    assert_string_equal(ops.items[3].key, "S\\Empty");
    model_free(m);
    parsed_free(p);
}

static void test_pol_bytes_follow_ms_gpreg(void **state)
{
    (void)state;
    static const unsigned char one[] = {1, 0, 0, 0};
    struct polop ops[] = {
        op_of(POLOP_SET, "A\\B", "V", REG_TYPE_DWORD, one, 4),
        op_of(POLOP_DELETE_VALUE, "A\\B", "D", 0, NULL, 0),
        op_of(POLOP_DELETE_KEY, "A\\B", "", 0, NULL, 0),
    };
    ops[2].name_len = 0;
    struct polop_list list = list_of(ops, 3);
    struct arena *arena = arena_new();
    struct buf out = BUF_INIT, want = BUF_INIT;
    assert_null(polwrite_pol(&list, REG_ROOT_HKLM, arena, &out));
    buf_append(&want, "PReg\1\0\0\0", 8);
    /* [A\B<NUL>;V<NUL>;<REG_DWORD>;<4>;<1>] */
    put_utf16(&want, "[A\\B");
    buf_append(&want, "\0\0", 2);
    put_utf16(&want, ";V");
    buf_append(&want, "\0\0;\0\4\0\0\0;\0\4\0\0\0;\0\1\0\0\0]\0", 22);
    /* [A\B<NUL>;**del.D<NUL>;<REG_SZ>;<4>;" "] */
    put_utf16(&want, "[A\\B");
    buf_append(&want, "\0\0", 2);
    put_utf16(&want, ";**del.D");
    buf_append(&want, "\0\0;\0\1\0\0\0;\0\4\0\0\0;\0 \0\0\0]\0", 22);
    /* The deletion of A\B names B in its parent A: [A<NUL>;**DeleteKeys<NUL>;<REG_SZ>;<4>;B<NUL>] */
    put_utf16(&want, "[A");
    buf_append(&want, "\0\0", 2);
    put_utf16(&want, ";**DeleteKeys");
    buf_append(&want, "\0\0;\0\1\0\0\0;\0\4\0\0\0;\0B\0\0\0]\0", 22);
    assert_int_equal(out.len, want.len);
    assert_memory_equal(out.data, want.data, want.len);
    buf_free(&out);
    buf_free(&want);
    arena_free(arena);
}

static void test_pol_refuses_what_it_cannot_say(void **state)
{
    (void)state;
    struct arena *arena = arena_new();
    struct buf out = BUF_INIT;
    struct polop top = op_of(POLOP_DELETE_KEY, "Top", "", 0, NULL, 0);
    struct polop_list list = list_of(&top, 1);
    message_has(polwrite_pol(&list, REG_ROOT_HKLM, arena, &out),
                "HKEY_LOCAL_MACHINE\\Top: a .pol file cannot hold a deletion of a key right below the root");
    static const unsigned char zero[4] = {0};
    struct polop control = op_of(POLOP_SET, "K", "**del.x", REG_TYPE_DWORD, zero, 4);
    list = list_of(&control, 1);
    buf_clear(&out);
    message_has(polwrite_pol(&list, REG_ROOT_HKLM, arena, &out), "value \"**del.x\"");
    /* Operations under the other root are the other file's. */
    control.root = REG_ROOT_HKCU;
    buf_clear(&out);
    assert_null(polwrite_pol(&list, REG_ROOT_HKLM, arena, &out));
    assert_int_equal(out.len, 8);
    buf_free(&out);
    arena_free(arena);
}

static void test_lgpo_refuses_what_its_reader_would_read_otherwise(void **state)
{
    (void)state;
    struct arena *arena = arena_new();
    struct buf out = BUF_INIT;
    size_t lossy = 0;
    static const unsigned char one[] = {1, 0, 0, 0};
    static const unsigned char spaced[] = {'a', 0, ' ', 0, 0, 0};
    static const unsigned char unended[] = {'a', 0, 0, 0};
    struct polop cases[] = {
        op_of(POLOP_SET, "K", "", REG_TYPE_DWORD, one, 4),
        op_of(POLOP_SET, "K", "*", REG_TYPE_DWORD, one, 4),
        op_of(POLOP_SET, "K", " lead", REG_TYPE_DWORD, one, 4),
        op_of(POLOP_SET, "K", "s", REG_TYPE_SZ, spaced, sizeof spaced),
        op_of(POLOP_SET, "K", "m", REG_TYPE_MULTI_SZ, unended, sizeof unended),
        op_of(POLOP_SET_IF_ABSENT, "K", "s", REG_TYPE_DWORD, one, 4),
        op_of(POLOP_SET, ";K", "v", REG_TYPE_DWORD, one, 4),
    };
    const char *why[] = {"the default value", "a value named \"*\"", "starting or ending with a space",
                         "a string ending with a space", "REG_MULTI_SZ data of 4 bytes",
                         "set only where it is absent", "reads as a comment"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct polop_list list = list_of(&cases[i], 1);
        buf_clear(&out);
        message_has(polwrite_lgpo(&list, TEXT_UTF8, arena, &out, &lossy), why[i]);
    }
    buf_free(&out);
    arena_free(arena);
}

static void test_lgpo_multi_string_writes_each_nul_but_the_last(void **state)
{
    (void)state;
    struct arena *arena = arena_new();
    struct buf out = BUF_INIT;
    size_t lossy = 0;
    static const unsigned char ab[] = {'a', 0, 0, 0, 'b', 0, 0, 0, 0, 0};
    static const unsigned char none[] = {0, 0};
    struct polop ops[] = {op_of(POLOP_SET, "K", "m", REG_TYPE_MULTI_SZ, ab, sizeof ab),
                          op_of(POLOP_SET, "K", "e", REG_TYPE_MULTI_SZ, none, sizeof none)};
    struct polop_list list = list_of(ops, 2);
    assert_null(polwrite_lgpo(&list, TEXT_UTF8, arena, &out, &lossy));
    buf_putc(&out, '\0');
    assert_non_null(strstr(out.data, "Computer\r\nK\r\nm\r\nMULTISZ:a\\0b\\0\r\n\r\n"));
    assert_non_null(strstr(out.data, "Computer\r\nK\r\ne\r\nMULTISZ:\r\n\r\n"));
    buf_free(&out);
    arena_free(arena);
}

static void test_gpp_escapes_and_refuses(void **state)
{
    (void)state;
    struct arena *arena = arena_new();
    struct buf out = BUF_INIT;
    static const unsigned char text[] = {'<', 0, '&', 0, '"', 0, '\n', 0, 0, 0};
    static const unsigned char bell[] = {7, 0, 0, 0};
    struct polop op = op_of(POLOP_SET, "K", "n", REG_TYPE_SZ, text, sizeof text);
    struct polop_list list = list_of(&op, 1);
    assert_null(polwrite_gpp(&list, arena, &out));
    buf_putc(&out, '\0');
    assert_non_null(strstr(out.data, "value=\"&lt;&amp;&quot;&#10;\"/>"));
    struct polop control = op_of(POLOP_SET, "K", "n", REG_TYPE_SZ, bell, sizeof bell);
    struct polop_list control_list = list_of(&control, 1);
    buf_clear(&out);
    message_has(polwrite_gpp(&control_list, arena, &out), "a control character XML 1.0 cannot hold");
    struct polop every = op_of(POLOP_DELETE_VALUES, "K", "", 0, NULL, 0);
    struct polop_list every_list = list_of(&every, 1);
    buf_clear(&out);
    message_has(polwrite_gpp(&every_list, arena, &out), "a deletion of every value of a key");
    buf_free(&out);
    arena_free(arena);
}

static void test_reg_writes_line_breaks_as_hex_and_refuses_control_codes(void **state)
{
    (void)state;
    struct arena *arena = arena_new();
    struct buf out = BUF_INIT;
    size_t lossy = 0;
    static const unsigned char broken[] = {'a', 0, '\r', 0, 0, 0};
    struct polop op = op_of(POLOP_SET, "K", "n", REG_TYPE_SZ, broken, sizeof broken);
    struct polop_list list = list_of(&op, 1);
    struct buf want = BUF_INIT;
    assert_null(polwrite_reg(&list, TEXT_UTF16LE, arena, &out, &lossy));
    put_utf16(&want, "\"n\"=hex(1):61,00,0d,00,00,00\r\n");
    assert_true(out.len > want.len);
    assert_memory_equal(out.data + out.len - want.len - 4, want.data, want.len);
    buf_free(&want);
    /* A file without the UTF-16 byte order mark has its string hex widened. */
    buf_clear(&out);
    message_has(polwrite_reg(&list, TEXT_UTF8, arena, &out, &lossy), "use --encoding utf16");
    struct polop every = op_of(POLOP_DELETE_VALUES, "K", "", 0, NULL, 0);
    struct polop_list every_list = list_of(&every, 1);
    buf_clear(&out);
    message_has(polwrite_reg(&every_list, TEXT_UTF16LE, arena, &out, &lossy),
                "a .reg file cannot hold a deletion of every value of a key");
    struct polop soft = op_of(POLOP_SET_IF_ABSENT, "K", "n", REG_TYPE_SZ, broken, sizeof broken);
    struct polop_list soft_list = list_of(&soft, 1);
    buf_clear(&out);
    message_has(polwrite_reg(&soft_list, TEXT_UTF16LE, arena, &out, &lossy), "set only where it is absent");
    buf_free(&out);
    arena_free(arena);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_gives_key_deletions_first_then_what_is_left),
        cmocka_unit_test(test_pol_bytes_follow_ms_gpreg),
        cmocka_unit_test(test_pol_refuses_what_it_cannot_say),
        cmocka_unit_test(test_lgpo_refuses_what_its_reader_would_read_otherwise),
        cmocka_unit_test(test_lgpo_multi_string_writes_each_nul_but_the_last),
        cmocka_unit_test(test_gpp_escapes_and_refuses),
        cmocka_unit_test(test_reg_writes_line_breaks_as_hex_and_refuses_control_codes),
    };
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
