#include "suppress.h"

#include <stdlib.h>
#include <string.h>

#include "suggest.h"
#include "xalloc.h"

enum directive_kind { DIR_NEXT_LINE, DIR_NEXT_KEY, DIR_DISABLE, DIR_ENABLE, DIR_FILE };

/* Longest first: "reglint-disable" is a prefix of the others. */
static const struct {
    const char *word;
    enum directive_kind kind;
} directive_words[] = {
    {"reglint-disable-next-line", DIR_NEXT_LINE},
    {"reglint-disable-next-key", DIR_NEXT_KEY},
    {"reglint-disable-file", DIR_FILE},
    {"reglint-disable", DIR_DISABLE},
    {"reglint-enable", DIR_ENABLE},
};

struct directive {
    enum directive_kind kind;
    size_t stmt;
    struct span at;          /* the comment */
    struct span range;       /* the text it covers */
    bool all;                /* no rules listed: every rule */
    const char *reason;      /* after " -- ", or "" */
    bool rules[RULE_COUNT];  /* the rules it names */
    bool any_used;
};

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* Parses the rule list of a directive from s[i..end) up to " -- ". Unknown
 * rules are reported at once. */
static void parse_rules(struct directive *d, const char *text, uint32_t i, uint32_t end,
                        struct source *src, struct diag_list *diags)
{
    bool listed = false;
    while (i < end) {
        while (i < end && (is_blank(text[i]) || text[i] == ','))
            i++;
        if (i + 1 < end && text[i] == '-' && text[i + 1] == '-')
            break;
        uint32_t start = i;
        while (i < end && !is_blank(text[i]) && text[i] != ',')
            i++;
        if (i == start)
            break;
        listed = true;
        char *item = arena_strndup(diags->arena, text + start, i - start);
        bool matched = false;
        for (int r = 0; r < RULE_COUNT; r++) {
            if (rule_matches((enum rule_id)r, item)) {
                d->rules[r] = true;
                matched = true;
            }
        }
        if (!matched) {
            struct diag *dg = diag_add(diags, RULE_UNKNOWN_RULE_IN_DIRECTIVE, src,
                                       (struct span){start, i},
                                       "\"%s\" is not a rule ID, name or prefix", item);
            diag_help(diags, dg, "'reglint rules' lists them");
        }
    }
    d->all = !listed;
    d->reason = "";
    if (i + 1 < end && text[i] == '-' && text[i + 1] == '-') {
        i += 2;
        while (i < end && is_blank(text[i]))
            i++;
        uint32_t stop = end;
        while (stop > i && is_blank(text[stop - 1]))
            stop--;
        d->reason = arena_strndup(diags->arena, text + i, stop - i);
    }
}

/* The directive a comment holds, if any. */
static bool parse_directive(const struct reg_file *file, size_t stmt, struct directive *d,
                            struct diag_list *diags)
{
    const struct reg_stmt *st = &file->stmts[stmt];
    const char *text = file->src->d.text;
    uint32_t i = st->at.start, end = st->at.end;
    while (i < end && is_blank(text[i]))
        i++;
    if (i >= end || text[i] != ';')
        return false;
    i++;
    while (i < end && is_blank(text[i]))
        i++;
    for (size_t w = 0; w < sizeof directive_words / sizeof directive_words[0]; w++) {
        size_t len = strlen(directive_words[w].word);
        if (end - i < len || memcmp(text + i, directive_words[w].word, len) != 0)
            continue;
        if (i + len < end && !is_blank(text[i + len]))
            continue;
        memset(d, 0, sizeof *d);
        d->kind = directive_words[w].kind;
        d->stmt = stmt;
        d->at = st->at;
        parse_rules(d, text, (uint32_t)(i + len), end, file->src, diags);
        return true;
    }
    return false;
}

/* For each statement index i (and nstmts), the first statement at or after
 * i that `wanted` accepts, or nstmts: one pass instead of a scan from every
 * directive, which made a file of n directives cost n * n. */
static size_t *next_index(const struct reg_file *file, bool (*wanted)(enum reg_stmt_kind))
{
    size_t *next = xmalloc((file->nstmts + 1) * sizeof *next);
    next[file->nstmts] = file->nstmts;
    for (size_t i = file->nstmts; i-- > 0;)
        next[i] = wanted(file->stmts[i].kind) ? i : next[i + 1];
    return next;
}

static bool not_comment(enum reg_stmt_kind kind)
{
    return kind != REG_STMT_COMMENT;
}

static bool key_line(enum reg_stmt_kind kind)
{
    return kind == REG_STMT_KEY || kind == REG_STMT_KEY_DELETE;
}

/* For each disable directive, the enable after it that closes it (one that
 * names one of its rules, or any when either names none), or SIZE_MAX: a
 * walk from the end keeping the next enable of each rule. */
static void find_enables(const struct directive *dirs, size_t n, size_t *closing)
{
    size_t next_any = SIZE_MAX, next_all = SIZE_MAX;
    size_t next_of_rule[RULE_COUNT];
    for (int r = 0; r < RULE_COUNT; r++)
        next_of_rule[r] = SIZE_MAX;
    for (size_t k = n; k-- > 0;) {
        const struct directive *d = &dirs[k];
        closing[k] = SIZE_MAX;
        if (d->kind == DIR_DISABLE) {
            closing[k] = d->all ? next_any : next_all;
            for (int r = 0; r < RULE_COUNT && !d->all; r++)
                if (d->rules[r] && next_of_rule[r] < closing[k])
                    closing[k] = next_of_rule[r];
        } else if (d->kind == DIR_ENABLE) {
            next_any = k;
            if (d->all)
                next_all = k;
            for (int r = 0; r < RULE_COUNT; r++)
                if (d->rules[r])
                    next_of_rule[r] = k;
        }
    }
}

/* What other tools' users write, and the directive that does it here. */
static const struct {
    const char *written;
    const char *meant;
} directive_aliases[] = {
    {"reglint-disable-line", "reglint-disable-next-line"},
    {"reglint-ignore", "reglint-disable-next-line"},
    {"reglint-ignore-line", "reglint-disable-next-line"},
    {"reglint-ignore-next-line", "reglint-disable-next-line"},
    {"reglint-ignore-file", "reglint-disable-file"},
    {"reglint-noqa", "reglint-disable-next-line"},
    {"reglint-enable-file", "reglint-enable"},
};

/* The directive a word that is none most likely means, or NULL. */
static const char *meant_directive(const char *word, size_t len)
{
    for (size_t a = 0; a < sizeof directive_aliases / sizeof directive_aliases[0]; a++)
        if (text_ascii_equal_nocase(word, len, directive_aliases[a].written))
            return directive_aliases[a].meant;
    const char *words[sizeof directive_words / sizeof directive_words[0]];
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        words[w] = directive_words[w].word;
        /* suggest_closest() takes a match in another case for no suggestion. */
        if (text_ascii_equal_nocase(word, len, words[w]))
            return words[w];
    }
    return suggest_closest(word, len, words, sizeof words / sizeof words[0]);
}

static bool is_directive_word(const char *word, size_t len)
{
    for (size_t w = 0; w < sizeof directive_words / sizeof directive_words[0]; w++)
        if (strlen(directive_words[w].word) == len && memcmp(word, directive_words[w].word, len) == 0)
            return true;
    return false;
}

/* Where a comment starts in a statement that is no comment line: the first
 * ';' outside a quoted string, or `end`. */
static uint32_t trailing_comment(const char *text, uint32_t i, uint32_t end)
{
    bool quoted = false;
    for (; i < end; i++) {
        if (quoted && text[i] == '\\' && i + 1 < end)
            i++;
        else if (text[i] == '"')
            quoted = !quoted;
        else if (!quoted && text[i] == ';')
            return i;
    }
    return end;
}

/* RL0003 for a comment at text[i..end) (from its ';' or '#') whose first
 * word reads as a reglint directive but is none reglint reads there. */
static void check_directive_word(const struct reg_file *file, uint32_t i, uint32_t end, bool own_line,
                                 struct diag_list *diags)
{
    const char *text = file->src->d.text;
    char mark = text[i];
    i++;
    while (i < end && is_blank(text[i]))
        i++;
    uint32_t start = i;
    while (i < end && !is_blank(text[i]))
        i++;
    size_t len = i - start;
    if (!text_ascii_starts_nocase(text + start, len, "reglint"))
        return;
    bool known = is_directive_word(text + start, len);
    if (known && own_line && mark == ';')
        return;
    const char *meant = known ? NULL : meant_directive(text + start, len);
    /* "; reglint checks this file" is prose, not a directive. */
    if (!known && !meant && !text_ascii_starts_nocase(text + start, len, "reglint-"))
        return;
    struct span at = {start, i};
    char *word = arena_strndup(diags->arena, text + start, len);
    struct diag *dg;
    if (!own_line)
        dg = diag_add(diags, RULE_UNKNOWN_DIRECTIVE, file->src, at,
                      "\"%s\" after a value or key is not read; directives are comments on their own line", word);
    else if (known)
        dg = diag_add(diags, RULE_UNKNOWN_DIRECTIVE, file->src, at,
                      "\"%s\" in a '#' comment is not read; directives start with ';'", word);
    else
        dg = diag_add(diags, RULE_UNKNOWN_DIRECTIVE, file->src, at, "\"%s\" is not a reglint directive", word);
    if (meant)
        diag_help(diags, dg, "did you mean \"%s\"?", meant);
    else if (!known)
        diag_help(diags, dg, "the directives: reglint-disable-next-line, reglint-disable-next-key, "
                             "reglint-disable, reglint-enable, reglint-disable-file");
    if (!own_line)
        diag_help(diags, dg, "put '; reglint-disable-next-line RULE' on its own line above the line to silence");
}

/* The end of the line that starts at `i`. */
static uint32_t line_end(const char *text, uint32_t i, uint32_t len)
{
    while (i < len && text[i] != '\n' && text[i] != '\r')
        i++;
    return i;
}

/* RL0003 for every comment that reads as a directive and is none. A
 * statement other than a comment line is looked at to the end of its last
 * line, where a comment after its value would be. */
static void check_unknown_directives(const struct reg_file *file, struct diag_list *diags)
{
    const char *text = file->src->d.text;
    uint32_t len = (uint32_t)file->src->d.len;
    for (size_t s = 0; s < file->nstmts; s++) {
        const struct reg_stmt *st = &file->stmts[s];
        uint32_t i = st->at.start, end = st->at.end;
        if (st->kind == REG_STMT_COMMENT) {
            while (i < end && is_blank(text[i]))
                i++;
            if (i < end)
                check_directive_word(file, i, end, true, diags);
            continue;
        }
        uint32_t stop = line_end(text, end, len);
        /* Most statements hold no ';' at all: a large file's would
         * otherwise be read a character at a time once more. */
        if (!memchr(text + i, ';', stop - i))
            continue;
        uint32_t last_line = end;
        while (last_line > i && text[last_line - 1] != '\n' && text[last_line - 1] != '\r')
            last_line--;
        i = trailing_comment(text, last_line, stop);
        if (i < stop)
            check_directive_word(file, i, stop, false, diags);
    }
}

/* Sets each directive's range from the statements after it. */
static void set_ranges(const struct reg_file *file, struct directive *dirs, size_t n)
{
    uint32_t file_end = (uint32_t)file->src->d.len;
    size_t *next_statement = next_index(file, not_comment);
    size_t *next_key = next_index(file, key_line);
    size_t *closing = xmalloc(n * sizeof *closing);
    find_enables(dirs, n, closing);
    for (size_t k = 0; k < n; k++) {
        struct directive *d = &dirs[k];
        d->range = (struct span){d->at.end, d->at.end};
        switch (d->kind) {
        case DIR_FILE:
            d->range = (struct span){0, file_end};
            break;
        case DIR_NEXT_LINE: {
            size_t i = next_statement[d->stmt + 1];
            if (i < file->nstmts)
                d->range = file->stmts[i].at;
            break;
        }
        case DIR_NEXT_KEY: {
            size_t i = next_key[d->stmt + 1];
            if (i == file->nstmts)
                break;
            size_t j = next_key[i + 1];
            d->range.start = file->stmts[i].at.start;
            d->range.end = j < file->nstmts ? file->stmts[j].at.start : file_end;
            break;
        }
        case DIR_DISABLE:
            /* Until an enable that names one of its rules, or the end. */
            d->range.end = file_end;
            if (closing[k] != SIZE_MAX) {
                d->range.end = dirs[closing[k]].at.start;
                dirs[closing[k]].any_used = true;
            }
            break;
        case DIR_ENABLE:
            break;
        }
    }
    free(closing);
    free(next_key);
    free(next_statement);
}

static int compare_offsets(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return a < b ? -1 : a > b;
}

static int compare_spans(const void *pa, const void *pb)
{
    const struct span *a = pa, *b = pb;
    return a->start != b->start ? (a->start < b->start ? -1 : 1) : compare_offsets(&a->end, &b->end);
}

/* Whether sorted[0..n) holds an offset in [start, end). */
static bool any_in(const uint32_t *sorted, size_t n, uint32_t start, uint32_t end)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid] < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && sorted[lo] < end;
}

/* The text one directive, or several that overlap, silence for a rule, and
 * the reason the first of them gives (after " -- "). */
struct silenced_span {
    struct span at;
    const char *reason;
};

static int compare_silenced(const void *pa, const void *pb)
{
    const struct silenced_span *a = pa, *b = pb;
    return compare_spans(&a->at, &b->at);
}

/* The span of the sorted, disjoint spans[0..n) that holds `offset`, or NULL. */
static const struct silenced_span *span_holding(const struct silenced_span *spans, size_t n, uint32_t offset)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (spans[mid].at.end <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && spans[lo].at.start <= offset ? &spans[lo] : NULL;
}

/* A finding that directives may silence (PFxxxx findings and RL0002 and
 * RL0003 about a directive itself may not). */
static bool silenceable(const struct diag *dg)
{
    return dg->rule != RULE_COUNT && dg->rule != RULE_UNKNOWN_RULE_IN_DIRECTIVE &&
           dg->rule != RULE_UNKNOWN_DIRECTIVE;
}

/* Marks the directives that cover a finding of one of their rules. The
 * findings' offsets are sorted, rule by rule, and each directive looks its
 * rules up: comparing every finding with every directive cost n * n. */
static void mark_used(struct directive *dirs, size_t n, const struct diag_list *diags)
{
    size_t total = diags->n + diags->nhidden;
    size_t first[RULE_COUNT + 1] = {0};
    for (size_t i = 0; i < total; i++) {
        const struct diag *dg = diag_list_any(diags, i);
        if (silenceable(dg))
            first[dg->rule + 1]++;
    }
    for (int r = 0; r < RULE_COUNT; r++)
        first[r + 1] += first[r];
    size_t nall = first[RULE_COUNT];
    uint32_t *all = xmalloc((nall ? nall : 1) * sizeof *all);
    uint32_t *of_rule = xmalloc((nall ? nall : 1) * sizeof *of_rule);
    size_t fill[RULE_COUNT];
    memcpy(fill, first, sizeof fill);
    for (size_t i = 0, k = 0; i < total; i++) {
        const struct diag *dg = diag_list_any(diags, i);
        if (silenceable(dg)) {
            all[k++] = dg->at.start;
            of_rule[fill[dg->rule]++] = dg->at.start;
        }
    }
    qsort(all, nall, sizeof *all, compare_offsets);
    for (int r = 0; r < RULE_COUNT; r++)
        qsort(of_rule + first[r], first[r + 1] - first[r], sizeof *of_rule, compare_offsets);
    for (size_t k = 0; k < n; k++) {
        struct directive *d = &dirs[k];
        if (d->kind == DIR_ENABLE || d->any_used)
            continue;
        if (d->all) {
            d->any_used = any_in(all, nall, d->range.start, d->range.end);
            continue;
        }
        for (int r = 0; r < RULE_COUNT && !d->any_used; r++)
            d->any_used = d->rules[r] && any_in(of_rule + first[r], first[r + 1] - first[r],
                                                d->range.start, d->range.end);
    }
    free(of_rule);
    free(all);
}

/* The text the directives silence, rule by rule: rule r's spans are
 * spans[first[r]..first[r] + count[r]), sorted and merged where they
 * overlap, so that a finding is looked up rather than compared with every
 * directive. Silenced findings move to the list's suppressed ones. */
struct silenced {
    size_t first[RULE_COUNT + 1];
    size_t count[RULE_COUNT];
    struct silenced_span *spans;
    struct diag_list *diags;
};

static bool silences(const struct directive *d, int rule)
{
    return d->kind != DIR_ENABLE && (d->all || d->rules[rule]) && d->range.start < d->range.end;
}

static void find_silenced(const struct directive *dirs, size_t n, struct silenced *s)
{
    memset(s->first, 0, sizeof s->first);
    for (size_t k = 0; k < n; k++)
        for (int r = 0; r < RULE_COUNT; r++)
            s->first[r + 1] += silences(&dirs[k], r);
    for (int r = 0; r < RULE_COUNT; r++)
        s->first[r + 1] += s->first[r];
    size_t total = s->first[RULE_COUNT];
    s->spans = xmalloc((total ? total : 1) * sizeof *s->spans);
    size_t fill[RULE_COUNT];
    memcpy(fill, s->first, sizeof fill);
    for (size_t k = 0; k < n; k++)
        for (int r = 0; r < RULE_COUNT; r++)
            if (silences(&dirs[k], r))
                s->spans[fill[r]++] = (struct silenced_span){dirs[k].range, dirs[k].reason};
    for (int r = 0; r < RULE_COUNT; r++) {
        struct silenced_span *group = s->spans + s->first[r];
        size_t count = s->first[r + 1] - s->first[r], merged = 0;
        qsort(group, count, sizeof *group, compare_silenced);
        for (size_t i = 0; i < count; i++) {
            if (merged > 0 && group[i].at.start <= group[merged - 1].at.end) {
                if (group[i].at.end > group[merged - 1].at.end)
                    group[merged - 1].at.end = group[i].at.end;
            } else {
                group[merged++] = group[i];
            }
        }
        s->count[r] = merged;
    }
}

/* Keeps a finding no directive silences, hidden past the display limit or
 * not; a silenced one is kept among the suppressed findings instead. */
static bool not_silenced(struct diag *dg, void *silenced)
{
    struct silenced *s = silenced;
    if (!silenceable(dg))
        return true;
    const struct silenced_span *by = span_holding(s->spans + s->first[dg->rule], s->count[dg->rule], dg->at.start);
    if (!by)
        return true;
    diag_list_suppress(s->diags, dg, by->reason);
    return false;
}

/* The comment's line with its line ending, for removing it. */
static struct span with_line_end(const struct reg_file *file, struct span at)
{
    const char *text = file->src->d.text;
    size_t len = file->src->d.len;
    if (at.end < len && text[at.end] == '\r')
        at.end++;
    if (at.end < len && text[at.end] == '\n')
        at.end++;
    return at;
}

static const char *kind_word(enum directive_kind k)
{
    for (size_t w = 0; w < sizeof directive_words / sizeof directive_words[0]; w++)
        if (directive_words[w].kind == k)
            return directive_words[w].word;
    return "?";
}

void suppress_apply(const struct reg_file *file, struct diag_list *diags, const bool *enabled)
{
    if (enabled[RULE_UNKNOWN_DIRECTIVE])
        check_unknown_directives(file, diags);
    struct directive *dirs = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < file->nstmts; i++) {
        if (file->stmts[i].kind != REG_STMT_COMMENT)
            continue;
        dirs = xgrow(dirs, &cap, n + 1, sizeof *dirs);
        if (parse_directive(file, i, &dirs[n], diags))
            n++;
    }
    if (n == 0) {
        free(dirs);
        return;
    }
    set_ranges(file, dirs, n);
    mark_used(dirs, n, diags);
    struct silenced silenced;
    silenced.diags = diags;
    find_silenced(dirs, n, &silenced);
    diag_list_filter(diags, not_silenced, &silenced);
    free(silenced.spans);
    for (size_t k = 0; k < n; k++) {
        struct directive *d = &dirs[k];
        if (d->kind == DIR_ENABLE || !enabled[RULE_UNUSED_SUPPRESSION])
            continue;
        if (d->any_used)
            continue;
        bool runs = d->all;
        for (int r = 0; r < RULE_COUNT && !runs; r++)
            runs = d->rules[r] && enabled[r];
        if (!runs)
            continue;
        struct diag *dg = diag_add(diags, RULE_UNUSED_SUPPRESSION, file->src, d->at,
                                   "this %s silences nothing", kind_word(d->kind));
        struct fix *fix = diag_fix(diags, dg, FIX_SAFE, "remove the comment");
        diag_fix_edit(diags, fix, with_line_end(file, d->at), "");
    }
    free(dirs);
}
