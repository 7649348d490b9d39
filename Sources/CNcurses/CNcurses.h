#ifndef SITROOM_CNCURSES_H
#define SITROOM_CNCURSES_H

/* ncursesw for the `sitroom` executable only. Without NCURSES_WIDECHAR the wide API
   (cchar_t, get_wch, setcchar, ...) is missing. */
#define NCURSES_WIDECHAR 1
#include <ncurses.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>

/* Attribute values: macros with casts, which Swift does not import. */
static inline attr_t cn_A_NORMAL(void) { return (attr_t)A_NORMAL; }
static inline attr_t cn_A_BOLD(void) { return (attr_t)A_BOLD; }
static inline attr_t cn_A_DIM(void) { return (attr_t)A_DIM; }
static inline attr_t cn_A_REVERSE(void) { return (attr_t)A_REVERSE; }
static inline attr_t cn_A_UNDERLINE(void) { return (attr_t)A_UNDERLINE; }
static inline int cn_COLOR_PAIR(int n) { return (int)COLOR_PAIR(n); }
static inline int cn_KEY_F(int n) { return KEY_F(n); }

/* C globals: Swift 6 rejects them as not concurrency-safe. */
static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_COLS(void) { return COLS; }
static inline int cn_LINES(void) { return LINES; }
static inline int cn_COLORS(void) { return COLORS; }
static inline int cn_COLOR_PAIRS(void) { return COLOR_PAIRS; }

/* Line-drawing characters: only valid after initscr/newterm, hence functions. */
static inline chtype cn_ACS_HLINE(void) { return ACS_HLINE; }
static inline chtype cn_ACS_VLINE(void) { return ACS_VLINE; }
static inline chtype cn_ACS_ULCORNER(void) { return ACS_ULCORNER; }
static inline chtype cn_ACS_URCORNER(void) { return ACS_URCORNER; }
static inline chtype cn_ACS_LLCORNER(void) { return ACS_LLCORNER; }
static inline chtype cn_ACS_LRCORNER(void) { return ACS_LRCORNER; }

/* Whether the terminal can move the cursor (cup): `dumb` and other hard-copy types cannot, and a
   full-screen program drawn on them is garbage. */
static inline int cn_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

/* Glibc's Swift module lacks these. */
static inline int cn_wcwidth(wchar_t c) { return wcwidth(c); }
static inline const char *cn_codeset(void) { return nl_langinfo(CODESET); }

/* newterm on the process's stdout/stdin (Swift cannot touch the stdio globals). Returns NULL when
   the terminal cannot be set up (unknown TERM...) instead of exiting like initscr does. */
static inline SCREEN *cn_newterm(void) {
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen != NULL) set_term(screen);
    return screen;
}

/* Writes one cell at (y, x) of stdscr: `text` is a NUL-terminated spacing character followed by up to
   CCHARW_MAX-1 combining characters. Keeps cchar_t's layout out of Swift. */
static inline int cn_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

#endif
