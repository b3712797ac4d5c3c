/*
 * cmd_read.c — `sitrep read`: articles in, one JSON record per document out.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char help[] =
    "usage: sitrep read [OPTIONS] [PATH...]\n"
    "\n"
    "Read articles and print one JSON line per document: id, path, format,\n"
    "title, dateline, byline, published, outlet, url, lang, captions, body,\n"
    "paragraphs and sentences (byte offsets into body). PATH may be a file\n"
    "(gzip-compressed or not), a directory (read recursively) or - for\n"
    "standard input, which is also read when no PATH is given.\n"
    "\n"
    "options:\n"
    "  --format F       text, html, feed, warc or json (article JSON: JSON Lines,\n"
    "                   one object or an array of them; jsonl is the same)\n"
    "                   (default: detect from the content)\n"
    "  --date YYYY-MM-DD  publication date for documents that carry none\n"
    "  --tokens         add each sentence's tokens\n"
    "  --count          print only totals (documents, paragraphs, sentences,\n"
    "                   words, body bytes) instead of the records\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 all inputs read, 1 some inputs failed, 2 usage error.\n";

/* Shared by every command that reads articles: --format and --date. */
static bool valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

int sr_cmd_read(int argc, char **argv)
{
    enum { OPT_FORMAT = 256, OPT_DATE, OPT_TOKENS, OPT_COUNT };
    static const struct option longopts[] = {
        {"format", required_argument, NULL, OPT_FORMAT},
        {"date", required_argument, NULL, OPT_DATE},
        {"tokens", no_argument, NULL, OPT_TOKENS},
        {"count", no_argument, NULL, OPT_COUNT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    sr_read_options ropt = {0};
    sr_doc_json_options jopt = {0};
    bool count = false;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_FORMAT: {
            int f = sr_cli_format(optarg);
            if (f < 0)
                return sr_cli_usage_error("read", "unknown format '%s' (" SR_CLI_FORMATS ")",
                                          optarg);
            ropt.format = (sr_format)f;
            break;
        }
        case OPT_DATE:
            if (!valid_date(optarg))
                return sr_cli_usage_error("read", "--date wants YYYY-MM-DD, not '%s'", optarg);
            ropt.date = optarg;
            break;
        case OPT_TOKENS:
            jopt.tokens = true;
            break;
        case OPT_COUNT:
            count = true;
            break;
        case 'h':
            fputs(help, stdout);
            return SR_EXIT_OK;
        case ':':
            return sr_cli_usage_error("read", "option '%s' needs an argument", argv[optind - 1]);
        default:
            return sr_cli_usage_error("read", "unknown option '%s'", argv[optind - 1]);
        }
    }
    static const char *const stdin_only[] = {"-"};
    const char *const *paths = optind < argc ? (const char *const *)argv + optind : stdin_only;
    size_t npaths = optind < argc ? (size_t)(argc - optind) : 1;

    sr_diag diag = {0};
    sr_input *in = sr_input_open(paths, npaths, &ropt, &diag);
    sr_buf out;
    sr_buf_init(&out);
    sr_doc *doc;
    unsigned long long totals[5] = {0};
    while ((doc = sr_input_next(in)) != NULL) {
        sr_text_analyze(doc);
        if (count) {
            totals[0]++;
            totals[1] += doc->nparagraphs;
            totals[2] += doc->nsentences;
            totals[3] += doc->nwords;
            totals[4] += doc->body_len;
        } else {
            sr_buf_reset(&out);
            sr_doc_to_json(doc, &jopt, &out);
            sr_buf_putc(&out, '\n');
            sr_cli_write(&out);
        }
        sr_doc_free(doc);
    }
    if (count) {
        sr_buf_printf(&out, "{\"documents\":%llu,\"paragraphs\":%llu,\"sentences\":%llu,"
                      "\"words\":%llu,\"body_bytes\":%llu}\n",
                      totals[0], totals[1], totals[2], totals[3], totals[4]);
        sr_cli_write(&out);
    }
    sr_input_close(in);
    sr_buf_free(&out);
    return sr_cli_status(&diag);
}
