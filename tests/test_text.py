"""Sentences: where news text is cut, and offsets that always fit the caller's text."""

from __future__ import annotations

import pytest

from diplotext._text import Sentence, split_sentences


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, as the strings their offsets cut out."""
    return [text[s.start : s.end] for s in split_sentences(text)]


def miss(reason: str) -> pytest.MarkDecorator:
    """A known miss of the splitter: strict, so that a fix is noticed."""
    return pytest.mark.xfail(strict=True, reason=reason)


# ---------------------------------------------------------------------------
# Ordinary sentence ends
# ---------------------------------------------------------------------------

ENDS = [
    pytest.param(
        "Blinken met Wang Yi on Friday. The talks lasted five hours.",
        ["Blinken met Wang Yi on Friday.", "The talks lasted five hours."],
        id="full-stop",
    ),
    pytest.param(
        "Will Xi travel to Washington? Officials would not say.",
        ["Will Xi travel to Washington?", "Officials would not say."],
        id="question-mark",
    ),
    pytest.param(
        "The talks are over! Both sides walked out.",
        ["The talks are over!", "Both sides walked out."],
        id="exclamation-mark",
    ),
    pytest.param(
        "The White House called the call “candid and constructive.” Biden also raised Taiwan.",
        ["The White House called the call “candid and constructive.”", "Biden also raised Taiwan."],
        id="closing-curly-quote",
    ),
    pytest.param(
        '"We had a good talk," Lavrov said. "We will meet again."',
        ['"We had a good talk," Lavrov said.', '"We will meet again."'],
        id="next-sentence-opens-with-quote",
    ),
    pytest.param(
        "The two sides last met in 2022. Talks resumed in March.",
        ["The two sides last met in 2022.", "Talks resumed in March."],
        id="after-a-year",
    ),
    pytest.param(
        "Trade grew 3.5 percent last year, officials said.",
        ["Trade grew 3.5 percent last year, officials said."],
        id="decimal-point",
    ),
    pytest.param(
        "Biden spoke with Xi (the first call since November). They agreed to talk again.",
        ["Biden spoke with Xi (the first call since November).", "They agreed to talk again."],
        id="closing-parenthesis",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENDS)
def test_terminal_punctuation_ends_a_sentence(text: str, expected: list[str]) -> None:
    """A full stop, question or exclamation mark, with any closing quote, ends a sentence."""
    assert sentences(text) == expected


# ---------------------------------------------------------------------------
# Abbreviations and initials
# ---------------------------------------------------------------------------

ABBREVIATIONS = [
    # honorifics and titles
    pytest.param("Mr. Biden met Mr. Xi in Woodside on Wednesday.", id="mr"),
    pytest.param("Mrs. Thatcher and Ms. Ardern never met.", id="mrs-ms"),
    pytest.param("Dr. Tedros Adhanom Ghebreyesus arrived in Geneva.", id="dr"),
    pytest.param("Gen. Charles Brown met his Japanese counterpart in Tokyo.", id="gen"),
    pytest.param("Lt. Gen. Mark Smith arrived in Seoul on Monday.", id="lt-gen"),
    pytest.param("Sen. Lindsey Graham visited Kyiv on Friday.", id="sen"),
    pytest.param("Gov. Gavin Newsom met Xi in Beijing.", id="gov"),
    # country and body abbreviations that go on
    pytest.param("U.S. officials said the talks went well.", id="us-officials"),
    pytest.param("The U.S. President met the Pope on Friday.", id="us-president"),
    pytest.param("The U.N. Security Council met on Friday.", id="un-security-council"),
    pytest.param("He flew to the U.K. on Sunday for talks.", id="uk-lowercase-next"),
    pytest.param("U.S.-China relations have thawed since the summit.", id="us-hyphen-china"),
    # initials
    pytest.param("John F. Kennedy met Nikita Khrushchev in Vienna.", id="middle-initial"),
    pytest.param(
        "Secretary of State John F. Kerry met Iranian officials.", id="initial-after-title"
    ),
    pytest.param("George H.W. Bush met Mikhail Gorbachev off Malta.", id="two-initials"),
    pytest.param("The talks began at 9 a.m. on Tuesday.", id="a-m-lowercase-next"),
    pytest.param("The talks began at 9 a.m. Tuesday in Doha.", id="a-m-before-weekday"),
    # month abbreviations
    pytest.param("The two leaders met on Nov. 15 in California.", id="month-abbreviation"),
    pytest.param("Talks are set for Sept. 12 in Geneva.", id="sept"),
]


@pytest.mark.parametrize("text", ABBREVIATIONS)
def test_abbreviations_do_not_end_a_sentence(text: str) -> None:
    """The dot of "Mr.", "U.S.", "Gen.", "Nov." or an initial does not end a sentence."""
    assert sentences(text) == [text]


ABBREVIATION_ENDS = [
    pytest.param(
        "He will return to the U.S. The next round is set for May.",
        ["He will return to the U.S.", "The next round is set for May."],
        id="us-then-the",
    ),
    pytest.param(
        "Xi has never visited the U.K. He was invited in 2015.",
        ["Xi has never visited the U.K.", "He was invited in 2015."],
        id="uk-then-he",
    ),
    pytest.param(
        "The delegation flew back to the U.S. Officials in Washington said the talks stalled.",
        [
            "The delegation flew back to the U.S.",
            "Officials in Washington said the talks stalled.",
        ],
        id="us-then-officials",
        marks=miss("'Officials' after 'U.S.' is read as 'U.S. officials'"),
    ),
    pytest.param(
        "Talks ended at 5 p.m. Both sides left without a statement.",
        ["Talks ended at 5 p.m.", "Both sides left without a statement."],
        id="p-m-then-both",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ABBREVIATION_ENDS)
def test_an_abbreviation_can_end_a_sentence(text: str, expected: list[str]) -> None:
    """A dotted abbreviation followed by a new sentence's first word ends the sentence."""
    assert sentences(text) == expected


# ---------------------------------------------------------------------------
# Lines: headlines, datelines, wrapped text, paragraphs
# ---------------------------------------------------------------------------

LINES = [
    # headlines and datelines on their own line
    pytest.param(
        "Biden and Xi hold first call since summit\n"
        "President Joe Biden spoke with Xi Jinping on Tuesday.",
        [
            "Biden and Xi hold first call since summit",
            "President Joe Biden spoke with Xi Jinping on Tuesday.",
        ],
        id="headline-without-stop",
        marks=miss("a sentence-case headline of 40 or more characters runs into the lead"),
    ),
    pytest.param(
        "BIDEN, XI SPEAK BY PHONE\nWASHINGTON (Reuters) - President Joe Biden spoke with Xi.",
        [
            "BIDEN, XI SPEAK BY PHONE",
            "WASHINGTON (Reuters) - President Joe Biden spoke with Xi.",
        ],
        id="capitals-headline",
    ),
    pytest.param(
        "Washington\nCNN\n—\nPresident Joe Biden spoke by phone with Xi Jinping on Tuesday.",
        [
            "Washington",
            "CNN",
            "—",
            "President Joe Biden spoke by phone with Xi Jinping on Tuesday.",
        ],
        id="dateline-lines",
    ),
    pytest.param(
        "Blinken lands in Beijing for talks\n\n"
        "BEIJING, June 18 - Secretary of State Antony Blinken met Xi Jinping on Monday.",
        [
            "Blinken lands in Beijing for talks",
            "BEIJING, June 18 - Secretary of State Antony Blinken met Xi Jinping on Monday.",
        ],
        id="headline-blank-line",
    ),
    # wrapped lines (Reuters style: a paragraph's first line indented)
    pytest.param(
        "    WASHINGTON, March 3 - Secretary of State George Shultz said on\n"
        "Tuesday he would travel to Moscow next month for talks with Soviet\n"
        "Foreign Minister Eduard Shevardnadze on arms control.\n"
        "    Shultz told reporters the talks would also cover regional\n"
        "conflicts in Central America and southern Africa.\n",
        [
            "WASHINGTON, March 3 - Secretary of State George Shultz said on\n"
            "Tuesday he would travel to Moscow next month for talks with Soviet\n"
            "Foreign Minister Eduard Shevardnadze on arms control.",
            "Shultz told reporters the talks would also cover regional\n"
            "conflicts in Central America and southern Africa.",
        ],
        id="reuters-wrapped",
    ),
    pytest.param(
        "The foreign ministers of Israel and Jordan met on Sunday in\n"
        "Amman, a spokesman for the Israeli embassy said, adding that\n"
        "the meeting had been cordial.\n",
        [
            "The foreign ministers of Israel and Jordan met on Sunday in\n"
            "Amman, a spokesman for the Israeli embassy said, adding that\n"
            "the meeting had been cordial."
        ],
        id="wrapped-at-a-place-name",
    ),
    pytest.param(
        "Secretary of State Antony Blinken met Chinese Foreign Minister\n"
        "Wang Yi in Beijing, where both praised the talks as candid.",
        [
            "Secretary of State Antony Blinken met Chinese Foreign Minister\n"
            "Wang Yi in Beijing, where both praised the talks as candid."
        ],
        id="wrapped-inside-a-title",
    ),
    pytest.param(
        "The statement was issued after talks with Mr.\n"
        "Gorbachev ended late on Friday evening in the Kremlin.",
        [
            "The statement was issued after talks with Mr.\n"
            "Gorbachev ended late on Friday evening in the Kremlin."
        ],
        id="wrapped-after-mr",
        marks=miss("a wrapped line ending with 'Mr.' is cut as if it ended a sentence"),
    ),
    pytest.param(
        "Officials said the envoy would carry a message from the U.S.\n"
        "President to the Iranian leadership during his visit to Oman.",
        [
            "Officials said the envoy would carry a message from the U.S.\n"
            "President to the Iranian leadership during his visit to Oman."
        ],
        id="wrapped-after-us",
        marks=miss("a wrapped line ending with 'U.S.' is cut as if it ended a sentence"),
    ),
    # indented paragraphs
    pytest.param(
        "  Putin met Xi in Moscow on Monday\n  Both leaders praised their ties.",
        ["Putin met Xi in Moscow on Monday", "Both leaders praised their ties."],
        id="indented-paragraphs",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LINES)
def test_lines_split_only_where_a_reader_sees_a_break(text: str, expected: list[str]) -> None:
    """Headlines and datelines on their own line stand alone; a wrapped line goes on."""
    assert sentences(text) == expected


def test_blank_lines_and_indents_start_paragraphs() -> None:
    """A blank line or an indented line starts a new paragraph; a wrapped line does not."""
    text = (
        "Blinken met Wang Yi on Friday. They talked for five\n"
        "hours.\n\n"
        "Wang said the talks were frank.\n"
        "    Blinken flew home on Saturday."
    )
    assert [s.paragraph for s in split_sentences(text)] == [0, 0, 1, 2]


@pytest.mark.parametrize("gap", ["\n\n", "\n\n\n\n", "\n \n\t\n\n", "\r\n\r\n\r\n"])
def test_a_run_of_blank_lines_is_one_break(gap: str) -> None:
    """However many blank lines stand between two paragraphs, they part them once."""
    text = f"\n\nBlinken met Wang Yi.{gap}Wang said the talks were frank{gap}{gap}and useful."
    found = split_sentences(text)
    assert [text[s.start : s.end] for s in found] == [
        "Blinken met Wang Yi.",
        "Wang said the talks were frank",
        "and useful.",
    ]
    assert [s.paragraph for s in found] == [0, 1, 2]


def test_a_text_of_line_ends_has_no_sentences() -> None:
    """Only white space: nothing to read, and nothing kept per line."""
    assert split_sentences("\n" * 10_000) == ()


# ---------------------------------------------------------------------------
# Offsets
# ---------------------------------------------------------------------------

OFFSETS = [
    pytest.param(
        "Biden spoke with Xi.\r\nThe call lasted two hours.\r\n",
        ["Biden spoke with Xi.", "The call lasted two hours."],
        id="windows-line-ends",
    ),
    pytest.param(
        "Biden, Xi speak by phone\r\n\r\n"
        "WASHINGTON - President Joe Biden spoke by phone with Chinese\r\n"
        "President Xi Jinping on Tuesday, the White House said.\r\n",
        [
            "Biden, Xi speak by phone",
            "WASHINGTON - President Joe Biden spoke by phone with Chinese\r\n"
            "President Xi Jinping on Tuesday, the White House said.",
        ],
        id="windows-headline-and-wrapped",
    ),
    pytest.param(
        "  \n\t Erdoğan met Zelenskyy in İstanbul.   ",
        ["Erdoğan met Zelenskyy in İstanbul."],
        id="surrounding-white-space",
    ),
    pytest.param(
        "Lavrov’s visit ended.\u00a0Ryabkov stayed on in Geneva.",
        ["Lavrov’s visit ended.", "Ryabkov stayed on in Geneva."],
        id="non-breaking-space",
    ),
    pytest.param("", [], id="empty"),
    pytest.param(" \n\r\n\t ", [], id="only-white-space"),
    pytest.param("Talks ended", ["Talks ended"], id="no-final-stop"),
]


@pytest.mark.parametrize(("text", "expected"), OFFSETS)
def test_offsets_cut_trimmed_sentences_out_of_the_original_text(
    text: str, expected: list[str]
) -> None:
    """Each sentence is ``text[start:end]``, trimmed of white space, numbered in order."""
    found = split_sentences(text)
    assert [text[s.start : s.end] for s in found] == expected
    assert [s.index for s in found] == list(range(len(found)))
    for s in found:
        assert isinstance(s, Sentence)
        assert 0 <= s.start < s.end <= len(text)
        assert not text[s.start].isspace()
        assert not text[s.end - 1].isspace()


ALL_TEXTS = [p.values[0] for p in [*ENDS, *ABBREVIATIONS, *ABBREVIATION_ENDS, *LINES, *OFFSETS]]


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_sentences_are_in_order_and_never_overlap(text: str) -> None:
    """Sentences follow each other without overlap, and only white space lies between."""
    found = split_sentences(text)
    pos = 0
    for s in found:
        assert s.start >= pos
        assert not text[pos : s.start].strip()
        pos = s.end
    assert not text[pos:].strip()
