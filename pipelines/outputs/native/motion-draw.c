/*
 * The native motion drawer: every court's motion CSV and the content streams of its schedule pages, the same bytes
 * as the JavaScript renderers (reports/motions/motion-csv.ts, case-table.ts, page-canvas.ts and page-layout.ts's
 * footer). The cover, the PDF's objects and their compression stay in JavaScript, which hands this program what is
 * the same for many rows (fonts, schedules, reliefs, reasons, courts) and the rows, and reads the pages back.
 *
 * Use: motion-draw HEAD ROWS PAGES_OUT
 *   HEAD: lines of fields separated by 0x1f:
 *     F key w32 .. w255          the three fonts, in the order sans, bold, italic (widths at size 1)
 *     H header                   the CSVs' header line
 *     S heading reason_label     each schedule, in order (a row names its schedule by number)
 *     R csv_relief relief_label  each relief (schedule ... is_related as CSV fields; the Relief cell's text)
 *     X csv_reason short_reason  each reason (its CSV field; its note's text after the label)
 *     C csv_path place csv_place footer_left cover_pages   each court, in order
 *   ROWS: a line per row, grouped by court and then schedule, in motion order; fields separated by 0x1f, a NULL is
 *     the single byte 0x01: court schedule relief reason case_number subject_id name aka dob cii conviction_date
 *     code_sections counts count_orders rule_ids
 *   PAGES_OUT: each schedule page as a 4-byte little-endian length and its bytes, court after court.
 *   stdout: a JSON array, a court each: {"pages": N, "offset": O, "length": L} (its pages' place in PAGES_OUT), or
 *     {"quirk": "..."} when a text it would draw is not plain printable ASCII: nothing is written for that court,
 *     and the caller draws it in JavaScript, whose pdfSafe handles any text.
 *   Exit 2 on anything else (a malformed input, a file it cannot write).
 */
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define SEP 0x1f
#define NUL_FIELD 0x01

static void die(const char *m) {
  fprintf(stderr, "motion-draw: %s\n", m);
  exit(2);
}

/* A text this program does not draw exactly as JavaScript would: the court is left to JavaScript. */
static jmp_buf court_jump;
static const char *quirk_why;
static void quirk(const char *why) {
  quirk_why = why;
  longjmp(court_jump, 1);
}

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) die("out of memory");
  return p;
}

/* ---------- growable byte buffer ---------- */
typedef struct {
  char *b;
  size_t n, cap;
} Buf;

static void reserve(Buf *s, size_t more) {
  if (s->n + more <= s->cap) return;
  size_t cap = s->cap ? s->cap : 1 << 16;
  while (cap < s->n + more) cap *= 2;
  s->b = realloc(s->b, cap);
  if (!s->b) die("out of memory");
  s->cap = cap;
}
static void put(Buf *s, const char *p, size_t n) {
  reserve(s, n);
  memcpy(s->b + s->n, p, n);
  s->n += n;
}
static void puts_(Buf *s, const char *p) { put(s, p, strlen(p)); }
static void putc_(Buf *s, char c) {
  reserve(s, 1);
  s->b[s->n++] = c;
}

/* ---------- a text: pointer and length (NULL pointer: SQL NULL) ---------- */
typedef struct {
  const char *p;
  int n;
} Str;

static int is_null(Str s) { return s.p == NULL; }

/* ---------- numbers as JavaScript prints them ---------- */
/* Math.round: the nearest integer, ties toward +infinity. */
static double js_round(double x) {
  double r = floor(x);
  if (x - r >= 0.5) r += 1;
  return r;
}
static double round2(double n) { return js_round(n * 100) / 100; }

/*
 * String(Math.round(n * 100) / 100): the hundredths k as decimal digits, trailing zeros dropped (the double nearest
 * k / 100 prints as k / 100 in JavaScript's shortest form); -0 is "0".
 */
static void put_num(Buf *s, double n) {
  long k = (long)js_round(n * 100);
  char t[32];
  int i = (int)sizeof t;
  if (k == 0) {
    putc_(s, '0');
    return;
  }
  int neg = k < 0;
  unsigned long a = neg ? (unsigned long)(-k) : (unsigned long)k;
  unsigned long ip = a / 100, fp = a % 100;
  if (fp) {
    if (fp % 10) t[--i] = (char)('0' + fp % 10);
    t[--i] = (char)('0' + fp / 10);
    t[--i] = '.';
  }
  do {
    t[--i] = (char)('0' + ip % 10);
    ip /= 10;
  } while (ip);
  if (neg) t[--i] = '-';
  put(s, t + i, sizeof t - (size_t)i);
}

/* ---------- fonts ---------- */
typedef struct {
  char key[16];
  double w[256];
} Font;

static Font fonts[3];
#define SANS (&fonts[0])
#define BOLD (&fonts[1])
#define ITALIC (&fonts[2])

static double measure(const Font *f, const char *p, int n, double size) {
  double w = 0;
  for (int i = 0; i < n; i++) w += f->w[(unsigned char)p[i]];
  return w * size;
}

/* ---------- a page's content stream (PageCanvas) ---------- */
typedef struct {
  Buf g, t;
  const Font *font;
  double size, text_grey, line_x, line_y, stroke_w, stroke_grey, fill_grey;
} Canvas;

static void canvas_reset(Canvas *c) {
  c->g.n = 0;
  c->t.n = 0;
  c->font = NULL;
  c->size = 0;
  c->text_grey = -1;
  c->line_x = 0;
  c->line_y = 0;
  c->stroke_w = -1;
  c->stroke_grey = -1;
  c->fill_grey = -1;
}

static void text(Canvas *c, const char *p, int n, double x, double y, const Font *f, double size, double grey) {
  if (n == 0) return;
  Buf *t = &c->t;
  if (f != c->font || size != c->size) {
    putc_(t, '/');
    puts_(t, f->key);
    putc_(t, ' ');
    put_num(t, size);
    puts_(t, " Tf\n");
    c->font = f;
    c->size = size;
  }
  if (grey != c->text_grey) {
    put_num(t, grey);
    puts_(t, " g\n");
    c->text_grey = grey;
  }
  double rx = round2(x), ry = round2(y);
  put_num(t, rx - c->line_x);
  putc_(t, ' ');
  put_num(t, ry - c->line_y);
  puts_(t, " Td (");
  reserve(t, 2 * (size_t)n + 8);
  for (int i = 0; i < n; i++) {
    char ch = p[i];
    if ((unsigned char)ch < 0x20 || (unsigned char)ch > 0x7e) quirk("a text that is not plain printable ASCII");
    if (ch == '\\' || ch == '(' || ch == ')') t->b[t->n++] = '\\';
    t->b[t->n++] = ch;
  }
  puts_(t, ") Tj\n");
  c->line_x = rx;
  c->line_y = ry;
}

static void line(Canvas *c, double x1, double y1, double x2, double y2, double width, double grey) {
  Buf *g = &c->g;
  if (width != c->stroke_w) {
    put_num(g, width);
    puts_(g, " w\n");
  }
  if (grey != c->stroke_grey) {
    put_num(g, grey);
    puts_(g, " G\n");
  }
  c->stroke_w = width;
  c->stroke_grey = grey;
  put_num(g, x1);
  putc_(g, ' ');
  put_num(g, y1);
  puts_(g, " m ");
  put_num(g, x2);
  putc_(g, ' ');
  put_num(g, y2);
  puts_(g, " l S\n");
}

static void rect(Canvas *c, double x, double y, double w, double h, double grey) {
  Buf *g = &c->g;
  if (grey != c->fill_grey) {
    put_num(g, grey);
    puts_(g, " g\n");
  }
  c->fill_grey = grey;
  put_num(g, x);
  putc_(g, ' ');
  put_num(g, y);
  putc_(g, ' ');
  put_num(g, w);
  putc_(g, ' ');
  put_num(g, h);
  puts_(g, " re f\n");
}

/* ---------- wrapping (pdf-text.ts) ---------- */
/* Lines of one cell: slices of the texts they come from, or owned text (a capLines tail). */
typedef struct {
  Str *l;
  int n, cap;
} Lines;

static void lines_push(Lines *ls, const char *p, int n) {
  if (ls->n == ls->cap) {
    ls->cap = ls->cap ? ls->cap * 2 : 8;
    ls->l = realloc(ls->l, sizeof(Str) * (size_t)ls->cap);
    if (!ls->l) die("out of memory");
  }
  ls->l[ls->n].p = p;
  ls->l[ls->n].n = n;
  ls->n++;
}

/* Text drawn on a page must be plain printable ASCII: then pdfSafe leaves it as it is. */
static void require_plain(const char *p, int n) {
  for (int i = 0; i < n; i++)
    if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] > 0x7e) quirk("a text that is not plain printable ASCII");
}

/*
 * Texts made here (a line of words that stood apart by more than one space, "aka " + a name, a note, a capped cell's
 * last line) are kept until their court is drawn: the arena lists them, and arena_free() frees them per court.
 */
static Buf arena;
static const char *arena_copy(const char *p, int n) {
  /* Each copy is its own allocation (the arena's buffer moves as it grows; the lines point into the copies). */
  char *q = xmalloc((size_t)n + 1);
  memcpy(q, p, (size_t)n);
  q[n] = 0;
  put(&arena, (const char *)&q, sizeof q);
  return q;
}
static void arena_free(void) {
  for (size_t i = 0; i < arena.n; i += sizeof(char *)) {
    char *q;
    memcpy(&q, arena.b + i, sizeof q);
    free(q);
  }
  arena.n = 0;
}

static Buf scratch;

static void break_word(Lines *out, const char *p, int n, const Font *f, double size, double width, Str *last) {
  /* Each piece is measured whole, as measure(font, cur + ch, size) does. */
  int start = 0, len = 0;
  for (int i = 0; i < n; i++) {
    if (len > 0 && measure(f, p + start, len + 1, size) > width) {
      lines_push(out, p + start, len);
      start = i;
      len = 1;
    } else
      len++;
  }
  last->p = p + start;
  last->n = len;
}

static void wrap_text(Lines *out, const char *p, int n, const Font *f, double size, double width) {
  int spaces_ok = !(n > 0 && (p[0] == ' ' || p[n - 1] == ' '));
  for (int i = 0; spaces_ok && i + 1 < n; i++)
    if (p[i] == ' ' && p[i + 1] == ' ') spaces_ok = 0;
  if (measure(f, p, n, size) <= width && spaces_ok) {
    lines_push(out, p, n);
    return;
  }
  double limit = width - 1e-9;
  double space = measure(f, " ", 1, size);
  int first = out->n;
  /* cur: a slice of p while its words stand one space apart there, else a copy in scratch */
  scratch.n = 0;
  int cur_start = -1, cur_len = 0, cur_copied = 0;
  double cur_w = 0;
#define FLUSH_CUR()                                                              \
  do {                                                                           \
    if (cur_copied)                                                              \
      lines_push(out, arena_copy(scratch.b, cur_len), cur_len);                  \
    else                                                                         \
      lines_push(out, p + cur_start, cur_len);                                   \
  } while (0)
  int i = 0;
  while (i < n) {
    while (i < n && p[i] == ' ') i++;
    if (i >= n) break;
    int ws = i;
    while (i < n && p[i] != ' ') i++;
    int wl = i - ws;
    double w = measure(f, p + ws, wl, size);
    /* The sums in wrapText's order: (cur + space) + w to test, cur + (space + w) to keep. */
    if (cur_len > 0 && cur_w + space + w <= limit) {
      if (!cur_copied && ws == cur_start + cur_len + 1) {
        cur_len += 1 + wl;
      } else {
        if (!cur_copied) {
          scratch.n = 0;
          put(&scratch, p + cur_start, (size_t)cur_len);
          cur_copied = 1;
        }
        putc_(&scratch, ' ');
        put(&scratch, p + ws, (size_t)wl);
        cur_len += 1 + wl;
      }
      cur_w += space + w;
      continue;
    }
    if (cur_len > 0) FLUSH_CUR();
    if (w <= limit) {
      cur_start = ws;
      cur_len = wl;
      cur_copied = 0;
      cur_w = w;
    } else {
      Str last;
      break_word(out, p + ws, wl, f, size, width, &last);
      cur_start = (int)(last.p - p);
      cur_len = last.n;
      cur_copied = 0;
      cur_w = measure(f, last.p, last.n, size);
    }
  }
  if (cur_len > 0 || out->n == first) {
    if (cur_len > 0)
      FLUSH_CUR();
    else
      lines_push(out, p, 0);
  }
#undef FLUSH_CUR
}

/* At most max lines; the last kept one says how many were left out. */
static void cap_lines(Lines *ls, int from, int max) {
  int n = ls->n - from;
  if (n <= max) return;
  char t[64];
  int len = snprintf(t, sizeof t, "... +%d more (see CSV)", n - max + 1);
  ls->n = from + max - 1;
  lines_push(ls, arena_copy(t, len), len);
}

/* ---------- the table (case-table.ts) ---------- */
#define SIZE 7.5
#define LINE 9
#define NOTE_SIZE 6.5
#define NOTE_LINE 8
#define PAD 3
#define MAX_CELL_LINES 6
#define HEADING_HEIGHT 34
#define HEADER_ROW_HEIGHT (LINE + 2 * PAD)
#define PAGE_W 612
#define PAGE_H 792
#define M_LEFT 36
#define M_RIGHT 36
#define M_TOP 40
#define M_BOTTOM 46
#define CONTENT_WIDTH (PAGE_W - M_LEFT - M_RIGHT)
#define GREY 0.35
#define RULE 0.7
#define SHADE 0.9
#define NCOLS 8
static const int COL_W[NCOLS] = {64, 110, 46, 48, 46, 80, 70, 76};
static const char *COL_TITLE[NCOLS] = {"Case number", "Name / AKA", "DOB", "CII number",
                                       "Convicted", "Code sections", "Relief", "Rule ids"};
#define NOTE_INDENT (64 + PAD)
#define ROWS_HEIGHT (PAGE_H - M_TOP - M_BOTTOM - HEADING_HEIGHT - HEADER_ROW_HEIGHT)

enum { F_SCHED, F_RELIEF, F_REASON, F_CASE, F_SUBJECT, F_NAME, F_AKA, F_DOB, F_CII, F_CONVICTED, F_CODES, F_COUNTS, F_ORDERS, F_RULES, NF };

typedef struct {
  Str f[NF];
  int sched, relief, reason;
} Row;

typedef struct {
  Str heading, label;
} Schedule;
typedef struct {
  Str csv, label;
} Relief;
typedef struct {
  Str csv, short_text;
} Reason;

/* A row's cells: lines per cell (start index into a shared Lines), and its note lines. */
typedef struct {
  int cell_from[NCOLS + 1];
  int note_from, note_n;
  double height;
} Laid;

static Lines cell_lines; /* every row's cell lines, one after another */

/* Splits s at "; " into pieces (as String.split('; ')). */
static int split_semi(Str s, Str *out, int max) {
  int k = 0, start = 0;
  for (int i = 0; i + 1 < s.n; i++)
    if (s.p[i] == ';' && s.p[i + 1] == ' ') {
      if (k < max) out[k].p = s.p + start, out[k].n = i - start;
      k++;
      start = i + 2;
      i++;
    }
  if (k < max) out[k].p = s.p + start, out[k].n = s.n - start;
  return k + 1;
}

static void cell_texts_wrap(const Str *texts, int n, int col) {
  int from = cell_lines.n;
  double width = COL_W[col] - 2 * PAD;
  for (int i = 0; i < n; i++) {
    require_plain(texts[i].p, texts[i].n);
    wrap_text(&cell_lines, texts[i].p, texts[i].n, SANS, SIZE, width);
  }
  cap_lines(&cell_lines, from, MAX_CELL_LINES);
}

static const char NOT_RECORDED[] = "(not recorded)";
static const char NO_NAME[] = "(no name)";

/* Notes per (schedule, reason), wrapped once. */
typedef struct {
  int done, from, n;
} NoteCache;
static Lines note_lines;

static void lay_row(const Row *r, const Schedule *sch, const Relief *reliefs, const Reason *reasons, NoteCache *notes,
                    Laid *out) {
  Str t[64];
  int lines = 1;
  for (int col = 0; col < NCOLS; col++) {
    out->cell_from[col] = cell_lines.n;
    int n = 1;
    switch (col) {
      case 0:
        t[0] = is_null(r->f[F_CASE]) ? (Str){NOT_RECORDED, (int)sizeof NOT_RECORDED - 1} : r->f[F_CASE];
        break;
      case 1: {
        t[0] = is_null(r->f[F_NAME]) ? (Str){NO_NAME, (int)sizeof NO_NAME - 1} : r->f[F_NAME];
        Str aka = r->f[F_AKA];
        if (!is_null(aka) && aka.n > 0) {
          Str parts[60];
          int k = split_semi(aka, parts, 60);
          if (k > 60) quirk("more than 60 names");
          /* "aka " + each: copied into owned text */
          for (int i = 0; i < k; i++) {
            char *q = xmalloc((size_t)parts[i].n + 5);
            memcpy(q, "aka ", 4);
            memcpy(q + 4, parts[i].p, (size_t)parts[i].n);
            put(&arena, (const char *)&q, sizeof q);
            t[n].p = q;
            t[n].n = parts[i].n + 4;
            n++;
          }
        }
        break;
      }
      case 2:
        t[0] = is_null(r->f[F_DOB]) ? (Str){"", 0} : r->f[F_DOB];
        break;
      case 3:
        t[0] = is_null(r->f[F_CII]) ? (Str){"", 0} : r->f[F_CII];
        break;
      case 4: {
        Str d = is_null(r->f[F_CONVICTED]) ? (Str){"", 0} : r->f[F_CONVICTED];
        n = split_semi(d, t, 64);
        if (n > 64) quirk("a cell of more than 64 values");
        break;
      }
      case 5:
        t[0] = r->f[F_CODES];
        break;
      case 6:
        t[0] = reliefs[r->relief].label;
        break;
      case 7:
        n = split_semi(r->f[F_RULES], t, 64);
        if (n > 64) quirk("a cell of more than 64 values");
        break;
    }
    cell_texts_wrap(t, n, col);
    int got = cell_lines.n - out->cell_from[col];
    if (got > lines) lines = got;
  }
  out->cell_from[NCOLS] = cell_lines.n;
  const Reason *x = &reasons[r->reason];
  NoteCache *nc = &notes[r->reason];
  out->note_n = 0;
  out->note_from = 0;
  /* A row with a reason prints it (an empty reason's CSV field is empty; any other is not). */
  if (x->csv.n > 0) {
    if (!nc->done) {
      scratch.n = 0;
      put(&scratch, sch->label.p, (size_t)sch->label.n);
      put(&scratch, ": ", 2);
      put(&scratch, x->short_text.p, (size_t)x->short_text.n);
      const char *note = arena_copy(scratch.b, (int)scratch.n);
      int len = (int)scratch.n;
      require_plain(note, len);
      nc->from = note_lines.n;
      wrap_text(&note_lines, note, len, ITALIC, NOTE_SIZE, CONTENT_WIDTH - NOTE_INDENT - PAD);
      cap_lines(&note_lines, nc->from, MAX_CELL_LINES);
      nc->n = note_lines.n - nc->from;
      nc->done = 1;
    }
    out->note_from = nc->from;
    out->note_n = nc->n;
  }
  out->height = lines * LINE + out->note_n * NOTE_LINE + 2 * PAD;
}

static void put_page(Buf *out, const Canvas *c) {
  int has_text = c->t.n > 0;
  uint32_t len = (uint32_t)(c->g.n + (has_text ? c->t.n + 6 : 0));
  unsigned char l4[4] = {len & 0xff, (len >> 8) & 0xff, (len >> 16) & 0xff, (len >> 24) & 0xff};
  put(out, (const char *)l4, 4);
  put(out, c->g.b, c->g.n);
  if (has_text) {
    put(out, "BT\n", 3);
    put(out, c->t.b, c->t.n);
    put(out, "ET\n", 3);
  }
}

static void footer(Canvas *c, Str left, int i, int total) {
  double size = 7, y = 24;
  line(c, M_LEFT, y + 10, PAGE_W - M_RIGHT, y + 10, 0.5, RULE);
  text(c, left.p, left.n, M_LEFT, y, SANS, size, GREY);
  static const char middle[] = "CONFIDENTIAL: criminal history information";
  text(c, middle, (int)sizeof middle - 1, M_LEFT, y - 9, BOLD, size, GREY);
  char right[64];
  int rn = snprintf(right, sizeof right, "page %d of %d", i + 1, total);
  double w = measure(SANS, right, rn, size + 1);
  text(c, right, rn, (double)(PAGE_W - M_RIGHT) - w, y, SANS, size + 1, 0);
}

/* ---------- the CSV (motion-csv.ts) ---------- */
static void csv_field(Buf *o, Str s) {
  if (is_null(s)) return;
  int safe = s.n > 0 && (s.p[0] == '=' || s.p[0] == '+' || s.p[0] == '-' || s.p[0] == '@' || s.p[0] == '\t' ||
                         s.p[0] == '\r');
  int quote = 0;
  for (int i = 0; i < s.n; i++)
    if (s.p[i] == '"' || s.p[i] == ',' || s.p[i] == '\r' || s.p[i] == '\n') {
      quote = 1;
      break;
    }
  if (!quote) {
    if (safe) putc_(o, '\'');
    put(o, s.p, (size_t)s.n);
    return;
  }
  reserve(o, 2 * (size_t)s.n + 3);
  o->b[o->n++] = '"';
  if (safe) o->b[o->n++] = '\'';
  for (int i = 0; i < s.n; i++) {
    if (s.p[i] == '"') o->b[o->n++] = '"';
    o->b[o->n++] = s.p[i];
  }
  o->b[o->n++] = '"';
}

/* ---------- input ---------- */
static char *map_file(const char *path, size_t *len) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) die("cannot open an input");
  struct stat sb;
  if (fstat(fd, &sb)) die("cannot stat an input");
  *len = (size_t)sb.st_size;
  if (*len == 0) {
    close(fd);
    return NULL;
  }
  char *p = mmap(NULL, *len, PROT_READ, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) die("cannot map an input");
  close(fd);
  return p;
}

/* Splits one line [p, end) into fields; returns how many. A field of the single byte 0x01 is NULL. */
static int fields(const char *p, const char *end, Str *out, int max) {
  int k = 0;
  const char *start = p;
  for (const char *q = p;; q++) {
    if (q == end || *q == SEP) {
      if (k >= max) die("too many fields");
      int n = (int)(q - start);
      if (n == 1 && *start == NUL_FIELD)
        out[k].p = NULL, out[k].n = 0;
      else
        out[k].p = start, out[k].n = n;
      k++;
      if (q == end) break;
      start = q + 1;
    }
  }
  return k;
}

static int to_int(Str s) {
  int v = 0;
  if (s.n == 0 || s.n > 9) die("a number was expected");
  for (int i = 0; i < s.n; i++) {
    if (s.p[i] < '0' || s.p[i] > '9') die("a number was expected");
    v = v * 10 + (s.p[i] - '0');
  }
  return v;
}

/* A growable array of T. */
#define GROW(arr, n, cap)                                         \
  do {                                                            \
    if ((n) == (cap)) {                                           \
      (cap) = (cap) ? 2 * (cap) : 64;                             \
      (arr) = realloc((arr), sizeof *(arr) * (size_t)(cap));      \
      if (!(arr)) die("out of memory");                           \
    }                                                             \
  } while (0)

typedef struct {
  Str csv_path, place, csv_place, footer_left;
  int cover_pages;
} Court;

static Schedule *scheds;
static Relief *reliefs;
static Reason *reasons;
static int nsched, nrelief, nreason;
static Str header;

/* The CSV of rows [a, b) of one court. */
static void court_csv(Buf *csv, const Court *ct, const Row *rows, int a, int b) {
  csv->n = 0;
  put(csv, header.p, (size_t)header.n);
  putc_(csv, '\n');
  static const int order[] = {F_CASE, F_SUBJECT, F_NAME, F_AKA, F_DOB, F_CII, F_CONVICTED, F_CODES, F_COUNTS,
                              F_ORDERS, F_RULES};
  for (int i = a; i < b; i++) {
    const Row *r = &rows[i];
    put(csv, ct->csv_place.p, (size_t)ct->csv_place.n);
    putc_(csv, ',');
    put(csv, reliefs[r->relief].csv.p, (size_t)reliefs[r->relief].csv.n);
    for (size_t j = 0; j < sizeof order / sizeof order[0]; j++) {
      putc_(csv, ',');
      csv_field(csv, r->f[order[j]]);
    }
    putc_(csv, ',');
    put(csv, reasons[r->reason].csv.p, (size_t)reasons[r->reason].csv.n);
    putc_(csv, '\n');
  }
}

static Laid *laid;
static int laid_cap;
static int *page_start, *page_sched;
static int pages_cap;
static NoteCache *notes;

/* Lays out and draws rows [a, b) of one court into `out` (length-prefixed pages); returns its page count. */
__attribute__((noinline)) static int court_pages(Buf *out, const Court *ct, const Row *rows, int a, int b) {
  int n = b - a;
  cell_lines.n = 0;
  note_lines.n = 0;
  while (laid_cap < n) laid_cap = laid_cap ? 2 * laid_cap : 1024;
  laid = realloc(laid, sizeof(Laid) * (size_t)laid_cap);
  if (!laid) die("out of memory");
  if (pages_cap < n + 2) {
    pages_cap = n + 2;
    page_start = realloc(page_start, sizeof(int) * (size_t)pages_cap);
    page_sched = realloc(page_sched, sizeof(int) * (size_t)pages_cap);
    if (!page_start || !page_sched) die("out of memory");
  }
  int npages = 0;
  for (int i = a; i < b;) {
    int s = rows[i].sched;
    memset(notes, 0, sizeof(NoteCache) * (size_t)nreason);
    int from = i;
    while (i < b && rows[i].sched == s) {
      lay_row(&rows[i], &scheds[s], reliefs, reasons, notes, &laid[i - a]);
      i++;
    }
    /* Greedy pages; a row taller than a page still gets one of its own (case-table.ts, paginate). */
    double used = 0;
    int open_page = 0;
    for (int r = from; r < i; r++) {
      double h = laid[r - a].height;
      if (open_page && used + h > ROWS_HEIGHT) {
        open_page = 0;
        used = 0;
      }
      if (!open_page) {
        page_start[npages] = r - a;
        page_sched[npages] = s;
        npages++;
        open_page = 1;
      }
      used += h;
    }
  }
  page_start[npages] = n;
  int total = ct->cover_pages + npages;
  static Canvas c;
  for (int pg = 0; pg < npages; pg++) {
    canvas_reset(&c);
    int s = page_sched[pg];
    int continued = pg > 0 && page_sched[pg - 1] == s;
    /* The heading (drawHeading). */
    double top = PAGE_H - M_TOP;
    scratch.n = 0;
    put(&scratch, scheds[s].heading.p, (size_t)scheds[s].heading.n);
    if (continued) puts_(&scratch, " - continued");
    text(&c, scratch.b, (int)scratch.n, M_LEFT, top - 11, BOLD, 11, 0);
    text(&c, ct->place.p, ct->place.n, M_LEFT, top - 24, SANS, 8, GREY);
    double y = top - HEADING_HEIGHT;
    rect(&c, M_LEFT, y - HEADER_ROW_HEIGHT, CONTENT_WIDTH, HEADER_ROW_HEIGHT, SHADE);
    double x = M_LEFT;
    for (int col = 0; col < NCOLS; col++) {
      text(&c, COL_TITLE[col], (int)strlen(COL_TITLE[col]), x + PAD, y - PAD - SIZE, BOLD, SIZE, 0);
      x += COL_W[col];
    }
    y = y - HEADER_ROW_HEIGHT;
    /* The rows (drawRow). */
    for (int r = page_start[pg]; r < page_start[pg + 1]; r++) {
      const Laid *l = &laid[r];
      double tp = y;
      x = M_LEFT;
      int lines = 1;
      for (int col = 0; col < NCOLS; col++) {
        int ca = l->cell_from[col], cb = l->cell_from[col + 1];
        for (int j = 0; j < cb - ca; j++)
          text(&c, cell_lines.l[ca + j].p, cell_lines.l[ca + j].n, x + PAD, tp - PAD - SIZE - j * LINE, SANS, SIZE,
               0);
        if (cb - ca > lines) lines = cb - ca;
        x += COL_W[col];
      }
      double note_top = tp - PAD - lines * LINE;
      for (int j = 0; j < l->note_n; j++) {
        Str nt = note_lines.l[l->note_from + j];
        text(&c, nt.p, nt.n, M_LEFT + NOTE_INDENT, note_top - NOTE_SIZE - j * NOTE_LINE, ITALIC, NOTE_SIZE, GREY);
      }
      double bottom = tp - l->height;
      line(&c, M_LEFT, bottom, M_LEFT + CONTENT_WIDTH, bottom, 0.25, RULE);
      y = bottom;
    }
    footer(&c, ct->footer_left, ct->cover_pages + pg, total);
    put_page(out, &c);
  }
  return npages;
}

static void write_file(const char *path, const Buf *b) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) die("cannot create a CSV");
  size_t at = 0;
  while (at < b->n) {
    ssize_t w = write(fd, b->b + at, b->n - at);
    if (w <= 0) die("cannot write a CSV");
    at += (size_t)w;
  }
  if (close(fd)) die("cannot write a CSV");
}

int main(int argc, char **argv) {
  if (argc != 4) die("usage: motion-draw HEAD ROWS PAGES_OUT");
  size_t hlen, rlen;
  const char *head = map_file(argv[1], &hlen);
  const char *rows_in = map_file(argv[2], &rlen);
  int nfonts = 0, ncourt = 0, scap = 0, rcap = 0, xcap = 0, ccap = 0;
  Court *courts = NULL;
  Str f[300];
  for (const char *p = head, *end = head + hlen; p < end;) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) nl = end;
    int k = fields(p, nl, f, 300);
    p = nl + 1;
    char tag = f[0].n == 1 ? f[0].p[0] : 0;
    switch (tag) {
      case 'F':
        if (nfonts >= 3 || k != 226 || f[1].n >= 15) die("a bad font line");
        memcpy(fonts[nfonts].key, f[1].p, (size_t)f[1].n);
        fonts[nfonts].key[f[1].n] = 0;
        for (int i = 0; i < 224; i++) {
          char t[32];
          if (f[2 + i].n >= 31) die("a bad width");
          memcpy(t, f[2 + i].p, (size_t)f[2 + i].n);
          t[f[2 + i].n] = 0;
          fonts[nfonts].w[32 + i] = strtod(t, NULL);
        }
        nfonts++;
        break;
      case 'H':
        if (k != 2) die("a bad header line");
        header = f[1];
        break;
      case 'S':
        if (k != 3) die("a bad schedule line");
        GROW(scheds, nsched, scap);
        scheds[nsched].heading = f[1];
        scheds[nsched].label = f[2];
        nsched++;
        break;
      case 'R':
        if (k != 3) die("a bad relief line");
        GROW(reliefs, nrelief, rcap);
        reliefs[nrelief].csv = f[1];
        reliefs[nrelief].label = f[2];
        nrelief++;
        break;
      case 'X':
        if (k != 3) die("a bad reason line");
        GROW(reasons, nreason, xcap);
        reasons[nreason].csv = f[1];
        reasons[nreason].short_text = f[2];
        nreason++;
        break;
      case 'C':
        if (k != 6) die("a bad court line");
        GROW(courts, ncourt, ccap);
        courts[ncourt].csv_path = f[1];
        courts[ncourt].place = f[2];
        courts[ncourt].csv_place = f[3];
        courts[ncourt].footer_left = f[4];
        courts[ncourt].cover_pages = to_int(f[5]);
        ncourt++;
        break;
      default:
        die("an unknown line in HEAD");
    }
  }
  if (nfonts != 3) die("three fonts expected");
  notes = xmalloc(sizeof(NoteCache) * (size_t)(nreason ? nreason : 1));
  /* The rows, court by court. */
  size_t row_cap = 0;
  int nrows = 0;
  Row *rows = NULL;
  FILE *po = fopen(argv[3], "wb");
  if (!po) die("cannot write the pages");
  Buf csv = {0}, pages = {0};
  size_t offset = 0;
  const char *p = rows_in, *end = rows_in ? rows_in + rlen : NULL;
  printf("[");
  int row_court = -1;
  for (int ci = 0; ci < ncourt; ci++) {
    /* This court's rows: the lines that name it. */
    nrows = 0;
    while (p && p < end) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      if (!nl) nl = end;
      Str first;
      const char *sep = memchr(p, SEP, (size_t)(nl - p));
      if (!sep) die("a row without fields");
      first.p = p;
      first.n = (int)(sep - p);
      row_court = to_int(first);
      if (row_court < ci) die("rows are not grouped by court");
      if (row_court > ci) break;
      if ((size_t)nrows == row_cap) {
        row_cap = row_cap ? 2 * row_cap : 1024;
        rows = realloc(rows, sizeof(Row) * row_cap);
        if (!rows) die("out of memory");
      }
      Row *r = &rows[nrows++];
      if (fields(sep + 1, nl, r->f, NF) != NF) die("a row with the wrong number of fields");
      r->sched = to_int(r->f[F_SCHED]);
      r->relief = to_int(r->f[F_RELIEF]);
      r->reason = to_int(r->f[F_REASON]);
      if (r->sched >= nsched || r->relief >= nrelief || r->reason >= nreason) die("an index out of range");
      if (nrows > 1 && r->sched < rows[nrows - 2].sched) die("rows are not grouped by schedule");
      p = nl + 1;
    }
    Court *ct = &courts[ci];
    if (ci) printf(",");
    pages.n = 0;
    arena_free();
    if (setjmp(court_jump)) {
      arena_free();
      printf("{\"quirk\": \"%s\"}", quirk_why);
      continue;
    }
    int npages = court_pages(&pages, ct, rows, 0, nrows);
    court_csv(&csv, ct, rows, 0, nrows);
    char path[4096];
    if (ct->csv_path.n >= (int)sizeof path) die("a path too long");
    memcpy(path, ct->csv_path.p, (size_t)ct->csv_path.n);
    path[ct->csv_path.n] = 0;
    write_file(path, &csv);
    if (fwrite(pages.b, 1, pages.n, po) != pages.n) die("cannot write the pages");
    printf("{\"pages\": %d, \"offset\": %zu, \"length\": %zu}", npages, offset, pages.n);
    offset += pages.n;
  }
  if (p && p < end) die("rows of a court not listed");
  printf("]\n");
  if (fclose(po)) die("cannot write the pages");
  return 0;
}
