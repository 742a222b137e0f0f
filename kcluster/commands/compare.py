from typing import Any

import click

from ..context import Session, pass_session
from .options import emit_records, output_format, print_rich

# As bmbf-de-kr prints them (Table 1): its caption and column headings.
CAPTION = "Table 1: Comparison of typical characteristics of German and Korean clusters (bmbf-de-kr)"
COLUMNS = {
    "german_bottom_up": "German clusters (bottom-up)",
    "german_top_down": "German clusters (top-down)",
    "korean_mini_clusters": "Korean mini-clusters",
}


@click.command()
@output_format()
@pass_session
def compare(session: Session, output_format: str) -> None:
    """German and Korean clusters side by side, as the BMBF study compares them.

    The one source that describes Korean mini clusters to Europeans: eight
    characteristics (establishment background, motivation, management,
    co-operation, commitment, subject areas, projects, sustainability) for
    German bottom-up clusters, German top-down clusters and Korean mini-clusters.

    \b
    Examples:
      kcluster compare
      kcluster compare --json | jq '.[] | {characteristic, korean_mini_clusters}'
    """
    rows = session.catalog.rows("comparisons")

    def table() -> None:
        from ..render.tables import new_table, titled

        # One small table a characteristic: its three cells side by side fit 80 columns,
        # where a fourth column for the characteristic would not.
        parts: list[Any] = [titled(CAPTION)]
        for row in sorted(rows, key=lambda r: r["position"]):
            drawn = new_table(*COLUMNS.values(), title=row["characteristic"])
            # A cell lists items ("; " in the record): one a line, as the study prints them.
            drawn.add_row(*(row[field].replace("; ", "\n") for field in COLUMNS))
            parts.append(drawn)
        print_rich(*parts)

    emit_records(rows, output_format, table)
