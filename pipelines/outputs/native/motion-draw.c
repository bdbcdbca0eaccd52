/*
 * The native motion drawer: one court's motion CSV and the content streams of its schedule pages, the same bytes
 * as the JavaScript renderers (reports/motions/motion-csv.ts, case-table.ts, page-canvas.ts, page-layout.ts's
 * footer). The cover, the PDF's objects and the compression stay in JavaScript, which hands this program what
 * is the same for every row (fonts, headings, reliefs, reasons) and the rows, and reads the pages back.
 *
 * Use: motion-draw IN CSV_OUT PAGES_OUT
 *   IN: lines of fields separated by 0x1f (a NULL field is the single byte 0x01):
 *     F key w32 .. w255          the three fonts, in the order sans, bold, italic (widths at size 1)
 *     H header                   the CSV's header line
 *     P place csv_place footer_left cover_pages
 *     S heading reason_label     each schedule with rows, in order
 *     R csv_relief relief_label  each relief combination
 *     X csv_reason_field short_reason   each reason (its CSV field as written, its note text)
 *     D                          then one row per line, grouped by schedule, in motion order:
 *       schedule relief reason case_number subject_id name aka dob cii conviction_date code_sections counts
 *       count_orders rule_ids
 *   CSV_OUT: the court's CSV.  PAGES_OUT: each schedule page as a 4-byte little-endian length and its bytes.
 *   stdout: {"pages": N}.  Exit 3 when a text drawn on a page is not plain printable ASCII (the caller draws that
 *   court in JavaScript, whose pdfSafe handles it).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEP 0x1f
#define NUL_FIELD 0x01

static void die(const char *m) {
  fprintf(stderr, "motion-draw: %s\n", m);
  exit(2);
}

static void quirk(void) { exit(3); }

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

/* String(v) for a value already rounded to hundredths: the fewest decimals that read back as v; -0 is "0". */
static void put_num(Buf *s, double n) {
  double v = round2(n);
  char t[64];
  if (v == 0) {
    putc_(s, '0');
    return;
  }
  for (int d = 0; d <= 2; d++) {
    int len = snprintf(t, sizeof t, "%.*f", d, v);
    if (strtod(t, NULL) == v || d == 2) {
      put(s, t, (size_t)len);
      return;
    }
  }
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
    if ((unsigned char)p[i] < 0x20 || (unsigned char)p[i] > 0x7e) quirk();
}

/*
 * Owned copies of joined words live in an arena freed per court: "cur += ' ' + word" joins words that stand in the
 * source separated by more than one space only when the text has runs of spaces, so lines are copied out.
 */
static Buf arena;
static const char *arena_copy(const char *p, int n) {
  /* Offsets into the arena would move on realloc: copies are kept in their own allocations instead. */
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
#define CUR_PTR (cur_copied ? scratch.b : p + cur_start)
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
#undef CUR_PTR
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
          if (k > 60) quirk();
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
        if (n > 64) quirk();
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
        if (n > 64) quirk();
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
  if (x->csv.n > 0 && !(x->csv.n == 0)) {
    /* c.reason non-empty: its CSV field is non-empty */
  }
  if (x->short_text.p != NULL && r->f[F_REASON].n > 0 && !is_null(r->f[F_REASON])) {
  }
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

static void put_page(FILE *pages, Canvas *c) {
  int has_text = c->t.n > 0;
  uint32_t len = (uint32_t)(c->g.n + (has_text ? c->t.n + 6 : 0));
  unsigned char l4[4] = {len & 0xff, (len >> 8) & 0xff, (len >> 16) & 0xff, (len >> 24) & 0xff};
  fwrite(l4, 1, 4, pages);
  fwrite(c->g.b, 1, c->g.n, pages);
  if (has_text) {
    fwrite("BT\n", 1, 3, pages);
    fwrite(c->t.b, 1, c->t.n, pages);
    fwrite("ET\n", 1, 3, pages);
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
static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) die("cannot open the input");
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = xmalloc((size_t)n + 1);
  if (fread(b, 1, (size_t)n, f) != (size_t)n) die("cannot read the input");
  fclose(f);
  b[n] = 0;
  *len = (size_t)n;
  return b;
}

/* Splits one line [p, end) into fields; returns how many. A field of the single byte 0x01 is NULL. */
static int fields(char *p, char *end, Str *out, int max) {
  int k = 0;
  char *start = p;
  for (char *q = p;; q++) {
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
  for (int i = 0; i < s.n; i++) {
    if (s.p[i] < '0' || s.p[i] > '9') die("a number was expected");
    v = v * 10 + (s.p[i] - '0');
  }
  return v;
}

int main(int argc, char **argv) {
  if (argc != 4) die("usage: motion-draw IN CSV_OUT PAGES_OUT");
  size_t len;
  char *in = slurp(argv[1], &len);
  char *p = in, *end = in + len;
  int nfonts = 0, nsched = 0, nrelief = 0, nreason = 0, cover_pages = 0;
  Str header = {0}, place = {0}, csv_place = {0}, footer_left = {0};
  Schedule *scheds = xmalloc(sizeof(Schedule) * 64);
  size_t relief_cap = 64, reason_cap = 1024;
  Relief *reliefs = xmalloc(sizeof(Relief) * relief_cap);
  Reason *reasons = xmalloc(sizeof(Reason) * reason_cap);
  Str f[300];
  /* The header lines, up to D. */
  for (;;) {
    if (p >= end) die("no rows section");
    char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) nl = end;
    int k = fields(p, nl, f, 300);
    p = nl + 1;
    char tag = f[0].n == 1 ? f[0].p[0] : 0;
    if (tag == 'D') break;
    switch (tag) {
      case 'F':
        if (nfonts >= 3 || k != 226) die("bad font line");
        if (f[1].n >= 15) die("font key too long");
        memcpy(fonts[nfonts].key, f[1].p, (size_t)f[1].n);
        fonts[nfonts].key[f[1].n] = 0;
        for (int i = 0; i < 32; i++) fonts[nfonts].w[i] = 0;
        for (int i = 0; i < 224; i++) fonts[nfonts].w[32 + i] = strtod(f[2 + i].p, NULL);
        nfonts++;
        break;
      case 'H':
        header = f[1];
        break;
      case 'P':
        place = f[1];
        csv_place = f[2];
        footer_left = f[3];
        cover_pages = to_int(f[4]);
        break;
      case 'S':
        if (nsched >= 64) die("too many schedules");
        scheds[nsched].heading = f[1];
        scheds[nsched].label = f[2];
        nsched++;
        break;
      case 'R':
        if ((size_t)nrelief == relief_cap) reliefs = realloc(reliefs, sizeof(Relief) * (relief_cap *= 2));
        reliefs[nrelief].csv = f[1];
        reliefs[nrelief].label = f[2];
        nrelief++;
        break;
      case 'X':
        if ((size_t)nreason == reason_cap) reasons = realloc(reasons, sizeof(Reason) * (reason_cap *= 2));
        reasons[nreason].csv = f[1];
        reasons[nreason].short_text = f[2];
        nreason++;
        break;
      default:
        die("unknown header line");
    }
  }
  if (nfonts != 3) die("three fonts expected");
  /* The rows. */
  size_t rows_cap = 1024, nrows = 0;
  Row *rows = xmalloc(sizeof(Row) * rows_cap);
  while (p < end) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) nl = end;
    if (nrows == rows_cap) rows = realloc(rows, sizeof(Row) * (rows_cap *= 2));
    Row *r = &rows[nrows++];
    if (fields(p, nl, r->f, NF) != NF) die("a row has the wrong number of fields");
    r->sched = to_int(r->f[F_SCHED]);
    r->relief = to_int(r->f[F_RELIEF]);
    r->reason = to_int(r->f[F_REASON]);
    if (r->sched >= nsched || r->relief >= nrelief || r->reason >= nreason) die("an index out of range");
    p = nl + 1;
  }
  /* The CSV. */
  Buf csv = {0};
  put(&csv, header.p, (size_t)header.n);
  putc_(&csv, '\n');
  for (size_t i = 0; i < nrows; i++) {
    Row *r = &rows[i];
    put(&csv, csv_place.p, (size_t)csv_place.n);
    putc_(&csv, ',');
    put(&csv, reliefs[r->relief].csv.p, (size_t)reliefs[r->relief].csv.n);
    static const int order[] = {F_CASE, F_SUBJECT, F_NAME, F_AKA, F_DOB, F_CII, F_CONVICTED, F_CODES, F_COUNTS,
                                F_ORDERS, F_RULES};
    for (size_t j = 0; j < sizeof order / sizeof order[0]; j++) {
      putc_(&csv, ',');
      csv_field(&csv, r->f[order[j]]);
    }
    putc_(&csv, ',');
    put(&csv, reasons[r->reason].csv.p, (size_t)reasons[r->reason].csv.n);
    putc_(&csv, '\n');
  }
  FILE *co = fopen(argv[2], "wb");
  if (!co || fwrite(csv.b, 1, csv.n, co) != csv.n || fclose(co)) die("cannot write the CSV");
  /* Lay out every schedule, then paginate, then draw. */
  Laid *laid = xmalloc(sizeof(Laid) * (nrows ? nrows : 1));
  NoteCache *notes = xmalloc(sizeof(NoteCache) * (size_t)(nreason ? nreason : 1));
  int *page_start = xmalloc(sizeof(int) * (nrows + 2 * (size_t)nsched + 2));
  int *page_sched = xmalloc(sizeof(int) * (nrows + 2 * (size_t)nsched + 2));
  int npages = 0;
  size_t i = 0;
  for (int s = 0; s < nsched; s++) {
    memset(notes, 0, sizeof(NoteCache) * (size_t)(nreason ? nreason : 1));
    size_t from = i;
    while (i < nrows && rows[i].sched == s) {
      lay_row(&rows[i], &scheds[s], reliefs, reasons, notes, &laid[i]);
      i++;
    }
    if (i == from) die("a schedule without rows");
    /* paginate: greedy; a row taller than a page still gets one of its own */
    double used = 0;
    int cur = 0;
    for (size_t r = from; r < i; r++) {
      double h = laid[r].height;
      if (cur && used + h > ROWS_HEIGHT) {
        cur = 0;
        used = 0;
      }
      if (!cur) {
        page_start[npages] = (int)r;
        page_sched[npages] = s;
        npages++;
        cur = 1;
      }
      used += h;
    }
  }
  if (i != nrows) die("rows are not grouped by schedule");
  page_start[npages] = (int)nrows;
  int total = cover_pages + npages;
  FILE *po = fopen(argv[3], "wb");
  if (!po) die("cannot write the pages");
  Canvas c = {0};
  for (int pg = 0; pg < npages; pg++) {
    canvas_reset(&c);
    int s = page_sched[pg];
    int continued = pg > 0 && page_sched[pg - 1] == s;
    /* heading */
    double top = PAGE_H - M_TOP;
    scratch.n = 0;
    put(&scratch, scheds[s].heading.p, (size_t)scheds[s].heading.n);
    if (continued) puts_(&scratch, " - continued");
    text(&c, scratch.b, (int)scratch.n, M_LEFT, top - 11, BOLD, 11, 0);
    text(&c, place.p, place.n, M_LEFT, top - 24, SANS, 8, GREY);
    double y = top - HEADING_HEIGHT;
    rect(&c, M_LEFT, y - HEADER_ROW_HEIGHT, CONTENT_WIDTH, HEADER_ROW_HEIGHT, SHADE);
    double x = M_LEFT;
    for (int col = 0; col < NCOLS; col++) {
      text(&c, COL_TITLE[col], (int)strlen(COL_TITLE[col]), x + PAD, y - PAD - SIZE, BOLD, SIZE, 0);
      x += COL_W[col];
    }
    y = y - HEADER_ROW_HEIGHT;
    /* rows */
    for (int r = page_start[pg]; r < page_start[pg + 1]; r++) {
      Laid *l = &laid[r];
      double tp = y;
      x = M_LEFT;
      int lines = 1;
      for (int col = 0; col < NCOLS; col++) {
        int a = l->cell_from[col], b = l->cell_from[col + 1];
        for (int j = 0; j < b - a; j++)
          text(&c, cell_lines.l[a + j].p, cell_lines.l[a + j].n, x + PAD, tp - PAD - SIZE - j * LINE, SANS, SIZE, 0);
        if (b - a > lines) lines = b - a;
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
    footer(&c, footer_left, cover_pages + pg, total);
    put_page(po, &c);
  }
  if (fclose(po)) die("cannot write the pages");
  printf("{\"pages\": %d}\n", npages);
  arena_free();
  return 0;
}
