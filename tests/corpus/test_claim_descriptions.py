"""Unnamed bodies named by a description ("the task force", "la embajada estadounidense") made one
claim subject across the articles of one story, in English and Spanish, never across stories."""

from __future__ import annotations

from fuentes.corpus.claims import (
    claim_stems,
    described,
    match_claims_detailed,
    relation,
)
from fuentes.corpus.grading import assess
from fuentes.model import Claim, Value


def cl(cid: str, text: str, pred: str, subj: str | None = None, obj: str | None = None,
       values: tuple[Value, ...] = (), place: str | None = None) -> Claim:
    return Claim(id=cid, text=text, article=cid[0], subject=subj, predicate=pred, object=obj,
                 values=list(values), place=place)


def staff(n: int, text: str) -> Value:
    return Value("count", text, float(n), "staff members", approximate=True)


# local keys -> corpus ids: "pl" is a port city every article names, "jd" a judge, "us" the country
ENTITY_OF = {(a, k): f"ent_{k}" for a in "abcdx" for k in ("pl", "jd", "us", "tx")}
NAMES = {"ent_pl": "Puerto Lindo", "ent_jd": "Ana Quiroga", "ent_us": "United States", "ent_tx": "Texas"}


def story(art: str) -> list[Claim]:
    """Two named entities every article of the story names (what makes it one story)."""
    return [cl(f"{art}9", "Judge Ana Quiroga ordered the port of Puerto Lindo closed", "order", "jd", "pl")]


def subjects(claims: dict[str, list[Claim]], origins: dict[str, str | None] | None = None) -> dict[str, str]:
    result = match_claims_detailed(claims, origins or {}, ENTITY_OF, NAMES)
    return {m.id: m.subject for ms in result.members.values() for m in ms if m.subject}


def test_one_body_across_languages_by_its_anchor():
    claims = {"a": [cl("a1", "The U.S. embassy filed the request on Monday", "request", "desc:embassy@ent:us")] + story("a"),
              "b": [cl("b1", "La embajada estadounidense presentó la solicitud el lunes", "request",
                       "desc:embassy@name:United States")] + story("b")}
    found = subjects(claims)
    assert described(found["a1"]) and found["a1"] == found["b1"]


def test_unanchored_description_joins_the_anchored_one_of_its_story():
    claims = {"a": [cl("a1", "The task force in Texas has 300 staff members", "have", "desc:task force@ent:tx")] + story("a"),
              "b": [cl("b1", "The task force has about 300 staff members", "have", "desc:task force")] + story("b")}
    found = subjects(claims)
    assert found["a1"] == found["b1"]


def test_same_origin_is_one_story_without_shared_names():
    claims = {"a": [cl("a1", "La fuerza de tarea tiene 300 empleados", "have", "desc:task force")],
              "b": [cl("b1", "The task force employs 300 people", "have", "desc:task force")]}
    assert subjects(claims, {"a": "Wire", "b": "Wire"})["a1"] == subjects(claims, {"a": "Wire", "b": "Wire"})["b1"]
    assert subjects(claims)["a1"] != subjects(claims)["b1"]  # two outlets, nothing named in common


def test_descriptions_of_two_stories_or_two_anchors_stay_apart():
    claims = {"a": [cl("a1", "The embassy in Texas closed", "close", "desc:embassy@ent:tx")] + story("a"),
              "b": [cl("b1", "The embassy closed", "close", "desc:embassy")] + story("b"),
              "c": [cl("c1", "The U.S. embassy closed", "close", "desc:embassy@ent:us")] + story("c"),
              "x": [cl("x1", "The embassy in Texas closed", "close", "desc:embassy@ent:tx")]}
    found = subjects(claims)
    assert found["a1"] != found["c1"]  # two anchors: two bodies, however "the embassy" of b links them
    assert found["x1"] not in (found["a1"], found["b1"], found["c1"])  # another story


def test_a_description_never_tells_statements_apart_from_a_name():
    """A described subject beside a named one, or beside a description of another kind of body,
    is unknown, not another agent; two bodies of one kind (two stories) are two agents."""
    money = (Value("money", "$5 million", 5e6, "USD"),)
    a = cl("a1", "The embassy paid $5 million for the building", "spend", "desc:embassy@#a", values=money)
    b = cl("b1", "Ana Quiroga paid $5 million for the building", "spend", "ent_jd", values=money)
    c = cl("c1", "The ministry paid $5 million for the building", "spend", "desc:ministry@#c", values=money)
    d = cl("d1", "The embassy paid $5 million for the building", "spend", "desc:embassy@#d", values=money)
    assert relation(a, b, claim_stems(a.text), claim_stems(b.text)) is not None
    assert relation(a, c, claim_stems(a.text), claim_stems(c.text)) is not None
    assert relation(a, d, claim_stems(a.text), claim_stems(d.text)) is None


def agents(n: int, text: str) -> Value:
    return Value("count", text, float(n), "agents", approximate=True)


def deployed(story_names: bool) -> dict[str, list[Claim]]:
    return {"a": [cl("a1", "The task force deployed about 300 agents to the port", "deploy", "desc:task force@ent:tx",
                     values=(agents(300, "about 300 agents"),))] + (story("a") if story_names else []),
            "b": [cl("b1", "La fuerza de tarea desplegó unos 500 agentes en el puerto", "deploy",
                     "desc:task force@ent:tx", values=(agents(500, "unos 500 agentes"),))] + (story("b") if story_names else [])}


def test_a_figure_changed_about_one_described_body_is_a_discrepancy():
    graded, discrepancies = assess(deployed(True), {"a": "Ledger", "b": "Heraldo"}, ENTITY_OF, NAMES)
    assert len(discrepancies) == 1
    assert all(c.grade not in (1, 2) for c in graded if c.contradicted_by)


def test_no_discrepancy_between_described_bodies_of_two_stories():
    _, discrepancies = assess(deployed(False), {"a": "Ledger", "b": "Heraldo"}, ENTITY_OF, NAMES)
    assert discrepancies == []


def test_the_spark_job_resolves_descriptions_as_the_local_matcher():
    """`fuentes.spark.claims.described_keys` (driver side, over the articles holding a description)
    gives every article claim the subject and object `match_claims_detailed` gives it."""
    import json

    from fuentes.corpus.claims import claim_stems, resolve_claim
    from fuentes.spark.claims import described_keys

    claims = {"a": [cl("a1", "The U.S. embassy filed the request on Monday", "request", "desc:embassy@ent:us")]
              + story("a"),
              "b": [cl("b1", "La embajada estadounidense presentó la solicitud el lunes", "request",
                       "desc:embassy@name:United States")] + story("b")}
    local = match_claims_detailed(claims, {}, ENTITY_OF, NAMES)
    want = {m.id: (m.subject, m.object) for ms in local.members.values() for m in ms}
    emap = {art: json.dumps({k: [ENTITY_OF[(art, k)], NAMES[ENTITY_OF[(art, k)]]] for a, k in ENTITY_OF if a == art})
            for art in claims}
    described = [(art, None, emap[art], [(pos, c.subject, c.object) for pos, c in enumerate(cs)])
                 for art, cs in claims.items()]
    items = [(f"{art}\x00{pos}", (art, pos, resolve_claim(c, ENTITY_OF), claim_stems(c.text), {}, None))
             for art, cs in claims.items() for pos, c in enumerate(cs)]
    keys = described_keys(described, items)
    assert {item[2].id: keys[uid] for uid, item in items} == want
    assert want["a1"][0] == want["b1"][0] and want["a1"][0].startswith("desc:embassy@United States")


def test_a_description_key_reads_as_its_body_and_anchor():
    from fuentes.corpus.claims import description_label
    from fuentes.web.knowledge import _name

    assert description_label("desc:task force@Arizona#art_1") == "task force (Arizona)"
    assert description_label("desc:embassy@ent_9#art_2", {"ent_9": "United States"}) == "embassy (United States)"
    assert description_label("desc:embajada@name:México") == "embajada (México)"
    assert description_label("desc:police") == "police"
    assert _name({"ent_9": "United States"}, "desc:embassy@ent_9#art_2") == {
        "id": "desc:embassy@ent_9#art_2", "name": "embassy (United States)", "entity": False}
    assert _name({}, "np:Los dos hombres") == {"id": "np:Los dos hombres", "name": "Los dos hombres", "entity": False}


def test_a_noun_phrase_subject_neither_ties_nor_parts_two_statements():
    """"np:The two men": who acts, as the article writes it; no one body across articles."""
    from fuentes.corpus.claims import block_keys, party, resolve_claim

    a = cl("a1", "The two men set fire to 23 vehicles on Sunday", "burn", "np:The two men",
           values=(Value("count", "23 vehicles", 23.0, "vehicles"),))
    b = cl("b1", "The gunmen set fire to 23 vehicles on Sunday", "burn", "np:The gunmen",
           values=(Value("count", "23 vehicles", 23.0, "vehicles"),))
    ra, rb = resolve_claim(a, {}), resolve_claim(b, {})
    assert ra.subject == "np:The two men"  # kept as written, no article-local entity key
    found = relation(ra, rb, claim_stems(a.text), claim_stems(b.text))
    assert found is not None and found.kind == "agree"  # two noun phrases are not two agents
    for text in ("The two men held 40 staff members for a day", "The two men held 12 staff members in the port"):
        c = cl("c1", "The two men held 40 staff members for a day", "hold", "np:The two men",
               values=(staff(40, "40 staff members"),))
        d = cl("d1", text, "hold", "np:The two men", values=(staff(12 if "12" in text else 40, "staff members"),))
        unnamed = [relation(resolve_claim(x, {}), resolve_claim(y, {}), claim_stems(x.text), claim_stems(y.text))
                   for x, y in ((c, d), (cl("c1", c.text, "hold", values=tuple(c.values)),
                                         cl("d1", d.text, "hold", values=tuple(d.values))))]
        assert unnamed[0] == unnamed[1]  # as if no subject were written
    assert not any(k[0] == "agent" for k in block_keys(ra)) and party(ra.subject, {}) is None


def test_a_noun_phrase_object_is_no_named_target():
    """"np:Twenty-nine people" as an object: whom it befell, as the article writes it; two articles writing
    the same phrase name no one target (no frame block, no outcome compared by target)."""
    from fuentes.corpus.claims import block_keys, named_target, resolve_claim
    from fuentes.corpus.discrepancies import predicate_discrepancies

    a = cl("a1", "Twenty-nine people were arrested on Sunday", "capture", obj="np:Twenty-nine people")
    b = cl("b1", "Twenty-nine people were killed on Sunday", "kill", obj="np:Twenty-nine people")
    ra, rb = resolve_claim(a, {}), resolve_claim(b, {})
    assert ra.object == "np:Twenty-nine people" and named_target(ra.object) is None
    assert not any(k[0] == "frame" for k in block_keys(ra))
    assert predicate_discrepancies([ra, rb], {"a": None, "b": None}, {}) == []
    named = [cl("a1", a.text, "capture", obj="ent_jd"), cl("b1", b.text, "kill", obj="ent_jd")]
    assert predicate_discrepancies(named, {"a": None, "b": None}, {})  # a named target's outcomes clash
