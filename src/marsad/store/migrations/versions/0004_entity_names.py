"""How many articles called each stored entity by each name (`entity_names`).

An entity used to keep the name of the first article that named it ("ترمب" for Donald Trump
when that article came first); with these counts it is shown under the name most articles
give it. A store from before this migration has no counts yet: `marsad db relink` counts
every stored article's names, and until then the counts start with the articles stored next.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity_names",
        sa.Column("entity_id", sa.String(64), sa.ForeignKey("entities.id"), primary_key=True),
        sa.Column("name", sa.Text(), primary_key=True),
        sa.Column("articles", sa.Integer(), nullable=False),
        if_not_exists=True,  # a store made by create_all has it
    )


def downgrade() -> None:
    op.drop_table("entity_names")
