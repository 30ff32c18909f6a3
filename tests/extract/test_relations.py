"""Stage `relations` on hand-written English and Spanish paragraphs (fictional people and
groups), and the acceptance count on the seed articles from ../shared when present."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fuentes.doc import ArticleDoc
from fuentes.model import Entity, Mention
from fuentes.pipeline import Pipeline

pytestmark = pytest.mark.models


def layers(body: str, names: dict[str, tuple[str, str]]) -> tuple[list[Mention], list[Entity]]:
    """Hand-built entity layers: surface form (longest first) -> (entity key, kind)."""
    label = {"person": "PERSON", "organization": "ORG", "place": "GPE"}
    mentions, taken = [], set()
    for surface in sorted(names, key=len, reverse=True):
        for match in re.finditer(re.escape(surface), body):
            span = set(range(match.start(), match.end()))
            if not taken & span:
                key, kind = names[surface]
                mentions.append(Mention(match.start(), match.end(), surface, label[kind], key))
                taken |= span
    ents = {}
    for surface, (key, kind) in names.items():
        if len(surface) > len(ents.get(key, Entity(key, "", kind)).name):
            ents[key] = Entity(key, surface, kind)
    return sorted(mentions, key=lambda m: m.start), list(ents.values())



def run(nlp, lang: str, body: str, names: dict[str, tuple[str, str]]) -> set[tuple]:
    from fuentes.extract.relations import extract_relations

    sdoc = nlp[lang](body)
    mentions, entities = layers(body, names)
    rels = extract_relations(sdoc, mentions, entities, lang, "art1")
    for r in rels:  # every relation points at the words that state it
        assert r.evidence and r.evidence[0].article == "art1" and r.evidence[0].extractor == "relations"
        assert r.subject in body[r.evidence[0].start:r.evidence[0].end] or r.subject.startswith("e")
    return {(r.subject, r.predicate, r.object, r.allegation, r.start, r.end) for r in rels}


EN = (
    "Rafael Quintero Lobo, the leader of the Harbor Cartel, was arrested on Monday. "
    "The Harbor Cartel has been in a bitter rivalry with the Sierra Cartel since 2015.\n\n"
    "The Sierra Cartel, which some say is the traditional partner of the Green Party, denied it. "
    "Investigators said Diego Salas worked for the Harbor Cartel from 2009 to 2013.\n\n"
    "Marta Quintero, the sister of Rafael Quintero Lobo, runs a bakery. Tomás Herrera, director of "
    "operations at the Port Authority, oversaw the operation that captured him.\n\n"
    "Herrera's predecessor, Julio Campos, resigned in 2019. The Sierra Cartel's boss, Ana Vidal, "
    "reportedly financed the Green Party."
)
EN_NAMES = {"Rafael Quintero Lobo": ("e1", "person"), "Harbor Cartel": ("e2", "organization"),
            "Sierra Cartel": ("e3", "organization"), "Green Party": ("e4", "organization"),
            "Diego Salas": ("e5", "person"), "Marta Quintero": ("e6", "person"),
            "Tomás Herrera": ("e7", "person"), "Herrera": ("e7", "person"),
            "Port Authority": ("e8", "organization"), "Julio Campos": ("e9", "person"),
            "Ana Vidal": ("e10", "person")}


def test_english_patterns(nlp):
    got = run(nlp, "en", EN, EN_NAMES)
    assert ("e1", "leader_of", "e2", False, None, None) in got  # apposition
    assert ("e2", "rival_of", "e3", False, "2015", None) in got  # "in a rivalry with ... since"
    assert ("e3", "allied_with", "e4", True, None, None) in got  # relative clause, hedged
    assert ("e5", "works_for", "e2", False, "2009", "2013") in got  # verb + preposition, from/to
    assert ("e6", "family_of", "e1", False, None, None) in got
    assert ("e7", "works_for", "e8", False, None, None) in got  # "director of Z at W" -> W
    assert ("e9", "predecessor_of", "e7", False, None, None) in got  # "Y's predecessor, X"
    assert ("e10", "leader_of", "e3", False, None, None) in got  # "Y's boss, X"
    assert ("e4", "funded_by", "e10", True, None, None) in got  # inverse verb, "reportedly"
    event = [g for g in got if g[1] == "oversaw"]
    assert event == [("e7", "oversaw", "operation that captured Rafael Quintero Lobo", False, None, None)]
    assert not any(g[1] == "works_for" and g[2] == "e3" for g in got)
    assert not any(g[0] == g[2] for g in got)


ES = (
    "Juan Pérez, líder del Cártel del Golfo, fue detenido. El Cártel del Noreste mantiene una "
    "sangrienta rivalidad con el Cártel del Golfo.\n\n"
    "Según fuentes policiales, Pedro Ruiz trabajó para el Cártel de Tijuana entre 2010 y 2015.\n\n"
    "El Cártel de Tijuana, que presuntamente es aliado de La Familia, controla el puerto. "
    "Ana Ruiz, hermana de Pedro Ruiz, financió a La Familia."
)
ES_NAMES = {"Juan Pérez": ("e1", "person"), "Cártel del Golfo": ("e2", "organization"),
            "Cártel del Noreste": ("e3", "organization"), "Pedro Ruiz": ("e4", "person"),
            "Cártel de Tijuana": ("e5", "organization"), "La Familia": ("e6", "organization"),
            "Ana Ruiz": ("e7", "person")}


def test_spanish_patterns(nlp):
    got = run(nlp, "es", ES, ES_NAMES)
    assert ("e1", "leader_of", "e2", False, None, None) in got
    assert ("e3", "rival_of", "e2", False, None, None) in got  # light verb + relation noun
    assert ("e4", "works_for", "e5", True, "2010", "2015") in got  # "según fuentes", entre/y
    assert ("e5", "allied_with", "e6", True, None, None) in got  # "que presuntamente es aliado de"
    assert ("e7", "family_of", "e4", False, None, None) in got
    assert ("e6", "funded_by", "e7", False, None, None) in got


def test_kinds_are_checked_and_nothing_without_a_named_end(nlp):
    body = "Lucas Mena, the leader of one of the largest gangs, met the mayor. Lucas Mena leads Oaxaca."
    got = run(nlp, "en", body, {"Lucas Mena": ("e1", "person"), "Oaxaca": ("e2", "place")})
    assert got == set()


def test_stage_in_a_pipeline(nlp):
    import fuentes.extract.relations  # noqa: F401  (registers the stage)
    from fuentes.extract.relations import RelationsStage

    assert RelationsStage.requires == ("nlp", "mentions", "entities", "id", "language")
    pipe = Pipeline.from_names(["relations"], initial=("nlp", "mentions", "entities", "language", "id"))
    body = "Rafael Quintero Lobo, the leader of the Harbor Cartel, was arrested."
    mentions, entities = layers(body, {"Rafael Quintero Lobo": ("e1", "person"), "Harbor Cartel": ("e2", "organization")})
    doc = ArticleDoc(source="t", format="text", layers={
        "body": body, "nlp": nlp["en"](body), "mentions": mentions, "entities": entities, "language": "en", "id": "a"})
    rels = pipe(doc).get("relations")
    assert [(r.subject, r.predicate, r.object) for r in rels] == [("e1", "leader_of", "e2")]
    assert rels[0].articles == ["a"] and rels[0].independent_sources == 1


def _same(entity: Entity | None, name: str, aliases: list[str]) -> bool:
    from fuentes.extract.aliases import fold

    if entity is None:
        return False
    forms = {fold(a) for a in [entity.name, *entity.aliases]}
    return bool(forms & {fold(n) for n in [name, *aliases]})


@pytest.mark.shared
def test_seed_relations(seeds_dir: Path, nlp):
    """Acceptance: expected.yaml relations found after entity resolution and merging across
    the three seeds (>= 6 of 8), the Sinaloa-MORENA one flagged as an allegation."""
    import yaml

    from fuentes.clean.boilerplate import clean_text
    from fuentes.corpus.entity_resolution import resolve_with_merges
    from fuentes.corpus.relations import entity_index, merge_relations
    from fuentes.extract.aliases import fold
    from fuentes.extract.entities import extract
    from fuentes.extract.relations import extract_relations

    expected = yaml.safe_load((seeds_dir / "expected.yaml").read_text(encoding="utf-8"))
    local, rels = {}, {}
    for path in sorted(seeds_dir.glob("*.txt")):
        art = path.name[:3]
        body = clean_text(path.read_text(encoding="utf-8"), "en").body
        sdoc = nlp["en"](body)
        mentions, entities = extract(sdoc, "en", art)
        local[art], rels[art] = entities, extract_relations(sdoc, mentions, entities, "en", art)
    resolved, _ = resolve_with_merges(local)
    origins = {"000": "The New York Times", "001": "The New York Times", "004": "Fox News"}
    merged = merge_relations(rels, entity_index(resolved), origins)
    by_id = {e.id: e for e in resolved}
    aliases = {e["name"]: e.get("aliases", []) for e in expected["entities"]}
    found, alleged = 0, None
    for item in expected["relations"]:
        def fits(end: str, want: str) -> bool:
            if end in by_id:
                return _same(by_id[end], want, aliases.get(want, []))
            # an event phrase ("killing of X"): it must name X by one of X's names
            named = [[n, *a] for n, a in aliases.items() if any(f in want for f in [n, *a])]
            return any(fold(f) in fold(end) for forms in named for f in forms)
        hits = [r for r in merged if r.predicate == item["relation"]
                and ((fits(r.subject, item["subject"]) and fits(r.object, item["object"]))
                     or (r.predicate in ("rival_of", "allied_with")
                         and fits(r.object, item["subject"]) and fits(r.subject, item["object"])))]
        found += bool(hits)
        if "allegation" in (item.get("note") or ""):
            alleged = bool(hits) and all(r.allegation for r in hits)
        print(("found   " if hits else "missing ") + f"{item['subject']} {item['relation']} {item['object']}")
    print(f"seed relations found: {found}/{len(expected['relations'])}; extracted: {len(merged)}")
    assert found >= 6
    assert alleged is True


def _positions(got: set[tuple]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for subj, pred, obj, *_ in got:
        if pred == "holds_position":
            out.setdefault(subj, set()).add(obj)
    return out


@pytest.mark.parametrize("lang, body, posts", [
    ("en", ("The deal was signed by the governor of Oaxaca, Lucas Mena, on Monday. Rosa Vidal stood next "
           "to the regional president, Marta Ibáñez."),
     {"e1": "governor of Oaxaca"}),
    ("es", ("Los convenios fueron firmados por el ministro de Educación, Lucas Mena, el lunes. Rosa Vidal "
           "estuvo junto al presidente regional, Marta Ibáñez."),
     {"e1": "ministro de Educación", "e3": "presidente regional"}),
])
def test_a_post_is_named_without_the_preposition_before_it(nlp, lang, body, posts):
    got = _positions(run(nlp, lang, body, {"Lucas Mena": ("e1", "person"), "Rosa Vidal": ("e2", "person"),
                                           "Marta Ibáñez": ("e3", "person"), "Oaxaca": ("e4", "place")}))
    for key, post in posts.items():
        assert post in got.get(key, set()), got
    assert not any(p.split()[0] in ("by", "to", "por", "al", "junto", "el", "the") for ps in got.values() for p in ps), got


@pytest.mark.parametrize("lang, body", [
    ("en", "Miriam, the wife of Sheldon Adelson, gave money on Monday. Jr., the son of Sheldon Adelson, spoke."),
    ("es", "Miriam, la esposa de Sheldon Adelson, donó dinero el lunes. Jr., el hijo de Sheldon Adelson, habló."),
])
def test_a_person_known_only_by_a_given_name_or_a_suffix_is_no_relation_end(nlp, lang, body):
    names = {"Sheldon Adelson": ("e1", "person"), "Adelson": ("e1", "person"), "Miriam": ("e2", "person"),
             "Jr.": ("e3", "person")}
    got = run(nlp, lang, body, names)
    assert not any(r[0] in ("e2", "e3") or r[2] in ("e2", "e3") for r in got), got
    named = {"Sheldon Adelson": ("e1", "person"), "Adelson": ("e1", "person"),
             "Miriam Adelson": ("e2", "person")}
    body2 = body.replace("Miriam", "Miriam Adelson")
    assert any(r[1] == "family_of" for r in run(nlp, lang, body2, named)), run(nlp, lang, body2, named)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_only_tokens_that_begin_a_relation_word_are_read(nlp, lang, monkeypatch):
    """The tokens found from the parse's arrays give the same relations as reading every token."""
    from fuentes.extract import relations
    from fuentes.extract.relation_cues import load_cues

    body, names = (EN, EN_NAMES) if lang == "en" else (ES, ES_NAMES)
    sdoc, cues = nlp[lang](body), load_cues(lang)
    picked = relations._may_trigger(sdoc, cues)
    assert 0 < len(picked) < len(sdoc) / 4
    assert [i for i in range(len(sdoc)) if relations._triggers_at(sdoc[i], cues)] == \
        [i for i in picked if relations._triggers_at(sdoc[i], cues)]
    found = run(nlp, lang, body, names)
    monkeypatch.setattr(relations, "_may_trigger", lambda doc, cues: list(range(len(doc))))
    assert found and run(nlp, lang, body, names) == found


CUT = {
    "en": ("“We are ready,” said Laura Pinto, press secretary of the governor of Ohio SPRINGFIELD, OHIO, "
           "UNITED STATES, March 9, 2020 -- The long wait is over.\n\n"
           "Tomás Ruiz, new secretary of Education of Medellín  Daniel Rey began to show his cards.\n\n"
           "The judge charged five aides –including the anticorruption prosecutor, Marcos Vela– with "
           "kidnapping in its aggravated form."),
    "es": ("“Estamos listos”, dijo Laura Pinto, secretaria de prensa del gobernador de Ohio SPRINGFIELD, OHIO, "
           "ESTADOS UNIDOS, 9 de marzo de 2020 -- La larga espera terminó.\n\n"
           "Tomás Ruiz, nuevo secretario de Educación de Medellín  Daniel Rey comenzó a descubrir sus cartas.\n\n"
           "El juez giró órdenes contra cinco colaboradores –incluyendo al fiscal Anticorrupción, Marcos Vela– "
           "por el delito de privación ilegal de la libertad en su modalidad de secuestro."),
}
CUT_POSTS = {
    "en": {"e1": "press secretary of the governor of Ohio", "e2": "new secretary of Education of Medellín"},
    "es": {"e1": "secretaria de prensa del gobernador de Ohio", "e2": "nuevo secretario de Educación de Medellín",
           "e4": "fiscal Anticorrupción"},
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_post_ends_at_a_dateline_a_run_of_spaces_or_a_dash(nlp, lang):
    names = {"Laura Pinto": ("e1", "person"), "Tomás Ruiz": ("e2", "person"), "Daniel Rey": ("e3", "person"),
             "Marcos Vela": ("e4", "person"), "Ohio": ("e5", "place"), "Medellín": ("e6", "place")}
    got = _positions(run(nlp, lang, CUT[lang], names))
    for key, post in CUT_POSTS[lang].items():
        assert post in got.get(key, set()), got
    posts = [p for ps in got.values() for p in ps]
    assert all(p == p.strip() and "  " not in p and "–" not in p for p in posts), got
    assert not any(w in p for p in posts for w in ("SPRINGFIELD", "OHIO", "kidnapping", "delito")), got
    assert "e3" not in got, got  # "Medellín  Daniel Rey began": across the spaces, another sentence


@pytest.mark.parametrize("lang, body", [
    ("en", ("Marta Lara wins the match-ups when Pablo Soto and Elena Ruiz replace Tomás Vidal. Pablo Soto could "
           "replace Marta Lara as the nominee. In 2019 Julio Campos replaced Ana Vidal.")),
    ("es", ("Marta Lara gana los duelos cuando Pablo Soto y Elena Ruiz reemplazan a Tomás Vidal. Pablo Soto podría "
           "reemplazar a Marta Lara como candidato. En 2019 Julio Campos reemplazó a Ana Vidal.")),
])
def test_a_succession_stated_as_a_case_or_a_possibility_is_no_relation(nlp, lang, body):
    names = {"Marta Lara": ("e1", "person"), "Pablo Soto": ("e2", "person"), "Elena Ruiz": ("e3", "person"),
             "Tomás Vidal": ("e4", "person"), "Julio Campos": ("e5", "person"), "Ana Vidal": ("e6", "person")}
    got = {(s, p, o) for s, p, o, *_ in run(nlp, lang, body, names) if p == "predecessor_of"}
    assert got == {("e6", "predecessor_of", "e5")}, got


@pytest.mark.parametrize("lang, body", [
    ("en", ("Tomás Vidal won 30% of the votes, leading the Green Party field. Tomás Vidal, leader of the polls "
           "of the Green Party, spoke. Ana Lobo, leader of the armed wing of the Harbor Cartel, spoke.")),
    ("es", ("Tomás Vidal obtuvo el 30% de los votos, liderando la carrera del Partido Verde. Tomás Vidal, líder de "
           "las encuestas del Partido Verde, habló. Ana Lobo, líder de la facción armada del Cártel del Puerto, "
           "habló.")),
])
def test_a_front_runner_does_not_lead_the_party_of_the_race(nlp, lang, body):
    """A name modifying a race or a poll ("the GOP field", "the polls of the Green Party") is not
    what the front-runner leads; a name modifying a group or part of one is ("the armed wing of X")."""
    names = {"Tomás Vidal": ("e1", "person"), "Green Party": ("e2", "organization"),
             "Partido Verde": ("e2", "organization"), "Ana Lobo": ("e3", "person"),
             "Harbor Cartel": ("e4", "organization"), "Cártel del Puerto": ("e4", "organization")}
    got = {(s, p, o) for s, p, o, *_ in run(nlp, lang, body, names) if p == "leader_of"}
    assert got == {("e3", "leader_of", "e4")}, got


@pytest.mark.parametrize("lang, body, event", [
    ("en", ("Marta Lara ordered the nine deputies to vote against the bill. Tomás Vidal ordered Pablo Soto to "
           "leave. Ana Lobo oversaw the raid that captured Pablo Soto."),
     "raid that captured Pablo Soto"),
    ("es", ("Marta Lara ordena a los nueve diputados que voten contra la investidura. Tomás Vidal ordenó a Pablo "
           "Soto salir. Ana Lobo supervisó la redada que capturó a Pablo Soto."),
     "redada que capturó a Pablo Soto"),
])
def test_an_oversaw_object_is_an_operation_not_people_or_a_clause(nlp, lang, body, event):
    names = {"Marta Lara": ("e1", "person"), "Tomás Vidal": ("e2", "person"), "Pablo Soto": ("e3", "person"),
             "Ana Lobo": ("e4", "person")}
    got = {(s, o) for s, p, o, *_ in run(nlp, lang, body, names) if p == "oversaw"}
    assert got == {("e4", event)}, got


@pytest.mark.parametrize("lang, body", [
    ("en", "Pablo Soto was referring to Jim Lara and his wife, Sara Lara."),
    ("es", "Pablo Soto se refería a Jim Lara y su esposa, Sara Lara."),
])
def test_a_possessive_in_a_conjoined_phrase_belongs_to_the_name_before_it(nlp, lang, body):
    names = {"Pablo Soto": ("e1", "person"), "Jim Lara": ("e2", "person"), "Sara Lara": ("e3", "person")}
    got = {(s, p, o) for s, p, o, *_ in run(nlp, lang, body, names) if p == "family_of"}
    assert got == {("e3", "family_of", "e2")}, got


@pytest.mark.parametrize("lang, body", [
    ("en", ("Senator Ana Vidal attacked Governor Tomás Herrera over his port budget, calling him a liar. "
            "On Sunday the Harbor Cartel attacked Julio Campos with rifles outside his home.")),
    ("es", ("La senadora Ana Vidal atacó al gobernador Tomás Herrera por su presupuesto del puerto y lo llamó "
            "mentiroso. El domingo el Cártel del Puerto atacó a Julio Campos con fusiles frente a su casa.")),
])
def test_an_attack_in_words_is_no_attack(nlp, lang, body):
    """Regression: "Bush attacked Trump over eminent domain, calling him a loser" made an
    attacked relation; an attack is one only in a sentence with a word of violence."""
    names = {"Ana Vidal": ("e1", "person"), "Tomás Herrera": ("e2", "person"), "Julio Campos": ("e3", "person"),
             "Harbor Cartel": ("e4", "organization"), "Cártel del Puerto": ("e4", "organization")}
    got = {(s, p, o) for s, p, o, *_ in run(nlp, lang, body, names) if p == "attacked"}
    assert got == {("e4", "attacked", "e3")}, got


# Statements that hold no relation an analyst could act on, and their near twins that do hold one.
NO_RELATION = [
    ("en", "Tom Vela, 30, died on the tracks last year. Officer Peter Lanz, 76, shot himself in the parking "
           "lot of a hospital.", {"Tom Vela": ("e1", "person"), "Peter Lanz": ("e2", "person")}),  # reflexive
    ("es", "Tomás Vela murió el año pasado. El agente Pedro Lanz se disparó a sí mismo en el estacionamiento.",
     {"Tomás Vela": ("e1", "person"), "Pedro Lanz": ("e2", "person")}),
    ("en", "Diego Salas is not the leader of the Harbor Cartel. Diego Salas never worked for the Sierra Cartel.",
     {"Diego Salas": ("e1", "person"), "Harbor Cartel": ("e2", "organization"), "Sierra Cartel": ("e3", "organization")}),
    ("es", "Diego Salas no es el líder del Cártel del Golfo. Diego Salas nunca trabajó para el Cártel de Tijuana.",
     {"Diego Salas": ("e1", "person"), "Cártel del Golfo": ("e2", "organization"),
      "Cártel de Tijuana": ("e3", "organization")}),
    ("en", "Ana Vidal could become the leader of the Sierra Cartel. Lucas Mena would be a great governor. "
           "Lucas Mena will not be the next president of Oaxaca.",
     {"Ana Vidal": ("e1", "person"), "Sierra Cartel": ("e2", "organization"), "Lucas Mena": ("e3", "person"),
      "Oaxaca": ("e4", "place")}),
    ("es", "Ana Vidal podría convertirse en líder del Cártel del Golfo. Lucas Mena sería un gran gobernador. "
           "Lucas Mena no será el próximo presidente de Oaxaca.",
     {"Ana Vidal": ("e1", "person"), "Cártel del Golfo": ("e2", "organization"), "Lucas Mena": ("e3", "person"),
      "Oaxaca": ("e4", "place")}),
    ("en", "In a speech on security, Lucas Mena attacked Ana Vidal for her support of military action in the region.",
     {"Ana Vidal": ("e1", "person"), "Lucas Mena": ("e2", "person")}),  # criticism, though "military"
    ("es", "En un discurso sobre seguridad militar, Lucas Mena atacó a Ana Vidal por su apoyo a la acción militar.",
     {"Ana Vidal": ("e1", "person"), "Lucas Mena": ("e2", "person")}),
    ("en", "Radical militants bombed the Harbor Tower in 1993. In 2000, they attacked the Sierra Cartel, killing "
           "17 people.", {"Harbor Tower": ("e1", "organization"), "Sierra Cartel": ("e2", "organization")}),
    ("en", "In 1993, radical Islamists bombed the Harbor Tower. In 2000, they attacked the Sierra Cartel, killing "
           "17 people.", {"Harbor Tower": ("e1", "organization"), "Sierra Cartel": ("e2", "organization")}),
    ("es", "Unos sicarios armados atacaron la Torre del Puerto en 1993. En 2000, ellos atacaron al Cártel del Golfo "
           "y mataron a 17 personas.", {"Torre del Puerto": ("e1", "organization"), "Cártel del Golfo": ("e2", "organization")}),
]


@pytest.mark.parametrize("lang,body,names", NO_RELATION, ids=[f"{c[0]}-{i}" for i, c in enumerate(NO_RELATION)])
def test_negated_possible_reflexive_and_verbal_statements_hold_no_relation(nlp, lang, body, names):
    assert run(nlp, lang, body, names) == set()


RELATION = [
    ("en", "The Harbor Cartel attacked the Sierra Cartel for two hours with rifles and grenades.",
     {"Harbor Cartel": ("e1", "organization"), "Sierra Cartel": ("e2", "organization")}, ("e1", "attacked", "e2")),
    ("es", "El Cártel del Golfo atacó al Cártel de Tijuana por la mañana con rifles y granadas.",
     {"Cártel del Golfo": ("e1", "organization"), "Cártel de Tijuana": ("e2", "organization")}, ("e1", "attacked", "e2")),
    ("es", "El Cártel de Tijuana fue atacado por el Cártel del Golfo con rifles.",  # passive: the agent attacked
     {"Cártel del Golfo": ("e1", "organization"), "Cártel de Tijuana": ("e2", "organization")}, ("e1", "attacked", "e2")),
    ("en", "The Harbor Cartel fought the police for years. In 2000, they attacked the Port Authority with rifles.",
     {"Harbor Cartel": ("e1", "organization"), "Port Authority": ("e2", "organization")}, ("e1", "attacked", "e2")),
    ("es", "El Cártel del Golfo combatió a la policía durante años. En 2000, ellos atacaron a la Autoridad "
           "Portuaria con rifles.",
     {"Cártel del Golfo": ("e1", "organization"), "Autoridad Portuaria": ("e2", "organization")}, ("e1", "attacked", "e2")),
    ("en", "Ana Vidal, a great senator from Oaxaca, spoke on Monday.",
     {"Ana Vidal": ("e1", "person"), "Oaxaca": ("e3", "place")}, ("e1", "holds_position", "senator from Oaxaca")),
    ("es", "Ana Vidal, una gran senadora de Oaxaca, habló el lunes.",
     {"Ana Vidal": ("e1", "person"), "Oaxaca": ("e3", "place")}, ("e1", "holds_position", "senadora de Oaxaca")),
]


@pytest.mark.parametrize("lang,body,names,expected", RELATION, ids=[f"{c[0]}-{i}" for i, c in enumerate(RELATION)])
def test_times_passives_named_antecedents_and_plain_posts_keep_their_relation(nlp, lang, body, names, expected):
    assert {g[:3] for g in run(nlp, lang, body, names)} == {expected}


@pytest.mark.parametrize("lang,body,names,expected", [
    ("en", "Ted Vance said that Donald Palmer had personally attacked his wife, Heidi Vance, and his father, "
           "Rafael Vance.",
     {"Ted Vance": ("e1", "person"), "Donald Palmer": ("e2", "person"), "Heidi Vance": ("e3", "person"),
      "Rafael Vance": ("e4", "person")}, {("e3", "family_of", "e1"), ("e4", "family_of", "e1")}),
    ("es", "Ted Vance dijo que Donald Palmer atacó a su esposa, Heidi Vance, durante el debate.",
     {"Ted Vance": ("e1", "person"), "Donald Palmer": ("e2", "person"), "Heidi Vance": ("e3", "person")},
     {("e3", "family_of", "e1")}),
    ("en", "Tim Kaine and his wife, Anne Holton, voted on Tuesday.",  # a wife of another surname stays his
     {"Tim Kaine": ("e1", "person"), "Anne Holton": ("e2", "person")}, {("e2", "family_of", "e1")}),
    ("es", "Tim Kaine llegó con su esposa, Anne Holton, el martes.",
     {"Tim Kaine": ("e1", "person"), "Anne Holton": ("e2", "person")}, {("e2", "family_of", "e1")}),
])
def test_a_possessive_relative_belongs_to_the_person_named_before_who_shares_the_surname(nlp, lang, body, names, expected):
    assert {g[:3] for g in run(nlp, lang, body, names) if g[1] == "family_of"} == expected


@pytest.mark.parametrize("lang, body, post", [
    ("en", "The board praised Rosa Ibarra, the state's first woman governor since Reconstruction - Ohio's "
           "congressional delegation, in May.", "state's first woman governor since Reconstruction"),
    ("es", "Rosa Ibarra, primera gobernadora del estado desde la Reforma - la delegación de Ohio - habló el lunes.",
     "primera gobernadora del estado desde la Reforma"),
])
def test_a_post_ends_at_a_hyphen_written_as_a_dash(nlp, lang, body, post):
    # Regression: "first black governor since Reconstruction - Virginia's congressional delegation"
    # was one post; a hyphen with a space on each side is a dash, unlike the hyphen of "Miami-based".
    got = _positions(run(nlp, lang, body, {"Rosa Ibarra": ("e1", "person")}))
    assert got.get("e1") == {post}, got


_NAMES = {"Harbor Union": ("e1", "organization"), "Luis Pardo": ("e2", "person"), "Ramón Ortiz": ("e3", "person"),
          "Ana Vidal": ("e4", "person"), "Marta Lara": ("e5", "person"), "Pablo Soto": ("e6", "person")}


@pytest.mark.parametrize("lang, body", [
    ("en", "Marta Lara would name a successor if the party wins and Pablo Soto becomes the leader of the Harbor Union."),
    ("en", "If the party wins and Pablo Soto becomes the leader of the Harbor Union, Marta Lara will resign."),
    ("es", "Si el partido gana y Pablo Soto se convierte en líder de la Harbor Union, Marta Lara renunciará."),
    ("es", "Marta Lara renunciará si el partido gana las elecciones y Pablo Soto es elegido líder de la Harbor Union."),
    # the second clause parsed apart from the "if" clause, its "and" hanging elsewhere (read on real news)
    ("en", "As the senior member of the delegation, Ramón Ortiz, 69, has emerged as the front-runner to fill Pablo "
           "Soto's Senate seat if the party wins the White House in November and Pablo Soto becomes the leader of "
           "the Harbor Union."),
    ("es", "Como el demócrata de más edad, Ramón Ortiz se perfila para ocupar el escaño de Pablo Soto si el partido "
           "gana la Casa Blanca en noviembre y Pablo Soto se convierte en líder de la Harbor Union."),
])
def test_a_post_in_a_coordinated_or_governing_condition_is_no_fact(nlp, lang, body):
    """"if A and B": the marker of the first conjunct opens both; "If A, B": the condition below B's
    verb; a present verb joined to a verb under a modal ("would name ... and Y becomes")."""
    assert not run(nlp, lang, body, _NAMES)


@pytest.mark.parametrize("lang, body", [
    ("en", "In 2019 the party won and Pablo Soto became the leader of the Harbor Union."),
    ("es", "En 2019 el partido ganó y Pablo Soto se convirtió en líder de la Harbor Union."),
])
def test_a_post_taken_in_the_past_after_a_coordinated_clause_is_kept(nlp, lang, body):
    got = {(s, p, o) for s, p, o, *_ in run(nlp, lang, body, _NAMES)}
    assert ("e6", "leader_of", "e1") in got, got


@pytest.mark.parametrize("lang, body", [
    ("en", "Ana Vidal has worked hard for the Harbor Union. Ramón Ortiz worked for the Harbor Union."),
    ("es", "Ana Vidal ha trabajado duro por la Harbor Union. Ramón Ortiz trabajó para la Harbor Union."),
    ("es", "Ana Vidal trabajó arduamente para la Harbor Union. Ramón Ortiz trabajó para la Harbor Union."),
])
def test_effort_for_a_cause_is_no_job(nlp, lang, body):
    """"worked hard for X" is campaigning for X; "worked for X" stays employment."""
    got = {(s, p, o) for s, p, o, *_ in run(nlp, lang, body, _NAMES) if p == "works_for"}
    assert got == {("e3", "works_for", "e1")}, got


@pytest.mark.parametrize("lang, body, expected", [
    ("en", "The Harbor Union, former governor Luis Pardo - himself the first mayor of the port - and Ramón Ortiz "
           "backed the plan.", {"e2"}),
    ("en", "Luis Pardo, former governor, and Ramón Ortiz backed the plan.", {"e2"}),
    ("es", "Luis Pardo, gobernador del estado, y Ramón Ortiz apoyaron el plan.", {"e2"}),
    ("es", "Ramón Ortiz, exgobernador del estado, apoyó el plan.", {"e3"}),
])
def test_a_post_in_apposition_belongs_to_its_name_only(nlp, lang, body, expected):
    """Not to the names conjoined with it, nor to the clause's subject through an emphatic
    reflexive ("himself the first mayor"); a Spanish former post may be one word ("exgobernador")."""
    got = {s for s, p, *_ in run(nlp, lang, body, _NAMES) if p == "holds_position"}
    assert got == expected, got


@pytest.mark.parametrize("lang, body", [
    ("en", "Ms Ana Parti, 40, arrived in court on Monday with his mother, Rosa Vidal."),
    ("es", "La Sra. Ana Parti llegó al juzgado el lunes con la madre de él, Rosa Vidal."),
])
def test_a_gendered_pronoun_never_stands_for_a_person_of_the_other_gender(nlp, lang, body):
    # Regression: "his mother, Ng Lai Peng" made Ng Lai Peng the mother of Ms Parti.
    title = "Ms Ana Parti" if lang == "en" else "Sra. Ana Parti"
    names = {"Ana Parti": ("e1", "person"), title: ("e1", "person"), "Rosa Vidal": ("e3", "person")}
    assert not {r for r in run(nlp, lang, body, names) if r[1] == "family_of" and "e1" in (r[0], r[2])}
    male = body.replace(title, "Mr Tomás Parti" if lang == "en" else "El Sr. Tomás Parti").replace("La El", "El")
    names = {"Tomás Parti": ("e1", "person"), "Mr Tomás Parti": ("e1", "person"), "Sr. Tomás Parti": ("e1", "person"),
             "Rosa Vidal": ("e3", "person")}
    if lang == "en":  # (Spanish "de él" after the noun reads as no possessive: only the refusal is tested)
        assert ("e3", "family_of", "e1") in {r[:3] for r in run(nlp, lang, male, names)}


@pytest.mark.parametrize("lang, body", [
    ("en", "Also present were the council's minister of human rights Aung Myo Min and minister of "
           "communications, information and technology Htin Linn Aung."),
    ("es", "Asistieron el ministro de Derechos Humanos Aung Myo Min y el ministro de Comunicaciones, "
           "Información y Tecnología Htin Linn Aung."),
])
def test_a_post_never_holds_another_persons_name_nor_passes_over_it(nlp, lang, body):
    # Regression: Htin Linn Aung held "minister of human rights Aung Myo Min and minister of communications".
    names = {"Aung Myo Min": ("e1", "person"), "Htin Linn Aung": ("e2", "person")}
    for subject, predicate, obj, *_ in run(nlp, lang, body, names):
        if predicate == "holds_position":
            assert "Aung" not in obj and not (subject == "e2" and "rights" in obj or "Derechos" in obj and subject == "e2")


@pytest.mark.parametrize("lang, body, holder, other", [
    ("es", ("Encabezaron la marcha el domingo Emilio Ruiz Vega, la presidenta de la organización civil Voz Común, "
            "Ana María Soler, y el obispo Salvador Rangel."), "e2", "e1"),
    ("es", "Rodrigo Paz Medina, la directora del Instituto Estatal, Laura Ortiz Vela, llegó el lunes.", "e2", "e1"),
    ("en", "Speakers included Thomas Reed, the spokeswoman for the Civic Voice Foundation, Linda Hart, and others.",
     None, "e1"),
])
def test_a_post_whose_word_says_a_gender_is_never_given_to_a_person_of_the_other(nlp, lang, body, holder, other):
    """A role noun of one gender ("la presidenta", "la directora", "spokeswoman") between two names
    is the post of the one whose name says that gender."""
    names = {"Emilio Ruiz Vega": ("e1", "person"), "Ana María Soler": ("e2", "person"),
             "Rodrigo Paz Medina": ("e1", "person"), "Laura Ortiz Vela": ("e2", "person"),
             "Thomas Reed": ("e1", "person"), "Linda Hart": ("e2", "person"),
             "Salvador Rangel": ("e3", "person"), "Voz Común": ("e4", "organization"),
             "Instituto Estatal": ("e5", "organization"), "Civic Voice Foundation": ("e6", "organization")}
    got = run(nlp, lang, body, {k: v for k, v in names.items() if k in body})
    assert not any(s == other and p in ("holds_position", "leader_of", "works_for") for s, p, *_ in got), got
    if holder is not None:
        assert any(s == holder and p in ("holds_position", "leader_of", "works_for") for s, p, *_ in got), got


@pytest.mark.parametrize("lang, body", [
    ("es", "La gobernadora de Sonora, Ana Ruiz Peña, y el alcalde de Hermosillo, Pedro Vega Soto, firmaron el convenio."),
    ("en", "The spokesman for the Civic Voice Foundation, Thomas Reed, signed the agreement on Monday."),
])
def test_a_post_of_the_holders_gender_is_kept(nlp, lang, body):
    names = {"Ana Ruiz Peña": ("e1", "person"), "Pedro Vega Soto": ("e2", "person"), "Sonora": ("e3", "place"),
             "Hermosillo": ("e4", "place"), "Thomas Reed": ("e2", "person"), "Civic Voice Foundation": ("e5", "organization")}
    got = run(nlp, lang, body, {k: v for k, v in names.items() if k in body})
    assert any(s == "e2" and p in ("holds_position", "leader_of", "works_for") for s, p, *_ in got), got
