"""Indexes for the lookups ingest makes on every article: a name by its key, a story's terms.

Without them SQLite scanned `entity_variants` for every entity of every article and
`story_terms` whenever a story grew, so ingest slowed as the store filled. An entity's
articles (`marsad entity`, the entity page) get an index too.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_article_entities_entity_id", "article_entities", ["entity_id"]),
    ("ix_entity_variants_variant_key", "entity_variants", ["variant_key", "entity_type"]),
    ("ix_story_terms_story_id", "story_terms", ["story_id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, if_not_exists=True)  # a store made by create_all has them


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
