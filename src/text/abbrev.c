/*
 * abbrev.c — the small word lists the tokeniser and the sentence splitter
 * consult: abbreviations that keep their period, words that open
 * sentences, prefixes that keep their hyphen, and the top-level domains and
 * file extensions that make "example.com" or "minutes.doc" one token.
 *
 * The lists are written for this project from general knowledge of English
 * news and web text (titles, months, states, company suffixes). Each is a
 * sorted array searched by bisection; the lists are short and looked up
 * only at periods, hyphens and dots, so nothing faster is needed.
 */
#include "text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct abbrev {
    const char *s;
    int kind;
} abbrev;

/* Case-sensitive abbreviations, sorted by strcmp. */
static const abbrev exact[] = {
    {"Adm.", AB_TITLE}, {"Ala.", AB_PLAIN}, {"Amb.", AB_TITLE},
    {"Apr.", AB_PLAIN}, {"Ariz.", AB_PLAIN}, {"Ark.", AB_PLAIN},
    {"Art.", AB_NUMBER}, {"Assn.", AB_PLAIN}, {"Assoc.", AB_PLAIN},
    {"Atty.", AB_TITLE}, {"Aug.", AB_PLAIN}, {"Ave.", AB_PLAIN},
    {"Bhd.", AB_PLAIN}, {"Blvd.", AB_PLAIN}, {"Brig.", AB_TITLE},
    {"Bros.", AB_PLAIN}, {"Calif.", AB_PLAIN}, {"Capt.", AB_TITLE},
    {"Cdr.", AB_TITLE}, {"Ch.", AB_NUMBER}, {"Cmdr.", AB_TITLE},
    {"Co.", AB_PLAIN}, {"Col.", AB_TITLE}, {"Colo.", AB_PLAIN},
    {"Conn.", AB_PLAIN}, {"Corp.", AB_PLAIN}, {"Cos.", AB_PLAIN},
    {"Cpl.", AB_TITLE}, {"Cpt.", AB_TITLE}, {"Dec.", AB_PLAIN},
    {"Del.", AB_PLAIN}, {"Dept.", AB_PLAIN}, {"Det.", AB_TITLE},
    {"Dr.", AB_TITLE}, {"Drs.", AB_TITLE}, {"Ext.", AB_NUMBER},
    {"Feb.", AB_PLAIN}, {"Fig.", AB_NUMBER}, {"Fla.", AB_PLAIN},
    {"Fr.", AB_TITLE}, {"Fri.", AB_PLAIN}, {"Ft.", AB_TITLE},
    {"Ga.", AB_PLAIN}, {"Gen.", AB_TITLE}, {"Gov.", AB_TITLE},
    {"Govs.", AB_TITLE}, {"Hon.", AB_TITLE}, {"Ill.", AB_PLAIN},
    {"Inc.", AB_PLAIN}, {"Ind.", AB_PLAIN}, {"Insp.", AB_TITLE},
    {"Jan.", AB_PLAIN}, {"Jr.", AB_PLAIN}, {"Jul.", AB_PLAIN},
    {"Jun.", AB_PLAIN}, {"Kan.", AB_PLAIN}, {"Kans.", AB_PLAIN},
    {"Ky.", AB_PLAIN}, {"La.", AB_PLAIN}, {"Lt.", AB_TITLE},
    {"Ltd.", AB_PLAIN}, {"Maj.", AB_TITLE}, {"Mar.", AB_PLAIN},
    {"Mass.", AB_PLAIN}, {"Md.", AB_PLAIN}, {"Messrs.", AB_TITLE},
    {"Mfg.", AB_PLAIN}, {"Mich.", AB_PLAIN}, {"Minn.", AB_PLAIN},
    {"Mlle.", AB_TITLE}, {"Mme.", AB_TITLE}, {"Mo.", AB_PLAIN},
    {"Mon.", AB_PLAIN}, {"Mont.", AB_PLAIN}, {"Mr.", AB_TITLE},
    {"Mrs.", AB_TITLE}, {"Ms.", AB_TITLE}, {"Msgr.", AB_TITLE},
    {"Mssrs.", AB_TITLE}, {"Mt.", AB_TITLE}, {"Mx.", AB_TITLE},
    {"Neb.", AB_PLAIN}, {"Nev.", AB_PLAIN}, {"No.", AB_NUMBER},
    {"Nos.", AB_NUMBER}, {"Nov.", AB_PLAIN}, {"Oct.", AB_PLAIN},
    {"Okla.", AB_PLAIN}, {"Ont.", AB_PLAIN}, {"Ore.", AB_PLAIN},
    {"Pa.", AB_PLAIN}, {"Para.", AB_NUMBER}, {"Penn.", AB_PLAIN},
    {"Ph.", AB_PLAIN}, {"Pres.", AB_TITLE}, {"Prof.", AB_TITLE},
    {"Pt.", AB_TITLE}, {"Pte.", AB_TITLE}, {"Pvt.", AB_TITLE},
    {"Que.", AB_PLAIN}, {"Rd.", AB_PLAIN}, {"Rep.", AB_TITLE},
    {"Reps.", AB_TITLE}, {"Rev.", AB_TITLE}, {"Rt.", AB_TITLE},
    {"Sat.", AB_PLAIN}, {"Sec.", AB_NUMBER}, {"Sen.", AB_TITLE},
    {"Sens.", AB_TITLE}, {"Sep.", AB_PLAIN}, {"Sept.", AB_PLAIN},
    {"Sgt.", AB_TITLE}, {"Sr.", AB_PLAIN}, {"St.", AB_TITLE},
    {"Ste.", AB_TITLE}, {"Sun.", AB_PLAIN}, {"Supt.", AB_TITLE},
    {"Tenn.", AB_PLAIN}, {"Tex.", AB_PLAIN}, {"Thu.", AB_PLAIN},
    {"Thur.", AB_PLAIN}, {"Thurs.", AB_PLAIN}, {"Tue.", AB_PLAIN},
    {"Tues.", AB_PLAIN}, {"Univ.", AB_PLAIN}, {"Va.", AB_PLAIN},
    {"Vol.", AB_NUMBER}, {"Vt.", AB_PLAIN}, {"Wash.", AB_PLAIN},
    {"Wed.", AB_PLAIN}, {"Wis.", AB_PLAIN}, {"Wisc.", AB_PLAIN},
    {"Wyo.", AB_PLAIN},
};

/* Abbreviations in any case ("etc.", "ETC.", "Etc."), sorted, lowercase. */
static const abbrev folded[] = {
    {"al.", AB_PLAIN}, {"approx.", AB_PLAIN}, {"apt.", AB_PLAIN},
    {"arrv.", AB_PLAIN}, {"attn.", AB_PLAIN}, {"ca.", AB_NUMBER},
    {"cf.", AB_PLAIN}, {"ch.", AB_NUMBER}, {"dept.", AB_PLAIN},
    {"eg.", AB_PLAIN}, {"esp.", AB_PLAIN}, {"est.", AB_PLAIN}, {"etc.", AB_PLAIN},
    {"ext.", AB_NUMBER}, {"fig.", AB_NUMBER}, {"figs.", AB_NUMBER},
    {"hr.", AB_PLAIN}, {"hrs.", AB_PLAIN}, {"incl.", AB_PLAIN},
    {"lb.", AB_PLAIN}, {"lbs.", AB_PLAIN}, {"lv.", AB_PLAIN},
    {"max.", AB_PLAIN}, {"min.", AB_PLAIN}, {"mins.", AB_PLAIN},
    {"misc.", AB_PLAIN}, {"nos.", AB_NUMBER}, {"oz.", AB_PLAIN},
    {"p.", AB_NUMBER}, {"pp.", AB_NUMBER}, {"ps.", AB_PLAIN},
    {"sq.", AB_PLAIN}, {"tel.", AB_NUMBER}, {"viz.", AB_PLAIN},
    {"vol.", AB_NUMBER}, {"vols.", AB_NUMBER}, {"vs.", AB_PLAIN},
    {"yr.", AB_PLAIN}, {"yrs.", AB_PLAIN},
};

static int cmp_abbrev(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const abbrev *)elem)->s);
}

/* A Bloom filter of the abbreviations (lowercased), filled once: most
 * words with a period after them are not abbreviations, and are turned
 * away without a search. */
static uint64_t bloom[16];
static pthread_once_t bloom_once = PTHREAD_ONCE_INIT;

static unsigned bloom_hash(const char *s, size_t n)
{
    unsigned h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)(s[i] | 0x20)) * 16777619u;
    return h & 1023;
}

static void bloom_fill(void)
{
    for (size_t i = 0; i < SR_ARRAY_LEN(exact); i++) {
        unsigned h = bloom_hash(exact[i].s, strlen(exact[i].s));
        bloom[h >> 6] |= 1ull << (h & 63);
    }
    for (size_t i = 0; i < SR_ARRAY_LEN(folded); i++) {
        unsigned h = bloom_hash(folded[i].s, strlen(folded[i].s));
        bloom[h >> 6] |= 1ull << (h & 63);
    }
}

int sr_abbrev_kind(const char *s, size_t n)
{
    char buf[16];
    if (n < 2 || n >= sizeof buf || s[n - 1] != '.')
        return AB_NONE;
    pthread_once(&bloom_once, bloom_fill);
    unsigned h = bloom_hash(s, n);
    if (!(bloom[h >> 6] & (1ull << (h & 63))))
        return AB_NONE;
    memcpy(buf, s, n);
    buf[n] = '\0';
    const abbrev *a = bsearch(buf, exact, SR_ARRAY_LEN(exact), sizeof *a, cmp_abbrev);
    if (a)
        return a->kind;
    for (size_t i = 0; i < n; i++)
        if (buf[i] >= 'A' && buf[i] <= 'Z')
            buf[i] = (char)(buf[i] - 'A' + 'a');
    a = bsearch(buf, folded, SR_ARRAY_LEN(folded), sizeof *a, cmp_abbrev);
    return a ? a->kind : AB_NONE;
}

/* Sorted lists of plain words, searched case-sensitively. */
static int cmp_word(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

static bool in_list(const char *const *list, size_t len, const char *s,
                    size_t n, bool lower)
{
    char buf[24];
    if (n == 0 || n >= sizeof buf)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (lower && c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        buf[i] = c;
    }
    buf[n] = '\0';
    return bsearch(buf, list, len, sizeof *list, cmp_word) != NULL;
}

/* Capitalised words that usually open a sentence rather than continue a
 * name: pronouns, determiners, conjunctions, common adverbs. */
static const char *const starters[] = {
    "A", "After", "Also", "Although", "An", "And", "Another", "Any", "As",
    "At", "Because", "Before", "Both", "But", "By", "During", "Each",
    "Even", "Every", "Everyone", "For", "From", "Further", "He", "Her",
    "Here", "His", "How", "However", "I", "If", "In", "Instead", "It",
    "Its", "Just", "Last", "Many", "Meanwhile", "More", "Most", "My",
    "No", "None", "Not", "Now", "Of", "On", "Once", "One", "Only", "Or",
    "Our", "Over", "Please", "She", "Since", "So", "Some", "Still",
    "That", "The", "Their", "Then", "There", "These", "They", "This",
    "Those", "Though", "Thus", "To", "Under", "Unlike", "We", "What",
    "When", "Where", "Whether", "Which", "While", "Who", "Why", "With",
    "Yet", "You", "Your",
};

bool sr_sentence_starter(const char *s, size_t n)
{
    return in_list(starters, SR_ARRAY_LEN(starters), s, n, false);
}

/* Bound prefixes: in EWT "non-stop" stays one token where "well-known"
 * splits into three. */
static const char *const prefixes[] = {
    "anti", "arch", "bi", "co", "counter", "cross", "cyber", "de", "e",
    "eco", "ex", "extra", "hyper", "infra", "intra", "macro", "mega",
    "meta", "micro", "mid", "mini", "mis", "multi", "neo", "non", "over",
    "pan", "para", "post", "pre", "pro", "proto", "pseudo", "psycho",
    "quasi", "re", "retro", "semi", "socio", "sub", "super", "trans",
    "tri", "ultra", "un", "uni",
};

bool sr_hyphen_prefix(const char *s, size_t n)
{
    return in_list(prefixes, SR_ARRAY_LEN(prefixes), s, n, true);
}

/* Generic top-level domains, country codes that are not English words,
 * and common file extensions. */
static const char *const tlds[] = {
    "ae", "aero", "asp", "aspx", "au", "avi", "biz", "bmp", "br", "ca",
    "cfm", "cgi", "ch", "cn", "com", "csv", "cz", "de", "dk", "doc",
    "docx", "edu", "eg", "es", "exe", "fi", "fr", "gif", "gov", "gr",
    "gz", "hk", "htm", "html", "ie", "il", "info", "int", "io", "ir",
    "jp", "jpeg", "jpg", "js", "json", "jsp", "kr", "mil", "mov", "mp3",
    "mp4", "mpg", "museum", "mx", "net", "ng", "nl", "nz", "org", "pdf",
    "php", "pk", "pl", "png", "ppt", "pptx", "pt", "ru", "rtf", "sa",
    "sg", "tar", "tif", "tiff", "tr", "tw", "txt", "ua", "uk", "wav",
    "xls", "xlsx", "xml", "za", "zip",
};

bool sr_tld_or_ext(const char *s, size_t n)
{
    return in_list(tlds, SR_ARRAY_LEN(tlds), s, n, true);
}
