/*
 * repair.c — tags and lemmas mended after parsing, from what the tagger
 * does not see.
 *
 * The tagger reads a window of words; it sees neither the tree nor the
 * spacing of the text. After parsing, a few of its decisions can be checked
 * against both (`syn_repair`, called after `syn_retag`; the tree itself is
 * not changed, and the lemma of a word whose tag changed is recomputed by
 * the caller, so FEATS and lemmas follow the final tags):
 *
 *   - a straight or curly quote written against the word after it and apart
 *     from the word before (`say "yes`) opens (``), one written against the
 *     word before and apart from the word after (`yes" he`, `"yes".`)
 *     closes (''); a word (letters or digits) on one side counts first,
 *     then any token;
 *   - a present-tense verb (VBP) that is an open clausal complement with no
 *     subject of its own ("let them [know]", "watch it [grow]") is a base
 *     form (VB);
 *   - "to" tagged as a preposition but made the `mark` of a base-form verb
 *     ("in order [to] leave") is the infinitive marker (PART TO);
 *   - a word the parser made a determiner (`det`) but tagged IN, UH, CC or RB
 *     ("[that] time", "[no] way") is DET DT; "in" as an `advmod` with no
 *     dependents ("come [in]") is ADV RB;
 *   - a past participle (VBN) with an active subject and no auxiliary,
 *     copula or passive subject, heading a relative, adverbial, clausal
 *     complement or adnominal clause ("the man who [visited]", "he said
 *     they [left]") is a past tense (VBD);
 *   - a base form (VB) with a subject and no auxiliary, copula or marker,
 *     heading a relative clause ("people who [know]"), is present (VBP);
 *   - a VBZ word as object, oblique or subject with no subject, auxiliary
 *     or object of its own is a plural noun (NNS), and an NNS word heading
 *     a relative clause with a subject and no determiner or auxiliary is a
 *     VBZ verb ("someone who [works]");
 *   - "'s" as the (non-passive) auxiliary of a past participle, or beside
 *     "been" ("it's [been] a while"), is "have" ("he's [gone]"), which the
 *     lemmatiser alone cannot tell from "is";
 *   - a hashtag or an @name ("#audiobooks", "@Ryan") is an address (PROPN
 *     ADD), as in the treebank, whatever the tagger made of its letters;
 *   - an unseen word with a letter written three times or more ("Sooooo",
 *     "VERYYY") takes the tag training saw most on the word written with
 *     the letter once or twice ("so", "very": RB), from the lemmatiser's
 *     lexicon (syn_lemma_spelling_tag).
 *
 * Each rule was counted on EWT train and dev (docs/benchmarks.md, Syntax,
 * "Post-parse repairs"); rules that lost were left out.
 */
#include "syntax.h"

#include <string.h>

static uint16_t label_id(const sr_model *m, const char *name)
{
    for (uint32_t l = 0; l < m->parser.labels.n && l < 0xffff; l++)
        if (strcmp(syn_string(&m->parser.labels, l), name) == 0)
            return (uint16_t)l;
    return 0xffff;
}

static uint16_t class_id(const syn_tagset *ts, const char *upos_xpos)
{
    for (uint32_t t = 0; t < ts->n; t++)
        if (strcmp(syn_string(&ts->names, t), upos_xpos) == 0)
            return (uint16_t)t;
    return 0xffff;
}

void syn_repair_init(sr_model *m)
{
    syn_repairs *r = &m->repair;
    memset(r, 0, sizeof *r);
    static const char *const labels[SYN_RL_COUNT] = {
        [SYN_RL_AUX] = "aux", [SYN_RL_AUXPASS] = "aux:pass", [SYN_RL_COP] = "cop",
        [SYN_RL_NSUBJ] = "nsubj", [SYN_RL_NSUBJPASS] = "nsubj:pass",
        [SYN_RL_EXPL] = "expl", [SYN_RL_CSUBJ] = "csubj",
        [SYN_RL_CSUBJPASS] = "csubj:pass", [SYN_RL_MARK] = "mark",
        [SYN_RL_XCOMP] = "xcomp", [SYN_RL_DET] = "det", [SYN_RL_ACL] = "acl",
        [SYN_RL_RELCL] = "acl:relcl", [SYN_RL_CCOMP] = "ccomp",
        [SYN_RL_ADVCL] = "advcl", [SYN_RL_OBJ] = "obj", [SYN_RL_OBL] = "obl",
        [SYN_RL_ADVMOD] = "advmod", [SYN_RL_GOESWITH] = "goeswith",
        [SYN_RL_PRT] = "compound:prt",
    };
    for (int k = 0; k < SYN_RL_COUNT; k++)
        r->label[k] = label_id(m, labels[k]);
    const syn_tagset *ts = &m->tags;
    static const struct {
        const char *xpos;
        uint8_t code;
    } codes[] = {
        {"VB", SYN_RX_VB}, {"VBP", SYN_RX_VBP}, {"VBN", SYN_RX_VBN},
        {"VBD", SYN_RX_VBD}, {"IN", SYN_RX_IN}, {"UH", SYN_RX_UH},
        {"CC", SYN_RX_CC}, {"RB", SYN_RX_RB}, {"``", SYN_RX_OPEN},
        {"''", SYN_RX_CLOSE}, {"VBZ", SYN_RX_VBZ}, {"NNS", SYN_RX_NNS},
        {"NN", SYN_RX_NOUN}, {"NNP", SYN_RX_NOUN}, {"NNPS", SYN_RX_NOUN},
        {"JJ", SYN_RX_JJ}, {"MD", SYN_RX_MD}, {"DT", SYN_RX_NPSTART},
        {"CD", SYN_RX_NPSTART}, {"PRP$", SYN_RX_NPSTART}, {"VBG", SYN_RX_VBG},
        {"POS", SYN_RX_POS},
    };
    for (uint32_t t = 0; t < ts->n && t < SYN_MAX_TAGS; t++)
        for (size_t c = 0; c < sizeof codes / sizeof *codes; c++)
            if (strcmp(ts->xpos[t], codes[c].xpos) == 0)
                r->xcode[t] = codes[c].code;
    r->open = class_id(ts, "PUNCT\t``");
    r->close = class_id(ts, "PUNCT\t''");
    r->to = class_id(ts, "PART\tTO");
    r->dt = class_id(ts, "DET\tDT");
    r->nns = class_id(ts, "NOUN\tNNS");
    r->vbz = class_id(ts, "VERB\tVBZ");
    r->rb = class_id(ts, "ADV\tRB");
    r->add = class_id(ts, "PROPN\tADD");
    r->vbd = class_id(ts, "VERB\tVBD");
    r->nn = class_id(ts, "NOUN\tNN");
    /* per tag, the class with the same UPOS and XPOS VB, VBP, VBD */
    for (uint32_t t = 0; t < ts->n && t < SYN_MAX_TAGS; t++) {
        r->as_vb[t] = r->as_vbp[t] = r->as_vbd[t] = 0xffff;
        const char *name = syn_string(&ts->names, t);
        const char *tab = strchr(name, '\t');
        if (!tab || (size_t)(tab - name) > 16)
            continue;
        char want[32];
        size_t ul = (size_t)(tab - name) + 1;
        memcpy(want, name, ul);
        memcpy(want + ul, "VB", 3);
        r->as_vb[t] = class_id(ts, want);
        memcpy(want + ul, "VBP", 4);
        r->as_vbp[t] = class_id(ts, want);
        memcpy(want + ul, "VBD", 4);
        r->as_vbd[t] = class_id(ts, want);
    }
    r->ready = true;
}

static inline uint8_t xcode(const syn_repairs *r, uint16_t tag)
{
    return tag < SYN_MAX_TAGS ? r->xcode[tag] : 0;
}

static bool is_quote(const char *f)
{
    return strcmp(f, "\"") == 0 || strcmp(f, "'") == 0 || strcmp(f, "``") == 0 ||
           strcmp(f, "''") == 0 || strcmp(f, "\xe2\x80\x9c") == 0 ||   /* “ */
           strcmp(f, "\xe2\x80\x9d") == 0 ||                          /* ” */
           strcmp(f, "\xe2\x80\x98") == 0 ||                          /* ‘ */
           strcmp(f, "\xe2\x80\x99") == 0;                            /* ’ */
}

static bool lower_is(const char *f, const char *want)
{
    for (; *f && *want; f++, want++)
        if ((*f >= 'A' && *f <= 'Z' ? *f + 32 : *f) != *want)
            return false;
    return !*f && !*want;
}

/* Bits of the relations of each word's children that the rules read. */
enum {
    K_SUBJ = 1,      /* nsubj, expl, csubj (active) */
    K_PSUBJ = 2,     /* nsubj:pass, csubj:pass */
    K_AUX = 4,       /* aux, aux:pass, cop */
    K_MARK = 8,
    K_NSUBJ = 16,    /* nsubj itself */
    K_OBJ = 32,
    K_DET = 64,
    K_ANY = 128,     /* any child */
};

/* Has head h a child (other than i) whose form is "been"? */
static bool been_beside(const char *const *forms, const uint32_t *head,
                        uint32_t n, uint32_t h, uint32_t i)
{
    for (uint32_t k = 1; k <= n; k++)
        if (k != i && head[k] == h && lower_is(forms[k], "been"))
            return true;
    return false;
}

void syn_repair(const sr_model *m, syn_word *w, uint32_t n,
                const uint32_t *head, const uint16_t *label,
                const char *const *forms, const uint8_t *space_after,
                uint8_t *kids, const char **lemma)
{
    const syn_repairs *r = &m->repair;
    for (uint32_t i = 1; i <= n; i++)
        lemma[i] = NULL;
    if (!r->ready)
        return;
    const uint16_t *L = r->label;
    memset(kids, 0, (size_t)n + 2);
    for (uint32_t d = 1; d <= n; d++) {
        uint32_t h = head[d];
        if (h < 1 || h > n)
            continue;
        uint16_t l = label[d];
        kids[h] |= K_ANY;
        if (l == L[SYN_RL_NSUBJ])
            kids[h] |= K_SUBJ | K_NSUBJ;
        else if (l == L[SYN_RL_EXPL] || l == L[SYN_RL_CSUBJ])
            kids[h] |= K_SUBJ;
        else if (l == L[SYN_RL_NSUBJPASS] || l == L[SYN_RL_CSUBJPASS])
            kids[h] |= K_PSUBJ;
        else if (l == L[SYN_RL_AUX] || l == L[SYN_RL_AUXPASS] || l == L[SYN_RL_COP])
            kids[h] |= K_AUX;
        else if (l == L[SYN_RL_MARK])
            kids[h] |= K_MARK;
        else if (l == L[SYN_RL_OBJ])
            kids[h] |= K_OBJ;
        else if (l == L[SYN_RL_DET])
            kids[h] |= K_DET;
    }
    for (uint32_t i = 1; i <= n; i++) {
        /* a hashtag or an @name is an address, whatever the tagger said */
        const char *f = forms[i];
        if ((f[0] == '#' || f[0] == '@') && r->add != 0xffff &&
            ((f[1] >= 'a' && f[1] <= 'z') || (f[1] >= 'A' && f[1] <= 'Z'))) {
            w[i].tag = r->add;
            continue;
        }
        /* an unseen word with a letter written three times or more
         * ("Sooooo") is tagged as training tagged the word written with the
         * letter once or twice ("so": RB) */
        uint16_t st = syn_lemma_spelling_tag(m, f);
        if (st != 0xffff) {
            w[i].tag = st;
            continue;
        }
        uint16_t t = w[i].tag;
        uint8_t x = xcode(r, t);
        uint16_t l = label[i];
        uint32_t h = head[i] <= n ? head[i] : 0;
        switch (x) {
        case SYN_RX_OPEN:
        case SYN_RX_CLOSE:
            if (is_quote(forms[i]) && r->open != 0xffff && r->close != 0xffff) {
                /* against a word (letters or digits) first, else against
                 * anything: `"yes".` closes, `said "yes` opens */
                bool before = i > 1 && !space_after[i - 1];
                bool after = i < n && !space_after[i];
                bool wbefore = before && !(w[i - 1].flags & SYN_F_PUNCT);
                bool wafter = after && !(w[i + 1].flags & SYN_F_PUNCT);
                if (wbefore != wafter)
                    w[i].tag = wbefore ? r->close : r->open;
                else if (before != after)
                    w[i].tag = before ? r->close : r->open;
            }
            break;
        case SYN_RX_VBP:
            if (l == L[SYN_RL_XCOMP] && !(kids[i] & (K_SUBJ | K_PSUBJ)) &&
                t < SYN_MAX_TAGS && r->as_vb[t] != 0xffff)
                w[i].tag = r->as_vb[t];
            break;
        case SYN_RX_IN:
            if (l == L[SYN_RL_MARK] && h && xcode(r, w[h].tag) == SYN_RX_VB &&
                r->to != 0xffff && lower_is(forms[i], "to")) {
                w[i].tag = r->to;
                break;
            }
            /* "in" as a bare adverbial: "come [in]", "log [in]" */
            if (l == L[SYN_RL_ADVMOD] && !(kids[i] & K_ANY) && r->rb != 0xffff &&
                lower_is(forms[i], "in")) {
                w[i].tag = r->rb;
                break;
            }
            /* fall through */
        case SYN_RX_UH:
        case SYN_RX_CC:
        case SYN_RX_RB:
            if (l == L[SYN_RL_DET] && r->dt != 0xffff)
                w[i].tag = r->dt;
            break;
        case SYN_RX_VBN:
            if ((l == L[SYN_RL_RELCL] || l == L[SYN_RL_ADVCL] || l == L[SYN_RL_CCOMP] ||
                 l == L[SYN_RL_ACL]) &&
                (kids[i] & K_NSUBJ) && !(kids[i] & (K_AUX | K_PSUBJ)) &&
                t < SYN_MAX_TAGS && r->as_vbd[t] != 0xffff)
                w[i].tag = r->as_vbd[t];
            break;
        case SYN_RX_VB:
            if (l == L[SYN_RL_RELCL] && (kids[i] & K_NSUBJ) &&
                !(kids[i] & (K_AUX | K_MARK)) && t < SYN_MAX_TAGS &&
                r->as_vbp[t] != 0xffff)
                w[i].tag = r->as_vbp[t];
            break;
        case SYN_RX_VBZ:
            if ((strcmp(forms[i], "'s") == 0 || strcmp(forms[i], "\xe2\x80\x99s") == 0 ||
                 strcmp(forms[i], "'S") == 0) && h &&
                ((l == L[SYN_RL_AUX] && xcode(r, w[h].tag) == SYN_RX_VBN) ||
                 ((l == L[SYN_RL_AUX] || l == L[SYN_RL_COP]) &&
                  been_beside(forms, head, n, h, i)))) {
                lemma[i] = "have";
                break;
            }
            /* a verb form in a noun's place, with no subject, auxiliary or
             * object of its own: a plural noun ("the [tasks]") */
            if ((l == L[SYN_RL_OBJ] || l == L[SYN_RL_OBL] || l == L[SYN_RL_NSUBJ] ||
                 l == L[SYN_RL_NSUBJPASS]) &&
                !(kids[i] & (K_SUBJ | K_PSUBJ | K_AUX | K_OBJ)) && r->nns != 0xffff)
                w[i].tag = r->nns;
            break;
        case SYN_RX_NNS:
            /* a plural noun heading a relative clause with a subject:
             * "the man who [works]" */
            if (l == L[SYN_RL_RELCL] && (kids[i] & K_NSUBJ) &&
                !(kids[i] & (K_AUX | K_DET)) && r->vbz != 0xffff)
                w[i].tag = r->vbz;
            break;
        default:
            break;
        }
    }
}

/* ---- before parsing --------------------------------------------------------
 *
 * A few tag sequences are no English, and the parser, which reads the tags,
 * builds a wrong tree on them; wire copy's leads have them most ("U.S.
 * [warplanes] struck ...", "Greek Cypriots [resumed] negotiations"):
 *   - a word tagged VBZ right before a past tense (VBD) is a plural noun,
 *     the subject of that verb: no present-tense verb takes a past tense
 *     after it ("warplanes/VBZ struck/VBD" -> NNS); "is", "has", "does",
 *     "'s" and "was" are left alone;
 *   - a word training never saw (so the tagger guessed VBZ from its "-s")
 *     tagged VBZ right before a participle (VBN) that is followed by the
 *     start of a noun phrase (a determiner, a number, a possessive, an
 *     adjective or a noun) is a plural noun, and the participle the past
 *     tense with it as subject ("NATO warplanes/VBZ bombed/VBN Bosnian Serb
 *     positions" -> NNS VBD); a word seen in training is left to the
 *     tagger ("Stuart sets defined objectives");
 *   - after a possessive ending, an adjective right before a verb form
 *     (VBD, VBN) that is followed by a determiner, a number or a possessive
 *     pronoun is the possessor's noun and the form its past tense
 *     ("Myanmar's military/JJ bombed/VBN a school" -> NN VBD);
 *   - in a sentence that ends in a full stop and has no finite verb (VBD,
 *     VBZ, VBP, MD), no base form and no gerund, the first participle (or
 *     "-ed" adjective) right after a noun (or a capitalised adjective,
 *     "the Vatican") and before the start of a noun phrase is the past
 *     tense ("Greek and Turkish Cypriots resumed/VBN negotiations ." ->
 *     VBD; "Oil companies evacuated offshore facilities as ..." on EWT
 *     dev); fragments without a full stop ("Home made product") are left.
 *   - after a name, an adjective right before a past form (a day word
 *     between) followed by a noun phrase or a name is the name's noun,
 *     the form its past tense ("a top U.S. official/JJ today praised/VBN
 *     Haiti's efforts");
 *   - a present-tense or base form inside a verb's object noun phrase,
 *     after its article (or, with none, an adjective right after the
 *     verb) and lowercase modifiers, before a preposition, a noun or the
 *     end of the clause, is a noun ("signed a new arms control/VBP
 *     treaty", "staged live-fire military exercises/VBZ in ..."); base
 *     forms after "let", "make", "did", "help", "see" ... the X are the
 *     verbs those govern, and are left.
 * (each counted on EWT train and dev: docs/benchmarks.md, Syntax,
 * "Repairs before parsing").
 */
static bool ends_in_s(const char *f)
{
    size_t n = strlen(f);
    return n > 3 && f[n - 1] == 's' && f[n - 2] != 's' && f[n - 2] != '\'';
}

static bool np_start(uint8_t x)
{
    return x == SYN_RX_NPSTART || x == SYN_RX_JJ || x == SYN_RX_NOUN || x == SYN_RX_NNS;
}

static bool any_of(const char *f, const char *const *list, size_t nl)
{
    for (size_t k = 0; k < nl; k++)
        if (lower_is(f, list[k]))
            return true;
    return false;
}

/* Whether word d opens an object noun phrase: an article or a possessive
 * pronoun right after a verb ("signed [a] new arms control treaty",
 * "began [their] first joint military exercises"). */
static bool object_opener(const syn_repairs *r, const syn_word *w, uint32_t d,
                          const char *const *forms)
{
    static const char *const dets[] = {"a", "an", "the", "their", "its", "his", "her", "our"};
    if (d < 2 || !any_of(forms[d], dets, SR_ARRAY_LEN(dets)))
        return false;
    uint8_t v = xcode(r, w[d - 1].tag);
    return v == SYN_RX_VBD || v == SYN_RX_VBZ || v == SYN_RX_VBP || v == SYN_RX_VB ||
           v == SYN_RX_VBG;
}

/* A present-tense or base verb form inside a verb's object noun phrase,
 * after its article and modifiers and before a preposition, a noun or the
 * end of the clause, is a noun: "signed a new arms control/VBP treaty",
 * "began their first joint military exercises/VBZ on Thursday", "imposed
 * an oil and arms embargo/VB on ...". A clause after a verb ("said the
 * company says that ...") goes on with its own object or complement, not
 * a preposition: "that", "if" and the other subordinators do not count. */
static void object_nouns(const syn_repairs *r, syn_word *w, uint32_t n,
                         const char *const *forms)
{
    static const char *const verbs[] = {"is", "are", "am", "be", "has", "have", "do", "does",
                                        "'s", "'re", "'ve", "say", "says"};
    static const char *const subs[] = {"that", "if", "because", "as", "while", "since",
                                       "although", "though", "whether", "so", "than",
                                       "like", "until", "unless", "before", "after"};
    static const char *const causes[] = {
        "do", "does", "did", "let", "lets", "make", "makes", "made", "making", "help",
        "helps", "helped", "helping", "have", "has", "had", "having", "see", "sees", "saw",
        "watch", "watched", "hear", "heard", "get", "gets", "got", "bid", "bade"};
    if (r->nn == 0xffff)
        return;
    for (uint32_t i = 3; i <= n; i++) {
        uint8_t x = xcode(r, w[i].tag);
        if ((x != SYN_RX_VBZ && x != SYN_RX_VBP && x != SYN_RX_VB) ||
            !(forms[i][0] >= 'a' && forms[i][0] <= 'z') ||
            any_of(forms[i], verbs, SR_ARRAY_LEN(verbs)))
            continue;
        uint8_t p = xcode(r, w[i - 1].tag);
        if ((p != SYN_RX_JJ && p != SYN_RX_NOUN && p != SYN_RX_NNS) ||
            !(forms[i - 1][0] >= 'a' && forms[i - 1][0] <= 'z'))
            continue;   /* "the nightmare Civet Cats go through": a clause */
        uint32_t d = i - 1;
        while (d > 1) {
            uint8_t y = xcode(r, w[d - 1].tag);
            if (y == SYN_RX_JJ || y == SYN_RX_NOUN || y == SYN_RX_NNS ||
                lower_is(forms[d - 1], "and") || strcmp(forms[d - 1], "-") == 0)
                d--;
            else
                break;
        }
        /* with no article, an adjective after the verb opens the phrase:
         * "staged live-fire military exercises/VBZ in the Taiwan Strait" */
        uint8_t v = d > 1 ? xcode(r, w[d - 1].tag) : 0;
        bool bare = xcode(r, w[d].tag) == SYN_RX_JJ && i - d >= 2 && x != SYN_RX_VB &&
                    (v == SYN_RX_VBD || v == SYN_RX_VBZ || v == SYN_RX_VBP);
        if (!bare && !object_opener(r, w, d - 1, forms))
            continue;
        /* a verb form after "let the meat", "did the FBI", "helping the
         * US" is the verb of the clause those verbs govern */
        if (!bare && (d < 3 || any_of(forms[d - 2], causes, SR_ARRAY_LEN(causes))))
            continue;
        if (x == SYN_RX_VB && (i == n || xcode(r, w[d - 2].tag) == SYN_RX_VBG))
            continue;
        if (i < n) {
            uint8_t nx = xcode(r, w[i + 1].tag);
            const char *f = forms[i + 1];
            bool stop = x != SYN_RX_VB && (strcmp(f, ".") == 0 || strcmp(f, ",") == 0);
            if (!stop && nx != SYN_RX_NOUN && nx != SYN_RX_NNS &&
                !(nx == SYN_RX_IN && !any_of(f, subs, SR_ARRAY_LEN(subs))))
                continue;
        }
        w[i].tag = x == SYN_RX_VBZ ? r->nns : r->nn;
    }
}

/* After a proper noun, an adjective right before a past form (a day word
 * such as "today" may stand between) that is followed by the start of a
 * noun phrase or a name is the name's noun, the form its past tense: "A
 * top U.S. official/JJ today praised/VBN Haiti's efforts" -> NN ... VBD. */
static void title_adjectives(const syn_repairs *r, syn_word *w, uint32_t n,
                             const char *const *forms)
{
    static const char *const days[] = {"today", "yesterday", "tonight"};
    if (r->nn == 0xffff || r->vbd == 0xffff)
        return;
    for (uint32_t i = 2; i + 2 <= n; i++) {
        if (xcode(r, w[i].tag) != SYN_RX_JJ || xcode(r, w[i - 1].tag) != SYN_RX_NOUN ||
            !(forms[i - 1][0] >= 'A' && forms[i - 1][0] <= 'Z') ||
            !(forms[i][0] >= 'a' && forms[i][0] <= 'z'))
            continue;
        uint32_t k = i + 1;
        if (any_of(forms[k], days, SR_ARRAY_LEN(days)))
            k++;
        if (k + 1 > n)
            continue;
        uint8_t v = xcode(r, w[k].tag), nx = xcode(r, w[k + 1].tag);
        if ((v == SYN_RX_VBD || v == SYN_RX_VBN) &&
            (nx == SYN_RX_NPSTART ||
             (nx == SYN_RX_NOUN && forms[k + 1][0] >= 'A' && forms[k + 1][0] <= 'Z'))) {
            w[i].tag = r->nn;
            w[k].tag = r->vbd;
        }
    }
}

void syn_repair_pretags(const sr_model *m, syn_word *w, uint32_t n,
                        const char *const *forms)
{
    const syn_repairs *r = &m->repair;
    if (!r->ready || r->nns == 0xffff)
        return;
    for (uint32_t i = 1; i < n; i++) {
        uint8_t x = xcode(r, w[i].tag), nx = xcode(r, w[i + 1].tag);
        if (x == SYN_RX_VBZ && nx == SYN_RX_VBD && ends_in_s(forms[i]) &&
            !lower_is(forms[i], "does") && !lower_is(forms[i], "has") &&
            !lower_is(forms[i], "was") && !lower_is(forms[i], "is")) {
            w[i].tag = r->nns;
            continue;
        }
        if (x == SYN_RX_VBZ && nx == SYN_RX_VBN && i + 1 < n && w[i].amb == 1 &&
                 np_start(xcode(r, w[i + 2].tag)) && ends_in_s(forms[i]) && i > 1 &&
                 !lower_is(forms[i], "does") &&
                 (xcode(r, w[i - 1].tag) == SYN_RX_JJ ||
                  xcode(r, w[i - 1].tag) == SYN_RX_NOUN) && r->vbd != 0xffff) {
            w[i].tag = r->nns;
            w[i + 1].tag = r->vbd;
            continue;
        }
    }
    /* after a possessive, an adjective right before a verb form that is
     * followed by a determiner is the possessor's noun, the form its past
     * tense: "Myanmar's military/JJ bombed/VBN a school" */
    for (uint32_t i = 2; i + 2 <= n && r->nn != 0xffff && r->vbd != 0xffff; i++) {
        uint8_t nx = xcode(r, w[i + 1].tag);
        if (xcode(r, w[i].tag) == SYN_RX_JJ && xcode(r, w[i - 1].tag) == SYN_RX_POS &&
            (nx == SYN_RX_VBD || nx == SYN_RX_VBN) &&
            xcode(r, w[i + 2].tag) == SYN_RX_NPSTART) {
            w[i].tag = r->nn;
            w[i + 1].tag = r->vbd;
        }
    }
    title_adjectives(r, w, n, forms);
    object_nouns(r, w, n, forms);
    /* a full sentence (ending in a full stop) with no finite verb, no
     * base form and no gerund: a participle between a noun and a noun
     * phrase is its past tense */
    for (uint32_t i = 1; i <= n; i++) {
        uint8_t x = xcode(r, w[i].tag);
        if (x == SYN_RX_VBD || x == SYN_RX_VBZ || x == SYN_RX_VBP || x == SYN_RX_MD ||
            x == SYN_RX_VB || x == SYN_RX_VBG)
            return;
    }
    if (n < 4 || strcmp(forms[n], ".") != 0)
        return;
    for (uint32_t i = 2; i < n && r->vbd != 0xffff; i++) {
        uint8_t p = xcode(r, w[i - 1].tag);
        uint8_t xi = xcode(r, w[i].tag), nx = xcode(r, w[i + 1].tag);
        size_t fl = strlen(forms[i]);
        bool ed = fl > 4 && strcmp(forms[i] + fl - 2, "ed") == 0;
        /* a capitalised adjective names like a noun ("the Vatican") */
        bool capj = p == SYN_RX_JJ && forms[i - 1][0] >= 'A' && forms[i - 1][0] <= 'Z';
        bool jj = xi == SYN_RX_JJ && ed;
        if ((xi == SYN_RX_VBN || jj) &&
            (p == SYN_RX_NOUN || p == SYN_RX_NNS || capj) &&
            np_start(nx)) {
            w[i].tag = r->vbd;
            break;
        }
    }
}
