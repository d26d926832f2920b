"""The standard library's HTML tokenizer, made to read any tag soup a browser reads.

:class:`html.parser.HTMLParser` raises AssertionError on a ``<![`` that opens neither a CDATA
section nor one of IE's ``<![if …]>`` sections (``<![foo]>``, ``<![ if !supportLists ]>`` with
spaces, 5,865 of 30,000 random tag-soup strings); HTML reads any such ``<![`` as a bogus comment
up to the next ``>``. Every HTML reader in termkit (page records, ``convert`` of pages) takes
its tokenizer from here, so a page one reads the other reads too.
"""

from __future__ import annotations

from html.parser import HTMLParser


class HTMLTokenizer(HTMLParser):
    """:class:`~html.parser.HTMLParser` that reads an unknown ``<![`` as HTML does."""

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """``<![…]]>``: a CDATA section or IE's ``<![if …]>`` as the parser knows them; any
        other ``<![`` is a bogus comment up to the next ``>``, as HTML parses it (the
        parser's own reading raises AssertionError on it)."""
        where = self.lineno, self.offset
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            # the failed scan moved the position past '<![' first (_markupbase._scan_name):
            # put it back, or every later token is reported that much too far on
            self.lineno, self.offset = where
            return self.parse_bogus_comment(i, report)
