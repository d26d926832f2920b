"""The line of a refused entity declaration is the declaration's, not that of a comment, a
processing instruction or an earlier entity's value quoting one.

`xmlsafe.declaration_line` looked for the first `<!ENTITY name` in the document's head as
plain text, so an internal subset that shows a declaration in a comment before making it
(`<!-- e.g. <!ENTITY lol "..."> -->`) was reported at the comment's line. Found by review15.
"""

from __future__ import annotations

import io

import pytest

from termkit.errors import FormatError
from termkit.formats import tmx
from termkit.xmlsafe import declaration_line

BODY = ('<tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="phrase" '
        'o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body><tu>'
        '<tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="zh-TW"><seg>甲</seg></tuv></tu>'
        '</body></tmx>\n')

PROLOGS = {
    "comment": '<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!-- e.g. <!ENTITY lol "x"> -->\n'
               '\n<!ENTITY lol "lol">\n]>\n',
    "comment-quote": '<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!-- don\'t -->\n'
                     '\n<!ENTITY lol "lol">\n]>\n',
    "pi": '<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<?note <!ENTITY lol "x"> ?>\n'
          '\n<!ENTITY lol "lol">\n]>\n',
}


@pytest.mark.parametrize("case", PROLOGS)
def test_the_declaration_is_found_past_markup_that_quotes_it(case: str) -> None:
    data = (PROLOGS[case] + BODY).encode()
    assert declaration_line(data, "lol", "utf-8") == 5
    with pytest.raises(FormatError) as info:
        list(tmx.iter_units(io.BytesIO(data), "t.tmx"))
    assert info.value.line == 5, str(info.value)


def test_a_value_quoting_a_declaration_is_not_it() -> None:
    head = b'<!DOCTYPE tmx [\n<!ENTITY b "<!ENTITY a \'z\'>">\n\n<!ENTITY a "y">\n]>\n'
    assert declaration_line(head, "b", "utf-8") == 2
    assert declaration_line(head, "a", "utf-8") == 4
