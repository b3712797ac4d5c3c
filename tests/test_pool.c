/* test_pool.c — sr_run_ordered: every thread count gives the output of the
 * serial run, in input order, with every document processed once. */
#include "check.h"
#include "sitrep.h"

#include <stdatomic.h>
#include <unistd.h>

static atomic_int processed;

/* Work whose duration varies by document, so workers finish out of order. */
static void work(sr_doc *doc, sr_buf *out, void *ctx)
{
    (void)ctx;
    atomic_fetch_add(&processed, 1);
    usleep((useconds_t)((doc->body_len * 7919u) % 3000u));
    sr_buf_printf(out, "%s|%s\n", doc->path, doc->body);
}

static bool collect(const sr_buf *out, void *wctx)
{
    sr_buf_put(wctx, out->data, out->len);
    return true;
}

static int stop_after;
static bool stop_early(const sr_buf *out, void *wctx)
{
    (void)out;
    (void)wctx;
    return --stop_after > 0;
}

int main(void)
{
    char dir[] = "/tmp/sitrep-pool-XXXXXX";
    if (!mkdtemp(dir))
        SKIP("cannot make a temporary directory");
    enum { NDOCS = 200 };
    for (int i = 0; i < NDOCS; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/doc%03d.txt", dir, i);
        FILE *f = fopen(path, "w");
        for (int k = 0; k <= i % 17; k++)
            fprintf(f, "Document %d line %d.\n", i, k);
        fclose(f);
    }
    const char *paths[] = {dir};
    sr_buf serial;
    sr_buf_init(&serial);
    sr_read_options ro = {.format = SR_FORMAT_TEXT};
    for (int threads = 1; threads <= 8; threads *= 2) {
        sr_diag diag = {0};
        sr_input *in = sr_input_open(paths, 1, &ro, &diag);
        sr_buf got;
        sr_buf_init(&got);
        atomic_store(&processed, 0);
        CHECK(sr_run_ordered(in, threads, work, NULL, collect, &got));
        sr_input_close(in);
        CHECK_INT_EQ(atomic_load(&processed), NDOCS);
        CHECK_INT_EQ(diag.errors, 0);
        if (threads == 1) {
            sr_buf_put(&serial, got.data, got.len);
            /* input order: doc000 first, doc199 last */
            CHECK(strstr(serial.data, "/doc000.txt|") == strstr(serial.data, "/doc"));
        } else {
            CHECK(got.len == serial.len && memcmp(got.data, serial.data, got.len) == 0);
        }
        sr_buf_free(&got);
    }
    /* a writer that stops the run: no hang, false returned, nothing leaked */
    for (int threads = 1; threads <= 4; threads *= 4) {
        sr_diag diag = {0};
        sr_input *in = sr_input_open(paths, 1, &ro, &diag);
        stop_after = 5;
        CHECK(!sr_run_ordered(in, threads, work, NULL, stop_early, NULL));
        sr_input_close(in);
    }
    sr_buf_free(&serial);
    for (int i = 0; i < NDOCS; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/doc%03d.txt", dir, i);
        unlink(path);
    }
    rmdir(dir);
    return check_status();
}
