/*
 * The native DOJ line writer: every county's DOJ result file from the input's own lines, as the JavaScript line
 * path (doj-results-lines.ts) writes it from the native reader's notes, byte for byte. JavaScript reading the
 * whole input again and copying the noted lines took about 2.2 CPU-s of the run's main thread at 1M lines; this
 * does the same work in a fraction of it, in its own process (docs/scale.md, "Session 32").
 *
 * Use: doj-lines PLAN OUTCOMES PATHS HEADER FORMULA_OUT REBUILT INPUT...
 *   PLAN: the in-scope counts in rank order (file, person, count), records separated by 0x02, fields by 0x01:
 *     file_no  spans  count_text  outcome_no
 *     spans: the count's noted lines, `input:offset:length` separated by spaces (input: its place among INPUT...)
 *   OUTCOMES: records separated by 0x02: outcome_no 0x01 outcome_text
 *   PATHS: each file's path, a line each, by file_no; every one is written, with only the header if it has no count.
 *   HEADER: the files' header line, with its newline.
 *   FORMULA_OUT: where the lines that may start a formula are listed (each as its decimal length, a newline, its
 *     bytes), in input and offset order, when REBUILT is `-`.
 *   REBUILT: `-`, or those lines rebuilt (same format, same order), which are written in their place.
 *   stdout: `identity I dev ino size mtime_ns ctime_ns` for each input as opened and `after I ...` once read (the
 *     caller compares them with the identity the run hashed); then `formula N` or `written`.
 *   Exit 0 written; 3 formula lines to rebuild (nothing written); 4 a count without noted lines (nothing written: the
 *   caller takes another path); 5 an input shorter than its notes (changed since the run read it); 2 anything else.
 *
 * Each line is written, then a comma, the count's text, a comma, its outcome's text and a newline; a count's lines in
 * the order of their bytes (memcmp, the shorter first on a tie: Buffer.compare's order).
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void die(const char *m) {
  fprintf(stderr, "doj-lines: %s\n", m);
  exit(2);
}

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) die("out of memory");
  return p;
}

/** A whole file in memory (NUL-terminated past its end). */
static char *slurp(const char *path, size_t *len) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) die("cannot open a job file");
  struct stat st;
  if (fstat(fd, &st) != 0) die("cannot stat a job file");
  char *b = xmalloc((size_t)st.st_size + 1);
  size_t got = 0;
  while (got < (size_t)st.st_size) {
    ssize_t r = read(fd, b + got, (size_t)st.st_size - got);
    if (r <= 0) die("cannot read a job file");
    got += (size_t)r;
  }
  close(fd);
  b[got] = 0;
  *len = got;
  return b;
}

typedef struct {
  uint32_t input;
  uint32_t len;
  uint64_t off;
  uint32_t formula; /* 1 + its place among the formula lines, or 0 */
} Span;

typedef struct {
  uint32_t file;
  uint32_t first; /* its spans: spans[first, first + n) */
  uint32_t n;
  uint32_t outcome;
  const char *text;
  uint32_t text_len;
} Count;

static Span *spans;
static size_t nspans, capspans;
static Count *counts;
static size_t ncounts, capcounts;

static uint64_t number(const char **p, const char *end) {
  uint64_t x = 0;
  const char *s = *p;
  if (s >= end || *s < '0' || *s > '9') die("malformed number in the plan");
  while (s < end && *s >= '0' && *s <= '9') x = x * 10 + (uint64_t)(*s++ - '0');
  *p = s;
  return x;
}

/** An array of `size`-byte items grown to twice its capacity (`first` items at first). */
static void *grown(void *a, size_t *cap, size_t size, size_t first) {
  *cap = *cap ? *cap * 2 : first;
  a = realloc(a, *cap * size);
  if (!a) die("out of memory");
  return a;
}

/** The plan's counts and their spans; returns 0 when a count has no noted line. */
static int parse_plan(const char *b, size_t len, uint32_t inputs, uint32_t files, uint32_t outcomes) {
  const char *p = b, *end = b + len;
  uint32_t last_file = 0;
  while (p < end) {
    const char *rec_end = memchr(p, 0x02, (size_t)(end - p));
    if (!rec_end) rec_end = end;
    if (ncounts == capcounts) counts = grown(counts, &capcounts, sizeof(Count), 4096);
    Count *c = &counts[ncounts++];
    c->file = (uint32_t)number(&p, rec_end);
    if (c->file >= files || c->file < last_file) die("plan files out of order");
    last_file = c->file;
    if (p >= rec_end || *p++ != 0x01) die("malformed plan record");
    c->first = (uint32_t)nspans;
    c->n = 0;
    while (p < rec_end && *p != 0x01) {
      if (nspans == capspans) spans = grown(spans, &capspans, sizeof(Span), 8192);
      Span *s = &spans[nspans++];
      s->input = (uint32_t)number(&p, rec_end);
      if (s->input >= inputs || p >= rec_end || *p++ != ':') die("malformed span");
      s->off = number(&p, rec_end);
      if (p >= rec_end || *p++ != ':') die("malformed span");
      s->len = (uint32_t)number(&p, rec_end);
      s->formula = 0;
      c->n++;
      if (p < rec_end && *p == ' ') p++;
    }
    if (c->n == 0) return 0;
    if (p >= rec_end || *p++ != 0x01) die("malformed plan record");
    const char *sep = NULL;
    for (const char *q = rec_end - 1; q >= p; q--)
      if (*q == 0x01) {
        sep = q;
        break;
      }
    if (!sep) die("malformed plan record");
    c->text = p;
    c->text_len = (uint32_t)(sep - p);
    const char *q = sep + 1;
    c->outcome = (uint32_t)number(&q, rec_end);
    if (c->outcome >= outcomes || q != rec_end) die("malformed outcome number");
    p = rec_end + 1;
  }
  return 1;
}

static int by_place(const void *a, const void *b) {
  const Span *x = *(Span *const *)a, *y = *(Span *const *)b;
  if (x->input != y->input) return x->input < y->input ? -1 : 1;
  return x->off < y->off ? -1 : x->off > y->off ? 1 : 0;
}

/* Each span's bytes as written: its own, or its rebuilt line. */
static const char **line_at;
static uint32_t *line_len;

static int by_bytes(const void *a, const void *b) {
  uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
  uint32_t n = line_len[i] < line_len[j] ? line_len[i] : line_len[j];
  int c = memcmp(line_at[i], line_at[j], n);
  if (c) return c;
  return line_len[i] < line_len[j] ? -1 : line_len[i] > line_len[j] ? 1 : 0;
}

/** The parsing path's formula test, `(^|,)"?[=+\-@\t\r]` over the raw line. */
static int may_start_formula(const unsigned char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (i != 0 && s[i - 1] != ',') continue;
    size_t j = i;
    if (s[j] == '"') j++;
    if (j >= n) continue;
    unsigned char c = s[j];
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return 1;
  }
  return 0;
}

/** Prints an open input's identity; returns its size. */
static uint64_t print_identity(const char *what, uint32_t i, int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0) die("cannot stat an input");
  printf("%s %u %llu %llu %llu %llu %llu\n", what, i, (unsigned long long)st.st_dev,
         (unsigned long long)st.st_ino, (unsigned long long)st.st_size,
         (unsigned long long)st.st_mtim.tv_sec * 1000000000ull + (unsigned long long)st.st_mtim.tv_nsec,
         (unsigned long long)st.st_ctim.tv_sec * 1000000000ull + (unsigned long long)st.st_ctim.tv_nsec);
  return (uint64_t)st.st_size;
}

/* An input shrunk while mapped: the same answer as one found short before it was read. */
static void on_sigbus(int sig) {
  (void)sig;
  static const char m[] = "short -1\n";
  if (write(1, m, sizeof m - 1) < 0) _exit(5);
  _exit(5);
}

/** Buffered output to one file. */
typedef struct {
  int fd;
  char *buf;
  size_t used;
} Out;

#define OUT_BYTES (1u << 20)

/** Writes all of buf[0, n) to fd. */
static void write_all(int fd, const char *buf, size_t n) {
  size_t done = 0;
  while (done < n) {
    ssize_t w = write(fd, buf + done, n - done);
    if (w <= 0) die("cannot write a result file");
    done += (size_t)w;
  }
}

static void out_flush(Out *o) {
  write_all(o->fd, o->buf, o->used);
  o->used = 0;
}

static void out_put(Out *o, const char *s, size_t n) {
  if (o->used + n > OUT_BYTES) {
    out_flush(o);
    if (n > OUT_BYTES) {
      write_all(o->fd, s, n);
      return;
    }
  }
  memcpy(o->buf + o->used, s, n);
  o->used += n;
}

/** Length-prefixed lines (`LEN\n` then the bytes), as FORMULA_OUT and REBUILT hold them. */
static size_t parse_lines(const char *b, size_t len, const char **at, uint32_t *lens, size_t max) {
  const char *p = b, *end = b + len;
  size_t n = 0;
  while (p < end) {
    uint64_t l = number(&p, end);
    if (p >= end || *p++ != '\n' || (uint64_t)(end - p) < l || n == max) die("malformed rebuilt lines");
    at[n] = p;
    lens[n++] = (uint32_t)l;
    p += l;
  }
  return n;
}

int main(int argc, char **argv) {
  if (argc < 8) die("usage: doj-lines PLAN OUTCOMES PATHS HEADER FORMULA_OUT REBUILT INPUT...");
  uint32_t inputs = (uint32_t)(argc - 7);
  size_t plan_len, out_len, paths_len, header_len;
  char *plan = slurp(argv[1], &plan_len);
  char *outcome_text = slurp(argv[2], &out_len);
  char *paths_text = slurp(argv[3], &paths_len);
  char *header = slurp(argv[4], &header_len);

  /* The outcomes' texts, by number. */
  uint32_t noutcomes = 0;
  for (size_t i = 0; i < out_len; i++) noutcomes += outcome_text[i] == 0x02;
  if (out_len) noutcomes++;
  const char **otext = xmalloc(noutcomes * sizeof(char *));
  uint32_t *olen = xmalloc(noutcomes * sizeof(uint32_t));
  for (uint32_t i = 0; i < noutcomes; i++) otext[i] = NULL;
  {
    const char *p = outcome_text, *end = outcome_text + out_len;
    while (p < end) {
      const char *r = memchr(p, 0x02, (size_t)(end - p));
      if (!r) r = end;
      uint64_t no = number(&p, r);
      if (no >= noutcomes || p >= r || *p++ != 0x01 || otext[no]) die("malformed outcomes");
      otext[no] = p;
      olen[no] = (uint32_t)(r - p);
      p = r + 1;
    }
  }

  /* The files' paths, by number. */
  uint32_t nfiles = 0;
  for (size_t i = 0; i < paths_len; i++) nfiles += paths_text[i] == '\n';
  char **paths = xmalloc(nfiles * sizeof(char *));
  {
    char *p = paths_text;
    for (uint32_t i = 0; i < nfiles; i++) {
      char *nl = strchr(p, '\n');
      *nl = 0;
      paths[i] = p;
      p = nl + 1;
    }
  }

  if (!parse_plan(plan, plan_len, inputs, nfiles, noutcomes)) {
    printf("unnoted\n");
    return 4;
  }

  /*
   * Each input mapped, not read: a line is copied once, from the page cache to the output. The pages holding noted
   * lines are the only ones touched (at 1M lines, about a fifth of the file's lines).
   */
  signal(SIGBUS, on_sigbus);
  int *fds = xmalloc(inputs * sizeof(int));
  const char **maps = xmalloc(inputs * sizeof(char *));
  uint64_t *sizes = xmalloc(inputs * sizeof(uint64_t));
  for (uint32_t i = 0; i < inputs; i++) {
    fds[i] = open(argv[7 + i], O_RDONLY);
    if (fds[i] < 0) die("cannot open an input");
    sizes[i] = print_identity("identity", i, fds[i]);
    maps[i] = NULL;
    if (sizes[i]) {
      void *m = mmap(NULL, (size_t)sizes[i], PROT_READ, MAP_PRIVATE, fds[i], 0);
      if (m == MAP_FAILED) die("cannot map an input");
      maps[i] = m;
    }
  }
  line_at = xmalloc(nspans * sizeof(char *));
  line_len = xmalloc(nspans * sizeof(uint32_t));
  for (size_t i = 0; i < nspans; i++) {
    Span *s = &spans[i];
    if (s->off + s->len > sizes[s->input]) {
      printf("short %u\n", s->input);
      return 5;
    }
    line_at[i] = maps[s->input] + s->off;
    line_len[i] = s->len;
  }
  /* The formula lines in input and offset order (the order they are listed and rebuilt in). */
  Span **sorted = xmalloc(nspans * sizeof(Span *));
  size_t nsorted = 0;
  for (size_t i = 0; i < nspans; i++)
    if (may_start_formula((const unsigned char *)line_at[i], line_len[i])) sorted[nsorted++] = &spans[i];
  qsort(sorted, nsorted, sizeof(Span *), by_place);
  const uint32_t nformula = (uint32_t)nsorted;
  for (size_t k = 0; k < nsorted; k++) sorted[k]->formula = (uint32_t)k + 1;
  if (nformula) {
    if (strcmp(argv[6], "-") == 0) {
      FILE *f = fopen(argv[5], "wb");
      if (!f) die("cannot write the formula lines");
      for (size_t k = 0; k < nsorted; k++) {
        size_t i = (size_t)(sorted[k] - spans);
        fprintf(f, "%u\n", line_len[i]);
        fwrite(line_at[i], 1, line_len[i], f);
      }
      if (fclose(f) != 0) die("cannot write the formula lines");
      printf("formula %u\n", nformula);
      return 3;
    }
    size_t rebuilt_len;
    char *rebuilt = slurp(argv[6], &rebuilt_len);
    const char **rat = xmalloc(nformula * sizeof(char *));
    uint32_t *rlen = xmalloc(nformula * sizeof(uint32_t));
    if (parse_lines(rebuilt, rebuilt_len, rat, rlen, nformula) != nformula) die("rebuilt lines do not match");
    for (size_t i = 0; i < nspans; i++)
      if (spans[i].formula) {
        line_at[i] = rat[spans[i].formula - 1];
        line_len[i] = rlen[spans[i].formula - 1];
      }
  }

  Out o = {.fd = -1, .buf = xmalloc(OUT_BYTES), .used = 0};
  size_t c = 0;
  uint32_t *order = NULL;
  size_t cap_order = 0;
  for (uint32_t f = 0; f < nfiles; f++) {
    o.fd = open(paths[f], O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (o.fd < 0) die("cannot create a result file");
    out_put(&o, header, header_len);
    for (; c < ncounts && counts[c].file == f; c++) {
      Count *ct = &counts[c];
      if (!otext[ct->outcome]) die("a count names an outcome not listed");
      if (ct->n > cap_order) {
        cap_order = ct->n * 2;
        order = realloc(order, cap_order * sizeof(uint32_t));
        if (!order) die("out of memory");
      }
      for (uint32_t j = 0; j < ct->n; j++) order[j] = ct->first + j;
      if (ct->n > 1) qsort(order, ct->n, sizeof(uint32_t), by_bytes);
      for (uint32_t j = 0; j < ct->n; j++) {
        out_put(&o, line_at[order[j]], line_len[order[j]]);
        out_put(&o, ",", 1);
        out_put(&o, ct->text, ct->text_len);
        out_put(&o, ",", 1);
        out_put(&o, otext[ct->outcome], olen[ct->outcome]);
        out_put(&o, "\n", 1);
      }
    }
    out_flush(&o);
    if (close(o.fd) != 0) die("cannot write a result file");
  }
  for (uint32_t i = 0; i < inputs; i++) {
    print_identity("after", i, fds[i]);
    close(fds[i]);
  }
  printf("written\n");
  return 0;
}
