/*
 * doj-fold: the DOJ research file read once, in native code, and folded to what the intermediate models read.
 *
 * Why: the SQL staging path turns every one of a statewide file's lines into ~40 typed values before anything is
 * grouped, and at 2M lines that is most of the run (docs/scale.md, "Session 21"). This program reads the lines,
 * keeps only the values a model reads, and writes small tables the models load instead of stg_doj_rows:
 *
 *   fold_counts_1|2.parquet    one row per convicted count (SUBJECT_ID x CNT_ORDER): its first sentence part's
 *                              fields and the sums over its distinct sentence parts (int_convictions' inputs)
 *   fold_subjects.parquet      one row per SUBJECT_ID: identity min/max, DOB status, the first conviction's county
 *   fold_identities.csv        for a person whose lines disagree: each distinct identity and its line count
 *   fold_steps.csv             the death and PC 290 registration steps
 *   fold_prop64_lines.parquet  distinct (subject, cycle, convicted, charge text) of lines that may name a Prop 64
 *                              section
 *   fold_charge_texts.csv      distinct charge texts with an id (parsed into code sections by SQL, as on the SQL
 *                              path); the other tables name a charge text by its id, which keeps them small
 *
 * The three large tables are Parquet (typed, so DuckDB parses nothing again), the small ones CSV.
 *
 * It decides only what it can decide exactly as DuckDB would. The file must be plain: one record per line, 95
 * fields, quotes well formed, valid UTF-8, no NUL byte; every value it upper-cases or compares as text must be
 * ASCII; every date it parses 8 digits (or no digit at all), every number plain digits. Anything else is a quirk:
 * it exits 3 with the reason on stdout, writes nothing, and the run takes the SQL path, which reads every file.
 * Regular expressions (charge codes, the 664/182 prefix, PC 290) stay in SQL, over the few distinct texts.
 *
 * usage: doj-fold OUT_DIR COLUMNS HEADERS FILE...
 *   COLUMNS: the 95 column names, comma-separated, in the files' order; HEADERS: one 0 or 1 per file (a header line)
 * exit: 0 folded (summary JSON on stdout), 3 not plain (reason on stdout), 1 failure (stderr)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <pthread.h>
#include <unistd.h>

#define NF 95
/* The file's pages already read are let go every drop_bytes: the reader's memory stays its folded tables.
   DOJ_FOLD_DROP_BYTES sets it (the tests let go of every page, on files far smaller than the default). */
#define DROP_BYTES (64L << 20)
static long drop_bytes = DROP_BYTES;
static long page; /* the system's page size, read once in main */
/* DuckDB's max_line_size as the run sets it (pipelines/ingest/raw-source.ts): a longer line is rejected there. */
#define MAX_LINE 2097152

/* ---------- failure paths ---------- */

static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("doj-fold: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

static const char *cur_file;
/* The line being read, counted from the start of the thread's part of the file (its start is found on a quirk). */
static __thread long cur_line;
static __thread const char *part_file_start, *part_start;
/* The file being read: its number among the inputs and where its bytes start (a line's offset is from there). */
static __thread int reading_file;
static __thread const char *reading_base;

/* Not plain: say why (file, line, what) and leave the file to the SQL path. */
static void quirk(const char *fmt, ...) {
  static pthread_mutex_t once = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&once); /* never unlocked: the first quirk ends the program */
  char why[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(why, sizeof why, fmt, ap);
  va_end(ap);
  printf("{\"quirk\":\"");
  for (const char *p = why; *p; p++) {
    if (*p == '"' || *p == '\\') putchar('\\');
    putchar(*p >= 0x20 ? *p : ' ');
  }
  printf("\",\"file\":\"");
  for (const char *p = cur_file ? cur_file : ""; *p; p++) {
    if (*p == '"' || *p == '\\') putchar('\\');
    putchar(*p);
  }
  long line = cur_line;
  for (const char *q = part_file_start; q && q < part_start; q++) line += *q == '\n';
  printf("\",\"line\":%ld}\n", line);
  fflush(stdout);
  exit(3);
}

/* ---------- memory ---------- */

/* A bump arena: strings and records live until the program ends. */
/* Zeroed memory, in huge pages where the kernel gives them on request (transparent huge pages in "madvise" mode):
   the folds' tables and records are reached all over, and with 4 KB pages the page faults and address translation
   cost the reader about 15% of its time at 2M lines (2.08–2.13 s against 2.50–2.54; 5.5–5.7 against 5.8–6.0 at
   5M). Whole huge pages, aligned; freed by free_big. */
#define HUGE_PAGE ((size_t)2 << 20)
static size_t huge_pages(size_t size) { return (size + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE; }
static void *big_zeroed(size_t size) {
  size_t want = huge_pages(size), span = want + HUGE_PAGE;
  char *m = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) return NULL;
  /* keep the aligned part, give back the rest on either side */
  char *p = (char *)(((uintptr_t)m + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1));
  if (p > m) munmap(m, p - m);
  if (m + span > p + want) munmap(p + want, m + span - (p + want));
#ifdef MADV_HUGEPAGE
  madvise(p, want, MADV_HUGEPAGE);
#endif
  return p;
}
static void free_big(void *p, size_t size) {
  if (p) munmap(p, huge_pages(size));
}

static __thread char *arena_at, *arena_end;
static void *alloc(size_t n) {
  n = (n + 7) & ~(size_t)7;
  if (arena_at + n > arena_end) {
    size_t size = n > (64u << 20) ? n : (64u << 20);
    arena_at = big_zeroed(size);
    if (!arena_at) die("out of memory");
    arena_end = arena_at + size;
  }
  void *p = arena_at;
  arena_at += n;
  return p;
}

/* A value: bytes and length; p == NULL is SQL NULL. */
typedef struct {
  const char *p;
  int n;
} sv;
static const sv NUL = {NULL, 0};

static sv keep(sv v) {
  if (!v.p) return v;
  char *c = alloc(v.n + 1);
  memcpy(c, v.p, v.n);
  c[v.n] = 0;
  return (sv){c, v.n};
}

static inline int eq(sv a, sv b) {
  if (!a.p || !b.p) return !a.p && !b.p;
  if (a.n != b.n) return 0;
  for (int i = 0; i < a.n; i++) /* most values are a few bytes: no call */
    if (a.p[i] != b.p[i]) return 0;
  return 1;
}

/* DuckDB's VARCHAR order: bytes, shorter first on a tie. NULL is not compared here. */
static int cmp(sv a, sv b) {
  int m = a.n < b.n ? a.n : b.n;
  int c = memcmp(a.p, b.p, m);
  return c ? c : (a.n > b.n) - (a.n < b.n);
}

/* Eight bytes at a time (a byte at a time took 5% of the reader's time): only the tables' slots depend on it. */
static uint64_t hash_bytes(const char *p, int n, uint64_t h) {
  uint64_t w;
  for (; n >= 8; p += 8, n -= 8) {
    memcpy(&w, p, 8);
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
  }
  if (n) {
    w = 0;
    memcpy(&w, p, n);
    h = (h ^ w ^ (uint64_t)n << 56) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 29;
  }
  return h;
}
static uint64_t hash_sv(sv v, uint64_t h) {
  h = hash_bytes(v.p ? v.p : "", v.n, h);
  h ^= v.p ? 0x5bd1e995 : 0x27d4eb2f;
  return h * 0x9e3779b97f4a7c15ULL;
}

/* ---------- fields as DuckDB's reader gives them ---------- */

/* A raw field: its bytes in the line, quotes and all. */
typedef struct {
  const char *p;
  int n;
} field;

static __thread field F[NF];

/* The field's value as DuckDB loads it: NULL for an empty unquoted field, quotes removed, doubled ones undone. */
static sv value(int i) {
  field f = F[i];
  if (f.n == 0) return NUL;
  if (f.p[0] != '"') return (sv){f.p, f.n};
  const char *s = f.p + 1;
  int n = f.n - 2;
  if (!memchr(s, '"', n)) return (sv){s, n};
  char *c = alloc(n);
  int k = 0;
  for (int j = 0; j < n; j++) {
    c[k++] = s[j];
    if (s[j] == '"') j++;
  }
  return (sv){c, k};
}

/* Length of a Unicode space separator (category Zs) starting at p, or 0: what DuckDB's trim() strips. */
static int zs_at(const unsigned char *p, const unsigned char *end) {
  if (p >= end) return 0;
  if (p[0] == 0x20) return 1;
  if (p[0] == 0xC2 && p + 1 < end && p[1] == 0xA0) return 2;
  if (p + 2 >= end) return 0;
  if (p[0] == 0xE1 && p[1] == 0x9A && p[2] == 0x80) return 3;
  if (p[0] == 0xE2 && p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xAF)) return 3;
  if (p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0x9F) return 3;
  if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) return 3;
  return 0;
}
/* Length of a Zs character ending just before end, or 0. */
static int zs_before(const unsigned char *start, const unsigned char *end) {
  if (end - start >= 1 && end[-1] == 0x20) return 1;
  if (end - start >= 2 && zs_at(end - 2, end) == 2) return 2;
  if (end - start >= 3 && zs_at(end - 3, end) == 3) return 3;
  return 0;
}

static sv trim_zs(sv v) {
  if (!v.p) return v;
  const unsigned char *a = (const unsigned char *)v.p, *z = a + v.n;
  int k;
  while ((k = zs_at(a, z))) a += k;
  while (z > a && (k = zs_before(a, z))) z -= k;
  return (sv){(const char *)a, (int)(z - a)};
}

#define HIGH_BITS 0x8080808080808080ULL

static int has_high(sv v) {
  int i = 0;
  for (uint64_t w; i + 8 <= v.n; i += 8) {
    memcpy(&w, v.p + i, 8);
    if (w & HIGH_BITS) return 1;
  }
  for (; i < v.n; i++)
    if ((unsigned char)v.p[i] >= 0x80) return 1;
  return 0;
}

/* Whether ASCII text holds a lower-case letter, eight bytes at a time: a byte b below 0x80 is 'a'..'z' when b + 0x1f
   reaches 0x80 and b + 0x05 does not (neither sum carries into the next byte). */
static int has_lower_ascii(sv v) {
  int i = 0;
  for (uint64_t w; i + 8 <= v.n; i += 8) {
    memcpy(&w, v.p + i, 8);
    if ((w + 0x1f1f1f1f1f1f1f1fULL) & ~(w + 0x0505050505050505ULL) & HIGH_BITS) return 1;
  }
  for (; i < v.n; i++)
    if (v.p[i] >= 'a' && v.p[i] <= 'z') return 1;
  return 0;
}

/* clean(): trimmed only when it starts or ends with an ASCII space; NULL when blank. */
static sv clean(int i) {
  sv v = value(i);
  if (!v.p) return v;
  if (v.n && (v.p[0] == ' ' || v.p[v.n - 1] == ' ')) v = trim_zs(v);
  return v.n ? v : NUL;
}

/* cleanId(): trimmed also when any byte is past ASCII. */
static sv clean_id(int i) {
  sv v = value(i);
  if (!v.p) return v;
  if (v.n && (v.p[0] == ' ' || v.p[v.n - 1] == ' ' || has_high(v))) v = trim_zs(v);
  return v.n ? v : NUL;
}

/* The file's column names, in order (COLUMNS): a quirk names the column it is about. */
static const char *column_names[NF];

/* An ASCII value upper-cased; past ASCII DuckDB's upper() follows Unicode, which this does not copy: a quirk. */
static sv upper(sv v, int col) {
  if (!v.p) return v;
  if (has_high(v)) quirk("text past ASCII in %s, which the rules read upper-cased", column_names[col]);
  if (!has_lower_ascii(v)) return v;
  char *c = alloc(v.n);
  for (int i = 0; i < v.n; i++) c[i] = (v.p[i] >= 'a' && v.p[i] <= 'z') ? v.p[i] - 32 : v.p[i];
  return (sv){c, v.n};
}
static sv clean_upper(int i) { return upper(clean(i), i); }

/* contains(lower(col), needle) for a lower-case ASCII needle; past ASCII lower() may make ASCII (K → k). */
static int contains_folded(int col, const char *needle) {
  sv v = value(col);
  if (!v.p) return 0;
  if (has_high(v)) quirk("text past ASCII in %s, which the rules search", column_names[col]);
  int k = strlen(needle);
  /* The needle is lower-case letters and spaces: c | 0x20 is c lower-cased for a letter, and a space stays one
     (only NUL would also give a space, and a line with a NUL is not taken). */
  for (int i = 0; i + k <= v.n; i++) {
    if ((v.p[i] | 0x20) != needle[0]) continue;
    int j = 1;
    while (j < k && (v.p[i + j] | 0x20) == needle[j]) j++;
    if (j == k) return 1;
  }
  return 0;
}

/* contains(v, '1135') or contains(v, '1136'): a text that may name a Prop 64 section (HS 11357-11360). */
static int names_1135_1136(sv v) {
  const char *p = v.p, *end = v.p + v.n;
  while (p && end - p >= 4) {
    p = memmem(p, end - p, "113", 3);
    if (!p || end - p < 4) return 0;
    if (p[3] == '5' || p[3] == '6') return 1;
    p++;
  }
  return 0;
}

/* try_strptime(v, '%Y%m%d')::date for the forms decided here: 8 digits, or no digit at all (NULL). */
typedef struct {
  int present; /* the cleaned text is not NULL */
  int ok;      /* it parsed */
  int y, m, d;
} date_t;

static date_t parse_date(sv v, int col) {
  date_t r = {0, 0, 0, 0, 0};
  if (!v.p) return r;
  r.present = 1;
  int digits = 0;
  for (int i = 0; i < v.n; i++) digits += v.p[i] >= '0' && v.p[i] <= '9';
  if (digits == 0) return r;
  if (digits != 8 || v.n != 8) quirk("a date in %s that is neither 8 digits nor free of digits", column_names[col]);
  int y = 0, m, d;
  for (int i = 0; i < 4; i++) y = y * 10 + (v.p[i] - '0');
  m = (v.p[4] - '0') * 10 + (v.p[5] - '0');
  d = (v.p[6] - '0') * 10 + (v.p[7] - '0');
  if (y == 0) quirk("a date in %s in the year 0", column_names[col]);
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m < 1 || m > 12 || d < 1 || d > days[m - 1] + (m == 2 && leap)) return r;
  r.ok = 1;
  r.y = y;
  r.m = m;
  r.d = d;
  return r;
}
static int date_key(date_t t) { return t.ok ? t.y * 512 + t.m * 32 + t.d : 0; }

/* try_cast(v as integer) for plain digits (1 to 9 of them); anything else is a quirk. */
static int parse_int(sv v, int col, int *out) {
  if (!v.p) return 0;
  if (v.n > 9) quirk("a number in %s that is not 1 to 9 digits", column_names[col]);
  int x = 0;
  for (int i = 0; i < v.n; i++) {
    if (v.p[i] < '0' || v.p[i] > '9') quirk("a number in %s that is not plain digits", column_names[col]);
    x = x * 10 + (v.p[i] - '0');
  }
  *out = x;
  return 1;
}

/* try_cast(v as double) for digits with an optional fraction; anything else is a quirk. */
static int parse_double(sv v, int col, double *out) {
  if (!v.p) return 0;
  int i = 0, pre = 0, post = 0;
  while (i < v.n && v.p[i] >= '0' && v.p[i] <= '9') i++, pre++;
  if (i < v.n && v.p[i] == '.') {
    i++;
    while (i < v.n && v.p[i] >= '0' && v.p[i] <= '9') i++, post++;
  }
  if (i != v.n || pre == 0 || pre > 12 || post > 6 || (v.n > pre && post == 0))
    quirk("a number in %s that is not plain digits with an optional fraction", column_names[col]);
  char buf[32];
  memcpy(buf, v.p, v.n);
  buf[v.n] = 0;
  *out = strtod(buf, NULL);
  return 1;
}

static sv coalesce2(sv a, sv b) { return a.p ? a : b; }
static sv coalesce3(sv a, sv b, sv c) { return a.p ? a : b.p ? b : c; }

/* ---------- the columns a model reads ---------- */

enum {
  SUBJECT_ID, CII_NUMBER, PRI_NAME, GENDER, PRI_DOB, RACE_CODE, CYC_ORDER, CYC_DATE, STP_EVENT_DATE,
  STP_TYPE_DESCR, STP_ORI_DESCR, STP_ORI_CNTY_CODE, STP_ORI_CNTY_NAME, CNT_ORDER, DISP_DATE, OFFENSE_CODE,
  OFFENSE_DESCR, OFFENSE_TOC, OFFENSE_QUAL_LST, DISP_OFFENSE_CODE, DISP_OFFENSE_DESCR, DISP_OFFENSE_TOC,
  DISP_OFFENSE_QUAL_LST, CONV_OFFENSE_CODE, CONV_OFFENSE_DESCR, CONV_OFFENSE_TOC, CONV_OFFENSE_QUAL_LST,
  FE_NUM_CRT_CASE, DISP_DESCR, CONV_STAT_DESCR, SENT_ORDER, SENT_LOC_DESCR, SENT_LENGTH, SENT_TIME_CODE, CYC_AGE,
  COMMENT_TEXT, NEEDED
};
static const char *const NEEDED_NAMES[NEEDED] = {
  "SUBJECT_ID", "CII_NUMBER", "PRI_NAME", "GENDER", "PRI_DOB", "RACE_CODE", "CYC_ORDER", "CYC_DATE",
  "STP_EVENT_DATE", "STP_TYPE_DESCR", "STP_ORI_DESCR", "STP_ORI_CNTY_CODE", "STP_ORI_CNTY_NAME", "CNT_ORDER",
  "DISP_DATE", "OFFENSE_CODE", "OFFENSE_DESCR", "OFFENSE_TOC", "OFFENSE_QUAL_LST", "DISP_OFFENSE_CODE",
  "DISP_OFFENSE_DESCR", "DISP_OFFENSE_TOC", "DISP_OFFENSE_QUAL_LST", "CONV_OFFENSE_CODE", "CONV_OFFENSE_DESCR",
  "CONV_OFFENSE_TOC", "CONV_OFFENSE_QUAL_LST", "FE_NUM_CRT_CASE", "DISP_DESCR", "CONV_STAT_DESCR", "SENT_ORDER",
  "SENT_LOC_DESCR", "SENT_LENGTH", "SENT_TIME_CODE", "CYC_AGE", "COMMENT_TEXT"};
/* Position in the file of each needed column. */
static int col[NEEDED];

/* ---------- hash tables (open addressing, power-of-two sizes, grown at half full) ---------- */

typedef struct {
  void **slot;
  uint64_t *hash;
  size_t cap, n;
} table;

static void table_init(table *t, size_t cap) {
  t->cap = cap;
  t->n = 0;
  t->slot = big_zeroed(cap * sizeof(void *));
  t->hash = big_zeroed(cap * sizeof(uint64_t));
  if (!t->slot || !t->hash) die("out of memory");
}

static void table_grow(table *t) {
  table u;
  table_init(&u, t->cap * 2);
  for (size_t i = 0; i < t->cap; i++)
    if (t->slot[i]) {
      size_t j = t->hash[i] & (u.cap - 1);
      while (u.slot[j]) j = (j + 1) & (u.cap - 1);
      u.slot[j] = t->slot[i];
      u.hash[j] = t->hash[i];
    }
  u.n = t->n;
  free_big(t->slot, t->cap * sizeof(void *));
  free_big(t->hash, t->cap * sizeof(uint64_t));
  *t = u;
}

/* The slot for hash h where same(entry) holds, or the empty slot where it would go. */
#define FIND(t, h, same, out)                                   \
  do {                                                          \
    if ((t)->n * 2 >= (t)->cap) table_grow(t);                  \
    size_t i_ = (h) & ((t)->cap - 1);                           \
    for (;;) {                                                  \
      void *e_ = (t)->slot[i_];                                 \
      if (!e_) break;                                           \
      if ((t)->hash[i_] == (h) && same(e_)) break;              \
      i_ = (i_ + 1) & ((t)->cap - 1);                           \
    }                                                           \
    (out) = i_;                                                 \
  } while (0)

/* ---------- what is kept ---------- */

typedef struct identity {
  sv name, cii, gender, race;
  date_t dob;
  long lines;
  struct identity *next;
} identity;

typedef struct {
  sv id;
  sv name, name_max, cii, cii_max, gender, gender_max, race, race_max;
  date_t dob, dob_max;
  int dob_present;
  int has_conv_county;
  int conv_day;
  sv conv_county;
  identity *ids;
} subject;

typedef struct part {
  sv sent_order, kind, unit;
  int has_length;
  double length;
  struct part *next;
} part;

/* The same identity (the modes count lines per distinct identity). */
static int same_identity(const identity *a, const identity *b) {
  return eq(a->name, b->name) && eq(a->cii, b->cii) && eq(a->gender, b->gender) && eq(a->race, b->race) &&
         a->dob.ok == b->dob.ok && date_key(a->dob) == date_key(b->dob);
}

/* The same sentence part: a line delivered twice is one part, so it cannot double a sentence. */
static int same_part(const part *a, const part *b) {
  return eq(a->sent_order, b->sent_order) && eq(a->kind, b->kind) && eq(a->unit, b->unit) &&
         a->has_length == b->has_length && (!a->has_length || a->length == b->length);
}

typedef struct token {
  sv text;
  struct token *next;
} token;

/* Where one CONVICTED line of a count is in the input: the DOJ result files copy it from there (fold_count_lines). */
typedef struct span {
  int file;
  int length; /* without its line break */
  long offset;
  struct span *next;
} span;

typedef struct {
  sv subject, cnt_order;
  span *lines;
  /* the first sentence part's line, in the file's mapping, read again when the count is written. The reading lets
     the file's pages go as it passes them, and the writing as it passes them again, so that the file does not stay
     in the reader's memory; a copy of each line instead was a third of the reader's memory (0.4 of 1.3 GB at 5M
     lines), and zeroing fresh memory was a seventh of its CPU */
  const char *first_line;
  const char *first_line_end;
  sv first_sent;          /* coalesce(sent_order, '') of that part */
  part *parts;
  token *quals;
  token *prefix_texts;    /* charge texts that may carry a 664/182 prefix */
  int any_charge_text;
} count;

typedef struct {
  sv subject, charge_text;
  int cycle, has_cycle, convicted;
} prop64_line;

typedef struct step_row {
  sv subject, charge_text;
  const char *type;
  date_t date;
  struct step_row *next;
} step_row;

/* What one thread has folded: the parts of a file are folded apart, then merged in file order. */
typedef struct {
  table subjects, counts, prop64, charge_texts;
  long n_subjects, n_counts;
  /* Each person and count in the order first seen, so the files follow the input's order without a sort. */
  subject **subject_list;
  count **count_list;
  prop64_line **prop64_list;
  size_t subject_cap, count_cap, prop64_cap;
  long n_prop64;
  step_row *steps, **steps_tail;
  long rows;
  /* The last person, count, Prop 64 line and charge text found: a person's lines, and a count's sentence parts,
     stand together in a DOJ file, so most lines find theirs here without a probe of a large table (each probe was
     a cache miss, and together they were a third of the reading). */
  subject *last_subject;
  count *last_count;
  prop64_line *last_p64;
  void *last_charge;
} fold_t;

static __thread fold_t *st;

static void *push(void *list, size_t *cap, long n, void *item) {
  void **l = list;
  if ((size_t)n >= *cap) {
    *cap = *cap ? *cap * 2 : 1 << 16;
    l = realloc(l, *cap * sizeof *l);
    if (!l) die("out of memory");
  }
  l[n] = item;
  return l;
}

/* An entry put in the empty slot `at` that FIND returned for hash h. */
static void table_put(table *t, size_t at, uint64_t h, void *e) {
  t->slot[at] = e;
  t->hash[at] = h;
  t->n++;
}

/* The keys of the three folded tables, hashed the same way where lines are read and where parts are merged. */
static uint64_t subject_hash(sv sid) { return hash_sv(sid, 0xcbf29ce484222325ULL); }
static uint64_t count_hash(sv sid, sv cnt_order) { return hash_sv(cnt_order, subject_hash(sid)); }
static uint64_t p64_hash(sv sid, sv charge, int cycle, int has_cycle, int convicted) {
  return hash_sv(charge, hash_sv(sid, (uint64_t)cycle * 31 + has_cycle * 7 + convicted));
}

/* A new person, count or Prop 64 line: in its table, and at the end of its first-seen list. */
static void add_subject(fold_t *f, size_t at, uint64_t h, subject *S) {
  f->subject_list = push(f->subject_list, &f->subject_cap, f->n_subjects++, S);
  table_put(&f->subjects, at, h, S);
}
static void add_count(fold_t *f, size_t at, uint64_t h, count *C) {
  f->count_list = push(f->count_list, &f->count_cap, f->n_counts++, C);
  table_put(&f->counts, at, h, C);
}
static void add_prop64(fold_t *f, size_t at, uint64_t h, prop64_line *k) {
  f->prop64_list = push(f->prop64_list, &f->prop64_cap, f->n_prop64++, k);
  table_put(&f->prop64, at, h, k);
}




/* ---------- CSV output ---------- */

/* A file written through one large buffer: stdio's per-character calls were a fifth of the program's time. */
typedef struct {
  int fd;
  char *buf;
  size_t at, cap;
  char path[4096];
} out_t;

static void o_flush(out_t *o) {
  size_t done = 0;
  while (done < o->at) {
    ssize_t w = write(o->fd, o->buf + done, o->at - done);
    if (w < 0) {
      if (errno == EINTR) continue;
      die("writing %s: %s", o->path, strerror(errno));
    }
    done += (size_t)w;
  }
  o->at = 0;
}
static inline void o_need(out_t *o, size_t n) {
  if (o->at + n > o->cap) o_flush(o);
}
static inline void oc(out_t *o, char c) {
  o_need(o, 1);
  o->buf[o->at++] = c;
}
static void on(out_t *o, const char *p, size_t n) {
  while (n) {
    o_need(o, 1);
    size_t k = o->cap - o->at < n ? o->cap - o->at : n;
    memcpy(o->buf + o->at, p, k);
    o->at += k;
    p += k;
    n -= k;
  }
}
static void os(out_t *o, const char *s) { on(o, s, strlen(s)); }

/* A text: bare when it holds no comma, quote or line break (and is not empty), else quoted. */
static void put_sv(out_t *o, sv v) {
  if (!v.p) return;
  int plain = v.n > 0;
  for (int i = 0; i < v.n && plain; i++) {
    char c = v.p[i];
    plain = c != ',' && c != '"' && c != '\n' && c != '\r';
  }
  if (plain) {
    on(o, v.p, v.n);
    return;
  }
  oc(o, '"');
  for (int i = 0; i < v.n; i++) {
    if (v.p[i] == '"') oc(o, '"');
    oc(o, v.p[i]);
  }
  oc(o, '"');
}
/* x in decimal into b (24 bytes are enough); returns its length. snprintf's parsing of its format cost more. */
static int fmt_long(char *b, long x) {
  char d[24];
  int k = 0, n = 0;
  if (x < 0) {
    b[n++] = '-';
    x = -x;
  }
  do d[k++] = '0' + x % 10; while ((x /= 10));
  while (k) b[n++] = d[--k];
  return n;
}
static void put_long(out_t *o, long x) {
  char b[24];
  on(o, b, fmt_long(b, x));
}
static void put_date(out_t *o, date_t d) {
  if (!d.ok) return;
  char b[10] = {'0' + d.y / 1000, '0' + d.y / 100 % 10, '0' + d.y / 10 % 10, '0' + d.y % 10, '-',
                '0' + d.m / 10,   '0' + d.m % 10,      '-',                 '0' + d.d / 10, '0' + d.d % 10};
  on(o, b, 10);
}
static const char *date_status(date_t d) { return !d.present ? "missing" : d.ok ? "ok" : "bad"; }
/* One CSV row, field by field: each field writes the comma before it, but the first. */
typedef struct {
  out_t *o;
  int fields;
} row_t;
static inline out_t *next_field(row_t *r) {
  if (r->fields++) oc(r->o, ',');
  return r->o;
}
static void f_sv(row_t *r, sv v) { put_sv(next_field(r), v); }
static void f_str(row_t *r, const char *s) { os(next_field(r), s ? s : ""); }
static void f_long(row_t *r, int has, long x) {
  out_t *o = next_field(r);
  if (has) put_long(o, x);
}
static void f_date(row_t *r, date_t d) { put_date(next_field(r), d); }
static void end_row(row_t *r) { oc(r->o, '\n'); }

static out_t *open_out(const char *dir, const char *name, const char *header) {
  out_t *o = calloc(1, sizeof *o);
  if (!o) die("out of memory");
  snprintf(o->path, sizeof o->path, "%s/%s", dir, name);
  o->fd = open(o->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (o->fd < 0) die("cannot write %s: %s", o->path, strerror(errno));
  o->cap = 1 << 20;
  o->buf = malloc(o->cap);
  if (!o->buf) die("out of memory");
  if (header) { /* a CSV's */
    os(o, header);
    oc(o, '\n');
  }
  return o;
}
static void o_close(out_t *o) {
  o_flush(o);
  if (close(o->fd)) die("writing %s: %s", o->path, strerror(errno));
  free(o->buf);
  free(o);
}


/* ---------- one record ---------- */

/*
 * A line is split with bitmasks (bit i of word i/64 stands for byte i), as SIMD CSV parsers do: its commas and
 * quotes are found 16 bytes at a time, the quoted stretches by a running XOR of the quote bits, and the fields by
 * the commas outside them. So a line costs a few operations per 64 bytes, not a branch per byte or per field (most
 * of a DOJ line's 95 fields are empty). Only a field a model reads is then looked at (value()).
 */
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
static __thread uint64_t *mask; /* per word: commas, quotes, separators, openers, closers */
static __thread size_t mask_words;

/* Bit i set when an odd number of bits at or below i are set in x. */
static inline uint64_t prefix_xor(uint64_t x) {
  x ^= x << 1;
  x ^= x << 2;
  x ^= x << 4;
  x ^= x << 8;
  x ^= x << 16;
  x ^= x << 32;
  return x;
}

static void check_bytes(const char *p, const char *e);

/*
 * Splits the record on the line [p, line_end) into F (the line break excluded). Quirks on anything DuckDB's
 * strict reader might read otherwise: a NUL byte or bytes that are not UTF-8 (check_bytes), a carriage return
 * inside the line, a quote that neither starts a field nor doubles one, text after a closing quote, a quoted field
 * not closed on its line, a field count other than 95. The bytes are looked at once: the same pass that finds the
 * commas and quotes sees any byte above 0x7F, NUL or carriage return (four passes over each line were 1.3 of the
 * reader's 10 CPU-s at 5M lines; docs/scale.md, "Session 31").
 */
static void split(const char *p, const char *line_end) {
  size_t n = line_end - p;
  if (n && p[n - 1] == '\n') n--;
  if (n && p[n - 1] == '\r') n--;
  size_t words = n / 64 + 1;
  if (words * 5 > mask_words) {
    mask_words = words * 10;
    mask = realloc(mask, mask_words * sizeof *mask);
    if (!mask) die("out of memory");
  }
  uint64_t *C = mask, *Q = mask + words, *S = mask + 2 * words, *O = mask + 3 * words, *Z = mask + 4 * words;
  memset(mask, 0, 2 * words * sizeof *mask);
  size_t i = 0;
  unsigned odd = 0, cr = 0; /* any byte above 0x7F or NUL; any carriage return */
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'), ret = _mm_set1_epi8('\r'),
                nul = _mm_setzero_si128();
  for (; i + 16 <= n; i += 16) {
    __m128i c = _mm_loadu_si128((const __m128i *)(p + i));
    C[i / 64] |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(c, comma)) << (i % 64);
    Q[i / 64] |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(c, quote)) << (i % 64);
    odd |= (unsigned)_mm_movemask_epi8(_mm_or_si128(c, _mm_cmpeq_epi8(c, nul)));
    cr |= (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(c, ret));
  }
#endif
  for (; i < n; i++) {
    if (p[i] == ',') C[i / 64] |= 1ULL << (i % 64);
    if (p[i] == '"') Q[i / 64] |= 1ULL << (i % 64);
    odd |= (unsigned char)p[i] >= 0x80 || p[i] == 0;
    cr |= p[i] == '\r';
  }
  /* what DuckDB would not load as it is comes first, as it did when each check was a pass of its own */
  if (odd) check_bytes(p, p + n);
  if (cr) quirk("a carriage return inside a line");
  /* inside: bytes after an opening quote, up to its closing quote; the opening quote counts as inside */
  uint64_t carry = 0;
  for (size_t w = 0; w < words; w++) {
    uint64_t inside = prefix_xor(Q[w]) ^ carry;
    carry = (uint64_t)((int64_t)inside >> 63);
    S[w] = C[w] & ~inside;
    O[w] = Q[w] & inside;
    Z[w] = Q[w] & ~inside;
  }
  if (carry) quirk("a quote left open on its line (a quote inside an unquoted field, or a line break in a quoted one)");
  /* an opening quote starts a field or follows a closing one (""); a closing quote ends a field or precedes one */
  for (size_t w = 0; w < words; w++) {
    uint64_t before = (S[w] | Z[w]) << 1 | (w ? (S[w - 1] | Z[w - 1]) >> 63 : 1);
    uint64_t after = (S[w] | O[w]) >> 1 | (w + 1 < words ? (S[w + 1] | O[w + 1]) << 63 : 0);
    if (w == (n ? (n - 1) / 64 : 0) && n) after |= 1ULL << ((n - 1) % 64);
    if (O[w] & ~before) quirk("a quote inside an unquoted field");
    if (Z[w] & ~after) quirk("text after a closing quote");
  }
  size_t from = 0;
  int k = 0;
  for (size_t w = 0; w < words; w++)
    for (uint64_t m = S[w]; m; m &= m - 1) {
      if (k == NF - 1) quirk("more than %d fields", NF);
      size_t at = w * 64 + __builtin_ctzll(m);
      F[k].p = p + from;
      F[k].n = (int)(at - from);
      k++;
      from = at + 1;
    }
  if (k != NF - 1) quirk("%d fields where the layout has %d", k + 1, NF);
  F[k].p = p + from;
  F[k].n = (int)(n - from);
}

/* Scans a line for bytes DuckDB would not load as they are: NUL, or UTF-8 that is not valid. */
static void check_bytes(const char *p, const char *e) {
  const unsigned char *s = (const unsigned char *)p, *z = (const unsigned char *)e;
  while (s < z) {
    if (s + 8 <= z) {
      uint64_t w;
      memcpy(&w, s, 8);
      /* no high bit, no zero byte: the common case, eight bytes at a time */
      if (!(w & 0x8080808080808080ULL) && !((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL)) {
        s += 8;
        continue;
      }
    }
    unsigned c = *s;
    if (c == 0) quirk("a NUL byte");
    if (c < 0x80) {
      s++;
      continue;
    }
    int n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (!n || s + n > z) quirk("bytes that are not UTF-8");
    for (int i = 1; i < n; i++)
      if ((s[i] & 0xC0) != 0x80) quirk("bytes that are not UTF-8");
    unsigned cp = n == 2 ? (c & 0x1F) << 6 | (s[1] & 0x3F)
                 : n == 3 ? (c & 0x0F) << 12 | (s[1] & 0x3F) << 6 | (s[2] & 0x3F)
                          : (c & 0x07) << 18 | (s[1] & 0x3F) << 12 | (s[2] & 0x3F) << 6 | (s[3] & 0x3F);
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
      quirk("bytes that are not UTF-8");
    s += n;
  }
}

#define V(c) (col[c])

static int see_comment(int c) { return contains_folded(V(c), "see comment for charge"); }

/* usable(col): NULL when it says SEE COMMENT FOR CHARGE, else cleanUpper(col). */
static sv usable(int c) { return see_comment(c) ? NUL : clean_upper(V(c)); }
static sv charged(void) {
  return see_comment(OFFENSE_DESCR) ? clean_upper(V(COMMENT_TEXT)) : clean_upper(V(OFFENSE_DESCR));
}
static sv nullif_empty(sv v) { return v.p && v.n == 0 ? NUL : v; }

/* The qualifier tokens of an upper-cased list: letter runs split into pairs (an odd run gives none), digit forms. */
static void add_token(count *c, sv t) {
  for (token *k = c->quals; k; k = k->next)
    if (eq(k->text, t)) return;
  token *k = alloc(sizeof *k);
  k->text = keep(t);
  k->next = c->quals;
  c->quals = k;
}

static int is_up(char x) { return x >= 'A' && x <= 'Z'; }
static int is_dig(char x) { return x >= '0' && x <= '9'; }

static void qualifier_tokens(count *c, sv s) {
  /* regexp_extract_all(s, '[A-Z]+|[0-9]+(?:\.[0-9]+)?(?:\([0-9A-Z]+\))*') */
  int i = 0;
  while (i < s.n) {
    if (is_up(s.p[i])) {
      int j = i;
      while (j < s.n && is_up(s.p[j])) j++;
      if ((j - i) % 2 == 0)
        for (int k = i; k < j; k += 2) add_token(c, (sv){s.p + k, 2});
      i = j;
    } else if (is_dig(s.p[i])) {
      int j = i;
      while (j < s.n && is_dig(s.p[j])) j++;
      if (j + 1 < s.n && s.p[j] == '.' && is_dig(s.p[j + 1])) {
        j++;
        while (j < s.n && is_dig(s.p[j])) j++;
      }
      for (;;) {
        int k = j;
        if (k < s.n && s.p[k] == '(') {
          k++;
          int m = k;
          while (k < s.n && (is_dig(s.p[k]) || is_up(s.p[k]))) k++;
          if (k > m && k < s.n && s.p[k] == ')') {
            j = k + 1;
            continue;
          }
        }
        break;
      }
      add_token(c, (sv){s.p + i, j - i});
      i = j;
    } else
      i++;
  }
}

static void add_text(token **list, sv t) {
  for (token *k = *list; k; k = k->next)
    if (eq(k->text, t)) return;
  token *k = alloc(sizeof *k);
  k->text = keep(t);
  k->next = *list;
  *list = k;
}

/* A distinct charge text and the id the files give it (numbered once every part is merged). */
typedef struct {
  sv text;
  long id;
} charge_entry;

static void add_charge_text(sv t) {
  if (!t.p) return;
  if (st->last_charge && eq(((charge_entry *)st->last_charge)->text, t)) return;
  uint64_t h = hash_sv(t, 17);
  size_t at;
#define SAME_TEXT(e) eq(((charge_entry *)(e))->text, t)
  FIND(&st->charge_texts, h, SAME_TEXT, at);
  if (!st->charge_texts.slot[at]) {
    charge_entry *k = alloc(sizeof *k);
    *k = (charge_entry){keep(t), 0};
    table_put(&st->charge_texts, at, h, k);
  }
  st->last_charge = st->charge_texts.slot[at];
}

/* The id of a charge text already added (a lookup only: the writers share the table); -1 for NULL. */
static long charge_id(sv t) {
  if (!t.p) return -1;
  uint64_t h = hash_sv(t, 17);
  table *c = &st->charge_texts;
  for (size_t i = h & (c->cap - 1); c->slot[i]; i = (i + 1) & (c->cap - 1))
    if (c->hash[i] == h && eq(((charge_entry *)c->slot[i])->text, t)) return ((charge_entry *)c->slot[i])->id;
  die("a charge text missing from the table");
  return -1;
}



static void fold_line(const char *line_start, const char *line_end) {
  sv sid = clean_id(V(SUBJECT_ID));
  /* flags */
  sv disp = trim_zs(value(V(DISP_DESCR)));
  int convicted = 0;
  if (disp.p && disp.n >= 9) {
    for (int i = 0; i < 9; i++)
      if ((unsigned char)disp.p[i] >= 0x80) quirk("text past ASCII at the start of DISP_DESCR");
    convicted = strncasecmp(disp.p, "CONVICTED", 9) == 0;
  } else if (disp.p && has_high(disp))
    quirk("text past ASCII at the start of DISP_DESCR");
  int registration = contains_folded(V(STP_TYPE_DESCR), "registration");
  int step = contains_folded(V(STP_TYPE_DESCR), "deceased") || registration;
  int coded = convicted || registration;
  static const int NAMES_PROP64[] = {OFFENSE_DESCR, CONV_OFFENSE_DESCR, DISP_OFFENSE_DESCR, COMMENT_TEXT};
  for (int i = 0; i < 4 && !coded; i++)
    coded = names_1135_1136(value(V(NAMES_PROP64[i])));

  if (!sid.p) return; /* every model reads only lines with a SUBJECT_ID */

  /* the person */
  uint64_t hs = 0;
  size_t at = 0;
#define SAME_SUBJECT(e) eq(((subject *)(e))->id, sid)
  subject *S = st->last_subject && eq(st->last_subject->id, sid) ? st->last_subject : NULL;
  if (!S) {
    hs = subject_hash(sid);
    FIND(&st->subjects, hs, SAME_SUBJECT, at);
    S = st->subjects.slot[at];
  }
  sv name = clean(V(PRI_NAME)), cii = clean(V(CII_NUMBER)), gender = clean_upper(V(GENDER)),
     race = clean_upper(V(RACE_CODE));
  sv dob_text = clean(V(PRI_DOB));
  date_t dob = parse_date(dob_text, V(PRI_DOB));
  if (!S) {
    S = alloc(sizeof *S);
    memset(S, 0, sizeof *S);
    S->id = keep(sid);
    add_subject(st, at, hs, S);
  }
  st->last_subject = S;
#define MINMAX(lo, hi, v)                              \
  if ((v).p) {                                         \
    if (!(lo).p || cmp(v, lo) < 0) (lo) = keep(v);     \
    if (!(hi).p || cmp(v, hi) > 0) (hi) = keep(v);     \
  }
  MINMAX(S->name, S->name_max, name);
  MINMAX(S->cii, S->cii_max, cii);
  MINMAX(S->gender, S->gender_max, gender);
  MINMAX(S->race, S->race_max, race);
  if (dob.ok) {
    if (!S->dob.ok || date_key(dob) < date_key(S->dob)) S->dob = dob;
    if (!S->dob_max.ok || date_key(dob) > date_key(S->dob_max)) S->dob_max = dob;
  }
  S->dob_present |= dob_text.p != NULL;
  /* each distinct identity and how many lines carry it (the modes, for a person whose lines disagree) */
  identity *id = S->ids;
  for (; id; id = id->next)
    if (same_identity(id, &(identity){name, cii, gender, race, dob, 0, NULL})) break;
  if (!id) {
    id = alloc(sizeof *id);
    id->name = keep(name);
    id->cii = keep(cii);
    id->gender = keep(gender);
    id->race = keep(race);
    id->dob = dob;
    id->lines = 0;
    id->next = NULL;
    identity **tail = &S->ids;
    while (*tail) tail = &(*tail)->next;
    *tail = id;
  }
  id->lines++;

  /* charge texts: of every coded line, and the charge as filed of a conviction */
  sv charge = NUL, charged_text = NUL;
  sv cyc_order = NUL, cnt_order = NUL;
  sv convicted_as = NUL;
  if (coded) {
    cyc_order = clean_id(V(CYC_ORDER));
    cnt_order = clean_id(V(CNT_ORDER));
    convicted_as = coalesce2(usable(CONV_OFFENSE_DESCR), usable(DISP_OFFENSE_DESCR));
    charge = nullif_empty(coalesce2(convicted_as, charged()));
    add_charge_text(charge);
  }

  /* a death or PC 290 registration step */
  date_t step_date = {0, 0, 0, 0, 0};
  if (convicted || step) step_date = parse_date(clean(V(STP_EVENT_DATE)), V(STP_EVENT_DATE));
  if (step) {
    sv kind = clean_upper(V(STP_TYPE_DESCR));
    const char *type = NULL;
    if (kind.p && kind.n == 8 && memcmp(kind.p, "DECEASED", 8) == 0) type = "DECEASED";
    if (kind.p && kind.n == 12 && memcmp(kind.p, "REGISTRATION", 12) == 0) type = "REGISTRATION";
    if (type) {
      step_row *t = alloc(sizeof *t);
      *t = (step_row){S->id, keep(charge), type, step_date, NULL};
      *st->steps_tail = t;
      st->steps_tail = &t->next;
    }
  }

  /* a line that may name a Prop 64 section (int_prop64_charges matches the few such texts) */
  if (coded && charge.p) {
    if (names_1135_1136(charge)) {
      int cycle = 0, has_cycle = parse_int(cyc_order, V(CYC_ORDER), &cycle);
      if (!has_cycle && cnt_order.p) {
        sv head = {cnt_order.p, cnt_order.n < 3 ? cnt_order.n : 3};
        if (has_high(head)) quirk("CNT_ORDER past ASCII");
        has_cycle = parse_int(head, V(CNT_ORDER), &cycle);
      }
      prop64_line *last = st->last_p64;
      if (!(last && eq(last->subject, sid) && eq(last->charge_text, charge) && last->cycle == cycle &&
            last->has_cycle == has_cycle && last->convicted == convicted)) {
        uint64_t h = p64_hash(sid, charge, cycle, has_cycle, convicted);
#define SAME_P64(e)                                                                                 \
  (eq(((prop64_line *)(e))->subject, sid) && eq(((prop64_line *)(e))->charge_text, charge) &&        \
   ((prop64_line *)(e))->cycle == cycle && ((prop64_line *)(e))->has_cycle == has_cycle &&           \
   ((prop64_line *)(e))->convicted == convicted)
        FIND(&st->prop64, h, SAME_P64, at);
        if (!st->prop64.slot[at]) {
          prop64_line *k = alloc(sizeof *k);
          /* the charge text as the table of distinct texts keeps it (added above): one copy for every line naming it */
          *k = (prop64_line){S->id, ((charge_entry *)st->last_charge)->text, cycle, has_cycle, convicted};
          add_prop64(st, at, h, k);
        }
        st->last_p64 = st->prop64.slot[at];
      }
    }
  }

  if (!convicted) return;

  /* a convicted line: its count. The fields written only for a count's first part are checked here, where a
     quirk can name its line (they are read again when the count is written). */
  clean_upper(V(STP_ORI_DESCR));
  clean_upper(V(DISP_DESCR));
  clean_upper(V(CONV_STAT_DESCR));
  clean_upper(V(CONV_OFFENSE_TOC));
  clean_upper(V(DISP_OFFENSE_TOC));
  clean_upper(V(OFFENSE_TOC));
  parse_date(clean(V(CYC_DATE)), V(CYC_DATE));
  int age_unused;
  parse_int(clean(V(CYC_AGE)), V(CYC_AGE), &age_unused);
  charged_text = nullif_empty(charged());
  add_charge_text(charged_text);
  sv county = clean_upper(V(STP_ORI_CNTY_NAME));
  date_t disp_date = parse_date(clean(V(DISP_DATE)), V(DISP_DATE));
  if (county.p) {
    date_t day = disp_date.ok ? disp_date : step_date;
    int key = day.ok ? date_key(day) : 9999 * 512 + 12 * 32 + 31;
    if (!S->has_conv_county || key < S->conv_day || (key == S->conv_day && cmp(county, S->conv_county) < 0)) {
      S->has_conv_county = 1;
      S->conv_day = key;
      S->conv_county = keep(county);
    }
  }
  if (!cnt_order.p) return;

  uint64_t hc = 0;
#define SAME_COUNT(e) (eq(((count *)(e))->subject, sid) && eq(((count *)(e))->cnt_order, cnt_order))
  count *C = st->last_count && SAME_COUNT(st->last_count) ? st->last_count : NULL;
  if (!C) {
    hc = count_hash(sid, cnt_order);
    FIND(&st->counts, hc, SAME_COUNT, at);
    C = st->counts.slot[at];
  }
  sv sent_order = clean(V(SENT_ORDER));
  sv sent_key = sent_order.p ? sent_order : (sv){"", 0};
  if (!C) {
    C = alloc(sizeof *C);
    memset(C, 0, sizeof *C);
    C->subject = S->id;
    C->cnt_order = keep(cnt_order);
    C->first_line = line_start;
    C->first_line_end = line_end;
    C->first_sent = keep(sent_key);
    add_count(st, at, hc, C);
  } else if (cmp(sent_key, C->first_sent) < 0) {
    C->first_line = line_start;
    C->first_line_end = line_end;
    C->first_sent = keep(sent_key);
  }
  st->last_count = C;
  /* the line itself, for the DOJ result files */
  const char *line_stop = line_end;
  if (line_stop > line_start && line_stop[-1] == '\n') line_stop--;
  if (line_stop > line_start && line_stop[-1] == '\r') line_stop--;
  span *ln = alloc(sizeof *ln);
  *ln = (span){reading_file, (int)(line_stop - line_start), (long)(line_start - reading_base), C->lines};
  C->lines = ln;
  /* the distinct sentence part */
  sv kind = clean_upper(V(SENT_LOC_DESCR)), unit = clean_upper(V(SENT_TIME_CODE));
  double length = 0;
  int has_length = parse_double(clean(V(SENT_LENGTH)), V(SENT_LENGTH), &length);
  part *pt = C->parts;
  for (; pt; pt = pt->next)
    if (same_part(pt, &(part){sent_order, kind, unit, has_length, length, NULL})) break;
  if (!pt) {
    pt = alloc(sizeof *pt);
    pt->sent_order = keep(sent_order);
    pt->kind = keep(kind);
    pt->unit = keep(unit);
    pt->has_length = has_length;
    pt->length = length;
    pt->next = C->parts;
    C->parts = pt;
  }
  /* qualifiers: the convicted offense's own list when DOJ recorded it, else the charge's */
  sv quals = convicted_as.p ? coalesce2(clean_upper(V(CONV_OFFENSE_QUAL_LST)), clean_upper(V(DISP_OFFENSE_QUAL_LST)))
                            : clean_upper(V(OFFENSE_QUAL_LST));
  if (quals.p && trim_zs(quals).n) qualifier_tokens(C, quals);
  if (charge.p) {
    C->any_charge_text = 1;
    if (memmem(charge.p, charge.n, "664", 3) || memmem(charge.p, charge.n, "182", 3))
      add_text(&C->prefix_texts, charge);
  }
}

/* ---------- writing ---------- */

/* ---------- Parquet output (the counts table) ----------
 *
 * The counts are the reader's largest table, and DuckDB read them from CSV at about 4 µs a row (at 1M lines 0.6 of
 * int_convictions' 1.2 CPU-s), parsing every number and date again. Written as Parquet they are typed already and
 * read in a third of that. This writes the plainest Parquet DuckDB reads: every column OPTIONAL, one uncompressed
 * data page (v1) per column per row group, PLAIN values, definition levels in RLE runs; no dictionary, no statistics.
 * The footer is Thrift's compact protocol, written by hand for the few structures it needs (parquet.thrift). */

typedef struct {
  char *p;
  size_t n, cap;
} buf_t;
static void b_need(buf_t *b, size_t n) {
  if (b->n + n <= b->cap) return;
  size_t c = b->cap ? b->cap : 4096;
  while (c < b->n + n) c *= 2;
  b->p = realloc(b->p, c);
  if (!b->p) die("out of memory");
  b->cap = c;
}
static void b_put(buf_t *b, const void *p, size_t n) {
  b_need(b, n);
  memcpy(b->p + b->n, p, n);
  b->n += n;
}
static void b_byte(buf_t *b, int c) {
  b_need(b, 1);
  b->p[b->n++] = (char)c;
}
/* v as 4 little-endian bytes at p. */
static void le32_at(char *p, uint32_t v) {
  for (int i = 0; i < 4; i++) p[i] = (char)(v >> 8 * i & 0xff);
}
static void b_le32(buf_t *b, uint32_t v) {
  b_need(b, 4);
  le32_at(b->p + b->n, v);
  b->n += 4;
}

/* Thrift compact protocol: a struct's fields as (id delta, type) headers, integers as zigzag varints. */
enum { T_TRUE = 1, T_I32 = 5, T_I64 = 6, T_BINARY = 8, T_LIST = 9, T_STRUCT = 12 };
typedef struct {
  buf_t *b;
  int last[8]; /* the last field id written, per open struct */
  int depth;
} thrift;
static void t_varint(buf_t *b, uint64_t v) {
  while (v >= 0x80) {
    b_byte(b, (int)(v & 0x7f) | 0x80);
    v >>= 7;
  }
  b_byte(b, (int)v);
}
static uint64_t zigzag(int64_t v) { return ((uint64_t)v << 1) ^ (uint64_t)(v >> 63); }
static void t_field(thrift *w, int id, int type) {
  int d = id - w->last[w->depth];
  if (d > 0 && d <= 15) b_byte(w->b, d << 4 | type);
  else {
    b_byte(w->b, type);
    t_varint(w->b, zigzag(id));
  }
  w->last[w->depth] = id;
}
static void t_i32(thrift *w, int id, int64_t v) {
  t_field(w, id, T_I32);
  t_varint(w->b, zigzag(v));
}
static void t_i64(thrift *w, int id, int64_t v) {
  t_field(w, id, T_I64);
  t_varint(w->b, zigzag(v));
}
static void t_string(thrift *w, int id, const char *s) {
  size_t n = strlen(s);
  t_field(w, id, T_BINARY);
  t_varint(w->b, n);
  b_put(w->b, s, n);
}
/* A struct: as a field (id > 0), or as a list's element or the top level (id 0: no header). */
static void t_begin(thrift *w, int id) {
  if (id) t_field(w, id, T_STRUCT);
  w->last[++w->depth] = 0;
}
static void t_end(thrift *w) {
  b_byte(w->b, 0);
  w->depth--;
}
static void t_list(thrift *w, int id, int type, size_t n) {
  t_field(w, id, T_LIST);
  if (n < 15) b_byte(w->b, (int)n << 4 | type);
  else {
    b_byte(w->b, 0xf0 | type);
    t_varint(w->b, n);
  }
}

/* What a column holds, as the models declare it (sql/sources/fold_tables.ts). */
enum { PQ_TEXT, PQ_BIGINT, PQ_INTEGER, PQ_DATE, PQ_DOUBLE, PQ_BOOLEAN };
static const int PQ_PHYSICAL[] = {6 /* BYTE_ARRAY */, 2 /* INT64 */, 1 /* INT32 */, 1, 5 /* DOUBLE */, 0 /* BOOLEAN */};
static const int PQ_CONVERTED[] = {0 /* UTF8 */, -1, -1, 6 /* DATE */, -1, -1};
/* Rows per row group: DuckDB reads a file's row groups on as many threads. A row group ends sooner when a column's
   page passes pq_page_bytes: a page's size is a 32-bit number. */
#define PQ_ROW_GROUP 65536
/* The columns of a table's declaration (its names, and the kinds beside them). */
#define NCOLS(a) ((int)(sizeof(a) / sizeof *(a)))
static long pq_page_bytes = 1L << 30; /* DOJ_FOLD_PAGE_BYTES sets it (the tests: a row group a row) */

typedef struct {
  const char *name;
  int kind;
  buf_t values; /* the row group's values, PLAIN, NULLs left out */
  buf_t defs;   /* one byte per row: 1 a value, 0 NULL */
  int bits, nbits; /* booleans being packed, first value in the lowest bit */
  /* per row group written: where its page starts, its bytes with the header */
  int64_t *offset, *size;
} pq_col;

typedef struct {
  out_t *o;
  int64_t pos; /* bytes written to the file */
  int ncols, at;
  pq_col *cols;
  int64_t rows, group_rows;
  int full; /* a column's page has passed pq_page_bytes */
  int groups, groups_cap;
  int64_t *group_row_counts;
} pq_t;

static void pq_write(pq_t *q, const void *p, size_t n) {
  on(q->o, p, n);
  q->pos += (int64_t)n;
}

/* A Parquet file of the named columns (kinds[i] for names[i]), written once its rows are ended and it is closed. */
static pq_t *pq_open(const char *dir, const char *name, int ncols, const char *const *names, const int *kinds) {
  pq_t *q = calloc(1, sizeof *q);
  if (!q) die("out of memory");
  q->o = open_out(dir, name, NULL);
  q->ncols = ncols;
  q->cols = calloc(ncols, sizeof *q->cols);
  if (!q->cols) die("out of memory");
  for (int i = 0; i < ncols; i++) q->cols[i] = (pq_col){.name = names[i], .kind = kinds[i]};
  pq_write(q, "PAR1", 4);
  return q;
}

static pq_col *pq_next(pq_t *q, int kind) {
  if (q->at >= q->ncols || q->cols[q->at].kind != kind) die("parquet: value %d of a row is not a %d", q->at, kind);
  return &q->cols[q->at++];
}
static void pq_null(pq_col *c) { b_byte(&c->defs, 0); }
static void pq_text(pq_t *q, sv v) {
  pq_col *c = pq_next(q, PQ_TEXT);
  if (!v.p) return pq_null(c);
  b_byte(&c->defs, 1);
  b_le32(&c->values, (uint32_t)v.n);
  b_put(&c->values, v.p, v.n);
  if ((long)c->values.n >= pq_page_bytes) q->full = 1;
}
/* A C string: NULL for none or an empty one, as the CSV's bare empty field was. */
static void pq_cstr(pq_t *q, const char *s) { pq_text(q, s && *s ? (sv){s, (int)strlen(s)} : NUL); }
static void pq_bigint(pq_t *q, int has, int64_t x) {
  pq_col *c = pq_next(q, PQ_BIGINT);
  if (!has) return pq_null(c);
  b_byte(&c->defs, 1);
  b_le32(&c->values, (uint32_t)((uint64_t)x & 0xffffffff));
  b_le32(&c->values, (uint32_t)((uint64_t)x >> 32));
}
static void pq_int32(pq_t *q, int kind, int has, int32_t x) {
  pq_col *c = pq_next(q, kind);
  if (!has) return pq_null(c);
  b_byte(&c->defs, 1);
  b_le32(&c->values, (uint32_t)x);
}
static void pq_integer(pq_t *q, int has, int32_t x) { pq_int32(q, PQ_INTEGER, has, x); }
/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
static void pq_date(pq_t *q, date_t d) { pq_int32(q, PQ_DATE, d.ok, d.ok ? days_from_civil(d.y, d.m, d.d) : 0); }
static void pq_double(pq_t *q, int has, double x) {
  pq_col *c = pq_next(q, PQ_DOUBLE);
  if (!has) return pq_null(c);
  if (x == 0) x = 0; /* never -0: the CSV wrote it as 0 */
  b_byte(&c->defs, 1);
  b_put(&c->values, &x, 8); /* little-endian IEEE 754, as x86 and ARM hold it */
}
static void pq_boolean(pq_t *q, int b) {
  pq_col *c = pq_next(q, PQ_BOOLEAN);
  b_byte(&c->defs, 1);
  c->bits |= (b != 0) << c->nbits;
  if (++c->nbits == 8) {
    b_byte(&c->values, c->bits);
    c->bits = c->nbits = 0;
  }
}

/* The definition levels of a page (bit width 1) as RLE runs, after their length (written once they are). */
static void pq_levels(buf_t *out, const buf_t *defs) {
  size_t at = out->n;
  b_le32(out, 0);
  for (size_t i = 0; i < defs->n;) {
    size_t j = i;
    while (j < defs->n && defs->p[j] == defs->p[i]) j++;
    t_varint(out, (uint64_t)(j - i) << 1);
    b_byte(out, defs->p[i]);
    i = j;
  }
  le32_at(out->p + at, (uint32_t)(out->n - at - 4));
}

/* The row group so far: one data page per column. */
static void pq_flush_group(pq_t *q) {
  if (q->groups == q->groups_cap) {
    q->groups_cap = q->groups_cap ? q->groups_cap * 2 : 16;
    q->group_row_counts = realloc(q->group_row_counts, q->groups_cap * sizeof(int64_t));
    if (!q->group_row_counts) die("out of memory");
    for (int i = 0; i < q->ncols; i++) {
      q->cols[i].offset = realloc(q->cols[i].offset, q->groups_cap * sizeof(int64_t));
      q->cols[i].size = realloc(q->cols[i].size, q->groups_cap * sizeof(int64_t));
      if (!q->cols[i].offset || !q->cols[i].size) die("out of memory");
    }
  }
  buf_t page = {0}, header = {0};
  for (int i = 0; i < q->ncols; i++) {
    pq_col *c = &q->cols[i];
    if (c->nbits) {
      b_byte(&c->values, c->bits);
      c->bits = c->nbits = 0;
    }
    page.n = header.n = 0;
    pq_levels(&page, &c->defs);
    b_put(&page, c->values.p, c->values.n);
    thrift w = {&header, {0}, 0};
    t_i32(&w, 1, 0); /* DATA_PAGE */
    t_i32(&w, 2, (int64_t)page.n);
    t_i32(&w, 3, (int64_t)page.n);
    t_begin(&w, 5);
    t_i32(&w, 1, q->group_rows);
    t_i32(&w, 2, 0); /* PLAIN */
    t_i32(&w, 3, 3); /* RLE */
    t_i32(&w, 4, 3);
    t_end(&w);
    b_byte(&header, 0);
    c->offset[q->groups] = q->pos;
    c->size[q->groups] = (int64_t)(header.n + page.n);
    pq_write(q, header.p, header.n);
    pq_write(q, page.p, page.n);
    c->values.n = c->defs.n = 0;
  }
  free(page.p);
  free(header.p);
  q->group_row_counts[q->groups++] = q->group_rows;
  q->group_rows = 0;
  q->full = 0;
}

static void pq_end_row(pq_t *q) {
  if (q->at != q->ncols) die("parquet: a row of %d values where the file has %d columns", q->at, q->ncols);
  q->at = 0;
  q->rows++;
  if (++q->group_rows == PQ_ROW_GROUP || q->full) pq_flush_group(q);
}

/* The last row group, then the footer: the schema and where every column's page is. */
static void pq_close(pq_t *q) {
  if (q->group_rows) pq_flush_group(q);
  buf_t meta = {0};
  thrift w = {&meta, {0}, 0};
  t_i32(&w, 1, 1); /* version */
  t_list(&w, 2, T_STRUCT, (size_t)q->ncols + 1);
  t_begin(&w, 0);
  t_string(&w, 4, "schema");
  t_i32(&w, 5, q->ncols);
  t_end(&w);
  for (int i = 0; i < q->ncols; i++) {
    t_begin(&w, 0);
    t_i32(&w, 1, PQ_PHYSICAL[q->cols[i].kind]);
    t_i32(&w, 3, 1); /* OPTIONAL */
    t_string(&w, 4, q->cols[i].name);
    if (PQ_CONVERTED[q->cols[i].kind] >= 0) t_i32(&w, 6, PQ_CONVERTED[q->cols[i].kind]);
    t_end(&w);
  }
  t_i64(&w, 3, q->rows);
  t_list(&w, 4, T_STRUCT, (size_t)q->groups);
  for (int g = 0; g < q->groups; g++) {
    t_begin(&w, 0);
    t_list(&w, 1, T_STRUCT, (size_t)q->ncols);
    int64_t bytes = 0;
    for (int i = 0; i < q->ncols; i++) {
      pq_col *c = &q->cols[i];
      bytes += c->size[g];
      t_begin(&w, 0);
      t_i64(&w, 2, c->offset[g]);
      t_begin(&w, 3);
      t_i32(&w, 1, PQ_PHYSICAL[c->kind]);
      t_list(&w, 2, T_I32, 2);
      t_varint(&meta, zigzag(0)); /* PLAIN */
      t_varint(&meta, zigzag(3)); /* RLE */
      t_list(&w, 3, T_BINARY, 1);
      t_varint(&meta, strlen(c->name));
      b_put(&meta, c->name, strlen(c->name));
      t_i32(&w, 4, 0); /* UNCOMPRESSED */
      t_i64(&w, 5, q->group_row_counts[g]);
      t_i64(&w, 6, c->size[g]);
      t_i64(&w, 7, c->size[g]);
      t_i64(&w, 9, c->offset[g]);
      t_end(&w);
      t_end(&w);
    }
    t_i64(&w, 2, bytes);
    t_i64(&w, 3, q->group_row_counts[g]);
    t_end(&w);
  }
  b_byte(&meta, 0); /* the end of FileMetaData */
  pq_write(q, meta.p, meta.n);
  buf_t tail = {0};
  b_le32(&tail, (uint32_t)meta.n);
  b_put(&tail, "PAR1", 4);
  pq_write(q, tail.p, tail.n);
  free(meta.p);
  free(tail.p);
  o_close(q->o);
  for (int i = 0; i < q->ncols; i++) {
    free(q->cols[i].values.p);
    free(q->cols[i].defs.p);
    free(q->cols[i].offset);
    free(q->cols[i].size);
  }
  free(q->cols);
  free(q->group_row_counts);
  free(q);
}

/* A list as one text, items separated by a unit separator (none can hold one: they are upper-case ASCII), into `b`;
   NULL (returns 0) for none. */
static int tokens_text(buf_t *b, token *t) {
  b->n = 0;
  if (!t) return 0;
  for (int first = 1; t; t = t->next, first = 0) {
    if (!first) b_byte(b, 0x1f);
    b_put(b, t->text.p, t->text.n);
  }
  return 1;
}

static int cmp_sv_ptr(const void *a, const void *b) { return cmp(**(sv **)a, **(sv **)b); }

/* sentence_text: each distinct 'KIND[ N UNIT]' once, sorted, joined by ' + ', into `b`; NULL (returns 0) when there is
   none. */
static int sentence_text(buf_t *b, part *parts) {
  b->n = 0;
  sv items[256];
  sv *ptrs[256];
  int n = 0;
  for (part *p = parts; p; p = p->next) {
    if (!p->kind.p) continue;
    char buf[512];
    int len;
    if (p->has_length && p->unit.p) {
      double r = nearbyint(p->length);
      if (r > 2147483647.0) quirk("a sentence length too large for an integer");
      len = snprintf(buf, sizeof buf, "%.*s %d %.*s", p->kind.n, p->kind.p, (int)r, p->unit.n, p->unit.p);
    } else
      len = snprintf(buf, sizeof buf, "%.*s", p->kind.n, p->kind.p);
    if (len >= (int)sizeof buf) quirk("a sentence part too long");
    sv s = keep((sv){buf, len});
    int dup = 0;
    for (int i = 0; i < n; i++) dup |= eq(items[i], s);
    if (dup) continue;
    if (n == 256) quirk("a count with more than 256 sentence parts");
    items[n] = s;
    ptrs[n] = &items[n];
    n++;
  }
  if (!n) return 0;
  qsort(ptrs, n, sizeof *ptrs, cmp_sv_ptr);
  for (int i = 0; i < n; i++) {
    if (i) b_put(b, " + ", 3);
    b_put(b, ptrs[i]->p, ptrs[i]->n);
  }
  return 1;
}

/* Each count's lines as `file:offset:length`, separated by spaces, into `b`. */
static void spans_text(buf_t *b, const span *ln) {
  b->n = 0;
  char x[24];
  for (int first = 1; ln; ln = ln->next, first = 0) {
    if (!first) b_byte(b, ' ');
    b_put(b, x, fmt_long(x, ln->file));
    b_byte(b, ':');
    b_put(b, x, fmt_long(x, ln->offset));
    b_byte(b, ':');
    b_put(b, x, fmt_long(x, ln->length));
  }
}

/* The inputs' mappings, which stay mapped until the program ends: a count's first line is read from there. */
typedef struct {
  const char *start, *end;
} mapping;
static mapping *mappings;
static int n_mappings;

/* The mapping that holds p (a count's first line is in one), or -1. */
static int mapping_of(const char *p) {
  for (int i = 0; i < n_mappings; i++)
    if (p >= mappings[i].start && p < mappings[i].end) return i;
  return -1;
}

/* Lets go of a mapping's pages from *from up to the page of `upto` once drop_bytes have been passed: the counts are
   written in the order they were first seen, so each writer passes through the file front to back again. Only
   within one file's mapping: never the reader's own memory. */
static void drop_behind(int *map, const char **from, const char *upto) {
  int m = mapping_of(upto);
  if (m < 0) return;
  const char *floor = (const char *)((uintptr_t)upto & ~(uintptr_t)(page - 1));
  if (m != *map || floor < *from) {
    *map = m;
    *from = (const char *)(((uintptr_t)mappings[m].start + page - 1) & ~(uintptr_t)(page - 1));
    if (*from > floor) *from = floor;
    return;
  }
  if (floor - *from >= drop_bytes) {
    madvise((void *)*from, floor - *from, MADV_DONTNEED);
    *from = floor;
  }
}

/* The counts table's columns, in the order the models declare them (sql/sources/fold_tables.ts). */
static const char *const COUNT_COLUMNS[] = {
  "subject_id", "cnt_order", "county", "county_code", "court", "case_number", "cyc_order", "charge_id", "charged_id",
  "offense_code", "conviction_level", "disposition", "convicted_offense_recorded", "cycle_age", "disp_date",
  "disp_date_status", "step_date", "step_date_status", "cyc_date", "cyc_date_status", "sentence_days",
  "sentence_months", "sentence_years", "sentence_parts_unreadable", "sentence_text", "qualifier_tokens",
  "prefix_texts", "any_charge_text"};
static const int COUNT_KINDS[] = {
  PQ_TEXT, PQ_TEXT, PQ_TEXT, PQ_TEXT, PQ_TEXT, PQ_TEXT, PQ_TEXT, PQ_BIGINT, PQ_BIGINT, PQ_TEXT, PQ_TEXT, PQ_TEXT,
  PQ_BOOLEAN, PQ_INTEGER, PQ_DATE, PQ_TEXT, PQ_DATE, PQ_TEXT, PQ_DATE, PQ_TEXT, PQ_DOUBLE, PQ_DOUBLE, PQ_DOUBLE,
  PQ_BIGINT, PQ_TEXT, PQ_TEXT, PQ_TEXT, PQ_BOOLEAN};
_Static_assert(NCOLS(COUNT_COLUMNS) == NCOLS(COUNT_KINDS), "a kind for every column of the counts");

static const char *const LINES_COLUMNS[] = {"subject_id", "cnt_order", "lines"};
static const int LINES_KINDS[] = {PQ_TEXT, PQ_TEXT, PQ_TEXT};
_Static_assert(NCOLS(LINES_COLUMNS) == NCOLS(LINES_KINDS), "a kind for every column of the line notes");

/* The counts from..to of the list, to one file (the list is written in two halves at once), and where each count's
   lines are, to another (the DOJ step's, pipelines/outputs/doj-count-spans.ts). */
static void write_counts(const char *dir, const char *name, const char *lines_name, size_t from, size_t to) {
  pq_t *ls = pq_open(dir, lines_name, NCOLS(LINES_COLUMNS), LINES_COLUMNS, LINES_KINDS);
  pq_t *o = pq_open(dir, name, NCOLS(COUNT_COLUMNS), COUNT_COLUMNS, COUNT_KINDS);
  buf_t text = {0};
  count **all = st->count_list;
  int map = -1;
  const char *passed = NULL;
  for (size_t i = from; i < to; i++) {
    count *C = all[i];
    drop_behind(&map, &passed, C->first_line);
    split(C->first_line, C->first_line_end);
    sv convicted_as = coalesce2(usable(CONV_OFFENSE_DESCR), usable(DISP_OFFENSE_DESCR));
    sv charge = nullif_empty(coalesce2(convicted_as, charged()));
    sv status = clean_upper(V(CONV_STAT_DESCR));
    sv toc = coalesce3(clean_upper(V(CONV_OFFENSE_TOC)), clean_upper(V(DISP_OFFENSE_TOC)), clean_upper(V(OFFENSE_TOC)));
    const char *level = NULL;
#define IS(v, s) ((v).p && (v).n == (int)strlen(s) && memcmp((v).p, s, (v).n) == 0)
    if (IS(status, "FELONY")) level = "felony";
    else if (IS(status, "MISDEMEANOR")) level = "misdemeanor";
    else if (IS(status, "INFRACTION")) level = "infraction";
    else if (IS(toc, "F")) level = "felony";
    else if (IS(toc, "M")) level = "misdemeanor";
    else if (IS(toc, "I")) level = "infraction";
    int age = 0, has_age = parse_int(clean(V(CYC_AGE)), V(CYC_AGE), &age);
    date_t disp_date = parse_date(clean(V(DISP_DATE)), V(DISP_DATE));
    date_t step_date = parse_date(clean(V(STP_EVENT_DATE)), V(STP_EVENT_DATE));
    date_t cyc_date = parse_date(clean(V(CYC_DATE)), V(CYC_DATE));
    /* sums over the distinct parts; NULL when every term is NULL (a part of that unit with no length) */
    double days = 0, months = 0, years = 0;
    int has_days = 0, has_months = 0, has_years = 0, unreadable = 0;
    for (part *p = C->parts; p; p = p->next) {
      int d = IS(p->unit, "D"), m = IS(p->unit, "M"), y = IS(p->unit, "Y");
      if (d) { if (p->has_length) days += p->length, has_days = 1; } else has_days = 1;
      if (m) { if (p->has_length) months += p->length, has_months = 1; } else has_months = 1;
      if (y) { if (p->has_length) years += p->length, has_years = 1; } else has_years = 1;
      if (p->has_length && !d && !m && !y) unreadable++;
    }
    pq_text(o, C->subject);
    pq_text(o, C->cnt_order);
    pq_text(o, clean_upper(V(STP_ORI_CNTY_NAME)));
    pq_text(o, clean(V(STP_ORI_CNTY_CODE)));
    pq_text(o, clean_upper(V(STP_ORI_DESCR)));
    pq_text(o, clean(V(FE_NUM_CRT_CASE)));
    pq_text(o, clean_id(V(CYC_ORDER)));
    long charge_no = charge_id(charge), charged_no = charge_id(nullif_empty(charged()));
    pq_bigint(o, charge_no >= 0, charge_no);
    pq_bigint(o, charged_no >= 0, charged_no);
    pq_text(o, coalesce3(clean(V(CONV_OFFENSE_CODE)), clean(V(DISP_OFFENSE_CODE)), clean(V(OFFENSE_CODE))));
    pq_cstr(o, level);
    pq_text(o, clean_upper(V(DISP_DESCR)));
    pq_boolean(o, convicted_as.p != NULL);
    pq_integer(o, has_age && age <= 120, age);
    pq_date(o, disp_date);
    pq_cstr(o, date_status(disp_date));
    pq_date(o, step_date);
    pq_cstr(o, date_status(step_date));
    pq_date(o, cyc_date);
    pq_cstr(o, date_status(cyc_date));
    pq_double(o, has_days, days);
    pq_double(o, has_months, months);
    pq_double(o, has_years, years);
    pq_bigint(o, 1, unreadable);
    int has = sentence_text(&text, C->parts);
    pq_text(o, has ? (sv){text.p, (int)text.n} : NUL);
    has = tokens_text(&text, C->quals);
    pq_text(o, has ? (sv){text.p, (int)text.n} : NUL);
    has = tokens_text(&text, C->prefix_texts);
    pq_text(o, has ? (sv){text.p, (int)text.n} : NUL);
    pq_boolean(o, C->any_charge_text);
    pq_end_row(o);
    pq_text(ls, C->subject);
    pq_text(ls, C->cnt_order);
    spans_text(&text, C->lines);
    pq_text(ls, C->lines ? (sv){text.p, (int)text.n} : NUL);
    pq_end_row(ls);
  }
  pq_close(o);
  pq_close(ls);
  free(text.p);
}

static const char *const SUBJECT_COLUMNS[] = {"subject_id", "name",    "cii_number", "gender",     "race_code",
                                             "dob",        "dob_status", "first_conviction_county", "disagreeing"};
static const int SUBJECT_KINDS[] = {PQ_TEXT, PQ_TEXT, PQ_TEXT, PQ_TEXT, PQ_TEXT, PQ_DATE, PQ_TEXT, PQ_TEXT, PQ_BOOLEAN};
_Static_assert(NCOLS(SUBJECT_COLUMNS) == NCOLS(SUBJECT_KINDS), "a kind for every column of the subjects");

static void write_subjects(const char *dir) {
  pq_t *o = pq_open(dir, "fold_subjects.parquet", NCOLS(SUBJECT_COLUMNS), SUBJECT_COLUMNS, SUBJECT_KINDS);
  out_t *ids = open_out(dir, "fold_identities.csv", "subject_id,name,cii_number,gender,race_code,dob,lines");
  subject **all = st->subject_list;
  size_t k = st->n_subjects;
  for (size_t i = 0; i < k; i++) {
    subject *S = all[i];
    int disagreeing = (S->name.p && !eq(S->name, S->name_max)) || (S->cii.p && !eq(S->cii, S->cii_max)) ||
                      (S->gender.p && !eq(S->gender, S->gender_max)) || (S->race.p && !eq(S->race, S->race_max)) ||
                      (S->dob.ok && date_key(S->dob) != date_key(S->dob_max));
    pq_text(o, S->id);
    pq_text(o, S->name);
    pq_text(o, S->cii);
    pq_text(o, S->gender);
    pq_text(o, S->race);
    pq_date(o, S->dob);
    pq_cstr(o, S->dob.ok ? "ok" : S->dob_present ? "bad" : "missing");
    pq_text(o, S->has_conv_county ? S->conv_county : NUL);
    pq_boolean(o, disagreeing);
    pq_end_row(o);
    if (!disagreeing) continue;
    for (identity *id = S->ids; id; id = id->next) {
      row_t ri = {ids, 0};
      f_sv(&ri, S->id);
      f_sv(&ri, id->name);
      f_sv(&ri, id->cii);
      f_sv(&ri, id->gender);
      f_sv(&ri, id->race);
      f_date(&ri, id->dob);
      f_long(&ri, 1, id->lines);
      end_row(&ri);
    }
  }
  pq_close(o);
  o_close(ids);
}

static const char *const PROP64_COLUMNS[] = {"subject_id", "cycle", "is_conviction", "charge_id"};
static const int PROP64_KINDS[] = {PQ_TEXT, PQ_INTEGER, PQ_BOOLEAN, PQ_BIGINT};
_Static_assert(NCOLS(PROP64_COLUMNS) == NCOLS(PROP64_KINDS), "a kind for every column of the Prop 64 lines");

static void write_prop64(const char *dir) {
  pq_t *q = pq_open(dir, "fold_prop64_lines.parquet", NCOLS(PROP64_COLUMNS), PROP64_COLUMNS, PROP64_KINDS);
  for (long i = 0; i < st->n_prop64; i++) {
    prop64_line *p = st->prop64_list[i];
    pq_text(q, p->subject);
    pq_integer(q, p->has_cycle, p->cycle);
    pq_boolean(q, p->convicted);
    long id = charge_id(p->charge_text);
    pq_bigint(q, id >= 0, id);
    pq_end_row(q);
  }
  pq_close(q);
  out_t *o = open_out(dir, "fold_charge_texts.csv", "charge_id,charge_text");
  for (size_t i = 0; i < st->charge_texts.cap; i++) {
    charge_entry *e = st->charge_texts.slot[i];
    if (!e) continue;
    row_t r = {o, 0};
    f_long(&r, 1, e->id);
    f_sv(&r, e->text);
    end_row(&r);
  }
  o_close(o);
}

/* ---------- merging the parts ---------- */

/* The smallest power of two of at least n, and at least 2^16. */
static size_t pow2_at_least(size_t n) {
  size_t c = 1 << 16;
  while (c < n) c <<= 1;
  return c;
}

/*
 * A fold whose tables start at the size `bytes` of input will likely need (the generated extracts have about 300
 * bytes a line, a count for every four lines, a person for every nine and a distinct line that may name a Prop 64
 * section for every three; the tables grow at half full): grown from 2^16 by doubling, the tables were rehashed
 * about six times and their fresh pages cleared twice over, 0.4 of the reader's 10 CPU-s at 5M lines (session 31,
 * the people and the counts; the Prop 64 lines' table, sized so in session 33, grew through 96 MB of fresh pages
 * at 5M). A file unlike that still reads the same, growing its tables where it must.
 */
static fold_t *new_fold(size_t bytes) {
  fold_t *f = calloc(1, sizeof *f);
  if (!f) die("out of memory");
  size_t lines = bytes / 300;
  table_init(&f->subjects, pow2_at_least(lines / 9 * 2));
  table_init(&f->counts, pow2_at_least(lines / 4 * 2));
  table_init(&f->prop64, pow2_at_least(lines / 3 * 2));
  table_init(&f->charge_texts, 1 << 12);
  f->steps_tail = &f->steps;
  return f;
}

#define MERGE_MINMAX(lo, hi, olo, ohi)                    \
  do {                                                    \
    if ((olo).p && (!(lo).p || cmp(olo, lo) < 0)) (lo) = (olo); \
    if ((ohi).p && (!(hi).p || cmp(ohi, hi) > 0)) (hi) = (ohi); \
  } while (0)

/*
 * Folds `b` (a later part of the same file) into `a`, as if `a` had read b's lines after its own: the first of
 * equal sentence orders stays a's, a person's identities keep their first-seen order, new people and counts go
 * after a's.
 */
static void merge(fold_t *a, fold_t *b) {
  st = a;
  size_t at;
  for (long i = 0; i < b->n_subjects; i++) {
    subject *B = b->subject_list[i];
    sv sid = B->id;
    uint64_t hs = subject_hash(sid);
    FIND(&a->subjects, hs, SAME_SUBJECT, at);
    subject *S = a->subjects.slot[at];
    if (!S) {
      add_subject(a, at, hs, B);
      continue;
    }
    MERGE_MINMAX(S->name, S->name_max, B->name, B->name_max);
    MERGE_MINMAX(S->cii, S->cii_max, B->cii, B->cii_max);
    MERGE_MINMAX(S->gender, S->gender_max, B->gender, B->gender_max);
    MERGE_MINMAX(S->race, S->race_max, B->race, B->race_max);
    if (B->dob.ok && (!S->dob.ok || date_key(B->dob) < date_key(S->dob))) S->dob = B->dob;
    if (B->dob_max.ok && (!S->dob_max.ok || date_key(B->dob_max) > date_key(S->dob_max))) S->dob_max = B->dob_max;
    S->dob_present |= B->dob_present;
    if (B->has_conv_county &&
        (!S->has_conv_county || B->conv_day < S->conv_day ||
         (B->conv_day == S->conv_day && cmp(B->conv_county, S->conv_county) < 0))) {
      S->has_conv_county = 1;
      S->conv_day = B->conv_day;
      S->conv_county = B->conv_county;
    }
    for (identity *bi = B->ids; bi;) {
      identity *next = bi->next;
      identity **tail = &S->ids;
      while (*tail && !same_identity(*tail, bi)) tail = &(*tail)->next;
      if (*tail)
        (*tail)->lines += bi->lines;
      else {
        bi->next = NULL;
        *tail = bi;
      }
      bi = next;
    }
  }
  for (long i = 0; i < b->n_counts; i++) {
    count *B = b->count_list[i];
    sv sid = B->subject, cnt_order = B->cnt_order;
    uint64_t hc = count_hash(sid, cnt_order);
    FIND(&a->counts, hc, SAME_COUNT, at);
    count *C = a->counts.slot[at];
    if (!C) {
      add_count(a, at, hc, B);
      continue;
    }
    if (cmp(B->first_sent, C->first_sent) < 0) {
      C->first_line = B->first_line;
      C->first_line_end = B->first_line_end;
      C->first_sent = B->first_sent;
    }
    for (part *bp = B->parts; bp;) {
      part *next = bp->next;
      part *pt = C->parts;
      for (; pt; pt = pt->next)
        if (same_part(pt, bp)) break;
      if (!pt) {
        bp->next = C->parts;
        C->parts = bp;
      }
      bp = next;
    }
    for (token *t = B->quals; t; t = t->next) add_text(&C->quals, t->text);
    for (token *t = B->prefix_texts; t; t = t->next) add_text(&C->prefix_texts, t->text);
    C->any_charge_text |= B->any_charge_text;
    for (span *ln = B->lines; ln;) {
      span *next = ln->next;
      ln->next = C->lines;
      C->lines = ln;
      ln = next;
    }
  }
  for (long i = 0; i < b->n_prop64; i++) {
    prop64_line *k = b->prop64_list[i];
    sv sid = k->subject, charge = k->charge_text;
    int cycle = k->cycle, has_cycle = k->has_cycle, convicted = k->convicted;
    uint64_t h = p64_hash(sid, charge, cycle, has_cycle, convicted);
    FIND(&a->prop64, h, SAME_P64, at);
    if (!a->prop64.slot[at]) add_prop64(a, at, h, k);
  }
  for (size_t i = 0; i < b->charge_texts.cap; i++)
    if (b->charge_texts.slot[i]) add_charge_text(((charge_entry *)b->charge_texts.slot[i])->text);
  if (b->steps) {
    *a->steps_tail = b->steps;
    a->steps_tail = b->steps_tail;
  }
  a->rows += b->rows;
}

/* ---------- reading a part of a file ---------- */

typedef struct {
  fold_t *fold;
  const char *file_start, *from, *to;
  long first_line; /* the line number of `from` when known (the first part), else -1 */
  int file;        /* its number among the inputs */
} part_job;

static void *read_part(void *arg) {
  part_job *j = arg;
  st = j->fold;
  part_file_start = j->first_line < 0 ? j->file_start : NULL;
  reading_file = j->file;
  reading_base = j->file_start;
  part_start = j->from;
  cur_line = j->first_line < 0 ? 0 : j->first_line;
  const char *p = j->from, *end = j->to;
  /* the pages already read are let go every drop_bytes (the writing reads each count's first line again) */
  const char *dropped = (const char *)(((uintptr_t)j->from + page - 1) & ~(uintptr_t)(page - 1));
  while (p < end) {
    if (p - dropped >= drop_bytes) {
      const char *upto = (const char *)((uintptr_t)p & ~(uintptr_t)(page - 1));
      madvise((void *)dropped, upto - dropped, MADV_DONTNEED);
      dropped = upto;
    }
    cur_line++;
    const char *nl = memchr(p, '\n', end - p);
    const char *line_end = nl ? nl + 1 : end;
    if (line_end - p <= 1 + (nl && nl > p && nl[-1] == '\r')) quirk("an empty line");
    if (line_end - p > MAX_LINE) quirk("a line longer than the reader's limit");
    split(p, line_end); /* and check_bytes, where a byte needs it */
    fold_line(p, line_end);
    st->rows++;
    p = line_end;
  }
  return NULL;
}

static void write_steps(const char *dir, fold_t *f) {
  out_t *o = open_out(dir, "fold_steps.csv", "subject_id,step_type,step_date,charge_text");
  for (step_row *t = f->steps; t; t = t->next) {
    row_t r = {o, 0};
    f_sv(&r, t->subject);
    f_str(&r, t->type);
    f_date(&r, t->date);
    f_sv(&r, t->charge_text);
    end_row(&r);
  }
  o_close(o);
}

typedef struct {
  fold_t *fold;
  const char *dir;
  size_t from, to;
  int second;
} write_job;

static void *write_part(void *arg) {
  write_job *j = arg;
  st = j->fold;
  write_counts(j->dir, j->second ? "fold_counts_2.parquet" : "fold_counts_1.parquet",
               j->second ? "fold_count_lines_2.parquet" : "fold_count_lines_1.parquet", j->from, j->to);
  if (j->second) {
    write_prop64(j->dir);
    write_steps(j->dir, j->fold);
  } else
    write_subjects(j->dir);
  return NULL;
}

/* ---------- main ---------- */

/* A file smaller than this is read by one thread: the second would cost more to start and merge than it saves. */
#define SPLIT_BYTES (16L << 20)

int main(int argc, char **argv) {
  if (argc < 5) die("usage: doj-fold OUT_DIR COLUMNS HEADERS FILE...");
  const char *dir = argv[1];
  const char *headers = argv[3];
  if ((int)strlen(headers) != argc - 4) die("HEADERS: one 0 or 1 per file");
  int threads = getenv("DOJ_FOLD_THREADS") ? atoi(getenv("DOJ_FOLD_THREADS")) : 2;
  if (threads < 1) threads = 1;
  if (threads > 2) threads = 2;
  page = sysconf(_SC_PAGESIZE);
  if (getenv("DOJ_FOLD_PAGE_BYTES")) pq_page_bytes = atol(getenv("DOJ_FOLD_PAGE_BYTES"));
  if (getenv("DOJ_FOLD_DROP_BYTES")) {
    drop_bytes = atol(getenv("DOJ_FOLD_DROP_BYTES"));
    if (drop_bytes < page) drop_bytes = page;
  }
  /* the file's column positions, from the contract's column list */
  char *names = strdup(argv[2]);
  int n = 0;
  for (char *s = strtok(names, ","); s; s = strtok(NULL, ",")) {
    if (n == NF) die("COLUMNS: more than %d names", NF);
    column_names[n++] = s;
  }
  if (n != NF) die("COLUMNS: %d names where the layout has %d", n, NF);
  for (int c = 0; c < NEEDED; c++) {
    col[c] = -1;
    for (int i = 0; i < NF; i++)
      if (strcmp(column_names[i], NEEDED_NAMES[c]) == 0) col[c] = i;
    if (col[c] < 0) die("COLUMNS: no %s", NEEDED_NAMES[c]);
  }
  size_t input_bytes = 0;
  for (int a = 4; a < argc; a++) {
    struct stat sb;
    if (stat(argv[a], &sb) == 0) input_bytes += sb.st_size;
  }
  fold_t *all = new_fold(input_bytes);
  long *rows = calloc(argc, sizeof *rows);
  for (int a = 4; a < argc; a++) {
    cur_file = argv[a];
    int fd = open(argv[a], O_RDONLY);
    if (fd < 0) die("cannot open %s: %s", argv[a], strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb)) die("cannot stat %s", argv[a]);
    int header = headers[a - 4] == '1';
    long before = all->rows;
    if (sb.st_size > 0) {
      const char *b = mmap(NULL, sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (b == MAP_FAILED) die("cannot map %s: %s", argv[a], strerror(errno));
      mappings = realloc(mappings, (n_mappings + 1) * sizeof *mappings);
      if (!mappings) die("out of memory");
      mappings[n_mappings++] = (mapping){b, b + sb.st_size};
      madvise((void *)b, sb.st_size, MADV_SEQUENTIAL);
      const char *p = b, *end = b + sb.st_size;
      if (!header && sb.st_size >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
        quirk("a byte-order mark before the first record");
      if (header) {
        const char *nl = memchr(p, '\n', end - p);
        const char *cr = memchr(p, '\r', (nl ? nl : end) - p);
        /* a carriage return ends the header only as part of CRLF: a lone one is a line break DuckDB reads */
        if (cr && cr + 1 != nl) quirk("a carriage return that is not part of a CRLF line break");
        p = nl ? nl + 1 : end;
      }
      /* two parts, cut at a line break, read at once; the second is merged into the first */
      const char *cut = end;
      if (threads == 2 && end - p > SPLIT_BYTES) {
        const char *nl = memchr(p + (end - p) / 2, '\n', end - (p + (end - p) / 2));
        cut = nl ? nl + 1 : end;
      }
      part_job first = {all, b, p, cut, header ? 1 : 0, a - 4};
      if (cut < end) {
        fold_t *second = new_fold(end - cut);
        part_job later = {second, b, cut, end, -1, a - 4};
        pthread_t t;
        if (pthread_create(&t, NULL, read_part, &later)) die("cannot start a thread");
        read_part(&first);
        pthread_join(t, NULL);
        merge(all, second);
      } else
        read_part(&first);
    }
    st = all;
    close(fd);
    rows[a] = all->rows - before;
  }
  cur_file = NULL;
  st = all;
  /* the charge texts numbered once, before the writers look them up */
  long next_id = 0;
  for (size_t i = 0; i < all->charge_texts.cap; i++)
    if (all->charge_texts.slot[i]) ((charge_entry *)all->charge_texts.slot[i])->id = next_id++;
  /* Written by two threads at once: each half of the counts, and the smaller tables shared between them. */
  size_t half = threads == 2 ? all->n_counts / 2 : all->n_counts;
  write_job jobs[2] = {{all, dir, 0, half, 0}, {all, dir, half, all->n_counts, 1}};
  if (threads == 2) {
    pthread_t t;
    if (pthread_create(&t, NULL, write_part, &jobs[1])) die("cannot start a thread");
    write_part(&jobs[0]);
    pthread_join(t, NULL);
  } else {
    write_part(&jobs[0]);
    write_part(&jobs[1]);
  }
  printf("{\"files\":[");
  for (int a = 4; a < argc; a++) printf("%s{\"rows\":%ld}", a > 4 ? "," : "", rows[a]);
  /* its own CPU and peak memory, which the run adds to its figures (a parent does not see a child's) */
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double cpu = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  printf("],\"rows\":%ld,\"subjects\":%ld,\"counts\":%ld,\"cpu_seconds\":%.2f,\"max_rss_kb\":%ld}\n", all->rows,
         all->n_subjects, all->n_counts, cpu, ru.ru_maxrss);
  return 0;
}
