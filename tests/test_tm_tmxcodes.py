"""XLIFF inline codes written as TMX 1.4b codes (termkit.tm.tmxcodes), checked against the DTD."""

from __future__ import annotations

import pytest
from lxml import etree

from termkit.tm.tmxcodes import tmx_markup
from tests.conftest import DATA

DTD = etree.DTD(str(DATA / "formats" / "schemas" / "tmx" / "tmx14.dtd"))

CASES = [
    # (stored markup, as written in TMX)
    ('Open <ph id="1">%s</ph> now', 'Open <ph x="1">%s</ph> now'),
    ('Save <g id="1" ctype="bold">all</g>', 'Save <bpt i="1" x="1" type="bold">&lt;g id="1" '
     'ctype="bold"&gt;</bpt>all<ept i="1">&lt;/g&gt;</ept>'),
    ('<bpt id="b" rid="7">&lt;b&gt;</bpt>x<ept id="c" rid="7">&lt;/b&gt;</ept>',
     '<bpt i="1">&lt;b&gt;</bpt>x<ept i="1">&lt;/b&gt;</ept>'),
    ('<it id="4" pos="close">&lt;/i&gt;</it>', '<it x="4" pos="end">&lt;/i&gt;</it>'),
    ('a<x id="2"/>b', 'a<ph x="2">&lt;x id="2"/&gt;</ph>b'),
    ('<bx id="3"/>x<ex id="3"/>', '<it pos="begin" x="3">&lt;bx id="3"/&gt;</it>x'
     '<it pos="end" x="3">&lt;ex id="3"/&gt;</it>'),
    ('<ph id="5">&lt;a href="<sub ctype="x-href" xid="9">l</sub>"&gt;</ph>',
     '<ph x="5">&lt;a href="<sub type="x-href">l</sub>"&gt;</ph>'),
    ('Open <ph id="1" disp="%s"/>', 'Open <ph x="1">&lt;ph id="1" disp="%s"/&gt;</ph>'),
    ('<pc id="1">a<pc id="2">b</pc></pc><sc id="3"/>c<ec startRef="3"/>',
     '<bpt i="1" x="1">&lt;pc id="1"&gt;</bpt>a<bpt i="2" x="2">&lt;pc id="2"&gt;</bpt>b'
     '<ept i="2">&lt;/pc&gt;</ept><ept i="1">&lt;/pc&gt;</ept>'
     '<it pos="begin" x="3">&lt;sc id="3"/&gt;</it>c<it pos="end" x="3">&lt;ec startRef="3"/&gt;</it>'),
    # A TMX pair already numbered 1: a converted pair takes the next number.
    ('<bpt i="1">&lt;b&gt;</bpt>a<ept i="1">&lt;/b&gt;</ept><g id="1">b</g>',
     '<bpt i="1">&lt;b&gt;</bpt>a<ept i="1">&lt;/b&gt;</ept><bpt i="2" x="1">&lt;g id="1"&gt;'
     '</bpt>b<ept i="2">&lt;/g&gt;</ept>'),
]


@pytest.mark.parametrize(("stored", "written"), CASES, ids=[c[0][:30] for c in CASES])
def test_xliff_codes_become_valid_tmx(stored: str, written: str) -> None:
    out = tmx_markup(stored)
    assert out == written
    tmx = etree.fromstring(
        '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="phrase" '
        'o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body><tu><tuv '
        f'xml:lang="en"><seg>{out}</seg></tuv></tu></body></tmx>')
    assert DTD.validate(tmx), DTD.error_log.filter_from_errors()


@pytest.mark.parametrize("tmx", ['<bpt i="1" type="bold">{b}</bpt>x<ept i="1">{/b}</ept>',
                                 '<ph x="1" assoc="p">%s</ph> <hi type="term">t</hi>'])
def test_tmx_codes_are_kept_as_they_are(tmx: str) -> None:
    assert tmx_markup(tmx) == tmx


def test_annotations_only_or_unparsable_markup_gives_the_plain_text() -> None:
    assert tmx_markup('<mrk mtype="term">a</mrk> b') is None
    assert tmx_markup("<a:b>x</a:b>") is None
