"""An index on entity names: entity pages look a name up among the stored entities.

Since entity pages follow the store's links (`queries.stored_entity_ids`), every page view
asks for the entities called a name, once for the page and once per person in its "who met
whom" table; without the index each ask read the whole `entities` table.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_entities_name", "entities", ["name"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_entities_name", table_name="entities")
