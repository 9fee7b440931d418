"""The issues stage: topic cues, named subjects, stance, raisers and merging."""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Sequence
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplotext._gazetteer import Country, Gazetteer, Subject, Topic
from diplotext._issues import IssueMention, _nearest, find_issue_mentions, merge_issues
from diplotext._model import PLOVER_CONTEXTS, Actor, ActorKind, Issue, Span, Stance
from diplotext._text import split_sentences


def _read(name: str) -> dict[str, Any]:
    data = resources.files("diplotext").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(data)


def _topics() -> tuple[Topic, ...]:
    # Keyword dicts: mypy reads the attrs converter=tuple fields as an unbound Iterable.
    topics = []
    for key, entry in _read("topics.toml").items():
        subjects = [Subject(s["name"], s.get("aliases", ())) for s in entry.get("subjects", ())]
        fields: dict[str, Any] = {"cues": entry.get("cues", ()), "subjects": subjects}
        topics.append(Topic(key, **fields))
    return tuple(topics)


def _make_gazetteer(**fields: Any) -> Gazetteer:
    return Gazetteer(**{"countries": (), "places": (), "organizations": (), **fields})


@functools.cache
def _gazetteer() -> Gazetteer:
    """The bundled topics and stance words, with two countries for sanctions targets."""
    countries = (
        Country("IRQ", "Iraq", adjectives=("Iraqi",), capital="Baghdad"),
        Country("ZAF", "South Africa", adjectives=("South African",), capital="Pretoria"),
    )
    return _make_gazetteer(countries=countries, topics=_topics(), stance_words=_read("stance.toml"))


def _mentions(
    text: str, actors: Sequence[Actor] = (), agenda: frozenset[int] = frozenset()
) -> tuple[IssueMention, ...]:
    return find_issue_mentions(
        text, split_sentences(text), actors, _gazetteer(), agenda_sentences=agenda
    )


def _issues(
    text: str, actors: Sequence[Actor] = (), agenda: frozenset[int] = frozenset()
) -> tuple[Issue, ...]:
    return merge_issues(_mentions(text, actors, agenda), actors)


def _found(text: str) -> set[tuple[str, str | None]]:
    return {(i.topic, i.subject) for i in _issues(text)}


def _actor(text: str, ident: str, kind: ActorKind, name: str, *words: str) -> Actor:
    """An actor whose mentions are every occurrence of ``words`` in ``text``."""
    spans = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            spans.append(Span(at, at + len(word), word))
            at = text.find(word, at + 1)
    return Actor(
        id=ident, kind=kind, name=name, mentions=tuple(sorted(spans, key=lambda s: s.start))
    )


# --- the data files -------------------------------------------------------------


def test_topics_are_the_vocabulary() -> None:
    """topics.toml has exactly the 20 topic keys of the design contract."""
    assert {t.key for t in _topics()} == set(PLOVER_CONTEXTS)


def test_aliases_are_unique_within_a_topic() -> None:
    """No phrase is listed twice in one topic, as a cue or as an alias."""
    for topic in _topics():
        phrases = [*topic.cues, *(a for s in topic.subjects for a in s.aliases)]
        assert len(phrases) == len(set(phrases)), topic.key


def test_stance_lists_are_disjoint() -> None:
    """No word is both a concern word and a cooperation word."""
    words = _read("stance.toml")
    assert not {w.lower() for w in words["concern"]} & {w.lower() for w in words["cooperation"]}


def test_patterns_are_built_once_per_gazetteer() -> None:
    """The compiled patterns are kept on the gazetteer, not rebuilt per call."""
    gazetteer = _make_gazetteer(topics=_topics())
    text = "The two sides discussed tariffs."
    find_issue_mentions(text, split_sentences(text), (), gazetteer)
    first = gazetteer.cached("issues", lambda g: None)
    find_issue_mentions(text, split_sentences(text), (), gazetteer)
    assert gazetteer.cached("issues", lambda g: None) is first is not None


# --- cues: one generic signal per topic, in an agenda sentence -------------------------

# fmt: off
CUES = [
    pytest.param("The two ministers discussed the war and the prospects for an end to the fighting.", "armed_conflict", id="armed-conflict-war"),
    pytest.param("They agreed to resume talks on arms control and non-proliferation.", "nuclear_weapons", id="nuclear-arms-control"),
    pytest.param("The envoy raised the question of sovereignty over the disputed islands.", "territorial_dispute", id="territorial-sovereignty"),
    pytest.param("The defence chiefs pledged to restore military-to-military communications.", "military_relations", id="military-mil-to-mil"),
    pytest.param("The leaders agreed to step up counterterrorism cooperation.", "terrorism", id="terrorism-counterterrorism"),
    pytest.param("The secretary raised concerns about unfair trade practices.", "trade", id="trade-practices"),
    pytest.param("The talks focused on investment and economic growth.", "economy", id="economy-investment"),
    pytest.param("The minister urged his counterpart to lift the sanctions.", "sanctions", id="sanctions-lift"),
    pytest.param("They discussed energy security and a new pipeline.", "energy", id="energy-pipeline"),
    pytest.param("The two sides pledged to cooperate on climate change.", "climate", id="climate-change"),
    pytest.param("The presidents discussed cooperation on public health and pandemic preparedness.", "health", id="health-pandemic"),
    pytest.param("The leaders discussed migration and the plight of refugees.", "migration", id="migration-refugees"),
    pytest.param("The senator raised human rights with his hosts.", "human_rights", id="human-rights"),
    pytest.param("The officials agreed to expand counter-narcotics cooperation.", "narcotics", id="narcotics-hyphenated"),
    pytest.param("Talks also touched on technology and the digital economy.", "technology", id="technology-digital-economy"),
    pytest.param("The minister warned about cyberattacks on government networks.", "cybersecurity", id="cyber-attacks"),
    pytest.param("Officials raised concerns about foreign interference in next year's election.", "election_interference", id="election-wildcard"),
    pytest.param("They discussed humanitarian aid for civilians caught in the fighting.", "humanitarian", id="humanitarian-aid"),
    pytest.param("The two sides agreed to improve bilateral relations.", "diplomatic_relations", id="diplomatic-relations"),
    pytest.param("The agenda covers boosting bilateral cooperation in all fields.", "diplomatic_relations", id="diplomatic-bilateral-cooperation"),
    pytest.param("The kingdom has sought to maintain close cooperation with its neighbours, officials said.", "diplomatic_relations", id="diplomatic-close-cooperation-with"),
    pytest.param("The foreign minister raised the case of citizens detained abroad.", "detainees", id="detainees-detained"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "topic"), CUES)
def test_cue_gives_topic_without_subject(sentence: str, topic: str) -> None:
    """A generic cue in an agenda sentence gives its topic with no subject."""
    assert (topic, None) in _found(sentence)


# --- specific matters: a concrete instrument, commodity, process... is the subject ---------

# fmt: off
SPECIFIC = [
    pytest.param("The ministers discussed the peace talks.", "armed_conflict", "peace process", id="peace-talks"),
    pytest.param("They agreed to respect the truce.", "armed_conflict", "ceasefire", id="truce-is-ceasefire"),
    pytest.param("The envoy urged an end to weapons deliveries to the rebels.", "armed_conflict", "military aid", id="weapons-deliveries"),
    pytest.param("Mr. Gore called on Israel to keep taking risks for peace.", "armed_conflict", "peace process", id="risks-for-peace"),
    pytest.param("The talks covered UN weapons inspections.", "nuclear_weapons", "weapons inspections", id="inspections"),
    pytest.param("The two sides discussed border demarcation.", "territorial_dispute", "border", id="border-demarcation"),
    pytest.param("The envoys agreed to settle the boundary dispute.", "territorial_dispute", "border", id="boundary-dispute"),
    pytest.param("They discussed a security pact between the two allies.", "military_relations", "security pact", id="security-pact"),
    pytest.param("The ministers discussed joint naval exercises.", "military_relations", "military exercises", id="naval-exercises"),
    pytest.param("The secretary raised concerns about tariffs and unfair trade practices.", "trade", "tariffs", id="tariffs"),
    pytest.param("The two sides discussed import duties on steel.", "trade", "tariffs", id="import-duties-are-tariffs"),
    pytest.param("Washington raised export curbs on chipmaking tools.", "trade", "export controls", id="export-curbs"),
    pytest.param("They discussed the bilateral trade surplus.", "trade", "trade imbalance", id="trade-surplus"),
    pytest.param("The talks covered market access for foreign banks.", "trade", "market access", id="market-access"),
    pytest.param("The talks focused on foreign investment and the country's mounting debt.", "economy", "foreign investment", id="foreign-investment"),
    pytest.param("The talks focused on foreign investment and the country's mounting debt.", "economy", "debt", id="debt"),
    pytest.param("They discussed energy security and a new gas pipeline.", "energy", "natural gas", id="gas-pipeline"),
    pytest.param("The two sides agreed to cooperate on power development.", "energy", "electric power", id="power-development"),
    pytest.param("The envoys discussed the dam project on the shared river.", "energy", "water resources", id="dam"),
    pytest.param("The leaders discussed cutting carbon emissions.", "climate", "emissions", id="emissions"),
    pytest.param("They agreed to cooperate in health and sanitation.", "health", "sanitation", id="sanitation"),
    pytest.param("The leaders discussed the flow of asylum seekers across the border.", "migration", "asylum", id="asylum"),
    pytest.param("The minister protested the deportation of its citizens.", "migration", "deportation", id="deportation"),
    pytest.param("The senator raised press freedom with his hosts.", "human_rights", "press freedom", id="press-freedom"),
    pytest.param("They had a brief conversation about democracy.", "human_rights", "democracy", id="democracy"),
    pytest.param("Talks also touched on data security.", "technology", "data security", id="data-security"),
    pytest.param("The two countries agreed to cooperate in telecommunications and information networks.", "technology", "telecommunications", id="telecommunications"),
    pytest.param("The foreign minister raised the case of citizens detained on spying charges.", "detainees", "espionage charges", id="spying-charges"),
    pytest.param("The two sides discussed a prisoner swap.", "detainees", "prisoner exchange", id="prisoner-swap"),
    pytest.param("They discussed the opening of a consulate in the port city.", "diplomatic_relations", "consulate", id="consulate"),
    pytest.param("The treaty provides for the establishment of diplomatic relations.", "diplomatic_relations", "normalization", id="establish-relations"),
    pytest.param("Activists urged the government to cut all diplomatic and economic ties with the regime.", "diplomatic_relations", "severing diplomatic ties", id="cut-ties"),
    pytest.param("Beijing protested the planned meeting with the Dalai Lama.", "diplomatic_relations", "Dalai Lama", id="dalai-lama"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "topic", "subject"), SPECIFIC)
def test_specific_matter_is_the_subject(sentence: str, topic: str, subject: str) -> None:
    """A cue that names a specific matter gives it as subject, near-synonyms as one."""
    assert (topic, subject) in _found(sentence)


# fmt: off
TOPIC_WORDS = [
    pytest.param("The two sides discussed trade and economic cooperation.", {("trade", None), ("economy", None)}, id="trade-economy"),
    pytest.param("They pledged to fight climate change and protect human rights.", {("climate", None), ("human_rights", None)}, id="climate-rights"),
    pytest.param("The ministers agreed to improve relations.", {("diplomatic_relations", None)}, id="relations"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), TOPIC_WORDS)
def test_topic_words_keep_no_subject(sentence: str, expected: set[tuple[str, None]]) -> None:
    """Topic words name no specific matter: their issues have no subject."""
    assert _found(sentence) == expected


def test_one_matter_is_one_issue() -> None:
    """Near-synonyms of one matter in an article give one issue."""
    text = (
        "The ministers discussed the peace talks.\n\n"
        "They also discussed the peace process and a future peace agreement."
    )
    [issue] = _issues(text)
    assert (issue.topic, issue.subject) == ("armed_conflict", "peace process")
    assert [s.text for s in issue.evidence] == ["peace talks", "peace process", "peace agreement"]


def test_generic_cue_refers_to_the_specific_matter() -> None:
    """A topic word refers to the specific matter the article names, outside its sentence."""
    text = "The two sides discussed tariffs.\n\nThey also discussed trade at length."
    assert _found(text) == {("trade", "tariffs")}


def test_specific_matter_told_with_a_name_is_part_of_it() -> None:
    """In an absorbing topic a matter told with a name belongs to it, everywhere after."""
    text = (
        "The ministers discussed the ceasefire in Chechnya.\n\n"
        "They also discussed how to keep the ceasefire."
    )
    [issue] = _issues(text)
    assert (issue.topic, issue.subject) == ("armed_conflict", "Chechnya")
    assert [s.text for s in issue.evidence] == ["Chechnya", "ceasefire"]


def test_matter_inside_a_target_phrase_is_part_of_the_target() -> None:
    """A later "arms embargo" is Iraq's after "the arms embargo against Iraq"."""
    text = (
        "They discussed the arms embargo against Iraq.\n\n"
        "The ministers also discussed lifting the arms embargo."
    )
    assert _found(text) == {("sanctions", "Iraq")}


def test_specific_matter_never_told_with_a_name_stays() -> None:
    """A specific matter that the article never ties to a name is an issue of its own."""
    text = (
        "The leaders discussed the war in Ukraine.\n\n"
        "They also discussed air defense for the region."
    )
    found = _found(text)
    assert {("armed_conflict", "Ukraine"), ("armed_conflict", "air defense")} <= found


def test_names_stand_beside_matters_in_other_topics() -> None:
    """In a topic that is not absorbing, a name and a specific matter are two issues."""
    assert _found("The ministers discussed tariffs and the WTO.") == {
        ("trade", "tariffs"),
        ("trade", "WTO"),
    }


def test_relations_stay_beside_a_specific_diplomatic_matter() -> None:
    """Relations as a whole are an issue beside a specific diplomatic matter."""
    text = "Relations have been strained since the closure of the embassy."
    assert _found(text) == {("diplomatic_relations", None), ("diplomatic_relations", "embassy")}


# fmt: off
INFLECTIONS = [
    pytest.param("The two sides discussed the tariff.", "trade", id="singular"),
    pytest.param("They discussed energy supplies for the coming winter.", "energy", id="plural-ies"),
    pytest.param("They discussed a string of cyber-attacks.", "cybersecurity", id="hyphen-plural"),
    pytest.param("THE TWO SIDES DISCUSSED TARIFFS.", "trade", id="headline-capitals"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "topic"), INFLECTIONS)
def test_cue_inflection_and_case(sentence: str, topic: str) -> None:
    """Cues match in any case and with simple inflection of the last word."""
    assert topic in {t for t, _ in _found(sentence)}


# --- named subjects -------------------------------------------------------------------

# fmt: off
SUBJECTS = [
    pytest.param("Beijing warned Washington over its arms sales to Taiwan.", "territorial_dispute", "Taiwan", id="taiwan"),
    pytest.param("He called for peace and stability across the Taiwan Strait.", "territorial_dispute", "Taiwan", id="taiwan-strait"),
    pytest.param("The presidents reaffirmed their commitment to the one-China policy.", "territorial_dispute", "Taiwan", id="one-china"),
    pytest.param("Manila protested the coast guard's manoeuvres in the South China Sea.", "territorial_dispute", "South China Sea", id="south-china-sea"),
    pytest.param("The talks covered the war in Ukraine.", "armed_conflict", "Ukraine", id="war-in-ukraine"),
    pytest.param("China has not condemned Russia's invasion of Ukraine.", "armed_conflict", "Ukraine", id="invasion-of-ukraine"),
    pytest.param("Topics included the ongoing wars in Gaza and Ukraine.", "armed_conflict", "Gaza", id="wars-in-gaza-and"),
    pytest.param("Topics included the ongoing wars in Gaza and Ukraine.", "armed_conflict", "Ukraine", id="and-ukraine"),
    pytest.param("The envoys discussed North Korea's nuclear and missile programmes.", "nuclear_weapons", "North Korea", id="north-korea-nuclear"),
    pytest.param("Both sides said Iran must never obtain a nuclear weapon.", "nuclear_weapons", "Iran", id="iran-nuclear"),
    pytest.param("The two leaders signed the INF treaty at the White House.", "nuclear_weapons", "INF", id="inf-treaty"),
    pytest.param("Officials agreed to curb the flow of fentanyl precursors.", "narcotics", "fentanyl", id="fentanyl"),
    pytest.param("The president also expressed concern about TikTok.", "technology", "TikTok", id="tiktok"),
    pytest.param("They agreed to set up a dialogue on AI safety.", "technology", "artificial intelligence", id="ai-capitals"),
    pytest.param("Washington pressed its allies to curb exports of advanced semiconductors.", "technology", "semiconductors", id="semiconductors"),
    pytest.param("He voiced grave concern about efforts to hack critical infrastructure.", "cybersecurity", "critical infrastructure", id="critical-infrastructure-hack"),
    pytest.param("The ministers reaffirmed their support for the Paris agreement.", "climate", "Paris agreement", id="paris-lower-case"),
    pytest.param("Kyiv renewed its bid to join NATO.", "military_relations", "NATO", id="join-nato"),
    pytest.param("The two sides discussed natural gas deliveries and unpaid bills.", "energy", "natural gas", id="natural-gas"),
    pytest.param("The two countries signed a protocol on the AIDS vaccine.", "health", "AIDS", id="aids-capitals"),
    pytest.param("Negotiators hope to seal a \"phase one\" trade deal by December.", "trade", "phase one trade deal", id="quoted-phrase"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "topic", "subject"), SUBJECTS)
def test_subject_is_named(sentence: str, topic: str, subject: str) -> None:
    """A named matter gives its topic and subject."""
    assert (topic, subject) in _found(sentence)


# fmt: off
SANCTION_TARGETS = [
    pytest.param("The minister urged an end to the arms embargo against Iraq.", "Iraq", id="embargo-against"),
    pytest.param("Canada weighed further sanctions against the South African government.", "South Africa", id="adjective"),
    pytest.param("He called for lifting U.N. trade sanctions on Iraq.", "Iraq", id="sanctions-on"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "subject"), SANCTION_TARGETS)
def test_sanctions_subject_is_the_target_state(sentence: str, subject: str) -> None:
    """Sanctions "against" or "on" a state have that state as subject."""
    assert ("sanctions", subject) in _found(sentence)


def test_sanctions_target_from_a_state_actor() -> None:
    """A state actor's mention after "sanctions on" names the target."""
    text = "The envoy discussed sanctions on Pyongyang with his hosts."
    actor = _actor(text, "A1", ActorKind.STATE, "North Korea", "Pyongyang")
    assert ("sanctions", "North Korea") in {(i.topic, i.subject) for i in _issues(text, [actor])}


def test_sanctions_on_an_unknown_name_is_a_generic_cue() -> None:
    """An unknown name after "sanctions on" leaves the generic sanctions cue."""
    assert ("sanctions", None) in _found("They discussed sanctions on Monday and Tuesday.")


def test_generic_cue_in_a_subject_sentence_is_its_context() -> None:
    """A cue next to a subject of its topic is no issue of its own."""
    found = _found("Topics of discussion included the ongoing wars in Gaza and Ukraine.")
    assert ("armed_conflict", None) not in found


def test_generic_cue_refers_to_the_subject_before_it() -> None:
    """Elsewhere a generic cue joins the subject of its topic named before it."""
    text = (
        "The leaders discussed the war in Ukraine.\n\n"
        "Biden also raised the war with his counterpart, officials said."
    )
    [issue] = [i for i in _issues(text) if i.topic == "armed_conflict"]
    assert issue.subject == "Ukraine"
    assert [s.text for s in issue.evidence] == ["war in Ukraine", "war"]


def test_standalone_topic_keeps_its_generic_cue() -> None:
    """Relations as a whole stay an issue beside a named diplomatic matter."""
    text = "Relations have been strained since the prime minister visited the Yasukuni Shrine."
    found = _found(text)
    assert {("diplomatic_relations", None), ("diplomatic_relations", "Yasukuni Shrine")} <= found


# --- what is not an issue ------------------------------------------------------------

# fmt: off
NEGATIVES = [
    pytest.param("KYIV, Ukraine (AP) — The foreign minister met his Polish counterpart on Monday.", "armed_conflict", id="dateline-kyiv"),
    pytest.param("Ukraine's foreign minister arrived in Warsaw on Monday for a two-day visit.", "armed_conflict", id="country-name-alone"),
    pytest.param("North Korea's foreign minister flew to Moscow on Tuesday.", "nuclear_weapons", id="north-korea-no-nuclear"),
    pytest.param("The ruling party's war chest has grown since the spring.", "armed_conflict", id="cue-not-agenda"),
    pytest.param("India produces about 800,000 barrels of oil per day, industry figures show.", "energy", id="commodity-in-background"),
    pytest.param("Tariffs on steel have risen by a third since 2018, customs data show.", "trade", id="background-statistic"),
    pytest.param("U.S. Trade Representative Katherine Tai met the minister on Friday.", "trade", id="trade-in-a-title"),
    pytest.param("The two sides discussed the legacy of the Cold War.", "armed_conflict", id="cold-war"),
    pytest.param("The minister stressed the need to improve the business climate.", "climate", id="business-climate"),
    pytest.param("Russian strikes on critical infrastructure were discussed at length.", "cybersecurity", id="infrastructure-no-hacking"),
    pytest.param("He was accompanied by the ambassador and an official of the embassy, who discussed the visit.", "diplomatic_relations", id="embassy-as-source"),
    pytest.param("The president arrived in refugee-flooded Jordan for talks with the king.", "migration", id="descriptive-refugee-flooded"),
    pytest.param("The envoy held talks in war-torn Sudan on Monday.", "armed_conflict", id="descriptive-war-torn"),
    pytest.param("The minister thanked his hosts in recognition of their support for the talks.", "diplomatic_relations", id="in-recognition-of"),
    pytest.param("They discussed membership as an assurance of security and recognition of their place in Europe.", "diplomatic_relations", id="recognition-without-context"),
    pytest.param("The senator flew into the air base on Tuesday after meeting the general.", "military_relations", id="base-as-a-place"),
    pytest.param("The leaders of the industrial democracies discussed the dollar.", "human_rights", id="democracies-are-states"),
    pytest.param("They discussed the naval blockade of the port.", "sanctions", id="naval-blockade"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "topic"), NEGATIVES)
def test_not_an_issue(sentence: str, topic: str) -> None:
    """Background, titles, datelines and names without their context give no issue."""
    assert topic not in {t for t, _ in _found(sentence)}


def test_cue_continues_an_agenda_sentence() -> None:
    """A cue counts in a sentence that goes on from an agenda sentence in its paragraph."""
    text = "The two leaders held talks for two hours. They also touched on fentanyl and migration."
    assert ("migration", None) in _found(text)


def test_cue_counts_in_a_meeting_sentence() -> None:
    """A cue counts in a sentence the meetings stage marked as about a meeting."""
    text = "Tariffs hung over the two leaders' dinner in Mar-a-Lago."
    assert _issues(text) == ()
    assert [i.topic for i in _issues(text, agenda=frozenset({0}))] == ["trade"]


# --- stance ---------------------------------------------------------------------------

# fmt: off
STANCES = [
    pytest.param("The president also expressed concern about TikTok.", "technology", Stance.CONCERN, id="expressed-concern"),
    pytest.param("The minister warned against provocations in the South China Sea.", "territorial_dispute", Stance.CONCERN, id="warned"),
    pytest.param("Washington criticised Beijing's human rights abuses.", "human_rights", Stance.CONCERN, id="abuses"),
    pytest.param("The two sides agreed to deepen cooperation on climate change.", "climate", Stance.COOPERATION, id="deepen-cooperation"),
    pytest.param("They discussed issues where there is scope for cooperation, including counternarcotics, artificial intelligence and climate change.", "narcotics", Stance.COOPERATION, id="list-shares-head"),
    pytest.param("They discussed issues where there is scope for cooperation, including counternarcotics, artificial intelligence and climate change.", "climate", Stance.COOPERATION, id="list-last-item"),
    pytest.param("Other issues that have strained relations also surfaced, including Taiwan, provocations in the South China Sea and human rights abuses.", "territorial_dispute", Stance.CONCERN, id="list-head-concern"),
    pytest.param("Topics of discussion included the ongoing wars in Gaza and Ukraine.", "armed_conflict", Stance.NEUTRAL, id="neutral"),
    pytest.param("The talks failed to make any progress on trade.", "trade", Stance.CONCERN, id="negated-progress"),
    pytest.param("Both sides pledged to ease tensions over trade.", "trade", Stance.COOPERATION, id="remedy-ease-tensions"),
    pytest.param("Any agreement on nuclear forces must cover shorter-range missiles, officials said.", "nuclear_weapons", Stance.NEUTRAL, id="hedged-any"),
    pytest.param("There was no word on whether the two sides would resume military exercises.", "military_relations", Stance.NEUTRAL, id="open-question-whether"),
    pytest.param("The envoy called on both sides to return to the peace talks.", "armed_conflict", Stance.CONCERN, id="called-on"),
    pytest.param("Critics said the deal fails to address intellectual property.", "trade", Stance.CONCERN, id="fails-to-address"),
    pytest.param("Other issues affecting ties include arms sales and the security pact.", "military_relations", Stance.CONCERN, id="list-head-include"),
    pytest.param("Moscow assailed Kyiv for holding joint exercises with NATO.", "military_relations", Stance.CONCERN, id="stance-word-of-another-name"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "topic", "stance"), STANCES)
def test_stance_from_words_around(sentence: str, topic: str, stance: Stance) -> None:
    """The nearest stance word of the clause (or of the list's head) gives the stance."""
    stances = {i.stance for i in _issues(sentence) if i.topic == topic}
    assert stances == {stance}


def test_closer_stance_word_wins() -> None:
    """Of two stance words in a sentence, the one closer to the mention wins."""
    text = (
        "The ministers welcomed the trade agreement but voiced alarm over the growing cyberattacks."
    )
    got = {i.topic: i.stance for i in _issues(text)}
    assert got == {"trade": Stance.COOPERATION, "cybersecurity": Stance.CONCERN}


# --- merging --------------------------------------------------------------------------


def _mention(
    topic: str, subject: str | None, stance: Stance, start: int, *who: str
) -> IssueMention:
    return IssueMention(topic, subject, stance, Span(start, start + 1, "x"), start, who)


def test_merge_one_issue_per_topic_and_subject() -> None:
    """Mentions of one topic and subject become one issue, ids in order of first mention."""
    mentions = [
        _mention("trade", None, Stance.NEUTRAL, 5),
        _mention("territorial_dispute", "Taiwan", Stance.CONCERN, 2),
        _mention("trade", None, Stance.CONCERN, 9),
        _mention("territorial_dispute", "Taiwan", Stance.NEUTRAL, 7),
    ]
    issues = merge_issues(mentions, ())
    assert [(i.id, i.topic, i.subject) for i in issues] == [
        ("I1", "territorial_dispute", "Taiwan"),
        ("I2", "trade", None),
    ]
    assert [s.start for s in issues[0].evidence] == [2, 7]


# fmt: off
MERGED_STANCES = [
    pytest.param([Stance.NEUTRAL, Stance.CONCERN], Stance.CONCERN, id="stated-beats-neutral"),
    pytest.param([Stance.COOPERATION, Stance.CONCERN, Stance.CONCERN], Stance.CONCERN, id="majority"),
    pytest.param([Stance.COOPERATION, Stance.CONCERN], Stance.CONCERN, id="tie-goes-to-concern"),
    pytest.param([Stance.CONCERN, Stance.COOPERATION], Stance.CONCERN, id="tie-goes-to-concern-either-order"),
    pytest.param([Stance.NEUTRAL, Stance.NEUTRAL], Stance.NEUTRAL, id="all-neutral"),
]
# fmt: on


@pytest.mark.parametrize(("stances", "expected"), MERGED_STANCES)
def test_merge_stance(stances: list[Stance], expected: Stance) -> None:
    """The merged stance is the one stated most often; ties go to concern."""
    mentions = [_mention("climate", None, s, i) for i, s in enumerate(stances)]
    [issue] = merge_issues(mentions, ())
    assert issue.stance is expected


def test_merge_stance_of_referring_cues_counts_last() -> None:
    """Generic cues that only refer to the matter count where its own mentions state none."""
    own = _mention("territorial_dispute", "Taiwan", Stance.CONCERN, 1)
    referred = [
        attrs.evolve(
            _mention("territorial_dispute", "Taiwan", Stance.COOPERATION, i), referred=True
        )
        for i in (5, 9)
    ]
    [issue] = merge_issues([own, *referred], ())
    assert issue.stance is Stance.CONCERN
    [issue] = merge_issues(referred, ())
    assert issue.stance is Stance.COOPERATION


def test_merge_actors_are_the_union_of_raisers() -> None:
    """The issue's actors are every raiser of every mention, looked up by id."""
    actors = [
        Actor("A1", ActorKind.PERSON, "Joe Biden"),
        Actor("A2", ActorKind.PERSON, "Xi Jinping"),
    ]
    mentions = [
        _mention("trade", None, Stance.CONCERN, 1, "A2"),
        _mention("trade", None, Stance.CONCERN, 4, "A1", "A2"),
    ]
    [issue] = merge_issues(mentions, actors)
    assert [a.name for a in issue.actors] == ["Xi Jinping", "Joe Biden"]


# --- who raised it -----------------------------------------------------------------------

# fmt: off
RAISERS = [
    pytest.param("Biden stressed the need for peace in the Taiwan Strait.", "Taiwan", ("A1",), id="subject-of-verb"),
    pytest.param("Biden also expressed concern about TikTok.", "TikTok", ("A1",), id="adverb-between"),
    pytest.param("Biden stressed the need for peace in the Taiwan Strait and also expressed concern about TikTok.", "TikTok", ("A1",), id="coordinated-verb"),
    pytest.param("Biden and Xi agreed to curb fentanyl production.", "fentanyl", ("A1", "A2"), id="coordinated-speakers"),
    pytest.param("Xi on Tuesday warned Biden about Taiwan.", "Taiwan", ("A2",), id="time-between"),
    pytest.param("Xi repeatedly warned against interference over Taiwan.", "Taiwan", ("A2",), id="adverb-ly"),
    pytest.param("Fentanyl was discussed at length, a spokesman for Xi said later.", "fentanyl", (), id="verb-after-cue"),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "subject", "raisers"), RAISERS)
def test_raisers(sentence: str, subject: str, raisers: tuple[str, ...]) -> None:
    """The actor just before a speech verb that precedes the mention raised it."""
    actors = [
        _actor(sentence, "A1", ActorKind.PERSON, "Joe Biden", "Biden"),
        _actor(sentence, "A2", ActorKind.PERSON, "Xi Jinping", "Xi"),
    ]
    [mention] = [m for m in _mentions(sentence, actors) if m.subject == subject]
    assert mention.actors == raisers


# --- properties ------------------------------------------------------------------------


@given(st.text(max_size=300))
def test_never_raises_and_spans_fit(text: str) -> None:
    """Any str gives mentions whose spans fit the text, the same each time."""
    mentions = _mentions(text)
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.span.text
    assert _mentions(text) == mentions
    merge_issues(mentions, ())


# fmt: off
SALAD = [
    "tariffs", "Taiwan", "war", "Ukraine", "discussed", "concern", "including", ",", "and",
    "not", "*", "[", "(AP) —", "KYIV,", "\n\n", "sanctions on", "Iraq", "'s", "“",
]
# fmt: on


def test_long_sentence_of_many_mentions() -> None:
    """One sentence with hundreds of mentions and stance words comes back whole.

    No timing is asserted: every lookup of a mention's stance is a binary
    search, so such a sentence costs its length times a logarithm.
    """
    part = "tariffs and welcomed cooperation on Taiwan and concern about the ceasefire in Gaza"
    text = "The leaders discussed " + " ".join([part] * 400) + "."
    mentions = _mentions(text)
    assert len(mentions) >= 400 * 3
    found = {(i.topic, i.subject, i.stance) for i in merge_issues(mentions, ())}
    assert ("territorial_dispute", "Taiwan", Stance.COOPERATION) in found


@given(st.lists(st.sampled_from(SALAD), max_size=40).map(" ".join))
def test_never_raises_on_word_salad(text: str) -> None:
    """Cue-dense nonsense never raises and keeps spans exact."""
    for issue in _issues(text):
        assert all(text[s.start : s.end] == s.text for s in issue.evidence)


@given(st.lists(st.integers(0, 30), min_size=1, max_size=12), st.integers(0, 30))
def test_the_nearest_name_is_the_first_of_the_nearest(starts: list[int], start: int) -> None:
    """A matter takes the name nearest to it, the first in text order of those as near."""
    names = [
        IssueMention("war", f"N{i}", Stance.NEUTRAL, Span(s, s + 1, "x"), 0)
        for i, s in enumerate(sorted(starts))
    ]
    expected = min(names, key=lambda n: abs(n.span.start - start))
    assert _nearest(names, start) is expected


def test_many_mentions_in_one_sentence_or_many_are_read_in_one_pass() -> None:
    """Thousands of names and matters in one sentence, or of cues in many, all come back."""
    gazetteer = Gazetteer.default()
    one = "Talks on the ceasefire in Ukraine and trade, but also tariffs while " * 400
    many = "Biden discussed trade with Xi. They also raised the ceasefire in Ukraine. " * 400
    for text in (one, many):
        mentions = find_issue_mentions(text, split_sentences(text), (), gazetteer)
        assert len(mentions) >= 400
