/*
 * events.c writes the cells of the annex's Events sheet, as
 * bench/peers/dump dumps them, into a one-sheet workbook with
 * libxlsxwriter, and times the writing: the peer of
 * report/xlsx's BenchmarkEventsSheet (see README.md beside it).
 *
 *   cc -O2 -o events events.c $(pkg-config --cflags --libs xlsxwriter)
 *   ./events [-c] [-o out.xlsx] cells.tsv
 *
 * -c writes in libxlsxwriter's constant_memory mode: rows go to a
 * temporary file as they are written and strings are inline, as our
 * stream writer writes them. Without it the sheet is held in memory and
 * strings are shared, as Excel writes them.
 *
 * Reading and parsing the dump is not timed; the clock runs from
 * workbook_new_opt to the end of workbook_close, which writes the
 * archive. It prints one line:
 *
 *   cells N ns_per_cell X total_ms Y cpu_ns_per_cell Z
 *
 * where N counts every cell of every row, empty ones and the header
 * included, as the Go benchmark counts them; X and Y are wall-clock
 * times and Z the processor time (user and system) per cell, which a
 * machine busy with other work inflates less.
 */

#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

/* DUMP_VERSION is the dump format this program reads (dump's version). */
#define DUMP_VERSION 1

/* A style as the dump describes it; fmt is made inside the timed part,
 * since our side makes its styles there too. */
struct style {
	int numfmt;         /* a built-in format's number; 0 is General */
	const char *code;   /* a custom format's code, or "" */
	int bold, underline, wrap;
	const char *color;  /* RRGGBB or "" */
	const char *fill;   /* RRGGBB or "" */
	const char *halign; /* left, center, right or "" */
	const char *valign; /* top, center, bottom or "" */
	lxw_format *fmt;
	int defined;
};

struct cell {
	char type;      /* s, n, d, l or e */
	int style;      /* index into sheet.styles */
	double num;     /* n and d */
	const char *s;  /* s and l */
	const char *url; /* l */
};

struct sheet {
	const char *name;
	int cols, rows;
	const char *table, *table_style; /* NULL: no table */
	int freeze;
	struct style *styles;
	int nstyles; /* styles has ids 0 .. nstyles-1 */
	double *widths;  /* cols of them; 0: not set */
	double *heights; /* rows of them; 0: not set */
	struct cell *cells; /* rows * cols, row by row */
};

static void die(const char *fmt, const char *arg)
{
	fprintf(stderr, "events: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(1);
}

/* slurp reads a whole file into a NUL-terminated buffer. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		die("cannot open %s", path);
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap);
	for (;;) {
		if (n + 1 >= cap) {
			cap *= 2;
			buf = realloc(buf, cap);
		}
		if (!buf)
			die("out of memory reading %s", path);
		size_t got = fread(buf + n, 1, cap - n - 1, f);
		if (got == 0)
			break;
		n += got;
	}
	if (ferror(f))
		die("cannot read %s", path);
	fclose(f);
	buf[n] = 0;
	return buf;
}

/* unescape undoes the dump's escapes in place: an unescaped field is
 * never longer than its escaped form. */
static char *unescape(char *s)
{
	char *r = s, *w = s;
	while (*r) {
		if (*r == '\\' && r[1]) {
			r++;
			switch (*r) {
			case 't': *w++ = '\t'; break;
			case 'n': *w++ = '\n'; break;
			case 'r': *w++ = '\r'; break;
			default: *w++ = *r; break;
			}
			r++;
		} else {
			*w++ = *r++;
		}
	}
	*w = 0;
	return s;
}

/* MAX_FIELDS is the most fields a record has: a style's 11. */
#define MAX_FIELDS 12

/* split cuts a line at its tabs, in place, and returns how many fields
 * it has. */
static int split(char *line, char **f)
{
	int n = 0;
	f[n++] = line;
	for (char *p = line; *p; p++) {
		if (*p == '\t') {
			*p = 0;
			if (n == MAX_FIELDS)
				die("a record of more than %s fields", "12");
			f[n++] = p + 1;
		}
	}
	for (int i = 0; i < n; i++)
		unescape(f[i]);
	return n;
}

static long num(const char *s, long lo, long hi)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < lo || v > hi)
		die("%s: not a number in range", s);
	return v;
}

static double real(const char *s)
{
	char *end;
	double v = strtod(s, &end);
	if (*end || end == s)
		die("%s: not a number", s);
	return v;
}

/* parse reads the dump (see bench/peers/dump for its format). */
static void parse(char *buf, struct sheet *sh)
{
	memset(sh, 0, sizeof *sh);
	char *f[MAX_FIELDS];
	char *line = buf, *next;
	int lineno = 0;
	size_t ncells = 0;
	for (; *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		else
			next = line + strlen(line);
		lineno++;
		int n = split(line, f);
		if (lineno == 1) {
			if (n != 2 || strcmp(f[0], "briefing-cells") != 0)
				die("%s: not a cell dump of bench/peers/dump", "the first line");
			if (num(f[1], 0, 1000) != DUMP_VERSION)
				die("dump version %s; this program reads version 1", f[1]);
			continue;
		}
		if (strcmp(f[0], "c") == 0) {
			if (!sh->cells)
				die("%s: a cell before the sheet's size", "c");
			if (n < 6)
				die("%s: a cell of too few fields", f[1]);
			long r = num(f[1], 1, sh->rows), c = num(f[2], 1, sh->cols);
			struct cell *cl = &sh->cells[(r - 1) * sh->cols + (c - 1)];
			cl->type = f[3][0];
			cl->style = num(f[4], 0, sh->nstyles - 1);
			switch (cl->type) {
			case 's': cl->s = f[5]; break;
			case 'n':
			case 'd': cl->num = real(f[5]); break;
			case 'l':
				if (n < 7)
					die("row %s: a link without its address", f[1]);
				cl->s = f[5];
				cl->url = f[6];
				break;
			case 'e': break;
			default: die("cell type %s", f[3]);
			}
			ncells++;
		} else if (strcmp(f[0], "sheet") == 0 && n == 4) {
			sh->name = f[1];
			sh->cols = num(f[2], 1, LXW_COL_MAX);
			sh->rows = num(f[3], 1, LXW_ROW_MAX);
			sh->cells = calloc((size_t)sh->rows * sh->cols, sizeof *sh->cells);
			sh->widths = calloc(sh->cols, sizeof *sh->widths);
			sh->heights = calloc(sh->rows, sizeof *sh->heights);
			if (!sh->cells || !sh->widths || !sh->heights)
				die("out of memory for %s", "the cells");
		} else if (strcmp(f[0], "table") == 0 && n == 3) {
			sh->table = f[1];
			sh->table_style = f[2];
		} else if (strcmp(f[0], "freeze") == 0 && n == 2) {
			sh->freeze = num(f[1], 0, LXW_ROW_MAX);
		} else if (strcmp(f[0], "style") == 0 && n == 11) {
			long id = num(f[1], 0, 65535);
			if (id >= sh->nstyles) {
				sh->styles = realloc(sh->styles, (id + 1) * sizeof *sh->styles);
				if (!sh->styles)
					die("out of memory for %s", "styles");
				memset(sh->styles + sh->nstyles, 0, (id + 1 - sh->nstyles) * sizeof *sh->styles);
				sh->nstyles = id + 1;
			}
			struct style *st = &sh->styles[id];
			st->numfmt = num(f[2], 0, 255);
			st->code = f[3];
			st->bold = num(f[4], 0, 1);
			st->color = f[5];
			st->underline = num(f[6], 0, 1);
			st->fill = f[7];
			st->halign = f[8];
			st->valign = f[9];
			st->wrap = num(f[10], 0, 1);
			st->defined = 1;
		} else if (strcmp(f[0], "width") == 0 && n == 3 && sh->widths) {
			sh->widths[num(f[1], 1, sh->cols) - 1] = real(f[2]);
		} else if (strcmp(f[0], "height") == 0 && n == 3 && sh->heights) {
			sh->heights[num(f[1], 1, sh->rows) - 1] = real(f[2]);
		} else {
			die("unknown or malformed record %s", f[0]);
		}
	}
	if (!sh->cells)
		die("%s: no sheet record", "the dump");
	if (ncells != (size_t)sh->rows * sh->cols)
		die("%s: not every cell of every row", "the dump");
}

static lxw_color_t color(const char *hex)
{
	return (lxw_color_t)strtoul(hex, NULL, 16);
}

static uint8_t halign(const char *s)
{
	if (strcmp(s, "left") == 0)
		return LXW_ALIGN_LEFT;
	if (strcmp(s, "center") == 0)
		return LXW_ALIGN_CENTER;
	if (strcmp(s, "right") == 0)
		return LXW_ALIGN_RIGHT;
	return LXW_ALIGN_NONE;
}

static uint8_t valign(const char *s)
{
	if (strcmp(s, "top") == 0)
		return LXW_ALIGN_VERTICAL_TOP;
	if (strcmp(s, "center") == 0)
		return LXW_ALIGN_VERTICAL_CENTER;
	return LXW_ALIGN_NONE; /* bottom is Excel's default */
}

static lxw_format *make_format(lxw_workbook *wb, const struct style *st)
{
	lxw_format *f = workbook_add_format(wb);
	if (st->code[0])
		format_set_num_format(f, st->code);
	else if (st->numfmt)
		format_set_num_format_index(f, st->numfmt);
	if (st->bold)
		format_set_bold(f);
	if (st->color[0])
		format_set_font_color(f, color(st->color));
	if (st->underline)
		format_set_underline(f, LXW_UNDERLINE_SINGLE);
	if (st->fill[0]) {
		format_set_pattern(f, LXW_PATTERN_SOLID);
		format_set_bg_color(f, color(st->fill));
	}
	if (halign(st->halign))
		format_set_align(f, halign(st->halign));
	if (valign(st->valign))
		format_set_align(f, valign(st->valign));
	if (st->wrap)
		format_set_text_wrap(f);
	return f;
}

/* table_style sets a table's style from its name, such as
 * TableStyleLight1. */
static void table_style(lxw_table_options *t, const char *name)
{
	static const struct {
		const char *prefix;
		uint8_t type;
	} kinds[] = {
		{"TableStyleLight", LXW_TABLE_STYLE_TYPE_LIGHT},
		{"TableStyleMedium", LXW_TABLE_STYLE_TYPE_MEDIUM},
		{"TableStyleDark", LXW_TABLE_STYLE_TYPE_DARK},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		size_t n = strlen(kinds[i].prefix);
		if (strncmp(name, kinds[i].prefix, n) == 0) {
			t->style_type = kinds[i].type;
			t->style_type_number = (uint8_t)num(name + n, 1, 28);
			return;
		}
	}
	die("table style %s", name);
}

static void check(lxw_error err, const char *what)
{
	if (err != LXW_NO_ERROR) {
		fprintf(stderr, "events: %s: %s\n", what, lxw_strerror(err));
		exit(1);
	}
}

static lxw_format *fmt_of(const struct sheet *sh, const struct cell *c)
{
	return sh->styles[c->style].fmt;
}

/* write_workbook writes the workbook: everything here is timed. */
static void write_workbook(const struct sheet *sh, const char *out, int constant_memory)
{
	lxw_workbook_options opt = {.constant_memory = constant_memory, .tmpdir = NULL, .use_zip64 = 0};
	lxw_workbook *wb = workbook_new_opt(out, &opt);
	if (!wb)
		die("cannot create %s", out);
	for (int i = 0; i < sh->nstyles; i++)
		if (sh->styles[i].defined)
			sh->styles[i].fmt = make_format(wb, &sh->styles[i]);
	lxw_worksheet *ws = workbook_add_worksheet(wb, sh->name);
	if (!ws)
		die("cannot add the sheet %s", sh->name);
	for (int j = 0; j < sh->cols; j++)
		if (sh->widths[j] > 0)
			check(worksheet_set_column(ws, j, j, sh->widths[j], NULL), "a column's width");
	if (sh->freeze)
		worksheet_freeze_panes(ws, sh->freeze, 0);

	/* libxlsxwriter has no tables in constant_memory mode: there the
	 * header gets an autofilter, the filter buttons a table would give.
	 * Otherwise the table goes in before the rows, since libxlsxwriter
	 * writes its header cells as it adds it; they are written again
	 * below, as every other row, with the same text and format. */
	lxw_table_column **tcols = NULL;
	if (sh->table && constant_memory) {
		check(worksheet_autofilter(ws, 0, 0, sh->rows - 1, sh->cols - 1), "the autofilter");
	} else if (sh->table) {
		tcols = calloc(sh->cols + 1, sizeof *tcols);
		lxw_table_column *tc = calloc(sh->cols, sizeof *tc);
		if (!tcols || !tc)
			die("out of memory for %s", "the table");
		for (int j = 0; j < sh->cols; j++) {
			const struct cell *c = &sh->cells[j];
			tc[j].header = (char *)(c->s ? c->s : "");
			tc[j].header_format = fmt_of(sh, c);
			tcols[j] = &tc[j];
		}
		lxw_table_options t = {.name = (char *)sh->table, .columns = tcols};
		table_style(&t, sh->table_style);
		check(worksheet_add_table(ws, 0, 0, sh->rows - 1, sh->cols - 1, &t), "the table");
	}

	const struct cell *c = sh->cells;
	for (lxw_row_t r = 0; r < (lxw_row_t)sh->rows; r++) {
		if (sh->heights[r] > 0)
			check(worksheet_set_row(ws, r, sh->heights[r], NULL), "a row's height");
		for (lxw_col_t j = 0; j < (lxw_col_t)sh->cols; j++, c++) {
			lxw_error err = LXW_NO_ERROR;
			switch (c->type) {
			case 's': err = worksheet_write_string(ws, r, j, c->s, fmt_of(sh, c)); break;
			case 'n':
			case 'd': err = worksheet_write_number(ws, r, j, c->num, fmt_of(sh, c)); break;
			case 'l': err = worksheet_write_url_opt(ws, r, j, c->url, fmt_of(sh, c), c->s, NULL); break;
			}
			if (err != LXW_NO_ERROR)
				check(err, "a cell");
		}
	}
	check(workbook_close(wb), "closing the workbook");
	if (tcols) {
		free(tcols[0]);
		free(tcols);
	}
}

static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* cpu_ns returns the processor time the process has used, user and
 * system. */
static double cpu_ns(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ((double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec) * 1e9 +
	       ((double)ru.ru_utime.tv_usec + (double)ru.ru_stime.tv_usec) * 1e3;
}

int main(int argc, char **argv)
{
	const char *out = "events.xlsx";
	int constant_memory = 0, opt;
	while ((opt = getopt(argc, argv, "co:")) != -1) {
		switch (opt) {
		case 'c': constant_memory = 1; break;
		case 'o': out = optarg; break;
		default:
			fprintf(stderr, "usage: events [-c] [-o out.xlsx] cells.tsv\n");
			return 2;
		}
	}
	if (optind != argc - 1) {
		fprintf(stderr, "usage: events [-c] [-o out.xlsx] cells.tsv\n");
		return 2;
	}
	struct sheet sh;
	parse(slurp(argv[optind]), &sh);

	double start = now_ns(), cpu_start = cpu_ns();
	write_workbook(&sh, out, constant_memory);
	double total = now_ns() - start, cpu = cpu_ns() - cpu_start;

	double cells = (double)sh.rows * sh.cols;
	printf("cells %.0f ns_per_cell %.1f total_ms %.1f cpu_ns_per_cell %.1f\n",
	       cells, total / cells, total / 1e6, cpu / cells);
	return 0;
}
