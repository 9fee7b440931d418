"""Items: one sentence's tokens cut into gazetteer phrases, titles, names and words.

The actors stage reads each sentence's tokens once, left to right, and cuts
them into items: a gazetteer phrase (a country's name or adjective, a
capital, a place, an organisation), a title ("Deputy Foreign Minister"), an
honorific ("Mr."), a pair of countries ("Franco-German"), a run of
capitalised words (a possible name or an organisation) or a plain word.
:mod:`diplotext._mentions` reads mentions from patterns over the items.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from ._lexicon import _HONORIFICS, _Lexicon
from ._tokens import Token

# Capitalised words that never start or continue a name.
_STOP = frozenset(
    """
    The A An This That These Those There Here In On At For From With By And But Or Nor As If
    When While After Before Since Until Also Still Yet So Then Thus However Meanwhile
    Moreover It He She They We I You His Her Their Our Its My Your Him Them Who What Where
    Why How Which Whose Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Yesterday Tomorrow
    Tonight Reuter Reuters AP AFP Xinhua CNN BBC Not No Yes All Both Each Every Some Many
    Most Other Another Such Only Even Just Now Later Earlier Last Next First Second Third
    New Old Western Eastern Northern Southern Central Government Ministry President Minister
    Secretary Officials Official State Party Army Some Among During Despite Under Over
    Through Against Without Within Between Across Including According Asked Speaking Told
    Said Says Those Is Was Are Were Will Would Can Could Should May Might Must Has Have Had
    Does Did Be Been Being Let Please Thank Dear God Islam Islamic Muslim Christian Jewish
    Arab Arabs Europe Asia Africa America Americas Pacific Atlantic Middle East West East
    North South Gulf Internet Web
    """.split()
)

_PARTICLES = frozenset(
    """
    de da di du del della des van von der den ter bin ibn al el ben la le dos das
    """.split()
)


# Nouns that end the names of organisations ("Pasteur Institute").
_ORG_HEADS = frozenset(
    """
    Institute Academy Force Institution Party Ministry Council Committee Commission Agency
    Bank Corporation Corp. Company Co. Group Association Union Organization Organisation
    Front Movement Army Authority Fund Foundation University Court Assembly Parliament
    Office Department Federation League Alliance Coalition Inc. Ltd. Forces Service Bureau
    Secretariat Center Centre Board Tribunal Congress Senate Airlines Airways
    """.split()
)


class _Item(NamedTuple):
    kind: str  # gaz, title, hon, name, orgname, pair, word
    i: int  # first token
    j: int  # past the last token
    data: Any = None


def _title_at(toks: Sequence[Token], i: int, lex: _Lexicon) -> tuple[int, str, str] | None:
    """A title starting at token ``i``: ``(end token, title text, rank)``."""
    tok = toks[i]
    full = lex.abbreviations.get(tok.text)
    if full is not None:
        return i + 1, full[0], full[1]
    if tok.lower not in lex.title_words:
        return None
    n = len(toks)
    if tok.lower not in lex.head_words and (
        i + 1 >= n or toks[i + 1].lower not in lex.title_follows
    ):
        return None  # "trade talks": no head, nor a word that leads to one
    starts = [i]  # where modifiers may end: "Deputy Foreign Minister", "Chief of Staff"
    while starts[-1] < n:
        k, _ = lex.modifiers.match(toks, starts[-1])
        if not k:
            break
        starts.append(starts[-1] + k)
    best = None
    for start_head in reversed(starts):  # the most modifiers first, then fewer
        k, _ = lex.portfolios.match(toks, start_head) if start_head < n else (0, ())
        for skip in (k, 0) if k else (0,):
            p = start_head + skip
            if p >= n:
                continue
            h, heads = lex.heads.match(toks, p)
            if h:
                best = (p + h, heads[0][1])
                break
        if best is not None:
            break
    if best is None:
        return None
    end, rank = best
    # "Minister of Foreign Affairs", "Secretary of the Treasury", "Minister for Trade"
    if end + 1 < n and toks[end].lower in ("of", "for"):
        q = end + 1
        if q < n and toks[q].lower == "the":
            q += 1
        if q < n:
            k2, _ = lex.portfolios.match(toks, q)
            if k2 and toks[q].is_cap:
                end = q + k2
    # Lower-case titles count only as a whole ("the foreign minister"); a
    # lone capitalised word like "Head" or "Chair" must look like a title.
    words = toks[i:end]
    if any(not t.is_word and t.text not in ("-", "'", "’") for t in words):
        return None
    text = " ".join([t.text for t in words]).replace(" - ", "-")
    return end, text, rank


def _joined(toks: Sequence[Token], i: int, j: int) -> str:
    """The texts of tokens ``i`` to ``j``, joined by spaces."""
    if j == i + 1:
        return toks[i].text
    return " ".join([t.text for t in toks[i:j]])


# Lower-case prefixes of a surname: "al-Sisi", "el-Baradei".
_NAME_PREFIXES = ("al-", "el-", "ad-", "as-", "an-", "ar-", "at-", "az-")


def _name_at(toks: Sequence[Token], i: int, lex: _Lexicon) -> int:
    """End of a run of capitalised name words starting at ``i`` (``i`` if none)."""
    n = len(toks)
    j = i
    while j < n:
        t = toks[j]
        if (
            t.is_cap and t.is_word and t.text.rstrip(".") not in _STOP and t.text not in _ORG_HEADS
        ) or (j > i and t.lower.startswith(_NAME_PREFIXES) and t.text[3:4].isupper()):
            if j > i and lex.proper.match(toks, j)[0]:
                break
            j += 1
            continue
        if (
            j > i
            and t.lower in _PARTICLES
            and j + 1 < n
            and toks[j + 1].is_cap
            and toks[j + 1].is_word
        ):
            j += 1
            continue
        break
    return j


def _compound(tok: Token, lex: _Lexicon) -> list[tuple[int, int, str]] | None:
    """The countries of "Franco-German" or "Israeli-Palestinian": ``(start, end, code)`` each."""
    parts: list[tuple[int, int, str]] = []
    pos = tok.start
    for word in tok.text.split("-"):
        code = lex.compound_parts.get(word)
        if code is None:
            return None
        parts.append((pos, pos + len(word), code))
        pos += len(word) + 1
    return parts if len(parts) > 1 else None


def _item_starts(lex: _Lexicon, forms: Iterable[tuple[str, str, bool, bool, int]]) -> list[bool]:
    """For each token form ``(text, lower, is_cap, is_word, length)``, whether such a
    token may start an item other than a plain word, or an unnamed official
    ("officials"): a plain lower-case word never does.

    It may when its lower case or text starts a title, an honorific, an unnamed
    official or a gazetteer phrase; or when it is capitalised and holds a
    hyphen (a pair of countries), is not a stop word (a name) or ends the
    name of an organisation.
    """
    lowers = lex.start_lowers
    texts = lex.start_texts
    return [
        lower in lowers
        or text in texts
        or (
            is_cap
            and ("-" in text or (is_word and (text.rstrip(".") not in _STOP or text in _ORG_HEADS)))
        )
        for text, lower, is_cap, is_word, _n in forms
    ]


# The plain-word items of the first tokens of a sentence, made once: a
# sentence's items are mostly plain words, and these are the same in every
# sentence.
_WORDS = tuple(_Item("word", i, i + 1) for i in range(2048))
_N_WORDS = len(_WORDS)


def _words(i: int, j: int) -> Sequence[_Item]:
    """The plain-word items of tokens ``i`` to ``j``."""
    if j <= len(_WORDS):
        return _WORDS[i:j]
    return _WORDS[i:] + tuple(_Item("word", k, k + 1) for k in range(max(i, len(_WORDS)), j))


def _items(
    toks: Sequence[Token], lex: _Lexicon, starts: Sequence[int]
) -> tuple[list[_Item], list[int]]:
    """The items of a sentence's tokens, and which of them are not plain words.

    ``starts`` are the tokens that may start an item other than a plain word
    (see :func:`_item_starts`), in order; the tokens between them are plain
    words. The second list holds the indices of the items that are not plain
    words, and of the words that start an unnamed official ("officials").
    """
    out: list[_Item] = []
    hot: list[int] = []
    i = 0
    n = len(toks)
    title_words = lex.title_words
    abbreviations = lex.abbreviations
    unnamed_firsts = lex.unnamed_firsts
    proper_match = lex.proper.match
    for start in starts:
        if start < i:
            continue  # inside the item before
        if start > i:
            out.extend(_WORDS[i:start] if start <= _N_WORDS else _words(i, start))
            i = start
        t = toks[i]
        # one int object for the end of an item and the start of the next
        # (a long sentence has many items)
        after = i + 1
        lower = t.lower
        cap = t.is_cap
        if lower in _HONORIFICS and after < n and toks[after].is_cap:
            hot.append(len(out))
            out.append(_Item("hon", i, after))
            i = after
            continue
        g_len, g_vals = proper_match(toks, i) if cap else (0, ())
        title = (
            _title_at(toks, i, lex)
            if (lower in title_words or t.text in abbreviations) and t.is_word
            else None
        )
        if title and title[0] - i > g_len:
            hot.append(len(out))
            out.append(_Item("title", i, title[0], (title[1], title[2])))
            i = title[0]
            continue
        if g_len:
            end = i + g_len
            hot.append(len(out))
            out.append(_Item("gaz", i, end, g_vals))
            i = end
            continue
        if cap:
            pair = _compound(t, lex) if "-" in t.text else None
            if pair:
                hot.append(len(out))
                out.append(_Item("pair", i, after, pair))
                i = after
                continue
            if t.is_word:
                j = _name_at(toks, i, lex)
                if j > i:
                    hot.append(len(out))
                    # an organisation: a capitalised run ending in "Institute", "Party" ...
                    if j < n and toks[j].text in _ORG_HEADS:
                        j += 1
                        if j + 1 < n and toks[j].lower == "of" and toks[j + 1].is_cap:
                            j = max(_name_at(toks, j + 1, lex), j + 2)
                        out.append(_Item("orgname", i, j))
                    else:
                        out.append(_Item("name", i, j))
                    i = j
                    continue
                if t.text in _ORG_HEADS and out and out[-1].kind == "name" and out[-1].j == i:
                    prev = out.pop()  # its index stays in ``hot``
                    out.append(_Item("orgname", prev.i, after))
                    i = after
                    continue
        if lower in unnamed_firsts:
            hot.append(len(out))
        out.append(_Item("word", i, after))
        i = after
    if i < n:
        out.extend(_words(i, n))
    return out, hot
