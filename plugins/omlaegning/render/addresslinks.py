"""A Markdown extension that marks links whose text is their own address.

Print adds a link's address after its text; for these links that would print the
address twice. The class "adresse" tells the print style sheet to leave them alone.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ADDRESS_CLASS = "adresse"


class _MarkAddressLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if len(link) == 0 and (link.text or "").strip() == link.get("href"):
                link.set("class", " ".join(filter(None, [link.get("class"), ADDRESS_CLASS])))


class AddressLinks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline processor that makes the links (20) and after "unescape" (0), which turns
        # escaped characters such as the "\_" in an address back from placeholders into text.
        md.treeprocessors.register(_MarkAddressLinks(md), "omlaegning_address_links", -1)
