"""OpenCC's steps written as one dictionary each (termkit.convert.opencc_flat) convert exactly as
OpenCC's own configs do.

The oracle is OpenCC itself with the bundled config. The texts are every key of every
dictionary the config reads: alone (one per line), run together in a shuffled order, each
followed by the start of the next, and rotated by one character, so each key is read at a
position where a longer key of another dictionary, a prefix of it or a key crossing its
edges may start. (A first version that let a short-circuit group's later dictionary shadow
its own longer keys failed here on ``參考資料`` in tw2sp.)
"""

from __future__ import annotations

import functools
import itertools
import json
import os
import random
import tempfile
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termkit.convert import opencc_converter
from termkit.convert.configs import CONFIG_VARIANTS
from termkit.convert.opencc_data import absolute_paths, config_json, dictionary, opencc_dict_tool
from termkit.convert.opencc_flat import (
    flat_config,
    flat_steps,
    merge_group,
    step_entries,
    write_dict,
)


def _flat_converter(config: str, folder: str) -> Any:
    import opencc

    flat = flat_config(config)
    assert flat is not None, f"{config} could not be written as single dictionaries"
    data: dict[str, Any] = absolute_paths(config_json(config))
    data.pop("segmentation", None)
    data.update(flat_steps(flat, folder, opencc_dict_tool()))
    path = os.path.join(folder, "config.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
    return opencc.OpenCC(path)


def _files(node: dict[str, Any]) -> list[str]:
    if node.get("type") == "group":
        return [f for d in node["dicts"] for f in _files(d)]
    return [str(node["file"]).removesuffix(".ocd2")]


@functools.cache
def _keys(config: str) -> list[str]:
    data = config_json(config)
    nodes = [s["dict"] for s in [*data.get("normalization", []), *data["conversion_chain"]]]
    if "segmentation" in data:
        nodes.append(data["segmentation"]["dict"])
    return sorted({k for node in nodes for name in _files(node) for k in dictionary(name)})


@pytest.mark.parametrize("config", sorted(CONFIG_VARIANTS))
def test_flat_steps_convert_as_opencc(config: str) -> None:
    keys = _keys(config)
    shuffled = keys[:]
    random.Random(config).shuffle(shuffled)
    texts = {
        "alone": "\n".join(keys),
        "run together": "".join(shuffled),
        "with the next's start": "".join(a + b[:2] for a, b in itertools.pairwise(shuffled)),
        "rotated": "".join(k[1:] + k[:1] for k in shuffled),
    }
    plain = opencc_converter(config)
    with tempfile.TemporaryDirectory() as folder:
        flat = _flat_converter(config, folder)
        for name, text in texts.items():
            assert flat.convert(text) == plain.convert(text), name


def test_every_bundled_config_can_be_flattened() -> None:
    # The compiled lock falls back to OpenCC's own groups for a config that cannot; none does.
    assert [c for c in sorted(CONFIG_VARIANTS) if flat_config(c) is None] == []


def test_short_circuit_keeps_later_keys_only_where_no_earlier_prefix() -> None:
    node = {"type": "group", "match_policy": "short_circuit",
            "dicts": [{"type": "ocd2", "file": "TWPhrasesRev.ocd2"},
                      {"type": "ocd2", "file": "TWVariantsRevPhrases.ocd2"}]}
    merged = step_entries(node)
    assert merged is not None
    first, later = dictionary("TWPhrasesRev"), dictionary("TWVariantsRevPhrases")
    assert {k: v[0] for k, v in first.items()}.items() <= merged.items()
    kept = {k for k in later if not any(k[:i] in first for i in range(1, len(k) + 1))}
    assert set(merged) == set(first) | kept
    assert "參考資料" in kept and "資料" in first  # a longer later key kept beside an earlier one


def test_union_keeps_every_key_and_the_first_value() -> None:
    node = config_json("s2t")["conversion_chain"][0]["dict"]["dicts"][0]
    assert node["match_policy"] == "union"
    merged = step_entries(node)
    assert merged is not None
    first, second = (dictionary(f["file"].removesuffix(".ocd2")) for f in node["dicts"])
    assert set(merged) == set(first) | set(second)
    assert all(merged[k] == (first.get(k) or second[k])[0] for k in merged)


def test_unknown_group_policy_is_not_flattened() -> None:
    node = {"type": "group", "match_policy": "longest_first",
            "dicts": [{"type": "ocd2", "file": "TSPhrases.ocd2"}]}
    assert step_entries(node) is None
    assert step_entries({"type": "text", "file": "mine.txt"}) is None


def _ocd2(entries: dict[str, str], path: str) -> dict[str, str]:
    import subprocess

    with open(path + ".txt", "w", encoding="utf-8") as fh:
        fh.writelines(f"{k}\t{v}\n" for k, v in entries.items())
    subprocess.run([opencc_dict_tool(), "-i", path + ".txt", "-o", path, "-f", "text", "-t", "ocd2"],
                   check=True, capture_output=True)
    return {"type": "ocd2", "file": path}


_KEYS = st.dictionaries(st.text("甲乙丙丁", min_size=1, max_size=3), st.text("ABC", min_size=1, max_size=2),
                        max_size=6)


@settings(max_examples=25, deadline=None)
@given(parts=st.lists(_KEYS, min_size=1, max_size=3), policy=st.sampled_from(["short_circuit", "union"]),
       texts=st.lists(st.text("甲乙丙丁戊", max_size=12), min_size=1, max_size=5))
def test_merged_group_reads_as_opencc_reads_the_group(parts: list[dict[str, str]], policy: str,
                                                       texts: list[str]) -> None:
    """The group semantics the module relies on, checked against OpenCC with small dictionaries."""
    import opencc

    with tempfile.TemporaryDirectory() as folder:
        group = {"type": "group", "match_policy": policy,
                 "dicts": [_ocd2(p, os.path.join(folder, f"p{i}.ocd2")) for i, p in enumerate(parts)]}
        merged = merge_group(policy, parts)
        assert merged is not None
        write_dict(opencc_dict_tool(), merged.items(), os.path.join(folder, "flat.ocd"))
        converters = []
        for name, node in (("group", group), ("flat", {"type": "ocd", "file": os.path.join(folder, "flat.ocd")})):
            path = os.path.join(folder, f"{name}.json")
            with open(path, "w", encoding="utf-8") as fh:
                json.dump({"name": name, "conversion_chain": [{"dict": node}]}, fh, ensure_ascii=False)
            converters.append(opencc.OpenCC(path))
        text = "\n".join(texts)
        assert converters[1].convert(text) == converters[0].convert(text)
