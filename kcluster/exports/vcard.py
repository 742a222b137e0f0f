"""Mini clusters as contact cards: vCard 4.0 (RFC 6350), one card per mini cluster.

Each card is an organisation (KIND:org) named after the mini cluster and its hub, with
the full phone number, the URL, the address of the KICOX office that serves the hub
where the 2010 list prints one, and a note saying where it all comes from. The UID is
derived from the record id, so importing a newer export updates cards instead of
duplicating them.
"""

import uuid
from collections.abc import Iterable

from .. import version
from ..catalog import Catalog
from ..model import MiniCluster, Source

LINE_END = "\r\n"
MAX_LINE_OCTETS = 75  # RFC 6350 3.2: longer lines are folded
ORGANISATION = "KICOX"  # the mini cluster list is KICOX's: every mini cluster belongs to it
COUNTRY = "Republic of Korea"  # the offices' addresses are printed without it
CATEGORY = "KICOX mini clusters"


def mini_cluster_cards(catalog: Catalog, mini_clusters: Iterable[MiniCluster]) -> str:
    return "".join(card(catalog, mini_cluster) for mini_cluster in mini_clusters)


def card(catalog: Catalog, mini_cluster: MiniCluster) -> str:
    hub = catalog.find("complexes", mini_cluster.complex)
    hub_name = hub.display_name if hub else mini_cluster.complex
    office = catalog.office_of(mini_cluster)
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"PRODID:-//kcluster//kcluster {version()}//EN",
        f"UID:urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'kcluster:{mini_cluster.KIND}/{mini_cluster.id}')}",
        "KIND:org",
        f"FN:{escape(f'{mini_cluster.name} mini cluster ({hub_name})')}",
        f"ORG:{compound(ORGANISATION, hub_name)}",
        f"TEL;VALUE=uri;TYPE=work:tel:{mini_cluster.phone}",
        f"URL:{mini_cluster.url}",
    ]
    if office and office.address:
        # ADR: PO box; extended address; street; locality; region; postal code; country. The
        # printed address is one line with its city and postal code: it is kept whole as the street.
        lines.append(f"ADR;TYPE=work:{compound('', office.name, office.address, '', '', '', COUNTRY)}")
    lines += [f"CATEGORIES:{escape(CATEGORY)}", f"NOTE:{escape(_note(catalog, mini_cluster, hub_name))}", "END:VCARD"]
    return "".join(fold(line) + LINE_END for line in lines)


def _note(catalog: Catalog, mini_cluster: MiniCluster, hub_name: str) -> str:
    region = catalog.region_of(mini_cluster)
    where = f"{hub_name} hub" + (f" ({region.name})" if region else "")
    parts = [
        f"Mini cluster '{mini_cluster.name}' of the {where}, in KICOX's Industrial Complex Cluster Program. "
        "Contact details as listed in 2010."
    ]
    if "phone" in mini_cluster.derived:
        parts.append(f"Phone: the list's number +82-70-8895 with the extension {mini_cluster.extension}.")
    parts += list(mini_cluster.notes)
    parts.append(_cited(catalog, mini_cluster))
    parts.append(f"From the kcluster dataset of {catalog.dataset_date} (mini cluster {mini_cluster.id}).")
    return "\n".join(parts)


def _cited(catalog: Catalog, mini_cluster: MiniCluster) -> str:
    sections: dict[str, list[str]] = {}
    for citation in mini_cluster.sources:
        sections.setdefault(citation.source, []).append(citation.section)
    cited = []
    for source_id, names in sections.items():
        source = catalog.find(Source, source_id)
        document = f"{source.title} ({source.date})" if isinstance(source, Source) else source_id
        cited.append(f"{document}: {'; '.join(names)}")
    return "Source: " + " / ".join(cited) + "."


def escape(text: str) -> str:
    """A text value, escaped as RFC 6350 3.4 asks: backslash, comma, semicolon, newline."""
    return (
        text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def compound(*components: str) -> str:
    """A structured value (ORG, ADR): escaped components separated by semicolons."""
    return ";".join(escape(component) for component in components)


def fold(line: str) -> str:
    """Fold a content line into lines of at most 75 octets, never inside a UTF-8 character.

    A continuation line starts with a space, which counts towards its 75 octets.
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_LINE_OCTETS:
            pieces.append("".join(current))
            current, size = [], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return (LINE_END + " ").join(pieces)
