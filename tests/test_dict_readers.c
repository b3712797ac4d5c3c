/* test_dict_readers.c — the PETRARCH-2, PETRARCH-1 and TABARI dictionary
 * readers on small hand-written snippets (src/lexicon/verbs.c, actors.c,
 * source.c), and their conformance on the corpora's dictionaries when
 * ../shared is present. */
#include "check.h"
#include "lexicon/compiled.h"
#include "lexicon/readers.h"

static FILE *devnull;

typedef unsigned (*reader_fn)(sr_dict_builder *, sr_dsrc *, sr_dict_dialect);

static sr_dict *read_text(reader_fn fn, const char *name, const char *text,
                          sr_dict_dialect dd, sr_diag *diag)
{
    sr_dict_builder *b = sr_dictb_new(diag, false);
    sr_dsrc s;
    sr_dsrc_mem(&s, name, text, strlen(text));
    fn(b, &s, dd);
    sr_dsrc_close(&s);
    return sr_dictb_compile(b);
}

/* The pattern terms of block `name`, pattern k, as a compact string. */
static void pattern_str(const sr_dict *d, const char *name, uint32_t k, char *out, size_t cap)
{
    out[0] = '\0';
    for (uint32_t b = 0; b < d->nblocks; b++) {
        if (strcmp(sr_dstr(d, d->blocks[b].name), name) != 0 || k >= d->blocks[b].npatterns)
            continue;
        const sr_dpattern *p = &d->patterns[d->blocks[b].patterns + k];
        size_t o = 0;
        for (uint32_t i = 0; i < p->nterms; i++) {
            const sr_dterm *t = &d->terms[p->terms + i];
            const char *s = "?";
            char buf[160];
            switch (t->kind) {
            case SR_TERM_WORD: s = sr_dstr(d, d->words[t->arg].str); break;
            case SR_TERM_SYNSET: snprintf(buf, sizeof buf, "&%s", sr_dstr(d, d->synsets[t->arg].name)); s = buf; break;
            case SR_TERM_VERB: s = "*"; break;
            case SR_TERM_SOURCE: s = "$"; break;
            case SR_TERM_TARGET: s = "+"; break;
            case SR_TERM_SKIP: s = "^"; break;
            case SR_TERM_COMPOUND: s = "%"; break;
            case SR_TERM_NP_OPEN: s = "{"; break;
            case SR_TERM_NP_CLOSE: s = "}"; break;
            case SR_TERM_PP_OPEN: s = "("; break;
            case SR_TERM_PP_CLOSE: s = ")"; break;
            case SR_TERM_ALT_OPEN: s = "<"; break;
            case SR_TERM_ALT_BAR: s = "|"; break;
            case SR_TERM_ALT_CLOSE: s = ">"; break;
            }
            o += (size_t)snprintf(out + o, cap - o, "%s%s%s", i ? " " : "",
                                  (t->flags & SR_TERM_ADJACENT) ? "_" : "", s);
            if (t->flags & SR_TERM_STEM)
                o += (size_t)snprintf(out + o, cap - o, "~");
            if (o >= cap)
                return;
        }
        snprintf(out + o, cap - o, " [%s]", sr_dstr(d, p->code));
        return;
    }
}

static void test_petrarch2_verbs(void)
{
    const char *text =
        "# comment line\n"
        "<!-- an XML comment\n over two lines -->\n"
        "&CURRENCY\n"
        "+DOLLAR\n"
        "+SWISS FRANC\n"
        "+CASH_\n"
        "\n"
        "&FIGHT_OF_WORDS\n"
        "+DEBATE\n"
        "\n"
        "---  CONTRIBUTE   [070]  ---\n"
        "CONTRIBUTE   # tony\n"
        "GIVE {GAVE GIVEN }\n"
        "+BREAK_DOWN {+BROKE_DOWN}  [120]\n"
        "- * &CURRENCY [0331]  # money\n"
        "- * (TO {PEACE PLAN}) [037]\n"
        "- $ ^ (FOR) * [164]\n"
        "- * &FIGHT_OF_WORDS [110]\n"
        "- * NO_CODE_HERE\n"
        "- * {UNBALANCED [010]\n"
        "\n"
        "~ a (a b ATTACK) SAY = a b 015\n"
        "~ broken transformation\n";
    sr_diag diag = {.out = devnull};
    sr_dict *d = read_text(sr_dread_verbs, "t.verbs.txt", text, SR_DD_PETRARCH, &diag);
    CHECK(d != NULL);
    CHECK_INT_EQ(diag.warnings, 3);   /* no code, unbalanced, broken transformation */
    const char *block;
    CHECK_STR_EQ(sr_dict_verb_code(d, "contributes", &block), "070");
    CHECK_STR_EQ(block, "CONTRIBUTE");
    CHECK_STR_EQ(sr_dict_verb_code(d, "contributed", NULL), "070");
    CHECK_STR_EQ(sr_dict_verb_code(d, "gave", NULL), "070");
    CHECK_STR_EQ(sr_dict_verb_code(d, "broke down", NULL), "120");
    CHECK_STR_EQ(sr_dict_verb_code(d, "breaking down", NULL), "120");
    CHECK(sr_dict_verb_code(d, "contributx", NULL) == NULL);
    char p[256];
    pattern_str(d, "CONTRIBUTE", 0, p, sizeof p);
    CHECK_STR_EQ(p, "* &currency [0331]");
    pattern_str(d, "CONTRIBUTE", 1, p, sizeof p);
    CHECK_STR_EQ(p, "* ( to { peace plan } ) [037]");
    pattern_str(d, "CONTRIBUTE", 2, p, sizeof p);
    CHECK_STR_EQ(p, "$ ^ ( for ) * [164]");
    pattern_str(d, "CONTRIBUTE", 3, p, sizeof p);
    CHECK_STR_EQ(p, "* &fight_of_words [110]");
    sr_dict_stats st;
    sr_dict_stats_get(d, &st);
    CHECK_INT_EQ(st.transforms, 1);
    CHECK_INT_EQ(st.synsets, 2);
    /* plurals of synset nouns, but not of CASH_ */
    CHECK_INT_EQ(st.synset_phrases, 2 + 2 + 1 + 2);
    sr_dict_free(d);
}

static void test_petrarch1_and_tabari_verbs(void)
{
    const char *p1 =
        "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n"
        "--- ABANDON  [345]  ---\n"
        "ABANDON\n"
        "KLM_NOP_+RST [002]\n"
        "- * NEW_&TIETYPES_RELATIONS [903]\n"
        "- IN_* [075]\n";
    sr_diag diag = {.out = devnull};
    sr_dict *d = read_text(sr_dread_verbs, "p1.txt", p1, SR_DD_PETRARCH, &diag);
    CHECK_INT_EQ(diag.warnings, 0);
    CHECK_STR_EQ(sr_dict_verb_code(d, "klm nop rst", NULL), "002");
    CHECK_STR_EQ(sr_dict_verb_code(d, "abandoned", NULL), "345");
    char p[256];
    pattern_str(d, "ABANDON", 0, p, sizeof p);
    CHECK_STR_EQ(p, "* new _&tietypes _relations [903]");
    pattern_str(d, "ABANDON", 1, p, sizeof p);
    CHECK_STR_EQ(p, "in _* [075]");
    sr_dict_free(d);

    const char *tab =
        "<SYNSETS>\n&CURRENCY\n+DOLLAR\n</SYNSETS>\n"
        "<TIME>\nYESTERDAY [-1]\n</TIME>\n"
        "ACCORD  [---] ;comment\n"
        "- INCHING { CLOSER | NEARER } *  [083] ;tony\n"
        "ACT_ [100]\n"
        "{ ACTING_ ACTED_ }\n"
        "- * RESOLUTION_  [102]\n";
    sr_diag d2 = {.out = devnull};
    d = read_text(sr_dread_verbs, "demo.verbs", tab, SR_DD_TABARI, &d2);
    CHECK_INT_EQ(d2.warnings, 0);
    CHECK_STR_EQ(sr_dict_verb_code(d, "acting", NULL), "100");
    CHECK_STR_EQ(sr_dict_verb_code(d, "accord", NULL), "---");
    CHECK(sr_dict_verb_code(d, "yesterday", NULL) == NULL);
    pattern_str(d, "ACCORD", 0, p, sizeof p);
    CHECK_STR_EQ(p, "inching~ < closer~ | nearer~ > * [083]");
    pattern_str(d, "ACT_", 0, p, sizeof p);
    CHECK_STR_EQ(p, "* resolution [102]");
    sr_dict_free(d);
}

static void test_actors(void)
{
    const char *petr =
        "ARNOR_  [ARN]\n"
        "+ARNORIAN\n"
        "GOLLUM  # pas\n"
        "+SMEAGOL\n"
        "\t[HOB < 950601]\n"
        "\t[HOBGOV 19950601 - 19990815]\n"
        "\t[HOBREB > 990816]\n"
        "LORIEN  [ELR/GAL]\n"
        "<! -- stray markup -->\n"
        "\t[BAD 1234]\n"
        "ZIMBABWE\n"
        "\t[RHO <790606]\n"
        "\t[ZBW]\n";
    sr_diag diag = {.out = devnull};
    sr_dict *d = read_text(sr_dread_actors, "t.actors.txt", petr, SR_DD_PETRARCH, &diag);
    CHECK_INT_EQ(diag.warnings, 1);   /* [BAD 1234] */
    CHECK_STR_EQ(sr_dict_actor_code(d, "Arnorian", 0), "ARN");
    CHECK_STR_EQ(sr_dict_actor_code(d, "Smeagol", 19950101), "HOB");
    CHECK_STR_EQ(sr_dict_actor_code(d, "gollum", 19970101), "HOBGOV");
    CHECK_STR_EQ(sr_dict_actor_code(d, "gollum", 20000101), "HOBREB");
    CHECK_STR_EQ(sr_dict_actor_code(d, "Zimbabwe", 19750101), "RHO");
    CHECK_STR_EQ(sr_dict_actor_code(d, "Zimbabwe", 19850101), "ZBW");
    CHECK_STR_EQ(sr_dict_actor_code(d, "Lorien", 0), "ELR/GAL");
    CHECK(sr_dict_actor_code(d, "Arnorians", 0) == NULL);   /* no stems in PETRARCH */
    sr_dict_free(d);

    const char *tab =
        "<NOUN>\nBEES ;pas\n</NOUN>\n"
        "ARGENTIN  [ARG]\n"
        "ALBRIGHT  [USAGOV 991201-010114] [---] ;ems\n"
        "ESTONIA_  [EST] ;tony\n";
    sr_diag d2 = {.out = devnull};
    d = read_text(sr_dread_actors, "demo.actors", tab, SR_DD_TABARI, &d2);
    CHECK_INT_EQ(d2.warnings, 0);
    CHECK_STR_EQ(sr_dict_actor_code(d, "Argentina", 0), "ARG");
    CHECK_STR_EQ(sr_dict_actor_code(d, "Argentine", 0), "ARG");
    CHECK_STR_EQ(sr_dict_actor_code(d, "Albright", 20000101), "USAGOV");
    CHECK_STR_EQ(sr_dict_actor_code(d, "Albright", 20050101), "---");
    CHECK_STR_EQ(sr_dict_actor_code(d, "Estonia", 0), "EST");
    CHECK(sr_dict_actor_code(d, "Estonian", 0) == NULL);    /* '_': exact */
    CHECK(sr_dict_actor_code(d, "bees", 0) == NULL);
    sr_dict_free(d);
}

static void test_agents_discards_issues_options(void)
{
    const char *ag =
        "!PERSON! = MAN, MEN, WOMAN\n"
        "CONGRESS!PERSON! [~LEG]\n"
        "POLICE {} [ ~COP]\n"
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
        "POLICY_MAKER [~GOV]\n"
        "HUMAN_RIGHTS_BODY  [NGO~]\n"
        "NO CODE HERE\n";
    sr_diag diag = {.out = devnull};
    sr_dict *d = read_text(sr_dread_agents, "t.agents.txt", ag, SR_DD_PETRARCH, &diag);
    CHECK_INT_EQ(diag.warnings, 1);
    unsigned fl = 0;
    CHECK_STR_EQ(sr_dict_agent_code(d, "congressmen", &fl), "LEG");
    CHECK_STR_EQ(sr_dict_agent_code(d, "congresswoman", &fl), "LEG");
    CHECK(sr_dict_agent_code(d, "congresswomans", &fl) == NULL);
    CHECK_STR_EQ(sr_dict_agent_code(d, "police", &fl), "COP");
    CHECK(sr_dict_agent_code(d, "polices", &fl) == NULL);
    CHECK_STR_EQ(sr_dict_agent_code(d, "attorneys general", &fl), "GOV");
    CHECK_STR_EQ(sr_dict_agent_code(d, "policy makers", &fl), "GOV");
    CHECK_STR_EQ(sr_dict_agent_code(d, "human rights bodies", &fl), "NGO");
    CHECK(fl & SR_AGENT_PREFIX);
    sr_dict_free(d);

    const char *disc = "# story-level with +\nMONTHS LATER\n+World Golf Championships\nBASEBALL_\n";
    sr_diag d2 = {.out = devnull};
    d = read_text(sr_dread_discards, "t.discards.txt", disc, SR_DD_PETRARCH, &d2);
    CHECK_INT_EQ(d2.warnings, 0);
    CHECK_INT_EQ(d->ndiscards, 3);
    int story = 0;
    for (uint32_t i = 0; i < d->ndiscards; i++)
        story += (int)d->discards[i].story;
    CHECK_INT_EQ(story, 1);
    sr_dict_free(d);

    sr_dict_builder *b = sr_dictb_new(&d2, false);
    sr_dsrc s;
    const char *iss = "<ISSUE CATEGORY=\"EDU\">\nn:teacher [TEACHERS]\npre+k [EARLY]\n"
                      "~a head start\nno code\n</ISSUE>\n";
    sr_dsrc_mem(&s, "t.issues.txt", iss, strlen(iss));
    CHECK_INT_EQ(sr_dread_issues(b, &s), 1);
    sr_dsrc_close(&s);
    const char *opt = "// comment\nCOMPLEX: VERBS[5] CONJ[4]\nSET: LABEL = TRUE\n~~~~\n";
    sr_dsrc_mem(&s, "t.options", opt, strlen(opt));
    CHECK_INT_EQ(sr_dread_options(b, &s), 1);
    sr_dsrc_close(&s);
    d = sr_dictb_compile(b);
    /* teacher, teachers, pre k, pre-k, prek, and the ignore phrase */
    CHECK_INT_EQ(d->nissues, 6);
    CHECK_STR_EQ(sr_dict_option(d, "COMPLEX"), "VERBS[5] CONJ[4]");
    CHECK_STR_EQ(sr_dict_option(d, "SET"), "LABEL = TRUE");
    sr_dict_free(d);
}

static void test_latin1_and_dates(void)
{
    /* ISO-8859-1 "CURAÇAO" */
    const char text[] = "CURA\xC7" "AO [CUW]\n";
    sr_diag diag = {.out = devnull};
    sr_dict *d = read_text(sr_dread_actors, "l.actors", text, SR_DD_TABARI, &diag);
    CHECK_STR_EQ(sr_dict_actor_code(d, "cura\xC3\xA7" "ao", 0), "CUW");
    sr_dict_free(d);
    CHECK_INT_EQ(sr_dict_parse_date("950601", 6), 19950601);
    CHECK_INT_EQ(sr_dict_parse_date("070723", 6), 20070723);
    CHECK_INT_EQ(sr_dict_parse_date("20121109", 8), 20121109);
    CHECK_INT_EQ(sr_dict_parse_date("201313", 6), 0);
    CHECK_INT_EQ(sr_dict_parse_date("1995060", 7), 0);
}

static void test_open_and_cache(void)
{
    char dir[] = "/tmp/sitrep-dict-cache-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char vpath[256], apath[256];
    snprintf(vpath, sizeof vpath, "%s/v.txt", dir);
    snprintf(apath, sizeof apath, "%s/a.txt", dir);
    FILE *f = fopen(vpath, "w");
    fputs("--- MEET [040] ---\nMEET {MET}\n- * (WITH) [046]\n- BROKEN\n", f);
    fclose(f);
    f = fopen(apath, "w");
    fputs("ARNOR [ARN]\n", f);
    fclose(f);
    const char *actors[] = {apath};
    sr_dict_files files = {.verbs = vpath, .actors = actors, .nactors = 1, .cache_dir = dir};
    sr_diag diag = {.out = devnull};
    sr_dict *d = sr_dict_open(&files, &diag);
    CHECK(d != NULL);
    CHECK(diag.warnings >= 1);
    CHECK_STR_EQ(sr_dict_verb_code(d, "met", NULL), "040");
    sr_dict_free(d);
    /* the second open maps the cached form: no reports this time */
    sr_diag d2 = {.out = devnull};
    d = sr_dict_open(&files, &d2);
    CHECK(d != NULL);
    CHECK_INT_EQ(d2.warnings, 0);
    CHECK_STR_EQ(sr_dict_actor_code(d, "arnor", 0), "ARN");
    sr_dict_free(d);
    /* strict: the malformed line is fatal */
    files.strict = true;
    sr_diag d3 = {.out = devnull};
    CHECK(sr_dict_open(&files, &d3) == NULL);
    /* a missing file */
    files.strict = false;
    files.verbs = "/nonexistent/verbs.txt";
    sr_diag d4 = {.out = devnull};
    CHECK(sr_dict_open(&files, &d4) == NULL);
    CHECK_INT_EQ(d4.errors, 1);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
}

/* The dictionaries of the corpora read with few or no complaints. */
static void test_corpus_dictionaries(void)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/corpora/petrarch2/petrarch2/data/dictionaries", SR_SHARED_DIR);
    FILE *probe = fopen(p, "r");
    if (!probe) {
        printf("corpus dictionaries absent (%s): skipped those checks\n", p);
        return;
    }
    fclose(probe);
    char v[1100], a1[1100], a2[1100], a3[1100], ag[1100], di[1100];
    snprintf(v, sizeof v, "%s/CAMEO.2.0.txt", p);
    snprintf(a1, sizeof a1, "%s/Phoenix.Countries.actors.txt", p);
    snprintf(a2, sizeof a2, "%s/Phoenix.International.actors.txt", p);
    snprintf(a3, sizeof a3, "%s/Phoenix.MilNonState.actors.txt", p);
    snprintf(ag, sizeof ag, "%s/Phoenix.agents.txt", p);
    snprintf(di, sizeof di, "%s/Phoenix.discards.txt", p);
    const char *actors[] = {a1, a2, a3};
    sr_dict_files files = {.verbs = v, .actors = actors, .nactors = 3, .agents = ag,
                           .discards = di, .cache_dir = ""};
    sr_diag diag = {.out = devnull};
    sr_dict *d = sr_dict_open(&files, &diag);
    CHECK(d != NULL);
    if (!d)
        return;
    sr_dict_stats st;
    sr_dict_stats_get(d, &st);
    /* CAMEO.2.0.txt: 40 synsets, 397 blocks, 4,668 patterns (4 of which
     * use synsets the file never defines), 8 transformations */
    CHECK_INT_EQ(st.synsets, 40);
    CHECK_INT_EQ(st.verb_blocks, 397);
    CHECK_INT_EQ(st.patterns, 4664);
    CHECK_INT_EQ(st.transforms, 8);
    CHECK(diag.warnings <= 30);   /* 15 genuinely malformed lines, and a summary per file */
    CHECK(st.actors > 20000);
    CHECK_STR_EQ(sr_dict_actor_code(d, "Afghanistan", 20100101), "AFG");
    CHECK_STR_EQ(sr_dict_agent_code(d, "farmers", NULL), "AGR");
    sr_dict_free(d);
}

int main(void)
{
    devnull = fopen("/dev/null", "w");
    test_petrarch2_verbs();
    test_petrarch1_and_tabari_verbs();
    test_actors();
    test_agents_discards_issues_options();
    test_latin1_and_dates();
    test_open_and_cache();
    test_corpus_dictionaries();
    return check_status();
}
