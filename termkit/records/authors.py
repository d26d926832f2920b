"""Author lines as printed on article pages, RIS ``AU`` values and JSON strings.

Shapes understood (``;``, ``；``, ``、``, ``,`` or ``，`` between authors; affiliation marks
after a name, ``王小明1,2``, ``仝小林¹``, are dropped):

* ``張國城(Kuo-Cheng Chang)``, full-width ``張三（San Zhang）；李四（Si Li）``, and the
  reverse ``Kuo-Cheng Chang(張國城)``;
* ``王小明 / Hsiao-Ming Wang`` and ``郑丹丹 张梦宇 朱波 / ZHENG Dandan, ZHANG Mengyu, ZHU Bo``
  (paired by position when the counts match);
* ``林彥汝 Lin, Yen-Ju`` (Chinese name, then the romanized one);
* one script only: ``莊傳慶``, ``曾國鴻; 賴秋露``, ``Shu-Chi Pai``;
* one line per script (``羅延康`` then ``Lo, In-Hong``), paired by position.

In strict mode (page text, where the author line has no label) every Chinese name must
look like one: two or three Han characters after a common surname, or four after a
compound one; romanized names must be one to five capitalised words. That keeps keyword
and title lines from being read as authors.
"""

from __future__ import annotations

import re
from itertools import permutations

from termkit.model import Person
from termkit.records.romanized import sounded
from termkit.records.script import HAN, clean, fold, has_han, has_latin

# Common single-character surnames (Traditional and Simplified forms). A fact list, used
# only to tell a name line from a title or keyword line.
SURNAMES = frozenset(
    "王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何林羅罗高鄭郑梁謝谢宋唐許许韓韩"
    "馮冯鄧邓曹彭曾蕭萧肖田董袁潘于於蔣蒋蔡余杜葉叶程蘇苏魏呂吕丁任沈姚盧卢姜崔鍾钟鐘譚谭"
    "陸陆汪范金石廖賈贾夏韋韦付傅方白鄒邹孟熊秦邱江尹薛閻阎段雷侯龍龙史陶黎賀贺顧顾毛郝龔"
    "龚邵萬万錢钱嚴严覃武戴莫孔向湯汤常溫温康施文牛樊葛邢安齊齐易喬乔伍龐庞顏颜倪莊庄聶聂"
    "章魯鲁岳翟殷詹申歐欧耿關关蘭兰焦俞左柳甘祝包寧宁尚符舒阮柯紀纪梅童凌畢毕單单季裴霍"
    "塗涂凃成苗谷盛曲翁冉駱骆藍蓝路游辛靳管柴蒙鮑鲍華华喻祁蒲房滕屈饒饶解牟艾尤陽阳時时穆"
    "農农司卓古吉繆缪簡简車车項项連连麥麦褚婁娄竇窦戚岑景黨党宮宫費费卜冷晏席衛卫米杭明"
    "諸诸邊边應应鄔邬查柏郁瞿宗仇巫鄺邝洪賴赖官粘練练巴鄂諶谌滿满楚閔闵桂池湛佘姬狄鞠莫"
    "戎習习晁饒喻丘鄢蕭"
)
# Compound surnames, two characters each.
_COMPOUND = (
    "歐陽欧阳司馬司马上官諸葛诸葛東方东方皇甫尉遲尉迟公孫公孙慕容令狐司徒夏侯范姜張簡张简端木"
    "軒轅轩辕長孫长孙宇文鍾離钟离西門西门澹臺澹台"
)
COMPOUND_SURNAMES = frozenset(_COMPOUND[i : i + 2] for i in range(0, len(_COMPOUND), 2))
_HAN_NAME = re.compile(f"[{HAN}]{{2,4}}")
_LATIN_WORD = re.compile(
    r"(?:[A-Z][A-Za-z'’\-.]*|[A-Z]\.|van|von|de|der|den|da|du|bin|binti|al|le|la),?"
)
_SLASH = re.compile(r"\s*[/／]\s*")
_PAREN = re.compile(r"^(.+?)\s*[(（]\s*(.+?)\s*[)）]$")
_HAN_THEN_LATIN = re.compile(f"^((?:[{HAN}·]+\\s+)*[{HAN}·]+)\\s+([A-Za-z].*)$")
_HAN_SEPARATORS = re.compile(r"[;；、，,+＋]+")
_SPACES = re.compile(r"\s+")
# Affiliation marks after a name: ``CHEN Huiting1``, ``仝小林1``, ``蘇怡如 Yi-ju Su *``, and
# a name of several affiliations as CNKI prints them (``王小明1,2、李大华3``: the comma
# between two marks separates no names), superscript digits as PDFs keep them (``王小明¹²``).
_MARK_CHARS = r"\d¹²³⁴⁵⁶⁷⁸⁹⁰*†‡＊"
_MARKS = re.compile(
    rf"(?:(?<=[^\s\d,，;；、(（])[{_MARK_CHARS}]+(?:[,，][\d¹²³⁴⁵⁶⁷⁸⁹⁰]+[*†‡＊]*)*"
    r"|\s+[*†‡＊]+)(?=\s*(?:[,，;；、)）]|\s+[^\s\d]|$))"
)
# Marks between two names printed with nothing else between them (``王建国1,2刘晓燕1``, as
# a database's page copies its linked names): the marks are the separator.
_GLUED_MARKS = re.compile(
    rf"(?<=[{HAN}])[\d¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:[,，][\d¹²³⁴⁵⁶⁷⁸⁹⁰]+)*[*†‡＊]*(?=[{HAN}])"
)
_PAREN_GROUP = re.compile(r"\s*[(（]([^()（）]*)[)）]")
_INNER_PAREN = re.compile(r"\s*[(（][^()（）]*[)）]")
_EMBEDDED = re.compile(f"([{HAN}]{{2,4}})\\s*[(（]\\s*([A-Z][A-Za-z'’\\-. ,]+?)\\s*[)）]")
_AND = re.compile(r"\s+(?:and|&)\s+")
# A Chinese run at the end of a line after Latin words: the department, after the names.
_TRAILING_HAN = re.compile(f"(?<=[A-Za-z.])\\s+[{HAN}][{HAN}（）()、·]*$")
# A Chinese institution after a name in parentheses: ``… Tsai) 國立中興大學``.
_TRAILING_INSTITUTION = re.compile(
    f"(?<=[)）])\\s*[{HAN}]+(?:大學|大学|學院|学院|研究所|研究院|醫院|医院|中心|公司|圖書館"
    f"|图书馆|中學|中学|系)$"
)
# Words that begin an institution's name after the authors' names on one line.
_INSTITUTION_WORDS = frozenset(
    (
        "Institute", "Department", "Dept", "University", "College", "School", "Graduate",
        "Center", "Centre", "Faculty", "Program", "Programme", "Laboratory", "Hospital",
        "Library", "Academy", "Division", "Bureau", "Ministry", "Office", "Museum",
    )
)


def names_institution(line: str) -> bool:
    """True if a Latin ``line`` names an institution (``Department of …, National Taiwan
    Normal University``): the affiliation printed under the romanized names."""
    if has_han(line):
        return False
    return any(word.strip(",.;()") in _INSTITUTION_WORDS for word in line.split())


def looks_like_han_name(name: str) -> bool:
    """Two or three Han characters after a common surname, or four after a compound one.

    Spaces inside the name (``丁 娟``, typeset for even width) and radical code points from
    PDF text (``王⾦波``) are ignored for the test.
    """
    name = fold(_SPACES.sub("", name))
    if not _HAN_NAME.fullmatch(name):
        return False
    if name[:2] in COMPOUND_SURNAMES:
        return len(name) in (3, 4)
    return name[0] in SURNAMES and len(name) in (2, 3, 4)


def looks_like_latin_name(name: str) -> bool:
    """One to five capitalised words (particles such as ``van`` allowed), one comma at most."""
    # ``Chiu,Shih-Chuan`` (no space after the comma); ``Chien Wen (Tina) Yuan`` (a nickname).
    name = _INNER_PAREN.sub("", re.sub(r",(?=\S)", ", ", name))
    words = name.split()
    if not 1 <= len(words) <= 5 or name.count(",") > 1:
        return False
    return all(_LATIN_WORD.fullmatch(w) for w in words) and words[0][0].isupper()


def split_latin_names(text: str, expected: int | None = None) -> list[str]:
    """Split romanized names: ``;`` or ``、`` first, else ``,`` unless it is ``Surname, Given``."""
    text = clean(text)
    if ";" in text or "；" in text or "、" in text:
        # (``、`` never stands inside a romanized name: NDLTD's ``Wang, Ta-Ming、Li, Hsiao-Hua``)
        return [n for n in (clean(p) for p in re.split(r"[;；、]", text)) if n]
    parts = [p for p in (clean(p) for p in _AND.sub(",", text).split(",")) if p]
    if expected is not None and expected > 1 and len(parts) == 1:
        return _even_split(text, expected) or [text]
    if expected == 1 or len(parts) <= 1:
        return [text]
    if expected is not None and len(parts) == expected:
        return parts

    singles = all(len(p.split()) == 1 for p in parts)
    if singles and len(parts) % 2 == 0 and (expected is None or len(parts) == 2 * expected):
        return [f"{parts[i]}, {parts[i + 1]}" for i in range(0, len(parts), 2)]
    if all(len(p.split()) >= 2 for p in parts):
        return parts
    return [text]


def _even_split(text: str, expected: int) -> list[str] | None:
    """``Yun-Sheng Hsu Cheng-Hwai Liou`` as two names: names printed without separators,
    as many as the Chinese names beside them, two or three words each."""
    words = text.split()
    size, rest = divmod(len(words), expected)
    if rest or size not in (2, 3):
        return None
    names = [" ".join(words[i : i + size]) for i in range(0, len(words), size)]
    return names if all(looks_like_latin_name(n) for n in names) else None


def trim_affiliation(text: str) -> str:
    """An author line without the department printed after the names.

    ``許永聲 劉政淮 Yun-Sheng Hsu Cheng-Hwai Liou Institute of Business and Management
    經營管理研究所`` -> ``許永聲 劉政淮 Yun-Sheng Hsu Cheng-Hwai Liou``: a Chinese run after
    the romanized names, and the English words from the first that names an institution
    (``Institute``, ``Department``, ``University`` …) on.
    """
    m = _TRAILING_HAN.search(text)
    if m is not None and has_han(text[: m.start()]):
        text = text[: m.start()]
    m = _TRAILING_INSTITUTION.search(text)
    if m is not None:
        text = text[: m.start()]  # ``蔡炎興(Yan-Hsing Tsai) 國立中興大學``
    words = text.split()
    for i, word in enumerate(words):
        if i and word.strip(",.;") in _INSTITUTION_WORDS and has_latin(" ".join(words[:i])):
            return " ".join(words[:i]).rstrip(" ,;")
    return text.strip()


# Two spaces or more, or a tab: the gap between two names of a line of Chinese names (a
# page's name links shown as text); a single or ideographic space may be typesetting inside
# a name (``张 晓``, ``王　伟``).
_WIDE_GAP = re.compile(r"[ \t]{2,}|\t")


def wide_gaps_separated(line: str) -> str:
    """A line of names set apart by wide gaps, with separators between them instead: Chinese
    names of two Han characters or more (``王大明  张 晓`` -> ``王大明、张 晓``), or romanized
    Chinese names of two or three words (``WANG Jianguo  LIU Xiaoyan`` -> ``WANG Jianguo, LIU
    Xiaoyan``: each word splits into pinyin or Wade-Giles syllables); any other line as it is."""
    if _WIDE_GAP.search(line.strip()) is None:
        return line
    pieces = [p.strip() for p in _WIDE_GAP.split(line.strip())]
    if not has_latin(line):
        if has_han(line) and all(len(_SPACES.sub("", p)) >= 2 for p in pieces):
            return "、".join(pieces)
        return line
    if not has_han(line) and all(_romanized_name(p) for p in pieces):
        return ", ".join(pieces)
    return line


def _romanized_name(piece: str) -> bool:
    """A romanized Chinese name: two or three capitalised words, each of Chinese syllables."""
    from termkit.pinyin.names import is_romanizable

    words = piece.split()
    return 2 <= len(words) <= 3 and looks_like_latin_name(piece) and all(
        is_romanizable(w) for w in words)


def split_han_names(text: str) -> list[str]:
    """Split a line of Chinese names at separators and spaces.

    A space splits only when every piece is two characters or more: ``胡嘉元 邱瑞瑾 赵晨`` is
    three names, ``张 晓`` one (the space is typesetting).
    """
    names: list[str] = []
    for part in _HAN_SEPARATORS.split(text):
        pieces = part.split()
        if len(pieces) > 1 and all(len(p) >= 2 for p in pieces):
            names.extend(pieces)
        elif pieces:
            names.append(" ".join(pieces))
    return names


def strip_affiliations(text: str) -> str:
    """Remove what the name line carries besides names: affiliation marks and addresses.

    ``CHEN Huiting1`` -> ``CHEN Huiting``; ``LIU Mo (Foshan Library,foshan 528000,China)`` ->
    ``LIU Mo`` (a parenthesis holding a digit, or three words or more in a line without Han
    characters, is an address, not a romanized name); a line that is wholly in parentheses
    is dropped.
    """
    lines: list[str] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or (line[0] in "(（" and line[-1] in ")）"):
            continue

        latin_line = not has_han(line)

        def address(m: re.Match[str], latin_line: bool = latin_line) -> str:
            inner = m.group(1)
            if any(ch.isdigit() for ch in inner) or (latin_line and len(inner.split()) >= 3):
                return ""
            return m.group()

        line = _PAREN_GROUP.sub(address, line)
        lines.append(_MARKS.sub("", _GLUED_MARKS.sub("、", line)).strip())
    return "\n".join(lines)


def _one_script(names: list[str], strict: bool, *, row: bool = False) -> list[Person] | None:
    out: list[Person] = []
    # In a row of three names or more, one name whose surname is not among the common
    # ones (``仝小林 朱向东 赵林华``) is still a name; in a row of two, when the dictionary
    # gives its first character as a surname and the name is no word of it (``仝小林、朱向东``).
    han_row = row and len(names) >= 2 and all(has_han(n) for n in names)
    spare = 1 if han_row else 0
    for name in names:
        if has_han(name):
            if strict and not looks_like_han_name(name):
                if not spare or not _HAN_NAME.fullmatch(fold(_SPACES.sub("", name))):
                    return None
                other = names[1 - names.index(name)] if len(names) == 2 else None
                if other is not None and not (
                    _dictionary_surname(fold(_SPACES.sub("", name)))
                    and not _dictionary_word(fold(_SPACES.sub("", other)))
                ):
                    return None  # (and the other is no word either: 中医药、高校 are keywords)
                spare -= 1
            out.append(Person(zh=name))
        else:
            if strict and not looks_like_latin_name(name):
                return None
            out.append(Person(en=name))
    return out


def _dictionary_word(text: str) -> bool:
    """True if ``text`` is a word of CC-CEDICT (``高校``, ``滿意度``)."""
    from termkit.lexicon import get_lexicon

    return text in get_lexicon()


def _dictionary_surname(name: str) -> bool:
    """True if CC-CEDICT gives the first character of ``name`` as a surname (``仝``: "used as
    a surname") and ``name`` itself is no word of the dictionary."""
    from termkit.lexicon import get_lexicon

    if _dictionary_word(name):
        return False
    return any("surname" in gloss.casefold() for entry in get_lexicon().lookup(name[:1])
               for gloss in entry.glosses)


def _pair(zh: list[str], en: list[str], strict: bool) -> list[Person] | None:
    if strict and (
        not all(looks_like_han_name(n) for n in zh) or not all(looks_like_latin_name(n) for n in en)
    ):
        return None
    if len(zh) == len(en):
        return [Person(zh=a, en=b) for a, b in zip(zh, en, strict=True)]
    if strict:
        return None
    return [Person(zh=a) for a in zh] + [Person(en=b) for b in en]


def _paren_entry(entry: str, strict: bool) -> Person | None:
    m = _PAREN.match(entry)
    if m is None:
        people = _one_script([entry], strict)
        return people[0] if people else None
    outer, inner = clean(m.group(1)), clean(m.group(2))
    if has_han(outer) and not has_han(inner):
        zh, en = outer, inner
    elif has_han(inner) and not has_han(outer):
        zh, en = inner, outer
    else:
        return None
    # Written together as ``張三(San Zhang)``, a name needs no common surname to be one.
    han_ok = looks_like_han_name(zh) or _HAN_NAME.fullmatch(fold(_SPACES.sub("", zh)))
    if strict and not (han_ok and looks_like_latin_name(en)):
        return None
    return Person(zh=zh, en=en)


def _embedded_names(text: str) -> list[Person]:
    """Every ``張三(San Zhang)`` in a line that holds other words too."""
    found: list[Person] = []
    for m in _EMBEDDED.finditer(text):
        zh, en = m.group(1), clean(m.group(2))
        if looks_like_latin_name(en):
            found.append(Person(zh=zh, en=en))
    return found


def _split_entries(text: str) -> list[str]:
    """Split at separators outside parentheses."""
    entries: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ";；、，,":
            entries.append(text[start:i])
            start = i + 1
    entries.append(text[start:])
    return [e for e in (clean(x) for x in entries) if e]


def parse_author_line(
    line: str, *, strict: bool = True, row: bool = True
) -> list[Person] | None:
    """The authors on one line, or None if the line does not have an author shape.

    ``row``: a line of three Chinese names or more may hold one whose surname is not a
    common one (strict mode only; a block of several lines checks its counts instead).
    """
    text = clean(wide_gaps_separated(line))
    if not text:
        return None
    han, latin = has_han(text), has_latin(text)
    if han and latin:
        text = trim_affiliation(text)
        parts = _SLASH.split(text)
        if len(parts) == 2 and has_han(parts[0]) and not has_han(parts[1]):
            zh = split_han_names(parts[0])
            return _pair(zh, split_latin_names(parts[1], len(zh)), strict)
        semi = [clean(p) for p in re.split(r"[;；]", text) if p.strip()]
        if len(semi) >= 2 and all(has_han(p) != has_latin(p) for p in semi):
            # ``蕭玲蓉;Hsiao, Ling-jung``: Chinese and romanized names as separate entries.
            zh = [p for p in semi if has_han(p)]
            en = [p for p in semi if not has_han(p)]
            if len(zh) == len(en):
                return _pair(zh, en, strict)
        if "(" in text or "（" in text:
            people: list[Person] = []
            for entry in _split_entries(text):
                person = _paren_entry(entry, strict)
                if person is None or (not strict and person.en is None and "(" in entry):
                    # In a labelled field, ``蔡炎興(Yan-Hsing Tsai)`` among other words.
                    return None if strict else (_embedded_names(text) or None)
                people.append(person)
            return people
        m = _HAN_THEN_LATIN.match(text)
        if m:
            zh = split_han_names(m.group(1))
            return _pair(zh, split_latin_names(m.group(2), len(zh)), strict)
        return None if strict else _one_script([text], strict)
    if han:
        return _one_script(split_han_names(text), strict, row=row)
    if "/" in text or "／" in text:
        return None
    return _one_script(split_latin_names(text), strict)


def parse_authors(text: str, *, strict: bool = True) -> list[Person] | None:
    """Authors from a block of one or more lines (one line per script is paired up)."""
    lines = [clean(wide_gaps_separated(x)) for x in strip_affiliations(text).split("\n")
             if x.strip()]
    if not lines:
        return None
    if len(lines) == 1:
        return parse_author_line(lines[0], strict=strict)
    per_line: list[list[Person]] = []
    loose = False
    han_lines = [line for line in lines if has_han(line) and not has_latin(line)]
    # Romanized names printed without separators are split by the count of Chinese names.
    expected = len(split_han_names(han_lines[0])) if len(han_lines) == 1 else None
    for line in lines:
        people = None
        if expected and expected > 1 and not has_han(line) and not _HAN_SEPARATORS.search(line):
            names = _even_split(line, expected)
            people = [Person(en=n) for n in names] if names else None
        if people is None:
            # (A row with an uncommon surname is taken below only beside as many romanized
            # names: the check that follows.)
            people = parse_author_line(line, strict=strict, row=False)
        if people is None and strict and has_han(line) and not has_latin(line):
            # A Chinese line whose surnames are not in the common list still pairs with an
            # equally long line of romanized names (checked below).
            names = split_han_names(line)
            if names and all(_HAN_NAME.fullmatch(fold(_SPACES.sub("", n))) for n in names):
                people, loose = [Person(zh=n) for n in names], True
        if people is None:
            return None
        per_line.append(people)
    flat = [p for people in per_line for p in people]
    zh_only = [p.zh for p in flat if p.zh and not p.en]
    en_only = [p.en for p in flat if p.en and not p.zh]
    if len(zh_only) + len(en_only) == len(flat) and zh_only and len(zh_only) == len(en_only):
        paired = [Person(zh=a, en=b) for a, b in zip(zh_only, en_only, strict=True)]
        paired = _by_sound(paired)
        # Names without a common surname are names only if their romanizations sound like
        # them: one keyword per line in each script (``公司形象`` … ``Corporate Image`` …)
        # has the same shape.
        if loose and not sounded(paired):
            return None
        return paired
    return None if loose else flat


def _by_sound(paired: list[Person]) -> list[Person]:
    """``paired`` (names zipped in order) re-paired by sound when the romanized names were
    printed in another order (``王大明、李小華`` / ``Hsiao-Hua Li、Ta-Ming Wang``): only when
    some pair in order does not render its Chinese name and one order renders every one."""
    if not 2 <= len(paired) <= 4:
        return paired
    from termkit.pinyin.names import match_name
    from termkit.records.romanized import MATCH

    zh = [p.zh or "" for p in paired]
    en = [p.en or "" for p in paired]
    if all(match_name(a, b) >= MATCH for a, b in zip(zh, en, strict=True)):
        return paired
    score = {(a, b): match_name(zh[a], en[b]) for a in range(len(zh)) for b in range(len(en))}
    fits = [order for order in permutations(range(len(en)))
            if all(score[i, j] >= MATCH for i, j in enumerate(order))]
    if len(fits) != 1:
        return paired
    return [Person(zh=zh[i], en=en[j]) for i, j in enumerate(fits[0])]


def is_bilingual(people: list[Person]) -> bool:
    """True if some author carries both a Chinese and a romanized name."""
    return any(p.zh and p.en for p in people)
