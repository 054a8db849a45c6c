/* Unit tests for model.c: what importing a .reg file does to an empty registry. */
#include "test_util.h"

#include "model.h"

struct imported {
    struct parsed *p;
    struct model *m;
};

static struct imported import_parsed(struct parsed *p, enum model_mode mode)
{
    struct imported im = {p, model_build(p->file, p->arena, mode)};
    return im;
}

static struct imported import_text(const char *text)
{
    return import_parsed(parse_text(text), MODEL_AS_REGEDIT);
}

static void imported_free(struct imported im)
{
    model_free(im.m);
    parsed_free(im.p);
}

static struct model_key *key_at(struct imported im, const char *path)
{
    return model_find_key(im.m, REG_ROOT_HKCU, path);
}

static struct model_value *value_of(struct imported im, const struct model_key *k,
                                    const char *name)
{
    assert_non_null(k);
    return model_find_value(im.m, k, name, strlen(name));
}

static void data_is(struct imported im, const struct model_value *v, const void *want, size_t n)
{
    struct buf data = BUF_INIT;
    model_value_data(im.m, v, &data);
    assert_int_equal(data.len, n);
    if (n)
        assert_memory_equal(data.data, want, n);
    buf_free(&data);
}

static struct model_event single;
#define key_history(k) model_key_history(im.m, (k), &single)
#define value_history(v) model_value_history(im.m, (v), &single)

/* The lines (1-based) of the statements in a history, newest first. */
static void history_is(struct imported im, const struct model_event *e, const uint32_t *lines,
                       size_t n)
{
    size_t i = 0;
    for (; e; e = e->next, i++) {
        assert_true(i < n);
        const struct reg_stmt *st = &im.p->file->stmts[e->stmt];
        uint32_t line, col;
        source_position(im.p->src, st->at.start, &line, &col);
        assert_int_equal(line, lines[i]);
        assert_int_equal(col, 1);
    }
    assert_int_equal(i, n);
}

#define K "REGEDIT4\n[HKEY_CURRENT_USER\\K]\n"

static void test_last_write_wins(void **state)
{
    (void)state;
    struct imported im = import_text(K "\"Dup\"=\"one\"\n"
                                       "\"Dup\"=\"two\"\n"
                                       "\"dup\"=dword:00000001\n");
    struct model_value *v = value_of(im, key_at(im, "K"), "DUP");
    assert_non_null(v);
    assert_true(v->exists);
    /* The first spelling stays. */
    name_is(model_value_name(im.m, v), "Dup");
    assert_int_equal(model_value_type(im.m, v), REG_TYPE_DWORD);
    uint32_t dword = 0;
    assert_true(model_value_dword(im.m, v, &dword));
    assert_int_equal(dword, 1);
    assert_int_equal(v->stmt, 3);
    history_is(im, value_history(v), (const uint32_t[]){5, 4, 3}, 3);
    assert_int_equal(im.m->nvalues, 1);
    imported_free(im);
}

static void test_keys_compare_case_insensitively(void **state)
{
    (void)state;
    struct imported im = import_text("REGEDIT4\n"
                                     "[HKEY_CURRENT_USER\\Soft\\Key]\n"
                                     "[hkey_current_user\\SOFT\\key\\Sub]\n"
                                     "[HKEY_CURRENT_USER\\\xC9t\xE9]\n"
                                     "[HKEY_CURRENT_USER\\\xE9T\xC9\\x]\n");
    struct model_key *k = key_at(im, "soft\\KEY");
    assert_non_null(k);
    name_is(k->name, "Key");
    name_is(k->parent->name, "Soft");
    assert_true(k->exists);
    assert_true(k->named);
    /* A key created on the way is not named by the file. */
    assert_false(k->parent->named);
    struct model_key *sub = key_at(im, "Soft\\Key\\sub");
    assert_non_null(sub);
    assert_ptr_equal(sub->parent, k);
    assert_int_equal(sub->depth, 3);
    assert_string_equal(model_key_path(im.m, sub), "HKEY_CURRENT_USER\\Soft\\Key\\Sub");
    /* Case folding beyond ASCII: E with acute in both cases. */
    struct model_key *accented = key_at(im, "\xC3\xA9T\xC3\x89");
    assert_non_null(accented);
    name_is(accented->name, "\xC3\x89t\xC3\xA9");
    assert_non_null(key_at(im, "\xC3\x89t\xC3\xA9\\X"));
    assert_null(key_at(im, "Other"));
    /* Soft, Key, Sub, Été, x */
    assert_int_equal(im.m->nkeys, 5);
    imported_free(im);
}

/* Names are found in any case whether their key holds few values and
 * children (a walk along the list) or many (a table): 40 of each, set or
 * opened again in another case. */
static void test_names_found_at_every_count(void **state)
{
    (void)state;
    struct buf text = BUF_INIT;
    buf_puts(&text, "REGEDIT4\n[HKEY_CURRENT_USER\\K]\n");
    for (int i = 0; i < 40; i++)
        buf_printf(&text, "\"Value%d\"=dword:1\n", i);
    for (int i = 0; i < 40; i++)
        buf_printf(&text, "\"VALUE%d\"=dword:2\n", i);
    for (int i = 0; i < 40; i++)
        buf_printf(&text, "[HKEY_CURRENT_USER\\K\\Sub%d]\n[hkey_current_user\\k\\SUB%d]\n", i, i);
    struct imported im = import_text(text.data);
    buf_free(&text);
    struct model_key *k = key_at(im, "k");
    assert_int_equal(k->nvalues, 40);
    assert_int_equal(k->nchildren, 40);
    assert_int_equal(im.m->nkeys, 41);
    for (int i = 0; i < 40; i++) {
        char name[24];
        snprintf(name, sizeof name, "value%d", i);
        data_is(im, value_of(im, k, name), "\2\0\0\0", 4);
        snprintf(name, sizeof name, "K\\sub%d", i);
        assert_non_null(key_at(im, name));
    }
    imported_free(im);
}

static void test_children_and_values_keep_their_order(void **state)
{
    (void)state;
    struct imported im = import_text("REGEDIT4\n"
                                     "[HKEY_CURRENT_USER\\K\\b]\n"
                                     "[HKEY_CURRENT_USER\\K\\a]\n"
                                     "\"z\"=\"1\"\n"
                                     "\"y\"=\"2\"\n"
                                     "\"Z\"=\"3\"\n");
    struct model_key *k = key_at(im, "K");
    name_is(k->first_child->name, "b");
    name_is(k->first_child->next_sibling->name, "a");
    assert_null(k->first_child->next_sibling->next_sibling);
    struct model_key *a = key_at(im, "K\\a");
    name_is(model_value_name(im.m, a->first_value), "z");
    name_is(model_value_name(im.m, a->first_value->next), "y");
    assert_null(a->first_value->next->next);
    imported_free(im);
}

static void test_key_deletion_takes_the_subtree(void **state)
{
    (void)state;
    struct imported im = import_text("REGEDIT4\n"
                                     "[HKEY_CURRENT_USER\\A\\B]\n"                 /* 2 */
                                     "\"v\"=\"1\"\n"                                /* 3 */
                                     "[HKEY_CURRENT_USER\\A\\C]\n"                 /* 4 */
                                     "[HKEY_CURRENT_USER\\Keep]\n"                 /* 5 */
                                     "[-HKEY_CURRENT_USER\\a]\n"                   /* 6 */
                                     "\"lost\"=\"after a deletion no key is open\"\n" /* 7 */
                                     "[HKEY_CURRENT_USER\\a]\n"                    /* 8 */
                                     "\"w\"=\"2\"\n");                              /* 9 */
    struct model_key *a = key_at(im, "A");
    struct model_key *b = key_at(im, "A\\B");
    struct model_key *c = key_at(im, "A\\C");
    assert_non_null(b);
    assert_non_null(c);
    /* Re-created after the deletion, with its new spelling. */
    assert_true(a->exists);
    name_is(a->name, "a");
    history_is(im, key_history(a), (const uint32_t[]){8, 6}, 2);
    /* The subtree stays deleted. */
    assert_false(b->exists);
    assert_false(c->exists);
    history_is(im, key_history(b), (const uint32_t[]){6, 2}, 2);
    history_is(im, key_history(c), (const uint32_t[]){6, 4}, 2);
    struct model_value *v = value_of(im, b, "v");
    assert_false(v->exists);
    history_is(im, value_history(v), (const uint32_t[]){6, 3}, 2);
    assert_true(value_of(im, a, "w")->exists);
    assert_null(value_of(im, a, "lost"));
    assert_true(key_at(im, "Keep")->exists);
    imported_free(im);
}

/* A key deleted and filled again: the next deletion takes what came to exist
 * since, including a child deleted on its own and created again. */
static void test_key_deleted_and_filled_again(void **state)
{
    (void)state;
    struct imported im = import_text("REGEDIT4\n"
                                     "[HKEY_CURRENT_USER\\A\\B]\n"   /* 2 */
                                     "\"v\"=\"1\"\n"                  /* 3 */
                                     "[-HKEY_CURRENT_USER\\A]\n"       /* 4 */
                                     "[HKEY_CURRENT_USER\\A\\B]\n"   /* 5 */
                                     "\"v\"=\"2\"\n"                  /* 6 */
                                     "[-HKEY_CURRENT_USER\\A\\B]\n"  /* 7 */
                                     "[HKEY_CURRENT_USER\\A\\B\\C]\n" /* 8 */
                                     "\"x\"=\"3\"\n"                  /* 9 */
                                     "[HKEY_CURRENT_USER\\A]\n"        /* 10 */
                                     "\"w\"=\"4\"\n"                  /* 11 */
                                     "[-HKEY_CURRENT_USER\\A]\n"       /* 12 */
                                     "[HKEY_CURRENT_USER\\A\\D]\n"); /* 13 */
    struct model_key *a = key_at(im, "A");
    struct model_key *b = key_at(im, "A\\B");
    struct model_key *c = key_at(im, "A\\B\\C");
    struct model_key *d = key_at(im, "A\\D");
    assert_true(a->exists);
    assert_true(d->exists);
    history_is(im, key_history(a), (const uint32_t[]){12, 10, 4}, 3);
    assert_false(b->exists);
    history_is(im, key_history(b), (const uint32_t[]){12, 7, 5, 4, 2}, 5);
    assert_false(c->exists);
    history_is(im, key_history(c), (const uint32_t[]){12, 8}, 2);
    struct model_value *v = value_of(im, b, "v");
    assert_false(v->exists);
    history_is(im, value_history(v), (const uint32_t[]){7, 6, 4, 3}, 4);
    struct model_value *x = value_of(im, c, "x");
    assert_false(x->exists);
    history_is(im, value_history(x), (const uint32_t[]){12, 9}, 2);
    struct model_value *w = value_of(im, a, "w");
    assert_false(w->exists);
    history_is(im, value_history(w), (const uint32_t[]){12, 11}, 2);
    imported_free(im);
}

/* A key deleted and given a new child and a new value, PAIRS times: each
 * deletion looks at what came since, not at every child and value the key
 * ever had (PAIRS * PAIRS visits). */
#define PAIRS 2000
static void test_deletions_stay_linear(void **state)
{
    (void)state;
    struct buf text = BUF_INIT;
    buf_puts(&text, "REGEDIT4\n");
    for (int i = 0; i < PAIRS; i++)
        buf_printf(&text,
                   "[-HKEY_CURRENT_USER\\K]\n[HKEY_CURRENT_USER\\K\\B%d]\n"
                   "[HKEY_CURRENT_USER\\K]\n\"v%d\"=\"x\"\n",
                   i, i);
    struct imported im = import_text(text.data);
    buf_free(&text);
    struct model_key *k = key_at(im, "K");
    assert_int_equal(k->nchildren, PAIRS);
    assert_int_equal(k->nvalues, PAIRS);
    assert_true(key_at(im, "K\\B1999")->exists);
    assert_false(key_at(im, "K\\B1998")->exists);
    assert_true(value_of(im, k, "v1999")->exists);
    assert_false(value_of(im, k, "v1998")->exists);
    assert_true(im.m->deletion_visits <= 4 * PAIRS);
    imported_free(im);
}

static void test_value_deletions(void **state)
{
    (void)state;
    struct imported im = import_text(K "\"v\"=\"1\"\n" /* 3 */
                                       "\"V\"=-\n"     /* 4 */
                                       "@=-\n"         /* 5 */
                                       "\"w\"=\"1\"\n" /* 6 */
                                       "\"w\"=-\n"     /* 7 */
                                       "\"W\"=\"2\"\n"); /* 8 */
    struct model_key *k = key_at(im, "K");
    struct model_value *v = value_of(im, k, "v");
    assert_false(v->exists);
    assert_int_equal(im.p->file->stmts[v->stmt].kind, REG_STMT_VALUE_DELETE);
    history_is(im, value_history(v), (const uint32_t[]){4, 3}, 2);
    /* Deleting a value that never existed changes nothing but is recorded. */
    struct model_value *def = value_of(im, k, "");
    assert_non_null(def);
    assert_false(def->exists);
    history_is(im, value_history(def), (const uint32_t[]){5}, 1);
    assert_false(def->has_history); /* one statement: no list */
    /* Set again after its deletion: the new spelling. */
    struct model_value *w = value_of(im, k, "w");
    assert_true(w->exists);
    name_is(model_value_name(im.m, w), "W");
    data_is(im, w, "2\0\0", 4);
    imported_free(im);
}

static void test_deleting_an_absent_key_changes_nothing(void **state)
{
    (void)state;
    struct imported im = import_text("REGEDIT4\n[-HKEY_CURRENT_USER\\Nope\\Deeper]\n"
                                     "[HKEY_CURRENT_USER\\K]\n\"v\"=\"1\"\n");
    assert_null(key_at(im, "Nope"));
    assert_int_equal(im.m->nkeys, 1);
    assert_true(value_of(im, key_at(im, "K"), "v")->exists);
    assert_int_equal(im.m->stop_at, im.p->file->nstmts);
    imported_free(im);
}

static void test_root_deletion_stops_the_import(void **state)
{
    (void)state;
    struct imported im = import_text(K "\"Before\"=\"1\"\n"
                                       "[-HKEY_CURRENT_USER]\n"
                                       "[HKEY_CURRENT_USER\\K]\n"
                                       "\"After\"=\"2\"\n");
    assert_int_equal(im.m->stop_at, 2);
    struct model_key *k = key_at(im, "K");
    assert_true(value_of(im, k, "Before")->exists);
    assert_null(value_of(im, k, "After"));
    /* regedit names the root it refused to delete. */
    assert_true(im.m->roots[REG_ROOT_HKCU]->named);
    assert_true(im.m->roots[REG_ROOT_HKCU]->exists);
    imported_free(im);

    im = import_text(K "[-HKEY_NOWHERE\\X]\n\"After\"=\"2\"\n[HKEY_CURRENT_USER\\L]\n");
    assert_int_equal(im.m->stop_at, 1);
    assert_null(key_at(im, "L"));
    imported_free(im);
}

static void test_values_without_an_open_key_are_dropped(void **state)
{
    (void)state;
    struct imported im = import_text("REGEDIT4\n"
                                     "\"early\"=\"x\"\n"
                                     "[HKEY_CURRENT_USER\\K]\n"
                                     "\"a\"=\"1\"\n"
                                     "[ HKEY_CURRENT_USER\\Ignored]\n"
                                     "\"b\"=\"2\"\n"
                                     "[HKCU\\Refused]\n"
                                     "\"c\"=\"3\"\n");
    struct model_key *k = key_at(im, "K");
    /* A key line regedit ignores leaves the previous key open. */
    assert_true(value_of(im, k, "a")->exists);
    assert_true(value_of(im, k, "b")->exists);
    /* A key regedit cannot open closes it. */
    assert_null(value_of(im, k, "c"));
    assert_null(value_of(im, k, "early"));
    assert_int_equal(im.m->nvalues, 2);
    assert_int_equal(im.m->nkeys, 1);
    imported_free(im);
}

/* RegCreateKeyEx and RegDeleteTree refuse a path below the root that starts
 * with a backslash: [HKEY_CURRENT_USER\\Software\K] creates nothing and
 * its values are dropped; a deletion so written deletes nothing. Empty
 * segments further in are passed over. (Wine 8.0's regedit does each.) */
static void test_leading_empty_segment_opens_no_key(void **state)
{
    (void)state;
    struct imported im = import_text("REGEDIT4\n"
                                     "[HKEY_CURRENT_USER\\Software\\Kept]\n"
                                     "\"a\"=\"1\"\n"
                                     "[-HKEY_CURRENT_USER\\\\Software\\Kept]\n"
                                     "[HKEY_CURRENT_USER\\\\Software\\New]\n"
                                     "\"b\"=\"2\"\n"
                                     "[HKEY_CURRENT_USER\\\\]\n"
                                     "\"c\"=\"3\"\n"
                                     "[HKEY_CURRENT_USER\\Software\\\\Inner]\n"
                                     "\"d\"=\"4\"\n");
    assert_true(value_of(im, key_at(im, "Software\\Kept"), "a")->exists);
    assert_null(key_at(im, "Software\\New"));
    assert_null(value_of(im, im.m->roots[REG_ROOT_HKCU], "c"));
    assert_true(value_of(im, key_at(im, "Software\\Inner"), "d")->exists);
    assert_int_equal(im.m->nvalues, 2);
    assert_int_equal(im.m->nkeys, 3);
    assert_int_equal(im.m->stop_at, im.p->file->nstmts);
    imported_free(im);
}

/* regedit's reader takes a NUL for the end of what it has read: in a file
 * it reads in one block, nothing after the NUL is imported, the text of its
 * line before it is (what Wine 8.0's regedit does). */
static void test_nul_ends_what_regedit_reads(void **state)
{
    (void)state;
    const char text[] = "REGEDIT4\n[HKEY_CURRENT_USER\\K]\n\"n\"=\"x\"\n\"a\"=dword:1\0c\n"
                        "\"z\"=\"y\"\n[HKEY_CURRENT_USER\\L]\n";
    struct imported im = import_parsed(parse_bytes(text, sizeof text - 1), MODEL_AS_REGEDIT);
    struct model_key *k = key_at(im, "K");
    assert_true(value_of(im, k, "n")->exists);
    assert_true(value_of(im, k, "a")->exists);
    assert_null(value_of(im, k, "z"));
    assert_null(key_at(im, "L"));
    assert_int_equal(im.m->stop_at, 3);
    imported_free(im);
}

static void test_invalid_header_imports_nothing(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "regedit4\n[HKEY_CURRENT_USER\\K]\n\"v\"=\"1\"\n",
        "REGEDIT3\n[HKEY_CURRENT_USER\\K]\n\"v\"=\"1\"\n",
        "[HKEY_CURRENT_USER\\K]\n\"v\"=\"1\"\n",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        struct imported im = import_text(texts[i]);
        assert_null(key_at(im, "K"));
        assert_int_equal(im.m->nkeys, 0);
        imported_free(im);
        /* Linting reads it anyway. */
        im = import_parsed(parse_text(texts[i]), MODEL_IGNORE_HEADER);
        assert_true(value_of(im, key_at(im, "K"), "v")->exists);
        imported_free(im);
    }
}

static void test_windows_31_values(void **state)
{
    (void)state;
    struct imported im = import_text("REGEDIT\nHKEY_CLASSES_ROOT\\a\\b = V \n");
    struct model_key *k = model_find_key(im.m, REG_ROOT_HKCR, "a\\b");
    assert_non_null(k);
    struct model_value *v = model_find_value(im.m, k, "", 0);
    assert_non_null(v);
    data_is(im, v, "V\0 \0\0\0", 6);
    imported_free(im);
}

static void test_string_and_dword_data(void **state)
{
    (void)state;
    struct imported im = import_text(K "\"s\"=\"ab\"\n"
                                       "\"e\"=\"\"\n"
                                       "\"u\"=\"\x80\"\n"
                                       "\"d\"=dword:01020304\n");
    struct model_key *k = key_at(im, "K");
    /* UTF-16LE with one terminating NUL. */
    data_is(im, value_of(im, k, "s"), "a\0b\0\0\0", 6);
    data_is(im, value_of(im, k, "e"), "\0\0", 2);
    /* 0x80 in an ANSI file is the euro sign, U+20AC. */
    data_is(im, value_of(im, k, "u"), "\xAC\x20\0\0", 4);
    data_is(im, value_of(im, k, "d"), "\x04\x03\x02\x01", 4);
    assert_int_equal(model_value_type(im.m, value_of(im, k, "s")), REG_TYPE_SZ);
    imported_free(im);
}

static void test_hex_string_data_in_ansi_files_is_widened(void **state)
{
    (void)state;
    struct imported im = import_text(K "\"path\"=hex(2):25,50,41,54,48,25\n"
                                       "\"line\"=hex(7):4c,69,6e,65,00\n"
                                       "\"S\"=hex(1):41,42\n"
                                       "\"S0\"=hex(1):41,42,00\n"
                                       "\"euro\"=hex(2):80\n"
                                       "\"empty\"=hex(2):\n"
                                       "\"bin\"=hex:41,42\n"
                                       "\"none\"=hex(0):41\n");
    struct model_key *k = key_at(im, "K");
    /* Bytes are ANSI text; one NUL is added when the last byte is not 0. */
    data_is(im, value_of(im, k, "path"), "%\0P\0A\0T\0H\0%\0\0\0", 14);
    /* REG_MULTI_SZ gets no second NUL. */
    data_is(im, value_of(im, k, "line"), "L\0i\0n\0e\0\0\0", 10);
    data_is(im, value_of(im, k, "S"), "A\0B\0\0\0", 6);
    data_is(im, value_of(im, k, "S0"), "A\0B\0\0\0", 6);
    data_is(im, value_of(im, k, "euro"), "\xAC\x20\0\0", 4);
    /* Empty data stays empty, and other types are stored byte for byte. */
    data_is(im, value_of(im, k, "empty"), "", 0);
    data_is(im, value_of(im, k, "bin"), "AB", 2);
    data_is(im, value_of(im, k, "none"), "A", 1);
    assert_int_equal(model_value_type(im.m, value_of(im, k, "path")), REG_TYPE_EXPAND_SZ);
    imported_free(im);
}

static void test_hex_string_data_in_utf16_files_is_kept(void **state)
{
    (void)state;
    struct imported im = import_parsed(
        parse_utf16("Windows Registry Editor Version 5.00\r\n"
                    "[HKEY_CURRENT_USER\\K]\r\n"
                    "\"one\"=hex(7):4c,00,69,00,6e,00,65,00\r\n"
                    "\"two\"=hex(7):4c,00,69,00,6e,00,65,00,00,00,00,00\r\n"
                    "\"exp\"=hex(2):25,00,00,00\r\n"
                    "\"nul\"=hex(1):00,00,61,00\r\n"
                    "\"oddnul\"=hex(1):41,00,00,00,42\r\n"
                    "\"odd\"=hex(1):41,00,42\r\n"),
        MODEL_AS_REGEDIT);
    struct model_key *k = key_at(im, "K");
    /* One NUL character is added when the last is not NUL. */
    data_is(im, value_of(im, k, "one"), "L\0i\0n\0e\0\0\0", 10);
    data_is(im, value_of(im, k, "two"), "L\0i\0n\0e\0\0\0\0\0", 12);
    data_is(im, value_of(im, k, "exp"), "%\0\0\0", 4);
    /* Embedded NULs stay. */
    data_is(im, value_of(im, k, "nul"), "\0\0a\0\0\0", 6);
    /* regedit looks at the last whole character: ending in NUL, an odd
     * byte after it is kept as it is; otherwise a NUL goes over the odd byte
     * (and what regedit stores after it is undefined, RL1012). */
    data_is(im, value_of(im, k, "oddnul"), "A\0\0\0B", 5);
    data_is(im, value_of(im, k, "odd"), "A\0\0\0", 4);
    imported_free(im);
}

static void test_dword_sizes(void **state)
{
    (void)state;
    struct imported im = import_text(K "\"four\"=hex(4):01,00,00,00\n"
                                       "\"eight\"=hex(4):80,70,60,50,40,30,20,10\n"
                                       "\"bin\"=hex:01,00,00,00\n");
    struct model_key *k = key_at(im, "K");
    uint32_t dword = 0;
    assert_true(model_value_dword(im.m, value_of(im, k, "four"), &dword));
    assert_int_equal(dword, 1);
    /* An 8-byte REG_DWORD is stored as written, and is not a DWORD value. */
    struct model_value *eight = value_of(im, k, "eight");
    assert_int_equal(model_value_type(im.m, eight), REG_TYPE_DWORD);
    data_is(im, eight, "\x80\x70\x60\x50\x40\x30\x20\x10", 8);
    assert_false(model_value_dword(im.m, eight, &dword));
    assert_false(model_value_dword(im.m, value_of(im, k, "bin"), &dword));
    imported_free(im);
}

static void test_history_points_at_the_statements(void **state)
{
    (void)state;
    struct imported im = import_text(K "\"v\"=dword:1\n"
                                       "[HKEY_CURRENT_USER\\Other]\n"
                                       "[HKEY_CURRENT_USER\\k]\n"
                                       "\"V\"=hex:01,\\\n"
                                       "  02\n");
    struct model_key *k = key_at(im, "K");
    history_is(im, key_history(k), (const uint32_t[]){5, 2}, 2);
    struct model_value *v = value_of(im, k, "v");
    history_is(im, value_history(v), (const uint32_t[]){6, 3}, 2);
    const struct reg_value_stmt *st = model_value_stmt(im.m, v);
    assert_int_equal(st->len, 2);
    struct span at = im.p->file->stmts[v->stmt].at;
    uint32_t line, col;
    source_position(im.p->src, at.end, &line, &col);
    assert_int_equal(line, 7);
    assert_int_equal(col, 5);
    imported_free(im);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_last_write_wins),
        cmocka_unit_test(test_keys_compare_case_insensitively),
        cmocka_unit_test(test_names_found_at_every_count),
        cmocka_unit_test(test_children_and_values_keep_their_order),
        cmocka_unit_test(test_key_deletion_takes_the_subtree),
        cmocka_unit_test(test_key_deleted_and_filled_again),
        cmocka_unit_test(test_deletions_stay_linear),
        cmocka_unit_test(test_value_deletions),
        cmocka_unit_test(test_deleting_an_absent_key_changes_nothing),
        cmocka_unit_test(test_root_deletion_stops_the_import),
        cmocka_unit_test(test_values_without_an_open_key_are_dropped),
        cmocka_unit_test(test_leading_empty_segment_opens_no_key),
        cmocka_unit_test(test_nul_ends_what_regedit_reads),
        cmocka_unit_test(test_invalid_header_imports_nothing),
        cmocka_unit_test(test_windows_31_values),
        cmocka_unit_test(test_string_and_dword_data),
        cmocka_unit_test(test_hex_string_data_in_ansi_files_is_widened),
        cmocka_unit_test(test_hex_string_data_in_utf16_files_is_kept),
        cmocka_unit_test(test_dword_sizes),
        cmocka_unit_test(test_history_points_at_the_statements),
    };
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
