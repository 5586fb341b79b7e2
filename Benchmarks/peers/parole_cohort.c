/*
 * Lower bound for the benchmark of issue 14 ("Performance"): the Kazakh parole (CC art. 72) and replacement
 * (art. 73(1)-(3)) rules of `parole cohort`, hard-coded in plain C, on the same population CSV.
 *
 *   cc -O2 -o parole_cohort parole_cohort.c
 *   ./parole_cohort POP.csv --as-of 2026-12-05 [--horizon 5] [--dates OUT.csv]
 *
 * What it does: maps the file into memory and reads it with a hand-written parser (one pass over the bytes; header
 * names looked up once; RFC 4180 quotes, a byte-order mark and CRLF accepted), decides each person as it goes
 * and keeps nothing but counts: people per status and how many are eligible by the as-of date and by each year of
 * the horizon, printed as JSON (the same figures as `parole cohort --format json` and openfisca_parole.py). With
 * --dates it also writes each person's earliest date or status (id,kz-parole,kz-replacement) for the agreement
 * check. One thread. No corpus, no citations, no explanations, no error recovery beyond stopping at the first
 * bad row: it is the arithmetic and the rules alone, which is what a lower bound should be.
 *
 * Date arithmetic, copied from Tests/AtlasEngineTests/Golden/kz/README.md ("Convention"): term = M months + D days;
 * f x M = q whole months + r; anchor = start + q months (clamped to month end); L = days from anchor to
 * anchor + 1 month (clamped); earliest = anchor + ceil(r x L + f x D) days; life = start + N years (clamped).
 * Exact in 64-bit integers. Ages in whole years, a 29 February birthday reached on 1 March.
 *
 * Rules (corpus/jurisdictions/kz.xml), the same as openfisca_parole.py, whose header lists them with citations:
 * parole 1/3 minor+medium, 1/2 grave, 2/3 especially grave; cooperation 1/3 grave, 1/2 especially grave; life 25 y,
 * 15 y with cooperation; exclusions of 72(8) with their exceptions (terrorism/extremism with death or an especially
 * grave crime; grave and especially grave corruption from 2020-12-19 unless vulnerable on the decision date or
 * cooperating; sexual offences against minors from 2016-04-09 unless a juvenile offender and a victim of 14-17;
 * murder in a criminal group from 2023-03-17 unless vulnerable), each dated ban reaching only offences on or after
 * its date (milder law retroactive). Replacement: minor, medium, grave only; 1/4 minor+medium, 1/3 grave; bans on
 * sexual offences against minors (juvenile exception), terrorism/extremism with death, organised group. Unknown
 * facts give "undetermined" (three-valued logic), as in the atlas.
 * Left out, as in the OpenFisca peer: repeat parole after a revocation, the punishment column, the conditions of
 * grant and mandatory release (not a date), art. 73(4) term reduction, an `age` column, the second reading of the
 * law in time, reforms, other jurisdictions.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef int64_t i64;

/* ---- calendar (days since 1970-01-01; H. Hinnant's civil algorithms) ---- */
static i64 days_from_civil(i64 y, unsigned m, unsigned d) {
    y -= m <= 2;
    const i64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (i64)doe - 719468;
}
static void civil_from_days(i64 z, i64 *y, unsigned *m, unsigned *d) {
    z += 719468;
    const i64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (i64)yoe + era * 400 + (*m <= 2);
}
static unsigned days_in(i64 y, unsigned m) {
    static const unsigned n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return n[m - 1];
}
static i64 add_months(i64 day, i64 months) {
    i64 y; unsigned m, d;
    civil_from_days(day, &y, &m, &d);
    i64 total = y * 12 + (m - 1) + months;
    i64 y2 = total >= 0 ? total / 12 : (total - 11) / 12;
    unsigned m2 = (unsigned)(total - y2 * 12 + 1);
    unsigned dim = days_in(y2, m2);
    return days_from_civil(y2, m2, d < dim ? d : dim);
}
static i64 share_date(i64 start, i64 months, i64 days, i64 p, i64 q) {
    i64 whole = p * months / q, rest = p * months % q;
    i64 anchor = add_months(start, whole);
    i64 length = add_months(anchor, 1) - anchor;
    i64 num = rest * length + p * days;
    return anchor + (num + q - 1) / q;
}
static int whole_years(i64 birth, i64 on) {
    i64 by, y; unsigned bm, bd, m, d;
    civil_from_days(birth, &by, &bm, &bd);
    civil_from_days(on, &y, &m, &d);
    return (int)(y - by - ((m * 100 + d) < (bm * 100 + bd)));
}

/* ---- three-valued logic: 0 no, 1 yes, 2 unknown ---- */
enum { NO = 0, YES = 1, UNK = 2 };
static int k_and(int a, int b) { return (a == NO || b == NO) ? NO : (a == YES && b == YES) ? YES : UNK; }
static int k_or(int a, int b) { return (a == YES || b == YES) ? YES : (a == NO && b == NO) ? NO : UNK; }

/* ---- the law (kz.xml) ---- */
enum { MINOR, MEDIUM, GRAVE, ESP_GRAVE };
static const int PAROLE_P[] = {1, 1, 1, 2}, PAROLE_Q[] = {3, 3, 2, 3};
static const int COOP_P[] = {1, 1, 1, 1}, COOP_Q[] = {3, 3, 3, 2};
static const int REPL_P[] = {1, 1, 1, 0}, REPL_Q[] = {4, 4, 3, 1};
enum { S_AVAILABLE, S_EXCLUDED, S_UNDETERMINED, S_OUT_OF_SCOPE, S_NO_THRESHOLD, S_TERM_ENDS_FIRST, S_COUNT };
static const char *STATUS[] = {"available", "excluded", "undetermined", "out-of-scope", "no-threshold",
                               "term-ends-first"};
enum { T_TERRORISM = 1, T_EXTREMISM = 2, T_CORRUPTION = 4, T_SEX_MINOR = 8, T_MURDER_GROUP = 16, T_ORGANISED = 32,
       C_DEATH = 1, C_COMBINED = 2 };

typedef struct {
    i64 months, days;
    int life, category;
    i64 start, offence, birth;
    int offence_known, birth_known;
    int sex; /* 0 unknown, 1 female, 2 male */
    int juvenile, pregnant, young_child, single_parent, cooperation, disability, victim_age;
    unsigned tags, consequences;
} person;

/* A dated ban in the law applied (law at the offence, milder law retroactive). */
static i64 LAW_2014;
/* An offence before 2014-07-03 is judged under the 2014 Code (no earlier law in the corpus): its undated bans reach
   everyone, a dated one only offences on or after its date. */
static int ban_reaches(const person *p, i64 since, i64 as_of) {
    if (since > as_of) return NO;
    if (since <= LAW_2014) return YES;
    if (p->offence_known) return p->offence >= since ? YES : NO;
    return p->start >= since ? UNK : NO;
}
/* One exclusion: 0 none, 1 excluded, 2 undetermined. Weighed as the atlas does under a law that has the ban; when
   it is unknown whether the ban reaches the person (no offence date), the answer is undetermined only if the ban
   would change it. */
static int exclusion(int matches, int reaches, int rescue) {
    if (reaches == NO || matches == NO) return 0;
    int r = (matches == YES && rescue == YES) ? 0 : (matches == YES && rescue == NO) ? 1 : 2;
    return reaches == YES ? r : r ? 2 : 0;
}
static int vulnerable(const person *p, i64 decision) {
    int female = p->sex == 1 ? YES : p->sex == 0 ? UNK : NO, male = p->sex == 2 ? YES : p->sex == 0 ? UNK : NO;
    int age = p->birth_known ? whole_years(p->birth, decision) : 0;
    int old_f = p->birth_known ? (age >= 58 ? YES : NO) : UNK, old_m = p->birth_known ? (age >= 63 ? YES : NO) : UNK;
    int v = p->pregnant ? YES : NO;
    v = k_or(v, k_and(female, p->young_child ? YES : NO));
    v = k_or(v, k_and(male, k_and(p->young_child ? YES : NO, p->single_parent ? YES : NO)));
    v = k_or(v, k_and(female, old_f));
    v = k_or(v, k_and(male, old_m));
    return k_or(v, (p->disability == 1 || p->disability == 2) ? YES : NO);
}
static int juvenile_exception(const person *p) {
    int victim = p->victim_age < 0 ? UNK : (p->victim_age >= 14 && p->victim_age < 18) ? YES : NO;
    return k_and(p->juvenile ? YES : NO, victim);
}
static int combine(int a, int b) { return (a == 1 || b == 1) ? 1 : (a == 2 || b == 2) ? 2 : 0; }

static i64 BAN_CORRUPTION, BAN_SEX_MINOR, BAN_MURDER_GROUP;

static void decide(const person *p, i64 as_of, int *ps, i64 *pd, int *rs, i64 *rd) {
    int cat = p->category, coop = p->cooperation;
    i64 end = add_months(p->start, p->months) + p->days;
    /* parole */
    i64 date = p->life ? add_months(p->start, 12 * (coop ? 15 : 25))
                       : share_date(p->start, p->months, p->days, coop ? COOP_P[cat] : PAROLE_P[cat],
                                    coop ? COOP_Q[cat] : PAROLE_Q[cat]);
    i64 decision = date > as_of ? date : as_of;
    int terror = (p->tags & (T_TERRORISM | T_EXTREMISM)) && p->consequences ? YES : NO;
    int ex = exclusion(terror, ban_reaches(p, LAW_2014, as_of), NO);
    if (p->tags & (T_CORRUPTION | T_MURDER_GROUP)) {
        int vul = vulnerable(p, decision);
        ex = combine(ex, exclusion((p->tags & T_CORRUPTION) && cat >= GRAVE ? YES : NO,
                                   ban_reaches(p, BAN_CORRUPTION, as_of), k_or(vul, coop ? YES : NO)));
        ex = combine(ex, exclusion(p->tags & T_MURDER_GROUP ? YES : NO, ban_reaches(p, BAN_MURDER_GROUP, as_of), vul));
    }
    int juv = juvenile_exception(p);
    ex = combine(ex, exclusion(p->tags & T_SEX_MINOR ? YES : NO, ban_reaches(p, BAN_SEX_MINOR, as_of), juv));
    *pd = date;
    *ps = ex == 1 ? S_EXCLUDED : ex == 2 ? S_UNDETERMINED : (!p->life && date > end) ? S_TERM_ENDS_FIRST : S_AVAILABLE;
    /* replacement (bans undated: in force since 2014-07-03) */
    if (cat == ESP_GRAVE) { *rs = S_OUT_OF_SCOPE; *rd = 0; return; }
    date = share_date(p->start, p->months, p->days, REPL_P[cat], REPL_Q[cat]);
    ex = exclusion(p->tags & T_SEX_MINOR ? YES : NO, YES, juv);
    ex = combine(ex, exclusion(terror, YES, NO));
    ex = combine(ex, exclusion(p->tags & T_ORGANISED ? YES : NO, YES, NO));
    *rd = date;
    *rs = ex == 1 ? S_EXCLUDED : ex == 2 ? S_UNDETERMINED : p->life ? S_NO_THRESHOLD
        : date > end ? S_TERM_ENDS_FIRST : S_AVAILABLE;
}

/* ---- CSV ---- */
enum { C_ID, C_TERM, C_CATEGORY, C_START, C_OFFENCE_DATE, C_OFFENCES, C_CONSEQUENCES, C_SEX, C_BIRTH, C_JUVENILE,
       C_PREGNANT, C_YOUNG_CHILD, C_SINGLE_PARENT, C_DISABILITY, C_VICTIM_AGE, C_COOPERATION, C_IGNORED };
static const char *COLUMNS[] = {"id", "term", "category", "start", "offenceDate", "offences", "consequences", "sex",
                                "birthDate", "juvenile", "pregnant", "youngChild", "singleParent", "disability",
                                "victimAge", "cooperation"};

static const char *path;
static long line_no;
static _Noreturn void fail(const char *column, const char *what, const char *s, size_t n) {
    fprintf(stderr, "parole_cohort: %s:%ld (column %s): %s \"%.*s\"\n", path, line_no, column, what, (int)n, s);
    exit(65);
}

/* Reads one field at *pos; returns its bytes (quotes removed into `scratch` when quoted); sets *last at a line end. */
static const char *field(const char **pos, const char *end, size_t *len, int *last, char *scratch) {
    const char *s = *pos;
    if (s < end && *s == '"') {
        size_t n = 0;
        s++;
        for (;;) {
            if (s >= end) { fprintf(stderr, "parole_cohort: %s:%ld: unterminated quote\n", path, line_no); exit(65); }
            if (*s == '"') {
                if (s + 1 < end && s[1] == '"') { if (n < 255) scratch[n++] = '"'; s += 2; continue; }
                s++;
                break;
            }
            if (*s == '\n') line_no++;
            if (n < 255) scratch[n++] = *s;
            s++;
        }
        *len = n;
        if (s < end && *s == '\r') s++;
        *last = s >= end || *s == '\n';
        *pos = s + 1;
        return scratch;
    }
    const char *e = s;
    while (e < end && *e != ',' && *e != '\n') e++;
    *last = e >= end || *e == '\n';
    *pos = e + 1;
    *len = (size_t)(e - s);
    if (*last && *len && s[*len - 1] == '\r') (*len)--;
    return s;
}

static int parse_date(const char *s, size_t n, i64 *out) {
    if (n != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++) if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    i64 y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    unsigned m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0')), d = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
    if (m < 1 || m > 12 || d < 1 || d > days_in(y, m)) return 0;
    *out = days_from_civil(y, m, d);
    return 1;
}
static int parse_flag(const char *s, size_t n, const char *column) {
    if (n == 0) return 0;
    if ((n == 4 && !strncasecmp(s, "true", 4)) || (n == 3 && !strncasecmp(s, "yes", 3)) || (n == 1 && *s == '1')) return 1;
    if ((n == 5 && !strncasecmp(s, "false", 5)) || (n == 2 && !strncasecmp(s, "no", 2)) || (n == 1 && *s == '0')) return 0;
    fail(column, "not true or false:", s, n);
}
static int parse_int(const char *s, size_t n, int empty, const char *column) {
    if (n == 0) return empty;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9' || v > 100000) fail(column, "not a whole number:", s, n);
        v = v * 10 + (s[i] - '0');
    }
    return v;
}
static unsigned parse_tags(const char *s, size_t n, int consequences) {
    static const char *OFF[] = {"terrorism", "extremism", "corruption", "sexual-offence-against-minor",
                                "murder-in-criminal-group", "organised-group"};
    static const char *CON[] = {"caused-death", "combined-with-especially-grave"};
    const char **names = consequences ? CON : OFF;
    int count = consequences ? 2 : 6;
    unsigned bits = 0;
    const char *e = s + n;
    while (s < e) {
        const char *t = s;
        while (t < e && *t != ';') t++;
        size_t k = (size_t)(t - s);
        for (int i = 0; i < count; i++)
            if (strlen(names[i]) == k && !memcmp(names[i], s, k)) bits |= 1u << i;
        s = t + 1;
    }
    return bits;
}
static void parse_term(const char *s, size_t n, person *p) {
    p->months = p->days = 0;
    p->life = 0;
    if (n == 4 && !memcmp(s, "life", 4)) { p->life = 1; return; }
    if (n == 0) fail("term", "empty term", s, n);
    i64 v = 0;
    int digits = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') { v = v * 10 + (c - '0'); digits++; if (v > 100000) fail("term", "too long:", s, n); continue; }
        if (!digits) fail("term", "not a term:", s, n);
        if (c == 'y') p->months += 12 * v;
        else if (c == 'm') p->months += v;
        else if (c == 'd') p->days += v;
        else fail("term", "not a term:", s, n);
        v = 0;
        digits = 0;
    }
    if (digits) fail("term", "not a term:", s, n);
}
static int parse_category(const char *s, size_t n) {
    if (n == 5 && !memcmp(s, "minor", 5)) return MINOR;
    if (n == 6 && !memcmp(s, "medium", 6)) return MEDIUM;
    if (n == 5 && !memcmp(s, "grave", 5)) return GRAVE;
    if (n == 16 && !memcmp(s, "especially-grave", 16)) return ESP_GRAVE;
    fail("category", "unknown category", s, n);
}

/* ---- output ---- */
static char *out_buf;
static size_t out_len;
static FILE *out_file;
static void out_flush(void) { fwrite(out_buf, 1, out_len, out_file); out_len = 0; }
static void out_put(const char *s, size_t n) {
    if (out_len + n > (1 << 20)) out_flush();
    memcpy(out_buf + out_len, s, n);
    out_len += n;
}
static void out_cell(int status, i64 date) {
    if (status == S_AVAILABLE) {
        i64 y; unsigned m, d;
        civil_from_days(date, &y, &m, &d);
        char b[12];
        b[0] = ','; b[1] = '0' + (char)(y / 1000 % 10); b[2] = '0' + (char)(y / 100 % 10); b[3] = '0' + (char)(y / 10 % 10);
        b[4] = '0' + (char)(y % 10); b[5] = '-'; b[6] = '0' + (char)(m / 10); b[7] = '0' + (char)(m % 10); b[8] = '-';
        b[9] = '0' + (char)(d / 10); b[10] = '0' + (char)(d % 10);
        out_put(b, 11);
    } else {
        out_put(",", 1);
        out_put(STATUS[status], strlen(STATUS[status]));
    }
}

int main(int argc, char **argv) {
    const char *as_of_text = NULL, *dates = NULL;
    int horizon = 5;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--as-of") && i + 1 < argc) as_of_text = argv[++i];
        else if (!strcmp(argv[i], "--horizon") && i + 1 < argc) horizon = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--dates") && i + 1 < argc) dates = argv[++i];
        else path = argv[i];
    }
    i64 as_of;
    if (!path || !as_of_text || !parse_date(as_of_text, strlen(as_of_text), &as_of) || horizon < 0 || horizon > 50) {
        fprintf(stderr, "usage: parole_cohort POP.csv --as-of YYYY-MM-DD [--horizon 5] [--dates OUT.csv]\n");
        return 64;
    }
    parse_date("2020-12-19", 10, &BAN_CORRUPTION);
    parse_date("2016-04-09", 10, &BAN_SEX_MINOR);
    parse_date("2023-03-17", 10, &BAN_MURDER_GROUP);
    parse_date("2014-07-03", 10, &LAW_2014);
    if (as_of < LAW_2014) { fprintf(stderr, "parole_cohort: the 2014 Code is not in force on %s\n", as_of_text); return 64; }

    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) { perror(path); return 66; }
    const char *data = st.st_size ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : "";
    if (data == MAP_FAILED) { perror(path); return 66; }
    madvise((void *)data, (size_t)st.st_size, MADV_SEQUENTIAL);
    const char *pos = data, *end = data + st.st_size;
    if (end - pos >= 3 && !memcmp(pos, "\xEF\xBB\xBF", 3)) pos += 3;
    if (pos >= end) { fprintf(stderr, "parole_cohort: %s:1: empty file\n", path); return 65; }

    /* header */
    int roles[256], ncols = 0, last = 0;
    char scratch[256];
    line_no = 1;
    while (!last) {
        size_t n;
        const char *s = field(&pos, end, &n, &last, scratch);
        if (ncols == 256) { fprintf(stderr, "parole_cohort: too many columns\n"); return 65; }
        roles[ncols] = C_IGNORED;
        for (int c = 0; c < C_IGNORED; c++) if (strlen(COLUMNS[c]) == n && !memcmp(COLUMNS[c], s, n)) roles[ncols] = c;
        ncols++;
    }
    for (int need = C_TERM; need <= C_START; need++) {
        int found = 0;
        for (int c = 0; c < ncols; c++) found |= roles[c] == need;
        if (!found) { fprintf(stderr, "parole_cohort: %s:1: missing column %s\n", path, COLUMNS[need]); return 65; }
    }

    i64 limits[51];
    limits[0] = as_of;
    for (int k = 1; k <= horizon; k++) limits[k] = add_months(as_of, 12 * k);
    long people = 0, status_count[2][S_COUNT] = {{0}}, eligible[2][51] = {{0}};
    if (dates) {
        out_file = fopen(dates, "w");
        if (!out_file) { perror(dates); return 73; }
        out_buf = malloc(1 << 20);
        out_put("id,kz-parole,kz-replacement\n", 28);
    }

    while (pos < end) {
        line_no++;
        if (*pos == '\n' || (*pos == '\r' && pos + 1 < end && pos[1] == '\n')) { pos += *pos == '\r' ? 2 : 1; continue; }
        person p = {0};
        p.victim_age = -1;
        const char *id = NULL;
        size_t id_len = 0;
        int c = 0;
        last = 0;
        while (!last) {
            size_t n;
            const char *s = field(&pos, end, &n, &last, scratch);
            if (c >= ncols) { fprintf(stderr, "parole_cohort: %s:%ld: more fields than the header\n", path, line_no); return 65; }
            switch (roles[c]) {
            case C_ID: id = s; id_len = n; break;
            case C_TERM: parse_term(s, n, &p); break;
            case C_CATEGORY: p.category = parse_category(s, n); break;
            case C_START: if (!parse_date(s, n, &p.start)) fail("start", "not a date", s, n); break;
            case C_OFFENCE_DATE:
                if (n && !(p.offence_known = parse_date(s, n, &p.offence))) fail("offenceDate", "not a date", s, n);
                break;
            case C_BIRTH:
                if (n && !(p.birth_known = parse_date(s, n, &p.birth))) fail("birthDate", "not a date", s, n);
                break;
            case C_OFFENCES: p.tags = parse_tags(s, n, 0); break;
            case C_CONSEQUENCES: p.consequences = parse_tags(s, n, 1); break;
            case C_SEX:
                if (n == 6 && !memcmp(s, "female", 6)) p.sex = 1;
                else if (n == 4 && !memcmp(s, "male", 4)) p.sex = 2;
                else if (n) fail("sex", "not female or male", s, n);
                break;
            case C_JUVENILE: p.juvenile = parse_flag(s, n, "juvenile"); break;
            case C_PREGNANT: p.pregnant = parse_flag(s, n, "pregnant"); break;
            case C_YOUNG_CHILD: p.young_child = parse_flag(s, n, "youngChild"); break;
            case C_SINGLE_PARENT: p.single_parent = parse_flag(s, n, "singleParent"); break;
            case C_COOPERATION: p.cooperation = parse_flag(s, n, "cooperation"); break;
            case C_DISABILITY: p.disability = parse_int(s, n, 0, "disability"); break;
            case C_VICTIM_AGE: p.victim_age = parse_int(s, n, -1, "victimAge"); break;
            default: break;
            }
            c++;
        }
        if (c != ncols) { fprintf(stderr, "parole_cohort: %s:%ld: fewer fields than the header\n", path, line_no); return 65; }
        int st2[2];
        i64 dt[2];
        decide(&p, as_of, &st2[0], &dt[0], &st2[1], &dt[1]);
        people++;
        for (int m = 0; m < 2; m++) {
            status_count[m][st2[m]]++;
            if (st2[m] == S_AVAILABLE)
                for (int k = 0; k <= horizon; k++) eligible[m][k] += dt[m] <= limits[k];
        }
        if (dates) {
            char idbuf[32];
            if (!id) { id_len = (size_t)snprintf(idbuf, sizeof idbuf, "%ld", line_no); id = idbuf; }
            out_put(id, id_len);
            out_cell(st2[0], dt[0]);
            out_cell(st2[1], dt[1]);
            out_put("\n", 1);
        }
    }
    if (dates) { out_flush(); if (fclose(out_file)) { perror(dates); return 73; } }

    printf("{\n \"peer\": \"c\",\n \"people\": %ld,\n \"asOf\": \"%s\",\n \"mechanisms\": {\n", people, as_of_text);
    const char *mech[] = {"kz-parole", "kz-replacement"};
    for (int m = 0; m < 2; m++) {
        printf("  \"%s\": {\n   \"statuses\": {", mech[m]);
        for (int s = 0; s < S_COUNT; s++) printf("%s\"%s\": %ld", s ? ", " : "", STATUS[s], status_count[m][s]);
        printf("},\n   \"eligible\": [");
        for (int k = 0; k <= horizon; k++) printf("%s%ld", k ? ", " : "", eligible[m][k]);
        printf("]\n  }%s\n", m ? "" : ",");
    }
    printf(" }\n}\n");
    return 0;
}
