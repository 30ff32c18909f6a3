"""Claims by article through `claim_articles` (revision 0010): written with the claims, filled
from the claims' JSON lists when an older store upgrades, and read by the article page's lookup."""

from __future__ import annotations

from sqlalchemy import select, text

from fuentes.codecs import CLAIM
from fuentes.model import Claim
from fuentes.store.analysis import save_claims
from fuentes.store.engine import migrate
from fuentes.store.schema import claim_articles, claims
from fuentes.store.views import claims_page


def _claim(claim_id: str, articles: list[str], grade: int = 3) -> Claim:
    return Claim(id=claim_id, text=f"Statement {claim_id}.", articles=articles, origins=articles,
                 independent_sources=len(articles), grade=grade)


def _links(store) -> set[tuple[str, str]]:
    with store.engine.connect() as conn:
        return {(row.article_id, row.claim_id) for row in conn.execute(select(claim_articles))}


def test_an_articles_claims_are_found_by_key_and_replaced_with_the_claims(store):
    save_claims(store, [_claim("clm_a", ["art_1", "art_2"], grade=2), _claim("clm_b", ["art_2"]),
                        _claim("clm_c", ["art_3"])], [])
    assert _links(store) == {("art_1", "clm_a"), ("art_2", "clm_a"), ("art_2", "clm_b"), ("art_3", "clm_c")}
    total, rows = claims_page(store, article_id="art_2")
    assert total == 2 and [r["id"] for r in rows] == ["clm_a", "clm_b"]  # listing order: best grade first
    assert claims_page(store, article_id="art_9") == (0, [])
    # an id that is a substring of another's is not matched (the old JSON LIKE lookup's risk)
    assert claims_page(store, article_id="art_")[0] == 0

    save_claims(store, [_claim("clm_b", ["art_3"])], [])  # a new analysis replaces every claim
    assert _links(store) == {("art_3", "clm_b")}
    assert claims_page(store, article_id="art_2") == (0, [])
    assert [r["id"] for r in claims_page(store, article_id="art_3")[1]] == ["clm_b"]


def test_a_0009_store_gains_the_links_of_its_stored_claims(store):
    """The upgrade reads each stored claim's article list (both back ends' JSON functions)."""
    rows = [CLAIM.to_row(_claim("clm_a", ["art_1", "art_2"])), CLAIM.to_row(_claim("clm_b", ["art_2", "art_2"])),
            {**CLAIM.to_row(_claim("clm_c", [])), "articles": None}]
    with store.engine.begin() as conn:  # the store as revision 0009 left it: claims, no link table
        conn.execute(claims.insert(), rows)
        conn.execute(text("DROP TABLE claim_articles"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0009'"))
    migrate(store.engine)
    assert _links(store) == {("art_1", "clm_a"), ("art_2", "clm_a"), ("art_2", "clm_b")}
    assert [r["id"] for r in claims_page(store, article_id="art_2")[1]] == ["clm_a", "clm_b"]
