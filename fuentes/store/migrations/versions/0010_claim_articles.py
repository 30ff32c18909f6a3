"""Which corpus claims each article reports, as rows: `claim_articles` (article_id, claim_id).

A claim's `articles` stays its JSON list (the export contract); this table repeats it in a form
the database can index, so an article's page finds its claims by key instead of reading every
claim's list (a whole-table scan that grew with the store). `save_claims` writes both in one
transaction. Existing claims get their rows here, read from their JSON lists.

Revision ID: 0010
Revises: 0009 (publication instants)
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

FILL = {
    "sqlite": "INSERT OR IGNORE INTO claim_articles (article_id, claim_id) "
              "SELECT DISTINCT j.value, c.id FROM claims AS c, json_each(c.articles) AS j "
              "WHERE json_valid(c.articles) AND j.type = 'text'",
    "postgresql": "INSERT INTO claim_articles (article_id, claim_id) "
                  "SELECT DISTINCT j.value, c.id FROM claims AS c, "
                  "json_array_elements_text(CASE WHEN json_typeof(c.articles) = 'array' THEN c.articles "
                  "ELSE '[]'::json END) AS j(value) ON CONFLICT DO NOTHING",
}


def upgrade() -> None:
    op.create_table("claim_articles",
                    sa.Column("article_id", sa.String(40), primary_key=True),
                    sa.Column("claim_id", sa.String(40), primary_key=True))
    dialect = op.get_bind().dialect.name
    if dialect in FILL:
        op.execute(FILL[dialect])


def downgrade() -> None:
    op.drop_table("claim_articles")
