"""Meetings: every encounter once, with participants, mode, status, date, place, length, tone."""

from __future__ import annotations

import datetime as dt

import pytest

from diplotext import Actor, ActorKind, Meeting, MeetingMode, MeetingStatus, find_meetings

# Publication dates (2024-04-01 is a Monday).
MON = dt.date(2024, 4, 1)
TUE = dt.date(2024, 4, 2)  # the seed article's day
THU = dt.date(2024, 4, 4)

PHONE = MeetingMode.PHONE
VISIT = MeetingMode.VISIT
THIRD = MeetingMode.THIRD_PARTY
MULTI = MeetingMode.MULTILATERAL
UNSPEC = MeetingMode.UNSPECIFIED

HELD = MeetingStatus.HELD
PLANNED = MeetingStatus.PLANNED
PROPOSED = MeetingStatus.PROPOSED
CANCELLED = MeetingStatus.CANCELLED


def miss(reason: str) -> pytest.MarkDecorator:
    """A known miss of the meetings stage: strict, so that a fix is noticed."""
    return pytest.mark.xfail(strict=True, reason=reason)


def label(actor: Actor) -> str:
    """A named person by name; anyone else by country (an international body by name)."""
    if actor.kind is ActorKind.PERSON and actor.name:
        return actor.name
    return actor.country or actor.name or "?"


def labels(m: Meeting) -> set[str]:
    return {label(p) for p in m.participants}


def only(text: str, published: dt.date | None = TUE) -> Meeting:
    """The one meeting of ``text``."""
    found = find_meetings(text, published=published)
    assert len(found) == 1, [(labels(m), m.mode, m.status) for m in found]
    return found[0]


def day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


# ---------------------------------------------------------------------------
# Participants
# ---------------------------------------------------------------------------

PARTICIPANTS = [
    pytest.param(
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing "
        "on Monday.",
        {"Antony Blinken", "Wang Yi"},
        id="x-met-y-place-is-no-participant",
    ),
    pytest.param(
        "The talks should lay groundwork for a summit in Ottawa next month between President "
        "Ronald Reagan and Canadian Prime Minister Brian Mulroney.",
        {"Ronald Reagan", "Brian Mulroney"},
        id="a-summit-in-a-place-next-month-between-x-and-y",
    ),
    pytest.param(
        "Indian Prime Minister Narendra Modi and Russian President Vladimir Putin held talks "
        "in Moscow on Monday.",
        {"Narendra Modi", "Vladimir Putin"},
        id="x-and-y-held-talks",
    ),
    pytest.param(
        "Russian Foreign Minister Sergei Lavrov held talks with his Chinese counterpart in "
        "Moscow on Monday.",
        {"Sergei Lavrov", "CHN"},
        id="talks-with-counterpart",
    ),
    pytest.param(
        "Egyptian President Abdel Fattah al-Sisi held talks with visiting Jordanian King "
        "Abdullah II in Cairo on Sunday.",
        {"Abdel Fattah al-Sisi", "Abdullah II"},
        id="talks-with-visiting",
    ),
    pytest.param(
        "Talks between Armenian Prime Minister Nikol Pashinyan and Azerbaijani President "
        "Ilham Aliyev ended in Brussels on Sunday.",
        {"Nikol Pashinyan", "Ilham Aliyev"},
        id="talks-between-x-and-y",
    ),
    pytest.param(
        "Secretary of State Antony Blinken's call with Saudi Foreign Minister Faisal bin Farhan "
        "on Monday focused on Gaza.",
        {"Antony Blinken", "Faisal bin Farhan"},
        id="possessive-call-with",
    ),
    pytest.param(
        "U.S. Secretary of State Antony Blinken arrived in Beijing on Sunday.",
        {"Antony Blinken", "CHN"},
        id="visit-without-counterpart-meets-the-state",
    ),
    pytest.param(
        "Russian President Vladimir Putin is to visit North Korea next week.",
        {"Vladimir Putin", "PRK"},
        id="visit-to-a-country",
    ),
    pytest.param(
        "Secretary of State Antony Blinken met Chinese officials in Munich on Friday.",
        {"Antony Blinken", "CHN"},
        id="met-a-group",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPANTS)
def test_participants(text: str, expected: set[str]) -> None:
    """Participants come from the sentence's structure; a place is never one."""
    assert labels(only(text)) == expected


# ---------------------------------------------------------------------------
# Mode
# ---------------------------------------------------------------------------

MODES = [
    # phone
    pytest.param(
        "President Joe Biden spoke by phone with Chinese President Xi Jinping on Tuesday.",
        PHONE,
        id="phone-spoke-by-phone",
    ),
    pytest.param(
        "Russian President Vladimir Putin and French President Emmanuel Macron held a "
        "telephone conversation on Friday, the Kremlin said.",
        PHONE,
        id="phone-telephone-conversation",
    ),
    pytest.param(
        "Israeli Prime Minister Benjamin Netanyahu and Turkish Prime Minister Recep Tayyip "
        "Erdogan had just spoken by telephone.",
        PHONE,
        id="phone-had-spoken-by-telephone",
    ),
    pytest.param(
        "U.S. President Joe Biden met Chinese President Xi Jinping by video link on Monday.",
        PHONE,
        id="phone-met-by-video-link",
    ),
    pytest.param(
        "U.S. President Joe Biden called Chinese President Xi Jinping on Tuesday.",
        PHONE,
        id="phone-called-on-a-weekday",
    ),
    pytest.param(
        "Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol held "
        "a video call on Monday.",
        PHONE,
        id="phone-video-call",
    ),
    pytest.param(
        "German Chancellor Olaf Scholz phoned Russian President Vladimir Putin on Friday.",
        PHONE,
        id="phone-phoned",
    ),
    pytest.param(
        "Russian President Vladimir Putin and Chinese President Xi Jinping spoke by video link "
        "on Friday.",
        PHONE,
        id="phone-video-link",
    ),
    # visit
    pytest.param(
        "Secretary of State Antony Blinken arrived in Beijing on Sunday for talks with "
        "Chinese Foreign Minister Wang Yi.",
        VISIT,
        id="visit-arrived-in-for-talks",
    ),
    pytest.param(
        "Chinese President Xi Jinping hosted Brazilian President Luiz Inacio Lula da Silva "
        "in Beijing on Friday.",
        VISIT,
        id="visit-hosted",
    ),
    pytest.param(
        "Indian Prime Minister Narendra Modi visited Moscow on Monday for talks with Russian "
        "President Vladimir Putin.",
        VISIT,
        id="visit-visited",
    ),
    # third party
    pytest.param(
        "U.S. President Joe Biden and Russian President Vladimir Putin met in Geneva on Wednesday.",
        THIRD,
        id="third-party-met-in-geneva",
    ),
    pytest.param(
        "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev held "
        "talks in Brussels on Sunday.",
        THIRD,
        id="third-party-talks-in-brussels",
    ),
    pytest.param(
        "Turkish President Recep Tayyip Erdogan met Israeli Prime Minister Benjamin Netanyahu "
        "on the sidelines of the U.N. General Assembly on Tuesday.",
        THIRD,
        id="third-party-sidelines",
    ),
    # multilateral
    pytest.param(
        "French President Emmanuel Macron, German Chancellor Olaf Scholz and Italian Prime "
        "Minister Giorgia Meloni held a summit in Brussels on Thursday.",
        MULTI,
        id="multilateral-summit-of-three",
    ),
    pytest.param(
        "Ukrainian President Volodymyr Zelenskyy attended the NATO summit in Vilnius on Tuesday.",
        MULTI,
        id="multilateral-organisation-summit",
    ),
    # unspecified
    pytest.param(
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on Friday.",
        UNSPEC,
        id="unspecified-met",
    ),
    pytest.param(
        "Israeli and Palestinian negotiators held talks on Monday.",
        UNSPEC,
        id="unspecified-negotiators",
    ),
]


@pytest.mark.parametrize(("text", "mode"), MODES)
def test_mode(text: str, mode: MeetingMode) -> None:
    """A call is phone, travel to the other side a visit, neutral ground third party."""
    assert only(text).mode is mode


# ---------------------------------------------------------------------------
# Status
# ---------------------------------------------------------------------------

STATUSES = [
    # held
    pytest.param(
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on Monday.",
        HELD,
        id="held-met",
    ),
    pytest.param(
        "German Chancellor Olaf Scholz received Ukrainian President Volodymyr Zelenskyy in "
        "Berlin on Sunday.",
        HELD,
        id="held-received",
    ),
    # planned
    pytest.param(
        "Secretary of State Antony Blinken will meet Chinese Foreign Minister Wang Yi in "
        "Beijing next week.",
        PLANNED,
        id="planned-will-meet",
    ),
    pytest.param(
        "Treasury Secretary Janet Yellen is scheduled to visit China later this week.",
        PLANNED,
        id="planned-is-scheduled-to-visit",
    ),
    pytest.param(
        "Japanese Prime Minister Fumio Kishida is due to hold talks with President Joe Biden "
        "at the White House on Wednesday.",
        PLANNED,
        id="planned-is-due-to-hold-talks",
    ),
    pytest.param(
        "Russian President Vladimir Putin is expected to meet Chinese President Xi Jinping in "
        "Beijing next month.",
        PLANNED,
        id="planned-is-expected-to-meet",
    ),
    pytest.param(
        "Russian President Vladimir Putin is to visit North Korea next week.",
        PLANNED,
        id="planned-is-to-visit",
    ),
    # proposed
    pytest.param(
        "Ukrainian President Volodymyr Zelenskyy hopes to meet Chinese President Xi Jinping.",
        PROPOSED,
        id="proposed-hopes-to-meet",
    ),
    pytest.param(
        "Chinese President Xi Jinping invited Brazilian President Luiz Inacio Lula da Silva to "
        "visit Beijing.",
        PROPOSED,
        id="proposed-invited-to-visit",
    ),
    pytest.param(
        "Turkish President Recep Tayyip Erdogan offered to host talks between Russia and Ukraine.",
        PROPOSED,
        id="proposed-offered-to-host",
    ),
    pytest.param(
        "Ukrainian President Volodymyr Zelenskyy wants to meet Russian President Vladimir Putin.",
        PROPOSED,
        id="proposed-wants-to-meet",
    ),
    # cancelled
    pytest.param(
        "Secretary of State Antony Blinken postponed a visit to China after a Chinese balloon "
        "was spotted over Montana.",
        CANCELLED,
        id="cancelled-postponed-a-visit",
    ),
    pytest.param(
        "Russia called off talks with the United States on nuclear arms control.",
        CANCELLED,
        id="cancelled-called-off-talks",
    ),
    pytest.param(
        "Indian Prime Minister Narendra Modi cancelled a planned meeting with Pakistani Prime "
        "Minister Nawaz Sharif.",
        CANCELLED,
        id="cancelled-cancelled-a-meeting",
    ),
    pytest.param(
        "Turkey scrapped talks with Sweden on its bid to join NATO.",
        CANCELLED,
        id="cancelled-scrapped-talks",
    ),
    pytest.param(
        "Palestinian President Mahmud Abbas had been due to hold talks with Jordan's King "
        "Abdullah II on Sunday.",
        CANCELLED,
        id="cancelled-had-been-due-to",
    ),
    pytest.param(
        "Croatian Foreign Minister Mate Granic landed in Belgrade on Tuesday morning for talks "
        "with his Yugoslav counterpart Milan Milutinovic.",
        PLANNED,
        id="planned-a-trip-for-talks",
    ),
    pytest.param(
        "Croatian Foreign Minister Mate Granic landed in Belgrade on Tuesday morning for talks "
        "with his Yugoslav counterpart Milan Milutinovic. Granic and Milutinovic held talks "
        "for two hours.",
        HELD,
        id="held-the-talks-the-trip-was-for",
    ),
]


@pytest.mark.parametrize(("text", "status"), STATUSES)
def test_status(text: str, status: MeetingStatus) -> None:
    """Tense and modality give the status: held, planned, proposed or cancelled."""
    assert only(text).status is status


NEGATED = [
    pytest.param(
        "President Joe Biden did not meet Saudi Crown Prince Mohammed bin Salman during the trip.",
        id="did-not-meet",
    ),
    pytest.param(
        "Chinese President Xi Jinping has never met Ukrainian President Volodymyr Zelenskyy.",
        id="has-never-met",
    ),
    pytest.param(
        "Russian Foreign Minister Sergei Lavrov refused to meet his Ukrainian counterpart.",
        id="refused-to-meet",
    ),
]


@pytest.mark.parametrize("text", NEGATED)
def test_a_negated_meeting_is_not_held(text: str) -> None:
    """ "Did not meet" gives no held meeting."""
    assert [m for m in find_meetings(text, published=TUE) if m.status is HELD] == []


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

DATES = [
    # weekdays
    pytest.param(
        "President Joe Biden spoke by phone with Chinese President Xi Jinping on Tuesday.",
        TUE,
        ("2024-04-02", "2024-04-02"),
        id="past-weekday-is-the-publication-day",
    ),
    pytest.param(
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on Monday.",
        TUE,
        ("2024-04-01", "2024-04-01"),
        id="past-weekday-the-day-before",
    ),
    pytest.param(
        "Secretary of State Antony Blinken will meet Chinese Foreign Minister Wang Yi on Thursday.",
        MON,
        ("2024-04-04", "2024-04-04"),
        id="future-weekday-later-this-week",
    ),
    pytest.param(
        "Secretary of State Antony Blinken will meet Chinese Foreign Minister Wang Yi on Thursday.",
        THU,
        ("2024-04-04", "2024-04-04"),
        id="future-weekday-is-the-publication-day",
    ),
    # months, weeks, years
    pytest.param(
        "President Joe Biden and Chinese President Xi Jinping met in November.",
        TUE,
        ("2023-11-01", "2023-11-30"),
        id="past-month-is-last-year",
    ),
    pytest.param(
        "Treasury Secretary Janet Yellen will visit China later this week.",
        TUE,
        ("2024-04-03", "2024-04-07"),
        id="later-this-week",
    ),
    pytest.param(
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi last week.",
        TUE,
        ("2024-03-25", "2024-03-31"),
        id="last-week",
    ),
    pytest.param(
        "The talks are part of British Prime Minister Tony Blair's current visit to "
        "Washington, where he met President Bill Clinton.",
        TUE,
        ("2024-04-02", "2024-04-02"),
        id="current-visit-is-the-day-of-the-story",
    ),
    pytest.param(
        "Russian President Vladimir Putin will visit Beijing next month for talks with Chinese "
        "President Xi Jinping.",
        TUE,
        ("2024-05-01", "2024-05-31"),
        id="next-month",
    ),
    pytest.param(
        "President Joe Biden and Chinese President Xi Jinping last spoke by phone in July 2022.",
        TUE,
        ("2022-07-01", "2022-07-31"),
        id="month-and-year",
    ),
    pytest.param(
        "President Joe Biden and Chinese President Xi Jinping met in Woodside, California, "
        "on Nov. 15, 2023.",
        TUE,
        ("2023-11-15", "2023-11-15"),
        id="full-date",
    ),
    # no publication date: only dates with their own year
    pytest.param(
        "President Joe Biden spoke by phone with Chinese President Xi Jinping on Tuesday.",
        None,
        None,
        id="no-publication-weekday-is-unknown",
    ),
    pytest.param(
        "President Joe Biden and Chinese President Xi Jinping met in November.",
        None,
        None,
        id="no-publication-month-is-unknown",
    ),
    pytest.param(
        "President Joe Biden and Chinese President Xi Jinping last spoke by phone in July 2022.",
        None,
        ("2022-07-01", "2022-07-31"),
        id="no-publication-month-and-year",
    ),
    pytest.param(
        "President Joe Biden and Chinese President Xi Jinping met in Woodside, California, "
        "on Nov. 15, 2023.",
        None,
        ("2023-11-15", "2023-11-15"),
        id="no-publication-full-date",
    ),
    # no date at all
    pytest.param(
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing.",
        TUE,
        None,
        id="undated",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), DATES)
def test_date(text: str, published: dt.date | None, expected: tuple[str, str] | None) -> None:
    """Dates resolve against the publication date; without one, only dates with a year."""
    found = only(text, published).date
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found.start, found.end) == (day(expected[0]), day(expected[1]))


# ---------------------------------------------------------------------------
# Location and host
# ---------------------------------------------------------------------------

PLACES = [
    pytest.param(
        "Secretary of State Antony Blinken arrived in Beijing on Sunday for talks with "
        "Chinese Foreign Minister Wang Yi.",
        "Beijing",
        "CHN",
        "Wang Yi",
        id="arrived-in-host-is-the-counterpart",
    ),
    pytest.param(
        "Chinese President Xi Jinping hosted Brazilian President Luiz Inacio Lula da Silva "
        "in Beijing on Friday.",
        "Beijing",
        "CHN",
        "Xi Jinping",
        id="hosted-host-is-the-subject",
    ),
    pytest.param(
        "President Joe Biden hosted Japanese Prime Minister Fumio Kishida at the White House "
        "on Wednesday.",
        "White House",
        "USA",
        "Joe Biden",
        id="at-the-white-house",
    ),
    pytest.param(
        "Indian Prime Minister Narendra Modi visited Moscow on Monday for talks with Russian "
        "President Vladimir Putin.",
        "Moscow",
        "RUS",
        "Vladimir Putin",
        id="visited-host-is-the-home-side",
    ),
    pytest.param(
        "German Chancellor Olaf Scholz received Ukrainian President Volodymyr Zelenskyy in "
        "Berlin on Sunday.",
        "Berlin",
        "DEU",
        "Olaf Scholz",
        id="received",
    ),
    pytest.param(
        "U.S. President Joe Biden and Chinese President Xi Jinping met in Woodside, "
        "California, in November.",
        "Woodside",
        "USA",
        "Joe Biden",
        id="town-and-state-home-side-hosts",
    ),
    pytest.param(
        "Treasury Secretary Janet Yellen is scheduled to visit China later this week.",
        "China",
        "CHN",
        "CHN",
        id="visit-to-a-country-the-state-hosts",
    ),
    pytest.param(
        "U.S. President Joe Biden and Russian President Vladimir Putin met in Geneva on Wednesday.",
        "Geneva",
        "CHE",
        None,
        id="neutral-ground-has-no-host",
    ),
    pytest.param(
        "HANOI, Vietnam (AP) - U.S. Defense Secretary Mark Esper on Wednesday accused China of "
        "coercion in the South China Sea. He urged Vietnam to push back. The region is tense. "
        "Trade has grown fast. Esper met with several top Vietnamese government officials.",
        "Hanoi",
        "VNM",
        "VNM",
        id="a-visitor-meets-the-dateline-country-there",
    ),
]


@pytest.mark.parametrize(("text", "place", "country", "host"), PLACES)
def test_location_and_host(text: str, place: str, country: str, host: str | None) -> None:
    """The place and its country; a visit's host is the side at home."""
    m = only(text)
    assert m.location is not None
    assert place in m.location.name
    assert m.location.country == country
    assert (None if m.host is None else label(m.host)) == host


def test_a_home_leader_setting_out_is_not_placed_at_the_dateline() -> None:
    """A dateline's own leader travelling abroad does not meet at home."""
    m = only(
        "TOKYO, April 27 - Prime Minister Yasuhiro Nakasone sets out Wednesday on a mission "
        "abroad. Talks between President Reagan and Nakasone are scheduled for Thursday. "
        "Nakasone's visit could coincide with a vote on a trade bill.",
        dt.date(1987, 4, 27),
    )
    assert m.mode is VISIT
    assert m.host is not None
    assert label(m.host) == "Reagan"
    assert m.location is None


def test_a_call_has_no_location() -> None:
    """A phone call between capitals takes place nowhere."""
    m = only(
        "Speaking from Washington, President Joe Biden spoke by phone with Chinese President "
        "Xi Jinping in Beijing on Tuesday."
    )
    assert m.mode is PHONE
    assert m.location is None


# ---------------------------------------------------------------------------
# Duration and tone
# ---------------------------------------------------------------------------

DURATIONS = [
    pytest.param(
        "President Joe Biden and Chinese President Xi Jinping held an hour-and-45-minute call "
        "on Tuesday.",
        105,
        id="hour-and-45-minute-call",
    ),
    pytest.param(
        "Secretary of State Antony Blinken and Chinese Foreign Minister Wang Yi held two-hour "
        "talks in Beijing on Monday.",
        120,
        id="two-hour-talks",
    ),
    pytest.param(
        "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan held a "
        "55-minute phone call on Friday.",
        55,
        id="55-minute-call",
    ),
    pytest.param(
        "German Chancellor Olaf Scholz spoke by phone with Russian President Vladimir Putin for "
        "nearly an hour on Friday.",
        60,
        id="for-nearly-an-hour",
    ),
    pytest.param(
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on "
        "Monday. The talks lasted three hours.",
        180,
        id="lasted-in-next-sentence",
    ),
    pytest.param(
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on Monday.",
        None,
        id="no-length",
    ),
]


@pytest.mark.parametrize(("text", "minutes"), DURATIONS)
def test_duration(text: str, minutes: int | None) -> None:
    """A stated length becomes a timedelta; no length, no duration."""
    expected = None if minutes is None else dt.timedelta(minutes=minutes)
    assert only(text).duration == expected


TONES = [
    pytest.param(
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on Monday in "
        "talks both sides called candid and constructive.",
        ("candid", "constructive"),
        id="candid-and-constructive",
    ),
    pytest.param(
        "Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan held "
        "cordial and productive talks in Sochi on Monday.",
        ("cordial", "productive"),
        id="cordial-and-productive",
    ),
    pytest.param(
        "President Joe Biden spoke by phone with Chinese President Xi Jinping on Tuesday. "
        "The call was tense at times, officials said.",
        ("tense",),
        id="tense-in-next-sentence",
    ),
    pytest.param(
        "President Joe Biden and Chinese President Xi Jinping held talks on Tuesday that the "
        "White House described as candid and constructive.",
        ("candid", "constructive"),
        id="described-as",
    ),
    pytest.param(
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi on Monday.",
        (),
        id="no-tone",
    ),
]


@pytest.mark.parametrize(("text", "tone"), TONES)
def test_tone(text: str, tone: tuple[str, ...]) -> None:
    """The words the article uses to characterise the encounter, in order."""
    assert only(text).tone == tone


# ---------------------------------------------------------------------------
# One record per encounter
# ---------------------------------------------------------------------------


def test_one_call_told_in_three_sentences_is_one_meeting() -> None:
    """Sentences that speak again of one call merge into it, each as evidence."""
    text = (
        "President Joe Biden spoke by phone with Chinese President Xi Jinping on Tuesday. "
        "The call lasted an hour and 45 minutes. "
        "During the call, Biden raised concerns about Taiwan."
    )
    m = only(text)
    assert m.mode is PHONE
    assert labels(m) == {"Joe Biden", "Xi Jinping"}
    assert len(m.evidence) == 3
    assert [text[s.start : s.end] for s in m.evidence] == [s.text for s in m.evidence]
    assert m.duration == dt.timedelta(minutes=105)


def test_two_calls_of_different_dates_stay_apart() -> None:
    """The same two leaders' calls on different dates are two meetings."""
    text = (
        "President Joe Biden spoke by phone with Chinese President Xi Jinping on Tuesday. "
        "The two leaders last spoke by phone in July 2022."
    )
    found = find_meetings(text, published=TUE)
    assert len(found) == 2
    assert all(m.mode is PHONE and labels(m) == {"Joe Biden", "Xi Jinping"} for m in found)
    dates = sorted((m.date.start, m.date.end) for m in found if m.date is not None)
    assert dates == [(day("2022-07-01"), day("2022-07-31")), (TUE, TUE)]


def test_a_call_and_an_earlier_summit_stay_apart() -> None:
    """A call that refers back to a summit is a second encounter, not a merge."""
    text = (
        "President Joe Biden spoke by phone with Chinese President Xi Jinping on Tuesday, "
        "their first talks since they met in Woodside, California, in November."
    )
    found = find_meetings(text, published=TUE)
    modes = sorted(m.mode.value for m in found)
    assert len(found) == 2, modes
    call = next(m for m in found if m.mode is PHONE)
    summit = next(m for m in found if m.mode is not PHONE)
    assert call.date is not None
    assert call.date.start == TUE
    assert summit.location is not None
    assert "Woodside" in summit.location.name


def test_one_counterpart_a_day_makes_one_meeting_each() -> None:
    """A visit with talks on different days with different counterparts: one meeting each."""
    text = (
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing on "
        "Sunday and Chinese President Xi Jinping on Monday."
    )
    found = find_meetings(text, published=TUE)
    assert sorted(tuple(sorted(labels(m))) for m in found) == [
        ("Antony Blinken", "Wang Yi"),
        ("Antony Blinken", "Xi Jinping"),
    ]


def test_a_visit_and_its_talks_with_the_host_are_one_meeting() -> None:
    """A visit to a country is the visit of the talks held there: one record, with the
    counterpart, the visit's days and its place."""
    text = (
        "Australian Foreign Minister Alexander Downer arrived in Beijing on Thursday for a "
        "four-day visit. Downer was to meet Chinese Foreign Minister Qian Qichen and sign an "
        "agreement on an Australian consulate in Hong Kong."
    )
    m = only(text, THU)
    assert labels(m) == {"Alexander Downer", "Qian Qichen"}
    assert m.mode is VISIT
    assert m.status is PLANNED
    assert m.host is not None
    assert label(m.host) == "Qian Qichen"
    assert m.date is not None
    assert (m.date.start, m.date.end) == (THU, day("2024-04-07"))
    assert m.location is not None
    assert m.location.name == "Beijing"


def test_a_meeting_during_a_summit_takes_its_date_and_place() -> None:
    """Talks held during a gathering happen when and where it does."""
    text = (
        "Georgian President Mikhail Saakashvili expected to meet with Russian President "
        "Vladimir Putin during a planned summit of the Commonwealth of Independent States in "
        "Minsk later this month."
    )
    found = find_meetings(text, published=TUE)
    talks = next(m for m in found if labels(m) == {"Mikhail Saakashvili", "Vladimir Putin"})
    assert talks.date is not None
    assert (talks.date.start, talks.date.end) == (day("2024-04-03"), day("2024-04-30"))
    assert talks.location is not None
    assert talks.location.name == "Minsk"
    assert talks.mode is THIRD


def test_the_day_of_the_asking_does_not_date_the_meeting() -> None:
    """A date on the request or the report belongs to it, not to the encounter."""
    m = only(
        "Officials were positive about Kinkel's request on Wednesday that Russian security "
        "chief Alexander Lebed should meet Tim Goldiman, the OSCE representative.",
        THU,
    )
    assert m.date is None
    assert m.status is PROPOSED


def test_meeting_separately_is_one_meeting_each() -> None:
    """ "He and Arafat meet separately with Albright": two encounters, and "he" is the
    person of the sentence before; a plan told just before gives them its place."""
    text = (
        "Israeli Prime Minister Benjamin Netanyahu says gaps remain before next week's talks "
        "in London. He and Palestinian leader Yasser Arafat meet separately Monday with US "
        "Secretary of State Madeleine Albright."
    )
    found = find_meetings(text, published=THU)
    assert sorted(tuple(sorted(labels(m))) for m in found) == [
        ("Benjamin Netanyahu", "Madeleine Albright"),
        ("Madeleine Albright", "Yasser Arafat"),
    ]
    for m in found:
        assert m.status is PLANNED
        assert m.date is not None
        assert m.date.start == day("2024-04-08")
        assert m.location is not None
        assert m.location.name == "London"
        assert m.mode is THIRD


def test_a_later_mention_dates_the_encounters_it_repeats() -> None:
    """ "The meetings, which end today" dates every meeting just told."""
    text = (
        "After a day of meetings with Vice President George Bush and Secretary of State "
        "George Shultz, Canadian Foreign Secretary Joe Clark spoke to reporters. The meetings, "
        "which end today, are routine."
    )
    found = find_meetings(text, published=TUE)
    assert sorted(tuple(sorted(labels(m))) for m in found) == [
        ("George Bush", "Joe Clark"),
        ("George Shultz", "Joe Clark"),
    ]
    for m in found:
        assert m.date is not None
        assert m.date.start == TUE


def test_an_earlier_encounter_does_not_date_the_one_told() -> None:
    """ "the earlier summit in Geneva in November 1985" is another summit."""
    text = (
        "President Reagan agreed upon the formula with Soviet leader Mikhail Gorbachev at "
        "their summit meeting in Reykjavik, Iceland. The offer was consistent with the Soviet "
        "position at the earlier summit in Geneva in November 1985."
    )
    found = find_meetings(text, published=None)
    reykjavik = next(m for m in found if m.location and "Reykjavik" in m.location.name)
    assert reykjavik.date is None


def test_should_hedges_the_verb_after_it_not_a_later_one() -> None:
    """ "whether Perry should resign ..., met Saudi officials": the meeting was held."""
    m = only(
        "U.S. Senator Arlen Specter, who has asked whether Defence Secretary William Perry "
        "should resign, met Saudi officials on Monday during a brief visit to the kingdom.",
        TUE,
    )
    assert m.status is HELD


def test_a_plan_later_the_same_day_is_where_the_visitor_is() -> None:
    """ "He's expected to meet Aziz later this afternoon": in Baghdad, today; "he" is
    the subject of the sentence before."""
    text = (
        "U.N. Secretary-General Kofi Annan wrapped up a three hour meeting with Iraqi "
        "President Saddam Hussein in Baghdad today. He's expected to meet with Iraqi Deputy "
        "Prime Minister Tariq Aziz later this afternoon."
    )
    found = find_meetings(text, published=TUE)
    aziz = next(m for m in found if "Tariq Aziz" in labels(m))
    assert labels(aziz) == {"Kofi Annan", "Tariq Aziz"}
    assert aziz.status is PLANNED
    assert aziz.date is not None
    assert aziz.date.start == TUE
    assert aziz.location is not None
    assert aziz.location.name == "Baghdad"
    assert aziz.mode is VISIT


def test_a_postponed_visit_keeps_the_day_it_was_due() -> None:
    """A visit "scheduled for Sunday" and postponed on Saturday was due the next day;
    the talks it was for are the same encounter, not the trip planned after it."""
    text = (
        "Palestinian President Mahmud Abbas has postponed a visit to Jordan that had been "
        "scheduled for Sunday. His spokesman said Abbas planned to travel to Jordan on Monday. "
        "Abbas had been due to hold talks with Jordan's King Abdullah II."
    )
    found = find_meetings(text, published=day("2006-12-23"))
    cancelled = [m for m in found if m.status is CANCELLED]
    assert len(cancelled) == 1
    assert labels(cancelled[0]) == {"Mahmud Abbas", "Abdullah II"}
    assert cancelled[0].date is not None
    assert cancelled[0].date.start == day("2006-12-24")


def test_the_day_of_the_telling_does_not_date_what_was_told() -> None:
    """ "On Oct. 29, an official told Xinhua that Meshaal would visit Egypt soon"."""
    m = only(
        "On Oct. 29, a senior Egyptian official told Xinhua that Hamas leader Khaled Meshaal "
        "would visit Egypt soon.",
        day("2006-11-22"),
    )
    assert m.status is PLANNED
    assert m.date is None


def test_a_visit_to_a_capital_named_by_its_country() -> None:
    """ "arrived in the Egyptian capital of Cairo": the talks there are in Cairo, not
    in the place of the matter they are about."""
    text = (
        "Hamas leader Khaled Meshaal arrived in the Egyptian capital of Cairo on Wednesday "
        "night on a surprise visit, Egypt's official news agency reported. Meshaal would hold "
        "talks with senior Egyptian officials on the latest developments in the Palestinian "
        "territories."
    )
    m = only(text, day("2006-11-22"))
    assert m.location is not None
    assert m.location.name == "Cairo"
    assert m.mode is VISIT


def test_talks_at_a_city_refine_a_visit_to_its_country() -> None:
    """ "the first treasury secretary to visit Vietnam ... Monday's talks with Vo Van
    Kiet in Hanoi": the talks were in Hanoi."""
    m = only(
        "Robert Rubin, the first US treasury secretary to visit Vietnam, said the meeting was "
        "similar to Monday's talks with Prime Minister Vo Van Kiet in Hanoi.",
        day("1997-04-08"),
    )
    assert m.location is not None
    assert m.location.name == "Hanoi"


def test_a_visits_city_is_the_place_of_its_talks() -> None:
    """A visit to a city and the talks there with the host's people are one record,
    placed in the city rather than the country."""
    text = (
        "Australian Foreign Minister Alexander Downer arrived in Beijing on Thursday for a "
        "four-day visit. Downer was to hold talks with Chinese Foreign Minister Qian Qichen in "
        "China."
    )
    m = only(text, THU)
    assert m.location is not None
    assert m.location.name == "Beijing"


def test_a_visit_long_ago_stays_apart_from_todays_talks() -> None:
    """A visit of another year is not the visit of this week's talks."""
    text = (
        "Iraqi President Saddam Hussein met visiting Russian politician Vladimir Zhirinovsky "
        "on Tuesday. Zhirinovsky visited Iraq twice in 1995."
    )
    found = find_meetings(text, published=THU)
    assert len(found) == 2


def test_a_trip_to_two_countries_is_one_visit_each() -> None:
    """A trip to two countries is an encounter with each of them."""
    text = "U.S. Secretary of State Antony Blinken will travel to Israel and Jordan next week."
    found = find_meetings(text, published=TUE)
    assert sorted(tuple(sorted(labels(m))) for m in found) == [
        ("Antony Blinken", "ISR"),
        ("Antony Blinken", "JOR"),
    ]
    assert all(m.mode is VISIT and m.status is PLANNED for m in found)


# ---------------------------------------------------------------------------
# Not meetings
# ---------------------------------------------------------------------------

NOT_MEETINGS = [
    pytest.param(
        "Chinese Foreign Ministry spokesperson Wang Wenbin told a regular press conference in "
        "Beijing on Monday that China opposed the sanctions.",
        id="press-conference",
    ),
    pytest.param(
        "Secretary of State Antony Blinken told reporters in Tokyo that the alliance with "
        "Japan was stronger than ever.",
        id="told-reporters",
    ),
    pytest.param(
        "Ukrainian President Volodymyr Zelenskyy called for more air defense systems from "
        "Western allies.",
        id="called-for",
    ),
    pytest.param(
        "U.S. President Joe Biden called on Chinese President Xi Jinping on Tuesday to release "
        "the detained journalists.",
        id="called-on-someone-to-act",
    ),
    pytest.param(
        "Clashes followed Palestinian President Mahmud Abbas's call last weekend for early "
        "elections.",
        id="a-call-for-something",
    ),
    pytest.param(
        "Russian President Vladimir Putin met Russian Defence Minister Sergei Shoigu in the "
        "Kremlin on Monday to discuss the offensive.",
        id="inside-one-government",
    ),
    pytest.param(
        "WASHINGTON (Reuters) - President Joe Biden met Secretary of State Antony Blinken and "
        "other advisers at the White House on Sunday.",
        id="inside-one-government-by-dateline",
    ),
    pytest.param(
        "Chinese President Xi Jinping gave an interview to state television on Sunday.",
        id="interview",
    ),
    pytest.param(
        "Japanese Prime Minister Fumio Kishida delivered a speech to the U.S. Congress on "
        "Thursday.",
        id="speech-to-congress",
    ),
    pytest.param(
        "The foreign ministers of France and Germany called on Iran to free the detainees.",
        id="called-on",
    ),
    pytest.param(
        "U.S. Defense Secretary Lloyd Austin visited U.S. troops stationed in Poland on Friday.",
        id="visiting-troops",
    ),
]


@pytest.mark.parametrize("text", NOT_MEETINGS)
def test_not_meetings(text: str) -> None:
    """Press conferences, interviews, speeches, appeals and domestic meetings are no encounters."""
    assert find_meetings(text, published=TUE) == ()


# ---------------------------------------------------------------------------
# Spans
# ---------------------------------------------------------------------------

ALL_TEXTS = [
    p.values[0] for p in [*PARTICIPANTS, *MODES, *STATUSES, *DATES, *PLACES, *DURATIONS, *TONES]
]


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_every_meeting_span_is_exact(text: str) -> None:
    """Evidence, date and location spans are ``text[start:end]``."""
    for m in find_meetings(text, published=TUE):
        assert m.evidence
        spans = list(m.evidence)
        if m.date is not None and m.date.span is not None:
            spans.append(m.date.span)
        if m.location is not None and m.location.span is not None:
            spans.append(m.location.span)
        for s in spans:
            assert text[s.start : s.end] == s.text


# ---------------------------------------------------------------------------
# The sentence prefilter
# ---------------------------------------------------------------------------


def test_every_trigger_has_a_key_word() -> None:
    """Each trigger phrase holds a word of ``keys``, and its second word is among the
    ``seconds`` of its first: the sentences and words skipped hold no trigger."""
    from diplotext._gazetteer import Gazetteer
    from diplotext._meeting_words import vocabulary
    from diplotext._tokens import tokenize_phrase

    g = Gazetteer.default()
    voc = vocabulary(g)
    words = g.meeting_words
    phrases = [
        w
        for section in ("phone", "visit", "meet", "multilateral")
        for pos in ("verbs", "nouns")
        for w in words.get(section, {}).get(pos, ())
    ]
    phone = words["phone"]
    phrases += [f"{s} {m}" for s in phone["speech"] for m in phone["means"]]
    for phrase in phrases:
        key = tokenize_phrase(phrase.lower())
        assert voc.keys.intersection(key), phrase
        # a word that begins only longer triggers is looked up before the words it may precede
        if key[0] in voc.seconds:
            assert len(key) > 1, phrase
            assert key[1] in voc.seconds[key[0]], phrase


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Chinese President Xi Jinping will go to Washington next week.", id="go-to"),
        pytest.param(
            "French President Emmanuel Macron sat down with German Chancellor Olaf Scholz.",
            id="sat-down-with",
        ),
        pytest.param("Blinken arrived in Beijing on Monday.", id="first-word-key"),
        pytest.param("Macron and Scholz held a phone call on Monday.", id="alone-word-key"),
    ],
)
def test_a_sentence_with_a_many_word_trigger_is_read(text: str) -> None:
    """A trigger of several words is found whichever of its words keys the sentence."""
    assert find_meetings(text, published=TUE)


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("newspapers said ", True),
        ("in an announcement ", True),
        ("Kinkel's request ", True),
        ("the minister told Reuters ", True),
        ("they will meet ", False),
        ("the talks ended ", False),
    ],
)
def test_of_reporting_quick_test_agrees_with_the_pattern(before: str, expected: bool) -> None:
    """The quick test of words before a date never rules out what the pattern finds."""
    from diplotext._participants import _REPORTING, _of_reporting

    text = f"{before}on Thursday"
    start = len(before)
    assert _of_reporting(text, start) is expected
    assert (_REPORTING.search(text[max(0, start - 24) : start]) is not None) is expected
