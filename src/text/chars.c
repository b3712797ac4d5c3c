/*
 * chars.c — character classes for the tokeniser.
 *
 * ASCII is looked up in a table (it is most of every English text, and the
 * tokeniser asks for every character); everything else goes through
 * utf8proc's Unicode categories. Spaces include the no-break and
 * zero-width spaces that web pages sprinkle into text, so a word never
 * contains one: they separate tokens exactly as a plain space does.
 */
#include "text.h"

#include <utf8proc.h>

const unsigned char sr_cc_ascii[128] = {
    ['\t'] = CC_SPACE, ['\n'] = CC_SPACE, ['\v'] = CC_SPACE,
    ['\f'] = CC_SPACE, ['\r'] = CC_SPACE, [' '] = CC_SPACE,
    ['!'] = CC_PUNCT, ['"'] = CC_PUNCT, ['#'] = CC_PUNCT, ['%'] = CC_PUNCT,
    ['&'] = CC_PUNCT, ['\''] = CC_PUNCT, ['('] = CC_PUNCT, [')'] = CC_PUNCT,
    ['*'] = CC_PUNCT, [','] = CC_PUNCT, ['-'] = CC_PUNCT, ['.'] = CC_PUNCT,
    ['/'] = CC_PUNCT, [':'] = CC_PUNCT, [';'] = CC_PUNCT, ['?'] = CC_PUNCT,
    ['@'] = CC_PUNCT, ['['] = CC_PUNCT, ['\\'] = CC_PUNCT, [']'] = CC_PUNCT,
    ['_'] = CC_PUNCT, ['{'] = CC_PUNCT, ['}'] = CC_PUNCT,
    ['$'] = CC_SYMBOL, ['+'] = CC_SYMBOL, ['<'] = CC_SYMBOL, ['='] = CC_SYMBOL,
    ['>'] = CC_SYMBOL, ['^'] = CC_SYMBOL, ['`'] = CC_SYMBOL, ['|'] = CC_SYMBOL,
    ['~'] = CC_SYMBOL,
    ['0'] = CC_DIGIT, ['1'] = CC_DIGIT, ['2'] = CC_DIGIT, ['3'] = CC_DIGIT,
    ['4'] = CC_DIGIT, ['5'] = CC_DIGIT, ['6'] = CC_DIGIT, ['7'] = CC_DIGIT,
    ['8'] = CC_DIGIT, ['9'] = CC_DIGIT,
    ['A'] = CC_UPPER, ['B'] = CC_UPPER, ['C'] = CC_UPPER, ['D'] = CC_UPPER,
    ['E'] = CC_UPPER, ['F'] = CC_UPPER, ['G'] = CC_UPPER, ['H'] = CC_UPPER,
    ['I'] = CC_UPPER, ['J'] = CC_UPPER, ['K'] = CC_UPPER, ['L'] = CC_UPPER,
    ['M'] = CC_UPPER, ['N'] = CC_UPPER, ['O'] = CC_UPPER, ['P'] = CC_UPPER,
    ['Q'] = CC_UPPER, ['R'] = CC_UPPER, ['S'] = CC_UPPER, ['T'] = CC_UPPER,
    ['U'] = CC_UPPER, ['V'] = CC_UPPER, ['W'] = CC_UPPER, ['X'] = CC_UPPER,
    ['Y'] = CC_UPPER, ['Z'] = CC_UPPER,
    ['a'] = CC_LOWER, ['b'] = CC_LOWER, ['c'] = CC_LOWER, ['d'] = CC_LOWER,
    ['e'] = CC_LOWER, ['f'] = CC_LOWER, ['g'] = CC_LOWER, ['h'] = CC_LOWER,
    ['i'] = CC_LOWER, ['j'] = CC_LOWER, ['k'] = CC_LOWER, ['l'] = CC_LOWER,
    ['m'] = CC_LOWER, ['n'] = CC_LOWER, ['o'] = CC_LOWER, ['p'] = CC_LOWER,
    ['q'] = CC_LOWER, ['r'] = CC_LOWER, ['s'] = CC_LOWER, ['t'] = CC_LOWER,
    ['u'] = CC_LOWER, ['v'] = CC_LOWER, ['w'] = CC_LOWER, ['x'] = CC_LOWER,
    ['y'] = CC_LOWER, ['z'] = CC_LOWER,
};

int sr_cc_class(uint32_t cp)
{
    if (cp < 0x80)
        return sr_cc_ascii[cp] ? sr_cc_ascii[cp] : CC_OTHER;
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2013:
    case 0x2014: case 0x2026:    /* typographic quotes, dashes, ellipsis */
        return CC_PUNCT;
    case 0x00A0:
        return CC_SPACE;
    case 0x0085: case 0x200B: case 0x2060: case 0xFEFF:
        return CC_SPACE;
    case 0x00AD:                 /* soft hyphen: invisible, part of a word */
        return CC_LETTER;
    default:
        break;
    }
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return CC_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return CC_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_NL:
        return CC_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return CC_DIGIT;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return CC_PUNCT;
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
        return CC_SYMBOL;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return CC_SPACE;
    default:
        return CC_OTHER;
    }
}
