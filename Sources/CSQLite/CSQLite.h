#ifndef SITROOM_CSQLITE_H
#define SITROOM_CSQLITE_H

/* Debian's libsqlite3 (libsqlite3-dev), for sitroom-bench's side-by-side durable commit only.
   The bench binds blobs with SQLITE_STATIC, which is a null destructor: `nil` in Swift. */
#include <sqlite3.h>

#endif
