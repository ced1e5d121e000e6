#ifndef C_RENAME_EXCHANGE_H
#define C_RENAME_EXCHANGE_H

/// Swaps the files or folders at `first` and `second` in one atomic step (Linux `renameat2`
/// with `RENAME_EXCHANGE`). Returns 0, or -1 with `errno` set; `ENOSYS` where the system or
/// its C library has no such call.
int handbook_exchange_paths(const char *first, const char *second);

#endif
