/*
 * huge-page-mmap: preloaded into `relief` (bin/huge-pages.js), asks the kernel for transparent huge pages on the
 * large anonymous mappings the program's libraries make (DuckDB's allocator, resvg's, the charts' pixmaps).
 *
 * Why: where transparent huge pages are on "madvise" (Debian's and Ubuntu's default), memory a program maps is
 * faulted in 4 KB at a time unless it asks otherwise. On the virtual machines measured here a fault costs about
 * 10 µs (docs/scale.md, "Session 28"), and a 1M-line run made about 500,000 of them: DuckDB filling the tables it
 * builds. A 2 MB page is one fault for 512. The mapping is otherwise untouched: the same memory, the same results.
 *
 * Only mappings that are anonymous, private, writable when made and at least MIN_BYTES long are marked: thread
 * stacks and small allocations stay as they were. Built as a shared object, loaded through LD_PRELOAD; its `mmap`
 * is the C library's, called through, with madvise(MADV_HUGEPAGE) after it.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <unistd.h>

/*
 * The program is started by `relief` (bin/huge-pages.js), which waits for it and passes signals on. Killed, `relief`
 * can pass nothing on: the kernel then ends this program too, as if it had been the one killed.
 */
__attribute__((constructor)) static void die_with_launcher(void) {
  const char *launcher = getenv("RELIEF_LAUNCHER_PID");
  if (!launcher || atol(launcher) != (long)getppid()) return;
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (atol(launcher) != (long)getppid()) raise(SIGKILL); /* it died before the line above */
}

/* A huge page is 2 MB; a mapping of a few of them is worth asking for. */
#define MIN_BYTES ((size_t)4 << 20)

typedef void *(*mmap_fn)(void *, size_t, int, int, int, off_t);

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
  static mmap_fn next;
  if (!next) next = (mmap_fn)dlsym(RTLD_NEXT, "mmap");
  void *p = next(addr, len, prot, flags, fd, off);
  if (p != MAP_FAILED && len >= MIN_BYTES && (flags & MAP_ANONYMOUS) && (flags & MAP_PRIVATE) &&
      (prot & PROT_WRITE))
    madvise(p, len, MADV_HUGEPAGE); /* advice only: a kernel that declines leaves the mapping as it was */
  return p;
}

/* Some callers reach mmap64 by name; on 64-bit Linux it is the same call. */
void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
  return mmap(addr, len, prot, flags, fd, off);
}
