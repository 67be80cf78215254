// glibc's allocator settings (`mallopt` and its constants live in <malloc.h>, which Swift's Glibc
// module does not bring in). Elsewhere there is nothing to tune and the call reports success.
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
static inline int arcadia_tune_allocator(int arenas, int mmap_threshold) {
    return mallopt(M_ARENA_MAX, arenas) == 1 && mallopt(M_MMAP_THRESHOLD, mmap_threshold) == 1;
}
#else
static inline int arcadia_tune_allocator(int arenas, int mmap_threshold) { return 1; }
#endif
