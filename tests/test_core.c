/* test_core.c — arenas, buffers, the JSON writer, UTF-8 and the document. */
#include "check.h"
#include "sitrep.h"
#include "core/internal.h"

static void test_arena(void)
{
    sr_arena *a = sr_arena_new();
    char *s = sr_arena_strdup(a, "hello");
    CHECK_STR_EQ(s, "hello");
    /* many small allocations stay aligned and zeroed */
    for (int i = 0; i < 100000; i++) {
        uint64_t *p = sr_arena_alloc(a, sizeof *p * 3);
        CHECK((uintptr_t)p % 16 == 0 || i > 0);
        if (p[0] != 0 || p[2] != 0) {
            CHECK(!"arena memory not zeroed");
            break;
        }
        p[0] = p[1] = p[2] = ~0ull;
    }
    /* a large block does not disturb the small ones */
    char *big = sr_arena_alloc(a, 10u << 20);
    big[(10u << 20) - 1] = 'x';
    char *after = sr_arena_printf(a, "%d-%s", 42, "x");
    CHECK_STR_EQ(after, "42-x");
    CHECK(sr_arena_used(a) >= (10u << 20));
    CHECK_STR_EQ(s, "hello");
    sr_arena_free(a);
}

static void test_json(void)
{
    sr_buf b;
    sr_buf_init(&b);
    sr_json_str(&b, "a\"b\\c\n\t\x01", 8);
    CHECK_STR_EQ(b.data, "\"a\\\"b\\\\c\\n\\t\\u0001\"");
    sr_buf_reset(&b);
    /* invalid UTF-8 becomes U+FFFD, valid multibyte passes through */
    sr_json_str(&b, "caf\xC3\xA9 \xFF!", 8);
    CHECK_STR_EQ(b.data, "\"caf\xC3\xA9 \xEF\xBF\xBD!\"");
    sr_buf_reset(&b);
    sr_json_cstr(&b, NULL);
    CHECK_STR_EQ(b.data, "null");
    sr_buf_free(&b);
}

static void test_utf8(void)
{
    uint32_t cp;
    CHECK_INT_EQ(sr_utf8_decode((const unsigned char *)"\xE2\x80\x99", 3, &cp), 3);
    CHECK_INT_EQ(cp, 0x2019);
    CHECK_INT_EQ(sr_utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), 0);  /* overlong */
    CHECK_INT_EQ(sr_utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 0); /* surrogate */
    CHECK_INT_EQ(sr_utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp), 0); /* > U+10FFFF */
    CHECK_INT_EQ(sr_utf8_decode((const unsigned char *)"\xE2\x80", 2, &cp), 0);   /* truncated */
    char out[4];
    CHECK_INT_EQ(sr_utf8_encode(0x1F600, out), 4);
    CHECK(memcmp(out, "\xF0\x9F\x98\x80", 4) == 0);
}

static void test_doc_body(void)
{
    sr_doc *d = sr_doc_new();
    const char raw[] = "ok \xFF\xFE and\0nul";
    sr_doc_set_body(d, raw, sizeof raw - 1);
    CHECK_INT_EQ(d->bad_bytes, 3);
    CHECK_STR_EQ(d->body, "ok \xEF\xBF\xBD\xEF\xBF\xBD and\xEF\xBF\xBDnul");
    CHECK_INT_EQ(d->body_len, strlen(d->body));
    sr_doc_assign_id(d);
    CHECK(d->id && strlen(d->id) == 16);
    /* ids are stable: same content, same id; other content, other id */
    sr_doc *e = sr_doc_new();
    sr_doc_set_body(e, raw, sizeof raw - 1);
    sr_doc_assign_id(e);
    CHECK_STR_EQ(d->id, e->id);
    sr_doc *f = sr_doc_new();
    sr_doc_set_body(f, "other", 5);
    sr_doc_assign_id(f);
    CHECK(strcmp(d->id, f->id) != 0);
    sr_doc_free(d);
    sr_doc_free(e);
    sr_doc_free(f);
}

int main(void)
{
    test_arena();
    test_json();
    test_utf8();
    test_doc_body();
    return check_status();
}
